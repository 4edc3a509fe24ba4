
-- Filling a claims ledger from X12 files: the claims sent (record_837), the
-- clearinghouse's answers (load_acknowledgments: 999, 277CA), the payer's
-- (load_835) and the eligibility answers (load_271).  Each load is
-- idempotent (a file loaded twice adds nothing), and what cannot be matched
-- yet (a remittance for a claim the ledger does not have) waits in the
-- ledger's table unmatched until the claim or its submission arrives.

-- The file a loader needs: 22004 when it is NULL, with what to pass.
CREATE FUNCTION ledger_file_required(x12 text, message text, hint text) RETURNS void
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $fn$
BEGIN
	IF x12 IS NULL THEN
		RAISE EXCEPTION '%', message USING ERRCODE = '22004', DETAIL = 'The file is NULL.', HINT = hint;
	END IF;
END
$fn$;
COMMENT ON FUNCTION ledger_file_required(text, text, text) IS 'internal: raises 22004 with the message and hint given when a loader''s file is NULL';

-- upgrade_ledger(): the tables and columns this version's loaders need, on
-- a ledger made by an earlier version (create_ledger() calls it too, so
-- both ways end with the same ledger).  Every statement is IF NOT EXISTS.
CREATE FUNCTION upgrade_ledger(schema_name name) RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog
SET client_min_messages = warning
AS $fn$
DECLARE
	s text := ledger_schema(schema_name, '{claims,claim_lines,submissions,responses,remittances,adjustments}');
BEGIN
	EXECUTE format($ddl$
		ALTER TABLE %1$s.submissions
			ADD COLUMN IF NOT EXISTS interchange_control text,
			ADD COLUMN IF NOT EXISTS group_control text,
			ADD COLUMN IF NOT EXISTS transaction_control text;
		COMMENT ON COLUMN %1$s.submissions.group_control IS 'GS06 of the 837 the claim went in (record_837), which a 999 answers by';
		CREATE INDEX IF NOT EXISTS submissions_group_control_idx ON %1$s.submissions (group_control, transaction_control);

		ALTER TABLE %1$s.responses ADD COLUMN IF NOT EXISTS source text;
		COMMENT ON COLUMN %1$s.responses.source IS 'the file that answered: 999 or 277CA (NULL when entered by hand)';

		ALTER TABLE %1$s.remittances
			ADD COLUMN IF NOT EXISTS trace_number text,
			ADD COLUMN IF NOT EXISTS occurrence integer,
			ADD COLUMN IF NOT EXISTS status_code text,
			ADD COLUMN IF NOT EXISTS remark_codes text[];
		COMMENT ON COLUMN %1$s.remittances.trace_number IS 'TRN02 of the 835 (the check or EFT trace); with claim_id and occurrence, the key that makes loading an 835 twice add nothing';
		COMMENT ON COLUMN %1$s.remittances.occurrence IS 'the how-manieth claim payment of this claim in this payment (a reversal and its correction share a trace)';
		CREATE UNIQUE INDEX IF NOT EXISTS remittances_trace_key ON %1$s.remittances (trace_number, claim_id, occurrence);

		ALTER TABLE %1$s.adjustments ADD COLUMN IF NOT EXISTS quantity numeric;

		CREATE TABLE IF NOT EXISTS %1$s.remittance_lines (
			remittance_id bigint NOT NULL REFERENCES %1$s.remittances ON DELETE CASCADE,
			line_no integer NOT NULL,
			claim_line_no integer,
			procedure text,
			modifiers text[],
			revenue_code text,
			units numeric,
			charge numeric(14,2),
			paid_amount numeric(14,2),
			allowed_amount numeric(14,2),
			service_date date,
			line_control_number text,
			remark_codes text[],
			PRIMARY KEY (remittance_id, line_no)
		);
		COMMENT ON TABLE %1$s.remittance_lines IS 'the service lines of a remittance (835 SVC), each with the claim line it pays (claim_line_no: by REF*6R, else by position and procedure)';

		CREATE TABLE IF NOT EXISTS %1$s.payments (
			trace_number text NOT NULL,
			payer_id text NOT NULL,
			payee_id text,
			amount numeric(14,2),
			method text,
			paid_on date,
			loaded_at timestamptz NOT NULL DEFAULT now(),
			PRIMARY KEY (trace_number, payer_id)
		);
		COMMENT ON TABLE %1$s.payments IS 'the payments of the 835s loaded (BPR, TRN): one row per check or EFT';

		CREATE TABLE IF NOT EXISTS %1$s.provider_adjustments (
			trace_number text NOT NULL,
			payer_id text NOT NULL,
			plb_segment integer NOT NULL,
			pair integer NOT NULL,
			provider_id text,
			fiscal_period date,
			reason text,
			reference text,
			amount numeric(14,2),
			PRIMARY KEY (trace_number, payer_id, plb_segment, pair)
		);
		COMMENT ON TABLE %1$s.provider_adjustments IS 'provider-level adjustments of the 835s loaded (PLB): interest, recoveries, ... (positive amounts took from the payment)';

		CREATE TABLE IF NOT EXISTS %1$s.coverage (
			coverage_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			payer_id text NOT NULL,
			member_id text NOT NULL,
			checked_on date NOT NULL,
			trace_number text NOT NULL DEFAULT '',
			status text NOT NULL CHECK (status IN ('active', 'inactive', 'rejected', 'unknown')),
			plan text,
			insurance_type text,
			group_number text,
			coverage_from date,
			coverage_to date,
			last_name text,
			first_name text,
			birth_date date,
			rejections text[] NOT NULL DEFAULT '{}',
			UNIQUE (payer_id, member_id, checked_on, trace_number)
		);
		COMMENT ON TABLE %1$s.coverage IS 'eligibility answers (271): a member''s coverage with a payer as the payer stated it on a day';
		CREATE INDEX IF NOT EXISTS coverage_member_idx ON %1$s.coverage (member_id, payer_id, checked_on);

		CREATE TABLE IF NOT EXISTS %1$s.unmatched (
			unmatched_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			kind text NOT NULL CHECK (kind IN ('835', '277CA', '999')),
			match_key text NOT NULL,
			trace_number text NOT NULL DEFAULT '',
			occurrence integer NOT NULL DEFAULT 1,
			received_on date NOT NULL,
			payload jsonb NOT NULL,
			loaded_at timestamptz NOT NULL DEFAULT now(),
			UNIQUE (kind, match_key, trace_number, occurrence)
		);
		COMMENT ON TABLE %1$s.unmatched IS 'what came back for a claim or submission the ledger does not have yet (match_key: the claim id, or the 999''s group/set control numbers); matched when it arrives';
	$ddl$, s);
	-- matched when the submission arrives (after its claim and lines: record_837
	-- inserts them first, as an office does); match_unmatched() runs it by hand
	EXECUTE format('CREATE OR REPLACE TRIGGER match_unmatched AFTER INSERT ON %1$s.submissions FOR EACH STATEMENT EXECUTE FUNCTION cleanclaim.ledger_match_unmatched()', s);
END
$fn$;
COMMENT ON FUNCTION upgrade_ledger(name) IS 'adds to a claims ledger made by an earlier version what the X12 loaders need (control numbers on submissions, traces on remittances, remittance_lines, payments, provider_adjustments, coverage, unmatched, the matching trigger); idempotent; create_ledger() calls it';

-- The ledger status of a claim payment, from CLP02 and its amounts.
CREATE FUNCTION remittance_status(status_code text, paid numeric, patient_responsibility numeric) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT CASE
		WHEN $1 = '22' THEN 'reversed'
		WHEN $1 = '4' THEN 'denied'
		WHEN $1 IN ('23', '25') THEN 'pending'
		WHEN coalesce($2, 0) > 0 THEN 'paid'
		WHEN coalesce($3, 0) > 0 THEN 'patient_responsibility'
		ELSE 'denied'
	END
$$;
COMMENT ON FUNCTION remittance_status(text, numeric, numeric) IS 'the ledger status of an 835 claim payment: reversed (CLP02 22), denied (CLP02 4, or processed with nothing paid and nothing left to the patient), pending (23 forwarded to another payer, 25 predetermination), paid (an amount paid), patient_responsibility (nothing paid, the balance the patient''s)';

-- ----- 835 -----

-- The claim payments of a source go in, in one statement: those of claims
-- the ledger has into remittances (their ids drawn first), their lines
-- (each on the claim line it pays: by REF*6R's last digits, else by
-- position and procedure) and adjustments (a group code or CARC the ledger
-- cannot hold, which validate_835 reports, is left out); the others into
-- unmatched, with their lines and adjustments as jsonb; the payments
-- (check or EFT) they came in, once.  Those already
-- loaded (same trace, claim and occurrence) are skipped.  The sources are
-- queries over $1 giving the columns of the 835 readers (the claims' with
-- their payment's trace, payer, payee, amount, method and day; load_835: the file
-- itself; match_unmatched: the payloads that waited), keyed by claim_no.
CREATE FUNCTION post_remittances(s text, claims_sql text, lines_sql text, adjustments_sql text, arg text,
	OUT claims_read integer, OUT loaded integer, OUT already_loaded integer, OUT unmatched integer, OUT unmatched_claims text[])
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
SET client_min_messages = warning
-- the statement keeps a file's rows in its CTEs: sorted and hashed in memory
SET work_mem = '64MB'
AS $fn$
BEGIN
	EXECUTE format($q$
		WITH src AS MATERIALIZED (%2$s),
		fresh AS MATERIALIZED (
			SELECT src.*, EXISTS (SELECT 1 FROM %1$s.claims k WHERE k.claim_id = src.claim_id) AS matched
			FROM src
			WHERE NOT EXISTS (SELECT 1 FROM %1$s.remittances r
							  WHERE r.trace_number = src.trace_number AND r.claim_id = src.claim_id AND r.occurrence = src.occurrence)),
		c AS MATERIALIZED (
			SELECT nextval(pg_get_serial_sequence('%1$s.remittances', 'remittance_id')) AS remittance_id, f.*
			FROM fresh f WHERE f.matched),
		all_lines AS MATERIALIZED (%3$s),
		all_adjustments AS MATERIALIZED (%4$s),
		lines AS MATERIALIZED (
			SELECT c.remittance_id, l.*, coalesce(by_control.line_no, by_position.line_no) AS claim_line_no
			FROM all_lines l JOIN c USING (claim_no)
			LEFT JOIN %1$s.claim_lines by_control
				   ON by_control.claim_id = c.claim_id AND by_control.line_no = substring(l.line_control_number FROM '([0-9]{1,6})$')::integer
			LEFT JOIN %1$s.claim_lines by_position
				   ON by_position.claim_id = c.claim_id AND by_position.line_no = l.line_no
				  AND (by_position.procedure = l.procedure OR l.procedure IS NULL)),
		payments AS (
			INSERT INTO %1$s.payments (trace_number, payer_id, payee_id, amount, method, paid_on)
			-- (a payment's claims all carry its payee, amount, method and day)
			SELECT f.trace_number, f.payer_id, min(f.payee_id), min(f.payment_amount), min(f.payment_method), min(f.payment_date)
			FROM fresh f GROUP BY f.trace_number, f.payer_id
			ON CONFLICT DO NOTHING),
		waiting AS (
			INSERT INTO %1$s.unmatched (kind, match_key, trace_number, occurrence, received_on, payload)
			SELECT '835', f.claim_id, f.trace_number, f.occurrence, f.received_on,
				   jsonb_build_object('claim', to_jsonb(f) - 'claim_no' - 'matched',
					'lines', (SELECT coalesce(jsonb_agg(to_jsonb(l) - 'claim_no' ORDER BY l.line_no), '[]') FROM all_lines l WHERE l.claim_no = f.claim_no),
					'adjustments', (SELECT coalesce(jsonb_agg(to_jsonb(a) - 'claim_no' ORDER BY a.cas_segment, a.triplet), '[]')
									FROM all_adjustments a WHERE a.claim_no = f.claim_no))
			FROM fresh f WHERE NOT f.matched
			ON CONFLICT (kind, match_key, trace_number, occurrence) DO NOTHING
			RETURNING 1),
		remittances AS (
			INSERT INTO %1$s.remittances (remittance_id, claim_id, submission_id, received_on, status, charge, paid_amount,
										  patient_responsibility, payer_claim_number, trace_number, occurrence, status_code, remark_codes)
			OVERRIDING SYSTEM VALUE
			SELECT c.remittance_id, c.claim_id,
				   -- the latest submission by the payment's day (or, recorded late, the first)
				   coalesce((SELECT b.submission_id FROM %1$s.submissions b WHERE b.claim_id = c.claim_id AND b.submitted_on <= c.received_on
							 ORDER BY b.submitted_on DESC, b.submission_id DESC LIMIT 1),
							(SELECT b.submission_id FROM %1$s.submissions b WHERE b.claim_id = c.claim_id
							 ORDER BY b.submitted_on, b.submission_id LIMIT 1)),
				   c.received_on, cleanclaim.remittance_status(c.status_code, c.paid, c.patient_responsibility),
				   abs(c.charge), abs(coalesce(c.paid, 0)), abs(coalesce(c.patient_responsibility, 0)), c.payer_claim_number,
				   c.trace_number, c.occurrence, c.status_code, c.remark_codes
			FROM c
			RETURNING 1),
		remittance_lines AS (
			INSERT INTO %1$s.remittance_lines (remittance_id, line_no, claim_line_no, procedure, modifiers, revenue_code, units,
											   charge, paid_amount, allowed_amount, service_date, line_control_number, remark_codes)
			SELECT l.remittance_id, l.line_no, l.claim_line_no, l.procedure, l.modifiers, l.revenue_code, l.units, abs(l.charge),
				   abs(l.paid), l.allowed, l.service_from, l.line_control_number, l.remark_codes
			FROM lines l
			RETURNING 1),
		adjustments AS (
			INSERT INTO %1$s.adjustments (remittance_id, line_no, group_code, carc, rarcs, amount, quantity)
			SELECT c.remittance_id, CASE WHEN a.line_no IS NOT NULL THEN coalesce(l.claim_line_no, a.line_no) END,
				   a.group_code, a.carc, coalesce(CASE WHEN a.line_no IS NOT NULL THEN l.remark_codes ELSE c.remark_codes END, '{}'),
				   a.amount, a.quantity
			FROM all_adjustments a JOIN c USING (claim_no)
			LEFT JOIN lines l ON l.claim_no = a.claim_no AND l.line_no = a.line_no
			WHERE a.group_code IN ('CO', 'PR', 'OA', 'PI', 'CR') AND a.carc ~ '^[A-Z]?[0-9]{1,3}$' AND a.amount IS NOT NULL
			RETURNING 1)
		SELECT (SELECT count(*) FROM src)::integer, (SELECT count(*) FROM remittances)::integer, ((SELECT count(*) FROM src) - (SELECT count(*) FROM fresh))::integer,
			   (SELECT count(*) FROM waiting)::integer,
			   (SELECT coalesce(array_agg(DISTINCT src.claim_id ORDER BY src.claim_id), '{}') FROM src
				WHERE NOT EXISTS (SELECT 1 FROM %1$s.claims k WHERE k.claim_id = src.claim_id)),
			   (SELECT count(*) FROM remittance_lines) + (SELECT count(*) FROM adjustments)$q$,
		s, claims_sql, lines_sql, adjustments_sql)
	INTO claims_read, loaded, already_loaded, unmatched, unmatched_claims USING arg;
END
$fn$;
COMMENT ON FUNCTION post_remittances(text, text, text, text, text) IS 'internal: posts the claim payments of three source queries over $1 (claims with their payment, lines, adjustments, keyed by claim_no) into a ledger (the schema quoted), for load_835 and match_unmatched; returns the claim payments of the source, the remittances posted, those already there, those now waiting in unmatched and the claim ids the ledger lacks';

CREATE FUNCTION load_835(ledger name, x12 text,
	OUT claims_read integer, OUT loaded integer, OUT already_loaded integer, OUT unmatched integer,
	OUT unmatched_claims text[], OUT issues jsonb)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
	too_large text;
	s text := ledger_schema(ledger, '{claims,remittances,adjustments,remittance_lines,payments,provider_adjustments,unmatched}');
BEGIN
	PERFORM ledger_file_required(x12, 'load_835() needs the 835 file''s text',
		'Pass the file: load_835(''billing'', pg_read_file(''remit.835'')).');
	BEGIN
	-- the provider-level adjustments, once each
	EXECUTE format($q$
		INSERT INTO %1$s.provider_adjustments (trace_number, payer_id, plb_segment, pair, provider_id, fiscal_period, reason, reference, amount)
		SELECT coalesce(p.trace_number, ''), coalesce(p.payer_id, ''), p.plb_segment, p.pair, p.provider_id, p.fiscal_period, p.reason,
			   p.reference, p.amount
		FROM cleanclaim.read_835_provider_adjustments($1) p
		ON CONFLICT DO NOTHING$q$, s) USING x12;
	-- the claim payments, each with its occurrence in its payment and the payment's day
	SELECT p.claims_read, p.loaded, p.already_loaded, p.unmatched, p.unmatched_claims
	INTO claims_read, loaded, already_loaded, unmatched, unmatched_claims
	FROM post_remittances(s,
		$q$SELECT r.claim_no, r.claim_id, r.status_code, r.charge, r.paid, r.patient_responsibility, r.payer_claim_number,
				  r.remark_codes, coalesce(r.trace_number, '') AS trace_number,
				  row_number() OVER (PARTITION BY coalesce(r.trace_number, ''), r.claim_id ORDER BY r.claim_no)::integer AS occurrence,
				  coalesce(r.payment_date, current_date) AS received_on, coalesce(r.payer_id, '') AS payer_id,
				  r.payee_id, r.payment_amount, r.payment_method, r.payment_date
		   FROM cleanclaim.read_835($1) r WHERE r.claim_id IS NOT NULL$q$,
		$q$SELECT l.claim_no, l.line_no, l.procedure, l.modifiers, l.revenue_code, l.units, l.charge, l.paid, l.allowed,
				  l.service_from, l.line_control_number, l.remark_codes
		   FROM cleanclaim.read_835_lines($1) l$q$,
		$q$SELECT a.claim_no, a.line_no, a.cas_segment, a.triplet, a.group_code, a.carc, a.amount, a.quantity
		   FROM cleanclaim.read_835_adjustments($1) a$q$,
		x12) p;
	EXCEPTION WHEN numeric_value_out_of_range THEN
		-- an amount the ledger cannot hold (numeric(14,2)): say which, load nothing
		SELECT format('%s %s at segment %s of transaction set %s', w.what, w.amount, w.segment_no, w.transaction_control)
		INTO too_large
		FROM (SELECT 'claim payment ' || r.claim_id || ': CLP amount' AS what, greatest(abs(r.charge), abs(r.paid), abs(r.patient_responsibility)) AS amount,
					 r.clp_segment AS segment_no, r.transaction_control, r.claim_no AS n
			  FROM read_835(x12) r
			  UNION ALL
			  SELECT 'claim payment ' || l.claim_id || ', line ' || l.line_no || ': SVC amount', greatest(abs(l.charge), abs(l.paid), abs(l.allowed)),
					 l.svc_segment, l.transaction_control, l.claim_no
			  FROM read_835_lines(x12) l
			  UNION ALL
			  SELECT 'claim payment ' || a.claim_id || ': CAS amount', abs(a.amount), a.cas_segment, a.transaction_control, a.claim_no
			  FROM read_835_adjustments(x12) a
			  UNION ALL
			  SELECT 'provider adjustment ' || p.reason || ': PLB amount', abs(p.amount), p.plb_segment, p.transaction_control, 0
			  FROM read_835_provider_adjustments(x12) p) w
		WHERE w.amount >= 1e12 ORDER BY w.n, w.segment_no LIMIT 1;
		RAISE EXCEPTION 'load_835() cannot keep an amount of this 835 in the ledger'
			USING ERRCODE = '22003', DETAIL = format('The %s is 1,000,000,000,000 or more.', coalesce(too_large, 'file has an amount that')),
				  HINT = 'The ledger keeps amounts below 10^12 (numeric(14,2)); ask the payer for a corrected 835. Nothing of the file was loaded.';
	END;
	SELECT coalesce(jsonb_agg(jsonb_build_object('claim_id', v.claim_id, 'transaction_control', v.transaction_control,
				'segment_no', v.segment_no, 'segment_id', v.segment_id, 'element', v.element, 'rule_id', v.rule_id,
				'message', v.message)), '[]')
	INTO issues FROM validate_835(x12) v;
END
$fn$;
COMMENT ON FUNCTION load_835(name, text) IS 'loads an X12 835 into a claims ledger: per claim payment a remittance (status from CLP02 and the amounts; a reversal, CLP02 22, as reversed), its service lines (remittance_lines, each on the claim line it pays) and adjustments (with the remark codes), the payment and its provider adjustments; matched to the claims by patient control number (CLP01), the submission the latest sent by the payment''s day; a claim the ledger does not have waits in unmatched; loading the same file twice adds nothing (keyed by trace, claim and occurrence); returns the claim payments read, loaded, already loaded and unmatched, the unmatched claim ids and validate_835''s issues';

-- ----- 999 and 277CA -----

-- The answers staged in pg_temp.cc_ack (by load_acknowledgments or
-- ledger_match_unmatched) go in as responses of the submissions they
-- answer: a 999 set answers every claim its group and set (GS06, ST02)
-- carried, a 277CA claim its claim's latest submission by that day.  One
-- response per submission: a rejection wins over an acceptance (a 999 may
-- accept what the 277CA rejects), and a second load changes nothing.
CREATE FUNCTION post_acknowledgments(s text, OUT answered integer, OUT unmatched integer)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
SET client_min_messages = warning
AS $fn$
BEGIN
	EXECUTE format($q$
		UPDATE pg_temp.cc_ack a SET submission_ids = m.ids
		FROM (SELECT a2.ack_no, array_agg(b.submission_id) AS ids
			  FROM pg_temp.cc_ack a2
			  JOIN %1$s.submissions b ON
				   (a2.kind = '999' AND b.group_control = a2.group_control AND (a2.set_control IS NULL OR b.transaction_control = a2.set_control))
				OR (a2.kind = '277CA' AND b.submission_id = coalesce(
					(SELECT b2.submission_id FROM %1$s.submissions b2 WHERE b2.claim_id = a2.match_key AND b2.submitted_on <= a2.received_on
					 ORDER BY b2.submitted_on DESC, b2.submission_id DESC LIMIT 1),
					-- a submission dated after the answer (recorded late): the first
					(SELECT b2.submission_id FROM %1$s.submissions b2 WHERE b2.claim_id = a2.match_key
					 ORDER BY b2.submitted_on, b2.submission_id LIMIT 1)))
			  GROUP BY a2.ack_no) m
		WHERE m.ack_no = a.ack_no$q$, s);
	EXECUTE format($q$
		INSERT INTO %1$s.unmatched (kind, match_key, trace_number, occurrence, received_on, payload)
		SELECT a.kind, a.match_key, a.trace_number, 1, a.received_on, to_jsonb(a) - 'ack_no' - 'submission_ids'
		FROM pg_temp.cc_ack a WHERE a.submission_ids IS NULL
		ON CONFLICT (kind, match_key, trace_number, occurrence) DO NOTHING$q$, s);
	SELECT count(*) INTO unmatched FROM cc_ack WHERE submission_ids IS NULL;
	EXECUTE format($q$
		INSERT INTO %1$s.responses AS r (submission_id, received_on, status, reason, source)
		SELECT DISTINCT ON (x.submission_id) x.submission_id, a.received_on, a.status, a.reason, a.kind
		FROM pg_temp.cc_ack a, unnest(a.submission_ids) x(submission_id)
		ORDER BY x.submission_id, a.status = 'rejected' DESC, a.received_on
		ON CONFLICT (submission_id) DO UPDATE
		SET received_on = excluded.received_on, status = excluded.status, reason = excluded.reason, source = excluded.source
		WHERE r.status = 'accepted' AND excluded.status = 'rejected'$q$, s);
	SELECT count(*) INTO answered FROM cc_ack WHERE submission_ids IS NOT NULL;
END
$fn$;
COMMENT ON FUNCTION post_acknowledgments(text) IS 'internal: posts the acknowledgments staged in pg_temp by load_acknowledgments or ledger_match_unmatched into a ledger (the schema quoted)';

CREATE FUNCTION stage_acknowledgments() RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
SET client_min_messages = warning
AS $fn$
BEGIN
	DROP TABLE IF EXISTS pg_temp.cc_ack;
	CREATE TEMP TABLE cc_ack (
		ack_no serial, kind text, match_key text, group_control text, set_control text, trace_number text,
		received_on date, status text, reason text, submission_ids bigint[]);
END
$fn$;
COMMENT ON FUNCTION stage_acknowledgments() IS 'internal: makes the empty staging table of post_acknowledgments in pg_temp';

CREATE FUNCTION load_acknowledgments(ledger name, x12 text,
	OUT kind text, OUT acknowledgments integer, OUT accepted integer, OUT rejected integer,
	OUT answered integer, OUT unmatched integer, OUT unmatched_keys text[])
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
	s text := ledger_schema(ledger, '{claims,submissions,responses,unmatched}');
BEGIN
	PERFORM ledger_file_required(x12, 'load_acknowledgments() needs the file''s text',
		'Pass a 999 or 277CA file: load_acknowledgments(''billing'', pg_read_file(''ack.999'')).');
	PERFORM stage_acknowledgments();
	-- a 999 answers transaction sets (a group rejected whole: all its sets)
	INSERT INTO cc_ack (kind, match_key, group_control, set_control, trace_number, received_on, status, reason)
	SELECT '999', a.group_control || '/' || coalesce(a.set_control, '*'), a.group_control, a.set_control,
		   coalesce(a.interchange_control, '') || '/' || coalesce(a.transaction_control, ''),
		   coalesce(a.transaction_date, current_date), CASE WHEN a.acknowledgment = 'accepted' THEN 'accepted' ELSE 'rejected' END,
		   '999 ' || a.status_code || coalesce(' ' || nullif(array_to_string(a.error_codes, ','), ''), '')
	FROM read_999(x12) a WHERE a.acknowledgment IS NOT NULL AND a.group_control IS NOT NULL;
	-- a 277CA claims (a status that is not an acknowledgment, as in a 277, is not an answer)
	INSERT INTO cc_ack (kind, match_key, trace_number, received_on, status, reason)
	SELECT '277CA', a.claim_id, coalesce(a.clearinghouse_trace, a.interchange_control || '/' || a.segment_no),
		   coalesce(a.status_date, a.transaction_date, current_date), a.acknowledgment,
		   '277CA ' || array_to_string(a.statuses, ' ')
	FROM read_277ca(x12) a WHERE a.level = 'claim' AND a.acknowledgment IS NOT NULL AND a.claim_id IS NOT NULL;
	SELECT CASE WHEN count(DISTINCT c.kind) > 1 THEN '999, 277CA' ELSE min(c.kind) END, count(*)::integer,
		   count(*) FILTER (WHERE c.status = 'accepted')::integer, count(*) FILTER (WHERE c.status = 'rejected')::integer
	INTO kind, acknowledgments, accepted, rejected FROM cc_ack c;
	SELECT p.answered, p.unmatched INTO answered, unmatched FROM post_acknowledgments(s) p;
	SELECT coalesce(array_agg(DISTINCT c.match_key ORDER BY c.match_key), '{}') INTO unmatched_keys
	FROM cc_ack c WHERE c.submission_ids IS NULL;
END
$fn$;
COMMENT ON FUNCTION load_acknowledgments(name, text) IS 'loads a 999 or 277CA into a claims ledger''s responses: a 999 set accepted or rejected answers the submissions its group and set control numbers (GS06, ST02, kept by record_837) carried, a 277CA claim (A0, A1, A2, A5 accepted; A3, A4, A6, A7, A8 rejected) its claim''s latest submission by the status date; a rejection wins over an acceptance of the same submission; what matches no submission waits in unmatched; loading twice changes nothing; returns the kind, the acknowledgments read, accepted, rejected, answered and unmatched, and the unmatched keys (claim ids, or group/set control numbers)';

-- ----- 837 -----

-- A date written YYYY-MM-DD, NULL when it is not a day of the calendar.
CREATE FUNCTION iso_date(value text) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
	SELECT CASE WHEN $1 ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
					 AND substr($1, 9, 2)::int <= extract(day FROM (date_trunc('month', (substr($1, 1, 8) || '01')::date)
																	+ interval '1 month - 1 day'))
				THEN $1::date END
$$;
COMMENT ON FUNCTION iso_date(text) IS 'internal: a date written YYYY-MM-DD, NULL when it is not a day of the calendar';

CREATE FUNCTION record_837(ledger name, x12 text, submitted_on date DEFAULT NULL,
	OUT claims_read integer, OUT claims_added integer, OUT submissions_added integer, OUT not_recorded text[])
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
	s text := ledger_schema(ledger, '{claims,claim_lines,submissions}');
	claims_sql text;
	lines_sql text;
	one text;
BEGIN
	PERFORM ledger_file_required(x12, 'record_837() needs the 837 file''s text',
		'Pass the file sent: record_837(''billing'', pg_read_file(''claims.837'')).');
	DROP TABLE IF EXISTS pg_temp.cc_837;
	CREATE TEMP TABLE cc_837 AS
	SELECT r.*, coalesce(record_837.submitted_on, iso_date(r.claim->>'submitted_on'), current_date) AS sent_on
	FROM read_837(x12) r;
	GET DIAGNOSTICS claims_read = ROW_COUNT;
	-- a ledger claim needs its id, payer, first day of service and charge
	SELECT array_agg(coalesce(c.claim_id, '(CLM ' || c.clm_segment || ')') ORDER BY c.transaction_control, c.clm_segment)
	INTO not_recorded FROM cc_837 c
	WHERE c.claim_id IS NULL OR c.claim->>'payer_id' IS NULL OR c.claim->>'service_from' IS NULL
	   OR c.claim->>'total_charge' IS NULL;
	DELETE FROM cc_837 c WHERE c.claim_id IS NULL OR c.claim->>'payer_id' IS NULL OR c.claim->>'service_from' IS NULL
	   OR c.claim->>'total_charge' IS NULL;
	DROP TABLE IF EXISTS pg_temp.cc_837_new;
	CREATE TEMP TABLE cc_837_new (claim_id text);
	claims_sql := format($q$
		WITH ins AS (
			INSERT INTO %1$s.claims (claim_id, claim_type, payer_id, member_id, subscriber_last_name, subscriber_first_name,
				patient_relationship, patient_last_name, patient_first_name, patient_birth_date, patient_sex, billing_npi,
				billing_tax_id, billing_taxonomy, billing_address, billing_city, billing_state, billing_zip, rendering_npi,
				referring_npi, attending_npi, place_of_service, frequency_code, type_of_bill, original_claim_id, prior_auth,
				admission_date, admission_type, admission_source, discharge_status, service_from, service_to, total_charge,
				diagnoses, icd10pcs_procedures)
			SELECT DISTINCT ON (c.claim_id) c.claim_id, coalesce(p.claim_type, 'professional'), p.payer_id, p.member_id,
				p.subscriber_last_name, p.subscriber_first_name, p.patient_relationship, p.patient_last_name,
				p.patient_first_name, p.patient_birth_date, p.patient_sex, p.billing_npi, p.billing_tax_id,
				p.billing_taxonomy, p.billing_address, p.billing_city, p.billing_state, p.billing_zip, p.rendering_npi,
				p.referring_npi, p.attending_npi, p.place_of_service, coalesce(p.frequency_code, '1'), p.type_of_bill,
				p.original_claim_id, p.prior_auth, p.admission_date, p.admission_type, p.admission_source,
				p.discharge_status, p.service_from, p.service_to, p.total_charge, coalesce(p.diagnoses, '{}'),
				p.icd10pcs_procedures
			FROM pg_temp.cc_837 c, jsonb_populate_record(NULL::%1$s.claims, c.claim) p
			WHERE $1 IS NULL OR c.claim_id = $1
			ORDER BY c.claim_id, c.sent_on
			ON CONFLICT (claim_id) DO NOTHING
			RETURNING claim_id)
		INSERT INTO pg_temp.cc_837_new SELECT claim_id FROM ins$q$, s);
	lines_sql := format($q$
		INSERT INTO %1$s.claim_lines (claim_id, line_no, revenue_code, procedure, modifiers, units, charge, service_date,
									  dx_pointers, ndc, ndc_units, rendering_npi, place_of_service)
		SELECT c.claim_id, coalesce(p.line_no, l.n::integer), p.revenue_code, p.procedure, p.modifiers, p.units, p.charge,
			   p.service_date, p.dx_pointers, p.ndc, p.ndc_units, p.rendering_npi, p.place_of_service
		FROM (SELECT DISTINCT ON (c.claim_id) c.* FROM pg_temp.cc_837 c WHERE $1 IS NULL OR c.claim_id = $1
			  ORDER BY c.claim_id, c.sent_on) c
		JOIN pg_temp.cc_837_new USING (claim_id),
			 jsonb_array_elements(coalesce(c.claim->'lines', '[]')) WITH ORDINALITY l(line, n),
			 jsonb_populate_record(NULL::%1$s.claim_lines, l.line) p$q$, s);
	-- all at once; when a claim does not fit the ledger's columns (a date that
	-- is not a day, an amount out of range, a negative charge), claim by claim,
	-- and those that do not fit are listed in not_recorded with the reason
	BEGIN
		EXECUTE claims_sql USING NULL::text;
		EXECUTE lines_sql USING NULL::text;
	EXCEPTION WHEN data_exception OR integrity_constraint_violation THEN
		TRUNCATE cc_837_new;
		FOR one IN SELECT DISTINCT c.claim_id FROM cc_837 c ORDER BY 1 LOOP
			BEGIN
				EXECUTE claims_sql USING one;
				EXECUTE lines_sql USING one;
			EXCEPTION WHEN data_exception OR integrity_constraint_violation THEN
				not_recorded := not_recorded || (one || ' (' || SQLERRM || ')');
				DELETE FROM cc_837 c WHERE c.claim_id = one;
				DELETE FROM cc_837_new n WHERE n.claim_id = one;
			END;
		END LOOP;
	END;
	SELECT count(*)::integer INTO claims_added FROM cc_837_new;
	-- each claim sent is a submission, once per envelope it came in
	EXECUTE format($q$
		INSERT INTO %1$s.submissions (claim_id, submitted_on, frequency_code, channel, interchange_control, group_control, transaction_control)
		SELECT c.claim_id, c.sent_on, coalesce(c.claim->>'frequency_code', '1'), '837', c.interchange_control, c.group_control,
			   c.transaction_control
		FROM pg_temp.cc_837 c
		WHERE NOT EXISTS (SELECT 1 FROM %1$s.submissions b WHERE b.claim_id = c.claim_id
						  AND b.interchange_control IS NOT DISTINCT FROM c.interchange_control
						  AND b.group_control IS NOT DISTINCT FROM c.group_control
						  AND b.transaction_control IS NOT DISTINCT FROM c.transaction_control)
		ORDER BY c.transaction_control, c.clm_segment$q$, s);
	GET DIAGNOSTICS submissions_added = ROW_COUNT;
	not_recorded := coalesce(not_recorded, '{}');
END
$fn$;
COMMENT ON FUNCTION record_837(name, text, date) IS 'records the claims of an X12 837 file sent into a claims ledger: a claim it does not have into claims and claim_lines (from read_837''s contract), and for each claim a submission dated submitted_on (default: BHT04, else today) with the envelope''s control numbers, which 999s answer by; recording the same file twice adds nothing; a claim without id, payer, first day of service or charge, or with a value the ledger''s columns cannot hold, is not recorded (listed in not_recorded, with the reason)';

-- ----- 271 -----

CREATE FUNCTION load_271(ledger name, x12 text, OUT members integer, OUT loaded integer, OUT active integer,
	OUT inactive integer, OUT rejected integer)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
	s text := ledger_schema(ledger, '{coverage}');
BEGIN
	PERFORM ledger_file_required(x12, 'load_271() needs the 271 file''s text',
		'Pass the file: load_271(''billing'', pg_read_file(''elig.271'')).');
	DROP TABLE IF EXISTS pg_temp.cc_271;
	CREATE TEMP TABLE cc_271 AS
	SELECT m.payer_id, m.member_id, coalesce(m.transaction_date, current_date) AS checked_on, coalesce(m.trace_number, '') AS trace_number,
		   coalesce(m.coverage, 'unknown') AS status, m.plan, m.insurance_type, m.group_number, m.coverage_from, m.coverage_to,
		   m.last_name, m.first_name, m.birth_date, m.rejections
	FROM read_271(x12) m WHERE m.level IN ('subscriber', 'dependent') AND m.payer_id IS NOT NULL AND m.member_id IS NOT NULL;
	GET DIAGNOSTICS members = ROW_COUNT;
	EXECUTE format($q$
		INSERT INTO %1$s.coverage (payer_id, member_id, checked_on, trace_number, status, plan, insurance_type, group_number,
								   coverage_from, coverage_to, last_name, first_name, birth_date, rejections)
		SELECT * FROM pg_temp.cc_271 ON CONFLICT (payer_id, member_id, checked_on, trace_number) DO NOTHING$q$, s);
	GET DIAGNOSTICS loaded = ROW_COUNT;
	-- the rules' copy (ELIGIBILITY_INACTIVE, ELIGIBILITY_UNKNOWN, PAYER_PLAN_MISMATCH read it)
	INSERT INTO eligibility (payer_id, member_id, checked_on, trace_number, status, plan, coverage_from, coverage_to)
	SELECT c.payer_id, c.member_id, c.checked_on, c.trace_number, c.status, c.plan, c.coverage_from,
		   CASE WHEN c.coverage_to >= c.coverage_from OR c.coverage_from IS NULL THEN c.coverage_to END
	FROM cc_271 c
	ON CONFLICT (payer_id, member_id, checked_on, trace_number) DO NOTHING;
	SELECT count(*) FILTER (WHERE c.status = 'active'), count(*) FILTER (WHERE c.status = 'inactive'),
		   count(*) FILTER (WHERE c.status = 'rejected')
	INTO active, inactive, rejected FROM cc_271 c;
END
$fn$;
COMMENT ON FUNCTION load_271(name, text) IS 'loads the members of an X12 271 into a claims ledger''s coverage table (payer, member, the day of the answer, its trace, active, inactive, rejected or unknown, plan, group, dates, AAA reasons) and into cleanclaim.eligibility, which the eligibility rules read; loading twice adds nothing; returns the members read and loaded, and how many are active, inactive and rejected';

-- ----- matching what waited -----

-- The ledger's unmatched rows whose claim (835, 277CA) or submission (999)
-- is now there, posted as if their file came again.
CREATE FUNCTION match_unmatched(ledger name, OUT remittances integer, OUT acknowledgments integer, OUT still_unmatched integer)
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
	s text := ledger_schema(ledger, '{claims,submissions,unmatched}');
	ids bigint[];
BEGIN
	remittances := 0;
	acknowledgments := 0;
	EXECUTE format($q$
		SELECT array_agg(u.unmatched_id) FROM %1$s.unmatched u
		WHERE (u.kind IN ('835', '277CA') AND EXISTS (SELECT 1 FROM %1$s.claims k WHERE k.claim_id = u.match_key))
		   OR (u.kind = '999' AND EXISTS (SELECT 1 FROM %1$s.submissions b WHERE b.group_control = u.payload->>'group_control'))$q$, s)
		INTO ids;
	IF ids IS NOT NULL THEN
		-- the payloads that waited, numbered as claim_no
		SELECT p.loaded INTO remittances
		FROM post_remittances(s,
			format($q$SELECT u.n AS claim_no, c.*
				FROM (SELECT row_number() OVER (ORDER BY u.unmatched_id)::integer AS n, u.payload FROM %1$s.unmatched u
					  WHERE u.unmatched_id = ANY ($1::bigint[]) AND u.kind = '835') u,
					 jsonb_to_record(u.payload->'claim') AS c(claim_id text, status_code text, charge numeric, paid numeric,
						patient_responsibility numeric, payer_claim_number text, remark_codes text[], trace_number text,
						occurrence integer, received_on date, payer_id text, payee_id text, payment_amount numeric,
						payment_method text, payment_date date)$q$, s),
			format($q$SELECT u.n AS claim_no, l.*
				FROM (SELECT row_number() OVER (ORDER BY u.unmatched_id)::integer AS n, u.payload FROM %1$s.unmatched u
					  WHERE u.unmatched_id = ANY ($1::bigint[]) AND u.kind = '835') u,
					 jsonb_to_recordset(u.payload->'lines') AS l(line_no integer, procedure text, modifiers text[], revenue_code text,
						units numeric, charge numeric, paid numeric, allowed numeric, service_from date, line_control_number text,
						remark_codes text[])$q$, s),
			format($q$SELECT u.n AS claim_no, a.*
				FROM (SELECT row_number() OVER (ORDER BY u.unmatched_id)::integer AS n, u.payload FROM %1$s.unmatched u
					  WHERE u.unmatched_id = ANY ($1::bigint[]) AND u.kind = '835') u,
					 jsonb_to_recordset(u.payload->'adjustments') AS a(line_no integer, cas_segment integer, triplet integer,
						group_code text, carc text, amount numeric, quantity numeric)$q$, s),
			ids::text) p;
		PERFORM stage_acknowledgments();
		EXECUTE format($q$
			INSERT INTO pg_temp.cc_ack (kind, match_key, group_control, set_control, trace_number, received_on, status, reason)
			SELECT a.kind, a.match_key, a.group_control, a.set_control, a.trace_number, a.received_on, a.status, a.reason
			FROM %1$s.unmatched u, jsonb_populate_record(NULL::pg_temp.cc_ack, u.payload) a
			WHERE u.unmatched_id = ANY ($1) AND u.kind IN ('277CA', '999')$q$, s) USING ids;
		SELECT p.answered INTO acknowledgments FROM post_acknowledgments(s) p;
		-- what the posting put back (a 277CA still without a submission) stays; the rest goes
		EXECUTE format($q$
			DELETE FROM %1$s.unmatched u WHERE u.unmatched_id = ANY ($1)
			AND NOT (u.kind = '277CA' AND EXISTS (SELECT 1 FROM pg_temp.cc_ack a WHERE a.kind = '277CA' AND a.match_key = u.match_key
												 AND a.submission_ids IS NULL))$q$, s) USING ids;
	END IF;
	EXECUTE format('SELECT count(*)::integer FROM %1$s.unmatched', s) INTO still_unmatched;
END
$fn$;
COMMENT ON FUNCTION match_unmatched(name) IS 'posts what waits in a claims ledger''s unmatched table and can now be matched (an 835 claim payment or 277CA status whose claim arrived, a 999 whose submissions did): the trigger of the submissions table calls it after each insert; returns the remittances and acknowledgments posted and what still waits';

CREATE FUNCTION ledger_match_unmatched() RETURNS trigger
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
	waiting boolean;
BEGIN
	-- nothing to do when nothing waits, the common case
	EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.unmatched)', TG_TABLE_SCHEMA) INTO waiting;
	IF waiting THEN
		PERFORM match_unmatched(TG_TABLE_SCHEMA);
	END IF;
	RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION ledger_match_unmatched() IS 'trigger of a ledger''s submissions table (AFTER INSERT, per statement): posts what waited in unmatched for them';
