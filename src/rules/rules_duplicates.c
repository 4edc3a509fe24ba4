/*
 * rules_duplicates.c
 *	  Duplicates across claims: DUPLICATE_CLAIM and DUPLICATE_SERVICE.
 *
 * The caller (the scrub trigger) finds the claims already in the table for
 * the same member, billing provider and first date of service; these rules
 * compare the new claim's lines with theirs.  A line with the same procedure,
 * modifiers and date as a line of an earlier claim is a duplicate: an error
 * when its units and charge are the same too, else a warning.  A replacement
 * or void (frequency 7 or 8) is not a duplicate of the claim it corrects, nor
 * that claim (changed later) of it, and a voided claim is no longer there to
 * duplicate.
 */
#include "postgres.h"

#include <math.h>

#include "types/code_type.h"
#include "engine/rules.h"
#include "rules/groups.h"

/* The claim's frequency: frequency_code, else the last digit of its type of bill; '\0' when neither. */
static char
claim_frequency(const Claim *claim)
{
	const FieldValue *freq = &claim->f[CF_FREQUENCY_CODE];
	char		tob[3];

	if (freq->state == VALUE_OK && freq->raw.len > 0)
		return freq->raw.s[freq->raw.len - 1];
	if (type_of_bill_digits(&claim->f[CF_TYPE_OF_BILL], tob))
		return tob[2];
	return '\0';
}

bool
claim_is_correction(const Claim *claim)
{
	char		f = claim_frequency(claim);

	return f == '7' || f == '8';
}

/* Whether earlier is a replacement or void naming claim as its original: not a copy of it. */
static bool
corrects(const Claim *earlier, const Claim *claim)
{
	const FieldValue *original = &earlier->f[CF_ORIGINAL_CLAIM_ID];
	const FieldValue *id = &claim->f[CF_CLAIM_ID];

	return claim_is_correction(earlier) && original->state == VALUE_OK && id->state == VALUE_OK &&
		original->raw.len == id->raw.len && memcmp(original->raw.s, id->raw.s, id->raw.len) == 0;
}

static bool
same_number(const FieldValue *a, const FieldValue *b, double tolerance)
{
	if (a->state != VALUE_OK || b->state != VALUE_OK)
		return a->state == b->state;
	return fabs(a->v.num - b->v.num) <= tolerance;
}

/* The first line of an earlier claim billing the same service: procedure, modifiers, date. */
static const ClaimLine *
same_service(const Claim *claim, const ClaimLine *line, DateADT date, const Claim *earlier)
{
	int			i;

	for (i = 0; i < earlier->nlines; i++)
	{
		const ClaimLine *other = &earlier->lines[i];
		DateADT		other_date;

		if (other->f[LF_PROCEDURE].state == VALUE_OK &&
			other->f[LF_PROCEDURE].v.code == line->f[LF_PROCEDURE].v.code &&
			line_service_date(earlier, other, &other_date) && other_date == date &&
			lines_have_same_modifiers(line, other))
			return other;
	}
	return NULL;
}

static const char *
claim_label(const Claim *claim)
{
	const FieldValue *id = &claim->f[CF_CLAIM_ID];

	return id->state == VALUE_OK ? psprintf("claim %s", field_text(id)) : "a claim without an id";
}

bool
duplicate_check_applies(const Claim *claim)
{
	const RuleConfig *config = rules_claim_config(claim);

	return (config->enabled[RULE_DUPLICATE_CLAIM] || config->enabled[RULE_DUPLICATE_SERVICE]) &&
		!claim_is_correction(claim);
}

void
check_duplicates(RuleContext *ctx)
{
	const Claim *claim = ctx->claim;
	Claim	   *const *earlier = ctx->earlier;
	int			nearlier = ctx->nearlier;
	int			i,
				j;

	if (nearlier < 0)
	{
		rule_not_checked(ctx, RULE_DUPLICATE_CLAIM,
						 "only the scrub trigger with 'duplicates=on' compares a claim with the claims of its table");
		rule_not_checked(ctx, RULE_DUPLICATE_SERVICE,
						 "only the scrub trigger with 'duplicates=on' compares a claim with the claims of its table");
		return;
	}

	for (i = 0; i < claim->nlines; i++)
	{
		const ClaimLine *line = &claim->lines[i];
		DateADT		date;
		const Claim *match = NULL;
		const ClaimLine *match_line = NULL;
		bool		exact = false;

		if (line->f[LF_PROCEDURE].state != VALUE_OK || !line_service_date(claim, line, &date))
			continue;

		/* an exact duplicate on any earlier claim wins over the same service billed otherwise */
		for (j = 0; j < nearlier && !exact; j++)
		{
			const ClaimLine *other;

			if (claim_frequency(earlier[j]) == '8' || corrects(earlier[j], claim) ||
				(other = same_service(claim, line, date, earlier[j])) == NULL)
				continue;
			exact = same_number(&line->f[LF_UNITS], &other->f[LF_UNITS], 1e-9) &&
				same_number(&line->f[LF_CHARGE], &other->f[LF_CHARGE], 0.005);
			if (exact || match == NULL)
			{
				match = earlier[j];
				match_line = other;
			}
		}
		if (match == NULL)
			continue;
		if (exact && rule_on(ctx, RULE_DUPLICATE_CLAIM))
			rule_issue(ctx, RULE_DUPLICATE_CLAIM, line->line_no, "procedure",
					   code_text(&hcpcs_type, line->f[LF_PROCEDURE].v.code),
					   "line %d %s on %s was billed on %s line %d, with the same modifiers, units and charge",
					   line->line_no, code_text(&hcpcs_type, line->f[LF_PROCEDURE].v.code), date_text(date),
					   claim_label(match), match_line->line_no);
		else if (!exact && rule_on(ctx, RULE_DUPLICATE_SERVICE))
			rule_issue(ctx, RULE_DUPLICATE_SERVICE, line->line_no, "procedure",
					   code_text(&hcpcs_type, line->f[LF_PROCEDURE].v.code),
					   "line %d %s on %s was billed on %s line %d with the same modifiers and other units or charge",
					   line->line_no, code_text(&hcpcs_type, line->f[LF_PROCEDURE].v.code), date_text(date),
					   claim_label(match), match_line->line_no);
	}
}
