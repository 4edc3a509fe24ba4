/*
 * code_type.c
 *	  I/O glue shared by the claim code types (see code_type.h).
 */
#include "postgres.h"

#include <stdarg.h>
#include <stdio.h>

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "nodes/nodes.h"
#include "utils/builtins.h"
#include "utils/syscache.h"

#include "types/code_type.h"

#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#include "nodes/miscnodes.h"
/* PostgreSQL 16 and later let input functions report "soft" errors. */
#define SAVE_ERROR(escontext, ...) errsave(escontext, __VA_ARGS__)
#define INPUT_ESCONTEXT(fcinfo) ((fcinfo)->context)
#else
#define SAVE_ERROR(escontext, ...) ereport(ERROR, __VA_ARGS__)
#define INPUT_ESCONTEXT(fcinfo) ((Node *) NULL)
#endif

/* Version byte leading the binary form of the types sent as text. */
#define CODE_BINARY_VERSION 1

/* Longest input echoed back in an error message. */
#define CODE_SHOWN_MAX 100

static inline bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* A UTF-8 no-break space: code lists pasted from web pages and spreadsheets carry them. */
static inline bool
is_utf8_nbsp(const char *s, int len)
{
	return len >= 2 && (unsigned char) s[0] == 0xC2 && (unsigned char) s[1] == 0xA0;
}

/*
 * Narrow [*s, *s + *len) to exclude surrounding white space, including
 * no-break spaces in a UTF-8 database.
 */
static inline void
trim_blanks(const char **s, int *len)
{
	static int	encoding = -1;	/* a database's encoding never changes under a backend */
	bool		utf8;

	if (encoding < 0)
		encoding = GetDatabaseEncoding();
	utf8 = encoding == PG_UTF8;

	for (;;)
	{
		if (*len > 0 && is_blank(**s))
		{
			(*s)++;
			(*len)--;
		}
		else if (utf8 && is_utf8_nbsp(*s, *len))
		{
			*s += 2;
			*len -= 2;
		}
		else
			break;
	}
	for (;;)
	{
		if (*len > 0 && is_blank((*s)[*len - 1]))
			(*len)--;
		else if (utf8 && *len >= 2 && is_utf8_nbsp(*s + *len - 2, 2))
			*len -= 2;
		else
			break;
	}
}

void
code_detail(char *detail, const char *fmt,...)
{
	va_list		args;

	if (detail == NULL)
		return;
	va_start(args, fmt);
	vsnprintf(detail, CODE_DETAIL_LEN, fmt, args);
	va_end(args);
}

const char *
code_char_shown(const char *s, int remaining, char *buf, int buflen)
{
	int			n = pg_mblen(s);

	if (n > remaining)
		n = remaining;
	if ((unsigned char) *s < 0x20 || *s == 0x7f)
		snprintf(buf, buflen, "\\x%02X", (unsigned char) *s);
	else
		snprintf(buf, buflen, "%.*s", n, s);
	return buf;
}

/* The input as shown in an error message: at most CODE_SHOWN_MAX bytes. */
static char *
shown_input(const char *s, int len)
{
	if (len <= CODE_SHOWN_MAX)
		return pnstrdup(s, len);
	return psprintf("%s...", pnstrdup(s, pg_mbcliplen(s, len, CODE_SHOWN_MAX)));
}

/*
 * Parse len bytes at s.  On failure report the type's error with the given
 * SQLSTATE, softly when escontext asks for it (then return false).
 */
static bool
parse_or_report(const CodeType *type, const char *s, int len, int64 *result,
				Node *escontext, int sqlstate)
{
	char		detail[CODE_DETAIL_LEN];

	if (code_parse_detail(type, s, len, result, detail))
		return true;

	SAVE_ERROR(escontext,
			   (errcode(sqlstate),
				errmsg("invalid input syntax for type %s: \"%s\"",
					   type->name, shown_input(s, len)),
				errdetail("%s", detail),
				errhint("%s", type->hint)));
	return false;
}

bool
code_parse_detail(const CodeType *type, const char *s, int len, int64 *result, char *detail)
{
	trim_blanks(&s, &len);
	if (len == 0)
	{
		code_detail(detail, "The value is empty.");
		return false;
	}
	return type->parse(s, len, result, detail);
}

bool
code_parse_text(const CodeType *type, const char *s, int len, int64 *result)
{
	return code_parse_detail(type, s, len, result, NULL);
}

int64
code_parse_or_error(const CodeType *type, const char *s, int len)
{
	int64		result = 0;

	parse_or_report(type, s, len, &result, NULL, ERRCODE_INVALID_TEXT_REPRESENTATION);
	return result;
}

Datum
code_type_in(FunctionCallInfo fcinfo, const CodeType *type)
{
	char	   *input = PG_GETARG_CSTRING(0);
	int64		result;

	if (!parse_or_report(type, input, strlen(input), &result,
						 INPUT_ESCONTEXT(fcinfo), ERRCODE_INVALID_TEXT_REPRESENTATION))
		return (Datum) 0;
	PG_RETURN_INT64(result);
}

Datum
code_type_out(FunctionCallInfo fcinfo, const CodeType *type)
{
	char	   *buf = palloc(CODE_MAX_TEXT_LEN + 1);

	type->format(PG_GETARG_INT64(0), buf);
	PG_RETURN_CSTRING(buf);
}

/*
 * Binary input is exactly as strict as text input: a value sent as text goes
 * through the parser, and a value sent as int8 must print and parse back to
 * itself, which no malformed integer does.
 */
Datum
code_type_recv(FunctionCallInfo fcinfo, const CodeType *type)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int64		result;

	if (type->send_as_text)
	{
		int			version = pq_getmsgbyte(buf);
		int			nbytes;
		char	   *str;

		if (version != CODE_BINARY_VERSION)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("unsupported binary format version %d for type %s",
							version, type->name),
					 errhint("This version of cleanclaim reads binary format version %d.",
							 CODE_BINARY_VERSION)));
		str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
		parse_or_report(type, str, nbytes, &result, NULL,
						ERRCODE_INVALID_BINARY_REPRESENTATION);
	}
	else
	{
		int64		sent = pq_getmsgint64(buf);
		char		text[CODE_MAX_TEXT_LEN + 1];
		int			len = type->format(sent, text);

		parse_or_report(type, text, len, &result, NULL,
						ERRCODE_INVALID_BINARY_REPRESENTATION);
		if (result != sent)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid binary value for type %s: " INT64_FORMAT,
							type->name, sent),
					 errhint("%s", type->hint)));
	}
	PG_RETURN_INT64(result);
}

Datum
code_type_send(FunctionCallInfo fcinfo, const CodeType *type)
{
	int64		value = PG_GETARG_INT64(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	if (type->send_as_text)
	{
		char		text[CODE_MAX_TEXT_LEN + 1];
		int			len = type->format(value, text);

		pq_sendbyte(&buf, CODE_BINARY_VERSION);
		pq_sendtext(&buf, text, len);
	}
	else
		pq_sendint64(&buf, value);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* text -> code: parses the text's bytes in place, no cstring copy. */
Datum
code_type_from_text(FunctionCallInfo fcinfo, const CodeType *type)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_INT64(code_parse_or_error(type, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)));
}

Datum
code_type_to_text(FunctionCallInfo fcinfo, const CodeType *type)
{
	char		buf[CODE_MAX_TEXT_LEN + 1];
	int			len = type->format(PG_GETARG_INT64(0), buf);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, len));
}

/* is_valid_<type>(text): the parser's verdict; never raises. */
Datum
code_type_is_valid(FunctionCallInfo fcinfo, const CodeType *type)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int64		ignored;

	PG_RETURN_BOOL(code_parse_text(type, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &ignored));
}

static inline int
char_slot_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0' + 1;
	return c - 'A' + 11;
}

int64
code_pack_chars(const char *chars, int n, int slots)
{
	int64		value = 0;
	int			i;

	for (i = 0; i < n; i++)
		value = (value << CODE_SLOT_BITS) | char_slot_value(chars[i]);
	return value << (CODE_SLOT_BITS * (slots - n));
}

/*
 * Unpack up to slots characters; stops at the first empty slot.  A slot
 * holding no valid character (only a forged binary value can) becomes '?',
 * which every parser rejects.
 */
int
code_unpack_chars(int64 value, int slots, char *chars)
{
	int			n = 0;
	int			i;

	for (i = slots - 1; i >= 0; i--)
	{
		int			v = (int) ((value >> (CODE_SLOT_BITS * i)) & CODE_SLOT_MASK);

		if (v == 0)
			break;
		if (v <= 10)
			chars[n++] = '0' + v - 1;
		else if (v <= 36)
			chars[n++] = 'A' + v - 11;
		else
			chars[n++] = '?';
	}
	return n;
}

