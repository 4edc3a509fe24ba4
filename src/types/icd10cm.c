/*
 * icd10cm.c
 *	  The icd10cm type: an ICD-10-CM diagnosis code.
 *
 * Three to seven characters: a letter, a digit, then letters or digits.  The
 * dot after the third character is a display convention: input takes the
 * code with or without it, in any case; output is upper case with the dot.
 * The type checks the shape only; whether a code exists on a date of service
 * is the code set's business.
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "types/code_type.h"

#define ICD_SLOTS 7
#define ICD_MIN_LEN 3
#define ICD_CATEGORY_LEN 3

/* The dot may stand once, after the third character, with more to follow. */
static bool
check_dot(const char *s, int len, int *dots, char *detail)
{
	int			i;

	*dots = 0;
	for (i = 0; i < len; i++)
	{
		if (s[i] != '.')
			continue;
		if (++(*dots) > 1)
		{
			code_detail(detail, "An ICD-10-CM code has at most one dot.");
			return false;
		}
		if (i != ICD_CATEGORY_LEN)
		{
			code_detail(detail, "The dot stands after the third character, not at position %d.", i + 1);
			return false;
		}
		if (i == len - 1)
		{
			code_detail(detail, "A dot must be followed by more characters.");
			return false;
		}
	}
	return true;
}

/* Character n (0-based, dot not counted) is of the class its position needs. */
static inline bool
fits_position(char c, int n)
{
	if (n == 0)
		return code_is_upper(c);
	if (n == 1)
		return code_is_digit(c);
	return code_is_upper(c) || code_is_digit(c);
}

static bool
icd10cm_parse(const char *s, int len, int64 *result, char *detail)
{
	char		chars[ICD_SLOTS];
	char		shown[16];
	int			dots;
	int			n = 0;
	int			i;

	/* the common case first: 3 to 7 upper-case characters, no dot, right classes */
	if (len >= ICD_MIN_LEN && len <= ICD_SLOTS && code_is_upper(s[0]) && code_is_digit(s[1]))
	{
		for (i = 2; i < len && (code_is_upper(s[i]) || code_is_digit(s[i])); i++)
			;
		if (i == len)
		{
			*result = code_pack_chars(s, len, ICD_SLOTS);
			return true;
		}
	}

	if (!check_dot(s, len, &dots, detail))
		return false;
	for (i = 0; i < len; i++)
	{
		char		c = code_upper(s[i]);

		if (c == '.')
			continue;
		if (!fits_position(c, n))
		{
			code_detail(detail, "Character %d of an ICD-10-CM code is %s, not \"%s\".",
						n + 1,
						n == 0 ? "a letter" : n == 1 ? "a digit" : "a letter or a digit",
						code_char_shown(s + i, len - i, shown, sizeof(shown)));
			return false;
		}
		if (n < ICD_SLOTS)
			chars[n] = c;
		n++;
	}
	if (n < ICD_MIN_LEN || n > ICD_SLOTS)
	{
		code_detail(detail, "An ICD-10-CM code has 3 to 7 characters, not counting the dot; this one has %d.", n);
		return false;
	}
	*result = code_pack_chars(chars, n, ICD_SLOTS);
	return true;
}

static int
icd10cm_format(int64 value, char *buf)
{
	char		chars[ICD_SLOTS];
	int			n = code_unpack_chars(value, ICD_SLOTS, chars);
	int			len = 0;
	int			i;

	for (i = 0; i < n; i++)
	{
		if (i == ICD_CATEGORY_LEN)
			buf[len++] = '.';
		buf[len++] = chars[i];
	}
	buf[len] = '\0';
	return len;
}

const CodeType icd10cm_type = {
	.name = "icd10cm",
	.hint = "Write an ICD-10-CM code as 3 to 7 letters and digits (a letter, a digit, then letters or digits), with or without the dot after the third character, in any case: S72.001A, s72001a, I10.",
	.parse = icd10cm_parse,
	.format = icd10cm_format,
	.send_as_text = true,
};

CODE_TYPE_SQL_FUNCTIONS(icd10cm, icd10cm_type)

/* The bits of the slots after the category (characters 4 to 7). */
#define ICD_SUBCATEGORY_MASK ((INT64CONST(1) << (CODE_SLOT_BITS * (ICD_SLOTS - ICD_CATEGORY_LEN))) - 1)

/* icd10cm_category(icd10cm) -> icd10cm: the 3-character category. */
PG_FUNCTION_INFO_V1(icd10cm_category);
Datum
icd10cm_category(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_INT64(0) & ~ICD_SUBCATEGORY_MASK);
}

/* icd10cm_seventh_char(icd10cm) -> text: the 7th character, NULL when the code is shorter. */
PG_FUNCTION_INFO_V1(icd10cm_seventh_char);
Datum
icd10cm_seventh_char(PG_FUNCTION_ARGS)
{
	char		chars[ICD_SLOTS];

	if (code_unpack_chars(PG_GETARG_INT64(0), ICD_SLOTS, chars) < ICD_SLOTS)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(&chars[ICD_SLOTS - 1], 1));
}

/* icd10cm_dotless(icd10cm) -> text: the code as X12 837 carries it (S72001A). */
PG_FUNCTION_INFO_V1(icd10cm_dotless);
Datum
icd10cm_dotless(PG_FUNCTION_ARGS)
{
	char		chars[ICD_SLOTS];
	int			n = code_unpack_chars(PG_GETARG_INT64(0), ICD_SLOTS, chars);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(chars, n));
}
