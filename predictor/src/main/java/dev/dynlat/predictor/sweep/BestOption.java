package dev.dynlat.predictor.sweep;

import java.util.Collection;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The one definition of "best" that the flag-form sweep, the spec sweep's report and their
 * figures share: the candidate of least latency, and among equal latencies the one whose option
 * compares smaller stage by stage ({@code 2-4-4-7} before {@code 4-2-2-2}), so that the pick never
 * depends on the order candidates were swept or read in.
 */
public final class BestOption {
    /** Options compared value by value, stage by stage: {@code 2-8} before {@code 4-1}, {@code 2} before {@code 10}. */
    static final Comparator<String> OPTION_ORDER = BestOption::compareOptions;

    private BestOption() {
    }

    /**
     * The best of {@code candidates}.
     *
     * @param latencyMs what is minimised
     * @param option    the option label that breaks ties
     * @throws IllegalArgumentException when there are no candidates
     */
    public static <T> T of(Collection<T> candidates, ToDoubleFunction<T> latencyMs, Function<T, String> option) {
        return candidates.stream().min(Comparator.comparingDouble(latencyMs)
                        .thenComparing(option, OPTION_ORDER))
                .orElseThrow(() -> new IllegalArgumentException("rate: no configuration to choose from"));
    }

    private static int compareOptions(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = compareValues(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** Numbers by value, anything else (a label such as {@code layer}) as text after them. */
    private static int compareValues(String a, String b) {
        boolean na = isNumber(a);
        boolean nb = isNumber(b);
        if (na && nb) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return na != nb ? (na ? -1 : 1) : a.compareTo(b);
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() < 18 && s.chars().allMatch(Character::isDigit);
    }
}
