/*
 * Walk a long list with progress, in C: every available number of the inventory (thousands of
 * rows, 500 a page), then every call of a quarter from the XML API's call log (1,500 calls,
 * walked by time windows past the API's 500-row cap). phonecom_pager_set_progress gives the pager
 * a function pointer and user data; it is called after each page with the pages and rows so far,
 * and the total when the upstream says it.
 *
 *   cc list_walk.c $(pkg-config --cflags --libs phonecom) -o list_walk
 *   PHONECOM_CONFIG=config.json ./list_walk
 */
#include "example.h"

#include <stdlib.h>

/* What the walk keeps between pages: passed to the callback as its user data. */
struct walk {
    const char *what;
    unsigned long long last_rows;
};

/* Called by the library after each page (a terminal would redraw one line with '\r'). */
static void show(void *user_data, const phonecom_progress *p) {
    struct walk *w = user_data;
    w->last_rows = p->rows;
    if (p->total_known)
        printf("  %s: fetched %llu page%s, %llu of %llu rows (%llu%%)\n", w->what, (unsigned long long)p->pages,
               p->pages == 1 ? "" : "s", (unsigned long long)p->rows, (unsigned long long)p->total,
               (unsigned long long)(p->total ? 100 * p->rows / p->total : 100));
    else
        printf("  %s: fetched %llu page%s, %llu rows\n", w->what, (unsigned long long)p->pages,
               p->pages == 1 ? "" : "s", (unsigned long long)p->rows);
}

/* Walk `name` to the end with progress; the rows seen, or -1 after reporting the error. */
static long long walk_all(const phonecom_client *client, const char *name, const char *params, const char *what) {
    phonecom_pager *pager = NULL;
    if (phonecom_pager_new(client, name, params, &pager) != PHONECOM_OK) return ex_report(name), -1;
    struct walk w = {what, 0};
    phonecom_pager_set_progress(pager, show, &w);
    char *page = NULL;
    phonecom_status st;
    while ((st = phonecom_pager_next(pager, &page)) == PHONECOM_OK) {
        /* Each page is {"items": [...], "total", "offset", "limit", "request_id"}: use its rows here. */
        phonecom_string_free(page);
    }
    if (st != PHONECOM_END_OF_PAGES) ex_report(name);
    phonecom_pager_free(pager);
    return st == PHONECOM_END_OF_PAGES ? (long long)w.last_rows : -1;
}

int main(void) {
    phonecom_client *client = ex_client();
    if (!client) return 1;

    printf("step 1: every available number, 500 a page\n");
    long long numbers = walk_all(client, "v4.list-available-phone-numbers", "{\"limit\": 500}", "numbers");
    printf("step 1: %lld numbers\n", numbers);

    printf("step 2: every call of Q1 2024 from the XML API, 400 a page\n");
    long long calls = walk_all(client, "xml.getCallList",
                               "{\"startTime\": 1704067200, \"endTime\": 1711929599, \"limit\": 400}", "calls");
    printf("step 2: %lld calls\n", calls);

    phonecom_client_free(client);
    if (numbers < 1000 || calls <= 0) return fprintf(stderr, "error: expected thousands of numbers and some calls\n"), 1;
    printf("done\n");
    return 0;
}
