/* propose_merge.c: the names of a section merged into its activities
 * (step 1 of propose.c): the same title, an alias, a title contained in
 * another, "Dieser ..." renaming the activity before, "das
 * KI-Förderprogramm" taking up the activity before of the same kind, a
 * place or coined tail naming one again; and the Land of an activity
 * where it is not the section's. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/geo.h"
#include "extract/extract_int.h"
#include "extract/numbers.h"
#include "extract/propose_int.h"
#include "util/text.h"
#include "util/xalloc.h"

/* The Länder's names folded as xfold folds them ("baden-wuerttemberg")
 * and their codes in lower case ("bw"), built once: name_key runs for
 * every name and alias, and geo_land_find, which reads every spelling,
 * is too slow for each of their words. */
static char land_names[16][32], land_codes[16][3];
static pthread_once_t land_once = PTHREAD_ONCE_INIT;

static void build_land_keys(void)
{
    size_t nl;
    const geo_land *all = geo_laender(&nl);
    for (size_t i = 0; i < nl && i < 16; i++) {
        sbuf f = SBUF_INIT;
        xfold(&f, all[i].name, strlen(all[i].name));
        snprintf(land_names[i], sizeof land_names[i], "%s", sbuf_cstr(&f));
        sbuf_free(&f);
        land_codes[i][0] = (char)(all[i].abbr[0] - 'A' + 'a');
        land_codes[i][1] = (char)(all[i].abbr[1] - 'A' + 'a');
    }
}

/* land_key: the code of the Land whose folded name is the word w[0..l)
 * ("nrw" and "m-v", as texts write two codes, too), or NULL. A code of
 * two letters is its own key already. */
static const char *land_key(const char *w, size_t l)
{
    if (l == 3 && memcmp(w, "nrw", 3) == 0)
        return "nw";
    if (l == 3 && memcmp(w, "m-v", 3) == 0)
        return "mv";
    if (l < 5 || l > 22)
        return NULL;
    pthread_once(&land_once, build_land_keys);
    for (size_t i = 0; i < 16; i++)
        if (strlen(land_names[i]) == l && memcmp(w, land_names[i], l) == 0)
            return land_codes[i];
    return NULL;
}

/* punct_mark: p is at a mark of general punctuation (U+2000 to U+207F:
 * dashes, quotes „“”‘’, the bullet, the ellipsis): a separator between the
 * words of a key, never a letter. Reads no further than a NUL. */
static int punct_mark(const char *p)
{
    return (unsigned char)p[0] == 0xE2 &&
           ((unsigned char)p[1] == 0x80 || (unsigned char)p[1] == 0x81) && p[2] != '\0';
}

/* name_key: folded words with inflection endings cut, for telling that
 * "Sächsischer KI-Kongress" and "Sächsische KI-Kongress" are one. */
static char *name_key(const char *s, size_t n)
{
    sbuf f = SBUF_INIT, k = SBUF_INIT;
    xfold(&f, s, n);
    const char *p = sbuf_cstr(&f);
    while (*p) {
        while (*p && (!(text_is_alnum((unsigned char)*p) || *p == '-') || punct_mark(p)))
            p += punct_mark(p) ? 3 : 1;
        const char *a = p;
        while (*p && (text_is_alnum((unsigned char)*p) || *p == '-' || *p == '.') && !punct_mark(p))
            p++;
        size_t l = (size_t)(p - a);
        if (strspn(a, "-.") >= l)
            continue; /* "KI - Big Data" is "KI – Big Data" */
        /* "KI-Allianz Baden-Württemberg" and "KI-Allianz BW": a Land by
         * its code */
        const char *code = land_key(a, l);
        if (code) {
            if (k.len)
                sbuf_addc(&k, ' ');
            sbuf_add(&k, code, 2);
            continue;
        }
        for (int cut = 0; cut < 2 && l > 4 && strchr("ersnm", a[l - 1]); cut++)
            l--;
        /* "KI-Agenda in Rheinland-Pfalz" and "KI-Agenda Rheinland-Pfalz" */
        if (l == 2 && a[0] == 'i' && (a[1] == 'n' || a[1] == 'm') && k.len)
            continue;
        if (l > 7 && memcmp(a, "ki-", 3) == 0 && !memchr(a + 3, '-', l - 3)) {
            /* "KI-Aktionsplan" and "Aktionsplan Künstliche Intelligenz" */
            if (k.len)
                sbuf_addc(&k, ' ');
            sbuf_add(&k, a + 3, l - 3);
            sbuf_add(&k, " ki", 3);
        } else if (l) {
            if (k.len)
                sbuf_addc(&k, ' ');
            sbuf_add(&k, a, l);
        }
    }
    sbuf_free(&f);
    /* "Handlungsrahmen Künstliche Intelligenz" and "Handlungsrahmen KI"
     * are one name: the words are keyed as the abbreviation */
    static const char ki_long[] = "kuenstlich intelligenz"; /* "-e" cut above */
    char *r = sbuf_take(&k);
    for (char *q = r; (q = strstr(q, ki_long));) {
        size_t l = sizeof ki_long - 1;
        if ((q == r || q[-1] == ' ' || q[-1] == '-') && (q[l] == '\0' || q[l] == ' ')) {
            memcpy(q, "ki", 2);
            memmove(q + 2, q + l, strlen(q + l) + 1);
            q += 2;
        } else {
            q += l;
        }
    }
    /* "Zukunftszentrum für KI" and "Zukunftszentrum KI" */
    static const char fuer_ki[] = " fuer ki";
    for (char *q = r; (q = strstr(q, fuer_ki));) {
        size_t l = sizeof fuer_ki - 1;
        if (q[l] == '\0' || q[l] == ' ')
            memmove(q, q + 5, strlen(q + 5) + 1);
        else
            q += l;
    }
    return r;
}

/* bare_first_word: the text t opens with a word without a hyphen
 * ("Zentrum für KI"; "KI-Zentrum Nord", keyed "zentru ki nord", is no
 * short form of "KI-Kompetenzzentrum Nord"). */
static int bare_first_word(const char *t)
{
    for (; *t && *t != ' '; t++)
        if (*t == '-')
            return 0;
    return 1;
}

/* shortened_head: the key a is the key b with the first word cut to its
 * tail ("zentrum fuer ki" of "zukunftszentrum fuer ki"): a heading's
 * short form of the name the text gives in full. */
static int shortened_head(const char *a, const char *b)
{
    const char *sa = strchr(a, ' '), *sb = strchr(b, ' ');
    if (!sa || !sb)
        return 0;
    size_t la = (size_t)(sa - a), lb = (size_t)(sb - b);
    return la >= 5 && lb > la && memcmp(b + lb - la, a, la) == 0 && strcmp(sa, sb) == 0;
}

/* key_eq: two keys of the same words, a hyphen and a space alike ("KI
 * Starter" in a heading, "KI-Starter" in the text). */
static int key_eq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (*a != *b && !((*a == '-' || *a == ' ') && (*b == '-' || *b == ' ')))
            return 0;
    return *a == *b;
}

static int has_word(const char *k, const char *w)
{
    return xprop_has_word(k, w, strlen(w));
}

static int contains_words(const char *hay, const char *needle)
{
    size_t nl = strlen(needle), hl = strlen(hay);
    /* "Transferzentrum TOPAS" and "TOPAS": a head noun and a short name
     * are the name; the key of "KI-Sprachassistent LLMoin" has the "ki"
     * of its head apart ("sprachassistent ki llmoi") */
    if (nl >= 4 && nl < 6 && !strchr(needle, ' ') && hl > nl + 1 &&
        strcmp(hay + hl - nl, needle) == 0 && hay[hl - nl - 1] == ' ') {
        const char *sp = memchr(hay, ' ', hl - nl - 1);
        if (!sp || ((size_t)(sp - hay) + 4 == hl - nl && memcmp(sp, " ki ", 4) == 0))
            return 1;
    }
    if (nl < 6)
        return 0;
    /* a hyphen and a space alike: "Netzwerk AI-Matters in Stuttgart" holds
     * "Netzwerk AI Matters" */
    for (size_t i = 0; i + nl <= hl; i++) {
        if (i > 0 && hay[i - 1] != ' ') /* "Green-AI Lab" holds no "AI Lab" */
            continue;
        if (hay[i + nl] != '\0' && hay[i + nl] != ' ')
            continue;
        size_t k = 0;
        while (k < nl && (hay[i + k] == needle[k] || ((hay[i + k] == '-' || hay[i + k] == ' ') &&
                                                      (needle[k] == '-' || needle[k] == ' '))))
            k++;
        if (k == nl)
            return 1;
    }
    return 0;
}

static void add_alias(act *a, const char *s, size_t n)
{
    /* "(DriFT@HsH)" is the name DriFT@HsH; "Driver of ... (DriFT@HsH"
     * is a cut, no name a reader would search for */
    if (n > 2 && s[0] == '(' && s[n - 1] == ')')
        s++, n -= 2;
    size_t open = 0, close = 0;
    for (size_t i = 0; i < n; i++) {
        open += s[i] == '(';
        close += s[i] == ')';
    }
    if (open != close)
        return;
    char *al = xstrndup(s, n);
    int dup = strcmp(al, a->title) == 0;
    size_t i;
    json_t *v;
    json_array_foreach(a->aliases, i, v) dup |= strcmp(json_string_value(v), al) == 0;
    if (!dup && n > 1 && n <= 300 && json_array_size(a->aliases) < 8)
        json_array_append_new(a->aliases, json_string(al));
    free(al);
}

/* add_name_alias: the name s[0..n) as an alias of a, and the short form
 * in parentheses it ends with ("... in Westsachsen (K-M-I)": "K-M-I"),
 * which the text may use with a head ("Das Kompetenzzentrum K-M-I"). */
static void add_name_alias(act *a, const char *s, size_t n)
{
    add_alias(a, s, n);
    if (n < 5 || s[n - 1] != ')')
        return;
    size_t op = n - 1; /* the "(" of the closing ")" */
    while (op > 0 && s[op] != '(')
        op--;
    size_t l = n - 2 - op;
    if (op > 0 && s[op] == '(' && l >= 2 && l <= 12 && !memchr(s + op + 1, ' ', l) &&
        s[op + 1] >= 'A' && s[op + 1] <= 'Z')
        add_alias(a, s + op + 1, l);
}

/* add_mention: note that activity ai is named at pos; a second mention
 * at the same position is dropped when find_mentions sorts them. */
void xprop_add_mention(pctx *p, size_t pos, size_t ai)
{
    if (p->nm == p->capm) {
        p->capm = p->capm ? 2 * p->capm : 64;
        p->m = xrealloc(p->m, p->capm * sizeof *p->m);
    }
    p->m[p->nm] = (mention){pos, ai, p->nm};
    p->nm++;
}

size_t xprop_new_act(pctx *p, char *title, const char *kind, long sent, int plural)
{
    act *a = &p->acts[p->na];
    memset(a, 0, sizeof *a);
    a->title = title;
    a->key = name_key(title, strlen(title));
    a->kind = kind ? kind : "initiative";
    a->aliases = json_array();
    a->orgs = json_array();
    a->places = json_array();
    a->amounts = json_array();
    a->counts = json_array();
    a->years = json_array();
    a->first_sent = sent;
    char *nom = p->sec->measure || plural ? NULL : xnominative(title);
    if (nom) { /* the inflected form stays as an alias */
        json_array_append_new(a->aliases, json_string(title));
        free(a->title);
        a->title = nom;
    }
    return p->na++;
}

/* alias_keys: name_key of every alias of a, the new ones made now (the
 * names of a section are compared with every alias of every activity). */
static void alias_keys(act *a)
{
    size_t n = json_array_size(a->aliases);
    if (a->nakeys == n)
        return;
    a->akeys = xrealloc(a->akeys, n * sizeof *a->akeys);
    for (; a->nakeys < n; a->nakeys++) {
        json_t *v = json_array_get(a->aliases, a->nakeys);
        a->akeys[a->nakeys] = name_key(json_string_value(v), json_string_length(v));
    }
}

/* act_named: the activity whose title or an alias is s[0..n) as written;
 * SIZE_MAX if none. "landeseigenen KI-Sprachmodells („LLMoin“)" names
 * the LLMoin found before, "... Systems" (ELLIS) the ELLIS Unit. */
static size_t act_named(const pctx *p, const char *s, size_t n)
{
    for (size_t i = 0; i < p->na; i++) {
        const act *a = &p->acts[i];
        if (strlen(a->title) == n && memcmp(a->title, s, n) == 0)
            return i;
        size_t k;
        json_t *v;
        json_array_foreach(a->aliases, k, v) if (json_string_length(v) == n &&
                                                 memcmp(json_string_value(v), s, n) == 0) return i;
    }
    return SIZE_MAX;
}

/* count_in: how often t[0..tn) stands in the section's text. */
static size_t count_in(const pctx *p, const char *t, size_t tn)
{
    size_t k = 0;
    const char *e = p->s + p->sec->end;
    for (const char *q = p->s + p->sec->start; tn && q + tn <= e;) {
        const char *h = memchr(q, t[0], (size_t)(e - q));
        if (!h || h + tn > e)
            break;
        k += memcmp(h, t, tn) == 0;
        q = h + 1;
    }
    return k;
}

/* sep_run: the length of the run of separators (spaces, hyphens, dashes
 * "–" and "—") at t[i..n). */
static size_t sep_run(const char *t, size_t i, size_t n)
{
    size_t j = i;
    for (;;) {
        if (j < n && (t[j] == ' ' || t[j] == '-'))
            j++;
        else if (j + 2 < n && xw_long_dash(t + j))
            j += 3;
        else
            return j - i;
    }
}

/* same_words_more: the title and t[0..tn) differ only in the hyphens,
 * dashes or spaces between the same letters ("Künstliche Intelligenz -
 * Big Data" in a heading, "– Big Data" in the text), and t stands more
 * often in the text. */
static int same_words_more(const pctx *p, const char *title, const char *t, size_t tn)
{
    size_t i = 0, j = 0, tl = strlen(title);
    while (i < tl && j < tn) {
        size_t si = sep_run(title, i, tl), sj = sep_run(t, j, tn);
        if (si && sj) {
            i += si, j += sj;
            continue;
        }
        if (si || sj || title[i] != t[j])
            return 0;
        i++, j++;
    }
    if (i != tl || j != tn)
        return 0;
    return count_in(p, t, tn) > count_in(p, title, tl);
}

/* retitle: the name n says more than a's title: n becomes the title
 * and its key, the old title an alias. */
static void retitle(act *a, const char *s, const xname *n)
{
    json_array_append_new(a->aliases, json_string(a->title));
    free(a->title);
    a->title = xprop_title_of(s, n->a, n->b);
    free(a->key);
    a->key = name_key(a->title, strlen(a->title));
    free(a->squashed);
    a->squashed = NULL;
}

/* own_strategy_act: "eine landeseigene KI-Strategie": the Land's strategy
 * titled by the word and the Land ("KI-Strategie Schleswig-Holstein"), the
 * word an alias; a strategy of the section proposed already under its
 * own name ("Landesstrategie Künstliche Intelligenz") takes it as alias. */
static size_t own_strategy_act(pctx *p, const xname *n, long si)
{
    const char *s = p->s;
    const geo_land *l = geo_land_by_code(p->sec->land);
    /* a federal news text's own strategy is the Bund's (round 6);
     * elsewhere, whose strategy it is, the text does not say */
    int bund = !l && p->sec->news && !p->sec->land_open;
    if (!l && !bund)
        return SIZE_MAX;
    for (size_t i = 0; i < p->na; i++) {
        act *a = &p->acts[i];
        if (strcmp(a->kind, "strategy") != 0)
            continue;
        char *f = text_fold_dup(a->title);
        int strat = strstr(f, "strategie") != NULL;
        free(f);
        if (strat) {
            if (n->own == 1) /* a mere reference ("der KI-Strategie") is no other name */
                add_alias(a, s + n->a, n->b - n->a);
            return i;
        }
    }
    if (p->na >= MAX_ACTS)
        return SIZE_MAX;
    char *t =
        xasprintf("%.*s %s", (int)(n->b - n->a), s + n->a, l ? l->name : "der Bundesregierung");
    size_t ai = xprop_new_act(p, t, "strategy", si, 0);
    add_alias(&p->acts[ai], s + n->a, n->b - n->a);
    p->acts[ai].own = 1;
    return ai;
}

/* coined_alias: "Hessisches Zentrum für Künstliche Intelligenz
 * hessian.AI": a coined word (a capital or a dot inside, as in
 * "hessian.AI", "KI.Fabrik") at the end of a longer title is the short name
 * the text uses alone ("des Leuchtturmvorhabens hessian.AI, das vom Land
 * mit 38 Millionen Euro gefördert wird"): an alias. */
static void coined_alias(act *a)
{
    const char *t = a->title, *sp = strrchr(t, ' ');
    if (!sp || sp == t || strchr(t, ' ') == sp)
        return; /* three words at least */
    const char *w = sp + 1;
    size_t n = strlen(w), inner = 0, lower = 0;
    if (n < 4 || n > 40)
        return;
    for (size_t i = 1; i < n; i++) {
        inner += (w[i] >= 'A' && w[i] <= 'Z' && w[i - 1] != '-') || (w[i] == '.' && i + 1 < n);
        lower += w[i] >= 'a' && w[i] <= 'z';
    }
    if (inner && lower)
        add_alias(a, w, n);
}

/* same_purpose: "ein Maßnahmenpaket zur Stärkung der KI" in the lead,
 * "ein Maßnahmenpaket zur Förderung der KI" in the quote: a head named by
 * what it is for, said twice in other words, is one thing. The activity
 * whose title begins with the same word and "zur"/"zum", or SIZE_MAX. */
static size_t same_purpose(const pctx *p, const char *t, size_t n)
{
    const char *sp = memchr(t, ' ', n);
    if (!sp || sp - t < 8 || (size_t)(sp - t) + 5 > n ||
        !(memcmp(sp, " zur ", 5) == 0 || memcmp(sp, " zum ", 5) == 0))
        return SIZE_MAX;
    size_t hl = (size_t)(sp - t);
    for (size_t i = 0; i < p->na; i++) {
        const char *a = p->acts[i].title;
        if (strncmp(a, t, hl) == 0 &&
            (strncmp(a + hl, " zur ", 5) == 0 || strncmp(a + hl, " zum ", 5) == 0))
            return i;
    }
    return SIZE_MAX;
}

/* ki_compound_again: "KI-Zentrum" after "Zentrum für Künstliche
 * Intelligenz in Mecklenburg-Vorpommern": the compound of AI with a head
 * is the name that spells the head out with "für Künstliche Intelligenz"
 * (or the other way round, the spelled-out name after the compound). The
 * activity, or SIZE_MAX. */
static int ki_long_or_compound(const char *t, size_t n)
{
    if (n > 3 && memcmp(t, "KI-", 3) == 0)
        return 1;
    static const char lit[] = "nstliche Intelligenz";
    for (size_t i = 0; i + sizeof lit - 1 <= n; i++)
        if (t[i] == 'n' && memcmp(t + i, lit, sizeof lit - 1) == 0)
            return 1;
    return 0;
}

static size_t ki_compound_again(const pctx *p, const char *t, size_t n)
{
    /* only a compound of AI or a name with "Künstliche Intelligenz" can
     * be either side: most names are neither, and folding is dear */
    if (!ki_long_or_compound(t, n))
        return SIZE_MAX;
    char *raw = xstrndup(t, n), *f = text_fold_dup(raw);
    free(raw);
    size_t found = SIZE_MAX;
    for (size_t i = 0; i < p->na && found == SIZE_MAX; i++) {
        if (!ki_long_or_compound(p->acts[i].title, strlen(p->acts[i].title)))
            continue;
        char *g = text_fold_dup(p->acts[i].title);
        const char *c = f, *l = g; /* c: the compound, l: the long name */
        for (int round = 0; round < 2 && found == SIZE_MAX; round++) {
            if (round == 1) {
                c = g;
                l = f;
            }
            /* "KI-Zentrum in Rostock": the compound, then its place */
            const char *sp = strchr(c, ' ');
            size_t hl = sp ? (size_t)(sp - c) : strlen(c);
            if (sp && strncmp(sp, " in ", 4) != 0)
                continue;
            if (hl > 4 && strncmp(c, "ki-", 3) == 0) {
                const char *h = c + 3;
                size_t n3 = hl - 3;
                /* "des KI-Zentrums": the genitive's -s */
                for (int gen = 0; gen < 2 && found == SIZE_MAX; gen++) {
                    size_t m = n3 - (size_t)gen;
                    if ((gen == 0 || h[m] == 's') && strncmp(l, h, m) == 0 &&
                        strncmp(l + m, " fuer kuenstliche intelligenz", 29) == 0)
                        found = i;
                }
            }
        }
        free(g);
    }
    free(f);
    return found;
}

/* ai_strategy_owner: for a title of a strategy of AI ("KI-Strategie der
 * Bundesregierung", „Strategie Künstliche Intelligenz“, "KI-Strategie
 * Niedersachsen"), whose it is: "DE" for the Bund, a Land's code, the
 * section's owner where the title names none; NULL for any other title,
 * a foreign strategy, or a new version ("Fortschreibung der KI-Strategie"
 * is its own entry to people). */
static const char *ai_strategy_owner(pctx *p, const char *t, size_t n)
{
    static const char *const bund[] = {"bundes", "deutschland", "national", NULL};
    static const char *const other[] = {
        "europ", "eu-", " der eu", "fortschreibung", "frankreich", "china", "usa", "welche", NULL};
    sbuf f = SBUF_INIT;
    xfold(&f, t, n);
    const char *owner = NULL;
    if (f.len && strstr(f.s, "strategie") &&
        (strstr(f.s, "intelligenz") || strstr(f.s, "ki-") || strstr(f.s, " ki"))) {
        owner = p->sec->land ? p->sec->land : "DE";
        for (size_t k = 0; bund[k]; k++)
            if (strstr(f.s, bund[k]))
                owner = "DE";
        for (size_t k = 0; other[k] && owner; k++)
            if (strstr(f.s, other[k]))
                owner = NULL;
        const char *l = owner ? xprop_named_land(p->x->cache, t, 0, n) : NULL;
        if (l)
            owner = l;
    }
    sbuf_free(&f);
    return owner;
}

/* same_ai_strategy: "KI-Strategie der Bundesregierung" after „Strategie
 * Künstliche Intelligenz“ in a federal text: two names of one owner's
 * strategy of AI are one activity. One titled by the bare word ("der
 * KI-Strategie", own) takes the name as its title. The activity, or
 * SIZE_MAX. */
static size_t same_ai_strategy(pctx *p, const xname *n)
{
    if (!n->kind || strcmp(n->kind, "strategy") != 0)
        return SIZE_MAX;
    const char *owner = ai_strategy_owner(p, p->s + n->a, n->b - n->a);
    for (size_t i = 0; owner && i < p->na; i++) {
        act *a = &p->acts[i];
        const char *o = strcmp(a->kind, "strategy") == 0
                            ? ai_strategy_owner(p, a->title, strlen(a->title))
                            : NULL;
        if (!o || strcmp(o, owner) != 0)
            continue;
        if (a->own) {
            retitle(a, p->s, n);
            a->own = 0;
        } else {
            add_alias(a, p->s + n->a, n->b - n->a);
        }
        return i;
    }
    return SIZE_MAX;
}

/* same_head: the head nouns x[0..xl) and y[0..yl) are one word but for a
 * genitive ending ("Zentrum", "Zentrums"). */
static int same_head(const char *x, size_t xl, const char *y, size_t yl)
{
    if (xl > yl) {
        const char *t = x;
        x = y;
        y = t;
        size_t tl = xl;
        xl = yl;
        yl = tl;
    }
    return xl >= 4 && yl - xl <= 2 && memcmp(x, y, xl) == 0 &&
           (yl == xl || (y[xl] == 's' || (y[xl] == 'e' && yl - xl == 2 && y[xl + 1] == 's')));
}

/* place_again: the name n is a bare head and a place ("Besuch des
 * Zentrums in Rostock", "Eröffnung des Zentrums in Jena"): the activity
 * with that head named before, if any, spoken of again. */
static size_t place_again(pctx *p, const xname *n)
{
    const char *s = p->s;
    if (n->weak || n->head_b <= n->head_a || n->a != n->head_a || n->b <= n->head_b + 4 ||
        (memcmp(s + n->head_b, " in ", 4) != 0 && memcmp(s + n->head_b, " im ", 4) != 0))
        return SIZE_MAX;
    for (size_t i = 0; i < p->na; i++) {
        const act *a = &p->acts[i];
        const char *h = a->head ? a->head : a->title;
        size_t hl = a->head ? strlen(h) : strcspn(h, " ");
        if (same_head(h, hl, s + n->head_a, n->head_b - n->head_a))
            return i;
    }
    return SIZE_MAX;
}

/* plural_of_title: the bare name n is the plural of a word of the title
 * t ("regionalen KI-Labs" after "KI-Lab Kurpfalz"): the many, not the one
 * named; "des KI-Labs" is the genitive of the one. */
static int plural_of_title(const char *s, const xname *n, const char *t)
{
    size_t l = n->b - n->a;
    if (l < 4 || s[n->b - 1] != 's')
        return 0;
    /* the article before, over adjectives: "des neuen KI-Rechenzentrums" */
    size_t a = n->a;
    for (int adj = 0; adj < 3 && a >= 2 && s[a - 1] == ' '; adj++) {
        size_t w = a - 1;
        while (w > 0 && s[w - 1] != ' ' && s[w - 1] != '\n')
            w--;
        if ((a - 1 - w == 3 && memcmp(s + w, "des", 3) == 0) ||
            (a - 1 - w == 5 && memcmp(s + w, "eines", 5) == 0) ||
            (a - 1 - w == 6 && memcmp(s + w, "dieses", 6) == 0))
            return 0;
        if (!(s[w] >= 'a' && s[w] <= 'z'))
            break; /* no adjective: the article is not this one's */
        a = w;
    }
    for (const char *q = t; *q; q++) {
        if ((q == t || q[-1] == ' ') && strncmp(q, s + n->a, l - 1) == 0 &&
            (q[l - 1] == ' ' || q[l - 1] == '\0'))
            return 1;
    }
    return 0;
}

/* head_alike: the head of the bare name n may take up the activity a
 * ("das KI-Förderprogramm" after "Förderprogramm X"): their head nouns
 * end alike; "KI-Transfer-Hub" after "Außenstelle des ..." is another. */
static int head_alike(const pctx *p, const xname *n, const act *a)
{
    if (!a->head || n->head_b <= n->head_a)
        return 1;
    sbuf x = SBUF_INIT, y = SBUF_INIT;
    xfold(&x, p->s + n->head_a, n->head_b - n->head_a);
    xfold(&y, a->head, strlen(a->head));
    /* a genitive -s or -es off */
    for (int k = 0; k < 2; k++) {
        sbuf *b = k ? &y : &x;
        if (b->len > 5 && b->s[b->len - 1] == 's')
            b->len -= b->len > 6 && b->s[b->len - 2] == 'e' ? 2 : 1;
    }
    size_t l = x.len < y.len ? x.len : y.len;
    if (l > 4)
        l = 4;
    int alike = l >= 3 && memcmp(x.s + x.len - l, y.s + y.len - l, l) == 0;
    sbuf_free(&x);
    sbuf_free(&y);
    return alike;
}

/* carries_name: the sentence t[0..n) opens with a pronoun that names the
 * thing before ("Es trägt den Namen ", "Er trägt nun den Namen „"), no
 * other verb ("Sie bieten unter dem Namen ..." are other people). */
static int carries_name(const char *t, size_t n)
{
    static const char *const opens[] = {"Es trägt ",         "Er trägt ",
                                        "Sie trägt ",        "Es trägt nun ",
                                        "Er trägt nun ",     "Sie trägt nun ",
                                        "Es trägt fortan ",  "Er trägt fortan ",
                                        "Sie trägt fortan ", NULL};
    for (size_t i = 0; opens[i]; i++) {
        size_t l = strlen(opens[i]);
        if (n >= l + 10 && memcmp(t, opens[i], l) == 0 && memcmp(t + l, "den Namen ", 10) == 0)
            return 1;
    }
    return 0;
}

/* renamed: the name n follows "den (neuen, kürzeren) Namen" or "unter
 * dem Namen" ("die Nationale Initiative ..., die fortan den kürzeren
 * Namen Mission KI tragen soll"): the activity named before it in the
 * sentence, or in the one before when a pronoun opens this one, under a
 * new name; SIZE_MAX if none. */
static size_t renamed(const pctx *p, const xname *n, long si)
{
    const char *s = p->s;
    /* "... hat seine Arbeit aufgenommen. Es trägt den Namen „...“": a
     * pronoun carries the last activity over into the next sentence */
    int carried = si > 0 && p->last_si == si - 1 && carries_name(s + p->S[si].a, n->a - p->S[si].a);
    /* 13 bytes at least before the name: "den Namen „" */
    if ((p->last_si != si && !carried) || si < 0 || n->a < p->S[si].a + 13)
        return SIZE_MAX;
    size_t at = n->a; /* before an opening quote: "den Namen „K-M-I“" */
    if (memcmp(s + at - 3, "\xE2\x80\x9E", 3) == 0)
        at -= 3;
    else if (s[at - 1] == '"')
        at--;
    if (memcmp(s + at - 6, "Namen ", 6) != 0)
        return SIZE_MAX;
    /* the article within 24 bytes before "Namen" ("den neuen, kürzeren") */
    size_t from = at - 6 > p->S[si].a + 24 ? at - 30 : p->S[si].a;
    for (size_t i = from; i + 4 <= at - 6; i++)
        if ((memcmp(s + i, "den ", 4) == 0 || memcmp(s + i, "dem ", 4) == 0) &&
            (i == 0 || s[i - 1] == ' '))
            return p->last_act;
    return SIZE_MAX;
}

static size_t merge_name(pctx *p, const xname *n, long si, long cur);

/* xprop_merge_name: the activity the name n of sentence si is (an old one or a
 * new one); SIZE_MAX if it is none. */
size_t xprop_merge_name(pctx *p, const xname *n, long si, long cur)
{
    size_t ai = renamed(p, n, si);
    if (ai != SIZE_MAX)
        add_name_alias(&p->acts[ai], p->s + n->a, n->b - n->a);
    else
        ai = merge_name(p, n, si, cur);
    if (ai != SIZE_MAX) {
        p->last_act = ai;
        p->last_si = si;
    }
    return ai;
}

/* coined_after_description: n is one coined word (with "@", a dot or a
 * digit inside: "KI@MINT", "hessian.AI") and a's title is a description
 * of four words or more. */
static int coined_after_description(const pctx *p, const xname *n, const act *a)
{
    int coin = 0;
    for (size_t i = n->a; i < n->b; i++) {
        if (p->s[i] == ' ')
            return 0;
        coin |= i > n->a && i + 1 < n->b &&
                (p->s[i] == '@' || p->s[i] == '.' || (p->s[i] >= '0' && p->s[i] <= '9'));
    }
    size_t words = 1;
    for (const char *t = a->title; *t; t++)
        words += *t == ' ';
    return coin && words >= 4;
}

/* described_before: the description n ("das Netzwerk zum Startschuss
 * vom Land") speaks of the last activity named before it whose title or
 * an alias has its head ("Netzwerks KI.SH"), if one has; SIZE_MAX if
 * not. Its words become no alias: they name nothing. */
static size_t described_before(pctx *p, const xname *n)
{
    if (!n->described || n->head_b <= n->head_a)
        return SIZE_MAX;
    /* keyed as the names are ("Zentrums" and "Zentrum" alike), matched
     * as a whole word of the title or an alias ("Netzwerks KI.SH"); the
     * kind may differ (a coined name has none of its own) */
    char *h = name_key(p->s + n->head_a, n->head_b - n->head_a);
    /* "die PLAIN-Plattform" after "die Plattform PLAIN": the head is the
     * last part of the compound */
    char *dash = strrchr(h, '-');
    if (dash && dash[1] && !strchr(dash, ' '))
        memmove(h, dash + 1, strlen(dash + 1) + 1);
    size_t found = SIZE_MAX;
    for (size_t i = p->na; h[0] && i-- > 0 && found == SIZE_MAX;) {
        act *a = &p->acts[i];
        found = has_word(a->key, h) ? i : SIZE_MAX;
        alias_keys(a);
        for (size_t k = 0; k < a->nakeys && found == SIZE_MAX; k++)
            if (has_word(a->akeys[k], h))
                found = i;
    }
    free(h);
    return found;
}

/* the_current: the activity cur when the name n speaks of it (a weak
 * head of its kind, a demonstrative); SIZE_MAX if not. */
static size_t the_current(pctx *p, const xname *n, long cur)
{
    const char *s = p->s;
    if (cur < 0)
        return SIZE_MAX;
    act *a = &p->acts[cur];
    if (n->weak && strcmp(a->kind, n->kind ? n->kind : "") == 0 &&
        !plural_of_title(s, n, a->title) && head_alike(p, n, a))
        return (size_t)cur;
    if (n->demonstrative && coined_after_description(p, n, a)) {
        /* "das Projekt zur Verankerung von KI-Themen in der Lehre –
         * KI@MINT": the coined word is its name, the words describe it */
        retitle(a, s, n);
        return (size_t)cur;
    }
    if (n->demonstrative) {
        /* "Dieser Innovation Park Artificial Intelligence (IPAI)" */
        add_alias(a, s + n->a, n->b - n->a);
        if (n->alias_b > n->alias_a)
            add_alias(a, s + n->alias_a, n->alias_b - n->alias_a);
        return (size_t)cur;
    }
    return SIZE_MAX;
}

/* same_key: the activity whose key or an alias's key is the name's key
 * (keyed as names are) or holds it as whole words; SIZE_MAX if none. */
static size_t same_key(pctx *p, const xname *n, const char *key)
{
    const char *s = p->s;
    size_t found = SIZE_MAX;
    for (size_t i = 0; i < p->na && found == SIZE_MAX; i++) {
        act *a = &p->acts[i];
        /* "16 regionale KI-Labs" is not the one "KI-Lab Kurpfalz" */
        /* "12 regionale KI-Labs" after "regionalen KI-Labs" is the same */
        int plurals =
            n->plural && a->plural && (contains_words(a->key, key) || contains_words(key, a->key));
        if (key_eq(a->key, key) || plurals ||
            (!n->plural && !a->plural && !plural_of_title(s, n, a->title) &&
             (contains_words(a->key, key) || contains_words(key, a->key) ||
              (shortened_head(a->key, key) && bare_first_word(a->title)) ||
              (shortened_head(key, a->key) && bare_first_word(s + n->a)))))
            found = i;
        alias_keys(a);
        /* "BREMEN.AI" after "Transferzentrum für Künstliche Intelligenz"
         * with the alias "... BREMEN.AI": a coined word of an alias */
        int coin = !strchr(key, ' ') && strchr(key, '.');
        for (size_t k = 0; k < a->nakeys; k++)
            if (strcmp(a->akeys[k], key) == 0 ||
                (coin && !n->plural && !a->plural && contains_words(a->akeys[k], key)))
                found = i;
    }
    return found;
}

/* other_form: the activity the name n names in another form (a coined
 * tail, its alias, a count, squashed words, a purpose, a KI- compound
 * again); SIZE_MAX if none. */
static size_t other_form(pctx *p, const xname *n)
{
    const char *s = p->s;
    size_t len = n->b - n->a, found = xprop_same_coined_tail(p, s + n->a, len);
    if (found == SIZE_MAX)
        found = xprop_head_and_alias(p, s + n->a, len);
    if (found == SIZE_MAX && n->alias_b > n->alias_a)
        found = act_named(p, s + n->alias_a, n->alias_b - n->alias_a);
    if (found == SIZE_MAX && n->alias_b > n->alias_a)
        found = xprop_head_then(p, s + n->alias_a, n->alias_b - n->alias_a);
    if (found == SIZE_MAX)
        found = xprop_same_count(p, n);
    if (found == SIZE_MAX)
        found = xprop_same_squashed(p, s + n->a, len);
    if (found == SIZE_MAX)
        found = same_purpose(p, s + n->a, len);
    if (found == SIZE_MAX && !n->plural)
        found = ki_compound_again(p, s + n->a, len);
    return found;
}

/* new_from_name: a new activity named n in sentence si; SIZE_MAX when
 * there is no room for one. */
static size_t new_from_name(pctx *p, const xname *n, long si)
{
    const char *s = p->s;
    if (p->na >= MAX_ACTS)
        return SIZE_MAX;
    size_t found = xprop_new_act(p, xprop_new_title(p, n), n->kind, si, n->plural);
    act *a = &p->acts[found];
    add_alias(a, s + n->a, n->b - n->a); /* as written, if other */
    coined_alias(a);
    if (n->head_b > n->head_a)
        a->head = xstrndup(s + n->head_a, n->head_b - n->head_a);
    a->weak = n->weak;
    a->plural = n->plural;
    xprop_act_land(p, a, n, si);
    return found;
}

/* named_again: the activity a named once more by n: a title that says
 * more replaces a weak or own one, another spelling becomes an alias or,
 * used more often, the title. */
static void named_again(pctx *p, act *a, const xname *n)
{
    const char *s = p->s;
    if (a->weak && !n->weak && n->b - n->a > strlen(a->title)) {
        /* "der Digitalisierungsstrategie" then "Digitalisierungsstrategie
         * digital.LÄND": the name says more than the bare head */
        retitle(a, s, n);
        a->weak = 0;
    } else if (a->own && !n->own && !n->weak) {
        /* "der KI-Strategie" of the Bund, then its name „Strategie
         * Künstliche Intelligenz der Bundesregierung“ */
        retitle(a, s, n);
        a->own = 0;
    } else if (strlen(a->title) != n->b - n->a || memcmp(a->title, s + n->a, n->b - n->a) != 0) {
        /* "Förderformat „KI Starter“" as a heading, „KI-Starter“ in every
         * sentence: of two spellings of the same words the one the text
         * uses more often is the title */
        if (same_words_more(p, a->title, s + n->a, n->b - n->a)) {
            json_array_append_new(a->aliases, json_string(a->title));
            free(a->title);
            a->title = xprop_title_of(s, n->a, n->b);
            free(a->squashed);
            a->squashed = NULL;
        } else {
            add_alias(a, s + n->a, n->b - n->a);
        }
    }
}

static size_t merge_name(pctx *p, const xname *n, long si, long cur)
{
    const char *s = p->s;
    size_t found = the_current(p, n, cur);
    if (found != SIZE_MAX)
        return found;
    found = described_before(p, n); /* after the apposition: "ROBIN, das Lernzentrum" */
    if (found != SIZE_MAX)
        return found;
    if (n->own)
        return own_strategy_act(p, n, si);
    if ((found = place_again(p, n)) != SIZE_MAX)
        return found;
    char *key = name_key(s + n->a, n->b - n->a);
    found = same_key(p, n, key);
    free(key);
    if (found == SIZE_MAX)
        found = other_form(p, n);
    if (found == SIZE_MAX && (found = same_ai_strategy(p, n)) != SIZE_MAX)
        return found;
    if (found == SIZE_MAX) {
        if ((found = new_from_name(p, n, si)) == SIZE_MAX)
            return SIZE_MAX;
    } else {
        named_again(p, &p->acts[found], n);
    }
    if (n->alias_b > n->alias_a)
        add_alias(&p->acts[found], s + n->alias_a, n->alias_b - n->alias_a);
    if (p->acts[found].first_sent < 0)
        p->acts[found].first_sent = si;
    return found;
}
