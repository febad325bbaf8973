/* The harness of the C suite (see harness.h). */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <netdb.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int checks_failed = 0;
static int tests_passed = 0, tests_failed = 0, tests_skipped = 0;
static bool current_skipped = false;

static void print_last_error(void) {
    char *msg = phonecom_last_error_message();
    if (msg) {
        fprintf(stderr, "      last error: %s\n", msg);
        phonecom_string_free(msg);
    }
}

void h_check(bool ok, const char *file, int line, const char *what) {
    if (ok) return;
    pthread_mutex_lock(&lock);
    checks_failed++;
    fprintf(stderr, "    FAILED %s:%d: %s\n", file, line, what);
    print_last_error();
    pthread_mutex_unlock(&lock);
}

void h_check_status(phonecom_status got, phonecom_status want, const char *file, int line,
                    const char *what) {
    if (got == want) return;
    pthread_mutex_lock(&lock);
    checks_failed++;
    fprintf(stderr, "    FAILED %s:%d: %s\n      status %s (%d), wanted %s (%d)\n", file, line,
            what, phonecom_status_name((uint32_t)got), (int)got,
            phonecom_status_name((uint32_t)want), (int)want);
    print_last_error();
    pthread_mutex_unlock(&lock);
}

void h_check_str(const char *got, const char *want, const char *file, int line, const char *what) {
    if (got && want && strcmp(got, want) == 0) return;
    pthread_mutex_lock(&lock);
    checks_failed++;
    fprintf(stderr, "    FAILED %s:%d: %s is \"%s\", wanted \"%s\"\n", file, line, what,
            got ? got : "(null)", want ? want : "(null)");
    pthread_mutex_unlock(&lock);
}

void h_skip(const char *why) {
    current_skipped = true;
    printf("    skipped: %s\n", why);
}

void h_run(const char *name, h_test_fn fn) {
    int before = checks_failed;
    current_skipped = false;
    phonecom_last_error_clear();
    fn();
    if (checks_failed != before) {
        tests_failed++;
        printf("FAIL %s\n", name);
    } else if (current_skipped) {
        tests_skipped++;
        printf("skip %s\n", name);
    } else {
        tests_passed++;
        printf("ok   %s\n", name);
    }
    fflush(stdout);
}

char *h_take(char *library_string) {
    if (!library_string) return NULL;
    char *copy = strdup(library_string);
    phonecom_string_free(library_string);
    return copy;
}

char *h_get(const char *json, const char *pointer) {
    char *out = NULL;
    if (phonecom_json_get(json, pointer, &out) != PHONECOM_OK) return NULL;
    return h_take(out);
}

bool h_get_is(const char *json, const char *pointer, const char *want) {
    char *v = h_get(json, pointer);
    bool same = v && strcmp(v, want) == 0;
    if (!same) fprintf(stderr, "      %s is %s, wanted %s\n", pointer, v ? v : "(absent)", want);
    free(v);
    return same;
}

long long h_get_int(const char *json, const char *pointer) {
    char *v = h_get(json, pointer);
    long long n = v && strcmp(v, "null") != 0 ? atoll(v) : -1;
    free(v);
    return n;
}

size_t h_array_len(const char *json, const char *pointer) {
    /* Exponential then binary search on "/pointer/N", so a long array costs few parses. */
    char path[256];
    size_t lo = 0, hi = 1;
    for (;;) {
        snprintf(path, sizeof path, "%s/%zu", pointer, hi - 1);
        char *v = h_get(json, path);
        if (!v) break;
        free(v);
        lo = hi;
        hi *= 2;
    }
    /* lo elements exist, hi do not */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        snprintf(path, sizeof path, "%s/%zu", pointer, mid - 1);
        char *v = h_get(json, path);
        if (v) {
            lo = mid;
            free(v);
        } else {
            hi = mid;
        }
    }
    return lo;
}

char *h_last_field(const char *pointer) {
    char *json = phonecom_last_error_json();
    if (!json) return NULL;
    char *v = h_get(json, pointer);
    phonecom_string_free(json);
    return v;
}

char *h_last_kind(void) { return h_last_field("/kind"); }

const char *h_config(void) {
    const char *c = getenv("PHONECOM_SANDBOX_CONFIG");
    return c && *c ? c : NULL;
}

char *h_config_with(const char *extra) {
    const char *base = h_config();
    if (!base) return NULL;
    size_t n = strlen(base);
    while (n > 0 && base[n - 1] != '}') n--;
    size_t len = n + (extra ? strlen(extra) : 0) + 4;
    char *out = malloc(len);
    if (!extra || !*extra) {
        snprintf(out, len, "%.*s", (int)n, base);
    } else {
        /* "...}" -> "..., <extra>}" */
        snprintf(out, len, "%.*s, %s}", (int)(n - 1), base, extra);
    }
    return out;
}

phonecom_client *h_client(const char *extra) {
    char members[1024];
    snprintf(members, sizeof members,
             "\"retry\": {\"max_attempts\": 3, \"base_delay_ms\": 5, \"max_delay_ms\": 50, "
             "\"deadline_ms\": 20000}%s%s",
             extra ? ", " : "", extra ? extra : "");
    if (!extra || !strstr(extra, "\"timeouts\"")) {
        strncat(members, ", \"timeouts\": {\"connect_ms\": 2000, \"overall_ms\": 15000}",
                sizeof members - strlen(members) - 1);
    }
    char *config = h_config_with(members);
    if (!config) return NULL;
    phonecom_client *client = NULL;
    phonecom_status st = phonecom_client_new_from_json(config, &client);
    CHECK_STATUS(st, PHONECOM_OK);
    free(config);
    return client;
}

long long h_account_id(void) {
    const char *c = h_config();
    return c ? h_get_int(c, "/v4/account_id") : -1;
}

/* The sandbox's root URL: v4.base_url without its "/v4". */
static char *admin_base(void) {
    const char *c = h_config();
    if (!c) return NULL;
    char *url = h_get(c, "/v4/base_url");
    if (!url) return NULL;
    size_t n = strlen(url);
    if (n >= 3 && strcmp(url + n - 3, "/v4") == 0) url[n - 3] = '\0';
    return url;
}

/* POST a JSON body to the sandbox's admin API; true on a 2xx answer. */
static bool admin_post(const char *path, const char *body) {
    char *base = admin_base();
    if (!base || strncmp(base, "http://", 7) != 0) {
        free(base);
        return false;
    }
    char host[256], port[16] = "80";
    const char *hp = base + 7;
    const char *slash = strchr(hp, '/');
    size_t hplen = slash ? (size_t)(slash - hp) : strlen(hp);
    const char *colon = memchr(hp, ':', hplen);
    size_t hlen = colon ? (size_t)(colon - hp) : hplen;
    snprintf(host, sizeof host, "%.*s", (int)hlen, hp);
    if (colon) snprintf(port, sizeof port, "%.*s", (int)(hplen - hlen - 1), colon + 1);
    const char *prefix = slash ? slash : "";

    struct addrinfo hints = {0}, *res = NULL;
    hints.ai_socktype = SOCK_STREAM;
    bool ok = false;
    if (getaddrinfo(host, port, &hints, &res) == 0) {
        int fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
        if (fd >= 0 && connect(fd, res->ai_addr, res->ai_addrlen) == 0) {
            char req[2048];
            int n = snprintf(req, sizeof req,
                             "POST %s/_sandbox%s HTTP/1.1\r\nHost: %s:%s\r\n"
                             "Content-Type: application/json\r\nContent-Length: %zu\r\n"
                             "Connection: close\r\n\r\n%s",
                             prefix, path, host, port, strlen(body), body);
            if (write(fd, req, (size_t)n) == n) {
                char resp[64] = {0};
                ssize_t got = read(fd, resp, sizeof resp - 1);
                ok = got > 12 && strncmp(resp, "HTTP/1.1 2", 10) == 0;
            }
        }
        if (fd >= 0) close(fd);
        freeaddrinfo(res);
    }
    free(base);
    return ok;
}

bool h_fault(const char *method, const char *path, const char *spec, int times) {
    char body[512];
    snprintf(body, sizeof body, "{\"method\": \"%s\", \"path\": \"%s\", \"fault\": \"%s\", \"times\": %d}",
             method, path, spec, times);
    bool ok = admin_post("/faults", body);
    CHECK(ok);
    return ok;
}

static int saved_stderr = -1;
static FILE *captured = NULL;

void h_stderr_begin(void) {
    fflush(stderr);
    captured = tmpfile();
    saved_stderr = dup(STDERR_FILENO);
    if (captured && saved_stderr >= 0) dup2(fileno(captured), STDERR_FILENO);
}

char *h_stderr_end(void) {
    fflush(stderr);
    if (saved_stderr >= 0) {
        dup2(saved_stderr, STDERR_FILENO);
        close(saved_stderr);
        saved_stderr = -1;
    }
    if (!captured) return strdup("(stderr could not be captured)");
    /* fd 2 wrote through the file's descriptor, so read it back through the descriptor too. */
    int fd = fileno(captured);
    off_t size = lseek(fd, 0, SEEK_END);
    char *text = calloc(1, size > 0 ? (size_t)size + 1 : 1);
    if (size > 0 && pread(fd, text, (size_t)size, 0) != (ssize_t)size) text[0] = '\0';
    fclose(captured);
    captured = NULL;
    return text;
}

int main(void) {
    printf("libphonecom %s (header %s), sandbox: %s\n", phonecom_version(), PHONECOM_VERSION_STRING,
           h_config() ? "yes" : "no (network tests skipped)");
    suite_abi();
    suite_helpers();
    suite_callcontrol();
    suite_flow();
    suite_calllist();
    suite_families();
    suite_errors();
    suite_options();
    suite_threads();
    suite_internal();
    suite_secrets();
    suite_progress();
    printf("\n%d passed, %d failed, %d skipped\n", tests_passed, tests_failed, tests_skipped);
    return tests_failed == 0 ? 0 : 1;
}
