/* The partner flows against the sandbox: sign-up (express.signup), number search and purchase
 * as the new user, a list walked to its end with the pager, and the log callback. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *SIGNUP_PARAMS =
    "{\"partner\": \"acme\", \"user_id\": \"c-1001\", \"contact\": {\"name\": \"Ada Lovelace\", "
    "\"company\": \"Book Depository\", \"address\": {\"line_1\": \"411 Elm, st.\", \"city\": \"Dallas\", "
    "\"province\": \"TX\", \"postal_code\": \"75202\", \"country\": \"US\"}, "
    "\"phone\": \"+15555550001\", \"primary_email\": \"ada@example.com\"}}";

static void signup_then_search_and_buy(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *partner = h_client(NULL);
    char *signup = NULL;
    CHECK_STATUS(phonecom_call(partner, "express.signup", SIGNUP_PARAMS, &signup), PHONECOM_OK);
    if (!signup) {
        phonecom_client_free(partner);
        return;
    }
    CHECK(h_get_is(signup, "/username", "acme-c-1001"));
    CHECK(h_get_is(signup, "/recovered", "false"));
    char *token = h_get(signup, "/token/access_token");
    char *password = h_get(signup, "/password");
    long long account = h_get_int(signup, "/account/id");
    CHECK(token && *token);
    CHECK(password && strlen(password) == 32);
    CHECK(account > 0);

    /* As the new user: the cheapest numbers in NPA 858 under $149.00. */
    phonecom_client *user = NULL;
    CHECK_STATUS(phonecom_client_with_v4_token(partner, token, (uint64_t)account, &user), PHONECOM_OK);
    char *found = NULL;
    CHECK_STATUS(phonecom_call(user, "v4.list-available-phone-numbers",
                               "{\"filters\": {\"npa\": \"eq:858\", \"price\": \"lt:149\"}, "
                               "\"sort\": {\"price\": \"asc\"}, \"limit\": 5}",
                               &found),
                 PHONECOM_OK);
    char *number = found ? h_get(found, "/items/0/phone_number") : NULL;
    CHECK(number && strncmp(number, "+1858", 5) == 0);
    long long p0 = found ? h_get_int(found, "/items/0/price") : -1;
    long long p1 = found ? h_get_int(found, "/items/1/price") : -1;
    CHECK(p0 >= 0 && p0 < 149 && p0 <= p1);

    if (number) {
        char params[256], *bought = NULL, *mine = NULL;
        snprintf(params, sizeof params, "{\"phone_number\": \"%s\", \"name\": \"Main line\"}", number);
        CHECK_STATUS(phonecom_call(user, "v4.create-account-phone-number", params, &bought), PHONECOM_OK);
        CHECK(bought && h_get_is(bought, "/phone_number", number));
        CHECK_STATUS(phonecom_call(user, "v4.list-account-phone-numbers", "{}", &mine), PHONECOM_OK);
        CHECK(mine && strstr(mine, number));
        /* Bought numbers leave the inventory. */
        char *still = NULL;
        snprintf(params, sizeof params, "{\"filters\": {\"phone_number\": \"eq:%s\"}}", number);
        CHECK_STATUS(phonecom_call(user, "v4.list-available-phone-numbers", params, &still), PHONECOM_OK);
        CHECK(still && h_array_len(still, "/items") == 0);
        phonecom_string_free(still);
        phonecom_string_free(bought);
        phonecom_string_free(mine);
    }

    /* The same user again is refused by the upstream, not created twice. */
    char *again = SENTINEL;
    phonecom_status st = phonecom_call(partner, "express.signup", SIGNUP_PARAMS, &again);
    CHECK(st == PHONECOM_ERR_VALIDATION || st == PHONECOM_ERR_CONFLICT);
    CHECK(again == SENTINEL);

    free(number);
    phonecom_string_free(found);
    phonecom_client_free(user);
    free(token);
    free(password);
    phonecom_string_free(signup);
    phonecom_client_free(partner);
}

/* numbers.online onboarding: the keyless sign-up returns a key once; a client derived with it
 * acts as the new account, never shows the key, and leaves the parent as it was. */
static void nol_signup_then_act_with_the_new_key(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *parent = h_client(NULL);
    char *signup = NULL;
    CHECK_STATUS(phonecom_call(parent, "nol.accountSignup",
                               "{\"name\": \"C softphone\", \"email\": \"ops@c.example\"}", &signup),
                 PHONECOM_OK);
    char *key = signup ? h_get(signup, "/api_key") : NULL;
    CHECK(key && strncmp(key, "nol_", 4) == 0);
    phonecom_string_free(signup);
    if (!key) {
        phonecom_client_free(parent);
        return;
    }

    phonecom_client *acme = NULL;
    CHECK_STATUS(phonecom_client_with_nol_key(parent, key, &acme), PHONECOM_OK);
    char *account = NULL;
    CHECK_STATUS(phonecom_call(acme, "nol.getAccount", "{}", &account), PHONECOM_OK);
    CHECK(account && h_get_is(account, "/account/name", "C softphone"));
    phonecom_string_free(account);

    /* The key is masked in the derived client's errors (the refusal quotes the value). */
    char params[128], *out = SENTINEL;
    snprintf(params, sizeof params, "{\"e164\": \"%s\"}", key);
    CHECK_STATUS(phonecom_call(acme, "nol.getAccountListing", params, &out), PHONECOM_ERR_VALIDATION);
    CHECK(out == SENTINEL);
    char *message = phonecom_last_error_message();
    char *json = phonecom_last_error_json();
    CHECK(message && !strstr(message, key) && strstr(message, "***"));
    CHECK(json && !strstr(json, key));
    phonecom_string_free(message);
    phonecom_string_free(json);

    /* The parent still acts as its own account. */
    CHECK_STATUS(phonecom_call(parent, "nol.getAccount", "{}", &account), PHONECOM_OK);
    char *name = account ? h_get(account, "/account/name") : NULL;
    CHECK(name && strcmp(name, "C softphone") != 0);
    free(name);
    phonecom_string_free(account);

    /* Empty and too-short keys are refused, naming the argument; *out is untouched. */
    phonecom_client *none = (phonecom_client *)SENTINEL;
    CHECK_STATUS(phonecom_client_with_nol_key(parent, "", &none), PHONECOM_ERR_VALIDATION);
    char *field = h_last_field("/fields/0/field");
    CHECK(field && strcmp(field, "key") == 0);
    free(field);
    CHECK_STATUS(phonecom_client_with_nol_key(parent, "abc", &none), PHONECOM_ERR_VALIDATION);
    CHECK_STATUS(phonecom_client_with_nol_key(parent, NULL, &none), PHONECOM_ERR_NULL_ARGUMENT);
    CHECK(none == (phonecom_client *)SENTINEL);

    /* The derived client outlives its parent. */
    phonecom_client_free(parent);
    CHECK_STATUS(phonecom_call(acme, "nol.getAccount", "{}", &account), PHONECOM_OK);
    phonecom_string_free(account);
    phonecom_client_free(acme);
    free(key);
}

static void pager_walks_to_the_end(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    char *first = NULL;
    CHECK_STATUS(phonecom_call(client, "v4.list-available-phone-numbers", "{\"limit\": 1}", &first), PHONECOM_OK);
    long long total = first ? h_get_int(first, "/total") : -1;
    phonecom_string_free(first);
    CHECK(total > 137);

    phonecom_pager *pager = NULL;
    CHECK_STATUS(phonecom_pager_new(client, "v4.list-available-phone-numbers", "{\"limit\": 137}", &pager),
                 PHONECOM_OK);
    /* The pager keeps what it needs: the client can go first. */
    phonecom_client_free(client);
    CHECK(phonecom_pager_pages_fetched(pager) == 0);
    long long rows = 0, pages = 0;
    char *page = NULL;
    phonecom_status st;
    while ((st = phonecom_pager_next(pager, &page)) == PHONECOM_OK) {
        pages++;
        size_t n = h_array_len(page, "/items");
        CHECK(h_get_int(page, "/offset") == rows);
        CHECK(h_get_int(page, "/limit") == 137);
        CHECK(n > 0 && n <= 137);
        rows += (long long)n;
        phonecom_string_free(page);
        page = NULL;
    }
    CHECK_STATUS(st, PHONECOM_END_OF_PAGES);
    CHECK(page == NULL);
    CHECK(rows == total);
    CHECK(pages == (total + 136) / 137);
    CHECK(phonecom_pager_pages_fetched(pager) == (uint64_t)pages);
    CHECK_STATUS(phonecom_pager_next(pager, &page), PHONECOM_END_OF_PAGES);
    phonecom_pager_free(pager);
}

static void pager_with_filters_and_errors(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    phonecom_client *client = h_client(NULL);
    phonecom_pager *pager = (phonecom_pager *)SENTINEL;
    CHECK_STATUS(phonecom_pager_new(client, "v4.get-account", "{}", &pager), PHONECOM_ERR_VALIDATION);
    CHECK_STATUS(phonecom_pager_new(client, "v4.list-available-phone-numbers", "{\"limit\": 501}", &pager),
                 PHONECOM_ERR_VALIDATION);
    CHECK(pager == (phonecom_pager *)SENTINEL);

    /* A filtered walk: every row matches. */
    CHECK_STATUS(phonecom_pager_new(client, "v4.list-available-phone-numbers",
                                    "{\"filters\": {\"npa\": \"eq:858\"}, \"limit\": 20}", &pager),
                 PHONECOM_OK);
    char *page = NULL;
    int pages = 0;
    while (phonecom_pager_next(pager, &page) == PHONECOM_OK) {
        pages++;
        CHECK(!strstr(page, "\"npa\":\"619\""));
        phonecom_string_free(page);
    }
    CHECK(pages >= 1);
    phonecom_pager_free(pager);

    /* A failing page ends the walk with its error, then the end. */
    char path[128];
    snprintf(path, sizeof path, "/v4/accounts/%lld/subaccounts", h_account_id());
    CHECK_STATUS(phonecom_pager_new(client, "v4.list-account-subaccounts", "{\"limit\": 10}", &pager), PHONECOM_OK);
    h_fault("GET", path, "status=500", 3);
    page = SENTINEL;
    CHECK_STATUS(phonecom_pager_next(pager, &page), PHONECOM_ERR_SERVER);
    CHECK_STATUS(phonecom_pager_next(pager, &page), PHONECOM_END_OF_PAGES);
    CHECK(page == SENTINEL);
    phonecom_pager_free(pager);
    phonecom_client_free(client);
}

struct log_record {
    pthread_mutex_t lock;
    int requests, responses, total;
    bool secret_seen;
    const char *secret;
};

static void on_log(void *user_data, const char *event_json) {
    struct log_record *rec = user_data;
    char *kind = h_get(event_json, "/kind");
    pthread_mutex_lock(&rec->lock);
    rec->total++;
    if (kind && strcmp(kind, "request") == 0) rec->requests++;
    if (kind && strcmp(kind, "response") == 0) rec->responses++;
    if (rec->secret && strstr(event_json, rec->secret)) rec->secret_seen = true;
    pthread_mutex_unlock(&rec->lock);
    free(kind);
}

static void log_callback_masks_secrets(void) {
    SKIP_UNLESS(h_config(), "no sandbox");
    char *token = h_get(h_config(), "/v4/token");
    struct log_record rec = {PTHREAD_MUTEX_INITIALIZER, 0, 0, 0, false, token};
    char *config = h_config_with("\"retry\": {\"max_attempts\": 3, \"base_delay_ms\": 5, \"max_delay_ms\": 50}");
    phonecom_client_builder *builder = NULL;
    phonecom_client *client = NULL;
    CHECK_STATUS(phonecom_client_builder_from_json(config, &builder), PHONECOM_OK);
    CHECK_STATUS(phonecom_client_builder_set_log(builder, on_log, &rec), PHONECOM_OK);
    CHECK_STATUS(phonecom_client_builder_build(builder, &client), PHONECOM_OK);
    phonecom_client_builder_free(builder);

    char *out = NULL;
    CHECK_STATUS(phonecom_call(client, "v4.get-account", "{}", &out), PHONECOM_OK);
    phonecom_string_free(out);
    char path[128];
    snprintf(path, sizeof path, "/v4/accounts/%lld/sms", h_account_id());
    h_fault("GET", path, "status=503", 1);
    CHECK_STATUS(phonecom_call(client, "v4.list-account-sms", "{}", &out), PHONECOM_OK);
    phonecom_string_free(out);
    /* get-account: request + response; list-account-sms: two attempts, a retry between. */
    CHECK(rec.requests == 3);
    CHECK(rec.responses >= 2);
    CHECK(rec.total >= 6);
    CHECK(token && strlen(token) >= 4 && !rec.secret_seen);
    phonecom_client_free(client);
    free(config);
    free(token);
}

void suite_flow(void) {
    h_run("flow: sign-up, then search and buy a number as the user", signup_then_search_and_buy);
    h_run("flow: numbers.online sign-up, then act with the new key", nol_signup_then_act_with_the_new_key);
    h_run("flow: the pager walks a list to its end", pager_walks_to_the_end);
    h_run("flow: pager with filters, refusals and a failing page", pager_with_filters_and_errors);
    h_run("flow: the log callback sees every attempt, secrets masked", log_callback_masks_secrets);
}
