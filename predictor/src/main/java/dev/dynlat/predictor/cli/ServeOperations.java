package dev.dynlat.predictor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynlat.predictor.format.TableJson;
import dev.dynlat.predictor.provenance.ToolVersion;
import dev.dynlat.predictor.request.PredictionResult;
import dev.dynlat.predictor.request.PredictionRun;
import dev.dynlat.predictor.request.ResultFormat;
import dev.dynlat.predictor.request.SearchRun;
import dev.dynlat.predictor.request.SweepResult;
import dev.dynlat.predictor.request.SweepRun;
import dev.dynlat.predictor.request.Workspace;
import dev.dynlat.predictor.serve.JsonLinesServer;
import dev.dynlat.predictor.serve.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations of {@code dynlat serve}: each takes the fields of its CLI command (long option
 * names, {@code _} for {@code -}), builds the same request the command builds, runs it in one
 * warm {@link Workspace}, and answers with JSON. Options that name output files are not fields.
 */
final class ServeOperations {
    private ServeOperations() {
    }

    /** A server whose requests share {@code ws}: networks, profiles and predictors stay loaded between them. */
    static JsonLinesServer server(Workspace ws) {
        Map<String, Operation> ops = new LinkedHashMap<>();
        JsonFlags.Parser<PredictCommand> predict = new JsonFlags.Parser<>("predict", PredictCommand.class,
                Set.of("out", "chart", "format"));
        JsonFlags.Parser<SweepCommand> sweep = new JsonFlags.Parser<>("sweep", SweepCommand.class,
                Set.of("out", "chart", "spec", "threads"));
        JsonFlags.Parser<SearchCommand> search = new JsonFlags.Parser<>("search", SearchCommand.class, Set.of("format"));
        ops.put("predict", (fields, warnings) -> predict(ws, predict, fields, warnings));
        ops.put("sweep", (fields, warnings) -> sweep(ws, sweep, fields));
        ops.put("search", (fields, warnings) -> SearchJson.of(SearchRun.run(search.parse(fields).request(), ws)));
        Catalog catalog = new Catalog();
        ops.put("models", (fields, warnings) -> catalog.models(fields));
        ops.put("devices", (fields, warnings) -> catalog.devices(fields));
        ops.put("version", (fields, warnings) -> {
            Catalog.noFields("version", fields);
            return ToolVersion.current().addTo(JsonNodeFactory.instance.objectNode());
        });
        return new JsonLinesServer(ops, ToolVersion.current());
    }

    /** How much of a prediction an answer carries: every stage and operator, or the network's totals only. */
    enum Detail {
        FULL, SUMMARY;

        /** The request's {@code detail} field (removed from the fields), {@code full} when absent. */
        static Detail take(ObjectNode fields) {
            JsonNode d = fields.remove("detail");
            if (d == null) {
                return FULL;
            }
            for (Detail v : values()) {
                if (d.isTextual() && d.asText().equals(v.name().toLowerCase(java.util.Locale.ROOT))) {
                    return v;
                }
            }
            throw new IllegalArgumentException("detail: must be full or summary, got " + d);
        }
    }

    private static JsonNode predict(Workspace ws, JsonFlags.Parser<PredictCommand> parser, ObjectNode fields,
                                    List<String> warnings) {
        // A summary leaves out the per-stage and per-operator rows (28 KB of a ResNet-50's 29 KB):
        // what a loop over thousands of configurations reads.
        Detail detail = Detail.take(fields);
        PredictCommand cmd = parser.parse(fields);
        cmd.format = ResultFormat.JSON.id();
        PredictionResult r = PredictionRun.run(cmd.request(), ws, profile -> HostCheck.otherHost(profile)
                .ifPresent(why -> warnings.add(profile.name() + " was " + why
                        + "; its calibrated figures describe that machine")));
        JsonNode out = PredictionOutput.json(r);
        if (detail == Detail.SUMMARY && out instanceof ObjectNode o) {
            o.remove("stages");
        }
        return out;
    }

    private static JsonNode sweep(Workspace ws, JsonFlags.Parser<SweepCommand> parser, ObjectNode fields) {
        SweepCommand cmd = parser.parse(fields);
        SweepResult r = SweepRun.run(cmd.request(), ws);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("model", r.model());
        o.put("device", r.device());
        o.put("mode", r.paradigm().id());
        o.put("batch", r.batch());
        o.put("static_latency_ms", r.dense().latencyMs());
        o.set("rows", TableJson.rows(r.points()));
        o.set("best", TableJson.rows(r.best()));
        return o;
    }

    /** The zoo and the built-in devices, answered from memory after the first request (neither changes). */
    private static final class Catalog {
        private JsonNode models;
        private JsonNode devices;

        JsonNode models(ObjectNode fields) {
            noFields("models", fields);
            if (models == null) {
                models = ModelsCommand.zooJson();
            }
            return models;
        }

        JsonNode devices(ObjectNode fields) {
            noFields("devices", fields);
            if (devices == null) {
                devices = DevicesCommand.json();
            }
            return devices;
        }

        private static void noFields(String op, ObjectNode fields) {
            if (!fields.isEmpty()) {
                throw new IllegalArgumentException(fields.fieldNames().next() + ": not a field of " + op
                        + "; it takes none");
            }
        }
    }
}
