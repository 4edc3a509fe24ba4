SELECT '| modifier | kind | what it asserts | the record must show | belongs on | not with | NCCI | reviewed |' || E'\n' ||
	   '|---|---|---|---|---|---|---|---|' || E'\n' ||
	   string_agg(format('| %s | %s | %s | %s | %s | %s | %s | %s |', m.modifier, m.kind, m.asserts,
						 coalesce(m.documentation, '-'),
						 coalesce(nullif(concat_ws(', ', array_to_string(m.sections, ', '),
											'also ' || array_to_string(m.also_codes::text[], ', ')), ''), 'any'),
						 coalesce(array_to_string(m.not_with, ', '), '-'),
						 CASE WHEN m.ncci_associated THEN 'yes' ELSE '-' END,
						 CASE WHEN m.scrutinized THEN 'yes' ELSE '-' END),
				  E'\n' ORDER BY array_position(ARRAY['pricing', 'ncci', 'anatomic', 'liability', 'telehealth', 'informational'], m.kind),
				  m.modifier COLLATE "C") AS markdown
FROM cleanclaim.modifier_reference m
WHERE m.shipped
