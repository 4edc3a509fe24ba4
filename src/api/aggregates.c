/*
 * aggregates.c
 *	  The support functions of the metric aggregates (claim_stats(outcome):
 *	  transition, combine, final) and of the quick boolean rate aggregates.
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "common/int.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/float.h"
#include "utils/numeric.h"

#include "api/metrics.h"

#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif


/* ---------- aggregate support ---------- */

/*
 * The state to update: the argument itself inside an aggregate (PostgreSQL
 * owns it there, in the aggregate context), else a copy.
 */
static ClaimStats *
stats_to_update(FunctionCallInfo fcinfo)
{
	ClaimStats *s = stats_arg(fcinfo, 0);

	if (AggCheckCallContext(fcinfo, NULL))
		return s;
	return copy_stats(s, s->ndays);
}

PG_FUNCTION_INFO_V1(claim_stats_accum);
Datum
claim_stats_accum(PG_FUNCTION_ARGS)
{
	ClaimStats *s;

	if (PG_ARGISNULL(0))
	{
		if (PG_ARGISNULL(1))
			PG_RETURN_NULL();
		s = new_stats(0);
	}
	else
	{
		if (PG_ARGISNULL(1))
			PG_RETURN_DATUM(PG_GETARG_DATUM(0));
		s = stats_to_update(fcinfo);
	}
	PG_RETURN_POINTER(stats_add_outcome(s, (const ClaimOutcome *) PG_GETARG_POINTER(1)));
}

PG_FUNCTION_INFO_V1(claim_stats_combine);
Datum
claim_stats_combine(PG_FUNCTION_ARGS)
{
	ClaimStats *s = stats_to_update(fcinfo);

	PG_RETURN_POINTER(stats_merge(s, stats_arg(fcinfo, 1)));
}

PG_FUNCTION_INFO_V1(claim_stats_final);
Datum
claim_stats_final(PG_FUNCTION_ARGS)
{
	ClaimStats *s = stats_arg(fcinfo, 0);

	/* a trimmed copy: the state itself must stay intact for window use */
	PG_RETURN_POINTER(copy_stats(s, s->ndays));
}

/* ---------- boolean rates: state {true, non-NULL} as bigint[] ---------- */

static int64 *
rate_counts(ArrayType *state)
{
	if (ARR_NDIM(state) != 1 || ARR_DIMS(state)[0] != 2 || ARR_HASNULL(state) || ARR_ELEMTYPE(state) != INT8OID)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a rate state is an array of two bigints"),
				 errdetail("The state counts {true values, non-NULL values}."),
				 errhint("Start from '{0,0}'.")));
	/* no NULLs, so the data follows the fixed header (ARR_DATA_PTR's ?: trips -Wextra) */
	return (int64 *) ((char *) state + ARR_OVERHEAD_NONULLS(1));
}

/* The state to update: in place inside an aggregate, else a copy. */
static ArrayType *
rate_state_to_update(FunctionCallInfo fcinfo)
{
	if (AggCheckCallContext(fcinfo, NULL))
		return PG_GETARG_ARRAYTYPE_P(0);
	return PG_GETARG_ARRAYTYPE_P_COPY(0);
}

PG_FUNCTION_INFO_V1(rate_accum);
Datum
rate_accum(PG_FUNCTION_ARGS)
{
	ArrayType  *state = rate_state_to_update(fcinfo);
	int64	   *counts = rate_counts(state);

	counts[0] += PG_GETARG_BOOL(1);
	counts[1]++;
	PG_RETURN_ARRAYTYPE_P(state);
}

PG_FUNCTION_INFO_V1(rate_combine);
Datum
rate_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *state = rate_state_to_update(fcinfo);
	int64	   *counts = rate_counts(state);
	const int64 *other = rate_counts(PG_GETARG_ARRAYTYPE_P(1));

	if (pg_add_s64_overflow(counts[0], other[0], &counts[0]) ||
		pg_add_s64_overflow(counts[1], other[1], &counts[1]))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("rate counts are out of range"),
				 errhint("Aggregate smaller groups.")));
	PG_RETURN_ARRAYTYPE_P(state);
}

PG_FUNCTION_INFO_V1(rate_final);
Datum
rate_final(PG_FUNCTION_ARGS)
{
	const int64 *counts = rate_counts(PG_GETARG_ARRAYTYPE_P(0));
	bool		isnull = false;
	Datum		result;

	if (counts[0] < 0 || counts[0] > counts[1])
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("rate state {" INT64_FORMAT "," INT64_FORMAT "} is inconsistent", counts[0], counts[1]),
				 errdetail("The true values are a part of the non-NULL values."),
				 errhint("Start from '{0,0}'.")));
	result = metric_ratio(counts[0], counts[1], &isnull);
	if (isnull)
		PG_RETURN_NULL();
	return result;
}
