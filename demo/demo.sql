-- What cleanclaim makes of the demo claims.
\pset pager off
SET search_path = cleanclaim, public;

\echo
\echo '== Every code on the hand-written claims, checked by the cleanclaim code types'
WITH codes AS (
	SELECT claim_id, 'npi'::regtype AS kind, f.key AS field, f.value AS value
	FROM demo.claims, jsonb_each_text(claim) f WHERE f.key LIKE '%npi'
	UNION ALL
	SELECT claim_id, 'icd10cm', 'diagnoses[' || d.n || ']', d.value
	FROM demo.claims, jsonb_array_elements_text(claim -> 'diagnoses') WITH ORDINALITY d(value, n)
	UNION ALL
	SELECT claim_id, 'hcpcs', 'lines[' || (l ->> 'line_no') || '].procedure', l ->> 'procedure'
	FROM demo.claims, jsonb_array_elements(claim -> 'lines') l
	UNION ALL
	SELECT claim_id, 'ndc', 'lines[' || (l ->> 'line_no') || '].ndc', l ->> 'ndc'
	FROM demo.claims, jsonb_array_elements(claim -> 'lines') l WHERE l ? 'ndc'
)
SELECT claim_id, field, value,
	   CASE kind WHEN 'npi'::regtype THEN CASE WHEN is_valid_npi(value) THEN value::npi::text END
				 WHEN 'icd10cm'::regtype THEN CASE WHEN is_valid_icd10cm(value) THEN value::icd10cm::text END
				 WHEN 'hcpcs'::regtype THEN CASE WHEN is_valid_hcpcs(value) THEN value::hcpcs::text END
				 ELSE CASE WHEN is_valid_ndc(value) THEN value::ndc::text END END AS canonical,
	   coalesce(invalid_reason(kind, value), 'ok') AS verdict
FROM codes
ORDER BY claim_id, field;

\if :{?shared}
\if :shared
\echo
\echo '== The CMS synthetic carrier claims of ../shared/data: how many codes of each kind pass'
WITH lines AS (SELECT * FROM demo.rif_carrier),
checks AS (
	SELECT 'billing NPI' AS field, 'npi'::regtype AS kind, carr_clm_blg_npi_num AS value FROM lines
	UNION ALL SELECT 'performing NPI', 'npi', prf_physn_npi FROM lines
	UNION ALL SELECT 'referring NPI', 'npi', rfr_physn_npi FROM lines
	UNION ALL SELECT 'principal diagnosis', 'icd10cm', prncpal_dgns_cd FROM lines
	UNION ALL SELECT 'line diagnosis', 'icd10cm', line_icd_dgns_cd FROM lines
	UNION ALL SELECT 'procedure', 'hcpcs', hcpcs_cd FROM lines
)
SELECT field, count(*) FILTER (WHERE value <> '') AS present,
	   count(*) FILTER (WHERE value <> '' AND invalid_reason(kind, value) IS NULL) AS valid,
	   count(*) FILTER (WHERE value <> '' AND invalid_reason(kind, value) IS NOT NULL) AS invalid,
	   min(value) FILTER (WHERE value <> '' AND invalid_reason(kind, value) IS NOT NULL) AS example_invalid,
	   min(invalid_reason(kind, value)) FILTER (WHERE value <> '') AS why
FROM checks GROUP BY field ORDER BY field;

\echo
\echo '== Procedure codes on those claims by kind'
SELECT hcpcs_kind(hcpcs_cd::hcpcs) AS kind, count(*) AS lines, count(DISTINCT hcpcs_cd) AS codes,
	   string_agg(DISTINCT hcpcs_cd, ' ' ORDER BY hcpcs_cd) FILTER (WHERE hcpcs_cd IS NOT NULL) AS examples
FROM demo.rif_carrier WHERE is_valid_hcpcs(hcpcs_cd) GROUP BY 1 ORDER BY 2 DESC;
\endif
\endif
