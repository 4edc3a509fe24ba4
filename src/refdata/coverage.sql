
-- Coverage policies: what diagnoses support a procedure, per Medicare's
-- National Coverage Determinations, its contractors' Local Coverage
-- Determinations (their billing articles) and the payers' own policies, and
-- which contractors' policies each payer follows.  The medical necessity
-- rules read them (issue 20; the rules come with the CMS article loader).

CREATE TABLE coverage_policies (
	policy_id text NOT NULL,
	version integer NOT NULL DEFAULT 1 CHECK (version > 0),
	source text NOT NULL CHECK (source IN ('ncd', 'lcd_article', 'payer')),
	title text,
	contractor_id text NOT NULL,
	valid_from date NOT NULL DEFAULT '1900-01-01',
	valid_to date,
	release text NOT NULL,
	PRIMARY KEY (policy_id, version),
	CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
COMMENT ON TABLE coverage_policies IS 'coverage policies on file: an NCD, an LCD billing article or a payer''s policy, its version, the contractor (a MAC, or the payer''s own id) whose policy it is, its dates and the release it was loaded in';

CREATE TABLE coverage_policy_procedures (
	policy_id text NOT NULL,
	version integer NOT NULL,
	procedure_group integer NOT NULL DEFAULT 1 CHECK (procedure_group > 0),
	procedure hcpcs NOT NULL,
	release text NOT NULL,
	PRIMARY KEY (policy_id, version, procedure_group, procedure),
	FOREIGN KEY (policy_id, version) REFERENCES coverage_policies ON DELETE CASCADE
);
COMMENT ON TABLE coverage_policy_procedures IS 'the procedures a coverage policy governs, by group: the diagnoses of the same group number support them';
CREATE INDEX ON coverage_policy_procedures (procedure);

CREATE TABLE coverage_policy_diagnoses (
	policy_id text NOT NULL,
	version integer NOT NULL,
	diagnosis_group integer NOT NULL DEFAULT 1 CHECK (diagnosis_group > 0),
	diagnosis icd10cm NOT NULL,
	covered boolean NOT NULL,
	asterisk boolean NOT NULL DEFAULT false,
	release text NOT NULL,
	PRIMARY KEY (policy_id, version, diagnosis_group, covered, diagnosis),
	FOREIGN KEY (policy_id, version) REFERENCES coverage_policies ON DELETE CASCADE
);
COMMENT ON TABLE coverage_policy_diagnoses IS 'the diagnoses of a coverage policy, by group: covered (they support the procedures of the same group; asterisk: only with a second diagnosis) or never covered';

CREATE TABLE payer_coverage (
	payer_id text NOT NULL,
	contractor_id text NOT NULL,
	state text CHECK (state ~ '^[A-Z]{2}$')
);
COMMENT ON TABLE payer_coverage IS 'the contractors whose coverage policies a payer follows (Medicare by its MAC; a commercial payer whose policies are loaded under a contractor id of its own), for claims from one state or (state NULL) all';
CREATE UNIQUE INDEX payer_coverage_key ON payer_coverage (payer_id, contractor_id, coalesce(state, ''));

DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['coverage_policies', 'coverage_policy_procedures', 'coverage_policy_diagnoses', 'payer_coverage'] LOOP
		EXECUTE format('CREATE TRIGGER refdata_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
						FOR EACH STATEMENT EXECUTE FUNCTION refdata_changed()', t);
		EXECUTE format('COMMENT ON TRIGGER refdata_changed ON %I IS %L', t,
					   'reloads the per-backend cache of this table in every session');
		EXECUTE format('GRANT SELECT ON %I TO PUBLIC', t);
		PERFORM pg_catalog.pg_extension_config_dump(t::regclass, '');
	END LOOP;
END $$;
