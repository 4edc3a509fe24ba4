/*
 * claim_argument.c
 *	  A claim passed to a SQL function: jsonb in the claim contract, a FHIR R4
 *	  Claim (or a Bundle holding one), or any row or composite value, read by
 *	  the reader of its form.  The argument's type is looked up once per call
 *	  site.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/jsonb.h"

#include "claim/claim.h"

Claim *
claim_read_argument(FunctionCallInfo fcinfo, int argno, ClaimArgument *arg)
{
	if (arg->argtype == InvalidOid)
		arg->argtype = get_fn_expr_argtype(fcinfo->flinfo, argno);
	if (arg->argtype == JSONBOID)
	{
		Jsonb	   *jb = PG_GETARG_JSONB_P(argno);
		Claim	   *claim = claim_from_jsonb(jb);

		/* NULL: the object is a FHIR resource (it has resourceType) */
		return claim != NULL ? claim : claim_from_fhir(jb);
	}
	return claim_from_record(PG_GETARG_DATUM(argno), &arg->rowmap, fcinfo->flinfo->fn_mcxt);
}

/* The claim in argument argno, what the call site keeps between calls in fn_extra. */
Claim *
claim_argument(FunctionCallInfo fcinfo, int argno)
{
	if (fcinfo->flinfo->fn_extra == NULL)
		fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(ClaimArgument));
	return claim_read_argument(fcinfo, argno, (ClaimArgument *) fcinfo->flinfo->fn_extra);
}
