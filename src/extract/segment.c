/* segment.c: what kind of document a clean text is, and its sections.
 *
 * Länderberichte (seeds/002): a section per Land, opened by "XX gibt
 * folgenden Bericht zu Protokoll" or "... (XX) berichtet"; the Land code or
 * name before the phrase decides the Land of the section.
 * Federal measures (seeds/003): blocks "BMBF: Title" (Markdown bold and
 * bullets are gone after cleaning) under headings "2.1" ... "2.12", which
 * are the twelve Handlungsfelder; "3. AUSBLICK" and other chapters have no
 * field. A resolution or a press release is one section. */
#include <stdlib.h>
#include <string.h>

#include "core/entry.h"
#include "extract/extract_int.h"
#include "util/sbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

static xsection *push(xsegs *s)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 32;
        s->a = xrealloc(s->a, s->cap * sizeof *s->a);
    }
    xsection *x = &s->a[s->n++];
    memset(x, 0, sizeof *x);
    x->field = -1;
    return x;
}

static int is_word_byte(char c)
{
    return (unsigned char)c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}

/* land_before: the Land named by the word(s) just before s[pos]; *at
 * receives where its name begins. */
static const geo_land *land_before(const char *s, size_t pos, size_t *at)
{
    size_t e = pos;
    for (int words = 0; words < 3; words++) {
        while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\n'))
            e--;
        size_t a = e;
        while (a > 0 && is_word_byte(s[a - 1]))
            a--;
        if (a == e)
            return NULL;
        char w[64];
        if (e - a < sizeof w) {
            memcpy(w, s + a, e - a);
            w[e - a] = '\0';
            const geo_land *l = geo_land_find(w);
            *at = a;
            if (l)
                return l;
        }
        e = a;
    }
    return NULL;
}

typedef struct marker {
    size_t at, body;
    const geo_land *land;
} marker;

static void add_marker(marker **m, size_t *k, size_t *cap, marker x)
{
    if (*k == *cap) {
        *cap = *cap ? 2 * *cap : 32;
        *m = xrealloc(*m, *cap * sizeof **m);
    }
    (*m)[(*k)++] = x;
}

/* table_rows: "| Bayern | Digitalplan Bayern (2023); ... |": a row of a
 * Markdown table whose first cell is a Land speaks of that Land. */
static void table_rows(const char *s, size_t n, marker **m, size_t *k, size_t *cap)
{
    for (const char *p = s; (p = memchr(p, '|', n - (size_t)(p - s))); p++) {
        size_t at = (size_t)(p - s);
        if (at > 0 && s[at - 1] != '\n' && !(at > 1 && s[at - 1] == ' ' && s[at - 2] == '|'))
            continue; /* the first cell of a row: at a line start or after "| " */
        const char *a = p + 1, *e = memchr(a, '|', n - (size_t)(a - s));
        if (!e || e - a > 40)
            continue;
        while (a < e && *a == ' ')
            a++;
        const char *b = e;
        while (b > a && b[-1] == ' ')
            b--;
        char w[48];
        if (b == a || (size_t)(b - a) >= sizeof w)
            continue;
        memcpy(w, a, (size_t)(b - a));
        w[b - a] = '\0';
        const geo_land *l = geo_land_find(w);
        if (l && strlen(w) > 2) /* a name, not a code */
            add_marker(m, k, cap, (marker){at, (size_t)(e - s) + 1, l});
    }
}

/* land_markers: every "XX gibt folgenden Bericht zu Protokoll" and "(XX)
 * berichtet" of the text, and the rows of a table of the Länder, into *out
 * (caller frees); returns the count. */
static size_t land_markers(const xclean *c, marker **out)
{
    size_t cap = 0;
    marker *m = NULL;
    static const char phrase[] = "gibt folgenden Bericht zu Protokoll";
    size_t k = 0;
    const char *s = c->s;
    for (const char *p = s; (p = strstr(p, phrase)); p += sizeof phrase - 1) {
        size_t at;
        const geo_land *l = land_before(s, (size_t)(p - s), &at);
        if (!l)
            continue;
        size_t body = (size_t)(p - s) + sizeof phrase - 1;
        while (body < c->n && (s[body] == ':' || s[body] == ' ' || s[body] == '\n'))
            body++;
        add_marker(&m, &k, &cap, (marker){at, body, l});
    }
    for (const char *p = s; (p = strstr(p, ") berichtet")); p++) {
        const char *o = p;
        while (o > s && o[-1] != '(' && p - o < 8)
            o--;
        if (o == s || o[-1] != '(')
            continue;
        char w[16];
        size_t len = (size_t)(p - o);
        if (len >= sizeof w)
            continue;
        memcpy(w, o, len);
        w[len] = '\0';
        const geo_land *l = geo_land_find(w);
        if (!l)
            continue;
        size_t at = (size_t)(o - s); /* back to the start of the sentence */
        while (at > 0 && s[at - 1] != '\n' && !(at > 1 && s[at - 1] == ' ' && s[at - 2] == '.'))
            at--;
        add_marker(&m, &k, &cap, (marker){at, at, l});
    }
    /* a table needs rows of two Länder at least */
    size_t before = k;
    table_rows(s, c->n, &m, &k, &cap);
    if (k - before < 2)
        k = before;
    *out = m;
    return k;
}

static int cmp_marker(const void *a, const void *b)
{
    const marker *x = a, *y = b;
    return (x->at > y->at) - (x->at < y->at);
}

/* ministry_at: the ministry abbreviation at s[i..e) ("BMBF") into x;
 * the offset after it and the separators after it ("/", ",", " " and,
 * with parens, "(" and ")"), or 0 if none is there. */
static size_t ministry_at(const char *s, size_t i, size_t e, int parens, xsection *x)
{
    size_t w = i;
    while (w < e && ((s[w] >= 'A' && s[w] <= 'Z') || (s[w] >= 'a' && s[w] <= 'z')))
        w++;
    if (w == i || w - i > 8)
        return 0;
    char tok[12];
    memcpy(tok, s + i, w - i);
    tok[w - i] = '\0';
    const entry_term *t = entry_vocab_find(ENTRY_VOCAB_MINISTRY, tok);
    if (!t)
        return 0;
    if (x->nmin < X_MAX_MIN)
        x->ministries[x->nmin++] = t->slug;
    while (w < e &&
           (s[w] == '/' || s[w] == ',' || s[w] == ' ' || (parens && (s[w] == '(' || s[w] == ')'))))
        w++;
    return w;
}

/* ministries: parse "BMBF/BMWi" or "BReg (BMBF, BMWi, BMAS)" at s[a..) up
 * to a ':'; on success fill x and return the offset after ": ". */
static size_t ministries(const char *s, size_t a, size_t e, xsection *x)
{
    size_t i = a;
    x->nmin = 0;
    while (i < e && i - a < 60) {
        if (!(i = ministry_at(s, i, e, 1, x)))
            return 0;
        if (i < e && s[i] == ':') {
            i++;
            while (i < e && s[i] == ' ')
                i++;
            return i < e ? i : 0;
        }
    }
    return 0;
}

/* ministry_line: the block s[a..e) begins with ministries alone ("BMBF",
 * "BMAS, BMBF"), as the federal strategy's pages set them on a line under
 * the title of a measure; the cleaner may have joined the text after them
 * ("BMBF Die sechs KI-Kompetenzzentren ..."; "BMBF fördert" is a
 * sentence). On success fill x. */
static int ministry_line(const char *s, size_t a, size_t e, xsection *x)
{
    x->nmin = 0;
    for (size_t i = a; i < e;) {
        if (x->nmin > 0 && s[i - 1] == ' ' && s[i] >= 'A' && s[i] <= 'Z' && i + 1 < e &&
            s[i + 1] >= 'a' && s[i + 1] <= 'z')
            return 1; /* a sentence begins */
        if (!(i = ministry_at(s, i, e, 0, x)))
            return 0;
    }
    return x->nmin > 0;
}

/* heading_number: "2.7 KI FÜR ..." gives chapter 2, sub 7; "3. AUSBLICK"
 * chapter 3, sub 0. Returns 0 if the block is no numbered heading. */
static int heading_number(const char *s, size_t a, size_t e, int *chap, int *sub)
{
    size_t i = a;
    int n1 = 0, n2 = 0;
    while (i < e && s[i] >= '0' && s[i] <= '9' && i - a < 2)
        n1 = n1 * 10 + (s[i++] - '0');
    if (i == a || i >= e || s[i] != '.')
        return 0;
    i++;
    size_t d = i;
    while (i < e && s[i] >= '0' && s[i] <= '9' && i - d < 2)
        n2 = n2 * 10 + (s[i++] - '0');
    if (i >= e || s[i] != ' ')
        return 0;
    i++;
    /* the title must be in capitals: a numbered list item is no heading */
    for (int k = 0; k < 3; k++, i++)
        if (i >= e || !((s[i] >= 'A' && s[i] <= 'Z') || s[i] == ' ' || (unsigned char)s[i] >= 0x80))
            return 0;
    *chap = n1;
    *sub = n2;
    return 1;
}

/* federal: the measures of a federal text; *titled: how many of them are
 * a title block with a block of ministries under it. */
static size_t federal(const xclean *c, xsegs *out, size_t *titled)
{
    const char *s = c->s;
    size_t pos = 0, count = 0, pa = SIZE_MAX, pe = 0;
    *titled = 0;
    int chap = 0, field = -1;
    xsection *cur = NULL;
    while (pos < c->n) {
        const char *nl = memchr(s + pos, '\n', c->n - pos);
        size_t e = nl ? (size_t)(nl - s) : c->n;
        int ch, sub;
        xsection probe;
        size_t t;
        memset(&probe, 0, sizeof probe);
        probe.field = -1;
        if (heading_number(s, pos, e, &ch, &sub)) {
            if (cur)
                cur->end = pos;
            cur = NULL;
            chap = ch;
            field = chap == 2 && sub >= 1 && sub <= 12 ? sub - 1 : -1;
        } else if (chap >= 2 && (t = ministries(s, pos, e, &probe))) {
            if (cur)
                cur->end = pos;
            cur = push(out);
            *cur = probe;
            cur->measure = 1;
            cur->field = field;
            cur->start = pos;
            cur->tstart = t;
            size_t te = t;
            while (te < e && !(s[te] == '.' && te + 1 < e && s[te + 1] == ' ') && s[te] != ';')
                te++;
            cur->tend = te;
            count++;
        } else if (pa != SIZE_MAX && pe - pa <= 120 && pe > pa && s[pe - 1] != '.' &&
                   ministry_line(s, pos, e, &probe)) {
            /* "Kompetenzzentren für KI-Forschung" / "BMBF" / the text */
            if (cur)
                cur->end = pa;
            cur = push(out);
            *cur = probe;
            cur->measure = 2;
            cur->field = field;
            cur->start = pa;
            cur->tstart = pa;
            cur->tend = pe;
            count++;
            ++*titled;
        }
        pa = pos;
        pe = e;
        pos = e + 1;
    }
    if (cur)
        cur->end = c->n;
    return count;
}

static size_t count_str(const char *s, const char *w);

/* Adjectives of the Länder ("bayerische", "Hessisches", "nordrhein-
 * westfälischen"): a press release names its Land as often by them as by
 * its name. Folded stems (ä, ö, ü folded to ae, oe, ue as xfold does); the word must begin with one
 * (case folded) and nothing but an adjective ending may follow. "sächsisch" must not be the end of
 * "niedersächsisch" (the word begins with the stem). */
static const struct {
    const char *stem, *code;
} land_adj[] = {
    {"baden-wuerttembergisch", "DE-BW"},
    {"bayerisch", "DE-BY"},
    {"berliner", "DE-BE"},
    {"bremer", "DE-HB"},
    {"brandenburgisch", "DE-BB"},
    {"brandenburger", "DE-BB"},
    {"bremisch", "DE-HB"},
    {"hamburgisch", "DE-HH"},
    {"hamburger", "DE-HH"},
    {"hessisch", "DE-HE"},
    {"mecklenburgisch", "DE-MV"},
    {"niedersaechsisch", "DE-NI"},
    {"nordrhein-westfaelisch", "DE-NW"},
    {"rheinland-pfaelzisch", "DE-RP"},
    {"saarlaendisch", "DE-SL"},
    {"saechsisch", "DE-SN"},
    {"sachsen-anhaltisch", "DE-ST"},
    {"schleswig-holsteinisch", "DE-SH"},
    {"thueringisch", "DE-TH"},
    {"thueringer", "DE-TH"},
};

/* adj_land: the Land whose adjective the folded word f is, or NULL. */
const char *xadj_land(const char *f, size_t fl)
{
    for (size_t k = 0; k < sizeof land_adj / sizeof land_adj[0]; k++) {
        size_t l = strlen(land_adj[k].stem);
        if (fl < l || memcmp(f, land_adj[k].stem, l) != 0)
            continue;
        const char *rest = f + l;
        size_t rl = fl - l;
        /* -e, -en, -er, -es, -em or nothing ("Thüringer") */
        if (rl == 0 || (rl <= 2 && rest[0] == 'e' && (rl == 1 || strchr("nrsm", rest[1]))))
            return land_adj[k].code;
    }
    return NULL;
}

/* dominant_land: the Land a single text (a press release, a resolution)
 * is about: every naming of a Land by its name, code or adjective is a
 * vote; the Land with the most votes wins if it has more than twice the
 * votes of any other. A text of a federal body (Bundesministerium,
 * Bundesregierung) that names no Land government is the Bund's even if it
 * names Länder as partners. NULL: the Bund or undecided; *open is 1 if
 * the text is no federal body's and names no Land decisively. */
static const char *dominant_land(const xclean *c, int *open)
{
    size_t n;
    const geo_land *all = geo_laender(&n);
    int counts[16] = {0};
    const char *s = c->s;
    sbuf f = SBUF_INIT;
    size_t prev_a = 0, prev_b = 0; /* the word before */
    for (size_t i = 0; i < c->n;) {
        while (i < c->n && !is_word_byte(s[i]))
            i++;
        size_t a = i;
        while (i < c->n && is_word_byte(s[i]))
            i++;
        if (i - a < 2 || i - a > 40) {
            prev_a = a;
            prev_b = i;
            continue;
        }
        size_t e = i;
        while (e > a && s[e - 1] == '-')
            e--;
        char w[48];
        memcpy(w, s + a, e - a);
        w[e - a] = '\0';
        const geo_land *l = NULL;
        if (xis_upper_at(s, c->n, a) && (e - a >= 4 || (e - a == 3 && strcmp(w, "NRW") == 0) ||
                                         (e - a == 3 && strcmp(w, "RLP") == 0)))
            l = geo_land_find(w);
        if (!l && e - a >= 6 && w[e - a - 1] == 's' && xis_upper_at(s, c->n, a)) {
            /* the genitive: "Thüringens Digitalminister", "Hamburgs
             * Digitalkabinett" */
            w[e - a - 1] = '\0';
            l = geo_land_find(w);
            if (!l && w[e - a - 2] == 'e') { /* "des Saarlandes" */
                w[e - a - 2] = '\0';
                l = geo_land_find(w);
            }
        }
        if (!l) {
            sbuf_reset(&f);
            xfold(&f, s + a, e - a);
            const char *code = xadj_land(f.s, f.len);
            /* "der Brandenburgischen-Technischen Universität" */
            const char *h = code || !f.len ? NULL : memchr(f.s, '-', f.len);
            if (h && h > f.s + 4)
                code = xadj_land(f.s, (size_t)(h - f.s));
            l = code ? geo_land_by_code(code) : NULL;
        }
        /* "Ba den-Württemberg": a PDF's line break became a space inside
         * the word; a small piece and a word in lower case make one */
        if (!l && prev_b + 1 == a && a - prev_a <= 5 && s[a] >= 'a' && s[a] <= 'z' &&
            xis_upper_at(s, c->n, prev_a) && e - prev_a < sizeof w) {
            size_t pl = prev_b - prev_a;
            memcpy(w, s + prev_a, pl);
            memcpy(w + pl, s + a, e - a);
            w[pl + e - a] = '\0';
            l = geo_land_find(w);
        }
        prev_a = a;
        prev_b = i;
        if (l)
            counts[l - all]++;
    }
    sbuf_free(&f);
    int best = -1, second = 0;
    for (size_t k = 0; k < n && k < 16; k++) {
        if (best < 0 || counts[k] > counts[best]) {
            if (best >= 0 && counts[best] > second)
                second = counts[best];
            best = (int)k;
        } else if (counts[k] > second) {
            second = counts[k];
        }
    }
    int federal = strstr(s, "Bundesministeri") || strstr(s, "Bundesregierung") ||
                  strstr(s, "Bundesforschungsminist") || strstr(s, "Bundesminister");
    int landgov = strstr(s, "Landesregierung") || strstr(s, "Staatsregierung") ||
                  strstr(s, "Staatskanzlei") || strstr(s, "Landeskabinett") ||
                  strstr(s, "Ministerpräsident") || strstr(s, "Landtag") || strstr(s, "Senat");
    /* "Das Land Berlin unterstützt das neue Institut": a Land acting in
     * a text about federal money is a Land's government too */
    if (federal && !landgov && best >= 0 && counts[best] > 0) {
        char lw[64];
        snprintf(lw, sizeof lw, "Land %s", all[best].name);
        landgov = strstr(s, lw) != NULL;
        snprintf(lw, sizeof lw, "Freistaat %s", all[best].name);
        landgov |= strstr(s, lw) != NULL;
    }
    /* a Land's speech or answer speaks of "der Bundesregierung" too: only
     * a federal ministry makes the text the Bund's against a Land named
     * twice and more than any other */
    int ministry = strstr(s, "Bundesministeri") || strstr(s, "Bundesforschungsminist") ||
                   strstr(s, "Bundesminister");
    if (federal && !landgov && !ministry && best >= 0 && counts[best] >= 2 &&
        counts[best] > 2 * second)
        landgov = 1;
    *open = 0;
    if (federal && !landgov)
        return NULL;
    /* "Digitalminister der Länder", "die Chefs der Staatskanzleien der
     * Länder": a body of all the Länder speaks, no one Land */
    if (count_str(s, "der Länder") >= 2)
        return NULL;
    if (best >= 0 && counts[best] >= 1 && counts[best] > 2 * second)
        return all[best].code;
    /* no Land named, or none named more than twice as often as any other
     * ("dass Baden-Württemberg ... nicht nur in Berlin"): extract.c asks
     * the places */
    *open = 1;
    return NULL;
}

static int isdig(char c)
{
    return c >= '0' && c <= '9';
}

static int has_date(const char *s, size_t n)
{
    static const char *const months[] = {"Januar",    "Februar", "März",     "April",
                                         "Mai",       "Juni",    "Juli",     "August",
                                         "September", "Oktober", "November", "Dezember"};
    size_t lim = n < 3000 ? n : 3000;
    for (size_t m = 0; m < 12; m++) {
        size_t l = strlen(months[m]);
        for (size_t i = 3; i + l + 5 <= lim; i++)
            if (memcmp(s + i, months[m], l) == 0 && s[i - 1] == ' ' && s[i - 2] == '.' &&
                s[i - 3] >= '0' && s[i - 3] <= '9' && s[i + l] == ' ' && s[i + l + 1] >= '1' &&
                s[i + l + 1] <= '2')
                return 1;
    }
    /* a numeric date "21.03.2023", "[06.06.2024]" */
    for (size_t i = 0; i + 10 <= lim; i++)
        if (isdig(s[i]) && isdig(s[i + 1]) && s[i + 2] == '.' && isdig(s[i + 3]) &&
            isdig(s[i + 4]) && s[i + 5] == '.' && s[i + 6] == '2' && s[i + 7] == '0' &&
            isdig(s[i + 8]) && isdig(s[i + 9]) && (i == 0 || !isdig(s[i - 1])) &&
            (i + 10 == lim || !isdig(s[i + 10])))
            return 1;
    return 0;
}

static size_t count_str(const char *s, const char *w)
{
    size_t k = 0;
    for (const char *p = s; (p = strstr(p, w)); p += strlen(w))
        k++;
    return k;
}

/* count_term: how often w stands in s, not as the tail of a compound of
 * AI counted already ("KI-Sprachassistent"). */
static size_t count_term(const char *s, const char *w)
{
    size_t k = 0;
    for (const char *p = s; (p = strstr(p, w)); p += strlen(w))
        k += !(p - s >= 3 && memcmp(p - 3, "KI-", 3) == 0);
    return k;
}

/* acting_authority: the police or an authority is the subject of a
 * sentence ("Im Sommer hat die Polizei Hamburg ... erprobt", "Ab sofort
 * nutzt die Hamburger Umweltbehörde ..."): it acts for the government. An
 * advert that names "Polizeibehörden" as its customers is no such text. */
static int acting_authority(const char *s)
{
    static const char *const subj[] = {"hat die ",    "nutzt die ",   "setzt die ", "erprobt die ",
                                       "testet die ", "startet die ", "Die ",       NULL};
    static const char *const who[] = {"Polizei ", "Polizei,", "behörde ", NULL};
    for (size_t i = 0; subj[i]; i++)
        for (const char *p = s; (p = strstr(p, subj[i])); p++) {
            const char *q = p + strlen(subj[i]);
            /* the authority within the next three words: "die Hamburger
             * Umweltbehörde", "die Polizei Hamburg" */
            for (int words = 0; words < 3 && *q && *q != '.'; words++) {
                for (size_t k = 0; who[k]; k++)
                    if (strncmp(q, who[k], strlen(who[k])) == 0)
                        return 1;
                const char *sp = strchr(q, ' ');
                if (!sp)
                    break;
                /* a compound: "Umweltbehörde" ends in the word */
                for (size_t k = 0; who[k]; k++) {
                    size_t l = strlen(who[k]);
                    if ((size_t)(sp + 1 - q) > l && strncmp(sp + 1 - l, who[k], l) == 0)
                        return 1;
                }
                q = sp + 1;
            }
        }
    return 0;
}

/* news_cues: how many kinds of cue of a news text about public activities
 * s has: a government, ministry or administration acting, funding, money,
 * a quoted speaker, a decision or announcement, a thing made or tested.
 * A press release or a news page without a dated dateline ("Land
 * investiert 20 Millionen Euro", "[26.06.2024]", "KIEL.") has two or more;
 * a text about the weather has none. */
static int news_cues(const char *s)
{
    /* "minister" in lower case: the office inside a compound
     * ("Wirtschaftsministerin", "Bundesarbeitsminister"); "Gefördert" opens
     * a sentence; the words of starting, founding and opening
     * ("Startschuss", "billigte", "gegründet") are what a government does
     * with an activity as much as deciding it; an administration or an
     * authority acts for the government, a printed paper of a parliament
     * ("Drucksache") is its question or the answer */
    static const char *const groups[][24] = {
        {"Landesregierung", "Staatsregierung", "Bundesregierung", "Kabinett", "Staatskanzlei",
         "Ministeri", "Senat", "Landtag", "minister", "Ministerpräsident", "BMBF", "BMWK", "BMDV",
         "BMAS", "BMWi", "Verwaltung", "Behörde", "Drucksache", NULL},
        {"fördert", "gefördert", "Förderung", "Förderprogramm", "investiert", "Fördermittel",
         "Förderlinie", "Fördergeld", "Gefördert", "fördern", "Förderbescheid", NULL},
        {"Millionen Euro", "Mio. Euro", "Milliarden Euro", "Mrd. Euro", "000 Euro", "Millionen",
         NULL, NULL, NULL, NULL, NULL, NULL},
        {"sagte", "erklärte", "teilte", "so der", "so die", "sagt ", "mitteilten", "betont",
         " schreibt", "erläutert", NULL},
        /* what a government does with an activity, and reported speech */
        {"beschlossen", "beschloss", "vorgestellt", "gestartet", "unterzeichnet", "heißt es",
         "hieß es", "berichtet", "Startschuss", "billigte", "gegründet", "angekündigt", "geplant",
         "vorgesehen", NULL},
        /* making a thing: a project page names no government */
        {"entwickelt", "geschaffen", "eingerichtet", "eröffnet", "entsteht", "Projekt", "projekt",
         "testet", "erprobt", "eingeführt", "freigeschaltet", "aufgebaut", "zum Einsatz", NULL},
    };
    const size_t width = sizeof groups[0] / sizeof groups[0][0];
    int k = acting_authority(s);
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++)
        for (size_t i = 0; i < width && groups[g][i]; i++)
            if (strstr(s, groups[g][i])) {
                k += g > 0 || !k; /* an authority acting is the first group's */
                break;
            }
    return k;
}

/* is_protocol: minutes of a meeting: at least three agenda items ("TOP 1",
 * "TOP 2a)") opening a block, and the head of the minutes (who chaired,
 * who was there, who wrote them) or resolutions taken. */
static int is_protocol(const xclean *c)
{
    const char *s = c->s;
    size_t tops = 0;
    for (const char *p = s; (p = strstr(p, "TOP ")); p += 4)
        tops += (p == s || p[-1] == '\n' || p[-1] == ' ') && p[4] >= '0' && p[4] <= '9';
    int head = strstr(s, "Sitzungsleitung") || strstr(s, "Anwesende") ||
               strstr(s, "Teilnehmende") || strstr(s, "fasst folgenden Beschluss");
    return tops >= 3 && head;
}

/* count_ai: how often s names AI. "künstliche Intelligenz" in lower case
 * counts too: a text may name its centre "Kompetenzzentrum Künstliche
 * Intelligenz" once and speak of "künstlicher Intelligenz" elsewhere
 * ("Künstliche" counts "Künstlicher" once). A chatbot, a language model,
 * machine learning are AI by what they are, in a text that may never say
 * "KI" ("Der neue Bürgerservice Frag-den-Michel ist ein textbasiertes
 * Dialogsystem – ein Chatbot"). */
static size_t count_ai(const char *s)
{
    static const char *const ai_terms[] = {"Chatbot",
                                           "Sprachmodell",
                                           "Sprachassistent",
                                           "Language Model",
                                           "maschinelles Lern",
                                           "maschinellen Lern",
                                           "Maschinelles Lern",
                                           "Machine Learning",
                                           "Artificial Intelligence",
                                           "Deep Learning",
                                           "Deep-Learning",
                                           "neuronale Netz",
                                           "neuronaler Netz",
                                           NULL};
    size_t ki = count_str(s, "KI") + count_str(s, "Künstliche") + count_str(s, "künstliche");
    for (size_t i = 0; ai_terms[i]; i++)
        ki += count_term(s, ai_terms[i]);
    return ki;
}

/* lead_names_ai: s[0..n) names AI as a word: "KI" alone or opening a
 * compound ("KI-Projekt"), not in "KIEL" or "KITA"; "künstliche(n)
 * Intelligenz". */
static int lead_names_ai(const char *s, size_t n)
{
    for (size_t i = 0; i + 2 <= n; i++) {
        int before =
            i > 0 && ((s[i - 1] >= 'A' && s[i - 1] <= 'Z') || (s[i - 1] >= 'a' && s[i - 1] <= 'z'));
        int after = i + 2 < n &&
                    ((s[i + 2] >= 'A' && s[i + 2] <= 'Z') || (s[i + 2] >= 'a' && s[i + 2] <= 'z'));
        if (s[i] == 'K' && s[i + 1] == 'I' && !before && !after)
            return 1;
        if (i + 22 <= n && (memcmp(s + i, "ünstliche Intelligenz", 22) == 0 ||
                            (i + 23 <= n && memcmp(s + i, "ünstlichen Intelligenz", 23) == 0)))
            return 1;
    }
    return 0;
}

void xsegment(const xclean *c, xsegs *out)
{
    memset(out, 0, sizeof *out);
    const char *s = c->s;
    size_t tl = 0;
    while (tl < c->n && s[tl] != '\n' && tl < 300)
        tl++;
    out->title = xstrndup(s, tl);
    marker *m = NULL;
    size_t nm = land_markers(c, &m);
    if (nm)
        qsort(m, nm, sizeof *m, cmp_marker);
    if (nm >= 1) {
        out->kind = XDOC_LAND_REPORTS;
        xsection *cur = NULL;
        for (size_t i = 0; i < nm; i++) {
            if (cur && cur->land == m[i].land->code) /* "(HE) berichtet" after "HE gibt" */
                continue;
            if (cur)
                cur->end = m[i].at;
            cur = push(out);
            cur->land = m[i].land->code;
            cur->start = m[i].body;
        }
        if (cur)
            cur->end = c->n;
        free(m);
        return;
    }
    free(m);
    size_t titled;
    size_t measures = federal(c, out, &titled);
    if (measures >= 3 || (measures >= 2 && titled == measures)) {
        out->kind = XDOC_FEDERAL;
        return;
    }
    out->n = 0;
    if (is_protocol(c)) {
        out->kind = XDOC_PROTOCOL;
        xsection *x = push(out);
        x->start = 0;
        x->end = c->n;
        x->protocol = 1;
        return;
    }
    size_t ki = count_ai(s);
    int resolution = strstr(s, "folgenden Beschluss") || strstr(s, "Beschluss:");
    /* a text that speaks of AI again and again needs one cue only (a
     * project page of a state IT service names no minister and no money) */
    int cues = news_cues(s);
    int press = has_date(s, c->n) || cues >= 2 || (ki >= 5 && cues >= 1);
    /* "Die Bauhaus-Universität erhält für ein Projekt zur künstlichen
     * Intelligenz eine 20-Millionen-Euro-Förderung vom
     * Bundeswirtschaftsministerium": AI named once, in the lead, of news
     * with three kinds of cue is the subject */
    if (ki == 1 && cues >= 3)
        ki += lead_names_ai(s, c->n < 600 ? c->n : 600);
    if (c->n < 200 || ki < 2 || (!resolution && !press))
        return; /* XDOC_UNKNOWN: nothing to propose */
    out->kind = resolution ? XDOC_RESOLUTION : XDOC_PRESS;
    xsection *x = push(out);
    /* the heading belongs to the text: it often names the activity the
     * text then speaks of by a short word ("KI-Strategie M-V" above "die
     * KI-Strategie des Landes") */
    x->start = 0;
    x->end = c->n;
    x->land = dominant_land(c, &x->land_open);
    x->news = 1;
}

void xsegs_free(xsegs *s)
{
    free(s->title);
    free(s->a);
    memset(s, 0, sizeof *s);
}
