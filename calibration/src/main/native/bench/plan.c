#define _POSIX_C_SOURCE 200809L
#include "plan.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parsing state: the file, its line number and the error buffer. */
typedef struct {
    const char *path;
    int line;
    char *err;
    size_t err_len;
} parse_ctx;

static int fail(parse_ctx *c, const char *fmt, ...)
{
    int n = snprintf(c->err, c->err_len, "%s:%d: ", c->path, c->line);
    if (n < 0 || (size_t)n >= c->err_len) return -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err + n, c->err_len - (size_t)n, fmt, ap);
    va_end(ap);
    return -1;
}

static int parse_long(const char *s, long long lo, long long hi, long long *out)
{
    char *end = NULL;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno != 0 || end == s || *end != 0 || v < lo || v > hi) return -1;
    *out = v;
    return 0;
}

static int parse_int(parse_ctx *c, const char *name, const char *s, int *out)
{
    long long v;
    if (parse_long(s, -2147483647LL - 1, 2147483647LL, &v)) return fail(c, "%s: not an integer: '%s'", name, s);
    *out = (int)v;
    return 0;
}

/* Splits "a,b,c" (or "-" for none) into up to `max` names of DLP_NAME_LEN. */
static int split_names(parse_ctx *c, const char *what, char *s, char names[][DLP_NAME_LEN], int max, int *n)
{
    *n = 0;
    if (strcmp(s, "-") == 0) return 0;
    for (char *save = NULL, *t = strtok_r(s, ",", &save); t != NULL; t = strtok_r(NULL, ",", &save)) {
        if (*n >= max || strlen(t) >= DLP_NAME_LEN) return fail(c, "%s: too many or too long names", what);
        strcpy(names[(*n)++], t);
    }
    return 0;
}

/* "name=value": returns value and cuts name at '='; NULL when there is no '='. */
static char *value_of(char *token)
{
    char *eq = strchr(token, '=');
    if (eq == NULL || eq == token) return NULL;
    *eq = 0;
    return eq + 1;
}

static int parse_protocol(parse_ctx *c, dlp_plan *p, char *save)
{
    int seen = 0;
    for (char *t = strtok_r(NULL, " \t", &save); t != NULL; t = strtok_r(NULL, " \t", &save)) {
        char *v = value_of(t);
        if (v == NULL) return fail(c, "protocol: expected name=value, got '%s'", t);
        long long n = 0;
        if (strcmp(t, "max_spread") == 0) {
            char *end = NULL;
            p->max_spread = strtod(v, &end);
            if (end == v || *end != 0 || !(p->max_spread > 0)) return fail(c, "max_spread: not a positive number: '%s'", v);
            seen |= 1;
        } else if (strcmp(t, "seed") == 0) {
            if (parse_long(v, 0, 0x7fffffffffffffffLL, &n)) return fail(c, "seed: not a non-negative integer: '%s'", v);
            p->seed = (uint64_t)n;
            seen |= 2;
        } else {
            int *slot = strcmp(t, "warmup") == 0 ? &p->warmup : strcmp(t, "timed") == 0 ? &p->timed
                      : strcmp(t, "attempts") == 0 ? &p->attempts : strcmp(t, "rounds") == 0 ? &p->rounds : NULL;
            if (slot == NULL) return fail(c, "protocol: unknown setting '%s'", t);
            long long lo = strcmp(t, "warmup") == 0 ? 0 : 1;
            if (parse_long(v, lo, 100000, &n)) return fail(c, "%s: not an integer in [%lld, 100000]: '%s'", t, lo, v);
            *slot = (int)n;
            seen |= strcmp(t, "warmup") == 0 ? 4 : strcmp(t, "timed") == 0 ? 8 : strcmp(t, "attempts") == 0 ? 16 : 32;
        }
    }
    if (seen != 63) return fail(c, "protocol: needs warmup, timed, attempts, max_spread, rounds and seed");
    if (p->timed < 3) return fail(c, "timed: at least 3 timed runs are needed for a spread, got %d", p->timed);
    return 0;
}

static int parse_kind(parse_ctx *c, dlp_plan *p, char *save)
{
    if (p->n_kinds >= DLP_MAX_KINDS) return fail(c, "kind: more than %d kinds", DLP_MAX_KINDS);
    dlp_kind *k = &p->kinds[p->n_kinds];
    memset(k, 0, sizeof *k);
    char *name = strtok_r(NULL, " \t", &save);
    if (name == NULL || strlen(name) >= DLP_NAME_LEN) return fail(c, "kind: missing or too long name");
    strcpy(k->name, name);
    int seen = 0;
    for (char *t = strtok_r(NULL, " \t", &save); t != NULL; t = strtok_r(NULL, " \t", &save)) {
        char *v = value_of(t);
        if (v == NULL) return fail(c, "kind %s: expected name=value, got '%s'", name, t);
        if (strcmp(t, "code") == 0) {
            if (parse_int(c, "code", v, &k->code)) return -1;
            seen |= 1;
        } else if (strcmp(t, "dims") == 0) {
            if (split_names(c, "dims", v, k->dims, DL_MAX_DIMS, &k->n_dims)) return -1;
            seen |= 2;
        } else if (strcmp(t, "lists") == 0) {
            if (split_names(c, "lists", v, k->lists, 2, &k->n_lists)) return -1;
            seen |= 4;
        } else if (strcmp(t, "extras") == 0) {
            if (split_names(c, "extras", v, k->extras, DLP_MAX_EXTRAS, &k->n_extras)) return -1;
            seen |= 8;
        } else {
            return fail(c, "kind %s: unknown field '%s'", name, t);
        }
    }
    if (seen != 15 || k->n_dims == 0) return fail(c, "kind %s: needs code, dims, lists and extras", name);
    for (int i = 0; i < p->n_kinds; ++i) {
        if (strcmp(p->kinds[i].name, name) == 0) return fail(c, "kind %s: declared twice", name);
    }
    p->n_kinds++;
    return 0;
}

static int find_name(char names[][DLP_NAME_LEN], int n, const char *name)
{
    for (int i = 0; i < n; ++i) {
        if (strcmp(names[i], name) == 0) return i;
    }
    return -1;
}

/* Lists must hold their declared counts; called when the next record (or the end) starts. */
static int finish_case(parse_ctx *c, dlp_plan *p)
{
    if (p->n_cases == 0) return 0;
    dlp_case *k = &p->cases[p->n_cases - 1];
    const dlp_kind *kind = &p->kinds[k->kind];
    for (int i = 0; i < kind->n_lists; ++i) {
        int have = i == 0 ? k->desc.n_a : k->desc.n_b;
        if (have != k->counts[i]) {
            c->line = k->line;
            return fail(c, "case %s: list %s has %d entries, %s_count = %d", k->id, kind->lists[i], have,
                        kind->lists[i], k->counts[i]);
        }
    }
    char msg[DL_ERR_LEN];
    dl_shape shape;
    if (dl_shape_of(&k->desc, &shape, msg, sizeof msg)) {
        c->line = k->line;
        return fail(c, "case %s: %s", k->id, msg);
    }
    return 0;
}

static int parse_case(parse_ctx *c, dlp_plan *p, char *save, size_t *cap)
{
    char *id = strtok_r(NULL, " \t", &save);
    char *kind_name = strtok_r(NULL, " \t", &save);
    char *group = strtok_r(NULL, " \t", &save);
    char *rest = save; /* the scalars, kept verbatim as the case's shape */
    if (id == NULL || kind_name == NULL || group == NULL) return fail(c, "case: expected 'case ID KIND GROUP name=value...'");
    if (strlen(id) >= sizeof(((dlp_case *)0)->id) || strlen(group) >= DLP_NAME_LEN) return fail(c, "case: id or group too long");
    int kind = -1;
    for (int i = 0; i < p->n_kinds; ++i) {
        if (strcmp(p->kinds[i].name, kind_name) == 0) kind = i;
    }
    if (kind < 0) return fail(c, "case %s: kind '%s' not declared", id, kind_name);
    for (int i = 0; i < p->n_cases; ++i) {
        if (strcmp(p->cases[i].id, id) == 0) return fail(c, "case %s: id appears twice", id);
    }
    if ((size_t)p->n_cases == *cap) {
        size_t n = *cap ? 2 * *cap : 256;
        dlp_case *grown = (dlp_case *)realloc(p->cases, n * sizeof *grown);
        if (grown == NULL) return fail(c, "out of memory");
        p->cases = grown;
        *cap = n;
    }
    dlp_case *k = &p->cases[p->n_cases];
    memset(k, 0, sizeof *k);
    strcpy(k->id, id);
    strcpy(k->group, group);
    k->kind = kind;
    k->line = c->line;
    while (rest != NULL && (*rest == ' ' || *rest == '\t')) rest++;
    k->shape = strdup(rest != NULL ? rest : "");
    p->n_cases++; /* owned from here on: dlp_free releases it */
    if (k->shape == NULL) return fail(c, "out of memory");
    const dlp_kind *kd = &p->kinds[kind];
    k->desc.kind = kd->code;
    k->desc.n_dims = kd->n_dims;
    unsigned seen = 0;
    char *copy = strdup(k->shape);
    if (copy == NULL) return fail(c, "out of memory");
    int rc = 0;
    char *save2 = NULL;
    for (char *t = strtok_r(copy, " \t", &save2); t != NULL && rc == 0; t = strtok_r(NULL, " \t", &save2)) {
        char *v = value_of(t);
        if (v == NULL) {
            rc = fail(c, "case %s: expected name=value, got '%s'", id, t);
            break;
        }
        int value = 0;
        if (parse_int(c, t, v, &value)) {
            rc = -1;
            break;
        }
        int d = find_name((char (*)[DLP_NAME_LEN])kd->dims, kd->n_dims, t);
        if (d >= 0) {
            if (seen & (1u << d)) rc = fail(c, "case %s: %s given twice", id, t);
            seen |= 1u << d;
            k->desc.dims[d] = value;
            continue;
        }
        int matched = 0;
        for (int l = 0; l < kd->n_lists; ++l) {
            char count_name[DLP_NAME_LEN + 8];
            snprintf(count_name, sizeof count_name, "%s_count", kd->lists[l]);
            if (strcmp(t, count_name) == 0) {
                if (value < 0) rc = fail(c, "case %s: %s must be >= 0, got %d", id, t, value);
                k->counts[l] = value;
                matched = 1;
            }
        }
        if (!matched && find_name((char (*)[DLP_NAME_LEN])kd->extras, kd->n_extras, t) < 0) {
            rc = fail(c, "case %s: unknown parameter '%s' for kind %s", id, t, kd->name);
        }
    }
    free(copy);
    if (rc) return rc;
    if (seen != (1u << kd->n_dims) - 1) return fail(c, "case %s: not every dimension of kind %s is given", id, kd->name);
    return 0;
}

static int parse_list(parse_ctx *c, dlp_plan *p, char *save)
{
    char *id = strtok_r(NULL, " \t", &save);
    char *name = strtok_r(NULL, " \t", &save);
    char *values = strtok_r(NULL, " \t", &save);
    if (id == NULL || name == NULL || values == NULL || strtok_r(NULL, " \t", &save) != NULL) {
        return fail(c, "list: expected 'list ID NAME v,v,...'");
    }
    if (p->n_cases == 0 || strcmp(p->cases[p->n_cases - 1].id, id) != 0) {
        return fail(c, "list: must follow the line of case %s", id);
    }
    dlp_case *k = &p->cases[p->n_cases - 1];
    const dlp_kind *kd = &p->kinds[k->kind];
    int l = find_name((char (*)[DLP_NAME_LEN])kd->lists, kd->n_lists, name);
    if (l < 0) return fail(c, "list: kind %s has no list '%s'", kd->name, name);
    if ((l == 0 ? k->list_a : k->list_b) != NULL) return fail(c, "list: %s of %s given twice", name, id);
    int count = k->counts[l];
    int *v = (int *)malloc(sizeof(int) * (size_t)(count > 0 ? count : 1));
    if (v == NULL) return fail(c, "out of memory");
    if (l == 0) k->list_a = v; else k->list_b = v;
    int n = 0;
    for (char *s2 = NULL, *t = strtok_r(values, ",", &s2); t != NULL; t = strtok_r(NULL, ",", &s2)) {
        if (n >= count) return fail(c, "list %s of %s: more than %s_count = %d entries", name, id, name, count);
        if (parse_int(c, name, t, &v[n])) return -1;
        n++;
    }
    if (l == 0) {
        k->desc.list_a = v;
        k->desc.n_a = n;
    } else {
        k->desc.list_b = v;
        k->desc.n_b = n;
    }
    return 0;
}

int dlp_read(const char *path, dlp_plan *p, char *err, size_t err_len)
{
    memset(p, 0, sizeof *p);
    parse_ctx c = {path, 0, err, err_len};
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        snprintf(err, err_len, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t line_cap = 0, case_cap = 0;
    int magic = 0, ended = 0, protocol = 0, rc = 0;
    while (rc == 0 && getline(&line, &line_cap, f) >= 0) {
        c.line++;
        line[strcspn(line, "\r\n")] = 0;
        char *save = NULL;
        char *first = strtok_r(line, " \t", &save);
        if (first == NULL || first[0] == '#') continue;
        if (!magic) {
            char *version = strtok_r(NULL, " \t", &save);
            if (strcmp(first, "dynlat-plan") != 0 || version == NULL || atoi(version) != DLP_VERSION) {
                rc = fail(&c, "not a dynlat plan of format %d (expected first line 'dynlat-plan %d')", DLP_VERSION,
                          DLP_VERSION);
            }
            magic = 1;
        } else if (ended) {
            rc = fail(&c, "text after the end line");
        } else if (strcmp(first, "protocol") == 0) {
            rc = parse_protocol(&c, p, save);
            protocol = 1;
        } else if (strcmp(first, "kind") == 0) {
            rc = parse_kind(&c, p, save);
        } else if (strcmp(first, "case") == 0) {
            rc = finish_case(&c, p);
            if (rc == 0) rc = parse_case(&c, p, save, &case_cap);
        } else if (strcmp(first, "list") == 0) {
            rc = parse_list(&c, p, save);
        } else if (strcmp(first, "end") == 0) {
            char *count = strtok_r(NULL, " \t", &save);
            rc = finish_case(&c, p);
            if (rc == 0 && (count == NULL || atoi(count) != p->n_cases)) {
                rc = fail(&c, "end: plan declares %s cases, read %d", count ? count : "?", p->n_cases);
            }
            ended = 1;
        } else {
            rc = fail(&c, "unknown record '%s'", first);
        }
    }
    free(line);
    fclose(f);
    if (rc == 0 && !ended) {
        snprintf(err, err_len, "%s: no end line (truncated plan?)", path);
        rc = -1;
    }
    if (rc == 0 && !protocol) {
        snprintf(err, err_len, "%s: no protocol line", path);
        rc = -1;
    }
    if (rc != 0) dlp_free(p);
    return rc;
}

void dlp_free(dlp_plan *p)
{
    for (int i = 0; i < p->n_cases; ++i) {
        free(p->cases[i].shape);
        free(p->cases[i].list_a);
        free(p->cases[i].list_b);
    }
    free(p->cases);
    p->cases = NULL;
    p->n_cases = 0;
}
