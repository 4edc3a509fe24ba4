/*
 * x837_loops.c
 *	  The loops of an 837 checked as the reader walks them (claim_837.c
 *	  reports each loop it opens and closes): a loop repeated more times
 *	  than the 5010 guides allow in its parent, a loop its parent requires
 *	  that never came, and the segments of each loop: in the guide's order,
 *	  in the loop they belong to, the required ones present.  The problems
 *	  are kept for validate_837() and ack_999(); read_837() reads on
 *	  regardless.
 */
#include "postgres.h"

#include "claim/claim.h"
#include "claim/x837.h"

typedef struct LoopLimit
{
	const char *id;
	int			max_professional;
	int			max_institutional;
} LoopLimit;

/* How many times a loop may stand in its parent (5010 837P, 837I). */
static const LoopLimit limits[] = {
	{"1000A", 1, 1}, {"1000B", 1, 1}, {"2010AA", 1, 1}, {"2010AB", 1, 1}, {"2010AC", 1, 1},
	{"2010BA", 1, 1}, {"2010BB", 1, 1}, {"2010CA", 1, 1}, {"2300", 100, 100},
	{"2310A", 2, 1}, {"2310B", 1, 1}, {"2310C", 1, 1}, {"2310D", 1, 1}, {"2310E", 1, 1}, {"2310F", 1, 1},
	{"2320", 10, 10}, {"2400", 50, 999}, {"2410", 1, 1},
	{"2420A", 1, 1}, {"2420B", 1, 1}, {"2420C", 1, 1}, {"2420D", 1, 1}, {"2420E", 1, 1}, {"2420F", 2, 1},
	{"2420G", 1, 1}, {"2420H", 1, 1}, {"2440", 5, 5},
};

typedef struct RequiredLoop
{
	const char *parent;
	const char *child;
	const char *opened_by;		/* for the message */
} RequiredLoop;

/* The loops a loop requires (5010 837P and 837I alike). */
static const RequiredLoop required[] = {
	{"ST", "1000A", "NM1*41"}, {"ST", "1000B", "NM1*40"}, {"ST", "2000A", "HL*20"},
	{"2000A", "2010AA", "NM1*85"}, {"2000B", "2010BA", "NM1*IL"}, {"2000B", "2010BB", "NM1*PR"},
	{"2000C", "2010CA", "NM1*QC"}, {"2300", "2400", "LX"},
};

/*
 * The segments of each loop in the order the 5010 guides give them, '!'
 * after the ones every loop of that kind must have.  Sub-loops that share a
 * shape (the 2310 and 2420 providers, the 2330 other payer's names) share a
 * line; a segment any of them has is accepted in all, so that the check
 * never fails a file that follows the guides.
 */
typedef struct LoopSegments
{
	const char *loop;			/* a loop id, or a prefix ending in '*' */
	uint8		variants;		/* 1: 837P, 2: 837I, 3: both */
	const char *segments;
} LoopSegments;

static const LoopSegments loop_segments[] = {
	{"ST", 3, "ST! BHT!"},
	{"1000A", 3, "NM1! PER!"},
	{"1000B", 3, "NM1!"},
	{"2000A", 3, "HL! PRV CUR"},
	{"2010AA", 3, "NM1! N3! N4! REF! PER"},
	{"2010AB", 3, "NM1! N3! N4!"},
	{"2010AC", 3, "NM1! N3 N4 REF"},
	{"2000B", 3, "HL! SBR! PAT"},
	{"2010BA", 3, "NM1! N3 N4 DMG REF PER"},
	{"2010BB", 3, "NM1! N3 N4 REF"},
	{"2000C", 3, "HL! PAT!"},
	{"2010CA", 3, "NM1! N3! N4! DMG! REF PER"},
	{"2300", 1, "CLM! DTP PWK CN1 AMT REF K3 NTE CR1 CR2 CRC HI! HCP"},
	{"2300", 2, "CLM! DTP! CL1! PWK CN1 AMT REF K3 NTE CRC HI! HCP"},
	{"2310*", 3, "NM1! PRV N3 N4 REF PER"},
	{"2320", 3, "SBR! CAS AMT OI MIA MOA"},
	{"2330*", 3, "NM1! N3 N4 PER DTP REF"},
	{"2400", 1, "LX! SV1! SV5 PWK CR1 CR3 CRC DTP QTY MEA CN1 REF AMT K3 NTE PS1 HCP"},
	{"2400", 2, "LX! SV2! PWK DTP REF AMT NTE HCP"},
	{"2410", 3, "LIN! CTP! REF"},
	{"2420*", 3, "NM1! PRV N3 N4 REF PER"},
	{"2430", 3, "SVD! CAS DTP! AMT"},
	{"2440", 3, "LQ! FRM!"},
};

static X837SegmentSequence sequences[lengthof(loop_segments)];
static bool sequences_parsed = false;

static void
parse_sequences(void)
{
	int			i;

	for (i = 0; i < (int) lengthof(loop_segments); i++)
	{
		X837SegmentSequence *q = &sequences[i];
		const char *p = loop_segments[i].segments;

		q->n = 0;
		while (*p != '\0' && q->n < X837_SEQUENCE_MAX)
		{
			int			len = 0;

			while (p[len] != '\0' && p[len] != ' ' && p[len] != '!')
				len++;
			Assert(len >= 2 && len <= 3);
			memcpy(q->ids[q->n], p, len);
			q->ids[q->n][len] = '\0';
			q->keys[q->n] = x12_literal_key(q->ids[q->n]);
			p += len;
			q->required[q->n] = (*p == '!');
			if (*p == '!')
				p++;
			while (*p == ' ')
				p++;
			q->n++;
		}
	}
	sequences_parsed = true;
}

static const X837SegmentSequence *
sequence_of(const char *id, bool institutional)
{
	uint8		variant = institutional ? 2 : 1;
	int			i;

	if (!sequences_parsed)
		parse_sequences();
	for (i = 0; i < (int) lengthof(loop_segments); i++)
	{
		const char *l = loop_segments[i].loop;
		int			n = (int) strlen(l);
		bool		match = l[n - 1] == '*' ? strncmp(l, id, n - 1) == 0 : strcmp(l, id) == 0;

		if (match && (loop_segments[i].variants & variant))
			return &sequences[i];
	}
	return NULL;
}

/* Where a segment (its key) stands in a loop's sequence, or -1. */
static int
position_in(const X837SegmentSequence *q, uint32 key)
{
	int			i;

	if (q == NULL)
		return -1;
	for (i = 0; i < q->n; i++)
		if (q->keys[i] == key)
			return i;
	return -1;
}

static int
limit_of(const char *id, bool institutional)
{
	int			i;

	for (i = 0; i < (int) lengthof(limits); i++)
		if (strcmp(limits[i].id, id) == 0)
			return institutional ? limits[i].max_institutional : limits[i].max_professional;
	return 0;					/* no limit */
}

#define MAX_SHAPES 64

static X837LoopShape shapes[MAX_SHAPES];
static int	nshapes = 0;

const X837LoopShape *
x837_loop_shape(const char *id, bool institutional)
{
	X837LoopShape *shape;
	int			i;

	for (i = 0; i < nshapes; i++)
		if (strcmp(shapes[i].id, id) == 0 && (shapes[i].max == limit_of(id, institutional))
			&& shapes[i].sequence == sequence_of(id, institutional))
			return &shapes[i];
	if (nshapes == MAX_SHAPES)
		elog(ERROR, "cleanclaim: the 837 has more than %d loop shapes", MAX_SHAPES);
	shape = &shapes[nshapes];
	shape->id = id;
	shape->sequence = sequence_of(id, institutional);
	shape->max = limit_of(id, institutional);
	shape->nrequired = 0;
	for (i = 0; i < (int) lengthof(required); i++)
		if (strcmp(required[i].parent, id) == 0)
		{
			if (shape->nrequired == X837_REQUIRED_MAX)
				elog(ERROR, "cleanclaim: loop %s requires more than %d loops", id, X837_REQUIRED_MAX);
			shape->required[shape->nrequired++] = (int16) i;
		}
	return &shapes[nshapes++];
}

static void
add_problem(X837LoopState *s, X12ProblemKind kind, int64 file_segment, int64 segment_no, const char *segment_id,
			X12Str transaction, const char *message)
{
	X12Problem *p;

	if (s->nproblems == s->maxproblems)
	{
		s->maxproblems = s->maxproblems ? s->maxproblems * 2 : 8;
		s->problems = s->problems ? repalloc(s->problems, s->maxproblems * sizeof(X12Problem))
			: MemoryContextAlloc(s->cxt, s->maxproblems * sizeof(X12Problem));
	}
	p = &s->problems[s->nproblems++];
	p->kind = kind;
	p->file_segment = file_segment;
	p->segment_no = segment_no;
	strlcpy(p->segment_id, segment_id, sizeof(p->segment_id));
	p->element = 0;
	p->transaction_control = transaction;
	p->message = MemoryContextStrdup(s->cxt, message);
}

void
x837_loops_enter(X837LoopState *s, int depth, const X837LoopShape *shape, const X12Segment *seg, int64 st_number,
				 X12Str transaction)
{
	X837LoopFrame *f;
	int			i;

	if (depth >= X837_LOOP_DEPTH)
		return;
	if (depth > 0)
	{
		X837LoopFrame *parent = &s->frames[depth - 1];
		int			max = shape->max;

		for (i = 0; i < parent->nchildren && parent->children[i].shape != shape; i++)
			;
		if (i == parent->nchildren && i < X837_LOOP_CHILDREN)
		{
			parent->children[i].shape = shape;
			parent->children[i].count = 0;
			parent->nchildren++;
		}
		if (i < parent->nchildren && ++parent->children[i].count == max + 1 && max > 0)
		{
			char		sid[4];

			snprintf(sid, sizeof(sid), "%.*s", Min(seg->id.len, 3), seg->id.s);
			add_problem(s, X12P_LOOP_REPEAT, seg->number, seg->number - st_number + 1, sid, transaction,
						psprintf("loop %s stands more than %d time%s in loop %s", shape->id, max, max == 1 ? "" : "s",
								 parent->id));
		}
	}
	f = &s->frames[depth];
	f->shape = shape;
	f->id = shape->id;
	f->file_segment = seg->number;
	f->segment_no = seg->number - st_number + 1;
	memcpy(f->segment_id, seg->id.s, Min(seg->id.len, 3));
	f->segment_id[Min(seg->id.len, 3)] = '\0';
	f->transaction = transaction;
	f->nchildren = 0;
	f->sequence = shape->sequence;
	f->position = Max(position_in(f->sequence, seg->key), 0);
	f->seen = UINT64CONST(1) << f->position;
}

/*
 * A segment of the loop at depth that opens no loop: it must be one of the
 * loop's, at or after the last one's place.  One that belongs to a loop
 * around it stands after that loop's sub-loops began; one of no loop here is
 * unexpected.  Segments the 837 does not have at all are the envelope
 * check's (X12_SEGMENT_UNKNOWN).
 */
void
x837_loops_segment(X837LoopState *s, int depth, const X12Segment *seg, int64 st_number, X12Str transaction)
{
	static const X12Str transaction_837 = {"837", 3};
	X837LoopFrame *f;
	int			at;
	int			d;
	char		sid[4];

	if (depth >= X837_LOOP_DEPTH || depth < 0)
		return;
	f = &s->frames[depth];
	if (f->sequence == NULL)
		return;
	at = position_in(f->sequence, seg->key);
	if (at >= f->position)
	{
		f->position = at;
		f->seen |= UINT64CONST(1) << at;
		return;
	}
	if (!x837_segment_known(transaction_837, seg->key))
		return;
	snprintf(sid, sizeof(sid), "%.*s", Min(seg->id.len, 3), seg->id.s);
	if (at >= 0)
	{
		add_problem(s, X12P_SEGMENT_ORDER, seg->number, seg->number - st_number + 1, sid, transaction,
					psprintf("segment %s stands after %s in loop %s; the 837 puts it before", sid,
							 f->sequence->ids[f->position], f->id));
		return;
	}
	for (d = depth - 1; d >= 0; d--)
		if (position_in(s->frames[d].sequence, seg->key) >= 0)
		{
			add_problem(s, X12P_SEGMENT_ORDER, seg->number, seg->number - st_number + 1, sid, transaction,
						psprintf("segment %s of loop %s stands in its sub-loop %s; the 837 puts it before the sub-loops",
								 sid, s->frames[d].id, f->id));
			return;
		}
	add_problem(s, X12P_SEGMENT_UNEXPECTED, seg->number, seg->number - st_number + 1, sid, transaction,
				psprintf("segment %s is not one of loop %s's", sid, f->id));
}

void
x837_loops_close(X837LoopState *s, int depth)
{
	const X837LoopFrame *f;
	int			i,
				k;

	if (depth >= X837_LOOP_DEPTH)
		return;
	f = &s->frames[depth];
	for (i = 0; f->sequence != NULL && i < f->sequence->n; i++)
		if (f->sequence->required[i] && !(f->seen & (UINT64CONST(1) << i)))
			add_problem(s, X12P_SEGMENT_MISSING, f->file_segment, f->segment_no, f->segment_id, f->transaction,
						psprintf("loop %s (at its %s) has no %s segment, which it requires", f->id, f->segment_id,
								 f->sequence->ids[i]));
	for (i = 0; i < f->shape->nrequired; i++)
	{
		const RequiredLoop *r = &required[f->shape->required[i]];
		bool		seen = false;

		for (k = 0; k < f->nchildren; k++)
			if (strcmp(f->children[k].shape->id, r->child) == 0)
				seen = true;
		if (!seen)
			add_problem(s, X12P_LOOP_MISSING, f->file_segment, f->segment_no, f->segment_id, f->transaction,
						psprintf("loop %s (at its %s) has no %s loop (%s), which it requires", f->id, f->segment_id,
								 r->child, r->opened_by));
	}
}
