/*
 * dynlat_plan_check PLAN [--dump]: reads a calibration plan with the benchmark's own parser and checks
 * every case through dl_shape_of, on any machine (no CUDA). Prints one summary line; with --dump, also
 * each case's native description (id, kind code, dims, list lengths and sums), which the Java tests
 * compare with the suite. Exit 0, or 2 with one line naming the plan line at fault.
 */
#include <stdio.h>
#include <string.h>

#include "plan.h"

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3 || (argc == 3 && strcmp(argv[2], "--dump") != 0)) {
        fprintf(stderr, "usage: dynlat_plan_check PLAN [--dump]\n");
        return 2;
    }
    dlp_plan plan;
    char err[1024];
    if (dlp_read(argv[1], &plan, err, sizeof err)) {
        fprintf(stderr, "plan: %s\n", err);
        return 2;
    }
    if (argc == 3) {
        for (int i = 0; i < plan.n_cases; ++i) {
            const dlp_case *c = &plan.cases[i];
            printf("%s %s %d dims=", c->id, plan.kinds[c->kind].name, c->desc.kind);
            for (int d = 0; d < c->desc.n_dims; ++d) printf(d ? ",%d" : "%d", c->desc.dims[d]);
            long long sa = 0, sb = 0;
            for (int j = 0; j < c->desc.n_a; ++j) sa += c->desc.list_a[j];
            for (int j = 0; j < c->desc.n_b; ++j) sb += c->desc.list_b[j];
            printf(" a=%d/%lld b=%d/%lld\n", c->desc.n_a, sa, c->desc.n_b, sb);
        }
    }
    printf("plan: %d cases of %d declared kinds; protocol warmup=%d timed=%d attempts=%d max_spread=%g rounds=%d seed=%llu\n",
           plan.n_cases, plan.n_kinds, plan.warmup, plan.timed, plan.attempts, plan.max_spread, plan.rounds,
           (unsigned long long)plan.seed);
    dlp_free(&plan);
    return 0;
}
