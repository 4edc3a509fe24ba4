/*
 * x837.h
 *	  The X12 837 reader (claim_837.c): 837P (005010X222) and 837I
 *	  (005010X223) transactions read claim by claim into the claim
 *	  contract's fields, each value with the segment and element it came
 *	  from.  The loops (HL hierarchy 2000A/B/C, 2300, 2400 and their
 *	  sub-loops) and the elements each field comes from are tables.
 */
#ifndef CLEANCLAIM_X837_H
#define CLEANCLAIM_X837_H

#include "postgres.h"

#include "claim/claim.h"
#include "x12/x12.h"

#define X837_MAX_DIAGNOSES 25	/* 12 per HI segment; the 837I allows 25 */
#define X837_MAX_MODIFIERS 4
#define X837_MAX_POINTERS 4

/* A value of the file: its text and where it sits. */
typedef struct X837Value
{
	X12Str		s;				/* len 0: absent */
	int64		segment;		/* the segment's position in its transaction (ST is 1) */
	int16		element;		/* 1-based */
	int16		component;		/* 1-based, 0 for the whole element */
	int8		level;			/* the loop level that set it (what a new HL clears) */
	char		segment_id[4];
} X837Value;

typedef struct X837Line
{
	X837Value	f[LINE_FIELD_COUNT];
	X837Value	modifiers[X837_MAX_MODIFIERS];
	int			nmodifiers;
	X837Value	pointers[X837_MAX_POINTERS];
	int			npointers;
	int64		lx_segment;		/* its LX */
} X837Line;

typedef struct X837Claim
{
	X837Value	f[CLAIM_FIELD_COUNT];
	X837Value	diagnoses[X837_MAX_DIAGNOSES];
	X12Str		diagnosis_qualifiers[X837_MAX_DIAGNOSES];	/* ABK, ABF, BK, ... */
	int			ndiagnoses;
	X837Value	procedures[X837_MAX_DIAGNOSES]; /* ICD-10-PCS (837I HI*BBR, BBQ) */
	int			nprocedures;
	X837Line   *lines;
	int			nlines;
	int			maxlines;
	bool		institutional;
	/* where it came from */
	X12Str		interchange_control;	/* ISA13 */
	X12Str		group_control;	/* GS06 */
	X12Str		transaction_control;	/* ST02 */
	X12Str		version;		/* GS08 (ST03 when given) */
	int64		clm_segment;	/* CLM's position in its transaction */
	int64		clm_file_segment;	/* and in the file */
	char		hl_path[48];	/* the HL ids of 2000A/2000B/2000C: "1/2/3" */
} X837Claim;

typedef struct X837Reader X837Reader;

/* The loops the reader has open, as x837_loops.c checks them. */
#define X837_LOOP_DEPTH 12
#define X837_LOOP_CHILDREN 24

/* The segments of a loop, in order (x837_loops.c). */
#define X837_SEQUENCE_MAX 24

typedef struct X837SegmentSequence
{
	int			n;
	char		ids[X837_SEQUENCE_MAX][4];
	uint32		keys[X837_SEQUENCE_MAX];	/* x12_segment_key() of each */
	bool		required[X837_SEQUENCE_MAX];
} X837SegmentSequence;

/* What the checks know of a loop of one variant, worked out once (x837_loop_shape()). */
#define X837_REQUIRED_MAX 4

typedef struct X837LoopShape
{
	const char *id;
	const X837SegmentSequence *sequence;	/* NULL: not checked */
	int			max;			/* times it may stand in its parent; 0: no limit */
	int			nrequired;		/* the loops it requires (rows of x837_loops.c's table) */
	int16		required[X837_REQUIRED_MAX];
} X837LoopShape;

typedef struct X837LoopFrame
{
	const X837LoopShape *shape;
	const char *id;
	int64		file_segment;	/* the segment that opened it */
	int64		segment_no;
	char		segment_id[4];
	X12Str		transaction;
	const X837SegmentSequence *sequence;	/* NULL: not checked */
	int			position;		/* where the last segment stood in it */
	uint64		seen;			/* the sequence's segments met */
	int			nchildren;
	struct
	{
		const X837LoopShape *shape;
		int			count;
	}			children[X837_LOOP_CHILDREN];
} X837LoopFrame;

typedef struct X837LoopState
{
	MemoryContext cxt;
	X837LoopFrame frames[X837_LOOP_DEPTH];
	int			nproblems;
	int			maxproblems;
	X12Problem *problems;
} X837LoopState;

/* The shape of loop id in the 837P or the 837I (the same pointer for the same loop, always). */
extern const X837LoopShape *x837_loop_shape(const char *id, bool institutional);
/* A loop opened at depth (its parent at depth - 1), and the one at depth closed. */
extern void x837_loops_enter(X837LoopState *s, int depth, const X837LoopShape *shape, const X12Segment *seg,
							 int64 st_number, X12Str transaction);
extern void x837_loops_close(X837LoopState *s, int depth);
/* A segment of the loop at depth that opens none: its order and its loop. */
extern void x837_loops_segment(X837LoopState *s, int depth, const X12Segment *seg, int64 st_number,
							   X12Str transaction);
/* The loop problems met so far (all of them once x837_next_claim() returned NULL). */
extern int	x837_loop_problems(const X837Reader *r, const X12Problem **problems);

/* check_loops: keep the loops' problems (validate_837, ack_999), at some cost per loop */
extern X837Reader *x837_begin(const char *data, int64 len, bool check_loops);
/* Check the envelope too, in the same pass (before the first x837_next_claim()). */
extern void x837_check_envelope(X837Reader *r, const X12EnvelopeRules *rules);
/* Its problems, in file order (all of them once x837_next_claim() returned NULL). */
extern int	x837_envelope_problems(const X837Reader *r, const X12Problem **problems);
/* The next claim of the file (allocated in the current memory context), or NULL at its end. */
extern X837Claim *x837_next_claim(X837Reader *r);
/* The claim in the rules' claim model, straight from the file (x837_model.c). */
extern Claim *x837_claim_model(const X837Claim *c);
/* The claim as jsonb in the claim contract (x837_jsonb.c). */
extern Jsonb *x837_claim_jsonb(const X837Claim *c);
/*
 * Where the value an issue names sits in the file: the field (a claim field,
 * or a line field of line line_no), the value when the field is a list.  A
 * field the claim lacks is placed at the segment that would hold it: the CLM
 * (or, for a line, its LX), with element 0.
 */
extern X837Value x837_locate(const X837Claim *c, const char *field, int line_no, const char *value);
/* The 837 as the envelope check needs it: the versions read, the segments an 837 has. */
extern bool x837_version_supported(X12Str transaction, X12Str version);
extern bool x837_segment_known(X12Str transaction, uint32 segment_key);
/* The elements of a segment: required, length, codes (x837_elements.c). */
extern void x837_check_elements(X12Str transaction, const X12Segment *seg, X12ElementReport report, void *arg);
/* An interchange whose composites use another component separator than its ISA16. */
typedef struct X837SeparatorSlip
{
	int64		isa_segment;	/* the ISA's position in the file */
	char		declared;
	char		used;
} X837SeparatorSlip;

/* The slips met so far (all of them once x837_next_claim() returned NULL). */
extern int	x837_separator_slips(const X837Reader *r, const X837SeparatorSlip **slips);
/* The separators of the interchange the last claim came from. */
extern X12Separators x837_separators(const X837Reader *r);

#endif							/* CLEANCLAIM_X837_H */
