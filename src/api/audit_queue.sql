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
