
-- The claims ledger: where outcomes come from.  create_ledger(schema) makes
-- ordinary tables (not members of the extension: dropping the extension
-- never drops claim data) and the views on them, in a schema the user names.

-- Is an adjustment a denial (as opposed to a contractual reduction, patient
-- responsibility or a correction)?  The denial dictionary says, for the codes
-- it holds; for the others, every code but the payment-policy reductions is.
-- Used by the ledger's views and the denial model's training.  Not SET
-- search_path, so that the planner can inline it; $1 and $2, because inside
-- the subquery "carc" would name the dictionary's column.
CREATE FUNCTION is_denial_adjustment(group_code text, carc text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
	SELECT CASE
		WHEN $1 IS NULL OR $2 IS NULL THEN NULL
		WHEN upper($1) IN ('PR', 'CR') THEN false	-- patient responsibility; 4010 corrections
		ELSE coalesce(
			(SELECT r.denial FROM cleanclaim.denial_reasons r
			 WHERE r.carc = CASE WHEN btrim($2) ~ '^[0-9]+$' THEN ltrim(btrim($2), '0') ELSE upper(btrim($2)) END),
			-- contractual, sequestration, multiple-procedure and other reductions
			ltrim(btrim($2), '0') NOT IN ('45', '253', '59', '94', '131', '23', '144'))
	END
$$;
COMMENT ON FUNCTION is_denial_adjustment(text, text) IS 'true when a remittance adjustment (group code, CARC) is a denial: never under patient responsibility (PR) or a correction (CR); else denial_reasons.denial for the codes the dictionary holds, and for the others every code but the contractual and payment-policy reductions (CARC 45, 253, 59, 94, 131, 23, 144)';

-- The schema name, quoted for SQL, once it is known to hold a claims ledger
-- (the tables named); the functions that work on a ledger start with it.
CREATE FUNCTION ledger_schema(schema_name name, tables text[] DEFAULT '{claims}') RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog
AS $fn$
DECLARE
	missing text[];
BEGIN
	IF schema_name IS NULL THEN
		RAISE EXCEPTION 'the schema name of a claims ledger is null'
			USING ERRCODE = '22023', DETAIL = 'The functions of a claims ledger need the name of its schema.',
				  HINT = 'Name the schema you gave cleanclaim.create_ledger(), such as ''billing''.';
	END IF;
	SELECT array_agg(t ORDER BY n) INTO missing
	FROM unnest(tables) WITH ORDINALITY u(t, n)
	WHERE to_regclass(quote_ident(schema_name) || '.' || quote_ident(t)) IS NULL;
	IF missing IS NOT NULL THEN
		RAISE EXCEPTION 'schema "%" has no claims ledger', schema_name
			USING ERRCODE = '42P01', DETAIL = format('Tables missing: %s.', array_to_string(missing, ', ')),
				  HINT = 'Create it with cleanclaim.create_ledger(); a ledger made by an earlier version gets the tables it lacks from cleanclaim.upgrade_ledger().';
	END IF;
	RETURN quote_ident(schema_name);
END
$fn$;
COMMENT ON FUNCTION ledger_schema(name, text[]) IS 'internal: the schema name quoted for SQL, after checking that the schema holds the claims ledger tables named (22023 for a NULL name, 42P01 when one is missing)';

CREATE FUNCTION create_ledger(schema_name name) RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog
AS $fn$
DECLARE
	s text := quote_ident(schema_name);
BEGIN
	IF schema_name IS NULL THEN
		RAISE EXCEPTION 'create_ledger() needs a schema name'
			USING ERRCODE = '22023', HINT = 'SELECT cleanclaim.create_ledger(''billing'');';
	END IF;
	IF schema_name = 'cleanclaim' OR schema_name LIKE 'pg\_%' OR schema_name = 'information_schema' THEN
		RAISE EXCEPTION 'create_ledger() will not put claim data in schema "%"', schema_name
			USING ERRCODE = '22023',
				  DETAIL = 'That schema belongs to the extension or to PostgreSQL.',
				  HINT = 'Name a schema of your own, for example billing.';
	END IF;
	IF to_regclass(format('%s.claims', s)) IS NOT NULL THEN
		RAISE EXCEPTION 'schema "%" already has a claims table', schema_name
			USING ERRCODE = '42P07',
				  HINT = 'create_ledger() makes a new ledger; pick another schema or drop the old tables first.';
	END IF;
	EXECUTE format('CREATE SCHEMA IF NOT EXISTS %s', s);

	EXECUTE format($ddl$
		CREATE TABLE %1$s.claims (
			claim_id text PRIMARY KEY,
			claim_type text NOT NULL DEFAULT 'professional' CHECK (claim_type IN ('professional', 'institutional')),
			payer_id text NOT NULL,
			member_id text,
			subscriber_last_name text,
			subscriber_first_name text,
			patient_relationship text,
			patient_last_name text,
			patient_first_name text,
			patient_birth_date date,
			patient_sex text,
			billing_npi text,
			billing_tax_id text,
			billing_taxonomy text,
			billing_address text,
			billing_city text,
			billing_state text,
			billing_zip text,
			rendering_npi text,
			referring_npi text,
			attending_npi text,
			place_of_service text,
			frequency_code text NOT NULL DEFAULT '1',
			type_of_bill text,
			original_claim_id text,
			prior_auth text,
			admission_date date,
			admission_type text,
			admission_source text,
			discharge_status text,
			service_from date NOT NULL,
			service_to date,
			total_charge numeric(14,2) NOT NULL CHECK (total_charge >= 0),
			expected_amount numeric(14,2) CHECK (expected_amount >= 0),
			diagnoses text[] NOT NULL DEFAULT '{}',
			icd10pcs_procedures text[],
			created_at timestamptz NOT NULL DEFAULT now()
		);
		COMMENT ON TABLE %1$s.claims IS 'claims as billed (the claim contract''s header fields); one row per claim';
		CREATE INDEX ON %1$s.claims (payer_id, service_from);
		CREATE INDEX ON %1$s.claims (billing_npi);

		CREATE TABLE %1$s.claim_lines (
			claim_id text NOT NULL REFERENCES %1$s.claims ON UPDATE CASCADE ON DELETE CASCADE,
			line_no integer NOT NULL CHECK (line_no > 0),
			revenue_code text,
			procedure text,
			modifiers text[],
			units numeric,
			charge numeric(14,2) CHECK (charge >= 0),
			service_date date,
			dx_pointers integer[],
			ndc text,
			ndc_units numeric,
			rendering_npi text,
			place_of_service text,
			PRIMARY KEY (claim_id, line_no)
		);
		COMMENT ON TABLE %1$s.claim_lines IS 'service lines of the claims (the claim contract''s line fields)';
		CREATE INDEX ON %1$s.claim_lines (procedure);

		CREATE TABLE %1$s.submissions (
			submission_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			claim_id text NOT NULL REFERENCES %1$s.claims ON UPDATE CASCADE ON DELETE CASCADE,
			submitted_on date NOT NULL,
			frequency_code text NOT NULL DEFAULT '1',
			channel text
		);
		COMMENT ON TABLE %1$s.submissions IS 'each time a claim was sent (the first is the original; later ones are resubmissions)';
		CREATE INDEX ON %1$s.submissions (claim_id, submitted_on);

		CREATE TABLE %1$s.responses (
			submission_id bigint PRIMARY KEY REFERENCES %1$s.submissions ON DELETE CASCADE,
			received_on date NOT NULL,
			status text NOT NULL CHECK (status IN ('accepted', 'rejected')),
			reason text
		);
		COMMENT ON TABLE %1$s.responses IS 'the clearinghouse or payer front-end answer to a submission (999/277CA): accepted or rejected';

		CREATE TABLE %1$s.remittances (
			remittance_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			claim_id text NOT NULL REFERENCES %1$s.claims ON UPDATE CASCADE ON DELETE CASCADE,
			submission_id bigint REFERENCES %1$s.submissions ON DELETE SET NULL,
			received_on date NOT NULL,
			status text NOT NULL CHECK (status IN ('paid', 'partially_denied', 'denied', 'patient_responsibility', 'pending', 'reversed')),
			charge numeric(14,2) CHECK (charge >= 0),
			paid_amount numeric(14,2) NOT NULL DEFAULT 0 CHECK (paid_amount >= 0),
			patient_responsibility numeric(14,2) NOT NULL DEFAULT 0 CHECK (patient_responsibility >= 0),
			payer_claim_number text
		);
		COMMENT ON TABLE %1$s.remittances IS 'payer adjudications (835 claim payment information); a reversal is a row with status reversed';
		CREATE INDEX ON %1$s.remittances (claim_id, received_on);

		CREATE TABLE %1$s.adjustments (
			adjustment_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			remittance_id bigint NOT NULL REFERENCES %1$s.remittances ON DELETE CASCADE,
			line_no integer,
			group_code text NOT NULL CHECK (group_code IN ('CO', 'PR', 'OA', 'PI', 'CR')),
			carc text NOT NULL CHECK (carc ~ '^[A-Z]?[0-9]{1,3}$'),
			rarcs text[] NOT NULL DEFAULT '{}',
			amount numeric(14,2) NOT NULL
		);
		COMMENT ON TABLE %1$s.adjustments IS 'remittance adjustments (835 CAS): group code, CARC, RARCs and amount';
		CREATE INDEX ON %1$s.adjustments (remittance_id);
		CREATE INDEX ON %1$s.adjustments (carc);

		CREATE TABLE %1$s.touches (
			touch_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			claim_id text NOT NULL REFERENCES %1$s.claims ON UPDATE CASCADE ON DELETE CASCADE,
			touched_at timestamptz NOT NULL DEFAULT now(),
			team text,
			action text NOT NULL,
			amount numeric(14,2) CHECK (amount >= 0),
			note text
		);
		COMMENT ON TABLE %1$s.touches IS 'manual work on a claim (edits, calls, appeals, audits, write-offs with their amount)';
		CREATE INDEX ON %1$s.touches (claim_id, touched_at);
	$ddl$, s);

	PERFORM upgrade_ledger(schema_name);
	PERFORM create_ledger_views(schema_name);
END
$fn$;
COMMENT ON FUNCTION create_ledger(name) IS 'creates the claims ledger (claims, claim_lines, submissions, responses, remittances, adjustments, touches) and its views in the schema named; ordinary tables, not part of the extension';

-- The views of a ledger, each with one documented grain.  Kept apart from
-- create_ledger() so that an upgrade of the extension can make them again.
CREATE FUNCTION create_ledger_views(schema_name name) RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog
AS $fn$
DECLARE
	s text := ledger_schema(schema_name);
	-- the headline metrics of the quality_by_* views, read off their stats column
	headline text := 'cleanclaim.claims(stats) AS claims, cleanclaim.clean_claim_rate(stats) AS clean_claim_rate,
		cleanclaim.first_pass_acceptance_rate(stats) AS first_pass_acceptance_rate, cleanclaim.rejection_rate(stats) AS rejection_rate,
		cleanclaim.denial_rate(stats) AS denial_rate, cleanclaim.denial_rate_dollars(stats) AS denial_rate_dollars,
		cleanclaim.first_pass_resolution_rate(stats) AS first_pass_resolution_rate,
		cleanclaim.days_to_payment_median(stats) AS days_to_payment_median, cleanclaim.denied_dollars(stats) AS denied_dollars,
		cleanclaim.quality_score(stats) AS quality_score, cleanclaim.grade(stats) AS grade';
BEGIN
	EXECUTE format($ddl$
		CREATE OR REPLACE VIEW %1$s.claim_documents AS
		SELECT c.claim_id,
			   jsonb_strip_nulls(jsonb_build_object(
				'claim_id', c.claim_id, 'claim_type', c.claim_type, 'payer_id', c.payer_id, 'member_id', c.member_id,
				'subscriber_last_name', c.subscriber_last_name, 'subscriber_first_name', c.subscriber_first_name,
				'patient_relationship', c.patient_relationship, 'patient_last_name', c.patient_last_name,
				'patient_first_name', c.patient_first_name,
				'patient_birth_date', c.patient_birth_date, 'patient_sex', c.patient_sex,
				'billing_npi', c.billing_npi, 'billing_tax_id', c.billing_tax_id, 'billing_taxonomy', c.billing_taxonomy,
				'billing_address', c.billing_address, 'billing_city', c.billing_city, 'billing_state', c.billing_state,
				'billing_zip', c.billing_zip, 'rendering_npi', c.rendering_npi, 'referring_npi', c.referring_npi,
				'attending_npi', c.attending_npi)
			   || jsonb_build_object(
				'place_of_service', c.place_of_service, 'frequency_code', c.frequency_code,
				'type_of_bill', c.type_of_bill, 'expected_amount', c.expected_amount,
				'original_claim_id', c.original_claim_id, 'prior_auth', c.prior_auth,
				'admission_date', c.admission_date, 'admission_type', c.admission_type,
				'admission_source', c.admission_source, 'discharge_status', c.discharge_status,
				'service_from', c.service_from, 'service_to', c.service_to,
				'submitted_on', (SELECT min(s.submitted_on) FROM %1$s.submissions s WHERE s.claim_id = c.claim_id),
				'total_charge', c.total_charge, 'diagnoses', to_jsonb(c.diagnoses),
				'icd10pcs_procedures', to_jsonb(c.icd10pcs_procedures),
				'lines', (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(to_jsonb(l) - 'claim_id') ORDER BY l.line_no), '[]')
						  FROM %1$s.claim_lines l WHERE l.claim_id = c.claim_id))) AS claim
		FROM %1$s.claims c;
		COMMENT ON VIEW %1$s.claim_documents IS 'grain: one row per claim; the claim as a jsonb document of the claim contract, ready for cleanclaim.validate()';

		CREATE OR REPLACE VIEW %1$s.claim_outcomes AS
		SELECT o.*,
			   -- the outcome for the claim metrics: a claim sent and not yet adjudicated
			   -- is pending (unless its only send was rejected); a paid claim with a
			   -- denied amount (a line denied) is partially denied; a paid claim whose
			   -- payment reversals took back is reversed
			   cleanclaim.claim_outcome(
				charge => o.total_charge, clean => o.clean, quality_score => o.quality_score,
				-- a claim adjudicated after its only recorded submission was rejected was
				-- sent again outside the ledger: counted as resubmitted, not refused
				submissions => CASE WHEN o.submissions = 1 AND o.first_response = 'rejected' AND o.first_adjudication IS NOT NULL
									THEN 2 ELSE o.submissions END,
				first_response => o.first_response,
				first_adjudication => CASE
					WHEN o.first_adjudication = 'paid' AND o.denied_amount > 0 THEN 'partially_denied'
					WHEN o.first_adjudication IS NOT NULL THEN o.first_adjudication
					WHEN o.submissions > 1 OR (o.submissions = 1 AND o.first_response IS DISTINCT FROM 'rejected') THEN 'pending'
				END,
				denied_amount => o.denied_amount, paid_amount => o.paid_amount, written_off => o.written_off,
				touches => o.touches, submitted_on => o.first_submitted_on, paid_on => o.paid_on,
				reversed => o.first_adjudication = 'paid' AND o.paid_on IS NULL) AS outcome
		FROM (
		SELECT c.claim_id, c.payer_id, c.claim_type, c.billing_npi, c.rendering_npi, c.service_from, c.total_charge,
			   c.created_at::date AS created_on,
			   fs.submitted_on AS first_submitted_on,
			   coalesce(ns.n, 0)::integer AS submissions,
			   greatest(coalesce(ns.n, 0) - 1, 0)::integer AS resubmissions,
			   fr.status AS first_response,
			   fa.status AS first_adjudication,
			   fa.received_on AS adjudicated_on,
			   CASE WHEN fa.status = 'denied' AND coalesce(fa.denied, 0) = 0 THEN coalesce(fa.charge, c.total_charge)
					ELSE coalesce(fa.denied, 0) END AS denied_amount,
			   coalesce(pay.paid_amount, 0) AS paid_amount,
			   pay.paid_on,
			   pay.paid_on - fs.submitted_on AS days_to_payment,
			   coalesce(t.written_off, 0) AS written_off,
			   coalesce(t.n, 0)::integer AS touches,
			   coalesce(t.before_submission, 0) > 0 AS touched_before_submission,
			   sc.issues,
			   sc.quality_score,
			   sc.errors = 0 AND coalesce(t.before_submission, 0) = 0 AS clean
		FROM %1$s.claims c
		JOIN %1$s.claim_documents d USING (claim_id)
		LEFT JOIN LATERAL (SELECT s.submission_id, s.submitted_on FROM %1$s.submissions s WHERE s.claim_id = c.claim_id
						   ORDER BY s.submitted_on, s.submission_id LIMIT 1) fs ON true
		LEFT JOIN LATERAL (SELECT count(*) AS n FROM %1$s.submissions s WHERE s.claim_id = c.claim_id) ns ON true
		LEFT JOIN %1$s.responses fr ON fr.submission_id = fs.submission_id
		LEFT JOIN LATERAL (
			SELECT r.status, r.received_on, r.charge,
				   (SELECT sum(a.amount) FROM %1$s.adjustments a
					WHERE a.remittance_id = r.remittance_id AND cleanclaim.is_denial_adjustment(a.group_code, a.carc)) AS denied
			FROM %1$s.remittances r
			WHERE r.claim_id = c.claim_id AND r.status IN ('paid', 'partially_denied', 'denied', 'patient_responsibility')
			ORDER BY r.received_on, r.remittance_id LIMIT 1) fa ON true
		LEFT JOIN LATERAL (
			-- paid: the first day money came (or the balance went to the patient), unless reversals took it all back
			SELECT CASE WHEN sum(CASE WHEN r.status = 'reversed' THEN -r.paid_amount ELSE r.paid_amount END) > 0
							 OR bool_or(r.status = 'patient_responsibility')
						THEN min(r.received_on) FILTER (WHERE r.paid_amount > 0 OR r.status = 'patient_responsibility') END AS paid_on,
				   sum(CASE WHEN r.status = 'reversed' THEN -r.paid_amount ELSE r.paid_amount END) AS paid_amount
			FROM %1$s.remittances r WHERE r.claim_id = c.claim_id) pay ON true
		LEFT JOIN LATERAL (
			SELECT count(*) AS n, sum(x.amount) FILTER (WHERE x.action = 'write_off') AS written_off,
				   count(*) FILTER (WHERE fs.submitted_on IS NULL OR x.touched_at::date <= fs.submitted_on) AS before_submission
			FROM %1$s.touches x WHERE x.claim_id = c.claim_id) t ON true
		LEFT JOIN LATERAL (
			SELECT i AS issues, cleanclaim.quality_score(d.claim) AS quality_score,
				   (SELECT count(*) FROM unnest(i) e WHERE e.severity = 'error') AS errors
			FROM cleanclaim.issues(d.claim) i) sc ON true) o;
		COMMENT ON VIEW %1$s.claim_outcomes IS 'grain: one row per claim; its outcome (first submission and response, first adjudication, denied, paid net of reversals, written off, touches), its scrub issues and quality score under today''s rules, and all of it as a cleanclaim.claim_outcome for the claim metrics';

		CREATE OR REPLACE VIEW %1$s.quality_by_day_payer AS
		SELECT day, payer_id, stats, %2$s
		FROM (SELECT coalesce(o.first_submitted_on, o.created_on) AS day, o.payer_id, cleanclaim.claim_stats(o.outcome) AS stats
			  FROM %1$s.claim_outcomes o GROUP BY 1, 2) g;
		COMMENT ON VIEW %1$s.quality_by_day_payer IS 'grain: one row per day and payer (day: the first submission date, or the day the claim was created when it was never sent); stats merge over any range with cleanclaim.merge(stats)';

		CREATE OR REPLACE VIEW %1$s.quality_by_provider AS
		SELECT billing_npi, stats, %2$s
		FROM (SELECT o.billing_npi, cleanclaim.claim_stats(o.outcome) AS stats
			  FROM %1$s.claim_outcomes o GROUP BY 1) g;
		COMMENT ON VIEW %1$s.quality_by_provider IS 'grain: one row per billing provider (billing NPI; claims without one together under NULL)';

		CREATE OR REPLACE VIEW %1$s.quality_by_procedure AS
		SELECT procedure, stats, %2$s
		FROM (SELECT p.procedure, cleanclaim.claim_stats(o.outcome) AS stats
			  FROM %1$s.claim_outcomes o
			  JOIN LATERAL (SELECT DISTINCT l.procedure FROM %1$s.claim_lines l
							WHERE l.claim_id = o.claim_id AND l.procedure IS NOT NULL) p ON true
			  GROUP BY 1) g;
		COMMENT ON VIEW %1$s.quality_by_procedure IS 'grain: one row per procedure code on the claim lines; a claim counts once, whole (its full charge and outcome), under each distinct procedure on its lines, so rows do not add up to the total when claims carry several procedures; claims without lines are left out';
	$ddl$, s, headline);
	PERFORM cleanclaim.create_audit_views(schema_name);
	PERFORM cleanclaim.create_denial_views(schema_name);
	PERFORM cleanclaim.create_underpayment_views(schema_name);
END
$fn$;
COMMENT ON FUNCTION create_ledger_views(name) IS 'creates (or replaces) the views of the claims ledger in the schema named';
