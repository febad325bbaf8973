/*
 * An auto-attendant menu with REST API v1, in C: two routes (call-handling rules) "Sales" and
 * "Support", a text-to-speech greeting, the menu (press 1 for Sales, 2 for Support), read back.
 * (An uploaded WAV greeting is a `file` parameter: {"filename": "menu.wav", "content_base64": ...}.)
 *
 *   cc v1_menu.c $(pkg-config --cflags --libs phonecom) -o v1_menu
 *   PHONECOM_CONFIG=config.json ./v1_menu
 */
#include "example.h"

#include <string.h>

int main(void) {
    phonecom_client *client = ex_client();
    if (!client) return 1;
    int rc = 1;
    const char *names[2] = {"Sales", "Support"}, *extensions[2] = {"102", "101"};
    char *route_ids[2] = {NULL, NULL}, *created[2] = {NULL, NULL};
    char *media = NULL, *media_id = NULL, *menu = NULL, *menu_id = NULL, *back = NULL, *name = NULL;
    char params[512];

    /* 1-2. The routes each key leads to: ring an extension. */
    for (int i = 0; i < 2; i++) {
        snprintf(params, sizeof params,
                 "{\"body\": {\"name\": \"%s\", \"rules\": [{\"action\": \"ring\", \"extension\": \"%s\"}]}}", names[i],
                 extensions[i]);
        created[i] = ex_call(client, "v1.routes.create", params);
        if (!(route_ids[i] = ex_get(created[i], "/resource_id"))) goto done;
        printf("step %d: created route %s (%s), ringing extension %s\n", i + 1, names[i], route_ids[i], extensions[i]);
    }

    /* 3. The greeting callers hear, spoken from text. */
    media = ex_call(client, "v1.media.create",
                    "{\"name\": \"Main menu greeting\", \"tts_text\": \"Thanks for calling Acme. "
                    "For sales press 1, for support press 2.\"}");
    if (!(media_id = ex_get(media, "/resource_id"))) goto done;
    printf("step 3: created the greeting %s\n", media_id);

    /* 4. The menu: the greeting, then 1 -> Sales, 2 -> Support; callers may dial an extension. */
    snprintf(params, sizeof params,
             "{\"name\": \"Main menu\", \"outgoing_recording\": \"%s\", \"allow_extension_dial\": true, \"wait_time\": 5, "
             "\"digits\": [{\"digit\": 1, \"route\": \"%s\"}, {\"digit\": 2, \"route\": \"%s\"}]}",
             media_id, route_ids[0], route_ids[1]);
    menu = ex_call(client, "v1.menus.create", params);
    if (!(menu_id = ex_get(menu, "/resource_id"))) goto done;
    printf("step 4: created menu \"Main menu\" (%s): 1 -> Sales, 2 -> Support\n", menu_id);

    /* 5. Read it back. */
    snprintf(params, sizeof params, "{\"resource_id\": \"%s\"}", menu_id);
    back = ex_call(client, "v1.menus.get", params);
    name = ex_get(back, "/name");
    printf("step 5: read back \"%s\"\n", name ? name : "?");
    for (int i = 0; i < 2; i++) {
        char pointer[32];
        snprintf(pointer, sizeof pointer, "/digits/%d/route", i);
        char *route = ex_get(back, pointer);
        int sales = route && strcmp(route, route_ids[0]) == 0, support = route && strcmp(route, route_ids[1]) == 0;
        printf("        press %d: %s\n", i + 1, sales ? "Sales" : support ? "Support" : "?");
        phonecom_string_free(route);
        if (sales + support != 1) {
            fprintf(stderr, "error: key %d does not lead to a route of this example\n", i + 1);
            goto done;
        }
    }
    printf("done\n");
    rc = 0;

done:
    phonecom_string_free(name);
    phonecom_string_free(back);
    phonecom_string_free(menu_id);
    phonecom_string_free(menu);
    phonecom_string_free(media_id);
    phonecom_string_free(media);
    for (int i = 0; i < 2; i++) phonecom_string_free(route_ids[i]), phonecom_string_free(created[i]);
    phonecom_client_free(client);
    return rc;
}
