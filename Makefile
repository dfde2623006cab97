# effdash - GNU Makefile.  See README.md for the targets.
.SUFFIXES:

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DESTDIR ?=
CC = cc
PKG_CONFIG ?= pkg-config
PYTHON ?= python3
SHARED ?= ../shared

WARN = -Wall -Wextra -pedantic -Wstrict-prototypes -Wmissing-prototypes \
       -Wwrite-strings -Wvla -fno-common -Wshadow -Wformat=2
ifneq ($(WERROR),)
WARN += -Werror
endif
ifneq ($(CI),)
WARN += -Werror
endif

OPT ?= -O2 -g
CPPFLAGS += -Iinclude -D_GNU_SOURCE -MMD -MP
CFLAGS ?=
CFLAGS += -std=c11 $(OPT) $(WARN)
# The allocator: mimalloc where it is installed (tools/deps.sh installs
# it), in every build but the sanitized ones, whose runtimes bring their
# own; MALLOC_LIB= builds with glibc's malloc.  See README "Architecture".
ifeq ($(SANITIZE),)
ifeq ($(origin MALLOC_LIB),undefined)
MALLOC_LIB := $(shell printf 'int main(void) { return 0; }\n' | \
	$(CC) -x c - -o /dev/null -lmimalloc 2>/dev/null && echo -lmimalloc)
endif
endif
LIBS = $(shell $(PKG_CONFIG) --libs sqlite3 libcjson libxxhash) -lcsv -lm -lpthread $(MALLOC_LIB)
CPPFLAGS += $(shell $(PKG_CONFIG) --cflags sqlite3 libcjson libxxhash)

# SANITIZE=address,undefined builds everything with those sanitizers into a
# separate build folder, so sanitized and plain objects never mix.
ifneq ($(SANITIZE),)
BUILD ?= build/san
CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=$(SANITIZE)
else
BUILD ?= build/plain
endif

SRC := $(sort $(wildcard src/*.c))
RE := $(sort $(wildcard src/*.re))
GEN := $(patsubst src/%.re,$(BUILD)/gen/%.c,$(RE))
PLOTS := $(sort $(wildcard plots/*.gp))
OBJ := $(patsubst src/%.c,$(BUILD)/%.o,$(SRC)) $(patsubst $(BUILD)/gen/%.c,$(BUILD)/gen/%.o,$(GEN)) \
       $(BUILD)/gen/templates.o $(BUILD)/gen/refdata.o $(BUILD)/gen/codehash.o
REFDATA := data/accelerators.csv data/defaults.csv data/cpi.csv data/currency.csv
LIBOBJ := $(filter-out $(BUILD)/main.o,$(OBJ))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))
FUZZ_NAMES := figure extract listing json csv reftable perf
FUZZ_REPLAY := $(patsubst %,$(BUILD)/tests/fuzz_%,$(FUZZ_NAMES))
HELPERS := $(BUILD)/tests/csvdump

EFFDASH = $(BUILD)/effdash

all: effdash

effdash: $(EFFDASH)
	@cp $(EFFDASH) effdash

$(EFFDASH): $(OBJ)
	$(CC) $(LDFLAGS) -o $@ $(OBJ) $(LIBS)

$(BUILD)/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/gen/%.c: src/%.re
	@mkdir -p $(dir $@)
	re2c -W --no-generation-date -o $@ $<

$(BUILD)/gen/templates.c: $(PLOTS) tools/embed.sh
	@mkdir -p $(dir $@)
	sh tools/embed.sh $@ templates.h plot_template $(PLOTS)

$(BUILD)/gen/refdata.c: $(REFDATA) tools/embed.sh
	@mkdir -p $(dir $@)
	sh tools/embed.sh $@ refdata.h reference_file $(REFDATA)

# A hash of every source file: part of the digest that lets a report keep
# a page from the previous one (any change to the code renders anew).
$(BUILD)/gen/codehash.c: $(SRC) $(RE) $(wildcard src/*.h include/*.h)
	@mkdir -p $(dir $@)
	@printf 'const char effdash_code_hash[] = "%s";\n' \
		"$$(cat $(sort $^) | sha256sum | cut -c1-16)" >$@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(CPPFLAGS) -Isrc $(CFLAGS) -Wno-overlength-strings -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIBOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests/unit $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIBOBJ) $(LIBS)

# The fuzz entry points built without libFuzzer, to replay seeds and
# findings in `make check` (tests/replay.sh).
$(BUILD)/tests/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(LIBOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Isrc -Itests/fuzz $(CFLAGS) $(LDFLAGS) -o $@ $< tests/fuzz/replay.c $(LIBOBJ) $(LIBS)

# Test helpers: small programs over one module (tests/csvspec.sh).
$(BUILD)/tests/%: tests/helpers/%.c $(LIBOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIBOBJ) $(LIBS)

# Install the Debian packages effdash and its tests need (skips those present).
deps:
	sh tools/deps.sh

# The main job: build, ingest the bundled data, write output/.
report: effdash
	sh tools/report.sh

# Every test that works from a plain clone; the last line is the summary.
check: effdash $(UNIT_BIN) $(FUZZ_REPLAY) $(HELPERS)
	@EFFDASH=$(abspath $(EFFDASH)) BUILD=$(BUILD) SHARED=$(SHARED) sh tests/run.sh

# Score extraction against the shared gold annotations.
eval: effdash
	@EFFDASH=$(abspath $(EFFDASH)) SHARED=$(SHARED) sh tools/eval.sh

bench: effdash
	@EFFDASH=$(abspath $(EFFDASH)) SHARED=$(SHARED) sh tools/bench.sh

# libFuzzer entry points, FUZZ_TIME seconds each (see tools/fuzz.sh).
fuzz:
	@SHARED=$(SHARED) REFDATA="$(REFDATA)" sh tools/fuzz.sh

# A short fuzzing pass for CI: FUZZ_CI_TIME seconds per entry point.
FUZZ_CI_TIME ?= 15
fuzz-ci:
	@FUZZ_TIME=$(FUZZ_CI_TIME) SHARED=$(SHARED) REFDATA="$(REFDATA)" sh tools/fuzz.sh

# The end-to-end tests and the fuzz replays under valgrind (plain build).
valgrind: effdash $(FUZZ_REPLAY)
	@EFFDASH=$(abspath $(EFFDASH)) BUILD=$(BUILD) SHARED=$(SHARED) sh tests/valgrind.sh

# Ingest and report with threads under ThreadSanitizer (own build folder).
tsan:
	@$(MAKE) -s SANITIZE=thread BUILD=build/tsan build/tsan/effdash
	@EFFDASH=$(abspath build/tsan/effdash) SHARED=$(SHARED) sh tests/tsan.sh

golden-update: effdash
	@EFFDASH=$(abspath $(EFFDASH)) UPDATE=1 sh tests/golden.sh

install: effdash
	mkdir -p $(DESTDIR)$(BINDIR)
	cp $(EFFDASH) $(DESTDIR)$(BINDIR)/effdash
	chmod 755 $(DESTDIR)$(BINDIR)/effdash

format:
	clang-format -i src/*.c include/*.h tests/unit/*.c tests/unit/*.h

clean:
	rm -rf build effdash

# Generated site: html-validate, axe-core in headless Chromium, page
# sizes, deterministic output and report --check (see tests/site.sh).
site-check: effdash
	@EFFDASH=$(abspath $(EFFDASH)) SHARED=$(SHARED) sh tests/site.sh

.PHONY: all effdash deps report check site-check eval bench fuzz fuzz-ci valgrind tsan golden-update install format clean

-include $(OBJ:.o=.d)
