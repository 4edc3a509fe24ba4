/*
 * loading.h
 *	  Inside src/refdata: what the cache's files share to load a table
 *	  (loading.c).  Not for other layers: they read the cache through
 *	  refdata.h.
 */
#ifndef CLEANCLAIM_LOADING_H
#define CLEANCLAIM_LOADING_H

#include "postgres.h"

#include "access/htup.h"
#include "access/tupdesc.h"
#include "executor/spi.h"

typedef struct CachedTable
{
	const char *relname;
	const char *query;			/* valid_from, valid_to, then the table's own columns */
	Oid			relid;			/* when loaded */
	bool		valid;
	MemoryContext cxt;
} CachedTable;

/* Mark a table stale when relid is its table (InvalidOid: any table). */
extern void refdata_mark_stale(CachedTable *t, Oid relid);
/* Start (re)loading a table: a fresh memory context, its OID, SPI connected; end it. */
extern void refdata_begin_load(CachedTable *t);
extern void refdata_end_load(CachedTable *t);

static inline bool
col_isnull(HeapTuple tup, TupleDesc desc, int col)
{
	bool		isnull;

	SPI_getbinval(tup, desc, col, &isnull);
	return isnull;
}

static inline Datum
col_datum(HeapTuple tup, TupleDesc desc, int col)
{
	bool		isnull;

	return SPI_getbinval(tup, desc, col, &isnull);
}

extern char *col_text(HeapTuple tup, TupleDesc desc, int col, MemoryContext cxt);

/*
 * Load a small table whole, one entry of entry_size per row, zeroed and then
 * filled by read_row (in the table's memory context); returns the entries.
 */
typedef void (*RowReader) (HeapTuple tup, TupleDesc desc, void *entry, MemoryContext cxt);
extern void *refdata_load_entries(CachedTable *t, Size entry_size, RowReader read_row, int *n);

/* The small tables (refdata_tables.c): mark them stale; true when the payers are. */
extern bool refdata_tables_mark_stale(Oid relid);

#endif							/* CLEANCLAIM_LOADING_H */
