/*
 * responses.c
 *	  What the readers of responses share: the envelope a row came in, DTP
 *	  dates and ranges, and what an acknowledgment's codes mean.
 */
#include "postgres.h"

#include "responses/responses.h"

bool
x12_track_envelope(XResponseIds *ids, const X12Segment *seg, int64 *st_number)
{
	switch (seg->key)
	{
		case X12_KEY3('I', 'S', 'A'):
			ids->interchange_control = x12_element(seg, 13);
			return true;
		case X12_KEY2('G', 'S'):
			ids->group_control = x12_element(seg, 6);
			ids->version = x12_element(seg, 8);
			ids->group_date = x12_element(seg, 4);
			return true;
		case X12_KEY2('S', 'T'):
			ids->transaction_control = x12_element(seg, 2);
			if (x12_element(seg, 3).len > 0)
				ids->version = x12_element(seg, 3);
			ids->date = ids->group_date;
			*st_number = seg->number;
			return true;
		case X12_KEY2('S', 'E'):
		case X12_KEY2('G', 'E'):
		case X12_KEY3('I', 'E', 'A'):
			return true;
		case X12_KEY3('B', 'H', 'T'):
			if (x12_element(seg, 4).len > 0)
				ids->date = x12_element(seg, 4);
			return false;		/* the reader's too */
		default:
			return false;
	}
}

void
x12_read_sets(const char *data, int64 len, const XSetReader *how, void *reader)
{
	X12Reader	x;
	X12Segment	seg;
	bool		in_set = false;

	x12_reader_init(&x, data, len);
	while (x12_next_segment(&x, &seg) == X12_SEGMENT)
	{
		if (x12_track_envelope(how->ids, &seg, how->st_number))
		{
			how->flush(reader);
			if (seg.key == X12_KEY2('S', 'T'))
			{
				in_set = x12_str_is(x12_element(&seg, 1), how->set_id);
				if (in_set)
					how->start(reader);
			}
			else if (seg.key == X12_KEY2('S', 'E'))
				in_set = false;
			continue;
		}
		if (in_set)
			how->segment(reader, &x, &seg);
	}
	how->flush(reader);
}

void
x12_date_range(X12Str format, X12Str value, X12Str *from, X12Str *to)
{
	*from = *to = X12_NO_STR;
	if (x12_str_is(format, "RD8") && value.len == 17 && value.s[8] == '-')
	{
		from->s = value.s;
		from->len = 8;
		to->s = value.s + 9;
		to->len = 8;
	}
	else
		*from = value;
}

/*
 * STC01-1, the claim status category (code list 507): A0 forwarded, A1
 * received, A2 accepted into adjudication, A5 split; A3 returned as
 * unprocessable, A4 not found, A6 to A8 rejected for missing, invalid or
 * relational information.  The others (pending, finalized, ...) are status,
 * not acknowledgment.
 */
const char *
x277_acknowledgment(X12Str category)
{
	if (x12_is_one_of(category, "A0 A1 A2 A5"))
		return "accepted";
	if (x12_is_one_of(category, "A3 A4 A6 A7 A8"))
		return "rejected";
	return NULL;
}

/* IK501 (and AK901): A accepted, E accepted with errors noted; M, R, W, X rejected; P partially accepted. */
const char *
x999_acknowledgment(X12Str status)
{
	if (x12_is_one_of(status, "A E"))
		return "accepted";
	if (x12_is_one_of(status, "M R W X"))
		return "rejected";
	if (x12_str_is(status, "P"))
		return "partially_accepted";
	return NULL;
}
