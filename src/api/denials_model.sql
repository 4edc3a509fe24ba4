-- The learned denial model: train_denial_model() fills denial_model (reference
-- data, src/refdata/refdata.sql) from a claims ledger's first adjudications;
-- AUDIT_DENIAL_RISK and denial_risk() score claims with it.

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

