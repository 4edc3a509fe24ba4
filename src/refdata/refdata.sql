
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

-- The CHECK of the modifier columns: 22023 naming the bad modifier.
CREATE FUNCTION check_modifiers(what text, modifiers text[]) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	m text;
BEGIN
	FOREACH m IN ARRAY coalesce(modifiers, '{}') LOOP
		IF m IS NULL OR m !~ '^[0-9A-Z]{2}$' THEN
			RAISE EXCEPTION 'invalid modifier "%" in %', m, what
				USING ERRCODE = 'invalid_parameter_value',
					  DETAIL = 'A modifier is two upper-case letters or digits.',
					  HINT = 'Write modifiers as CPT and HCPCS print them: 25, 59, XS, LT.';
		END IF;
	END LOOP;
	RETURN true;
END
$$;
COMMENT ON FUNCTION check_modifiers(text, text[]) IS 'true when every element is a modifier (two upper-case letters or digits); raises 22023 naming the first that is not (the CHECK of the modifier columns of modifier_reference and modifier_settings)';

-- The modifier reference: what each modifier is and where it belongs, for the
-- modifier rules (MOD_CONFLICT, MOD_NOT_APPLICABLE, MOD_ORDER), the NCCI
-- bypass and the pre-bill audit.  cleanclaim ships a row for each CPT
-- modifier and for the Level II modifiers those rules need, in words of our
-- own (sources: CPT Appendix A in outline, the NCCI Policy Manual chapter I,
-- the Medicare Claims Processing Manual chapters 12 and 30, the MLN articles
-- on 59 and XE/XS/XP/XU and on the ABN).  Change how a payer (or every payer)
-- treats a modifier in modifier_settings; edits to shipped rows are not kept
-- by pg_dump.
CREATE TABLE modifier_reference (
	modifier text PRIMARY KEY CHECK (check_modifiers('modifier_reference.modifier', ARRAY[modifier])),
	kind text NOT NULL CHECK (kind IN ('pricing', 'informational', 'anatomic', 'ncci', 'liability', 'telehealth')),
	asserts text NOT NULL,
	documentation text,
	sections text[] CHECK (sections <@ ARRAY['anesthesia', 'surgery', 'radiology', 'pathology', 'medicine', 'em',
											 'category_ii', 'category_iii', 'level_ii']::text[]
						   AND cardinality(sections) > 0),
	also_codes hcpcs[],
	not_with text[] CHECK (check_modifiers('modifier_reference.not_with', not_with)),
	ncci_associated boolean NOT NULL DEFAULT false,
	scrutinized boolean NOT NULL DEFAULT false,
	shipped boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE modifier_reference IS 'what each modifier asserts, its kind, the documentation it needs, the procedure sections it belongs on, the modifiers it excludes, whether it bypasses NCCI edits and whether payers review it by hand';
COMMENT ON COLUMN modifier_reference.kind IS 'pricing (changes the payment; listed first), informational, anatomic (a body site), ncci (a distinct service or a global-surgery exception), liability (ABN and notices) or telehealth';
COMMENT ON COLUMN modifier_reference.asserts IS 'what a line with the modifier tells the payer';
COMMENT ON COLUMN modifier_reference.documentation IS 'what the record must show to support it';
COMMENT ON COLUMN modifier_reference.sections IS 'the procedure sections it belongs on (MOD_NOT_APPLICABLE): anesthesia 00100-01999, surgery 10004-69990, radiology 70010-79999, pathology 80047-89398 and PLA/MAAA codes, medicine 90281-99199 and 99500-99607 and vaccine codes, em 99202-99499, category_ii, category_iii, level_ii (HCPCS Level II); NULL: any';
COMMENT ON COLUMN modifier_reference.also_codes IS 'codes outside those sections it also belongs on (25 on the eye exams 92002-92014 and the Medicare wellness visits)';
COMMENT ON COLUMN modifier_reference.not_with IS 'modifiers that must not share a line with it (MOD_CONFLICT; either row may list the pair)';
COMMENT ON COLUMN modifier_reference.ncci_associated IS 'an NCCI-associated modifier: it may bypass an NCCI procedure-to-procedure edit of modifier indicator 1 (NCCI_PTP_MODIFIER)';
COMMENT ON COLUMN modifier_reference.scrutinized IS 'payers review lines with it by hand (AUDIT_RISKY_MODIFIER); modifier_settings overrides it per payer';
COMMENT ON COLUMN modifier_reference.shipped IS 'true for the rows cleanclaim ships; pg_dump leaves them out';

INSERT INTO modifier_reference (modifier, kind, asserts, documentation, sections, also_codes, not_with, ncci_associated, scrutinized, shipped)
SELECT m, k, a, d, s::text[], c::hcpcs[], n::text[], coalesce(nc, false), coalesce(sc, false), true
FROM (VALUES
	-- pricing: listed in the first position (Medicare's MCS prices by the code and its first modifier)
	('22', 'pricing', 'The service took substantially more work than usual (time, technical difficulty, severity, risk)',
	 'An operative or procedure note that says what made it harder and how much more time or effort it took, compared with the usual service', '{anesthesia,surgery,radiology,pathology,medicine,category_iii,level_ii}', NULL, NULL, NULL, true),
	('26', 'pricing', 'Only the professional component (the interpretation) of a service with professional and technical parts',
	 'A signed interpretation or report by the billing professional', '{surgery,radiology,pathology,medicine,category_iii,level_ii}', NULL, '{TC}', NULL, NULL),
	('TC', 'pricing', 'Only the technical component (equipment, staff, supplies) of a service with professional and technical parts',
	 'The record of the test performed; the interpretation is billed by someone else', '{surgery,radiology,pathology,medicine,category_iii,level_ii}', NULL, NULL, NULL, NULL),
	('50', 'pricing', 'The same procedure on both sides of the body at one session, on one line',
	 'A note naming both sides', '{surgery,radiology,medicine,category_iii,level_ii}', NULL, '{LT,RT}', NULL, NULL),
	('52', 'pricing', 'The service was partly reduced or eliminated at the provider''s choice',
	 'A note on what was not done and why', NULL, NULL, '{53}', NULL, NULL),
	('53', 'pricing', 'The provider stopped the procedure once begun, for the patient''s well-being',
	 'A note on the circumstances and how far the procedure went', '{anesthesia,surgery,radiology,pathology,medicine,category_iii,level_ii}', NULL, NULL, NULL, NULL),
	('54', 'pricing', 'Surgical care only; another provider does the pre- or postoperative care',
	 'The operative note and the transfer of care agreement', '{surgery,radiology,medicine,category_iii,level_ii}', NULL, '{55,56}', NULL, NULL),
	('55', 'pricing', 'Postoperative management only, after another provider operated',
	 'The transfer of care and the date this provider took over', '{surgery,radiology,medicine,category_iii,level_ii}', NULL, '{56}', NULL, NULL),
	('56', 'pricing', 'Preoperative management only, before another provider operated',
	 'The preoperative evaluation', '{surgery,radiology,medicine,category_iii,level_ii}', NULL, NULL, NULL, NULL),
	('62', 'pricing', 'Two surgeons of different specialties each did a distinct part of one procedure',
	 'An operative note from each surgeon saying what each did', '{surgery,radiology,medicine,category_iii,level_ii}', NULL, '{66,80,81,82,AS}', NULL, NULL),
	('66', 'pricing', 'A team of surgeons did a highly complex procedure together',
	 'Each surgeon''s part in the operative notes', '{surgery,radiology,medicine,category_iii,level_ii}', NULL, '{80,81,82,AS}', NULL, NULL),
	('73', 'pricing', 'A hospital outpatient or ASC procedure stopped after the patient was prepared, before anesthesia',
	 'Why the procedure was cancelled and when', '{surgery,radiology,medicine,category_iii,level_ii}', NULL, '{74}', NULL, NULL),
	('74', 'pricing', 'A hospital outpatient or ASC procedure stopped after anesthesia began or the procedure started',
	 'Why the procedure was stopped and how far it went', '{surgery,radiology,medicine,category_iii,level_ii}', NULL, NULL, NULL, NULL),
	('78', 'pricing', 'An unplanned return to the operating room for a related procedure in the postoperative period',
	 'The operative note tying the return to the first surgery', '{surgery,radiology,medicine,category_iii,level_ii}', NULL, '{79}', true, NULL),
	('80', 'pricing', 'An assistant surgeon (a physician)',
	 'The operative note naming the assistant and what the assistant did', '{surgery,radiology,medicine,category_iii,level_ii}', NULL, '{81,82,AS}', NULL, NULL),
	('81', 'pricing', 'A minimum assistant surgeon (a physician for part of the procedure)',
	 'The operative note naming the assistant and the part assisted', '{surgery,radiology,medicine,category_iii,level_ii}', NULL, '{82,AS}', NULL, NULL),
	('82', 'pricing', 'An assistant surgeon because no qualified resident was available (teaching hospitals)',
	 'The operative note and a statement that no qualified resident was available', '{surgery,radiology,medicine,category_iii,level_ii}', NULL, '{AS}', NULL, NULL),
	('AS', 'pricing', 'A physician assistant, nurse practitioner or clinical nurse specialist assisted at surgery',
	 'The operative note naming the assistant and what the assistant did', '{surgery,radiology,medicine,category_iii,level_ii}', NULL, NULL, NULL, NULL),
	('AA', 'pricing', 'Anesthesia personally performed by the anesthesiologist',
	 'The anesthesia record with start and stop times', NULL, NULL, '{AD,QK,QX,QY,QZ}', NULL, NULL),
	('AD', 'pricing', 'Medical supervision by a physician of more than four concurrent anesthesia procedures',
	 'The concurrency and the supervising physician''s presence', NULL, NULL, '{QK,QY}', NULL, NULL),
	('QK', 'pricing', 'Medical direction of two, three or four concurrent anesthesia procedures',
	 'The medical direction steps the physician performed', NULL, NULL, '{QY}', NULL, NULL),
	('QX', 'pricing', 'A CRNA or anesthesiologist assistant service with medical direction by a physician',
	 'The anesthesia record and the directing physician', NULL, NULL, '{QZ}', NULL, NULL),
	('QY', 'pricing', 'Medical direction of one CRNA or anesthesiologist assistant by an anesthesiologist',
	 'The medical direction steps the physician performed', NULL, NULL, NULL, NULL, NULL),
	('QZ', 'pricing', 'A CRNA service without medical direction by a physician',
	 'The anesthesia record', NULL, NULL, NULL, NULL, NULL),
	-- NCCI-associated: a distinct service, or an exception to a global surgical package
	('59', 'ncci', 'A procedure distinct from another billed the same day: another session, site, organ system, incision or injury',
	 'Notes of the separate session, site or lesion, not only two codes billed together', '{anesthesia,surgery,radiology,pathology,medicine,category_iii,level_ii}', NULL, '{XE,XS,XP,XU}', true, true),
	('XE', 'ncci', 'A separate encounter: the service was done at another encounter on the same day',
	 'The times of the two encounters', '{anesthesia,surgery,radiology,pathology,medicine,category_iii,level_ii}', NULL, NULL, true, true),
	('XS', 'ncci', 'A separate structure: the service was done on another organ or structure',
	 'The site of each service', '{anesthesia,surgery,radiology,pathology,medicine,category_iii,level_ii}', NULL, NULL, true, true),
	('XP', 'ncci', 'A separate practitioner: another practitioner did the service',
	 'Who did each service', '{anesthesia,surgery,radiology,pathology,medicine,category_iii,level_ii}', NULL, NULL, true, true),
	('XU', 'ncci', 'An unusual non-overlapping service: distinct, and none of XE, XS, XP describes it',
	 'Why the service does not overlap the usual parts of the main service', '{anesthesia,surgery,radiology,pathology,medicine,category_iii,level_ii}', NULL, NULL, true, true),
	('91', 'ncci', 'A clinical laboratory test repeated the same day to get a new result',
	 'Why the test was repeated (not a rerun to confirm, not a test failure)', '{pathology}', NULL, NULL, true, NULL),
	('24', 'ncci', 'An E/M service unrelated to a surgery in its postoperative period',
	 'A diagnosis and note showing the visit was for another problem', '{em}', '{92002,92004,92012,92014}', NULL, true, NULL),
	('25', 'ncci', 'A significant, separately identifiable E/M service on the day of a procedure or other service',
	 'A visit note that stands on its own, beyond the usual pre- and post-service work of the procedure', '{em}', '{92002,92004,92012,92014,G0402,G0438,G0439,G0463}', NULL, true, true),
	('27', 'ncci', 'More than one hospital outpatient E/M encounter on the same date',
	 'A note for each encounter', '{em}', '{G0463}', NULL, true, NULL),
	('57', 'ncci', 'The E/M visit at which the decision for a major surgery was made (the day before or of the surgery)',
	 'The visit note recording the decision to operate', '{em}', '{92002,92004,92012,92014}', NULL, true, NULL),
	('58', 'ncci', 'A staged or related procedure, or therapy after a procedure, by the same provider in the postoperative period',
	 'A note that the procedure was planned, or more extensive, or therapy after the first', '{surgery,radiology,medicine,category_iii,level_ii}', NULL, '{78,79}', true, NULL),
	('79', 'ncci', 'An unrelated procedure by the same provider in the postoperative period',
	 'A diagnosis showing the procedure is unrelated to the first surgery', '{surgery,radiology,medicine,category_iii,level_ii}', NULL, NULL, true, NULL),
	-- anatomic: also NCCI-associated
	('LT', 'anatomic', 'The left side of the body', 'The side in the note', NULL, NULL, '{RT}', true, NULL),
	('RT', 'anatomic', 'The right side of the body', 'The side in the note', NULL, NULL, NULL, true, NULL),
	('E1', 'anatomic', 'The upper left eyelid', 'The site in the note', NULL, NULL, '{RT}', true, NULL),
	('E2', 'anatomic', 'The lower left eyelid', 'The site in the note', NULL, NULL, '{RT}', true, NULL),
	('E3', 'anatomic', 'The upper right eyelid', 'The site in the note', NULL, NULL, '{LT}', true, NULL),
	('E4', 'anatomic', 'The lower right eyelid', 'The site in the note', NULL, NULL, '{LT}', true, NULL),
	('FA', 'anatomic', 'The left hand, thumb', 'The digit in the note', NULL, NULL, '{RT}', true, NULL),
	('F1', 'anatomic', 'The left hand, second digit', 'The digit in the note', NULL, NULL, '{RT}', true, NULL),
	('F2', 'anatomic', 'The left hand, third digit', 'The digit in the note', NULL, NULL, '{RT}', true, NULL),
	('F3', 'anatomic', 'The left hand, fourth digit', 'The digit in the note', NULL, NULL, '{RT}', true, NULL),
	('F4', 'anatomic', 'The left hand, fifth digit', 'The digit in the note', NULL, NULL, '{RT}', true, NULL),
	('F5', 'anatomic', 'The right hand, thumb', 'The digit in the note', NULL, NULL, '{LT}', true, NULL),
	('F6', 'anatomic', 'The right hand, second digit', 'The digit in the note', NULL, NULL, '{LT}', true, NULL),
	('F7', 'anatomic', 'The right hand, third digit', 'The digit in the note', NULL, NULL, '{LT}', true, NULL),
	('F8', 'anatomic', 'The right hand, fourth digit', 'The digit in the note', NULL, NULL, '{LT}', true, NULL),
	('F9', 'anatomic', 'The right hand, fifth digit', 'The digit in the note', NULL, NULL, '{LT}', true, NULL),
	('TA', 'anatomic', 'The left foot, great toe', 'The digit in the note', NULL, NULL, '{RT}', true, NULL),
	('T1', 'anatomic', 'The left foot, second digit', 'The digit in the note', NULL, NULL, '{RT}', true, NULL),
	('T2', 'anatomic', 'The left foot, third digit', 'The digit in the note', NULL, NULL, '{RT}', true, NULL),
	('T3', 'anatomic', 'The left foot, fourth digit', 'The digit in the note', NULL, NULL, '{RT}', true, NULL),
	('T4', 'anatomic', 'The left foot, fifth digit', 'The digit in the note', NULL, NULL, '{RT}', true, NULL),
	('T5', 'anatomic', 'The right foot, great toe', 'The digit in the note', NULL, NULL, '{LT}', true, NULL),
	('T6', 'anatomic', 'The right foot, second digit', 'The digit in the note', NULL, NULL, '{LT}', true, NULL),
	('T7', 'anatomic', 'The right foot, third digit', 'The digit in the note', NULL, NULL, '{LT}', true, NULL),
	('T8', 'anatomic', 'The right foot, fourth digit', 'The digit in the note', NULL, NULL, '{LT}', true, NULL),
	('T9', 'anatomic', 'The right foot, fifth digit', 'The digit in the note', NULL, NULL, '{LT}', true, NULL),
	('LC', 'anatomic', 'The left circumflex coronary artery', 'The vessel in the note', NULL, NULL, '{RT}', true, NULL),
	('LD', 'anatomic', 'The left anterior descending coronary artery', 'The vessel in the note', NULL, NULL, '{RT}', true, NULL),
	('LM', 'anatomic', 'The left main coronary artery', 'The vessel in the note', NULL, NULL, '{RT}', true, NULL),
	('RC', 'anatomic', 'The right coronary artery', 'The vessel in the note', NULL, NULL, '{LT}', true, NULL),
	('RI', 'anatomic', 'The ramus intermedius coronary artery', 'The vessel in the note', NULL, NULL, NULL, true, NULL),
	-- liability: notices of non-coverage
	('GA', 'liability', 'A required waiver of liability (ABN) is on file: the patient may be billed if Medicare denies',
	 'The signed ABN for this service and date', NULL, NULL, '{GX,GZ}', NULL, NULL),
	('GX', 'liability', 'A voluntary notice of liability was issued for a service Medicare never covers',
	 'The notice given to the patient', NULL, NULL, '{GZ}', NULL, NULL),
	('GY', 'liability', 'The service is statutorily excluded or not a Medicare benefit',
	 'Nothing more; the line is expected to be denied', NULL, NULL, '{GZ}', NULL, NULL),
	('GZ', 'liability', 'The service is expected to be denied as not reasonable and necessary, and no ABN is on file',
	 'Nothing more; the provider, not the patient, is liable', NULL, NULL, NULL, NULL, NULL),
	-- telehealth
	('95', 'telehealth', 'A synchronous telemedicine service by real-time audio and video',
	 'The platform, that the patient consented, and where patient and provider were', NULL, NULL, '{93,FQ}', NULL, NULL),
	('93', 'telehealth', 'A synchronous telemedicine service by audio only',
	 'That video was not possible or refused, and the time on the call', NULL, NULL, NULL, NULL, NULL),
	('FQ', 'telehealth', 'A service furnished by audio-only communication (Medicare)',
	 'That video was not possible or refused', NULL, NULL, NULL, NULL, NULL),
	('GT', 'telehealth', 'Via interactive audio and video telecommunication systems (institutional and some payers)',
	 'The platform and where patient and provider were', NULL, NULL, NULL, NULL, NULL),
	('GQ', 'telehealth', 'Via an asynchronous (store and forward) telecommunication system',
	 'The data sent and the review of it', NULL, NULL, NULL, NULL, NULL),
	-- informational
	('23', 'informational', 'General anesthesia for a procedure usually done with local or none',
	 'Why general anesthesia was needed', '{anesthesia}', NULL, NULL, NULL, NULL),
	('32', 'informational', 'A mandated service: a payer, court or agency required it', 'The mandate', NULL, NULL, NULL, NULL, NULL),
	('33', 'informational', 'A preventive service: the patient owes no cost sharing', 'The preventive purpose of the service', NULL, NULL, NULL, NULL, NULL),
	('47', 'informational', 'The surgeon gave the anesthesia (regional or general)', 'The anesthesia in the operative note', '{surgery}', NULL, NULL, NULL, NULL),
	('51', 'informational', 'Multiple procedures at the same session (the payer reduces the others)', 'Each procedure in the operative note', '{surgery,radiology,medicine,category_iii,level_ii}', NULL, NULL, NULL, NULL),
	('63', 'informational', 'A procedure on an infant under 4 kg', 'The infant''s weight on the date of service', '{surgery,radiology,medicine}', NULL, NULL, NULL, NULL),
	('76', 'informational', 'The same procedure repeated by the same provider on the same day',
	 'A note for each performance and why it was repeated', '{surgery,radiology,medicine,category_iii,level_ii}', NULL, '{77}', NULL, NULL),
	('77', 'informational', 'The same procedure repeated by another provider on the same day',
	 'A note for each performance and why it was repeated', '{surgery,radiology,medicine,category_iii,level_ii}', NULL, NULL, NULL, NULL),
	('90', 'informational', 'An outside (reference) laboratory did the test', 'The reference laboratory''s report', '{pathology}', NULL, NULL, NULL, NULL),
	('92', 'informational', 'The laboratory test ran on a single-use portable kit', 'The kit used', '{pathology}', NULL, NULL, NULL, NULL),
	('96', 'informational', 'A habilitative service (to learn or keep a skill)', 'The plan of care', NULL, NULL, '{97}', NULL, NULL),
	('97', 'informational', 'A rehabilitative service (to regain a skill)', 'The plan of care', NULL, NULL, NULL, NULL, NULL),
	('99', 'informational', 'More modifiers apply than fit on the line; they are listed elsewhere', 'The full list of modifiers', NULL, NULL, NULL, NULL, NULL),
	('1P', 'informational', 'A quality measure was not met for a medical reason', 'The medical reason', '{category_ii}', NULL, NULL, NULL, NULL),
	('2P', 'informational', 'A quality measure was not met for a patient reason', 'The patient''s reason', '{category_ii}', NULL, NULL, NULL, NULL),
	('3P', 'informational', 'A quality measure was not met for a system reason', 'The system reason', '{category_ii}', NULL, NULL, NULL, NULL),
	('8P', 'informational', 'A quality measure action was not done, reason not given', NULL, '{category_ii}', NULL, NULL, NULL, NULL),
	('QW', 'informational', 'A CLIA-waived test', 'The laboratory''s CLIA certificate of waiver', '{pathology,level_ii}', NULL, NULL, NULL, NULL),
	('KX', 'informational', 'The payer''s policy requirements for the service are met (therapy and DME thresholds)',
	 'The medical necessity the policy asks for, in the record', NULL, NULL, NULL, NULL, NULL),
	('JW', 'informational', 'The amount of a single-dose drug that was discarded, not given',
	 'The amount given and the amount discarded', '{level_ii}', NULL, '{JZ}', NULL, NULL),
	('JZ', 'informational', 'No amount of a single-dose drug was discarded', 'The amount given', '{level_ii}', NULL, NULL, NULL, NULL),
	('GC', 'informational', 'A resident did part of the service under a teaching physician', 'The teaching physician''s presence and note', NULL, NULL, NULL, NULL, NULL)
) AS t(m, k, a, d, s, c, n, nc, sc);

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

CREATE TABLE eligibility (
	payer_id text NOT NULL,
	member_id text NOT NULL,
	checked_on date NOT NULL,
	trace_number text NOT NULL DEFAULT '',
	status text NOT NULL CHECK (status IN ('active', 'inactive', 'rejected', 'unknown')),
	plan text,
	coverage_from date,
	coverage_to date,
	PRIMARY KEY (payer_id, member_id, checked_on, trace_number),
	CHECK (coverage_to IS NULL OR coverage_from IS NULL OR coverage_to >= coverage_from)
);
COMMENT ON TABLE eligibility IS 'eligibility answers on file, as the eligibility rules read them: a payer''s answer (a 271, or a check by hand) for a member on a day: active, inactive, rejected (member not found, ...) or unknown, the plan and the dates the coverage runs; load_271() fills it with the ledger''s coverage';

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

CREATE TABLE modifier_settings (
	payer_id text REFERENCES payers ON UPDATE CASCADE ON DELETE CASCADE,
	modifier text NOT NULL CHECK (check_modifiers('modifier_settings.modifier', ARRAY[modifier])),
	scrutinized boolean,
	use_instead text[] CHECK (check_modifiers('modifier_settings.use_instead', use_instead)),
	note text
);
CREATE UNIQUE INDEX modifier_settings_payer_modifier ON modifier_settings (modifier, coalesce(payer_id, ''));
COMMENT ON TABLE modifier_settings IS 'how a payer (payer_id NULL: every payer) treats a modifier, over modifier_reference: whether it reviews it by hand, which modifiers it wants in its place; a payer''s row wins over the every-payer row, NULL columns keep the default';
COMMENT ON COLUMN modifier_settings.scrutinized IS 'the payer reviews lines with the modifier by hand (AUDIT_RISKY_MODIFIER); NULL: as modifier_reference says';
COMMENT ON COLUMN modifier_settings.use_instead IS 'the payer wants one of these in place of the modifier (MOD_PAYER_PREFERS_OTHER): {XE,XS,XP,XU} in place of 59; {} on a payer''s row: none, whatever the every-payer row says; NULL: as the every-payer row says';

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
							 'auth_requirements', 'authorizations', 'eligibility', 'rule_settings', 'audit_thresholds', 'denial_model',
							 'modifier_reference', 'modifier_settings']
	LOOP
		EXECUTE format('CREATE TRIGGER refdata_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
						FOR EACH STATEMENT EXECUTE FUNCTION refdata_changed()', t);
		EXECUTE format('COMMENT ON TRIGGER refdata_changed ON %I IS %L', t,
					   'reloads the per-backend cache of this table in every session');
	END LOOP;
	FOREACH t IN ARRAY ARRAY['releases', 'icd10cm_codes', 'hcpcs_codes', 'modifiers', 'place_of_service',
							 'type_of_bill_codes', 'revenue_codes', 'mce_edits', 'ncci_ptp', 'mue', 'payers',
							 'auth_requirements', 'authorizations', 'eligibility', 'rule_settings', 'audit_thresholds', 'denial_model',
							 'modifier_reference', 'modifier_settings']
	LOOP
		EXECUTE format('GRANT SELECT ON %I TO PUBLIC', t);
		PERFORM pg_catalog.pg_extension_config_dump(t::regclass,
			CASE WHEN t IN ('modifiers', 'modifier_reference') THEN 'WHERE NOT shipped' ELSE '' END);
	END LOOP;
END $$;
