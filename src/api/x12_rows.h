/*
 * x12_rows.h
 *	  What the X12 functions of src/api share (x12_rows.c): a row filled
 *	  column by column from the values of a file, and the rows of
 *	  validate_837 and validate_835, an issue at its segment and element.
 */
#ifndef CLEANCLAIM_X12_ROWS_H
#define CLEANCLAIM_X12_ROWS_H

#include "postgres.h"

#include "utils/tuplestore.h"

#include "x12/x12.h"
#include "engine/rules.h"

/* A row being filled: each x12_row_* call sets the next column. */
typedef struct X12Row
{
	Datum		values[40];
	bool		nulls[40];
	int			n;
} X12Row;

extern Datum x12_text_datum(X12Str s);
extern void x12_row_text(X12Row *row, X12Str s);	/* NULL when empty */
extern void x12_row_cstring(X12Row *row, const char *s);	/* NULL when NULL */
extern void x12_row_int(X12Row *row, int64 v);
extern void x12_row_null(X12Row *row);
extern void x12_row_number(X12Row *row, X12Str s);	/* an integer of digits (at most 9); else NULL */
extern void x12_row_amount(X12Row *row, X12Str s);	/* numeric as written; NULL when not a number */
extern void x12_row_date(X12Row *row, X12Str s);	/* CCYYMMDD; NULL when not a date */
extern void x12_row_codes(X12Row *row, const X12Str *codes, int n);	/* text[] */
/* The row into the function's result; the next row starts at column 1. */
extern void x12_row_put(Tuplestorestate *store, TupleDesc tupdesc, X12Row *row);

extern void x12_put_issue(Tuplestorestate *store, TupleDesc tupdesc, X12Str claim_id, X12Str transaction,
						  int64 segment_no, const char *segment_id, int element, int component, const Issue *issue);
/* The file's problems as issues of their X12_* rules (those that are on). */
extern void x12_put_problems(Tuplestorestate *store, TupleDesc tupdesc, X12Str claim_id,
							 const X12Problem *problems, int n);

#endif							/* CLEANCLAIM_X12_ROWS_H */
