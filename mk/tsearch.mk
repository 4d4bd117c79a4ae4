# Chinese full-text search (issue 4).
#
# The normaliser's fold table is generated at build time from ICU by
# tools/gen/zh_fold_gen.c (ICU runs here, never in the server), into
# build/zh_fold_table.h, which src/core/zh_normalize.c includes.
ZH_FOLD_TABLE = build/zh_fold_table.h

build/zh_fold_gen: tools/gen/zh_fold_gen.c
	@mkdir -p build
	$(STANDALONE_CC) -O2 -Wall -Wextra $< -o $@ $(shell pkg-config --cflags --libs icu-uc icu-i18n)

$(ZH_FOLD_TABLE): build/zh_fold_gen
	build/zh_fold_gen > $@.tmp && mv $@.tmp $@

src/core/zh_normalize.o src/core/zh_normalize.bc: $(ZH_FOLD_TABLE)
$(TOOL_BINS) $(UNIT_BINS): $(ZH_FOLD_TABLE)
PG_CPPFLAGS     += -Ibuild
STANDALONE_DEFS += -Ibuild

# the stop-word list of the chinese_stop configuration (see its header)
DATA_TSEARCH += data/news_archive_zh.stop
