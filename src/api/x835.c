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
#include "api/x12_rows.h"

#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/* ----- rows ----- */

/*
 * The payment's columns, the same for each of its claim payments: made once
 * per payment, in memory that outlives the rows (cxt), and copied into each.
 */
#define PAYMENT_NATTS 10

typedef struct PaymentColumns
{
	const X835Payment *payment;	/* whose columns these are, NULL before the first */
	X12Row		row;
} PaymentColumns;

static void
payment_columns(PaymentColumns *pc, const X835Payment *p, MemoryContext cxt)
{
	MemoryContext old;
	int32		date;

	if (pc->payment == p)
		return;
	old = MemoryContextSwitchTo(cxt);
	pc->payment = p;
	pc->row.n = 0;
	x12_row_text(&pc->row, p->interchange_control);
	x12_row_text(&pc->row, p->transaction_control);
	x12_row_text(&pc->row, p->trace_number);
	x12_row_text(&pc->row, p->payer_id.len > 0 ? p->payer_id : p->originator);
	x12_row_text(&pc->row, p->payer_name);
	x12_row_text(&pc->row, p->payee_id);
	x12_row_text(&pc->row, p->payee_name);
	x12_row_amount(&pc->row, p->amount);
	x12_row_text(&pc->row, p->method);
	/* the payment's date, or the day the 835 was made when BPR16 is missing or not a date */
	x12_row_date(&pc->row, x12_parse_date(p->payment_date, &date) ? p->payment_date : p->production_date);
	Assert(pc->row.n == PAYMENT_NATTS);
	MemoryContextSwitchTo(old);
}

static void
claim_row(X12Row *row, const X835Claim *c, const PaymentColumns *pc)
{
	memcpy(row->values, pc->row.values, PAYMENT_NATTS * sizeof(Datum));
	memcpy(row->nulls, pc->row.nulls, PAYMENT_NATTS * sizeof(bool));
	row->n = PAYMENT_NATTS;
	x12_row_int(row, c->claim_no);
	x12_row_int(row, c->segment_no);
	x12_row_text(row, c->claim_id);
	x12_row_text(row, c->status);
	x12_row_amount(row, c->charge);
	x12_row_amount(row, c->paid);
	x12_row_amount(row, c->patient_responsibility);
	x12_row_text(row, c->filing_indicator);
	x12_row_text(row, c->payer_claim_number);
	x12_row_text(row, c->facility_code);
	x12_row_text(row, c->frequency_code);
	x12_row_text(row, c->drg);
	x12_row_text(row, c->patient_last_name);
	x12_row_text(row, c->patient_first_name);
	x12_row_text(row, c->member_id);
	x12_row_date(row, c->service_from);
	x12_row_date(row, c->service_to);
	x12_row_date(row, c->received_on);
	x12_row_codes(row, c->remarks, c->nremarks);
	x12_row_int(row, c->nlines);
}

static void
line_row(X12Row *row, const X835Claim *c, const X835Line *l)
{
	int			nmodifiers = 0;

	while (nmodifiers < 4 && l->modifiers[nmodifiers].len > 0)
		nmodifiers++;
	x12_row_text(row, c->payment->transaction_control);
	x12_row_int(row, c->claim_no);
	x12_row_text(row, c->claim_id);
	x12_row_int(row, l->line_no);
	x12_row_int(row, l->segment_no);
	x12_row_text(row, l->qualifier);
	x12_row_text(row, l->procedure);
	x12_row_codes(row, l->modifiers, nmodifiers);
	x12_row_amount(row, l->charge);
	x12_row_amount(row, l->paid);
	x12_row_text(row, l->revenue_code);
	x12_row_amount(row, l->units);
	x12_row_text(row, l->original_procedure);
	x12_row_date(row, l->service_from);
	x12_row_date(row, l->service_to);
	x12_row_text(row, l->line_control);
	x12_row_amount(row, l->allowed);
	x12_row_codes(row, l->remarks, l->nremarks);
}

static void
adjustment_row(X12Row *row, const X835Claim *c, const X835Adjustment *a)
{
	x12_row_text(row, c->payment->transaction_control);
	x12_row_int(row, c->claim_no);
	x12_row_text(row, c->claim_id);
	if (a->line_no > 0)
		x12_row_int(row, a->line_no);
	else
		x12_row_null(row);
	x12_row_int(row, a->segment_no);
	x12_row_int(row, a->triplet);
	x12_row_text(row, a->group_code);
	x12_row_text(row, a->reason);
	x12_row_amount(row, a->amount);
	x12_row_amount(row, a->quantity);
}

static void
provider_adjustment_row(X12Row *row, const X835ProviderAdjustment *a)
{
	x12_row_text(row, a->payment->transaction_control);
	x12_row_text(row, a->payment->trace_number);
	x12_row_text(row, a->payment->payer_id.len > 0 ? a->payment->payer_id : a->payment->originator);
	x12_row_int(row, a->segment_no);
	x12_row_int(row, a->pair);
	x12_row_text(row, a->provider_id);
	x12_row_date(row, a->fiscal_period);
	x12_row_text(row, a->reason);
	x12_row_text(row, a->reference);
	x12_row_amount(row, a->amount);
}

/* ----- the functions ----- */

typedef enum What835
{
	CLAIMS,
	LINES,
	ADJUSTMENTS,
	PROVIDER_ADJUSTMENTS
} What835;

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
	X12Row		row;
	PaymentColumns payment;
	int			i;

	row.n = 0;
	payment.payment = NULL;
	while ((c = x835_next_claim(reader)) != NULL)
	{
		MemoryContext old;

		if (what == CLAIMS)
			payment_columns(&payment, c->payment, CurrentMemoryContext);
		old = MemoryContextSwitchTo(row_cxt);
		if (what == CLAIMS)
		{
			claim_row(&row, c, &payment);
			x12_row_put(store, tupdesc, &row);
		}
		else if (what == LINES)
			for (i = 0; i < c->nlines; i++)
			{
				line_row(&row, c, &c->lines[i]);
				x12_row_put(store, tupdesc, &row);
			}
		else if (what == ADJUSTMENTS)
			for (i = 0; i < c->nadjustments; i++)
			{
				adjustment_row(&row, c, &c->adjustments[i]);
				x12_row_put(store, tupdesc, &row);
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
			x12_row_put(store, tupdesc, &row);
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
