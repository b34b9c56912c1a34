package dev.dynlat.operators.model;

import java.util.Locale;

/**
 * Which version of the analytic model to run. {@code LAUDNET} reproduces the reference predictor,
 * including its known defects, so that published numbers can be regenerated. {@code CALIBRATED}
 * fixes those defects and uses the coefficients fitted by the calibration module. The cost models
 * run it as one of three strategies ({@code dev.dynlat.operators.cost.CostVariant}): laudnet, or
 * calibrated-gpu / calibrated-cpu by the profile's device kind, and the predictor composes blocks
 * by the variant's {@code dev.dynlat.operators.lowering.Composition}. {@link #id()} is what outputs show.
 */
public enum ModelVariant {
    LAUDNET, CALIBRATED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModelVariant parse(String text) {
        for (ModelVariant v : values()) {
            if (v.id().equalsIgnoreCase(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException("variant: unknown variant '" + text + "'; expected laudnet or calibrated");
    }
}
