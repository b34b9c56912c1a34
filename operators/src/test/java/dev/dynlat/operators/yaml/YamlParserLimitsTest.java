package dev.dynlat.operators.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The YAML reader's own limits and forms set to ours: 64 MiB of text, no aliases, empty is null. */
class YamlParserLimitsTest {
    @Test
    void aDocumentOverTheReadersDefaultThreeMebibytesIsRead() {
        StringBuilder sb = new StringBuilder("nodes:\n");
        int n = 150_000;
        for (int i = 0; i < n; i++) {
            sb.append("  - {id: n").append(i).append(", op: relu}  # a comment to make the line longer\n");
        }
        assertEquals(true, sb.length() > 4 << 20, "over 4 MiB: " + sb.length());
        YamlNode root = YamlParser.parse(sb.toString(), "big.yaml");
        YamlNode.Sequence nodes = assertInstanceOf(YamlNode.Sequence.class, ((YamlNode.Mapping) root).entries().get("nodes"));
        assertEquals(n, nodes.items().size());
    }

    @Test
    void anAliasIsRefusedNotReadAsTheAnchorsName() {
        YamlException e = assertThrows(YamlException.class,
                () -> YamlParser.parse("name: &prov v100\ndisplay_name: *prov\n", "p.yaml"));
        assertEquals("p.yaml:2 display_name: YAML aliases are not supported (*prov); write the value out",
                e.getMessage());
        YamlException merge = assertThrows(YamlException.class,
                () -> YamlParser.parse("base: &b {x: 1}\nmore:\n  <<: *b\n", "m.yaml"));
        assertEquals("m.yaml:3 more.<<: YAML aliases are not supported (*b); write the value out", merge.getMessage());
    }

    @Test
    void anEmptyValueIsNull() {
        YamlNode.Mapping m = (YamlNode.Mapping) YamlParser.parse("layer:\nother: x\n", "e.yaml");
        assertNull(((YamlNode.Scalar) m.entries().get("layer")).text());
    }
}
