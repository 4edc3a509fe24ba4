/*
 * rules_procedure.c
 *	  Procedure, units, modifier, NCCI, MUE, drug and place-of-service rules.
 */
#include "postgres.h"

#include <math.h>

#include "lib/stringinfo.h"

#include "types/code_type.h"
#include "engine/rules.h"
#include "rules/groups.h"

/* Pairwise line rules (NCCI, duplicates) are skipped on claims beyond this many lines. */
#define MAX_PAIRWISE_LINES 1000

static const char *
proc_text(const ClaimLine *line)
{
	return code_text(&hcpcs_type, line->f[LF_PROCEDURE].v.code);
}

static bool
proc_ok(const ClaimLine *line)
{
	return line->f[LF_PROCEDURE].state == VALUE_OK;
}

/* ----- one line at a time ----- */

static void
check_procedure_code(RuleContext *ctx, const ClaimLine *line, bool hcpcs_loaded)
{
	const FieldValue *proc = &line->f[LF_PROCEDURE];
	DateADT		date;
	const RefEntry *other;
	const char *gap;

	if (!rule_on(ctx, RULE_PROC_INVALID) || value_reported_invalid(proc))
		return;
	if (proc->state == VALUE_MISSING || proc->state == VALUE_ABSENT)
	{
		/* an institutional line may bill a revenue code alone */
		if (own_rule_reports_missing_line(ctx, LF_PROCEDURE))
			rule_issue(ctx, RULE_PROC_INVALID, line->line_no, "procedure", NULL,
					   "line %d has no procedure code", line->line_no);
	}
	else if (proc->state == VALUE_INVALID)
		rule_issue(ctx, RULE_PROC_INVALID, line->line_no, "procedure", field_text(proc),
				   "line %d procedure \"%s\" is not a CPT or HCPCS code: %s", line->line_no, field_text(proc),
				   invalid_code_reason(&hcpcs_type, proc));
	else if (!hcpcs_loaded || !line_service_date(ctx->claim, line, &date))
		return;
	else if ((gap = code_set_gap(REF_HCPCS, hcpcs_family(proc->v.code), date, "codes")) != NULL)
		rule_not_checked(ctx, RULE_PROC_INVALID, "%s", gap);
	else if (refdata_find(REF_HCPCS, proc->v.code, date) == NULL)
	{
		other = refdata_find(REF_HCPCS, proc->v.code, DATEVAL_NOBEGIN);
		if (other == NULL)
			rule_issue(ctx, RULE_PROC_INVALID, line->line_no, "procedure", proc_text(line),
					   "line %d procedure %s is not in the procedure code set", line->line_no, proc_text(line));
		else
			rule_issue(ctx, RULE_PROC_INVALID, line->line_no, "procedure", proc_text(line),
					   "line %d procedure %s is not active on %s (active %s to %s)", line->line_no,
					   proc_text(line), date_text(date), date_text(other->from),
					   other->to == REF_NO_END ? "now" : date_text(other->to));
	}
}

static void
check_units(RuleContext *ctx, const ClaimLine *line)
{
	const FieldValue *units = &line->f[LF_UNITS];

	if (units->state == VALUE_ABSENT)
		rule_not_checked(ctx, RULE_UNITS_INVALID, "line %d has no units field", line->line_no);
	if (!rule_on(ctx, RULE_UNITS_INVALID) || units->state == VALUE_ABSENT || units->state == VALUE_INVALID)
		return;
	if (units->state == VALUE_MISSING)
	{
		if (own_rule_reports_missing_line(ctx, LF_UNITS))
			rule_issue(ctx, RULE_UNITS_INVALID, line->line_no, "units", NULL, "line %d has no units", line->line_no);
	}
	else if (units->v.num <= 0 || units->v.num != floor(units->v.num))
		rule_issue(ctx, RULE_UNITS_INVALID, line->line_no, "units", psprintf("%g", units->v.num),
				   "line %d units %g are not a whole number of 1 or more", line->line_no, units->v.num);
}

static bool
is_modifier_shape(ClaimStr m)
{
	return m.len == 2 && (code_is_digit(m.s[0]) || code_is_upper(code_upper(m.s[0]))) &&
		(code_is_digit(m.s[1]) || code_is_upper(code_upper(m.s[1])));
}

static void
check_modifier_list(RuleContext *ctx, const ClaimLine *line, bool modifiers_loaded)
{
	const FieldValue *mods = &line->f[LF_MODIFIERS];
	DateADT		date = 0;
	bool		have_date = line_service_date(ctx->claim, line, &date);
	const char *gap;
	int			i;

	if (!rule_on(ctx, RULE_MOD_INVALID) || mods->state != VALUE_OK)
		return;
	if (mods->nitems > 4)
		rule_issue(ctx, RULE_MOD_INVALID, line->line_no, "modifiers", psprintf("%d", mods->nitems),
				   "line %d has %d modifiers; a line holds 4", line->line_no, mods->nitems);
	for (i = 0; i < mods->nitems; i++)
	{
		ClaimStr	m = mods->items[i].raw;
		char		up[3];

		if (value_reported_invalid(&mods->items[i]))
			continue;
		if (!is_modifier_shape(m))
		{
			rule_issue(ctx, RULE_MOD_INVALID, line->line_no, "modifiers", field_text(&mods->items[i]),
					   "line %d modifier \"%s\" is not two letters or digits", line->line_no,
					   field_text(&mods->items[i]));
			continue;
		}
		up[0] = code_upper(m.s[0]);
		up[1] = code_upper(m.s[1]);
		up[2] = '\0';
		if (!modifiers_loaded || !have_date)
			continue;
		gap = code_set_gap(REF_MODIFIERS, code_is_digit(up[0]) ? MODIFIER_CPT : MODIFIER_LEVEL_II, date, "modifiers");
		if (gap != NULL)
			rule_not_checked(ctx, RULE_MOD_INVALID, "%s", gap);
		else if (refdata_find(REF_MODIFIERS, modifier_key(up, 2), date) == NULL)
			rule_issue(ctx, RULE_MOD_INVALID, line->line_no, "modifiers", pstrdup(up),
					   "line %d modifier %s is not in the modifier list on %s", line->line_no, up, date_text(date));
	}
}

static bool
modifier_excludes(const ModifierInfo *info, const char *other)
{
	int			i;

	for (i = 0; info != NULL && i < info->nnot_with; i++)
		if (strcmp(info->not_with[i], other) == 0)
			return true;
	return false;
}

/* Pairs of modifiers on the line that modifier_reference.not_with keeps apart (either side may list them). */
static void
check_modifier_conflicts(RuleContext *ctx, const ClaimLine *line)
{
	const FieldValue *mods = &line->f[LF_MODIFIERS];
	int			i,
				j;

	if (!rule_on(ctx, RULE_MOD_CONFLICT) || mods->state != VALUE_OK)
		return;
	for (i = 0; i < mods->nitems; i++)
	{
		char		a[3];
		const ModifierInfo *ia;

		if (!line_modifier_at(line, i, a))
			continue;
		ia = refdata_modifier_info(a);
		for (j = i + 1; j < mods->nitems; j++)
		{
			char		b[3];

			if (line_modifier_at(line, j, b) &&
				(modifier_excludes(ia, b) || modifier_excludes(refdata_modifier_info(b), a)))
				rule_issue(ctx, RULE_MOD_CONFLICT, line->line_no, "modifiers", psprintf("%s %s", a, b),
						   "line %d has both %s and %s", line->line_no, a, b);
		}
	}
}

static bool
code_listed(int64 code, const int64 *codes, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		if (codes[i] == code)
			return true;
	return false;
}

/* "E/M (99202-99499)", or "surgery (10004-69990), radiology (70010-79999) or ..." */
static const char *
sections_text(uint32 sections)
{
	StringInfoData s;
	int			n = 0;
	int			i;

	initStringInfo(&s);
	for (i = 0; i < SECTION_COUNT; i++)
		if (sections & (1u << i))
			n++;
	for (i = 0; i < SECTION_COUNT; i++)
		if (sections & (1u << i))
		{
			n--;
			appendStringInfo(&s, "%s%s", procedure_section_labels[i], n > 1 ? ", " : n == 1 ? " or " : "");
		}
	return s.data;
}

/* " and on 92002, 92004, ..." for the codes outside its sections a modifier belongs on */
static const char *
also_codes_text(const ModifierInfo *info)
{
	StringInfoData s;
	int			i;

	if (info->nalso_codes == 0)
		return "";
	initStringInfo(&s);
	appendStringInfoString(&s, " and on ");
	for (i = 0; i < info->nalso_codes; i++)
		appendStringInfo(&s, "%s%s", i > 0 ? ", " : "", code_text(&hcpcs_type, info->also_codes[i]));
	return s.data;
}

/* A modifier on a code of a section modifier_reference.sections does not name (MOD_NOT_APPLICABLE). */
static void
check_modifier_sections(RuleContext *ctx, const ClaimLine *line)
{
	const FieldValue *mods = &line->f[LF_MODIFIERS];
	int64		code;
	ProcedureSection section;
	int			i;

	if (!rule_on(ctx, RULE_MOD_NOT_APPLICABLE) || mods->state != VALUE_OK || !proc_ok(line))
		return;
	code = line->f[LF_PROCEDURE].v.code;
	section = hcpcs_section(code);
	for (i = 0; i < mods->nitems; i++)
	{
		char		m[3];
		const ModifierInfo *info;

		if (!line_modifier_at(line, i, m) || (info = refdata_modifier_info(m)) == NULL ||
			info->sections == 0 || (info->sections & (1u << section)) ||
			code_listed(code, info->also_codes, info->nalso_codes))
			continue;
		rule_issue(ctx, RULE_MOD_NOT_APPLICABLE, line->line_no, "modifiers", pstrdup(m),
				   "line %d modifier %s does not belong on %s, a code of %s: %s belongs on %s%s",
				   line->line_no, m, proc_text(line), procedure_section_labels[section], m,
				   sections_text(info->sections), also_codes_text(info));
	}
}

/* A pricing modifier after one of another kind (MOD_ORDER): once per line. */
static void
check_modifier_order(RuleContext *ctx, const ClaimLine *line)
{
	const FieldValue *mods = &line->f[LF_MODIFIERS];
	const ModifierInfo *first_other = NULL;
	int			i;

	if (!rule_on(ctx, RULE_MOD_ORDER) || mods->state != VALUE_OK)
		return;
	for (i = 0; i < mods->nitems; i++)
	{
		char		m[3];
		const ModifierInfo *info;

		if (!line_modifier_at(line, i, m) || (info = refdata_modifier_info(m)) == NULL)
			continue;
		if (info->kind != MODIFIER_PRICING)
		{
			if (first_other == NULL)
				first_other = info;
		}
		else if (first_other != NULL)
		{
			rule_issue(ctx, RULE_MOD_ORDER, line->line_no, "modifiers", pstrdup(m),
					   "line %d lists pricing modifier %s after %s modifier %s; list it first",
					   line->line_no, m, modifier_kind_names[first_other->kind], first_other->modifier);
			return;
		}
	}
}

/* "XE, XS, XP or XU" */
static const char *
modifier_choice_text(char (*mods)[3], int n)
{
	StringInfoData s;
	int			i;

	initStringInfo(&s);
	for (i = 0; i < n; i++)
		appendStringInfo(&s, "%s%s", i == 0 ? "" : i == n - 1 ? " or " : ", ", mods[i]);
	return s.data;
}

/* A modifier the payer wants another in place of (MOD_PAYER_PREFERS_OTHER). */
static void
check_modifier_payer(RuleContext *ctx, const ClaimLine *line)
{
	const FieldValue *mods = &line->f[LF_MODIFIERS];
	const FieldValue *payer = &ctx->claim->f[CF_PAYER_ID];
	int			i;

	if (!rule_on(ctx, RULE_MOD_PAYER_PREFERS_OTHER) || mods->state != VALUE_OK)
		return;
	for (i = 0; i < mods->nitems; i++)
	{
		char		m[3];
		const ModifierSetting *s;

		if (!line_modifier_at(line, i, m) || (s = modifier_replacement(ctx, m)) == NULL)
			continue;
		rule_issue(ctx, RULE_MOD_PAYER_PREFERS_OTHER, line->line_no, "modifiers", pstrdup(m),
				   "line %d modifier %s: %s wants %s in its place", line->line_no, m,
				   s->payer_id != NULL ? psprintf("payer %.*s", payer->raw.len, payer->raw.s) : "every payer",
				   modifier_choice_text(s->use_instead, s->nuse_instead));
	}
}

static void
check_laterality(RuleContext *ctx, const ClaimLine *line)
{
	const FieldValue *dx = &ctx->claim->f[CF_DIAGNOSES];
	const FieldValue *ptrs = &line->f[LF_DX_POINTERS];
	bool		right = line_has_modifier(line, "RT");
	bool		left = line_has_modifier(line, "LT");
	DateADT		date;
	int			i;

	if (!rule_on(ctx, RULE_MOD_LATERALITY_DX) || right == left || ptrs->state != VALUE_OK ||
		!line_service_date(ctx->claim, line, &date))
		return;
	for (i = 0; i < ptrs->nitems; i++)
	{
		int			p = ptrs->items[i].v.ival;
		const RefEntry *e;
		const char *code;

		if (ptrs->items[i].state != VALUE_OK || p < 1 || p > dx->nitems || dx->items[p - 1].state != VALUE_OK)
			continue;
		e = refdata_find(REF_ICD10CM, dx->items[p - 1].v.code, date);
		if (e == NULL || (e->a & ICD_BILATERAL) || !(e->a & (right ? ICD_LEFT : ICD_RIGHT)))
			continue;
		code = code_text(&icd10cm_type, dx->items[p - 1].v.code);
		rule_issue(ctx, RULE_MOD_LATERALITY_DX, line->line_no, "modifiers", right ? "RT" : "LT",
				   "line %d is billed %s (%s side) but points to diagnosis %d %s, on the %s side", line->line_no,
				   right ? "RT" : "LT", right ? "right" : "left", p, code, right ? "left" : "right");
	}
}

static bool
needs_ndc(const RuleParams *p, int64 code)
{
	char		chars[8];
	int			i;

	code_unpack_chars(code, 5, chars);
	for (i = 0; i < p->nndc_prefixes; i++)
		if (chars[0] == p->ndc_prefixes[i])
			return true;
	for (i = 0; i < p->nndc_codes; i++)
		if (p->ndc_codes[i] == code)
			return true;
	return false;
}

static void
check_drug(RuleContext *ctx, const ClaimLine *line)
{
	const FieldValue *ndc = &line->f[LF_NDC];

	if (rule_on(ctx, RULE_NDC_INVALID) && ndc->state == VALUE_INVALID && !value_reported_invalid(ndc))
		rule_issue(ctx, RULE_NDC_INVALID, line->line_no, "ndc", field_text(ndc),
				   "line %d NDC \"%s\" is not valid: %s", line->line_no, field_text(ndc),
				   invalid_code_reason(&ndc_type, ndc));
	if (rule_on(ctx, RULE_NDC_REQUIRED) && proc_ok(line) && (ndc->state == VALUE_ABSENT || ndc->state == VALUE_MISSING) &&
		needs_ndc(&ctx->config->params, line->f[LF_PROCEDURE].v.code))
		rule_issue(ctx, RULE_NDC_REQUIRED, line->line_no, "ndc", NULL,
				   "line %d drug code %s has no NDC", line->line_no, proc_text(line));
}

static void
check_place_of_service(RuleContext *ctx, const ClaimLine *line, bool pos_loaded)
{
	const FieldValue *pos = line_place_of_service(ctx->claim, line);
	DateADT		date;
	const char *gap;

	if (pos->state == VALUE_ABSENT && !ctx->institutional)
		rule_not_checked(ctx, RULE_POS_INVALID, "the claim has no place_of_service field");
	if (!rule_on(ctx, RULE_POS_INVALID) || ctx->institutional || pos->state == VALUE_ABSENT ||
		pos->state == VALUE_INVALID)
		return;
	if (pos->state == VALUE_MISSING)
	{
		if (own_rule_reports_missing(ctx, CF_PLACE_OF_SERVICE))
			rule_issue(ctx, RULE_POS_INVALID, line->line_no, "place_of_service", NULL,
					   "line %d has no place of service", line->line_no);
	}
	else if (pos->raw.len != 2 || !code_is_digit(pos->raw.s[0]) || !code_is_digit(pos->raw.s[1]))
		rule_issue(ctx, RULE_POS_INVALID, line->line_no, "place_of_service", field_text(pos),
				   "line %d place of service \"%s\" is not a 2-digit code", line->line_no, field_text(pos));
	else if (!pos_loaded || !line_service_date(ctx->claim, line, &date))
		return;
	else if ((gap = code_set_gap(REF_POS, 0, date, "places of service")) != NULL)
		rule_not_checked(ctx, RULE_POS_INVALID, "%s", gap);
	else if (refdata_find(REF_POS, (pos->raw.s[0] - '0') * 10 + (pos->raw.s[1] - '0'), date) == NULL)
		rule_issue(ctx, RULE_POS_INVALID, line->line_no, "place_of_service", field_text(pos),
				   "line %d place of service %s is not in the place-of-service list on %s", line->line_no,
				   field_text(pos), date_text(date));
}

/* The MUE of a code for the claim's setting, valid on a date. */
static const RefEntry *
mue_for(const RuleContext *ctx, int64 code, DateADT date)
{
	RefCursor	cur;
	const RefEntry *e;

	refdata_lookup(REF_MUE, code, &cur);
	while ((e = refdata_next(&cur)) != NULL)
		if ((e->b >> 4) == ctx->setting && ref_valid_on(e, date))
			return e;
	return NULL;
}

static void
check_mue_line(RuleContext *ctx, const ClaimLine *line)
{
	const RefEntry *mue;
	DateADT		date;

	if (!rule_on(ctx, RULE_MUE_LINE) || !proc_ok(line) || line->f[LF_UNITS].state != VALUE_OK ||
		!line_service_date(ctx->claim, line, &date))
		return;
	mue = mue_for(ctx, line->f[LF_PROCEDURE].v.code, date);
	if (mue != NULL && (mue->b & 15) == 1 && line->f[LF_UNITS].v.num > mue->a)
		rule_issue(ctx, RULE_MUE_LINE, line->line_no, "units", psprintf("%g", line->f[LF_UNITS].v.num),
				   "line %d bills %g units of %s; its MUE is %d per line", line->line_no,
				   line->f[LF_UNITS].v.num, proc_text(line), mue->a);
}

/* ----- lines on the same date ----- */

typedef struct DatedLine
{
	const ClaimLine *line;
	DateADT		date;
	int64		code;
} DatedLine;

static int
compare_dated(const void *a, const void *b)
{
	const DatedLine *x = a;
	const DatedLine *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->code != y->code)
		return x->code < y->code ? -1 : 1;
	return x->line->line_no - y->line->line_no;
}

/* Does the line carry an NCCI-associated modifier (the rule's list, else modifier_reference)? */
static bool
has_bypass_modifier(const RuleParams *p, const ClaimLine *line)
{
	const FieldValue *mods = &line->f[LF_MODIFIERS];
	int			i;

	for (i = 0; i < p->nbypass; i++)
		if (line_has_modifier(line, p->bypass_modifiers[i]))
			return true;
	for (i = 0; p->nbypass < 0 && mods->state == VALUE_OK && i < mods->nitems; i++)
	{
		char		m[3];
		const ModifierInfo *info;

		if (line_modifier_at(line, i, m) && (info = refdata_modifier_info(m)) != NULL && info->ncci_associated)
			return true;
	}
	return false;
}

/*
 * The bypass modifiers to name in a message: all of them when the list is
 * short (a payer's own), else the distinct-service ones and "...".
 */
static const char *
bypass_text(const RuleParams *p)
{
	static const char *const distinct[] = {"59", "XE", "XS", "XP", "XU"};
	StringInfoData s;
	size_t		i;
	int			j;

	initStringInfo(&s);
	for (j = 0; j < p->nbypass && p->nbypass <= 8; j++)
		appendStringInfo(&s, "%s%s", j > 0 ? ", " : "", p->bypass_modifiers[j]);
	for (i = 0; i < lengthof(distinct) && (p->nbypass > 8 || p->nbypass < 0); i++)
	{
		const ModifierInfo *info = refdata_modifier_info(distinct[i]);
		bool		listed = p->nbypass < 0 && info != NULL && info->ncci_associated;

		for (j = 0; j < p->nbypass && !listed; j++)
			listed = strcmp(p->bypass_modifiers[j], distinct[i]) == 0;
		if (listed)
			appendStringInfo(&s, "%s%s", s.len > 0 ? ", " : "", distinct[i]);
	}
	if (p->nbypass > 8 || p->nbypass < 0)
		appendStringInfo(&s, "%s...", s.len > 0 ? ", " : "");
	return p->nbypass != 0 ? s.data : "none configured";
}

static bool
bypass_modifiers_known(const RuleContext *ctx)
{
	const ModifierInfo *rows;

	return ctx->config->params.nbypass >= 0 || refdata_modifier_reference(&rows) > 0;
}

static void
report_ncci_edit(RuleContext *ctx, const RefEntry *edit, const DatedLine *col1, const DatedLine *col2)
{
	if (edit->a == 0 && rule_on(ctx, RULE_NCCI_PTP_NEVER))
		rule_issue(ctx, RULE_NCCI_PTP_NEVER, col2->line->line_no, "procedure", proc_text(col2->line),
				   "line %d %s is bundled into line %d %s on %s (NCCI edit, no modifier allowed)",
				   col2->line->line_no, proc_text(col2->line), col1->line->line_no, proc_text(col1->line),
				   date_text(col1->date));
	else if (edit->a == 1 && rule_on(ctx, RULE_NCCI_PTP_MODIFIER) && !bypass_modifiers_known(ctx))
		rule_not_checked(ctx, RULE_NCCI_PTP_MODIFIER,
						 "cleanclaim.modifier_reference is empty: which modifiers bypass an NCCI edit is not known");
	else if (edit->a == 1 && rule_on(ctx, RULE_NCCI_PTP_MODIFIER) &&
			 !has_bypass_modifier(&ctx->config->params, col2->line))
		rule_issue(ctx, RULE_NCCI_PTP_MODIFIER, col2->line->line_no, "modifiers", proc_text(col2->line),
				   "line %d %s is bundled into line %d %s on %s unless it carries an NCCI-associated modifier (%s)",
				   col2->line->line_no, proc_text(col2->line), col1->line->line_no, proc_text(col1->line),
				   date_text(col1->date), bypass_text(&ctx->config->params));
}

/* The NCCI edits between two lines' codes on their date, in either direction. */
static void
check_ncci_pair(RuleContext *ctx, const DatedLine *a, const DatedLine *b)
{
	RefCursor	cur;
	const RefEntry *e;
	const DatedLine *lower = a->code < b->code ? a : b;
	const DatedLine *higher = a->code < b->code ? b : a;

	refdata_lookup(REF_NCCI, ncci_key(a->code, b->code), &cur);
	while ((e = refdata_next(&cur)) != NULL)
	{
		if ((e->b & SETTING_MASK) != ctx->setting || !ref_valid_on(e, a->date) || e->a == 9)
			continue;
		if (e->b & NCCI_COLUMN1_HIGHER)
			report_ncci_edit(ctx, e, higher, lower);
		else
			report_ncci_edit(ctx, e, lower, higher);
	}
}

static bool
is_em_visit(int64 code)
{
	int			n = cpt_category_i_number(code);

	return n >= 99202 && n <= 99499;
}

static bool
is_surgical_procedure(int64 code)
{
	int			n = cpt_category_i_number(code);

	return n >= 10004 && n <= 69990;
}

static bool
is_repeat(const ClaimLine *line)
{
	return line_has_modifier(line, "76") || line_has_modifier(line, "77") || line_has_modifier(line, "91");
}

/* MUE per date (indicators 2 and 3): units of one code summed over the day's lines. */
static void
check_mue_day(RuleContext *ctx, const DatedLine *lines, int first, int end)
{
	double		units = 0;
	const RefEntry *mue;
	int			i;

	for (i = first; i < end; i++)
		if (lines[i].line->f[LF_UNITS].state == VALUE_OK)
			units += lines[i].line->f[LF_UNITS].v.num;
	mue = mue_for(ctx, lines[first].code, lines[first].date);
	if (mue != NULL && ((mue->b & 15) == 2 || (mue->b & 15) == 3) && units > mue->a)
		rule_issue(ctx, RULE_MUE_DAY, lines[first].line->line_no, "units", psprintf("%g", units),
				   "%g units of %s on %s; its MUE is %d per day (adjudication indicator %d)", units,
				   proc_text(lines[first].line), date_text(lines[first].date), mue->a, mue->b & 15);
}

static void
check_same_day_group(RuleContext *ctx, const DatedLine *lines, int first, int end, bool ncci_loaded, bool mue_loaded)
{
	int			i;
	int			j;
	bool		surgery = false;
	bool	   *duplicate = palloc0((end - first) * sizeof(bool));	/* reported as a repeat already */

	for (i = first; i < end; i++)
		surgery |= is_surgical_procedure(lines[i].code);
	for (i = first; i < end; i++)
	{
		const ClaimLine *a = lines[i].line;

		if (rule_on(ctx, RULE_EM_SAME_DAY_NO_25) && surgery && is_em_visit(lines[i].code) && !line_has_modifier(a, "25"))
			rule_issue(ctx, RULE_EM_SAME_DAY_NO_25, a->line_no, "modifiers", proc_text(a),
					   "line %d E/M visit %s is billed with a procedure on %s and lacks modifier 25",
					   a->line_no, proc_text(a), date_text(lines[i].date));
		if (mue_loaded && rule_on(ctx, RULE_MUE_DAY) && (i == first || lines[i].code != lines[i - 1].code))
		{
			for (j = i; j < end && lines[j].code == lines[i].code; j++)
				;
			check_mue_day(ctx, lines, i, j);
		}
		for (j = i + 1; j < end; j++)
		{
			const ClaimLine *b = lines[j].line;

			if (lines[i].code == lines[j].code)
			{
				/* each repeated line once, against the first line it repeats */
				if (rule_on(ctx, RULE_LINE_DUPLICATE) && !duplicate[i - first] && !duplicate[j - first] &&
					lines_have_same_modifiers(a, b) && !is_repeat(a) && !is_repeat(b) &&
					a->f[LF_UNITS].state == b->f[LF_UNITS].state &&
					(a->f[LF_UNITS].state != VALUE_OK || a->f[LF_UNITS].v.num == b->f[LF_UNITS].v.num))
				{
					duplicate[j - first] = true;
					rule_issue(ctx, RULE_LINE_DUPLICATE, b->line_no, "procedure", proc_text(b),
							   "line %d repeats line %d (%s on %s, same modifiers and units) without 76, 77 or 91",
							   b->line_no, a->line_no, proc_text(b), date_text(lines[j].date));
				}
				continue;
			}
			if (ncci_loaded)
				check_ncci_pair(ctx, &lines[i], &lines[j]);
		}
	}
}

static void
check_same_day(RuleContext *ctx)
{
	const Claim *claim = ctx->claim;
	bool		ncci_loaded = refdata_has_rows(REF_NCCI);
	bool		mue_loaded = refdata_has_rows(REF_MUE);
	DatedLine  *lines;
	int			n = 0;
	int			i;
	int			first;

	if (!rule_on(ctx, RULE_NCCI_PTP_NEVER) && !rule_on(ctx, RULE_NCCI_PTP_MODIFIER) && !rule_on(ctx, RULE_MUE_DAY) &&
		!rule_on(ctx, RULE_EM_SAME_DAY_NO_25) && !rule_on(ctx, RULE_LINE_DUPLICATE))
		return;
	if (!ncci_loaded)
	{
		rule_not_checked(ctx, RULE_NCCI_PTP_NEVER, "cleanclaim.ncci_ptp is empty");
		rule_not_checked(ctx, RULE_NCCI_PTP_MODIFIER, "cleanclaim.ncci_ptp is empty");
	}
	if (!mue_loaded)
		rule_not_checked(ctx, RULE_MUE_DAY, "cleanclaim.mue is empty");
	if (claim->nlines > MAX_PAIRWISE_LINES)
	{
		static const RuleId same_day_rules[] = {RULE_NCCI_PTP_NEVER, RULE_NCCI_PTP_MODIFIER, RULE_MUE_DAY,
		RULE_EM_SAME_DAY_NO_25, RULE_LINE_DUPLICATE};

		for (i = 0; i < (int) lengthof(same_day_rules); i++)
			rule_not_checked(ctx, same_day_rules[i], "the claim has more than %d lines", MAX_PAIRWISE_LINES);
		return;
	}
	lines = palloc(Max(claim->nlines, 1) * sizeof(DatedLine));
	for (i = 0; i < claim->nlines; i++)
	{
		if (!proc_ok(&claim->lines[i]) || !line_service_date(claim, &claim->lines[i], &lines[n].date))
			continue;
		lines[n].line = &claim->lines[i];
		lines[n].code = claim->lines[i].f[LF_PROCEDURE].v.code;
		n++;
	}
	/* claims have a handful of lines: an insertion sort beats qsort's setup */
	for (i = 1; i < n; i++)
	{
		DatedLine	x = lines[i];
		int			j = i - 1;

		while (j >= 0 && compare_dated(&lines[j], &x) > 0)
		{
			lines[j + 1] = lines[j];
			j--;
		}
		lines[j + 1] = x;
	}
	for (first = 0; first < n; first = i)
	{
		for (i = first; i < n && lines[i].date == lines[first].date; i++)
			;
		check_same_day_group(ctx, lines, first, i, ncci_loaded, mue_loaded);
	}
}

void
check_procedures(RuleContext *ctx)
{
	static const RuleId line_rules[] = {RULE_AUTH_MISSING, RULE_DX_POINTER_INVALID, RULE_PROC_INVALID,
		RULE_UNITS_INVALID, RULE_MOD_INVALID, RULE_MOD_CONFLICT, RULE_MOD_LATERALITY_DX, RULE_MOD_NOT_APPLICABLE,
		RULE_MOD_ORDER, RULE_MOD_PAYER_PREFERS_OTHER, RULE_NCCI_PTP_NEVER,
		RULE_NCCI_PTP_MODIFIER, RULE_MUE_LINE, RULE_MUE_DAY, RULE_EM_SAME_DAY_NO_25, RULE_LINE_DUPLICATE,
	RULE_NDC_REQUIRED, RULE_NDC_INVALID, RULE_POS_INVALID};
	const Claim *claim = ctx->claim;
	bool		hcpcs_loaded = refdata_has_rows(REF_HCPCS);
	bool		modifiers_loaded = refdata_has_rows(REF_MODIFIERS);
	bool		pos_loaded = refdata_has_rows(REF_POS);
	bool		mue_loaded = refdata_has_rows(REF_MUE);
	const ModifierInfo *modifier_reference;
	int			i;

	if (claim->nlines == 0)
	{
		for (i = 0; i < (int) lengthof(line_rules); i++)
			rule_not_checked(ctx, line_rules[i], claim->f[CF_LINES].state == VALUE_ABSENT ? "the claim has no lines field"
							 : claim->f[CF_LINES].state == VALUE_INVALID ? "the lines could not be read (FIELD_INVALID)"
							 : "the claim has no lines");
		return;
	}
	if (!refdata_has_rows(REF_ICD10CM))
		rule_not_checked(ctx, RULE_MOD_LATERALITY_DX, "cleanclaim.icd10cm_codes is empty");
	if (!hcpcs_loaded)
		rule_not_checked(ctx, RULE_PROC_INVALID, "cleanclaim.hcpcs_codes is empty: only the code shape was checked");
	if (!modifiers_loaded)
		rule_not_checked(ctx, RULE_MOD_INVALID, "cleanclaim.modifiers is empty: only the modifier shape was checked");
	if (refdata_modifier_reference(&modifier_reference) == 0)
	{
		rule_not_checked(ctx, RULE_MOD_CONFLICT, "cleanclaim.modifier_reference is empty");
		rule_not_checked(ctx, RULE_MOD_NOT_APPLICABLE, "cleanclaim.modifier_reference is empty");
		rule_not_checked(ctx, RULE_MOD_ORDER, "cleanclaim.modifier_reference is empty");
	}
	if (!pos_loaded && !ctx->institutional)
		rule_not_checked(ctx, RULE_POS_INVALID, "cleanclaim.place_of_service is empty: only the code shape was checked");
	if (!mue_loaded)
		rule_not_checked(ctx, RULE_MUE_LINE, "cleanclaim.mue is empty");
	for (i = 0; i < claim->nlines; i++)
	{
		const ClaimLine *line = &claim->lines[i];

		check_procedure_code(ctx, line, hcpcs_loaded);
		check_units(ctx, line);
		check_modifier_list(ctx, line, modifiers_loaded);
		check_modifier_conflicts(ctx, line);
		check_modifier_sections(ctx, line);
		check_modifier_order(ctx, line);
		check_modifier_payer(ctx, line);
		check_laterality(ctx, line);
		check_drug(ctx, line);
		check_place_of_service(ctx, line, pos_loaded);
		if (mue_loaded)
			check_mue_line(ctx, line);
	}
	check_same_day(ctx);
}
