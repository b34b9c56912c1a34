package dev.dynlat.operators.input;

import java.util.Locale;

/**
 * The one sanitiser for text that echoes user input back to a terminal (error messages naming a
 * value, a path or an id). A message must stay one line and must not drive the terminal, so:
 * <ul>
 *   <li>newline, carriage return and tab are shown as {@code \n}, {@code \r}, {@code \t};</li>
 *   <li>every other control character (C0, DEL, C1, so the escape that starts a terminal
 *       sequence) is shown as {@code \xHH}, and the invisible format characters that reorder or
 *       hide text (bidirectional overrides, zero-width characters, the byte-order mark) as
 *       {@code \}{@code uHHHH};</li>
 *   <li>a run of more than {@value #MAX_TOKEN_CHARS} characters without a space (a pasted path or
 *       value) keeps its first {@value #HEAD_CHARS} and last {@value #TAIL_CHARS} characters around
 *       a note of how many were left out, so the reason after it stays on the screen.</li>
 * </ul>
 */
public final class EchoedText {
    /** Longest run of non-space characters shown whole. */
    public static final int MAX_TOKEN_CHARS = 240;
    static final int HEAD_CHARS = 120;
    static final int TAIL_CHARS = 60;

    private EchoedText() {
    }

    /** {@code text} as one line that is safe to print; null stays "null". */
    public static String line(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> escaped.append(escape(cp)));
        return shortenLongRuns(escaped.toString());
    }

    private static String escape(int cp) {
        return switch (cp) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> {
                if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
                    yield String.format(Locale.ROOT, "\\x%02X", cp);
                }
                if (invisibleFormat(cp)) {
                    yield String.format(Locale.ROOT, "\\u%04X", cp);
                }
                yield new String(Character.toChars(cp));
            }
        };
    }

    private static boolean invisibleFormat(int cp) {
        return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0xFEFF || cp == 0x061C || cp == 0x2028 || cp == 0x2029;
    }

    private static String shortenLongRuns(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), 4096));
        int i = 0;
        while (i < s.length()) {
            int j = i;
            while (j < s.length() && s.charAt(j) != ' ') {
                j++;
            }
            int run = j - i;
            if (run > MAX_TOKEN_CHARS) {
                int head = safeEnd(s, i + HEAD_CHARS);
                int tail = safeStart(s, j - TAIL_CHARS);
                out.append(s, i, head).append("...[").append(tail - head).append(" characters left out]...")
                        .append(s, tail, j);
            } else {
                out.append(s, i, j);
            }
            if (j < s.length()) {
                out.append(' ');
            }
            i = j + 1;
        }
        return out.toString();
    }

    /** Moves a cut off the middle of a surrogate pair. */
    private static int safeEnd(String s, int at) {
        return Character.isLowSurrogate(s.charAt(at)) ? at + 1 : at;
    }

    private static int safeStart(String s, int at) {
        return Character.isLowSurrogate(s.charAt(at)) ? at - 1 : at;
    }
}
