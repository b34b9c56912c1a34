package dev.dynlat.predictor.workload;

import java.util.List;

/** The operators a node runs for one batch size (transformer shapes carry the batch). */
@FunctionalInterface
public interface OperatorUses {
    List<OperatorUse> at(long batch);
}
