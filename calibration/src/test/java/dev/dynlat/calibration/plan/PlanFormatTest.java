package dev.dynlat.calibration.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.calibration.backend.CudaBackend;
import dev.dynlat.calibration.protocol.ProtocolSettings;
import dev.dynlat.calibration.suite.CalibrationSuite;
import dev.dynlat.calibration.suite.OperatorCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan written from the suite and read back is the suite: kernels, operators, groups, protocol. */
class PlanFormatTest {
    private static final ProtocolSettings SETTINGS = new ProtocolSettings(5, 15, 3, 0.1);

    @Test
    void roundTripGivesTheSuitesKernelsAndOperators() {
        CalibrationSuite suite = CalibrationSuite.full();
        CalibrationPlan plan = CalibrationPlan.of(suite, SETTINGS, 5, CudaBackend.TIMING_SEED);
        String text = PlanFormat.write(plan, "round trip\nsecond comment line");
        CalibrationPlan back = PlanFormat.parse(text.lines().toList(), "plan.txt");
        assertEquals(SETTINGS, back.settings());
        assertEquals(5, back.rounds());
        assertEquals(CudaBackend.TIMING_SEED, back.seed());
        assertEquals(suite.operators().size(), back.cases().size());
        for (int i = 0; i < suite.operators().size(); i++) {
            OperatorCase c = suite.operators().get(i);
            PlanCase p = back.cases().get(i);
            assertEquals(PlanCase.idOf(c.key()), p.id());
            assertEquals(c.group(), p.group());
            assertEquals(c.kernel(), p.shape().kernel(), c.key());
            assertEquals(c.operator(), p.shape().operator(), c.key());
        }
        assertEquals(plan.cases(), back.cases());
        assertEquals(text, PlanFormat.write(back, "round trip\nsecond comment line"), "written again byte for byte");
    }

    @Test
    void everyKindOfTheSuiteIsInThePlanAndTheScalarsAloneGiveTheOperator() {
        CalibrationSuite suite = CalibrationSuite.full();
        List<PlanKind> kinds = new ArrayList<>();
        for (OperatorCase c : suite.operators()) {
            PlanShape shape = PlanShape.of(c);
            if (!kinds.contains(shape.kind())) {
                kinds.add(shape.kind());
            }
            // a raw-samples row carries the scalars only: the operator must not need the lists
            PlanShape scalars = PlanShape.parse(shape.kind(), shape.text());
            assertEquals(c.operator(), scalars.operator(), c.key());
        }
        assertEquals(List.of(PlanKind.values()), kinds.stream().sorted().toList(), "a kind no case uses");
    }

    @Test
    void caseIdsAreTokensAndUnique() {
        CalibrationPlan plan = CalibrationPlan.of(CalibrationSuite.full(), SETTINGS, 1, 1);
        assertEquals(plan.cases().size(), plan.cases().stream().map(PlanCase::id).distinct().count());
        assertEquals("conv_3x3s2_16to32_56x56_b1", PlanCase.idOf("conv 3x3/2 16->32 56x56 b1"));
    }

    @Test
    void problemsNameTheLine() {
        String good = PlanFormat.write(CalibrationPlan.of(CalibrationSuite.quick(), SETTINGS, 1, 42), "c");
        List<String> lines = new ArrayList<>(good.lines().toList());
        int firstCase = indexOf(lines, "case ");
        lines.set(firstCase, lines.get(firstCase).replace(" k=", " kk="));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlanFormat.parse(lines, "p.txt"));
        assertTrue(e.getMessage().startsWith("p.txt:" + (firstCase + 1) + ": "), e.getMessage());

        List<String> truncated = good.lines().limit(good.lines().count() - 1).toList();
        assertEquals("p.txt: no end line (truncated plan?)",
                assertThrows(IllegalArgumentException.class, () -> PlanFormat.parse(truncated, "p.txt")).getMessage());

        List<String> otherKind = new ArrayList<>(good.lines().toList());
        int kind = indexOf(otherKind, "kind conv2d");
        otherKind.set(kind, otherKind.get(kind).replace("code=1", "code=9"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlanFormat.parse(otherKind, "p.txt"))
                .getMessage().contains("differs from this build's"));
    }

    @Test
    void aListMustHoldItsCount() {
        PlanShape gather = PlanShape.of(CalibrationSuite.full().operators().stream()
                .filter(c -> PlanShape.of(c).kind() == PlanKind.GATHER).findFirst().orElseThrow());
        Map<String, int[]> shorter = Map.of("active", new int[] {0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PlanShape(PlanKind.GATHER, gather.params(), shorter));
        assertTrue(e.getMessage().contains("active_count"), e.getMessage());
        assertArrayEquals(gather.lists().get("active"), gather.kernel().nativeListA());
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with " + prefix);
    }
}
