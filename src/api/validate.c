/*
 * validate.c
 *	  The validation API: validate(claim), issues(claim), is_clean(claim),
 *	  quality_score(claim), for a claim in jsonb (the claim contract or a FHIR
 *	  R4 Claim) or as any row or composite value.  None of them writes.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"

#include "base/srf.h"
#include "engine/rules.h"
#include "api/validate.h"

/* What a call site keeps between calls: how to read the claim argument, and the issue row type. */
typedef struct CallCache
{
	ClaimArgument arg;
	Oid			issue_type;
	TupleDesc	issue_desc;
} CallCache;

static CallCache *
call_cache(FunctionCallInfo fcinfo)
{
	if (fcinfo->flinfo->fn_extra == NULL)
		fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(CallCache));
	return (CallCache *) fcinfo->flinfo->fn_extra;
}

/* Validate the claim in argument 0. */
static IssueList *
validate_argument(FunctionCallInfo fcinfo, bool report_unchecked)
{
	CallCache  *cache = call_cache(fcinfo);
	Claim	   *claim;
	IssueList  *issues = palloc0(sizeof(IssueList));

	refdata_begin_statement();
	rules_prepare_reading();
	claim = claim_read_argument(fcinfo, 0, &cache->arg);
	rules_run(claim, issues, report_unchecked);
	return issues;
}

/* The columns of cleanclaim.issue for one issue. */
void
issue_values(const Issue *issue, Datum *values, bool *nulls)
{
	const RuleDef *def = &rule_defs[issue->rule];

	memset(nulls, 0, ISSUE_NATTS * sizeof(bool));
	values[0] = CStringGetTextDatum(def->id);
	values[1] = CStringGetTextDatum(severity_name(issue->severity));
	values[2] = CStringGetTextDatum(def->category);
	values[3] = CStringGetTextDatum(def->owner);
	values[4] = Int32GetDatum(issue->line_no);
	nulls[4] = issue->line_no == 0;
	values[5] = issue->field ? CStringGetTextDatum(issue->field) : (Datum) 0;
	nulls[5] = issue->field == NULL;
	values[6] = issue->value ? CStringGetTextDatum(issue->value) : (Datum) 0;
	nulls[6] = issue->value == NULL;
	values[7] = CStringGetTextDatum(issue->message);
	values[8] = CStringGetTextDatum(def->hint);
}

/* When the 837 requires a field, in words. */
static const char *
requirement_text(Requirement req)
{
	switch (req)
	{
		case REQ_ALWAYS:
			return "always";
		case REQ_PROFESSIONAL:
			return "837P";
		case REQ_INSTITUTIONAL:
			return "837I";
		case REQ_INPATIENT:
			return "837I inpatient stays";
		case REQ_ADMITTED:
			return "837I inpatient, home health and hospice";
		case REQ_PATIENT_VISIT:
			return "837I, but for specimens alone (14x)";
		case REQ_NOT_SELF:
			return "when the patient is not the subscriber";
		case REQ_SITUATIONAL:
			break;
	}
	return "situational";
}

static const char *const field_kind_names[] = {
	[FK_TEXT] = "text",[FK_DATE] = "date",[FK_NUMBER] = "number",[FK_INT] = "integer",[FK_NPI] = "npi",
	[FK_HCPCS] = "hcpcs",[FK_NDC] = "ndc",[FK_ICD_LIST] = "list of icd10cm",[FK_TEXT_LIST] = "list of text",
	[FK_INT_LIST] = "list of integers",[FK_LINES] = "list of lines"
};

static void
put_field(Tuplestorestate *store, TupleDesc tupdesc, const char *level, const FieldSpec *spec)
{
	Datum		values[7];
	bool		nulls[7] = {0};

	values[0] = CStringGetTextDatum(level);
	values[1] = CStringGetTextDatum(spec->name);
	values[2] = CStringGetTextDatum(field_kind_names[spec->kind]);
	values[3] = CStringGetTextDatum(spec->label);
	values[4] = CStringGetTextDatum(spec->x12_professional);
	values[5] = CStringGetTextDatum(spec->x12_institutional);
	values[6] = CStringGetTextDatum(requirement_text(spec->requirement));
	nulls[4] = strcmp(spec->x12_professional, "-") == 0;
	nulls[5] = strcmp(spec->x12_institutional, "-") == 0;
	tuplestore_putvalues(store, tupdesc, values, nulls);
}

/*
 * claim_fields(): the claim contract, one row per field (claim, then line
 * fields), with its kind, its X12 elements and when the 837 requires it.
 * Immutable: the contract is compiled in.
 */
PG_FUNCTION_INFO_V1(claim_fields);
Datum
claim_fields(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Tuplestorestate *store = begin_materialized_srf(fcinfo, &tupdesc);
	int			i;

	for (i = 0; i < CLAIM_FIELD_COUNT; i++)
		put_field(store, tupdesc, "claim", &claim_field_specs[i]);
	for (i = 0; i < LINE_FIELD_COUNT; i++)
		put_field(store, tupdesc, "line", &line_field_specs[i]);
	return (Datum) 0;
}

/* validate(claim, report_unchecked) -> SETOF cleanclaim.issue */
PG_FUNCTION_INFO_V1(validate_claim);
Datum
validate_claim(PG_FUNCTION_ARGS)
{
	bool		report_unchecked = PG_NARGS() > 1 && !PG_ARGISNULL(1) && PG_GETARG_BOOL(1);
	IssueList  *issues;
	TupleDesc	tupdesc;
	Tuplestorestate *store;
	int			i;

	issues = PG_ARGISNULL(0) ? NULL : validate_argument(fcinfo, report_unchecked);
	if (issues == NULL || issues->n == 0)
	{
		/* most claims are clean, and a NULL claim has no issues: an empty set needs no tuplestore */
		ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

		if (rsinfo != NULL && IsA(rsinfo, ReturnSetInfo) && (rsinfo->allowedModes & SFRM_ValuePerCall))
		{
			rsinfo->returnMode = SFRM_ValuePerCall;
			rsinfo->isDone = ExprEndResult;
			PG_RETURN_NULL();
		}
	}
	store = begin_materialized_srf(fcinfo, &tupdesc);
	if (issues == NULL)
		return (Datum) 0;		/* no claim, no issues (not a row of NULLs) */
	for (i = 0; i < issues->n; i++)
	{
		Datum		values[ISSUE_NATTS];
		bool		nulls[ISSUE_NATTS];

		issue_values(&issues->items[i], values, nulls);
		tuplestore_putvalues(store, tupdesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * The issues as an array of cleanclaim.issue.  *issue_desc caches the row
 * descriptor (allocated in cxt) between calls.
 */
Datum
issue_array(const IssueList *issues, Oid issue_type, TupleDesc *issue_desc, MemoryContext cxt)
{
	Datum	   *elems = palloc(Max(issues->n, 1) * sizeof(Datum));
	int			i;

	if (*issue_desc == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(cxt);

		*issue_desc = BlessTupleDesc(lookup_rowtype_tupdesc_copy(issue_type, -1));
		MemoryContextSwitchTo(old);
	}
	for (i = 0; i < issues->n; i++)
	{
		Datum		values[ISSUE_NATTS];
		bool		nulls[ISSUE_NATTS];

		issue_values(&issues->items[i], values, nulls);
		elems[i] = HeapTupleGetDatum(heap_form_tuple(*issue_desc, values, nulls));
	}
	return PointerGetDatum(construct_array(elems, issues->n, issue_type, -1, false, TYPALIGN_DOUBLE));
}

/* issues(claim) -> cleanclaim.issue[] */
PG_FUNCTION_INFO_V1(claim_issues);
Datum
claim_issues(PG_FUNCTION_ARGS)
{
	IssueList  *issues = validate_argument(fcinfo, false);
	CallCache  *cache = call_cache(fcinfo);

	if (cache->issue_type == InvalidOid)
		cache->issue_type = get_element_type(get_fn_expr_rettype(fcinfo->flinfo));
	return issue_array(issues, cache->issue_type, &cache->issue_desc, fcinfo->flinfo->fn_mcxt);
}

/* is_clean(claim) -> boolean: no error-severity issue. */
PG_FUNCTION_INFO_V1(claim_is_clean);
Datum
claim_is_clean(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(validate_argument(fcinfo, false)->errors == 0);
}

/* quality_score(claim) -> double precision 0-100. */
PG_FUNCTION_INFO_V1(claim_quality_score);
Datum
claim_quality_score(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(rules_quality_score(validate_argument(fcinfo, false)));
}
