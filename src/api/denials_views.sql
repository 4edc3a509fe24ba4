-- The denial views of a claims ledger, on the denial dictionary.

-- Denial views on a claims ledger ---------------------------------------------
--
-- create_ledger_views() calls create_denial_views() for every ledger, so an
-- upgrade that makes the ledger views again makes these too.  Which
-- adjustments are denials: never patient responsibility (PR) or a
-- correction (CR); else what denial_reasons.denial says, and for a code the
-- dictionary does not map (or does not hold) what is_denial_adjustment()
-- says.  The dictionary thus decides for the codes it maps (a user who sets
-- denial = false on a code takes it out of every view), and the ledger's
-- own list of payment-policy codes decides for the rest.  Adjustments of a
-- reversal (remittance status reversed) are left out: a denial that was
-- later reversed was still received.

CREATE FUNCTION create_denial_views(schema_name name) RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog
AS $fn$
DECLARE
	-- (ledger_schema() is in src/ledger.sql)
	s text := ledger_schema(schema_name, '{claims,remittances,adjustments}');
BEGIN
	EXECUTE format($ddl$
		CREATE OR REPLACE VIEW %1$s.denials AS
		SELECT a.adjustment_id, a.remittance_id, r.claim_id, a.line_no, c.payer_id, c.claim_type, c.billing_npi,
			   c.service_from, r.received_on AS denied_on, date_trunc('month', r.received_on)::date AS month,
			   a.group_code, k.carc, a.rarcs[1] AS rarc, a.rarcs, a.amount,
			   d.description, coalesce(d.category, 'unmapped') AS category, coalesce(d.owner, 'unassigned') AS owner,
			   d.preventable, d.root_cause, d.prevention, coalesce(d.rule_ids, '{}') AS rule_ids,
			   d.category IS NOT NULL AS mapped
		FROM %1$s.adjustments a
		JOIN %1$s.remittances r ON r.remittance_id = a.remittance_id
		JOIN %1$s.claims c ON c.claim_id = r.claim_id
		CROSS JOIN LATERAL (SELECT CASE WHEN a.carc ~ '^[0-9]+$' THEN ltrim(a.carc, '0') ELSE a.carc END AS carc) k
		LEFT JOIN cleanclaim.denial_reasons d ON d.carc = k.carc
		WHERE r.status <> 'reversed'
		  AND a.group_code NOT IN ('PR', 'CR')
		  AND coalesce(d.denial, cleanclaim.is_denial_adjustment(a.group_code, k.carc));
		COMMENT ON VIEW %1$s.denials IS 'grain: one row per denial adjustment (an 835 CAS adjustment that is a denial, on a remittance that is not a reversal); the claim, line, payer, month, codes and amount, with the denial dictionary''s category, owner, preventability, root cause and prevention';
		COMMENT ON COLUMN %1$s.denials.denied_on IS 'the day the remittance that carried the denial was received';
		COMMENT ON COLUMN %1$s.denials.month IS 'the first day of the month of denied_on';
		COMMENT ON COLUMN %1$s.denials.carc IS 'the claim adjustment reason code, without leading zeros';
		COMMENT ON COLUMN %1$s.denials.rarc IS 'the first remark code of the adjustment (all of them in rarcs)';
		COMMENT ON COLUMN %1$s.denials.amount IS 'the adjusted (denied) amount, in dollars';
		COMMENT ON COLUMN %1$s.denials.category IS 'the dictionary''s category; unmapped when cleanclaim.denial_reasons has no mapping for the code';
		COMMENT ON COLUMN %1$s.denials.owner IS 'the team that owns the prevention; unassigned when the code has no mapping';
		COMMENT ON COLUMN %1$s.denials.preventable IS 'whether the dictionary holds the denial usually preventable before submission; NULL when the code has no mapping';
		COMMENT ON COLUMN %1$s.denials.rule_ids IS 'the rules of the scrubber that would have caught the usual causes before submission';
		COMMENT ON COLUMN %1$s.denials.mapped IS 'whether cleanclaim.denial_reasons maps the code';

		CREATE OR REPLACE VIEW %1$s.denials_by_reason AS
		SELECT x.carc, d.description, coalesce(d.category, 'unmapped') AS category, coalesce(d.owner, 'unassigned') AS owner,
			   d.preventable, d.root_cause, d.prevention, coalesce(d.rule_ids, '{}') AS rule_ids,
			   x.denials, x.claims, x.denied_amount,
			   round(x.denied_amount / nullif(sum(x.denied_amount) OVER (), 0), 4) AS share_of_denied_amount,
			   x.first_denied_on, x.last_denied_on
		FROM (SELECT n.carc, count(*) AS denials, count(DISTINCT n.claim_id) AS claims, sum(n.amount) AS denied_amount,
					 min(n.denied_on) AS first_denied_on, max(n.denied_on) AS last_denied_on
			  FROM %1$s.denials n GROUP BY n.carc) x
		LEFT JOIN cleanclaim.denial_reasons d ON d.carc = x.carc;
		COMMENT ON VIEW %1$s.denials_by_reason IS 'grain: one row per CARC that has denials in the ledger; counts, claims and dollars over the whole ledger, with what the dictionary says about the code';
		COMMENT ON COLUMN %1$s.denials_by_reason.denials IS 'denial adjustments with this code';
		COMMENT ON COLUMN %1$s.denials_by_reason.claims IS 'distinct claims with a denial of this code (a claim denied for two codes counts under both)';
		COMMENT ON COLUMN %1$s.denials_by_reason.share_of_denied_amount IS 'this code''s part of all denied dollars of the ledger (0 to 1)';

		CREATE OR REPLACE VIEW %1$s.denials_by_category AS
		SELECT n.month, n.payer_id, n.category, n.owner,
			   count(*) AS denials, count(DISTINCT n.claim_id) AS claims, sum(n.amount) AS denied_amount,
			   count(*) FILTER (WHERE n.preventable) AS preventable_denials,
			   coalesce(sum(n.amount) FILTER (WHERE n.preventable), 0) AS preventable_amount,
			   round(coalesce(sum(n.amount) FILTER (WHERE n.preventable), 0) / nullif(sum(n.amount), 0), 4) AS preventable_share
		FROM %1$s.denials n
		GROUP BY n.month, n.payer_id, n.category, n.owner;
		COMMENT ON VIEW %1$s.denials_by_category IS 'grain: one row per month, payer, category and owner that has denials; counts and dollars add up over any of the four (claims do not: a claim is counted in each row it has a denial in), preventable_share is recomputed from the sums';
		COMMENT ON COLUMN %1$s.denials_by_category.month IS 'the first day of the month the denials were received';
		COMMENT ON COLUMN %1$s.denials_by_category.claims IS 'distinct claims with a denial in the row; not additive across rows';
		COMMENT ON COLUMN %1$s.denials_by_category.preventable_amount IS 'denied dollars of codes the dictionary holds preventable';
		COMMENT ON COLUMN %1$s.denials_by_category.preventable_share IS 'preventable_amount / denied_amount (0 to 1); sum both columns before dividing when rolling rows up; unmapped codes count as not preventable';

		CREATE OR REPLACE VIEW %1$s.denials_by_month AS
		SELECT m.month, coalesce(a.claims_adjudicated, 0) AS claims_adjudicated, coalesce(n.denied_claims, 0) AS denied_claims,
			   round(coalesce(n.denied_claims, 0)::numeric / nullif(a.claims_adjudicated, 0), 4) AS claim_denial_rate,
			   coalesce(n.denials, 0) AS denials, coalesce(n.denied_amount, 0) AS denied_amount,
			   coalesce(n.preventable_amount, 0) AS preventable_amount,
			   round(n.preventable_amount / nullif(n.denied_amount, 0), 4) AS preventable_share
		FROM (SELECT date_trunc('month', r.received_on)::date AS month FROM %1$s.remittances r
			  WHERE r.status <> 'reversed' GROUP BY 1) m
		LEFT JOIN (SELECT date_trunc('month', r.received_on)::date AS month, count(DISTINCT r.claim_id) AS claims_adjudicated
				   FROM %1$s.remittances r
				   WHERE r.status IN ('paid', 'partially_denied', 'denied', 'patient_responsibility')
				   GROUP BY 1) a USING (month)
		LEFT JOIN (SELECT d.month, count(DISTINCT d.claim_id) AS denied_claims, count(*) AS denials, sum(d.amount) AS denied_amount,
						  coalesce(sum(d.amount) FILTER (WHERE d.preventable), 0) AS preventable_amount
				   FROM %1$s.denials d GROUP BY d.month) n USING (month);
		COMMENT ON VIEW %1$s.denials_by_month IS 'grain: one row per month with a remittance that is not a reversal; claims adjudicated and claims denied that month (distinct claims, by the day the remittance was received), the claim denial rate, denials, denied and preventable dollars and the preventable share';
		COMMENT ON COLUMN %1$s.denials_by_month.claims_adjudicated IS 'distinct claims with a remittance (paid, partially denied, denied or patient responsibility) received in the month';
		COMMENT ON COLUMN %1$s.denials_by_month.claim_denial_rate IS 'denied_claims / claims_adjudicated (0 to 1)';

		CREATE OR REPLACE VIEW %1$s.denial_prevention_rules AS
		SELECT rr.rule_id, rc.category AS rule_category, rc.owner AS rule_owner,
			   array_agg(DISTINCT n.carc ORDER BY n.carc) AS carcs,
			   count(*) AS denials, count(DISTINCT n.claim_id) AS claims, sum(n.amount) AS denied_amount,
			   round(sum(n.amount * rr.share), 2) AS prevented_amount,
			   round(sum(rr.share * n.amount / nullif(t.claim_denied, 0)), 4) AS prevented_claims,
			   round(sum(n.amount * rr.share) / nullif((SELECT sum(a.amount) FROM %1$s.denials a), 0), 4) AS share_of_denied_amount
		FROM %1$s.denials n
		JOIN cleanclaim.denial_reason_rules rr ON rr.carc = n.carc
		JOIN (SELECT c.claim_id, sum(c.amount) AS claim_denied FROM %1$s.denials c GROUP BY c.claim_id) t ON t.claim_id = n.claim_id
		LEFT JOIN cleanclaim.rule_catalog() rc ON rc.rule_id = rr.rule_id
		GROUP BY rr.rule_id, rc.category, rc.owner;
		COMMENT ON VIEW %1$s.denial_prevention_rules IS 'grain: one row per rule of the scrubber that the dictionary names for at least one denied code of the ledger; the denials, claims and dollars it would have prevented.  A denial whose code names n rules gives each 1/n of its dollars (prevented_amount), so that the rules'' prevented dollars add up to the denied dollars of the codes that name rules; denied_amount and claims count every denial in full';
		COMMENT ON COLUMN %1$s.denial_prevention_rules.carcs IS 'the denied codes of the ledger the dictionary maps to this rule';
		COMMENT ON COLUMN %1$s.denial_prevention_rules.denied_amount IS 'all dollars of the denials whose code names this rule (a denial is counted for each of its rules: not additive)';
		COMMENT ON COLUMN %1$s.denial_prevention_rules.prevented_amount IS 'the rule''s share of those dollars: each denial''s amount divided by the number of rules its code names (additive: each dollar counts once)';
		COMMENT ON COLUMN %1$s.denial_prevention_rules.prevented_claims IS 'claims prevented, each denied claim counting once in all: a claim''s 1 is split over its denials by dollars, then over the rules of each code';
		COMMENT ON COLUMN %1$s.denial_prevention_rules.share_of_denied_amount IS 'prevented_amount / all denied dollars of the ledger (0 to 1)';
	$ddl$, s);
END
$fn$;
COMMENT ON FUNCTION create_denial_views(name) IS 'creates (or replaces) the denial views of the claims ledger in the schema named: denials, denials_by_reason, denials_by_category, denials_by_month and denial_prevention_rules (create_ledger() and create_ledger_views() call it)';
