/*
 * x835.c
 *	  Reading an 835 (005010X221A1), claim payment by claim payment, in one
 *	  pass over the file.
 *
 * The 835's loops are shallow: a header (BPR, TRN, the payer's 1000A and
 * the payee's 1000B), header number groups (LX, 2000), each with its claim
 * payments (CLP, 2100) and their service lines (SVC, 2110), then the
 * provider-level adjustments (PLB) before SE.  Which loop a segment belongs
 * to is where the reader stands when it comes: so the reader is a small
 * state machine (header, claim, line, trailer), and a segment that has no
 * place in the state it comes in (an SVC before any CLP, a CLP after the
 * PLBs) is read where it can be and reported as out of order.
 *
 * The 835 balances, and the reader checks it as the guide states it:
 *	  a line:	   SVC02 - its CAS amounts = SVC03
 *	  a claim:	   CLP03 - its CAS amounts - its lines' CAS amounts = CLP04
 *	  a payment:   BPR02 = the sum of CLP04 - the sum of PLB amounts
 */
#include "postgres.h"

#include "utils/memutils.h"

#include "responses/x835.h"
#include "responses/x835_rules.h"

typedef enum ReaderState
{
	IN_NOTHING,					/* outside an 835 transaction set */
	IN_HEADER,					/* after ST, before the first CLP (and between LX and CLP) */
	IN_CLAIM,					/* after a CLP, before its first SVC */
	IN_LINE,					/* after an SVC */
	IN_TRAILER					/* after a PLB */
} ReaderState;

struct X835Reader
{
	X12Reader	x12;
	bool		check;
	MemoryContext cxt;			/* the caller's: payments, PLBs, problems outside claims */
	X12Envelope *envelope;
	MemoryContext claim_cxt;	/* the current claim's arrays; reset at each CLP */

	ReaderState state;
	X12Str		isa13,
				gs06;
	int64		isa_number;		/* the ISA's position in the file */
	int64		st_number;		/* the ST's position in the file */
	X835Payment *payment;		/* the current transaction set's */
	char		n1_entity;		/* 'R' payer, 'E' payee, 0 another or none */
	int			nclaims;

	/* the payment's balance */
	int64		bpr_number;		/* the BPR's position in the file, 0 when none */
	int64		bpr_amount;
	bool		bpr_amount_ok;
	int64		paid_sum;		/* CLP04 of its claims */
	int64		plb_sum;
	bool		sums_ok;

	X835Claim  *claim;			/* the open claim, or NULL */
	int			maxlines,		/* its arrays' room */
				maxadjustments,
				maxproblems;
	bool		claim_ready;	/* the open claim is complete: hand it out */
	X12Segment	pending;		/* the segment that completed it, not yet read */
	bool		have_pending;
	bool		at_end;
	int64		last_number;	/* the last segment's position in the file */

	X835ProviderAdjustment *plbs;
	int			nplbs,
				maxplbs;
	X12Problem *problems;		/* outside the claims */
	int			nproblems,
				nproblems_max;
};

const char *const x835_versions_read = "005010X221 (835)";

static const X12EnvelopeRules envelope_835 = {
	"005010X221 (835)", x835_version_supported, x835_segment_known, x835_check_elements
};

X835Reader *
x835_begin(const char *data, int64 len, bool check)
{
	X835Reader *r = palloc0(sizeof(X835Reader));

	x12_reader_init(&r->x12, data, len);
	r->check = check;
	r->cxt = CurrentMemoryContext;
	if (check)
		r->envelope = x12_envelope_begin(&envelope_835);
	r->claim_cxt = AllocSetContextCreate(CurrentMemoryContext, "cleanclaim 835 claim", ALLOCSET_DEFAULT_SIZES);
	return r;
}

/* ----- problems ----- */

static void
add_problem(X12Problem **list, int *n, int *max, X12ProblemKind kind, const X835Reader *r,
			const X12Segment *seg, int element, const char *message)
{
	X12Problem *p;

	if (*n == *max)
	{
		*max = *max ? *max * 2 : 8;
		*list = *list ? repalloc(*list, *max * sizeof(X12Problem)) : palloc(*max * sizeof(X12Problem));
	}
	p = &(*list)[(*n)++];
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	p->file_segment = seg->number;
	p->segment_no = r->payment ? seg->number - r->st_number + 1 : 0;
	memcpy(p->segment_id, seg->id.s, Min(seg->id.len, 3));
	p->element = element;
	p->transaction_control = r->payment ? r->payment->transaction_control : (X12Str) {"", 0};
	p->message = message;
}

/*
 * Reading happens in the caller's memory (r->cxt), so the messages of
 * problems live as long as the reader; a claim's arrays live in claim_cxt,
 * reset at the next claim.
 */
static void
file_problem(X835Reader *r, X12ProblemKind kind, const X12Segment *seg, int element, const char *message)
{
	if (r->check)
		add_problem(&r->problems, &r->nproblems, &r->nproblems_max, kind, r, seg, element, message);
}

static void
claim_problem(X835Reader *r, X12ProblemKind kind, const X12Segment *seg, int element, const char *message)
{
	MemoryContext old;

	if (!r->check)
		return;
	old = MemoryContextSwitchTo(r->claim_cxt);
	add_problem(&r->claim->problems, &r->claim->nproblems, &r->maxproblems, kind, r, seg, element, message);
	MemoryContextSwitchTo(old);
}

/*
 * The component separator as the interchange uses it (see
 * x12_settle_component_separator); a slip is a problem of the ISA's 16th
 * element, outside any transaction set.
 */
static void
settle_component_separator(X835Reader *r, X12Str composite)
{
	char		declared;

	if (!x12_settle_component_separator(&r->x12, composite, &declared) || !r->check)
		return;
	if (r->nproblems == r->nproblems_max)
	{
		r->nproblems_max = r->nproblems_max ? r->nproblems_max * 2 : 8;
		r->problems = r->problems ? repalloc(r->problems, r->nproblems_max * sizeof(X12Problem))
			: palloc(r->nproblems_max * sizeof(X12Problem));
	}
	r->problems[r->nproblems++] = x12_separator_slip(r->isa_number, declared, r->x12.sep.component);
}

/* ----- the claim being read ----- */

/* Room for one more in an array of cxt (repalloc keeps an array in its context). */
#define GROW(cxt, array, n, max, type) \
	do { \
		if ((n) == (max)) \
		{ \
			(max) = (max) ? (max) * 2 : 8; \
			(array) = (array) ? repalloc((array), (max) * sizeof(type)) \
				: MemoryContextAlloc((cxt), (max) * sizeof(type)); \
		} \
	} while (0)

static X12Str
component(const X835Reader *r, X12Str element, int i)
{
	return x12_component(element, r->x12.sep.component, i);
}

static void
start_claim(X835Reader *r, const X12Segment *seg)
{
	X835Claim  *c;

	MemoryContextReset(r->claim_cxt);
	r->maxlines = r->maxadjustments = r->maxproblems = 0;
	c = MemoryContextAllocZero(r->claim_cxt, sizeof(X835Claim));
	c->payment = r->payment;
	c->claim_no = ++r->nclaims;
	c->segment_no = seg->number - r->st_number + 1;
	c->claim_id = x12_element(seg, 1);
	c->status = x12_element(seg, 2);
	c->charge = x12_element(seg, 3);
	c->paid = x12_element(seg, 4);
	c->patient_responsibility = x12_element(seg, 5);
	c->filing_indicator = x12_element(seg, 6);
	c->payer_claim_number = x12_element(seg, 7);
	c->facility_code = x12_element(seg, 8);
	c->frequency_code = x12_element(seg, 9);
	c->drg = x12_element(seg, 11);
	r->claim = c;
	r->state = IN_CLAIM;
}

static void
add_remark(X12Str *remarks, int *n, X12Str code)
{
	if (code.len > 0 && *n < X835_MAX_REMARKS)
		remarks[(*n)++] = code;
}

static void
start_line(X835Reader *r, const X12Segment *seg)
{
	X835Claim  *c = r->claim;
	X835Line   *l;
	X12Str		svc01 = x12_element(seg, 1);
	int			i;

	settle_component_separator(r, svc01);
	GROW(r->claim_cxt, c->lines, c->nlines, r->maxlines, X835Line);
	l = &c->lines[c->nlines++];
	memset(l, 0, sizeof(*l));
	l->line_no = c->nlines;
	l->segment_no = seg->number - r->st_number + 1;
	l->qualifier = component(r, svc01, 1);
	l->procedure = component(r, svc01, 2);
	for (i = 0; i < 4; i++)
		l->modifiers[i] = component(r, svc01, 3 + i);
	l->charge = x12_element(seg, 2);
	l->paid = x12_element(seg, 3);
	l->revenue_code = x12_element(seg, 4);
	l->units = x12_element(seg, 5);
	l->original_procedure = component(r, x12_element(seg, 6), 2);
	r->state = IN_LINE;
}

static void
add_adjustments(X835Reader *r, const X12Segment *seg)
{
	X835Claim  *c = r->claim;
	int			t;

	for (t = 0; t < 6; t++)
	{
		X835Adjustment *a;
		X12Str		reason = x12_element(seg, 2 + 3 * t);
		X12Str		amount = x12_element(seg, 3 + 3 * t);

		if (reason.len == 0 && amount.len == 0)
			continue;
		GROW(r->claim_cxt, c->adjustments, c->nadjustments, r->maxadjustments, X835Adjustment);
		a = &c->adjustments[c->nadjustments++];
		a->line_no = r->state == IN_LINE ? c->nlines : 0;
		a->segment_no = seg->number - r->st_number + 1;
		a->triplet = t + 1;
		a->group_code = x12_element(seg, 1);
		a->reason = reason;
		a->amount = amount;
		a->quantity = x12_element(seg, 4 + 3 * t);
	}
}

/* ----- balancing ----- */

/* The sum of the adjustments of a line (line_no) or of the claim itself (0). */
static bool
adjustment_sum(const X835Claim *c, int line_no, int64 *sum)
{
	int			i;

	*sum = 0;
	for (i = 0; i < c->nadjustments; i++)
	{
		int64		amount;

		if (line_no >= 0 && c->adjustments[i].line_no != line_no)
			continue;
		if (!x12_parse_amount(c->adjustments[i].amount, &amount))
			return false;
		*sum += amount;
	}
	return true;
}

/* A segment standing for one already read (its id and positions), to report at. */
static X12Segment
segment_at(const X835Reader *r, const char *id, int64 segment_no)
{
	X12Segment	s;

	memset(&s, 0, sizeof(s));
	s.id.s = id;
	s.id.len = strlen(id);
	s.number = segment_no + r->st_number - 1;
	return s;
}

static void
check_line_balance(X835Reader *r, const X835Line *l)
{
	int64		charge,
				paid,
				adjusted;
	X12Segment	at;

	if (!x12_parse_amount(l->charge, &charge) || !x12_parse_amount(l->paid, &paid) ||
		!adjustment_sum(r->claim, l->line_no, &adjusted) || charge - paid == adjusted)
		return;
	at = segment_at(r, "SVC", l->segment_no);
	claim_problem(r, X12P_UNBALANCED, &at, 3,
				  psprintf("service line %d does not balance: SVC02 %s minus SVC03 %s is %s, but its adjustments (CAS) add up to %s",
						   l->line_no, x12_amount_text(charge), x12_amount_text(paid),
						   x12_amount_text(charge - paid), x12_amount_text(adjusted)));
}

static void
check_claim_balance(X835Reader *r)
{
	X835Claim  *c = r->claim;
	int64		charge,
				paid,
				adjusted;
	X12Segment	at = segment_at(r, "CLP", c->segment_no);
	int			i;

	for (i = 0; i < c->nlines; i++)
		check_line_balance(r, &c->lines[i]);
	if (!x12_parse_amount(c->charge, &charge) || !x12_parse_amount(c->paid, &paid))
	{
		r->sums_ok = false;
		return;
	}
	r->paid_sum += paid;
	if (adjustment_sum(c, -1, &adjusted) && charge - paid != adjusted)
		claim_problem(r, X12P_UNBALANCED, &at, 4,
					  psprintf("claim payment %.*s does not balance: CLP03 %s minus CLP04 %s is %s, but its adjustments and its lines' (CAS) add up to %s",
							   Min(c->claim_id.len, 38), c->claim_id.s, x12_amount_text(charge), x12_amount_text(paid),
							   x12_amount_text(charge - paid), x12_amount_text(adjusted)));
}

static void
check_payment_balance(X835Reader *r)
{
	X12Segment	at;

	if (!r->check || r->bpr_number == 0 || !r->bpr_amount_ok || !r->sums_ok ||
		r->bpr_amount == r->paid_sum - r->plb_sum)
		return;
	at = segment_at(r, "BPR", r->bpr_number - r->st_number + 1);
	file_problem(r, X12P_UNBALANCED, &at, 2,
				 psprintf("the payment does not balance: BPR02 is %s, but its claims' CLP04 add up to %s less %s of provider adjustments (PLB): %s",
						  x12_amount_text(r->bpr_amount), x12_amount_text(r->paid_sum), x12_amount_text(r->plb_sum),
						  x12_amount_text(r->paid_sum - r->plb_sum)));
}

/* The open claim is complete: check it and hand it out. */
static void
finish_claim(X835Reader *r)
{
	X12Segment	at;

	if (r->claim == NULL || r->claim_ready)
		return;
	if (r->check)
		check_claim_balance(r);
	if (r->claim->member_id.len == 0 && r->claim->patient_last_name.len == 0)
	{
		at = segment_at(r, "CLP", r->claim->segment_no);
		claim_problem(r, X12P_SEGMENT_MISSING, &at, 0,
					  psprintf("claim payment %.*s has no patient (NM1*QC, loop 2100)", Min(r->claim->claim_id.len, 38),
							   r->claim->claim_id.s));
	}
	r->claim_ready = true;
}

/* ----- the payment ----- */

static void
start_payment(X835Reader *r, const X12Segment *seg)
{
	r->payment = palloc0(sizeof(X835Payment));
	r->payment->interchange_control = r->isa13;
	r->payment->group_control = r->gs06;
	r->payment->transaction_control = x12_element(seg, 2);
	r->st_number = seg->number;
	r->state = IN_HEADER;
	r->n1_entity = 0;
	r->bpr_number = 0;
	r->bpr_amount_ok = false;
	r->paid_sum = r->plb_sum = 0;
	r->sums_ok = true;
}

static void
end_payment(X835Reader *r, const X12Segment *seg)
{
	X12Segment	at;

	if (r->payment == NULL)
		return;
	if (r->bpr_number == 0)
	{
		at = *seg;
		file_problem(r, X12P_SEGMENT_MISSING, &at, 0,
					 pstrdup("the 835 has no financial information BPR (its header's first segment)"));
	}
	check_payment_balance(r);
	r->payment = NULL;
	r->state = IN_NOTHING;
}

static void
read_bpr(X835Reader *r, const X12Segment *seg)
{
	X835Payment *p = r->payment;

	p->handling = x12_element(seg, 1);
	p->amount = x12_element(seg, 2);
	p->credit_debit = x12_element(seg, 3);
	p->method = x12_element(seg, 4);
	p->payment_date = x12_element(seg, 16);
	r->bpr_number = seg->number;
	r->bpr_amount_ok = x12_parse_amount(p->amount, &r->bpr_amount);
	/* a debit takes the amount back */
	if (r->bpr_amount_ok && x12_str_is(p->credit_debit, "D"))
		r->bpr_amount = -r->bpr_amount;
}

static void
read_plb(X835Reader *r, const X12Segment *seg)
{
	int			pair;

	for (pair = 0; pair < 6; pair++)
	{
		X12Str		reason = x12_element(seg, 3 + 2 * pair);
		X12Str		amount = x12_element(seg, 4 + 2 * pair);
		X835ProviderAdjustment *a;
		int64		value;

		if (reason.len == 0 && amount.len == 0)
			continue;
		settle_component_separator(r, reason);
		GROW(r->cxt, r->plbs, r->nplbs, r->maxplbs, X835ProviderAdjustment);
		a = &r->plbs[r->nplbs++];
		a->payment = r->payment;
		a->segment_no = seg->number - r->st_number + 1;
		a->pair = pair + 1;
		a->provider_id = x12_element(seg, 1);
		a->fiscal_period = x12_element(seg, 2);
		a->reason = component(r, reason, 1);
		a->reference = component(r, reason, 2);
		a->amount = amount;
		if (x12_parse_amount(amount, &value))
			r->plb_sum += value;
		else
			r->sums_ok = false;
	}
}

/* ----- segments by the state they come in ----- */

static void
out_of_place(X835Reader *r, const X12Segment *seg, const char *where)
{
	file_problem(r, X12P_SEGMENT_ORDER, seg, 0,
				 psprintf("segment %.*s %s", Min(seg->id.len, 3), seg->id.s, where));
}

static void
read_name(X835Reader *r, const X12Segment *seg)
{
	X12Str		entity = x12_element(seg, 1);

	if (seg->key == X12_KEY2('N', '1'))
	{
		r->n1_entity = x12_str_is(entity, "PR") ? 'R' : x12_str_is(entity, "PE") ? 'E' : 0;
		if (r->n1_entity == 'R')
		{
			r->payment->payer_name = x12_element(seg, 2);
			r->payment->payer_id = x12_element(seg, 4);
		}
		else if (r->n1_entity == 'E')
		{
			r->payment->payee_name = x12_element(seg, 2);
			r->payment->payee_id_qualifier = x12_element(seg, 3);
			r->payment->payee_id = x12_element(seg, 4);
		}
	}
}

static void
read_header_segment(X835Reader *r, const X12Segment *seg)
{
	X835Payment *p = r->payment;

	switch (seg->key)
	{
		case X12_KEY3('B', 'P', 'R'):
			read_bpr(r, seg);
			break;
		case X12_KEY3('T', 'R', 'N'):
			p->trace_number = x12_element(seg, 2);
			p->originator = x12_element(seg, 3);
			break;
		case X12_KEY3('D', 'T', 'M'):
			if (x12_str_is(x12_element(seg, 1), "405"))
				p->production_date = x12_element(seg, 2);
			break;
		case X12_KEY2('N', '1'):
			read_name(r, seg);
			break;
		case X12_KEY3('R', 'E', 'F'):
			if (r->n1_entity == 'R' && p->payer_id.len == 0 && x12_str_is(x12_element(seg, 1), "2U"))
				p->payer_id = x12_element(seg, 2);
			break;
		default:
			break;
	}
}

static void
read_claim_segment(X835Reader *r, const X12Segment *seg)
{
	X835Claim  *c = r->claim;
	X12Str		e1 = x12_element(seg, 1);
	int			i;

	switch (seg->key)
	{
		case X12_KEY3('N', 'M', '1'):
			if (x12_str_is(e1, "QC"))
			{
				c->patient_last_name = x12_element(seg, 3);
				c->patient_first_name = x12_element(seg, 4);
				c->member_id = x12_element(seg, 9);
			}
			break;
		case X12_KEY3('D', 'T', 'M'):
			if (x12_str_is(e1, "232"))
				c->service_from = x12_element(seg, 2);
			else if (x12_str_is(e1, "233"))
				c->service_to = x12_element(seg, 2);
			else if (x12_str_is(e1, "050"))
				c->received_on = x12_element(seg, 2);
			break;
		case X12_KEY3('M', 'I', 'A'):
			/* MIA05 and MIA20 to MIA24 are remark codes */
			add_remark(c->remarks, &c->nremarks, x12_element(seg, 5));
			for (i = 20; i <= 24; i++)
				add_remark(c->remarks, &c->nremarks, x12_element(seg, i));
			break;
		case X12_KEY3('M', 'O', 'A'):
			/* MOA03 to MOA07 */
			for (i = 3; i <= 7; i++)
				add_remark(c->remarks, &c->nremarks, x12_element(seg, i));
			break;
		default:
			break;
	}
}

static void
read_line_segment(X835Reader *r, const X12Segment *seg)
{
	X835Line   *l = &r->claim->lines[r->claim->nlines - 1];
	X12Str		e1 = x12_element(seg, 1);

	switch (seg->key)
	{
		case X12_KEY3('D', 'T', 'M'):
			if (x12_str_is(e1, "472") || x12_str_is(e1, "150"))
				l->service_from = x12_element(seg, 2);
			else if (x12_str_is(e1, "151"))
				l->service_to = x12_element(seg, 2);
			break;
		case X12_KEY3('R', 'E', 'F'):
			if (x12_str_is(e1, "6R"))
				l->line_control = x12_element(seg, 2);
			break;
		case X12_KEY3('A', 'M', 'T'):
			if (x12_str_is(e1, "B6"))
				l->allowed = x12_element(seg, 2);
			break;
		case X12_KEY2('L', 'Q'):
			if (x12_str_is(e1, "HE"))
				add_remark(l->remarks, &l->nremarks, x12_element(seg, 2));
			break;
		default:
			break;
	}
}

/* A segment of an 835 transaction set, by the state it comes in. */
static void
read_835_segment(X835Reader *r, const X12Segment *seg)
{
	switch (seg->key)
	{
		case X12_KEY2('L', 'X'):
			finish_claim(r);
			if (r->state == IN_TRAILER)
				out_of_place(r, seg, "comes after the provider adjustments (PLB): they end the 835");
			r->state = IN_HEADER;
			return;
		case X12_KEY3('C', 'L', 'P'):
			if (r->state == IN_TRAILER)
				out_of_place(r, seg, "comes after the provider adjustments (PLB): they end the 835");
			start_claim(r, seg);
			return;
		case X12_KEY3('S', 'V', 'C'):
			if (r->claim == NULL || r->state == IN_HEADER || r->state == IN_TRAILER)
				out_of_place(r, seg, "is outside a claim payment (no CLP before it): the service line is not read");
			else
				start_line(r, seg);
			return;
		case X12_KEY3('C', 'A', 'S'):
			if (r->state == IN_CLAIM || r->state == IN_LINE)
				add_adjustments(r, seg);
			else
				out_of_place(r, seg, "is outside a claim payment (no CLP before it): the adjustment is not read");
			return;
		case X12_KEY3('P', 'L', 'B'):
			finish_claim(r);
			r->state = IN_TRAILER;
			read_plb(r, seg);
			return;
		default:
			break;
	}
	if (r->state == IN_HEADER)
		read_header_segment(r, seg);
	else if (r->state == IN_CLAIM)
		read_claim_segment(r, seg);
	else if (r->state == IN_LINE)
	{
		/* the claim's own segments may not follow its lines */
		if (seg->key == X12_KEY3('N', 'M', '1') || seg->key == X12_KEY3('M', 'I', 'A') ||
			seg->key == X12_KEY3('M', 'O', 'A'))
		{
			out_of_place(r, seg, "of the claim payment comes after its service lines (SVC)");
			read_claim_segment(r, seg);
		}
		else
			read_line_segment(r, seg);
	}
	else if (r->state == IN_TRAILER)
		out_of_place(r, seg, "comes after the provider adjustments (PLB): only PLB and SE may");
}

/* One segment of the file: the envelope's, or an 835's. */
static void
read_segment(X835Reader *r, const X12Segment *seg)
{
	switch (seg->key)
	{
		case X12_KEY3('I', 'S', 'A'):
			r->isa13 = x12_element(seg, 13);
			r->isa_number = seg->number;
			return;
		case X12_KEY2('G', 'S'):
			r->gs06 = x12_element(seg, 6);
			return;
		case X12_KEY2('S', 'T'):
			/* an open claim was handed out first (completes_claim) */
			end_payment(r, seg);
			if (x12_str_is(x12_element(seg, 1), "835"))
				start_payment(r, seg);
			return;
		case X12_KEY2('S', 'E'):
		case X12_KEY2('G', 'E'):
		case X12_KEY3('I', 'E', 'A'):
			end_payment(r, seg);
			return;
		default:
			break;
	}
	if (r->payment != NULL)
		read_835_segment(r, seg);
}

/*
 * Segments that complete the open claim (the next CLP, LX, PLB, or the
 * end of its transaction set) are read again after it was handed out.
 */
static bool
completes_claim(const X835Reader *r, uint32 key)
{
	if (r->claim == NULL || r->claim_ready)
		return false;
	return key == X12_KEY3('C', 'L', 'P') || key == X12_KEY2('L', 'X') || key == X12_KEY3('P', 'L', 'B') ||
		key == X12_KEY2('S', 'T') || key == X12_KEY2('S', 'E') || key == X12_KEY2('G', 'E') ||
		key == X12_KEY3('I', 'E', 'A');
}

/* The end of the file, at its last segment: what a payment left open ends at. */
static void
read_end(X835Reader *r)
{
	X12Segment	end;

	memset(&end, 0, sizeof(end));
	end.id.s = "";
	end.number = r->last_number;
	end_payment(r, &end);
}

const X835Claim *
x835_next_claim(X835Reader *r)
{
	MemoryContext caller = MemoryContextSwitchTo(r->cxt);
	X12Segment	seg;

	if (r->claim_ready)
	{
		/* the claim handed out last time: on to what completed it */
		r->claim_ready = false;
		r->claim = NULL;
		if (r->have_pending)
		{
			r->have_pending = false;
			read_segment(r, &r->pending);
		}
		else if (r->at_end)
			read_end(r);
	}
	while (!r->at_end)
	{
		if (x12_next_segment(&r->x12, &seg) != X12_SEGMENT)
		{
			r->at_end = true;
			finish_claim(r);
			if (!r->claim_ready)
				read_end(r);
			break;
		}
		r->last_number = seg.number;
		if (r->envelope)
			x12_envelope_segment(r->envelope, &r->x12, &seg);
		if (completes_claim(r, seg.key))
		{
			finish_claim(r);
			r->pending = seg;
			r->have_pending = true;
			break;
		}
		read_segment(r, &seg);
	}
	MemoryContextSwitchTo(caller);
	return r->claim_ready ? r->claim : NULL;
}

int
x835_provider_adjustments(X835Reader *r, const X835ProviderAdjustment **out)
{
	*out = r->plbs;
	return r->nplbs;
}

int
x835_file_problems(X835Reader *r, const X12Problem **out)
{
	X12Problem *envelope = NULL;
	int			n = r->envelope ? x12_envelope_end(r->envelope, &envelope) : 0;
	X12Problem *all = MemoryContextAlloc(r->cxt, Max(n + r->nproblems, 1) * sizeof(X12Problem));

	r->envelope = NULL;
	if (n > 0)
		memcpy(all, envelope, n * sizeof(X12Problem));
	if (r->nproblems > 0)
		memcpy(all + n, r->problems, r->nproblems * sizeof(X12Problem));
	*out = all;
	return n + r->nproblems;
}
