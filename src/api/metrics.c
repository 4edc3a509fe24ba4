/*
 * metrics.c
 *	  Claim metrics: one claim's outcome (claim_outcome), the state of the
 *	  metric aggregates (claim_stats), the aggregates' support functions, the
 *	  metrics read off a state, and the quick boolean rate aggregates.
 *
 * claim_outcome is 64 bytes, fixed length: amounts in exact cents, the quality
 * score in hundredths, statuses as small codes.  claim_stats is a varlena of
 * exact counters and the exact distribution of days to payment as sorted
 * (days, claims) pairs, so states merge into exactly what one pass over all
 * the rows gives.  Inside an aggregate the transition and combine functions
 * update the state in place (AggCheckCallContext); the state keeps spare room
 * for new days values, which the final function trims.
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

#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/* ---------- claim_outcome ---------- */

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

static const char *const response_names[] = {NULL, "accepted", "rejected"};
static const char *const adjudication_names[] = {
	NULL, "paid", "partially_denied", "denied", "patient_responsibility", "pending"
};

#define RESPONSE_HINT "first_response is accepted, rejected, or NULL when unknown."
#define ADJUDICATION_HINT "first_adjudication is paid, partially_denied, denied, patient_responsibility, pending, or NULL when unknown."

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

/* ---------- money ---------- */

/* Dollars for messages and output: -5.00, 92233720368547758.07 */
static char *
cents_text(int64 cents)
{
	uint64		magnitude = cents < 0 ? -(uint64) cents : (uint64) cents;

	return psprintf("%s" UINT64_FORMAT ".%02d", cents < 0 ? "-" : "",
					magnitude / 100, (int) (magnitude % 100));
}

typedef enum CentsParse
{
	CENTS_OK, CENTS_SYNTAX, CENTS_FRACTION, CENTS_RANGE, CENTS_NOT_FINITE
} CentsParse;

/*
 * Exact cents of a decimal written [-]digits[.digits]: more than two decimals
 * are allowed only when they are zeros.
 */
static CentsParse
parse_cents(const char *s, int len, int64 *cents)
{
	int			i = 0;
	bool		negative = false;
	bool		any_digit = false;
	int64		whole = 0;
	int			fraction = 0;
	int			fraction_digits = 0;

	if (len == 3 && strncmp(s, "NaN", 3) == 0)
		return CENTS_NOT_FINITE;
	if (i < len && (s[i] == '-' || s[i] == '+'))
		negative = s[i++] == '-';
	if (len - i == 8 && strncmp(s + i, "Infinity", 8) == 0)
		return CENTS_NOT_FINITE;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
	{
		any_digit = true;
		if (pg_mul_s64_overflow(whole, 10, &whole) || pg_add_s64_overflow(whole, s[i] - '0', &whole))
			return CENTS_RANGE;
	}
	if (i < len && s[i] == '.')
	{
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		{
			any_digit = true;
			if (fraction_digits < 2)
				fraction = fraction * 10 + (s[i] - '0');
			else if (s[i] != '0')
				return CENTS_FRACTION;
			fraction_digits++;
		}
	}
	if (!any_digit || i != len)
		return CENTS_SYNTAX;
	if (fraction_digits == 1)
		fraction *= 10;
	if (pg_mul_s64_overflow(whole, 100, &whole) || pg_add_s64_overflow(whole, fraction, &whole))
		return CENTS_RANGE;
	*cents = negative ? -whole : whole;
	return CENTS_OK;
}

static void
report_amount_error(CentsParse result, const char *name, const char *text)
{
	if (result == CENTS_FRACTION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s %s has a fraction of a cent", name, text),
				 errdetail("Claim metrics keep amounts exactly, in whole cents."),
				 errhint("Round the amount to two decimal places, for example round(%s, 2).", name)));
	if (result == CENTS_RANGE)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s %s is out of range", name, text),
				 errdetail("Claim metrics keep amounts as 64-bit counts of cents."),
				 errhint("Amounts go up to 92233720368547758.07.")));
	if (result == CENTS_NOT_FINITE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s %s is not an amount", name, text),
				 errdetail("An amount is a finite number of dollars and cents."),
				 errhint("Give 0 or a positive amount with at most two decimal places.")));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("%s \"%s\" is not an amount", name, text),
			 errdetail("An amount is written as digits with an optional point and up to two decimals."),
			 errhint("For example 125.40.")));
}

/*
 * The numeric on-disk format (stable across versions, as pg_upgrade needs):
 * a uint16 header, then base-10000 int16 digits.  The short form, which
 * every numeric of an ordinary amount uses, has the sign, display scale and
 * weight in the header.
 */
#define NUMERIC_FORM_MASK		0xC000
#define NUMERIC_SHORT_FORM		0x8000
#define NUMERIC_SHORT_NEGATIVE	0x2000
#define NUMERIC_SHORT_WEIGHT_NEG 0x0040
#define NUMERIC_SHORT_WEIGHT	0x003F

/*
 * Cents of a numeric straight from its digits; false for anything unusual
 * (the long form, big values, fractions of a cent), left to the slow route.
 */
static bool
numeric_cents_fast(const char *data, int len, int64 *cents)
{
	static const int64 cents_per_digit[] = {100, 1000000, INT64CONST(10000000000), INT64CONST(100000000000000)};
	uint16		header;
	int			weight;
	int			ndigits = (len - (int) sizeof(uint16)) / (int) sizeof(int16);
	int64		sum = 0;
	int			i;

	if (len < (int) sizeof(uint16))
		return false;
	memcpy(&header, data, sizeof(header));
	if ((header & NUMERIC_FORM_MASK) != NUMERIC_SHORT_FORM)
		return false;
	weight = header & NUMERIC_SHORT_WEIGHT;
	if (header & NUMERIC_SHORT_WEIGHT_NEG)
		weight -= NUMERIC_SHORT_WEIGHT + 1;
	if (weight > 3)
		return false;
	for (i = 0; i < ndigits; i++)
	{
		int16		digit;
		int			exponent = weight - i;

		memcpy(&digit, data + sizeof(uint16) + i * sizeof(int16), sizeof(digit));
		if (exponent >= 0)
			sum += digit * cents_per_digit[exponent];
		else if (exponent == -1 && digit % 100 == 0)
			sum += digit / 100;
		else if (digit != 0)
			return false;
	}
	*cents = (header & NUMERIC_SHORT_NEGATIVE) ? -sum : sum;
	return true;
}

static int64
numeric_to_cents(Datum value, const char *name)
{
	struct varlena *packed = PG_DETOAST_DATUM_PACKED(value);
	int64		cents;
	char	   *text;
	CentsParse	result;

	if (numeric_cents_fast(VARDATA_ANY(packed), VARSIZE_ANY_EXHDR(packed), &cents))
		return cents;
	text = DatumGetCString(DirectFunctionCall1(numeric_out, value));
	result = parse_cents(text, strlen(text), &cents);
	if (result != CENTS_OK)
		report_amount_error(result, name, text);
	return cents;
}

static Datum
cents_to_numeric(int64 cents)
{
	return DirectFunctionCall3(numeric_in, CStringGetDatum(cents_text(cents)),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/* ---------- dates ---------- */

static char *
date_text(DateADT date)
{
	int			year,
				month,
				day;

	j2date(date + POSTGRES_EPOCH_JDATE, &year, &month, &day);
	return psprintf("%04d-%02d-%02d", year, month, day);
}

static DateADT
checked_date(DateADT date, const char *name)
{
	int			year,
				month,
				day;

	if (DATE_NOT_FINITE(date))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s %s is not a calendar date", name, DATE_IS_NOBEGIN(date) ? "-infinity" : "infinity"),
				 errdetail("Days to payment are counted between real dates."),
				 errhint("Give a date from 0001-01-01 to 9999-12-31, or NULL when unknown.")));
	j2date(date + POSTGRES_EPOCH_JDATE, &year, &month, &day);
	if (year < 1 || year > 9999)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s is out of range for a claim outcome", name),
				 errdetail("The year is %d.", year),
				 errhint("Give a date from 0001-01-01 to 9999-12-31, or NULL when unknown.")));
	return date;
}

/* ---------- consistency of an outcome ---------- */

static void
outcome_error(const char *message, const char *detail, const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s", message),
			 errdetail("%s", detail),
			 errhint("%s", hint)));
}

static void
check_not_negative_amount(int64 cents, const char *name)
{
	if (cents < 0)
		outcome_error(psprintf("negative %s %s", name, cents_text(cents)),
					  "Amounts of a claim outcome cannot be negative.",
					  "Give 0 or a positive amount; a reversal is reversed => true with the payment that stands.");
}

static void
check_not_negative_count(int32 count, const char *name)
{
	if (count < 0)
		outcome_error(psprintf("negative %s %d", name, count),
					  "Counts of a claim outcome cannot be negative.",
					  psprintf("Give 0 or more %s.", name));
}

static void
check_recorded_without_submission(const ClaimOutcome *o)
{
	const char *what = NULL;

	if (o->submissions > 0)
		return;
	if (o->first_response != RESPONSE_UNKNOWN)
		what = psprintf("first_response %s", response_names[o->first_response]);
	else if (o->first_adjudication != ADJ_UNKNOWN)
		what = psprintf("first_adjudication %s", adjudication_names[o->first_adjudication]);
	else if (o->flags & OUTCOME_HAS_SUBMITTED)
		what = psprintf("submitted_on %s", date_text(o->submitted_on));
	else if (o->flags & OUTCOME_HAS_PAID)
		what = psprintf("paid_on %s", date_text(o->paid_on));
	else if (o->paid_amount > 0)
		what = psprintf("paid_amount %s", cents_text(o->paid_amount));
	else if (o->denied_amount > 0)
		what = psprintf("denied_amount %s", cents_text(o->denied_amount));
	else if (o->rejections > 0)
		what = psprintf("rejections %d", o->rejections);
	else if (o->flags & OUTCOME_REVERSED)
		what = "reversed";
	if (what)
		outcome_error(psprintf("claim outcome has %s but no submission", what),
					  "submissions is 0: the claim was never sent, so nothing can have come back.",
					  "Give submissions => the number of times the claim was sent.");
}

static void
check_rejections(const ClaimOutcome *o)
{
	if (o->rejections > o->submissions)
		outcome_error(psprintf("rejections %d exceed submissions %d", o->rejections, o->submissions),
					  "Each rejection is the answer to one submission.",
					  "Give rejections from 0 to submissions.");
	if (o->first_response == RESPONSE_REJECTED && o->rejections == 0)
		outcome_error("first_response rejected with rejections 0",
					  "A rejected first submission is a rejection.",
					  "Give rejections of at least 1, or leave it NULL to count it from first_response.");
	if (o->first_response == RESPONSE_ACCEPTED && o->rejections >= o->submissions)
		outcome_error(psprintf("first_response accepted with rejections %d of submissions %d", o->rejections, o->submissions),
					  "The accepted first submission was not rejected, so at most the other submissions were.",
					  "Give rejections below submissions.");
	if (o->first_adjudication != ADJ_UNKNOWN && o->first_response == RESPONSE_REJECTED && o->submissions == 1)
		outcome_error(psprintf("first_adjudication %s after the only submission was rejected",
							   adjudication_names[o->first_adjudication]),
					  "A rejected submission never reaches adjudication; the payer adjudicates a later, accepted submission.",
					  "Give submissions including the resubmission, or first_adjudication NULL.");
	if (o->first_adjudication != ADJ_UNKNOWN && o->rejections >= o->submissions)
		outcome_error(psprintf("first_adjudication %s with all %d submissions rejected",
							   adjudication_names[o->first_adjudication], o->submissions),
					  "Only an accepted submission reaches adjudication.",
					  "Give rejections below submissions, or first_adjudication NULL.");
}

static void
check_dates(const ClaimOutcome *o)
{
	if (!(o->flags & OUTCOME_HAS_PAID))
		return;
	if (!(o->flags & OUTCOME_HAS_SUBMITTED))
		outcome_error(psprintf("paid_on %s without submitted_on", date_text(o->paid_on)),
					  "Days to payment run from the first submission to the payment.",
					  "Give submitted_on, the date of the first submission.");
	if (o->paid_on < o->submitted_on)
		outcome_error(psprintf("paid_on %s is before submitted_on %s", date_text(o->paid_on), date_text(o->submitted_on)),
					  "A claim is paid after it was first submitted.",
					  "Give paid_on on or after submitted_on.");
}

static void
check_amounts_against_charge(const ClaimOutcome *o)
{
	if (o->denied_amount > o->charge)
		outcome_error(psprintf("denied_amount %s is above the charge %s", cents_text(o->denied_amount), cents_text(o->charge)),
					  "A payer denies at most what the claim charged.",
					  "Give denied_amount from 0 to the charge.");
	if (o->written_off > o->charge)
		outcome_error(psprintf("written_off %s is above the charge %s", cents_text(o->written_off), cents_text(o->charge)),
					  "A claim's write-off is at most its charge.",
					  "Give written_off from 0 to the charge.");
}

static void
check_adjudication(const ClaimOutcome *o)
{
	if (o->denied_amount > 0 && !outcome_denial(o))
		outcome_error(psprintf("denied_amount %s without a denial", cents_text(o->denied_amount)),
					  psprintf("first_adjudication is %s.", o->first_adjudication == ADJ_UNKNOWN ? "unknown" :
							   adjudication_names[o->first_adjudication]),
					  "Give first_adjudication partially_denied or denied, or denied_amount 0.");
	if (o->first_adjudication == ADJ_PENDING && (o->paid_amount > 0 || (o->flags & OUTCOME_HAS_PAID)))
		outcome_error(psprintf("payment on a pending claim (paid_amount %s%s)", cents_text(o->paid_amount),
							   (o->flags & OUTCOME_HAS_PAID) ? psprintf(", paid_on %s", date_text(o->paid_on)) : ""),
					  "A pending claim awaits its first adjudication.",
					  "Give the first adjudication that came with the payment (paid, partially_denied, ...).");
	if ((o->flags & OUTCOME_REVERSED) && !outcome_resolved(o))
		outcome_error(psprintf("reversed with first_adjudication %s",
							   o->first_adjudication == ADJ_UNKNOWN ? "unknown" : adjudication_names[o->first_adjudication]),
					  "A reversal takes back a payment or a move to patient responsibility; an overturned denial is not a reversal.",
					  "Give first_adjudication paid or patient_responsibility with reversed => true.");
}

/* Every rule an outcome obeys, whichever way it was made. */
static void
check_outcome(const ClaimOutcome *o)
{
	check_not_negative_amount(o->charge, "charge");
	check_not_negative_amount(o->denied_amount, "denied_amount");
	check_not_negative_amount(o->paid_amount, "paid_amount");
	check_not_negative_amount(o->written_off, "written_off");
	check_not_negative_count(o->submissions, "submissions");
	check_not_negative_count(o->rejections, "rejections");
	check_not_negative_count(o->touches, "touches");
	check_recorded_without_submission(o);
	check_rejections(o);
	check_dates(o);
	check_amounts_against_charge(o);
	check_adjudication(o);
}

/* ---------- building an outcome ---------- */

static int32
quality_hundredths(double score)
{
	if (isnan(score) || score < 0 || score > 100)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("quality_score %s is out of range", float8out_internal(score)),
				 errdetail("A claim quality score runs from 0 to 100."),
				 errhint("Give cleanclaim.quality_score(claim), or NULL when the claim was not scored.")));
	return (int32) round(score * 100);	/* half away from zero */
}

static int
status_code(const char *const names[], int last, const char *value, int len)
{
	int			code;

	for (code = 1; code <= last; code++)
		if ((int) strlen(names[code]) == len && strncmp(names[code], value, len) == 0)
			return code;
	return 0;
}

static uint8
parse_response(const char *value, int len)
{
	int			code = status_code(response_names, RESPONSE_REJECTED, value, len);

	if (code == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown first_response \"%s\"", pnstrdup(value, len)),
				 errdetail("first_response is the clearinghouse or payer front-end answer (999/277CA) to the first submission."),
				 errhint(RESPONSE_HINT)));
	return (uint8) code;
}

static uint8
parse_adjudication(const char *value, int len)
{
	int			code = status_code(adjudication_names, ADJ_LAST, value, len);

	if (code == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown first_adjudication \"%s\"", pnstrdup(value, len)),
				 errdetail("first_adjudication is the payer's first decision on the claim (835)."),
				 errhint(ADJUDICATION_HINT)));
	return (uint8) code;
}

static inline int32
derived_rejections(const ClaimOutcome *o, bool given, int32 rejections)
{
	if (given)
		return rejections;
	return o->first_response == RESPONSE_REJECTED ? 1 : 0;
}

static ClaimOutcome *
new_outcome(void)
{
	ClaimOutcome *o = palloc0(sizeof(ClaimOutcome));

	o->quality = QUALITY_NONE;
	return o;
}

/* Arguments of claim_outcome(), in order. */
enum
{
	ARG_CHARGE, ARG_CLEAN, ARG_QUALITY, ARG_SUBMISSIONS, ARG_FIRST_RESPONSE, ARG_FIRST_ADJUDICATION,
	ARG_DENIED, ARG_PAID, ARG_WRITTEN_OFF, ARG_TOUCHES, ARG_SUBMITTED_ON, ARG_PAID_ON, ARG_REJECTIONS, ARG_REVERSED
};

static int64
arg_cents(FunctionCallInfo fcinfo, int arg, const char *name)
{
	return PG_ARGISNULL(arg) ? 0 : numeric_to_cents(PG_GETARG_DATUM(arg), name);
}

static int32
arg_count(FunctionCallInfo fcinfo, int arg)
{
	return PG_ARGISNULL(arg) ? 0 : PG_GETARG_INT32(arg);
}

static uint8
arg_status(FunctionCallInfo fcinfo, int arg, uint8 (*parse) (const char *, int))
{
	text	   *value;

	if (PG_ARGISNULL(arg))
		return 0;
	value = PG_GETARG_TEXT_PP(arg);
	return parse(VARDATA_ANY(value), VARSIZE_ANY_EXHDR(value));
}

static void
arg_date(FunctionCallInfo fcinfo, int arg, const char *name, DateADT *date, uint8 *flags, uint8 flag)
{
	if (PG_ARGISNULL(arg))
		return;
	*date = checked_date(PG_GETARG_DATEADT(arg), name);
	*flags |= flag;
}

PG_FUNCTION_INFO_V1(claim_outcome_make);
Datum
claim_outcome_make(PG_FUNCTION_ARGS)
{
	ClaimOutcome *o = new_outcome();

	o->charge = arg_cents(fcinfo, ARG_CHARGE, "charge");
	if (!PG_ARGISNULL(ARG_CLEAN))
		o->clean = PG_GETARG_BOOL(ARG_CLEAN) ? CLEAN_YES : CLEAN_NO;
	if (!PG_ARGISNULL(ARG_QUALITY))
		o->quality = quality_hundredths(PG_GETARG_FLOAT8(ARG_QUALITY));
	o->submissions = arg_count(fcinfo, ARG_SUBMISSIONS);
	o->first_response = arg_status(fcinfo, ARG_FIRST_RESPONSE, parse_response);
	o->first_adjudication = arg_status(fcinfo, ARG_FIRST_ADJUDICATION, parse_adjudication);
	o->denied_amount = arg_cents(fcinfo, ARG_DENIED, "denied_amount");
	o->paid_amount = arg_cents(fcinfo, ARG_PAID, "paid_amount");
	o->written_off = arg_cents(fcinfo, ARG_WRITTEN_OFF, "written_off");
	o->touches = arg_count(fcinfo, ARG_TOUCHES);
	arg_date(fcinfo, ARG_SUBMITTED_ON, "submitted_on", &o->submitted_on, &o->flags, OUTCOME_HAS_SUBMITTED);
	arg_date(fcinfo, ARG_PAID_ON, "paid_on", &o->paid_on, &o->flags, OUTCOME_HAS_PAID);
	o->rejections = derived_rejections(o, !PG_ARGISNULL(ARG_REJECTIONS), arg_count(fcinfo, ARG_REJECTIONS));
	if (!PG_ARGISNULL(ARG_REVERSED) && PG_GETARG_BOOL(ARG_REVERSED))
		o->flags |= OUTCOME_REVERSED;
	check_outcome(o);
	PG_RETURN_POINTER(o);
}

/* ---------- claim_outcome text I/O ---------- */

static void
outcome_syntax_error(const char *input, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type claim_outcome: \"%s\"", input),
			 errdetail("%s", detail),
			 errhint("Write key=value pairs named like the arguments of claim_outcome(), for example "
					 "\"charge=100.00 clean=true submissions=1 first_response=accepted\".")));
}

static const char *const outcome_keys[] = {
	"charge", "clean", "quality_score", "submissions", "first_response", "first_adjudication",
	"denied_amount", "paid_amount", "written_off", "touches", "submitted_on", "paid_on", "rejections", "reversed"
};

#define OUTCOME_KEYS lengthof(outcome_keys)

static int
outcome_key(const char *key, int len)
{
	int			i;

	for (i = 0; i < (int) OUTCOME_KEYS; i++)
		if ((int) strlen(outcome_keys[i]) == len && strncmp(outcome_keys[i], key, len) == 0)
			return i;
	return -1;
}

static bool
parse_bool_word(const char *v, int len, bool *result)
{
	if (len == 4 && strncmp(v, "true", 4) == 0)
		*result = true;
	else if (len == 5 && strncmp(v, "false", 5) == 0)
		*result = false;
	else
		return false;
	return true;
}

static bool
parse_int32_word(const char *v, int len, int32 *result)
{
	int64		value = 0;
	int			i = 0;
	bool		negative = false;

	if (len > 0 && v[0] == '-')
	{
		negative = true;
		i++;
	}
	if (i == len || len - i > 10)
		return false;
	for (; i < len; i++)
	{
		if (v[i] < '0' || v[i] > '9')
			return false;
		value = value * 10 + (v[i] - '0');
	}
	if (negative)
		value = -value;
	if (value < PG_INT32_MIN || value > PG_INT32_MAX)
		return false;
	*result = (int32) value;
	return true;
}

/* YYYY-MM-DD exactly, a real date of years 1 to 9999 */
static bool
parse_date_word(const char *v, int len, DateADT *result)
{
	int			year,
				month,
				day,
				i;

	if (len != 10 || v[4] != '-' || v[7] != '-')
		return false;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (v[i] < '0' || v[i] > '9'))
			return false;
	year = atoi(pnstrdup(v, 4));
	month = (v[5] - '0') * 10 + (v[6] - '0');
	day = (v[8] - '0') * 10 + (v[9] - '0');
	if (year < 1 || month < 1 || month > 12 || day < 1 || day > day_tab[isleap(year)][month - 1])
		return false;
	*result = date2j(year, month, day) - POSTGRES_EPOCH_JDATE;
	return true;
}

static void
outcome_set_field(ClaimOutcome *o, int key, const char *v, int len, const char *input,
				  bool *rejections_given)
{
	bool		flag;
	int64		cents;
	CentsParse	parsed;
	char	   *end;
	char	   *copy;
	double		score;
	int32	   *count = NULL;
	int64	   *amount = NULL;

	switch (key)
	{
		case ARG_CHARGE:
			amount = &o->charge;
			break;
		case ARG_DENIED:
			amount = &o->denied_amount;
			break;
		case ARG_PAID:
			amount = &o->paid_amount;
			break;
		case ARG_WRITTEN_OFF:
			amount = &o->written_off;
			break;
		case ARG_SUBMISSIONS:
			count = &o->submissions;
			break;
		case ARG_TOUCHES:
			count = &o->touches;
			break;
		case ARG_REJECTIONS:
			count = &o->rejections;
			*rejections_given = true;
			break;
		case ARG_CLEAN:
			if (!parse_bool_word(v, len, &flag))
				outcome_syntax_error(input, "clean is true or false.");
			o->clean = flag ? CLEAN_YES : CLEAN_NO;
			return;
		case ARG_REVERSED:
			if (!parse_bool_word(v, len, &flag))
				outcome_syntax_error(input, "reversed is true or false.");
			if (flag)
				o->flags |= OUTCOME_REVERSED;
			return;
		case ARG_QUALITY:
			copy = pnstrdup(v, len);
			score = strtod(copy, &end);
			if (len == 0 || *end != '\0')
				outcome_syntax_error(input, "quality_score is a number from 0 to 100.");
			o->quality = quality_hundredths(score);
			return;
		case ARG_FIRST_RESPONSE:
			o->first_response = parse_response(v, len);
			return;
		case ARG_FIRST_ADJUDICATION:
			o->first_adjudication = parse_adjudication(v, len);
			return;
		case ARG_SUBMITTED_ON:
		case ARG_PAID_ON:
			if (!parse_date_word(v, len, key == ARG_PAID_ON ? &o->paid_on : &o->submitted_on))
				outcome_syntax_error(input, psprintf("%s is a date written YYYY-MM-DD.", outcome_keys[key]));
			o->flags |= key == ARG_PAID_ON ? OUTCOME_HAS_PAID : OUTCOME_HAS_SUBMITTED;
			return;
	}
	if (amount)
	{
		parsed = parse_cents(v, len, &cents);
		if (parsed == CENTS_SYNTAX)
			outcome_syntax_error(input, psprintf("%s is an amount such as 125.40.", outcome_keys[key]));
		if (parsed != CENTS_OK)
			report_amount_error(parsed, outcome_keys[key], pnstrdup(v, len));
		*amount = cents;
	}
	else if (!parse_int32_word(v, len, count))
		outcome_syntax_error(input, psprintf("%s is a whole number.", outcome_keys[key]));
}

PG_FUNCTION_INFO_V1(claim_outcome_in);
Datum
claim_outcome_in(PG_FUNCTION_ARGS)
{
	const char *input = PG_GETARG_CSTRING(0);
	const char *p = input;
	ClaimOutcome *o = new_outcome();
	bool		seen[OUTCOME_KEYS] = {0};
	bool		rejections_given = false;

	for (;;)
	{
		const char *key,
				   *eq,
				   *value;
		int			k;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		key = p;
		while (*p && *p != ' ' && *p != '=')
			p++;
		if (*p != '=')
			outcome_syntax_error(input, psprintf("\"%s\" is not a key=value pair.", pnstrdup(key, p - key)));
		eq = p;
		k = outcome_key(key, eq - key);
		if (k < 0)
			outcome_syntax_error(input, psprintf("Unknown key \"%s\".", pnstrdup(key, eq - key)));
		if (seen[k])
			outcome_syntax_error(input, psprintf("Key \"%s\" is given twice.", outcome_keys[k]));
		seen[k] = true;
		value = ++p;
		while (*p && *p != ' ')
			p++;
		outcome_set_field(o, k, value, p - value, input, &rejections_given);
	}
	o->rejections = derived_rejections(o, rejections_given, o->rejections);
	check_outcome(o);
	PG_RETURN_POINTER(o);
}

PG_FUNCTION_INFO_V1(claim_outcome_out);
Datum
claim_outcome_out(PG_FUNCTION_ARGS)
{
	const ClaimOutcome *o = (const ClaimOutcome *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "charge=%s", cents_text(o->charge));
	if (o->clean != CLEAN_UNKNOWN)
		appendStringInfo(&buf, " clean=%s", o->clean == CLEAN_YES ? "true" : "false");
	if (o->quality != QUALITY_NONE)
		appendStringInfo(&buf, " quality_score=%d.%02d", o->quality / 100, o->quality % 100);
	appendStringInfo(&buf, " submissions=%d", o->submissions);
	if (o->first_response != RESPONSE_UNKNOWN)
		appendStringInfo(&buf, " first_response=%s", response_names[o->first_response]);
	if (o->first_adjudication != ADJ_UNKNOWN)
		appendStringInfo(&buf, " first_adjudication=%s", adjudication_names[o->first_adjudication]);
	appendStringInfo(&buf, " denied_amount=%s paid_amount=%s written_off=%s touches=%d",
					 cents_text(o->denied_amount), cents_text(o->paid_amount), cents_text(o->written_off), o->touches);
	if (o->flags & OUTCOME_HAS_SUBMITTED)
		appendStringInfo(&buf, " submitted_on=%s", date_text(o->submitted_on));
	if (o->flags & OUTCOME_HAS_PAID)
		appendStringInfo(&buf, " paid_on=%s", date_text(o->paid_on));
	appendStringInfo(&buf, " rejections=%d reversed=%s", o->rejections,
					 (o->flags & OUTCOME_REVERSED) ? "true" : "false");
	PG_RETURN_CSTRING(buf.data);
}

/* ---------- claim_outcome binary I/O ---------- */

static void
binary_error(const char *type, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary value for type %s", type),
			 errdetail("%s", detail),
			 errhint("Send the bytes that %s_send produced.", type)));
}

PG_FUNCTION_INFO_V1(claim_outcome_recv);
Datum
claim_outcome_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	ClaimOutcome *o = new_outcome();
	int			version = pq_getmsgbyte(buf);

	if (version != OUTCOME_BINARY_VERSION)
		binary_error("claim_outcome", psprintf("Unknown format version %d.", version));
	o->charge = pq_getmsgint64(buf);
	o->denied_amount = pq_getmsgint64(buf);
	o->paid_amount = pq_getmsgint64(buf);
	o->written_off = pq_getmsgint64(buf);
	o->quality = pq_getmsgint(buf, 4);
	o->submissions = pq_getmsgint(buf, 4);
	o->rejections = pq_getmsgint(buf, 4);
	o->touches = pq_getmsgint(buf, 4);
	o->submitted_on = pq_getmsgint(buf, 4);
	o->paid_on = pq_getmsgint(buf, 4);
	o->clean = pq_getmsgbyte(buf);
	o->first_response = pq_getmsgbyte(buf);
	o->first_adjudication = pq_getmsgbyte(buf);
	o->flags = pq_getmsgbyte(buf);
	pq_getmsgend(buf);
	if (o->quality != QUALITY_NONE && (o->quality < 0 || o->quality > 10000))
		binary_error("claim_outcome", psprintf("quality_score %d hundredths is out of range.", o->quality));
	if (o->clean > CLEAN_YES || o->first_response > RESPONSE_REJECTED || o->first_adjudication > ADJ_LAST ||
		(o->flags & ~OUTCOME_FLAGS_ALL))
		binary_error("claim_outcome", "A status code or flag is out of range.");
	if (!(o->flags & OUTCOME_HAS_SUBMITTED))
		o->submitted_on = 0;
	else
		checked_date(o->submitted_on, "submitted_on");
	if (!(o->flags & OUTCOME_HAS_PAID))
		o->paid_on = 0;
	else
		checked_date(o->paid_on, "paid_on");
	check_outcome(o);
	PG_RETURN_POINTER(o);
}

PG_FUNCTION_INFO_V1(claim_outcome_send);
Datum
claim_outcome_send(PG_FUNCTION_ARGS)
{
	const ClaimOutcome *o = (const ClaimOutcome *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, OUTCOME_BINARY_VERSION);
	pq_sendint64(&buf, o->charge);
	pq_sendint64(&buf, o->denied_amount);
	pq_sendint64(&buf, o->paid_amount);
	pq_sendint64(&buf, o->written_off);
	pq_sendint32(&buf, o->quality);
	pq_sendint32(&buf, o->submissions);
	pq_sendint32(&buf, o->rejections);
	pq_sendint32(&buf, o->touches);
	pq_sendint32(&buf, o->submitted_on);
	pq_sendint32(&buf, o->paid_on);
	pq_sendbyte(&buf, o->clean);
	pq_sendbyte(&buf, o->first_response);
	pq_sendbyte(&buf, o->first_adjudication);
	pq_sendbyte(&buf, o->flags);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------- claim_stats ---------- */

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

static const char *const stat_names[STAT_COUNT] = {
	"claims", "scrubbed", "clean", "scored", "quality", "submitted", "submissions", "rejections",
	"first_accepted", "first_rejected",
	"paid", "partially_denied", "denied", "patient_responsibility", "pending",
	"first_pass_resolved", "reversed", "touches", "touchless",
	"charges", "adjudicated_charges", "denied_charges", "denied_amount", "paid_amount", "written_off",
	"paid_claims"
};

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

static ClaimStats *
new_stats(int32 room)
{
	ClaimStats *s = palloc0(STATS_SIZE(room));

	SET_VARSIZE(s, STATS_SIZE(room));
	s->version = STATS_VERSION;
	s->room = room;
	return s;
}

static ClaimStats *
copy_stats(const ClaimStats *s, int32 room)
{
	ClaimStats *copy = new_stats(room);

	memcpy(copy->n, s->n, sizeof(s->n));
	memcpy(copy->days, s->days, (Size) s->ndays * sizeof(DaysCount));
	copy->ndays = s->ndays;
	return copy;
}

static inline ClaimStats *
stats_arg(FunctionCallInfo fcinfo, int arg)
{
	return (ClaimStats *) PG_DETOAST_DATUM(PG_GETARG_DATUM(arg));
}

static void
stats_overflow(int counter)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("claim_stats counter %s is out of range", stat_names[counter]),
			 errdetail("Counters and sums of cents are 64-bit integers."),
			 errhint("Aggregate smaller groups.")));
}

static inline void
stats_add(ClaimStats *s, int counter, int64 value)
{
	if (unlikely(pg_add_s64_overflow(s->n[counter], value, &s->n[counter])))
		stats_overflow(counter);
}

/*
 * Where days is, or would go, among the days present.  Days are distinct
 * integers in increasing order, so days[i] >= days[0] + i: the position of d
 * is at most d - days[0].  Start there and step down, one step when the days
 * form a run (the usual case) and a few across gaps; after that, a binary
 * search.
 */
#define DAYS_STEPS_BEFORE_SEARCH 8

static int
days_position(const ClaimStats *s, int32 days, bool *found)
{
	int			low = 0,
				high,
				pos,
				steps;
	int64		offset;

	*found = false;
	if (s->ndays == 0 || days < s->days[0].days)
		return 0;
	offset = (int64) days - s->days[0].days;
	pos = offset < s->ndays ? (int) offset : s->ndays - 1;
	for (steps = 0; steps < DAYS_STEPS_BEFORE_SEARCH; steps++)
	{
		if (s->days[pos].days == days)
		{
			*found = true;
			return pos;
		}
		if (s->days[pos].days < days)
			return pos + 1;
		pos--;					/* never below 0: days[0] <= days */
	}
	high = pos + 1;
	while (low < high)
	{
		int			mid = low + (high - low) / 2;

		if (s->days[mid].days < days)
			low = mid + 1;
		else
			high = mid;
	}
	*found = low < s->ndays && s->days[low].days == days;
	return low;
}

/*
 * More room for days.  The bigger copy goes in the current (per-call)
 * context: inside an aggregate PostgreSQL copies a changed state into the
 * aggregate context and frees the old one.
 */
static ClaimStats *
grow_stats(ClaimStats *s, int32 needed)
{
	int32		room = Max(s->room, STATS_FIRST_ROOM / 2);

	while (room < needed)
	{
		if (room > STATS_MAX_DAYS / 2)
		{
			room = STATS_MAX_DAYS;
			break;
		}
		room *= 2;
	}
	if (room < needed)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("claim_stats cannot hold %d distinct days to payment", needed),
				 errhint("Aggregate smaller groups.")));
	return copy_stats(s, room);
}

/* Count claims paid after days; may return a bigger copy of s. */
static ClaimStats *
stats_count_days(ClaimStats *s, int32 days, int64 claims)
{
	bool		found;
	int			pos = days_position(s, days, &found);

	if (found)
	{
		if (unlikely(pg_add_s64_overflow(s->days[pos].claims, claims, &s->days[pos].claims)))
			stats_overflow(S_PAID_CLAIMS);
		return s;
	}
	if (s->ndays == s->room)
		s = grow_stats(s, s->ndays + 1);
	memmove(&s->days[pos + 1], &s->days[pos], (Size) (s->ndays - pos) * sizeof(DaysCount));
	s->days[pos].days = days;
	s->days[pos].reserved = 0;
	s->days[pos].claims = claims;
	s->ndays++;
	return s;
}

/* Count one outcome in; may return a bigger copy of s. */
static ClaimStats *
stats_add_outcome(ClaimStats *s, const ClaimOutcome *o)
{
	int64	   *n = s->n;

	n[S_CLAIMS]++;
	if (o->clean != CLEAN_UNKNOWN)
	{
		n[S_SCRUBBED]++;
		n[S_CLEAN] += o->clean == CLEAN_YES;
	}
	if (o->quality != QUALITY_NONE)
	{
		n[S_SCORED]++;
		stats_add(s, S_QUALITY, o->quality);
	}
	if (o->submissions > 0)
	{
		n[S_SUBMITTED]++;
		stats_add(s, S_SUBMISSIONS, o->submissions);
		stats_add(s, S_REJECTIONS, o->rejections);
	}
	if (o->first_response == RESPONSE_ACCEPTED)
		n[S_FIRST_ACCEPTED]++;
	else if (o->first_response == RESPONSE_REJECTED)
		n[S_FIRST_REJECTED]++;
	if (o->first_adjudication != ADJ_UNKNOWN)
		n[S_PAID + o->first_adjudication - ADJ_PAID]++;
	if (outcome_adjudicated(o))
		stats_add(s, S_ADJUDICATED_CHARGES, o->charge);
	if (outcome_denial(o))
		stats_add(s, S_DENIED_CHARGES, o->charge);
	if (o->flags & OUTCOME_REVERSED)
		n[S_REVERSED]++;
	else if (outcome_resolved(o) && o->submissions == 1)
		n[S_FIRST_PASS_RESOLVED]++;
	stats_add(s, S_TOUCHES, o->touches);
	n[S_TOUCHLESS] += o->touches == 0;
	stats_add(s, S_CHARGES, o->charge);
	stats_add(s, S_DENIED_AMOUNT, o->denied_amount);
	stats_add(s, S_PAID_AMOUNT, o->paid_amount);
	stats_add(s, S_WRITTEN_OFF, o->written_off);
	if ((o->flags & (OUTCOME_HAS_SUBMITTED | OUTCOME_HAS_PAID)) == (OUTCOME_HAS_SUBMITTED | OUTCOME_HAS_PAID))
	{
		n[S_PAID_CLAIMS]++;
		s = stats_count_days(s, o->paid_on - o->submitted_on, 1);
	}
	return s;
}

/* The distinct days of a and b together. */
static int32
union_days(const ClaimStats *a, const ClaimStats *b)
{
	int			i = 0,
				j = 0,
				count = 0;

	while (i < a->ndays || j < b->ndays)
	{
		if (j == b->ndays || (i < a->ndays && a->days[i].days < b->days[j].days))
			i++;
		else if (i == a->ndays || b->days[j].days < a->days[i].days)
			j++;
		else
		{
			i++;
			j++;
		}
		count++;
	}
	return count;
}

/* Add b into a; may return a new state. */
static ClaimStats *
stats_merge(ClaimStats *a, const ClaimStats *b)
{
	int			c;
	int32		total = union_days(a, b);
	ClaimStats *target = a;
	DaysCount  *old_days = a->days;
	int			i = 0,
				j = 0,
				k = 0;
	int32		old_ndays = a->ndays;

	for (c = 0; c < STAT_COUNT; c++)
		stats_add(a, c, b->n[c]);
	if (total == a->ndays)
	{
		/* every day of b is already in a */
		for (j = 0; j < b->ndays; j++)
			a = stats_count_days(a, b->days[j].days, b->days[j].claims);
		return a;
	}
	target = new_stats(total);
	memcpy(target->n, a->n, sizeof(a->n));
	while (i < old_ndays || j < b->ndays)
	{
		if (j == b->ndays || (i < old_ndays && old_days[i].days < b->days[j].days))
			target->days[k] = old_days[i++];
		else if (i == old_ndays || b->days[j].days < old_days[i].days)
			target->days[k] = b->days[j++];
		else
		{
			target->days[k] = old_days[i++];
			if (unlikely(pg_add_s64_overflow(target->days[k].claims, b->days[j++].claims, &target->days[k].claims)))
				stats_overflow(S_PAID_CLAIMS);
		}
		k++;
	}
	target->ndays = k;
	return target;
}

/* ---------- claim_stats consistency and text I/O ---------- */

static void
stats_input_error(int sqlstate, const char *type_input, const char *detail)
{
	ereport(ERROR,
			(errcode(sqlstate),
			 errmsg("invalid %s for type claim_stats", type_input),
			 errdetail("%s", detail),
			 errhint("A claim_stats value comes from the claim_stats() or merge() aggregates; "
					 "read back only what they printed.")));
}

static void
stats_check_at_most(int sqlstate, const char *what, int64 part, int64 whole, const char *whole_name)
{
	if (part > whole)
		stats_input_error(sqlstate, sqlstate == ERRCODE_INVALID_BINARY_REPRESENTATION ? "binary value" : "input",
						  psprintf("%s (" INT64_FORMAT ") exceeds %s (" INT64_FORMAT ").", what, part, whole_name, whole));
}

/* The counters of a state agree with each other, whatever its source. */
static void
stats_check(const ClaimStats *s, int sqlstate)
{
	const int64 *n = s->n;
	const char *kind = sqlstate == ERRCODE_INVALID_BINARY_REPRESENTATION ? "binary value" : "input";
	int64		adjudicated = n[S_PAID] + n[S_PARTIALLY_DENIED] + n[S_DENIED] + n[S_PATIENT_RESPONSIBILITY];
	int64		paid_claims = 0;
	int			c,
				i;

	for (c = 0; c < STAT_COUNT; c++)
		if (n[c] < 0)
			stats_input_error(sqlstate, kind, psprintf("%s is negative.", stat_names[c]));
	/* the sums of statuses stay below the counts, each far below 2^63 */
	stats_check_at_most(sqlstate, "scrubbed", n[S_SCRUBBED], n[S_CLAIMS], "claims");
	stats_check_at_most(sqlstate, "clean", n[S_CLEAN], n[S_SCRUBBED], "scrubbed");
	stats_check_at_most(sqlstate, "scored", n[S_SCORED], n[S_CLAIMS], "claims");
	if (n[S_SCORED] <= PG_INT64_MAX / 10000)
		stats_check_at_most(sqlstate, "quality", n[S_QUALITY], n[S_SCORED] * 10000, "100.00 per claim scored");
	stats_check_at_most(sqlstate, "submitted", n[S_SUBMITTED], n[S_CLAIMS], "claims");
	stats_check_at_most(sqlstate, "submitted", n[S_SUBMITTED], n[S_SUBMISSIONS], "submissions");
	stats_check_at_most(sqlstate, "rejections", n[S_REJECTIONS], n[S_SUBMISSIONS], "submissions");
	stats_check_at_most(sqlstate, "first_rejected", n[S_FIRST_REJECTED], n[S_REJECTIONS], "rejections");
	stats_check_at_most(sqlstate, "first_accepted + first_rejected", n[S_FIRST_ACCEPTED] + n[S_FIRST_REJECTED],
						n[S_SUBMITTED], "submitted");
	stats_check_at_most(sqlstate, "adjudicated and pending claims", adjudicated + n[S_PENDING],
						n[S_SUBMITTED], "submitted");
	stats_check_at_most(sqlstate, "first_pass_resolved + reversed", n[S_FIRST_PASS_RESOLVED] + n[S_REVERSED],
						n[S_PAID] + n[S_PATIENT_RESPONSIBILITY], "paid + patient_responsibility");
	stats_check_at_most(sqlstate, "touchless", n[S_TOUCHLESS], n[S_CLAIMS], "claims");
	stats_check_at_most(sqlstate, "adjudicated_charges", n[S_ADJUDICATED_CHARGES], n[S_CHARGES], "charges");
	stats_check_at_most(sqlstate, "denied_charges", n[S_DENIED_CHARGES], n[S_ADJUDICATED_CHARGES], "adjudicated_charges");
	stats_check_at_most(sqlstate, "denied_amount", n[S_DENIED_AMOUNT], n[S_DENIED_CHARGES], "denied_charges");
	stats_check_at_most(sqlstate, "written_off", n[S_WRITTEN_OFF], n[S_CHARGES], "charges");
	stats_check_at_most(sqlstate, "paid_claims", n[S_PAID_CLAIMS], n[S_SUBMITTED], "submitted");
	if (n[S_CLAIMS] > 0 && n[S_TOUCHLESS] == n[S_CLAIMS] && n[S_TOUCHES] > 0)
		stats_input_error(sqlstate, kind, "touches are counted but every claim is touchless.");
	for (i = 0; i < s->ndays; i++)
	{
		if (s->days[i].days < 0)
			stats_input_error(sqlstate, kind, psprintf("Days to payment %d is negative.", s->days[i].days));
		if (i > 0 && s->days[i].days <= s->days[i - 1].days)
			stats_input_error(sqlstate, kind, "The days to payment are not strictly increasing.");
		if (s->days[i].claims <= 0)
			stats_input_error(sqlstate, kind, psprintf("Days to payment %d counts no claims.", s->days[i].days));
		if (pg_add_s64_overflow(paid_claims, s->days[i].claims, &paid_claims))
			stats_input_error(sqlstate, kind, "The days to payment count too many claims.");
	}
	if (paid_claims != n[S_PAID_CLAIMS])
		stats_input_error(sqlstate, kind,
						  psprintf("The days to payment count " INT64_FORMAT " claims, paid_claims says " INT64_FORMAT ".",
								   paid_claims, n[S_PAID_CLAIMS]));
}

static void
stats_syntax_error(const char *input, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type claim_stats: \"%s\"",
					strlen(input) > 200 ? psprintf("%.200s...", input) : input),
			 errdetail("%s", detail),
			 errhint("A claim_stats value reads \"v1 claims=... paid_claims=... days={days:claims,...}\", "
					 "as claim_stats values print.")));
}

static bool
parse_int64_digits(const char *s, int len, int64 *value)
{
	int			i;

	*value = 0;
	if (len == 0)
		return false;
	for (i = 0; i < len; i++)
	{
		if (s[i] < '0' || s[i] > '9')
			return false;
		if (pg_mul_s64_overflow(*value, 10, value) || pg_add_s64_overflow(*value, s[i] - '0', value))
			return false;
	}
	return true;
}

static int
stat_key(const char *key, int len)
{
	int			c;

	for (c = 0; c < STAT_COUNT; c++)
		if ((int) strlen(stat_names[c]) == len && strncmp(stat_names[c], key, len) == 0)
			return c;
	return -1;
}

/* days={d:c,d:c}; p points after "days={" */
static ClaimStats *
parse_days_list(ClaimStats *s, const char *input, const char *p)
{
	while (*p != '}')
	{
		const char *start = p;
		int64		days,
					claims;

		while (*p >= '0' && *p <= '9')
			p++;
		if (!parse_int64_digits(start, p - start, &days) || days > PG_INT32_MAX || *p != ':')
			stats_syntax_error(input, "days={...} holds days:claims pairs of whole numbers.");
		start = ++p;
		while (*p >= '0' && *p <= '9')
			p++;
		if (!parse_int64_digits(start, p - start, &claims))
			stats_syntax_error(input, "days={...} holds days:claims pairs of whole numbers.");
		if (s->ndays == s->room)
			s = grow_stats(s, s->ndays + 1);
		s->days[s->ndays].days = (int32) days;
		s->days[s->ndays].claims = claims;
		s->ndays++;
		if (*p == ',')
			p++;
		else if (*p != '}')
			stats_syntax_error(input, "The pairs of days={...} are separated by commas and closed by }.");
	}
	if (p[1] != '\0')
		stats_syntax_error(input, "Nothing may follow days={...}.");
	return s;
}

PG_FUNCTION_INFO_V1(claim_stats_in);
Datum
claim_stats_in(PG_FUNCTION_ARGS)
{
	const char *input = PG_GETARG_CSTRING(0);
	const char *p = input;
	ClaimStats *s = new_stats(0);
	bool		seen[STAT_COUNT] = {0};
	int			c;

	if (strncmp(p, "v1 ", 3) != 0)
		stats_syntax_error(input, "A claim_stats value starts with its version, v1.");
	p += 3;
	while (strncmp(p, "days={", 6) != 0)
	{
		const char *key = p,
				   *value;
		CentsParse	parsed;

		while (*p && *p != '=' && *p != ' ')
			p++;
		if (*p != '=')
			stats_syntax_error(input, "Counters are written key=value, the days last as days={...}.");
		c = stat_key(key, p - key);
		if (c < 0)
			stats_syntax_error(input, psprintf("Unknown counter \"%s\".", pnstrdup(key, p - key)));
		if (seen[c])
			stats_syntax_error(input, psprintf("Counter \"%s\" is given twice.", stat_names[c]));
		seen[c] = true;
		value = ++p;
		while (*p && *p != ' ')
			p++;
		if (stat_in_hundredths(c))
			parsed = parse_cents(value, p - value, &s->n[c]);
		else
			parsed = parse_int64_digits(value, p - value, &s->n[c]) ? CENTS_OK : CENTS_SYNTAX;
		if (parsed != CENTS_OK || (stat_in_hundredths(c) && *value == '+'))
			stats_syntax_error(input, psprintf("Counter %s has the value \"%s\".", stat_names[c], pnstrdup(value, p - value)));
		if (*p != ' ')
			stats_syntax_error(input, "The counters end with days={...}.");
		p++;
	}
	for (c = 0; c < STAT_COUNT; c++)
		if (!seen[c])
			stats_syntax_error(input, psprintf("Counter %s is missing.", stat_names[c]));
	s = parse_days_list(s, input, p + 6);
	stats_check(s, ERRCODE_INVALID_TEXT_REPRESENTATION);
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(claim_stats_out);
Datum
claim_stats_out(PG_FUNCTION_ARGS)
{
	ClaimStats *s = stats_arg(fcinfo, 0);
	StringInfoData buf;
	int			c,
				i;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "v1");
	for (c = 0; c < STAT_COUNT; c++)
	{
		if (stat_in_hundredths(c))
			appendStringInfo(&buf, " %s=%s", stat_names[c], cents_text(s->n[c]));
		else
			appendStringInfo(&buf, " %s=" INT64_FORMAT, stat_names[c], s->n[c]);
	}
	appendStringInfoString(&buf, " days={");
	for (i = 0; i < s->ndays; i++)
		appendStringInfo(&buf, "%s%d:" INT64_FORMAT, i > 0 ? "," : "", s->days[i].days, s->days[i].claims);
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(claim_stats_recv);
Datum
claim_stats_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	ClaimStats *s;
	int32		ndays;
	int			c,
				i;
	int64		counters[STAT_COUNT];

	if (version != STATS_VERSION)
		binary_error("claim_stats", psprintf("Unknown format version %d.", version));
	for (c = 0; c < STAT_COUNT; c++)
		counters[c] = pq_getmsgint64(buf);
	ndays = pq_getmsgint(buf, 4);
	if (ndays < 0 || ndays > (buf->len - buf->cursor) / 12)
		binary_error("claim_stats", psprintf("The message cannot hold %d days to payment.", ndays));
	s = new_stats(ndays);
	memcpy(s->n, counters, sizeof(counters));
	for (i = 0; i < ndays; i++)
	{
		s->days[i].days = pq_getmsgint(buf, 4);
		s->days[i].claims = pq_getmsgint64(buf);
	}
	s->ndays = ndays;
	pq_getmsgend(buf);
	stats_check(s, ERRCODE_INVALID_BINARY_REPRESENTATION);
	PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(claim_stats_send);
Datum
claim_stats_send(PG_FUNCTION_ARGS)
{
	ClaimStats *s = stats_arg(fcinfo, 0);
	StringInfoData buf;
	int			c,
				i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STATS_VERSION);
	for (c = 0; c < STAT_COUNT; c++)
		pq_sendint64(&buf, s->n[c]);
	pq_sendint32(&buf, s->ndays);
	for (i = 0; i < s->ndays; i++)
	{
		pq_sendint32(&buf, s->days[i].days);
		pq_sendint64(&buf, s->days[i].claims);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

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

static Datum
ratio(double numerator, int64 denominator, bool *isnull)
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
	return ratio(total, s->n[S_PAID_CLAIMS], isnull);
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
			return ratio(n[S_CLEAN], n[S_SCRUBBED], isnull);
		case M_FIRST_PASS_ACCEPTANCE_RATE:
			return ratio(n[S_FIRST_ACCEPTED], n[S_FIRST_ACCEPTED] + n[S_FIRST_REJECTED], isnull);
		case M_REJECTION_RATE:
			return ratio(n[S_REJECTIONS], n[S_SUBMISSIONS], isnull);
		case M_DENIAL_RATE:
			return ratio(n[S_PARTIALLY_DENIED] + n[S_DENIED], adjudicated_claims(s), isnull);
		case M_DENIAL_RATE_DOLLARS:
			return ratio(n[S_DENIED_CHARGES], n[S_ADJUDICATED_CHARGES], isnull);
		case M_FIRST_PASS_RESOLUTION_RATE:
			return ratio(n[S_FIRST_PASS_RESOLVED], adjudicated_claims(s), isnull);
		case M_RESUBMISSIONS_PER_CLAIM:
			return ratio(n[S_SUBMISSIONS] - n[S_SUBMITTED], n[S_SUBMITTED], isnull);
		case M_TOUCHES_PER_CLAIM:
			return ratio(n[S_TOUCHES], n[S_CLAIMS], isnull);
		case M_TOUCHLESS_RATE:
			return ratio(n[S_TOUCHLESS], n[S_CLAIMS], isnull);
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
			return ratio(n[S_QUALITY] / 100.0, n[S_SCORED], isnull);
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
	result = ratio(counts[0], counts[1], &isnull);
	if (isnull)
		PG_RETURN_NULL();
	return result;
}
