-- pgTAP: the README documents what the extension holds.
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
\set ON_ERROR_STOP true

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS cleanclaim;
SELECT plan(4);

-- the rule table between the README's markers is the one tools/rule-table prints
\set readme_rules `sed -n '/<!-- rules:begin -->/,/<!-- rules:end -->/{/<!--/!p}' :'repo_dir'/README.md`
\set rule_table_query `cat :'repo_dir'/tools/rule-table.sql`
SELECT is(:'readme_rules', (SELECT markdown FROM (:rule_table_query) q),
		  'the README rule table matches cleanclaim.rule_catalog() (run tools/rule-table --update)');

-- the claim contract's table is the one cleanclaim.claim_fields() makes
\set readme_fields `sed -n '/<!-- fields:begin -->/,/<!-- fields:end -->/{/<!--/!p}' :'repo_dir'/README.md`
\set field_table_query `cat :'repo_dir'/tools/field-table.sql`
SELECT is(:'readme_fields', (SELECT markdown FROM (:field_table_query) q),
		  'the README contract table matches cleanclaim.claim_fields() (run tools/rule-table --update)');

-- the modifier table between the README's markers is the one tools/rule-table prints
\set readme_modifiers `sed -n '/<!-- modifiers:begin -->/,/<!-- modifiers:end -->/{/<!--/!p}' :'repo_dir'/README.md`
\set modifier_table_query `cat :'repo_dir'/tools/modifier-table.sql`
SELECT is(:'readme_modifiers', (SELECT markdown FROM (:modifier_table_query) q),
		  'the README modifier table matches the shipped rows of cleanclaim.modifier_reference (run tools/rule-table --update)');

-- every function a user calls is named in the README
\set readme `cat :'repo_dir'/README.md`
SELECT is(array_agg(DISTINCT p.proname::text ORDER BY p.proname::text), NULL,
		  'every user-facing function of the extension is documented in the README')
FROM pg_proc p
WHERE p.pronamespace = 'cleanclaim'::regnamespace
  AND p.proname !~ '(_in|_out|_recv|_send|_eq|_ne|_lt|_le|_gt|_ge|_cmp|_hash|_hash_extended|_sortsupport|_smaller|_larger)$'
  AND p.proname NOT IN ('refdata_changed', 'check_rule_setting')
  AND p.proname !~ '^loader_'  -- the loaders' internal helpers
  AND coalesce(obj_description(p.oid, 'pg_proc'), '') NOT LIKE 'internal:%'  -- helpers the functions call
  AND position(p.proname IN :'readme') = 0;

SELECT * FROM finish();
ROLLBACK;
