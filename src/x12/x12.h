/*
 * x12.h
 *	  The X12 syntax layer (src/x12): an X12 file cut into segments and
 *	  elements, in place, without copying.  Separators come from the ISA of
 *	  each interchange (element separator ISA's 4th character, repetition
 *	  separator ISA11, component separator ISA16, segment terminator the
 *	  character after ISA16); line breaks after a terminator are skipped.
 *	  Every reader of a transaction (837, 835, 277CA, 999, 271) walks the
 *	  segments this gives it.
 */
#ifndef CLEANCLAIM_X12_H
#define CLEANCLAIM_X12_H

#include "postgres.h"

/* Elements a segment keeps (its id is element 0); CLM, the widest we read, has 20. */
#define X12_MAX_ELEMENTS 40
#define X12_MAX_COMPONENTS 12

typedef struct X12Str
{
	const char *s;
	int			len;
} X12Str;

/* An empty slice: an element that is absent. */
#define X12_NO_STR ((X12Str) {"", 0})

typedef struct X12Separators
{
	char		element;
	char		component;
	char		repetition;		/* '\0' when the ISA has none (versions before 00402) */
	char		segment;
} X12Separators;

/*
 * A segment id as a number: its two or three characters packed into an
 * integer, so that finding a segment in a table is an integer comparison.
 * Ids of another length have no key (X12_NO_KEY).
 */
#define X12_KEY2(a, b) (((uint32) (unsigned char) (a) << 8) | (uint32) (unsigned char) (b))
#define X12_KEY3(a, b, c) (((uint32) (unsigned char) (a) << 16) | X12_KEY2(b, c))
#define X12_NO_KEY 0

static inline uint32
x12_segment_key(X12Str id)
{
	if (id.len == 2)
		return X12_KEY2(id.s[0], id.s[1]);
	if (id.len == 3)
		return X12_KEY3(id.s[0], id.s[1], id.s[2]);
	return X12_NO_KEY;
}

/* The key of a segment id written as a C string ("NM1"). */
static inline uint32
x12_literal_key(const char *id)
{
	X12Str		s = {id, (int) strlen(id)};

	return x12_segment_key(s);
}

typedef struct X12Segment
{
	X12Str		id;				/* "NM1" */
	uint32		key;			/* x12_segment_key(id) */
	int64		offset;			/* where it starts in the file, in bytes */
	int64		number;			/* its position in the file, 1-based */
	int			nelements;		/* elements after the id, as written (may exceed X12_MAX_ELEMENTS) */
	X12Str		el[X12_MAX_ELEMENTS + 1];	/* el[1] .. el[min(nelements, MAX)]; el[0] is the id */
} X12Segment;

typedef enum X12ReadStatus
{
	X12_SEGMENT,				/* a segment was read */
	X12_END,					/* nothing more */
	X12_BAD_ISA					/* an ISA that is not 106 characters of 16 elements: the separators are guesses */
} X12ReadStatus;

typedef struct X12Reader
{
	const char *data;
	int64		len;
	int64		pos;
	int64		segments;		/* read so far */
	X12Separators sep;
	bool		have_separators;	/* from an ISA (or guessed) */
	bool		isa_ok;			/* the current interchange's ISA was well formed */
	bool		component_settled;	/* the interchange's component separator was checked against its use */
} X12Reader;

extern void x12_reader_init(X12Reader *r, const char *data, int64 len);
/* The next segment; an ISA also sets the separators of what follows. */
extern X12ReadStatus x12_next_segment(X12Reader *r, X12Segment *seg);

/* Element i (1-based) of a segment, empty when absent. */
static inline X12Str
x12_element(const X12Segment *seg, int i)
{
	X12Str		none = {"", 0};

	return i >= 1 && i <= seg->nelements && i <= X12_MAX_ELEMENTS ? seg->el[i] : none;
}

/*
 * The component separator the interchange really uses: ISA16, unless its
 * first composite element (a reader passes it: CLM05, SV101, SVC01, ...)
 * has none of it and has the other usual one (':' or '>') instead.  Sample
 * files built from a template ISA do that.  True when the separator was
 * changed (declared: ISA16's), so that the reader can report the slip.
 */
extern bool x12_settle_component_separator(X12Reader *r, X12Str composite, char *declared);

/* The components of an element (at most max); returns how many. */
extern int	x12_components(X12Str element, char separator, X12Str *out, int max);
/* Component i (1-based) of an element, empty when absent. */
extern X12Str x12_component(X12Str element, char separator, int i);

/* Is the value one of the space-separated codes ("20 22 23")? */
extern bool x12_is_one_of(X12Str value, const char *codes);

static inline bool
x12_str_is(X12Str s, const char *literal)
{
	int			n = (int) strlen(literal);

	return s.len == n && memcmp(s.s, literal, n) == 0;
}

/*
 * The envelope of a file, checked (x12_envelope.c): what a 999 would say of
 * its ISA/IEA, GS/GE and ST/SE, and of the segments a transaction set may
 * not have.  The transaction's own knowledge comes in as callbacks.
 */
typedef enum X12ProblemKind
{
	X12P_ISA_INVALID,
	X12P_TRAILER_MISSING,
	X12P_SE_COUNT,
	X12P_GROUP_COUNT,
	X12P_CONTROL_MISMATCH,
	X12P_VERSION_UNSUPPORTED,
	X12P_SEGMENT_UNKNOWN,
	X12P_ELEMENT_MISSING,
	X12P_ELEMENT_TOO_SHORT,
	X12P_ELEMENT_TOO_LONG,
	X12P_CODE_INVALID,
	X12P_LOOP_MISSING,
	X12P_LOOP_REPEAT,
	X12P_SEGMENT_ORDER,			/* out of the loop's order, or after its sub-loops */
	X12P_SEGMENT_UNEXPECTED,	/* an 837 segment, but not of this loop */
	X12P_SEGMENT_MISSING,
	X12P_SEPARATOR_MISMATCH,
	X12P_VALUE_INVALID,			/* an amount that is not a number, a date that is not a date */
	X12P_UNBALANCED				/* an 835's amounts that do not add up */
} X12ProblemKind;

typedef struct X12Problem
{
	X12ProblemKind kind;
	int64		file_segment;	/* the segment's position in the file */
	int64		segment_no;		/* in its transaction set (ST is 1), 0 outside one */
	char		segment_id[4];
	int			element;		/* 0 for the segment as a whole */
	X12Str		transaction_control;	/* ST02 of the transaction set it is in, or empty */
	const char *message;
} X12Problem;

/* How a segment check reports a problem of one of its elements. */
typedef void (*X12ElementReport) (void *arg, X12ProblemKind kind, int element, const char *message);

typedef struct X12EnvelopeRules
{
	/* The versions read, for the message of a version that is not ("005010X221 (835)") */
	const char *versions_read;
	/* Is this version of this transaction set one the caller reads? */
	bool		(*version_supported) (X12Str transaction, X12Str version);
	/* May a transaction set of this kind have a segment of this id (its x12_segment_key)? */
	bool		(*segment_known) (X12Str transaction, uint32 segment_key);
	/* The elements of a segment of a transaction set read: required, length, codes */
	void		(*check_elements) (X12Str transaction, const X12Segment *seg, X12ElementReport report, void *arg);
} X12EnvelopeRules;

/* The problem of a component separator slip (x12_settle_component_separator), at the ISA's 16th element. */
extern X12Problem x12_separator_slip(int64 isa_number, char declared, char used);

/*
 * The check is fed segment by segment, by the reader that walks the file
 * anyway (one pass): begin, each segment as read, end (the problems in file
 * order; returns how many).
 */
typedef struct X12Envelope X12Envelope;

extern X12Envelope *x12_envelope_begin(const X12EnvelopeRules *rules);
extern void x12_envelope_segment(X12Envelope *envelope, const X12Reader *r, const X12Segment *seg);
extern int	x12_envelope_end(X12Envelope *envelope, X12Problem **out);

/*
 * Values (x12_values.c).  An amount (type R) as a whole number of
 * ten-thousandths, so that sums are exact; a date (CCYYMMDD) as a
 * PostgreSQL date.  Both say false for a value that is not one.
 */
#define X12_AMOUNT_SCALE 10000
extern bool x12_parse_amount(X12Str s, int64 *out);
extern bool x12_parse_date(X12Str s, int32 *out);
/* An amount for a message: "-9.00", "1234.5678" */
extern char *x12_amount_text(int64 amount);

/*
 * The elements of a transaction's segments, as a table: required, length,
 * codes, type.  A table lists a segment's elements together.
 */
typedef enum X12ElementType
{
	X12_AN = 0,					/* text (or an id, with codes) */
	X12_R,						/* an amount or quantity */
	X12_DT						/* a date, CCYYMMDD */
} X12ElementType;

typedef struct X12ElementRule
{
	const char *segment;
	int			element;
	bool		required;
	int			min_len;		/* when present */
	int			max_len;
	const char *codes;			/* space-separated, NULL for any */
	X12ElementType type;		/* X12_AN when left out */
} X12ElementRule;

#define X12_MAX_TABLE_SEGMENTS 48

typedef struct X12ElementTable
{
	const X12ElementRule *rules;
	int			nrules;
	/* each segment id's run of rows, found on first use */
	int			nsegments;		/* -1 before */
	uint32		keys[X12_MAX_TABLE_SEGMENTS];
	int			first[X12_MAX_TABLE_SEGMENTS];
	int			count[X12_MAX_TABLE_SEGMENTS];
} X12ElementTable;

#define X12_ELEMENT_TABLE(rules) {(rules), lengthof(rules), -1, {0}, {0}, {0}}

/* Report each element of the segment that breaks its rows of the table. */
extern void x12_check_element_table(X12ElementTable *table, const X12Segment *seg, X12ElementReport report, void *arg);

#endif							/* CLEANCLAIM_X12_H */
