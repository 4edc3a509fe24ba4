/*
 * metrics.h
 *	  Inside src/api: what the metric parts share.  claim_outcome (one
 *	  claim's outcome, outcome.c), claim_stats (the state of the metric
 *	  aggregates, stats.c), the aggregates' support functions
 *	  (aggregates.c) and the metrics read off a state (metric_functions.c).
 *
 * claim_outcome is 64 bytes, fixed length: amounts in exact cents, the quality
 * score in hundredths, statuses as small codes.  claim_stats is a varlena of
 * exact counters and the exact distribution of days to payment as sorted
 * (days, claims) pairs, so states merge into exactly what one pass over all
 * the rows gives.  Inside an aggregate the transition and combine functions
 * update the state in place (AggCheckCallContext); the state keeps spare room
 * for new days values, which the final function trims.
 */
#ifndef CLEANCLAIM_METRICS_H
#define CLEANCLAIM_METRICS_H

#include "postgres.h"

#include "fmgr.h"
#include "utils/date.h"

/* ----- claim_outcome ----- */

#define QUALITY_NONE (-1)		/* no quality score given */

typedef enum CleanState
{
	CLEAN_UNKNOWN = 0, CLEAN_NO, CLEAN_YES
} CleanState;

typedef enum FirstResponse
{
	RESPONSE_UNKNOWN = 0, RESPONSE_ACCEPTED, RESPONSE_REJECTED
} FirstResponse;

/* Same order as the counters S_PAID ... S_PENDING below. */
typedef enum Adjudication
{
	ADJ_UNKNOWN = 0, ADJ_PAID, ADJ_PARTIALLY_DENIED, ADJ_DENIED,
	ADJ_PATIENT_RESPONSIBILITY, ADJ_PENDING
} Adjudication;

#define ADJ_LAST ADJ_PENDING


#define OUTCOME_REVERSED		0x01
#define OUTCOME_HAS_SUBMITTED	0x02	/* submitted_on is set */
#define OUTCOME_HAS_PAID		0x04	/* paid_on is set */
#define OUTCOME_FLAGS_ALL		0x07

typedef struct ClaimOutcome
{
	int64		charge;			/* all amounts in cents */
	int64		denied_amount;
	int64		paid_amount;
	int64		written_off;
	int32		quality;		/* hundredths of a point, or QUALITY_NONE */
	int32		submissions;
	int32		rejections;
	int32		touches;
	DateADT		submitted_on;
	DateADT		paid_on;
	uint8		clean;
	uint8		first_response;
	uint8		first_adjudication;
	uint8		flags;
	int32		reserved;		/* always zero, so equal outcomes are equal bytes */
} ClaimOutcome;

StaticAssertDecl(sizeof(ClaimOutcome) == 64, "claim_outcome is declared with INTERNALLENGTH = 64");

#define OUTCOME_BINARY_VERSION 1
#define STATS_VERSION 1

static inline bool
outcome_adjudicated(const ClaimOutcome *o)
{
	return o->first_adjudication >= ADJ_PAID && o->first_adjudication <= ADJ_PATIENT_RESPONSIBILITY;
}

static inline bool
outcome_denial(const ClaimOutcome *o)
{
	return o->first_adjudication == ADJ_PARTIALLY_DENIED || o->first_adjudication == ADJ_DENIED;
}

static inline bool
outcome_resolved(const ClaimOutcome *o)
{
	return o->first_adjudication == ADJ_PAID || o->first_adjudication == ADJ_PATIENT_RESPONSIBILITY;
}

typedef enum CentsParse
{
	CENTS_OK, CENTS_SYNTAX, CENTS_FRACTION, CENTS_RANGE, CENTS_NOT_FINITE
} CentsParse;

/* Money (outcome.c): dollars as text, exact cents of a decimal, cents as numeric. */
extern char *cents_text(int64 cents);
extern CentsParse parse_cents(const char *s, int len, int64 *cents);
extern Datum cents_to_numeric(int64 cents);
/* A binary input that is not ours: 22P03 naming the type. */
extern void binary_error(const char *type, const char *detail);

/* ----- claim_stats ----- */

typedef enum StatCounter
{
	S_CLAIMS, S_SCRUBBED, S_CLEAN, S_SCORED, S_QUALITY, S_SUBMITTED, S_SUBMISSIONS, S_REJECTIONS,
	S_FIRST_ACCEPTED, S_FIRST_REJECTED,
	S_PAID, S_PARTIALLY_DENIED, S_DENIED, S_PATIENT_RESPONSIBILITY, S_PENDING,	/* as Adjudication */
	S_FIRST_PASS_RESOLVED, S_REVERSED, S_TOUCHES, S_TOUCHLESS,
	S_CHARGES, S_ADJUDICATED_CHARGES, S_DENIED_CHARGES, S_DENIED_AMOUNT, S_PAID_AMOUNT, S_WRITTEN_OFF,
	S_PAID_CLAIMS,
	STAT_COUNT
} StatCounter;

/* Counters written with two decimals: the quality sum (hundredths) and the amounts (cents). */
static inline bool
stat_in_hundredths(int counter)
{
	return counter == S_QUALITY || (counter >= S_CHARGES && counter <= S_WRITTEN_OFF);
}

typedef struct DaysCount
{
	int32		days;
	int32		reserved;		/* zero */
	int64		claims;
} DaysCount;

typedef struct ClaimStats
{
	int32		vl_len_;
	int32		version;
	int32		ndays;			/* (days, claims) pairs in use, days increasing */
	int32		room;			/* pairs allocated */
	int64		n[STAT_COUNT];
	DaysCount	days[FLEXIBLE_ARRAY_MEMBER];
} ClaimStats;

#define STATS_SIZE(room) (offsetof(ClaimStats, days) + (Size) (room) * sizeof(DaysCount))
#define STATS_MAX_DAYS ((int32) ((MaxAllocSize - offsetof(ClaimStats, days)) / sizeof(DaysCount)))
#define STATS_FIRST_ROOM 16

static inline ClaimStats *
stats_arg(FunctionCallInfo fcinfo, int arg)
{
	return (ClaimStats *) PG_DETOAST_DATUM(PG_GETARG_DATUM(arg));
}

extern ClaimStats *new_stats(int32 room);
extern ClaimStats *copy_stats(const ClaimStats *s, int32 room);
extern ClaimStats *stats_add_outcome(ClaimStats *s, const ClaimOutcome *o);
extern ClaimStats *stats_merge(ClaimStats *a, const ClaimStats *b);

/* A ratio of a counter to a count, NULL (isnull) when the count is zero (metric_functions.c). */
extern Datum metric_ratio(double numerator, int64 denominator, bool *isnull);

#endif							/* CLEANCLAIM_METRICS_H */
