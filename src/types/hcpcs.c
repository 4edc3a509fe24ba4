/*
 * hcpcs.c
 *	  The hcpcs type: a HCPCS procedure code, Level I (CPT) or Level II.
 *
 * Five characters in one of six forms: CPT Category I (5 digits), Category
 * II (4 digits + F), Category III (4 digits + T), Proprietary Laboratory
 * Analyses (4 digits + U), Multianalyte Assays with Algorithmic Analyses
 * (4 digits + M, found in the CMS OPPS files), vaccine administration codes
 * (4 digits + A, CPT Category I: 0001A), or HCPCS Level II (a letter A-V + 4
 * digits).
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "types/code_type.h"

#define HCPCS_LEN 5

/* Characters first..last of chars are digits; else say which is not. */
static bool
check_digits(const char *s, int len, int first, int last, const char *form, char *detail)
{
	int			i;
	char		shown[16];

	for (i = first; i <= last; i++)
	{
		if (!code_is_digit(s[i]))
		{
			code_detail(detail, "%s; character %d is \"%s\".", form, i + 1,
						code_char_shown(s + i, len - i, shown, sizeof(shown)));
			return false;
		}
	}
	return true;
}

static bool
hcpcs_parse(const char *s, int len, int64 *result, char *detail)
{
	char		chars[HCPCS_LEN];
	char		shown[16];
	int			i;

	if (len != HCPCS_LEN)
	{
		code_detail(detail, "A HCPCS or CPT code has 5 characters; this one has %d.",
					pg_mbstrlen_with_len(s, len));
		return false;
	}
	for (i = 0; i < HCPCS_LEN; i++)
		chars[i] = code_upper(s[i]);

	if (code_is_digit(chars[0]))
	{
		char		last = chars[HCPCS_LEN - 1];

		if (!check_digits(chars, len, 1, 3, "A CPT code starts with 4 digits", detail))
			return false;
		if (!code_is_digit(last) && last != 'F' && last != 'T' && last != 'U' && last != 'M' && last != 'A')
		{
			code_detail(detail, "The fifth character of a CPT code is a digit or A (Category I), F (Category II), T (Category III), U (PLA) or M (MAAA), not \"%s\".",
						code_char_shown(s + 4, 1, shown, sizeof(shown)));
			return false;
		}
	}
	else if (chars[0] >= 'A' && chars[0] <= 'V')
	{
		if (!check_digits(chars, len, 1, 4, "A HCPCS Level II code is a letter followed by 4 digits", detail))
			return false;
	}
	else
	{
		code_detail(detail, "A HCPCS code starts with a digit (CPT) or a letter from A to V (Level II), not \"%s\".",
					code_char_shown(s, len, shown, sizeof(shown)));
		return false;
	}
	*result = code_pack_chars(chars, HCPCS_LEN, HCPCS_LEN);
	return true;
}

static int
hcpcs_format(int64 value, char *buf)
{
	int			n = code_unpack_chars(value, HCPCS_LEN, buf);

	buf[n] = '\0';
	return n;
}

const CodeType hcpcs_type = {
	.name = "hcpcs",
	.hint = "Accepted forms: 5 digits (CPT Category I, 99213), 4 digits and F (Category II, 3074F), 4 digits and T (Category III, 0095T), 4 digits and U (PLA, 0001U), 4 digits and M (MAAA, 0002M), 4 digits and A (vaccine administration, 0001A), or a letter A to V and 4 digits (HCPCS Level II, J1885).",
	.parse = hcpcs_parse,
	.format = hcpcs_format,
	.send_as_text = true,
};

CODE_TYPE_SQL_FUNCTIONS(hcpcs, hcpcs_type)

const char *const hcpcs_family_names[HCPCS_FAMILY_COUNT] = {
	"hcpcs_level_ii", "cpt_category_i", "cpt_category_ii", "cpt_category_iii", "cpt_pla", "cpt_maaa"
};
const char *const hcpcs_family_labels[HCPCS_FAMILY_COUNT] = {
	"HCPCS Level II", "CPT Category I", "CPT Category II", "CPT Category III", "CPT PLA", "CPT MAAA"
};

/* Which code set a code belongs to: a Level II code starts with a letter, CPT by its last character. */
HcpcsFamily
hcpcs_family(int64 code)
{
	char		chars[HCPCS_LEN];

	code_unpack_chars(code, HCPCS_LEN, chars);
	if (!code_is_digit(chars[0]))
		return HCPCS_LEVEL_II;
	switch (chars[4])
	{
		case 'F':
			return CPT_CATEGORY_II;
		case 'T':
			return CPT_CATEGORY_III;
		case 'U':
			return CPT_PLA;
		case 'M':
			return CPT_MAAA;
		default:
			return CPT_CATEGORY_I;	/* 5 digits, or a vaccine code ending in A */
	}
}

const char *const procedure_section_names[SECTION_COUNT] = {
	"anesthesia", "surgery", "radiology", "pathology", "medicine", "em", "category_ii", "category_iii", "level_ii"
};
const char *const procedure_section_labels[SECTION_COUNT] = {
	"anesthesia (00100-01999)", "surgery (10004-69990)", "radiology (70010-79999)",
	"pathology and laboratory (80047-89398)", "medicine (90281-99199, 99500-99607)", "E/M (99202-99499)",
	"CPT Category II", "CPT Category III", "HCPCS Level II"
};

/* The section of a code: Category I by its number (a vaccine code ending in A is medicine). */
ProcedureSection
hcpcs_section(int64 code)
{
	char		chars[HCPCS_LEN];
	int			number = 0;
	int			i;

	switch (hcpcs_family(code))
	{
		case HCPCS_LEVEL_II:
			return SECTION_LEVEL_II;
		case CPT_CATEGORY_II:
			return SECTION_CATEGORY_II;
		case CPT_CATEGORY_III:
			return SECTION_CATEGORY_III;
		case CPT_PLA:
		case CPT_MAAA:
			return SECTION_PATHOLOGY;
		default:
			break;
	}
	code_unpack_chars(code, HCPCS_LEN, chars);
	for (i = 0; i < HCPCS_LEN; i++)
	{
		if (!code_is_digit(chars[i]))
			return SECTION_MEDICINE;
		number = number * 10 + (chars[i] - '0');
	}
	if (number < 10000)
		return SECTION_ANESTHESIA;
	if (number < 70000)
		return SECTION_SURGERY;
	if (number < 80000)
		return SECTION_RADIOLOGY;
	if (number < 90000)
		return SECTION_PATHOLOGY;
	if (number >= 99202 && number <= 99499)
		return SECTION_EM;
	return SECTION_MEDICINE;
}

/* hcpcs_kind(hcpcs) -> text: which code set the code belongs to. */
PG_FUNCTION_INFO_V1(hcpcs_kind);
Datum
hcpcs_kind(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(hcpcs_family_names[hcpcs_family(PG_GETARG_INT64(0))]));
}
