package dev.dynlat.predictor.request;

import dev.dynlat.operators.input.InputFiles;
import dev.dynlat.operators.model.ModelVariant;
import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.operators.profile.DeviceProfile;
import dev.dynlat.operators.profile.ProfileLoader;
import dev.dynlat.predictor.engine.Predictor;
import dev.dynlat.predictor.importer.Models;
import dev.dynlat.predictor.schedule.Schedule;
import dev.dynlat.predictor.workload.Network;
import dev.dynlat.predictor.workload.NetworkZoo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What requests load, kept warm between them: zoo networks by name and input, built-in profiles
 * by name, and predictors (which own the tiling caches) by profile, variant and schedule. Files
 * (network YAML, ONNX, profile YAML) are read again on every request, because they may change
 * while a server runs; a profile file is parsed again only when its text changed (parsing, not
 * reading, is what costs), and a profile read from a file still finds its predictor by value.
 * A one-shot CLI command uses a fresh workspace; {@code dynlat serve} keeps one for its lifetime.
 * Not thread-safe, like {@link Predictor}.
 */
public final class Workspace {
    /** Entries kept per cache: enough for a sweep over devices and batches, bounded for a long-running server. */
    static final int CAPACITY = 64;

    private final Map<String, Network> networks = lru();
    private final Map<String, DeviceProfile> profiles = lru();
    private final Map<ProfileText, DeviceProfile> fileProfiles = lru();
    private final Map<PredictorKey, Predictor> predictors = lru();

    private record PredictorKey(DeviceProfile profile, ModelVariant variant, Schedule schedule) {
    }

    /** A profile file's path and its whole text as read for this request. */
    private record ProfileText(String path, String text) {
    }

    /** The network a {@code --model} value names at an {@code --input} value (null: its own). */
    public Network network(String model, String input) {
        if (Models.isOnnx(model) || NetworkZoo.isFile(model)) {
            return Models.resolve(model, input);
        }
        return cached(networks, model + '\u0000' + input, k -> Models.resolve(model, input));
    }

    /** The profile a {@code --device} value names; {@code option} is named in messages about a file. */
    public DeviceProfile profile(String option, String device) {
        Optional<Path> file = DeviceCatalog.file(device);
        if (file.isPresent()) {
            // ProfileLoader.load's two steps: read (every time, same messages for an unusable file), then parse.
            String text = InputFiles.readUtf8(option, file.get());
            return cached(fileProfiles, new ProfileText(file.get().toString(), text),
                    k -> ProfileLoader.parse(k.text(), k.path()));
        }
        return DeviceCatalog.isBuiltIn(device) ? cached(profiles, device, k -> DeviceCatalog.load(option, device))
                : DeviceCatalog.load(option, device);
    }

    /** A predictor, with its cost caches, for a profile, variant and schedule (batch included). */
    public Predictor predictor(DeviceProfile profile, ModelVariant variant, Schedule schedule) {
        return cached(predictors, new PredictorKey(profile, variant, schedule),
                k -> new Predictor(profile, variant, schedule));
    }

    private static <K, V> V cached(Map<K, V> cache, K key, Function<K, V> load) {
        V v = cache.get(key);
        if (v == null) {
            // Loaded outside computeIfAbsent: a failed load throws and leaves nothing behind.
            v = load.apply(key);
            cache.put(key, v);
        }
        return v;
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > CAPACITY;
            }
        };
    }

    /** How many predictors are warm (for tests of the server's reuse). */
    public int warmPredictors() {
        return predictors.size();
    }
}
