package dev.dynlat.predictor.distribution;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * Per-input decisions stored compactly: each input's exit as an int and its policy as bits (one
 * long per 64 decided blocks), about 12 bytes an input where a list of {@link InputDecision}s
 * takes over 100, so a decisions file of ten million rows fits in a few hundred megabytes. Reads
 * as a list; {@link #get} builds the record on demand.
 */
public final class InputDecisions extends AbstractList<InputDecision> implements RandomAccess {
    private final int blocks;
    private final int words;
    private int[] exits = new int[1024];
    private long[] bits;
    private int size;

    /** An empty list for inputs with {@code blocks} policy bits each (0: no policy, every block runs). */
    public InputDecisions(int blocks) {
        this.blocks = blocks;
        this.words = (blocks + 63) / 64;
        this.bits = new long[1024 * words];
    }

    /**
     * Appends an input.
     *
     * @param keep its policy ({@code blocks} bits), or null when every block runs
     */
    public void append(int exit, boolean[] keep) {
        if ((long) (size + 1) * Math.max(words, 1) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("decisions: more than " + size + " inputs");
        }
        if (size == exits.length) {
            int grown = (int) Math.min((long) size * 2, Integer.MAX_VALUE - 8);
            exits = Arrays.copyOf(exits, grown);
            bits = Arrays.copyOf(bits, (int) Math.min((long) grown * words, Integer.MAX_VALUE - 8));
        }
        exits[size] = exit;
        for (int d = 0; d < blocks; d++) {
            if (keep == null || keep[d]) {
                bits[size * words + d / 64] |= 1L << (d % 64);
            }
        }
        size++;
    }

    @Override
    public InputDecision get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        if (blocks == 0) {
            return new InputDecision(exits[i], null);
        }
        boolean[] keep = new boolean[blocks];
        for (int d = 0; d < blocks; d++) {
            keep[d] = (bits[i * words + d / 64] >>> (d % 64) & 1) != 0;
        }
        return new InputDecision(exits[i], keep);
    }

    @Override
    public int size() {
        return size;
    }
}
