# Standalone builds of the plain-C cores (no server): tools, unit tests,
# benchmarks and fuzz targets link src/core/*.c compiled with -DNA_STANDALONE.
#   make standalone            every tools/*.c as build/<name>
#   make unit                  build and run every test/unit/test_*.c
STANDALONE_CC     ?= $(or $(CC),cc)
STANDALONE_CFLAGS ?= -O2 -g -Wall -Wextra -Wno-unused-parameter
STANDALONE_DEFS    = -DNA_STANDALONE -Iinclude $(shell pkg-config --cflags icu-uc icu-i18n libxml-2.0 2>/dev/null)
STANDALONE_LIBS    = $(shell pkg-config --libs icu-uc icu-i18n libxml-2.0 2>/dev/null) -lm
CORE_C             = $(CORE_SRCS)
TOOL_BINS          = $(patsubst tools/%.c,build/%,$(wildcard tools/*.c))
UNIT_BINS          = $(patsubst test/unit/%.c,build/%,$(wildcard test/unit/test_*.c))

build/%: tools/%.c $(CORE_C) $(wildcard include/*.h) $(wildcard src/core/*.h)
	@mkdir -p build
	$(STANDALONE_CC) $(STANDALONE_CFLAGS) $(STANDALONE_DEFS) $< $(CORE_C) -o $@ $(STANDALONE_LIBS)

build/test_%: test/unit/test_%.c $(wildcard test/unit/*.h) $(CORE_C) $(wildcard include/*.h) $(wildcard src/core/*.h)
	@mkdir -p build
	$(STANDALONE_CC) $(STANDALONE_CFLAGS) $(STANDALONE_DEFS) -Itest/unit $< $(CORE_C) -o $@ $(STANDALONE_LIBS)

.PHONY: standalone unit
standalone: $(TOOL_BINS)

# runs every unit test binary; each prints "N passed, N failed" last
unit: $(UNIT_BINS)
	@for t in $(UNIT_BINS); do echo "== $$t"; ./$$t || exit 1; done

EXTRA_CLEAN += build
