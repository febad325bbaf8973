/*
 * A new business line through the XML API, in C: search the inventory for a San Diego number,
 * reserve it (held until about midnight Pacific time), add it to the account, ring two phones at
 * once when it is called, and text the owner that the line is live. Every XML request carries a
 * clTRID, so a mutation the library retries acts only once.
 *
 *   cc xml_numbers.c $(pkg-config --cflags --libs phonecom) -o xml_numbers
 *   PHONECOM_CONFIG=config.json ./xml_numbers
 */
#include "example.h"

#include <stdlib.h>
#include <string.h>

#define OWNER "+16195550101"  /* the owner's mobile */
#define OFFICE "+16195550102" /* the office phone */

int main(void) {
    phonecom_client *client = ex_client();
    if (!client) return 1;
    int rc = 1;
    char *found = NULL, *number = NULL, *held = NULL, *until = NULL, *added = NULL, *id = NULL, *ring = NULL,
         *sent = NULL, *trid = NULL;
    char params[512];

    /* 1. Search: local numbers in California whose digits match 1858*******. */
    found = ex_call(client, "xml.getPhoneNumberInventory",
                    "{\"countryCode\": 1, \"type\": \"local\", \"state\": \"CA\", \"pattern\": \"1858*******\", \"quantity\": 5}");
    if (!found) goto done;
    if (!(number = ex_get(found, "/data/items/0/phoneNumber"))) {
        fprintf(stderr, "error: no number matches the search\n");
        goto done;
    }
    printf("step 1: numbers for state CA, pattern 1858*******; the first is %s\n", number);

    /* 2. Reserve it while the customer decides. */
    snprintf(params, sizeof params, "{\"phoneNumber\": \"%s\"}", number);
    if (!(held = ex_call(client, "xml.reservePhoneNumber", params))) goto done;
    until = ex_get(held, "/data/reservation/expires/gmt");
    printf("step 2: reserved %s until %s\n", number, until ? until : "?");

    /* 3. Buy it: add it to the account. */
    if (!(added = ex_call(client, "xml.addPhoneNumber", params))) goto done;
    id = ex_get(added, "/data/phoneNumber/id");
    printf("step 3: added %s as id %s\n", number, id ? id : "?");

    /* 4. Ring the owner (announced, screened) and the office at once for 30 s. */
    snprintf(params, sizeof params,
             "{\"phoneNumber\": \"%s\", \"destination1\": \"" OWNER "\", \"destination1VoiceTag\": \"New business line\", "
             "\"destination1Screening\": \"yes\", \"destination2\": \"" OFFICE "\", \"destination2CallerId\": \"%s\", "
             "\"timeout\": 30}",
             number, number);
    if (!(ring = ex_call(client, "xml.updateCallHandlingSimpleRingAll", params))) goto done;
    printf("step 4: calls to %s ring " OWNER " and " OFFICE " at once\n", number);

    /* 5. Tell the owner. */
    snprintf(params, sizeof params,
             "{\"fromNumber\": \"%s\", \"toNumber\": \"" OWNER "\", \"message\": \"Your new line %s is live.\"}", number,
             number);
    if (!(sent = ex_call(client, "xml.sendSMS", params))) goto done;
    trid = ex_get(sent, "/svTRID");
    printf("step 5: texted " OWNER " from %s (svTRID %s)\n", number, trid ? trid : "?");
    printf("done\n");
    rc = 0;

done:
    phonecom_string_free(trid);
    phonecom_string_free(sent);
    phonecom_string_free(ring);
    phonecom_string_free(id);
    phonecom_string_free(added);
    phonecom_string_free(until);
    phonecom_string_free(held);
    phonecom_string_free(number);
    phonecom_string_free(found);
    phonecom_client_free(client);
    return rc;
}
