/*
 * rules_institutional.c
 *	  The institutional (837I, UB-04) claim's own codes: type of bill,
 *	  revenue codes, admission date, type and point of origin, discharge
 *	  status, ICD-10-PCS procedures.
 */
#include "postgres.h"

#include "types/code_type.h"
#include "engine/rules.h"
#include "rules/groups.h"

/* ----- type of bill ----- */

static void
check_type_of_bill(RuleContext *ctx, bool tob_loaded)
{
	const FieldValue *tob = &ctx->claim->f[CF_TYPE_OF_BILL];
	char		digits[3];
	DateADT		date;
	const char *gap;

	if (!rule_on(ctx, RULE_TOB_INVALID) || tob->state != VALUE_OK)
		return;
	if (!type_of_bill_digits(tob, digits))
	{
		rule_issue(ctx, RULE_TOB_INVALID, 0, "type_of_bill", field_text(tob),
				   "type of bill \"%s\" is not a type of bill: 3 characters (facility type 1-8, classification, frequency), or 4 with a leading 0",
				   field_text(tob));
		return;
	}
	if (!tob_loaded)
		rule_not_checked(ctx, RULE_TOB_INVALID, "cleanclaim.type_of_bill_codes is empty: only the shape was checked");
	else if (!claim_first_service_date(ctx->claim, &date))
		return;
	else if ((gap = code_set_gap(REF_TOB, 0, date, "types of bill")) != NULL)
		rule_not_checked(ctx, RULE_TOB_INVALID, "%s", gap);
	else if (refdata_find(REF_TOB, type_of_bill_key(digits), date) == NULL)
		rule_issue(ctx, RULE_TOB_INVALID, 0, "type_of_bill", field_text(tob),
				   "type of bill %.3s is not in the type-of-bill list on %s", digits, date_text(date));
}

/* ----- revenue codes ----- */

static void
check_revenue_codes(RuleContext *ctx, bool revenue_loaded)
{
	const Claim *claim = ctx->claim;
	int			i;

	if (!rule_on(ctx, RULE_REVENUE_CODE_INVALID))
		return;
	if (!revenue_loaded)
		rule_not_checked(ctx, RULE_REVENUE_CODE_INVALID, "cleanclaim.revenue_codes is empty: only the shape was checked");
	for (i = 0; i < claim->nlines; i++)
	{
		const ClaimLine *line = &claim->lines[i];
		const FieldValue *rev = &line->f[LF_REVENUE_CODE];
		DateADT		date;
		const char *gap;
		int			code = 0;
		int			j;

		if (rev->state != VALUE_OK)
			continue;
		for (j = 0; j < rev->raw.len && code_is_digit(rev->raw.s[j]); j++)
			code = code * 10 + (rev->raw.s[j] - '0');
		if (rev->raw.len != 4 || j != 4)
			rule_issue(ctx, RULE_REVENUE_CODE_INVALID, line->line_no, "revenue_code", field_text(rev),
					   "line %d revenue code \"%s\" is not 4 digits%s", line->line_no, field_text(rev),
					   rev->raw.len == 3 && j == 3 ? " (a leading 0 is part of the code: 0450, not 450)" : "");
		else if (!revenue_loaded || !line_service_date(claim, line, &date))
			continue;
		else if ((gap = code_set_gap(REF_REVENUE, 0, date, "revenue codes")) != NULL)
			rule_not_checked(ctx, RULE_REVENUE_CODE_INVALID, "%s", gap);
		else if (refdata_find(REF_REVENUE, code, date) == NULL)
			rule_issue(ctx, RULE_REVENUE_CODE_INVALID, line->line_no, "revenue_code", field_text(rev),
					   "line %d revenue code %s is not in the revenue code list on %s", line->line_no,
					   field_text(rev), date_text(date));
	}
}

/* ----- admission ----- */

/* NUBC form locator 15, point of origin (codes in use since July 2010; 5 and 6 also for newborns) */
static const char point_of_origin_codes[] = "1245689DEFG";

static bool
is_one_of(const FieldValue *fv, const char *codes)
{
	return fv->raw.len == 1 && strchr(codes, code_upper(fv->raw.s[0])) != NULL;
}

static void
check_admission(RuleContext *ctx)
{
	const Claim *claim = ctx->claim;
	const FieldValue *admitted = &claim->f[CF_ADMISSION_DATE];
	const FieldValue *type = &claim->f[CF_ADMISSION_TYPE];
	const FieldValue *origin = &claim->f[CF_ADMISSION_SOURCE];
	const FieldValue *from = &claim->f[CF_SERVICE_FROM];

	if (!rule_on(ctx, RULE_ADMISSION_INVALID))
		return;
	if (admitted->state == VALUE_OK && admitted->v.date > ctx->today)
		rule_issue(ctx, RULE_ADMISSION_INVALID, 0, "admission_date", date_text(admitted->v.date),
				   "admission date %s is in the future", date_text(admitted->v.date));
	else if (admitted->state == VALUE_OK && from->state == VALUE_OK && claim_is_inpatient(claim) &&
			 admitted->v.date > from->v.date)
		rule_issue(ctx, RULE_ADMISSION_INVALID, 0, "admission_date", date_text(admitted->v.date),
				   "admission date %s is after the statement period starts (%s)", date_text(admitted->v.date),
				   date_text(from->v.date));
	if (type->state == VALUE_OK && !is_one_of(type, "123459"))
		rule_issue(ctx, RULE_ADMISSION_INVALID, 0, "admission_type", field_text(type),
				   "admission type \"%s\" is not a NUBC admission type (1 emergency, 2 urgent, 3 elective, 4 newborn, 5 trauma, 9 not available)",
				   field_text(type));
	if (origin->state == VALUE_OK && !is_one_of(origin, point_of_origin_codes))
		rule_issue(ctx, RULE_ADMISSION_INVALID, 0, "admission_source", field_text(origin),
				   "point of origin \"%s\" is not a NUBC point of origin code (1, 2, 4, 5, 6, 8, 9, D, E, F, G)",
				   field_text(origin));
}

/* ----- discharge status ----- */

/* NUBC form locator 17, patient discharge status, as two-digit numbers */
static const int discharge_status_codes[] = {
	1, 2, 3, 4, 5, 6, 7, 9, 20, 21, 30, 40, 41, 42, 43, 50, 51, 61, 62, 63, 64, 65, 66, 69, 70,
	81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95
};

static bool
is_discharge_status(const FieldValue *fv, int *code)
{
	size_t		i;

	if (fv->raw.len != 2 || !code_is_digit(fv->raw.s[0]) || !code_is_digit(fv->raw.s[1]))
		return false;
	*code = (fv->raw.s[0] - '0') * 10 + (fv->raw.s[1] - '0');
	for (i = 0; i < lengthof(discharge_status_codes); i++)
		if (discharge_status_codes[i] == *code)
			return true;
	return false;
}

static void
check_discharge_status(RuleContext *ctx)
{
	const FieldValue *status = &ctx->claim->f[CF_DISCHARGE_STATUS];
	char		tob[3];
	int			code;

	if (!rule_on(ctx, RULE_DISCHARGE_STATUS_INVALID) || status->state != VALUE_OK)
		return;
	if (!is_discharge_status(status, &code))
	{
		rule_issue(ctx, RULE_DISCHARGE_STATUS_INVALID, 0, "discharge_status", field_text(status),
				   "discharge status \"%s\" is not a NUBC patient discharge status code (two digits: 01 home, 02 short-term hospital, 30 still a patient, ...)",
				   field_text(status));
		return;
	}
	/* an inpatient bill says by its frequency whether the stay ended: it must agree with the status */
	if (!claim_is_inpatient(ctx->claim) || !type_of_bill_digits(&ctx->claim->f[CF_TYPE_OF_BILL], tob))
		return;
	if (code == 30 && (tob[2] == '1' || tob[2] == '4'))
		rule_issue(ctx, RULE_DISCHARGE_STATUS_INVALID, 0, "discharge_status", "30",
				   "discharge status 30 (still a patient) is on a final bill (type of bill %.3s, frequency %c: the stay has ended)",
				   tob, tob[2]);
	else if (code != 30 && (tob[2] == '2' || tob[2] == '3'))
		rule_issue(ctx, RULE_DISCHARGE_STATUS_INVALID, 0, "discharge_status", field_text(status),
				   "discharge status %s is on an interim bill (type of bill %.3s, frequency %c: the patient is still in); interim bills carry 30",
				   field_text(status), tob, tob[2]);
}

/* ----- ICD-10-PCS ----- */

static void
check_pcs(RuleContext *ctx)
{
	const FieldValue *pcs = &ctx->claim->f[CF_ICD10PCS_PROCEDURES];
	int			i;

	if (!rule_on(ctx, RULE_PCS_INVALID) || pcs->state != VALUE_OK)
		return;
	for (i = 0; i < pcs->nitems; i++)
	{
		ClaimStr	c = pcs->items[i].raw;
		bool		ok = c.len == 7;
		int			j;

		for (j = 0; ok && j < 7; j++)
		{
			char		u = code_upper(c.s[j]);

			ok = code_is_digit(u) || (code_is_upper(u) && u != 'I' && u != 'O');
		}
		if (!ok && !value_reported_invalid(&pcs->items[i]))
			rule_issue(ctx, RULE_PCS_INVALID, 0, "icd10pcs_procedures", field_text(&pcs->items[i]),
					   "ICD-10-PCS procedure %d \"%s\" is not 7 letters and digits (without I and O)", i + 1,
					   field_text(&pcs->items[i]));
	}
}

void
check_institutional(RuleContext *ctx)
{
	if (!ctx->institutional)
		return;
	check_type_of_bill(ctx, refdata_has_rows(REF_TOB));
	check_revenue_codes(ctx, refdata_has_rows(REF_REVENUE));
	check_admission(ctx);
	check_discharge_status(ctx);
	check_pcs(ctx);
}
