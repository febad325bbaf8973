/*
 * A call-control URL in C: Phone.com calls it for each step of an incoming call (a query string,
 * or a form body) and reads one text/plain command back. libphonecom parses the request and
 * renders the command with the protocol's rules; this file adds a small loopback HTTP server.
 *
 * The desk: a new call hears the "Main Menu" recording and presses a digit; 1 goes to sales
 * (announced), 2 to support (dialing extension 101 once answered), anything else or nothing to
 * both front-desk phones at once; an unanswered sales/support forward goes on to the front desk.
 *
 *   cc callcontrol_handler.c $(pkg-config --cflags --libs phonecom) -lpthread -o callcontrol_handler
 *   ./callcontrol_handler serve 8080                    # serve until stopped
 *   PHONECOM_CONFIG=sandbox.json ./callcontrol_handler  # demo: the sandbox places calls on it
 *
 * In the demo the sandbox's call-control driver (POST {sandbox}/_sandbox/callcontrol/calls) calls
 * the handler the way Phone.com does, and the program checks where each call ended up.
 */
#define _POSIX_C_SOURCE 200809L
#include "example.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MENU "{\"command\": \"play-and-get-digits\", \"recording\": \"Main Menu\", \"patterns\": [\"D\"]}"
#define SALES "{\"command\": \"simple-forward-voicetag\", \"text\": \"Sales call\", \"number\": \"+18585550101\"}"
#define SUPPORT "{\"command\": \"simple-forward\", \"number\": \"+18585550102\", \"dtmf\": \"ww101\"}"
#define FRONT_DESK \
    "{\"command\": \"multiple-forward-voicetag\", \"text\": \"Front desk call\", \"numbers\": [\"+18585550110\", \"+18585550111\"]}"

/* The command (as JSON) for one parsed request, or NULL to answer nothing (hang up / acknowledge). */
static const char *decide(const char *request_json) {
    char *event = ex_get(request_json, "/event");
    const char *command = NULL;
    if (event && strcmp(event, "new_call") == 0) {
        command = MENU;
    } else if (event && strcmp(event, "digits") == 0) {
        char *digits = ex_get(request_json, "/digits");
        command = digits && strcmp(digits, "1") == 0 ? SALES : digits && strcmp(digits, "2") == 0 ? SUPPORT : FRONT_DESK;
        phonecom_string_free(digits);
    } else if (event && strcmp(event, "command_result") == 0) {
        /* A forward nobody answered: sales and support go on to the front desk; then hang up. */
        char *previous = ex_get(request_json, "/previous-response");
        command = previous && strncmp(previous, "simple-forward", 14) == 0 ? FRONT_DESK : NULL;
        phonecom_string_free(previous);
    } /* "completed" (with the duration) and "error" need no answer. */
    phonecom_string_free(event);
    return command;
}

/* Answer one request: the HTTP status, and the body in *body (malloc'd). */
static int handle(const char *query_or_body, char **body) {
    char *request = NULL, *line = NULL;
    int status = 200;
    if (phonecom_callcontrol_parse(query_or_body, &request) != PHONECOM_OK) {
        status = 400; /* not a call-control request: the message names the missing fields */
    } else {
        const char *command = decide(request);
        if (command && phonecom_callcontrol_render(command, &line) != PHONECOM_OK) status = 500;
    }
    if (status == 200) {
        *body = strdup(line ? line : "");
    } else {
        char *why = phonecom_last_error_message();
        *body = strdup(why ? why : "error");
        phonecom_string_free(why);
    }
    phonecom_string_free(line);
    phonecom_string_free(request);
    return status;
}

/* Read one HTTP request from `fd` into buf; returns the query string or form body in it. */
static const char *read_request(int fd, char *buf, size_t size) {
    size_t got = 0;
    char *end = NULL;
    while (got + 1 < size && !(end = strstr(buf, "\r\n\r\n"))) {
        ssize_t n = read(fd, buf + got, size - 1 - got);
        if (n <= 0) return NULL;
        buf[got += (size_t)n] = '\0';
    }
    if (!end) return NULL;
    if (strncmp(buf, "GET ", 4) == 0) {
        char *target = buf + 4, *space = strchr(target, ' '), *q = strchr(target, '?');
        if (!space) return NULL;
        *space = '\0';
        return q && q < space ? q + 1 : "";
    }
    const char *length = strstr(buf, "Content-Length:");
    size_t want = length ? (size_t)strtoul(length + 15, NULL, 10) : 0, have = got - (size_t)(end + 4 - buf);
    while (have < want && got + 1 < size) {
        ssize_t n = read(fd, buf + got, size - 1 - got);
        if (n <= 0) break;
        got += (size_t)n, have += (size_t)n;
        buf[got] = '\0';
    }
    return end + 4;
}

static void serve_one(int fd) {
    char buf[16384] = {0}, *body = NULL, head[160];
    const char *input = read_request(fd, buf, sizeof buf);
    int status = input ? handle(input, &body) : 400;
    const char *text = body ? body : "bad request";
    int n = snprintf(head, sizeof head, "HTTP/1.1 %d %s\r\nContent-Type: text/plain\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n",
                     status, status == 200 ? "OK" : "Error", strlen(text));
    if (write(fd, head, (size_t)n) == n && write(fd, text, strlen(text)) < 0) perror("write");
    free(body);
    close(fd);
}

/* A loopback listening socket on `port` (0: any free port); -1 on failure. */
static int listen_on(int port, int *bound) {
    int fd = socket(AF_INET, SOCK_STREAM, 0), on = 1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(fd, 16) != 0 ||
        getsockname(fd, (struct sockaddr *)&a, &len) != 0)
        return -1;
    *bound = ntohs(a.sin_port);
    return fd;
}

static void *serve_forever(void *listener) {
    for (int fd; (fd = accept(*(int *)listener, NULL, NULL)) >= 0;) serve_one(fd);
    return NULL;
}

/* POST a JSON body to http://127.0.0.1:port/path; the response body (malloc'd) or NULL. */
static char *post_json(int port, const char *path, const char *json) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) != 0) return NULL;
    char head[256];
    int n = snprintf(head, sizeof head,
                     "POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n"
                     "Connection: close\r\n\r\n",
                     path, strlen(json));
    size_t cap = 1 << 16, got = 0;
    char *reply = calloc(cap, 1);
    if (write(fd, head, (size_t)n) == n && write(fd, json, strlen(json)) == (ssize_t)strlen(json)) {
        for (ssize_t r; got + 1 < cap && (r = read(fd, reply + got, cap - 1 - got)) > 0;) got += (size_t)r;
    }
    close(fd);
    char *body = strstr(reply, "\r\n\r\n");
    char *out = body && strstr(reply, " 201 ") ? strdup(body + 4) : NULL;
    free(reply);
    return out;
}

/* The sandbox's port from its config line (PHONECOM_CONFIG), or 0. */
static int sandbox_port(void) {
    const char *path = getenv("PHONECOM_CONFIG");
    FILE *f = path ? fopen(path, "r") : NULL;
    char line[4096] = {0};
    if (!f) return 0;
    size_t got = fread(line, 1, sizeof line - 1, f);
    fclose(f);
    line[got] = '\0';
    char *url = ex_get(line, "/v4/base_url"), *colon = url ? strrchr(url, ':') : NULL;
    int port = colon && strncmp(url, "http://127.0.0.1:", 17) == 0 ? atoi(colon + 1) : 0;
    phonecom_string_free(url);
    return port;
}

static int demo(void) {
    int sandbox = sandbox_port(), port = 0, listener = listen_on(0, &port);
    if (!sandbox) return fprintf(stderr, "PHONECOM_CONFIG must name a loopback sandbox's config line\n"), 2;
    if (listener < 0) return perror("listen"), 1;
    pthread_t server;
    pthread_create(&server, NULL, serve_forever, &listener);
    printf("step 1: the handler answers on http://127.0.0.1:%d/callcontrol\n", port);

    /* What the caller does => the line the call should reach. */
    struct { const char *title, *call, *expected; } calls[] = {
        {"caller presses 1", "\"digits\": [\"1\"]", "18585550101"},
        {"caller presses 2, support does not answer", "\"digits\": [\"2\"], \"forwardResults\": [\"no-answer\", \"answered\"]",
         "18585550110"},
        {"caller presses nothing", "\"digits\": []", "18585550110"},
    };
    int rc = 0;
    for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
        char body[512];
        snprintf(body, sizeof body, "{\"url\": \"http://127.0.0.1:%d/callcontrol\", \"callerIdNumber\": \"+16195550199\", %s}",
                 port, calls[i].call);
        char *t = post_json(sandbox, "/_sandbox/callcontrol/calls", body);
        char *outcome = ex_get(t, "/outcome"), *to = ex_get(t, "/connected_to");
        printf("step %zu: %s: %s to %s\n", i + 2, calls[i].title, outcome ? outcome : "?", to ? to : "nobody");
        if (!to || strcmp(to, calls[i].expected) != 0) {
            fprintf(stderr, "error: expected the call to reach %s\n", calls[i].expected);
            rc = 1;
        }
        phonecom_string_free(to);
        phonecom_string_free(outcome);
        free(t);
    }
    shutdown(listener, SHUT_RDWR); /* wakes accept(): the server thread ends */
    pthread_join(server, NULL);
    close(listener);
    if (rc == 0) printf("done\n");
    return rc;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "serve") == 0) {
        int port = 0, listener = listen_on(argc > 2 ? atoi(argv[2]) : 8080, &port);
        if (listener < 0) return perror("listen"), 1;
        printf("call control on http://127.0.0.1:%d/ (Ctrl-C to stop)\n", port);
        fflush(stdout);
        serve_forever(&listener);
        return 0;
    }
    return demo();
}
