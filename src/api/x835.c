/*
 * x835.c
 *	  The SQL functions over 835 files: read_835() and its companions, one
 *	  row per claim payment, service line, adjustment and provider-level
 *	  adjustment; validate_835(), the file's problems as issues.  All walk
 *	  the file once with the reader of src/responses.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/memutils.h"

#include "base/srf.h"
#include "refdata/refdata.h"
#include "responses/x835.h"
#include "api/x12_issues.h"

#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/* ----- values ----- */

typedef struct Row
{
	Datum		values[32];
	bool		nulls[32];
	int			n;
} Row;

static void
put_text(Row *row, X12Str s)
{
	row->nulls[row->n] = s.len == 0;
	row->values[row->n++] = s.len == 0 ? (Datum) 0 : x12_text_datum(s);
}

static void
put_int(Row *row, int64 v)
{
	row->nulls[row->n] = false;
	row->values[row->n++] = Int32GetDatum((int32) Min(v, PG_INT32_MAX));
}

static void
put_null(Row *row)
{
	row->nulls[row->n] = true;
	row->values[row->n++] = (Datum) 0;
}

/* An amount as written ("800.00"), NULL when absent or not a number. */
static void
put_amount(Row *row, X12Str s)
{
	int64		amount;

	if (!x12_parse_amount(s, &amount))
	{
		put_null(row);
		return;
	}
	row->nulls[row->n] = false;
	row->values[row->n++] = DirectFunctionCall3(numeric_in, CStringGetDatum(pnstrdup(s.s, s.len)),
												ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

static void
put_date(Row *row, X12Str s)
{
	int32		date;

	if (!x12_parse_date(s, &date))
	{
		put_null(row);
		return;
	}
	row->nulls[row->n] = false;
	row->values[row->n++] = DateADTGetDatum(date);
}

static void
put_codes(Row *row, const X12Str *codes, int n)
{
	Datum	   *elems = palloc(Max(n, 1) * sizeof(Datum));
	int			i;

	for (i = 0; i < n; i++)
		elems[i] = x12_text_datum(codes[i]);
	row->nulls[row->n] = false;
	row->values[row->n++] = PointerGetDatum(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/* ----- rows ----- */

static void
claim_row(Row *row, const X835Claim *c)
{
	const X835Payment *p = c->payment;
	int32		date;

	put_text(row, p->interchange_control);
	put_text(row, p->transaction_control);
	put_text(row, p->trace_number);
	put_text(row, p->payer_id.len > 0 ? p->payer_id : p->originator);
	put_text(row, p->payer_name);
	put_text(row, p->payee_id);
	put_text(row, p->payee_name);
	put_amount(row, p->amount);
	put_text(row, p->method);
	/* the payment's date, or the day the 835 was made when BPR16 is missing or not a date */
	put_date(row, x12_parse_date(p->payment_date, &date) ? p->payment_date : p->production_date);
	put_int(row, c->claim_no);
	put_int(row, c->segment_no);
	put_text(row, c->claim_id);
	put_text(row, c->status);
	put_amount(row, c->charge);
	put_amount(row, c->paid);
	put_amount(row, c->patient_responsibility);
	put_text(row, c->filing_indicator);
	put_text(row, c->payer_claim_number);
	put_text(row, c->facility_code);
	put_text(row, c->frequency_code);
	put_text(row, c->drg);
	put_text(row, c->patient_last_name);
	put_text(row, c->patient_first_name);
	put_text(row, c->member_id);
	put_date(row, c->service_from);
	put_date(row, c->service_to);
	put_date(row, c->received_on);
	put_codes(row, c->remarks, c->nremarks);
	put_int(row, c->nlines);
}

static void
line_row(Row *row, const X835Claim *c, const X835Line *l)
{
	int			nmodifiers = 0;

	while (nmodifiers < 4 && l->modifiers[nmodifiers].len > 0)
		nmodifiers++;
	put_text(row, c->payment->transaction_control);
	put_int(row, c->claim_no);
	put_text(row, c->claim_id);
	put_int(row, l->line_no);
	put_int(row, l->segment_no);
	put_text(row, l->qualifier);
	put_text(row, l->procedure);
	put_codes(row, l->modifiers, nmodifiers);
	put_amount(row, l->charge);
	put_amount(row, l->paid);
	put_text(row, l->revenue_code);
	put_amount(row, l->units);
	put_text(row, l->original_procedure);
	put_date(row, l->service_from);
	put_date(row, l->service_to);
	put_text(row, l->line_control);
	put_amount(row, l->allowed);
	put_codes(row, l->remarks, l->nremarks);
}

static void
adjustment_row(Row *row, const X835Claim *c, const X835Adjustment *a)
{
	put_text(row, c->payment->transaction_control);
	put_int(row, c->claim_no);
	put_text(row, c->claim_id);
	if (a->line_no > 0)
		put_int(row, a->line_no);
	else
		put_null(row);
	put_int(row, a->segment_no);
	put_int(row, a->triplet);
	put_text(row, a->group_code);
	put_text(row, a->reason);
	put_amount(row, a->amount);
	put_amount(row, a->quantity);
}

static void
provider_adjustment_row(Row *row, const X835ProviderAdjustment *a)
{
	put_text(row, a->payment->transaction_control);
	put_text(row, a->payment->trace_number);
	put_int(row, a->segment_no);
	put_text(row, a->provider_id);
	put_date(row, a->fiscal_period);
	put_text(row, a->reason);
	put_text(row, a->reference);
	put_amount(row, a->amount);
}

/* ----- the functions ----- */

typedef enum What835
{
	CLAIMS,
	LINES,
	ADJUSTMENTS,
	PROVIDER_ADJUSTMENTS
} What835;

static void
put_row(Tuplestorestate *store, TupleDesc tupdesc, Row *row)
{
	Assert(row->n == tupdesc->natts);
	tuplestore_putvalues(store, tupdesc, row->values, row->nulls);
	row->n = 0;
}

static Datum
read_835_rows(FunctionCallInfo fcinfo, What835 what)
{
	text	   *x12 = PG_GETARG_TEXT_PP(0);
	TupleDesc	tupdesc;
	Tuplestorestate *store = begin_materialized_srf(fcinfo, &tupdesc);
	X835Reader *reader = x835_begin(VARDATA_ANY(x12), VARSIZE_ANY_EXHDR(x12), false);
	MemoryContext row_cxt = AllocSetContextCreate(CurrentMemoryContext, "cleanclaim read_835 row",
												  ALLOCSET_DEFAULT_SIZES);
	const X835Claim *c;
	Row			row;
	int			i;

	row.n = 0;
	while ((c = x835_next_claim(reader)) != NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(row_cxt);

		if (what == CLAIMS)
		{
			claim_row(&row, c);
			put_row(store, tupdesc, &row);
		}
		else if (what == LINES)
			for (i = 0; i < c->nlines; i++)
			{
				line_row(&row, c, &c->lines[i]);
				put_row(store, tupdesc, &row);
			}
		else if (what == ADJUSTMENTS)
			for (i = 0; i < c->nadjustments; i++)
			{
				adjustment_row(&row, c, &c->adjustments[i]);
				put_row(store, tupdesc, &row);
			}
		MemoryContextSwitchTo(old);
		MemoryContextReset(row_cxt);
	}
	if (what == PROVIDER_ADJUSTMENTS)
	{
		const X835ProviderAdjustment *plbs;
		int			n = x835_provider_adjustments(reader, &plbs);

		for (i = 0; i < n; i++)
		{
			provider_adjustment_row(&row, &plbs[i]);
			put_row(store, tupdesc, &row);
		}
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(read_835);
Datum
read_835(PG_FUNCTION_ARGS)
{
	return read_835_rows(fcinfo, CLAIMS);
}

PG_FUNCTION_INFO_V1(read_835_lines);
Datum
read_835_lines(PG_FUNCTION_ARGS)
{
	return read_835_rows(fcinfo, LINES);
}

PG_FUNCTION_INFO_V1(read_835_adjustments);
Datum
read_835_adjustments(PG_FUNCTION_ARGS)
{
	return read_835_rows(fcinfo, ADJUSTMENTS);
}

PG_FUNCTION_INFO_V1(read_835_provider_adjustments);
Datum
read_835_provider_adjustments(PG_FUNCTION_ARGS)
{
	return read_835_rows(fcinfo, PROVIDER_ADJUSTMENTS);
}

/*
 * validate_835(x12 text) -> the columns of validate_837: each claim
 * payment's problems (its balance), then the file's (the envelope, the
 * elements, segments out of place, the payment's balance).
 */
PG_FUNCTION_INFO_V1(validate_835);
Datum
validate_835(PG_FUNCTION_ARGS)
{
	text	   *x12 = PG_GETARG_TEXT_PP(0);
	TupleDesc	tupdesc;
	Tuplestorestate *store = begin_materialized_srf(fcinfo, &tupdesc);
	X835Reader *reader;
	const X835Claim *c;
	const X12Problem *problems;
	int			n;

	refdata_begin_statement();	/* the rule settings as of this statement */
	reader = x835_begin(VARDATA_ANY(x12), VARSIZE_ANY_EXHDR(x12), true);
	while ((c = x835_next_claim(reader)) != NULL)
		x12_put_problems(store, tupdesc, c->claim_id, c->problems, c->nproblems);
	n = x835_file_problems(reader, &problems);
	x12_put_problems(store, tupdesc, X12_NO_STR, problems, n);
	return (Datum) 0;
}
