package dev.dynlat.predictor.execution;

import dev.dynlat.calibration.network.NetworkProgram;
import dev.dynlat.calibration.network.ProgramStep;
import dev.dynlat.calibration.network.Slice;
import dev.dynlat.calibration.network.StepKind;
import dev.dynlat.operators.graph.GraphNode;
import dev.dynlat.operators.graph.OperatorGraph;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.spec.AvgPoolSpec;
import dev.dynlat.operators.spec.ChannelMaskerSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.GatherSpec;
import dev.dynlat.operators.spec.LinearSpec;
import dev.dynlat.operators.spec.MaxPoolSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.spec.PatchGrid;
import dev.dynlat.operators.spec.ReduceSpec;
import dev.dynlat.operators.spec.ScatterSpec;
import dev.dynlat.operators.spec.SpatialConvSpec;
import dev.dynlat.operators.spec.SpatialMaskerSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;
import dev.dynlat.predictor.engine.LoweredNode;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.FixedBlockNode;
import dev.dynlat.predictor.workload.InputShape;
import dev.dynlat.predictor.workload.OperatorNode;
import dev.dynlat.predictor.workload.OperatorUse;
import dev.dynlat.predictor.workload.ResidualBlock;
import dev.dynlat.predictor.workload.ResidualBlockNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a workload into a {@link NetworkProgram}: the operators of the predictor's own lowering
 * ({@link LoweredNode#of}), node by node, with the dataflow added here (which tensor each operator
 * reads and writes) and the dynamic decisions made real: seeded random active patches at the
 * lowering's rate, seeded kept channel groups, and seeded skipped blocks (the blocks whose branch
 * runs are spread evenly so that their number is the expected one).
 *
 * <p>Every operator the lowering lists becomes one or more native steps; an operator kind the
 * native runner cannot execute is refused with the operator named, never skipped.
 */
public final class ProgramBuilder {
    /** The schedule the native kernels implement: fused masker, gather kernel, scatter fused with the add. */
    public static final Schedule SCHEDULE = new Schedule(Schedule.MaskerFusion.FUSED, Schedule.GatherMode.KERNEL,
            true, 1, null, 2);

    private final int batch;
    private final long seed;
    private final TensorPlan plan = new TensorPlan();
    private final List<PlannedStep> steps = new ArrayList<>();
    private double layerPhase;

    private ProgramBuilder(int batch, long seed) {
        this.batch = batch;
        this.seed = seed;
        this.layerPhase = new SplittableRandom(seed ^ 0x5DEECE66DL).nextDouble();
    }

    /** The program of {@code workload} at {@code batch}, lowered with {@link #SCHEDULE} and the calibrated variant. */
    public static NetworkProgram build(String name, Workload workload, int batch, long seed) {
        ProgramBuilder b = new ProgramBuilder(batch, seed);
        List<LoweredNode> nodes = LoweredNode.of(workload, SCHEDULE.withBatch(batch), ModelVariant.CALIBRATED, batch);
        if (!(workload.network().input() instanceof InputShape.Image image)) {
            throw new UnsupportedOperationException(name + ": native execution needs an image input");
        }
        Tensor input = b.plan.tensor(batch, inputChannels(nodes), image.height(), image.width());
        Tensor cur = input;
        int index = 0;
        for (LoweredNode n : nodes) {
            String group = n.stage() + "/" + n.node().id();
            if (n.node() instanceof OperatorNode || n.node() instanceof FixedBlockNode) {
                cur = b.operators(group, n.operators(), cur);
            } else if (n.node() instanceof ResidualBlockNode r) {
                cur = b.block(group, r.block(), n.graph(), cur, index);
            } else {
                throw new UnsupportedOperationException("node " + n.node().id() + " (" + n.node().kind()
                        + "): native execution supports operators and residual blocks only");
            }
            index++;
        }
        return b.plan.finish(name, b.steps, input, cur, seed);
    }

    private static int inputChannels(List<LoweredNode> nodes) {
        for (LoweredNode n : nodes) {
            for (OperatorUse u : n.operators()) {
                if (u.spec() instanceof Conv2dSpec c) {
                    return c.inChannels();
                }
                if (u.spec() instanceof SpatialMaskerSpec m) {
                    return m.conv1().inChannels();
                }
            }
        }
        throw new UnsupportedOperationException("native execution: the network has no convolution to take its input channels from");
    }

    // ------------------------------------------------------------------ plain operators

    private Tensor operators(String group, List<OperatorUse> uses, Tensor cur) {
        for (OperatorUse u : uses) {
            String g = group + "/" + u.name();
            OperatorSpec spec = u.spec();
            if (spec instanceof Conv2dSpec c) {
                cur = conv(g, c, cur);
            } else if (spec instanceof MaxPoolSpec m) {
                Tensor out = plan.tensor(batch, m.channels(), m.outHeight(), m.outWidth());
                add(g, g, StepKind.MAX_POOL, new int[] {batch, m.channels(), m.height(), m.width(), m.kernel(),
                    m.stride(), m.padding()}, cur, null, out, null, null, false, 1f);
                cur = out;
            } else if (spec instanceof AvgPoolSpec a && a.outHeight() == 1 && a.outWidth() == 1) {
                cur = globalPool(g, cur, a.channels(), a.height(), a.width());
            } else if (spec instanceof ReduceSpec r) {
                cur = globalPool(g, cur, Math.toIntExact(r.channels()), r.height(), r.width());
            } else if (spec instanceof LinearSpec l) {
                cur = fc(g, cur, l.inFeatures(), l.outFeatures());
            } else if (spec instanceof SqueezeExcitationSpec se && !se.dynamic()) {
                check(cur, se.channels(), se.height(), se.width(), g);
                add(g, g, StepKind.SE, new int[] {batch, se.channels(), se.height(), se.width(), se.squeeze()}, cur,
                        null, cur, null, null, false, scale(se.channels()));
            } else {
                throw unsupported(u);
            }
        }
        return cur;
    }

    private static UnsupportedOperationException unsupported(OperatorUse u) {
        return new UnsupportedOperationException("operator " + u.name() + " (" + u.spec().kind()
                + "): not executable by the native network runner");
    }

    private Tensor conv(String g, Conv2dSpec c, Tensor in) {
        if (!c.dense()) {
            throw new UnsupportedOperationException("channel-skipping conv outside a residual block: " + c);
        }
        check(in, c.inChannels(), c.inHeight(), c.inWidth(), g);
        Tensor out = plan.tensor(batch, c.outChannels(), c.outHeight(), c.outWidth());
        add(g, g, StepKind.CONV2D, convDims(batch, c, c.outChannels()), in, null, out, null, null, false,
                scale((c.inChannels() / c.groups()) * c.kernel() * c.kernel()));
        return out;
    }

    private static int[] convDims(int n, Conv2dSpec c, int cout) {
        return new int[] {n, c.inChannels(), cout, c.inHeight(), c.inWidth(), c.kernel(), c.stride(), padding(c),
            c.groups()};
    }

    /** The zero padding that gives the spec's output size ({@code kernel / 2} for "same" convs). */
    static int padding(Conv2dSpec c) {
        for (int p : new int[] {c.kernel() / 2, 0, (c.kernel() - 1) / 2}) {
            if ((c.inHeight() + 2 * p - c.kernel()) / c.stride() + 1 == c.outHeight()
                    && (c.inWidth() + 2 * p - c.kernel()) / c.stride() + 1 == c.outWidth()) {
                return p;
            }
        }
        throw new UnsupportedOperationException("no zero padding gives conv output " + c.outHeight() + "x"
                + c.outWidth() + " from " + c.inHeight() + "x" + c.inWidth());
    }

    private Tensor globalPool(String g, Tensor in, int channels, int h, int w) {
        check(in, channels, h, w, g);
        Tensor out = plan.tensor(batch, channels, 1, 1);
        add(g, g, StepKind.GLOBAL_AVG_POOL, new int[] {batch, channels, h, w}, in, null, out, null, null, false, 1f);
        return out;
    }

    private Tensor fc(String g, Tensor in, int inFeatures, int outFeatures) {
        if ((long) in.c() * in.h() * in.w() != inFeatures) {
            throw new IllegalStateException(g + ": fc expects " + inFeatures + " features, input has " + in);
        }
        Tensor out = plan.tensor(batch, outFeatures, 1, 1);
        add(g, g, StepKind.FC, new int[] {batch, inFeatures, outFeatures}, in, null, out, null, null, false,
                scale(inFeatures));
        return out;
    }

    // ------------------------------------------------------------------ residual blocks

    private Tensor block(String group, ResidualBlock b, OperatorGraph graph, Tensor x, int index) {
        if (!b.plan().laudnetLayout()) {
            // The runner wires LAUDNet's layout; a body with norms or scales between its convs, or other
            // gather and masker points, would be run as something else.
            throw new UnsupportedOperationException(group + ": native execution runs residual bodies of convs in"
                    + " LAUDNet's layout only (no layers between the convs, masker on the block input, patches"
                    + " gathered before the second conv)");
        }
        check(x, b.inChannels(), b.inHeight(), b.inWidth(), group);
        BlockOps ops = BlockOps.of(graph);
        Tensor shortcut = x;
        GraphNode projection = ops.projection();
        if (projection != null) {
            shortcut = conv(group + "/" + projection.name(), (Conv2dSpec) projection.spec(), x);
        }
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        if (ops.spatialMasker() != null) {
            return spatial(group, b, ops, x, shortcut, rng);
        }
        if (ops.channelMasker() != null) {
            return channel(group, b, ops, x, shortcut, rng);
        }
        if (ops.layerGate() != null) {
            String g = group + "/" + ops.layerGate().name();
            Tensor pooled = globalPool(g, x, b.inChannels(), b.inHeight(), b.inWidth());
            fc(g, pooled, b.inChannels(), 2);
            double rate = ops.branchWeight();
            double before = layerPhase;
            layerPhase += rate;
            if (Math.floor(layerPhase) == Math.floor(before)) {
                return shortcut; // skipped: the block's output is its shortcut
            }
        }
        return dense(group, b, ops, x, shortcut);
    }

    private Tensor dense(String group, ResidualBlock b, BlockOps ops, Tensor x, Tensor shortcut) {
        Tensor cur = x;
        List<GraphNode> convs = ops.convs();
        for (int i = 0; i < convs.size(); i++) {
            cur = conv(group + "/" + convs.get(i).name(), (Conv2dSpec) convs.get(i).spec(), cur);
            if (ops.rescales(convs.get(i))) {
                SqueezeExcitationSpec se = (SqueezeExcitationSpec) ops.se().spec();
                String g = group + "/" + ops.se().name();
                add(g, g, StepKind.SE, new int[] {batch, se.channels(), se.height(), se.width(), se.squeeze()}, cur,
                        null, cur, null, null, false, scale(se.channels()));
            }
        }
        return residualAdd(group, ops, cur, shortcut);
    }

    private Tensor residualAdd(String group, BlockOps ops, Tensor a, Tensor b) {
        if (a.c() != b.c() || a.h() != b.h() || a.w() != b.w()) {
            throw new IllegalStateException(group + ": residual add of " + a + " and " + b);
        }
        String g = group + "/" + ops.residualAdd().name();
        Tensor out = plan.tensor(batch, a.c(), a.h(), a.w());
        add(g, g, StepKind.ADD, new int[] {batch, a.c(), a.h(), a.w()}, a, b, out, null, null, false, 1f);
        return out;
    }

    /**
     * Spatial skipping as the spatial composer lists it: conv1 with the masker's extra output
     * channel on the whole map, a gather of the active patches (with halo) of conv1's output, conv2
     * on the patch batch (stride included), SE over each image's active patches, the later 1×1 convs
     * on the patches, and the scatter fused with the residual add.
     */
    private Tensor spatial(String group, ResidualBlock b, BlockOps ops, Tensor x, Tensor shortcut,
                           SplittableRandom rng) {
        if (!(ops.spatialMasker().spec() instanceof SpatialMaskerSpec m)) {
            throw new UnsupportedOperationException(group + ": native spatial blocks need the masker fused into the"
                    + " first conv (schedule masker: fused)");
        }
        if (ops.gather() == null || ops.scatter() == null || !((ScatterSpec) ops.scatter().spec()).addResidual()) {
            throw new UnsupportedOperationException(group + ": native spatial blocks need a gather kernel and a"
                    + " scatter fused with the residual add (schedule gather: kernel, scatter-add fused)");
        }
        GatherSpec gs = (GatherSpec) ops.gather().spec();
        int s = m.granularity();
        PatchGrid grid = new PatchGrid(b.outHeight(), b.outWidth(), s);
        PatchGrid inGrid = new PatchGrid(gs.height(), gs.width(), gs.granularity());
        if (grid.patches() != inGrid.patches()) {
            throw new UnsupportedOperationException(group + ": gather grid " + inGrid + " differs from the output grid "
                    + grid);
        }
        int perImage = Math.toIntExact(grid.patches());
        int active = Math.toIntExact(grid.activePatches(m.density()));
        int[][] local = new int[batch][];
        int[] global = new int[batch * active];
        for (int n = 0; n < batch; n++) {
            local[n] = choose(rng, perImage, active);
            for (int i = 0; i < active; i++) {
                global[n * active + i] = n * perImage + local[n][i];
            }
        }
        Conv2dSpec c1 = m.conv1();
        if (c1.kernel() != 1 || c1.groups() != 1) {
            throw new UnsupportedOperationException(group + ": the fused masker needs a 1x1 dense first conv, the block"
                    + " starts with " + c1.kernel() + "x" + c1.kernel() + " groups " + c1.groups());
        }
        int width = c1.outChannels();
        String gm = group + "/" + ops.spatialMasker().name();
        Tensor masked = plan.tensor(batch, width + 1, c1.outHeight(), c1.outWidth());
        add(gm, gm, StepKind.CONV2D, convDims(batch, c1, width + 1), x, null, masked, null, null, false,
                scale(c1.inChannels() * c1.kernel() * c1.kernel()));
        int side = gs.granularity() + 2 * gs.halo();
        int patches = batch * active;
        Tensor gathered = plan.tensor(patches, gs.channels(), side, side);
        String gg = group + "/" + ops.gather().name();
        long plane = (long) gs.height() * gs.width();
        for (int n = 0; n < batch; n++) {
            // one call per image: conv1's output carries the masker channel, so images are width + 1 planes apart
            int inOffset = Math.toIntExact(n * (width + 1) * plane);
            int outOffset = Math.toIntExact((long) n * active * gs.channels() * side * side);
            add(gg + (batch > 1 ? " image " + n : ""), gg, StepKind.GATHER, new int[] {1, gs.channels(), gs.height(),
                gs.width(), gs.granularity(), gs.halo()}, masked, inOffset, null, gathered, outOffset, local[n]);
        }
        Tensor cur = gathered;
        List<GraphNode> convs = ops.convs();
        for (int i = 0; i < convs.size(); i++) {
            SpatialConvSpec sc = (SpatialConvSpec) convs.get(i).spec();
            Conv2dSpec c = sc.conv();
            String g = group + "/" + convs.get(i).name();
            int[] dims = {patches, c.inChannels(), c.outChannels(), cur.h(), cur.w(), c.kernel(), c.stride(), 0,
                c.groups()};
            int ho = (cur.h() - c.kernel()) / c.stride() + 1;
            if (ho != s) {
                throw new UnsupportedOperationException(g + ": patch conv gives " + ho + "x" + ho + " outputs per patch,"
                        + " not S = " + s);
            }
            Tensor o = plan.tensor(patches, c.outChannels(), s, s);
            add(g, g, StepKind.CONV2D, dims, cur, null, o, null, null, false,
                    scale((c.inChannels() / c.groups()) * c.kernel() * c.kernel()));
            cur = o;
            if (ops.rescales(convs.get(i))) {
                SqueezeExcitationSpec se = (SqueezeExcitationSpec) ops.se().spec();
                String gse = group + "/" + ops.se().name();
                add(gse, gse, StepKind.PATCH_SE, new int[] {batch, se.channels(), s, perImage, se.squeeze()}, cur, null,
                        cur, global, null, false, scale(se.channels()));
            }
        }
        ScatterSpec sc = (ScatterSpec) ops.scatter().spec();
        Tensor y = plan.tensor(batch, sc.channels(), sc.height(), sc.width());
        String g = group + "/" + ops.scatter().name();
        add(g, g, StepKind.SCATTER_ADD, new int[] {batch, sc.channels(), sc.height(), sc.width(), s}, cur, shortcut, y,
                global, null, false, 1f);
        return y;
    }

    /**
     * Channel skipping as the channel composer lists it: the kept output groups of conv1, the pooled
     * MLP masker, the middle convs on kept input and output channels (reading the compact tensor
     * of the kept channels), the last conv on the kept inputs, and the residual add.
     */
    private Tensor channel(String group, ResidualBlock b, BlockOps ops, Tensor x, Tensor shortcut,
                           SplittableRandom rng) {
        ChannelMaskerSpec mk = (ChannelMaskerSpec) ops.channelMasker().spec();
        List<GraphNode> convs = ops.convs();
        Conv2dSpec first = (Conv2dSpec) convs.get(0).spec();
        int g = first.channelGroup();
        int width = first.outChannels();
        int groups = width / g;
        int keptGroups = (int) Math.ceil(first.outDensity() * groups - 1e-9);
        int[] kept = choose(rng, groups, keptGroups);
        int[] keptChannels = new int[keptGroups * g];
        for (int i = 0; i < keptChannels.length; i++) {
            keptChannels[i] = kept[i / g] * g + i % g;
        }
        String gm = group + "/" + ops.channelMasker().name();
        Tensor pooled = globalPool(gm, x, mk.inChannels(), mk.height(), mk.width());
        Tensor h = mk.hidden() > 0 ? fc(gm, pooled, mk.inChannels(), mk.hidden()) : pooled;
        fc(gm, h, mk.hidden() > 0 ? mk.hidden() : mk.inChannels(), mk.groups());
        Tensor cur = x;
        int last = convs.size() - 1;
        for (int i = 0; i <= last; i++) {
            Conv2dSpec c = (Conv2dSpec) convs.get(i).spec();
            String gc = group + "/" + convs.get(i).name();
            if (c.groups() != 1) {
                throw new UnsupportedOperationException(gc + ": channel skipping of a grouped conv (groups = "
                        + c.groups() + ") is not executable natively");
            }
            int[] outGroups = i == last ? iota(c.outChannels() / g) : kept;
            int[] inChannels = i == 0 ? iota(c.inChannels()) : keptChannels;
            if (c.outChannels() % g != 0) {
                throw new UnsupportedOperationException(gc + ": out channels " + c.outChannels() + " not divisible by G");
            }
            Tensor o = plan.tensor(batch, outGroups.length * g, c.outHeight(), c.outWidth());
            add(gc, gc, StepKind.CHANNEL_SKIP_CONV, new int[] {batch, c.inChannels(), c.outChannels(), c.inHeight(),
                c.inWidth(), c.kernel(), c.stride(), g}, cur, null, o, outGroups, inChannels, i > 0,
                    scale(inChannels.length * c.kernel() * c.kernel()));
            cur = o;
        }
        return residualAdd(group, ops, cur, shortcut);
    }

    private static int[] iota(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** {@code k} distinct values of {@code [0, n)}, seeded, ascending. */
    static int[] choose(SplittableRandom rng, int n, int k) {
        if (k <= 0 || k > n) {
            throw new IllegalArgumentException("choose " + k + " of " + n);
        }
        int[] all = iota(n);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = Arrays.copyOf(all, k);
        Arrays.sort(out);
        return out;
    }

    private static float scale(int fanIn) {
        // uniform [-1, 1) has variance 1/3; this keeps each layer's output variance near its input's
        return (float) Math.sqrt(3.0 / Math.max(1, fanIn));
    }

    private static void check(Tensor t, int c, int h, int w, String where) {
        if (t.c() != c || t.h() != h || t.w() != w) {
            throw new IllegalStateException(where + ": expects " + c + "x" + h + "x" + w + ", the input is " + t);
        }
    }

    private void add(String name, String group, StepKind kind, int[] dims, Tensor in, Tensor in2, Tensor out,
                     int[] listA, int[] listB, boolean compact, float scale) {
        steps.add(new PlannedStep(name, group, kind, dims, in, 0, in2, out, 0, listA, listB, compact, scale));
    }

    private void add(String name, String group, StepKind kind, int[] dims, Tensor in, int inOffset, Tensor in2,
                     Tensor out, int outOffset, int[] listA) {
        steps.add(new PlannedStep(name, group, kind, dims, in, inOffset, in2, out, outOffset, listA, null, false, 1f));
    }

    /** A step on logical tensors, before buffers are assigned. */
    record PlannedStep(String name, String group, StepKind kind, int[] dims, Tensor in, int inOffset, Tensor in2,
                       Tensor out, int outOffset, int[] listA, int[] listB, boolean compact, float scale) {
        ProgramStep toStep(int inBuffer, Integer in2Buffer, int outBuffer) {
            return new ProgramStep(name, group, kind, dims, new Slice(inBuffer, inOffset),
                    in2Buffer == null ? null : Slice.of(in2Buffer), new Slice(outBuffer, outOffset), listA, listB,
                    compact, scale);
        }
    }

}
