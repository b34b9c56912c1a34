package dev.dynlat.predictor.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * A network resolved at one input size: stages of nodes with every shape inferred. This is what
 * the engine lowers; {@link #description()} is what it was resolved from (for export).
 *
 * @param name network name
 * @param description the network as written
 * @param inputSize side of the input image it was resolved at
 * @param stages stages in execution order
 */
public record Network(String name, NetworkDescription description, int inputSize, List<NetworkStage> stages) {
    public Network {
        stages = List.copyOf(stages);
    }

    /** One stage of resolved nodes. */
    public record NetworkStage(String name, List<NetworkNode> nodes) {
        public NetworkStage {
            nodes = List.copyOf(nodes);
        }

        /** Whether the stage holds backbone blocks (they make up "blocks only" latency). */
        public boolean residual() {
            return nodes.stream().anyMatch(NetworkNode::backboneBlock);
        }
    }

    /** Dense multiply-accumulates of one sample (conv + linear + matmul), every node included. */
    public double denseMacs() {
        return allNodes().stream().mapToDouble(NetworkNode::macs).sum();
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
        return stages.stream().flatMap(s -> s.nodes().stream()).toList();
    }

    /**
     * The stages that hold residual blocks dynamics may address, each with those blocks in order:
     * per-stage options ({@code --granularity 4,4,2,1}) and rate lists count these.
     */
    public List<Stage> residualStages() {
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
        List<EncoderNode> out = new ArrayList<>();
        for (NetworkNode n : allNodes()) {
            if (n instanceof EncoderNode e) {
                out.add(e);
            }
        }
        return out;
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
        List<String> out = new ArrayList<>();
        for (NetworkNode n : allNodes()) {
            if (n instanceof PolicyNode p) {
                out.addAll(p.decides());
            }
        }
        return out;
    }

    /** Early exits in order. */
    public List<ExitNode> exits() {
        List<ExitNode> out = new ArrayList<>();
        for (NetworkNode n : allNodes()) {
            if (n instanceof ExitNode e) {
                out.add(e);
            }
        }
        return out;
    }
}
