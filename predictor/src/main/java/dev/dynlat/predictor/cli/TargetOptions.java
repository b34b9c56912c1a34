package dev.dynlat.predictor.cli;

import dev.dynlat.predictor.request.TargetRequest;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What to predict on: model, device, batch, variant and schedule (shared by predict and sweep). */
final class TargetOptions {
    // Not required at parse time: 'sweep --spec' takes models and devices from its spec file.
    @Option(names = "--model", paramLabel = "NAME|FILE", completionCandidates = CompletionNames.Models.class,
            description = "A zoo model (see 'dynlat models'), a network YAML file (src/docs/networks.md) or an"
                    + " ONNX file (imported as 'dynlat models import' does).")
    String model;

    @Option(names = "--input", paramLabel = "N|HxW",
            description = "Input image side (224) or height x width (800x1333) in pixels; tokens of a sequence"
                    + " model (512); an ONNX file also takes its full input shape (1x3x800x1333). Default: the"
                    + " model's own.")
    String input;

    @Option(names = "--device", paramLabel = "NAME|FILE", completionCandidates = CompletionNames.Devices.class,
            description = "Built-in device (see 'dynlat devices') or a profile YAML file.")
    String device;

    @Option(names = "--batch", paramLabel = "N", description = "Batch size, 1 to 2147483647 (default: the profile's).")
    Integer batch;

    @Option(names = "--variant", paramLabel = "laudnet|calibrated",
            description = "Model variant (default: calibrated when the profile has coefficients, else laudnet).")
    String variant;

    @Option(names = "--schedule", paramLabel = "FILE", description = "Schedule overrides (YAML).")
    Path schedule;

    /** The options as a request's target; its rules (batch bounds, required model and device) live there. */
    TargetRequest request() {
        return new TargetRequest(model, input, device, batch, variant, schedule);
    }
}
