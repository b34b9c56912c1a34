package dev.dynlat.predictor.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Figure titles name networks as papers do and devices by their profiles' display names. */
class DisplayNamesTest {
    @Test
    void networksAsPapersWriteThem() {
        assertEquals("ResNet-101", DisplayNames.model("resnet101"));
        assertEquals("RegNetY-800MF", DisplayNames.model("regnety-800mf"));
        assertEquals("RegNetY-1.6GF", DisplayNames.model("regnety-1.6gf-pycls"));
        assertEquals("BlockDrop ResNet-110", DisplayNames.model("blockdrop-resnet110"));
        assertEquals("GFNet ResNet-50 (96 px)", DisplayNames.model("gfnet-resnet50-96"));
        assertEquals("T2T-ViT-19", DisplayNames.model("t2t-vit-19"));
        assertEquals("my-net.yaml", DisplayNames.model("my-net.yaml"), "unknown ids as given");
    }

    @Test
    void devicesByShortDisplayName() {
        assertEquals("Tesla V100 SXM2 16 GB", DisplayNames.device("v100"));
        assertEquals("Jetson TX2", DisplayNames.device("tx2"));
        assertEquals("profiles/mine.yaml", DisplayNames.device("profiles/mine.yaml"));
    }
}
