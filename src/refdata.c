/*
 * refdata.c
 *	  Reference data: the per-backend cache of the cleanclaim reference
 *	  tables, and its invalidation.
 *
 * Each reference table carries a statement trigger, refdata_changed(), that
 * queues a relcache invalidation for the table.  PostgreSQL delivers it to
 * every backend at commit (and to this one at once), where a relcache
 * callback marks that table's cached copy stale; the next claim validated
 * reloads it.  No claim ever reads a table itself.
 */
#include "postgres.h"

#include "commands/trigger.h"
#include "fmgr.h"
#include "utils/inval.h"
#include "utils/rel.h"

/* refdata_changed(): statement trigger; queue a relcache invalidation of the table. */
PG_FUNCTION_INFO_V1(refdata_changed);
Datum
refdata_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("refdata_changed() must be called as a trigger")));
	CacheInvalidateRelcache(trigdata->tg_relation);
	return PointerGetDatum(NULL);
}
