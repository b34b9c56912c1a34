package dev.dynlat.calibration.plan;

import dev.dynlat.calibration.protocol.ProtocolSettings;
import dev.dynlat.operators.input.DecimalText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The plan as plain text, one record per line, whitespace-separated tokens, so that a C program
 * parses it with {@code fgets} and {@code strtok} (src/docs/gpu/plan-format.md; parsed natively by
 * {@code calibration/src/main/native/bench/plan.c}):
 *
 * <pre>
 * dynlat-plan 1
 * protocol warmup=5 timed=15 attempts=3 max_spread=0.1 rounds=5 seed=42
 * kind gather code=3 dims=n,c,h,w,s,halo lists=active extras=-
 * case ID KIND GROUP name=value ...
 * list ID LIST v,v,...
 * end CASES
 * </pre>
 *
 * Lines starting with {@code #} and blank lines are comments. The {@code kind} lines declare the
 * vocabulary ({@link PlanKind}) so the native parser needs no table of its own.
 */
public final class PlanFormat {
    /** First line of every plan; the number is the format version, raised on any incompatible change. */
    public static final String MAGIC = "dynlat-plan";
    public static final int VERSION = 1;

    private PlanFormat() {
    }

    /** The plan's text, ending with a newline. */
    public static String write(CalibrationPlan plan, String comment) {
        StringBuilder sb = new StringBuilder();
        sb.append(MAGIC).append(' ').append(VERSION).append('\n');
        for (String line : comment.split("\n")) {
            sb.append("# ").append(line).append('\n');
        }
        ProtocolSettings s = plan.settings();
        sb.append(String.format(Locale.ROOT, "protocol warmup=%d timed=%d attempts=%d max_spread=%s rounds=%d seed=%d%n",
                s.warmupRuns(), s.timedRuns(), s.maxAttempts(), Double.toString(s.maxRelativeSpread()), plan.rounds(),
                plan.seed()));
        for (PlanKind k : PlanKind.values()) {
            sb.append(kindLine(k)).append('\n');
        }
        for (PlanCase c : plan.cases()) {
            sb.append("case ").append(c.id()).append(' ').append(c.shape().kind().planName()).append(' ')
                    .append(c.group()).append(' ').append(c.shape().text()).append('\n');
            c.shape().lists().forEach((name, values) -> sb.append("list ").append(c.id()).append(' ').append(name)
                    .append(' ').append(Arrays.stream(values).mapToObj(Integer::toString)
                            .collect(Collectors.joining(","))).append('\n'));
        }
        sb.append("end ").append(plan.cases().size()).append('\n');
        return sb.toString();
    }

    /**
     * Parses a plan's lines; every problem throws {@link IllegalArgumentException} as
     * {@code source:line: message}.
     */
    public static CalibrationPlan parse(List<String> lines, String source) {
        ProtocolSettings settings = null;
        int rounds = 0;
        long seed = 0;
        Map<String, String[]> caseLines = new LinkedHashMap<>();
        Map<String, Integer> caseLineNo = new LinkedHashMap<>();
        Map<String, Map<String, int[]>> lists = new LinkedHashMap<>();
        boolean magic = false;
        boolean ended = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int no = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] t = line.split("\\s+");
            try {
                if (!magic) {
                    if (!t[0].equals(MAGIC) || t.length != 2 || !t[1].equals(Integer.toString(VERSION))) {
                        throw new IllegalArgumentException("not a dynlat plan of format " + VERSION + " (first line '"
                                + line + "', expected '" + MAGIC + " " + VERSION + "')");
                    }
                    magic = true;
                    continue;
                }
                if (ended) {
                    throw new IllegalArgumentException("text after the end line");
                }
                switch (t[0]) {
                    case "protocol" -> {
                        Map<String, String> kv = keyValues(t, 1);
                        settings = new ProtocolSettings(PlanShape.integer("warmup", need(kv, "warmup")),
                                PlanShape.integer("timed", need(kv, "timed")),
                                PlanShape.integer("attempts", need(kv, "attempts")),
                                number("max_spread", need(kv, "max_spread")));
                        rounds = PlanShape.integer("rounds", need(kv, "rounds"));
                        seed = DecimalText.parseLong("seed", need(kv, "seed"));
                    }
                    case "kind" -> checkKind(t);
                    case "case" -> {
                        if (t.length < 4) {
                            throw new IllegalArgumentException("case: expected 'case ID KIND GROUP name=value...'");
                        }
                        if (caseLines.put(t[1], t) != null) {
                            throw new IllegalArgumentException("id: case id '" + t[1] + "' appears twice");
                        }
                        caseLineNo.put(t[1], no);
                    }
                    case "list" -> {
                        if (t.length != 4 || !caseLines.containsKey(t[1])) {
                            throw new IllegalArgumentException("list: expected 'list ID NAME v,v,...' after case ID");
                        }
                        int[] values = Arrays.stream(t[3].split(",")).mapToInt(v -> PlanShape.integer(t[2], v))
                                .toArray();
                        if (lists.computeIfAbsent(t[1], k -> new LinkedHashMap<>()).put(t[2], values) != null) {
                            throw new IllegalArgumentException("list: " + t[2] + " of " + t[1] + " given twice");
                        }
                    }
                    case "end" -> {
                        if (t.length != 2 || PlanShape.integer("end", t[1]) != caseLines.size()) {
                            throw new IllegalArgumentException("end: plan declares " + (t.length > 1 ? t[1] : "?")
                                    + " cases, read " + caseLines.size());
                        }
                        ended = true;
                    }
                    default -> throw new IllegalArgumentException("unknown record '" + t[0] + "'");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + no + ": " + e.getMessage(), e);
            }
        }
        if (!ended) {
            throw new IllegalArgumentException(source + ": no end line (truncated plan?)");
        }
        if (settings == null) {
            throw new IllegalArgumentException(source + ": no protocol line");
        }
        List<PlanCase> cases = new ArrayList<>();
        for (Map.Entry<String, String[]> e : caseLines.entrySet()) {
            String[] t = e.getValue();
            try {
                PlanKind kind = PlanKind.byPlanName(t[2]);
                Map<String, Integer> params = new LinkedHashMap<>();
                keyValues(t, 4).forEach((k, v) -> params.put(k, PlanShape.integer(k, v)));
                PlanShape shape = new PlanShape(kind, params, lists.getOrDefault(e.getKey(), Map.of()));
                shape.kernel(); // validates the dims and lists now, with the case's line in the message
                cases.add(new PlanCase(e.getKey(), t[3], shape));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(source + ":" + caseLineNo.get(e.getKey()) + ": " + ex.getMessage(), ex);
            }
        }
        return new CalibrationPlan(settings, rounds, seed, cases);
    }

    /** A {@code kind} line must declare exactly this build's vocabulary. */
    private static void checkKind(String[] t) {
        if (t.length < 2) {
            throw new IllegalArgumentException("kind: missing name");
        }
        PlanKind k = PlanKind.byPlanName(t[1]);
        String expected = kindLine(k);
        if (!String.join(" ", t).equals(expected)) {
            throw new IllegalArgumentException("kind: '" + String.join(" ", t) + "' differs from this build's '"
                    + expected + "'");
        }
    }

    /** The declaration of one kind: its native code, dims in native order, lists and extras. */
    static String kindLine(PlanKind k) {
        return "kind " + k.planName() + " code=" + k.kernelKind().code() + " dims=" + String.join(",", k.dims())
                + " lists=" + (k.lists().isEmpty() ? "-" : String.join(",", k.lists()))
                + " extras=" + (k.extras().isEmpty() ? "-" : String.join(",", k.extras()));
    }

    private static Map<String, String> keyValues(String[] t, int from) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (int i = from; i < t.length; i++) {
            int eq = t[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected name=value, got '" + t[i] + "'");
            }
            if (kv.put(t[i].substring(0, eq), t[i].substring(eq + 1)) != null) {
                throw new IllegalArgumentException(t[i].substring(0, eq) + ": given twice");
            }
        }
        return kv;
    }

    private static String need(Map<String, String> kv, String key) {
        String v = kv.get(key);
        if (v == null) {
            throw new IllegalArgumentException(key + ": missing");
        }
        return v;
    }

    private static double number(String name, String value) {
        if (!DecimalText.isDecimal(value)) {
            throw new IllegalArgumentException(name + ": not a number: '" + value + "'");
        }
        return DecimalText.parse(value);
    }
}
