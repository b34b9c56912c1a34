package dev.dynlat.calibration.model;

import dev.dynlat.calibration.kernel.KernelSpec;

/**
 * The plain roofline a calibration is compared against:
 * {@code max(FLOP / peak FLOP/s, bytes / stream bandwidth) + call overhead}, with bytes the
 * compulsory traffic (every operand read once, the output written once) and the rates straight
 * from the peak probes. No tiling, no per-class knowledge.
 *
 * @param peakFlopsPerS  measured FMA rate, FLOP/s
 * @param bytesPerS      measured stream bandwidth, bytes/s
 * @param overheadS      measured empty-call overhead, seconds
 */
public record RooflineBaseline(double peakFlopsPerS, double bytesPerS, double overheadS) {

    public double predictSeconds(KernelSpec k) {
        long elements = k.outputLength();
        for (long n : k.operandLengths()) {
            elements += n;
        }
        return predictSeconds(k.flops(), elements * 4.0);
    }

    /** The roofline of {@code flops} floating-point operations over {@code bytes} of compulsory traffic. */
    public double predictSeconds(double flops, double bytes) {
        return Math.max(flops / peakFlopsPerS, bytes / bytesPerS) + overheadS;
    }
}
