package dev.dynlat.predictor.cli;

import dev.dynlat.operators.input.EchoedText;
import dev.dynlat.operators.yaml.YamlException;
import dev.dynlat.reports.io.OutputSet;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dynlat} command line: predict, list devices, calibrate.
 *
 * <p>Subcommands are registered by name rather than in {@code @Command(subcommands = …)}: picocli
 * reflects over every registered command (and runs their static initialisers) before parsing, which
 * took nearly half of a short {@code dynlat predict} (timed with -Xlog:class+load). A call that
 * names a subcommand first registers only that one; anything else (no arguments, {@code help}, a
 * top-level option, a misspelt name) gets them all, so usage, help and suggestions are unchanged.
 */
@Command(name = "dynlat", mixinStandardHelpOptions = true, version = "dynlat 0.1.0",
        description = "Predicts the inference latency of dynamic neural networks on GPUs and CPUs.")
public final class DynlatCli implements Runnable {
    /** The subcommands in the order that usage lists them. */
    static final List<String> SUBCOMMANDS = List.of("predict", "sweep", "search", "report", "models", "devices",
            "calibrate", "validate", "serve", "operators", "completion", "help");

    /** Exit code for bad input: wrong arguments, invalid files, impossible configurations. */
    public static final int BAD_INPUT = 2;
    /** Exit code when valid outputs could not be written (device full, I/O error). */
    public static final int WRITE_FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** The configured command line with every subcommand: one-line errors and exit code 2 for any bad input. */
    public static CommandLine commandLine() {
        return configured(withSubcommands(SUBCOMMANDS));
    }

    /** The command line for these arguments: only the named subcommand when the first argument names one. */
    static CommandLine commandLine(String[] args) {
        boolean named = args.length > 0 && SUBCOMMANDS.contains(args[0]) && !"help".equals(args[0]);
        return configured(withSubcommands(named ? List.of(args[0]) : SUBCOMMANDS));
    }

    private static CommandLine withSubcommands(List<String> names) {
        CommandLine cl = new CommandLine(new DynlatCli());
        for (String name : names) {
            cl.addSubcommand(name, subcommand(name));
        }
        return cl;
    }

    // A switch, not a map of constructor references: naming a class here loads it only when its case runs.
    private static Object subcommand(String name) {
        return switch (name) {
            case "predict" -> new PredictCommand();
            case "sweep" -> new SweepCommand();
            case "search" -> new SearchCommand();
            case "report" -> new ReportCommand();
            case "models" -> new ModelsCommand();
            case "devices" -> new DevicesCommand();
            case "calibrate" -> new CalibrateCommand();
            case "validate" -> new ValidateCommand();
            case "serve" -> new ServeCommand();
            case "operators" -> new OperatorsCommand();
            case "completion" -> new CompletionCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no subcommand '" + name + "'");
        };
    }

    private static CommandLine configured(CommandLine cl) {
        StrictNumberOptions.register(cl);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + EchoedText.line(ex.getMessage())
                    + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            String name = c.getCommandSpec().qualifiedName();
            if (ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException) {
                c.getErr().println(name + ": " + echoed(ex));
                return BAD_INPUT;
            }
            if (ex instanceof OutputSet.OutputWriteException) {
                // The paths were fine but the write failed (a full disk or device): one line, no trace.
                c.getErr().println(name + ": " + echoed(ex));
                return WRITE_FAILED;
            }
            c.getErr().println(name + ": internal error: " + ex);
            ex.printStackTrace(c.getErr());
            return 1;
        });
        return cl;
    }

    /**
     * The message as printed: one line through {@link EchoedText}, except the problems of a YAML
     * file, one line each.
     */
    static String echoed(Exception ex) {
        if (ex instanceof YamlException y) {
            return y.problems().stream().map(EchoedText::line).collect(Collectors.joining(System.lineSeparator()));
        }
        return EchoedText.line(ex.getMessage());
    }
}
