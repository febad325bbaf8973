/* A walk's progress (issue 14 item 10): phonecom_pager_set_progress calls a function pointer with
 * user data after each page, and phonecom_pager_progress reads it at any time. The sandbox's
 * available-number inventory is thousands of rows with a total; xml.getCallList's 1,500 seeded
 * calls come with none. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_REPORTS 64

/* What the callback saw, through its user data. */
struct reports {
    phonecom_progress seen[MAX_REPORTS];
    size_t count;
    long long page_rows_handed_out; /* rows of the pages phonecom_pager_next returned so far */
    bool behind;                    /* a report came after its page was handed out */
};

static void record(void *user_data, const phonecom_progress *progress) {
    struct reports *r = user_data;
    if (r->count < MAX_REPORTS) r->seen[r->count] = *progress;
    r->count++;
    if ((long long)progress->rows <= r->page_rows_handed_out) r->behind = true;
}

/* Walk `name` with `params` to the end, counting rows; returns the final status. */
static phonecom_status walk(phonecom_pager *pager, struct reports *r) {
    phonecom_status st;
    char *page = NULL;
    while ((st = phonecom_pager_next(pager, &page)) == PHONECOM_OK) {
        r->page_rows_handed_out += (long long)h_array_len(page, "/items");
        phonecom_string_free(page);
        page = NULL;
    }
    return st;
}

static void reports_pages_rows_and_the_total(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    char *first = NULL;
    CHECK_STATUS(phonecom_call(client, "v4.list-available-phone-numbers", "{\"limit\": 1}", &first), PHONECOM_OK);
    long long total = h_get_int(first, "/total");
    phonecom_string_free(first);
    CHECK(total > 1000);

    phonecom_pager *pager = NULL;
    CHECK_STATUS(phonecom_pager_new(client, "v4.list-available-phone-numbers", "{\"limit\": 500}", &pager), PHONECOM_OK);
    phonecom_progress now;
    memset(&now, 0xff, sizeof now);
    CHECK_STATUS(phonecom_pager_progress(pager, &now), PHONECOM_OK);
    CHECK(now.pages == 0 && now.rows == 0 && !now.total_known);

    struct reports r = {0};
    CHECK_STATUS(phonecom_pager_set_progress(pager, record, &r), PHONECOM_OK);
    CHECK_STATUS(walk(pager, &r), PHONECOM_END_OF_PAGES);
    long long pages = (total + 499) / 500;
    CHECK((long long)r.count == pages);
    CHECK(!r.behind);
    CHECK(r.page_rows_handed_out == total);
    for (size_t i = 0; i < r.count && i < MAX_REPORTS; i++) {
        long long want_rows = (long long)(i + 1) * 500 < total ? (long long)(i + 1) * 500 : total;
        CHECK(r.seen[i].pages == i + 1);
        CHECK((long long)r.seen[i].rows == want_rows);
        CHECK(r.seen[i].total_known && (long long)r.seen[i].total == total);
    }
    CHECK_STATUS(phonecom_pager_progress(pager, &now), PHONECOM_OK);
    CHECK((long long)now.pages == pages && (long long)now.rows == total);

    /* NULL arguments are refused with a status. */
    CHECK_STATUS(phonecom_pager_progress(pager, NULL), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_pager_progress(NULL, &now), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_pager_set_progress(NULL, record, &r), PHONECOM_ERR_NULL_ARGUMENT);
    phonecom_pager_free(pager);
    phonecom_client_free(client);
}

static void no_total_a_removed_callback_and_a_failed_page(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    phonecom_pager *pager = NULL;
    CHECK_STATUS(phonecom_pager_new(client, "xml.getCallList",
                                    "{\"startTime\": 1704067200, \"endTime\": 1711929599, \"limit\": 400}", &pager),
                 PHONECOM_OK);
    struct reports r = {0};
    CHECK_STATUS(phonecom_pager_set_progress(pager, record, &r), PHONECOM_OK);
    CHECK_STATUS(walk(pager, &r), PHONECOM_END_OF_PAGES);
    CHECK(r.count == 4 && r.page_rows_handed_out == 1500);
    CHECK(r.seen[3].pages == 4 && r.seen[3].rows == 1500 && !r.seen[3].total_known && r.seen[3].total == 0);
    phonecom_pager_free(pager);

    /* A NULL callback removes it; a page that fails is not reported. */
    pager = NULL;
    CHECK_STATUS(phonecom_pager_new(client, "v4.list-available-phone-numbers", "{\"limit\": 100}", &pager), PHONECOM_OK);
    struct reports kept = {0}, removed = {0};
    CHECK_STATUS(phonecom_pager_set_progress(pager, record, &removed), PHONECOM_OK);
    CHECK_STATUS(phonecom_pager_set_progress(pager, NULL, NULL), PHONECOM_OK);
    char *page = NULL;
    CHECK_STATUS(phonecom_pager_next(pager, &page), PHONECOM_OK);
    phonecom_string_free(page);
    CHECK(removed.count == 0);
    CHECK_STATUS(phonecom_pager_set_progress(pager, record, &kept), PHONECOM_OK);
    CHECK(h_fault("GET", "/v4/phone-numbers/available", "status=404", 1));
    page = SENTINEL;
    CHECK_STATUS(phonecom_pager_next(pager, &page), PHONECOM_ERR_NOT_FOUND);
    CHECK(page == SENTINEL);
    CHECK(kept.count == 0);
    phonecom_progress now;
    CHECK_STATUS(phonecom_pager_progress(pager, &now), PHONECOM_OK);
    CHECK(now.pages == 1 && now.rows == 100);
    phonecom_pager_free(pager);
    phonecom_client_free(client);
}

void suite_progress(void) {
    h_run("progress: a callback with user data after each page, and the getter", reports_pages_rows_and_the_total);
    h_run("progress: no total, a removed callback, a failed page", no_total_a_removed_callback_and_a_failed_page);
}
