/*
 * The partner sign-up flow in C, end to end:
 *
 *   1. sign up portal user 12345 (create the subaccount `acme-12345` with a contact),
 *   2. get the user's token (what the Express front-end library's getAccessCallback returns),
 *   3. search numbers in NPA 858 under $149.00, cheapest first,
 *   4. buy the cheapest for the user's account.
 *
 * Build and run (after `make -C ffi-c install PREFIX=...`):
 *
 *   cc signup_flow.c $(pkg-config --cflags --libs phonecom) -o signup_flow
 *   PHONECOM_CONFIG=config.json ./signup_flow     # a config document, e.g. the sandbox's line
 *   ./signup_flow                                 # or the PHONECOM_* environment variables
 */
#define _POSIX_C_SOURCE 200809L
#include <phonecom.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Print the last error of this thread and give the exit status. */
static int fail(const char *step) {
    char *why = phonecom_last_error_message();
    fprintf(stderr, "%s failed: %s\n", step, why ? why : "(no detail)");
    phonecom_string_free(why);
    return 1;
}

/* The value at a JSON pointer of `json` (library string: free with phonecom_string_free). */
static char *get(const char *json, const char *pointer) {
    char *out = NULL;
    return phonecom_json_get(json, pointer, &out) == PHONECOM_OK ? out : NULL;
}

/* A v4 price as a person reads it. The field is the one-time price in whole US dollars: 0 is a
 * free number (about a quarter of the sandbox's inventory, and so every one of the cheapest
 * first: printed bare, "$0" looked like a price that failed to parse), and "REQUEST_QUOTE"
 * means the price is given on request. */
static const char *price_text(const char *price, char *buf, size_t size) {
    if (!price) return "(no price)";
    if (strcmp(price, "0") == 0) return "free (no one-time price)";
    if (strcmp(price, "REQUEST_QUOTE") == 0) return "price on request";
    snprintf(buf, size, "$%s.00 one-time", price);
    return buf;
}

static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + 1);
    size_t got = fread(text, 1, (size_t)n, f);
    text[got] = '\0';
    fclose(f);
    return text;
}

static phonecom_client *connect_client(void) {
    phonecom_client *client = NULL;
    const char *path = getenv("PHONECOM_CONFIG");
    phonecom_status st;
    if (path && *path) {
        char *config = read_file(path);
        if (!config) {
            fprintf(stderr, "cannot read PHONECOM_CONFIG %s\n", path);
            return NULL;
        }
        st = phonecom_client_new_from_json(config, &client);
        free(config);
    } else {
        st = phonecom_client_new_from_env(&client);
    }
    if (st != PHONECOM_OK) {
        fail("configuration");
        return NULL;
    }
    return client;
}

int main(void) {
    phonecom_client *partner = connect_client();
    if (!partner) return 1;
    int rc = 1;
    char *signup = NULL, *found = NULL, *bought = NULL;
    char *username = NULL, *token = NULL, *account = NULL, *expires = NULL, *number = NULL;
    phonecom_client *user = NULL;

    /* 1-2: one call creates the subaccount (never twice) and gets the user's token. The result's
     * "password" is the generated password, returned once: store it with the user's record (it gets
     * a new token later, oauth.user-token). To make every retry finish, even after a restart,
     * store phonecom_express_generate_password()'s output first and pass it as "password". */
    const char *params =
        "{\"partner\": \"acme\", \"user_id\": \"12345\", \"contact\": {"
        "\"name\": \"Ada Lovelace\", \"company\": \"Book Depository\", "
        "\"address\": {\"line_1\": \"411 Elm, st.\", \"city\": \"Dallas\", \"province\": \"TX\", "
        "\"postal_code\": \"75202\", \"country\": \"US\"}, "
        "\"phone\": \"+15555550001\", \"primary_email\": \"ada@example.com\"}}";
    if (phonecom_call(partner, "express.signup", params, &signup) != PHONECOM_OK) {
        rc = fail("express.signup");
        goto done;
    }
    username = get(signup, "/username");
    account = get(signup, "/account/id");
    token = get(signup, "/token/access_token");
    expires = get(signup, "/token/expires_in");
    if (!username || !account || !token) {
        fprintf(stderr, "unexpected sign-up result\n");
        goto done;
    }
    printf("step 1: created subaccount %s (id %s) for portal user 12345\n", username, account);
    printf("step 2: got the user's token (expires in %ss)\n", expires ? expires : "?");

    /* 3: as the user, the cheapest numbers in NPA 858 under $149.00. */
    if (phonecom_client_with_v4_token(partner, token, strtoull(account, NULL, 10), &user) != PHONECOM_OK) {
        rc = fail("with_v4_token");
        goto done;
    }
    if (phonecom_call(user, "v4.list-available-phone-numbers",
                      "{\"filters\": {\"npa\": \"eq:858\", \"price\": \"lt:149\"}, "
                      "\"sort\": {\"price\": \"asc\"}, \"limit\": 5}",
                      &found) != PHONECOM_OK) {
        rc = fail("v4.list-available-phone-numbers");
        goto done;
    }
    char *total = get(found, "/total");
    printf("step 3: %s numbers in NPA 858 under $149.00; the cheapest:\n", total ? total : "?");
    phonecom_string_free(total);
    for (int i = 0; i < 5; i++) {
        char pointer[64], text[64];
        snprintf(pointer, sizeof pointer, "/items/%d/phone_number", i);
        char *n = get(found, pointer);
        if (!n) break;
        snprintf(pointer, sizeof pointer, "/items/%d/price", i);
        char *price = get(found, pointer);
        printf("        %s %s\n", n, price_text(price, text, sizeof text));
        phonecom_string_free(n);
        phonecom_string_free(price);
    }
    number = get(found, "/items/0/phone_number");
    if (!number) {
        fprintf(stderr, "no number in NPA 858 under $149.00\n");
        goto done;
    }

    /* 4: buy it. */
    char buy[256];
    snprintf(buy, sizeof buy, "{\"phone_number\": \"%s\", \"name\": \"Main line\"}", number);
    if (phonecom_call(user, "v4.create-account-phone-number", buy, &bought) != PHONECOM_OK) {
        rc = fail("v4.create-account-phone-number");
        goto done;
    }
    char *id = get(bought, "/id");
    printf("step 4: bought %s (number id %s) for account %s\n", number, id ? id : "?", account);
    phonecom_string_free(id);
    printf("done\n");
    rc = 0;

done:
    phonecom_string_free(number);
    phonecom_string_free(expires);
    phonecom_string_free(token);
    phonecom_string_free(account);
    phonecom_string_free(username);
    phonecom_string_free(bought);
    phonecom_string_free(found);
    phonecom_string_free(signup);
    phonecom_client_free(user);
    phonecom_client_free(partner);
    return rc;
}
