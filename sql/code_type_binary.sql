-- Binary I/O: a binary COPY round trip, and binary input as strict as text input.
SET search_path = cleanclaim, public;

CREATE TABLE codes (npi npi, dx icd10cm, proc hcpcs, drug ndc);
INSERT INTO codes VALUES
	('1234567893', 'S72.001A', '99213', '0002-7597-01'),
	('1558598797', 'I10', 'J1885', '50242-040-62'),
	('2000000002', 'W06.XXXD', '0001U', '60575-4112-1'),
	(NULL, 'Z3A.20', '3074F', NULL);
\copy codes TO 'results/codes.bin' WITH (FORMAT binary)
CREATE TABLE codes_back (LIKE codes);
\copy codes_back FROM 'results/codes.bin' WITH (FORMAT binary)
SELECT * FROM codes_back;
SELECT count(*) AS rows_differing
FROM (SELECT * FROM codes EXCEPT ALL SELECT * FROM codes_back) d;

-- what goes on the wire: npi and ndc as int8, icd10cm and hcpcs as a version byte and the text
SELECT npi_send(npi), icd10cm_send(dx), hcpcs_send(proc), ndc_send(drug) FROM codes LIMIT 1;

-- a forged binary value is refused like the same text (SQLSTATE 22P03, checked in test/code_types.sql)
CREATE TABLE forged (v bigint);
INSERT INTO forged VALUES (1234567890);
\copy forged TO 'results/forged_npi.bin' WITH (FORMAT binary)
CREATE TABLE npi_in (v npi);
\copy npi_in FROM 'results/forged_npi.bin' WITH (FORMAT binary)
TRUNCATE forged;
INSERT INTO forged VALUES (123456789012);
\copy forged TO 'results/forged_ndc.bin' WITH (FORMAT binary)
CREATE TABLE ndc_in (v ndc);
\copy ndc_in FROM 'results/forged_ndc.bin' WITH (FORMAT binary)

CREATE TABLE forged_text (v bytea);
INSERT INTO forged_text VALUES ('\x01' || convert_to('S72.001AB', 'UTF8')), ('\x02' || convert_to('S72.001A', 'UTF8'));
\copy (SELECT v FROM forged_text LIMIT 1) TO 'results/forged_icd.bin' WITH (FORMAT binary)
\copy (SELECT v FROM forged_text OFFSET 1) TO 'results/forged_icd_version.bin' WITH (FORMAT binary)
CREATE TABLE icd_in (v icd10cm);
\copy icd_in FROM 'results/forged_icd.bin' WITH (FORMAT binary)
\copy icd_in FROM 'results/forged_icd_version.bin' WITH (FORMAT binary)
TRUNCATE forged_text;
INSERT INTO forged_text VALUES ('\x01' || convert_to('W1234', 'UTF8'));
\copy forged_text TO 'results/forged_hcpcs.bin' WITH (FORMAT binary)
CREATE TABLE hcpcs_in (v hcpcs);
\copy hcpcs_in FROM 'results/forged_hcpcs.bin' WITH (FORMAT binary)
SELECT (SELECT count(*) FROM npi_in) + (SELECT count(*) FROM ndc_in)
	 + (SELECT count(*) FROM icd_in) + (SELECT count(*) FROM hcpcs_in) AS rows_let_in;

DROP TABLE codes, codes_back, forged, npi_in, ndc_in, forged_text, icd_in, hcpcs_in;
