
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
