#!/usr/bin/env bash
# Recall of Chinese full-text search against substring truth (issue 4, bar 1).
#
# For every query q: the documents with
#     to_tsvector('chinese', body) @@ zh_query(q)        (GIN index in use)
# must be exactly those with
#     strpos(zh_normalize(body), zh_normalize(q)) > 0    (= LIKE '%q%', no
#                                                          wildcard surprises)
# Corpus: a generated corpus (bench/gen_corpus.py), test/fixtures/*.txt if
# any, and, when ../shared exists (or NA_SHARED points at it), the seed
# issues whole and split into paragraphs, read from there at test time.
# Queries: thousands of random substrings of 1 to 8 Han characters of the
# normalised documents (so across word boundaries), Latin/number + Han
# mixtures, a list of real names and terms, and AND / OR / -exclusion /
# quoted-phrase combinations.  Prints "N passed, N failed" (one per query).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${NA_SHARED:-$ROOT/../shared}
DB=na_recall
NQ=${NA_RECALL_QUERIES:-2000}
export PGDATABASE=postgres
psql -Xq -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
export PGDATABASE=$DB
P() { psql -X -v ON_ERROR_STOP=1 -q "$@"; }

P -c "CREATE EXTENSION news_archive" \
  -c "CREATE TABLE docs (id serial PRIMARY KEY, src text, body text NOT NULL)"

# documents, COPY text format (src <TAB> body)
python3 - "$ROOT" "$SHARED" <<'PY' | P -c "COPY docs (src, body) FROM STDIN"
import glob, os, subprocess, sys
root, shared = sys.argv[1], sys.argv[2]
def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
gen = subprocess.run([sys.executable, os.path.join(root, "bench/gen_corpus.py"),
                      "--docs", "3000", "--seed", "42", "--min", "20", "--max", "800"],
                     capture_output=True, text=True, check=True).stdout
for line in gen.splitlines():
    # the generator escapes line breaks as \n already
    print("generated\t" + line.replace("\t", " "))
for f in sorted(glob.glob(os.path.join(root, "test/fixtures/*.txt"))):
    print("fixture\t" + esc(open(f, encoding="utf-8").read()))
seeds = sorted(glob.glob(os.path.join(shared, "seeds/*.txt")))
for f in seeds:
    text = open(f, encoding="utf-8").read()
    print("seed\t" + esc(text))
    for para in text.split("\n\n"):
        if para.strip():
            print("seed-paragraph\t" + esc(para))
PY
P -c "ALTER TABLE docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('chinese', body)) STORED" \
  -c "ALTER TABLE docs ADD COLUMN norm text GENERATED ALWAYS AS (news_archive.zh_normalize(body)) STORED" \
  -c "CREATE INDEX docs_tsv ON docs USING gin (tsv)" -c "ANALYZE docs"
# zh_tsvector() must give exactly to_tsvector('chinese') on every document
same=$(P -At -c "SELECT count(*) FILTER (WHERE news_archive.zh_tsvector(body) = tsv) || ' ' || count(*) FROM docs")
echo "zh_tsvector identical to to_tsvector('chinese'): ${same% *} of ${same#* } documents"
ok_same=0
[ "${same% *}" = "${same#* }" ] && ok_same=1
P -At -c "SELECT 'corpus: ' || string_agg(src || ' ' || n || ' docs', ', ') FROM (SELECT src, count(*) n FROM docs GROUP BY src ORDER BY src) s"
P -At -c "SELECT 'longest document: ' || max(length(norm)) || ' characters' FROM docs"

# queries: (kind, q, truth expression over d.norm)
P <<SQL
SELECT setseed(0.4242);
CREATE TABLE q (id serial, kind text, q text, truth text);
-- random Han substrings of length 1..8, anywhere (across word boundaries)
INSERT INTO q (kind, q)
SELECT 'substring-' || len, sub
FROM (SELECT len, substr(d.norm, 1 + floor(random() * greatest(length(d.norm) - len, 1))::int, len) sub
      FROM generate_series(1, $NQ) g
      CROSS JOIN LATERAL (SELECT 1 + (g % 8) AS len) l
      CROSS JOIN LATERAL (SELECT norm FROM docs OFFSET floor(random() * (SELECT count(*) FROM docs) + g * 0)::int LIMIT 1) d) s
WHERE sub ~ '^[一-鿿]+$';
-- Latin or number tokens next to Han characters (whole Latin/number tokens)
INSERT INTO q (kind, q)
SELECT DISTINCT 'mixed', m[1]
FROM (SELECT norm FROM docs ORDER BY id LIMIT 400) d,
     LATERAL regexp_matches(d.norm, '(?<![a-z0-9.,%@/:_-])([a-z0-9]+[一-鿿]{1,3}|[一-鿿]{1,3}[a-z0-9]+)(?![a-z0-9.,%@/:_-])', 'g') m
LIMIT 400;
-- real names and terms, in several spellings
INSERT INTO q (kind, q) SELECT 'term', t FROM unnest(ARRAY[
  '医药港', '醫藥港', '杭州医药港', '钱塘新区', '钱塘', '杭州', '浙江日报', '本报讯',
  '新冠肺炎', '疫情防控', '5G', '５Ｇ', 'ECMO', 'ｅｃｍｏ', 'GDP', '2021年', '亿元', '记者',
  '经济', '中国', '人民', '发展', '生物医药', '数字经济', '"医 药"', '网络', '網絡', '区',
  '的', '了', '新区报', '总第', '今日', '版', '开发区', '产业园', 'AI']) t;
UPDATE q SET truth = format('strpos(d.norm, news_archive.zh_normalize(%L)) > 0', btrim(q, '"'));
-- combinations: AND, OR, exclusion, quoted phrase
INSERT INTO q (kind, q, truth)
SELECT 'and', a.q || ' ' || b.q, format('strpos(d.norm, news_archive.zh_normalize(%L)) > 0 AND strpos(d.norm, news_archive.zh_normalize(%L)) > 0', a.q, b.q)
FROM (SELECT q, row_number() OVER () r FROM (SELECT q FROM q WHERE kind LIKE 'substring-%' ORDER BY id LIMIT 200) x) a
JOIN (SELECT q, row_number() OVER () r FROM (SELECT q FROM q WHERE kind IN ('substring-1','substring-2','substring-3') ORDER BY id OFFSET 200 LIMIT 200) x) b USING (r);
INSERT INTO q (kind, q, truth)
SELECT 'or', a.q || ' OR ' || b.q, format('strpos(d.norm, news_archive.zh_normalize(%L)) > 0 OR strpos(d.norm, news_archive.zh_normalize(%L)) > 0', a.q, b.q)
FROM (SELECT q, row_number() OVER () r FROM (SELECT q FROM q WHERE kind LIKE 'substring-%' ORDER BY id OFFSET 400 LIMIT 200) x) a
JOIN (SELECT q, row_number() OVER () r FROM (SELECT q FROM q WHERE kind LIKE 'substring-%' ORDER BY id OFFSET 600 LIMIT 200) x) b USING (r);
INSERT INTO q (kind, q, truth)
SELECT 'exclude', a.q || ' -' || b.q, format('strpos(d.norm, news_archive.zh_normalize(%L)) > 0 AND strpos(d.norm, news_archive.zh_normalize(%L)) = 0', a.q, b.q)
FROM (SELECT q, row_number() OVER () r FROM (SELECT q FROM q WHERE kind IN ('substring-2','substring-3') ORDER BY id OFFSET 0 LIMIT 100) x) a
JOIN (SELECT q, row_number() OVER () r FROM (SELECT q FROM q WHERE kind IN ('substring-1','substring-2') ORDER BY id OFFSET 100 LIMIT 100) x) b USING (r);
INSERT INTO q (kind, q, truth)
SELECT 'phrase', '"' || q || '"', truth FROM q WHERE kind LIKE 'substring-%' AND length(q) >= 4 LIMIT 200;
SQL
P -At -c "SELECT 'queries: ' || string_agg(kind || ' ' || n, ', ') FROM (SELECT kind, count(*) n FROM q GROUP BY kind ORDER BY kind) s"

# the index must be used
plan=$(P -At -c "SET enable_seqscan = off" -c "EXPLAIN SELECT id FROM docs WHERE tsv @@ news_archive.zh_query('医药港')")
echo "$plan" | sed 's/^/  plan: /'
ok_plan=0
echo "$plan" | grep -q 'Bitmap Index Scan on docs_tsv' && ok_plan=1

# compare the two sets for every query
P -At <<'SQL' >"${TMPDIR:-/tmp}/na_recall_$$.txt"
SET enable_seqscan = off;
CREATE FUNCTION pg_temp.ids_search(q text) RETURNS int[] LANGUAGE sql STABLE AS
  $$ SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM docs WHERE tsv @@ news_archive.zh_query(q) $$;
CREATE FUNCTION pg_temp.ids_truth(t text) RETURNS int[] LANGUAGE plpgsql STABLE AS
  $$ DECLARE r int[]; BEGIN
     EXECUTE 'SELECT coalesce(array_agg(id ORDER BY id), ''{}'') FROM docs d WHERE ' || t INTO r;
     RETURN r; END $$;
CREATE TEMP TABLE res AS
  SELECT q.id, q.kind, q.q, pg_temp.ids_search(q.q) AS got, pg_temp.ids_truth(q.truth) AS want FROM q;
SELECT 'by kind: ' || string_agg(format('%s %s/%s', kind, ok, n), ', ' ORDER BY kind)
FROM (SELECT kind, count(*) n, count(*) FILTER (WHERE got = want) ok FROM res GROUP BY kind) s;
SELECT format('documents matched in total: %s (truth %s); false positives %s, misses %s',
  sum(cardinality(got)), sum(cardinality(want)),
  sum((SELECT count(*) FROM unnest(got) x WHERE x <> ALL (want))),
  sum((SELECT count(*) FROM unnest(want) x WHERE x <> ALL (got)))) FROM res;
SELECT format('MISMATCH %s %L: search %s docs, truth %s docs, zh_query %s', kind, q,
              cardinality(got), cardinality(want), news_archive.zh_query(q))
FROM res WHERE got <> want ORDER BY id LIMIT 20;
SELECT format('%s passed, %s failed', count(*) FILTER (WHERE got = want), count(*) FILTER (WHERE got <> want)) FROM res;
SQL
out="${TMPDIR:-/tmp}/na_recall_$$.txt"
grep -v 'passed, .* failed' "$out"
read -r p f < <(grep -Eo '^[0-9]+ passed, [0-9]+ failed' "$out" | awk '{print $1, $3}')
rm -f "$out"
if [ "$ok_plan" -eq 1 ]; then p=$((p + 1)); else echo "FAIL: the GIN index is not used"; f=$((f + 1)); fi
if [ "$ok_same" -eq 1 ]; then p=$((p + 1)); else echo "FAIL: zh_tsvector differs from to_tsvector('chinese')"; f=$((f + 1)); fi
psql -Xq -d postgres -c "DROP DATABASE $DB" >/dev/null
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
