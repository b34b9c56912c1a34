package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.predictor.workload.NetworkZoo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dynlat completion}: picocli's script, with model and device names, run in a real bash. */
class CompletionCommandTest {
    @TempDir
    Path tmp;

    @Test
    void bashAndZshPrintTheSameScriptAndOutWritesIt() throws IOException {
        CliTest.Result bash = CliTest.run("completion", "bash");
        CliTest.Result zsh = CliTest.run("completion", "zsh");
        CliTest.Result plain = CliTest.run("completion");
        assertEquals(0, bash.code(), bash.err());
        assertTrue(bash.out().startsWith("#!/usr/bin/env bash"), bash.out().lines().findFirst().orElse(""));
        assertTrue(bash.out().contains("bashcompinit"), "the script sets itself up in zsh");
        assertEquals(bash.out(), zsh.out());
        assertEquals(bash.out(), plain.out());
        Path file = tmp.resolve("dynlat-completion");
        CliTest.Result written = CliTest.run("completion", "bash", "--out", file.toString());
        assertEquals(0, written.code(), written.err());
        assertEquals(bash.out(), Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownShellIsABadInputAndWritesNothing() {
        Path file = tmp.resolve("fish-completion");
        CliTest.Result r = CliTest.run("completion", "fish", "--out", file.toString());
        assertEquals(DynlatCli.BAD_INPUT, r.code());
        assertTrue(r.err().contains("'fish'") && r.err().contains("bash, zsh"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(file));
    }

    @Test
    void bashCompletesSubcommandsModelsAndDevices() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Path script = tmp.resolve("dynlat-completion.bash");
        Files.writeString(script, CompletionCommand.script(), StandardCharsets.UTF_8);

        assertTrue(complete(script, "dynlat", "pre").contains("predict"));
        List<String> models = complete(script, "dynlat", "predict", "--model", "");
        List<String> devices = complete(script, "dynlat", "sweep", "--device", "");
        assertEquals(NetworkZoo.NAMES, models);
        assertEquals(DeviceCatalog.builtInNames(), devices);
        List<String> prefixed = complete(script, "dynlat", "predict", "--model", "resnet1");
        assertFalse(prefixed.isEmpty());
        assertEquals(NetworkZoo.NAMES.stream().filter(n -> n.startsWith("resnet1")).toList(), prefixed);
    }

    /** What bash offers for the last word of {@code words}, as the shell would compute it on TAB. */
    private static List<String> complete(Path script, String... words) throws IOException, InterruptedException {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append('\'');
        }
        String line = String.join(" ", words);
        String program = "source '" + script + "'; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + line + "'; COMP_POINT=" + line.length()
                + "; _complete_dynlat; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder("/bin/bash", "-c", program).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bash finished");
        return out.lines().filter(s -> !s.isEmpty()).toList();
    }
}
