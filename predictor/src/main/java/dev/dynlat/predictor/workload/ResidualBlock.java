package dev.dynlat.predictor.workload;

/**
 * The shape of one bottleneck residual block: 1×1 conv (in → width), k×k conv (width → width,
 * stride, groups), 1×1 conv (width → out), residual add, optional projection shortcut and
 * optional squeeze-excitation.
 *
 * @param name e.g. {@code layer3.4}
 * @param inChannels block input channels
 * @param width bottleneck width (channels of the middle conv)
 * @param outChannels block output channels
 * @param inSize input feature-map side (square maps)
 * @param stride stride of the middle conv (and of the projection)
 * @param groups groups of the middle conv
 * @param seSqueeze squeeze channels of SE, 0 for none
 */
public record ResidualBlock(String name, int inChannels, int width, int outChannels, int inSize, int stride,
                            int groups, int seSqueeze) {

    public int outSize() {
        return inSize / stride;
    }

    /** Whether the shortcut needs a 1×1 projection (shape changes). */
    public boolean hasProjection() {
        return stride != 1 || inChannels != outChannels;
    }

    public boolean hasSe() {
        return seSqueeze > 0;
    }

    /** Dense multiply-accumulates of one sample (projection and SE included). */
    public double denseMacs() {
        double out = (double) outSize() * outSize();
        double macs = (double) inChannels * width * inSize * inSize;
        macs += (double) width * (width / groups) * 9 * out;
        macs += (double) width * outChannels * out;
        if (hasProjection()) {
            macs += (double) inChannels * outChannels * out;
        }
        if (hasSe()) {
            macs += 2.0 * width * seSqueeze;
        }
        return macs;
    }
}
