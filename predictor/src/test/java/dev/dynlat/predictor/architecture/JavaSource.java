package dev.dynlat.predictor.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Java source file as the architecture check sees it: its module (the top-level folder), its
 * path relative to the repository root, its package, and every name of the project it mentions
 * (imports, static imports, wildcard imports and fully qualified names in code) with the line.
 * Plain text parsing is enough because the project names its types by convention
 * ({@code dev.dynlat.<module>.<package>.<Type>}, lower-case packages, capitalised types).
 */
record JavaSource(String module, String path, String pkg, List<Reference> references) {

    /** A project name mentioned on a 1-based line: a type, a static member, or (for {@code .*}) a package. */
    record Reference(String name, int line, boolean wildcard) {
    }

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;");
    /** A qualified name of the project in code: lower-case package segments, then a type. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(dev\\.dynlat\\.(?:[a-z_][\\w]*\\.)+[A-Z]\\w*)");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    static JavaSource read(Path root, String module, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(module, root.relativize(file).toString().replace('\\', '/'), lines);
    }

    static JavaSource parse(String module, String path, List<String> lines) {
        String pkg = "";
        List<Reference> refs = new ArrayList<>();
        boolean inBlockComment = false;
        for (int i = 0; i < lines.size(); i++) {
            String code = lines.get(i);
            // Comments and javadoc mention types freely ({@link ...}); only code creates a dependency.
            if (inBlockComment) {
                int end = code.indexOf("*/");
                if (end < 0) {
                    continue;
                }
                code = code.substring(end + 2);
                inBlockComment = false;
            }
            code = STRING_LITERAL.matcher(code).replaceAll("\"\"");
            int start = code.indexOf("/*");
            if (start >= 0) {
                int end = code.indexOf("*/", start + 2);
                if (end < 0) {
                    inBlockComment = true;
                    code = code.substring(0, start);
                } else {
                    code = code.substring(0, start) + code.substring(end + 2);
                }
            }
            int lineComment = code.indexOf("//");
            if (lineComment >= 0) {
                code = code.substring(0, lineComment);
            }
            Matcher p = PACKAGE.matcher(code);
            if (p.find()) {
                pkg = p.group(1);
                continue;
            }
            Matcher imp = IMPORT.matcher(code);
            if (imp.find()) {
                refs.add(new Reference(imp.group(1), i + 1, imp.group(2) != null));
                continue;
            }
            Matcher q = QUALIFIED.matcher(code);
            while (q.find()) {
                refs.add(new Reference(q.group(1), i + 1, false));
            }
        }
        return new JavaSource(module, path, pkg, List.copyOf(refs));
    }

    String at(int line) {
        return path + ":" + line;
    }
}
