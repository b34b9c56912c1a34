package dev.dynlat.predictor.request;

import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.sweep.OptionSpace;
import dev.dynlat.predictor.sweep.SweepModel;
import java.util.Arrays;

/** {@code --options 1,2,4,8} or {@code all} as a per-stage cross product for a model. */
public final class SearchSpace {
    private SearchSpace() {
    }

    public static OptionSpace parse(String text, Paradigm paradigm, SweepModel model) {
        int n = model.stages().size();
        int[][] choices = new int[n][];
        boolean spatial = paradigm == Paradigm.SPATIAL;
        if (text.strip().equals("all")) {
            for (int i = 0; i < n; i++) {
                SweepModel.StageShape st = model.stages().get(i);
                choices[i] = spatial ? st.granularities() : st.channelGroups();
            }
            return new OptionSpace(choices, true);
        }
        int[] listed = PerStageList.parse("options", text);
        if (Arrays.stream(listed).distinct().count() != listed.length) {
            throw new IllegalArgumentException("options: '" + text + "' lists a value twice");
        }
        for (int i = 0; i < n; i++) {
            SweepModel.StageShape st = model.stages().get(i);
            choices[i] = Arrays.stream(listed).filter(v -> spatial ? st.fitsGranularity(v) : st.fitsChannelGroup(v))
                    .toArray();
            if (choices[i].length == 0) {
                throw new IllegalArgumentException("options: none of " + text + " fits stage " + (i + 1) + " ("
                        + st.name() + (spatial ? ", " + st.mapSide() + "x" + st.mapSide() + " map" : "") + ")");
            }
        }
        return new OptionSpace(choices, true);
    }
}
