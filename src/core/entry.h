/* entry.h: one AI activity of the registry, and its validation.
 *
 * An entry's canonical form is a JSON object with these keys, in this
 * order (see README, "Der Eintrag"):
 *   id, title, aliases, kind, level, land, ministries, organisations,
 *   summary, places, fields, target_groups, amounts, counts, years,
 *   status, links, seeks_partners, offers_reuse, source, version,
 *   updated_at
 * (seeks_partners: the owner looks for partners; offers_reuse: the owner
 * offers the solution for reuse, Nachnutzung; both booleans, default
 * false; entries stored before they existed lack them: read as false.)
 * entry_parse() turns outside JSON into that form or says precisely what is
 * wrong; everything else (store, export, API) works on valid entries only.
 *
 * Ownership: an entry owns its JSON. entry_json() lends it. */
#ifndef KL_ENTRY_H
#define KL_ENTRY_H

#include <jansson.h>
#include <stddef.h>

#include "core/geo.h"

typedef struct entry entry;

/* The closed vocabularies of an entry. */
typedef enum {
    ENTRY_VOCAB_KIND,
    ENTRY_VOCAB_LEVEL,
    ENTRY_VOCAB_FIELD,
    ENTRY_VOCAB_TARGET,
    ENTRY_VOCAB_STATUS,
    ENTRY_VOCAB_MINISTRY,
} entry_vocab_id;

typedef struct entry_term {
    const char *slug; /* stable identifier: "forschung" */
    const char *de;   /* German label */
    const char *en;   /* English label */
} entry_term;

/* entry_vocab: the terms of one vocabulary; *n receives their number.
 * Static storage. */
const entry_term *entry_vocab(entry_vocab_id v, size_t *n);

/* entry_vocab_find: the term with this slug, or NULL. Static. */
const entry_term *entry_vocab_find(entry_vocab_id v, const char *slug);

/* entry_parse: validate and normalise one entry given as a JSON object.
 * IN  in: the object (not modified, not consumed).
 *     g: the gazetteer that locates places given by name alone.
 *     where: the position of the object in its input for messages, e.g.
 *            "Zeile 3" (may be NULL).
 * OUT *out: the entry in canonical form (caller frees with entry_free());
 *     NULL on failure.
 * Returns KL_OK, or KL_EINVAL with a German message in *err that names
 * the position and the field ("Zeile 3, Feld „kind“: ...").
 * Missing optional keys get their defaults; an id is derived from Land and
 * title when absent; version and updated_at are ignored (the store sets
 * them). */
int entry_parse(const json_t *in, const geo *g, const char *where, entry **out, char **err);

/* entry_from_stored: wrap a canonical JSON text read back from the store
 * (trusted, not validated again). Caller frees with entry_free(); NULL if
 * the text is not a JSON object. */
entry *entry_from_stored(const char *json_text);

void entry_free(entry *e);

/* Accessors. Strings are borrowed from e; NULL where the entry has none. */
const char *entry_id(const entry *e);
const char *entry_title(const entry *e);
const char *entry_kind(const entry *e);
const char *entry_level(const entry *e);
const char *entry_land(const entry *e);
const char *entry_status(const entry *e);
int entry_version(const entry *e);

/* entry_json: the canonical JSON object. Borrowed from e: the caller may
 * read it, or json_incref() it to keep it past entry_free(). */
json_t *entry_json(const entry *e);

/* entry_set_meta: set version and updated_at (done by the store when it
 * writes). */
void entry_set_meta(entry *e, int version, const char *updated_at);

/* entry_set_status: "draft" or "published" (caller checked the value). */
void entry_set_status(entry *e, const char *status);

/* entry_dump: the canonical JSON text on one line. Caller frees. */
char *entry_dump(const entry *e);

/* entry_same_content: 1 if a and b differ at most in version and
 * updated_at, else 0. */
int entry_same_content(const entry *a, const entry *b);

/* entry_slug: a lower-case ASCII slug of text for ids ("KI-Transfer Plus"
 * -> "ki-transfer-plus"), at most max bytes. Caller frees. */
char *entry_slug(const char *text, size_t max);

#endif
