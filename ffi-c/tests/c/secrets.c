/* The secret grep of the C suite: every form a secret takes on the wire or in a body -- raw,
 * URL- and form-encoded, JSON- and XML-escaped, base64, and (with its user name) base64 Basic
 * auth -- looked for in a text. The same list as the Python (conftest.secret_forms) and Node
 * (tests/support/secrets.js) suites. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A growable string. */
typedef struct {
    char *s;
    size_t len, cap;
} buf;

static void put(buf *b, const char *text, size_t n) {
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
    }
    memcpy(b->s + b->len, text, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void puts_(buf *b, const char *text) { put(b, text, strlen(text)); }

static char *url_encoded(const char *s, bool form) {
    buf b = {0};
    puts_(&b, "");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char esc[4];
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~", *p)) {
            put(&b, (const char *)p, 1);
        } else if (form && *p == ' ') {
            puts_(&b, "+");
        } else {
            snprintf(esc, sizeof esc, "%%%02X", *p);
            puts_(&b, esc);
        }
    }
    return b.s;
}

static char *json_escaped(const char *s) {
    buf b = {0};
    puts_(&b, "");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char esc[8];
        if (*p == '"') puts_(&b, "\\\"");
        else if (*p == '\\') puts_(&b, "\\\\");
        else if (*p < 0x20) {
            snprintf(esc, sizeof esc, "\\u%04x", *p);
            puts_(&b, esc);
        } else put(&b, (const char *)p, 1);
    }
    return b.s;
}

static char *xml_escaped(const char *s) {
    buf b = {0};
    puts_(&b, "");
    for (const char *p = s; *p; p++) {
        switch (*p) {
        case '&': puts_(&b, "&amp;"); break;
        case '<': puts_(&b, "&lt;"); break;
        case '>': puts_(&b, "&gt;"); break;
        case '"': puts_(&b, "&quot;"); break;
        case '\'': puts_(&b, "&apos;"); break;
        default: put(&b, p, 1);
        }
    }
    return b.s;
}

/* Standard base64 without the padding. */
static char *base64_of(const char *s) {
    static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const unsigned char *in = (const unsigned char *)s;
    size_t n = strlen(s);
    buf b = {0};
    puts_(&b, "");
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)in[i] << 16 | (i + 1 < n ? (unsigned)in[i + 1] << 8 : 0) |
                     (i + 2 < n ? in[i + 2] : 0);
        size_t chars = n - i >= 3 ? 4 : n - i + 1;
        for (size_t k = 0; k < chars; k++) put(&b, &abc[(v >> (18 - 6 * k)) & 63], 1);
    }
    return b.s;
}

static const char *FORM_NAMES[] = {"raw", "URL-encoded", "form-encoded", "JSON-escaped",
                                   "XML-escaped", "base64", "Basic auth"};

const char *h_leak(const char *text, const char *secret, const char *user) {
    if (!text || !secret) return NULL;
    char *forms[7] = {strdup(secret), url_encoded(secret, false), url_encoded(secret, true),
                      json_escaped(secret), xml_escaped(secret), base64_of(secret), NULL};
    if (user) {
        size_t len = strlen(user) + strlen(secret) + 2;
        char *pair = malloc(len);
        snprintf(pair, len, "%s:%s", user, secret);
        forms[6] = base64_of(pair);
        free(pair);
    }
    const char *found = NULL;
    for (size_t i = 0; i < 7; i++) {
        if (!found && forms[i] && strstr(text, forms[i])) found = FORM_NAMES[i];
        free(forms[i]);
    }
    return found;
}

bool h_no_leak(const char *text, const char *const secrets[][2], size_t count, const char *where) {
    bool clean = true;
    for (size_t i = 0; i < count; i++) {
        const char *form = h_leak(text, secrets[i][0], secrets[i][1]);
        if (form) {
            fprintf(stderr, "      %s: the %s form of \"%s\" is in: %s\n", where, form, secrets[i][0],
                    text);
            clean = false;
        }
    }
    return clean;
}
