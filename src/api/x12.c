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
#include "refdata/refdata.h"
#include "engine/rules.h"
#include "api/validate.h"
#include "api/x12_rows.h"

#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

static Datum
qualifiers_datum(const X837Claim *c)
{
	Datum	   *elems = palloc(Max(c->ndiagnoses, 1) * sizeof(Datum));
	int			i;

	for (i = 0; i < c->ndiagnoses; i++)
		elems[i] = x12_text_datum(c->diagnosis_qualifiers[i]);
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
	X837Reader *reader = x837_begin(VARDATA_ANY(x12), VARSIZE_ANY_EXHDR(x12), false);
	MemoryContext row_cxt = AllocSetContextCreate(CurrentMemoryContext, "cleanclaim read_837 row",
												  ALLOCSET_DEFAULT_SIZES);
	X837Claim  *c;

	while ((c = x837_next_claim(reader)) != NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(row_cxt);
		Datum		values[8];
		bool		nulls[8] = {false};

		values[0] = x12_text_datum(c->interchange_control);
		values[1] = x12_text_datum(c->group_control);
		values[2] = x12_text_datum(c->transaction_control);
		values[3] = Int32GetDatum((int32) Min(c->clm_segment, PG_INT32_MAX));
		values[4] = CStringGetTextDatum(c->hl_path);
		values[5] = x12_text_datum(c->f[CF_CLAIM_ID].s);
		nulls[5] = c->f[CF_CLAIM_ID].s.len == 0;
		values[6] = PointerGetDatum(x837_claim_jsonb(c));
		values[7] = qualifiers_datum(c);
		tuplestore_putvalues(store, tupdesc, values, nulls);
		MemoryContextSwitchTo(old);
		MemoryContextReset(row_cxt);
	}
	return (Datum) 0;
}

/* ----- validate_837 ----- */

static const X12EnvelopeRules envelope_837 = {"005010X222 (837P) and 005010X223 (837I)", x837_version_supported, x837_segment_known, x837_check_elements};

/* Composites written with another separator than ISA16, as problems at the ISA's 16th element. */
static void
put_separator_slips(Tuplestorestate *store, TupleDesc tupdesc, const X837Reader *reader)
{
	const X837SeparatorSlip *slips;
	int			n = x837_separator_slips(reader, &slips);
	X12Problem *problems = palloc0(Max(n, 1) * sizeof(X12Problem));
	int			i;

	for (i = 0; i < n; i++)
		problems[i] = x12_separator_slip(slips[i].isa_segment, slips[i].declared, slips[i].used);
	x12_put_problems(store, tupdesc, X12_NO_STR, problems, n);
}

/*
 * validate_837(x12 text) -> SETOF (claim_id, transaction_control,
 * segment_no, segment_id, element, component, and the issue's columns):
 * each claim's issues (every claim rule that is on), at the value each
 * names, then the file's own problems: its envelope's, its separators',
 * its loops'.  One pass over the file.
 */
PG_FUNCTION_INFO_V1(validate_837);
Datum
validate_837(PG_FUNCTION_ARGS)
{
	text	   *x12 = PG_GETARG_TEXT_PP(0);
	const char *data = VARDATA_ANY(x12);
	int64		len = VARSIZE_ANY_EXHDR(x12);
	TupleDesc	tupdesc;
	Tuplestorestate *store = begin_materialized_srf(fcinfo, &tupdesc);
	X837Reader *reader;
	MemoryContext row_cxt = AllocSetContextCreate(CurrentMemoryContext, "cleanclaim validate_837 claim",
												  ALLOCSET_DEFAULT_SIZES);
	X837Claim  *c;

	refdata_begin_statement();
	rules_prepare_reading();
	reader = x837_begin(data, len, true);
	x837_check_envelope(reader, &envelope_837);
	while ((c = x837_next_claim(reader)) != NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(row_cxt);
		Claim	   *claim = x837_claim_model(c);
		IssueList	issues;
		int			i;

		memset(&issues, 0, sizeof(issues));
		rules_run(claim, &issues, false);
		for (i = 0; i < issues.n; i++)
		{
			const Issue *issue = &issues.items[i];
			X837Value	at = x837_locate(c, issue->field, issue->line_no, issue->value);

			x12_put_issue(store, tupdesc, c->f[CF_CLAIM_ID].s, c->transaction_control, at.segment, at.segment_id,
					  at.element, at.component, issue);
		}
		MemoryContextSwitchTo(old);
		MemoryContextReset(row_cxt);
	}
	{
		const X12Problem *envelope_problems;
		int			n = x837_envelope_problems(reader, &envelope_problems);

		x12_put_problems(store, tupdesc, X12_NO_STR, envelope_problems, n);
	}
	put_separator_slips(store, tupdesc, reader);
	{
		const X12Problem *loop_problems;
		int			n = x837_loop_problems(reader, &loop_problems);

		x12_put_problems(store, tupdesc, X12_NO_STR, loop_problems, n);
	}
	return (Datum) 0;
}
