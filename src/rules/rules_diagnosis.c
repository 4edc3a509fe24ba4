/*
 * rules_diagnosis.c
 *	  Diagnosis rules: presence, count, code set, principal diagnosis, MCE
 *	  age and sex edits, duplicates, unspecified codes, line pointers.
 */
#include "postgres.h"

#include "utils/datetime.h"

#include "types/code_type.h"
#include "engine/rules.h"
#include "rules/groups.h"

static const char *
dx_text(const FieldValue *item)
{
	return item->state == VALUE_OK ? code_text(&icd10cm_type, item->v.code) : field_text(item);
}

/* Whole years of age on a date. */
static int
age_on(DateADT birth, DateADT on)
{
	int			by,
				bm,
				bd,
				y,
				m,
				d;

	j2date(birth + POSTGRES_EPOCH_JDATE, &by, &bm, &bd);
	j2date(on + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	return y - by - ((m < bm || (m == bm && d < bd)) ? 1 : 0);
}

/* The MCE flags of a code valid on a date. */
static int32
mce_flags(int64 code, DateADT date)
{
	RefCursor	cur;
	const RefEntry *e;
	int32		flags = 0;

	refdata_lookup(REF_MCE, code, &cur);
	while ((e = refdata_next(&cur)) != NULL)
		if (ref_valid_on(e, date))
			flags |= e->a;
	return flags;
}

/* The code set's verdict on one diagnosis: DX_INVALID, DX_NOT_BILLABLE, DX_UNSPECIFIED. */
static void
check_code_set(RuleContext *ctx, const FieldValue *item, int position, DateADT date)
{
	const RefEntry *e = refdata_find(REF_ICD10CM, item->v.code, date);
	const char *code;

	if (e != NULL && (e->a & ICD_BILLABLE) && !(e->a & ICD_UNSPECIFIED))
		return;					/* the common case: a valid, specific code */
	code = dx_text(item);
	if (e == NULL)
	{
		const RefEntry *other;

		if (!rule_on(ctx, RULE_DX_INVALID))
			return;
		other = refdata_find(REF_ICD10CM, item->v.code, DATEVAL_NOBEGIN);
		if (other == NULL)
			rule_issue(ctx, RULE_DX_INVALID, 0, "diagnoses", code,
					   "diagnosis %d %s is not in the ICD-10-CM code set", position, code);
		else
			rule_issue(ctx, RULE_DX_INVALID, 0, "diagnoses", code,
					   "diagnosis %d %s is not valid on %s (valid %s to %s)", position, code, date_text(date),
					   date_text(other->from), other->to == REF_NO_END ? "now" : date_text(other->to));
	}
	else if (!(e->a & ICD_BILLABLE))
	{
		if (rule_on(ctx, RULE_DX_NOT_BILLABLE))
			rule_issue(ctx, RULE_DX_NOT_BILLABLE, 0, "diagnoses", code,
					   "diagnosis %d %s is a category header, not a billable code: more characters are required",
					   position, code);
	}
	else if ((e->a & ICD_UNSPECIFIED) && (e->a & ICD_HAS_SPECIFIED_SIBLING) && rule_on(ctx, RULE_DX_UNSPECIFIED))
		rule_issue(ctx, RULE_DX_UNSPECIFIED, 0, "diagnoses", code,
				   "diagnosis %d %s is unspecified while the code set has specified codes beside it", position, code);
}

static void
check_age_and_sex(RuleContext *ctx, const FieldValue *item, int position, DateADT date, int32 flags)
{
	const FieldValue *birth = &ctx->claim->f[CF_PATIENT_BIRTH_DATE];
	const FieldValue *sex = &ctx->claim->f[CF_PATIENT_SEX];
	const char *code;

	if (flags == 0)
		return;
	code = dx_text(item);

	if (rule_on(ctx, RULE_DX_AGE_CONFLICT) && birth->state == VALUE_OK && birth->v.date <= date &&
		(flags & (MCE_NEWBORN | MCE_PEDIATRIC | MCE_MATERNITY | MCE_ADULT)))
	{
		int			age = age_on(birth->v.date, date);
		const char *group = NULL;

		if ((flags & MCE_NEWBORN) && age != 0)
			group = "a newborn (age 0)";
		else if ((flags & MCE_PEDIATRIC) && age > 17)
			group = "a pediatric (age 0-17)";
		else if ((flags & MCE_MATERNITY) && (age < 9 || age > 64))
			group = "a maternity (age 9-64)";
		else if ((flags & MCE_ADULT) && (age < 15 || age > 124))
			group = "an adult (age 15-124)";
		if (group != NULL)
			rule_issue(ctx, RULE_DX_AGE_CONFLICT, 0, "diagnoses", code,
					   "diagnosis %d %s is %s code and the patient is %d on %s", position, code, group, age,
					   date_text(date));
	}
	if (rule_on(ctx, RULE_DX_SEX_CONFLICT) && sex->state == VALUE_OK && sex->raw.len == 1)
	{
		char		s = code_upper(sex->raw.s[0]);

		if (((flags & MCE_FEMALE) && s == 'M') || ((flags & MCE_MALE) && s == 'F'))
			rule_issue(ctx, RULE_DX_SEX_CONFLICT, 0, "diagnoses", code,
					   "diagnosis %d %s is for %s patients and the patient's sex is %c", position, code,
					   (flags & MCE_FEMALE) ? "female" : "male", s);
	}
}

static void
check_principal(RuleContext *ctx, const FieldValue *first, DateADT date, bool mce_loaded)
{
	const char *code;
	char		chars[8];
	int32		flags;

	code_unpack_chars(first->v.code, 7, chars);
	code = dx_text(first);
	if (rule_on(ctx, RULE_DX_EXTERNAL_CAUSE_PRIMARY) && strchr("VWXY", chars[0]) != NULL)
		rule_issue(ctx, RULE_DX_EXTERNAL_CAUSE_PRIMARY, 0, "diagnoses", code,
				   "the first-listed diagnosis %s is an external cause code", code);
	if (!mce_loaded)
		return;
	flags = mce_flags(first->v.code, date);
	if (rule_on(ctx, RULE_DX_MANIFESTATION_PRIMARY) && (flags & MCE_MANIFESTATION))
		rule_issue(ctx, RULE_DX_MANIFESTATION_PRIMARY, 0, "diagnoses", code,
				   "the first-listed diagnosis %s is a manifestation code", code);
	if (rule_on(ctx, RULE_DX_UNACCEPTABLE_PRIMARY) && (flags & MCE_UNACCEPTABLE_PRINCIPAL))
		rule_issue(ctx, RULE_DX_UNACCEPTABLE_PRIMARY, 0, "diagnoses", code,
				   "the first-listed diagnosis %s is not acceptable as the principal diagnosis", code);
}

/*
 * Can the ICD-10-CM code set judge the claim's codes on its date?  When it
 * cannot (not loaded, no date, a date its releases do not cover), its rules
 * are reported not checked, with the reason.
 */
static bool
icd_code_set_usable(RuleContext *ctx, bool icd_loaded, bool have_date, DateADT date)
{
	static const RuleId icd_rules[] = {RULE_DX_INVALID, RULE_DX_NOT_BILLABLE, RULE_DX_UNSPECIFIED};
	const char *gap = !icd_loaded ? "cleanclaim.icd10cm_codes is empty"
		: !have_date ? "the claim has no readable date of service"
		: code_set_gap(REF_ICD10CM, 0, date, "ICD-10-CM codes");
	size_t		i;

	for (i = 0; gap != NULL && i < lengthof(icd_rules); i++)
		if (rule_on(ctx, icd_rules[i]))
			rule_not_checked(ctx, icd_rules[i], "%s", gap);
	return gap == NULL;
}

static void
report_unchecked_mce_rules(RuleContext *ctx, bool mce_loaded, bool have_date)
{
	static const RuleId mce_rules[] = {RULE_DX_MANIFESTATION_PRIMARY, RULE_DX_UNACCEPTABLE_PRIMARY,
	RULE_DX_AGE_CONFLICT, RULE_DX_SEX_CONFLICT};
	size_t		i;

	for (i = 0; i < lengthof(mce_rules); i++)
		if (rule_on(ctx, mce_rules[i]) && (!mce_loaded || !have_date))
			rule_not_checked(ctx, mce_rules[i], !mce_loaded ? "cleanclaim.mce_edits is empty"
							 : "the claim has no readable date of service");
}

static void
check_diagnosis_list(RuleContext *ctx)
{
	const FieldValue *dx = &ctx->claim->f[CF_DIAGNOSES];
	int			max = ctx->institutional ? ctx->config->params.max_dx_institutional
		: ctx->config->params.max_dx_professional;
	bool		icd_loaded = refdata_has_rows(REF_ICD10CM);
	bool		mce_loaded = refdata_has_rows(REF_MCE);
	DateADT		date = 0;
	bool		have_date = claim_first_service_date(ctx->claim, &date);
	bool		icd_usable;
	int			i;
	int			j;

	if (ctx->claim->f[CF_PATIENT_BIRTH_DATE].state == VALUE_ABSENT)
		rule_not_checked(ctx, RULE_DX_AGE_CONFLICT, "the claim has no patient_birth_date field");
	if (ctx->claim->f[CF_PATIENT_SEX].state == VALUE_ABSENT)
		rule_not_checked(ctx, RULE_DX_SEX_CONFLICT, "the claim has no patient_sex field");
	if (rule_on(ctx, RULE_DX_TOO_MANY) && dx->nitems > max)
		rule_issue(ctx, RULE_DX_TOO_MANY, 0, "diagnoses", psprintf("%d", dx->nitems),
				   "%d diagnoses on %s claim, which holds %d", dx->nitems,
				   ctx->institutional ? "an institutional" : "a professional", max);
	icd_usable = icd_code_set_usable(ctx, icd_loaded, have_date, date);
	report_unchecked_mce_rules(ctx, mce_loaded, have_date);
	for (i = 0; i < dx->nitems; i++)
	{
		const FieldValue *item = &dx->items[i];

		if (item->state != VALUE_OK)
		{
			if (rule_on(ctx, RULE_DX_INVALID) && !value_reported_invalid(item))
				rule_issue(ctx, RULE_DX_INVALID, 0, "diagnoses",
						   item->state == VALUE_MISSING ? NULL : field_text(item),
						   item->state == VALUE_MISSING ? "diagnosis %d is empty%s"
						   : "diagnosis %d \"%s\" is not an ICD-10-CM code: %s", i + 1,
						   item->state == VALUE_MISSING ? "" : field_text(item),
						   item->state == VALUE_MISSING ? "" : invalid_code_reason(&icd10cm_type, item));
			continue;
		}
		for (j = 0; j < i; j++)
		{
			if (dx->items[j].state == VALUE_OK && dx->items[j].v.code == item->v.code)
			{
				if (rule_on(ctx, RULE_DX_DUPLICATE))
					rule_issue(ctx, RULE_DX_DUPLICATE, 0, "diagnoses", dx_text(item),
							   "diagnosis %d %s repeats diagnosis %d", i + 1, dx_text(item), j + 1);
				break;
			}
		}
		if (!have_date)
			continue;
		if (icd_usable)
			check_code_set(ctx, item, i + 1, date);
		if (mce_loaded)
			check_age_and_sex(ctx, item, i + 1, date, mce_flags(item->v.code, date));
	}
	if (dx->nitems > 0 && dx->items[0].state == VALUE_OK)
		check_principal(ctx, &dx->items[0], date, mce_loaded && have_date);
}

static void
check_pointers(RuleContext *ctx)
{
	const Claim *claim = ctx->claim;
	int			ndx = claim->f[CF_DIAGNOSES].nitems;
	int			i;
	int			j;

	if (!rule_on(ctx, RULE_DX_POINTER_INVALID))
		return;
	for (i = 0; i < claim->nlines; i++)
	{
		const ClaimLine *line = &claim->lines[i];
		const FieldValue *ptrs = &line->f[LF_DX_POINTERS];

		/* institutional lines have no pointers (the 837I has no SV107) */
		if (ptrs->state == VALUE_ABSENT && !ctx->institutional)
			rule_not_checked(ctx, RULE_DX_POINTER_INVALID, "line %d has no dx_pointers field", line->line_no);
		if (ptrs->state == VALUE_ABSENT || ptrs->state == VALUE_INVALID)
			continue;
		if (ptrs->state == VALUE_MISSING)
		{
			if (own_rule_reports_missing_line(ctx, LF_DX_POINTERS))
				rule_issue(ctx, RULE_DX_POINTER_INVALID, line->line_no, "dx_pointers", NULL,
						   "line %d points to no diagnosis", line->line_no);
			continue;
		}
		if (ptrs->nitems > 4)
			rule_issue(ctx, RULE_DX_POINTER_INVALID, line->line_no, "dx_pointers", psprintf("%d", ptrs->nitems),
					   "line %d has %d diagnosis pointers; a line holds 4", line->line_no, ptrs->nitems);
		for (j = 0; j < ptrs->nitems; j++)
		{
			const FieldValue *p = &ptrs->items[j];

			if (value_reported_invalid(p))
				continue;
			else if (p->state != VALUE_OK)
				rule_issue(ctx, RULE_DX_POINTER_INVALID, line->line_no, "dx_pointers", field_text(p),
						   "line %d diagnosis pointer \"%s\" is not a whole number", line->line_no, field_text(p));
			else if (p->v.ival < 1 || p->v.ival > ndx)
			{
				const char *pointer = p->raw.s ? field_text(p) : psprintf("%d", p->v.ival);

				rule_issue(ctx, RULE_DX_POINTER_INVALID, line->line_no, "dx_pointers", pointer,
						   "line %d points to diagnosis %s, but the claim has %d", line->line_no, pointer, ndx);
			}
		}
	}
}

void
check_diagnoses(RuleContext *ctx)
{
	static const RuleId dx_rules[] = {RULE_DX_MISSING, RULE_DX_TOO_MANY, RULE_DX_INVALID, RULE_DX_NOT_BILLABLE,
		RULE_DX_EXTERNAL_CAUSE_PRIMARY, RULE_DX_MANIFESTATION_PRIMARY, RULE_DX_UNACCEPTABLE_PRIMARY,
		RULE_DX_AGE_CONFLICT, RULE_DX_SEX_CONFLICT, RULE_DX_DUPLICATE, RULE_DX_UNSPECIFIED, RULE_DX_POINTER_INVALID,
	RULE_MOD_LATERALITY_DX};
	const FieldValue *dx = &ctx->claim->f[CF_DIAGNOSES];
	size_t		i;

	if (dx->state == VALUE_ABSENT || dx->state == VALUE_INVALID)
	{
		/* no list to point into: the pointers cannot be checked either */
		for (i = 0; i < lengthof(dx_rules); i++)
			rule_not_checked(ctx, dx_rules[i], dx->state == VALUE_ABSENT ? "the claim has no diagnoses field"
							 : "the diagnoses could not be read (FIELD_INVALID)");
		return;
	}
	if (dx->state == VALUE_MISSING || dx->nitems == 0)
	{
		if (rule_on(ctx, RULE_DX_MISSING) && own_rule_reports_missing(ctx, CF_DIAGNOSES))
			rule_issue(ctx, RULE_DX_MISSING, 0, "diagnoses", NULL, "the claim has no diagnosis");
	}
	else
		check_diagnosis_list(ctx);
	check_pointers(ctx);
}
