package dev.dynlat.predictor.request;

import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.sweep.GranularitySearch;
import dev.dynlat.predictor.sweep.OptionSpace;
import dev.dynlat.predictor.sweep.SweepModel;
import java.util.List;

/**
 * A search's answer. Latencies in the search's results are milliseconds per batch; divide by
 * {@link #batch} for per image.
 *
 * @param optimum the best configuration at the requested rate, or null when no rate was asked for
 * @param ratePareto the fastest configuration per rate that no higher rate beats (empty: no rates asked)
 * @param accuracyPareto the (latency, accuracy) Pareto set of the accuracy table (empty: none given)
 * @param accuracyConfigs how many configurations the accuracy table listed
 */
public record SearchResult(SweepModel model, String device, int batch, Paradigm paradigm, OptionSpace space,
                           GranularitySearch.Result optimum, List<GranularitySearch.Result> ratePareto,
                           List<AccuracyPoint> accuracyPareto, int accuracyConfigs) {

    /** One configuration of the accuracy table with its predicted latency (ms per batch). */
    public record AccuracyPoint(AccuracyTable.Entry entry, double latencyMs) {
    }

    /** "S" (spatial granularity) or "G" (channel group): what the search picks per stage. */
    public String what() {
        return paradigm == Paradigm.SPATIAL ? "S" : "G";
    }
}
