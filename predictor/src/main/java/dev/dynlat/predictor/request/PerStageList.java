package dev.dynlat.predictor.request;

import dev.dynlat.operators.input.DecimalText;

/** A per-stage integer option as typed: {@code 4,4,2,1}, or one value for every stage. */
public final class PerStageList {
    private PerStageList() {
    }

    /** Parses "4,4,2,1" (or one value for every stage) into positive integers. */
    public static int[] parse(String field, String text, int stages) {
        String[] parts = text.split(",", -1);
        if (parts.length != 1 && parts.length != stages) {
            throw new IllegalArgumentException(field + ": expected 1 or " + stages + " values, got " + parts.length
                    + " ('" + text + "')");
        }
        int[] out = new int[stages];
        for (int i = 0; i < stages; i++) {
            String p = parts[parts.length == 1 ? 0 : i].strip();
            if (!DecimalText.isInteger(p)) {
                throw new IllegalArgumentException(field + ": '" + p + "' is not a positive integer");
            }
            int v = DecimalText.parseInt(field, p);
            if (v <= 0) {
                throw new IllegalArgumentException(field + ": must be a positive integer, got " + v);
            }
            out[i] = v;
        }
        return out;
    }

    /** A plain list of positive integers ({@code --options 1,2,4,8}), as many as typed. */
    public static int[] parse(String field, String text) {
        return parse(field, text, text.split(",", -1).length);
    }
}
