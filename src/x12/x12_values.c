/*
 * x12_values.c
 *	  The values of X12 elements: amounts and dates read, and a table of
 *	  element rules (required, length, codes, type) checked against a
 *	  segment, the way a 999 reports a segment's elements (IK4).
 */
#include "postgres.h"

#include "datatype/timestamp.h"
#include "utils/datetime.h"

#include "x12/x12.h"

/*
 * An X12 decimal (type R): an optional minus, digits with at most one
 * decimal point, at most four decimals here (amounts have two), at most 15
 * digits in all.  Leading and trailing blanks are not allowed.
 */
bool
x12_parse_amount(X12Str s, int64 *out)
{
	int64		value = 0;
	int			i = 0;
	int			digits = 0;
	int			decimals = -1;	/* -1 before the point */
	bool		negative = false;

	if (s.len > 0 && s.s[0] == '-')
	{
		negative = true;
		i = 1;
	}
	for (; i < s.len; i++)
	{
		char		c = s.s[i];

		if (c == '.' && decimals < 0)
			decimals = 0;
		else if (c >= '0' && c <= '9' && digits < 15 && decimals < 4)
		{
			value = value * 10 + (c - '0');
			digits++;
			if (decimals >= 0)
				decimals++;
		}
		else
			return false;
	}
	if (digits == 0)
		return false;
	for (decimals = Max(decimals, 0); decimals < 4; decimals++)
		value *= 10;
	*out = negative ? -value : value;
	return true;
}

char *
x12_amount_text(int64 amount)
{
	uint64		a = amount < 0 ? -(uint64) amount : (uint64) amount;
	uint64		fraction = a % X12_AMOUNT_SCALE;

	if (fraction % 100 == 0)
		return psprintf("%s" UINT64_FORMAT ".%02u", amount < 0 ? "-" : "", a / X12_AMOUNT_SCALE,
						(unsigned) (fraction / 100));
	return psprintf("%s" UINT64_FORMAT ".%04u", amount < 0 ? "-" : "", a / X12_AMOUNT_SCALE, (unsigned) fraction);
}

/* CCYYMMDD, a day of the calendar, as a date (days since 2000-01-01). */
bool
x12_parse_date(X12Str s, int32 *out)
{
	int			v[8];
	int			i,
				year,
				month,
				day;

	if (s.len != 8)
		return false;
	for (i = 0; i < 8; i++)
	{
		if (s.s[i] < '0' || s.s[i] > '9')
			return false;
		v[i] = s.s[i] - '0';
	}
	year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
	month = v[4] * 10 + v[5];
	day = v[6] * 10 + v[7];
	if (year < 1 || month < 1 || month > 12 || day < 1 ||
		day > day_tab[isleap(year)][month - 1])
		return false;
	*out = date2j(year, month, day) - POSTGRES_EPOCH_JDATE;
	return true;
}

static void
index_table(X12ElementTable *t)
{
	int			i;

	t->nsegments = 0;
	for (i = 0; i < t->nrules; i++)
	{
		uint32		key = x12_literal_key(t->rules[i].segment);
		int			n = t->nsegments;

		if (n > 0 && t->keys[n - 1] == key)
			t->count[n - 1]++;
		else if (n < X12_MAX_TABLE_SEGMENTS)
		{
			t->keys[n] = key;
			t->first[n] = i;
			t->count[n] = 1;
			t->nsegments++;
		}
	}
}

/* A value for a message: at most 40 of its characters. */
#define SHOWN(v) Min((v).len, 40), (v).s

static void
check_rule(const X12ElementRule *e, const X12Segment *seg, X12ElementReport report, void *arg)
{
	X12Str		v = x12_element(seg, e->element);
	int64		amount;
	int32		date;

	if (v.len == 0)
	{
		if (e->required)
			report(arg, X12P_ELEMENT_MISSING, e->element,
				   psprintf("%s%02d is required and is missing", e->segment, e->element));
		return;
	}
	if (v.len < e->min_len || v.len > e->max_len)
		report(arg, v.len < e->min_len ? X12P_ELEMENT_TOO_SHORT : X12P_ELEMENT_TOO_LONG, e->element,
			   e->min_len == e->max_len
			   ? psprintf("%s%02d \"%.*s\" is %d character%s long; it takes %d", e->segment, e->element,
						  SHOWN(v), v.len, v.len == 1 ? "" : "s", e->max_len)
			   : psprintf("%s%02d \"%.*s\" is %d character%s long; it takes %d to %d", e->segment, e->element,
						  SHOWN(v), v.len, v.len == 1 ? "" : "s", e->min_len, e->max_len));
	else if (e->codes != NULL && !x12_is_one_of(v, e->codes))
		report(arg, X12P_CODE_INVALID, e->element,
			   psprintf("%s%02d \"%.*s\" is not one of its codes: %s", e->segment, e->element, SHOWN(v), e->codes));
	else if (e->type == X12_R && !x12_parse_amount(v, &amount))
		report(arg, X12P_VALUE_INVALID, e->element,
			   psprintf("%s%02d \"%.*s\" is not a number (digits, at most one decimal point, a leading minus)",
						e->segment, e->element, SHOWN(v)));
	else if (e->type == X12_DT && !x12_parse_date(v, &date))
		report(arg, X12P_VALUE_INVALID, e->element,
			   psprintf("%s%02d \"%.*s\" is not a date of the calendar written CCYYMMDD", e->segment, e->element,
						SHOWN(v)));
}

void
x12_check_element_table(X12ElementTable *t, const X12Segment *seg, X12ElementReport report, void *arg)
{
	int			i;

	if (t->nsegments < 0)
		index_table(t);
	for (i = 0; i < t->nsegments; i++)
		if (t->keys[i] == seg->key)
		{
			int			r;

			for (r = t->first[i]; r < t->first[i] + t->count[i]; r++)
				check_rule(&t->rules[r], seg, report, arg);
			return;
		}
}
