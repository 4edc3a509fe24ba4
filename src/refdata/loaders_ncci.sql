-- The loaders of the NCCI edits: procedure-to-procedure pairs and Medically
-- Unlikely Edits, per setting (helpers in loaders.sql).

-- NCCI procedure-to-procedure edits ---------------------------------------

CREATE FUNCTION parse_ncci_ptp(content text)
RETURNS TABLE (line_no bigint, line text, column1 hcpcs, column2 hcpcs, modifier_indicator smallint,
			   valid_from date, valid_to date, skip text, problem text, errcode text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
	-- Fields: Column 1, Column 2, * (in existence prior to 1996), effective
	-- date, deletion date (* = none), modifier indicator, PTP edit rationale.
	-- The deletion date is the first date the edit no longer applies, so
	-- the edit is valid through the day before; an edit deleted on its
	-- effective date (modifier indicator 9) never applied and is skipped.
	WITH r AS MATERIALIZED (
		SELECT e.line_no, e.record, e.kind, e.skip, e.problem AS record_problem,
			   btrim(e.fields[1]) AS c1, btrim(e.fields[2]) AS c2, btrim(e.fields[3]) AS pre1996,
			   btrim(e.fields[4]) AS eff, btrim(e.fields[5]) AS del, btrim(e.fields[6]) AS modifier,
			   loader_date(btrim(e.fields[4])) AS eff_date, loader_date(btrim(e.fields[5])) AS del_date
		FROM loader_cms_edit_rows(content, '^column\s*1$', 'Column 1') e
	),
	c AS (
		SELECT r.*,
			   CASE WHEN r.kind <> 'data' THEN NULL
					WHEN r.record_problem IS NOT NULL THEN r.record_problem
					WHEN NOT is_valid_hcpcs(r.c1) THEN
						format('The column 1 code "%s" is not a HCPCS or CPT code: %s', r.c1, invalid_reason('hcpcs', r.c1))
					WHEN NOT is_valid_hcpcs(r.c2) THEN
						format('The column 2 code "%s" is not a HCPCS or CPT code: %s', r.c2, invalid_reason('hcpcs', r.c2))
					WHEN r.pre1996 NOT IN ('', '*') THEN
						format('The "in existence prior to 1996" field is "%s", not * or empty.', r.pre1996)
					WHEN r.eff_date IS NULL THEN
						format('The effective date is "%s", not a date written YYYYMMDD.', r.eff)
					WHEN r.del <> '*' AND r.del_date IS NULL THEN
						format('The deletion date is "%s", neither a date written YYYYMMDD nor * (not deleted).', r.del)
					WHEN r.del_date < r.eff_date THEN
						format('The deletion date %s is before the effective date %s.', r.del, r.eff)
					WHEN r.modifier NOT IN ('0', '1', '9') THEN
						format('The modifier indicator is "%s", not 0, 1 or 9.', r.modifier)
			   END AS problem
		FROM r
	),
	k AS (
		SELECT c.*, coalesce(c.skip, CASE WHEN c.problem IS NULL AND c.del_date = c.eff_date
										  THEN 'deleted on its effective date (never in effect)' END) AS skip_reason
		FROM c
	),
	d AS (
		SELECT k.*, k.problem IS NULL AND k.skip_reason IS NULL AS loads,
			   CASE WHEN k.problem IS NULL AND k.skip_reason IS NULL
					THEN min(k.line_no) OVER (PARTITION BY CASE WHEN k.problem IS NULL AND k.skip_reason IS NULL THEN k.c1::hcpcs END,
															CASE WHEN k.problem IS NULL AND k.skip_reason IS NULL THEN k.c2::hcpcs END,
															k.eff_date)
			   END AS first_line
		FROM k
	)
	SELECT d.line_no, d.record,
		   CASE WHEN d.loads THEN d.c1::hcpcs END, CASE WHEN d.loads THEN d.c2::hcpcs END,
		   CASE WHEN d.loads THEN d.modifier::smallint END,
		   CASE WHEN d.loads THEN d.eff_date END, CASE WHEN d.loads THEN d.del_date - 1 END,
		   d.skip_reason,
		   coalesce(d.problem, CASE WHEN d.first_line < d.line_no THEN
									format('The edit %s/%s effective %s is already on line %s.', d.c1, d.c2, d.eff, d.first_line) END),
		   CASE WHEN d.problem IS NOT NULL THEN '22P02' WHEN d.first_line < d.line_no THEN '23505' END
	FROM d
	ORDER BY d.line_no
$$;
COMMENT ON FUNCTION parse_ncci_ptp(text) IS 'every record of a CMS NCCI PTP edit table exported as CSV (title lines, header, data; parts concatenated allowed) with the edit load_ncci_ptp() would load (valid_to = deletion date - 1), or why it skips the record, or what is wrong with it; writes nothing';

CREATE FUNCTION load_ncci_ptp(content text, release text, setting text DEFAULT 'practitioner')
RETURNS SETOF load_summary
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	dataset constant text := 'ncci_ptp/' || coalesce(setting, '');
	r record;
BEGIN
	PERFORM loader_check_setting('ncci_ptp', setting, '{practitioner,hospital}');
	PERFORM loader_check_arguments(dataset, content, release, NULL, NULL, false);
	r := loader_run(dataset, 'parse_ncci_ptp', content, release, setting, NULL, NULL,
		targets => '{ncci_ptp}',
		columns => ARRAY['column1, column2, modifier_indicator, valid_from, valid_to, setting, release'],
		select_lists => ARRAY['p.column1, p.column2, p.modifier_indicator, p.valid_from, p.valid_to, a.setting, a.release'],
		hint => 'A PTP edit has 7 fields: the column 1 and column 2 codes, * or nothing (in existence prior to 1996), the effective date YYYYMMDD, the deletion date YYYYMMDD or *, the modifier indicator 0, 1 or 9, and the rationale; title lines come before the header line that starts with "Column 1".');
	RETURN NEXT loader_record_release(dataset, release, 'NCCI PTP edits (CSV)', NULL, NULL, r.loaded[1], r.skipped);
END
$$;
COMMENT ON FUNCTION load_ncci_ptp(text, text, text) IS 'loads a CMS NCCI procedure-to-procedure edit table exported as CSV, for the practitioner or hospital setting, as one release of ncci_ptp (valid from the effective date through the day before the deletion date), replacing that release of that setting; returns the summary';


-- Medically Unlikely Edits --------------------------------------------------

CREATE FUNCTION parse_mue(content text)
RETURNS TABLE (line_no bigint, line text, code hcpcs, max_units integer, adjudication_indicator smallint,
			   file_setting text, skip text, problem text, errcode text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
	-- Fields: HCPCS/CPT code, <setting> MUE value, MUE adjudication
	-- indicator ("2 Date of Service Edit: Policy"), MUE rationale.
	WITH r AS MATERIALIZED (
		SELECT e.line_no, e.record, e.kind, e.skip, e.problem AS record_problem,
			   CASE WHEN e.header[2] ~* 'practitioner' THEN 'practitioner'
					WHEN e.header[2] ~* 'hospital|facility' THEN 'hospital'
					WHEN e.header[2] ~* 'dme' THEN 'dme' END AS file_setting,
			   btrim(e.fields[1]) AS code, btrim(e.fields[2]) AS units, btrim(e.fields[3]) AS mai
		FROM loader_cms_edit_rows(content, '^hcpcs\s*/\s*cpt\s+code$', 'HCPCS/CPT Code') e
	),
	c AS (
		SELECT r.*,
			   CASE WHEN r.kind <> 'data' THEN NULL
					WHEN r.record_problem IS NOT NULL THEN r.record_problem
					WHEN NOT is_valid_hcpcs(r.code) THEN
						format('The code "%s" is not a HCPCS or CPT code: %s', r.code, invalid_reason('hcpcs', r.code))
					WHEN r.units !~ '^[0-9]{1,9}$' THEN
						format('The MUE value is "%s", not a whole number of units.', r.units)
					WHEN r.mai !~ '^[123]([^0-9]|$)' THEN
						format('The MUE adjudication indicator is "%s"; it starts with 1 (line edit), 2 (date of service edit: policy) or 3 (date of service edit: clinical).', r.mai)
			   END AS problem
		FROM r
	),
	k AS (
		SELECT c.*, CASE WHEN c.problem IS NULL AND c.kind = 'data' THEN c.code::hcpcs END AS valid_code
		FROM c
	),
	d AS (
		SELECT k.*, CASE WHEN k.valid_code IS NOT NULL THEN min(k.line_no) OVER (PARTITION BY k.valid_code) END AS first_line
		FROM k
	)
	SELECT d.line_no, d.record, d.valid_code,
		   CASE WHEN d.valid_code IS NOT NULL THEN d.units::integer END,
		   CASE WHEN d.valid_code IS NOT NULL THEN left(d.mai, 1)::smallint END,
		   d.file_setting, d.skip,
		   coalesce(d.problem, CASE WHEN d.first_line < d.line_no THEN
									format('Code %s is already on line %s.', d.valid_code, d.first_line) END),
		   CASE WHEN d.problem IS NOT NULL THEN '22P02' WHEN d.first_line < d.line_no THEN '23505' END
	FROM d
	ORDER BY d.line_no
$$;
COMMENT ON FUNCTION parse_mue(text) IS 'every record of a CMS MUE table exported as CSV (title lines, header, data) with the MUE load_mue() would load and the setting its header names, or why it skips the record, or what is wrong with it; writes nothing';

CREATE FUNCTION load_mue(content text, release text, valid_from date, setting text DEFAULT 'practitioner')
RETURNS SETOF load_summary
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	dataset constant text := 'mue/' || coalesce(setting, '');
	r record;
BEGIN
	PERFORM loader_check_setting('mue', setting, '{practitioner,hospital,dme}');
	PERFORM loader_check_arguments(dataset, content, release, valid_from, NULL, true);
	r := loader_run(dataset, 'parse_mue', content, release, setting, valid_from, NULL,
		targets => '{mue}',
		columns => ARRAY['code, max_units, adjudication_indicator, valid_from, setting, release'],
		select_lists => ARRAY['p.code, p.max_units, p.adjudication_indicator, a.valid_from, a.setting, a.release'],
		peek => 'file_setting',
		hint => 'An MUE line has 4 fields: the HCPCS/CPT code, the MUE value (units), the MUE adjudication indicator starting with 1, 2 or 3, and the MUE rationale; title lines come before the header line that starts with "HCPCS/CPT Code".');
	IF r.peeked <> setting THEN
		RAISE EXCEPTION 'could not load %: the file holds the MUEs of another setting', dataset
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = format('Its header names the %s setting.', r.peeked),
				  HINT = format('Load it with setting => %L.', r.peeked);
	END IF;
	RETURN NEXT loader_record_release(dataset, release, 'MUE table (CSV)', valid_from, NULL, r.loaded[1], r.skipped);
END
$$;
COMMENT ON FUNCTION load_mue(text, text, date, text) IS 'loads a CMS Medically Unlikely Edit table exported as CSV, for the practitioner, hospital (outpatient hospital) or dme setting, as one release of mue valid from valid_from, replacing that release of that setting; returns the summary';


