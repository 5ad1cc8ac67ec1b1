/* analyse.h: comparison of the Länder and Anknüpfungspunkte (similar
 * activities in other Länder and the Bund), on top of the store.
 *
 * Similarity: every entry becomes a TF-IDF vector over the terms of the
 * German analysis (gtok, document mode: folded, stemmed, compound parts) of
 * its title (counted three times), aliases (twice), summary and
 * organisations; common function words are left out. The score of a
 * suggestion b for an entry a is
 *     0.65 * cosine(a, b)   (each shared term adding at most 0.15)
 *   + 0.15 * Jaccard(fields of a, fields of b)
 *   + 0.10 * Jaccard(target groups of a, of b)
 *   + 0.05 if both are of the same kind
 *   + 0.05 if b seeks partners or offers its solution for reuse
 * and b is suggested only when the two share at least one term that is
 * not a broad word (below), so that every suggestion has a reason in
 * words that is about the subject, and when the score
 * reaches ANALYSE_SIMILAR_MIN: below it a pair shares a word or a kind by
 * chance, and no suggestion is better than a wrong one (0.10 since the
 * Oberbegriffe: they add to the cosine of many pairs).
 *
 * What counts as a term (corpus.c): words written with a capital (nouns,
 * names), whole or as a part of a compound; a part alone weighs half
 * (PART_WEIGHT). Left out: function words, the Länder's names, numbers
 * and months, "KI" itself (also as "KI-" before a word: "KI-Leitlinien"
 * are "Leitlinien"; and its other names, "lernende Systeme") and nouns
 * that name the container rather than the topic ("Projekt", "Systeme",
 * "Innovation", "Einsatz", "Förderprogramm"). Weighed less (0.3): broad
 * words that name the sector an activity is for or comes from rather than
 * its subject ("Wirtschaft", "Wissenschaft", "Gesellschaft", "Forschung");
 * the fields and target groups compare that already. Added: the Oberbegriff of a word from a short
 * list of German words for the same kind of activity or subject
 * ("Kongress", "Forum", "Empfang": Veranstaltung; "KMU", "Betriebe":
 * Mittelstand; corpus.c), so that two entries that say the same in other
 * words meet; a reason names it "Veranstaltung (Oberbegriff)". These
 * rules were set on tests/analyse/judged_pairs.tsv and checked on the
 * held-out groups tests/analyse/heldout_*.tsv (tests/cli/analyse.sh
 * reports all of them).
 *
 * Ownership: every json_t ** result belongs to the caller, who releases
 * it with json_decref(). Messages in *err are German and freed by the
 * caller (see util/err.h). status limits the entries considered: NULL for
 * all (drafts too: the command line for editors), "published" for the
 * public API. Functions read the store only.
 *
 * analyse_similar and analyse_links build the corpus (every entry through
 * the German analysis: most of their cost) for the one call; their
 * analyse_ctx_ forms keep it in a context between calls (below). */
#ifndef KL_ANALYSE_H
#define KL_ANALYSE_H

#include <jansson.h>

#include "core/store.h"

/* Minimum score of a suggestion of analyse_similar. */
#define ANALYSE_SIMILAR_MIN 0.10

/* Default minimum score of a pair in a cooperation group. */
#define ANALYSE_LINKS_THRESHOLD 0.25

/* analyse_similar: the k (1..100) most similar entries to entry id, from
 * other Länder and the Bund only (never the entry's own Land; for a Bund
 * entry: the Länder); fewer when fewer reach ANALYSE_SIMILAR_MIN.
 * OUT *out: {"id": id, "items": [entry objects in canonical form, each
 *     with "score" (0..1, 3 decimals), "reason" (a German sentence:
 *     "Gemeinsame Begriffe: Reallabor, KI-Verordnung; gleiches
 *     Handlungsfeld: ...; gleiche Art: Projekt") and "shared_terms"
 *     (readable words)]}, best first.
 * Returns KL_OK, KL_ENOTFOUND (no such entry), KL_EDB. */
int analyse_similar(store *s, const char *id, int k, const char *status, json_t **out, char **err);

/* analyse_links: cooperation candidates: groups of entries of at least two
 * Länder (the Bund counts as one) in which every pair scores at least
 * threshold (<= 0: ANALYSE_LINKS_THRESHOLD) and no Land appears twice.
 * Candidate pairs come from an inverted index over the terms (rule in
 * links.c: terms in very many entries and the light terms of each entry
 * are not indexed), so the run scales to 100,000 entries.
 * OUT *out: {"threshold", "entries", "pairs", "groups": [{"label",
 *     "score" (mean pair score), "reason", "laender": ["DE-BY", "bund"],
 *     "entries": [{"id", "title", "land", "kind"}]}]}, groups with more
 *     Länder first. */
int analyse_links(store *s, double threshold, const char *status, json_t **out, char **err);

/* analyse_partners: entries that seek partners or offer reuse.
 * OUT *out: {"items": [{"id", "title", "land", "kind", "seeks_partners",
 *     "offers_reuse", "summary"}]} ordered by Land, then title. */
int analyse_partners(store *s, const char *status, json_t **out, char **err);

/* ---- The analysis context: built corpora kept between calls ----
 *
 * An analyse_ctx keeps the corpus a call built, one per status filter (at
 * most three: all, "published", "draft"), with the last links answer made
 * from it, and uses them again while the data is unchanged. It is keyed by the store handle, PRAGMA
 * data_version (changes when another connection commits) and the count of rows this handle changed
 * (every write through it, so a write through the same store is seen too). A stale corpus is
 * rebuilt on the next call.
 *
 * Ownership and threads: the caller owns the context (analyse_ctx_new)
 * and frees it with analyse_ctx_free after its last use. Like a store
 * handle it is used by one thread at a time, and with one store handle
 * for its whole life (the handle's address is part of the key; the
 * context keeps no pointer into the store that it follows). The server
 * keeps one per worker thread next to that thread's store and frees both
 * at shutdown; the command line builds one per run (the plain
 * analyse_similar / analyse_links do that inside). Memory: the kept
 * corpora, about 0.5 KiB per entry each. */
typedef struct analyse_ctx analyse_ctx;

/* analyse_ctx_new: an empty context. Never NULL (aborts when out of
 * memory, like xmalloc). */
analyse_ctx *analyse_ctx_new(void);

/* analyse_ctx_free: free a and every corpus it keeps. NULL: no-op. */
void analyse_ctx_free(analyse_ctx *a);

/* analyse_ctx_similar / analyse_ctx_links: analyse_similar and
 * analyse_links with the corpus from a (built when missing or stale).
 * Same results, same ownership of *out and *err. */
int analyse_ctx_similar(analyse_ctx *a, store *s, const char *id, int k, const char *status,
                        json_t **out, char **err);
int analyse_ctx_links(analyse_ctx *a, store *s, double threshold, const char *status, json_t **out,
                      char **err);

/* analyse_ctx_builds: how many corpora a has built so far (tests and
 * measurements: a call that found its corpus current builds none). */
unsigned long analyse_ctx_builds(const analyse_ctx *a);

/* analyse_compare: the Länder and the Bund side by side. by is "kind",
 * "field" or "target" (NULL: "field"): the breakdown named in "columns"
 * and "matrix"; all three breakdowns are in every row anyway.
 * OUT *out: {"by", "columns": [{"slug", "label"}],
 *   "rows": [{"land" ("DE-BW" or "bund"), "name", "entries",
 *     "by_kind": {slug: n}, "by_field": {...}, "by_target": {...},
 *     "funding": {"totals": [amount...], "per_year": [amount...]}
 *        (each amount as stated with "entry" and "title" added; never
 *        added up: different periods and per-year budgets stay apart),
 *     "counts": [{"n", "of", "entry"}],
 *     "reports": [{"document", "date" (or null), "kind", "title" (as the
 *        importer named the document, or null), "entries" (how many)}],
 *        oldest first,
 *     "change": null or {"from", "to" (documents), "dated" (false when
 *        one of the two has no date: undated reports are taken as the
 *        newer, then by name), "new": [{"id", "title"}], "not_repeated":
 *        [{"id", "title"}]} when the Land has entries from two or more
 *        reports: the last two}],
 *   "coverage": {"fields": [slugs], "rows": [{"land", "cells": [n per
 *     field], "gaps": [slugs of fields without entries]}],
 *     "nobody": [fields no Land reports]}}
 * Returns KL_OK, KL_EINVAL (unknown by), KL_EDB. */
int analyse_compare(store *s, const char *by, const char *status, json_t **out, char **err);

/* analyse_compare_table: the comparison as text for a terminal (German
 * headers, gaps marked "–"). Caller frees. */
char *analyse_compare_table(const json_t *cmp);

/* analyse_compare_csv: the matrix of cmp's "by" as CSV for a German
 * spreadsheet: UTF-8 with BOM, semicolons, CRLF. Caller frees. */
char *analyse_compare_csv(const json_t *cmp);

#endif
