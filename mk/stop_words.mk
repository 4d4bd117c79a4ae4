# The builtin rows of news_archive.stop_word: generated from the shipped list
# data/news_archive_zh.stop into the extension script (after sql/ext/*).
STOP_WORDS_SQL = build/stop_words.sql
EXT_PARTS += $(STOP_WORDS_SQL)

$(STOP_WORDS_SQL): data/news_archive_zh.stop
	@mkdir -p build
	{ echo "-- builtin stop words, generated from data/news_archive_zh.stop"; \
	  echo "INSERT INTO @extschema@.stop_word (word, builtin) VALUES"; \
	  grep -v '^[[:space:]]*$$' $< | grep -v '^#' | sed "s/'/''/g; s/.*/    ('&', true)/" | sed '$$!s/$$/,/'; \
	  echo "ON CONFLICT (word) DO NOTHING;"; } > $@.tmp && mv $@.tmp $@
