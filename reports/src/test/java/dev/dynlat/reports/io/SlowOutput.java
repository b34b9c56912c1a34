package dev.dynlat.reports.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A process for {@link OutputSetSignalTest}: prepares one output whose content is written slowly,
 * says so on standard output, then waits to be stopped.
 */
public final class SlowOutput {
    private SlowOutput() {
    }

    public static void main(String[] args) throws Exception {
        try (OutputSet set = OutputSet.of("--out", Path.of(args[0]))) {
            set.prepare(set.only(), out -> {
                out.write("partial content".getBytes(StandardCharsets.UTF_8));
                out.flush();
                System.out.println("writing");
                System.out.flush();
                try {
                    Thread.sleep(120_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            set.commit(bytes -> { });
        }
    }
}
