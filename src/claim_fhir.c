/*
 * claim_fhir.c
 *	  Read a FHIR R4 Claim resource (jsonb with "resourceType": "Claim") into
 *	  the claim contract, so the same rules run on it.
 *
 * Mapping (R4 element -> claim field):
 *   identifier[0].value (else id)            claim_id
 *   type.coding.code                         claim_type (professional, institutional)
 *   insurer.identifier.value (else the id of insurer.reference)  payer_id
 *   insurance[0].coverage.identifier.value   member_id
 *   contained Patient of patient.reference   patient_birth_date (birthDate), patient_sex (gender)
 *   provider.identifier.value                billing_npi
 *   careTeam[role primary].provider.identifier.value    rendering_npi
 *   careTeam[role referring].provider.identifier.value  referring_npi
 *   status cancelled / related[0]            frequency_code 8 / 7 (else 1), original_claim_id
 *   insurance[0].preAuthRef[0]               prior_auth
 *   billablePeriod.start / .end              service_from / service_to
 *   created                                  submitted_on
 *   total.value                              total_charge
 *   diagnosis[] by sequence, diagnosisCodeableConcept.coding.code   diagnoses
 *   item[]: sequence, productOrService (HCPCS/CPT coding), modifier[],
 *     quantity.value, net.value, servicedDate (or servicedPeriod.start),
 *     diagnosisSequence[] (as positions in the diagnosis list),
 *     locationCodeableConcept (place of service), an NDC coding in
 *     productOrService or detail[0].productOrService, careTeamSequence[0]
 *     (the line's rendering provider)
 * Elements that are not R4 Claim elements are reported as unknown fields.
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

#define NPI_SYSTEM "http://hl7.org/fhir/sid/us-npi"
#define NDC_SYSTEM "http://hl7.org/fhir/sid/ndc"

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

static void
set_line_from_str(Claim *claim, ClaimLine *line, LineFieldId id, ClaimStr s)
{
	RawValue	raw = {0};

	raw.kind = RAW_TEXT;
	raw.text = s;
	claim_set_line_field(claim, line, id, &raw);
}

/* The code of a CodeableConcept's first coding, or of the first with the given system. */
static bool
concept_code(JsonbContainer *concept, const char *system, ClaimStr *code)
{
	JsonbContainer *codings = get_container(concept, "coding");
	int			i;

	for (i = 0; i < array_size(codings); i++)
	{
		JsonbContainer *coding = array_object(codings, i);
		ClaimStr	sys;

		if (system != NULL && !(get_string(coding, "system", &sys) && claim_str_eq(sys, system)))
			continue;
		if (get_string(coding, "code", code))
			return true;
	}
	return false;
}

/* The code of a CodeableConcept's first coding not of the given system. */
static bool
concept_code_except(JsonbContainer *concept, const char *system, ClaimStr *code)
{
	JsonbContainer *codings = get_container(concept, "coding");
	int			i;

	for (i = 0; i < array_size(codings); i++)
	{
		JsonbContainer *coding = array_object(codings, i);
		ClaimStr	sys;

		if (get_string(coding, "system", &sys) && claim_str_eq(sys, system))
			continue;
		if (get_string(coding, "code", code))
			return true;
	}
	return false;
}

/* A Reference's identifier value, else the id after the slash of its reference. */
static bool
reference_id(JsonbContainer *ref, ClaimStr *out)
{
	ClaimStr	r;
	int			i;

	if (get_string(get_container(ref, "identifier"), "value", out))
		return true;
	if (!get_string(ref, "reference", &r))
		return false;
	for (i = r.len - 1; i >= 0 && r.s[i] != '/' && r.s[i] != '#'; i--)
		;
	out->s = r.s + i + 1;
	out->len = r.len - i - 1;
	return out->len > 0;
}

/* The contained resource a local reference ("#id") points to. */
static JsonbContainer *
contained_resource(JsonbContainer *claim_obj, JsonbContainer *ref)
{
	JsonbContainer *contained = get_container(claim_obj, "contained");
	ClaimStr	r;
	int			i;

	if (!get_string(ref, "reference", &r) || r.len < 2 || r.s[0] != '#')
		return NULL;
	for (i = 0; i < array_size(contained); i++)
	{
		JsonbContainer *res = array_object(contained, i);
		ClaimStr	id;

		if (get_string(res, "id", &id) && id.len == r.len - 1 && memcmp(id.s, r.s + 1, id.len) == 0)
			return res;
	}
	return NULL;
}

static void
report_unknown_elements(Claim *claim, JsonbContainer *object, const char *const *known, int nknown,
						int line_no)
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
			claim_report_unknown(claim, line_no, pnstrdup(key.val.string.val, key.val.string.len), closest);
	}
}

/* ----- the mapping ----- */

static void
read_patient(Claim *claim, JsonbContainer *claim_obj)
{
	JsonbContainer *patient = contained_resource(claim_obj, get_container(claim_obj, "patient"));
	ClaimStr	gender;

	if (patient == NULL)
		return;
	set_from_value(claim, CF_PATIENT_BIRTH_DATE, patient, "birthDate");
	if (get_string(patient, "gender", &gender))
		set_from_str(claim, CF_PATIENT_SEX,
					 claim_str(claim_str_eq(gender, "male") ? "M"
							   : claim_str_eq(gender, "female") ? "F"
							   : claim_str_eq(gender, "unknown") || claim_str_eq(gender, "other") ? "U"
							   : claim_str_cstring(gender)));
}

/* The NPI of the care team member with the given role (and, when seq > 0, that sequence). */
static bool
care_team_npi(JsonbContainer *claim_obj, const char *role, int seq, ClaimStr *npi)
{
	JsonbContainer *team = get_container(claim_obj, "careTeam");
	int			i;

	for (i = 0; i < array_size(team); i++)
	{
		JsonbContainer *member = array_object(team, i);
		ClaimStr	code;
		JsonbValue	s;
		int			n;

		if (role != NULL && !(concept_code(get_container(member, "role"), NULL, &code) && claim_str_eq(code, role)))
			continue;
		if (seq > 0 && !(get_value(member, "sequence", &s) && json_int(&s, &n) && n == seq))
			continue;
		if (reference_id(get_container(member, "provider"), npi))
			return true;
	}
	return false;
}

static void
read_header(Claim *claim, JsonbContainer *obj)
{
	ClaimStr	s;
	JsonbContainer *insurance = array_object(get_container(obj, "insurance"), 0);
	JsonbContainer *related = array_object(get_container(obj, "related"), 0);

	if (get_string(array_object(get_container(obj, "identifier"), 0), "value", &s) || get_string(obj, "id", &s))
		set_from_str(claim, CF_CLAIM_ID, s);
	if (concept_code(get_container(obj, "type"), NULL, &s))
		set_from_str(claim, CF_CLAIM_TYPE, s);
	if (reference_id(get_container(obj, "insurer"), &s))
		set_from_str(claim, CF_PAYER_ID, s);
	if (insurance != NULL)
	{
		JsonbContainer *coverage = get_container(insurance, "coverage");
		JsonbContainer *contained = contained_resource(obj, coverage);
		JsonbValue *preauth;

		if (get_string(get_container(coverage, "identifier"), "value", &s) ||
			get_string(contained, "subscriberId", &s))
			set_from_str(claim, CF_MEMBER_ID, s);
		if (array_size(get_container(insurance, "preAuthRef")) > 0 &&
			(preauth = getIthJsonbValueFromContainer(get_container(insurance, "preAuthRef"), 0)) != NULL &&
			preauth->type == jbvString)
			set_from_str(claim, CF_PRIOR_AUTH, (ClaimStr)
						 {
						 preauth->val.string.val, preauth->val.string.len
						 });
	}
	read_patient(claim, obj);
	if (reference_id(get_container(obj, "provider"), &s))
		set_from_str(claim, CF_BILLING_NPI, s);
	if (care_team_npi(obj, "primary", 0, &s))
		set_from_str(claim, CF_RENDERING_NPI, s);
	if (care_team_npi(obj, "referring", 0, &s))
		set_from_str(claim, CF_REFERRING_NPI, s);

	if (get_string(obj, "status", &s) && claim_str_eq(s, "cancelled"))
		set_from_str(claim, CF_FREQUENCY_CODE, claim_str("8"));
	else
		set_from_str(claim, CF_FREQUENCY_CODE, claim_str(related != NULL ? "7" : "1"));
	if (related != NULL && reference_id(get_container(related, "claim"), &s))
		set_from_str(claim, CF_ORIGINAL_CLAIM_ID, s);

	set_from_value(claim, CF_SERVICE_FROM, get_container(obj, "billablePeriod"), "start");
	set_from_value(claim, CF_SERVICE_TO, get_container(obj, "billablePeriod"), "end");
	set_from_value(claim, CF_SUBMITTED_ON, obj, "created");
	set_from_value(claim, CF_TOTAL_CHARGE, get_container(obj, "total"), "value");
}

/* diagnoses in sequence order; *sequences receives each one's sequence number. */
static void
read_diagnoses(Claim *claim, JsonbContainer *obj, int **sequences)
{
	JsonbContainer *dx = get_container(obj, "diagnosis");
	int			n = array_size(dx);
	FieldValue *fv = &claim->f[CF_DIAGNOSES];
	int			i;

	*sequences = palloc0(Max(n, 1) * sizeof(int));
	if (dx == NULL)
		return;
	fv->items = palloc0(Max(n, 1) * sizeof(FieldValue));
	for (i = 0; i < n; i++)
	{
		JsonbContainer *d = array_object(dx, i);
		JsonbValue	seq;
		ClaimStr	code;
		FieldValue *item = &fv->items[fv->nitems];

		(*sequences)[fv->nitems] = i + 1;
		if (get_value(d, "sequence", &seq) && !json_int(&seq, &(*sequences)[fv->nitems]))
		{
			/* kept in its array position */
			(*sequences)[fv->nitems] = i + 1;
			claim_invalid_field(claim, 0, "diagnosis.sequence", json_text(&seq), "a whole number is expected");
		}
		if (concept_code(get_container(d, "diagnosisCodeableConcept"), NULL, &code))
		{
			item->raw = code;
			item->state = code_parse_text(&icd10cm_type, code.s, code.len, &item->v.code) ? VALUE_OK : VALUE_INVALID;
		}
		else
			item->state = VALUE_MISSING;
		fv->nitems++;
	}
	/* the first in sequence order is the principal diagnosis, wherever it sits in the array */
	for (i = 1; i < fv->nitems; i++)
	{
		FieldValue	moved = fv->items[i];
		int			seq = (*sequences)[i];
		int			j;

		for (j = i; j > 0 && (*sequences)[j - 1] > seq; j--)
		{
			fv->items[j] = fv->items[j - 1];
			(*sequences)[j] = (*sequences)[j - 1];
		}
		fv->items[j] = moved;
		(*sequences)[j] = seq;
	}
	fv->state = fv->nitems > 0 ? VALUE_OK : VALUE_MISSING;
}

static void
read_item(Claim *claim, ClaimLine *line, JsonbContainer *obj, JsonbContainer *item, const int *dx_sequences)
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
	report_unknown_elements(claim, item, fhir_item_elements, lengthof(fhir_item_elements), line->line_no);
	if (concept_code_except(get_container(item, "productOrService"), NDC_SYSTEM, &s))
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

		if (json_int(seq, &seqno) && care_team_npi(obj, NULL, seqno, &s))
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

Claim *
claim_from_fhir(Jsonb *jb)
{
	Claim	   *claim = claim_new(SOURCE_FHIR);
	JsonbContainer *obj = &jb->root;
	ClaimStr	rt = {NULL, 0};
	JsonbContainer *items;
	int		   *dx_sequences;
	int			i;

	if (!get_string(obj, "resourceType", &rt) || !claim_str_eq(rt, "Claim"))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("FHIR resource \"%s\" is not a Claim", rt.s ? claim_str_cstring(rt) : "?"),
				 errdetail("cleanclaim reads FHIR R4 Claim resources only."),
				 errhint("Pass a resource with \"resourceType\": \"Claim\", or a claim object without resourceType.")));
	report_unknown_elements(claim, obj, fhir_claim_elements, lengthof(fhir_claim_elements), 0);
	read_header(claim, obj);
	read_diagnoses(claim, obj, &dx_sequences);

	items = get_container(obj, "item");
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
			claim_invalid_field(claim, i + 1, "item", claim_str(""), "each item is an object with the Claim.item elements");
		else
			read_item(claim, &claim->lines[i], obj, item, dx_sequences);
	}
	claim->f[CF_LINES].state = claim->nlines > 0 ? VALUE_OK : VALUE_MISSING;
	return claim;
}
