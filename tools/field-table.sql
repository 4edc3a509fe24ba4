SELECT '| field | kind | what it is | 837P | 837I | the 837 requires it |' || E'\n' ||
	   '|---|---|---|---|---|---|' || E'\n' ||
	   string_agg(format('| `%s` | %s | %s | %s | %s | %s |',
						 CASE WHEN f.level = 'line' THEN 'lines.' ELSE '' END || f.field, f.kind, f.description,
						 coalesce(f.x12_837p, '-'), coalesce(f.x12_837i, '-'), f.required),
				  E'\n' ORDER BY f.n) AS markdown
FROM cleanclaim.claim_fields() WITH ORDINALITY f(level, field, kind, description, x12_837p, x12_837i, required, n)
