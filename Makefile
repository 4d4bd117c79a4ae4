# news_archive: PGXS build.
#
# Sources are picked up by wildcard so that adding a file never means editing
# this Makefile:
#   src/core/*.c  plain-C text-processing cores (also built standalone)
#   src/pg/*.c    the PostgreSQL layer
#   sql/ext/*.sql pieces of the extension script, concatenated in name order
#   sql/*.sql     pg_regress tests (expected output in expected/)
#   mk/*.mk       extra build rules (standalone tools, dictionary, ...)

EXTENSION  = news_archive
EXTVERSION = 0.1
MODULE_big = news_archive
PG_CONFIG ?= pg_config

CORE_SRCS = $(sort $(wildcard src/core/*.c))
PG_SRCS   = $(sort $(wildcard src/pg/*.c))
OBJS      = $(CORE_SRCS:.c=.o) $(PG_SRCS:.c=.o)
EXT_PARTS = $(sort $(wildcard sql/ext/*.sql))
DATA_built = $(EXTENSION)--$(EXTVERSION).sql
REGRESS   = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --inputdir=. --encoding=UTF8 --no-locale

# ICU (charset detection and converters, src/core/charset.c) and libxml2
# (the HTML parser, src/core/html_dom.c) are linked for saved web pages; the
# Debian server binary links both already, so loading costs no new library.
PG_CPPFLAGS = -Iinclude $(shell pkg-config --cflags icu-uc icu-i18n libxml-2.0)
SHLIB_LINK += $(shell pkg-config --libs icu-uc icu-i18n libxml-2.0)
PG_CFLAGS   = -Wextra -Wno-unused-parameter -Wno-missing-field-initializers

.DEFAULT_GOAL := all
include $(sort $(wildcard mk/*.mk))

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(EXTENSION)--$(EXTVERSION).sql: $(EXT_PARTS)
	cat $(EXT_PARTS) > $@

# objects depend on the shared headers
$(OBJS): $(wildcard include/*.h) $(wildcard src/core/*.h)
