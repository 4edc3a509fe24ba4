-- X12 837: read_837() over one file of :scale x 100,000 claims made of the
-- 837P samples of ../shared/data/x12 (those that write their composites
-- with the ISA's separator), repeated in one interchange, on one core:
-- claims/s and MB/s, against node-x12 (npm package, installed by the bench
-- into a scratch folder; it parses into segments and maps no claim) on the
-- same file.  Targets: read_837 at least 25 times node-x12's claims/s and at
-- least 100 MB/s.  And validate_837(), the envelope and every claim rule on
-- every claim (target: at least 100,000 claims/s), beside read_837() with
-- validate() of each claim in SQL.
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
SET search_path = cleanclaim, public;
SELECT :'data_dir' = '' AS no_data \gset
\if :no_data
\echo == skipped: no shared data (set CLEANCLAIM_DATA), so no 837 samples to build the file from
\else
\set dir :data_dir '/x12/linuxforhealth_x12/837_005010X222A2'
\set listing `cd :'dir' && grep -L '>' *.837 | tr '\n' ' '`
CREATE TEMP TABLE samples AS
SELECT f, pg_read_file(:'dir' || '/' || f) AS x12 FROM unnest(string_to_array(btrim(:'listing'), ' ')) f;
-- each sample's transaction, ST to SE, with its line breaks taken out
CREATE TEMP TABLE transactions AS
SELECT f, replace(replace(substring(x12 FROM 'ST\*837\*.*SE\*[0-9]+\*[^~]*~'), E'\n', ''), E'\r', '') AS st
FROM samples;
SELECT count(*) AS transactions, sum((SELECT count(*) FROM read_837(s.x12))) AS claims_each_round FROM transactions t JOIN samples s USING (f) \gset
SELECT ceil(100000 * :scale / :claims_each_round)::int AS rounds \gset
CREATE TABLE bench.x12_big (x12 text);
ALTER TABLE bench.x12_big ALTER COLUMN x12 SET STORAGE EXTERNAL;
INSERT INTO bench.x12_big
SELECT 'ISA*00*          *00*          *ZZ*CLEANCLAIMBENCH*ZZ*RECEIVER       *261201*1200*^*00501*000000001*0*P*:~'
	   || 'GS*HC*CLEANCLAIMBENCH*RECEIVER*20261201*1200*1*X*005010X222A1~'
	   || repeat((SELECT string_agg(st, '' ORDER BY f) FROM transactions), :rounds)
	   || 'GE*' || (:transactions * :rounds) || '*1~IEA*1*000000001~';
SELECT octet_length(x12) AS bytes, round(octet_length(x12) / 1e6, 1) AS mb FROM bench.x12_big \gset
SELECT count(*) AS claims FROM bench.x12_big, read_837(x12) \gset
\echo == :claims claims, :mb MB, in one interchange

-- node-x12 on the same file
\set scratch `mktemp -d`
\set file :scratch '/claims.837'
SELECT x12 FROM bench.x12_big \g (format=unaligned tuples_only=on) :file
\set tag CLM
\ir node_x12.psql

SELECT bench.time_ms('SELECT count(*) FROM bench.x12_big, cleanclaim.read_837(x12)', 3) AS read_ms \gset
SELECT bench.time_ms('SELECT count(*) FROM bench.x12_big, cleanclaim.read_837(x12) r, cleanclaim.validate(r.claim) v', 2) AS validate_ms \gset
SELECT bench.time_ms('SELECT count(*) FROM bench.x12_big, cleanclaim.validate_837(x12)', 2) AS validate_837_ms \gset
INSERT INTO bench.results (benchmark, baseline, baseline_ms, cleanclaim_ms, target_ratio)
VALUES ('read_837(), ' || :claims || ' claims', 'node-x12 1.7.1 parse (no mapping), ' || coalesce(:'node_claims', '?') || ' CLM segments',
		nullif(:'node_ms', '')::numeric, :read_ms, 25);

\echo
\echo Results (claims/s and MB/s on one core)
SELECT 'read_837()' AS what, :read_ms AS ms, round(:claims / :read_ms * 1000) AS claims_per_s,
	   round(:bytes / :read_ms / 1000, 1) AS mb_per_s, '>= 100 MB/s' AS target,
	   CASE WHEN :bytes / :read_ms / 1000 >= 100 THEN 'yes' ELSE 'NO' END AS met
UNION ALL
SELECT 'validate_837(), every rule', :validate_837_ms, round(:claims / :validate_837_ms * 1000),
	   round(:bytes / :validate_837_ms / 1000, 1), '>= 100,000 claims/s',
	   CASE WHEN :claims / :validate_837_ms * 1000 >= 100000 THEN 'yes' ELSE 'NO' END
UNION ALL
SELECT 'read_837() and validate() of each claim', :validate_ms, round(:claims / :validate_ms * 1000),
	   round(:bytes / :validate_ms / 1000, 1), '', ''
UNION ALL
SELECT 'node-x12 parse', nullif(:'node_ms', '')::numeric, round(:claims / nullif(:'node_ms', '')::numeric * 1000),
	   round(:bytes / nullif(:'node_ms', '')::numeric / 1000, 1), '', '';
SELECT * FROM bench.report();
\! rm -rf :'scratch'
DROP TABLE bench.x12_big;
\endif
