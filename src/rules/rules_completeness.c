/*
 * rules_completeness.c
 *	  CLAIM_INCOMPLETE: the elements the 837 requires for the claim's type.
 *
 * The claim contract (claim.h) marks every field required or situational
 * after the implementation guides (837P 005010X222A1, 837I 005010X223A2).
 * A required field that is absent or empty is reported here, once, naming
 * the field and its X12 element; the field's own rule then says nothing of
 * it.  With CLAIM_INCOMPLETE off (partial extracts), a field present but
 * empty is reported by its own rule, as before the contract had
 * requirements, and an absent one switches off the rules that need it.
 */
#include "postgres.h"

#include "engine/rules.h"
#include "rules/groups.h"

/* Is the patient the subscriber?  Unknown (no relationship) counts as yes: nothing more is required then. */
static bool
patient_is_subscriber(const Claim *claim)
{
	const FieldValue *rel = &claim->f[CF_PATIENT_RELATIONSHIP];

	return rel->state != VALUE_OK || claim_str_eq(rel->raw, "18");
}

static bool
requirement_applies(const RuleContext *ctx, Requirement req)
{
	switch (req)
	{
		case REQ_SITUATIONAL:
			return false;
		case REQ_ALWAYS:
			return true;
		case REQ_PROFESSIONAL:
			return !ctx->institutional;
		case REQ_INSTITUTIONAL:
			return ctx->institutional;
		case REQ_INPATIENT:
			return ctx->institutional && claim_is_inpatient(ctx->claim);
		case REQ_ADMITTED:
			return ctx->institutional && claim_has_admission(ctx->claim);
		case REQ_PATIENT_VISIT:
			return ctx->institutional && !claim_is_specimen_only(ctx->claim);
		case REQ_NOT_SELF:
			return !patient_is_subscriber(ctx->claim);
	}
	return false;
}

/* Does the 837 (and the payer's CLAIM_INCOMPLETE parameters) require this header field of the claim? */
bool
field_required(const RuleContext *ctx, ClaimFieldId id)
{
	const RuleParams *p = &ctx->config->params;

	if (p->incomplete_ignore_claim & FIELD_BIT(id))
		return false;
	return (p->incomplete_require_claim & FIELD_BIT(id)) ||
		requirement_applies(ctx, claim_field_specs[id].requirement);
}

bool
line_field_required(const RuleContext *ctx, LineFieldId id)
{
	const RuleParams *p = &ctx->config->params;

	if (p->incomplete_ignore_line & FIELD_BIT(id))
		return false;
	return (p->incomplete_require_line & FIELD_BIT(id)) ||
		requirement_applies(ctx, line_field_specs[id].requirement);
}

/*
 * Should a field's own rule report it missing?  Only when the claim needs it
 * and CLAIM_INCOMPLETE, which would name it, is off.
 */
bool
own_rule_reports_missing(const RuleContext *ctx, ClaimFieldId id)
{
	return !rule_on(ctx, RULE_CLAIM_INCOMPLETE) && field_required(ctx, id);
}

bool
own_rule_reports_missing_line(const RuleContext *ctx, LineFieldId id)
{
	return !rule_on(ctx, RULE_CLAIM_INCOMPLETE) && line_field_required(ctx, id);
}

static bool
is_missing(const FieldValue *fv)
{
	return fv->state == VALUE_ABSENT || fv->state == VALUE_MISSING;
}

/* The element a field goes to in the claim's transaction, as "837P 2010AA NM109". */
static const char *
element_text(const RuleContext *ctx, const FieldSpec *spec)
{
	return psprintf("%s %s", ctx->institutional ? "837I" : "837P",
					ctx->institutional ? spec->x12_institutional : spec->x12_professional);
}

static void
report_header(RuleContext *ctx, ClaimFieldId id)
{
	const FieldSpec *spec = &claim_field_specs[id];

	if (id == CF_CLAIM_TYPE)
		rule_issue(ctx, RULE_CLAIM_INCOMPLETE, 0, spec->name, NULL,
				   "the claim has no claim type (claim_type: professional for an 837P, institutional for an 837I); it was read as professional");
	else if (id == CF_LINES)
		rule_issue(ctx, RULE_CLAIM_INCOMPLETE, 0, spec->name, NULL,
				   "the claim has no service lines (lines, %s)", element_text(ctx, spec));
	else
		rule_issue(ctx, RULE_CLAIM_INCOMPLETE, 0, spec->name, NULL, "the claim has no %s (%s, %s)",
				   spec->label, spec->name, element_text(ctx, spec));
}

static void
report_line(RuleContext *ctx, const ClaimLine *line, LineFieldId id)
{
	const FieldSpec *spec = &line_field_specs[id];

	if (id == LF_SERVICE_DATE)
		rule_issue(ctx, RULE_CLAIM_INCOMPLETE, line->line_no, spec->name, NULL,
				   "line %d has no %s, and the claim no service_from (%s, %s)", line->line_no,
				   spec->label, spec->name, element_text(ctx, spec));
	else
		rule_issue(ctx, RULE_CLAIM_INCOMPLETE, line->line_no, spec->name, NULL, "line %d has no %s (%s, %s)",
				   line->line_no, spec->label, spec->name, element_text(ctx, spec));
}

/* A line's field is missing; a professional line's date may be the claim's. */
static bool
line_field_missing(const Claim *claim, const ClaimLine *line, LineFieldId id)
{
	if (id == LF_SERVICE_DATE)
		return is_missing(&line->f[id]) && claim->f[CF_SERVICE_FROM].state != VALUE_OK;
	return is_missing(&line->f[id]);
}

void
check_completeness(RuleContext *ctx)
{
	const Claim *claim = ctx->claim;
	int			id;
	int			i;

	if (!rule_on(ctx, RULE_CLAIM_INCOMPLETE))
		return;
	for (id = 0; id < CLAIM_FIELD_COUNT; id++)
	{
		bool		missing = id == CF_LINES ? claim->f[CF_LINES].state != VALUE_INVALID && claim->nlines == 0
			: is_missing(&claim->f[id]);

		if (missing && field_required(ctx, (ClaimFieldId) id))
			report_header(ctx, (ClaimFieldId) id);
	}
	for (i = 0; i < claim->nlines; i++)
	{
		if (claim->lines[i].unreadable)
			continue;			/* FIELD_INVALID said it is no line */
		for (id = 0; id < LINE_FIELD_COUNT; id++)
			if (line_field_required(ctx, (LineFieldId) id) &&
				line_field_missing(claim, &claim->lines[i], (LineFieldId) id))
				report_line(ctx, &claim->lines[i], (LineFieldId) id);
	}
}
