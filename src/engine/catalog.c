/*
 * catalog.c
 *	  The rule catalog (engine/rules.h lists the rules): each rule's id,
 *	  category, default severity and weight, owner, needs, description and
 *	  hint, and the SQL functions that show it: rule_catalog(), rule_hint().
 */
#include "postgres.h"

#include "funcapi.h"
#include "utils/builtins.h"

#include "base/srf.h"
#include "types/code_type.h"
#include "engine/rules.h"

#define RULE_DEF(id, cat, sev, owner, fields, data, desc, hint) \
	{#id, cat, sev, owner, fields, data, desc, hint},
const RuleDef rule_defs[RULE_COUNT] = {RULE_CATALOG(RULE_DEF)};
#undef RULE_DEF

/* Default weight of an issue in the quality score, by severity. */
static const double default_weights[] = {[SEV_INFO] = 0,[SEV_WARNING] = 5,[SEV_ERROR] = 25};

double
severity_default_weight(Severity s)
{
	return default_weights[s];
}

/*
 * The audit rules weigh in the audit score instead (0-100, the sum of the
 * flags' weights): high dollars and learned denial risk count most.
 */
double
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

