
COMMENT ON TYPE ndc IS 'National Drug Code in the 11-digit 5-4-2 HIPAA form';

CREATE FUNCTION ndc_hyphenated(ndc) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ndc_hyphenated(ndc) IS 'the 11-digit NDC with hyphens, 5-4-2: 00002-7597-01';
