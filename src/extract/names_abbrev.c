/* names_abbrev.c: names with their abbreviation, "Long Form (ABBR)":
 * where the long form begins (the words whose initials or capitals the
 * abbreviation has), what it names (a head noun in it or before it), and
 * what it does not (a person with a party, a member's body). */
#include <string.h>

#include "extract/extract_int.h"

/* initials_of: the letters of s[a..b) (case folded, ASCII) are, in
 * order, initials of the words w[first..end) ("Bifold": Berlin Institute
 * for the Foundation of Learning and Data): an abbreviation with one
 * capital. */
static int initials_of(const char *s, const xword *w, size_t first, size_t end, size_t a, size_t b)
{
    size_t q = first;
    for (size_t c = a; c < b; c++) {
        char x = s[c];
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (x < 'a' || x > 'z')
            return 0;
        /* the letter is the next word's initial, or the next letter of
         * the same word ("Bifold": "of" gives the "o") */
        while (q < end) {
            char y = s[w[q].a];
            if (y >= 'A' && y <= 'Z')
                y = (char)(y - 'A' + 'a');
            q++;
            if (y == x)
                break;
            if (q == end)
                return 0;
        }
        if (q == end && c + 1 < b)
            return 0;
    }
    return 1;
}

/* spelt_by: the letters of the abbreviation s[a..b) stand in order in
 * the words w[first..last] and its first letter begins them ("KIMADU":
 * Künstliche Intelligenz im Mathematik- und Deutschunterricht). */
static int spelt_by(const char *s, size_t a, size_t b, const xword *w, size_t first, size_t last)
{
    size_t c = a;
    for (size_t k = first; k <= last && c < b; k++)
        for (size_t q = w[k].a; q < w[k].b && c < b; q++) {
            char x = s[q], y = s[c];
            if (x >= 'A' && x <= 'Z')
                x = (char)(x - 'A' + 'a');
            if (y >= 'A' && y <= 'Z')
                y = (char)(y - 'A' + 'a');
            if (k == first && q == w[k].a && x != y)
                return 0;
            c += x == y;
        }
    return c == b;
}

/* short_for: "die Plattform PLAIN (kurz für: Platform Analysis and
 * Information System)", "im Forschungsprojekt KIMADU (Künstliche
 * Intelligenz im Mathematik- und Deutschunterricht)": the parenthesis
 * after a word in capitals spells it out; the long form is the name, the
 * word its short form. Return 1 if w[i] opens such a parenthesis (added
 * to r). */
static int short_for(const char *s, const xword *w, size_t nw, size_t i, xnames *r)
{
    if (i == 0 || i + 2 >= nw || w[i - 1].punct || !w[i - 1].allcaps)
        return 0;
    size_t l0 = i; /* the first word of the long form */
    if ((xw_eq(s, &w[i], "kurz") || xw_eq(s, &w[i], "steht") || xw_eq(s, &w[i], "Abkürzung")) &&
        xw_eq(s, &w[i + 1], "für"))
        l0 = i + 2;
    size_t k = l0;
    while (k < nw && !w[k].pclose && k - i < 12)
        k++;
    if (k >= nw || !w[k].pclose || !w[l0].cap || k == l0)
        return 0;
    /* "LINA (Laufzeit bis 2026, Förderung durch das Land)" spells it
     * too: a long form has no comma and no number */
    for (size_t q = l0; q < k && l0 == i; q++)
        if (w[q].punct || xw_is_digit(s[w[q].a]))
            return 0;
    if (l0 == i && (w[i - 1].b - w[i - 1].a < 4 || !spelt_by(s, w[i - 1].a, w[i - 1].b, w, i, k)))
        return 0;
    int plural;
    const char *kind = NULL;
    for (size_t q = l0; q <= k; q++)
        if (!kind)
            kind = xn_head_of(s, &w[q], &plural);
    xname *n = xnames_add(r, xhead_is_org(s + w[l0].a, w[k].b - w[l0].a), w[l0].a, w[k].b, kind,
                          X_RULE_ABBR, w[l0].ts);
    n->alias_a = w[i - 1].a;
    n->alias_b = w[i - 1].b;
    return 1;
}

/* coined_paren: "einer App zur Förderung gesunder Emotionen bei Kindern
 * (Skills4Kids)", "eine Sprachanalyse zur Demenzdiagnostik (DEMKAPPS1)":
 * one word of letters and digits in parentheses after a description is
 * the name of what it describes (xnames_find drops the description).
 * Return 1 if w[i] opens such a parenthesis (added to r). */
static int coined_paren(const char *s, const xword *w, size_t i, size_t i0, size_t j, xnames *r)
{
    if (i0 != j || i == 0 || w[i - 1].punct)
        return 0;
    size_t a = w[j].a, b = w[j].b, letters = 0, digits = 0;
    for (size_t k = a; k < b; k++) {
        letters += (s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= 'a' && s[k] <= 'z');
        digits += xw_is_digit(s[k]);
    }
    size_t caps = 0;
    int inner = 0; /* a digit between letters: "Skills4Kids", not "Covid19" */
    for (size_t k = a; k < b; k++) {
        caps += s[k] >= 'A' && s[k] <= 'Z';
        inner |= k > a && k + 1 < b && xw_is_digit(s[k]) && !xw_is_digit(s[k + 1]);
    }
    if (!digits || letters < 4 || letters + digits != b - a || !(s[a] >= 'A' && s[a] <= 'Z') ||
        (caps < 2 && !inner))
        return 0;
    xnames_add(r, 0, a, b, xn_kind_before(s, w, i), X_RULE_CAPS, w[j].ts);
    return 1;
}

/* short_form: the parenthesis w[i..j] (its abbreviation from w[i0])
 * holds a short form: capitals, or one capital whose letters may be the
 * initials of the long form ("(Bifold)"); no year, no lower-case word, no
 * Land, no person's affiliation. *upper_out: its capitals. */
static int short_form(const char *s, const xword *w, size_t i, size_t i0, size_t j, xpcache *cache,
                      size_t *upper_out)
{
    size_t a = w[i0].a, b = w[j].b, upper = 0;
    for (size_t k = a; k < b; k++)
        upper += s[k] >= 'A' && s[k] <= 'Z';
    int lowerword = 0;
    for (size_t k = i0; k <= j; k++) {
        size_t caps_in = 0;
        for (size_t c = w[k].a; c < w[k].b; c++)
            caps_in += s[c] >= 'A' && s[c] <= 'Z';
        /* "(hessian.AI)", "(openDVA)": coined, not a lower-case word */
        lowerword |= !w[k].cap && !(s[w[k].a] >= '0' && s[w[k].a] <= '9') &&
                     !xn_dotted_coin(s, &w[k]) && caps_in < 2;
    }
    int year = 0; /* "(Gründung Januar 2021)": a date, no abbreviation */
    for (size_t k = a; k + 4 <= b && !year; k++)
        year = (s[k] == '1' || s[k] == '2') && xw_is_digit(s[k + 1]) && xw_is_digit(s[k + 2]) &&
               xw_is_digit(s[k + 3]) && (k + 4 == b || !xw_is_digit(s[k + 4])) &&
               (k == a || !xw_is_digit(s[k - 1]));
    /* "(Bifold)": one capital only, if its letters are the initials
     * of the long form (checked below) */
    int initials = upper == 1 && i0 == j && b - a >= 4 && b - a <= 10;
    /* "Ronny Stricker (TU Ilmenau)": a plain word beside others in the
     * parenthesis says where a person belongs; "(KIZ Nord)", whose
     * capitals the words before spell, stays a short form */
    int plain = 0, spelt = 0;
    for (size_t k = i0; k <= j && i0 < j; k++) {
        size_t caps_in = 0;
        for (size_t c = w[k].a + 1; c < w[k].b; c++)
            caps_in += s[c] >= 'A' && s[c] <= 'Z';
        plain |= w[k].cap && caps_in == 0 && !xn_digit_inside(s, &w[k]);
        for (size_t f = i; w[k].allcaps && f > 0 && i - f < 6 && !spelt; f--)
            spelt = !w[f - 1].punct && spelt_by(s, w[k].a, w[k].b, w, f - 1, i - 1);
    }
    if (plain && !spelt)
        return 0;
    *upper_out = upper;
    return !(year || (upper < 2 && !initials) || b - a > 24 || b - a < 2 || lowerword ||
             xw_not_a_name(s, a, b) || xpcache_land(cache, s + a, b - a));
}

/* long_form: the first word of the long form before the parenthesis
 * opening at w[i] (closing at w[j]); i if there is none. */
static size_t long_form(const char *s, const xword *w, size_t i, size_t j)
{
    /* the long form: capitalised words and xn_connectors before "(";
     * in a quote that the parenthesis closes, the quote („Künstliche
     * Intelligenz, Digitalität (KIDI)“) */
    size_t k = i, first = i;
    if (w[j].qclose)
        for (size_t q = i; q > 0 && i - q < 11 && !w[q - 1].qclose; q--)
            if (w[q - 1].qopen) {
                first = q - 1;
                k = 0;
                break;
            }
    while (k > 0 && i - k < 11) {
        const xword *p = &w[k - 1];
        if (p->punct || p->pclose)
            break;
        if (p->qclose) { /* „Name“ (ABBR): the quote is the long form */
            first = k - 1;
            while (first > 0 && !w[first].qopen)
                first--;
            break;
        }
        if (p->cap && !xw_in_list(s, p, xn_stop_caps)) {
            first = k - 1;
            if (p->qopen) /* „Driver of Future Transformation (DriFT@HsH)“ */
                break;
        } else if (xw_in_list(s, p, xn_connectors) ||
                   (xn_adjective_like(s, p) && k >= 2 && w[k - 2].cap) ||
                   (xw_eq(s, p, "die") && k >= 2 && xw_eq(s, &w[k - 2], "für")))
            ;
        else
            break;
        k--;
    }
    return first;
}

/* trim_long_form: the long form w[first..i) where a connector after
 * words without a head noun starts it anew, or a head noun before it
 * says what it is (*described: that head's kind, else NULL); its new
 * first word. */
static size_t trim_long_form(const char *s, const xword *w, size_t first, size_t i, size_t a,
                             size_t b, const char **described_out)
{
    /* "Im Rahmen der Hightech Agenda Bayern (HTA)": a connector after
     * words without a head noun starts the name anew; not after an
     * organisation ("Fraunhofer Institut für Integrierte Schaltungen
     * (IIS)" is the institute's name) */
    size_t first0 = first;
    int org_cut = 0;
    for (size_t q = first; q < i; q++) {
        int pl;
        if (xn_head_of(s, &w[q], &pl) || w[q].qopen)
            break;
        org_cut |= w[q].org;
        /* "Koordinierungs- und Kompetenzzentrum": one name */
        int pair = q > first && s[w[q - 1].b - 1] == '-';
        if (xw_in_list(s, &w[q], xn_connectors) && q + 1 < i && !pair)
            first = q + 1;
    }
    if (org_cut)
        first = first0;
    else
        first = xn_caps_suffix(s, w, first, i, a, b);
    /* "Das Berliner KI-Kompetenzzentrum Berlin Institute for the
     * Foundations of Learning and Data (BIFOLD)": a head noun, then
     * the name the abbreviation shortens; the head says what it is */
    const char *described = NULL;
    for (size_t q = first + 1; q + 1 < i && !described; q++)
        if (w[q - 1].hk && !w[q - 1].org && !w[q - 1].punct && w[q].cap &&
            !xw_in_list(s, &w[q], xn_connectors) && initials_of(s, w, q, i, a, b) &&
            s[w[q].a] == s[a]) {
            described = w[q - 1].hk;
            first = q;
        }
    *described_out = described;
    return first;
}

void xn_find_abbrevs(const char *s, const xword *w, size_t nw, xpcache *cache, xnames *r)
{
    for (size_t i = 1; i < nw; i++) {
        if (!w[i].popen)
            continue;
        if (short_for(s, w, nw, i, r))
            continue;
        size_t j = i;
        while (j < nw && !w[j].pclose && j - i < 2)
            j++;
        if (j >= nw || !w[j].pclose)
            continue;
        /* "Large Language Model (kurz: LLM)": the word that says it is
         * short is not part of the abbreviation */
        size_t i0 = i;
        if (i < j && (xw_eq(s, &w[i], "kurz") || xw_eq(s, &w[i], "abgekürzt")))
            i0 = i + 1;
        if (coined_paren(s, w, i, i0, j, r))
            continue;
        size_t a = w[i0].a, b = w[j].b, upper = 0;
        if (!short_form(s, w, i, i0, j, cache, &upper))
            continue;
        size_t first = long_form(s, w, i, j);
        if (first == i)
            continue;
        if (upper < 2 && !initials_of(s, w, first, i, a, b))
            continue;
        const char *described;
        first = trim_long_form(s, w, first, i, a, b, &described);
        if (i - first == 1 && first > 0 && xn_adjective_like(s, &w[first - 1]))
            first--; /* "interministerielle Arbeitsgruppe (IMA KI)" */
        size_t la = w[first].a, lb = w[i - 1].b;
        if (w[first].qopen)
            la = w[first].a;
        int plural, org = xhead_is_org(s + la, lb - la), allc;
        /* "im neuen Berlin Institute for ... (Bifold)": founded, an
         * activity */
        for (size_t q = first; q < i && org; q++)
            if (w[q].org && xn_founded_org(s, w, nw, first, q))
                org = 0;
        const char *kind = NULL;
        size_t capw = 0;
        for (size_t q = first; q < i; q++) {
            const char *hk = xn_head_of(s, &w[q], &plural);
            if (hk && !plural)
                kind = hk;
            capw += w[q].cap;
        }
        if (described) {
            kind = described;
            org = 0;
        }
        /* "Arbeitsgruppe ‘Künstliche Intelligenz‘ (IMAG KI)": a quote that
         * names nothing alone is the label of the head noun before it */
        if (xw_not_a_name(s, la, lb) && w[first].qopen && first > 0 && !w[first - 1].punct &&
            xn_head_of(s, &w[first - 1], &plural) && !plural && !w[first - 1].org) {
            first--;
            la = w[first].a;
            lb = w[i - 1].te; /* with the closing quote */
            kind = xn_head_of(s, &w[first], &plural);
            org = 0;
        }
        if (xw_not_a_name(s, la, lb))
            continue;
        if (xn_member_of(s, w, first, i - 1)) { /* "Mitglied der ... Kommission (SWK)" */
            xnames_add(r, 1, w[first].a, w[i - 1].b, NULL, X_RULE_ABBR, w[first].ts);
            i = j;
            continue;
        }
        /* "Wirtschaftsministerin Nicole Hoffmeister-Kraut (CDU)": a person
         * with a party or an office, no activity */
        if (xn_party(s, a, b) || xn_person_title(s, &w[first]) ||
            (first > 0 && xn_person_title(s, &w[first - 1])) || xn_portfolio(s, w, first) ||
            xn_names_ministers(s, la, lb)) {
            i = j;
            continue;
        }
        if (!org && !kind && capw < 2 && !xw_name_like(s, &w[first], &allc))
            continue;
        /* "Jan Hesthaven (KIT)": capitals in parentheses that are not
         * the initials of words without a head noun are where the words
         * belong (a person's university), not their short name */
        if (!org && !kind && upper == b - a && !w[first].qopen &&
            !initials_of(s, w, first, i, a, b))
            continue;
        xnames_add(r, org, la, lb, kind, X_RULE_ABBR, w[first].ts);
        r->v[r->n - 1].alias_a = a;
        r->v[r->n - 1].alias_b = b;
        r->v[r->n - 1].demonstrative = first > 0 && xw_in_list(s, &w[first - 1], xn_demonstratives);
        i = j;
    }
}
