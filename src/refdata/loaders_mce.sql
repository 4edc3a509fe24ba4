-- The loader of the Medicare Code Editor diagnosis lists (helpers in
-- loaders.sql).

-- Medicare Code Editor diagnosis lists --------------------------------------

CREATE FUNCTION parse_mce(content text)
RETURNS TABLE (line_no bigint, line text, code icd10cm, edit text, skip text, problem text, errcode text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
	WITH l AS MATERIALIZED (
		SELECT s.line_no, s.line, string_to_array(s.line, E'\t') AS fields FROM loader_lines(content) s
	),
	h AS MATERIALIZED (
		SELECT loader_header_position(l.fields, '{icd_version}') AS version_at,
			   loader_header_position(l.fields, '{mce_edit_type}') AS type_at,
			   loader_header_position(l.fields, '{icd_code_type}') AS code_type_at,
			   loader_header_position(l.fields, '{icd_code}') AS code_at,
			   cardinality(l.fields) AS width
		FROM l WHERE l.line_no = 1
	),
	hh AS MATERIALIZED (
		SELECT h.*, h.version_at IS NOT NULL AND h.type_at IS NOT NULL AND h.code_type_at IS NOT NULL AND h.code_at IS NOT NULL
					AS header_ok
		FROM h
	),
	-- the MCE edit types and the mce_edits value each maps to; NULL: a
	-- known edit that mce_edits does not keep
	edit_types (edit_type, edit) AS (
		VALUES ('newborn_only', 'newborn'), ('pediatric_only', 'pediatric'), ('maternity_only', 'maternity'),
			   ('adult_only', 'adult'), ('female_only', 'female'), ('male_only', 'male'),
			   ('principal_manifestation', 'manifestation'), ('principal_unacceptable', 'unacceptable_principal'),
			   ('principal_questionable_admit', 'questionable_admission'), ('noncovered_always', 'noncovered'),
			   ('noncovered_over60', 'noncovered'), ('limited_coverage', 'limited_coverage'),
			   ('wrong_performed', NULL), ('noncovered_los_96hr', NULL)
	),
	f AS (
		SELECT l.line_no, l.line, l.fields, btrim(l.line) = '' AS blank, h.*,
			   btrim(l.fields[h.version_at]) AS version, btrim(l.fields[h.type_at]) AS edit_type,
			   upper(btrim(l.fields[h.code_type_at])) AS code_type, btrim(l.fields[h.code_at]) AS code,
			   e.edit_type IS NOT NULL AS known, e.edit
		FROM l CROSS JOIN hh AS h
		LEFT JOIN edit_types e ON e.edit_type = lower(btrim(l.fields[h.type_at]))
	),
	c AS (
		SELECT f.*,
			   CASE WHEN f.line_no = 1 THEN
						CASE WHEN NOT f.header_ok THEN
							'The header lacks one of the tab-separated columns ICD_Version, MCE_Edit_Type, ICD_Code_Type and ICD_Code.' END
					WHEN NOT f.header_ok THEN 'The header (line 1) is not valid.'
					WHEN f.blank THEN NULL
					WHEN cardinality(f.fields) <> f.width THEN
						format('It has %s tab-separated fields; the header has %s.', cardinality(f.fields), f.width)
					WHEN f.version <> '10' THEN
						format('ICD_Version is "%s"; only ICD-10 lists can be loaded.', f.version)
					WHEN NOT f.known THEN
						format('The edit type "%s" is unknown.', f.edit_type)
					WHEN f.code_type NOT IN ('D', 'P') THEN
						format('ICD_Code_Type is "%s", not D (diagnosis) or P (procedure).', f.code_type)
					WHEN f.code_type = 'D' AND NOT is_valid_icd10cm(f.code) THEN
						format('The diagnosis code "%s" is not an ICD-10-CM code: %s', f.code, invalid_reason('icd10cm', f.code))
			   END AS problem,
			   CASE WHEN f.line_no = 1 THEN 'header line'
					WHEN f.blank THEN 'blank line'
					WHEN f.code_type = 'P' THEN 'procedure code (ICD_Code_Type P)'
					WHEN f.known AND f.edit IS NULL THEN 'edit type not kept: ' || f.edit_type
			   END AS skip
		FROM f
	),
	k AS (
		SELECT c.*, CASE WHEN c.problem IS NULL AND c.skip IS NULL THEN c.code::icd10cm END AS valid_code
		FROM c
	),
	d AS (
		SELECT k.*, CASE WHEN k.valid_code IS NOT NULL THEN min(k.line_no) OVER (PARTITION BY k.valid_code, k.edit) END AS first_line
		FROM k
	)
	SELECT d.line_no, d.line, d.valid_code, CASE WHEN d.valid_code IS NOT NULL THEN d.edit END, d.skip,
		   coalesce(d.problem, CASE WHEN d.first_line < d.line_no THEN
									format('Code %s is already listed for the %s edit on line %s.', d.valid_code, d.edit, d.first_line) END),
		   CASE WHEN d.problem IS NOT NULL THEN '22P02' WHEN d.first_line < d.line_no THEN '23505' END
	FROM d
	ORDER BY d.line_no
$$;
COMMENT ON FUNCTION parse_mce(text) IS 'every line of the tab-separated MCE code edit lists (MCE_Version, ICD_Version, MCE_Section, MCE_Subsection, MCE_Edit_Type, ICD_Code_Type, ICD_Code, ICD_Desc) with the diagnosis and edit load_mce() would load, or why it skips the line, or what is wrong with it; writes nothing';

CREATE FUNCTION load_mce(content text, release text, valid_from date, valid_to date DEFAULT NULL)
RETURNS SETOF load_summary
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	dataset constant text := 'mce_edits';
	r record;
BEGIN
	PERFORM loader_check_arguments(dataset, content, release, valid_from, valid_to, true);
	r := loader_run(dataset, 'parse_mce', content, release, NULL, valid_from, valid_to,
		targets => '{mce_edits}',
		columns => ARRAY['code, edit, valid_from, valid_to, release'],
		select_lists => ARRAY['p.code, p.edit, a.valid_from, a.valid_to, a.release'],
		hint => 'The MCE lists are tab-separated with the header MCE_Version, ICD_Version, MCE_Section, MCE_Subsection, MCE_Edit_Type, ICD_Code_Type, ICD_Code, ICD_Desc; the edit types are Newborn_Only, Pediatric_Only, Maternity_Only, Adult_Only, Female_Only, Male_Only, Principal_Manifestation, Principal_Unacceptable, Principal_Questionable_Admit, Noncovered_Always, Noncovered_Over60, Limited_Coverage, Wrong_Performed and Noncovered_LOS_96hr.');
	RETURN NEXT loader_record_release(dataset, release, 'MCE code edit lists (tab-separated)', valid_from, valid_to, r.loaded[1], r.skipped);
END
$$;
COMMENT ON FUNCTION load_mce(text, text, date, date) IS 'loads the tab-separated Medicare Code Editor lists (diagnosis rows only) as one release of mce_edits, valid from valid_from to valid_to, replacing that release; procedure rows and the edits mce_edits does not keep are skipped; returns the summary';


