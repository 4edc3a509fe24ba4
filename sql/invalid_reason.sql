-- invalid_reason(): what is wrong with a dirty value, without raising.
SET search_path = cleanclaim, public;

CREATE TEMP TABLE dirty (kind regtype, value text);
INSERT INTO dirty VALUES
	('npi', '1234567893'), ('npi', '1234567890'), ('npi', '0123456789'), ('npi', 'N/A'),
	('icd10cm', 's72.001a'), ('icd10cm', 'E11.'), ('icd10cm', '250.00'),
	('hcpcs', '99213'), ('hcpcs', '9921'), ('hcpcs', 'Y1234'),
	('ndc', '0002-7597-01'), ('ndc', '0002759701'), ('ndc', ''), ('npi', NULL);
SELECT kind, value, invalid_reason(kind, value) FROM dirty;

-- a type that is not a code type is a bad argument (22023)
SELECT invalid_reason('text', 'x');
\echo :LAST_ERROR_SQLSTATE
