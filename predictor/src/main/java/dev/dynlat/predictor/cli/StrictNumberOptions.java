package dev.dynlat.predictor.cli;

import dev.dynlat.operators.input.DecimalText;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Number options in the strict syntax of {@link DecimalText}, for the command line and for the
 * fields of a {@code dynlat serve} request alike. picocli's own converters take what Java's parsers
 * take: {@code --rate 0.5d}, {@code --rate 0x1p-1}, {@code --batch ４} (a full-width digit).
 */
final class StrictNumberOptions {
    private StrictNumberOptions() {
    }

    /** Registers the strict converters on {@code cl} and the subcommands it holds; returns {@code cl}. */
    static CommandLine register(CommandLine cl) {
        CommandLine.ITypeConverter<Double> decimal = converter(DecimalText::parse);
        CommandLine.ITypeConverter<Integer> integer = converter(DecimalText::parseInt);
        CommandLine.ITypeConverter<Long> longInteger = converter(DecimalText::parseLong);
        cl.registerConverter(Double.class, decimal);
        cl.registerConverter(Double.TYPE, decimal);
        cl.registerConverter(Integer.class, integer);
        cl.registerConverter(Integer.TYPE, integer);
        cl.registerConverter(Long.class, longInteger);
        cl.registerConverter(Long.TYPE, longInteger);
        return cl;
    }

    // picocli prefixes a TypeConversionException's message with the option's name; any other
    // exception would be reported with its class name.
    private static <T> CommandLine.ITypeConverter<T> converter(Function<String, T> parse) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        };
    }
}
