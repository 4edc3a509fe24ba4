/*
 * rules.h
 *	  The rule engine (src/engine): the rule catalog (catalog.c), the rules'
 *	  settings and parameters (settings.c), the runner that runs the
 *	  registered rule groups over a claim and collects their issues
 *	  (runner.c), and the facts about a claim the groups share (facts.c).
 *
 * Every rule has a stable id (never reused), a category, a default severity,
 * the team that owns the fix, what it needs (claim fields and reference
 * data), a description and a fix hint.  Settings (rule_settings) switch rules
 * on and off, change their severity, weight and parameters, for every payer
 * or one.
 */
#ifndef CLEANCLAIM_RULES_H
#define CLEANCLAIM_RULES_H

#include "postgres.h"

#include "claim/claim.h"
#include "refdata/refdata.h"

typedef enum Severity
{
	SEV_INFO = 0,
	SEV_WARNING = 1,
	SEV_ERROR = 2,
	SEV_NOT_CHECKED = 3			/* only when asked for: a rule that could not run */
} Severity;

/*
 * The catalog: X(id, category, severity, owner, fields it needs, reference
 * data it needs, description, hint).  The fields are read as a list: claim
 * fields by name, line fields as lines.<name>; when the rules that are on
 * need no FIELD_* rule, the claim readers read only the fields they list
 * (test/rules.sql runs each rule alone to keep the lists honest).  The order is the order of the README's
 * rule table and of cleanclaim.rules.
 */
#define RULE_CATALOG(X) \
	X(FIELD_UNKNOWN, "input", SEV_WARNING, "billing", "", "", \
	  "a field the claim contract does not know, so the rules that need the intended field could not see it", \
	  "Use the contract's field name (the issue suggests the closest), or turn FIELD_UNKNOWN off for fields you add on purpose.") \
	X(FIELD_INVALID, "input", SEV_ERROR, "billing", "", "", \
	  "a value that cannot be read as its field's kind: a date not written YYYY-MM-DD, a number that is not a number, a list that is not a list", \
	  "Send the field in its documented form; the rules that need it did not run.") \
	X(CLAIM_INCOMPLETE, "completeness", SEV_ERROR, "billing", "", "", \
	  "an element the 837P or 837I requires for the claim's type is absent or empty (one issue per element, naming the field and its X12 element)", \
	  "Fill in the element before the claim goes out; when you validate partial extracts on purpose, list their missing fields in the rule's ignore parameter or turn the rule off.") \
	X(NPI_BILLING_INVALID, "provider", SEV_ERROR, "billing", "billing_npi", "", \
	  "billing NPI not 10 digits, not starting with 1 or 2, or with a wrong check digit (missing: with CLAIM_INCOMPLETE off)", \
	  "Enter the billing provider's NPI as NPPES issued it (10 digits, Luhn check digit with prefix 80840).") \
	X(NPI_RENDERING_INVALID, "provider", SEV_ERROR, "billing", "rendering_npi, referring_npi, attending_npi, lines.rendering_npi", "", \
	  "a rendering, referring or attending NPI (header or line) present but not a valid NPI", \
	  "Correct the provider's NPI, or leave the field empty when there is no such provider.") \
	X(BILLING_ADDRESS_INVALID, "provider", SEV_ERROR, "billing", "billing_address, billing_city, billing_state, billing_zip", "", \
	  "the billing provider's address is a post office box, its state is not a US or Canadian code, or its ZIP code is not the 9-digit ZIP+4", \
	  "Give the billing provider's physical street address with its 9-digit ZIP code; a post office box or lock box goes in the pay-to address (2010AB) instead.") \
	X(TAX_ID_INVALID, "provider", SEV_ERROR, "billing", "billing_tax_id", "", \
	  "the billing provider's tax id is not 9 digits, or is a number no EIN or SSN can be (all zeros, one digit repeated, 123456789, an SSN area 000, 666 or 9xx)", \
	  "Enter the EIN (or, for a sole practitioner, the SSN) the billing provider is enrolled with, 9 digits.") \
	X(TAXONOMY_INVALID, "provider", SEV_ERROR, "billing", "billing_taxonomy", "", \
	  "the billing provider's taxonomy code is not a NUCC code (10 letters and digits, the last an X)", \
	  "Use the NUCC Health Care Provider Taxonomy code the provider registered in NPPES, for example 207Q00000X.") \
	X(PAYER_UNKNOWN, "payer", SEV_ERROR, "billing", "payer_id", "payers", \
	  "payer id not in the payers table (missing: with CLAIM_INCOMPLETE off)", \
	  "Pick the payer from cleanclaim.payers, or add the payer there.") \
	X(MEMBER_ID_MISSING, "payer", SEV_ERROR, "front_office", "member_id", "", \
	  "member (subscriber) id empty, with CLAIM_INCOMPLETE off (on, it names the field)", \
	  "Copy the member id from the patient's insurance card or the eligibility response.") \
	X(TIMELY_FILING_EXPIRED, "payer", SEV_ERROR, "billing", "payer_id, service_from, lines.service_date, submitted_on", "payers (optional)", \
	  "submitted (or today, when not submitted yet) after the payer's filing limit counted from the date of service; a warning within warn_days of the limit", \
	  "Submit at once with proof of timely filing if you have it; the limit is the payer's timely_filing_days (or the days parameter).") \
	X(FREQUENCY_REF_MISSING, "billing", SEV_ERROR, "billing", "claim_type, frequency_code, type_of_bill, original_claim_id", "", \
	  "a replacement (7) or void (8) without original_claim_id, or an original (1) that names one", \
	  "Give the payer's claim number of the claim being replaced or voided, or send frequency 1 without it.") \
	X(CHARGE_TOTAL_MISMATCH, "charges", SEV_ERROR, "billing", "total_charge, lines.charge", "", \
	  "the total charge differs from the sum of the line charges", \
	  "Recompute the total from the lines.") \
	X(CHARGE_NOT_POSITIVE, "charges", SEV_ERROR, "billing", "total_charge, lines.charge", "", \
	  "a line charge or the total charge is zero or negative (missing: with CLAIM_INCOMPLETE off)", \
	  "Bill every line at its charge master price; drop lines with nothing to bill.") \
	X(AUTH_MISSING, "authorization", SEV_ERROR, "front_office", "payer_id, prior_auth, lines.procedure, service_from, lines.service_date", "auth_requirements", \
	  "a line's procedure needs prior authorization from this payer and the claim has none", \
	  "Obtain the authorization and enter its number in prior_auth before billing.") \
	X(AUTH_MISMATCH, "authorization", SEV_ERROR, "front_office", "payer_id, prior_auth, member_id, lines.procedure, lines.units, service_from, lines.service_date", "authorizations", \
	  "the authorization is not on file, or its member, dates, procedure or remaining units do not cover the line", \
	  "Check the authorization number; extend or amend the authorization with the payer.") \
	X(ELIGIBILITY_INACTIVE, "eligibility", SEV_ERROR, "front_office", "payer_id, member_id, service_from, lines.service_date", "eligibility", \
	  "the payer's eligibility answers on file (271) for the member give no active coverage on the date of service: the newest says inactive, rejected, or covers other dates", \
	  "Verify eligibility again (a 270), find the coverage in force on the date of service, and bill that payer or the patient.") \
	X(ELIGIBILITY_UNKNOWN, "eligibility", SEV_WARNING, "front_office", "payer_id, member_id", "eligibility", \
	  "no eligibility answer on file for the member from the claim's payer, a payer whose answers are loaded", \
	  "Ask the payer before billing: eligibility_requests() writes the 270 for the claims not yet verified.") \
	X(PAYER_PLAN_MISMATCH, "eligibility", SEV_ERROR, "billing", "payer_id, member_id, service_from, lines.service_date", "eligibility", \
	  "the claim goes to one payer, but the eligibility on file says another payer covers the member on the date of service and the claim's payer does not", \
	  "Bill the payer the 271 names (check the primary and secondary order), or fix the payer mapping of the member's plan.") \
	X(LINES_TOO_MANY, "billing", SEV_ERROR, "billing", "claim_type, lines", "", \
	  "more lines than the claim form holds (50 professional, 450 institutional)", \
	  "Split the services over several claims.") \
	X(NAME_INVALID, "patient", SEV_ERROR, "front_office", "subscriber_last_name, subscriber_first_name, patient_last_name, patient_first_name, patient_relationship", "", \
	  "a subscriber or patient name that is placeholder text (TEST, UNKNOWN, NONE, ...), holds a digit or no letter at all; a warning when a first name is missing", \
	  "Copy the names exactly as the insurance card shows them, last and first; register an unidentified patient under the name the payer was given.") \
	X(RELATIONSHIP_INVALID, "patient", SEV_ERROR, "front_office", "patient_relationship, patient_last_name, patient_first_name, subscriber_last_name, subscriber_first_name", "", \
	  "the patient's relationship to the subscriber is not an 837 code (18 self, 01 spouse, 19 child, 20 employee, 21 unknown, 39 organ donor, 40 cadaver donor, 53 life partner, G8 other); a warning when it says self (18) and the patient's name is not the subscriber's", \
	  "Take the relationship from the eligibility response: 18 when the patient is the subscriber, else the patient's own code and name.") \
	X(PATIENT_BIRTH_DATE_INVALID, "patient", SEV_ERROR, "front_office", "patient_birth_date, service_from, lines.service_date", "", \
	  "patient birth date in the future or after the date of service (missing: with CLAIM_INCOMPLETE off)", \
	  "Correct the birth date from the patient's registration or insurance card.") \
	X(PATIENT_SEX_INVALID, "patient", SEV_ERROR, "front_office", "patient_sex", "", \
	  "patient sex not M, F or U (missing: with CLAIM_INCOMPLETE off)", \
	  "Record the patient's sex as M, F or U.") \
	X(SERVICE_DATES_INVALID, "dates", SEV_ERROR, "front_office", "service_from, service_to, lines.service_date, diagnoses", "", \
	  "service from after service to, a date in the future, a line dated outside the claim's period, or a date before 2015-10-01 with ICD-10 codes", \
	  "Correct the dates of service; bill services before 2015-10-01 with ICD-9 on a separate claim.") \
	X(DX_MISSING, "diagnosis", SEV_ERROR, "coding", "diagnoses", "", \
	  "no diagnosis on the claim, with CLAIM_INCOMPLETE off (on, it names the field)", \
	  "Code at least the primary diagnosis.") \
	X(DX_TOO_MANY, "diagnosis", SEV_ERROR, "coding", "claim_type, diagnoses", "", \
	  "more diagnoses than the claim form holds (12 professional, 25 institutional)", \
	  "Keep the diagnoses the lines point to and the most relevant others.") \
	X(DX_INVALID, "diagnosis", SEV_ERROR, "coding", "diagnoses, service_from, lines.service_date", "icd10cm_codes", \
	  "a diagnosis code that is not ICD-10-CM, or not in the code set on the date of service (a date no loaded release covers is not checked)", \
	  "Use a code valid on the date of service (check for deleted or new codes in the fiscal year's update).") \
	X(DX_NOT_BILLABLE, "diagnosis", SEV_ERROR, "coding", "diagnoses, service_from, lines.service_date", "icd10cm_codes", \
	  "a header (category) code: more characters are required", \
	  "Code to the highest specificity: add the missing 4th to 7th characters.") \
	X(DX_EXTERNAL_CAUSE_PRIMARY, "diagnosis", SEV_ERROR, "coding", "diagnoses", "", \
	  "the first-listed diagnosis is an external cause code (V, W, X, Y)", \
	  "List the injury or condition first; external cause codes are secondary only.") \
	X(DX_MANIFESTATION_PRIMARY, "diagnosis", SEV_ERROR, "coding", "diagnoses, service_from, lines.service_date", "mce_edits", \
	  "a manifestation code is listed first", \
	  "List the underlying condition first, then the manifestation.") \
	X(DX_UNACCEPTABLE_PRIMARY, "diagnosis", SEV_ERROR, "coding", "diagnoses, service_from, lines.service_date", "mce_edits", \
	  "a code not acceptable as the principal diagnosis is listed first", \
	  "List the condition that occasioned the visit first.") \
	X(DX_AGE_CONFLICT, "diagnosis", SEV_ERROR, "coding", "diagnoses, patient_birth_date, service_from, lines.service_date", "mce_edits", \
	  "a newborn (0), pediatric (0-17), maternity (9-64) or adult (15-124) code does not fit the patient's age on the date of service", \
	  "Check the birth date and the code; choose the code for the patient's age group.") \
	X(DX_SEX_CONFLICT, "diagnosis", SEV_ERROR, "coding", "diagnoses, patient_sex, service_from, lines.service_date", "mce_edits", \
	  "a sex-specific code does not fit the patient's sex (off by default, as in the MCE since 2024-10-01)", \
	  "Check the patient's sex and the code.") \
	X(DX_DUPLICATE, "diagnosis", SEV_WARNING, "coding", "diagnoses", "", \
	  "the same diagnosis code twice on the claim", \
	  "List each diagnosis once and point the lines to it.") \
	X(DX_UNSPECIFIED, "diagnosis", SEV_WARNING, "coding", "diagnoses, service_from, lines.service_date", "icd10cm_codes", \
	  "an unspecified code where the code set has specified siblings (laterality or site left unspecified)", \
	  "Code the documented specifics (side, site, type); ask the provider when the note lacks them.") \
	X(DX_POINTER_INVALID, "diagnosis", SEV_ERROR, "coding", "diagnoses, lines.dx_pointers", "", \
	  "a line points past the end of the diagnosis list, or more than 4 times (to none: with CLAIM_INCOMPLETE off)", \
	  "Point each line to 1 to 4 of the claim's diagnoses.") \
	X(PROC_INVALID, "procedure", SEV_ERROR, "coding", "lines.procedure, service_from, lines.service_date", "hcpcs_codes", \
	  "a procedure code that is not CPT/HCPCS, or not in the code set on the date of service (a code family or a date no loaded release covers is not checked)", \
	  "Use a code active on the date of service (check the annual and quarterly updates).") \
	X(UNITS_INVALID, "procedure", SEV_ERROR, "coding", "lines.units", "", \
	  "units zero, negative or fractional (missing: with CLAIM_INCOMPLETE off)", \
	  "Bill whole units of service (1 or more).") \
	X(MOD_INVALID, "modifier", SEV_ERROR, "coding", "lines.modifiers, service_from, lines.service_date", "modifiers", \
	  "a modifier not in the CPT modifiers cleanclaim ships or the loaded HCPCS Level II modifiers, or more than 4 on a line", \
	  "Use modifiers from the CPT/HCPCS lists, at most 4 per line.") \
	X(MOD_CONFLICT, "modifier", SEV_ERROR, "coding", "lines.modifiers", "modifier_reference", \
	  "modifiers that must not share a line (modifier_reference.not_with: LT with RT, 26 with TC, 50 with LT or RT, 59 with XE, XS, XP or XU, a left-hand digit with RT, GA with GZ, ...)", \
	  "Keep the modifier that describes the service: one side (bilateral services with 50 alone), one component, 59 or the X modifier that says why.") \
	X(MOD_LATERALITY_DX, "modifier", SEV_WARNING, "coding", "lines.modifiers, lines.dx_pointers, diagnoses, service_from, lines.service_date", "icd10cm_codes", \
	  "LT or RT on a line contradicts the side of a diagnosis it points to", \
	  "Make the modifier and the diagnosis name the same side.") \
	X(MOD_NOT_APPLICABLE, "modifier", SEV_ERROR, "coding", "lines.procedure, lines.modifiers", "modifier_reference", \
	  "a modifier on a procedure of a section it does not belong on (modifier_reference.sections: 24, 25 and 57 on E/M visits, 26 and TC not on E/M, 91 on laboratory tests, 1P-8P on Category II codes, ...)", \
	  "Put the modifier on the line it describes (25 on the E/M visit, not on the procedure) or drop it.") \
	X(MOD_ORDER, "modifier", SEV_WARNING, "coding", "lines.modifiers", "modifier_reference", \
	  "a pricing modifier (26, TC, 50, 80, AS, the anesthesia ones, ...) listed after a modifier of another kind", \
	  "List the pricing modifiers first: payers price a line by its code and first modifier.") \
	X(MOD_PAYER_PREFERS_OTHER, "modifier", SEV_ERROR, "coding", "payer_id, lines.modifiers", "modifier_settings", \
	  "a modifier the payer wants replaced by a more specific one (modifier_settings.use_instead: 59 where the payer wants XE, XS, XP or XU)", \
	  "Use the modifier the payer asks for: XE separate encounter, XS separate structure, XP separate practitioner, XU unusual non-overlapping service.") \
	X(NCCI_PTP_NEVER, "bundling", SEV_ERROR, "coding", "claim_type, lines.procedure, service_from, lines.service_date", "ncci_ptp", \
	  "two lines on one date form an NCCI procedure-to-procedure pair that no modifier allows (indicator 0)", \
	  "Bill the column 1 code only; the column 2 code is included in it.") \
	X(NCCI_PTP_MODIFIER, "bundling", SEV_ERROR, "coding", "claim_type, lines.procedure, lines.modifiers, service_from, lines.service_date", "ncci_ptp, modifier_reference", \
	  "two lines on one date form an NCCI pair (indicator 1) and the column 2 line has no NCCI-associated modifier (modifier_reference.ncci_associated)", \
	  "If the services were distinct (other site, session, encounter), add 59 or XE/XS/XP/XU (or an anatomic modifier) to the column 2 line; else drop it.") \
	X(MUE_LINE, "units", SEV_ERROR, "coding", "claim_type, lines.procedure, lines.units, service_from, lines.service_date", "mue", \
	  "units on a line above the code's Medically Unlikely Edit (adjudication indicator 1)", \
	  "Check the units; bill units above the MUE on separate lines with the right modifiers only when documented.") \
	X(MUE_DAY, "units", SEV_ERROR, "coding", "claim_type, lines.procedure, lines.units, service_from, lines.service_date", "mue", \
	  "units of a code summed over the claim's lines on one date above its MUE (adjudication indicator 2 or 3)", \
	  "Check the units billed for the day; indicator 2 (policy) cannot be appealed, 3 needs documentation.") \
	X(EM_SAME_DAY_NO_25, "modifier", SEV_WARNING, "coding", "lines.procedure, lines.modifiers, service_from, lines.service_date", "", \
	  "an E/M visit (99202-99499) and a procedure (10004-69990) on the same date, and the E/M line lacks modifier 25", \
	  "When the visit was significant and separately identifiable, add 25 to the E/M line; else drop the E/M line.") \
	X(LINE_DUPLICATE, "procedure", SEV_WARNING, "billing", "lines.procedure, lines.modifiers, lines.units, service_from, lines.service_date", "", \
	  "two lines with the same procedure, modifiers, date and units and no repeat modifier (76, 77, 91)", \
	  "Merge the lines into one with the total units, or add 76/77/91 when the service was repeated.") \
	X(DUPLICATE_CLAIM, "duplicate", SEV_ERROR, "billing", "claim_id, member_id, billing_npi, service_from, frequency_code, type_of_bill, lines.procedure, lines.modifiers, lines.units, lines.charge, lines.service_date", "the claims table (scrub duplicates=on)", \
	  "a line repeats a service of a claim already in the table: same member, billing provider, date, procedure, modifiers, units and charge (a replacement or void, frequency 7 or 8, is not a duplicate)", \
	  "Do not send the service again: look up the first claim's status (277CA, the payer's portal); to correct it, send a replacement (frequency 7) naming it.") \
	X(DUPLICATE_SERVICE, "duplicate", SEV_WARNING, "billing", "claim_id, member_id, billing_npi, service_from, frequency_code, type_of_bill, lines.procedure, lines.modifiers, lines.units, lines.charge, lines.service_date", "the claims table (scrub duplicates=on)", \
	  "a line bills the same member, billing provider, date, procedure and modifiers as a claim already in the table, with other units or charge", \
	  "If the service was done again, add 76, 77 or 91; if the first claim was wrong, send a replacement (frequency 7); else drop the line.") \
	X(NDC_REQUIRED, "drug", SEV_ERROR, "billing", "lines.procedure, lines.ndc", "", \
	  "a drug code (J codes, and codes the payer lists) without an NDC", \
	  "Enter the 11-digit NDC of the drug administered, with its units.") \
	X(NDC_INVALID, "drug", SEV_ERROR, "billing", "lines.ndc", "", \
	  "an NDC that is not 11 digits after normalization", \
	  "Write the NDC as 11 digits (5-4-2) or as printed on the package with hyphens.") \
	X(POS_INVALID, "place_of_service", SEV_ERROR, "billing", "claim_type, place_of_service, lines.place_of_service, service_from, lines.service_date", "place_of_service", \
	  "a place of service not in the place-of-service list", \
	  "Use a 2-digit CMS place-of-service code (11 office, 22 outpatient hospital, 02/10 telehealth, ...).") \
	X(TOB_INVALID, "institutional", SEV_ERROR, "billing", "claim_type, type_of_bill, service_from, lines.service_date", "type_of_bill_codes", \
	  "an institutional claim's type of bill is not 3 digits (facility type, classification, frequency; a leading 0 allowed) or not in the type-of-bill list", \
	  "Use the type of bill of the facility and the bill: 111 inpatient admit through discharge, 131 hospital outpatient, 0117 a replacement, ...") \
	X(REVENUE_CODE_INVALID, "institutional", SEV_ERROR, "billing", "claim_type, lines.revenue_code, service_from, lines.service_date", "revenue_codes", \
	  "a revenue code on an institutional line that is not 4 digits or not in the revenue code list", \
	  "Give every line its 4-digit revenue code from the charge master (0450 emergency room, 0300 laboratory, ...).") \
	X(ADMISSION_INVALID, "institutional", SEV_ERROR, "front_office", "claim_type, type_of_bill, admission_date, admission_type, admission_source, service_from", "", \
	  "an admission date after the statement period starts or in the future, an admission type that is not 1-5 or 9, or a point of origin that is not a NUBC code", \
	  "Take the admission date, type and point of origin from the registration (UB-04 form locators 12, 14 and 15).") \
	X(DISCHARGE_STATUS_INVALID, "institutional", SEV_ERROR, "coding", "claim_type, type_of_bill, discharge_status", "", \
	  "a patient discharge status that is not a NUBC code, or one that contradicts the type of bill (still a patient, 30, on a final bill; a discharge on an interim bill)", \
	  "Code the patient's status at the end of the statement period (UB-04 form locator 17): 30 on interim bills, the discharge disposition on final ones.") \
	X(PCS_INVALID, "institutional", SEV_ERROR, "coding", "claim_type, icd10pcs_procedures", "", \
	  "an ICD-10-PCS procedure code that is not 7 letters and digits (I and O are never used)", \
	  "Code inpatient procedures in ICD-10-PCS, 7 characters, for example 0SRC0J9.") \
	X(AUDIT_HIGH_DOLLAR, "audit", SEV_INFO, "billing", "claim_type, type_of_bill, place_of_service, total_charge, expected_amount, lines.charge", "audit_thresholds", \
	  "total charge (or expected payment, by the threshold's basis) at or above the payer's pre-bill audit threshold for the setting (defaults: 100,000 inpatient, 50,000 outpatient and professional)", \
	  "Review the claim line by line against the record before it goes out: itemized charges, documentation, authorizations.") \
	X(AUDIT_RISKY_MODIFIER, "audit", SEV_INFO, "coding", "payer_id, lines.modifiers", "modifier_reference, modifier_settings", \
	  "a modifier payers review by hand on a line (modifier_reference.scrutinized, per payer in modifier_settings; shipped: 25, 59, XE, XS, XP, XU and 22), naming the documentation it needs", \
	  "Check that the record shows what the flag names: a separate encounter, site or session, or substantially greater work for 22.") \
	X(AUDIT_UNLISTED_PROC, "audit", SEV_INFO, "coding", "lines.procedure", "", \
	  "an unlisted or not otherwise classified procedure code (it needs an attached report)", \
	  "Attach the procedure report and a comparable-code note, and check whether a specific code exists.") \
	X(AUDIT_DENIAL_RISK, "audit", SEV_INFO, "billing", "lines.procedure, lines.modifiers, lines.charge", "denial_model", \
	  "the learned denial probability of a line for this payer, procedure and modifiers is at or above the threshold (default 0.3), from a model level with at least min_lines training lines (default 30)", \
	  "Look at this payer's past denials of such lines (denial_risk() names them) and fix what they point to before submitting.") \
	X(AUDIT_MANY_WARNINGS, "audit", SEV_INFO, "billing", "", "", \
	  "three or more warnings on the claim", \
	  "Review the warnings together: several small doubts often hide one real problem.") \
	X(X12_ISA_INVALID, "x12", SEV_ERROR, "billing", "", "the X12 file (validate_837, validate_835)", \
	  "the file does not start with an interchange header ISA of 106 characters and 16 elements, the segment that sets the separators", \
	  "Start the file with ISA, fixed width: the element separator its 4th character, ISA16 the component separator, the segment terminator right after it.") \
	X(X12_TRAILER_MISSING, "x12", SEV_ERROR, "billing", "", "the X12 file (validate_837, validate_835)", \
	  "an interchange, functional group or transaction set without its trailer (IEA, GE, SE), or a trailer without its header", \
	  "Close every ST with SE, every GS with GE and every ISA with IEA, in that order, and open each before its trailer.") \
	X(X12_SE_COUNT, "x12", SEV_ERROR, "billing", "", "the X12 file (validate_837, validate_835)", \
	  "SE01, the transaction set's segment count, is not the number of segments from its ST to its SE", \
	  "Count the segments from ST to SE, both included, into SE01.") \
	X(X12_GROUP_COUNT, "x12", SEV_ERROR, "billing", "", "the X12 file (validate_837, validate_835)", \
	  "GE01 is not the number of transaction sets of its group, or IEA01 not the number of groups of its interchange", \
	  "Count the ST segments of the group into GE01 and the GS segments of the interchange into IEA01.") \
	X(X12_CONTROL_MISMATCH, "x12", SEV_ERROR, "billing", "", "the X12 file (validate_837, validate_835)", \
	  "a trailer's control number differs from its header's: SE02 from ST02, GE02 from GS06, IEA02 from ISA13", \
	  "Write the header's control number into its trailer.") \
	X(X12_VERSION_UNSUPPORTED, "x12", SEV_ERROR, "billing", "", "the X12 file (validate_837, validate_835)", \
	  "a transaction set of a version the function does not read (validate_837: 837 in 5010, 005010X222 837P and 005010X223 837I; validate_835: 005010X221 835), such as a 4010 file", \
	  "Send 837s in version 5010 (HIPAA has required it since 2012): GS08 and ST03 005010X222A1 or 005010X223A2; an 835 of 005010X221A1.") \
	X(X12_SEGMENT_UNKNOWN, "x12", SEV_ERROR, "billing", "", "the X12 file (validate_837, validate_835)", \
	  "a segment the 837 does not have, or a segment outside a transaction set", \
	  "Remove the segment, or correct its id; every segment but the envelope's lies between an ST and its SE.") \
	X(X12_SEPARATOR_MISMATCH, "x12", SEV_ERROR, "billing", "", "the X12 file (validate_837)", \
	  "the interchange's composites are written with another component separator than the one ISA16 declares", \
	  "Write ISA16 as the separator the composites use (CLM05, HI, SV101: for example HC:99213), or write them with ISA16's.") \
	X(X12_ELEMENT_MISSING, "x12", SEV_ERROR, "billing", "", "the X12 file (validate_837, validate_835)", \
	  "an element the 837 requires in its segment is missing (CLM01, LX01, SV102, DTP03, ...)", \
	  "Fill the element the message names, as the 5010 implementation guide describes it.") \
	X(X12_ELEMENT_LENGTH, "x12", SEV_ERROR, "billing", "", "the X12 file (validate_837, validate_835)", \
	  "an element shorter or longer than the 837 allows (CLM01 at most 38 characters, DMG02 a date of 8, N402 a state of 2, ...)", \
	  "Shorten or correct the value to the length the message gives.") \
	X(X12_CODE_INVALID, "x12", SEV_ERROR, "billing", "", "the X12 file (validate_837, validate_835)", \
	  "an element with a closed list of codes holds another value (HL03, SBR01, DMG03, DTP02, SV103, ...)", \
	  "Use one of the codes the message lists.") \
	X(X12_LOOP_MISSING, "x12", SEV_ERROR, "billing", "", "the X12 file (validate_837)", \
	  "a loop the 837 requires in its parent is missing (the billing provider's 2010AA, the subscriber's 2010BA and payer 2010BB, the patient's 2010CA, a claim's service lines 2400, ...)", \
	  "Add the loop the message names, with the segment that opens it.") \
	X(X12_LOOP_REPEAT, "x12", SEV_ERROR, "billing", "", "the X12 file (validate_837)", \
	  "a loop stands more times in its parent than the 837 allows (more than 50 service lines on an 837P claim, more than 100 claims in a subscriber's loop, a second 2010AA, ...)", \
	  "Split the claim or the loop: for example send lines beyond 50 on a second claim.") \
	X(X12_SEGMENT_ORDER, "x12", SEV_ERROR, "billing", "", "the X12 file (validate_837, validate_835)", \
	  "a segment out of its loop's order (a DTP after the claim's HI), after its loop's sub-loops began (a claim's REF after its 2310B), or in a loop that has no such segment (an SV1 in a 2300)", \
	  "Move the segment to its place in its loop, as the 5010 implementation guide orders them, or remove it.") \
	X(X12_SEGMENT_MISSING, "x12", SEV_ERROR, "billing", "", "the X12 file (validate_837, validate_835)", \
	  "a segment its loop requires is missing (BHT in the header, N3 and N4 of the billing provider, SBR of a subscriber, HI of a claim, SV1 or SV2 of a line, ...)", \
	  "Add the segment the message names to its loop.") \
	X(X12_VALUE_INVALID, "x12", SEV_ERROR, "billing", "", "the X12 file (validate_837, validate_835)", \
	  "an element's value is not of its type: an amount or quantity that is not a number (CLP03, SVC02, CAS03, ...), a date that is not a day of the calendar (BPR16, DTM02, DMG02, ...)", \
	  "Write amounts as digits with at most one decimal point and a leading minus (-9.00), dates as CCYYMMDD.") \
	X(X12_835_UNBALANCED, "x12", SEV_ERROR, "billing", "", "the 835 file (validate_835)", \
	  "an 835's amounts do not add up: a service line's charge minus its payment (SVC02 - SVC03) is not its adjustments, a claim's charge minus its payment (CLP03 - CLP04) is not its and its lines' adjustments, or the payment (BPR02) is not its claims' payments (CLP04) less the provider adjustments (PLB)", \
	  "Ask the payer for a corrected 835; post what the file says only after the difference is explained (a missing CAS, a PLB, a reversal).")

#define RULE_ENUM(id, cat, sev, owner, fields, data, desc, hint) RULE_##id,
typedef enum RuleId
{
	RULE_CATALOG(RULE_ENUM)
	RULE_COUNT
} RuleId;
#undef RULE_ENUM

typedef struct RuleDef
{
	const char *id;
	const char *category;
	Severity	severity;
	const char *owner;
	const char *needs_fields;
	const char *needs_data;
	const char *description;
	const char *hint;
} RuleDef;

extern const RuleDef rule_defs[RULE_COUNT];

/* Parameters a rule reads; defaults in settings.c, overridable in rule_settings.params. */
typedef struct RuleParams
{
	int			timely_days;	/* TIMELY_FILING_EXPIRED: days when the payer has none */
	int			timely_warn_days;
	int			max_lines_professional;
	int			max_lines_institutional;
	int			max_dx_professional;
	int			max_dx_institutional;
	double		charge_tolerance;
	int			nndc_prefixes;
	char		ndc_prefixes[8];	/* first letters of codes that need an NDC */
	int			nndc_codes;
	int64	   *ndc_codes;		/* more codes that need one */
	int			nbypass;		/* -1: modifier_reference.ncci_associated */
	char		(*bypass_modifiers)[3];	/* NCCI-associated modifiers */
	int			nignored_fields;
	char	  **ignored_fields; /* FIELD_UNKNOWN: fields added on purpose */
	int			nrisky_modifiers;	/* -1: modifier_reference and modifier_settings */
	char		(*risky_modifiers)[3];	/* AUDIT_RISKY_MODIFIER */
	int			nunlisted_codes;
	int64	   *unlisted_codes; /* AUDIT_UNLISTED_PROC: codes besides the built-in list */
	double		denial_risk_threshold;	/* AUDIT_DENIAL_RISK */
	int			denial_min_lines;	/* AUDIT_DENIAL_RISK: the evidence a probability needs */
	int			many_warnings;	/* AUDIT_MANY_WARNINGS */
	uint64		incomplete_ignore_claim;	/* CLAIM_INCOMPLETE: fields not required (FIELD_BIT) */
	uint64		incomplete_ignore_line;
	uint64		incomplete_require_claim;	/* situational fields the payer requires */
	uint64		incomplete_require_line;
	int			nplaceholders;	/* NAME_INVALID: -1 for the built-in list */
	char	  **placeholders;
} RuleParams;

/* The effective configuration for one payer (or the default). */
typedef struct RuleConfig
{
	bool		enabled[RULE_COUNT];
	Severity	severity[RULE_COUNT];
	double		weight[RULE_COUNT];
	RuleParams	params;
} RuleConfig;

typedef struct Issue
{
	RuleId		rule;
	Severity	severity;
	int			line_no;		/* 0 for the claim header */
	const char *field;
	const char *value;
	const char *message;
	double		weight;			/* in the quality score (audit flags: the audit score) */
} Issue;

typedef struct IssueList
{
	int			n;
	int			max;
	Issue	   *items;
	int			errors;
	int			warnings;
	double		weight;			/* summed weights of the issues */
} IssueList;

typedef struct RuleContext
{
	const Claim *claim;
	const RuleConfig *config;
	IssueList  *issues;
	bool		report_unchecked;
	DateADT		today;
	bool		institutional;	/* claim_type institutional */
	int			setting;		/* SETTING_PRACTITIONER or SETTING_HOSPITAL */
	const Payer *payer;			/* NULL when unknown */
	int			payer_index;
	const IssueList *prior;		/* audit groups: the issues of the other rules */
	Claim	   *const *earlier; /* table groups: earlier claims of the table */
	int			nearlier;		/* -1: no table to compare with */
} RuleContext;

/* Before reading a claim: tell the readers which fields the rules that are on need. */
extern void rules_prepare_reading(void);
/* The same before auditing a claim: the audit rules' fields too. */
extern void audit_prepare_reading(void);

/* Run every enabled rule on the claim (the audit rules excepted). */
extern void rules_run(const Claim *claim, IssueList *issues, bool report_unchecked);

/* Run the enabled audit rules (after the others, whose warnings they count) into flags. */
extern void audit_run(const Claim *claim, IssueList *flags);
extern bool rule_is_audit(RuleId rule);

/* Quality score 0-100 of an issue list: 100 minus the issues' weights. */
extern double rules_quality_score(const IssueList *issues);

/* Emitting issues (runner.c). */
static inline bool
rule_on(const RuleContext *ctx, RuleId rule)
{
	return ctx->config->enabled[rule];
}
extern void rule_issue(RuleContext *ctx, RuleId rule, int line_no, const char *field, const char *value,
					   const char *fmt,...) pg_attribute_printf(6, 7);
/* The same at a severity of the rule's choosing (never above the configured one). */
extern void rule_issue_at(RuleContext *ctx, RuleId rule, Severity severity, int line_no, const char *field,
						  const char *value, const char *fmt,...) pg_attribute_printf(7, 8);
extern void rule_not_checked(RuleContext *ctx, RuleId rule, const char *fmt,...) pg_attribute_printf(3, 4);

/* Text of values, for messages (facts.c). */
extern const char *field_text(const FieldValue *fv);
extern const char *code_text(const struct CodeType *type, int64 code);
extern const char *date_text(DateADT d);
extern const char *invalid_code_reason(const struct CodeType *type, const FieldValue *fv);
extern const char *code_set_gap(RefTableId table, int family, DateADT date, const char *what);

extern const char *severity_name(Severity s);
extern int	rule_lookup(const char *id);

/* Facts about the claim the rules share (facts.c). */
extern bool claim_first_service_date(const Claim *claim, DateADT *date);
extern bool type_of_bill_digits(const FieldValue *tob, char digits[3]);
extern bool claim_is_inpatient(const Claim *claim);
extern bool claim_has_admission(const Claim *claim);
extern bool claim_is_specimen_only(const Claim *claim);
extern bool line_has_modifier(const ClaimLine *line, const char *modifier);
extern int	cpt_category_i_number(int64 code);

extern bool lines_have_same_modifiers(const ClaimLine *a, const ClaimLine *b);
/* The i-th modifier of a line upper-cased into up, false when it is not two letters or digits. */
extern bool line_modifier_at(const ClaimLine *line, int i, char up[3]);
/* Does the claim's payer review the modifier by hand (modifier_settings, else modifier_reference)? */
extern bool modifier_scrutinized(const RuleContext *ctx, const char *modifier);
/* The setting that names modifiers the claim's payer wants in place of this one, or NULL. */
extern const ModifierSetting *modifier_replacement(const RuleContext *ctx, const char *modifier);

/*
 * The rule groups.  The engine knows them only through the table the module
 * entry registers at load (rules/groups.c, registered by _PG_init): each
 * entry names a group, when it runs and its check, which reads the claim in
 * ctx and emits issues with rule_issue() and rule_not_checked().
 */
typedef enum RuleGroupKind
{
	RULE_GROUP_CLAIM,			/* by rules_run(): the claim alone */
	RULE_GROUP_TABLE,			/* by rules_run_table(): the claim against earlier claims of its
								 * table (by rules_run(), with nearlier -1: it says it could not) */
	RULE_GROUP_AUDIT			/* by audit_run(), after the others (their issues in ctx->prior) */
} RuleGroupKind;

typedef struct RuleGroup
{
	const char *name;
	RuleGroupKind kind;
	void		(*check) (RuleContext *ctx);
} RuleGroup;

extern void rules_register_groups(const RuleGroup *groups, int ngroups);

/* The claim against earlier claims of its table (the RULE_GROUP_TABLE groups). */
extern void rules_run_table(const Claim *claim, Claim *const *earlier, int nearlier, IssueList *issues);

/* The effective configuration for the claim's payer. */
extern const RuleConfig *rules_claim_config(const Claim *claim);

/* Between the engine's files: a rule's default weight (catalog.c), a payer's configuration (settings.c). */
extern double rule_default_weight(int rule);
extern double severity_default_weight(Severity s);
extern const RuleConfig *config_for_payer(const FieldValue *payer_id);

#endif							/* CLEANCLAIM_RULES_H */
