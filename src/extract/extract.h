/* extract.h: from the raw text of a report to proposed registry entries.
 *
 * The importer's pipeline, in the order it runs:
 *   extract_read   checks the bytes of a file (empty, binary, encoding,
 *                  size) and gives UTF-8 text;
 *   extract_run    cleans PDF noise (keeping a map back to the original
 *                  offsets), recognises the kind of document and its
 *                  sections (a Land's report, a federal measure), finds the
 *                  named activities and proposes one entry for each, every
 *                  proposal validated by entry_parse();
 *   extract_*      accessors for the proposals and a report of what was
 *                  found (sections per Land, places, amounts, what could
 *                  not be placed, what entry_parse refused).
 * Every source span of a proposal ({document, start, end, quote}) refers to
 * byte offsets in the text given to extract_run, i.e. the original
 * document; the quote is the cleaned text of that span.
 *
 * Ownership: an extract_result owns its proposals; accessors lend them
 * until extract_free(). Nothing here touches the store. */
#ifndef KL_EXTRACT_H
#define KL_EXTRACT_H

#include <jansson.h>
#include <stddef.h>

#include "core/entry.h"
#include "core/geo.h"

/* The largest document extract_read accepts: 20 MiB. A protocol annex is
 * well under 1 MiB; anything larger is almost surely not a report. */
#define EXTRACT_MAX_BYTES ((size_t)20 * 1024 * 1024)

/* extract_read: turn the bytes of a file into text for extract_run.
 * IN  data[0..n): the file's bytes; name: the file name for messages;
 *     latin1: 1 to read the bytes as ISO-8859-1 instead of UTF-8.
 * OUT *text: NUL-terminated UTF-8 (caller frees), *tn its length.
 * Returns KL_OK, or KL_EINVAL with a German message in *err for an empty
 * file, a binary file (NUL byte), invalid UTF-8 (byte offset and line, and
 * the hint to use --latin1), or more than EXTRACT_MAX_BYTES. A UTF-8 byte
 * order mark is kept (offsets stay those of the file). */
int extract_read(const char *data, size_t n, const char *name, int latin1, char **text, size_t *tn,
                 char **err);

typedef struct extract_result extract_result;

/* extract_run: propose entries for the document text[0..n) (valid UTF-8).
 * IN  document: the document's name as entries cite it (its file's
 *     basename); g: the gazetteer; status: "draft" or "published".
 * OUT *out: the result (caller frees with extract_free()); never NULL on
 *     KL_OK. A text without recognisable structure is not an error: the
 *     result then has kind "unknown" and no proposals.
 * Returns KL_OK, or KL_EINVAL if text is not valid UTF-8. */
int extract_run(const char *text, size_t n, const char *document, const geo *g, const char *status,
                extract_result **out, char **err);

void extract_free(extract_result *r);

/* extract_kind: "land-reports", "federal-measures", "resolution",
 * "press-release", "protocol" (minutes of a meeting: attendance, agenda
 * items "TOP n", resolutions; only clearly named AI activities are
 * proposed from it) or "unknown". Static storage. */
const char *extract_kind(const extract_result *r);

/* extract_kind_de: the same in German for people ("Länderberichte"). */
const char *extract_kind_de(const extract_result *r);

/* extract_title: the document's title (its first heading line, cleaned),
 * "" if none. Borrowed from r. */
const char *extract_title(const extract_result *r);

/* extract_count: number of valid proposals. */
size_t extract_count(const extract_result *r);

/* extract_entry: proposal i (0 <= i < extract_count), validated by
 * entry_parse. Borrowed from r; the caller may change its status or meta
 * data (entry_set_status) but must not free it. */
entry *extract_entry(const extract_result *r, size_t i);

/* extract_report: what was found, for the summary of an import:
 *   {"kind", "title", "sections": [{"land" | "ministries", "start", "end",
 *    "entries"}], "proposed", "places", "amounts", "counts",
 *    "unplaced": [{"name", "entry"}], "rejected": [{"title", "error"}],
 *    "duplicates"}
 * Borrowed from r (json_incref to keep it). */
json_t *extract_report(const extract_result *r);

#endif
