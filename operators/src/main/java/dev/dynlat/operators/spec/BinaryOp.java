package dev.dynlat.operators.spec;

/** The binary operation of an elementwise operator over two same-shaped tensors. */
public enum BinaryOp {
    ADD("add"), MUL("mul");

    private final String id;

    BinaryOp(String id) {
        this.id = id;
    }

    /** Lower-case name, as in network files. */
    public String id() {
        return id;
    }

    /** The operation named {@code text} ({@code add} or {@code mul}, case-insensitive). */
    public static BinaryOp parse(String text) {
        for (BinaryOp op : values()) {
            if (op.id.equalsIgnoreCase(String.valueOf(text).trim())) {
                return op;
            }
        }
        throw new IllegalArgumentException("op: unknown elementwise operation '" + text + "'; valid: add, mul");
    }
}
