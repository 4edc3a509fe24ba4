
-- Eligibility first: the 270 an office sends to ask before it bills, for the
-- claims of a ledger whose member has no eligibility answer on file from
-- their payer since a month before the service (cleanclaim.eligibility).
CREATE FUNCTION eligibility_requests(ledger name, submitter_id text DEFAULT 'CLEANCLAIM', receiver_id text DEFAULT 'PAYER',
	control_number integer DEFAULT 1, provider_names jsonb DEFAULT '{}', as_of timestamptz DEFAULT now())
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $fn$
DECLARE
	s text := ledger_schema(ledger, '{claims}');
	ctl text;
	d8 text := to_char(as_of, 'YYYYMMDD');
	body text := '';
	result text;
	r record;
	hl integer := 0;
	payer_hl integer;
	provider_hl integer;
	payer text;
	npi text;
BEGIN
	IF control_number IS NULL OR control_number < 1 OR control_number > 999999999 THEN
		RAISE EXCEPTION 'control number % is not one an interchange can carry', control_number
			USING ERRCODE = '22023', DETAIL = 'ISA13 holds nine digits.',
				  HINT = 'Give a control number from 1 to 999999999, one the office has not used.';
	END IF;
	ctl := lpad(control_number::text, 9, '0');
	-- one subscriber loop (HL 22) per member to verify, under its payer (HL 20) and billing provider (HL 21)
	FOR r IN EXECUTE format($q$
		SELECT DISTINCT ON (c.payer_id, c.billing_npi, c.member_id)
			   c.payer_id, coalesce(p.name, c.payer_id) AS payer_name, c.billing_npi, c.billing_tax_id, c.member_id,
			   coalesce(c.subscriber_last_name, c.patient_last_name) AS last_name,
			   coalesce(c.subscriber_first_name, c.patient_first_name) AS first_name,
			   CASE WHEN coalesce(c.patient_relationship, '18') = '18' THEN c.patient_birth_date END AS birth_date,
			   CASE WHEN coalesce(c.patient_relationship, '18') = '18' THEN c.patient_sex END AS sex,
			   c.service_from, c.claim_id
		FROM %1$s.claims c LEFT JOIN cleanclaim.payers p USING (payer_id)
		WHERE c.member_id IS NOT NULL AND c.billing_npi IS NOT NULL
		  AND NOT EXISTS (SELECT 1 FROM cleanclaim.eligibility e
						  WHERE e.payer_id = c.payer_id AND e.member_id = c.member_id AND e.checked_on >= c.service_from - 30)
		ORDER BY c.payer_id, c.billing_npi, c.member_id, c.service_from, c.claim_id$q$, s)
	LOOP
		IF r.payer_id IS DISTINCT FROM payer THEN
			hl := hl + 1;
			payer_hl := hl;
			payer := r.payer_id;
			npi := NULL;
			body := body || format('HL*%s**20*1~NM1*PR*2*%s*****PI*%s~', hl, x12_text(r.payer_name), x12_text(r.payer_id));
		END IF;
		IF r.billing_npi IS DISTINCT FROM npi THEN
			hl := hl + 1;
			provider_hl := hl;
			npi := r.billing_npi;
			body := body || format('HL*%s*%s*21*1~NM1*1P*2*%s*****XX*%s~', hl, payer_hl,
								   x12_text(coalesce(provider_names->>r.billing_npi, 'PROVIDER ' || r.billing_npi)), x12_text(r.billing_npi));
		END IF;
		hl := hl + 1;
		body := body || format('HL*%s*%s*22*0~TRN*1*%s*%s~NM1*IL*1*%s*%s****MI*%s~', hl, provider_hl, x12_text(r.claim_id),
							   -- TRN03: 1 and the provider's tax id, the originator of the trace
							   rpad('1' || coalesce(nullif(regexp_replace(coalesce(r.billing_tax_id, ''), '[^0-9]', '', 'g'), ''), '999999999'), 10, '9'),
							   x12_text(coalesce(r.last_name, '')), x12_text(coalesce(r.first_name, '')), x12_text(r.member_id));
		IF r.birth_date IS NOT NULL THEN
			body := body || 'DMG*D8*' || to_char(r.birth_date, 'YYYYMMDD')
					|| CASE WHEN r.sex IN ('F', 'M', 'U') THEN '*' || r.sex ELSE '' END || '~';
		END IF;
		body := body || 'DTP*291*D8*' || to_char(r.service_from, 'YYYYMMDD') || '~EQ*30~';
	END LOOP;
	IF body = '' THEN
		RETURN NULL;			-- nothing to verify
	END IF;
	result := 'ST*270*0001*005010X279A1~BHT*0022*13*' || ctl || '*' || d8 || '*' || to_char(as_of, 'HH24MI') || '~'
			  || body;
	result := result || 'SE*' || (array_length(regexp_split_to_array(result, '~'), 1)) || '*0001~';
	RETURN 'ISA*00*          *00*          *ZZ*' || rpad(left(x12_text(submitter_id), 15), 15) || '*ZZ*'
		   || rpad(left(x12_text(receiver_id), 15), 15) || '*' || to_char(as_of, 'YYMMDD') || '*' || to_char(as_of, 'HH24MI')
		   || '*^*00501*' || ctl || '*0*P*:~'
		   || 'GS*HS*' || x12_text(submitter_id) || '*' || x12_text(receiver_id) || '*' || d8 || '*' || to_char(as_of, 'HH24MI')
		   || '*' || control_number || '*X*005010X279A1~'
		   || result || 'GE*1*' || control_number || '~IEA*1*' || ctl || '~';
END
$fn$;
COMMENT ON FUNCTION eligibility_requests(name, text, text, integer, jsonb, timestamptz) IS 'the X12 270 eligibility inquiry (005010X279A1) for the claims of a claims ledger whose member has no eligibility answer on file (cleanclaim.eligibility) from their payer since 30 days before the service: per payer (HL 20) and billing provider (HL 21, named from provider_names, a jsonb object of NPI to name), one subscriber (HL 22) per member, traced by a claim id (TRN02), with name, birth date and sex when the patient is the subscriber, the date of service (DTP*291) and the health benefit plan coverage question (EQ*30); NULL when every claim is verified';

-- A value fit for an X12 element: the separators (* ~ : ^) and line breaks
-- taken out, upper case, trimmed.
CREATE FUNCTION x12_text(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT upper(btrim(regexp_replace($1, '[*~:^\r\n]+', ' ', 'g'))) $$;
COMMENT ON FUNCTION x12_text(text) IS 'a value made fit for an X12 element: the separators * ~ : ^ and line breaks replaced by a blank, upper case, trimmed';
