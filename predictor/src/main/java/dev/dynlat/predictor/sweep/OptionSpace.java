package dev.dynlat.predictor.sweep;

import java.util.Arrays;

/**
 * The per-stage options of one paradigm in one model: for each stage the values it may take
 * ({@code choices[stage]}), and whether combinations are the full cross product (every stage
 * picks independently) or uniform (combination k takes the k-th value in every stage, as the
 * flag form {@code --options} does). Combination k is decoded without materialising the space,
 * so spaces far larger than memory stream fine.
 *
 * @param choices per stage, the candidate S or G values (never empty)
 * @param crossProduct true for the cross product, false for uniform
 */
public record OptionSpace(int[][] choices, boolean crossProduct) {
    public OptionSpace {
        choices = deepCopy(choices);
        if (!crossProduct) {
            for (int[] c : choices) {
                if (c.length != choices[0].length) {
                    throw new IllegalArgumentException("uniform option spaces need one value per stage per option");
                }
            }
        }
    }

    /** One combination: the layer paradigm and single-option spaces. */
    public static OptionSpace single(int stages) {
        int[][] c = new int[stages][];
        for (int i = 0; i < stages; i++) {
            c[i] = new int[] {1};
        }
        return new OptionSpace(c, true);
    }

    /** Number of combinations (saturates at {@link Long#MAX_VALUE}). */
    public long size() {
        if (!crossProduct) {
            return choices.length == 0 ? 1 : choices[0].length;
        }
        long n = 1;
        for (int[] c : choices) {
            if (n > Long.MAX_VALUE / c.length) {
                return Long.MAX_VALUE;
            }
            n *= c.length;
        }
        return n;
    }

    /** Writes the choice index of every stage for combination {@code k}; the last stage varies fastest. */
    public void indices(long k, int[] out) {
        if (!crossProduct) {
            Arrays.fill(out, (int) k);
            return;
        }
        for (int i = choices.length - 1; i >= 0; i--) {
            int n = choices[i].length;
            out[i] = (int) (k % n);
            k /= n;
        }
    }

    public int stages() {
        return choices.length;
    }

    /** The candidate values of one stage. */
    public int[] stageChoices(int stage) {
        return choices[stage].clone();
    }

    int value(int stage, int index) {
        return choices[stage][index];
    }

    int choiceCount(int stage) {
        return choices[stage].length;
    }

    @Override
    public int[][] choices() {
        return deepCopy(choices);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptionSpace s && s.crossProduct == crossProduct && Arrays.deepEquals(s.choices, choices);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(choices) * 2 + (crossProduct ? 1 : 0);
    }

    @Override
    public String toString() {
        return (crossProduct ? "cross" : "uniform") + Arrays.deepToString(choices);
    }

    private static int[][] deepCopy(int[][] a) {
        int[][] out = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
