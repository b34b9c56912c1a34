package dev.dynlat.predictor.workload;

import java.util.List;

/** A residual CNN: stem operators, residual stages, head operators (pooling, classifier). */
public record ResidualNetwork(String name, List<NamedOperator> stem, List<Stage> stages, List<NamedOperator> head)
        implements Network {
    public ResidualNetwork {
        stem = List.copyOf(stem);
        stages = List.copyOf(stages);
        head = List.copyOf(head);
    }

    @Override
    public double denseMacs() {
        double macs = 0;
        for (NamedOperator op : stem) {
            macs += op.spec().macsPerSample();
        }
        for (Stage s : stages) {
            for (ResidualBlock b : s.blocks()) {
                macs += b.denseMacs();
            }
        }
        for (NamedOperator op : head) {
            macs += op.spec().macsPerSample();
        }
        return macs;
    }

    public int blockCount() {
        return stages.stream().mapToInt(s -> s.blocks().size()).sum();
    }
}
