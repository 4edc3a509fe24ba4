-- Benchmark: the claim scrubber.
--   validate() throughput on one core, against the eight simplest rules
--   written as plain SQL joins and regexes (targets: 10x faster, 100,000 claims/s)
--   inserting 200,000 claims with the scrub trigger against without (target: at most 1.5x the time)
-- Reference data: the FY2025 ICD-10-CM list and both HCPCS lists of
-- ../shared/data when present (else generated codes), a generated NCCI table
-- of 1,000,000 pairs and an MUE for every HCPCS code.  :scale x 1,000,000
-- generated claims with 1 to 6 lines and 1 to 8 diagnoses.
SET max_parallel_workers_per_gather = 0;
SET client_min_messages = warning;
SET search_path = cleanclaim, public;
\set claims ((1000000 * :scale)::int)
\set trigger_rows ((200000 * :scale)::int)
SELECT setseed(0.7) AS seeded \gset
SELECT :'data_dir' <> '' AS have_data \gset

\echo == reference data
\if :have_data
\set f :data_dir '/icd10cm/icd10cm_fy2025_april.csv'
\set content `cat :'f'`
SELECT * FROM load_icd10cm_order(:'content', 'FY2025', '2024-10-01');
\set f :data_dir '/hcpcs/HCPC2020_ANWEB_w_disclaimer.txt'
\set content `iconv -f CP1252 -t UTF-8 :'f' | tr -d '\r'`
SELECT * FROM load_hcpcs_anweb(:'content', '2020');
\set f :data_dir '/hcpcs/opps_addendum_b_2026_04_codes.csv'
\set content `cat :'f'`
SELECT * FROM load_hcpcs_opps_addendum_b(:'content', '2026-04', '2026-01-01');
\unset content
-- the claims are dated 2026, after the FY2025 and 2020 releases: mark them
-- current, as the README says a site does until the next one comes, so every
-- rule checks them (else the code rules say they could not)
SELECT dataset, release, covers_to, current FROM mark_release_current('icd10cm_codes', 'FY2025');
SELECT dataset, release, covers_to, current FROM mark_release_current('hcpcs_codes', '2020');
SELECT dataset, release, covers_to, current FROM mark_release_current('hcpcs_codes', '2026-04');
\else
\echo no shared data: generating 75,000 ICD-10-CM and 15,000 HCPCS codes
INSERT INTO icd10cm_codes (code, billable, description)
SELECT DISTINCT ON (code) code::icd10cm, true, 'generated code ' || code
FROM (SELECT chr(65 + (random() * 25)::int) || (random() * 9)::int || lpad((random() * 99999)::int::text, 5, '0') AS code
	  FROM generate_series(1, 80000)) s;
INSERT INTO hcpcs_codes (code, description)
SELECT DISTINCT ON (code) code::hcpcs, 'generated code ' || code
FROM (SELECT CASE WHEN random() < 0.6 THEN lpad((random() * 99999)::int::text, 5, '0')
				  ELSE chr(65 + (random() * 21)::int) || lpad((random() * 9999)::int::text, 4, '0') END AS code
	  FROM generate_series(1, 16000)) s;
\endif
-- the generated claims are dated 2026: the lists are loaded open-ended or
-- marked current (the OPPS list from 2026-01-01), so every generated code is
-- valid on its date

INSERT INTO payers (payer_id, name, payer_type, timely_filing_days)
SELECT 'P' || i, 'payer ' || i, CASE WHEN i = 1 THEN 'medicare' ELSE 'commercial' END, 365 FROM generate_series(1, 20) i;
INSERT INTO place_of_service (code, name)
SELECT lpad(c::text, 2, '0'), 'place ' || c FROM unnest(ARRAY[2, 10, 11, 12, 19, 20, 21, 22, 23, 24, 31, 32, 81, 99]) c;

-- NCCI: 1,000,000 distinct pairs of procedure codes; MUE for every code
CREATE TABLE bench.procs AS SELECT row_number() OVER () AS n, code FROM (SELECT DISTINCT code FROM hcpcs_codes) s;
SELECT count(*) AS procedure_codes FROM bench.procs \gset
INSERT INTO ncci_ptp (column1, column2, modifier_indicator, valid_from)
SELECT DISTINCT ON (a.code, b.code) a.code, b.code, (ARRAY[0, 1, 1, 1, 9])[1 + (random() * 4)::int], '2020-01-01'
FROM (SELECT 1 + (random() * (:procedure_codes - 1))::int AS x, 1 + (random() * (:procedure_codes - 1))::int AS y
	  FROM generate_series(1, 1150000)) r
JOIN bench.procs a ON a.n = r.x JOIN bench.procs b ON b.n = r.y
WHERE a.code <> b.code;
INSERT INTO mue (code, max_units, adjudication_indicator, valid_from)
SELECT code, 1 + (random() * 9)::int, 1 + (random() * 2)::int, '2020-01-01' FROM bench.procs;
SELECT (SELECT count(*) FROM icd10cm_codes) AS icd10cm_codes, (SELECT count(*) FROM hcpcs_codes) AS hcpcs_codes,
	   (SELECT count(*) FROM ncci_ptp) AS ncci_pairs, (SELECT count(*) FROM mue) AS mue_codes;

\echo == claims
-- pools to draw from: billable diagnosis codes and procedure codes, as text
CREATE TABLE bench.dx_pool AS SELECT row_number() OVER () AS n, code::text AS code FROM icd10cm_codes WHERE billable;
CREATE TABLE bench.proc_pool AS SELECT n, code::text AS code FROM bench.procs;
CREATE UNIQUE INDEX ON bench.dx_pool (n);
CREATE UNIQUE INDEX ON bench.proc_pool (n);
ANALYZE bench.dx_pool, bench.proc_pool;
SELECT count(*) AS dx_pool FROM bench.dx_pool \gset

-- complete claims (every element the 837P requires), 1 to 6 lines, 1 to 8
-- diagnoses; about 1 claim in 20 carries a planted mistake
CREATE TABLE bench.claims AS
WITH shapes AS (
	SELECT i, 1 + (random() * 5)::int AS nlines, 1 + (random() * 7)::int AS ndx, random() AS r,
		   date '2026-01-01' + (random() * 300)::int AS dos
	FROM generate_series(1, :claims) i
)
SELECT i AS id, jsonb_build_object(
	'claim_id', 'C' || i, 'claim_type', 'professional', 'payer_id', 'P' || (1 + i % 20), 'member_id', 'M' || i,
	'subscriber_last_name', CASE WHEN r BETWEEN 0.04 AND 0.045 THEN 'TEST' ELSE (ARRAY['Garcia', 'Smith', 'Nguyen', 'Johnson', 'O''Brien', 'Lopez-Diaz', 'Kim'])[1 + i % 7] END,
	'subscriber_first_name', 'Pat', 'patient_relationship', '18',
	'patient_birth_date', (date '1940-01-01' + (i % 20000))::text,
	'patient_sex', CASE WHEN r < 0.01 THEN 'X' ELSE (ARRAY['F', 'M'])[1 + i % 2] END,
	'billing_npi', CASE WHEN r < 0.02 THEN '1234567890' ELSE '1234567893' END, 'rendering_npi', '1558598797',
	'billing_tax_id', '84' || lpad((i % 10000000)::text, 7, '0'), 'billing_taxonomy', '207Q00000X',
	'billing_address', CASE WHEN r BETWEEN 0.045 AND 0.05 THEN 'PO Box 4410' ELSE (1 + i % 9000) || ' Maple Ave' END,
	'billing_city', 'Denver', 'billing_state', 'CO', 'billing_zip', '802021234',
	'place_of_service', '11', 'frequency_code', '1', 'service_from', dos::text, 'service_to', dos::text,
	'submitted_on', (dos + 3)::text, 'total_charge', 100 * nlines,
	'diagnoses', (SELECT jsonb_agg(CASE WHEN r BETWEEN 0.02 AND 0.03 AND d = 1 THEN 'Z99.999' ELSE p.code END)
				  FROM generate_series(1, ndx) d
				  JOIN bench.dx_pool p ON p.n = 1 + (hashint8(i * 10 + d) & 2147483647) % :dx_pool),
	'lines', (SELECT jsonb_agg(jsonb_build_object('line_no', l, 'procedure', p.code,
												  'units', CASE WHEN r BETWEEN 0.03 AND 0.04 THEN 0 ELSE 1 END,
												  'charge', 100, 'service_date', dos::text, 'dx_pointers', jsonb_build_array(1)))
			  FROM generate_series(1, nlines) l
			  JOIN bench.proc_pool p ON p.n = 1 + (hashint8(i * 10 + l) & 2147483647) % :procedure_codes)
) AS claim
FROM shapes;
VACUUM ANALYZE bench.claims;
SELECT count(*) AS claims, pg_size_pretty(pg_total_relation_size('bench.claims')) AS size,
	   round(avg(jsonb_array_length(claim -> 'lines')), 2) AS lines_per_claim,
	   round(avg(jsonb_array_length(claim -> 'diagnoses')), 2) AS dx_per_claim
FROM bench.claims;

-- the baseline's own reference tables, as a user without cleanclaim keeps them:
-- text codes (dotless) with the dates each is valid
CREATE TABLE bench.sql_icd_codes AS
SELECT icd10cm_dotless(code) AS code, valid_from, coalesce(valid_to, 'infinity') AS valid_to FROM icd10cm_codes;
CREATE INDEX ON bench.sql_icd_codes (code);
CREATE TABLE bench.sql_hcpcs_codes AS
SELECT code::text AS code, valid_from, coalesce(valid_to, 'infinity') AS valid_to FROM hcpcs_codes;
CREATE INDEX ON bench.sql_hcpcs_codes (code);
ANALYZE bench.sql_icd_codes, bench.sql_hcpcs_codes;

-- warm the cache: the first claim of a session loads the reference tables
SELECT count(*) AS warm FROM (SELECT * FROM bench.claims LIMIT 10) c, LATERAL validate(c.claim);

\echo == what the run finds
SELECT rule_id, count(*) AS issues FROM (SELECT * FROM bench.claims LIMIT 100000) c, LATERAL validate(c.claim)
GROUP BY 1 ORDER BY 2 DESC;

-- The eight simplest rules as plain SQL: NPI_BILLING_INVALID (shape regex
-- only: no check digit), MEMBER_ID_MISSING, PATIENT_SEX_INVALID, DX_MISSING,
-- DX_INVALID and PROC_INVALID (anti-joins to the code tables on the date of
-- service, as the rules are defined), UNITS_INVALID, CHARGE_NOT_POSITIVE: one
-- query per rule (the faster of the two forms tried; fusing the header rules
-- into one scan was slower).
CREATE VIEW bench.sql_rules AS
SELECT id, 'NPI_BILLING_INVALID' AS rule_id FROM bench.claims c
WHERE coalesce(c.claim ->> 'billing_npi', '') !~ '^[12][0-9]{9}$'
UNION ALL
SELECT id, 'MEMBER_ID_MISSING' FROM bench.claims c WHERE coalesce(c.claim ->> 'member_id', '') = ''
UNION ALL
SELECT id, 'PATIENT_SEX_INVALID' FROM bench.claims c WHERE coalesce(c.claim ->> 'patient_sex', '') NOT IN ('M', 'F', 'U')
UNION ALL
SELECT id, 'DX_MISSING' FROM bench.claims c WHERE coalesce(jsonb_array_length(c.claim -> 'diagnoses'), 0) = 0
UNION ALL
SELECT c.id, 'DX_INVALID'
FROM bench.claims c CROSS JOIN LATERAL jsonb_array_elements_text(c.claim -> 'diagnoses') d(code)
WHERE d.code !~ '^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$'
   OR NOT EXISTS (SELECT FROM bench.sql_icd_codes t WHERE t.code = replace(d.code, '.', '')
				  AND (c.claim ->> 'service_from')::date BETWEEN t.valid_from AND t.valid_to)
UNION ALL
SELECT c.id, 'PROC_INVALID'
FROM bench.claims c CROSS JOIN LATERAL jsonb_array_elements(c.claim -> 'lines') line
WHERE NOT EXISTS (SELECT FROM bench.sql_hcpcs_codes t WHERE t.code = upper(line ->> 'procedure')
				  AND coalesce(line ->> 'service_date', c.claim ->> 'service_from')::date BETWEEN t.valid_from AND t.valid_to)
UNION ALL
SELECT c.id, 'UNITS_INVALID'
FROM bench.claims c CROSS JOIN LATERAL jsonb_array_elements(c.claim -> 'lines') line
WHERE (line ->> 'units')::numeric <= 0 OR (line ->> 'units')::numeric <> trunc((line ->> 'units')::numeric)
UNION ALL
SELECT c.id, 'CHARGE_NOT_POSITIVE'
FROM bench.claims c CROSS JOIN LATERAL jsonb_array_elements(c.claim -> 'lines') line
WHERE (line ->> 'charge')::numeric <= 0;

SELECT rule_id, count(*) AS issues FROM (SELECT * FROM bench.sql_rules WHERE id <= 100000) s GROUP BY 1 ORDER BY 2 DESC;

\echo == validate() throughput: the same 8 rules (the other rules switched off in rule_settings)
INSERT INTO rule_settings (rule_id, enabled)
SELECT rule_id, false FROM rule_catalog()
WHERE rule_id NOT IN ('NPI_BILLING_INVALID', 'MEMBER_ID_MISSING', 'PATIENT_SEX_INVALID', 'DX_MISSING',
					  'DX_INVALID', 'PROC_INVALID', 'UNITS_INVALID', 'CHARGE_NOT_POSITIVE');
SELECT count(*) AS rules_on FROM rules WHERE enabled;
CALL bench.compare('validate(), the same 8 rules', 'SQL, 8 rules (a query each)',
	'SELECT count(*) FROM bench.sql_rules',
	'SELECT count(*) FROM bench.claims c, LATERAL cleanclaim.validate(c.claim)', 10, 1);
CALL bench.compare('is_clean(), the same 8 rules', 'SQL, 8 rules (a query each)',
	'SELECT count(*) FROM bench.sql_rules',
	'SELECT count(*) FILTER (WHERE cleanclaim.is_clean(c.claim)) FROM bench.claims c', 10, 1);
DELETE FROM rule_settings;

\echo == validate() throughput: all rules
SELECT count(*) AS rules_on FROM rules WHERE enabled;
CALL bench.compare('validate(), all rules', 'SQL, 8 rules (a query each)',
	'SELECT count(*) FROM bench.sql_rules',
	'SELECT count(*) FROM bench.claims c, LATERAL cleanclaim.validate(c.claim)', NULL, 1);
CALL bench.compare('is_clean(), all rules', 'SQL, 8 rules (a query each)',
	'SELECT count(*) FROM bench.sql_rules',
	'SELECT count(*) FILTER (WHERE cleanclaim.is_clean(c.claim)) FROM bench.claims c', NULL, 1);
SELECT benchmark, round(:claims / (cleanclaim_ms / 1000.0)) AS claims_per_second,
	   round(:claims / (baseline_ms / 1000.0)) AS sql_claims_per_second, '>= 100000' AS target,
	   CASE WHEN :claims / (cleanclaim_ms / 1000.0) >= 100000 THEN 'yes' ELSE 'NO' END AS met
FROM bench.results WHERE session = pg_backend_pid() AND benchmark LIKE '%rules' ORDER BY recorded_at;

\echo == the scrub trigger: loading :trigger_rows claims with COPY into a claims table (primary key and two indexes)
CREATE TABLE bench.claim_row (
	claim_id text, claim_type text, payer_id text, member_id text, subscriber_last_name text,
	subscriber_first_name text, patient_relationship text, patient_birth_date date, patient_sex text,
	billing_npi text, rendering_npi text, billing_tax_id text, billing_taxonomy text, billing_address text,
	billing_city text, billing_state text, billing_zip text, place_of_service text, frequency_code text, service_from date,
	service_to date, submitted_on date, total_charge numeric, diagnoses jsonb, lines jsonb);
SELECT current_setting('data_directory') || '/cleanclaim_bench_claims.csv' AS claims_file,
	   current_setting('data_directory') || '/cleanclaim_bench_clean_claims.csv' AS clean_file \gset
COPY (SELECT r.* FROM bench.claims c, LATERAL jsonb_populate_record(NULL::bench.claim_row, c.claim) r
	  WHERE c.id <= :trigger_rows ORDER BY c.id) TO :'claims_file' WITH (FORMAT csv);
COPY (SELECT r.* FROM bench.claims c, LATERAL jsonb_populate_record(NULL::bench.claim_row, c.claim) r
	  WHERE c.id <= :trigger_rows AND cleanclaim.is_clean(c.claim) ORDER BY c.id) TO :'clean_file' WITH (FORMAT csv);

CREATE TABLE bench.plain (LIKE bench.claim_row, scrub_issues jsonb, scrub_score numeric, scrub_status text,
						  PRIMARY KEY (claim_id));
CREATE INDEX ON bench.plain (payer_id, service_from);
CREATE INDEX ON bench.plain (member_id);
CREATE TABLE bench.annotated (LIKE bench.plain INCLUDING INDEXES);
CREATE TRIGGER scrub BEFORE INSERT ON bench.annotated FOR EACH ROW
	EXECUTE FUNCTION cleanclaim.scrub('annotate', 'issues=scrub_issues', 'score=scrub_score', 'status=scrub_status');
CREATE TABLE bench.rejecting (LIKE bench.plain INCLUDING INDEXES);
CREATE TRIGGER scrub BEFORE INSERT ON bench.rejecting FOR EACH ROW EXECUTE FUNCTION cleanclaim.scrub('reject');

\set columns '(claim_id, claim_type, payer_id, member_id, subscriber_last_name, subscriber_first_name, patient_relationship, patient_birth_date, patient_sex, billing_npi, rendering_npi, billing_tax_id, billing_taxonomy, billing_address, billing_city, billing_state, billing_zip, place_of_service, frequency_code, service_from, service_to, submitted_on, total_charge, diagnoses, lines)'
CALL bench.compare('COPY with scrub(''annotate''), all claims', 'the same COPY without a trigger',
	format('TRUNCATE bench.plain; COPY bench.plain %s FROM %L WITH (FORMAT csv)', :'columns', :'claims_file'),
	format('TRUNCATE bench.annotated; COPY bench.annotated %s FROM %L WITH (FORMAT csv)', :'columns', :'claims_file'), NULL, 5);
CALL bench.compare('COPY with scrub(''reject''), clean claims', 'the same COPY without a trigger',
	format('TRUNCATE bench.plain; COPY bench.plain %s FROM %L WITH (FORMAT csv)', :'columns', :'clean_file'),
	format('TRUNCATE bench.rejecting; COPY bench.rejecting %s FROM %L WITH (FORMAT csv)', :'columns', :'clean_file'), NULL, 5);
SELECT benchmark, baseline_ms AS without_trigger_ms, cleanclaim_ms AS with_trigger_ms,
	   round(cleanclaim_ms / baseline_ms, 2) AS time_ratio, '<= 1.5' AS target,
	   CASE WHEN cleanclaim_ms / baseline_ms <= 1.5 THEN 'yes' ELSE 'NO' END AS met
FROM bench.results WHERE session = pg_backend_pid() AND benchmark LIKE 'COPY%' ORDER BY recorded_at;
SELECT scrub_status, count(*) FROM bench.annotated GROUP BY 1 ORDER BY 1;

\echo
\echo Results (ratio = baseline time / cleanclaim time; claims = :claims)
SELECT * FROM bench.report();
