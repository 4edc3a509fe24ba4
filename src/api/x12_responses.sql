
-- What comes back for claims besides the 835: the 277CA (and 277), the 999,
-- the 271.  Each a reader in C, one row per claim status, transaction set
-- acknowledged or member; the details (999 errors, 271 benefits) in a
-- companion keyed the same way.
CREATE FUNCTION read_277ca(x12 text,
	OUT interchange_control text, OUT transaction_control text, OUT version text, OUT transaction_date date,
	OUT level text, OUT segment_no integer, OUT claim_id text, OUT trace_number text,
	OUT payer_claim_number text, OUT clearinghouse_trace text,
	OUT acknowledgment text, OUT category text, OUT status_code text, OUT entity text,
	OUT status_date date, OUT action_code text, OUT charge numeric, OUT statuses text[],
	OUT payer_id text, OUT payer_name text, OUT provider_id text,
	OUT patient_last_name text, OUT patient_first_name text, OUT member_id text,
	OUT service_from date, OUT service_to date, OUT bill_type text,
	OUT procedure text, OUT line_control_number text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'read_277ca'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION read_277ca(text) IS 'the statuses of a 277CA claim acknowledgment (005010X214) or 277 claim status response (005010X212), one row per status loop: its envelope and date (BHT04), its level (receiver, provider, claim, line), the TRN''s position, the claim''s patient control number (REF*EJ, else TRN02) and trace, the payer''s claim number (REF*1K) and the clearinghouse trace (REF*D9), accepted or rejected (from STC01-1: A0, A1, A2, A5 accepted; A3, A4, A6, A7, A8 rejected; NULL for other statuses), the first STC''s category, status code, entity, date, action and charge, every STC composite, the payer, the billing provider, the patient, the dates of service (DTP*472), bill type, and for a line its procedure and line item control number (REF*FJ)';

CREATE FUNCTION read_999(x12 text,
	OUT interchange_control text, OUT transaction_control text, OUT version text, OUT transaction_date date,
	OUT functional_id text, OUT group_control text, OUT set_id text, OUT set_control text, OUT set_version text,
	OUT acknowledgment text, OUT status_code text, OUT error_codes text[], OUT segment_errors integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'read_999'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION read_999(text) IS 'the transaction sets a 999 implementation acknowledgment (005010X231A1) answers, one row per AK2: the 999''s own envelope and date (GS04), the group acknowledged (AK101, AK102: its GS06) and the set (AK201, AK202: its ST02, AK203), accepted or rejected (IK501: A, E accepted; M, R, W, X rejected), the IK5 codes and the number of segments in error; a group answered without any AK2 gets one row from its AK9 (set columns NULL, partially_accepted for P)';

CREATE FUNCTION read_999_errors(x12 text,
	OUT interchange_control text, OUT transaction_control text, OUT version text, OUT transaction_date date,
	OUT group_control text, OUT set_control text, OUT segment_no integer,
	OUT segment_id text, OUT segment_position integer, OUT loop text, OUT segment_error text,
	OUT element_position text, OUT component_position text, OUT element_reference text,
	OUT element_error text, OUT bad_value text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'read_999_errors'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION read_999_errors(text) IS 'the errors a 999 reports, one row per IK4 (an element in error) or per IK3 without one (a segment in error): the group and set acknowledged (AK102, AK202), the IK3 or IK4''s position in the 999, the segment in error (IK301), its position in the set acknowledged (IK302, ST is 1), its loop (IK303), the segment error code (IK304), and the element''s position, component, reference number, error code (IK403) and bad value (IK404)';

CREATE FUNCTION read_271(x12 text,
	OUT interchange_control text, OUT transaction_control text, OUT version text, OUT transaction_date date,
	OUT hl_id text, OUT level text, OUT segment_no integer,
	OUT payer_id text, OUT payer_name text, OUT provider_id text, OUT provider_name text,
	OUT trace_number text, OUT subscriber_id text, OUT member_id text,
	OUT last_name text, OUT first_name text, OUT birth_date date, OUT sex text, OUT group_number text,
	OUT coverage text, OUT plan text, OUT insurance_type text, OUT coverage_from date, OUT coverage_to date,
	OUT rejections text[], OUT benefits integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'read_271'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION read_271(text) IS 'the members of a 271 eligibility response (005010X279A1), one row per subscriber (HL 22) and dependent (HL 23), and one per information source or receiver the payer rejected (AAA): the envelope and date (BHT04), the payer (NM1*PR), the provider who asked (NM1*1P), the 270''s trace (TRN*2), the subscriber''s and the member''s id, name, birth date and sex (DMG), group number (REF*6P or 18), coverage (active when an EB01 is 1 to 5, inactive when one is 6 to 8 and none active, rejected with an AAA and no benefit), the plan and insurance type of the first active EB that names one, the coverage dates (DTP*346, 356, 291, 307 and 347, 357), the AAA03 reject reasons and the number of EB segments';

CREATE FUNCTION read_271_benefits(x12 text,
	OUT interchange_control text, OUT transaction_control text, OUT version text, OUT transaction_date date,
	OUT hl_id text, OUT member_id text, OUT benefit_no integer, OUT segment_no integer,
	OUT code text, OUT coverage_level text, OUT service_types text[], OUT insurance_type text, OUT plan text,
	OUT time_period text, OUT amount numeric, OUT percent numeric, OUT authorization_required text,
	OUT in_network text, OUT date_from date, OUT date_to date)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'read_271_benefits'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION read_271_benefits(text) IS 'the benefits (EB, loop 2110C) of the members of a 271, one row each, keyed by transaction_control and hl_id as read_271 gives them: EB01 (1 active, 6 inactive, A coinsurance, B co-payment, C deductible, ...), coverage level, service types (EB03, its repetitions), insurance type, plan, time period, amount, percent, whether the service needs an authorization (EB11) and is in network (EB12), and its dates (DTP of the 2110C)';
