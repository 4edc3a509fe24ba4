/*
 * validate.h
 *	  The validation API shared by validate.c and the scrub trigger.
 */
#ifndef CLEANCLAIM_VALIDATE_H
#define CLEANCLAIM_VALIDATE_H

#include "postgres.h"

#include "fmgr.h"
#include "utils/tuplestore.h"

#include "claim/claim.h"
#include "engine/rules.h"

/* Columns of cleanclaim.issue: rule_id, severity, category, owner, line_no, field, value, message, hint. */
#define ISSUE_NATTS 9

extern void issue_values(const Issue *issue, Datum *values, bool *nulls);
extern Datum issue_array(const IssueList *issues, Oid issue_type, TupleDesc *issue_desc, MemoryContext cxt);

#endif							/* CLEANCLAIM_VALIDATE_H */
