# KI-Landkarte: hand-written Makefile (see README for the two commands).
#
#   make            build build/kilandkarte
#   make run        install what is missing, build, load the shipped data
#   make test       install what is missing, build plain and sanitizer
#                   builds, run unit and command-line tests in both
#   make bench      benchmarks, figures to bench/RESULTS.md
#   make fuzz       run the libFuzzer drivers for a short while
#   make format     clang-format the C sources

CC      ?= cc
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
INCS    := -Isrc
LIBS    := -lsqlite3 -ljansson -lstemmer -lsodium -lm -lpthread

BUILD   ?= build
ifeq ($(SANITIZE),1)
BUILD   := build-san
OPT     := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDOPT   := -fsanitize=address,undefined
else
OPT     := -O2 -g
LDOPT   :=
endif
CFLAGS  += $(CSTD) $(WARN) $(OPT) $(INCS) -MMD -MP

LIB_SRC  := $(sort $(wildcard src/util/*.c src/core/*.c src/core/*.S src/extract/*.c src/cli/cmd_*.c))
MAIN_SRC := src/cli/main.c
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))

LIB_OBJ  := $(patsubst %.S,$(BUILD)/%.o,$(LIB_SRC:%.c=$(BUILD)/%.o))
MAIN_OBJ := $(MAIN_SRC:%.c=$(BUILD)/%.o)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BIN      := $(BUILD)/kilandkarte

.PHONY: all deps run test tests-bin bench fuzz format clean
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

$(BUILD)/libkl.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(MAIN_OBJ) $(BUILD)/libkl.a
	$(CC) $(LDOPT) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libkl.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libkl.a $(LDOPT) $(LIBS) -lcmocka

tests-bin: $(TEST_BIN)

$(BUILD)/bench/bench: bench/bench.c $(BUILD)/libkl.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(BUILD)/libkl.a $(LDOPT) $(LIBS)

deps:
	@scripts/deps.sh

# The test run: both builds, unit tests and command-line tests in each.
test: deps
	$(MAKE) --no-print-directory all tests-bin
	$(MAKE) --no-print-directory SANITIZE=1 all tests-bin
	@tests/run.sh build build-san

run: deps all
	@scripts/run.sh $(BIN)

bench: deps all
	@bench/run.sh $(BIN)

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf build build-san build-fuzz

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(TEST_BIN:=.d)
