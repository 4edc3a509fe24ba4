-- pgTAP: the public 277 and 271 samples of ../shared/data/x12
-- (linuxforhealth: 277 claim status responses 005010X212, 271 eligibility
-- responses 005010X279A1), read in place by read_277ca() and read_271().
-- The expected values are written down from the files.
\set QUIET 1
\pset format unaligned
\pset tuples_only true
\pset pager off
\set ON_ERROR_STOP true

BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS cleanclaim;
SET search_path = cleanclaim, public;

SELECT :'data_dir' = '' AS no_data \gset
\if :no_data
SELECT plan(1);
SELECT skip('no shared data (set CLEANCLAIM_DATA): the 277 and 271 samples are not there to read', 1);
\else
SELECT plan(8);
\set d :data_dir '/x12/linuxforhealth_x12'
CREATE TEMP TABLE files (name text PRIMARY KEY, x12 text);
INSERT INTO files
SELECT f, pg_read_file(:'d' || '/' || f)
FROM unnest(ARRAY['277_005010X212/claim-level-status.277', '277_005010X212/claim-level-status-ncpdp.277',
				  '277_005010X212/information-receiver-level-status.277', '277_005010X212/provider-level-status.277',
				  '271_005010X279A1/subscriber-health-benefit-check.271', '271_005010X279A1/dependent-health-benefit-check.271',
				  '271_005010X279A1/subscriber-health-benefit-check-error.271', 'demo-file/demo.277', 'demo-file/demo.271']) f;

-- every status of the four 277s: level, claim (REF*EJ, else TRN02), STC01, STC02, STC04, REF*1K
SELECT results_eq(
	$$SELECT f.name, s.level, s.claim_id, s.trace_number, s.category, s.status_code, s.entity, s.status_date, s.charge,
			 s.payer_claim_number
	  FROM files f, read_277ca(f.x12) s WHERE f.name LIKE '277%' ORDER BY f.name, s.segment_no$$,
	$$VALUES ('277_005010X212/claim-level-status-ncpdp.277', 'claim', 'ABCXYZ1', 'ABCXYZ1', 'F2', '80', NULL, '2006-03-01'::date, 85.00, '05347006051'),
			 ('277_005010X212/claim-level-status.277', 'claim', 'SM123456', 'ABCXYZ1', 'P3', '317', NULL, '2005-09-13', 8513.88, '05347006051'),
			 ('277_005010X212/claim-level-status.277', 'claim', 'J0234567', 'ABCXYZ2', 'F0', '3', NULL, '2005-09-15', 7599.00, '0529675341'),
			 ('277_005010X212/claim-level-status.277', 'claim', 'MA345678', 'ABCXYC3', 'F2', '88', 'QC', '2005-06-12', 150.00, '051681010827'),
			 ('277_005010X212/claim-level-status.277', 'line', 'MA345678', 'ABCXYC3', 'F2', '88', 'QC', '2005-06-12', 150.00, '051681010827'),
			 ('277_005010X212/information-receiver-level-status.277', 'receiver', 'ABC276XXX', 'ABC276XXX', 'E0', '0', NULL, '2005-09-16', NULL, NULL),
			 ('277_005010X212/provider-level-status.277', 'claim', 'SM123456', 'ABCXYZ1', 'P3', '317', NULL, '2005-09-13', 8513.88, '05347006051'),
			 ('277_005010X212/provider-level-status.277', 'provider', '0', '0', 'E0', '24', '85', '2005-09-16', NULL, NULL)$$,
	'the 277 samples: every status, at its level, with its claim, codes, date, charge and payer claim number');
SELECT results_eq(
	$$SELECT s.claim_id, s.payer_id, s.provider_id, s.patient_last_name, s.patient_first_name, s.member_id, s.service_from,
			 s.service_to, s.bill_type, s.procedure
	  FROM files f, read_277ca(f.x12) s WHERE f.name = '277_005010X212/claim-level-status.277' ORDER BY s.segment_no$$,
	$$VALUES ('SM123456', '12345', '1666666661', 'SMITH', 'FRED', '123456789A', '2005-08-31'::date, '2005-09-06'::date, '111', NULL),
			 ('J0234567', '12345', '1666666661', 'JONES', 'MARY', '234567890A', '2005-07-31', '2005-08-09', '111', NULL),
			 ('MA345678', '12345', '166666666', 'MANN', 'JOSEPH', '345678901', NULL, NULL, NULL, NULL),
			 ('MA345678', '12345', '166666666', 'MANN', 'JOSEPH', '345678901', '2005-05-01', '2005-05-01', NULL, '99203')$$,
	'claim-level-status.277: payer, provider, patient (a dependent under its subscriber''s id), dates (RD8 ranges), bill type, the line''s procedure');
-- a 277 is a status, not an acknowledgment: none of its categories (P, F, E) accepts or rejects
SELECT is((SELECT count(*) FROM files f, read_277ca(f.x12) s WHERE s.acknowledgment IS NOT NULL), 0::bigint,
		  'the 277 samples: no status that is an acknowledgment (their categories are P, F and E)');
SELECT set_eq($$SELECT s::text FROM files f, read_277ca(f.x12) s WHERE f.name = 'demo-file/demo.277'$$,
			  $$SELECT s::text FROM files f, read_277ca(f.x12) s WHERE f.name = '277_005010X212/claim-level-status.277'$$,
			  'demo-file/demo.277 reads as claim-level-status.277, its twin');

-- the 271s: each member, its coverage, plan and dates; the AAA of the error sample
SELECT results_eq(
	$$SELECT f.name, m.hl_id, m.level, m.payer_id, m.provider_id, m.trace_number, m.member_id, m.last_name, m.first_name,
			 m.birth_date, m.sex, m.coverage, m.plan, m.coverage_from, m.rejections, m.benefits
	  FROM files f, read_271(f.x12) m WHERE f.name LIKE '271%' ORDER BY f.name, m.segment_no$$,
	$$VALUES ('271_005010X279A1/dependent-health-benefit-check.271', '3', 'subscriber', '841610001', '2000035', NULL, '123456789', 'SMITH', 'JOHN', '1963-05-19'::date, 'M', NULL, NULL, NULL::date, '{}'::text[], 0),
			 ('271_005010X279A1/dependent-health-benefit-check.271', '4', 'dependent', '841610001', '2000035', '93175-012547', '123456789', 'SMITH', 'MARY', '1998-10-14', 'F', 'active', 'GOLD 123 PLAN', '2006-01-01', '{}', 5),
			 ('271_005010X279A1/subscriber-health-benefit-check-error.271', '2', 'receiver', '842610001', '2000035', NULL, NULL, NULL, NULL, NULL, NULL, 'rejected', NULL, NULL, '{50}', 0),
			 ('271_005010X279A1/subscriber-health-benefit-check.271', '3', 'subscriber', '841610001', '2000035', '93175-012547', '123456789', 'SMITH', 'JOHN', '1963-05-19', 'M', 'active', 'GOLD 123 PLAN', '2006-01-01', '{}', 5)$$,
	'the 271 samples: every member (a dependent under its subscriber''s id), coverage, plan, plan begin (DTP*346), and the receiver the error sample rejects (AAA03 50)');
SELECT results_eq(
	$$SELECT b.benefit_no, b.code, b.service_types, b.insurance_type, b.plan, b.time_period, b.amount, b.in_network
	  FROM files f, read_271_benefits(f.x12) b WHERE f.name = '271_005010X279A1/subscriber-health-benefit-check.271' ORDER BY b.benefit_no$$,
	$$VALUES (1, '1', '{30}'::text[], NULL, 'GOLD 123 PLAN', NULL, NULL::numeric, NULL),
			 (2, 'L', '{}', NULL, NULL, NULL, NULL, NULL),
			 (3, '1', '{1,33,35,47,86,88,98,AL,MH,UC}', NULL, NULL, NULL, NULL, NULL),
			 (4, 'B', '{1,33,35,47,86,88,98,AL,MH,UC}', 'HM', 'GOLD 123 PLAN', '27', 10.00, 'Y'),
			 (5, 'B', '{1,33,35,47,86,88,98,AL,MH,UC}', 'HM', 'GOLD 123 PLAN', '27', 30.00, 'N')$$,
	'subscriber-health-benefit-check.271: its five benefits, the co-payments of 10.00 in network and 30.00 out');
SELECT set_eq($$SELECT m::text FROM files f, read_271(f.x12) m WHERE f.name = 'demo-file/demo.271'$$,
			  $$SELECT m::text FROM files f, read_271(f.x12) m WHERE f.name = '271_005010X279A1/subscriber-health-benefit-check.271'$$,
			  'demo-file/demo.271 reads as subscriber-health-benefit-check.271, its twin');
-- a 270 (the question) has no member of a 271 (the answer)
SELECT is((SELECT count(*) FROM read_271(pg_read_file(:'d' || '/270_005010X279A1/subscriber-health-benefit-check.270'))), 0::bigint,
		  'a 270 file has no 271 member');
\endif

SELECT * FROM finish();
ROLLBACK;
