package dev.dynlat.predictor.workload;

import java.util.List;

/**
 * A network file as written: name, input, stages of node descriptions. Resolving it at an input
 * size ({@link NetworkResolver}) infers every shape and gives the {@link Network} the engine
 * lowers.
 *
 * @param name network name
 * @param input the network input (an image of any height and width, or tokens), the model's own
 * @param classes classifier outputs (informational, 0 if not stated)
 * @param source provenance text (definition followed), may be empty
 * @param stages stages in execution order
 * @param templates node groups the stages use by name ({@code templates:}), in file order
 */
public record NetworkDescription(String name, InputShape input, int classes, String source,
                                 List<StageDescription> stages, List<TemplateDescription> templates) {
    public NetworkDescription {
        java.util.Objects.requireNonNull(input, "input");
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

    /** A network on square images of {@code inputSize} pixels with {@code inputChannels} channels, no templates. */
    public NetworkDescription(String name, int inputChannels, int inputSize, int classes, String source,
                              List<StageDescription> stages) {
        this(name, InputShape.Image.square(inputChannels, inputSize), classes, source, stages, List.of());
    }

    /** Channels of an image input; 0 for a token input. */
    public int inputChannels() {
        return input instanceof InputShape.Image i ? i.channels() : 0;
    }

    /** One stage: a name and its nodes. */
    public record StageDescription(String name, List<NodeDescription> nodes, int line) {
        public StageDescription {
            nodes = List.copyOf(nodes);
        }
    }
}
