package dev.dynlat.predictor.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The package dependency graph of the project's main sources (an edge for every reference from one
 * package to another, same module or not) and its cycles. Each strongly connected component of
 * more than one package is reported as one concrete cycle through its first package, every edge
 * with the first file:line that creates it, so that the message says where to cut.
 */
final class PackageCycles {
    /** from → to → first location (file:line) of a reference creating the edge. */
    private final Map<String, TreeMap<String, String>> edges = new TreeMap<>();

    private PackageCycles(List<JavaSource> sources) {
        for (JavaSource s : sources) {
            edges.computeIfAbsent(s.pkg(), k -> new TreeMap<>());
            for (JavaSource.Reference r : s.references()) {
                if (!ProjectNames.inProject(r.name())) {
                    continue;
                }
                String to = ProjectNames.packageOf(r.name());
                if (!to.equals(s.pkg())) {
                    edges.get(s.pkg()).putIfAbsent(to, s.at(r.line()));
                }
            }
        }
    }

    static List<String> violations(List<JavaSource> sources) {
        PackageCycles g = new PackageCycles(sources);
        List<String> out = new ArrayList<>();
        for (Set<String> component : g.components()) {
            out.add(g.describe(g.cycleThrough(component.iterator().next(), component)));
        }
        return out;
    }

    private String describe(List<String> cycle) {
        StringBuilder sb = new StringBuilder("package cycle " + String.join(" -> ", cycle));
        for (int i = 0; i + 1 < cycle.size(); i++) {
            String from = cycle.get(i);
            String to = cycle.get(i + 1);
            sb.append("\n    ").append(edges.get(from).get(to)).append(": ").append(from).append(" -> ").append(to);
        }
        return sb.toString();
    }

    /** The shortest cycle from {@code start} back to it inside one component (breadth first), start repeated at the end. */
    private List<String> cycleThrough(String start, Set<String> component) {
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String v = queue.poll();
            for (String w : edges.getOrDefault(v, new TreeMap<>()).keySet()) {
                if (!component.contains(w)) {
                    continue;
                }
                if (w.equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String u = v; u != null; u = u.equals(start) ? null : parent.get(u)) {
                        path.add(0, u);
                    }
                    path.add(start);
                    return path;
                }
                if (!parent.containsKey(w)) {
                    parent.put(w, v);
                    queue.add(w);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start + " in " + component);
    }

    /** Strongly connected components with more than one package (Tarjan), each sorted, in name order. */
    private List<Set<String>> components() {
        Tarjan t = new Tarjan();
        for (String v : edges.keySet()) {
            if (!t.index.containsKey(v)) {
                t.visit(v);
            }
        }
        t.found.sort((a, b) -> a.first().compareTo(b.first()));
        return new ArrayList<>(t.found);
    }

    private final class Tarjan {
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Integer> low = new HashMap<>();
        final Deque<String> stack = new ArrayDeque<>();
        final Set<String> onStack = new HashSet<>();
        final List<TreeSet<String>> found = new ArrayList<>();

        void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            for (String w : edges.getOrDefault(v, new TreeMap<>()).keySet()) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                TreeSet<String> component = new TreeSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1) {
                    found.add(component);
                }
            }
        }
    }
}
