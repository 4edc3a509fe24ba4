
-- 835 remittances.  read_835() and its companions: the claim payments of a
-- file, their service lines, their adjustments and the provider-level
-- adjustments, each as rows; they share the keys transaction_control and
-- claim_no (the claim payment's position in the file).
CREATE FUNCTION read_835(x12 text,
	OUT interchange_control text, OUT transaction_control text, OUT trace_number text,
	OUT payer_id text, OUT payer_name text, OUT payee_id text, OUT payee_name text,
	OUT payment_amount numeric, OUT payment_method text, OUT payment_date date,
	OUT claim_no integer, OUT clp_segment integer, OUT claim_id text, OUT status_code text,
	OUT charge numeric, OUT paid numeric, OUT patient_responsibility numeric,
	OUT claim_filing_indicator text, OUT payer_claim_number text, OUT facility_code text,
	OUT frequency_code text, OUT drg text,
	OUT patient_last_name text, OUT patient_first_name text, OUT member_id text,
	OUT service_from date, OUT service_to date, OUT received_on date,
	OUT remark_codes text[], OUT lines integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'read_835'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION read_835(text) IS 'the claim payments (CLP) of the 835 transactions of an X12 file, one row each: the payment''s interchange (ISA13) and transaction (ST02) control numbers, trace (TRN02), payer (N1*PR N104, else REF*2U, else TRN03) and payee (N1*PE), amount (BPR02), method (BPR04) and date (BPR16, else DTM*405); the claim''s position in the file and in its transaction, its patient control number (CLP01), status code (CLP02), charge, paid, patient responsibility (CLP03-05), filing indicator, payer claim number, facility and frequency codes, DRG (CLP06-09, CLP11), patient (NM1*QC), dates (DTM*232, 233, 050), remark codes (MIA, MOA) and number of service lines; amounts as written, NULL when absent or not a number';

CREATE FUNCTION read_835_lines(x12 text,
	OUT transaction_control text, OUT claim_no integer, OUT claim_id text, OUT line_no integer,
	OUT svc_segment integer, OUT qualifier text, OUT procedure text, OUT modifiers text[],
	OUT charge numeric, OUT paid numeric, OUT revenue_code text, OUT units numeric,
	OUT original_procedure text, OUT service_from date, OUT service_to date,
	OUT line_control_number text, OUT allowed numeric, OUT remark_codes text[])
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'read_835_lines'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION read_835_lines(text) IS 'the service lines (SVC) of the claim payments of an 835 file, one row each, keyed by transaction_control and claim_no as read_835 gives them and the line''s position in its claim: the procedure with its qualifier and modifiers (SVC01), charge and paid (SVC02, 03), revenue code (SVC04), units paid (SVC05), the procedure billed when the payer paid another (SVC06), dates (DTM*472 or 150, 151), the line item control number of the 837 (REF*6R), the allowed amount (AMT*B6) and remark codes (LQ*HE)';

CREATE FUNCTION read_835_adjustments(x12 text,
	OUT transaction_control text, OUT claim_no integer, OUT claim_id text, OUT line_no integer,
	OUT cas_segment integer, OUT triplet integer, OUT group_code text, OUT carc text,
	OUT amount numeric, OUT quantity numeric)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'read_835_adjustments'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION read_835_adjustments(text) IS 'the adjustments (CAS) of the claim payments of an 835 file, one row per reason: at claim level (line_no NULL) or of a service line (its line_no in read_835_lines), with the CAS segment''s position, which of its six triplets, the group code (CO, OA, PI, PR), the claim adjustment reason code, the amount and the quantity';

CREATE FUNCTION read_835_provider_adjustments(x12 text,
	OUT transaction_control text, OUT trace_number text, OUT payer_id text, OUT plb_segment integer, OUT pair integer,
	OUT provider_id text, OUT fiscal_period date, OUT reason text, OUT reference text, OUT amount numeric)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'read_835_provider_adjustments'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION read_835_provider_adjustments(text) IS 'the provider-level adjustments (PLB) of an 835 file, one row per reason, with its payment''s trace and payer (as read_835 gives them) (the PLB segment''s position and which of its six pairs): the provider (PLB01), the fiscal period''s end (PLB02), the reason (WO overpayment recovery, L6 interest, CV capital pass-through, 72 authorized return, ...) and its reference, and the amount (positive takes from the payment, negative adds to it)';

-- validate_835(): the file as the office should check it before posting:
-- the envelope and elements (the X12_* rules) and the balance
-- (X12_835_UNBALANCED), each at its segment and element.
CREATE FUNCTION validate_835(x12 text,
	OUT claim_id text, OUT transaction_control text, OUT segment_no integer, OUT segment_id text,
	OUT element integer, OUT component integer,
	OUT rule_id text, OUT severity text, OUT category text, OUT owner text, OUT line_no integer,
	OUT field text, OUT value text, OUT message text, OUT hint text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'validate_835'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION validate_835(text) IS 'the issues of an X12 835 file: each claim payment''s (X12_835_UNBALANCED when its charge less its payment is not its and its lines'' adjustments, or a line''s; X12_SEGMENT_MISSING without its patient), then the file''s (ISA/IEA, GS/GE, ST/SE counts and control numbers, versions, unknown segments, elements required, too long, not of their codes or type, segments out of place, and X12_835_UNBALANCED when BPR02 is not the claims'' payments less the PLB amounts); the columns of validate_837';
