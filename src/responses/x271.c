/*
 * x271.c
 *	  Reading a 271 eligibility response (005010X279A1): an HL tree of the
 *	  information source (20, the payer: NM1*PR), the receiver (21, the
 *	  provider who asked: NM1*1P), the subscriber (22) and the dependent
 *	  (23), each with its name, demographics and dates, its AAA rejections
 *	  and, for subscribers and dependents, its benefits (EB, loop 2110C,
 *	  with their DTP).  One row per subscriber and dependent, handed out at
 *	  the next HL or at the end of the set, and one for a source or receiver
 *	  that the payer rejected (AAA) before any subscriber; one row per EB.
 */
#include "postgres.h"

#include "responses/responses.h"

typedef struct Reader271
{
	XResponseIds ids;
	int64		st_number;
	char		level;			/* 'S' source, 'R' receiver, 'M' subscriber, 'D' dependent, 0 none */
	X271Member	member;			/* the HL being read */
	bool		open;
	X271Benefit benefit;		/* the EB being read */
	bool		benefit_open;
	bool		in_benefits;	/* past the member's first EB: its NM1, DTP are the benefits' */
	X12Str		payer_name,
				payer_id,
				provider_name,
				provider_id,
				subscriber_id;
	X271EmitMember emit_member;
	X271EmitBenefit emit_benefit;
	void	   *arg;
} Reader271;

static void
flush_benefit(Reader271 *r)
{
	if (r->benefit_open)
		r->emit_benefit(r->arg, &r->benefit);
	r->benefit_open = false;
}

/* A subscriber or dependent always makes a row; a source or receiver only with an AAA. */
static void
flush_member(void *reader)
{
	Reader271  *r = reader;

	flush_benefit(r);
	if (r->open && (r->level == 'M' || r->level == 'D' || r->member.nrejections > 0))
		r->emit_member(r->arg, &r->member);
	r->open = false;
}

static const char *
level_name(char level)
{
	switch (level)
	{
		case 'S':
			return "source";
		case 'R':
			return "receiver";
		case 'M':
			return "subscriber";
		default:
			return "dependent";
	}
}

static void
read_hl(Reader271 *r, const X12Segment *seg)
{
	X12Str		code = x12_element(seg, 3);

	flush_member(r);
	r->level = x12_str_is(code, "20") ? 'S' : x12_str_is(code, "21") ? 'R' : x12_str_is(code, "22") ? 'M'
		: x12_str_is(code, "23") ? 'D' : 0;
	if (r->level == 0)
		return;
	if (r->level == 'M')
		r->subscriber_id = X12_NO_STR;
	memset(&r->member, 0, sizeof(r->member));
	r->member.ids = &r->ids;
	r->member.hl_id = x12_element(seg, 1);
	r->member.level = level_name(r->level);
	r->member.segment_no = seg->number - r->st_number + 1;
	r->member.payer_name = r->payer_name;
	r->member.payer_id = r->payer_id;
	r->member.provider_name = r->provider_name;
	r->member.provider_id = r->provider_id;
	r->member.subscriber_id = r->member.member_id = r->subscriber_id;
	r->in_benefits = false;
	r->open = true;
}

static void
read_name(Reader271 *r, const X12Segment *seg)
{
	X271Member *m = &r->member;
	X12Str		name = x12_element(seg, 3);
	X12Str		id = x12_element(seg, 9);

	if (r->in_benefits)
		return;					/* a benefit's related entity (loop 2120C) */
	if (r->level == 'S')
	{
		m->payer_name = r->payer_name = name;
		m->payer_id = r->payer_id = id;
	}
	else if (r->level == 'R')
	{
		m->provider_name = r->provider_name = name;
		m->provider_id = r->provider_id = id;
	}
	else
	{
		m->last_name = name;
		m->first_name = x12_element(seg, 4);
		if (id.len > 0)
			m->member_id = id;
		if (r->level == 'M')
			r->subscriber_id = m->subscriber_id = m->member_id;
	}
}

/*
 * A date of the member (DTP*346 plan begin, 356 eligibility begin, 291
 * plan, 307 eligibility; 347 and 357 their ends) or, after its first EB, of
 * the benefit (292 benefit, 348 begin, 349 end, ...).  A range gives both
 * ends; the first beginning given wins.
 */
static void
set_dates(X12Str qualifier, X12Str from, X12Str to, X12Str *date_from, X12Str *date_to)
{
	if (x12_is_one_of(qualifier, "347 349 357"))
		*date_to = from;
	else
	{
		if (date_from->len == 0)
			*date_from = from;
		if (to.len > 0)
			*date_to = to;
	}
}

static void
read_dtp(Reader271 *r, const X12Segment *seg)
{
	X12Str		qualifier = x12_element(seg, 1);
	X12Str		from,
				to;

	x12_date_range(x12_element(seg, 2), x12_element(seg, 3), &from, &to);
	if (r->in_benefits)
	{
		if (r->benefit_open)
			set_dates(qualifier, from, to, &r->benefit.date_from, &r->benefit.date_to);
	}
	else if (x12_is_one_of(qualifier, "346 347 356 357 291 307"))
		set_dates(qualifier, from, to, &r->member.coverage_from, &r->member.coverage_to);
}

/*
 * EB01: 1 to 5 are active coverage (1 active, 2 full risk capitation, 3
 * services capitated, 4 capitated to a primary care physician, 5 pending
 * investigation), 6 to 8 inactive; active wins over inactive.  The plan is
 * the first active EB's EB05 that names one.
 */
static void
read_eb(Reader271 *r, const X12Reader *x, const X12Segment *seg)
{
	X271Member *m = &r->member;
	X271Benefit *b = &r->benefit;
	X12Str		code = x12_element(seg, 1);
	bool		active = x12_is_one_of(code, "1 2 3 4 5");

	flush_benefit(r);
	r->in_benefits = true;
	memset(b, 0, sizeof(*b));
	b->member = m;
	b->benefit_no = ++m->benefits;
	b->segment_no = seg->number - r->st_number + 1;
	b->code = code;
	b->coverage_level = x12_element(seg, 2);
	b->nservice_types = 0;
	if (x12_element(seg, 3).len > 0)
		b->nservice_types = x12_components(x12_element(seg, 3), x->sep.repetition ? x->sep.repetition : '^',
										   b->service_types, X271_MAX_SERVICE_TYPES);
	b->insurance_type = x12_element(seg, 4);
	b->plan = x12_element(seg, 5);
	b->period = x12_element(seg, 6);
	b->amount = x12_element(seg, 7);
	b->percent = x12_element(seg, 8);
	b->authorization = x12_element(seg, 11);
	b->in_network = x12_element(seg, 12);
	r->benefit_open = true;
	if (active)
		m->coverage = "active";
	else if (x12_is_one_of(code, "6 7 8") && m->coverage == NULL)
		m->coverage = "inactive";
	if (active && m->plan.len == 0 && b->plan.len > 0)
	{
		m->plan = b->plan;
		m->insurance_type = b->insurance_type;
	}
}

static void
read_segment(void *reader, const X12Reader *x, const X12Segment *seg)
{
	Reader271  *r = reader;
	X12Str		e1 = x12_element(seg, 1);

	if (seg->key == X12_KEY2('H', 'L'))
	{
		read_hl(r, seg);
		return;
	}
	if (!r->open)
		return;
	switch (seg->key)
	{
		case X12_KEY3('N', 'M', '1'):
			read_name(r, seg);
			break;
		case X12_KEY3('T', 'R', 'N'):
			if (x12_str_is(e1, "2") && r->member.trace_number.len == 0)
				r->member.trace_number = x12_element(seg, 2);
			break;
		case X12_KEY3('R', 'E', 'F'):
			if (!r->in_benefits && (x12_str_is(e1, "6P") || (x12_str_is(e1, "18") && r->member.group_number.len == 0)))
				r->member.group_number = x12_element(seg, 2);
			break;
		case X12_KEY3('D', 'M', 'G'):
			r->member.birth_date = x12_element(seg, 2);
			r->member.sex = x12_element(seg, 3);
			break;
		case X12_KEY3('D', 'T', 'P'):
			read_dtp(r, seg);
			break;
		case X12_KEY3('A', 'A', 'A'):
			if (r->member.nrejections < X271_MAX_REJECTIONS && x12_element(seg, 3).len > 0)
				r->member.rejections[r->member.nrejections++] = x12_element(seg, 3);
			break;
		case X12_KEY2('E', 'B'):
			if (r->level == 'M' || r->level == 'D')
				read_eb(r, x, seg);
			break;
		default:
			break;
	}
}

/* The walk's hooks (x12_read_sets). */
static void
start_271(void *reader)
{
	Reader271  *r = reader;

	r->level = 0;
	r->payer_name = r->payer_id = r->provider_name = r->provider_id = r->subscriber_id = X12_NO_STR;
}

void
x271_read(const char *data, int64 len, X271EmitMember emit_member, X271EmitBenefit emit_benefit, void *arg)
{
	Reader271	r;
	XSetReader	how = {"271", &r.ids, &r.st_number, start_271, read_segment, flush_member};

	memset(&r, 0, sizeof(r));
	r.emit_member = emit_member;
	r.emit_benefit = emit_benefit;
	r.arg = arg;
	x12_read_sets(data, len, &how, &r);
}
