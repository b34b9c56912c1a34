package dev.dynlat.predictor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;

/**
 * A request's JSON fields as a command's flags, so that {@code dynlat serve} builds requests exactly
 * as the CLI does: field {@code channel_group} is option {@code --channel-group}; a number or string
 * is its value, a list is joined with commas ({@code [4,4,2,1]} is {@code 4,4,2,1}), {@code true}
 * sets a switch, {@code false} and {@code null} leave the option out. Output-file options are not
 * fields: a server answers on its own output.
 */
final class JsonFlags {
    private JsonFlags() {
    }

    /**
     * One command's parser for a server's many requests. Building a picocli {@code CommandLine}
     * reflects over every option and mixin of the command, which cost a small request more than
     * its prediction; so each thread keeps one and parses every request of this command with it.
     * Picocli resets every option to its initial value before each parse, so no field of one
     * request reaches the next; the command object returned is that thread's, valid until its
     * next request of this command.
     */
    static final class Parser<T> {
        private final String op;
        private final Set<String> excluded;
        private final ThreadLocal<CommandLine> commandLines;

        Parser(String op, Class<T> type, Set<String> excluded) {
            this.op = op;
            this.excluded = Set.copyOf(excluded);
            // The CLI's number syntax: a field "0.5d" or "0x10" is refused as --rate 0.5d is.
            this.commandLines = ThreadLocal.withInitial(() -> StrictNumberOptions.register(new CommandLine(type)));
        }

        T parse(ObjectNode fields) {
            return JsonFlags.parse(op, commandLines.get(), fields, excluded);
        }
    }

    /**
     * The command object of {@code cl} with its options set from {@code fields}.
     *
     * @param excluded long option names (without dashes) a request may not set
     * @throws IllegalArgumentException naming the field for an unknown field or a value picocli rejects
     */
    private static <T> T parse(String op, CommandLine cl, ObjectNode fields, Set<String> excluded) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        List<String> args = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey().replace('_', '-');
            CommandLine.Model.OptionSpec option = excluded.contains(name) ? null : spec.findOption("--" + name);
            if (option == null || option.usageHelp() || option.versionHelp()) {
                throw new IllegalArgumentException(e.getKey() + ": not a field of " + op + "; fields: "
                        + String.join(", ", fieldNames(spec, excluded)));
            }
            JsonNode v = e.getValue();
            if (v.isNull() || (v.isBoolean() && !v.asBoolean())) {
                continue;
            }
            if (option.arity().max() == 0) {
                if (!v.isBoolean()) {
                    throw new IllegalArgumentException(e.getKey() + ": expected true or false, got " + v);
                }
                args.add("--" + name);
            } else {
                args.add("--" + name + "=" + value(e.getKey(), v));
            }
        }
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException ex) {
            throw new IllegalArgumentException(op + ": " + ex.getMessage());
        }
        return cl.getCommand();
    }

    private static String value(String field, JsonNode v) {
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode x : v) {
                parts.add(value(field, x));
            }
            return String.join(",", parts);
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        throw new IllegalArgumentException(field + ": expected a number, a string or a list, got an object");
    }

    /** The fields a request of this command may give, in snake case. */
    private static Set<String> fieldNames(CommandLine.Model.CommandSpec spec, Set<String> excluded) {
        Set<String> names = new TreeSet<>();
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            String longName = o.longestName().replaceFirst("^--", "");
            if (!o.usageHelp() && !o.versionHelp() && !excluded.contains(longName)) {
                names.add(longName.replace('-', '_'));
            }
        }
        return names;
    }
}
