/* propose_noise.c: the names that are no activity of the map (round 6
 * on): newspapers, parties, EU funds, technical terms, frame programmes
 * without AI, companies, questions, datelines, things abroad. One public
 * test, xprop_not_an_activity; propose_find.c asks it for every name. */
#include <string.h>

#include "extract/extract_int.h"
#include "extract/propose_int.h"
#include "util/sbuf.h"

/* last_word: the folded last word of the name f[0..fl) before a closing
 * quote and an abbreviation in parentheses ("large language model
 * (llm)" gives "model"), into w (size ws). */
static void last_word(const char *f, size_t fl, char *w, size_t ws)
{
    size_t e = fl;
    while (e > 0 && (f[e - 1] == '"' || f[e - 1] == ' ' || (unsigned char)f[e - 1] >= 0x80))
        e--;
    /* "(llm)", or "(llm" where the name ends before the parenthesis */
    const char *par = memchr(f, '(', e);
    if (par) {
        e = (size_t)(par - f);
        while (e > 0 && f[e - 1] == ' ')
            e--;
    }
    size_t b = e;
    while (b > 0 && f[b - 1] != ' ' && f[b - 1] != '"' && (unsigned char)f[b - 1] < 0x80)
        b--;
    size_t l = e - b < ws - 1 ? e - b : ws - 1;
    memcpy(w, f + b, l);
    w[l] = '\0';
}

static int in_list(const char *w, const char *const *v)
{
    for (; *v; v++)
        if (strcmp(w, *v) == 0)
            return 1;
    return 0;
}

/* press_name: the name is a newspaper's: its last word is one of a
 * newspaper's ("Augsburger Allgemeinen", "Heilbronner Stimme"), or a
 * word for the press stands right before it ("die Zeitung „X“"). A
 * source quoted, not an activity. */
static int press_name(const char *f, size_t fl, const char *before)
{
    static const char *const ends[] = {"allgemeine", "allgemeinen", "zeitung",     "stimme",
                                       "rundschau",  "anzeiger",    "kurier",      "tagblatt",
                                       "tageblatt",  "abendblatt",  "volksstimme", NULL};
    static const char *const press[] = {
        "zeitung", "zeitungen", "tageszeitung", "magazin", "blatt", "nachrichtenagentur", NULL};
    char w[32];
    last_word(f, fl, w, sizeof w);
    /* "Redaktionsnetzwerk Deutschland", a news agency */
    if (in_list(w, ends) || strstr(f, "redaktionsnetzwerk") || strstr(f, "nachrichtenagentur") ||
        strstr(f, "presseagentur") || strstr(f, "presse-agentur"))
        return 1;
    last_word(before, strlen(before), w, sizeof w);
    /* "die Zeitungen „Heilbronner Stimme“ und „Mannheimer Morgen“" */
    if ((strcmp(w, "und") == 0 || strcmp(w, "sowie") == 0) &&
        (strstr(before, "zeitungen ") || strstr(before, "magazine ")))
        return 1;
    return in_list(w, press);
}

/* eu_fund: the EU's funds ("Europäischer Fonds für Regionale
 * Entwicklung", EFRE, ESF) pay for activities of the Länder; they are
 * none themselves. */
static int eu_fund(const char *f, size_t fl)
{
    if (strncmp(f, "europaeische", 12) == 0 && (strstr(f, " fonds") || strstr(f, "sozialfonds")))
        return 1;
    return (fl == 4 && strcmp(f, "efre") == 0) || (fl == 3 && strcmp(f, "esf") == 0) ||
           (fl == 4 && strcmp(f, "eler") == 0);
}

/* has_head: a word of the name is a head noun of an activity. */
static int has_head(const char *s, const xname *n)
{
    xword *v;
    size_t nw = xwords(s, n->a, n->b, &v);
    int head = 0;
    for (size_t k = 0; k < nw && !head; k++) {
        int pl;
        head = xhead_kind(s + v[k].a, v[k].b - v[k].a, &pl) != NULL;
    }
    free(v);
    return head;
}

/* tech_term: an English technical term ("Large Language Model (LLM)",
 * "Natural Language Processing"): its last word is a word of the method,
 * and no word of it is a head noun of an activity ("Center for Machine
 * Learning" stays). */
static int tech_term(const char *f, size_t fl)
{
    static const char *const ends[] = {"model",   "models",     "learning", "processing",
                                       "vision",  "computing",  "networks", "system",
                                       "systems", "automation", NULL};
    char w[32];
    last_word(f, fl, w, sizeof w);
    static const char *const heads[] = {" for ",    " of ",     " the ",   "center",
                                        "centre",   "institut", "zentrum", "projekt",
                                        "programm", "platform", NULL};
    if (!in_list(w, ends))
        return 0;
    for (const char *const *h = heads; *h; h++)
        if (strstr(f, *h))
            return 0;
    return 1;
}

/* ends_any: the folded name f[0..fl) ends with one of ends. */
static int ends_any(const char *f, size_t fl, const char *const *ends)
{
    for (const char *const *e = ends; *e; e++) {
        size_t l = strlen(*e);
        if (fl >= l && memcmp(f + fl - l, *e, l) == 0)
            return 1;
    }
    return 0;
}

/* law: a regulation or act ("KI-VO", "KI-Verordnung", "AI Act"): the
 * frame of activities, not one of them. */
static int law(const char *f, size_t fl)
{
    static const char *const ends[] = {"-vo", "verordnung", "gesetz", " act", "-act", NULL};
    if (memchr(f, ' ', fl) && !(fl >= 4 && memcmp(f + fl - 4, " act", 4) == 0))
        return 0; /* "Kompetenzzentrum für die KI-Verordnung" */
    return ends_any(f, fl, ends);
}

/* role: a person's office ("L3S-Direktor", "Projektleiterin"). */
static int role(const char *f, size_t fl)
{
    static const char *const ends[] = {"direktor",   "direktorin",   "leiter", "leiterin",
                                       "praesident", "praesidentin", NULL};
    return ends_any(f, fl, ends);
}

/* frame_programme: a programme or strategy that names no AI and that the
 * sentence gives as the frame of what it tells ("Die Förderung ist Teil
 * der Strategie „Sachsen-Anhalt Digital 2030“", "Mittel ..., die über das
 * „Landesprogramm Wirtschaft“ verteilt werden"): not an activity of the
 * map. */
static int frame_programme(const char *s, const xname *n, const char *f, const char *before)
{
    static const char *const cues[] = {" teil der ", " teil des ", " ueber das ", " ueber den ",
                                       NULL};
    if (!n->kind || (strcmp(n->kind, "programme") != 0 && strcmp(n->kind, "strategy") != 0))
        return 0;
    size_t bl = strlen(before);
    /* the cue, then at most one word (the head noun: "Strategie") */
    for (const char *const *c = cues; *c; c++) {
        const char *q = strstr(before, *c);
        const char *last = NULL;
        while (q) {
            last = q;
            q = strstr(q + 1, *c);
        }
        if (!last)
            continue;
        const char *r = last + strlen(*c);
        size_t spaces = 0;
        for (const char *t = r; t < before + bl; t++)
            spaces += *t == ' ';
        if (spaces <= 1 && !xprop_speaks_of_ai(s, n->a, n->b) && !strstr(f, "artificial") &&
            !strstr(f, "intelligence"))
            return 1;
    }
    return 0;
}

/* plural_family: a quoted name right after a plural head noun names a
 * family of things ("die Kompetenzzentren „Mittelstand 4.0“"); one that
 * names no AI is no activity of the map. */
static int plural_family(const char *s, const xname *n, const char *before)
{
    if (n->rule != X_RULE_QUOTE || xprop_speaks_of_ai(s, n->a, n->b))
        return 0;
    char w[48];
    last_word(before, strlen(before), w, sizeof w);
    int plural = 0;
    return xhead_kind_folded(w, strlen(w), &plural) && plural;
}

/* last_space: where the last word of s[a..b) begins, less one ("Förderbank
 * AöR": the legal form may end the name itself); b for a name of one word. */
static size_t last_space(const char *s, size_t a, size_t b)
{
    for (size_t i = b; i > a; i--)
        if (s[i - 1] == ' ')
            return i - 1;
    return b;
}

/* legal_next: a legal form of an association or company right after the
 * name ("Deutsche Akademie der Technikwissenschaften e. V."): the name
 * is the organisation's even with a head noun of an activity. */
static int legal_next(const char *s, size_t b, size_t end)
{
    static const char *const forms[] = {" e. V.", " e.V.", " GmbH", " gGmbH", NULL};
    for (const char *const *q = forms; *q; q++) {
        size_t l = strlen(*q);
        if (b + l <= end && memcmp(s + b, *q, l) == 0)
            return 1;
    }
    return 0;
}

/* legal_form: a company's legal form follows the name within two words
 * ("der STRADIS Ingenieurgesellschaft mbH"): an organisation. */
static int legal_form(const char *s, size_t b, size_t end)
{
    static const char *const forms[] = {"GmbH", "mbH",  "gGmbH", "AG",   "KG",
                                        "SE",   "e.V.", "AöR",   "KdöR", NULL};
    size_t i = b, words = 0;
    while (i < end && words < 3) {
        while (i < end && (s[i] == ' ' || s[i] == '"' || (unsigned char)s[i] >= 0x80))
            i++;
        size_t e = i;
        while (e < end && s[e] != ' ' && s[e] != ',' && s[e] != ';')
            e++;
        size_t l = e - i;
        if (l && s[e - 1] == '.' && !(l == 4 && memcmp(s + i, "e.V.", 4) == 0))
            l--;
        for (const char *const *q = forms; *q; q++)
            if (l == strlen(*q) && memcmp(s + i, *q, l) == 0)
                return 1;
        if (e < end && (s[e] == ',' || s[e] == ';'))
            return 0;
        i = e;
        words++;
    }
    return 0;
}

/* party_name: "DIE LINKE", "LINKE", "Bündnis 90/Die Grünen": a party. */
static int party_name(const char *f)
{
    static const char *const v[] = {"linke", "die linke", "gruene",        "die gruenen",
                                    "cdu",   "csu",       "spd",           "fdp",
                                    "afd",   "bsw",       "freie waehler", NULL};
    return in_list(f, v) || strncmp(f, "buendnis 90", 11) == 0;
}

/* question_or_dateline: "Welche Strategie verfolgt das Land ...?" asks
 * for a thing; "MÜNCHEN. Mit der Hightech Agenda ..." says where a news
 * text was written. Neither names an activity. */
static int question_or_dateline(const pctx *p, const xname *n, const char *f)
{
    static const char *const asks[] = {"welche ", "welcher ", "welches ", "welchen ", NULL};
    for (const char *const *q = asks; *q; q++)
        if (strncmp(f, *q, strlen(*q)) == 0)
            return 1;
    if (!p->sec->news)
        return 0;
    for (size_t i = n->a; i < n->b; i++)
        if ((p->s[i] >= 'a' && p->s[i] <= 'z') || p->s[i] == '-')
            return 0; /* "KI-TIERWOHL – Smarte Technologien ...": a name */
    return xprop_dateline(p->s, n->a, n->b);
}

/* speech_fragment: a quoted piece of a sentence, not a name: it begins in
 * lower case and holds an infinitive with "zu" ("die Anwendung
 * \"ganzheitlich politisch zu gestalten\""). */
static int speech_fragment(const char *s, const xname *n, const char *f)
{
    size_t a = n->a;
    while (a < n->b && (s[a] == '"' || (unsigned char)s[a] == 0xE2 || (unsigned char)s[a] == 0x80 ||
                        (unsigned char)s[a] == 0x9E || (unsigned char)s[a] == 0x9A))
        a++;
    /* "Diese Position wollen wir nicht nur halten, wir werden sie ...":
     * a quoted sentence that speaks as "wir" */
    if (n->rule == X_RULE_QUOTE && (strstr(f, " wir ") || strncmp(f, "wir ", 4) == 0))
        return 1;
    if (a >= n->b || !(s[a] >= 'a' && s[a] <= 'z'))
        return 0;
    return strstr(f, " zu ") != NULL;
}

/* dative_inside: "Gutachterkommission dem Zentrum": a dative article
 * inside a name, after no preposition, joins two phrases of a clause; no
 * name is so made. */
static int dative_inside(const char *f)
{
    static const char *const preps[] = {"fuer", "mit", "von", "an", "auf", "in", "aus", "zu", "bei",
                                        "nach", "ueber", "unter", "vor", "gegen", "um", "durch",
                                        "neben", "zwischen",
                                        /* "in der Landwirtschaft ... und den Ländlichen Räumen":
                                         * the second of two objects of one preposition */
                                        "und", "sowie", "oder", NULL};
    for (const char *q = f; (q = strstr(q, " de")) != NULL; q++) {
        if (!(strncmp(q, " dem ", 5) == 0 || strncmp(q, " den ", 5) == 0))
            continue;
        const char *b = q;
        while (b > f && b[-1] != ' ')
            b--;
        char w[16];
        size_t l = (size_t)(q - b) < sizeof w - 1 ? (size_t)(q - b) : sizeof w - 1;
        memcpy(w, b, l);
        w[l] = '\0';
        if (!in_list(w, preps))
            return 1;
    }
    return 0;
}

/* abroad: the slogan of the federal strategy ("KI – Made in Germany";
 * "KI made in Hessen" is a Land's programme), the valley of California
 * ("ins Silicon Valley"; "Cyber Valley" is Tübingen's) or a thing of
 * another country ("Prestigeprojekt von
 * Frankreichs Präsident", "Weltkonferenz ... in Shanghai"): no activity of
 * a Land or the Bund. */
static int abroad(const char *f)
{
    static const char *const countries[] = {
        "frankreich", "china",  "usa",    "shanghai", "peking",          "japan",
        "kanada",     "israel", "indien", "amerika",  "grossbritannien", NULL};
    if (strstr(f, "made in germany") || strstr(f, "silicon valley"))
        return 1;
    for (const char *w = f; *w; w++) {
        if (w != f && w[-1] != ' ')
            continue;
        for (const char *const *c = countries; *c; c++) {
            size_t l = strlen(*c);
            if (strncmp(w, *c, l) == 0 && (w[l] == '\0' || w[l] == ' ' || w[l] == 's'))
                return 1;
        }
    }
    return 0;
}

/* european: the EU's, not a Land's or the Bund's: a name that begins with
 * "Europäisch..." or follows "europäische(n/s)" ("das europäische Netzwerk
 * für Künstliche Intelligenz", "Europäisches KI-Ökosystem"). */
static int european(const char *f, const char *before)
{
    char w[32];
    if (strncmp(f, "europaeisch", 11) == 0 || strncmp(f, "eu-", 3) == 0)
        return 1; /* "EU-AI Act", "EU-Kommission" */
    last_word(before, strlen(before), w, sizeof w);
    return strncmp(w, "europaeisch", 11) == 0;
}

/* partner_listed: the name at s[a..) stands in a list of partners ("in
 * Zusammenarbeit mit der RWTH Aachen, dem Lamarr-Institut, WestAI, dem
 * hessischen hessian.AI sowie ..."): between "gemeinsam mit",
 * "Zusammenarbeit mit", "Kooperation mit" and it only names, articles
 * and adjectives, each noun phrase parted from the one before by a comma,
 * "und" or "sowie" ("gemeinsam mit dem Ressort die Landes-KI-Strategie
 * verabschieden": the strategy is no partner). */
static int partner_listed(const char *s, size_t from, size_t a)
{
    static const char *const arts[] = {"der", "die", "das", "dem", "den", "des", NULL};
    size_t e = a;
    int sep = 0, need_sep = 0;
    for (int words = 0; e > from && words < 40; words++) {
        while (e > from && (s[e - 1] == ' ' || s[e - 1] == ',')) {
            sep |= s[e - 1] == ',';
            e--;
        }
        size_t b = e;
        while (b > from && s[b - 1] != ' ' && s[b - 1] != ',')
            b--;
        char w[32];
        size_t l = e - b < sizeof w - 1 ? e - b : sizeof w - 1;
        if (l == 0)
            return 0;
        memcpy(w, s + b, l);
        w[l] = '\0';
        e = b;
        if (strcmp(w, "mit") == 0) {
            while (b > from && s[b - 1] == ' ')
                b--;
            return (b >= from + 9 && memcmp(s + b - 9, "gemeinsam", 9) == 0) ||
                   (b >= from + 14 && memcmp(s + b - 14, "Zusammenarbeit", 14) == 0) ||
                   (b >= from + 10 && memcmp(s + b - 10, "ooperation", 10) == 0);
        }
        if (strcmp(w, "und") == 0 || strcmp(w, "sowie") == 0) {
            sep = 1;
            continue;
        }
        if (need_sep && !sep)
            return 0;
        need_sep = 0;
        sep = 0;
        if (in_list(w, arts))
            need_sep = 1; /* a noun phrase begins here */
        else if (w[0] >= 'a' && w[0] <= 'z' &&
                 !(l > 4 && (strcmp(w + l - 2, "en") == 0 || w[l - 1] == 'e')))
            return 0; /* a verb or another word of a clause */
        else if (w[l - 1] == '.' || w[l - 1] == ':')
            return 0; /* a sentence's end */
    }
    return 0;
}

/* not_an_activity: the name n (of the sentence sp) is a newspaper, a
 * party, an EU fund, a technical term, a frame programme without AI or a
 * company. */
int xprop_not_an_activity(const pctx *p, const xname *n, const xspan *sp)
{
    const char *s = p->s;
    if (n->b <= n->a || n->b - n->a > 200)
        return 0;
    sbuf f = SBUF_INIT, g = SBUF_INIT;
    size_t a = n->a;
    while (a < n->b && (s[a] == '"' || (unsigned char)s[a] == 0xE2)) {
        a += (unsigned char)s[a] == 0xE2 ? 3 : 1; /* an opening quote */
    }
    if (a >= n->b)
        a = n->a;
    xfold(&f, s + a, n->b - a);
    size_t from = n->a > sp->a + 48 ? n->a - 48 : sp->a;
    sbuf_add(&g, " ", 1); /* cues begin at a word */
    xfold(&g, s + from, n->a - from);
    /* the words before, without the opening quote */
    while (g.len > 0 && (g.s[g.len - 1] == ' ' || g.s[g.len - 1] == '"' ||
                         (unsigned char)g.s[g.len - 1] >= 0x80))
        g.s[--g.len] = '\0';
    sbuf_add(&g, " ", 1);
    /* "Das Programm „X“ fördert den Aufbau des ...": a programme without
     * AI funding what the sentence names next is its frame */
    int funds = 0;
    if (n->kind && strcmp(n->kind, "programme") == 0) {
        size_t e = n->b;
        while (e < sp->b && (s[e] == '"' || s[e] == ' ' || (unsigned char)s[e] >= 0x80))
            e++;
        static const char *const verbs[] = {"fördert ", "finanziert ", "unterstützt ", NULL};
        for (const char *const *v = verbs; *v && !funds; v++)
            funds = e + strlen(*v) <= sp->b && memcmp(s + e, *v, strlen(*v)) == 0;
        funds = funds && !xprop_speaks_of_ai(s, n->a, n->b);
    }
    int no = funds || party_name(f.s) || eu_fund(f.s, f.len) || press_name(f.s, f.len, g.s) ||
             tech_term(f.s, f.len) || law(f.s, f.len) || role(f.s, f.len) ||
             frame_programme(s, n, f.s, g.s) || plural_family(s, n, g.s) ||
             speech_fragment(s, n, f.s) || dative_inside(f.s) || european(f.s, g.s) ||
             question_or_dateline(p, n, f.s) || abroad(f.s) || (n->chairs && !p->sec->news) ||
             partner_listed(s, sp->a, n->a) ||
             legal_next(s, n->b, p->sec->end) || /* "e. V." may end a sentence */
             (legal_form(s, last_space(s, n->a, n->b), sp->b) &&
              !xprop_speaks_of_ai(s, n->a, n->b) && !has_head(s, n));
    sbuf_free(&f);
    sbuf_free(&g);
    return no;
}

/* shouted_in_heading: the word t[0..n) in capitals stands in a heading
 * of the section ("WORT:", or a line without a small letter). */
static int shouted_in_heading(const pctx *p, const char *t, size_t n)
{
    const char *s = p->s, *e = s + p->sec->end;
    for (const char *q = s + p->sec->start; (q = memchr(q, t[0], (size_t)(e - q))); q++) {
        if (q + n > e || memcmp(q, t, n) != 0)
            continue;
        if (q + n < e && q[n] == ':')
            return 1;
        const char *l0 = q, *l1 = q;
        while (l0 > s && l0[-1] != '\n')
            l0--;
        while (l1 < e && *l1 != '\n')
            l1++;
        int small = 0;
        for (const char *c = l0; c < l1 && !small; c++)
            small = *c >= 'a' && *c <= 'z';
        if (!small)
            return 1;
    }
    return 0;
}

int xprop_shouted(const pctx *p, const char *t)
{
    size_t n = strlen(t), upper = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t[i];
        if ((c >= 'a' && c <= 'z') || (c < 0x80 && !(c >= 'A' && c <= 'Z')))
            return 0; /* a lower-case letter, a digit, a space, a hyphen or a dot */
        upper += c >= 'A' && c <= 'Z';
    }
    if (n < 4 || upper < 3 || !shouted_in_heading(p, t, n))
        return 0;
    sbuf f = SBUF_INIT, g = SBUF_INIT;
    xfold(&f, t, n);
    const char *s = p->s, *e = s + p->sec->end;
    int low = 0;
    for (const char *q = s + p->sec->start; !low && (q = memchr(q, t[0], (size_t)(e - q))); q++) {
        int lower_next = (q[1] >= 'a' && q[1] <= 'z') ||
                         ((unsigned char)q[1] == 0xC3 && (unsigned char)q[2] >= 0xA0);
        if ((q > s && xprop_letter_byte(q[-1])) || q + n > e || !lower_next)
            continue;
        size_t l = 1;
        while (q + l < e && xprop_letter_byte(q[l]))
            l++;
        sbuf_reset(&g);
        xfold(&g, q, l);
        low = strcmp(sbuf_cstr(&f), sbuf_cstr(&g)) == 0;
    }
    sbuf_free(&f);
    sbuf_free(&g);
    return low;
}
