# libFuzzer harnesses for the cores that read untrusted text, built with
# AddressSanitizer and UndefinedBehaviorSanitizer (clang):
#   make fuzz                  build every test/fuzz/fuzz_*.c as build/fuzz_*
#   build/fuzz_X -max_total_time=60 CORPUS_DIR
FUZZ_CC     ?= clang
FUZZ_CFLAGS ?= -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_BINS    = $(patsubst test/fuzz/%.c,build/%,$(wildcard test/fuzz/fuzz_*.c))

build/fuzz_%: test/fuzz/fuzz_%.c $(CORE_SRCS) $(wildcard include/*.h) $(wildcard src/core/*.h)
	@mkdir -p build
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(STANDALONE_DEFS) $< $(CORE_C) -o $@ $(STANDALONE_LIBS)

.PHONY: fuzz
fuzz: $(FUZZ_BINS)

# fuzz_tokenize maps the compiled dictionary of this tree (or $NA_ZH_DICT)
build/fuzz_tokenize: FUZZ_CFLAGS += -DNA_FUZZ_DICT='"$(CURDIR)/build/news_archive_zh.dict"'
fuzz: $(ZH_DICT)
