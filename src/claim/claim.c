/*
 * claim.c
 *	  The claim model: field lookup, and reading a raw value handed over by
 *	  one of the input forms into a field of the claim contract.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/varlena.h"

#include "claim/claim.h"
#include "types/code_type.h"

#define FIELD_SPEC(id, name, kind, label, x12p, x12i, req) {name, sizeof(name) - 1, kind, label, x12p, x12i, req},
const FieldSpec claim_field_specs[CLAIM_FIELD_COUNT] = {CLAIM_FIELDS(FIELD_SPEC)};
const FieldSpec line_field_specs[LINE_FIELD_COUNT] = {LINE_FIELDS(FIELD_SPEC)};
#undef FIELD_SPEC

StaticAssertDecl(CLAIM_FIELD_COUNT <= 64 && LINE_FIELD_COUNT <= 64, "the field masks are 64 bits");

static bool numeric_to_double(Numeric n, double *out);

uint64		claim_fields_read = ~(uint64) 0;
uint64		line_fields_read = ~(uint64) 0;

/* At most this many input problems are kept per claim; a flood of them is cut short. */
#define MAX_INPUT_PROBLEMS 100

Claim *
claim_new(ClaimSource source)
{
	Claim	   *claim = palloc0(sizeof(Claim));

	claim->source = source;
	return claim;
}

ClaimStr
claim_str(const char *s)
{
	ClaimStr	r = {s, (int) strlen(s)};

	return r;
}

const char *
claim_str_cstring(ClaimStr s)
{
	return pnstrdup(s.s ? s.s : "", s.len);
}

bool
claim_str_eq(ClaimStr s, const char *literal)
{
	int			len = strlen(literal);

	return s.len == len && memcmp(s.s, literal, len) == 0;
}

/*
 * The field with this name, or -1.  One comparison per field, each of a
 * constant length the compiler turns into a word compare.
 */
#define MATCH_FIELD(id, fname, kind, label, x12p, x12i, req) \
	if (len == sizeof(fname) - 1 && memcmp(name, fname, sizeof(fname) - 1) == 0) \
		return id;

int
claim_field_lookup(const char *name, int len)
{
	CLAIM_FIELDS(MATCH_FIELD)
	return -1;
}

int
line_field_lookup(const char *name, int len)
{
	LINE_FIELDS(MATCH_FIELD)
	return -1;
}
#undef MATCH_FIELD

static InputProblem *
add_problem(Claim *claim)
{
	if (claim->nproblems >= MAX_INPUT_PROBLEMS)
		return NULL;
	if (claim->nproblems == claim->maxproblems)
	{
		claim->maxproblems = claim->maxproblems ? claim->maxproblems * 2 : 4;
		claim->problems = claim->problems
			? repalloc(claim->problems, claim->maxproblems * sizeof(InputProblem))
			: palloc(claim->maxproblems * sizeof(InputProblem));
	}
	return &claim->problems[claim->nproblems++];
}

void
claim_invalid_field(Claim *claim, int line_no, const char *field, ClaimStr value, const char *reason)
{
	InputProblem *p = add_problem(claim);

	if (p == NULL)
		return;
	p->kind = INPUT_FIELD_INVALID;
	p->line_no = line_no;
	p->field = field;
	p->value = value;
	p->reason = reason;
}

/* The known field whose name is closest to name, when it is close enough to be a misspelling. */
static const char *
closest_field(const FieldSpec *specs, int n, const char *name, int len)
{
	const char *best = NULL;
	int			best_distance = 3;	/* at most 2 edits, or a third of the name */
	char	   *lower = pnstrdup(name, len);
	int			i;

	/* the contract's names are lower case: Payer_ID is payer_id misspelled */
	for (i = 0; i < len; i++)
		lower[i] = (lower[i] >= 'A' && lower[i] <= 'Z') ? lower[i] - 'A' + 'a' : lower[i];
	for (i = 0; i < n; i++)
	{
		int			flen = strlen(specs[i].name);
		int			d = varstr_levenshtein(lower, len, specs[i].name, flen, 1, 1, 1, true);

		if (d < best_distance && d <= Max(flen, len) / 3)
		{
			best_distance = d;
			best = specs[i].name;
		}
	}
	return best;
}

/* The known field a misspelled name most resembles, or NULL. */
const char *
claim_field_suggestion(const char *name, int len, bool line_level)
{
	return line_level
		? closest_field(line_field_specs, LINE_FIELD_COUNT, name, len)
		: closest_field(claim_field_specs, CLAIM_FIELD_COUNT, name, len);
}

/* Report an unknown field, with the known field it resembles (or NULL). */
void
claim_report_unknown(Claim *claim, int line_no, const char *name, const char *suggestion)
{
	InputProblem *p = add_problem(claim);

	if (p == NULL)
		return;
	p->kind = INPUT_FIELD_UNKNOWN;
	p->line_no = line_no;
	p->field = name;
	p->value.s = NULL;
	p->value.len = 0;
	p->reason = suggestion ? psprintf("did you mean \"%s\"?", suggestion) : NULL;
}

void
claim_unknown_field(Claim *claim, int line_no, const char *name, int len, bool line_level)
{
	claim_report_unknown(claim, line_no, pnstrdup(name, len),
						 claim_field_suggestion(name, len, line_level));
}

ClaimLine *
claim_alloc_lines(Claim *claim, int n)
{
	claim->nlines = n;
	claim->lines = n > 0 ? palloc0(n * sizeof(ClaimLine)) : NULL;
	return claim->lines;
}

/* ----- reading raw values ----- */

static inline bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static ClaimStr
trimmed(ClaimStr s)
{
	while (s.len > 0 && is_space(s.s[0]))
	{
		s.s++;
		s.len--;
	}
	while (s.len > 0 && is_space(s.s[s.len - 1]))
		s.len--;
	return s;
}

/* The text of a raw value that has one: text, numbers, codes, dates, other types. */
static bool
raw_text(const RawValue *raw, ClaimStr *out)
{
	char	   *s;

	switch (raw->kind)
	{
		case RAW_TEXT:
		case RAW_OTHER:
			*out = raw->text;
			return true;
		case RAW_NUMERIC:
			s = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(raw->numeric)));
			break;
		case RAW_FLOAT:
			s = psprintf("%.15g", raw->fnum);
			break;
		case RAW_DATE:
			s = DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(raw->date)));
			break;
		case RAW_CODE:
			s = palloc(CODE_MAX_TEXT_LEN + 1);
			raw->code_type->format(raw->code, s);
			break;
		default:
			return false;
	}
	*out = claim_str(s);
	return true;
}

/* A short name of a raw value's kind, for messages. */
static const char *
raw_kind_name(const RawValue *raw)
{
	switch (raw->kind)
	{
		case RAW_BOOL:
			return "a boolean";
		case RAW_JSONB_CONTAINER:
			return JsonContainerIsArray(raw->container) ? "a list" : "an object";
		case RAW_ARRAY:
		case RAW_ITEMS:
			return "a list";
		case RAW_RECORD:
			return "a record";
		case RAW_NUMERIC:
		case RAW_FLOAT:
			return "a number";
		default:
			return "a text";
	}
}

static void
set_invalid(Claim *claim, FieldValue *fv, int line_no, const char *field, ClaimStr value, const char *reason)
{
	fv->state = VALUE_INVALID;
	fv->raw = value;
	claim_invalid_field(claim, line_no, field, value, reason);
}

static void
set_wrong_kind(Claim *claim, FieldValue *fv, int line_no, const char *field, const RawValue *raw,
			   const char *expected)
{
	ClaimStr	none = {"", 0};

	set_invalid(claim, fv, line_no, field, none,
				psprintf("%s is expected, not %s", expected, raw_kind_name(raw)));
}

/*
 * An ISO 8601 calendar date: YYYY-MM-DD or YYYYMMDD, optionally followed by a
 * time (T or a space).  Independent of DateStyle, so reading is immutable.
 * *shape_ok tells a date that does not exist (2024-02-30) from other text.
 */
static bool
parse_iso_date(ClaimStr s, DateADT *date, bool *shape_ok)
{
	int			y,
				m,
				d;
	const char *p = s.s;
	int			len = s.len;
	int			i;

	if (len >= 10 && p[4] == '-' && p[7] == '-' && (len == 10 || p[10] == 'T' || p[10] == ' '))
	{
		for (i = 0; i < 10; i++)
			if (i != 4 && i != 7 && !code_is_digit(p[i]))
				return false;
		y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
		m = (p[5] - '0') * 10 + (p[6] - '0');
		d = (p[8] - '0') * 10 + (p[9] - '0');
	}
	else if (len == 8)
	{
		for (i = 0; i < 8; i++)
			if (!code_is_digit(p[i]))
				return false;
		y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
		m = (p[4] - '0') * 10 + (p[5] - '0');
		d = (p[6] - '0') * 10 + (p[7] - '0');
	}
	else
		return false;
	*shape_ok = true;
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > day_tab[isleap(y)][m - 1])
		return false;
	*date = date2j(y, m, d) - POSTGRES_EPOCH_JDATE;
	return true;
}

static bool
parse_number(ClaimStr s, double *out)
{
	char	   *str = (char *) claim_str_cstring(s);
	char	   *end;

	errno = 0;
	*out = strtod(str, &end);
	return end != str && *end == '\0' && errno == 0 && isfinite(*out);
}

/*
 * A numeric as a double, read straight from its stored form: a 16-bit
 * header, then base-10000 digits (the short form keeps sign and weight in the
 * header, the long form keeps the weight in the next 16 bits).  That form is
 * on disk and fixed by pg_upgrade; reading it avoids numeric_float8's detour
 * through text, which would cost more than the rest of a claim's numbers.
 * Special values (NaN, infinities) take the server's own path.
 */
#define NUMERIC_SIGN_MASK		0xC000
#define NUMERIC_NEG				0x4000
#define NUMERIC_SHORT			0x8000
#define NUMERIC_SPECIAL			0xC000
#define NUMERIC_SHORT_SIGN_MASK	0x2000
#define NUMERIC_SHORT_WEIGHT_SIGN_MASK 0x0040
#define NUMERIC_SHORT_WEIGHT_MASK 0x003F
#define NUMERIC_BASE			10000.0

static bool
numeric_to_double(Numeric n, double *out)
{
	const char *data = VARDATA_ANY(n);
	int			size = VARSIZE_ANY_EXHDR(n);
	uint16		header;
	int16		weight;
	bool		negative;
	int			offset;
	int			ndigits;
	double		value = 0;
	int			i;

	if (size < (int) sizeof(uint16))
		return false;
	memcpy(&header, data, sizeof(uint16));
	if ((header & NUMERIC_SIGN_MASK) == NUMERIC_SPECIAL)
	{
		if (numeric_is_nan(n))
			return false;
		*out = DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(n)));
		return isfinite(*out);
	}
	if (header & NUMERIC_SHORT)
	{
		negative = (header & NUMERIC_SHORT_SIGN_MASK) != 0;
		weight = (int16) (((header & NUMERIC_SHORT_WEIGHT_SIGN_MASK) ? ~NUMERIC_SHORT_WEIGHT_MASK : 0) |
						  (header & NUMERIC_SHORT_WEIGHT_MASK));
		offset = sizeof(uint16);
	}
	else
	{
		if (size < (int) (2 * sizeof(uint16)))
			return false;
		negative = (header & NUMERIC_SIGN_MASK) == NUMERIC_NEG;
		memcpy(&weight, data + sizeof(uint16), sizeof(int16));
		offset = 2 * sizeof(uint16);
	}
	ndigits = (size - offset) / (int) sizeof(int16);
	for (i = 0; i < ndigits; i++)
	{
		int16		digit;

		memcpy(&digit, data + offset + i * sizeof(int16), sizeof(int16));
		value = value * NUMERIC_BASE + digit;
	}
	if (ndigits > 0 && weight - ndigits + 1 != 0)
		value *= pow(NUMERIC_BASE, weight - ndigits + 1);
	*out = negative ? -value : value;
	/* what a double cannot hold (1e400, 1e-400) is not read as infinity or 0 */
	return isfinite(*out) && (*out != 0 || ndigits == 0);
}

static void
read_text(Claim *claim, FieldValue *fv, int line_no, const char *field, const RawValue *raw)
{
	ClaimStr	s;

	if (!raw_text(raw, &s))
	{
		set_wrong_kind(claim, fv, line_no, field, raw, "a text");
		return;
	}
	s = trimmed(s);
	fv->raw = s;
	fv->state = s.len == 0 ? VALUE_MISSING : VALUE_OK;
}

static void
read_date(Claim *claim, FieldValue *fv, int line_no, const char *field, const RawValue *raw)
{
	ClaimStr	s;
	bool		shape_ok = false;

	if (raw->kind == RAW_DATE)
	{
		if (DATE_NOT_FINITE(raw->date))
		{
			set_invalid(claim, fv, line_no, field, claim_str(raw->date < 0 ? "-infinity" : "infinity"),
						"a calendar date is expected");
			return;
		}
		fv->state = VALUE_OK;
		fv->v.date = raw->date;
		return;
	}
	if (raw->kind != RAW_TEXT && raw->kind != RAW_OTHER)
	{
		set_wrong_kind(claim, fv, line_no, field, raw, "a date (YYYY-MM-DD)");
		return;
	}
	s = trimmed(raw->text);
	fv->raw = s;
	if (s.len == 0)
		fv->state = VALUE_MISSING;
	else if (parse_iso_date(s, &fv->v.date, &shape_ok))
		fv->state = VALUE_OK;
	else
		set_invalid(claim, fv, line_no, field, s, shape_ok ? "there is no such calendar date"
					: "a date is written YYYY-MM-DD (or YYYYMMDD)");
}

static void
read_number(Claim *claim, FieldValue *fv, int line_no, const char *field, const RawValue *raw, bool integral)
{
	double		d;
	bool		ok;

	switch (raw->kind)
	{
		case RAW_NUMERIC:
			ok = numeric_to_double(raw->numeric, &d);
			if (!ok)
				fv->raw = claim_str(DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(raw->numeric))));
			break;
		case RAW_FLOAT:
			d = raw->fnum;
			ok = isfinite(d);
			break;
		case RAW_TEXT:
		case RAW_OTHER:
			fv->raw = trimmed(raw->text);
			if (fv->raw.len == 0)
			{
				fv->state = VALUE_MISSING;
				return;
			}
			ok = parse_number(fv->raw, &d);
			break;
		default:
			set_wrong_kind(claim, fv, line_no, field, raw, integral ? "a whole number" : "a number");
			return;
	}
	if (ok && integral && (d != floor(d) || d < PG_INT32_MIN || d > PG_INT32_MAX))
		ok = false;
	if (!ok)
	{
		if (fv->raw.s == NULL)
			(void) raw_text(raw, &fv->raw);	/* a number that is not whole: show it */
		set_invalid(claim, fv, line_no, field, fv->raw, integral ? "a whole number is expected" : "a number is expected");
		return;
	}
	fv->state = VALUE_OK;
	if (integral)
		fv->v.ival = (int32) d;
	else
		fv->v.num = d;
}

/* A code field: invalid codes are kept as such; their rules report them with the reason. */
static void
read_code(Claim *claim, FieldValue *fv, int line_no, const char *field, const RawValue *raw,
		  const CodeType *type)
{
	ClaimStr	s;

	if (raw->kind == RAW_CODE && raw->code_type == type)
	{
		fv->state = VALUE_OK;
		fv->v.code = raw->code;
		return;
	}
	if (!raw_text(raw, &s))
	{
		set_wrong_kind(claim, fv, line_no, field, raw, psprintf("a code of type %s", type->name));
		return;
	}
	s = trimmed(s);
	fv->raw = s;
	if (s.len == 0)
		fv->state = VALUE_MISSING;
	else
		fv->state = type->parse(s.s, s.len, &fv->v.code, NULL) ? VALUE_OK : VALUE_INVALID;
}

/* Split "25,59", "25 59" or "1:2" into items. */
static int
split_list(ClaimStr s, ClaimStr **items)
{
	int			n = 0;
	int			i = 0;

	*items = palloc((s.len / 1 + 1) * sizeof(ClaimStr));
	while (i < s.len)
	{
		int			start;

		while (i < s.len && (s.s[i] == ',' || s.s[i] == ':' || s.s[i] == ';' || is_space(s.s[i])))
			i++;
		start = i;
		while (i < s.len && !(s.s[i] == ',' || s.s[i] == ':' || s.s[i] == ';' || is_space(s.s[i])))
			i++;
		if (i > start)
		{
			(*items)[n].s = s.s + start;
			(*items)[n].len = i - start;
			n++;
		}
	}
	return n;
}

/*
 * Read one list item into item, by the list's kind.  False for an item of the
 * wrong kind (a list or an object in the list): the caller reports it.
 */
static bool
read_list_item(FieldValue *item, FieldKind kind, const RawValue *raw)
{
	ClaimStr	s;
	ClaimStr	none = {"", 0};

	if (raw->kind == RAW_NULL)
	{
		item->state = VALUE_MISSING;
		return true;
	}
	if (kind == FK_ICD_LIST && raw->kind == RAW_CODE && raw->code_type == &icd10cm_type)
	{
		item->state = VALUE_OK;
		item->v.code = raw->code;
		return true;
	}
	if (kind == FK_INT_LIST && (raw->kind == RAW_NUMERIC || raw->kind == RAW_FLOAT))
	{
		double		d = raw->kind == RAW_FLOAT ? raw->fnum : 0;

		item->state = (raw->kind == RAW_FLOAT || numeric_to_double(raw->numeric, &d)) &&
			d == floor(d) && fabs(d) < 1e6 ? VALUE_OK : VALUE_INVALID;
		item->v.ival = item->state == VALUE_OK ? (int32) d : 0;
		if (item->state == VALUE_INVALID)
			raw_text(raw, &item->raw);
		return true;
	}
	if (!raw_text(raw, &s))
	{
		item->state = VALUE_INVALID;
		item->raw = none;		/* see value_reported_invalid() */
		return false;
	}
	s = trimmed(s);
	item->raw = s;
	if (s.len == 0)
		item->state = VALUE_MISSING;
	else if (kind == FK_ICD_LIST)
		item->state = icd10cm_type.parse(s.s, s.len, &item->v.code, NULL) ? VALUE_OK : VALUE_INVALID;
	else if (kind == FK_INT_LIST)
	{
		double		d;

		item->state = parse_number(s, &d) && d == floor(d) && fabs(d) < 1e6 ? VALUE_OK : VALUE_INVALID;
		item->v.ival = item->state == VALUE_OK ? (int32) d : 0;
	}
	else
		item->state = VALUE_OK;
	return true;
}

static void
read_list(Claim *claim, FieldValue *fv, int line_no, const char *field, FieldKind kind, const RawValue *raw)
{
	int			i;

	if (raw->kind == RAW_JSONB_CONTAINER && JsonContainerIsArray(raw->container))
	{
		JsonbCursor cur;
		JsonbValue	v;

		fv->items = palloc0(Max(JsonContainerSize(raw->container), 1) * sizeof(FieldValue));
		jsonb_cursor_init(&cur, raw->container);
		while (jsonb_cursor_next(&cur, NULL, NULL, &v))
		{
			RawValue	item;

			raw_from_jsonb_value(&v, &item);
			if (!read_list_item(&fv->items[fv->nitems++], kind, &item))
				claim_invalid_field(claim, line_no, field, claim_str(""),
									psprintf("item %d: %s is expected, not %s", fv->nitems,
											 kind == FK_ICD_LIST ? "an ICD-10-CM code" : kind == FK_INT_LIST ? "a number" : "a modifier",
											 raw_kind_name(&item)));
		}
	}
	else if (raw->kind == RAW_ARRAY)
	{
		Datum	   *elems;
		bool	   *nulls;
		int			n;
		Oid			elemtype = ARR_ELEMTYPE(raw->array);
		const CodeType *code_type = code_type_by_oid(elemtype);
		int16		typlen;
		bool		typbyval;
		char		typalign;

		if (ARR_NDIM(raw->array) > 1)
		{
			set_wrong_kind(claim, fv, line_no, field, raw, "a one-dimensional list");
			return;
		}
		get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
		deconstruct_array(raw->array, elemtype, typlen, typbyval, typalign, &elems, &nulls, &n);
		fv->items = palloc0(Max(n, 1) * sizeof(FieldValue));
		for (i = 0; i < n; i++)
		{
			RawValue	item = {0};

			if (nulls[i])
				item.kind = RAW_NULL;
			else if (code_type != NULL)
			{
				item.kind = RAW_CODE;
				item.code = DatumGetInt64(elems[i]);
				item.code_type = code_type;
			}
			else if (elemtype == INT4OID || elemtype == INT2OID || elemtype == INT8OID)
			{
				item.kind = RAW_FLOAT;
				item.fnum = elemtype == INT4OID ? DatumGetInt32(elems[i])
					: elemtype == INT2OID ? DatumGetInt16(elems[i]) : (double) DatumGetInt64(elems[i]);
			}
			else
			{
				Oid			outfunc;
				bool		isvarlena;

				getTypeOutputInfo(elemtype, &outfunc, &isvarlena);
				item.kind = RAW_OTHER;
				item.text = claim_str(OidOutputFunctionCall(outfunc, elems[i]));
			}
			(void) read_list_item(&fv->items[fv->nitems++], kind, &item);
		}
	}
	else if (raw->kind == RAW_ITEMS)
	{
		fv->items = palloc0(Max(raw->nitems, 1) * sizeof(FieldValue));
		for (i = 0; i < raw->nitems; i++)
		{
			RawValue	item = {0};

			item.kind = RAW_TEXT;
			item.text = raw->items[i];
			(void) read_list_item(&fv->items[fv->nitems++], kind, &item);
		}
	}
	else if (raw->kind == RAW_TEXT || raw->kind == RAW_OTHER || (kind == FK_INT_LIST && raw->kind == RAW_NUMERIC))
	{
		ClaimStr   *parts;
		ClaimStr	s;
		int			n;

		if (kind == FK_ICD_LIST)
		{
			set_wrong_kind(claim, fv, line_no, field, raw, "a list of ICD-10-CM codes");
			return;
		}
		raw_text(raw, &s);
		n = split_list(s, &parts);
		fv->items = palloc0(Max(n, 1) * sizeof(FieldValue));
		for (i = 0; i < n; i++)
		{
			RawValue	item = {0};

			item.kind = RAW_TEXT;
			item.text = parts[i];
			(void) read_list_item(&fv->items[fv->nitems++], kind, &item);
		}
	}
	else
	{
		set_wrong_kind(claim, fv, line_no, field, raw, "a list");
		return;
	}
	fv->state = fv->nitems == 0 ? VALUE_MISSING : VALUE_OK;
}

static void
read_field(Claim *claim, FieldValue *fv, const FieldSpec *spec, int line_no, const RawValue *raw)
{
	if (raw->kind == RAW_NULL)
	{
		fv->state = VALUE_MISSING;
		return;
	}
	switch (spec->kind)
	{
		case FK_TEXT:
			read_text(claim, fv, line_no, spec->name, raw);
			break;
		case FK_DATE:
			read_date(claim, fv, line_no, spec->name, raw);
			break;
		case FK_NUMBER:
			read_number(claim, fv, line_no, spec->name, raw, false);
			break;
		case FK_INT:
			read_number(claim, fv, line_no, spec->name, raw, true);
			break;
		case FK_NPI:
			read_code(claim, fv, line_no, spec->name, raw, &npi_type);
			break;
		case FK_HCPCS:
			read_code(claim, fv, line_no, spec->name, raw, &hcpcs_type);
			break;
		case FK_NDC:
			read_code(claim, fv, line_no, spec->name, raw, &ndc_type);
			break;
		case FK_ICD_LIST:
		case FK_TEXT_LIST:
		case FK_INT_LIST:
			read_list(claim, fv, line_no, spec->name, spec->kind, raw);
			break;
		case FK_LINES:
			/* the readers handle lines themselves */
			break;
	}
}

/* Only the member of the value's kind is set: readers look at nothing else. */
void
raw_from_jsonb_value(const JsonbValue *v, RawValue *raw)
{
	switch (v->type)
	{
		case jbvNull:
			raw->kind = RAW_NULL;
			break;
		case jbvString:
			raw->kind = RAW_TEXT;
			raw->text.s = v->val.string.val;
			raw->text.len = v->val.string.len;
			break;
		case jbvNumeric:
			raw->kind = RAW_NUMERIC;
			raw->numeric = v->val.numeric;
			break;
		case jbvBool:
			raw->kind = RAW_BOOL;
			raw->boolean = v->val.boolean;
			break;
		case jbvBinary:
			raw->kind = RAW_JSONB_CONTAINER;
			raw->container = v->val.binary.data;
			break;
		default:
			raw->kind = RAW_OTHER;
			raw->text = claim_str("?");
			break;
	}
}

void
claim_set_field(Claim *claim, ClaimFieldId id, const RawValue *raw)
{
	if (!(claim_fields_read & FIELD_BIT(id)))
		return;					/* no rule that is on reads it */
	read_field(claim, &claim->f[id], &claim_field_specs[id], 0, raw);
}

void
claim_set_line_field(Claim *claim, ClaimLine *line, LineFieldId id, const RawValue *raw)
{
	if (!(line_fields_read & FIELD_BIT(id)))
		return;
	read_field(claim, &line->f[id], &line_field_specs[id], line->line_no, raw);
	/* issues on line 0 would read as header issues: a line keeps its position then */
	if (id == LF_LINE_NO && line->f[id].state == VALUE_OK && line->f[id].v.ival < 1)
		set_invalid(claim, &line->f[id], line->line_no, line_field_specs[id].name,
					claim_str(psprintf("%d", line->f[id].v.ival)), "a line number is 1 or more");
	else if (id == LF_LINE_NO && line->f[id].state == VALUE_OK)
		line->line_no = line->f[id].v.ival;
}
