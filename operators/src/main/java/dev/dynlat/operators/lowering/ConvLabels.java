package dev.dynlat.operators.lowering;

import dev.dynlat.operators.spec.Conv2dSpec;

/** How convolutions are named in predictions and counted in weights, in one place. */
public final class ConvLabels {
    private ConvLabels() {
    }

    /** Display name of body conv {@code index} (0-based), e.g. {@code conv2 3x3/2 g8}. */
    public static String name(int index, Conv2dSpec c) {
        return named("conv" + (index + 1), c);
    }

    /** Display name of a conv called {@code id}, e.g. {@code dw 7x7/1 g96}. */
    public static String named(String id, Conv2dSpec c) {
        StringBuilder sb = new StringBuilder(id).append(' ')
                .append(c.kernel()).append('x').append(c.kernel());
        if (c.kernel() > 1 || c.stride() > 1) {
            sb.append('/').append(c.stride());
        }
        if (c.groups() > 1) {
            sb.append(" g").append(c.groups());
        }
        return sb.toString();
    }

    /** Weights of a convolution (bias excluded). */
    public static double weights(Conv2dSpec c) {
        return (double) c.outChannels() * (c.inChannels() / c.groups()) * c.kernel() * c.kernel();
    }
}
