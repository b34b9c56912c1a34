package dev.dynlat.calibration.measured;

import dev.dynlat.operators.profile.KernelFamily;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The cuBLAS kernel family measured rows name in their {@code Kernel Name} or {@code Kernels} columns. */
final class KernelFamilies {
    /** A cuBLAS kernel's name: its family, then its tile where it names one ({@code volta_sgemm_128x64_tn}). */
    static final Pattern SGEMM = Pattern.compile("(maxwell|volta|ampere)_sgemm_(\\d+x\\d+)?");

    private KernelFamilies() {
    }

    /** The family of the first cuBLAS kernel any row names; empty when none names one. */
    static Optional<KernelFamily> named(List<MeasuredOperator> rows) {
        for (MeasuredOperator m : rows) {
            for (String column : List.of("Kernel Name", "Kernels")) {
                String text = m.columns().get(column);
                if (text != null) {
                    Matcher k = SGEMM.matcher(text);
                    if (k.find()) {
                        return Optional.of(KernelFamily.parse(k.group(1).toLowerCase(Locale.ROOT)));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
