
-- X12 files.  read_837(): the claims of a file's 837P and 837I (5010)
-- transactions, as jsonb in the claim contract, with where each came from.
CREATE FUNCTION read_837(x12 text,
	OUT interchange_control text, OUT group_control text, OUT transaction_control text,
	OUT clm_segment integer, OUT hl_path text, OUT claim_id text, OUT claim jsonb,
	OUT diagnosis_qualifiers text[])
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'read_837'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION read_837(text) IS 'the claims of the 837P (005010X222) and 837I (005010X223) transactions of an X12 file, one row each: the interchange (ISA13), group (GS06) and transaction (ST02) control numbers, the CLM segment''s position in its transaction (ST is 1), the HL ids of its billing provider, subscriber and patient, the claim id, the claim as jsonb in the claim contract, and the qualifier of each diagnosis (ABK principal, ABF other; BK, BF for ICD-9); other transactions give no rows';

-- validate_837(): the file as a clearinghouse checks it (its envelope: the
-- X12_* rules) and as the payer will (every claim rule on every claim), each
-- issue at the segment and element that holds it.
CREATE FUNCTION validate_837(x12 text,
	OUT claim_id text, OUT transaction_control text, OUT segment_no integer, OUT segment_id text,
	OUT element integer, OUT component integer,
	OUT rule_id text, OUT severity text, OUT category text, OUT owner text, OUT line_no integer,
	OUT field text, OUT value text, OUT message text, OUT hint text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'validate_837'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION validate_837(text) IS 'the issues of an X12 837 file: first its envelope''s (ISA/IEA, GS/GE, ST/SE counts and control numbers, versions, segments an 837 does not have: the X12_* rules), then every claim rule on every claim read from it; each with the claim id, the transaction''s ST02, the segment''s position in its transaction (ST is 1; outside one, in the file), the segment id, element and component that hold the value, and the issue''s columns';
