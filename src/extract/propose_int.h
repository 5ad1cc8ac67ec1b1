/* propose_int.h: what propose.c and propose_find.c share: the
 * activities of one section being proposed, and the steps each file does
 * for the other. Internal to src/extract. */
#ifndef KL_PROPOSE_INT_H
#define KL_PROPOSE_INT_H

#include "extract/extract_int.h"

#define MAX_ACTS 80

typedef struct act {
    char *title;
    json_t *aliases;
    const char *kind;
    char *key;
    char *head; /* head noun as written, for "das Zukunftszentrum" */
    long first_sent;
    int weak;         /* titled by a bare head ("der Digitalisierungsstrategie") */
    int own_land;     /* 1: land below decides, not the section's Land */
    int plural;       /* a plural programme of centres ("16 regionale KI-Labs") */
    int own;          /* the section's own strategy, titled by the bare word */
    const char *land; /* with own_land: the Land code, NULL for the Bund */
    char **akeys;     /* name_key of aliases[0..nakeys), made when first asked */
    char *squashed;   /* the title without separators (propose_merge.c), made when first asked */
    size_t nakeys;
    json_t *orgs, *places, *amounts, *counts, *years;
    sbuf ctx;
} act;

typedef struct mention {
    size_t pos;
    size_t act;
    size_t seq; /* order of finding: at one position the first found counts */
} mention;

typedef struct pctx {
    xctx *x;
    const xsection *sec;
    const char *s;
    xspan *S;
    size_t ns;
    act *acts;
    size_t na;
    mention *m;
    size_t nm, capm;
    long *cur_before; /* per sentence: the activity spoken of before it */
    xword *W;         /* the words of all sentences, marked */
    size_t *ws;       /* per sentence: its first word in W; ws[ns] = all */
    size_t last_act;  /* the activity a name was last merged into, */
    long last_si;     /* in this sentence (-1: none yet) */
} pctx;

/* propose.c */
/* xprop_json_has_str: array a holds an object whose key is the string v. */
int xprop_json_has_str(const json_t *a, const char *key, const char *v);
/* xprop_owner: the activity a fact at byte pos belongs to, or -1. */
long xprop_owner(const pctx *p, size_t pos);

/* propose_merge.c */
/* xprop_add_mention: a mention of activity ai at byte pos. */
void xprop_add_mention(pctx *p, size_t pos, size_t ai);
/* xprop_merge_name: the activity name n of sentence si is (merged into
 * an existing one or made new); its index, or SIZE_MAX when none. */
size_t xprop_merge_name(pctx *p, const xname *n, long si, long cur);
/* xprop_new_act: a new activity titled title (taken; unless plural, its
 * nominative singular becomes the title, the inflected form an alias),
 * of kind (NULL: "initiative"), first named in sentence sent; its index.
 * plural: the title is a plural ("regionale KI-Labs", no genitive of one
 * lab). */
size_t xprop_new_act(pctx *p, char *title, const char *kind, long sent, int plural);

/* propose_find.c */
/* xprop_words_of_sentences: p->W and p->ws, the marked words. */
void xprop_words_of_sentences(pctx *p);
/* xprop_find_acts: the named activities of the section into p->acts;
 * organisations found go to orgs. */
void xprop_find_acts(pctx *p, xnames *orgs);
/* xprop_attach_places: the places of the section to their activities. */
void xprop_attach_places(pctx *p, const xnames *orgs);
/* xprop_attach_orgs: the organisations to their activities. */
void xprop_attach_orgs(pctx *p, const xnames *orgs);
/* xprop_dateline: s[a..b) opens a line of a news text as where it was
 * written ("KIEL. ...", "Rostock (dpa/mv).", "Erfurt - Ein ..."). */
int xprop_dateline(const char *s, size_t a, size_t b);
/* xprop_speaks_of_ai: s[a..b) names AI ("KI", "Künstliche Intelligenz",
 * "Maschinelles Lernen", "AI", "Data Science"). */
int xprop_speaks_of_ai(const char *s, size_t a, size_t b);

/* propose_land.c */
/* xprop_named_land: the Land code whose name or adjective is a word of
 * s[a..b) ("Berliner Zentrum ...", "KI-Campus Berlin"), or NULL; static. */
const char *xprop_named_land(xpcache *c, const char *s, size_t a, size_t b);
/* xprop_act_land: sets a->own_land and a->land where the new activity a,
 * named by n in sentence si, is not its section's Land's. */
void xprop_act_land(pctx *p, act *a, const xname *n, long si);

/* propose_noise.c */
/* xprop_not_an_activity: the name n of sentence sp is a newspaper, a
 * party, an EU fund, a technical term, a frame programme without AI, a
 * company, a question, a dateline or a thing abroad. */
int xprop_not_an_activity(const pctx *p, const xname *n, const xspan *sp);

/* Another form of the title of an activity named before (propose_same.c);
 * each returns its index, SIZE_MAX if none:
 * xprop_same_count: "100 zusätzliche Professuren" after "100 zusätzliche
 *   neue KI-Professuren" (the same number of the same head words);
 * xprop_same_squashed: "KI-Landeskonferenz in Lübeck" after "3.
 *   Landes-KI-Konferenz in Lübeck" (the title but for separators, "KI"
 *   and an ordinal; different ordinals stay apart);
 * xprop_head_then: a head noun and the short form s[0..n) ("Plattform
 *   PLAIN" for PLAIN);
 * xprop_same_coined_tail: "Sprachmodell GovTeuken" after "Projekt
 *   GovTeuken";
 * xprop_head_and_alias: "Zentrum KI MV" after an activity with that head
 *   (a word of its title) and the alias "KI MV". */
size_t xprop_same_count(const pctx *p, const xname *n);
size_t xprop_same_squashed(pctx *p, const char *t, size_t n);
size_t xprop_head_then(const pctx *p, const char *s, size_t n);
size_t xprop_same_coined_tail(const pctx *p, const char *t, size_t n);
size_t xprop_head_and_alias(const pctx *p, const char *t, size_t n);
/* xprop_letter_byte: c is a byte of a word: an ASCII letter or digit, or
 * any byte of a multibyte character. (propose.c) */
int xprop_letter_byte(char c);
/* xprop_shouted: the title t is one word in capitals that a heading of
 * the section shouts and the text writes in lower case too ("FÜRACKER:
 * ... STARTEN KI-KOOPERATION", "Minister Albert Füracker"): a name, no
 * acronym ("eine Lernplattform namens KARL" beside "Professor Karl Muster"
 * is one). (propose_noise.c) */
int xprop_shouted(const pctx *p, const char *t);
/* xprop_has_word: w[0..wl) is one of the words (between spaces) of hay. */
int xprop_has_word(const char *hay, const char *w, size_t wl);

/* propose_title.c. xprop_title_of: s[a..b) as a title, quotes and a
 * trailing colon taken off, at most 300 bytes; caller frees.
 * xprop_new_title: the title of a new activity first named by n (the
 * nominative of a genitive head, of a counted plural); caller frees. */
char *xprop_title_of(const char *s, size_t a, size_t b);
char *xprop_new_title(pctx *p, const xname *n);

#endif
