/* compare_fmt.c: the comparison of the Länder as a terminal table and as
 * CSV for a German spreadsheet. Both read the JSON of analyse_compare. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyse/analyse_int.h"
#include "util/sbuf.h"
#include "util/text.h"

/* pad: s then blanks up to width columns (code points, not bytes). */
static void pad(sbuf *b, const char *s, int width, int right)
{
    size_t n = strlen(s), i = 0;
    int cols = 0;
    while (i < n)
        if (text_utf8_next(s, n, &i) >= 0)
            cols++;
    if (right)
        for (int k = cols; k < width; k++)
            sbuf_addc(b, ' ');
    sbuf_adds(b, s);
    if (!right)
        for (int k = cols; k < width; k++)
            sbuf_addc(b, ' ');
}

static const char *by_key(const json_t *cmp)
{
    const char *by = json_string_value(json_object_get(cmp, "by"));
    return strcmp(by, "kind") == 0     ? "by_kind"
           : strcmp(by, "target") == 0 ? "by_target"
                                       : "by_field";
}

/* eur: 5500000000 as "5.500.000.000 €". */
static void eur(sbuf *b, double v)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%.0f", v);
    size_t n = strlen(digits);
    for (size_t i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0)
            sbuf_addc(b, '.');
        sbuf_addc(b, digits[i]);
    }
    sbuf_adds(b, " €");
}

static void period(sbuf *b, const json_t *a)
{
    json_t *f = json_object_get(a, "from"), *t = json_object_get(a, "to");
    if (json_is_integer(f) && json_is_integer(t))
        sbuf_addf(b, "%lld–%lld", (long long)json_integer_value(f),
                  (long long)json_integer_value(t));
    else if (json_is_integer(f))
        sbuf_addf(b, "ab %lld", (long long)json_integer_value(f));
    else if (json_is_integer(t))
        sbuf_addf(b, "bis %lld", (long long)json_integer_value(t));
    else
        sbuf_adds(b, "Zeitraum nicht genannt");
}

static void amounts(sbuf *b, const json_t *list, const char *what)
{
    size_t i;
    json_t *a;
    json_array_foreach(list, i, a)
    {
        sbuf_addf(b, "    %s ", what);
        eur(b, json_number_value(json_object_get(a, "eur")));
        sbuf_adds(b, " (");
        period(b, a);
        sbuf_addf(b, ") – %s", json_string_value(json_object_get(a, "title")));
        json_t *t = json_object_get(a, "text");
        if (json_is_string(t))
            sbuf_addf(b, ": „%s“", json_string_value(t));
        sbuf_addc(b, '\n');
    }
}

char *analyse_compare_table(const json_t *cmp)
{
    sbuf b = SBUF_INIT;
    const json_t *cols = json_object_get(cmp, "columns"), *rows = json_object_get(cmp, "rows");
    const char *key = by_key(cmp);
    size_t i, k;
    json_t *r, *c;
    const char *title = strcmp(key, "by_kind") == 0     ? "Art"
                        : strcmp(key, "by_target") == 0 ? "Zielgruppe"
                                                        : "Handlungsfeld";
    sbuf_addf(&b, "Einträge nach %s (– = keine Einträge)\n\n", title);
    pad(&b, "Land", 24, 0);
    json_array_foreach(cols, k, c)
    {
        char h[24];
        snprintf(h, sizeof h, "%zu", k + 1);
        pad(&b, h, 4, 1);
    }
    sbuf_adds(&b, "  Summe\n");
    json_array_foreach(rows, i, r)
    {
        pad(&b, json_string_value(json_object_get(r, "name")), 24, 0);
        json_t *o = json_object_get(r, key);
        json_array_foreach(cols, k, c)
        {
            json_int_t n = json_integer_value(
                json_object_get(o, json_string_value(json_object_get(c, "slug"))));
            char h[24];
            snprintf(h, sizeof h, "%lld", (long long)n);
            pad(&b, n ? h : "–", 4, 1);
        }
        char h[24];
        snprintf(h, sizeof h, "%lld", (long long)json_integer_value(json_object_get(r, "entries")));
        pad(&b, h, 7, 1);
        sbuf_addc(&b, '\n');
    }
    sbuf_adds(&b, "\nSpalten:");
    json_array_foreach(cols, k, c) sbuf_addf(&b, "%s%zu %s", k % 3 ? ";  " : "\n  ", k + 1,
                                             json_string_value(json_object_get(c, "label")));
    sbuf_adds(&b, "\n(Summe: Einträge; ein Eintrag kann mehrere Felder und Zielgruppen haben.)\n");
    const json_t *nobody = json_object_get(json_object_get(cmp, "coverage"), "nobody");
    if (json_array_size(nobody)) {
        sbuf_adds(&b, "\nHandlungsfelder, die kein Land berichtet:");
        json_array_foreach(nobody, k, c)
        {
            const entry_term *t = entry_vocab_find(ENTRY_VOCAB_FIELD, json_string_value(c));
            sbuf_addf(&b, "%s%s", k ? ", " : " ", t ? t->de : json_string_value(c));
        }
        sbuf_addc(&b, '\n');
    }
    sbuf_adds(&b, "\nGenannte Mittel (nur ausdrücklich genannte Beträge; Gesamtbeträge und "
                  "Jahresbudgets\nverschiedener Zeiträume werden nicht addiert):\n");
    int any = 0;
    json_array_foreach(rows, i, r)
    {
        const json_t *f = json_object_get(r, "funding");
        if (!json_array_size(json_object_get(f, "totals")) &&
            !json_array_size(json_object_get(f, "per_year")))
            continue;
        any = 1;
        sbuf_addf(&b, "  %s\n", json_string_value(json_object_get(r, "name")));
        amounts(&b, json_object_get(f, "totals"), "Betrag");
        amounts(&b, json_object_get(f, "per_year"), "pro Jahr");
    }
    if (!any)
        sbuf_adds(&b, "  keine\n");
    sbuf_adds(&b, "\nGenannte Anzahlen:\n");
    any = 0;
    json_array_foreach(rows, i, r)
    {
        const json_t *cs = json_object_get(r, "counts");
        if (!json_array_size(cs))
            continue;
        any = 1;
        sbuf_addf(&b, "  %s: ", json_string_value(json_object_get(r, "name")));
        json_array_foreach(cs, k, c)
            sbuf_addf(&b, "%s%lld %s (%s)", k ? "; " : "",
                      (long long)json_integer_value(json_object_get(c, "n")),
                      json_string_value(json_object_get(c, "of")),
                      json_string_value(json_object_get(c, "title")));
        sbuf_addc(&b, '\n');
    }
    if (!any)
        sbuf_adds(&b, "  keine\n");
    any = 0;
    json_array_foreach(rows, i, r)
    {
        const json_t *ch = json_object_get(r, "change");
        if (!json_is_object(ch))
            continue;
        if (!any++)
            sbuf_adds(&b, "\nVeränderung zwischen den letzten zwei Berichten:\n");
        sbuf_addf(&b, "  %s: %s → %s: %zu neu, %zu nicht erneut berichtet\n",
                  json_string_value(json_object_get(r, "name")),
                  json_string_value(json_object_get(ch, "from")),
                  json_string_value(json_object_get(ch, "to")),
                  json_array_size(json_object_get(ch, "new")),
                  json_array_size(json_object_get(ch, "not_repeated")));
    }
    return sbuf_take(&b);
}

/* csv_field: s quoted when it holds a separator, quote or line break. */
static void csv_field(sbuf *b, const char *s)
{
    if (!strpbrk(s, ";\"\r\n")) {
        sbuf_adds(b, s);
        return;
    }
    sbuf_addc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            sbuf_addc(b, '"');
        sbuf_addc(b, *s);
    }
    sbuf_addc(b, '"');
}

char *analyse_compare_csv(const json_t *cmp)
{
    sbuf b = SBUF_INIT;
    const json_t *cols = json_object_get(cmp, "columns"), *rows = json_object_get(cmp, "rows");
    const char *key = by_key(cmp);
    size_t i, k;
    json_t *r, *c;
    sbuf_adds(&b, "\xEF\xBB\xBFLand;Code");
    json_array_foreach(cols, k, c)
    {
        sbuf_addc(&b, ';');
        csv_field(&b, json_string_value(json_object_get(c, "label")));
    }
    sbuf_adds(&b, ";Einträge\r\n");
    json_array_foreach(rows, i, r)
    {
        csv_field(&b, json_string_value(json_object_get(r, "name")));
        sbuf_addf(&b, ";%s", json_string_value(json_object_get(r, "land")));
        json_t *o = json_object_get(r, key);
        json_array_foreach(cols, k, c)
            sbuf_addf(&b, ";%lld",
                      (long long)json_integer_value(
                          json_object_get(o, json_string_value(json_object_get(c, "slug")))));
        sbuf_addf(&b, ";%lld\r\n", (long long)json_integer_value(json_object_get(r, "entries")));
    }
    return sbuf_take(&b);
}
