-- The npi type: input, output, predicate, errors.
SET search_path = cleanclaim, public;

-- valid NPIs: the CMS worked example, and surrounding white space trimmed
SELECT '1234567893'::npi AS cms_example, '1558598797'::npi AS other, E' 2000000002\t'::npi AS trimmed;
SELECT npi('1234567893'), text('1234567893'::npi), '1234567893'::npi::text;

-- an NPI column takes text by assignment
CREATE TEMP TABLE providers (id npi PRIMARY KEY);
INSERT INTO providers SELECT '1234567893'::text;
INSERT INTO providers VALUES ('1558598797');
SELECT * FROM providers ORDER BY id;

-- the predicate never raises
SELECT v, is_valid_npi(v)
FROM (VALUES ('1234567893'), ('1234567890'), ('0123456789'), ('123456789'),
			 ('12345678931'), ('12345-6789'), (''), ('   '), (NULL), ('１２３４５６７８９３')) t(v);

-- bad input: SQLSTATE 22P02, the value, what is wrong and what is accepted
SELECT '1234567890'::npi;
\echo :LAST_ERROR_SQLSTATE
SELECT '1558598798'::npi;
SELECT '0123456789'::npi;
\echo :LAST_ERROR_SQLSTATE
SELECT '3234567893'::npi;
SELECT '123456789'::npi;
SELECT '12345678931'::npi;
SELECT '1234-67893'::npi;
SELECT ''::npi;
SELECT npi('12345é7893');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO providers VALUES ('1234567890');
-- a very long value is shown cut short
SELECT repeat('9', 150)::npi;

-- comparison, sorting and min/max follow the numeric order of NPIs
SELECT '1234567893'::npi < '1558598797'::npi AS lt, '1234567893'::npi = ' 1234567893'::npi AS eq,
	   '1234567893'::npi <> '1558598797'::npi AS ne, '2000000002'::npi >= '1558598797'::npi AS ge;
SELECT min(v::npi), max(v::npi) FROM (VALUES ('1558598797'), ('2000000002'), ('1234567893')) t(v);
