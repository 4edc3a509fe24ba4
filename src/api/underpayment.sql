
-- Underpayment: what each paid line should have brought under the payer's
-- fee schedule, against what it did.  A ledger's fee_schedule (per payer,
-- procedure, modifier, place of service or setting, dates: an amount per
-- unit or a percent of the charge) and payment_settings (the payers'
-- multiple-procedure, bilateral, assistant and component rules, and the
-- tolerance), and the view underpaid_lines.

-- The settings a payer's payment follows, with their defaults (Medicare's
-- physician fee schedule rules, for a payer that sets none).
CREATE FUNCTION payment_setting_defaults(OUT setting text, OUT value numeric, OUT meaning text)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	VALUES ('multiple_procedure_rate', 0.50, 'modifier 51: the second and later procedures of a session are paid at this share of their fee'),
		   ('bilateral_rate', 1.50, 'modifier 50: a bilateral procedure is paid at this share of its fee'),
		   ('assistant_rate', 0.16, 'modifiers 80, 81, 82 and AS: an assistant at surgery is paid at this share of the surgeon''s fee'),
		   ('professional_component_rate', 0.40, 'modifier 26: the professional component, when the schedule has no row of its own for it'),
		   ('technical_component_rate', 0.60, 'modifier TC: the technical component, when the schedule has no row of its own for it'),
		   ('tolerance_amount', 1.00, 'a line is underpaid when it brought less than expected by more than this amount ...'),
		   ('tolerance_percent', 0.02, '... and by more than this share of the expected amount')
$$;
COMMENT ON FUNCTION payment_setting_defaults() IS 'the payment settings underpaid_lines applies when a payer sets none (payment_settings): the modifier 51, 50, 80/81/82/AS, 26 and TC rates and the tolerance, with what each means';

-- The fee schedule and settings tables and the underpaid_lines view of a
-- ledger (create_ledger_views calls it).
CREATE FUNCTION create_underpayment_views(schema_name name) RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog
SET client_min_messages = warning
AS $fn$
DECLARE
	s text := ledger_schema(schema_name, '{claims,claim_lines,remittances,adjustments,remittance_lines}');
BEGIN
	EXECUTE format($ddl$
		CREATE TABLE IF NOT EXISTS %1$s.fee_schedule (
			fee_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			payer_id text NOT NULL,
			procedure text NOT NULL,
			modifier text,
			place_of_service text,
			setting text CHECK (setting IN ('facility', 'non_facility')),
			amount numeric(14,2) CHECK (amount >= 0),
			percent_of_charge numeric CHECK (percent_of_charge > 0 AND percent_of_charge <= 1),
			valid_from date NOT NULL DEFAULT '1900-01-01',
			valid_to date,
			CHECK ((amount IS NULL) <> (percent_of_charge IS NULL)),
			CHECK (valid_to IS NULL OR valid_to >= valid_from)
		);
		COMMENT ON TABLE %1$s.fee_schedule IS 'what a payer pays for a procedure per unit: an amount or a percent of the charge, for a modifier (NULL: any), a place of service or setting (NULL: any), between two dates; the most specific row wins';
		CREATE INDEX IF NOT EXISTS fee_schedule_lookup_idx ON %1$s.fee_schedule (payer_id, procedure, valid_from);

		CREATE TABLE IF NOT EXISTS %1$s.payment_settings (
			payer_id text,
			setting text NOT NULL CHECK (setting IN ('multiple_procedure_rate', 'bilateral_rate', 'assistant_rate',
				'professional_component_rate', 'technical_component_rate', 'tolerance_amount', 'tolerance_percent')),
			value numeric NOT NULL CHECK (value >= 0)
		);
		CREATE UNIQUE INDEX IF NOT EXISTS payment_settings_key ON %1$s.payment_settings (coalesce(payer_id, ''), setting);
		COMMENT ON TABLE %1$s.payment_settings IS 'the payment rules of a payer (payer_id NULL: of every payer) that underpaid_lines applies; cleanclaim.payment_setting_defaults() lists them and their defaults';
	$ddl$, s);

	EXECUTE format($ddl$
		CREATE OR REPLACE VIEW %1$s.underpaid_lines AS
		WITH settings AS (
			-- each payer's value of each setting: its own, else every payer's, else the default
			SELECT p.payer_id, d.setting,
				   coalesce((SELECT x.value FROM %1$s.payment_settings x WHERE x.payer_id = p.payer_id AND x.setting = d.setting),
							(SELECT x.value FROM %1$s.payment_settings x WHERE x.payer_id IS NULL AND x.setting = d.setting),
							d.value) AS value
			FROM (SELECT DISTINCT payer_id FROM %1$s.claims) p, cleanclaim.payment_setting_defaults() d),
		paid AS (
			SELECT r.remittance_id, r.claim_id, c.payer_id, r.received_on, l.line_no, l.claim_line_no, l.procedure,
				   coalesce(l.modifiers, '{}') AS modifiers, coalesce(l.units, k.units, 1) AS units, l.charge, l.paid_amount,
				   coalesce(k.place_of_service, c.place_of_service) AS place_of_service,
				   coalesce(l.service_date, k.service_date, c.service_from) AS service_date,
				   c.claim_type,
				   (SELECT coalesce(sum(a.amount), 0) FROM %1$s.adjustments a
					WHERE a.remittance_id = r.remittance_id AND a.line_no IS NOT DISTINCT FROM coalesce(l.claim_line_no, l.line_no)
					  AND a.group_code = 'PR') AS patient_responsibility,
				   (SELECT array_agg(DISTINCT a.group_code || '-' || a.carc ORDER BY a.group_code || '-' || a.carc) FROM %1$s.adjustments a
					WHERE a.remittance_id = r.remittance_id AND a.line_no IS NOT DISTINCT FROM coalesce(l.claim_line_no, l.line_no)
					  AND a.group_code <> 'PR' AND a.carc <> '45') AS other_adjustments
			FROM %1$s.remittances r
			JOIN %1$s.claims c USING (claim_id)
			JOIN %1$s.remittance_lines l USING (remittance_id)
			LEFT JOIN %1$s.claim_lines k ON k.claim_id = r.claim_id AND k.line_no = l.claim_line_no
			-- a payment later reversed is not the payer's last word: only remittances no reversal took back
			WHERE r.status IN ('paid', 'partially_denied', 'patient_responsibility')
			  AND NOT EXISTS (SELECT 1 FROM %1$s.remittances v
							  WHERE v.claim_id = r.claim_id AND v.status = 'reversed' AND v.payer_claim_number = r.payer_claim_number
								AND v.received_on >= r.received_on)),
		priced AS (
			SELECT p.*, f.fee_id, f.modifier AS fee_modifier, f.amount AS fee_amount, f.percent_of_charge,
				   CASE WHEN f.amount IS NOT NULL THEN f.amount * p.units ELSE f.percent_of_charge * p.charge END AS fee
			FROM paid p
			JOIN LATERAL (
				SELECT f.* FROM %1$s.fee_schedule f
				WHERE f.payer_id = p.payer_id AND f.procedure = p.procedure
				  AND (f.modifier IS NULL OR f.modifier = ANY (p.modifiers))
				  AND (f.place_of_service IS NULL OR f.place_of_service = p.place_of_service)
				  AND (f.setting IS NULL OR f.setting = CASE WHEN p.claim_type = 'institutional' OR p.place_of_service IN ('19', '21', '22', '23', '24', '26', '31', '34', '51', '52', '53', '56', '61')
																   THEN 'facility' ELSE 'non_facility' END)
				  AND p.service_date >= f.valid_from AND (f.valid_to IS NULL OR p.service_date <= f.valid_to)
				-- the most specific row: a modifier's, a place of service's, a setting's, the newest
				ORDER BY f.modifier IS NULL, f.place_of_service IS NULL, f.setting IS NULL, f.valid_from DESC, f.fee_id
				LIMIT 1) f ON true),
		factored AS (
			-- the modifiers that change the payment, unless the schedule priced the line's own
			SELECT q.*, m.factor, m.applied
			FROM priced q
			CROSS JOIN LATERAL (
				SELECT coalesce(exp(sum(ln(x.rate))), 1) AS factor,
					   string_agg(x.modifier || ' at ' || round(x.rate * 100) || '%%', ', ' ORDER BY x.modifier) AS applied
				FROM (SELECT mm.modifier,
							 (SELECT st.value FROM settings st WHERE st.payer_id = q.payer_id AND st.setting = mm.setting) AS rate
					  FROM (VALUES ('51', 'multiple_procedure_rate'), ('50', 'bilateral_rate'), ('80', 'assistant_rate'),
								   ('81', 'assistant_rate'), ('82', 'assistant_rate'), ('AS', 'assistant_rate'),
								   ('26', 'professional_component_rate'), ('TC', 'technical_component_rate')) mm(modifier, setting)
					  WHERE mm.modifier = ANY (q.modifiers) AND mm.modifier IS DISTINCT FROM q.fee_modifier) x
				WHERE x.rate > 0) m)
		SELECT z.claim_id, z.remittance_id, z.line_no, z.claim_line_no, z.payer_id, z.service_date, z.procedure, z.modifiers,
			   z.units, z.charge, z.paid_amount, z.patient_responsibility, z.paid_amount + z.patient_responsibility AS received,
			   round(z.fee * z.factor, 2) AS expected_amount,
			   round(z.fee * z.factor, 2) - (z.paid_amount + z.patient_responsibility) AS shortfall,
			   'fee schedule row ' || z.fee_id || ': ' ||
			   CASE WHEN z.fee_amount IS NOT NULL THEN z.fee_amount || ' x ' || z.units || ' unit' || CASE WHEN z.units = 1 THEN '' ELSE 's' END
					ELSE round(z.percent_of_charge * 100, 2) || '%% of the charge ' || z.charge END ||
			   coalesce('; modifier ' || z.applied, '') AS computed,
			   z.other_adjustments[1] AS explaining_carc, z.other_adjustments,
			   z.factor <> 1 AS modifier_changed_payment
		FROM factored z, settings ta, settings tp
		WHERE ta.payer_id = z.payer_id AND ta.setting = 'tolerance_amount'
		  AND tp.payer_id = z.payer_id AND tp.setting = 'tolerance_percent'
		  AND round(z.fee * z.factor, 2) - (z.paid_amount + z.patient_responsibility) > greatest(ta.value, tp.value * round(z.fee * z.factor, 2));
		COMMENT ON VIEW %1$s.underpaid_lines IS 'grain: one row per paid service line (835 SVC of a remittance no reversal took back) that brought less than the payer''s fee schedule says, beyond the tolerance: the expected amount (the most specific fee row, times the units or as a percent of the charge, with the payment settings of its modifiers 51, 50, 80/81/82/AS, 26, TC), what came (paid plus patient responsibility), the shortfall, how the expectation was computed, the adjustment codes other than CO-45 and PR that may explain it, and whether a modifier changed the payment';
	$ddl$, s);
END
$fn$;
COMMENT ON FUNCTION create_underpayment_views(name) IS 'creates a claims ledger''s fee_schedule and payment_settings tables (when missing) and its underpaid_lines view; create_ledger_views() calls it';
