package dev.dynlat.calibration.measured;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * NeuSight's collected-kernel CSV (ASPLOS'25; {@code scripts/asplos/data/dataset/train/collect/<op>/…}):
 * one PyTorch operator per row with {@code OPName}, {@code Latency} (ms, the operator's mean),
 * {@code Device} (as the CUDA runtime names it), launch details, and the shape columns of its
 * operator ({@link NeuSightOps}). Columns are found by name; any others are carried through.
 */
public final class NeuSightCsv implements MeasurementSource {
    static final String OP_NAME = "OPName";
    static final String LATENCY = "Latency";
    static final String DEVICE = "Device";

    @Override
    public String layout() {
        return "NeuSight kernel CSV (OPName, Latency, Device, shape columns)";
    }

    @Override
    public boolean accepts(List<String> header) {
        return header.contains(OP_NAME) && header.contains(LATENCY) && header.contains(DEVICE);
    }

    @Override
    public List<MeasuredOperator> read(Path file) {
        List<MeasuredOperator> out = new ArrayList<>();
        try (CsvRecords csv = CsvRecords.open(file)) {
            CsvRecords.Record first = csv.next();
            if (first == null) {
                throw new MeasurementInputException(file + ": empty file (expected a CSV header)");
            }
            List<String> header = first.fields().stream().map(String::strip).toList();
            if (!accepts(header)) {
                throw new MeasurementInputException(file + ":1: not a NeuSight kernel CSV: the header lacks "
                        + OP_NAME + ", " + LATENCY + " or " + DEVICE);
            }
            Set<String> checkedOps = new HashSet<>();
            for (CsvRecords.Record rec = csv.next(); rec != null; rec = csv.next()) {
                CsvRow row = new CsvRow(file, rec.line(), header, rec.fields());
                out.add(map(row, checkedOps));
            }
        }
        return out;
    }

    /** One row as a timed operator; {@code checkedOps} remembers the operators whose columns were checked. */
    static MeasuredOperator map(CsvRow row, Set<String> checkedOps) {
        String opName = row.text(OP_NAME);
        NeuSightOp op = NeuSightOps.find(opName).orElseThrow(() -> new MeasurementInputException(row.where(OP_NAME)
                + ": unknown operator '" + opName + "'; known: " + NeuSightOps.names()));
        if (checkedOps.add(opName)) {
            for (String c : op.columns()) {
                if (!row.header().contains(c)) {
                    throw new MeasurementInputException(row.where() + ": operator '" + opName + "' needs column '" + c
                            + "', which the header lacks");
                }
            }
        }
        double latencyMs = row.positiveNumber(LATENCY);
        String device = row.text(DEVICE);
        if (device.isEmpty()) {
            throw new MeasurementInputException(row.where(DEVICE) + ": empty device name");
        }
        NeuSightOp.Shaped shaped;
        try {
            shaped = op.mapping().apply(row);
        } catch (MeasurementInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // A shape the operator cannot have (a kernel larger than the padded map): name the row.
            throw new MeasurementInputException(row.where() + ": " + opName + " shape: " + e.getMessage());
        }
        return new MeasuredOperator(row.file().toString(), row.line(), device, opName, shaped.spec(), shaped.batch(),
                latencyMs, op.family().apply(row), row.columns());
    }

    /** The class a NeuSight operator is reported under (conv, linear, bmm, elementwise, softmax, ln), if known. */
    static java.util.Optional<String> operatorClass(String opName) {
        return NeuSightOps.find(opName).map(NeuSightOp::operatorClass);
    }
}
