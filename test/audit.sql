-- pgTAP: the pre-bill audit flags.  Every AUDIT_* rule has claims that flag
-- and near misses that do not; the flags read only the fields the catalog
-- lists; the claim forms agree; audit_score and needs_audit agree with the
-- flags.  The claims are the base claim of test/fixtures.psql with one thing
-- changed.
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
\set ON_ERROR_ROLLBACK 1
\set ON_ERROR_STOP true

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS cleanclaim;
SET search_path = cleanclaim, public;

SELECT plan(56);

\ir fixtures.psql
DELETE FROM cleanclaim.audit_thresholds;
DELETE FROM cleanclaim.denial_model;

-- the flags of one rule on a claim, as their reasons joined by "; "; NULL when none
CREATE FUNCTION pg_temp.flagged(rule text, claim jsonb) RETURNS text LANGUAGE sql AS $$
	SELECT string_agg(a.reason, '; ') FROM cleanclaim.audit_flags(claim) a WHERE a.flag = rule $$;

-- a small denial model, written by hand (train_denial_model() is tested in sql/audit.sql)
INSERT INTO cleanclaim.denial_model (payer_id, procedure, modifiers, lines, denied_lines, probability) VALUES
	(NULL, NULL, NULL, 100, 10, 0.10),
	('MCR01', NULL, NULL, 60, 6, 0.10),
	(NULL, '99213', NULL, 50, 4, 0.08),
	(NULL, '85025', NULL, 50, 6, 0.12),
	('MCR01', '85025', NULL, 30, 6, 0.20),
	('MCR01', '85025', '59', 30, 15, 0.45),
	('MCR01', '85025', '', 30, 2, 0.07), ('MCR01', '85025', '76', 29, 20, 0.69),
	('COMM1', NULL, NULL, 40, 20, 0.50);

-- thresholds: a payer of its own for professional claims, expected basis;
-- every payer for outpatient claims, lower than the default
INSERT INTO cleanclaim.audit_thresholds (payer_id, setting, basis, threshold) VALUES
	('COMM1', 'professional', 'expected', 1000),
	(NULL, 'outpatient', 'billed', 20000);

CREATE TEMP TABLE cases (n serial, rule text, note text, claim jsonb, fires boolean, reason text);
INSERT INTO cases (rule, note, claim, fires, reason) VALUES
-- AUDIT_HIGH_DOLLAR: defaults 100,000 inpatient, 50,000 outpatient and professional, billed
('AUDIT_HIGH_DOLLAR', 'professional at the default', pg_temp.claim('{"total_charge": 50000}'), true,
 'total charge 50000.00 is at or above the professional pre-bill audit threshold of 50000.00 (the default)'),
('AUDIT_HIGH_DOLLAR', 'professional one cent under the default', pg_temp.claim('{"total_charge": 49999.99}'), false, NULL),
('AUDIT_HIGH_DOLLAR', 'inpatient by type of bill 0111 at the default', pg_temp.claim('{"claim_type": "institutional", "type_of_bill": "0111", "total_charge": 100000}'), true,
 'total charge 100000.00 is at or above the inpatient pre-bill audit threshold of 100000.00 (the default)'),
('AUDIT_HIGH_DOLLAR', 'inpatient (121) under its default', pg_temp.claim('{"claim_type": "institutional", "type_of_bill": "121", "total_charge": 99999}'), false, NULL),
('AUDIT_HIGH_DOLLAR', 'inpatient by place of service 21', pg_temp.claim('{"claim_type": "institutional", "place_of_service": "21", "total_charge": 100000}'), true,
 'total charge 100000.00 is at or above the inpatient pre-bill audit threshold of 100000.00 (the default)'),
('AUDIT_HIGH_DOLLAR', 'outpatient (131) at the every-payer row', pg_temp.claim('{"claim_type": "institutional", "type_of_bill": "131", "total_charge": 20000}'), true,
 'total charge 20000.00 is at or above the outpatient pre-bill audit threshold of 20000.00 (every payer, billed)'),
('AUDIT_HIGH_DOLLAR', 'outpatient under the every-payer row', pg_temp.claim('{"claim_type": "institutional", "type_of_bill": "131", "total_charge": 19999.99}'), false, NULL),
('AUDIT_HIGH_DOLLAR', 'payer''s own row, expected basis', pg_temp.claim('{"payer_id": "COMM1", "expected_amount": 1000}'), true,
 'expected payment 1000.00 is at or above the professional pre-bill audit threshold of 1000.00 (payer COMM1, expected)'),
('AUDIT_HIGH_DOLLAR', 'payer''s own row replaces the default: 60,000 billed, 999 expected', pg_temp.claim('{"payer_id": "COMM1", "total_charge": 60000, "expected_amount": 999}'), false, NULL),
('AUDIT_HIGH_DOLLAR', 'expected basis without an expected amount', pg_temp.claim('{"payer_id": "COMM1", "total_charge": 60000}'), false, NULL),
('AUDIT_HIGH_DOLLAR', 'no total: the lines'' charges', pg_temp.lines('{"total_charge": null}', '{"procedure": "99213", "charge": 30000}', '{"procedure": "85025", "charge": 20000}')
	|| '{"total_charge": null}', true,
 'total charge 50000.00 is at or above the professional pre-bill audit threshold of 50000.00 (the default)'),
-- AUDIT_RISKY_MODIFIER: those modifier_reference marks scrutinized (25, 59,
-- XE, XS, XP, XU, 22 as shipped), with what the record must show
('AUDIT_RISKY_MODIFIER', '25 and 59 on two lines', pg_temp.lines('{}', '{"procedure": "99213", "modifiers": ["25"]}', '{"procedure": "85025", "modifiers": ["59"]}'), true,
 'modifier 25 on line 1, 59 on line 2: payers review these by hand; the record must show (25) a visit note that stands on its own, beyond the usual pre- and post-service work of the procedure; (59) notes of the separate session, site or lesion, not only two codes billed together'),
('AUDIT_RISKY_MODIFIER', 'XU in lower case', pg_temp.line(pg_temp.claim(), 2, '{"modifiers": ["xu"]}'), true,
 'modifier XU on line 2: payers review it by hand; the record must show (XU) why the service does not overlap the usual parts of the main service'),
('AUDIT_RISKY_MODIFIER', 'RT and 26 are not risky', pg_temp.line(pg_temp.claim(), 2, '{"modifiers": ["RT", "26"]}'), false, NULL),
-- AUDIT_UNLISTED_PROC: the built-in CPT unlisted and HCPCS NOC codes
('AUDIT_UNLISTED_PROC', 'CPT 27299, unlisted pelvis/hip procedure', pg_temp.line(pg_temp.claim(), 2, '{"procedure": "27299"}'), true,
 'unlisted or not otherwise classified procedure 27299 on line 2: attach the procedure report'),
('AUDIT_UNLISTED_PROC', 'HCPCS J3490, unclassified drug', pg_temp.line(pg_temp.claim(), 1, '{"procedure": "J3490"}'), true,
 'unlisted or not otherwise classified procedure J3490 on line 1: attach the procedure report'),
('AUDIT_UNLISTED_PROC', '27298 is not on the list', pg_temp.line(pg_temp.claim(), 2, '{"procedure": "27298"}'), false, NULL),
-- AUDIT_DENIAL_RISK: threshold 0.3 by default, on the hand-written model above
('AUDIT_DENIAL_RISK', 'payer + procedure + modifier 59: 0.45', pg_temp.line(pg_temp.claim(), 2, '{"modifiers": ["59"]}'), true,
 'line 2 (85025 59): learned denial probability 0.45, at or above 0.30 (from the payer, procedure and modifiers rate, 30 training lines)'),
('AUDIT_DENIAL_RISK', 'payer + procedure without modifiers: 0.07', pg_temp.claim(), false, NULL),
('AUDIT_DENIAL_RISK', 'an unseen combination falls back to payer + procedure: 0.20', pg_temp.line(pg_temp.claim(), 2, '{"modifiers": ["91"]}'), false, NULL),
('AUDIT_DENIAL_RISK', 'a combination of 29 training lines (0.69) is below the evidence floor of 30: payer + procedure 0.20',
 pg_temp.line(pg_temp.claim(), 2, '{"modifiers": ["76"]}'), false, NULL),
('AUDIT_DENIAL_RISK', 'payer COMM1 0.50 and procedure 99213 0.08 blend to 0.29', pg_temp.lines('{"payer_id": "COMM1"}', '{"procedure": "99213"}'), false, NULL),
('AUDIT_DENIAL_RISK', 'payer COMM1 0.50 and procedure 85025 0.12 blend to 0.31', pg_temp.lines('{"payer_id": "COMM1"}', '{"procedure": "85025"}'), true,
 'line 1 (85025): learned denial probability 0.31, at or above 0.30 (from the payer and procedure rates blended, 40 training lines or more each)'),
-- AUDIT_MANY_WARNINGS: three warnings or more (FIELD_UNKNOWN, DX_DUPLICATE and DX_UNSPECIFIED are warnings)
('AUDIT_MANY_WARNINGS', 'three warnings', pg_temp.claim('{"diagnoses": ["E11.9", "I10", "M17.10", "E11.9"], "note_to_payer": "urgent"}'), NULL, NULL),
('AUDIT_MANY_WARNINGS', 'two warnings', pg_temp.claim('{"diagnoses": ["E11.9", "I10", "E11.9"]}'), false, NULL);

-- the MANY_WARNINGS case: its expectation comes from validate() itself
UPDATE cases SET fires = (SELECT count(*) >= 3 FROM cleanclaim.validate(claim) WHERE severity = 'warning')
WHERE fires IS NULL;
SELECT ok((SELECT fires FROM cases WHERE note = 'three warnings'), 'the three-warnings claim has three warnings');
UPDATE cases SET reason = (SELECT format('%s warnings (%s), at or above 3', count(*), string_agg(rule_id, ', '))
						   FROM cleanclaim.validate(claim) WHERE severity = 'warning')
WHERE note = 'three warnings';

SELECT is_empty($$SELECT rule_id FROM rule_catalog() WHERE category = 'audit' EXCEPT SELECT rule FROM cases WHERE fires$$,
				'every audit rule has a case that flags it');
SELECT is_empty($$SELECT rule_id FROM rule_catalog() WHERE category = 'audit' EXCEPT SELECT rule FROM cases WHERE NOT fires$$,
				'every audit rule has a near miss');

-- one test per case: the rule's flag and reason, or none
SELECT is(pg_temp.flagged(rule, claim), reason,
		  format('%s %s: %s', rule, CASE WHEN fires THEN 'flags' ELSE 'does not flag' END, note))
FROM cases ORDER BY n;

-- the base claim has no flag at all; the audit rules never show in validate()
SELECT is_empty($$SELECT * FROM cleanclaim.audit_flags(pg_temp.claim())$$, 'the base claim has no audit flag');
SELECT is_empty($$SELECT * FROM cases c, cleanclaim.validate(c.claim) v WHERE v.rule_id LIKE 'AUDIT\_%'$$,
				'validate() never reports an audit rule');

-- needs_audit and audit_score agree with the flags; the score is capped at 100
SELECT is_empty($$SELECT c.n FROM cases c
				   WHERE cleanclaim.needs_audit(c.claim) <> EXISTS (SELECT 1 FROM cleanclaim.audit_flags(c.claim))
				      OR cleanclaim.audit_score(c.claim) <> least(100, (SELECT coalesce(sum(weight), 0) FROM cleanclaim.audit_flags(c.claim)))$$,
				'needs_audit() and audit_score() agree with audit_flags() on every case');
SELECT is(cleanclaim.audit_score(pg_temp.lines('{"payer_id": "MCR01"}', '{"procedure": "27299", "modifiers": ["22"], "charge": 45000}',
											   '{"procedure": "85025", "modifiers": ["59"], "charge": 45000}')),
		  100::float8, 'high dollar 40 + denial risk 30 + unlisted 25 + modifier 20 = 115, capped at 100');
SELECT is((SELECT array_agg(flag || ' ' || weight ORDER BY flag) FROM cleanclaim.rule_catalog() r(flag, category, s, o, e, weight) WHERE category = 'audit'),
		  ARRAY['AUDIT_DENIAL_RISK 30', 'AUDIT_HIGH_DOLLAR 40', 'AUDIT_MANY_WARNINGS 15', 'AUDIT_RISKY_MODIFIER 20', 'AUDIT_UNLISTED_PROC 25'],
		  'the default weights');

-- the flags of a claim as a row (jsonb lines) are the same as jsonb (but for
-- the claim with a field the row type has no column for)
CREATE TEMP TABLE claim_rows AS
SELECT c.n, r.* FROM cases c,
	jsonb_to_record(c.claim) AS r(claim_id text, claim_type text, payer_id text, member_id text, patient_birth_date date,
								  patient_sex text, billing_npi text, rendering_npi text, referring_npi text, place_of_service text,
								  frequency_code text, type_of_bill text, original_claim_id text, prior_auth text, service_from date,
								  service_to date, submitted_on date, total_charge numeric, expected_amount numeric, diagnoses text[], lines jsonb);
SELECT is_empty($$SELECT c.n FROM cases c JOIN claim_rows r USING (n)
				   WHERE NOT c.claim ? 'note_to_payer' AND (SELECT array_agg(a ORDER BY a) FROM cleanclaim.audit_flags(c.claim) a)
						 IS DISTINCT FROM (SELECT array_agg(a ORDER BY a) FROM cleanclaim.audit_flags(r) a)$$,
				'a claim as a row has the flags it has as jsonb');

-- a FHIR R4 Claim is audited as the same claim in the contract's jsonb
SELECT is((SELECT string_agg(flag || ': ' || reason, '; ' ORDER BY flag) FROM cleanclaim.audit_flags('{
		"resourceType": "Claim", "status": "active", "use": "claim",
		"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type", "code": "professional"}]},
		"insurer": {"identifier": {"value": "MCR01"}},
		"billablePeriod": {"start": "2024-03-04", "end": "2024-03-04"},
		"item": [{"sequence": 1, "productOrService": {"coding": [{"code": "27299"}]},
				  "modifier": [{"coding": [{"code": "59"}]}], "quantity": {"value": 1}, "net": {"value": 60000}}],
		"total": {"value": 60000}}'::jsonb)),
		  (SELECT string_agg(flag || ': ' || reason, '; ' ORDER BY flag) FROM cleanclaim.audit_flags(
			pg_temp.lines('{}', '{"procedure": "27299", "modifiers": ["59"], "charge": 60000}'))),
		  'a FHIR R4 Claim has the flags of the same claim in jsonb');

-- denial_risk: the probability any line is denied, expected dollars, the lines
SELECT is((SELECT row(round(probability::numeric, 4), expected_denied, jsonb_array_length(lines))::text
		   FROM cleanclaim.denial_risk(pg_temp.lines('{}', '{"procedure": "99213", "charge": 100}', '{"procedure": "85025", "modifiers": ["59"], "charge": 200}'))),
		  '(0.4995,99.00,2)',
		  'denial_risk: 99213 has no MCR01 row of its own, so MCR01 0.10 and 99213 0.08 blend to 0.09; 1 - (1 - 0.09)(1 - 0.45) = 0.4995; 100 x 0.09 + 200 x 0.45 = 99.00');
SELECT is((SELECT lines->0->>'procedure' || ' ' || (lines->0->>'probability') || ' ' || (lines->0->>'basis') || ' / ' ||
				  (lines->1->>'procedure') || ' ' || (lines->1->>'probability') || ' ' || (lines->1->>'basis')
		   FROM cleanclaim.denial_risk(pg_temp.lines('{}', '{"procedure": "99213", "charge": 100}', '{"procedure": "85025", "modifiers": ["59"], "charge": 200}'))),
		  '85025 0.4500 payer, procedure and modifiers / 99213 0.0900 payer and procedure rates blended',
		  'the lines, riskiest (in expected dollars) first, with where their probability comes from');
SELECT is((SELECT row(probability, expected_denied, lines)::text FROM cleanclaim.denial_risk(pg_temp.lines('{}', '{"procedure": null}'))),
		  '(0,0.00,[])', 'a claim without a procedure has no risk');
SELECT is((SELECT lines->0->>'basis' FROM cleanclaim.denial_risk(pg_temp.lines('{"payer_id": "NEWPAYER"}', '{"procedure": "97110"}'))),
		  'overall', 'an unknown payer and procedure get the overall rate');
DELETE FROM cleanclaim.denial_model;
SELECT is((SELECT row(probability, expected_denied, lines)::text FROM cleanclaim.denial_risk(pg_temp.claim())),
		  '(,,)', 'with an empty model denial_risk() is NULL');
SELECT is_empty($$SELECT * FROM cleanclaim.audit_flags(pg_temp.line(pg_temp.claim(), 2, '{"modifiers": ["59"]}')) WHERE flag = 'AUDIT_DENIAL_RISK'$$,
				'with an empty model AUDIT_DENIAL_RISK does not flag');

-- settings: a payer's threshold, modifier list, unlisted codes, warning count; a rule off
INSERT INTO cleanclaim.rule_settings (rule_id, payer_id, params) VALUES
	('AUDIT_RISKY_MODIFIER', 'MCR01', '{"modifiers": ["rt"]}'),
	('AUDIT_UNLISTED_PROC', 'MCR01', '{"codes": ["85025"]}'),
	('AUDIT_MANY_WARNINGS', 'MCR01', '{"warnings": 1}');
INSERT INTO cleanclaim.rule_settings (rule_id, payer_id, enabled) VALUES ('AUDIT_HIGH_DOLLAR', 'MCR01', false);
SELECT is((SELECT string_agg(flag, ' ' ORDER BY flag) FROM cleanclaim.audit_flags(
			pg_temp.line(pg_temp.claim('{"total_charge": 90000, "diagnoses": ["E11.9", "I10", "E11.9"]}'), 2, '{"modifiers": ["RT", "59"]}'))),
		  'AUDIT_MANY_WARNINGS AUDIT_RISKY_MODIFIER AUDIT_UNLISTED_PROC',
		  'a payer''s settings: RT is risky (59 no longer), 85025 is unlisted, one warning is many, high dollar off');
SELECT is((SELECT reason FROM cleanclaim.audit_flags(pg_temp.line(pg_temp.claim(), 2, '{"modifiers": ["RT", "59"]}')) WHERE flag = 'AUDIT_RISKY_MODIFIER'),
		  'modifier RT on line 2: payers review it by hand; the record must show (RT) the side in the note', 'the payer''s modifier list replaces the default one');
DELETE FROM cleanclaim.rule_settings;

-- modifier_settings: COMM1 no longer reviews 25, every payer now reviews 51
-- and the reference itself 26; a payer's row wins over the every-payer row
INSERT INTO cleanclaim.modifier_settings (payer_id, modifier, scrutinized) VALUES ('COMM1', '25', false), (NULL, '51', true), (NULL, '25', true);
UPDATE cleanclaim.modifier_reference SET scrutinized = true WHERE modifier = '26';
CREATE TEMP TABLE scrutiny AS
SELECT c.payer, (SELECT reason FROM cleanclaim.audit_flags(pg_temp.lines(jsonb_build_object('payer_id', c.payer),
				'{"procedure": "99213", "modifiers": ["25"]}', '{"procedure": "73610", "modifiers": ["26", "51"]}'))
				 WHERE flag = 'AUDIT_RISKY_MODIFIER') AS reason
FROM (VALUES ('COMM1'), ('MCR01')) c(payer);
SELECT is((SELECT reason FROM scrutiny WHERE payer = 'COMM1'),
		  'modifier 26 on line 2, 51 on line 2: payers review these by hand; the record must show (26) a signed interpretation or report by the billing professional; (51) each procedure in the operative note',
		  'modifier_settings: the payer''s own row turns 25 off; the every-payer row turns 51 on; the reference turns 26 on');
SELECT matches((SELECT reason FROM scrutiny WHERE payer = 'MCR01'), '^modifier 25 on line 1, 26 on line 2, 51 on line 2:',
			   'another payer: 25, 26 and 51');
DELETE FROM cleanclaim.modifier_settings;
UPDATE cleanclaim.modifier_reference SET scrutinized = false WHERE modifier = '26';
SELECT is_empty($$SELECT * FROM cleanclaim.audit_flags(pg_temp.line(pg_temp.claim(), 2, '{"modifiers": ["26"]}')) WHERE flag = 'AUDIT_RISKY_MODIFIER'$$,
				'the reference read again after the change: 26 is not reviewed');
SELECT throws_ok($$INSERT INTO cleanclaim.modifier_settings (payer_id, modifier, scrutinized) VALUES ('NOPAYER', '25', true)$$,
				 '23503', NULL, 'a setting for a payer not in payers is refused');
SELECT throws_ok($$INSERT INTO cleanclaim.modifier_settings (modifier, scrutinized) VALUES ('25', true), ('25', false)$$,
				 '23505', NULL, 'one every-payer row per modifier');
SELECT throws_ok($$INSERT INTO cleanclaim.rule_settings (rule_id, params) VALUES ('AUDIT_DENIAL_RISK', '{"threshold": 1.5}')$$,
				 '22023', NULL, 'a denial-risk threshold above 1 is refused');
SELECT throws_ok($$INSERT INTO cleanclaim.rule_settings (rule_id, params) VALUES ('AUDIT_RISKY_MODIFIER', '{"modifiers": ["259"]}')$$,
				 '22023', NULL, 'a modifier of three characters is refused');
SELECT throws_ok($$INSERT INTO cleanclaim.rule_settings (rule_id, params) VALUES ('AUDIT_UNLISTED_PROC', '{"codes": ["ABCDEF"]}')$$,
				 '22023', NULL, 'an unlisted code that is not a HCPCS code is refused');
SELECT throws_ok($$INSERT INTO cleanclaim.audit_thresholds (setting, threshold) VALUES ('emergency', 1000)$$,
				 '23514', NULL, 'an unknown setting is refused');
SELECT throws_ok($$INSERT INTO cleanclaim.audit_thresholds (setting, threshold) VALUES ('inpatient', 0)$$,
				 '23514', NULL, 'a threshold of 0 is refused');
SELECT throws_ok($$INSERT INTO cleanclaim.audit_thresholds (setting, threshold) VALUES ('inpatient', 'NaN')$$,
				 '23514', NULL, 'a threshold of NaN is refused');
SELECT throws_ok($$INSERT INTO cleanclaim.audit_thresholds (setting, threshold) VALUES ('outpatient', 1000)$$,
				 '23505', NULL, 'one every-payer row per setting and basis');

-- each audit rule alone (the others off) flags the same: the fields it
-- reads are the ones its catalog row lists (AUDIT_MANY_WARNINGS needs the
-- other rules on, to have warnings to count)
DELETE FROM cleanclaim.rule_settings;
INSERT INTO cleanclaim.denial_model (payer_id, procedure, modifiers, lines, denied_lines, probability) VALUES
	(NULL, NULL, NULL, 100, 10, 0.10), ('MCR01', NULL, NULL, 60, 6, 0.10), (NULL, '99213', NULL, 50, 4, 0.08),
	(NULL, '85025', NULL, 50, 6, 0.12), ('MCR01', '85025', NULL, 30, 6, 0.20), ('MCR01', '85025', '59', 30, 15, 0.45),
	('MCR01', '85025', '', 30, 2, 0.07), ('MCR01', '85025', '76', 29, 20, 0.69), ('COMM1', NULL, NULL, 40, 20, 0.50);
CREATE FUNCTION pg_temp.cases_that_change_alone() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	r text;
BEGIN
	FOR r IN SELECT DISTINCT rule FROM cases WHERE rule <> 'AUDIT_MANY_WARNINGS' ORDER BY 1 LOOP
		DELETE FROM cleanclaim.rule_settings;
		INSERT INTO cleanclaim.rule_settings (rule_id, enabled)
		SELECT rule_id, rule_id = r FROM cleanclaim.rule_catalog();
		RETURN QUERY SELECT format('%s: %s (gives %s)', c.rule, c.note, coalesce(pg_temp.flagged(c.rule, c.claim), 'nothing'))
					 FROM cases c WHERE c.rule = r AND pg_temp.flagged(c.rule, c.claim) IS DISTINCT FROM c.reason;
	END LOOP;
	DELETE FROM cleanclaim.rule_settings;
END $$;
SELECT is_empty('SELECT * FROM pg_temp.cases_that_change_alone()', 'each audit rule alone flags what it flags with every rule on');

SELECT * FROM finish();
ROLLBACK;
