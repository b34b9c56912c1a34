package dev.dynlat.predictor.workload;

import java.util.List;

/**
 * A network file as written: name, input, stages of node descriptions. Resolving it at an input
 * size ({@link NetworkResolver}) infers every shape and gives the {@link Network} the engine
 * lowers.
 *
 * @param name network name
 * @param inputChannels channels of the network input
 * @param inputSize side of the (square) input image, the model's own default
 * @param classes classifier outputs (informational, 0 if not stated)
 * @param source provenance text (definition followed), may be empty
 * @param stages stages in execution order
 * @param templates node groups the stages use by name ({@code templates:}), in file order
 */
public record NetworkDescription(String name, int inputChannels, int inputSize, int classes, String source,
                                 List<StageDescription> stages, List<TemplateDescription> templates) {
    public NetworkDescription {
        stages = List.copyOf(stages);
        templates = List.copyOf(templates);
    }

    /** The template called {@code name}, or null. */
    public TemplateDescription template(String name) {
        for (TemplateDescription t : templates) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** One stage: a name and its nodes. */
    public record StageDescription(String name, List<NodeDescription> nodes, int line) {
        public StageDescription {
            nodes = List.copyOf(nodes);
        }
    }
}
