/*
 * audit_rules.c
 *	  The pre-bill audit rules: high dollars, risky modifiers, unlisted
 *	  procedures, learned denial risk and many warnings (the AUDIT_* rules of
 *	  the catalog), run after the other rules, whose warnings they count.
 *	  The SQL functions over them are in api/audit.c.
 *
 *	  The denial model is trained in SQL (train_denial_model()) into the table
 *	  denial_model; scoring reads it from the per-backend reference data cache.
 */
#include "postgres.h"

#include <math.h>

#include "lib/stringinfo.h"
#include "utils/memutils.h"

#include "types/code_type.h"
#include "refdata/refdata.h"
#include "engine/rules.h"
#include "rules/groups.h"

/* Default thresholds of AUDIT_HIGH_DOLLAR when audit_thresholds has no row for the setting. */
static const double default_thresholds[] = {
	[AUDIT_INPATIENT] = 100000,[AUDIT_OUTPATIENT] = 50000,[AUDIT_PROFESSIONAL] = 50000
};
static const char *const audit_setting_names[] = {
	[AUDIT_INPATIENT] = "inpatient",[AUDIT_OUTPATIENT] = "outpatient",[AUDIT_PROFESSIONAL] = "professional"
};

/*
 * CPT unlisted-procedure codes and HCPCS "not otherwise classified" codes:
 * payers want a report with each (AUDIT_UNLISTED_PROC).  The rule's "codes"
 * parameter adds more.
 */
static const char *const builtin_unlisted[] = {
	"15999", "17999", "19499", "20999", "21089", "21299", "21499", "21899", "22899", "22999",
	"23929", "24999", "25999", "26989", "27299", "27599", "27899", "28899", "29799", "29999",
	"30999", "31299", "31599", "31899", "32999", "33999", "36299", "37799", "38129", "38589",
	"38999", "39499", "39599", "40799", "40899", "41599", "41899", "42299", "42699", "42999",
	"43289", "43499", "43659", "43999", "44238", "44799", "44899", "44979", "45399", "45999",
	"46999", "47379", "47399", "47579", "47999", "48999", "49329", "49659", "49999", "50549",
	"50949", "51999", "52356", "53899", "54699", "55559", "55899", "58578", "58579", "58679",
	"58999", "59897", "59898", "59899", "60659", "60699", "64999", "66999", "67299", "67399",
	"67599", "67999", "68399", "68899", "69399", "69799", "69949", "69979", "76496", "76497",
	"76498", "76499", "78099", "78199", "78299", "78399", "78499", "78599", "78699", "78799",
	"78999", "79999", "81479", "81599", "84999", "85999", "86849", "87999", "88099", "88199",
	"88299", "88399", "88749", "90399", "90749", "90899", "91299", "92499", "93799", "93998",
	"94799", "95199", "95999", "96379", "96549", "96999", "97039", "97139", "97799", "99199",
	"99499", "99600",
	"A4649", "A9999", "E1399", "J3490", "J3590", "J7599", "J7699", "J7799", "J8499", "J8999",
	"J9999", "L2999", "L3999", "L4999", "L5999", "L7499", "L8039", "L8699", "T5999"
};

static int64 *unlisted_codes;
static int	nunlisted;

static int
compare_int64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a;
	int64		y = *(const int64 *) b;

	return x < y ? -1 : x > y ? 1 : 0;
}

static bool
is_builtin_unlisted(int64 code)
{
	if (unlisted_codes == NULL)
	{
		int64	   *codes = MemoryContextAlloc(TopMemoryContext, sizeof(int64) * lengthof(builtin_unlisted));
		int			i;

		for (i = 0; i < (int) lengthof(builtin_unlisted); i++)
			if (!code_parse_text(&hcpcs_type, builtin_unlisted[i], strlen(builtin_unlisted[i]), &codes[i]))
				elog(ERROR, "cleanclaim: bad built-in unlisted code %s", builtin_unlisted[i]);
		qsort(codes, lengthof(builtin_unlisted), sizeof(int64), compare_int64);
		nunlisted = lengthof(builtin_unlisted);
		unlisted_codes = codes;
	}
	return bsearch(&code, unlisted_codes, nunlisted, sizeof(int64), compare_int64) != NULL;
}

static bool
is_unlisted(const RuleParams *p, int64 code)
{
	int			i;

	for (i = 0; i < p->nunlisted_codes; i++)
		if (p->unlisted_codes[i] == code)
			return true;
	return is_builtin_unlisted(code);
}

/* ----- the setting and the amounts of AUDIT_HIGH_DOLLAR ----- */

/*
 * Professional claims are professional; an institutional claim is inpatient
 * when its type of bill says so (claim_is_inpatient()) or, without a type of
 * bill, when its place of service is 21 (inpatient hospital); else
 * outpatient.
 */
static AuditSetting
audit_setting(const RuleContext *ctx)
{
	const FieldValue *tob = &ctx->claim->f[CF_TYPE_OF_BILL];
	const FieldValue *pos = &ctx->claim->f[CF_PLACE_OF_SERVICE];

	if (!ctx->institutional)
		return AUDIT_PROFESSIONAL;
	if (tob->state == VALUE_OK)
		return claim_is_inpatient(ctx->claim) ? AUDIT_INPATIENT : AUDIT_OUTPATIENT;
	if (pos->state == VALUE_OK && pos->raw.len == 2 && strncmp(pos->raw.s, "21", 2) == 0)
		return AUDIT_INPATIENT;
	return AUDIT_OUTPATIENT;
}

/* The billed amount: the total charge, or the lines' charges when it is missing. */
static bool
billed_amount(const Claim *claim, double *amount)
{
	const FieldValue *total = &claim->f[CF_TOTAL_CHARGE];
	bool		any = false;
	int			i;

	if (total->state == VALUE_OK)
	{
		*amount = total->v.num;
		return true;
	}
	*amount = 0;
	for (i = 0; i < claim->nlines; i++)
		if (claim->lines[i].f[LF_CHARGE].state == VALUE_OK)
		{
			*amount += claim->lines[i].f[LF_CHARGE].v.num;
			any = true;
		}
	return any;
}

/* Does a threshold row apply to this payer?  NULL payer rows apply to all. */
static bool
threshold_for_payer(const AuditThreshold *t, const FieldValue *payer_id)
{
	if (t->payer_id == NULL)
		return true;
	return payer_id->state == VALUE_OK && (int) strlen(t->payer_id) == payer_id->raw.len &&
		memcmp(t->payer_id, payer_id->raw.s, payer_id->raw.len) == 0;
}

/* Compare an amount with one threshold; flag and return true when at or above. */
static bool
check_threshold(RuleContext *ctx, AuditSetting setting, bool expected_basis, double threshold,
				const char *whose)
{
	const Claim *claim = ctx->claim;
	double		amount;

	if (expected_basis)
	{
		if (claim->f[CF_EXPECTED_AMOUNT].state != VALUE_OK)
			return false;
		amount = claim->f[CF_EXPECTED_AMOUNT].v.num;
	}
	else if (!billed_amount(claim, &amount))
		return false;
	if (amount < threshold)
		return false;
	rule_issue(ctx, RULE_AUDIT_HIGH_DOLLAR, 0, expected_basis ? "expected_amount" : "total_charge", NULL,
			   "%s %.2f is at or above the %s pre-bill audit threshold of %.2f (%s)",
			   expected_basis ? "expected payment" : "total charge", amount,
			   audit_setting_names[setting], threshold, whose);
	return true;
}

/*
 * The payer's own thresholds for the setting when it has any, else the rows
 * for every payer, else the built-in default (billed).
 */
static void
check_high_dollar(RuleContext *ctx)
{
	const FieldValue *payer_id = &ctx->claim->f[CF_PAYER_ID];
	AuditSetting setting = audit_setting(ctx);
	const AuditThreshold *rows;
	int			n = refdata_audit_thresholds(&rows);
	bool		own = false;
	bool		general = false;
	int			i;

	for (i = 0; i < n; i++)
		if (rows[i].setting == setting && threshold_for_payer(&rows[i], payer_id))
		{
			own |= rows[i].payer_id != NULL;
			general |= rows[i].payer_id == NULL;
		}
	if (!own && !general)
	{
		check_threshold(ctx, setting, false, default_thresholds[setting], "the default");
		return;
	}
	for (i = 0; i < n; i++)
	{
		const AuditThreshold *t = &rows[i];
		const char *basis = t->expected_basis ? "expected" : "billed";

		if (t->setting != setting || !threshold_for_payer(t, payer_id) || (own && t->payer_id == NULL))
			continue;
		if (check_threshold(ctx, setting, t->expected_basis, t->threshold,
							t->payer_id ? psprintf("payer %s, %s", t->payer_id, basis)
							: psprintf("every payer, %s", basis)))
			return;
	}
}

/* ----- modifiers and unlisted procedures ----- */

/* Is the modifier one the claim's payer reviews by hand: the rule's list when set, else the reference and the settings? */
static bool
is_risky_modifier(RuleContext *ctx, const char *modifier)
{
	const RuleParams *p = &ctx->config->params;
	int			i;

	if (p->nrisky_modifiers < 0)
		return modifier_scrutinized(ctx, modifier);
	for (i = 0; i < p->nrisky_modifiers; i++)
		if (strcmp(p->risky_modifiers[i], modifier) == 0)
			return true;
	return false;
}

/* "(25) a visit note ...", the documentation's first letter lower-cased unless it starts an acronym */
static void
append_documentation(StringInfo s, const char *modifier, const char *documentation)
{
	bool		acronym = documentation[0] != '\0' && isupper((unsigned char) documentation[1]);

	appendStringInfo(s, "%s(%s) %c%s", s->len > 0 ? "; " : "", modifier,
					 acronym ? documentation[0] : tolower((unsigned char) documentation[0]), documentation + 1);
}

/*
 * One flag for the claim: each scrutinized modifier with its lines, then
 * what the record must show for each (modifier_reference.documentation).
 */
static void
check_risky_modifiers(RuleContext *ctx)
{
	const Claim *claim = ctx->claim;
	StringInfoData found;
	StringInfoData needs;
	char		seen[16][3];
	int			nseen = 0;
	int			first_line = 0;
	int			i,
				m,
				k;

	initStringInfo(&found);
	initStringInfo(&needs);
	for (i = 0; i < claim->nlines; i++)
	{
		const ClaimLine *line = &claim->lines[i];
		const FieldValue *mods = &line->f[LF_MODIFIERS];

		for (m = 0; mods->state == VALUE_OK && m < mods->nitems; m++)
		{
			char		mod[3];
			const ModifierInfo *info;

			if (!line_modifier_at(line, m, mod) || !is_risky_modifier(ctx, mod))
				continue;
			appendStringInfo(&found, "%s%s on line %d", found.len ? ", " : "", mod, line->line_no);
			if (first_line == 0)
				first_line = line->line_no;
			for (k = 0; k < nseen && strcmp(seen[k], mod) != 0; k++)
				;
			if (k < nseen || nseen == lengthof(seen))
				continue;
			strlcpy(seen[nseen++], mod, 3);
			info = refdata_modifier_info(mod);
			if (info != NULL && info->documentation != NULL)
				append_documentation(&needs, mod, info->documentation);
		}
	}
	if (found.len > 0)
		rule_issue(ctx, RULE_AUDIT_RISKY_MODIFIER, first_line, "modifiers", NULL,
				   "modifier %s: payers review %s by hand%s%s", found.data, nseen > 1 ? "these" : "it",
				   needs.len > 0 ? "; the record must show " : "", needs.data);
}

static void
check_unlisted(RuleContext *ctx)
{
	const Claim *claim = ctx->claim;
	StringInfoData found;
	int			first_line = 0;
	int			i;

	initStringInfo(&found);
	for (i = 0; i < claim->nlines; i++)
	{
		const FieldValue *proc = &claim->lines[i].f[LF_PROCEDURE];

		if (proc->state == VALUE_OK && is_unlisted(&ctx->config->params, proc->v.code))
		{
			appendStringInfo(&found, "%s%s on line %d", found.len ? ", " : "",
							 code_text(&hcpcs_type, proc->v.code), claim->lines[i].line_no);
			if (first_line == 0)
				first_line = claim->lines[i].line_no;
		}
	}
	if (found.len > 0)
		rule_issue(ctx, RULE_AUDIT_UNLISTED_PROC, first_line, "procedure", NULL,
				   "unlisted or not otherwise classified procedure %s: attach the procedure report", found.data);
}

/* ----- learned denial risk ----- */


static int
compare_modifier(const void *a, const void *b)
{
	return strcmp((const char *) a, (const char *) b);
}

/* Sort two-character codes and join the distinct ones with commas ("" for none). */
char *
modifier_list_join(char (*codes)[3], int n)
{
	StringInfoData buf;
	int			i;

	qsort(codes, n, sizeof(*codes), compare_modifier);
	initStringInfo(&buf);
	for (i = 0; i < n; i++)
		if (i == 0 || strcmp(codes[i], codes[i - 1]) != 0)
			appendStringInfo(&buf, "%s%s", buf.len ? "," : "", codes[i]);
	return buf.data;
}

/* Add a modifier to the list when it has two characters, upper-cased. */
int
modifier_list_add(char (*codes)[3], int n, const char *s, int len)
{
	if (len != 2)
		return n;
	codes[n][0] = pg_toupper((unsigned char) s[0]);
	codes[n][1] = pg_toupper((unsigned char) s[1]);
	codes[n][2] = '\0';
	return n + 1;
}

/* The line's modifiers as the model keys them: "25,59", "" for none (as canonical_modifiers() in SQL). */
const char *
canonical_modifiers(const ClaimLine *line)
{
	const FieldValue *mods = &line->f[LF_MODIFIERS];
	char		(*codes)[3];
	int			n = 0;
	int			i;

	if (mods->state != VALUE_OK || mods->nitems == 0)
		return "";
	codes = palloc(mods->nitems * sizeof(*codes));
	for (i = 0; i < mods->nitems; i++)
		n = modifier_list_add(codes, n, mods->items[i].raw.s, mods->items[i].raw.len);
	return modifier_list_join(codes, n);
}

/* A level of the model with enough evidence behind it, else NULL. */
static const DenialModelEntry *
with_evidence(const DenialModelEntry *e, int min_lines)
{
	return e != NULL && e->lines >= min_lines ? e : NULL;
}

/*
 * A line's denial probability: the model's most specific level that has the
 * line's key and at least min_lines training lines (payer + procedure +
 * modifiers, then payer + procedure), else the mean of the payer's and the
 * procedure's smoothed rates (either one standing in for the other when
 * missing, the overall rate for both).  False when no level has the
 * evidence: no probability from a handful of lines.
 */
static bool
line_probability(const FieldValue *payer_id, int64 procedure, const char *modifiers, int min_lines, LineRisk *r)
{
	const char *payer = payer_id->state == VALUE_OK ? payer_id->raw.s : NULL;
	int			plen = payer_id->state == VALUE_OK ? payer_id->raw.len : 0;
	const DenialModelEntry *e = NULL;
	const DenialModelEntry *by_payer;
	const DenialModelEntry *by_procedure;
	const DenialModelEntry *overall;

	if (payer != NULL && (e = with_evidence(refdata_denial_model(payer, plen, procedure, modifiers), min_lines)) != NULL)
		r->basis = "payer, procedure and modifiers";
	else if (payer != NULL && (e = with_evidence(refdata_denial_model(payer, plen, procedure, NULL), min_lines)) != NULL)
		r->basis = "payer and procedure";
	if (e != NULL)
	{
		r->probability = e->probability;
		r->lines = e->lines;
		return true;
	}
	by_payer = payer ? with_evidence(refdata_denial_model(payer, plen, 0, NULL), min_lines) : NULL;
	by_procedure = with_evidence(refdata_denial_model(NULL, 0, procedure, NULL), min_lines);
	overall = with_evidence(refdata_denial_model(NULL, 0, 0, NULL), min_lines);
	if (by_payer == NULL)
		by_payer = by_procedure ? by_procedure : overall;
	if (by_procedure == NULL)
		by_procedure = by_payer;
	if (by_payer == NULL)
		return false;
	r->probability = (by_payer->probability + by_procedure->probability) / 2;
	r->basis = by_payer == by_procedure ? (by_payer == overall ? "overall" : "payer or procedure")
		: "payer and procedure rates blended";
	r->lines = Min(by_payer->lines, by_procedure->lines);
	return true;
}

/* The risk of each line with a procedure the model can score; returns how many. */
int
line_risks(const Claim *claim, int min_lines, LineRisk **out)
{
	LineRisk   *risks = palloc0(Max(claim->nlines, 1) * sizeof(LineRisk));
	int			n = 0;
	int			i;

	if (refdata_denial_model_size() == 0)
	{
		*out = risks;
		return -1;
	}
	for (i = 0; i < claim->nlines; i++)
	{
		const ClaimLine *line = &claim->lines[i];
		const FieldValue *proc = &line->f[LF_PROCEDURE];
		LineRisk   *r = &risks[n];

		if (proc->state != VALUE_OK)
			continue;
		r->line_no = line->line_no;
		r->procedure = proc->v.code;
		r->modifiers = canonical_modifiers(line);
		r->charge = line->f[LF_CHARGE].state == VALUE_OK ? line->f[LF_CHARGE].v.num : 0;
		if (line_probability(&claim->f[CF_PAYER_ID], r->procedure, r->modifiers, min_lines, r))
			n++;
	}
	*out = risks;
	return n;
}

static void
check_denial_risk(RuleContext *ctx)
{
	double		threshold = ctx->config->params.denial_risk_threshold;
	LineRisk   *risks;
	int			min_lines = ctx->config->params.denial_min_lines;
	int			n = line_risks(ctx->claim, min_lines, &risks);
	const LineRisk *worst = NULL;
	bool		blended;
	int			i;

	if (n < 0)
	{
		rule_not_checked(ctx, RULE_AUDIT_DENIAL_RISK, "the denial model is empty (train it with train_denial_model())");
		return;
	}
	if (n == 0)
		rule_not_checked(ctx, RULE_AUDIT_DENIAL_RISK,
						 "no level of the denial model has %d training lines (min_lines) for the claim's lines", min_lines);
	for (i = 0; i < n; i++)
		if (risks[i].probability >= threshold && (worst == NULL || risks[i].probability > worst->probability))
			worst = &risks[i];
	blended = worst != NULL && strcmp(worst->basis, "payer and procedure rates blended") == 0;
	if (worst != NULL)
		rule_issue(ctx, RULE_AUDIT_DENIAL_RISK, worst->line_no, "procedure", code_text(&hcpcs_type, worst->procedure),
				   "line %d (%s%s%s): learned denial probability %.2f, at or above %.2f (from the %s%s, %lld training lines%s)",
				   worst->line_no, code_text(&hcpcs_type, worst->procedure), worst->modifiers[0] ? " " : "",
				   worst->modifiers, worst->probability, threshold, worst->basis, blended ? "" : " rate",
				   (long long) worst->lines, blended ? " or more each" : "");
}

static void
check_many_warnings(RuleContext *ctx, const IssueList *issues)
{
	StringInfoData rules;
	int			i;

	if (issues->warnings < ctx->config->params.many_warnings)
		return;
	initStringInfo(&rules);
	for (i = 0; i < issues->n; i++)
		if (issues->items[i].severity == SEV_WARNING)
			appendStringInfo(&rules, "%s%s", rules.len ? ", " : "", rule_defs[issues->items[i].rule].id);
	rule_issue(ctx, RULE_AUDIT_MANY_WARNINGS, 0, NULL, NULL, "%d warnings (%s), at or above %d",
			   issues->warnings, rules.data, ctx->config->params.many_warnings);
}

void
check_audit(RuleContext *ctx)
{
	if (rule_on(ctx, RULE_AUDIT_HIGH_DOLLAR))
		check_high_dollar(ctx);
	if (rule_on(ctx, RULE_AUDIT_RISKY_MODIFIER))
		check_risky_modifiers(ctx);
	if (rule_on(ctx, RULE_AUDIT_UNLISTED_PROC))
		check_unlisted(ctx);
	if (rule_on(ctx, RULE_AUDIT_DENIAL_RISK))
		check_denial_risk(ctx);
	if (rule_on(ctx, RULE_AUDIT_MANY_WARNINGS))
		check_many_warnings(ctx, ctx->prior);
}

/* The training lines a learned denial probability needs, for the claim's payer (AUDIT_DENIAL_RISK min_lines). */
int
denial_min_lines(const Claim *claim)
{
	return rules_claim_config(claim)->params.denial_min_lines;
}
