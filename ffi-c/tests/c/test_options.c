/* Per-call options (phonecom_call_with), the raw exchange (phonecom_call_with_response, the
 * debug log) against the sandbox, and
 * phonecom_client_new_from_env reading the file PHONECOM_CONFIG names. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A client pointer the library must not write over when it fails. */
#define SENTINEL_CLIENT ((phonecom_client *)(uintptr_t)0x5a5a)

static char sms_path[128];

static void paths(void) {
    snprintf(sms_path, sizeof sms_path, "/v4/accounts/%lld/sms", h_account_id());
}

static void options_override_the_client_for_one_call(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL); /* 3 attempts, 15 s per attempt */
    paths();

    /* max_attempts 1: the first 503 ends the call (the client alone would retry it away). */
    h_fault("GET", sms_path, "status=503", 1);
    char *out = SENTINEL;
    CHECK_STATUS(phonecom_call_with(client, "v4.list-account-sms", "{}", "{\"max_attempts\": 1}", &out),
                 PHONECOM_ERR_SERVER);
    CHECK(out == SENTINEL);
    char *attempts = h_last_field("/attempts");
    CHECK_STR(attempts, "1");
    free(attempts);

    /* attempt_timeout_ms 300: an answer 1.5 s late times out on every attempt. */
    h_fault("GET", sms_path, "latency=1500", 1);
    CHECK_STATUS(phonecom_call_with(client, "v4.list-account-sms", "{}",
                                    "{\"attempt_timeout_ms\": 300, \"max_attempts\": 1}", &out),
                 PHONECOM_ERR_TIMEOUT);
    CHECK(out == SENTINEL);

    /* "null", "{}" and null members: the client's own settings (its retries get past a 503). */
    const char *none[] = {"null", "{}", "{\"attempt_timeout_ms\": null, \"max_attempts\": null, \"headers\": {}}"};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        h_fault("GET", sms_path, "status=503", 1);
        out = NULL;
        CHECK_STATUS(phonecom_call_with(client, "v4.list-account-sms", "{}", none[i], &out), PHONECOM_OK);
        char *items = out ? h_get(out, "/items") : NULL;
        CHECK(items != NULL);
        free(items);
        phonecom_string_free(out);
    }
    phonecom_client_free(client);
}

/* A bad option is refused before sending, naming the option, and writes nothing. */
static void bad_options_name_the_field(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    struct {
        const char *options;
        phonecom_status status;
        const char *field; /* NULL: no field (boundary misuse) */
        const char *says;
    } cases[] = {
        {"{\"timeout\": 5}", PHONECOM_ERR_VALIDATION, "timeout", "attempt_timeout_ms, deadline_ms, max_attempts, headers"},
        {"{\"deadline_ms\": \"20s\"}", PHONECOM_ERR_VALIDATION, "deadline_ms", "must be a number of milliseconds"},
        /* The core's rules, stated the same in every language (see core/src/call_options.rs). */
        {"{\"attempt_timeout_ms\": -1}", PHONECOM_ERR_VALIDATION, "attempt_timeout_ms",
         "`attempt_timeout_ms` must be at least 1 ms and at most 1 day"},
        {"{\"attempt_timeout_ms\": 0}", PHONECOM_ERR_VALIDATION, "attempt_timeout_ms",
         "`attempt_timeout_ms` must be at least 1 ms and at most 1 day"},
        {"{\"deadline_ms\": 86400001}", PHONECOM_ERR_VALIDATION, "deadline_ms",
         "`deadline_ms` must be at least 1 ms and at most 1 day"},
        {"{\"max_attempts\": 0}", PHONECOM_ERR_VALIDATION, "max_attempts",
         "`max_attempts` must be an integer from 1 to 100 (1 disables retries)"},
        {"{\"max_attempts\": 101}", PHONECOM_ERR_VALIDATION, "max_attempts",
         "`max_attempts` must be an integer from 1 to 100 (1 disables retries)"},
        {"{\"headers\": {\"Authorization\": \"Bearer stolen-1234\"}}", PHONECOM_ERR_VALIDATION,
         "headers.Authorization", "headers.Authorization"},
        {"{\"headers\": {\"X-Trace\": \"a\\r\\nX-Injected: 1\"}}", PHONECOM_ERR_VALIDATION, "headers.X-Trace",
         "headers.X-Trace"},
        {"{\"headers\": [\"X-Trace: 1\"]}", PHONECOM_ERR_VALIDATION, "headers", "object of header names"},
        {"[1000]", PHONECOM_ERR_VALIDATION, "options", "must be a JSON object"},
        {"{timeout_ms: 1}", PHONECOM_ERR_INVALID_JSON, NULL, "`options_json` is not valid JSON"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = SENTINEL;
        CHECK_STATUS(phonecom_call_with(client, "v4.get-account", "{}", cases[i].options, &out),
                     cases[i].status);
        CHECK(out == SENTINEL);
        char *response = SENTINEL;
        CHECK_STATUS(phonecom_call_with_response(client, "v4.get-account", "{}", cases[i].options, &response),
                     cases[i].status);
        CHECK(response == SENTINEL);
        char *message = h_take(phonecom_last_error_message());
        CHECK(message && strstr(message, cases[i].says));
        if (cases[i].field) {
            char *field = h_last_field("/fields/0/field");
            CHECK_STR(field, cases[i].field);
            free(field);
            char *attempts = h_last_field("/attempts");
            CHECK_STR(attempts, "0");
            free(attempts);
            char *operation = h_last_field("/operation");
            CHECK_STR(operation, "v4.get-account");
            free(operation);
        }
        free(message);
    }
    char *out = SENTINEL;
    CHECK_STATUS(phonecom_call_with(client, "v4.get-account", "{}", NULL, &out), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_call_with(client, "v4.get-account", "{}", "{}", NULL), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_call_with(NULL, "v4.get-account", "{}", "{}", &out), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_call_with_response(client, NULL, "{}", "{}", &out), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK(out == SENTINEL);
    phonecom_client_free(client);
}

static void the_response_carries_status_request_id_and_attempts(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    paths();
    h_fault("GET", sms_path, "status=503", 1);
    char *response = NULL;
    CHECK_STATUS(phonecom_call_with_response(client, "v4.list-account-sms", "{\"limit\": 2}", "null", &response),
                 PHONECOM_OK);
    CHECK(response != NULL);
    if (response) {
        CHECK(h_get_int(response, "/status") == 200);
        CHECK(h_get_int(response, "/attempts") == 2);
        char *id = h_get(response, "/request_id");
        CHECK(id && strlen(id) > 4);
        CHECK(h_get_int(response, "/data/limit") == 2);
        /* The raw exchange: headers (lower-case names) and the body as received. */
        char *header_id = h_get(response, "/headers/x-request-id");
        CHECK(id && header_id && strcmp(id, header_id) == 0);
        free(header_id);
        char *type = h_get(response, "/headers/content-type");
        CHECK(type && strncmp(type, "application/json", 16) == 0);
        free(type);
        char *body = h_get(response, "/body");
        CHECK(body && strstr(body, "\"limit\":2") && strstr(body, "\"items\""));
        free(body);
        CHECK(h_get_is(response, "/body_truncated", "false"));
        free(id);
        phonecom_string_free(response);
    }
    phonecom_client_free(client);
}

/* phonecom_call_with_exchange: the result as JSON text now, the exchange behind a handle that
 * gives the same status, request id, attempts, headers and body as phonecom_call_with_response
 * when asked; on failure neither out-parameter is written. */
static void the_exchange_handle_gives_the_response_on_demand(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    paths();
    h_fault("GET", sms_path, "status=503", 1);
    char *result = NULL;
    phonecom_response *exchange = NULL;
    CHECK_STATUS(phonecom_call_with_exchange(client, "v4.list-account-sms", "{\"limit\": 2}", "null", &result,
                                             &exchange),
                 PHONECOM_OK);
    CHECK(result != NULL && exchange != NULL);
    CHECK(result && h_get_int(result, "/limit") == 2);
    char *response = NULL;
    CHECK_STATUS(phonecom_response_json(exchange, &response), PHONECOM_OK);
    if (response) {
        CHECK(h_get_int(response, "/status") == 200);
        CHECK(h_get_int(response, "/attempts") == 2);
        char *id = h_get(response, "/request_id");
        char *header_id = h_get(response, "/headers/x-request-id");
        CHECK(id && header_id && strlen(id) > 4 && strcmp(id, header_id) == 0);
        free(header_id);
        free(id);
        char *body = h_get(response, "/body");
        CHECK(body && strstr(body, "\"limit\":2") && strstr(body, "\"items\""));
        free(body);
        CHECK(h_get_is(response, "/body_truncated", "false"));
        CHECK(h_get(response, "/data") == NULL); /* the result is result_json, not repeated */
        phonecom_string_free(response);
    }
    /* Twice is fine: the handle is not consumed. */
    response = NULL;
    CHECK_STATUS(phonecom_response_json(exchange, &response), PHONECOM_OK);
    phonecom_string_free(response);
    phonecom_response_free(exchange);
    phonecom_string_free(result);
    phonecom_response_free(NULL);

    /* Failures write nothing. */
    char *out = SENTINEL;
    phonecom_response *untouched = (phonecom_response *)(uintptr_t)0x5a5a;
    CHECK_STATUS(phonecom_call_with_exchange(client, "v4.get-account-extension", "{\"extension_id\": 424242}",
                                             "null", &out, &untouched),
                 PHONECOM_ERR_NOT_FOUND);
    CHECK(out == SENTINEL && untouched == (phonecom_response *)(uintptr_t)0x5a5a);
    CHECK_STATUS(phonecom_call_with_exchange(client, "v4.get-account", "{}", "null", &out, NULL),
                 PHONECOM_ERR_NULL_ARGUMENT);
    CHECK(out == SENTINEL);
    CHECK_STATUS(phonecom_response_json(NULL, &out), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK(out == SENTINEL);
    phonecom_client_free(client);
}

/* A token the upstream puts in a response header (the OAuth 302's Location) is masked there. */
static void response_headers_mask_secrets(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    char *client_id = h_get(h_config(), "/oauth/client_id");
    char params[512];
    snprintf(params, sizeof params,
             "{\"client_id\": \"%s\", \"response_type\": \"token\", \"scope\": \"account-owner\", "
             "\"redirect_uri\": \"https://express.phone.com\"}",
             client_id ? client_id : "");
    char *response = NULL;
    CHECK_STATUS(phonecom_call_with_response(client, "v4.create-oauth-authorization", params, "null", &response),
                 PHONECOM_OK);
    char *location = response ? h_get(response, "/headers/location") : NULL;
    CHECK(location && strstr(location, "access_token=***"));
    char *data_location = response ? h_get(response, "/data/location") : NULL;
    char *token = data_location ? strstr(data_location, "access_token=") : NULL;
    CHECK(token != NULL);
    if (token && response) {
        token += strlen("access_token=");
        token[strcspn(token, "&")] = '\0';
        CHECK(strlen(token) > 8);
        char *headers = h_get(response, "/headers");
        CHECK(headers && !strstr(headers, token));
        free(headers);
    }
    free(data_location);
    free(location);
    free(client_id);
    phonecom_string_free(response);
    phonecom_client_free(client);
}

struct debug_log {
    pthread_mutex_t lock;
    char *request;  /* the first request event (malloc'd) */
    char *response; /* the first response event */
    bool token_seen;
    const char *token;
};

static void on_debug_log(void *user_data, const char *event_json) {
    struct debug_log *log = user_data;
    char *kind = h_get(event_json, "/kind");
    pthread_mutex_lock(&log->lock);
    if (kind && strcmp(kind, "request") == 0 && !log->request) log->request = strdup(event_json);
    if (kind && strcmp(kind, "response") == 0 && !log->response) log->response = strdup(event_json);
    if (strstr(event_json, log->token)) log->token_seen = true;
    pthread_mutex_unlock(&log->lock);
    free(kind);
}

/* A client from `config` whose log events go to `log`. */
static phonecom_client *debug_logged_client(const char *config, struct debug_log *log) {
    phonecom_client_builder *builder = NULL;
    phonecom_client *client = NULL;
    CHECK_STATUS(phonecom_client_builder_from_json(config, &builder), PHONECOM_OK);
    CHECK_STATUS(phonecom_client_builder_set_log(builder, on_debug_log, log), PHONECOM_OK);
    CHECK_STATUS(phonecom_client_builder_build(builder, &client), PHONECOM_OK);
    phonecom_client_builder_free(builder);
    return client;
}

/* "debug_log": true in the config: the log callback's events carry headers and bodies, masked. */
static void debug_log_reaches_the_log_callback(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    char *token = h_get(h_config(), "/v4/token");
    struct debug_log log = {PTHREAD_MUTEX_INITIALIZER, NULL, NULL, false, token ? token : "?"};
    char *config = h_config_with("\"debug_log\": true");
    phonecom_client *client = debug_logged_client(config, &log);
    char *out = NULL;
    CHECK_STATUS(phonecom_call(client, "v4.list-account-phone-numbers", "{\"limit\": 5}", &out), PHONECOM_OK);
    phonecom_string_free(out);
    CHECK(log.request && h_get_is(log.request, "/headers/authorization", "Bearer ***"));
    char *agent = log.request ? h_get(log.request, "/headers/user-agent") : NULL;
    CHECK(agent && strncmp(agent, "libphonecom/", 12) == 0);
    free(agent);
    char *body = log.response ? h_get(log.response, "/body") : NULL;
    CHECK(body && strstr(body, "\"items\""));
    free(body);
    CHECK(token && strlen(token) >= 4 && !log.token_seen);
    free(log.request);
    free(log.response);
    phonecom_client_free(client);
    free(config);
    free(token);
}

/* Write the sandbox's config line to a new file named from `path` (a mkstemp template). */
static bool write_sandbox_config(char *path) {
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) return false;
    const char *config = h_config();
    CHECK(write(fd, config, strlen(config)) == (ssize_t)strlen(config));
    close(fd);
    return true;
}

/* phonecom_client_new_from_env reads the JSON file PHONECOM_CONFIG names (issue 14, item 2). */
static void from_env_reads_phonecom_config(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    char path[] = "/tmp/phonecom-config-XXXXXX";
    if (!write_sandbox_config(path)) return;
    const char *before = getenv("PHONECOM_CONFIG");
    char *saved = before ? strdup(before) : NULL;

    setenv("PHONECOM_CONFIG", path, 1);
    phonecom_client *client = NULL;
    CHECK_STATUS(phonecom_client_new_from_env(&client), PHONECOM_OK);
    char *account = NULL;
    if (client) {
        CHECK_STATUS(phonecom_call(client, "v4.get-account", "{}", &account), PHONECOM_OK);
        CHECK(account && h_get_int(account, "/id") == h_account_id());
        phonecom_string_free(account);
    }
    phonecom_client_free(client);

    /* A file that is not there: the error names the variable and the path. */
    unlink(path);
    client = SENTINEL_CLIENT;
    CHECK_STATUS(phonecom_client_new_from_env(&client), PHONECOM_ERR_VALIDATION);
    CHECK(client == SENTINEL_CLIENT);
    char *message = h_take(phonecom_last_error_message());
    CHECK(message && strstr(message, "PHONECOM_CONFIG") && strstr(message, path));
    free(message);

    /* Nothing configured at all: the first call says so and names the variables. */
    unsetenv("PHONECOM_CONFIG");
    client = NULL;
    CHECK_STATUS(phonecom_client_new_from_env(&client), PHONECOM_OK);
    char *result = SENTINEL;
    CHECK_STATUS(phonecom_call(client, "v4.get-account", "{}", &result), PHONECOM_ERR_AUTHENTICATION);
    CHECK(result == SENTINEL);
    message = h_take(phonecom_last_error_message());
    CHECK(message && strstr(message, "no credentials were configured") && strstr(message, "PHONECOM_CONFIG") &&
          strstr(message, "PHONECOM_V4_TOKEN"));
    char *attempts = h_last_field("/attempts");
    CHECK_STR(attempts, "0");
    free(attempts);
    free(message);
    phonecom_client_free(client);

    if (saved) setenv("PHONECOM_CONFIG", saved, 1);
    else unsetenv("PHONECOM_CONFIG");
    free(saved);
}

/* phonecom_client_new_from_file and _builder_from_file: the core reads and checks the file; a
 * bad one names the path and the problem, never the file's values. */
static void from_file_reads_a_config_file(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    char path[] = "/tmp/phonecom-config-XXXXXX";
    if (!write_sandbox_config(path)) return;

    phonecom_client *client = NULL;
    CHECK_STATUS(phonecom_client_new_from_file(path, &client), PHONECOM_OK);
    char *account = NULL;
    if (client) {
        CHECK_STATUS(phonecom_call(client, "v4.get-account", "{}", &account), PHONECOM_OK);
        CHECK(account && h_get_int(account, "/id") == h_account_id());
        phonecom_string_free(account);
    }
    phonecom_client_free(client);
    phonecom_client_builder *builder = NULL;
    CHECK_STATUS(phonecom_client_builder_from_file(path, &builder), PHONECOM_OK);
    phonecom_client_builder_free(builder);

    const char *typo = "{\"v4\": {\"tokn\": \"Leaky-Secret-9\"}}";
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(typo, f);
        fclose(f);
    }
    client = SENTINEL_CLIENT;
    CHECK_STATUS(phonecom_client_new_from_file(path, &client), PHONECOM_ERR_VALIDATION);
    CHECK(client == SENTINEL_CLIENT);
    char *message = h_take(phonecom_last_error_message());
    CHECK(message && strstr(message, "config file `") && strstr(message, path) && strstr(message, "tokn"));
    CHECK(message && !strstr(message, "Leaky-Secret-9"));
    free(message);

    unlink(path);
    CHECK_STATUS(phonecom_client_new_from_file(path, &client), PHONECOM_ERR_VALIDATION);
    message = h_take(phonecom_last_error_message());
    CHECK(message && strstr(message, "no such file"));
    free(message);
    CHECK_STATUS(phonecom_client_new_from_file(NULL, &client), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK(client == SENTINEL_CLIENT);
}

/* app_info in the configuration and a call's extra headers, as the debug log sees them sent. */
static void app_info_and_extra_headers_go_out(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    struct debug_log log = {PTHREAD_MUTEX_INITIALIZER, NULL, NULL, false, "(none)"};
    char *config = h_config_with("\"debug_log\": true, \"app_info\": {\"name\": \"AcmePortal\", "
                                 "\"version\": \"2.1.0\", \"url\": \"https://portal.acme.example\"}");
    phonecom_client *client = debug_logged_client(config, &log);
    char *agent = NULL;
    CHECK_STATUS(phonecom_client_user_agent(client, &agent), PHONECOM_OK);
    const char *suffix = ") AcmePortal/2.1.0 (+https://portal.acme.example)";
    CHECK(agent && strlen(agent) > strlen(suffix) && strcmp(agent + strlen(agent) - strlen(suffix), suffix) == 0);
    char *out = NULL;
    CHECK_STATUS(phonecom_call_with(client, "v4.get-account", "{}",
                                    "{\"headers\": {\"X-Partner-Trace\": \"trace-77\"}}", &out),
                 PHONECOM_OK);
    phonecom_string_free(out);
    CHECK(log.request && h_get_is(log.request, "/headers/x-partner-trace", "trace-77"));
    CHECK(log.request && agent && h_get_is(log.request, "/headers/user-agent", agent));
    phonecom_string_free(agent);
    free(log.request);
    free(log.response);
    phonecom_client_free(client);
    free(config);
}

/* phonecom_client_describe_json: the families' base URLs and the account, never a credential. */
static void describe_shows_hosts_not_secrets(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    phonecom_client *user = NULL;
    CHECK_STATUS(phonecom_client_with_v4_token(client, "user-token-Zq81-secret", 77, &user), PHONECOM_OK);
    char *v4 = h_get(h_config(), "/v4/base_url");
    char *nol = h_get(h_config(), "/nol/base_url");
    char *token = h_get(h_config(), "/v4/token");
    char *partner = NULL, *described = NULL;
    CHECK_STATUS(phonecom_client_describe_json(client, &partner), PHONECOM_OK);
    CHECK_STATUS(phonecom_client_describe_json(user, &described), PHONECOM_OK);
    CHECK(partner && v4 && h_get_is(partner, "/v4/base_url", v4) && nol && h_get_is(partner, "/nol/base_url", nol));
    CHECK(partner && h_get_int(partner, "/v4/account_id") == h_account_id());
    CHECK(partner && h_get_is(partner, "/v4/credentials", "true"));
    CHECK(described && h_get_int(described, "/v4/account_id") == 77);
    CHECK(partner && token && !strstr(partner, token));
    CHECK(described && !strstr(described, "user-token-Zq81-secret"));
    char *out = SENTINEL;
    CHECK_STATUS(phonecom_client_describe_json(NULL, &out), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK(out == SENTINEL);
    phonecom_string_free(partner);
    phonecom_string_free(described);
    free(v4);
    free(nol);
    free(token);
    phonecom_client_free(user);
    phonecom_client_free(client);
}

void suite_options(void) {
    h_run("options: describe_json shows the hosts, never a secret", describe_shows_hosts_not_secrets);
    h_run("options: app_info and extra headers go out with the request", app_info_and_extra_headers_go_out);
    h_run("options: per-call options override the client for one call", options_override_the_client_for_one_call);
    h_run("options: a bad option names its field, nothing written", bad_options_name_the_field);
    h_run("options: the response carries status, request id and attempts", the_response_carries_status_request_id_and_attempts);
    h_run("options: the exchange handle gives the response on demand", the_exchange_handle_gives_the_response_on_demand);
    h_run("options: response headers mask the secrets the upstream sends", response_headers_mask_secrets);
    h_run("options: debug_log gives the log callback masked headers and bodies", debug_log_reaches_the_log_callback);
    h_run("options: new_from_env reads the file PHONECOM_CONFIG names", from_env_reads_phonecom_config);
    h_run("options: new_from_file reads a config file, a bad one named by its path", from_file_reads_a_config_file);
}
