/*
 * settings.c
 *	  The rules' settings: the parameters a rule reads (defaults, and
 *	  rule_settings.params checked and applied), and the effective
 *	  configuration of each payer.  Settings come from cleanclaim.rule_settings
 *	  through the reference cache: the default configuration (rows with
 *	  payer_id NULL) and one per payer that has rows of its own are built when
 *	  the settings change, so a claim only looks its payer up.  Also which
 *	  claim fields the rules that are on need (the readers read only those),
 *	  and check_rule_setting(), the CHECK of rule_settings.
 */
#include "postgres.h"

#include <math.h>

#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

#include "base/srf.h"
#include "types/code_type.h"
#include "engine/rules.h"

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

const RuleConfig *
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
