/* names_join.c: where two rules of names.c found names of one thing: a
 * quote after a name (its motto or second name), a description and the
 * coined name in parentheses after it, a head and its quoted label, a
 * name inside a quote, two names with only a dash between them. */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"

/* ordinal_only: s[a..b) is an ordinal and a space ("4. "). */
static int ordinal_only(const char *s, size_t a, size_t b)
{
    size_t k = a;
    while (k < b && xw_is_digit(s[k]))
        k++;
    return k > a && k + 2 == b && s[k] == '.' && s[k + 1] == ' ';
}

static int cmp_name(const void *a, const void *b)
{
    const xname *x = a, *y = b;
    return (x->a > y->a) - (x->a < y->a);
}

/* "Mittelstand-Digital-Zentrum Magdeburg „Vernetzt Wachsen“": a quote
 * right after a name is its motto or second name; so is a name in
 * parentheses ("Bildungsserver des Landes (Informations- und
 * Dienstportal für alle Lehrkräfte)") */
static void quote_mottos(const char *s, xnames *r, size_t from)
{
    for (size_t k = from; k < r->n; k++) {
        xname *q = &r->v[k];
        int paren = q->rule == X_RULE_HEAD && !q->org && q->a > 0 && s[q->a - 1] == '(';
        if (q->rule != X_RULE_QUOTE && !paren)
            continue;
        for (size_t m = from; m < r->n; m++) {
            const xname *h = &r->v[m];
            /* not after a bare head: "Das KI-System „INSITU“", "den 4.
             * Kongress „KI zwischen Forschung und Praxis“" name it */
            if (h->rule != X_RULE_HEAD || h->org || h->b >= q->a || q->a - h->b > 5 ||
                ((h->a == h->head_a || ordinal_only(s, h->a, h->head_a)) && h->b == h->head_b))
                continue;
            size_t g = h->b;
            while (g < q->a && (s[g] == ' ' || (unsigned char)s[g] >= 0x80 || s[g] == '"' ||
                                (paren && s[g] == '(')))
                g++;
            if (g == q->a)
                q->demonstrative = 1;
        }
    }
}

/* "einer App zur Förderung gesunder Emotionen bei Kindern
 * (Skills4Kids)": the coined name in parentheses names the thing the
 * words before it describe; the description is no name of its own */
static void coined_descriptions(const char *s, xnames *r, size_t from)
{
    for (size_t k = from; k < r->n; k++) {
        xname *q = &r->v[k];
        if (q->rule != X_RULE_CAPS || q->a == 0 || s[q->a - 1] != '(')
            continue;
        xname *near = NULL; /* the name that ends nearest before it */
        for (size_t m = from; m < r->n; m++) {
            xname *h = &r->v[m];
            if (h != q && h->b > h->a && h->b <= q->a && (!near || h->b > near->b))
                near = h;
        }
        /* a description of a thing (an app, a tool, a project) */
        if (!near || near->rule != X_RULE_HEAD || near->org || q->a - near->b > 80 ||
            memchr(s + near->b, ',', q->a - near->b) || memchr(s + near->b, ')', q->a - near->b) ||
            !near->kind ||
            !(strcmp(near->kind, "application") == 0 || strcmp(near->kind, "project") == 0 ||
              strcmp(near->kind, "infrastructure") == 0))
            continue;
        if (!q->kind)
            q->kind = near->kind;
        near->b = near->a; /* empty: dropped below */
    }
}

/* "das Internationale Leibniz Zukunftslabor „Künstliche
 * Intelligenz“": a quoted label that begins inside a name by its head
 * ends that name; one name, not two */
static void labels_end_names(const char *s, xnames *r, size_t from)
{
    for (size_t k = from; k < r->n; k++) {
        xname *q = &r->v[k];
        /* a quote, or a head and its quoted label (names_quotes.c) */
        int label = q->b - q->a > 3 && xw_closing_quote(s + q->b - 3);
        if ((q->rule != X_RULE_QUOTE && !label) || q->org)
            continue;
        for (size_t m = from; m < r->n; m++) {
            xname *h = &r->v[m];
            if (m != k && h->rule == X_RULE_HEAD && !h->org && h->a < q->a && q->a < h->b &&
                h->b < q->b) {
                h->b = q->b;
                q->b = q->a; /* empty: dropped below */
                break;
            }
        }
    }
}

/* drop_inner: the names r->v[from..] that are none of their own: a name
 * inside a quoted name is a part of it („BREMEN.KI - Strategie für
 * Künstliche Intelligenz“), a bare weak head right before a quote says
 * what the quote is, and the passes before emptied some. */
static void drop_inner(const char *s, xnames *r, size_t from)
{
    size_t keep = from;
    for (size_t k = from; k < r->n; k++) {
        const xname *x = &r->v[k];
        int inner = 0;
        for (size_t m = from; m < r->n && !inner; m++) {
            const xname *q = &r->v[m];
            inner = m != k && q->rule == X_RULE_QUOTE && !q->org && !q->repeat &&
                    x->rule != X_RULE_QUOTE && !x->org && x->a >= q->a && x->b <= q->b &&
                    (x->a > q->a || x->b < q->b);
        }
        /* "des KI-Pilotprojekts „LLMoin“": a bare weak head right before
         * a quoted name says what the name is; it is no second activity */
        for (size_t m = from; m < r->n && !inner && x->weak && x->rule == X_RULE_HEAD; m++) {
            const xname *q = &r->v[m];
            if (q->rule != X_RULE_QUOTE || q->org || q->a <= x->b || q->a - x->b > 5)
                continue;
            size_t g = x->b;
            while (g < q->a && (s[g] == ' ' || (unsigned char)s[g] >= 0x80 || s[g] == '"'))
                g++;
            inner = g == q->a;
        }
        if (!inner && x->b > x->a)
            r->v[keep++] = *x;
    }
    r->n = keep;
}

/* "das ScaDS.AI Dresden/Leipzig – „Zentrum für skalierbare
 * Datenanalyse und Künstliche Intelligenz“": two names with only a
 * dash between them are one activity under two names */
static void dash_appositions(const char *s, xnames *r, size_t from)
{
    for (size_t k = from + 1; k < r->n; k++) {
        xname *x = &r->v[k - 1], *y = &r->v[k];
        if (x->org || y->org || y->a <= x->b || y->a - x->b > 40)
            continue;
        /* the first name's places may stand between ("Dresden/Leipzig") */
        int dash = 0, other = 0;
        for (size_t q = x->b; q < y->a; q++) {
            unsigned char c = (unsigned char)s[q];
            if (q + 2 < y->a && xw_long_dash(s + q))
                dash = 1;
            else if (c == '-' && q > x->b && s[q - 1] == ' ')
                dash = 1;
            else if (!dash &&
                     ((c >= 'A' && c <= 'Z' && (q == x->b || s[q - 1] == ' ' || s[q - 1] == '/')) ||
                      (c >= 'a' && c <= 'z' && q > x->b && s[q - 1] != ' ') || c == '/'))
                ; /* a capitalised word before the dash */
            else if (!(c == ' ' || c == '"' || c >= 0x80))
                other = 1;
        }
        /* an apposition ends: "... – „Zentrum für ...“ – unterzubringen",
         * not "„KI-Lab Kiel“ – „Digitale Werkstatt“ erhält ebenfalls Geld" */
        size_t e = y->b;
        while (s[e] == ' ' || s[e] == '"' || xw_closing_quote(s + e))
            e += (unsigned char)s[e] == 0xE2 ? 3 : 1;
        int closed = s[e] == '\0' || s[e] == ',' || s[e] == '.' || s[e] == ')' || s[e] == '\n' ||
                     s[e] == '-' || xw_long_dash(s + e);
        if (dash && !other && closed)
            y->demonstrative = 1;
    }
}

void xn_join(const char *s, xnames *r, size_t from)
{
    quote_mottos(s, r, from);
    coined_descriptions(s, r, from);
    labels_end_names(s, r, from);
    drop_inner(s, r, from);
    /* in the order of the text: "the activity spoken of" is the last one
     * named before */
    if (r->n - from > 1)
        qsort(r->v + from, r->n - from, sizeof *r->v, cmp_name);
    dash_appositions(s, r, from);
}
