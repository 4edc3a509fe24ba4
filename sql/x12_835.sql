-- read_835() and its companions, validate_835(): the 835 remittance of our
-- own test file (test/fixtures/clinic.835, written for these tests: the
-- payer's answer to test/fixtures/clinic.837): three transaction sets, a
-- paid claim with two lines, a denied one (CARC 50, remark N115), a paid
-- one later reversed (CLP02 22) and paid again, a hospital claim, a claim
-- the office never sent, and an interest payment (PLB L6).  Then the same
-- file with slips, one at a time, each found at its segment and element.
SET search_path = cleanclaim, public;
\set x835 `cat test/fixtures/clinic.835`
CREATE TEMP TABLE f AS SELECT :'x835'::text AS x12;

-- the claim payments, with their payment
SELECT transaction_control, trace_number, payer_id, payer_name, payee_id, payment_amount, payment_method, payment_date
FROM read_835((SELECT x12 FROM f)) GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1;
SELECT claim_no, clp_segment, claim_id, status_code, charge, paid, patient_responsibility, claim_filing_indicator,
	   payer_claim_number, facility_code, frequency_code, patient_last_name, member_id, service_from, received_on,
	   remark_codes, lines
FROM read_835((SELECT x12 FROM f));
SELECT * FROM read_835_lines((SELECT x12 FROM f));
SELECT * FROM read_835_adjustments((SELECT x12 FROM f));
SELECT * FROM read_835_provider_adjustments((SELECT x12 FROM f));

-- it balances: no issue
SELECT count(*) AS issues FROM validate_835((SELECT x12 FROM f));

-- the same file with one segment per line or none, and other separators
-- (| elements, > components, ` repetitions, ! terminator): the same rows
SELECT (SELECT array_agg(r) FROM read_835(replace(x12, E'~\n', '~')) r) =
	   (SELECT array_agg(r) FROM read_835(x12) r) AS one_line_same,
	   (SELECT array_agg(r) FROM read_835_adjustments(translate(replace(x12, E'~\n', '!'), '*:^', '|>`')) r) =
	   (SELECT array_agg(r) FROM read_835_adjustments(x12) r) AS other_separators_same
FROM f;

-- Unbalanced: P1001's first line paid 80.00 instead of 85.00 (the line no
-- longer adds up; its claim, which says 100.00, still does), and BPR02
-- 250.00 instead of 252.50
SELECT claim_id, transaction_control, segment_no, segment_id, element, rule_id, message
FROM validate_835((SELECT replace(replace(x12, 'SVC*HC:99214:25*125.00*85.00', 'SVC*HC:99214:25*125.00*80.00'),
								  'BPR*I*252.50', 'BPR*I*250.00') FROM f));
-- the reversal balances with negative amounts; a PLB that is missing from
-- the file shows in the payment's balance
SELECT rule_id, segment_no, segment_id, element, message
FROM validate_835((SELECT replace(x12, E'PLB*1234567893*20261231*L6:INT001*-2.50~\n', '') FROM f));

-- Values: a charge that is not a number, a date that is not a day, a group
-- code that is not one; read_835 gives NULL for them and reads the rest
SELECT claim_id, segment_no, segment_id, element, rule_id, message
FROM validate_835((SELECT replace(replace(replace(x12, 'CLP*P1002*4*90.00', 'CLP*P1002*4*9O.00'),
	'DTM*232*20261118', 'DTM*232*20261131'), 'CAS*CO*50*90.00', 'CAS*XX*50*90.00') FROM f));
SELECT claim_id, charge, service_from FROM read_835((SELECT replace(replace(x12, 'CLP*P1002*4*90.00', 'CLP*P1002*4*9O.00'),
	'DTM*232*20261118', 'DTM*232*20261131') FROM f)) WHERE claim_id = 'P1002';

-- Structure: a claim payment without its patient (NM1*QC), a service line
-- before any CLP, the claim's NM1 after its lines, a CLP after the PLB
SELECT claim_id, segment_no, segment_id, element, rule_id, message
FROM validate_835((SELECT replace(x12, E'CLP*P2001*1*210.50*150.00*0*12*RMH26003*11*1~\nNM1*QC*1*OKAFOR*CHIDI****MI*M2002~\n',
								  E'CLP*P2001*1*210.50*150.00*0*12*RMH26003*11*1~\n') FROM f));
SELECT segment_no, segment_id, rule_id, message
FROM validate_835((SELECT replace(x12, E'LX*1~\nCLP*H3001', E'LX*1~\nSVC*HC:99999*1.00*1.00**1~\nCLP*H3001') FROM f))
WHERE rule_id <> 'X12_SE_COUNT';
SELECT segment_no, segment_id, rule_id, message
FROM validate_835((SELECT replace(x12, E'CAS*CO*50*90.00~\nREF*6R*P1002-1~\nLQ*HE*N115~\n',
	E'CAS*CO*50*90.00~\nREF*6R*P1002-1~\nLQ*HE*N115~\nMOA***N386~\n') FROM f))
WHERE rule_id <> 'X12_SE_COUNT';
SELECT segment_no, segment_id, rule_id, message
FROM validate_835((SELECT replace(x12, E'PLB*1234567893*20261231*L6:INT001*-2.50~\n',
	E'PLB*1234567893*20261231*L6:INT001*-2.50~\nCLP*P9*1*1.00*1.00*0*12*X*11*1~\nNM1*QC*1*A*B****MI*C~\n') FROM f))
WHERE rule_id <> 'X12_SE_COUNT';

-- Envelope slips: a wrong SE count and a GE control number that differs
-- from its GS; read_835 still reads every claim payment
SELECT claim_id, transaction_control, segment_no, segment_id, element, rule_id, message
FROM validate_835((SELECT replace(replace(x12, 'SE*46*0001', 'SE*47*0001'), 'GE*3*201', 'GE*3*202') FROM f));
SELECT count(*) AS claims FROM read_835((SELECT replace(replace(x12, 'SE*46*0001', 'SE*47*0001'), 'GE*3*201', 'GE*3*202') FROM f));

-- Composites written with > when ISA16 declares : (the public samples do
-- it): read as written, reported at the ISA
SELECT procedure, modifiers FROM read_835_lines((SELECT replace(replace(x12, 'HC:99214:25', 'HC>99214>25'), 'L6:INT001', 'L6>INT001') FROM f))
WHERE line_no = 1 AND claim_no = 1;
SELECT segment_no, segment_id, element, rule_id, message
FROM validate_835((SELECT replace(x12, 'HC:99214:25', 'HC>99214>25') FROM f));

-- Other files: an 837 is not an 835; a 4010 835 is not read as 5010;
-- nothing raises for a file that is not X12, is cut short or is binary
SELECT segment_no, segment_id, element, rule_id, message
FROM validate_835((SELECT replace(x12, 'ST*835*0001*005010X221A1', 'ST*837*0001*005010X222A1') FROM f))
WHERE rule_id = 'X12_VERSION_UNSUPPORTED';
SELECT segment_no, segment_id, element, rule_id, message
FROM validate_835((SELECT replace(replace(replace(x12, '*835*0001*005010X221A1', '*835*0001'), '*X*005010X221A1', '*X*004010X091A1'),
	'*00501*', '*00401*') FROM f))
WHERE rule_id = 'X12_VERSION_UNSUPPORTED';
SELECT rule_id, segment_no, segment_id, message FROM validate_835('not an X12 file at all');
SELECT count(*) AS claims, count(*) FILTER (WHERE claim_id = 'P1001') AS p1001
FROM read_835((SELECT left(x12, strpos(x12, 'CLP*P1002') + 3) FROM f));
SELECT rule_id, segment_id, message FROM validate_835((SELECT left(x12, strpos(x12, 'CLP*P1002') + 3) FROM f))
WHERE rule_id IN ('X12_TRAILER_MISSING', 'X12_835_UNBALANCED');
SELECT count(*) AS rows, (SELECT count(*) FROM validate_835('ISA' || chr(1) || repeat(chr(255), 300))) > 0 AS has_issues
FROM read_835('ISA' || chr(1) || repeat(chr(255), 300));
SELECT count(*) AS rows FROM read_835('');
SELECT rule_id, message FROM validate_835('');
SELECT count(*) AS rows_of_null FROM read_835(NULL);
