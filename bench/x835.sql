-- X12 835: read_835() over one file of :scale x 100,000 claim payments made
-- of the 835 samples of ../shared/data/x12 and test/fixtures/clinic.835
-- (those that write their composites with the ISA's separator), each round
-- with claim ids and traces of its own, in one interchange, on one core:
-- claim payments/s and MB/s, against node-x12 (npm, installed by the bench
-- into a scratch folder; it parses into segments and maps nothing) on the
-- same file; target: at least 25 times node-x12.  Then load_835() of the
-- file into a ledger that has the claims, end to end, against the same
-- rows (remittances, their lines, adjustments, payments) inserted with COPY
-- from files, the floor; target: at most 2 times the floor.
SET client_min_messages = warning;

SET max_parallel_workers_per_gather = 0;
SET search_path = cleanclaim, public;
SELECT :'data_dir' = '' AS no_data \gset
\if :no_data
\echo == skipped: no shared data (set CLEANCLAIM_DATA), so no 835 samples to build the file from
\else
\set dir :data_dir '/x12/linuxforhealth_x12/835_005010X221A1'
\set listing `cd :'dir' && grep -L '>' *.835 | tr '\n' ' '`
\set clinic `cat test/fixtures/clinic.835`
CREATE TEMP TABLE samples AS
SELECT f, pg_read_file(:'dir' || '/' || f) AS x12 FROM unnest(string_to_array(btrim(:'listing'), ' ')) f
UNION ALL SELECT 'clinic.835', :'clinic';
-- each sample's transactions, ST to SE, with their line breaks taken out
CREATE TEMP TABLE transactions AS
SELECT f, string_agg(m[1], '' ORDER BY n) AS st
FROM samples, regexp_matches(replace(replace(x12, E'\n', ''), E'\r', ''), '(ST\*835\*.*?SE\*[0-9]+\*[^~]*~)', 'g') WITH ORDINALITY AS t(m, n)
GROUP BY f;
SELECT count(*) AS transactions FROM transactions t,
	   regexp_matches(t.st, 'ST\*835', 'g') \gset
SELECT sum((SELECT count(*) FROM read_835(s.x12))) AS claims_each_round FROM samples s \gset
SELECT ceil(100000 * :scale / :claims_each_round)::int AS rounds \gset
CREATE TABLE bench.x835_big (x12 text);
ALTER TABLE bench.x835_big ALTER COLUMN x12 SET STORAGE EXTERNAL;
-- round r: claim ids (CLP01) and traces (TRN02) end in -r
INSERT INTO bench.x835_big
SELECT 'ISA*00*          *00*          *ZZ*PAYERBENCH     *ZZ*CLEANCLAIMBENCH*261215*1200*^*00501*000000001*0*P*:~'
	   || 'GS*HP*PAYERBENCH*CLEANCLAIMBENCH*20261215*1200*1*X*005010X221A1~'
	   || (SELECT string_agg(regexp_replace(regexp_replace(r.round_text, '(CLP\*[^*~]*)', '\1-' || g, 'g'),
											'(TRN\*1\*[^*~]*)', '\1-' || g, 'g'), '' ORDER BY g)
		   FROM generate_series(1, :rounds) g, (SELECT string_agg(st, '' ORDER BY f) AS round_text FROM transactions) r)
	   || 'GE*' || (:transactions * :rounds) || '*1~IEA*1*000000001~';
SELECT octet_length(x12) AS bytes, round(octet_length(x12) / 1e6, 1) AS mb FROM bench.x835_big \gset
SELECT count(*) AS claims FROM bench.x835_big, read_835(x12) \gset
SELECT count(*) AS lines FROM bench.x835_big, read_835_lines(x12) \gset
SELECT count(*) AS adjustments FROM bench.x835_big, read_835_adjustments(x12) \gset
\echo == :claims claim payments, :lines service lines, :adjustments adjustments, :mb MB, in one interchange

-- node-x12 on the same file
\set scratch `d=$(mktemp -d) && chmod 777 $d && echo $d`
\set file :scratch '/remit.835'
SELECT x12 FROM bench.x835_big \g (format=unaligned tuples_only=on) :file
\set tag CLP
\ir node_x12.psql

SELECT bench.time_ms('SELECT count(*) FROM bench.x835_big, cleanclaim.read_835(x12)', 5) AS read_ms \gset
SELECT bench.time_ms('SELECT (SELECT count(*) FROM cleanclaim.read_835(x12)) + (SELECT count(*) FROM cleanclaim.read_835_lines(x12))
					  + (SELECT count(*) FROM cleanclaim.read_835_adjustments(x12)) FROM bench.x835_big', 2) AS read_all_ms \gset
SELECT bench.time_ms('SELECT count(*) FROM bench.x835_big, cleanclaim.validate_835(x12)', 2) AS validate_ms \gset
INSERT INTO bench.results (benchmark, baseline, baseline_ms, cleanclaim_ms, target_ratio)
VALUES ('read_835(), ' || :claims || ' claim payments', 'node-x12 1.7.1 parse (no mapping), ' || coalesce(:'node_claims', '?') || ' CLP segments',
		nullif(:'node_ms', '')::numeric, :read_ms, 25);

-- load_835 into a ledger holding the claims, against COPY of the rows it writes
SELECT create_ledger('bench_ledger');
INSERT INTO bench_ledger.claims (claim_id, payer_id, service_from, total_charge)
SELECT DISTINCT ON (claim_id) claim_id, 'BENCH', coalesce(service_from, '2026-11-01'), abs(charge)
FROM bench.x835_big, read_835(x12) ORDER BY claim_id;
INSERT INTO bench_ledger.submissions (claim_id, submitted_on) SELECT claim_id, '2000-01-01' FROM bench_ledger.claims;
ANALYZE bench_ledger.claims;
ANALYZE bench_ledger.submissions;
CREATE FUNCTION bench.clear_remittances() RETURNS void LANGUAGE sql AS $$
	TRUNCATE bench_ledger.remittances, bench_ledger.remittance_lines, bench_ledger.adjustments, bench_ledger.payments,
			 bench_ledger.provider_adjustments, bench_ledger.unmatched $$;
CREATE FUNCTION bench.load_835() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	PERFORM bench.clear_remittances();
	PERFORM cleanclaim.load_835('bench_ledger', (SELECT x12 FROM bench.x835_big));
END $$;
-- the rows of one load, saved as files for COPY
SELECT bench.load_835();
\set copy_dir :scratch
SELECT format('COPY bench_ledger.%I TO %L', t, :'copy_dir' || '/' || t || '.copy') AS copy_out
FROM unnest(ARRAY['remittances', 'remittance_lines', 'adjustments', 'payments', 'provider_adjustments']) t \gexec
SELECT (SELECT count(*) FROM bench_ledger.remittances) AS remittances, (SELECT count(*) FROM bench_ledger.remittance_lines) AS remittance_lines,
	   (SELECT count(*) FROM bench_ledger.adjustments) AS adjusted \gset
\echo == load_835 writes :remittances remittances, :remittance_lines lines, :adjusted adjustments
CREATE FUNCTION bench.copy_835(dir text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	t text;
BEGIN
	PERFORM bench.clear_remittances();
	FOREACH t IN ARRAY ARRAY['remittances', 'remittance_lines', 'adjustments', 'payments', 'provider_adjustments'] LOOP
		EXECUTE format('COPY bench_ledger.%I FROM %L', t, dir || '/' || t || '.copy');
	END LOOP;
END $$;
CALL bench.compare('load_835(), ' || :claims || ' claim payments into a ledger',
				   'COPY of the same rows (the floor)', format('SELECT bench.copy_835(%L)', :'copy_dir'),
				   'SELECT bench.load_835()', NULL, 3);

\echo
\echo Results (claim payments/s and MB/s on one core)
SELECT 'read_835()' AS what, :read_ms AS ms, round(:claims / :read_ms * 1000) AS claims_per_s,
	   round(:bytes / :read_ms / 1000, 1) AS mb_per_s
UNION ALL
SELECT 'read_835(), read_835_lines(), read_835_adjustments()', :read_all_ms, round(:claims / :read_all_ms * 1000),
	   round(:bytes / :read_all_ms / 1000, 1)
UNION ALL
SELECT 'validate_835() (envelope, elements, balance)', :validate_ms, round(:claims / :validate_ms * 1000),
	   round(:bytes / :validate_ms / 1000, 1)
UNION ALL
SELECT 'node-x12 parse', nullif(:'node_ms', '')::numeric, round(:claims / nullif(:'node_ms', '')::numeric * 1000),
	   round(:bytes / nullif(:'node_ms', '')::numeric / 1000, 1);
SELECT r.benchmark, r.baseline, r.baseline_ms, r.cleanclaim_ms, r.ratio, r.target, r.met FROM bench.report() r
WHERE r.benchmark LIKE 'read_835%'
UNION ALL
-- the load against its floor: cleanclaim / COPY, at most 2
SELECT r.benchmark, r.baseline, r.baseline_ms, r.cleanclaim_ms, round(r.cleanclaim_ms / r.baseline_ms, 2), '<= 2 x the floor',
	   CASE WHEN r.cleanclaim_ms <= 2 * r.baseline_ms THEN 'yes' ELSE 'NO' END
FROM bench.report() r WHERE r.benchmark LIKE 'load_835%';
\! rm -rf :'scratch'
SELECT bench.clear_remittances();
DROP SCHEMA bench_ledger CASCADE;
DROP TABLE bench.x835_big;
\endif
