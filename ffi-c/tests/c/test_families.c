/* The later families through the generic call: XML API actions, REST v1 and numbers.online
 * operations reach C by their canonical names with nothing added to the ABI (only the header's
 * catalog-driven docs), with the same checks before sending, the same error JSON and the same
 * masking of credentials. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Call `name` and expect PHONECOM_OK; returns the result (free with phonecom_string_free). */
static char *call_ok(phonecom_client *client, const char *name, const char *params) {
    char *out = NULL;
    phonecom_status st = phonecom_call(client, name, params, &out);
    h_check_status(st, PHONECOM_OK, __FILE__, __LINE__, name);
    return out;
}

/* Call `name` and expect `want`; the output must stay untouched. */
static void call_fails(phonecom_client *client, const char *name, const char *params, phonecom_status want) {
    char *out = SENTINEL;
    h_check_status(phonecom_call(client, name, params, &out), want, __FILE__, __LINE__, name);
    CHECK(out == SENTINEL);
}

static void every_family_through_the_generic_call(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);

    /* XML API: a read and a write, the envelope decoded to JSON. */
    char *numbers = call_ok(client, "xml.getPhoneNumberList", "{}");
    CHECK(numbers && h_get_is(numbers, "/status", "ok"));
    CHECK(numbers && h_array_len(numbers, "/data/items") == 3);
    CHECK(numbers && h_get_is(numbers, "/data/items/0/phoneNumber", "+18668252541"));
    CHECK(numbers && h_get_is(numbers, "/data/items/0/id", "19676"));
    CHECK(numbers && h_get_is(numbers, "/data/items/1/rateCenter", "WACO_TX"));
    phonecom_string_free(numbers);
    char *sent = call_ok(client, "xml.sendSMS",
                         "{\"fromNumber\": \"+18585550100\", \"toNumber\": \"+16195550199\", "
                         "\"message\": \"Hello from C\"}");
    CHECK(sent && h_get_is(sent, "/status", "ok") && h_get_is(sent, "/msg", "Command completed successfully"));
    phonecom_string_free(sent);

    /* REST v1: the seeded extensions, and a message sent. */
    char *extensions = call_ok(client, "v1.extensions.list", "{}");
    CHECK(extensions && h_get_is(extensions, "/0/extension", "101") && h_get_is(extensions, "/0/name", "Reception"));
    CHECK(extensions && h_get_is(extensions, "/1/name", "Sales"));
    phonecom_string_free(extensions);
    char *sms = call_ok(client, "v1.sms.create",
                        "{\"to\": \"+16195550199\", \"from\": \"+18585550100\", \"message\": \"Hi\"}");
    char *sms_id = sms ? h_get(sms, "/resource_id") : NULL;
    CHECK(sms_id && strlen(sms_id) == 36);
    if (sms_id) {
        char params[96];
        snprintf(params, sizeof params, "{\"resource_id\": \"%s\"}", sms_id);
        char *again = call_ok(client, "v1.sms.get", params);
        CHECK(again && h_get_is(again, "/resource_id", sms_id));
        phonecom_string_free(again);
    }
    free(sms_id);
    phonecom_string_free(sms);

    /* numbers.online: the account behind the key, and a tenant created and read back. */
    char *account = call_ok(client, "nol.getAccount", "{}");
    CHECK(account && h_get_is(account, "/account/name", "Sandbox partner"));
    phonecom_string_free(account);
    char tenant_name[64], params[96];
    snprintf(tenant_name, sizeof tenant_name, "{\"name\": \"C suite %ld\"}", (long)getpid());
    char *tenant = call_ok(client, "nol.createTenant", tenant_name);
    char *tenant_id = tenant ? h_get(tenant, "/tenant/id") : NULL;
    CHECK(tenant_id != NULL);
    if (tenant_id) {
        snprintf(params, sizeof params, "{\"id\": \"%s\"}", tenant_id);
        char *read = call_ok(client, "nol.getTenant", params);
        CHECK(read && h_get_is(read, "/tenant/id", tenant_id) && strstr(read, "C suite "));
        phonecom_string_free(read);
    }
    free(tenant_id);
    phonecom_string_free(tenant);
    phonecom_client_free(client);
}

static void catalog_entries_of_every_family(void) {
    const struct {
        const char *name, *family, *method;
    } ops[] = {
        {"xml.getCallList", "xml", "POST"},
        {"xml.sendSMS", "xml", "POST"},
        {"v1.extensions.list", "v1", "GET"},
        {"v1.menus.create", "v1", "POST"},
        {"nol.getAccount", "nol", "GET"},
        {"nol.uploadListingLogo", "nol", "POST"},
    };
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
        char *entry = NULL;
        CHECK_STATUS(phonecom_operation_json(ops[i].name, &entry), PHONECOM_OK);
        CHECK(entry && h_get_is(entry, "/name", ops[i].name));
        CHECK(entry && h_get_is(entry, "/family", ops[i].family));
        CHECK(entry && h_get_is(entry, "/method", ops[i].method));
        phonecom_string_free(entry);
    }
    char *entry = NULL;
    CHECK_STATUS(phonecom_operation_json("xml.getCallList", &entry), PHONECOM_OK);
    CHECK(entry && h_get_is(entry, "/pageable", "true"));
    phonecom_string_free(entry);

    /* Every family is in the catalog the header's functions serve. */
    char *catalog = NULL;
    CHECK_STATUS(phonecom_catalog_json(&catalog), PHONECOM_OK);
    CHECK(catalog && strstr(catalog, "\"family\":\"xml\"") && strstr(catalog, "\"family\":\"v1\"") &&
          strstr(catalog, "\"family\":\"nol\"") && strstr(catalog, "\"family\":\"v4\""));
    phonecom_string_free(catalog);
}

/* The config line with the XML API password replaced (malloc'd). */
static char *config_with_xml_password(const char *password) {
    const char *config = h_config();
    char *old = h_get(config, "/xml/password");
    const char *at = old ? strstr(config, old) : NULL;
    char *out = NULL;
    if (at) {
        size_t pre = (size_t)(at - config), old_len = strlen(old);
        size_t len = strlen(config) - old_len + strlen(password) + 1;
        out = malloc(len);
        snprintf(out, len, "%.*s%s%s", (int)pre, config, password, at + old_len);
    }
    free(old);
    return out;
}

static void refusals_and_errors_carry_the_family(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);

    /* Refused before sending, the field and the rule named (attempts 0). */
    char params[512];
    snprintf(params, sizeof params,
             "{\"fromNumber\": \"+18585550100\", \"toNumber\": \"+16195550199\", \"message\": \"%0161d\"}", 0);
    call_fails(client, "xml.sendSMS", params, PHONECOM_ERR_VALIDATION);
    char *json = phonecom_last_error_json();
    CHECK(json && h_get_is(json, "/family", "xml") && h_get_is(json, "/fields/0/field", "message"));
    CHECK(json && strstr(json, "at most 160 characters") && h_get_int(json, "/attempts") == 0);
    phonecom_string_free(json);
    call_fails(client, "xml.sendSMS", "{\"fromNumber\": \"+18585550100\", \"toNumber\": \"858\", \"message\": \"x\"}",
               PHONECOM_ERR_VALIDATION);
    char *field = h_last_field("/fields/0/field");
    CHECK_STR(field, "toNumber");
    free(field);
    call_fails(client, "nol.createTenant", "{}", PHONECOM_ERR_VALIDATION);
    field = h_last_field("/fields/0/field");
    CHECK_STR(field, "name");
    free(field);
    call_fails(client, "v1.extensions.list", "{\"colour\": 1}", PHONECOM_ERR_VALIDATION);
    field = h_last_field("/fields/0/field");
    CHECK_STR(field, "colour");
    free(field);

    /* Upstream errors: the XML API's envelope (HTTP 200) and v1's and numbers.online's 404s. */
    call_fails(client, "xml.sendSMS",
               "{\"fromNumber\": \"+18005550100\", \"toNumber\": \"+16195550199\", \"message\": \"x\"}",
               PHONECOM_ERR_VALIDATION);
    char *upstream = h_last_field("/upstream_message");
    CHECK(upstream && strstr(upstream, "fromNumber"));
    free(upstream);
    call_fails(client, "v1.extensions.get", "{\"resource_id\": \"00000000-0000-0000-0000-000000000000\"}",
               PHONECOM_ERR_NOT_FOUND);
    json = phonecom_last_error_json();
    CHECK(json && h_get_is(json, "/family", "v1") && h_get_is(json, "/upstream_code", "10007"));
    CHECK(json && h_get_int(json, "/status") == 404);
    phonecom_string_free(json);
    call_fails(client, "nol.getAccountKey", "{\"id\": \"00000000-0000-0000-0000-000000000000\"}",
               PHONECOM_ERR_NOT_FOUND);
    json = phonecom_last_error_json();
    CHECK(json && h_get_is(json, "/family", "nol") && h_get_is(json, "/operation", "nol.getAccountKey"));
    phonecom_string_free(json);
    phonecom_client_free(client);

    /* A wrong XML API password: authentication, and neither password appears anywhere. */
    const char *wrong = "sbx_xml_not_the_right_one_42";
    char *config = config_with_xml_password(wrong);
    CHECK(config != NULL);
    phonecom_client *bad = NULL;
    CHECK_STATUS(phonecom_client_new_from_json(config, &bad), PHONECOM_OK);
    call_fails(bad, "xml.getPhoneNumberList", "{}", PHONECOM_ERR_AUTHENTICATION);
    json = phonecom_last_error_json();
    char *message = phonecom_last_error_message();
    char *right = h_get(h_config(), "/xml/password");
    CHECK(json && h_get_is(json, "/family", "xml") && h_get_is(json, "/operation", "xml.getPhoneNumberList"));
    CHECK(json && right && !strstr(json, wrong) && !strstr(json, right));
    CHECK(message && right && !strstr(message, wrong) && !strstr(message, right));
    free(right);
    phonecom_string_free(message);
    phonecom_string_free(json);
    phonecom_client_free(bad);
    free(config);
}

void suite_families(void) {
    h_run("families: xml, v1 and nol operations through the generic call", every_family_through_the_generic_call);
    h_run("families: catalog entries of every family", catalog_entries_of_every_family);
    h_run("families: refusals and upstream errors carry the family, secrets masked",
          refusals_and_errors_carry_the_family);
}
