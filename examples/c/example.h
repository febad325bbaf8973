/*
 * What the newer C examples share: a client from the environment, a call that reports its error,
 * and reading one value out of a JSON result. Each helper is a few lines on the public API.
 *
 *   phonecom_client *client = ex_client();          // PHONECOM_CONFIG, then PHONECOM_* variables
 *   char *account = ex_call(client, "v4.get-account", "{}");
 *   char *name = ex_get(account, "/name");          // "Acme" (strings without their quotes)
 *   phonecom_string_free(name); phonecom_string_free(account); phonecom_client_free(client);
 */
#ifndef PHONECOM_EXAMPLE_H
#define PHONECOM_EXAMPLE_H

#include <phonecom.h>

#include <stdio.h>

/* Print what failed and the library's last error (its message is owned: freed here). */
static inline void ex_report(const char *what) {
    char *why = phonecom_last_error_message();
    fprintf(stderr, "error: %s: %s\n", what, why ? why : "(no detail)");
    phonecom_string_free(why);
}

/* A client configured by PHONECOM_CONFIG (a config file, e.g. the sandbox's line), then the
 * PHONECOM_* variables; NULL after reporting why. */
static inline phonecom_client *ex_client(void) {
    phonecom_client *client = NULL;
    if (phonecom_client_new_from_env(&client) != PHONECOM_OK) ex_report("configuration");
    return client;
}

/* Call operation `name` with `params_json`: the result (free it with phonecom_string_free), or
 * NULL after reporting the error. */
static inline char *ex_call(const phonecom_client *client, const char *name, const char *params_json) {
    char *result = NULL;
    if (phonecom_call(client, name, params_json, &result) != PHONECOM_OK) ex_report(name);
    return result;
}

/* The value at a JSON pointer ("/items/0/phone_number"), or NULL when absent. Free it. */
static inline char *ex_get(const char *json, const char *pointer) {
    char *out = NULL;
    return json && phonecom_json_get(json, pointer, &out) == PHONECOM_OK ? out : NULL;
}

#endif /* PHONECOM_EXAMPLE_H */
