/* conference.h: the conference cycle (bodies, members, persons, meetings,
 * agenda items, resolutions, annexes, reporting tasks) and the chair
 * rotation of the Digitalministerkonferenz.
 *
 * Three parts, one prefix (conf_):
 *   rotation  conf_chair*: the chair of any year from the base order of
 *             the rules of procedure plus the recorded deviations; pure,
 *             no store.
 *   parsing   conf_parse: a protocol, resolution or press release (the
 *             text the importer read) to a conf_doc: every fact with its
 *             byte span in that text. conf_tasks_find: reporting tasks
 *             from the language of one resolution point.
 *   storage   conf_open on an open store: the conference tables
 *             (migrations 3 and 5 of the store), conf_import of a parsed
 *             document, and the lists as JSON. src/oparl reads the same
 *             tables (tombstones included) for OParl.
 *
 * Identifiers are stable and readable: a meeting is BODY-YEAR-N
 * ("dmk-2024-1"; BODY-YEAR-MMDD when the text gives no number, e.g.
 * "cds-2019-1114"), an agenda item MEETING-topN ("dmk-2024-1-top2b";
 * MEETING-item1 for the one unnumbered item of a resolution text), a
 * resolution point AGENDA-POINT ("dmk-2024-1-top5-2"; MEETING-POINT when
 * the text names no TOP), a task RESOLUTION-tN. Re-importing a document
 * gives the same ids and changes nothing. */
#ifndef KL_CONFERENCE_H
#define KL_CONFERENCE_H

#include <jansson.h>
#include <stddef.h>

#include "core/geo.h"
#include "core/store.h"

/* ---- Chair rotation ------------------------------------------------- */

/* The first year of the DMK's rotation (its constitution, 004 TOP 2). */
#define CONF_DMK_FIRST_YEAR 2024

/* How the chair of a year came about. */
typedef enum {
    CONF_RULE_BASE,     /* the alphabetical order of the rules of procedure */
    CONF_RULE_JOINT,    /* a deviation: two Länder hold the chair together */
    CONF_RULE_EXCHANGE, /* a deviation: two Länder exchanged their years */
    CONF_RULE_D16,      /* before the DMK: the D16 format, chair as reported */
    CONF_RULE_UNKNOWN,  /* before the DMK, no document names the chair */
} conf_rule;

typedef struct conf_chair {
    int year;
    const char *body;        /* "dmk" or "d16" */
    const geo_land *land[2]; /* the chair; land[1] NULL unless joint; both NULL if unknown */
    conf_rule rule;
    const char *rule_name;     /* "base", "joint", "exchange", "d16", "unknown" */
    const char *reason;        /* German: which rule or resolution gave the year */
    const char *meetings;      /* German: the meeting rule that applied that year */
    const char *meetings_rule; /* "d16-start", "d16" or "dmk": which meeting rule */
    int other_year;            /* exchange: the year swapped with; 0 otherwise */
} conf_chair;

/* conf_chair_for: the chair of year (1900..9999) in *out. All strings and
 * Länder are static. Returns KL_OK, or KL_EINVAL for a year out of range
 * or before the D16 (2019). */
int conf_chair_for(int year, conf_chair *out, char **err);

/* conf_chair_names: "Berlin und Brandenburg" for c into b (German names;
 * "unbekannt" when no Land is known). */
void conf_chair_names(const conf_chair *c, sbuf *b);

/* conf_chair_json: {"year", "body", "chair": ["DE-BE", ...], "names",
 * "rule", "reason", "meetings", "meetings_rule", "other_year"}
 * (other_year null unless rule is "exchange"). Caller owns the result. */
json_t *conf_chair_json(const conf_chair *c);

/* ---- Parsing --------------------------------------------------------- */

/* One reporting task found in a resolution point. Spans are byte offsets
 * in the text given to conf_tasks_find / conf_parse. */
typedef struct conf_task {
    char *owner;      /* who must act, as the text names them */
    char *owner_key;  /* "dmk-vorsitz", "bund", "arbeitsgruppe", "fachministerien", ... */
    char *action;     /* "berichten", "vorlegen", "Schreiben richten", ... */
    char *due_text;   /* "Frühjahr 2020", "nächste reguläre Sitzung im Herbst 2024", "zeitnah" */
    int due_year;     /* 0 if none */
    char *due_season; /* "fruehjahr", "herbst", "h2" or NULL */
    size_t start, end;
} conf_task;

/* conf_tasks_find: the tasks in the text s[0..n) of one resolution point
 * (a sentence may hold one task; several sentences several). base is
 * added to every span. Appends to *tasks (an array of *ntasks, grown with
 * xrealloc; the caller frees with conf_tasks_free). */
void conf_tasks_find(const char *s, size_t n, size_t base, conf_task **tasks, size_t *ntasks);
void conf_tasks_free(conf_task *tasks, size_t n);

typedef struct conf_doc conf_doc;

/* conf_parse: read the conference facts of a document. kind is the
 * importer's classification ("protocol", "resolution", "press-release",
 * "land-reports"; others give an empty result); name is the document's
 * name as stored. text[0..n) is valid UTF-8. *out: caller frees with
 * conf_doc_free; an empty conf_doc (conf_doc_json shows what was found)
 * when the text holds nothing the module knows. Returns KL_OK. */
int conf_parse(const char *text, size_t n, const char *kind, const char *name, const geo *g,
               conf_doc **out, char **err);
void conf_doc_free(conf_doc *d);

/* conf_entries: the registry entries the facts of d propose: a working
 * group that a resolution sets up becomes an entry of kind "body"
 * (Gremium) of the Land leading it, its summary and source the resolution
 * point, with status ("draft" or "published"). Each proposal is checked
 * by entry_parse (g locates places); its id is recorded in the body fact
 * ("entry"), so conf_import links body and entry. *out: an array of *n
 * entries; the caller frees each with entry_free() and the array with
 * free(). Returns KL_OK, or KL_EINVAL with entry_parse's message. */
int conf_entries(conf_doc *d, const geo *g, const char *status, entry ***out, size_t *n,
                 char **err);

/* conf_doc_json: everything found, as the tables will hold it:
 * {"document", "bodies", "members", "persons", "meetings", "agenda",
 *  "resolutions", "annexes", "tasks"} (arrays of objects). Borrowed from d. */
json_t *conf_doc_json(const conf_doc *d);

/* ---- Storage --------------------------------------------------------- */

typedef struct conf conf;

/* conf_open: the conference tables of store s (borrowed; must outlive the
 * handle), with their statements prepared. Caller closes with
 * conf_close. On failure *out is NULL. */
int conf_open(store *s, conf **out, char **err);
void conf_close(conf *c);

/* conf_import: write the facts of d in one transaction (or inside the
 * caller's store_begin batch, if one is open: then the caller commits or
 * rolls back). Facts already stored are kept; missing details are filled
 * in (a date learnt from another document); a task's status is never
 * reset. Every row keeps created and modified (UTC, to the second) and
 * which documents yield it: a row the document yielded before and that no
 * document yields any more is kept as a tombstone (deleted set, modified
 * then), and comes back when a document yields it again. The lists below
 * show live rows only. *changed: number of rows inserted, changed or
 * buried (0 on a re-import). */
int conf_import(conf *c, const conf_doc *d, int in_batch, int *changed, char **err);

/* conf_meetings: all meetings, oldest first, each with its agenda items,
 * their resolutions and annexes:
 * [{"id", "body", "number", "year", "date", "planned", "start", "end",
 *   "place", "chair", "mode", "document", "agenda": [...],
 *   "resolutions": [...the points that belong to no agenda item]}].
 * Each agenda item has "resolutions", "annexes" (each with the ids of
 * the entries imported from its file) and "entries"; each resolution has
 * "entries" and "noted" (resolutions taken in writing elsewhere that it
 * took note of, as the ASMK's Umlaufbeschluss). "entries" are the
 * registry entries concerned: those whose source lies in the item's or
 * point's span, and for an agenda item those of its annexes' files and
 * the entry a working group set up by one of its resolutions became, as
 * [{"id", "title", "kind", "level", "land"}]. conf_meetings links
 * entries of any status. Caller owns. */
int conf_meetings(conf *c, json_t **out, char **err);

/* conf_meetings_with: as conf_meetings, linking only entries of status
 * ("published" for the public; NULL: any). */
int conf_meetings_with(conf *c, const char *status, json_t **out, char **err);

/* conf_tasks: reporting tasks, by due year then id; open_only: status
 * open. [{"id", "resolution", "meeting", "owner", "owner_key", "action",
 * "due", "due_meeting", "status", "source": {"document", "start", "end",
 * "quote"}, "responsible": {"laender": ["DE-BE", ...], "all_laender",
 * "bund", "rule", "year"}}]. "responsible" says who must act as Länder:
 * rule "chair" (the chair of year, for the DMK-Vorsitz), "lead" (the Land
 * leading the working group), "owner" (all Länder and/or the Bund, as the
 * owner's words name them) or "unknown". Caller owns. */
int conf_tasks(conf *c, int open_only, json_t **out, char **err);

/* conf_task_set_status: mark task id "open" or "done". KL_ENOTFOUND if
 * there is no such task. */
int conf_task_set_status(conf *c, const char *id, const char *status, char **err);

/* conf_bodies: [{"id", "name", "kind", "parent", "members": [...]}]. */
int conf_bodies(conf *c, json_t **out, char **err);

#endif
