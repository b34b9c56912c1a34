package dev.dynlat.predictor.importer;

import dev.dynlat.operators.input.DecimalText;
import java.util.Arrays;

/**
 * The {@code --input} of an import: {@code 224} (a square image side), {@code 800x1333} (height ×
 * width of an image), or a full shape such as {@code 1x3x224x224} or {@code 1x128} (batch first, as
 * the model declares it). It fills the dimensions an exporter left dynamic ({@code dim_param} or
 * -1); an unknown batch is 1.
 *
 * @param sizes the numbers given, in order (empty: not given)
 */
public record InputDims(long[] sizes) {
    /** No {@code --input}: every dimension but the batch must be fixed in the file. */
    public static final InputDims NONE = new InputDims(new long[0]);

    /** Parses {@code 224}, {@code 800x1333}, {@code 1x3x224x224}; null or blank is {@link #NONE}. */
    public static InputDims parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String[] parts = text.strip().toLowerCase(java.util.Locale.ROOT).split("x", -1);
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = DecimalText.parseLong(parts[i].strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--input: '" + text + "' is not a size (224), HxW (800x1333) or a"
                        + " full shape (1x3x224x224)");
            }
            if (v[i] < 1 || v[i] > (1 << 20)) {
                throw new IllegalArgumentException("--input: size " + parts[i] + " in '" + text
                        + "' must be in [1, " + (1 << 20) + "]");
            }
        }
        return new InputDims(v);
    }

    /**
     * The dimensions of model input {@code name} declared as {@code declared} (-1 where dynamic, with
     * {@code params} naming them where the exporter did).
     */
    long[] resolve(String name, long[] declared, String[] params, boolean channelsLast) {
        int hAxis = channelsLast ? 1 : 2;
        long[] out = declared.clone();
        int r = declared.length;
        if (sizes.length == r) {
            for (int i = 0; i < r; i++) {
                int channelAxis = channelsLast ? 3 : 1;
                if (declared[i] > 0 && declared[i] != sizes[i] && (i == channelAxis && r == 4)) {
                    throw new IllegalArgumentException("--input: '" + text() + "' gives input '" + name
                            + "' " + sizes[i] + " channels, but the model has " + declared[i]);
                }
                out[i] = sizes[i];
            }
        } else if (sizes.length == 2 && r == 4) {
            out[hAxis] = sizes[0];
            out[hAxis + 1] = sizes[1];
        } else if (sizes.length == 1 && r == 4) {
            out[hAxis] = sizes[0];
            out[hAxis + 1] = sizes[0];
        } else if (sizes.length == 1 && (r == 2 || r == 3)) {
            out[1] = sizes[0];
        } else if (sizes.length > 0) {
            throw new IllegalArgumentException("--input: '" + text() + "' does not fit input '" + name + "' of rank "
                    + r + " " + describe(declared, params) + "; give " + r + " sizes (batch first)");
        }
        if (out.length > 0 && out[0] <= 0) {
            out[0] = 1;
        }
        for (int i = 0; i < r; i++) {
            if (out[i] <= 0) {
                String what = params[i] == null || params[i].isEmpty() ? "" : " ('" + params[i] + "')";
                throw new IllegalArgumentException("--input: dimension " + i + what + " of input '" + name + "' "
                        + describe(declared, params) + " is dynamic; give it with --input (e.g. --input "
                        + example(declared) + ")");
            }
        }
        return out;
    }

    private String text() {
        return String.join("x", Arrays.stream(sizes).mapToObj(Long::toString).toList());
    }

    private static String describe(long[] dims, String[] params) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            sb.append(i > 0 ? ", " : "").append(dims[i] > 0 ? Long.toString(dims[i])
                    : params[i] == null || params[i].isEmpty() ? "?" : params[i]);
        }
        return sb.append(']').toString();
    }

    private static String example(long[] dims) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            sb.append(i > 0 ? "x" : "").append(dims[i] > 0 ? dims[i] : i == 0 ? 1 : 224);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputDims s && Arrays.equals(sizes, s.sizes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sizes);
    }

    @Override
    public String toString() {
        return text();
    }
}
