package dev.dynlat.predictor.importer;

import dev.dynlat.predictor.workload.NodeDescription;
import dev.dynlat.predictor.workload.NodeDescription.Form;
import dev.dynlat.predictor.workload.Shape.Sequence;
import dev.dynlat.predictor.workload.Shape.FeatureMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the residual blocks in a lowered graph: a chain of convolutions whose output is added to
 * its input (identity shortcut) or to a 1×1 projection of it, and replaces each chain that
 * matches a block kind of the zoo (bottleneck, basic, MBConv) by that block, so that spatial,
 * channel and layer skipping apply to an imported network as to the zoo's. MobileNet's inverted
 * residuals without an add (stride 2 or a change of width) become shortcut-less MBConv blocks;
 * other bodies of convs and per-position layers (ConvNeXt's) become generic residual blocks.
 */
final class BlockFinder {
    /** The separate activation passes a residual body may hold. */
    private static final List<String> ACTIVATIONS = List.of("relu", "relu6", "hard-swish", "swish", "gelu", "sigmoid",
            "hard-sigmoid");
    private final List<Draft> drafts;
    private final DraftIndex index;
    private final Set<Draft> removed = new HashSet<>();
    private final Map<Draft, Draft> replacements = new HashMap<>();
    /** Residual chains that match no block kind; they stay plain operators. */
    final List<String> unmatched = new ArrayList<>();

    BlockFinder(List<Draft> drafts) {
        this.drafts = drafts;
        this.index = new DraftIndex(drafts);
    }

    /** The drafts with every recognised block in place of its operators, in execution order. */
    List<Draft> find() {
        for (Draft d : drafts) {
            if (d.is("add") && !removed.contains(d) && !residual(d)) {
                genericResidual(d);
            }
        }
        for (Draft d : drafts) {
            if (d.is("conv") && !removed.contains(d)) {
                invertedResidual(d);
            }
        }
        return DraftIndex.rewritten(drafts, replacements, removed);
    }

    private int readerCount(String id) {
        return index.readersOf(id).size();
    }

    private Draft soleReader(Draft d) {
        List<Draft> r = index.readersOf(d.id);
        return r.size() == 1 ? r.get(0) : null;
    }

    private boolean conv(Draft d, int kernel, int stride, boolean depthwise, Object act) {
        return d != null && d.is("conv") && !removed.contains(d) && d.intParam("kernel", 0) == kernel
                && d.intParam("stride", 1) == stride && d.intParam("padding", kernel / 2) == kernel / 2
                && d.params.containsKey("depthwise") == depthwise && Objects.equals(d.act(), act);
    }

    private static int channelsIn(Draft d) {
        return ((FeatureMap) d.in).channels();
    }

    private static int channelsOut(Draft d) {
        return ((FeatureMap) d.out).channels();
    }

    /** Whether {@code add} closes a chain of convs (matched to a block or reported). */
    private boolean residual(Draft add) {
        for (int side = 0; side < 2; side++) {
            String bodyEnd = add.inputs.get(side);
            String shortcut = add.inputs.get(1 - side);
            LinkedList<Draft> chain = new LinkedList<>();
            Draft projection = null;
            String source = null;
            Draft d = index.get(bodyEnd);
            Se se = null;
            while (d != null && chain.size() < 4) {
                if (se == null && d.is("mul") && readerCount(d.id) == 1) {
                    se = seOf(d);
                    d = se == null ? null : se.conv();
                    if (d == null) {
                        break;
                    }
                }
                if (!d.is("conv") || readerCount(d.id) != (se != null && d == se.conv() ? 2 : 1)) {
                    break;
                }
                chain.addFirst(d);
                String src = d.inputs.get(0);
                if (src.equals(shortcut) && readerCount(src) == 2) {
                    source = src;
                    break;
                }
                Draft p = index.get(shortcut);
                if (p != null && p.is("conv") && readerCount(p.id) == 1 && p.inputs.get(0).equals(src)
                        && readerCount(src) == 2) {
                    projection = p;
                    source = src;
                    break;
                }
                d = index.get(src);
            }
            if (source == null) {
                continue;
            }
            Draft relu = soleReader(add);
            relu = relu != null && relu.is("relu") ? relu : null;
            Draft block = classify(chain, projection, relu, se);
            if (block == null) {
                List<Draft> body = new ArrayList<>(chain);
                if (se != null) {
                    body.addAll(body.indexOf(se.conv()) + 1, List.of(seMarker(se)));
                }
                if (!generic(add, body, source, projection, se)) {
                    unmatched.add(add.id + " (" + chain.size() + " convs)");
                }
                return true;
            }
            Draft last = block.kind.equals("mbconv") || relu == null ? add : relu;
            block.id = last.id;
            block.inputs.add(source);
            removed.addAll(chain);
            if (se != null) {
                removed.addAll(se.parts());
            }
            if (projection != null) {
                removed.add(projection);
            }
            removed.add(add);
            if (last != add) {
                removed.add(last);
            }
            replacements.put(last, block);
            return true;
        }
        return false;
    }

    /**
     * A residual whose body is not a chain of convs alone (ConvNeXt: depthwise conv, layer norm,
     * linear layers) but holds at least one conv: a generic residual block where its layers allow,
     * else reported and left as plain operators.
     */
    private void genericResidual(Draft add) {
        for (int side = 0; side < 2; side++) {
            String shortcut = add.inputs.get(1 - side);
            List<Draft> body = new ArrayList<>();
            Draft d = index.get(add.inputs.get(side));
            while (d != null && d.inputs.size() == 1 && readerCount(d.id) == 1 && body.size() < 16) {
                body.add(0, d);
                if (d.inputs.get(0).equals(shortcut)) {
                    if (body.stream().anyMatch(b -> b.is("conv")) && !generic(add, body, shortcut, null, null)) {
                        unmatched.add(add.id + " (" + String.join(", ", body.stream().filter(b -> !b.is("view"))
                                .map(b -> b.kind).toList()) + ")");
                    }
                    return;
                }
                d = index.get(d.inputs.get(0));
            }
        }
    }

    /** Stands for a squeeze-excitation in a body list; {@link #generic} turns it into an {@code se} layer. */
    private static Draft seMarker(Se se) {
        Draft m = new Draft(null, Form.OP, "se", se.conv().out, se.conv().out);
        m.params.put("squeeze", se.squeeze());
        return m;
    }

    /**
     * A generic {@code residual} block from a body that matches no zoo kind: convs, per-position
     * layers (layer norm, activations) and one squeeze-excitation. ConvNeXt's channels-last
     * linear layers are its 1×1 convs (same MACs) and its permutes are views, so they go.
     * Returns false, changing nothing, when a layer has no place in a residual body.
     */
    private boolean generic(Draft add, List<Draft> body, String source, Draft projection, Se se) {
        if (!(add.out instanceof FeatureMap out) || !(byShape(body.get(0)) instanceof FeatureMap cur)) {
            return false;
        }
        List<NodeDescription> layers = new ArrayList<>();
        int convs = 0;
        int stride = 1;
        for (Draft b : body) {
            Map<String, Object> p = new LinkedHashMap<>();
            String op = b.kind;
            boolean perPosition = b.in instanceof Sequence s && s.tokens() == cur.height() * cur.width()
                    && s.dim() == cur.channels() || b.in.equals(cur);
            if (b.is("view")) {
                if (b.out.elements() != b.in.elements()) {
                    return false;
                }
                continue;
            } else if (b.is("conv") && b.in.equals(cur)) {
                p.putAll(b.params);
                cur = (FeatureMap) b.out;
                stride *= b.intParam("stride", 1);
                convs++;
            } else if (b.is("linear") && perPosition && b.in instanceof Sequence) {
                op = "conv";
                p.put("out", b.params.get("out"));
                p.put("kernel", 1);
                if (b.act() != null) {
                    p.put("act", b.act());
                }
                cur = new FeatureMap(b.intParam("out", 0), cur.height(), cur.width());
                convs++;
            } else if (b.is("se") || (perPosition && (b.is("layer-norm") || ACTIVATIONS.contains(b.kind)))) {
                p.putAll(b.params);
            } else {
                return false;
            }
            layers.add(new NodeDescription(op + (layers.size() + 1), Form.OP, op, p, List.of(), 1, true, null,
                    List.of(), 0));
        }
        if (convs < 2 || !cur.equals(out)) {
            return false;
        }
        if (projection != null && !(conv(projection, 1, stride, false, null) && projection.intParam("padding", 0) == 0
                && projection.intParam("groups", 1) == 1 && channelsOut(projection) == out.channels())) {
            return false;
        }
        Draft block = new Draft(add.id, Form.BLOCK, "residual", byShape(body.get(0)), add.out);
        block.children.addAll(layers);
        block.inputs.add(source);
        removed.addAll(body);
        if (projection != null) {
            removed.add(projection);
        }
        if (se != null) {
            removed.addAll(se.parts());
        }
        removed.add(add);
        replacements.put(add, block);
        return true;
    }

    /** The map a body starts from: its first layer's input. */
    private static dev.dynlat.predictor.workload.Shape byShape(Draft first) {
        return first.in;
    }

    /** The zoo block kind a residual chain is, with its parameters; null when none fits. */
    private Draft classify(List<Draft> c, Draft projection, Draft relu, Se se) {
        Draft first = c.get(0);
        int seAt = se == null ? -1 : c.indexOf(se.conv());
        Draft lastConv = c.get(c.size() - 1);
        int in = channelsIn(first);
        int out = channelsOut(lastConv);
        if (c.size() == 3 && relu != null && conv(c.get(0), 1, 1, false, "relu") && c.get(0).intParam("groups", 1) == 1
                && c.get(1).is("conv") && !c.get(1).params.containsKey("depthwise")
                && conv(c.get(1), c.get(1).intParam("kernel", 0), c.get(1).intParam("stride", 1), false, "relu")
                && channelsOut(c.get(1)) == channelsOut(c.get(0))
                && conv(c.get(2), 1, 1, false, null) && c.get(2).intParam("groups", 1) == 1) {
            int s = c.get(1).intParam("stride", 1);
            if (!shortcutFits(projection, in, out, s)) {
                return null;
            }
            if (seAt >= 0 && seAt != 1) {
                return null;
            }
            Draft b = block("bottleneck", first, lastConv);
            b.params.put("width", channelsOut(c.get(0)));
            b.params.put("out", out);
            b.params.put("stride", s);
            b.params.put("kernel", c.get(1).intParam("kernel", 3));
            if (c.get(1).intParam("groups", 1) > 1) {
                b.params.put("groups", c.get(1).intParam("groups", 1));
            }
            if (se != null) {
                b.params.put("se", se.squeeze());
            }
            return b;
        }
        if (c.size() == 2 && relu != null && se == null && c.get(0).intParam("groups", 1) == 1 && c.get(1).intParam("groups", 1) == 1
                && conv(c.get(0), c.get(0).intParam("kernel", 0), c.get(0).intParam("stride", 1), false, "relu")
                && conv(c.get(1), c.get(0).intParam("kernel", 0), 1, false, null)
                && channelsOut(c.get(0)) == out) {
            int s = c.get(0).intParam("stride", 1);
            if (!shortcutFits(projection, in, out, s)) {
                return null;
            }
            Draft b = block("basic", first, lastConv);
            b.params.put("out", out);
            b.params.put("stride", s);
            b.params.put("kernel", c.get(0).intParam("kernel", 3));
            return b;
        }
        if (relu == null && projection == null && in == out) {
            return mbconv(c, first, lastConv, true, se);
        }
        return null;
    }

    /** A projection exactly where the zoo's blocks put one: when the stride or the width changes. */
    private boolean shortcutFits(Draft projection, int in, int out, int stride) {
        boolean needs = stride != 1 || in != out;
        if (projection == null) {
            return !needs;
        }
        return needs && conv(projection, 1, stride, false, null) && projection.intParam("padding", 0) == 0
                && projection.intParam("groups", 1) == 1 && channelsOut(projection) == out;
    }

    /** [1×1 expand, act] → depthwise k×k, act → 1×1 project (no act); the expansion may be absent. */
    private Draft mbconv(List<Draft> c, Draft first, Draft lastConv, boolean residual, Se se) {
        int n = c.size();
        if (n < 2 || n > 3) {
            return null;
        }
        Draft dw = c.get(n - 2);
        if (se != null && se.conv() != dw) {
            return null;
        }
        Object act = dw.act();
        int k = dw.intParam("kernel", 0);
        int s = dw.intParam("stride", 1);
        if (!conv(dw, k, s, true, act) || !conv(lastConv, 1, 1, false, null) || lastConv.intParam("groups", 1) != 1
                || (residual && s != 1)) {
            return null;
        }
        if (n == 3 && (!conv(c.get(0), 1, 1, false, act) || c.get(0).intParam("groups", 1) != 1
                || channelsOut(c.get(0)) == channelsIn(c.get(0)))) {
            return null;
        }
        Draft b = block("mbconv", first, lastConv);
        b.params.put("out", channelsOut(lastConv));
        b.params.put("expand", channelsIn(dw));
        b.params.put("kernel", k);
        b.params.put("stride", s);
        if (se != null) {
            b.params.put("se", se.squeeze());
        }
        if (act != null) {
            b.params.put("act", act);
        }
        return b;
    }

    /**
     * A squeeze-excitation gate on a conv's output.
     *
     * @param conv the conv whose output is gated
     * @param squeeze channels of the reducing 1×1 conv
     * @param parts the gate's drafts: pool, views, both fully connected layers (1×1 convs on the pooled map)
     *     and the scaling multiply
     */
    private record Se(Draft conv, int squeeze, List<Draft> parts) {
    }

    /** The squeeze-excitation whose scaling multiply is {@code mul}: pool → FC → FC → scale; or null. */
    private Se seOf(Draft mul) {
        if (!mul.is("mul") || mul.inputs.size() != 2) {
            return null;
        }
        Draft conv = index.get(mul.inputs.get(0));
        if (conv == null || !conv.is("conv") || removed.contains(conv) || readerCount(conv.id) != 2) {
            return null;
        }
        List<Draft> parts = new ArrayList<>(List.of(mul));
        List<Draft> convs = new ArrayList<>();
        Draft d = index.get(mul.inputs.get(1));
        while (d != null && readerCount(d.id) == 1 && parts.size() < 8 && !d.is("global-avg-pool")) {
            if (d.is("linear")) {
                convs.add(0, d);
            } else if (!d.is("view")) {
                return null;
            }
            parts.add(d);
            d = index.get(d.inputs.get(0));
        }
        if (d == null || !d.is("global-avg-pool") || readerCount(d.id) != 1 || !d.inputs.get(0).equals(conv.id)
                || convs.size() != 2) {
            return null;
        }
        parts.add(d);
        Draft reduce = convs.get(0);
        Draft expand = convs.get(1);
        if (expand.intParam("out", 0) != channelsOut(conv)) {
            return null;
        }
        return new Se(conv, reduce.intParam("out", 0), parts);
    }

    private static Draft block(String kind, Draft first, Draft last) {
        return new Draft(null, Form.BLOCK, kind, first.in, last.out);
    }

    /** MobileNet's inverted residuals without an add: expand → depthwise → project, each read once. */
    private void invertedResidual(Draft start) {
        List<Draft> chain = new ArrayList<>();
        Draft d = start;
        Se se = null;
        while (d != null && d.is("conv") && !removed.contains(d) && chain.size() < 3) {
            chain.add(d);
            if (d.params.containsKey("depthwise")) {
                Draft project = soleReader(d);
                for (Draft r : index.readersOf(d.id)) {
                    Se gate = project == null && r.is("mul") ? seOf(r) : null;
                    if (gate != null && gate.conv() == d) {
                        se = gate;
                        project = soleReader(r);
                    }
                }
                if (project != null && project.is("conv") && !removed.contains(project)) {
                    chain.add(project);
                }
                break;
            }
            d = readerCount(d.id) == 1 ? soleReader(d) : null;
        }
        if (chain.size() < 2 || !chain.get(chain.size() - 2).params.containsKey("depthwise")) {
            return;
        }
        Draft last = chain.get(chain.size() - 1);
        Draft block = mbconv(chain, start, last, false, se);
        if (block == null || (channelsIn(start) == channelsOut(last) && block.intParam("stride", 1) == 1)) {
            // Same width at stride 1 without an add would be read by the zoo's MBConv as residual.
            return;
        }
        block.id = last.id;
        block.inputs.add(start.inputs.get(0));
        removed.addAll(chain);
        if (se != null) {
            removed.addAll(se.parts());
        }
        replacements.put(last, block);
    }
}
