/* A panic inside the library is PHONECOM_ERR_PANIC with a last error that says where it happened
 * (never what it said), and nothing on stderr. The panic is deliberate, through the test-only
 * phonecom__panic_for_test; every entry point runs behind the same boundary. */
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

static void the_library_goes_on_after_a_panic(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    CHECK_STATUS(phonecom__panic_for_test(), PHONECOM_ERR_PANIC);
    char *out = NULL;
    CHECK_STATUS(phonecom_call(client, "v4.get-account", "{}", &out), PHONECOM_OK);
    phonecom_string_free(out);
    /* The last error stays the panic's until the next failure (errno-like). */
    CHECK_STATUS(phonecom_last_error_status(), PHONECOM_ERR_PANIC);
    phonecom_client_free(client);
}

void suite_internal(void) {
    h_run("internal: a panic is PHONECOM_ERR_PANIC, with nothing on stderr", a_panic_is_a_status);
    h_run("internal: the library goes on after a panic", the_library_goes_on_after_a_panic);
}
