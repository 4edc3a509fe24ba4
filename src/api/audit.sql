
-- The pre-bill audit: the AUDIT_* rules, the learned denial model's
-- training, and the audit queue of a claims ledger.  (Their tables,
-- audit_thresholds and denial_model, are reference data: src/refdata.sql.)

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

-- Training.  A line counts as denied when the claim's first adjudication
-- denied the claim outright, or carries a denial adjustment (see
-- is_denial_adjustment) of a positive amount on that line or on the whole
-- claim.  Each level is smoothed toward the one above it with prior_weight
-- pseudo-lines (k): overall p0 = d/n; payer and procedure (d + k p0)/(n + k);
-- payer and procedure together (d + k (p_payer + p_procedure)/2)/(n + k);
-- a modifier combination (d + k p_payer_procedure)/(n + k).  Rare keys stay
-- near their parents; common ones follow their own history.
CREATE FUNCTION train_denial_model(ledger name, trained_from date DEFAULT NULL, trained_to date DEFAULT NULL,
								   prior_weight double precision DEFAULT 20,
								   OUT lines bigint, OUT denied_lines bigint, OUT model_rows bigint)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog
AS $fn$
DECLARE
	s text := ledger_schema(ledger, '{claims,claim_lines,remittances,adjustments}');
BEGIN
	IF prior_weight IS NULL OR NOT prior_weight > 0 OR prior_weight IN ('Infinity', 'NaN') THEN
		RAISE EXCEPTION 'prior_weight % is not a positive number', coalesce(prior_weight::text, 'NULL')
			USING ERRCODE = '22023', DETAIL = 'prior_weight is how many lines of the parent level''s rate each estimate starts from.',
				  HINT = 'Use a positive number such as 20 (the default); larger values pull rare keys harder toward their parents.';
	END IF;
	IF trained_from > trained_to THEN
		RAISE EXCEPTION 'training period % to % ends before it starts', trained_from, trained_to
			USING ERRCODE = '22023', DETAIL = 'trained_from is after trained_to.',
				  HINT = 'Give the first and the last date of service to learn from (NULL for no bound).';
	END IF;

	LOCK TABLE denial_model IN EXCLUSIVE MODE;
	DELETE FROM denial_model;
	EXECUTE format($q$
		WITH first_adjudication AS (
			SELECT DISTINCT ON (r.claim_id) r.claim_id, r.remittance_id, r.status
			FROM %1$s.remittances r
			WHERE r.status IN ('paid', 'partially_denied', 'denied', 'patient_responsibility')
			ORDER BY r.claim_id, r.received_on, r.remittance_id),
		-- is_denial_adjustment() once per distinct code, not once per adjustment
		denial_codes AS (
			SELECT group_code, carc, cleanclaim.is_denial_adjustment(group_code, carc) AS denial
			FROM (SELECT DISTINCT group_code, carc FROM %1$s.adjustments) x),
		denied AS (
			SELECT DISTINCT a.remittance_id, a.line_no
			FROM %1$s.adjustments a JOIN denial_codes k USING (group_code, carc)
			WHERE k.denial AND a.amount > 0),
		training AS (
			SELECT c.payer_id, l.procedure::cleanclaim.hcpcs AS procedure,
				   cleanclaim.canonical_modifiers(l.modifiers) AS modifiers,
				   fa.status = 'denied' OR on_line.line_no IS NOT NULL OR on_claim.remittance_id IS NOT NULL AS denied
			FROM %1$s.claims c
			JOIN %1$s.claim_lines l USING (claim_id)
			JOIN first_adjudication fa USING (claim_id)
			LEFT JOIN denied on_line ON on_line.remittance_id = fa.remittance_id AND on_line.line_no = l.line_no
			LEFT JOIN denied on_claim ON on_claim.remittance_id = fa.remittance_id AND on_claim.line_no IS NULL
			WHERE cleanclaim.is_valid_hcpcs(l.procedure)
			  AND ($1 IS NULL OR c.service_from >= $1) AND ($2 IS NULL OR c.service_from <= $2)),
		counts AS (
			SELECT payer_id, procedure, modifiers, GROUPING(payer_id, procedure, modifiers) AS g,
				   count(*) AS n, count(*) FILTER (WHERE denied) AS d
			FROM training
			GROUP BY GROUPING SETS ((), (payer_id), (procedure), (payer_id, procedure), (payer_id, procedure, modifiers))),
		overall AS (SELECT n, d, d::float8 / n AS p FROM counts WHERE g = 7 AND n > 0),  -- () gives a row of 0 on no lines
		by_payer AS (SELECT c.payer_id, c.n, c.d, (c.d + $3 * o.p) / (c.n + $3) AS p FROM counts c, overall o WHERE c.g = 3),
		by_procedure AS (SELECT c.procedure, c.n, c.d, (c.d + $3 * o.p) / (c.n + $3) AS p FROM counts c, overall o WHERE c.g = 5),
		by_pair AS (
			SELECT c.payer_id, c.procedure, c.n, c.d, (c.d + $3 * (bp.p + pr.p) / 2) / (c.n + $3) AS p
			FROM counts c JOIN by_payer bp USING (payer_id) JOIN by_procedure pr USING (procedure) WHERE c.g = 1),
		by_combination AS (
			SELECT c.payer_id, c.procedure, c.modifiers, c.n, c.d, (c.d + $3 * pp.p) / (c.n + $3) AS p
			FROM counts c JOIN by_pair pp USING (payer_id, procedure) WHERE c.g = 0)
		INSERT INTO cleanclaim.denial_model (payer_id, procedure, modifiers, lines, denied_lines, probability, trained_from, trained_to)
		SELECT NULL::text, NULL::cleanclaim.hcpcs, NULL::text, n, d, p, $1, $2 FROM overall
		UNION ALL SELECT payer_id, NULL::cleanclaim.hcpcs, NULL::text, n, d, p, $1, $2 FROM by_payer
		UNION ALL SELECT NULL::text, procedure, NULL::text, n, d, p, $1, $2 FROM by_procedure
		UNION ALL SELECT payer_id, procedure, NULL::text, n, d, p, $1, $2 FROM by_pair
		UNION ALL SELECT payer_id, procedure, modifiers, n, d, p, $1, $2 FROM by_combination
	$q$, s) USING trained_from, trained_to, prior_weight;

	SELECT m.lines, m.denied_lines INTO lines, denied_lines FROM denial_model m WHERE m.level = 'overall';
	SELECT count(*) INTO model_rows FROM denial_model;
	lines := coalesce(lines, 0);
	denied_lines := coalesce(denied_lines, 0);
END
$fn$;
COMMENT ON FUNCTION train_denial_model(name, date, date, double precision) IS 'retrains the denial model from a claims ledger''s first adjudications of claims with service dates in the period (NULL: unbounded), replacing denial_model; prior_weight is the smoothing strength k; returns the training lines, the denied ones and the model rows written';

-- The audit queue of a ledger, and the record of an audit.
CREATE FUNCTION create_audit_views(schema_name name) RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog
AS $fn$
DECLARE
	s text := ledger_schema(schema_name, '{claims,submissions,touches}');
BEGIN
	EXECUTE format($ddl$
		CREATE OR REPLACE VIEW %1$s.audit_queue AS
		WITH owners AS MATERIALIZED (SELECT rule_id, owner FROM cleanclaim.rule_catalog())	-- once, not per claim
		SELECT c.claim_id, c.payer_id, c.claim_type, c.service_from, c.total_charge,
			   r.expected_denied, r.probability AS denial_probability,
			   f.audit_score, f.flags, f.reasons, f.owner,
			   cleanclaim.issues(d.claim) AS issues,
			   la.status AS audit_status, la.touched_at AS audited_at
		FROM %1$s.claims c
		JOIN %1$s.claim_documents d USING (claim_id)
		CROSS JOIN LATERAL cleanclaim.denial_risk(d.claim) r
		CROSS JOIN LATERAL (
			SELECT least(100, sum(a.weight)) AS audit_score,
				   array_agg(a.flag ORDER BY a.weight DESC, a.flag) AS flags,
				   array_agg(a.reason ORDER BY a.weight DESC, a.flag) AS reasons,
				   (array_agg(rc.owner ORDER BY a.weight DESC, a.flag))[1] AS owner
			FROM cleanclaim.audit_flags(d.claim) a
			JOIN owners rc ON rc.rule_id = a.flag) f
		LEFT JOIN LATERAL (
			SELECT substr(t.action, 7) AS status, t.touched_at FROM %1$s.touches t
			WHERE t.claim_id = c.claim_id AND t.action LIKE 'audit\_%%'
			ORDER BY t.touched_at DESC, t.touch_id DESC LIMIT 1) la ON true
		WHERE f.flags IS NOT NULL
		  AND NOT EXISTS (SELECT 1 FROM %1$s.submissions x WHERE x.claim_id = c.claim_id)
		  AND la.status IS DISTINCT FROM 'cleared' AND la.status IS DISTINCT FROM 'corrected'
		ORDER BY r.expected_denied DESC NULLS LAST, f.audit_score DESC, c.total_charge DESC, c.claim_id;
		COMMENT ON VIEW %1$s.audit_queue IS 'grain: one row per claim not yet submitted that has audit flags and was not cleared or corrected by an audit; riskiest first (expected denied dollars, then audit score, then charge), with its flags and their reasons (heaviest first), the team owning the heaviest flag, its scrub issues and whether an audit holds it';
	$ddl$, s);
END
$fn$;
COMMENT ON FUNCTION create_audit_views(name) IS 'creates (or replaces) the audit queue view of the claims ledger in the schema named (create_ledger_views() calls it)';

CREATE FUNCTION record_audit(ledger name, claim_id text, outcome text, note text DEFAULT NULL, team text DEFAULT 'audit')
RETURNS bigint
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog
AS $fn$
DECLARE
	s text := ledger_schema(ledger, '{claims,touches}');
	found boolean;
	touch bigint;
BEGIN
	IF outcome IS NULL OR outcome NOT IN ('cleared', 'corrected', 'held') THEN
		RAISE EXCEPTION 'unknown audit outcome "%"', coalesce(outcome, 'NULL')
			USING ERRCODE = '22023', DETAIL = 'An audit ends cleared, corrected or held.',
				  HINT = 'cleared: the claim goes out as it is; corrected: it was fixed; held: it waits (it stays in the queue).';
	END IF;
	EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s.claims WHERE claim_id = $1)', s) INTO found USING claim_id;
	IF NOT found THEN
		RAISE EXCEPTION 'claim "%" is not in the ledger %', claim_id, ledger
			USING ERRCODE = '23503', DETAIL = 'record_audit() records an audit of a claim of the ledger.',
				  HINT = 'Check the claim id, and the ledger schema named.';
	END IF;
	EXECUTE format('INSERT INTO %s.touches (claim_id, team, action, note) VALUES ($1, $2, $3, $4) RETURNING touch_id', s)
		INTO touch USING claim_id, team, 'audit_' || outcome, note;
	RETURN touch;
END
$fn$;
COMMENT ON FUNCTION record_audit(name, text, text, text, text) IS 'records the outcome of a pre-bill audit (cleared, corrected, held) as a touch of the claim in the ledger (action audit_<outcome>), so the metrics count it and the queue drops cleared and corrected claims; returns the touch id';
