package dev.dynlat.predictor.cli;

import dev.dynlat.predictor.importer.Models;
import dev.dynlat.predictor.workload.Network;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A network named on the command line, zoo name or file, at an optional input side ('models show|export'). */
final class ModelArgument {
    @Parameters(index = "0", paramLabel = "MODEL", description = "Zoo name, network YAML file or ONNX file.")
    String model;

    @Option(names = "--input", paramLabel = "N|HxW",
            description = "Input side (224) or height x width (800x1333) in pixels, or tokens; an ONNX file also"
                    + " takes its full input shape (1x3x800x1333). Default: the model's.")
    String input;

    Network network() {
        return Models.resolve(model, input);
    }
}
