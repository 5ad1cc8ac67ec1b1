/* api_conference.c: the conference cycle (src/conference) for public
 * readers: GET /api/chair?year= (or ?from=&to=), /api/meetings,
 * /api/meetings/{id} and /api/tasks?open=1. Answers carry an ETag
 * (If-None-Match: 304) and the CORS header (reply.c); they depend on the
 * database and the query only, so the response cache keeps them
 * (server.c). The chair needs no database at all. Meetings link to
 * published entries only, as everything public does.
 *
 * The conference statements are prepared once per worker thread on that
 * thread's store: the handle lives in the thread's slot next to the store
 * (http_int.h) and is closed by http_stop. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/http_int.h"
#include "util/err.h"

/* The widest table /api/chair?from=&to= gives, in years. */
#define CHAIR_MAX_YEARS 100

/* req_conf: this worker thread's conference handle on its store, opened
 * on first use. NULL after replying 500 (the caller returns *result).
 * Borrowed: the server closes it in http_stop, before the store. */
static conf *req_conf(http_req *r, enum MHD_Result *result)
{
    char *err = NULL;
    http_slot *sl = http_req_slot(r, result);
    if (!sl)
        return NULL;
    if (!sl->cf && conf_open(sl->s, &sl->cf, &err) != KL_OK) {
        sl->cf = NULL;
        fprintf(stderr, "kilandkarte serve: %s\n", err ? err : "Konferenztabellen nicht lesbar");
        free(err);
        *result = http_reply_error(r, 500, NULL, "Die Daten des Konferenzzyklus sind nicht lesbar");
    }
    return sl->cf;
}

/* conf_failed: 500 for an error of the conference module (its message
 * goes to the server's log, not to the reader). err is freed. */
static enum MHD_Result conf_failed(http_req *r, char *err, const char *what)
{
    fprintf(stderr, "kilandkarte serve: %s: %s\n", what, err ? err : "unbekannter Fehler");
    free(err);
    return http_reply_error(r, 500, NULL, "%s ist fehlgeschlagen", what);
}

/* year_param: parameter name as a year: 1 to 4 digits, 1900..9999 (the
 * range conf_chair_for takes). *out set and 0 when present and valid; 0
 * with *out untouched when absent; 400 in pr otherwise. */
static int year_param(const http_params *p, const char *name, int *out, http_problem *pr)
{
    const char *v = http_param_get(p, name);
    int y = 0;
    size_t n = 0;
    if (!v)
        return 0;
    for (; v[n] >= '0' && v[n] <= '9' && n < 5; n++)
        y = y * 10 + (v[n] - '0');
    if (!n || n > 4 || v[n] || y < 1900)
        return http_problem_set(pr, 400, name,
                                "„%s“ erwartet ein Jahr von 1900 bis 9999, nicht „%s“", name, v);
    *out = y;
    return 0;
}

/* chair_of: the chair of year as JSON in *out (caller owns), or 400 in
 * pr naming param (the module's reason, e.g. a year before the D16). */
static int chair_of(int year, const char *param, json_t **out, http_problem *pr)
{
    conf_chair ch;
    char *err = NULL;
    if (conf_chair_for(year, &ch, &err) != KL_OK) {
        http_problem_set(pr, 400, param, "%s",
                         err ? err : "Für dieses Jahr gibt es keinen Vorsitz");
        free(err);
        return 400;
    }
    *out = conf_chair_json(&ch);
    return 0;
}

enum MHD_Result api_chair(http_req *r, const char *arg)
{
    http_problem pr = {0};
    int year = 0, from = 0, to = 0;
    const http_params *p = &r->params;
    json_t *one = NULL;
    (void)arg;
    if (year_param(p, "year", &year, &pr) || year_param(p, "from", &from, &pr) ||
        year_param(p, "to", &to, &pr))
        return http_reply_problem(r, &pr);
    if (year && (from || to))
        return http_reply_error(r, 400, from ? "from" : "to",
                                "Entweder year oder from und to angeben, nicht beides");
    if (year) {
        if (chair_of(year, "year", &one, &pr))
            return http_reply_problem(r, &pr);
        return http_reply_json(r, 200, one);
    }
    if (!from && !to)
        return http_reply_error(r, 400, "year", "year=JAHR oder from=JAHR&to=JAHR angeben");
    if (!from || !to)
        return http_reply_error(r, 400, from ? "to" : "from", "from und to gehören zusammen");
    if (to < from)
        return http_reply_error(r, 400, "to", "to (%d) liegt vor from (%d)", to, from);
    if (to - from + 1 > CHAIR_MAX_YEARS)
        return http_reply_error(r, 400, "to", "Höchstens %d Jahre auf einmal (from %d bis to %d)",
                                CHAIR_MAX_YEARS, from, to);
    json_t *items = json_array();
    for (int y = from; y <= to; y++) {
        if (chair_of(y, y == from ? "from" : "to", &one, &pr)) {
            json_decref(items);
            return http_reply_problem(r, &pr);
        }
        json_array_append_new(items, one);
    }
    return http_reply_json(r, 200, json_pack("{sisiso}", "from", from, "to", to, "items", items));
}

enum MHD_Result api_meetings(http_req *r, const char *arg)
{
    enum MHD_Result ret;
    json_t *all = NULL, *m;
    char *err = NULL;
    size_t i;
    (void)arg;
    conf *cf = req_conf(r, &ret);
    if (!cf)
        return ret;
    if (conf_meetings_with(cf, "published", &all, &err))
        return conf_failed(r, err, "Die Liste der Sitzungen");
    /* The list without agenda, annexes and attendance (that is
     * /api/meetings/{id}): the number of agenda items in their place. */
    json_array_foreach(all, i, m)
    {
        json_object_set_new(
            m, "agenda_items",
            json_integer((json_int_t)json_array_size(json_object_get(m, "agenda"))));
        json_object_del(m, "agenda");
        json_object_del(m, "annexes");
        json_object_del(m, "attendance");
        json_object_del(m, "resolutions");
    }
    return http_reply_json(r, 200, json_pack("{so}", "items", all));
}

enum MHD_Result api_meeting_get(http_req *r, const char *arg)
{
    enum MHD_Result ret;
    json_t *all = NULL, *m, *hit = NULL;
    char *err = NULL;
    size_t i;
    conf *cf = req_conf(r, &ret);
    if (!cf)
        return ret;
    if (conf_meetings_with(cf, "published", &all, &err))
        return conf_failed(r, err, "Die Sitzung");
    json_array_foreach(all, i, m)
    {
        const char *id = json_string_value(json_object_get(m, "id"));
        if (id && strcmp(id, arg) == 0) {
            hit = json_incref(m);
            break;
        }
    }
    json_decref(all);
    if (!hit)
        return http_reply_error(r, 404, NULL, "Keine Sitzung „%s“", arg);
    return http_reply_json(r, 200, hit);
}

enum MHD_Result api_tasks(http_req *r, const char *arg)
{
    enum MHD_Result ret;
    json_t *all = NULL;
    char *err = NULL;
    int open_only = 0;
    const char *v = http_param_get(&r->params, "open");
    (void)arg;
    if (v) {
        if (strcmp(v, "1") == 0)
            open_only = 1;
        else if (strcmp(v, "0") != 0)
            return http_reply_error(r, 400, "open",
                                    "„open“ erwartet 1 (nur offene Aufträge) oder 0 (alle), "
                                    "nicht „%s“",
                                    v);
    }
    conf *cf = req_conf(r, &ret);
    if (!cf)
        return ret;
    if (conf_tasks(cf, open_only, &all, &err))
        return conf_failed(r, err, "Die Liste der Berichtsaufträge");
    return http_reply_json(r, 200, json_pack("{sbso}", "open_only", open_only, "items", all));
}
