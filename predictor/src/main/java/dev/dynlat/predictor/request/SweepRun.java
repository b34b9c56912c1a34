package dev.dynlat.predictor.request;

import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Prediction;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.sweep.BestOption;
import dev.dynlat.predictor.sweep.RateSweep;
import dev.dynlat.predictor.sweep.SweepPoint;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.Precision;
import dev.dynlat.reports.table.Table;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Runs a {@link SweepRequest} and tabulates its points and the best option per rate. */
public final class SweepRun {
    private SweepRun() {
    }

    public static SweepResult run(SweepRequest req, Workspace ws) {
        Paradigm paradigm = req.paradigm();
        Network net = req.target().network(ws);
        if (net.residualStages().isEmpty()) {
            throw new IllegalArgumentException("model: sweeps apply to CNNs with residual blocks, not to "
                    + net.name());
        }
        int[] opts = req.optionValues();
        double[] rateGrid = req.rateGrid();
        DeviceProfile profile = req.target().profile(ws);
        Predictor predictor = req.target().predictor(ws, profile);
        RateSweep sweep = new RateSweep(predictor, net, paradigm);
        List<SweepPoint> points = sweep.run(opts, rateGrid);
        Prediction dense = sweep.staticPrediction();
        int b = predictor.batch();
        return new SweepResult(net.name(), profile.name(), paradigm, b, dense,
                table(net.name(), points, dense, profile.name(), dense.variant(), b, paradigm),
                best(sweep, points, rateGrid, dense, b, paradigm));
    }

    private static Table table(String model, List<SweepPoint> points, Prediction dense, String dev, String variantId,
                               int b, Paradigm paradigm) {
        Precision ms = Precision.significant(6);
        Table.Builder t = Table.builder().columns(Column.text("model"), Column.text("device"), Column.text("variant"),
                Column.integer("batch", ""), Column.text("mode"), Column.text("option"),
                Column.decimal("rate", "", Precision.decimalPlaces(3)), Column.decimal("latency_ms", "", ms),
                Column.decimal("latency_per_image_ms", "", ms), Column.decimal("blocks_latency_ms", "", ms),
                Column.decimal("static_latency_ms", "", ms), Column.decimal("speedup", "", Precision.decimalPlaces(3)));
        for (SweepPoint p : points) {
            t.row(model, dev, variantId, (long) b, paradigm.id(), p.option(), p.rate(), p.latencyMs(),
                    p.latencyMs() / b, p.blocksLatencyMs(), dense.latencyMs(), dense.latencyMs() / p.latencyMs());
        }
        return t.build();
    }

    private static Table best(RateSweep sweep, List<SweepPoint> points, double[] rateGrid, Prediction dense, int b,
                              Paradigm paradigm) {
        Table.Builder t = Table.builder().columns(Column.decimal("rate", "", Precision.decimalPlaces(3)),
                Column.text("best uniform"), Column.decimal("latency", "ms/image", Precision.decimalPlaces(4)),
                Column.text("best per stage"), Column.decimal("latency per stage", "ms/image", Precision.decimalPlaces(4)),
                Column.decimal("speedup vs static", "", Precision.decimalPlaces(3)));
        Set<Double> rates = new LinkedHashSet<>();
        for (double r : rateGrid) {
            rates.add(r);
        }
        for (double r : rates) {
            SweepPoint uniform = BestOption.of(points.stream().filter(p -> p.rate() == r).toList(),
                    SweepPoint::latencyMs, SweepPoint::option);
            SweepPoint staged = paradigm == Paradigm.LAYER ? uniform : sweep.bestPerStage(points, r);
            t.row(r, uniform.option(), uniform.latencyMs() / b, staged.option(), staged.latencyMs() / b,
                    dense.latencyMs() / staged.latencyMs());
        }
        return t.build();
    }
}
