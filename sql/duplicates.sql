-- Duplicates across claims: scrub('...', 'duplicates=on') compares a claim
-- with the claims of its table of the same member, billing provider and
-- first date of service, found through the index the option requires.
SET search_path = cleanclaim, public;
\set ON_ERROR_ROLLBACK on
BEGIN;
INSERT INTO payers (payer_id, name) VALUES ('MCR01', 'Medicare') ON CONFLICT DO NOTHING;

-- a claims table whose defaults make a claim complete (837P): the tests
-- below give the key, the frequency and the lines
CREATE TABLE claims (
	claim_id text PRIMARY KEY, claim_type text DEFAULT 'professional', payer_id text DEFAULT 'MCR01',
	member_id text, subscriber_last_name text DEFAULT 'RIVERA', subscriber_first_name text DEFAULT 'ANA',
	patient_relationship text DEFAULT '18', patient_birth_date date DEFAULT '1970-05-15', patient_sex text DEFAULT 'F',
	billing_npi text, billing_tax_id text DEFAULT '84-1234567', billing_address text DEFAULT '1200 Maple Ave',
	billing_city text DEFAULT 'Denver', billing_state text DEFAULT 'CO', billing_zip text DEFAULT '802021234',
	place_of_service text DEFAULT '11', service_from date, submitted_on date DEFAULT '2024-03-20',
	frequency_code text DEFAULT '1', original_claim_id text, total_charge numeric,
	diagnoses text[] DEFAULT '{E11.9}', lines jsonb, scrub_issues jsonb, scrub_status text);
CREATE FUNCTION pg_temp.total(lines jsonb) RETURNS numeric LANGUAGE sql AS $$
	SELECT sum((x->>'charge')::numeric) FROM jsonb_array_elements(lines) x $$;
-- (a trigger that runs first, by name, fills the pointers and the total)
CREATE FUNCTION pg_temp.complete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.lines := (SELECT jsonb_agg(x || '{"dx_pointers": [1]}') FROM jsonb_array_elements(NEW.lines) x);
	NEW.total_charge := pg_temp.total(NEW.lines);
	RETURN NEW;
END $$;
CREATE TRIGGER a_complete BEFORE INSERT OR UPDATE ON claims FOR EACH ROW EXECUTE FUNCTION pg_temp.complete();
-- the option needs the index: a configuration error names the one to create
CREATE TRIGGER scrub BEFORE INSERT OR UPDATE ON claims
	FOR EACH ROW EXECUTE FUNCTION scrub('annotate', 'issues=scrub_issues', 'status=scrub_status', 'duplicates=on');
INSERT INTO claims (claim_id, member_id, billing_npi, service_from, lines)
VALUES ('C1', 'M1', '1234567893', '2024-03-04', '[{"procedure": "99213", "units": 1, "charge": 125}]');
\echo :LAST_ERROR_SQLSTATE
-- an index that does not start with the key does not do either
CREATE INDEX claims_by_date ON claims (service_from, member_id, billing_npi);
INSERT INTO claims (claim_id, member_id, billing_npi, service_from, lines)
VALUES ('C1', 'M1', '1234567893', '2024-03-04', '[{"procedure": "99213", "units": 1, "charge": 125}]');
\echo :LAST_ERROR_SQLSTATE
CREATE INDEX claims_duplicate_key ON claims (member_id, billing_npi, service_from);
-- a bad option value
CREATE TABLE other_claims (LIKE claims);
CREATE TRIGGER scrub BEFORE INSERT ON other_claims FOR EACH ROW EXECUTE FUNCTION scrub('reject', 'duplicates=yes');
INSERT INTO other_claims (claim_id) VALUES ('X');
\echo :LAST_ERROR_SQLSTATE

-- C1 first; C2 the same service again (an error), C3 at another charge and
-- C4 with other units (warnings), C5 with 25 (not the same service), C6 on
-- another day, C7 for another member; C8 a replacement (7) and C9 a void (8)
-- of C1; C10's line 2 repeats C1's line 2
INSERT INTO claims (claim_id, member_id, billing_npi, service_from, frequency_code, original_claim_id, lines) VALUES
	('C1', 'M1', '1234567893', '2024-03-04', '1', NULL, '[{"procedure": "99213", "units": 1, "charge": 125}, {"procedure": "85025", "units": 1, "charge": 25}]'),
	('C2', 'M1', '1234567893', '2024-03-04', '1', NULL, '[{"procedure": "99213", "units": 1, "charge": 125.00}]'),
	('C3', 'M1', '1234567893', '2024-03-04', '1', NULL, '[{"procedure": "99213", "units": 1, "charge": 150}]'),
	('C4', 'M1', '1234567893', '2024-03-04', '1', NULL, '[{"procedure": "85025", "units": 2, "charge": 25}]'),
	('C5', 'M1', '1234567893', '2024-03-04', '1', NULL, '[{"procedure": "99213", "modifiers": ["25"], "units": 1, "charge": 125}]'),
	('C6', 'M1', '1234567893', '2024-03-05', '1', NULL, '[{"procedure": "99213", "units": 1, "charge": 125}]'),
	('C7', 'M2', '1234567893', '2024-03-04', '1', NULL, '[{"procedure": "99213", "units": 1, "charge": 125}]'),
	('C8', 'M1', '1234567893', '2024-03-04', '7', 'C1', '[{"procedure": "99213", "units": 1, "charge": 125}]'),
	('C9', 'M1', '1234567893', '2024-03-04', '8', 'C1', '[{"procedure": "99213", "units": 1, "charge": 125}]'),
	('C10', 'M1', '1234567893', '2024-03-04', '1', NULL, '[{"procedure": "97110", "units": 1, "charge": 40}, {"procedure": "85025", "units": 1, "charge": 25, "service_date": "2024-03-04"}]');
SELECT claim_id, scrub_status, i->>'rule_id' AS rule_id, i->>'severity' AS severity, i->>'message' AS message
FROM claims LEFT JOIN LATERAL jsonb_array_elements(scrub_issues) i ON i->>'rule_id' LIKE 'DUPLICATE%'
ORDER BY length(claim_id), claim_id, message;

-- an UPDATE of a claim is not a duplicate of itself
UPDATE claims SET lines = lines WHERE claim_id = 'C6';
SELECT claim_id, scrub_status FROM claims WHERE claim_id = 'C6';

-- reject mode: the second submission stops with SC001, the first is untouched
CREATE TABLE outbox (LIKE claims INCLUDING DEFAULTS);
CREATE TRIGGER a_complete BEFORE INSERT OR UPDATE ON outbox FOR EACH ROW EXECUTE FUNCTION pg_temp.complete();
CREATE INDEX ON outbox (member_id, billing_npi, service_from);
CREATE TRIGGER scrub BEFORE INSERT OR UPDATE ON outbox FOR EACH ROW EXECUTE FUNCTION scrub('reject', 'duplicates=on');
INSERT INTO outbox (claim_id, member_id, billing_npi, service_from, lines)
VALUES ('R1', 'M1', '1234567893', '2024-03-04', '[{"procedure": "99213", "units": 1, "charge": 125}]');
INSERT INTO outbox (claim_id, member_id, billing_npi, service_from, lines)
VALUES ('R2', 'M1', '1234567893', '2024-03-04', '[{"procedure": "99213", "units": 1, "charge": 125}]');
\echo :LAST_ERROR_SQLSTATE
-- two copies in one statement: the second meets the first
INSERT INTO outbox (claim_id, member_id, billing_npi, service_from, lines) VALUES
	('R3', 'M3', '1234567893', '2024-03-04', '[{"procedure": "99214", "units": 1, "charge": 180}]'),
	('R4', 'M3', '1234567893', '2024-03-04', '[{"procedure": "99214", "units": 1, "charge": 180}]');
\echo :LAST_ERROR_SQLSTATE
SELECT claim_id FROM outbox ORDER BY claim_id;

-- a rule like the others: DUPLICATE_CLAIM off for a payer lets its copies in
INSERT INTO payers (payer_id, name) VALUES ('COMM1', 'Commercial') ON CONFLICT DO NOTHING;
INSERT INTO rule_settings (rule_id, payer_id, enabled) VALUES ('DUPLICATE_CLAIM', 'COMM1', false);
INSERT INTO outbox (claim_id, payer_id, member_id, billing_npi, service_from, lines) VALUES
	('R5', 'COMM1', 'M1', '1234567893', '2024-03-04', '[{"procedure": "99213", "units": 1, "charge": 125}]');
SELECT claim_id FROM outbox ORDER BY claim_id;
-- without the option no claim is compared; validate() says why it did not
CREATE TABLE plain (LIKE claims INCLUDING DEFAULTS);
CREATE TRIGGER a_complete BEFORE INSERT ON plain FOR EACH ROW EXECUTE FUNCTION pg_temp.complete();
CREATE TRIGGER scrub BEFORE INSERT ON plain FOR EACH ROW EXECUTE FUNCTION scrub('reject');
INSERT INTO plain SELECT * FROM outbox;
SELECT count(*) FROM plain;
SELECT rule_id, message FROM validate((SELECT c FROM claims c WHERE claim_id = 'C2'), true) WHERE rule_id LIKE 'DUPLICATE%';

-- duplicate_claims(): the groups of the annotated table above, the first of
-- each (by submitted_on, then claim_id) the original (C10, sent a day before
-- C1, is the first of its group); the replacement C8 and the void C9 are not in them
UPDATE claims SET submitted_on = '2024-03-19' WHERE claim_id = 'C10';
SELECT * FROM duplicate_claims('claims');
-- match 'service': units and charge aside (C3 and C4 join their groups)
SELECT group_no, claim_id, line_no, is_original, procedure, units, charge FROM duplicate_claims('claims', 'service');
-- lines as cleanclaim.claim_line[]
CREATE TABLE row_claims (claim_id text, member_id text, billing_npi npi, service_from date, lines claim_line[]);
INSERT INTO row_claims VALUES
	('K1', 'M1', '1234567893', '2024-03-04', ARRAY[ROW(1, '99213', '{25}', 1, 125, NULL, NULL, NULL, NULL, NULL, NULL, NULL)::claim_line]),
	('K2', 'M1', '1234567893', '2024-03-04', ARRAY[ROW(1, '99213', '{25}', 1, 125, '2024-03-04', NULL, NULL, NULL, NULL, NULL, NULL)::claim_line]),
	('K3', 'M1', '1234567893', '2024-03-04', ARRAY[ROW(1, '99213', NULL, 1, 125, NULL, NULL, NULL, NULL, NULL, NULL, NULL)::claim_line]);
SELECT group_no, claim_id, is_original, billing_npi, procedure, modifiers FROM duplicate_claims('row_claims');
-- bad input: a table that is not a claims table, lines of another type, an unknown match
CREATE TABLE not_claims (claim_id text, lines text);
SELECT * FROM duplicate_claims('not_claims');
\echo :LAST_ERROR_SQLSTATE
CREATE TABLE text_lines (claim_id text, member_id text, billing_npi text, service_from date, lines text);
SELECT * FROM duplicate_claims('text_lines');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM duplicate_claims('claims', 'fuzzy');
\echo :LAST_ERROR_SQLSTATE

-- the two-table form: scrub_deferred(..., 'duplicates=on') on the claims and
-- the lines tables compares at commit.  pg_temp.at_commit() runs statements
-- and then the deferred triggers (SET CONSTRAINTS ALL IMMEDIATE), as COMMIT
-- would, and returns what a commit would say; a failure undoes its statements.
CREATE FUNCTION pg_temp.at_commit(VARIADIC statements text[]) RETURNS text LANGUAGE plpgsql AS $$
DECLARE s text;
BEGIN
	FOREACH s IN ARRAY statements LOOP EXECUTE s; END LOOP;
	SET CONSTRAINTS ALL IMMEDIATE;
	SET CONSTRAINTS ALL DEFERRED;
	RETURN 'committed';
EXCEPTION WHEN OTHERS THEN
	SET CONSTRAINTS ALL DEFERRED;
	RETURN sqlstate || ': ' || sqlerrm;
END $$;
CREATE TABLE dup_headers (LIKE claims INCLUDING DEFAULTS);
ALTER TABLE dup_headers DROP COLUMN lines, DROP COLUMN scrub_issues, DROP COLUMN scrub_status, ADD PRIMARY KEY (claim_id);
CREATE TABLE dup_lines (claim_id text REFERENCES dup_headers, line_no integer, procedure text, modifiers text[],
	units numeric, charge numeric, dx_pointers integer[] DEFAULT '{1}', PRIMARY KEY (claim_id, line_no));
CREATE CONSTRAINT TRIGGER scrub AFTER INSERT OR UPDATE ON dup_headers DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION scrub_deferred('lines=dup_lines', 'key=claim_id', 'duplicates=on');
CREATE CONSTRAINT TRIGGER scrub AFTER INSERT OR UPDATE OR DELETE ON dup_lines DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION scrub_deferred('claims=dup_headers', 'key=claim_id', 'duplicates=on');
-- without the index on the key of the claims table: 09000, naming the index
SELECT pg_temp.at_commit(
	$$INSERT INTO dup_headers (claim_id, member_id, billing_npi, service_from, total_charge) VALUES ('T1', 'M1', '1234567893', '2024-03-04', 150)$$,
	$$INSERT INTO dup_lines (claim_id, line_no, procedure, units, charge) VALUES ('T1', 1, '99213', 1, 125), ('T1', 2, '85025', 1, 25)$$);
CREATE INDEX ON dup_headers (member_id, billing_npi, service_from);
-- T1 goes in (its lines written last first: they are compared in line_no order)
SELECT pg_temp.at_commit(
	$$INSERT INTO dup_headers (claim_id, member_id, billing_npi, service_from, total_charge) VALUES ('T1', 'M1', '1234567893', '2024-03-04', 150)$$,
	$$INSERT INTO dup_lines (claim_id, line_no, procedure, units, charge) VALUES ('T1', 2, '85025', 1, 25), ('T1', 1, '99213', 1, 125)$$);
-- T2 repeats T1's line 2: rejected (SC001), naming it
SELECT pg_temp.at_commit(
	$$INSERT INTO dup_headers (claim_id, member_id, billing_npi, service_from, total_charge) VALUES ('T2', 'M1', '1234567893', '2024-03-04', 25)$$,
	$$INSERT INTO dup_lines (claim_id, line_no, procedure, units, charge) VALUES ('T2', 1, '85025', 1, 25)$$);
-- T3, the same service at another charge, goes in (a warning; reject mode
-- stops on errors only); T4 replaces T1 (frequency 7) and goes in
SELECT pg_temp.at_commit(
	$$INSERT INTO dup_headers (claim_id, member_id, billing_npi, service_from, total_charge) VALUES ('T3', 'M1', '1234567893', '2024-03-04', 30)$$,
	$$INSERT INTO dup_lines (claim_id, line_no, procedure, units, charge) VALUES ('T3', 1, '85025', 1, 30)$$);
SELECT pg_temp.at_commit(
	$$INSERT INTO dup_headers (claim_id, member_id, billing_npi, service_from, frequency_code, original_claim_id, total_charge)
	  VALUES ('T4', 'M1', '1234567893', '2024-03-04', '7', 'T1', 150)$$,
	$$INSERT INTO dup_lines (claim_id, line_no, procedure, units, charge) VALUES ('T4', 1, '99213', 1, 125), ('T4', 2, '85025', 1, 25)$$);
-- changing a line of T1 re-checks T1 (from the lines table): not a duplicate
-- of itself, nor of T4, its replacement
SELECT pg_temp.at_commit($$UPDATE dup_lines SET charge = 125.00 WHERE claim_id = 'T1' AND line_no = 1$$);
-- a line added to T3 that repeats T1's line 1 is found from the lines table's trigger
SELECT pg_temp.at_commit($$INSERT INTO dup_lines (claim_id, line_no, procedure, units, charge) VALUES ('T3', 2, '99213', 1, 125)$$,
	$$UPDATE dup_headers SET total_charge = 155 WHERE claim_id = 'T3'$$);
SELECT claim_id, count(*) AS lines FROM dup_headers JOIN dup_lines USING (claim_id) GROUP BY 1 ORDER BY 1;
-- without an index led by the key of the lines table: 09000, naming it
CREATE TABLE bare_lines (claim_id text, line_no integer, procedure text, units numeric, charge numeric, dx_pointers integer[]);
CREATE CONSTRAINT TRIGGER scrub AFTER INSERT ON bare_lines DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION scrub_deferred('claims=dup_headers', 'key=claim_id', 'duplicates=on');
SELECT pg_temp.at_commit($$INSERT INTO bare_lines VALUES ('T1', 3, '36415', 1, 10, '{1}')$$);
-- key columns of different types (text and varchar) are not compared: 09000
CREATE TABLE varchar_lines (claim_id varchar PRIMARY KEY, line_no integer, procedure text, units numeric, charge numeric, dx_pointers integer[]);
CREATE CONSTRAINT TRIGGER scrub AFTER INSERT ON varchar_lines DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION scrub_deferred('claims=dup_headers', 'key=claim_id', 'duplicates=on');
SELECT pg_temp.at_commit($$INSERT INTO varchar_lines VALUES ('T1', 3, '36415', 1, 10, '{1}')$$);
ROLLBACK;
