/* body.c: request bodies of the writing endpoints, parsed as JSON
 * objects and held to the rules of the API (see http.h). Outside input:
 * see tests/fuzz/fuzz_body.c. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "http/http_int.h"
#include "util/err.h"
#include "util/text.h"
#include "util/xalloc.h"

/* too_deep: 1 if the JSON text nests arrays and objects more than max
 * levels. Checked before jansson parses: its own limit (2048) lets a
 * hostile body cost far more than any real entry needs. */
static int too_deep(const char *s, size_t n, int max)
{
    int depth = 0, in_str = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (in_str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_str = 0;
        } else if (c == '"') {
            in_str = 1;
        } else if (c == '[' || c == '{') {
            if (++depth > max)
                return 1;
        } else if (c == ']' || c == '}') {
            depth--;
        }
    }
    return 0;
}

/* is_json: the media type is application/json, parameters (charset) aside. */
static int is_json(const char *ctype)
{
    static const char want[] = "application/json";
    if (!ctype)
        return 0;
    while (*ctype == ' ')
        ctype++;
    if (strncasecmp(ctype, want, sizeof want - 1) != 0)
        return 0;
    char c = ctype[sizeof want - 1];
    return c == '\0' || c == ';' || c == ' ';
}

/* check_value: strings in v, at any depth, at most max_string bytes. */
static int check_value(json_t *v, const char *field, size_t max_string, http_problem *pr)
{
    size_t i;
    json_t *x;
    const char *k;
    if (json_is_string(v) && json_string_length(v) > max_string)
        return field ? http_problem_set(pr, 400, NULL, "Feld „%s“: länger als %zu Bytes", field,
                                        max_string)
                     : http_problem_set(pr, 400, NULL, "Ein Text ist länger als %zu Bytes",
                                        max_string);
    if (json_is_array(v))
        json_array_foreach(v, i, x) if (check_value(x, field, max_string, pr)) return pr->status;
    if (json_is_object(v))
        json_object_foreach(v, k, x) if (check_value(x, field, max_string, pr)) return pr->status;
    return 0;
}

int http_body_json(const char *ctype, const char *body, size_t n, const char *const *fields,
                   size_t max_string, json_t **out, http_problem *pr)
{
    json_error_t e;
    const char *k;
    json_t *v;
    *out = NULL;
    if (!is_json(ctype))
        return http_problem_set(pr, 415, NULL,
                                "Der Inhalt muss JSON sein (Content-Type: application/json)");
    if (!text_utf8_valid(body, n, NULL))
        return http_problem_set(pr, 400, NULL, "Der Inhalt ist kein gültiges UTF-8");
    if (too_deep(body, n, HTTP_JSON_DEPTH))
        return http_problem_set(pr, 400, NULL, "Das JSON ist tiefer als %d Ebenen verschachtelt",
                                HTTP_JSON_DEPTH);
    json_t *j = json_loadb(body, n, JSON_REJECT_DUPLICATES, &e);
    if (!j) {
        /* jansson quotes the text near the error cut at a byte count:
         * keep only the valid UTF-8 before a cut character. */
        size_t bad, len = strlen(e.text);
        if (!text_utf8_valid(e.text, len, &bad))
            e.text[bad] = '\0';
        return http_problem_set(pr, 400, NULL, "Ungültiges JSON in Zeile %d, Spalte %d: %s", e.line,
                                e.column, e.text);
    }
    if (!json_is_object(j)) {
        json_decref(j);
        return http_problem_set(pr, 400, NULL, "Erwartet wird ein JSON-Objekt");
    }
    json_object_foreach(j, k, v)
    {
        size_t f = 0;
        if (!fields) {
            if (check_value(v, NULL, max_string, pr)) {
                json_decref(j);
                return pr->status;
            }
            continue;
        }
        while (fields[f] && strcmp(fields[f], k) != 0)
            f++;
        if (!fields[f]) {
            /* The name comes from the client: shown only when short
             * (and always as valid UTF-8: the body was checked). */
            if (strlen(k) <= 64)
                http_problem_set(pr, 400, NULL, "Unbekanntes Feld „%s“", k);
            else
                http_problem_set(pr, 400, NULL, "Unbekanntes Feld (Name länger als 64 Bytes)");
            json_decref(j);
            return 400;
        }
        if (check_value(v, fields[f], max_string, pr)) {
            pr->param = fields[f];
            json_decref(j);
            return pr->status;
        }
    }
    *out = j;
    return 0;
}
