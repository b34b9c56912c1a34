package dev.dynlat.predictor.sweep;

import dev.dynlat.operators.input.InputBounds;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.yaml.YamlFields;
import dev.dynlat.operators.yaml.YamlNode;
import dev.dynlat.operators.yaml.YamlParser;
import dev.dynlat.operators.yaml.YamlProblems;
import dev.dynlat.predictor.dynamic.Paradigm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads a sweep spec into a {@link SweepPlan}, reporting every problem at once as
 * {@code file:line path: message} before any work starts:
 *
 * <pre>
 * models: [resnet101, regnety-800mf]      # zoo names
 * devices: [v100, tx2, my-gpu.yaml]       # built-in names or profile files
 * batches: [default, 1]                   # optional; default: the profile's batch
 * variants: [laudnet]                     # optional; default: the profile's default variant
 * paradigms:
 *   spatial:
 *     granularity: [1, 2, 4, 8]           # each stage takes every listed S, capped at its map
 *   channel:
 *     channel_group: all                  # every G valid in the stage
 *   layer: {}
 * rates: {from: 0.1, to: 1.0, step: 0.1}  # or a list: [0.25, 0.5]
 * </pre>
 *
 * Per-stage forms of {@code granularity}/{@code channel_group}: a list (the same candidates for
 * every stage, each stage keeping those that fit it), {@code all} (every valid value of each
 * stage: the divisors of its map side for S, every G dividing its channels), or
 * {@code per_stage: [[1, 2], all, [4], [1]]}. {@code uniform: true} sweeps one value for all
 * stages together (S capped at each stage's map) instead of the cross product.
 * {@code exit_proportions} is reserved for multi-exit models and rejected while none exists.
 */
public final class SweepSpecLoader {
    static final int MAX_RATES = InputBounds.RATES.max();
    private static final int MAX_BATCH = 1 << 20;

    private SweepSpecLoader() {
    }

    public static SweepPlan load(Path file) {
        return parse(YamlParser.parse(file), file.toString());
    }

    public static SweepPlan parse(String yaml, String source) {
        return parse(YamlParser.parse(yaml, source), source);
    }

    private static SweepPlan parse(YamlNode root, String source) {
        YamlProblems problems = new YamlProblems(source);
        YamlFields f = YamlFields.of(root, problems).orElse(null);
        if (f == null) {
            problems.throwIfAny();
        }
        List<SweepModel> models = names(f, "models", problems).stream()
                .map(n -> loadOrReport(n, problems, () -> SweepWorkloads.model(n.text())))
                .filter(java.util.Objects::nonNull).toList();
        List<DeviceProfile> devices = names(f, "devices", problems).stream()
                .map(n -> loadOrReport(n, problems, () -> DeviceCatalog.load(n.text())))
                .filter(java.util.Objects::nonNull).toList();
        List<Integer> batches = batches(f, problems);
        List<Optional<ModelVariant>> variants = variants(f, problems);
        double[] rates = rates(f, problems);
        List<SweepPlan.ParadigmAxis> paradigms = paradigms(f, models, problems);
        if (f.has("exit_proportions")) {
            for (SweepModel m : models) {
                if (m.exits() == 0) {
                    problems.add(f.node().entries().get("exit_proportions"), "model " + m.name()
                            + " has no early exits; exit_proportions applies only to multi-exit models");
                }
            }
        }
        if (variants.contains(Optional.of(ModelVariant.CALIBRATED))) {
            for (DeviceProfile d : devices) {
                if (d.calibrated().isEmpty()) {
                    problems.add(f.node().entries().get("variants"), "variant calibrated: device '" + d.name()
                            + "' has no calibrated coefficients; run 'dynlat calibrate' or sweep laudnet only");
                }
            }
        }
        f.finish();
        problems.throwIfAny();
        checkSize(source, (long) models.size() * devices.size() * variants.size() * batches.size(), paradigms.size(),
                rates.length);
        List<SweepPlan.Target> targets = new ArrayList<>();
        for (SweepModel m : models) {
            for (DeviceProfile d : devices) {
                for (Optional<ModelVariant> v : variants) {
                    for (int b : batches) {
                        targets.add(new SweepPlan.Target(m, d, v.orElseGet(() -> defaultVariant(d)), b));
                    }
                }
            }
        }
        int stageColumns = models.stream().mapToInt(m -> m.stages().size()).max().orElse(0);
        SweepPlan plan = new SweepPlan(targets, paradigms, rates, stageColumns,
                InputDigest.of(names(f.node(), "models"), names(f.node(), "devices")));
        long rows = plan.rowCount();
        if (rows > InputBounds.SWEEP_ROWS) {
            throw new IllegalArgumentException(source + ": the sweep has " + (rows == Long.MAX_VALUE
                    ? "more than " + Long.MAX_VALUE : Long.toString(rows)) + " rows, more than the limit of "
                    + InputBounds.SWEEP_ROWS + " (InputBounds.SWEEP_ROWS); split it into several specs");
        }
        return plan;
    }

    /**
     * Refuses a cross product of more than {@link InputBounds#SWEEP_GROUPS} groups (target ×
     * paradigm × rate, each held in the plan) before any is built.
     */
    private static void checkSize(String source, long targets, int paradigms, int rates) {
        long perTarget = 1 + (long) paradigms * rates;
        long groups = targets > Long.MAX_VALUE / perTarget ? Long.MAX_VALUE : targets * perTarget;
        if (groups > InputBounds.SWEEP_GROUPS.max()) {
            throw new IllegalArgumentException(source + ": the sweep has " + groups + " groups (" + targets
                    + " targets x (1 + " + paradigms + " paradigms x " + rates + " rates)), more than the limit of "
                    + InputBounds.SWEEP_GROUPS.max() + " (InputBounds.SWEEP_GROUPS); split it into several specs");
        }
    }

    /** The texts of a validated list of names (models or devices). */
    private static List<String> names(YamlNode.Mapping root, String key) {
        YamlNode n = root.entries().get(key);
        List<String> out = new ArrayList<>();
        if (n instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                out.add(((YamlNode.Scalar) item).text());
            }
        }
        return out;
    }

    private static ModelVariant defaultVariant(DeviceProfile d) {
        return d.calibrated().isPresent() ? ModelVariant.CALIBRATED : ModelVariant.LAUDNET;
    }

    private interface Loader<T> {
        T load();
    }

    private static <T> T loadOrReport(YamlNode.Scalar at, YamlProblems problems, Loader<T> loader) {
        try {
            return loader.load();
        } catch (IllegalArgumentException e) {
            problems.add(at, e.getMessage());
            return null;
        }
    }

    /** A required, non-empty list of distinct names. */
    private static List<YamlNode.Scalar> names(YamlFields f, String key, YamlProblems problems) {
        List<YamlNode.Scalar> out = new ArrayList<>();
        f.sequence(key, true).ifPresent(seq -> {
            if (seq.items().isEmpty()) {
                problems.add(seq, "must list at least one value");
            }
            TreeSet<String> seen = new TreeSet<>();
            for (YamlNode n : seq.items()) {
                if (!(n instanceof YamlNode.Scalar s) || s.text() == null || s.text().isBlank()) {
                    problems.add(n, "expected a name, found " + n.kindName());
                } else if (!seen.add(s.text())) {
                    problems.add(n, "'" + s.text() + "' is listed twice");
                } else {
                    out.add(s);
                }
            }
        });
        return out;
    }

    private static List<Integer> batches(YamlFields f, YamlProblems problems) {
        List<Integer> out = new ArrayList<>();
        Optional<YamlNode.Sequence> seq = f.sequence("batches", false);
        if (seq.isEmpty()) {
            return List.of(0);
        }
        if (seq.get().items().isEmpty()) {
            problems.add(seq.get(), "must list at least one batch size (or leave the key out)");
        }
        for (YamlNode n : seq.get().items()) {
            if (n instanceof YamlNode.Scalar s && "default".equals(s.text())) {
                addDistinct(out, 0, n, problems);
            } else {
                YamlFields.toInteger(n, 1, MAX_BATCH, problems).ifPresent(b -> addDistinct(out, b, n, problems));
            }
        }
        return out;
    }

    private static void addDistinct(List<Integer> out, int v, YamlNode at, YamlProblems problems) {
        if (out.contains(v)) {
            problems.add(at, "batch " + (v == 0 ? "default" : Integer.toString(v)) + " is listed twice");
        } else {
            out.add(v);
        }
    }

    private static List<Optional<ModelVariant>> variants(YamlFields f, YamlProblems problems) {
        Optional<YamlNode.Sequence> seq = f.sequence("variants", false);
        if (seq.isEmpty()) {
            return List.of(Optional.empty());
        }
        List<Optional<ModelVariant>> out = new ArrayList<>();
        if (seq.get().items().isEmpty()) {
            problems.add(seq.get(), "must list at least one variant (or leave the key out)");
        }
        for (YamlNode n : seq.get().items()) {
            String text = n instanceof YamlNode.Scalar s ? s.text() : null;
            try {
                Optional<ModelVariant> v = Optional.of(ModelVariant.parse(String.valueOf(text)));
                if (out.contains(v)) {
                    problems.add(n, "variant " + text + " is listed twice");
                } else {
                    out.add(v);
                }
            } catch (IllegalArgumentException e) {
                problems.add(n, "unknown variant '" + text + "'; expected laudnet or calibrated");
            }
        }
        return out;
    }

    /** A list of rates or {@code {from, to, step}} (inclusive, rounded to 1e-9 so 0.1 steps land on 1.0). */
    static double[] rates(YamlFields f, YamlProblems problems) {
        Optional<YamlNode> node = f.node("rates", true);
        if (node.isEmpty()) {
            return new double[0];
        }
        List<Double> out = new ArrayList<>();
        if (node.get() instanceof YamlNode.Sequence seq) {
            if (seq.items().isEmpty()) {
                problems.add(seq, "must list at least one rate");
            }
            for (YamlNode n : seq.items()) {
                YamlFields.toNumber(n, 0, 1, problems).ifPresent(out::add);
            }
        } else {
            YamlFields.of(node.get(), problems).ifPresent(r -> {
                Optional<Double> from = r.number("from", true, 0, 1);
                Optional<Double> to = r.number("to", true, 0, 1);
                Optional<Double> step = r.number("step", true, 1e-9, 1);
                r.finish();
                if (from.isPresent() && to.isPresent() && step.isPresent()) {
                    if (to.get() < from.get()) {
                        problems.add(node.get(), "empty range: to " + to.get() + " is below from " + from.get());
                    } else {
                        long n = (long) Math.floor((to.get() - from.get()) / step.get() + 1e-9) + 1;
                        if (n > MAX_RATES) {
                            problems.add(node.get(), "range gives " + n + " rates; at most " + MAX_RATES);
                        } else {
                            for (long i = 0; i < n; i++) {
                                out.add(Math.round((from.get() + i * step.get()) * 1e9) / 1e9);
                            }
                        }
                    }
                }
            });
        }
        if (new TreeSet<>(out).size() != out.size()) {
            problems.add(node.get(), "lists a rate twice");
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<SweepPlan.ParadigmAxis> paradigms(YamlFields f, List<SweepModel> models,
                                                          YamlProblems problems) {
        List<SweepPlan.ParadigmAxis> out = new ArrayList<>();
        Optional<YamlFields> pf = f.mapping("paradigms", true);
        if (pf.isEmpty()) {
            return out;
        }
        YamlNode.Mapping m = pf.get().node();
        if (m.entries().isEmpty()) {
            problems.add(m, "must name at least one of spatial, channel, layer");
        }
        for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
            YamlNode value = e.getValue();
            Paradigm p;
            try {
                p = Paradigm.parse("paradigms", e.getKey());
            } catch (IllegalArgumentException ex) {
                problems.add(m.keyLines().get(e.getKey()), value.path(), "unknown paradigm '" + e.getKey()
                        + "'; expected spatial, channel or layer");
                continue;
            }
            pf.get().has(e.getKey());
            if (p == Paradigm.STATIC) {
                problems.add(m.keyLines().get(e.getKey()), value.path(),
                        "static is not swept: every target gets one static reference row");
                continue;
            }
            YamlNode body = value instanceof YamlNode.Scalar s && s.text() == null
                    ? new YamlNode.Mapping(Map.of(), Map.of(), value.line(), value.path()) : value;
            YamlFields.of(body, problems).ifPresent(pfields -> out.add(axis(p, pfields, models, problems)));
        }
        pf.get().finish();
        return out;
    }

    private static SweepPlan.ParadigmAxis axis(Paradigm p, YamlFields f, List<SweepModel> models,
                                               YamlProblems problems) {
        Map<String, OptionSpace> spaces = new LinkedHashMap<>();
        if (p == Paradigm.LAYER) {
            f.finish();
            for (SweepModel m : models) {
                spaces.put(m.name(), OptionSpace.single(m.stages().size()));
            }
            return new SweepPlan.ParadigmAxis(p, spaces);
        }
        String key = p == Paradigm.SPATIAL ? "granularity" : "channel_group";
        boolean uniform = f.bool("uniform", false).orElse(false);
        Optional<YamlNode> values = f.node(key, false);
        Optional<YamlNode> perStage = f.node("per_stage", false);
        f.finish();
        if (values.isPresent() == perStage.isPresent()) {
            problems.add(f.node(), values.isPresent() ? "give either " + key + " or per_stage, not both"
                    : "missing '" + key + "' (a list or all) or 'per_stage'");
            return new SweepPlan.ParadigmAxis(p, spaces);
        }
        if (uniform && perStage.isPresent()) {
            problems.add(perStage.get(), "uniform: true sweeps one value for every stage; it conflicts with per_stage");
            return new SweepPlan.ParadigmAxis(p, spaces);
        }
        for (SweepModel m : models) {
            OptionSpace space = values.isPresent()
                    ? sameForEveryStage(p, key, values.get(), uniform, m, problems)
                    : perStageSpace(p, perStage.get(), m, problems);
            if (space != null) {
                spaces.put(m.name(), space);
            }
        }
        return new SweepPlan.ParadigmAxis(p, spaces);
    }

    private static OptionSpace sameForEveryStage(Paradigm p, String key, YamlNode node, boolean uniform,
                                                 SweepModel m, YamlProblems problems) {
        int n = m.stages().size();
        if (isAll(node)) {
            if (uniform) {
                problems.add(node, "'all' picks values per stage; it conflicts with uniform: true");
                return null;
            }
            int[][] c = new int[n][];
            for (int i = 0; i < n; i++) {
                c[i] = allValid(p, m.stages().get(i));
            }
            return new OptionSpace(c, true);
        }
        int[] listed = intList(node, problems);
        if (listed == null) {
            return null;
        }
        boolean bad = false;
        for (int k = 0; k < listed.length; k++) {
            int v = listed[k];
            long fits = m.stages().stream().filter(st -> fits(p, st, v)).count();
            String what = p == Paradigm.SPATIAL ? "granularity " + v : "channel group " + v;
            if (fits == 0) {
                problems.add(((YamlNode.Sequence) node).items().get(k), what + " fits no stage of " + m.name()
                        + " (" + stageLimits(p, m) + ")");
                bad = true;
            } else if (uniform && p == Paradigm.CHANNEL && fits < n) {
                problems.add(((YamlNode.Sequence) node).items().get(k), what + " does not divide the channels of"
                        + " every stage of " + m.name() + "; uniform channel groups must fit every stage");
                bad = true;
            }
        }
        if (bad) {
            return null;
        }
        int[][] c = new int[n][];
        for (int i = 0; i < n; i++) {
            SweepModel.StageShape st = m.stages().get(i);
            // As the flag form does, an S larger than a stage's map is capped at the map (uniform:
            // one value per listed option; cross product: each distinct value once); a G that does
            // not divide a stage's channels is left out of that stage.
            c[i] = uniform ? java.util.Arrays.stream(listed).map(v -> StageOption.inStage(p, v, st.mapSide())).toArray()
                    : p == Paradigm.SPATIAL ? StageOption.inStage(p, listed, st.mapSide())
                    : java.util.Arrays.stream(listed).filter(v -> fits(p, st, v)).toArray();
        }
        return new OptionSpace(c, !uniform);
    }

    private static OptionSpace perStageSpace(Paradigm p, YamlNode node, SweepModel m, YamlProblems problems) {
        if (!(node instanceof YamlNode.Sequence seq)) {
            problems.add(node, "expected a list with one entry (a list or all) per stage, found " + node.kindName());
            return null;
        }
        int n = m.stages().size();
        if (seq.items().size() != n) {
            problems.add(seq, m.name() + " has " + n + " stages, per_stage lists " + seq.items().size());
            return null;
        }
        int[][] c = new int[n][];
        boolean bad = false;
        for (int i = 0; i < n; i++) {
            YamlNode item = seq.items().get(i);
            SweepModel.StageShape st = m.stages().get(i);
            if (isAll(item)) {
                c[i] = allValid(p, st);
                continue;
            }
            int[] listed = intList(item, problems);
            if (listed == null) {
                bad = true;
                continue;
            }
            for (int k = 0; k < listed.length; k++) {
                if (!fits(p, st, listed[k])) {
                    problems.add(((YamlNode.Sequence) item).items().get(k), (p == Paradigm.SPATIAL
                            ? "granularity " + listed[k] + " is larger than the " + st.mapSide() + "x" + st.mapSide()
                            + " map of " : "channel group " + listed[k] + " does not divide the channels of ")
                            + st.name() + " in " + m.name());
                    bad = true;
                }
            }
            c[i] = listed;
        }
        return bad ? null : new OptionSpace(c, true);
    }

    private static boolean isAll(YamlNode n) {
        return n instanceof YamlNode.Scalar s && "all".equals(s.text());
    }

    private static int[] allValid(Paradigm p, SweepModel.StageShape st) {
        return p == Paradigm.SPATIAL ? st.granularities() : st.channelGroups();
    }

    private static boolean fits(Paradigm p, SweepModel.StageShape st, int v) {
        return p == Paradigm.SPATIAL ? st.fitsGranularity(v) : st.fitsChannelGroup(v);
    }

    private static String stageLimits(Paradigm p, SweepModel m) {
        return p == Paradigm.SPATIAL
                ? "maps " + m.stages().stream().map(s -> s.mapSide() + "x" + s.mapSide())
                        .collect(java.util.stream.Collectors.joining(", "))
                : "stage widths allow " + m.stages().stream().map(s -> java.util.Arrays.toString(s.channelGroups()))
                        .collect(java.util.stream.Collectors.joining(" / "));
    }

    /** A non-empty list of distinct positive integers, or null after recording the problems. */
    private static int[] intList(YamlNode node, YamlProblems problems) {
        if (!(node instanceof YamlNode.Sequence seq)) {
            problems.add(node, "expected a list of positive integers or all, found "
                    + (node instanceof YamlNode.Scalar s ? "'" + s.text() + "'" : node.kindName()));
            return null;
        }
        if (seq.items().isEmpty()) {
            problems.add(seq, "empty list: give at least one value");
            return null;
        }
        List<Integer> out = new ArrayList<>();
        boolean bad = false;
        for (YamlNode n : seq.items()) {
            Optional<Integer> v = YamlFields.toInteger(n, 1, 1 << 16, problems);
            if (v.isEmpty()) {
                bad = true;
            } else if (out.contains(v.get())) {
                problems.add(n, "value " + v.get() + " is listed twice");
                bad = true;
            } else {
                out.add(v.get());
            }
        }
        return bad ? null : out.stream().mapToInt(Integer::intValue).toArray();
    }
}
