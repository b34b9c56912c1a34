package dev.dynlat.operators.spec;

/**
 * The binary operation of an elementwise operator over two same-shaped tensors (or a tensor and a
 * scalar). Every operation costs the same pass; the operation is kept for operator lists and for
 * measurement files (NeuSight times {@code div} and {@code pow} too).
 */
public enum BinaryOp {
    ADD("add"), MUL("mul"), DIV("div"), POW("pow");

    private final String id;

    BinaryOp(String id) {
        this.id = id;
    }

    /** Lower-case name, as in network files. */
    public String id() {
        return id;
    }

    /** The operation named {@code text} ({@code add}, {@code mul}, {@code div} or {@code pow}, case-insensitive). */
    public static BinaryOp parse(String text) {
        for (BinaryOp op : values()) {
            if (op.id.equalsIgnoreCase(String.valueOf(text).trim())) {
                return op;
            }
        }
        throw new IllegalArgumentException("op: unknown elementwise operation '" + text
                + "'; valid: add, mul, div, pow");
    }
}
