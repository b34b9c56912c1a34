package dev.dynlat.calibration.plan;

import dev.dynlat.calibration.protocol.ProtocolSettings;
import dev.dynlat.calibration.suite.CalibrationSuite;
import dev.dynlat.calibration.suite.OperatorCase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The operator cases of a calibration suite and the protocol that times them, as data for a device
 * that runs no JVM ({@code src/gpu/measure-on-gpu.sh}): the standalone native benchmark reads it in
 * the text form of {@link PlanFormat} and writes {@code raw-samples.csv}. The suite's dynamic blocks
 * are not in the plan: they are evaluation cases timed as whole sequences by the JVM backends.
 *
 * @param settings warm-up runs, timed runs per attempt, attempts, spread threshold (as {@code calibrate})
 * @param rounds   passes over all cases; a case's latency is the median of its round medians
 * @param seed     operand seed (the JNI backends' timing seed), so both fill the same values
 * @param cases    the cases, in suite order; ids unique
 */
public record CalibrationPlan(ProtocolSettings settings, int rounds, long seed, List<PlanCase> cases) {

    public CalibrationPlan {
        Objects.requireNonNull(settings, "settings");
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds: must be >= 1, got " + rounds);
        }
        cases = List.copyOf(cases);
        Set<String> ids = new HashSet<>();
        for (PlanCase c : cases) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("id: case id '" + c.id() + "' appears twice");
            }
        }
    }

    /** The operator cases of {@code suite}, in suite order, each as {@link PlanShape#of(OperatorCase)}. */
    public static CalibrationPlan of(CalibrationSuite suite, ProtocolSettings settings, int rounds, long seed) {
        List<PlanCase> cases = new ArrayList<>(suite.operators().size());
        for (OperatorCase c : suite.operators()) {
            cases.add(new PlanCase(PlanCase.idOf(c.key()), c.group(), PlanShape.of(c)));
        }
        return new CalibrationPlan(settings, rounds, seed, cases);
    }

    /**
     * The operator cases of {@code suite}, in suite order, each with its batch scaled by {@code sizing}
     * ({@link PlanSizing#factor(PlanShape)}); a case's id is the suite's with {@code _x<factor>} appended.
     */
    public static CalibrationPlan of(CalibrationSuite suite, ProtocolSettings settings, int rounds, long seed,
                                     PlanSizing sizing) {
        List<PlanCase> cases = new ArrayList<>(suite.operators().size());
        for (OperatorCase c : suite.operators()) {
            PlanShape shape = PlanShape.of(c);
            int factor = sizing.factor(shape);
            cases.add(new PlanCase(PlanCase.idOf(c.key()) + "_x" + factor, c.group(), shape.scaled(factor)));
        }
        return new CalibrationPlan(settings, rounds, seed, cases);
    }
}
