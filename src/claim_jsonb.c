/*
 * claim_jsonb.c
 *	  Read a claim from a jsonb object with the field names of the claim
 *	  contract.  Keys are visited once, in storage order; an unknown key is
 *	  reported (with the known field it most resembles), never ignored.
 */
#include "postgres.h"

#include "claim.h"

void
raw_from_jsonb_value(const JsonbValue *v, RawValue *raw)
{
	memset(raw, 0, sizeof(RawValue));
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

/* The line's own line_no, read before the other keys so problems name the right line. */
static void
read_line_no(Claim *claim, ClaimLine *line, JsonbContainer *object)
{
	JsonbValue	v;
	RawValue	raw;

	if (getKeyJsonValueFromContainer(object, "line_no", 7, &v) == NULL)
		return;
	raw_from_jsonb_value(&v, &raw);
	claim_set_line_field(claim, line, LF_LINE_NO, &raw);
}

static void
read_line(Claim *claim, ClaimLine *line, JsonbContainer *object)
{
	JsonbIterator *it;
	JsonbValue	key;
	JsonbValue	value;
	JsonbIteratorToken tok;

	read_line_no(claim, line, object);
	it = JsonbIteratorInit(object);
	while ((tok = JsonbIteratorNext(&it, &key, true)) != WJB_DONE)
	{
		int			id;
		RawValue	raw;

		if (tok != WJB_KEY)
			continue;
		tok = JsonbIteratorNext(&it, &value, true);
		Assert(tok == WJB_VALUE);
		id = line_field_lookup(key.val.string.val, key.val.string.len);
		if (id == LF_LINE_NO)
			continue;
		if (id < 0)
		{
			claim_unknown_field(claim, line->line_no, key.val.string.val, key.val.string.len, true);
			continue;
		}
		raw_from_jsonb_value(&value, &raw);
		claim_set_line_field(claim, line, (LineFieldId) id, &raw);
	}
}

/* lines: a jsonb array of line objects. */
void
claim_read_jsonb_lines(Claim *claim, JsonbContainer *array)
{
	JsonbIterator *it = JsonbIteratorInit(array);
	JsonbValue	v;
	JsonbIteratorToken tok;
	ClaimLine  *lines = claim_alloc_lines(claim, JsonContainerSize(array));
	int			n = 0;

	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		ClaimLine  *line;

		if (tok != WJB_ELEM)
			continue;
		line = &lines[n++];
		line->line_no = n;
		if (v.type == jbvBinary && JsonContainerIsObject(v.val.binary.data))
			read_line(claim, line, v.val.binary.data);
		else
		{
			RawValue	raw;

			raw_from_jsonb_value(&v, &raw);
			claim_invalid_field(claim, n, "lines", raw.kind == RAW_TEXT ? raw.text : claim_str(""),
								"each line is an object with the line fields");
		}
	}
	claim->f[CF_LINES].state = n > 0 ? VALUE_OK : VALUE_MISSING;
}

Claim *
claim_from_jsonb(Jsonb *jb)
{
	Claim	   *claim = claim_new(SOURCE_JSONB);
	JsonbIterator *it;
	JsonbValue	key;
	JsonbValue	value;
	JsonbIteratorToken tok;

	if (!JB_ROOT_IS_OBJECT(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a claim in jsonb must be an object"),
				 errdetail("The value given is a JSON %s.",
						   JB_ROOT_IS_SCALAR(jb) ? "scalar" : "array"),
				 errhint("Pass an object with the claim fields (claim_id, billing_npi, diagnoses, lines, ...) or a FHIR Claim resource.")));

	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &key, true)) != WJB_DONE)
	{
		int			id;
		RawValue	raw;

		if (tok != WJB_KEY)
			continue;
		tok = JsonbIteratorNext(&it, &value, true);
		Assert(tok == WJB_VALUE);
		id = claim_field_lookup(key.val.string.val, key.val.string.len);
		if (id < 0)
		{
			claim_unknown_field(claim, 0, key.val.string.val, key.val.string.len, false);
			continue;
		}
		raw_from_jsonb_value(&value, &raw);
		if (id == CF_LINES)
		{
			if (raw.kind == RAW_JSONB_CONTAINER && JsonContainerIsArray(raw.container))
				claim_read_jsonb_lines(claim, raw.container);
			else if (raw.kind == RAW_NULL)
				claim->f[CF_LINES].state = VALUE_MISSING;
			else
			{
				claim->f[CF_LINES].state = VALUE_INVALID;
				claim_invalid_field(claim, 0, "lines", claim_str(""), "lines is a list of line objects");
			}
			continue;
		}
		claim_set_field(claim, (ClaimFieldId) id, &raw);
	}
	return claim;
}
