package dev.dynlat.operators.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EchoedTextTest {
    @Test
    void controlCharactersAreShownNotObeyed() {
        assertEquals("model 'a\\nb\\r\\tc'", EchoedText.line("model 'a\nb\r\tc'"));
        assertEquals("x\\x1B[2J\\x1B[H\\x07\\x7F\\x9B", EchoedText.line("x\u001B[2J\u001B[H\u0007\u007F\u009B"));
        assertEquals("resnet\\u202E05\\u200B", EchoedText.line("resnet\u202E05\u200B"));
        assertEquals("caf\u00e9 \u4e2d\u6587 \uD83D\uDE00", EchoedText.line("caf\u00e9 \u4e2d\u6587 \uD83D\uDE00"),
                "printable text of any script is kept");
    }

    @Test
    void aLongRunKeepsItsEndsAndSaysHowMuchWasLeftOut() {
        String path = "/tmp/" + "d/".repeat(2150) + "x.json";
        String shown = EchoedText.line("--out: cannot write '" + path + "': file name too long");
        assertTrue(shown.endsWith("x.json': file name too long"), shown);
        assertTrue(shown.startsWith("--out: cannot write '/tmp/d/d/"), shown);
        int left = ("'" + path + "':").length() - EchoedText.HEAD_CHARS - EchoedText.TAIL_CHARS;
        assertTrue(shown.contains("...[" + left + " characters left out]..."), shown);
        assertTrue(shown.length() < 400, "length " + shown.length());
        String fine = "a".repeat(EchoedText.MAX_TOKEN_CHARS);
        assertEquals(fine, EchoedText.line(fine));
        assertFalse(EchoedText.line("a b  c").contains("left out"));
        assertEquals("a b  c", EchoedText.line("a b  c"));
    }

    @Test
    void nullIsShownAsNull() {
        assertEquals("null", EchoedText.line(null));
    }
}
