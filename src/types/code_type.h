/*
 * code_type.h
 *	  What the four claim code types (npi, icd10cm, hcpcs, ndc) share.
 *
 * Every code type is stored as one 64-bit integer, passed by value, whose
 * integer order is the code's natural order; that lets the SQL side reuse the
 * server's int8 comparison and hash functions.  A type supplies a parser and a
 * printer; the glue here turns them into text and binary I/O, casts from and
 * to text, and an is_valid_* predicate, all sharing the one parser.
 */
#ifndef CLEANCLAIM_CODE_TYPE_H
#define CLEANCLAIM_CODE_TYPE_H

#include "postgres.h"

#include "fmgr.h"

/* Room for the detail message a parser writes when it rejects a value. */
#define CODE_DETAIL_LEN 200

/* Longest canonical text form of any code type, without the terminator. */
#define CODE_MAX_TEXT_LEN 24

/*
 * Parse the len bytes at s (surrounding white space already trimmed).  On
 * success store the packed value and return true.  On failure return false
 * and, when detail is not NULL, write one sentence saying what is wrong.
 */
typedef bool (*CodeParseFn) (const char *s, int len, int64 *result, char *detail);

/* Write the canonical text of value into buf (CODE_MAX_TEXT_LEN + 1 bytes); return its length. */
typedef int (*CodeFormatFn) (int64 value, char *buf);

typedef struct CodeType
{
	const char *name;			/* SQL type name, used in messages */
	const char *hint;			/* the accepted forms, used as errhint */
	CodeParseFn parse;
	CodeFormatFn format;
	bool		send_as_text;	/* binary form: version byte + text, else int8 */
} CodeType;

/* Character classes for codes, ASCII only whatever the locale. */
static inline bool
code_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool
code_is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static inline char
code_upper(char c)
{
	return (c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c;
}

/* Shared implementations of the SQL-callable functions of a code type. */
extern Datum code_type_in(FunctionCallInfo fcinfo, const CodeType *type);
extern Datum code_type_out(FunctionCallInfo fcinfo, const CodeType *type);
extern Datum code_type_recv(FunctionCallInfo fcinfo, const CodeType *type);
extern Datum code_type_send(FunctionCallInfo fcinfo, const CodeType *type);
extern Datum code_type_from_text(FunctionCallInfo fcinfo, const CodeType *type);
extern Datum code_type_to_text(FunctionCallInfo fcinfo, const CodeType *type);
extern Datum code_type_is_valid(FunctionCallInfo fcinfo, const CodeType *type);

/* Parse text without raising; the building block of the claim validator. */
extern bool code_parse_text(const CodeType *type, const char *s, int len, int64 *result);

/* Parse text; on failure write what is wrong into detail (CODE_DETAIL_LEN bytes). */
extern bool code_parse_detail(const CodeType *type, const char *s, int len, int64 *result, char *detail);

/* The code type of a type OID, NULL for other types (a syscache lookup). */
extern const CodeType *code_type_by_oid(Oid typid);

/* Parse text, raising the type's input error (22P02) on failure. */
extern int64 code_parse_or_error(const CodeType *type, const char *s, int len);

/* Write a parser's detail message, when the caller asked for one. */
extern void code_detail(char *detail, const char *fmt,...) pg_attribute_printf(2, 3);

/* Quote the character at s (a whole multibyte character) for a detail message. */
extern const char *code_char_shown(const char *s, int remaining, char *buf, int buflen);

/*
 * Short alphanumeric codes (ICD-10-CM, HCPCS) pack one character per 6-bit
 * slot, first character in the most significant slot, '0'-'9' as 1-10 and
 * 'A'-'Z' as 11-36, unused slots 0: integer order is then the text order, and
 * a code sorts right before its own extensions (S72 < S72.0 < S72.001A).
 */
#define CODE_SLOT_BITS 6
#define CODE_SLOT_MASK ((int64) 63)

extern int64 code_pack_chars(const char *chars, int n, int slots);
extern int	code_unpack_chars(int64 value, int slots, char *chars);

/*
 * Define the SQL-callable functions every code type has, named <prefix>_in,
 * _out, _recv, _send, _from_text, _to_text and is_valid_<prefix>.
 */
#define CODE_TYPE_SQL_FUNCTIONS(prefix, typeinfo) \
	PG_FUNCTION_INFO_V1(prefix##_in); \
	Datum prefix##_in(PG_FUNCTION_ARGS) { return code_type_in(fcinfo, &(typeinfo)); } \
	PG_FUNCTION_INFO_V1(prefix##_out); \
	Datum prefix##_out(PG_FUNCTION_ARGS) { return code_type_out(fcinfo, &(typeinfo)); } \
	PG_FUNCTION_INFO_V1(prefix##_recv); \
	Datum prefix##_recv(PG_FUNCTION_ARGS) { return code_type_recv(fcinfo, &(typeinfo)); } \
	PG_FUNCTION_INFO_V1(prefix##_send); \
	Datum prefix##_send(PG_FUNCTION_ARGS) { return code_type_send(fcinfo, &(typeinfo)); } \
	PG_FUNCTION_INFO_V1(prefix##_from_text); \
	Datum prefix##_from_text(PG_FUNCTION_ARGS) { return code_type_from_text(fcinfo, &(typeinfo)); } \
	PG_FUNCTION_INFO_V1(prefix##_to_text); \
	Datum prefix##_to_text(PG_FUNCTION_ARGS) { return code_type_to_text(fcinfo, &(typeinfo)); } \
	PG_FUNCTION_INFO_V1(is_valid_##prefix); \
	Datum is_valid_##prefix(PG_FUNCTION_ARGS) { return code_type_is_valid(fcinfo, &(typeinfo)); }

/* The four code types, defined in npi.c, icd10cm.c, hcpcs.c and ndc.c. */
extern const CodeType npi_type;
extern const CodeType icd10cm_type;
extern const CodeType hcpcs_type;
extern const CodeType ndc_type;

/* The code families of hcpcs (hcpcs.c): a code set may hold some and not others. */
typedef enum HcpcsFamily
{
	HCPCS_LEVEL_II,
	CPT_CATEGORY_I,
	CPT_CATEGORY_II,
	CPT_CATEGORY_III,
	CPT_PLA,
	CPT_MAAA,
	HCPCS_FAMILY_COUNT
} HcpcsFamily;

extern HcpcsFamily hcpcs_family(int64 code);
extern const char *const hcpcs_family_names[HCPCS_FAMILY_COUNT];	/* "hcpcs_level_ii", ... */
extern const char *const hcpcs_family_labels[HCPCS_FAMILY_COUNT];	/* "HCPCS Level II", ... */

/*
 * The sections of the procedure codes modifiers are said to belong on
 * (modifier_reference.sections): the CPT Category I sections by their number
 * ranges, then Category II, Category III and HCPCS Level II.
 */
typedef enum ProcedureSection
{
	SECTION_ANESTHESIA,			/* 00100-01999 */
	SECTION_SURGERY,			/* 10004-69990 */
	SECTION_RADIOLOGY,			/* 70010-79999 */
	SECTION_PATHOLOGY,			/* 80047-89398, PLA and MAAA codes */
	SECTION_MEDICINE,			/* 90281-99199, 99500-99607, vaccine codes */
	SECTION_EM,					/* 99202-99499 */
	SECTION_CATEGORY_II,
	SECTION_CATEGORY_III,
	SECTION_LEVEL_II,
	SECTION_COUNT
} ProcedureSection;

extern ProcedureSection hcpcs_section(int64 code);
extern const char *const procedure_section_names[SECTION_COUNT];	/* "anesthesia", ... */
extern const char *const procedure_section_labels[SECTION_COUNT];	/* "anesthesia (00100-01999)", ... */

#endif							/* CLEANCLAIM_CODE_TYPE_H */
