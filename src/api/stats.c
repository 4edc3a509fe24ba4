/*
 * stats.c
 *	  claim_stats: the state of the metric aggregates, exact counters and
 *	  the distribution of days to payment; adding an outcome, merging two
 *	  states, and its text and binary forms.
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


/* ---------- claim_stats ---------- */


static const char *const stat_names[STAT_COUNT] = {
	"claims", "scrubbed", "clean", "scored", "quality", "submitted", "submissions", "rejections",
	"first_accepted", "first_rejected",
	"paid", "partially_denied", "denied", "patient_responsibility", "pending",
	"first_pass_resolved", "reversed", "touches", "touchless",
	"charges", "adjudicated_charges", "denied_charges", "denied_amount", "paid_amount", "written_off",
	"paid_claims"
};




ClaimStats *
new_stats(int32 room)
{
	ClaimStats *s = palloc0(STATS_SIZE(room));

	SET_VARSIZE(s, STATS_SIZE(room));
	s->version = STATS_VERSION;
	s->room = room;
	return s;
}

ClaimStats *
copy_stats(const ClaimStats *s, int32 room)
{
	ClaimStats *copy = new_stats(room);

	memcpy(copy->n, s->n, sizeof(s->n));
	memcpy(copy->days, s->days, (Size) s->ndays * sizeof(DaysCount));
	copy->ndays = s->ndays;
	return copy;
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
ClaimStats *
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
ClaimStats *
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
