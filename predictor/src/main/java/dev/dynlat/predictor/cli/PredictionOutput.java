package dev.dynlat.predictor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynlat.predictor.format.CsvFormatter;
import dev.dynlat.predictor.format.DecisionFormatter;
import dev.dynlat.predictor.format.JsonFormatter;
import dev.dynlat.predictor.format.TableFormatter;
import dev.dynlat.predictor.provenance.ToolVersion;
import dev.dynlat.predictor.request.PredictionResult;
import dev.dynlat.predictor.request.ResultFormat;

/**
 * A prediction result in each of its formats: the text {@code predict} writes and the tree {@code serve}
 * answers with (a serve answer names the build in its envelope, so the tree does not repeat it).
 */
final class PredictionOutput {
    private PredictionOutput() {
    }

    static String text(PredictionResult r, ResultFormat format, boolean detail) {
        var p = r.summary().prediction();
        return switch (format) {
            case JSON -> JsonFormatter.format(r.summary(), root -> ToolVersion.current().addTo(decisions(root, r)));
            case CSV -> r.report() == null ? CsvFormatter.format(r.summary())
                    : DecisionFormatter.csv(p.model(), p.device(), r.report());
            case TABLE -> TableFormatter.format(r.summary(), detail)
                    + (r.report() == null ? "" : DecisionFormatter.table(r.report()));
            default -> throw new IllegalArgumentException("format: a prediction is not written as " + format.id());
        };
    }

    static ObjectNode json(PredictionResult r) {
        return JsonFormatter.tree(r.summary(), root -> decisions(root, r));
    }

    private static ObjectNode decisions(ObjectNode root, PredictionResult r) {
        if (r.report() != null) {
            DecisionFormatter.json(root, r.report());
        }
        return root;
    }
}
