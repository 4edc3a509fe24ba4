/*
 * ndc.c
 *	  The ndc type: a National Drug Code in the 11-digit HIPAA form.
 *
 * Packages print a 10-digit NDC as labeler-product-package in one of three
 * layouts, 4-4-2, 5-3-2 or 5-4-1; claims carry 11 digits in 5-4-2, made by
 * left-padding the short segment with a zero.  Input takes 11 digits, or any
 * of the hyphenated layouts (5-4-2 included); output is the 11 digits.
 * Without hyphens a 10-digit NDC is ambiguous, so it is rejected.
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "types/code_type.h"

#define NDC_DIGITS 11
#define NDC_SEGMENTS 3

/* Segment widths of the hyphenated layouts, and their padded 5-4-2 widths. */
static const int ndc_layouts[][NDC_SEGMENTS] = {
	{4, 4, 2}, {5, 3, 2}, {5, 4, 1}, {5, 4, 2}
};
static const int ndc_hipaa_widths[NDC_SEGMENTS] = {5, 4, 2};

static bool
is_known_layout(const int *widths)
{
	size_t		i;

	for (i = 0; i < lengthof(ndc_layouts); i++)
	{
		if (memcmp(widths, ndc_layouts[i], sizeof(ndc_layouts[i])) == 0)
			return true;
	}
	return false;
}

static int64
pow10_int(int n)
{
	int64		p = 1;

	while (n-- > 0)
		p *= 10;
	return p;
}

/* Digits only: 11 is the HIPAA form; say why any other count is refused. */
static bool
parse_plain(const char *s, int len, int64 *result, char *detail)
{
	int64		value = 0;
	int			i;

	if (len == 10)
	{
		code_detail(detail, "A 10-digit NDC without hyphens is ambiguous: it could be 4-4-2, 5-3-2 or 5-4-1.");
		return false;
	}
	if (len == 12)
	{
		code_detail(detail, "12-digit NDCs (the FDA's proposed 6-4-2 format) are not accepted yet.");
		return false;
	}
	if (len != NDC_DIGITS)
	{
		code_detail(detail, "An NDC has 11 digits, or 10 digits written with hyphens; this one has %d digits.", len);
		return false;
	}
	for (i = 0; i < len; i++)
		value = value * 10 + (s[i] - '0');
	*result = value;
	return true;
}

/* Labeler-product-package: pad each segment to the 5-4-2 widths. */
static bool
parse_hyphenated(const char *s, int len, int64 *result, char *detail)
{
	int			widths[NDC_SEGMENTS] = {0, 0, 0};
	int64		segments[NDC_SEGMENTS] = {0, 0, 0};
	int			seg = 0;
	int			i;

	for (i = 0; i < len; i++)
	{
		if (s[i] == '-')
		{
			if (++seg >= NDC_SEGMENTS)
			{
				code_detail(detail, "An NDC has three segments separated by two hyphens.");
				return false;
			}
			continue;
		}
		/* no layout has a segment over 5 digits; stop adding before overflow */
		if (++widths[seg] <= ndc_hipaa_widths[0])
			segments[seg] = segments[seg] * 10 + (s[i] - '0');
	}
	if (seg != NDC_SEGMENTS - 1 || !is_known_layout(widths))
	{
		code_detail(detail, "The segments have %d-%d-%d digits; an NDC is written 4-4-2, 5-3-2, 5-4-1 or 5-4-2.",
					widths[0], widths[1], seg >= 2 ? widths[2] : 0);
		return false;
	}
	*result = (segments[0] * pow10_int(ndc_hipaa_widths[1]) + segments[1])
		* pow10_int(ndc_hipaa_widths[2]) + segments[2];
	return true;
}

static bool
ndc_parse(const char *s, int len, int64 *result, char *detail)
{
	bool		hyphenated = false;
	char		shown[16];
	int			i;

	for (i = 0; i < len; i++)
	{
		if (s[i] == '-')
			hyphenated = true;
		else if (!code_is_digit(s[i]))
		{
			code_detail(detail, "An NDC holds digits and hyphens; character %d is \"%s\".",
						i + 1, code_char_shown(s + i, len - i, shown, sizeof(shown)));
			return false;
		}
	}
	return hyphenated ? parse_hyphenated(s, len, result, detail)
		: parse_plain(s, len, result, detail);
}

static int
ndc_format(int64 value, char *buf)
{
	if (value < 0 || value >= pow10_int(NDC_DIGITS))
		return snprintf(buf, CODE_MAX_TEXT_LEN + 1, INT64_FORMAT, value);
	return snprintf(buf, CODE_MAX_TEXT_LEN + 1, "%011" INT64_MODIFIER "d", value);
}

const CodeType ndc_type = {
	.name = "ndc",
	.hint = "Write an NDC as 11 digits (the 5-4-2 HIPAA form, 00002759701) or with hyphens as printed on the package: 0002-7597-01, 50242-040-62, 60575-4112-1 or 00002-7597-01.",
	.parse = ndc_parse,
	.format = ndc_format,
	.send_as_text = false,
};

CODE_TYPE_SQL_FUNCTIONS(ndc, ndc_type)

/* ndc_hyphenated(ndc) -> text: the 5-4-2 form with hyphens, 00002-7597-01. */
PG_FUNCTION_INFO_V1(ndc_hyphenated);
Datum
ndc_hyphenated(PG_FUNCTION_ARGS)
{
	int64		value = PG_GETARG_INT64(0);
	int64		package = value % 100;
	int64		product = (value / 100) % 10000;
	int64		labeler = value / 1000000;

	PG_RETURN_TEXT_P(cstring_to_text(psprintf("%05d-%04d-%02d",
											  (int) labeler, (int) product, (int) package)));
}
