/* xml.getCallList walked with the pager. The sandbox's seeded log holds 1,500 calls from
 * 2024-01-01 to 2024-03-31 UTC, 600 of them between 09:00 and 17:00 on 2024-02-14; the action
 * answers at most 500 rows, so one request cannot see them all, and the pager's time windows
 * (split in two while full) must yield every call exactly once, oldest first. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define Q1_START 1704067200LL /* 2024-01-01T00:00:00Z */
#define Q1_END 1711929599LL   /* 2024-03-31T23:59:59Z */
#define BUSY_DAY 1707868800LL /* 2024-02-14T00:00:00Z */
#define SEEDED_CALLS 1500
#define BUSY_CALLS 600
#define CAP 500

/* What a walk saw. */
struct walk {
    long long *ids;
    size_t rows, cap;
    long long pages, short_pages;
    long long first_start; /* the first row's start time (read_rows), else -1 */
    bool ordered, in_range, ids_present;
};

static int cmp_ll(const void *a, const void *b) {
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

/* Ids seen more than once (0 when every call came once). */
static size_t duplicates(struct walk *w) {
    qsort(w->ids, w->rows, sizeof *w->ids, cmp_ll);
    size_t dups = 0;
    for (size_t i = 1; i < w->rows; i++) dups += w->ids[i] == w->ids[i - 1];
    return dups;
}

/* Row `i` of a page (malloc'd JSON), or NULL past the end. */
static char *row_at(const char *page, size_t i) {
    char path[64];
    snprintf(path, sizeof path, "/items/%zu", i);
    return h_get(page, path);
}

static void add_id(struct walk *w, long long id) {
    if (w->rows == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 256;
        w->ids = realloc(w->ids, w->cap * sizeof *w->ids);
    }
    w->ids[w->rows++] = id;
}

/* Walk [start, end] with pages of `limit`. With `read_rows`, every row's id and start time are
 * read: each row is taken out of its page once, so keep such pages small (every JSON pointer
 * read parses the whole document, which Valgrind makes slow). Returns the pager's final status
 * (PHONECOM_END_OF_PAGES when the walk finished). */
static phonecom_status walk_calls(phonecom_client *client, long long start, long long end, int limit,
                                  bool read_rows, struct walk *w) {
    memset(w, 0, sizeof *w);
    w->ordered = w->in_range = w->ids_present = true;
    w->first_start = -1;
    char params[160];
    snprintf(params, sizeof params, "{\"startTime\": %lld, \"endTime\": %lld, \"limit\": %d}", start, end, limit);
    phonecom_pager *pager = NULL;
    phonecom_status st = phonecom_pager_new(client, "xml.getCallList", params, &pager);
    CHECK_STATUS(st, PHONECOM_OK);
    if (st != PHONECOM_OK) return st;
    long long last_start = start;
    char *page = NULL;
    while ((st = phonecom_pager_next(pager, &page)) == PHONECOM_OK) {
        size_t n = 0;
        if (read_rows) {
            /* Row by row until the first index past the end (that is the count). */
            for (char *row; (row = row_at(page, n)) != NULL; n++) {
                char *id_text = h_get(row, "/id");
                long long t = h_get_int(row, "/startTime");
                if (!id_text) w->ids_present = false;
                if (w->first_start < 0) w->first_start = t;
                if (t < last_start) w->ordered = false;
                if (t < start || t > end) w->in_range = false;
                last_start = t;
                /* Ids are strings of digits ("114883"). */
                add_id(w, id_text ? atoll(id_text) : -1);
                free(id_text);
                free(row);
            }
        } else {
            n = h_array_len(page, "/items");
            for (size_t i = 0; i < n; i++) add_id(w, -1);
        }
        /* Every page but the last is full; offsets count the rows before. */
        CHECK(w->short_pages == 0);
        if ((int)n < limit) w->short_pages++;
        CHECK(n <= (size_t)limit);
        CHECK(h_get_int(page, "/offset") == (long long)(w->rows - n));
        CHECK(h_get_int(page, "/limit") == limit);
        CHECK(h_get_is(page, "/total", "null"));
        w->pages++;
        phonecom_string_free(page);
        page = NULL;
    }
    CHECK(phonecom_pager_pages_fetched(pager) == (uint64_t)w->pages);
    phonecom_pager_free(pager);
    return st;
}

/* The rows one plain getCallList request answers for [start, end]. */
static size_t direct_rows(phonecom_client *client, long long start, long long end) {
    char params[128], *out = NULL;
    snprintf(params, sizeof params, "{\"startTime\": %lld, \"endTime\": %lld}", start, end);
    CHECK_STATUS(phonecom_call(client, "xml.getCallList", params, &out), PHONECOM_OK);
    size_t n = out ? h_array_len(out, "/data/items") : 0;
    phonecom_string_free(out);
    return n;
}

static void walks_the_quarter(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    /* One request is capped: the walk is needed. */
    CHECK(direct_rows(client, Q1_START, Q1_END) == CAP);

    struct walk w;
    CHECK_STATUS(walk_calls(client, Q1_START, Q1_END, 10, true, &w), PHONECOM_END_OF_PAGES);
    CHECK(w.rows == SEEDED_CALLS);
    CHECK(w.pages == SEEDED_CALLS / 10);
    CHECK(w.ordered);
    CHECK(w.in_range);
    CHECK(w.ids_present);
    CHECK(duplicates(&w) == 0);
    free(w.ids);

    /* A window of one second: the calls starting in it, found by both routes; a window before
     * the first call: one empty page, then the end. */
    long long first = w.first_start;
    CHECK(first >= Q1_START);
    CHECK_STATUS(walk_calls(client, first, first, 10, true, &w), PHONECOM_END_OF_PAGES);
    CHECK(w.rows >= 1 && w.rows == direct_rows(client, first, first));
    CHECK(w.first_start == first);
    free(w.ids);
    if (first > Q1_START) {
        CHECK_STATUS(walk_calls(client, Q1_START, first - 1, 10, true, &w), PHONECOM_END_OF_PAGES);
        CHECK(w.rows == 0 && w.pages == 1);
        free(w.ids);
    }

    phonecom_client_free(client);
}

static void walks_the_busy_day(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    /* Counted independently: hour by hour, each hour under the cap. */
    size_t by_hour = 0, afternoon = 0;
    for (int h = 0; h < 24; h++) {
        long long from = BUSY_DAY + h * 3600LL;
        size_t n = direct_rows(client, from, from + 3599);
        CHECK(n < CAP);
        by_hour += n;
        if (h >= 9 && h < 17) afternoon += n;
    }
    /* The rush: 600 calls from 09:00 to 17:00, with the day's ordinary ones. */
    CHECK(afternoon >= (size_t)BUSY_CALLS);
    CHECK(direct_rows(client, BUSY_DAY, BUSY_DAY + 86399) == CAP);

    struct walk w;
    CHECK_STATUS(walk_calls(client, BUSY_DAY, BUSY_DAY + 86399, 20, true, &w), PHONECOM_END_OF_PAGES);
    CHECK(w.rows == by_hour);
    CHECK(w.pages == (long long)(by_hour + 19) / 20);
    CHECK(w.ordered && w.in_range && w.ids_present);
    CHECK(duplicates(&w) == 0);
    free(w.ids);

    phonecom_client_free(client);
}

static void refusals_and_a_failing_window(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    const struct {
        const char *params, *field;
    } bad[] = {
        {"{\"startTime\": 1704067200}", "endTime"},
        {"{\"endTime\": 1711929599}", "startTime"},
        {"{\"startTime\": 1711929599, \"endTime\": 1704067200}", "endTime"},
        {"{\"startTime\": -5, \"endTime\": 1704067200}", "startTime"},
        {"{\"startTime\": \"noon\", \"endTime\": 1704067200}", "startTime"},
        {"{\"startTime\": 0, \"endTime\": 1704067200, \"limit\": 501}", "limit"},
        {"{\"startTime\": 0, \"endTime\": 1704067200, \"page\": 2}", "page"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        phonecom_pager *pager = (phonecom_pager *)SENTINEL;
        CHECK_STATUS(phonecom_pager_new(client, "xml.getCallList", bad[i].params, &pager), PHONECOM_ERR_VALIDATION);
        CHECK(pager == (phonecom_pager *)SENTINEL);
        char *field = h_last_field("/fields/0/field");
        CHECK_STR(field, bad[i].field);
        free(field);
    }

    /* A window that fails (three 500s: every attempt) ends the walk with its error, then the end.
     * The first page comes from a window already fetched; the fault hits a later one. */
    phonecom_pager *pager = NULL;
    CHECK_STATUS(phonecom_pager_new(client, "xml.getCallList",
                                    "{\"startTime\": 1704067200, \"endTime\": 1711929599, \"limit\": 100}", &pager),
                 PHONECOM_OK);
    char *page = NULL;
    CHECK_STATUS(phonecom_pager_next(pager, &page), PHONECOM_OK);
    phonecom_string_free(page);
    h_fault("POST", "/special/xmlapi", "status=500", 3);
    long long rows = 100;
    phonecom_status st;
    page = NULL;
    while ((st = phonecom_pager_next(pager, &page)) == PHONECOM_OK) {
        rows += (long long)h_array_len(page, "/items");
        phonecom_string_free(page);
        page = NULL;
    }
    CHECK_STATUS(st, PHONECOM_ERR_SERVER);
    CHECK(rows < SEEDED_CALLS);
    char *json = phonecom_last_error_json();
    CHECK(json && h_get_is(json, "/family", "xml") && h_get_is(json, "/operation", "xml.getCallList"));
    CHECK(json && h_get_int(json, "/status") == 500 && h_get_int(json, "/attempts") == 3);
    char *password = h_get(h_config(), "/xml/password");
    CHECK(json && password && !strstr(json, password));
    free(password);
    phonecom_string_free(json);
    page = SENTINEL;
    CHECK_STATUS(phonecom_pager_next(pager, &page), PHONECOM_END_OF_PAGES);
    CHECK(page == SENTINEL);
    phonecom_pager_free(pager);
    phonecom_client_free(client);
}

void suite_calllist(void) {
    h_run("calllist: the quarter walked by windows, every call once", walks_the_quarter);
    h_run("calllist: the busy day, over the cap, counted two ways", walks_the_busy_day);
    h_run("calllist: refusals, and a failing window ends the walk", refusals_and_a_failing_window);
}
