-- cleanclaim install script, assembled by the Makefile from src/*/*.sql (see the Makefile for the order).
\echo Use "CREATE EXTENSION cleanclaim" to load this file. \quit

CREATE FUNCTION invalid_reason(code_type regtype, value text) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION invalid_reason(regtype, text) IS 'why the text is not a valid npi, icd10cm, hcpcs or ndc (the detail its input would raise), NULL when it is valid';
