package dev.dynlat.operators.gpu;

import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.spec.ActivationSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.MatmulSpec;
import dev.dynlat.operators.spec.NormSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.spec.SoftmaxSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operators the GPU library model prices as the vendor libraries run them, at a batch: conv
 * (cuDNN), linear and matmul (cuBLAS), elementwise and activation passes, softmax and layer norm
 * (PyTorch's kernels), in one registry of spec kind → kernel description. Every other kind is
 * priced by {@link #roofline} from the MACs and bytes of its analytic cost, through the same
 * fitted peak fractions, gap and host floor.
 */
public final class GpuLibraryCosts {
    private static final double FLOAT_BYTES = 4;

    /** How one spec kind runs: the kernels of one call at a batch, with what the call ran when known. */
    private interface Kernels<S extends OperatorSpec> {
        KernelTime time(S spec, int batch, GpuLibraryModel m, LibraryKernel ran);
    }

    private static final Map<Class<? extends OperatorSpec>, Kernels<OperatorSpec>> KERNELS = registry();

    private final GpuLibraryModel model;

    public GpuLibraryCosts(GpuLibraryModel model) {
        this.model = model;
    }

    public GpuLibraryModel model() {
        return model;
    }

    /** The spec kinds the library model describes. */
    public static Set<Class<? extends OperatorSpec>> described() {
        return KERNELS.keySet();
    }

    private static Map<Class<? extends OperatorSpec>, Kernels<OperatorSpec>> registry() {
        Map<Class<? extends OperatorSpec>, Kernels<OperatorSpec>> m = new HashMap<>();
        put(m, Conv2dSpec.class, (c, b, g, ran) -> g.conv(c, b, ran.algorithm()));
        put(m, SpatialConvSpec.class, (s, b, g, ran) -> patchConv(s, b, g));
        put(m, LinearSpec.class, (l, b, g, ran) -> g.gemm(l.outFeatures(), b, l.inFeatures(), ran.tile()));
        put(m, MatmulSpec.class, (s, b, g, ran) -> s.batches() == 1
                ? g.gemm(s.cols(), (double) s.rows() * b, s.inner(), ran.tile())
                : g.batchedGemm((double) s.batches() * b, s.cols(), s.rows(), s.inner(), ran.tile()));
        // Its tensor operands read (a scalar operand reads none), one written.
        put(m, ElementwiseSpec.class, (e, b, g, ran) -> g.stream(
                FLOAT_BYTES * (e.tensorOperands() + 1) * e.channels() * (double) e.height() * e.width() * b, 1,
                "elementwise"));
        put(m, ActivationSpec.class, (a, b, g, ran) -> g.stream(FLOAT_BYTES * 2 * (double) a.shape().elements() * b,
                g.coefficients().streamFactor("activation"), a.function().id()));
        put(m, SoftmaxSpec.class, (s, b, g, ran) -> g.stream(FLOAT_BYTES * 2 * (double) s.shape().elements() * b,
                g.coefficients().streamFactor("softmax"), "softmax"));
        put(m, NormSpec.class, (n, b, g, ran) -> g.stream(FLOAT_BYTES * 2 * (double) n.shape().elements() * b,
                g.coefficients().streamFactor("layernorm"), "layer norm"));
        return Map.copyOf(m);
    }

    /**
     * A convolution on the active patches: cuDNN on the gathered batch of patches, each an output
     * window of {@code S + 2·halo} pixels a side (the halo recomputed), as many as are active.
     */
    private static KernelTime patchConv(SpatialConvSpec s, int batch, GpuLibraryModel g) {
        double patches = Math.ceil(s.grid().activePatches(s.density()) * batch);
        if (patches < 1) {
            return new KernelTime(0, 0, 0, 0, 1, 1, "patch conv (no active patch)", 0);
        }
        Conv2dSpec c = s.conv();
        int side = s.granularity() + 2 * s.halo();
        int inSide = (side - 1) * c.stride() + c.kernel();
        Conv2dSpec window = new Conv2dSpec(c.inChannels(), c.outChannels(), inSide, inSide, side, side, c.kernel(),
                c.stride(), c.groups(), c.inDensity(), c.outDensity(), c.channelGroup());
        return g.conv(window, (int) Math.min(patches, Integer.MAX_VALUE));
    }

    @SuppressWarnings("unchecked")
    private static <S extends OperatorSpec> void put(Map<Class<? extends OperatorSpec>, Kernels<OperatorSpec>> m,
                                                     Class<S> type, Kernels<S> k) {
        m.put(type, (spec, batch, g, ran) -> k.time(type.cast(spec), batch, g, ran));
    }

    /** The host-floor class of an operator kind: convolutions share cuDNN's, every other kind is its own. */
    public static String floorClass(String kind) {
        return switch (kind) {
            case "conv", "grouped-conv", "depthwise", "spatial-conv" -> "conv";
            default -> kind;
        };
    }

    /** The library's cost of a spec at a batch (its fastest kernels), or empty for kinds priced by {@link #roofline}. */
    public Optional<OperatorCost> cost(OperatorSpec spec, int batch) {
        return cost(spec, batch, LibraryKernel.FASTEST);
    }

    /**
     * The cost of a spec at a batch run by the kernel a call ran where known (a fit prices each
     * measured row so), or empty for kinds priced by {@link #roofline}.
     */
    public Optional<OperatorCost> cost(OperatorSpec spec, int batch, LibraryKernel ran) {
        Kernels<OperatorSpec> k = KERNELS.get(spec.getClass());
        if (k == null) {
            return Optional.empty();
        }
        KernelTime t = k.time(spec, batch, model, ran);
        return Optional.of(model.finish(t, floorClass(spec.kind()), spec.executedMacsPerSample() * batch,
                t.dramBytes()));
    }

    /** A kind the library model has no kernel description for: its analytic MACs and bytes at the fitted rates. */
    public OperatorCost roofline(OperatorSpec spec, OperatorCost analytic) {
        return model.finish(model.roofline(analytic.macs(), analytic.dramBytes(), spec.kind()),
                floorClass(spec.kind()), analytic.macs(), analytic.dramBytes());
    }
}
