/* Call control, locally: Phone.com's requests parsed and classified, every command rendered and
 * read back, and the refusals that keep a second command from being smuggled into a line. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <stdlib.h>
#include <string.h>

static void parse_requests(void) {
    struct { const char *query, *event; } cases[] = {
        {"uniqueID=8f2a&dialedNumber=18585602222&callerIdNumber=16195550100", "new_call"},
        {"https://partner.example/cc?uniqueID=8f2a&dialedNumber=18585602222&previous-response=simple-forward%2C18585550100", "command_result"},
        {"uniqueID=8f2a&dialedNumber=18585602222&previous-response=play-and-get-digits%2CMain%2CD&digits=1", "digits"},
        {"uniqueID=8f2a&dialedNumber=18585602222&duration=42", "completed"},
        {"uniqueID=8f2a&dialedNumber=18585602222&error=bad+syntax", "error"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *out = NULL;
        CHECK_STATUS(phonecom_callcontrol_parse(cases[i].query, &out), PHONECOM_OK);
        CHECK(out && h_get_is(out, "/event", cases[i].event));
        CHECK(out && h_get_is(out, "/uniqueID", "8f2a"));
        phonecom_string_free(out);
    }
    char *out = NULL;
    CHECK_STATUS(phonecom_callcontrol_parse("uniqueID=1&dialedNumber=18585602222&callerIdName=Ada+L&x-custom=7", &out), PHONECOM_OK);
    CHECK(h_get_is(out, "/callerIdName", "Ada L"));
    CHECK(h_get_is(out, "/extra/x-custom", "7"));
    CHECK(h_get_is(out, "/digits", "null"));
    phonecom_string_free(out);

    out = SENTINEL;
    CHECK_STATUS(phonecom_callcontrol_parse("callerIdNumber=16195550100", &out), PHONECOM_ERR_VALIDATION);
    char *json = phonecom_last_error_json();
    CHECK(json && strstr(json, "uniqueID") && strstr(json, "dialedNumber"));
    phonecom_string_free(json);
    CHECK_STATUS(phonecom_callcontrol_parse(NULL, &out), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_callcontrol_parse("uniqueID=1", NULL), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK(out == SENTINEL);
}

static void render_commands(void) {
    struct { const char *json, *line; } cases[] = {
        {"{\"command\": \"simple-forward\", \"number\": \"+18585602222\", \"dtmf\": \"ww1234w5\"}",
         "simple-forward,18585602222ww1234w5"},
        {"{\"command\": \"simple-forward-voicetag\", \"text\": \"Sales call\", \"number\": \"+18585550100\"}",
         "simple-forward-voicetag,\"Sales call\",18585550100"},
        {"{\"command\": \"multiple-forward\", \"numbers\": [\"+18585602222\", \"+18585602223\"]}",
         "multiple-forward,18585602222,18585602223"},
        {"{\"command\": \"multiple-forward-voicetag\", \"text\": \"Support\", \"numbers\": [\"+18585602222\", \"+18585602223\"]}",
         "multiple-forward-voicetag,\"Support\",18585602222,18585602223"},
        {"{\"command\": \"play-and-get-digits\", \"recording\": \"Main Menu\", \"patterns\": [\"DDD\", \"DDDD\"]}",
         "play-and-get-digits,Main Menu,DDD|DDDD"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *line = NULL, *back = NULL, *again = NULL;
        CHECK_STATUS(phonecom_callcontrol_render(cases[i].json, &line), PHONECOM_OK);
        CHECK_STR(line, cases[i].line);
        /* Read back and render again: the same line. */
        CHECK_STATUS(phonecom_callcontrol_parse_command(line, &back), PHONECOM_OK);
        CHECK_STATUS(phonecom_callcontrol_render(back, &again), PHONECOM_OK);
        CHECK_STR(again, cases[i].line);
        phonecom_string_free(line);
        phonecom_string_free(back);
        phonecom_string_free(again);
    }
}

static void refuse_bad_commands(void) {
    const char *bad[] = {
        /* a quote and a line break would end the voice tag and start a second command */
        "{\"command\": \"simple-forward-voicetag\", \"text\": \"a\\\"\\nsimple-forward,19005550100\", \"number\": \"+18585550100\"}",
        "{\"command\": \"simple-forward\", \"number\": \"858-555\"}",
        "{\"command\": \"multiple-forward\", \"numbers\": [\"+18585602222\"], \"dtmf\": \"w1\"}",
        "{\"command\": \"play-and-get-digits\", \"recording\": \"Menu\", \"patterns\": [\"DX\"]}",
        "{\"command\": \"simple-forward-voicetag\", \"text\": \"01234567890123456789012345678901234567890\", \"number\": \"+18585550100\"}",
        "{\"command\": \"hang-up\"}",
        "{\"number\": \"+18585550100\"}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *line = SENTINEL;
        CHECK_STATUS(phonecom_callcontrol_render(bad[i], &line), PHONECOM_ERR_VALIDATION);
        CHECK(line == SENTINEL);
        char *fields = h_last_field("/fields/0/field");
        CHECK(fields != NULL);
        free(fields);
    }
    char *line = SENTINEL;
    CHECK_STATUS(phonecom_callcontrol_render("{\"command\": ", &line), PHONECOM_ERR_INVALID_JSON);
    CHECK_STATUS(phonecom_callcontrol_render(NULL, &line), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK_STATUS(phonecom_callcontrol_parse_command("simple-forward,not-a-number", &line), PHONECOM_ERR_VALIDATION);
    CHECK_STATUS(phonecom_callcontrol_parse_command(NULL, &line), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK(line == SENTINEL);
}

void suite_callcontrol(void) {
    h_run("callcontrol: requests parsed and classified", parse_requests);
    h_run("callcontrol: every command rendered and read back", render_commands);
    h_run("callcontrol: bad commands refused, field named", refuse_bad_commands);
}
