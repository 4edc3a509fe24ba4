
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

-- load_837(): the claims of an 837 file into a table of the contract's
-- columns (those the table has), through its triggers (a scrub trigger
-- checks each claim as it goes in).  A file with X12 errors loads nothing;
-- with load_clean_transactions, the claims of the transaction sets without
-- one go in (an error outside any transaction set, in the ISA or the
-- interchange's trailer, still stops the whole file).
CREATE FUNCTION load_837(x12 text, into_table regclass, load_clean_transactions boolean DEFAULT false,
	OUT claims_read integer, OUT claims_loaded integer, OUT x12_errors integer, OUT issues jsonb)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $fn$
DECLARE
	columns text;
	blocked text[];
	whole_file boolean;
BEGIN
	IF x12 IS NULL OR into_table IS NULL THEN
		RAISE EXCEPTION 'load_837() needs a file and a table'
			USING ERRCODE = '22004', DETAIL = 'The file or the table is NULL.',
				  HINT = 'Pass the 837 file''s text and the table to load its claims into: load_837(pg_read_file(''claims.837''), ''claims'').';
	END IF;
	SELECT count(*)::int, coalesce(jsonb_agg(jsonb_build_object('transaction_control', v.transaction_control,
				'segment_no', v.segment_no, 'segment_id', v.segment_id, 'element', v.element,
				'rule_id', v.rule_id, 'message', v.message) ORDER BY v.transaction_control NULLS FIRST, v.segment_no), '[]'),
		   array_agg(DISTINCT v.transaction_control) FILTER (WHERE v.transaction_control IS NOT NULL),
		   coalesce(bool_or(v.transaction_control IS NULL), false)
	INTO x12_errors, issues, blocked, whole_file
	FROM validate_837(x12) v WHERE v.category = 'x12' AND v.severity = 'error';
	SELECT count(*)::int INTO claims_read FROM read_837(x12);
	claims_loaded := 0;
	IF x12_errors > 0 AND (NOT load_clean_transactions OR whole_file) THEN
		RETURN;
	END IF;
	-- the contract's claim fields the table has a column for
	SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO columns
	FROM pg_attribute a
	WHERE a.attrelid = into_table AND a.attnum > 0 AND NOT a.attisdropped
	  AND a.attname IN (SELECT f.field FROM claim_fields() f WHERE f.level = 'claim');
	IF columns IS NULL THEN
		RAISE EXCEPTION 'table % has none of the claim contract''s columns', into_table
			USING ERRCODE = '42703', DETAIL = 'load_837() inserts the fields of each claim into the columns of the same names.',
				  HINT = 'Give the table the contract''s columns (claim_id, billing_npi, ..., lines jsonb): see cleanclaim.claim_fields().';
	END IF;
	EXECUTE format('INSERT INTO %s (%s) SELECT %s FROM cleanclaim.read_837($1) r, jsonb_populate_record(NULL::%s, r.claim) p
					WHERE r.transaction_control <> ALL ($2)',
				   into_table, columns, (SELECT string_agg('p.' || c, ', ') FROM unnest(string_to_array(columns, ', ')) c), into_table)
		USING x12, coalesce(blocked, '{}');
	GET DIAGNOSTICS claims_loaded = ROW_COUNT;
END
$fn$;
COMMENT ON FUNCTION load_837(text, regclass, boolean) IS 'inserts the claims of an X12 837 file into a table of the claim contract''s columns (those it has; lines as jsonb), through the table''s triggers; a file with X12 errors (validate_837''s x12 rules) loads nothing, or with load_clean_transactions the claims of its transaction sets without one (unless an error lies outside any transaction set); returns the claims read and loaded, the X12 errors and what they are';

-- ack_999(): the 999 a receiver would send back for the file.
CREATE FUNCTION ack_999(x12 text, control_number integer DEFAULT 1) RETURNS text
AS 'MODULE_PATHNAME', 'ack_999'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ack_999(text, integer) IS 'the 999 implementation acknowledgment (005010X231A1) of an X12 837 file, from its envelope''s problems: per group AK1, per transaction set AK2, IK3 for each segment an 837 does not have, IK5 accepted or rejected with its reason, AK9; in an envelope of its own (sender and receiver of the file swapped, control_number as ISA13, GS06), dated the transaction''s start';
