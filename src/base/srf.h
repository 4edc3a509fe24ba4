/*
 * srf.h
 *	  Shared helpers of the lowest layer (src/base): they use PostgreSQL only.
 */
#ifndef CLEANCLAIM_SRF_H
#define CLEANCLAIM_SRF_H

#include "postgres.h"

#include "fmgr.h"
#include "utils/tuplestore.h"

/* A set-returning function's tuplestore and row descriptor, returned in materialize mode. */
extern Tuplestorestate *begin_materialized_srf(FunctionCallInfo fcinfo, TupleDesc *tupdesc);

#endif							/* CLEANCLAIM_SRF_H */
