/* The local helpers: Express Sign-Up user names, passwords and contacts, E.164, vanity, JSON. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <stdint.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *CONTACT =
    "{\"name\": \"Ada Lovelace\", \"company\": \"Book Depository\", "
    "\"address\": {\"line_1\": \"411 Elm, st.\", \"city\": \"Dallas\", \"province\": \"TX\", "
    "\"postal_code\": \"75202\", \"country\": \"US\"}, "
    "\"phone\": \"+15555550001\", \"primary_email\": \"ada@example.com\"}";

static void usernames(void) {
    char *out = NULL;
    CHECK_STATUS(phonecom_express_username("super-partner", "12345", &out), PHONECOM_OK);
    CHECK_STR(out, "super-partner-12345");
    phonecom_string_free(out);
    out = SENTINEL;
    CHECK_STATUS(phonecom_express_username("Super", "1", &out), PHONECOM_ERR_VALIDATION);
    char *field = h_last_field("/fields/0/field");
    CHECK_STR(field, "partner");
    free(field);
    CHECK_STATUS(phonecom_express_username("acme", "a b", &out), PHONECOM_ERR_VALIDATION);
    field = h_last_field("/fields/0/field");
    CHECK_STR(field, "user_id");
    free(field);
    CHECK(out == SENTINEL);
}

static void passwords(void) {
    char *a = NULL, *b = NULL;
    CHECK_STATUS(phonecom_express_generate_password(32, &a), PHONECOM_OK);
    CHECK_STATUS(phonecom_express_generate_password(32, &b), PHONECOM_OK);
    CHECK(a && b && strlen(a) == 32 && strcmp(a, b) != 0);
    bool digit = false, upper = false, lower = false;
    for (const char *p = a; p && *p; p++) {
        digit |= isdigit((unsigned char)*p) != 0;
        upper |= isupper((unsigned char)*p) != 0;
        lower |= islower((unsigned char)*p) != 0;
    }
    CHECK(digit && upper && lower);
    phonecom_string_free(a);
    phonecom_string_free(b);
    char *out = SENTINEL;
    CHECK_STATUS(phonecom_express_generate_password(8, &out), PHONECOM_ERR_VALIDATION);
    CHECK(out == SENTINEL);
    /* Huge lengths, and -1 as a size_t: refused by name, never an abort. */
    const size_t huge[] = {4097, (size_t)1 << 40, SIZE_MAX, (size_t)-1};
    for (size_t i = 0; i < sizeof huge / sizeof *huge; i++) {
        CHECK_STATUS(phonecom_express_generate_password(huge[i], &out), PHONECOM_ERR_VALIDATION);
        char *field = h_last_field("/fields/0/field");
        CHECK_STR(field, "length");
        free(field);
    }
    CHECK(out == SENTINEL);
}

static void contacts(void) {
    char *out = NULL;
    CHECK_STATUS(phonecom_express_validate_contact(CONTACT, &out), PHONECOM_OK);
    CHECK(h_get_is(out, "/address/city", "Dallas"));
    phonecom_string_free(out);

    out = SENTINEL;
    const char *bad = "{\"name\": \"A\", \"address\": {\"line_1\": \"1 St\", \"city\": \"Dallas\", "
                      "\"country\": \"US\"}, \"phone\": \"555\", \"primary_email\": \"a@b.co\"}";
    CHECK_STATUS(phonecom_express_validate_contact(bad, &out), PHONECOM_ERR_VALIDATION);
    char *json = phonecom_last_error_json();
    CHECK(json && strstr(json, "contact.address.province") && strstr(json, "contact.phone"));
    phonecom_string_free(json);
    CHECK(out == SENTINEL);
}

static void e164_numbers(void) {
    char *out = NULL;
    bool nanpa = false;
    CHECK_STATUS(phonecom_e164_check("+442071838750"), PHONECOM_OK);
    CHECK_STATUS(phonecom_e164_check("18585550100"), PHONECOM_ERR_VALIDATION);
    CHECK_STATUS(phonecom_e164_check("+0123456789"), PHONECOM_ERR_VALIDATION);
    CHECK_STATUS(phonecom_e164_normalize("(858) 555-0100", &out), PHONECOM_OK);
    CHECK_STR(out, "+18585550100");
    phonecom_string_free(out);
    CHECK_STATUS(phonecom_e164_normalize("+44 20 7183 8750", &out), PHONECOM_OK);
    CHECK_STR(out, "+442071838750");
    phonecom_string_free(out);
    out = SENTINEL;
    CHECK_STATUS(phonecom_e164_normalize("call me", &out), PHONECOM_ERR_VALIDATION);
    CHECK(out == SENTINEL);
    CHECK_STATUS(phonecom_e164_is_nanpa("+18585550100", &nanpa), PHONECOM_OK);
    CHECK(nanpa);
    CHECK_STATUS(phonecom_e164_is_nanpa("+442071838750", &nanpa), PHONECOM_OK);
    CHECK(!nanpa);
}

static void vanity(void) {
    char *out = NULL;
    CHECK_STATUS(phonecom_vanity_to_digits("1-800-FLOWERS", &out), PHONECOM_OK);
    CHECK_STR(out, "18003569377");
    phonecom_string_free(out);
    CHECK_STATUS(phonecom_vanity_to_digits("858*call", &out), PHONECOM_OK);
    CHECK_STR(out, "858*2255");
    phonecom_string_free(out);
    out = SENTINEL;
    CHECK_STATUS(phonecom_vanity_to_digits("8%8", &out), PHONECOM_ERR_VALIDATION);
    char *field = h_last_field("/fields/0/field");
    CHECK_STR(field, "pattern");
    free(field);
    CHECK(out == SENTINEL);
}

static void json_pointer(void) {
    const char *doc = "{\"token\": {\"access_token\": \"tok\", \"expires_in\": 3600}, "
                      "\"items\": [{\"n\": 1}, {\"n\": 2}, {\"n\": 3}], \"q\": \"a\\\"b\", \"z\": null}";
    char *out = NULL;
    CHECK_STATUS(phonecom_json_get(doc, "/token/access_token", &out), PHONECOM_OK);
    CHECK_STR(out, "tok");
    phonecom_string_free(out);
    CHECK_STATUS(phonecom_json_get(doc, "/token/expires_in", &out), PHONECOM_OK);
    CHECK_STR(out, "3600");
    phonecom_string_free(out);
    CHECK_STATUS(phonecom_json_get(doc, "/items/1", &out), PHONECOM_OK);
    CHECK_STR(out, "{\"n\":2}");
    phonecom_string_free(out);
    CHECK_STATUS(phonecom_json_get(doc, "/q", &out), PHONECOM_OK);
    CHECK_STR(out, "a\"b");
    phonecom_string_free(out);
    CHECK_STATUS(phonecom_json_get(doc, "/z", &out), PHONECOM_OK);
    CHECK_STR(out, "null");
    phonecom_string_free(out);
    CHECK(h_array_len(doc, "/items") == 3);
    CHECK(h_array_len(doc, "/none") == 0);
    out = SENTINEL;
    CHECK_STATUS(phonecom_json_get(doc, "/items/7", &out), PHONECOM_ERR_NOT_FOUND);
    CHECK_STATUS(phonecom_json_get("{\"s\": \"a\\u0000b\"}", "/s", &out), PHONECOM_ERR_INTERIOR_NUL);
    CHECK(out == SENTINEL);
}

void suite_helpers(void) {
    h_run("helpers: Express Sign-Up user names", usernames);
    h_run("helpers: generated passwords", passwords);
    h_run("helpers: contact checks name every bad field", contacts);
    h_run("helpers: E.164 check, normalise, NANPA", e164_numbers);
    h_run("helpers: vanity patterns to digits", vanity);
    h_run("helpers: JSON pointer reads", json_pointer);
}
