-- issue 11: the splitter's layout hint and the line-role model's scores.
-- news_articles(issue) and news_segments(issue) stay as they were (layout
-- auto); the two-argument forms are new.
CREATE FUNCTION @extschema@.news_articles(issue @extschema@.news_issue, layout text)
    RETURNS SETOF @extschema@.news_article
    AS 'MODULE_PATHNAME', 'news_articles' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 12;
COMMENT ON FUNCTION @extschema@.news_articles(@extschema@.news_issue, text) IS
    'Split an issue into article rows, its layout given: auto (look at the issue), epaper or web (the line-role model), ocr (the rules for OCR''d print with heading marks)';

CREATE FUNCTION @extschema@.news_segments(issue @extschema@.news_issue, layout text,
        OUT raw_start int, OUT raw_end int, OUT role text, OUT ordinal int, OUT score real)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'news_segments' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION @extschema@.news_segments(@extschema@.news_issue, text) IS
    'Every span of the raw issue with its role, split as the layout says (see news_articles(issue, layout)); score is the line-role model''s margin for the role (how far it beat the next best role; null where the rules decided)';
