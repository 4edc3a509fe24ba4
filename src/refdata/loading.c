/*
 * loading.c
 *	  Loading a reference table into the per-backend cache: a memory context
 *	  per table, the rows read by SPI, the columns of a row.  Used by the
 *	  large tables (refdata.c) and the small ones (refdata_tables.c).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "types/code_type.h"
#include "refdata/refdata.h"
#include "refdata/loading.h"

void
refdata_mark_stale(CachedTable *t, Oid relid)
{
	if (relid == InvalidOid || relid == t->relid)
		t->valid = false;
}

/* Start (re)loading a table: a fresh memory context and the table's OID. */
void
refdata_begin_load(CachedTable *t)
{
	if (t->cxt == NULL)
		t->cxt = AllocSetContextCreate(TopMemoryContext, "cleanclaim reference data",
									   ALLOCSET_DEFAULT_SIZES);
	else
		MemoryContextReset(t->cxt);
	t->relid = get_relname_relid(t->relname, get_namespace_oid("cleanclaim", false));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "cleanclaim: SPI_connect failed");
}

void
refdata_end_load(CachedTable *t)
{
	SPI_finish();
	t->valid = true;
}

char *
col_text(HeapTuple tup, TupleDesc desc, int col, MemoryContext cxt)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, desc, col, &isnull);

	if (isnull)
		return NULL;
	return MemoryContextStrdup(cxt, TextDatumGetCString(d));
}

/*
 * Load a small table whole, one entry of entry_size per row, zeroed and then
 * filled by read_row (in the table's memory context); returns the entries.
 */
void *
refdata_load_entries(CachedTable *t, Size entry_size, RowReader read_row, int *n)
{
	char	   *entries;
	uint64		i;

	refdata_begin_load(t);
	SPI_execute(t->query, true, 0);
	*n = (int) SPI_processed;
	entries = MemoryContextAllocHuge(t->cxt, Max(*n, 1) * entry_size);
	memset(entries, 0, Max(*n, 1) * entry_size);
	for (i = 0; i < SPI_processed; i++)
		read_row(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, entries + i * entry_size, t->cxt);
	refdata_end_load(t);
	return entries;
}
