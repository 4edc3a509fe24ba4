
-- The pre-bill audit: the SQL functions over the AUDIT_* rules.  (Their
-- tables, audit_thresholds and denial_model, are reference data:
-- src/refdata/refdata.sql; the model's training is denials_model.sql, the
-- audit queue of a ledger audit_queue.sql.)

CREATE FUNCTION canonical_modifiers(modifiers text[]) RETURNS text
	AS 'MODULE_PATHNAME', 'canonical_modifiers_sql' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION canonical_modifiers(text[]) IS 'a line''s modifiers as the denial model keys them: the two-character ones, upper case, distinct, sorted and comma-separated ("" for none)';

-- the audit flags, for a claim in every form validate() takes
CREATE FUNCTION audit_flags(claim jsonb, OUT flag text, OUT reason text, OUT weight double precision) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'claim_audit_flags' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION audit_flags(jsonb) IS 'one row per pre-bill audit flag of a claim given as jsonb: the AUDIT_* rule, why, and its weight in the audit score';
CREATE FUNCTION audit_flags(claim record, OUT flag text, OUT reason text, OUT weight double precision) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'claim_audit_flags' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION audit_flags(record) IS 'one row per pre-bill audit flag of a claim given as a row';

CREATE FUNCTION needs_audit(claim jsonb) RETURNS boolean
	AS 'MODULE_PATHNAME', 'claim_needs_audit' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION needs_audit(jsonb) IS 'true when the claim (jsonb) has at least one audit flag';
CREATE FUNCTION needs_audit(claim record) RETURNS boolean
	AS 'MODULE_PATHNAME', 'claim_needs_audit' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION needs_audit(record) IS 'true when the claim (row) has at least one audit flag';

CREATE FUNCTION audit_score(claim jsonb) RETURNS double precision
	AS 'MODULE_PATHNAME', 'claim_audit_score' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION audit_score(jsonb) IS 'audit priority 0-100 of a claim (jsonb): the weights of its audit flags summed, at most 100 (defaults: high dollar 40, denial risk 30, unlisted procedure 25, risky modifier 20, many warnings 15)';
CREATE FUNCTION audit_score(claim record) RETURNS double precision
	AS 'MODULE_PATHNAME', 'claim_audit_score' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION audit_score(record) IS 'audit priority 0-100 of a claim given as a row';

CREATE FUNCTION denial_risk(claim jsonb, OUT probability double precision, OUT expected_denied numeric, OUT lines jsonb)
	AS 'MODULE_PATHNAME', 'claim_denial_risk' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION denial_risk(jsonb) IS 'the learned denial risk of a claim (jsonb): the probability that at least one line is denied, the expected denied dollars (each line''s probability times its charge), and the lines with their probability, riskiest first; NULLs when the model is empty';
CREATE FUNCTION denial_risk(claim record, OUT probability double precision, OUT expected_denied numeric, OUT lines jsonb)
	AS 'MODULE_PATHNAME', 'claim_denial_risk' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION denial_risk(record) IS 'the learned denial risk of a claim given as a row';
