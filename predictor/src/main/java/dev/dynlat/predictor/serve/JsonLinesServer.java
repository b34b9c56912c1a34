package dev.dynlat.predictor.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynlat.predictor.provenance.ToolVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request/answer loop over JSON Lines: each non-blank input line is one request object
 * {@code {"op": "predict", "id": 7, ...fields}}, and each gets exactly one output line, either
 * {@code {"id": 7, "result": ...}} or {@code {"id": 7, "error": "field: message"}} (with
 * {@code "warnings"} when there were any), and last the build that answered
 * ({@code "tool_version"}, {@code "git_commit"}), so that an answer kept on its own can be traced.
 * The id is echoed as given and omitted when absent. A bad request never ends the loop; end of
 * input does. Operations are found in a registry by name. Answers in order, one request at a time
 * (the engine behind is not thread-safe).
 */
public final class JsonLinesServer {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_MESSAGE = 200;

    private final Map<String, Operation> operations;
    private final List<String> names;
    private final ToolVersion tool;

    /**
     * A server for these operations, by name (iteration order is the order error messages list them
     * in), whose answers name {@code tool}.
     */
    public JsonLinesServer(Map<String, Operation> operations, ToolVersion tool) {
        this.operations = Map.copyOf(operations);
        this.names = List.copyOf(operations.keySet());
        this.tool = tool;
    }

    /** Answers every request line of {@code in} on {@code out} until end of input. */
    public void serve(BufferedReader in, Writer out) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            out.write(MAPPER.writeValueAsString(answer(line)));
            out.write('\n');
            out.flush();
        }
    }

    /** The answer to one request line (one at a time: standard input and an HTTP door may share a server). */
    public synchronized ObjectNode answer(String line) {
        return tool.addTo(unsigned(line));
    }

    private ObjectNode unsigned(String line) {
        JsonNode request;
        try {
            request = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return error(null, "request: malformed JSON: " + oneLine(e));
        }
        if (request == null || !request.isObject()) {
            return error(null, "request: expected a JSON object, got " + (request == null ? "nothing"
                    : request.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        ObjectNode fields = ((ObjectNode) request).deepCopy();
        JsonNode id = fields.remove("id");
        JsonNode op = fields.remove("op");
        if (op == null || !op.isTextual()) {
            return error(id, "op: " + (op == null ? "missing" : "expected a name, got " + op) + "; expected one of "
                    + String.join(", ", names));
        }
        Operation operation = operations.get(op.asText());
        if (operation == null) {
            return error(id, "op: unknown operation '" + op.asText() + "'; expected one of " + String.join(", ", names));
        }
        List<String> warnings = new ArrayList<>();
        ObjectNode answer;
        try {
            JsonNode result = operation.answer(fields, warnings);
            answer = MAPPER.createObjectNode();
            if (id != null) {
                answer.set("id", id);
            }
            answer.set("result", result);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            answer = error(id, e.getMessage());
        } catch (Exception e) {
            answer = error(id, "internal error: " + e);
        }
        if (!warnings.isEmpty()) {
            ArrayNode w = answer.putArray("warnings");
            warnings.forEach(w::add);
        }
        return answer;
    }

    private static ObjectNode error(JsonNode id, String message) {
        ObjectNode o = MAPPER.createObjectNode();
        if (id != null) {
            o.set("id", id);
        }
        o.put("error", message);
        return o;
    }

    /** Jackson's message without its source excerpt: the problem and where, on one line. */
    private static String oneLine(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
        String m = e.getOriginalMessage().replaceAll("\\s+", " ").strip();
        int source = m.indexOf(" (start marker at");
        m = source > 0 ? m.substring(0, source) : m;
        // A long bad token is quoted back in full by the parser; the start is enough to find it.
        return (m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "..." : m) + where;
    }
}
