/*
 * claim_row.c
 *	  Read a claim from a row or composite value whose column names are those
 *	  of the claim contract: a table row, a view row, ROW(...)::some_type.
 *	  Lines come as a jsonb array or as an array of a composite type with the
 *	  line field names (cleanclaim.claim_line, or any other).
 *
 * How each column maps to a field is worked out once per row type and kept
 * (per query, or per trigger statement), so reading a row costs a deform and
 * one conversion per mapped column.  Columns that match no field are the
 * table's own business and are passed over, unless their name looks like a
 * misspelled field: those are reported.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"

#include "claim/claim.h"
#include "types/code_type.h"

#define COLUMN_PASSED_OVER (-1)

typedef struct ColumnMap
{
	int			field;			/* field id, or COLUMN_PASSED_OVER */
	const char *name;
	const char *suggestion;		/* for a passed-over column that looks like a misspelling */
	Oid			typid;			/* base type (domains looked through) */
	const CodeType *code_type;
	bool		is_array;
	bool		is_composite;
	Oid			outfunc;
} ColumnMap;

struct RowMap
{
	Oid			tupType;
	int32		tupTypmod;
	bool		line_level;
	int			natts;
	ColumnMap  *cols;
	struct RowMap *line_map;	/* for an array-of-composite lines column */
	MemoryContext mcxt;
};

static RowMap *
build_row_map(TupleDesc tupdesc, bool line_level, MemoryContext mcxt)
{
	MemoryContext old = MemoryContextSwitchTo(mcxt);
	RowMap	   *map = palloc0(sizeof(RowMap));
	int			i;

	map->tupType = tupdesc->tdtypeid;
	map->tupTypmod = tupdesc->tdtypmod;
	map->line_level = line_level;
	map->natts = tupdesc->natts;
	map->cols = palloc0(tupdesc->natts * sizeof(ColumnMap));
	map->mcxt = mcxt;
	for (i = 0; i < tupdesc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(tupdesc, i);
		ColumnMap  *col = &map->cols[i];
		const char *name = NameStr(att->attname);
		int			len = strlen(name);
		bool		isvarlena;

		col->field = COLUMN_PASSED_OVER;
		if (att->attisdropped)
			continue;
		col->name = pstrdup(name);
		col->field = line_level ? line_field_lookup(name, len) : claim_field_lookup(name, len);
		if (col->field < 0)
		{
			col->field = COLUMN_PASSED_OVER;
			col->suggestion = claim_field_suggestion(name, len, line_level);
			continue;
		}
		col->typid = getBaseType(att->atttypid);
		col->code_type = code_type_by_oid(col->typid);
		col->is_array = OidIsValid(get_element_type(col->typid));
		col->is_composite = type_is_rowtype(col->typid);
		getTypeOutputInfo(col->typid, &col->outfunc, &isvarlena);
	}
	MemoryContextSwitchTo(old);
	return map;
}

/* A column's datum as a raw value for the claim readers. */
static void
raw_from_datum(const ColumnMap *col, Datum d, bool isnull, RawValue *raw)
{
	memset(raw, 0, sizeof(RawValue));
	if (isnull)
	{
		raw->kind = RAW_NULL;
		return;
	}
	if (col->code_type != NULL)
	{
		raw->kind = RAW_CODE;
		raw->code = DatumGetInt64(d);
		raw->code_type = col->code_type;
		return;
	}
	if (col->is_array)
	{
		raw->kind = RAW_ARRAY;
		raw->array = DatumGetArrayTypeP(d);
		return;
	}
	if (col->is_composite)
	{
		raw->kind = RAW_RECORD;
		raw->record = d;
		return;
	}
	switch (col->typid)
	{
		case TEXTOID:
		case VARCHAROID:
		case BPCHAROID:
			{
				text	   *t = DatumGetTextPP(d);

				raw->kind = RAW_TEXT;
				raw->text.s = VARDATA_ANY(t);
				raw->text.len = VARSIZE_ANY_EXHDR(t);
				break;
			}
		case DATEOID:
			raw->kind = RAW_DATE;
			raw->date = DatumGetDateADT(d);
			break;
		case TIMESTAMPOID:
			/* as a date, not through the output function: its text follows DateStyle */
			raw->kind = RAW_DATE;
			raw->date = DatumGetDateADT(DirectFunctionCall1(timestamp_date, d));
			break;
		case TIMESTAMPTZOID:
			raw->kind = RAW_DATE;
			raw->date = DatumGetDateADT(DirectFunctionCall1(timestamptz_date, d));
			break;
		case NUMERICOID:
			raw->kind = RAW_NUMERIC;
			raw->numeric = DatumGetNumeric(d);
			break;
		case INT2OID:
			raw->kind = RAW_FLOAT;
			raw->fnum = DatumGetInt16(d);
			break;
		case INT4OID:
			raw->kind = RAW_FLOAT;
			raw->fnum = DatumGetInt32(d);
			break;
		case INT8OID:
			raw->kind = RAW_FLOAT;
			raw->fnum = (double) DatumGetInt64(d);
			break;
		case FLOAT4OID:
			raw->kind = RAW_FLOAT;
			raw->fnum = DatumGetFloat4(d);
			break;
		case FLOAT8OID:
			raw->kind = RAW_FLOAT;
			raw->fnum = DatumGetFloat8(d);
			break;
		case BOOLOID:
			raw->kind = RAW_BOOL;
			raw->boolean = DatumGetBool(d);
			break;
		case JSONBOID:
			{
				Jsonb	   *jb = DatumGetJsonbP(d);
				JsonbValue	scalar;

				if (JB_ROOT_IS_SCALAR(jb) && JsonbExtractScalar(&jb->root, &scalar))
					raw_from_jsonb_value(&scalar, raw);
				else
				{
					raw->kind = RAW_JSONB_CONTAINER;
					raw->container = &jb->root;
				}
				break;
			}
		default:
			raw->kind = RAW_OTHER;
			raw->text = claim_str(OidOutputFunctionCall(col->outfunc, d));
			break;
	}
}

static void
deform(HeapTupleHeader td, TupleDesc tupdesc, Datum *values, bool *nulls)
{
	HeapTupleData tuple;

	tuple.t_len = HeapTupleHeaderGetDatumLength(td);
	ItemPointerSetInvalid(&tuple.t_self);
	tuple.t_tableOid = InvalidOid;
	tuple.t_data = td;
	heap_deform_tuple(&tuple, tupdesc, values, nulls);
}

static void read_record_lines(Claim *claim, RowMap *map, ArrayType *array);

/* Read the columns of one deformed row into the claim header or a line. */
static void
read_columns(Claim *claim, ClaimLine *line, RowMap *map, Datum *values, bool *nulls)
{
	int			i;

	/* line_no first, so that problems name the line given */
	if (line != NULL)
	{
		for (i = 0; i < map->natts; i++)
		{
			if (map->cols[i].field == LF_LINE_NO)
			{
				RawValue	raw;

				raw_from_datum(&map->cols[i], values[i], nulls[i], &raw);
				claim_set_line_field(claim, line, LF_LINE_NO, &raw);
			}
		}
	}
	for (i = 0; i < map->natts; i++)
	{
		const ColumnMap *col = &map->cols[i];
		RawValue	raw;

		if (col->field == COLUMN_PASSED_OVER)
		{
			if (col->suggestion != NULL)
				claim_report_unknown(claim, line ? line->line_no : 0, col->name, col->suggestion);
			continue;
		}
		if (line != NULL && col->field == LF_LINE_NO)
			continue;
		raw_from_datum(col, values[i], nulls[i], &raw);
		if (line != NULL)
		{
			claim_set_line_field(claim, line, (LineFieldId) col->field, &raw);
			continue;
		}
		if (col->field != CF_LINES)
		{
			claim_set_field(claim, (ClaimFieldId) col->field, &raw);
			continue;
		}
		if (raw.kind == RAW_NULL)
			claim->f[CF_LINES].state = VALUE_MISSING;
		else if (raw.kind == RAW_JSONB_CONTAINER && JsonContainerIsArray(raw.container))
			claim_read_jsonb_lines(claim, raw.container);
		else if (raw.kind == RAW_ARRAY && type_is_rowtype(ARR_ELEMTYPE(raw.array)))
			read_record_lines(claim, map, raw.array);
		else
		{
			claim->f[CF_LINES].state = VALUE_INVALID;
			claim_invalid_field(claim, 0, "lines", claim_str(""),
								"lines is a jsonb array of line objects or an array of cleanclaim.claim_line");
		}
	}
}

/* lines: an array of a composite type whose columns are line fields. */
static void
read_record_lines(Claim *claim, RowMap *map, ArrayType *array)
{
	Oid			elemtype = ARR_ELEMTYPE(array);
	Datum	   *elems;
	bool	   *elem_nulls;
	int			n;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	ClaimLine  *lines;
	TupleDesc	tupdesc = NULL;
	int			i;

	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	deconstruct_array(array, elemtype, typlen, typbyval, typalign, &elems, &elem_nulls, &n);
	lines = claim_alloc_lines(claim, n);
	for (i = 0; i < n; i++)
	{
		HeapTupleHeader td;
		Datum	   *values;
		bool	   *nulls;

		lines[i].line_no = i + 1;
		if (elem_nulls[i])
		{
			lines[i].unreadable = true;
			claim_invalid_field(claim, i + 1, "lines", claim_str("NULL"), "a line cannot be NULL");
			continue;
		}
		td = DatumGetHeapTupleHeader(elems[i]);
		if (tupdesc == NULL)
			tupdesc = lookup_rowtype_tupdesc(HeapTupleHeaderGetTypeId(td), HeapTupleHeaderGetTypMod(td));
		if (map->line_map == NULL || map->line_map->tupType != tupdesc->tdtypeid)
			map->line_map = build_row_map(tupdesc, true, map->mcxt);
		values = palloc(tupdesc->natts * sizeof(Datum));
		nulls = palloc(tupdesc->natts * sizeof(bool));
		deform(td, tupdesc, values, nulls);
		read_columns(claim, &lines[i], map->line_map, values, nulls);
	}
	if (tupdesc != NULL)
		ReleaseTupleDesc(tupdesc);
	claim->f[CF_LINES].state = n > 0 ? VALUE_OK : VALUE_MISSING;
}

static RowMap *
row_map_for(TupleDesc tupdesc, RowMap **cache, MemoryContext cache_cxt)
{
	if (*cache == NULL || (*cache)->tupType != tupdesc->tdtypeid ||
		(*cache)->tupTypmod != tupdesc->tdtypmod || (*cache)->natts != tupdesc->natts)
		*cache = build_row_map(tupdesc, false, cache_cxt);
	return *cache;
}

/*
 * A claim from a table row.  When values and nulls are given, they receive
 * the row's deformed columns (the scrub trigger builds its new row from them).
 */
Claim *
claim_from_heap_tuple(HeapTuple tuple, TupleDesc tupdesc, RowMap **cache, MemoryContext cache_cxt,
					  Datum **values, bool **nulls)
{
	Claim	   *claim = claim_new(SOURCE_ROW);
	RowMap	   *map = row_map_for(tupdesc, cache, cache_cxt);
	Datum	   *v = palloc(tupdesc->natts * sizeof(Datum));
	bool	   *n = palloc(tupdesc->natts * sizeof(bool));

	heap_deform_tuple(tuple, tupdesc, v, n);
	read_columns(claim, NULL, map, v, n);
	if (values)
		*values = v;
	if (nulls)
		*nulls = n;
	return claim;
}

/* A claim from a composite datum; the column map is kept in *cache (allocated in cache_cxt). */
Claim *
claim_from_record(Datum record, RowMap **cache, MemoryContext cache_cxt)
{
	HeapTupleHeader td = DatumGetHeapTupleHeader(record);
	TupleDesc	tupdesc = lookup_rowtype_tupdesc(HeapTupleHeaderGetTypeId(td), HeapTupleHeaderGetTypMod(td));
	Claim	   *claim = claim_new(SOURCE_ROW);
	RowMap	   *map = row_map_for(tupdesc, cache, cache_cxt);
	Datum	   *values = palloc(tupdesc->natts * sizeof(Datum));
	bool	   *nulls = palloc(tupdesc->natts * sizeof(bool));

	deform(td, tupdesc, values, nulls);
	read_columns(claim, NULL, map, values, nulls);
	ReleaseTupleDesc(tupdesc);
	return claim;
}

/*
 * Read lines held as rows of another table (the tuples a query on it
 * returned) into the claim; the column map is kept in *cache.
 */
void
claim_read_line_tuples(Claim *claim, HeapTuple *tuples, int n, TupleDesc desc, RowMap **cache,
					   MemoryContext cache_cxt)
{
	ClaimLine  *lines = claim_alloc_lines(claim, n);
	Datum	   *values = palloc(desc->natts * sizeof(Datum));
	bool	   *nulls = palloc(desc->natts * sizeof(bool));
	int			i;

	if (*cache == NULL || (*cache)->natts != desc->natts || !(*cache)->line_level)
		*cache = build_row_map(desc, true, cache_cxt);
	for (i = 0; i < n; i++)
	{
		lines[i].line_no = i + 1;
		heap_deform_tuple(tuples[i], desc, values, nulls);
		read_columns(claim, &lines[i], *cache, values, nulls);
	}
	claim->f[CF_LINES].state = n > 0 ? VALUE_OK : VALUE_MISSING;
}
