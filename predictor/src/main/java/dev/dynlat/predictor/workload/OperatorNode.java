package dev.dynlat.predictor.workload;

/**
 * A plain operator (or a fixed group of them, such as a T2T performer layer); consecutive
 * operators of a stage are reported together. Free reshapes lower to no operator at all.
 */
public record OperatorNode(String id, String kind, Shape output, OperatorUses uses, double macs, double weights)
        implements NetworkNode {
    @Override
    public boolean backboneBlock() {
        return false;
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
        return visitor.operator(this);
    }
}
