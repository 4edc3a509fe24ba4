/*
 * outcome.c
 *	  claim_outcome: one claim's outcome, built by claim_outcome(...) from
 *	  the ledger's columns or read from its text and binary forms, and
 *	  checked for consistency; amounts in exact cents.
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


static const char *const response_names[] = {NULL, "accepted", "rejected"};
static const char *const adjudication_names[] = {
	NULL, "paid", "partially_denied", "denied", "patient_responsibility", "pending"
};

#define RESPONSE_HINT "first_response is accepted, rejected, or NULL when unknown."
#define ADJUDICATION_HINT "first_adjudication is paid, partially_denied, denied, patient_responsibility, pending, or NULL when unknown."

/* ---------- money ---------- */

/* Dollars for messages and output: -5.00, 92233720368547758.07 */
char *
cents_text(int64 cents)
{
	uint64		magnitude = cents < 0 ? -(uint64) cents : (uint64) cents;

	return psprintf("%s" UINT64_FORMAT ".%02d", cents < 0 ? "-" : "",
					magnitude / 100, (int) (magnitude % 100));
}


/*
 * Exact cents of a decimal written [-]digits[.digits]: more than two decimals
 * are allowed only when they are zeros.
 */
CentsParse
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

Datum
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

void
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
