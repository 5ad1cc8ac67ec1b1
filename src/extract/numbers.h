/* numbers.h: money, counts and years in German report text.
 *
 * "92 Mio. Euro", "5,5 Mrd. Euro", "9,1 Millionen Euro", "15.000 €",
 * "je vier Millionen Euro in den Haushaltsjahren 2023 und 2024",
 * "112 neue KI-Professuren", "417 Stellen", "118 Ideen", "2016". Every
 * finding carries its byte span in the text it was found in, so an entry
 * can cite it. */
#ifndef KL_NUMBERS_H
#define KL_NUMBERS_H

#include <stddef.h>

typedef struct num_amount {
    double eur;        /* 9100000 for "9,1 Millionen Euro" */
    int per_year;      /* 1 for "jährlich", "pro Jahr", "je ... in den Haushaltsjahren" */
    int from, to;      /* period in years, 0 when not stated */
    size_t start, end; /* byte span of the whole phrase in the text */
    char text[160];    /* the phrase as written, "9,1 Millionen Euro" */
} num_amount;

typedef struct num_count {
    long n;            /* 112 */
    size_t start, end; /* byte span */
    char of[120];      /* "KI-Professuren" (the counted noun phrase) */
} num_count;

typedef struct num_year {
    int year;
    size_t start, end;
} num_year;

/* A list of findings; free with num_list_free(). */
typedef struct num_list {
    num_amount *amounts;
    size_t n_amounts;
    num_count *counts;
    size_t n_counts;
    num_year *years;
    size_t n_years;
} num_list;

/* num_scan: find all amounts, counts and years in text[0..n). Counts
 * exclude amounts, years, dates, percentages, paragraph and page numbers.
 * Fills *out (caller frees the arrays with num_list_free). */
void num_scan(const char *text, size_t n, num_list *out);

void num_list_free(num_list *l);

/* num_parse_de: a German number "1.234,5", "15.000", "5,5", or a number
 * word "vier", "zwölf", "hundert" at text[0..n) into *value; returns the
 * bytes consumed, 0 if there is no number there. */
size_t num_parse_de(const char *text, size_t n, double *value);

/* num_word_de: the value of a whole German number word given in folded
 * form (text_fold: lower case, umlauts as ae/oe/ue, ß as ss), exactly
 * folded[0..n): "vier", "zwoelf", "dreissig", "einundzwanzig",
 * "zweihundert", "dreitausend", "eineinhalb" (1.5). The article forms
 * "ein", "eine", "einen", "einem", "einer", "eines" and "eins" are 1.
 * Returns 1 and stores the value in *value (if value is not NULL), 0 when
 * the word is no number word. */
int num_word_de(const char *folded, size_t n, double *value);

/* num_date_year: the year of a German numeric date that is exactly
 * text[0..n), "23.09.2019" or "12.2023" (day 1..31, month 1..12, year
 * 1949..2100); 0 for anything else. */
int num_date_year(const char *text, size_t n);

/* Roles a word plays around numbers (bits of num_word_roles). */
enum {
    NUM_ROLE_FUNCTION = 1,    /* article, preposition, pronoun, auxiliary: no
                               * adjective before a counted noun ("drei der") */
    NUM_ROLE_NOT_NOUN = 2,    /* capitalised but counts nothing: "Die", "Jahre",
                               * "Prozent", "Millionen", "April" */
    NUM_ROLE_LABEL = 4,       /* a number after it is a position: "Platz 5" */
    NUM_ROLE_PERIOD = 8,      /* may stand between an amount and its years:
                               * "(", "in", "den", "bezogen" */
    NUM_ROLE_PERIOD_KEY = 16, /* the same, and it makes the years a period:
                               * "für", "Zeitraum", "Haushaltsjahren" */
    NUM_ROLE_YEAR_WORD = 32,  /* a Jahr or Haushalt word: "je" before it means
                               * "per year" */
};

/* num_word_roles: the NUM_ROLE_* bits of the word or mark folded[0..n)
 * (folded as for num_word_de; marks like "(" or "§" as written); 0 for a
 * word without a role. */
unsigned num_word_roles(const char *folded, size_t n);

#endif
