/* extract_int.h: private to src/extract. The parts of the importer
 * (clean.c, segment.c, classify.c, propose.c, extract.c) and their unit
 * tests; nothing outside src/extract and tests/ includes this. */
#ifndef KL_EXTRACT_INT_H
#define KL_EXTRACT_INT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "core/geo.h"
#include "extract/extract.h"
#include "util/sbuf.h"

/* ---- clean.c: PDF noise out, with a map back to the original ----------
 *
 * The clean text is the document as blocks (paragraphs, headings, list
 * items) separated by '\n'; inside a block words are separated by one
 * space. Dropped: bullet glyphs, Markdown markers (#, **, link targets),
 * lone page numbers, header/footer lines repeated three times or more,
 * soft hyphens. Words split at a line end are joined ("Verwaltungs-" +
 * "organisation"); a hyphen before an upper-case word stays ("KI-" +
 * "Vorhaben" = "KI-Vorhaben"). In a text whose line breaks became spaces
 * the same holds for "Verwaltungs- organisation".
 *
 * The map is a piece table: piece k says that the clean bytes from
 * cstart[k] up to cstart[k+1] come from the original bytes starting at
 * ostart[k], one to one. A separator the cleaner put in (a space for a
 * line break) is a piece of its own that points at the line break. */
typedef struct xclean {
    char *s;        /* clean text, NUL-terminated; owned */
    size_t n;       /* its length */
    size_t orig_n;  /* length of the original text */
    size_t *cstart; /* piece starts in the clean text; owned */
    size_t *ostart; /* and in the original; owned */
    size_t npieces, cap;
    int reflowed; /* line breaks became spaces, words split "beein- flusst" */
} xclean;

/* xclean_run: clean text[0..n) into *c (release with xclean_free). */
void xclean_run(const char *text, size_t n, xclean *c);
void xclean_free(xclean *c);

/* xclean_orig: the original offset of clean offset pos (pos == c->n gives
 * the original length). */
size_t xclean_orig(const xclean *c, size_t pos);

/* xclean_span: the original span [*os, *oe) of the clean span [cs, ce). */
void xclean_span(const xclean *c, size_t cs, size_t ce, size_t *os, size_t *oe);

/* ---- segment.c: kind of document and its sections --------------------- */
typedef enum {
    XDOC_UNKNOWN,
    XDOC_LAND_REPORTS,
    XDOC_FEDERAL,
    XDOC_RESOLUTION,
    XDOC_PRESS,
    XDOC_PROTOCOL,
} xdoc_kind;

#define X_MAX_MIN 6

typedef struct xsection {
    size_t start, end;   /* body in the clean text */
    const char *land;    /* "DE-BY"; NULL for the Bund */
    int field;           /* federal: 0..11 (Handlungsfeld 2.1..2.12); -1 */
    int measure;         /* 1: the section is one federal measure; 2: one whose
                            text names further activities (a title, a line of
                            ministries, prose) */
    int protocol;        /* 1: minutes of a meeting (see segment.c) */
    int news;            /* 1: a press release or resolution: its blocks are paragraphs */
    int land_open;       /* news naming no Land: the Land of its places decides (extract.c) */
    size_t tstart, tend; /* measure: its title in the clean text */
    const char *ministries[X_MAX_MIN]; /* static vocabulary slugs */
    int nmin;
} xsection;

typedef struct xsegs {
    xdoc_kind kind;
    char *title; /* owned; "" if none */
    xsection *a;
    size_t n, cap;
} xsegs;

/* xsegment: find the kind and the sections of the clean text c. */
void xsegment(const xclean *c, xsegs *out);
void xsegs_free(xsegs *s);

/* ---- classify.c: kind, fields and target groups by keyword rules ------ */

/* xhead_kind: if the word w[0..n) (as written) ends in a head noun of an
 * activity ("KI-Produktionsnetzwerk", "Zentrum", "Förderprogramms"),
 * return the kind slug and set *plural to 1 for plural forms; else NULL. */
const char *xhead_kind(const char *w, size_t n, int *plural);

/* xhead_check: how many heads of the table its own index does not find
 * (0 unless the table outgrew the index); for the unit tests. */
size_t xhead_check(void);
/* xhead_kind_folded: the same for a word folded already (f[0..fl)). */
const char *xhead_kind_folded(const char *f, size_t fl, int *plural);
/* xhead_kind_gender: the same, with the head's grammatical gender ('m',
 * 'f', 'n', 'p') and how many bytes of genitive ending (-s: 1, -es: 2)
 * the word has after the stem. */
const char *xhead_kind_gender(const char *f, size_t fl, int *plural, char *gender, size_t *gen);

/* xhead_is_org: 1 if w[0..n) names an organisation rather than an activity
 * (Universität, Institut, Ministerium, Forschungszentrum ...). */
int xhead_is_org(const char *w, size_t n);
/* xhead_is_org_folded: the same for a folded, NUL-terminated word. */
int xhead_is_org_folded(const char *f);

/* xadj_land: the Land code whose adjective ("bayerische",
 * "nordrhein-westfälischen") the folded word f[0..fl) is, or NULL. */
const char *xadj_land(const char *f, size_t fl);

/* xnominative: "Bayerischen KI-Rates" -> "Bayerischer KI-Rat": a title
 * whose adjectives of a clear pattern (-isch-, -al- with an ending) stand
 * before a head noun, in the nominative without article (the ending by the
 * head's gender, no genitive -s/-es); NULL if there is no such form or the
 * title is in it already. Caller frees. */
char *xnominative(const char *t);

/* xclassify: append to fields and targets (JSON arrays of slugs) the
 * Handlungsfelder and target groups that text[0..n) speaks of. */
void xclassify(const char *text, size_t n, json_t *fields, json_t *targets);

/* xfield_slug: the slug of Handlungsfeld i (0..11), or NULL. */
const char *xfield_slug(int i);

/* ---- names_words.c, names.c: sentences, words, names ------------------ */
typedef struct xspan {
    size_t a, b;
} xspan;

/* A word: the token [ts, te) between spaces and its core [a, b) without
 * quotes, parentheses and trailing punctuation, with marks of what was
 * stripped. */
typedef struct xword {
    size_t ts, te, a, b;
    unsigned qopen : 1, qclose : 1, popen : 1, pclose : 1, punct : 1, cap : 1;
    /* set by xwords_mark, from the core folded once: */
    unsigned plural : 1, org : 1, compound : 1, namelike : 1, allcaps : 1, camel : 1;
    /* the quote is a single one (‚…‘): it closes no double „…“ */
    unsigned qsingle_open : 1, qsingle_close : 1;
    const char *hk; /* head kind (capitalised words only) or NULL */
} xword;

/* xsentences, xwords: the sentences (blocks split at sentence ends, not
 * after abbreviations, numbers or inside „quotes“) and the words of
 * s[a..e). *out: caller frees. Return the count. */
size_t xsentences(const char *s, size_t a, size_t e, xspan **out);
size_t xwords(const char *s, size_t a, size_t e, xword **out);

/* A cache of what xwords_mark found for a capitalised word, for one run:
 * a report uses its nouns again and again. */
typedef struct xwcache xwcache;
xwcache *xwcache_new(void);
void xwcache_free(xwcache *c);

/* xwords_mark: fold each word's core once and note its head kind, whether
 * it names an organisation, a "KI-"/"Digital" compound, and name_like.
 * tmp: scratch; cache: may be NULL. */
void xwords_mark(const char *s, xword *w, size_t nw, sbuf *tmp, xwcache *cache);

/* Tests of one word for names.c (names_words.c). xw_eq: the word is lit
 * exactly; xw_in_list: it is one of the NULL-ended list; xw_name_like:
 * it looks like part of a name (capitalised, not a common word; *all_caps
 * set when it is in capitals); xw_not_a_name: s[a..b) is a phrase that
 * names nothing; xw_is_digit: c is an ASCII digit. */
int xw_eq(const char *s, const xword *w, const char *lit);
int xw_in_list(const char *s, const xword *w, const char *const *list);
int xw_name_like(const char *s, const xword *w, int *all_caps);
int xw_not_a_name(const char *s, size_t a, size_t b);
/* xw_phrase_word: a phrase made one word by hyphens, a small word inside
 * ("Frag-den-Michel", "Wir-für-Hamburg"): a coined name. */
int xw_phrase_word(const char *s, const xword *w);
int xw_is_digit(char c);
/* xw_closing_quote: s opens with a closing double quote (“ or ”); it
 * reads no further than a NUL. */
int xw_closing_quote(const char *s);
/* xw_long_dash: s opens with a dash "–" or "—"; it reads no further
 * than a NUL. */
int xw_long_dash(const char *s);

enum { X_RULE_QUOTE = 1, X_RULE_ABBR, X_RULE_HEAD, X_RULE_CAPS };

/* A name found in a sentence: the span [a, b) in the clean text, an alias
 * span (the abbreviation) if any, the kind its head noun gives (may be
 * NULL), and marks: org (an organisation, not an activity), weak (only an
 * article and a compound head: "das KI-Reallabor"), demonstrative ("Dieser
 * Innovation Park ..." renames the activity before), repeat (a quoted
 * phrase that is a name only if the section quotes it again: „KI made in
 * Hessen“). */
typedef struct xname {
    size_t a, b, pos;
    size_t alias_a, alias_b;
    size_t head_a, head_b;
    const char *kind;
    int org, rule, weak, demonstrative;
    int repeat;    /* a quote that names something only if quoted again */
    int own;       /* a Land's own strategy named by the bare word ("eine
                    * landeseigene KI-Strategie"): propose.c adds the Land; 2:
                    * only referred to ("zur Umsetzung der KI-Strategie") */
    int plural;    /* a plural programme of centres ("16 regionale KI-Labs") */
    int described; /* a bare head after a definite article, no name in its
                    * words ("das Netzwerk zum Startschuss vom Land") */
    int chairs;    /* counted or new professorships of AI ("zehn KI-Professuren"):
                    * the news of a press release, a figure in a report */
} xname;

typedef struct xnames {
    xname *v;
    size_t n, cap;
} xnames;

typedef struct xpcache xpcache;

/* xnames_find: append the names in the sentence whose words (marked by
 * xwords_mark) are w[0..nw) to r, in the order of the text. Names found
 * by two rules are joined there: a description and the coined name in
 * parentheses after it, a head and its quoted label, a name inside a
 * quote; two names with only a dash between them are marked as one
 * (demonstrative). cache: for the Länder asked about (may be NULL). */
void xnames_find(const char *s, const xword *w, size_t nw, xpcache *cache, xnames *r);
void xnames_free(xnames *r);
/* xnames_add: a new name s[a..b) of kind found by rule at pos appended to
 * r (org: an organisation); the name, owned by r, valid until the next
 * append. */
xname *xnames_add(xnames *r, int org, size_t a, size_t b, const char *kind, int rule, size_t pos);

/* Cues about a name for names.c (names_cues.c): each is described at its
 * definition; w is a sentence's words, s the text, indexes are words. */
extern const char *const xn_articles[], *const xn_connectors[], *const xn_indefinite[];
/* xn_stop_caps: capitalised words that open a sentence or a fixed phrase,
 * never a name's part ("Im", "Januar", "Rahmen"); xn_demonstratives:
 * "Dieser", "diese" ... (names.c). */
extern const char *const xn_stop_caps[], *const xn_demonstratives[];
/* xn_join: the names r->v[from..] of one sentence, found by the rules
 * one by one, joined where two are one thing, the emptied and inner ones
 * dropped, in the order of the text (names_join.c). */
void xn_join(const char *s, xnames *r, size_t from);
/* xn_find_abbrevs: append the names given with an abbreviation in the
 * sentence w[0..nw) to r (names_abbrev.c): "Long Form (ABBR)", "ABBR
 * (kurz für: Long Form)", "ABBR (Long Form)" where the long form spells
 * the word, and a coined word in parentheses after a description
 * ("(Skills4Kids)"). */
void xn_find_abbrevs(const char *s, const xword *w, size_t nw, xpcache *cache, xnames *r);
/* xn_adjective_like: a lower-case word with an adjective ending. */
int xn_adjective_like(const char *s, const xword *w);
/* xn_apposition: the name from w[j] on follows a dash after another name */
int xn_apposition(const char *s, const xword *w, size_t j, size_t i, size_t e, const xnames *r);

int xn_article_near(const char *s, const xword *w, size_t i);
/* xn_carrier: the name w[j..k] says where another thing is: "ein */
int xn_carrier(const char *s, const xword *w, size_t nw, size_t j, size_t k, const xnames *r);
/* xn_decided_thing: the bare compound head w[i] names the thing a text */
int xn_decided_thing(const char *s, const xword *w, size_t nw, size_t i, sbuf *tmp);
/* xn_described_only: the name w[j..k] with its head at w[i] is only a head
 * and a description (its purpose, audience, owner, place or maker) */
int xn_described_only(const char *s, const xword *w, size_t nw, size_t j, size_t i, size_t k);
/* xn_digit_inside: the word has a digit between letters ("GPU4GenAI", */
int xn_digit_inside(const char *s, const xword *w);
/* xn_dotted_coin: the word is a coined name of two parts joined by a dot, */
int xn_dotted_coin(const char *s, const xword *w);
/* xn_foreign_source: the name from w[j] on is money's source of the EU or */
int xn_foreign_source(const char *s, const xword *w, size_t j);
/* xn_founded_org: the research institution named from w[j] (head at w[i]) */
int xn_founded_org(const char *s, const xword *w, size_t nw, size_t j, size_t i);
/* xn_land_adjective: the word is a Land's adjective ("hessische"). */
/* xn_head_of: the kind of activity the word is a head noun of (names.c;
 * *plural set when it is a plural), NULL if it is none. */
const char *xn_head_of(const char *s, const xword *w, int *plural);
/* xn_kind_before: the kind of a head noun (singular or plural) among the
 * words before w[i], NULL if none. */
const char *xn_kind_before(const char *s, const xword *w, size_t i);
int xn_land_adjective(const char *s, const xword *w, sbuf *tmp);
/* xn_agent_before: the name from w[j] on follows "seitens": whoever acts
 * there is an organisation. */
int xn_agent_before(const char *s, const xword *w, size_t j);
/* xn_member_of: the name w[j..k] follows "Mitglied der" or "Vorsitzende
 * des" and names no AI ("ist Mitglied der Ständigen Wissenschaftlichen
 * Kommission"): whose member someone is, an organisation. */
int xn_member_of(const char *s, const xword *w, size_t j, size_t k);
/* names_quotes.c: quoted names, and enumerations of compounds of AI, of
 * the sentence w[0..nw) appended to r. */
void xn_find_quotes(const char *s, const xword *w, size_t nw, xnames *r);
void xn_find_ki_lists(const char *s, const xword *w, size_t nw, xnames *r);
/* xn_ki_adjective: "KI-basiertes", "KI-gestützte": an adjective compound
 * of KI. */
int xn_ki_adjective(const char *s, const xword *w);
/* xn_names_ministers: s[a..b) speaks of ministers ("Konferenz der */
int xn_names_ministers(const char *s, size_t a, size_t b);
/* names_forms.c. xn_land_code: the word is a Land's code, with or
 * without a hyphen ("MV", "M-V", "NRW"). */
int xn_land_code(const char *s, const xword *w);
/* xn_caps_suffix: "ein Pilotprojekt des im Aufbau befindlichen
 * Beratungszentrums für Künstliche Intelligenz (BeKI)": where the capitals
 * of the abbreviation s[a..b) are the initials of the capitalised words of
 * w[q..end) from a head noun q after first on, and not from first, the
 * long form begins at q; else at first. */
size_t xn_caps_suffix(const char *s, const xword *w, size_t first, size_t end, size_t a, size_t b);
/* xn_national_strategy: "die nationale KI-Strategie (des Bundes)", head at
 * w[i], name to w[k]: the Bund's, added to r; 1 if so. */
int xn_national_strategy(const char *s, const xword *w, size_t j, size_t i, size_t k,
                         const char *kind, xnames *r);
/* xn_coined_before: "von F13, einer innovativen KI-Assistenz": the head
 * from w[j] on describes, after a comma and an indefinite article, the
 * coined name before it: added to r as an application (a known name
 * stays as it is; "vom HLRS, einem Rechenzentrum" adds nothing); 1 if the
 * head names nothing of its own. */
int xn_coined_before(const char *s, const xword *w, size_t j, const char *kind, xnames *r);
/* xn_land_own: "eine eigene bayerische KI-Recheninfrastruktur", "ein
 * bayerisches KI-Basismodell": a Land's own new thing of AI, named by the
 * Land's adjective and the compound at w[i] (to w[k]), added to r; 1 if so
 * ("die hessische KI-Agenda" is the KI-Agenda). tmp: scratch. */
int xn_land_own(const char *s, const xword *w, size_t j, size_t i, size_t k, const char *kind,
                sbuf *tmp, xnames *r);
/* xn_chairs: the plural programme head at w[i] ("Professuren", "KI-Lotsen")
 * names a programme: "zwölf Professuren für Künstliche Intelligenz"
 * (counted professorships of AI; "100 KI-Professuren" in a report are a
 * figure of its strategy), "die Zahl der KI-Professuren ... erhöhen", "20
 * Professuren eingerichtet", "KI-Lotsen"; added to r. The index of the
 * name's last word, or SIZE_MAX if it names none. */
size_t xn_chairs(const char *s, const xword *w, size_t nw, size_t i, const char *kind, xnames *r);
/* xn_made_participle: the word is an inflected participle of making or
 * announcing ("veröffentlichten", "angekündigten"). */
int xn_made_participle(const char *s, const xword *w);
/* xn_own_strategy: the bare "KI-Strategie" or "Digitalstrategie" at w[i]
 * is the text's own strategy: 1 where the words make it one ("unsere",
 * "veröffentlichte"), 2 where only a definite article refers to it; 0 if
 * not. */
int xn_own_strategy(const char *s, const xword *w, size_t nw, size_t i);
/* xn_number_words: "zwei" ... "hundert", the counts written as words
 * (names_forms.c). */
extern const char *const xn_number_words[];
/* xn_plural_from: where the words of the plural head at w[i] begin: its
 * count ("100 zusätzliche neue KI-Professuren", "Zwölf Professuren")
 * over up to two adjectives, else the first adjective ("regionale
 * KI-Zentren"), else i. xn_plural_end: the last word of its complement
 * of AI ("für KI", "für Künstliche Intelligenz", "im Bereich der
 * Künstlichen Intelligenz"), else i. */
size_t xn_plural_from(const char *s, const xword *w, size_t i);
size_t xn_plural_end(const char *s, const xword *w, size_t nw, size_t i);
/* xn_partitive: the plural at w[i] is a part of a set named elsewhere: */
int xn_partitive(const char *s, const xword *w, size_t i);
/* xn_party: s[a..b) is the abbreviation of a political party or begins
 * with one of an office ("CIO MV"), said after a */
int xn_party(const char *s, size_t a, size_t b);
/* xn_person_title: the word is an office or title said before a person's */
int xn_person_title(const char *s, const xword *w);
/* xn_portfolio: the name from w[j] on is what a minister or ministry is for */
int xn_portfolio(const char *s, const xword *w, size_t j);
/* xn_predicative: the name from w[j] on follows "ist eine" or the like */
int xn_predicative(const char *s, const xword *w, size_t j);
/* xn_asked: the name from w[j] on follows an indefinite article in a
 * question ("Hat der Senat eine eigene Strategie für den Standort
 * Hamburg?"): asked after, not named. */
int xn_asked(const char *s, const xword *w, size_t nw, size_t j);
/* xn_owned_strategy: the bare strategy head at w[i] goes on with its
 * owner ("KI-Strategie der Bundesregierung") or with its owner and AI
 * ("Strategie der Landesregierung zur Künstlichen Intelligenz"): the
 * index of the name's last word, or i. */
size_t xn_owned_strategy(const char *s, const xword *w, size_t nw, size_t i);
/* xn_created: the sentence w[0..nw) says something is set up
 * ("eingerichtet", "geschaffen", "besetzt"). */
int xn_created(const char *s, const xword *w, size_t nw);
/* xn_chairs_of_named: the professorships at w[i] are a figure of the
 * programme the sentence names next ("über den Wettbewerb ..."). */
int xn_chairs_of_named(const char *s, const xword *w, size_t nw, size_t i);
/* xn_definite_description: w[i..k] is a bare head after a definite
 * article with no name in its words ("das Netzwerk zum Startschuss"). */
int xn_definite_description(const char *s, const xword *w, size_t i, size_t k);
/* xn_sentence_ai: the sentence w[0..nw) speaks of AI ("KI", "KI-...", */
int xn_sentence_ai(const char *s, const xword *w, size_t nw);

/* ---- propose.c: activities of one section to entry JSON --------------- */

/* A cache of gazetteer answers for one run: a report names the same
 * words again and again. */
xpcache *xpcache_new(void);
void xpcache_free(xpcache *c);

/* xpcache_lookup: geo_lookup of s[0..n) with the Land hint (*place, NULL
 * if none); if land is not NULL, also geo_land_find of it into *land.
 * Returns 1 if the gazetteer knows the place. */
int xpcache_lookup(xpcache *c, const geo *g, const char *s, size_t n, const char *hint,
                   const geo_place **place, const geo_land **land);

/* xpcache_land: geo_land_find of s[0..n), cached; c may be NULL. */
const geo_land *xpcache_land(xpcache *c, const char *s, size_t n);

typedef struct xctx {
    const char *orig; /* the original text */
    const xclean *c;
    const char *document; /* name entries cite */
    const geo *g;
    const char *status;
    json_t *props;    /* array of proposal objects (before entry_parse) */
    json_t *unplaced; /* [{"name", "entry"}] */
    xpcache *cache;
    xwcache *words;
} xctx;

/* xpropose: append to x->props one proposal per activity found in sec.
 * Returns the number appended. */
size_t xpropose(xctx *x, const xsection *sec);

/* ---- shared helpers (extract.c) --------------------------------------- */

/* ---- institutions.c: AI institutions of one Land ----------------------
 *
 * xinst_land: the Land code ("DE-BY") of the institution named by
 * s[0..n): its name or another name from data/institutions.tsv at any
 * word of it ("MCML München", "Projekt Cyber Valley"), compared folded;
 * NULL if none.
 * The code is static; the caller does not free it. */
const char *xinst_land(const char *s, size_t n);

/* xfold: append text_fold(s[0..n)) to b, the same bytes, with runs of
 * ASCII folded in one go (the importer folds every word). */
void xfold(sbuf *b, const char *s, size_t n);

/* xis_upper_at: 1 if the code point at s[i] is an upper-case letter. */
int xis_upper_at(const char *s, size_t n, size_t i);
/* xis_lower_at: 1 if the code point at s[i] is a lower-case letter. */
int xis_lower_at(const char *s, size_t n, size_t i);

#endif
