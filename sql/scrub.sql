-- The scrub triggers: reject, annotate, and claims whose lines live in a second table.
SET search_path = cleanclaim, public;

INSERT INTO payers (payer_id, name, payer_type, timely_filing_days) VALUES ('MCR', 'Medicare Part B', 'medicare', 365);

-- The claims of these tables are complete: what a test does not vary (one
-- patient, who is the subscriber, and one practice) comes from the defaults
-- of this table, which each claims table copies.
CREATE TABLE practice (
	claim_type text DEFAULT 'professional',
	subscriber_last_name text DEFAULT 'RIVERA',
	subscriber_first_name text DEFAULT 'ANA',
	patient_relationship text DEFAULT '18',
	patient_birth_date date DEFAULT '1970-05-15',
	patient_sex text DEFAULT 'F',
	billing_tax_id text DEFAULT '841234567',
	billing_address text DEFAULT '1200 Maple Ave',
	billing_city text DEFAULT 'Denver',
	billing_state text DEFAULT 'CO',
	billing_zip text DEFAULT '802021234',
	place_of_service text DEFAULT '11',
	frequency_code text DEFAULT '1'
);

-- reject mode: a claim with an error never gets in; the error names it and lists every issue
CREATE TABLE claims (
	claim_id text PRIMARY KEY,
	payer_id text,
	member_id text,
	billing_npi npi,
	service_from date,
	service_to date,
	submitted_on date DEFAULT '2025-03-05',
	total_charge numeric,
	diagnoses icd10cm[],
	lines claim_line[],
	LIKE practice INCLUDING DEFAULTS
);
CREATE TRIGGER scrub BEFORE INSERT OR UPDATE ON claims FOR EACH ROW EXECUTE FUNCTION scrub('reject');

INSERT INTO claims VALUES ('R1', 'MCR', 'M1', '1234567893', '2025-03-01', '2025-03-01', DEFAULT, 100, '{E11.9}',
	ARRAY[ROW(1, '99213', NULL, 1, 100, '2025-03-01', '{1}', NULL, NULL, NULL, '11', NULL)::claim_line]);
INSERT INTO claims VALUES ('R2', 'MCR', NULL, NULL, '2025-03-01', '2025-03-01', DEFAULT, 90, '{E11.9}',
	ARRAY[ROW(1, '99213', NULL, 1, 100, '2025-03-01', '{2}', NULL, NULL, NULL, '11', NULL)::claim_line]);
\echo :LAST_ERROR_SQLSTATE
-- warnings alone do not stop a claim
INSERT INTO claims VALUES ('R3', 'MCR', 'M3', '1234567893', '2025-03-01', '2025-03-01', DEFAULT, 100, '{E11.9,E11.9}',
	ARRAY[ROW(1, '99213', NULL, 1, 100, '2025-03-01', '{1}', NULL, NULL, NULL, '11', NULL)::claim_line]);
-- an update is scrubbed too
UPDATE claims SET total_charge = 120 WHERE claim_id = 'R1';
\echo :LAST_ERROR_SQLSTATE
SELECT claim_id, total_charge FROM claims ORDER BY 1;

-- annotate mode: the row goes in with its issues, score and status
CREATE TABLE inbox (
	claim_id text PRIMARY KEY,
	payer_id text,
	member_id text,
	billing_npi text,
	service_from date,
	submitted_on date DEFAULT '2025-03-05',
	total_charge numeric,
	diagnoses text[],
	lines jsonb,
	scrub_issues jsonb,
	scrub_score numeric,
	scrub_status text,
	LIKE practice INCLUDING DEFAULTS
);
CREATE TRIGGER scrub BEFORE INSERT OR UPDATE ON inbox FOR EACH ROW
	EXECUTE FUNCTION scrub('annotate', 'issues=scrub_issues', 'score=scrub_score', 'status=scrub_status');
INSERT INTO inbox (claim_id, payer_id, member_id, billing_npi, service_from, total_charge, diagnoses, lines) VALUES
	('A1', 'MCR', 'M1', '1234567893', '2025-03-01', 100, '{E11.9}', '[{"procedure": "99213", "units": 1, "charge": 100, "dx_pointers": [1]}]'),
	('A2', 'MCR', 'M2', '1234567893', '2025-03-01', 100, '{E11.9,E11.9}', '[{"procedure": "99213", "units": 1, "charge": 100, "dx_pointers": [1]}]'),
	('A3', 'XX9', '', '1234567890', '2025-03-01', 100, '{E11.9}', '[{"procedure": "99213", "units": 0, "charge": 100, "dx_pointers": [1]}]');
SELECT claim_id, scrub_status, scrub_score, jsonb_array_length(scrub_issues) AS issues FROM inbox ORDER BY 1;
SELECT claim_id, i ->> 'rule_id' AS rule_id, i ->> 'severity' AS severity, i ->> 'line_no' AS line_no, i ->> 'message' AS message
FROM inbox, jsonb_array_elements(scrub_issues) i ORDER BY 1, 2;
-- correcting the claim clears its status
UPDATE inbox SET billing_npi = '1234567893', payer_id = 'MCR', member_id = 'M3',
	lines = '[{"procedure": "99213", "units": 1, "charge": 100, "dx_pointers": [1]}]' WHERE claim_id = 'A3';
SELECT claim_id, scrub_status, scrub_score, scrub_issues FROM inbox WHERE claim_id = 'A3';

-- the issues can go to a cleanclaim.issue[] or a text[] column, the score to
-- an integer (a claim of three fields: its first issues are the elements it lacks)
CREATE TABLE inbox2 (claim_id text, billing_npi text, member_id text, found issue[], notes text[], score integer);
CREATE TRIGGER scrub BEFORE INSERT ON inbox2 FOR EACH ROW
	EXECUTE FUNCTION scrub('annotate', 'issues=found', 'score=score');
CREATE TRIGGER scrub_notes BEFORE INSERT ON inbox2 FOR EACH ROW
	EXECUTE FUNCTION scrub('annotate', 'issues=notes');
INSERT INTO inbox2 (claim_id, billing_npi, member_id) VALUES ('B1', '1234567890', NULL);
SELECT claim_id, score, (found[1]).rule_id, (found[2]).rule_id, notes FROM inbox2;

-- lines in a second table: constraint triggers, deferred to commit, on both tables
CREATE TABLE claim_headers (claim_id text PRIMARY KEY, billing_npi npi, total_charge numeric, diagnoses text[],
							payer_id text DEFAULT 'MCR', member_id text DEFAULT 'M1', service_from date DEFAULT '2025-03-01',
							submitted_on date DEFAULT '2025-03-05',
							LIKE practice INCLUDING DEFAULTS);
CREATE TABLE claim_lines (
	claim_id text REFERENCES claim_headers, line_no integer, procedure hcpcs, units numeric, charge numeric,
	dx_pointers integer[], PRIMARY KEY (claim_id, line_no));
CREATE CONSTRAINT TRIGGER scrub AFTER INSERT OR UPDATE ON claim_headers DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION scrub_deferred('lines=claim_lines', 'key=claim_id');
CREATE CONSTRAINT TRIGGER scrub AFTER INSERT OR UPDATE OR DELETE ON claim_lines DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION scrub_deferred('claims=claim_headers', 'key=claim_id');
BEGIN;
INSERT INTO claim_headers VALUES ('D1', '1234567893', 150, '{I10}');
INSERT INTO claim_lines VALUES ('D1', 1, '99213', 1, 100, '{1}'), ('D1', 2, '36415', 1, 50, '{1}');
COMMIT;
BEGIN;
INSERT INTO claim_headers VALUES ('D2', '1234567893', 150, '{I10}');
INSERT INTO claim_lines VALUES ('D2', 1, '99213', 1, 100, '{1}'), ('D2', 2, '36415', 1, 40, '{3}');
COMMIT;
\echo :LAST_ERROR_SQLSTATE
-- removing a line re-checks its claim
DELETE FROM claim_lines WHERE claim_id = 'D1' AND line_no = 2;
\echo :LAST_ERROR_SQLSTATE
SELECT h.claim_id, count(l.*) AS lines FROM claim_headers h LEFT JOIN claim_lines l USING (claim_id) GROUP BY 1 ORDER BY 1;

-- a misconfigured trigger says what is wrong (09000)
CREATE TABLE misconfigured (claim_id text, billing_npi text, issues integer);
CREATE TRIGGER t1 BEFORE INSERT ON misconfigured FOR EACH ROW EXECUTE FUNCTION scrub('annotate');
INSERT INTO misconfigured VALUES ('X', '1');
\echo :LAST_ERROR_SQLSTATE
DROP TRIGGER t1 ON misconfigured;
CREATE TRIGGER t2 BEFORE INSERT ON misconfigured FOR EACH ROW EXECUTE FUNCTION scrub('annotate', 'issues=nope');
INSERT INTO misconfigured VALUES ('X', '1');
DROP TRIGGER t2 ON misconfigured;
CREATE TRIGGER t3 BEFORE INSERT ON misconfigured FOR EACH ROW EXECUTE FUNCTION scrub('annotate', 'issues=issues');
INSERT INTO misconfigured VALUES ('X', '1');
DROP TRIGGER t3 ON misconfigured;
CREATE TRIGGER t4 BEFORE INSERT ON misconfigured FOR EACH ROW EXECUTE FUNCTION scrub('rejekt');
INSERT INTO misconfigured VALUES ('X', '1');
DROP TRIGGER t4 ON misconfigured;
CREATE TRIGGER t5 AFTER INSERT ON misconfigured FOR EACH ROW EXECUTE FUNCTION scrub('reject');
INSERT INTO misconfigured VALUES ('X', '1');
DROP TRIGGER t5 ON misconfigured;
CREATE TRIGGER t6 BEFORE INSERT ON misconfigured FOR EACH STATEMENT EXECUTE FUNCTION scrub('reject');
INSERT INTO misconfigured VALUES ('X', '1');
DROP TRIGGER t6 ON misconfigured;
CREATE CONSTRAINT TRIGGER t7 AFTER INSERT ON misconfigured FOR EACH ROW EXECUTE FUNCTION scrub_deferred('lines=claim_lines');
INSERT INTO misconfigured VALUES ('X', '1');
DROP TRIGGER t7 ON misconfigured;
SELECT scrub();
\echo :LAST_ERROR_SQLSTATE

DROP TABLE claims, inbox, inbox2, claim_lines, claim_headers, misconfigured, practice;
DELETE FROM payers;
