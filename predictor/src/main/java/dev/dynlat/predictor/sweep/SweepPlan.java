package dev.dynlat.predictor.sweep;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.predictor.dynamic.Paradigm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A validated sweep: the cross product of targets (model × device × variant × batch), paradigms
 * with their per-stage option spaces, and rates, in a fixed row order. Every target starts with
 * one {@code static} row (the reference for speedups and charts); then, per paradigm in spec
 * order and per rate in order, every option combination with the last stage varying fastest.
 * Rows are numbered from 0; {@link #groups()} cuts them into groups that share a paradigm and a
 * rate (the unit the evaluator caches stage results for).
 *
 * @param targets models × devices × variants × batches, model slowest
 * @param paradigms the swept paradigms, in spec order
 * @param rates activation rates, in spec order
 * @param stageColumns the number of per-stage column sets (the most stages of any model)
 * @param inputsDigest SHA-256 of the contents of every file the plan was read from (the spec,
 *     network files, profile files), so that an edited file is a different plan
 */
public record SweepPlan(List<Target> targets, List<ParadigmAxis> paradigms, double[] rates, int stageColumns,
                        String inputsDigest) {
    public SweepPlan {
        targets = List.copyOf(targets);
        paradigms = List.copyOf(paradigms);
        rates = rates.clone();
    }

    /** A plan whose inputs are all named in it (zoo models, built-in devices): no file digest. */
    public SweepPlan(List<Target> targets, List<ParadigmAxis> paradigms, double[] rates, int stageColumns) {
        this(targets, paradigms, rates, stageColumns, "");
    }

    /**
     * What one prediction runs on.
     *
     * @param model the model
     * @param device the device profile
     * @param variant the model variant
     * @param batch the batch size, 0 for the profile's
     */
    public record Target(SweepModel model, DeviceProfile device, ModelVariant variant, int batch) {
    }

    /**
     * One swept paradigm and its option space per model.
     *
     * @param paradigm spatial, channel or layer
     * @param spaces option space by model name
     */
    public record ParadigmAxis(Paradigm paradigm, Map<String, OptionSpace> spaces) {
        public ParadigmAxis {
            spaces = Map.copyOf(spaces);
        }
    }

    /**
     * Consecutive rows sharing target, paradigm and rate.
     *
     * @param target index into {@link #targets()}
     * @param paradigm the paradigm ({@code STATIC} for the reference row)
     * @param rate the activation rate (1 for static)
     * @param space the option space (one combination for static and layer)
     * @param firstRow the number of the group's first row
     */
    public record Group(int target, Paradigm paradigm, double rate, OptionSpace space, long firstRow) {
        public long rows() {
            return space.size();
        }
    }

    @Override
    public double[] rates() {
        return rates.clone();
    }

    /** Every group in row order. */
    public List<Group> groups() {
        List<Group> out = new ArrayList<>();
        long row = 0;
        for (int t = 0; t < targets.size(); t++) {
            SweepModel m = targets.get(t).model();
            OptionSpace none = OptionSpace.single(m.stages().size());
            out.add(new Group(t, Paradigm.STATIC, 1.0, none, row));
            row += 1;
            for (ParadigmAxis axis : paradigms) {
                OptionSpace space = axis.spaces().get(m.name());
                for (double r : rates) {
                    Group g = new Group(t, axis.paradigm(), r, space, row);
                    out.add(g);
                    row = saturatingAdd(row, g.rows());
                }
            }
        }
        return out;
    }

    /** Total rows (saturates at {@link Long#MAX_VALUE}). */
    public long rowCount() {
        List<Group> g = groups();
        Group last = g.get(g.size() - 1);
        return saturatingAdd(last.firstRow(), last.rows());
    }

    /**
     * A fingerprint of everything that decides the rows (profiles included, and the contents of
     * every file read, {@link #inputsDigest}), so a resumed sweep can tell that an existing output
     * was written by the same plan from the same files.
     */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder("dynlat-sweep-v1\n");
        if (!inputsDigest.isEmpty()) {
            sb.append("files ").append(inputsDigest).append('\n');
        }
        for (Target t : targets) {
            sb.append(t.model().name()).append('|').append(t.device()).append('|').append(t.variant())
                    .append('|').append(t.batch()).append('\n');
        }
        for (ParadigmAxis a : paradigms) {
            sb.append(a.paradigm()).append('|');
            a.spaces().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> sb.append(e.getKey()).append('=').append(e.getValue()).append(';'));
            sb.append('\n');
        }
        for (double r : rates) {
            sb.append(r).append(',');
        }
        sb.append('\n').append(stageColumns);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static long saturatingAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }
}
