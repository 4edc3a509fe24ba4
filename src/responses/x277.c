/*
 * x277.c
 *	  Reading a 277CA claim acknowledgment (005010X214) or a 277 claim
 *	  status response (005010X212): the two share their loops.  An HL tree
 *	  (20 the information source, the payer or clearinghouse; 21 the
 *	  receiver; 19 the billing provider; then the patient: PT in a 277CA, 22
 *	  subscriber and 23 dependent in a 277), and at each level a status
 *	  loop opened by TRN, with its STC, REF and DTP; a claim's service lines
 *	  open with SVC.  Every TRN and SVC starts a row; the row is handed out
 *	  when the next one starts, at the next HL, or at the end of the set.
 */
#include "postgres.h"

#include "responses/responses.h"

typedef struct Reader277
{
	XResponseIds ids;
	int64		st_number;
	char		hl_level;		/* 'S' source, 'R' receiver, 'P' provider, 'C' patient, 0 none */
	X277Status	row;			/* the row being read */
	bool		open;
	/* what the levels above the row said, carried into every row under them */
	X12Str		payer_name,
				payer_id,
				provider_id,
				last_name,
				first_name,
				member_id;
	/* the claim its lines belong to */
	X12Str		claim_trace,
				claim_id,
				claim_number;
	X277Emit	emit;
	void	   *arg;
} Reader277;

/* A row is a status: a loop without STC (the source's, most providers') makes none, but a claim always does. */
static void
flush(void *reader)
{
	Reader277  *r = reader;

	if (r->open && (r->row.nstatuses > 0 || strcmp(r->row.level, "claim") == 0))
		r->emit(r->arg, &r->row);
	r->open = false;
}

static const char *
level_name(char level)
{
	switch (level)
	{
		case 'R':
			return "receiver";
		case 'P':
			return "provider";
		case 'C':
			return "claim";
		default:
			return "source";
	}
}

static void
start_row(Reader277 *r, const X12Segment *seg, const char *level)
{
	flush(r);
	memset(&r->row, 0, sizeof(r->row));
	r->row.ids = &r->ids;
	r->row.level = level;
	r->row.segment_no = seg->number - r->st_number + 1;
	r->row.payer_name = r->payer_name;
	r->row.payer_id = r->payer_id;
	r->row.provider_id = r->provider_id;
	if (r->hl_level == 'C')
	{
		r->row.patient_last_name = r->last_name;
		r->row.patient_first_name = r->first_name;
		r->row.member_id = r->member_id;
	}
	r->open = true;
}

static void
read_hl(Reader277 *r, const X12Segment *seg)
{
	X12Str		code = x12_element(seg, 3);

	flush(r);
	r->hl_level = x12_str_is(code, "20") ? 'S' : x12_str_is(code, "21") ? 'R' : x12_str_is(code, "19") ? 'P'
		: x12_is_one_of(code, "PT 22 23") ? 'C' : 0;
	if (r->hl_level == 'P')
		r->provider_id = X12_NO_STR;
	if (r->hl_level == 'C' && !x12_str_is(code, "23"))
		r->last_name = r->first_name = r->member_id = X12_NO_STR;
}

static void
read_name(Reader277 *r, const X12Segment *seg)
{
	if (r->hl_level == 'S')
	{
		r->payer_name = x12_element(seg, 3);
		r->payer_id = x12_element(seg, 9);
	}
	else if (r->hl_level == 'P')
		r->provider_id = x12_element(seg, 9);
	else if (r->hl_level == 'C' && x12_is_one_of(x12_element(seg, 1), "QC IL"))
	{
		/* a 277's dependent (23) names the patient after the subscriber; keep the subscriber's id */
		r->last_name = x12_element(seg, 3);
		r->first_name = x12_element(seg, 4);
		if (x12_element(seg, 9).len > 0)
			r->member_id = x12_element(seg, 9);
	}
}

/* Every status of the row; the first STC's also in its own columns. */
static void
read_stc(Reader277 *r, const X12Reader *x, const X12Segment *seg)
{
	X277Status *row = &r->row;
	static const int composites[] = {1, 10, 11};
	int			i;

	for (i = 0; i < 3; i++)
	{
		X12Str		c = x12_element(seg, composites[i]);

		if (c.len > 0 && row->nstatuses < X277_MAX_STATUSES)
			row->statuses[row->nstatuses++] = c;
	}
	if (row->category.len > 0)
		return;
	row->category = x12_component(x12_element(seg, 1), x->sep.component, 1);
	row->code = x12_component(x12_element(seg, 1), x->sep.component, 2);
	row->entity = x12_component(x12_element(seg, 1), x->sep.component, 3);
	row->status_date = x12_element(seg, 2);
	row->action = x12_element(seg, 3);
	if (strcmp(row->level, "line") != 0 || row->charge.len == 0)
		row->charge = x12_element(seg, 4);
}

static bool
is_claim_row(const Reader277 *r)
{
	return r->open && strcmp(r->row.level, "claim") == 0;
}

static void
read_segment(void *reader, const X12Reader *x, const X12Segment *seg)
{
	Reader277  *r = reader;
	X12Str		e1 = x12_element(seg, 1);

	switch (seg->key)
	{
		case X12_KEY2('H', 'L'):
			read_hl(r, seg);
			return;
		case X12_KEY3('N', 'M', '1'):
			read_name(r, seg);
			return;
		case X12_KEY3('T', 'R', 'N'):
			start_row(r, seg, level_name(r->hl_level));
			r->row.trace_number = x12_element(seg, 2);
			r->row.claim_id = r->row.trace_number;
			r->claim_trace = r->claim_id = r->row.trace_number;
			r->claim_number = X12_NO_STR;
			return;
		case X12_KEY3('S', 'V', 'C'):
			if (r->hl_level != 'C')
				return;
			start_row(r, seg, "line");
			r->row.trace_number = r->claim_trace;
			r->row.claim_id = r->claim_id;
			r->row.payer_claim_number = r->claim_number;
			r->row.procedure = x12_component(e1, x->sep.component, 2);
			r->row.charge = x12_element(seg, 2);
			return;
		default:
			break;
	}
	if (!r->open)
		return;
	switch (seg->key)
	{
		case X12_KEY3('S', 'T', 'C'):
			read_stc(r, x, seg);
			break;
		case X12_KEY3('R', 'E', 'F'):
			if (x12_str_is(e1, "1K"))
				r->row.payer_claim_number = x12_element(seg, 2);
			else if (x12_str_is(e1, "D9"))
				r->row.clearinghouse_trace = x12_element(seg, 2);
			else if (x12_str_is(e1, "BLT"))
				r->row.bill_type = x12_element(seg, 2);
			else if (x12_str_is(e1, "EJ") && is_claim_row(r))
				r->row.claim_id = x12_element(seg, 2);
			else if (x12_str_is(e1, "FJ"))
				r->row.line_control = x12_element(seg, 2);
			if (is_claim_row(r))
			{
				r->claim_id = r->row.claim_id;
				r->claim_number = r->row.payer_claim_number;
			}
			break;
		case X12_KEY3('D', 'T', 'P'):
			if (x12_str_is(e1, "472"))
				x12_date_range(x12_element(seg, 2), x12_element(seg, 3), &r->row.service_from, &r->row.service_to);
			break;
		default:
			break;
	}
}

/* The walk's hooks (x12_read_sets). */
static void
start_277(void *reader)
{
	Reader277  *r = reader;

	r->hl_level = 0;
	r->payer_name = r->payer_id = r->provider_id = X12_NO_STR;
}

void
x277_read(const char *data, int64 len, X277Emit emit, void *arg)
{
	Reader277	r;
	XSetReader	how = {"277", &r.ids, &r.st_number, start_277, read_segment, flush};

	memset(&r, 0, sizeof(r));
	r.emit = emit;
	r.arg = arg;
	x12_read_sets(data, len, &how, &r);
}
