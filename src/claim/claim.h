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

/*
 * When the 837 requires a field: the implementation guides (837P
 * 005010X222A1, 837I 005010X223A2) mark every element required or
 * situational; the completeness rule (CLAIM_INCOMPLETE) reports a required
 * field that is absent or empty.  A situational field is read when present
 * and switches off the rules that need it when not.
 */
typedef enum Requirement
{
	REQ_SITUATIONAL,
	REQ_ALWAYS,
	REQ_PROFESSIONAL,
	REQ_INSTITUTIONAL,
	REQ_INPATIENT,				/* institutional claims whose type of bill is an inpatient stay */
	REQ_ADMITTED,				/* inpatient stays, home health (32x, 33x) and hospice (81x, 82x) */
	REQ_PATIENT_VISIT,			/* institutional claims but non-patient specimens (14x) */
	REQ_NOT_SELF				/* when the patient is not the subscriber (relationship other than 18) */
} Requirement;

/*
 * The claim contract, in one place: X(enum name, field name, kind, what it
 * is, 837P element, 837I element, requirement).  The elements are those the
 * claim's value goes to (or comes from) in the 837; "-" where the
 * transaction has none.  README.md's contract table documents the same.
 */
#define CLAIM_FIELDS(X) \
	X(CF_CLAIM_ID, "claim_id", FK_TEXT, "patient control number", "2300 CLM01", "2300 CLM01", REQ_ALWAYS) \
	X(CF_CLAIM_TYPE, "claim_type", FK_TEXT, "claim type", "837P", "837I", REQ_ALWAYS) \
	X(CF_PAYER_ID, "payer_id", FK_TEXT, "payer id", "2010BB NM109", "2010BB NM109", REQ_ALWAYS) \
	X(CF_MEMBER_ID, "member_id", FK_TEXT, "subscriber member id", "2010BA NM109", "2010BA NM109", REQ_ALWAYS) \
	X(CF_SUBSCRIBER_LAST_NAME, "subscriber_last_name", FK_TEXT, "subscriber last name", "2010BA NM103", "2010BA NM103", REQ_ALWAYS) \
	X(CF_SUBSCRIBER_FIRST_NAME, "subscriber_first_name", FK_TEXT, "subscriber first name", "2010BA NM104", "2010BA NM104", REQ_SITUATIONAL) \
	X(CF_PATIENT_RELATIONSHIP, "patient_relationship", FK_TEXT, "patient relationship to the subscriber", "2000B SBR02 or 2000C PAT01", "2000B SBR02 or 2000C PAT01", REQ_ALWAYS) \
	X(CF_PATIENT_LAST_NAME, "patient_last_name", FK_TEXT, "patient last name", "2010CA NM103", "2010CA NM103", REQ_NOT_SELF) \
	X(CF_PATIENT_FIRST_NAME, "patient_first_name", FK_TEXT, "patient first name", "2010CA NM104", "2010CA NM104", REQ_SITUATIONAL) \
	X(CF_PATIENT_BIRTH_DATE, "patient_birth_date", FK_DATE, "patient birth date", "2010BA or 2010CA DMG02", "2010BA or 2010CA DMG02", REQ_ALWAYS) \
	X(CF_PATIENT_SEX, "patient_sex", FK_TEXT, "patient sex", "2010BA or 2010CA DMG03", "2010BA or 2010CA DMG03", REQ_ALWAYS) \
	X(CF_BILLING_NPI, "billing_npi", FK_NPI, "billing provider NPI", "2010AA NM109", "2010AA NM109", REQ_ALWAYS) \
	X(CF_BILLING_TAX_ID, "billing_tax_id", FK_TEXT, "billing provider tax id", "2010AA REF*EI or REF*SY", "2010AA REF*EI or REF*SY", REQ_ALWAYS) \
	X(CF_BILLING_TAXONOMY, "billing_taxonomy", FK_TEXT, "billing provider taxonomy code", "2000A PRV*BI*PXC", "2000A PRV*BI*PXC", REQ_SITUATIONAL) \
	X(CF_BILLING_ADDRESS, "billing_address", FK_TEXT, "billing provider street address", "2010AA N301", "2010AA N301", REQ_ALWAYS) \
	X(CF_BILLING_CITY, "billing_city", FK_TEXT, "billing provider city", "2010AA N401", "2010AA N401", REQ_ALWAYS) \
	X(CF_BILLING_STATE, "billing_state", FK_TEXT, "billing provider state", "2010AA N402", "2010AA N402", REQ_ALWAYS) \
	X(CF_BILLING_ZIP, "billing_zip", FK_TEXT, "billing provider ZIP code", "2010AA N403", "2010AA N403", REQ_ALWAYS) \
	X(CF_RENDERING_NPI, "rendering_npi", FK_NPI, "rendering provider NPI", "2310B NM109", "2310D NM109", REQ_SITUATIONAL) \
	X(CF_REFERRING_NPI, "referring_npi", FK_NPI, "referring provider NPI", "2310A NM109", "2310F NM109", REQ_SITUATIONAL) \
	X(CF_ATTENDING_NPI, "attending_npi", FK_NPI, "attending provider NPI", "-", "2310A NM109", REQ_INSTITUTIONAL) \
	X(CF_PLACE_OF_SERVICE, "place_of_service", FK_TEXT, "place of service", "2300 CLM05-1", "-", REQ_PROFESSIONAL) \
	X(CF_FREQUENCY_CODE, "frequency_code", FK_TEXT, "claim frequency code", "2300 CLM05-3", "2300 CLM05-3", REQ_PROFESSIONAL) \
	X(CF_TYPE_OF_BILL, "type_of_bill", FK_TEXT, "type of bill", "-", "2300 CLM05-1 and CLM05-3", REQ_INSTITUTIONAL) \
	X(CF_ORIGINAL_CLAIM_ID, "original_claim_id", FK_TEXT, "payer claim control number of the original", "2300 REF*F8", "2300 REF*F8", REQ_SITUATIONAL) \
	X(CF_PRIOR_AUTH, "prior_auth", FK_TEXT, "prior authorization number", "2300 REF*G1", "2300 REF*G1", REQ_SITUATIONAL) \
	X(CF_ADMISSION_DATE, "admission_date", FK_DATE, "admission date", "-", "2300 DTP*435", REQ_ADMITTED) \
	X(CF_ADMISSION_TYPE, "admission_type", FK_TEXT, "admission type code", "-", "2300 CL101", REQ_INPATIENT) \
	X(CF_ADMISSION_SOURCE, "admission_source", FK_TEXT, "point of origin code", "-", "2300 CL102", REQ_PATIENT_VISIT) \
	X(CF_DISCHARGE_STATUS, "discharge_status", FK_TEXT, "patient discharge status code", "-", "2300 CL103", REQ_INSTITUTIONAL) \
	X(CF_SERVICE_FROM, "service_from", FK_DATE, "service from date", "2400 DTP*472 (on the lines)", "2300 DTP*434", REQ_INSTITUTIONAL) \
	X(CF_SERVICE_TO, "service_to", FK_DATE, "service to date", "2400 DTP*472 (on the lines)", "2300 DTP*434", REQ_INSTITUTIONAL) \
	X(CF_SUBMITTED_ON, "submitted_on", FK_DATE, "date submitted", "BHT04", "BHT04", REQ_SITUATIONAL) \
	X(CF_TOTAL_CHARGE, "total_charge", FK_NUMBER, "total claim charge", "2300 CLM02", "2300 CLM02", REQ_ALWAYS) \
	X(CF_EXPECTED_AMOUNT, "expected_amount", FK_NUMBER, "expected payment", "-", "-", REQ_SITUATIONAL) \
	X(CF_DIAGNOSES, "diagnoses", FK_ICD_LIST, "diagnosis codes", "2300 HI*ABK", "2300 HI*ABK", REQ_ALWAYS) \
	X(CF_ICD10PCS_PROCEDURES, "icd10pcs_procedures", FK_TEXT_LIST, "ICD-10-PCS procedure codes", "-", "2300 HI*BBR, HI*BBQ", REQ_SITUATIONAL) \
	X(CF_LINES, "lines", FK_LINES, "service lines", "2400 LX", "2400 LX", REQ_ALWAYS)

/* Line fields: the same columns (a line's service date may be the claim's service_from). */
#define LINE_FIELDS(X) \
	X(LF_LINE_NO, "line_no", FK_INT, "line number", "2400 LX01", "2400 LX01", REQ_SITUATIONAL) \
	X(LF_REVENUE_CODE, "revenue_code", FK_TEXT, "revenue code", "-", "2400 SV201", REQ_INSTITUTIONAL) \
	X(LF_PROCEDURE, "procedure", FK_HCPCS, "procedure code", "2400 SV101-2", "2400 SV202-2", REQ_PROFESSIONAL) \
	X(LF_MODIFIERS, "modifiers", FK_TEXT_LIST, "procedure modifiers", "2400 SV101-3 to -6", "2400 SV202-3 to -6", REQ_SITUATIONAL) \
	X(LF_UNITS, "units", FK_NUMBER, "units", "2400 SV104", "2400 SV205", REQ_ALWAYS) \
	X(LF_CHARGE, "charge", FK_NUMBER, "charge", "2400 SV102", "2400 SV203", REQ_ALWAYS) \
	X(LF_SERVICE_DATE, "service_date", FK_DATE, "service date", "2400 DTP*472", "2400 DTP*472", REQ_PROFESSIONAL) \
	X(LF_DX_POINTERS, "dx_pointers", FK_INT_LIST, "diagnosis pointers", "2400 SV107", "-", REQ_PROFESSIONAL) \
	X(LF_NDC, "ndc", FK_NDC, "national drug code", "2410 LIN*N4", "2410 LIN*N4", REQ_SITUATIONAL) \
	X(LF_NDC_UNITS, "ndc_units", FK_NUMBER, "drug units", "2410 CTP04", "2410 CTP04", REQ_SITUATIONAL) \
	X(LF_RENDERING_NPI, "rendering_npi", FK_NPI, "rendering provider NPI", "2420A NM109", "2420C NM109", REQ_SITUATIONAL) \
	X(LF_PLACE_OF_SERVICE, "place_of_service", FK_TEXT, "place of service", "2400 SV105", "-", REQ_SITUATIONAL)

#define FIELD_ENUM(id, name, kind, label, x12p, x12i, req) id,
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
	const char *label;			/* what it is, for messages */
	const char *x12_professional;	/* its element in the 837P, "-" for none */
	const char *x12_institutional;	/* in the 837I */
	Requirement requirement;
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
	bool		unreadable;		/* not a line at all (FIELD_INVALID said so): it has no fields */
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
	SOURCE_FHIR,
	SOURCE_X12
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
	RAW_ITEMS,					/* a list of text items (a reader's own list: X12 composites) */
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
	const ClaimStr *items;		/* RAW_ITEMS */
	int			nitems;
} RawValue;

/*
 * The fields the readers read, as bit masks by field id: all of them unless
 * the rules that are on need fewer (rules_prepare_reading() sets these).
 */
extern uint64 claim_fields_read;
extern uint64 line_fields_read;

#define FIELD_BIT(id) (UINT64_C(1) << (id))

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

/*
 * A claim passed to a SQL function, in any form (claim_argument.c); what a
 * call site keeps between calls.
 */
typedef struct ClaimArgument
{
	Oid			argtype;
	RowMap	   *rowmap;
} ClaimArgument;

extern Claim *claim_read_argument(FunctionCallInfo fcinfo, int argno, ClaimArgument *arg);
/* The same with the ClaimArgument in fn_extra (a call site that keeps nothing else). */
extern Claim *claim_argument(FunctionCallInfo fcinfo, int argno);

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
