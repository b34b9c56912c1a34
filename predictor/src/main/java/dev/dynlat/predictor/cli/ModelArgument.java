package dev.dynlat.predictor.cli;

import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.importer.Models;
import dev.dynlat.predictor.workload.NetworkZoo;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A network named on the command line, zoo name or file, at an optional input side ('models show|export'). */
final class ModelArgument {
    @Parameters(index = "0", paramLabel = "MODEL", description = "Zoo name or network YAML file.")
    String model;

    @Option(names = "--input", paramLabel = "N", description = "Input side in pixels (default: the model's).")
    Integer input;

    Network network() {
        return Models.resolve(model, NetworkZoo.inputSide(input));
    }
}
