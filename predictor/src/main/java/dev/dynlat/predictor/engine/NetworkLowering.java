package dev.dynlat.predictor.engine;

import dev.dynlat.operators.graph.OperatorGraph;
import dev.dynlat.operators.lowering.BlockDescription;
import dev.dynlat.operators.lowering.BlockDynamics;
import dev.dynlat.operators.lowering.BlockSchedule;
import dev.dynlat.operators.lowering.Composition;
import dev.dynlat.operators.lowering.ResidualLowering;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.StageDynamics;
import dev.dynlat.predictor.dynamic.VitDynamics;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.EncoderNode;
import dev.dynlat.predictor.workload.ExitNode;
import dev.dynlat.predictor.workload.FixedBlockNode;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkNode;
import dev.dynlat.predictor.workload.OperatorNode;
import dev.dynlat.predictor.workload.OperatorUse;
import dev.dynlat.predictor.workload.PolicyNode;
import dev.dynlat.predictor.workload.ResidualBlockNode;
import dev.dynlat.predictor.workload.Role;
import dev.dynlat.predictor.workload.TransformerParts;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowers a workload to the operators a scheduler runs, each with the expected number of times it
 * runs: stages → blocks → {@link OperatorUse}s. One path for every network; node types are
 * visited, never tested. Consecutive plain operators of a stage form one block, named after the
 * stage when the stage has nothing else.
 */
final class NetworkLowering {
    /**
     * A lowered block before costing, with what decides whether its operators run: the segment
     * (how many exits come before it: an input leaving at exit e runs segments 0..e; an exit's
     * head is in the segment of its own index), and for a policy-decided block the index of its
     * decision, its operators from {@code conditionalFrom} on being the ones the decision gates.
     * Weights are for a sample that runs the block (no exit or keep probability applied).
     */
    record LoweredBlock(String name, List<OperatorUse> operators, int segment, int decision, int conditionalFrom) {
        LoweredBlock(String name, List<OperatorUse> operators, int segment) {
            this(name, operators, segment, -1, operators.size());
        }

        boolean conditional(int operator) {
            return decision >= 0 && operator >= conditionalFrom;
        }
    }

    /** A lowered stage before costing. */
    record LoweredStage(String name, boolean residual, List<LoweredBlock> blocks) {
    }

    private final BlockSchedule schedule;
    private final Composition composition;
    private final long batch;
    private final CnnDynamics cnn;
    private final Network network;
    private final VitDynamics vit;

    NetworkLowering(Workload w, Schedule schedule, Composition composition, long batch) {
        this.schedule = BlockLoweringInputs.schedule(schedule);
        this.composition = composition;
        this.batch = batch;
        this.vit = w.dynamics() instanceof VitDynamics v ? v : null;
        this.cnn = w.dynamics() instanceof CnnDynamics c ? c : null;
        this.network = w.network();
        if (vit != null) {
            for (EncoderNode e : w.network().encoders()) {
                TransformerParts.checkKeeps(vit, e.heads(), e.tokens());
            }
        }
    }

    List<LoweredStage> lower(Network net) {
        List<LoweredStage> out = new ArrayList<>();
        Visitor v = new Visitor();
        for (Network.NetworkStage st : net.stages()) {
            boolean onlyOperators = st.onlyOperators();
            List<LoweredBlock> blocks = new ArrayList<>();
            List<OperatorUse> run = new ArrayList<>();
            String runName = null;
            int runSegment = v.segment;
            for (NetworkNode n : st.nodes()) {
                int segment = v.segment;
                List<OperatorUse> ops = n.accept(v);
                if (v.grouped) {
                    runSegment = runName == null ? segment : runSegment;
                    runName = runName == null ? n.id() : runName;
                    run.addAll(ops);
                    continue;
                }
                if (!run.isEmpty()) {
                    blocks.add(new LoweredBlock(runName, run, runSegment));
                    run = new ArrayList<>();
                }
                runName = null;
                blocks.add(v.decision >= 0
                        ? new LoweredBlock(n.id(), ops, segment, v.decision, v.conditionalFrom)
                        : new LoweredBlock(n.id(), ops, segment));
            }
            if (!run.isEmpty() || blocks.isEmpty()) {
                blocks.add(new LoweredBlock(onlyOperators ? st.name() : runName, run,
                        run.isEmpty() ? v.segment : runSegment));
            }
            out.add(new LoweredStage(st.name(), st.residual(), blocks));
        }
        return out;
    }

    /**
     * The same lowering node by node (stage name, node, its operators), for executing the network
     * natively: the execution builder adds dataflow to exactly the operators predictions cost.
     */
    List<LoweredNode> lowerNodes(Network net) {
        List<LoweredNode> out = new ArrayList<>();
        Visitor v = new Visitor();
        for (Network.NetworkStage st : net.stages()) {
            for (NetworkNode n : st.nodes()) {
                List<OperatorUse> ops = n.accept(v);
                out.add(new LoweredNode(st.name(), n, v.graph, ops));
            }
        }
        return out;
    }

    /** Lowers one node; {@code grouped} says whether its operators join the stage's current run. */
    private final class Visitor implements NetworkNode.Visitor<List<OperatorUse>> {
        boolean grouped;
        /** Exits passed so far. */
        int segment;
        /** The decision of the last residual block visited (-1: none) and where its gated part starts. */
        int decision = -1;
        int conditionalFrom;
        /** The operator graph of the last node visited when it is a residual block, else null. */
        OperatorGraph graph;

        @Override
        public List<OperatorUse> operator(OperatorNode n) {
            graph = null;
            grouped = true;
            decision = -1;
            return n.uses().at(batch);
        }

        @Override
        public List<OperatorUse> residualBlock(ResidualBlockNode n) {
            grouped = false;
            decision = network.decisionIndex(n.id());
            graph = compose(n);
            return BlockGraphs.uses(graph);
        }

        private OperatorGraph compose(ResidualBlockNode n) {
            BlockDescription block = n.block().description();
            if (decision >= 0) {
                conditionalFrom = ResidualLowering.policyBranchFrom(block, composition);
                return ResidualLowering.lower(block, BlockDynamics.policy(1), schedule, composition);
            }
            int[] at = cnn != null && n.dynamic() ? network.residualPosition(n.id()) : null;
            StageDynamics sd = at == null ? null : cnn.stages().get(at[0]);
            BlockDynamics dynamics = sd == null || !sd.dynamic() ? BlockDynamics.dense()
                    : BlockLoweringInputs.dynamics(cnn.paradigm(), sd, sd.rate(at[1]));
            return ResidualLowering.lower(block, dynamics, schedule, composition);
        }

        @Override
        public List<OperatorUse> fixedBlock(FixedBlockNode n) {
            graph = null;
            grouped = false;
            decision = -1;
            return n.uses().at(batch);
        }

        @Override
        public List<OperatorUse> encoder(EncoderNode n) {
            graph = null;
            grouped = false;
            decision = -1;
            return TransformerParts.encoder(batch, n.tokens(), n.dim(), n.heads(), n.mlpRatio(), n.dynamic() ? vit : null,
                    n.postNorm(), n.causal());
        }

        @Override
        public List<OperatorUse> exit(ExitNode n) {
            graph = null;
            List<OperatorUse> ops = nested(n.head(), Role.EXIT);
            grouped = false;
            decision = -1;
            segment++;
            return ops;
        }

        @Override
        public List<OperatorUse> policy(PolicyNode n) {
            graph = null;
            List<OperatorUse> ops = nested(n.nodes(), Role.MASKER);
            grouped = false;
            decision = -1;
            return ops;
        }

        private List<OperatorUse> nested(List<NetworkNode> nodes, Role role) {
            List<OperatorUse> ops = new ArrayList<>();
            for (NetworkNode c : nodes) {
                for (OperatorUse u : c.accept(this)) {
                    ops.add(new OperatorUse(u.name(), role, u.spec(), u.weight(), u.batchInShape()));
                }
            }
            return ops;
        }
    }
}
