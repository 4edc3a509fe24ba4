
-- The validation API.

CREATE TYPE issue AS (
	rule_id text,
	severity text,
	category text,
	owner text,
	line_no integer,
	field text,
	value text,
	message text,
	hint text
);
COMMENT ON TYPE issue IS 'one problem found on a claim: the rule, its severity and owner, where (line_no NULL for the claim header, field), the value, what is wrong and how to fix it';

CREATE TYPE claim_line AS (
	line_no integer,
	procedure hcpcs,
	modifiers text[],
	units numeric,
	charge numeric,
	service_date date,
	dx_pointers integer[],
	ndc ndc,
	ndc_units numeric,
	rendering_npi npi,
	place_of_service text,
	revenue_code text
);
COMMENT ON TYPE claim_line IS 'a service line of the claim contract, for claims held as rows with an array of lines';

CREATE FUNCTION claim_fields(
	OUT level text, OUT field text, OUT kind text, OUT description text,
	OUT x12_837p text, OUT x12_837i text, OUT required text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION claim_fields() IS 'the claim contract: one row per claim field, then per line field, with its kind, what it is, the 837P and 837I elements it goes to and when the 837 requires it (always, 837P, 837I, ..., situational); CLAIM_INCOMPLETE reports the required ones a claim lacks';

CREATE FUNCTION validate(claim jsonb, report_unchecked boolean DEFAULT false) RETURNS SETOF issue
	AS 'MODULE_PATHNAME', 'validate_claim' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION validate(jsonb, boolean) IS 'one row per issue of a claim given as jsonb (claim contract or FHIR R4 Claim); with report_unchecked, also the rules that could not run and why';
CREATE FUNCTION validate(claim record, report_unchecked boolean DEFAULT false) RETURNS SETOF issue
	AS 'MODULE_PATHNAME', 'validate_claim' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION validate(record, boolean) IS 'one row per issue of a claim given as a row or composite value whose column names are the claim contract''s';

CREATE FUNCTION issues(claim jsonb) RETURNS issue[]
	AS 'MODULE_PATHNAME', 'claim_issues' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION issues(jsonb) IS 'the issues of a claim given as jsonb, as an array';
CREATE FUNCTION issues(claim record) RETURNS issue[]
	AS 'MODULE_PATHNAME', 'claim_issues' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION issues(record) IS 'the issues of a claim given as a row, as an array';

CREATE FUNCTION is_clean(claim jsonb) RETURNS boolean
	AS 'MODULE_PATHNAME', 'claim_is_clean' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION is_clean(jsonb) IS 'true when the claim (jsonb) has no error-severity issue';
CREATE FUNCTION is_clean(claim record) RETURNS boolean
	AS 'MODULE_PATHNAME', 'claim_is_clean' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION is_clean(record) IS 'true when the claim (row) has no error-severity issue';

CREATE FUNCTION quality_score(claim jsonb) RETURNS double precision
	AS 'MODULE_PATHNAME', 'claim_quality_score' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION quality_score(jsonb) IS 'claim quality 0-100 (100 clean): 100 minus the weights of its issues (error 25, warning 5 by default; per-rule weights in rule_settings)';
CREATE FUNCTION quality_score(claim record) RETURNS double precision
	AS 'MODULE_PATHNAME', 'claim_quality_score' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION quality_score(record) IS 'claim quality 0-100 of a claim given as a row';
