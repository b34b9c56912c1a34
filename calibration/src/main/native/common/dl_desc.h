/*
 * Kernel descriptions shared by the CPU and CUDA backends.
 *
 * The Java side validates every spec before calling native code; the checks
 * here are repeated defensively because buffer sizes are derived from these
 * numbers and a mistake would mean out-of-bounds writes in native memory.
 */
#ifndef DL_DESC_H
#define DL_DESC_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Kind codes; must match dev.dynlat.calibration.kernel.KernelKind#code. */
enum dl_kind {
    DL_CONV2D = 1,
    DL_FC = 2,
    DL_GATHER = 3,
    DL_SCATTER = 4,
    DL_SCATTER_ADD = 5,
    DL_PATCH_CONV = 6,
    DL_CHANNEL_SKIP_CONV = 7,
    DL_AVG_POOL = 8,
    DL_GLOBAL_AVG_POOL = 9,
    DL_ADD = 10
};

#define DL_MAX_DIMS 12
#define DL_MAX_OPERANDS 3
#define DL_ERR_LEN 256

/* Raw description as it arrives from Java (see each record's nativeDims()). */
typedef struct {
    int kind;
    int dims[DL_MAX_DIMS];
    int n_dims;
    const int *list_a; /* active patches, or kept output groups */
    int n_a;
    const int *list_b; /* kept input channels */
    int n_b;
} dl_desc;

/*
 * Canonical convolution geometry. Every conv-like kernel (dense, grouped,
 * depthwise, patch, channel-skipping) is expressed with this struct so the
 * backends need one conv implementation each.
 */
typedef struct {
    int batch, cin, cout, h, w, k, stride, pad, groups;
    int ho, wo;
    /* channel skipping: NULL when all channels are used */
    const int *in_channels;  /* n_in entries, indices into cin */
    int n_in;
    const int *out_channels_groups; /* kept output groups of size group_size */
    int n_out_groups;
    int group_size;
    /* channels per image of the input buffer when it holds only the kept input channels, in list
       order (a chained channel-skipping conv); 0: the input has all cin channels */
    int compact_in;
} dl_conv;

/* Sizes (in floats) of all buffers a kernel needs, derived from a desc. */
typedef struct {
    int n_operands;
    size_t operand_len[DL_MAX_OPERANDS];
    size_t output_len;
    dl_conv conv;       /* valid when is_conv */
    int is_conv;
    /* patch geometry for gather / scatter kinds */
    int n, c, h, w, s, halo, grid_h, grid_w;
} dl_shape;

/* Fills shape from desc; returns 0, or -1 with a message in err. */
int dl_shape_of(const dl_desc *desc, dl_shape *shape, char *err, size_t err_len);

/* Deterministic generator shared with dev.dynlat.calibration.kernel.SeededData. */
static inline uint64_t dl_mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

#define DL_GOLDEN 0x9E3779B97F4A7C15ULL

/* Value i of operand `operand` for `seed`: an exact multiple of 2^-23 in [-1, 1). */
static inline float dl_seeded_value(uint64_t base, size_t i)
{
    uint64_t z = dl_mix64(base + (uint64_t)(i + 1) * DL_GOLDEN);
    return (float)((int64_t)(z >> 40) - (int64_t)(1 << 23)) * (1.0f / 8388608.0f);
}

static inline uint64_t dl_operand_base(uint64_t seed, int operand)
{
    return dl_mix64(seed + (uint64_t)(operand + 1) * 0xD1B54A32D192ED03ULL);
}

/* Fills dst[0..n) for operand `operand`; parallel (OpenMP) when compiled with it. */
void dl_fill_seeded(float *dst, size_t n, uint64_t seed, int operand);

/* Monotonic clock in seconds. */
double dl_now_seconds(void);

#ifdef __cplusplus
}
#endif

#endif
