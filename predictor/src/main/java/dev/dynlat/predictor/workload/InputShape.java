package dev.dynlat.predictor.workload;

import dev.dynlat.operators.input.DecimalText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The input of a network, per sample: an image of {@code channels × height × width} pixels, or a
 * sequence of {@code tokens} token ids that the network's first {@code embedding} turns into
 * vectors of {@code width} features. Written in a network file as
 * {@code input: {channels: 3, height: 800, width: 1333}} ({@code size: N} for a square image) or
 * {@code input: {tokens: 512, width: 1024}}.
 */
public sealed interface InputShape permits InputShape.Image, InputShape.Tokens {

    /** The tensor the network's first node reads. */
    Shape shape();

    /** For listings: {@code 224}, {@code 800x1333} or {@code 512 tokens}. */
    String describe();

    /**
     * This input resized by an {@code --input} value: an image takes its height and width; a
     * token input takes a single number as its sequence length.
     *
     * @throws IllegalArgumentException naming {@code --input} when the value does not fit the input
     */
    InputShape resized(Size size);

    /**
     * An image input.
     *
     * @param channels channels of the image
     * @param height image height in pixels
     * @param width image width in pixels
     */
    record Image(int channels, int height, int width) implements InputShape {
        public Image {
            positive("channels", channels);
            positive("height", height);
            positive("width", width);
        }

        /** A square image of side {@code size} pixels. */
        public static Image square(int channels, int size) {
            return new Image(channels, size, size);
        }

        public boolean square() {
            return height == width;
        }

        @Override
        public Shape shape() {
            return new Shape.FeatureMap(channels, height, width);
        }

        @Override
        public String describe() {
            return square() ? Integer.toString(height) : height + "x" + width;
        }

        @Override
        public InputShape resized(Size size) {
            return new Image(channels, size.height(), size.width());
        }
    }

    /**
     * A sequence of token ids.
     *
     * @param tokens sequence length
     * @param width features per token after the embedding
     */
    record Tokens(int tokens, int width) implements InputShape {
        public Tokens {
            positive("tokens", tokens);
            positive("width", width);
        }

        @Override
        public Shape shape() {
            return new Shape.Sequence(tokens, width);
        }

        @Override
        public String describe() {
            return tokens + " tokens";
        }

        @Override
        public InputShape resized(Size size) {
            if (!size.square()) {
                throw new IllegalArgumentException("--input: " + size.text() + " is an image size, but the network reads"
                        + " a sequence of tokens; give the sequence length (e.g. --input 256)");
            }
            return new Tokens(size.height(), width);
        }
    }

    /**
     * An {@code --input} value: {@code N} (a square image of N pixels, or N tokens) or
     * {@code HxW} (an image of H rows and W columns).
     *
     * @param height pixels (or tokens)
     * @param width pixels (equal to {@code height} for {@code N})
     * @param text the value as given
     */
    record Size(int height, int width, String text) {
        private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*(?:[xX×]\\s*(\\d{1,9})\\s*)?");

        public boolean square() {
            return !text.matches(".*[xX×].*");
        }

        /** The value {@code N} for a side of {@code side}; null when {@code side} ≤ 0 (the model's own). */
        static Size ofSide(int side) {
            return side > 0 ? new Size(side, side, "" + side) : null;
        }

        /**
         * Parses an {@code --input} value; null (not given) gives null.
         *
         * @throws IllegalArgumentException naming {@code --input} and the value
         */
        public static Size parse(String text) {
            if (text == null) {
                return null;
            }
            Matcher m = FORM.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("--input: expected N (e.g. 224) or HxW (e.g. 800x1333), got '"
                        + text + "'");
            }
            int h = side(text, m.group(1));
            int w = m.group(2) == null ? h : side(text, m.group(2));
            return new Size(h, w, text.strip());
        }

        private static int side(String text, String digits) {
            long v = DecimalText.parseLong(digits);
            if (v < 1 || v > NetworkLoader.MAX_SIZE) {
                throw new IllegalArgumentException("--input: each side must be in [1, " + NetworkLoader.MAX_SIZE
                        + "], got '" + text + "'");
            }
            return (int) v;
        }
    }

    private static void positive(String field, int v) {
        if (v < 1) {
            throw new IllegalArgumentException("input." + field + ": must be positive, got " + v);
        }
    }
}
