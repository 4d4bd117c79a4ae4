-- Saved web pages (issue 14): a page's bytes in any charset as an issue.
CREATE FUNCTION @extschema@.news_issue_from_bytes(bytea) RETURNS @extschema@.news_issue
    AS 'MODULE_PATHNAME', 'news_issue_from_bytes' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.news_issue_from_bytes(bytea) IS
    'An issue from bytes in any charset (byte-order mark, the page''s declaration checked against the bytes, else detected); kept as UTF-8, with the charset read and the count of invalid bytes replaced by U+FFFD in news_issue_info';
