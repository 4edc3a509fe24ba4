
-- Duplicate groups of a claims table, in one pass and one sort.

CREATE FUNCTION duplicate_claims(claims regclass, match text DEFAULT 'exact')
RETURNS TABLE (group_no bigint, claim_id text, line_no bigint, is_original boolean, member_id text,
			   billing_npi text, service_date date, procedure text, modifiers text, units numeric, charge numeric)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	cols text[];
	lines_type regtype;
	line_rows text;
	corrections text := '';
	first_by text := '';
	key text;
BEGIN
	IF match IS NULL OR match NOT IN ('exact', 'service') THEN
		RAISE EXCEPTION 'invalid match "%" for duplicate_claims()', match
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'match says which lines are duplicates of each other.',
				  HINT = '''exact'' (the same member, billing provider, date, procedure, modifiers, units and charge, what DUPLICATE_CLAIM rejects) or ''service'' (units and charge aside).';
	END IF;
	SELECT array_agg(a.attname::text), max(a.atttypid::regtype::text) FILTER (WHERE a.attname = 'lines')::regtype
	INTO cols, lines_type
	FROM pg_attribute a WHERE a.attrelid = claims AND a.attnum > 0 AND NOT a.attisdropped;
	IF NOT cols @> ARRAY['claim_id', 'member_id', 'billing_npi', 'service_from', 'lines'] THEN
		RAISE EXCEPTION 'table % is not a claims table duplicate_claims() can read', claims
			USING ERRCODE = 'undefined_column',
				  DETAIL = format('It lacks %s.', array_to_string(ARRAY(SELECT x FROM unnest(ARRAY['claim_id', 'member_id', 'billing_npi', 'service_from', 'lines']) x
																	   WHERE x <> ALL (cols)), ', ')),
				  HINT = 'The table needs claim_id, member_id, billing_npi, service_from and lines (jsonb or cleanclaim.claim_line[]) columns.';
	END IF;
	IF lines_type = 'jsonb'::regtype THEN
		line_rows := $q$SELECT n AS line_no, l->>'procedure' AS procedure,
				CASE jsonb_typeof(l->'modifiers') WHEN 'array' THEN ARRAY(SELECT jsonb_array_elements_text(l->'modifiers'))
					 WHEN 'string' THEN regexp_split_to_array(l->>'modifiers', '[\s,;]+') END AS modifiers,
				(l->>'units')::numeric AS units, (l->>'charge')::numeric AS charge, (l->>'service_date')::date AS service_date
			FROM jsonb_array_elements(CASE jsonb_typeof(c.lines) WHEN 'array' THEN c.lines ELSE '[]' END) WITH ORDINALITY e(l, n)$q$;
	ELSIF lines_type = 'claim_line[]'::regtype THEN
		line_rows := $q$SELECT e.ordinality AS line_no, e.procedure::text AS procedure, e.modifiers, e.units, e.charge, e.service_date
			FROM unnest(c.lines) WITH ORDINALITY e$q$;
	ELSE
		RAISE EXCEPTION 'column lines of % is %, not jsonb or cleanclaim.claim_line[]', claims, lines_type
			USING ERRCODE = 'datatype_mismatch',
				  HINT = 'Hold the lines as a jsonb array or a cleanclaim.claim_line[]; claims whose lines are rows of another table are compared by the scrub trigger.';
	END IF;
	-- a replacement or void is not a duplicate, nor what a void voided
	IF cols @> ARRAY['frequency_code'] THEN
		corrections := corrections || $q$ AND coalesce(right(c.frequency_code::text, 1), '') NOT IN ('7', '8')$q$;
	END IF;
	IF cols @> ARRAY['type_of_bill'] THEN
		corrections := corrections || $q$ AND coalesce(right(c.type_of_bill::text, 1), '') NOT IN ('7', '8')$q$;
	END IF;
	IF cols @> ARRAY['submitted_on'] THEN
		first_by := 'c.submitted_on NULLS LAST, ';
	END IF;
	key := 'c.member_id::text, c.billing_npi::text, coalesce(l.service_date, c.service_from::date), upper(l.procedure), canonical_modifiers(l.modifiers)'
		|| CASE WHEN match = 'exact' THEN ', l.units, l.charge' ELSE '' END;
	RETURN QUERY EXECUTE format($q$
		SELECT dense_rank() OVER (ORDER BY k.member_id, k.billing_npi, k.service_date, k.procedure, k.modifiers%5$s) AS group_no,
			   k.claim_id, k.line_no, k.rn = 1, k.member_id, k.billing_npi, k.service_date, k.procedure, k.modifiers, k.units, k.charge
		FROM (SELECT c.claim_id::text AS claim_id, l.line_no, c.member_id::text AS member_id, c.billing_npi::text AS billing_npi,
					 coalesce(l.service_date, c.service_from::date) AS service_date, upper(l.procedure) AS procedure,
					 canonical_modifiers(l.modifiers) AS modifiers, l.units, l.charge,
					 min(c.claim_id::text) OVER w <> max(c.claim_id::text) OVER w AS of_several_claims,
					 row_number() OVER (w ORDER BY %4$s c.claim_id, l.line_no) AS rn
			  FROM %1$s c, LATERAL (%6$s) l
			  WHERE l.procedure IS NOT NULL %3$s
			  WINDOW w AS (PARTITION BY %2$s)) k
		WHERE k.of_several_claims
		ORDER BY 1, k.rn$q$,
		claims, key, corrections, first_by,
		CASE WHEN match = 'exact' THEN ', k.units, k.charge' ELSE '' END, line_rows);
END
$$;
COMMENT ON FUNCTION duplicate_claims(regclass, text) IS 'the duplicate groups of a claims table (claim_id, member_id, billing_npi, service_from and a lines column, jsonb or claim_line[]): one row per line of a group, with the shared key and is_original for the first (by submitted_on when the table has it, then claim_id); match exact (the same units and charge, what DUPLICATE_CLAIM rejects) or service; replacements and voids are left out; one scan and one sort';
