-- Duplicates across claims.
--   inserting 100,000 claims into a table of 1,000,000 with scrub('reject',
--   'duplicates=on') against the same insert without a trigger (target: at
--   most 1.3x the time), and with scrub('reject') alone, to show the
--   duplicate lookup's own share;
--   duplicate_claims() over the 1,000,000 claims against a self-join in
--   plain SQL that finds the same lines.
-- Claims are generated (no code sets loaded: the code rules say they could
-- not run, the other rules run): :scale x 1,000,000 members' visits with 1
-- to 3 lines; 1% of them sent twice.  A fifth of the inserted claims share
-- member, provider and day with a claim in the table (another procedure), so
-- the lookup finds claims to compare.
SET max_parallel_workers_per_gather = 0;
SET client_min_messages = warning;
SET search_path = cleanclaim, public;
\set claims ((1000000 * :scale)::int)
\set inserted ((100000 * :scale)::int)
SELECT setseed(0.3) AS seeded \gset
INSERT INTO payers (payer_id, name) VALUES ('P1', 'payer 1');

CREATE TABLE bench.dup_claims (
	claim_id text PRIMARY KEY, claim_type text DEFAULT 'professional', payer_id text DEFAULT 'P1', member_id text,
	subscriber_last_name text DEFAULT 'RIVERA', subscriber_first_name text DEFAULT 'ANA', patient_relationship text DEFAULT '18',
	patient_birth_date date DEFAULT '1970-05-15', patient_sex text DEFAULT 'F', billing_npi text,
	billing_tax_id text DEFAULT '84-1234567', billing_address text DEFAULT '1200 Maple Ave', billing_city text DEFAULT 'Denver',
	billing_state text DEFAULT 'CO', billing_zip text DEFAULT '802021234', place_of_service text DEFAULT '11',
	frequency_code text DEFAULT '1', service_from date, submitted_on date, total_charge numeric,
	diagnoses text[] DEFAULT '{E11.9}', lines jsonb);
CREATE INDEX dup_claims_key ON bench.dup_claims (member_id, billing_npi, service_from);

-- a claim: member m, provider p (one of three), day d, n lines of procedures from a list
CREATE FUNCTION bench.dup_claim(id text, m int, p int, d int, n int, proc_offset int)
RETURNS bench.dup_claims LANGUAGE sql AS $$
	SELECT ROW(id, 'professional', 'P1', 'M' || m, 'RIVERA', 'ANA', '18', '1970-05-15', 'F',
			   (ARRAY['1234567893', '1245319599', '1558598797'])[1 + p % 3], '84-1234567', '1200 Maple Ave', 'Denver', 'CO',
			   '802021234', '11', '1', date '2026-01-01' + d % 300, date '2026-01-01' + d % 300 + 3,
			   (SELECT sum(40 + 10 * i) FROM generate_series(1, n) i), '{E11.9}',
			   (SELECT jsonb_agg(jsonb_build_object('line_no', i, 'procedure',
							(ARRAY['99213', '99214', '85025', '36415', '97110', '97140', '20610', '73610', '71046', '93000'])[1 + (proc_offset + i) % 10],
							'units', 1, 'charge', 40 + 10 * i, 'dx_pointers', '[1]'::jsonb)) FROM generate_series(1, n) i))::bench.dup_claims
$$;

\echo == :claims claims in the table, 1% of them sent twice
INSERT INTO bench.dup_claims
SELECT c.* FROM generate_series(1, :claims) g, LATERAL bench.dup_claim('C' || g, g, g, g, 1 + g % 3, g % 7) c;
INSERT INTO bench.dup_claims
SELECT c.* FROM generate_series(1, :claims, 100) g, LATERAL bench.dup_claim('C' || g || '-again', g, g, g, 1 + g % 3, g % 7) c;
ANALYZE bench.dup_claims;
SELECT count(*) AS claims, pg_size_pretty(pg_total_relation_size('bench.dup_claims')) AS size FROM bench.dup_claims;

-- the claims to insert: new members, but every fifth one a visit of a member
-- in the table on the same day with the same provider (other procedures)
CREATE TABLE bench.dup_new AS
SELECT c.*
FROM generate_series(1, :inserted) g,
	 LATERAL bench.dup_claim('N' || g, CASE WHEN g % 5 = 0 THEN g * 7 % :claims + 1 ELSE :claims + g END,
							 CASE WHEN g % 5 = 0 THEN g * 7 % :claims + 1 ELSE g END,
							 CASE WHEN g % 5 = 0 THEN g * 7 % :claims + 1 ELSE g END, 1, (g * 7 % :claims + 1) % 7 + 5) c;
SELECT count(*) AS to_insert, count(*) FILTER (WHERE is_clean(c)) AS clean FROM bench.dup_new c;

CREATE TABLE bench.dup_plain (LIKE bench.dup_claims INCLUDING ALL);
INSERT INTO bench.dup_plain SELECT * FROM bench.dup_claims;
CREATE TABLE bench.dup_checked (LIKE bench.dup_claims INCLUDING ALL);
INSERT INTO bench.dup_checked SELECT * FROM bench.dup_claims;
CREATE TRIGGER scrub BEFORE INSERT ON bench.dup_checked FOR EACH ROW EXECUTE FUNCTION cleanclaim.scrub('reject', 'duplicates=on');
CREATE TABLE bench.dup_rules (LIKE bench.dup_claims INCLUDING ALL);
INSERT INTO bench.dup_rules SELECT * FROM bench.dup_claims;
CREATE TRIGGER scrub BEFORE INSERT ON bench.dup_rules FOR EACH ROW EXECUTE FUNCTION cleanclaim.scrub('reject');
VACUUM ANALYZE bench.dup_plain, bench.dup_checked, bench.dup_rules;

-- each run inserts the claims and rolls them back (an exception block), so
-- every run starts from the same table
CREATE FUNCTION bench.insert_and_undo(target text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	BEGIN
		EXECUTE format('INSERT INTO %s SELECT * FROM bench.dup_new', target);
		RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'undo';
	EXCEPTION WHEN raise_exception THEN
		RETURN 'undone';
	END;
END $$;

\echo == inserting :inserted claims into the table of :claims
CALL bench.compare('INSERT with scrub(''reject'', ''duplicates=on'')', 'the same INSERT without a trigger',
	'SELECT bench.insert_and_undo(''bench.dup_plain'')', 'SELECT bench.insert_and_undo(''bench.dup_checked'')', NULL, 3);
CALL bench.compare('INSERT with scrub(''reject'') alone', 'the same INSERT without a trigger',
	'SELECT bench.insert_and_undo(''bench.dup_plain'')', 'SELECT bench.insert_and_undo(''bench.dup_rules'')', NULL, 3);
SELECT benchmark, baseline_ms AS without_trigger_ms, cleanclaim_ms AS with_trigger_ms,
	   round(cleanclaim_ms / baseline_ms, 2) AS time_ratio,
	   CASE WHEN benchmark LIKE '%duplicates%' THEN '<= 1.3' ELSE '' END AS target,
	   CASE WHEN benchmark NOT LIKE '%duplicates%' THEN '' WHEN cleanclaim_ms / baseline_ms <= 1.3 THEN 'yes' ELSE 'NO' END AS met
FROM bench.results WHERE session = pg_backend_pid() AND benchmark LIKE 'INSERT%' ORDER BY recorded_at;

\echo == the duplicate groups of the :claims claims
-- the baseline: the lines of every claim, joined with themselves on the key
CREATE FUNCTION bench.self_join_duplicates() RETURNS bigint LANGUAGE sql AS $$
	WITH l AS MATERIALIZED (
		SELECT c.claim_id, c.member_id, c.billing_npi, coalesce((x->>'service_date')::date, c.service_from) AS d,
			   x->>'procedure' AS procedure, coalesce(x->'modifiers', '[]') AS modifiers,
			   (x->>'units')::numeric AS units, (x->>'charge')::numeric AS charge
		FROM bench.dup_claims c, jsonb_array_elements(c.lines) x
		WHERE c.frequency_code NOT IN ('7', '8'))
	SELECT count(*) FROM l a JOIN l b
	  ON a.member_id = b.member_id AND a.billing_npi = b.billing_npi AND a.d = b.d AND a.procedure = b.procedure
	 AND a.modifiers = b.modifiers AND a.units = b.units AND a.charge = b.charge AND a.claim_id < b.claim_id
$$;
SELECT bench.self_join_duplicates() AS duplicate_pairs,
	   (SELECT count(*) FILTER (WHERE NOT is_original) FROM duplicate_claims('bench.dup_claims')) AS duplicate_lines;
CALL bench.compare('duplicate_claims()', 'SQL self-join of the lines',
	'SELECT bench.self_join_duplicates()', 'SELECT count(*) FROM cleanclaim.duplicate_claims(''bench.dup_claims'')', NULL, 3);

\echo
\echo Results (ratio = baseline time / cleanclaim time)
SELECT * FROM bench.report();

-- leave the database as it was for the benchmarks after this one
DROP FUNCTION bench.dup_claim, bench.insert_and_undo, bench.self_join_duplicates;
DROP TABLE bench.dup_claims, bench.dup_new, bench.dup_plain, bench.dup_checked, bench.dup_rules;
DELETE FROM payers WHERE payer_id = 'P1';
