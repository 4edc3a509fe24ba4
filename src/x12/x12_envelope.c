/*
 * x12_envelope.c
 *	  The envelope of an X12 file, checked as a 999 acknowledgment would: the
 *	  interchange (ISA ... IEA), its functional groups (GS ... GE) and their
 *	  transaction sets (ST ... SE) nest and close; trailers count what they
 *	  close (SE01 segments, GE01 transaction sets, IEA01 groups) and repeat
 *	  their header's control number; every other segment sits inside a
 *	  transaction set whose version the caller reads and whose kind has
 *	  that segment.
 */
#include "postgres.h"

#include "x12/x12.h"

struct X12Envelope
{
	const X12EnvelopeRules *rules;
	X12Problem *problems;
	int			n;
	int			max;
	/* open envelopes */
	bool		in_isa,
				in_gs,
				in_st;
	X12Str		isa13,
				gs06,
				st01,
				st02,
				version;
	int64		groups;			/* GS in this interchange */
	int64		transactions;	/* ST in this group */
	int64		st_number;		/* the ST's position in the file */
	int64		isa_number,
				gs_number;
	X12Str		gs08;
	bool		version_ok;
	int64		last_number;	/* the last segment's position in the file, 0 before any */
};

typedef struct X12Envelope EnvelopeState;

static const char *
str_text(X12Str s)
{
	return pnstrdup(s.s, s.len);
}

static void
add_problem(EnvelopeState *st, X12ProblemKind kind, const X12Segment *seg, int element, const char *message)
{
	X12Problem *p;
	int			len = Min(seg->id.len, 3);

	if (st->n == st->max)
	{
		st->max = st->max ? st->max * 2 : 16;
		st->problems = st->problems ? repalloc(st->problems, st->max * sizeof(X12Problem))
			: palloc(st->max * sizeof(X12Problem));
	}
	p = &st->problems[st->n++];
	p->kind = kind;
	p->file_segment = seg->number;
	p->segment_no = st->in_st ? seg->number - st->st_number + 1 : 0;
	memcpy(p->segment_id, seg->id.s, len);
	p->segment_id[len] = '\0';
	p->element = element;
	p->transaction_control = st->in_st ? st->st02 : (X12Str) {"", 0};
	p->message = message;
}

static bool
str_eq(X12Str a, X12Str b)
{
	return a.len == b.len && memcmp(a.s, b.s, a.len) == 0;
}

/* A count element (SE01, GE01, IEA01) against what it counts. */
static void
check_count(EnvelopeState *st, const X12Segment *seg, X12ProblemKind kind, int64 counted, const char *one,
			const char *many, const char *whole)
{
	X12Str		given = x12_element(seg, 1);
	char	   *end;
	char	   *text = (char *) str_text(given);
	long long	value = strtoll(text, &end, 10);

	if (given.len == 0 || *end != '\0' || value != counted)
		add_problem(st, kind, seg, 1,
					psprintf("%s01 is \"%s\" but the %s has " INT64_FORMAT " %s", str_text(seg->id), text, whole,
							 counted, counted == 1 ? one : many));
}

static void
check_control(EnvelopeState *st, const X12Segment *seg, int element, X12Str header, const char *header_name)
{
	X12Str		given = x12_element(seg, element);

	if (!str_eq(given, header))
		add_problem(st, X12P_CONTROL_MISMATCH, seg, element,
					psprintf("%s%02d is \"%s\" but %s is \"%s\"", str_text(seg->id), element, str_text(given), header_name,
							 str_text(header)));
}

/* What a missing trailer was looked for before: the segment, or the end of the file. */
static const char *
before(const X12Segment *at)
{
	return at->id.len > 0 ? pnstrdup(at->id.s, Min(at->id.len, 3)) : "the end of the file";
}

static void
close_st(EnvelopeState *st, const X12Segment *at)
{
	if (!st->in_st)
		return;
	add_problem(st, X12P_TRAILER_MISSING, at, 0,
				psprintf("the transaction set of ST02 \"%s\" has no SE before %s", str_text(st->st02), before(at)));
	st->in_st = false;
}

static void
close_gs(EnvelopeState *st, const X12Segment *at)
{
	close_st(st, at);
	if (!st->in_gs)
		return;
	add_problem(st, X12P_TRAILER_MISSING, at, 0,
				psprintf("the functional group of GS06 \"%s\" has no GE before %s", str_text(st->gs06), before(at)));
	st->in_gs = false;
}

static void
close_isa(EnvelopeState *st, const X12Segment *at)
{
	close_gs(st, at);
	if (!st->in_isa)
		return;
	add_problem(st, X12P_TRAILER_MISSING, at, 0,
				psprintf("the interchange of ISA13 \"%s\" has no IEA before %s", str_text(st->isa13), before(at)));
	st->in_isa = false;
}

typedef struct ElementReportArg
{
	EnvelopeState *st;
	const X12Segment *seg;
} ElementReportArg;

static void
report_element(void *arg, X12ProblemKind kind, int element, const char *message)
{
	ElementReportArg *a = arg;

	add_problem(a->st, kind, a->seg, element, message);
}

static void
envelope_segment(EnvelopeState *st, const X12Reader *r, const X12Segment *seg)
{
	X12Str		id = seg->id;

	if (seg->key == X12_KEY3('I', 'S', 'A'))
	{
		close_isa(st, seg);
		if (!r->isa_ok)
			add_problem(st, X12P_ISA_INVALID, seg, 0,
						psprintf("the ISA is not of its fixed width, 106 characters with each of its 16 elements of its own length (it has %d elements): its separators were found by splitting it",
								 seg->nelements));
		st->in_isa = true;
		st->isa13 = x12_element(seg, 13);
		st->groups = 0;
		st->isa_number = seg->number;
	}
	else if (seg->key == X12_KEY2('G', 'S'))
	{
		close_gs(st, seg);
		if (!st->in_isa)
			add_problem(st, X12P_TRAILER_MISSING, seg, 0, pstrdup("a GS outside an interchange (no ISA before it)"));
		st->in_gs = true;
		st->gs06 = x12_element(seg, 6);
		st->gs08 = x12_element(seg, 8);
		st->transactions = 0;
		st->groups++;
	}
	else if (seg->key == X12_KEY2('S', 'T'))
	{
		close_st(st, seg);
		if (!st->in_gs)
			add_problem(st, X12P_TRAILER_MISSING, seg, 0, pstrdup("an ST outside a functional group (no GS before it)"));
		st->in_st = true;
		st->st_number = seg->number;
		st->st01 = x12_element(seg, 1);
		st->st02 = x12_element(seg, 2);
		st->version = x12_element(seg, 3).len > 0 ? x12_element(seg, 3) : st->gs08;
		st->transactions++;
		st->version_ok = st->rules->version_supported == NULL || st->rules->version_supported(st->st01, st->version);
		if (!st->version_ok)
			add_problem(st, X12P_VERSION_UNSUPPORTED, seg, x12_element(seg, 3).len > 0 ? 3 : 0,
						psprintf("transaction set %s of version %s is not read: only %s",
								 str_text(st->st01), str_text(st->version), st->rules->versions_read));
	}
	else if (seg->key == X12_KEY2('S', 'E'))
	{
		if (!st->in_st)
		{
			add_problem(st, X12P_TRAILER_MISSING, seg, 0, pstrdup("an SE without its ST"));
			return;
		}
		check_count(st, seg, X12P_SE_COUNT, seg->number - st->st_number + 1, "segment", "segments", "transaction set");
		check_control(st, seg, 2, st->st02, "ST02");
		st->in_st = false;
	}
	else if (seg->key == X12_KEY2('G', 'E'))
	{
		close_st(st, seg);
		if (!st->in_gs)
		{
			add_problem(st, X12P_TRAILER_MISSING, seg, 0, pstrdup("a GE without its GS"));
			return;
		}
		check_count(st, seg, X12P_GROUP_COUNT, st->transactions, "transaction set", "transaction sets", "group");
		check_control(st, seg, 2, st->gs06, "GS06");
		st->in_gs = false;
	}
	else if (seg->key == X12_KEY3('I', 'E', 'A'))
	{
		close_gs(st, seg);
		if (!st->in_isa)
		{
			add_problem(st, X12P_TRAILER_MISSING, seg, 0, pstrdup("an IEA without its ISA"));
			return;
		}
		check_count(st, seg, X12P_GROUP_COUNT, st->groups, "functional group", "functional groups", "interchange");
		check_control(st, seg, 2, st->isa13, "ISA13");
		st->in_isa = false;
	}
	else if (!st->in_st)
		add_problem(st, X12P_SEGMENT_UNKNOWN, seg, 0,
					psprintf("segment %s is outside a transaction set (between ST and SE)", str_text(id)));
	else if (st->version_ok && st->rules->segment_known != NULL && !st->rules->segment_known(st->st01, seg->key))
		add_problem(st, X12P_SEGMENT_UNKNOWN, seg, 0,
					psprintf("the %s has no segment %s", str_text(st->st01), str_text(id)));
	else if (st->version_ok && st->rules->check_elements != NULL)
	{
		ElementReportArg arg = {st, seg};

		st->rules->check_elements(st->st01, seg, report_element, &arg);
	}
}

X12Envelope *
x12_envelope_begin(const X12EnvelopeRules *rules)
{
	X12Envelope *st = palloc0(sizeof(X12Envelope));

	st->rules = rules;
	return st;
}

void
x12_envelope_segment(X12Envelope *st, const X12Reader *r, const X12Segment *seg)
{
	if (st->last_number == 0 && seg->key != X12_KEY3('I', 'S', 'A'))
		add_problem(st, X12P_ISA_INVALID, seg, 0,
					psprintf("the file starts with %s, not with an interchange header ISA", str_text(seg->id)));
	st->last_number = seg->number;
	envelope_segment(st, r, seg);
}

int
x12_envelope_end(X12Envelope *st, X12Problem **out)
{
	X12Segment	end;

	/* the end of the file, at its last segment (or at segment 0 when it has none) */
	memset(&end, 0, sizeof(end));
	end.id.s = "";
	end.number = st->last_number;
	if (st->last_number == 0)
		add_problem(st, X12P_ISA_INVALID, &end, 0, pstrdup("the file has no segment at all"));
	else
		close_isa(st, &end);
	*out = st->problems;
	return st->n;
}
