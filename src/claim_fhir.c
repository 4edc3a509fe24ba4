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

#include "claim.h"
#include "code_type.h"

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

#define NPI_SYSTEM "http://hl7.org/fhir/sid/us-npi"
#define NDC_SYSTEM "http://hl7.org/fhir/sid/ndc"
#define DATA_ABSENT_SYSTEM "http://terminology.hl7.org/CodeSystem/data-absent-reason"
#define TAX_ID_SYSTEM "urn:oid:2.16.840.1.113883.4.4"
#define SSN_SYSTEM "urn:oid:2.16.840.1.113883.4.1"
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
static const char *const patient_types[] = {"Patient", NULL};
static const char *const subscriber_types[] = {"Patient", "RelatedPerson", NULL};
static const char *const coverage_types[] = {"Coverage", NULL};
static const char *const payer_types[] = {"Organization", NULL};
static const char *const practitioner_types[] = {"Practitioner", NULL};
static const char *const role_types[] = {"PractitionerRole", NULL};
static const char *const claim_types[] = {"Claim", NULL};
static const char *const organization_types[] = {"Organization", NULL};
static const char *const location_types[] = {"Location", NULL};

/* ----- navigating jsonb ----- */

static bool
get_value(JsonbContainer *object, const char *key, JsonbValue *out)
{
	if (object == NULL || !JsonContainerIsObject(object))
		return false;
	return getKeyJsonValueFromContainer(object, key, strlen(key), out) != NULL;
}

static JsonbContainer *
get_container(JsonbContainer *object, const char *key)
{
	JsonbValue	v;

	if (!get_value(object, key, &v) || v.type != jbvBinary)
		return NULL;
	return v.val.binary.data;
}

static int
array_size(JsonbContainer *array)
{
	return array != NULL && JsonContainerIsArray(array) ? (int) JsonContainerSize(array) : 0;
}

static JsonbContainer *
array_object(JsonbContainer *array, int i)
{
	JsonbValue *v;

	if (i >= array_size(array))
		return NULL;
	v = getIthJsonbValueFromContainer(array, i);
	return v != NULL && v->type == jbvBinary ? v->val.binary.data : NULL;
}

/*
 * Elements that hold a list (identifier, name, address, coding, ...) are
 * read as a list whether they are an array or, as writers sometimes send
 * them, a single object.  Items that are not objects are NULL.
 */
static int
list_size(JsonbContainer *list)
{
	if (list == NULL)
		return 0;
	return JsonContainerIsArray(list) ? (int) JsonContainerSize(list) : 1;
}

static JsonbContainer *
list_item(JsonbContainer *list, int i)
{
	JsonbContainer *item;

	if (list == NULL)
		return NULL;
	if (!JsonContainerIsArray(list))
		return i == 0 && JsonContainerIsObject(list) ? list : NULL;
	item = array_object(list, i);
	return item != NULL && JsonContainerIsObject(item) ? item : NULL;
}

static bool
get_string(JsonbContainer *object, const char *key, ClaimStr *out)
{
	JsonbValue	v;

	if (!get_value(object, key, &v) || v.type != jbvString)
		return false;
	out->s = v.val.string.val;
	out->len = v.val.string.len;
	return true;
}

static bool
str_eq(ClaimStr a, ClaimStr b)
{
	return a.len == b.len && memcmp(a.s, b.s, a.len) == 0;
}

static bool
str_ieq(ClaimStr s, const char *literal)
{
	int			len = strlen(literal);

	return s.len == len && pg_strncasecmp(s.s, literal, len) == 0;
}

static bool
str_ends_with(ClaimStr s, ClaimStr suffix)
{
	return s.len >= suffix.len && memcmp(s.s + s.len - suffix.len, suffix.s, suffix.len) == 0;
}

static bool
all_digits(ClaimStr s, int len)
{
	int			i;

	if (s.len != len)
		return false;
	for (i = 0; i < len; i++)
		if (!code_is_digit(s.s[i]))
			return false;
	return true;
}

/*
 * A jsonb number (or text, as elsewhere in the claim) that is a whole number
 * in int range (not 1.7, not 1e20): no rounding, no error.
 */
static bool
json_int(const JsonbValue *v, int *out)
{
	bool		error = false;

	if (v != NULL && v->type == jbvString)
	{
		char	   *str = pnstrdup(v->val.string.val, v->val.string.len);
		char	   *end;
		long		n;

		errno = 0;
		n = strtol(str, &end, 10);
		*out = (int) n;
		return end != str && *end == '\0' && errno == 0 && n >= PG_INT32_MIN && n <= PG_INT32_MAX;
	}
	if (v == NULL || v->type != jbvNumeric)
		return false;
	*out = numeric_int4_opt_error(v->val.numeric, &error);
	return !error && DatumGetBool(DirectFunctionCall2(numeric_eq, NumericGetDatum(v->val.numeric),
													  NumericGetDatum(int64_to_numeric(*out))));
}

/* The text of a jsonb scalar, for messages. */
static ClaimStr
json_text(const JsonbValue *v)
{
	if (v->type == jbvString)
		return (ClaimStr) {v->val.string.val, v->val.string.len};
	if (v->type == jbvNumeric)
		return claim_str(DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v->val.numeric))));
	return claim_str("");
}

/* Hand a scalar element over to a claim field (strings, numbers, null alike). */
static void
set_from_value(Claim *claim, ClaimFieldId id, JsonbContainer *object, const char *key)
{
	JsonbValue	v;
	RawValue	raw;

	if (!get_value(object, key, &v))
		return;
	raw_from_jsonb_value(&v, &raw);
	claim_set_field(claim, id, &raw);
}

static void
set_from_str(Claim *claim, ClaimFieldId id, ClaimStr s)
{
	RawValue	raw = {0};

	raw.kind = RAW_TEXT;
	raw.text = s;
	claim_set_field(claim, id, &raw);
}

/* A field the claim gives but whose value could not be found: present, empty. */
static void
set_missing(Claim *claim, ClaimFieldId id)
{
	set_from_str(claim, id, claim_str(""));
}

static void
set_line_from_str(Claim *claim, ClaimLine *line, LineFieldId id, ClaimStr s)
{
	RawValue	raw = {0};

	raw.kind = RAW_TEXT;
	raw.text = s;
	claim_set_line_field(claim, line, id, &raw);
}

/*
 * The code of a CodeableConcept's first coding, or of the first with the
 * given system (compared exactly, or, for a prefix, case-insensitively from
 * the start: web addresses are spelt many ways).
 */
static bool
concept_code_where(JsonbContainer *concept, const char *system, bool prefix, ClaimStr *code)
{
	JsonbContainer *codings = get_container(concept, "coding");
	int			i;

	for (i = 0; i < list_size(codings); i++)
	{
		JsonbContainer *coding = list_item(codings, i);
		ClaimStr	sys;

		if (system != NULL)
		{
			if (!get_string(coding, "system", &sys))
				continue;
			if (prefix ? !(sys.len >= (int) strlen(system) && pg_strncasecmp(sys.s, system, strlen(system)) == 0)
				: !claim_str_eq(sys, system))
				continue;
		}
		if (get_string(coding, "code", code))
			return true;
	}
	return false;
}

static bool
concept_code(JsonbContainer *concept, const char *system, ClaimStr *code)
{
	return concept_code_where(concept, system, false, code);
}

/*
 * item.productOrService's procedure code: its first coding that is neither an
 * NDC nor a data-absent-reason (institutional room lines say "not-applicable").
 */
static bool
procedure_code(JsonbContainer *concept, ClaimStr *code)
{
	JsonbContainer *codings = get_container(concept, "coding");
	int			i;

	for (i = 0; i < list_size(codings); i++)
	{
		JsonbContainer *coding = list_item(codings, i);
		ClaimStr	sys;

		if (get_string(coding, "system", &sys) &&
			(claim_str_eq(sys, NDC_SYSTEM) || claim_str_eq(sys, DATA_ABSENT_SYSTEM)))
			continue;
		if (get_string(coding, "code", code))
			return true;
	}
	return false;
}

/* Does any coding of a CodeableConcept (or of a list of them) have this code, whatever its system? */
static bool
concept_has_code(JsonbContainer *concepts, const char *code, bool ignore_case)
{
	int			c;

	for (c = 0; c < list_size(concepts); c++)
	{
		JsonbContainer *codings = get_container(list_item(concepts, c), "coding");
		int			i;

		for (i = 0; i < list_size(codings); i++)
		{
			ClaimStr	s;

			if (get_string(list_item(codings, i), "code", &s) &&
				(ignore_case ? str_ieq(s, code) : claim_str_eq(s, code)))
				return true;
		}
	}
	return false;
}

/* The first element of a list whose CodeableConcept under key has code (case sensitive). */
static JsonbContainer *
first_element_coded(JsonbContainer *list, const char *key, const char *code)
{
	int			i;

	for (i = 0; i < list_size(list); i++)
	{
		JsonbContainer *element = list_item(list, i);

		if (concept_has_code(get_container(element, key), code, false))
			return element;
	}
	return NULL;
}

/* The code of a coding of the given system in a list of CodeableConcepts. */
static bool
concepts_code(JsonbContainer *concepts, const char *system, ClaimStr *code)
{
	int			i;

	for (i = 0; i < list_size(concepts); i++)
		if (concept_code(list_item(concepts, i), system, code))
			return true;
	return false;
}

static void
report_unknown_elements(Claim *claim, JsonbContainer *object, const char *const *known, int nknown,
						int line_no, const char *prefix)
{
	JsonbIterator *it = JsonbIteratorInit(object);
	JsonbValue	key;
	JsonbIteratorToken tok;

	while ((tok = JsonbIteratorNext(&it, &key, true)) != WJB_DONE)
	{
		int			i;
		bool		found = false;
		const char *closest = NULL;
		int			best = 3;

		if (tok != WJB_KEY)
			continue;
		for (i = 0; i < nknown && !found; i++)
		{
			int			len = strlen(known[i]);
			int			d;

			if (len == key.val.string.len && memcmp(known[i], key.val.string.val, len) == 0)
				found = true;
			else if ((d = varstr_levenshtein(key.val.string.val, key.val.string.len, known[i], len,
											 1, 1, 1, true)) < best)
			{
				best = d;
				closest = known[i];
			}
		}
		if (!found)
			claim_report_unknown(claim, line_no,
								 psprintf("%s%.*s", prefix, key.val.string.len, key.val.string.val),
								 closest != NULL ? psprintf("%s%s", prefix, closest) : NULL);
	}
}

/* ----- the document: the Claim, and the Bundle it came in ----- */

/*
 * A resource, and the resource whose contained[] its local references
 * ("#id") point into: the Claim for the Claim and what it contains, a Bundle
 * entry's resource for that entry and what it contains.
 */
typedef struct FhirRes
{
	JsonbContainer *res;
	JsonbContainer *host;
} FhirRes;

typedef struct BundleEntry
{
	ClaimStr	full_url;		/* empty when the entry has none */
	ClaimStr	type;			/* resource.resourceType */
	ClaimStr	id;				/* resource.id */
	JsonbContainer *resource;
} BundleEntry;

typedef struct FhirDoc
{
	JsonbContainer *claim;
	JsonbContainer *bundle_entries; /* Bundle.entry, or NULL for a Claim alone */
	BundleEntry *entries;		/* the entries that hold a resource, indexed on first use */
	int			nentries;
	bool		indexed;
	FhirRes		at_claim;		/* where the Claim's own references are resolved */
} FhirDoc;

static void
index_entries(FhirDoc *doc)
{
	int			n = array_size(doc->bundle_entries);
	int			i;

	doc->indexed = true;
	doc->entries = palloc0(Max(n, 1) * sizeof(BundleEntry));
	for (i = 0; i < n; i++)
	{
		JsonbContainer *entry = array_object(doc->bundle_entries, i);
		BundleEntry *e = &doc->entries[doc->nentries];

		e->resource = get_container(entry, "resource");
		if (e->resource == NULL || !JsonContainerIsObject(e->resource))
			continue;
		if (!get_string(entry, "fullUrl", &e->full_url))
			e->full_url = claim_str("");
		if (!get_string(e->resource, "resourceType", &e->type))
			e->type = claim_str("");
		if (!get_string(e->resource, "id", &e->id))
			e->id = claim_str("");
		doc->nentries++;
	}
}

/* s without a trailing "/_history/<version>" */
static ClaimStr
without_history(ClaimStr s)
{
	int			i;

	for (i = s.len - 10; i >= 0; i--)
		if (memcmp(s.s + i, "/_history/", 10) == 0)
		{
			s.len = i;
			break;
		}
	return s;
}

/* The last two segments of a reference, "Type/id" (of a relative or an absolute one). */
static bool
type_and_id(ClaimStr r, ClaimStr *type, ClaimStr *id)
{
	int			slash;
	int			start;

	r = without_history(r);
	for (slash = r.len - 1; slash >= 0 && r.s[slash] != '/'; slash--)
		;
	if (slash <= 0 || slash == r.len - 1)
		return false;
	for (start = slash - 1; start >= 0 && r.s[start] != '/'; start--)
		;
	start++;
	type->s = r.s + start;
	type->len = slash - start;
	id->s = r.s + slash + 1;
	id->len = r.len - slash - 1;
	return type->len > 0;
}

static bool
is_absolute(ClaimStr r)
{
	int			i;

	/* a scheme: letters, then ':' (http://..., urn:uuid:..., urn:oid:...) */
	for (i = 0; i < r.len && r.s[i] != '/' && r.s[i] != '?' && r.s[i] != '#'; i++)
		if (r.s[i] == ':')
			return true;
	return false;
}

static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A URL's query with its %XX escapes decoded ("%7C" is the "|" of system|value). */
static ClaimStr
url_decoded(ClaimStr s)
{
	char	   *buf;
	int			n = 0;
	int			i;

	if (memchr(s.s, '%', s.len) == NULL)
		return s;
	buf = palloc(s.len + 1);
	for (i = 0; i < s.len; i++)
	{
		if (s.s[i] == '%' && i + 2 < s.len && hex_digit(s.s[i + 1]) >= 0 && hex_digit(s.s[i + 2]) >= 0)
		{
			buf[n++] = (char) (hex_digit(s.s[i + 1]) * 16 + hex_digit(s.s[i + 2]));
			i += 2;
		}
		else
			buf[n++] = s.s[i];
	}
	buf[n] = '\0';
	return (ClaimStr) {buf, n};
}

/*
 * The identifier a conditional reference searches by:
 * "Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|1234567893" gives
 * type Practitioner, system http://hl7.org/fhir/sid/us-npi and value
 * 1234567893 (the system is empty when the search names none).
 */
static bool
conditional_identifier(ClaimStr r, ClaimStr *type, ClaimStr *system, ClaimStr *value)
{
	const char *q = memchr(r.s, '?', r.len);
	ClaimStr	query;
	int			i = 0;

	if (q == NULL)
		return false;
	type->s = r.s;
	type->len = q - r.s;
	/* an absolute search URL: the type is its last segment */
	for (i = type->len - 1; i >= 0 && type->s[i] != '/'; i--)
		;
	type->s += i + 1;
	type->len -= i + 1;
	query = url_decoded((ClaimStr) {q + 1, r.len - (int) (q - r.s) - 1});
	i = 0;
	while (i < query.len)
	{
		int			start = i;
		int			bar;

		while (i < query.len && query.s[i] != '&')
			i++;
		if (i - start > 11 && memcmp(query.s + start, "identifier=", 11) == 0)
		{
			ClaimStr	v = {query.s + start + 11, i - start - 11};

			for (bar = 0; bar < v.len && v.s[bar] != '|'; bar++)
				;
			if (bar < v.len)
			{
				*system = (ClaimStr) {v.s, bar};
				*value = (ClaimStr) {v.s + bar + 1, v.len - bar - 1};
			}
			else
			{
				*system = claim_str("");
				*value = v;
			}
			return value->len > 0;
		}
		i++;
	}
	return false;
}

/* Does a resource carry an identifier of this system (any system when empty) and value? */
static bool
has_identifier(JsonbContainer *res, ClaimStr system, ClaimStr value)
{
	JsonbContainer *ids = get_container(res, "identifier");
	int			i;

	for (i = 0; i < list_size(ids); i++)
	{
		JsonbContainer *ident = list_item(ids, i);
		ClaimStr	sys;
		ClaimStr	v;

		if (!get_string(ident, "value", &v) || !str_eq(v, value))
			continue;
		if (system.len == 0 || (get_string(ident, "system", &sys) && str_eq(sys, system)))
			return true;
	}
	return false;
}

/* The Bundle entry a (non-local) reference names. */
static JsonbContainer *
bundle_resource(FhirDoc *doc, ClaimStr r)
{
	ClaimStr	type;
	ClaimStr	id;
	ClaimStr	system;
	ClaimStr	value;
	ClaimStr	plain;
	int			i;

	if (doc->bundle_entries == NULL)
		return NULL;
	if (!doc->indexed)
		index_entries(doc);
	plain = without_history(r);
	for (i = 0; i < doc->nentries; i++)
		if (doc->entries[i].full_url.len > 0 &&
			(str_eq(doc->entries[i].full_url, r) || str_eq(doc->entries[i].full_url, plain)))
			return doc->entries[i].resource;
	if (conditional_identifier(r, &type, &system, &value))
	{
		for (i = 0; i < doc->nentries; i++)
			if (str_eq(doc->entries[i].type, type) && has_identifier(doc->entries[i].resource, system, value))
				return doc->entries[i].resource;
		return NULL;
	}
	/* an absolute reference (urn:uuid:..., http://...) is the entry of that fullUrl, or none */
	if (is_absolute(r) || !type_and_id(r, &type, &id))
		return NULL;
	for (i = 0; i < doc->nentries; i++)
	{
		BundleEntry *e = &doc->entries[i];
		ClaimStr	tail = {type.s, (int) (id.s + id.len - type.s)};

		if ((str_eq(e->type, type) && str_eq(e->id, id)) ||
			(e->full_url.len > tail.len && str_ends_with(e->full_url, tail) &&
			 e->full_url.s[e->full_url.len - tail.len - 1] == '/'))
			return e->resource;
	}
	return NULL;
}

static bool
of_type(JsonbContainer *res, const char *const *types)
{
	ClaimStr	rt;
	int			i;

	if (res == NULL || !get_string(res, "resourceType", &rt))
		return false;
	for (i = 0; types[i] != NULL; i++)
		if (claim_str_eq(rt, types[i]))
			return true;
	return false;
}

/*
 * The resource a Reference (ref, an element of the resource from) names,
 * when it is one of types: contained ("#id") or in the Bundle.
 */
static bool
resolve(FhirDoc *doc, const FhirRes *from, JsonbContainer *ref, const char *const *types, FhirRes *out)
{
	ClaimStr	r;

	out->res = NULL;
	out->host = NULL;
	if (!get_string(ref, "reference", &r) || r.len == 0)
		return false;
	if (r.s[0] == '#')
	{
		JsonbContainer *contained = get_container(from->host, "contained");
		int			i;

		for (i = 0; i < list_size(contained); i++)
		{
			JsonbContainer *res = list_item(contained, i);
			ClaimStr	id;

			if (get_string(res, "id", &id) && id.len == r.len - 1 && memcmp(id.s, r.s + 1, id.len) == 0)
			{
				out->res = res;
				out->host = from->host;
				break;
			}
		}
	}
	else if ((out->res = bundle_resource(doc, r)) != NULL)
		out->host = out->res;
	if (out->res != NULL && !of_type(out->res, types))
	{
		out->res = NULL;
		out->host = NULL;
	}
	return out->res != NULL;
}

/* The logical id a reference names: the resolved resource's id, else the reference's last segment. */
static bool
reference_logical_id(const FhirRes *resolved, JsonbContainer *ref, ClaimStr *out)
{
	ClaimStr	r;
	ClaimStr	type;
	ClaimStr	system;
	int			i;

	if (resolved != NULL && resolved->res != NULL && get_string(resolved->res, "id", out) && out->len > 0)
		return true;
	if (!get_string(ref, "reference", &r))
		return false;
	if (conditional_identifier(r, &type, &system, out))
		return true;
	r = without_history(r);
	for (i = r.len - 1; i >= 0 && r.s[i] != '/' && r.s[i] != '#' && r.s[i] != ':'; i--)
		;
	out->s = r.s + i + 1;
	out->len = r.len - i - 1;
	return out->len > 0;
}

/* ----- identifiers ----- */

typedef bool (*IdentifierTest) (JsonbContainer *identifier);

static bool
identifier_is_npi(JsonbContainer *ident)
{
	ClaimStr	sys;

	if (get_string(ident, "system", &sys) && sys.len > 0)
		return claim_str_eq(sys, NPI_SYSTEM);
	/* no system: the type says (v2-0203 NPI, CARIN's npi) */
	return concept_has_code(get_container(ident, "type"), "NPI", true);
}

static bool
identifier_is_tax_id(JsonbContainer *ident)
{
	ClaimStr	sys;

	return (get_string(ident, "system", &sys) && claim_str_eq(sys, TAX_ID_SYSTEM)) ||
		concept_has_code(get_container(ident, "type"), "TAX", false);
}

/* an individual billing under a social security number (837 REF*SY) */
static bool
identifier_is_ssn(JsonbContainer *ident)
{
	ClaimStr	sys;

	return (get_string(ident, "system", &sys) && claim_str_eq(sys, SSN_SYSTEM)) ||
		concept_has_code(get_container(ident, "type"), "SS", false);
}

static bool
identifier_is_member_id(JsonbContainer *ident)
{
	return concept_has_code(get_container(ident, "type"), "MB", false);
}

static bool
identifier_is_payer_id(JsonbContainer *ident)
{
	return concept_has_code(get_container(ident, "type"), "payerid", true);
}

static bool
any_identifier(JsonbContainer *ident)
{
	return true;
}

/*
 * The value of the first identifier (an Identifier, or a list of them) that
 * passes test and has a value; an empty value only when no other has one.
 */
static bool
identifier_value(JsonbContainer *ids, IdentifierTest test, ClaimStr *out)
{
	bool		found = false;
	int			i;

	for (i = 0; i < list_size(ids); i++)
	{
		JsonbContainer *ident = list_item(ids, i);
		ClaimStr	v;

		if (ident == NULL || !get_string(ident, "value", &v) || !test(ident))
			continue;
		if (v.len > 0)
		{
			*out = v;
			return true;
		}
		if (!found)
			*out = v;
		found = true;
	}
	return found;
}

static bool
resource_identifier(JsonbContainer *res, IdentifierTest test, ClaimStr *out)
{
	return identifier_value(get_container(res, "identifier"), test, out);
}

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
	if (!resolve(doc, from, ref, provider_types, &r))
		return;
	p->res[p->nres++] = r;
	if (!of_type(r.res, role_types))
		return;
	p->role = r.res;
	if (resolve(doc, &r, get_container(r.res, "practitioner"), practitioner_types, &p->res[p->nres]))
		p->nres++;
	if (resolve(doc, &r, get_container(r.res, "organization"), organization_types, &p->res[p->nres]))
		p->nres++;
}

static bool
provider_npi(const Provider *p, ClaimStr *npi)
{
	ClaimStr	r;
	ClaimStr	type;
	ClaimStr	system;
	int			i;

	if (identifier_value(get_container(p->ref, "identifier"), identifier_is_npi, npi) && npi->len > 0)
		return true;
	if (get_string(p->ref, "reference", &r) && conditional_identifier(r, &type, &system, npi) &&
		claim_str_eq(system, NPI_SYSTEM))
		return true;
	for (i = 0; i < p->nres; i++)
		if (resource_identifier(p->res[i].res, identifier_is_npi, npi) && npi->len > 0)
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
	if (get_string(p->ref, "reference", &a) && get_string(ref, "reference", &b) && a.len > 0 && str_eq(a, b))
		return true;
	return provider_npi(p, &a) && provider_npi(&other, &b) && str_eq(a, b);
}

/* The address to bill from: use billing, else work, else the first that is not old. */
static JsonbContainer *
billing_address(JsonbContainer *res)
{
	JsonbContainer *addresses = get_container(res, "address");
	JsonbContainer *work = NULL;
	JsonbContainer *current = NULL;
	int			i;

	for (i = 0; i < list_size(addresses); i++)
	{
		JsonbContainer *a = list_item(addresses, i);
		ClaimStr	use = {"", 0};

		if (a == NULL)
			continue;
		(void) get_string(a, "use", &use);
		if (claim_str_eq(use, "billing"))
			return a;
		if (work == NULL && claim_str_eq(use, "work"))
			work = a;
		if (current == NULL && !claim_str_eq(use, "old"))
			current = a;
	}
	return work != NULL ? work : current != NULL ? current : list_item(addresses, 0);
}

/* address.line: the first line, or the first two joined by a space (the 837's N301 holds one text here). */
static void
set_address_line(Claim *claim, JsonbContainer *address)
{
	JsonbValue	v;
	RawValue	raw;

	if (!get_value(address, "line", &v))
		return;
	if (v.type == jbvBinary && JsonContainerIsArray(v.val.binary.data))
	{
		JsonbContainer *lines = v.val.binary.data;
		JsonbValue *first = array_size(lines) > 0 ? getIthJsonbValueFromContainer(lines, 0) : NULL;
		JsonbValue *second = array_size(lines) > 1 ? getIthJsonbValueFromContainer(lines, 1) : NULL;
		ClaimStr	a = first != NULL ? json_text(first) : claim_str("");
		ClaimStr	b = second != NULL ? json_text(second) : claim_str("");

		if (a.len > 0 && b.len > 0)
			set_from_str(claim, CF_BILLING_ADDRESS, claim_str(psprintf("%.*s %.*s", a.len, a.s, b.len, b.s)));
		else
			set_from_str(claim, CF_BILLING_ADDRESS, a.len > 0 ? a : b);
		return;
	}
	raw_from_jsonb_value(&v, &raw);
	claim_set_field(claim, CF_BILLING_ADDRESS, &raw);
}

/* A NUCC taxonomy code in an element's qualification[].code. */
static bool
qualification_taxonomy(JsonbContainer *holder, ClaimStr *code)
{
	JsonbContainer *quals = get_container(holder, "qualification");
	int			i;

	for (i = 0; i < list_size(quals); i++)
	{
		JsonbContainer *q = list_item(quals, i);

		/* careTeam.qualification is a CodeableConcept; Practitioner.qualification has one in code */
		if (concept_code(q, NUCC_SYSTEM, code) || concept_code(get_container(q, "code"), NUCC_SYSTEM, code))
			return true;
	}
	return false;
}

static bool
billing_taxonomy(FhirDoc *doc, const Provider *p, ClaimStr *code)
{
	JsonbContainer *team = get_container(doc->claim, "careTeam");
	int			i;

	for (i = 0; i < list_size(team); i++)
	{
		JsonbContainer *member = list_item(team, i);

		if (concept_code(get_container(member, "qualification"), NUCC_SYSTEM, code) &&
			same_provider(doc, p, get_container(member, "provider")))
			return true;
	}
	if (p->role != NULL && (concepts_code(get_container(p->role, "specialty"), NUCC_SYSTEM, code) ||
							concepts_code(get_container(p->role, "code"), NUCC_SYSTEM, code)))
		return true;
	for (i = 0; i < p->nres; i++)
		if (qualification_taxonomy(p->res[i].res, code))
			return true;
	return false;
}

static void
read_billing_provider(Claim *claim, FhirDoc *doc)
{
	JsonbContainer *ref = get_container(doc->claim, "provider");
	Provider	p;
	ClaimStr	s;
	int			i;

	if (ref == NULL)
		return;
	provider_resolve(doc, &doc->at_claim, ref, &p);
	if (provider_npi(&p, &s))
		set_from_str(claim, CF_BILLING_NPI, s);
	else
		set_missing(claim, CF_BILLING_NPI);

	for (i = 0; i < p.nres; i++)
		if (resource_identifier(p.res[i].res, identifier_is_tax_id, &s))
			break;
	if (i == p.nres)
		for (i = 0; i < p.nres; i++)
			if (resource_identifier(p.res[i].res, identifier_is_ssn, &s))
				break;
	if (i < p.nres)
		set_from_str(claim, CF_BILLING_TAX_ID, s);

	for (i = 0; i < p.nres; i++)
	{
		JsonbContainer *address = billing_address(p.res[i].res);

		if (address != NULL)
		{
			set_address_line(claim, address);
			set_from_value(claim, CF_BILLING_CITY, address, "city");
			set_from_value(claim, CF_BILLING_STATE, address, "state");
			set_from_value(claim, CF_BILLING_ZIP, address, "postalCode");
			break;
		}
	}
	if (billing_taxonomy(doc, &p, &s))
		set_from_str(claim, CF_BILLING_TAXONOMY, s);
}

/* ----- the care team ----- */

/* The first care team member with the given role (any coding of role). */
static JsonbContainer *
care_team_member(JsonbContainer *claim_obj, const char *role)
{
	return first_element_coded(get_container(claim_obj, "careTeam"), "role", role);
}

static JsonbContainer *
care_team_sequence(JsonbContainer *claim_obj, int seq)
{
	JsonbContainer *team = get_container(claim_obj, "careTeam");
	int			i;

	for (i = 0; i < list_size(team); i++)
	{
		JsonbContainer *member = list_item(team, i);
		JsonbValue	s;
		int			n;

		if (get_value(member, "sequence", &s) && json_int(&s, &n) && n == seq)
			return member;
	}
	return NULL;
}

static bool
member_npi(FhirDoc *doc, JsonbContainer *member, ClaimStr *npi)
{
	Provider	p;
	JsonbContainer *ref = get_container(member, "provider");

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
		set_from_str(claim, id, npi);
	else
		set_missing(claim, id);
}

static void
read_care_team(Claim *claim, FhirDoc *doc)
{
	JsonbContainer *rendering = care_team_member(doc->claim, "rendering");

	set_member_npi(claim, doc, CF_RENDERING_NPI, rendering != NULL ? rendering : care_team_member(doc->claim, "primary"));
	set_member_npi(claim, doc, CF_REFERRING_NPI, care_team_member(doc->claim, "referring"));
	set_member_npi(claim, doc, CF_ATTENDING_NPI, care_team_member(doc->claim, "attending"));
}

/* ----- patient, subscriber, coverage ----- */

/* A person's name to bill under: use official, else usual, else the first. */
static JsonbContainer *
preferred_name(JsonbContainer *person)
{
	JsonbContainer *names = get_container(person, "name");
	JsonbContainer *usual = NULL;
	int			i;

	for (i = 0; i < list_size(names); i++)
	{
		JsonbContainer *name = list_item(names, i);
		ClaimStr	use;

		if (name == NULL || !get_string(name, "use", &use))
			continue;
		if (claim_str_eq(use, "official"))
			return name;
		if (usual == NULL && claim_str_eq(use, "usual"))
			usual = name;
	}
	return usual != NULL ? usual : list_item(names, 0);
}

/* A name part: a string, or the first of a list of them (given; family in DSTU2). */
static void
set_name_part(Claim *claim, ClaimFieldId id, JsonbContainer *name, const char *key)
{
	JsonbValue	v;
	RawValue	raw;

	if (!get_value(name, key, &v))
		return;
	if (v.type == jbvBinary && JsonContainerIsArray(v.val.binary.data))
	{
		JsonbValue *first = array_size(v.val.binary.data) > 0
			? getIthJsonbValueFromContainer(v.val.binary.data, 0) : NULL;

		if (first == NULL)
		{
			set_missing(claim, id);
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

static bool
read_patient(Claim *claim, FhirDoc *doc, FhirRes *patient)
{
	ClaimStr	gender;

	if (!resolve(doc, &doc->at_claim, get_container(doc->claim, "patient"),
				 patient_types, patient))
		return false;
	set_person_name(claim, patient->res, CF_PATIENT_LAST_NAME, CF_PATIENT_FIRST_NAME);
	set_from_value(claim, CF_PATIENT_BIRTH_DATE, patient->res, "birthDate");
	if (get_string(patient->res, "gender", &gender))
		set_from_str(claim, CF_PATIENT_SEX,
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
	JsonbContainer *insurance = get_container(claim_obj, "insurance");
	int			i;

	for (i = 0; i < list_size(insurance); i++)
	{
		JsonbValue	focal;

		if (get_value(list_item(insurance, i), "focal", &focal) && focal.type == jbvBool && focal.val.boolean)
			return list_item(insurance, i);
	}
	return list_item(insurance, 0);
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
	JsonbContainer *codings = get_container(concept, "coding");
	ClaimStr	code;
	int			i;
	int			j;

	for (i = 0; i < list_size(codings); i++)
		if (get_string(list_item(codings, i), "code", &code))
			for (j = 0; j < (int) lengthof(x12_relationships); j++)
				if (str_ieq(code, x12_relationships[j]))
				{
					*out = code;
					return true;
				}
	for (i = 0; i < list_size(codings); i++)
		if (get_string(list_item(codings, i), "code", &code))
			for (j = 0; j < (int) lengthof(hl7_relationships); j++)
				if (claim_str_eq(code, hl7_relationships[j].hl7))
				{
					*out = claim_str(hl7_relationships[j].x12);
					return true;
				}
	return concept_code(concept, NULL, out);
}

/* Coverage.subscriberId: a string in R4 (an Identifier, or a list of them, in R5). */
static bool
subscriber_id(JsonbContainer *coverage, ClaimStr *out)
{
	JsonbValue	v;

	if (!get_value(coverage, "subscriberId", &v))
		return false;
	if (v.type == jbvString)
	{
		*out = json_text(&v);
		return true;
	}
	return v.type == jbvBinary && identifier_value(v.val.binary.data, any_identifier, out);
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
	if (!picked(&p) && resource_identifier(coverage->res, identifier_is_member_id, &s))
		pick(&p, s);
	if (!picked(&p) && resource_identifier(coverage->res, any_identifier, &s))
		pick(&p, s);
	if (!picked(&p) && get_string(get_container(ref, "identifier"), "value", &s))
		pick(&p, s);
	if (p.found)
		set_from_str(claim, CF_MEMBER_ID, p.s);
}

static void
read_payer(Claim *claim, FhirDoc *doc, JsonbContainer *insurer, const FhirRes *from)
{
	FhirRes		payer;
	ClaimStr	s;

	if (insurer == NULL)
		return;
	if (resolve(doc, from, insurer, payer_types, &payer) &&
		(resource_identifier(payer.res, identifier_is_payer_id, &s) ||
		 resource_identifier(payer.res, any_identifier, &s)) && s.len > 0)
		set_from_str(claim, CF_PAYER_ID, s);
	else if (get_string(get_container(insurer, "identifier"), "value", &s) ||
			 reference_logical_id(&payer, insurer, &s))
		set_from_str(claim, CF_PAYER_ID, s);
}

static void
read_insurance(Claim *claim, FhirDoc *doc, const FhirRes *patient)
{
	JsonbContainer *insurance = focal_insurance(doc->claim);
	JsonbContainer *coverage_ref = get_container(insurance, "coverage");
	JsonbContainer *preauth = get_container(insurance, "preAuthRef");
	JsonbContainer *insurer = get_container(doc->claim, "insurer");
	FhirRes		coverage = {NULL, NULL};
	FhirRes		subscriber;
	ClaimStr	s;
	bool		self = false;
	JsonbValue *first;

	(void) resolve(doc, &doc->at_claim, coverage_ref, coverage_types, &coverage);
	/* no insurer: the Coverage names the payer */
	if (insurer != NULL)
		read_payer(claim, doc, insurer, &doc->at_claim);
	else if (coverage.res != NULL)
		read_payer(claim, doc, list_item(get_container(coverage.res, "payor"), 0), &coverage);
	if (insurance == NULL)
		return;
	read_member_id(claim, &coverage, coverage_ref);
	if (array_size(preauth) > 0 && (first = getIthJsonbValueFromContainer(preauth, 0)) != NULL &&
		first->type == jbvString)
		set_from_str(claim, CF_PRIOR_AUTH, json_text(first));
	if (coverage.res == NULL)
		return;
	if (relationship_code(get_container(coverage.res, "relationship"), &s))
	{
		set_from_str(claim, CF_PATIENT_RELATIONSHIP, s);
		self = claim_str_eq(s, "18");
	}
	/* the subscriber is the patient when the relationship is self and no one else is named */
	if (resolve(doc, &coverage, get_container(coverage.res, "subscriber"), subscriber_types, &subscriber))
		set_person_name(claim, subscriber.res, CF_SUBSCRIBER_LAST_NAME, CF_SUBSCRIBER_FIRST_NAME);
	else if (self && patient->res != NULL)
		set_person_name(claim, patient->res, CF_SUBSCRIBER_LAST_NAME, CF_SUBSCRIBER_FIRST_NAME);
}

/* ----- the institutional claim ----- */

/* The first supportingInfo of a category (any coding of the category). */
static JsonbContainer *
supporting_info(JsonbContainer *claim_obj, const char *category)
{
	return first_element_coded(get_container(claim_obj, "supportingInfo"), "category", category);
}

static void
set_info_code(Claim *claim, ClaimFieldId id, JsonbContainer *si)
{
	ClaimStr	s;

	if (si != NULL && concept_code(get_container(si, "code"), NULL, &s))
		set_from_str(claim, id, s);
}

static void
set_info_date(Claim *claim, ClaimFieldId id, JsonbContainer *si)
{
	JsonbContainer *period = get_container(si, "timingPeriod");

	if (period != NULL)
		set_from_value(claim, id, period, "start");
	else
		set_from_value(claim, id, si, "timingDate");
}

static void
read_institutional(Claim *claim, JsonbContainer *obj)
{
	JsonbContainer *admission = supporting_info(obj, "admissionperiod");
	JsonbContainer *discharge = supporting_info(obj, "discharge-status");
	ClaimStr	s;

	if (concept_code(get_container(obj, "subType"), BILL_TYPE_SYSTEM, &s))
		set_from_str(claim, CF_TYPE_OF_BILL, s);
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
	JsonbContainer *type = get_container(obj, "type");
	ClaimStr	s;

	if (concept_code(type, CLAIM_TYPE_SYSTEM, &s) || concept_code(type, CLAIM_TYPE_SYSTEM_STU3, &s) ||
		concept_code(type, NULL, &s))
		set_from_str(claim, CF_CLAIM_TYPE, s);
}

/*
 * The claim's place of service (837P CLM05-1): FHIR has one per item, the
 * first item's is the claim's; without any, a facility Location typed by a
 * place-of-service code.
 */
static void
read_place_of_service(Claim *claim, FhirDoc *doc)
{
	JsonbContainer *items = get_container(doc->claim, "item");
	FhirRes		facility;
	ClaimStr	s;
	int			i;

	for (i = 0; i < array_size(items); i++)
		if (concept_code(get_container(array_object(items, i), "locationCodeableConcept"), NULL, &s))
		{
			set_from_str(claim, CF_PLACE_OF_SERVICE, s);
			return;
		}
	if (resolve(doc, &doc->at_claim, get_container(doc->claim, "facility"),
				location_types, &facility))
	{
		JsonbContainer *types = get_container(facility.res, "type");

		for (i = 0; i < list_size(types); i++)
			if (concept_code_where(list_item(types, i), POS_SYSTEM_PREFIX, true, &s) ||
				concept_code(list_item(types, i), POS_SYSTEM_HL7, &s))
			{
				set_from_str(claim, CF_PLACE_OF_SERVICE, s);
				return;
			}
	}
}

static void
read_header(Claim *claim, FhirDoc *doc)
{
	JsonbContainer *obj = doc->claim;
	JsonbContainer *related = array_object(get_container(obj, "related"), 0);
	FhirRes		patient = {NULL, NULL};
	ClaimStr	s;

	if (get_string(array_object(get_container(obj, "identifier"), 0), "value", &s) || get_string(obj, "id", &s))
		set_from_str(claim, CF_CLAIM_ID, s);
	read_claim_type(claim, obj);
	(void) read_patient(claim, doc, &patient);
	read_insurance(claim, doc, &patient);
	read_billing_provider(claim, doc);
	read_care_team(claim, doc);
	read_place_of_service(claim, doc);
	read_institutional(claim, obj);

	if (get_string(obj, "status", &s) && claim_str_eq(s, "cancelled"))
		set_from_str(claim, CF_FREQUENCY_CODE, claim_str("8"));
	else
		set_from_str(claim, CF_FREQUENCY_CODE, claim_str(related != NULL ? "7" : "1"));
	if (related != NULL)
	{
		JsonbContainer *original = get_container(related, "claim");

		if (get_string(get_container(original, "identifier"), "value", &s) ||
			reference_logical_id(NULL, original, &s))
			set_from_str(claim, CF_ORIGINAL_CLAIM_ID, s);
	}

	set_from_value(claim, CF_SERVICE_FROM, get_container(obj, "billablePeriod"), "start");
	set_from_value(claim, CF_SERVICE_TO, get_container(obj, "billablePeriod"), "end");
	set_from_value(claim, CF_SUBMITTED_ON, obj, "created");
	set_from_value(claim, CF_TOTAL_CHARGE, get_container(obj, "total"), "value");
}

/* ----- diagnoses and procedures ----- */

/* An element's sequence number, else its position; a sequence that is no whole number is reported. */
static int
sequence_of(Claim *claim, JsonbContainer *element, int position, const char *field)
{
	JsonbValue	seq;
	int			n;

	if (!get_value(element, "sequence", &seq))
		return position;
	if (json_int(&seq, &n))
		return n;
	claim_invalid_field(claim, 0, field, json_text(&seq), "a whole number is expected");
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
	JsonbContainer *dx = get_container(obj, "diagnosis");
	int			n = array_size(dx);
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
		JsonbContainer *d = array_object(dx, i);
		ClaimStr	code;
		FieldValue *item = &fv->items[fv->nitems];

		(*sequences)[fv->nitems] = sequence_of(claim, d, i + 1, "diagnosis.sequence");
		principal[fv->nitems] = concept_has_code(get_container(d, "type"), "principal", false);
		/* a diagnosisReference (a Condition) carries no code here: an empty diagnosis */
		if (concept_code(get_container(d, "diagnosisCodeableConcept"), NULL, &code))
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
	JsonbContainer *procs = get_container(obj, "procedure");
	int			n = array_size(procs);
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
		JsonbContainer *p = array_object(procs, i);
		JsonbContainer *concept = get_container(p, "procedureCodeableConcept");
		ClaimStr	code;

		if (!concept_code(concept, PCS_SYSTEM, &code) && !concept_code(concept, PCS_SYSTEM_HL7, &code))
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
	JsonbContainer *codings = get_container(revenue, "coding");
	int			i;

	if (concept_code(revenue, REVENUE_SYSTEM, code))
		return true;
	for (i = 0; i < list_size(codings); i++)
		if (get_string(list_item(codings, i), "code", code) && all_digits(*code, 4))
			return true;
	return false;
}

static void
read_item(Claim *claim, ClaimLine *line, FhirDoc *doc, JsonbContainer *item, const int *dx_sequences)
{
	ClaimStr	s;
	JsonbValue	v;
	RawValue	raw;
	JsonbContainer *mods = get_container(item, "modifier");
	JsonbContainer *ptrs = get_container(item, "diagnosisSequence");
	JsonbContainer *care = get_container(item, "careTeamSequence");
	int			ndx = claim->f[CF_DIAGNOSES].nitems;
	int			i;

	if (get_value(item, "sequence", &v))
	{
		raw_from_jsonb_value(&v, &raw);
		claim_set_line_field(claim, line, LF_LINE_NO, &raw);
	}
	report_unknown_elements(claim, item, fhir_item_elements, lengthof(fhir_item_elements), line->line_no, "");
	if (revenue_code(get_container(item, "revenue"), &s))
		set_line_from_str(claim, line, LF_REVENUE_CODE, s);
	if (procedure_code(get_container(item, "productOrService"), &s))
		set_line_from_str(claim, line, LF_PROCEDURE, s);
	if (concept_code(get_container(item, "productOrService"), NDC_SYSTEM, &s) ||
		concept_code(get_container(array_object(get_container(item, "detail"), 0), "productOrService"), NDC_SYSTEM, &s))
		set_line_from_str(claim, line, LF_NDC, s);
	if (mods != NULL)
	{
		FieldValue *fv = &line->f[LF_MODIFIERS];

		fv->items = palloc0(Max(array_size(mods), 1) * sizeof(FieldValue));
		for (i = 0; i < array_size(mods); i++)
		{
			if (concept_code(array_object(mods, i), NULL, &s))
			{
				fv->items[fv->nitems].state = VALUE_OK;
				fv->items[fv->nitems].raw = s;
				fv->nitems++;
			}
		}
		fv->state = fv->nitems > 0 ? VALUE_OK : VALUE_MISSING;
	}
	if (get_value(get_container(item, "quantity"), "value", &v))
	{
		raw_from_jsonb_value(&v, &raw);
		claim_set_line_field(claim, line, LF_UNITS, &raw);
	}
	if (get_value(get_container(item, "net"), "value", &v))
	{
		raw_from_jsonb_value(&v, &raw);
		claim_set_line_field(claim, line, LF_CHARGE, &raw);
	}
	/* neither: the line has no date of its own (the rules fall back on the claim's) */
	if (get_value(item, "servicedDate", &v) || get_value(get_container(item, "servicedPeriod"), "start", &v))
	{
		raw_from_jsonb_value(&v, &raw);
		claim_set_line_field(claim, line, LF_SERVICE_DATE, &raw);
	}
	if (concept_code(get_container(item, "locationCodeableConcept"), NULL, &s))
		set_line_from_str(claim, line, LF_PLACE_OF_SERVICE, s);
	if (array_size(care) > 0)
	{
		JsonbValue *seq = getIthJsonbValueFromContainer(care, 0);
		int			seqno;

		if (json_int(seq, &seqno) && member_npi(doc, care_team_sequence(doc->claim, seqno), &s))
			set_line_from_str(claim, line, LF_RENDERING_NPI, s);
	}
	if (ptrs != NULL)
	{
		FieldValue *fv = &line->f[LF_DX_POINTERS];

		/* diagnosisSequence holds sequence numbers; the rules want positions in the list */
		fv->items = palloc0(Max(array_size(ptrs), 1) * sizeof(FieldValue));
		for (i = 0; i < array_size(ptrs); i++)
		{
			JsonbValue *p = getIthJsonbValueFromContainer(ptrs, i);
			FieldValue *item_fv = &fv->items[fv->nitems++];
			int			seqno;
			int			j;

			item_fv->state = VALUE_INVALID;
			item_fv->raw = p != NULL && p->type != jbvNull ? json_text(p) : claim_str("?");
			if (!json_int(p, &seqno))
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

	for (i = 0; i < array_size(entries); i++)
	{
		JsonbContainer *resource = get_container(array_object(entries, i), "resource");

		if (of_type(resource, claim_types))
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

	if (!get_string(root, "resourceType", &rt))
		not_a_claim(rt);
	if (claim_str_eq(rt, "Bundle"))
	{
		doc.bundle_entries = get_container(root, "entry");
		doc.claim = bundle_claim(doc.bundle_entries);
		if (doc.claim == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("FHIR Bundle has no Claim entry"),
					 errdetail("cleanclaim reads the first Claim resource among a Bundle's entries; none of this Bundle's entries (%d) is one.",
							   array_size(doc.bundle_entries)),
					 errhint("Pass a Bundle with a Claim entry, a resource with \"resourceType\": \"Claim\", or a claim object without resourceType.")));
		report_unknown_elements(claim, root, fhir_bundle_elements, lengthof(fhir_bundle_elements), 0, "Bundle.");
	}
	else if (claim_str_eq(rt, "Claim"))
		doc.claim = root;
	else
		not_a_claim(rt);
	doc.at_claim.res = doc.claim;
	doc.at_claim.host = doc.claim;
	report_unknown_elements(claim, doc.claim, fhir_claim_elements, lengthof(fhir_claim_elements), 0, "");
	read_header(claim, &doc);
	read_diagnoses(claim, doc.claim, &dx_sequences);
	read_procedures(claim, doc.claim);

	items = get_container(doc.claim, "item");
	if (items == NULL)
		return claim;
	if (!JsonContainerIsArray(items))
	{
		claim->f[CF_LINES].state = VALUE_INVALID;
		claim_invalid_field(claim, 0, "item", claim_str(""), "item is a list of Claim.item objects");
		return claim;
	}
	claim_alloc_lines(claim, array_size(items));
	for (i = 0; i < claim->nlines; i++)
	{
		JsonbContainer *item = array_object(items, i);

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
