/* names_quotes.c: two rules of names.c: quoted names („KI-Transfer
 * Plus“, "INSITU") and enumerations of compounds of AI ("eine
 * KI-Academy, KI-Lotsen, KI-Botschafter:innen und KI-Labs"). */
#include <stdint.h>
#include <string.h>

#include "extract/extract_int.h"
#include "util/sbuf.h"

/* "Haushaltstitel ‚Stärkung der KI-Nutzung ...‘": a budget line is named
 * by its title (round 6) */
static const char *const namers[] = {"Anwendung", "Titel", "Motto", "Namen",          "Marke",
                                     "Software",  "Tool",  "sog.",  "Haushaltstitel", NULL};

/* gendered_pair: w[i..j] is "Macherinnen und Machern", "Bürgerinnen und
 * Bürger": people, no name. */
static int gendered_pair(const char *s, const xword *w, size_t i, size_t j)
{
    if (j != i + 2 || !xw_eq(s, &w[i + 1], "und"))
        return 0;
    size_t l = w[i].b - w[i].a;
    if (l < 8 || memcmp(s + w[i].b - 5, "innen", 5) != 0)
        return 0;
    l -= 5;
    return w[j].b - w[j].a >= l && memcmp(s + w[j].a, s + w[i].a, l) == 0;
}

/* part_of_strategy: the word names a part of a strategy ("das
 * Handlungsfeld „Lehre und Forschung“", "die Säule „...“"): the quote
 * after it is that part's label, not an activity. */
static int part_of_strategy(const char *s, const xword *w)
{
    static const char *const parts[] = {"handlungsfeld", "themenfeld", "innovationsfeld",
                                        "saeule",        "leitlinie",  "zielbild",
                                        "schwerpunkt",   "kapitel",    "handlungsfelder",
                                        "themenfelder",  "saeulen",    "schwerpunkte",
                                        "bereiche",      "ziel",       "ziels",
                                        "zieles",        NULL};
    sbuf f = SBUF_INIT;
    xfold(&f, s + w->a, w->b - w->a);
    int yes = 0;
    for (const char *const *q = parts; *q && !yes; q++) {
        size_t l = strlen(*q);
        yes = f.len >= l && memcmp(f.s + f.len - l, *q, l) == 0;
    }
    sbuf_free(&f);
    return yes;
}

/* labels_before: the quote opening at w[i] is one of a list of labels
 * after a part of a strategy ("die Bereiche ‘Wirtschaft‘, ‘Klima‘ und
 * ‘Gesundheit‘"): back over the quotes and "und" before it to the word
 * that announces them. */
static int labels_before(const char *s, const xword *w, size_t i)
{
    static const char *const joins[] = {"und", "sowie", "oder", NULL};
    size_t k = i;
    int inside = 0;
    while (k > 0 && i - k < 40) {
        k--;
        if (w[k].qclose && !w[k].qopen)
            inside = 1;
        if (inside) {
            if (w[k].qopen)
                inside = 0;
            continue;
        }
        if (w[k].qopen && w[k].qclose)
            continue;
        if (xw_in_list(s, &w[k], joins))
            continue;
        return k + 1 < i && w[k + 1].qopen && part_of_strategy(s, &w[k]);
    }
    return 0;
}

/* closed_by_quote: the word w ends with a closing double quote
 * („Name“), within its trailing punctuation. */
static int closed_by_quote(const char *s, const xword *w)
{
    return w->b + 3 <= w->te && xw_closing_quote(s + w->b);
}

/* ai_phrase: s[a..b) is "Künstliche Intelligenz", "KI" or the like: a
 * label that names no thing alone (not a product, "ChatGPT", or a fund,
 * "EFRE"). */
static int ai_phrase(const char *s, size_t a, size_t b)
{
    static const char *const ph[] = {
        "kuenstliche intelligenz",      "ki", "ai", "artificial intelligence",
        "kuenstliche intelligenz (ki)", NULL};
    sbuf f = SBUF_INIT;
    xfold(&f, s + a, b - a);
    int yes = 0;
    for (size_t i = 0; ph[i] && !yes; i++)
        yes = strcmp(sbuf_cstr(&f), ph[i]) == 0;
    sbuf_free(&f);
    return yes;
}

/* list_commas: every comma inside the quote w[i..j] is followed by an
 * article: the parts of one title ("der Landwirtschaft, der
 * Lebensmittelkette, ... und den Ländlichen Räumen"), no clause. */
static int list_commas(const char *s, const xword *w, size_t i, size_t j)
{
    for (size_t k = i; k < j; k++)
        if (w[k].punct && s[w[k].b] == ',' && !xw_in_list(s, &w[k + 1], xn_articles))
            return 0;
    return 1;
}

/* find_quotes: quoted names. */
void xn_find_quotes(const char *s, const xword *w, size_t nw, xnames *r)
{
    static const char *const joins[] = {"und", "sowie", "oder", NULL};
    size_t named_end = SIZE_MAX; /* the last word of the last quote named */
    for (size_t i = 0; i < nw; i++) {
        if (!w[i].qopen)
            continue;
        /* "die Namen „Tabea“, „Maki“, „Emil“ und „Aleks“": the next of a
         * list of quotes after a named one is named too */
        int listed = named_end != SIZE_MAX && i > 0 &&
                     ((named_end + 1 == i && w[named_end].punct) ||
                      (named_end + 2 == i && xw_in_list(s, &w[i - 1], joins)));
        size_t j = i;
        /* „... ,made in Schleswig-Holstein‘ ...“: a single quote closes
         * no double one */
        while (j < nw && !(w[j].qclose && w[j].qsingle_close == w[i].qsingle_open) && j - i < 20)
            j++;
        if (j >= nw || !w[j].qclose)
            continue;
        size_t a = w[i].a, b = w[j].b, words = j - i + 1, caps = 0, inner = 0;
        /* „... in Westsachsen (K-M-I)“: the quote keeps its closing
         * parenthesis */
        if (s[b] == ')' && memchr(s + a, '(', b - a) && !memchr(s + a, ')', b - a))
            b++;
        int comma = 0, allc;
        for (size_t k = i; k <= j; k++) {
            caps += w[k].cap;
            inner += xw_name_like(s, &w[k], &allc);
            comma |= w[k].punct && k < j;
        }
        int plural;
        const char *ctx_kind = NULL;
        int naming = 0;
        for (size_t k = i; k > 0 && i - k < 4; k--) {
            const char *hk = xn_head_of(s, &w[k - 1], &plural);
            if (hk && !ctx_kind)
                ctx_kind = hk;
            naming |= hk != NULL || xw_in_list(s, &w[k - 1], namers);
            /* "Das Vorhaben „Hochwasserschutzsystem 4.0“", not "Vorhaben
             * erhalten „grünes Licht“" */
            naming |=
                k == i && (xw_eq(s, &w[k - 1], "Vorhaben") || xw_eq(s, &w[k - 1], "Vorhabens"));
            if (w[k - 1].punct && k - 1 != i - 1)
                break;
        }
        const char *own = NULL;
        for (size_t k = i; k <= j && !own; k++)
            own = xn_head_of(s, &w[k], &plural);
        int own_plural = 0;
        for (size_t k = i; k <= j; k++)
            if (xn_head_of(s, &w[k], &plural) && plural)
                own_plural = 1;
        size_t conn = 0;
        for (size_t k = i; k <= j; k++)
            conn += xw_in_list(s, &w[k], xn_connectors);
        int dotted = 0;
        for (size_t k = a; k + 1 < b; k++)
            dotted |= s[k] == '.' && s[k + 1] == ' ';
        size_t l0 = w[i].b - w[i].a;
        int adj2 = words == 2 && !inner && l0 > 3 &&
                   (s[w[i].b - 1] == 'e' || memcmp(s + w[i].b - 2, "en", 2) == 0);
        int ok = (naming || (listed && words <= 3)) && words <= 12;
        ok |= !comma && !dotted && !own_plural && words <= 6 &&
              (inner > 0 || (words >= 2 && w[i].cap && caps + conn == words && !adj2));
        ok |= own != NULL && !own_plural && !comma && words <= 8 && w[i].cap;
        /* "durch „KI-Trainer“": a quoted compound of AI alone, after a
         * preposition, names an offer (after an article or adjective it
         * is a thing spoken of: "die deutschlandweite „KI-Landkarte“") */
        ok |= words == 1 && w[i].b - w[i].a > 4 && memcmp(s + w[i].a, "KI-", 3) == 0 && i > 0 &&
              !w[i - 1].cap && !xw_in_list(s, &w[i - 1], xn_articles) &&
              !xn_adjective_like(s, &w[i - 1]) && w[i - 1].b - w[i - 1].a <= 5;
        /* „Handlungsempfehlung für den Einsatz von KI in den
         * Kommunalverwaltungen im Land ...“: a quote that begins with its
         * head noun is a title, however long */
        ok |= xn_head_of(s, &w[i], &plural) && !plural && (!comma || list_commas(s, w, i, j)) &&
              !dotted && words <= 24;
        /* „Wo wohnst du?“: a question or a call quoted, no name */
        int speech = b > a && (s[b - 1] == '?' || s[b - 1] == '!');
        for (size_t k = w[j].b; k < w[j].te && !speech; k++)
            speech = s[k] == '?' || s[k] == '!';
        /* "den Arbeitskreis „Künstliche Intelligenz“": a quote that names
         * nothing alone is the label of the head noun right before it */
        const char *hk =
            i > 0 && !w[i - 1].punct && !w[i - 1].org ? xn_head_of(s, &w[i - 1], &plural) : NULL;
        if (!speech && hk && !plural && ai_phrase(s, a, b) && words <= 4 &&
            closed_by_quote(s, &w[j])) {
            /* a head rule's name: the head takes the nominative
             * ("des Ideenwettbewerbs „Künstliche Intelligenz“") */
            xname *n = xnames_add(r, 0, w[i - 1].a, w[j].b + 3, hk, X_RULE_HEAD, w[i - 1].ts);
            n->head_a = w[i - 1].a;
            n->head_b = w[i - 1].b;
            named_end = j;
            i = j;
            continue;
        }
        /* "über das Thema „KI und Supertech für den Menschen“", "im
         * Anwendungsbereich „KI und Mobilität“": a topic; "Die Software
         * ist „doof“", "der sprichwörtlichen „Nadel im Heuhaufen“": what
         * a thing is or is like */
        static const char *const topics[] = {"Thema",
                                             "Themen",
                                             "Themenbereich",
                                             "Themenfeld",
                                             "Themenfelder",
                                             "Anwendungsbereich",
                                             "Schwerpunktthema",
                                             "sprichwörtlichen",
                                             "sprichwörtliche",
                                             NULL};
        static const char *const is[] = {"ist", "sind", "war", "waren", NULL};
        if (i > 0 && !w[i - 1].punct && xw_in_list(s, &w[i - 1], topics))
            continue;
        /* "Ein weiteres Projekt ist „VERKEHR-AI“" names the project */
        if (i > 1 && !w[i - 1].punct && xw_in_list(s, &w[i - 1], is) &&
            (!w[i].cap || !xn_head_of(s, &w[i - 2], &plural)))
            continue;
        if (speech || b - a < 2 || b - a > 200 || xw_not_a_name(s, a, b) ||
            gendered_pair(s, w, i, j) || (i > 0 && part_of_strategy(s, &w[i - 1])) ||
            labels_before(s, w, i))
            continue;
        if (!ok) {
            /* „KI made in Hessen“: a phrase of a few words that the text
             * takes up as a noun again (propose.c counts) */
            if (words >= 2 && words <= 6 && w[i].cap && !comma && !dotted && !own_plural) {
                xnames_add(r, 0, a, b, own ? own : ctx_kind, X_RULE_QUOTE, w[i].ts);
                r->v[r->n - 1].repeat = 1;
            }
            continue;
        }
        if (!w[i].cap && !naming && !inner)
            continue;
        /* „DigitalBüro Ostwestfalen-Lippe“ stellte vor: an organisation */
        int org = xn_agent_before(s, w, i) || w[i].org;
        xnames_add(r, org, a, b, own ? own : ctx_kind, X_RULE_QUOTE, w[i].ts);
        named_end = j;
        /* "der Zukunftskonferenz „Von der Kohle zur KI“": the head noun
         * and the quote are an alias (not a genitive: "des Netzwerks
         * „KI-Lernlabor Süd“") */
        if (w[i].cap && i > 0 && !w[i - 1].punct && xn_head_of(s, &w[i - 1], &plural) &&
            !(i > 1 && (xw_eq(s, &w[i - 2], "des") || xw_eq(s, &w[i - 2], "eines"))) && !plural &&
            w[i - 1].b - w[i - 1].a >= 8 && closed_by_quote(s, &w[j])) {
            r->v[r->n - 1].alias_a = w[i - 1].a;
            r->v[r->n - 1].alias_b = w[j].b + 3;
        }
        /* "Stiftungsprofessur „eGovernment“": a lower-case name keeps its
         * naming noun in the title */
        if (!w[i].cap && i > 0 && xn_head_of(s, &w[i - 1], &plural)) {
            r->v[r->n - 1].a = w[i - 1].a;
            r->v[r->n - 1].pos = w[i - 1].ts;
            if (closed_by_quote(s, &w[j]))
                r->v[r->n - 1].b = w[j].b + 3; /* keep the closing “ */
        }
        i = j;
    }
}

/* ki_word: a compound of AI ("KI-Lotsen", "AI-Hub"). */
static int ki_word(const char *s, const xword *w)
{
    return w->b - w->a > 3 && (memcmp(s + w->a, "KI-", 3) == 0 || memcmp(s + w->a, "AI-", 3) == 0);
}

/* ki_list_next: the item after the one ending at w[k] in an enumeration
 * ("A, B und C"): its word of AI, or nw. */
static size_t ki_list_next(const char *s, const xword *w, size_t nw, size_t k)
{
    static const char *const joins[] = {"und", "sowie", "oder", NULL};
    size_t n;
    if (w[k].te > w[k].b && s[w[k].te - 1] == ',')
        n = k + 1;
    else if (!w[k].punct && k + 1 < nw && xw_in_list(s, &w[k + 1], joins))
        n = k + 2;
    else
        return nw;
    for (size_t skip = 0; n < nw && skip < 2 && !ki_word(s, &w[n]) &&
                          (xw_in_list(s, &w[n], xn_articles) || xn_adjective_like(s, &w[n]));
         skip++)
        n++;
    return n < nw && ki_word(s, &w[n]) ? n : nw;
}

/* find_ki_lists: "Geplant sind eine KI-Academy, KI-Lotsen,
 * KI-Botschafter:innen und KI-Labs": an enumeration of three or more
 * compounds of AI, two of them with a head noun of an activity, is a list
 * of activities; its plural items and those without a head count too
 * ("KI-Forschung, KI-Transfer und KI-Anwendung" has no head: fields). */
void xn_find_ki_lists(const char *s, const xword *w, size_t nw, xnames *r)
{
    for (size_t i = 0; i < nw; i++) {
        if (!ki_word(s, &w[i]))
            continue;
        size_t item[12], ni = 0, heads = 0;
        for (size_t k = i; k < nw && ni < 12; k = ki_list_next(s, w, nw, k)) {
            item[ni++] = k;
            heads += w[k].hk != NULL;
        }
        if (ni >= 3 && heads >= 2) {
            for (size_t q = 0; q < ni; q++) {
                int plural = 0;
                const xword *x = &w[item[q]];
                const char *kind = xn_head_of(s, x, &plural);
                /* "KI-Labs": an item in -s is no genitive but a plural */
                plural |= kind && s[x->b - 1] == 's' && item[q] > 0 &&
                          !xw_eq(s, &w[item[q] - 1], "des") && !xw_eq(s, &w[item[q] - 1], "eines");
                /* a singular with a head is named by find_heads too, but
                 * not after "eine" ("eine KI-Academy, KI-Lotsen, ...") */
                xnames_add(r, 0, x->a, x->b, kind ? kind : "initiative", X_RULE_HEAD, x->ts);
                r->v[r->n - 1].plural = plural;
            }
        }
        i = item[ni - 1];
    }
}
