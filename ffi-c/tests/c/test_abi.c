/* The ABI's contract, no network needed: version, NULL / invalid UTF-8 / invalid JSON refused
 * with a status, out-parameters untouched on failure, the last error, the catalog, the
 * builder and the User-Agent. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A client that never reaches a server (nothing listens on port 9 of loopback). */
static const char *OFFLINE =
    "{\"v4\": {\"base_url\": \"http://127.0.0.1:9/v4\", \"token\": \"sbx_offline_secret_token\", "
    "\"account_id\": 1234}, \"retry\": {\"max_attempts\": 1}, "
    "\"timeouts\": {\"connect_ms\": 500, \"overall_ms\": 1000}}";

static const char BAD_UTF8[] = {'v', '4', '.', (char)0xff, (char)0xfe, 0};

static phonecom_client *offline_client(void) {
    phonecom_client *client = NULL;
    CHECK_STATUS(phonecom_client_new_from_json(OFFLINE, &client), PHONECOM_OK);
    return client;
}

static void version(void) {
    CHECK_STR(phonecom_version(), PHONECOM_VERSION_STRING);
    char built[64];
    snprintf(built, sizeof built, "%d.%d.%d", PHONECOM_VERSION_MAJOR, PHONECOM_VERSION_MINOR,
             PHONECOM_VERSION_PATCH);
    CHECK_STR(built, PHONECOM_VERSION_STRING);
}

static void status_names(void) {
    CHECK_STR(phonecom_status_name(PHONECOM_OK), "ok");
    CHECK_STR(phonecom_status_name(PHONECOM_ERR_VALIDATION), "validation");
    CHECK_STR(phonecom_status_name(PHONECOM_ERR_RATE_LIMITED), "rate_limited");
    CHECK_STR(phonecom_status_name(PHONECOM_ERR_INVALID_UTF8), "invalid_utf8");
    CHECK_STR(phonecom_status_name(PHONECOM_END_OF_PAGES), "end_of_pages");
    CHECK_STR(phonecom_status_name(4242), "unknown");
}

static void null_arguments(void) {
    phonecom_client *client = offline_client();
    phonecom_client *cout = (phonecom_client *)SENTINEL;
    phonecom_client_builder *bout = (phonecom_client_builder *)SENTINEL;
    phonecom_pager *pout = (phonecom_pager *)SENTINEL;
    char *out = SENTINEL;
    bool flag = false;

    CHECK_STATUS(phonecom_client_new_from_json(NULL, &cout), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_client_new_from_json(OFFLINE, NULL), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_client_new_from_env(NULL), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_client_builder_from_json(NULL, &bout), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_client_builder_from_env(NULL), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_client_builder_set_binding(NULL, "c"), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_client_builder_set_log(NULL, NULL, NULL), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_client_builder_build(NULL, &cout), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_client_with_v4_token(NULL, "t", 0, &cout), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_client_with_v4_token(client, NULL, 0, &cout), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_client_with_v4_token(client, "t", 0, NULL), PHONECOM_ERR_NULL_ARGUMENT);
    /* A token that could not be masked, or not sent in a header, is refused by name. */
    CHECK_STATUS(phonecom_client_with_v4_token(client, "abc", 0, &cout), PHONECOM_ERR_VALIDATION);
    CHECK(cout == (phonecom_client *)SENTINEL);
    CHECK_STATUS(phonecom_client_with_v4_token(client, "tok en-1234", 0, &cout), PHONECOM_ERR_VALIDATION);
    CHECK(cout == (phonecom_client *)SENTINEL);
    CHECK_STATUS(phonecom_client_user_agent(NULL, &out), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_client_user_agent(client, NULL), PHONECOM_ERR_NULL_ARGUMENT);

    CHECK_STATUS(phonecom_call(NULL, "v4.get-account", "{}", &out), PHONECOM_ERR_NULL_ARGUMENT);
    char *field = h_last_field("/message");
    CHECK(field && strstr(field, "`client` is NULL"));
    free(field);
    CHECK_STATUS(phonecom_call(client, NULL, "{}", &out), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_call(client, "v4.get-account", NULL, &out), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_call(client, "v4.get-account", "{}", NULL), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_catalog_json(NULL), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_operation_json(NULL, &out), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_operation_json("v4.get-account", NULL), PHONECOM_ERR_NULL_ARGUMENT);

    CHECK_STATUS(phonecom_pager_new(NULL, "v4.list-account-sms", "{}", &pout), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_pager_new(client, NULL, "{}", &pout), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_pager_new(client, "v4.list-account-sms", NULL, &pout), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_pager_new(client, "v4.list-account-sms", "{}", NULL), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_pager_next(NULL, &out), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK(phonecom_pager_pages_fetched(NULL) == 0);

    CHECK_STATUS(phonecom_express_username(NULL, "1", &out), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_express_username("acme", NULL, &out), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_express_username("acme", "1", NULL), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_express_generate_password(32, NULL), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_express_validate_contact(NULL, &out), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_e164_check(NULL), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_e164_normalize(NULL, &out), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_e164_normalize("+18585550100", NULL), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_e164_is_nanpa(NULL, &flag), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_e164_is_nanpa("+18585550100", NULL), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_vanity_to_digits(NULL, &out), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_json_get(NULL, "", &out), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_json_get("{}", NULL, &out), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_json_get("{}", "", NULL), PHONECOM_ERR_NULL_ARGUMENT);

    char *kind = h_last_kind();
    CHECK_STR(kind, "null_argument");
    free(kind);
    CHECK(cout == (phonecom_client *)SENTINEL);
    CHECK(bout == (phonecom_client_builder *)SENTINEL);
    CHECK(pout == (phonecom_pager *)SENTINEL);
    CHECK(out == SENTINEL);
    CHECK(!flag);

    /* Every _free accepts NULL. */
    phonecom_client_free(NULL);
    phonecom_client_builder_free(NULL);
    phonecom_pager_free(NULL);
    phonecom_string_free(NULL);
    phonecom_client_free(client);
}

static void invalid_utf8(void) {
    phonecom_client *client = offline_client();
    phonecom_client *cout = (phonecom_client *)SENTINEL;
    phonecom_pager *pout = (phonecom_pager *)SENTINEL;
    char *out = SENTINEL;

    CHECK_STATUS(phonecom_call(client, BAD_UTF8, "{}", &out), PHONECOM_ERR_INVALID_UTF8);
    char *msg = h_last_field("/message");
    CHECK(msg && strstr(msg, "`name` is not valid UTF-8 (invalid byte at offset 3)"));
    free(msg);
    CHECK_STATUS(phonecom_call(client, "v4.get-account", BAD_UTF8, &out), PHONECOM_ERR_INVALID_UTF8);
    CHECK_STATUS(phonecom_client_new_from_json(BAD_UTF8, &cout), PHONECOM_ERR_INVALID_UTF8);
    CHECK_STATUS(phonecom_pager_new(client, BAD_UTF8, "{}", &pout), PHONECOM_ERR_INVALID_UTF8);
    CHECK_STATUS(phonecom_operation_json(BAD_UTF8, &out), PHONECOM_ERR_INVALID_UTF8);
    CHECK_STATUS(phonecom_express_username("acme", BAD_UTF8, &out), PHONECOM_ERR_INVALID_UTF8);
    CHECK_STATUS(phonecom_e164_check(BAD_UTF8), PHONECOM_ERR_INVALID_UTF8);
    CHECK_STATUS(phonecom_vanity_to_digits(BAD_UTF8, &out), PHONECOM_ERR_INVALID_UTF8);
    CHECK_STATUS(phonecom_client_with_v4_token(client, BAD_UTF8, 0, &cout), PHONECOM_ERR_INVALID_UTF8);
    CHECK_STATUS(phonecom_json_get("{}", BAD_UTF8, &out), PHONECOM_ERR_INVALID_UTF8);
    char *kind = h_last_kind();
    CHECK_STR(kind, "invalid_utf8");
    free(kind);
    CHECK(cout == (phonecom_client *)SENTINEL && pout == (phonecom_pager *)SENTINEL && out == SENTINEL);
    phonecom_client_free(client);
}

/* Each string argument of every other entry point, one at a time: refused with the argument
 * named, the out-parameters untouched. */
#define CHECK_UTF8(call, arg)                                                                      \
    do {                                                                                           \
        phonecom_last_error_clear();                                                               \
        CHECK_STATUS(call, PHONECOM_ERR_INVALID_UTF8);                                             \
        char *why = h_last_field("/message");                                                      \
        CHECK(why && strstr(why, "`" arg "` is not valid UTF-8"));                                 \
        free(why);                                                                                 \
    } while (0)

static void invalid_utf8_everywhere(void) {
    phonecom_client *client = offline_client();
    phonecom_client_builder *builder = NULL;
    CHECK_STATUS(phonecom_client_builder_from_json(OFFLINE, &builder), PHONECOM_OK);
    phonecom_client_builder *bout = (phonecom_client_builder *)SENTINEL;
    phonecom_pager *pout = (phonecom_pager *)SENTINEL;
    char *out = SENTINEL;
    bool flag = true;

    CHECK_UTF8(phonecom_callcontrol_parse(BAD_UTF8, &out), "query_or_body");
    CHECK_UTF8(phonecom_callcontrol_parse("uniqueID=1&dialedNumber=\xc3", &out), "query_or_body");
    CHECK_UTF8(phonecom_callcontrol_parse_command(BAD_UTF8, &out), "line");
    CHECK_UTF8(phonecom_callcontrol_render(BAD_UTF8, &out), "command_json");
    CHECK_UTF8(phonecom_client_builder_set_binding(builder, BAD_UTF8), "name");
    CHECK_UTF8(phonecom_e164_normalize(BAD_UTF8, &out), "number");
    CHECK_UTF8(phonecom_e164_is_nanpa(BAD_UTF8, &flag), "number");
    CHECK_UTF8(phonecom_client_builder_from_json(BAD_UTF8, &bout), "config_json");
    CHECK_UTF8(phonecom_pager_new(client, "v4.list-account-sms", BAD_UTF8, &pout), "params_json");
    CHECK_UTF8(phonecom_express_username(BAD_UTF8, "12345", &out), "partner");
    CHECK_UTF8(phonecom_express_validate_contact(BAD_UTF8, &out), "contact_json");
    CHECK_UTF8(phonecom_json_get(BAD_UTF8, "", &out), "json");
    CHECK(bout == (phonecom_client_builder *)SENTINEL && pout == (phonecom_pager *)SENTINEL);
    CHECK(out == SENTINEL && flag);

    /* The refused binding name left the builder as it was: still "c". */
    phonecom_client *built = NULL;
    char *ua = NULL;
    CHECK_STATUS(phonecom_client_builder_build(builder, &built), PHONECOM_OK);
    CHECK_STATUS(phonecom_client_user_agent(built, &ua), PHONECOM_OK);
    CHECK(ua && strstr(ua, "(c; "));
    phonecom_string_free(ua);
    phonecom_client_free(built);
    phonecom_client_builder_free(builder);
    phonecom_client_free(client);
}

/* A message holding a NUL byte (here an unknown parameter named "a\u0000b", which the
 * validation error names) still comes back: the NUL becomes U+FFFD. */
static void last_error_message_with_a_nul(void) {
    phonecom_client *client = offline_client();
    char *out = SENTINEL;
    CHECK_STATUS(phonecom_call(client, "v4.get-account", "{\"a\\u0000b\": 1}", &out), PHONECOM_ERR_VALIDATION);
    CHECK(out == SENTINEL);
    char *msg = phonecom_last_error_message();
    CHECK(msg != NULL);
    CHECK(msg && strstr(msg, "a\xef\xbf\xbd" "b") && strstr(msg, "is not a parameter"));
    phonecom_string_free(msg);
    /* The JSON keeps the field exactly, escaped. */
    char *json = phonecom_last_error_json();
    CHECK(json && strstr(json, "a\\u0000b"));
    phonecom_string_free(json);
    phonecom_client_free(client);
}

static void invalid_json(void) {
    phonecom_client *client = offline_client();
    phonecom_client *cout = (phonecom_client *)SENTINEL;
    phonecom_client_builder *bout = (phonecom_client_builder *)SENTINEL;
    phonecom_pager *pout = (phonecom_pager *)SENTINEL;
    char *out = SENTINEL;

    CHECK_STATUS(phonecom_call(client, "v4.get-account", "{\"account_id\": ", &out), PHONECOM_ERR_INVALID_JSON);
    char *msg = h_last_field("/message");
    CHECK(msg && strstr(msg, "`params_json` is not valid JSON"));
    free(msg);
    CHECK_STATUS(phonecom_call(client, "v4.get-account", "", &out), PHONECOM_ERR_INVALID_JSON);
    CHECK_STATUS(phonecom_client_new_from_json("{v4: 1}", &cout), PHONECOM_ERR_INVALID_JSON);
    CHECK_STATUS(phonecom_client_builder_from_json("nope", &bout), PHONECOM_ERR_INVALID_JSON);
    CHECK_STATUS(phonecom_pager_new(client, "v4.list-account-sms", "{,}", &pout), PHONECOM_ERR_INVALID_JSON);
    CHECK_STATUS(phonecom_express_validate_contact("{\"name\": }", &out), PHONECOM_ERR_INVALID_JSON);
    CHECK_STATUS(phonecom_json_get("[1, 2", "/0", &out), PHONECOM_ERR_INVALID_JSON);
    /* The input is never echoed (it may hold a password). */
    CHECK_STATUS(phonecom_call(client, "v4.get-account", "{\"password\": hunter2hunter2}", &out), PHONECOM_ERR_INVALID_JSON);
    msg = phonecom_last_error_json();
    CHECK(msg && !strstr(msg, "hunter2"));
    phonecom_string_free(msg);
    char *kind = h_last_kind();
    CHECK_STR(kind, "invalid_json");
    free(kind);
    CHECK(cout == (phonecom_client *)SENTINEL && bout == (phonecom_client_builder *)SENTINEL);
    CHECK(pout == (phonecom_pager *)SENTINEL && out == SENTINEL);
    phonecom_client_free(client);
}

static void last_error(void) {
    phonecom_last_error_clear();
    CHECK_STATUS(phonecom_last_error_status(), PHONECOM_OK);
    CHECK(phonecom_last_error_message() == NULL);
    CHECK(phonecom_last_error_json() == NULL);

    CHECK_STATUS(phonecom_e164_check("858-555"), PHONECOM_ERR_VALIDATION);
    CHECK_STATUS(phonecom_last_error_status(), PHONECOM_ERR_VALIDATION);
    char *json = phonecom_last_error_json();
    CHECK(json != NULL);
    if (json) {
        CHECK(h_get_is(json, "/kind", "validation"));
        CHECK(h_get_is(json, "/fields/0/field", "number"));
        CHECK(h_get_is(json, "/attempts", "0"));
        CHECK(h_get_is(json, "/retryable", "false"));
        /* Every structured field is present. */
        const char *keys[] = {"/message", "/family", "/operation", "/status", "/upstream_code",
                              "/upstream_message", "/fields", "/retry_after", "/request_id",
                              "/raw_body"};
        for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
            char *v = h_get(json, keys[i]);
            CHECK(v != NULL);
            free(v);
        }
    }
    phonecom_string_free(json);
    /* Success does not reset it (like errno). */
    CHECK_STATUS(phonecom_e164_check("+18585550100"), PHONECOM_OK);
    CHECK_STATUS(phonecom_last_error_status(), PHONECOM_ERR_VALIDATION);
    char *msg = phonecom_last_error_message();
    CHECK(msg && strstr(msg, "[validation]") && strstr(msg, "`number` must be E.164"));
    phonecom_string_free(msg);
    phonecom_last_error_clear();
    CHECK_STATUS(phonecom_last_error_status(), PHONECOM_OK);
}

static void bad_configuration(void) {
    phonecom_client *cout = (phonecom_client *)SENTINEL;
    CHECK_STATUS(phonecom_client_new_from_json("{\"v4\": {\"tokn\": \"x\"}}", &cout), PHONECOM_ERR_VALIDATION);
    char *msg = h_last_field("/message");
    CHECK(msg && strstr(msg, "tokn"));
    free(msg);
    CHECK_STATUS(phonecom_client_new_from_json("{\"v4\": {\"base_url\": \"http://api.example.com/v4\"}}", &cout),
                 PHONECOM_ERR_VALIDATION);
    CHECK_STATUS(phonecom_client_new_from_json("[1]", &cout), PHONECOM_ERR_VALIDATION);
    CHECK(cout == (phonecom_client *)SENTINEL);
}

static void catalog(void) {
    char *out = NULL;
    CHECK_STATUS(phonecom_catalog_json(&out), PHONECOM_OK);
    CHECK(out && strstr(out, "\"express.signup\"") && strstr(out, "\"v4.list-available-phone-numbers\""));
    if (out) CHECK(h_get_is(out, "/version", PHONECOM_VERSION_STRING));
    phonecom_string_free(out);
    CHECK_STATUS(phonecom_operation_json("v4.create-account-subaccount", &out), PHONECOM_OK);
    CHECK(h_get_is(out, "/method", "POST"));
    CHECK(h_get_is(out, "/family", "v4"));
    phonecom_string_free(out);
    out = SENTINEL;
    CHECK_STATUS(phonecom_operation_json("v4.no-such-operation", &out), PHONECOM_ERR_VALIDATION);
    CHECK(out == SENTINEL);
}

static void builder_and_user_agent(void) {
    phonecom_client_builder *builder = NULL;
    phonecom_client *client = NULL, *php = NULL;
    char *ua = NULL;
    CHECK_STATUS(phonecom_client_builder_from_json(OFFLINE, &builder), PHONECOM_OK);
    CHECK_STATUS(phonecom_client_builder_build(builder, &client), PHONECOM_OK);
    CHECK_STATUS(phonecom_client_user_agent(client, &ua), PHONECOM_OK);
    CHECK(ua && strncmp(ua, "libphonecom/" PHONECOM_VERSION_STRING " (c; ", 17 + strlen(PHONECOM_VERSION_STRING)) == 0);
    phonecom_string_free(ua);
    CHECK_STATUS(phonecom_client_builder_set_binding(builder, "php"), PHONECOM_OK);
    CHECK_STATUS(phonecom_client_builder_build(builder, &php), PHONECOM_OK);
    CHECK_STATUS(phonecom_client_user_agent(php, &ua), PHONECOM_OK);
    CHECK(ua && strstr(ua, "(php; "));
    phonecom_string_free(ua);
    /* A name that would break the User-Agent header is refused when the client is built. */
    phonecom_client *broken = (phonecom_client *)SENTINEL;
    CHECK_STATUS(phonecom_client_builder_set_binding(builder, "x\r\nInjected: 1"), PHONECOM_OK);
    CHECK_STATUS(phonecom_client_builder_build(builder, &broken), PHONECOM_ERR_VALIDATION);
    char *field = h_last_field("/fields/0/field");
    CHECK_STR(field, "binding");
    free(field);
    CHECK(broken == (phonecom_client *)SENTINEL);
    phonecom_client_free(php);
    phonecom_client_free(client);
    phonecom_client_builder_free(builder);
}

static void transport_failure_offline(void) {
    phonecom_client *client = offline_client();
    char *out = SENTINEL;
    CHECK_STATUS(phonecom_call(client, "v4.get-account", "{}", &out), PHONECOM_ERR_TRANSPORT);
    CHECK(out == SENTINEL);
    char *json = phonecom_last_error_json();
    CHECK(json && h_get_is(json, "/kind", "transport") && h_get_is(json, "/operation", "v4.get-account"));
    CHECK(json && !strstr(json, "sbx_offline_secret_token"));
    phonecom_string_free(json);
    phonecom_client_free(client);
}

void suite_abi(void) {
    h_run("abi: version function and macros agree", version);
    h_run("abi: status names", status_names);
    h_run("abi: NULL arguments are refused, out-params untouched", null_arguments);
    h_run("abi: invalid UTF-8 is refused", invalid_utf8);
    h_run("abi: invalid UTF-8 is refused by every other string argument", invalid_utf8_everywhere);
    h_run("abi: a last error message with a NUL byte is still returned", last_error_message_with_a_nul);
    h_run("abi: invalid JSON is refused without echoing it", invalid_json);
    h_run("abi: last error as status, message and JSON", last_error);
    h_run("abi: bad configurations", bad_configuration);
    h_run("abi: catalog and operation JSON", catalog);
    h_run("abi: builder, binding name in the User-Agent", builder_and_user_agent);
    h_run("abi: transport failure with the token masked", transport_failure_offline);
}
