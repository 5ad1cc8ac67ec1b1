/* names_forms.c: forms of a name that names.c finds around a head noun or
 * an abbreviation: a Land's code, a code-like coined name, the long form
 * an abbreviation's capitals spell, the Bund's national strategy, a coined
 * name described after a comma, a Land's own new thing of AI, counted
 * professorships and advisers of AI. Each reads
 * the words of one sentence (names_words.c). */
#include <stdint.h>
#include <string.h>

#include "core/geo.h"
#include "extract/extract_int.h"

int xn_land_code(const char *s, const xword *w)
{
    char c[8];
    size_t n = 0;
    for (size_t i = w->a; i < w->b && n + 1 < sizeof c; i++)
        if (s[i] != '-')
            c[n++] = s[i];
    c[n] = '\0';
    return n >= 2 && n <= 3 && c[0] >= 'A' && c[0] <= 'Z' && geo_land_find(c) != NULL;
}

/* code_name: a capital, then letters and digits with a digit among them
 * ("F13", "GPT4"): a coined name. */
static int code_name(const char *s, const xword *w)
{
    size_t n = w->b - w->a, digits = 0;
    if (n < 2 || n > 12 || !(s[w->a] >= 'A' && s[w->a] <= 'Z'))
        return 0;
    for (size_t c = w->a; c < w->b; c++) {
        char x = s[c];
        if (!((x >= 'A' && x <= 'Z') || (x >= 'a' && x <= 'z') || xw_is_digit(x)))
            return 0;
        digits += xw_is_digit(x);
    }
    return digits > 0;
}

/* caps_initials: the initials of the capitalised words of w[q..end) are
 * exactly the capitals of s[a..b). */
static int caps_initials(const char *s, const xword *w, size_t q, size_t end, size_t a, size_t b)
{
    size_t c = a;
    for (; q < end; q++) {
        if (!w[q].cap)
            continue;
        while (c < b && !(s[c] >= 'A' && s[c] <= 'Z'))
            c++;
        if (c == b || s[w[q].a] != s[c])
            return 0;
        c++;
    }
    while (c < b && !(s[c] >= 'A' && s[c] <= 'Z'))
        c++;
    return c == b;
}

size_t xn_caps_suffix(const char *s, const xword *w, size_t first, size_t end, size_t a, size_t b)
{
    if (caps_initials(s, w, first, end, a, b))
        return first;
    /* only at a head noun: "Zentrum für Angewandte Künstliche Intelligenz
     * (AKI)" keeps its head */
    for (size_t q = first + 1; q + 1 < end; q++)
        if (w[q].cap && w[q].hk && caps_initials(s, w, q, end, a, b))
            return q;
    return first;
}

/* added: a name from w[from] to w[k] of kind with its head at w[i]. */
static void added(const xword *w, size_t from, size_t i, size_t k, const char *kind, xnames *r)
{
    xname *n = xnames_add(r, 0, w[from].a, w[k].b, kind, X_RULE_HEAD, w[from].ts);
    n->head_a = w[i].a;
    n->head_b = w[i].b;
}

int xn_national_strategy(const char *s, const xword *w, size_t j, size_t i, size_t k,
                         const char *kind, xnames *r)
{
    /* not "der nationalen KI-Strategie Österreichs" */
    if (j != i || strcmp(kind, "strategy") != 0 || i == 0 || w[i - 1].punct ||
        !(xw_eq(s, &w[i - 1], "nationale") || xw_eq(s, &w[i - 1], "nationalen")) ||
        w[i].b - w[i].a <= 3 || memcmp(s + w[i].a, "KI-", 3) != 0 ||
        !(k == i || xw_eq(s, &w[k], "Bundes") || xw_eq(s, &w[k], "Bundesregierung")))
        return 0;
    added(w, i - 1, i, k, kind, r);
    return 1;
}

int xn_coined_before(const char *s, const xword *w, size_t j, const char *kind, xnames *r)
{
    size_t q = j;
    while (q > 0 && j - q < 2 && xn_adjective_like(s, &w[q - 1]) && !w[q - 1].punct &&
           !xw_in_list(s, &w[q - 1], xn_indefinite))
        q--;
    if (!(q >= 2 && xw_in_list(s, &w[q - 1], xn_indefinite) && w[q - 2].punct &&
          w[q - 2].te > w[q - 2].b && s[w[q - 2].te - 1] == ',' &&
          /* „Clusterboard“, ein Entscheidungstool: a quoted word too */
          (w[q - 2].namelike || code_name(s, &w[q - 2]) || (w[q - 2].qopen && w[q - 2].qclose)) &&
          !w[q - 2].org && !w[q - 2].hk && !xn_land_code(s, &w[q - 2]) &&
          !xw_not_a_name(s, w[q - 2].a, w[q - 2].b)))
        return 0;
    /* "»MoNA«, eine Plattform zur Analyse ...": named; "Large Language
     * Model (kurz: LLM), ein Sprachmodell": the short form of a name */
    int known = 0;
    for (size_t m = 0; m < r->n && !known; m++)
        known = r->v[m].b == w[q - 2].b ||
                (r->v[m].alias_b > r->v[m].alias_a && r->v[m].alias_b == w[q - 2].b);
    int app = strcmp(kind, "application") == 0;
    if (!known && app)
        xnames_add(r, 0, w[q - 2].a, w[q - 2].b, kind, X_RULE_HEAD, w[q - 2].ts);
    return known || app;
}

int xn_land_own(const char *s, const xword *w, size_t j, size_t i, size_t k, const char *kind,
                sbuf *tmp, xnames *r)
{
    static const char *const own[] = {"eigene", "eigenes", "eigenen", "eigener", NULL};
    if (!w[i].compound || j != i || i < 2 || w[i - 1].cap || w[i - 2].punct ||
        xw_not_a_name(s, w[i].a, w[i].b) || /* "ein bayerisches KI-Projekt" */
        (k > i && w[i + 1].cap) ||          /* "das bayerische KI-Reallabor Regensburg" */
        !xn_land_adjective(s, &w[i - 1], tmp) ||
        !(xw_in_list(s, &w[i - 2], xn_indefinite) || xw_in_list(s, &w[i - 2], own)))
        return 0;
    added(w, i - 1, i, k, kind, r);
    return 1;
}

const char *const xn_number_words[] = {"zwei",    "drei",    "vier",    "fünf", "sechs", "sieben",
                                       "acht",    "neun",    "zehn",    "elf",  "zwölf", "zwanzig",
                                       "dreißig", "fünfzig", "hundert", NULL};

size_t xn_plural_from(const char *s, const xword *w, size_t i)
{
    const char *const *nums = xn_number_words;
    /* determiners are no words of the title ("der neuen KI-Zentren",
     * "beider KI-Kompetenzzentren") */
    static const char *const dets[] = {"der",   "die",   "den",    "des",    "dem",   "eine",
                                       "einer", "beide", "beider", "beiden", "diese", "dieser",
                                       "ihre",  "ihrer", "seine",  "unsere", NULL};
    size_t q = i;
    while (q > 0 && i - q < 2 && !w[q - 1].punct && xn_adjective_like(s, &w[q - 1]) &&
           !xw_in_list(s, &w[q - 1], dets) && !xw_in_list(s, &w[q - 1], xn_indefinite) &&
           /* a participle says what was done to them ("ausgerichteten") */
           !(w[q - 1].b - w[q - 1].a > 4 && memcmp(s + w[q - 1].b - 4, "eten", 4) == 0))
        q--;
    if (q == 0 || w[q - 1].punct)
        return q;
    sbuf n = SBUF_INIT; /* "Zwölf Professuren" opens a sentence */
    sbuf_add(&n, s + w[q - 1].a, w[q - 1].b - w[q - 1].a);
    if (n.len && n.s[0] >= 'A' && n.s[0] <= 'Z')
        n.s[0] = (char)(n.s[0] - 'A' + 'a');
    int counted = xw_is_digit(s[w[q - 1].a]);
    for (size_t k = 0; nums[k] && !counted; k++)
        counted = strcmp(sbuf_cstr(&n), nums[k]) == 0;
    sbuf_free(&n);
    return counted ? q - 1 : q;
}

size_t xn_plural_end(const char *s, const xword *w, size_t nw, size_t i)
{
    if (w[i].punct)
        return i; /* "100 KI-Professuren, unseren ...": no complement */
    size_t k = i + 1;
    if (k + 1 < nw && xw_eq(s, &w[k], "für"))
        k++;
    else if (k + 2 < nw && xw_eq(s, &w[k], "im") && xw_eq(s, &w[k + 1], "Bereich") &&
             !w[k + 1].punct)
        k += 2 + (xw_eq(s, &w[k + 2], "der") || xw_eq(s, &w[k + 2], "von"));
    else
        return i;
    if (k < nw && (xw_eq(s, &w[k], "KI") || xw_eq(s, &w[k], "AI")))
        return k;
    if (k + 1 < nw && !w[k].punct &&
        (xw_eq(s, &w[k], "Künstliche") || xw_eq(s, &w[k], "künstliche") ||
         xw_eq(s, &w[k], "Künstlichen") || xw_eq(s, &w[k], "künstlichen")) &&
        (xw_eq(s, &w[k + 1], "Intelligenz")))
        return k + 1;
    return i;
}

size_t xn_chairs(const char *s, const xword *w, size_t nw, size_t i, const char *kind, xnames *r)
{
    sbuf f = SBUF_INIT;
    xfold(&f, s + w[i].a, w[i].b - w[i].a);
    int prof = strstr(sbuf_cstr(&f), "professuren") != NULL;
    /* "Zusätzlich sollen KI-Lotsen als Ansprechpartner bereit
     * stehen": advisers of AI in the plural are the programme */
    int pilots =
        f.len >= 9 && memcmp(f.s, "ki-", 3) == 0 && memcmp(f.s + f.len - 6, "lotsen", 6) == 0;
    sbuf_free(&f);
    if (pilots && !xn_partitive(s, w, i)) {
        xnames_add(r, 0, w[i].a, w[i].b, kind, X_RULE_HEAD, w[i].ts);
        return i;
    }
    size_t q = i;
    while (q > 0 && i - q < 2 && !w[q - 1].punct && xn_adjective_like(s, &w[q - 1]))
        q--;
    size_t from = xn_plural_from(s, w, i);
    /* the title is the count and its words: "100 zusätzliche neue
     * KI-Professuren", "Zwölf Professuren für Künstliche Intelligenz" */
    int counted = from < q;
    if (!counted)
        from = i;
    size_t e = xn_plural_end(s, w, nw, i);
    if (prof && counted && e > i) {
        xnames_add(r, 0, w[from].a, w[e].b, kind, X_RULE_HEAD, w[from].ts);
        r->v[r->n - 1].head_a = w[i].a; /* "die Professuren" again */
        r->v[r->n - 1].head_b = w[i].b;
        return e;
    }
    /* "die Zahl der KI-Professuren ... von 17 auf 27 erhöhen" */
    int more = i >= 2 && xw_eq(s, &w[i - 1], "der") && xw_eq(s, &w[i - 2], "Zahl");
    if (prof && w[i].b - w[i].a > 3 && memcmp(s + w[i].a, "KI-", 3) == 0 &&
        (counted || more || xw_eq(s, &w[i - 1], "neuen") || xw_eq(s, &w[i - 1], "neue")) &&
        !xn_chairs_of_named(s, w, nw, i)) {
        xnames_add(r, 0, w[from].a, w[i].b, kind, X_RULE_HEAD, w[from].ts)->chairs = 1;
        r->v[r->n - 1].head_a = w[i].a;
        r->v[r->n - 1].head_b = w[i].b;
        return i;
    }
    /* "An diesem wurden 20 Professuren eingerichtet": counted
     * professorships being created, in a text about AI; with a
     * field of their own only where the sentence speaks of AI
     * ("20 Professuren in der Medizin besetzt" are no programme) */
    int field = i + 1 < nw && !w[i].punct &&
                (xw_eq(s, &w[i + 1], "für") || xw_eq(s, &w[i + 1], "in") ||
                 xw_eq(s, &w[i + 1], "im") || xw_eq(s, &w[i + 1], "der"));
    if (prof && counted && !w[i].compound && xn_created(s, w, nw) &&
        (!field || xn_sentence_ai(s, w, nw)) && !xn_chairs_of_named(s, w, nw, i)) {
        xnames_add(r, 0, w[from].a, w[i].b, kind, X_RULE_HEAD, w[from].ts)->chairs = 1;
        r->v[r->n - 1].head_a = w[i].a;
        r->v[r->n - 1].head_b = w[i].b;
        return i;
    }
    return SIZE_MAX;
}
