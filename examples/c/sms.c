/*
 * Text messages in C: send one through REST v4 and read it back from the account's message log,
 * send one through the XML API, and see bad input refused before anything is sent.
 *
 *   cc sms.c $(pkg-config --cflags --libs phonecom) -o sms
 *   PHONECOM_CONFIG=config.json ./sms
 */
#include "example.h"

#include <string.h>

#define OFFICE "+18585550100" /* a number of the account (the sandbox's "San Diego office") */
#define CUSTOMER "+16195550101"

int main(void) {
    phonecom_client *client = ex_client();
    if (!client) return 1;
    int rc = 1;
    char *sent = NULL, *id = NULL, *log = NULL, *latest = NULL, *reply = NULL, *trid = NULL, *refused = NULL;

    /* 1. REST v4. */
    sent = ex_call(client, "v4.create-account-sms",
                   "{\"from\": \"" OFFICE "\", \"to\": \"" CUSTOMER "\", \"text\": \"Your table for 4 is ready.\"}");
    if (!(id = ex_get(sent, "/id"))) goto done;
    printf("step 1: sent SMS %s from " OFFICE " to " CUSTOMER "\n", id);

    /* 2. The account's outgoing messages, newest first: ours is there. */
    log = ex_call(client, "v4.list-account-sms",
                  "{\"filters\": {\"direction\": \"eq:out\"}, \"sort\": {\"created_at\": \"desc\"}, \"limit\": 5}");
    if (!(latest = ex_get(log, "/items/0/id")) || strcmp(latest, id) != 0) {
        fprintf(stderr, "error: message %s is not the latest in the log\n", id);
        goto done;
    }
    printf("step 2: the latest outgoing message is %s\n", latest);

    /* 3. The XML API sends too; its reply carries the server's transaction id. */
    reply = ex_call(client, "xml.sendSMS",
                    "{\"fromNumber\": \"" OFFICE "\", \"toNumber\": \"" CUSTOMER "\", \"message\": \"See you at 7.\"}");
    if (!(trid = ex_get(reply, "/svTRID"))) goto done;
    printf("step 3: sent through the XML API (svTRID %s)\n", trid);

    /* 4. Bad input never leaves the process: PHONECOM_ERR_VALIDATION, the message names the field. */
    phonecom_status st = phonecom_call(client, "v4.create-account-sms",
                                       "{\"from\": \"" OFFICE "\", \"to\": \"619-555-0101\", \"text\": \"x\"}", &refused);
    if (st != PHONECOM_ERR_VALIDATION) {
        fprintf(stderr, "error: a number that is not E.164 was not refused (%s)\n", phonecom_status_name(st));
        goto done;
    }
    char *why = phonecom_last_error_message();
    printf("step 4: refused before sending: %s\n", why ? why : "?");
    phonecom_string_free(why);
    printf("done\n");
    rc = 0;

done:
    phonecom_string_free(refused);
    phonecom_string_free(trid);
    phonecom_string_free(reply);
    phonecom_string_free(latest);
    phonecom_string_free(log);
    phonecom_string_free(id);
    phonecom_string_free(sent);
    phonecom_client_free(client);
    return rc;
}
