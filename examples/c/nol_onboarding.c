/*
 * numbers.online onboarding of one business number, in C:
 *
 *   1. sign up an account for the customer (its key is shown once: store it),
 *   2. send a one-time code to the number, 3. confirm it (the number is now bound to the account),
 *   4. stage the business profile, 5. upload the logo,
 *   6. mint the verification checkout link (the customer pays on the hosted page),
 *   7. poll until the listing is verified, then show the trust grade.
 *
 * The sandbox's OTP provider returns the code in its answer (`dev_code`) and its payment provider
 * settles a checkout at the first status read; against the real service the code is read from
 * standard input.
 *
 *   cc nol_onboarding.c $(pkg-config --cflags --libs phonecom) -o nol_onboarding
 *   PHONECOM_CONFIG=config.json ./nol_onboarding
 */
#define _POSIX_C_SOURCE 200809L
#include "example.h"

#include <string.h>
#include <time.h>

#define NUMBER "+14155550142"
/* The logo: a 1x1 PNG, base64. */
#define LOGO_PNG_BASE64 "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGMAAQAABQABDQottAAAAABJRU5ErkJggg=="

static void sleep_ms(long ms) {
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

int main(void) {
    phonecom_client *partner = ex_client();
    if (!partner) return 1;
    phonecom_client *acme = NULL;
    int rc = 1;
    char *signup = NULL, *account = NULL, *key = NULL, *prefix = NULL, *sent = NULL, *code = NULL, *bound = NULL;
    char *staged = NULL, *state = NULL, *logo = NULL, *checkout = NULL, *url = NULL, *status = NULL, *grade = NULL;
    char params[512], typed[32];

    /* 1. A keyless sign-up; then a client acting with the new account's own key. */
    signup = ex_call(partner, "nol.accountSignup", "{\"name\": \"Acme Plumbing (portal customer 12345)\"}");
    account = ex_get(signup, "/account/id");
    prefix = ex_get(signup, "/key_prefix");
    if (!(key = ex_get(signup, "/api_key"))) goto done;
    printf("step 1: signed up account %s with key %s... (store it: shown once)\n", account, prefix ? prefix : "nol_");
    if (phonecom_client_with_nol_key(partner, key, &acme) != PHONECOM_OK) {
        ex_report("phonecom_client_with_nol_key");
        goto done;
    }

    /* 2-3. Prove the customer holds the number. */
    if (!(sent = ex_call(acme, "nol.accountVerifyPhoneStart", "{\"phone\": \"" NUMBER "\", \"channel\": \"sms\"}")))
        goto done;
    printf("step 2: sent a one-time code to " NUMBER " by SMS\n");
    code = ex_get(sent, "/dev_code");
    if (!code) {
        printf("code the number received: ");
        fflush(stdout);
        if (!fgets(typed, sizeof typed, stdin)) goto done;
        typed[strcspn(typed, "\r\n")] = '\0';
    }
    snprintf(params, sizeof params, "{\"phone\": \"" NUMBER "\", \"code\": \"%s\"}", code ? code : typed);
    if (!(bound = ex_call(acme, "nol.accountVerifyPhoneConfirm", params))) goto done;
    printf("step 3: " NUMBER " is bound to the account\n");

    /* 4. The business profile (a personal listing refuses the business-only fields). */
    staged = ex_call(acme, "nol.putAccountListing",
                     "{\"e164\": \"" NUMBER "\", \"kind\": \"business\", \"dba\": \"Acme Plumbing\", "
                     "\"legal_name\": \"Acme Plumbing LLC\", \"ein\": \"12-3456789\", \"industry\": \"Home services\", "
                     "\"address\": \"1 Main St, Austin TX\", \"website\": \"https://acme.example\", "
                     "\"bio\": \"Licensed plumbers, same-day service.\"}");
    if (!(state = ex_get(staged, "/state"))) goto done;
    printf("step 4: staged the business profile \"Acme Plumbing\" (state %s)\n", state);

    /* 5. The logo, base64 in the parameters; type and size are checked before sending. */
    logo = ex_call(acme, "nol.uploadListingLogo",
                   "{\"e164\": \"" NUMBER "\", \"file\": {\"filename\": \"logo.png\", \"content_base64\": \"" LOGO_PNG_BASE64
                   "\"}}");
    if (!logo) goto done;
    printf("step 5: uploaded the logo\n");

    /* 6. The payment link: open it in a new tab for the customer. */
    checkout = ex_call(acme, "nol.verifyCheckout", "{\"e164\": \"" NUMBER "\"}");
    if (!(url = ex_get(checkout, "/url"))) goto done;
    printf("step 6: the customer pays at %s\n", url);

    /* 7. Poll (with a growing pause, up to 30 minutes) until the listing is verified. */
    long pause = 200, waited = 0;
    int reads = 0;
    for (;;) {
        reads++;
        phonecom_string_free(status);
        phonecom_string_free(state);
        status = ex_call(acme, "nol.getAccountListing", "{\"e164\": \"" NUMBER "\"}");
        if (!(state = ex_get(status, "/state"))) goto done;
        if (strcmp(state, "verified") == 0) break;
        if (waited + pause > 30 * 60 * 1000L) {
            fprintf(stderr, "error: not verified yet (state %s): poll again later\n", state);
            goto done;
        }
        sleep_ms(pause);
        waited += pause;
        pause = pause * 3 / 2 > 5000 ? 5000 : pause * 3 / 2;
    }
    grade = ex_get(status, "/trust_grade");
    printf("step 7: verified after %d status read(s): trust grade %s\n", reads, grade ? grade : "?");
    printf("done\n");
    rc = 0;

done:
    phonecom_string_free(grade);
    phonecom_string_free(status);
    phonecom_string_free(url);
    phonecom_string_free(checkout);
    phonecom_string_free(logo);
    phonecom_string_free(state);
    phonecom_string_free(staged);
    phonecom_string_free(bound);
    phonecom_string_free(code);
    phonecom_string_free(sent);
    phonecom_string_free(prefix);
    phonecom_string_free(key);
    phonecom_string_free(account);
    phonecom_string_free(signup);
    phonecom_client_free(acme);
    phonecom_client_free(partner);
    return rc;
}
