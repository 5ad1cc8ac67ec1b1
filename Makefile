# KI-Landkarte: hand-written Makefile (see README for the two commands).
#
#   make            build build/kilandkarte
#   make run        install what is missing, build, load the shipped data
#   make test       install what is missing, build plain and sanitizer
#                   builds, run unit and command-line tests in both
#   make bench      benchmarks, figures to bench/RESULTS.md (short: 10k, 100k)
#   make bench-full the same with 1,000,000 entries, more passes
#   make fuzz       run the libFuzzer drivers, FUZZ_SECONDS (30) each
#   make valgrind   the unit tests of the plain build under valgrind
#   make format     clang-format the C sources

CC      ?= cc
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
INCS    := -Isrc
LIBS    := -lsqlite3 -ljansson -lstemmer -lsodium -lmicrohttpd -lm -lpthread

BUILD   ?= build
ifeq ($(SANITIZE),1)
BUILD   := build-san
OPT     := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDOPT   := -fsanitize=address,undefined
else ifeq ($(FUZZ),1)
# libFuzzer: the library instrumented for coverage, the drivers linked with
# libFuzzer's main (make fuzz).
BUILD   := build-fuzz
CC      := clang
OPT     := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDOPT   := -fsanitize=fuzzer,address,undefined
else
OPT     := -O2 -g
LDOPT   :=
endif
CFLAGS  += $(CSTD) $(WARN) $(OPT) $(INCS) -MMD -MP

LIB_SRC  := $(sort $(wildcard src/util/*.c src/core/*.c src/core/*.S src/extract/*.c src/extract/*.S src/analyse/*.c src/conference/*.c src/oparl/*.c src/http/*.c src/http/*.S src/auth/*.c src/cli/cmd_*.c))
MAIN_SRC := src/cli/main.c
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))

LIB_OBJ  := $(patsubst %.S,$(BUILD)/%.o,$(LIB_SRC:%.c=$(BUILD)/%.o))
MAIN_OBJ := $(MAIN_SRC:%.c=$(BUILD)/%.o)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
FUZZ_SECONDS ?= 30
BIN      := $(BUILD)/kilandkarte

.PHONY: all deps web run test tests-bin fuzz-bin bench bench-full fuzz valgrind format clean
all: $(BIN)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

# Data files compiled into the binary (gazetteer, compound lexicon) so that
# kilandkarte is one file that runs from anywhere.
$(BUILD)/%.o: %.S
	@mkdir -p $(dir $@)
	$(CC) $(INCS) -MMD -MP -c $< -o $@
# -MMD does not see .incbin: name the embedded files by hand.
$(BUILD)/src/core/gazetteer_data.o: data/gazetteer.tsv
$(BUILD)/src/core/compounds_data.o: data/compounds.txt
$(BUILD)/src/extract/institutions_data.o: data/institutions.tsv
$(BUILD)/src/http/openapi_data.o: api/openapi.json

$(BUILD)/libkl.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(MAIN_OBJ) $(BUILD)/libkl.a
	$(CC) $(LDOPT) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/libkl.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libkl.a $(LDOPT) $(LIBS) -lcmocka

# Fuzz drivers: with FUZZ=1 linked with libFuzzer; otherwise with a main
# that replays the saved corpus (tests/fuzz/replay.c), which make test runs.
ifeq ($(FUZZ),1)
FUZZ_MAIN :=
else
FUZZ_MAIN := $(BUILD)/tests/fuzz/replay.o
endif
# Not an intermediate to delete after linking: keep it, no relinks.
.SECONDARY: $(FUZZ_MAIN)
$(BUILD)/fuzz/%: tests/fuzz/%.c $(FUZZ_MAIN) $(BUILD)/libkl.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(FUZZ_MAIN) $(BUILD)/libkl.a $(LDOPT) $(LIBS)

fuzz-bin: $(FUZZ_BIN)

tests-bin: $(TEST_BIN) $(FUZZ_BIN)

$(BUILD)/bench/bench: bench/bench.c bench/gen.c bench/morph.c $(BUILD)/libkl.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $(filter %.c,$^) $(BUILD)/libkl.a $(LDOPT) $(LIBS)

# libpq only for the PostgreSQL comparison (bench/pg.sh installs it).
PQ_FLAGS = $(shell pkg-config --cflags libpq 2>/dev/null || echo -I/usr/include/postgresql)
PQ_LIBS  = $(shell pkg-config --libs libpq 2>/dev/null || echo -lpq)
$(BUILD)/bench/bench_pg: bench/bench_pg.c bench/gen.c $(BUILD)/libkl.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PQ_FLAGS) -o $@ $(filter %.c,$^) $(BUILD)/libkl.a $(LDOPT) $(LIBS) $(PQ_LIBS)

$(BUILD)/bench/bench_query: bench/bench_query.c bench/gen.c $(BUILD)/libkl.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $(filter %.c,$^) $(BUILD)/libkl.a $(LDOPT) $(LIBS)

$(BUILD)/bench/bench_extract: bench/bench_extract.c $(BUILD)/libkl.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(BUILD)/libkl.a $(LDOPT) $(LIBS)

$(BUILD)/bench/bench_similar: bench/bench_similar.c bench/gen.c $(BUILD)/libkl.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $(filter %.c,$^) $(BUILD)/libkl.a $(LDOPT) $(LIBS)

deps:
	@scripts/deps.sh

# The pages as served: web/, the Länder outlines and the third-party JS
# from node_modules (npm ci, run by deps.sh) gathered in one directory, so
# the server has one root (static files never leave it) and the page needs
# no internet. Leaflet and markercluster are not committed.
WEB_OUT := build/web
web: deps
	@rm -rf $(WEB_OUT) && mkdir -p $(WEB_OUT)/vendor/leaflet $(WEB_OUT)/vendor/markercluster
	@cp -R web/. $(WEB_OUT)/
	@cp data/laender.geojson $(WEB_OUT)/
	@cp -R node_modules/leaflet/dist/. $(WEB_OUT)/vendor/leaflet/
	@cp -R node_modules/leaflet.markercluster/dist/. $(WEB_OUT)/vendor/markercluster/
	@# The contact of the accessibility statement (BITV 2.0): an e-mail
	@# address from KILANDKARTE_CONTACT, else the page names the operator.
	@if [ -n "$$KILANDKARTE_CONTACT" ]; then \
	    echo "$$KILANDKARTE_CONTACT" | grep -Eqx '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}' || \
	        { echo "make web: KILANDKARTE_CONTACT ist keine E-Mail-Adresse" >&2; exit 2; }; \
	    sed -i "s|<!--contact-->[^<]*<!--/contact-->|<a href=\"mailto:$$KILANDKARTE_CONTACT\">$$KILANDKARTE_CONTACT</a>|g" \
	        $(WEB_OUT)/barrierefreiheit.html; \
	fi

# The test run: both builds, unit tests and command-line tests in each.
# The libFuzzer drivers (clang, ASan+UBSan) run a few seconds each as
# part of the tests; make fuzz runs them for minutes.
test: deps web
	@scripts/deps.sh fuzz
	$(MAKE) --no-print-directory all tests-bin
	$(MAKE) --no-print-directory SANITIZE=1 all tests-bin
	$(MAKE) --no-print-directory FUZZ=1 fuzz-bin
	@FUZZ_BUILD=build-fuzz FUZZ_TEST_SECONDS=3 tests/run.sh build build-san

run: deps all web
	@scripts/run.sh $(BIN)

# Not part of make test (minutes, not seconds): each driver for
# FUZZ_SECONDS on its corpus; fails on a crash, kept in build-fuzz/artifacts.
fuzz: deps
	@scripts/deps.sh fuzz
	$(MAKE) --no-print-directory FUZZ=1 fuzz-bin
	@tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

# The unit tests of the plain build under valgrind: leaks and memory errors
# without ASan (which the sanitizer build of make test covers).
valgrind: deps
	@scripts/deps.sh valgrind
	$(MAKE) --no-print-directory tests-bin
	@fail=0; for t in $(TEST_BIN); do \
	    if valgrind -q --error-exitcode=1 --leak-check=full $$t >$$t.vg.log 2>&1; then \
	        echo "valgrind $$t: ok"; \
	    else echo "valgrind $$t: FAILED"; cat $$t.vg.log; fail=1; fi; \
	done; exit $$fail

bench: deps all
	@bench/run.sh $(BIN)

# The whole comparison: 1,000,000 entries too, more passes, longer wrk
# runs at more connection counts (about 20 minutes).
bench-full: deps all
	@BENCH_SIZES="10000 100000 1000000" BENCH_PASSES=5 HTTP_SECONDS=10 \
	    HTTP_CONNS="1 4 16 64 256" BENCH_MODE="make bench-full" bench/run.sh $(BIN)

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf build build-san build-fuzz

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(TEST_BIN:=.d) $(FUZZ_BIN:=.d)
