package dev.dynlat.operators.graph;

import dev.dynlat.operators.spec.OperatorSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A block lowered to operators with its dataflow: nodes in the order the block lists them (the
 * order costs are summed in), each reading and writing tensor ids. Tensor {@link #input} is the
 * block's input, {@link #output} its result. The listing order need not be a dataflow order (a
 * shortcut may be listed after the add that reads it); the ids say what feeds what.
 *
 * @param input  id of the block's input tensor
 * @param output id of the tensor the block returns
 * @param nodes  the operators, in listing order
 */
public record OperatorGraph(int input, int output, List<GraphNode> nodes) {
    public OperatorGraph {
        nodes = List.copyOf(nodes);
        Set<Integer> written = new HashSet<>();
        written.add(input);
        for (GraphNode n : nodes) {
            if (!written.add(n.output())) {
                throw new IllegalArgumentException("tensor " + n.output() + " written twice (by " + n.name() + ")");
            }
        }
        for (GraphNode n : nodes) {
            for (int t : n.inputs()) {
                if (!written.contains(t)) {
                    throw new IllegalArgumentException(n.name() + " reads tensor " + t + ", which nothing writes");
                }
            }
        }
        if (!written.contains(output)) {
            throw new IllegalArgumentException("output tensor " + output + " is written by no node");
        }
    }

    /** The nodes of {@code role}, in listing order. */
    public List<GraphNode> withRole(BlockRole role) {
        return nodes.stream().filter(n -> n.role() == role).toList();
    }

    /** The one node of {@code role}, or null when there is none; more than one is an error. */
    public GraphNode single(BlockRole role) {
        List<GraphNode> found = withRole(role);
        if (found.size() > 1) {
            throw new IllegalStateException("more than one " + role + " node: " + found);
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** The node writing tensor {@code id}, or null for the graph input. */
    public GraphNode producer(int id) {
        for (GraphNode n : nodes) {
            if (n.output() == id) {
                return n;
            }
        }
        return null;
    }

    /** Builds a graph node by node; tensor ids are handed out in order from the input's 0. */
    public static final class Builder {
        private final List<GraphNode> nodes = new ArrayList<>();
        private int next = 1;

        /** Id of the block's input tensor. */
        public int input() {
            return 0;
        }

        /** A fresh tensor id, for a tensor that a node listed later writes. */
        public int reserve() {
            return next++;
        }

        /** Adds a node writing a fresh tensor; returns that tensor's id. */
        public int add(String name, BlockRole role, OperatorSpec spec, double probability, int... inputs) {
            int out = reserve();
            addTo(out, name, role, spec, probability, inputs);
            return out;
        }

        /** Adds a node writing the reserved tensor {@code output}; returns it. */
        public int addTo(int output, String name, BlockRole role, OperatorSpec spec, double probability,
                         int... inputs) {
            List<Integer> in = new ArrayList<>(inputs.length);
            for (int i : inputs) {
                in.add(i);
            }
            nodes.add(new GraphNode(name, role, spec, in, output, probability));
            return output;
        }

        /**
         * The tensor written by the latest node whose name is {@code name} or starts with it and a
         * space (a layer run on part of the map carries a suffix); the input when none is listed yet.
         */
        public int latestOutputOf(String name) {
            for (int i = nodes.size() - 1; i >= 0; i--) {
                GraphNode n = nodes.get(i);
                if (n.name().equals(name) || n.name().startsWith(name + " ")) {
                    return n.output();
                }
            }
            return input();
        }

        public OperatorGraph build(int output) {
            return new OperatorGraph(input(), output, nodes);
        }
    }
}
