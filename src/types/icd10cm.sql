
COMMENT ON TYPE icd10cm IS 'ICD-10-CM diagnosis code (shape only), printed upper case with the dot: S72.001A';

CREATE FUNCTION icd10cm_category(icd10cm) RETURNS icd10cm
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION icd10cm_category(icd10cm) IS 'the 3-character category of the code: S72.001A gives S72';

CREATE FUNCTION icd10cm_seventh_char(icd10cm) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION icd10cm_seventh_char(icd10cm) IS 'the 7th character (A initial, D subsequent, S sequela for injuries), NULL when the code has fewer than 7';

CREATE FUNCTION icd10cm_dotless(icd10cm) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION icd10cm_dotless(icd10cm) IS 'the code without the dot, as an X12 837 carries it: S72001A';
