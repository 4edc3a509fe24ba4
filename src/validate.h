/*
 * validate.h
 *	  The validation API shared by validate.c and the scrub trigger.
 */
#ifndef CLEANCLAIM_VALIDATE_H
#define CLEANCLAIM_VALIDATE_H

#include "postgres.h"

#include "fmgr.h"
#include "utils/tuplestore.h"

#include "claim.h"
#include "rules.h"

/* Columns of cleanclaim.issue: rule_id, severity, category, owner, line_no, field, value, message, hint. */
#define ISSUE_NATTS 9

extern Claim *claim_from_argument(FunctionCallInfo fcinfo, int argno, RowMap **rowmap);
extern Claim *claim_argument(FunctionCallInfo fcinfo, int argno);
extern void issue_values(const Issue *issue, Datum *values, bool *nulls);
extern Datum issue_array(const IssueList *issues, Oid issue_type, TupleDesc *issue_desc, MemoryContext cxt);
extern Tuplestorestate *begin_materialized_srf(FunctionCallInfo fcinfo, TupleDesc *tupdesc);

#endif							/* CLEANCLAIM_VALIDATE_H */
