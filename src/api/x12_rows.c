/*
 * x12_rows.c
 *	  The rows of the X12 functions: values of a file as SQL values (text,
 *	  numbers, dates, arrays of codes), filled column by column, and the
 *	  rows of validate_837 and validate_835, an issue at its segment and
 *	  element.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "api/validate.h"
#include "api/x12_rows.h"

Datum
x12_text_datum(X12Str s)
{
	return PointerGetDatum(cstring_to_text_with_len(s.s, s.len));
}

void
x12_row_text(X12Row *row, X12Str s)
{
	row->nulls[row->n] = s.len == 0;
	row->values[row->n++] = s.len == 0 ? (Datum) 0 : x12_text_datum(s);
}

void
x12_row_cstring(X12Row *row, const char *s)
{
	row->nulls[row->n] = s == NULL;
	row->values[row->n++] = s == NULL ? (Datum) 0 : CStringGetTextDatum(s);
}

void
x12_row_int(X12Row *row, int64 v)
{
	row->nulls[row->n] = false;
	row->values[row->n++] = Int32GetDatum((int32) Min(v, PG_INT32_MAX));
}

void
x12_row_number(X12Row *row, X12Str s)
{
	int64		v = 0;
	int			i;

	for (i = 0; i < s.len && i < 9 && s.s[i] >= '0' && s.s[i] <= '9'; i++)
		v = v * 10 + (s.s[i] - '0');
	if (s.len == 0 || i < s.len)
		x12_row_null(row);
	else
		x12_row_int(row, v);
}

void
x12_row_null(X12Row *row)
{
	row->nulls[row->n] = true;
	row->values[row->n++] = (Datum) 0;
}

/*
 * An amount as written ("800.00" keeps its two decimals), NULL when absent
 * or not a number: built from the number read, not parsed again.
 */
void
x12_row_amount(X12Row *row, X12Str s)
{
	int64		amount;
	const char *point;
	int			decimals = 0;

	if (!x12_parse_amount(s, &amount))
	{
		x12_row_null(row);
		return;
	}
	point = memchr(s.s, '.', s.len);
	if (point != NULL)
		decimals = s.len - (int) (point - s.s) - 1;
	for (int i = decimals; i < 4; i++)
		amount /= 10;			/* X12_AMOUNT_SCALE has four decimals; keep those written */
	row->nulls[row->n] = false;
	row->values[row->n++] = NumericGetDatum(int64_div_fast_to_numeric(amount, decimals));
}

void
x12_row_date(X12Row *row, X12Str s)
{
	int32		date;

	if (!x12_parse_date(s, &date))
	{
		x12_row_null(row);
		return;
	}
	row->nulls[row->n] = false;
	row->values[row->n++] = DateADTGetDatum(date);
}

void
x12_row_codes(X12Row *row, const X12Str *codes, int n)
{
	static Datum empty = (Datum) 0;	/* '{}', made once: most rows have no code */
	Datum	   *elems;
	int			i;

	if (n == 0)
	{
		if (empty == (Datum) 0)
		{
			MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

			empty = PointerGetDatum(construct_empty_array(TEXTOID));
			MemoryContextSwitchTo(old);
		}
		row->nulls[row->n] = false;
		row->values[row->n++] = empty;
		return;
	}
	elems = palloc(n * sizeof(Datum));

	for (i = 0; i < n; i++)
		elems[i] = x12_text_datum(codes[i]);
	row->nulls[row->n] = false;
	row->values[row->n++] = PointerGetDatum(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

void
x12_row_put(Tuplestorestate *store, TupleDesc tupdesc, X12Row *row)
{
	Assert(row->n == tupdesc->natts);
	tuplestore_putvalues(store, tupdesc, row->values, row->nulls);
	row->n = 0;
}

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
