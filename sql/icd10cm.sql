-- The icd10cm type: shape, normalization, accessors, errors.
SET search_path = cleanclaim, public;

-- any case, with or without the dot, surrounding spaces trimmed; printed upper case with the dot
SELECT v AS input, v::icd10cm AS code, icd10cm_dotless(v::icd10cm) AS dotless
FROM (VALUES ('s72001a'), ('S72.001A'), (' S72.001a '), ('I10'), ('i10'), ('E11.9'), ('W06.XXXD'),
			 ('C4A.9'), ('M1A.0710'), ('Z3A.20'), ('U07.1'), ('O80'), ('S7201XA'), ('J18A')) t(v);

-- accessors: the 3-character category and the 7th character
SELECT v::icd10cm AS code, icd10cm_category(v::icd10cm) AS category, icd10cm_seventh_char(v::icd10cm) AS seventh
FROM (VALUES ('S72.001A'), ('W06.XXXD'), ('T36.0X5S'), ('E11.9'), ('I10')) t(v);

-- natural order: a code sorts before its own extensions, digits before letters
SELECT v::icd10cm AS code
FROM (VALUES ('S73'), ('S72.001A'), ('S72'), ('S72.0'), ('A00'), ('S72.00'), ('S72.A'), ('Z99.89'), ('C4A.9'), ('C49')) t(v)
ORDER BY 1;
SELECT 'S72'::icd10cm < 'S72.0' AS prefix_first, 'S72.9'::icd10cm < 'S72.A' AS digit_before_letter,
	   's72001a'::icd10cm = 'S72.001A' AS case_and_dot_ignored;

-- the predicate never raises
SELECT v, is_valid_icd10cm(v)
FROM (VALUES ('S52.001A'), ('1A2.3'), ('S52.001AB'), ('E11.'), ('E1.19'), ('S7'), ('SS2'), ('S72..0'),
			 ('S72-001A'), (''), (NULL)) t(v);

-- bad input: SQLSTATE 22P02 with what is wrong and what is accepted
SELECT '1A2.3'::icd10cm;
\echo :LAST_ERROR_SQLSTATE
SELECT 'S52.001AB'::icd10cm;
SELECT 'E11.'::icd10cm;
SELECT 'E1.19'::icd10cm;
SELECT 'S7'::icd10cm;
SELECT 'SS2'::icd10cm;
SELECT 'S72..0'::icd10cm;
SELECT 'S72-001A'::icd10cm;
SELECT 'S72.0é'::icd10cm;
SELECT ''::icd10cm;
SELECT icd10cm('S72.001AB');
\echo :LAST_ERROR_SQLSTATE
