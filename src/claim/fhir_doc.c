/*
 * fhir_doc.c
 *	  Navigating a FHIR R4 document for the FHIR reader (claim_fhir.c): jsonb
 *	  elements, codings and identifiers, the Bundle's entries, and References
 *	  resolved to the resources they name (the rules are in claim_fhir.c's
 *	  header comment).
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/varlena.h"

#include "claim/claim.h"
#include "claim/fhir.h"
#include "types/code_type.h"

/* ----- navigating jsonb ----- */

bool
fhir_get_value(JsonbContainer *object, const char *key, JsonbValue *out)
{
	if (object == NULL || !JsonContainerIsObject(object))
		return false;
	return getKeyJsonValueFromContainer(object, key, strlen(key), out) != NULL;
}

JsonbContainer *
fhir_get_container(JsonbContainer *object, const char *key)
{
	JsonbValue	v;

	if (!fhir_get_value(object, key, &v) || v.type != jbvBinary)
		return NULL;
	return v.val.binary.data;
}

int
fhir_array_size(JsonbContainer *array)
{
	return array != NULL && JsonContainerIsArray(array) ? (int) JsonContainerSize(array) : 0;
}

JsonbContainer *
fhir_array_object(JsonbContainer *array, int i)
{
	JsonbValue *v;

	if (i >= fhir_array_size(array))
		return NULL;
	v = getIthJsonbValueFromContainer(array, i);
	return v != NULL && v->type == jbvBinary ? v->val.binary.data : NULL;
}

/*
 * Elements that hold a list (identifier, name, address, coding, ...) are
 * read as a list whether they are an array or, as writers sometimes send
 * them, a single object.  Items that are not objects are NULL.
 */
int
fhir_list_size(JsonbContainer *list)
{
	if (list == NULL)
		return 0;
	return JsonContainerIsArray(list) ? (int) JsonContainerSize(list) : 1;
}

JsonbContainer *
fhir_list_item(JsonbContainer *list, int i)
{
	JsonbContainer *item;

	if (list == NULL)
		return NULL;
	if (!JsonContainerIsArray(list))
		return i == 0 && JsonContainerIsObject(list) ? list : NULL;
	item = fhir_array_object(list, i);
	return item != NULL && JsonContainerIsObject(item) ? item : NULL;
}

bool
fhir_get_string(JsonbContainer *object, const char *key, ClaimStr *out)
{
	JsonbValue	v;

	if (!fhir_get_value(object, key, &v) || v.type != jbvString)
		return false;
	out->s = v.val.string.val;
	out->len = v.val.string.len;
	return true;
}

bool
fhir_str_eq(ClaimStr a, ClaimStr b)
{
	return a.len == b.len && memcmp(a.s, b.s, a.len) == 0;
}

bool
fhir_str_ieq(ClaimStr s, const char *literal)
{
	int			len = strlen(literal);

	return s.len == len && pg_strncasecmp(s.s, literal, len) == 0;
}

static bool
str_ends_with(ClaimStr s, ClaimStr suffix)
{
	return s.len >= suffix.len && memcmp(s.s + s.len - suffix.len, suffix.s, suffix.len) == 0;
}

bool
fhir_all_digits(ClaimStr s, int len)
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
bool
fhir_json_int(const JsonbValue *v, int *out)
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
ClaimStr
fhir_json_text(const JsonbValue *v)
{
	if (v->type == jbvString)
		return (ClaimStr) {v->val.string.val, v->val.string.len};
	if (v->type == jbvNumeric)
		return claim_str(DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v->val.numeric))));
	return claim_str("");
}

/* Hand a scalar element over to a claim field (strings, numbers, null alike). */
void
fhir_set_from_value(Claim *claim, ClaimFieldId id, JsonbContainer *object, const char *key)
{
	JsonbValue	v;
	RawValue	raw;

	if (!fhir_get_value(object, key, &v))
		return;
	raw_from_jsonb_value(&v, &raw);
	claim_set_field(claim, id, &raw);
}

void
fhir_set_from_str(Claim *claim, ClaimFieldId id, ClaimStr s)
{
	RawValue	raw = {0};

	raw.kind = RAW_TEXT;
	raw.text = s;
	claim_set_field(claim, id, &raw);
}

/* A field the claim gives but whose value could not be found: present, empty. */
void
fhir_set_missing(Claim *claim, ClaimFieldId id)
{
	fhir_set_from_str(claim, id, claim_str(""));
}

void
fhir_set_line_from_str(Claim *claim, ClaimLine *line, LineFieldId id, ClaimStr s)
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
bool
fhir_concept_code_where(JsonbContainer *concept, const char *system, bool prefix, ClaimStr *code)
{
	JsonbContainer *codings = fhir_get_container(concept, "coding");
	int			i;

	for (i = 0; i < fhir_list_size(codings); i++)
	{
		JsonbContainer *coding = fhir_list_item(codings, i);
		ClaimStr	sys;

		if (system != NULL)
		{
			if (!fhir_get_string(coding, "system", &sys))
				continue;
			if (prefix ? !(sys.len >= (int) strlen(system) && pg_strncasecmp(sys.s, system, strlen(system)) == 0)
				: !claim_str_eq(sys, system))
				continue;
		}
		if (fhir_get_string(coding, "code", code))
			return true;
	}
	return false;
}

bool
fhir_concept_code(JsonbContainer *concept, const char *system, ClaimStr *code)
{
	return fhir_concept_code_where(concept, system, false, code);
}

/*
 * item.productOrService's procedure code: its first coding that is neither an
 * NDC nor a data-absent-reason (institutional room lines say "not-applicable").
 */
bool
fhir_procedure_code(JsonbContainer *concept, ClaimStr *code)
{
	JsonbContainer *codings = fhir_get_container(concept, "coding");
	int			i;

	for (i = 0; i < fhir_list_size(codings); i++)
	{
		JsonbContainer *coding = fhir_list_item(codings, i);
		ClaimStr	sys;

		if (fhir_get_string(coding, "system", &sys) &&
			(claim_str_eq(sys, NDC_SYSTEM) || claim_str_eq(sys, DATA_ABSENT_SYSTEM)))
			continue;
		if (fhir_get_string(coding, "code", code))
			return true;
	}
	return false;
}

/* Does any coding of a CodeableConcept (or of a list of them) have this code, whatever its system? */
bool
fhir_concept_has_code(JsonbContainer *concepts, const char *code, bool ignore_case)
{
	int			c;

	for (c = 0; c < fhir_list_size(concepts); c++)
	{
		JsonbContainer *codings = fhir_get_container(fhir_list_item(concepts, c), "coding");
		int			i;

		for (i = 0; i < fhir_list_size(codings); i++)
		{
			ClaimStr	s;

			if (fhir_get_string(fhir_list_item(codings, i), "code", &s) &&
				(ignore_case ? fhir_str_ieq(s, code) : claim_str_eq(s, code)))
				return true;
		}
	}
	return false;
}

/* The first element of a list whose CodeableConcept under key has code (case sensitive). */
JsonbContainer *
fhir_first_element_coded(JsonbContainer *list, const char *key, const char *code)
{
	int			i;

	for (i = 0; i < fhir_list_size(list); i++)
	{
		JsonbContainer *element = fhir_list_item(list, i);

		if (fhir_concept_has_code(fhir_get_container(element, key), code, false))
			return element;
	}
	return NULL;
}

/* The code of a coding of the given system in a list of CodeableConcepts. */
bool
fhir_concepts_code(JsonbContainer *concepts, const char *system, ClaimStr *code)
{
	int			i;

	for (i = 0; i < fhir_list_size(concepts); i++)
		if (fhir_concept_code(fhir_list_item(concepts, i), system, code))
			return true;
	return false;
}

void
fhir_report_unknown_elements(Claim *claim, JsonbContainer *object, const char *const *known, int nknown,
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




static void
index_entries(FhirDoc *doc)
{
	int			n = fhir_array_size(doc->bundle_entries);
	int			i;

	doc->indexed = true;
	doc->entries = palloc0(Max(n, 1) * sizeof(BundleEntry));
	for (i = 0; i < n; i++)
	{
		JsonbContainer *entry = fhir_array_object(doc->bundle_entries, i);
		BundleEntry *e = &doc->entries[doc->nentries];

		e->resource = fhir_get_container(entry, "resource");
		if (e->resource == NULL || !JsonContainerIsObject(e->resource))
			continue;
		if (!fhir_get_string(entry, "fullUrl", &e->full_url))
			e->full_url = claim_str("");
		if (!fhir_get_string(e->resource, "resourceType", &e->type))
			e->type = claim_str("");
		if (!fhir_get_string(e->resource, "id", &e->id))
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
bool
fhir_conditional_identifier(ClaimStr r, ClaimStr *type, ClaimStr *system, ClaimStr *value)
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
	JsonbContainer *ids = fhir_get_container(res, "identifier");
	int			i;

	for (i = 0; i < fhir_list_size(ids); i++)
	{
		JsonbContainer *ident = fhir_list_item(ids, i);
		ClaimStr	sys;
		ClaimStr	v;

		if (!fhir_get_string(ident, "value", &v) || !fhir_str_eq(v, value))
			continue;
		if (system.len == 0 || (fhir_get_string(ident, "system", &sys) && fhir_str_eq(sys, system)))
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
			(fhir_str_eq(doc->entries[i].full_url, r) || fhir_str_eq(doc->entries[i].full_url, plain)))
			return doc->entries[i].resource;
	if (fhir_conditional_identifier(r, &type, &system, &value))
	{
		for (i = 0; i < doc->nentries; i++)
			if (fhir_str_eq(doc->entries[i].type, type) && has_identifier(doc->entries[i].resource, system, value))
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

		if ((fhir_str_eq(e->type, type) && fhir_str_eq(e->id, id)) ||
			(e->full_url.len > tail.len && str_ends_with(e->full_url, tail) &&
			 e->full_url.s[e->full_url.len - tail.len - 1] == '/'))
			return e->resource;
	}
	return NULL;
}

bool
fhir_of_type(JsonbContainer *res, const char *const *types)
{
	ClaimStr	rt;
	int			i;

	if (res == NULL || !fhir_get_string(res, "resourceType", &rt))
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
bool
fhir_resolve(FhirDoc *doc, const FhirRes *from, JsonbContainer *ref, const char *const *types, FhirRes *out)
{
	ClaimStr	r;

	out->res = NULL;
	out->host = NULL;
	if (!fhir_get_string(ref, "reference", &r) || r.len == 0)
		return false;
	if (r.s[0] == '#')
	{
		JsonbContainer *contained = fhir_get_container(from->host, "contained");
		int			i;

		for (i = 0; i < fhir_list_size(contained); i++)
		{
			JsonbContainer *res = fhir_list_item(contained, i);
			ClaimStr	id;

			if (fhir_get_string(res, "id", &id) && id.len == r.len - 1 && memcmp(id.s, r.s + 1, id.len) == 0)
			{
				out->res = res;
				out->host = from->host;
				break;
			}
		}
	}
	else if ((out->res = bundle_resource(doc, r)) != NULL)
		out->host = out->res;
	if (out->res != NULL && !fhir_of_type(out->res, types))
	{
		out->res = NULL;
		out->host = NULL;
	}
	return out->res != NULL;
}

/* The logical id a reference names: the resolved resource's id, else the reference's last segment. */
bool
fhir_reference_logical_id(const FhirRes *resolved, JsonbContainer *ref, ClaimStr *out)
{
	ClaimStr	r;
	ClaimStr	type;
	ClaimStr	system;
	int			i;

	if (resolved != NULL && resolved->res != NULL && fhir_get_string(resolved->res, "id", out) && out->len > 0)
		return true;
	if (!fhir_get_string(ref, "reference", &r))
		return false;
	if (fhir_conditional_identifier(r, &type, &system, out))
		return true;
	r = without_history(r);
	for (i = r.len - 1; i >= 0 && r.s[i] != '/' && r.s[i] != '#' && r.s[i] != ':'; i--)
		;
	out->s = r.s + i + 1;
	out->len = r.len - i - 1;
	return out->len > 0;
}

/* ----- identifiers ----- */


bool
fhir_identifier_is_npi(JsonbContainer *ident)
{
	ClaimStr	sys;

	if (fhir_get_string(ident, "system", &sys) && sys.len > 0)
		return claim_str_eq(sys, NPI_SYSTEM);
	/* no system: the type says (v2-0203 NPI, CARIN's npi) */
	return fhir_concept_has_code(fhir_get_container(ident, "type"), "NPI", true);
}

bool
fhir_identifier_is_tax_id(JsonbContainer *ident)
{
	ClaimStr	sys;

	return (fhir_get_string(ident, "system", &sys) && claim_str_eq(sys, TAX_ID_SYSTEM)) ||
		fhir_concept_has_code(fhir_get_container(ident, "type"), "TAX", false);
}

/* an individual billing under a social security number (837 REF*SY) */
bool
fhir_identifier_is_ssn(JsonbContainer *ident)
{
	ClaimStr	sys;

	return (fhir_get_string(ident, "system", &sys) && claim_str_eq(sys, SSN_SYSTEM)) ||
		fhir_concept_has_code(fhir_get_container(ident, "type"), "SS", false);
}

bool
fhir_identifier_is_member_id(JsonbContainer *ident)
{
	return fhir_concept_has_code(fhir_get_container(ident, "type"), "MB", false);
}

bool
fhir_identifier_is_payer_id(JsonbContainer *ident)
{
	return fhir_concept_has_code(fhir_get_container(ident, "type"), "payerid", true);
}

bool
fhir_any_identifier(JsonbContainer *ident)
{
	return true;
}

/*
 * The value of the first identifier (an Identifier, or a list of them) that
 * passes test and has a value; an empty value only when no other has one.
 */
bool
fhir_identifier_value(JsonbContainer *ids, IdentifierTest test, ClaimStr *out)
{
	bool		found = false;
	int			i;

	for (i = 0; i < fhir_list_size(ids); i++)
	{
		JsonbContainer *ident = fhir_list_item(ids, i);
		ClaimStr	v;

		if (ident == NULL || !fhir_get_string(ident, "value", &v) || !test(ident))
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

bool
fhir_resource_identifier(JsonbContainer *res, IdentifierTest test, ClaimStr *out)
{
	return fhir_identifier_value(fhir_get_container(res, "identifier"), test, out);
}

