-- The extension as a DBA sees it: schema, comments, labels.
SELECT extname, extversion, nspname AS schema, extrelocatable
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE extname = 'cleanclaim';

-- every object of the extension carries a comment
SELECT pg_describe_object(d.classid, d.objid, d.objsubid) AS undocumented
FROM pg_depend d
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'cleanclaim')
  AND d.deptype = 'e'
  AND obj_description(d.objid, (SELECT relname FROM pg_class WHERE oid = d.classid)) IS NULL
ORDER BY 1;

-- no function of the extension is SECURITY DEFINER, and only trigger functions
-- (which queue invalidations or write rows), the loaders (which write rows) and
-- the ledger makers (which create tables)
-- are PARALLEL UNSAFE (create_denial_views() is one of the ledger makers)
SELECT p.oid::regprocedure AS function, p.provolatile, p.proparallel, p.prosecdef
FROM pg_proc p
WHERE p.pronamespace = 'cleanclaim'::regnamespace
  AND (p.prosecdef OR (p.proparallel <> 's' AND p.prorettype <> 'trigger'::regtype))
ORDER BY 1;

-- the base types: the code types are 8 bytes, passed by value, aligned like
-- int8; the metric types claim_outcome (64 bytes) and claim_stats (varlena)
-- are passed by reference, aligned like double
SELECT typname, typlen, typbyval, typalign, typstorage, typsend <> 0 AS has_send, typreceive <> 0 AS has_receive
FROM pg_type
WHERE typnamespace = 'cleanclaim'::regnamespace AND typtype = 'b' AND typcategory <> 'A'
ORDER BY typname;
