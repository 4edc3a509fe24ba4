/*
 * x12_issues.h
 *	  What the X12 functions of src/api share (defined in x12.c): an
 *	  element as text, and the rows of validate_837 and validate_835, an
 *	  issue at its segment and element.
 */
#ifndef CLEANCLAIM_X12_ISSUES_H
#define CLEANCLAIM_X12_ISSUES_H

#include "postgres.h"

#include "utils/tuplestore.h"

#include "x12/x12.h"
#include "engine/rules.h"

extern Datum x12_text_datum(X12Str s);
extern void x12_put_issue(Tuplestorestate *store, TupleDesc tupdesc, X12Str claim_id, X12Str transaction,
						  int64 segment_no, const char *segment_id, int element, int component, const Issue *issue);
/* The file's problems as issues of their X12_* rules (those that are on). */
extern void x12_put_problems(Tuplestorestate *store, TupleDesc tupdesc, X12Str claim_id,
							 const X12Problem *problems, int n);

#endif							/* CLEANCLAIM_X12_ISSUES_H */
