/*
 * A small test harness for libphonecom's C suite: checks that report the library's last error,
 * test registration with a closing "N passed, N failed, N skipped" line, and the sandbox
 * (the config line from PHONECOM_SANDBOX_CONFIG, fault injection over a raw socket).
 */
#ifndef PHONECOM_TEST_HARNESS_H
#define PHONECOM_TEST_HARNESS_H

#include <phonecom.h>
#include <stdbool.h>
#include <stddef.h>

/* Record one check; on failure print where and what, with the thread's last error. */
void h_check(bool ok, const char *file, int line, const char *what);
void h_check_status(phonecom_status got, phonecom_status want, const char *file, int line,
                    const char *what);
void h_check_str(const char *got, const char *want, const char *file, int line, const char *what);

#define CHECK(cond) h_check((cond), __FILE__, __LINE__, #cond)
#define CHECK_STATUS(expr, want) h_check_status((expr), (want), __FILE__, __LINE__, #expr)
#define CHECK_STR(got, want) h_check_str((got), (want), __FILE__, __LINE__, #got)

/* Skip the running test (e.g. no sandbox); returns from the test function. */
#define SKIP_UNLESS(cond, why)                                                                     \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            h_skip(why);                                                                           \
            return;                                                                                \
        }                                                                                          \
    } while (0)
void h_skip(const char *why);

/* A sentinel that the library must not write over when a call fails. */
#define SENTINEL ((char *)(uintptr_t)0x5a5a)

/* A malloc'd copy of a library string, which is freed with phonecom_string_free; NULL stays NULL. */
char *h_take(char *library_string);

/* The value at a JSON pointer as a malloc'd string (phonecom_json_get), or NULL when absent. */
char *h_get(const char *json, const char *pointer);
/* Whether the value at a JSON pointer equals `want` (strings compare by text). */
bool h_get_is(const char *json, const char *pointer, const char *want);
/* The value at a JSON pointer as an integer, or -1 when absent. */
long long h_get_int(const char *json, const char *pointer);
/* The length of the JSON array at `pointer` (0 when absent). */
size_t h_array_len(const char *json, const char *pointer);

/* The calling thread's last error: its `kind`, and the value of one field of its JSON. */
char *h_last_kind(void);
char *h_last_field(const char *pointer);

/* The sandbox's config line, or NULL when the suite runs without a sandbox. */
const char *h_config(void);
/* The config line with extra top-level members, e.g. "\"retry\": {...}" (malloc'd). */
char *h_config_with(const char *extra_members);
/* A client on the sandbox with quick retries and `extra_members` (may be NULL). */
phonecom_client *h_client(const char *extra_members);
/* The partner's account id from the config line. */
long long h_account_id(void);
/* Queue a fault in the sandbox: `spec` like "status=503" for the next `times` matching requests. */
bool h_fault(const char *method, const char *path, const char *spec, int times);

/* The secret grep (secrets.c): which form of `secret` (raw, URL- or form-encoded, JSON- or
 * XML-escaped, base64, and base64 of "user:secret" when `user` is not NULL) `text` holds, as a
 * static name, or NULL when none. */
const char *h_leak(const char *text, const char *secret, const char *user);
/* Whether `text` holds no form of any of `secrets` ({secret, user or NULL} pairs); prints what
 * it found, naming `where`. */
bool h_no_leak(const char *text, const char *const secrets[][2], size_t count, const char *where);

/* What the process writes on stderr (fd 2) from h_stderr_begin to h_stderr_end, malloc'd. */
void h_stderr_begin(void);
char *h_stderr_end(void);

/* The tests, one function per area, each registering its cases with h_run. */
typedef void (*h_test_fn)(void);
void h_run(const char *name, h_test_fn fn);

void suite_abi(void);
void suite_helpers(void);
void suite_callcontrol(void);
void suite_flow(void);
void suite_calllist(void);
void suite_families(void);
void suite_errors(void);
void suite_threads(void);
void suite_internal(void);
void suite_secrets(void);
void suite_options(void);
void suite_progress(void);

#endif /* PHONECOM_TEST_HARNESS_H */
