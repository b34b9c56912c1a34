package dev.dynlat.predictor.sweep;

import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Predictor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * LAUDNet's latency-guided design step: the per-stage S (or G) that minimises latency at a target
 * rate, with the margin to the runner-up, and Pareto sets over rates or user accuracies.
 *
 * <p>Exact without enumeration: whole-network latency is the fixed stem and head plus one term
 * per stage that depends only on that stage's option (see {@link StageTable}), so the optimum
 * takes every stage's fastest option, and the runner-up differs from it in exactly the one stage
 * whose second-fastest option costs least extra. Nothing is pruned: every option of every stage
 * is predicted.
 */
public final class GranularitySearch {
    private final Predictor predictor;
    private final SweepModel model;
    private final Paradigm paradigm;
    private final OptionSpace space;

    /**
     * @param space the per-stage candidates; must be a cross product
     */
    public GranularitySearch(Predictor predictor, SweepModel model, Paradigm paradigm, OptionSpace space) {
        if (paradigm != Paradigm.SPATIAL && paradigm != Paradigm.CHANNEL) {
            throw new IllegalArgumentException("mode: a granularity search needs spatial or channel, got "
                    + paradigm.id());
        }
        if (!space.crossProduct()) {
            throw new IllegalArgumentException("options: a search picks per stage; give a cross-product space");
        }
        this.predictor = predictor;
        this.model = model;
        this.paradigm = paradigm;
        this.space = space;
    }

    /**
     * A configuration and its latency.
     *
     * @param perStage S or G of every stage
     * @param latencyMs whole network, milliseconds per batch
     */
    public record Config(int[] perStage, double latencyMs) {
        public Config {
            perStage = perStage.clone();
        }

        @Override
        public int[] perStage() {
            return perStage.clone();
        }

        /** {@code 4-4-2-1}. */
        public String label() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < perStage.length; i++) {
                sb.append(i == 0 ? "" : "-").append(perStage[i]);
            }
            return sb.toString();
        }
    }

    /**
     * The result at one rate.
     *
     * @param rate activation rate
     * @param best the fastest configuration
     * @param runnerUp the second fastest (equal to {@code best} when the space has one combination)
     * @param stages per stage: its best and second-best option and their latencies
     * @param combinations size of the space the optimum is exact over
     */
    public record Result(double rate, Config best, Config runnerUp, List<StageChoice> stages, long combinations) {
        public Result {
            stages = List.copyOf(stages);
        }

        /** How much slower the runner-up is, milliseconds per batch. */
        public double marginMs() {
            return runnerUp.latencyMs() - best.latencyMs();
        }
    }

    /**
     * One stage's ranking.
     *
     * @param stage index from 0
     * @param best the fastest option
     * @param bestMs its stage latency
     * @param second the second-fastest option, or the best when the stage has one candidate
     * @param secondMs its stage latency
     */
    public record StageChoice(int stage, int best, double bestMs, int second, double secondMs) {
    }

    /** The optimum and runner-up at one rate. */
    public Result at(double rate) {
        StageTable t = StageTable.of(predictor, model, paradigm, space, rate);
        int n = t.stageCount();
        int[] best = new int[n];
        List<StageChoice> choices = new ArrayList<>();
        int swapStage = -1;
        int swapIndex = -1;
        double swapCost = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int first = -1;
            int second = -1;
            for (int j = 0; j < t.choiceCount(i); j++) {
                double v = t.stage(i, j).latencyMs();
                if (first < 0 || v < t.stage(i, first).latencyMs()) {
                    second = first;
                    first = j;
                } else if (second < 0 || v < t.stage(i, second).latencyMs()) {
                    second = j;
                }
            }
            best[i] = first;
            int sec = second < 0 ? first : second;
            choices.add(new StageChoice(i, space.value(i, first), t.stage(i, first).latencyMs(), space.value(i, sec),
                    t.stage(i, sec).latencyMs()));
            if (second >= 0) {
                double extra = t.stage(i, second).latencyMs() - t.stage(i, first).latencyMs();
                if (extra < swapCost) {
                    swapCost = extra;
                    swapStage = i;
                    swapIndex = second;
                }
            }
        }
        Config bestConfig = config(t, best);
        Config runnerUp = bestConfig;
        if (swapStage >= 0) {
            int[] r = best.clone();
            r[swapStage] = swapIndex;
            runnerUp = config(t, r);
        }
        return new Result(rate, bestConfig, runnerUp, choices, space.size());
    }

    private Config config(StageTable t, int[] indices) {
        int[] values = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            values[i] = space.value(i, indices[i]);
        }
        return new Config(values, t.latencyMs(indices));
    }

    /** Latency of given configurations at their rates (for user accuracy tables), in input order. */
    public List<Config> latencies(List<int[]> perStage, List<Double> rates) {
        List<Config> out = new ArrayList<>();
        StageTable cached = null;
        double cachedRate = Double.NaN;
        for (int k = 0; k < perStage.size(); k++) {
            double rate = rates.get(k);
            if (cached == null || rate != cachedRate) {
                cached = StageTable.of(predictor, model, paradigm, space, rate);
                cachedRate = rate;
            }
            int[] values = perStage.get(k);
            int[] idx = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                idx[i] = indexOf(i, values[i]);
            }
            out.add(new Config(values, cached.latencyMs(idx)));
        }
        return out;
    }

    private int indexOf(int stage, int value) {
        for (int j = 0; j < space.choiceCount(stage); j++) {
            if (space.value(stage, j) == value) {
                return j;
            }
        }
        throw new IllegalArgumentException("option: " + value + " is not a candidate of stage " + (stage + 1)
                + " (" + model.stages().get(stage).name() + ")");
    }

    /**
     * The points no other point beats on both objectives: lower latency and higher score (rate or
     * accuracy), ties kept once. Returned by increasing latency.
     */
    public static <T> List<T> pareto(List<T> points, java.util.function.ToDoubleFunction<T> latency,
                                     java.util.function.ToDoubleFunction<T> score) {
        List<T> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(latency).thenComparing(Comparator.comparingDouble(score).reversed()));
        List<T> front = new ArrayList<>();
        double bestScore = Double.NEGATIVE_INFINITY;
        for (T p : sorted) {
            if (score.applyAsDouble(p) > bestScore) {
                front.add(p);
                bestScore = score.applyAsDouble(p);
            }
        }
        return front;
    }
}
