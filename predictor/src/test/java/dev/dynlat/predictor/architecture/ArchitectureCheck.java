package dev.dynlat.predictor.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The architecture rules over a source tree laid out like this repository: every top-level folder
 * with {@code src/main/java} is a module. Returns every violation as text starting with
 * {@code file:line}; an empty list means the tree keeps the design.
 */
final class ArchitectureCheck {
    private ArchitectureCheck() {
    }

    static List<String> check(Path root, ModuleRules rules) {
        List<JavaSource> sources = scan(root);
        List<String> out = new ArrayList<>(ModuleDirection.violations(sources, rules));
        out.addAll(PackageCycles.violations(sources));
        return out;
    }

    /** Main sources only: tests may reach across packages to build fixtures without shaping the design. */
    static List<JavaSource> scan(Path root) {
        List<JavaSource> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.sorted().toList()) {
                Path main = module.resolve("src/main/java");
                if (!Files.isDirectory(main)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                        sources.add(JavaSource.read(root, module.getFileName().toString(), f));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }
}
