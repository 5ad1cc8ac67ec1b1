/* propose_title.c: the title of an activity from the name it is first
 * named by (propose_merge.c): quotes and a cut-off end taken off, the
 * head noun of a genitive in the nominative ("des Innovationsparks KI"),
 * counted plurals in the nominative ("von 100 zusätzlichen ..."). */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "extract/propose_int.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

/* xprop_title_of: the name's text, quotes taken off, at most 300 bytes. */
char *xprop_title_of(const char *s, size_t a, size_t b)
{
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == ':'))
        b--;
    /* „Forschung, Entwicklung und Innovation (FEI)“: the closing
     * parenthesis before the quote belongs to the name */
    size_t open = 0, close = 0;
    for (size_t i = a; i < b; i++) {
        open += s[i] == '(';
        close += s[i] == ')';
    }
    if (open > close && s[b] == ')')
        b++;
    if (b - a > 300) {
        b = a + 300;
        while (b > a && s[b] != ' ')
            b--;
    }
    return xstrndup(s + a, b - a);
}

/* genitive_head: the name s[a..b) opens with a head noun in the genitive
 * and a preposition ("Beratungszentrums für Künstliche Intelligenz", after
 * "des im Aufbau befindlichen"): no nominative reads so; *cut bytes at
 * *cut_at make it one. */
static void genitive_head(const char *s, size_t a, size_t b, size_t *cut_at, size_t *cut)
{
    const char *sp = memchr(s + a, ' ', b - a);
    if (!sp)
        return;
    size_t e = (size_t)(sp - s);
    /* "Berliner Zentrums für ...": a town's adjective does not decline */
    if (e - a > 6 && memcmp(s + e - 2, "er", 2) == 0 && s[a] >= 'A' && s[a] <= 'Z' && e + 1 < b &&
        s[e + 1] >= 'A' && s[e + 1] <= 'Z') {
        a = e + 1;
        if (!(sp = memchr(s + a, ' ', b - a)))
            return;
        e = (size_t)(sp - s);
    }
    /* "Koordinierungs- und Kompetenzzentrums für ...": the second is the head */
    if (s[e - 1] == '-' && e + 5 < b && memcmp(s + e, " und ", 5) == 0) {
        a = e + 5;
        if (!(sp = memchr(s + a, ' ', b - a)))
            return;
        e = (size_t)(sp - s);
    }
    static const char *const preps[] = {" für ", " zur ", " zum ", NULL};
    int prep = 0;
    for (const char *const *q = preps; *q && !prep; q++)
        prep = e + strlen(*q) <= b && memcmp(s + e, *q, strlen(*q)) == 0;
    /* "KI-Innovationswettbewerbs Baden-Württemberg": a Land's name after it */
    if (!prep && e + 1 < b) {
        char land[48];
        size_t l = b - e - 1 < sizeof land - 1 ? b - e - 1 : sizeof land - 1;
        memcpy(land, s + e + 1, l);
        land[l] = '\0';
        prep = geo_land_find(land) != NULL;
    }
    if (!prep || e - a < 5)
        return;
    sbuf f = SBUF_INIT;
    xfold(&f, s + a, e - a);
    int plural = 0;
    char g = 0;
    size_t gen = 0;
    const char *k = xhead_kind_gender(f.s, f.len, &plural, &g, &gen);
    sbuf_free(&f);
    if (k && !plural && gen && (g == 'm' || g == 'n')) {
        *cut_at = e - gen;
        *cut = gen;
    }
}

/* counted_nominative: "100 zusätzlichen KI-Professuren" (after "von")
 * is "100 zusätzliche KI-Professuren": in a title that opens with a
 * number (digits or a word: "zwölf neuen KI-Professuren") or, for plural
 * centres, a lower-case adjective ("regionalen KI-Zentren"), the
 * adjectives before the last word lose the "n" of the dative plural. t
 * is changed in place and returned. */
static char *counted_nominative(char *t, int plural)
{
    static const char *const nums[] = {"zwei ",   "drei ",    "vier ",    "fünf ",    "sechs ",
                                       "acht ",   "neun ",    "zehn ",    "elf ",     "zwölf ",
                                       "sieben ", "zwanzig ", "dreißig ", "fünfzig ", NULL};
    int number = t[0] >= '0' && t[0] <= '9';
    for (size_t i = 0; nums[i] && !number; i++)
        number = strncmp(t, nums[i], strlen(nums[i])) == 0;
    int lower = plural && !number && t[0] >= 'a' && t[0] <= 'z'; /* "regionalen KI-Zentren" */
    const char *last = strrchr(t, ' ');
    if ((!number && !lower) || !last)
        return t;
    /* the words before the last one, the first too where it is an
     * adjective, not a number; up to the head ("zwölf innovative Projekte
     * im Bereich der künstlichen Intelligenz" keeps its genitive) */
    size_t at = lower ? 0 : strcspn(t, " ") + 1, end = (size_t)(last - t);
    while (at < end && !(t[at] >= 'A' && t[at] <= 'Z')) {
        size_t l = strcspn(t + at, " ");
        char *a = t + at;
        if (l > 4 && a[0] >= 'a' && a[0] <= 'z' && a[l - 2] == 'e' && a[l - 1] == 'n') {
            memmove(a + l - 1, a + l, strlen(a + l) + 1);
            l--;
            end--;
        }
        at += l + 1;
    }
    return t;
}

/* tidy_title: the title of a new activity from its name n: "des
 * Innovationsparks KI Baden-Württemberg" gives "Innovationspark KI
 * Baden-Württemberg": the head noun of a genitive without its -s/-es. (A
 * place at the end, "KI-Reallabor in Osnabrück", stays: the ids of the
 * shipped entries are cited by tests/analyse and the web tests.) Caller
 * frees. */
static char *tidy_title(pctx *p, const xname *n)
{
    const char *s = p->s;
    size_t a = n->a, b = n->b;
    /* "des", "eines", or one of them and an adjective in -en ("eines
     * gemeinsamen Bachelor-Studiengangs") */
    size_t ga = a;
    if (ga >= 4 && s[ga - 1] == ' ' && s[ga - 2] == 'n' && s[ga - 3] == 'e') {
        size_t q = ga - 1;
        while (q > 0 && s[q - 1] >= 'a' && s[q - 1] <= 'z')
            q--;
        if (q < ga - 4 && q > 0 && s[q - 1] == ' ')
            ga = q;
    }
    int gen_art = ga >= 4 && (memcmp(s + ga - 4, "des ", 4) == 0 ||
                              (ga >= 6 && memcmp(s + ga - 6, "eines ", 6) == 0));
    size_t cut_at = 0, cut = 0;
    /* des „Kompetenzzentrums Künstliche Intelligenz“: the quoted name's
     * first word is its head, in the genitive */
    size_t q = a;
    while (q > 0 && (s[q - 1] == '"' || (unsigned char)s[q - 1] >= 0x80))
        q--;
    /* des landesweiten „Aktionsprogramms ...“: an adjective between */
    size_t qa = q;
    if (qa >= 6 && s[qa - 1] == ' ' && s[qa - 2] == 'n' && s[qa - 3] == 'e') {
        size_t t = qa - 1;
        while (t > 0 && s[t - 1] >= 'a' && s[t - 1] <= 'z')
            t--;
        if (t + 4 < qa && t >= 4 && s[t - 1] == ' ')
            qa = t;
    }
    if (n->rule == X_RULE_QUOTE && q < a && qa >= 4 &&
        (memcmp(s + q - 4, "des ", 4) == 0 || memcmp(s + qa - 4, "des ", 4) == 0)) {
        const char *sp = memchr(s + a, ' ', b - a);
        size_t e = sp ? (size_t)(sp - s) : b;
        sbuf f = SBUF_INIT;
        xfold(&f, s + a, e - a);
        int plural = 0;
        char g = 0;
        size_t gen = 0;
        const char *k = f.len >= 4 ? xhead_kind_gender(f.s, f.len, &plural, &g, &gen) : NULL;
        sbuf_free(&f);
        if (k && !plural && gen && (g == 'm' || g == 'n')) {
            cut_at = e - gen;
            cut = gen;
        }
    }
    if (gen_art && n->rule == X_RULE_HEAD && n->head_b > n->head_a && n->head_b <= b) {
        /* "des Bayerischen KI-Rates": xnominative makes the whole name
         * nominative (new_act) */
        char *t0 = xstrndup(s + a, b - a), *nom = xnominative(t0);
        int adj = nom != NULL;
        free(nom);
        free(t0);
        if (adj)
            return xprop_title_of(s, a, b);
        sbuf f = SBUF_INIT;
        xfold(&f, s + n->head_a, n->head_b - n->head_a);
        int plural = 0;
        char g = 0;
        size_t gen = 0;
        const char *k = f.len >= 2 ? xhead_kind_gender(f.s, f.len, &plural, &g, &gen) : NULL;
        /* "der Gründung des Fraunhofer-Instituts für ...": an institute
         * founded as an activity (names.c) has no head kind */
        if (!k && f.len > 9 && memcmp(f.s + f.len - 9, "instituts", 9) == 0) {
            k = "centre";
            gen = 1;
            g = 'n';
        }
        sbuf_free(&f);
        if (k && !plural && gen && (g == 'm' || g == 'n')) {
            cut_at = n->head_b - gen;
            cut = gen;
        }
    }
    if (!cut)
        genitive_head(s, a, b, &cut_at, &cut);
    if (b == n->b && !cut)
        return xprop_title_of(s, a, b);
    sbuf t = SBUF_INIT;
    if (cut) {
        sbuf_add(&t, s + a, cut_at - a);
        sbuf_add(&t, s + cut_at + cut, b - cut_at - cut);
    } else {
        sbuf_add(&t, s + a, b - a);
    }
    char *r = xprop_title_of(t.s, 0, t.len);
    sbuf_free(&t);
    return r;
}

char *xprop_new_title(pctx *p, const xname *n)
{
    return counted_nominative(tidy_title(p, n), n->plural);
}
