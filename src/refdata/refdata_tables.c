/*
 * refdata_tables.c
 *	  The small reference tables, cached whole and sorted for binary search:
 *	  payers, authorizations, rule settings, audit thresholds, the denial
 *	  model, the modifier reference and the payers' modifier settings.  Code
 *	  sets and edits (the large tables, hashed) are in refdata.c.
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

static CachedTable payers_table = {.relname = "payers", .query =
"SELECT payer_id, name, payer_type, timely_filing_days FROM cleanclaim.payers ORDER BY payer_id COLLATE \"C\""};
static CachedTable auths_table = {.relname = "authorizations", .query =
	"SELECT auth_number, payer_id, member_id, procedure, units_authorized::float8, units_used::float8, "
	"valid_from, valid_to FROM cleanclaim.authorizations ORDER BY auth_number COLLATE \"C\", payer_id COLLATE \"C\""};
static CachedTable eligibility_table = {.relname = "eligibility", .query =
	"SELECT member_id, payer_id, checked_on, status, plan, coverage_from, coverage_to FROM cleanclaim.eligibility "
"ORDER BY member_id COLLATE \"C\", payer_id COLLATE \"C\", checked_on DESC"};
static CachedTable settings_table = {.relname = "rule_settings", .query =
"SELECT rule_id, payer_id, enabled, severity, weight::float8, params FROM cleanclaim.rule_settings"};

static CachedTable thresholds_table = {.relname = "audit_thresholds", .query =
"SELECT payer_id, setting, basis, threshold::float8 FROM cleanclaim.audit_thresholds"};
static CachedTable model_table = {.relname = "denial_model", .query =
"SELECT payer_id, procedure, modifiers, probability, lines FROM cleanclaim.denial_model"};
static CachedTable modref_table = {.relname = "modifier_reference", .query =
	"SELECT modifier, kind, sections, also_codes, not_with, ncci_associated, scrutinized, documentation "
"FROM cleanclaim.modifier_reference"};
static CachedTable modset_table = {.relname = "modifier_settings", .query =
	"SELECT payer_id, modifier, scrutinized, use_instead FROM cleanclaim.modifier_settings "
"ORDER BY payer_id COLLATE \"C\" NULLS FIRST, modifier COLLATE \"C\""};

static Payer *payers;
static int	npayers;
static Authorization *auths;
static int	nauths;
static Eligibility *eligibility;
static int	neligibility;
static char **eligibility_payers;	/* the payers of the answers, sorted, once each */
static int	neligibility_payers;
static AuditThreshold *thresholds;
static int	nthresholds;
static DenialModelEntry *model;
static int	nmodel;
static RuleSetting *settings;
static int	nsettings;
static ModifierInfo *modref;
static int	nmodref;
static ModifierSetting *modset;
static int	nmodset;
static uint64 settings_generation = 1;

/*
 * Mark the small tables of relid stale (InvalidOid: all of them); true when
 * the payers table is stale, which what keys by payer position follows.
 */
bool
refdata_tables_mark_stale(Oid relid)
{
	refdata_mark_stale(&payers_table, relid);
	refdata_mark_stale(&auths_table, relid);
	refdata_mark_stale(&eligibility_table, relid);
	refdata_mark_stale(&settings_table, relid);
	refdata_mark_stale(&thresholds_table, relid);
	refdata_mark_stale(&model_table, relid);
	refdata_mark_stale(&modref_table, relid);
	refdata_mark_stale(&modset_table, relid);
	return !payers_table.valid;
}

/* ----- payers, authorizations, settings ----- */

static void
read_payer(HeapTuple tup, TupleDesc desc, void *entry, MemoryContext cxt)
{
	Payer	   *p = entry;

	p->payer_id = col_text(tup, desc, 1, cxt);
	p->name = col_text(tup, desc, 2, cxt);
	p->payer_type = col_text(tup, desc, 3, cxt);
	p->timely_filing_days = col_isnull(tup, desc, 4) ? 0 : DatumGetInt32(col_datum(tup, desc, 4));
}

static void
load_payers(void)
{
	payers = refdata_load_entries(&payers_table, sizeof(Payer), read_payer, &npayers);
	settings_generation++;
}

int
refdata_payer_count(void)
{
	if (!payers_table.valid)
		load_payers();
	return npayers;
}

/* Compare a counted string with a C string, as memcmp would order them ("C" collation). */
static int
compare_counted(const char *s, int len, const char *c)
{
	int			clen = strlen(c);
	int			r = memcmp(s, c, Min(len, clen));

	return r != 0 ? r : (len < clen ? -1 : len > clen ? 1 : 0);
}

const Payer *
refdata_payer(const char *payer_id, int len, int *index)
{
	int			lo = 0;
	int			hi = refdata_payer_count();

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;
		int			c = compare_counted(payer_id, len, payers[mid].payer_id);

		if (c == 0)
		{
			if (index)
				*index = mid;
			return &payers[mid];
		}
		if (c > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void
read_authorization(HeapTuple tup, TupleDesc desc, void *entry, MemoryContext cxt)
{
	Authorization *a = entry;

	a->auth_number = col_text(tup, desc, 1, cxt);
	a->payer_id = col_text(tup, desc, 2, cxt);
	a->member_id = col_text(tup, desc, 3, cxt);
	a->procedure = col_isnull(tup, desc, 4) ? 0 : DatumGetInt64(col_datum(tup, desc, 4));
	a->units_authorized = col_isnull(tup, desc, 5) ? -1 : DatumGetFloat8(col_datum(tup, desc, 5));
	a->units_used = DatumGetFloat8(col_datum(tup, desc, 6));
	a->from = DatumGetDateADT(col_datum(tup, desc, 7));
	a->to = DatumGetDateADT(col_datum(tup, desc, 8));
}

static void
load_authorizations(void)
{
	auths = refdata_load_entries(&auths_table, sizeof(Authorization), read_authorization, &nauths);
}

int
refdata_authorization_count(void)
{
	if (!auths_table.valid)
		load_authorizations();
	return nauths;
}

const Authorization *
refdata_authorization(const char *auth_number, int len, const char *payer_id, int payer_len)
{
	int			lo = 0;
	int			hi = refdata_authorization_count();

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;
		int			c = compare_counted(auth_number, len, auths[mid].auth_number);

		if (c == 0)
			c = compare_counted(payer_id, payer_len, auths[mid].payer_id);
		if (c == 0)
			return &auths[mid];
		if (c > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* ----- eligibility ----- */

static void
read_eligibility(HeapTuple tup, TupleDesc desc, void *entry, MemoryContext cxt)
{
	Eligibility *e = entry;
	char	   *status = col_text(tup, desc, 4, cxt);

	e->member_id = col_text(tup, desc, 1, cxt);
	e->payer_id = col_text(tup, desc, 2, cxt);
	e->checked_on = DatumGetDateADT(col_datum(tup, desc, 3));
	e->status = strcmp(status, "active") == 0 ? ELIG_ACTIVE : strcmp(status, "inactive") == 0 ? ELIG_INACTIVE
		: strcmp(status, "rejected") == 0 ? ELIG_REJECTED : ELIG_UNKNOWN;
	e->plan = col_isnull(tup, desc, 5) ? NULL : col_text(tup, desc, 5, cxt);
	e->from = col_isnull(tup, desc, 6) ? DATEVAL_NOBEGIN : DatumGetDateADT(col_datum(tup, desc, 6));
	e->to = col_isnull(tup, desc, 7) ? DATEVAL_NOEND : DatumGetDateADT(col_datum(tup, desc, 7));
}

static int
compare_payer_ids(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

static void
load_eligibility(void)
{
	int			i;

	eligibility = refdata_load_entries(&eligibility_table, sizeof(Eligibility), read_eligibility, &neligibility);
	/* the distinct payers, in the cache's memory */
	eligibility_payers = MemoryContextAlloc(eligibility_table.cxt, Max(neligibility, 1) * sizeof(char *));
	for (i = 0; i < neligibility; i++)
		eligibility_payers[i] = eligibility[i].payer_id;
	qsort(eligibility_payers, neligibility, sizeof(char *), compare_payer_ids);
	neligibility_payers = 0;
	for (i = 0; i < neligibility; i++)
		if (neligibility_payers == 0 || strcmp(eligibility_payers[neligibility_payers - 1], eligibility_payers[i]) != 0)
			eligibility_payers[neligibility_payers++] = eligibility_payers[i];
}

int
refdata_eligibility_count(void)
{
	if (!eligibility_table.valid)
		load_eligibility();
	return neligibility;
}

bool
refdata_eligibility_payer(const char *payer_id, int len)
{
	int			lo = 0;
	int			hi;

	refdata_eligibility_count();
	hi = neligibility_payers;
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;
		int			c = compare_counted(payer_id, len, eligibility_payers[mid]);

		if (c == 0)
			return true;
		if (c > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

int
refdata_eligibility_member(const char *member_id, int len, const Eligibility **first)
{
	int			lo = 0;
	int			hi = refdata_eligibility_count();
	int			end;

	/* the first entry of the member */
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (compare_counted(member_id, len, eligibility[mid].member_id) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < neligibility && compare_counted(member_id, len, eligibility[end].member_id) == 0; end++)
		;
	*first = end > lo ? &eligibility[lo] : NULL;
	return end - lo;
}

static int8
severity_code(const char *s)
{
	if (s == NULL)
		return -1;
	return strcmp(s, "info") == 0 ? 0 : strcmp(s, "warning") == 0 ? 1 : 2;
}

static void
read_setting(HeapTuple tup, TupleDesc desc, void *entry, MemoryContext cxt)
{
	RuleSetting *r = entry;

	r->rule_id = col_text(tup, desc, 1, cxt);
	r->payer_id = col_text(tup, desc, 2, cxt);
	r->enabled = col_isnull(tup, desc, 3) ? -1 : DatumGetBool(col_datum(tup, desc, 3));
	r->severity = severity_code(col_text(tup, desc, 4, CurrentMemoryContext));
	r->weight = col_isnull(tup, desc, 5) ? -1 : DatumGetFloat8(col_datum(tup, desc, 5));
	if (!col_isnull(tup, desc, 6))
	{
		Jsonb	   *jb = DatumGetJsonbP(col_datum(tup, desc, 6));

		r->params = MemoryContextAlloc(cxt, VARSIZE(jb));
		memcpy(r->params, jb, VARSIZE(jb));
	}
}

static void
load_settings(void)
{
	settings = refdata_load_entries(&settings_table, sizeof(RuleSetting), read_setting, &nsettings);
	settings_generation++;
}

int
refdata_settings(const RuleSetting **out)
{
	if (!settings_table.valid)
		load_settings();
	*out = settings;
	return nsettings;
}

/* Changes whenever the settings or the payers were reloaded. */
uint64
refdata_settings_generation(void)
{
	if (!settings_table.valid)
		load_settings();
	if (!payers_table.valid)
		load_payers();
	return settings_generation;
}

/* ----- audit thresholds and the denial model ----- */

static void
read_threshold(HeapTuple tup, TupleDesc desc, void *entry, MemoryContext cxt)
{
	AuditThreshold *t = entry;
	char	   *setting = col_text(tup, desc, 2, CurrentMemoryContext);

	t->payer_id = col_text(tup, desc, 1, cxt);
	t->setting = strcmp(setting, "inpatient") == 0 ? AUDIT_INPATIENT
		: strcmp(setting, "outpatient") == 0 ? AUDIT_OUTPATIENT : AUDIT_PROFESSIONAL;
	t->expected_basis = strcmp(col_text(tup, desc, 3, CurrentMemoryContext), "expected") == 0;
	t->threshold = DatumGetFloat8(col_datum(tup, desc, 4));
}

static void
load_thresholds(void)
{
	thresholds = refdata_load_entries(&thresholds_table, sizeof(AuditThreshold), read_threshold, &nthresholds);
}

int
refdata_audit_thresholds(const AuditThreshold **out)
{
	if (!thresholds_table.valid)
		load_thresholds();
	*out = thresholds;
	return nthresholds;
}

/* NULL sorts first, then "C" order. */
static int
compare_nullable(const char *s, int len, const char *c)
{
	if (s == NULL || c == NULL)
		return (s != NULL) - (c != NULL);
	return compare_counted(s, len, c);
}

static int
compare_model_key(const char *payer_id, int payer_len, int64 procedure, const char *modifiers,
				  const DenialModelEntry *e)
{
	int			c = compare_nullable(payer_id, payer_len, e->payer_id);

	if (c == 0)
		c = procedure < e->procedure ? -1 : procedure > e->procedure ? 1 : 0;
	if (c == 0)
		c = compare_nullable(modifiers, modifiers ? (int) strlen(modifiers) : 0, e->modifiers);
	return c;
}

static int
compare_model_entries(const void *a, const void *b)
{
	const DenialModelEntry *x = a;

	return compare_model_key(x->payer_id, x->payer_id ? (int) strlen(x->payer_id) : 0,
							 x->procedure, x->modifiers, b);
}

static void
read_model_entry(HeapTuple tup, TupleDesc desc, void *entry, MemoryContext cxt)
{
	DenialModelEntry *e = entry;

	e->payer_id = col_text(tup, desc, 1, cxt);
	e->procedure = col_isnull(tup, desc, 2) ? 0 : DatumGetInt64(col_datum(tup, desc, 2));
	e->modifiers = col_text(tup, desc, 3, cxt);
	e->probability = DatumGetFloat8(col_datum(tup, desc, 4));
	e->lines = DatumGetInt64(col_datum(tup, desc, 5));
}

static void
load_denial_model(void)
{
	model = refdata_load_entries(&model_table, sizeof(DenialModelEntry), read_model_entry, &nmodel);
	qsort(model, nmodel, sizeof(DenialModelEntry), compare_model_entries);
}

int
refdata_denial_model_size(void)
{
	if (!model_table.valid)
		load_denial_model();
	return nmodel;
}

/*
 * The model's row for (payer, procedure, modifiers), NULL when it has none;
 * payer_id NULL, procedure 0 and modifiers NULL stand for the wider levels.
 */
const DenialModelEntry *
refdata_denial_model(const char *payer_id, int payer_len, int64 procedure, const char *modifiers)
{
	int			lo = 0;
	int			hi = refdata_denial_model_size();

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;
		const DenialModelEntry *e = &model[mid];
		int			c = compare_model_key(payer_id, payer_len, procedure, modifiers, e);

		if (c == 0)
			return e;
		if (c > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* ----- the modifier reference and the payers' modifier settings ----- */

const char *const modifier_kind_names[] = {
	[MODIFIER_PRICING] = "pricing",[MODIFIER_INFORMATIONAL] = "informational",[MODIFIER_ANATOMIC] = "anatomic",
	[MODIFIER_NCCI] = "ncci",[MODIFIER_LIABILITY] = "liability",[MODIFIER_TELEHEALTH] = "telehealth"
};

/* The elements of an array column (NULL: none), with their count. */
static Datum *
col_array(HeapTuple tup, TupleDesc desc, int col, int *n)
{
	ArrayType  *arr;
	Datum	   *elems;
	bool	   *nulls;
	int16		typlen;
	bool		typbyval;
	char		typalign;

	*n = 0;
	if (col_isnull(tup, desc, col))
		return NULL;
	arr = DatumGetArrayTypeP(col_datum(tup, desc, col));
	get_typlenbyvalalign(ARR_ELEMTYPE(arr), &typlen, &typbyval, &typalign);
	deconstruct_array(arr, ARR_ELEMTYPE(arr), typlen, typbyval, typalign, &elems, &nulls, n);
	return elems;
}

/* A text[] column of modifiers (the table's CHECK keeps them two characters). */
static int
col_modifiers(HeapTuple tup, TupleDesc desc, int col, char (**out)[3], MemoryContext cxt)
{
	int			n;
	Datum	   *elems = col_array(tup, desc, col, &n);
	int			i;

	*out = MemoryContextAllocZero(cxt, Max(n, 1) * sizeof(**out));
	for (i = 0; i < n; i++)
		text_to_cstring_buffer(DatumGetTextPP(elems[i]), (*out)[i], 3);
	return n;
}

static void
read_modifier_info(HeapTuple tup, TupleDesc desc, void *entry, MemoryContext cxt)
{
	ModifierInfo *m = entry;
	char	   *kind = col_text(tup, desc, 2, CurrentMemoryContext);
	Datum	   *elems;
	int			n;
	int			i,
				j;

	text_to_cstring_buffer(DatumGetTextPP(col_datum(tup, desc, 1)), m->modifier, 3);
	for (i = 0; i < (int) lengthof(modifier_kind_names); i++)
		if (strcmp(kind, modifier_kind_names[i]) == 0)
			m->kind = (ModifierKind) i;
	elems = col_array(tup, desc, 3, &n);
	for (i = 0; i < n; i++)
	{
		char	   *name = TextDatumGetCString(elems[i]);

		for (j = 0; j < SECTION_COUNT; j++)
			if (strcmp(name, procedure_section_names[j]) == 0)
				m->sections |= 1u << j;
	}
	elems = col_array(tup, desc, 4, &m->nalso_codes);
	m->also_codes = MemoryContextAlloc(cxt, Max(m->nalso_codes, 1) * sizeof(int64));
	for (i = 0; i < m->nalso_codes; i++)
		m->also_codes[i] = DatumGetInt64(elems[i]);
	m->nnot_with = col_modifiers(tup, desc, 5, &m->not_with, cxt);
	m->ncci_associated = DatumGetBool(col_datum(tup, desc, 6));
	m->scrutinized = DatumGetBool(col_datum(tup, desc, 7));
	m->documentation = col_text(tup, desc, 8, cxt);
}

/*
 * A modifier's slot in modref_slots: its two characters, each a digit or a
 * capital (what the table's CHECK allows), as a number below 36 * 36; -1 for
 * anything else.
 */
static int
modifier_slot(const char *m)
{
	int			d[2];
	int			i;

	for (i = 0; i < 2; i++)
	{
		unsigned char c = (unsigned char) m[i];

		if (c >= '0' && c <= '9')
			d[i] = c - '0';
		else if (c >= 'A' && c <= 'Z')
			d[i] = 10 + c - 'A';
		else
			return -1;
	}
	return m[2] == '\0' ? d[0] * 36 + d[1] : -1;
}

/* Each reference row's position by its modifier's slot (-1: no row): a lookup is one load. */
static int16 modref_slots[36 * 36];

static void
load_modifier_reference(void)
{
	int			i;

	modref = refdata_load_entries(&modref_table, sizeof(ModifierInfo), read_modifier_info, &nmodref);
	memset(modref_slots, -1, sizeof(modref_slots));
	for (i = 0; i < nmodref; i++)
		modref_slots[modifier_slot(modref[i].modifier)] = (int16) i;
}

int
refdata_modifier_reference(const ModifierInfo **rows)
{
	if (!modref_table.valid)
		load_modifier_reference();
	*rows = modref;
	return nmodref;
}

const ModifierInfo *
refdata_modifier_info(const char *modifier)
{
	const ModifierInfo *rows;
	int			slot = modifier_slot(modifier);

	if (refdata_modifier_reference(&rows) == 0 || slot < 0 || modref_slots[slot] < 0)
		return NULL;
	return &rows[modref_slots[slot]];
}

static void
read_modifier_setting(HeapTuple tup, TupleDesc desc, void *entry, MemoryContext cxt)
{
	ModifierSetting *m = entry;

	m->payer_id = col_text(tup, desc, 1, cxt);
	text_to_cstring_buffer(DatumGetTextPP(col_datum(tup, desc, 2)), m->modifier, 3);
	m->scrutinized = col_isnull(tup, desc, 3) ? -1 : DatumGetBool(col_datum(tup, desc, 3));
	m->nuse_instead = col_modifiers(tup, desc, 4, &m->use_instead, cxt);
	if (col_isnull(tup, desc, 4))
		m->nuse_instead = -1;
}

/* The row of (payer, modifier), payer NULL for the every-payer row, or NULL. */
const ModifierSetting *
refdata_modifier_setting(const char *payer_id, int payer_len, const char *modifier)
{
	int			lo = 0;
	int			hi;

	if (!modset_table.valid)
		modset = refdata_load_entries(&modset_table, sizeof(ModifierSetting), read_modifier_setting, &nmodset);
	hi = nmodset;
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;
		int			c = compare_nullable(payer_id, payer_len, modset[mid].payer_id);

		if (c == 0)
			c = strcmp(modifier, modset[mid].modifier);
		if (c == 0)
			return &modset[mid];
		if (c > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
