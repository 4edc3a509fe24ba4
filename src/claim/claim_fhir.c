/*
 * claim_fhir.c
 *	  Read a FHIR R4 Claim resource (jsonb with "resourceType": "Claim"), or
 *	  the first Claim of a FHIR Bundle, into the claim contract, so the same
 *	  rules run on it.
 *
 * References.  A Reference is not an identifier: the NPI, tax id, name or
 * address of what it names is read from the resource it leads to, which is
 *   - "#id": the contained resource of that id (of the Claim, or of the
 *     Bundle entry the reference sits in);
 *   - in a Bundle: the entry whose fullUrl is the reference (urn:uuid:...,
 *     absolute URLs, matched whole), for a relative "Type/id" the entry whose
 *     fullUrl ends in /Type/id or whose resource is of that type and id, for
 *     a conditional reference "Type?identifier=<system>|<value>" the entry of
 *     that type carrying that identifier.
 * A PractitionerRole leads on to its Practitioner, then its Organization
 * (one hop more, never further): a value is taken from the first of the
 * three that has it.  A provider's NPI is the Reference's own identifier
 * when that is an NPI (system us-npi, or no system and type NPI), else the
 * NPI in a conditional reference's string (Synthea's
 * "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|..."), else the
 * NPI identifier of the resources it leads to (never identifier[0] by
 * position).  A reference that resolves to nothing leaves the value
 * missing: it is never read as the value itself (the payer id alone keeps
 * falling back on the id the reference names, as a payer id is no code).
 *
 * Mapping (R4 element -> claim field):
 *   identifier[0].value (else id)            claim_id
 *   type: the coding of system .../CodeSystem/claim-type (else the first)
 *                                            claim_type (professional, institutional, ...)
 *   the insurer's resource identifier (type payerid first), else
 *     insurer.identifier.value, else the id insurer.reference names
 *     (no insurer: the focal Coverage's payor)  payer_id
 *   focal insurance (focal = true, else the first) -> Coverage:
 *     subscriberId, else Coverage.identifier (type MB first), else
 *     insurance.coverage.identifier.value    member_id
 *     subscriber -> Patient or RelatedPerson: name family, given[0]
 *       (relationship self and no subscriber resource: the patient's name)
 *                                            subscriber_last_name, subscriber_first_name
 *     relationship: an X12 code (18 01 19 20 21 39 40 53 G8) among the
 *       codings, else self 18, spouse 01, child 19, common 53,
 *       parent/other/injured G8, else the code as given   patient_relationship
 *   insurance.preAuthRef[0] (focal insurance)  prior_auth
 *   patient -> Patient: name (use official, else usual, else the first)
 *     family, given[0]                       patient_last_name, patient_first_name
 *     birthDate, gender (male M, female F, other/unknown U)
 *                                            patient_birth_date, patient_sex
 *   provider (-> Organization, Practitioner, PractitionerRole):
 *     the NPI                                billing_npi (missing when the provider is given but no NPI is found)
 *     identifier of type TAX or system urn:oid:2.16.840.1.113883.4.4
 *       (else an SSN, urn:oid:2.16.840.1.113883.4.1 or type SS)  billing_tax_id
 *     address (use billing, else work, else the first not old): line[0]
 *       and line[1] joined by a space, city, state, postalCode
 *                                            billing_address, billing_city, billing_state, billing_zip
 *     a NUCC coding (http://nucc.org/provider-taxonomy) from the care team
 *       member whose provider is the billing provider (qualification), else
 *       PractitionerRole.specialty (or .code), else the resource's
 *       qualification.code                   billing_taxonomy
 *   careTeam[role rendering, else primary] provider's NPI   rendering_npi
 *   careTeam[role referring] provider's NPI  referring_npi
 *   careTeam[role attending] provider's NPI  attending_npi
 *   item[].locationCodeableConcept of the first item that has one, else
 *     facility -> Location.type of a place-of-service system  place_of_service
 *   status cancelled / related[0]            frequency_code 8 / 7 (else 1)
 *   related[0].claim (identifier, else the id it names)  original_claim_id
 *   subType of system https://www.cms.gov/codes/billtype, else
 *     supportingInfo[category typeofbill].code   type_of_bill
 *   supportingInfo[admissionperiod, else hospitalized] timingPeriod.start
 *     (else timingDate)                      admission_date
 *   supportingInfo[admtype].code             admission_type
 *   supportingInfo[pointoforigin].code       admission_source
 *   supportingInfo[discharge-status, else discharge].code  discharge_status
 *   billablePeriod.start / .end              service_from / service_to
 *   created                                  submitted_on
 *   total.value                              total_charge
 *   diagnosis[] by sequence, diagnosisCodeableConcept.coding.code; the
 *     one typed principal first (else the lowest sequence); a
 *     diagnosisReference is an empty diagnosis  diagnoses
 *   procedure[] by sequence, the procedureCodeableConcept coding of an
 *     ICD-10-PCS system (procedureReference and other systems skipped)
 *                                            icd10pcs_procedures
 *   item[]: sequence (line_no), revenue (the NUBC coding, else the first
 *     4-digit code; revenue_code), productOrService (the HCPCS/CPT coding,
 *     not an NDC nor a data-absent-reason; procedure), modifier[]
 *     (modifiers), quantity.value (units), net.value (charge), servicedDate
 *     or servicedPeriod.start (service_date; neither: none, the claim's
 *     serves), diagnosisSequence[] (as positions in the diagnosis list;
 *     dx_pointers), locationCodeableConcept (place_of_service), an NDC
 *     coding in productOrService or detail[0].productOrService (ndc),
 *     careTeamSequence[0] (the line's rendering_npi)
 *   expected_amount and the lines' ndc_units have no Claim element: not read.
 * Elements that are not R4 Claim (or Bundle) elements are reported as
 * unknown fields.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/varlena.h"

#include "claim/claim.h"
#include "claim/fhir.h"
#include "types/code_type.h"

static const char *const fhir_claim_elements[] = {
	"resourceType", "id", "meta", "implicitRules", "language", "text", "contained", "extension",
	"modifierExtension", "identifier", "status", "type", "subType", "use", "patient", "billablePeriod",
	"created", "enterer", "insurer", "provider", "priority", "fundsReserve", "related", "prescription",
	"originalPrescription", "payee", "referral", "facility", "careTeam", "supportingInfo", "diagnosis",
	"procedure", "insurance", "accident", "item", "total"
};

static const char *const fhir_item_elements[] = {
	"id", "extension", "modifierExtension", "sequence", "careTeamSequence", "diagnosisSequence",
	"procedureSequence", "informationSequence", "revenue", "category", "productOrService", "modifier",
	"programCode", "servicedDate", "servicedPeriod", "locationCodeableConcept", "locationAddress",
	"locationReference", "quantity", "unitPrice", "factor", "net", "udi", "bodySite", "subSite",
	"encounter", "detail"
};

static const char *const fhir_bundle_elements[] = {
	"resourceType", "id", "meta", "implicitRules", "language", "identifier", "type", "timestamp",
	"total", "link", "entry", "signature"
};

#define NUCC_SYSTEM "http://nucc.org/provider-taxonomy"
#define CLAIM_TYPE_SYSTEM "http://terminology.hl7.org/CodeSystem/claim-type"
#define CLAIM_TYPE_SYSTEM_STU3 "http://hl7.org/fhir/ex-claimtype"
#define BILL_TYPE_SYSTEM "https://www.cms.gov/codes/billtype"
#define REVENUE_SYSTEM "https://www.nubc.org/CodeSystem/RevenueCodes"
#define PCS_SYSTEM "http://www.cms.gov/Medicare/Coding/ICD10"
#define PCS_SYSTEM_HL7 "http://hl7.org/fhir/sid/icd-10-pcs"
#define POS_SYSTEM_PREFIX "https://www.cms.gov/medicare/coding/place-of-service-codes"
#define POS_SYSTEM_HL7 "http://terminology.hl7.org/CodeSystem/ex-serviceplace"

static const char *const provider_types[] = {"Organization", "Practitioner", "PractitionerRole", NULL};
static const char *const practitioner_types[] = {"Practitioner", NULL};
static const char *const role_types[] = {"PractitionerRole", NULL};
static const char *const claim_types[] = {"Claim", NULL};
static const char *const organization_types[] = {"Organization", NULL};
static const char *const location_types[] = {"Location", NULL};

/* ----- providers ----- */

/*
 * A provider Reference and what it leads to: the resource it names, and
 * for a PractitionerRole its Practitioner and Organization after it.
 */
typedef struct Provider
{
	JsonbContainer *ref;
	FhirRes		res[3];
	int			nres;
	JsonbContainer *role;		/* the PractitionerRole, when it was one */
} Provider;

static void
provider_resolve(FhirDoc *doc, const FhirRes *from, JsonbContainer *ref, Provider *p)
{
	FhirRes		r;

	memset(p, 0, sizeof(*p));
	p->ref = ref;
	if (!fhir_resolve(doc, from, ref, provider_types, &r))
		return;
	p->res[p->nres++] = r;
	if (!fhir_of_type(r.res, role_types))
		return;
	p->role = r.res;
	if (fhir_resolve(doc, &r, fhir_get_container(r.res, "practitioner"), practitioner_types, &p->res[p->nres]))
		p->nres++;
	if (fhir_resolve(doc, &r, fhir_get_container(r.res, "organization"), organization_types, &p->res[p->nres]))
		p->nres++;
}

static bool
provider_npi(const Provider *p, ClaimStr *npi)
{
	ClaimStr	r;
	ClaimStr	type;
	ClaimStr	system;
	int			i;

	if (fhir_identifier_value(fhir_get_container(p->ref, "identifier"), fhir_identifier_is_npi, npi) && npi->len > 0)
		return true;
	if (fhir_get_string(p->ref, "reference", &r) && fhir_conditional_identifier(r, &type, &system, npi) &&
		claim_str_eq(system, NPI_SYSTEM))
		return true;
	for (i = 0; i < p->nres; i++)
		if (fhir_resource_identifier(p->res[i].res, fhir_identifier_is_npi, npi) && npi->len > 0)
			return true;
	return false;
}

/* Does a Reference name the same provider as p (the same resource, reference or NPI)? */
static bool
same_provider(FhirDoc *doc, const Provider *p, JsonbContainer *ref)
{
	Provider	other;
	ClaimStr	a;
	ClaimStr	b;

	if (ref == NULL || p->ref == NULL)
		return false;
	provider_resolve(doc, &doc->at_claim, ref, &other);
	if (p->nres > 0 && other.nres > 0 && p->res[0].res == other.res[0].res)
		return true;
	if (fhir_get_string(p->ref, "reference", &a) && fhir_get_string(ref, "reference", &b) && a.len > 0 && fhir_str_eq(a, b))
		return true;
	return provider_npi(p, &a) && provider_npi(&other, &b) && fhir_str_eq(a, b);
}

/* The address to bill from: use billing, else work, else the first that is not old. */
static JsonbContainer *
billing_address(JsonbContainer *res)
{
	JsonbContainer *addresses = fhir_get_container(res, "address");
	JsonbContainer *work = NULL;
	JsonbContainer *current = NULL;
	int			i;

	for (i = 0; i < fhir_list_size(addresses); i++)
	{
		JsonbContainer *a = fhir_list_item(addresses, i);
		ClaimStr	use = {"", 0};

		if (a == NULL)
			continue;
		(void) fhir_get_string(a, "use", &use);
		if (claim_str_eq(use, "billing"))
			return a;
		if (work == NULL && claim_str_eq(use, "work"))
			work = a;
		if (current == NULL && !claim_str_eq(use, "old"))
			current = a;
	}
	return work != NULL ? work : current != NULL ? current : fhir_list_item(addresses, 0);
}

/* address.line: the first line, or the first two joined by a space (the 837's N301 holds one text here). */
static void
set_address_line(Claim *claim, JsonbContainer *address)
{
	JsonbValue	v;
	RawValue	raw;

	if (!fhir_get_value(address, "line", &v))
		return;
	if (v.type == jbvBinary && JsonContainerIsArray(v.val.binary.data))
	{
		JsonbContainer *lines = v.val.binary.data;
		JsonbValue *first = fhir_array_size(lines) > 0 ? getIthJsonbValueFromContainer(lines, 0) : NULL;
		JsonbValue *second = fhir_array_size(lines) > 1 ? getIthJsonbValueFromContainer(lines, 1) : NULL;
		ClaimStr	a = first != NULL ? fhir_json_text(first) : claim_str("");
		ClaimStr	b = second != NULL ? fhir_json_text(second) : claim_str("");

		if (a.len > 0 && b.len > 0)
			fhir_set_from_str(claim, CF_BILLING_ADDRESS, claim_str(psprintf("%.*s %.*s", a.len, a.s, b.len, b.s)));
		else
			fhir_set_from_str(claim, CF_BILLING_ADDRESS, a.len > 0 ? a : b);
		return;
	}
	raw_from_jsonb_value(&v, &raw);
	claim_set_field(claim, CF_BILLING_ADDRESS, &raw);
}

/* A NUCC taxonomy code in an element's qualification[].code. */
static bool
qualification_taxonomy(JsonbContainer *holder, ClaimStr *code)
{
	JsonbContainer *quals = fhir_get_container(holder, "qualification");
	int			i;

	for (i = 0; i < fhir_list_size(quals); i++)
	{
		JsonbContainer *q = fhir_list_item(quals, i);

		/* careTeam.qualification is a CodeableConcept; Practitioner.qualification has one in code */
		if (fhir_concept_code(q, NUCC_SYSTEM, code) || fhir_concept_code(fhir_get_container(q, "code"), NUCC_SYSTEM, code))
			return true;
	}
	return false;
}

static bool
billing_taxonomy(FhirDoc *doc, const Provider *p, ClaimStr *code)
{
	JsonbContainer *team = fhir_get_container(doc->claim, "careTeam");
	int			i;

	for (i = 0; i < fhir_list_size(team); i++)
	{
		JsonbContainer *member = fhir_list_item(team, i);

		if (fhir_concept_code(fhir_get_container(member, "qualification"), NUCC_SYSTEM, code) &&
			same_provider(doc, p, fhir_get_container(member, "provider")))
			return true;
	}
	if (p->role != NULL && (fhir_concepts_code(fhir_get_container(p->role, "specialty"), NUCC_SYSTEM, code) ||
							fhir_concepts_code(fhir_get_container(p->role, "code"), NUCC_SYSTEM, code)))
		return true;
	for (i = 0; i < p->nres; i++)
		if (qualification_taxonomy(p->res[i].res, code))
			return true;
	return false;
}

static void
read_billing_provider(Claim *claim, FhirDoc *doc)
{
	JsonbContainer *ref = fhir_get_container(doc->claim, "provider");
	Provider	p;
	ClaimStr	s;
	int			i;

	if (ref == NULL)
		return;
	provider_resolve(doc, &doc->at_claim, ref, &p);
	if (provider_npi(&p, &s))
		fhir_set_from_str(claim, CF_BILLING_NPI, s);
	else
		fhir_set_missing(claim, CF_BILLING_NPI);

	for (i = 0; i < p.nres; i++)
		if (fhir_resource_identifier(p.res[i].res, fhir_identifier_is_tax_id, &s))
			break;
	if (i == p.nres)
		for (i = 0; i < p.nres; i++)
			if (fhir_resource_identifier(p.res[i].res, fhir_identifier_is_ssn, &s))
				break;
	if (i < p.nres)
		fhir_set_from_str(claim, CF_BILLING_TAX_ID, s);

	for (i = 0; i < p.nres; i++)
	{
		JsonbContainer *address = billing_address(p.res[i].res);

		if (address != NULL)
		{
			set_address_line(claim, address);
			fhir_set_from_value(claim, CF_BILLING_CITY, address, "city");
			fhir_set_from_value(claim, CF_BILLING_STATE, address, "state");
			fhir_set_from_value(claim, CF_BILLING_ZIP, address, "postalCode");
			break;
		}
	}
	if (billing_taxonomy(doc, &p, &s))
		fhir_set_from_str(claim, CF_BILLING_TAXONOMY, s);
}

/* ----- the care team ----- */

/* The first care team member with the given role (any coding of role). */
static JsonbContainer *
care_team_member(JsonbContainer *claim_obj, const char *role)
{
	return fhir_first_element_coded(fhir_get_container(claim_obj, "careTeam"), "role", role);
}

static JsonbContainer *
care_team_sequence(JsonbContainer *claim_obj, int seq)
{
	JsonbContainer *team = fhir_get_container(claim_obj, "careTeam");
	int			i;

	for (i = 0; i < fhir_list_size(team); i++)
	{
		JsonbContainer *member = fhir_list_item(team, i);
		JsonbValue	s;
		int			n;

		if (fhir_get_value(member, "sequence", &s) && fhir_json_int(&s, &n) && n == seq)
			return member;
	}
	return NULL;
}

static bool
member_npi(FhirDoc *doc, JsonbContainer *member, ClaimStr *npi)
{
	Provider	p;
	JsonbContainer *ref = fhir_get_container(member, "provider");

	if (ref == NULL)
		return false;
	provider_resolve(doc, &doc->at_claim, ref, &p);
	return provider_npi(&p, npi);
}

/* A provider NPI from a care team member: missing when the member is there but its NPI cannot be found. */
static void
set_member_npi(Claim *claim, FhirDoc *doc, ClaimFieldId id, JsonbContainer *member)
{
	ClaimStr	npi;

	if (member == NULL)
		return;
	if (member_npi(doc, member, &npi))
		fhir_set_from_str(claim, id, npi);
	else
		fhir_set_missing(claim, id);
}

static void
read_care_team(Claim *claim, FhirDoc *doc)
{
	JsonbContainer *rendering = care_team_member(doc->claim, "rendering");

	set_member_npi(claim, doc, CF_RENDERING_NPI, rendering != NULL ? rendering : care_team_member(doc->claim, "primary"));
	set_member_npi(claim, doc, CF_REFERRING_NPI, care_team_member(doc->claim, "referring"));
	set_member_npi(claim, doc, CF_ATTENDING_NPI, care_team_member(doc->claim, "attending"));
}

/* ----- the institutional claim ----- */

/* The first supportingInfo of a category (any coding of the category). */
static JsonbContainer *
supporting_info(JsonbContainer *claim_obj, const char *category)
{
	return fhir_first_element_coded(fhir_get_container(claim_obj, "supportingInfo"), "category", category);
}

static void
set_info_code(Claim *claim, ClaimFieldId id, JsonbContainer *si)
{
	ClaimStr	s;

	if (si != NULL && fhir_concept_code(fhir_get_container(si, "code"), NULL, &s))
		fhir_set_from_str(claim, id, s);
}

static void
set_info_date(Claim *claim, ClaimFieldId id, JsonbContainer *si)
{
	JsonbContainer *period = fhir_get_container(si, "timingPeriod");

	if (period != NULL)
		fhir_set_from_value(claim, id, period, "start");
	else
		fhir_set_from_value(claim, id, si, "timingDate");
}

static void
read_institutional(Claim *claim, JsonbContainer *obj)
{
	JsonbContainer *admission = supporting_info(obj, "admissionperiod");
	JsonbContainer *discharge = supporting_info(obj, "discharge-status");
	ClaimStr	s;

	if (fhir_concept_code(fhir_get_container(obj, "subType"), BILL_TYPE_SYSTEM, &s))
		fhir_set_from_str(claim, CF_TYPE_OF_BILL, s);
	else
		set_info_code(claim, CF_TYPE_OF_BILL, supporting_info(obj, "typeofbill"));
	set_info_date(claim, CF_ADMISSION_DATE, admission != NULL ? admission : supporting_info(obj, "hospitalized"));
	set_info_code(claim, CF_ADMISSION_TYPE, supporting_info(obj, "admtype"));
	set_info_code(claim, CF_ADMISSION_SOURCE, supporting_info(obj, "pointoforigin"));
	set_info_code(claim, CF_DISCHARGE_STATUS, discharge != NULL ? discharge : supporting_info(obj, "discharge"));
}

/* ----- the header ----- */

static void
read_claim_type(Claim *claim, JsonbContainer *obj)
{
	JsonbContainer *type = fhir_get_container(obj, "type");
	ClaimStr	s;

	if (fhir_concept_code(type, CLAIM_TYPE_SYSTEM, &s) || fhir_concept_code(type, CLAIM_TYPE_SYSTEM_STU3, &s) ||
		fhir_concept_code(type, NULL, &s))
		fhir_set_from_str(claim, CF_CLAIM_TYPE, s);
}

/*
 * The claim's place of service (837P CLM05-1): FHIR has one per item, the
 * first item's is the claim's; without any, a facility Location typed by a
 * place-of-service code.
 */
static void
read_place_of_service(Claim *claim, FhirDoc *doc)
{
	JsonbContainer *items = fhir_get_container(doc->claim, "item");
	FhirRes		facility;
	ClaimStr	s;
	int			i;

	for (i = 0; i < fhir_array_size(items); i++)
		if (fhir_concept_code(fhir_get_container(fhir_array_object(items, i), "locationCodeableConcept"), NULL, &s))
		{
			fhir_set_from_str(claim, CF_PLACE_OF_SERVICE, s);
			return;
		}
	if (fhir_resolve(doc, &doc->at_claim, fhir_get_container(doc->claim, "facility"),
				location_types, &facility))
	{
		JsonbContainer *types = fhir_get_container(facility.res, "type");

		for (i = 0; i < fhir_list_size(types); i++)
			if (fhir_concept_code_where(fhir_list_item(types, i), POS_SYSTEM_PREFIX, true, &s) ||
				fhir_concept_code(fhir_list_item(types, i), POS_SYSTEM_HL7, &s))
			{
				fhir_set_from_str(claim, CF_PLACE_OF_SERVICE, s);
				return;
			}
	}
}

static void
read_header(Claim *claim, FhirDoc *doc)
{
	JsonbContainer *obj = doc->claim;
	JsonbContainer *related = fhir_array_object(fhir_get_container(obj, "related"), 0);
	FhirRes		patient = {NULL, NULL};
	ClaimStr	s;

	if (fhir_get_string(fhir_array_object(fhir_get_container(obj, "identifier"), 0), "value", &s) || fhir_get_string(obj, "id", &s))
		fhir_set_from_str(claim, CF_CLAIM_ID, s);
	read_claim_type(claim, obj);
	(void) fhir_read_patient(claim, doc, &patient);
	fhir_read_insurance(claim, doc, &patient);
	read_billing_provider(claim, doc);
	read_care_team(claim, doc);
	read_place_of_service(claim, doc);
	read_institutional(claim, obj);

	if (fhir_get_string(obj, "status", &s) && claim_str_eq(s, "cancelled"))
		fhir_set_from_str(claim, CF_FREQUENCY_CODE, claim_str("8"));
	else
		fhir_set_from_str(claim, CF_FREQUENCY_CODE, claim_str(related != NULL ? "7" : "1"));
	if (related != NULL)
	{
		JsonbContainer *original = fhir_get_container(related, "claim");

		if (fhir_get_string(fhir_get_container(original, "identifier"), "value", &s) ||
			fhir_reference_logical_id(NULL, original, &s))
			fhir_set_from_str(claim, CF_ORIGINAL_CLAIM_ID, s);
	}

	fhir_set_from_value(claim, CF_SERVICE_FROM, fhir_get_container(obj, "billablePeriod"), "start");
	fhir_set_from_value(claim, CF_SERVICE_TO, fhir_get_container(obj, "billablePeriod"), "end");
	fhir_set_from_value(claim, CF_SUBMITTED_ON, obj, "created");
	fhir_set_from_value(claim, CF_TOTAL_CHARGE, fhir_get_container(obj, "total"), "value");
}

/* ----- diagnoses and procedures ----- */

/* An element's sequence number, else its position; a sequence that is no whole number is reported. */
static int
sequence_of(Claim *claim, JsonbContainer *element, int position, const char *field)
{
	JsonbValue	seq;
	int			n;

	if (!fhir_get_value(element, "sequence", &seq))
		return position;
	if (fhir_json_int(&seq, &n))
		return n;
	claim_invalid_field(claim, 0, field, fhir_json_text(&seq), "a whole number is expected");
	return position;			/* kept in its array position */
}

/* Sort items (and their sequence numbers) by sequence, stably. */
static void
sort_by_sequence(FieldValue *items, int *sequences, bool *flags, int n)
{
	int			i;

	for (i = 1; i < n; i++)
	{
		FieldValue	moved = items[i];
		int			seq = sequences[i];
		bool		flag = flags[i];
		int			j;

		for (j = i; j > 0 && sequences[j - 1] > seq; j--)
		{
			items[j] = items[j - 1];
			sequences[j] = sequences[j - 1];
			flags[j] = flags[j - 1];
		}
		items[j] = moved;
		sequences[j] = seq;
		flags[j] = flag;
	}
}

/* diagnoses in sequence order, the principal first; *sequences receives each one's sequence number. */
static void
read_diagnoses(Claim *claim, JsonbContainer *obj, int **sequences)
{
	JsonbContainer *dx = fhir_get_container(obj, "diagnosis");
	int			n = fhir_array_size(dx);
	FieldValue *fv = &claim->f[CF_DIAGNOSES];
	bool	   *principal;
	int			i;

	*sequences = palloc0(Max(n, 1) * sizeof(int));
	if (dx == NULL)
		return;
	fv->items = palloc0(Max(n, 1) * sizeof(FieldValue));
	principal = palloc0(Max(n, 1) * sizeof(bool));
	for (i = 0; i < n; i++)
	{
		JsonbContainer *d = fhir_array_object(dx, i);
		ClaimStr	code;
		FieldValue *item = &fv->items[fv->nitems];

		(*sequences)[fv->nitems] = sequence_of(claim, d, i + 1, "diagnosis.sequence");
		principal[fv->nitems] = fhir_concept_has_code(fhir_get_container(d, "type"), "principal", false);
		/* a diagnosisReference (a Condition) carries no code here: an empty diagnosis */
		if (fhir_concept_code(fhir_get_container(d, "diagnosisCodeableConcept"), NULL, &code))
		{
			item->raw = code;
			item->state = code_parse_text(&icd10cm_type, code.s, code.len, &item->v.code) ? VALUE_OK : VALUE_INVALID;
		}
		else
			item->state = VALUE_MISSING;
		fv->nitems++;
	}
	sort_by_sequence(fv->items, *sequences, principal, fv->nitems);
	/* the principal diagnosis goes first, wherever it sits: the one typed so, else the lowest sequence */
	for (i = 0; i < fv->nitems && !principal[i]; i++)
		;
	if (i > 0 && i < fv->nitems)
	{
		FieldValue	moved = fv->items[i];
		int			seq = (*sequences)[i];

		memmove(&fv->items[1], &fv->items[0], i * sizeof(FieldValue));
		memmove(&(*sequences)[1], &(*sequences)[0], i * sizeof(int));
		fv->items[0] = moved;
		(*sequences)[0] = seq;
	}
	fv->state = fv->nitems > 0 ? VALUE_OK : VALUE_MISSING;
}

/* The ICD-10-PCS procedures, in sequence order (other code systems and procedureReference are not ICD-10-PCS). */
static void
read_procedures(Claim *claim, JsonbContainer *obj)
{
	JsonbContainer *procs = fhir_get_container(obj, "procedure");
	int			n = fhir_array_size(procs);
	FieldValue *fv = &claim->f[CF_ICD10PCS_PROCEDURES];
	int		   *sequences;
	bool	   *unused;
	int			i;

	if (n == 0 || !(claim_fields_read & FIELD_BIT(CF_ICD10PCS_PROCEDURES)))
		return;
	fv->items = palloc0(n * sizeof(FieldValue));
	sequences = palloc0(n * sizeof(int));
	unused = palloc0(n * sizeof(bool));
	for (i = 0; i < n; i++)
	{
		JsonbContainer *p = fhir_array_object(procs, i);
		JsonbContainer *concept = fhir_get_container(p, "procedureCodeableConcept");
		ClaimStr	code;

		if (!fhir_concept_code(concept, PCS_SYSTEM, &code) && !fhir_concept_code(concept, PCS_SYSTEM_HL7, &code))
			continue;
		sequences[fv->nitems] = sequence_of(claim, p, i + 1, "procedure.sequence");
		fv->items[fv->nitems].raw = code;
		fv->items[fv->nitems].state = code.len > 0 ? VALUE_OK : VALUE_MISSING;
		fv->nitems++;
	}
	if (fv->nitems == 0)
		return;					/* none in ICD-10-PCS: the claim has none of these */
	sort_by_sequence(fv->items, sequences, unused, fv->nitems);
	fv->state = VALUE_OK;
}

/* ----- the items ----- */

/* item.revenue: the NUBC coding, else the first whose code has the revenue code's 4 digits. */
static bool
revenue_code(JsonbContainer *revenue, ClaimStr *code)
{
	JsonbContainer *codings = fhir_get_container(revenue, "coding");
	int			i;

	if (fhir_concept_code(revenue, REVENUE_SYSTEM, code))
		return true;
	for (i = 0; i < fhir_list_size(codings); i++)
		if (fhir_get_string(fhir_list_item(codings, i), "code", code) && fhir_all_digits(*code, 4))
			return true;
	return false;
}

static void
read_item(Claim *claim, ClaimLine *line, FhirDoc *doc, JsonbContainer *item, const int *dx_sequences)
{
	ClaimStr	s;
	JsonbValue	v;
	RawValue	raw;
	JsonbContainer *mods = fhir_get_container(item, "modifier");
	JsonbContainer *ptrs = fhir_get_container(item, "diagnosisSequence");
	JsonbContainer *care = fhir_get_container(item, "careTeamSequence");
	int			ndx = claim->f[CF_DIAGNOSES].nitems;
	int			i;

	if (fhir_get_value(item, "sequence", &v))
	{
		raw_from_jsonb_value(&v, &raw);
		claim_set_line_field(claim, line, LF_LINE_NO, &raw);
	}
	fhir_report_unknown_elements(claim, item, fhir_item_elements, lengthof(fhir_item_elements), line->line_no, "");
	if (revenue_code(fhir_get_container(item, "revenue"), &s))
		fhir_set_line_from_str(claim, line, LF_REVENUE_CODE, s);
	if (fhir_procedure_code(fhir_get_container(item, "productOrService"), &s))
		fhir_set_line_from_str(claim, line, LF_PROCEDURE, s);
	if (fhir_concept_code(fhir_get_container(item, "productOrService"), NDC_SYSTEM, &s) ||
		fhir_concept_code(fhir_get_container(fhir_array_object(fhir_get_container(item, "detail"), 0), "productOrService"), NDC_SYSTEM, &s))
		fhir_set_line_from_str(claim, line, LF_NDC, s);
	if (mods != NULL)
	{
		FieldValue *fv = &line->f[LF_MODIFIERS];

		fv->items = palloc0(Max(fhir_array_size(mods), 1) * sizeof(FieldValue));
		for (i = 0; i < fhir_array_size(mods); i++)
		{
			if (fhir_concept_code(fhir_array_object(mods, i), NULL, &s))
			{
				fv->items[fv->nitems].state = VALUE_OK;
				fv->items[fv->nitems].raw = s;
				fv->nitems++;
			}
		}
		fv->state = fv->nitems > 0 ? VALUE_OK : VALUE_MISSING;
	}
	if (fhir_get_value(fhir_get_container(item, "quantity"), "value", &v))
	{
		raw_from_jsonb_value(&v, &raw);
		claim_set_line_field(claim, line, LF_UNITS, &raw);
	}
	if (fhir_get_value(fhir_get_container(item, "net"), "value", &v))
	{
		raw_from_jsonb_value(&v, &raw);
		claim_set_line_field(claim, line, LF_CHARGE, &raw);
	}
	/* neither: the line has no date of its own (the rules fall back on the claim's) */
	if (fhir_get_value(item, "servicedDate", &v) || fhir_get_value(fhir_get_container(item, "servicedPeriod"), "start", &v))
	{
		raw_from_jsonb_value(&v, &raw);
		claim_set_line_field(claim, line, LF_SERVICE_DATE, &raw);
	}
	if (fhir_concept_code(fhir_get_container(item, "locationCodeableConcept"), NULL, &s))
		fhir_set_line_from_str(claim, line, LF_PLACE_OF_SERVICE, s);
	if (fhir_array_size(care) > 0)
	{
		JsonbValue *seq = getIthJsonbValueFromContainer(care, 0);
		int			seqno;

		if (fhir_json_int(seq, &seqno) && member_npi(doc, care_team_sequence(doc->claim, seqno), &s))
			fhir_set_line_from_str(claim, line, LF_RENDERING_NPI, s);
	}
	if (ptrs != NULL)
	{
		FieldValue *fv = &line->f[LF_DX_POINTERS];

		/* diagnosisSequence holds sequence numbers; the rules want positions in the list */
		fv->items = palloc0(Max(fhir_array_size(ptrs), 1) * sizeof(FieldValue));
		for (i = 0; i < fhir_array_size(ptrs); i++)
		{
			JsonbValue *p = getIthJsonbValueFromContainer(ptrs, i);
			FieldValue *item_fv = &fv->items[fv->nitems++];
			int			seqno;
			int			j;

			item_fv->state = VALUE_INVALID;
			item_fv->raw = p != NULL && p->type != jbvNull ? fhir_json_text(p) : claim_str("?");
			if (!fhir_json_int(p, &seqno))
				continue;			/* DX_POINTER_INVALID: not a whole number */
			item_fv->raw = claim_str(psprintf("%d", seqno));
			item_fv->state = VALUE_OK;
			item_fv->v.ival = 0;	/* points nowhere unless the sequence exists */
			for (j = 0; j < ndx; j++)
				if (dx_sequences[j] == seqno)
					item_fv->v.ival = j + 1;
			if (item_fv->v.ival == 0)
				item_fv->v.ival = ndx + 1;	/* past the end (even for 0 or -1): reported as such */
		}
		fv->state = fv->nitems > 0 ? VALUE_OK : VALUE_MISSING;
	}
}

/* ----- the resource ----- */

static void
not_a_claim(ClaimStr rt)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("FHIR resource \"%s\" is not a Claim", rt.s ? claim_str_cstring(rt) : "?"),
			 errdetail("cleanclaim reads FHIR R4 Claim resources only, alone or in a Bundle."),
			 errhint("Pass a resource with \"resourceType\": \"Claim\", a Bundle with a Claim entry, or a claim object without resourceType.")));
}

/* The first Claim among a Bundle's entries. */
static JsonbContainer *
bundle_claim(JsonbContainer *entries)
{
	int			i;

	for (i = 0; i < fhir_array_size(entries); i++)
	{
		JsonbContainer *resource = fhir_get_container(fhir_array_object(entries, i), "resource");

		if (fhir_of_type(resource, claim_types))
			return resource;
	}
	return NULL;
}

Claim *
claim_from_fhir(Jsonb *jb)
{
	Claim	   *claim = claim_new(SOURCE_FHIR);
	JsonbContainer *root = &jb->root;
	FhirDoc		doc = {0};
	ClaimStr	rt = {NULL, 0};
	JsonbContainer *items;
	int		   *dx_sequences;
	int			i;

	if (!fhir_get_string(root, "resourceType", &rt))
		not_a_claim(rt);
	if (claim_str_eq(rt, "Bundle"))
	{
		doc.bundle_entries = fhir_get_container(root, "entry");
		doc.claim = bundle_claim(doc.bundle_entries);
		if (doc.claim == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("FHIR Bundle has no Claim entry"),
					 errdetail("cleanclaim reads the first Claim resource among a Bundle's entries; none of this Bundle's entries (%d) is one.",
							   fhir_array_size(doc.bundle_entries)),
					 errhint("Pass a Bundle with a Claim entry, a resource with \"resourceType\": \"Claim\", or a claim object without resourceType.")));
		fhir_report_unknown_elements(claim, root, fhir_bundle_elements, lengthof(fhir_bundle_elements), 0, "Bundle.");
	}
	else if (claim_str_eq(rt, "Claim"))
		doc.claim = root;
	else
		not_a_claim(rt);
	doc.at_claim.res = doc.claim;
	doc.at_claim.host = doc.claim;
	fhir_report_unknown_elements(claim, doc.claim, fhir_claim_elements, lengthof(fhir_claim_elements), 0, "");
	read_header(claim, &doc);
	read_diagnoses(claim, doc.claim, &dx_sequences);
	read_procedures(claim, doc.claim);

	items = fhir_get_container(doc.claim, "item");
	if (items == NULL)
		return claim;
	if (!JsonContainerIsArray(items))
	{
		claim->f[CF_LINES].state = VALUE_INVALID;
		claim_invalid_field(claim, 0, "item", claim_str(""), "item is a list of Claim.item objects");
		return claim;
	}
	claim_alloc_lines(claim, fhir_array_size(items));
	for (i = 0; i < claim->nlines; i++)
	{
		JsonbContainer *item = fhir_array_object(items, i);

		claim->lines[i].line_no = i + 1;
		if (item == NULL || !JsonContainerIsObject(item))
		{
			claim->lines[i].unreadable = true;
			claim_invalid_field(claim, i + 1, "item", claim_str(""), "each item is an object with the Claim.item elements");
		}
		else
			read_item(claim, &claim->lines[i], &doc, item, dx_sequences);
	}
	claim->f[CF_LINES].state = claim->nlines > 0 ? VALUE_OK : VALUE_MISSING;
	return claim;
}
