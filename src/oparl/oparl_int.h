/* oparl_int.h: private to src/oparl: the handle, its statements, and the
 * helpers the object builders share. */
#ifndef KL_OPARL_INT_H
#define KL_OPARL_INT_H

#include <sqlite3.h>

#include "oparl/oparl.h"
#include "util/sbuf.h"

/* The statements of a handle (oparl.c holds their SQL). Rows come back
 * as JSON objects keyed by column name (ol_one, ol_all). */
enum {
    Q_BODY,
    Q_MEMBER,
    Q_PERSON,
    Q_PERSON_BODY,
    Q_PERSON_ATT,
    Q_ATT,
    Q_BODY_ATT,
    Q_MEETING,
    Q_MEETING_AGENDA,
    Q_MEETING_PEOPLE,
    Q_MEETING_DOCS,
    Q_AGENDA,
    Q_AGENDA_RES,
    Q_AGENDA_FILES,
    Q_AGENDA_WG,
    Q_RES,
    Q_RES_NOTED,
    Q_ANNEX,
    Q_DOC,
    Q_DOC_TEXT,
    Q_DOC_MEETINGS,
    Q_DOC_AGENDA,
    Q_DOC_PAPERS,
    Q__COUNT
};

struct oparl {
    store *s;
    sqlite3 *db;
    const geo *g;
    sqlite3_stmt *q[Q__COUNT];
    sqlite3_stmt *list[OPARL__TYPES];  /* one page of a list */
    sqlite3_stmt *count[OPARL__TYPES]; /* its length */
    /* per call */
    const char *base; /* "https://host", borrowed for the call */
    int rc;           /* the first error of the call (KL_EDB), or KL_OK */
    char *msg;        /* its message; owned */
};

/* ol_one: the first row of statement q bound to the texts a and b (NULL:
 * unbound), or NULL. ol_all: every row, as an array. Both: caller owns;
 * a database error is kept in o->rc (then ol_one gives NULL, ol_all an
 * empty array). */
json_t *ol_one(oparl *o, int q, const char *a, const char *b);
json_t *ol_all(oparl *o, int q, const char *a, const char *b);

/* ol_str: the string member k of row, or NULL. Borrowed. */
const char *ol_str(const json_t *row, const char *k);

/* ol_url: base + "/oparl/v1/" + path + "/" + id (percent-encoded; id
 * NULL: no last segment) as a new JSON string. ol_api: base + "/api/" +
 * path + "/" + id, the same way. */
json_t *ol_url(oparl *o, const char *path, const char *id);
json_t *ol_api(oparl *o, const char *path, const char *id);

/* ol_type: "https://schema.oparl.org/1.1/" + name. Caller owns. */
json_t *ol_type(const char *name);

/* ol_new: a new object {id, type} for type t and id. Caller owns. */
json_t *ol_new(oparl *o, oparl_type t, const char *id);

/* ol_stamp: created and modified of obj from row ("created" and mod_key),
 * and deleted when the row is a tombstone. Returns 1 for a tombstone. */
int ol_stamp(json_t *obj, const json_t *row, const char *mod_key);

/* ol_bury: reduce the object of a tombstone to what OParl keeps: id,
 * type, created, modified, deleted, and the properties the type's schema
 * requires. */
void ol_bury(json_t *obj, oparl_type t);

/* ol_set_str: set k to the string v unless v is NULL or empty. */
void ol_set_str(json_t *obj, const char *k, const char *v);

/* ol_strings: the strings of a comma-separated list s ("DE-BE,DE-BB") as
 * an array. Caller owns. */
json_t *ol_strings(const char *s);

/* ol_datetime_local: "YYYY-MM-DD" and "HH:MM" of German local time as an
 * RFC 3339 date-time with the offset of that day (+01:00 or +02:00, the
 * EU summer time rule) into out. 0, or -1 for a malformed date or time. */
int ol_datetime_local(const char *date, const char *hm, char out[32]);

/* The builders: the object of type t with id, NULL when there is none.
 * embedded: inside its parent (no back reference to it). Caller owns. */
json_t *ob_body(oparl *o, const char *id);
json_t *ob_organization(oparl *o, const char *id);
json_t *ob_person(oparl *o, const char *id);
json_t *ob_membership(oparl *o, const char *id, int embedded);
json_t *ob_meeting(oparl *o, const char *id);
json_t *ob_agendaitem(oparl *o, const char *id, int embedded);
json_t *ob_paper(oparl *o, const char *id);
json_t *ob_consultation(oparl *o, const char *id, int embedded);
json_t *ob_file(oparl *o, const char *name, int embedded);
json_t *ob_location(oparl *o, const char *id, int embedded);

/* ob_body_short: the short name of body id for names of meetings
 * ("DMK"), into b. */
void ob_body_short(oparl *o, const char *id, sbuf *b);

/* ob_org_ref: the URL of the organisation of body for member (a Land
 * code "DE-BE" or an abbreviation "BMDV") when the body has that member;
 * else NULL. Caller owns. */
json_t *ob_org_ref(oparl *o, const char *body, const char *member);

#endif
