
-- Reference data: code sets, CMS edits, payers, authorizations, rule
-- settings, the pre-bill audit thresholds and the learned denial model.  Every
-- table is readable by everyone and writable by its owner
-- (grant INSERT, UPDATE, DELETE to a loader role to delegate loading), marked
-- as extension configuration so pg_dump keeps the rows users load (rows the
-- extension ships itself are marked shipped and left out of dumps).
-- Validity dates are inclusive; valid_to NULL means "until further notice".
-- A statement trigger on each table tells every backend's cache to reload it.

CREATE TABLE releases (
	dataset text NOT NULL,
	release text NOT NULL,
	source text,
	valid_from date,
	valid_to date,
	covers_to date,
	current boolean NOT NULL DEFAULT false,
	rows_loaded bigint NOT NULL,
	loaded_at timestamptz NOT NULL DEFAULT now(),
	loaded_by name NOT NULL DEFAULT current_user,
	PRIMARY KEY (dataset, release),
	CHECK (covers_to IS NULL OR valid_from IS NULL OR covers_to >= valid_from)
);
COMMENT ON TABLE releases IS 'one row per release of a reference dataset loaded by a cleanclaim loader: what, from which file, for which dates, how many rows';
COMMENT ON COLUMN releases.valid_from IS 'the first date the release applies to, as given to the loader (NULL when its rows carry their own dates)';
COMMENT ON COLUMN releases.valid_to IS 'the last date the loader made its rows valid to (NULL when the rows carry their own dates or have no end)';
COMMENT ON COLUMN releases.covers_to IS 'code sets: the last date of service the release speaks for; a claim dated after it is not checked against the code set (the rule says so), unless the release is current.  NULL for lists without dates (places of service, types of bill, revenue codes), which cover every date';
COMMENT ON COLUMN releases.current IS 'set with mark_release_current(): the release stays in force after covers_to, its rows that end with the release stay valid, until a newer release is loaded';

CREATE TABLE icd10cm_codes (
	code icd10cm NOT NULL,
	billable boolean NOT NULL,
	description text,
	valid_from date NOT NULL DEFAULT '2015-10-01',
	valid_to date,
	release text,
	laterality text GENERATED ALWAYS AS (
		CASE WHEN description ~* '\mbilateral\M' THEN 'bilateral'
			 WHEN description ~* '\mright\M' THEN 'right'
			 WHEN description ~* '\mleft\M' THEN 'left' END) STORED,
	unspecified boolean GENERATED ALWAYS AS (coalesce(description ~* '\munspecified\M', false)) STORED,
	PRIMARY KEY (code, valid_from),
	CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
COMMENT ON TABLE icd10cm_codes IS 'ICD-10-CM code set (CDC order file): billable codes and headers, with the dates each is valid';
COMMENT ON COLUMN icd10cm_codes.billable IS 'true for a complete code valid for HIPAA transactions, false for a header (category) that needs more characters';
COMMENT ON COLUMN icd10cm_codes.laterality IS 'right, left or bilateral when the title says so (derived from the description)';
COMMENT ON COLUMN icd10cm_codes.unspecified IS 'true when the title says unspecified (derived from the description)';

CREATE TABLE hcpcs_codes (
	code hcpcs NOT NULL,
	description text,
	valid_from date NOT NULL DEFAULT '1900-01-01',
	valid_to date,
	release text,
	PRIMARY KEY (code, valid_from),
	CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
COMMENT ON TABLE hcpcs_codes IS 'HCPCS Level II and CPT procedure codes, with the dates each is valid';

CREATE TABLE modifiers (
	modifier text NOT NULL CHECK (modifier ~ '^[0-9A-Z]{2}$'),
	description text,
	valid_from date NOT NULL DEFAULT '1900-01-01',
	valid_to date,
	release text,
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (modifier, valid_from),
	CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
COMMENT ON TABLE modifiers IS 'procedure modifiers (CPT and HCPCS Level II), with the dates each is valid';
COMMENT ON COLUMN modifiers.shipped IS 'true for the rows cleanclaim ships (the CPT modifiers, with short descriptions of our own); pg_dump leaves them out';

-- The CPT modifiers (those that start with a digit), which no public file
-- holds: their codes, with what each asserts in a few words of our own (the
-- CPT descriptors are the AMA's text), valid from the year CPT added them
-- when that is later than the codes this extension reads.  The HCPCS Level
-- II modifiers come from the ANWEB file (load_hcpcs_anweb).
INSERT INTO modifiers (modifier, description, valid_from, shipped) VALUES
	('22', 'Increased procedural services: substantially more work than usual', '1900-01-01', true),
	('23', 'Unusual anesthesia: general anesthesia for a procedure usually done without', '1900-01-01', true),
	('24', 'Unrelated E/M by the same physician during a postoperative period', '1900-01-01', true),
	('25', 'Significant, separately identifiable E/M on the day of a procedure', '1900-01-01', true),
	('26', 'Professional component only', '1900-01-01', true),
	('27', 'Multiple outpatient hospital E/M encounters on the same date', '1900-01-01', true),
	('32', 'Mandated service (a payer, court or agency required it)', '1900-01-01', true),
	('33', 'Preventive service (no cost sharing)', '2011-01-01', true),
	('47', 'Anesthesia given by the surgeon', '1900-01-01', true),
	('50', 'Bilateral procedure, same session', '1900-01-01', true),
	('51', 'Multiple procedures, same session', '1900-01-01', true),
	('52', 'Reduced services', '1900-01-01', true),
	('53', 'Discontinued procedure (physician)', '1900-01-01', true),
	('54', 'Surgical care only', '1900-01-01', true),
	('55', 'Postoperative management only', '1900-01-01', true),
	('56', 'Preoperative management only', '1900-01-01', true),
	('57', 'Decision for surgery (E/M the day before or the day of a major procedure)', '1900-01-01', true),
	('58', 'Staged or related procedure by the same physician in the postoperative period', '1900-01-01', true),
	('59', 'Distinct procedural service (other site, session or encounter)', '1900-01-01', true),
	('62', 'Two surgeons, each doing a distinct part', '1900-01-01', true),
	('63', 'Procedure on an infant under 4 kg', '1900-01-01', true),
	('66', 'Surgical team', '1900-01-01', true),
	('73', 'Outpatient hospital or ASC procedure discontinued before anesthesia', '1900-01-01', true),
	('74', 'Outpatient hospital or ASC procedure discontinued after anesthesia', '1900-01-01', true),
	('76', 'Repeat procedure by the same physician', '1900-01-01', true),
	('77', 'Repeat procedure by another physician', '1900-01-01', true),
	('78', 'Unplanned return to the operating room for a related procedure in the postoperative period', '1900-01-01', true),
	('79', 'Unrelated procedure by the same physician in the postoperative period', '1900-01-01', true),
	('80', 'Assistant surgeon', '1900-01-01', true),
	('81', 'Minimum assistant surgeon', '1900-01-01', true),
	('82', 'Assistant surgeon when no qualified resident was available', '1900-01-01', true),
	('90', 'Reference (outside) laboratory did the test', '1900-01-01', true),
	('91', 'Repeat clinical laboratory test, same day, for a new result', '1900-01-01', true),
	('92', 'Alternative laboratory platform (a portable kit)', '2008-01-01', true),
	('93', 'Synchronous telemedicine by audio only', '2022-01-01', true),
	('95', 'Synchronous telemedicine by real-time audio and video', '2017-01-01', true),
	('96', 'Habilitative service', '2018-01-01', true),
	('97', 'Rehabilitative service', '2018-01-01', true),
	('99', 'Multiple modifiers (listed elsewhere on the claim)', '1900-01-01', true),
	('1P', 'Quality measure not met for a medical reason (CPT Category II)', '1900-01-01', true),
	('2P', 'Quality measure not met for a patient reason (CPT Category II)', '1900-01-01', true),
	('3P', 'Quality measure not met for a system reason (CPT Category II)', '1900-01-01', true),
	('8P', 'Quality measure action not done, reason not given (CPT Category II)', '1900-01-01', true);

CREATE TABLE place_of_service (
	code text NOT NULL CHECK (code ~ '^[0-9]{2}$'),
	name text NOT NULL,
	description text,
	valid_from date NOT NULL DEFAULT '1900-01-01',
	valid_to date,
	release text,
	PRIMARY KEY (code, valid_from),
	CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
COMMENT ON TABLE place_of_service IS 'CMS place-of-service codes for professional claims; unassigned codes are not loaded';

CREATE TABLE type_of_bill_codes (
	code text NOT NULL CHECK (code ~ '^[1-9][1-9][0-9A-Z]$'),
	description text,
	valid_from date NOT NULL DEFAULT '1900-01-01',
	valid_to date,
	release text,
	PRIMARY KEY (code, valid_from),
	CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
COMMENT ON TABLE type_of_bill_codes IS 'types of bill of institutional claims (UB-04 form locator 4 without its leading 0): facility type, classification, frequency';

CREATE TABLE revenue_codes (
	code text NOT NULL CHECK (code ~ '^[0-9]{4}$'),
	description text,
	valid_from date NOT NULL DEFAULT '1900-01-01',
	valid_to date,
	release text,
	PRIMARY KEY (code, valid_from),
	CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
COMMENT ON TABLE revenue_codes IS 'revenue codes of institutional claim lines (UB-04 form locator 42), four digits';

CREATE TABLE mce_edits (
	code icd10cm NOT NULL,
	edit text NOT NULL CHECK (edit IN ('newborn', 'pediatric', 'maternity', 'adult', 'female', 'male',
									  'manifestation', 'unacceptable_principal', 'questionable_admission',
									  'noncovered', 'limited_coverage')),
	valid_from date NOT NULL DEFAULT '2015-10-01',
	valid_to date,
	release text,
	PRIMARY KEY (code, edit, valid_from),
	CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
COMMENT ON TABLE mce_edits IS 'Medicare Code Editor diagnosis lists: age (newborn 0, pediatric 0-17, maternity 9-64, adult 15-124), sex, manifestation and unacceptable principal diagnoses';

CREATE TABLE ncci_ptp (
	column1 hcpcs NOT NULL,
	column2 hcpcs NOT NULL,
	modifier_indicator smallint NOT NULL CHECK (modifier_indicator IN (0, 1, 9)),
	valid_from date NOT NULL,
	valid_to date,
	setting text NOT NULL DEFAULT 'practitioner' CHECK (setting IN ('practitioner', 'hospital')),
	release text,
	PRIMARY KEY (column1, column2, setting, valid_from),
	CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
COMMENT ON TABLE ncci_ptp IS 'NCCI procedure-to-procedure edits: column 2 is not paid with column 1 on the same date; modifier indicator 0 never, 1 with an NCCI-associated modifier, 9 not applicable';

CREATE TABLE mue (
	code hcpcs NOT NULL,
	max_units integer NOT NULL CHECK (max_units >= 0),
	adjudication_indicator smallint NOT NULL CHECK (adjudication_indicator IN (1, 2, 3)),
	valid_from date NOT NULL,
	valid_to date,
	setting text NOT NULL DEFAULT 'practitioner' CHECK (setting IN ('practitioner', 'hospital', 'dme')),
	release text,
	PRIMARY KEY (code, setting, valid_from),
	CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
COMMENT ON TABLE mue IS 'Medically Unlikely Edits: most units of a code per line (adjudication indicator 1) or per date of service (2 policy, 3 clinical)';

CREATE TABLE payers (
	payer_id text PRIMARY KEY,
	name text NOT NULL,
	payer_type text NOT NULL DEFAULT 'commercial' CHECK (payer_type IN ('medicare', 'medicaid', 'commercial', 'other')),
	timely_filing_days integer CHECK (timely_filing_days > 0)
);
COMMENT ON TABLE payers IS 'payers claims go to; timely_filing_days is the filing limit counted from the date of service (Medicare: 365)';

CREATE TABLE auth_requirements (
	payer_id text NOT NULL REFERENCES payers ON UPDATE CASCADE ON DELETE CASCADE,
	procedure hcpcs NOT NULL,
	valid_from date NOT NULL DEFAULT '1900-01-01',
	valid_to date,
	PRIMARY KEY (payer_id, procedure, valid_from),
	CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
COMMENT ON TABLE auth_requirements IS 'procedures a payer authorizes in advance';

CREATE TABLE authorizations (
	auth_number text NOT NULL,
	payer_id text NOT NULL,
	member_id text NOT NULL,
	procedure hcpcs,
	units_authorized numeric CHECK (units_authorized >= 0),
	units_used numeric NOT NULL DEFAULT 0 CHECK (units_used >= 0),
	valid_from date NOT NULL,
	valid_to date NOT NULL,
	PRIMARY KEY (auth_number, payer_id),
	CHECK (valid_to >= valid_from)
);
COMMENT ON TABLE authorizations IS 'prior authorizations on file: the member, procedure (NULL for any), units and dates they cover';

CREATE TABLE rule_settings (
	rule_id text NOT NULL,
	payer_id text,
	enabled boolean,
	severity text CHECK (severity IN ('error', 'warning', 'info')),
	weight numeric CHECK (weight >= 0),
	params jsonb CHECK (params IS NULL OR jsonb_typeof(params) = 'object'),
	note text
);
CREATE UNIQUE INDEX rule_settings_rule_payer ON rule_settings (rule_id, coalesce(payer_id, ''));
COMMENT ON TABLE rule_settings IS 'overrides of the rule catalog, for all payers (payer_id NULL) or one; NULL columns keep the default';

-- The pre-bill audit's thresholds and the learned denial model (src/audit.sql trains it).
CREATE TABLE audit_thresholds (
	payer_id text,
	setting text NOT NULL CHECK (setting IN ('inpatient', 'outpatient', 'professional')),
	basis text NOT NULL DEFAULT 'billed' CHECK (basis IN ('billed', 'expected')),
	threshold numeric(14,2) NOT NULL CHECK (threshold > 0 AND threshold <> 'NaN')
);
CREATE UNIQUE INDEX audit_thresholds_key ON audit_thresholds (coalesce(payer_id, ''), setting, basis);
COMMENT ON TABLE audit_thresholds IS 'AUDIT_HIGH_DOLLAR thresholds per payer (NULL: every payer), setting and basis (billed: the total charge; expected: the expected payment); a payer''s own rows for a setting replace the every-payer rows, and with neither the defaults apply: 100,000 inpatient, 50,000 outpatient and professional, billed';
COMMENT ON COLUMN audit_thresholds.setting IS 'professional claims are professional; institutional claims are inpatient when the type of bill''s classification digit is 1 or 2 (or, without one, the place of service is 21), else outpatient';

CREATE TABLE denial_model (
	payer_id text,
	procedure hcpcs,
	modifiers text,
	level text GENERATED ALWAYS AS (
		CASE WHEN modifiers IS NOT NULL THEN 'combination'
			 WHEN payer_id IS NOT NULL AND procedure IS NOT NULL THEN 'payer_procedure'
			 WHEN payer_id IS NOT NULL THEN 'payer'
			 WHEN procedure IS NOT NULL THEN 'procedure'
			 ELSE 'overall' END) STORED,
	lines bigint NOT NULL CHECK (lines > 0),
	denied_lines bigint NOT NULL CONSTRAINT denied_lines_of_lines CHECK (denied_lines BETWEEN 0 AND lines),
	probability double precision NOT NULL CHECK (probability BETWEEN 0 AND 1),
	trained_from date,
	trained_to date,
	trained_at timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT modifiers_with_payer_and_procedure CHECK (modifiers IS NULL OR (payer_id IS NOT NULL AND procedure IS NOT NULL))
);
CREATE UNIQUE INDEX denial_model_key ON denial_model (coalesce(payer_id, ''), coalesce(procedure::text, ''), coalesce(modifiers, '*'));
COMMENT ON TABLE denial_model IS 'the learned denial model: for each level (overall, payer, procedure, payer and procedure, payer + procedure + modifier combination) the training lines, the denied ones and the smoothed probability that a line is denied; written by train_denial_model(), read by denial_risk() and AUDIT_DENIAL_RISK from the per-backend cache';
COMMENT ON COLUMN denial_model.modifiers IS 'the combination level''s modifiers as canonical_modifiers() writes them ("" for none); NULL on the other levels';
COMMENT ON COLUMN denial_model.probability IS 'smoothed: (denied + k * prior) / (lines + k), the prior being the level above (see train_denial_model)';

CREATE FUNCTION refdata_changed() RETURNS trigger
	AS 'MODULE_PATHNAME' LANGUAGE C;
COMMENT ON FUNCTION refdata_changed() IS 'statement trigger on the reference tables: tells every backend to reload its cached copy of the table (at commit)';

DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['releases', 'icd10cm_codes', 'hcpcs_codes', 'modifiers', 'place_of_service',
							 'type_of_bill_codes', 'revenue_codes', 'mce_edits', 'ncci_ptp', 'mue', 'payers',
							 'auth_requirements', 'authorizations', 'rule_settings', 'audit_thresholds', 'denial_model']
	LOOP
		EXECUTE format('CREATE TRIGGER refdata_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
						FOR EACH STATEMENT EXECUTE FUNCTION refdata_changed()', t);
		EXECUTE format('COMMENT ON TRIGGER refdata_changed ON %I IS %L', t,
					   'reloads the per-backend cache of this table in every session');
	END LOOP;
	FOREACH t IN ARRAY ARRAY['releases', 'icd10cm_codes', 'hcpcs_codes', 'modifiers', 'place_of_service',
							 'type_of_bill_codes', 'revenue_codes', 'mce_edits', 'ncci_ptp', 'mue', 'payers',
							 'auth_requirements', 'authorizations', 'rule_settings', 'audit_thresholds', 'denial_model']
	LOOP
		EXECUTE format('GRANT SELECT ON %I TO PUBLIC', t);
		PERFORM pg_catalog.pg_extension_config_dump(t::regclass,
			CASE WHEN t = 'modifiers' THEN 'WHERE NOT shipped' ELSE '' END);
	END LOOP;
END $$;
