package dev.dynlat.calibration.kernel;

/** Argument checks shared by the kernel records; every message names the field and its value. */
final class Checks {
    private Checks() {
    }

    static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }

    static void nonNegative(String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, got " + value);
        }
    }

    static void divides(String divisorField, int divisor, String field, int value) {
        if (value % divisor != 0) {
            throw new IllegalArgumentException(
                    divisorField + " = " + divisor + " does not divide " + field + " = " + value);
        }
    }

    /** Checks that a tensor of the given dimensions fits {@link KernelSpec#MAX_ELEMENTS}; returns its size. */
    static long elements(String tensor, long... dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
            if (n > KernelSpec.MAX_ELEMENTS) {
                throw new IllegalArgumentException(
                        tensor + " has more than " + KernelSpec.MAX_ELEMENTS + " elements");
            }
        }
        return n;
    }

    /** Non-empty list of distinct indices in [0, bound). */
    static void indexList(String field, int[] list, int bound) {
        if (list == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (list.length == 0) {
            throw new IllegalArgumentException(field + " must not be empty, got length 0");
        }
        boolean[] seen = new boolean[bound];
        for (int i = 0; i < list.length; i++) {
            int v = list[i];
            if (v < 0 || v >= bound) {
                throw new IllegalArgumentException(
                        field + "[" + i + "] = " + v + " is out of range [0, " + bound + ")");
            }
            if (seen[v]) {
                throw new IllegalArgumentException(field + "[" + i + "] = " + v + " is a duplicate");
            }
            seen[v] = true;
        }
    }

    static int[] copy(int[] list) {
        return list == null ? null : list.clone();
    }
}
