package dev.dynlat.predictor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynlat.predictor.request.SearchResult;
import dev.dynlat.predictor.sweep.GranularitySearch;

/**
 * A search result as JSON: the same figures {@code dynlat search} prints, with latencies in
 * milliseconds per batch ({@code _ms}) and per image ({@code _ms_per_image}).
 */
final class SearchJson {
    private SearchJson() {
    }

    static ObjectNode of(SearchResult r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("model", r.model().name());
        o.put("device", r.device());
        o.put("batch", r.batch());
        o.put("mode", r.paradigm().id());
        o.put("picks", r.what());
        o.put("combinations", r.space().size());
        ArrayNode choices = o.putArray("choices");
        for (int i = 0; i < r.space().stages(); i++) {
            ArrayNode stage = choices.addArray();
            for (int v : r.space().stageChoices(i)) {
                stage.add(v);
            }
        }
        if (r.optimum() != null) {
            ObjectNode opt = result(r.optimum(), r.batch());
            ArrayNode stages = opt.putArray("stages");
            for (GranularitySearch.StageChoice c : r.optimum().stages()) {
                ObjectNode s = stages.addObject();
                s.put("stage", r.model().stages().get(c.stage()).name());
                s.put("best", c.best());
                s.put("latency_ms", c.bestMs());
                s.put("runner_up", c.second());
                s.put("runner_up_latency_ms", c.secondMs());
            }
            o.set("optimum", opt);
        }
        ArrayNode front = o.putArray("rate_pareto");
        for (GranularitySearch.Result x : r.ratePareto()) {
            front.add(result(x, r.batch()));
        }
        ArrayNode acc = o.putArray("accuracy_pareto");
        for (SearchResult.AccuracyPoint p : r.accuracyPareto()) {
            ObjectNode a = acc.addObject();
            a.put("option", p.entry().option());
            a.put("rate", p.entry().rate());
            a.put("accuracy_pct", p.entry().accuracyPct());
            a.put("latency_ms", p.latencyMs());
            a.put("latency_ms_per_image", p.latencyMs() / r.batch());
        }
        return o;
    }

    private static ObjectNode result(GranularitySearch.Result x, int batch) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("rate", x.rate());
        o.put("best", x.best().label());
        o.put("latency_ms", x.best().latencyMs());
        o.put("latency_ms_per_image", x.best().latencyMs() / batch);
        if (x.combinations() > 1) {
            o.put("runner_up", x.runnerUp().label());
            o.put("runner_up_latency_ms", x.runnerUp().latencyMs());
            o.put("margin_ms", x.marginMs());
        }
        return o;
    }
}
