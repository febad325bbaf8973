/* Every error kind through the C API, against the sandbox (faults injected over its admin API),
 * each with its status, its JSON kind and the structured fields that matter for it. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char sms_path[128];
static char account_path[128];

static void paths(void) {
    snprintf(sms_path, sizeof sms_path, "/v4/accounts/%lld/sms", h_account_id());
    snprintf(account_path, sizeof account_path, "/v4/accounts/%lld", h_account_id());
}

/* Call, expect `want`, check the error JSON's kind and operation; returns the JSON (free it). */
static char *expect_error(phonecom_client *client, const char *name, const char *params,
                          phonecom_status want) {
    char *out = SENTINEL;
    CHECK_STATUS(phonecom_call(client, name, params, &out), want);
    CHECK(out == SENTINEL);
    CHECK_STATUS(phonecom_last_error_status(), want);
    char *json = h_take(phonecom_last_error_json());
    CHECK(json != NULL);
    if (json) {
        CHECK(h_get_is(json, "/kind", phonecom_status_name(want)));
        CHECK(h_get_is(json, "/operation", name));
    }
    return json;
}

static void validation_local_and_upstream(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    char *e = expect_error(client, "v4.list-available-phone-numbers",
                           "{\"limit\": 900, \"filters\": {\"price\": \"cheap\"}, \"colour\": 1}",
                           PHONECOM_ERR_VALIDATION);
    CHECK(e && strstr(e, "\"limit\"") && strstr(e, "\"filters.price\"") && strstr(e, "\"colour\""));
    CHECK(e && h_get_is(e, "/attempts", "0"));
    CHECK(e && h_get_is(e, "/status", "null"));
    free(e);

    const char *create = "{\"username\": \"acme-dup-c\", \"password\": \"pw-1234567890\", \"contact\": "
                         "{\"name\": \"Ada\", \"address\": {\"line_1\": \"1 St\", \"city\": \"Dallas\", "
                         "\"province\": \"TX\", \"country\": \"US\"}, \"phone\": \"+15555550001\", "
                         "\"primary_email\": \"a@b.co\"}}";
    char *out = NULL;
    CHECK_STATUS(phonecom_call(client, "v4.create-account-subaccount", create, &out), PHONECOM_OK);
    phonecom_string_free(out);
    e = expect_error(client, "v4.create-account-subaccount", create, PHONECOM_ERR_VALIDATION);
    CHECK(e && h_get_is(e, "/status", "422"));
    CHECK(e && strstr(e, "\"field\":\"username\""));
    CHECK(e && !strstr(e, "pw-1234567890"));
    free(e);
    phonecom_client_free(client);
}

static void authentication(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL), *bad = NULL;
    CHECK_STATUS(phonecom_client_with_v4_token(client, "not-a-valid-token", 0, &bad), PHONECOM_OK);
    char *e = expect_error(bad, "v4.get-account", "{}", PHONECOM_ERR_AUTHENTICATION);
    CHECK(e && h_get_is(e, "/status", "401"));
    CHECK(e && h_get_is(e, "/upstream_code", "invalid_token"));
    CHECK(e && !strstr(e, "not-a-valid-token"));
    free(e);
    phonecom_client_free(bad);
    phonecom_client_free(client);
}

static void permission(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    paths();
    h_fault("GET", account_path, "status=403", 1);
    char *e = expect_error(client, "v4.get-account", "{}", PHONECOM_ERR_PERMISSION);
    CHECK(e && h_get_is(e, "/status", "403"));
    CHECK(e && h_get_is(e, "/retryable", "false"));
    free(e);
    phonecom_client_free(client);
}

static void not_found(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    char *e = expect_error(client, "v4.get-account-extension", "{\"extension_id\": 424242}", PHONECOM_ERR_NOT_FOUND);
    CHECK(e && h_get_is(e, "/status", "404"));
    CHECK(e && h_get_is(e, "/family", "v4"));
    char *rid = e ? h_get(e, "/request_id") : NULL;
    CHECK(rid && strcmp(rid, "null") != 0 && *rid);
    free(rid);
    free(e);
    phonecom_client_free(client);
}

static void conflict(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    paths();
    h_fault("GET", sms_path, "status=409", 3);
    char *e = expect_error(client, "v4.list-account-sms", "{}", PHONECOM_ERR_CONFLICT);
    CHECK(e && h_get_is(e, "/status", "409"));
    CHECK(e && h_get_is(e, "/attempts", "3"));
    free(e);
    phonecom_client_free(client);
}

static void rate_limited(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    paths();
    /* A Retry-After beyond the deadline is not waited for: the error carries it. */
    h_fault("GET", sms_path, "status=429;retry_after=30", 1);
    char *e = expect_error(client, "v4.list-account-sms", "{}", PHONECOM_ERR_RATE_LIMITED);
    CHECK(e && h_get_is(e, "/status", "429"));
    CHECK(e && h_get_int(e, "/retry_after") == 30);
    CHECK(e && h_get_is(e, "/retryable", "true"));
    free(e);
    phonecom_client_free(client);
}

static void server(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    paths();
    h_fault("GET", sms_path, "status=503", 3);
    char *e = expect_error(client, "v4.list-account-sms", "{}", PHONECOM_ERR_SERVER);
    CHECK(e && h_get_is(e, "/status", "503"));
    CHECK(e && h_get_is(e, "/attempts", "3"));
    CHECK(e && h_get_is(e, "/retryable", "true"));
    free(e);
    /* Retries through two failures, then success. */
    h_fault("GET", sms_path, "status=500", 2);
    char *out = NULL;
    CHECK_STATUS(phonecom_call(client, "v4.list-account-sms", "{}", &out), PHONECOM_OK);
    phonecom_string_free(out);
    phonecom_client_free(client);
}

static void transport(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    paths();
    h_fault("GET", sms_path, "reset_before", 3);
    char *e = expect_error(client, "v4.list-account-sms", "{}", PHONECOM_ERR_TRANSPORT);
    CHECK(e && h_get_is(e, "/status", "null"));
    free(e);
    phonecom_client_free(client);
}

static void timeout(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client("\"timeouts\": {\"connect_ms\": 2000, \"overall_ms\": 300}");
    paths();
    h_fault("GET", sms_path, "latency=1500", 3);
    char *e = expect_error(client, "v4.list-account-sms", "{}", PHONECOM_ERR_TIMEOUT);
    CHECK(e && h_get_is(e, "/retryable", "true"));
    free(e);
    phonecom_client_free(client);
}

static void decode(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    paths();
    h_fault("GET", sms_path, "malformed", 1);
    char *e = expect_error(client, "v4.list-account-sms", "{}", PHONECOM_ERR_DECODE);
    char *raw = e ? h_get(e, "/raw_body") : NULL;
    CHECK(raw && strcmp(raw, "null") != 0);
    free(raw);
    free(e);
    phonecom_client_free(client);
}

static void unknown_operation(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    char *out = SENTINEL;
    CHECK_STATUS(phonecom_call(client, "v4.nope", "{}", &out), PHONECOM_ERR_VALIDATION);
    CHECK(out == SENTINEL);
    char *e = h_take(phonecom_last_error_json());
    CHECK(e && strstr(e, "unknown operation") && h_get_is(e, "/fields/0/field", "name"));
    CHECK(e && h_get_is(e, "/attempts", "0"));
    free(e);
    phonecom_client_free(client);
}

void suite_errors(void) {
    h_run("errors: validation, local and upstream (422)", validation_local_and_upstream);
    h_run("errors: authentication", authentication);
    h_run("errors: permission", permission);
    h_run("errors: not found", not_found);
    h_run("errors: conflict", conflict);
    h_run("errors: rate limited, with retry_after", rate_limited);
    h_run("errors: server, retried then given up", server);
    h_run("errors: transport", transport);
    h_run("errors: timeout", timeout);
    h_run("errors: decode, with the raw body", decode);
    h_run("errors: unknown operation", unknown_operation);
}
