package dev.dynlat.predictor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynlat.operators.profile.AnalyticConstants;
import dev.dynlat.operators.profile.Datasheet;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.predictor.provenance.ToolVersion;
import dev.dynlat.predictor.request.ResultFormat;
import dev.dynlat.reports.table.Column;
import dev.dynlat.reports.table.MarkdownTableWriter;
import dev.dynlat.reports.table.Precision;
import dev.dynlat.reports.table.Table;
import dev.dynlat.operators.profile.ProfileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Lists the device profiles, or shows one with units. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List built-in device profiles, or show one: dynlat devices show v100",
        subcommands = {DevicesCommand.Show.class})
public final class DevicesCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table",
            description = "table or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (ResultFormat.parse(format, ResultFormat.TABLE, ResultFormat.JSON) == ResultFormat.JSON) {
            // An object, not the bare list, so that the output can name the build that wrote it.
            ObjectNode listed = ToolVersion.current().addTo(JsonNodeFactory.instance.objectNode());
            listed.set("devices", json());
            spec.commandLine().getOut().println(JSON.writeValueAsString(listed));
            spec.commandLine().getOut().flush();
            return 0;
        }
        Table.Builder t = Table.builder().columns(Column.text("name"), Column.text("device"), Column.text("kind"),
                Column.integer("engines", ""), Column.decimal("lanes/engine", "", Precision.decimalPlaces(0)),
                Column.decimal("clock", "MHz", Precision.decimalPlaces(0)),
                Column.decimal("DRAM", "GB/s", Precision.decimalPlaces(1)), Column.integer("batch", ""),
                Column.text("variants"));
        for (DeviceProfile p : DeviceCatalog.builtIns()) {
            AnalyticConstants c = p.laudnet();
            t.row(p.name(), p.displayName(), p.kind().name().toLowerCase(Locale.ROOT), (long) c.processingEngines(),
                    c.fp32LanesPerEngine(), c.clockMHz(), c.dramBandwidthGBps(), (long) c.defaultBatch(),
                    p.calibrated().isPresent() ? "laudnet, calibrated" : "laudnet");
        }
        spec.commandLine().getOut().print(new MarkdownTableWriter().render(t.build()));
        spec.commandLine().getOut().println("\nShow one with: dynlat devices show NAME (or a path to a profile .yaml)");
        return 0;
    }

    /** The built-in profiles as JSON: the model constants of the table above, with units in the keys. */
    static ArrayNode json() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (DeviceProfile p : DeviceCatalog.builtIns()) {
            list.add(json(p));
        }
        return list;
    }

    /** One profile's model constants as JSON (the row of {@code devices --format json}). */
    static ObjectNode json(DeviceProfile p) {
        AnalyticConstants c = p.laudnet();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", p.name());
        o.put("device", p.displayName());
        o.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
        o.put("engines", c.processingEngines());
        o.put("lanes_per_engine", c.fp32LanesPerEngine());
        o.put("clock_mhz", c.clockMHz());
        o.put("dram_bandwidth_gbps", c.dramBandwidthGBps());
        o.put("batch", c.defaultBatch());
        ArrayNode variants = o.putArray("variants");
        variants.add("laudnet");
        if (p.calibrated().isPresent()) {
            variants.add("calibrated");
        }
        return o;
    }

    /** {@code dynlat devices show NAME}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show one device profile with units, or as a profile YAML to start your own from:",
                "dynlat devices show v100 --format yaml --out my-gpu.yaml"})
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DEVICE", description = "Built-in name or path to a profile YAML.")
        String device;

        @Option(names = "--format", paramLabel = "text|yaml|json", defaultValue = "text",
                description = "text (with units), yaml (a loadable profile) or json (the model constants of"
                        + " 'devices --format json' and the build). Default: ${DEFAULT-VALUE}.")
        String format;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path outFile;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            ResultFormat fmt = ResultFormat.parse(format, ResultFormat.TEXT, ResultFormat.YAML, ResultFormat.JSON);
            CliOutputs.emit(spec, outFile, () -> {
                DeviceProfile p = DeviceCatalog.load("DEVICE", device);
                return switch (fmt) {
                    case YAML -> ProfileWriter.toYaml(p);
                    case JSON -> JSON.writeValueAsString(ToolVersion.current().addTo(json(p))) + "\n";
                    default -> text(p);
                };
            });
            return 0;
        }

        private static String text(DeviceProfile p) {
            StringWriter buffer = new StringWriter();
            PrintWriter out = new PrintWriter(buffer);
            Datasheet d = p.datasheet();
            AnalyticConstants c = p.laudnet();
            out.printf(Locale.ROOT, "%s — %s (%s)%n", p.name(), p.displayName(), p.kind().name().toLowerCase(Locale.ROOT));
            out.printf(Locale.ROOT, "provenance: %s%n%n", p.provenance());
            out.printf(Locale.ROOT, "datasheet (%s):%n", d.source());
            out.printf(Locale.ROOT, "  processing engines     %d%n", d.processingEngines());
            out.printf(Locale.ROOT, "  fp32 lanes per engine  %.0f%n", d.fp32LanesPerEngine());
            out.printf(Locale.ROOT, "  boost clock            %.0f MHz%n", d.boostClockMHz());
            out.printf(Locale.ROOT, "  DRAM bandwidth         %.1f GB/s%n", d.dramBandwidthGBps());
            out.printf(Locale.ROOT, "  memory                 %.1f GiB%n", d.memoryGiB());
            out.printf(Locale.ROOT, "  L2 / last-level cache  %.2f MiB%n", d.l2CacheMiB());
            out.printf(Locale.ROOT, "  peak fp32              %.2f TFLOP/s%n%n", d.peakFp32Tflops());
            out.printf(Locale.ROOT, "laudnet model constants:%n");
            out.printf(Locale.ROOT, "  processing engines     %d%n", c.processingEngines());
            out.printf(Locale.ROOT, "  fp32 lanes per engine  %.0f%n", c.fp32LanesPerEngine());
            out.printf(Locale.ROOT, "  clock                  %.0f MHz%n", c.clockMHz());
            out.printf(Locale.ROOT, "  DRAM bandwidth         %.1f GB/s%n", c.dramBandwidthGBps());
            out.printf(Locale.ROOT, "  on-chip bandwidth      %.1f GB/s (%.0f x DRAM)%n",
                    c.dramBandwidthGBps() * c.l2BandwidthRatio(), c.l2BandwidthRatio());
            out.printf(Locale.ROOT, "  issue depth            %d outputs per lane%n", c.issueDepth());
            out.printf(Locale.ROOT, "  memory transaction     %d fp32 elements%n", c.transactionElements());
            out.printf(Locale.ROOT, "  launch overhead        %.1f us%n", c.launchOverheadUs());
            out.printf(Locale.ROOT, "  default batch          %d%n", c.defaultBatch());
            out.printf(Locale.ROOT, "  latency mode           %s%n", c.latencyMode().name().toLowerCase(Locale.ROOT));
            p.calibrated().ifPresent(k -> {
                out.printf(Locale.ROOT, "%ncalibrated coefficients (%s, %s backend, %s, %d samples, held-out median"
                                + " error %.1f%%):%n", k.calibration().machine(), k.calibration().backend(),
                        k.calibration().date(), k.calibration().samples(), k.calibration().heldOutMedianApePct());
                out.printf(Locale.ROOT, "  lane efficiency        %.4f%n", k.laneEfficiency());
                out.printf(Locale.ROOT, "  DRAM efficiency        %.4f%n", k.dramEfficiency());
                out.printf(Locale.ROOT, "  on-chip efficiency     %.4f%n", k.l2Efficiency());
                out.printf(Locale.ROOT, "  launch overhead        %.3f us%n", k.launchOverheadUs());
                k.classEfficiency().forEach((cls, v) -> out.printf(Locale.ROOT, "  class %-16s %.4f%n", cls, v));
                k.classOverheadUs().forEach((cls, v) -> out.printf(Locale.ROOT, "  overhead %-13s %.3f us%n", cls, v));
            });
            out.flush();
            return buffer.toString();
        }
    }
}
