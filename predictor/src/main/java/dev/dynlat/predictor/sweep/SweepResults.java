package dev.dynlat.predictor.sweep;

import dev.dynlat.operators.input.DecimalText;
import dev.dynlat.operators.input.TextLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rows of one target (model, device, variant, batch) read back from a spec sweep's CSV or JSON Lines,
 * streamed so that only the selected target's rows are kept. Latencies in milliseconds per batch
 * unless named per image.
 *
 * @param model model name
 * @param device device name
 * @param variant model variant id
 * @param batch batch size
 * @param rows the target's rows in file order, static row included
 * @param stages number of residual stages
 * @param roles role ids of the per-stage breakdown columns, in column order
 */
public record SweepResults(String model, String device, String variant, int batch, List<Row> rows, int stages,
                           List<String> roles) {
    public SweepResults {
        rows = List.copyOf(rows);
        roles = List.copyOf(roles);
    }

    /**
     * One row.
     *
     * @param paradigm static, spatial, channel or layer
     * @param option S or G per stage ({@code 4-4-2-1}), or the paradigm for static and layer
     * @param rate activation rate
     * @param latencyMs whole network
     * @param staticLatencyMs the static network
     * @param stageMs per stage
     * @param stageRoleMs per stage and role
     */
    public record Row(String paradigm, String option, double rate, double latencyMs, double staticLatencyMs,
                      double[] stageMs, double[][] stageRoleMs) {
        /** The option value of one stage (S or G), or 0 for static and layer rows. */
        public int stageOption(int stage) {
            if (!perStage(option)) {
                return 0;
            }
            return DecimalText.parseInt("option", option.split("-")[stage]);
        }
    }

    /** What to keep; null fields take the file's first value. */
    public record Selection(String model, String device, String variant, Integer batch) {
    }

    /** The static row. */
    public Row staticRow() {
        return rows.stream().filter(r -> r.paradigm().equals("static")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("from: the results have no static row for " + model
                        + " on " + device));
    }

    /** Paradigms in file order, static excluded. */
    public List<String> paradigms() {
        Set<String> out = new LinkedHashSet<>();
        for (Row r : rows) {
            if (!r.paradigm().equals("static")) {
                out.add(r.paradigm());
            }
        }
        return List.copyOf(out);
    }

    /**
     * Reads the rows of the first target matching {@code selection}.
     *
     * @throws IllegalArgumentException naming the file, line and problem
     */
    public static SweepResults read(Path file, Selection selection) {
        // Line by line: a spec sweep's results may be far larger than the rows of one target.
        try (TextLines in = TextLines.open("--from", file)) {
            return read(in, file.toString(), selection);
        }
    }

    private static SweepResults read(TextLines in, String source, Selection sel) {
        ResultCells cells = ResultCells.open(in, source);
        List<String> header = cells.header();
        if (!header.containsAll(SweepColumns.CONFIG) || !header.containsAll(SweepColumns.TOTALS)) {
            throw new IllegalArgumentException("from: " + source + " is not the CSV of 'dynlat sweep --spec' nor its"
                    + " JSON Lines (its header lacks " + SweepColumns.CONFIG + ")");
        }
        Map<String, Integer> col = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i), i);
        }
        int stages = 0;
        while (col.containsKey(SweepColumns.stageLatency(stages + 1))) {
            stages++;
        }
        List<String> roles = SweepColumns.roleIds();
        String model = sel.model();
        String device = sel.device();
        String variant = sel.variant();
        Integer batch = sel.batch();
        List<Row> rows = new ArrayList<>();
        boolean started = false;
        String[] c;
        while ((c = cells.next()) != null) {
            int number = cells.line();
            Predicate<String[]> matches = r -> (sel.model() == null || r[col.get("model")].equals(sel.model()))
                    && (sel.device() == null || r[col.get("device")].equals(sel.device()))
                    && (sel.variant() == null || r[col.get("variant")].equals(sel.variant()))
                    && (sel.batch() == null || r[col.get("batch")].equals(Integer.toString(sel.batch())));
            if (started && !sameTarget(c, col, model, device, variant, batch)) {
                // A sweep writes each target's rows together: the selected target is complete.
                break;
            }
            if (!matches.test(c)) {
                continue;
            }
            if (!started) {
                model = c[col.get("model")];
                device = c[col.get("device")];
                variant = c[col.get("variant")];
                batch = integer(c[col.get("batch")], source, number, "batch");
                started = true;
            }
            int n = 0;
            while (n < stages && !c[col.get(SweepColumns.stageLatency(n + 1))].isEmpty()) {
                n++;
            }
            double[] stageMs = new double[n];
            double[][] roleMs = new double[n][roles.size()];
            for (int s = 0; s < n; s++) {
                stageMs[s] = number(c[col.get(SweepColumns.stageLatency(s + 1))], source, number, "stage");
                for (int r = 0; r < roles.size(); r++) {
                    Integer idx = col.get(SweepColumns.stageRole(s + 1, roles.get(r)));
                    roleMs[s][r] = idx == null ? 0 : number(c[idx], source, number, "role");
                }
            }
            String paradigm = c[col.get("paradigm")];
            rows.add(new Row(paradigm, option(paradigm, c[col.get("option")], source, number),
                    number(c[col.get("rate")], source, number, "rate"),
                    number(c[col.get("latency_ms")], source, number, "latency_ms"),
                    number(c[col.get("static_latency_ms")], source, number, "static_latency_ms"), stageMs, roleMs));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("from: " + source + " has no rows for " + describe(sel));
        }
        int stageCount = rows.stream().mapToInt(r -> r.stageMs().length).max().orElse(0);
        return new SweepResults(model, device, variant, batch, rows, stageCount, roles);
    }

    /**
     * The targets beside {@code drawn} along {@code facet}, {@code drawn}'s own included: every
     * device that holds rows of its model (or every model with rows on its device) and variant, in
     * file order, each with the first batch the file holds for it, e.g. to draw the same figure for
     * each of them side by side.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read
     */
    public static List<Selection> across(Path file, SweepFacet facet, SweepResults drawn) {
        Map<String, Selection> out = new java.util.LinkedHashMap<>();
        try (TextLines in = TextLines.open("--from", file)) {
            // The same reader as read(): the sweep's CSV or its JSON Lines.
            ResultCells cells = ResultCells.open(in, file.toString());
            List<String> header = cells.header();
            int valueAt = header.indexOf(facet.column());
            int fixedAt = header.indexOf(facet.fixedColumn());
            int variantAt = header.indexOf("variant");
            int batchAt = header.indexOf("batch");
            String fixed = facet.fixedValueOf(drawn);
            String[] c;
            while ((c = cells.next()) != null) {
                String value = c[valueAt];
                if (c[fixedAt].equals(fixed) && c[variantAt].equals(drawn.variant()) && !out.containsKey(value)) {
                    out.put(value, facet.select(drawn, value, integer(c[batchAt], file.toString(), cells.line(),
                            "batch")));
                }
            }
        }
        return List.copyOf(out.values());
    }

    private static boolean sameTarget(String[] c, Map<String, Integer> col, String model, String device,
                                      String variant, Integer batch) {
        return c[col.get("model")].equals(model) && c[col.get("device")].equals(device)
                && c[col.get("variant")].equals(variant) && c[col.get("batch")].equals(Integer.toString(batch));
    }

    private static String describe(Selection s) {
        List<String> parts = new ArrayList<>();
        if (s.model() != null) {
            parts.add("model " + s.model());
        }
        if (s.device() != null) {
            parts.add("device " + s.device());
        }
        if (s.variant() != null) {
            parts.add("variant " + s.variant());
        }
        if (s.batch() != null) {
            parts.add("batch " + s.batch());
        }
        return parts.isEmpty() ? "any target" : String.join(", ", parts);
    }

    /** Whether an option names S or G per stage ({@code 4-4-2-1}) rather than a paradigm ({@code static}). */
    private static boolean perStage(String option) {
        return !option.isEmpty() && option.charAt(0) >= '0' && option.charAt(0) <= '9';
    }

    /** The option of a row; spatial and channel rows (and any that starts like a number) hold S or G per stage. */
    private static String option(String paradigm, String text, String source, int line) {
        boolean numeric = !text.isEmpty() && Character.isDigit(text.codePointAt(0));
        if (numeric || paradigm.equals("spatial") || paradigm.equals("channel")) {
            for (String part : text.split("-", -1)) {
                if (!DecimalText.isInteger(part) || part.startsWith("+")) {
                    throw new IllegalArgumentException("from: " + source + ":" + line + ": option '" + text
                            + "' is not S or G per stage like 4-4-2-1");
                }
            }
        }
        return text;
    }

    private static int integer(String text, String source, int line, String field) {
        try {
            return DecimalText.parseInt(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("from: " + source + ":" + line + ": " + field + " '" + text
                    + "' is not an integer");
        }
    }

    private static double number(String text, String source, int line, String field) {
        if (DecimalText.isDecimal(text)) {
            double v = DecimalText.parse(text);
            if (Double.isFinite(v)) {
                return v;
            }
        }
        throw new IllegalArgumentException("from: " + source + ":" + line + ": " + field + " '" + text
                + "' is not a finite number");
    }
}
