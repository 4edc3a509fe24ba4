/*
 * rules_patient.c
 *	  Patient and date rules.
 */
#include "postgres.h"

#include "engine/rules.h"
#include "rules/groups.h"

/* The first day ICD-10 codes may be billed for. */
#define ICD10_START_DATE 5752		/* 2015-10-01, in days since 2000-01-01 */

static void
check_birth_date(RuleContext *ctx)
{
	const FieldValue *birth = &ctx->claim->f[CF_PATIENT_BIRTH_DATE];
	DateADT		service;

	if (!rule_on(ctx, RULE_PATIENT_BIRTH_DATE_INVALID))
		return;
	if (birth->state == VALUE_ABSENT)
		rule_not_checked(ctx, RULE_PATIENT_BIRTH_DATE_INVALID, "the claim has no patient_birth_date field");
	else if (birth->state == VALUE_MISSING)
	{
		if (own_rule_reports_missing(ctx, CF_PATIENT_BIRTH_DATE))
			rule_issue(ctx, RULE_PATIENT_BIRTH_DATE_INVALID, 0, "patient_birth_date", NULL, "patient birth date is missing");
	}
	else if (birth->state != VALUE_OK)
		return;					/* FIELD_INVALID said why */
	else if (birth->v.date > ctx->today)
		rule_issue(ctx, RULE_PATIENT_BIRTH_DATE_INVALID, 0, "patient_birth_date", date_text(birth->v.date),
				   "patient birth date %s is in the future", date_text(birth->v.date));
	else if (claim_first_service_date(ctx->claim, &service) && birth->v.date > service)
		rule_issue(ctx, RULE_PATIENT_BIRTH_DATE_INVALID, 0, "patient_birth_date", date_text(birth->v.date),
				   "patient birth date %s is after the date of service %s", date_text(birth->v.date),
				   date_text(service));
}

static void
check_sex(RuleContext *ctx)
{
	const FieldValue *sex = &ctx->claim->f[CF_PATIENT_SEX];

	if (!rule_on(ctx, RULE_PATIENT_SEX_INVALID))
		return;
	if (sex->state == VALUE_ABSENT)
		rule_not_checked(ctx, RULE_PATIENT_SEX_INVALID, "the claim has no patient_sex field");
	else if (sex->state == VALUE_MISSING)
	{
		if (own_rule_reports_missing(ctx, CF_PATIENT_SEX))
			rule_issue(ctx, RULE_PATIENT_SEX_INVALID, 0, "patient_sex", NULL, "patient sex is missing");
	}
	else if (sex->state == VALUE_OK &&
			 !(sex->raw.len == 1 && strchr("MFUmfu", sex->raw.s[0]) != NULL))
		rule_issue(ctx, RULE_PATIENT_SEX_INVALID, 0, "patient_sex", field_text(sex),
				   "patient sex \"%s\" is not M, F or U", field_text(sex));
}

static void
date_issue(RuleContext *ctx, int line_no, const char *field, DateADT d, const char *what)
{
	rule_issue(ctx, RULE_SERVICE_DATES_INVALID, line_no, field, date_text(d), "%s %s %s",
			   line_no > 0 ? psprintf("line %d service date", line_no) : field, date_text(d), what);
}

static void
check_service_dates(RuleContext *ctx)
{
	const Claim *claim = ctx->claim;
	const FieldValue *from = &claim->f[CF_SERVICE_FROM];
	const FieldValue *to = &claim->f[CF_SERVICE_TO];
	bool		has_dx = claim->f[CF_DIAGNOSES].state == VALUE_OK;
	int			i;

	if (!rule_on(ctx, RULE_SERVICE_DATES_INVALID))
		return;
	if (from->state == VALUE_ABSENT && to->state == VALUE_ABSENT && claim->nlines == 0)
	{
		rule_not_checked(ctx, RULE_SERVICE_DATES_INVALID, "the claim has no dates of service");
		return;
	}
	if (from->state == VALUE_MISSING && own_rule_reports_missing(ctx, CF_SERVICE_FROM))
		rule_issue(ctx, RULE_SERVICE_DATES_INVALID, 0, "service_from", NULL, "service from date is missing");
	if (from->state == VALUE_OK && to->state == VALUE_OK && from->v.date > to->v.date)
		rule_issue(ctx, RULE_SERVICE_DATES_INVALID, 0, "service_from", date_text(from->v.date),
				   "service from %s is after service to %s", date_text(from->v.date), date_text(to->v.date));
	if (from->state == VALUE_OK && from->v.date > ctx->today)
		date_issue(ctx, 0, "service_from", from->v.date, "is in the future");
	else if (to->state == VALUE_OK && to->v.date > ctx->today)
		date_issue(ctx, 0, "service_to", to->v.date, "is in the future");
	if (has_dx && from->state == VALUE_OK && from->v.date < ICD10_START_DATE)
		date_issue(ctx, 0, "service_from", from->v.date, "is before 2015-10-01, when ICD-10 codes began");
	for (i = 0; i < claim->nlines; i++)
	{
		const ClaimLine *line = &claim->lines[i];
		const FieldValue *d = &line->f[LF_SERVICE_DATE];

		if (d->state != VALUE_OK)
			continue;
		if (from->state == VALUE_OK && to->state == VALUE_OK && (d->v.date < from->v.date || d->v.date > to->v.date))
			rule_issue(ctx, RULE_SERVICE_DATES_INVALID, line->line_no, "service_date", date_text(d->v.date),
					   "line %d service date %s is outside the claim's period %s to %s", line->line_no,
					   date_text(d->v.date), date_text(from->v.date), date_text(to->v.date));
		else if (d->v.date > ctx->today)
			date_issue(ctx, line->line_no, "service_date", d->v.date, "is in the future");
		else if (has_dx && from->state != VALUE_OK && d->v.date < ICD10_START_DATE)
			date_issue(ctx, line->line_no, "service_date", d->v.date, "is before 2015-10-01, when ICD-10 codes began");
	}
}

void
check_patient(RuleContext *ctx)
{
	check_birth_date(ctx);
	check_sex(ctx);
	check_service_dates(ctx);
}
