/*
 * groups.c
 *	  The table of rule groups the engine runs, in order: the module entry
 *	  (src/cleanclaim.c) registers it at load.  A new group is a file of its
 *	  own in src/rules, its rules in the catalog (engine/rules.h) and a line
 *	  here.
 */
#include "postgres.h"

#include "rules/groups.h"

const RuleGroup rule_groups[] = {
	{"input", RULE_GROUP_CLAIM, check_input},
	{"completeness", RULE_GROUP_CLAIM, check_completeness},
	{"billing", RULE_GROUP_CLAIM, check_billing},
	{"eligibility", RULE_GROUP_CLAIM, check_eligibility},
	{"front end", RULE_GROUP_CLAIM, check_frontend},
	{"patient", RULE_GROUP_CLAIM, check_patient},
	{"diagnosis", RULE_GROUP_CLAIM, check_diagnoses},
	{"procedure", RULE_GROUP_CLAIM, check_procedures},
	{"institutional", RULE_GROUP_CLAIM, check_institutional},
	{"duplicates", RULE_GROUP_TABLE, check_duplicates},
	{"audit", RULE_GROUP_AUDIT, check_audit},
};

const int	rule_group_count = lengthof(rule_groups);
