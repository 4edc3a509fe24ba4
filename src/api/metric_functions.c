/*
 * metric_functions.c
 *	  The metrics read off a claim_stats state: clean-claim rate,
 *	  first-pass acceptance, denial rates, days to payment, scorecard.
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


/* ---------- metrics ---------- */

typedef enum Metric
{
	M_CLAIMS, M_CLAIMS_SUBMITTED, M_CLAIMS_ADJUDICATED, M_CLAIMS_DENIED, M_CLAIMS_PENDING, M_REVERSALS,
	M_CLEAN_CLAIM_RATE, M_FIRST_PASS_ACCEPTANCE_RATE, M_REJECTION_RATE, M_DENIAL_RATE, M_DENIAL_RATE_DOLLARS,
	M_FIRST_PASS_RESOLUTION_RATE, M_RESUBMISSIONS_PER_CLAIM, M_TOUCHES_PER_CLAIM, M_TOUCHLESS_RATE,
	M_DAYS_MEAN, M_DAYS_MEDIAN, M_DAYS_P90,
	M_CHARGED, M_PAID, M_DENIED, M_WRITTEN_OFF, M_QUALITY_SCORE, M_GRADE,
	METRIC_COUNT
} Metric;

static inline int64
adjudicated_claims(const ClaimStats *s)
{
	return s->n[S_PAID] + s->n[S_PARTIALLY_DENIED] + s->n[S_DENIED] + s->n[S_PATIENT_RESPONSIBILITY];
}

Datum
metric_ratio(double numerator, int64 denominator, bool *isnull)
{
	if (denominator == 0)
	{
		*isnull = true;
		return (Datum) 0;
	}
	return Float8GetDatum(numerator / (double) denominator);
}

/* The days value of the k-th paid claim in order (k from 1), as percentile_disc finds it. */
static Datum
days_percentile(const ClaimStats *s, double fraction, bool *isnull)
{
	int64		k,
				seen = 0;
	int			i;

	if (s->n[S_PAID_CLAIMS] == 0)
	{
		*isnull = true;
		return (Datum) 0;
	}
	k = (int64) ceil(fraction * (double) s->n[S_PAID_CLAIMS]);
	for (i = 0; i < s->ndays; i++)
	{
		seen += s->days[i].claims;
		if (seen >= k)
			break;
	}
	return Int32GetDatum(s->days[Min(i, s->ndays - 1)].days);
}

static Datum
days_mean(const ClaimStats *s, bool *isnull)
{
	double		total = 0;
	int			i;

	for (i = 0; i < s->ndays; i++)
		total += (double) s->days[i].days * (double) s->days[i].claims;
	return metric_ratio(total, s->n[S_PAID_CLAIMS], isnull);
}

/* Whether clean / scrubbed >= percent / 100, in integers. */
static bool
clean_share_at_least(const ClaimStats *s, int percent)
{
	int64		clean_x100,
				scrubbed_x_percent;

	if (!pg_mul_s64_overflow(s->n[S_CLEAN], 100, &clean_x100) &&
		!pg_mul_s64_overflow(s->n[S_SCRUBBED], percent, &scrubbed_x_percent))
		return clean_x100 >= scrubbed_x_percent;
	return (double) s->n[S_CLEAN] * 100 >= (double) s->n[S_SCRUBBED] * percent;
}

static Datum
grade(const ClaimStats *s, bool *isnull)
{
	if (s->n[S_SCRUBBED] == 0)
	{
		*isnull = true;
		return (Datum) 0;
	}
	if (clean_share_at_least(s, 97))
		return CStringGetTextDatum("green");
	if (clean_share_at_least(s, 93))
		return CStringGetTextDatum("yellow");
	return CStringGetTextDatum("red");
}

static Datum
metric_value(const ClaimStats *s, Metric m, bool *isnull)
{
	const int64 *n = s->n;

	*isnull = false;
	switch (m)
	{
		case M_CLAIMS:
			return Int64GetDatum(n[S_CLAIMS]);
		case M_CLAIMS_SUBMITTED:
			return Int64GetDatum(n[S_SUBMITTED]);
		case M_CLAIMS_ADJUDICATED:
			return Int64GetDatum(adjudicated_claims(s));
		case M_CLAIMS_DENIED:
			return Int64GetDatum(n[S_PARTIALLY_DENIED] + n[S_DENIED]);
		case M_CLAIMS_PENDING:
			return Int64GetDatum(n[S_PENDING]);
		case M_REVERSALS:
			return Int64GetDatum(n[S_REVERSED]);
		case M_CLEAN_CLAIM_RATE:
			return metric_ratio(n[S_CLEAN], n[S_SCRUBBED], isnull);
		case M_FIRST_PASS_ACCEPTANCE_RATE:
			return metric_ratio(n[S_FIRST_ACCEPTED], n[S_FIRST_ACCEPTED] + n[S_FIRST_REJECTED], isnull);
		case M_REJECTION_RATE:
			return metric_ratio(n[S_REJECTIONS], n[S_SUBMISSIONS], isnull);
		case M_DENIAL_RATE:
			return metric_ratio(n[S_PARTIALLY_DENIED] + n[S_DENIED], adjudicated_claims(s), isnull);
		case M_DENIAL_RATE_DOLLARS:
			return metric_ratio(n[S_DENIED_CHARGES], n[S_ADJUDICATED_CHARGES], isnull);
		case M_FIRST_PASS_RESOLUTION_RATE:
			return metric_ratio(n[S_FIRST_PASS_RESOLVED], adjudicated_claims(s), isnull);
		case M_RESUBMISSIONS_PER_CLAIM:
			return metric_ratio(n[S_SUBMISSIONS] - n[S_SUBMITTED], n[S_SUBMITTED], isnull);
		case M_TOUCHES_PER_CLAIM:
			return metric_ratio(n[S_TOUCHES], n[S_CLAIMS], isnull);
		case M_TOUCHLESS_RATE:
			return metric_ratio(n[S_TOUCHLESS], n[S_CLAIMS], isnull);
		case M_DAYS_MEAN:
			return days_mean(s, isnull);
		case M_DAYS_MEDIAN:
			return days_percentile(s, 0.5, isnull);
		case M_DAYS_P90:
			return days_percentile(s, 0.9, isnull);
		case M_CHARGED:
			return cents_to_numeric(n[S_CHARGES]);
		case M_PAID:
			return cents_to_numeric(n[S_PAID_AMOUNT]);
		case M_DENIED:
			return cents_to_numeric(n[S_DENIED_AMOUNT]);
		case M_WRITTEN_OFF:
			return cents_to_numeric(n[S_WRITTEN_OFF]);
		case M_QUALITY_SCORE:
			return metric_ratio(n[S_QUALITY] / 100.0, n[S_SCORED], isnull);
		case M_GRADE:
			return grade(s, isnull);
		case METRIC_COUNT:
			break;
	}
	elog(ERROR, "unknown claim metric %d", (int) m);
	return (Datum) 0;
}

static Datum
return_metric(FunctionCallInfo fcinfo, Metric m)
{
	bool		isnull;
	Datum		value = metric_value(stats_arg(fcinfo, 0), m, &isnull);

	if (isnull)
		PG_RETURN_NULL();
	return value;
}

#define METRIC_FUNCTION(name, metric) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	return return_metric(fcinfo, metric); \
}

METRIC_FUNCTION(claim_stats_claims, M_CLAIMS)
METRIC_FUNCTION(claim_stats_claims_submitted, M_CLAIMS_SUBMITTED)
METRIC_FUNCTION(claim_stats_claims_adjudicated, M_CLAIMS_ADJUDICATED)
METRIC_FUNCTION(claim_stats_claims_denied, M_CLAIMS_DENIED)
METRIC_FUNCTION(claim_stats_claims_pending, M_CLAIMS_PENDING)
METRIC_FUNCTION(claim_stats_reversals, M_REVERSALS)
METRIC_FUNCTION(claim_stats_clean_claim_rate, M_CLEAN_CLAIM_RATE)
METRIC_FUNCTION(claim_stats_first_pass_acceptance_rate, M_FIRST_PASS_ACCEPTANCE_RATE)
METRIC_FUNCTION(claim_stats_rejection_rate, M_REJECTION_RATE)
METRIC_FUNCTION(claim_stats_denial_rate, M_DENIAL_RATE)
METRIC_FUNCTION(claim_stats_denial_rate_dollars, M_DENIAL_RATE_DOLLARS)
METRIC_FUNCTION(claim_stats_first_pass_resolution_rate, M_FIRST_PASS_RESOLUTION_RATE)
METRIC_FUNCTION(claim_stats_resubmissions_per_claim, M_RESUBMISSIONS_PER_CLAIM)
METRIC_FUNCTION(claim_stats_touches_per_claim, M_TOUCHES_PER_CLAIM)
METRIC_FUNCTION(claim_stats_touchless_rate, M_TOUCHLESS_RATE)
METRIC_FUNCTION(claim_stats_days_to_payment_mean, M_DAYS_MEAN)
METRIC_FUNCTION(claim_stats_days_to_payment_median, M_DAYS_MEDIAN)
METRIC_FUNCTION(claim_stats_days_to_payment_p90, M_DAYS_P90)
METRIC_FUNCTION(claim_stats_charged_dollars, M_CHARGED)
METRIC_FUNCTION(claim_stats_paid_dollars, M_PAID)
METRIC_FUNCTION(claim_stats_denied_dollars, M_DENIED)
METRIC_FUNCTION(claim_stats_written_off_dollars, M_WRITTEN_OFF)
METRIC_FUNCTION(claim_stats_quality_score, M_QUALITY_SCORE)
METRIC_FUNCTION(claim_stats_grade, M_GRADE)

PG_FUNCTION_INFO_V1(claim_stats_scorecard);
Datum
claim_stats_scorecard(PG_FUNCTION_ARGS)
{
	ClaimStats *s = stats_arg(fcinfo, 0);
	TupleDesc	tupdesc;
	Datum		values[METRIC_COUNT];
	bool		nulls[METRIC_COUNT];
	int			m;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "scorecard() must return a row");
	if (tupdesc->natts != METRIC_COUNT)
		elog(ERROR, "scorecard() is declared with %d columns, not %d", tupdesc->natts, METRIC_COUNT);
	for (m = 0; m < METRIC_COUNT; m++)
		values[m] = metric_value(s, (Metric) m, &nulls[m]);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(tupdesc), values, nulls)));
}
