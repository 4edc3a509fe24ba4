/*
 * rules_billing.c
 *	  Input, provider, payer, charge, authorization and frequency rules.
 */
#include "postgres.h"

#include <math.h>

#include "types/code_type.h"
#include "engine/rules.h"
#include "rules/groups.h"

/* ----- input ----- */

static bool
field_ignored(const RuleParams *p, const char *field)
{
	int			i;

	for (i = 0; i < p->nignored_fields; i++)
		if (strcmp(p->ignored_fields[i], field) == 0)
			return true;
	return false;
}

void
check_input(RuleContext *ctx)
{
	const Claim *claim = ctx->claim;
	const FieldValue *type = &claim->f[CF_CLAIM_TYPE];
	int			i;

	for (i = 0; i < claim->nproblems; i++)
	{
		const InputProblem *p = &claim->problems[i];

		if (p->kind == INPUT_FIELD_UNKNOWN)
		{
			if (rule_on(ctx, RULE_FIELD_UNKNOWN) && !field_ignored(&ctx->config->params, p->field))
				rule_issue(ctx, RULE_FIELD_UNKNOWN, p->line_no, p->field, NULL,
						   "unknown field \"%s\"%s%s", p->field,
						   p->reason ? ": " : "", p->reason ? p->reason : "");
		}
		else if (rule_on(ctx, RULE_FIELD_INVALID))
			rule_issue(ctx, RULE_FIELD_INVALID, p->line_no, p->field,
					   p->value.len > 0 ? claim_str_cstring(p->value) : NULL,
					   "%s%s%s%s: %s", p->field, p->value.len > 0 ? " \"" : "",
					   p->value.len > 0 ? claim_str_cstring(p->value) : "", p->value.len > 0 ? "\"" : "",
					   p->reason);
	}
	if (type->state == VALUE_OK && !ctx->institutional && rule_on(ctx, RULE_FIELD_INVALID) &&
		!(type->raw.len == 12 && pg_strncasecmp(type->raw.s, "professional", 12) == 0))
		rule_issue(ctx, RULE_FIELD_INVALID, 0, "claim_type", field_text(type),
				   "claim_type \"%s\": professional or institutional is expected", field_text(type));
}

/* ----- providers ----- */

static void
check_npi(RuleContext *ctx, RuleId rule, const FieldValue *fv, int line_no, const char *field,
		  const char *label, bool required)
{
	if (fv->state == VALUE_ABSENT)
	{
		if (required)
			rule_not_checked(ctx, rule, "the claim has no %s field", field);
		return;
	}
	if (fv->state == VALUE_MISSING && required && own_rule_reports_missing(ctx, CF_BILLING_NPI))
		rule_issue(ctx, rule, line_no, field, NULL, "%s is missing", label);
	else if (fv->state == VALUE_INVALID && !value_reported_invalid(fv))
		rule_issue(ctx, rule, line_no, field, field_text(fv), "%s %s is not a valid NPI: %s",
				   label, field_text(fv), invalid_code_reason(&npi_type, fv));
}

static void
check_npis(RuleContext *ctx)
{
	const Claim *claim = ctx->claim;
	int			i;

	if (rule_on(ctx, RULE_NPI_BILLING_INVALID))
		check_npi(ctx, RULE_NPI_BILLING_INVALID, &claim->f[CF_BILLING_NPI], 0, "billing_npi", "billing NPI", true);
	if (!rule_on(ctx, RULE_NPI_RENDERING_INVALID))
		return;
	check_npi(ctx, RULE_NPI_RENDERING_INVALID, &claim->f[CF_RENDERING_NPI], 0, "rendering_npi", "rendering NPI", false);
	check_npi(ctx, RULE_NPI_RENDERING_INVALID, &claim->f[CF_REFERRING_NPI], 0, "referring_npi", "referring NPI", false);
	check_npi(ctx, RULE_NPI_RENDERING_INVALID, &claim->f[CF_ATTENDING_NPI], 0, "attending_npi", "attending NPI", false);
	for (i = 0; i < claim->nlines; i++)
		check_npi(ctx, RULE_NPI_RENDERING_INVALID, &claim->lines[i].f[LF_RENDERING_NPI],
				  claim->lines[i].line_no, "rendering_npi", "rendering NPI", false);
}

/* ----- payer ----- */

static void
check_payer(RuleContext *ctx)
{
	const FieldValue *payer = &ctx->claim->f[CF_PAYER_ID];
	const FieldValue *member = &ctx->claim->f[CF_MEMBER_ID];

	if (rule_on(ctx, RULE_PAYER_UNKNOWN))
	{
		if (payer->state == VALUE_ABSENT)
			rule_not_checked(ctx, RULE_PAYER_UNKNOWN, "the claim has no payer_id field");
		else if (payer->state == VALUE_MISSING)
		{
			if (own_rule_reports_missing(ctx, CF_PAYER_ID))
				rule_issue(ctx, RULE_PAYER_UNKNOWN, 0, "payer_id", NULL, "payer id is missing");
		}
		else if (refdata_payer_count() == 0)
			rule_not_checked(ctx, RULE_PAYER_UNKNOWN, "cleanclaim.payers is empty");
		else if (payer->state == VALUE_OK && ctx->payer == NULL)
			rule_issue(ctx, RULE_PAYER_UNKNOWN, 0, "payer_id", field_text(payer),
					   "payer %s is not in cleanclaim.payers", field_text(payer));
	}
	if (rule_on(ctx, RULE_MEMBER_ID_MISSING))
	{
		if (member->state == VALUE_ABSENT)
			rule_not_checked(ctx, RULE_MEMBER_ID_MISSING, "the claim has no member_id field");
		else if (member->state == VALUE_MISSING && own_rule_reports_missing(ctx, CF_MEMBER_ID))
			rule_issue(ctx, RULE_MEMBER_ID_MISSING, 0, "member_id", NULL, "member id is missing");
	}
}

static void
check_timely_filing(RuleContext *ctx)
{
	const FieldValue *submitted = &ctx->claim->f[CF_SUBMITTED_ON];
	const RuleParams *p = &ctx->config->params;
	DateADT		service;
	DateADT		basis;
	DateADT		deadline;
	int			days;
	const char *whose;

	if (!rule_on(ctx, RULE_TIMELY_FILING_EXPIRED))
		return;
	if (!claim_first_service_date(ctx->claim, &service))
	{
		rule_not_checked(ctx, RULE_TIMELY_FILING_EXPIRED, "the claim has no readable date of service");
		return;
	}
	if (submitted->state == VALUE_INVALID)
	{
		/* not "not submitted yet": today is no stand-in for a date we could not read */
		rule_not_checked(ctx, RULE_TIMELY_FILING_EXPIRED, "submitted_on could not be read (FIELD_INVALID)");
		return;
	}
	if (ctx->payer != NULL && ctx->payer->timely_filing_days > 0)
	{
		days = ctx->payer->timely_filing_days;
		whose = psprintf("payer %s's", ctx->payer->payer_id);
	}
	else
	{
		days = p->timely_days;
		whose = "the default";
	}
	basis = submitted->state == VALUE_OK ? submitted->v.date : ctx->today;
	deadline = service + days;
	if (basis > deadline)
		rule_issue(ctx, RULE_TIMELY_FILING_EXPIRED, 0, "submitted_on", date_text(basis),
				   "%s %s is %d day%s past %s %d-day filing limit (service %s, limit %s)",
				   submitted->state == VALUE_OK ? "submitted on" : "today,", date_text(basis),
				   basis - deadline, basis - deadline == 1 ? "" : "s", whose, days, date_text(service),
				   date_text(deadline));
	else if (deadline - basis <= p->timely_warn_days && submitted->state != VALUE_OK)
		rule_issue_at(ctx, RULE_TIMELY_FILING_EXPIRED, SEV_WARNING, 0, "service_from", date_text(service),
					  "%d day%s left before %s %d-day filing limit (service %s, limit %s)",
					  deadline - basis, deadline - basis == 1 ? "" : "s", whose, days, date_text(service),
					  date_text(deadline));
}

static void
check_frequency(RuleContext *ctx)
{
	const FieldValue *freq = &ctx->claim->f[CF_FREQUENCY_CODE];
	const FieldValue *original = &ctx->claim->f[CF_ORIGINAL_CLAIM_ID];
	char		tob[3];
	char		code;

	if (!rule_on(ctx, RULE_FREQUENCY_REF_MISSING))
		return;
	if (freq->state != VALUE_OK)
	{
		/* an institutional claim's frequency is the last character of its type of bill */
		if (ctx->institutional && type_of_bill_digits(&ctx->claim->f[CF_TYPE_OF_BILL], tob))
			freq = &ctx->claim->f[CF_TYPE_OF_BILL];
		else
		{
			rule_not_checked(ctx, RULE_FREQUENCY_REF_MISSING, "the claim has no frequency_code");
			return;
		}
	}
	code = freq->raw.s[freq->raw.len - 1];	/* "7" or a type of bill ending in 7 */
	if (freq == &ctx->claim->f[CF_TYPE_OF_BILL] && !code_is_digit(code))
		return;					/* a letter: an adjustment or interim code that names no original */
	if (!code_is_digit(code) || (freq->raw.len != 1 && freq->raw.len != 3 && freq->raw.len != 4))
		rule_issue(ctx, RULE_FREQUENCY_REF_MISSING, 0, "frequency_code", field_text(freq),
				   "frequency code %s is not a claim frequency (1 original, 7 replacement, 8 void)",
				   field_text(freq));
	else if ((code == '7' || code == '8') && original->state != VALUE_OK)
		rule_issue(ctx, RULE_FREQUENCY_REF_MISSING, 0, "original_claim_id", NULL,
				   "a %s claim (frequency %c) needs original_claim_id, the payer's number of the claim it %s",
				   code == '7' ? "replacement" : "void", code, code == '7' ? "replaces" : "voids");
	else if (code == '1' && original->state == VALUE_OK)
		rule_issue(ctx, RULE_FREQUENCY_REF_MISSING, 0, "original_claim_id", field_text(original),
				   "an original claim (frequency 1) names original_claim_id %s; send it as a replacement (7) or drop the reference",
				   field_text(original));
}

/* ----- charges ----- */

static void
check_charges(RuleContext *ctx)
{
	const Claim *claim = ctx->claim;
	const FieldValue *total = &claim->f[CF_TOTAL_CHARGE];
	double		sum = 0;
	bool		all_lines = claim->nlines > 0;
	int			i;

	for (i = 0; i < claim->nlines; i++)
	{
		const FieldValue *charge = &claim->lines[i].f[LF_CHARGE];

		if (charge->state == VALUE_OK)
			sum += charge->v.num;
		else
			all_lines = false;
		if (!rule_on(ctx, RULE_CHARGE_NOT_POSITIVE))
			continue;
		if (charge->state == VALUE_OK && charge->v.num <= 0)
			rule_issue(ctx, RULE_CHARGE_NOT_POSITIVE, claim->lines[i].line_no, "charge",
					   psprintf("%.2f", charge->v.num), "line %d charge %.2f is not positive",
					   claim->lines[i].line_no, charge->v.num);
		else if (charge->state == VALUE_MISSING && own_rule_reports_missing_line(ctx, LF_CHARGE))
			rule_issue(ctx, RULE_CHARGE_NOT_POSITIVE, claim->lines[i].line_no, "charge", NULL,
					   "line %d has no charge", claim->lines[i].line_no);
	}
	if (rule_on(ctx, RULE_CHARGE_NOT_POSITIVE) && total->state == VALUE_OK && total->v.num <= 0)
		rule_issue(ctx, RULE_CHARGE_NOT_POSITIVE, 0, "total_charge", psprintf("%.2f", total->v.num),
				   "total charge %.2f is not positive", total->v.num);
	else if (rule_on(ctx, RULE_CHARGE_NOT_POSITIVE) && total->state == VALUE_MISSING &&
			 own_rule_reports_missing(ctx, CF_TOTAL_CHARGE))
		rule_issue(ctx, RULE_CHARGE_NOT_POSITIVE, 0, "total_charge", NULL, "the claim has no total charge");
	if (!rule_on(ctx, RULE_CHARGE_TOTAL_MISMATCH))
		return;
	if (total->state != VALUE_OK || !all_lines)
		rule_not_checked(ctx, RULE_CHARGE_TOTAL_MISMATCH, "needs total_charge and a charge on every line");
	else if (fabs(total->v.num - sum) > ctx->config->params.charge_tolerance)
		rule_issue(ctx, RULE_CHARGE_TOTAL_MISMATCH, 0, "total_charge", psprintf("%.2f", total->v.num),
				   "total charge %.2f differs from the sum of the line charges %.2f by %.2f",
				   total->v.num, sum, total->v.num - sum);
}

/* ----- authorizations ----- */

/* Does the line's procedure need prior authorization from the claim's payer on its date? */
static bool
line_needs_auth(const RuleContext *ctx, const ClaimLine *line)
{
	DateADT		date;

	return ctx->payer_index >= 0 && line->f[LF_PROCEDURE].state == VALUE_OK &&
		line_service_date(ctx->claim, line, &date) &&
		refdata_find(REF_AUTH_REQUIREMENTS, auth_requirement_key(ctx->payer_index, line->f[LF_PROCEDURE].v.code),
					 date) != NULL;
}

static void
check_auth_missing(RuleContext *ctx)
{
	const Claim *claim = ctx->claim;
	int			i;

	if (!rule_on(ctx, RULE_AUTH_MISSING))
		return;
	if (!refdata_has_rows(REF_AUTH_REQUIREMENTS))
	{
		rule_not_checked(ctx, RULE_AUTH_MISSING, "cleanclaim.auth_requirements is empty");
		return;
	}
	if (claim->f[CF_PRIOR_AUTH].state == VALUE_OK)
		return;
	if (claim->f[CF_PAYER_ID].state == VALUE_ABSENT)
	{
		rule_not_checked(ctx, RULE_AUTH_MISSING, "the claim has no payer_id field");
		return;
	}
	for (i = 0; i < claim->nlines; i++)
	{
		const ClaimLine *line = &claim->lines[i];

		if (line_needs_auth(ctx, line))
			rule_issue(ctx, RULE_AUTH_MISSING, line->line_no, "prior_auth", NULL,
					   "line %d procedure %s needs prior authorization from payer %s and the claim has none",
					   line->line_no, code_text(&hcpcs_type, line->f[LF_PROCEDURE].v.code), ctx->payer->payer_id);
	}
}

/* Does the authorization cover this line's procedure? */
static bool
auth_covers_procedure(const Authorization *auth, const ClaimLine *line)
{
	return auth->procedure == 0 ||
		(line->f[LF_PROCEDURE].state == VALUE_OK && line->f[LF_PROCEDURE].v.code == auth->procedure);
}

static void
check_auth_lines(RuleContext *ctx, const Authorization *auth, bool requirements_known)
{
	const Claim *claim = ctx->claim;
	double		units = 0;
	int			i;

	for (i = 0; i < claim->nlines; i++)
	{
		const ClaimLine *line = &claim->lines[i];
		DateADT		date;

		if (requirements_known ? !line_needs_auth(ctx, line) : !auth_covers_procedure(auth, line))
			continue;
		if (!auth_covers_procedure(auth, line))
		{
			rule_issue(ctx, RULE_AUTH_MISMATCH, line->line_no, "procedure",
					   code_text(&hcpcs_type, line->f[LF_PROCEDURE].v.code),
					   "authorization %s covers procedure %s, not line %d's %s", auth->auth_number,
					   code_text(&hcpcs_type, auth->procedure), line->line_no,
					   code_text(&hcpcs_type, line->f[LF_PROCEDURE].v.code));
			continue;
		}
		if (line_service_date(claim, line, &date) && (date < auth->from || date > auth->to))
			rule_issue(ctx, RULE_AUTH_MISMATCH, line->line_no, "service_date", date_text(date),
					   "line %d on %s is outside authorization %s (%s to %s)", line->line_no, date_text(date),
					   auth->auth_number, date_text(auth->from), date_text(auth->to));
		if (line->f[LF_UNITS].state == VALUE_OK)
			units += line->f[LF_UNITS].v.num;
	}
	if (auth->units_authorized >= 0 && units > auth->units_authorized - auth->units_used)
		rule_issue(ctx, RULE_AUTH_MISMATCH, 0, "prior_auth", auth->auth_number,
				   "the claim bills %g units under authorization %s, which has %g of %g left",
				   units, auth->auth_number, Max(auth->units_authorized - auth->units_used, 0), auth->units_authorized);
}

static void
check_auth_mismatch(RuleContext *ctx)
{
	const Claim *claim = ctx->claim;
	const FieldValue *number = &claim->f[CF_PRIOR_AUTH];
	const FieldValue *payer = &claim->f[CF_PAYER_ID];
	const FieldValue *member = &claim->f[CF_MEMBER_ID];
	const Authorization *auth;

	if (!rule_on(ctx, RULE_AUTH_MISMATCH) || number->state != VALUE_OK)
		return;
	if (refdata_authorization_count() == 0)
	{
		rule_not_checked(ctx, RULE_AUTH_MISMATCH, "cleanclaim.authorizations is empty");
		return;
	}
	if (payer->state != VALUE_OK)
	{
		rule_not_checked(ctx, RULE_AUTH_MISMATCH, "the claim has no payer_id");
		return;
	}
	auth = refdata_authorization(number->raw.s, number->raw.len, payer->raw.s, payer->raw.len);
	if (auth == NULL)
	{
		rule_issue(ctx, RULE_AUTH_MISMATCH, 0, "prior_auth", field_text(number),
				   "authorization %s is not on file for payer %s", field_text(number), field_text(payer));
		return;
	}
	if (member->state == VALUE_OK && !claim_str_eq(member->raw, auth->member_id))
		rule_issue(ctx, RULE_AUTH_MISMATCH, 0, "member_id", field_text(member),
				   "authorization %s is for member %s, not %s", auth->auth_number, auth->member_id, field_text(member));
	check_auth_lines(ctx, auth, refdata_has_rows(REF_AUTH_REQUIREMENTS));
}

static void
check_line_count(RuleContext *ctx)
{
	int			max = ctx->institutional ? ctx->config->params.max_lines_institutional
		: ctx->config->params.max_lines_professional;

	if (rule_on(ctx, RULE_LINES_TOO_MANY) && ctx->claim->nlines > max)
		rule_issue(ctx, RULE_LINES_TOO_MANY, 0, "lines", psprintf("%d", ctx->claim->nlines),
				   "%d lines on %s claim, which holds %d", ctx->claim->nlines,
				   ctx->institutional ? "an institutional" : "a professional", max);
}

void
check_billing(RuleContext *ctx)
{
	check_npis(ctx);
	check_payer(ctx);
	check_timely_filing(ctx);
	check_frequency(ctx);
	check_charges(ctx);
	check_auth_missing(ctx);
	check_auth_mismatch(ctx);
	check_line_count(ctx);
}
