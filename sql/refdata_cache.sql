-- The per-backend reference cache: a change to a reference table, in this
-- session or committed by another one, is seen by the next statement.
SET search_path = cleanclaim, public;
SELECT current_database() AS db \gset
\setenv PGDATABASE :db
\setenv PGOPTIONS '-c search_path=cleanclaim,public'

CREATE FUNCTION pg_temp.dx_rules(claim jsonb) RETURNS TABLE (rule_id text, severity text, message text)
LANGUAGE sql AS $$
	SELECT rule_id, severity, message FROM cleanclaim.validate(claim, true) WHERE rule_id LIKE 'DX%' ORDER BY 1, 3
$$;
\set claim '{"claim_id": "K1", "service_from": "2025-03-01", "diagnoses": ["E11.9", "J18"]}'

-- nothing loaded: the code-set rules say they did not run
SELECT * FROM pg_temp.dx_rules(:'claim');

-- loaded in this session: seen by the next statement
INSERT INTO icd10cm_codes (code, billable, description, valid_from)
VALUES ('E11.9', true, 'Type 2 diabetes mellitus without complications', '2015-10-01'),
	   ('J18', false, 'Pneumonia, unspecified organism (category)', '2015-10-01');
SELECT * FROM pg_temp.dx_rules(:'claim');

-- changed by another session (a separate psql connection), after this session cached the table
\! psql -X -q -c "UPDATE cleanclaim.icd10cm_codes SET valid_to = '2024-09-30' WHERE code = 'E11.9'"
SELECT * FROM pg_temp.dx_rules(:'claim');

-- a change rolled back is forgotten
BEGIN;
DELETE FROM icd10cm_codes;
SELECT count(*) AS dx_rules_not_checked FROM pg_temp.dx_rules(:'claim') WHERE severity = 'not_checked';
ROLLBACK;
SELECT * FROM pg_temp.dx_rules(:'claim');

-- settings are cached the same way: DX_NOT_BILLABLE turned into a warning, then off, in another session
\! psql -X -q -c "INSERT INTO cleanclaim.rule_settings (rule_id, severity) VALUES ('DX_NOT_BILLABLE', 'warning')"
SELECT * FROM pg_temp.dx_rules(:'claim');
\! psql -X -q -c "UPDATE cleanclaim.rule_settings SET enabled = false WHERE rule_id = 'DX_NOT_BILLABLE'"
SELECT * FROM pg_temp.dx_rules(:'claim');

TRUNCATE icd10cm_codes;
DELETE FROM rule_settings;
SELECT * FROM pg_temp.dx_rules(:'claim');

-- a code set answers only for the dates it covers: FY2025 alone says nothing of a 2020 claim
INSERT INTO icd10cm_codes (code, billable, description, valid_from, valid_to)
VALUES ('E11.9', true, 'Type 2 diabetes mellitus without complications', '2024-10-01', '2025-09-30');
SELECT * FROM pg_temp.dx_rules('{"claim_id": "K2", "service_from": "2020-03-01", "diagnoses": ["E11.9", "Q99.9"]}') WHERE rule_id = 'DX_INVALID';
SELECT * FROM pg_temp.dx_rules('{"claim_id": "K3", "service_from": "2025-03-01", "diagnoses": ["E11.9", "Q99.9"]}') WHERE rule_id = 'DX_INVALID';
TRUNCATE icd10cm_codes;
