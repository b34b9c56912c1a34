package dev.dynlat.calibration.plan;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One case of a calibration plan.
 *
 * @param id    unique token (letters, digits, {@code . _ -}): the case's name in the plan and in
 *              {@code raw-samples.csv}
 * @param group operator class label of the suite (e.g. {@code conv}, {@code depthwise}), same token rules
 * @param shape the operator in the plan's vocabulary, lists included
 */
public record PlanCase(String id, String group, PlanShape shape) {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]+");

    public PlanCase {
        Objects.requireNonNull(shape, "shape");
        requireToken("id", id);
        requireToken("group", group);
    }

    /** A suite key as a plan token: {@code ->} becomes {@code to}, {@code /} (a stride) {@code s}, any other character outside {@code [A-Za-z0-9.-]} {@code _}. */
    public static String idOf(String suiteKey) {
        return suiteKey.replace("->", "to").replace("/", "s").replaceAll("[^A-Za-z0-9.-]", "_");
    }

    static void requireToken(String field, String value) {
        if (value == null || !TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException(field + ": not a plan token (letters, digits, . _ -): '" + value + "'");
        }
    }
}
