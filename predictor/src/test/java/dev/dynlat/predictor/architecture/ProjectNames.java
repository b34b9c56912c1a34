package dev.dynlat.predictor.architecture;

/**
 * How the project's qualified names split: packages are lower-case segments, types start with a
 * capital, and a package {@code dev.dynlat.<module>…} lives in that module (with {@code -} removed
 * from the folder name, as Java needs).
 */
final class ProjectNames {
    static final String ROOT = "dev.dynlat.";

    private ProjectNames() {
    }

    static boolean inProject(String name) {
        return name.startsWith(ROOT);
    }

    /** The package part of a referenced name: everything before the first capitalised segment. */
    static String packageOf(String name) {
        String[] parts = name.split("\\.");
        StringBuilder pkg = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty() && Character.isUpperCase(p.charAt(0))) {
                break;
            }
            if (pkg.length() > 0) {
                pkg.append('.');
            }
            pkg.append(p);
        }
        return pkg.toString();
    }

    /** The module segment of a project package ({@code dev.dynlat.calibration.suite} → {@code calibration}). */
    static String moduleSegment(String pkg) {
        String rest = pkg.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    static boolean within(String pkg, String prefix) {
        return pkg.equals(prefix) || pkg.startsWith(prefix + ".");
    }
}
