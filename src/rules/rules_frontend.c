/*
 * rules_frontend.c
 *	  The front-end edits clearinghouses reject on before a payer sees the
 *	  claim: the billing provider's address, tax id and taxonomy code
 *	  (2010AA, 2000A PRV), the subscriber's and patient's names (2010BA,
 *	  2010CA NM1) and the patient's relationship to the subscriber (SBR02,
 *	  PAT01).
 */
#include "postgres.h"

#include "types/code_type.h"
#include "engine/rules.h"
#include "rules/groups.h"

/* ----- text helpers ----- */

/* The uppercase letters and digits of s, others dropped ("12345-6789" -> "123456789"). */
static char *
alnum_upper(ClaimStr s, int *len)
{
	char	   *out = palloc(s.len + 1);
	int			n = 0;
	int			i;

	for (i = 0; i < s.len; i++)
	{
		char		c = code_upper(s.s[i]);

		if (code_is_digit(c) || code_is_upper(c))
			out[n++] = c;
	}
	out[n] = '\0';
	*len = n;
	return out;
}

static bool
all_digits(const char *s, int len)
{
	int			i;

	for (i = 0; i < len; i++)
		if (!code_is_digit(s[i]))
			return false;
	return len > 0;
}

/* Only digits and these separators (hyphens, spaces) in s? */
static bool
digits_and(ClaimStr s, const char *separators)
{
	int			i;

	for (i = 0; i < s.len; i++)
		if (!code_is_digit(s.s[i]) && strchr(separators, s.s[i]) == NULL)
			return false;
	return true;
}

/* The words of s, upper-cased, split at anything but letters and digits. */
static int
words_upper(ClaimStr s, char ***words)
{
	int			n = 0;
	int			i = 0;

	*words = palloc((s.len / 2 + 2) * sizeof(char *));
	while (i < s.len)
	{
		int			start;
		int			j;

		while (i < s.len && !code_is_digit(code_upper(s.s[i])) && !code_is_upper(code_upper(s.s[i])))
			i++;
		start = i;
		while (i < s.len && (code_is_digit(code_upper(s.s[i])) || code_is_upper(code_upper(s.s[i]))))
			i++;
		if (i == start)
			break;
		(*words)[n] = palloc(i - start + 1);
		for (j = start; j < i; j++)
			(*words)[n][j - start] = code_upper(s.s[j]);
		(*words)[n][i - start] = '\0';
		n++;
	}
	return n;
}

/* ----- the billing provider's address ----- */

static const char *const us_states[] = {
	"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
	"KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC",
	"ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
	/* territories and freely associated states, and the armed forces' codes */
	"AS", "GU", "MP", "PR", "VI", "FM", "MH", "PW", "AA", "AE", "AP"
};
static const char *const canadian_provinces[] = {
	"AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"
};

static bool
in_list(ClaimStr s, const char *const *list, int n)
{
	int			i;

	if (s.len != 2)
		return false;
	for (i = 0; i < n; i++)
		if (code_upper(s.s[0]) == list[i][0] && code_upper(s.s[1]) == list[i][1])
			return true;
	return false;
}

/*
 * Does the street line name a post office box or lock box?  "PO BOX 12",
 * "P.O. Box 12", "POBOX 12", "Post Office Box 12", "Lock Box 7", "BOX 12",
 * "POB 12"; not "12 Boxwood Lane" nor "Tapo Box Road".
 */
static bool
is_po_box(ClaimStr street)
{
	char	  **w;
	int			n = words_upper(street, &w);
	int			i;

	for (i = 0; i < n; i++)
	{
		bool		next_box = i + 1 < n && strcmp(w[i + 1], "BOX") == 0;

		if (strcmp(w[i], "POBOX") == 0 || strcmp(w[i], "LOCKBOX") == 0)
			return true;
		if (next_box && (strcmp(w[i], "PO") == 0 || strcmp(w[i], "LOCK") == 0 || strcmp(w[i], "OFFICE") == 0))
			return true;
		if (strcmp(w[i], "P") == 0 && i + 2 < n && strcmp(w[i + 1], "O") == 0 && strcmp(w[i + 2], "BOX") == 0)
			return true;
		if (i == 0 && n > 1 && (strcmp(w[0], "BOX") == 0 || strcmp(w[0], "POB") == 0) && all_digits(w[1], strlen(w[1])))
			return true;
	}
	return false;
}

static void
check_billing_zip(RuleContext *ctx, const FieldValue *zip, bool canadian)
{
	int			len;
	char	   *chars = alnum_upper(zip->raw, &len);

	if (canadian)
	{
		/* A1A 1A1 */
		if (len != 6 || !code_is_upper(chars[0]) || !code_is_digit(chars[1]) || !code_is_upper(chars[2]) ||
			!code_is_digit(chars[3]) || !code_is_upper(chars[4]) || !code_is_digit(chars[5]))
			rule_issue(ctx, RULE_BILLING_ADDRESS_INVALID, 0, "billing_zip", field_text(zip),
					   "billing provider postal code \"%s\" is not a Canadian postal code (A1A 1A1)", field_text(zip));
		return;
	}
	if (!digits_and(zip->raw, "- ") || !all_digits(chars, len))
		rule_issue(ctx, RULE_BILLING_ADDRESS_INVALID, 0, "billing_zip", field_text(zip),
				   "billing provider ZIP code \"%s\" is not a ZIP code: only digits (and a hyphen) are expected",
				   field_text(zip));
	else if (len != 9)
		rule_issue(ctx, RULE_BILLING_ADDRESS_INVALID, 0, "billing_zip", field_text(zip),
				   "billing provider ZIP code %s has %d digits; the billing provider's ZIP code is the 9-digit ZIP+4 (2010AA N403)",
				   field_text(zip), len);
}

static void
check_billing_address(RuleContext *ctx)
{
	const Claim *claim = ctx->claim;
	const FieldValue *street = &claim->f[CF_BILLING_ADDRESS];
	const FieldValue *state = &claim->f[CF_BILLING_STATE];
	const FieldValue *zip = &claim->f[CF_BILLING_ZIP];
	bool		canadian = false;

	if (!rule_on(ctx, RULE_BILLING_ADDRESS_INVALID))
		return;
	if (street->state == VALUE_ABSENT && state->state == VALUE_ABSENT && zip->state == VALUE_ABSENT)
	{
		rule_not_checked(ctx, RULE_BILLING_ADDRESS_INVALID, "the claim has no billing provider address");
		return;
	}
	if (street->state == VALUE_OK && is_po_box(street->raw))
		rule_issue(ctx, RULE_BILLING_ADDRESS_INVALID, 0, "billing_address", field_text(street),
				   "billing provider address \"%s\" is a post office box; the billing provider's address is a street address (2010AA N301), a box goes in the pay-to address",
				   field_text(street));
	if (state->state == VALUE_OK)
	{
		canadian = in_list(state->raw, canadian_provinces, lengthof(canadian_provinces));
		if (!canadian && !in_list(state->raw, us_states, lengthof(us_states)))
			rule_issue(ctx, RULE_BILLING_ADDRESS_INVALID, 0, "billing_state", field_text(state),
					   "billing provider state \"%s\" is not a US state, territory or Canadian province code",
					   field_text(state));
	}
	if (zip->state == VALUE_OK)
		check_billing_zip(ctx, zip, canadian);
}

/* ----- tax id ----- */

/* An SSN written NNN-NN-NNNN that no SSN can be: area 000, 666 or 9xx, group 00, serial 0000. */
static const char *
impossible_ssn(const char *d)
{
	if (strncmp(d, "000", 3) == 0 || strncmp(d, "666", 3) == 0 || d[0] == '9')
		return "its area number (the first 3 digits) is never issued";
	if (strncmp(d + 3, "00", 2) == 0)
		return "its group number (digits 4 and 5) is 00";
	if (strncmp(d + 5, "0000", 4) == 0)
		return "its serial number (the last 4 digits) is 0000";
	return NULL;
}

static void
check_tax_id(RuleContext *ctx)
{
	const FieldValue *tin = &ctx->claim->f[CF_BILLING_TAX_ID];
	const char *text;
	char	   *d;
	int			len;
	int			i;
	bool		one_digit = true;
	const char *why = NULL;

	if (!rule_on(ctx, RULE_TAX_ID_INVALID))
		return;
	if (tin->state == VALUE_ABSENT)
		rule_not_checked(ctx, RULE_TAX_ID_INVALID, "the claim has no billing_tax_id field");
	if (tin->state != VALUE_OK)
		return;
	text = field_text(tin);
	d = alnum_upper(tin->raw, &len);
	if (!digits_and(tin->raw, "- ") || len != 9)
	{
		rule_issue(ctx, RULE_TAX_ID_INVALID, 0, "billing_tax_id", text,
				   "billing provider tax id \"%s\" is not 9 digits (an EIN 12-3456789 or an SSN 123-45-6789)", text);
		return;
	}
	for (i = 1; i < 9; i++)
		one_digit &= d[i] == d[0];
	if (one_digit)
		why = "it is one digit repeated";
	else if (strcmp(d, "123456789") == 0)
		why = "it is the digits in order, a placeholder";
	/* written as an SSN (3-2-4), it must be one that can be issued */
	else if (tin->raw.len == 11 && tin->raw.s[3] == '-' && tin->raw.s[6] == '-')
		why = impossible_ssn(d);
	if (why != NULL)
		rule_issue(ctx, RULE_TAX_ID_INVALID, 0, "billing_tax_id", text,
				   "billing provider tax id %s cannot be an EIN or SSN: %s", text, why);
}

/* ----- taxonomy ----- */

static void
check_taxonomy(RuleContext *ctx)
{
	const FieldValue *tax = &ctx->claim->f[CF_BILLING_TAXONOMY];
	const char *s = tax->raw.s;
	bool		ok;
	int			i;

	if (!rule_on(ctx, RULE_TAXONOMY_INVALID) || tax->state != VALUE_OK)
		return;
	ok = tax->raw.len == 10 && code_upper(s[9]) == 'X';
	for (i = 0; ok && i < 9; i++)
		ok = code_is_digit(s[i]) || code_is_upper(code_upper(s[i]));
	if (!ok)
		rule_issue(ctx, RULE_TAXONOMY_INVALID, 0, "billing_taxonomy", field_text(tax),
				   "billing provider taxonomy code \"%s\" is not a NUCC taxonomy code (10 letters and digits ending in X, as 207Q00000X)",
				   field_text(tax));
}

/* ----- names ----- */

/* Words a registration clerk types when the real name is not at hand. */
static const char *const default_placeholders[] = {
	"TEST", "TESTING", "UNKNOWN", "UNK", "NONE", "NULL", "NA", "N/A", "XXX", "XXXX", "PATIENT", "SUBSCRIBER",
	"INSURED", "NAME", "LASTNAME", "FIRSTNAME", "NOT GIVEN", "NO NAME", "TBD"
};

/* Is the (trimmed) name one of the placeholders, ignoring case? */
static bool
is_placeholder(const RuleParams *p, ClaimStr name)
{
	int			i;

	if (p->nplaceholders >= 0)
	{
		for (i = 0; i < p->nplaceholders; i++)
			if ((int) strlen(p->placeholders[i]) == name.len && pg_strncasecmp(p->placeholders[i], name.s, name.len) == 0)
				return true;
		return false;
	}
	for (i = 0; i < (int) lengthof(default_placeholders); i++)
		if ((int) strlen(default_placeholders[i]) == name.len &&
			pg_strncasecmp(default_placeholders[i], name.s, name.len) == 0)
			return true;
	return false;
}

/* What is wrong with a name, or NULL. */
static const char *
name_problem(const RuleParams *p, ClaimStr name)
{
	bool		letter = false;
	int			i;

	if (is_placeholder(p, name))
		return "is placeholder text, not a name";
	for (i = 0; i < name.len; i++)
	{
		if (code_is_digit(name.s[i]))
			return "holds a digit";
		/* the 837's separators: the clearinghouse rejects them in any value */
		if (strchr("*~:^>`|", name.s[i]) != NULL)
			return psprintf("holds \"%c\", a character the 837 uses as a separator", name.s[i]);
		/* letters of any alphabet count: a byte of a multibyte character is not ASCII */
		letter |= code_is_upper(code_upper(name.s[i])) || (unsigned char) name.s[i] >= 0x80;
	}
	return letter ? NULL : "holds no letter";
}

static void
check_person(RuleContext *ctx, ClaimFieldId last_id, ClaimFieldId first_id, const char *who)
{
	const FieldValue *last = &ctx->claim->f[last_id];
	const FieldValue *first = &ctx->claim->f[first_id];
	const RuleParams *p = &ctx->config->params;
	const char *problem;

	if (last->state == VALUE_OK && (problem = name_problem(p, last->raw)) != NULL)
		rule_issue(ctx, RULE_NAME_INVALID, 0, claim_field_specs[last_id].name, field_text(last),
				   "%s last name \"%s\" %s", who, field_text(last), problem);
	if (first->state == VALUE_OK && (problem = name_problem(p, first->raw)) != NULL)
		rule_issue(ctx, RULE_NAME_INVALID, 0, claim_field_specs[first_id].name, field_text(first),
				   "%s first name \"%s\" %s", who, field_text(first), problem);
	else if (last->state == VALUE_OK && (first->state == VALUE_MISSING || first->state == VALUE_ABSENT))
		rule_issue_at(ctx, RULE_NAME_INVALID, SEV_WARNING, 0, claim_field_specs[first_id].name, NULL,
					  "%s %s has no first name; the 837 sends one for every person who has one (%s)", who,
					  field_text(last), claim_field_specs[first_id].x12_professional);
}

static void
check_names(RuleContext *ctx)
{
	const Claim *claim = ctx->claim;
	const FieldValue *rel = &claim->f[CF_PATIENT_RELATIONSHIP];

	if (!rule_on(ctx, RULE_NAME_INVALID))
		return;
	if (claim->f[CF_SUBSCRIBER_LAST_NAME].state == VALUE_ABSENT)
		rule_not_checked(ctx, RULE_NAME_INVALID, "the claim has no subscriber_last_name field");
	check_person(ctx, CF_SUBSCRIBER_LAST_NAME, CF_SUBSCRIBER_FIRST_NAME, "subscriber");
	/* the patient's own name matters when the patient is someone else; RELATIONSHIP_INVALID compares it otherwise */
	if (rel->state == VALUE_OK && !claim_str_eq(rel->raw, "18"))
		check_person(ctx, CF_PATIENT_LAST_NAME, CF_PATIENT_FIRST_NAME, "patient");
}

/* ----- relationship ----- */

static const char *const relationship_codes[] = {"18", "01", "19", "20", "21", "39", "40", "53", "G8"};

static bool
same_name(const FieldValue *a, const FieldValue *b)
{
	int			la;
	int			lb;
	char	   *x;
	char	   *y;

	if (a->state != VALUE_OK || b->state != VALUE_OK)
		return true;			/* nothing to compare */
	x = alnum_upper(a->raw, &la);
	y = alnum_upper(b->raw, &lb);
	return la == lb && memcmp(x, y, la) == 0;
}

static void
check_relationship(RuleContext *ctx)
{
	const Claim *claim = ctx->claim;
	const FieldValue *rel = &claim->f[CF_PATIENT_RELATIONSHIP];
	int			i;
	bool		known = false;

	if (!rule_on(ctx, RULE_RELATIONSHIP_INVALID))
		return;
	if (rel->state == VALUE_ABSENT)
		rule_not_checked(ctx, RULE_RELATIONSHIP_INVALID, "the claim has no patient_relationship field");
	if (rel->state != VALUE_OK)
		return;
	for (i = 0; i < (int) lengthof(relationship_codes) && !known; i++)
		known = rel->raw.len == 2 && code_upper(rel->raw.s[0]) == relationship_codes[i][0] &&
			rel->raw.s[1] == relationship_codes[i][1];
	if (!known)
		rule_issue(ctx, RULE_RELATIONSHIP_INVALID, 0, "patient_relationship", field_text(rel),
				   "patient relationship \"%s\" is not an 837 individual relationship code (18 self, 01 spouse, 19 child, 20 employee, 21 unknown, 39 organ donor, 40 cadaver donor, 53 life partner, G8 other)",
				   field_text(rel));
	else if (claim_str_eq(rel->raw, "18") &&
			 (!same_name(&claim->f[CF_PATIENT_LAST_NAME], &claim->f[CF_SUBSCRIBER_LAST_NAME]) ||
			  !same_name(&claim->f[CF_PATIENT_FIRST_NAME], &claim->f[CF_SUBSCRIBER_FIRST_NAME])))
		rule_issue_at(ctx, RULE_RELATIONSHIP_INVALID, SEV_WARNING, 0, "patient_relationship", "18",
					  "the relationship is 18 (self), but the patient %s %s is not the subscriber %s %s",
					  field_text(&claim->f[CF_PATIENT_FIRST_NAME]), field_text(&claim->f[CF_PATIENT_LAST_NAME]),
					  field_text(&claim->f[CF_SUBSCRIBER_FIRST_NAME]), field_text(&claim->f[CF_SUBSCRIBER_LAST_NAME]));
}

void
check_frontend(RuleContext *ctx)
{
	check_billing_address(ctx);
	check_tax_id(ctx);
	check_taxonomy(ctx);
	check_names(ctx);
	check_relationship(ctx);
}
