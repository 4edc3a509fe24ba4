-- pgTAP: the X12 readers on mangled files.  Our test files (837, 835,
-- 277CA, 999, 271) cut, with separators, segment ids and bytes inserted or
-- deleted at random places (a fixed seed: the same files each run), go
-- through every reader and validator: none may fail or take the server
-- down, whatever the file holds.  A bounded pass; issue 22's fuzzing goes
-- further.
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
\set ON_ERROR_STOP true

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS cleanclaim;
SET search_path = cleanclaim, public;
SELECT plan(3);

\set f :repo_dir '/test/fixtures/clinic.837'
\set x837 `cat :'f'`
\set f :repo_dir '/test/fixtures/clinic.835'
\set x835 `cat :'f'`
\set f :repo_dir '/test/fixtures/clinic.277ca'
\set x277 `cat :'f'`
\set f :repo_dir '/test/fixtures/clinic.999'
\set x999 `cat :'f'`
\set f :repo_dir '/test/fixtures/clinic.271'
\set x271 `cat :'f'`

-- n random edits: a character deleted, or a separator, a segment id or a
-- stray byte inserted
CREATE FUNCTION pg_temp.mangle(x text, n int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	p int;
BEGIN
	FOR i IN 1..n LOOP
		p := 1 + floor(random() * length(x))::int;
		IF random() < 0.3 THEN
			x := left(x, p - 1) || substr(x, p + 1 + floor(random() * 20)::int);
		ELSE
			x := left(x, p - 1) || (ARRAY['*', '~', ':', '^', '>', 'X', '9', '-', '.', 'ST*', 'SE*1*', 'CLP*', 'SVC*', 'CAS*',
										  'HL*', 'EB*', 'IK3*', 'IK4*', 'AK1*', 'AK2*', 'STC*', 'CLM*', 'ISA', E'\n', chr(1)])[1 + floor(random() * 25)::int]
				 || substr(x, p);
		END IF;
	END LOOP;
	RETURN x;
END $$;
SELECT setseed(0.2026);
CREATE TEMP TABLE mangled AS
SELECT CASE WHEN random() < 0.1 THEN left(m, floor(random() * length(m))::int) ELSE m END AS x
FROM (SELECT pg_temp.mangle(s, 1 + floor(random() * 8)::int) AS m
	  FROM generate_series(1, 150) g, unnest(ARRAY[:'x837', :'x835', :'x277', :'x999', :'x271']) s) q;

SELECT is((SELECT count(*) FROM mangled), 750::bigint, '750 mangled files');
SELECT lives_ok($$
	SELECT sum((SELECT count(*) FROM read_835(x)) + (SELECT count(*) FROM read_835_lines(x)) + (SELECT count(*) FROM read_835_adjustments(x))
			   + (SELECT count(*) FROM read_835_provider_adjustments(x)) + (SELECT count(*) FROM validate_835(x))
			   + (SELECT count(*) FROM read_277ca(x)) + (SELECT count(*) FROM read_999(x)) + (SELECT count(*) FROM read_999_errors(x))
			   + (SELECT count(*) FROM read_271(x)) + (SELECT count(*) FROM read_271_benefits(x)))
	FROM mangled$$, 'the readers of 835, 277CA, 999 and 271 and validate_835 read every mangled file');
SELECT lives_ok($$
	SELECT sum((SELECT count(*) FROM read_837(x)) + (SELECT count(*) FROM validate_837(x)) + length(ack_999(x)))
	FROM mangled$$, 'read_837, validate_837 and ack_999 read every mangled file');

SELECT * FROM finish();
ROLLBACK;
