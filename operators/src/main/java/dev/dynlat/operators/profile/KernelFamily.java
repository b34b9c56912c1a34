package dev.dynlat.operators.profile;

import java.util.List;
import java.util.Locale;

/**
 * The generation of vendor kernels a GPU runs: cuBLAS and cuDNN ship one set of FP32 GEMM kernels
 * per generation and run it on the GPUs after it until a new set appears (Pascal runs the
 * {@code maxwell_sgemm_*} kernels, Turing the {@code volta_sgemm_*} ones, Ada and Hopper the
 * {@code ampere_sgemm_*} ones). Which tiles a family has, and which its strided-batched GEMM uses,
 * is what the library chooses from: the lists below are the kernels named in the NeuSight
 * measurements (PyTorch 2.1, CUDA 12.1, cuDNN 8.9) that ran in at least 1% of a GPU's linear or
 * bmm rows.
 */
public enum KernelFamily {
    /** Pascal (sm_60, sm_61): {@code maxwell_sgemm_*}. */
    MAXWELL(tiles("128x32", "32x128", "64x64"), tiles("128x64"), tiles("32x128", "64x64"), true),
    /** Volta and Turing (sm_70, sm_75): {@code volta_sgemm_*}. */
    VOLTA(tiles("128x128", "128x64", "128x32", "32x128", "64x64", "64x32", "32x32"),
            tiles("128x64", "128x32", "32x128", "64x64"),
            tiles("64x64", "32x128", "128x64", "128x32"), true),
    /** Ampere, Ada and Hopper (sm_80 and later): {@code ampere_sgemm_*}. */
    AMPERE(tiles("128x128", "128x64", "128x32", "32x128", "64x32", "32x32"), tiles("128x128"), tiles("128x128"), false);

    /** Tiles of cuDNN's implicit-GEMM convolution kernels (columns over output channels, 128 pixels). */
    public static final List<GemmTile> IMPLICIT_CONV_TILES = tiles("128x128", "64x128", "32x128");

    private final List<GemmTile> gemmTiles;
    private final List<GemmTile> batchedGemmTiles;
    private final List<GemmTile> winogradGemmTiles;
    private final boolean splitsFilledGrids;

    KernelFamily(List<GemmTile> gemmTiles, List<GemmTile> batchedGemmTiles, List<GemmTile> winogradGemmTiles,
                 boolean splitsFilledGrids) {
        this.gemmTiles = gemmTiles;
        this.batchedGemmTiles = batchedGemmTiles;
        this.winogradGemmTiles = winogradGemmTiles;
        this.splitsFilledGrids = splitsFilledGrids;
    }

    /**
     * Whether cuBLAS may split the reduction of a GEMM whose output blocks already fill the SMs (to even
     * out the last wave): Pascal, Volta and Turing do (a fifth to a third of their linear rows launch a
     * split grid over a filled output); Ampere splits only outputs that cannot fill the SMs once.
     */
    public boolean splitsFilledGrids() {
        return splitsFilledGrids;
    }

    /**
     * Tiles of the 36 GEMMs of cuDNN's non-fused Winograd convolution, as the conv rows' kernel lists
     * name them: Pascal 32×128 and 64×64, Volta and Turing 64×64, 32×128, 128×64 and 128×32, Ampere its
     * 128×128 kernel. The grid is never split (its depth is exactly 36 in every row).
     */
    public List<GemmTile> winogradGemmTiles() {
        return winogradGemmTiles;
    }

    /** Tiles of the single GEMM (a linear layer: {@code addmm}/{@code mm}). */
    public List<GemmTile> gemmTiles() {
        return gemmTiles;
    }

    /** Tiles of the strided-batched GEMM ({@code bmm}). */
    public List<GemmTile> batchedGemmTiles() {
        return batchedGemmTiles;
    }

    /** Every GEMM tile of the family, single and batched, without repeats. */
    public List<GemmTile> allGemmTiles() {
        java.util.LinkedHashSet<GemmTile> all = new java.util.LinkedHashSet<>(gemmTiles);
        all.addAll(batchedGemmTiles);
        return List.copyOf(all);
    }

    /** {@code maxwell}, {@code volta} or {@code ampere}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KernelFamily parse(String text) {
        for (KernelFamily f : values()) {
            if (f.id().equals(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("kernel_family: unknown family '" + text
                + "'; expected maxwell, volta or ampere");
    }

    private static List<GemmTile> tiles(String... ids) {
        return java.util.Arrays.stream(ids).map(GemmTile::parse).toList();
    }
}
