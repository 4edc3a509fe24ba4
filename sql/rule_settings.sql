-- Rule settings (cleanclaim.rule_settings): rules switched off for every
-- payer or for one, severity and weight changed, rule parameters, and bad
-- settings rejected with 22023 and a message naming what is wrong.
SET search_path = cleanclaim, public;
\set ON_ERROR_ROLLBACK on
BEGIN;

CREATE TEMP TABLE base_claim AS SELECT '{
  "claim_id": "C-200", "claim_type": "professional", "payer_id": "MCR01", "member_id": "M1001",
  "subscriber_last_name": "RIVERA", "subscriber_first_name": "ANA", "patient_relationship": "18",
  "patient_birth_date": "1970-05-15", "patient_sex": "F", "billing_npi": "1234567893",
  "billing_tax_id": "84-1234567", "billing_address": "1200 Maple Ave Ste 300", "billing_city": "Denver",
  "billing_state": "CO", "billing_zip": "802021234",
  "place_of_service": "11", "frequency_code": "1", "service_from": "2024-03-04", "service_to": "2024-03-04",
  "submitted_on": "2024-03-20", "total_charge": 150.00, "diagnoses": ["E11.9", "I10"],
  "lines": [
    {"line_no": 1, "procedure": "99213", "units": 1, "charge": 125.00, "service_date": "2024-03-04", "dx_pointers": [1, 2]},
    {"line_no": 2, "procedure": "85025", "units": 1, "charge": 25.00, "service_date": "2024-03-04", "dx_pointers": [1]}
  ]
}'::jsonb AS claim;
CREATE FUNCTION pg_temp.claim(patch jsonb DEFAULT '{}') RETURNS jsonb LANGUAGE sql
	AS $$ SELECT claim || patch FROM base_claim $$;
-- the base claim with these lines over a default line (1 unit, 100.00, 2024-03-04)
CREATE FUNCTION pg_temp.lines(header jsonb, VARIADIC lines jsonb[]) RETURNS jsonb LANGUAGE sql AS $$
	SELECT pg_temp.claim(header) || jsonb_build_object('lines', jsonb_agg(l ORDER BY n),
													   'total_charge', sum((l->>'charge')::numeric))
	FROM unnest(lines) WITH ORDINALITY u(p, n),
		 LATERAL (SELECT jsonb_build_object('line_no', n, 'units', 1, 'charge', 100, 'service_date', '2024-03-04',
											'dx_pointers', '[1]'::jsonb) || p) x(l) $$;
-- a claim moved to date d, not submitted yet
CREATE FUNCTION pg_temp.unsent_on(claim jsonb, d date) RETURNS jsonb LANGUAGE sql AS $$
	SELECT (claim - 'submitted_on') || jsonb_build_object('service_from', d, 'service_to', d, 'lines',
		(SELECT jsonb_agg(l || jsonb_build_object('service_date', d) ORDER BY n)
		 FROM jsonb_array_elements(claim->'lines') WITH ORDINALITY e(l, n))) $$;
CREATE FUNCTION pg_temp.undated(t text) RETURNS text LANGUAGE sql
	AS $$ SELECT regexp_replace(t, '\d{4}-\d\d-\d\d', 'YYYY-MM-DD', 'g') $$;

INSERT INTO payers (payer_id, name, payer_type, timely_filing_days) VALUES
	('MCR01', 'Medicare test carrier', 'medicare', 365),
	('COMM1', 'Commercial test plan', 'commercial', 90),
	('NOLIM', 'Plan without a filing limit on file', 'other', NULL);
INSERT INTO ncci_ptp (column1, column2, modifier_indicator, valid_from) VALUES ('97530', '97140', 1, '2010-01-01');

-- the claims of this file, each for every payer
CREATE TEMP TABLE claims (label text, claim jsonb);
INSERT INTO claims VALUES
	('sex X, no member id', pg_temp.claim('{"patient_sex": "X", "member_id": null}')),
	('a diagnosis twice', pg_temp.claim('{"diagnoses": ["E11.9", "I10", "E11.9"]}')),
	('total off by 0.50', pg_temp.claim('{"total_charge": 150.50}'));
CREATE TEMP VIEW issues_by_payer AS
SELECT c.label, p.payer_id, v.rule_id, v.severity, v.line_no, v.message
FROM claims c CROSS JOIN (VALUES ('MCR01'), ('COMM1')) p(payer_id),
	 LATERAL validate(c.claim || jsonb_build_object('payer_id', p.payer_id)) v
ORDER BY c.label, p.payer_id DESC, v.rule_id;

-- the defaults
SELECT * FROM issues_by_payer;

-- ===== enabled =====

-- a rule off for every payer, a rule off for one payer only: with
-- CLAIM_INCOMPLETE off (this payer's claims come from a partial extract), an
-- empty member id is reported by its own rule, MEMBER_ID_MISSING
INSERT INTO rule_settings (rule_id, enabled, note) VALUES ('PATIENT_SEX_INVALID', false, 'registration sends free text');
INSERT INTO rule_settings (rule_id, payer_id, enabled) VALUES ('CLAIM_INCOMPLETE', 'COMM1', false);
SELECT * FROM issues_by_payer WHERE label = 'sex X, no member id';
-- a rule off for every payer and on again for one
INSERT INTO rule_settings (rule_id, enabled) VALUES ('DX_DUPLICATE', false);
INSERT INTO rule_settings (rule_id, payer_id, enabled) VALUES ('DX_DUPLICATE', 'COMM1', true);
SELECT * FROM issues_by_payer WHERE label = 'a diagnosis twice';
-- the rules view shows the settings for every payer; a switched-off rule is not "not checked"
SELECT rule_id, severity, enabled, weight, default_severity, enabled_by_default
FROM rules WHERE rule_id IN ('PATIENT_SEX_INVALID', 'CLAIM_INCOMPLETE', 'DX_DUPLICATE') ORDER BY rule_id;
SELECT rule_id, severity, message FROM validate(pg_temp.claim('{"patient_sex": "X"}') - 'member_id', report_unchecked => true);
DELETE FROM rule_settings;

-- ===== severity and weight =====

-- a warning made an error worth 40 points, for every payer; the total check
-- made a warning for one payer
INSERT INTO rule_settings (rule_id, severity, weight) VALUES ('DX_DUPLICATE', 'error', 40);
INSERT INTO rule_settings (rule_id, payer_id, severity) VALUES ('CHARGE_TOTAL_MISMATCH', 'COMM1', 'warning');
SELECT * FROM issues_by_payer WHERE label IN ('a diagnosis twice', 'total off by 0.50');
SELECT label, payer_id, is_clean(claim), quality_score(claim)
FROM (SELECT label, p.payer_id, c.claim || jsonb_build_object('payer_id', p.payer_id) AS claim
	  FROM claims c CROSS JOIN (VALUES ('MCR01'), ('COMM1')) p(payer_id)
	  WHERE label IN ('a diagnosis twice', 'total off by 0.50')) s
ORDER BY label, payer_id DESC;
-- an error made information worth nothing: the claim is clean again
UPDATE rule_settings SET severity = 'info', weight = 0 WHERE rule_id = 'DX_DUPLICATE';
SELECT label, is_clean(claim), quality_score(claim), (SELECT string_agg(rule_id || ' ' || severity, ', ') FROM validate(claim))
FROM claims WHERE label = 'a diagnosis twice';
-- a rule that emits a warning of its own (timely filing, close to the
-- limit) never emits more than the severity set
INSERT INTO rule_settings (rule_id, severity) VALUES ('TIMELY_FILING_EXPIRED', 'info');
SELECT rule_id, severity, pg_temp.undated(message) AS message
FROM validate(pg_temp.unsent_on(pg_temp.claim(), current_date - 360)) WHERE rule_id = 'TIMELY_FILING_EXPIRED';
SELECT rule_id, severity, message FROM validate(pg_temp.claim('{"submitted_on": "2025-03-05"}')) WHERE rule_id = 'TIMELY_FILING_EXPIRED';
SELECT rule_id, severity, weight FROM rules WHERE rule_id IN ('DX_DUPLICATE', 'CHARGE_TOTAL_MISMATCH', 'TIMELY_FILING_EXPIRED') ORDER BY rule_id;
DELETE FROM rule_settings;

-- ===== parameters =====

-- TIMELY_FILING_EXPIRED days and warn_days: the limit for payers without one
-- of their own (a payer's timely_filing_days wins)
INSERT INTO rule_settings (rule_id, params) VALUES ('TIMELY_FILING_EXPIRED', '{"days": 30, "warn_days": 5}');
SELECT payer_id, submitted_on, rule_id, severity, message
FROM (VALUES ('NOLIM', '2024-04-03'), ('NOLIM', '2024-04-04'), ('MCR01', '2024-04-04')) s(payer_id, submitted_on),
	 LATERAL (SELECT rule_id, severity, message
			  FROM validate(pg_temp.claim(jsonb_build_object('payer_id', payer_id, 'submitted_on', submitted_on)))
			  WHERE rule_id = 'TIMELY_FILING_EXPIRED') v
ORDER BY 1, 2;
-- not submitted yet: a warning 5 days before the limit, none 6 days before
SELECT days_ago, rule_id, severity, pg_temp.undated(message) AS message
FROM (VALUES (24), (25)) d(days_ago)
	 LEFT JOIN LATERAL (SELECT * FROM validate(pg_temp.unsent_on(pg_temp.claim('{"payer_id": "NOLIM"}'), current_date - days_ago))
						WHERE rule_id = 'TIMELY_FILING_EXPIRED') v ON true
ORDER BY 1;
DELETE FROM rule_settings;

-- LINES_TOO_MANY and DX_TOO_MANY for professional and institutional claims:
-- the base claim's 2 lines and 2 diagnoses are over the professional limits
-- of 1, and within the institutional limits of 2 lines and (by default) 25
-- diagnoses (the institutional claim has the elements an 837I adds, for an
-- outpatient visit)
INSERT INTO rule_settings (rule_id, params) VALUES
	('LINES_TOO_MANY', '{"professional": 1, "institutional": 2}'),
	('DX_TOO_MANY', '{"professional": 1}');
SELECT claim_type, rule_id, severity, message
FROM (VALUES ('professional', '{}'::jsonb),
			 ('institutional', '{"type_of_bill": "131", "attending_npi": "1558598797", "admission_source": "1",
								 "discharge_status": "01"}')) t(claim_type, institutional),
	 LATERAL validate(pg_temp.claim(jsonb_build_object('claim_type', claim_type) || institutional)
					  || jsonb_build_object('lines', (SELECT jsonb_agg(l || '{"revenue_code": "0510"}')
													  FROM jsonb_array_elements(pg_temp.claim()->'lines') l))) v
ORDER BY 1 DESC, 2;
-- a payer's own limit over the setting for every payer
INSERT INTO rule_settings (rule_id, payer_id, params) VALUES ('LINES_TOO_MANY', 'COMM1', '{"professional": 2}');
SELECT rule_id, severity, message FROM validate(pg_temp.claim('{"payer_id": "COMM1"}'));
DELETE FROM rule_settings;

-- NDC_REQUIRED: by default J codes; a payer that wants NDCs on J and Q codes and on 97110
INSERT INTO rule_settings (rule_id, payer_id, params) VALUES ('NDC_REQUIRED', 'COMM1', '{"prefixes": ["j", "Q"], "codes": ["97110"]}');
SELECT payer_id, v.line_no, v.message
FROM (VALUES ('MCR01'), ('COMM1')) p(payer_id),
	 LATERAL validate(pg_temp.lines(jsonb_build_object('payer_id', payer_id), '{"procedure": "J1100"}', '{"procedure": "Q0138"}',
									'{"procedure": "97110"}', '{"procedure": "97140"}', '{"procedure": "J1100", "ndc": "0009-0012-05"}')) v
WHERE v.rule_id = 'NDC_REQUIRED'
ORDER BY payer_id DESC, line_no;
DELETE FROM rule_settings;

-- NCCI_PTP_MODIFIER bypass_modifiers: a payer accepting only XS on the column 2 line
INSERT INTO rule_settings (rule_id, payer_id, params) VALUES ('NCCI_PTP_MODIFIER', 'COMM1', '{"bypass_modifiers": ["xs"]}');
SELECT payer_id, modifier, v.line_no, v.message
FROM (VALUES ('MCR01'), ('COMM1')) p(payer_id), (VALUES ('59'), ('XS')) m(modifier)
	 LEFT JOIN LATERAL (SELECT * FROM validate(pg_temp.lines(jsonb_build_object('payer_id', payer_id), '{"procedure": "97530"}',
														 jsonb_build_object('procedure', '97140', 'modifiers', jsonb_build_array(modifier))))
						WHERE rule_id = 'NCCI_PTP_MODIFIER') v ON true
ORDER BY payer_id DESC, modifier;
-- no bypass modifier at all
UPDATE rule_settings SET params = '{"bypass_modifiers": []}';
SELECT rule_id, line_no, message
FROM validate(pg_temp.lines('{"payer_id": "COMM1"}', '{"procedure": "97530"}', '{"procedure": "97140", "modifiers": ["XS"]}'))
WHERE rule_id = 'NCCI_PTP_MODIFIER';
DELETE FROM rule_settings;

-- FIELD_UNKNOWN ignore: fields added on purpose, at claim and line level
INSERT INTO rule_settings (rule_id, params) VALUES ('FIELD_UNKNOWN', '{"ignore": ["x_source", "x_line_ref"]}');
SELECT rule_id, line_no, field, message
FROM validate(jsonb_set(pg_temp.claim('{"x_source": "emr", "x_batch": 7}'), '{lines,0,x_line_ref}', '"A-1"'))
WHERE rule_id = 'FIELD_UNKNOWN';
DELETE FROM rule_settings;

-- CHARGE_TOTAL_MISMATCH tolerance: a dollar
INSERT INTO rule_settings (rule_id, params) VALUES ('CHARGE_TOTAL_MISMATCH', '{"tolerance": 1}');
SELECT total, rule_id, message
FROM (VALUES (150.99), (151.01)) t(total)
	 LEFT JOIN LATERAL (SELECT * FROM validate(pg_temp.claim(jsonb_build_object('total_charge', total)))
						WHERE rule_id = 'CHARGE_TOTAL_MISMATCH') v ON true
ORDER BY 1;
SELECT rule_id, params FROM rules WHERE params IS NOT NULL;
DELETE FROM rule_settings;

-- CLAIM_INCOMPLETE ignore: a feed that has no billing provider address (the
-- clearinghouse adds it) is not incomplete for that; require: a payer that
-- wants the billing provider's taxonomy and a line's own place of service,
-- which the 837 makes situational
INSERT INTO rule_settings (rule_id, params) VALUES
	('CLAIM_INCOMPLETE', '{"ignore": ["billing_address", "billing_city", "billing_state", "billing_zip"]}');
INSERT INTO rule_settings (rule_id, payer_id, params) VALUES
	('CLAIM_INCOMPLETE', 'COMM1', '{"require": ["billing_taxonomy", "lines.place_of_service"]}');
SELECT p.payer_id, v.line_no, v.field, v.message
FROM (VALUES ('MCR01'), ('COMM1')) p(payer_id),
	 LATERAL validate(pg_temp.claim(jsonb_build_object('payer_id', p.payer_id)) - 'billing_address' - 'billing_city'
					  - 'billing_state' - 'billing_zip') v
WHERE v.rule_id = 'CLAIM_INCOMPLETE'
ORDER BY 1 DESC, 2 NULLS FIRST, 3;
DELETE FROM rule_settings;

-- NAME_INVALID placeholders: the payer's own list replaces the built-in one
INSERT INTO rule_settings (rule_id, params) VALUES ('NAME_INVALID', '{"placeholders": ["ZZZ", "DOE"]}');
SELECT name, rule_id, message
FROM (VALUES ('ZZZ'), ('doe'), ('TEST')) t(name),
	 LATERAL (SELECT * FROM validate(pg_temp.claim(jsonb_build_object('subscriber_last_name', name)))
			  WHERE rule_id = 'NAME_INVALID') v
ORDER BY 1;
DELETE FROM rule_settings;

-- back to the defaults
SELECT * FROM issues_by_payer;

-- ===== bad settings: 22023, saying what is wrong =====

-- a rule that does not exist
INSERT INTO rule_settings (rule_id, enabled) VALUES ('NPI_INVALID', false);
\echo :LAST_ERROR_SQLSTATE
-- a parameter the rule does not have
INSERT INTO rule_settings (rule_id, params) VALUES ('TIMELY_FILING_EXPIRED', '{"day": 30}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, params) VALUES ('DX_DUPLICATE', '{"max": 1}');
\echo :LAST_ERROR_SQLSTATE
-- a field the claim contract does not have, or fields not as a list
INSERT INTO rule_settings (rule_id, params) VALUES ('CLAIM_INCOMPLETE', '{"ignore": ["billing_zipcode"]}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, params) VALUES ('CLAIM_INCOMPLETE', '{"require": ["lines.revenue"]}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, params) VALUES ('CLAIM_INCOMPLETE', '{"ignore": "billing_zip"}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, params) VALUES ('NAME_INVALID', '{"placeholders": [1, 2]}');
\echo :LAST_ERROR_SQLSTATE
-- parameters of the wrong type or out of range
INSERT INTO rule_settings (rule_id, params) VALUES ('TIMELY_FILING_EXPIRED', '{"days": "30"}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, params) VALUES ('TIMELY_FILING_EXPIRED', '{"days": 30.5}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, params) VALUES ('TIMELY_FILING_EXPIRED', '{"days": 0}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, params) VALUES ('TIMELY_FILING_EXPIRED', '{"days": 99999999999}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, params) VALUES ('TIMELY_FILING_EXPIRED', '{"warn_days": -1}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, params) VALUES ('LINES_TOO_MANY', '{"professional": null}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, params) VALUES ('NDC_REQUIRED', '{"prefixes": "J"}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, params) VALUES ('NDC_REQUIRED', '{"prefixes": ["J1"]}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, params) VALUES ('NDC_REQUIRED', '{"prefixes": ["A", "B", "C", "D", "E", "G", "H", "J", "K"]}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, params) VALUES ('NDC_REQUIRED', '{"codes": ["J11"]}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, params) VALUES ('NCCI_PTP_MODIFIER', '{"bypass_modifiers": ["59", "XSU"]}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, params) VALUES ('FIELD_UNKNOWN', '{"ignore": ["x_source", 7]}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, params) VALUES ('CHARGE_TOTAL_MISMATCH', '{"tolerance": -0.01}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, params) VALUES ('CHARGE_TOTAL_MISMATCH', '{"tolerance": 1e400}');
\echo :LAST_ERROR_SQLSTATE
-- an update is checked as an insert is
INSERT INTO rule_settings (rule_id, params) VALUES ('DX_TOO_MANY', '{"professional": 20}');
UPDATE rule_settings SET params = '{"professionals": 20}' WHERE rule_id = 'DX_TOO_MANY';
\echo :LAST_ERROR_SQLSTATE
UPDATE rule_settings SET rule_id = 'DX_TOO_MUCH' WHERE rule_id = 'DX_TOO_MANY';
\echo :LAST_ERROR_SQLSTATE
-- the table's own checks: severity, weight, params an object, one row per rule and payer
INSERT INTO rule_settings (rule_id, severity) VALUES ('DX_DUPLICATE', 'fatal');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, weight) VALUES ('DX_DUPLICATE', -1);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, params) VALUES ('FIELD_UNKNOWN', '["x_source"]');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO rule_settings (rule_id, params) VALUES ('DX_TOO_MANY', '{"institutional": 30}');
\echo :LAST_ERROR_SQLSTATE
-- only the one valid row is there, and the engine runs on it
SELECT rule_id, payer_id, params FROM rule_settings;
SELECT rule_id, message FROM validate(pg_temp.claim('{"diagnoses": ["E11.9", "I10", "E11.9"]}'));

-- check_rule_setting(), the CHECK itself, can be called directly
SELECT check_rule_setting('MUE_DAY', NULL), check_rule_setting('LINES_TOO_MANY', '{"institutional": 100}');
SELECT check_rule_setting('MUE_DAYS', NULL);
\echo :LAST_ERROR_SQLSTATE

-- modifier settings: bad modifiers are refused with 22023 naming them; a
-- payer that is not in payers, a second every-payer row of a modifier
INSERT INTO payers (payer_id, name) VALUES ('MCD01', 'Medicaid plan') ON CONFLICT DO NOTHING;
INSERT INTO modifier_settings (payer_id, modifier) VALUES ('MCD01', '591');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO modifier_settings (payer_id, modifier, use_instead) VALUES ('MCD01', '59', '{XE,x}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO modifier_settings (payer_id, modifier, use_instead) VALUES ('MCD01', '59', ARRAY['XE', NULL]);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO modifier_settings (payer_id, modifier, scrutinized) VALUES ('NOPAYER', '25', true);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO modifier_settings (modifier, scrutinized) VALUES ('25', true), ('25', false);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO modifier_reference (modifier, kind, asserts, not_with) VALUES ('ZZ', 'informational', 'a local modifier', '{Z}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO modifier_reference (modifier, kind, asserts, sections) VALUES ('ZZ', 'informational', 'a local modifier', '{dental}');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO modifier_reference (modifier, kind, asserts) VALUES ('ZZ', 'cosmetic', 'a local modifier');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) AS modifier_settings FROM modifier_settings;

ROLLBACK;
