
-- The denial dictionary: what each claim adjustment reason code (CARC) of an
-- 835 remittance means for the revenue cycle (category, root cause,
-- prevention, the team that owns it, whether it is usually preventable and
-- the rules of the catalog that would have caught it before the claim went
-- out), and the remark codes (RARCs) that explain them.  The loader of the
-- CMS CARC list is denials_carc.sql, denial_root_cause(carc, rarc,
-- group_code) denials_root_cause.sql, the ledger's denial views
-- denials_views.sql, the learned model denials_model.sql.
--
-- Shipped rows.  cleanclaim ships mappings for the common denial CARCs
-- (shipped = true) and a few RARCs; users change them and add their own.  A
-- row trigger, shipped_row_change(), keeps the two apart:
--   * an UPDATE that changes what a shipped row says (anything but the
--     columns a loader maintains: description and release) makes the row the
--     user's (shipped = false);
--   * an INSERT of a key that has a shipped row updates that row instead and
--     inserts nothing: with the user's content when the new row is not
--     shipped, else with only the loader-maintained columns.  This is how a
--     restore brings dumped rows back: CREATE EXTENSION inserts the shipped
--     rows, then the dump's rows arrive for the same keys;
--   * only the extension's scripts mark rows shipped (they insert before the
--     trigger exists; a later update script that changes shipped rows
--     disables the trigger around its statements).
-- The tables are dumped whole (pg_extension_config_dump with no filter):
-- the merge on insert makes the shipped rows of a dump harmless, and a CARC
-- description loaded into a shipped row survives a dump and restore.

CREATE FUNCTION check_rule_ids(rule_ids text[]) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	unknown text[];
	repeated text[];
BEGIN
	IF rule_ids IS NULL THEN
		RETURN true;			-- the column is NOT NULL
	END IF;
	IF array_position(rule_ids, NULL) IS NOT NULL THEN
		RAISE EXCEPTION 'a rule id is null'
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = format('Position %s of the list is null.', array_position(rule_ids, NULL)),
				  HINT = 'List the ids of rules of cleanclaim.rule_catalog(), or leave the list empty ({}) when no rule catches the denial.';
	END IF;
	SELECT array_agg(u.r ORDER BY u.n) INTO unknown
	FROM unnest(rule_ids) WITH ORDINALITY AS u(r, n)
	WHERE NOT EXISTS (SELECT 1 FROM rule_catalog() c WHERE c.rule_id = u.r);
	IF unknown IS NOT NULL THEN
		RAISE EXCEPTION 'unknown rule id: %', array_to_string(unknown, ', ')
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = format('%s %s not in the rule catalog.', array_to_string(unknown, ', '),
								  CASE WHEN cardinality(unknown) = 1 THEN 'is' ELSE 'are' END),
				  HINT = 'Rule ids are upper case, as cleanclaim.rule_catalog() lists them: AUTH_MISSING, DX_INVALID, NCCI_PTP_NEVER, ...';
	END IF;
	SELECT array_agg(g.r ORDER BY g.r) INTO repeated
	FROM (SELECT u.r FROM unnest(rule_ids) AS u(r) GROUP BY u.r HAVING count(*) > 1) g;
	IF repeated IS NOT NULL THEN
		RAISE EXCEPTION 'rule id listed twice: %', array_to_string(repeated, ', ')
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = format('The list %s names %s more than once.', rule_ids, array_to_string(repeated, ', ')),
				  HINT = 'List each rule once.';
	END IF;
	RETURN true;
END
$$;
COMMENT ON FUNCTION check_rule_ids(text[]) IS 'true when every id is a rule of cleanclaim.rule_catalog(), listed once; raises 22023 naming the unknown or repeated ids otherwise (the CHECK of denial_reasons.rule_ids)';


-- Claim adjustment reason codes -----------------------------------------------

CREATE TABLE denial_reasons (
	carc text PRIMARY KEY CHECK (carc ~ '^([1-9][0-9]{0,2}|[A-Z][0-9]{1,3})$'),
	description text,
	category text CHECK (category IN ('eligibility', 'authorization', 'coding', 'bundling', 'medical_necessity',
									  'duplicate', 'timely_filing', 'missing_information',
									  'coordination_of_benefits', 'contractual')),
	root_cause text,
	prevention text,
	owner text CHECK (owner IN ('coding', 'billing', 'front_office', 'provider', 'payer')),
	preventable boolean,
	rule_ids text[] NOT NULL DEFAULT '{}' CHECK (check_rule_ids(rule_ids)),
	denial boolean,
	inactive boolean GENERATED ALWAYS AS (coalesce(description ~ '\sINACTIVE\.?$', false)) STORED,
	shipped boolean NOT NULL DEFAULT false,
	release text,
	CONSTRAINT denial_reasons_shipped_complete CHECK (NOT shipped OR (category IS NOT NULL AND root_cause IS NOT NULL
		AND prevention IS NOT NULL AND owner IS NOT NULL AND preventable IS NOT NULL AND denial IS NOT NULL))
);
COMMENT ON TABLE denial_reasons IS 'the denial dictionary: every claim adjustment reason code (CARC) with its category, root cause, prevention step, owning team, whether it is usually preventable and the rules that would have caught it; a row with category NULL is a code of the CMS list not mapped yet.  The CMS list carries no start or stop dates (only an INACTIVE mark), so the rows have none';
COMMENT ON COLUMN denial_reasons.carc IS 'the CARC as the 835 CAS segment carries it, without the group code: 1 to 3 digits (16, 197) or a letter and digits (A1, B7, P12)';
COMMENT ON COLUMN denial_reasons.description IS 'the text of the code set, from load_carc(); for shipped rows a short label until the CMS list is loaded';
COMMENT ON COLUMN denial_reasons.category IS 'eligibility, authorization, coding, bundling, medical_necessity, duplicate, timely_filing, missing_information, coordination_of_benefits or contractual; NULL: not mapped yet';
COMMENT ON COLUMN denial_reasons.root_cause IS 'why claims usually get this code, in the words of a billing office';
COMMENT ON COLUMN denial_reasons.prevention IS 'the step that keeps it from happening again';
COMMENT ON COLUMN denial_reasons.owner IS 'team that owns the prevention: coding, billing, front_office, provider (the clinician), or payer (nothing the provider can prevent: pends, sequestration)';
COMMENT ON COLUMN denial_reasons.preventable IS 'whether the provider can usually avoid it before submission';
COMMENT ON COLUMN denial_reasons.rule_ids IS 'rules of cleanclaim.rule_catalog() that catch at least one common cause before submission; empty when no pre-bill rule can';
COMMENT ON COLUMN denial_reasons.denial IS 'false for adjustments that are not denials (deductible, coinsurance, copay, contractual write-offs, sequestration, pends): denial metrics leave them out';
COMMENT ON COLUMN denial_reasons.inactive IS 'true when the code set marks the code INACTIVE at the end of its text (derived from the description)';
COMMENT ON COLUMN denial_reasons.shipped IS 'true while the row is the mapping cleanclaim ships; a user''s change of the mapping makes it false (the row is then the user''s and no later version changes it)';
COMMENT ON COLUMN denial_reasons.release IS 'the release of the CARC list that last gave the description (load_carc)';

-- The shipped mappings.  description is a short label of our own until the
-- CMS list is loaded; the texts are ours.
INSERT INTO denial_reasons (carc, description, category, owner, preventable, denial, rule_ids, root_cause, prevention, shipped)
SELECT m.*, true FROM (VALUES
-- adjustments that are not denials
('1', 'Deductible', 'contractual', 'front_office', false, false, '{}'::text[],
 'The plan applied the allowed amount to the patient''s deductible: cost sharing, not a denial.',
 'Read the remaining deductible in the eligibility response and collect it, or agree a payment plan, at check-in.'),
('2', 'Coinsurance', 'contractual', 'front_office', false, false, '{}',
 'The patient''s coinsurance share of the allowed amount.',
 'Give the patient an estimate before the visit, collect at check-in, and bill the rest to the patient or a secondary plan.'),
('3', 'Copay', 'contractual', 'front_office', false, false, '{}',
 'The fixed copay the plan leaves to the patient.',
 'Collect the copay at check-in; the eligibility response gives the amount for the visit type.'),
('23', 'Paid by another payer', 'coordination_of_benefits', 'billing', false, false, '{}',
 'The payer reduced its payment by what an earlier payer paid: normal coordination of benefits.',
 'Send the primary payer''s paid amounts and adjustments on the secondary claim and post this as a COB adjustment.'),
('24', 'Capitation', 'contractual', 'billing', false, false, '{}',
 'The service is paid through a capitation or managed-care agreement, not claim by claim.',
 'Flag capitated members at registration and post these lines as capitation adjustments, not as denials.'),
('42', 'Above the fee schedule', 'contractual', 'billing', false, false, '{}',
 'The charge is above the payer''s fee schedule or maximum allowable amount.',
 'Post the difference as a contractual adjustment; keep payer fee schedules on file to spot underpayments.'),
('45', 'Above the contracted rate', 'contractual', 'billing', false, false, '{}',
 'The charge is above the contracted or legislated fee; the difference is written off, not billed to the patient.',
 'Post it as a contractual write-off and compare the allowed amount with the contract to catch underpayments.'),
('59', 'Multiple surgery reduction', 'contractual', 'coding', false, false, '{}',
 'Multiple-procedure or concurrent anesthesia rules paid the second and later procedures at a reduced rate.',
 'List the highest-valued procedure first, add modifier 51 where the payer wants it, and expect the reduction in payment models.'),
('131', 'Negotiated discount', 'contractual', 'billing', false, false, '{}',
 'A discount agreed for this claim (a repricing network or a single-case agreement).',
 'Post it as a contractual adjustment and check it against the agreement.'),
('133', 'Pending review', 'missing_information', 'payer', false, false, '{}',
 'The payer has pended the claim for more review (often medical review); there is no decision yet.',
 'Do not resubmit while it is pending; answer any records request at once and follow up on the status.'),
('253', 'Sequestration', 'contractual', 'payer', false, false, '{}',
 'The federal sequestration cut of Medicare payments, applied by the payer.',
 'Nothing to fix: post it as a contractual adjustment and include it in expected Medicare payments.'),
('A2', 'Contractual adjustment', 'contractual', 'billing', false, false, '{}',
 'A contractual write-off under the provider''s agreement with the payer.',
 'Post it as a contractual adjustment; check the contract terms when the amount looks wrong.'),

-- eligibility and coverage
('8', 'Procedure vs provider type', 'eligibility', 'billing', true, true, '{}',
 'The provider type or specialty on the claim may not bill this procedure, often because the wrong rendering provider or an old taxonomy code went out.',
 'Bill under the clinician who performed the service, keep taxonomy codes in step with enrollment, and check payer limits on who may bill the service.'),
('13', 'Death before the service date', 'eligibility', 'front_office', true, true, '{}',
 'The payer''s records show the patient died before the date of service: a wrong date, the wrong patient, or a wrong death record.',
 'Check the date of service and the patient''s identity; when the payer''s record is wrong, have it corrected before resubmitting.'),
('26', 'Before coverage began', 'eligibility', 'front_office', true, true, '{}',
 'The service date is before the plan''s effective date: the wrong plan was billed or new coverage had not started.',
 'Verify eligibility for the date of service before the visit and bill the plan in effect that day.'),
('27', 'After coverage ended', 'eligibility', 'front_office', true, true, '{}',
 'Coverage had ended on the date of service: the patient changed or lost coverage and registration was not updated.',
 'Run an eligibility check before every visit (and again before billing older services); get the new coverage or set up self-pay.'),
('28', 'Coverage not in effect', 'eligibility', 'front_office', true, true, '{}',
 'No coverage was in effect on the date of service.',
 'Check eligibility for the exact date of service and collect the new insurance when coverage has changed.'),
('31', 'Patient not identified', 'eligibility', 'front_office', true, true, '{MEMBER_ID_MISSING}',
 'The payer cannot match the member ID, name and birth date to a member: a typo, an old card, or a newborn under a placeholder name.',
 'Scan the insurance card at every visit and confirm member ID, name and birth date with a real-time eligibility check.'),
('32', 'Dependent not eligible', 'eligibility', 'front_office', true, true, '{}',
 'The payer does not list the patient as an eligible dependent (aged out, never enrolled, custody change).',
 'Verify the dependent''s coverage at registration and ask the family for the plan that does cover the patient.'),
('33', 'No dependent coverage', 'eligibility', 'front_office', true, true, '{}',
 'The subscriber''s plan covers the subscriber only.',
 'Check the coverage level in the eligibility response and find the dependent''s own plan before the visit.'),
('34', 'No newborn coverage', 'eligibility', 'front_office', true, true, '{}',
 'The newborn was not added to a plan in time, or the plan does not cover newborns.',
 'Remind parents to enroll the baby within the plan''s window and bill once the baby has a member ID.'),
('35', 'Benefit maximum reached', 'eligibility', 'front_office', true, true, '{}',
 'The plan''s benefit maximum for the service (visits or dollars) is used up.',
 'Check remaining benefits for visit-limited services (therapy, chiropractic, behavioral health) and get the patient''s agreement to pay before going over.'),
('38', 'Not by a network provider', 'eligibility', 'front_office', true, true, '{}',
 'The plan pays only for its designated (network) providers, and this provider is not one of them.',
 'Check network status when scheduling and refer in network, or get the plan''s out-of-network approval first.'),
('49', 'Routine exam or screening', 'eligibility', 'front_office', true, true, '{}',
 'The plan does not cover this routine or screening service, or a screening was billed where the plan expects a diagnostic claim (or the reverse).',
 'Check preventive benefits before the visit, code screening versus diagnostic intent as documented, and get a signed waiver (ABN) when it is not covered.'),
('51', 'Pre-existing condition', 'eligibility', 'front_office', false, true, '{}',
 'The plan excludes a condition that existed before enrollment (short-term and other non-ACA plans).',
 'Spot plans with exclusions at registration and have the patient agree in writing to pay for excluded care.'),
('96', 'Non-covered charge', 'eligibility', 'front_office', true, true, '{}',
 'The plan does not cover this service (a benefit exclusion); the remark code says which rule applied.',
 'Verify coverage for planned services, get an ABN or financial waiver when coverage is doubtful, and bill the patient only when one was signed.'),
('109', 'Wrong payer', 'eligibility', 'front_office', true, true, '{}',
 'This payer is not responsible: a Medicare Advantage member billed to Medicare, a carved-out benefit (behavioral health, lab, vision), or a plan the patient left.',
 'Find the responsible payer in the eligibility response, carve-outs and managed-care plans included, and route the claim there.'),
('119', 'Benefit maximum for the period', 'eligibility', 'front_office', true, true, '{}',
 'The benefit limit for this period (calendar or plan year) has been reached.',
 'Track visits used per plan year and discuss self-pay or a medical-necessity exception before the limit is reached.'),
('140', 'Name and member ID mismatch', 'eligibility', 'front_office', true, true, '{}',
 'The patient name on the claim does not match the member ID in the payer''s records (name change, nickname, typo, another family member''s ID).',
 'Enter the name exactly as on the insurance card and refresh demographics from the eligibility response after a name change.'),
('149', 'Lifetime benefit maximum', 'eligibility', 'front_office', true, true, '{}',
 'The patient has used the lifetime maximum for this benefit.',
 'Check lifetime limits before long or costly treatment and look for other coverage or financial assistance.'),
('166', 'After the payer''s responsibility ended', 'eligibility', 'billing', true, true, '{}',
 'The claim went to a payer that had stopped handling claims for this plan (the plan moved to another administrator).',
 'Keep payer and plan changes current in the billing system and route claims to the new administrator.'),
('170', 'Provider type not paid for the service', 'eligibility', 'billing', true, true, '{}',
 'The payer does not pay this service when this type of provider performs or bills it.',
 'Check which provider types the payer pays for the service and bill under an eligible provider (supervision or incident-to rules where they apply).'),
('171', 'Provider type not paid in this facility', 'eligibility', 'billing', true, true, '{}',
 'The payer does not pay this type of provider for this service in this type of facility.',
 'Check payer rules by provider and facility type before scheduling, and bill through the facility when the professional cannot.'),
('177', 'Eligibility requirements not met', 'eligibility', 'front_office', true, true, '{}',
 'The patient had not met the plan''s or program''s eligibility requirements on the date of service.',
 'Verify eligibility before the visit and, for programs with conditions (spend-down, waiting periods), confirm they are met.'),
('183', 'Referring provider not eligible', 'eligibility', 'front_office', true, true, '{NPI_RENDERING_INVALID}',
 'The referring provider is not enrolled with the payer (for Medicare, not in PECOS) or may not refer this service; a mistyped referring NPI has the same effect.',
 'Check the referring provider''s NPI and enrollment when the order or referral arrives, before the service.'),
('185', 'Rendering provider not eligible', 'eligibility', 'billing', true, true, '{}',
 'The rendering provider was not enrolled or credentialed with the payer, or not linked to the billing group, on the date of service.',
 'Finish credentialing and group linkage before the provider sees the payer''s patients, and hold claims until enrollment is effective.'),
('200', 'Lapse in coverage', 'eligibility', 'front_office', true, true, '{}',
 'The service fell in a gap in coverage (premium unpaid, re-enrollment pending).',
 'Check eligibility for the date of service, watch for grace-period flags, and hold elective services until coverage is confirmed.'),
('204', 'Not covered by the current plan', 'eligibility', 'front_office', true, true, '{}',
 'The patient''s current benefit plan does not include this service, equipment or drug.',
 'Verify benefits for the specific service before scheduling and get a signed financial waiver when the plan excludes it.'),
('208', 'NPI not matched', 'eligibility', 'billing', true, true, '{NPI_BILLING_INVALID,NPI_RENDERING_INVALID}',
 'The payer cannot match the NPI to an enrolled provider or to the name and tax ID on the claim: an individual NPI in the group field (or the reverse), a mistyped NPI, or enrollment not on file.',
 'Take NPIs from NPPES, keep billing and rendering NPIs in their own fields, and confirm each NPI is enrolled with the payer.'),
('239', 'Spans covered and uncovered dates', 'eligibility', 'billing', true, true, '{}',
 'The claim''s dates cross a change in coverage; the payer wants separate claims.',
 'Split the claim at the coverage change the eligibility check shows and bill each period to its payer.'),
('242', 'Not by a network or primary care provider', 'eligibility', 'front_office', true, true, '{}',
 'The plan (HMO, narrow network) requires care from network or primary care providers and the claim came from outside it.',
 'Confirm the provider is in the member''s network at scheduling; get the PCP referral or an out-of-network authorization.'),
('299', 'Billing provider not eligible', 'eligibility', 'billing', true, true, '{}',
 'The billing provider is not eligible to be paid for this service (enrollment, certification or contract missing).',
 'Confirm the billing entity''s enrollment and contract cover the service and location before billing.'),
('B7', 'Provider not certified on the date', 'eligibility', 'billing', true, true, '{}',
 'The provider''s enrollment or certification did not cover the date of service (lapsed, pending, or revalidation missed).',
 'Track enrollment, revalidation and certification dates per payer and hold claims for dates the provider was not enrolled.'),
('B9', 'Patient in hospice', 'eligibility', 'front_office', true, true, '{}',
 'The patient is enrolled in hospice, which covers care related to the terminal illness.',
 'Check hospice enrollment in the eligibility response; bill the hospice, or add modifier GW when the service is unrelated to the terminal condition.'),

-- authorization and referral
('15', 'Authorization number missing or wrong', 'authorization', 'front_office', true, true, '{AUTH_MISSING,AUTH_MISMATCH}',
 'The authorization number on the claim is missing, mistyped, or belongs to other services or another provider.',
 'Copy the authorization number from the payer''s approval and check that its codes, dates and provider match the claim.'),
('39', 'Authorization denied', 'authorization', 'provider', true, true, '{}',
 'The payer refused the authorization request and the service was performed anyway.',
 'Do not schedule until the authorization is approved; when it is refused, ask for a peer-to-peer review or get the patient''s signed agreement to pay.'),
('62', 'Authorization absent or exceeded', 'authorization', 'front_office', true, true, '{AUTH_MISSING,AUTH_MISMATCH}',
 'No precertification was obtained, or the services went beyond what was approved.',
 'Obtain authorizations before the service and track the approved units and dates.'),
('95', 'Plan procedures not followed', 'authorization', 'front_office', true, true, '{}',
 'A plan rule was not followed (referral, second opinion, a designated lab or pharmacy).',
 'Keep a checklist of each plan''s procedural requirements and check it at scheduling.'),
('165', 'Referral absent or exceeded', 'authorization', 'front_office', true, true, '{}',
 'The plan needs a referral from the primary care provider and none was on file, or the visits went past it.',
 'Get the PCP referral before the visit and track the visits it allows.'),
('197', 'Authorization absent', 'authorization', 'front_office', true, true, '{AUTH_MISSING,AUTH_MISMATCH}',
 'The service needed precertification, authorization or notification and none was on file with the payer.',
 'Check the payer''s authorization list when scheduling, obtain the authorization before the service, and put its number on the claim.'),
('198', 'Authorization exceeded', 'authorization', 'front_office', true, true, '{AUTH_MISMATCH}',
 'More units, visits or days were billed than authorized, or the authorization had run out.',
 'Track authorized units and end dates per patient and ask for an extension before they run out.'),
('210', 'Authorization obtained late', 'authorization', 'front_office', true, true, '{}',
 'The authorization or admission notice reached the payer after its deadline.',
 'Notify the payer of admissions and urgent services within its window (often one business day) and track open notifications.'),
('243', 'Not authorized by the network provider', 'authorization', 'front_office', true, true, '{}',
 'The plan requires the network or primary care provider to authorize the service and they did not.',
 'Obtain the PCP or network authorization before the visit and keep it with the encounter.'),
('284', 'Authorization for other services', 'authorization', 'front_office', true, true, '{AUTH_MISMATCH}',
 'The authorization number is real but covers other services (other procedure codes or units).',
 'Match the billed codes to the approved ones; when the procedure changed, update the authorization before billing.'),
('287', 'Referral exceeded', 'authorization', 'front_office', true, true, '{}',
 'More visits or services were billed than the referral allows.',
 'Track visits used against each referral and ask for a new one before the last visit.'),
('288', 'Referral absent', 'authorization', 'front_office', true, true, '{}',
 'The plan requires a referral and none was on file.',
 'Check referral requirements at scheduling and obtain the referral before the visit.'),
('296', 'Authorization for another provider', 'authorization', 'front_office', true, true, '{}',
 'The authorization is valid but was issued to another provider or facility.',
 'Have the authorization issued to the provider and location that perform the service, and update it when the service moves.'),
('302', 'Authorization expired', 'authorization', 'front_office', true, true, '{AUTH_MISMATCH}',
 'The service happened after the authorization''s time limit.',
 'Schedule inside the authorized dates, or ask the payer to extend the authorization before it ends.'),

-- coding
('4', 'Modifier missing or wrong', 'coding', 'coding', true, true, '{MOD_INVALID,MOD_CONFLICT,MOD_LATERALITY_DX,EM_SAME_DAY_NO_25}',
 'The procedure needs a modifier that is missing, or carries one that does not fit it (26/TC, LT/RT, 25, 59 and the like).',
 'Check modifiers against the code''s rules before release and hold lines with unknown, conflicting or missing modifiers.'),
('5', 'Place of service does not fit', 'coding', 'billing', true, true, '{POS_INVALID}',
 'The place of service or type of bill does not fit the procedure: a default POS, a facility-only service billed as office, a telehealth visit without the telehealth POS.',
 'Take the place of service from where the service happened (the scheduling location) and review telehealth and hospital-based visits.'),
('6', 'Procedure vs age', 'coding', 'coding', true, true, '{PATIENT_BIRTH_DATE_INVALID}',
 'The procedure does not fit the patient''s age: a wrong birth date at registration, or an age-banded code (preventive visit, vaccine) for the wrong band.',
 'Verify the birth date against the insurance card and choose age-banded codes from the age on the date of service.'),
('7', 'Procedure vs sex', 'coding', 'front_office', true, true, '{PATIENT_SEX_INVALID}',
 'The procedure does not fit the sex on file: a registration error, or a sex-specific service for a patient whose recorded sex differs.',
 'Verify sex at registration; for sex-specific services where the recorded sex differs, add the payer''s required modifier (KX for Medicare) or condition code.'),
('9', 'Diagnosis vs age', 'coding', 'coding', true, true, '{DX_AGE_CONFLICT,PATIENT_BIRTH_DATE_INVALID}',
 'A diagnosis meant for another age group (newborn, pediatric, maternity, adult), or a wrong birth date.',
 'Verify the birth date and pick the code for the patient''s age group; hold claims the age edits flag.'),
('10', 'Diagnosis vs sex', 'coding', 'coding', true, true, '{DX_SEX_CONFLICT,PATIENT_SEX_INVALID}',
 'A sex-specific diagnosis that does not match the patient''s recorded sex, or a registration error.',
 'Verify sex at registration and check sex-specific codes before release.'),
('11', 'Diagnosis vs procedure', 'coding', 'coding', true, true, '{DX_POINTER_INVALID,MOD_LATERALITY_DX}',
 'The diagnosis the line points to does not support the procedure: a wrong pointer, a side that disagrees with the modifier, or a diagnosis the payer''s policy does not accept for it.',
 'Point each line to the diagnosis that justifies it and check the payer''s covered diagnoses (LCD/NCD) for high-volume procedures.'),
('12', 'Diagnosis vs provider type', 'coding', 'coding', true, true, '{}',
 'The diagnosis is outside what this provider type may treat or bill under the payer''s rules (for example chiropractic limited to subluxation).',
 'Know each payer''s specialty limits and code the condition the provider actually treated.'),
('54', 'Assistant not covered', 'coding', 'coding', true, true, '{}',
 'An assistant or co-surgeon was billed for a procedure the payer does not pay assistants for.',
 'Check the fee schedule''s assistant-at-surgery indicator before billing modifiers 80, 81, 82 or AS.'),
('58', 'Wrong place of service for the treatment', 'coding', 'billing', true, true, '{POS_INVALID}',
 'The payer deems the place of service wrong or invalid for this treatment (an inpatient-only procedure done as outpatient, a POS that does not exist).',
 'Check the settings the procedure is allowed in before scheduling and report the place where it was actually done.'),
('107', 'Qualifying service missing', 'coding', 'coding', true, true, '{}',
 'The service depends on another one (an add-on code without its primary code, a supply without its procedure) that is missing or was denied.',
 'Bill add-on codes on the same claim as their primary code, and resolve the qualifying service''s denial first.'),
('115', 'Procedure cancelled or postponed', 'coding', 'coding', true, true, '{}',
 'A procedure that was cancelled or postponed was charged as performed.',
 'Reconcile charges with the procedure log, and use the discontinued-procedure modifiers (52, 53, 73, 74) for services stopped part way.'),
('146', 'Diagnosis invalid on the date', 'coding', 'coding', true, true, '{DX_INVALID,DX_NOT_BILLABLE}',
 'A diagnosis code not valid on the date of service: deleted or not yet in effect at the October update, or cut short (a header, not billable).',
 'Load each fiscal year''s ICD-10-CM update before October 1 and let the scrubber check codes on the date of service.'),
('181', 'Procedure code invalid on the date', 'coding', 'coding', true, true, '{PROC_INVALID}',
 'A procedure code deleted or not yet in effect on the date of service (annual CPT and quarterly HCPCS changes).',
 'Load the CPT/HCPCS updates every quarter, update the charge master, and let the scrubber check codes on the date of service.'),
('182', 'Modifier invalid on the date', 'coding', 'coding', true, true, '{MOD_INVALID}',
 'A modifier that was not valid on the date of service.',
 'Keep the modifier list current and check modifiers on the date of service before release.'),
('189', 'Unlisted code where a specific one exists', 'coding', 'coding', true, true, '{}',
 'An unlisted or not-otherwise-classified code was billed though a specific code describes the service.',
 'Search for a specific code before using an unlisted one; when unlisted is right, send a description and the documentation.'),
('199', 'Revenue code and procedure mismatch', 'coding', 'billing', true, true, '{}',
 'The revenue code on the institutional line does not fit the HCPCS/CPT code, usually a charge master line set up wrong.',
 'Review revenue code and HCPCS pairs in the charge master against NUBC and payer rules, and fix the charge master line, not only the claim.'),
('282', 'Code vs type of bill', 'coding', 'billing', true, true, '{}',
 'The procedure or revenue code is not allowed on this type of bill (an inpatient-only code on an outpatient claim, for example).',
 'Check codes against the type of bill before release and route services to the right claim type.'),
('B15', 'Qualifying service not received', 'coding', 'coding', true, true, '{}',
 'This service is paid only with a qualifying service that the payer has not received or not paid.',
 'Send the qualifying service first or on the same claim, and follow its status before billing the dependent service.'),
('B16', 'New patient rules not met', 'coding', 'coding', true, true, '{}',
 'A new-patient visit was billed for a patient seen by the same specialty in the same group within the past three years.',
 'Check the group''s visit history by specialty before choosing a new or established patient code.'),
('B18', 'Code and modifier invalid on the date', 'coding', 'coding', true, true, '{PROC_INVALID,MOD_INVALID}',
 'The procedure code and modifier were not valid on the date of service.',
 'Keep the code and modifier lists current and check both on the date of service before release.'),

-- bundling
('60', 'Outpatient services in the inpatient window', 'bundling', 'billing', true, true, '{}',
 'Outpatient services just before an inpatient admission at the same hospital belong on the inpatient claim (the three-day payment window).',
 'Look for admissions inside the payment window before billing outpatient services and move those charges to the inpatient claim.'),
('97', 'Included in another service', 'bundling', 'coding', true, true, '{NCCI_PTP_NEVER,NCCI_PTP_MODIFIER,EM_SAME_DAY_NO_25}',
 'The service is part of another service paid on this or an earlier claim: an NCCI pair, a global surgery period, or a visit bundled into a procedure.',
 'Run NCCI and global-period edits before release; add 25, 59 or XE/XS/XP/XU only when the note shows a distinct service.'),
('128', 'Newborn in the mother''s payment', 'bundling', 'billing', true, true, '{}',
 'The newborn''s routine services are included in the mother''s payment under this plan.',
 'Bill routine newborn care with the mother''s claim when the plan wants it, and the baby separately only for care beyond routine.'),
('231', 'Mutually exclusive procedures', 'bundling', 'coding', true, true, '{NCCI_PTP_NEVER,NCCI_PTP_MODIFIER}',
 'Two procedures that cannot reasonably be done in one session were billed together (an NCCI mutually exclusive pair).',
 'Bill the procedure that was performed and documented; add an NCCI-associated modifier only for a separate encounter or site.'),
('234', 'Not paid separately', 'bundling', 'coding', true, true, '{NCCI_PTP_NEVER,NCCI_PTP_MODIFIER}',
 'The procedure is always included in another service (packaged or bundled status); the remark code names the rule.',
 'Know the payer''s packaged codes and NCCI pairs and do not bill them for separate payment.'),
('236', 'Not compatible under NCCI', 'bundling', 'coding', true, true, '{NCCI_PTP_NEVER,NCCI_PTP_MODIFIER}',
 'The code, or code and modifier, conflicts with another service of the same day under NCCI (or a workers'' compensation fee schedule rule).',
 'Run NCCI PTP edits before release; add 59 or XE/XS/XP/XU only when the record shows a distinct service, and never on modifier indicator 0 pairs.'),

-- duplicates
('18', 'Duplicate claim or service', 'duplicate', 'billing', true, true, '{LINE_DUPLICATE}',
 'The payer already has this claim or service: a resubmission sent as new instead of corrected, two lines for one service, or a repeat service without a repeat modifier.',
 'Check claim status before resending; send corrections with frequency code 7 and the original claim number; add 76, 77 or 91 to services truly repeated.'),
('B13', 'Previously paid', 'duplicate', 'billing', true, true, '{}',
 'The service was already paid on an earlier claim, often a resubmission of a paid claim.',
 'Check payment history before resubmitting, and correct paid claims with a replacement claim rather than a new one.'),
('B20', 'Furnished by another provider', 'duplicate', 'billing', true, true, '{}',
 'Another provider already billed all or part of this service (the interpretation of the same test, for example).',
 'Agree with the other provider who bills which component (26 or TC) and bill only the part you performed.'),

-- timely filing
('29', 'Filing limit expired', 'timely_filing', 'billing', true, true, '{TIMELY_FILING_EXPIRED}',
 'The claim reached the payer after its filing limit: late charge entry, rejections or holds not worked, or the wrong payer billed first.',
 'Work rejections and holds daily, track each payer''s filing limit, and keep proof of timely filing (clearinghouse acceptance reports).'),
('138', 'Appeal rules or limits not met', 'timely_filing', 'billing', true, true, '{}',
 'The appeal was late or skipped a required step (a reconsideration before the appeal, a missing form).',
 'Track appeal deadlines per payer from the remittance date and follow each payer''s appeal levels and forms.'),
('286', 'Appeal time limit not met', 'timely_filing', 'billing', true, true, '{}',
 'The appeal reached the payer after its time limit.',
 'Log every denial with its appeal deadline and work them nearest deadline first.'),

-- missing or wrong information
('14', 'Birth date after the service', 'missing_information', 'front_office', true, true, '{PATIENT_BIRTH_DATE_INVALID}',
 'The birth date on the claim is after the date of service: a typo, or a newborn''s service billed with the wrong date.',
 'Check birth dates at registration; the scrubber holds claims whose birth date follows the service.'),
('16', 'Claim lacks information', 'missing_information', 'billing', true, true,
 '{FIELD_INVALID,MEMBER_ID_MISSING,PATIENT_BIRTH_DATE_INVALID,PATIENT_SEX_INVALID,SERVICE_DATES_INVALID,NPI_BILLING_INVALID,NPI_RENDERING_INVALID,DX_MISSING,DX_POINTER_INVALID,UNITS_INVALID,NDC_REQUIRED,NDC_INVALID,FREQUENCY_REF_MISSING,CHARGE_TOTAL_MISMATCH}',
 'Something the payer needs is missing or wrong on the claim; the remark code (M or N code) that must come with it says what.',
 'Scrub every claim for required fields before release, fix the field the remark code names, and send a corrected claim rather than an appeal.'),
('17', 'Requested information not sent', 'missing_information', 'billing', true, true, '{}',
 'The payer asked for information that was not sent, or was incomplete.',
 'Log every payer request with its due date and answer it completely before the deadline.'),
('110', 'Billed before the service date', 'missing_information', 'billing', true, true, '{SERVICE_DATES_INVALID}',
 'The claim was sent before the date of service: billed in advance, or a date of service typed in the future.',
 'Bill only services that happened and check dates of service for typos; the scrubber holds dates in the future.'),
('112', 'Not furnished directly or not documented', 'missing_information', 'provider', true, true, '{}',
 'The record does not show that the billing provider furnished the service to the patient.',
 'Make sure the note names who performed the service and is signed before the claim goes out.'),
('125', 'Submission or billing error', 'missing_information', 'billing', true, true,
 '{FIELD_INVALID,CHARGE_TOTAL_MISMATCH,CHARGE_NOT_POSITIVE,LINES_TOO_MANY,DX_TOO_MANY}',
 'The claim has a submission or billing error the payer could not process; the remark code names it.',
 'Fix the error the remark code names and send a corrected claim; add a front-end edit for errors that repeat.'),
('163', 'Attachment not received', 'missing_information', 'billing', true, true, '{}',
 'The claim said documentation would follow, but the payer never received it.',
 'Send attachments with the claim (PWK and the payer''s upload or fax process) and confirm receipt.'),
('164', 'Attachment received late', 'missing_information', 'billing', true, true, '{}',
 'The documentation the claim referred to arrived after the payer''s deadline.',
 'Send attachments the day the claim goes out and track the payer''s deadline for each one.'),
('206', 'NPI missing', 'missing_information', 'billing', true, true, '{NPI_BILLING_INVALID}',
 'An NPI the payer needs (billing, rendering, referring or ordering provider) is missing.',
 'Require the billing and rendering NPI on every claim, and the referring or ordering NPI on services that need one.'),
('207', 'NPI invalid', 'missing_information', 'billing', true, true, '{NPI_BILLING_INVALID,NPI_RENDERING_INVALID}',
 'An NPI that is not 10 digits with a valid check digit, usually a typo.',
 'Check NPIs with their check digit at entry and copy them from NPPES.'),
('226', 'Provider did not send requested information', 'missing_information', 'billing', true, true, '{}',
 'The payer asked the provider for records or information and got none, too little, or too late.',
 'Log every records request with its due date and send complete records before the deadline.'),
('227', 'Patient did not send requested information', 'missing_information', 'front_office', true, true, '{}',
 'The payer asked the patient for information (accident details, other insurance) that was not sent.',
 'Tell the patient what the plan needs, help them answer, and follow up before the deadline.'),
('250', 'Wrong attachment', 'missing_information', 'billing', true, true, '{}',
 'The attachment the payer received is not the one it needs; the expected document is still missing.',
 'Match attachments to the payer''s request (document type and date of service) before sending.'),
('251', 'Attachment incomplete', 'missing_information', 'billing', true, true, '{}',
 'The attachment was incomplete or deficient.',
 'Send complete, signed documents that cover the dates billed, and check them against the request.'),
('252', 'Attachment required', 'missing_information', 'billing', true, true, '{}',
 'The payer needs documentation (operative note, invoice, certificate of medical necessity) to decide the claim.',
 'Know which codes each payer wants documentation for and attach it to the first submission.'),
('B12', 'Not documented in the record', 'missing_information', 'provider', true, true, '{}',
 'The medical record does not document the billed service.',
 'Bill only documented services: sign notes before coding and audit charge capture against the notes.'),

-- medical necessity
('40', 'Not an emergency', 'medical_necessity', 'coding', false, true, '{}',
 'The visit did not meet the payer''s emergency or urgent care criteria, judged from the diagnosis billed.',
 'Code the presenting symptoms that made the visit urgent, document them, and appeal under the prudent layperson standard.'),
('50', 'Not medically necessary', 'medical_necessity', 'provider', true, true, '{}',
 'The payer judged the service not medically necessary: a diagnosis outside its policy, a frequency above policy, or a note that does not support it.',
 'Check the LCD/NCD or payer policy before scheduling, code the diagnosis that supports the service, and get an ABN when coverage is doubtful.'),
('55', 'Experimental or investigational', 'medical_necessity', 'provider', true, true, '{}',
 'The payer considers the procedure experimental or investigational.',
 'Check the payer''s medical policy before scheduling; get a preauthorization or the patient''s signed agreement to pay.'),
('56', 'Not proven effective', 'medical_necessity', 'provider', true, true, '{}',
 'The payer has not accepted the treatment as proven effective.',
 'Check the payer''s medical policy before scheduling; get a preauthorization or the patient''s signed agreement to pay.'),
('57', 'Level, number, length or dosage not supported', 'medical_necessity', 'coding', true, true, '{MUE_LINE,MUE_DAY}',
 'The information sent does not support the level of service, the number of services, the length of service or the dosage billed.',
 'Code the level and units the documentation supports and check units against the MUE before release.'),
('114', 'Not FDA approved', 'medical_necessity', 'provider', true, true, '{}',
 'The product or procedure is not FDA approved for this use.',
 'Check FDA status and payer policy for new devices and off-label use before use, and get a signed waiver when it is not covered.'),
('116', 'Advance notice not valid', 'medical_necessity', 'front_office', true, true, '{}',
 'The advance notice (ABN) the patient signed did not meet the requirements: old form, no cost estimate, signed after the service.',
 'Use the current ABN form, fill in the service, the reason and the estimated cost, and have the patient sign before the service.'),
('150', 'Level of service not supported', 'medical_necessity', 'provider', true, true, '{}',
 'The documentation does not support the level billed, typically an E/M level.',
 'Audit E/M levels against documentation (medical decision making or time) and train providers on the levels they use most.'),
('151', 'Number or frequency not supported', 'medical_necessity', 'coding', true, true, '{MUE_LINE,MUE_DAY}',
 'More services or units than the payer''s policy allows in a period, or units above the MUE.',
 'Check units against MUEs and payer frequency limits before release, and document the reason for extra units.'),
('152', 'Length of service not supported', 'medical_necessity', 'provider', true, true, '{}',
 'The documentation does not support the length of stay or of the service billed.',
 'Review stays against the payer''s criteria during the stay and document the reason for each extra day.'),
('153', 'Dosage not supported', 'medical_necessity', 'coding', true, true, '{MUE_LINE,MUE_DAY}',
 'The drug units billed do not match the documented dose, often a conversion error between milligrams and HCPCS units.',
 'Convert the administered dose to the HCPCS unit size and bill the units, with the NDC, that match the record.'),
('167', 'Diagnosis not covered', 'medical_necessity', 'coding', true, true, '{DX_UNSPECIFIED}',
 'The plan or the payer''s policy does not cover the diagnosis for this service; unspecified codes are a frequent cause.',
 'Code to the highest specificity the note supports and check the payer''s covered diagnoses for the service.'),
('216', 'Review organization finding', 'medical_necessity', 'provider', false, true, '{}',
 'A review organization or the payer''s own review found the service not payable as billed.',
 'Read the findings, fix the documentation habits they point to, and appeal with records when the finding is wrong.'),
('272', 'Coverage guidelines not met', 'medical_necessity', 'provider', true, true, '{}',
 'The service did not meet the criteria of the payer''s coverage guidelines.',
 'Check the payer''s policy criteria before ordering and document each criterion the patient meets.'),

-- coordination of benefits
('19', 'Workers'' compensation liable', 'coordination_of_benefits', 'front_office', true, true, '{}',
 'The payer says the injury is work related, so the workers'' compensation carrier must pay.',
 'Ask at registration whether the visit is for a work injury and bill the workers'' compensation carrier first, with its claim number.'),
('20', 'Liability carrier liable', 'coordination_of_benefits', 'front_office', true, true, '{}',
 'The payer says a liability insurer (auto, property) is responsible for the injury.',
 'Record accident details and the liability carrier at registration and bill that carrier first.'),
('21', 'No-fault carrier liable', 'coordination_of_benefits', 'front_office', true, true, '{}',
 'The payer says the no-fault (personal injury protection) carrier is responsible.',
 'Record auto accident details at registration and bill the no-fault carrier first.'),
('22', 'Another payer may be primary', 'coordination_of_benefits', 'front_office', true, true, '{}',
 'The payer thinks another plan is primary, often because the patient''s other-insurance record with the plan is out of date.',
 'Ask about other coverage at every visit, bill the primary first, and have the patient update coordination of benefits with the plan.'),
('129', 'Prior processing information wrong', 'coordination_of_benefits', 'billing', true, true, '{FREQUENCY_REF_MISSING}',
 'The prior payer''s payment details or the original claim reference on this claim disagree with the payer''s records.',
 'Copy prior payer amounts from the primary''s remittance exactly and check the original claim number on replacement claims.'),
('136', 'Prior payer''s rules not followed', 'coordination_of_benefits', 'front_office', true, true, '{}',
 'The primary plan''s rules (authorization, network, referral) were not followed, so the secondary payer will not pay either.',
 'Meet the primary plan''s authorization and network rules even when a secondary plan is expected to pay most of the bill.')
) AS m(carc, description, category, owner, preventable, denial, rule_ids, root_cause, prevention);


-- Remittance advice remark codes -----------------------------------------------

CREATE TABLE remark_codes (
	rarc text PRIMARY KEY CHECK (rarc ~ '^(M|MA|N)[0-9]{1,4}$'),
	kind text NOT NULL CHECK (kind IN ('supplemental', 'alert')),
	description text NOT NULL,
	shipped boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE remark_codes IS 'remittance advice remark codes (RARCs) that explain a CARC; cleanclaim ships a few common ones in its own words, add the others you receive';
COMMENT ON COLUMN remark_codes.rarc IS 'M, MA or N followed by digits: M51, MA130, N290';
COMMENT ON COLUMN remark_codes.kind IS 'supplemental (says what to fix) or alert (informational only; its official text starts with "Alert:"; do not work it as a denial)';
COMMENT ON COLUMN remark_codes.description IS 'what the remark means, in our words (the official texts are X12''s)';
COMMENT ON COLUMN remark_codes.shipped IS 'true while the row is the one cleanclaim ships; a user''s change makes it false';

INSERT INTO remark_codes (rarc, kind, description, shipped)
SELECT r.*, true FROM (VALUES
('MA130', 'supplemental', 'The claim cannot be processed because information is missing or invalid; there is nothing to appeal: fix the claim and send it as a new claim.'),
('N382', 'supplemental', 'The patient identifier (member ID) is missing, incomplete or invalid.'),
('M51', 'supplemental', 'A procedure code is missing, incomplete or invalid.'),
('M20', 'supplemental', 'The HCPCS code is missing, incomplete or invalid.'),
('M76', 'supplemental', 'A diagnosis is missing, incomplete or invalid.'),
('MA63', 'supplemental', 'The principal diagnosis is missing, incomplete or invalid.'),
('MA66', 'supplemental', 'The principal procedure code is missing, incomplete or invalid.'),
('M77', 'supplemental', 'The place of service is missing, incomplete, invalid or not appropriate.'),
('M119', 'supplemental', 'The National Drug Code is missing, incomplete, invalid, deactivated or withdrawn.'),
('N56', 'supplemental', 'The procedure code is not correct or not valid for the services billed or for the date of service.'),
('N657', 'supplemental', 'The services should be billed with the code that describes them.'),
('N519', 'supplemental', 'The combination of HCPCS modifiers on the line is not valid.'),
('N350', 'supplemental', 'The description of the service is missing or invalid for a not-otherwise-classified or unlisted code.'),
('N257', 'supplemental', 'The billing provider''s primary identifier (NPI) is missing, incomplete or invalid.'),
('N290', 'supplemental', 'The rendering provider''s primary identifier (NPI) is missing, incomplete or invalid.'),
('N286', 'supplemental', 'The referring provider''s primary identifier (NPI) is missing, incomplete or invalid.'),
('N265', 'supplemental', 'The ordering provider''s primary identifier (NPI) is missing, incomplete or invalid.'),
('N95', 'supplemental', 'This provider type or specialty may not bill this service.'),
('MA120', 'supplemental', 'The CLIA certification number is missing, incomplete or invalid.'),
('MA61', 'supplemental', 'The Social Security or Medicare number is missing, incomplete or invalid.'),
('MA04', 'supplemental', 'A secondary payment needs the primary payer''s identity and payment information, which were missing or unreadable.'),
('N30', 'supplemental', 'The patient is not eligible for this service.'),
('M62', 'supplemental', 'The treatment authorization code is missing, incomplete or invalid.'),
('N54', 'supplemental', 'The claim does not agree with the services that were precertified or authorized.'),
('M80', 'supplemental', 'Not covered when done in the same session or on the same date as a service already processed for the patient.'),
('M15', 'supplemental', 'Services billed separately were bundled because they are parts of one procedure; no separate payment.'),
('N19', 'supplemental', 'The procedure is incidental to the primary procedure.'),
('N20', 'supplemental', 'The service is not paid with another service done on the same date.'),
('M86', 'supplemental', 'Denied because the same or a similar procedure was already paid within the set time frame.'),
('N362', 'supplemental', 'The days or units of service are above what the payer accepts.'),
('N29', 'supplemental', 'Documentation (orders, notes, summary, report or chart) is missing.'),
('M127', 'supplemental', 'The patient''s medical record for this service is missing.'),
('N179', 'supplemental', 'The payer has asked the member for more information and will reconsider the charges when it arrives.'),
('N34', 'supplemental', 'The claim form or format is wrong for this service.'),
('N522', 'supplemental', 'A duplicate of a claim processed, or to be processed, as a crossover claim.'),
('MA01', 'alert', 'Alert: if you disagree with what was approved, you may appeal; the remittance explains how and by when.'),
('MA07', 'alert', 'Alert: the claim was also forwarded to Medicaid for review.'),
('MA18', 'alert', 'Alert: the claim was also forwarded to the patient''s supplemental insurer; send questions on supplemental benefits to them.'),
('N211', 'alert', 'Alert: this decision cannot be appealed.')
) AS r(rarc, kind, description);


-- Shipped rows and user rows ----------------------------------------------------

CREATE FUNCTION shipped_row_change() RETURNS trigger
LANGUAGE plpgsql
SET search_path = cleanclaim, pg_catalog, pg_temp
AS $$
DECLARE
	-- arguments: the key column, then the columns loaders maintain
	key constant text := TG_ARGV[0];
	maintained constant text[] := coalesce(TG_ARGV[1:], '{}');
	content text[];			-- the other columns: what a row says
	new_row constant jsonb := to_jsonb(NEW);
	old_shipped boolean;
	cols text[];
BEGIN
	SELECT array_agg(a.attname::text ORDER BY a.attnum) INTO content
	FROM pg_attribute a
	WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
	  AND a.attname::text <> ALL (ARRAY['shipped'] || maintained);

	IF TG_OP = 'UPDATE' THEN
		IF NOT OLD.shipped THEN
			NEW.shipped := false;		-- only the extension's scripts ship rows
		ELSIF EXISTS (SELECT 1 FROM unnest(content) AS c
					  WHERE new_row -> c IS DISTINCT FROM to_jsonb(OLD) -> c) THEN
			NEW.shipped := false;		-- the user changed the mapping: the row is the user's now
		END IF;
		RETURN NEW;
	END IF;

	EXECUTE format('SELECT t.shipped FROM %I.%I t WHERE t.%I = $1', TG_TABLE_SCHEMA, TG_TABLE_NAME, key)
		INTO old_shipped USING new_row ->> key;
	IF NOT coalesce(old_shipped, false) THEN
		NEW.shipped := false;
		RETURN NEW;
	END IF;
	-- The key has a shipped row: update it instead (a restore, or a user's
	-- own row for a shipped code).  A shipped row of a dump brings only what
	-- the loaders maintain; a user's row replaces the mapping.  A column
	-- loaders maintain keeps its value when the new row has none.
	cols := CASE WHEN NEW.shipped THEN maintained
				 ELSE array_remove(content, key) || maintained || ARRAY['shipped'] END;
	IF cardinality(cols) > 0 THEN
		EXECUTE format('UPDATE %1$I.%2$I t SET (%3$s) = (SELECT %4$s FROM jsonb_populate_record(NULL::%1$I.%2$I, $1) r) WHERE t.%5$I = $2',
					   TG_TABLE_SCHEMA, TG_TABLE_NAME,
					   (SELECT string_agg(format('%I', c), ', ') FROM unnest(cols) c),
					   (SELECT string_agg(CASE WHEN c = ANY (maintained) THEN format('coalesce(r.%1$I, t.%1$I)', c)
											   ELSE format('r.%I', c) END, ', ')
						FROM unnest(cols) c),
					   key)
			USING new_row || jsonb_build_object('shipped', false), new_row ->> key;
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION shipped_row_change() IS 'BEFORE INSERT OR UPDATE row trigger on tables with shipped rows (arguments: the key column, then the columns loaders maintain): an update that changes a shipped row''s content makes it the user''s (shipped = false); an insert of a key that has a shipped row updates that row and inserts nothing (how a restore brings dumped rows back); only the extension''s scripts mark rows shipped';

CREATE TRIGGER shipped_rows BEFORE INSERT OR UPDATE ON denial_reasons
	FOR EACH ROW EXECUTE FUNCTION shipped_row_change('carc', 'description', 'release');
COMMENT ON TRIGGER shipped_rows ON denial_reasons IS 'keeps users'' mappings apart from the shipped ones (see shipped_row_change())';
CREATE TRIGGER shipped_rows BEFORE INSERT OR UPDATE ON remark_codes
	FOR EACH ROW EXECUTE FUNCTION shipped_row_change('rarc');
COMMENT ON TRIGGER shipped_rows ON remark_codes IS 'keeps users'' remark codes apart from the shipped ones (see shipped_row_change())';

-- No refdata_changed trigger: no rule reads these tables, so no backend
-- caches them (denial_root_cause() and the denial views query them).
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['denial_reasons', 'remark_codes']
	LOOP
		EXECUTE format('GRANT SELECT ON %I TO PUBLIC', t);
		-- dumped whole: the shipped rows of a dump merge into the installed ones
		PERFORM pg_catalog.pg_extension_config_dump(t::regclass, '');
	END LOOP;
END $$;

CREATE VIEW denial_reason_rules AS
SELECT d.carc, r.rule_id, 1.0 / cardinality(d.rule_ids) AS share, d.category, d.owner, d.denial
FROM denial_reasons d
CROSS JOIN LATERAL unnest(d.rule_ids) AS r(rule_id);
COMMENT ON VIEW denial_reason_rules IS 'one row per CARC and rule that would have caught it; share (1 / the CARC''s number of rules) splits a denied amount over its rules so that each dollar is counted once';
COMMENT ON COLUMN denial_reason_rules.share IS 'the part of the CARC''s denied amount attributed to this rule: 1 divided by the number of rules listed for the CARC';
GRANT SELECT ON denial_reason_rules TO PUBLIC;


