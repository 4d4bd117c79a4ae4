-- Article splitting: one raw issue -> article rows, segments and JSON.

CREATE TYPE @extschema@.news_article AS (
    ordinal        int,
    kind           text,
    section        text,
    kicker         text,
    title          text,
    subtitle       text,
    byline         text,
    authors        text[],
    author_roles   text[],
    dateline       text,
    reported_on    date,
    body           text,
    caption        text,
    continued_to   int,
    continued_from int,
    raw_start      int,
    raw_end        int,
    notes          text
);
COMMENT ON TYPE @extschema@.news_article IS
    'One article or photo of an issue: headline parts, byline and authors (author_roles parallel to authors), dateline, the day reported on, cleaned body, photo caption, continuations, the character span [raw_start, raw_end) in the raw issue, and the closing credits and notes as printed (责编, 摄, 资料来源; one a line), whose persons are in authors too';

CREATE FUNCTION @extschema@.news_articles(@extschema@.news_issue)
    RETURNS SETOF @extschema@.news_article
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 12;
COMMENT ON FUNCTION @extschema@.news_articles(@extschema@.news_issue) IS
    'Split an issue into article rows in reading order';

CREATE FUNCTION @extschema@.news_segments(@extschema@.news_issue,
        OUT raw_start int, OUT raw_end int, OUT role text, OUT ordinal int)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION @extschema@.news_segments(@extschema@.news_issue) IS
    'Every span of the raw issue with the role the splitter gave it (character offsets; the spans cover the text without gaps or overlaps)';

CREATE FUNCTION @extschema@.news_articles(issue @extschema@.news_issue, layout text)
    RETURNS SETOF @extschema@.news_article
    AS 'MODULE_PATHNAME', 'news_articles' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 12;
COMMENT ON FUNCTION @extschema@.news_articles(@extschema@.news_issue, text) IS
    'Split an issue into article rows, its layout given: auto (look at the issue), epaper or web (the line-role model), ocr (the rules for OCR''d print with heading marks), historical (lines OCR''d from vertical columns joined into paragraphs, then the model)';

CREATE FUNCTION @extschema@.news_segments(issue @extschema@.news_issue, layout text,
        OUT raw_start int, OUT raw_end int, OUT role text, OUT ordinal int, OUT score real)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'news_segments' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION @extschema@.news_segments(@extschema@.news_issue, text) IS
    'Every span of the raw issue with its role, split as the layout says (see news_articles(issue, layout)); score is the line-role model''s margin for the role (how far it beat the next best role; null where the rules decided)';

CREATE FUNCTION @extschema@.news_issue_json(@extschema@.news_issue) RETURNS jsonb
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.news_issue_json(@extschema@.news_issue) IS
    'The whole parse as {"issue": {...}, "articles": [...]}';

CREATE FUNCTION @extschema@.news_byline(text,
        OUT name text, OUT role text, OUT organization text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 3;
COMMENT ON FUNCTION @extschema@.news_byline(text) IS
    'Parse a byline into one row per person: name, role (记者, 通讯员, 摄 ...) and organization where printed';
