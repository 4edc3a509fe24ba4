/*
 * claim_837.c
 *	  Read X12 837 claims: 837P (005010X222, with its errata A1, A2) and 837I
 *	  (005010X223, A1-A3), claim by claim, into the claim contract's fields.
 *
 * Two tables drive it.  loops[] says where each loop starts: the segment
 * that opens it (with the qualifier that tells it apart: NM1*85 opens
 * 2010AA, NM1*82 opens 2310B in an 837P and 2310D in an 837I) and the loop
 * it nests in.  A segment that opens a loop nested in the current loop, or
 * in one of the loops around it, closes the loops inside that one and opens
 * its own; any other segment belongs to the current loop.  So the HL
 * hierarchy (2000A billing provider, 2000B subscriber, 2000C patient) is
 * followed by its level codes, not by the HL parent ids, which real files
 * get wrong: a claim is placed where it stands.  maps[] says which element
 * of which segment in which loop is which field of the contract.
 *
 * Values are kept as slices of the file with their position (segment in
 * the transaction, element, component).  A claim takes the billing
 * provider, subscriber and patient values of the loops above its CLM; a new
 * HL clears those of its level and below.  A claim ends where its 2300 loop
 * closes: at the next CLM, HL, SE or the end of the file.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "claim/claim.h"
#include "claim/x837.h"
#include "x12/x12.h"

/* Which transactions a table row applies to. */
#define V_P 1					/* 837P */
#define V_I 2					/* 837I */
#define V_BOTH (V_P | V_I)

/* The level of a loop: what its values belong to, and what a new HL clears. */
typedef enum Level
{
	LV_HEADER,					/* the transaction: BHT, submitter, receiver */
	LV_BILLING,					/* 2000A */
	LV_SUBSCRIBER,				/* 2000B */
	LV_PATIENT,					/* 2000C */
	LV_CLAIM,					/* 2300 and its sub-loops */
	LV_LINE						/* 2400 and its sub-loops */
} Level;

typedef struct LoopDef
{
	const char *id;
	const char *parent;
	const char *segment;		/* the segment that opens it */
	int			qual_element;	/* the element its codes are in, 0 for any */
	const char *codes;			/* space-separated */
	uint8		variants;
	Level		level;
} LoopDef;

static const LoopDef loops[] = {
	{"ST", NULL, "ST", 0, NULL, V_BOTH, LV_HEADER},
	{"1000A", "ST", "NM1", 1, "41", V_BOTH, LV_HEADER},
	{"1000B", "ST", "NM1", 1, "40", V_BOTH, LV_HEADER},
	{"2000A", "ST", "HL", 3, "20", V_BOTH, LV_BILLING},
	{"2010AA", "2000A", "NM1", 1, "85", V_BOTH, LV_BILLING},
	{"2010AB", "2000A", "NM1", 1, "87", V_BOTH, LV_BILLING},
	{"2010AC", "2000A", "NM1", 1, "PE", V_BOTH, LV_BILLING},
	{"2000B", "2000A", "HL", 3, "22", V_BOTH, LV_SUBSCRIBER},
	{"2010BA", "2000B", "NM1", 1, "IL", V_BOTH, LV_SUBSCRIBER},
	{"2010BB", "2000B", "NM1", 1, "PR", V_BOTH, LV_SUBSCRIBER},
	{"2000C", "2000B", "HL", 3, "23", V_BOTH, LV_PATIENT},
	{"2010CA", "2000C", "NM1", 1, "QC", V_BOTH, LV_PATIENT},
	{"2300", "2000B", "CLM", 0, NULL, V_BOTH, LV_CLAIM},
	{"2300", "2000C", "CLM", 0, NULL, V_BOTH, LV_CLAIM},
	/* 837P claim providers */
	{"2310A", "2300", "NM1", 1, "DN P3", V_P, LV_CLAIM},
	{"2310B", "2300", "NM1", 1, "82", V_P, LV_CLAIM},
	{"2310C", "2300", "NM1", 1, "77", V_P, LV_CLAIM},
	{"2310D", "2300", "NM1", 1, "DQ", V_P, LV_CLAIM},
	{"2310E", "2300", "NM1", 1, "PW", V_P, LV_CLAIM},
	{"2310F", "2300", "NM1", 1, "45", V_P, LV_CLAIM},
	/* 837I claim providers */
	{"2310A", "2300", "NM1", 1, "71", V_I, LV_CLAIM},
	{"2310B", "2300", "NM1", 1, "72", V_I, LV_CLAIM},
	{"2310C", "2300", "NM1", 1, "ZZ", V_I, LV_CLAIM},
	{"2310D", "2300", "NM1", 1, "82", V_I, LV_CLAIM},
	{"2310E", "2300", "NM1", 1, "77", V_I, LV_CLAIM},
	{"2310F", "2300", "NM1", 1, "DN", V_I, LV_CLAIM},
	/* other subscribers (coordination of benefits) and their names */
	{"2320", "2300", "SBR", 0, NULL, V_BOTH, LV_CLAIM},
	{"2330", "2320", "NM1", 0, NULL, V_BOTH, LV_CLAIM},
	{"2400", "2300", "LX", 0, NULL, V_BOTH, LV_LINE},
	{"2410", "2400", "LIN", 0, NULL, V_BOTH, LV_LINE},
	/* 837P line providers */
	{"2420A", "2400", "NM1", 1, "82", V_P, LV_LINE},
	{"2420B", "2400", "NM1", 1, "QB", V_P, LV_LINE},
	{"2420C", "2400", "NM1", 1, "77", V_P, LV_LINE},
	{"2420D", "2400", "NM1", 1, "DQ", V_P, LV_LINE},
	{"2420E", "2400", "NM1", 1, "DK", V_P, LV_LINE},
	{"2420F", "2400", "NM1", 1, "DN P3", V_P, LV_LINE},
	{"2420G", "2400", "NM1", 1, "PW", V_P, LV_LINE},
	{"2420H", "2400", "NM1", 1, "45", V_P, LV_LINE},
	/* 837I line providers */
	{"2420A", "2400", "NM1", 1, "72", V_I, LV_LINE},
	{"2420B", "2400", "NM1", 1, "ZZ", V_I, LV_LINE},
	{"2420C", "2400", "NM1", 1, "82", V_I, LV_LINE},
	{"2420D", "2400", "NM1", 1, "DN", V_I, LV_LINE},
	{"2430", "2400", "SVD", 0, NULL, V_BOTH, LV_LINE},
	{"2440", "2400", "LQ", 0, NULL, V_BOTH, LV_LINE},
};

/* How a mapped element becomes a value. */
typedef enum Conv
{
	C_TEXT,						/* the element (or component) as it is */
	C_DATE,						/* a D8 date (CCYYMMDD), or the start of an RD8 range */
	C_DATE_RANGE,				/* an RD8 range (or D8) into the field and the next one */
	C_CLM05,					/* facility code or place of service, and frequency */
	C_HI,						/* diagnoses and ICD-10-PCS procedures, every element */
	C_PROCEDURE,				/* HC:code:modifiers... */
	C_POINTERS					/* SV107: up to four diagnosis pointers */
} Conv;

typedef struct FieldMap
{
	const char *loop;
	const char *segment;
	int			qual_element;	/* 0: no qualifier */
	const char *codes;
	int			element;
	int			component;		/* 0: the whole element */
	int			field;			/* ClaimFieldId, or LineFieldId when line */
	bool		line;
	Conv		conv;
	uint8		variants;
} FieldMap;

static const FieldMap maps[] = {
	{"ST", "BHT", 0, NULL, 4, 0, CF_SUBMITTED_ON, false, C_DATE, V_BOTH},
	{"2000A", "PRV", 1, "BI", 3, 0, CF_BILLING_TAXONOMY, false, C_TEXT, V_BOTH},
	{"2010AA", "NM1", 8, "XX", 9, 0, CF_BILLING_NPI, false, C_TEXT, V_BOTH},
	{"2010AA", "N3", 0, NULL, 1, 0, CF_BILLING_ADDRESS, false, C_TEXT, V_BOTH},
	{"2010AA", "N4", 0, NULL, 1, 0, CF_BILLING_CITY, false, C_TEXT, V_BOTH},
	{"2010AA", "N4", 0, NULL, 2, 0, CF_BILLING_STATE, false, C_TEXT, V_BOTH},
	{"2010AA", "N4", 0, NULL, 3, 0, CF_BILLING_ZIP, false, C_TEXT, V_BOTH},
	{"2010AA", "REF", 1, "EI SY", 2, 0, CF_BILLING_TAX_ID, false, C_TEXT, V_BOTH},
	{"2000B", "SBR", 0, NULL, 2, 0, CF_PATIENT_RELATIONSHIP, false, C_TEXT, V_BOTH},
	{"2010BA", "NM1", 0, NULL, 3, 0, CF_SUBSCRIBER_LAST_NAME, false, C_TEXT, V_BOTH},
	{"2010BA", "NM1", 0, NULL, 4, 0, CF_SUBSCRIBER_FIRST_NAME, false, C_TEXT, V_BOTH},
	{"2010BA", "NM1", 0, NULL, 9, 0, CF_MEMBER_ID, false, C_TEXT, V_BOTH},
	{"2010BA", "DMG", 1, "D8", 2, 0, CF_PATIENT_BIRTH_DATE, false, C_DATE, V_BOTH},
	{"2010BA", "DMG", 0, NULL, 3, 0, CF_PATIENT_SEX, false, C_TEXT, V_BOTH},
	{"2010BB", "NM1", 0, NULL, 9, 0, CF_PAYER_ID, false, C_TEXT, V_BOTH},
	{"2000C", "PAT", 0, NULL, 1, 0, CF_PATIENT_RELATIONSHIP, false, C_TEXT, V_BOTH},
	{"2010CA", "NM1", 0, NULL, 3, 0, CF_PATIENT_LAST_NAME, false, C_TEXT, V_BOTH},
	{"2010CA", "NM1", 0, NULL, 4, 0, CF_PATIENT_FIRST_NAME, false, C_TEXT, V_BOTH},
	{"2010CA", "DMG", 1, "D8", 2, 0, CF_PATIENT_BIRTH_DATE, false, C_DATE, V_BOTH},
	{"2010CA", "DMG", 0, NULL, 3, 0, CF_PATIENT_SEX, false, C_TEXT, V_BOTH},
	{"2300", "CLM", 0, NULL, 1, 0, CF_CLAIM_ID, false, C_TEXT, V_BOTH},
	{"2300", "CLM", 0, NULL, 2, 0, CF_TOTAL_CHARGE, false, C_TEXT, V_BOTH},
	{"2300", "CLM", 0, NULL, 5, 0, CF_FREQUENCY_CODE, false, C_CLM05, V_BOTH},
	{"2300", "REF", 1, "F8", 2, 0, CF_ORIGINAL_CLAIM_ID, false, C_TEXT, V_BOTH},
	{"2300", "REF", 1, "G1", 2, 0, CF_PRIOR_AUTH, false, C_TEXT, V_BOTH},
	{"2300", "DTP", 1, "435", 3, 0, CF_ADMISSION_DATE, false, C_DATE, V_I},
	{"2300", "DTP", 1, "434", 3, 0, CF_SERVICE_FROM, false, C_DATE_RANGE, V_I},
	{"2300", "CL1", 0, NULL, 1, 0, CF_ADMISSION_TYPE, false, C_TEXT, V_I},
	{"2300", "CL1", 0, NULL, 2, 0, CF_ADMISSION_SOURCE, false, C_TEXT, V_I},
	{"2300", "CL1", 0, NULL, 3, 0, CF_DISCHARGE_STATUS, false, C_TEXT, V_I},
	{"2300", "HI", 0, NULL, 1, 0, CF_DIAGNOSES, false, C_HI, V_BOTH},
	{"2310A", "NM1", 8, "XX", 9, 0, CF_REFERRING_NPI, false, C_TEXT, V_P},
	{"2310B", "NM1", 8, "XX", 9, 0, CF_RENDERING_NPI, false, C_TEXT, V_P},
	{"2310A", "NM1", 8, "XX", 9, 0, CF_ATTENDING_NPI, false, C_TEXT, V_I},
	{"2310D", "NM1", 8, "XX", 9, 0, CF_RENDERING_NPI, false, C_TEXT, V_I},
	{"2310F", "NM1", 8, "XX", 9, 0, CF_REFERRING_NPI, false, C_TEXT, V_I},
	{"2400", "LX", 0, NULL, 1, 0, LF_LINE_NO, true, C_TEXT, V_BOTH},
	{"2400", "SV1", 0, NULL, 1, 0, LF_PROCEDURE, true, C_PROCEDURE, V_P},
	{"2400", "SV1", 0, NULL, 2, 0, LF_CHARGE, true, C_TEXT, V_P},
	{"2400", "SV1", 0, NULL, 4, 0, LF_UNITS, true, C_TEXT, V_P},
	{"2400", "SV1", 0, NULL, 5, 0, LF_PLACE_OF_SERVICE, true, C_TEXT, V_P},
	{"2400", "SV1", 0, NULL, 7, 0, LF_DX_POINTERS, true, C_POINTERS, V_P},
	{"2400", "SV2", 0, NULL, 1, 0, LF_REVENUE_CODE, true, C_TEXT, V_I},
	{"2400", "SV2", 0, NULL, 2, 0, LF_PROCEDURE, true, C_PROCEDURE, V_I},
	{"2400", "SV2", 0, NULL, 3, 0, LF_CHARGE, true, C_TEXT, V_I},
	{"2400", "SV2", 0, NULL, 5, 0, LF_UNITS, true, C_TEXT, V_I},
	{"2400", "DTP", 1, "472", 3, 0, LF_SERVICE_DATE, true, C_DATE, V_BOTH},
	{"2410", "LIN", 2, "N4", 3, 0, LF_NDC, true, C_TEXT, V_BOTH},
	{"2410", "CTP", 0, NULL, 4, 0, LF_NDC_UNITS, true, C_TEXT, V_BOTH},
	{"2420A", "NM1", 8, "XX", 9, 0, LF_RENDERING_NPI, true, C_TEXT, V_P},
	{"2420C", "NM1", 8, "XX", 9, 0, LF_RENDERING_NPI, true, C_TEXT, V_I},
};

#define MAX_DEPTH 12

struct X837Reader
{
	X12Reader	x;
	MemoryContext cxt;			/* the reader's own state */
	MemoryContext handed_out;	/* the context of the claim returned last */
	MemoryContext spare;		/* an emptied claim context, for the next claim */
	uint8		variant;		/* of the transaction being read; 0 outside one we read */
	int64		st_number;		/* the ST's position in the file */
	X12Str		isa13,
				gs06,
				gs08,
				st02,
				version;
	int16		stack[MAX_DEPTH];	/* rows of loops[] */
	int			depth;
	X837Claim	context;		/* header, billing provider, subscriber, patient values */
	X837Claim  *claim;			/* the claim being read (in claim_cxt) */
	MemoryContext claim_cxt;
	X837Line   *line;
	X12Str		hl_ids[3];
	X837Claim  *ready;			/* a claim read to its end */
	MemoryContext ready_cxt;
	int64		isa_number;		/* the current interchange's ISA, in the file */
	X837LoopState loop_checks;
	bool		check_loops;
	X12Envelope *envelope;		/* checked on the way, when asked (x837_check_envelope()) */
	X12Problem *envelope_problems;
	int			nenvelope_problems;
	bool		at_end;
	int			nslips;
	int			maxslips;
	X837SeparatorSlip *slips;
};

/* ----- the tables, indexed by segment id once ----- */

#define NUM_LOOPS lengthof(loops)
#define NUM_MAPS lengthof(maps)

/*
 * The tables as numbers, worked out once: each loop's id and parent as the
 * index of the first row with that id (its code), each map's loop as a
 * code, and for each segment id the rows that can open a loop and the maps
 * that read it.  The per-segment work is then integer comparisons over a
 * handful of rows.
 */
#define MAX_KEYS 32
#define MAX_PER_KEY 48

typedef struct KeyRows
{
	uint32		key;
	int			nloops;
	int16		loops[MAX_PER_KEY];
	int			nmaps;
	int16		maps[MAX_PER_KEY];
} KeyRows;

static int16 loop_code[NUM_LOOPS];
static int16 parent_code[NUM_LOOPS];
static int16 map_loop_code[NUM_MAPS];
static const X837LoopShape *loop_shape[NUM_LOOPS][2];	/* [row][institutional] */
static KeyRows key_rows[MAX_KEYS];
static int	nkeys;
static int16 code_2300,
			code_2400;
static bool tables_indexed = false;

static int16
code_of(const char *id)
{
	int			i;

	for (i = 0; i < (int) NUM_LOOPS; i++)
		if (strcmp(loops[i].id, id) == 0)
			return (int16) i;
	elog(ERROR, "cleanclaim: the 837 loop table has no loop %s", id);
	return -1;
}

static KeyRows *
rows_of(uint32 key, bool add)
{
	int			i;

	for (i = 0; i < nkeys; i++)
		if (key_rows[i].key == key)
			return &key_rows[i];
	if (!add)
		return NULL;
	if (nkeys == MAX_KEYS)
		elog(ERROR, "cleanclaim: the 837 tables have more than %d segment ids", MAX_KEYS);
	key_rows[nkeys].key = key;
	return &key_rows[nkeys++];
}

static void
index_tables(void)
{
	int			i;

	nkeys = 0;
	for (i = 0; i < (int) NUM_LOOPS; i++)
	{
		loop_code[i] = code_of(loops[i].id);
		parent_code[i] = loops[i].parent ? code_of(loops[i].parent) : -1;
		loop_shape[i][0] = x837_loop_shape(loops[i].id, false);
		loop_shape[i][1] = x837_loop_shape(loops[i].id, true);
		if (i > 0)
		{
			KeyRows    *k = rows_of(x12_literal_key(loops[i].segment), true);

			if (k->nloops == MAX_PER_KEY)
				elog(ERROR, "cleanclaim: too many 837 loops open with %s", loops[i].segment);
			k->loops[k->nloops++] = (int16) i;
		}
	}
	for (i = 0; i < (int) NUM_MAPS; i++)
	{
		KeyRows    *k = rows_of(x12_literal_key(maps[i].segment), true);

		map_loop_code[i] = code_of(maps[i].loop);
		if (k->nmaps == MAX_PER_KEY)
			elog(ERROR, "cleanclaim: too many 837 maps read %s", maps[i].segment);
		k->maps[k->nmaps++] = (int16) i;
	}
	code_2300 = code_of("2300");
	code_2400 = code_of("2400");
	tables_indexed = true;
}

/* ----- values ----- */

static inline void
set_value(X837Value *v, X12Str s, const X837Reader *r, const X12Segment *seg, int element, int component,
		  Level level)
{
	v->s = s;
	v->segment = seg->number - r->st_number + 1;
	v->element = (int16) element;
	v->component = (int16) component;
	v->level = (int8) level;
	memcpy(v->segment_id, seg->id.s, Min(seg->id.len, 3));
	v->segment_id[Min(seg->id.len, 3)] = '\0';
}

/* The target of a claim-level value: the claim inside 2300, else the context above it. */
static inline X837Claim *
target_claim(X837Reader *r, Level level)
{
	return level >= LV_CLAIM ? r->claim : &r->context;
}

static void
clear_levels(X837Claim *c, Level from)
{
	int			i;

	for (i = 0; i < CLAIM_FIELD_COUNT; i++)
		if (c->f[i].s.len > 0 && (int) c->f[i].level >= (int) from)
			memset(&c->f[i], 0, sizeof(X837Value));
}

/* An element's value split at '-' (an RD8 range): the part before, or after. */
static X12Str
range_part(X12Str s, bool second)
{
	const char *dash = memchr(s.s, '-', s.len);
	X12Str		out = s;

	if (dash == NULL)
		return s;
	if (!second)
		out.len = (int) (dash - s.s);
	else
	{
		out.s = dash + 1;
		out.len = s.len - (int) (dash + 1 - s.s);
	}
	return out;
}

/* The component separator as the interchange uses it; a slip is kept for validate_837(). */
static void
settle_component_separator(X837Reader *r, X12Str composite)
{
	char		declared;
	X837SeparatorSlip *slip;

	if (!x12_settle_component_separator(&r->x, composite, &declared))
		return;
	if (r->nslips == r->maxslips)
	{
		r->maxslips = r->maxslips ? r->maxslips * 2 : 4;
		r->slips = r->slips ? repalloc(r->slips, r->maxslips * sizeof(X837SeparatorSlip))
			: MemoryContextAlloc(r->cxt, r->maxslips * sizeof(X837SeparatorSlip));
	}
	slip = &r->slips[r->nslips++];
	slip->isa_segment = r->isa_number;
	slip->declared = declared;
	slip->used = r->x.sep.component;
}

static void
read_hi(X837Reader *r, const X12Segment *seg, X837Claim *c)
{
	char		csep = r->x.sep.component;
	int			i;

	for (i = 1; i <= seg->nelements && i <= 12; i++)
	{
		X12Str		el = x12_element(seg, i);
		X12Str		qual = x12_component(el, csep, 1);
		X12Str		code = x12_component(el, csep, 2);

		if (code.len == 0)
			continue;
		if ((x12_str_is(qual, "ABK") || x12_str_is(qual, "ABF") || x12_str_is(qual, "BK") || x12_str_is(qual, "BF")) &&
			c->ndiagnoses < X837_MAX_DIAGNOSES)
		{
			c->diagnosis_qualifiers[c->ndiagnoses] = qual;
			set_value(&c->diagnoses[c->ndiagnoses++], code, r, seg, i, 2, LV_CLAIM);
		}
		else if ((x12_str_is(qual, "BBR") || x12_str_is(qual, "BBQ")) && c->nprocedures < X837_MAX_DIAGNOSES)
			set_value(&c->procedures[c->nprocedures++], code, r, seg, i, 2, LV_CLAIM);
	}
}

/* CLM05: facility code (837I) or place of service (837P), and the frequency. */
static void
read_clm05(X837Reader *r, const X12Segment *seg, X837Claim *c)
{
	X12Str		el = x12_element(seg, 5);
	X12Str		first = x12_component(el, r->x.sep.component, 1);
	X12Str		freq = x12_component(el, r->x.sep.component, 3);

	if (freq.len > 0)
		set_value(&c->f[CF_FREQUENCY_CODE], freq, r, seg, 5, 3, LV_CLAIM);
	if (first.len == 0)
		return;
	if (r->variant == V_P)
		set_value(&c->f[CF_PLACE_OF_SERVICE], first, r, seg, 5, 1, LV_CLAIM);
	else
	{
		/* the type of bill: facility type and classification, then the frequency */
		X12Str		tob;
		char	   *s = MemoryContextAlloc(r->claim_cxt, first.len + freq.len + 1);

		memcpy(s, first.s, first.len);
		memcpy(s + first.len, freq.s, freq.len);
		s[first.len + freq.len] = '\0';
		tob.s = s;
		tob.len = first.len + freq.len;
		set_value(&c->f[CF_TYPE_OF_BILL], tob, r, seg, 5, 1, LV_CLAIM);
	}
}

/* SV101 / SV202: qualifier:code:modifier... */
static void
read_procedure(X837Reader *r, const X12Segment *seg, int element, X837Line *line)
{
	X12Str		parts[X12_MAX_COMPONENTS];
	int			n = x12_components(x12_element(seg, element), r->x.sep.component, parts, X12_MAX_COMPONENTS);
	int			i;

	if (n >= 2 && parts[1].len > 0)
		set_value(&line->f[LF_PROCEDURE], parts[1], r, seg, element, 2, LV_LINE);
	for (i = 2; i < n && i < 6; i++)
		if (parts[i].len > 0 && line->nmodifiers < X837_MAX_MODIFIERS)
			set_value(&line->modifiers[line->nmodifiers++], parts[i], r, seg, element, i + 1, LV_LINE);
}

static void
read_pointers(X837Reader *r, const X12Segment *seg, int element, X837Line *line)
{
	X12Str		parts[X837_MAX_POINTERS];
	int			n = x12_components(x12_element(seg, element), r->x.sep.component, parts, X837_MAX_POINTERS);
	int			i;

	for (i = 0; i < n; i++)
		if (parts[i].len > 0)
			set_value(&line->pointers[line->npointers++], parts[i], r, seg, element, i + 1, LV_LINE);
}

static void
apply_map(X837Reader *r, const X12Segment *seg, const FieldMap *m, Level level)
{
	X12Str		el = x12_element(seg, m->element);
	X837Claim  *c = m->line ? NULL : target_claim(r, level);

	if (m->line ? r->line == NULL : c == NULL)
		return;
	switch (m->conv)
	{
		case C_TEXT:
			if (m->component > 0)
				el = x12_component(el, r->x.sep.component, m->component);
			if (el.len > 0)
			{
				if (m->line)
					set_value(&r->line->f[m->field], el, r, seg, m->element, m->component, level);
				else
					set_value(&c->f[m->field], el, r, seg, m->element, m->component, level);
			}
			break;
		case C_DATE:
			el = range_part(el, false);
			if (el.len == 12)
				el.len = 8;		/* DT: CCYYMMDDHHMM, the date of a date and time */
			if (el.len > 0)
			{
				if (m->line)
					set_value(&r->line->f[m->field], el, r, seg, m->element, 0, level);
				else
					set_value(&c->f[m->field], el, r, seg, m->element, 0, level);
			}
			break;
		case C_DATE_RANGE:
			if (el.len > 0)
			{
				set_value(&c->f[m->field], range_part(el, false), r, seg, m->element, 0, level);
				set_value(&c->f[m->field + 1], range_part(el, true), r, seg, m->element, 0, level);
			}
			break;
		case C_CLM05:
			settle_component_separator(r, el);
			read_clm05(r, seg, c);
			break;
		case C_HI:
			settle_component_separator(r, el);
			read_hi(r, seg, c);
			break;
		case C_PROCEDURE:
			settle_component_separator(r, el);
			read_procedure(r, seg, m->element, r->line);
			break;
		case C_POINTERS:
			read_pointers(r, seg, m->element, r->line);
			break;
	}
}

static void
apply_maps(X837Reader *r, const X12Segment *seg, const KeyRows *rows)
{
	int			here = r->stack[r->depth - 1];
	int			i;

	for (i = 0; i < rows->nmaps; i++)
	{
		int			j = rows->maps[i];
		const FieldMap *m = &maps[j];

		if (map_loop_code[j] != loop_code[here] || !(m->variants & r->variant))
			continue;
		if (m->qual_element > 0 && !x12_is_one_of(x12_element(seg, m->qual_element), m->codes))
			continue;
		apply_map(r, seg, m, loops[here].level);
	}
}

/* ----- claims ----- */

/* The claim's first and last service dates from its lines, when the 837 gives them there (837P). */
static void
dates_from_lines(X837Claim *c)
{
	int			i;

	if (c->f[CF_SERVICE_FROM].s.len > 0)
		return;
	for (i = 0; i < c->nlines; i++)
	{
		X837Value  *d = &c->lines[i].f[LF_SERVICE_DATE];
		X837Value  *from = &c->f[CF_SERVICE_FROM];
		X837Value  *to = &c->f[CF_SERVICE_TO];

		if (d->s.len == 0)
			continue;
		if (from->s.len == 0 || (d->s.len == from->s.len && memcmp(d->s.s, from->s.s, d->s.len) < 0))
			*from = *d;
		if (to->s.len == 0 || (d->s.len == to->s.len && memcmp(d->s.s, to->s.s, d->s.len) > 0))
			*to = *d;
	}
}

static void
finish_claim(X837Reader *r)
{
	if (r->claim == NULL)
		return;
	dates_from_lines(r->claim);
	Assert(r->ready == NULL);
	r->ready = r->claim;
	r->ready_cxt = r->claim_cxt;
	r->claim = NULL;
	r->claim_cxt = NULL;
	r->line = NULL;
}

static void
start_claim(X837Reader *r, const X12Segment *seg)
{
	X837Claim  *c;
	int			i;

	if (r->spare != NULL)
	{
		r->claim_cxt = r->spare;
		r->spare = NULL;
	}
	else
		r->claim_cxt = AllocSetContextCreate(r->cxt, "cleanclaim 837 claim", ALLOCSET_DEFAULT_SIZES);
	c = MemoryContextAlloc(r->claim_cxt, sizeof(X837Claim));
	memcpy(c->f, r->context.f, sizeof(c->f));
	c->ndiagnoses = c->nprocedures = c->nlines = c->maxlines = 0;
	c->lines = NULL;
	c->institutional = r->variant == V_I;
	c->interchange_control = r->isa13;
	c->group_control = r->gs06;
	c->transaction_control = r->st02;
	c->version = r->version;
	c->clm_segment = seg->number - r->st_number + 1;
	c->clm_file_segment = seg->number;
	c->hl_path[0] = '\0';
	for (i = 0; i < 3; i++)
		if (r->hl_ids[i].len > 0)
			snprintf(c->hl_path + strlen(c->hl_path), sizeof(c->hl_path) - strlen(c->hl_path), "%s%.*s",
					 c->hl_path[0] ? "/" : "", Min(r->hl_ids[i].len, 12), r->hl_ids[i].s);
	r->claim = c;
}

static void
start_line(X837Reader *r, const X12Segment *seg)
{
	X837Claim  *c = r->claim;

	if (c == NULL)
		return;
	if (c->nlines == c->maxlines)
	{
		c->maxlines = c->maxlines ? c->maxlines * 2 : 8;
		c->lines = c->lines ? repalloc(c->lines, c->maxlines * sizeof(X837Line))
			: MemoryContextAlloc(r->claim_cxt, c->maxlines * sizeof(X837Line));
	}
	r->line = &c->lines[c->nlines++];
	memset(r->line, 0, sizeof(X837Line));
	r->line->lx_segment = seg->number - r->st_number + 1;
}

/* ----- loops ----- */

static void
pop_to(X837Reader *r, int depth)
{
	while (r->depth > depth)
	{
		int			code;

		if (r->variant != 0 && r->check_loops)
			x837_loops_close(&r->loop_checks, r->depth - 1);
		code = loop_code[r->stack[--r->depth]];

		if (code == code_2300)
			finish_claim(r);
		else if (code == code_2400)
			r->line = NULL;
	}
}

static void
enter_loop(X837Reader *r, int row, const X12Segment *seg)
{
	const LoopDef *l = &loops[row];

	if (r->check_loops)
		x837_loops_enter(&r->loop_checks, r->depth, loop_shape[row][r->variant == V_I], seg, r->st_number, r->st02);
	if (r->depth < MAX_DEPTH)
		r->stack[r->depth++] = (int16) row;
	if (l->segment[0] == 'H' && l->segment[1] == 'L')
	{
		int			level = l->level - LV_BILLING;	/* 0, 1, 2 */
		int			i;

		clear_levels(&r->context, l->level);
		for (i = level; i < 3; i++)
			r->hl_ids[i].len = 0;
		r->hl_ids[level] = x12_element(seg, 1);
	}
	else if (loop_code[row] == code_2300)
		start_claim(r, seg);
	else if (loop_code[row] == code_2400)
		start_line(r, seg);
}

/* Does the segment open a loop nested in the current one or one around it? Then go there. */
static bool
follow_loops(X837Reader *r, const X12Segment *seg, const KeyRows *rows)
{
	int			d;
	int			i;

	for (d = r->depth - 1; d >= 0; d--)
	{
		int			here = loop_code[r->stack[d]];

		for (i = 0; i < rows->nloops; i++)
		{
			int			row = rows->loops[i];
			const LoopDef *l = &loops[row];

			if (parent_code[row] != here || !(l->variants & r->variant))
				continue;
			if (l->qual_element > 0 && !x12_is_one_of(x12_element(seg, l->qual_element), l->codes))
				continue;
			pop_to(r, d + 1);
			enter_loop(r, row, seg);
			return true;
		}
	}
	return false;
}

/* The transaction set's variant from its version: 837P, 837I, or 0 for one we do not read. */
static uint8
variant_of(X12Str version)
{
	if (version.len >= 10 && memcmp(version.s, "005010X222", 10) == 0)
		return V_P;
	if (version.len >= 10 && memcmp(version.s, "005010X223", 10) == 0)
		return V_I;
	return 0;
}

static void
begin_transaction(X837Reader *r, const X12Segment *seg)
{
	pop_to(r, 0);
	r->st_number = seg->number;
	r->st02 = x12_element(seg, 2);
	r->version = x12_element(seg, 3).len > 0 ? x12_element(seg, 3) : r->gs08;
	r->variant = x12_str_is(x12_element(seg, 1), "837") ? variant_of(r->version) : 0;
	memset(&r->context, 0, sizeof(r->context));
	memset(r->hl_ids, 0, sizeof(r->hl_ids));
	r->stack[0] = 0;
	r->depth = 1;
	if (r->variant != 0 && r->check_loops)
		x837_loops_enter(&r->loop_checks, 0, loop_shape[0][r->variant == V_I], seg, r->st_number, r->st02);
}

static void
process_segment(X837Reader *r, const X12Segment *seg)
{
	uint32		key = seg->key;
	const KeyRows *rows;

	if (key == X12_KEY3('I', 'S', 'A'))
	{
		pop_to(r, 0);
		r->isa13 = x12_element(seg, 13);
		r->isa_number = seg->number;
		r->variant = 0;
		return;
	}
	if (key == X12_KEY2('G', 'S'))
	{
		pop_to(r, 0);
		r->gs06 = x12_element(seg, 6);
		r->gs08 = x12_element(seg, 8);
		r->variant = 0;
		return;
	}
	if (key == X12_KEY2('S', 'T'))
	{
		begin_transaction(r, seg);
		return;
	}
	if (key == X12_KEY2('S', 'E') || key == X12_KEY2('G', 'E') || key == X12_KEY3('I', 'E', 'A'))
	{
		pop_to(r, 0);
		r->variant = 0;
		return;
	}
	if (r->variant == 0 || r->depth == 0)
		return;
	rows = rows_of(key, false);
	if ((rows == NULL || !follow_loops(r, seg, rows)) && r->check_loops)
		x837_loops_segment(&r->loop_checks, r->depth - 1, seg, r->st_number, r->st02);
	if (rows != NULL)
		apply_maps(r, seg, rows);
}

/* ----- the API ----- */

X837Reader *
x837_begin(const char *data, int64 len, bool check_loops)
{
	X837Reader *r = palloc0(sizeof(X837Reader));

	if (!tables_indexed)
		index_tables();
	x12_reader_init(&r->x, data, len);
	r->cxt = AllocSetContextCreate(CurrentMemoryContext, "cleanclaim 837 reader", ALLOCSET_DEFAULT_SIZES);
	r->loop_checks.cxt = r->cxt;
	r->check_loops = check_loops;
	return r;
}

X837Claim *
x837_next_claim(X837Reader *r)
{
	X12Segment	seg;

	if (r->handed_out != NULL)
	{
		/* the caller is done with the claim returned last: its memory serves the next */
		MemoryContextReset(r->handed_out);
		if (r->spare == NULL)
			r->spare = r->handed_out;
		else
			MemoryContextDelete(r->handed_out);
		r->handed_out = NULL;
	}
	while (r->ready == NULL)
	{
		if (r->at_end || x12_next_segment(&r->x, &seg) != X12_SEGMENT)
		{
			if (!r->at_end && r->envelope != NULL)
				r->nenvelope_problems = x12_envelope_end(r->envelope, &r->envelope_problems);
			r->at_end = true;
			pop_to(r, 0);		/* a file that ends inside a claim still gives the claim */
			if (r->ready == NULL)
				return NULL;
			break;
		}
		if (r->envelope != NULL)
			x12_envelope_segment(r->envelope, &r->x, &seg);
		process_segment(r, &seg);
	}
	r->handed_out = r->ready_cxt;
	r->ready_cxt = NULL;
	{
		X837Claim  *c = r->ready;

		r->ready = NULL;
		return c;
	}
}

bool
x837_version_supported(X12Str transaction, X12Str version)
{
	return !x12_str_is(transaction, "837") || variant_of(version) != 0;
}

void
x837_check_envelope(X837Reader *r, const X12EnvelopeRules *rules)
{
	MemoryContext old = MemoryContextSwitchTo(r->cxt);

	r->envelope = x12_envelope_begin(rules);
	MemoryContextSwitchTo(old);
}

int
x837_envelope_problems(const X837Reader *r, const X12Problem **problems)
{
	*problems = r->envelope_problems;
	return r->nenvelope_problems;
}

int
x837_loop_problems(const X837Reader *r, const X12Problem **problems)
{
	*problems = r->loop_checks.problems;
	return r->loop_checks.nproblems;
}

int
x837_separator_slips(const X837Reader *r, const X837SeparatorSlip **slips)
{
	*slips = r->slips;
	return r->nslips;
}

X12Separators
x837_separators(const X837Reader *r)
{
	return r->x.sep;
}
