-- pgTAP: the denial dictionary.  What cleanclaim ships (complete mappings,
-- rule ids of the catalog, the ten categories, the common denial codes),
-- then the real CMS CARC list of ../shared/data, read in place: the load, its
-- counts (computed from the file with awk, independently of the loader), the
-- texts compared with the file as PostgreSQL's own CSV reader sees it, and
-- no mapping changed by loading.  The tests on the real file are skipped,
-- with the reason, when that folder is absent.  Last, a role that is not a
-- superuser loads the list with only INSERT and UPDATE on the tables.
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
\set ON_ERROR_ROLLBACK 1
\set ON_ERROR_STOP true

SELECT :'data_dir' <> '' AS have_data \gset
\if :have_data
\set carc_file :data_dir/code_sets/carc_claim_adjustment_reason_codes.csv
\set carc `cat :'carc_file'`
-- data lines (the file has no quoted line feeds), and those marked INACTIVE
\set carc_codes `tail -n +2 :'carc_file' | grep -c .`
\set carc_inactive `tail -n +2 :'carc_file' | grep -c ' INACTIVE\.\{0,1\}"\{0,1\}$'`
\set carc_first_code `awk -F, 'NR == 2 { print $1 }' :'carc_file'`
\endif

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS cleanclaim;
SET search_path = cleanclaim, public;

SELECT plan(38);

--
-- What is shipped
--
SELECT cmp_ok((SELECT count(*) FROM denial_reasons WHERE shipped AND denial), '>=', 60::bigint,
			  'at least 60 denial codes are shipped with a mapping');
SELECT is((SELECT count(*) FROM denial_reasons WHERE shipped AND (category IS NULL OR root_cause IS NULL OR prevention IS NULL
			   OR owner IS NULL OR preventable IS NULL OR denial IS NULL)), 0::bigint,
		  'every shipped mapping is complete');
SELECT set_eq('SELECT DISTINCT category FROM cleanclaim.denial_reasons WHERE shipped',
			  ARRAY['eligibility', 'authorization', 'coding', 'bundling', 'medical_necessity', 'duplicate',
					'timely_filing', 'missing_information', 'coordination_of_benefits', 'contractual'],
			  'the shipped mappings use each of the ten categories');
SELECT is((SELECT array_agg(DISTINCT r ORDER BY r) FROM denial_reasons d, unnest(d.rule_ids) r
		   WHERE NOT EXISTS (SELECT 1 FROM rule_catalog() c WHERE c.rule_id = r)), NULL,
		  'every rule id of the shipped mappings is a rule of the catalog');
SELECT is((SELECT array_agg(c ORDER BY c) FROM unnest('{4,5,6,7,9,10,11,16,18,22,27,29,50,96,97,109,146,181,182,197,204,206,207,208,231,234,236}'::text[]) c
		   WHERE NOT EXISTS (SELECT 1 FROM denial_reasons d WHERE d.carc = c AND d.shipped AND d.denial)), NULL,
		  'the common denial codes of the domain notes are shipped as denials');
SELECT is((SELECT array_agg(carc ORDER BY carc) FROM denial_reasons WHERE shipped AND NOT denial AND preventable), NULL,
		  'an adjustment that is not a denial is not called preventable');
SELECT is((SELECT array_agg(carc ORDER BY carc) FROM denial_reasons
		   WHERE shipped AND carc IN ('45', '253', '59', '131', '23') AND denial), NULL,
		  'the payment-policy codes is_denial_adjustment() leaves out are not denials in the dictionary either');
SELECT is((SELECT count(*) FROM denial_reasons d WHERE d.shipped AND (d.root_cause = d.prevention OR d.root_cause = d.description)),
		  0::bigint, 'root cause, prevention and label say different things');
SELECT is((SELECT array_agg(rarc ORDER BY rarc) FROM remark_codes WHERE (kind = 'alert') <> (description LIKE 'Alert:%')), NULL,
		  'the alert remark codes, and only they, read "Alert:"');
SELECT is((SELECT array_agg(d.carc ORDER BY d.carc) FROM denial_reasons d
		   WHERE d.shipped AND (denial_root_cause(d.carc)).status <> 'mapped'), NULL,
		  'denial_root_cause() finds every shipped mapping');
SELECT is((SELECT round(sum(share), 9) FROM denial_reason_rules WHERE carc = '16'), 1::numeric,
		  'the shares of a code''s rules add up to 1');

SELECT is((SELECT array_agg(d.carc ORDER BY d.carc) FROM denial_reasons d
		   WHERE d.shipped AND (denial_root_cause(d.carc, group_code => 'CO')).is_denial IS DISTINCT FROM d.denial), NULL,
		  'under group CO, denial_root_cause() calls a shipped code a denial exactly when the dictionary does');

-- the tables: readable by everyone, dumped, users' rows kept apart by the trigger
SELECT is((SELECT array_agg(t ORDER BY t) FROM unnest('{denial_reasons,remark_codes}'::text[]) t
		   WHERE NOT has_table_privilege('public', 'cleanclaim.' || t, 'SELECT')), NULL,
		  'everyone may read the dictionary and the remark codes');
SELECT is((SELECT array_agg(c.relname::text ORDER BY c.relname) FROM pg_extension e, unnest(e.extconfig) x(oid)
		   JOIN pg_class c ON c.oid = x.oid WHERE e.extname = 'cleanclaim' AND c.relname IN ('denial_reasons', 'remark_codes')),
		  '{denial_reasons,remark_codes}'::text[], 'pg_dump keeps the rows of both tables');
SELECT is((SELECT array_agg(tgrelid::regclass::text ORDER BY tgrelid::regclass::text) FROM pg_trigger
		   WHERE tgfoid = 'shipped_row_change()'::regprocedure),
		  '{denial_reasons,remark_codes}'::text[], 'shipped_row_change() guards both tables');

-- labels and errors
SELECT is((SELECT provolatile::text || proparallel::text FROM pg_proc WHERE oid = 'denial_root_cause(text,text,text)'::regprocedure), 'ss',
		  'denial_root_cause() is STABLE and PARALLEL SAFE');
SELECT is((SELECT provolatile::text || proparallel::text FROM pg_proc WHERE oid = 'create_denial_views(name)'::regprocedure), 'vu',
		  'create_denial_views() is VOLATILE and PARALLEL UNSAFE');
SELECT is((SELECT provolatile::text || proparallel::text FROM pg_proc WHERE oid = 'load_carc(text,text)'::regprocedure), 'vu',
		  'load_carc() is VOLATILE and PARALLEL UNSAFE');
SELECT throws_ok($$SELECT cleanclaim.denial_root_cause('CO-1234')$$, '22023',
				 'invalid claim adjustment reason code: "CO-1234"', 'a malformed CARC raises 22023');
SELECT throws_ok($$UPDATE cleanclaim.denial_reasons SET rule_ids = '{DX_MISSNG}' WHERE carc = '16'$$, '22023',
				 'unknown rule id: DX_MISSNG', 'a rule id not in the catalog is refused');

--
-- The CMS CARC list of ../shared/data
--
\if :have_data
CREATE TEMP TABLE before_load AS
SELECT carc, category, root_cause, prevention, owner, preventable, rule_ids, denial, shipped FROM denial_reasons;
-- the file as COPY reads it (test/load-shared-data)
CREATE TEMP TABLE cms AS SELECT * FROM shared_data.carc;

SELECT is((SELECT row(s.*)::text FROM load_carc(:'carc', 'bfd-2026') s),
		  row('denial_reasons', 'bfd-2026', :'carc_codes'::bigint, 1::bigint, '{"header line": 1}'::jsonb)::load_summary::text,
		  format('the CMS list loads its %s codes (407 in SOURCES.md), the header skipped', btrim(:'carc_codes')));
SELECT is((SELECT count(*) FROM denial_reasons WHERE release = 'bfd-2026'), :'carc_codes'::bigint,
		  'every code of the list has its row, with the release');
SELECT is((SELECT array_agg(carc ORDER BY carc) FROM denial_reasons WHERE shipped AND release IS DISTINCT FROM 'bfd-2026'), NULL,
		  'every shipped code is in the CMS list');
SELECT is((SELECT count(*) FROM denial_reasons WHERE inactive), :'carc_inactive'::bigint,
		  format('%s codes are marked INACTIVE (grep)', btrim(:'carc_inactive')));
SELECT is((SELECT count(*) FROM denial_reasons WHERE category IS NULL),
		  (SELECT count(*) FROM cms WHERE code NOT IN (SELECT carc FROM before_load)),
		  'the codes cleanclaim does not map are loaded unmapped');
SELECT is((SELECT count(*) FROM cms c LEFT JOIN denial_reasons d ON d.carc = c.code
		   WHERE d.description IS DISTINCT FROM c.display), 0::bigint,
		  'every text is the text of the file, as COPY reads it');
SELECT is((SELECT count(*) FROM denial_reasons d JOIN cms c ON c.code = d.carc
		   WHERE lower(c.display) IN (lower(d.root_cause), lower(d.prevention))), 0::bigint,
		  'no root cause or prevention copies the official text');
SELECT set_eq('SELECT carc, category, root_cause, prevention, owner, preventable, rule_ids, denial, shipped FROM cleanclaim.denial_reasons WHERE carc IN (SELECT carc FROM before_load)',
			  'SELECT * FROM before_load', 'loading changed no mapping, and no shipped row became the user''s');
SELECT is((SELECT row(status, description)::text FROM denial_root_cause(:'carc_first_code')),
		  row('mapped', (SELECT display FROM cms WHERE code = :'carc_first_code'))::text,
		  'denial_root_cause() gives the official text of a mapped code');
SELECT is((SELECT count(*) FROM denial_reasons d, denial_root_cause(d.carc) e
		   WHERE d.inactive AND e.description = d.description AND e.description ~ 'INACTIVE'), :'carc_inactive'::bigint,
		  'denial_root_cause() shows the INACTIVE mark of the retired codes');
SELECT is((SELECT status FROM denial_root_cause('CO-' || (SELECT min(carc) FROM denial_reasons WHERE category IS NULL AND carc ~ '^[0-9]+$'))),
		  'unmapped', 'a code of the list without a mapping is reported unmapped');
SELECT is((SELECT rows_loaded FROM load_carc(:'carc', 'bfd-2026')), :'carc_codes'::bigint, 'the list loads again');
SELECT is((SELECT count(*) FROM denial_reasons), (SELECT count(*) FROM cms), 'without a second row for any code');
\else
SELECT skip('../shared/data was not found (set CLEANCLAIM_DATA): the load of the CMS CARC list is skipped', 13);
\endif

--
-- A role with INSERT and UPDATE on the dictionary and releases loads the list
--
CREATE ROLE cleanclaim_test_carc_loader NOLOGIN;
GRANT USAGE ON SCHEMA cleanclaim TO cleanclaim_test_carc_loader;
GRANT INSERT, UPDATE ON releases, denial_reasons TO cleanclaim_test_carc_loader;
CREATE FUNCTION pg_temp.load_as(who name, content text) RETURNS SETOF load_summary LANGUAGE plpgsql AS $$
BEGIN
	PERFORM set_config('role', who, true);
	RETURN QUERY SELECT * FROM cleanclaim.load_carc(content, 'by-a-loader-role');
	PERFORM set_config('role', 'none', true);
END $$;
SELECT is((SELECT rows_loaded FROM pg_temp.load_as('cleanclaim_test_carc_loader', E'code,display\n16,A text.\nZ99,Another text.\n')),
		  2::bigint, 'a role with INSERT and UPDATE on the tables loads');
SELECT is((SELECT row(description, shipped, category IS NOT NULL)::text FROM denial_reasons WHERE carc = '16'),
		  row('A text.', true, true)::text, 'its load refreshed the text of a shipped row and kept the mapping');
SELECT is((SELECT loaded_by FROM releases WHERE release = 'by-a-loader-role'), 'cleanclaim_test_carc_loader'::name,
		  'releases records who loaded');
SELECT throws_ok(format('SELECT * FROM pg_temp.load_as(%L, %L)', 'pg_monitor', E'code,display\n16,x\n'), '42501', NULL,
				 'a role that may only read the tables cannot load');
SELECT is((SELECT description FROM denial_reasons WHERE carc = '16'), 'A text.', 'and changed nothing');

SELECT * FROM finish();
ROLLBACK;
