
-- The scrub triggers.

CREATE FUNCTION scrub() RETURNS trigger
	AS 'MODULE_PATHNAME' LANGUAGE C;
COMMENT ON FUNCTION scrub() IS 'BEFORE INSERT OR UPDATE row trigger: scrub(''reject'') stops a claim with errors (SQLSTATE SC001, every issue in the detail); scrub(''annotate'', ''issues=col'', ''score=col'', ''status=col'') writes the issues, quality score and status (clean, review, hold) into the row';

CREATE FUNCTION scrub_deferred() RETURNS trigger
	AS 'MODULE_PATHNAME' LANGUAGE C;
COMMENT ON FUNCTION scrub_deferred() IS 'AFTER row constraint trigger (DEFERRABLE INITIALLY DEFERRED) for claims whose lines live in a second table: scrub_deferred(''lines=<table>'', ''key=<column>'') on the claims table and scrub_deferred(''claims=<table>'', ''key=<column>'') on the lines table reject, at commit, a claim with errors';
