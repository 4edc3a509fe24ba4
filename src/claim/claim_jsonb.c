/*
 * claim_jsonb.c
 *	  Read a claim from a jsonb object with the field names of the claim
 *	  contract.  Keys are visited once, in storage order; an unknown key is
 *	  reported (with the known field it most resembles), never ignored.
 */
#include "postgres.h"

#include "claim/claim.h"

static void
read_line(Claim *claim, ClaimLine *line, JsonbContainer *object)
{
	JsonbCursor cur;
	const char *key = NULL;
	int			keylen = 0;
	JsonbValue	value;
	int			position = line->line_no;
	int			first_problem = claim->nproblems;
	int			i;

	jsonb_cursor_init(&cur, object);
	while (jsonb_cursor_next(&cur, &key, &keylen, &value))
	{
		int			id = line_field_lookup(key, keylen);
		RawValue	raw;

		if (id < 0)
		{
			claim_unknown_field(claim, line->line_no, key, keylen, true);
			continue;
		}
		raw_from_jsonb_value(&value, &raw);
		claim_set_line_field(claim, line, (LineFieldId) id, &raw);
	}
	/* problems found before line_no was read name the line given, not its position */
	if (line->line_no != position)
		for (i = first_problem; i < claim->nproblems; i++)
			claim->problems[i].line_no = line->line_no;
}

/* lines: a jsonb array of line objects. */
void
claim_read_jsonb_lines(Claim *claim, JsonbContainer *array)
{
	JsonbCursor cur;
	JsonbValue	v;
	ClaimLine  *lines = claim_alloc_lines(claim, JsonContainerSize(array));
	int			n = 0;

	jsonb_cursor_init(&cur, array);
	while (jsonb_cursor_next(&cur, NULL, NULL, &v))
	{
		ClaimLine  *line;

		line = &lines[n++];
		line->line_no = n;
		if (v.type == jbvBinary && JsonContainerIsObject(v.val.binary.data))
			read_line(claim, line, v.val.binary.data);
		else
		{
			RawValue	raw;

			raw_from_jsonb_value(&v, &raw);
			line->unreadable = true;
			claim_invalid_field(claim, n, "lines", raw.kind == RAW_TEXT ? raw.text : claim_str(""),
								"each line is an object with the line fields");
		}
	}
	claim->f[CF_LINES].state = n > 0 ? VALUE_OK : VALUE_MISSING;
}

/* A claim from a jsonb object; NULL when the object is a FHIR resource. */
Claim *
claim_from_jsonb(Jsonb *jb)
{
	Claim	   *claim = claim_new(SOURCE_JSONB);
	JsonbCursor cur;
	const char *key = NULL;
	int			keylen = 0;
	JsonbValue	value;

	if (!JB_ROOT_IS_OBJECT(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a claim in jsonb must be an object"),
				 errdetail("The value given is a JSON %s.",
						   JB_ROOT_IS_SCALAR(jb) ? "scalar" : "array"),
				 errhint("Pass an object with the claim fields (claim_id, billing_npi, diagnoses, lines, ...) or a FHIR Claim resource.")));

	jsonb_cursor_init(&cur, &jb->root);
	while (jsonb_cursor_next(&cur, &key, &keylen, &value))
	{
		int			id = claim_field_lookup(key, keylen);
		RawValue	raw;

		if (id < 0)
		{
			if (keylen == 12 && memcmp(key, "resourceType", 12) == 0)
				return NULL;	/* a FHIR resource: claim_from_fhir() reads it */
			claim_unknown_field(claim, 0, key, keylen, false);
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
