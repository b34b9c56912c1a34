package dev.dynlat.predictor.cli;

import dev.dynlat.predictor.request.Workspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dynlat serve}: answers JSON-lines requests on standard input, one JSON line each, until end of input. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Answer requests as JSON Lines: one request object per line on standard input, one answer"
                + " line each on standard output, until end of input (exit 0). Models, devices and cost caches stay"
                + " loaded between requests.",
            "Request: {\"op\": \"predict\", \"id\": 1, \"model\": \"resnet50\", \"device\": \"v100\","
                + " \"mode\": \"channel\", \"channel_group\": 2, \"rate\": 0.5}",
            "Operations: predict, sweep, search (fields: their long options with _ for -; lists as JSON"
                + " arrays), models, devices.",
            "Answer: {\"id\": 1, \"result\": {...}} or {\"id\": 1, \"error\": \"rate: must be in [0, 1], got 2.0\"}."})
public final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ServeOperations.server(new Workspace()).serve(in, spec.commandLine().getOut());
        return 0;
    }
}
