package dev.dynlat.predictor.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A localhost HTTP door to a {@link JsonLinesServer}: {@code POST /} with one request object as
 * the body answers with the same JSON object a request line gets (status 200 with
 * {@code result}, 400 with {@code error}). Listens on the loopback address only: the engine
 * reads any file a request names, so it is not offered to other machines.
 */
public final class HttpFront implements AutoCloseable {
    /** The largest request body read, in bytes: a request is a few hundred bytes of options. */
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer http;

    private HttpFront(HttpServer http) {
        this.http = http;
    }

    /**
     * Starts listening on {@code 127.0.0.1:port} (0: any free port).
     *
     * @throws IllegalArgumentException naming the port when it is out of range or taken
     */
    public static HttpFront start(JsonLinesServer server, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: must be 0 to 65535, got " + port);
        }
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new IllegalArgumentException("port: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
        http.createContext("/", exchange -> answer(server, exchange));
        // No executor: requests are answered one at a time on the server's own thread, as the engine needs.
        http.start();
        return new HttpFront(http);
    }

    /** The port it listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    private static void answer(JsonLinesServer server, HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("Allow", "POST");
                reply(exchange, 405, error("request: POST one JSON request object, got " + exchange.getRequestMethod()));
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                reply(exchange, 413, error("request: body over " + MAX_BODY_BYTES + " bytes"));
                return;
            }
            // One request per body: newlines inside a JSON object are only whitespace.
            ObjectNode a = server.answer(new String(body, StandardCharsets.UTF_8).replace('\n', ' ').replace('\r', ' '));
            reply(exchange, a.has("error") ? 400 : 200, a);
        }
    }

    private static ObjectNode error(String message) {
        return MAPPER.createObjectNode().put("error", message);
    }

    private static void reply(HttpExchange exchange, int status, ObjectNode answer) throws IOException {
        byte[] bytes = (MAPPER.writeValueAsString(answer) + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
