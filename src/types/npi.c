/*
 * npi.c
 *	  The npi type: a National Provider Identifier.
 *
 * Ten digits, the first 1 or 2, the last a Luhn check digit computed as if
 * the prefix 80840 stood in front (CMS, "Requirements for NPI Check Digit").
 * Stored as the 10-digit number itself.
 */
#include "postgres.h"

#include "types/code_type.h"

#define NPI_DIGITS 10

/*
 * The check digit for a 9-digit base: double every other digit starting from
 * the rightmost, add the digits of the products and the undoubled digits,
 * plus 24 for the 80840 prefix.
 */
static int
npi_check_digit(const char *base)
{
	int			sum = 24;
	int			i;

	for (i = 0; i < NPI_DIGITS - 1; i++)
	{
		int			d = base[i] - '0';

		if (i % 2 == 0)
		{
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
	}
	return (10 - sum % 10) % 10;
}

static bool
npi_parse(const char *s, int len, int64 *result, char *detail)
{
	int64		value = 0;
	int			expected;
	int			i;
	char		shown[16];

	for (i = 0; i < len; i++)
	{
		if (!code_is_digit(s[i]))
		{
			code_detail(detail, "An NPI holds only digits; character %d is \"%s\".",
						i + 1, code_char_shown(s + i, len - i, shown, sizeof(shown)));
			return false;
		}
	}
	if (len != NPI_DIGITS)
	{
		code_detail(detail, "An NPI has 10 digits; this one has %d.", len);
		return false;
	}
	if (s[0] != '1' && s[0] != '2')
	{
		code_detail(detail, "An NPI starts with 1 or 2; this one starts with %c.", s[0]);
		return false;
	}
	expected = npi_check_digit(s);
	if (s[NPI_DIGITS - 1] - '0' != expected)
	{
		code_detail(detail, "The check digit is %c, but %d was expected for the first nine digits %.9s.",
					s[NPI_DIGITS - 1], expected, s);
		return false;
	}
	for (i = 0; i < NPI_DIGITS; i++)
		value = value * 10 + (s[i] - '0');
	*result = value;
	return true;
}

static int
npi_format(int64 value, char *buf)
{
	return snprintf(buf, CODE_MAX_TEXT_LEN + 1, INT64_FORMAT, value);
}

const CodeType npi_type = {
	.name = "npi",
	.hint = "An NPI is 10 digits that start with 1 or 2 and end with a Luhn check digit computed with the prefix 80840, for example 1234567893.",
	.parse = npi_parse,
	.format = npi_format,
	.send_as_text = false,
};

CODE_TYPE_SQL_FUNCTIONS(npi, npi_type)
