package dev.dynlat.predictor.cli;

import dev.dynlat.predictor.workload.InputShape;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkZoo;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A network named on the command line, zoo name or file, at an optional input side ('models show|export'). */
final class ModelArgument {
    @Parameters(index = "0", paramLabel = "MODEL", description = "Zoo name or network YAML file.")
    String model;

    @Option(names = "--input", paramLabel = "N|HxW",
            description = "Input side (224) or height x width (800x1333) in pixels, or tokens (default: the model's).")
    String input;

    Network network() {
        return NetworkZoo.resolve(model, InputShape.Size.parse(input));
    }
}
