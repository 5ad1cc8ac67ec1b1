/* tasks.c: reporting tasks from the language of resolutions (see
 * conference.h, conf_tasks_find).
 *
 * Resolutions set tasks in a handful of German forms, each read here by
 * one rule on a sentence of the point:
 *   request     "X wird gebeten, ...", "bitten/bittet X, ...",
 *               "fordert X auf, ...", "laden X ein, ..."
 *   submission  "Die Ergebnisse ... durch X sollen der DMK ... vorgelegt
 *               werden"
 *   commitment  "Der DMK-Vorsitz wird ... ein Schreiben ... an Y richten",
 *               "Die Vorsitzenden der DMK werden ...", "... werden wir im
 *               zweiten Halbjahr 2024 ... initiieren"
 * and the due time from "bei der Besprechung im Frühjahr 2020", "in der
 * nächsten regulären Sitzung im Herbst 2024", "im zweiten Halbjahr
 * 2024", "zeitnah", "regelmäßig". A sentence without an addressee (a
 * request with no comma after it, or "bitten wir") sets no task. */
#include "conference/conf_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

typedef struct sent {
    const char *s; /* the squeezed text */
    size_t a, b;   /* the sentence [a, b) in s */
} sent;

static int upper_start(const char *s, size_t i, size_t n)
{
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z')
        return 1;
    if (c == 0xC3 && i + 1 < n) /* Ä Ö Ü */
        return s[i + 1] == '\x84' || s[i + 1] == '\x96' || s[i + 1] == '\x9c';
    return c == 0xE2; /* „ */
}

/* sentence_end: 1 if the '.' at s[i] ends a sentence. */
static int sentence_end(const char *s, size_t n, size_t i)
{
    static const char *const abbr[] = {"Dr", "Prof", "Nr",  "Ziff", "bzw", "bspw", "evtl",
                                       "ca", "St",   "z.B", "u.a",  "Abs", "Art",  "vgl"};
    if (i + 2 >= n || s[i + 1] != ' ' || !upper_start(s, i + 2, n))
        return i + 1 >= n;
    size_t w = i;
    while (w > 0 && s[w - 1] != ' ')
        w--;
    if (w < i && s[w] == '(')
        w++;
    int num = 1;
    for (size_t k = w; k < i; k++)
        if (s[k] < '0' || s[k] > '9')
            num = 0;
    if (num)
        return 0;
    for (size_t k = 0; k < sizeof abbr / sizeof abbr[0]; k++)
        if (i - w == strlen(abbr[k]) && memcmp(s + w, abbr[k], i - w) == 0)
            return 0;
    return 1;
}

/* in: position of p in the sentence at or after from, or -1. */
static size_t in(const sent *t, size_t from, const char *p)
{
    size_t r = conf_find(t->s, t->b, from < t->a ? t->a : from, p);
    return r;
}

static char *dup_trim(const char *s, size_t a, size_t b)
{
    if (a > b)
        a = b;
    while (a < b && (s[a] == ' ' || s[a] == ','))
        a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == ',' || s[b - 1] == '.'))
        b--;
    return xstrndup(s + a, b - a);
}

/* strip_words: drop the adverbs that stand between addressee and comma
 * ("bittet die Bundesregierung dabei, ..."). */
static void strip_words(char *o)
{
    static const char *const words[] = {" dabei",     " hierzu",  " ferner",
                                        " ebenfalls", " hiermit", " daher"};
    int again = 1;
    while (again) {
        again = 0;
        size_t l = strlen(o);
        for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
            size_t wl = strlen(words[k]);
            if (l >= wl && strcmp(o + l - wl, words[k]) == 0) {
                o[l - wl] = '\0';
                again = 1;
                break;
            }
        }
    }
}

static char *owner_key(const char *o)
{
    if (strstr(o, "Vorsitz"))
        return xstrdup("dmk-vorsitz");
    if (strstr(o, "Arbeitsgruppe"))
        return xstrdup("arbeitsgruppe");
    if (strstr(o, "Ministerinnen und Minister"))
        return xstrdup("fachministerien");
    int bund = strstr(o, "Bundesregierung") || strstr(o, "Bund") || strstr(o, "BMDV");
    int land = strstr(o, "Länder") != NULL;
    if (bund)
        return xstrdup(land ? "bund-laender" : "bund");
    if (strcmp(o, "wir") == 0 || strstr(o, "Digitalministerkonferenz"))
        return xstrdup("dmk");
    sbuf b = SBUF_INIT;
    conf_slug(&b, o, strlen(o) > 40 ? 40 : strlen(o));
    return sbuf_take(&b);
}

static const char *const seasons[][2] = {
    {"Frühjahr", "fruehjahr"}, {"Sommer", "sommer"}, {"Herbst", "herbst"}, {"Winter", "winter"}};

static int year_at(const char *s, size_t n, size_t i)
{
    if (i + 4 > n)
        return 0;
    int y = 0;
    for (size_t k = 0; k < 4; k++) {
        if (s[i + k] < '0' || s[i + k] > '9')
            return 0;
        y = y * 10 + (s[i + k] - '0');
    }
    return y;
}

/* due: the due time named in sentence t, into k. */
static void due(const sent *t, conf_task *k)
{
    for (size_t i = 0; i < 4; i++) {
        char pat[32];
        snprintf(pat, sizeof pat, "im %s ", seasons[i][0]);
        size_t p = in(t, t->a, pat);
        if (p == (size_t)-1)
            continue;
        size_t yp = p + strlen(pat);
        int y = year_at(t->s, t->b, yp);
        if (!y)
            continue;
        k->due_year = y;
        k->due_season = xstrdup(seasons[i][1]);
        size_t from = p + 3;
        const char *lead = NULL;
        size_t q = in(t, t->a, "nächsten regulären Sitzung");
        if (q != (size_t)-1 && q < p)
            lead = "nächste reguläre Sitzung im ";
        else if ((q = in(t, t->a, "Besprechung im")) != (size_t)-1 && q < p)
            lead = "Besprechung im ";
        else if ((q = in(t, t->a, "Sitzung im")) != (size_t)-1 && q < p)
            lead = "Sitzung im ";
        k->due_text = xasprintf("%s%.*s", lead ? lead : "", (int)(yp + 4 - from), t->s + from);
        return;
    }
    static const char *const halves[][3] = {{"im ersten Halbjahr ", "h1", "erstes Halbjahr "},
                                            {"im zweiten Halbjahr ", "h2", "zweites Halbjahr "}};
    for (size_t i = 0; i < 2; i++) {
        size_t p = in(t, t->a, halves[i][0]);
        int y = p == (size_t)-1 ? 0 : year_at(t->s, t->b, p + strlen(halves[i][0]));
        if (y) {
            k->due_year = y;
            k->due_season = xstrdup(halves[i][1]);
            k->due_text = xasprintf("%s%d", halves[i][2], y);
            return;
        }
    }
    if (in(t, t->a, "zeitnah") != (size_t)-1)
        k->due_text = xstrdup("zeitnah");
    else if (in(t, t->a, "regelmäßig") != (size_t)-1)
        k->due_text = xstrdup("regelmäßig");
}

/* action_of: what is to be done, from the clause s[a..b). A letter is
 * named as such ("Schreiben an den Bund richten"); else the clause, cut
 * to about 160 bytes at a word. */
static char *action_of(const sent *t, size_t a, size_t b)
{
    size_t w = in(t, a, "Schreiben"), r = in(t, a, " richten");
    if (w != (size_t)-1 && r != (size_t)-1 && w < r && r < b) {
        size_t an = (size_t)-1;
        for (size_t p = w; p < r; p = an + 1) {
            size_t x = conf_find(t->s, r, p, " an ");
            if (x == (size_t)-1)
                break;
            an = x;
        }
        if (an != (size_t)-1)
            return xasprintf("Schreiben %.*s richten", (int)(r - an - 1), t->s + an + 1);
        return xstrdup("Schreiben richten");
    }
    if (b > a + 160) {
        size_t c = a + 160;
        while (c > a && t->s[c] != ' ')
            c--;
        char *x = dup_trim(t->s, a, c);
        char *y = xasprintf("%s …", x);
        free(x);
        return y;
    }
    return dup_trim(t->s, a, b);
}

static void push(conf_task **ts, size_t *nt, const sent *t, const size_t *map, size_t base,
                 char *owner, char *action)
{
    strip_words(owner);
    if (!*owner || strcmp(owner, "wir") == 0 || strncmp(owner, "wir ", 4) == 0 ||
        strlen(owner) > 200) {
        free(owner);
        free(action);
        return;
    }
    *ts = xrealloc(*ts, (*nt + 1) * sizeof **ts);
    conf_task *k = &(*ts)[(*nt)++];
    memset(k, 0, sizeof *k);
    k->owner = owner;
    k->owner_key = owner_key(owner);
    k->action = action;
    k->start = base + map[t->a];
    k->end = base + map[t->b - 1] + 1;
    due(t, k);
}

/* verb_rule: a task for each "VERB addressee CLOSE action" in t: the
 * addressee stands between the verb and close (", " or " auf,"); a
 * request without that closing comma sets no task. For "bitten X zu
 * prüfen, ob" the infinitive is cut off the addressee. */
static void verb_rule(conf_task **ts, size_t *nt, const sent *t, const size_t *map, size_t base,
                      const char *verb, const char *close)
{
    for (size_t v = in(t, t->a, verb); v != (size_t)-1; v = in(t, v + 1, verb)) {
        size_t o = v + strlen(verb), c = in(t, o, close);
        if (c == (size_t)-1)
            continue;
        size_t oe = c;
        /* "bittet das BMDV und die ... Länder zu prüfen, ob": the last
         * " zu " before the comma starts the action. */
        size_t z = (size_t)-1;
        for (size_t p = o; (p = conf_find(t->s, oe, p, " zu ")) != (size_t)-1; p++)
            z = p;
        size_t act = c + strlen(close);
        if (z != (size_t)-1 && !memchr(t->s + z + 4, ' ', oe - z - 4)) {
            act = z + 1;
            oe = z;
        }
        push(ts, nt, t, map, base, dup_trim(t->s, o, oe), action_of(t, act, t->b));
    }
}

static void rules(conf_task **ts, size_t *nt, const sent *t, const size_t *map, size_t base)
{
    const char *s = t->s;
    size_t p;
    /* submission: "... durch X sollen der DMK ... vorgelegt werden" */
    if ((p = in(t, t->a, " vorgelegt werden")) != (size_t)-1) {
        size_t so = in(t, t->a, " sollen ");
        if (so != (size_t)-1 && so < p) {
            size_t by = in(t, t->a, " durch ");
            size_t oa = by != (size_t)-1 && by < so ? by + 7 : t->a;
            size_t subj_end = by != (size_t)-1 && by < so ? by : so;
            char *what = dup_trim(s, t->a, subj_end);
            char *act = xasprintf("%s vorlegen", what);
            free(what);
            push(ts, nt, t, map, base, dup_trim(s, oa, so), act);
            return;
        }
    }
    /* request, passive: "X wird gebeten, ...", "wird der Bund ebenfalls gebeten, ..." */
    if ((p = in(t, t->a, " gebeten,")) != (size_t)-1) {
        size_t w = (size_t)-1, x;
        for (size_t q = t->a; (x = conf_find(s, p + 1, q, " wird ")) != (size_t)-1; q = x + 1)
            w = x;
        for (size_t q = t->a; (x = conf_find(s, p + 1, q, " werden ")) != (size_t)-1; q = x + 1)
            w = x > w || w == (size_t)-1 ? x : w;
        if (w != (size_t)-1) {
            size_t vl = s[w + 2] == 'i' ? 6 : 8; /* " wird " or " werden " */
            char *between = dup_trim(s, w + vl, p);
            strip_words(between);
            if (!*between) {
                free(between);
                between = dup_trim(s, t->a, w);
            }
            push(ts, nt, t, map, base, between, action_of(t, p + 9, t->b));
            return;
        }
    }
    verb_rule(ts, nt, t, map, base, " bitten ", ",");
    verb_rule(ts, nt, t, map, base, " bittet ", ",");
    verb_rule(ts, nt, t, map, base, " fordert ", " auf,");
    verb_rule(ts, nt, t, map, base, " fordern ", " auf,");
    verb_rule(ts, nt, t, map, base, " laden ", " ein,");
    /* commitment of the chair: "Der DMK-Vorsitz wird ...", "Die Vorsitzenden der DMK werden" */
    static const char *const chairs[] = {"Der DMK-Vorsitz ", "Der Vorsitz ", "Die Vorsitzenden ",
                                         "Die Vorsitzländer "};
    for (size_t i = 0; i < sizeof chairs / sizeof chairs[0]; i++) {
        if (!conf_startswith(s + t->a, t->b - t->a, chairs[i]))
            continue;
        size_t w = in(t, t->a, " wird "), vl = 6;
        if (w == (size_t)-1) {
            w = in(t, t->a, " werden ");
            vl = 8;
        }
        if (w != (size_t)-1)
            push(ts, nt, t, map, base, dup_trim(s, t->a, w), action_of(t, w + vl, t->b));
        return;
    }
    /* commitment of the conference: "... werden wir im zweiten Halbjahr 2024 ..." */
    if ((p = in(t, t->a, " werden wir ")) != (size_t)-1 &&
        (in(t, t->a, "Halbjahr") != (size_t)-1 || in(t, t->a, " im Herbst ") != (size_t)-1 ||
         in(t, t->a, " im Frühjahr ") != (size_t)-1)) {
        push(ts, nt, t, map, base, xstrdup("Digitalministerkonferenz (wir)"),
             action_of(t, p + 12, t->b));
    }
}

void conf_tasks_find(const char *s, size_t n, size_t base, conf_task **tasks, size_t *ntasks)
{
    sbuf b = SBUF_INIT;
    size_t *map = NULL;
    conf_squeeze(s, n, &b, &map);
    size_t a = 0;
    for (size_t i = 0; i < b.len; i++) {
        if (!((b.s[i] == '.' || b.s[i] == '!' || b.s[i] == '?') && sentence_end(b.s, b.len, i)) &&
            i + 1 < b.len)
            continue;
        sent t = {b.s, a, i + 1};
        /* a leading point number ("4. ") is not part of the sentence */
        size_t d = t.a;
        while (d < t.b && b.s[d] >= '0' && b.s[d] <= '9')
            d++;
        if (d > t.a && d + 1 < t.b && b.s[d] == '.' && b.s[d + 1] == ' ')
            t.a = d + 2;
        if (t.b > t.a + 1) {
            /* rules() look for " verb " with a space before it */
            rules(tasks, ntasks, &t, map, base);
        }
        a = i + 2 < b.len ? i + 2 : b.len;
    }
    free(map);
    sbuf_free(&b);
}

void conf_tasks_free(conf_task *tasks, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(tasks[i].owner);
        free(tasks[i].owner_key);
        free(tasks[i].action);
        free(tasks[i].due_text);
        free(tasks[i].due_season);
    }
    free(tasks);
}
