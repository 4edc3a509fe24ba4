SELECT '| rule | category | severity | owner | needs | fires when |' || E'\n' ||
	   '|---|---|---|---|---|---|' || E'\n' ||
	   string_agg(format('| %s | %s | %s%s | %s | %s | %s |', c.rule_id, c.category, c.default_severity,
						 CASE WHEN c.enabled_by_default THEN '' ELSE ' (off)' END, c.owner,
						 coalesce(nullif(concat_ws('; ', c.needs_fields, c.needs_data), ''), '-'), c.description),
				  E'\n' ORDER BY c.n) AS markdown
FROM cleanclaim.rule_catalog() WITH ORDINALITY c(rule_id, category, default_severity, owner, enabled_by_default,
												 default_weight, needs_fields, needs_data, description, n)
