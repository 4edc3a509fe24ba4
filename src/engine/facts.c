/*
 * facts.c
 *	  What the rule groups share about a claim: values as text for messages,
 *	  facts (first date of service, type of bill, inpatient, specimen only),
 *	  and a line's modifiers as the payers' settings see them.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/datetime.h"

#include "base/srf.h"
#include "types/code_type.h"
#include "engine/rules.h"

/* ----- text of values ----- */

const char *
field_text(const FieldValue *fv)
{
	return fv->raw.s != NULL ? claim_str_cstring(fv->raw) : "";
}

const char *
code_text(const CodeType *type, int64 code)
{
	char	   *buf = palloc(CODE_MAX_TEXT_LEN + 1);

	type->format(code, buf);
	return buf;
}

/* Dates in messages are ISO 8601 whatever DateStyle says. */
const char *
date_text(DateADT d)
{
	int			y,
				m,
				day;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	return psprintf("%04d-%02d-%02d", y, m, day);
}

/*
 * Why the loaded code set cannot judge a code of the family on the date, or
 * NULL when a release covers them: a code that is well formed but that no
 * loaded release speaks for is not checked, never called invalid.  what
 * names the codes ("procedure codes"); the reason says what to load.
 */
const char *
code_set_gap(RefTableId table, int family, DateADT date, const char *what)
{
	RefCoverage c;
	const char *label;
	const char *codes;

	if (refdata_covers(table, family, date, &c))
		return NULL;
	label = refdata_family_label(table, family);
	codes = label ? psprintf("%s %s", label, what) : what;
	if (!c.any)
		return psprintf("no release of cleanclaim.%s loaded holds %s", refdata_table_name(table), codes);
	return psprintf("the %s loaded%s cover %s to %s, not %s: load a newer release, or mark the release current with mark_release_current()",
					codes, c.release ? psprintf(" (release %s)", c.release) : "", date_text(c.from),
					c.to == REF_NO_END ? "now" : date_text(c.to), date_text(date));
}

/* Why a code field's text is not a valid code. */
const char *
invalid_code_reason(const CodeType *type, const FieldValue *fv)
{
	char	   *detail = palloc(CODE_DETAIL_LEN);
	int64		ignored;

	if (code_parse_detail(type, fv->raw.s, fv->raw.len, &ignored, detail))
		return "";
	return detail;
}

bool
claim_first_service_date(const Claim *claim, DateADT *date)
{
	bool		found = false;
	int			i;

	if (claim->f[CF_SERVICE_FROM].state == VALUE_OK)
	{
		*date = claim->f[CF_SERVICE_FROM].v.date;
		return true;
	}
	for (i = 0; i < claim->nlines; i++)
	{
		const FieldValue *d = &claim->lines[i].f[LF_SERVICE_DATE];

		if (d->state == VALUE_OK && (!found || d->v.date < *date))
		{
			*date = d->v.date;
			found = true;
		}
	}
	return found;
}

/*
 * The three characters of a type of bill (facility type, classification,
 * frequency), from "111" or "0111"; false when it has not that shape.
 */
bool
type_of_bill_digits(const FieldValue *tob, char digits[3])
{
	const char *s = tob->raw.s;
	int			len = tob->raw.len;
	int			i;

	if (tob->state != VALUE_OK)
		return false;
	if (len == 4 && s[0] == '0')
	{
		s++;
		len--;
	}
	/* the facility type code (CLM05-1) is two digits of 1 to 9 */
	if (len != 3 || s[0] < '1' || s[0] > '8' || s[1] < '1' || s[1] > '9')
		return false;
	for (i = 0; i < 3; i++)
		digits[i] = code_upper(s[i]);
	return code_is_digit(digits[2]) || code_is_upper(digits[2]);
}

/*
 * An inpatient stay, by the type of bill: a hospital, skilled nursing or
 * religious nonmedical facility (facility types 1, 2, 4) billing inpatient
 * services (classification 1 Part A, 2 Part B) or a swing bed (18x, 28x),
 * or an intermediate care facility (6x).  Clinics (7x) and special
 * facilities (8x) use the second digit for their kind, never inpatient.
 */
bool
claim_is_inpatient(const Claim *claim)
{
	char		tob[3];

	if (!type_of_bill_digits(&claim->f[CF_TYPE_OF_BILL], tob))
		return false;
	if (tob[0] == '6')
		return true;
	return (tob[0] == '1' || tob[0] == '2' || tob[0] == '4') &&
		(tob[1] == '1' || tob[1] == '2' || (tob[1] == '8' && tob[0] != '4'));
}

/*
 * Does the bill carry an admission date (2300 DTP*435)?  Inpatient stays,
 * and home health (32x, 33x) and hospice (81x, 82x) bills, which date the
 * start of care.
 */
bool
claim_has_admission(const Claim *claim)
{
	char		tob[3];

	if (claim_is_inpatient(claim))
		return true;
	if (!type_of_bill_digits(&claim->f[CF_TYPE_OF_BILL], tob))
		return false;
	return (tob[0] == '3' && (tob[1] == '2' || tob[1] == '3')) || (tob[0] == '8' && (tob[1] == '1' || tob[1] == '2'));
}

/* A hospital bill for specimens alone (14x, non-patient laboratory): no patient came, no point of origin. */
bool
claim_is_specimen_only(const Claim *claim)
{
	char		tob[3];

	return type_of_bill_digits(&claim->f[CF_TYPE_OF_BILL], tob) && tob[0] == '1' && tob[1] == '4';
}

bool
line_has_modifier(const ClaimLine *line, const char *modifier)
{
	const FieldValue *mods = &line->f[LF_MODIFIERS];
	int			i;

	if (mods->state != VALUE_OK)
		return false;
	for (i = 0; i < mods->nitems; i++)
		if (mods->items[i].raw.len == 2 && pg_strncasecmp(mods->items[i].raw.s, modifier, 2) == 0)
			return true;
	return false;
}

/* The number of a CPT Category I code (99213 for 99213), -1 for other codes. */
int
cpt_category_i_number(int64 code)
{
	char		chars[8];
	int			n = code_unpack_chars(code, 5, chars);
	int			i;
	int			number = 0;

	if (n != 5)
		return -1;
	for (i = 0; i < 5; i++)
	{
		if (!code_is_digit(chars[i]))
			return -1;
		number = number * 10 + (chars[i] - '0');
	}
	return number;
}

/* The same modifiers on both lines, in any order (as many, each of a's on b). */
bool
lines_have_same_modifiers(const ClaimLine *a, const ClaimLine *b)
{
	const FieldValue *ma = &a->f[LF_MODIFIERS];
	const FieldValue *mb = &b->f[LF_MODIFIERS];
	int			na = ma->state == VALUE_OK ? ma->nitems : 0;
	int			nb = mb->state == VALUE_OK ? mb->nitems : 0;
	int			i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (!line_has_modifier(b, claim_str_cstring(ma->items[i].raw)))
			return false;
	return true;
}

bool
line_modifier_at(const ClaimLine *line, int i, char up[3])
{
	const FieldValue *mods = &line->f[LF_MODIFIERS];
	ClaimStr	m;

	if (mods->state != VALUE_OK || i >= mods->nitems)
		return false;
	m = mods->items[i].raw;
	if (m.len != 2 || !(code_is_digit(m.s[0]) || code_is_upper(code_upper(m.s[0]))) ||
		!(code_is_digit(m.s[1]) || code_is_upper(code_upper(m.s[1]))))
		return false;
	up[0] = code_upper(m.s[0]);
	up[1] = code_upper(m.s[1]);
	up[2] = '\0';
	return true;
}

/* The payer's own row of a modifier in modifier_settings and the every-payer row (either may be NULL). */
static void
modifier_settings_of(const RuleContext *ctx, const char *modifier, const ModifierSetting **own,
					 const ModifierSetting **all)
{
	const FieldValue *payer = &ctx->claim->f[CF_PAYER_ID];

	*own = payer->state == VALUE_OK ? refdata_modifier_setting(payer->raw.s, payer->raw.len, modifier) : NULL;
	*all = refdata_modifier_setting(NULL, 0, modifier);
}

bool
modifier_scrutinized(const RuleContext *ctx, const char *modifier)
{
	const ModifierSetting *own,
			   *all;
	const ModifierInfo *info;

	modifier_settings_of(ctx, modifier, &own, &all);
	if (own != NULL && own->scrutinized >= 0)
		return own->scrutinized;
	if (all != NULL && all->scrutinized >= 0)
		return all->scrutinized;
	info = refdata_modifier_info(modifier);
	return info != NULL && info->scrutinized;
}

const ModifierSetting *
modifier_replacement(const RuleContext *ctx, const char *modifier)
{
	const ModifierSetting *own,
			   *all;

	modifier_settings_of(ctx, modifier, &own, &all);
	if (own != NULL && own->nuse_instead >= 0)
		return own->nuse_instead > 0 ? own : NULL;
	return all != NULL && all->nuse_instead > 0 ? all : NULL;
}

