/*
 * x837_jsonb.c
 *	  A claim read from an 837 as jsonb in the claim contract: what
 *	  read_837() returns and what any other reader of the contract takes.
 *	  Dates become ISO dates (CCYYMMDD -> CCYY-MM-DD), amounts and counts
 *	  numbers; a value that is not of its field's shape stays the text the
 *	  file has, so that the contract's reader reports it.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "claim/claim.h"
#include "claim/x837.h"

static void
push_key(JsonbParseState **st, const char *name)
{
	JsonbValue	k;

	k.type = jbvString;
	k.val.string.val = (char *) name;
	k.val.string.len = (int) strlen(name);
	pushJsonbValue(st, WJB_KEY, &k);
}

static void
push_string(JsonbParseState **st, JsonbIteratorToken token, const char *s, int len)
{
	JsonbValue	v;

	v.type = jbvString;
	v.val.string.val = (char *) s;
	v.val.string.len = len;
	pushJsonbValue(st, token, &v);
}

/* [-]digits[.digits]: what numeric_in takes without raising. */
static bool
is_decimal(X12Str s)
{
	int			i = 0;
	bool		digits = false;
	bool		point = false;

	if (s.len > 0 && (s.s[0] == '-' || s.s[0] == '+'))
		i++;
	for (; i < s.len; i++)
	{
		if (s.s[i] >= '0' && s.s[i] <= '9')
			digits = true;
		else if (s.s[i] == '.' && !point)
			point = true;
		else
			return false;
	}
	return digits && s.len <= 64;
}

static void
push_number(JsonbParseState **st, JsonbIteratorToken token, X12Str s)
{
	JsonbValue	v;

	if (!is_decimal(s))
	{
		push_string(st, token, s.s, s.len);
		return;
	}
	v.type = jbvNumeric;
	v.val.numeric = DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(pnstrdup(s.s, s.len)),
														ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
	pushJsonbValue(st, token, &v);
}

static void
push_date(JsonbParseState **st, X12Str s)
{
	char		iso[11];
	int			i;

	for (i = 0; i < s.len && s.s[i] >= '0' && s.s[i] <= '9'; i++)
		;
	if (s.len != 8 || i != 8)
	{
		push_string(st, WJB_VALUE, s.s, s.len);
		return;
	}
	memcpy(iso, s.s, 4);
	iso[4] = '-';
	memcpy(iso + 5, s.s + 4, 2);
	iso[7] = '-';
	memcpy(iso + 8, s.s + 6, 2);
	iso[10] = '\0';
	push_string(st, WJB_VALUE, pstrdup(iso), 10);
}

static void
push_value(JsonbParseState **st, FieldKind kind, X12Str s)
{
	switch (kind)
	{
		case FK_DATE:
			push_date(st, s);
			break;
		case FK_NUMBER:
		case FK_INT:
			push_number(st, WJB_VALUE, s);
			break;
		default:
			push_string(st, WJB_VALUE, s.s, s.len);
			break;
	}
}

static void
push_values(JsonbParseState **st, const char *name, const X837Value *values, int n, bool numbers)
{
	int			i;

	if (n == 0)
		return;
	push_key(st, name);
	pushJsonbValue(st, WJB_BEGIN_ARRAY, NULL);
	for (i = 0; i < n; i++)
	{
		if (numbers)
			push_number(st, WJB_ELEM, values[i].s);
		else
			push_string(st, WJB_ELEM, values[i].s.s, values[i].s.len);
	}
	pushJsonbValue(st, WJB_END_ARRAY, NULL);
}

/*
 * The fields in the order jsonb keeps an object's keys (shorter first, then
 * bytewise): pushed in that order, the object's closing sort finds them
 * sorted and does not move them.
 */
static int	claim_order[CLAIM_FIELD_COUNT];
static int	line_order[LINE_FIELD_COUNT];
static bool orders_known = false;

static int
compare_names(const char *a, const char *b)
{
	int			la = (int) strlen(a);
	int			lb = (int) strlen(b);

	return la != lb ? la - lb : strcmp(a, b);
}

static void
sort_fields(const FieldSpec *specs, int *order, int n)
{
	int			i,
				j;

	for (i = 0; i < n; i++)
		order[i] = i;
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && compare_names(specs[order[j - 1]].name, specs[order[j]].name) > 0; j--)
		{
			int			t = order[j];

			order[j] = order[j - 1];
			order[j - 1] = t;
		}
}

static void
know_orders(void)
{
	sort_fields(claim_field_specs, claim_order, CLAIM_FIELD_COUNT);
	sort_fields(line_field_specs, line_order, LINE_FIELD_COUNT);
	orders_known = true;
}

static void
push_line(JsonbParseState **st, const X837Line *line)
{
	int			k;

	pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
	for (k = 0; k < LINE_FIELD_COUNT; k++)
	{
		int			i = line_order[k];

		if (i == LF_MODIFIERS)
			push_values(st, "modifiers", line->modifiers, line->nmodifiers, false);
		else if (i == LF_DX_POINTERS)
			push_values(st, "dx_pointers", line->pointers, line->npointers, true);
		else if (line->f[i].s.len > 0)
		{
			push_key(st, line_field_specs[i].name);
			push_value(st, line_field_specs[i].kind, line->f[i].s);
		}
	}
	pushJsonbValue(st, WJB_END_OBJECT, NULL);
}

Jsonb *
x837_claim_jsonb(const X837Claim *c)
{
	JsonbParseState *st = NULL;
	JsonbValue *result;
	int			k;
	int			i;

	if (!orders_known)
		know_orders();
	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	for (k = 0; k < CLAIM_FIELD_COUNT; k++)
	{
		int			f = claim_order[k];

		switch (f)
		{
			case CF_CLAIM_TYPE:
				push_key(&st, "claim_type");
				push_string(&st, WJB_VALUE, c->institutional ? "institutional" : "professional",
							c->institutional ? 13 : 12);
				break;
			case CF_DIAGNOSES:
				push_values(&st, "diagnoses", c->diagnoses, c->ndiagnoses, false);
				break;
			case CF_ICD10PCS_PROCEDURES:
				push_values(&st, "icd10pcs_procedures", c->procedures, c->nprocedures, false);
				break;
			case CF_LINES:
				if (c->nlines == 0)
					break;
				push_key(&st, "lines");
				pushJsonbValue(&st, WJB_BEGIN_ARRAY, NULL);
				for (i = 0; i < c->nlines; i++)
					push_line(&st, &c->lines[i]);
				pushJsonbValue(&st, WJB_END_ARRAY, NULL);
				break;
			default:
				if (c->f[f].s.len == 0)
					break;
				push_key(&st, claim_field_specs[f].name);
				push_value(&st, claim_field_specs[f].kind, c->f[f].s);
				break;
		}
	}
	result = pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	return JsonbValueToJsonb(result);
}
