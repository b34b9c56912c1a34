package dev.dynlat.reports.chart;

import java.awt.Font;
import java.util.Locale;

/**
 * The type family of every text in a figure. Both are Java's logical fonts, present in every JRE,
 * so no font file ships with dynlat; in PDF they map to the standard-14 Times and Helvetica, which
 * every PDF reader has.
 */
public enum Typeface {
    /** Matches LaTeX body text (Computer Modern, Times) in a paper. */
    SERIF("serif", Font.SERIF),
    /** Matches slides and sans-serif templates. */
    SANS("sans", Font.SANS_SERIF);

    private final String id;
    private final String family;

    Typeface(String id, String family) {
        this.id = id;
        this.family = family;
    }

    /** The name users type, {@code serif} or {@code sans}. */
    public String id() {
        return id;
    }

    /** The Java logical font family. */
    public String family() {
        return family;
    }

    /** {@code font} in this family, same style and size (points). */
    public Font apply(Font font) {
        return new Font(family, font.getStyle(), 1).deriveFont(font.getSize2D());
    }

    /**
     * The typeface named {@code text} ({@code serif} or {@code sans}, case-insensitive).
     *
     * @throws IllegalArgumentException naming the field {@code font} and the value
     */
    public static Typeface parse(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Typeface t : values()) {
            if (t.id.equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("font: unknown font '" + text + "'; expected serif or sans");
    }
}
