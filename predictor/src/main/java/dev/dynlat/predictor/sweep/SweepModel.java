package dev.dynlat.predictor.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * What a sweep needs to know of a model: its residual stages with their output map side and
 * valid channel groups, and how many early exits it has (a hook: no zoo model has exits yet, so
 * exit proportions are rejected until one does). The network itself is opaque here; only
 * {@link SweepWorkloads} looks inside.
 *
 * @param name model name
 * @param stages residual stages in execution order
 * @param exits number of early exits (0 for none)
 * @param network the network, for {@link SweepWorkloads} only
 */
public record SweepModel(String name, List<StageShape> stages, int exits, Object network) {
    public SweepModel {
        stages = List.copyOf(stages);
    }

    /**
     * One residual stage.
     *
     * @param name e.g. {@code layer3}
     * @param mapSide output feature-map side in pixels (square maps)
     * @param channelGroups every valid channel group size G, ascending
     */
    public record StageShape(String name, int mapSide, int[] channelGroups) {
        public StageShape {
            channelGroups = channelGroups.clone();
        }

        @Override
        public int[] channelGroups() {
            return channelGroups.clone();
        }

        /** Every valid S: the divisors of the map side, so patches tile the map exactly. */
        public int[] granularities() {
            List<Integer> out = new ArrayList<>();
            for (int s = 1; s <= mapSide; s++) {
                if (mapSide % s == 0) {
                    out.add(s);
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Whether S fits the stage's map (the engine's rule: S ≤ map side). */
        public boolean fitsGranularity(int s) {
            return s >= 1 && s <= mapSide;
        }

        public boolean fitsChannelGroup(int g) {
            for (int v : channelGroups) {
                if (v == g) {
                    return true;
                }
            }
            return false;
        }
    }
}
