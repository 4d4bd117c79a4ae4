#!/usr/bin/env bash
# Exactness of the "&@" search (issue 12) at any document length.
#
# For every query q, the rows of  body &@ q  must be exactly those whose
# normalised text contains the normalised terms
#     strpos(zh_normalize(body), zh_normalize(term)) > 0   (= LIKE '%t%')
# both through the GIN index (zh_search_ops, Bitmap Index Scan forced) and
# without it (sequential scan, the operator function alone), and never miss
# a row that a plain LIKE on the raw text finds.
# Corpus: generated documents (bench/gen_corpus.py), and long documents of
# 20,000 to 1,000,000 characters made of generated text and, when ../shared
# exists (or NA_SHARED points at it), real text read from there
# (seg/*_raw.txt, dev/news, seeds), with traditional characters, full-width
# forms and OCR spaces mixed in.  Queries: substrings of 1 to 12 characters
# taken beyond character 16,383 of the long documents (normalised and raw),
# substrings of short documents, AND / OR / -exclusion / quoted phrases.
# Prints "N passed, N failed" (one per query and mode, plus the plan check).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${NA_SHARED:-$ROOT/../shared}
DB=na_search
export PGDATABASE=postgres
psql -Xq -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
export PGDATABASE=$DB
P() { psql -X -v ON_ERROR_STOP=1 -q "$@"; }
[ -d "$SHARED" ] || echo "note: $SHARED is absent; long documents from generated text only"

P -c "CREATE EXTENSION news_archive" \
  -c "CREATE TABLE docs (id serial PRIMARY KEY, src text, body text NOT NULL)"
python3 - "$ROOT" "$SHARED" <<'PY' | P -c "COPY docs (src, body) FROM STDIN"
import glob, os, random, subprocess, sys
root, shared = sys.argv[1], sys.argv[2]
rnd = random.Random(1212)
def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
gen = subprocess.run([sys.executable, os.path.join(root, "bench/gen_corpus.py"),
                      "--docs", "3000", "--seed", "12", "--min", "20", "--max", "2000"],
                     capture_output=True, text=True, check=True).stdout.splitlines()
gen = [g.replace("\\n", "\n") for g in gen]
for g in gen[:1500]:
    print("short\t" + esc(g))
real = []
for f in sorted(glob.glob(os.path.join(shared, "seg/*_raw.txt"))) + \
         sorted(glob.glob(os.path.join(shared, "dev/news/*.csv"))) + \
         sorted(glob.glob(os.path.join(shared, "seeds/*.txt"))):
    try:
        real.extend(l for l in open(f, encoding="utf-8").read().splitlines() if l.strip())
    except (OSError, UnicodeDecodeError):
        pass
pool = gen[1500:] + real
# variants the normaliser folds: traditional forms, full width, OCR spaces
trad = str.maketrans("国报华会发东门长说时们为这来对经业产员实现进", "國報華會發東門長說時們為這來對經業產員實現進")
def vary(s):
    r = rnd.random()
    if r < 0.15:
        return s.translate(trad)
    if r < 0.25:
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)
    if r < 0.35:
        return " ".join(s[i:i + 3] for i in range(0, len(s), 3))
    if r < 0.40:
        return s.upper()
    return s
for n in (20000, 25000, 40000, 70000, 120000, 250000, 500000, 1000000):
    parts, size = [], 0
    while size < n:
        p = vary(rnd.choice(pool))
        parts.append(p)
        size += len(p) + 1
    print("long\t" + esc("\n".join(parts)[:n]))
PY
P -c "ALTER TABLE docs ADD COLUMN norm text GENERATED ALWAYS AS (news_archive.zh_normalize(body)) STORED" \
  -c "CREATE INDEX docs_search ON docs USING gin (body news_archive.zh_search_ops)" -c "ANALYZE docs"
P -At -c "SELECT 'corpus: ' || string_agg(src || ' ' || n || ' docs, longest ' || mx || ' characters', '; ') FROM (SELECT src, count(*) n, max(length(body)) mx FROM docs GROUP BY src ORDER BY src) s"

P <<'SQL'
SELECT setseed(0.1212) \gset
CREATE FUNCTION pg_temp.t(q text) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT format('strpos(d.norm, news_archive.zh_normalize(%L)) > 0', q) $$;
CREATE TABLE q (id serial, kind text, q text, truth text, raw text);
-- normalised substrings beyond character 16,383 of the long documents
INSERT INTO q (kind, q)
SELECT 'long-norm-' || len, btrim(sub)
FROM (SELECT len, substr(d.norm, 16384 + floor(random() * (length(d.norm) - 16384 - len))::int, len) sub
      FROM generate_series(1, 360) g
      CROSS JOIN LATERAL (SELECT 1 + (g % 12) AS len) l
      CROSS JOIN LATERAL (SELECT norm FROM docs WHERE src = 'long' OFFSET (g % 8) LIMIT 1) d) s
WHERE btrim(sub) <> '' AND sub !~ '["“”＂|]' AND sub !~ '\s';
-- raw substrings there too (traditional, full-width, spaced): quoted
INSERT INTO q (kind, q, raw)
SELECT 'long-raw-' || len, '"' || btrim(sub) || '"', btrim(sub)
FROM (SELECT len, substr(d.body, 16384 + floor(random() * (length(d.body) - 16384 - len))::int, len) sub
      FROM generate_series(1, 240) g
      CROSS JOIN LATERAL (SELECT 1 + (g % 12) AS len) l
      CROSS JOIN LATERAL (SELECT body FROM docs WHERE src = 'long' OFFSET (g % 8) LIMIT 1) d) s
WHERE btrim(sub) !~ '^\s*$' AND sub !~ '["“”＂]' AND btrim(sub) !~ '^[-－|]' AND btrim(sub) !~ '^OR';
-- substrings of short documents
INSERT INTO q (kind, q)
SELECT 'short-' || len, btrim(sub)
FROM (SELECT len, substr(d.norm, 1 + floor(random() * greatest(length(d.norm) - len, 1))::int, len) sub
      FROM generate_series(1, 300) g
      CROSS JOIN LATERAL (SELECT 1 + (g % 8) AS len) l
      CROSS JOIN LATERAL (SELECT norm FROM docs WHERE src = 'short' OFFSET floor(random() * 1500 + g * 0)::int LIMIT 1) d) s
WHERE btrim(sub) <> '' AND sub !~ '["“”＂|]' AND sub !~ '\s' AND sub !~ '^[-－]';
UPDATE q SET truth = pg_temp.t(coalesce(raw, q));
INSERT INTO q (kind, q, truth)
SELECT 'and', a.q || ' ' || b.q, a.truth || ' AND ' || b.truth
FROM (SELECT q, truth, row_number() OVER () r FROM (SELECT * FROM q WHERE raw IS NULL ORDER BY id LIMIT 60) x) a
JOIN (SELECT q, truth, row_number() OVER () r FROM (SELECT * FROM q WHERE raw IS NULL ORDER BY id DESC LIMIT 60) x) b USING (r);
INSERT INTO q (kind, q, truth)
SELECT 'or', a.q || ' OR ' || b.q, '(' || a.truth || ' OR ' || b.truth || ')'
FROM (SELECT q, truth, row_number() OVER () r FROM (SELECT * FROM q WHERE raw IS NULL AND kind <> 'and' ORDER BY id OFFSET 60 LIMIT 40) x) a
JOIN (SELECT q, truth, row_number() OVER () r FROM (SELECT * FROM q WHERE raw IS NULL AND kind <> 'and' ORDER BY id OFFSET 100 LIMIT 40) x) b USING (r);
INSERT INTO q (kind, q, truth)
SELECT 'exclude', a.q || ' -' || b.q, a.truth || ' AND NOT ' || b.truth
FROM (SELECT q, truth, row_number() OVER () r FROM (SELECT * FROM q WHERE kind LIKE 'short-%' ORDER BY id LIMIT 40) x) a
JOIN (SELECT q, truth, row_number() OVER () r FROM (SELECT * FROM q WHERE kind IN ('short-1', 'short-2') ORDER BY id DESC LIMIT 40) x) b USING (r);
INSERT INTO q (kind, q, truth) VALUES ('exclude-only', '-的', 'NOT ' || pg_temp.t('的'));
SQL
P -At -c "SELECT 'queries: ' || count(*) || ' (' || string_agg(DISTINCT split_part(kind, '-', 1), ', ') || ')' FROM q"

plan=$(P -At -c "SET enable_seqscan = off" -c "EXPLAIN SELECT id FROM docs WHERE body OPERATOR(news_archive.&@) '人民'")
echo "$plan" | sed 's/^/  plan: /'
ok_plan=0
echo "$plan" | grep -q 'Bitmap Index Scan on docs_search' && ok_plan=1

out="${TMPDIR:-/tmp}/na_search_$$.txt"
P -At <<'SQL' >"$out"
CREATE FUNCTION pg_temp.ids(q text) RETURNS int[] LANGUAGE sql STABLE AS
  $$ SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM docs WHERE body OPERATOR(news_archive.&@) q $$;
CREATE FUNCTION pg_temp.ids_where(t text) RETURNS int[] LANGUAGE plpgsql STABLE AS
  $$ DECLARE r int[]; BEGIN
     EXECUTE 'SELECT coalesce(array_agg(id ORDER BY id), ''{}'') FROM docs d WHERE ' || t INTO r;
     RETURN r; END $$;
CREATE TEMP TABLE truth AS
  SELECT id, kind, q, pg_temp.ids_where(truth) AS want,
         CASE WHEN raw IS NOT NULL THEN pg_temp.ids_where(format('d.body LIKE %L', '%' || raw || '%')) END AS raw_like
  FROM q;
SET enable_seqscan = off;
CREATE TEMP TABLE got_index AS SELECT id, pg_temp.ids(q) AS got FROM q;
RESET enable_seqscan;
SET enable_bitmapscan = off;
SET enable_indexscan = off;
CREATE TEMP TABLE got_seq AS SELECT id, pg_temp.ids(q) AS got FROM q;
CREATE TEMP TABLE res AS
  SELECT t.*, 'index' AS mode, g.got FROM truth t JOIN got_index g USING (id)
  UNION ALL
  SELECT t.*, 'seqscan', g.got FROM truth t JOIN got_seq g USING (id);
SELECT 'by kind: ' || string_agg(format('%s %s/%s', kind, ok, n), ', ' ORDER BY kind)
FROM (SELECT split_part(kind, '-', 1) || '-' || split_part(kind, '-', 2) AS kind, count(*) n,
             count(*) FILTER (WHERE got = want) ok FROM res GROUP BY 1) s;
SELECT format('rows matched: %s (truth %s); false positives %s, misses %s; raw LIKE rows missed %s',
  sum(cardinality(got)), sum(cardinality(want)),
  sum((SELECT count(*) FROM unnest(got) x WHERE x <> ALL (want))),
  sum((SELECT count(*) FROM unnest(want) x WHERE x <> ALL (got))),
  sum((SELECT count(*) FROM unnest(raw_like) x WHERE x <> ALL (got)))) FROM res;
SELECT format('MISMATCH %s %s %L: got %s rows, truth %s rows', mode, kind, q, cardinality(got), cardinality(want))
FROM res WHERE got <> want OR NOT (coalesce(raw_like, '{}') <@ got) ORDER BY id LIMIT 20;
SELECT format('%s passed, %s failed',
  count(*) FILTER (WHERE got = want AND coalesce(raw_like, '{}') <@ got),
  count(*) FILTER (WHERE NOT (got = want AND coalesce(raw_like, '{}') <@ got))) FROM res;
SQL
grep -v 'passed, .* failed' "$out"
read -r p f < <(grep -Eo '^[0-9]+ passed, [0-9]+ failed' "$out" | awk '{print $1, $3}')
rm -f "$out"
if [ "$ok_plan" -eq 1 ]; then p=$((p + 1)); else echo "FAIL: the GIN index is not used"; f=$((f + 1)); fi

# Long texts read slice by slice (zh_match on values over 128 kB stored out
# of line): the same answers as on the text read whole (body || '' is never
# toasted), for every query, with bodies stored uncompressed (EXTERNAL) and
# compressed (lz4; repeated documents with a traditional and OCR-spaced form
# at their very end, so a match can straddle any slice).  Three times: with
# the session's cache of long texts (news_archive.long_text_cache) at its
# default (every query after the first searches what earlier ones read, and
# reads on from there), off, and small enough to evict texts all the time.
P -q <<'SQL'
CREATE TABLE long_ext (id int, body text);
ALTER TABLE long_ext ALTER COLUMN body SET STORAGE EXTERNAL;
INSERT INTO long_ext SELECT id, body FROM docs WHERE src = 'long';
CREATE TABLE long_lz4 (id int, body text COMPRESSION lz4);
INSERT INTO long_lz4 SELECT id, body FROM docs WHERE src = 'long';
INSERT INTO long_lz4 SELECT 1000000 + id, repeat(body, 80) || '中華人民 共　 和國' || body
FROM (SELECT id, body FROM docs WHERE src <> 'long' ORDER BY id LIMIT 6) s;
INSERT INTO q (kind, q, truth) VALUES ('tail', '人民共和国', 'true'), ('tail', '-人民共和国', 'true');
SQL
p2=0; f2=0
for cache in default 0 2MB; do
	set_cache="RESET news_archive.long_text_cache"
	[ "$cache" = default ] || set_cache="SET news_archive.long_text_cache = '$cache'"
	read -r pc fc nlz4 kept < <(P -At <<SQL | tail -n 1
$set_cache;
WITH r AS (
  SELECT t, q.q,
         array(SELECT id FROM long_ext WHERE t = 'ext' AND body OPERATOR(news_archive.&@) q.q
               UNION ALL SELECT id FROM long_lz4 WHERE t = 'lz4' AND body OPERATOR(news_archive.&@) q.q
               ORDER BY 1) AS got,
         array(SELECT id FROM long_ext WHERE t = 'ext' AND (body || '') OPERATOR(news_archive.&@) q.q
               UNION ALL SELECT id FROM long_lz4 WHERE t = 'lz4' AND (body || '') OPERATOR(news_archive.&@) q.q
               ORDER BY 1) AS want
  FROM q, (VALUES ('ext'), ('lz4')) v(t))
SELECT format('%s %s %s %s', count(*) FILTER (WHERE got = want), count(*) FILTER (WHERE got <> want),
              (SELECT count(*) FROM long_lz4 WHERE pg_column_compression(body) IS NOT NULL
               AND octet_length(body) > 131072 AND pg_column_size(body) > 2000),
              (SELECT COALESCE(sum(total_bytes), 0) FROM pg_backend_memory_contexts
                WHERE name = 'news_archive long texts')) FROM r;
SQL
)
	echo "long texts by slices (EXTERNAL and lz4, $nlz4 compressed out of line), cache $cache ($kept bytes kept): $pc passed, $fc failed"
	[ "${nlz4:-0}" -gt 0 ] || { echo "FAIL: no compressed long text stored out of line"; fc=$((fc + 1)); }
	# the cache holds texts (default), nothing (0), at most its size (2MB)
	case $cache in
	default) [ "${kept:-0}" -gt 1048576 ] || { echo "FAIL: the cache kept no long text"; fc=$((fc + 1)); } ;;
	0) [ "${kept:-0}" -le 65536 ] || { echo "FAIL: the cache is off but holds $kept bytes"; fc=$((fc + 1)); } ;;
	*) [ "${kept:-0}" -gt 131072 ] && [ "${kept:-0}" -le $((2048 * 1024 + 65536)) ] ||
		{ echo "FAIL: a 2 MB cache holds $kept bytes"; fc=$((fc + 1)); } ;;
	esac
	# zh_rank and zh_highlight read long texts through the same cache
	read -r pr fr < <(P -At <<SQL | tail -n 1
$set_cache;
WITH s AS (
  SELECT news_archive.zh_rank(NULL, body, q.q) = news_archive.zh_rank(NULL, body || '', q.q)
         AND news_archive.zh_highlight(body, q.q, 'MaxFragments=2')
             = news_archive.zh_highlight(body || '', q.q, 'MaxFragments=2') AS same
    FROM (SELECT q FROM q WHERE q !~ '^-' ORDER BY id LIMIT 12) q,
         (SELECT body FROM long_ext UNION ALL SELECT body FROM long_lz4) b)
SELECT format('%s %s', count(*) FILTER (WHERE same), count(*) FILTER (WHERE NOT same)) FROM s;
SQL
)
	echo "zh_rank and zh_highlight on long texts, cache $cache: $pr passed, $fr failed"
	p2=$((p2 + ${pc:-0} + ${pr:-0})); f2=$((f2 + ${fc:-1} + ${fr:-1}))
done
p=$((p + p2)); f=$((f + f2))

# article_match(kicker, title, subtitle, body, q) gives exactly
# article_text(...) &@ q (the joined text is built, never toasted) on
# articles whose long bodies (200 kB to 3 MB, EXTERNAL and lz4, read by
# slices and through the cache) follow short fields, NULL fields among them,
# for long-text, AND, OR and excluded queries and for terms that span the
# line breaks joining the fields (the end of one field, the start of the
# next, white space at the body's start); cache on and off.
P -q <<'SQL'
CREATE TABLE art (id serial, kicker text, title text, subtitle text, body text);
ALTER TABLE art ALTER COLUMN body SET STORAGE EXTERNAL;
CREATE TABLE art_lz4 (LIKE art INCLUDING DEFAULTS);
ALTER TABLE art_lz4 ALTER COLUMN body SET COMPRESSION lz4;
INSERT INTO art (kicker, title, subtitle, body)
SELECT CASE WHEN l.id % 3 = 0 THEN NULL ELSE left(s.body, 6) END, substr(s.body, 7, 12),
       CASE WHEN l.id % 4 = 1 THEN NULL ELSE substr(s.body, 19, 8) END,
       CASE WHEN l.id % 2 = 0 THEN E'\u3000 ' ELSE '' END || l.body
  FROM (SELECT id, body, row_number() OVER (ORDER BY id) r FROM long_ext) l
  JOIN (SELECT body, row_number() OVER (ORDER BY id) r FROM docs WHERE src = 'short' AND length(body) > 40) s USING (r)
 WHERE octet_length(l.body) >= 200000;
INSERT INTO art_lz4 (kicker, title, subtitle, body)
SELECT kicker, title, subtitle, body FROM art
UNION ALL SELECT '中華', '人民', NULL, body FROM long_lz4 WHERE id >= 1000000;
CREATE TABLE aq AS
SELECT q FROM (SELECT q FROM q WHERE kind LIKE 'long-%' ORDER BY id LIMIT 120) a
UNION ALL SELECT q FROM (SELECT q FROM q WHERE kind IN ('and', 'or', 'exclude', 'exclude-only', 'tail') ORDER BY id LIMIT 60) b
UNION ALL SELECT '"' || right(COALESCE(subtitle, ''), 2) || E'\n' || left(body, 4) || '"' FROM art
UNION ALL SELECT '"' || right(title, 1) || E'\n' || COALESCE(subtitle, '') || E'\n' || left(btrim(body, E'\u3000 '), 2) || '"' FROM art
UNION ALL SELECT '"' || right(title, 3) || E'\n' || left(COALESCE(subtitle, ''), 1) || '"' FROM art
UNION ALL SELECT '"' || right(title, 2) || E'\n' || left(COALESCE(subtitle, ''), 1) || '错"' FROM art
UNION ALL VALUES (E'"國\n人民"'), (E'"中華\n人民"'), (E'"人民\n\n"');
SQL
p5=0; f5=0
for cache in default 0; do
	set_cache="RESET news_archive.long_text_cache"
	[ "$cache" = default ] || set_cache="SET news_archive.long_text_cache = '$cache'"
	read -r pc fc nr nm < <(P -At <<SQL | tail -n 1
$set_cache;
WITH r AS (
  SELECT aq.q, t, a.id,
         news_archive.article_match(a.kicker, a.title, a.subtitle, a.body, aq.q) AS got,
         news_archive.article_text(a.kicker, a.title, a.subtitle, a.body) OPERATOR(news_archive.&@) aq.q AS want
    FROM aq, (SELECT 'ext' t, * FROM art UNION ALL SELECT 'lz4', * FROM art_lz4) a)
SELECT format('%s %s %s %s', count(*) FILTER (WHERE got = want), count(*) FILTER (WHERE got IS DISTINCT FROM want),
              count(DISTINCT (t, id)), count(*) FILTER (WHERE want)) FROM r;
SQL
)
	echo "article_match against article_text(...) &@ on $nr articles with long bodies, cache $cache: $pc passed, $fc failed ($nm matches)"
	[ "${nr:-0}" -ge 8 ] && [ "${nm:-0}" -gt 100 ] || { echo "FAIL: too few long articles or matches compared"; fc=$((fc + 1)); }
	p5=$((p5 + ${pc:-0})); f5=$((f5 + ${fc:-1}))
done
read -r nc < <(P -At -c "SELECT count(*) FROM art_lz4 WHERE pg_column_compression(body) IS NOT NULL AND pg_column_size(body) > 2000 AND octet_length(body) >= 200000")
[ "${nc:-0}" -gt 0 ] || { echo "FAIL: no compressed long body"; f5=$((f5 + 1)); }
p=$((p + p5)); f=$((f + f5))

# zh_top (frequency levels, zh_rank_ops) returns the same top N as the plain
# ORDER BY zh_rank(...) DESC LIMIT N (ties aside: the same scores, and the
# same rows above the N-th score), for every query above and frequent
# terms, AND, OR and excluded; with and without a title; N 1, 20 and 100;
# and falls back to the plain plan on a table without the index.
read -r p3 f3 lv < <(P -At <<'SQL' | tail -n 1
CREATE INDEX docs_rank ON docs USING gin (body news_archive.zh_rank_ops);
CREATE TABLE docs_plain AS SELECT id, body FROM docs WHERE id % 3 = 0;
INSERT INTO q (kind, q) VALUES ('top', '的'), ('top', '国'), ('top', '中国'), ('top', '经济'), ('top', '发展'),
  ('top', '人民 中国'), ('top', '中国 OR 经济'), ('top', '经济 -发展'), ('top', '"中国 人民"'),
  ('top', '社会主义'), ('top', '中华人民共和国');
CREATE TABLE docs_part AS SELECT id, body FROM docs WHERE id % 5 = 0;     -- a partial rank index: not used
CREATE INDEX ON docs_part USING gin (body news_archive.zh_search_ops);
CREATE INDEX ON docs_part USING gin (body news_archive.zh_rank_ops) WHERE id % 2 = 0;
-- rows spread over about 2,000 pages, all at level 1 for 的: at 64kB of
-- work_mem the level bitmaps go lossy (whole pages); zh_top stays exact
CREATE TABLE docs_lossy (id int, body text) WITH (fillfactor = 10);
INSERT INTO docs_lossy SELECT g, '的' || left(d.body, 30 + g * 7) || '的' FROM generate_series(1, 6) g, docs d WHERE d.id <= 1500;
CREATE INDEX ON docs_lossy USING gin (body news_archive.zh_search_ops);
CREATE INDEX ON docs_lossy USING gin (body news_archive.zh_rank_ops);
ANALYZE docs_lossy;
CREATE FUNCTION pg_temp.cmp(tbl regclass, q text, n int, title text, wm text DEFAULT '4MB') RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE want real[]; got real[]; want_ids tid[]; got_ids tid[]; kth real;
BEGIN
  EXECUTE format('SELECT coalesce(array_agg(r ORDER BY r DESC), ''{}''), coalesce(array_agg(ctid ORDER BY r DESC), ''{}'')
                    FROM (SELECT ctid, news_archive.zh_rank(%s, body, $1) r FROM %s
                           WHERE body OPERATOR(news_archive.&@) $1 ORDER BY r DESC LIMIT $2) s',
                 coalesce(title, 'NULL::text'), tbl) INTO want, want_ids USING q, n;
  PERFORM set_config('work_mem', wm, true);       -- 64kB: the level bitmaps go lossy
  SELECT coalesce(array_agg(rank ORDER BY rank DESC), '{}'), coalesce(array_agg(row_id ORDER BY rank DESC), '{}')
    INTO got, got_ids FROM news_archive.zh_top(tbl, 'body', q, n, title);
  PERFORM set_config('work_mem', '4MB', true);
  kth := want[cardinality(want)];
  RETURN got = want AND
    (SELECT coalesce(array_agg(x ORDER BY x), '{}') FROM unnest(want_ids, want) u(x, r) WHERE r > kth) =
    (SELECT coalesce(array_agg(x ORDER BY x), '{}') FROM unnest(got_ids, got) u(x, r) WHERE r > kth);
END $$;
CREATE TEMP TABLE top_res AS
  SELECT q.kind, q.q, v.tbl, v.n, v.title, v.wm, pg_temp.cmp(v.tbl, q.q, v.n, v.title, v.wm) AS ok
  FROM q, (VALUES ('docs'::regclass, 20, NULL, '4MB'), ('docs', 1, NULL, '4MB'), ('docs', 100, NULL, '4MB'),
                  ('docs', 20, 'left(body, 12)', '4MB'), ('docs_plain', 20, NULL, '4MB'),
                  ('docs_lossy', 20, NULL, '64kB'), ('docs_lossy', 20, 'left(body, 8)', '64kB'),
                  ('docs_part', 20, NULL, '4MB')) v(tbl, n, title, wm)
  WHERE q.kind = 'top' OR q.id % 7 = 0 OR v.n = 20 AND v.title IS NULL AND v.tbl = 'docs'::regclass AND v.wm = '4MB';
SELECT format('MISMATCH zh_top %s %L n=%s title=%s work_mem=%s', tbl, q, n, title, wm) FROM top_res WHERE NOT ok LIMIT 20;
-- zh_top reads the levels from the index on exactly doc (not a partial one,
-- not one on another expression); with 64kB of work_mem its bitmaps are lossy
CREATE FUNCTION pg_temp.lossy() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE p json;
BEGIN
  PERFORM set_config('work_mem', '64kB', true);
  EXECUTE $e$EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM docs_lossy WHERE body OPERATOR(news_archive.&@#) '1:的'$e$ INTO p;
  PERFORM set_config('work_mem', '4MB', true);
  RETURN (p->0->'Plan'->'Plans'->0->>'Lossy Heap Blocks')::bigint;
END $$;
INSERT INTO top_res (q, ok)
  SELECT 'index lookup ' || x, ok FROM (VALUES
    ('docs body', news_archive.zh_rank_index('docs', 'body', 'news_archive') IS NOT DISTINCT FROM 'docs_rank'::regclass),
    ('docs (body)', news_archive.zh_rank_index('docs', '(body)', 'news_archive') IS NOT DISTINCT FROM 'docs_rank'::regclass),
    ('docs left(body, 12)', news_archive.zh_rank_index('docs', 'left(body, 12)', 'news_archive') IS NULL),
    ('docs_part partial', news_archive.zh_rank_index('docs_part', 'body', 'news_archive') IS NULL),
    ('lossy bitmaps at 64kB', coalesce(pg_temp.lossy(), 0) > 0)) v(x, ok);
SELECT format('MISMATCH %s', q) FROM top_res WHERE NOT ok AND q LIKE 'index lookup%';
SELECT format('%s %s %s', count(*) FILTER (WHERE ok), count(*) FILTER (WHERE NOT ok),
              (SELECT count(*) FROM docs WHERE body OPERATOR(news_archive.&@#) '3:中国')) FROM top_res;
SQL
)
echo "zh_top against ORDER BY zh_rank LIMIT n: $p3 passed, $f3 failed ($lv rows with 中国 8+ times)"
[ "${lv:-0}" -gt 0 ] || { echo "FAIL: no row at level 3"; f3=$((f3 + 1)); }
p=$((p + p3)); f=$((f + f3))

# &@ through the index when work_mem is small: a one-character term is a
# partial match whose bitmap goes lossy (whole heap pages).  GIN lost rows
# where such a term's entries mixed exact items and lossy pages of one heap
# page (own keys of last characters, before end keys): each query's rows
# through a bitmap scan at 64kB must equal the operator's own count.
out4=$(P -At <<'SQL'
-- 40,000 short rows over about 2,000 pages, each ending in 7 or 2 (the
-- character that starts no bigram) and holding hex digits before it
CREATE TABLE docs_own (id int, body text) WITH (fillfactor = 10);
INSERT INTO docs_own SELECT g, '的' || substr(md5(g::text), 1, 4 + g % 5) || CASE WHEN g % 3 = 0 THEN '7' ELSE '2' END
  FROM generate_series(1, 40000) g;
CREATE INDEX ON docs_own USING gin (body news_archive.zh_search_ops);
ANALYZE docs_own;
CREATE FUNCTION pg_temp.rows_at(tbl regclass, q text, wm text, idx boolean) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
  PERFORM set_config('work_mem', wm, true);
  PERFORM set_config('enable_seqscan', (NOT idx)::text, true);
  PERFORM set_config('enable_bitmapscan', idx::text, true);
  PERFORM set_config('enable_indexscan', 'off', true);
  EXECUTE format('SELECT count(*) FROM %s WHERE body OPERATOR(news_archive.&@) $1', tbl) INTO n USING q;
  PERFORM set_config('work_mem', '4MB', true);
  PERFORM set_config('enable_seqscan', 'on', true);
  PERFORM set_config('enable_bitmapscan', 'on', true);
  PERFORM set_config('enable_indexscan', 'on', true);
  RETURN n;
END $$;
CREATE FUNCTION pg_temp.lossy_blocks(tbl regclass, q text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE p json;
BEGIN
  PERFORM set_config('work_mem', '64kB', true);
  PERFORM set_config('enable_seqscan', 'off', true);
  EXECUTE format('EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM %s WHERE body OPERATOR(news_archive.&@) %L', tbl, q) INTO p;
  PERFORM set_config('work_mem', '4MB', true);
  PERFORM set_config('enable_seqscan', 'on', true);
  RETURN (SELECT sum(m[1]::bigint) FROM regexp_matches(p::text, '"Lossy Heap Blocks": (\d+)', 'g') m);
END $$;
CREATE TEMP TABLE lossy_res AS
  SELECT tbl, q, pg_temp.rows_at(tbl, q, '64kB', true) AS got, pg_temp.rows_at(tbl, q, '4MB', false) AS want
  FROM (VALUES ('docs_own'::regclass, '7'), ('docs_own', '7 2'), ('docs_own', '7 a'), ('docs_own', '2 f'),
               ('docs_own', '7 2 a'), ('docs_own', '的 7'), ('docs_own', '"72"'), ('docs_own', '7 -2'),
               ('docs_own', '7 OR 2'), ('docs_own', 'a 7 OR 2'), ('docs_own', '7 OR 2 a OR b'), ('docs_own', '的 7 OR 2'), ('docs_own', '7 OR 的a 2'),
               ('docs_own', 'a 7 OR "的f"'),
               ('docs_lossy', '7 2'), ('docs_lossy', '"７．"'), ('docs_lossy', '7 ．'), ('docs_lossy', '"，的"'),
               ('docs_lossy', '"的，"'), ('docs_lossy', '"2%"'), ('docs_lossy', '5 0 3'), ('docs_lossy', '的 7')) v(tbl, q);
SELECT format('MISMATCH lossy %s %L: %s rows through the index at 64kB, %s', tbl, q, got, want)
  FROM lossy_res WHERE got <> want;
SELECT format('%s %s %s', count(*) FILTER (WHERE got = want AND want > 0), count(*) FILTER (WHERE got <> want OR want = 0),
              pg_temp.lossy_blocks('docs_own', '7')) FROM lossy_res;
SQL
)
printf '%s\n' "$out4" | grep '^MISMATCH' || true
read -r p4 f4 lb <<<"$(printf '%s\n' "$out4" | tail -n 1)"
echo "&@ through lossy bitmaps (work_mem 64kB): $p4 passed, $f4 failed ($lb lossy heap blocks for 7)"
[ "${lb:-0}" -gt 0 ] || { echo "FAIL: the bitmap of 7 did not go lossy"; f4=$((f4 + 1)); }
p=$((p + p4)); f=$((f + f4))

# An archive's search() with the optional rank index (create_rank_index:
# zh_rank_ops on article_text(...), read through zh_top) returns the same
# rows in the same order as without it, every column, for the top queries
# and some of the others, limits 1, 20 and 100, with and without dates, over
# current issues only; a superseded issue's articles never come back.
read -r p4 f4 nb < <(P -At <<'SQL' | tail -n 1
SET client_min_messages = warning;
SELECT news_archive.create_archive('sa');
SELECT news_archive.ingest('issue' || i, ('第' || i || '期')::news_archive.news_issue) FROM generate_series(1, 6) i;
UPDATE sa.issues SET issue_date = date '2020-01-01' + 40 * id::int, is_current = id <> 4;
INSERT INTO sa.articles (issue_id, ordinal, kind, kicker, title, subtitle, body)
  SELECT 1 + id % 6, 100 + id, 'article', CASE WHEN id % 5 = 0 THEN left(norm, 6) END, substr(body, 3 + id % 7, 3 + id % 15),
         CASE WHEN id % 4 = 0 THEN substr(body, 30, 8) END, CASE WHEN id % 40 <> 0 THEN body END
    FROM docs;
INSERT INTO sa.articles (issue_id, ordinal, kind, title, body)       -- copies: ties
  SELECT issue_id, ordinal + 100000, kind, title, body FROM sa.articles WHERE ordinal % 9 = 0;
ANALYZE sa.articles;
CREATE TEMP TABLE sq AS
  SELECT q.q, v.lim, v.f, v.t FROM q, (VALUES (20, NULL::date, NULL::date), (1, NULL, NULL), (100, NULL, NULL),
                                             (20, date '2020-03-01', NULL), (20, NULL, date '2020-06-01')) v(lim, f, t)
   WHERE q.kind = 'top' OR q.id % 11 = 0;
CREATE TEMP TABLE plain_res AS
  SELECT sq.*, s.* FROM sq, LATERAL news_archive.search(sq.q, sq.f, sq.t, sq.lim, 'sa') WITH ORDINALITY s;
SELECT news_archive.create_rank_index('sa');
CREATE TEMP TABLE bound_res AS
  SELECT sq.*, s.* FROM sq, LATERAL news_archive.search(sq.q, sq.f, sq.t, sq.lim, 'sa') WITH ORDINALITY s;
CREATE TEMP TABLE cmp_res AS
  SELECT sq.*, NOT EXISTS (SELECT * FROM plain_res p WHERE (p.q, p.lim, p.f, p.t) IS NOT DISTINCT FROM (sq.q, sq.lim, sq.f, sq.t)
                           EXCEPT SELECT * FROM bound_res b WHERE (b.q, b.lim, b.f, b.t) IS NOT DISTINCT FROM (sq.q, sq.lim, sq.f, sq.t))
           AND NOT EXISTS (SELECT * FROM bound_res b WHERE (b.q, b.lim, b.f, b.t) IS NOT DISTINCT FROM (sq.q, sq.lim, sq.f, sq.t)
                           EXCEPT SELECT * FROM plain_res p WHERE (p.q, p.lim, p.f, p.t) IS NOT DISTINCT FROM (sq.q, sq.lim, sq.f, sq.t))
           AND NOT EXISTS (SELECT * FROM bound_res b WHERE b.q = sq.q AND b.issue_id = 4) AS ok
    FROM sq;
-- past 1,000 current issues the filter is a semi-join with issues, not a list
INSERT INTO sa.issues (source, issue_date, raw)
  SELECT 'extra' || g, date '2030-01-01' + g, ('额外' || g)::news_archive.news_issue FROM generate_series(1, 1000) g;
CREATE TEMP TABLE bound_res2 AS
  SELECT sq.*, s.* FROM sq, LATERAL news_archive.search(sq.q, sq.f, sq.t, sq.lim, 'sa') WITH ORDINALITY s WHERE sq.lim = 20;
INSERT INTO cmp_res (q, lim, f, t, ok)
  SELECT sq.q, sq.lim, sq.f, sq.t,
         NOT EXISTS (SELECT * FROM plain_res p WHERE (p.q, p.lim, p.f, p.t) IS NOT DISTINCT FROM (sq.q, sq.lim, sq.f, sq.t)
                     EXCEPT SELECT * FROM bound_res2 b WHERE (b.q, b.lim, b.f, b.t) IS NOT DISTINCT FROM (sq.q, sq.lim, sq.f, sq.t))
     AND NOT EXISTS (SELECT * FROM bound_res2 b WHERE (b.q, b.lim, b.f, b.t) IS NOT DISTINCT FROM (sq.q, sq.lim, sq.f, sq.t)
                     EXCEPT SELECT * FROM plain_res p WHERE (p.q, p.lim, p.f, p.t) IS NOT DISTINCT FROM (sq.q, sq.lim, sq.f, sq.t))
    FROM sq WHERE sq.lim = 20;
INSERT INTO cmp_res (q, ok) VALUES
  ('rank index on article_text found',
   news_archive.zh_rank_index('sa.articles', 'news_archive.article_text(kicker, title, subtitle, body)', 'news_archive')
     IS NOT DISTINCT FROM 'sa.articles_rank_idx'::regclass),
  ('filter past 1,000 issues is a semi-join', news_archive._search_filter('sa', NULL, NULL) LIKE 'issue_id IN (%');
SELECT format('MISMATCH search() %L lim=%s from=%s to=%s', q, lim, f, t) FROM cmp_res WHERE NOT ok LIMIT 20;
SELECT format('%s %s %s', count(*) FILTER (WHERE ok), count(*) FILTER (WHERE NOT ok),
              (SELECT count(*) FROM bound_res)) FROM cmp_res WHERE news_archive._search_by_bound('sa');
SQL
)
echo "search() with the rank index against without: $p4 passed, $f4 failed ($nb rows)"
[ "${p4:-0}" -gt 0 ] && [ "${nb:-0}" -gt 100 ] || { echo "FAIL: search() by bound not compared"; f4=$((f4 + 1)); }
p=$((p + p4)); f=$((f + f4))
psql -Xq -d postgres -c "DROP DATABASE $DB" >/dev/null
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
