/*
 * rules.c
 *	  The rule catalog, its settings, and the engine that runs the rules.
 *
 * Settings come from cleanclaim.rule_settings through the reference cache:
 * the default configuration (rows with payer_id NULL) and one per payer that
 * has rows of its own are built when the settings change, so a claim only
 * looks its payer up.
 */
#include "postgres.h"

#include <math.h>

#include "access/xact.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"

#include "code_type.h"
#include "rules.h"
#include "validate.h"

#define RULE_DEF(id, cat, sev, owner, fields, data, desc, hint) \
	{#id, cat, sev, owner, fields, data, desc, hint},
const RuleDef rule_defs[RULE_COUNT] = {RULE_CATALOG(RULE_DEF)};
#undef RULE_DEF

/* Default weight of an issue in the quality score, by severity. */
static const double default_weights[] = {[SEV_INFO] = 0,[SEV_WARNING] = 5,[SEV_ERROR] = 25};

/*
 * The audit rules weigh in the audit score instead (0-100, the sum of the
 * flags' weights): high dollars and learned denial risk count most.
 */
static double
rule_default_weight(int rule)
{
	switch (rule)
	{
		case RULE_AUDIT_HIGH_DOLLAR:
			return 40;
		case RULE_AUDIT_DENIAL_RISK:
			return 30;
		case RULE_AUDIT_UNLISTED_PROC:
			return 25;
		case RULE_AUDIT_RISKY_MODIFIER:
			return 20;
		case RULE_AUDIT_MANY_WARNINGS:
			return 15;
		default:
			return default_weights[rule_defs[rule].severity];
	}
}

bool
rule_is_audit(RuleId rule)
{
	return strcmp(rule_defs[rule].category, "audit") == 0;
}

static const char *const severity_names[] = {
	[SEV_INFO] = "info",[SEV_WARNING] = "warning",[SEV_ERROR] = "error",[SEV_NOT_CHECKED] = "not_checked"
};

const char *
severity_name(Severity s)
{
	return severity_names[s];
}

int
rule_lookup(const char *id)
{
	int			i;

	for (i = 0; i < RULE_COUNT; i++)
		if (strcmp(rule_defs[i].id, id) == 0)
			return i;
	return -1;
}

/* ----- parameters ----- */

static void
default_params(RuleParams *p)
{
	memset(p, 0, sizeof(RuleParams));
	p->timely_days = 365;
	p->timely_warn_days = 14;
	p->max_lines_professional = 50;
	p->max_lines_institutional = 450;
	p->max_dx_professional = 12;
	p->max_dx_institutional = 25;
	p->charge_tolerance = 0.005;
	p->nndc_prefixes = 1;
	p->ndc_prefixes[0] = 'J';
	p->nrisky_modifiers = -1;
	p->denial_risk_threshold = 0.3;
	p->denial_min_lines = 30;
	p->many_warnings = 3;
	p->nplaceholders = -1;
	p->nbypass = -1;
}

static void
bad_param(const char *rule, const char *key, const char *expected)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid parameter \"%s\" for rule %s", key, rule),
			 errdetail("The parameter must be %s.", expected),
			 errhint("See the rule catalog in the README for the parameters each rule takes.")));
}

/* Whole-number parameters (days, lines, diagnoses) stay below this: days are added to dates. */
#define MAX_PARAM_INT 1000000

/* A jsonb number as a double, or false when it does not fit one (1e400). */
static bool
param_number(const JsonbValue *v, double *out)
{
	char	   *s;

	if (v->type != jbvNumeric)
		return false;
	s = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v->val.numeric)));
	*out = strtod(s, NULL);
	return isfinite(*out);
}

static int
param_int(const char *rule, const char *key, const JsonbValue *v, int min)
{
	double		d;

	/* no rounding (30.5 is not 31 days) and no "integer out of range" error */
	if (!param_number(v, &d) || d != floor(d))
		bad_param(rule, key, "a whole number");
	if (d < min || d > MAX_PARAM_INT)
		bad_param(rule, key, psprintf("a whole number from %d to %d", min, MAX_PARAM_INT));
	return (int) d;
}

/* The strings of a jsonb array parameter. */
static int
param_strings(const char *rule, const char *key, const JsonbValue *v, char ***out)
{
	JsonbIterator *it;
	JsonbValue	e;
	JsonbIteratorToken tok;
	int			n = 0;

	if (v->type != jbvBinary || !JsonContainerIsArray(v->val.binary.data))
		bad_param(rule, key, "a list of strings");
	*out = palloc(Max(JsonContainerSize(v->val.binary.data), 1) * sizeof(char *));
	it = JsonbIteratorInit(v->val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &e, true)) != WJB_DONE)
	{
		if (tok != WJB_ELEM)
			continue;
		if (e.type != jbvString)
			bad_param(rule, key, "a list of strings");
		(*out)[n++] = pnstrdup(e.val.string.val, e.val.string.len);
	}
	return n;
}

/* A list of two-character modifiers, upper-cased. */
static int
param_modifiers(const char *rule, const char *key, const JsonbValue *v, char (**out)[3])
{
	char	  **strs;
	int			n = param_strings(rule, key, v, &strs);
	int			i;

	*out = palloc(Max(n, 1) * sizeof(**out));
	for (i = 0; i < n; i++)
	{
		if (strlen(strs[i]) != 2)
			bad_param(rule, key, "a list of two-character modifiers");
		(*out)[i][0] = code_upper(strs[i][0]);
		(*out)[i][1] = code_upper(strs[i][1]);
		(*out)[i][2] = '\0';
	}
	return n;
}

/* A list of HCPCS codes. */
static int
param_codes(const char *rule, const char *key, const JsonbValue *v, int64 **out)
{
	char	  **strs;
	int			n = param_strings(rule, key, v, &strs);
	int			i;

	*out = palloc(Max(n, 1) * sizeof(int64));
	for (i = 0; i < n; i++)
		if (!code_parse_text(&hcpcs_type, strs[i], strlen(strs[i]), &(*out)[i]))
			bad_param(rule, key, "a list of HCPCS codes");
	return n;
}

/* A list of contract fields ("billing_zip", "lines.revenue_code") as masks of field bits. */
static void
param_fields(const char *rule, const char *key, const JsonbValue *v, uint64 *claim_mask, uint64 *line_mask)
{
	char	  **strs;
	int			n = param_strings(rule, key, v, &strs);
	int			i;
	int			id;

	*claim_mask = *line_mask = 0;
	for (i = 0; i < n; i++)
	{
		if (strncmp(strs[i], "lines.", 6) == 0 && (id = line_field_lookup(strs[i] + 6, strlen(strs[i]) - 6)) >= 0)
			*line_mask |= FIELD_BIT(id);
		else if ((id = claim_field_lookup(strs[i], strlen(strs[i]))) >= 0 && id != CF_LINES)
			*claim_mask |= FIELD_BIT(id);
		else
			bad_param(rule, key, psprintf("a list of claim contract fields (\"billing_zip\", \"lines.revenue_code\"), and \"%s\" is none", strs[i]));
	}
}

/* Apply one rule's params object to p; raises on unknown keys or bad values. */
static void
apply_params(RuleId rule, Jsonb *params, RuleParams *p)
{
	const char *id = rule_defs[rule].id;
	JsonbIterator *it = JsonbIteratorInit(&params->root);
	JsonbValue	key;
	JsonbValue	v;
	JsonbIteratorToken tok;

	while ((tok = JsonbIteratorNext(&it, &key, true)) != WJB_DONE)
	{
		char	   *k;
		char	  **strs;
		int			n;
		int			i;

		if (tok != WJB_KEY)
			continue;
		JsonbIteratorNext(&it, &v, true);
		k = pnstrdup(key.val.string.val, key.val.string.len);
		if (rule == RULE_TIMELY_FILING_EXPIRED && strcmp(k, "days") == 0)
			p->timely_days = param_int(id, k, &v, 1);
		else if (rule == RULE_TIMELY_FILING_EXPIRED && strcmp(k, "warn_days") == 0)
			p->timely_warn_days = param_int(id, k, &v, 0);
		else if (rule == RULE_LINES_TOO_MANY && strcmp(k, "professional") == 0)
			p->max_lines_professional = param_int(id, k, &v, 1);
		else if (rule == RULE_LINES_TOO_MANY && strcmp(k, "institutional") == 0)
			p->max_lines_institutional = param_int(id, k, &v, 1);
		else if (rule == RULE_DX_TOO_MANY && strcmp(k, "professional") == 0)
			p->max_dx_professional = param_int(id, k, &v, 1);
		else if (rule == RULE_DX_TOO_MANY && strcmp(k, "institutional") == 0)
			p->max_dx_institutional = param_int(id, k, &v, 1);
		else if (rule == RULE_CHARGE_TOTAL_MISMATCH && strcmp(k, "tolerance") == 0)
		{
			if (!param_number(&v, &p->charge_tolerance))
				bad_param(id, k, "a number");
			if (!(p->charge_tolerance >= 0))
				bad_param(id, k, "a number of at least 0");
		}
		else if (rule == RULE_NDC_REQUIRED && strcmp(k, "prefixes") == 0)
		{
			n = param_strings(id, k, &v, &strs);
			if (n > (int) sizeof(p->ndc_prefixes))
				bad_param(id, k, "a list of at most 8 letters");
			for (i = 0; i < n; i++)
			{
				if (strlen(strs[i]) != 1 || !code_is_upper(code_upper(strs[i][0])))
					bad_param(id, k, "a list of single letters");
				p->ndc_prefixes[i] = code_upper(strs[i][0]);
			}
			p->nndc_prefixes = n;
		}
		else if (rule == RULE_NDC_REQUIRED && strcmp(k, "codes") == 0)
			p->nndc_codes = param_codes(id, k, &v, &p->ndc_codes);
		else if (rule == RULE_NCCI_PTP_MODIFIER && strcmp(k, "bypass_modifiers") == 0)
			p->nbypass = param_modifiers(id, k, &v, &p->bypass_modifiers);
		else if (rule == RULE_AUDIT_RISKY_MODIFIER && strcmp(k, "modifiers") == 0)
			p->nrisky_modifiers = param_modifiers(id, k, &v, &p->risky_modifiers);
		else if (rule == RULE_AUDIT_UNLISTED_PROC && strcmp(k, "codes") == 0)
			p->nunlisted_codes = param_codes(id, k, &v, &p->unlisted_codes);
		else if (rule == RULE_AUDIT_DENIAL_RISK && strcmp(k, "threshold") == 0)
		{
			if (v.type != jbvNumeric)
				bad_param(id, k, "a probability between 0 and 1");
			p->denial_risk_threshold = DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(v.val.numeric)));
			if (!(p->denial_risk_threshold >= 0 && p->denial_risk_threshold <= 1))
				bad_param(id, k, "a probability between 0 and 1");
		}
		else if (rule == RULE_AUDIT_DENIAL_RISK && strcmp(k, "min_lines") == 0)
			p->denial_min_lines = param_int(id, k, &v, 1);
		else if (rule == RULE_AUDIT_MANY_WARNINGS && strcmp(k, "warnings") == 0)
			p->many_warnings = param_int(id, k, &v, 1);
		else if (rule == RULE_FIELD_UNKNOWN && strcmp(k, "ignore") == 0)
			p->nignored_fields = param_strings(id, k, &v, &p->ignored_fields);
		else if (rule == RULE_CLAIM_INCOMPLETE && strcmp(k, "ignore") == 0)
			param_fields(id, k, &v, &p->incomplete_ignore_claim, &p->incomplete_ignore_line);
		else if (rule == RULE_CLAIM_INCOMPLETE && strcmp(k, "require") == 0)
			param_fields(id, k, &v, &p->incomplete_require_claim, &p->incomplete_require_line);
		else if (rule == RULE_NAME_INVALID && strcmp(k, "placeholders") == 0)
			p->nplaceholders = param_strings(id, k, &v, &p->placeholders);
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("rule %s has no parameter \"%s\"", id, k),
					 errhint("Parameters: CLAIM_INCOMPLETE ignore, require; NAME_INVALID placeholders; TIMELY_FILING_EXPIRED days, warn_days; LINES_TOO_MANY and DX_TOO_MANY professional, institutional; CHARGE_TOTAL_MISMATCH tolerance; NDC_REQUIRED prefixes, codes; NCCI_PTP_MODIFIER bypass_modifiers; FIELD_UNKNOWN ignore; AUDIT_RISKY_MODIFIER modifiers; AUDIT_UNLISTED_PROC codes; AUDIT_DENIAL_RISK threshold, min_lines; AUDIT_MANY_WARNINGS warnings.")));
	}
}

/* ----- configurations ----- */

typedef struct PayerConfig
{
	char		payer_id[NAMEDATALEN * 2];
	RuleConfig *config;
} PayerConfig;

static MemoryContext config_cxt;
static uint64 config_generation;
static RuleConfig *default_config;
static HTAB *payer_configs;

/* The fields every claim is read for: they pick the payer's settings, the setting, the dates. */
#define ALWAYS_READ_CLAIM (FIELD_BIT(CF_CLAIM_ID) | FIELD_BIT(CF_CLAIM_TYPE) | FIELD_BIT(CF_PAYER_ID) | \
						   FIELD_BIT(CF_SERVICE_FROM) | FIELD_BIT(CF_SERVICE_TO) | FIELD_BIT(CF_LINES))
#define ALWAYS_READ_LINE (FIELD_BIT(LF_LINE_NO) | FIELD_BIT(LF_SERVICE_DATE))

static uint64 wanted_claim_fields = ~(uint64) 0;
static uint64 wanted_line_fields = ~(uint64) 0;
static uint64 audit_claim_fields = ~(uint64) 0;
static uint64 audit_line_fields = ~(uint64) 0;

/* Add a rule's needs_fields list ("billing_npi, lines.procedure") to the masks. */
static void
add_needed_fields(RuleId rule, uint64 *claim_mask, uint64 *line_mask)
{
	const char *p = rule_defs[rule].needs_fields;

	while (*p)
	{
		const char *end = strchr(p, ',');
		int			len = end ? end - p : (int) strlen(p);
		int			id;

		if (len > 6 && strncmp(p, "lines.", 6) == 0)
		{
			if ((id = line_field_lookup(p + 6, len - 6)) < 0)
				elog(ERROR, "cleanclaim: rule %s needs unknown line field \"%.*s\"", rule_defs[rule].id, len, p);
			*line_mask |= FIELD_BIT(id);
		}
		else
		{
			if ((id = claim_field_lookup(p, len)) < 0)
				elog(ERROR, "cleanclaim: rule %s needs unknown field \"%.*s\"", rule_defs[rule].id, len, p);
			*claim_mask |= FIELD_BIT(id);
		}
		p += len;
		while (*p == ',' || *p == ' ')
			p++;
	}
}

/*
 * What CLAIM_INCOMPLETE reads: every field the 837 requires of some claim,
 * those that decide what is required, and those a payer's settings require.
 */
static void
add_required_fields(uint64 *claim_mask, uint64 *line_mask)
{
	HASH_SEQ_STATUS seq;
	PayerConfig *pc;
	int			i;

	*claim_mask |= FIELD_BIT(CF_PATIENT_RELATIONSHIP) | FIELD_BIT(CF_TYPE_OF_BILL) |
		default_config->params.incomplete_require_claim;
	*line_mask |= default_config->params.incomplete_require_line;
	for (i = 0; i < CLAIM_FIELD_COUNT; i++)
		if (claim_field_specs[i].requirement != REQ_SITUATIONAL)
			*claim_mask |= FIELD_BIT(i);
	for (i = 0; i < LINE_FIELD_COUNT; i++)
		if (line_field_specs[i].requirement != REQ_SITUATIONAL)
			*line_mask |= FIELD_BIT(i);
	hash_seq_init(&seq, payer_configs);
	while ((pc = hash_seq_search(&seq)) != NULL)
	{
		*claim_mask |= pc->config->params.incomplete_require_claim;
		*line_mask |= pc->config->params.incomplete_require_line;
	}
}

/*
 * The fields the rules that are on (for any payer) need; all when a FIELD_*
 * rule is on.  Validation reads what the rules but the audit ones need; the
 * audit reads what they all need (AUDIT_MANY_WARNINGS runs the others).
 */
static void
compute_wanted_fields(void)
{
	HASH_SEQ_STATUS seq;
	PayerConfig *pc;
	bool		any_on[RULE_COUNT];
	int			i;

	for (i = 0; i < RULE_COUNT; i++)
		any_on[i] = default_config->enabled[i];
	hash_seq_init(&seq, payer_configs);
	while ((pc = hash_seq_search(&seq)) != NULL)
		for (i = 0; i < RULE_COUNT; i++)
			any_on[i] |= pc->config->enabled[i];
	if (any_on[RULE_FIELD_UNKNOWN] || any_on[RULE_FIELD_INVALID])
	{
		wanted_claim_fields = wanted_line_fields = ~(uint64) 0;
		audit_claim_fields = audit_line_fields = ~(uint64) 0;
		return;
	}
	wanted_claim_fields = ALWAYS_READ_CLAIM;
	wanted_line_fields = ALWAYS_READ_LINE;
	for (i = 0; i < RULE_COUNT; i++)
		if (any_on[i] && !rule_is_audit((RuleId) i))
			add_needed_fields((RuleId) i, &wanted_claim_fields, &wanted_line_fields);
	if (any_on[RULE_CLAIM_INCOMPLETE])
		add_required_fields(&wanted_claim_fields, &wanted_line_fields);
	/* without AUDIT_MANY_WARNINGS the audit does not run the other rules */
	audit_claim_fields = any_on[RULE_AUDIT_MANY_WARNINGS] ? wanted_claim_fields : ALWAYS_READ_CLAIM;
	audit_line_fields = any_on[RULE_AUDIT_MANY_WARNINGS] ? wanted_line_fields : ALWAYS_READ_LINE;
	for (i = 0; i < RULE_COUNT; i++)
		if (any_on[i] && rule_is_audit((RuleId) i))
			add_needed_fields((RuleId) i, &audit_claim_fields, &audit_line_fields);
}

static void
apply_setting(RuleConfig *config, const RuleSetting *s, int rule)
{
	if (s->enabled >= 0)
		config->enabled[rule] = s->enabled;
	if (s->severity >= 0)
		config->severity[rule] = (Severity) s->severity;
	if (s->weight >= 0)
		config->weight[rule] = s->weight;
	if (s->params != NULL)
		apply_params((RuleId) rule, s->params, &config->params);
}

static RuleConfig *
new_default_config(void)
{
	RuleConfig *c = palloc0(sizeof(RuleConfig));
	int			i;

	for (i = 0; i < RULE_COUNT; i++)
	{
		c->enabled[i] = true;
		c->severity[i] = rule_defs[i].severity;
		c->weight[i] = rule_default_weight(i);
	}
	c->enabled[RULE_DX_SEX_CONFLICT] = false;
	default_params(&c->params);
	return c;
}

/* Build the default configuration and one per payer with settings of its own. */
static void
build_configs(void)
{
	const RuleSetting *settings;
	int			n = refdata_settings(&settings);
	MemoryContext old;
	HASHCTL		ctl;
	int			i;

	if (config_cxt == NULL)
		config_cxt = AllocSetContextCreate(TopMemoryContext, "cleanclaim rule configurations",
										   ALLOCSET_DEFAULT_SIZES);
	MemoryContextReset(config_cxt);
	default_config = NULL;
	payer_configs = NULL;
	old = MemoryContextSwitchTo(config_cxt);

	default_config = new_default_config();
	for (i = 0; i < n; i++)
	{
		int			rule = rule_lookup(settings[i].rule_id);

		if (rule >= 0 && settings[i].payer_id == NULL)
			apply_setting(default_config, &settings[i], rule);
	}

	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = sizeof(((PayerConfig *) 0)->payer_id);
	ctl.entrysize = sizeof(PayerConfig);
	ctl.hcxt = config_cxt;
	payer_configs = hash_create("cleanclaim payer rule configurations", 16, &ctl,
								HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
	for (i = 0; i < n; i++)
	{
		int			rule = rule_lookup(settings[i].rule_id);
		PayerConfig *pc;
		bool		found;
		char		key[NAMEDATALEN * 2];

		if (rule < 0 || settings[i].payer_id == NULL)
			continue;
		strlcpy(key, settings[i].payer_id, sizeof(key));
		pc = hash_search(payer_configs, key, HASH_ENTER, &found);
		if (!found)
		{
			pc->config = palloc(sizeof(RuleConfig));
			memcpy(pc->config, default_config, sizeof(RuleConfig));
		}
		apply_setting(pc->config, &settings[i], rule);
	}
	MemoryContextSwitchTo(old);
	compute_wanted_fields();
	config_generation = refdata_settings_generation();
}

/* (Re)build the configurations when the settings or the payers changed. */
static inline void
ensure_configs(void)
{
	if (default_config == NULL || config_generation != refdata_settings_generation())
		build_configs();
}

void
rules_prepare_reading(void)
{
	ensure_configs();
	claim_fields_read = wanted_claim_fields;
	line_fields_read = wanted_line_fields;
}

void
audit_prepare_reading(void)
{
	ensure_configs();
	claim_fields_read = audit_claim_fields;
	line_fields_read = audit_line_fields;
}

static const RuleConfig *
config_for_payer(const FieldValue *payer_id)
{
	char		key[NAMEDATALEN * 2];
	PayerConfig *pc;

	ensure_configs();
	if (payer_id->state != VALUE_OK || hash_get_num_entries(payer_configs) == 0)
		return default_config;
	strlcpy(key, payer_id->raw.s, Min((int) sizeof(key), payer_id->raw.len + 1));
	pc = hash_search(payer_configs, key, HASH_FIND, NULL);
	return pc ? pc->config : default_config;
}

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
		? ctx->config->weight[rule] : default_weights[severity];
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

/* ----- text of values ----- */

const char *
field_text(const FieldValue *fv)
{
	return fv->raw.s != NULL ? claim_str_cstring(fv->raw) : "";
}

const char *
code_text(const CodeType *type, int64 code)
{
	char	   *buf = palloc(CODE_MAX_TEXT_LEN + 1);

	type->format(code, buf);
	return buf;
}

/* Dates in messages are ISO 8601 whatever DateStyle says. */
const char *
date_text(DateADT d)
{
	int			y,
				m,
				day;

	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	return psprintf("%04d-%02d-%02d", y, m, day);
}

/*
 * Why the loaded code set cannot judge a code of the family on the date, or
 * NULL when a release covers them: a code that is well formed but that no
 * loaded release speaks for is not checked, never called invalid.  what
 * names the codes ("procedure codes"); the reason says what to load.
 */
const char *
code_set_gap(RefTableId table, int family, DateADT date, const char *what)
{
	RefCoverage c;
	const char *label;
	const char *codes;

	if (refdata_covers(table, family, date, &c))
		return NULL;
	label = refdata_family_label(table, family);
	codes = label ? psprintf("%s %s", label, what) : what;
	if (!c.any)
		return psprintf("no release of cleanclaim.%s loaded holds %s", refdata_table_name(table), codes);
	return psprintf("the %s loaded%s cover %s to %s, not %s: load a newer release, or mark the release current with mark_release_current()",
					codes, c.release ? psprintf(" (release %s)", c.release) : "", date_text(c.from),
					c.to == REF_NO_END ? "now" : date_text(c.to), date_text(date));
}

/* Why a code field's text is not a valid code. */
const char *
invalid_code_reason(const CodeType *type, const FieldValue *fv)
{
	char	   *detail = palloc(CODE_DETAIL_LEN);
	int64		ignored;

	if (code_parse_detail(type, fv->raw.s, fv->raw.len, &ignored, detail))
		return "";
	return detail;
}

bool
claim_first_service_date(const Claim *claim, DateADT *date)
{
	bool		found = false;
	int			i;

	if (claim->f[CF_SERVICE_FROM].state == VALUE_OK)
	{
		*date = claim->f[CF_SERVICE_FROM].v.date;
		return true;
	}
	for (i = 0; i < claim->nlines; i++)
	{
		const FieldValue *d = &claim->lines[i].f[LF_SERVICE_DATE];

		if (d->state == VALUE_OK && (!found || d->v.date < *date))
		{
			*date = d->v.date;
			found = true;
		}
	}
	return found;
}

/*
 * The three characters of a type of bill (facility type, classification,
 * frequency), from "111" or "0111"; false when it has not that shape.
 */
bool
type_of_bill_digits(const FieldValue *tob, char digits[3])
{
	const char *s = tob->raw.s;
	int			len = tob->raw.len;
	int			i;

	if (tob->state != VALUE_OK)
		return false;
	if (len == 4 && s[0] == '0')
	{
		s++;
		len--;
	}
	/* the facility type code (CLM05-1) is two digits of 1 to 9 */
	if (len != 3 || s[0] < '1' || s[0] > '8' || s[1] < '1' || s[1] > '9')
		return false;
	for (i = 0; i < 3; i++)
		digits[i] = code_upper(s[i]);
	return code_is_digit(digits[2]) || code_is_upper(digits[2]);
}

/*
 * An inpatient stay, by the type of bill: a hospital, skilled nursing or
 * religious nonmedical facility (facility types 1, 2, 4) billing inpatient
 * services (classification 1 Part A, 2 Part B) or a swing bed (18x, 28x),
 * or an intermediate care facility (6x).  Clinics (7x) and special
 * facilities (8x) use the second digit for their kind, never inpatient.
 */
bool
claim_is_inpatient(const Claim *claim)
{
	char		tob[3];

	if (!type_of_bill_digits(&claim->f[CF_TYPE_OF_BILL], tob))
		return false;
	if (tob[0] == '6')
		return true;
	return (tob[0] == '1' || tob[0] == '2' || tob[0] == '4') &&
		(tob[1] == '1' || tob[1] == '2' || (tob[1] == '8' && tob[0] != '4'));
}

/*
 * Does the bill carry an admission date (2300 DTP*435)?  Inpatient stays,
 * and home health (32x, 33x) and hospice (81x, 82x) bills, which date the
 * start of care.
 */
bool
claim_has_admission(const Claim *claim)
{
	char		tob[3];

	if (claim_is_inpatient(claim))
		return true;
	if (!type_of_bill_digits(&claim->f[CF_TYPE_OF_BILL], tob))
		return false;
	return (tob[0] == '3' && (tob[1] == '2' || tob[1] == '3')) || (tob[0] == '8' && (tob[1] == '1' || tob[1] == '2'));
}

/* A hospital bill for specimens alone (14x, non-patient laboratory): no patient came, no point of origin. */
bool
claim_is_specimen_only(const Claim *claim)
{
	char		tob[3];

	return type_of_bill_digits(&claim->f[CF_TYPE_OF_BILL], tob) && tob[0] == '1' && tob[1] == '4';
}

bool
line_has_modifier(const ClaimLine *line, const char *modifier)
{
	const FieldValue *mods = &line->f[LF_MODIFIERS];
	int			i;

	if (mods->state != VALUE_OK)
		return false;
	for (i = 0; i < mods->nitems; i++)
		if (mods->items[i].raw.len == 2 && pg_strncasecmp(mods->items[i].raw.s, modifier, 2) == 0)
			return true;
	return false;
}

/* The number of a CPT Category I code (99213 for 99213), -1 for other codes. */
int
cpt_category_i_number(int64 code)
{
	char		chars[8];
	int			n = code_unpack_chars(code, 5, chars);
	int			i;
	int			number = 0;

	if (n != 5)
		return -1;
	for (i = 0; i < 5; i++)
	{
		if (!code_is_digit(chars[i]))
			return -1;
		number = number * 10 + (chars[i] - '0');
	}
	return number;
}

/* The same modifiers on both lines, in any order (as many, each of a's on b). */
bool
lines_have_same_modifiers(const ClaimLine *a, const ClaimLine *b)
{
	const FieldValue *ma = &a->f[LF_MODIFIERS];
	const FieldValue *mb = &b->f[LF_MODIFIERS];
	int			na = ma->state == VALUE_OK ? ma->nitems : 0;
	int			nb = mb->state == VALUE_OK ? mb->nitems : 0;
	int			i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (!line_has_modifier(b, claim_str_cstring(ma->items[i].raw)))
			return false;
	return true;
}

bool
line_modifier_at(const ClaimLine *line, int i, char up[3])
{
	const FieldValue *mods = &line->f[LF_MODIFIERS];
	ClaimStr	m;

	if (mods->state != VALUE_OK || i >= mods->nitems)
		return false;
	m = mods->items[i].raw;
	if (m.len != 2 || !(code_is_digit(m.s[0]) || code_is_upper(code_upper(m.s[0]))) ||
		!(code_is_digit(m.s[1]) || code_is_upper(code_upper(m.s[1]))))
		return false;
	up[0] = code_upper(m.s[0]);
	up[1] = code_upper(m.s[1]);
	up[2] = '\0';
	return true;
}

/* The payer's own row of a modifier in modifier_settings and the every-payer row (either may be NULL). */
static void
modifier_settings_of(const RuleContext *ctx, const char *modifier, const ModifierSetting **own,
					 const ModifierSetting **all)
{
	const FieldValue *payer = &ctx->claim->f[CF_PAYER_ID];

	*own = payer->state == VALUE_OK ? refdata_modifier_setting(payer->raw.s, payer->raw.len, modifier) : NULL;
	*all = refdata_modifier_setting(NULL, 0, modifier);
}

bool
modifier_scrutinized(const RuleContext *ctx, const char *modifier)
{
	const ModifierSetting *own,
			   *all;
	const ModifierInfo *info;

	modifier_settings_of(ctx, modifier, &own, &all);
	if (own != NULL && own->scrutinized >= 0)
		return own->scrutinized;
	if (all != NULL && all->scrutinized >= 0)
		return all->scrutinized;
	info = refdata_modifier_info(modifier);
	return info != NULL && info->scrutinized;
}

const ModifierSetting *
modifier_replacement(const RuleContext *ctx, const char *modifier)
{
	const ModifierSetting *own,
			   *all;

	modifier_settings_of(ctx, modifier, &own, &all);
	if (own != NULL && own->nuse_instead >= 0)
		return own->nuse_instead > 0 ? own : NULL;
	return all != NULL && all->nuse_instead > 0 ? all : NULL;
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

void
rules_run(const Claim *claim, IssueList *issues, bool report_unchecked)
{
	RuleContext ctx;

	init_context(&ctx, claim, issues, report_unchecked);
	prefetch_lookups(claim);
	check_input(&ctx);
	check_completeness(&ctx);
	check_billing(&ctx);
	check_frontend(&ctx);
	check_patient(&ctx);
	check_diagnoses(&ctx);
	check_procedures(&ctx);
	check_institutional(&ctx);
	rule_not_checked(&ctx, RULE_DUPLICATE_CLAIM,
					 "only the scrub trigger with 'duplicates=on' compares a claim with the claims of its table");
	rule_not_checked(&ctx, RULE_DUPLICATE_SERVICE,
					 "only the scrub trigger with 'duplicates=on' compares a claim with the claims of its table");
}

void
rules_run_duplicates(const Claim *claim, Claim *const *earlier, int nearlier, IssueList *issues)
{
	RuleContext ctx;

	init_context(&ctx, claim, issues, false);
	check_duplicates(&ctx, earlier, nearlier);
}

int
denial_min_lines(const Claim *claim)
{
	return config_for_payer(&claim->f[CF_PAYER_ID])->params.denial_min_lines;
}

bool
duplicate_check_applies(const Claim *claim)
{
	const RuleConfig *config = config_for_payer(&claim->f[CF_PAYER_ID]);

	return (config->enabled[RULE_DUPLICATE_CLAIM] || config->enabled[RULE_DUPLICATE_SERVICE]) &&
		!claim_is_correction(claim);
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
	check_audit(&ctx, &issues);
}

/* ----- SQL: the catalog ----- */

/*
 * rule_catalog(): one row per rule with its defaults.  Immutable: the catalog
 * is compiled in.
 */
PG_FUNCTION_INFO_V1(rule_catalog);
Datum
rule_catalog(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Tuplestorestate *store = begin_materialized_srf(fcinfo, &tupdesc);
	int			i;

	for (i = 0; i < RULE_COUNT; i++)
	{
		const RuleDef *r = &rule_defs[i];
		Datum		values[9];
		bool		nulls[9] = {0};

		values[0] = CStringGetTextDatum(r->id);
		values[1] = CStringGetTextDatum(r->category);
		values[2] = CStringGetTextDatum(severity_names[r->severity]);
		values[3] = CStringGetTextDatum(r->owner);
		values[4] = BoolGetDatum(i != RULE_DX_SEX_CONFLICT);
		values[5] = Float8GetDatum(rule_default_weight(i));
		values[6] = CStringGetTextDatum(r->needs_fields);
		values[7] = CStringGetTextDatum(r->needs_data);
		values[8] = CStringGetTextDatum(r->description);
		nulls[6] = r->needs_fields[0] == '\0';
		nulls[7] = r->needs_data[0] == '\0';
		tuplestore_putvalues(store, tupdesc, values, nulls);
	}
	return (Datum) 0;
}

/* rule_hint(rule_id text) -> text: the fix hint of a rule. */
PG_FUNCTION_INFO_V1(rule_hint);
Datum
rule_hint(PG_FUNCTION_ARGS)
{
	int			rule = rule_lookup(text_to_cstring(PG_GETARG_TEXT_PP(0)));

	if (rule < 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(rule_defs[rule].hint));
}

/*
 * check_rule_setting(rule_id, params): the CHECK of rule_settings.  Raises
 * 22023 with the reason when the rule does not exist or a parameter is wrong.
 */
PG_FUNCTION_INFO_V1(check_rule_setting);
Datum
check_rule_setting(PG_FUNCTION_ARGS)
{
	char	   *id = text_to_cstring(PG_GETARG_TEXT_PP(0));
	int			rule = rule_lookup(id);
	RuleParams	p;

	if (rule < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("there is no rule \"%s\"", id),
				 errhint("The rule ids are listed in cleanclaim.rules.")));
	if (!PG_ARGISNULL(1))
	{
		default_params(&p);
		apply_params((RuleId) rule, PG_GETARG_JSONB_P(1), &p);
	}
	PG_RETURN_BOOL(true);
}
