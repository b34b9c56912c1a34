package dev.dynlat.predictor.request;

import dev.dynlat.predictor.dynamic.Paradigm;

/**
 * A flag-form rate sweep: one model on one device, every per-stage option (each applied to every
 * stage) at every activation rate. The mode is checked when the record is built; options and
 * rates when the sweep runs (after the model is loaded, as the CLI has always reported them).
 *
 * @param mode spatial, channel or layer, as typed
 * @param options S or G values as typed ({@code 1,2,4,8})
 * @param rates rates as typed: a list ({@code 0.25,0.5}) or {@code start:stop:step}
 */
public record SweepRequest(TargetRequest target, String mode, String options, String rates) {
    public static final String DEFAULT_OPTIONS = "1,2,4,8";
    public static final String DEFAULT_RATES = "0.1:1:0.1";

    public SweepRequest {
        if (mode == null) {
            throw new IllegalArgumentException("Missing required option: '--mode=MODE' (or --spec FILE)");
        }
        options = options == null ? DEFAULT_OPTIONS : options;
        rates = rates == null ? DEFAULT_RATES : rates;
        target.checkBatch();
    }

    public Paradigm paradigm() {
        return Paradigm.parse("mode", mode);
    }

    public int[] optionValues() {
        return PerStageList.parse("options", options);
    }

    public double[] rateGrid() {
        return RateList.parse(rates);
    }
}
