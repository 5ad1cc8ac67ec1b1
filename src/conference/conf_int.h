/* conf_int.h: private to src/conference. Text helpers shared by the
 * parsers (parse.c, parse_other.c, tasks.c). */
#ifndef KL_CONF_INT_H
#define KL_CONF_INT_H

#include <jansson.h>
#include <stddef.h>

#include "conference/conference.h"
#include "util/sbuf.h"

/* What a parse found: arrays of fact objects (see conf_doc_json). */
struct conf_doc {
    json_t *j;        /* {"document", "kind", "bodies", ...}; owned */
    const char *text; /* borrowed during conf_parse only */
    size_t n;
    const char *name;
    const geo *g;
};

/* One line of a document: [start, end) trimmed of blanks, in bytes. */
typedef struct conf_line {
    size_t start, end;
} conf_line;

/* conf_lines: the lines of s[0..n), trimmed; blank lines have start ==
 * end. *out: caller frees. Returns the count. */
size_t conf_lines(const char *s, size_t n, conf_line **out);

/* conf_squeeze: s[0..n) with every run of white space as one space and
 * no space at either end; lines holding only a page number (1 to 3
 * digits) are dropped. Appended to b; if map is not NULL, (*map)[i] is the
 * offset in s of byte i of the appended text (caller frees *map). */
void conf_squeeze(const char *s, size_t n, sbuf *b, size_t **map);

/* conf_startswith: 1 if s[0..n) begins with the NUL-terminated p. */
int conf_startswith(const char *s, size_t n, const char *p);

/* conf_find: the first occurrence of p in s[0..n) at or after from, or
 * (size_t)-1. */
size_t conf_find(const char *s, size_t n, size_t from, const char *p);

/* conf_month: 1..12 for a German month name at s (prefix match of the
 * whole word; "März" and "Maerz"), setting *len to its length; 0 if none. */
int conf_month(const char *s, size_t n, size_t *len);

/* conf_date: read "14. November 2019", "09. November 2023", "23.09.2019"
 * at s[0..n): writes "YYYY-MM-DD" to iso[11] and returns the bytes read,
 * or 0. */
size_t conf_date(const char *s, size_t n, char iso[11]);

/* conf_slug: a lower-case ASCII id part of s[0..n) (folded, words joined
 * by '-'), appended to b. */
void conf_slug(sbuf *b, const char *s, size_t n);

/* Fact builders: add an object to the array key of d->j. The returned
 * object is borrowed from d. */
json_t *conf_add(conf_doc *d, const char *key);
/* conf_set_str: set k to the squeezed text s[0..n) (NULL if n == 0). */
void conf_set_str(json_t *o, const char *k, const char *s, size_t n);
void conf_set_span(conf_doc *d, json_t *o, size_t start, size_t end);
/* conf_add_tasks: the tasks of resolution point res (its text
 * d->text[start..end)) as facts; owner "arbeitsgruppe" links to body ag
 * (may be NULL). */
void conf_add_tasks(conf_doc *d, const char *res, size_t start, size_t end, const char *ag);

/* The state of reading one protocol (parse.c, parse_attend.c). */
typedef struct conf_proto {
    conf_doc *d;
    const char *s;
    conf_line *ls;
    size_t nl;
    char meeting[48];
    const char *body;
} conf_proto;

/* conf_line_is: 1 if line i starts with prefix. conf_find_line: the first
 * line at or after from that starts with prefix, or p->nl. */
int conf_line_is(const conf_proto *p, size_t i, const char *prefix);
size_t conf_find_line(const conf_proto *p, size_t from, const char *prefix);

/* conf_top_number: the "2a" of a line "TOP 2a)" into num; 0 if the line
 * is not an agenda heading. */
int conf_top_number(const conf_proto *p, size_t i, char num[8]);

/* conf_attendance: the attendance facts of the protocol (parse_attend.c).
 * Returns the chairing Länder as "DE-BE,DE-BB" (caller frees). */
char *conf_attendance(conf_proto *p);

/* The parsers of parse.c and parse_other.c. */
void conf_parse_protocol(conf_doc *d);
void conf_parse_resolution(conf_doc *d);
void conf_parse_press(conf_doc *d);
void conf_parse_reports(conf_doc *d);

#endif
