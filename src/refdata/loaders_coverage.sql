
-- The loader of payers' coverage policies as a plain CSV (helpers in
-- loaders.sql): one line per procedure and diagnosis of a policy.

CREATE FUNCTION parse_payer_policies(content text)
RETURNS TABLE (line_no bigint, line text, policy_id text, version integer, title text, procedure hcpcs,
			   procedure_group integer, diagnosis icd10cm, covered boolean, asterisk boolean,
			   first_of_policy boolean, first_of_procedure boolean, skip text, problem text, errcode text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
	-- Header: policy, procedure, diagnosis, covered, group (version, title,
	-- asterisk may follow, in any order).  A line with a procedure and no
	-- diagnosis names a procedure the policy governs; covered is Y or N.
	WITH l AS MATERIALIZED (
		SELECT r.line_no, r.record, loader_csv_fields(r.record) AS fields FROM loader_csv_records(content) r
	),
	h AS MATERIALIZED (
		SELECT loader_header_position(l.fields, '{policy,policy_id}') AS policy_at,
			   loader_header_position(l.fields, '{procedure,hcpcs}') AS procedure_at,
			   loader_header_position(l.fields, '{diagnosis,icd10}') AS diagnosis_at,
			   loader_header_position(l.fields, '{covered}') AS covered_at,
			   loader_header_position(l.fields, '{group}') AS group_at,
			   loader_header_position(l.fields, '{version}') AS version_at,
			   loader_header_position(l.fields, '{title}') AS title_at,
			   loader_header_position(l.fields, '{asterisk}') AS asterisk_at,
			   cardinality(l.fields) AS width
		FROM l WHERE l.line_no = 1
	),
	f AS (
		SELECT l.line_no, l.record, l.fields, btrim(l.record) = '' AS blank, h.width,
			   h.policy_at IS NOT NULL AND h.procedure_at IS NOT NULL AND h.diagnosis_at IS NOT NULL
				   AND h.covered_at IS NOT NULL AND h.group_at IS NOT NULL AS header_ok,
			   btrim(l.fields[h.policy_at]) AS pol, upper(btrim(l.fields[h.procedure_at])) AS proc,
			   upper(btrim(l.fields[h.diagnosis_at])) AS dx, upper(btrim(l.fields[h.covered_at])) AS cov,
			   btrim(l.fields[h.group_at]) AS grp, coalesce(btrim(l.fields[h.version_at]), '') AS ver,
			   nullif(btrim(l.fields[h.title_at]), '') AS ttl, upper(coalesce(btrim(l.fields[h.asterisk_at]), '')) AS ast
		FROM l CROSS JOIN h
	),
	c AS (
		SELECT f.*,
			   CASE WHEN f.line_no = 1 OR NOT f.header_ok OR f.blank OR f.fields IS NULL OR cardinality(f.fields) <> f.width THEN
						loader_structure_problem(f.line_no, f.header_ok,
							'The header lacks one of the columns policy, procedure, diagnosis, covered and group.', f.blank, f.fields, f.width)
					WHEN f.pol = '' OR length(f.pol) > 64 THEN 'The policy id is empty or longer than 64 characters.'
					WHEN NOT is_valid_hcpcs(f.proc) THEN
						format('The procedure "%s" is not a HCPCS or CPT code: %s', f.proc, invalid_reason('hcpcs', f.proc))
					WHEN f.dx <> '' AND NOT is_valid_icd10cm(f.dx) THEN
						format('The diagnosis "%s" is not an ICD-10-CM code: %s', f.dx, invalid_reason('icd10cm', f.dx))
					WHEN f.dx <> '' AND f.cov NOT IN ('Y', 'N', 'YES', 'NO', 'TRUE', 'FALSE', 'COVERED', 'NONCOVERED', 'NOT COVERED') THEN
						format('Covered is "%s", not Y or N.', f.cov)
					WHEN f.grp <> '' AND f.grp !~ '^[1-9][0-9]{0,5}$' THEN format('The group is "%s", not a whole number from 1.', f.grp)
					WHEN f.ver <> '' AND f.ver !~ '^[1-9][0-9]{0,5}$' THEN format('The version is "%s", not a whole number from 1.', f.ver)
					WHEN f.ast NOT IN ('', '*', 'Y', 'N') THEN format('Asterisk is "%s", not *, Y, N or empty.', f.ast)
			   END AS problem,
			   CASE WHEN f.line_no = 1 THEN 'header line' WHEN f.blank THEN 'blank line' END AS skip,
			   CASE WHEN f.ver ~ '^[1-9][0-9]{0,5}$' THEN f.ver::integer ELSE 1 END AS v,
			   CASE WHEN f.grp ~ '^[1-9][0-9]{0,5}$' THEN f.grp::integer ELSE 1 END AS g
		FROM f
	),
	d AS (
		SELECT c.*, c.problem IS NULL AND c.skip IS NULL AS loads FROM c
	),
	k AS (
		SELECT d.*,
			   CASE WHEN d.loads THEN min(d.line_no) OVER (PARTITION BY d.loads, d.pol, d.v) END AS policy_line,
			   -- a policy's title: written on any of its lines
			   CASE WHEN d.loads THEN max(d.ttl) OVER (PARTITION BY d.loads, d.pol, d.v) END AS policy_title,
			   CASE WHEN d.loads THEN min(d.line_no) OVER (PARTITION BY d.loads, d.pol, d.v, d.g, d.proc) END AS procedure_line,
			   CASE WHEN d.loads AND d.dx <> '' THEN
					min(d.line_no) OVER (PARTITION BY d.loads, d.dx <> '', d.pol, d.v, d.g, d.cov IN ('Y', 'YES', 'TRUE', 'COVERED'), d.dx, d.proc) END AS diagnosis_line,
			   CASE WHEN d.loads AND d.dx <> '' THEN
					min(d.line_no) OVER (PARTITION BY d.loads, d.dx <> '', d.pol, d.v, d.g, d.cov IN ('Y', 'YES', 'TRUE', 'COVERED'), d.dx) END AS diagnosis_first
		FROM d
	)
	SELECT k.line_no, k.record,
		   CASE WHEN k.loads THEN k.pol END, CASE WHEN k.loads THEN k.v END,
		   CASE WHEN k.loads THEN coalesce(k.ttl, k.policy_title) END,
		   CASE WHEN k.loads THEN k.proc::hcpcs END, CASE WHEN k.loads THEN k.g END,
		   -- a diagnosis goes in once per policy, group and coverage (the lines of its other procedures repeat it)
		   CASE WHEN k.loads AND k.dx <> '' AND k.diagnosis_first = k.line_no THEN k.dx::icd10cm END,
		   CASE WHEN k.loads AND k.dx <> '' THEN k.cov IN ('Y', 'YES', 'TRUE', 'COVERED') END,
		   CASE WHEN k.loads THEN k.ast IN ('*', 'Y') END,
		   k.loads AND k.policy_line = k.line_no, k.loads AND k.procedure_line = k.line_no,
		   k.skip,
		   coalesce(k.problem, CASE WHEN k.diagnosis_line < k.line_no THEN
									format('Diagnosis %s of policy %s, group %s, procedure %s is already on line %s.', k.dx, k.pol, k.g, k.proc, k.diagnosis_line) END),
		   CASE WHEN k.problem IS NOT NULL THEN '22P02' WHEN k.diagnosis_line < k.line_no THEN '23505' END
	FROM k
	ORDER BY k.line_no
$$;
COMMENT ON FUNCTION parse_payer_policies(text) IS 'every line of a payer''s coverage policies as CSV (policy, procedure, diagnosis, covered, group; version, title, asterisk optional) with what load_payer_policies() would load, or why it skips the line, or what is wrong with it; writes nothing';

CREATE FUNCTION load_payer_policies(content text, contractor_id text, release text, valid_from date DEFAULT '1900-01-01',
	valid_to date DEFAULT NULL)
RETURNS SETOF load_summary
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	dataset constant text := 'coverage_policies';
	r record;
BEGIN
	IF contractor_id IS NULL OR btrim(contractor_id) = '' THEN
		RAISE EXCEPTION 'could not load %: the contractor id is null or empty', dataset
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Name the contractor the policies are filed under, the payer''s own id for its policies (payer_coverage maps payers to contractors).';
	END IF;
	PERFORM loader_check_arguments(dataset, content, release, valid_from, valid_to, true);
	r := loader_run(dataset, 'parse_payer_policies', content, release, NULL, valid_from, valid_to,
		targets => '{coverage_policies,coverage_policy_procedures,coverage_policy_diagnoses}',
		columns => ARRAY['policy_id, version, source, title, contractor_id, valid_from, valid_to, release',
						 'policy_id, version, procedure_group, procedure, release',
						 'policy_id, version, diagnosis_group, diagnosis, covered, asterisk, release'],
		select_lists => ARRAY['p.policy_id, p.version, ''payer'', p.title, a.extra, a.valid_from, a.valid_to, a.release',
							  'p.policy_id, p.version, p.procedure_group, p.procedure, a.release',
							  'p.policy_id, p.version, p.procedure_group, p.diagnosis, p.covered, p.asterisk, a.release'],
		conditions => ARRAY['p.first_of_policy', 'p.first_of_procedure', 'p.diagnosis IS NOT NULL'],
		extra => contractor_id,
		hint => 'A payer policy file is a CSV with the header policy,procedure,diagnosis,covered,group (version, title, asterisk optional), then a line per procedure and diagnosis: the policy id, a HCPCS or CPT code, an ICD-10-CM code (or nothing, to name a procedure alone), Y or N, the group (the diagnoses of a group support the procedures of that group).');
	RETURN NEXT loader_record_release(dataset, release, 'payer coverage policies (CSV)', valid_from, valid_to, r.loaded[1], r.skipped);
END
$$;
COMMENT ON FUNCTION load_payer_policies(text, text, text, date, date) IS 'loads a payer''s coverage policies as CSV (policy, procedure, diagnosis, covered, group) under a contractor id as one release of coverage_policies (source payer), their procedures and diagnoses, replacing that release; returns the summary';
