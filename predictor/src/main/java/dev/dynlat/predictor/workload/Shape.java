package dev.dynlat.predictor.workload;

/**
 * The per-sample shape of a tensor flowing between nodes: a feature map (channels × height ×
 * width), a vector of features, or a sequence of tokens. Shapes are inferred node by node from
 * the network input, so a network file never states them.
 */
public sealed interface Shape permits Shape.FeatureMap, Shape.Vector, Shape.Sequence {

    /** Elements of one sample. */
    long elements();

    /** Short text for listings, e.g. {@code 256x56x56}. */
    String describe();

    /** What kind of tensor, for messages ("a feature map"). */
    String kindName();

    /** A channels × height × width map (NCHW per sample). */
    record FeatureMap(int channels, int height, int width) implements Shape {
        @Override
        public long elements() {
            return (long) channels * height * width;
        }

        @Override
        public String describe() {
            return channels + "x" + height + "x" + width;
        }

        @Override
        public String kindName() {
            return "a feature map";
        }
    }

    /** A feature vector (pooled features, classifier logits, recurrent state). */
    record Vector(int features) implements Shape {
        @Override
        public long elements() {
            return features;
        }

        @Override
        public String describe() {
            return Integer.toString(features);
        }

        @Override
        public String kindName() {
            return "a vector";
        }
    }

    /** A sequence of {@code tokens} tokens of width {@code dim} (transformers). */
    record Sequence(int tokens, int dim) implements Shape {
        @Override
        public long elements() {
            return (long) tokens * dim;
        }

        @Override
        public String describe() {
            return tokens + "x" + dim + " tokens";
        }

        @Override
        public String kindName() {
            return "a sequence";
        }
    }
}
