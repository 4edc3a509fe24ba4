-- pgTAP: case tables for the four code types: accepted forms and their
-- canonical output, rejected forms with SQLSTATE, message and detail, and
-- binary input as strict as text input.
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
\set ON_ERROR_ROLLBACK 1
\set ON_ERROR_STOP true

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS cleanclaim;
SET search_path = cleanclaim, public;

SELECT plan(326);

-- The detail of the error a statement raises, or NULL when it raises none.
CREATE FUNCTION pg_temp.error_detail(statement text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	detail text;
BEGIN
	EXECUTE statement;
	RETURN NULL;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN detail;
END $$;

CREATE TEMP TABLE accepted (type text, input text, output text);
INSERT INTO accepted VALUES
	('npi', '1234567893', '1234567893'),
	('npi', '1558598797', '1558598797'),
	('npi', ' 1245319599 ', '1245319599'),
	('npi', '2000000002', '2000000002'),
	('npi', '1999999992', '1999999992'),
	('icd10cm', 'A00', 'A00'),
	('icd10cm', 'a000', 'A00.0'),
	('icd10cm', 'S72.001A', 'S72.001A'),
	('icd10cm', 's72001a', 'S72.001A'),
	('icd10cm', 'W06.XXXD', 'W06.XXXD'),
	('icd10cm', 'C4A.9', 'C4A.9'),
	('icd10cm', 'M1A.0710', 'M1A.0710'),
	('icd10cm', 'Z3A.20', 'Z3A.20'),
	('icd10cm', 'U07.1', 'U07.1'),
	('icd10cm', 'O80', 'O80'),
	('icd10cm', 'T36.0X5S', 'T36.0X5S'),
	('icd10cm', ' E11.9  ', 'E11.9'),
	('icd10cm', 'Z99.89', 'Z99.89'),
	('hcpcs', '99213', '99213'),
	('hcpcs', '00100', '00100'),
	('hcpcs', '3074F', '3074F'),
	('hcpcs', '0095t', '0095T'),
	('hcpcs', '0001U', '0001U'),
	('hcpcs', 'j1885', 'J1885'),
	('hcpcs', 'A0428', 'A0428'),
	('hcpcs', 'V5008', 'V5008'),
	('hcpcs', 'G2211', 'G2211'),
	('hcpcs', '0002M', '0002M'),
	('hcpcs', '0001a', '0001A'),
	('hcpcs', E'A4341\u00a0', 'A4341'),
	('ndc', '0002-7597-01', '00002759701'),
	('ndc', '50242-040-62', '50242004062'),
	('ndc', '60575-4112-1', '60575411201'),
	('ndc', '00002-7597-01', '00002759701'),
	('ndc', '00002759701', '00002759701'),
	('ndc', '99999-9999-99', '99999999999'),
	('ndc', '0000-0000-00', '00000000000');

-- 34 accepted values: the type prints the canonical form, the predicate agrees,
-- and the canonical form reads back to the same value
SELECT is(format('%s', text_out), output, format('%s %L prints as %s', type, input, output))
FROM (SELECT a.*, r.text_out FROM accepted a,
	  LATERAL (SELECT CASE a.type WHEN 'npi' THEN a.input::npi::text WHEN 'icd10cm' THEN a.input::icd10cm::text
							   WHEN 'hcpcs' THEN a.input::hcpcs::text ELSE a.input::ndc::text END AS text_out) r) s;
SELECT ok(CASE type WHEN 'npi' THEN is_valid_npi(input) WHEN 'icd10cm' THEN is_valid_icd10cm(input)
					WHEN 'hcpcs' THEN is_valid_hcpcs(input) ELSE is_valid_ndc(input) END,
		  format('is_valid_%s(%L)', type, input))
FROM accepted;
SELECT is(CASE type WHEN 'npi' THEN output::npi::text WHEN 'icd10cm' THEN output::icd10cm::text
					WHEN 'hcpcs' THEN output::hcpcs::text ELSE output::ndc::text END,
		  output, format('%s %s reads back to itself', type, output))
FROM accepted;

CREATE TEMP TABLE rejected (type text, input text, detail text);
INSERT INTO rejected VALUES
	('npi', '1234567890', 'The check digit is 0, but 3 was expected for the first nine digits 123456789.'),
	('npi', '1558598798', 'The check digit is 8, but 7 was expected for the first nine digits 155859879.'),
	('npi', '0123456789', 'An NPI starts with 1 or 2; this one starts with 0.'),
	('npi', '9234567893', 'An NPI starts with 1 or 2; this one starts with 9.'),
	('npi', '123456789', 'An NPI has 10 digits; this one has 9.'),
	('npi', '123456789312', 'An NPI has 10 digits; this one has 12.'),
	('npi', '12345 67893', 'An NPI holds only digits; character 6 is " ".'),
	('npi', 'NPI1234567893', 'An NPI holds only digits; character 1 is "N".'),
	('npi', '-1234567893', 'An NPI holds only digits; character 1 is "-".'),
	('npi', '', 'The value is empty.'),
	('npi', '   ', 'The value is empty.'),
	('icd10cm', '1A2.3', 'Character 1 of an ICD-10-CM code is a letter, not "1".'),
	('icd10cm', 'SS2', 'Character 2 of an ICD-10-CM code is a digit, not "S".'),
	('icd10cm', 'S72.00#A', 'Character 6 of an ICD-10-CM code is a letter or a digit, not "#".'),
	('icd10cm', 'S52.001AB', 'An ICD-10-CM code has 3 to 7 characters, not counting the dot; this one has 8.'),
	('icd10cm', 'S7', 'An ICD-10-CM code has 3 to 7 characters, not counting the dot; this one has 2.'),
	('icd10cm', 'E11.', 'A dot must be followed by more characters.'),
	('icd10cm', 'E1.19', 'The dot stands after the third character, not at position 3.'),
	('icd10cm', '.E119', 'The dot stands after the third character, not at position 1.'),
	('icd10cm', 'S72.0.1', 'An ICD-10-CM code has at most one dot.'),
	('icd10cm', 'S72 001A', 'Character 4 of an ICD-10-CM code is a letter or a digit, not " ".'),
	('icd10cm', '', 'The value is empty.'),
	('hcpcs', '9921', 'A HCPCS or CPT code has 5 characters; this one has 4.'),
	('hcpcs', '992130', 'A HCPCS or CPT code has 5 characters; this one has 6.'),
	('hcpcs', 'W1234', 'A HCPCS code starts with a digit (CPT) or a letter from A to V (Level II), not "W".'),
	('hcpcs', 'Z9999', 'A HCPCS code starts with a digit (CPT) or a letter from A to V (Level II), not "Z".'),
	('hcpcs', '3074X', 'The fifth character of a CPT code is a digit or A (Category I), F (Category II), T (Category III), U (PLA) or M (MAAA), not "X".'),
	('hcpcs', '12A45', 'A CPT code starts with 4 digits; character 3 is "A".'),
	('hcpcs', 'J188A', 'A HCPCS Level II code is a letter followed by 4 digits; character 5 is "A".'),
	('hcpcs', 'JJ885', 'A HCPCS Level II code is a letter followed by 4 digits; character 2 is "J".'),
	('hcpcs', '', 'The value is empty.'),
	('ndc', '0002759701', 'A 10-digit NDC without hyphens is ambiguous: it could be 4-4-2, 5-3-2 or 5-4-1.'),
	('ndc', '000275970112', '12-digit NDCs (the FDA''s proposed 6-4-2 format) are not accepted yet.'),
	('ndc', '000000000', 'An NDC has 11 digits, or 10 digits written with hyphens; this one has 9 digits.'),
	('ndc', '0002-7597-1', 'The segments have 4-4-1 digits; an NDC is written 4-4-2, 5-3-2, 5-4-1 or 5-4-2.'),
	('ndc', '123456-7890-12', 'The segments have 6-4-2 digits; an NDC is written 4-4-2, 5-3-2, 5-4-1 or 5-4-2.'),
	('ndc', '0002-759701', 'The segments have 4-6-0 digits; an NDC is written 4-4-2, 5-3-2, 5-4-1 or 5-4-2.'),
	('ndc', '0002-7597-01-1', 'An NDC has three segments separated by two hyphens.'),
	('ndc', '0002.7597.01', 'An NDC holds digits and hyphens; character 5 is ".".'),
	('ndc', '', 'The value is empty.');

-- 39 rejected values: 22P02 with the message naming type and value, the detail
-- saying what is wrong, and a predicate that says false without raising
SELECT throws_ok(format('SELECT %L::%s', input, type), '22P02',
				 format('invalid input syntax for type %s: "%s"', type, input),
				 format('%s rejects %L', type, input))
FROM rejected;
SELECT is(pg_temp.error_detail(format('SELECT %L::%s', input, type)), detail,
		  format('%s %L: %s', type, input, detail))
FROM rejected;
SELECT ok(NOT CASE type WHEN 'npi' THEN is_valid_npi(input) WHEN 'icd10cm' THEN is_valid_icd10cm(input)
						WHEN 'hcpcs' THEN is_valid_hcpcs(input) ELSE is_valid_ndc(input) END,
		  format('is_valid_%s(%L) is false', type, input))
FROM rejected WHERE input <> '';

-- invalid_reason() gives the same detail without raising, and NULL for valid values
SELECT is(invalid_reason(('cleanclaim.' || type)::regtype, input), detail,
		  format('invalid_reason(%s, %L)', type, input))
FROM rejected;
SELECT is(invalid_reason(('cleanclaim.' || type)::regtype, input), NULL,
		  format('invalid_reason(%s, %L) is NULL', type, input))
FROM accepted;
SELECT throws_ok($$SELECT invalid_reason('integer', '1')$$, '22023', 'invalid_reason() does not know type integer',
				 'invalid_reason() refuses a type that is not a code type');

-- the cast from text raises the same error as the type input
SELECT throws_ok($$SELECT npi('1234567890'::text)$$, '22P02', 'invalid input syntax for type npi: "1234567890"', 'npi(text) raises 22P02');
SELECT throws_ok($$SELECT icd10cm('S7'::text)$$, '22P02', 'invalid input syntax for type icd10cm: "S7"', 'icd10cm(text) raises 22P02');
SELECT throws_ok($$SELECT hcpcs('W1234'::text)$$, '22P02', 'invalid input syntax for type hcpcs: "W1234"', 'hcpcs(text) raises 22P02');
SELECT throws_ok($$SELECT ndc('0002759701'::text)$$, '22P02', 'invalid input syntax for type ndc: "0002759701"', 'ndc(text) raises 22P02');

-- the predicates take NULL to NULL
SELECT ok(is_valid_npi(NULL) IS NULL AND is_valid_icd10cm(NULL) IS NULL
		  AND is_valid_hcpcs(NULL) IS NULL AND is_valid_ndc(NULL) IS NULL, 'predicates return NULL for NULL');

-- accessors
SELECT is(icd10cm_category('S72.001A')::text, 'S72', 'category of S72.001A');
SELECT is(icd10cm_category('I10')::text, 'I10', 'category of a category is itself');
SELECT is(icd10cm_seventh_char('S72.001A'), 'A', '7th character of S72.001A');
SELECT is(icd10cm_seventh_char('E11.9'), NULL, 'no 7th character on E11.9');
SELECT is(icd10cm_dotless('S72.001A'), 'S72001A', 'dotless S72.001A');
SELECT is(ndc_hyphenated('60575-4112-1'), '60575-4112-01', 'ndc_hyphenated pads the package');
SELECT results_eq(
	$$SELECT hcpcs_kind(c::hcpcs) FROM unnest(ARRAY['99213','0001A','3074F','0095T','0001U','0002M','J1885']) c$$,
	$$VALUES ('cpt_category_i'), ('cpt_category_i'), ('cpt_category_ii'), ('cpt_category_iii'), ('cpt_pla'), ('cpt_maaa'), ('hcpcs_level_ii')$$,
	'hcpcs_kind tells the six forms apart');

-- binary input refuses what text input refuses: 22P03.  The forged values
-- are written with COPY ... TO a file in the data directory and read back.
CREATE FUNCTION pg_temp.binary_copy(source text, target text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	file text := current_setting('data_directory') || '/cleanclaim_test_' || target || '.bin';
BEGIN
	EXECUTE format('COPY (%s) TO %L WITH (FORMAT binary)', source, file);
	EXECUTE format('COPY %I FROM %L WITH (FORMAT binary)', target, file);
END $$;
CREATE TEMP TABLE npi_in (v npi);
CREATE TEMP TABLE ndc_in (v ndc);
CREATE TEMP TABLE icd_in (v icd10cm);
CREATE TEMP TABLE hcpcs_in (v hcpcs);
SELECT throws_ok($$SELECT pg_temp.binary_copy('SELECT 1234567890::bigint', 'npi_in')$$, '22P03',
				 'invalid input syntax for type npi: "1234567890"', 'npi binary input checks the check digit');
SELECT throws_ok($$SELECT pg_temp.binary_copy('SELECT -5::bigint', 'ndc_in')$$, '22P03',
				 'invalid input syntax for type ndc: "-5"', 'ndc binary input refuses a negative number');
SELECT throws_ok($$SELECT pg_temp.binary_copy('SELECT 100000000000::bigint', 'ndc_in')$$, '22P03',
				 'invalid input syntax for type ndc: "100000000000"', 'ndc binary input refuses 12 digits');
SELECT throws_ok($$SELECT pg_temp.binary_copy($q$SELECT '\x01'::bytea || convert_to('S72.001AB', 'UTF8')$q$, 'icd_in')$$,
				 '22P03', 'invalid input syntax for type icd10cm: "S72.001AB"', 'icd10cm binary input checks the shape');
SELECT throws_ok($$SELECT pg_temp.binary_copy($q$SELECT '\x07'::bytea || convert_to('S72.001A', 'UTF8')$q$, 'icd_in')$$,
				 '22P03', 'unsupported binary format version 7 for type icd10cm', 'icd10cm binary input checks the version byte');
SELECT throws_ok($$SELECT pg_temp.binary_copy($q$SELECT '\x01'::bytea || convert_to('W1234', 'UTF8')$q$, 'hcpcs_in')$$,
				 '22P03', 'invalid input syntax for type hcpcs: "W1234"', 'hcpcs binary input checks the shape');
SELECT lives_ok($$SELECT pg_temp.binary_copy($q$SELECT '\x01'::bytea || convert_to('s72001a', 'UTF8')$q$, 'icd_in')$$,
				'icd10cm binary input normalizes like text input');
SELECT is((SELECT v::text FROM icd_in), 'S72.001A', 'the one good binary value got in, normalized');
SELECT is((SELECT count(*) FROM npi_in) + (SELECT count(*) FROM ndc_in) + (SELECT count(*) FROM hcpcs_in),
		  0::bigint, 'no forged value got in');

SELECT * FROM finish();
ROLLBACK;
