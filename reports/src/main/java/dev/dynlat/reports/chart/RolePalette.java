package dev.dynlat.reports.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one mapping from operator role to colour and hatch, used by every figure, so a role looks
 * the same in every breakdown of a paper whatever other roles a figure shows. The colours are
 * Okabe–Ito (told apart by colour-blind readers); every role also has its own hatch (or none),
 * so roles that print as similar greys still differ. Names that are no role (e.g. stage names in
 * a validation chart) take the fills no named role of the same chart uses, in order.
 */
public final class RolePalette {

    /** Role name to fill; the roles of a CNN breakdown come first, then a transformer's. */
    private static final Map<String, AreaFill> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("conv", new AreaFill(new Color(0x0072B2), Hatch.NONE));
        ROLES.put("dense", new AreaFill(new Color(0x009E73), Hatch.DIAGONAL));
        ROLES.put("gather", new AreaFill(new Color(0xE69F00), Hatch.BACK_DIAGONAL));
        ROLES.put("scatter", new AreaFill(new Color(0x56B4E9), Hatch.HORIZONTAL));
        ROLES.put("masker", new AreaFill(new Color(0xD55E00), Hatch.CROSS));
        ROLES.put("attention", new AreaFill(new Color(0xCC79A7), Hatch.VERTICAL));
        ROLES.put("mlp", new AreaFill(new Color(0xF0E442), Hatch.GRID));
        ROLES.put("other", new AreaFill(new Color(0xBBBBBB), Hatch.NONE));
        ROLES.put("exit", new AreaFill(new Color(0x000000), Hatch.NONE));
    }

    private RolePalette() {
    }

    /** The fixed fill of a role name (case-sensitive, as the sweep columns write it), if it is one. */
    public static Optional<AreaFill> role(String name) {
        return Optional.ofNullable(ROLES.get(name));
    }

    /** The role names with a fixed fill, in palette order. */
    public static List<String> roles() {
        return List.copyOf(ROLES.keySet());
    }

    /**
     * One fill per name, in order: a role's fixed fill, otherwise the next palette fill that no
     * role among {@code names} takes (cycling when there are more names than fills).
     */
    public static List<AreaFill> fills(List<String> names) {
        List<AreaFill> spare = new ArrayList<>(ROLES.values());
        for (String name : names) {
            role(name).ifPresent(spare::remove);
        }
        if (spare.isEmpty()) {
            spare.addAll(ROLES.values());
        }
        List<AreaFill> out = new ArrayList<>();
        int next = 0;
        for (String name : names) {
            Optional<AreaFill> fixed = role(name);
            if (fixed.isPresent()) {
                out.add(fixed.get());
            } else {
                out.add(spare.get(next++ % spare.size()));
            }
        }
        return out;
    }
}
