/*
 * Reader of a dynlat calibration plan (src/docs/gpu/plan-format.md), written by
 * `dynlat calibrate --backend cuda --plan DIR`. Plain C, no CUDA: the standalone benchmark and the
 * host-only checker (plan_check.c) share it.
 */
#ifndef DL_PLAN_H
#define DL_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "dl_desc.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DLP_VERSION 1
#define DLP_MAX_KINDS 32
#define DLP_NAME_LEN 48
#define DLP_MAX_EXTRAS 4

/* One kind declaration: the native code and the names of its dims, lists and model-only extras. */
typedef struct {
    char name[DLP_NAME_LEN];
    int code;
    int n_dims;
    char dims[DL_MAX_DIMS][DLP_NAME_LEN];
    int n_lists;
    char lists[2][DLP_NAME_LEN];
    int n_extras;
    char extras[DLP_MAX_EXTRAS][DLP_NAME_LEN];
} dlp_kind;

/* One case: its description (lists owned by the case) and its scalars as written in the plan. */
typedef struct {
    char id[160];
    char group[DLP_NAME_LEN];
    int kind;      /* index into dlp_plan.kinds */
    char *shape;   /* "name=value name=value ...", the case line after the group */
    int line;      /* line of the case in the plan */
    int counts[2]; /* declared list lengths */
    dl_desc desc;  /* dims filled in declared order; list_a/list_b point to the arrays below */
    int *list_a;
    int *list_b;
} dlp_case;

typedef struct {
    int warmup, timed, attempts, rounds;
    double max_spread;
    uint64_t seed;
    int n_kinds;
    dlp_kind kinds[DLP_MAX_KINDS];
    int n_cases;
    dlp_case *cases;
} dlp_plan;

/* Reads and validates `path` (every case through dl_shape_of); 0, or -1 with "path:line: message" in err. */
int dlp_read(const char *path, dlp_plan *plan, char *err, size_t err_len);

void dlp_free(dlp_plan *plan);

#ifdef __cplusplus
}
#endif

#endif
