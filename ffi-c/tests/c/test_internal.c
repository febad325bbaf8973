/* A panic inside the library is PHONECOM_ERR_PANIC with a last error that says where it happened
 * (never what it said), and nothing on stderr: in a plain entry point, and deep inside a call and
 * a page walk. The panics are deliberate, through the test-only phonecom__* entry points. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the deliberate panic's message holds (phonecom_core::boundary::PANIC_FOR_TEST_SECRET). */
static const char *const PAYLOAD = "sbx_panic_payload_secret_0123456789";

/* The last error is the panic of `function`; frees nothing of the caller's. */
static void check_panic_recorded(const char *function) {
    CHECK_STATUS(phonecom_last_error_status(), PHONECOM_ERR_PANIC);
    char *msg = h_take(phonecom_last_error_message());
    char want[256];
    snprintf(want, sizeof want, "[panic] %s: internal error: a bug in libphonecom (a panic at ",
             function);
    CHECK(msg && strncmp(msg, want, strlen(want)) == 0);
    CHECK(msg && strstr(msg, "boundary.rs:"));
    CHECK(msg && !strstr(msg, PAYLOAD));
    char *json = h_take(phonecom_last_error_json());
    CHECK(json && h_get_is(json, "/kind", "panic"));
    CHECK(json && h_get_is(json, "/message", msg ? msg : ""));
    CHECK(json && !strstr(json, PAYLOAD));
    free(json);
    free(msg);
}

static void a_panic_is_a_status(void) {
    h_stderr_begin();
    phonecom_status st = phonecom__panic_for_test();
    char *err = h_stderr_end();
    CHECK_STATUS(st, PHONECOM_ERR_PANIC);
    CHECK_STR(err, "");
    free(err);
    check_panic_recorded("phonecom__panic_for_test");
    CHECK_STR(phonecom_status_name(PHONECOM_ERR_PANIC), "panic");
}

static void a_panic_inside_a_call_and_a_page(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client_builder *builder = NULL;
    phonecom_client *client = NULL;
    CHECK_STATUS(phonecom_client_builder_from_json(h_config(), &builder), PHONECOM_OK);
    CHECK_STATUS(phonecom__client_builder_panic_on_response_for_test(builder), PHONECOM_OK);
    CHECK_STATUS(phonecom_client_builder_build(builder, &client), PHONECOM_OK);
    phonecom_client_builder_free(builder);

    h_stderr_begin();
    char *out = SENTINEL;
    phonecom_status call = phonecom_call(client, "v4.get-account", "{}", &out);
    char *err = h_stderr_end();
    CHECK_STATUS(call, PHONECOM_ERR_PANIC);
    CHECK(out == SENTINEL);
    CHECK_STR(err, "");
    free(err);
    check_panic_recorded("phonecom_call");

    phonecom_pager *pager = NULL;
    CHECK_STATUS(phonecom_pager_new(client, "v4.list-available-phone-numbers", "{\"limit\": 5}", &pager),
                 PHONECOM_OK);
    h_stderr_begin();
    char *page = SENTINEL;
    phonecom_status next = phonecom_pager_next(pager, &page);
    err = h_stderr_end();
    CHECK_STATUS(next, PHONECOM_ERR_PANIC);
    CHECK(page == SENTINEL);
    CHECK_STR(err, "");
    free(err);
    check_panic_recorded("phonecom_pager_next");
    phonecom_pager_free(pager);
    phonecom_client_free(client);

    /* The library goes on working. */
    phonecom_client *fine = h_client(NULL);
    out = NULL;
    CHECK_STATUS(phonecom_call(fine, "v4.get-account", "{}", &out), PHONECOM_OK);
    phonecom_string_free(out);
    phonecom_client_free(fine);
}

void suite_internal(void) {
    h_run("internal: a panic is PHONECOM_ERR_PANIC, with nothing on stderr", a_panic_is_a_status);
    h_run("internal: a panic inside a call and a page walk", a_panic_inside_a_call_and_a_page);
}
