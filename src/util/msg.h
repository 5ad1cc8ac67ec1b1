/* msg.h: the English version of the program's German messages.
 *
 * Messages are written in German where they arise (err_set and friends,
 * see err.h); a reader who asked for English (Accept-Language) gets them
 * translated on the way out. The catalogue in msg.c holds each German
 * printf format with its English version; msg_english() matches an
 * already formatted German message against those formats and builds the
 * English text from the pieces the conversions stood for, translating a
 * piece again when it is itself a catalogued message or fragment ("Lesen
 * der Einträge" in "Datenbankfehler beim %s: %s").
 * tests/i18n/msg_check.mjs fails for a German format of src/ (not
 * src/cli) that has no entry. */
#ifndef KL_MSG_H
#define KL_MSG_H

#include <stddef.h>

/* MSG: marks a German format or fragment that becomes part of a message
 * by another way than err_set, http_reply_error, http_problem_set (a
 * snprintf'd place, a table of action names), so that the completeness
 * test finds it. It is the literal itself. */
#define MSG(s) (s)

/* msg_english: the English version of the formatted German message de,
 * or NULL when no catalogue format matches it. Caller frees. */
char *msg_english(const char *de);

/* msg_english_of: the English of de, or a copy of de when there is
 * none. Caller frees. */
char *msg_english_of(const char *de);

/* msg_count: the number of catalogue entries. */
size_t msg_count(void);

/* msg_entry: catalogue entry i (< msg_count()): its German format in
 * *de and English in *en, static storage. */
void msg_entry(size_t i, const char **de, const char **en);

/* msg_wants_english: does an Accept-Language header value (may be NULL)
 * prefer English to German? Of the language ranges it names with q > 0,
 * the one with the highest q (the first of equals) that is German
 * ("de", "de-AT") or English ("en", "en-GB") decides; "*" and other
 * languages do not. Without either, or malformed: German (0). */
int msg_wants_english(const char *accept_language);

#endif
