package dev.dynlat.predictor.request;

import dev.dynlat.predictor.dynamic.Paradigm;
import java.nio.file.Path;

/**
 * A granularity (or channel-group) search: the per-stage option that minimises latency at a rate,
 * the (latency, rate) Pareto set over rates, and the (latency, accuracy) Pareto set of an accuracy
 * table. At least one of rate, rates and accuracy is given; every flag rule is checked when the
 * record is built, before anything is loaded. Rates are fractions in [0, 1].
 *
 * @param mode spatial or channel, as typed
 * @param options candidates per stage as typed ({@code 1,2,4,8}) or {@code all}
 * @param rates rates of the Pareto set as typed (a list or {@code start:stop:step}), or null
 * @param accuracy a CSV with columns option, rate, accuracy_pct, or null
 */
public record SearchRequest(TargetRequest target, String mode, String options, Double rate, String rates,
                            Path accuracy) {
    public static final String DEFAULT_OPTIONS = SweepRequest.DEFAULT_OPTIONS;

    public SearchRequest {
        options = options == null ? DEFAULT_OPTIONS : options;
        target.checkBatch();
        if (mode == null) {
            throw new IllegalArgumentException("Missing required option: '--mode=MODE'");
        }
        Paradigm paradigm = Paradigm.parse("mode", mode);
        if (paradigm != Paradigm.SPATIAL && paradigm != Paradigm.CHANNEL) {
            throw new IllegalArgumentException("mode: search picks S or G per stage; expected spatial or channel, got "
                    + mode);
        }
        if (rate == null && rates == null && accuracy == null) {
            throw new IllegalArgumentException("rate: give --rate R, --rates LIST or --accuracy CSV");
        }
        RateList.check("rate", rate);
        if (rates != null) {
            RateList.parse(rates);
        }
    }

    public Paradigm paradigm() {
        return Paradigm.parse("mode", mode);
    }

    /** The rates of the (latency, rate) Pareto set; empty when none were asked for. */
    public double[] rateGrid() {
        return rates == null ? new double[0] : RateList.parse(rates);
    }
}
