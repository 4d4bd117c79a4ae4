-- A description of everything the extension news_archive owns, one sorted
-- line per fact, with no OIDs in it: two databases whose descriptions are
-- equal have the same extension objects, whatever the route (CREATE EXTENSION
-- or ALTER EXTENSION UPDATE) that put them there.  test/suites/upgrade.sh
-- diffs a fresh install against an upgraded one.
--
-- Covers: every member (pg_describe_object) with its comment and privileges;
-- functions in full (pg_get_functiondef: arguments, defaults, result,
-- language, volatility, strictness, security, parallel safety, cost, rows,
-- SET options, body); types; operators; operator classes and families with
-- their operators and support functions; casts; tables (columns, defaults,
-- constraints, indexes, triggers) and the builtin rows of the configuration
-- tables; views; text-search parsers, templates, dictionaries and
-- configurations with their token mappings; the schema's privileges; the
-- configuration-dump registrations.
\pset format unaligned
\pset tuples_only on
\pset footer off

WITH ext AS (
    SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'news_archive'
), member AS (
    SELECT d.classid, d.objid, d.objsubid
      FROM pg_catalog.pg_depend d, ext
     WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
       AND d.refobjid = ext.oid AND d.deptype = 'e'
), fn AS (
    SELECT p.* FROM pg_catalog.pg_proc p JOIN member m
        ON m.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND m.objid = p.oid
), ty AS (
    SELECT t.* FROM pg_catalog.pg_type t JOIN member m
        ON m.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND m.objid = t.oid
), rel AS (
    SELECT c.* FROM pg_catalog.pg_class c JOIN member m
        ON m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND m.objid = c.oid
), facts (line) AS (
    -- members, their comments and privileges
    SELECT 'member ' || pg_catalog.pg_describe_object(classid, objid, objsubid)
           || coalesce(' comment=' || pg_catalog.quote_literal(
                  pg_catalog.obj_description(objid, (SELECT relname FROM pg_catalog.pg_class WHERE oid = classid))), '')
      FROM member
    UNION ALL
    SELECT 'function ' || p.oid::pg_catalog.regprocedure || E'\n' || pg_catalog.pg_get_functiondef(p.oid)
           || ' acl=' || coalesce(p.proacl::text, 'default')
      FROM fn p WHERE p.prokind <> 'a'
    UNION ALL
    SELECT 'aggregate ' || a.aggfnoid::pg_catalog.regprocedure || ' ' || a.aggtransfn::pg_catalog.regproc
           || ' ' || a.aggfinalfn::pg_catalog.regproc || ' ' || a.aggtranstype::pg_catalog.regtype
           || ' ' || coalesce(a.agginitval, 'null')
      FROM pg_catalog.pg_aggregate a JOIN fn p ON p.oid = a.aggfnoid
    UNION ALL
    SELECT pg_catalog.format('type %s len=%s byval=%s type=%s category=%s preferred=%s delim=%s'
                             ' in=%s out=%s recv=%s send=%s typmodin=%s typmodout=%s analyze=%s'
                             ' subscript=%s elem=%s array=%s align=%s storage=%s notnull=%s'
                             ' basetype=%s collation=%s default=%s acl=%s',
               t.oid::pg_catalog.regtype, t.typlen, t.typbyval, t.typtype, t.typcategory, t.typispreferred,
               t.typdelim, t.typinput::pg_catalog.regproc, t.typoutput::pg_catalog.regproc,
               t.typreceive::pg_catalog.regproc, t.typsend::pg_catalog.regproc, t.typmodin::pg_catalog.regproc,
               t.typmodout::pg_catalog.regproc, t.typanalyze::pg_catalog.regproc,
               t.typsubscript::pg_catalog.regproc, t.typelem::pg_catalog.regtype,
               t.typarray::pg_catalog.regtype, t.typalign, t.typstorage, t.typnotnull,
               t.typbasetype::pg_catalog.regtype, t.typcollation, t.typdefault, t.typacl)
      FROM ty t
    UNION ALL
    SELECT pg_catalog.format('composite %s column %s %s %s',
               t.oid::pg_catalog.regtype, a.attnum, a.attname,
               pg_catalog.format_type(a.atttypid, a.atttypmod))
      FROM ty t JOIN pg_catalog.pg_attribute a ON a.attrelid = t.typrelid
     WHERE t.typtype = 'c' AND a.attnum > 0 AND NOT a.attisdropped
    UNION ALL
    SELECT pg_catalog.format('operator %s kind=%s result=%s code=%s commutator=%s negator=%s'
                             ' restrict=%s join=%s merges=%s hashes=%s',
               o.oid::pg_catalog.regoperator, o.oprkind, o.oprresult::pg_catalog.regtype,
               o.oprcode::pg_catalog.regproc, o.oprcom::pg_catalog.regoperator,
               o.oprnegate::pg_catalog.regoperator, o.oprrest::pg_catalog.regproc,
               o.oprjoin::pg_catalog.regproc, o.oprcanmerge, o.oprcanhash)
      FROM pg_catalog.pg_operator o JOIN member m
        ON m.classid = 'pg_catalog.pg_operator'::pg_catalog.regclass AND m.objid = o.oid
    UNION ALL
    SELECT pg_catalog.format('opclass %s.%s method=%s type=%s default=%s family=%s.%s key=%s',
               oc.opcnamespace::pg_catalog.regnamespace, oc.opcname, am.amname,
               oc.opcintype::pg_catalog.regtype, oc.opcdefault,
               f.opfnamespace::pg_catalog.regnamespace, f.opfname, oc.opckeytype::pg_catalog.regtype)
      FROM pg_catalog.pg_opclass oc JOIN member m
        ON m.classid = 'pg_catalog.pg_opclass'::pg_catalog.regclass AND m.objid = oc.oid
      JOIN pg_catalog.pg_am am ON am.oid = oc.opcmethod
      JOIN pg_catalog.pg_opfamily f ON f.oid = oc.opcfamily
    UNION ALL
    SELECT pg_catalog.format('opfamily %s.%s %s operator %s %s purpose=%s sortfamily=%s',
               f.opfnamespace::pg_catalog.regnamespace, f.opfname, am.amname, ao.amopstrategy,
               ao.amopopr::pg_catalog.regoperator, ao.amoppurpose, ao.amopsortfamily)
      FROM pg_catalog.pg_opfamily f
      JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
      JOIN pg_catalog.pg_amop ao ON ao.amopfamily = f.oid
     WHERE f.oid IN (SELECT oc.opcfamily FROM pg_catalog.pg_opclass oc JOIN member m
                        ON m.classid = 'pg_catalog.pg_opclass'::pg_catalog.regclass AND m.objid = oc.oid
                     UNION SELECT objid FROM member
                      WHERE classid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass)
    UNION ALL
    SELECT pg_catalog.format('opfamily %s.%s %s support %s (%s,%s) %s',
               f.opfnamespace::pg_catalog.regnamespace, f.opfname, am.amname, ap.amprocnum,
               ap.amproclefttype::pg_catalog.regtype, ap.amprocrighttype::pg_catalog.regtype,
               ap.amproc::pg_catalog.regprocedure)
      FROM pg_catalog.pg_opfamily f
      JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
      JOIN pg_catalog.pg_amproc ap ON ap.amprocfamily = f.oid
     WHERE f.oid IN (SELECT oc.opcfamily FROM pg_catalog.pg_opclass oc JOIN member m
                        ON m.classid = 'pg_catalog.pg_opclass'::pg_catalog.regclass AND m.objid = oc.oid
                     UNION SELECT objid FROM member
                      WHERE classid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass)
    UNION ALL
    SELECT pg_catalog.format('cast %s -> %s function=%s context=%s method=%s',
               c.castsource::pg_catalog.regtype, c.casttarget::pg_catalog.regtype,
               c.castfunc::pg_catalog.regprocedure, c.castcontext, c.castmethod)
      FROM pg_catalog.pg_cast c JOIN member m
        ON m.classid = 'pg_catalog.pg_cast'::pg_catalog.regclass AND m.objid = c.oid
    UNION ALL
    SELECT pg_catalog.format('relation %s kind=%s persistence=%s acl=%s options=%s',
               r.oid::pg_catalog.regclass, r.relkind, r.relpersistence, r.relacl, r.reloptions)
      FROM rel r
    UNION ALL
    SELECT pg_catalog.format('relation %s column %s %s notnull=%s default=%s identity=%s generated=%s comment=%s',
               r.oid::pg_catalog.regclass, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),
               a.attnotnull, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated,
               pg_catalog.col_description(r.oid, a.attnum))
      FROM rel r JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid
      LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = r.oid AND ad.adnum = a.attnum
     WHERE a.attnum > 0 AND NOT a.attisdropped AND r.relkind <> 'S'
    UNION ALL
    SELECT pg_catalog.format('relation %s constraint %s %s', r.oid::pg_catalog.regclass, co.conname,
               pg_catalog.pg_get_constraintdef(co.oid))
      FROM rel r JOIN pg_catalog.pg_constraint co ON co.conrelid = r.oid
    UNION ALL
    SELECT pg_catalog.format('relation %s index %s', r.oid::pg_catalog.regclass,
               pg_catalog.pg_get_indexdef(i.indexrelid))
      FROM rel r JOIN pg_catalog.pg_index i ON i.indrelid = r.oid
    UNION ALL
    SELECT pg_catalog.format('relation %s trigger %s', r.oid::pg_catalog.regclass,
               pg_catalog.pg_get_triggerdef(tg.oid))
      FROM rel r JOIN pg_catalog.pg_trigger tg ON tg.tgrelid = r.oid AND NOT tg.tgisinternal
    UNION ALL
    SELECT pg_catalog.format('view %s %s', r.oid::pg_catalog.regclass, pg_catalog.pg_get_viewdef(r.oid))
      FROM rel r WHERE r.relkind IN ('v', 'm')
    UNION ALL
    SELECT pg_catalog.format('configuration table %s filter %s', cfg.c::pg_catalog.regclass,
               pg_catalog.quote_literal(e.extcondition[cfg.n]))
      FROM pg_catalog.pg_extension e, pg_catalog.unnest(e.extconfig) WITH ORDINALITY cfg (c, n)
     WHERE e.extname = 'news_archive'
    UNION ALL
    SELECT pg_catalog.format('ts parser %s start=%s token=%s end=%s headline=%s lextype=%s',
               p.prsnamespace::pg_catalog.regnamespace || '.' || p.prsname, p.prsstart::pg_catalog.regproc, p.prstoken::pg_catalog.regproc,
               p.prsend::pg_catalog.regproc, p.prsheadline::pg_catalog.regproc,
               p.prslextype::pg_catalog.regproc)
      FROM pg_catalog.pg_ts_parser p JOIN member m
        ON m.classid = 'pg_catalog.pg_ts_parser'::pg_catalog.regclass AND m.objid = p.oid
    UNION ALL
    SELECT pg_catalog.format('ts template %s.%s init=%s lexize=%s', t.tmplnamespace::pg_catalog.regnamespace,
               t.tmplname, t.tmplinit::pg_catalog.regproc, t.tmpllexize::pg_catalog.regproc)
      FROM pg_catalog.pg_ts_template t JOIN member m
        ON m.classid = 'pg_catalog.pg_ts_template'::pg_catalog.regclass AND m.objid = t.oid
    UNION ALL
    SELECT pg_catalog.format('ts dictionary %s template=%s options=%s', d.oid::pg_catalog.regdictionary,
               t.tmplname, d.dictinitoption)
      FROM pg_catalog.pg_ts_dict d JOIN member m
        ON m.classid = 'pg_catalog.pg_ts_dict'::pg_catalog.regclass AND m.objid = d.oid
      JOIN pg_catalog.pg_ts_template t ON t.oid = d.dicttemplate
    UNION ALL
    SELECT pg_catalog.format('ts configuration %s parser=%s token %s -> %s %s', c.oid::pg_catalog.regconfig,
               (SELECT prsnamespace::pg_catalog.regnamespace || '.' || prsname
                  FROM pg_catalog.pg_ts_parser WHERE oid = c.cfgparser), map.maptokentype, map.mapseqno,
               map.mapdict::pg_catalog.regdictionary)
      FROM pg_catalog.pg_ts_config c JOIN member m
        ON m.classid = 'pg_catalog.pg_ts_config'::pg_catalog.regclass AND m.objid = c.oid
      LEFT JOIN pg_catalog.pg_ts_config_map map ON map.mapcfg = c.oid
    UNION ALL
    SELECT pg_catalog.format('schema %s acl=%s', n.nspname, n.nspacl)
      FROM pg_catalog.pg_namespace n, pg_catalog.pg_extension e
     WHERE e.extname = 'news_archive' AND n.oid = e.extnamespace
)
SELECT line FROM facts ORDER BY line COLLATE "C";

-- the rows the extension ships in its configuration tables
SELECT 'builtin stop word ' || word FROM news_archive.stop_word WHERE builtin ORDER BY word COLLATE "C";
