package dev.dynlat.operators.spec;

/**
 * A table lookup (token embedding): each of {@code rows} token ids selects one row of
 * {@code width} features from a {@code vocabulary × width} table. It moves data only: the rows
 * read and written, no multiply-accumulates. Sequence operators carry the batch in their shape,
 * so {@code rows} is batch × tokens.
 */
public record EmbeddingSpec(long rows, int width, int vocabulary) implements OperatorSpec {
    public EmbeddingSpec {
        if (rows < 1) {
            throw new IllegalArgumentException("rows: must be positive, got " + rows);
        }
        Check.positive("width", width);
        Check.positive("vocabulary", vocabulary);
    }

    @Override
    public String kind() {
        return "embedding";
    }

    @Override
    public double macsPerSample() {
        return 0;
    }
}
