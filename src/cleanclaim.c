/*
 * cleanclaim.c
 *	  Module entry point of the cleanclaim extension.
 *
 * The parts live in folders by layer, each using only the ones before it
 * (docs/architecture.md; tools/layers checks it): base (shared helpers),
 * types (the code types), refdata (the reference data cache), claim (the
 * claim model and its readers), engine (the rule catalog, settings and
 * runner), rules (the rule groups), api (the SQL-facing parts).  This file,
 * above them all, wires them at load: it starts the cache's invalidation and
 * gives the engine the table of rule groups.
 */
#include "postgres.h"

#include "fmgr.h"

#include "refdata/refdata.h"
#include "engine/rules.h"
#include "rules/groups.h"

#if PG_VERSION_NUM >= 180000
PG_MODULE_MAGIC_EXT(.name = "cleanclaim",.version = "0.2.0");
#else
PG_MODULE_MAGIC;
#endif

void		_PG_init(void);

void
_PG_init(void)
{
	refdata_init();
	rules_register_groups(rule_groups, rule_group_count);
}
