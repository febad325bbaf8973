/*
 * Number operations in C: normalise what a user typed, turn a vanity pattern into digits, walk
 * the inventory of an area code page by page, buy a number, rename it, and list the
 * account's numbers.
 *
 * Build and run (after `make -C ffi-c install PREFIX=...`):
 *
 *   cc numbers.c $(pkg-config --cflags --libs phonecom) -o numbers
 *   PHONECOM_CONFIG=config.json ./numbers     # a config document, e.g. the sandbox's line
 *   ./numbers                                 # or the PHONECOM_* environment variables
 */
#define _POSIX_C_SOURCE 200809L
#include <phonecom.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(const char *step) {
    char *why = phonecom_last_error_message();
    fprintf(stderr, "%s failed: %s\n", step, why ? why : "(no detail)");
    phonecom_string_free(why);
    return 1;
}

static char *get(const char *json, const char *pointer) {
    char *out = NULL;
    return phonecom_json_get(json, pointer, &out) == PHONECOM_OK ? out : NULL;
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

int main(void) {
    phonecom_client *client = NULL;
    const char *path = getenv("PHONECOM_CONFIG");
    phonecom_status st;
    if (path && *path) {
        char *config = read_file(path);
        if (!config) return fprintf(stderr, "cannot read %s\n", path), 1;
        st = phonecom_client_new_from_json(config, &client);
        free(config);
    } else {
        st = phonecom_client_new_from_env(&client);
    }
    if (st != PHONECOM_OK) return fail("configuration");

    int rc = 1;
    char *e164 = NULL, *digits = NULL, *page = NULL, *bought = NULL, *renamed = NULL, *mine = NULL;
    char *first = NULL, *number_id = NULL;
    phonecom_pager *pager = NULL;

    /* Local helpers: no network. */
    if (phonecom_e164_normalize("(858) 555-0100", &e164) != PHONECOM_OK) { rc = fail("e164"); goto done; }
    if (phonecom_vanity_to_digits("1-800-FLOWERS", &digits) != PHONECOM_OK) { rc = fail("vanity"); goto done; }
    printf("normalised: (858) 555-0100 -> %s; vanity: 1-800-FLOWERS -> %s\n", e164, digits);

    /* Every number in NPA 858 under $149.00, 50 per page: no row is lost, pages come when asked. */
    st = phonecom_pager_new(client, "v4.list-available-phone-numbers",
                            "{\"filters\": {\"npa\": \"eq:858\", \"price\": \"lt:149\"}, \"sort\": {\"price\": \"asc\"}, "
                            "\"limit\": 50}",
                            &pager);
    if (st != PHONECOM_OK) { rc = fail("pager"); goto done; }
    long rows = 0;
    while ((st = phonecom_pager_next(pager, &page)) == PHONECOM_OK) {
        for (int i = 0;; i++) {
            char pointer[64];
            snprintf(pointer, sizeof pointer, "/items/%d/phone_number", i);
            char *n = get(page, pointer);
            if (!n) break;
            if (!first) first = n; else phonecom_string_free(n);
            rows++;
        }
        phonecom_string_free(page);
        page = NULL;
    }
    if (st != PHONECOM_END_OF_PAGES) { rc = fail("pager_next"); goto done; }
    printf("inventory: %ld numbers in NPA 858 under $149.00 over %llu pages\n", rows,
           (unsigned long long)phonecom_pager_pages_fetched(pager));
    if (!first) { fprintf(stderr, "no number in NPA 858\n"); goto done; }

    /* Buy the cheapest, then rename it. */
    char params[256];
    snprintf(params, sizeof params, "{\"phone_number\": \"%s\", \"name\": \"Sales\"}", first);
    if (phonecom_call(client, "v4.create-account-phone-number", params, &bought) != PHONECOM_OK) {
        rc = fail("v4.create-account-phone-number");
        goto done;
    }
    number_id = get(bought, "/id");
    printf("bought: %s (number id %s)\n", first, number_id ? number_id : "?");
    /* v4's replace is a PUT: it sets the whole number, so a field left out (route, caller id,
     * blocking flags) goes back to its default. This number has nothing else set yet; for one that
     * does, send every field to keep along with the new name. */
    snprintf(params, sizeof params, "{\"number_id\": %s, \"name\": \"Sales line\"}", number_id ? number_id : "0");
    if (phonecom_call(client, "v4.replace-account-phone-number", params, &renamed) != PHONECOM_OK) {
        rc = fail("v4.replace-account-phone-number");
        goto done;
    }
    char *name = get(renamed, "/name");
    printf("renamed: %s is now \"%s\"\n", first, name ? name : "?");
    phonecom_string_free(name);

    if (phonecom_call(client, "v4.list-account-phone-numbers", "{\"limit\": 100}", &mine) != PHONECOM_OK) {
        rc = fail("v4.list-account-phone-numbers");
        goto done;
    }
    char *total = get(mine, "/total");
    printf("account: %s numbers, including %s\n", total ? total : "?", strstr(mine, first) ? first : "(missing!)");
    phonecom_string_free(total);
    printf("done\n");
    rc = strstr(mine, first) ? 0 : 1;

done:
    phonecom_pager_free(pager);
    phonecom_string_free(first);
    phonecom_string_free(number_id);
    phonecom_string_free(mine);
    phonecom_string_free(renamed);
    phonecom_string_free(bought);
    phonecom_string_free(page);
    phonecom_string_free(digits);
    phonecom_string_free(e164);
    phonecom_client_free(client);
    return rc;
}
