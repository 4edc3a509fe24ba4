/*
 * code_types.c
 *	  The registry of the four code types (npi, icd10cm, hcpcs, ndc): what
 *	  needs to find a type by its OID, above the generic code_type.c and the
 *	  four types that use it.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/syscache.h"

#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

#include "types/code_type.h"

/*
 * The CodeType of a type OID, or NULL when it is not one of the extension's
 * code types.  A syscache lookup: fine for per-query use, not for per-row
 * hot paths, which know their type statically.
 */
const CodeType *
code_type_by_oid(Oid typid)
{
	static const CodeType *const all[] = {&npi_type, &icd10cm_type, &hcpcs_type, &ndc_type};
	HeapTuple	tup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
	const CodeType *found = NULL;
	size_t		i;

	if (!HeapTupleIsValid(tup))
		return NULL;
	if (get_namespace_oid("cleanclaim", true) == ((Form_pg_type) GETSTRUCT(tup))->typnamespace)
	{
		const char *name = NameStr(((Form_pg_type) GETSTRUCT(tup))->typname);

		for (i = 0; i < lengthof(all); i++)
			if (strcmp(name, all[i]->name) == 0)
				found = all[i];
	}
	ReleaseSysCache(tup);
	return found;
}

/*
 * invalid_reason(code_type regtype, value text) -> text: why the value is not
 * a valid code of that type (the errdetail its input would raise), or NULL
 * when it is valid.  Never raises for a bad value.
 */
PG_FUNCTION_INFO_V1(invalid_reason);
Datum
invalid_reason(PG_FUNCTION_ARGS)
{
	Oid			typid = PG_GETARG_OID(0);
	text	   *value = PG_GETARG_TEXT_PP(1);
	const CodeType *type = code_type_by_oid(typid);
	char		detail[CODE_DETAIL_LEN];
	int64		ignored;

	if (type == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid_reason() does not know type %s", format_type_be(typid)),
				 errdetail("It explains the cleanclaim code types only."),
				 errhint("Pass one of cleanclaim.npi, cleanclaim.icd10cm, cleanclaim.hcpcs or cleanclaim.ndc.")));
	if (code_parse_detail(type, VARDATA_ANY(value), VARSIZE_ANY_EXHDR(value), &ignored, detail))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(detail));
}
