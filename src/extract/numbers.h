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

#endif
