package dev.dynlat.predictor.sweep;

import dev.dynlat.predictor.dynamic.Paradigm;
import java.util.Arrays;

/**
 * What a listed S or G becomes in one stage, the one rule of the flag-form sweep and of spec
 * sweeps (uniform or cross product): a granularity S larger than the stage's map is capped at
 * the map (the whole map one patch), as LAUDNet's scripts do; a channel group G is taken as
 * listed. The cap is a real candidate: on ResNet-101's 7x7 last stage S=7 can be the fastest, so
 * a form that dropped it instead would name a different best configuration.
 */
final class StageOption {
    private StageOption() {
    }

    /** The value {@code listed} takes in a stage whose output map is {@code mapSide} wide. */
    static int inStage(Paradigm paradigm, int listed, int mapSide) {
        return paradigm == Paradigm.SPATIAL ? Math.min(listed, mapSide) : listed;
    }

    /** The distinct values {@code listed} takes in such a stage, in the order first listed. */
    static int[] inStage(Paradigm paradigm, int[] listed, int mapSide) {
        return Arrays.stream(listed).map(v -> inStage(paradigm, v, mapSide)).distinct().toArray();
    }
}
