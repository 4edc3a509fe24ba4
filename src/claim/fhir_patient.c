/*
 * fhir_patient.c
 *	  The FHIR reader's patient, subscriber and coverage: the Patient's name,
 *	  birth date and sex, the focal insurance's Coverage (member id,
 *	  subscriber, relationship), the payer and the prior authorization (see
 *	  the mapping in claim_fhir.c).
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "claim/claim.h"
#include "claim/fhir.h"

static const char *const coverage_types[] = {"Coverage", NULL};
static const char *const patient_types[] = {"Patient", NULL};
static const char *const payer_types[] = {"Organization", NULL};
static const char *const subscriber_types[] = {"Patient", "RelatedPerson", NULL};

/* ----- patient, subscriber, coverage ----- */

/* A person's name to bill under: use official, else usual, else the first. */
static JsonbContainer *
preferred_name(JsonbContainer *person)
{
	JsonbContainer *names = fhir_get_container(person, "name");
	JsonbContainer *usual = NULL;
	int			i;

	for (i = 0; i < fhir_list_size(names); i++)
	{
		JsonbContainer *name = fhir_list_item(names, i);
		ClaimStr	use;

		if (name == NULL || !fhir_get_string(name, "use", &use))
			continue;
		if (claim_str_eq(use, "official"))
			return name;
		if (usual == NULL && claim_str_eq(use, "usual"))
			usual = name;
	}
	return usual != NULL ? usual : fhir_list_item(names, 0);
}

/* A name part: a string, or the first of a list of them (given; family in DSTU2). */
static void
set_name_part(Claim *claim, ClaimFieldId id, JsonbContainer *name, const char *key)
{
	JsonbValue	v;
	RawValue	raw;

	if (!fhir_get_value(name, key, &v))
		return;
	if (v.type == jbvBinary && JsonContainerIsArray(v.val.binary.data))
	{
		JsonbValue *first = fhir_array_size(v.val.binary.data) > 0
			? getIthJsonbValueFromContainer(v.val.binary.data, 0) : NULL;

		if (first == NULL)
		{
			fhir_set_missing(claim, id);
			return;
		}
		v = *first;
	}
	raw_from_jsonb_value(&v, &raw);
	claim_set_field(claim, id, &raw);
}

static void
set_person_name(Claim *claim, JsonbContainer *person, ClaimFieldId last, ClaimFieldId first)
{
	JsonbContainer *name = preferred_name(person);

	if (name == NULL)
		return;
	set_name_part(claim, last, name, "family");
	set_name_part(claim, first, name, "given");
}

bool
fhir_read_patient(Claim *claim, FhirDoc *doc, FhirRes *patient)
{
	ClaimStr	gender;

	if (!fhir_resolve(doc, &doc->at_claim, fhir_get_container(doc->claim, "patient"),
				 patient_types, patient))
		return false;
	set_person_name(claim, patient->res, CF_PATIENT_LAST_NAME, CF_PATIENT_FIRST_NAME);
	fhir_set_from_value(claim, CF_PATIENT_BIRTH_DATE, patient->res, "birthDate");
	if (fhir_get_string(patient->res, "gender", &gender))
		fhir_set_from_str(claim, CF_PATIENT_SEX,
					 claim_str(claim_str_eq(gender, "male") ? "M"
							   : claim_str_eq(gender, "female") ? "F"
							   : claim_str_eq(gender, "unknown") || claim_str_eq(gender, "other") ? "U"
							   : claim_str_cstring(gender)));
	return true;
}

/* The insurance the claim is for: the one marked focal, else the first. */
static JsonbContainer *
focal_insurance(JsonbContainer *claim_obj)
{
	JsonbContainer *insurance = fhir_get_container(claim_obj, "insurance");
	int			i;

	for (i = 0; i < fhir_list_size(insurance); i++)
	{
		JsonbValue	focal;

		if (fhir_get_value(fhir_list_item(insurance, i), "focal", &focal) && focal.type == jbvBool && focal.val.boolean)
			return fhir_list_item(insurance, i);
	}
	return fhir_list_item(insurance, 0);
}

static const char *const x12_relationships[] = {"18", "01", "19", "20", "21", "39", "40", "53", "G8"};

/* HL7 subscriber-relationship codes as the 837's individual relationship codes */
static const struct
{
	const char *hl7;
	const char *x12;
}			hl7_relationships[] = {
	{"self", "18"}, {"spouse", "01"}, {"child", "19"}, {"common", "53"},
	{"parent", "G8"}, {"other", "G8"}, {"injured", "G8"}
};

/* Coverage.relationship as an 837 code: an X12 coding wins, an HL7 code is mapped, another is passed on. */
static bool
relationship_code(JsonbContainer *concept, ClaimStr *out)
{
	JsonbContainer *codings = fhir_get_container(concept, "coding");
	ClaimStr	code;
	int			i;
	int			j;

	for (i = 0; i < fhir_list_size(codings); i++)
		if (fhir_get_string(fhir_list_item(codings, i), "code", &code))
			for (j = 0; j < (int) lengthof(x12_relationships); j++)
				if (fhir_str_ieq(code, x12_relationships[j]))
				{
					*out = code;
					return true;
				}
	for (i = 0; i < fhir_list_size(codings); i++)
		if (fhir_get_string(fhir_list_item(codings, i), "code", &code))
			for (j = 0; j < (int) lengthof(hl7_relationships); j++)
				if (claim_str_eq(code, hl7_relationships[j].hl7))
				{
					*out = claim_str(hl7_relationships[j].x12);
					return true;
				}
	return fhir_concept_code(concept, NULL, out);
}

/* Coverage.subscriberId: a string in R4 (an Identifier, or a list of them, in R5). */
static bool
subscriber_id(JsonbContainer *coverage, ClaimStr *out)
{
	JsonbValue	v;

	if (!fhir_get_value(coverage, "subscriberId", &v))
		return false;
	if (v.type == jbvString)
	{
		*out = fhir_json_text(&v);
		return true;
	}
	return v.type == jbvBinary && fhir_identifier_value(v.val.binary.data, fhir_any_identifier, out);
}

/* Keeps the first non-empty of candidate values tried in turn, else the first empty one. */
typedef struct Pick
{
	bool		found;
	ClaimStr	s;
} Pick;

static void
pick(Pick *p, ClaimStr s)
{
	if (!p->found || (p->s.len == 0 && s.len > 0))
		p->s = s;
	p->found = true;
}

static bool
picked(const Pick *p)
{
	return p->found && p->s.len > 0;
}

static void
read_member_id(Claim *claim, const FhirRes *coverage, JsonbContainer *ref)
{
	Pick		p = {false, {"", 0}};
	ClaimStr	s;

	if (subscriber_id(coverage->res, &s))
		pick(&p, s);
	if (!picked(&p) && fhir_resource_identifier(coverage->res, fhir_identifier_is_member_id, &s))
		pick(&p, s);
	if (!picked(&p) && fhir_resource_identifier(coverage->res, fhir_any_identifier, &s))
		pick(&p, s);
	if (!picked(&p) && fhir_get_string(fhir_get_container(ref, "identifier"), "value", &s))
		pick(&p, s);
	if (p.found)
		fhir_set_from_str(claim, CF_MEMBER_ID, p.s);
}

static void
read_payer(Claim *claim, FhirDoc *doc, JsonbContainer *insurer, const FhirRes *from)
{
	FhirRes		payer;
	ClaimStr	s;

	if (insurer == NULL)
		return;
	if (fhir_resolve(doc, from, insurer, payer_types, &payer) &&
		(fhir_resource_identifier(payer.res, fhir_identifier_is_payer_id, &s) ||
		 fhir_resource_identifier(payer.res, fhir_any_identifier, &s)) && s.len > 0)
		fhir_set_from_str(claim, CF_PAYER_ID, s);
	else if (fhir_get_string(fhir_get_container(insurer, "identifier"), "value", &s) ||
			 fhir_reference_logical_id(&payer, insurer, &s))
		fhir_set_from_str(claim, CF_PAYER_ID, s);
}

void
fhir_read_insurance(Claim *claim, FhirDoc *doc, const FhirRes *patient)
{
	JsonbContainer *insurance = focal_insurance(doc->claim);
	JsonbContainer *coverage_ref = fhir_get_container(insurance, "coverage");
	JsonbContainer *preauth = fhir_get_container(insurance, "preAuthRef");
	JsonbContainer *insurer = fhir_get_container(doc->claim, "insurer");
	FhirRes		coverage = {NULL, NULL};
	FhirRes		subscriber;
	ClaimStr	s;
	bool		self = false;
	JsonbValue *first;

	(void) fhir_resolve(doc, &doc->at_claim, coverage_ref, coverage_types, &coverage);
	/* no insurer: the Coverage names the payer */
	if (insurer != NULL)
		read_payer(claim, doc, insurer, &doc->at_claim);
	else if (coverage.res != NULL)
		read_payer(claim, doc, fhir_list_item(fhir_get_container(coverage.res, "payor"), 0), &coverage);
	if (insurance == NULL)
		return;
	read_member_id(claim, &coverage, coverage_ref);
	if (fhir_array_size(preauth) > 0 && (first = getIthJsonbValueFromContainer(preauth, 0)) != NULL &&
		first->type == jbvString)
		fhir_set_from_str(claim, CF_PRIOR_AUTH, fhir_json_text(first));
	if (coverage.res == NULL)
		return;
	if (relationship_code(fhir_get_container(coverage.res, "relationship"), &s))
	{
		fhir_set_from_str(claim, CF_PATIENT_RELATIONSHIP, s);
		self = claim_str_eq(s, "18");
	}
	/* the subscriber is the patient when the relationship is self and no one else is named */
	if (fhir_resolve(doc, &coverage, fhir_get_container(coverage.res, "subscriber"), subscriber_types, &subscriber))
		set_person_name(claim, subscriber.res, CF_SUBSCRIBER_LAST_NAME, CF_SUBSCRIBER_FIRST_NAME);
	else if (self && patient->res != NULL)
		set_person_name(claim, patient->res, CF_SUBSCRIBER_LAST_NAME, CF_SUBSCRIBER_FIRST_NAME);
}
