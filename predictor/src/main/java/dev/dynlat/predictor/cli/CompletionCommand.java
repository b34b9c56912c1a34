package dev.dynlat.predictor.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dynlat completion}: the shell completion script for every command and option, with the
 * zoo's model names and the built-in device names as candidates of {@code --model} and
 * {@code --device}. The build writes it once to {@code predictor/target/dynlat-completion.bash},
 * which the launcher prints without starting a JVM.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print the shell completion script (picocli's; it also runs in zsh through bashcompinit).",
            "Install for this shell:   source <(./dynlat completion bash)",
            "Install for every shell: ./dynlat completion bash > ~/.dynlat-completion;"
                    + " echo 'source ~/.dynlat-completion' >> ~/.bashrc   (zsh: ~/.zshrc)"})
final class CompletionCommand implements Callable<Integer> {
    /** The shells the script supports; picocli's script detects zsh itself, so both print the same text. */
    enum Shell { bash, zsh }

    @Parameters(index = "0", arity = "0..1", paramLabel = "SHELL", defaultValue = "bash",
            description = "bash or zsh. Default: ${DEFAULT-VALUE}.")
    Shell shell;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CliOutputs.emit(spec, out, CompletionCommand::script);
        return 0;
    }

    /** The script for the full command tree (every subcommand registered, not only this one). */
    static String script() {
        CommandLine cl = DynlatCli.commandLine();
        distinctCandidateLabels(cl);
        return AutoComplete.bash("dynlat", cl);
    }

    /**
     * Picocli names a command's array of candidates after the option's parameter label, so
     * {@code --model NAME|FILE} and {@code --device NAME|FILE} would share one array and the
     * device names would be offered for {@code --model}. In this model only (help texts and error
     * messages keep their labels), each option with candidates is labelled after its own name.
     */
    private static void distinctCandidateLabels(CommandLine cl) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        for (CommandLine.Model.OptionSpec option : List.copyOf(spec.options())) {
            if (option.completionCandidates() != null && !option.inherited()) {
                String label = option.longestName().replaceFirst("^-+", "").toUpperCase(Locale.ROOT);
                spec.remove(option);
                spec.addOption(option.toBuilder().paramLabel(label).build());
            }
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            distinctCandidateLabels(sub);
        }
    }
}
