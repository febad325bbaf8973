/* The README's first C program: sign a portal user up on the sandbox, then search numbers.
 *   phonecom-sandbox > sandbox.json &   cc first.c $(pkg-config --cflags --libs phonecom) -o first && ./first < sandbox.json */
#include <phonecom.h>
#include <stdio.h>

int main(void) {
    char config[4096], *done = NULL, *user = NULL, *found = NULL;
    phonecom_client *client = NULL;
    int ok = fgets(config, sizeof config, stdin) && phonecom_client_new_from_json(config, &client) == PHONECOM_OK &&
        phonecom_call(client, "express.signup", "{\"partner\": \"acme\", \"user_id\": \"12345\", \"contact\": {\"name\": \"Ada\", "
            "\"phone\": \"+15555550001\", \"primary_email\": \"ada@example.com\", \"address\": {\"line_1\": \"411 Elm\", "
            "\"city\": \"Dallas\", \"province\": \"TX\", \"country\": \"US\"}}}", &done) == PHONECOM_OK &&
        phonecom_json_get(done, "/username", &user) == PHONECOM_OK &&
        phonecom_call(client, "v4.list-available-phone-numbers", "{\"filters\": {\"npa\": \"eq:858\"}, \"limit\": 1}", &found) == PHONECOM_OK;
    char *why = ok ? NULL : phonecom_last_error_message();
    if (ok) printf("created subaccount %s\nnumbers: %s\n", user, found); else fprintf(stderr, "failed: %s\n", why);
    phonecom_string_free(why); phonecom_string_free(done); phonecom_string_free(user); phonecom_string_free(found);
    phonecom_client_free(client);
    return !ok;
}
