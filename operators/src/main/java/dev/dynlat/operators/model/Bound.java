package dev.dynlat.operators.model;

/** What limits an operator: its arithmetic, its memory traffic, or the fixed launch cost. */
public enum Bound {
    COMPUTE, MEMORY, LAUNCH;

    public static Bound of(double computeS, double memoryS, double launchS) {
        if (launchS >= computeS && launchS >= memoryS) {
            return LAUNCH;
        }
        return computeS >= memoryS ? COMPUTE : MEMORY;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
