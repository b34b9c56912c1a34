package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The CLI registers only the subcommand a call names (a short call then reflects over one command,
 * not twelve) and every subcommand otherwise, with usage, help and errors as before.
 */
class SubcommandRegistryTest {
    @Test
    void everyNameBuildsTheCommandOfThatName() {
        Map<String, CommandLine> subs = DynlatCli.commandLine().getSubcommands();
        assertEquals(DynlatCli.SUBCOMMANDS, List.copyOf(subs.keySet()));
        subs.forEach((name, sub) -> assertEquals(name,
                sub.getCommand().getClass().getAnnotation(CommandLine.Command.class).name(),
                "the registry's name for " + sub.getCommand().getClass().getSimpleName()));
    }

    @Test
    void aCallNamingASubcommandRegistersOnlyThatOne() {
        CommandLine cl = DynlatCli.commandLine(new String[] {"predict", "--model", "resnet50"});
        assertEquals(List.of("predict"), List.copyOf(cl.getSubcommands().keySet()));
        assertEquals("dynlat predict", cl.getSubcommands().get("predict").getCommandSpec().qualifiedName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "help", "--version", "predcit"})
    void anyOtherCallRegistersEverySubcommand(String first) {
        String[] args = first.isEmpty() ? new String[0] : new String[] {first};
        assertEquals(DynlatCli.SUBCOMMANDS, List.copyOf(DynlatCli.commandLine(args).getSubcommands().keySet()));
    }

    @Test
    void usageStillListsEverySubcommand() {
        CliTest.Result r = CliTest.run();
        assertEquals(0, r.code(), r.err());
        for (String name : DynlatCli.SUBCOMMANDS) {
            assertTrue(r.out().contains("\n  " + name + " "), name + " in the usage:\n" + r.out());
        }
    }

    @Test
    void helpForOneSubcommandStillWorks() {
        CliTest.Result viaHelp = CliTest.run("help", "predict");
        CliTest.Result viaOption = CliTest.run("predict", "--help");
        assertEquals(0, viaHelp.code(), viaHelp.err());
        assertTrue(viaHelp.out().contains("--granularity"), viaHelp.out());
        assertEquals(viaHelp.out(), viaOption.out());
    }

    @Test
    void aMisspeltSubcommandIsStillABadInput() {
        CliTest.Result r = CliTest.run("predcit", "--model", "resnet50");
        assertEquals(DynlatCli.BAD_INPUT, r.code());
        assertTrue(r.err().contains("'predcit'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
