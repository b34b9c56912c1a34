package dev.dynlat.predictor.cli;

import dev.dynlat.calibration.measured.Accuracy;
import dev.dynlat.calibration.measured.MeasuredOperator;
import dev.dynlat.calibration.measured.MeasurementInputException;
import dev.dynlat.calibration.measured.MeasurementSources;
import dev.dynlat.calibration.measured.OperatorPricer;
import dev.dynlat.calibration.measured.ShapeFamily;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.model.OperatorCost;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.reports.io.OutputSet;
import dev.dynlat.reports.io.OutputTarget;
import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.CsvTableWriter;
import dev.dynlat.reports.table.Table;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dynlat operators}: predicts every operator row of a measurement file (NeuSight's kernel CSV, or
 * any layout {@link MeasurementSources} reads) and writes the file's columns with {@code predicted_ms}
 * and {@code error_pct}; a summary per device and operator class goes to standard error. Without
 * {@code --device} each row is priced on the built-in profile whose CUDA name is its device.
 */
@Command(name = "operators", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict every operator of a measurement file and compare with its measured latency.",
            "dynlat operators --in kernels/conv/Tesla_T4.csv --out conv-t4.csv"})
public final class OperatorsCommand implements Callable<Integer> {
    static final String PREDICTED = "predicted_ms";
    static final String ERROR = "error_pct";
    /** The kernel (or kernels) the model chose: the library kernel for the calibrated GPU model, else empty. */
    static final String KERNEL = "predicted_kernel";
    /** Whether the row's shape family is held out of every fit ({@link ShapeFamily}): its error is a test error. */
    static final String HELD_OUT = "held_out";
    /** Rows between two progress lines. */
    static final int PROGRESS_EVERY = 5000;

    @Option(names = "--in", required = true, paramLabel = "FILE",
            description = "Measurement file (.csv or .csv.gz): NeuSight's kernel CSV layout.")
    Path in;

    @Option(names = "--device", paramLabel = "NAME|FILE",
            description = "Price every row on this profile (default: the built-in profile whose CUDA name is the"
                    + " row's Device).")
    String device;

    @Option(names = "--variant", paramLabel = "laudnet|calibrated",
            description = "Model variant (default: calibrated when the profile has coefficients, else laudnet).")
    String variant;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV to FILE instead of standard output"
            + " (an existing file is replaced only when the output is complete).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ModelVariant v = variant == null ? null : ModelVariant.parse(variant);
        try (OutputSet outputs = new OutputSet()) {
            OutputTarget target = out == null ? null : outputs.add("--out", out);
            CsvSidecar sidecar = CsvSidecar.beside(outputs, target, spec.commandLine().getErr());
            PrintWriter err = spec.commandLine().getErr();
            List<MeasuredOperator> rows = MeasurementSources.read(in);
            if (rows.isEmpty()) {
                throw new MeasurementInputException(in + ": no operator rows after the header");
            }
            Pricers pricers = new Pricers(device == null ? null : DeviceCatalog.load("--device", device), v);
            double[] predictedMs = new double[rows.size()];
            String[] kernels = new String[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                OperatorCost cost = pricers.of(rows.get(i)).cost(rows.get(i));
                predictedMs[i] = cost.latencyS() * 1e3;
                kernels[i] = cost.tiling().kernel();
                if ((i + 1) % PROGRESS_EVERY == 0) {
                    err.printf(java.util.Locale.ROOT, "priced %d of %d rows%n", i + 1, rows.size());
                    err.flush();
                }
            }
            String csv = new CsvTableWriter().render(table(rows, predictedMs, kernels));
            sidecar.prepare();
            CliOutputs.emit(spec, outputs, target, csv);
            err.print(OperatorsSummary.render(rows, predictedMs, pricers::label));
            err.flush();
        }
        return 0;
    }

    /**
     * The input's columns (earlier predictions dropped), then the prediction, its signed error, the
     * kernel the model chose and whether the row is held out of fits.
     */
    static Table table(List<MeasuredOperator> rows, double[] predictedMs, String[] kernels) {
        List<String> inputColumns = new ArrayList<>(rows.get(0).columns().keySet());
        inputColumns.removeAll(List.of(PREDICTED, ERROR, KERNEL, HELD_OUT));
        Table.Builder t = Table.builder();
        inputColumns.forEach(c -> t.column(Column.text(c)));
        t.column(Column.decimal(PREDICTED, "")).column(Column.decimal(ERROR, "")).column(Column.text(KERNEL))
                .column(Column.text(HELD_OUT));
        for (int i = 0; i < rows.size(); i++) {
            MeasuredOperator m = rows.get(i);
            List<Object> cells = new ArrayList<>();
            inputColumns.forEach(c -> cells.add(m.columns().get(c)));
            cells.add(predictedMs[i]);
            cells.add(Accuracy.errorPct(predictedMs[i], m.latencyMs()));
            cells.add(kernels[i]);
            cells.add(String.valueOf(ShapeFamily.heldOut(m)));
            t.row(cells);
        }
        return t.build();
    }

    /** One pricer per device: the given profile, or the built-in profile of each CUDA name met. */
    private static final class Pricers {
        private final DeviceProfile given;
        private final ModelVariant variant;
        private final Map<String, OperatorPricer> byDevice = new HashMap<>();

        Pricers(DeviceProfile given, ModelVariant variant) {
            this.given = given;
            this.variant = variant;
        }

        OperatorPricer of(MeasuredOperator m) {
            String key = given != null ? "" : m.device();
            OperatorPricer p = byDevice.get(key);
            if (p == null) {
                DeviceProfile profile = given != null ? given
                        : DeviceCatalog.forCudaName(m.source() + ":" + m.line() + " column 'Device'", m.device());
                p = new OperatorPricer(profile, variant != null ? variant : Predictor.defaultVariant(profile));
                byDevice.put(key, p);
            }
            return p;
        }

        /** "t4 (laudnet)": the profile and variant a row was priced with, for the summary. */
        String label(MeasuredOperator m) {
            OperatorPricer p = of(m);
            return p.profile().name() + " (" + p.variant().id() + ")";
        }
    }
}
