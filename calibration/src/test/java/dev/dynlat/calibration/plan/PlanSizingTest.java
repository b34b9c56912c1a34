package dev.dynlat.calibration.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.calibration.backend.CudaBackend;
import dev.dynlat.calibration.kernel.Conv2dKernel;
import dev.dynlat.calibration.kernel.GatherKernel;
import dev.dynlat.calibration.kernel.KernelSpec;
import dev.dynlat.calibration.model.KernelSpecMapper;
import dev.dynlat.calibration.model.MappedOperator;
import dev.dynlat.calibration.protocol.ProtocolSettings;
import dev.dynlat.calibration.run.CalibrationRun;
import dev.dynlat.calibration.suite.CalibrationSuite;
import dev.dynlat.calibration.suite.OperatorCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The cuda plan's sizing rule ({@link PlanSizing#H100}): every case does real work on an H100, every case
 * fits in memory, the whole kernel step fits the device script's budget, and a scaled case is the same
 * operator on more images.
 */
class PlanSizingTest {
    private static final Path SCRIPT = Path.of("..", "src", "gpu", "measure-on-gpu.sh");
    private static final Path TIMING = Path.of("src", "main", "native", "cuda", "cuda_timing.cuh");

    /**
     * Assumed speeds of the device machine for the budget estimate, each on the slow side. Our kernels
     * (a 64 x 64 tiled FP32 GEMM, grid-stride copies) reach a fraction of the peaks: 10% of FMA and 50% of
     * DRAM peak. The host seeds every operand of every case in every round (a fresh page-faulted vector,
     * a seeded fill, a pageable copy): 1 GB/s, plus 2 ms of stream, allocation and graph set-up. The
     * kernel check emulates the device code on one host core: 10^8 multiply-adds (or elements) per second.
     */
    private static final double FMA_EFFICIENCY = 0.10;
    private static final double DRAM_EFFICIENCY = 0.50;
    private static final double HOST_SETUP_BYTES_PER_S = 1e9;
    private static final double SETUP_FIXED_S = 2e-3;
    private static final double EMULATION_OPS_PER_S = 1e8;

    private static CalibrationPlan cudaPlan(CalibrationSuite suite, ProtocolSettings settings, int rounds) {
        CalibrationPlan plan = CalibrationPlan.of(suite, settings, rounds, CudaBackend.TIMING_SEED, PlanSizing.H100);
        // what the device reads: the plan's text, parsed back
        return PlanFormat.parse(PlanFormat.write(plan, "sized").lines().toList(), "plan.txt");
    }

    @Test
    void everyCaseOfTheCudaPlanHasAtLeastFiveMicrosecondsOfWorkAtH100PeaksAndFitsInMemory() {
        CalibrationPlan plan = cudaPlan(CalibrationSuite.full(), ProtocolSettings.full(), CalibrationRun.FULL_ROUNDS);
        DevicePeaks h100 = DevicePeaks.H100_SXM;
        List<String> light = new ArrayList<>();
        long mostBytes = 0;
        for (PlanCase c : plan.cases()) {
            double us = h100.seconds(PlanWork.of(c.shape())) * 1e6;
            if (us < 5) {
                light.add(String.format(Locale.ROOT, "%s %.2f us", c.id(), us));
            }
            mostBytes = Math.max(mostBytes, PlanWork.deviceBytes(c.shape()));
        }
        assertEquals(List.of(), light, "cases under 5 us of FMA or DRAM time at H100 peaks");
        assertTrue(mostBytes <= 1L << 30, "a case takes " + mostBytes + " bytes of device memory, over 1 GiB");
        assertTrue(mostBytes < 16e9 / 8, "well under 16 GB");
    }

    @Test
    void theStreamingKernelsMoveTensOfMegabytesSomeWithinAndSomeBeyondTheL2() {
        CalibrationPlan plan = cudaPlan(CalibrationSuite.full(), ProtocolSettings.full(), CalibrationRun.FULL_ROUNDS);
        double l2 = DevicePeaks.H100_SXM.l2CacheMBytes() * 1e6;
        List<Double> traffic = plan.cases().stream().filter(c -> PlanWork.of(c.shape()).flop()
                        <= PlanWork.of(c.shape()).dramBytes()) // under 1 FLOP per byte: streaming
                .map(c -> PlanWork.of(c.shape()).dramBytes()).toList();
        assertTrue(traffic.size() > 50, "streaming cases: " + traffic.size());
        assertTrue(traffic.stream().allMatch(b -> b >= 10e6), "every streaming case moves at least 10 MB: " + traffic);
        long inL2 = traffic.stream().filter(b -> b < l2 / 2).count();
        long beyond = traffic.stream().filter(b -> b > 2 * l2).count();
        assertTrue(inL2 >= 10 && beyond >= 5, inL2 + " cases under half the L2, " + beyond + " over twice it");
    }

    @Test
    void theLargestConvsAndGemmsRunTensOfMicrosecondsAtPeak() {
        CalibrationPlan plan = cudaPlan(CalibrationSuite.full(), ProtocolSettings.full(), CalibrationRun.FULL_ROUNDS);
        double most = plan.cases().stream().filter(c -> c.group().equals("conv") || c.group().equals("fc"))
                .mapToDouble(c -> DevicePeaks.H100_SXM.seconds(PlanWork.of(c.shape())) * 1e6).max().orElseThrow();
        assertTrue(most >= 30 && most <= 300, "largest conv or fc: " + most + " us at peak");
    }

    /**
     * The whole kernel step, as dynlat_bench runs it (bench_main.cu, cuda_timing.cuh): the kernel check
     * (the two cheapest cases of every kind emulated on the host), then per round and case the operand
     * set-up and, for every attempt (all of them, the worst case), two eager runs and warm-up + timed
     * graph launches of {@code launches} back-to-back runs, launches = round(target / kernel time) within
     * 1..max. Kernel times come from the shapes at the derated peaks above. The sum must fit the deadline
     * the script gives the benchmark (its step-5 budget less its margin), both read from the script.
     */
    @Test
    void theWholeKernelStepFitsTheScriptsKernelBudgetOnAnH100() throws IOException {
        CalibrationPlan plan = cudaPlan(CalibrationSuite.full(), ProtocolSettings.full(), CalibrationRun.FULL_ROUNDS);
        String script = Files.readString(SCRIPT);
        String kernels = script.substring(script.indexOf("# 5. kernels"), script.indexOf("# 6. networks"));
        int budgetS = Integer.parseInt(group(kernels, "b=\\$\\(budget (\\d+)\\)"));
        int marginS = Integer.parseInt(group(kernels, "--deadline-s \\$\\(\\( b - (\\d+) \\)\\)"));
        String timing = Files.readString(TIMING);
        double graphTargetS = Double.parseDouble(group(timing, "kTargetGraphSeconds = ([0-9.eE+-]+);"));
        int maxLaunches = Integer.parseInt(group(timing, "kMaxLaunchesPerGraph = (\\d+);"));

        DevicePeaks p = DevicePeaks.H100_SXM;
        DevicePeaks real = new DevicePeaks("H100 at our kernels' efficiency", p.fp32Tflops() * FMA_EFFICIENCY,
                p.dramGBps() * DRAM_EFFICIENCY, p.l2CacheMBytes());
        ProtocolSettings s = plan.settings();
        double measure = 0;
        for (PlanCase c : plan.cases()) {
            double kernelS = real.seconds(PlanWork.of(c.shape()));
            int launches = (int) Math.max(1, Math.min(maxLaunches, Math.round(graphTargetS / kernelS)));
            double attemptS = 2 * kernelS + (s.warmupRuns() + s.timedRuns()) * launches * kernelS;
            double setupS = SETUP_FIXED_S + PlanWork.deviceBytes(c.shape()) / HOST_SETUP_BYTES_PER_S;
            measure += plan.rounds() * (setupS + s.maxAttempts() * attemptS);
        }
        double verify = 0;
        for (PlanKind kind : PlanKind.values()) {
            verify += plan.cases().stream().filter(c -> c.shape().kind() == kind).map(c -> emulationOps(c.shape()))
                    .sorted().limit(2).mapToDouble(ops -> ops / EMULATION_OPS_PER_S + ops * 4 / HOST_SETUP_BYTES_PER_S)
                    .sum();
        }
        double total = measure + verify;
        assertTrue(total <= budgetS - marginS, String.format(Locale.ROOT,
                "kernel step estimated at %.1f s (check %.1f s, %d cases x %d rounds %.1f s), over the %d s deadline",
                total, verify, plan.cases().size(), plan.rounds(), measure, budgetS - marginS));
        // and not trivially so: the estimate is of the order of the budget it is held to
        assertTrue(total > 0.2 * (budgetS - marginS), "estimate " + total + " s");
    }

    /** Multiply-adds of a flop-bearing case, else elements touched: what emulating it costs. */
    private static double emulationOps(PlanShape shape) {
        PlanWork w = PlanWork.of(shape);
        return w.flop() > 0 ? w.flop() / 2 : w.dramBytes() / 4;
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex);
        return m.group(1);
    }

    @Test
    void aScaledCaseIsTheSameOperatorOnMoreImages() {
        for (OperatorCase c : CalibrationSuite.full().operators()) {
            PlanShape shape = PlanShape.of(c);
            PlanShape scaled = shape.scaled(8);
            MappedOperator one = shape.operator();
            assertEquals(new MappedOperator(one.spec(), one.batch() * 8), scaled.operator(), c.key());
            assertEquals(8 * c.kernel().flops(), scaled.kernel().flops(), 1e-6 * c.kernel().flops(), c.key());
            // the scalars alone (a raw-samples row) give the same operator
            assertEquals(scaled.operator(), PlanShape.parse(scaled.kind(), scaled.text()).operator(), c.key());
        }
    }

    @Test
    void gatherMasksRepeatForEveryAddedImage() {
        // two images of a 4x4 map in 2x2 patches: 4 patch positions per image, 8 over the batch
        PlanShape two = shapeOf(new GatherKernel(2, 3, 4, 4, 2, 1, new int[] {0, 3, 6}));
        PlanShape six = two.scaled(3);
        assertEquals(6, six.params().get("n"));
        assertEquals(9, six.params().get("active_count"));
        assertArrayEquals(new int[] {0, 3, 6, 8, 11, 14, 16, 19, 22}, six.lists().get("active"));
        assertArrayEquals(six.lists().get("active"), six.kernel().nativeListA());
    }

    @Test
    void workCountsWhatTheKernelMustMove() {
        PlanShape conv = shapeOf(new Conv2dKernel(2, 4, 8, 6, 6, 3, 1, 1));
        PlanWork w = PlanWork.of(conv);
        assertEquals(2.0 * 2 * 8 * 36 * 4 * 9, w.flop());
        assertEquals(4.0 * (2 * 4 * 36 + 8 * 4 * 9 + 2 * 8 * 36), w.dramBytes());
        // a gather reads the interiors of its 3 active 2x2 patches (not the whole 2x4x4 map) and writes 3 4x4 patches
        PlanShape gather = shapeOf(new GatherKernel(2, 3, 4, 4, 2, 1, new int[] {0, 3, 6}));
        assertEquals(4.0 * (3 * 3 * 4 + 3 * 3 * 16), PlanWork.of(gather).dramBytes());
        assertEquals(0, PlanWork.of(gather).flop());
    }

    private static PlanShape shapeOf(KernelSpec k) {
        return PlanShape.of(new OperatorCase("t", "t", "t", k, KernelSpecMapper.map(k)));
    }

    @Test
    void theFactorIsAPowerOfTwoAtLeastTheMinimumAndTheMemoryCapBinds() {
        CalibrationSuite suite = CalibrationSuite.full();
        PlanShape big = suite.operators().stream().map(PlanShape::of)
                .max(Comparator.comparingDouble(s -> DevicePeaks.H100_SXM.seconds(PlanWork.of(s)))).orElseThrow();
        assertEquals(PlanSizing.H100.minFactor(), PlanSizing.H100.factor(big), "the heaviest case needs no more than the minimum");
        PlanShape small = suite.operators().stream().map(PlanShape::of)
                .min(Comparator.comparingDouble(s -> DevicePeaks.H100_SXM.seconds(PlanWork.of(s)))).orElseThrow();
        int f = PlanSizing.H100.factor(small);
        assertEquals(1, Integer.bitCount(f));
        assertTrue(DevicePeaks.H100_SXM.seconds(PlanWork.of(small.scaled(f))) >= 5e-6);
        assertTrue(DevicePeaks.H100_SXM.seconds(PlanWork.of(small.scaled(f / 2))) < 5e-6, "the smallest such factor");
        long bytes = PlanWork.deviceBytes(small.scaled(4));
        PlanSizing tight = new PlanSizing(DevicePeaks.H100_SXM, 32, 5, bytes);
        assertEquals(4, tight.factor(small), "halved down to the memory cap");
    }

    @Test
    void theQuickPlanIsSizedByTheSameRule() {
        CalibrationPlan quick = cudaPlan(CalibrationSuite.quick(), ProtocolSettings.quick(), 1);
        Map<String, PlanCase> full = new java.util.HashMap<>();
        cudaPlan(CalibrationSuite.full(), ProtocolSettings.full(), 5).cases().forEach(c -> full.put(c.id(), c));
        assertEquals(CalibrationSuite.quick().operators().size(), quick.cases().size());
        assertTrue(quick.cases().stream().allMatch(c -> c.equals(full.get(c.id()))), "quick cases are full cases");
        assertTrue(IntStream.range(0, quick.cases().size()).allMatch(i -> quick.cases().get(i).id().matches(".*_x\\d+")));
    }
}
