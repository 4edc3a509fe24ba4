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
#include "api/x12_issues.h"

#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

Datum
x12_text_datum(X12Str s)
{
	return PointerGetDatum(cstring_to_text_with_len(s.s, s.len));
}

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

#define V837_NATTS (6 + ISSUE_NATTS)

static const char *const problem_rules[] = {
	[X12P_ISA_INVALID] = "X12_ISA_INVALID",
	[X12P_TRAILER_MISSING] = "X12_TRAILER_MISSING",
	[X12P_SE_COUNT] = "X12_SE_COUNT",
	[X12P_GROUP_COUNT] = "X12_GROUP_COUNT",
	[X12P_CONTROL_MISMATCH] = "X12_CONTROL_MISMATCH",
	[X12P_VERSION_UNSUPPORTED] = "X12_VERSION_UNSUPPORTED",
	[X12P_SEGMENT_UNKNOWN] = "X12_SEGMENT_UNKNOWN",
	[X12P_ELEMENT_MISSING] = "X12_ELEMENT_MISSING",
	[X12P_ELEMENT_TOO_SHORT] = "X12_ELEMENT_LENGTH",
	[X12P_ELEMENT_TOO_LONG] = "X12_ELEMENT_LENGTH",
	[X12P_CODE_INVALID] = "X12_CODE_INVALID",
	[X12P_LOOP_MISSING] = "X12_LOOP_MISSING",
	[X12P_LOOP_REPEAT] = "X12_LOOP_REPEAT",
	[X12P_SEGMENT_ORDER] = "X12_SEGMENT_ORDER",
	[X12P_SEGMENT_UNEXPECTED] = "X12_SEGMENT_ORDER",
	[X12P_SEGMENT_MISSING] = "X12_SEGMENT_MISSING",
	[X12P_SEPARATOR_MISMATCH] = "X12_SEPARATOR_MISMATCH",
	[X12P_VALUE_INVALID] = "X12_VALUE_INVALID",
	[X12P_UNBALANCED] = "X12_835_UNBALANCED",
};

static const X12EnvelopeRules envelope_837 = {"005010X222 (837P) and 005010X223 (837I)", x837_version_supported, x837_segment_known, x837_check_elements};

/* One row: where (claim id, transaction, segment, element, component) and the issue. */
void
x12_put_issue(Tuplestorestate *store, TupleDesc tupdesc, X12Str claim_id, X12Str transaction, int64 segment_no,
		  const char *segment_id, int element, int component, const Issue *issue)
{
	Datum		values[V837_NATTS];
	bool		nulls[V837_NATTS];

	memset(nulls, 0, sizeof(nulls));
	values[0] = x12_text_datum(claim_id);
	nulls[0] = claim_id.len == 0;
	values[1] = x12_text_datum(transaction);
	nulls[1] = transaction.len == 0;
	values[2] = Int32GetDatum((int32) Min(segment_no, PG_INT32_MAX));
	nulls[2] = segment_no <= 0;
	values[3] = CStringGetTextDatum(segment_id);
	nulls[3] = segment_id[0] == '\0';
	values[4] = Int32GetDatum(element);
	nulls[4] = element <= 0;
	values[5] = Int32GetDatum(component);
	nulls[5] = component <= 0;
	issue_values(issue, values + 6, nulls + 6);
	tuplestore_putvalues(store, tupdesc, values, nulls);
}

void
x12_put_problems(Tuplestorestate *store, TupleDesc tupdesc, X12Str claim_id, const X12Problem *problems, int n)
{
	FieldValue	no_payer;
	const RuleConfig *config;
	int			i;

	/* the envelope has no payer: the settings for every payer apply */
	memset(&no_payer, 0, sizeof(no_payer));
	config = config_for_payer(&no_payer);
	for (i = 0; i < n; i++)
	{
		const X12Problem *p = &problems[i];
		Issue		issue;

		memset(&issue, 0, sizeof(issue));
		issue.rule = (RuleId) rule_lookup(problem_rules[p->kind]);
		if (!config->enabled[issue.rule])
			continue;
		issue.severity = config->severity[issue.rule];
		issue.weight = config->weight[issue.rule];
		issue.message = p->message;
		/* outside a transaction set, the segment's position is the file's */
		x12_put_issue(store, tupdesc, claim_id, p->transaction_control, p->segment_no > 0 ? p->segment_no : p->file_segment,
				  p->segment_id, p->element, 0, &issue);
	}
}

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
