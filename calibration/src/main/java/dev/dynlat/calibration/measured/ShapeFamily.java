package dev.dynlat.calibration.measured;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The held-out split of measured operators by shape family, as committed before any fit in
 * {@code src/docs/gpu/held-out-split.md}: a family is the operator name and the base-2 magnitude
 * {@code floor(log2 x)} of each shape extent that changes the work's shape (a conv's batch only
 * repeats it and is left out); a family is held out when the first four bytes of SHA-256 of
 * {@code "DRAW:OPName:family"}, as an unsigned big-endian integer, are 0 modulo 5. Whole regions of
 * shape space are held out, the same ones on every GPU. The draw number changes only when a split's
 * held-out figures have been looked at before a model change (the split is then spent).
 */
public final class ShapeFamily {
    /** One family in this many is held out. */
    static final int MODULUS = 5;
    /**
     * The split in force: draw 2, chosen and committed before the model changes it judges. Draw 1 (the
     * bare {@code "OPName:family"}) was spent: its held-out figures were seen before later model changes.
     */
    static final int DRAW = 2;

    private ShapeFamily() {
    }

    /** {@code c{log2 Cin}-o{log2 Cout}-s{log2 side}}: a convolution, batch excluded. */
    public static String conv(long inChannels, long outChannels, long inputSide) {
        return "c" + log2(inChannels) + "-o" + log2(outChannels) + "-s" + log2(inputSide);
    }

    /** {@code m{log2 rows}-n{log2 N}-k{log2 K}}: a linear layer on {@code rows} = B·M rows. */
    public static String linear(long rows, long n, long k) {
        return "m" + log2(rows) + "-n" + log2(n) + "-k" + log2(k);
    }

    /** {@code b{log2 B}-m{log2 M}-n{log2 N}-k{log2 K}}: a batched matrix product. */
    public static String bmm(long b, long m, long n, long k) {
        return "b" + log2(b) + "-m" + log2(m) + "-n" + log2(n) + "-k" + log2(k);
    }

    /** {@code b{log2 B}-h{log2 H}}: a row-wise operator on B rows of H elements. */
    public static String rows(long b, long h) {
        return "b" + log2(b) + "-h" + log2(h);
    }

    /** {@code floor(log2 x)} of a positive extent. */
    static int log2(long x) {
        if (x <= 0) {
            throw new IllegalArgumentException("shape extent: must be positive, got " + x);
        }
        return 63 - Long.numberOfLeadingZeros(x);
    }

    /** Whether the family {@code family} of operator {@code opName} is held out of every fit. */
    public static boolean heldOut(String opName, String family) {
        byte[] digest = sha256(DRAW + ":" + opName + ":" + family);
        long first4 = ((digest[0] & 0xffL) << 24) | ((digest[1] & 0xffL) << 16) | ((digest[2] & 0xffL) << 8)
                | (digest[3] & 0xffL);
        return first4 % MODULUS == 0;
    }

    /** Whether a measured operator's family is held out. */
    public static boolean heldOut(MeasuredOperator m) {
        return heldOut(m.opName(), m.family());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
