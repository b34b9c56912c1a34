#define _POSIX_C_SOURCE 200809L
#include "dl_desc.h"

#include <stdlib.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

/* Native buffers are capped so that index arithmetic in int64 and float[] results stay safe. */
#define DL_MAX_ELEMENTS ((size_t)1 << 31)

static int fail(char *err, size_t len, const char *what, long long value)
{
    snprintf(err, len, "invalid %s: %lld", what, value);
    return -1;
}

static int need_dims(const dl_desc *d, int n, char *err, size_t len)
{
    if (d->n_dims != n) {
        return fail(err, len, "dimension count", d->n_dims);
    }
    for (int i = 0; i < n; ++i) {
        if (d->dims[i] < 0) {
            return fail(err, len, "negative dimension", d->dims[i]);
        }
    }
    return 0;
}

static int positive(int v, const char *name, char *err, size_t len)
{
    return v > 0 ? 0 : fail(err, len, name, v);
}

/* Multiplies sizes, failing on overflow past DL_MAX_ELEMENTS. */
static int product(size_t *out, const int *f, int n, const char *what, char *err, size_t len)
{
    size_t p = 1;
    for (int i = 0; i < n; ++i) {
        if (f[i] <= 0) {
            return fail(err, len, what, f[i]);
        }
        if (p > DL_MAX_ELEMENTS / (size_t)f[i]) {
            snprintf(err, len, "invalid %s: more than %zu elements", what, DL_MAX_ELEMENTS);
            return -1;
        }
        p *= (size_t)f[i];
    }
    *out = p;
    return 0;
}

static int check_conv(dl_conv *c, char *err, size_t len)
{
    if (positive(c->batch, "batch", err, len) || positive(c->cin, "inChannels", err, len)
        || positive(c->cout, "outChannels", err, len) || positive(c->h, "height", err, len)
        || positive(c->w, "width", err, len) || positive(c->k, "kernelSize", err, len)
        || positive(c->stride, "stride", err, len) || positive(c->groups, "groups", err, len)) {
        return -1;
    }
    if (c->pad < 0 || c->pad >= c->k) {
        return fail(err, len, "padding", c->pad);
    }
    if (c->cin % c->groups != 0 || c->cout % c->groups != 0) {
        return fail(err, len, "groups", c->groups);
    }
    int span_h = c->h + 2 * c->pad - c->k;
    int span_w = c->w + 2 * c->pad - c->k;
    if (span_h < 0 || span_w < 0) {
        return fail(err, len, "kernelSize", c->k);
    }
    c->ho = span_h / c->stride + 1;
    c->wo = span_w / c->stride + 1;
    return 0;
}

static int check_list(const int *list, int n, int bound, int unique, const char *what, char *err, size_t len)
{
    if (n <= 0 || list == NULL) {
        return fail(err, len, what, n);
    }
    for (int i = 0; i < n; ++i) {
        if (list[i] < 0 || list[i] >= bound) {
            return fail(err, len, what, list[i]);
        }
    }
    if (unique) {
        /* A GPU plan's masks repeat per image (10^5 entries), and every run checks its description:
           a sorted list (as the suite writes them) is checked in one pass, any other through a bitmap. */
        int sorted = 1;
        for (int i = 1; i < n && sorted; ++i) sorted = list[i - 1] < list[i];
        if (sorted) return 0;
        unsigned char *seen = (unsigned char *)calloc((size_t)bound / 8 + 1, 1);
        if (seen == NULL) return fail(err, len, what, n);
        for (int i = 0; i < n; ++i) {
            const unsigned bit = 1u << (list[i] % 8);
            if (seen[list[i] / 8] & bit) {
                free(seen);
                return fail(err, len, what, list[i]);
            }
            seen[list[i] / 8] |= (unsigned char)bit;
        }
        free(seen);
    }
    return 0;
}

static int patch_geometry(dl_shape *s, int n, int c, int h, int w, int gran, int halo, const dl_desc *d,
                          char *err, size_t len)
{
    if (positive(n, "batch", err, len) || positive(c, "channels", err, len) || positive(h, "height", err, len)
        || positive(w, "width", err, len) || positive(gran, "granularity", err, len)) {
        return -1;
    }
    if (gran > h || gran > w) {
        return fail(err, len, "granularity", gran);
    }
    if (halo < 0 || halo > gran) {
        return fail(err, len, "halo", halo);
    }
    s->n = n;
    s->c = c;
    s->h = h;
    s->w = w;
    s->s = gran;
    s->halo = halo;
    s->grid_h = (h + gran - 1) / gran;
    s->grid_w = (w + gran - 1) / gran;
    long long patches = (long long)n * s->grid_h * s->grid_w;
    if (patches > 0x7fffffffLL) {
        return fail(err, len, "patch count", patches);
    }
    return check_list(d->list_a, d->n_a, (int)patches, 1, "activePatches", err, len);
}

static int conv_shape(dl_shape *s, char *err, size_t len)
{
    dl_conv *c = &s->conv;
    if (check_conv(c, err, len)) {
        return -1;
    }
    int in_dims[4] = {c->batch, c->cin, c->h, c->w};
    int w_dims[4] = {c->cout, c->cin / c->groups, c->k, c->k};
    int kept_out = c->out_channels_groups ? c->n_out_groups * c->group_size : c->cout;
    int out_dims[4] = {c->batch, kept_out, c->ho, c->wo};
    s->is_conv = 1;
    s->n_operands = 2;
    return product(&s->operand_len[0], in_dims, 4, "input size", err, len)
        || product(&s->operand_len[1], w_dims, 4, "weight size", err, len)
        || product(&s->output_len, out_dims, 4, "output size", err, len);
}

int dl_shape_of(const dl_desc *d, dl_shape *s, char *err, size_t len)
{
    memset(s, 0, sizeof(*s));
    const int *v = d->dims;
    switch (d->kind) {
    case DL_CONV2D: /* N, Cin, Cout, H, W, k, stride, pad, groups */
        if (need_dims(d, 9, err, len)) return -1;
        s->conv = (dl_conv){.batch = v[0], .cin = v[1], .cout = v[2], .h = v[3], .w = v[4], .k = v[5],
                            .stride = v[6], .pad = v[7], .groups = v[8]};
        return conv_shape(s, err, len);
    case DL_PATCH_CONV: { /* P, Cin, Cout, S, halo, k, groups */
        if (need_dims(d, 7, err, len)) return -1;
        if (positive(v[3], "granularity", err, len)) return -1;
        if (v[5] != 2 * v[4] + 1) return fail(err, len, "kernelSize (must be 2*halo+1)", v[5]);
        int side = v[3] + 2 * v[4];
        s->conv = (dl_conv){.batch = v[0], .cin = v[1], .cout = v[2], .h = side, .w = side, .k = v[5],
                            .stride = 1, .pad = 0, .groups = v[6]};
        return conv_shape(s, err, len);
    }
    case DL_CHANNEL_SKIP_CONV: /* N, Cin, Cout, H, W, k, stride, G; list_a groups, list_b in-channels */
        if (need_dims(d, 8, err, len)) return -1;
        if (positive(v[7], "groupSize", err, len)) return -1;
        if (v[2] % v[7] != 0) return fail(err, len, "groupSize", v[7]);
        if (check_list(d->list_a, d->n_a, v[2] / v[7], 1, "keptOutputGroups", err, len)) return -1;
        if (check_list(d->list_b, d->n_b, v[1], 1, "keptInputChannels", err, len)) return -1;
        s->conv = (dl_conv){.batch = v[0], .cin = v[1], .cout = v[2], .h = v[3], .w = v[4], .k = v[5],
                            .stride = v[6], .pad = v[5] / 2, .groups = 1,
                            .in_channels = d->list_b, .n_in = d->n_b,
                            .out_channels_groups = d->list_a, .n_out_groups = d->n_a, .group_size = v[7]};
        return conv_shape(s, err, len);
    case DL_FC: { /* N, Cin, Cout */
        if (need_dims(d, 3, err, len)) return -1;
        int in_dims[2] = {v[0], v[1]}, w_dims[2] = {v[2], v[1]}, out_dims[2] = {v[0], v[2]};
        s->n_operands = 2;
        return product(&s->operand_len[0], in_dims, 2, "input size", err, len)
            || product(&s->operand_len[1], w_dims, 2, "weight size", err, len)
            || product(&s->output_len, out_dims, 2, "output size", err, len);
    }
    case DL_GATHER: { /* N, C, H, W, S, halo */
        if (need_dims(d, 6, err, len)) return -1;
        if (patch_geometry(s, v[0], v[1], v[2], v[3], v[4], v[5], d, err, len)) return -1;
        int side = v[4] + 2 * v[5];
        int in_dims[4] = {v[0], v[1], v[2], v[3]}, out_dims[4] = {d->n_a, v[1], side, side};
        s->n_operands = 1;
        return product(&s->operand_len[0], in_dims, 4, "input size", err, len)
            || product(&s->output_len, out_dims, 4, "output size", err, len);
    }
    case DL_SCATTER:
    case DL_SCATTER_ADD: { /* N, C, H, W, S */
        if (need_dims(d, 5, err, len)) return -1;
        if (patch_geometry(s, v[0], v[1], v[2], v[3], v[4], 0, d, err, len)) return -1;
        int p_dims[4] = {d->n_a, v[1], v[4], v[4]}, map_dims[4] = {v[0], v[1], v[2], v[3]};
        s->n_operands = d->kind == DL_SCATTER ? 1 : 2;
        if (product(&s->operand_len[0], p_dims, 4, "patch size", err, len)
            || product(&s->output_len, map_dims, 4, "output size", err, len)) {
            return -1;
        }
        s->operand_len[1] = d->kind == DL_SCATTER ? 0 : s->output_len;
        return 0;
    }
    case DL_AVG_POOL: { /* N, C, H, W, k, stride */
        if (need_dims(d, 6, err, len)) return -1;
        if (positive(v[4], "kernelSize", err, len) || positive(v[5], "stride", err, len)) return -1;
        if (v[4] > v[2] || v[4] > v[3]) return fail(err, len, "kernelSize", v[4]);
        int in_dims[4] = {v[0], v[1], v[2], v[3]};
        int out_dims[4] = {v[0], v[1], (v[2] - v[4]) / v[5] + 1, (v[3] - v[4]) / v[5] + 1};
        s->n = v[0]; s->c = v[1]; s->h = v[2]; s->w = v[3];
        s->n_operands = 1;
        return product(&s->operand_len[0], in_dims, 4, "input size", err, len)
            || product(&s->output_len, out_dims, 4, "output size", err, len);
    }
    case DL_GLOBAL_AVG_POOL:
    case DL_ADD: { /* N, C, H, W */
        if (need_dims(d, 4, err, len)) return -1;
        int in_dims[4] = {v[0], v[1], v[2], v[3]};
        int out_dims[2] = {v[0], v[1]};
        s->n = v[0]; s->c = v[1]; s->h = v[2]; s->w = v[3];
        if (product(&s->operand_len[0], in_dims, 4, "input size", err, len)) return -1;
        if (d->kind == DL_ADD) {
            s->n_operands = 2;
            s->operand_len[1] = s->operand_len[0];
            s->output_len = s->operand_len[0];
            return 0;
        }
        s->n_operands = 1;
        return product(&s->output_len, out_dims, 2, "output size", err, len);
    }
    default:
        return fail(err, len, "kernel kind", d->kind);
    }
}

void dl_fill_seeded(float *dst, size_t n, uint64_t seed, int operand)
{
    uint64_t base = dl_operand_base(seed, operand);
    /* Each value depends only on its index, so the fill parallelises without changing results. */
#pragma omp parallel for schedule(static)
    for (long long i = 0; i < (long long)n; ++i) {
        dst[i] = dl_seeded_value(base, (size_t)i);
    }
}

double dl_now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}
