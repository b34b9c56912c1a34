package dev.dynlat.predictor.workload;

import java.util.List;

/**
 * An early exit: a classifier head that branches off the main path. A sample that leaves here
 * runs nothing after it; the main path continues from the exit's input for the others.
 *
 * @param index 0-based position among the network's exits
 */
public record ExitNode(String id, int index, Shape output, List<NetworkNode> head) implements NetworkNode {
    public ExitNode {
        head = List.copyOf(head);
    }

    @Override
    public String kind() {
        return "exit";
    }

    @Override
    public double macs() {
        return head.stream().mapToDouble(NetworkNode::macs).sum();
    }

    @Override
    public double weights() {
        return head.stream().mapToDouble(NetworkNode::weights).sum();
    }

    @Override
    public boolean backboneBlock() {
        return false;
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
        return visitor.exit(this);
    }
}
