package dev.dynlat.predictor.workload;

import java.util.List;

/**
 * A policy network that runs where it stands (off the main path) and decides whether each of
 * the blocks {@code decides} runs (BlockDrop).
 */
public record PolicyNode(String id, Shape output, List<NetworkNode> nodes, List<String> decides)
        implements NetworkNode {
    public PolicyNode {
        nodes = List.copyOf(nodes);
        decides = List.copyOf(decides);
    }

    @Override
    public String kind() {
        return "policy";
    }

    @Override
    public double macs() {
        return nodes.stream().mapToDouble(NetworkNode::macs).sum();
    }

    @Override
    public double weights() {
        return nodes.stream().mapToDouble(NetworkNode::weights).sum();
    }

    @Override
    public boolean backboneBlock() {
        return false;
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
        return visitor.policy(this);
    }
}
