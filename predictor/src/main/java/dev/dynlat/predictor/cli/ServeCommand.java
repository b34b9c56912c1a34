package dev.dynlat.predictor.cli;

import dev.dynlat.predictor.request.Workspace;
import dev.dynlat.predictor.serve.HttpFront;
import dev.dynlat.predictor.serve.JsonLinesServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dynlat serve}: answers JSON-lines requests on standard input, one JSON line each, until end of input. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Answer requests as JSON Lines: one request object per line on standard input, one answer"
                + " line each on standard output, until end of input (exit 0). Models, devices and cost caches stay"
                + " loaded between requests.",
            "Request: {\"op\": \"predict\", \"id\": 1, \"model\": \"resnet50\", \"device\": \"v100\","
                + " \"mode\": \"channel\", \"channel_group\": 2, \"rate\": 0.5}",
            "Operations: predict, sweep, search (fields: their long options with _ for -; lists as JSON"
                + " arrays), models, devices.",
            "Answer: {\"id\": 1, \"result\": {...}} or {\"id\": 1, \"error\": \"rate: must be in [0, 1], got 2.0\"}.",
            "The Python client (python/README.md) runs one of these: dynlat.Engine()."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "Also answer HTTP on 127.0.0.1:N (0: a free port,"
            + " printed on standard error): POST one request object, get its answer. Standard input still ends it.")
    Integer port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        JsonLinesServer server = ServeOperations.server(new Workspace());
        HttpFront http = port == null ? null : HttpFront.start(server, port);
        if (http != null) {
            spec.commandLine().getErr().println("dynlat serve: listening on http://127.0.0.1:" + http.port() + "/");
            spec.commandLine().getErr().flush();
        }
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            server.serve(in, spec.commandLine().getOut());
        } finally {
            if (http != null) {
                http.close();
            }
        }
        return 0;
    }
}
