-- Indexes, joins and partitioning on the code types.
SET search_path = cleanclaim, public;

-- every operator class of the extension passes the server's own validation
SELECT opc.opcname, am.amname
FROM pg_opclass opc JOIN pg_am am ON am.oid = opc.opcmethod
WHERE opc.opcnamespace = 'cleanclaim'::regnamespace AND NOT amvalidate(opc.oid);
SELECT count(*) AS default_opclasses
FROM pg_opclass WHERE opcnamespace = 'cleanclaim'::regnamespace AND opcdefault;

CREATE TABLE claims_dx (id int, dx icd10cm, npi npi, proc hcpcs, drug ndc);
INSERT INTO claims_dx
SELECT i,
	   (ARRAY['S72.001A', 'I10', 'E11.9', 'J18.9', 'Z00.00'])[1 + i % 5]::icd10cm,
	   (ARRAY['1234567893', '1558598797', '2000000002'])[1 + i % 3]::npi,
	   (ARRAY['99213', 'J1885', '0095T', '3074F'])[1 + i % 4]::hcpcs,
	   (ARRAY['00002759701', '50242004062'])[1 + i % 2]::ndc
FROM generate_series(1, 2000) i;
CREATE INDEX claims_dx_btree ON claims_dx (dx);
CREATE INDEX claims_npi_hash ON claims_dx USING hash (npi);
CREATE INDEX claims_proc_btree ON claims_dx (proc);
CREATE INDEX claims_drug_hash ON claims_dx USING hash (drug);
ANALYZE claims_dx;

SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM claims_dx WHERE dx = 'I10';
SELECT count(*) FROM claims_dx WHERE dx = 'I10';
EXPLAIN (COSTS OFF) SELECT dx FROM claims_dx WHERE dx >= 'J00' AND dx < 'K00' ORDER BY dx LIMIT 1;
SELECT dx FROM claims_dx WHERE dx >= 'J00' AND dx < 'K00' ORDER BY dx LIMIT 1;
EXPLAIN (COSTS OFF) SELECT count(*) FROM claims_dx WHERE npi = '1558598797';
SELECT count(*) FROM claims_dx WHERE npi = '1558598797';
EXPLAIN (COSTS OFF) SELECT count(*) FROM claims_dx WHERE proc = 'J1885';
SELECT count(*) FROM claims_dx WHERE proc = 'J1885';
EXPLAIN (COSTS OFF) SELECT count(*) FROM claims_dx WHERE drug = '0002-7597-01';
SELECT count(*) FROM claims_dx WHERE drug = '0002-7597-01';
RESET enable_seqscan;
RESET enable_bitmapscan;

-- the planner estimates from the column statistics (eqsel, scalarltsel), not fixed guesses
CREATE FUNCTION pg_temp.estimated_rows(query text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || query INTO plan;
	RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
END $$;
SELECT pg_temp.estimated_rows($$SELECT * FROM claims_dx WHERE dx = 'I10'$$) AS dx_eq,
	   pg_temp.estimated_rows($$SELECT * FROM claims_dx WHERE dx <> 'I10'$$) AS dx_ne,
	   pg_temp.estimated_rows($$SELECT * FROM claims_dx WHERE dx < 'J00'$$) AS dx_lt,
	   pg_temp.estimated_rows($$SELECT * FROM claims_dx WHERE npi = '1234567893'$$) AS npi_eq,
	   pg_temp.estimated_rows($$SELECT * FROM claims_dx WHERE proc >= 'A0000'$$) AS proc_ge;

-- hash join and merge join on the codes
CREATE TABLE dx_names (dx icd10cm PRIMARY KEY, name text);
INSERT INTO dx_names VALUES ('S72.001A', 'femur fracture'), ('I10', 'hypertension'), ('E11.9', 'type 2 diabetes');
ANALYZE dx_names;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT n.name, count(*) FROM claims_dx c JOIN dx_names n USING (dx) GROUP BY n.name;
SELECT n.name, count(*) FROM claims_dx c JOIN dx_names n USING (dx) GROUP BY n.name ORDER BY 1;
RESET enable_mergejoin;
SET enable_hashjoin = off;
EXPLAIN (COSTS OFF) SELECT n.name, count(*) FROM claims_dx c JOIN dx_names n USING (dx) GROUP BY n.name;
SELECT n.name, count(*) FROM claims_dx c JOIN dx_names n USING (dx) GROUP BY n.name ORDER BY 1;
RESET enable_hashjoin;
RESET enable_nestloop;

-- hash aggregation groups by the codes
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT proc, count(*) FROM claims_dx GROUP BY proc;
SELECT proc, count(*) FROM claims_dx GROUP BY proc ORDER BY proc;
RESET enable_sort;

-- a table can be hash partitioned on every code type (the seeded hash function)
CREATE TABLE dx_parts (dx icd10cm, npi npi) PARTITION BY HASH (dx);
CREATE TABLE dx_parts_0 PARTITION OF dx_parts FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE dx_parts_1 PARTITION OF dx_parts FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO dx_parts SELECT dx, npi FROM claims_dx;
INSERT INTO dx_parts SELECT ('A' || lpad(i::text, 2, '0'))::icd10cm, NULL FROM generate_series(0, 99) i;
SELECT count(*) AS all_rows, count(DISTINCT tableoid) AS partitions_used FROM dx_parts;
SELECT count(*) AS codes_in_two_partitions
FROM (SELECT dx FROM dx_parts GROUP BY dx HAVING count(DISTINCT tableoid) > 1) s;
EXPLAIN (COSTS OFF) SELECT * FROM dx_parts WHERE dx = 'I10';
CREATE TABLE npi_parts (npi npi) PARTITION BY HASH (npi);
CREATE TABLE npi_parts_0 PARTITION OF npi_parts FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE npi_parts_1 PARTITION OF npi_parts FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO npi_parts SELECT npi FROM claims_dx;
SELECT count(*) FROM npi_parts;
CREATE TABLE proc_parts (proc hcpcs) PARTITION BY HASH (proc);
CREATE TABLE proc_parts_0 PARTITION OF proc_parts FOR VALUES WITH (MODULUS 1, REMAINDER 0);
CREATE TABLE drug_parts (drug ndc) PARTITION BY HASH (drug);
CREATE TABLE drug_parts_0 PARTITION OF drug_parts FOR VALUES WITH (MODULUS 1, REMAINDER 0);
INSERT INTO proc_parts SELECT proc FROM claims_dx;
INSERT INTO drug_parts SELECT drug FROM claims_dx;
SELECT (SELECT count(*) FROM proc_parts) AS procs, (SELECT count(*) FROM drug_parts) AS drugs;

-- range partitioning uses the btree order
CREATE TABLE dx_ranges (dx icd10cm) PARTITION BY RANGE (dx);
CREATE TABLE dx_ranges_a_m PARTITION OF dx_ranges FOR VALUES FROM ('A00') TO ('N00');
CREATE TABLE dx_ranges_n_z PARTITION OF dx_ranges FOR VALUES FROM ('N00') TO (MAXVALUE);
INSERT INTO dx_ranges SELECT dx FROM claims_dx;
SELECT tableoid::regclass, min(dx), max(dx), count(*) FROM dx_ranges GROUP BY 1 ORDER BY 1;

DROP TABLE claims_dx, dx_names, dx_parts, npi_parts, proc_parts, drug_parts, dx_ranges;
