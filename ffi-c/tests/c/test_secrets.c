/* No form of any secret in the last error (message and JSON): credentials with the characters
 * each encoding changes, refused by every family, and secrets the upstream repeats back (the
 * sandbox's `echo` fault). The same provocations and the same forms (secrets.c) as the Python
 * and Node suites. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SPECIAL "&<>\\\"'%+/=:"
/* The same values as JSON text (for the config document) and as C strings (for the grep). */
#define WRONG_V4 "sbx_v4_" SPECIAL "tok0123456789"
#define WRONG_XML "xml_" SPECIAL "pw0123456789"
#define WRONG_V1_KEY "v1_" SPECIAL "key0123456789"
#define WRONG_V1_PW "v1pw_" SPECIAL "0123456789"
#define WRONG_NOL "nol_" SPECIAL "key0123456789"
#define ECHOED_PW "Pw_" SPECIAL "echo0123456789"

/* `text` with every `\"` turned into `"` (the C value of a JSON string literal above). */
static char *unjson(const char *text) {
    char *out = strdup(text), *w = out;
    for (const char *r = text; *r; r++) {
        if (r[0] == '\\' && r[1] == '"') continue;
        *w++ = *r;
    }
    *w = '\0';
    return out;
}

/* The last error's message and JSON hold no form of any secret; `what` names the provocation. */
static void check_clean(const char *what, const char *const secrets[][2], size_t count) {
    CHECK(phonecom_last_error_status() != PHONECOM_OK);
    char *msg = h_take(phonecom_last_error_message());
    char *json = h_take(phonecom_last_error_json());
    CHECK(msg && json);
    if (msg && json) {
        CHECK(h_no_leak(msg, secrets, count, what));
        CHECK(h_no_leak(json, secrets, count, what));
    }
    free(msg);
    free(json);
}

static void no_form_of_any_secret_in_any_error(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    const char *config = h_config();
    char *v4 = h_get(config, "/v4/token"), *xml_user = h_get(config, "/xml/username"),
         *xml_pw = h_get(config, "/xml/password"), *v1_key = h_get(config, "/v1/api_key"),
         *v1_pw = h_get(config, "/v1/password"), *nol = h_get(config, "/nol/api_key");
    char *w_v4 = unjson(WRONG_V4), *w_xml = unjson(WRONG_XML), *w_v1_key = unjson(WRONG_V1_KEY),
         *w_v1_pw = unjson(WRONG_V1_PW), *w_nol = unjson(WRONG_NOL), *echoed = unjson(ECHOED_PW);
    const char *const secrets[][2] = {
        {v4, NULL},     {xml_pw, xml_user}, {v1_key, NULL},   {v1_pw, v1_key},       {nol, NULL},
        {w_v4, NULL},   {w_xml, xml_user},  {w_v1_key, NULL}, {w_v1_pw, w_v1_key},   {w_nol, NULL},
        {echoed, NULL},
    };
    const size_t count = sizeof secrets / sizeof secrets[0];

    /* Every credential wrong, with the special characters (the config's JSON holds them escaped). */
    char wrong[1024];
    snprintf(wrong, sizeof wrong,
             "\"retry\": {\"max_attempts\": 1}, "
             "\"v4\": {\"base_url\": \"BASE/v4\", \"token\": \"%s\", \"account_id\": %lld}, "
             "\"xml\": {\"base_url\": \"BASE/special/xmlapi\", \"username\": \"%s\", \"password\": \"%s\"}, "
             "\"v1\": {\"base_url\": \"BASE/v1\", \"api_key\": \"%s\", \"password\": \"%s\"}, "
             "\"nol\": {\"base_url\": \"BASE\", \"api_key\": \"%s\"}",
             WRONG_V4, h_account_id(), xml_user, WRONG_XML, WRONG_V1_KEY, WRONG_V1_PW, WRONG_NOL);
    /* The sandbox's root URL in place of each BASE. */
    char *root = h_get(config, "/nol/base_url");
    char doc[2048] = "{";
    for (const char *p = wrong; *p;) {
        if (strncmp(p, "BASE", 4) == 0) {
            strncat(doc, root, sizeof doc - strlen(doc) - 1);
            p += 4;
        } else {
            strncat(doc, p, 1);
            p++;
        }
    }
    strncat(doc, "}", sizeof doc - strlen(doc) - 1);
    phonecom_client *bad = NULL;
    CHECK_STATUS(phonecom_client_new_from_json(doc, &bad), PHONECOM_OK);
    phonecom_client *real = h_client("\"retry\": {\"max_attempts\": 1}");

    char *out = NULL;
    CHECK(phonecom_call(bad, "v4.get-account", "{}", &out) != PHONECOM_OK);
    check_clean("v4, wrong token", secrets, count);
    CHECK(phonecom_call(bad, "xml.getPhoneNumberList", "{}", &out) != PHONECOM_OK);
    check_clean("xml, wrong password", secrets, count);
    CHECK(phonecom_call(bad, "v1.menus.list", "{}", &out) != PHONECOM_OK);
    check_clean("v1, wrong key and password", secrets, count);
    CHECK(phonecom_call(bad, "nol.getAccount", "{}", &out) != PHONECOM_OK);
    check_clean("nol, wrong key", secrets, count);

    char path[128];
    snprintf(path, sizeof path, "/v4/accounts/%lld/subaccounts", h_account_id());
    h_fault("POST", path, "echo", 1);
    char create[512];
    snprintf(create, sizeof create,
             "{\"username\": \"echoed\", \"password\": \"%s\", \"contact\": "
             "{\"name\": \"Ada\", \"address\": {\"line_1\": \"1 St\", \"city\": \"Dallas\", "
             "\"province\": \"TX\", \"country\": \"US\"}, \"phone\": \"+15555550001\", "
             "\"primary_email\": \"a@b.co\"}}",
             ECHOED_PW);
    CHECK(phonecom_call(real, "v4.create-account-subaccount", create, &out) != PHONECOM_OK);
    check_clean("v4, a per-call password echoed", secrets, count);
    h_fault("POST", "/special/xmlapi", "echo", 1);
    CHECK(phonecom_call(real, "xml.getPhoneNumberList", "{}", &out) != PHONECOM_OK);
    check_clean("xml, the configured password echoed", secrets, count);
    h_fault("GET", "/v1", "echo", 1);
    CHECK(phonecom_call(real, "v1.menus.list", "{}", &out) != PHONECOM_OK);
    check_clean("v1, the configured key echoed", secrets, count);

    phonecom_client_free(real);
    phonecom_client_free(bad);
    char *owned[] = {v4, xml_user, xml_pw, v1_key, v1_pw, nol, w_v4, w_xml, w_v1_key, w_v1_pw, w_nol, echoed, root};
    for (size_t i = 0; i < sizeof owned / sizeof owned[0]; i++) free(owned[i]);
}

static void the_grep_finds_every_form(void) {
    const char *const secret[][2] = {{"a&b<c>\"d'e%f+g/h=i:j k", "user"}};
    const char *texts[] = {
        "x a&b<c>\"d'e%f+g/h=i:j k y",
        "x a%26b%3Cc%3E%22d%27e%25f%2Bg%2Fh%3Di%3Aj%20k y",
        "x a%26b%3Cc%3E%22d%27e%25f%2Bg%2Fh%3Di%3Aj+k y",
        "x a&b<c>\\\"d'e%f+g/h=i:j k y",
        "x a&amp;b&lt;c&gt;&quot;d&apos;e%f+g/h=i:j k y",
        "Authorization: Basic dXNlcjphJmI8Yz4iZCdlJWYrZy9oPWk6aiBr",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        CHECK(h_leak(texts[i], secret[0][0], secret[0][1]) != NULL);
    }
    CHECK(h_leak("nothing here", secret[0][0], secret[0][1]) == NULL);
}

void suite_secrets(void) {
    h_run("secrets: the grep finds every form", the_grep_finds_every_form);
    h_run("secrets: no form of any secret in any error", no_form_of_any_secret_in_any_error);
}
