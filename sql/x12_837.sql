-- read_837(): the claims of an X12 837 file in the claim contract.  The
-- file below is ours (written for this test): one interchange, an 837P
-- (005010X222A1) with a billing provider, a subscriber who is the patient
-- with two claims (the second a replacement, frequency 7), and a subscriber
-- whose dependent (2000C) has one claim with a drug (LIN/CTP); then an 837I
-- (005010X223A2) with one outpatient claim.  One segment per line.
SET search_path = cleanclaim, public;
CREATE TEMP TABLE f AS SELECT $x12$ISA*00*          *00*          *ZZ*CLEANCLAIMTEST *ZZ*PAYERRECV      *261201*1200*^*00501*000000101*0*T*:~
GS*HC*CLEANCLAIMTEST*PAYERRECV*20261201*1200*11*X*005010X222A1~
ST*837*0001*005010X222A1~
BHT*0019*00*B1001*20261201*1200*CH~
NM1*41*2*DENVER FAMILY PRACTICE*****46*CCTEST~
PER*IC*BILLING OFFICE*TE*3035550100~
NM1*40*2*ROCKY MOUNTAIN HEALTH*****46*RMH01~
HL*1**20*1~
PRV*BI*PXC*207Q00000X~
NM1*85*2*DENVER FAMILY PRACTICE*****XX*1234567893~
N3*1200 MAPLE AVE*SUITE 300~
N4*DENVER*CO*802021234~
REF*EI*841234567~
HL*2*1*22*0~
SBR*P*18*GRP100******CI~
NM1*IL*1*RIVERA*ANA****MI*M1001~
N3*45 PINE ST~
N4*DENVER*CO*80203~
DMG*D8*19700515*F~
NM1*PR*2*ROCKY MOUNTAIN HEALTH*****PI*RMH01~
CLM*P1001*150.00***11:B:1*Y*A*Y*Y~
REF*G1*AUTH778~
HI*ABK:E119*ABF:I10~
NM1*82*1*NGUYEN*MINH****XX*1245319599~
LX*1~
SV1*HC:99214:25*125.00*UN*1***1:2~
DTP*472*D8*20261116~
LX*2~
SV1*HC:36415*25.00*UN*1***1~
DTP*472*D8*20261116~
CLM*P1002*90.00***11:B:7*Y*A*Y*Y~
REF*F8*RMH-ICN-5521~
HI*ABK:J020~
LX*1~
SV1*HC:99213*90.00*UN*1***1~
DTP*472*D8*20261118~
HL*3*1*22*1~
SBR*P**GRP200******CI~
NM1*IL*1*OKAFOR*CHIDI****MI*M2002~
DMG*D8*19800310*M~
NM1*PR*2*ROCKY MOUNTAIN HEALTH*****PI*RMH01~
HL*4*3*23*0~
PAT*19~
NM1*QC*1*OKAFOR*EWA~
N3*9 ELM CT~
N4*AURORA*CO*80010~
DMG*D8*20150704*F~
CLM*P2001*210.50***11:B:1*Y*A*Y*Y~
HI*ABK:S93401A~
NM1*DN*1*SMITH*JOHN****XX*1558598797~
LX*1~
SV1*HC:73610:RT*210.50*UN*1***1~
DTP*472*D8*20261120~
LIN**N4*00409490234~
CTP****2*UN~
SE*54*0001~
GE*1*11~
GS*HC*CLEANCLAIMTEST*PAYERRECV*20261201*1200*12*X*005010X223A2~
ST*837*0002*005010X223A2~
BHT*0019*00*B2001*20261201*1200*CH~
NM1*41*2*DENVER GENERAL HOSPITAL*****46*CCTEST~
PER*IC*PATIENT ACCOUNTS*TE*3035550199~
NM1*40*2*ROCKY MOUNTAIN HEALTH*****46*RMH01~
HL*1**20*1~
PRV*BI*PXC*282N00000X~
NM1*85*2*DENVER GENERAL HOSPITAL*****XX*1558598797~
N3*777 BANNOCK ST~
N4*DENVER*CO*80204~
REF*EI*840000001~
HL*2*1*22*0~
SBR*P*18*******CI~
NM1*IL*1*RIVERA*ANA****MI*M1001~
DMG*D8*19700515*F~
NM1*PR*2*ROCKY MOUNTAIN HEALTH*****PI*RMH01~
CLM*H3001*310.00***13:A:1**A*Y*Y~
DTP*434*RD8*20261110-20261110~
DTP*435*D8*20261110~
CL1*3*1*01~
HI*ABK:R079~
HI*BBR:0W8NXZZ:D8:20261110~
NM1*71*1*NGUYEN*MINH****XX*1245319599~
LX*1~
SV2*0450*HC:99284*250.00*UN*1~
DTP*472*D8*20261110~
LX*2~
SV2*0300*HC:80053*60.00*UN*1~
DTP*472*D8*20261110~
SE*30*0002~
GE*1*12~
IEA*2*000000101~
$x12$::text AS x12;

-- one row per claim, with where it came from
SELECT interchange_control, group_control, transaction_control, clm_segment, hl_path, claim_id, diagnosis_qualifiers
FROM f, read_837(x12);
-- every field the file carries, in the contract
SELECT claim_id, jsonb_pretty(claim) FROM f, read_837(x12) ORDER BY claim_id;

-- the same file with other separators (elements |, components >, segments
-- ended by the line break alone), with CR LF, and with no line breaks at
-- all: the same claims
CREATE FUNCTION pg_temp.claims(x12 text) RETURNS jsonb LANGUAGE sql AS $$
	SELECT jsonb_agg(claim ORDER BY claim_id) FROM read_837(x12) $$;
SELECT pg_temp.claims(translate(x12, '*:~', '|>')) = pg_temp.claims(x12) AS other_separators,
	   left(translate(x12, '*:~', '|>'), 20) AS starts,
	   pg_temp.claims(replace(x12, E'\n', E'\r\n')) = pg_temp.claims(x12) AS crlf,
	   pg_temp.claims(replace(x12, E'\n', '')) = pg_temp.claims(x12) AS one_line
FROM f;

-- tolerant reading: a file cut inside its second claim still gives the
-- claims it holds (the cut one with what it has); an 837 of another version
-- (4010) is not read; nothing in the file raises
SELECT claim_id, jsonb_array_length(claim->'lines') AS lines, claim->>'total_charge' AS total_charge
FROM f, read_837(left(x12, position('LX*1~' IN substr(x12, position('CLM*P1002' IN x12))) + position('CLM*P1002' IN x12) - 2));
SELECT claim_id FROM f, read_837(replace(x12, '005010X222A1', '004010X098A1'));
SELECT count(*) AS from_junk FROM read_837(E'\x01\x02 this is not X12 ~~~ *** :::');
SELECT count(*) AS from_nothing FROM read_837('');
SELECT count(*) AS from_a_bare_isa FROM read_837('ISA*00*');
SELECT count(*) AS from_elements_only FROM read_837(repeat('*', 10000));

-- a claim read from the 837 validates as the same claim typed by hand: the
-- same issues, the rules that could not run included (no code sets here)
INSERT INTO payers (payer_id, name, payer_type, timely_filing_days) VALUES ('RMH01', 'Rocky Mountain Health', 'commercial', 365)
ON CONFLICT DO NOTHING;
SELECT (SELECT array_agg(v.rule_id || ' ' || coalesce(v.field, '') || ' ' || coalesce(v.value, '') ORDER BY v.rule_id, v.line_no, v.field)
		FROM f, read_837(x12) r, validate(r.claim, true) v WHERE r.claim_id = 'P1001') IS NOT DISTINCT FROM
	   (SELECT array_agg(v.rule_id || ' ' || coalesce(v.field, '') || ' ' || coalesce(v.value, '') ORDER BY v.rule_id, v.line_no, v.field)
		FROM validate('{"claim_id": "P1001", "claim_type": "professional", "payer_id": "RMH01", "member_id": "M1001",
			"subscriber_last_name": "RIVERA", "subscriber_first_name": "ANA", "patient_relationship": "18",
			"patient_birth_date": "1970-05-15", "patient_sex": "F", "billing_npi": "1234567893", "billing_tax_id": "841234567",
			"billing_taxonomy": "207Q00000X", "billing_address": "1200 MAPLE AVE", "billing_city": "DENVER",
			"billing_state": "CO", "billing_zip": "802021234", "rendering_npi": "1245319599", "place_of_service": "11",
			"frequency_code": "1", "prior_auth": "AUTH778", "service_from": "2026-11-16", "service_to": "2026-11-16",
			"submitted_on": "2026-12-01", "total_charge": 150.00, "diagnoses": ["E11.9", "I10"],
			"lines": [{"line_no": 1, "procedure": "99214", "modifiers": ["25"], "units": 1, "charge": 125.00,
					   "service_date": "2026-11-16", "dx_pointers": [1, 2]},
					  {"line_no": 2, "procedure": "36415", "units": 1, "charge": 25.00, "service_date": "2026-11-16",
					   "dx_pointers": [1]}]}'::jsonb, true) v) AS validates_the_same,
	   (SELECT count(*) FROM f, read_837(x12) r, validate(r.claim, true) v WHERE r.claim_id = 'P1001') AS issues_compared;
SELECT r.claim_id, v.rule_id, v.field, v.value FROM f, read_837(x12) r, validate(r.claim) v ORDER BY 1, 2, 3;
DELETE FROM payers WHERE payer_id = 'RMH01';

-- validate_837(): the file as a clearinghouse checks it (its envelope, the
-- X12_* rules) and as the payer will (the claim rules), each issue at the
-- segment and element that holds the value.  The file above has no slip: no
-- X12 issue, and the one claim issue points at 2010AA N403.
INSERT INTO payers (payer_id, name, payer_type, timely_filing_days) VALUES ('RMH01', 'Rocky Mountain Health', 'commercial', 365)
ON CONFLICT DO NOTHING;
CREATE FUNCTION pg_temp.v(x12 text) RETURNS TABLE (claim_id text, tc text, seg integer, id text, el integer, co integer,
												  rule_id text, field text, value text, message text)
LANGUAGE sql AS $$
	SELECT claim_id, transaction_control, segment_no, segment_id, element, component, rule_id, field, value, message
	FROM validate_837(x12) $$;
SELECT v.* FROM f, pg_temp.v(x12) v;
-- an invalid billing NPI points at 2010AA NM109; a diagnosis that is no
-- ICD-10-CM code at its HI element and component; a modifier at its SV101
-- component
SELECT v.* FROM f, pg_temp.v(replace(replace(replace(x12, 'XX*1234567893', 'XX*1234567890'), 'ABF:I10', 'ABF:4019'),
									 'HC:73610:RT', 'HC:73610:RT:LT')) v
WHERE v.rule_id <> 'BILLING_ADDRESS_INVALID' ORDER BY v.claim_id, v.seg, v.rule_id;
-- each slip of the envelope at its segment
SELECT 'SE01' AS slip, v.* FROM f, pg_temp.v(replace(x12, 'SE*54*0001', 'SE*51*0001')) v WHERE v.rule_id LIKE 'X12%'
UNION ALL
SELECT 'SE02', v.* FROM f, pg_temp.v(replace(x12, 'SE*54*0001', 'SE*54*0009')) v WHERE v.rule_id LIKE 'X12%'
UNION ALL
SELECT 'GE01', v.* FROM f, pg_temp.v(replace(x12, 'GE*1*11', 'GE*2*11')) v WHERE v.rule_id LIKE 'X12%'
UNION ALL
SELECT 'GE02', v.* FROM f, pg_temp.v(replace(x12, 'GE*1*12', 'GE*1*13')) v WHERE v.rule_id LIKE 'X12%'
UNION ALL
SELECT 'IEA01 and IEA02', v.* FROM f, pg_temp.v(replace(x12, 'IEA*2*000000101', 'IEA*3*000000102')) v WHERE v.rule_id LIKE 'X12%'
UNION ALL
SELECT 'no IEA', v.* FROM f, pg_temp.v(replace(x12, E'IEA*2*000000101~\n', '')) v WHERE v.rule_id LIKE 'X12%'
UNION ALL
SELECT 'no SE', v.* FROM f, pg_temp.v(replace(x12, E'SE*30*0002~\n', '')) v WHERE v.rule_id LIKE 'X12%'
UNION ALL
SELECT 'unknown segment', v.* FROM f, pg_temp.v(replace(x12, E'REF*G1*AUTH778~\n', E'REF*G1*AUTH778~\nZZZ*1~\n')) v
WHERE v.rule_id LIKE 'X12%'
UNION ALL
SELECT 'segment outside', v.* FROM f, pg_temp.v(replace(x12, E'GE*1*11~\n', E'GE*1*11~\nNM1*85*2*X~\n')) v WHERE v.rule_id LIKE 'X12%'
UNION ALL
SELECT 'version 4010', v.* FROM f, pg_temp.v(replace(x12, 'X*005010X222A1~', 'X*004010X098A1~')) v WHERE v.rule_id LIKE 'X12%'
UNION ALL
SELECT 'no ISA', v.* FROM f, pg_temp.v(substr(x12, 108)) v WHERE v.rule_id LIKE 'X12%'
UNION ALL
SELECT 'short ISA', v.* FROM f, pg_temp.v(replace(x12, 'CLEANCLAIMTEST *', 'CLEANCLAIMTEST*')) v WHERE v.rule_id LIKE 'X12%'
UNION ALL
SELECT 'composites with >', v.* FROM f, pg_temp.v(left(x12, 106) || replace(substr(x12, 107), ':', '>')) v WHERE v.rule_id LIKE 'X12%'
UNION ALL
SELECT 'CLM01 missing', v.* FROM f, pg_temp.v(replace(x12, 'CLM*P1002*', 'CLM**')) v WHERE v.rule_id LIKE 'X12%'
UNION ALL
SELECT 'CLM01 too long', v.* FROM f, pg_temp.v(replace(x12, 'CLM*P1002*', 'CLM*' || repeat('P', 39) || '*')) v WHERE v.rule_id LIKE 'X12%'
UNION ALL
SELECT 'N402 too short', v.* FROM f, pg_temp.v(replace(x12, 'N4*DENVER*CO*80203', 'N4*DENVER*C*80203')) v WHERE v.rule_id LIKE 'X12%'
UNION ALL
SELECT 'DMG03 not a code', v.* FROM f, pg_temp.v(replace(x12, 'DMG*D8*19800310*M', 'DMG*D8*19800310*X')) v WHERE v.rule_id LIKE 'X12%'
UNION ALL
SELECT 'no payer loop', v.* FROM f, pg_temp.v(replace(x12, E'DMG*D8*19800310*M~\nNM1*PR*2*ROCKY MOUNTAIN HEALTH*****PI*RMH01~\n', E'DMG*D8*19800310*M~\n')) v
WHERE v.rule_id LIKE 'X12%' AND v.rule_id <> 'X12_SE_COUNT'
UNION ALL
SELECT 'claim without lines', v.* FROM f, pg_temp.v(replace(x12, E'HI*ABK:J020~\nLX*1~\nSV1*HC:99213*90.00*UN*1***1~\nDTP*472*D8*20261118~\n', E'HI*ABK:J020~\n')) v
WHERE v.rule_id LIKE 'X12%' AND v.rule_id <> 'X12_SE_COUNT'
UNION ALL
SELECT 'two billing providers', v.* FROM f, pg_temp.v(replace(x12, E'REF*EI*841234567~\n', E'REF*EI*841234567~\nNM1*85*2*SECOND NAME*****XX*1245319599~\nN3*1 MAIN ST~\nN4*DENVER*CO*80202~\nREF*EI*841234568~\n')) v
WHERE v.rule_id LIKE 'X12%' AND v.rule_id <> 'X12_SE_COUNT'
UNION ALL
SELECT 'REF after HI', v.* FROM f, pg_temp.v(replace(x12, E'REF*G1*AUTH778~\nHI*ABK:E119*ABF:I10~\n', E'HI*ABK:E119*ABF:I10~\nREF*G1*AUTH778~\n')) v
WHERE v.rule_id LIKE 'X12%'
UNION ALL
SELECT 'HI after a line', v.* FROM f, pg_temp.v(replace(replace(x12, E'HI*ABK:J020~\n', ''), E'SV1*HC:99213*90.00*UN*1***1~\n', E'SV1*HC:99213*90.00*UN*1***1~\nHI*ABK:J020~\n')) v
WHERE v.rule_id LIKE 'X12%'
UNION ALL
SELECT 'SV1 in a claim', v.* FROM f, pg_temp.v(replace(x12, E'REF*F8*RMH-ICN-5521~\n', E'REF*F8*RMH-ICN-5521~\nSV1*HC:99213*90.00*UN*1***1~\n')) v
WHERE v.rule_id LIKE 'X12%' AND v.rule_id <> 'X12_SE_COUNT'
UNION ALL
SELECT 'no BHT, no SBR', v.* FROM f, pg_temp.v(replace(replace(x12, E'BHT*0019*00*B1001*20261201*1200*CH~\n', ''), E'SBR*P**GRP200******CI~\n', '')) v
WHERE v.rule_id LIKE 'X12%' AND v.rule_id <> 'X12_SE_COUNT'
UNION ALL
SELECT 'no CL1 (837I)', v.* FROM f, pg_temp.v(replace(x12, E'CL1*3*1*01~\n', '')) v
WHERE v.rule_id LIKE 'X12%' AND v.rule_id <> 'X12_SE_COUNT'
UNION ALL
SELECT 'empty', v.* FROM pg_temp.v('') v;
-- the envelope's rules follow rule_settings (for every payer: the envelope has none)
INSERT INTO rule_settings (rule_id, severity, note) VALUES ('X12_SE_COUNT', 'warning', 'x12 test');
INSERT INTO rule_settings (rule_id, enabled, note) VALUES ('X12_CONTROL_MISMATCH', false, 'x12 test');
SELECT v.rule_id, v.message FROM f, validate_837(replace(x12, 'SE*54*0001', 'SE*51*0009')) v WHERE v.rule_id LIKE 'X12%';
SELECT v.severity FROM f, validate_837(replace(x12, 'SE*54*0001', 'SE*51*0009')) v WHERE v.rule_id LIKE 'X12%';
DELETE FROM rule_settings WHERE note = 'x12 test';
-- a short ISA still gives its claims (split by its element separator)
SELECT count(*) AS claims_behind_a_short_isa FROM f, read_837(replace(x12, 'CLEANCLAIMTEST *', 'CLEANCLAIMTEST*'));
-- the envelope's rules are in the catalog
SELECT rule_id, default_severity, owner FROM rule_catalog() WHERE category = 'x12' ORDER BY rule_id;
DELETE FROM payers WHERE payer_id = 'RMH01';

-- load_837(): into a table of the contract's columns, through its scrub
-- trigger; a file with X12 errors loads nothing, or only the claims of its
-- clean transaction sets when asked
INSERT INTO payers (payer_id, name, payer_type, timely_filing_days) VALUES ('RMH01', 'Rocky Mountain Health', 'commercial', 365)
ON CONFLICT DO NOTHING;
CREATE TABLE inbox (claim_id text PRIMARY KEY, claim_type text, payer_id text, member_id text, billing_npi text,
	service_from date, total_charge numeric, diagnoses text[], lines jsonb, received_on date DEFAULT '2026-12-02',
	scrub_status text);
CREATE TRIGGER scrub BEFORE INSERT ON inbox FOR EACH ROW EXECUTE FUNCTION scrub('annotate', 'status=scrub_status');
SELECT claims_read, claims_loaded, x12_errors, issues FROM f, load_837(x12, 'inbox');
SELECT claim_id, claim_type, billing_npi, service_from, total_charge, diagnoses, jsonb_array_length(lines) AS lines,
	   received_on, scrub_status FROM inbox ORDER BY claim_id;
TRUNCATE inbox;
-- SE02 of the 837P wrong: nothing goes in; then only the 837I's claim
SELECT claims_read, claims_loaded, x12_errors, issues FROM f, load_837(replace(x12, 'SE*54*0001', 'SE*54*0009'), 'inbox');
SELECT claims_read, claims_loaded, x12_errors FROM f, load_837(replace(x12, 'SE*54*0001', 'SE*54*0009'), 'inbox', true);
SELECT claim_id FROM inbox;
TRUNCATE inbox;
-- an error outside any transaction set stops the whole file, even when asked
SELECT claims_read, claims_loaded, x12_errors FROM f, load_837(replace(x12, 'IEA*2*000000101', 'IEA*2*000000102'), 'inbox', true);
-- bad arguments
SELECT * FROM load_837(NULL, 'inbox');
\echo :LAST_ERROR_SQLSTATE
CREATE TABLE not_claims (x int);
SELECT * FROM f, load_837(x12, 'not_claims');
\echo :LAST_ERROR_SQLSTATE
DROP TABLE inbox, not_claims;
DELETE FROM payers WHERE payer_id = 'RMH01';

-- ack_999(): the 999 a receiver would send back (its dates masked here)
CREATE FUNCTION pg_temp.ack(x12 text, control integer DEFAULT 1) RETURNS SETOF text LANGUAGE sql AS $$
	SELECT regexp_replace(regexp_replace(l, '^(ISA\*.*)\*\d{6}\*\d{4}\*\^', '\1*YYMMDD*HHMM*^'),
						  '^(GS\*FA\*[^*]*\*[^*]*)\*\d{8}\*\d{4}\*', '\1*CCYYMMDD*HHMM*')
	FROM regexp_split_to_table(rtrim(ack_999(x12, control), E'\n'), E'\n') l $$;
-- the file above: both transaction sets accepted
SELECT pg_temp.ack(x12) FROM f;
-- an unknown segment and a wrong SE01 in the 837P; the 837I of version 4010
SELECT pg_temp.ack(replace(replace(replace(x12, 'SE*54*0001', 'SE*51*0001'), E'REF*G1*AUTH778~\n', E'REF*G1*AUTH778~\nZZZ*1~\n'),
						   '005010X223A2', '004010X096A1'), 42) FROM f;
-- element errors: IK3 and IK4 (1 missing, 4 too short, 7 not a code)
SELECT l FROM f, pg_temp.ack(replace(replace(replace(x12, 'CLM*P1002*', 'CLM**'), 'N4*DENVER*CO*80203', 'N4*DENVER*C*80203'),
									 'DMG*D8*19800310*M', 'DMG*D8*19800310*X')) l WHERE l ~ '^(AK2|IK|AK9)';
-- a loop missing and a loop repeated: IK3 with IK304 3 and 4
SELECT l FROM f, pg_temp.ack(replace(replace(x12, E'DMG*D8*19800310*M~\nNM1*PR*2*ROCKY MOUNTAIN HEALTH*****PI*RMH01~\n', E'DMG*D8*19800310*M~\n'),
									 E'REF*EI*841234567~\n', E'REF*EI*841234567~\nNM1*85*2*SECOND NAME*****XX*1245319599~\nN3*1 MAIN ST~\nN4*DENVER*CO*80202~\nREF*EI*841234568~\n')) l
WHERE l ~ '^(AK2|IK|AK9)';
-- segments out of order (IK304 7), unexpected in their loop (2) and missing (3)
SELECT l FROM f, pg_temp.ack(replace(replace(x12, E'REF*G1*AUTH778~\nHI*ABK:E119*ABF:I10~\n', E'HI*ABK:E119*ABF:I10~\nREF*G1*AUTH778~\n'),
									 E'REF*F8*RMH-ICN-5521~\nHI*ABK:J020~\n', E'REF*F8*RMH-ICN-5521~\nSV1*HC:99213*90.00*UN*1***1~\n')) l
WHERE l ~ '^(AK2|IK|AK9)';
-- a wrong GE01: the group rejected
SELECT pg_temp.ack(replace(x12, 'GE*1*11', 'GE*3*11')) FROM f WHERE true LIMIT 11;
SELECT ack_999('ISA*00*', 0);
\echo :LAST_ERROR_SQLSTATE
