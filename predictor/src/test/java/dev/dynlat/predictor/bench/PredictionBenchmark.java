package dev.dynlat.predictor.bench;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Prediction;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.NetworkZoo;
import dev.dynlat.predictor.workload.Network;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole-network prediction speed. {@code cold*} builds a new {@link Predictor} per call, so every
 * tile search runs (what one CLI invocation costs after JVM start-up); {@code sweep*} reuses one
 * predictor and changes the rate per call (what each point of a design sweep costs).
 * Run with {@code src/bench/jmh.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PredictionBenchmark {
    private DeviceProfile v100;
    private Network resnet101;
    private Workload staticWorkload;
    private Workload spatialWorkload;
    private Predictor warm;
    private int step;

    @Setup
    public void setUp() {
        v100 = DeviceCatalog.load("v100");
        resnet101 = NetworkZoo.get("resnet101");
        staticWorkload = Workload.dense(resnet101);
        spatialWorkload = new Workload(resnet101, CnnDynamics.uniform(Paradigm.SPATIAL, resnet101,
                new int[] {4, 4, 2, 1}, 0.5));
        warm = new Predictor(v100, ModelVariant.LAUDNET, Schedule.defaults());
    }

    @Benchmark
    public Prediction coldStaticResNet101V100() {
        return new Predictor(v100, ModelVariant.LAUDNET, Schedule.defaults()).predict(staticWorkload);
    }

    @Benchmark
    public Prediction coldSpatialResNet101V100() {
        return new Predictor(v100, ModelVariant.LAUDNET, Schedule.defaults()).predict(spatialWorkload);
    }

    @Benchmark
    public double sweepSpatialRateResNet101V100() {
        step = (step + 1) % 1000;
        double rate = step / 999.0;
        Workload w = new Workload(resnet101, CnnDynamics.uniform(Paradigm.SPATIAL, resnet101,
                new int[] {4, 4, 2, 1}, rate));
        return warm.predict(w).latencyMs();
    }
}
