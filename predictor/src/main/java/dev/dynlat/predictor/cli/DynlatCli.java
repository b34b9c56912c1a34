package dev.dynlat.predictor.cli;

import dev.dynlat.operators.input.DecimalText;
import dev.dynlat.operators.input.EchoedText;
import dev.dynlat.operators.yaml.YamlException;
import dev.dynlat.reports.io.OutputSet;
import java.io.PrintWriter;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dynlat} command line: predict, list devices, calibrate. */
@Command(name = "dynlat", mixinStandardHelpOptions = true, version = "dynlat 0.1.0",
        description = "Predicts the inference latency of dynamic neural networks on GPUs and CPUs.",
        subcommands = {PredictCommand.class, SweepCommand.class, SearchCommand.class, ReportCommand.class,
            ModelsCommand.class, DevicesCommand.class, CalibrateCommand.class, ValidateCommand.class, ServeCommand.class,
            OperatorsCommand.class, CommandLine.HelpCommand.class})
public final class DynlatCli implements Runnable {
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
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** The configured command line: one-line errors and exit code 2 for any bad input. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DynlatCli());
        // Decimal options in the strict syntax (no 0.5d, no hexadecimal, no blanks); see DecimalText.
        CommandLine.ITypeConverter<Double> decimal = text -> {
            if (!DecimalText.isDecimal(text)) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a decimal number");
            }
            return Double.parseDouble(text);
        };
        cl.registerConverter(Double.class, decimal);
        cl.registerConverter(Double.TYPE, decimal);
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
