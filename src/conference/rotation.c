/* rotation.c: the chair of the DMK (and of the D16 before it) for any
 * year. See conference.h.
 *
 * The rules of procedure (seeds/004, TOP 2b, point 1): the chair changes
 * with every calendar year in the alphabetical order of the Länder;
 * deviations are decided by resolution (point 3). The base order is
 * anchored at the constitution: Berlin and Brandenburg, third and fourth
 * in the alphabet, hold the first chair (2024) together, and the order
 * runs on from Bremen. Two deviations are recorded: that joint chair, and
 * the exchange of Bremen's year 2025 with Rheinland-Pfalz's year 2031,
 * which the D16 decided on 23 June 2023 in München (TOP VII) and the
 * table of TOP 2b takes into account. Base order plus these two give the
 * table of TOP 2b row for row (tests/unit/test_conference.c checks every
 * row against the text), and the order simply goes on after 2040. */
#include "conference/conference.h"

#include <string.h>

#include "util/err.h"

/* A recorded deviation from the base order. */
typedef struct deviation {
    conf_rule rule;
    int year, other_year; /* exchange: the two years; joint: year only */
    const char *with;     /* joint: the Land that joins the base Land */
    const char *reason;
} deviation;

static const deviation deviations[] = {
    {CONF_RULE_JOINT, 2024, 0, "DE-BE",
     "Abweichung: gemeinsamer Vorsitz von Berlin und Brandenburg im Jahr der Konstituierung "
     "(DMK-Beschluss TOP 2b der 1. Sitzung; TOP 2 von BB/BE eingebracht); danach geht die "
     "Reihenfolge mit Bremen weiter"},
    {CONF_RULE_EXCHANGE, 2025, 2031, NULL,
     "Abweichung: Tausch der Jahre 2025 und 2031 zwischen Bremen und Rheinland-Pfalz "
     "(D16-Beschluss vom 23. Juni 2023 in München, TOP VII, im DMK-Beschluss TOP 2b "
     "berücksichtigt)"},
};

/* The D16 years: what the documents say about the chair and the meeting
 * rule. The rule of seeds/001 was decided on 24 September 2020 and
 * applied until the DMK replaced the D16 in 2024. */
static const char d16_rule[] =
    "D16: zwei Treffen im Jahr, eines virtuell und eines vor Ort, organisiert vom Vorsitzland; "
    "Sondersitzungen (virtuell oder vor Ort) auf Wunsch der Mehrheit der Teilnehmer "
    "(Beschluss vom 24. September 2020)";
static const char dmk_rule[] =
    "DMK: Sitzungen nach der Geschäftsordnung der DMK (Anlage 1 zu TOP 2a der 1. Sitzung); "
    "Vorsitz jährlich mit Beginn des Kalenderjahres wechselnd (Ziff. 2.1)";

static const char base_reason[] = "Grundreihenfolge: jährlicher Wechsel in alphabetischer "
                                  "Reihenfolge der Länder (Ziff. 2.1 der Geschäftsordnung)";

/* base_land: the Land whose turn year is in the base order (year >= 2024). */
static const geo_land *base_land(int year)
{
    size_t n;
    const geo_land *ls = geo_laender(&n);
    const geo_land *first = geo_land_by_code("DE-BB");
    size_t i = ((size_t)(first - ls) + (size_t)(year - CONF_DMK_FIRST_YEAR)) % n;
    return &ls[i];
}

int conf_chair_for(int year, conf_chair *out, char **err)
{
    memset(out, 0, sizeof *out);
    if (year < 2019 || year > 9999)
        return err_set(err, KL_EINVAL,
                       "Jahr %d: bekannt sind die D16 (ab 2019) und die DMK (ab 2024); "
                       "erlaubt sind 2019 bis 9999",
                       year);
    out->year = year;
    if (year < CONF_DMK_FIRST_YEAR) {
        out->body = "d16";
        if (year == 2020) {
            /* seeds/001: "Bei einem virtuellen D16-Treffen unter dem Vorsitz Bayerns" */
            out->land[0] = geo_land_by_code("DE-BY");
            out->rule = CONF_RULE_D16;
            out->rule_name = "d16";
            out->reason = "D16-Treffen vom 24. September 2020 „unter dem Vorsitz Bayerns“ "
                          "(Pressemitteilung); vor der DMK gab es keine festgelegte Reihenfolge";
        } else {
            out->rule = CONF_RULE_UNKNOWN;
            out->rule_name = "unknown";
            out->reason = "D16: kein vorliegendes Dokument nennt das Vorsitzland dieses Jahres";
        }
        out->meetings = year == 2019 ? "D16: erstes Treffen am 27. September 2019 in Frankfurt "
                                       "am Main; noch keine Sitzungsregel"
                                     : d16_rule;
        out->meetings_rule = year == 2019 ? "d16-start" : "d16";
        return KL_OK;
    }
    out->body = "dmk";
    out->meetings = dmk_rule;
    out->meetings_rule = "dmk";
    out->land[0] = base_land(year);
    out->rule = CONF_RULE_BASE;
    out->rule_name = "base";
    out->reason = base_reason;
    for (size_t i = 0; i < sizeof deviations / sizeof deviations[0]; i++) {
        const deviation *d = &deviations[i];
        if (d->rule == CONF_RULE_JOINT && d->year == year) {
            out->land[1] = out->land[0];
            out->land[0] = geo_land_by_code(d->with);
        } else if (d->rule == CONF_RULE_EXCHANGE && (d->year == year || d->other_year == year)) {
            out->other_year = d->year == year ? d->other_year : d->year;
            out->land[0] = base_land(out->other_year);
        } else {
            continue;
        }
        out->rule = d->rule;
        out->rule_name = d->rule == CONF_RULE_JOINT ? "joint" : "exchange";
        out->reason = d->reason;
    }
    return KL_OK;
}

void conf_chair_names(const conf_chair *c, sbuf *b)
{
    if (!c->land[0]) {
        sbuf_adds(b, "unbekannt");
        return;
    }
    sbuf_adds(b, c->land[0]->name);
    if (c->land[1])
        sbuf_addf(b, " und %s", c->land[1]->name);
}

json_t *conf_chair_json(const conf_chair *c)
{
    json_t *codes = json_array();
    sbuf names = SBUF_INIT;
    for (int i = 0; i < 2; i++)
        if (c->land[i])
            json_array_append_new(codes, json_string(c->land[i]->code));
    conf_chair_names(c, &names);
    json_t *j = json_pack("{si ss so ss ss ss ss ss so}", "year", c->year, "body", c->body, "chair",
                          codes, "names", sbuf_cstr(&names), "rule", c->rule_name, "reason",
                          c->reason, "meetings", c->meetings, "meetings_rule", c->meetings_rule,
                          "other_year", c->other_year ? json_integer(c->other_year) : json_null());
    sbuf_free(&names);
    return j;
}
