/*
 * x837_model.c
 *	  A claim read from an 837 straight into the rules' claim model, without
 *	  going through jsonb: each value is handed to the model as the text the
 *	  file has (dates CCYYMMDD, which the model reads as it reads
 *	  YYYY-MM-DD), lists as their items.  validate_837() runs the rules on
 *	  this; it reads as the jsonb read_837() returns would.
 */
#include "postgres.h"

#include "claim/claim.h"
#include "claim/x837.h"

static void
set_text(Claim *claim, ClaimLine *line, int id, X12Str s)
{
	RawValue	raw;

	memset(&raw, 0, sizeof(raw));
	raw.kind = RAW_TEXT;
	raw.text.s = s.s;
	raw.text.len = s.len;
	if (line != NULL)
		claim_set_line_field(claim, line, (LineFieldId) id, &raw);
	else
		claim_set_field(claim, (ClaimFieldId) id, &raw);
}

static void
set_items(Claim *claim, ClaimLine *line, int id, const X837Value *values, int n)
{
	RawValue	raw;
	ClaimStr   *items;
	int			i;

	if (n == 0)
		return;
	items = palloc(n * sizeof(ClaimStr));
	for (i = 0; i < n; i++)
	{
		items[i].s = values[i].s.s;
		items[i].len = values[i].s.len;
	}
	memset(&raw, 0, sizeof(raw));
	raw.kind = RAW_ITEMS;
	raw.items = items;
	raw.nitems = n;
	if (line != NULL)
		claim_set_line_field(claim, line, (LineFieldId) id, &raw);
	else
		claim_set_field(claim, (ClaimFieldId) id, &raw);
}

Claim *
x837_claim_model(const X837Claim *c)
{
	Claim	   *claim = claim_new(SOURCE_X12);
	X12Str		type;
	int			i,
				k;

	type.s = c->institutional ? "institutional" : "professional";
	type.len = (int) strlen(type.s);
	set_text(claim, NULL, CF_CLAIM_TYPE, type);
	for (i = 0; i < CLAIM_FIELD_COUNT; i++)
		if (i != CF_CLAIM_TYPE && i != CF_DIAGNOSES && i != CF_ICD10PCS_PROCEDURES && i != CF_LINES &&
			c->f[i].s.len > 0)
			set_text(claim, NULL, i, c->f[i].s);
	set_items(claim, NULL, CF_DIAGNOSES, c->diagnoses, c->ndiagnoses);
	set_items(claim, NULL, CF_ICD10PCS_PROCEDURES, c->procedures, c->nprocedures);
	if (c->nlines > 0)
	{
		ClaimLine  *lines = claim_alloc_lines(claim, c->nlines);

		for (k = 0; k < c->nlines; k++)
		{
			const X837Line *l = &c->lines[k];

			lines[k].line_no = k + 1;
			for (i = 0; i < LINE_FIELD_COUNT; i++)
				if (i != LF_MODIFIERS && i != LF_DX_POINTERS && l->f[i].s.len > 0)
					set_text(claim, &lines[k], i, l->f[i].s);
			set_items(claim, &lines[k], LF_MODIFIERS, l->modifiers, l->nmodifiers);
			set_items(claim, &lines[k], LF_DX_POINTERS, l->pointers, l->npointers);
		}
	}
	claim->f[CF_LINES].state = c->nlines > 0 ? VALUE_OK : VALUE_MISSING;
	return claim;
}
