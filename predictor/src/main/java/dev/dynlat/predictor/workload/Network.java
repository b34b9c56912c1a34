package dev.dynlat.predictor.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A network resolved at one input size: stages of nodes with every shape inferred. This is what
 * the engine lowers; {@link #description()} is what it was resolved from (for export). Immutable;
 * the views the engine asks for on every prediction (all nodes, residual stages, encoders,
 * exits) are computed once here, since a sweep predicts the same network millions of times.
 */
public final class Network {
    private final String name;
    private final NetworkDescription description;
    private final InputShape input;
    private final List<NetworkStage> stages;
    private final List<NetworkNode> allNodes;
    private final List<Stage> residualStages;
    private final int[] residualStagePositions;
    private final List<EncoderNode> encoders;
    private final List<ExitNode> exits;
    private final List<String> decidedBlocks;
    private final double denseMacs;
    private final java.util.Map<String, int[]> residualPositions = new java.util.HashMap<>();
    private final java.util.Map<String, Integer> decisionIndex = new java.util.HashMap<>();

    /**
     * @param name network name
     * @param description the network as written
     * @param input the input it was resolved at
     * @param stages stages in execution order
     */
    public Network(String name, NetworkDescription description, InputShape input, List<NetworkStage> stages) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = description;
        this.input = Objects.requireNonNull(input, "input");
        this.stages = List.copyOf(stages);
        this.allNodes = this.stages.stream().flatMap(s -> s.nodes().stream()).toList();
        this.residualStages = List.copyOf(findResidualStages(this.stages));
        this.residualStagePositions = new int[residualStages.size()];
        for (int i = 0, k = 0; i < this.stages.size() && k < residualStagePositions.length; i++) {
            if (this.stages.get(i).name().equals(residualStages.get(k).name()) && holdsDynamicBlock(this.stages.get(i))) {
                residualStagePositions[k++] = i;
            }
        }
        List<EncoderNode> enc = new ArrayList<>();
        List<ExitNode> ex = new ArrayList<>();
        for (NetworkNode n : allNodes) {
            if (n instanceof EncoderNode e) {
                enc.add(e);
            }
            if (n instanceof ExitNode e) {
                ex.add(e);
            }
        }
        this.encoders = List.copyOf(enc);
        this.exits = List.copyOf(ex);
        List<String> decided = new ArrayList<>();
        for (NetworkNode n : allNodes) {
            if (n instanceof PolicyNode p) {
                decided.addAll(p.decides());
            }
        }
        this.decidedBlocks = List.copyOf(decided);
        for (int i = 0; i < decidedBlocks.size(); i++) {
            decisionIndex.put(decidedBlocks.get(i), i);
        }
        this.denseMacs = allNodes.stream().mapToDouble(NetworkNode::macs).sum();
        for (int i = 0; i < residualStages.size(); i++) {
            List<ResidualBlock> blocks = residualStages.get(i).blocks();
            for (int b = 0; b < blocks.size(); b++) {
                residualPositions.put(blocks.get(b).name(), new int[] {i, b});
            }
        }
    }

    /** The position of a block's decision among {@link #decidedBlocks()} (a policy's bit), or -1. */
    public int decisionIndex(String blockId) {
        return decisionIndex.isEmpty() ? -1 : decisionIndex.getOrDefault(blockId, -1);
    }

    /**
     * Where a dynamic residual block sits among {@link #residualStages()}: {stage, block}, or null
     * for a block dynamics never touch.
     */
    public int[] residualPosition(String blockId) {
        int[] p = residualPositions.get(blockId);
        return p == null ? null : p.clone();
    }

    public String name() {
        return name;
    }

    public NetworkDescription description() {
        return description;
    }

    /** The input this network was resolved at. */
    public InputShape input() {
        return input;
    }

    public List<NetworkStage> stages() {
        return stages;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Network n && n.name.equals(name) && n.input.equals(input) && n.stages.equals(stages)
                && Objects.equals(n.description, description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, input, stages);
    }

    @Override
    public String toString() {
        return "Network[" + name + " at " + input.describe() + ", " + stages.size() + " stages]";
    }

    /**
     * One stage of resolved nodes.
     *
     * @param residual whether the stage holds backbone blocks (they make up "blocks only" latency)
     * @param onlyOperators whether every node is a plain operator (the stage reports as one block)
     */
    public record NetworkStage(String name, List<NetworkNode> nodes, boolean residual, boolean onlyOperators) {
        public NetworkStage {
            nodes = List.copyOf(nodes);
        }

        public NetworkStage(String name, List<NetworkNode> nodes) {
            this(name, nodes, nodes.stream().anyMatch(NetworkNode::backboneBlock),
                    nodes.stream().allMatch(n -> n instanceof OperatorNode));
        }
    }

    /** Dense multiply-accumulates of one sample (conv + linear + matmul), every node included. */
    public double denseMacs() {
        return denseMacs;
    }

    /** Weights of conv, linear and SE layers. */
    public double weights() {
        return allNodes().stream().mapToDouble(NetworkNode::weights).sum();
    }

    /** Backbone blocks. */
    public int blockCount() {
        return (int) allNodes().stream().filter(NetworkNode::backboneBlock).count();
    }

    public List<NetworkNode> allNodes() {
        return allNodes;
    }

    /**
     * The stages that hold residual blocks dynamics may address, each with those blocks in order:
     * per-stage options ({@code --granularity 4,4,2,1}) and rate lists count these.
     */
    public List<Stage> residualStages() {
        return residualStages;
    }

    /**
     * The index in {@link #stages()} of each of {@link #residualStages()}: stages of backbone blocks
     * that dynamics cannot address (MobileNetV2's blocks without a shortcut) are not among them, so
     * the two lists differ and a per-stage table must not pair them by position.
     */
    public int[] residualStagePositions() {
        return residualStagePositions.clone();
    }

    private static boolean holdsDynamicBlock(NetworkStage s) {
        return s.nodes().stream().anyMatch(n -> n instanceof ResidualBlockNode r && r.dynamic());
    }

    private static List<Stage> findResidualStages(List<NetworkStage> stages) {
        List<Stage> out = new ArrayList<>();
        for (NetworkStage s : stages) {
            List<ResidualBlock> blocks = new ArrayList<>();
            for (NetworkNode n : s.nodes()) {
                if (n instanceof ResidualBlockNode r && r.dynamic()) {
                    blocks.add(r.block());
                }
            }
            if (!blocks.isEmpty()) {
                out.add(new Stage(s.name(), blocks.get(blocks.size() - 1).outSize(), blocks));
            }
        }
        return out;
    }

    /** Transformer encoder blocks. */
    public List<EncoderNode> encoders() {
        return encoders;
    }

    /**
     * Cumulative dense MACs of one sample that leaves at each exit, in exit order: every node
     * before the exit, earlier exits' heads included, plus the exit's own head (how GFNet and
     * MSDNet count the cost of an exit).
     */
    public double[] exitMacs() {
        List<ExitNode> exits = exits();
        double[] out = new double[exits.size()];
        double sum = 0;
        for (NetworkNode n : allNodes()) {
            sum += n.macs();
            if (n instanceof ExitNode e) {
                out[e.index()] = sum;
            }
        }
        return out;
    }

    /** Dense MACs of the policy networks (side networks that decide which blocks run). */
    public double policyMacs() {
        return allNodes().stream().filter(n -> n instanceof PolicyNode).mapToDouble(NetworkNode::macs).sum();
    }

    /** The blocks the policies decide, in the order of the policies' decisions (a policy's bits). */
    public List<String> decidedBlocks() {
        return decidedBlocks;
    }

    /** Early exits in order. */
    public List<ExitNode> exits() {
        return exits;
    }
}
