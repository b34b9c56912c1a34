package dev.dynlat.predictor.format;

import dev.dynlat.operators.profile.DeviceCatalog;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readable names for figure titles and panel labels: a network id as papers write it
 * ({@code resnet101} as ResNet-101) and a built-in device by its profile's display name, short
 * (no vendor, no remark in brackets). Ids that match no rule are shown as they are.
 */
public final class DisplayNames {

    /** A network id pattern and how its family is written; the groups fill in the rest. */
    private record Rule(Pattern id, String family, boolean upperSuffix) {
    }

    /** Kept as data: one row per family of the zoo, longest prefixes first. */
    private static final List<Rule> MODELS = List.of(
            new Rule(Pattern.compile("blockdrop-(.+)"), "BlockDrop ", false),
            new Rule(Pattern.compile("gfnet-(.+)-(\\d+)"), "GFNet ", false),
            new Rule(Pattern.compile("msdnet-(.+)"), "MSDNet-", false),
            new Rule(Pattern.compile("resnet(\\d+)"), "ResNet-", false),
            new Rule(Pattern.compile("regnety-(.+?)(-pycls)?"), "RegNetY-", true),
            new Rule(Pattern.compile("densenet-(\\d+)"), "DenseNet-", false),
            new Rule(Pattern.compile("efficientnet-(.+)"), "EfficientNet-", true),
            new Rule(Pattern.compile("mobilenetv3-(.+)"), "MobileNetV3-", false),
            new Rule(Pattern.compile("t2t-vit-(\\d+)"), "T2T-ViT-", false),
            new Rule(Pattern.compile("deit-(.+)"), "DeiT-", true));

    private static final Pattern BRACKETS = Pattern.compile("\\s*\\([^)]*\\)");

    private DisplayNames() {
    }

    /** A network id as papers write it, e.g. {@code regnety-800mf} as RegNetY-800MF. */
    public static String model(String id) {
        for (Rule rule : MODELS) {
            Matcher m = rule.id().matcher(id);
            if (m.matches()) {
                String rest = m.group(1);
                // A nested id (BlockDrop's or GFNet's backbone) is itself named.
                String named = rule.family().endsWith(" ") ? model(rest) : rest;
                // GFNet ids end in the glance resolution: "gfnet-resnet50-96" is GFNet ResNet-50 (96 px).
                String resolution = m.groupCount() > 1 && m.group(2) != null && m.group(2).matches("\\d+")
                        ? " (" + m.group(2) + " px)" : "";
                return rule.family() + (rule.upperSuffix() ? named.toUpperCase(Locale.ROOT) : named) + resolution;
            }
        }
        return id;
    }

    /** A built-in device's display name without vendor or bracketed remark; other names as given. */
    public static String device(String nameOrPath) {
        if (!DeviceCatalog.builtInNames().contains(nameOrPath)) {
            return nameOrPath;
        }
        String display = DeviceCatalog.load(nameOrPath).displayName();
        String shortName = BRACKETS.matcher(display).replaceAll("").strip();
        for (String vendor : List.of("NVIDIA ", "Intel ", "AMD ")) {
            if (shortName.startsWith(vendor)) {
                shortName = shortName.substring(vendor.length());
            }
        }
        return shortName.isEmpty() ? nameOrPath : shortName;
    }
}
