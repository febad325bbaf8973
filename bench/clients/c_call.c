/*
 * The C ABI client of the benchmark (bench/run.sh builds and runs it): phonecom_call with the
 * result left as JSON text, as a C caller gets it. Prints one JSON line like every client:
 * {"client", "calls", "secs", "rss_warm_kb", "rss_end_kb"}.
 *
 *   c_call CONFIG.json v4|xml CALLS
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "phonecom.h"

static long rss_kb(void) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = 0;
    if (!f) return 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "VmRSS:", 6) == 0) kb = strtol(line + 6, NULL, 10);
    }
    fclose(f);
    return kb;
}

static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + 1);
    if (text && fread(text, 1, (size_t)n, f) != (size_t)n) n = 0;
    if (text) text[n] = '\0';
    fclose(f);
    return text;
}

static void calls(const phonecom_client *client, const char *name, const char *params, long n) {
    for (long i = 0; i < n; i++) {
        char *result = NULL;
        if (phonecom_call(client, name, params, &result) != PHONECOM_OK) {
            char *message = phonecom_last_error_message();
            fprintf(stderr, "c_call: %s\n", message ? message : "(no message)");
            exit(1);
        }
        phonecom_string_free(result);
    }
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: c_call CONFIG.json v4|xml CALLS\n");
        return 2;
    }
    char *config = read_file(argv[1]);
    long n = strtol(argv[3], NULL, 10);
    int xml = strcmp(argv[2], "xml") == 0;
    const char *name = xml ? "xml.getCallList" : "v4.list-available-phone-numbers";
    const char *params = xml ? "{\"startTime\": 0}" : "{\"limit\": 24}";
    phonecom_client *client = NULL;
    if (!config || n <= 0 || phonecom_client_new_from_json(config, &client) != PHONECOM_OK) {
        fprintf(stderr, "c_call: no client (config %s, calls %s)\n", argv[1], argv[3]);
        return 1;
    }
    long warmup = n / 10 < 1 ? 1 : (n / 10 > 200 ? 200 : n / 10);
    const char *warmup_env = getenv("PHONECOM_BENCH_WARMUP"); /* the RSS pass: a longer warm-up */
    if (warmup_env && strtol(warmup_env, NULL, 10) > 0) warmup = strtol(warmup_env, NULL, 10);
    calls(client, name, params, warmup);
    long rss_warm = rss_kb();
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    calls(client, name, params, n);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("{\"client\": \"c\", \"calls\": %ld, \"secs\": %.6f, \"rss_warm_kb\": %ld, \"rss_end_kb\": %ld}\n",
           n, secs, rss_warm, rss_kb());
    phonecom_client_free(client);
    free(config);
    return 0;
}
