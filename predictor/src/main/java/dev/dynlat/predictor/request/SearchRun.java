package dev.dynlat.predictor.request;

import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.sweep.GranularitySearch;
import dev.dynlat.predictor.sweep.OptionSpace;
import dev.dynlat.predictor.sweep.SweepModel;
import dev.dynlat.predictor.sweep.SweepWorkloads;
import java.util.ArrayList;
import java.util.List;

/** Runs a {@link SearchRequest}: loads the model and device, then finds the optimum and the Pareto sets. */
public final class SearchRun {
    private SearchRun() {
    }

    public static SearchResult run(SearchRequest req, Workspace ws) {
        Paradigm paradigm = req.paradigm();
        double[] rateGrid = req.rateGrid();
        List<AccuracyTable.Entry> accuracies = req.accuracy() == null ? List.of() : AccuracyTable.load(req.accuracy());
        // The network as given (a file is not looked up by its name in the zoo) at its --input.
        SweepModel model = SweepWorkloads.model(req.target().network(ws), req.target().model());
        OptionSpace space = SearchSpace.parse(req.options(), paradigm, model);
        DeviceProfile profile = req.target().profile(ws);
        Predictor predictor = req.target().predictor(ws, profile);
        GranularitySearch search = new GranularitySearch(predictor, model, paradigm, space);
        GranularitySearch.Result optimum = req.rate() == null ? null : search.at(req.rate());
        List<GranularitySearch.Result> front = List.of();
        if (rateGrid.length > 0) {
            List<GranularitySearch.Result> results = new ArrayList<>();
            for (double r : rateGrid) {
                results.add(search.at(r));
            }
            front = GranularitySearch.pareto(results, x -> x.best().latencyMs(), GranularitySearch.Result::rate);
        }
        return new SearchResult(model, profile.name(), predictor.batch(), paradigm, space, optimum, front,
                accuracyPareto(search, accuracies, model), accuracies.size());
    }

    private static List<SearchResult.AccuracyPoint> accuracyPareto(GranularitySearch search,
                                                                  List<AccuracyTable.Entry> entries, SweepModel model) {
        if (entries.isEmpty()) {
            return List.of();
        }
        List<int[]> configs = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (AccuracyTable.Entry e : entries) {
            configs.add(e.perStage(model.stages().size()));
            rates.add(e.rate());
        }
        List<GranularitySearch.Config> lat;
        try {
            lat = search.latencies(configs, rates);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("accuracy: " + ex.getMessage() + "; widen --options");
        }
        List<SearchResult.AccuracyPoint> points = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            points.add(new SearchResult.AccuracyPoint(entries.get(i), lat.get(i).latencyMs()));
        }
        return GranularitySearch.pareto(points, SearchResult.AccuracyPoint::latencyMs,
                p -> p.entry().accuracyPct());
    }
}
