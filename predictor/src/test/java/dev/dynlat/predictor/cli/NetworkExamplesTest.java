package dev.dynlat.predictor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.predictor.dynamic.CnnDynamics;
import dev.dynlat.predictor.dynamic.Paradigm;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.engine.TestProfiles;
import dev.dynlat.predictor.engine.Workload;
import dev.dynlat.predictor.format.JsonFormatter;
import dev.dynlat.predictor.format.PredictionSummary;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkLoader;
import dev.dynlat.predictor.workload.NetworkZoo;
import dev.dynlat.predictor.workload.NodeKind;
import dev.dynlat.predictor.workload.NodeKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The network files of {@code src/examples/networks} and the format documentation. */
class NetworkExamplesTest {
    private static final Path DIR = Path.of("..", "src", "examples", "networks");
    private static final Path DOC = Path.of("..", "src", "docs", "networks.md");

    static Stream<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void resnet50ByHandPredictsExactlyTheZooModel() {
        Network hand = NetworkLoader.load(DIR.resolve("resnet50-by-hand.yaml"), 0);
        Network zoo = NetworkZoo.get("resnet50");
        for (DeviceProfile builtIn : DeviceCatalog.builtIns()) {
            for (ModelVariant v : ModelVariant.values()) {
                DeviceProfile p = v == ModelVariant.LAUDNET ? builtIn : TestProfiles.withNeutralCalibration(builtIn.name());
                Predictor predictor = new Predictor(p, v, Schedule.defaults());
                assertEquals(json(predictor, Workload.dense(zoo)), json(predictor, Workload.dense(hand)),
                        p.name() + " " + v.id());
                CnnDynamics dz = CnnDynamics.uniform(Paradigm.CHANNEL, zoo, new int[] {2, 2, 4, 4}, 0.6);
                CnnDynamics dh = CnnDynamics.uniform(Paradigm.CHANNEL, hand, new int[] {2, 2, 4, 4}, 0.6);
                assertEquals(json(predictor, new Workload(zoo, dz)), json(predictor, new Workload(hand, dh)),
                        p.name() + " " + v.id() + " channel");
            }
        }
    }

    private static String json(Predictor p, Workload w) {
        return JsonFormatter.format(new PredictionSummary(p.predict(w), null));
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyExamplePredictsOnEveryDeviceAndVariant(Path file) {
        Network n = NetworkLoader.load(file, 0);
        for (DeviceProfile builtIn : DeviceCatalog.builtIns()) {
            for (ModelVariant v : ModelVariant.values()) {
                DeviceProfile p = v == ModelVariant.LAUDNET ? builtIn : TestProfiles.withNeutralCalibration(builtIn.name());
                double ms = new Predictor(p, v, Schedule.defaults().withBatch(3)).predict(Workload.dense(n)).latencyMs();
                assertTrue(Double.isFinite(ms) && ms > 0, file + " on " + p.name() + ": " + ms);
            }
        }
    }

    /** Adding a node kind without documenting it and showing it in an example fails here. */
    @Test
    void everyNodeKindIsDocumentedAndUsedInAnExample() throws IOException {
        String doc = Files.readString(DOC);
        StringBuilder all = new StringBuilder();
        for (Path f : files().toList()) {
            all.append(Files.readString(f));
        }
        List<String> missing = NodeKinds.all().stream().map(NodeKind::name)
                .filter(k -> !doc.contains("`" + k + "`") || !(all.toString().contains("op: " + k + ",")
                        || all.toString().contains("op: " + k + "}") || all.toString().contains("block: " + k)))
                .toList();
        assertTrue(missing.isEmpty(), "undocumented or unused node kinds: " + missing);
    }

    @Test
    void modelsCommandListsMacsAsJson() {
        CliTest.Result r = CliTest.run("models", "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"name\" : \"resnet50\""), r.out());
        assertTrue(r.out().contains("\"gmacs\" : 4.089"), r.out());
    }

    @Test
    void modelsShowAtAnotherInput() {
        CliTest.Result r = CliTest.run("models", "show", "resnet50", "--input", "96");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("resnet50 at 96x96: 0.75"), r.out());
        assertTrue(r.out().contains("| layer4.2 |"), r.out());
    }

    @Test
    void modelsBadInput() {
        assertEquals(2, CliTest.run("models", "show", "resnet5").code());
        assertEquals(2, CliTest.run("models", "show", "resnet50", "--input", "0").code());
        assertEquals(2, CliTest.run("models", "--format", "xml").code());
        assertEquals(2, CliTest.run("models", "export", "nowhere/net.yaml").code());
    }
}
