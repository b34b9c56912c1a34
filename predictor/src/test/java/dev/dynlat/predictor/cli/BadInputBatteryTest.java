package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every bad input of {@code bad-inputs/cases.txt} (the table says how to add one) through the
 * CLI: exit code 2, one line on stderr with the expected fragment (one per problem for a YAML file),
 * no stack trace, and the case's
 * directory exactly as before (no new or partial file, every existing file byte-identical).
 */
class BadInputBatteryTest {
    private static final String CASES = "/bad-inputs/cases.txt";
    /** Outputs that exist before every case, so that a case aiming at one proves it is left alone. */
    private static final List<String> PREVIOUS = List.of("prev.json", "prev.csv", "prev.svg");

    @TempDir
    Path dir;

    /** One line of the table. */
    record Case(String name, String command, String fragment, List<String> files) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = BadInputBatteryTest.class.getResourceAsStream(CASES)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" \\|(?: |$)", -1);
                if (f.length != 4) {
                    throw new AssertionError("expected 4 fields separated by ' | ': " + line);
                }
                String files = f[3].strip();
                List<String> fileList = files.isEmpty() ? List.of() : List.of(files.split(" ;; "));
                cases.add(new Case(f[0].strip(), f[1].strip(), f[2].strip(), fileList));
            }
        }
        return cases;
    }

    @Test
    void theBatteryHasAtLeastSixtyCasesWithDistinctNames() throws IOException {
        List<Case> all = cases();
        assertTrue(all.size() >= 130, "cases: " + all.size());
        assertEquals(all.size(), all.stream().map(Case::name).distinct().count(), "case names must be unique");
        for (String command : List.of("predict", "sweep", "calibrate", "devices")) {
            assertTrue(all.stream().anyMatch(c -> c.command().startsWith(command + " ")), command);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsWithTwoAndOneLineAndTouchesNothing(Case c) throws IOException {
        for (String p : PREVIOUS) {
            Files.writeString(dir.resolve(p), "previous " + p + "\n");
        }
        for (String f : c.files()) {
            create(f);
        }
        Map<String, byte[]> before = snapshot(dir);

        String[] args = Arrays.stream(c.command().replace("{d}", dir.toString()).split("\\s+"))
                .map(BadInputBatteryTest::argument).toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DynlatCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));

        String stderr = err.toString();
        String expected = c.fragment().replace("{d}", dir.toString());
        assertEquals(2, code, c.name() + ": " + stderr);
        assertTrue(stderr.contains(expected), c.name() + ": expected '" + expected + "' in: " + stderr);
        // One line, except a YAML file with several problems: then one 'file:line path: message' per line.
        List<String> lines = stderr.strip().lines().toList();
        for (String extra : lines.subList(1, lines.size())) {
            assertTrue(extra.matches("\\S+:\\d+ \\S+: .+"), c.name() + ": one line per problem: " + stderr);
        }
        assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), c.name() + ": no stack trace: " + stderr);
        assertEquals("", out.toString(), c.name() + ": nothing on stdout");
        Map<String, byte[]> after = snapshot(dir);
        assertEquals(before.keySet(), after.keySet(), c.name() + ": no file created or removed");
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            assertArrayEquals(e.getValue(), after.get(e.getKey()), c.name() + ": " + e.getKey() + " changed");
        }
    }

    /**
     * One argument of a case's command line: {@code {rep:TEXT:N}} is TEXT repeated N times (a long
     * value), and the escapes {@code \n}, {@code \t}, {@code \xHH} and {@code \}{@code uHHHH} stand for
     * the characters (control characters and invisible ones in option values).
     */
    private static String argument(String raw) {
        Matcher m = Pattern.compile("\\{rep:([^:}]*):(\\d+)}").matcher(raw);
        StringBuilder expanded = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(expanded, Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
        }
        m.appendTail(expanded);
        String s = expanded.toString();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char next = s.charAt(i + 1);
                if (next == 'n' || next == 't') {
                    out.append(next == 'n' ? '\n' : '\t');
                    i++;
                    continue;
                }
                if (next == 'x' && i + 3 < s.length()) {
                    out.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                    i += 3;
                    continue;
                }
                if (next == 'u' && i + 5 < s.length()) {
                    out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                    i += 5;
                    continue;
                }
            }
            out.append(ch);
        }
        return out.toString();
    }

    /**
     * Creates one file of a case: NAME=TEXT, dir:NAME, ro:NAME=TEXT, link:NAME=TARGET,
     * profile:NAME=BUILTIN~edits, rep:NAME=HEAD~UNIT~COUNT~TAIL (UNIT repeated COUNT times between
     * HEAD and TAIL), seq:NAME=HEAD~LINE~COUNT (HEAD, then COUNT lines of LINE with {i} the line's
     * index from 0).
     */
    private void create(String spec) throws IOException {
        String s = spec.replace("{d}", dir.toString());
        if (s.startsWith("rep:") || s.startsWith("seq:")) {
            int eq = s.indexOf('=');
            String[] p = s.substring(eq + 1).split("~", -1);
            Path file = dir.resolve(s.substring(4, eq));
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                out.write(bytes(p[0]));
                int count = Integer.parseInt(p[2]);
                for (int i = 0; i < count; i++) {
                    out.write(s.startsWith("rep:") ? bytes(p[1]) : bytes(p[1].replace("{i}", Integer.toString(i)) + "\\n"));
                }
                if (s.startsWith("rep:")) {
                    out.write(bytes(p[3]));
                }
            }
            return;
        }
        if (s.startsWith("dir:")) {
            Files.createDirectories(dir.resolve(s.substring(4)));
            return;
        }
        int eq = s.indexOf('=');
        String name = s.substring(0, eq);
        String value = s.substring(eq + 1);
        if (name.startsWith("link:")) {
            Files.createSymbolicLink(dir.resolve(name.substring(5)), Path.of(value));
        } else if (name.startsWith("ro:")) {
            Path p = Files.write(dir.resolve(name.substring(3)), bytes(value));
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r--r--r--"));
        } else if (name.startsWith("profile:")) {
            String[] edits = value.split("~");
            String yaml;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("dynlat/profiles/" + edits[0] + ".yaml")) {
                yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (int i = 1; i < edits.length; i++) {
                String e = new String(bytes(edits[i]), StandardCharsets.UTF_8);
                if (e.startsWith("+")) {
                    yaml = yaml + e.substring(1);
                } else {
                    String[] fromTo = e.split("=>", 2);
                    assertTrue(yaml.contains(fromTo[0]), "profile edit: '" + fromTo[0] + "' not in " + edits[0]);
                    yaml = yaml.replace(fromTo[0], fromTo[1]);
                }
            }
            Files.writeString(dir.resolve(name.substring(8)), yaml);
        } else {
            Files.write(dir.resolve(name), bytes(value));
        }
    }

    /** Text with \n, \t and \xHH escapes, as bytes (\xHH is one raw byte, for non-UTF-8 files). */
    private static byte[] bytes(String escaped) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < escaped.length(); i++) {
            char ch = escaped.charAt(i);
            if (ch == '\\' && i + 1 < escaped.length()) {
                char next = escaped.charAt(i + 1);
                if (next == 'n' || next == 't') {
                    out.write(next == 'n' ? '\n' : '\t');
                    i++;
                    continue;
                }
                if (next == 'x' && i + 3 < escaped.length()) {
                    out.write(Integer.parseInt(escaped.substring(i + 2, i + 4), 16));
                    i += 3;
                    continue;
                }
            }
            out.writeBytes(String.valueOf(ch).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** Every entry under {@code root} (links not followed) with its bytes; directories and links by name only. */
    private static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String key = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    all.put(key, ("link -> " + Files.readSymbolicLink(p)).getBytes(StandardCharsets.UTF_8));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    all.put(key, Files.readAllBytes(p));
                } else {
                    all.put(key, new byte[0]);
                }
            }
        }
        return all;
    }
}
