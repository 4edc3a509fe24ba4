-- pgTAP: the public 835 samples of ../shared/data/x12 (linuxforhealth,
-- 005010X221A1), read in place by read_835() and its companions.  The
-- expected values are written down from the files, segment by segment;
-- validate_835() finds the slips the files have (a BPR16 date missing or
-- not a date, a component separator other than ISA16's, a service line
-- whose procedure was written as two elements) and nothing else.
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
SELECT skip('no shared data (set CLEANCLAIM_DATA): the 835 samples are not there to read', 1);
\else
SELECT plan(12);
\set d :data_dir '/x12/linuxforhealth_x12/835_005010X221A1'
CREATE TEMP TABLE files (name text PRIMARY KEY, x12 text);
INSERT INTO files
SELECT f, pg_read_file(:'d' || '/' || f || '.835')
FROM unnest(ARRAY['cob-contractural-adjustment', 'managed-care', 'medicare-part-a', 'secondary-payment', 'tertiary-payment']) f;

-- every claim payment of the five files: CLP01-07, the payment (BPR02, TRN02) and the patient (NM1*QC)
SELECT results_eq(
	$$SELECT f.name, r.claim_id, r.status_code, r.charge, r.paid, r.patient_responsibility, r.claim_filing_indicator,
			 r.payer_claim_number, r.payment_amount, r.trace_number, r.patient_last_name, r.member_id
	  FROM files f, read_835(f.x12) r ORDER BY f.name, r.claim_no$$,
	$$VALUES ('cob-contractural-adjustment', '0001000055', '2', 541.00, 34.00, NULL::numeric, '12', '50650619501', 34.00, '0063158ABC', 'BURCK', '987654321'),
			 ('managed-care', '5554555444', '1', 800.00, 450.00, 300.00, '12', '94060555410000', 945.00, '7170066655', 'BUDD', '33344555510'),
			 ('managed-care', '8765432112', '1', 1200.00, 495.00, 600.00, '12', '94077799230000', 945.00, '7170066655', 'SETTLE', '44455666610'),
			 ('medicare-part-a', '666123', '1', 211366.97, 138018.40, NULL, 'MA', '1999999444444', 150000.00, '12345', 'JONES', '666666666A'),
			 ('medicare-part-a', '777777', '1', 15000.00, 11980.33, NULL, 'MB', '1999999444445', 150000.00, '12345', 'BORDER', '996669999B'),
			 ('secondary-payment', 'L0004828311', '2', 10323.64, 912.00, NULL, '12', '05090256390', 1222.00, '0012524965', 'TOWNSEND', 'XXX123456789'),
			 ('secondary-payment', '0001000053', '2', 751.50, 310.00, 220.00, '12', '05630626430', 1222.00, '0012524965', 'BAKI', '456789123'),
			 ('tertiary-payment', '0001000054', '3', 1766.50, 187.50, NULL, '12', '50580155533', 187.50, '0012524879', 'ISLAND', '789123456')$$,
	'the 835 samples: every claim payment, its amounts, codes, payment and patient as the files write them');

-- the header: payer (N1*PR, its id from N104, REF*2U or TRN03), payee (N1*PE), method, date
SELECT results_eq(
	$$SELECT DISTINCT f.name, r.payer_id, r.payer_name, r.payee_id, r.payee_name, r.payment_method, r.payment_date
	  FROM files f, read_835(f.x12) r ORDER BY f.name$$,
	$$VALUES ('cob-contractural-adjustment', '1566339911', 'YOUR TAX DOLLARS AT WORK', '3UR334563', 'ATONEWITHHEALTH', 'CHK', '2005-03-18'::date),
			 ('managed-care', '1935665544', 'RUSHMORE LIFE', '5544667733', 'ACME MEDICAL CENTER', 'ACH', '2002-03-14'),
			 ('medicare-part-a', '999', 'INSURANCE COMPANY OF TIMBUCKTU', '6543210903', 'REGIONAL HOPE HOSPITAL', 'ACH', '2002-09-13'),
			 ('secondary-payment', '1559123456', 'YOUR TAX DOLLARS AT WORK', '599944521', 'ACME MEDICAL CENTER', 'CHK', '2005-04-12'),
			 ('tertiary-payment', '1559123456', 'YOUR TAX DOLLARS AT WORK', '599944521', 'ACME MEDICAL CENTER', 'CHK', '2005-04-12')$$,
	'the 835 samples: payer, payee, method; the date from BPR16, or DTM*405 where BPR16 is missing or not a date');

-- claim dates (DTM*232, 233), facility and frequency (CLP08, 09), remark codes (MOA, MIA), line counts
SELECT results_eq(
	$$SELECT r.claim_id, r.service_from, r.service_to, r.facility_code, r.frequency_code, r.remark_codes, r.lines
	  FROM files f, read_835(f.x12) r WHERE f.name IN ('medicare-part-a', 'secondary-payment') ORDER BY f.name, r.claim_no$$,
	$$VALUES ('666123', '2002-08-16'::date, '2002-08-24'::date, '11', '1', '{}'::text[], 0),
			 ('777777', '2002-05-12', NULL, '13', '1', '{MA02}', 0),
			 ('L0004828311', '2005-03-03', '2005-03-04', '11', '1', '{}', 0),
			 ('0001000053', '2005-01-06', '2005-01-06', NULL, NULL, '{}', 2)$$,
	'medicare-part-a and secondary-payment: dates, facility and frequency codes, remark codes, service lines');

-- service lines: SVC01 (with > as the files write it), 02, 03, 04, 05, DTM*472 or 150/151, AMT*B6
SELECT results_eq(
	$$SELECT f.name, l.claim_id, l.line_no, l.qualifier, l.procedure, l.modifiers, l.charge, l.paid, l.revenue_code, l.units,
			 l.service_from, l.service_to, l.allowed
	  FROM files f, read_835_lines(f.x12) l ORDER BY f.name, l.claim_no, l.line_no$$,
	$$VALUES ('cob-contractural-adjustment', '0001000055', 1, 'HC', '55669', '{}'::text[], 541.00, 34.00, NULL, 1.00, '2005-02-02'::date, NULL::date, 550.00),
			 ('managed-care', '5554555444', 1, 'HC', '99211', '{}', 800.00, 500.00, NULL, NULL, '2002-03-01', '2002-03-04', NULL),
			 ('managed-care', '8765432112', 1, 'HC', '93555', '{}', 1200.00, 550.00, NULL, NULL, '2002-03-10', '2002-03-12', NULL),
			 ('secondary-payment', '0001000053', 1, 'HC', '12345', '{26}', 166.50, 30.00, NULL, 1.00, '2005-01-06', NULL, 150.00),
			 ('secondary-payment', '0001000053', 2, 'HC', '66543', '{26}', 585.00, 280.00, '220', 1.00, '2005-01-06', NULL, 500.00),
			 ('tertiary-payment', '0001000054', 1, 'HC', NULL, '{}', 24599.00, 1766.50, '187.50', NULL, '2005-01-20', NULL, 1700.00)$$,
	'the 835 samples: every service line as written (tertiary-payment writes HC and its code as two elements: read as written)');

-- adjustments: claim level (line_no NULL) and line level, every triplet
SELECT results_eq(
	$$SELECT f.name, a.claim_id, a.line_no, a.triplet, a.group_code, a.carc, a.amount
	  FROM files f, read_835_adjustments(f.x12) a ORDER BY f.name, a.claim_no, a.cas_segment, a.triplet$$,
	$$VALUES ('cob-contractural-adjustment', '0001000055', 1, 1, 'OA', '23', 516.00),
			 ('cob-contractural-adjustment', '0001000055', 1, 1, 'OA', '94', -9.00),
			 ('managed-care', '5554555444', NULL, 1, 'CO', 'A2', 50.00),
			 ('managed-care', '5554555444', 1, 1, 'PR', '1', 300.00),
			 ('managed-care', '8765432112', NULL, 1, 'CO', 'A2', 55.00),
			 ('managed-care', '8765432112', 1, 1, 'PR', '1', 600.00),
			 ('managed-care', '8765432112', 1, 1, 'CO', '45', 50.00),
			 ('medicare-part-a', '666123', NULL, 1, 'CO', '45', 73348.57),
			 ('medicare-part-a', '777777', NULL, 1, 'CO', '45', 3019.67),
			 ('secondary-payment', 'L0004828311', NULL, 1, 'OA', '23', 9411.64),
			 ('secondary-payment', '0001000053', 1, 1, 'OA', '23', 136.50),
			 ('secondary-payment', '0001000053', 2, 1, 'PR', '1', 150.00),
			 ('secondary-payment', '0001000053', 2, 2, 'PR', '2', 70.00),
			 ('secondary-payment', '0001000053', 2, 1, 'CO', '42', 85.00),
			 ('tertiary-payment', '0001000054', 1, 1, 'OA', '23', 1579.00)$$,
	'the 835 samples: every adjustment (CAS) at claim and line level, with its group, reason and amount');

SELECT results_eq(
	$$SELECT p.provider_id, p.fiscal_period, p.reason, p.reference, p.amount FROM files f, read_835_provider_adjustments(f.x12) p$$,
	$$VALUES ('6543210903', '2002-12-31'::date, 'CV', 'CP', -1.27)$$,
	'medicare-part-a: its PLB, a capital pass-through of -1.27');

-- the balance, by hand: each claim's CLP03 - CLP04 is its CAS and its lines' CAS
SELECT is((SELECT string_agg(r.claim_id, ', ') FROM files f, read_835(f.x12) r
		   WHERE r.charge - r.paid <> (SELECT coalesce(sum(a.amount), 0) FROM read_835_adjustments(f.x12) a WHERE a.claim_no = r.claim_no)),
		  NULL, 'the 835 samples: every claim payment balances with its adjustments');
SELECT results_eq(
	$$SELECT f.name, v.claim_id, v.segment_id, v.element, v.rule_id FROM files f, validate_835(f.x12) v ORDER BY f.name, v.segment_no$$,
	$$VALUES ('cob-contractural-adjustment', NULL, 'ISA', 16, 'X12_SEPARATOR_MISMATCH'),
			 ('cob-contractural-adjustment', NULL, 'BPR', 16, 'X12_ELEMENT_MISSING'),
			 ('managed-care', NULL, 'BPR', 16, 'X12_VALUE_INVALID'),
			 ('secondary-payment', NULL, 'ISA', 16, 'X12_SEPARATOR_MISMATCH'),
			 ('secondary-payment', NULL, 'BPR', 16, 'X12_ELEMENT_MISSING'),
			 ('tertiary-payment', NULL, 'BPR', 16, 'X12_ELEMENT_MISSING'),
			 ('tertiary-payment', '0001000054', 'SVC', 3, 'X12_835_UNBALANCED')$$,
	'validate_835 on the samples: the slips they have, each at its segment and element, and nothing else');
SELECT is((SELECT message FROM files f, validate_835(f.x12) v WHERE f.name = 'tertiary-payment' AND v.rule_id = 'X12_835_UNBALANCED'),
		  'service line 1 does not balance: SVC02 24599.00 minus SVC03 1766.50 is 22832.50, but its adjustments (CAS) add up to 1579.00',
		  'tertiary-payment: the line read as written does not balance, with the amounts');
-- the payments balance: BPR02 = the CLP04s less the PLBs (medicare-part-a: 149,998.73 + 1.27)
SELECT is((SELECT count(*) FROM files f, validate_835(f.x12) v WHERE v.segment_id = 'BPR' AND v.element = 2), 0::bigint,
		  'the 835 samples: every payment is its claims'' payments less its provider adjustments');
-- the demo 835 (demo-file/demo.835) is medicare-part-a's transaction
SELECT results_eq(
	format('SELECT claim_id, charge, paid FROM read_835(%L)', pg_read_file(:'data_dir' || '/x12/linuxforhealth_x12/demo-file/demo.835')),
	$$VALUES ('666123', 211366.97, 138018.40), ('777777', 15000.00, 11980.33)$$,
	'demo-file/demo.835: its two claim payments');
-- an 837 sample has no claim payment
SELECT is((SELECT count(*) FROM read_835(pg_read_file(:'data_dir' || '/x12/linuxforhealth_x12/837_005010X222A2/demo.example1.837'))),
		  0::bigint, 'an 837 file has no claim payment');
\endif

SELECT * FROM finish();
ROLLBACK;
