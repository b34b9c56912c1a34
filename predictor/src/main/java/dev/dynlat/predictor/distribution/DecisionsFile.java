package dev.dynlat.predictor.distribution;

import dev.dynlat.operators.input.DecimalText;
import dev.dynlat.operators.input.InputBounds;
import dev.dynlat.operators.input.TextLines;
import dev.dynlat.predictor.workload.Network;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-input decisions from files, one input per row, checked against the network:
 * <ul>
 *   <li>a decisions CSV ({@code --decisions}): a header naming the columns {@code exit} (the exit
 *       an input leaves at, 1-based as in {@code --exits}) and/or {@code policy} (a bit string,
 *       one bit per decided block in the policy's order, 1 = the block runs), then one row per
 *       input;</li>
 *   <li>a policies file ({@code --policies}): one bit string per line.</li>
 * </ul>
 * Blank lines and lines starting with {@code #} are skipped. Errors name the file, the row (its
 * line) and the field.
 */
public final class DecisionsFile {
    /** Column index standing for the {@code rate} column (every block). */
    private static final int ALL_BLOCKS = -2;

    private DecisionsFile() {
    }

    /**
     * A decisions file read: either exits/policies per input, or activation rates per input (one
     * per dynamic residual block, {@link RateDecisions#blockIds} order); the other is null.
     */
    public record Parsed(List<InputDecision> inputs, RateRows rates) {
    }

    /**
     * Reads a decisions CSV: columns {@code exit} and/or {@code policy}, or per-input activation
     * rates in [0, 1]: a column {@code rate} (every dynamic block) and/or columns named by block
     * ids (those blocks; a block id column overrides {@code rate}, blocks in neither run at 1).
     * The file is read line by line: memory grows by about 12 bytes per input for exits and
     * policies, and with the distinct rows for rates.
     */
    public static Parsed read(Path file, Network net) {
        try (Rows rows = Rows.open(file, "--decisions")) {
            String[] header = rows.next() ? rows.cells() : null;
            boolean rates = header != null && Arrays.stream(header).anyMatch(h -> !h.equals("exit") && !h.equals("policy"))
                    && Arrays.stream(header).noneMatch(h -> h.equals("exit") || h.equals("policy"));
            return rates ? new Parsed(null, rates(rows, header, file, net))
                    : new Parsed(decisions(rows, header, file, net), null);
        }
    }

    /**
     * The lines of a file that hold data (blank lines and {@code #} comments skipped), one at a
     * time, stripped, with the line number of the current one for error messages.
     */
    private static final class Rows implements AutoCloseable {
        private final TextLines lines;
        private String text;
        private int dataRows;

        private Rows(TextLines lines) {
            this.lines = lines;
        }

        static Rows open(Path file, String option) {
            return new Rows(TextLines.open(option, file));
        }

        /** Moves to the next data line; false at the end of the file. */
        boolean next() {
            for (String raw = lines.next(); raw != null; raw = lines.next()) {
                String t = raw.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    text = t;
                    dataRows++;
                    return true;
                }
            }
            return false;
        }

        String text() {
            return text;
        }

        /** The current line as comma-separated cells, each stripped. */
        String[] cells() {
            int n = 1;
            for (int i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) {
                n++;
            }
            String[] out = new String[n];
            int from = 0;
            for (int c = 0; c < n; c++) {
                int to = c == n - 1 ? text.length() : text.indexOf(',', from);
                out[c] = text.substring(from, to).strip();
                from = to + 1;
            }
            return out;
        }

        /** "row R (line L)", R counting data lines after the first (the header, in a CSV). */
        String at(int firstRow) {
            return "row " + (dataRows - 1 + firstRow) + " (line " + lines.lineNumber() + ")";
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    /**
     * Per-input activation rates, equal rows counted once: each distinct row is predicted on its
     * own, so at most {@link InputBounds#DISTINCT_RATE_ROWS} are accepted.
     *
     * @param counts how many inputs have each distinct row (rates in {@link RateDecisions#blockIds}
     *     order), in order of first appearance
     * @param inputs the number of inputs (rows of the file)
     * @param meanRate the mean rate over inputs and blocks
     */
    public record RateRows(Map<List<Double>, Long> counts, long inputs, double meanRate) {
    }

    /** Per-input rates; the header is read (the caller checked it), the rows follow. */
    private static RateRows rates(Rows rows, String[] header, Path file, Network net) {
        String where = "decisions: " + file;
        List<String> ids = RateDecisions.blockIds(net);
        if (ids.isEmpty()) {
            String first = Arrays.stream(header).filter(h -> !h.equals("rate")).findFirst().orElse(null);
            throw new IllegalArgumentException(where + " header: " + (first == null
                    ? "column rate, but " + net.name() + " has no dynamic residual blocks"
                    : "unknown column '" + first + "'; expected exit and/or policy"));
        }
        int[] column = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            column[i] = header[i].equals("rate") ? ALL_BLOCKS : ids.indexOf(header[i]);
            if (column[i] == -1) {
                throw new IllegalArgumentException(where + " header: unknown column '" + header[i]
                        + "'; expected exit and/or policy, or rate and/or dynamic block ids (e.g. "
                        + ids.get(0) + ")");
            }
        }
        Map<List<Double>, Long> counts = new LinkedHashMap<>();
        DoubleSummaryStatistics mean = new DoubleSummaryStatistics();
        long inputs = 0;
        int limit = InputBounds.DISTINCT_RATE_ROWS.max();
        while (rows.next()) {
            String[] cells = rows.cells();
            String at = where + " " + rows.at(0);
            if (cells.length != header.length) {
                throw new IllegalArgumentException(at + ": expected " + header.length + " fields, got " + cells.length);
            }
            double[] r = new double[ids.size()];
            Arrays.fill(r, 1);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < cells.length; i++) {
                    // the rate column first, so block columns override it
                    if ((pass == 0) != (column[i] == ALL_BLOCKS)) {
                        continue;
                    }
                    double v = rate(at + ", field " + header[i], cells[i]);
                    if (column[i] == ALL_BLOCKS) {
                        Arrays.fill(r, v);
                    } else {
                        r[column[i]] = v;
                    }
                }
            }
            for (double v : r) {
                mean.accept(v);
            }
            List<Double> key = Arrays.stream(r).boxed().toList();
            if (!counts.containsKey(key) && counts.size() == limit) {
                throw new IllegalArgumentException(at + ": more than " + limit + " distinct rate rows (each is"
                        + " predicted on its own; the limit is InputBounds.DISTINCT_RATE_ROWS)");
            }
            counts.merge(key, 1L, Long::sum);
            inputs++;
        }
        if (inputs == 0) {
            throw new IllegalArgumentException(where + ": no rows after the header");
        }
        return new RateRows(counts, inputs, mean.getAverage());
    }

    private static double rate(String where, String cell) {
        if (!DecimalText.isDecimal(cell)) {
            throw new IllegalArgumentException(where + ": '" + cell + "' is not a number");
        }
        double v = DecimalText.parse(cell);
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(where + ": rate must be in [0, 1], got " + cell);
        }
        return v;
    }

    /** Reads a decisions CSV of exits and/or policies. */
    public static List<InputDecision> decisions(Path file, Network net) {
        try (Rows rows = Rows.open(file, "--decisions")) {
            return decisions(rows, rows.next() ? rows.cells() : null, file, net);
        }
    }

    private static List<InputDecision> decisions(Rows rows, String[] header, Path file, Network net) {
        String where = "decisions: " + file;
        if (header == null) {
            throw new IllegalArgumentException(where + ": empty file; expected a header with exit and/or policy");
        }
        int exitCol = -1;
        int policyCol = -1;
        for (int i = 0; i < header.length; i++) {
            switch (header[i]) {
                case "exit" -> exitCol = i;
                case "policy" -> policyCol = i;
                default -> throw new IllegalArgumentException(where + " header: unknown column '" + header[i]
                        + "'; expected exit and/or policy");
            }
        }
        if (exitCol >= 0 && net.exits().isEmpty()) {
            throw new IllegalArgumentException(where + " header: column exit, but " + net.name() + " has no exits");
        }
        if (policyCol >= 0 && net.decidedBlocks().isEmpty()) {
            throw new IllegalArgumentException(where + " header: column policy, but " + net.name()
                    + " has no policy-decided blocks");
        }
        InputDecisions out = new InputDecisions(policyCol < 0 ? 0 : net.decidedBlocks().size());
        int lastExit = Math.max(net.exits().size() - 1, 0);
        while (rows.next()) {
            String[] cells = rows.cells();
            String at = where + " " + rows.at(0);
            if (cells.length != header.length) {
                throw new IllegalArgumentException(at + ": expected " + header.length + " fields, got " + cells.length);
            }
            int exit = exitCol < 0 ? lastExit : exitIndex(at, cells[exitCol], net.exits().size());
            boolean[] keep = policyCol < 0 ? null : bits(at + ", field policy", cells[policyCol],
                    net.decidedBlocks().size());
            out.append(exit, keep);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(where + ": no rows after the header");
        }
        return out;
    }

    /** Reads a file of policies, one bit string per line. */
    public static List<InputDecision> policies(Path file, Network net) {
        int blocks = net.decidedBlocks().size();
        if (blocks == 0) {
            throw new IllegalArgumentException("policies: " + net.name() + " has no policy-decided blocks");
        }
        InputDecisions out = new InputDecisions(blocks);
        int lastExit = Math.max(net.exits().size() - 1, 0);
        try (Rows rows = Rows.open(file, "--policies")) {
            while (rows.next()) {
                out.append(lastExit, bits("policies: " + file + " " + rows.at(1), rows.text(), blocks));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("policies: " + file + " holds no policy");
        }
        return out;
    }

    /** A policy bit string of {@code blocks} bits; {@code where} names it in errors. */
    public static boolean[] bits(String where, String text, int blocks) {
        if (text.length() != blocks) {
            throw new IllegalArgumentException(where + ": a policy needs " + blocks + " bits (one per decided block),"
                    + " got " + text.length() + " ('" + abbreviate(text) + "')");
        }
        boolean[] keep = new boolean[blocks];
        for (int i = 0; i < blocks; i++) {
            char c = text.charAt(i);
            if (c != '0' && c != '1') {
                throw new IllegalArgumentException(where + ": bit " + (i + 1) + " is '" + c + "'; expected 0 or 1");
            }
            keep[i] = c == '1';
        }
        return keep;
    }

    private static int exitIndex(String where, String cell, int exits) {
        int e;
        try {
            e = DecimalText.parseInt(cell);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(where + ", field exit: '" + cell + "' is not an exit number (1.."
                    + exits + ")");
        }
        if (e < 1 || e > exits) {
            throw new IllegalArgumentException(where + ", field exit: " + e + " is out of range (1.." + exits + ")");
        }
        return e - 1;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
