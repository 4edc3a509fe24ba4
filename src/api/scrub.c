/*
 * scrub.c
 *	  The scrub triggers: validate claims as a billing system writes them.
 *
 * scrub() is a BEFORE INSERT OR UPDATE row trigger on a table whose rows are
 * claims (lines in a jsonb or claim_line[] column):
 *   scrub('reject')     an error-severity issue stops the statement with
 *                       SQLSTATE SC001, naming the claim and the first error,
 *                       errdetail listing every issue;
 *   scrub('annotate', 'issues=col', 'score=col', 'status=col')
 *                       the row goes in with its issues (jsonb, text[] or
 *                       cleanclaim.issue[] column), quality score and status
 *                       ('hold' when errors, 'review' when only warnings,
 *                       'clean') written to the columns named.
 * scrub_deferred() is for claims whose lines live in a second table: an
 * AFTER row constraint trigger, DEFERRABLE INITIALLY DEFERRED, on both tables;
 * at commit it reads the claim's lines through an index on the key and
 * rejects the transaction when the claim has errors:
 *   on the claims table:  scrub_deferred('lines=claim_lines', 'key=claim_id')
 *   on the lines table:   scrub_deferred('claims=claims', 'key=claim_id')
 * ('line_key=col' when the lines table names the key column differently).
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/nbtree.h"
#include "access/relscan.h"
#include "access/stratnum.h"
#include "access/table.h"
#include "access/tableam.h"
#include "catalog/namespace.h"
#include "catalog/pg_am.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "storage/lock.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "engine/rules.h"
#include "rules/groups.h"
#include "api/validate.h"

#define ERRCODE_CLAIM_REJECTED MAKE_SQLSTATE('S','C','0','0','1')

typedef enum ScrubMode
{
	SCRUB_REJECT,
	SCRUB_ANNOTATE
} ScrubMode;

typedef struct ScrubColumn
{
	int			attnum;			/* 0 when not written */
	Oid			typid;
} ScrubColumn;

typedef struct ScrubState
{
	Oid			tgoid;
	ScrubMode	mode;
	ScrubColumn issues;
	ScrubColumn score;
	ScrubColumn status;
	RowMap	   *rowmap;
	RowMap	   *linemap;
	Oid			issue_type;		/* cleanclaim.issue */
	TupleDesc	issue_desc;
	/* scrub_deferred */
	bool		on_lines_table;
	char	   *other_table;	/* the lines table, or the claims table */
	char	   *key_column;
	char	   *line_key_column;
	bool		lines_have_line_no;
	SPIPlanPtr	lines_plan;
	SPIPlanPtr	claim_plan;
	/* duplicates=on: the index on (member_id, billing_npi, service_from) */
	bool		duplicates;
	Oid			dup_index;
	AttrNumber	dup_attnums[3];
	RegProcedure dup_eqprocs[3];
	Oid			dup_collations[3];
	/* duplicates=on in the two-table form: earlier claims' lines */
	Oid			claims_relid;
	AttrNumber	header_key_attnum;	/* the key column of the claims table */
	Oid			lines_relid;
	Oid			line_index;		/* btree index led by the lines table's key */
	RegProcedure line_eqproc;
	Oid			line_collation;
	AttrNumber	line_no_attnum;
	FmgrInfo   *line_no_cmp;
	TupleDesc	lines_desc;
	/* what a clean claim's columns receive, made once */
	Datum		clean_issues;
	Datum		clean_score;
	Datum		clean_status;
} ScrubState;

static void
config_error(const char *fn, const char *message, const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_TRIGGERED_ACTION_EXCEPTION),
			 errmsg("%s: %s", fn, message),
			 errhint("%s", hint)));
}

static ScrubColumn
target_column(Relation rel, const char *name, const char *option)
{
	ScrubColumn col;
	TupleDesc	desc = RelationGetDescr(rel);

	col.attnum = SPI_fnumber(desc, name);
	if (col.attnum <= 0)
		config_error("scrub()", psprintf("table \"%s\" has no column \"%s\" for %s", RelationGetRelationName(rel),
										 name, option),
					 "Add the column, or name an existing one in the trigger arguments.");
	col.typid = getBaseType(SPI_gettypeid(desc, col.attnum));
	return col;
}

static Oid
issue_type_oid(void)
{
	return GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid, CStringGetDatum("issue"),
						   ObjectIdGetDatum(get_namespace_oid("cleanclaim", false)));
}

/* Check that an annotate column has a type scrub() can write. */
static void
check_target_types(ScrubState *st, Relation rel)
{
	Oid			issue_array = get_array_type(st->issue_type);

	if (st->issues.attnum && st->issues.typid != JSONBOID && st->issues.typid != TEXTARRAYOID &&
		st->issues.typid != issue_array)
		config_error("scrub()", psprintf("column \"%s\" of \"%s\" cannot hold the issues",
										 SPI_fname(RelationGetDescr(rel), st->issues.attnum), RelationGetRelationName(rel)),
					 "The issues column is jsonb, text[] or cleanclaim.issue[].");
	if (st->score.attnum && st->score.typid != NUMERICOID && st->score.typid != FLOAT8OID &&
		st->score.typid != FLOAT4OID && st->score.typid != INT4OID && st->score.typid != INT2OID)
		config_error("scrub()", psprintf("column \"%s\" of \"%s\" cannot hold the score",
										 SPI_fname(RelationGetDescr(rel), st->score.attnum), RelationGetRelationName(rel)),
					 "The score column is numeric, double precision, real, integer or smallint.");
	if (st->status.attnum && st->status.typid != TEXTOID && st->status.typid != VARCHAROID)
		config_error("scrub()", psprintf("column \"%s\" of \"%s\" cannot hold the status",
										 SPI_fname(RelationGetDescr(rel), st->status.attnum), RelationGetRelationName(rel)),
					 "The status column is text or varchar.");
}

/* ----- duplicates=on ----- */

static const char *const duplicate_key[3] = {"member_id", "billing_npi", "service_from"};

/*
 * A valid btree index of rel, without a predicate, whose first n key columns
 * are attnums, with the equality function and collation of each; InvalidOid
 * when the table has none.
 */
static Oid
btree_index_on(Relation rel, const AttrNumber *attnums, int n, RegProcedure *eqprocs, Oid *collations)
{
	List	   *indexes = RelationGetIndexList(rel);
	ListCell   *lc;
	Oid			found = InvalidOid;
	int			i;

	foreach(lc, indexes)
	{
		Relation	idx = index_open(lfirst_oid(lc), AccessShareLock);
		bool		fits = idx->rd_rel->relam == BTREE_AM_OID && idx->rd_index->indnkeyatts >= n &&
			idx->rd_index->indisvalid && RelationGetIndexPredicate(idx) == NIL;

		for (i = 0; fits && i < n; i++)
			fits = idx->rd_index->indkey.values[i] == attnums[i];
		for (i = 0; fits && i < n; i++)
		{
			Oid			op = get_opfamily_member(idx->rd_opfamily[i], idx->rd_opcintype[i], idx->rd_opcintype[i],
												 BTEqualStrategyNumber);

			eqprocs[i] = OidIsValid(op) ? get_opcode(op) : InvalidOid;
			collations[i] = idx->rd_indcollation[i];
			fits = OidIsValid(eqprocs[i]);
		}
		if (fits)
			found = RelationGetRelid(idx);
		index_close(idx, AccessShareLock);
		if (fits)
			break;
	}
	list_free(indexes);
	return found;
}

static const char *
relation_name(Relation rel)
{
	return quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)), RelationGetRelationName(rel));
}

/*
 * The index on the duplicate key of the claims table; a configuration error
 * naming the index to create when the table has none.
 */
static void
find_duplicate_index(ScrubState *st, Relation rel, const char *fn)
{
	int			i;

	for (i = 0; i < 3; i++)
		if ((st->dup_attnums[i] = SPI_fnumber(RelationGetDescr(rel), duplicate_key[i])) <= 0)
			config_error(fn, psprintf("'duplicates=on' needs column \"%s\" in \"%s\"", duplicate_key[i],
									  RelationGetRelationName(rel)),
						 "Duplicates are looked up by member_id, billing_npi and service_from: the table needs the three columns.");
	st->dup_index = btree_index_on(rel, st->dup_attnums, 3, st->dup_eqprocs, st->dup_collations);
	if (!OidIsValid(st->dup_index))
		config_error(fn, psprintf("'duplicates=on' needs an index on (member_id, billing_npi, service_from) of \"%s\"",
								  RelationGetRelationName(rel)),
					 psprintf("Create it: CREATE INDEX ON %s (member_id, billing_npi, service_from);", relation_name(rel)));
}

/*
 * Serialize the duplicate checks of one key: an advisory lock, held to the
 * end of the transaction, on one of DUPLICATE_LOCK_STRIPES stripes of the
 * table the key's hash falls in (class 3, so it meets no lock of
 * pg_advisory_xact_lock()).  A second session inserting the same claim waits
 * until the first commits, then finds its row.  Striping bounds the locks a
 * transaction holds (a COPY of a million claims takes at most this many, not
 * one per claim, which would fill the lock table), at the price that two
 * writers of different claims of a stripe wait for each other.
 */
#define DUPLICATE_LOCK_STRIPES 512

static void
lock_duplicate_key(const ScrubState *st, Relation rel, const Datum *key)
{
	TupleDesc	desc = RelationGetDescr(rel);
	uint32		h = 0;
	LOCKTAG		tag;
	int			i;

	for (i = 0; i < 3; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, st->dup_attnums[i] - 1);

		h = hash_combine(h, datum_image_hash(key[i], att->attbyval, att->attlen));
	}
	SET_LOCKTAG_ADVISORY(tag, MyDatabaseId, RelationGetRelid(rel), h % DUPLICATE_LOCK_STRIPES, 3);
	(void) LockAcquire(&tag, ExclusiveLock, false, false);
}

#define MAX_EARLIER_CLAIMS 64		/* claims of one member, provider and day compared at most */

static bool
same_text_field(const FieldValue *a, const FieldValue *b)
{
	return a->state == VALUE_OK && b->state == VALUE_OK && a->raw.len == b->raw.len &&
		memcmp(a->raw.s, b->raw.s, a->raw.len) == 0;
}

/* Order a claim's line rows by line_no, rows without one last. */
static int
compare_line_no(const void *a, const void *b, void *arg)
{
	ScrubState *st = (ScrubState *) arg;
	HeapTuple	ta = *(const HeapTuple *) a;
	HeapTuple	tb = *(const HeapTuple *) b;
	bool		na,
				nb;
	Datum		da = heap_getattr(ta, st->line_no_attnum, st->lines_desc, &na);
	Datum		db = heap_getattr(tb, st->line_no_attnum, st->lines_desc, &nb);

	if (na || nb)
		return (int) na - (int) nb;
	return DatumGetInt32(FunctionCall2Coll(st->line_no_cmp, InvalidOid, da, db));
}

/*
 * The lines of an earlier claim of the two-table form, read as the header
 * was (SnapshotSelf) through the index on the key of the lines table.
 */
static void
read_earlier_lines(ScrubState *st, Claim *other, Datum key, MemoryContext cache_cxt)
{
	Relation	lines = table_open(st->lines_relid, AccessShareLock);
	Relation	idx = index_open(st->line_index, AccessShareLock);
	ScanKeyData scankey;
	IndexScanDesc scan;
	TupleTableSlot *slot;
	int			n = 0,
				cap = 8;
	HeapTuple  *rows = palloc(cap * sizeof(HeapTuple));

	ScanKeyEntryInitialize(&scankey, 0, 1, BTEqualStrategyNumber, InvalidOid, st->line_collation, st->line_eqproc, key);
	scan = index_beginscan(lines, idx, SnapshotSelf, 1, 0);
	index_rescan(scan, &scankey, 1, NULL, 0);
	slot = table_slot_create(lines, NULL);
	while (index_getnext_slot(scan, ForwardScanDirection, slot))
	{
		if (n == cap)
			rows = repalloc(rows, (cap *= 2) * sizeof(HeapTuple));
		rows[n++] = ExecCopySlotHeapTuple(slot);
	}
	ExecDropSingleTupleTableSlot(slot);
	index_endscan(scan);
	index_close(idx, AccessShareLock);
	st->lines_desc = RelationGetDescr(lines);
	if (st->line_no_attnum > 0 && n > 1)
		qsort_arg(rows, n, sizeof(HeapTuple), compare_line_no, st);
	claim_read_line_tuples(other, rows, n, st->lines_desc, &st->linemap, cache_cxt);
	table_close(lines, AccessShareLock);
}

/*
 * DUPLICATE_CLAIM and DUPLICATE_SERVICE for a claim whose header row is in
 * rel: lock the key, read the rows of the same member, provider and first
 * date through the index (committed rows, and this transaction's, even of
 * this statement), and compare their lines with the claim's.  The row itself
 * (self: an UPDATE's old version, or the deferred trigger's own row) and rows
 * of the same claim id or key are not earlier claims.  In the two-table form
 * (st->line_index set) each earlier claim's lines come from the lines table.
 */
static void
check_table_duplicates(ScrubState *st, Relation rel, HeapTuple header, ItemPointer self, const Claim *claim,
					   IssueList *issues, MemoryContext cache_cxt)
{
	TupleDesc	desc = RelationGetDescr(rel);
	Datum		key[3];
	ScanKeyData scankeys[3];
	Relation	idx;
	IndexScanDesc scan;
	TupleTableSlot *slot;
	Claim	   *earlier[MAX_EARLIER_CLAIMS];
	Datum		earlier_keys[MAX_EARLIER_CLAIMS];
	Datum		own_key = (Datum) 0;
	bool		own_key_null = true;
	int			nearlier = 0;
	int			i;

	for (i = 0; i < 3; i++)
	{
		bool		isnull;

		key[i] = heap_getattr(header, st->dup_attnums[i], desc, &isnull);
		if (isnull)
			return;				/* CLAIM_INCOMPLETE says so; no key, nothing to compare */
	}
	if (st->header_key_attnum > 0)
		own_key = heap_getattr(header, st->header_key_attnum, desc, &own_key_null);
	lock_duplicate_key(st, rel, key);
	idx = index_open(st->dup_index, AccessShareLock);
	for (i = 0; i < 3; i++)
		ScanKeyEntryInitialize(&scankeys[i], 0, i + 1, BTEqualStrategyNumber, InvalidOid,
							   st->dup_collations[i], st->dup_eqprocs[i], key[i]);
	scan = index_beginscan(rel, idx, SnapshotSelf, 3, 0);
	index_rescan(scan, scankeys, 3, NULL, 0);
	slot = table_slot_create(rel, NULL);
	while (nearlier < MAX_EARLIER_CLAIMS && index_getnext_slot(scan, ForwardScanDirection, slot))
	{
		HeapTuple	row = ExecCopySlotHeapTuple(slot);
		Claim	   *other;

		if (self != NULL && ItemPointerEquals(&row->t_self, self))
			continue;
		if (st->header_key_attnum > 0)
		{
			bool		isnull;
			Form_pg_attribute att = TupleDescAttr(desc, st->header_key_attnum - 1);

			earlier_keys[nearlier] = heap_getattr(row, st->header_key_attnum, desc, &isnull);
			if (isnull || (!own_key_null && datum_image_eq(own_key, earlier_keys[nearlier], att->attbyval, att->attlen)))
				continue;
		}
		other = claim_from_heap_tuple(row, desc, &st->rowmap, cache_cxt, NULL, NULL);
		if (same_text_field(&other->f[CF_CLAIM_ID], &claim->f[CF_CLAIM_ID]))
			continue;
		earlier[nearlier++] = other;
	}
	ExecDropSingleTupleTableSlot(slot);
	index_endscan(scan);
	index_close(idx, AccessShareLock);
	/* read the lines after the header scan: one index scan open at a time */
	for (i = 0; OidIsValid(st->line_index) && i < nearlier; i++)
		read_earlier_lines(st, earlier[i], earlier_keys[i], cache_cxt);
	if (nearlier > 0)
		rules_run_table(claim, earlier, nearlier, issues);
}

static ScrubState *
scrub_state(FunctionCallInfo fcinfo, TriggerData *td, bool deferred)
{
	ScrubState *st = (ScrubState *) fcinfo->flinfo->fn_extra;
	Trigger    *tg = td->tg_trigger;
	const char *fn = deferred ? "scrub_deferred()" : "scrub()";
	MemoryContext old;
	int			i;

	if (st != NULL && st->tgoid == tg->tgoid)
		return st;
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	st = palloc0(sizeof(ScrubState));
	st->tgoid = tg->tgoid;
	st->mode = SCRUB_REJECT;
	st->issue_type = issue_type_oid();
	for (i = 0; i < tg->tgnargs; i++)
	{
		const char *arg = tg->tgargs[i];
		const char *eq = strchr(arg, '=');
		char	   *name = eq ? pnstrdup(arg, eq - arg) : pstrdup(arg);
		const char *value = eq ? eq + 1 : NULL;

		if (strcmp(name, "reject") == 0 && !value)
			st->mode = SCRUB_REJECT;
		else if (strcmp(name, "annotate") == 0 && !value && !deferred)
			st->mode = SCRUB_ANNOTATE;
		else if (value && !deferred && strcmp(name, "issues") == 0)
			st->issues = target_column(td->tg_relation, value, "the issues");
		else if (value && !deferred && strcmp(name, "score") == 0)
			st->score = target_column(td->tg_relation, value, "the score");
		else if (value && !deferred && strcmp(name, "status") == 0)
			st->status = target_column(td->tg_relation, value, "the status");
		else if (value && strcmp(name, "duplicates") == 0 &&
				 (strcmp(value, "on") == 0 || strcmp(value, "off") == 0))
			st->duplicates = strcmp(value, "on") == 0;
		else if (value && deferred && (strcmp(name, "lines") == 0 || strcmp(name, "claims") == 0))
		{
			st->on_lines_table = strcmp(name, "claims") == 0;
			st->other_table = pstrdup(value);
		}
		else if (value && deferred && strcmp(name, "key") == 0)
			st->key_column = pstrdup(value);
		else if (value && deferred && strcmp(name, "line_key") == 0)
			st->line_key_column = pstrdup(value);
		else
			config_error(fn, psprintf("unknown argument \"%s\"", arg),
						 deferred ? "Arguments: 'lines=<table>' (on the claims table) or 'claims=<table>' (on the lines table), 'key=<column>', optionally 'line_key=<column>'."
						 : "Arguments: 'reject', or 'annotate' with 'issues=<column>', 'score=<column>', 'status=<column>'; 'duplicates=on' (or off).");
	}
	if (st->mode == SCRUB_ANNOTATE && !st->issues.attnum && !st->score.attnum && !st->status.attnum)
		config_error(fn, "annotate mode needs a column to write",
					 "Name at least one of 'issues=<column>', 'score=<column>', 'status=<column>'.");
	if (st->mode == SCRUB_ANNOTATE)
		check_target_types(st, td->tg_relation);
	if (deferred && (st->other_table == NULL || st->key_column == NULL))
		config_error(fn, "the lines (or claims) table and the key column are required",
					 "On the claims table: scrub_deferred('lines=<table>', 'key=<column>'); on the lines table: scrub_deferred('claims=<table>', 'key=<column>').");
	if (st->duplicates && !deferred)
		find_duplicate_index(st, td->tg_relation, fn);
	if (deferred && st->line_key_column == NULL)
		st->line_key_column = st->key_column;
	MemoryContextSwitchTo(old);
	fcinfo->flinfo->fn_extra = st;
	return st;
}

/* ----- what a claim's issues become ----- */

static const char *
claim_name(const Claim *claim)
{
	const FieldValue *id = &claim->f[CF_CLAIM_ID];

	return id->state == VALUE_OK ? claim_str_cstring(id->raw) : "(without claim_id)";
}

static const char *
issue_line(const Issue *issue)
{
	return psprintf("%s %s%s: %s", severity_name(issue->severity), rule_defs[issue->rule].id,
					issue->line_no > 0 ? psprintf(" (line %d)", issue->line_no) : "", issue->message);
}

static void
reject(const Claim *claim, const IssueList *issues, Relation rel)
{
	StringInfoData detail;
	const Issue *first = NULL;
	int			i;

	initStringInfo(&detail);
	for (i = 0; i < issues->n; i++)
	{
		if (first == NULL && issues->items[i].severity == SEV_ERROR)
			first = &issues->items[i];
		appendStringInfo(&detail, "%s%s", i > 0 ? "\n" : "", issue_line(&issues->items[i]));
	}
	ereport(ERROR,
			(errcode(ERRCODE_CLAIM_REJECTED),
			 errmsg("claim %s rejected: %s", claim_name(claim), first->message),
			 errdetail("%d error%s, %d warning%s:\n%s", issues->errors, issues->errors == 1 ? "" : "s",
					   issues->warnings, issues->warnings == 1 ? "" : "s", detail.data),
			 errhint("Fix the errors listed (each names its rule, see cleanclaim.rules), or write the claim through a scrub('annotate', ...) trigger to hold it for review."),
			 rel ? errtable(rel) : 0));
}

static void
push_pair(JsonbParseState **state, const char *key, const char *str, int number)
{
	JsonbValue	k;
	JsonbValue	v;

	k.type = jbvString;
	k.val.string.val = (char *) key;
	k.val.string.len = strlen(key);
	pushJsonbValue(state, WJB_KEY, &k);
	if (str != NULL)
	{
		v.type = jbvString;
		v.val.string.val = (char *) str;
		v.val.string.len = strlen(str);
	}
	else
	{
		v.type = jbvNumeric;
		v.val.numeric = int64_to_numeric(number);
	}
	pushJsonbValue(state, WJB_VALUE, &v);
}

/* The issues as a jsonb array of objects, built directly (no text to parse). */
static Datum
issues_as_jsonb(const IssueList *issues)
{
	JsonbParseState *state = NULL;
	JsonbValue *result;
	int			i;

	pushJsonbValue(&state, WJB_BEGIN_ARRAY, NULL);
	for (i = 0; i < issues->n; i++)
	{
		const Issue *is = &issues->items[i];
		const RuleDef *def = &rule_defs[is->rule];

		pushJsonbValue(&state, WJB_BEGIN_OBJECT, NULL);
		push_pair(&state, "rule_id", def->id, 0);
		push_pair(&state, "severity", severity_name(is->severity), 0);
		push_pair(&state, "owner", def->owner, 0);
		if (is->line_no > 0)
			push_pair(&state, "line_no", NULL, is->line_no);
		if (is->field)
			push_pair(&state, "field", is->field, 0);
		if (is->value)
			push_pair(&state, "value", is->value, 0);
		push_pair(&state, "message", is->message, 0);
		pushJsonbValue(&state, WJB_END_OBJECT, NULL);
	}
	result = pushJsonbValue(&state, WJB_END_ARRAY, NULL);
	return JsonbPGetDatum(JsonbValueToJsonb(result));
}

static Datum
issues_as_text_array(const IssueList *issues)
{
	Datum	   *elems = palloc(Max(issues->n, 1) * sizeof(Datum));
	int			i;

	for (i = 0; i < issues->n; i++)
		elems[i] = CStringGetTextDatum(issue_line(&issues->items[i]));
	return PointerGetDatum(construct_array(elems, issues->n, TEXTOID, -1, false, TYPALIGN_INT));
}

static Datum
score_datum(Oid typid, double score)
{
	switch (typid)
	{
		case NUMERICOID:
			return DirectFunctionCall1(float8_numeric, Float8GetDatum(score));
		case FLOAT4OID:
			return Float4GetDatum((float4) score);
		case INT4OID:
			return Int32GetDatum((int32) rint(score));
		case INT2OID:
			return Int16GetDatum((int16) rint(score));
		default:
			return Float8GetDatum(score);
	}
}

static Datum
issues_datum(ScrubState *st, FunctionCallInfo fcinfo, const IssueList *issues)
{
	return st->issues.typid == JSONBOID ? issues_as_jsonb(issues)
		: st->issues.typid == TEXTARRAYOID ? issues_as_text_array(issues)
		: issue_array(issues, st->issue_type, &st->issue_desc, fcinfo->flinfo->fn_mcxt);
}

/* The columns a clean claim gets are always the same: make them once per statement. */
static void
make_clean_values(ScrubState *st, FunctionCallInfo fcinfo)
{
	MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	IssueList	none;

	memset(&none, 0, sizeof(none));
	if (st->issues.attnum)
		st->clean_issues = issues_datum(st, fcinfo, &none);
	if (st->score.attnum)
		st->clean_score = score_datum(st->score.typid, 100.0);
	if (st->status.attnum)
		st->clean_status = CStringGetTextDatum("clean");
	MemoryContextSwitchTo(old);
}

/* The row with the issues, score and status written into their columns. */
static HeapTuple
annotate(ScrubState *st, FunctionCallInfo fcinfo, HeapTuple tuple, TupleDesc desc, const IssueList *issues,
		 Datum *values, bool *nulls)
{
	bool		clean = issues->n == 0;
	HeapTuple	result;

	if (clean && st->clean_issues == (Datum) 0 && st->clean_score == (Datum) 0 && st->clean_status == (Datum) 0)
		make_clean_values(st, fcinfo);
	if (st->issues.attnum)
	{
		values[st->issues.attnum - 1] = clean ? st->clean_issues : issues_datum(st, fcinfo, issues);
		nulls[st->issues.attnum - 1] = false;
	}
	if (st->score.attnum)
	{
		values[st->score.attnum - 1] = clean ? st->clean_score
			: score_datum(st->score.typid, rules_quality_score(issues));
		nulls[st->score.attnum - 1] = false;
	}
	if (st->status.attnum)
	{
		values[st->status.attnum - 1] = clean ? st->clean_status
			: CStringGetTextDatum(issues->errors > 0 ? "hold" : issues->warnings > 0 ? "review" : "clean");
		nulls[st->status.attnum - 1] = false;
	}
	/* the row was deformed once, to read the claim; form it again, as heap_modify_tuple would */
	result = heap_form_tuple(desc, values, nulls);
	result->t_data->t_ctid = tuple->t_data->t_ctid;
	result->t_self = tuple->t_self;
	result->t_tableOid = tuple->t_tableOid;
	return result;
}

/* ----- scrub() ----- */

static TriggerData *
trigger_data(FunctionCallInfo fcinfo, const char *fn, bool before)
{
	TriggerData *td = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("%s was not called by the trigger manager", fn)));
	if (!TRIGGER_FIRED_FOR_ROW(td->tg_event) || TRIGGER_FIRED_BEFORE(td->tg_event) != before)
		config_error(fn, before ? "it must be a BEFORE ... FOR EACH ROW trigger" : "it must be an AFTER ... FOR EACH ROW constraint trigger",
					 before ? "CREATE TRIGGER t BEFORE INSERT OR UPDATE ON claims FOR EACH ROW EXECUTE FUNCTION cleanclaim.scrub('reject');"
					 : "CREATE CONSTRAINT TRIGGER t AFTER INSERT OR UPDATE ON claims DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cleanclaim.scrub_deferred('lines=claim_lines', 'key=claim_id');");
	return td;
}

PG_FUNCTION_INFO_V1(scrub);
Datum
scrub(PG_FUNCTION_ARGS)
{
	TriggerData *td = trigger_data(fcinfo, "scrub()", true);
	ScrubState *st;
	HeapTuple	tuple;
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	Claim	   *claim;
	IssueList	issues;
	Datum	   *values;
	bool	   *nulls;

	if (!TRIGGER_FIRED_BY_INSERT(td->tg_event) && !TRIGGER_FIRED_BY_UPDATE(td->tg_event))
		config_error("scrub()", "it fires on INSERT or UPDATE only", "CREATE TRIGGER ... BEFORE INSERT OR UPDATE ...");
	st = scrub_state(fcinfo, td, false);
	tuple = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;

	refdata_begin_statement();
	rules_prepare_reading();
	claim = claim_from_heap_tuple(tuple, desc, &st->rowmap, fcinfo->flinfo->fn_mcxt, &values, &nulls);
	memset(&issues, 0, sizeof(issues));
	rules_run(claim, &issues, false);
	if (st->duplicates && duplicate_check_applies(claim))
		check_table_duplicates(st, td->tg_relation, tuple,
							   TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? &td->tg_trigtuple->t_self : NULL,
							   claim, &issues, fcinfo->flinfo->fn_mcxt);
	if (st->mode == SCRUB_REJECT)
	{
		if (issues.errors > 0)
			reject(claim, &issues, td->tg_relation);
		return PointerGetDatum(tuple);
	}
	return PointerGetDatum(annotate(st, fcinfo, tuple, desc, &issues, values, nulls));
}

/* ----- scrub_deferred() ----- */

static Oid
table_oid(const char *name)
{
	return DatumGetObjectId(DirectFunctionCall1(regclassin, CStringGetDatum(name)));
}

static char *
qualified_table(const char *name)
{
	Oid			relid = table_oid(name);

	return quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)), get_rel_name(relid));
}

static void
prepare_plans(ScrubState *st, Relation rel, Oid key_type)
{
	const char *lines_table = st->on_lines_table ? quote_qualified_identifier(
																			  get_namespace_name(RelationGetNamespace(rel)), RelationGetRelationName(rel)) : qualified_table(st->other_table);
	Oid			lines_relid = table_oid(lines_table);
	char	   *sql;

	st->lines_have_line_no = get_attnum(lines_relid, "line_no") != InvalidAttrNumber;
	sql = psprintf("SELECT * FROM %s WHERE %s = $1%s", lines_table, quote_identifier(st->line_key_column),
				   st->lines_have_line_no ? " ORDER BY line_no" : "");
	st->lines_plan = SPI_prepare(sql, 1, &key_type);
	if (st->lines_plan == NULL)
		elog(ERROR, "scrub_deferred(): could not prepare \"%s\"", sql);
	SPI_keepplan(st->lines_plan);
	if (st->on_lines_table)
	{
		sql = psprintf("SELECT * FROM %s WHERE %s = $1", qualified_table(st->other_table),
					   quote_identifier(st->key_column));
		st->claim_plan = SPI_prepare(sql, 1, &key_type);
		if (st->claim_plan == NULL)
			elog(ERROR, "scrub_deferred(): could not prepare \"%s\"", sql);
		SPI_keepplan(st->claim_plan);
	}
}

/*
 * duplicates=on in the two-table form: the duplicate-key index of the claims
 * table, and the index led by the key of the lines table through which the
 * lines of an earlier claim are read.
 */
static void
prepare_deferred_duplicates(ScrubState *st, Relation rel)
{
	const char *fn = "scrub_deferred()";
	Relation	claims = st->on_lines_table ? table_open(table_oid(st->other_table), AccessShareLock) : rel;
	Relation	lines = st->on_lines_table ? rel : table_open(table_oid(st->other_table), AccessShareLock);
	AttrNumber	line_key;

	find_duplicate_index(st, claims, fn);
	st->claims_relid = RelationGetRelid(claims);
	st->lines_relid = RelationGetRelid(lines);
	st->header_key_attnum = SPI_fnumber(RelationGetDescr(claims), st->key_column);
	line_key = SPI_fnumber(RelationGetDescr(lines), st->line_key_column);
	if (st->header_key_attnum <= 0 || line_key <= 0)
		config_error(fn, psprintf("the key column is missing from \"%s\"",
								  RelationGetRelationName(st->header_key_attnum <= 0 ? claims : lines)),
					 "Name the key column with 'key=<column>' (and 'line_key=<column>' for the lines table).");
	if (SPI_gettypeid(RelationGetDescr(claims), st->header_key_attnum) != SPI_gettypeid(RelationGetDescr(lines), line_key))
		config_error(fn, "'duplicates=on' needs the key columns of the two tables to have the same type",
					 psprintf("\"%s\" of \"%s\" is %s, \"%s\" of \"%s\" is %s.", st->key_column, RelationGetRelationName(claims),
							  format_type_be(SPI_gettypeid(RelationGetDescr(claims), st->header_key_attnum)),
							  st->line_key_column, RelationGetRelationName(lines),
							  format_type_be(SPI_gettypeid(RelationGetDescr(lines), line_key))));
	st->line_index = btree_index_on(lines, &line_key, 1, &st->line_eqproc, &st->line_collation);
	if (!OidIsValid(st->line_index))
		config_error(fn, psprintf("'duplicates=on' needs an index on (%s) of \"%s\"", st->line_key_column,
								  RelationGetRelationName(lines)),
					 psprintf("Create it: CREATE INDEX ON %s (%s);", relation_name(lines), quote_identifier(st->line_key_column)));
	st->line_no_attnum = SPI_fnumber(RelationGetDescr(lines), "line_no");
	if (st->line_no_attnum > 0)
	{
		TypeCacheEntry *tc = lookup_type_cache(SPI_gettypeid(RelationGetDescr(lines), st->line_no_attnum),
											   TYPECACHE_CMP_PROC_FINFO);

		if (OidIsValid(tc->cmp_proc_finfo.fn_oid))
			st->line_no_cmp = &tc->cmp_proc_finfo;
		else
			st->line_no_attnum = 0;
	}
	else
		st->line_no_attnum = 0;
	if (claims != rel)
		table_close(claims, AccessShareLock);
	if (lines != rel)
		table_close(lines, AccessShareLock);
}

/* The duplicate check of the two-table form, on the claims table whichever table fired. */
static void
check_deferred_duplicates(ScrubState *st, TriggerData *td, HeapTuple header, const Claim *claim,
						  IssueList *issues, MemoryContext cache_cxt)
{
	Relation	claims = st->on_lines_table ? table_open(st->claims_relid, AccessShareLock) : td->tg_relation;

	/* the header read through SPI may carry no position: the key tells it from the others then */
	check_table_duplicates(st, claims, header, ItemPointerIsValid(&header->t_self) ? &header->t_self : NULL,
						   claim, issues, cache_cxt);
	if (claims != td->tg_relation)
		table_close(claims, AccessShareLock);
}

PG_FUNCTION_INFO_V1(scrub_deferred);
Datum
scrub_deferred(PG_FUNCTION_ARGS)
{
	TriggerData *td = trigger_data(fcinfo, "scrub_deferred()", false);
	ScrubState *st = scrub_state(fcinfo, td, true);
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	HeapTuple	row = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	const char *key_column = st->on_lines_table ? st->line_key_column : st->key_column;
	int			key_attnum = SPI_fnumber(desc, key_column);
	bool		isnull;
	Datum		key;
	HeapTuple	header;
	TupleDesc	header_desc;
	Claim	   *claim;
	IssueList	issues;

	if (TRIGGER_FIRED_BY_DELETE(td->tg_event) && !st->on_lines_table)
		return PointerGetDatum(NULL);	/* a deleted claim has nothing left to check */
	if (key_attnum <= 0)
		config_error("scrub_deferred()", psprintf("table \"%s\" has no column \"%s\"",
												  RelationGetRelationName(td->tg_relation), key_column),
					 "Name the key column with 'key=<column>' (and 'line_key=<column>' for the lines table).");
	key = heap_getattr(row, key_attnum, desc, &isnull);
	if (isnull)
		return PointerGetDatum(NULL);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "scrub_deferred(): SPI_connect failed");
	if (st->lines_plan == NULL)
	{
		prepare_plans(st, td->tg_relation, SPI_gettypeid(desc, key_attnum));
		if (st->duplicates)
			prepare_deferred_duplicates(st, td->tg_relation);
	}
	if (st->on_lines_table)
	{
		if (SPI_execute_plan(st->claim_plan, &key, NULL, true, 1) != SPI_OK_SELECT)
			elog(ERROR, "scrub_deferred(): reading the claim failed");
		if (SPI_processed == 0)
		{
			SPI_finish();		/* the claim is gone, or not written yet: its own trigger checks it */
			return PointerGetDatum(NULL);
		}
		header = SPI_copytuple(SPI_tuptable->vals[0]);
		header_desc = CreateTupleDescCopy(SPI_tuptable->tupdesc);
	}
	else
	{
		header = row;
		header_desc = desc;
	}
	refdata_begin_statement();
	rules_prepare_reading();
	claim = claim_from_heap_tuple(header, header_desc, &st->rowmap, fcinfo->flinfo->fn_mcxt, NULL, NULL);
	if (SPI_execute_plan(st->lines_plan, &key, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "scrub_deferred(): reading the lines failed");
	claim_read_line_tuples(claim, SPI_tuptable->vals, (int) SPI_processed, SPI_tuptable->tupdesc,
						   &st->linemap, fcinfo->flinfo->fn_mcxt);
	memset(&issues, 0, sizeof(issues));
	rules_run(claim, &issues, false);
	if (st->duplicates && duplicate_check_applies(claim))
		check_deferred_duplicates(st, td, header, claim, &issues, fcinfo->flinfo->fn_mcxt);
	if (issues.errors > 0)
		reject(claim, &issues, td->tg_relation);
	SPI_finish();
	return PointerGetDatum(NULL);
}
