package dev.dynlat.predictor.distribution;

import dev.dynlat.operators.input.DecimalText;
import dev.dynlat.predictor.workload.Network;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    public record Parsed(List<InputDecision> inputs, List<double[]> rates) {
    }

    /**
     * Reads a decisions CSV: columns {@code exit} and/or {@code policy}, or per-input activation
     * rates in [0, 1]: a column {@code rate} (every dynamic block) and/or columns named by block
     * ids (those blocks; a block id column overrides {@code rate}, blocks in neither run at 1).
     */
    public static Parsed read(Path file, Network net) {
        Lines lines = Lines.of(file, "decisions");
        String[] header = lines.isEmpty() ? null : lines.cells(0);
        boolean rates = header != null && Arrays.stream(header).anyMatch(h -> !h.equals("exit") && !h.equals("policy"))
                && Arrays.stream(header).noneMatch(h -> h.equals("exit") || h.equals("policy"));
        return rates ? new Parsed(null, rates(lines, file, net)) : new Parsed(decisions(lines, file, net), null);
    }

    /**
     * The lines of a file that hold data (blank lines and {@code #} comments dropped), stripped,
     * with their 1-based line numbers for error messages.
     */
    private record Lines(List<String> texts, List<Integer> numbers) {
        static Lines of(Path file, String field) {
            List<String> texts = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            int line = 0;
            for (String raw : read(file, field)) {
                line++;
                String text = raw.strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    texts.add(text);
                    numbers.add(line);
                }
            }
            return new Lines(texts, numbers);
        }

        boolean isEmpty() {
            return texts.isEmpty();
        }

        int size() {
            return texts.size();
        }

        /** Line {@code i} as comma-separated cells, each stripped. */
        String[] cells(int i) {
            return Arrays.stream(texts.get(i).split(",", -1)).map(String::strip).toArray(String[]::new);
        }
    }

    /** Per-input rates; {@code lines} holds a header (the caller checked) and the rows. */
    private static List<double[]> rates(Lines lines, Path file, Network net) {
        String where = "decisions: " + file;
        List<String> ids = RateDecisions.blockIds(net);
        String[] header = lines.cells(0);
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
        List<double[]> out = new ArrayList<>();
        for (int row = 1; row < lines.size(); row++) {
            String[] cells = lines.cells(row);
            String at = where + " row " + row + " (line " + lines.numbers().get(row) + ")";
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
            out.add(r);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(where + ": no rows after the header");
        }
        return out;
    }

    private static double rate(String where, String cell) {
        if (!DecimalText.isDecimal(cell)) {
            throw new IllegalArgumentException(where + ": '" + cell + "' is not a number");
        }
        double v = Double.parseDouble(cell);
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(where + ": rate must be in [0, 1], got " + cell);
        }
        return v;
    }

    /** Reads a decisions CSV of exits and/or policies. */
    public static List<InputDecision> decisions(Path file, Network net) {
        return decisions(Lines.of(file, "decisions"), file, net);
    }

    private static List<InputDecision> decisions(Lines lines, Path file, Network net) {
        String where = "decisions: " + file;
        String[] header = lines.isEmpty() ? null : lines.cells(0);
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
        if (lines.size() < 2) {
            throw new IllegalArgumentException(where + ": no rows after the header");
        }
        List<InputDecision> out = new ArrayList<>(lines.size() - 1);
        int lastExit = Math.max(net.exits().size() - 1, 0);
        for (int row = 1; row < lines.size(); row++) {
            String[] cells = lines.cells(row);
            String at = where + " row " + row + " (line " + lines.numbers().get(row) + ")";
            if (cells.length != header.length) {
                throw new IllegalArgumentException(at + ": expected " + header.length + " fields, got " + cells.length);
            }
            int exit = exitCol < 0 ? lastExit : exitIndex(at, cells[exitCol], net.exits().size());
            boolean[] keep = policyCol < 0 ? null : bits(at + ", field policy", cells[policyCol],
                    net.decidedBlocks().size());
            out.add(new InputDecision(exit, keep));
        }
        return out;
    }

    /** Reads a file of policies, one bit string per line. */
    public static List<InputDecision> policies(Path file, Network net) {
        int blocks = net.decidedBlocks().size();
        if (blocks == 0) {
            throw new IllegalArgumentException("policies: " + net.name() + " has no policy-decided blocks");
        }
        List<InputDecision> out = new ArrayList<>();
        int lastExit = Math.max(net.exits().size() - 1, 0);
        Lines lines = Lines.of(file, "policies");
        for (int row = 0; row < lines.size(); row++) {
            out.add(new InputDecision(lastExit, bits("policies: " + file + " row " + (row + 1) + " (line "
                    + lines.numbers().get(row) + ")", lines.texts().get(row), blocks)));
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
            e = Integer.parseInt(cell);
        } catch (NumberFormatException ex) {
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

    private static List<String> read(Path file, String field) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(field + ": '" + file + "' is a directory");
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(field + ": cannot read '" + file + "': " + e.getMessage());
        }
    }
}
