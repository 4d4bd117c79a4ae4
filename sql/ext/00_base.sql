-- news_archive extension script: the base.  The pieces in sql/ext/ are
-- concatenated in name order into news_archive--VERSION.sql by the Makefile
-- (an upgrade from an earlier version is sql/update/OLD--NEW/, see its README).

\echo Use "CREATE EXTENSION news_archive" to load this file. \quit

-- Every core works on UTF-8 text: refuse other database encodings up front.
DO $$
BEGIN
    IF pg_catalog.current_setting('server_encoding') <> 'UTF8' THEN
        RAISE EXCEPTION 'news_archive requires a UTF8 database (this one is %)',
            pg_catalog.current_setting('server_encoding')
            USING ERRCODE = 'feature_not_supported',
                  HINT = 'Create the database with ENCODING ''UTF8''.';
    END IF;
END
$$;

-- everyone may use the extension's types and functions; tables carry their own grants
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;

-- The news_issue type: one raw issue, kept byte for byte, with its front
-- matter parsed once on input.
CREATE TYPE @extschema@.news_issue;

CREATE FUNCTION @extschema@.news_issue_in(cstring) RETURNS @extschema@.news_issue
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.news_issue_out(@extschema@.news_issue) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.news_issue_recv(internal) RETURNS @extschema@.news_issue
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.news_issue_send(@extschema@.news_issue) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.news_issue (
    INPUT = @extschema@.news_issue_in,
    OUTPUT = @extschema@.news_issue_out,
    RECEIVE = @extschema@.news_issue_recv,
    SEND = @extschema@.news_issue_send,
    INTERNALLENGTH = VARIABLE,
    STORAGE = extended,
    ALIGNMENT = int4,
    CATEGORY = 'S'
);
COMMENT ON TYPE @extschema@.news_issue IS
    'One raw newspaper issue (OCR text or a saved web page), kept losslessly, with its parsed front matter';

-- casts to and from text
CREATE FUNCTION @extschema@.news_issue(text) RETURNS @extschema@.news_issue
    AS 'MODULE_PATHNAME', 'news_issue_from_text_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.text(@extschema@.news_issue) RETURNS text
    AS 'MODULE_PATHNAME', 'news_issue_to_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE CAST (text AS @extschema@.news_issue)
    WITH FUNCTION @extschema@.news_issue(text) AS ASSIGNMENT;
CREATE CAST (@extschema@.news_issue AS text)
    WITH FUNCTION @extschema@.text(@extschema@.news_issue);
CREATE CAST (varchar AS @extschema@.news_issue)
    WITH FUNCTION @extschema@.news_issue(text) AS ASSIGNMENT;

-- comparison of the raw text (bytewise), for =, DISTINCT, GROUP BY, indexes
CREATE FUNCTION @extschema@.news_issue_cmp(@extschema@.news_issue, @extschema@.news_issue) RETURNS int4
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.news_issue_eq(@extschema@.news_issue, @extschema@.news_issue) RETURNS bool
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.news_issue_ne(@extschema@.news_issue, @extschema@.news_issue) RETURNS bool
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.news_issue_lt(@extschema@.news_issue, @extschema@.news_issue) RETURNS bool
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.news_issue_le(@extschema@.news_issue, @extschema@.news_issue) RETURNS bool
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.news_issue_gt(@extschema@.news_issue, @extschema@.news_issue) RETURNS bool
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.news_issue_ge(@extschema@.news_issue, @extschema@.news_issue) RETURNS bool
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.news_issue_hash_int4(@extschema@.news_issue) RETURNS int4
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.news_issue_hash_int8(@extschema@.news_issue, int8) RETURNS int8
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.news_issue, RIGHTARG = @extschema@.news_issue,
    PROCEDURE = @extschema@.news_issue_eq, COMMUTATOR = OPERATOR(@extschema@.=),
    NEGATOR = OPERATOR(@extschema@.<>), RESTRICT = eqsel, JOIN = eqjoinsel,
    HASHES, MERGES);
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.news_issue, RIGHTARG = @extschema@.news_issue,
    PROCEDURE = @extschema@.news_issue_ne, COMMUTATOR = OPERATOR(@extschema@.<>),
    NEGATOR = OPERATOR(@extschema@.=), RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.news_issue, RIGHTARG = @extschema@.news_issue,
    PROCEDURE = @extschema@.news_issue_lt, COMMUTATOR = OPERATOR(@extschema@.>),
    NEGATOR = OPERATOR(@extschema@.>=), RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.news_issue, RIGHTARG = @extschema@.news_issue,
    PROCEDURE = @extschema@.news_issue_le, COMMUTATOR = OPERATOR(@extschema@.>=),
    NEGATOR = OPERATOR(@extschema@.>), RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.news_issue, RIGHTARG = @extschema@.news_issue,
    PROCEDURE = @extschema@.news_issue_gt, COMMUTATOR = OPERATOR(@extschema@.<),
    NEGATOR = OPERATOR(@extschema@.<=), RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.news_issue, RIGHTARG = @extschema@.news_issue,
    PROCEDURE = @extschema@.news_issue_ge, COMMUTATOR = OPERATOR(@extschema@.<=),
    NEGATOR = OPERATOR(@extschema@.<), RESTRICT = scalargesel, JOIN = scalargejoinsel);

CREATE OPERATOR CLASS @extschema@.news_issue_ops
    DEFAULT FOR TYPE @extschema@.news_issue USING btree AS
        OPERATOR 1 @extschema@.<,
        OPERATOR 2 @extschema@.<=,
        OPERATOR 3 @extschema@.=,
        OPERATOR 4 @extschema@.>=,
        OPERATOR 5 @extschema@.>,
        FUNCTION 1 @extschema@.news_issue_cmp(@extschema@.news_issue, @extschema@.news_issue);
CREATE OPERATOR CLASS @extschema@.news_issue_hash_ops
    DEFAULT FOR TYPE @extschema@.news_issue USING hash AS
        OPERATOR 1 @extschema@.=,
        FUNCTION 1 @extschema@.news_issue_hash_int4(@extschema@.news_issue),
        FUNCTION 2 @extschema@.news_issue_hash_int8(@extschema@.news_issue, int8);

-- SHA-256 of the raw text, for de-duplication
CREATE FUNCTION @extschema@.news_issue_hash(@extschema@.news_issue) RETURNS bytea
    AS 'MODULE_PATHNAME', 'news_issue_sha256' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.news_issue_hash(@extschema@.news_issue) IS
    'SHA-256 of the issue''s raw text';

-- the front matter parsed on input
CREATE TYPE @extschema@.news_issue_info AS (
    masthead     text,
    issue_date   date,
    weekday      text,
    lunar_date   text,
    issue_no     int,
    pages        int,
    sponsor      text,
    publisher    text,
    site         text,
    section_path text[],
    source       text,
    tags         text[],
    editor       text,
    charset      text,
    replaced     int,
    date_source  text,
    date_precision text,
    date_confidence text
);
CREATE FUNCTION @extschema@.news_issue_info(@extschema@.news_issue) RETURNS @extschema@.news_issue_info
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.news_issue_info(@extschema@.news_issue) IS
    'The issue''s front matter: masthead, date, weekday, lunar date, issue number, pages, sponsor, publisher; for web pages site, section path, source, tags and editor; for values made from bytes the charset read and the count of invalid bytes replaced by U+FFFD; where the date came from (masthead, text, html meta), its precision (day, month, year: the date is then the first day) and confidence (low for a year far outside 1840..next year)';

-- The issue date a file's path names (20200504, 2020-05-04, 2020_05_04,
-- 2020/05/04/, 2020/0504/, 2020年5月4日): the loader's default for issues
-- whose text has no date.
CREATE FUNCTION @extschema@.date_from_path(path text) RETURNS date
    AS 'MODULE_PATHNAME', 'news_archive_date_from_path' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.date_from_path(text) IS
    'The date a file path names (20200504, 2020-05-04, 2020_05_04, 2020/05/04/page1.txt, 2020/0504/, 2020年5月4日), the last one in the path; NULL when none';
