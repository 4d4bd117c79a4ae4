-- issue 14: saved web pages (HTML in any Chinese charset) as issues
ALTER TYPE @extschema@.news_issue_info ADD ATTRIBUTE charset text;
ALTER TYPE @extschema@.news_issue_info ADD ATTRIBUTE replaced int;
COMMENT ON FUNCTION @extschema@.news_issue_info(@extschema@.news_issue) IS
    'The issue''s front matter: masthead, date, weekday, lunar date, issue number, pages, sponsor, publisher; for web pages site, section path, source, tags and editor; for values made from bytes the charset read and the count of invalid bytes replaced by U+FFFD';
CREATE FUNCTION @extschema@.news_issue_from_bytes(bytea) RETURNS @extschema@.news_issue
    AS 'MODULE_PATHNAME', 'news_issue_from_bytes' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.news_issue_from_bytes(bytea) IS
    'An issue from bytes in any charset (byte-order mark, the page''s declaration checked against the bytes, else detected); kept as UTF-8, with the charset read and the count of invalid bytes replaced by U+FFFD in news_issue_info';
