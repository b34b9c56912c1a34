package dev.dynlat.predictor.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.yaml.YamlException;
import dev.dynlat.predictor.dynamic.Paradigm;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepSpecLoaderTest {
    private static List<String> problems(String yaml) {
        YamlException e = assertThrows(YamlException.class, () -> SweepSpecLoader.parse(yaml, "s.yaml"));
        return e.problems();
    }

    private static void assertHas(List<String> problems, String fragment) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(fragment)), fragment + " not in " + problems);
    }

    @Test
    void theTenThousandRowExampleHasItsRows() {
        SweepPlan plan = SweepSpecLoader.load(Path.of("../src/examples/sweep-10k.yaml"));
        // Per model and device: 1 static row + 10 rates x (256 spatial, S=8 capped at 7 in the 7x7
        // last stage, + 256 channel) combinations.
        assertEquals(2 * 5 * (1 + 10 * (4 * 4 * 4 * 4 + 4 * 4 * 4 * 4)), plan.rowCount());
        assertTrue(plan.rowCount() >= 10_000);
    }

    @Test
    void everyProblemOfASpecIsListedAtOnce() {
        List<String> p = problems("""
                models: [resnet101, alexnet]
                devices: [v100, v200]
                colour: blue
                paradigms:
                  spatial:
                    granularity: [64]
                    per_stage: [[1], [1], [1], [1]]
                  channel:
                    granularity: [2]
                rates: {from: 0.9, to: 0.1, step: 0.1}
                """);
        assertHas(p, "s.yaml:1 models[1]: model: unknown model 'alexnet'");
        assertHas(p, "s.yaml:2 devices[1]: device: unknown device 'v200'");
        assertHas(p, "s.yaml:3 colour: unknown key 'colour'");
        assertHas(p, "give either granularity or per_stage, not both");
        assertHas(p, "paradigms.channel.granularity: unknown key 'granularity'");
        assertHas(p, "empty range: to 0.1 is below from 0.9");
        assertHas(p, "s.yaml:9 paradigms.channel: missing 'channel_group' (a list or all) or 'per_stage'");
        assertEquals(7, p.size(), p.toString());
    }

    @Test
    void aGranularityLargerThanEveryStageMapIsRejectedAndNamed() {
        List<String> p = problems("""
                models: [resnet50]
                devices: [tx2]
                paradigms:
                  spatial: {granularity: [2, 57]}
                rates: [0.5]
                """);
        assertHas(p, "s.yaml:4 paradigms.spatial.granularity[1]: granularity 57 fits no stage of resnet50"
                + " (maps 56x56, 28x28, 14x14, 7x7)");
    }

    @Test
    void conflictingParadigmOptionsAndEmptyListsAreRejected() {
        List<String> p = problems("""
                models: [resnet50]
                devices: [tx2]
                paradigms:
                  spatial: {per_stage: [[1], [2], all, [1]], uniform: true}
                  channel: {channel_group: []}
                  layer: {granularity: [2]}
                  static: {}
                rates: []
                """);
        assertHas(p, "uniform: true sweeps one value for every stage; it conflicts with per_stage");
        assertHas(p, "paradigms.channel.channel_group: empty list");
        assertHas(p, "paradigms.layer.granularity: unknown key 'granularity'");
        assertHas(p, "static is not swept");
        assertHas(p, "rates: must list at least one rate");
    }

    @Test
    void perStageValuesMustFitTheirStageAndExitsNeedAMultiExitModel() {
        List<String> p = problems("""
                models: [resnet50]
                devices: [tx2]
                paradigms:
                  spatial: {per_stage: [[1, 2], [2], [4], [8]]}
                  channel: {channel_group: [3]}
                rates: [0.5, 0.5]
                exit_proportions: [0.5, 0.5]
                """);
        assertHas(p, "per_stage[3][0]: granularity 8 is larger than the 7x7 map of layer4 in resnet50");
        assertHas(p, "channel group 3 fits no stage of resnet50");
        assertHas(p, "lists a rate twice");
        assertHas(p, "model resnet50 has no early exits");
    }

    @Test
    void aCalibratedVariantNeedsCalibratedProfilesAndBatchesMustBePositive() {
        List<String> p = problems("""
                models: [resnet50]
                devices: [v100]
                variants: [calibrated, exact]
                batches: [0, default, default]
                paradigms:
                  layer: {}
                rates: [0.5]
                """);
        assertHas(p, "variant calibrated: device 'v100' has no calibrated coefficients");
        assertHas(p, "variants[1]: unknown variant 'exact'");
        assertHas(p, "batches[0]: value 0 is out of range");
        assertHas(p, "batch default is listed twice");
    }

    @Test
    void listsCapPerStageAnSLargerThanTheMapAndAllTakesEveryValidValue() {
        SweepPlan plan = SweepSpecLoader.parse("""
                models: [resnet50]
                devices: [tx2]
                paradigms:
                  spatial: {granularity: [1, 8]}
                  channel: {per_stage: [[1], all, [2], [4]]}
                  layer:
                rates: [0.25, 0.75]
                """, "s.yaml");
        OptionSpace spatial = plan.paradigms().get(0).spaces().get("resnet50");
        assertArrayEquals(new int[] {1, 8}, spatial.stageChoices(0));
        assertArrayEquals(new int[] {1, 7}, spatial.stageChoices(3), "S=8 is capped at the 7x7 map, as the flag"
                + " form and uniform spaces do");
        OptionSpace channel = plan.paradigms().get(1).spaces().get("resnet50");
        assertArrayEquals(new int[] {1, 2, 4, 8, 16, 32, 64, 128}, channel.stageChoices(1));
        assertEquals(Paradigm.LAYER, plan.paradigms().get(2).paradigm());
        assertEquals(1 + 2 * (16 + 8 + 1), plan.rowCount());
    }

    @Test
    void uniformSpacesCapSAtEachStageMapLikeTheFlagForm() {
        SweepPlan plan = SweepSpecLoader.parse("""
                models: [resnet50]
                devices: [tx2]
                batches: [default, 4]
                paradigms:
                  spatial: {granularity: [2, 8], uniform: true}
                rates: [0.5]
                """, "s.yaml");
        OptionSpace s = plan.paradigms().get(0).spaces().get("resnet50");
        assertArrayEquals(new int[] {2, 7}, s.stageChoices(3));
        assertEquals(2, plan.targets().size());
        assertEquals(2 * (1 + 2), plan.rowCount());
    }
}
