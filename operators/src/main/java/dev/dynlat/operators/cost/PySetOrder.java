package dev.dynlat.operators.cost;

import java.util.List;

/**
 * The iteration order of a CPython {@code set} of small positive ints built by inserting values
 * one by one: an open-addressing table (initial 8 slots, grown ×4 when 3/5 full) probed linearly
 * for up to 9 slots, then by the perturbed recurrence {@code i = 5i + 1 + perturb}. An int hashes
 * to itself. Only used to reproduce the reference predictor's tie-breaking, in the laudnet
 * variant ({@link LaudnetVariant#tileSizes}).
 */
final class PySetOrder {
    private static final int MIN_SIZE = 8;
    private static final int LINEAR_PROBES = 9;
    private static final int PERTURB_SHIFT = 5;

    private PySetOrder() {
    }

    static int[] iterationOrder(List<Integer> insertion) {
        int[] table = new int[MIN_SIZE];
        int used = 0;
        int fill = 0;
        for (int value : insertion) {
            if (contains(table, value)) {
                continue;
            }
            insert(table, value);
            used++;
            fill++;
            int mask = table.length - 1;
            if ((long) fill * 5 >= (long) mask * 3) {
                table = resize(table, used * 4);
                fill = used;
            }
        }
        int[] out = new int[used];
        int k = 0;
        for (int v : table) {
            if (v != 0) {
                out[k++] = v;
            }
        }
        return out;
    }

    private static boolean contains(int[] table, int value) {
        for (int v : table) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private static void insert(int[] table, int value) {
        int mask = table.length - 1;
        long perturb = value;
        int i = value & mask;
        while (true) {
            if (table[i] == 0) {
                table[i] = value;
                return;
            }
            if (i + LINEAR_PROBES <= mask) {
                for (int j = 1; j <= LINEAR_PROBES; j++) {
                    if (table[i + j] == 0) {
                        table[i + j] = value;
                        return;
                    }
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    private static int[] resize(int[] old, int minUsed) {
        int size = MIN_SIZE;
        while (size <= minUsed) {
            size <<= 1;
        }
        int[] table = new int[size];
        for (int v : old) {
            if (v != 0) {
                insert(table, v);
            }
        }
        return table;
    }
}
