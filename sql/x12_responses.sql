-- read_277ca(), read_999(), read_999_errors(), read_271(),
-- read_271_benefits(): what comes back for the claims of
-- test/fixtures/clinic.837, in files of our own (test/fixtures): the
-- clearinghouse's 277CA (three claims accepted, P2001 rejected for its
-- rendering provider's NPI, with its line), its 999 (the 837P's set
-- accepted, the 837I's rejected: a CLM02 that is not a number, an unknown
-- segment), and the payer's 271 for three members (active, inactive since
-- October, not found).
SET search_path = cleanclaim, public;
\set x277 `cat test/fixtures/clinic.277ca`
\set x999 `cat test/fixtures/clinic.999`
\set x271 `cat test/fixtures/clinic.271`

SELECT level, segment_no, claim_id, trace_number, payer_claim_number, clearinghouse_trace, acknowledgment, category,
	   status_code, entity, status_date, action_code, charge, statuses
FROM read_277ca(:'x277');
SELECT claim_id, payer_id, payer_name, provider_id, patient_last_name, patient_first_name, member_id, service_from,
	   service_to, bill_type, procedure, line_control_number
FROM read_277ca(:'x277') WHERE level IN ('claim', 'line');

SELECT * FROM read_999(:'x999');
SELECT * FROM read_999_errors(:'x999');

SELECT hl_id, level, segment_no, payer_id, provider_id, trace_number, subscriber_id, member_id, last_name, first_name,
	   birth_date, sex, group_number, coverage, plan, insurance_type, coverage_from, coverage_to, rejections, benefits
FROM read_271(:'x271');
SELECT hl_id, member_id, benefit_no, segment_no, code, coverage_level, service_types, insurance_type, plan, time_period,
	   amount, percent, authorization_required, in_network, date_from, date_to
FROM read_271_benefits(:'x271');

-- A 999 of our own making reads back as it was meant: ack_999 of the
-- clinic's 837 with a wrong SE count in its 837P and a sex code Q in the
-- 837I rejects both sets, and read_999_errors points at the DMG
\set x837 `cat test/fixtures/clinic.837`
CREATE TEMP TABLE bad837 AS
SELECT replace(replace(:'x837', 'SE*54*0001', 'SE*55*0001'), E'DMG*D8*19700515*F~\nNM1*PR*2*ROCKY MOUNTAIN HEALTH*****PI*RMH01~\nCLM*H3001',
	E'DMG*D8*19700515*Q~\nNM1*PR*2*ROCKY MOUNTAIN HEALTH*****PI*RMH01~\nCLM*H3001') AS x12;
SELECT group_control, set_control, acknowledgment, status_code, error_codes, segment_errors
FROM read_999(ack_999((SELECT x12 FROM bad837)));
SELECT set_control, segment_id, segment_position, segment_error, element_position, element_error
FROM read_999_errors(ack_999((SELECT x12 FROM bad837)));
-- and the positions are those validate_837 gives
SELECT v.transaction_control, v.segment_no, v.segment_id, v.element, v.rule_id
FROM validate_837((SELECT x12 FROM bad837)) v WHERE v.category = 'x12' AND v.segment_id = 'DMG';

-- A group rejected whole (an AK9 without AK2): one row from the AK9
SELECT group_control, set_control, acknowledgment, status_code, error_codes
FROM read_999(replace(:'x999', E'AK2*837*0001*005010X222A1~\nIK5*A~\nAK9*A*1*1*1', 'AK9*R*1*1*0*2'));

-- a 277 claim status response (X212) reads with the same columns: the
-- patient account number REF*EJ is the claim id, the trace is TRN02
SELECT level, claim_id, trace_number, acknowledgment, category, status_code
FROM read_277ca(replace(replace(replace(:'x277', '005010X214', '005010X212'), 'REF*D9*CH0001', 'REF*EJ*P1001'),
	'TRN*2*P1001', 'TRN*2*STATUS-TRACE-1')) WHERE level = 'claim' AND segment_no = 26;

-- Other files and no file: nothing raises, no rows
SELECT count(*) AS rows FROM read_277ca(:'x999');
SELECT count(*) AS rows FROM read_999(:'x271');
SELECT count(*) AS rows FROM read_271(:'x277');
SELECT count(*) AS rows FROM read_271_benefits('not X12');
SELECT count(*) AS rows FROM read_999_errors('');
SELECT count(*) AS rows FROM read_277ca('ISA' || chr(1) || repeat(chr(255), 200));
-- cut short: the members read so far
SELECT hl_id, coverage, benefits FROM read_271(left(:'x271', strpos(:'x271', 'EB*C*IND')));
-- an AK2 without its AK1 (a 999 cut wrong): read, with no group
SELECT group_control, set_id, set_control, acknowledgment FROM read_999('ST*999*1~AK2*837*0001~IK5*R~SE*3*1~');
