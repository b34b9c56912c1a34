package dev.dynlat.predictor.cli;

import dev.dynlat.operators.profile.DeviceCatalog;
import dev.dynlat.predictor.workload.NetworkZoo;
import java.util.Iterator;

/**
 * Completion candidates read from the zoo and the profile catalog. Picocli creates these whenever it
 * builds a command, so the names are read only when iterated (by the completion script generator
 * or a help text that lists them), never on a plain {@code predict}.
 */
final class CompletionNames {
    private CompletionNames() {
    }

    /** The zoo's model names. */
    static final class Models implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return NetworkZoo.NAMES.iterator();
        }
    }

    /** The built-in device names. */
    static final class Devices implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return DeviceCatalog.builtInNames().iterator();
        }
    }
}
