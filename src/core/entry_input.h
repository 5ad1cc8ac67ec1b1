/* entry_input.h: entries as people hand them in, in one text: a JSON
 * object, a JSON array of objects, or a stream of objects (JSON Lines, or
 * objects one after another, also several on one line). Used by `add`
 * and, later, the HTTP API.
 *
 * The whole text is checked before anything is returned: either every
 * entry is valid and the caller gets them all, or the caller gets none and
 * a message naming the first problem and where it is:
 *   "NAME, Zeile 3: ungültiges UTF-8 (Byte 57)"
 *   "NAME, Zeile 2: ungültiges JSON: ..."
 *   "NAME, Zeile 4, Feld „kind“: ..."       (stream, line of the object)
 *   "NAME, Element 2, Feld „kind“: ..."     (array, 1-based element)
 * Bytes are counted from 0 from the start of the text, lines from 1. A
 * UTF-8 byte order mark at the very start is skipped (editors on Windows
 * write one); it does not shift line or byte numbers. */
#ifndef KL_ENTRY_INPUT_H
#define KL_ENTRY_INPUT_H

#include <stddef.h>

#include "core/entry.h"
#include "core/geo.h"

/* entry_input_parse: parse and validate every entry of text[0..n).
 * IN  text, n: the input (need not be NUL-terminated; not modified).
 *     name: what the input is called in messages ("stdin", a file name).
 *     g: the gazetteer that locates places given by name.
 * OUT *out: an array of *count entries in input order; the caller frees it
 *     with entry_input_free(*out, *count). On failure *out is NULL and
 *     *count 0. Empty or whitespace-only input is no error: *count is 0
 *     and *out NULL.
 * Returns KL_OK, or KL_EINVAL with the message in *err (caller frees). */
int entry_input_parse(const char *text, size_t n, const char *name, const geo *g, entry ***out,
                      size_t *count, char **err);

/* entry_input_free: free the entries and the array from
 * entry_input_parse. entry_input_free(NULL, 0) is a no-op. */
void entry_input_free(entry **e, size_t count);

#endif
