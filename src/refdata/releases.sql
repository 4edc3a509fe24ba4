-- Which release of a code set is in force after the period it covers:
-- mark_release_current() (the loaders record releases; loaders.sql).

-- Marking a release current ---------------------------------------------

CREATE FUNCTION mark_release_current(dataset text, release text, current boolean DEFAULT true)
RETURNS SETOF releases
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	known text;
BEGIN
	IF dataset IS NULL OR release IS NULL OR current IS NULL THEN
		RAISE EXCEPTION 'mark_release_current() needs a dataset, a release and true or false'
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'SELECT * FROM cleanclaim.mark_release_current(''icd10cm_codes'', ''FY2025'');';
	END IF;
	RETURN QUERY
	UPDATE releases r SET current = mark_release_current.current
	WHERE r.dataset = mark_release_current.dataset AND r.release = mark_release_current.release
	RETURNING r.*;
	IF NOT FOUND THEN
		SELECT string_agg(quote_literal(r.release), ', ' ORDER BY r.loaded_at) INTO known
		FROM releases r WHERE r.dataset = mark_release_current.dataset;
		RAISE EXCEPTION 'there is no release % of %', quote_literal(release), quote_literal(dataset)
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = CASE WHEN known IS NULL THEN format('No release of %s is loaded.', quote_literal(dataset))
								ELSE format('The releases of %s are %s.', quote_literal(dataset), known) END,
				  HINT = 'The releases loaded are listed in cleanclaim.releases (dataset, release).';
	END IF;
END
$$;
COMMENT ON FUNCTION mark_release_current(text, text, boolean) IS 'marks a loaded release of a code set current (or, with false, no longer): claims dated after its covers_to are then checked against it, as if it had no end, until a newer release is loaded; returns the release''s row';
