package dev.dynlat.predictor.importer;

import dev.dynlat.predictor.workload.NodeDescription.Form;
import dev.dynlat.predictor.workload.Shape.Sequence;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds transformer encoder layers in a lowered graph and replaces each by one
 * {@code transformer-encoder} block, so that token, head and layer skipping apply to an imported
 * encoder as to the zoo's. A layer is recognised in the form exporters write for separate q, k and
 * v projections (BERT, ViT without a packed QKV): three linear layers of the width reading one
 * tensor, a multi-head {@code matmul} of q and k (a scale on either side or on the scores), softmax,
 * a multi-head {@code matmul} with v, the output projection added to the layer input, then a GELU
 * MLP added to its input; with layer norms after each add ({@code norm: post}, BERT) or before each
 * branch ({@code norm: pre}, ViT). Views between them are free and go with the layer. Anything else
 * (a packed QKV projection, a mask, another activation) stays operators.
 *
 * <p>The block's MACs are the standard count, as the operators' sum: 4·L·D² + 2·L²·D + 2·r·L·D².
 */
final class EncoderFinder {
    private final List<Draft> drafts;
    private final DraftIndex index;
    private final Set<Draft> removed = new HashSet<>();
    private final Map<Draft, Draft> replacements = new HashMap<>();

    EncoderFinder(List<Draft> drafts) {
        this.drafts = drafts;
        this.index = new DraftIndex(drafts);
    }

    /** The drafts with every recognised encoder layer in place of its operators, in execution order. */
    List<Draft> find() {
        for (Draft d : drafts) {
            if (d.is("add") && !removed.contains(d)) {
                Layer layer = layerEndingWith(d);
                if (layer != null) {
                    removed.addAll(layer.parts());
                    replacements.put(layer.last(), layer.block());
                }
            }
        }
        return DraftIndex.rewritten(drafts, replacements, removed);
    }

    /** A recognised layer: its drafts, the last of them, and the block that replaces them. */
    private record Layer(Set<Draft> parts, Draft last, Draft block) {
    }

    /** The layer whose attention residual is {@code add}, or null. */
    private Layer layerEndingWith(Draft add) {
        if (add.inputs.size() != 2 || !(add.out instanceof Sequence seq)) {
            return null;
        }
        for (int side = 0; side < 2; side++) {
            Layer l = layer(add, add.inputs.get(side), add.inputs.get(1 - side), seq);
            if (l != null) {
                return l;
            }
        }
        return null;
    }

    private Layer layer(Draft add1, String layerInput, String branch, Sequence seq) {
        int width = seq.dim();
        Set<Draft> parts = new HashSet<>();
        Draft proj = index.get(branch);
        if (!linear(proj, width, null) || readers(proj) != 1) {
            return null;
        }
        parts.add(proj);
        Attention attention = attention(proj.inputs.get(0), width, parts);
        if (attention == null) {
            return null;
        }
        boolean post;
        if (attention.source().equals(layerInput)) {
            post = true;
        } else {
            Draft norm = index.get(attention.source());
            if (norm == null || !norm.is("layer-norm") || !norm.inputs.get(0).equals(layerInput)
                    || readers(norm) != 3) {
                return null;
            }
            parts.add(norm);
            post = false;
        }
        parts.add(add1);
        // The MLP's input: the norm after the add (post) or the add itself, normed before the branch (pre).
        Draft mlpIn = add1;
        if (post) {
            Draft norm = soleReader(add1);
            if (norm == null || !norm.is("layer-norm")) {
                return null;
            }
            parts.add(norm);
            mlpIn = norm;
        }
        List<Draft> r = readersOf(mlpIn);
        if (r.size() != 2) {
            return null;
        }
        Draft add2 = r.get(0).is("add") ? r.get(0) : r.get(1);
        Draft branchStart = add2 == r.get(0) ? r.get(1) : r.get(0);
        if (!add2.is("add")) {
            return null;
        }
        if (!post) {
            if (!branchStart.is("layer-norm") || readers(branchStart) != 1) {
                return null;
            }
            parts.add(branchStart);
            branchStart = soleReader(branchStart);
        }
        int ratio = mlp(branchStart, add2, mlpIn, width, parts);
        if (ratio < 1) {
            return null;
        }
        parts.add(add2);
        Draft last = add2;
        if (post) {
            Draft norm = soleReader(add2);
            if (norm == null || !norm.is("layer-norm")) {
                return null;
            }
            parts.add(norm);
            last = norm;
        }
        Draft block = new Draft(last.id, Form.BLOCK, "transformer-encoder", seq, seq);
        block.params.put("heads", attention.heads());
        block.params.put("mlp_ratio", ratio);
        block.params.put("norm", post ? "post" : "pre");
        block.inputs.add(layerInput);
        return new Layer(parts, last, block);
    }

    /** An attention: its heads and the tensor q, k and v are projected from. */
    private record Attention(int heads, String source) {
    }

    /**
     * The attention whose context tensor is {@code context} (through views): the context product,
     * softmax over the (scaled) scores product, and the q, k, v projections of one tensor; null
     * when it is not one.
     */
    private Attention attention(String context, int width, Set<Draft> parts) {
        Draft ctx = through(context, parts);
        if (ctx == null || !ctx.is("matmul") || ctx.inputs.size() != 2) {
            return null;
        }
        parts.add(ctx);
        int heads = ctx.intParam("heads", 1);
        Draft softmax = through(ctx.inputs.get(0), parts);
        if (softmax == null || !softmax.is("softmax") || readers(softmax) != 1) {
            return null;
        }
        parts.add(softmax);
        Draft scores = scaled(softmax.inputs.get(0), parts);
        if (scores == null || !scores.is("matmul") || scores.intParam("heads", 1) != heads
                || scores.inputs.size() != 2 || readers(scores) != 1) {
            return null;
        }
        parts.add(scores);
        Draft q = scaled(scores.inputs.get(0), parts);
        Draft k = scaled(scores.inputs.get(1), parts);
        Draft v = through(ctx.inputs.get(1), parts);
        for (Draft p : new Draft[] {q, k, v}) {
            if (!linear(p, width, null) || readers(p) != 1) {
                return null;
            }
            parts.add(p);
        }
        String source = q.inputs.get(0);
        if (!k.inputs.get(0).equals(source) || !v.inputs.get(0).equals(source) || width % heads != 0) {
            return null;
        }
        return new Attention(heads, source);
    }

    /** The MLP from {@code first} into {@code add} (added to {@code residual}): its ratio, or -1. */
    private int mlp(Draft first, Draft add, Draft residual, int width, Set<Draft> parts) {
        if (first == null || !first.is("linear") || readers(first) != 1) {
            return -1;
        }
        int hidden = first.intParam("out", 0);
        Draft second = soleReader(first);
        boolean fused = "gelu".equals(first.act());
        if (!fused && second != null && second.is("gelu") && readers(second) == 1) {
            parts.add(second);
            second = soleReader(second);
            fused = true;
        }
        if (!fused || !linear(second, width, null) || readers(second) != 1) {
            return -1;
        }
        List<String> want = List.of(residual.id, second.id);
        if (!add.inputs.containsAll(want) || add.inputs.size() != 2 || hidden % width != 0) {
            return -1;
        }
        parts.add(first);
        parts.add(second);
        return hidden / width;
    }

    /** The draft behind {@code id} past views each read once (the views join {@code parts}). */
    private Draft through(String id, Set<Draft> parts) {
        Draft d = index.get(id);
        while (d != null && d.is("view") && readers(d) == 1) {
            parts.add(d);
            d = index.get(d.inputs.get(0));
        }
        return d;
    }

    /** As {@link #through}, also past a scale (a pointwise mul or div by a constant). */
    private Draft scaled(String id, Set<Draft> parts) {
        Draft d = through(id, parts);
        if (d != null && d.is("pointwise") && d.inputs.size() == 1 && readers(d) == 1
                && List.of("mul", "div").contains(String.valueOf(d.params.get("fn")))) {
            parts.add(d);
            d = through(d.inputs.get(0), parts);
        }
        return d;
    }

    private static boolean linear(Draft d, int out, Object act) {
        return d != null && d.is("linear") && d.intParam("out", 0) == out && Objects.equals(d.act(), act);
    }

    private int readers(Draft d) {
        return index.readersOf(d.id).size();
    }

    private List<Draft> readersOf(Draft d) {
        return index.readersOf(d.id);
    }

    private Draft soleReader(Draft d) {
        List<Draft> r = readersOf(d);
        return r.size() == 1 ? r.get(0) : null;
    }
}
