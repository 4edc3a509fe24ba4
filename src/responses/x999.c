/*
 * x999.c
 *	  Reading a 999 implementation acknowledgment (005010X231A1): per
 *	  functional group acknowledged an AK1, per transaction set an AK2 with
 *	  its errors (IK3 a segment, IK4 an element of it, with CTX context)
 *	  and its IK5 answer, then the group's AK9.  A set's row is handed out
 *	  at its IK5, each error as soon as it is known (an IK3 with no IK4 is
 *	  an error of the segment as a whole); a group acknowledged without any
 *	  AK2 (rejected whole, say) gets one row from its AK9.
 */
#include "postgres.h"

#include "responses/responses.h"

typedef struct Reader999
{
	XResponseIds ids;
	int64		st_number;
	X999Set		set;			/* the AK2 being read */
	bool		in_set;
	int			sets_in_group;
	X999Error	error;			/* the IK3 being read */
	bool		ik3_open;		/* an IK3 not yet handed out (no IK4 after it yet) */
	X999EmitSet emit_set;
	X999EmitError emit_error;
	void	   *arg;
} Reader999;

static void
flush_ik3(void *reader)
{
	Reader999  *r = reader;

	if (r->ik3_open)
		r->emit_error(r->arg, &r->error);
	r->ik3_open = false;
}

static void
read_ak1(Reader999 *r, const X12Segment *seg)
{
	memset(&r->set, 0, sizeof(r->set));
	r->set.ids = &r->ids;
	r->set.functional_id = x12_element(seg, 1);
	r->set.group_control = x12_element(seg, 2);
	r->set.group_version = x12_element(seg, 3);
	r->sets_in_group = 0;
	r->in_set = false;
}

static void
read_ak2(Reader999 *r, const X12Segment *seg)
{
	flush_ik3(r);
	r->set.set_id = x12_element(seg, 1);
	r->set.set_control = x12_element(seg, 2);
	r->set.set_version = x12_element(seg, 3);
	r->set.status = X12_NO_STR;
	r->set.ncodes = 0;
	r->set.segment_errors = 0;
	r->in_set = true;
}

static void
read_ik3(Reader999 *r, const X12Segment *seg)
{
	flush_ik3(r);
	memset(&r->error, 0, sizeof(r->error));
	r->error.set = &r->set;
	r->error.segment_no = seg->number - r->st_number + 1;
	r->error.segment_id = x12_element(seg, 1);
	r->error.segment_position = x12_element(seg, 2);
	r->error.loop = x12_element(seg, 3);
	r->error.segment_error = x12_element(seg, 4);
	r->set.segment_errors++;
	r->ik3_open = true;
}

static void
read_ik4(Reader999 *r, const X12Reader *x, const X12Segment *seg)
{
	X12Str		position = x12_element(seg, 1);

	if (r->error.set == NULL)
		return;					/* an IK4 before any IK3: nothing to hang it on */
	r->error.segment_no = seg->number - r->st_number + 1;
	r->error.element_position = x12_component(position, x->sep.component, 1);
	r->error.component_position = x12_component(position, x->sep.component, 2);
	r->error.element_reference = x12_element(seg, 2);
	r->error.element_error = x12_element(seg, 3);
	r->error.bad_value = x12_element(seg, 4);
	r->emit_error(r->arg, &r->error);
	r->ik3_open = false;
}

/* The answer and its codes: IK501 and IK502-06, or AK901 and AK905-09. */
static void
read_answer(Reader999 *r, const X12Segment *seg, int first_code)
{
	int			i;

	r->set.status = x12_element(seg, 1);
	r->set.ncodes = 0;
	for (i = first_code; i < first_code + 5; i++)
		if (x12_element(seg, i).len > 0)
			r->set.codes[r->set.ncodes++] = x12_element(seg, i);
}

static void
read_segment(void *reader, const X12Reader *x, const X12Segment *seg)
{
	Reader999  *r = reader;
	switch (seg->key)
	{
		case X12_KEY3('A', 'K', '1'):
			read_ak1(r, seg);
			break;
		case X12_KEY3('A', 'K', '2'):
			read_ak2(r, seg);
			break;
		case X12_KEY3('I', 'K', '3'):
			if (r->in_set)
				read_ik3(r, seg);
			break;
		case X12_KEY3('I', 'K', '4'):
			if (r->in_set)
				read_ik4(r, x, seg);
			break;
		case X12_KEY3('I', 'K', '5'):
			if (!r->in_set)
				break;
			flush_ik3(r);
			read_answer(r, seg, 2);
			r->emit_set(r->arg, &r->set);
			r->sets_in_group++;
			r->in_set = false;
			break;
		case X12_KEY3('A', 'K', '9'):
			flush_ik3(r);
			if (r->sets_in_group == 0 && r->set.group_control.len > 0)
			{
				r->set.set_id = r->set.set_control = r->set.set_version = X12_NO_STR;
				r->set.segment_errors = 0;
				read_answer(r, seg, 5);
				r->emit_set(r->arg, &r->set);
			}
			r->in_set = false;
			break;
		default:
			break;
	}
}

/* The walk's hooks (x12_read_sets). */
static void
start_999(void *reader)
{
}

void
x999_read(const char *data, int64 len, X999EmitSet emit_set, X999EmitError emit_error, void *arg)
{
	Reader999	r;
	XSetReader	how = {"999", &r.ids, &r.st_number, start_999, read_segment, flush_ik3};

	memset(&r, 0, sizeof(r));
	r.set.ids = &r.ids;			/* an AK2 without its AK1 still has the 999's envelope */
	r.emit_set = emit_set;
	r.emit_error = emit_error;
	r.arg = arg;
	x12_read_sets(data, len, &how, &r);
}
