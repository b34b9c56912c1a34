package dev.dynlat.operators.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.dynlat.operators.input.InputFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML into {@link YamlNode}s with line numbers. Jackson's tree model drops locations, so
 * the tree is built here from the streaming parser.
 */
public final class YamlParser {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().loaderOptions(loaderOptions())
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();

    /**
     * The YAML reader's own limits set to ours: SnakeYAML stops at 3 MiB of code points by
     * default, under the {@link InputFiles#MAX_BYTES} (64 MiB) every input file is allowed.
     */
    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit((int) InputFiles.MAX_BYTES);
        return o;
    }

    private YamlParser() {
    }

    /** As {@link #parse(String, Path)} with the option called {@code file}. */
    public static YamlNode parse(Path file) {
        return parse("file", file);
    }

    /**
     * Parses a file read by {@link InputFiles#readUtf8}; syntax errors become a {@link YamlException}
     * with the file and line.
     *
     * @param option the option that named the file, for messages about an unusable file
     */
    public static YamlNode parse(String option, Path file) {
        return parse(InputFiles.readUtf8(option, file), file.toString());
    }

    /** Parses text; {@code source} names it in messages (a file name or a resource). */
    public static YamlNode parse(String text, String source) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new YamlException(List.of(source + ":1: the document is empty"));
            }
            YamlNode root = read(parser, "", source);
            if (parser.nextToken() != null) {
                throw new YamlException(List.of(source + ":" + line(parser.currentLocation())
                        + ": more than one YAML document"));
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage().lines().findFirst().orElse("malformed YAML");
            throw new YamlException(List.of(source + ":" + (loc == null ? 1 : line(loc))
                    + ": malformed YAML: " + msg));
        } catch (IOException e) {
            throw new YamlException(List.of(source + ": cannot read: " + e.getMessage()));
        }
    }

    private static int line(JsonLocation loc) {
        return Math.max(1, loc.getLineNr());
    }

    private static YamlNode read(JsonParser p, String path, String source) throws IOException {
        JsonToken t = p.currentToken();
        int line = line(p.currentTokenLocation());
        // The streaming parser hands an alias over as the anchor's name, which would be read as
        // text ('display_name: *prov' as "prov"): refused, so a value never silently changes.
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            throw new YamlException(List.of(source + ":" + line + " " + (path.isEmpty() ? "(document)" : path)
                    + ": YAML aliases are not supported (*" + p.getText() + "); write the value out"));
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p.currentTokenLocation());
                    p.nextToken();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (entries.containsKey(key)) {
                        throw new YamlException(List.of(source + ":" + keyLine + " " + childPath
                                + ": duplicate key '" + key + "'"));
                    }
                    entries.put(key, read(p, childPath, source));
                    keyLines.put(key, keyLine);
                }
                return new YamlNode.Mapping(entries, keyLines, line, path);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, path + "[" + i + "]", source));
                    i++;
                }
                return new YamlNode.Sequence(items, line, path);
            }
            case VALUE_NULL:
                return new YamlNode.Scalar(null, false, line, path);
            case VALUE_STRING:
                return new YamlNode.Scalar(p.getText(), true, line, path);
            default:
                return new YamlNode.Scalar(p.getText(), false, line, path);
        }
    }
}
