/* propose.c: the activities of one section as proposed entries.
 *
 * 1. Names (names.c) are gathered sentence by sentence and merged into
 *    activities (propose_merge.c): the same title, an alias, a title contained in another,
 *    "Dieser ..." renaming the activity before, or "das KI-Förderprogramm"
 *    taking up the activity before of the same kind.
 * 2. Every mention (title, alias, "das Zukunftszentrum") is located.
 * 3. Each fact (amount, count, year, place, organisation) goes to the
 *    mention nearest before it in its sentence; without one, to the first
 *    mention after it in the sentence ("2021 wurde Heilbronn als Standort
 *    für den Innovationspark KI ausgewählt": a sentence that names an
 *    activity speaks of it); else to the activity the text was speaking
 *    of (the last mentioned before).
 * 4. One proposal per activity: summary and source from the sentence that
 *    first names it (and the next one if that only continues it). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/entry.h"
#include "core/geo.h"
#include "extract/extract_int.h"
#include "extract/numbers.h"
#include "extract/propose_int.h"
#include "util/text.h"
#include "util/xalloc.h"

int xprop_letter_byte(char c)
{
    return (unsigned char)c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

/* A text that names an activity: its title, an alias, or its head noun
 * after an article ("das Zukunftszentrum"). */
typedef struct pattern {
    const char *w;
    size_t wl, act;
    int article;
    long next; /* the next pattern with the same first two bytes, -1 */
} pattern;

enum { PHASH = 4096 };

static size_t pair_hash(const char *s)
{
    return ((unsigned char)s[0] * 64u + (unsigned char)s[1]) & (PHASH - 1);
}

/* mention_at: whether pattern t names its activity at s[i] inside
 * sentence sp: whole words (a genitive -s/-es and a hyphenated tail
 * "HTA-Maßnahmen" allowed), with article only after one. */
static int mention_at(const pctx *p, const xspan *sp, size_t i, const pattern *t)
{
    const char *s = p->s;
    size_t wl = t->wl;
    if (i + wl > sp->b || (i > sp->a && xprop_letter_byte(s[i - 1])))
        return 0;
    size_t e = i + wl;
    if (e < sp->b && s[e] == 'e' && e + 1 < sp->b && s[e + 1] == 's')
        e += 2;
    else if (e < sp->b && s[e] == 's')
        e++;
    if (e < sp->b && xprop_letter_byte(s[e]))
        return 0;
    if (!t->article)
        return 1;
    static const char *const arts[] = {"das ", "Das ", "dem ", "des ",
                                       "die ", "Die ", "der ", "Der "};
    for (size_t k = 0; k < 8; k++)
        if (i >= sp->a + 4 && memcmp(s + i - 4, arts[k], 4) == 0)
            return 1;
    return 0;
}

/* find_all: the mentions of every activity's patterns in the section, in
 * one pass over its text (one search per title, alias and sentence was a
 * hot spot): the patterns are indexed by their first two bytes, and of
 * several at one position the one of the earlier activity counts. */
static void find_all(pctx *p, pattern *pt, size_t np)
{
    long first[PHASH];
    for (size_t h = 0; h < PHASH; h++)
        first[h] = -1;
    for (size_t k = np; k-- > 0;) { /* chains in the order of pt */
        size_t h = pair_hash(pt[k].w);
        pt[k].next = first[h];
        first[h] = (long)k;
    }
    const char *s = p->s;
    for (size_t si = 0; si < p->ns; si++) {
        const xspan *sp = &p->S[si];
        for (size_t i = sp->a; i + 2 <= sp->b; i++)
            for (long k = first[pair_hash(s + i)]; k >= 0; k = pt[k].next)
                if (i + pt[k].wl <= sp->b && memcmp(s + i, pt[k].w, pt[k].wl) == 0 &&
                    mention_at(p, sp, i, &pt[k]))
                    xprop_add_mention(p, i, pt[k].act);
    }
}

static int cmp_mention(const void *a, const void *b)
{
    const mention *x = a, *y = b;
    if (x->pos != y->pos)
        return (x->pos > y->pos) - (x->pos < y->pos);
    return (x->seq > y->seq) - (x->seq < y->seq);
}

static long sentence_of(const pctx *p, size_t pos)
{
    size_t lo = 0, hi = p->ns;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (p->S[mid].b <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < p->ns && p->S[lo].a <= pos ? (long)lo : -1;
}

/* same_block: sentence si, which names no activity, stands in the block
 * (paragraph, list item) where the activity spoken of was last named: a
 * new paragraph or item that names none speaks of something else ("Gut
 * 45 Millionen Euro hat das Land für Projekte bereitgestellt" after the
 * projects, the next item of a list of the Land's measures). */
static int same_block(const pctx *p, long si)
{
    long cur = p->cur_before[si];
    if (cur < 0)
        return 0;
    size_t last = SIZE_MAX;
    for (size_t i = 0; i < p->nm && p->m[i].pos < p->S[si].a; i++)
        if ((long)p->m[i].act == cur)
            last = p->m[i].pos;
    if (last == SIZE_MAX)
        return 0;
    const char *nl = memchr(p->s + last, '\n', p->S[si].a - last);
    if (!nl)
        return 1;
    /* "Künstliche Intelligenz zugänglich machen" / "... Die KI-Forschung
     * wird mit 20 Mio. Euro gestärkt.": the paragraph under a heading
     * line that names the activity is its paragraph */
    size_t ls = last;
    while (ls > p->sec->start && p->s[ls - 1] != '\n')
        ls--;
    size_t le = (size_t)(nl - p->s), after = le;
    while (after < p->S[si].a && (p->s[after] == '\n' || p->s[after] == ' '))
        after++;
    if (memchr(p->s + after, '\n', p->S[si].a - after))
        return 0; /* not the paragraph right under it */
    return le - ls <= 120 && le > ls && p->s[le - 1] != '.' && p->s[le - 1] != ':';
}

/* lead_for_next: sentence si opens its paragraph and names no activity;
 * the next sentence of the paragraph names one first: the lead speaks of
 * it ("Mit rund 18 Mio. Euro soll die KI-Forschung gestärkt werden. So
 * plant es die Landesregierung mit einer KI-Agenda ..."). -1: none. */
static long lead_for_next(const pctx *p, long si)
{
    size_t a = p->S[si].a;
    if ((size_t)si + 1 >= p->ns || (a > 0 && p->s[a - 1] != '\n' && si > 0 &&
                                    !memchr(p->s + p->S[si - 1].b, '\n', a - p->S[si - 1].b)))
        return -1;
    size_t b = p->S[si + 1].a;
    if (memchr(p->s + a, '\n', b - a))
        return -1;
    for (size_t i = 0; i < p->nm; i++)
        if (p->m[i].pos >= b && p->m[i].pos < p->S[si + 1].b)
            return (long)p->m[i].act;
    return -1;
}

/* described_kind: sentence si opens with "Für das Projekt", "Mit dem
 * Zentrum" (a preposition, a definite article and a bare head noun) while the activity spoken of
 * before is of another kind: the last activity of that kind named
 * before the sentence ("... Innovationspark Künstliche Intelligenz ...
 * unter dem Dach der KI-Strategie ... Für das Projekt werden 50
 * Millionen Euro bereitgestellt"). -1: none, or no other. */
static long described_kind(const pctx *p, long si)
{
    static const char *const defs[] = {"das", "dem", "des", "der", "die", "den", NULL};
    long cur = p->cur_before[si];
    const char *kind = NULL;
    /* it opens the sentence ("Das Projekt ..." is refers_back's) */
    for (size_t k = p->ws[si] + 1; k < p->ws[si + 1] && k <= p->ws[si] + 2 && !kind; k++)
        if (p->W[k].hk && !p->W[k].compound && !p->W[k].org && xw_in_list(p->s, &p->W[k - 1], defs))
            kind = p->W[k].hk;
    if (!kind || cur < 0 || strcmp(p->acts[cur].kind, kind) == 0)
        return -1;
    long last = -1;
    for (size_t i = 0; i < p->nm && p->m[i].pos < p->S[si].a; i++)
        if (strcmp(p->acts[p->m[i].act].kind, kind) == 0)
            last = (long)p->m[i].act;
    return last;
}

/* named_later: no activity is named before sentence si; the one the next
 * sentence of its paragraph names first ("Dresden wird Standort des ersten
 * Supercomputers ... Die Ministerin hat einen Förderbescheid über acht
 * Millionen Euro übergeben. „Wir erwarten, dass das Projekt SpiNNcloud
 * ..."): the text leads up to it. -1: none. */
static long named_later(const pctx *p, long si)
{
    if ((size_t)si + 1 >= p->ns)
        return -1;
    size_t b = p->S[si].b, e = p->S[si + 1].b;
    for (size_t i = 0; i < p->nm; i++) {
        if (p->m[i].pos < b)
            continue;
        return p->m[i].pos < e && !memchr(p->s + b, '\n', p->m[i].pos - b) ? (long)p->m[i].act : -1;
    }
    return -1;
}

/* headline_sum: sentence si is the text's heading (its first line, short,
 * no full stop) and names nothing: "Fünf Millionen Euro für
 * Schleswig-Holsteins KI-Forschung" is the sum of the activity the text
 * names first. -1: none. */
static long headline_sum(const pctx *p, long si)
{
    size_t a = p->S[si].a, b = p->S[si].b;
    if (si != 0 || p->nm == 0 || b - a > 120 || b >= p->sec->end || p->s[b] == '.' ||
        p->s[b - 1] == '.' || !memchr(p->s + b, '\n', p->sec->end - b > 3 ? 3 : p->sec->end - b))
        return -1;
    size_t first = 0;
    for (size_t i = 1; i < p->nm; i++)
        if (p->m[i].pos < p->m[first].pos)
            first = i;
    return (long)p->m[first].act;
}

/* refers_back: the sentence si opens by pointing back ("Damit stünden
 * zunächst acht Millionen Euro zur Verfügung", "Dafür ...") or with a
 * definite article and a head noun of the kind of the activity spoken of
 * before ("Das Verbundprojekt wird mit fünf Millionen Euro gefördert"). */
static int refers_back(const pctx *p, long si)
{
    static const char *const back[] = {"Damit ", "Dafür ", "Hierfür ", "Hierzu ", NULL};
    static const char *const arts[] = {"Das ",    "Der ",   "Die ", "Dieses ",
                                       "Dieser ", "Diese ", NULL};
    long cur = p->cur_before[si];
    const char *s = p->s + p->S[si].a;
    size_t n = p->S[si].b - p->S[si].a;
    if (cur < 0)
        return 0;
    for (const char *const *b = back; *b; b++)
        if (n > strlen(*b) && memcmp(s, *b, strlen(*b)) == 0)
            return 1;
    for (const char *const *a = arts; *a; a++) {
        size_t l = strlen(*a);
        if (n <= l || memcmp(s, *a, l) != 0)
            continue;
        const char *e = memchr(s + l, ' ', n - l);
        size_t wl = e ? (size_t)(e - s) - l : n - l;
        int plural;
        const char *kind = xhead_kind(s + l, wl, &plural);
        return kind && !plural && strcmp(kind, p->acts[cur].kind) == 0;
    }
    return 0;
}

/* in_frame: the mention at mp follows "als Teil des", "im Rahmen der" or
 * the like: the frame of what the sentence tells of the activity named
 * before it ("BIFOLD wird als Teil des Bund-Länder-Förderprogramms ...
 * gefördert und erhält jährlich 22 Millionen Euro"), unless a relative
 * clause between the frame and the fact at pos speaks of the frame ("...
 * Teil des KI-Netzwerks Süd, das vom Land mit 5 Millionen Euro gefördert
 * wird"). */
static int in_frame(const char *s, size_t sa, size_t mp, size_t pos)
{
    static const char *const frames[] = {"Teil des ",    "Teil der ",   "Rahmen des ",
                                         "Rahmen der ",  "Rahmen von ", "Mitteln des ",
                                         "Mitteln der ", "Teil eines ", NULL};
    static const char *const rel[] = {", das ", ", die ",     ", der ",     ", dem ",
                                      ", den ", ", für das ", ", für die ", NULL};
    int frame = 0;
    for (const char *const *f = frames; *f && !frame; f++) {
        size_t l = strlen(*f);
        frame = mp >= sa + l && memcmp(s + mp - l, *f, l) == 0;
    }
    for (const char *const *r = rel; *r && frame; r++) {
        size_t l = strlen(*r);
        for (size_t k = mp; k + l <= pos && frame; k++)
            frame = memcmp(s + k, *r, l) != 0;
    }
    return frame;
}

/* xprop_owner: the activity a fact at pos belongs to (see the top). -1: none. */
long xprop_owner(const pctx *p, size_t pos)
{
    if (p->sec->measure == 1)
        return p->na ? 0 : -1;
    long si = sentence_of(p, pos);
    if (si < 0)
        return -1;
    long best = -1, after = -1, frame = -1;
    for (size_t i = 0; i < p->nm; i++) {
        size_t mp = p->m[i].pos;
        if (mp < p->S[si].a || mp >= p->S[si].b)
            continue;
        if (mp > pos) {
            if (after < 0)
                after = (long)p->m[i].act;
        } else if (best >= 0 && in_frame(p->s, p->S[si].a, mp, pos)) {
            frame = (long)p->m[i].act; /* its other mentions too ("... der KI-Strategie") */
        } else if ((long)p->m[i].act != frame) {
            best = (long)p->m[i].act;
        }
    }
    if (best >= 0)
        return best;
    if (after >= 0)
        return after;
    /* a sentence of a federal measure that names nothing speaks of it */
    if (p->sec->measure)
        return 0;
    /* in a report the blocks are lines of a PDF as often as paragraphs */
    if (!p->sec->news)
        return p->cur_before[si];
    long kin = described_kind(p, si);
    if (kin >= 0)
        return kin;
    if (same_block(p, si))
        return p->cur_before[si];
    long next = lead_for_next(p, si);
    if (next < 0 && p->cur_before[si] < 0)
        next = named_later(p, si);
    if (next < 0 && p->cur_before[si] < 0)
        next = headline_sum(p, si);
    return next >= 0 ? next : refers_back(p, si) ? p->cur_before[si] : -1;
}

int xprop_json_has_str(const json_t *a, const char *key, const char *v)
{
    size_t i;
    json_t *o;
    json_array_foreach(a, i, o)
    {
        const json_t *x = key ? json_object_get(o, key) : o;
        if (json_is_string(x) && strcmp(json_string_value(x), v) == 0)
            return 1;
    }
    return 0;
}

/* stated_before: the array of amounts a holds one of eur with the same
 * per_year, from and to: a sum said twice ("rund 38 Millionen Euro" in
 * the lead and again in the body) is one amount, not two to add up. (Two
 * equal sums for two parts of one activity become one too; a sum said
 * again is far more common.) */
static int stated_before(const json_t *a, double eur, int per_year, int from, int to)
{
    size_t i;
    json_t *o;
    json_array_foreach(a, i, o)
    {
        if (json_real_value(json_object_get(o, "eur")) == eur &&
            json_is_true(json_object_get(o, "per_year")) == (per_year != 0) &&
            json_integer_value(json_object_get(o, "from")) == from &&
            json_integer_value(json_object_get(o, "to")) == to)
            return 1;
    }
    return 0;
}

/* turnover: the amount ending at s[e] is what firms earn ("mehr als 43
 * Milliarden Euro Umsatz"), not money for an activity. */
static int turnover(const char *s, size_t e, size_t end)
{
    while (e < end && s[e] == ' ')
        e++;
    static const char *const words[] = {"Umsatz", "Umsätze", "Jahresumsatz", NULL};
    for (const char *const *w = words; *w; w++)
        if (end - e >= strlen(*w) && memcmp(s + e, *w, strlen(*w)) == 0)
            return 1;
    return 0;
}

static void attach_numbers(pctx *p)
{
    num_list nl;
    size_t base = p->sec->start;
    num_scan(p->s + base, p->sec->end - base, &nl);
    for (size_t i = 0; i < nl.n_amounts; i++) {
        const num_amount *am = &nl.amounts[i];
        long o = xprop_owner(p, base + am->start);
        if (o < 0 || !(am->eur > 0) || am->eur > 1e13 ||
            json_array_size(p->acts[o].amounts) >= 12 ||
            turnover(p->s, base + am->end, p->sec->end))
            continue;
        int from = am->from >= 1900 && am->from <= 2100 ? am->from : 0;
        int to = am->to >= 1900 && am->to <= 2100 ? am->to : 0;
        if (from && to && from > to)
            from = to = 0;
        if (stated_before(p->acts[o].amounts, am->eur, am->per_year, from, to))
            continue;
        json_t *j = json_pack("{sfsb}", "eur", am->eur, "per_year", am->per_year);
        json_object_set_new(j, "from", from ? json_integer(from) : json_null());
        json_object_set_new(j, "to", to ? json_integer(to) : json_null());
        json_object_set_new(j, "text", json_stringn(am->text, strnlen(am->text, 199)));
        json_array_append_new(p->acts[o].amounts, j);
    }
    for (size_t i = 0; i < nl.n_counts; i++) {
        const num_count *c = &nl.counts[i];
        long o = xprop_owner(p, base + c->start);
        if (o < 0 || !c->of[0] || c->n < 0 || json_array_size(p->acts[o].counts) >= 12)
            continue;
        json_array_append_new(p->acts[o].counts,
                              json_pack("{sIss}", "n", (json_int_t)c->n, "of", c->of));
    }
    for (size_t i = 0; i < nl.n_years; i++) {
        long o = xprop_owner(p, base + nl.years[i].start);
        int y = nl.years[i].year;
        if (o >= 0 && y >= 1900 && y <= 2100 && json_array_size(p->acts[o].years) < 20)
            json_array_append_new(p->acts[o].years, json_integer(y));
    }
    num_list_free(&nl);
}

/* The text that classifies one activity is the sentences that name it
 * and those after them up to the next named activity, at most about this
 * many bytes: in the shipped reports it is at most 3.5 KB; the sentences
 * of a long tail after the last activity of a section (a report followed
 * by other matter) say nothing about it. */
#define CTX_MAX 4096

/* add_ctx: the sentence sp to the text that classifies activity a. */
static void add_ctx(act *a, const char *s, const xspan *sp)
{
    if (a->ctx.len >= CTX_MAX)
        return;
    sbuf_add(&a->ctx, s + sp->a, sp->b - sp->a);
    sbuf_addc(&a->ctx, ' ');
}

static void find_mentions(pctx *p)
{
    size_t np = 0, cap = 0;
    pattern *pt = NULL;
    for (size_t ai = 0; ai < p->na; ai++) {
        act *a = &p->acts[ai];
        size_t k, na = json_array_size(a->aliases);
        if (np + na + 2 > cap) {
            cap = 2 * (np + na + 2);
            pt = xrealloc(pt, cap * sizeof *pt);
        }
        pt[np++] = (pattern){a->title, strlen(a->title), ai, 0, -1};
        json_t *v;
        json_array_foreach(a->aliases, k, v) pt[np++] =
            (pattern){json_string_value(v), json_string_length(v), ai, 0, -1};
        if (a->head && strchr(a->title, ' '))
            pt[np++] = (pattern){a->head, strlen(a->head), ai, 1, -1};
    }
    size_t npat = 0; /* a mention needs two bytes */
    for (size_t k = 0; k < np; k++)
        if (pt[k].wl >= 2)
            pt[npat++] = pt[k];
    find_all(p, pt, npat);
    free(pt);
    if (p->nm) { /* qsort on a NULL array is undefined even for 0 items */
        qsort(p->m, p->nm, sizeof *p->m, cmp_mention);
        size_t u = 0; /* one mention a position: the one found first */
        for (size_t i = 0; i < p->nm; i++)
            if (!u || p->m[u - 1].pos != p->m[i].pos)
                p->m[u++] = p->m[i];
        p->nm = u;
    }
    p->cur_before = xmalloc((p->ns + 1) * sizeof *p->cur_before);
    long cur = -1;
    size_t mi = 0;
    for (size_t si = 0; si < p->ns; si++) {
        p->cur_before[si] = cur;
        int any = 0;
        while (mi < p->nm && p->m[mi].pos < p->S[si].b) {
            if (p->m[mi].pos >= p->S[si].a) {
                cur = (long)p->m[mi].act;
                if (!any || p->acts[cur].first_sent > (long)si)
                    add_ctx(&p->acts[cur], p->s, &p->S[si]);
                any = 1;
            }
            mi++;
        }
        if (!any && cur >= 0)
            add_ctx(&p->acts[cur], p->s, &p->S[si]);
    }
}

/* land_of_own_places: in a text that names no Land decisively (a
 * Bremen motion that names Hamburg's LLMoin beside its own LLM), the Land
 * of the places the activity itself has, if they lie in one; else NULL. */
static const char *land_of_own_places(const act *a)
{
    const char *land = NULL;
    size_t i;
    json_t *pl;
    json_array_foreach(a->places, i, pl)
    {
        const char *l = json_string_value(json_object_get(pl, "land"));
        if (!l || (land && strcmp(land, l) != 0))
            return NULL;
        land = l;
    }
    return land;
}

static char *summary_text(const char *s, size_t a, size_t b)
{
    sbuf t = SBUF_INIT;
    if (b > a)
        sbuf_add(&t, s + a, b - a);
    for (size_t i = 0; i < t.len; i++)
        if (t.s[i] == '\n')
            t.s[i] = ' ';
    return sbuf_take(&t);
}

static json_t *proposal(pctx *p, act *a, size_t ai)
{
    const xsection *sec = p->sec;
    long fs = a->first_sent >= 0 ? a->first_sent : 0;
    size_t sa, sb;
    if (sec->measure) {
        long first = p->ns > 1 ? 1 : 0;
        sa = p->S[first].a;
        sb = p->S[first].b;
        if (first + 1 < (long)p->ns && p->S[first + 1].b - sa <= 500)
            sb = p->S[first + 1].b;
    } else {
        sa = p->S[fs].a;
        sb = p->S[fs].b;
        int next_own = fs + 1 < (long)p->ns && p->cur_before[fs + 1] == (long)ai;
        for (size_t i = 0; i < p->nm && next_own; i++)
            next_own = !(p->m[i].pos >= p->S[fs + 1].a && p->m[i].pos < p->S[fs + 1].b);
        if (next_own && p->S[fs + 1].b - sa <= 450)
            sb = p->S[fs + 1].b;
    }
    if (sb - sa > 1500)
        sb = sa + 1500;
    while (sb > sa && ((unsigned char)p->s[sb] & 0xC0) == 0x80)
        sb--;
    size_t os, oe;
    xclean_span(p->x->c, sa, sb, &os, &oe);
    char *sum = summary_text(p->s, sa, sb);
    json_t *fields = json_array(), *targets = json_array();
    int given = sec->measure && sec->field >= 0;
    if (given)
        json_array_append_new(fields, json_string(xfield_slug(sec->field)));
    /* one folding of the context for both */
    xclassify(a->ctx.s ? a->ctx.s : "", a->ctx.len, given ? NULL : fields, targets);
    json_t *j = json_pack("{sssOss}", "title", a->title, "aliases", a->aliases, "kind", a->kind);
    const char *land = a->own_land ? a->land : sec->land;
    if (!land && !a->own_land && sec->land_open)
        land = land_of_own_places(a);
    if (land)
        json_object_set_new(j, "land", json_string(land));
    if (sec->nmin) {
        json_t *mins = json_array();
        for (int i = 0; i < sec->nmin; i++)
            if (!xprop_json_has_str(mins, NULL, sec->ministries[i]))
                json_array_append_new(mins, json_string(sec->ministries[i]));
        json_object_set_new(j, "ministries", mins);
    }
    json_object_set(j, "organisations", a->orgs);
    json_object_set_new(j, "summary", json_string(sum));
    json_object_set(j, "places", a->places);
    json_object_set_new(j, "fields", fields);
    json_object_set_new(j, "target_groups", targets);
    json_object_set(j, "amounts", a->amounts);
    json_object_set(j, "counts", a->counts);
    json_object_set(j, "years", a->years);
    json_object_set_new(j, "status", json_string(p->x->status));
    json_object_set_new(j, "source",
                        json_pack("{sssIsIss}", "document", p->x->document, "start", (json_int_t)os,
                                  "end", (json_int_t)oe, "quote", sum));
    free(sum);
    return j;
}

/* measure_act: a federal measure is one activity; its title is the text
 * after "BMBF: " without quotes and a trailing "(März 2020)". */
static void measure_act(pctx *p)
{
    const char *s = p->s;
    size_t a = p->sec->tstart, b = p->sec->tend;
    while (b > a && s[b - 1] == ' ')
        b--;
    if (b > a && s[b - 1] == ')') {
        const char *o = NULL;
        for (size_t i = a; i < b; i++)
            if (s[i] == '(')
                o = s + i;
        if (o && (size_t)(o - s) > a + 3 && strpbrk(o, "0123456789") &&
            strpbrk(o, "0123456789") < s + b)
            b = (size_t)(o - s);
    }
    sbuf t = SBUF_INIT;
    for (size_t i = a; i < b; i++) {
        if (b - i >= 3 &&
            (memcmp(s + i, "\xE2\x80\x9E", 3) == 0 || memcmp(s + i, "\xE2\x80\x9C", 3) == 0)) {
            i += 2;
            continue;
        }
        if (s[i] != '"')
            sbuf_addc(&t, s[i]);
    }
    while (t.len && t.s[t.len - 1] == ' ')
        t.s[--t.len] = '\0';
    if (!t.len) {
        sbuf_free(&t);
        return;
    }
    const char *kind = NULL;
    xword *w;
    size_t nw = xwords(t.s, 0, t.len, &w);
    for (size_t i = 0; i < nw && !kind; i++) {
        int plural;
        kind = xhead_kind(t.s + w[i].a, w[i].b - w[i].a, &plural);
    }
    free(w);
    size_t ai = xprop_new_act(p, sbuf_take(&t), kind ? kind : "initiative", 0, 0);
    for (size_t si = 0; si < p->ns; si++)
        sbuf_addf(&p->acts[ai].ctx, "%.*s ", (int)(p->S[si].b - p->S[si].a), s + p->S[si].a);
}

/* ai_named: the title names AI itself: a word KI or AI, a compound with
 * it ("KI-Campus", "Taskforce-KI"), "Künstliche Intelligenz" in any case,
 * "Artificial Intelligence"; and it is no conference of ministers (the
 * bodies whose minutes these are). */
static int ai_named(const char *title)
{
    char *f = text_fold_dup(title);
    int ai = 0;
    for (char *w = strtok(f, " „“\"()/,.:;"); w && !ai; w = strtok(NULL, " „“\"()/,.:;")) {
        size_t l = strlen(w);
        ai = strcmp(w, "ki") == 0 || strcmp(w, "ai") == 0 || strncmp(w, "ki-", 3) == 0 ||
             (l > 3 && strcmp(w + l - 3, "-ki") == 0) || strncmp(w, "kuenstlich", 10) == 0 ||
             strcmp(w, "artificial") == 0;
    }
    free(f);
    if (ai) {
        char *g = text_fold_dup(title);
        ai = !strstr(g, "ministerkonferenz");
        free(g);
    }
    return ai;
}

/* ai_field: the title names AI or a field of it ("Berliner Zentrum für
 * Maschinelles Lernen", "Civic Data Lab"). */
static int ai_field(const char *title)
{
    if (ai_named(title))
        return 1;
    char *f = text_fold_dup(title);
    static const char *const fields[] = {"maschinell", "lernend",    "learning",     "data",
                                         "daten",      "intelligen", "robot",        "kognitiv",
                                         "cognitive",  "chatbot",    "sprachmodell", "sprachassist",
                                         NULL};
    int yes = 0;
    for (size_t i = 0; fields[i] && !yes; i++)
        yes = strstr(f, fields[i]) != NULL;
    free(f);
    return yes;
}

/* coined: a word of the title of three letters or more has capitals
 * inside ("ScaDS", "ELLIS", "Plattform PLAIN"): the text's own short
 * name of a thing. */
static int coined(const char *title)
{
    for (const char *w = title; *w;) {
        size_t l = strcspn(w, " "), caps = 0;
        for (size_t i = 1; i < l; i++) /* "Mittelstand-Digital" is two words */
            caps += w[i] >= 'A' && w[i] <= 'Z' && w[i - 1] != '-';
        if (l >= 3 && caps >= 1)
            return 1;
        w += l;
        w += *w == ' ';
    }
    return 0;
}

/* generic_word: t is one word that names a kind of thing and no one
 * thing ("KI-Software", "KI-Modell", "Institut"); the annotated reports
 * name "KI-Strategie", "KI-Zentrum", "KI-Campus" so, never these. */
static int generic_word(const char *t)
{
    if (strchr(t, ' '))
        return 0;
    char *f = text_fold_dup(t);
    const char *r = strncmp(f, "ki-", 3) == 0 ? f + 3 : f;
    static const char *const things[] = {
        "projekt",   "software",     "modell",      "assistent",     "assistenten",
        "assistenz", "sprachmodell", "basismodell", "infrastruktur", "tool",
        "system",    "anwendung",    "app",         "chatbot",       "loesung",
        "community", "professur",    "institut",    "fabrik",        "graduiertenkolleg",
        NULL};
    /* "Ankerprojekte", "Pilotprojekte": projects in the plural, none */
    size_t fl = strlen(f);
    if (fl > 10 && strcmp(f + fl - 8, "projekte") == 0) {
        free(f);
        return 1;
    }
    /* "KI-Modells": the genitive of one (and "KI-Tools", "KI-Apps": the
     * plural of some) */
    size_t rl = strlen(r), gl = rl > 2 && r[rl - 1] == 's' ? (r[rl - 2] == 'e' ? 2 : 1) : 0;
    int g = 0;
    for (size_t i = 0; things[i] && !g; i++)
        g = strcmp(r, things[i]) == 0 ||
            (gl && strlen(things[i]) == rl - gl && memcmp(r, things[i], rl - gl) == 0) ||
            (gl == 2 && strlen(things[i]) == rl - 1 && memcmp(r, things[i], rl - 1) == 0);
    free(f);
    return g;
}

/* committee: a standing committee of a parliament ("Ausschuss für
 * Digitalisierung und Datenschutz", "Fachausschuss für Verkehr"): it
 * debates the activities and is none unless its name says AI. */
static int committee(const char *t)
{
    char *f = text_fold_dup(t);
    size_t l = strcspn(f, " ");
    int c = (l >= 9 && memcmp(f + l - 9, "ausschuss", 9) == 0) ||
            (l >= 11 && memcmp(f + l - 11, "ausschusses", 11) == 0);
    free(f);
    return c && !ai_named(t);
}

/* ai_adjective_title: the title opens with an adjective of AI
 * ("KI-basierter Chatbot", "KI-gestützte Software zur Analyse",
 * "KI-fähige Recheninfrastruktur"): words that describe a thing; rounds
 * 15 to 20 held seven such proposals and no activity titled so that was
 * found. */
static int ai_adjective_title(const char *t)
{
    size_t l = strcspn(t, " ");
    if (l < 6 || memcmp(t, "KI-", 3) != 0 || !(t[3] >= 'a' && t[3] <= 'z') ||
        strncmp(t + 3, "und", 3) == 0 || strstr(t, "\xE2\x80\x9E") || strchr(t, '"'))
        return 0; /* a quoted noun names the thing: "KI-gestütztes „Risikomanagementsystem“" */
    static const char *const ends[] = {"e", "er", "es", "en", NULL};
    for (size_t i = 0; ends[i]; i++) {
        size_t e = strlen(ends[i]);
        if (l > e && memcmp(t + l - e, ends[i], e) == 0)
            return 1;
    }
    return 0;
}

/* field_phrase: t names a field of AI and nothing in it ("Maschinelles
 * Lernen (ML)" after "im Bereich"). */
static int field_phrase(const char *t)
{
    static const char *const fields[] = {"kuenstliche intelligenz",
                                         "maschinelles lernen",
                                         "machine learning",
                                         "deep learning",
                                         "artificial intelligence",
                                         "data science",
                                         "big data",
                                         "ki",
                                         "ai",
                                         "ml",
                                         NULL};
    char *f = text_fold_dup(t);
    int yes = 0;
    for (size_t i = 0; fields[i] && !yes; i++)
        yes = strcmp(f, fields[i]) == 0;
    free(f);
    return yes;
}

/* memmem_digital: "digital" stands in w[0..l) */
static int memmem_digital(const char *w, size_t l)
{
    for (size_t i = 0; i + 7 <= l; i++)
        if (memcmp(w + i, "digital", 7) == 0)
            return 1;
    return 0;
}

/* names_ai_or_coined: the title or an alias of a says AI or a field of it,
 * or the title coins a word. */
static int names_ai_or_coined(const act *a)
{
    if (ai_field(a->title) || coined(a->title))
        return 1;
    size_t k;
    json_t *v;
    json_array_foreach(a->aliases, k, v) if (ai_field(json_string_value(v))) return 1;
    return 0;
}

/* digital_frame: a programme, strategy or offensive of digitalisation
 * whose names say nothing of AI and coin no word, its head or every word
 * after it saying "digital" ("Förderlinie Digitalisierung",
 * "Digitaloffensive des Landes", not "Förderlinie Digitale
 * Assistenzsysteme"): the frame a text names beside its AI activities. */
static int digital_frame(const act *a)
{
    static const char *const owners[] = {"des", "der", "landes", "bundes", NULL};
    if ((strcmp(a->kind, "programme") != 0 && strcmp(a->kind, "strategy") != 0 &&
         strcmp(a->kind, "initiative") != 0) ||
        names_ai_or_coined(a))
        return 0;
    char *f = text_fold_dup(a->title);
    size_t hl = strcspn(f, " ");
    int head = memmem_digital(f, hl), rest = f[hl] != '\0';
    for (char *w = f + hl; *w && rest;) {
        while (*w == ' ')
            w++;
        size_t l = strcspn(w, " ");
        int owner = 0;
        for (size_t i = 0; owners[i] && !owner; i++)
            owner = strlen(owners[i]) == l && memcmp(w, owners[i], l) == 0;
        rest = !l || owner || memmem_digital(w, l);
        w += l;
    }
    free(f);
    return head || rest;
}

/* generic: the activity's title and every alias are generic words, it
 * is a parliament's committee, or its title opens with an adjective of
 * AI. */
static int generic(const act *a)
{
    if (committee(a->title))
        return 1;
    if (field_phrase(a->title)) {
        size_t k;
        json_t *v;
        json_array_foreach(a->aliases, k, v) if (!field_phrase(json_string_value(v))) return 0;
        return 1;
    }
    if (ai_adjective_title(a->title)) { /* unless another name of it is no description */
        size_t k;
        json_t *v;
        json_array_foreach(a->aliases, k,
                           v) if (!ai_adjective_title(json_string_value(v))) return 0;
        return 1;
    }
    if (!generic_word(a->title))
        return 0;
    size_t k;
    json_t *v;
    json_array_foreach(a->aliases, k, v) if (!generic_word(json_string_value(v))) return 0;
    return 1;
}

/* merely_mentioned: a centre, body, network or education offer whose name
 * (title or alias) says neither AI nor a field of it, whose title has no
 * coined word, and whose sentences neither found, fund, open, develop nor
 * plan it: an institution the text names beside the activities. */
static int merely_mentioned(const pctx *p, const act *a)
{
    if (!(strcmp(a->kind, "centre") == 0 || strcmp(a->kind, "body") == 0 ||
          strcmp(a->kind, "network") == 0 || strcmp(a->kind, "education") == 0))
        return 0;
    if (names_ai_or_coined(a))
        return 0;
    static const char *const verbs[] = {"gründ",     "eröffne",   "förder",    "gestartet",
                                        "startet",   "aufgebaut", "aufbau",    "eingerichtet",
                                        "einricht",  "entsteh",   "neue",      "geplant",
                                        "soll",      "Millionen", "Euro",      "ins Leben",
                                        "initiiert", "Start",     "entwickel", NULL};
    /* the sentences it is spoken of in, and the one that named it */
    sbuf c = SBUF_INIT;
    if (a->ctx.len)
        sbuf_add(&c, a->ctx.s, a->ctx.len);
    if (a->first_sent >= 0 && (size_t)a->first_sent < p->ns)
        sbuf_add(&c, p->s + p->S[a->first_sent].a, p->S[a->first_sent].b - p->S[a->first_sent].a);
    int said = 0;
    for (size_t i = 0; verbs[i] && !said; i++)
        said = strstr(sbuf_cstr(&c), verbs[i]) != NULL;
    sbuf_free(&c);
    return !said;
}

size_t xpropose(xctx *x, const xsection *sec)
{
    pctx p = {0};
    p.last_si = -1;
    p.x = x;
    p.sec = sec;
    p.s = x->c->s;
    p.ns = xsentences(p.s, sec->start, sec->end, &p.S);
    p.acts = xcalloc(MAX_ACTS, sizeof *p.acts);
    xnames orgs = {0};
    size_t n = 0;
    if (p.ns == 0)
        goto done;
    xprop_words_of_sentences(&p);
    if (sec->measure)
        measure_act(&p);
    if (sec->measure == 1) {
        p.cur_before = xcalloc(p.ns + 1, sizeof *p.cur_before);
    } else {
        xprop_find_acts(&p, &orgs);
        find_mentions(&p);
    }
    attach_numbers(&p);
    xprop_attach_places(&p, &orgs);
    xprop_attach_orgs(&p, &orgs);
    for (size_t i = 0; i < p.na; i++) {
        if (sec->protocol && !ai_named(p.acts[i].title))
            continue; /* minutes: only clearly named AI activities */
        if (sec->news && (merely_mentioned(&p, &p.acts[i]) || generic(&p.acts[i]) ||
                          entry_vocab_find(ENTRY_VOCAB_MINISTRY, p.acts[i].title) ||
                          xprop_shouted(&p, p.acts[i].title) || digital_frame(&p.acts[i])))
            continue;
        json_array_append_new(x->props, proposal(&p, &p.acts[i], i));
        n++;
    }
done:;
    for (size_t i = 0; i < p.na; i++) {
        act *a = &p.acts[i];
        free(a->title);
        free(a->key);
        free(a->head);
        free(a->squashed);
        for (size_t k = 0; k < a->nakeys; k++)
            free(a->akeys[k]);
        free(a->akeys);
        json_decref(a->aliases);
        json_decref(a->orgs);
        json_decref(a->places);
        json_decref(a->amounts);
        json_decref(a->counts);
        json_decref(a->years);
        sbuf_free(&a->ctx);
    }
    xnames_free(&orgs);
    free(p.acts);
    free(p.m);
    free(p.S);
    free(p.cur_before);
    free(p.W);
    free(p.ws);
    return n;
}
