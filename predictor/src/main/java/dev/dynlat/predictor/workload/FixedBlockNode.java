package dev.dynlat.predictor.workload;

/**
 * A backbone block that always runs densely (dense layer, transition, MBConv without a
 * shortcut): a named group of operators.
 */
public record FixedBlockNode(String id, String kind, Shape output, OperatorUses uses, double macs, double weights)
        implements NetworkNode {
    @Override
    public boolean backboneBlock() {
        return true;
    }

    @Override
    public <T> T accept(Visitor<T> visitor) {
        return visitor.fixedBlock(this);
    }
}
