-- ALTER EXTENSION UPDATE from every earlier version gives exactly what a
-- fresh install of the current version gives.
SELECT current_database() AS regress_db \gset
CREATE DATABASE cleanclaim_upgrade_test;
\c cleanclaim_upgrade_test

-- Every member object of the extension, described with what matters to users.
CREATE FUNCTION pg_temp.extension_objects() RETURNS TABLE (object text, details text) LANGUAGE sql AS $$
	SELECT pg_describe_object(d.classid, d.objid, d.objsubid),
		   CASE d.classid
				WHEN 'pg_proc'::regclass THEN
					(SELECT concat_ws(' ', p.provolatile, p.proparallel, p.proisstrict, p.prosecdef,
									  pg_get_function_result(p.oid), p.prosrc, obj_description(p.oid, 'pg_proc'))
					 FROM pg_proc p WHERE p.oid = d.objid)
				WHEN 'pg_class'::regclass THEN
					(SELECT concat_ws(' ', c.relkind, obj_description(c.oid, 'pg_class'),
									  (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
									   FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
									  (SELECT string_agg(pg_get_constraintdef(k.oid), ', ' ORDER BY k.conname)
									   FROM pg_constraint k WHERE k.conrelid = c.oid),
									  CASE WHEN c.relkind = 'v' THEN pg_get_viewdef(c.oid) END)
					 FROM pg_class c WHERE c.oid = d.objid)
				WHEN 'pg_type'::regclass THEN
					(SELECT concat_ws(' ', t.typlen, t.typbyval, t.typalign, obj_description(t.oid, 'pg_type'))
					 FROM pg_type t WHERE t.oid = d.objid)
				ELSE obj_description(d.objid, (SELECT relname FROM pg_class WHERE oid = d.classid))
		   END
	FROM pg_depend d
	WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
	  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'cleanclaim')
$$;

CREATE EXTENSION cleanclaim VERSION '0.1.0';
SELECT extversion FROM pg_extension WHERE extname = 'cleanclaim';
ALTER EXTENSION cleanclaim UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'cleanclaim';
CREATE TABLE upgraded AS SELECT * FROM pg_temp.extension_objects();
-- the configuration tables are dumped after an update as after an install
SELECT count(*) AS config_tables FROM pg_extension, unnest(extconfig) WHERE extname = 'cleanclaim';
DROP EXTENSION cleanclaim;

CREATE EXTENSION cleanclaim;
CREATE TABLE fresh AS SELECT * FROM pg_temp.extension_objects();
SELECT count(*) AS config_tables FROM pg_extension, unnest(extconfig) WHERE extname = 'cleanclaim';
SELECT count(*) > 100 AS many_objects FROM fresh;
SELECT 'only after update' AS where_, object, details FROM (SELECT * FROM upgraded EXCEPT SELECT * FROM fresh) d
UNION ALL
SELECT 'only after install', object, details FROM (SELECT * FROM fresh EXCEPT SELECT * FROM upgraded) d
ORDER BY 2, 1;

-- the versions an update can start from
SELECT source, target FROM pg_extension_update_paths('cleanclaim') WHERE path IS NOT NULL ORDER BY 1, 2;

\c :regress_db
DROP DATABASE cleanclaim_upgrade_test;
