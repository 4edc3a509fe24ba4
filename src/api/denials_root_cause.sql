-- denial_root_cause(): what a CARC (with its RARC and group code) means,
-- from the denial dictionary (denials.sql).

CREATE TYPE denial_explanation AS (
	carc text,
	group_code text,
	rarc text,
	status text,
	description text,
	category text,
	root_cause text,
	prevention text,
	owner text,
	preventable boolean,
	rule_ids text[],
	is_denial boolean,
	remark text,
	remark_kind text,
	responsibility text,
	group_meaning text
);
COMMENT ON TYPE denial_explanation IS 'what denial_root_cause() returns: the normalized codes, status (mapped, unmapped or unknown), the dictionary''s columns for the CARC, the remark''s text and kind, and who is responsible according to the group code';
COMMENT ON COLUMN denial_explanation.is_denial IS 'whether the adjustment counts as a denial, as the denial views count it: never under group PR or CR; else denial_reasons.denial, or is_denial_adjustment(group_code, carc) when the code has no mapping (NULL without a group code)';

CREATE FUNCTION denial_root_cause(carc text, rarc text DEFAULT NULL, group_code text DEFAULT NULL)
RETURNS denial_explanation
LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
DECLARE
	r cleanclaim.denial_explanation;
	code text;
	grp text;
	given_group text;
	parts text[];
	zeros boolean := false;
	d record;
	m record;
BEGIN
	IF denial_root_cause.carc IS NULL THEN
		RETURN NULL;
	END IF;
	-- white space around (no-break spaces too) and case do not matter; a
	-- group code may come first: CO-16, CO 16, co16
	code := upper(regexp_replace(denial_root_cause.carc, '^[\s\u00a0]+|[\s\u00a0]+$', '', 'g'));
	parts := regexp_match(code, '^(CO|CR|OA|PI|PR)[\s\u00a0:-]*(.*)$');
	IF parts IS NOT NULL THEN
		grp := parts[1];
		code := parts[2];
	END IF;
	given_group := nullif(upper(regexp_replace(denial_root_cause.group_code, '^[\s\u00a0]+|[\s\u00a0]+$', '', 'g')), '');
	IF given_group IS NOT NULL THEN
		IF given_group NOT IN ('CO', 'CR', 'OA', 'PI', 'PR') THEN
			RAISE EXCEPTION 'invalid claim adjustment group code: "%"', denial_root_cause.group_code
				USING ERRCODE = 'invalid_parameter_value',
					  DETAIL = 'The group codes are CO (contractual obligation), PR (patient responsibility), OA (other adjustment), PI (payer-initiated reduction) and CR (corrections and reversals, 4010 only).',
					  HINT = 'Pass the CAS01 element of the 835, or NULL.';
		END IF;
		IF grp IS NOT NULL AND grp <> given_group THEN
			RAISE EXCEPTION 'conflicting claim adjustment group codes: "%" and group_code "%"', denial_root_cause.carc, denial_root_cause.group_code
				USING ERRCODE = 'invalid_parameter_value',
					  DETAIL = format('The CARC is written with group code %s, and group_code is %s.', grp, given_group),
					  HINT = 'Give the group code once, in the CARC (CO-16) or as group_code.';
		END IF;
		grp := given_group;
	END IF;

	IF code ~ '^[0-9]+$' THEN
		zeros := code ~ '^0+$';
		code := ltrim(code, '0');
	END IF;
	IF code !~ '^([1-9][0-9]{0,2}|[A-Z][0-9]{1,3})$' THEN
		RAISE EXCEPTION 'invalid claim adjustment reason code: "%"', denial_root_cause.carc
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = CASE WHEN code = '' AND grp IS NOT NULL THEN format('Only the group code %s was given.', grp)
								WHEN code = '' AND zeros THEN 'Reason codes are numbered from 1; 0 is not one.'
								WHEN code = '' THEN 'The code is empty.'
								ELSE format('"%s" is neither 1 to 3 digits nor a letter followed by 1 to 3 digits.', code) END,
				  HINT = 'Pass the reason code of the 835 CAS segment, alone or after its group code: 16, CO-16, PR 1, B7.';
	END IF;

	r.carc := code;
	r.group_code := grp;
	SELECT dr.* INTO d FROM cleanclaim.denial_reasons dr WHERE dr.carc = code;
	IF NOT FOUND THEN
		r.status := 'unknown';
		r.rule_ids := '{}';
	ELSE
		r.status := CASE WHEN d.category IS NULL THEN 'unmapped' ELSE 'mapped' END;
		r.description := d.description;
		r.category := d.category;
		r.root_cause := d.root_cause;
		r.prevention := d.prevention;
		r.owner := d.owner;
		r.preventable := d.preventable;
		r.rule_ids := d.rule_ids;
		r.is_denial := d.denial;
	END IF;
	-- The same test as the denial views: patient responsibility and
	-- corrections never; else the dictionary, and for a code it does not
	-- map, is_denial_adjustment() (which knows the payment-policy codes).
	r.is_denial := CASE WHEN grp IN ('PR', 'CR') THEN false
						ELSE coalesce(r.is_denial, cleanclaim.is_denial_adjustment(grp, code)) END;

	r.rarc := nullif(upper(regexp_replace(denial_root_cause.rarc, '^[\s\u00a0]+|[\s\u00a0]+$', '', 'g')), '');
	IF r.rarc IS NOT NULL THEN
		IF r.rarc !~ '^(M|MA|N)[0-9]{1,4}$' THEN
			RAISE EXCEPTION 'invalid remittance advice remark code: "%"', denial_root_cause.rarc
				USING ERRCODE = 'invalid_parameter_value',
					  DETAIL = format('"%s" is not M, MA or N followed by 1 to 4 digits.', r.rarc),
					  HINT = 'Pass one remark code of the 835 LQ or MOA/MIA segment: N290, MA130, M51.';
		END IF;
		SELECT rc.* INTO m FROM cleanclaim.remark_codes rc WHERE rc.rarc = r.rarc;
		IF FOUND THEN
			r.remark := m.description;
			r.remark_kind := m.kind;
		END IF;
	END IF;

	r.responsibility := CASE grp WHEN 'CO' THEN 'provider' WHEN 'PR' THEN 'patient' WHEN 'OA' THEN 'other'
								 WHEN 'PI' THEN 'payer' WHEN 'CR' THEN 'correction' END;
	r.group_meaning := CASE grp
		WHEN 'CO' THEN 'Contractual obligation: a contract or regulation caused the adjustment; the provider writes it off and may not bill the patient.'
		WHEN 'PR' THEN 'Patient responsibility: the amount may be billed to the patient or to a secondary plan.'
		WHEN 'OA' THEN 'Other adjustment: no other group fits; the reason code says who owes it.'
		WHEN 'PI' THEN 'Payer-initiated reduction: the payer holds that the patient does not owe it, with no contract behind it (medical review findings, for example); appeal it when it is wrong.'
		WHEN 'CR' THEN 'Correction or reversal of an earlier claim: a 4010 group code, dropped in 5010, where a reversal repeats the original group codes with negative amounts.'
	END;
	RETURN r;
END
$$;
COMMENT ON FUNCTION denial_root_cause(text, text, text) IS 'explains an 835 adjustment: the CARC (16, or with its group code, CO-16) with its category, root cause, prevention, owner, preventability and the rules that would have caught it (status unknown when the code is not in denial_reasons, unmapped when it has no mapping yet), the remark code''s text and kind, and the responsibility the group code gives; 22023 for a malformed code';


