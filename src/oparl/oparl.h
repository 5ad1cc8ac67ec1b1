/* oparl.h: the conference cycle as OParl 1.1 (https://oparl.org/spezifikation/),
 * the standard interface of German council information systems.
 *
 * The objects come from the conference tables (src/conference, store
 * migrations 3 and 5; read only, tombstones included) and the source
 * documents of the store:
 *   System        the KI-Landkarte
 *   Body          a conference (DMK, D16, CdS, ASMK, ...)
 *   Organization  the plenary of a conference (id = the body's id), its
 *                 members and guests (BODY.member: "dmk.de-be", "dmk.bmdv")
 *                 and the working groups its resolutions set up
 *   Person        a person named in an attendance list; Membership: one
 *                 attendance (MEETING.person), in the plenary, on behalf
 *                 of the Land or organisation
 *   Meeting       with its agenda items embedded; Location: its place
 *   AgendaItem    a TOP, its resolution text and annex files
 *   Paper         a numbered resolution point, a resolution taken in
 *                 writing (Umlaufbeschluss), an annex; Consultation: the
 *                 point's or annex's treatment at its agenda item
 *   File          a source document, served by /api/documents/{name}
 * Ids are URLs below base + "/oparl/v1/"; the path segments of objects are
 * the stable ids of src/conference. created and modified come from the
 * rows; a row a re-import no longer yields answers as a tombstone
 * ({id, type, created, modified, deleted: true} and the properties the
 * OParl schema requires). An object's modified includes the objects
 * embedded in it (OParl 1.1, "Gelöschte Objekte").
 *
 * Lists are external object lists with pagination ({data, pagination,
 * links}); they hold tombstones too, so that a client syncing with
 * modified_since learns of deletions. Sorted by id (stable).
 *
 * A handle prepares its statements on one store connection: one per
 * thread, like the store. */
#ifndef KL_OPARL_H
#define KL_OPARL_H

#include <jansson.h>

#include "core/geo.h"
#include "core/store.h"

/* Page sizes of the lists: default and largest (limit or elementsPerPage). */
#define OPARL_PAGE_DEFAULT 20
#define OPARL_PAGE_MAX 100

typedef enum {
    OPARL_BODY,
    OPARL_ORGANIZATION,
    OPARL_PERSON,
    OPARL_MEMBERSHIP,
    OPARL_MEETING,
    OPARL_AGENDAITEM,
    OPARL_PAPER,
    OPARL_CONSULTATION,
    OPARL_FILE,
    OPARL_LOCATION,
    OPARL__TYPES
} oparl_type;

/* oparl_type_path: the path segment of a type's objects ("meetings").
 * Static. */
const char *oparl_type_path(oparl_type t);

/* The query of a list: the four filters as UTC times
 * ("2024-04-19T07:02:00Z", "" when not given; since inclusive, until
 * inclusive), the page size and the 1-based page. */
typedef struct oparl_filter {
    char created_since[24], created_until[24];
    char modified_since[24], modified_until[24];
    int limit;
    int page;
} oparl_filter;

/* oparl_filter_init: no filters, OPARL_PAGE_DEFAULT, page 1. */
void oparl_filter_init(oparl_filter *f);

/* oparl_filter_set: read one query parameter of a list (outside input;
 * see tests/fuzz/fuzz_oparl.c): created_since, created_until,
 * modified_since, modified_until (an RFC 3339 date-time with a time
 * zone: "2024-04-19T09:02:00+02:00", "...Z"; a space for the "+" of the
 * zone is read as "+", as an unencoded "+" arrives), limit or
 * elementsPerPage (1..OPARL_PAGE_MAX; only one of the two), page
 * (1..10^6). Returns KL_OK, KL_ENOTFOUND for a name that is none of
 * these, or KL_EINVAL with a German message in *err naming the parameter. */
int oparl_filter_set(oparl_filter *f, const char *name, const char *value, char **err);

/* oparl_datetime: an RFC 3339 date-time with time zone (seconds may carry
 * a fraction) as the UTC second into out ("2024-04-19T07:02:00Z"); with
 * round_up a fraction counts as the next second (for "since"). Years
 * 1..9999, real dates only. Returns 0, or -1 when s is not such a time. */
int oparl_datetime(const char *s, int round_up, char out[24]);

/* oparl_base_from_host: the base of the ids for a request that names
 * host in its Host header (outside input): "http://" + host when host is
 * a name of letters, digits, "-" and ".", or an IPv6 address in brackets,
 * with an optional port of up to five digits; NULL otherwise (nothing
 * that could change a URL's meaning gets into an id). Caller frees. */
char *oparl_base_from_host(const char *host);

typedef struct oparl oparl;

/* oparl_open: a handle on store s (borrowed; must outlive it) with its
 * statements prepared; g (borrowed, may be NULL) locates the places of
 * meetings. Caller closes with oparl_close. On failure *out is NULL. */
int oparl_open(store *s, const geo *g, oparl **out, char **err);
void oparl_close(oparl *o);

/* oparl_system: the System object; base is the scheme and authority
 * every URL starts with ("https://ki-landkarte.example", no "/" at the
 * end). Caller owns. */
json_t *oparl_system(oparl *o, const char *base);

/* oparl_object: the object of type t whose path segment is id. *out:
 * caller owns. KL_ENOTFOUND when there is none (never for a tombstone). */
int oparl_object(oparl *o, const char *base, oparl_type t, const char *id, json_t **out,
                 char **err);

/* oparl_list: one page of the list of type t of body (NULL for the list
 * of bodies), filtered by f. self_path is the list's path ("/oparl/v1/
 * bodies/dmk/meetings"): the links repeat the filters and the page size
 * in a fixed order. *out: caller owns. KL_ENOTFOUND for an unknown body,
 * KL_EINVAL (message naming "page") for a page after the last. */
int oparl_list(oparl *o, const char *base, oparl_type t, const char *body, const oparl_filter *f,
               const char *self_path, json_t **out, char **err);

#endif
