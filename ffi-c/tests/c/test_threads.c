/* One client shared by several pthreads against the sandbox: every call succeeds, and each
 * thread sees only its own last error. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 8
#define CALLS 12

struct worker {
    const phonecom_client *client;
    int index;
    int ok;
    int own_errors;
};

static void *work(void *arg) {
    struct worker *w = arg;
    for (int i = 0; i < CALLS; i++) {
        char *out = NULL;
        const char *name = (i % 3 == 0) ? "v4.get-account" : "v4.list-available-phone-numbers";
        const char *params = (i % 3 == 0) ? "{}" : "{\"filters\": {\"npa\": \"eq:858\"}, \"limit\": 25}";
        if (phonecom_call(w->client, name, params, &out) == PHONECOM_OK && out && strstr(out, "{")) w->ok++;
        phonecom_string_free(out);

        /* Odd threads misuse the API, even ones send bad input: each sees its own kind. */
        out = SENTINEL;
        phonecom_status st;
        const char *want;
        if (w->index % 2) {
            st = phonecom_call(w->client, "v4.get-account", NULL, &out);
            want = "null_argument";
        } else {
            st = phonecom_call(w->client, "v4.list-available-phone-numbers", "{\"limit\": 900}", &out);
            want = "validation";
        }
        char *kind = h_last_kind();
        if (st != PHONECOM_OK && out == SENTINEL && kind && strcmp(kind, want) == 0) w->own_errors++;
        free(kind);
    }
    return NULL;
}

static void shared_client(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    pthread_t threads[THREADS];
    struct worker workers[THREADS];
    for (int i = 0; i < THREADS; i++) {
        workers[i] = (struct worker){client, i, 0, 0};
        CHECK(pthread_create(&threads[i], NULL, work, &workers[i]) == 0);
    }
    int ok = 0, own = 0;
    for (int i = 0; i < THREADS; i++) {
        pthread_join(threads[i], NULL);
        ok += workers[i].ok;
        own += workers[i].own_errors;
    }
    CHECK(ok == THREADS * CALLS);
    CHECK(own == THREADS * CALLS);
    phonecom_client_free(client);
}

static void *walk(void *arg) {
    phonecom_pager *pager = arg;
    char *page = NULL;
    long rows = 0;
    while (phonecom_pager_next(pager, &page) == PHONECOM_OK) {
        rows += (long)h_array_len(page, "/items");
        phonecom_string_free(page);
    }
    return (void *)rows;
}

static void pagers_on_threads(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    pthread_t threads[4];
    phonecom_pager *pagers[4];
    for (int i = 0; i < 4; i++) {
        CHECK_STATUS(phonecom_pager_new(client, "v4.list-available-phone-numbers",
                                        "{\"filters\": {\"npa\": \"eq:858\"}, \"limit\": 50}", &pagers[i]),
                     PHONECOM_OK);
        CHECK(pthread_create(&threads[i], NULL, walk, pagers[i]) == 0);
    }
    long rows[4];
    for (int i = 0; i < 4; i++) {
        void *r = NULL;
        pthread_join(threads[i], &r);
        rows[i] = (long)r;
        phonecom_pager_free(pagers[i]);
    }
    CHECK(rows[0] > 0 && rows[0] == rows[1] && rows[1] == rows[2] && rows[2] == rows[3]);
    phonecom_client_free(client);
}

void suite_threads(void) {
    h_run("threads: one client, 8 pthreads, each with its own last error", shared_client);
    h_run("threads: one pager per thread on a shared client", pagers_on_threads);
}
