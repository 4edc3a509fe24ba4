/*
 * rules_eligibility.c
 *	  Eligibility first: the claim against the payers' eligibility answers
 *	  on file (cleanclaim.eligibility, filled from 271s by load_271).  The
 *	  rules say they did not run when no answer is loaded at all, and
 *	  ELIGIBILITY_UNKNOWN only warns for a payer whose answers are loaded,
 *	  so that data merely not loaded never rejects a claim.
 */
#include "postgres.h"

#include "refdata/refdata.h"
#include "engine/rules.h"
#include "rules/groups.h"

/* The claim's first date of service: service_from, else its earliest line's. */
static bool
first_service_date(const Claim *claim, DateADT *date)
{
	bool		found = false;
	int			i;

	*date = 0;
	if (claim->f[CF_SERVICE_FROM].state == VALUE_OK)
	{
		*date = claim->f[CF_SERVICE_FROM].v.date;
		return true;
	}
	for (i = 0; i < claim->nlines; i++)
	{
		DateADT		d;

		if (line_service_date(claim, &claim->lines[i], &d) && (!found || d < *date))
		{
			*date = d;
			found = true;
		}
	}
	return found;
}

static bool
covers(const Eligibility *e, DateADT date)
{
	return e->status == ELIG_ACTIVE && (e->from == DATEVAL_NOBEGIN || e->from <= date) &&
		(e->to == DATEVAL_NOEND || e->to >= date);
}

static bool
same_payer(const Eligibility *e, const FieldValue *payer)
{
	return claim_str_eq(payer->raw, e->payer_id);
}

static const char *
status_text(const Eligibility *e)
{
	switch (e->status)
	{
		case ELIG_ACTIVE:
			if (e->from != DATEVAL_NOBEGIN && e->to != DATEVAL_NOEND)
				return psprintf("active from %s to %s", date_text(e->from), date_text(e->to));
			if (e->from != DATEVAL_NOBEGIN)
				return psprintf("active from %s", date_text(e->from));
			return e->to != DATEVAL_NOEND ? psprintf("active until %s", date_text(e->to)) : "active";
		case ELIG_INACTIVE:
			return e->to != DATEVAL_NOEND ? psprintf("inactive (coverage ended %s)", date_text(e->to)) : "inactive";
		case ELIG_REJECTED:
			return "rejected (the member was not found or the request was refused)";
		default:
			return "unknown";
	}
}

void
check_eligibility(RuleContext *ctx)
{
	const Claim *claim = ctx->claim;
	const FieldValue *payer = &claim->f[CF_PAYER_ID];
	const FieldValue *member = &claim->f[CF_MEMBER_ID];
	const Eligibility *answers;
	const Eligibility *newest_of_payer = NULL;
	const Eligibility *other_covering = NULL;
	bool		payer_covers = false;
	DateADT		date;
	int			n;
	int			i;
	bool		inactive_on = rule_on(ctx, RULE_ELIGIBILITY_INACTIVE);
	bool		unknown_on = rule_on(ctx, RULE_ELIGIBILITY_UNKNOWN);
	bool		mismatch_on = rule_on(ctx, RULE_PAYER_PLAN_MISMATCH);

	if (!inactive_on && !unknown_on && !mismatch_on)
		return;
	if (refdata_eligibility_count() == 0)
	{
		if (inactive_on)
			rule_not_checked(ctx, RULE_ELIGIBILITY_INACTIVE, "cleanclaim.eligibility is empty");
		if (unknown_on)
			rule_not_checked(ctx, RULE_ELIGIBILITY_UNKNOWN, "cleanclaim.eligibility is empty");
		if (mismatch_on)
			rule_not_checked(ctx, RULE_PAYER_PLAN_MISMATCH, "cleanclaim.eligibility is empty");
		return;
	}
	if (payer->state != VALUE_OK || member->state != VALUE_OK || !first_service_date(claim, &date))
	{
		const char *why = "needs payer_id, member_id and a date of service";

		if (inactive_on)
			rule_not_checked(ctx, RULE_ELIGIBILITY_INACTIVE, "%s", why);
		if (unknown_on)
			rule_not_checked(ctx, RULE_ELIGIBILITY_UNKNOWN, "%s", why);
		if (mismatch_on)
			rule_not_checked(ctx, RULE_PAYER_PLAN_MISMATCH, "%s", why);
		return;
	}

	/* the member's answers: the claim payer's newest, whether any of them covers the date, another payer's that does */
	n = refdata_eligibility_member(member->raw.s, member->raw.len, &answers);
	for (i = 0; i < n; i++)
	{
		const Eligibility *e = &answers[i];

		if (same_payer(e, payer))
		{
			if (newest_of_payer == NULL)
				newest_of_payer = e;	/* newest first, per payer */
			payer_covers = payer_covers || covers(e, date);
		}
		else if (other_covering == NULL && covers(e, date))
			other_covering = e;
	}

	if (newest_of_payer != NULL && !payer_covers && inactive_on)
		rule_issue(ctx, RULE_ELIGIBILITY_INACTIVE, 0, "member_id", field_text(member),
				   "member %s has no active coverage with payer %s on %s: its answer of %s says %s",
				   field_text(member), field_text(payer), date_text(date), date_text(newest_of_payer->checked_on),
				   status_text(newest_of_payer));
	if (newest_of_payer == NULL && unknown_on)
	{
		if (refdata_eligibility_payer(payer->raw.s, payer->raw.len))
			rule_issue(ctx, RULE_ELIGIBILITY_UNKNOWN, 0, "member_id", field_text(member),
					   "no eligibility answer from payer %s for member %s is on file", field_text(payer),
					   field_text(member));
		else
			rule_not_checked(ctx, RULE_ELIGIBILITY_UNKNOWN, "no eligibility answer from payer %s is on file",
							 field_text(payer));
	}
	if (other_covering != NULL && !payer_covers && mismatch_on)
		rule_issue(ctx, RULE_PAYER_PLAN_MISMATCH, 0, "payer_id", field_text(payer),
				   "the claim goes to payer %s, but payer %s answered on %s that it covers member %s on %s%s%s",
				   field_text(payer), other_covering->payer_id, date_text(other_covering->checked_on),
				   field_text(member), date_text(date), other_covering->plan ? ", plan " : "",
				   other_covering->plan ? other_covering->plan : "");
}
