package dev.dynlat.predictor.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dense MACs of the zoo's CNNs against the official figures (torchvision / pycls), ±1%. */
class NetworkMacsTest {
    @ParameterizedTest
    @CsvSource({"resnet50, 4.09e9", "resnet101, 7.80e9", "regnety-400mf, 0.40e9", "regnety-800mf, 0.83e9"})
    void denseMacsMatchOfficialCounts(String model, double official) {
        double macs = NetworkZoo.get(model).denseMacs();
        assertEquals(official, macs, official * 0.01, model + " MACs " + macs);
    }

    @ParameterizedTest
    @CsvSource({"resnet50, 16", "resnet101, 33", "regnety-400mf, 16", "regnety-800mf, 14"})
    void blockCounts(String model, int blocks) {
        assertEquals(blocks, (NetworkZoo.get(model)).blockCount());
    }
}
