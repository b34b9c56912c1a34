package dev.dynlat.predictor.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.predictor.dynamic.DecisionDynamics;
import dev.dynlat.predictor.engine.PathCosts;
import dev.dynlat.predictor.engine.Prediction;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.StagePrediction;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkZoo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Consistency of exits, policies, distributions and the batched runtime. */
class DecisionDistributionTest {
    private static Predictor predictor(String device, int batch) {
        return new Predictor(DeviceCatalog.load(device), ModelVariant.LAUDNET, Schedule.defaults().withBatch(batch));
    }

    @ParameterizedTest
    @CsvSource({"gfnet-resnet50-96, tx2, 1", "gfnet-mobilenetv3-large-96, v100, 128", "msdnet-imagenet, tx2, 1",
        "msdnet-imagenet, v100, 128"})
    void meanOverExitProportionsIsTheSumOfProportionTimesCumulativeLatency(String model, String device, int batch) {
        Network n = NetworkZoo.get(model);
        int k = n.exits().size();
        double[] p = qProportions(k, 0.5);
        Workload w = new Workload(n, new DecisionDynamics(p, new double[0]));
        Predictor pr = predictor(device, batch);
        PathCosts c = pr.pathCosts(w);
        double[] cum = c.cumulativeMs();
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += p[i] * cum[i];
        }
        assertEquals(sum, pr.predict(w).latencyMs(), 1e-9 * sum, "weighted prediction");
        assertEquals(sum, Distributions.of(c, p, new double[0]).mean(), 1e-9 * sum, "distribution mean");
        for (int i = 1; i < k; i++) {
            assertTrue(cum[i] > cum[i - 1], "later exits cost more");
        }
        assertEquals(pr.predict(Workload.dense(n)).latencyMs(), cum[k - 1], 1e-9 * cum[k - 1],
                "the last exit is the whole network");
    }

    static double[] qProportions(int k, double q) {
        double[] p = new double[k];
        double s = 0;
        for (int i = 0; i < k; i++) {
            p[i] = Math.pow(q, i + 1);
            s += p[i];
        }
        for (int i = 0; i < k; i++) {
            p[i] /= s;
        }
        return p;
    }

    @ParameterizedTest
    @CsvSource({"tx2, 1", "v100, 128"})
    void anAllOnesPolicyIsTheDenseResnet101PlusItsPolicy(String device, int batch) {
        Network bd = NetworkZoo.get("blockdrop-resnet101");
        Predictor pr = predictor(device, batch);
        boolean[] ones = new boolean[33];
        Arrays.fill(ones, true);
        Workload w = Workload.dense(bd);
        double all = pr.pathCosts(w).latencyMs(0, ones);
        Prediction p = pr.predict(w);
        double policy = p.stages().stream().filter(s -> s.name().equals("policy"))
                .mapToDouble(StagePrediction::latencyMs).sum();
        double dense = pr.predict(Workload.dense(NetworkZoo.get("resnet101"))).latencyMs();
        assertTrue(policy > 0);
        assertEquals(dense + policy, all, 1e-9 * all);
        boolean[] none = new boolean[33];
        assertTrue(pr.pathCosts(w).latencyMs(0, none) < all, "dropping every block is faster");
    }

    @Test
    void identicalDecisionsHaveAZeroWidthDistribution() {
        PathCosts c = predictor("tx2", 1).pathCosts(Workload.dense(NetworkZoo.get("msdnet-imagenet")));
        List<InputDecision> same = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            same.add(new InputDecision(2, null));
        }
        LatencyDistribution d = Distributions.ofInputs(c, same);
        assertEquals(0, d.max() - d.min());
        assertEquals(0, d.stdMs());
        assertEquals(1, d.histogram(20).bins());
        assertEquals(c.cumulativeMs()[2], d.quantile(0.5));
    }

    @Test
    void quantilesLieBetweenTheFastestAndSlowestInput() {
        PathCosts c = predictor("tx2", 1).pathCosts(Workload.dense(NetworkZoo.get("gfnet-resnet50-96")));
        List<InputDecision> in = new ArrayList<>();
        int[] exits = {0, 0, 0, 1, 4, 2, 0, 1, 3, 0};
        for (int e : exits) {
            in.add(new InputDecision(e, null));
        }
        LatencyDistribution d = Distributions.ofInputs(c, in);
        double[] cum = c.cumulativeMs();
        assertEquals(cum[0], d.min());
        assertEquals(cum[4], d.max());
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            assertTrue(d.quantile(q) >= d.min() && d.quantile(q) <= d.max());
        }
        assertEquals(cum[0], d.quantile(0.5), "half of the inputs leave at the glance");
        assertEquals(Arrays.stream(exits).mapToDouble(e -> cum[e]).average().orElseThrow(), d.mean(), 1e-9);
    }

    @Test
    void keepProbabilityDistributionIsExactAgainstBruteForceEnumeration() {
        Network n = NetworkZoo.get("blockdrop-resnet32");
        PathCosts c = predictor("tx2", 1).pathCosts(Workload.dense(n));
        int d = c.decisions();
        assertEquals(15, d);
        double[] k = new double[d];
        for (int i = 0; i < d; i++) {
            k[i] = 0.3 + 0.04 * i;
        }
        LatencyDistribution exact = Distributions.of(c, new double[0], k);
        List<LatencyDistribution.Atom> brute = new ArrayList<>();
        for (int mask = 0; mask < 1 << d; mask++) {
            boolean[] keep = new boolean[d];
            double p = 1;
            for (int i = 0; i < d; i++) {
                keep[i] = (mask >> i & 1) == 1;
                p *= keep[i] ? k[i] : 1 - k[i];
            }
            brute.add(new LatencyDistribution.Atom(c.latencyMs(0, keep), p));
        }
        LatencyDistribution b = new LatencyDistribution(brute, "brute force");
        assertEquals(b.mean(), exact.mean(), 1e-9 * b.mean());
        assertEquals(b.stdMs(), exact.stdMs(), 1e-6 * b.stdMs());
        for (double q : new double[] {0.01, 0.5, 0.9, 0.99}) {
            assertEquals(b.quantile(q), exact.quantile(q), 1e-9, "quantile " + q);
        }
        assertEquals(b.min(), exact.min(), 1e-9);
        assertEquals(b.max(), exact.max(), 1e-9);
    }

    @Test
    void blockDropMeanUnderKeepProbabilitiesIsLinear() {
        Network n = NetworkZoo.get("blockdrop-resnet101");
        double[] k = new double[33];
        Arrays.fill(k, 24.77 / 33);
        Workload w = new Workload(n, new DecisionDynamics(new double[0], k));
        Predictor pr = predictor("tx2", 1);
        LatencyDistribution d = Distributions.of(pr.pathCosts(w), new double[0], k);
        assertEquals(pr.predict(w).latencyMs(), d.mean(), 1e-9 * d.mean());
        assertTrue(d.method().startsWith("exact"), d.method());
        assertTrue(d.quantile(0.5) > d.min() && d.quantile(0.5) < d.max());
    }

    @Test
    void batchedRuntimeAtBatchOneIsTheOwnPathAndNeverCheaperAbove() {
        Network n = NetworkZoo.get("blockdrop-resnet101");
        double[] k = new double[33];
        Arrays.fill(k, 0.75);
        Workload w = new Workload(n, new DecisionDynamics(new double[0], k));
        Predictor v100 = predictor("v100", 128);
        DecisionReport r = new DecisionAnalysis(v100, w).fromProbabilities();
        // With 128 inputs a block is needed by someone almost surely: the batch runs densely.
        double dense = v100.pathCosts(w).latencyMs(0, null) / 128;
        assertEquals(dense, r.batched().batchedMs(), 1e-6 * dense);
        assertTrue(r.batched().ownPathMs() < r.batched().batchedMs());
        Predictor one = predictor("tx2", 1);
        DecisionAnalysis a = new DecisionAnalysis(one, w);
        BatchedRuntime rt = new BatchedRuntime(a::costs);
        DecisionDynamics d = (DecisionDynamics) w.dynamics();
        assertEquals(Distributions.of(a.costs(1), new double[0], k).mean(), rt.expectedBatchMs(d, 0, 1), 1e-9);
    }

    @Test
    void batchedRuntimeRunsLaterSegmentsOnTheInputsStillPresent() {
        Network n = NetworkZoo.get("msdnet-imagenet");
        Predictor v100 = predictor("v100", 4);
        DecisionAnalysis a = new DecisionAnalysis(v100, Workload.dense(n));
        BatchedRuntime rt = new BatchedRuntime(a::costs);
        List<InputDecision> group = List.of(new InputDecision(0, null), new InputDecision(0, null),
                new InputDecision(1, null), new InputDecision(4, null));
        double want = a.costs(4).segmentMs(0) + a.costs(2).segmentMs(1) + a.costs(1).segmentMs(2)
                + a.costs(1).segmentMs(3) + a.costs(1).segmentMs(4);
        assertEquals(want, rt.batchLatencyMs(group), 1e-12);
    }

    @Test
    void manyDistinctBlocksFallBackToTheGridWithinHalfAStepPerBlock() {
        int d = 24;
        double[] branch = new double[d];
        double[] k = new double[d];
        int[] seg = new int[d];
        double mean = 1.0;
        for (int i = 0; i < d; i++) {
            branch[i] = 0.1 + 0.0137 * i * i + 1e-3 * Math.sqrt(i + 2);
            k[i] = 0.2 + 0.03 * i;
            mean += k[i] * branch[i];
        }
        PathCosts c = new PathCosts(1, new double[] {1.0}, branch, seg);
        LatencyDistribution g = Distributions.of(c, new double[0], k);
        assertTrue(g.method().startsWith("grid"), g.method());
        double h = Arrays.stream(branch).sum() / Distributions.GRID;
        assertEquals(mean, g.mean(), d * h / 2);
        assertEquals(1.0, g.min(), d * h / 2);
        assertEquals(c.latencyMs(0, null), g.max(), d * h / 2);
    }

    @Test
    void gfnetResnetPolicyFirstLinearIsAMemoryBoundGemvAtBatchOne() {
        Prediction p = predictor("tx2", 1).predict(Workload.dense(NetworkZoo.get("gfnet-resnet50-96")));
        List<dev.dynlat.predictor.engine.OperatorPrediction> fc1 = p.allOperators().stream()
                .filter(o -> o.name().endsWith("policy.fc1")).toList();
        assertEquals(4, fc1.size(), "one policy call per focus step");
        for (var o : fc1) {
            assertEquals(dev.dynlat.operators.model.Bound.MEMORY, o.bound(), o.name());
            assertEquals(18432L * 2048 * 4, o.dramBytes(), 0.01 * 18432L * 2048 * 4, "fp32 weights read once");
            assertTrue(o.memoryMs() > 10 * o.computeMs(), o.name());
        }
    }
}
