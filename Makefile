# news_archive: PGXS build.
#
# Sources are picked up by wildcard so that adding a file never means editing
# this Makefile:
#   src/core/*.c  plain-C text-processing cores (also built standalone)
#   src/pg/*.c    the PostgreSQL layer
#   sql/ext/*.sql pieces of the extension script, concatenated in name order
#   sql/update/OLD--NEW/*.sql
#                 pieces of the upgrade script news_archive--OLD--NEW.sql,
#                 concatenated in name order (one directory per release step;
#                 a piece that is wholly new in a release is a symlink to its
#                 sql/ext piece, so the two cannot drift apart)
#   sql/*.sql     pg_regress tests (expected output in expected/)
#   mk/*.mk       extra build rules (standalone tools, dictionary, ...)

EXTENSION  = news_archive
EXTVERSION = 0.4
MODULE_big = news_archive
PG_CONFIG ?= pg_config

CORE_SRCS = $(sort $(wildcard src/core/*.c))
PG_SRCS   = $(sort $(wildcard src/pg/*.c))
OBJS      = $(CORE_SRCS:.c=.o) $(PG_SRCS:.c=.o)
EXT_PARTS = $(sort $(wildcard sql/ext/*.sql))
UPDATE_DIRS = $(sort $(wildcard sql/update/*--*))
UPDATE_SCRIPTS = $(patsubst sql/update/%,$(EXTENSION)--%.sql,$(UPDATE_DIRS))
DATA_built = $(EXTENSION)--$(EXTVERSION).sql $(UPDATE_SCRIPTS)
REGRESS   = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --inputdir=. --encoding=UTF8 --no-locale

# The loader goes on PATH as news-archive-load: "make install" puts it into
# pg_config's bindir, and also into NA_BINDIR when that is set (for example
# make install NA_BINDIR=/usr/local/bin, where Debian's bindir
# /usr/lib/postgresql/NN/bin is not on PATH).
SCRIPTS = scripts/news-archive-load

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

$(EXTENSION)--$(EXTVERSION).sql: $(EXT_PARTS) $(EXTENSION).control
	@grep -q "^default_version = '$(EXTVERSION)'" $(EXTENSION).control || \
		{ echo "$(EXTENSION).control: default_version is not '$(EXTVERSION)'" >&2; exit 1; }
	cat $(EXT_PARTS) > $@

# An upgrade script: its directory's pieces in name order.  The directory is a
# prerequisite too, so that adding or removing a piece rebuilds the script.
.SECONDEXPANSION:
$(UPDATE_SCRIPTS): $(EXTENSION)--%.sql: sql/update/% $$(sort $$(wildcard sql/update/$$*/*.sql))
	{ echo '-- news_archive upgrade $*: generated from sql/update/$*/*.sql'; \
	  printf '%s\n' '\echo Use "ALTER EXTENSION $(EXTENSION) UPDATE" to load this file. \quit'; \
	  for f in $(filter %.sql,$^); do echo; echo "-- $$f"; cat "$$f"; done; \
	} > $@.tmp && mv $@.tmp $@

ifdef NA_BINDIR
install: install-loader
uninstall: uninstall-loader
.PHONY: install-loader uninstall-loader
install-loader:
	$(MKDIR_P) '$(DESTDIR)$(NA_BINDIR)'
	$(INSTALL_SCRIPT) scripts/news-archive-load '$(DESTDIR)$(NA_BINDIR)/news-archive-load'
uninstall-loader:
	rm -f '$(DESTDIR)$(NA_BINDIR)/news-archive-load'
endif

# objects depend on the shared headers
$(OBJS): $(wildcard include/*.h) $(wildcard src/core/*.h)
