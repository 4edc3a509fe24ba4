/*
 * claim.h
 *	  The claim as the rules see it, whatever form it came in (jsonb, a row or
 *	  composite, a FHIR R4 Claim resource).
 *
 * Every field of the claim contract (DESIGN.md) has a slot holding its state
 * and value.  A field the claim lacks is ABSENT and switches off the rules
 * that need it; a field present but null or empty is MISSING, which the rules
 * that require it report; a value that cannot be read is INVALID and has
 * already been reported as an input problem (code fields excepted: their own
 * rules report them with the reason).
 */
#ifndef CLEANCLAIM_CLAIM_H
#define CLEANCLAIM_CLAIM_H

#include "postgres.h"

#include "access/htup.h"
#include "access/tupdesc.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/date.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

/* Value kinds of the claim contract's fields. */
typedef enum FieldKind
{
	FK_TEXT,
	FK_DATE,
	FK_NUMBER,
	FK_INT,
	FK_NPI,
	FK_HCPCS,
	FK_NDC,
	FK_ICD_LIST,				/* diagnoses: a list of icd10cm */
	FK_TEXT_LIST,				/* modifiers: a list of two-character codes */
	FK_INT_LIST,				/* dx_pointers: a list of 1-based positions */
	FK_LINES					/* the service lines */
} FieldKind;

/* Header fields: enum name, field name, kind. */
#define CLAIM_FIELDS(X) \
	X(CF_CLAIM_ID, "claim_id", FK_TEXT) \
	X(CF_CLAIM_TYPE, "claim_type", FK_TEXT) \
	X(CF_PAYER_ID, "payer_id", FK_TEXT) \
	X(CF_MEMBER_ID, "member_id", FK_TEXT) \
	X(CF_PATIENT_BIRTH_DATE, "patient_birth_date", FK_DATE) \
	X(CF_PATIENT_SEX, "patient_sex", FK_TEXT) \
	X(CF_BILLING_NPI, "billing_npi", FK_NPI) \
	X(CF_RENDERING_NPI, "rendering_npi", FK_NPI) \
	X(CF_REFERRING_NPI, "referring_npi", FK_NPI) \
	X(CF_PLACE_OF_SERVICE, "place_of_service", FK_TEXT) \
	X(CF_FREQUENCY_CODE, "frequency_code", FK_TEXT) \
	X(CF_TYPE_OF_BILL, "type_of_bill", FK_TEXT) \
	X(CF_ORIGINAL_CLAIM_ID, "original_claim_id", FK_TEXT) \
	X(CF_PRIOR_AUTH, "prior_auth", FK_TEXT) \
	X(CF_SERVICE_FROM, "service_from", FK_DATE) \
	X(CF_SERVICE_TO, "service_to", FK_DATE) \
	X(CF_SUBMITTED_ON, "submitted_on", FK_DATE) \
	X(CF_TOTAL_CHARGE, "total_charge", FK_NUMBER) \
	X(CF_EXPECTED_AMOUNT, "expected_amount", FK_NUMBER) \
	X(CF_DIAGNOSES, "diagnoses", FK_ICD_LIST) \
	X(CF_LINES, "lines", FK_LINES)

/* Line fields. */
#define LINE_FIELDS(X) \
	X(LF_LINE_NO, "line_no", FK_INT) \
	X(LF_PROCEDURE, "procedure", FK_HCPCS) \
	X(LF_MODIFIERS, "modifiers", FK_TEXT_LIST) \
	X(LF_UNITS, "units", FK_NUMBER) \
	X(LF_CHARGE, "charge", FK_NUMBER) \
	X(LF_SERVICE_DATE, "service_date", FK_DATE) \
	X(LF_DX_POINTERS, "dx_pointers", FK_INT_LIST) \
	X(LF_NDC, "ndc", FK_NDC) \
	X(LF_NDC_UNITS, "ndc_units", FK_NUMBER) \
	X(LF_RENDERING_NPI, "rendering_npi", FK_NPI) \
	X(LF_PLACE_OF_SERVICE, "place_of_service", FK_TEXT)

#define FIELD_ENUM(id, name, kind) id,
typedef enum ClaimFieldId
{
	CLAIM_FIELDS(FIELD_ENUM)
	CLAIM_FIELD_COUNT
} ClaimFieldId;
typedef enum LineFieldId
{
	LINE_FIELDS(FIELD_ENUM)
	LINE_FIELD_COUNT
} LineFieldId;
#undef FIELD_ENUM

typedef struct FieldSpec
{
	const char *name;
	int			len;
	FieldKind	kind;
} FieldSpec;

extern const FieldSpec claim_field_specs[CLAIM_FIELD_COUNT];
extern const FieldSpec line_field_specs[LINE_FIELD_COUNT];

/* A slice of text the claim holds; not NUL-terminated. */
typedef struct ClaimStr
{
	const char *s;
	int			len;
} ClaimStr;

typedef enum ValueState
{
	VALUE_ABSENT = 0,			/* the claim has no such field */
	VALUE_MISSING,				/* present, but null or empty */
	VALUE_OK,
	VALUE_INVALID				/* present, but not readable as its kind */
} ValueState;

typedef struct FieldValue
{
	ValueState	state;
	ClaimStr	raw;			/* as given, for messages (empty for numbers read as numbers) */
	union
	{
		int64		code;		/* FK_NPI, FK_HCPCS, FK_NDC and list items of FK_ICD_LIST */
		DateADT		date;
		double		num;
		int32		ival;
	}			v;
	int			nitems;			/* lists: the items */
	struct FieldValue *items;
} FieldValue;

/*
 * An INVALID value whose problem the reader has reported already, as
 * FIELD_INVALID: a value of the wrong kind (a list where a code goes, an
 * object in a list of codes).  It keeps no text.  INVALID code values that
 * kept their text (a code of the wrong shape) are their own rule's to report.
 */
static inline bool
value_reported_invalid(const FieldValue *fv)
{
	return fv->state == VALUE_INVALID && fv->raw.len == 0;
}

typedef struct ClaimLine
{
	int			line_no;		/* line_no, or the line's position (1-based) */
	FieldValue	f[LINE_FIELD_COUNT];
} ClaimLine;

/* A problem with the input itself: an unknown field, or a value of the wrong kind. */
typedef enum InputProblemKind
{
	INPUT_FIELD_UNKNOWN,
	INPUT_FIELD_INVALID
} InputProblemKind;

typedef struct InputProblem
{
	InputProblemKind kind;
	int			line_no;		/* 0 for the claim header */
	const char *field;			/* the field as named in the input */
	ClaimStr	value;
	const char *reason;			/* what is wrong and what is expected */
} InputProblem;

typedef enum ClaimSource
{
	SOURCE_JSONB,
	SOURCE_ROW,
	SOURCE_FHIR
} ClaimSource;

typedef struct Claim
{
	ClaimSource source;
	FieldValue	f[CLAIM_FIELD_COUNT];
	int			nlines;
	ClaimLine  *lines;
	int			nproblems;
	int			maxproblems;
	InputProblem *problems;
} Claim;

/*
 * A value as an input form hands it over, before it is read as the field's
 * kind: the readers (jsonb, row, FHIR) produce these, claim_set_* read them.
 */
typedef enum RawKind
{
	RAW_NULL,
	RAW_TEXT,
	RAW_NUMERIC,
	RAW_FLOAT,
	RAW_BOOL,
	RAW_DATE,
	RAW_CODE,					/* an npi/icd10cm/hcpcs/ndc datum */
	RAW_JSONB_CONTAINER,		/* a nested jsonb array or object */
	RAW_ARRAY,					/* a SQL array */
	RAW_RECORD,					/* a composite datum */
	RAW_OTHER					/* some other type: only its text form is used */
} RawKind;

typedef struct RawValue
{
	RawKind		kind;
	ClaimStr	text;			/* RAW_TEXT, RAW_OTHER */
	Numeric		numeric;		/* RAW_NUMERIC */
	double		fnum;			/* RAW_FLOAT */
	bool		boolean;		/* RAW_BOOL */
	DateADT		date;			/* RAW_DATE */
	int64		code;			/* RAW_CODE */
	const struct CodeType *code_type;	/* RAW_CODE */
	JsonbContainer *container;	/* RAW_JSONB_CONTAINER */
	ArrayType  *array;			/* RAW_ARRAY */
	Datum		record;			/* RAW_RECORD (a HeapTupleHeader) */
} RawValue;

/*
 * The fields the readers read, as bit masks by field id: all of them unless
 * the rules that are on need fewer (rules_prepare_reading() sets these).
 */
extern uint32 claim_fields_read;
extern uint32 line_fields_read;

/* claim.c: the model. */
extern Claim *claim_new(ClaimSource source);
extern int	claim_field_lookup(const char *name, int len);
extern int	line_field_lookup(const char *name, int len);
extern void claim_set_field(Claim *claim, ClaimFieldId id, const RawValue *raw);
extern void claim_set_line_field(Claim *claim, ClaimLine *line, LineFieldId id, const RawValue *raw);
extern void claim_unknown_field(Claim *claim, int line_no, const char *name, int len, bool line_level);
extern const char *claim_field_suggestion(const char *name, int len, bool line_level);
extern void claim_report_unknown(Claim *claim, int line_no, const char *name, const char *suggestion);
extern void claim_invalid_field(Claim *claim, int line_no, const char *field, ClaimStr value, const char *reason);
extern ClaimLine *claim_alloc_lines(Claim *claim, int n);
extern const char *claim_str_cstring(ClaimStr s);
extern ClaimStr claim_str(const char *s);
extern bool claim_str_eq(ClaimStr s, const char *literal);

/*
 * Walking a jsonb container without a JsonbIterator (which allocates as it
 * goes): children are visited in storage order, their offsets accumulated.
 */
typedef struct JsonbCursor
{
	JsonbContainer *container;
	int			count;			/* pairs of an object, elements of an array */
	int			next;
	const char *base;			/* where the children's data starts */
	uint32		key_offset;		/* objects: next key's data */
	uint32		value_offset;	/* next value's (or element's) data */
} JsonbCursor;

static inline void
jsonb_cursor_init(JsonbCursor *cur, JsonbContainer *container)
{
	cur->container = container;
	cur->count = JsonContainerSize(container);
	cur->next = 0;
	if (JsonContainerIsObject(container))
	{
		cur->base = (const char *) &container->children[cur->count * 2];
		cur->key_offset = 0;
		cur->value_offset = cur->count > 0 ? getJsonbOffset(container, cur->count) : 0;
	}
	else
	{
		cur->base = (const char *) &container->children[cur->count];
		cur->key_offset = 0;
		cur->value_offset = 0;
	}
}

/* The child with JEntry entry at offset, as jsonb_util.c's fillJsonbValue reads it. */
static inline void
jsonb_child_value(const JsonbCursor *cur, JEntry entry, uint32 offset, JsonbValue *v)
{
	uint32		end = offset;

	JBE_ADVANCE_OFFSET(end, entry);
	if (JBE_ISSTRING(entry))
	{
		v->type = jbvString;
		v->val.string.val = (char *) cur->base + offset;
		v->val.string.len = end - offset;
	}
	else if (JBE_ISNUMERIC(entry))
	{
		v->type = jbvNumeric;
		v->val.numeric = (Numeric) (cur->base + INTALIGN(offset));
	}
	else if (JBE_ISBOOL_TRUE(entry) || JBE_ISBOOL_FALSE(entry))
	{
		v->type = jbvBool;
		v->val.boolean = JBE_ISBOOL_TRUE(entry);
	}
	else if (JBE_ISNULL(entry))
		v->type = jbvNull;
	else
	{
		v->type = jbvBinary;
		v->val.binary.data = (JsonbContainer *) (cur->base + INTALIGN(offset));
		v->val.binary.len = end - INTALIGN(offset);
	}
}

/* The next pair of an object (key set) or element of an array (key NULL); false at the end. */
static inline bool
jsonb_cursor_next(JsonbCursor *cur, const char **key, int *keylen, JsonbValue *value)
{
	JsonbContainer *c = cur->container;
	int			i = cur->next;

	if (i >= cur->count)
		return false;
	if (JsonContainerIsObject(c))
	{
		JEntry		key_entry = c->children[i];
		JEntry		value_entry = c->children[i + cur->count];
		uint32		key_end = cur->key_offset;

		JBE_ADVANCE_OFFSET(key_end, key_entry);
		*key = cur->base + cur->key_offset;
		*keylen = key_end - cur->key_offset;
		jsonb_child_value(cur, value_entry, cur->value_offset, value);
		cur->key_offset = key_end;
		JBE_ADVANCE_OFFSET(cur->value_offset, value_entry);
	}
	else
	{
		JEntry		entry = c->children[i];

		if (key)
			*key = NULL;
		jsonb_child_value(cur, entry, cur->value_offset, value);
		JBE_ADVANCE_OFFSET(cur->value_offset, entry);
	}
	cur->next++;
	return true;
}


/* claim_jsonb.c, claim_fhir.c, claim_row.c: the readers. */
extern Claim *claim_from_jsonb(Jsonb *jb);
extern Claim *claim_from_fhir(Jsonb *jb);
extern void claim_read_jsonb_lines(Claim *claim, JsonbContainer *array);
/* How the columns of one row type map to claim fields; built once per query. */
typedef struct RowMap RowMap;
extern Claim *claim_from_record(Datum record, RowMap **cache, MemoryContext cache_cxt);
extern Claim *claim_from_heap_tuple(HeapTuple tuple, TupleDesc tupdesc, RowMap **cache, MemoryContext cache_cxt,
									 Datum **values, bool **nulls);
extern void claim_read_line_tuples(Claim *claim, HeapTuple *tuples, int n, TupleDesc desc, RowMap **cache,
								   MemoryContext cache_cxt);
extern void raw_from_jsonb_value(const JsonbValue *v, RawValue *raw);

/* Effective line values: the line's own, else the header's. */
static inline const FieldValue *
line_rendering_npi(const Claim *claim, const ClaimLine *line)
{
	return line->f[LF_RENDERING_NPI].state != VALUE_ABSENT ? &line->f[LF_RENDERING_NPI]
		: &claim->f[CF_RENDERING_NPI];
}

static inline const FieldValue *
line_place_of_service(const Claim *claim, const ClaimLine *line)
{
	return line->f[LF_PLACE_OF_SERVICE].state == VALUE_OK ? &line->f[LF_PLACE_OF_SERVICE]
		: &claim->f[CF_PLACE_OF_SERVICE];
}

/* A line's date of service: its own, else the header's first date. */
static inline bool
line_service_date(const Claim *claim, const ClaimLine *line, DateADT *date)
{
	if (line->f[LF_SERVICE_DATE].state == VALUE_OK)
		*date = line->f[LF_SERVICE_DATE].v.date;
	else if (claim->f[CF_SERVICE_FROM].state == VALUE_OK)
		*date = claim->f[CF_SERVICE_FROM].v.date;
	else
		return false;
	return true;
}

#endif							/* CLEANCLAIM_CLAIM_H */
