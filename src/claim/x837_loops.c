/*
 * x837_loops.c
 *	  The loops of an 837 checked as the reader walks them (claim_837.c
 *	  reports each loop it opens and closes): a loop repeated more times
 *	  than the 5010 guides allow in its parent, and a loop its parent
 *	  requires that never came.  The problems are kept for validate_837()
 *	  and ack_999(); read_837() reads on regardless.
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

static int
limit_of(const char *id, bool institutional)
{
	int			i;

	for (i = 0; i < (int) lengthof(limits); i++)
		if (strcmp(limits[i].id, id) == 0)
			return institutional ? limits[i].max_institutional : limits[i].max_professional;
	return 0;					/* no limit */
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
x837_loops_enter(X837LoopState *s, int depth, const char *id, const X12Segment *seg, int64 st_number,
				 X12Str transaction, bool institutional)
{
	X837LoopFrame *f;
	int			i;

	if (depth >= X837_LOOP_DEPTH)
		return;
	if (depth > 0)
	{
		X837LoopFrame *parent = &s->frames[depth - 1];
		int			max = limit_of(id, institutional);

		for (i = 0; i < parent->nchildren && strcmp(parent->children[i].id, id) != 0; i++)
			;
		if (i == parent->nchildren && i < X837_LOOP_CHILDREN)
		{
			parent->children[i].id = id;
			parent->children[i].count = 0;
			parent->nchildren++;
		}
		if (i < parent->nchildren && ++parent->children[i].count == max + 1 && max > 0)
		{
			char		sid[4];

			snprintf(sid, sizeof(sid), "%.*s", Min(seg->id.len, 3), seg->id.s);
			add_problem(s, X12P_LOOP_REPEAT, seg->number, seg->number - st_number + 1, sid, transaction,
						psprintf("loop %s stands more than %d time%s in loop %s", id, max, max == 1 ? "" : "s",
								 parent->id));
		}
	}
	f = &s->frames[depth];
	f->id = id;
	f->file_segment = seg->number;
	f->segment_no = seg->number - st_number + 1;
	snprintf(f->segment_id, sizeof(f->segment_id), "%.*s", Min(seg->id.len, 3), seg->id.s);
	f->transaction = transaction;
	f->nchildren = 0;
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
	for (i = 0; i < (int) lengthof(required); i++)
	{
		bool		seen = false;

		if (strcmp(required[i].parent, f->id) != 0)
			continue;
		for (k = 0; k < f->nchildren; k++)
			if (strcmp(f->children[k].id, required[i].child) == 0)
				seen = true;
		if (!seen)
			add_problem(s, X12P_LOOP_MISSING, f->file_segment, f->segment_no, f->segment_id, f->transaction,
						psprintf("loop %s (at its %s) has no %s loop (%s), which it requires", f->id, f->segment_id,
								 required[i].child, required[i].opened_by));
	}
}
