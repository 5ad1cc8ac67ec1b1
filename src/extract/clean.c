/* clean.c: PDF-to-text and Markdown noise out of a document, with a piece
 * table that maps every clean byte back to its original offset (see
 * extract_int.h). Works line by line: first every line is classified
 * (bullet, heading, page number, repeated header), then the kept lines are
 * joined with a space, a '\n' (a new block) or nothing (a word split at
 * the line end). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "util/text.h"
#include "util/xalloc.h"

typedef struct line {
    size_t a, b; /* content in the original, trimmed, bullet removed */
    size_t nl;   /* offset of the line break after the line (or n) */
    unsigned bullet : 1, heading : 1, strong : 1, numbered : 1, drop : 1, blank : 1;
    unsigned blank_before : 1;
    unsigned credit : 1; /* a picture's credit line (dropped) */
} line;

/* ws_len: length of a white-space character at s[i] (0 if none). NBSP,
 * narrow NBSP, zero-width space and the byte order mark count as space. */
static size_t ws_len(const char *s, size_t n, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)
        return 2;
    if (i + 2 < n) {
        const unsigned char *p = (const unsigned char *)s + i;
        if ((p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xAF || p[2] == 0x8B)) ||
            (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF))
            return 3;
    }
    return 0;
}

/* bullet_len: length of a bullet glyph at s[i] (0 if none): the private
 * use glyphs of Symbol/Wingdings fonts PDF tools emit, and the Unicode
 * bullets. */
static size_t bullet_len(const char *s, size_t n, size_t i)
{
    static const char *const glyphs[] = {
        "\xEF\x82\xB7", "\xEF\x82\xA7", "\xEF\x83\x98", "\xEF\x82\xAE", "\xE2\x80\xA2",
        "\xE2\x97\xA6", "\xE2\x96\xAA", "\xE2\x96\xA0", "\xE2\x97\x8F", "\xE2\x80\xA3",
        "\xE2\x81\x83", "\xE2\x9E\xA2", "\xE2\x96\xBA", "\xC2\xB7",
    };
    for (size_t k = 0; k < sizeof glyphs / sizeof glyphs[0]; k++) {
        size_t l = strlen(glyphs[k]);
        if (i + l <= n && memcmp(s + i, glyphs[k], l) == 0)
            return l;
    }
    return 0;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* page_number: 1 if s[a..b) is a lone page number: "12", "- 12 -",
 * "Seite 3", "Seite 3 von 10", "3/10". */
static int page_number(const char *s, size_t a, size_t b)
{
    size_t len = b - a;
    if (len == 0 || len > 20)
        return 0;
    const char *p = s + a;
    size_t i = 0, digits = 0;
    if (len > 6 && strncmp(p, "Seite ", 6) == 0)
        i = 6;
    for (; i < len; i++) {
        if (is_digit(p[i]))
            digits++;
        else if (!(p[i] == ' ' || p[i] == '-' || p[i] == '/' ||
                   (i + 3 <= len && strncmp(p + i, "von", 3) == 0 && (i += 2, 1))))
            return 0;
    }
    return digits > 0 && digits <= 6;
}

/* How a picture's credit begins. */
static const char *const credit_opens[] = {
    "\xC2\xA9", "Foto:", "Fotos:", "Bild:", "Bildquelle:", "Copyright", NULL};
/* the credits that end a caption: a word and a colon ("Copyright-Fragen"
 * and "©" may stand in a sentence) */
static const char *const caption_credits[] = {"Foto:", "Fotos:", "Bild:", "Bildquelle:", NULL};

/* credit_line: 1 if s[a..b) is a short line crediting a picture of a
 * web page ("© Stadtverwaltung Ilmenau", "Foto: dpa/Christian
 * Charisius"), which would run into the heading after it. */
static int credit_line(const char *s, size_t a, size_t b)
{
    if (b - a > 100)
        return 0;
    if (a < b && s[a] == '(') /* "(Bildquelle: eGo-Saar)" */
        a++;
    for (const char *const *o = credit_opens; *o; o++) {
        size_t l = strlen(*o);
        if (b - a >= l && memcmp(s + a, *o, l) == 0)
            return 1;
    }
    return 0;
}

/* caption_with_credit: s[a..b) is a short line that ends in a credit
 * after a sentence ("Übergabe des Förderbescheids in Kiel. Foto: TH
 * Lübeck"): the caption of a picture. The credit is the line's last
 * sentence, a name or two ("... 2 Millionen Euro. Bild: Fragen zum
 * Urheberrecht klärt ..." goes on as text). */
static int caption_with_credit(const char *s, size_t a, size_t b)
{
    if (b - a > 200)
        return 0;
    size_t last = SIZE_MAX; /* where the last sentence begins */
    for (size_t i = a; i + 2 < b; i++)
        if (s[i] == '.' && s[i + 1] == ' ')
            last = i + 2;
    if (last == SIZE_MAX || b - last > 60)
        return 0;
    for (const char *const *o = caption_credits; *o; o++) {
        size_t l = strlen(*o);
        if (b - last >= l && memcmp(s + last, *o, l) == 0)
            return 1;
    }
    return 0;
}

/* drop_captions: the caption of a picture is no text of the page: a
 * short sentence right before a credit line ("Bei der Vorstellung des
 * Projekts in Gersheim." / "(Bildquelle: eGo-Saar)"; a heading there has
 * no full stop), a caption that ends in its credit, and the same caption
 * said once more before it without the credit (the picture's
 * alternative text). Blank lines between them do not count; the first
 * line of the text is its title, whatever follows it. */
static void drop_captions(const char *s, line *L, size_t nl)
{
    size_t prev = SIZE_MAX, first = SIZE_MAX; /* the last and first non-blank lines */
    for (size_t i = 0; i < nl; i++) {
        if (L[i].blank)
            continue;
        int credit = L[i].credit;
        int caption = !credit && caption_with_credit(s, L[i].a, L[i].b);
        if (caption)
            L[i].drop = 1;
        if (first == SIZE_MAX)
            first = i;
        if (prev != SIZE_MAX && prev != first && !L[prev].heading && !L[prev].drop) {
            size_t pl = L[prev].b - L[prev].a;
            if ((credit && pl <= 100 && s[L[prev].b - 1] == '.') ||
                (caption && pl < L[i].b - L[i].a && memcmp(s + L[prev].a, s + L[i].a, pl) == 0))
                L[prev].drop = 1;
        }
        prev = i;
    }
}

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

/* drop_repeated: mark lines that repeat three times or more (running
 * headers and footers) as dropped, unless such lines would be more than a
 * fifth of the document: then the repetition is the content itself. */
static void drop_repeated(const char *s, line *L, size_t nl)
{
    size_t cap = 64;
    while (cap < 2 * nl)
        cap *= 2;
    size_t *slot = xcalloc(cap, sizeof *slot); /* line index + 1 */
    size_t *cnt = xcalloc(nl, sizeof *cnt);    /* per first occurrence */
    size_t *first = xmalloc((nl ? nl : 1) * sizeof *first);
    size_t nonblank = 0, repeated = 0;
    for (size_t i = 0; i < nl; i++) {
        first[i] = SIZE_MAX;
        if (L[i].blank || L[i].drop)
            continue;
        nonblank++;
        size_t len = L[i].b - L[i].a;
        if (len < 8)
            continue;
        size_t h = (size_t)hash_bytes(s + L[i].a, len) & (cap - 1);
        while (slot[h]) {
            line *o = &L[slot[h] - 1];
            if (o->b - o->a == len && memcmp(s + o->a, s + L[i].a, len) == 0)
                break;
            h = (h + 1) & (cap - 1);
        }
        if (!slot[h])
            slot[h] = i + 1;
        first[i] = slot[h] - 1;
        cnt[first[i]]++;
    }
    for (size_t i = 0; i < nl; i++)
        if (first[i] != SIZE_MAX && cnt[first[i]] >= 3)
            repeated++;
    if (repeated * 5 <= nonblank)
        for (size_t i = 0; i < nl; i++)
            if (first[i] != SIZE_MAX && cnt[first[i]] >= 3)
                L[i].drop = 1;
    free(slot);
    free(cnt);
    free(first);
}

/* split_lines: the lines of text with their content and marks. */
static line *split_lines(const char *s, size_t n, size_t *out_n)
{
    size_t cap = 256, nl = 0;
    line *L = xmalloc(cap * sizeof *L);
    size_t pos = 0;
    while (pos < n) {
        const char *e = memchr(s + pos, '\n', n - pos);
        size_t end = e ? (size_t)(e - s) : n;
        line ln = {0};
        ln.nl = end;
        size_t a = pos, b = end, k;
        for (;;) {
            if (a < b && (k = ws_len(s, b, a))) {
                a += k;
            } else if (a < b && (k = bullet_len(s, b, a))) {
                a += k;
                ln.bullet = 1;
            } else if (!ln.bullet && a + 1 < b && strchr("-*+o", s[a]) && s[a + 1] == ' ') {
                a += 2;
                ln.bullet = 1;
            } else if (!ln.bullet && a + 3 < b && memcmp(s + a, "\xE2\x80\x93 ", 4) == 0) {
                a += 4;
                ln.bullet = 1;
            } else {
                break;
            }
        }
        if (a < b && s[a] == '#') {
            size_t h = a;
            while (h < b && s[h] == '#')
                h++;
            if (h < b && s[h] == ' ') {
                ln.heading = 1;
                a = h + 1;
            }
        }
        while (b > a) {
            size_t back = 1;
            while (back < 3 && b - back > a && ((unsigned char)s[b - back] & 0xC0) == 0x80)
                back++;
            if (ws_len(s, b, b - back) == back)
                b -= back;
            else
                break;
        }
        while (a < b && (k = ws_len(s, b, a)))
            a += k;
        ln.a = a;
        ln.b = b;
        ln.blank = a == b;
        ln.strong = b - a > 4 && strncmp(s + a, "**", 2) == 0 && strncmp(s + b - 2, "**", 2) == 0;
        if (a < b && is_digit(s[a])) {
            size_t d = a;
            while (d < b && (is_digit(s[d]) || s[d] == '.'))
                d++;
            ln.numbered = d < b && d > a && (s[d - 1] == '.' || s[d] == ')') && d - a <= 6;
        }
        ln.credit = !ln.blank && credit_line(s, a, b);
        ln.drop = ln.credit || (!ln.blank && page_number(s, a, b));
        if (nl == cap) {
            cap *= 2;
            L = xrealloc(L, cap * sizeof *L);
        }
        L[nl++] = ln;
        pos = end + 1;
    }
    *out_n = nl;
    return L;
}

static void put(xclean *c, sbuf *b, const char *src, size_t len, size_t orig)
{
    size_t k = c->npieces;
    if (k == 0 || c->ostart[k - 1] + (b->len - c->cstart[k - 1]) != orig) {
        if (k == c->cap) {
            c->cap = c->cap ? 2 * c->cap : 256;
            c->cstart = xrealloc(c->cstart, c->cap * sizeof *c->cstart);
            c->ostart = xrealloc(c->ostart, c->cap * sizeof *c->ostart);
        }
        c->cstart[k] = b->len;
        c->ostart[k] = orig;
        c->npieces++;
    }
    sbuf_add(b, src, len);
}

static int conjunction(const char *s, size_t a, size_t b);

/* plain_byte: c cannot begin anything emit_line treats apart (white
 * space, "**", "__", a soft hyphen, an escape, a link). */
static int plain_byte(unsigned char c)
{
    return !(c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '*' || c == '_' ||
             c == '\\' || c == '[' || c == ']' || c == 0xC2 || c == 0xE2 || c == 0xEF || c == '\0');
}

/* lower_at: s[i] begins a lower-case letter (ASCII or ä, ö, ü, ß). */
static int lower_at(const char *s, size_t i, size_t end)
{
    if (s[i] >= 'a' && s[i] <= 'z')
        return 1;
    return i + 1 < end && (unsigned char)s[i] == 0xC3 &&
           ((unsigned char)s[i + 1] == 0xA4 || (unsigned char)s[i + 1] == 0xB6 ||
            (unsigned char)s[i + 1] == 0xBC || (unsigned char)s[i + 1] == 0x9F);
}

/* inline_split: the clean text b[0..n) ends in a lower-case letter and a
 * hyphen and s[i..end) goes on with a lower-case word that is no
 * conjunction ("Bildungs- und Forschungsregionen" stays). */
static int inline_split(const char *b, size_t n, const char *s, size_t i, size_t end)
{
    if (n < 3 || b[n - 1] != '-' || !lower_at(s, i, end) || conjunction(s, i, end))
        return 0;
    return (b[n - 2] >= 'a' && b[n - 2] <= 'z') || lower_at(b, n - 3, n - 1);
}

/* reflowed: at least three words split by a hyphen and a space inside
 * lines ("beein- flusst"): PDF text whose line breaks became spaces. */
static int reflowed(const char *s, size_t n)
{
    int k = 0;
    for (size_t i = 1; i + 2 < n && k < 3; i++)
        if (s[i] == '-' && s[i + 1] == ' ' && s[i - 1] >= 'a' && s[i - 1] <= 'z' &&
            lower_at(s, i + 2, n) && !conjunction(s, i + 2, n))
            k++;
    return k >= 3;
}

/* emit_line: the content of line l with white space collapsed and
 * Markdown markers dropped. A hyphen ending the line after a letter is
 * held back: *hyphen receives its offset (else SIZE_MAX). */
static void emit_line(xclean *c, sbuf *b, const char *s, const line *l, size_t *hyphen)
{
    size_t i = l->a, end = l->b, k;
    *hyphen = SIZE_MAX;
    if (end - i >= 2 && s[end - 1] == '-' && s[end - 2] != ' ' && s[end - 2] != '-' &&
        !is_digit(s[end - 2])) {
        *hyphen = end - 1;
        end--;
    }
    int space = 0;
    size_t space_at = 0;
    while (i < end) {
        if ((k = ws_len(s, end, i))) {
            if (!space)
                space_at = i;
            space = 1;
            i += k;
            continue;
        }
        if ((s[i] == '*' || s[i] == '_') && i + 1 < end && s[i + 1] == s[i]) {
            i += 2;
            continue;
        }
        if ((unsigned char)s[i] == 0xC2 && i + 1 < end && (unsigned char)s[i + 1] == 0xAD) {
            i += 2; /* soft hyphen */
            continue;
        }
        if (s[i] == '\\' && i + 1 < end && strchr("*_[]()#`\\-", s[i + 1])) {
            i++;
        } else if (s[i] == '[') {
            const char *close = memchr(s + i, ']', end - i);
            if (close && (size_t)(close - s) + 1 < end && close[1] == '(') {
                i++;
                continue;
            }
        } else if (s[i] == ']' && i + 1 < end && s[i + 1] == '(') {
            const char *close = memchr(s + i, ')', end - i);
            if (close) {
                i = (size_t)(close - s) + 1;
                continue;
            }
        }
        /* "KI- Academy": a compound split at a line end in a text whose
         * line breaks became spaces; "KI- und Datenkompetenz" stays */
        int split = space && b->len >= 2 && b->s[b->len - 1] == '-' &&
                    text_is_alnum((unsigned char)b->s[b->len - 2]) && xis_upper_at(s, end, i) &&
                    !conjunction(s, i, end);
        /* "sie beein- flusst", "der Freistaat Bay- ern": a word split at a
         * line end in such a text */
        if (space && c->reflowed && inline_split(b->s, b->len, s, i, end)) {
            b->len--;
            if (c->npieces && c->cstart[c->npieces - 1] == b->len)
                c->npieces--;
            space = 0;
        }
        if (space && !split && b->len && b->s[b->len - 1] != '\n' && b->s[b->len - 1] != ' ')
            put(c, b, " ", 1, space_at);
        space = 0;
        /* the character, and the plain bytes after it in one piece: a
         * byte that may begin white space, a Markdown marker, a soft
         * hyphen or an escape ends the run and goes round the loop */
        size_t cl = 1;
        /* one space between plain bytes is copied as it stands: the same
         * bytes and map as collapsing it, in one piece with the words */
        while (i + cl < end && (plain_byte((unsigned char)s[i + cl]) ||
                                (s[i + cl] == ' ' && s[i + cl - 1] != '-' && i + cl + 1 < end &&
                                 plain_byte((unsigned char)s[i + cl + 1]))))
            cl += s[i + cl] == ' ' ? 2 : 1;
        put(c, b, s + i, cl, i);
        i += cl;
    }
}

static int ends_with_any(const char *s, const line *l, const char *set)
{
    if (l->b == l->a)
        return 0;
    char ch = s[l->b - 1];
    if (ch == '*' && l->b - l->a > 2 && s[l->b - 2] == '*')
        ch = l->b - l->a > 2 ? s[l->b - 3] : ch;
    return strchr(set, ch) != NULL;
}

static int starts_upper(const char *s, const line *l)
{
    size_t a = l->a;
    while (a < l->b && (s[a] == '*' || s[a] == '"'))
        a++;
    if (a + 3 <= l->b && memcmp(s + a, "\xE2\x80\x9E", 3) == 0) /* „ */
        return 1;
    return a < l->b && (xis_upper_at(s, l->b, a) || is_digit(s[a]));
}

/* heading_like: a short line that ends without punctuation between a
 * finished sentence and a capitalised line, as PDF text renders headings. */
static int heading_like(const char *s, const line *L, const size_t *kept, size_t nk, size_t j)
{
    const line *l = &L[kept[j]];
    if (l->b - l->a > 80 || ends_with_any(s, l, ".,;:-!?") || !starts_upper(s, l))
        return 0;
    if (j > 0 && !ends_with_any(s, &L[kept[j - 1]], ".:!?\")") && !L[kept[j - 1]].heading &&
        !L[kept[j - 1]].strong)
        return 0;
    return j + 1 < nk && (starts_upper(s, &L[kept[j + 1]]) || L[kept[j + 1]].bullet);
}

static int conjunction(const char *s, size_t a, size_t b)
{
    static const char *const w[] = {
        "und ",   "oder ", "bzw.",        "sowie ",           "bis ",    "als ", "wie ", "noch ",
        "statt ", "zu ",   "respektive ", "beziehungsweise ", "sondern "};
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++) {
        size_t l = strlen(w[k]);
        if (b - a >= l && memcmp(s + a, w[k], l) == 0)
            return 1;
        if (b - a == l - 1 && memcmp(s + a, w[k], l - 1) == 0)
            return 1;
    }
    return 0;
}

/* ocr_ki: "Kl-Labors", "Kl-gestützte": text recognition read the "I" of
 * "KI-" as a lower-case "l"; no German word begins with "Kl-", so the
 * compound is mended in place (same length: the map stays as it is). */
static void ocr_ki(char *s, size_t n)
{
    for (size_t i = 0; i + 3 < n; i++)
        if (s[i] == 'K' && s[i + 1] == 'l' && s[i + 2] == '-' &&
            (i == 0 || !text_is_alnum((unsigned char)s[i - 1])) &&
            (text_is_alnum((unsigned char)s[i + 3]) || (unsigned char)s[i + 3] >= 0xC3))
            s[i + 1] = 'I';
}

void xclean_run(const char *s, size_t n, xclean *c)
{
    memset(c, 0, sizeof *c);
    c->orig_n = n;
    c->reflowed = reflowed(s, n);
    size_t nl;
    line *L = split_lines(s, n, &nl);
    drop_repeated(s, L, nl);
    drop_captions(s, L, nl);
    size_t *kept = xmalloc((nl ? nl : 1) * sizeof *kept), nk = 0, followed = 0, longer = 0;
    int blank = 0;
    for (size_t i = 0; i < nl; i++) {
        if (L[i].drop)
            continue;
        if (L[i].blank) {
            blank = 1;
            continue;
        }
        L[i].blank_before = blank && nk > 0;
        followed += blank && nk > 0;
        blank = 0;
        longer += L[i].b - L[i].a > 160;
        kept[nk++] = i;
    }
    /* PDF text often has an empty line after every line: then empty lines
     * say nothing about paragraphs. A text copied from a web page has one
     * too, but its lines are whole paragraphs: where a quarter of them is
     * longer than a PDF's line, the empty lines part paragraphs. */
    int double_spaced = nk > 4 && followed * 10 >= (nk - 1) * 6 && longer * 4 < nk;
    sbuf b = SBUF_INIT;
    size_t hyphen = SIZE_MAX;
    int prev_heading = 0;
    for (size_t j = 0; j < nk; j++) {
        line *l = &L[kept[j]];
        int head = l->heading || l->strong || heading_like(s, L, kept, nk, j);
        if (j > 0) {
            line *p = &L[kept[j - 1]];
            /* an empty line next to a line longer than a PDF's parts
             * paragraphs even where the page's clutter of short lines
             * looks double-spaced */
            int para = l->b - l->a > 160 || p->b - p->a > 160;
            int brk = l->bullet || head || l->numbered || prev_heading ||
                      ends_with_any(s, p, ":") || (l->blank_before && (!double_spaced || para));
            if (hyphen != SIZE_MAX) {
                if (xis_lower_at(s, l->b, l->a) && !conjunction(s, l->a, l->b) && !l->bullet &&
                    !l->heading && !l->numbered) {
                    /* a word split at the line end: join */
                } else {
                    put(c, &b, "-", 1, hyphen);
                    if (!xis_upper_at(s, l->b, l->a) && !is_digit(s[l->a]))
                        put(c, &b, brk ? "\n" : " ", 1, p->nl);
                    else if (brk)
                        put(c, &b, "\n", 1, p->nl);
                }
            } else {
                put(c, &b, brk ? "\n" : " ", 1, p->nl);
            }
        }
        emit_line(c, &b, s, l, &hyphen);
        prev_heading = head;
    }
    if (hyphen != SIZE_MAX)
        put(c, &b, "-", 1, hyphen);
    c->n = b.len;
    c->s = sbuf_take(&b);
    ocr_ki(c->s, c->n);
    free(kept);
    free(L);
}

void xclean_free(xclean *c)
{
    free(c->s);
    free(c->cstart);
    free(c->ostart);
    memset(c, 0, sizeof *c);
}

size_t xclean_orig(const xclean *c, size_t pos)
{
    if (pos >= c->n || c->npieces == 0)
        return c->orig_n;
    size_t lo = 0, hi = c->npieces; /* last piece with cstart <= pos */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->cstart[mid] <= pos)
            lo = mid;
        else
            hi = mid;
    }
    return c->ostart[lo] + (pos - c->cstart[lo]);
}

void xclean_span(const xclean *c, size_t cs, size_t ce, size_t *os, size_t *oe)
{
    *os = xclean_orig(c, cs);
    *oe = ce > cs ? xclean_orig(c, ce - 1) + 1 : *os;
    if (*oe > c->orig_n)
        *oe = c->orig_n;
}
