/*
 * refdata.c
 *	  Reference data: the per-backend cache of the cleanclaim reference
 *	  tables, and its invalidation.
 *
 * Each reference table carries a statement trigger, refdata_changed(), that
 * queues a relcache invalidation for the table.  PostgreSQL delivers it to
 * every backend at commit (and to the changing backend at once; after an
 * abort it is replayed locally, so a rolled-back change is forgotten too).
 * A relcache callback marks that table's cached copy stale, and the next
 * claim that needs the table reloads it.  Before each statement the cache
 * takes in pending invalidations, so a change committed in another session is
 * seen by the next statement here.  Claims never read a table themselves.
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/timestamp.h"

#include "types/code_type.h"
#include "refdata/refdata.h"
#include "refdata/loading.h"

/*
 * A table's entries are kept in an open-addressing hash table (linear
 * probing) keyed by the entry key, the entries themselves in the slots: a
 * lookup that finds its key costs one cache miss, and a prefetch of the slot
 * a key hashes to fetches the entry itself.  A key's entries (one per
 * validity period or setting) lie along its probe sequence in valid_from
 * order; a slot whose key is REF_EMPTY_KEY is free.
 */
/*
 * What one release of a code set covers: the code families its rows hold and
 * the dates of service it speaks for (see refdata_covers()).
 */
typedef struct RefSpan
{
	char	   *release;		/* NULL for rows loaded without one */
	uint32		families;		/* a bit per family (ref_family()) of its rows */
	DateADT		rows_from;		/* the earliest valid_from of its rows */
	DateADT		rows_to;		/* the latest valid_to (REF_NO_END for none) */
	bool		recorded;		/* the release has a row in cleanclaim.releases: */
	bool		current;		/* still in force after covers_to */
	bool		has_valid_to;	/* the rows were loaded with valid_to (the release's end) */
	DateADT		valid_from;		/* the loader's valid_from, or DATEVAL_NOBEGIN */
	DateADT		valid_to;
	DateADT		covers_to;		/* REF_NO_END when not recorded */
	DateADT		from;			/* what it covers, worked out at the end of the load */
	DateADT		to;
} RefSpan;

typedef struct RefTable
{
	CachedTable t;
	int			n;				/* entries */
	RefEntry   *slots;			/* mask + 1 of them, at most 70% in use */
	uint32		mask;
	uint64	   *bloom;			/* large tables: a blocked Bloom filter of the keys, or NULL */
	uint32		bloom_blocks;	/* a power of 2; a block is one 64-byte cache line */
	int			release_col;	/* code sets: the query's column of the release, else 0 */
	int			nspans;			/* code sets: what each release covers */
	int			maxspans;
	RefSpan    *spans;
} RefTable;

static RefTable ref_tables[REF_TABLE_COUNT] = {
	[REF_ICD10CM] = {{.relname = "icd10cm_codes", .query =
	"SELECT valid_from, valid_to, code, billable, laterality, unspecified, release FROM cleanclaim.icd10cm_codes"}, .release_col = 7},
	[REF_MCE] = {{.relname = "mce_edits", .query = "SELECT valid_from, valid_to, code, edit FROM cleanclaim.mce_edits"}},
	[REF_HCPCS] = {{.relname = "hcpcs_codes", .query = "SELECT valid_from, valid_to, code, release FROM cleanclaim.hcpcs_codes"},
	.release_col = 4},
	[REF_MODIFIERS] = {{.relname = "modifiers", .query = "SELECT valid_from, valid_to, modifier, release FROM cleanclaim.modifiers"},
	.release_col = 4},
	[REF_POS] = {{.relname = "place_of_service", .query =
	"SELECT valid_from, valid_to, code::int, release FROM cleanclaim.place_of_service"}, .release_col = 4},
	[REF_NCCI] = {{.relname = "ncci_ptp", .query =
	"SELECT valid_from, valid_to, column1, column2, modifier_indicator, setting FROM cleanclaim.ncci_ptp"}},
	[REF_MUE] = {{.relname = "mue", .query =
	"SELECT valid_from, valid_to, code, max_units, adjudication_indicator, setting FROM cleanclaim.mue"}},
	[REF_AUTH_REQUIREMENTS] = {{.relname = "auth_requirements", .query =
	"SELECT valid_from, valid_to, payer_id, procedure FROM cleanclaim.auth_requirements"}},
	[REF_TOB] = {{.relname = "type_of_bill_codes", .query =
	"SELECT valid_from, valid_to, code, release FROM cleanclaim.type_of_bill_codes"}, .release_col = 4},
	[REF_REVENUE] = {{.relname = "revenue_codes", .query =
	"SELECT valid_from, valid_to, code::int, release FROM cleanclaim.revenue_codes"}, .release_col = 4},
};

static TimestampTz last_statement_start;

/* cleanclaim.releases, once a code set was loaded: its changes reload the code sets */
static Oid	releases_relid = InvalidOid;

/* ----- invalidation ----- */

static void
refdata_relcache_callback(Datum arg, Oid relid)
{
	int			i;

	for (i = 0; i < REF_TABLE_COUNT; i++)
	{
		refdata_mark_stale(&ref_tables[i].t, relid);
		if (ref_tables[i].release_col > 0 && (relid == InvalidOid || relid == releases_relid))
			ref_tables[i].t.valid = false;
	}
	/* requirement keys hold payer positions: they follow the payers table */
	if (refdata_tables_mark_stale(relid))
		ref_tables[REF_AUTH_REQUIREMENTS].t.valid = false;
}

void
refdata_init(void)
{
	CacheRegisterRelcacheCallback(refdata_relcache_callback, (Datum) 0);
}

void
refdata_begin_statement(void)
{
	TimestampTz now = GetCurrentStatementStartTimestamp();

	if (now != last_statement_start)
	{
		last_statement_start = now;
		AcceptInvalidationMessages();
	}
}

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

/* ----- loading ----- */


static int32
mce_flag(const char *edit)
{
	static const struct
	{
		const char *name;
		int32		flag;
	}			edits[] = {
		{"newborn", MCE_NEWBORN}, {"pediatric", MCE_PEDIATRIC}, {"maternity", MCE_MATERNITY},
		{"adult", MCE_ADULT}, {"female", MCE_FEMALE}, {"male", MCE_MALE},
		{"manifestation", MCE_MANIFESTATION}, {"unacceptable_principal", MCE_UNACCEPTABLE_PRINCIPAL}
	};
	size_t		i;

	for (i = 0; i < lengthof(edits); i++)
		if (strcmp(edit, edits[i].name) == 0)
			return edits[i].flag;
	return 0;
}

static int32
setting_code(const char *setting)
{
	if (strcmp(setting, "hospital") == 0)
		return SETTING_HOSPITAL;
	if (strcmp(setting, "dme") == 0)
		return SETTING_DME;
	return SETTING_PRACTITIONER;
}

/* Fill an entry from a row of the table's query (columns 1 and 2 are the dates). */
static bool
entry_from_row(RefTableId id, HeapTuple tup, TupleDesc desc, RefEntry *e)
{
	char	   *s;
	int			payer;

	e->from = DatumGetDateADT(col_datum(tup, desc, 1));
	e->to = col_isnull(tup, desc, 2) ? REF_NO_END : DatumGetDateADT(col_datum(tup, desc, 2));
	e->key = 0;
	e->a = e->b = 0;
	switch (id)
	{
		case REF_ICD10CM:
			e->key = DatumGetInt64(col_datum(tup, desc, 3));
			e->a = DatumGetBool(col_datum(tup, desc, 4)) ? ICD_BILLABLE : 0;
			if ((s = col_text(tup, desc, 5, CurrentMemoryContext)) != NULL)
				e->a |= strcmp(s, "right") == 0 ? ICD_RIGHT : strcmp(s, "left") == 0 ? ICD_LEFT : ICD_BILATERAL;
			if (DatumGetBool(col_datum(tup, desc, 6)))
				e->a |= ICD_UNSPECIFIED;
			break;
		case REF_MCE:
			e->key = DatumGetInt64(col_datum(tup, desc, 3));
			e->a = mce_flag(col_text(tup, desc, 4, CurrentMemoryContext));
			return e->a != 0;
		case REF_HCPCS:
			e->key = DatumGetInt64(col_datum(tup, desc, 3));
			break;
		case REF_MODIFIERS:
			s = col_text(tup, desc, 3, CurrentMemoryContext);
			e->key = modifier_key(s, strlen(s));
			break;
		case REF_POS:
		case REF_REVENUE:
			e->key = DatumGetInt32(col_datum(tup, desc, 3));
			break;
		case REF_TOB:
			s = col_text(tup, desc, 3, CurrentMemoryContext);
			e->key = type_of_bill_key(s);
			break;
		case REF_NCCI:
			{
				int64		column1 = DatumGetInt64(col_datum(tup, desc, 3));
				int64		column2 = DatumGetInt64(col_datum(tup, desc, 4));

				e->key = ncci_key(column1, column2);
				e->a = DatumGetInt16(col_datum(tup, desc, 5));
				e->b = setting_code(col_text(tup, desc, 6, CurrentMemoryContext)) |
					(column1 > column2 ? NCCI_COLUMN1_HIGHER : 0);
				break;
			}
		case REF_MUE:
			e->key = DatumGetInt64(col_datum(tup, desc, 3));
			e->a = DatumGetInt32(col_datum(tup, desc, 4));
			e->b = DatumGetInt16(col_datum(tup, desc, 5)) |
				(setting_code(col_text(tup, desc, 6, CurrentMemoryContext)) << 4);
			break;
		case REF_AUTH_REQUIREMENTS:
			s = col_text(tup, desc, 3, CurrentMemoryContext);
			if (refdata_payer(s, strlen(s), &payer) == NULL)
				return false;
			e->key = auth_requirement_key(payer, DatumGetInt64(col_datum(tup, desc, 4)));
			break;
		case REF_TABLE_COUNT:
			break;
	}
	return true;
}

static int
compare_entries(const void *a, const void *b)
{
	const RefEntry *x = a;
	const RefEntry *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	return 0;
}

/*
 * The 64-bit finalizer of MurmurHash3: packed codes differ in few bits.  The
 * low bits place a key in the hash table, the high ones in the Bloom filter.
 */
static inline uint64
key_hash(int64 key)
{
	uint64		h = (uint64) key;

	h ^= h >> 33;
	h *= UINT64CONST(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64CONST(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return h;
}

/*
 * Tables with this many distinct keys get a Bloom filter in front of the
 * hash table.  Most NCCI lookups are for pairs that have no edit; the filter
 * (a cache line per key, about 10 bits per key, a few percent false
 * positives) answers those without touching the table, which does not fit in
 * the CPU caches.
 */
#define BLOOM_MIN_KEYS		65536
#define BLOOM_BLOCK_WORDS	8

static inline uint64 *
bloom_block(const RefTable *t, uint64 h)
{
	return &t->bloom[(h & (t->bloom_blocks - 1)) * BLOOM_BLOCK_WORDS];
}

/* Three bits of the block, taken from the hash's upper half. */
#define BLOOM_BIT(h, i)		(((h) >> (32 + 9 * (i))) & 511)

static void
build_bloom(RefTable *t, const RefEntry *entries, int n, int distinct_keys)
{
	uint32		blocks = 1;
	int			i;

	t->bloom = NULL;
	if (distinct_keys < BLOOM_MIN_KEYS)
		return;
	while (blocks * 512 < (uint32) distinct_keys * 10)
		blocks <<= 1;
	t->bloom_blocks = blocks;
	t->bloom = MemoryContextAllocHuge(t->t.cxt, (Size) blocks * BLOOM_BLOCK_WORDS * sizeof(uint64));
	memset(t->bloom, 0, (Size) blocks * BLOOM_BLOCK_WORDS * sizeof(uint64));
	for (i = 0; i < n; i++)
	{
		uint64		h = key_hash(entries[i].key);
		uint64	   *block = bloom_block(t, h);
		int			b;

		for (b = 0; b < 3; b++)
			block[BLOOM_BIT(h, b) >> 6] |= UINT64CONST(1) << (BLOOM_BIT(h, b) & 63);
	}
}

static inline bool
bloom_may_contain(const RefTable *t, uint64 h)
{
	const uint64 *block = bloom_block(t, h);
	int			b;

	for (b = 0; b < 3; b++)
		if (!(block[BLOOM_BIT(h, b) >> 6] & (UINT64CONST(1) << (BLOOM_BIT(h, b) & 63))))
			return false;
	return true;
}

/*
 * Place the entries, sorted by (key, valid_from), in the hash table.  Each
 * goes to the first free slot from its key's hash on, so a key's later
 * entries come after its earlier ones along the probe sequence.
 */
static void
build_hash_table(RefTable *t, const RefEntry *entries, int n)
{
	uint32		size = 16;
	int			distinct = 0;
	int			i;

	for (i = 0; i < n; i++)
		if (i == 0 || entries[i].key != entries[i - 1].key)
			distinct++;
	build_bloom(t, entries, n, distinct);
	while ((uint64) size * 7 < (uint64) n * 10)
		size <<= 1;
	t->mask = size - 1;
	t->slots = MemoryContextAllocHuge(t->t.cxt, (Size) size * sizeof(RefEntry));
	for (i = 0; i < (int) size; i++)
		t->slots[i].key = REF_EMPTY_KEY;
	for (i = 0; i < n; i++)
	{
		uint32		pos;

		for (pos = key_hash(entries[i].key) & t->mask; t->slots[pos].key != REF_EMPTY_KEY; pos = (pos + 1) & t->mask)
			;
		t->slots[pos] = entries[i];
	}
	t->n = n;
}

/*
 * An unspecified code has specified siblings when another billable code with
 * the same parent (the code minus its last character, or minus its 6th for a
 * 7-character code, keeping the 7th) is not unspecified.
 */
static int64
icd_parent_key(int64 code)
{
	int			len = 0;
	int			i;

	for (i = 6; i >= 0; i--)
		if (((code >> (6 * i)) & 63) != 0)
			len = 7 - i;
	if (len <= 3)
		return -1;
	if (len == 7)
		return code & ~((int64) 63 << 6);	/* clear the 6th character's slot */
	return code & ~((int64) 63 << (6 * (7 - len)));
}

static void
mark_specified_siblings(RefEntry *entries, int n)
{
	HTAB	   *parents;
	HASHCTL		ctl;
	int			i;
	bool		found;

	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = sizeof(int64);
	ctl.entrysize = sizeof(int64);
	ctl.hcxt = CurrentMemoryContext;
	parents = hash_create("cleanclaim icd parents", 4096, &ctl, HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	for (i = 0; i < n; i++)
	{
		int64		parent = icd_parent_key(entries[i].key);

		if (parent >= 0 && (entries[i].a & ICD_BILLABLE) && !(entries[i].a & ICD_UNSPECIFIED))
			hash_search(parents, &parent, HASH_ENTER, &found);
	}
	for (i = 0; i < n; i++)
	{
		int64		parent = icd_parent_key(entries[i].key);

		if ((entries[i].a & ICD_UNSPECIFIED) && parent >= 0 &&
			hash_search(parents, &parent, HASH_FIND, &found) != NULL)
			entries[i].a |= ICD_HAS_SPECIFIED_SIBLING;
	}
	hash_destroy(parents);
}

#define FETCH_BATCH 10000

/* The code family of a key: hcpcs by code set, modifiers CPT (a digit first) or Level II. */
static int
ref_family(RefTableId id, int64 key)
{
	if (id == REF_HCPCS)
		return hcpcs_family(key);
	if (id == REF_MODIFIERS)
		return code_is_digit((char) (key >> 8)) ? MODIFIER_CPT : MODIFIER_LEVEL_II;
	return 0;
}

const char *
refdata_family_label(RefTableId table, int family)
{
	if (table == REF_HCPCS)
		return hcpcs_family_labels[family];
	if (table == REF_MODIFIERS)
		return family == MODIFIER_CPT ? "CPT" : "HCPCS Level II";
	return NULL;
}

/* The releases of the table's dataset recorded in cleanclaim.releases, as spans without rows yet. */
static void
read_recorded_releases(RefTable *t)
{
	Oid			argtypes[1] = {TEXTOID};
	Datum		args[1];
	uint64		i;

	releases_relid = get_relname_relid("releases", get_namespace_oid("cleanclaim", false));
	args[0] = CStringGetTextDatum(t->t.relname);
	SPI_execute_with_args("SELECT release, valid_from, valid_to, covers_to, current FROM cleanclaim.releases "
						  "WHERE dataset = $1", 1, argtypes, args, NULL, true, 0);
	t->nspans = 0;
	t->maxspans = SPI_processed + 4;
	t->spans = MemoryContextAllocZero(t->t.cxt, t->maxspans * sizeof(RefSpan));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		RefSpan    *s = &t->spans[t->nspans++];

		s->release = col_text(tup, desc, 1, t->t.cxt);
		s->recorded = true;
		s->valid_from = col_isnull(tup, desc, 2) ? DATEVAL_NOBEGIN : DatumGetDateADT(col_datum(tup, desc, 2));
		s->has_valid_to = !col_isnull(tup, desc, 3);
		s->valid_to = s->has_valid_to ? DatumGetDateADT(col_datum(tup, desc, 3)) : REF_NO_END;
		s->covers_to = col_isnull(tup, desc, 4) ? REF_NO_END : DatumGetDateADT(col_datum(tup, desc, 4));
		s->current = DatumGetBool(col_datum(tup, desc, 5));
		s->rows_from = REF_NO_END;
		s->rows_to = DATEVAL_NOBEGIN;
	}
}

static bool
span_is(const RefSpan *s, const text *rel)
{
	int			len;

	if (rel == NULL || s->release == NULL)
		return rel == NULL && s->release == NULL;
	len = VARSIZE_ANY_EXHDR(rel);
	return (int) strlen(s->release) == len && memcmp(s->release, VARDATA_ANY(rel), len) == 0;
}

/* The span of a row's release (a text datum, or NULL), made when the release has none yet. */
static RefSpan *
span_of_row(RefTable *t, HeapTuple tup, TupleDesc desc, int *last)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, desc, t->release_col, &isnull);
	text	   *rel = isnull ? NULL : DatumGetTextPP(d);
	RefSpan    *s;
	int			i;

	/* rows come release by release, mostly: the last one first */
	if (*last < t->nspans && span_is(&t->spans[*last], rel))
		return &t->spans[*last];
	for (i = 0; i < t->nspans; i++)
	{
		if (span_is(&t->spans[i], rel))
		{
			*last = i;
			return &t->spans[i];
		}
	}
	if (t->nspans == t->maxspans)
	{
		t->maxspans *= 2;
		t->spans = repalloc(t->spans, t->maxspans * sizeof(RefSpan));
	}
	s = &t->spans[t->nspans];
	memset(s, 0, sizeof(RefSpan));
	s->release = rel ? MemoryContextStrdup(t->t.cxt, text_to_cstring(rel)) : NULL;
	s->rows_from = REF_NO_END;
	s->rows_to = DATEVAL_NOBEGIN;
	*last = t->nspans++;
	return s;
}

/*
 * A row of a code set: its release's span takes in its family and dates.  The
 * rows of a release marked current that end with the release (their valid_to
 * is the loader's) stay valid after it.
 */
static void
cover_row(RefTable *t, RefTableId id, HeapTuple tup, TupleDesc desc, RefEntry *e, int *last)
{
	RefSpan    *s = span_of_row(t, tup, desc, last);

	if (s->recorded && s->current && s->has_valid_to && e->to == s->valid_to)
		e->to = REF_NO_END;
	s->families |= UINT32_C(1) << ref_family(id, e->key);
	s->rows_from = Min(s->rows_from, e->from);
	s->rows_to = Max(s->rows_to, e->to);
}

/*
 * The dates each release covers: from the loader's valid_from (else its
 * earliest row), to the release's covers_to, open when it is current (or
 * when the release was never recorded: rows a user inserted cover their own
 * dates).
 */
static void
finish_spans(RefTable *t)
{
	int			i;

	for (i = 0; i < t->nspans; i++)
	{
		RefSpan    *s = &t->spans[i];

		s->from = s->recorded && s->valid_from != DATEVAL_NOBEGIN ? s->valid_from : s->rows_from;
		if (!s->recorded)
			s->to = s->rows_to;
		else if (s->current)
			s->to = REF_NO_END;
		else
			s->to = s->covers_to != REF_NO_END ? s->covers_to : s->rows_to;
	}
}

/*
 * Read the table's rows into entries (in the SPI procedure context, gone at
 * SPI_finish), sort them and place them in the table's hash table.
 */
static void
load_ref_table(RefTableId id)
{
	RefTable   *t = &ref_tables[id];
	Portal		portal;
	RefEntry   *entries;
	int			n = 0;
	int			max = 1024;
	int			last_span = 0;

	if (id == REF_AUTH_REQUIREMENTS)
		refdata_payer_count();	/* payer positions first */
	refdata_begin_load(&t->t);
	if (t->release_col > 0)
		read_recorded_releases(t);
	entries = MemoryContextAllocHuge(CurrentMemoryContext, max * sizeof(RefEntry));
	portal = SPI_cursor_open_with_args(NULL, t->t.query, 0, NULL, NULL, NULL, true, 0);
	for (;;)
	{
		uint64		row;

		SPI_cursor_fetch(portal, true, FETCH_BATCH);
		if (SPI_processed == 0)
			break;
		for (row = 0; row < SPI_processed; row++)
		{
			if (n == max)
			{
				max *= 2;
				entries = repalloc_huge(entries, max * sizeof(RefEntry));
			}
			if (!entry_from_row(id, SPI_tuptable->vals[row], SPI_tuptable->tupdesc, &entries[n]))
				continue;
			if (t->release_col > 0)
				cover_row(t, id, SPI_tuptable->vals[row], SPI_tuptable->tupdesc, &entries[n], &last_span);
			n++;
		}
		SPI_freetuptable(SPI_tuptable);
	}
	SPI_cursor_close(portal);
	qsort(entries, n, sizeof(RefEntry), compare_entries);
	finish_spans(t);
	if (id == REF_ICD10CM)
		mark_specified_siblings(entries, n);
	build_hash_table(t, entries, n);
	refdata_end_load(&t->t);
}

static RefTable *
ref_table(RefTableId id)
{
	if (!ref_tables[id].t.valid)
		load_ref_table(id);
	return &ref_tables[id];
}

/*
 * Ask the CPU to start fetching what a lookup of key will read (its slot,
 * and the Bloom filter's block when the table has one), so that the lookups
 * a claim needs overlap instead of waiting on memory one by one.
 */
void
refdata_prefetch(RefTableId table, int64 key)
{
	const RefTable *t = &ref_tables[table];
	uint64		h;

	if (!t->t.valid || t->n == 0)
		return;
	h = key_hash(key);
#if defined(__GNUC__) || defined(__clang__)
	if (t->bloom != NULL)
		__builtin_prefetch(bloom_block(t, h));
	__builtin_prefetch(&t->slots[h & t->mask]);
#endif
}

/*
 * Does a release of the code set that holds the family cover the date?  A
 * code set loaded for FY2025 says nothing of a 2018 claim, nor of one dated
 * after the release unless the release is marked current, and a file of
 * HCPCS Level II codes nothing of CPT codes: the rules report "not checked"
 * there instead of calling the code invalid.  *nearest describes the
 * releases that hold the family (any false when none does): their earliest
 * date, their latest and the release that reaches furthest.
 */
bool
refdata_covers(RefTableId table, int family, DateADT date, RefCoverage *nearest)
{
	RefTable   *t = ref_table(table);
	bool		covered = false;
	int			i;

	memset(nearest, 0, sizeof(*nearest));
	for (i = 0; i < t->nspans; i++)
	{
		const RefSpan *s = &t->spans[i];

		if (!(s->families & (UINT32_C(1) << family)))
			continue;
		covered |= s->from <= date && date <= s->to;
		if (!nearest->any || s->from < nearest->from)
			nearest->from = s->from;
		if (!nearest->any || s->to > nearest->to)
		{
			nearest->to = s->to;
			nearest->release = s->release;
		}
		nearest->any = true;
	}
	return covered;
}

const char *
refdata_table_name(RefTableId table)
{
	return ref_tables[table].t.relname;
}

/* The families some release of the table holds, as bits. */
uint32
refdata_families(RefTableId table)
{
	RefTable   *t = ref_table(table);
	uint32		families = 0;
	int			i;

	for (i = 0; i < t->nspans; i++)
		families |= t->spans[i].families;
	return families;
}

bool
refdata_has_rows(RefTableId table)
{
	return ref_table(table)->n > 0;
}

void
refdata_lookup(RefTableId table, int64 key, RefCursor *cur)
{
	RefTable   *t = ref_table(table);
	uint64		h = key_hash(key);

	cur->key = key;
	cur->slots = t->slots;
	cur->mask = t->mask;
	cur->pos = h & t->mask;
	if (t->n == 0 || (t->bloom != NULL && !bloom_may_contain(t, h)))
		cur->slots = NULL;		/* not in the table */
}

const RefEntry *
refdata_find(RefTableId table, int64 key, DateADT date)
{
	RefCursor	cur;
	const RefEntry *e;

	refdata_lookup(table, key, &cur);
	while ((e = refdata_next(&cur)) != NULL)
		if (date == DATEVAL_NOBEGIN || ref_valid_on(e, date))
			return e;
	return NULL;
}

