/*
 * groups.h
 *	  The rule groups (src/rules): each group's check, the table of them the
 *	  module entry registers with the engine (groups.c), and what the groups
 *	  offer each other and the SQL-facing parts.
 */
#ifndef CLEANCLAIM_GROUPS_H
#define CLEANCLAIM_GROUPS_H

#include "postgres.h"

#include "claim/claim.h"
#include "engine/rules.h"

/* The table of groups, in the order they run (groups.c). */
extern const RuleGroup rule_groups[];
extern const int rule_group_count;

/* The checks, one per group (rules_<group>.c, audit_rules.c). */
extern void check_input(RuleContext *ctx);
extern void check_completeness(RuleContext *ctx);
extern void check_billing(RuleContext *ctx);
extern void check_eligibility(RuleContext *ctx);
extern void check_frontend(RuleContext *ctx);
extern void check_patient(RuleContext *ctx);
extern void check_diagnoses(RuleContext *ctx);
extern void check_procedures(RuleContext *ctx);
extern void check_institutional(RuleContext *ctx);
extern void check_duplicates(RuleContext *ctx);
extern void check_audit(RuleContext *ctx);

/* What the 837 requires of the claim (rules_completeness.c). */
extern bool field_required(const RuleContext *ctx, ClaimFieldId id);
extern bool line_field_required(const RuleContext *ctx, LineFieldId id);
extern bool own_rule_reports_missing(const RuleContext *ctx, ClaimFieldId id);
extern bool own_rule_reports_missing_line(const RuleContext *ctx, LineFieldId id);

/* Duplicates (rules_duplicates.c). */
/* A replacement or void (frequency 7 or 8, in frequency_code or the type of bill)? */
extern bool claim_is_correction(const Claim *claim);
/* Is either duplicate rule on for the claim's payer, and the claim no replacement or void? */
extern bool duplicate_check_applies(const Claim *claim);

/* The learned denial risk (audit_rules.c). */
typedef struct LineRisk
{
	int			line_no;
	int64		procedure;
	const char *modifiers;		/* canonical: sorted, distinct, upper case, comma-separated */
	double		charge;
	double		probability;
	const char *basis;			/* the model level the probability comes from */
	int64		lines;			/* training lines behind it (blended: the fewer of the two levels') */
} LineRisk;

/* The risk of each line with a procedure the model can score; -1 when the model is empty. */
extern int	line_risks(const Claim *claim, int min_lines, LineRisk **out);
/* The training lines a probability needs, for the claim's payer (AUDIT_DENIAL_RISK min_lines). */
extern int	denial_min_lines(const Claim *claim);
/* A line's modifiers as the model keys them: sorted, distinct, upper case, comma-separated. */
extern const char *canonical_modifiers(const ClaimLine *line);
/* Add a two-character modifier, upper-cased, to codes (returns the new count); join them as above. */
extern int	modifier_list_add(char (*codes)[3], int n, const char *s, int len);
extern char *modifier_list_join(char (*codes)[3], int n);

#endif							/* CLEANCLAIM_GROUPS_H */
