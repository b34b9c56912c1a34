package dev.dynlat.calibration.measured;

import dev.dynlat.calibration.model.MappedOperator;
import dev.dynlat.calibration.plan.PlanKind;
import dev.dynlat.calibration.plan.PlanShape;
import dev.dynlat.calibration.protocol.SampleStats;
import dev.dynlat.operators.input.DecimalText;
import dev.dynlat.operators.input.InputFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the {@code raw-samples.csv} that the standalone benchmark of a device run writes
 * ({@code src/gpu/measure-on-gpu.sh}; layout in src/docs/gpu/plan-format.md): one row per timed sample.
 * Per case, the samples of the attempt the protocol reported form one median per round, and the
 * case's latency is the median of its round medians (as {@code SuiteMeasurer} combines rounds: rounds
 * are spread in time, so their median is robust to a drifting clock). A round flagged as noisy (every
 * attempt over the spread threshold) is not used; a case with only flagged rounds is left out and
 * listed in {@link Result#flaggedCases()}, never silently used.
 *
 * <p>The operator spec comes from the row's kind and shape through {@link PlanShape#operator()}, the
 * mapping the plan writer used, so plan and reader cannot drift.
 */
public final class RawSamplesSource {
    /** The header of a device run's raw samples. */
    public static final List<String> HEADER = List.of("case_id", "kind", "group", "shape", "device", "round",
            "attempt", "sample", "latency_ms", "attempt_spread", "reported", "flagged");

    private RawSamplesSource() {
    }

    /** The operators of a file and the cases left out because every round of theirs was flagged. */
    public record Result(List<MeasuredOperator> operators, List<String> flaggedCases) {
        public Result {
            operators = List.copyOf(operators);
            flaggedCases = List.copyOf(flaggedCases);
        }
    }

    /** True when {@code headerLine} (the file's first line) is this layout's header. */
    public static boolean recognizes(String headerLine) {
        return headerLine != null && String.join(",", HEADER).equals(headerLine.strip());
    }

    /** The usable operators of {@code file}; see {@link #readAll(Path)} for the flagged cases. */
    public static List<MeasuredOperator> read(Path file) {
        return readAll(file).operators();
    }

    /**
     * Reads {@code file}.
     *
     * @throws IllegalArgumentException as {@code file:line: message} for a wrong header, a malformed row,
     *                                  or a case whose kind, shape or device changes between rows
     */
    public static Result readAll(Path file) {
        List<String> lines = InputFiles.readUtf8("--from-measurements", file).lines().toList();
        String source = file.toString();
        if (lines.isEmpty() || !recognizes(lines.get(0))) {
            throw new IllegalArgumentException(source + ":1: header '" + (lines.isEmpty() ? "" : lines.get(0))
                    + "' is not a device run's raw samples (" + String.join(",", HEADER) + ")");
        }
        Map<String, CaseRows> cases = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            long no = i + 1;
            try {
                Row r = Row.parse(lines.get(i));
                CaseRows c = cases.computeIfAbsent(r.caseId, id -> new CaseRows(no, r));
                c.add(r);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + no + ": " + e.getMessage(), e);
            }
        }
        List<MeasuredOperator> operators = new ArrayList<>();
        List<String> flagged = new ArrayList<>();
        for (CaseRows c : cases.values()) {
            double[] roundMedians = c.usableRoundMedians();
            if (roundMedians.length == 0) {
                flagged.add(c.first.caseId);
                continue;
            }
            MappedOperator op;
            try {
                op = c.shape.operator();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + c.firstLine + ": case " + c.first.caseId + ": "
                        + e.getMessage(), e);
            }
            Map<String, String> columns = new LinkedHashMap<>();
            columns.put("case_id", c.first.caseId);
            columns.put("kind", c.first.kind);
            columns.put("group", c.first.group);
            columns.put("shape", c.first.shape);
            columns.put("device", c.first.device);
            columns.put("rounds_used", Integer.toString(roundMedians.length));
            operators.add(new MeasuredOperator(source, c.firstLine, c.first.device, c.first.kind, op.spec(), op.batch(),
                    SampleStats.median(roundMedians), c.shape.family(), columns));
        }
        return new Result(operators, flagged);
    }

    /** The rows of one case, by round. */
    private static final class CaseRows {
        final long firstLine;
        final Row first;
        final PlanShape shape;
        final Map<Integer, List<Double>> reportedByRound = new TreeMap<>();
        final Map<Integer, Boolean> flaggedByRound = new TreeMap<>();

        CaseRows(long firstLine, Row first) {
            this.firstLine = firstLine;
            this.first = first;
            this.shape = PlanShape.parse(PlanKind.byPlanName(first.kind), first.shape);
        }

        void add(Row r) {
            if (!r.kind.equals(first.kind) || !r.shape.equals(first.shape) || !r.device.equals(first.device)
                    || !r.group.equals(first.group)) {
                throw new IllegalArgumentException("case " + r.caseId + ": kind, group, shape or device differs from"
                        + " its first row (line " + firstLine + ")");
            }
            Boolean before = flaggedByRound.put(r.round, r.flagged);
            if (before != null && before != r.flagged) {
                throw new IllegalArgumentException("flagged: differs between rows of case " + r.caseId + " round "
                        + r.round);
            }
            if (r.reported) {
                reportedByRound.computeIfAbsent(r.round, k -> new ArrayList<>()).add(r.latencyMs);
            }
        }

        double[] usableRoundMedians() {
            List<Double> medians = new ArrayList<>();
            reportedByRound.forEach((round, samples) -> {
                if (!flaggedByRound.get(round)) {
                    medians.add(SampleStats.median(samples.stream().mapToDouble(Double::doubleValue).toArray()));
                }
            });
            return medians.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** One sample row. */
    private record Row(String caseId, String kind, String group, String shape, String device, int round,
                       double latencyMs, boolean reported, boolean flagged) {
        static Row parse(String line) {
            List<String> f = CsvFields.split(line);
            if (f.size() != HEADER.size()) {
                throw new IllegalArgumentException("expected " + HEADER.size() + " fields, got " + f.size());
            }
            double ms = number("latency_ms", f.get(8));
            if (!(ms > 0) || Double.isInfinite(ms)) {
                throw new IllegalArgumentException("latency_ms: must be a positive number, got " + f.get(8));
            }
            int round = integer("round", f.get(5));
            return new Row(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), round, ms, flag("reported", f.get(10)),
                    flag("flagged", f.get(11)));
        }

        private static double number(String column, String value) {
            if (!DecimalText.isDecimal(value)) {
                throw new IllegalArgumentException(column + ": not a number: '" + value + "'");
            }
            return DecimalText.parse(value);
        }

        private static int integer(String column, String value) {
            if (!DecimalText.isInteger(value)) {
                throw new IllegalArgumentException(column + ": not an integer: '" + value + "'");
            }
            return DecimalText.parseInt(column, value);
        }

        private static boolean flag(String column, String value) {
            return switch (value) {
                case "1" -> true;
                case "0" -> false;
                default -> throw new IllegalArgumentException(column + ": expected 0 or 1, got '" + value + "'");
            };
        }
    }
}
