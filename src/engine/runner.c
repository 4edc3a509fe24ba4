/*
 * runner.c
 *	  The engine: runs the registered rule groups over a claim (rules_run,
 *	  rules_run_table, audit_run) and collects what they emit (rule_issue,
 *	  rule_not_checked) into an issue list, with each rule's configured
 *	  severity and weight.
 */
#include "postgres.h"

#include "access/xact.h"
#include "utils/builtins.h"
#include "utils/datetime.h"

#include "base/srf.h"
#include "types/code_type.h"
#include "engine/rules.h"

/* ----- issues ----- */

static Issue *
add_issue(IssueList *issues)
{
	if (issues->n == issues->max)
	{
		issues->max = issues->max ? issues->max * 2 : 8;
		issues->items = issues->items ? repalloc(issues->items, issues->max * sizeof(Issue))
			: palloc(issues->max * sizeof(Issue));
	}
	memset(&issues->items[issues->n], 0, sizeof(Issue));
	return &issues->items[issues->n++];
}

static char *format_message(const char *prefix, const char *fmt, va_list args_in) pg_attribute_printf(2, 0);

static char *
format_message(const char *prefix, const char *fmt, va_list args_in)
{
	StringInfoData msg;

	initStringInfo(&msg);
	appendStringInfoString(&msg, prefix);
	for (;;)
	{
		va_list		args;
		int			needed;

		va_copy(args, args_in);
		needed = appendStringInfoVA(&msg, fmt, args);
		va_end(args);
		if (needed == 0)
			break;
		enlargeStringInfo(&msg, needed);
	}
	return msg.data;
}

static void emit(RuleContext *ctx, RuleId rule, Severity severity, int line_no, const char *field,
				 const char *value, const char *fmt, va_list args) pg_attribute_printf(7, 0);

static void
emit(RuleContext *ctx, RuleId rule, Severity severity, int line_no, const char *field, const char *value,
	 const char *fmt, va_list args)
{
	Issue	   *issue = add_issue(ctx->issues);

	issue->rule = rule;
	issue->severity = severity;
	issue->line_no = line_no;
	issue->field = field;
	issue->value = value;
	issue->message = format_message("", fmt, args);
	if (severity == SEV_ERROR)
		ctx->issues->errors++;
	else if (severity == SEV_WARNING)
		ctx->issues->warnings++;
	issue->weight = severity == ctx->config->severity[rule]
		? ctx->config->weight[rule] : severity_default_weight(severity);
	ctx->issues->weight += issue->weight;
}

void
rule_issue(RuleContext *ctx, RuleId rule, int line_no, const char *field, const char *value,
		   const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	emit(ctx, rule, ctx->config->severity[rule], line_no, field, value, fmt, args);
	va_end(args);
}

void
rule_issue_at(RuleContext *ctx, RuleId rule, Severity severity, int line_no, const char *field,
			  const char *value, const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	emit(ctx, rule, Min(severity, ctx->config->severity[rule]), line_no, field, value, fmt, args);
	va_end(args);
}

void
rule_not_checked(RuleContext *ctx, RuleId rule, const char *fmt,...)
{
	Issue	   *issue;
	va_list		args;
	int			i;

	/* a rule switched off by the settings is not "not checked"; a rule is listed once */
	if (!ctx->report_unchecked || !rule_on(ctx, rule))
		return;
	for (i = 0; i < ctx->issues->n; i++)
		if (ctx->issues->items[i].rule == rule && ctx->issues->items[i].severity == SEV_NOT_CHECKED)
			return;
	issue = add_issue(ctx->issues);
	issue->rule = rule;
	issue->severity = SEV_NOT_CHECKED;
	issue->line_no = 0;
	issue->field = NULL;
	issue->value = NULL;
	va_start(args, fmt);
	issue->message = format_message("not checked: ", fmt, args);
	va_end(args);
}

double
rules_quality_score(const IssueList *issues)
{
	return Max(0.0, 100.0 - issues->weight);
}

/* ----- running ----- */

static bool
str_ieq(ClaimStr s, const char *literal)
{
	return s.len == (int) strlen(literal) && pg_strncasecmp(s.s, literal, s.len) == 0;
}

/*
 * Today, for the rules that count from it: CURRENT_DATE, which is fixed for
 * the transaction; worked out (a time zone conversion) once per transaction.
 */
static DateADT
statement_date(void)
{
	static TimestampTz transaction_start;
	static DateADT today;

	if (GetCurrentTransactionStartTimestamp() != transaction_start)
	{
		transaction_start = GetCurrentTransactionStartTimestamp();
		today = GetSQLCurrentDate();
	}
	return today;
}

/* Start the code-set lookups the rules will make, before the rules that make none. */
static void
prefetch_lookups(const Claim *claim)
{
	const FieldValue *dx = &claim->f[CF_DIAGNOSES];
	int			i;

	for (i = 0; i < dx->nitems; i++)
		if (dx->items[i].state == VALUE_OK)
			refdata_prefetch(REF_ICD10CM, dx->items[i].v.code);
	for (i = 0; i < claim->nlines; i++)
	{
		const FieldValue *proc = &claim->lines[i].f[LF_PROCEDURE];

		if (proc->state == VALUE_OK)
		{
			refdata_prefetch(REF_HCPCS, proc->v.code);
			refdata_prefetch(REF_MUE, proc->v.code);
		}
	}
}

static void
init_context(RuleContext *ctx, const Claim *claim, IssueList *issues, bool report_unchecked)
{
	const FieldValue *payer_id = &claim->f[CF_PAYER_ID];

	memset(ctx, 0, sizeof(*ctx));
	ctx->claim = claim;
	ctx->issues = issues;
	ctx->report_unchecked = report_unchecked;
	ctx->today = statement_date();
	ctx->institutional = claim->f[CF_CLAIM_TYPE].state == VALUE_OK &&
		str_ieq(claim->f[CF_CLAIM_TYPE].raw, "institutional");
	ctx->setting = ctx->institutional ? SETTING_HOSPITAL : SETTING_PRACTITIONER;
	ctx->payer_index = -1;
	if (payer_id->state == VALUE_OK)
		ctx->payer = refdata_payer(payer_id->raw.s, payer_id->raw.len, &ctx->payer_index);
	ctx->config = config_for_payer(payer_id);
}

static const RuleGroup *groups;
static int	ngroups;

void
rules_register_groups(const RuleGroup *g, int n)
{
	groups = g;
	ngroups = n;
}

static void
run_groups(RuleContext *ctx, RuleGroupKind kind)
{
	int			i;

	if (groups == NULL)
		elog(ERROR, "cleanclaim: no rule group is registered");
	for (i = 0; i < ngroups; i++)
		if (groups[i].kind == kind)
			groups[i].check(ctx);
}

void
rules_run(const Claim *claim, IssueList *issues, bool report_unchecked)
{
	RuleContext ctx;

	init_context(&ctx, claim, issues, report_unchecked);
	prefetch_lookups(claim);
	run_groups(&ctx, RULE_GROUP_CLAIM);
	ctx.nearlier = -1;			/* no table here: the table groups say they could not run */
	run_groups(&ctx, RULE_GROUP_TABLE);
}

void
rules_run_table(const Claim *claim, Claim *const *earlier, int nearlier, IssueList *issues)
{
	RuleContext ctx;

	init_context(&ctx, claim, issues, false);
	ctx.earlier = earlier;
	ctx.nearlier = nearlier;
	run_groups(&ctx, RULE_GROUP_TABLE);
}

const RuleConfig *
rules_claim_config(const Claim *claim)
{
	return config_for_payer(&claim->f[CF_PAYER_ID]);
}

void
audit_run(const Claim *claim, IssueList *flags)
{
	RuleContext ctx;
	IssueList	issues;

	memset(&issues, 0, sizeof(issues));
	init_context(&ctx, claim, flags, false);
	/* the other rules run only for the warnings AUDIT_MANY_WARNINGS counts */
	if (rule_on(&ctx, RULE_AUDIT_MANY_WARNINGS))
		rules_run(claim, &issues, false);
	ctx.prior = &issues;
	run_groups(&ctx, RULE_GROUP_AUDIT);
}

