/*
 * cleanclaim.c
 *	  Module entry point of the cleanclaim extension.
 *
 * Each part of the extension lives in a file named after it: code_type.c and
 * the four code types (npi.c, icd10cm.c, hcpcs.c, ndc.c); the claim model and
 * its readers (claim*.c); the reference cache (refdata.c); the rules
 * (rules*.c); the validation API (validate.c).
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
