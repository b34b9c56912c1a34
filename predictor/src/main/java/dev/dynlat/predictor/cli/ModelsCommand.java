package dev.dynlat.predictor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynlat.predictor.importer.InputDims;
import dev.dynlat.predictor.provenance.ToolVersion;
import dev.dynlat.predictor.request.ResultFormat;
import dev.dynlat.predictor.importer.Models;
import dev.dynlat.predictor.importer.OnnxImporter;
import dev.dynlat.predictor.workload.InputShape;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkNode;
import dev.dynlat.predictor.workload.NetworkWriter;
import dev.dynlat.predictor.workload.NetworkZoo;
import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.MarkdownTableWriter;
import dev.dynlat.reports.table.Precision;
import dev.dynlat.reports.table.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the network zoo, shows one network's nodes with shapes and MACs, or exports it as YAML. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the built-in networks (MACs and weights per image), or: dynlat models show NAME,"
                + " dynlat models export NAME, dynlat models check FILE, dynlat models import FILE.onnx",
        subcommands = {ModelsCommand.Show.class, ModelsCommand.Export.class, ModelsCommand.Check.class,
                ModelsCommand.Import.class})
public final class ModelsCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table",
            description = "table or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String fmt = ResultFormat.parse(format, ResultFormat.TABLE, ResultFormat.JSON).id();
        var out = spec.commandLine().getOut();
        if (fmt.equals("json")) {
            // An object, not the bare list, so that the output can name the build that wrote it.
            ObjectNode listed = ToolVersion.current().addTo(MAPPER.createObjectNode());
            listed.set("models", zooJson());
            out.println(MAPPER.writeValueAsString(listed));
            out.flush();
            return 0;
        }
        Table.Builder t = Table.builder().columns(Column.text("name"), Column.text("input"),
                Column.decimal("MACs", "G", Precision.significant(4)),
                Column.decimal("weights", "M", Precision.significant(4)), Column.integer("blocks", ""),
                Column.text("definition"));
        for (String name : NetworkZoo.NAMES) {
            Network n = NetworkZoo.get(name);
            t.row(name, n.input().describe(), n.denseMacs() / 1e9, n.weights() / 1e6, (long) n.blockCount(),
                    n.description().source());
        }
        out.print(new MarkdownTableWriter().render(t.build()));
        out.println("\nShow one with: dynlat models show NAME [--input N]; export: dynlat models export NAME");
        out.flush();
        return 0;
    }

    /** The zoo as JSON: per model its input, MACs and weights per image, blocks, exits and policy (for serve too). */
    static ArrayNode zooJson() {
        ArrayNode list = MAPPER.createArrayNode();
        for (String name : NetworkZoo.NAMES) {
            Network n = NetworkZoo.get(name);
            ObjectNode o = list.addObject();
            o.put("name", name);
            o.put("input", n.input().describe());
            o.put("macs", n.denseMacs());
            o.put("gmacs", n.denseMacs() / 1e9);
            o.put("weights", n.weights());
            o.put("blocks", n.blockCount());
            o.put("exits", n.exits().size());
            ArrayNode exitMacs = o.putArray("exit_macs");
            for (double m : n.exitMacs()) {
                exitMacs.add(m);
            }
            o.put("policy_macs", n.policyMacs());
            o.put("decided_blocks", n.decidedBlocks().size());
            o.put("source", n.description().source());
        }
        return list;
    }

    /** {@code dynlat models show NAME}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "List a network's nodes with output shapes, MACs and weights.")
    static final class Show implements Callable<Integer> {
        @CommandLine.Mixin
        ModelArgument model;

        @Option(names = "--format", paramLabel = "FMT", defaultValue = "table",
                description = "table or json. Default: ${DEFAULT-VALUE}.")
        String format;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String fmt = ResultFormat.parse(format, ResultFormat.TABLE, ResultFormat.JSON).id();
            Network n = model.network();
            if (fmt.equals("json")) {
                var out = spec.commandLine().getOut();
                out.println(MAPPER.writeValueAsString(ToolVersion.current().addTo(json(n))));
                out.flush();
                return 0;
            }
            Table.Builder t = Table.builder().columns(Column.text("stage"), Column.text("node"), Column.text("kind"),
                    Column.text("output"), Column.decimal("MACs", "M", Precision.decimalPlaces(3)),
                    Column.decimal("weights", "K", Precision.decimalPlaces(1)));
            for (Network.NetworkStage s : n.stages()) {
                for (NetworkNode node : s.nodes()) {
                    t.row(s.name(), node.id(), node.kind(), node.output().describe(), node.macs() / 1e6,
                            node.weights() / 1e3);
                }
            }
            var out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s at %s: %.4f GMACs, %.3f M weights, %d blocks%n%n", n.name(),
                    atInput(n.input()), n.denseMacs() / 1e9, n.weights() / 1e6, n.blockCount());
            out.print(new MarkdownTableWriter().render(t.build()));
            out.flush();
            return 0;
        }
    }

    /** One network as JSON: name, input, totals, then every node with its stage, kind, output, MACs and weights. */
    static ObjectNode json(Network n) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", n.name());
        ObjectNode in = o.putObject("input");
        if (n.input() instanceof InputShape.Image i) {
            in.put("channels", i.channels());
            in.put("height", i.height());
            in.put("width", i.width());
        } else if (n.input() instanceof InputShape.Tokens tk) {
            in.put("tokens", tk.tokens());
            in.put("width", tk.width());
        }
        o.put("macs", n.denseMacs());
        o.put("weights", n.weights());
        o.put("blocks", n.blockCount());
        o.put("source", n.description().source());
        ArrayNode nodes = o.putArray("nodes");
        for (Network.NetworkStage s : n.stages()) {
            for (NetworkNode node : s.nodes()) {
                ObjectNode x = nodes.addObject();
                x.put("stage", s.name());
                x.put("id", node.id());
                x.put("kind", node.kind());
                x.put("output", node.output().describe());
                x.put("macs", node.macs());
                x.put("weights", node.weights());
            }
        }
        return o;
    }

    /** "224x224", "800x1333" or "512 tokens": what the header line says a network was resolved at. */
    static String atInput(InputShape in) {
        return in instanceof InputShape.Image i ? i.height() + "x" + i.width() : in.describe();
    }

    /** {@code dynlat models export NAME}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a network as a YAML network file that loads back to the same network.")
    static final class Export implements Callable<Integer> {
        @CommandLine.Mixin
        ModelArgument model;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            CliOutputs.emit(spec, out, () -> {
                Network n = model.network();
                return "# exported by dynlat models export " + model.model + "\n"
                        + NetworkWriter.write(n.description(), n.input());
            });
            return 0;
        }
    }

    /** {@code dynlat models check FILE}: validates a network file, writes nothing else. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a network file (or zoo name): one line with its node count and MACs, exit 0;"
                    + " or every problem, exit 2.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Mixin
        ModelArgument model;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Network n = model.network();
            var out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s: ok, %s at %s: %d nodes, %.4f GMACs%n", model.model, n.name(),
                    atInput(n.input()), n.allNodes().size(), n.denseMacs() / 1e9);
            out.flush();
            return 0;
        }
    }

    /** {@code dynlat models import FILE.onnx}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Convert an ONNX model into a dynlat network file (residual blocks and stages named as in"
                    + " the zoo).")
    static final class Import implements Callable<Integer> {
        @CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "ONNX model file.")
        Path file;

        @Option(names = "--input", paramLabel = "SHAPE",
                description = "Dynamic input dimensions: an image side (224), HxW (800x1333) or the full shape"
                        + " (1x3x224x224). Default: the sizes the file declares.")
        String input;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            CliOutputs.emit(spec, out, () -> {
                OnnxImporter.Result r = OnnxImporter.importFile(file, InputDims.parse(input));
                // Load it back before writing: what is written must be a valid network file.
                Models.load(r, file.toString());
                StringBuilder text = new StringBuilder("# imported by dynlat models import " + file.getFileName()
                        + "\n");
                r.notes().forEach(n -> text.append("# note: ").append(n).append('\n'));
                text.append(NetworkWriter.write(r.description(), r.description().input()));
                return text.toString();
            });
            return 0;
        }
    }
}
