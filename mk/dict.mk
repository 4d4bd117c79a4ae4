# The compiled Chinese dictionary: tools/zh_dict_build turns jieba's word
# list (Debian package python3-jieba, Expat licence, see dict/README.md) into
# build/news_archive_zh.dict at "make all" time; "make install" copies it to
# $(datadir)/tsearch_data/ with the other text-search files, and "make clean"
# removes it with the rest of build/.
ZH_DICT_SRC ?= /usr/lib/python3/dist-packages/jieba/dict.txt
ZH_DICT      = build/news_archive_zh.dict

all: $(ZH_DICT)
standalone: $(ZH_DICT)
unit: $(ZH_DICT)

$(ZH_DICT): build/zh_dict_build $(ZH_DICT_SRC)
	build/zh_dict_build $(ZH_DICT_SRC) $@

DATA_TSEARCH += $(ZH_DICT)
