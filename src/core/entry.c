/* entry.c: validation and normalisation of entries (see entry.h).
 *
 * entry_parse() builds the canonical object key by key from the input, so
 * the output never carries anything the checks did not see; unknown keys
 * are refused rather than dropped, because a silently dropped "titel" is a
 * lost fact. Every message names the position and the field. */
#include "core/entry.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "util/err.h"
#include "util/msg.h"
#include "util/sbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

struct entry {
    json_t *j; /* canonical object, owned */
};

/* Validation context: the first failure wins, later checks do nothing. */
typedef struct vctx {
    const char *where;
    const geo *g;
    char **err;
    int rc;
} vctx;

static const char *const known_keys[] = {
    "id",           "title",         "aliases", "kind",       "level",  "land",
    "ministries",   "organisations", "summary", "places",     "fields", "target_groups",
    "amounts",      "counts",        "years",   "status",     "links",  "seeks_partners",
    "offers_reuse", "source",        "version", "updated_at", NULL,
};

static int fail(vctx *c, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(vctx *c, const char *field, const char *fmt, ...)
{
    if (c->rc)
        return c->rc;
    sbuf b = SBUF_INIT;
    /* The English catalogue (msg.c) knows the two outer formats
     * MSG("%s, Feld „%s“: %s") and MSG("Feld „%s“: %s"). */
    if (c->where)
        sbuf_addf(&b, "%s, ", c->where);
    sbuf_addf(&b, "Feld „%s“: ", field);
    va_list ap;
    va_start(ap, fmt);
    sbuf_vaddf(&b, fmt, ap);
    va_end(ap);
    c->rc = KL_EINVAL;
    if (c->err && !*c->err)
        *c->err = sbuf_take(&b);
    sbuf_free(&b);
    return c->rc;
}

/* trimmed: a copy of s without leading and trailing white space, with runs
 * of white space (PDF line breaks) made one blank. Caller frees. */
static char *trimmed(const char *s)
{
    sbuf b = SBUF_INIT;
    while (*s) {
        while (*s && isspace((unsigned char)*s))
            s++;
        const char *w = s;
        while (*s && !isspace((unsigned char)*s))
            s++;
        if (s == w)
            break;
        if (b.len)
            sbuf_addc(&b, ' ');
        sbuf_add(&b, w, (size_t)(s - w));
    }
    return sbuf_take(&b);
}

/* vocab_list: "a, b, c" of the slugs of v, for messages. Caller frees. */
static char *vocab_list(entry_vocab_id v)
{
    size_t n;
    const entry_term *t = entry_vocab(v, &n);
    sbuf b = SBUF_INIT;
    for (size_t i = 0; i < n; i++)
        sbuf_addf(&b, "%s%s", i ? ", " : "", t[i].slug);
    return sbuf_take(&b);
}

/* str_fail: a failure of the string at key; inside a list item or an
 * object (fld: "places[2]", "source") the message names that field and
 * the key in it, so a reader (and the page's form) knows where it is. */
static void str_fail(vctx *c, const char *key, const char *fld, const char *what)
{
    if (fld)
        fail(c, fld, "„%s“ %s", key, what);
    else
        fail(c, key, "%s", what);
}

/* str_in: the trimmed string at key of in, or NULL when absent or null.
 * A value of another type, an empty required one, or one longer than max
 * bytes fails (named as in str_fail). Caller frees. */
static char *str_in(vctx *c, const json_t *in, const char *key, const char *fld, int required,
                    size_t max)
{
    json_t *v = json_object_get(in, key);
    if (c->rc)
        return NULL;
    if (!v || json_is_null(v)) {
        if (required)
            str_fail(c, key, fld, "fehlt, ist aber Pflicht");
        return NULL;
    }
    if (!json_is_string(v)) {
        str_fail(c, key, fld, "muss eine Zeichenkette sein");
        return NULL;
    }
    char *s = trimmed(json_string_value(v));
    if (required && !*s) {
        free(s);
        str_fail(c, key, fld, "darf nicht leer sein");
        return NULL;
    }
    if (strlen(s) > max) {
        char what[64];
        snprintf(what, sizeof what, MSG("ist länger als %zu Bytes"), max);
        free(s);
        str_fail(c, key, fld, what);
        return NULL;
    }
    return s;
}

/* get_str: str_in for a field of the entry itself. Caller frees. */
static char *get_str(vctx *c, const json_t *in, const char *key, int required, size_t max)
{
    return str_in(c, in, key, NULL, required, max);
}

/* take_str: json string from an owned C string (freed here), or null. */
static json_t *take_str(char *s)
{
    json_t *j = s ? json_string(s) : json_null();
    free(s);
    return j;
}

/* get_array: the array at key; NULL when absent, null or not a list (then
 * it fails). json_array_foreach on NULL visits nothing. */
static const json_t *get_array(vctx *c, const json_t *in, const char *key)
{
    json_t *v = json_object_get(in, key);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_array(v)) {
        fail(c, key, "muss eine Liste sein");
        return NULL;
    }
    return v;
}

static int array_has_string(const json_t *a, const char *s)
{
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) if (strcmp(json_string_value(v), s) == 0) return 1;
    return 0;
}

/* strings: a list of distinct non-empty trimmed strings. With vocab >= 0
 * every string must be a slug of that vocabulary. */
static json_t *strings(vctx *c, const json_t *in, const char *key, int vocab, size_t max)
{
    json_t *out = json_array();
    const json_t *a = get_array(c, in, key);
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v)
    {
        if (c->rc)
            break;
        if (!json_is_string(v)) {
            fail(c, key, "Element %zu muss eine Zeichenkette sein", i + 1);
            break;
        }
        char *s = trimmed(json_string_value(v));
        if (!*s || strlen(s) > max) {
            fail(c, key, "Element %zu ist leer oder länger als %zu Bytes", i + 1, max);
        } else if (vocab >= 0 && !entry_vocab_find((entry_vocab_id)vocab, s)) {
            char *list = vocab_list((entry_vocab_id)vocab);
            fail(c, key, "unbekannter Wert „%s“ (erlaubt: %s)", s, list);
            free(list);
        } else if (!array_has_string(out, s)) {
            json_array_append_new(out, json_string(s));
        }
        free(s);
    }
    return out;
}

static json_t *vocab_value(vctx *c, const char *key, char *s, entry_vocab_id v)
{
    if (s && !entry_vocab_find(v, s)) {
        char *list = vocab_list(v);
        fail(c, key, "unbekannter Wert „%s“ (erlaubt: %s)", s, list);
        free(list);
    }
    return take_str(s);
}

/* land_of: the ISO code of a Land given as code, abbreviation or name. */
static json_t *land_of(vctx *c, const json_t *in)
{
    char *s = get_str(c, in, "land", 0, 80);
    if (!s)
        return json_null();
    const geo_land *l = geo_land_find(s);
    if (!l)
        fail(c, "land", "„%s“ ist kein Land (erwartet z. B. DE-BY oder Bayern)", s);
    free(s);
    return l ? json_string(l->code) : json_null();
}

static int is_int(const json_t *v)
{
    return json_is_integer(v);
}

/* place: one place, either a name (located through the gazetteer) or an
 * object with name and optional coordinates and Land. */
static json_t *place(vctx *c, const json_t *v, size_t i, const char *land_hint)
{
    char fld[32];
    snprintf(fld, sizeof fld, "places[%zu]", i + 1);
    json_t *obj = json_is_string(v) ? json_pack("{sO}", "name", v) : json_incref((json_t *)v);
    json_t *out = NULL;
    if (!json_is_object(obj)) {
        fail(c, fld, "muss ein Ortsname oder ein Objekt {name, lat, lon, land} sein");
        goto done;
    }
    char *name = str_in(c, obj, "name", fld, 1, 200);
    json_t *lat = json_object_get(obj, "lat"), *lon = json_object_get(obj, "lon");
    if (c->rc) {
        free(name);
        goto done;
    }
    if ((lat && !json_is_number(lat)) || (lon && !json_is_number(lon)) || (!lat != !lon)) {
        fail(c, fld, "lat und lon müssen beide Zahlen sein oder beide fehlen");
    } else if (lat) {
        double la = json_number_value(lat), lo = json_number_value(lon);
        if (!geo_in_germany(la, lo)) {
            fail(c, fld, "Koordinaten %.5f, %.5f liegen nicht in Deutschland", la, lo);
        } else {
            json_t *jl = json_object_get(obj, "land");
            const geo_land *l = json_is_string(jl) ? geo_land_find(json_string_value(jl)) : NULL;
            if (jl && !json_is_null(jl) && !l)
                fail(c, fld, "„land“ ist kein Land");
            const geo_place *p = NULL;
            if (!l && geo_lookup(c->g, name, land_hint, &p, NULL) == 0)
                l = geo_land_by_code(p->land);
            out = json_pack("{sssfsfso}", "name", name, "lat", la, "lon", lo, "land",
                            l ? json_string(l->code) : json_null());
        }
    } else {
        const geo_place *p = NULL;
        char *msg = NULL;
        if (geo_lookup(c->g, name, land_hint, &p, &msg) != 0)
            fail(c, fld, "%s", msg ? msg : "Ort nicht gefunden");
        else
            out = json_pack("{sssfsfss}", "name", p->name, "lat", p->lat, "lon", p->lon, "land",
                            p->land);
        free(msg);
    }
    free(name);
done:
    json_decref(obj);
    return out;
}

static json_t *places(vctx *c, const json_t *in, const char *land_hint)
{
    json_t *out = json_array();
    const json_t *a = get_array(c, in, "places");
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v)
    {
        json_t *p = c->rc ? NULL : place(c, v, i, land_hint);
        if (!p) {
            fail(c, "places", "Element %zu unlesbar", i + 1); /* no-op if set */
            break;
        }
        json_array_append_new(out, p);
    }
    return out;
}

/* year_or_null: a year 1900..2100 or null at key of object o. */
static json_t *year_or_null(vctx *c, const json_t *o, const char *key, const char *fld)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return json_null();
    if (!is_int(v) || json_integer_value(v) < 1900 || json_integer_value(v) > 2100) {
        fail(c, fld, "„%s“ muss ein Jahr zwischen 1900 und 2100 sein", key);
        return json_null();
    }
    return json_integer(json_integer_value(v));
}

static json_t *amount(vctx *c, const json_t *v, size_t i)
{
    char fld[32];
    snprintf(fld, sizeof fld, "amounts[%zu]", i + 1);
    if (!json_is_object(v)) {
        fail(c, fld, "muss ein Objekt {eur, per_year, from, to, text} sein");
        return NULL;
    }
    json_t *eur = json_object_get(v, "eur"), *py = json_object_get(v, "per_year");
    if (!json_is_number(eur) || !(json_number_value(eur) > 0) || json_number_value(eur) > 1e13) {
        fail(c, fld, "„eur“ muss ein positiver Betrag in Euro sein");
        return NULL;
    }
    if (py && !json_is_boolean(py)) {
        fail(c, fld, "„per_year“ muss true oder false sein");
        return NULL;
    }
    json_t *from = year_or_null(c, v, "from", fld), *to = year_or_null(c, v, "to", fld);
    char *text = str_in(c, v, "text", fld, 0, 200);
    if (!c->rc && json_is_integer(from) && json_is_integer(to) &&
        json_integer_value(from) > json_integer_value(to))
        fail(c, fld, "„from“ liegt nach „to“");
    double e = json_number_value(eur);
    json_t *out = json_pack("{soso}", "eur",
                            e == floor(e) && e < 9e15 ? json_integer((json_int_t)e) : json_real(e),
                            "per_year", json_boolean(py && json_is_true(py)));
    json_object_set_new(out, "from", from);
    json_object_set_new(out, "to", to);
    json_object_set_new(out, "text", take_str(text));
    if (c->rc) {
        json_decref(out);
        return NULL;
    }
    return out;
}

static json_t *count(vctx *c, const json_t *v, size_t i)
{
    char fld[32];
    snprintf(fld, sizeof fld, "counts[%zu]", i + 1);
    json_t *n = json_object_get(v, "n");
    if (!json_is_object(v) || !is_int(n) || json_integer_value(n) < 0) {
        fail(c, fld, "muss ein Objekt {n: ganze Zahl ≥ 0, of: Text} sein");
        return NULL;
    }
    char *of = str_in(c, v, "of", fld, 1, 200);
    if (c->rc) {
        free(of);
        return NULL;
    }
    return json_pack("{sIso}", "n", json_integer_value(n), "of", take_str(of));
}

typedef json_t *(*item_fn)(vctx *, const json_t *, size_t);

static json_t *objects(vctx *c, const json_t *in, const char *key, item_fn fn)
{
    json_t *out = json_array();
    const json_t *a = get_array(c, in, key);
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v)
    {
        json_t *o = c->rc ? NULL : fn(c, v, i);
        if (!o) {
            fail(c, key, "Element %zu unlesbar", i + 1); /* no-op if set */
            break;
        }
        json_array_append_new(out, o);
    }
    return out;
}

static int cmp_int(const void *a, const void *b)
{
    json_int_t x = *(const json_int_t *)a, y = *(const json_int_t *)b;
    return (x > y) - (x < y);
}

static json_t *years(vctx *c, const json_t *in)
{
    const json_t *a = get_array(c, in, "years");
    size_t n = json_array_size(a), k = 0;
    json_int_t *ys = xcalloc(n ? n : 1, sizeof *ys);
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v)
    {
        if (!is_int(v) || json_integer_value(v) < 1900 || json_integer_value(v) > 2100) {
            fail(c, "years", "Element %zu muss ein Jahr zwischen 1900 und 2100 sein", i + 1);
            break;
        }
        ys[k++] = json_integer_value(v);
    }
    qsort(ys, k, sizeof *ys, cmp_int);
    json_t *out = json_array();
    for (i = 0; i < k; i++)
        if (i == 0 || ys[i] != ys[i - 1])
            json_array_append_new(out, json_integer(ys[i]));
    free(ys);
    return out;
}

static json_t *links(vctx *c, const json_t *in)
{
    json_t *out = strings(c, in, "links", -1, 2000);
    size_t i;
    json_t *v;
    json_array_foreach(out, i, v)
    {
        const char *s = json_string_value(v);
        if (strncmp(s, "https://", 8) != 0 && strncmp(s, "http://", 7) != 0) {
            fail(c, "links", "Element %zu ist keine http(s)-Adresse", i + 1);
            break;
        }
    }
    return out;
}

/* flag: an optional boolean (absent or null: false). */
static json_t *flag(vctx *c, const json_t *in, const char *key)
{
    json_t *v = json_object_get(in, key);
    if (v && !json_is_null(v) && !json_is_boolean(v))
        fail(c, key, "muss true oder false sein");
    return json_boolean(json_is_true(v));
}

static json_t *source(vctx *c, const json_t *in)
{
    json_t *v = json_object_get(in, "source");
    if (!v || json_is_null(v))
        return json_null();
    if (!json_is_object(v)) {
        fail(c, "source", "muss ein Objekt {document, start, end, quote} sein");
        return json_null();
    }
    char *doc = str_in(c, v, "document", "source", 1, 300);
    json_t *st = json_object_get(v, "start"), *en = json_object_get(v, "end");
    char *quote = str_in(c, v, "quote", "source", 0, 20000);
    if (!c->rc && (!is_int(st) || !is_int(en) || json_integer_value(st) < 0 ||
                   json_integer_value(en) < json_integer_value(st)))
        fail(c, "source", "„start“ und „end“ müssen ganze Zahlen mit 0 ≤ start ≤ end sein");
    if (c->rc) {
        free(doc);
        free(quote);
        return json_null();
    }
    json_t *out = json_pack("{sosOsO}", "document", take_str(doc), "start", st, "end", en);
    json_object_set_new(out, "quote", take_str(quote));
    return out;
}

static void check_keys(vctx *c, const json_t *in)
{
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)in, k, v)
    {
        int ok = 0;
        for (const char *const *p = known_keys; *p && !ok; p++)
            ok = strcmp(*p, k) == 0;
        if (!ok) {
            fail(c, k, "unbekanntes Feld");
            return;
        }
    }
}

char *entry_slug(const char *text, size_t max)
{
    char *f = text_fold_dup(text);
    sbuf b = SBUF_INIT;
    for (const char *p = f; *p && b.len < max; p++) {
        if (isalnum((unsigned char)*p))
            sbuf_addc(&b, *p);
        else if (b.len && b.s[b.len - 1] != '-')
            sbuf_addc(&b, '-');
    }
    while (b.len && b.s[b.len - 1] == '-')
        b.s[--b.len] = '\0';
    free(f);
    return sbuf_take(&b);
}

static int valid_id(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '-' || *s == '_'))
            return 0;
    return 1;
}

/* derive_id: "by-ki-transfer-plus" for a Land, "bund-..." for the Bund. */
static char *derive_id(const char *land, const char *title)
{
    char *slug = entry_slug(title, 70);
    const geo_land *l = land ? geo_land_by_code(land) : NULL;
    char *id = xasprintf("%s-%s", l ? l->abbr : "bund", slug);
    for (char *p = id; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    free(slug);
    return id;
}

/* level_of: the given level, or the one the Land implies. */
static json_t *level_of(vctx *c, const json_t *in, const json_t *land)
{
    char *s = get_str(c, in, "level", 0, 20);
    if (!s)
        s = xstrdup(json_is_null(land) ? "bund" : "land");
    json_t *lv = vocab_value(c, "level", s, ENTRY_VOCAB_LEVEL);
    if (c->rc)
        return lv;
    const char *l = json_string_value(lv);
    if ((strcmp(l, "land") == 0 || strcmp(l, "kommune") == 0) && json_is_null(land))
        fail(c, "land", "fehlt: Einträge der Ebene „%s“ gehören zu einem Land", l);
    else if (strcmp(l, "bund") == 0 && !json_is_null(land))
        fail(c, "land", "muss bei Einträgen des Bundes leer (null) sein");
    return lv;
}

int entry_parse(const json_t *in, const geo *g, const char *where, entry **out, char **err)
{
    vctx c = {where, g, err, KL_OK};
    *out = NULL;
    if (!json_is_object(in)) {
        return where ? err_set(err, KL_EINVAL, "%s: ein Eintrag muss ein JSON-Objekt sein", where)
                     : err_set(err, KL_EINVAL, "ein Eintrag muss ein JSON-Objekt sein");
    }
    check_keys(&c, in);
    json_t *o = json_object();
    char *title = get_str(&c, in, "title", 1, 300);
    char *id = get_str(&c, in, "id", 0, 100);
    json_t *land = land_of(&c, in);
    if (!c.rc && !id && title)
        id = derive_id(json_string_value(land), title);
    if (!c.rc && id && !valid_id(id))
        fail(&c, "id", "„%s“: nur Kleinbuchstaben a-z, Ziffern, - und _", id);
    json_object_set_new(o, "id", take_str(id));
    json_object_set_new(o, "title", take_str(title));
    json_object_set_new(o, "aliases", strings(&c, in, "aliases", -1, 300));
    json_object_set_new(o, "kind",
                        vocab_value(&c, "kind", get_str(&c, in, "kind", 1, 40), ENTRY_VOCAB_KIND));
    json_object_set_new(o, "level", level_of(&c, in, land));
    json_object_set_new(o, "land", land);
    json_object_set_new(o, "ministries", strings(&c, in, "ministries", ENTRY_VOCAB_MINISTRY, 20));
    json_object_set_new(o, "organisations", strings(&c, in, "organisations", -1, 300));
    json_object_set_new(o, "summary", take_str(get_str(&c, in, "summary", 0, 5000)));
    json_object_set_new(o, "places", places(&c, in, json_string_value(land)));
    json_object_set_new(o, "fields", strings(&c, in, "fields", ENTRY_VOCAB_FIELD, 40));
    json_object_set_new(o, "target_groups",
                        strings(&c, in, "target_groups", ENTRY_VOCAB_TARGET, 40));
    json_object_set_new(o, "amounts", objects(&c, in, "amounts", amount));
    json_object_set_new(o, "counts", objects(&c, in, "counts", count));
    json_object_set_new(o, "years", years(&c, in));
    char *st = get_str(&c, in, "status", 0, 20);
    json_object_set_new(o, "status",
                        vocab_value(&c, "status", st ? st : xstrdup("draft"), ENTRY_VOCAB_STATUS));
    json_object_set_new(o, "links", links(&c, in));
    json_object_set_new(o, "seeks_partners", flag(&c, in, "seeks_partners"));
    json_object_set_new(o, "offers_reuse", flag(&c, in, "offers_reuse"));
    json_object_set_new(o, "source", source(&c, in));
    json_object_set_new(o, "version", json_integer(0));
    json_object_set_new(o, "updated_at", json_null());
    if (c.rc) {
        json_decref(o);
        return c.rc;
    }
    *out = xmalloc(sizeof **out);
    (*out)->j = o;
    return KL_OK;
}

entry *entry_from_stored(const char *json_text)
{
    json_t *j = json_loads(json_text, 0, NULL);
    if (!json_is_object(j)) {
        json_decref(j);
        return NULL;
    }
    entry *e = xmalloc(sizeof *e);
    e->j = j;
    return e;
}

void entry_free(entry *e)
{
    if (!e)
        return;
    json_decref(e->j);
    free(e);
}

static const char *str_at(const entry *e, const char *k)
{
    return json_string_value(json_object_get(e->j, k));
}

const char *entry_id(const entry *e)
{
    return str_at(e, "id");
}
const char *entry_title(const entry *e)
{
    return str_at(e, "title");
}
const char *entry_kind(const entry *e)
{
    return str_at(e, "kind");
}
const char *entry_level(const entry *e)
{
    return str_at(e, "level");
}
const char *entry_land(const entry *e)
{
    return str_at(e, "land");
}
const char *entry_status(const entry *e)
{
    return str_at(e, "status");
}
int entry_version(const entry *e)
{
    return (int)json_integer_value(json_object_get(e->j, "version"));
}
json_t *entry_json(const entry *e)
{
    return e->j;
}

void entry_set_meta(entry *e, int version, const char *updated_at)
{
    json_object_set_new(e->j, "version", json_integer(version));
    json_object_set_new(e->j, "updated_at", updated_at ? json_string(updated_at) : json_null());
}

void entry_set_status(entry *e, const char *status)
{
    json_object_set_new(e->j, "status", json_string(status));
}

char *entry_dump(const entry *e)
{
    char *s = json_dumps(e->j, JSON_COMPACT | JSON_REAL_PRECISION(10));
    return s ? s : xstrdup("{}");
}

int entry_same_content(const entry *a, const entry *b)
{
    json_t *x = json_copy(a->j), *y = json_copy(b->j);
    json_object_del(x, "version");
    json_object_del(x, "updated_at");
    json_object_del(y, "version");
    json_object_del(y, "updated_at");
    int same = json_equal(x, y);
    json_decref(x);
    json_decref(y);
    return same;
}
