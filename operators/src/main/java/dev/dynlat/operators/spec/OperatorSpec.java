package dev.dynlat.operators.spec;

/**
 * The shape of one operator, independent of any device. Implementations are immutable records
 * that validate their fields on construction, so a cost model never sees an impossible shape.
 * The hierarchy is sealed: every kind is listed here, and every cost variant's table
 * ({@code dev.dynlat.operators.cost.CostTable}), the registry built from it
 * ({@code dev.dynlat.operators.cost.CostModels}) and their tests cover exactly these.
 */
public sealed interface OperatorSpec permits ActivationSpec, AvgPoolSpec, BroadcastMulSpec, ChannelMaskerSpec,
        ConcatSpec, Conv2dSpec, CropSpec, ElementwiseSpec, EmbeddingSpec, GatherSpec, GruCellSpec, LayerGateSpec, LinearSpec,
        MaskerScheduleSpec, MatmulSpec, MaxPoolSpec, NormSpec, ReduceSpec, ResizeSpec, ScatterSpec, SoftmaxSpec,
        SpatialConvSpec, SpatialMaskerSpec, SqueezeExcitationSpec, UnfoldSpec {

    /** Operator kind, e.g. {@code conv}; also the class label the calibration fits. */
    String kind();

    /** Multiply-accumulates of one sample (dense work, before any skipping). */
    double macsPerSample();

    /** Multiply-accumulates one sample executes (a channel-skipping kind computes only what it keeps). */
    default double executedMacsPerSample() {
        return macsPerSample();
    }
}
