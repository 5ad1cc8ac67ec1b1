/* extract_fixture.h: what the two test files of the importer share: the
 * gazetteer opened once per test group, running a text, and looking for a
 * title among the proposals. Header-only: each test_*.c is built alone. */
#ifndef KL_TEST_EXTRACT_FIXTURE_H
#define KL_TEST_EXTRACT_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

static geo *g;

static inline int setup(void **state)
{
    (void)state;
    return geo_open_builtin(&g, NULL);
}

static inline int teardown(void **state)
{
    (void)state;
    geo_free(g);
    return 0;
}

static inline void clean_str(const char *in, xclean *c)
{
    xclean_run(in, strlen(in), c);
}

static inline json_t *entry_by_title(extract_result *r, const char *title)
{
    for (size_t i = 0; i < extract_count(r); i++)
        if (strcmp(entry_title(extract_entry(r, i)), title) == 0)
            return entry_json(extract_entry(r, i));
    fail_msg("no entry „%s“", title);
    return NULL;
}

static inline int has_title(extract_result *r, const char *title)
{
    for (size_t i = 0; i < extract_count(r); i++)
        if (strcmp(entry_title(extract_entry(r, i)), title) == 0)
            return 1;
    return 0;
}

/* Round 6: names that are no activity of the map. */
static inline void no_title_with(extract_result *r, const char *part)
{
    for (size_t i = 0; i < extract_count(r); i++)
        if (strstr(entry_title(extract_entry(r, i)), part))
            fail_msg("„%s“ proposed", entry_title(extract_entry(r, i)));
}

static inline extract_result *run_text(const char *t, const char *file)
{
    extract_result *r;
    assert_int_equal(extract_run(t, strlen(t), file, g, "draft", &r, NULL), KL_OK);
    return r;
}

/* first_place: the name of the first place of the entry titled title */
static inline const char *first_place(extract_result *r, const char *title)
{
    json_t *j = entry_by_title(r, title);
    return json_string_value(
        json_object_get(json_array_get(json_object_get(j, "places"), 0), "name"));
}

#endif
