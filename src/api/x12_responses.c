/*
 * x12_responses.c
 *	  The SQL functions over the acknowledgments and answers that come back
 *	  for claims: read_277ca() (277CA and 277), read_999() and
 *	  read_999_errors(), read_271() and read_271_benefits().  Each walks the
 *	  file once with its reader of src/responses and puts each row as the
 *	  reader hands it over.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/memutils.h"

#include "base/srf.h"
#include "responses/responses.h"
#include "api/x12_rows.h"

#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/* What a callback needs to put a row: the result, and a memory reset per row. */
typedef struct RowSink
{
	Tuplestorestate *store;
	TupleDesc	tupdesc;
	MemoryContext row_cxt;
	MemoryContext caller;		/* while a row is being made */
	bool		details;		/* the function returns the detail rows (errors, benefits), not the main ones */
} RowSink;

static RowSink
begin_rows(FunctionCallInfo fcinfo, bool details)
{
	RowSink		sink;

	sink.store = begin_materialized_srf(fcinfo, &sink.tupdesc);
	sink.row_cxt = AllocSetContextCreate(CurrentMemoryContext, "cleanclaim x12 response row", ALLOCSET_DEFAULT_SIZES);
	sink.details = details;
	return sink;
}

/* A row of the detail kind or not: false when it is not one the function returns. */
static bool
begin_row(RowSink *sink, bool detail, X12Row *row)
{
	if (sink->details != detail)
		return false;
	sink->caller = MemoryContextSwitchTo(sink->row_cxt);
	row->n = 0;
	return true;
}

static void
put_row(RowSink *sink, X12Row *row)
{
	x12_row_put(sink->store, sink->tupdesc, row);
	MemoryContextSwitchTo(sink->caller);
	MemoryContextReset(sink->row_cxt);
}

static void
ids_columns(X12Row *row, const XResponseIds *ids)
{
	x12_row_text(row, ids->interchange_control);
	x12_row_text(row, ids->transaction_control);
	x12_row_text(row, ids->version);
	x12_row_date(row, ids->date);
}

#define X12_ARG_DATA(fcinfo) VARDATA_ANY(PG_GETARG_TEXT_PP(0)), VARSIZE_ANY_EXHDR(PG_GETARG_TEXT_PP(0))

/* ----- read_277ca ----- */

static void
put_277(void *arg, const X277Status *s)
{
	RowSink    *sink = arg;
	X12Row		row;

	if (!begin_row(sink, false, &row))
		return;
	ids_columns(&row, s->ids);
	x12_row_cstring(&row, s->level);
	x12_row_int(&row, s->segment_no);
	x12_row_text(&row, s->claim_id);
	x12_row_text(&row, s->trace_number);
	x12_row_text(&row, s->payer_claim_number);
	x12_row_text(&row, s->clearinghouse_trace);
	x12_row_cstring(&row, x277_acknowledgment(s->category));
	x12_row_text(&row, s->category);
	x12_row_text(&row, s->code);
	x12_row_text(&row, s->entity);
	x12_row_date(&row, s->status_date);
	x12_row_text(&row, s->action);
	x12_row_amount(&row, s->charge);
	x12_row_codes(&row, s->statuses, s->nstatuses);
	x12_row_text(&row, s->payer_id);
	x12_row_text(&row, s->payer_name);
	x12_row_text(&row, s->provider_id);
	x12_row_text(&row, s->patient_last_name);
	x12_row_text(&row, s->patient_first_name);
	x12_row_text(&row, s->member_id);
	x12_row_date(&row, s->service_from);
	x12_row_date(&row, s->service_to.len > 0 ? s->service_to : s->service_from);
	x12_row_text(&row, s->bill_type);
	x12_row_text(&row, s->procedure);
	x12_row_text(&row, s->line_control);
	put_row(sink, &row);
}

PG_FUNCTION_INFO_V1(read_277ca);
Datum
read_277ca(PG_FUNCTION_ARGS)
{
	RowSink		sink = begin_rows(fcinfo, false);

	x277_read(X12_ARG_DATA(fcinfo), put_277, &sink);
	return (Datum) 0;
}

/* ----- read_999, read_999_errors ----- */

static void
put_999_set(void *arg, const X999Set *s)
{
	RowSink    *sink = arg;
	X12Row		row;

	if (!begin_row(sink, false, &row))
		return;
	ids_columns(&row, s->ids);
	x12_row_text(&row, s->functional_id);
	x12_row_text(&row, s->group_control);
	x12_row_text(&row, s->set_id);
	x12_row_text(&row, s->set_control);
	x12_row_text(&row, s->set_version.len > 0 ? s->set_version : s->group_version);
	x12_row_cstring(&row, x999_acknowledgment(s->status));
	x12_row_text(&row, s->status);
	x12_row_codes(&row, s->codes, s->ncodes);
	x12_row_int(&row, s->segment_errors);
	put_row(sink, &row);
}

static void
put_999_error(void *arg, const X999Error *e)
{
	RowSink    *sink = arg;
	X12Row		row;

	if (!begin_row(sink, true, &row))
		return;
	ids_columns(&row, e->set->ids);
	x12_row_text(&row, e->set->group_control);
	x12_row_text(&row, e->set->set_control);
	x12_row_int(&row, e->segment_no);
	x12_row_text(&row, e->segment_id);
	x12_row_number(&row, e->segment_position);
	x12_row_text(&row, e->loop);
	x12_row_text(&row, e->segment_error);
	x12_row_text(&row, e->element_position);
	x12_row_text(&row, e->component_position);
	x12_row_text(&row, e->element_reference);
	x12_row_text(&row, e->element_error);
	x12_row_text(&row, e->bad_value);
	put_row(sink, &row);
}

/* One walk of the file; the rows of one kind: the main ones, or (details) their details. */
static Datum
read_999_rows(FunctionCallInfo fcinfo, bool details)
{
	RowSink		sink = begin_rows(fcinfo, details);

	x999_read(X12_ARG_DATA(fcinfo), put_999_set, put_999_error, &sink);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(read_999);
Datum
read_999(PG_FUNCTION_ARGS)
{
	return read_999_rows(fcinfo, false);
}

PG_FUNCTION_INFO_V1(read_999_errors);
Datum
read_999_errors(PG_FUNCTION_ARGS)
{
	return read_999_rows(fcinfo, true);	/* the errors */
}

/* ----- read_271, read_271_benefits ----- */

static void
put_271_member(void *arg, const X271Member *m)
{
	RowSink    *sink = arg;
	X12Row		row;

	if (!begin_row(sink, false, &row))
		return;
	ids_columns(&row, m->ids);
	x12_row_text(&row, m->hl_id);
	x12_row_cstring(&row, m->level);
	x12_row_int(&row, m->segment_no);
	x12_row_text(&row, m->payer_id);
	x12_row_text(&row, m->payer_name);
	x12_row_text(&row, m->provider_id);
	x12_row_text(&row, m->provider_name);
	x12_row_text(&row, m->trace_number);
	x12_row_text(&row, m->subscriber_id);
	x12_row_text(&row, m->member_id);
	x12_row_text(&row, m->last_name);
	x12_row_text(&row, m->first_name);
	x12_row_date(&row, m->birth_date);
	x12_row_text(&row, m->sex);
	x12_row_text(&row, m->group_number);
	x12_row_cstring(&row, m->nrejections > 0 && m->coverage == NULL ? "rejected" : m->coverage);
	x12_row_text(&row, m->plan);
	x12_row_text(&row, m->insurance_type);
	x12_row_date(&row, m->coverage_from);
	x12_row_date(&row, m->coverage_to);
	x12_row_codes(&row, m->rejections, m->nrejections);
	x12_row_int(&row, m->benefits);
	put_row(sink, &row);
}

static void
put_271_benefit(void *arg, const X271Benefit *b)
{
	RowSink    *sink = arg;
	X12Row		row;

	if (!begin_row(sink, true, &row))
		return;
	ids_columns(&row, b->member->ids);
	x12_row_text(&row, b->member->hl_id);
	x12_row_text(&row, b->member->member_id);
	x12_row_int(&row, b->benefit_no);
	x12_row_int(&row, b->segment_no);
	x12_row_text(&row, b->code);
	x12_row_text(&row, b->coverage_level);
	x12_row_codes(&row, b->service_types, b->nservice_types);
	x12_row_text(&row, b->insurance_type);
	x12_row_text(&row, b->plan);
	x12_row_text(&row, b->period);
	x12_row_amount(&row, b->amount);
	x12_row_amount(&row, b->percent);
	x12_row_text(&row, b->authorization);
	x12_row_text(&row, b->in_network);
	x12_row_date(&row, b->date_from);
	x12_row_date(&row, b->date_to);
	put_row(sink, &row);
}

/* One walk of the file; the rows of one kind: the main ones, or (details) their details. */
static Datum
read_271_rows(FunctionCallInfo fcinfo, bool details)
{
	RowSink		sink = begin_rows(fcinfo, details);

	x271_read(X12_ARG_DATA(fcinfo), put_271_member, put_271_benefit, &sink);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(read_271);
Datum
read_271(PG_FUNCTION_ARGS)
{
	return read_271_rows(fcinfo, false);
}

PG_FUNCTION_INFO_V1(read_271_benefits);
Datum
read_271_benefits(PG_FUNCTION_ARGS)
{
	return read_271_rows(fcinfo, true);	/* the benefits */
}
