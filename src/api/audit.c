/*
 * audit.c
 *	  The SQL functions of the pre-bill audit: audit_flags(claim),
 *	  needs_audit(claim), audit_score(claim), denial_risk(claim) and
 *	  canonical_modifiers(text[]), for a claim in every form validate()
 *	  takes.  The audit rules themselves are in rules/audit_rules.c.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "base/srf.h"
#include "types/code_type.h"
#include "refdata/refdata.h"
#include "claim/claim.h"
#include "engine/rules.h"
#include "rules/groups.h"

#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/* canonical_modifiers(text[]) -> text, for the model's training. */
PG_FUNCTION_INFO_V1(canonical_modifiers_sql);
Datum
canonical_modifiers_sql(PG_FUNCTION_ARGS)
{
	ArrayType  *array;
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	char		(*codes)[3];
	int			n = 0;
	int			i;

	if (PG_ARGISNULL(0))
		PG_RETURN_TEXT_P(cstring_to_text(""));
	array = PG_GETARG_ARRAYTYPE_P(0);
	deconstruct_array(array, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &nelems);
	codes = palloc(Max(nelems, 1) * sizeof(*codes));
	for (i = 0; i < nelems; i++)
		if (!nulls[i])
			n = modifier_list_add(codes, n, VARDATA_ANY(DatumGetTextPP(elems[i])), VARSIZE_ANY_EXHDR(DatumGetTextPP(elems[i])));
	PG_RETURN_TEXT_P(cstring_to_text(modifier_list_join(codes, n)));
}

/* ----- SQL ----- */

/* The flags of the claim in argument 0: flags only (the audit reports no "not checked" entries). */
static IssueList *
audit_argument(FunctionCallInfo fcinfo)
{
	IssueList  *flags = palloc0(sizeof(IssueList));
	Claim	   *claim;

	refdata_begin_statement();
	audit_prepare_reading();
	claim = claim_argument(fcinfo, 0);
	audit_run(claim, flags);
	return flags;
}

/* audit_flags(claim) -> SETOF (flag, reason, weight) */
PG_FUNCTION_INFO_V1(claim_audit_flags);
Datum
claim_audit_flags(PG_FUNCTION_ARGS)
{
	IssueList  *flags = audit_argument(fcinfo);
	TupleDesc	tupdesc;
	Tuplestorestate *store = begin_materialized_srf(fcinfo, &tupdesc);
	int			i;

	for (i = 0; i < flags->n; i++)
	{
		const Issue *f = &flags->items[i];
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = CStringGetTextDatum(rule_defs[f->rule].id);
		values[1] = CStringGetTextDatum(f->message);
		values[2] = Float8GetDatum(f->weight);
		tuplestore_putvalues(store, tupdesc, values, nulls);
	}
	return (Datum) 0;
}

/* needs_audit(claim) -> boolean: at least one audit flag. */
PG_FUNCTION_INFO_V1(claim_needs_audit);
Datum
claim_needs_audit(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(audit_argument(fcinfo)->n > 0);
}

/* audit_score(claim) -> double precision 0-100: the flags' weights summed, at most 100. */
PG_FUNCTION_INFO_V1(claim_audit_score);
Datum
claim_audit_score(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(Min(audit_argument(fcinfo)->weight, 100.0));
}

static Datum
cents_numeric(double amount)
{
	return DirectFunctionCall2(numeric_round, DirectFunctionCall1(float8_numeric, Float8GetDatum(amount)),
							   Int32GetDatum(2));
}

static int
compare_expected_denied(const void *a, const void *b)
{
	const LineRisk *x = a;
	const LineRisk *y = b;
	double		ex = x->probability * x->charge;
	double		ey = y->probability * y->charge;

	if (ex != ey)
		return ex > ey ? -1 : 1;
	return x->line_no - y->line_no;
}

/* The lines as a jsonb array, the riskiest (by expected denied dollars) first. */
static Datum
risk_lines_jsonb(LineRisk *risks, int n)
{
	StringInfoData buf;
	int			i;

	qsort(risks, n, sizeof(LineRisk), compare_expected_denied);
	initStringInfo(&buf);
	appendStringInfoChar(&buf, '[');
	for (i = 0; i < n; i++)
	{
		const LineRisk *r = &risks[i];

		appendStringInfo(&buf, "%s{\"line_no\": %d, \"procedure\": ", i ? ", " : "", r->line_no);
		escape_json(&buf, code_text(&hcpcs_type, r->procedure));
		appendStringInfoString(&buf, ", \"modifiers\": ");
		escape_json(&buf, r->modifiers);
		appendStringInfo(&buf, ", \"probability\": %.4f, \"charge\": %.2f, \"expected_denied\": %.2f, \"basis\": ",
						 r->probability, r->charge, r->probability * r->charge);
		escape_json(&buf, r->basis);
		appendStringInfo(&buf, ", \"training_lines\": %lld}", (long long) r->lines);
	}
	appendStringInfoChar(&buf, ']');
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data));
}

/*
 * denial_risk(claim) -> (probability, expected_denied, lines): the
 * probability that at least one line is denied (lines taken as independent),
 * the expected denied dollars (each line's probability times its charge) and
 * the lines.  All NULL when the model is empty.
 */
static bool
claim_has_procedure(const Claim *claim)
{
	int			i;

	for (i = 0; i < claim->nlines; i++)
		if (claim->lines[i].f[LF_PROCEDURE].state == VALUE_OK)
			return true;
	return false;
}

PG_FUNCTION_INFO_V1(claim_denial_risk);
Datum
claim_denial_risk(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};
	Claim	   *claim;
	LineRisk   *risks;
	int			n;
	double		none_denied = 1;
	double		expected = 0;
	int			i;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	refdata_begin_statement();
	audit_prepare_reading();
	claim = claim_argument(fcinfo, 0);
	n = line_risks(claim, denial_min_lines(claim), &risks);
	if (n < 0)
		nulls[0] = nulls[1] = nulls[2] = true;
	else if (n == 0 && claim_has_procedure(claim))
	{
		/* no line the model has the evidence for: no probability, no expected amount */
		nulls[0] = nulls[1] = true;
		values[2] = risk_lines_jsonb(risks, 0);
	}
	else
	{
		for (i = 0; i < n; i++)
		{
			none_denied *= 1 - risks[i].probability;
			expected += risks[i].probability * risks[i].charge;
		}
		values[0] = Float8GetDatum(n > 0 ? 1 - none_denied : 0);
		values[1] = cents_numeric(expected);
		values[2] = risk_lines_jsonb(risks, n);
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(tupdesc), values, nulls)));
}
