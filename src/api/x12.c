/*
 * x12.c
 *	  The SQL functions over X12 files: read_837(x12 text), one row per claim
 *	  of the 837P and 837I transactions of the file, as jsonb in the claim
 *	  contract, with where it came from.
 */
#include "postgres.h"

#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "base/srf.h"
#include "claim/claim.h"
#include "claim/x837.h"

#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

static Datum
text_datum(X12Str s)
{
	return PointerGetDatum(cstring_to_text_with_len(s.s, s.len));
}

static Datum
qualifiers_datum(const X837Claim *c)
{
	Datum	   *elems = palloc(Max(c->ndiagnoses, 1) * sizeof(Datum));
	int			i;

	for (i = 0; i < c->ndiagnoses; i++)
		elems[i] = text_datum(c->diagnosis_qualifiers[i]);
	return PointerGetDatum(construct_array(elems, c->ndiagnoses, TEXTOID, -1, false, TYPALIGN_INT));
}

/*
 * read_837(x12 text) -> SETOF (interchange_control, group_control,
 * transaction_control, clm_segment, hl_path, claim_id, claim,
 * diagnosis_qualifiers).  Transactions other than 837P and 837I 5010 give
 * no rows; nothing in the file raises.
 */
PG_FUNCTION_INFO_V1(read_837);
Datum
read_837(PG_FUNCTION_ARGS)
{
	text	   *x12 = PG_GETARG_TEXT_PP(0);
	TupleDesc	tupdesc;
	Tuplestorestate *store = begin_materialized_srf(fcinfo, &tupdesc);
	X837Reader *reader = x837_begin(VARDATA_ANY(x12), VARSIZE_ANY_EXHDR(x12));
	MemoryContext row_cxt = AllocSetContextCreate(CurrentMemoryContext, "cleanclaim read_837 row",
												  ALLOCSET_DEFAULT_SIZES);
	X837Claim  *c;

	while ((c = x837_next_claim(reader)) != NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(row_cxt);
		Datum		values[8];
		bool		nulls[8] = {false};

		values[0] = text_datum(c->interchange_control);
		values[1] = text_datum(c->group_control);
		values[2] = text_datum(c->transaction_control);
		values[3] = Int32GetDatum((int32) Min(c->clm_segment, PG_INT32_MAX));
		values[4] = CStringGetTextDatum(c->hl_path);
		values[5] = text_datum(c->f[CF_CLAIM_ID].s);
		nulls[5] = c->f[CF_CLAIM_ID].s.len == 0;
		values[6] = PointerGetDatum(x837_claim_jsonb(c));
		values[7] = qualifiers_datum(c);
		tuplestore_putvalues(store, tupdesc, values, nulls);
		MemoryContextSwitchTo(old);
		MemoryContextReset(row_cxt);
	}
	return (Datum) 0;
}
