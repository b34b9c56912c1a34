package dev.dynlat.operators.lowering;

import dev.dynlat.operators.graph.BlockRole;
import dev.dynlat.operators.graph.OperatorGraph;
import dev.dynlat.operators.spec.AvgPoolSpec;
import dev.dynlat.operators.spec.ConcatSpec;
import dev.dynlat.operators.spec.Conv2dSpec;
import dev.dynlat.operators.spec.ElementwiseSpec;
import dev.dynlat.operators.spec.OperatorSpec;
import dev.dynlat.operators.spec.SqueezeExcitationSpec;
import java.util.ArrayList;
import java.util.List;

/** Operators every paradigm shares, added to a block's graph: the dense body, the shortcut, dense SE. */
final class BlockParts {
    private BlockParts() {
    }

    /** One shortcut operator before it is wired. */
    private record Part(String name, BlockRole role, OperatorSpec spec) {
    }

    static ElementwiseSpec residualAdd(BlockDescription b) {
        return new ElementwiseSpec(b.outChannels(), b.outHeight(), b.outWidth());
    }

    /** The shortcut's own operators, which always run, as {@code composition} composes them. */
    private static List<Part> shortcutParts(BlockDescription b, Composition composition) {
        return switch (b.shortcut()) {
            case IDENTITY -> List.of();
            case PROJECTION -> !composition.composesProjection(b) ? List.of()
                    : List.of(new Part("projection 1x1/" + b.stride(), BlockRole.PROJECTION,
                            Conv2dSpec.dense(b.inChannels(), b.outChannels(), b.inHeight(), b.inWidth(), 1, b.stride(), 1)));
            case PAD -> padShortcut(b);
        };
    }

    private static List<Part> padShortcut(BlockDescription b) {
        List<Part> ops = new ArrayList<>();
        int oh = b.outHeight();
        int ow = b.outWidth();
        if (b.stride() > 1) {
            ops.add(new Part("shortcut avg-pool " + b.stride() + "x" + b.stride(), BlockRole.SHORTCUT,
                    new AvgPoolSpec(b.inChannels(), b.inHeight(), b.inWidth(), oh, ow)));
        }
        int extra = b.outChannels() - b.inChannels();
        if (extra > 0) {
            ops.add(new Part("shortcut zero-pad", BlockRole.SHORTCUT, new ConcatSpec(List.of(b.inChannels(), extra), oh, ow)));
        }
        return ops;
    }

    /** The tensor the maskers read: the block input, or the latest output of the body layer the plan names. */
    static int maskerInput(OperatorGraph.Builder g, BodyPlan plan) {
        return plan.maskerReads().equals("input") ? g.input() : g.latestOutputOf(plan.maskerReads());
    }

    /** Number of shortcut operators {@code composition} lists for {@code b}. */
    static int shortcutSize(BlockDescription b, Composition composition) {
        return shortcutParts(b, composition).size();
    }

    /**
     * The tensor the shortcut will deliver: the block input itself when the shortcut has no
     * operators, else a reserved tensor that {@link #shortcut} writes.
     */
    static int shortcutTensor(OperatorGraph.Builder g, BlockDescription b, Composition composition) {
        return shortcutSize(b, composition) == 0 ? g.input() : g.reserve();
    }

    /** Adds the shortcut's operators on the block input, the last writing {@code out}. */
    static void shortcut(OperatorGraph.Builder g, BlockDescription b, Composition composition, int out) {
        List<Part> parts = shortcutParts(b, composition);
        int cur = g.input();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            cur = i == parts.size() - 1 ? g.addTo(out, p.name(), p.role(), p.spec(), 1, cur)
                    : g.add(p.name(), p.role(), p.spec(), 1, cur);
        }
    }

    /** The per-position layers of {@code slot} on the whole map, each run {@code weight} times; returns their output. */
    static int densePointwise(OperatorGraph.Builder g, BlockDescription b, int slot, double weight, int in) {
        List<PointwiseLayer> layers = b.plan().inSlot(slot);
        if (layers.isEmpty()) {
            return in;
        }
        MapShape m = b.slotMap(slot);
        int cur = in;
        for (PointwiseLayer p : layers) {
            cur = g.add(p.name(), BlockRole.POINTWISE, p.over(m.channels(), m.height(), m.width()), weight, cur);
        }
        return cur;
    }

    /**
     * The per-position layers of {@code slot} on part of the map, once each: {@code channels} kept
     * channels of a {@code height × width} map of one sample (a patch batch is one row of its
     * positions); at least one element each way, so a layer that runs keeps its launch.
     */
    static int partialPointwise(OperatorGraph.Builder g, BlockDescription b, int slot, int channels, int height,
                                long width, String where, int in) {
        int w = Math.toIntExact(Math.max(width, 1));
        int cur = in;
        for (PointwiseLayer p : b.plan().inSlot(slot)) {
            cur = g.add(p.name() + where, BlockRole.POINTWISE,
                    p.over(Math.max(channels, 1), Math.max(height, 1), w), 1, cur);
        }
        return cur;
    }

    static SqueezeExcitationSpec denseSe(BlockDescription b) {
        Conv2dSpec at = b.seInput();
        return SqueezeExcitationSpec.dense(at.outChannels(), at.outHeight(), at.outWidth(), b.seSqueeze());
    }

    /**
     * Where SE's output goes in a graph whose SE node is listed after the residual add: after body
     * conv {@code i} (and its per-position layers) the branch continues from a reserved tensor that
     * the SE node listed later writes. Returns the tensor the branch continues from.
     */
    static int seHook(OperatorGraph.Builder g, BlockDescription b, int i, int cur, int[] seInOut) {
        if (!b.hasSe() || i != b.seAfter()) {
            return cur;
        }
        seInOut[0] = cur;
        seInOut[1] = g.reserve();
        return seInOut[1];
    }

    /**
     * The dense residual branch on the block input: the body convs with their per-position layers,
     * the add of {@code shortcut}, whatever {@code afterAdd} lists, SE — each run {@code weight}
     * times. Returns the add's output.
     */
    static int denseBranch(OperatorGraph.Builder g, BlockDescription b, double weight, int shortcut, Runnable afterAdd) {
        int[] se = new int[2];
        int cur = densePointwise(g, b, 0, weight, g.input());
        for (int i = 0; i < b.body().size(); i++) {
            cur = g.add(b.convName(i), BlockRole.CONV, b.body().get(i), weight, cur);
            cur = densePointwise(g, b, i + 1, weight, cur);
            cur = seHook(g, b, i, cur, se);
        }
        int out = g.add("residual add", BlockRole.RESIDUAL_ADD, residualAdd(b), weight, cur, shortcut);
        afterAdd.run();
        if (b.hasSe()) {
            g.addTo(se[1], "squeeze-excitation", BlockRole.SQUEEZE_EXCITATION, denseSe(b), weight, se[0]);
        }
        return out;
    }
}
