/*
 * refdata.h
 *	  The per-backend cache of the reference tables.
 *
 * Each table is read once (with SPI, off the hot path) into a sorted array of
 * entries keyed by a 64-bit integer, and looked up by binary search.  A table
 * whose rows change is reloaded on next use, in every session (see refdata.c).
 */
#ifndef CLEANCLAIM_REFDATA_H
#define CLEANCLAIM_REFDATA_H

#include "postgres.h"

#include "utils/date.h"
#include "utils/jsonb.h"

#define REF_NO_END PG_INT32_MAX	/* valid_to NULL */

typedef struct RefEntry
{
	int64		key;
	DateADT		from;
	DateADT		to;
	int32		a;				/* per table: flags, units, indicator, ... */
	int32		b;
} RefEntry;

typedef enum RefTableId
{
	REF_ICD10CM,				/* key code; a = ICD_* flags */
	REF_MCE,					/* key code; a = MCE_* flag of the edit */
	REF_HCPCS,					/* key code */
	REF_MODIFIERS,				/* key modifier_key() */
	REF_POS,					/* key the 2-digit code as a number */
	REF_NCCI,					/* key ncci_key(lower code, higher code); a = modifier indicator; b = setting | NCCI_COLUMN1_HIGHER */
	REF_MUE,					/* key code; a = max units; b = adjudication indicator | setting << 4 */
	REF_AUTH_REQUIREMENTS,		/* key auth_requirement_key(payer index, procedure) */
	REF_TOB,					/* key type_of_bill_key() */
	REF_REVENUE,				/* key the 4-digit revenue code as a number */
	REF_TABLE_COUNT
} RefTableId;

/* ICD-10-CM entry flags (RefEntry.a). */
#define ICD_BILLABLE		0x01
#define ICD_RIGHT			0x02
#define ICD_LEFT			0x04
#define ICD_BILATERAL		0x08
#define ICD_UNSPECIFIED		0x10
#define ICD_HAS_SPECIFIED_SIBLING 0x20

/* MCE edit flags. */
#define MCE_NEWBORN			0x001
#define MCE_PEDIATRIC		0x002
#define MCE_MATERNITY		0x004
#define MCE_ADULT			0x008
#define MCE_FEMALE			0x010
#define MCE_MALE			0x020
#define MCE_MANIFESTATION	0x040
#define MCE_UNACCEPTABLE_PRINCIPAL 0x080

/* Settings of the NCCI and MUE tables (RefEntry.b). */
#define SETTING_PRACTITIONER 0
#define SETTING_HOSPITAL	1
#define SETTING_DME			2
#define SETTING_MASK		0x0F
#define NCCI_COLUMN1_HIGHER	0x10	/* the higher code of the pair is column 1 */

typedef struct Payer
{
	char	   *payer_id;
	char	   *name;
	char	   *payer_type;
	int32		timely_filing_days;	/* 0 when not set */
} Payer;

typedef struct Authorization
{
	char	   *auth_number;
	char	   *payer_id;
	char	   *member_id;
	int64		procedure;		/* 0 for any procedure */
	double		units_authorized;	/* negative when unlimited */
	double		units_used;
	DateADT		from;
	DateADT		to;
} Authorization;

/* An eligibility answer (cleanclaim.eligibility). */
typedef enum EligibilityStatus
{
	ELIG_ACTIVE,
	ELIG_INACTIVE,
	ELIG_REJECTED,
	ELIG_UNKNOWN
} EligibilityStatus;

typedef struct Eligibility
{
	char	   *member_id;
	char	   *payer_id;
	DateADT		checked_on;
	EligibilityStatus status;
	char	   *plan;			/* NULL when not given */
	DateADT		from;			/* DATEVAL_NOBEGIN when not given */
	DateADT		to;				/* DATEVAL_NOEND when not given */
} Eligibility;

typedef struct RuleSetting
{
	char	   *rule_id;
	char	   *payer_id;		/* NULL for every payer */
	int8		enabled;		/* -1 unset, 0, 1 */
	int8		severity;		/* -1 unset, else a Severity */
	double		weight;			/* negative when unset */
	Jsonb	   *params;			/* NULL when unset */
} RuleSetting;

/* Pre-bill audit settings (AUDIT_HIGH_DOLLAR). */
typedef enum AuditSetting
{
	AUDIT_INPATIENT,
	AUDIT_OUTPATIENT,
	AUDIT_PROFESSIONAL
} AuditSetting;

typedef struct AuditThreshold
{
	char	   *payer_id;		/* NULL for every payer */
	AuditSetting setting;
	bool		expected_basis; /* compare the expected payment, not the charge */
	double		threshold;
} AuditThreshold;

/*
 * One row of the learned denial model: the smoothed probability that a line
 * is denied, for a payer (NULL: every payer), a procedure (0: every
 * procedure) and a modifier combination (NULL: any; "" none; "25,59").
 */
typedef struct DenialModelEntry
{
	char	   *payer_id;
	int64		procedure;
	char	   *modifiers;
	double		probability;
	int64		lines;			/* the training lines behind it */
} DenialModelEntry;

/*
 * The modifier reference (modifier_reference) and how payers treat
 * modifiers (modifier_settings).
 */
typedef enum ModifierKind
{
	MODIFIER_PRICING,
	MODIFIER_INFORMATIONAL,
	MODIFIER_ANATOMIC,
	MODIFIER_NCCI,
	MODIFIER_LIABILITY,
	MODIFIER_TELEHEALTH
} ModifierKind;

typedef struct ModifierInfo
{
	char		modifier[3];
	ModifierKind kind;
	uint32		sections;		/* a bit per ProcedureSection (rules.h); 0: any */
	int			nalso_codes;
	int64	   *also_codes;		/* procedure codes outside the sections it belongs on */
	int			nnot_with;
	char		(*not_with)[3]; /* modifiers it must not share a line with */
	bool		ncci_associated;
	bool		scrutinized;
	char	   *documentation;	/* NULL when not given */
} ModifierInfo;

typedef struct ModifierSetting
{
	char	   *payer_id;		/* NULL for every payer */
	char		modifier[3];
	int8		scrutinized;	/* -1 unset, 0, 1 */
	int			nuse_instead;	/* -1 unset; 0: none, over the every-payer row */
	char		(*use_instead)[3];
} ModifierSetting;

extern const char *const modifier_kind_names[];

/* The reference row of an upper-case two-character modifier, or NULL. */
extern const ModifierInfo *refdata_modifier_info(const char *modifier);
extern int	refdata_modifier_reference(const ModifierInfo **rows);

/* The setting of a modifier for a payer (payer_id NULL: for every payer), or NULL. */
extern const ModifierSetting *refdata_modifier_setting(const char *payer_id, int payer_len, const char *modifier);

/* Start fetching what a lookup of key will read (a hint; no effect on results). */
extern void refdata_prefetch(RefTableId table, int64 key);

/* Is the table loaded with at least one row?  (Loads it when stale.) */
extern bool refdata_has_rows(RefTableId table);

/*
 * Coverage of the code sets (ICD-10-CM, HCPCS, modifiers, places of
 * service, types of bill, revenue codes) by their releases, per code family.
 */
#define MODIFIER_CPT		0	/* the families of the modifiers */
#define MODIFIER_LEVEL_II	1

typedef struct RefCoverage
{
	bool		any;			/* some release holds the family */
	DateADT		from;			/* the earliest date they cover */
	DateADT		to;				/* the latest (REF_NO_END: a current release) */
	const char *release;		/* the release that covers the latest (NULL: rows without one) */
} RefCoverage;

extern bool refdata_covers(RefTableId table, int family, DateADT date, RefCoverage *nearest);
extern uint32 refdata_families(RefTableId table);
extern const char *refdata_family_label(RefTableId table, int family);
extern const char *refdata_table_name(RefTableId table);

/* The entry of key valid on date (or, when date is DATEVAL_NOBEGIN, any entry of key). */
extern const RefEntry *refdata_find(RefTableId table, int64 key, DateADT date);

/*
 * All the entries of a key, in valid_from order:
 *     refdata_lookup(table, key, &cur); while ((e = refdata_next(&cur)) != NULL) ...
 */
#define REF_EMPTY_KEY PG_INT64_MIN	/* a free slot (no stored key is negative but -1) */

typedef struct RefCursor
{
	const RefEntry *slots;		/* NULL once there are no more */
	uint32		mask;
	uint32		pos;
	int64		key;
} RefCursor;

extern void refdata_lookup(RefTableId table, int64 key, RefCursor *cur);

/* The key's next entry, or NULL: its probe sequence ends at a free slot. */
static inline const RefEntry *
refdata_next(RefCursor *cur)
{
	while (cur->slots != NULL)
	{
		const RefEntry *e = &cur->slots[cur->pos];

		if (e->key == REF_EMPTY_KEY)
			cur->slots = NULL;
		else
		{
			cur->pos = (cur->pos + 1) & cur->mask;
			if (e->key == cur->key)
				return e;
		}
	}
	return NULL;
}

static inline bool
ref_valid_on(const RefEntry *e, DateADT date)
{
	return e->from <= date && date <= e->to;
}

/* An NCCI pair's key, whichever code is column 1: one lookup finds both directions. */
static inline int64
ncci_key(int64 code1, int64 code2)
{
	return code1 < code2 ? (code1 << 30) | code2 : (code2 << 30) | code1;
}

/* A type of bill's key: its three characters (facility, classification, frequency). */
static inline int64
type_of_bill_key(const char *tob)
{
	return ((int64) (unsigned char) tob[0] << 16) | ((int64) (unsigned char) tob[1] << 8) | (unsigned char) tob[2];
}

static inline int64
modifier_key(const char *m, int len)
{
	return len == 2 ? ((int64) (unsigned char) m[0] << 8) | (unsigned char) m[1] : -1;
}

/* Payers, authorizations and settings. */
extern int	refdata_payer_count(void);
extern const Payer *refdata_payer(const char *payer_id, int len, int *index);
extern int	refdata_authorization_count(void);
extern const Authorization *refdata_authorization(const char *auth_number, int len, const char *payer_id, int payer_len);
/* Eligibility answers: how many; whether a payer has any; a member's (every payer's, newest first per payer). */
extern int	refdata_eligibility_count(void);
extern bool refdata_eligibility_payer(const char *payer_id, int len);
extern int	refdata_eligibility_member(const char *member_id, int len, const Eligibility **first);
extern int	refdata_settings(const RuleSetting **settings);
extern uint64 refdata_settings_generation(void);
extern int	refdata_audit_thresholds(const AuditThreshold **thresholds);
extern int	refdata_denial_model_size(void);
extern const DenialModelEntry *refdata_denial_model(const char *payer_id, int payer_len, int64 procedure,
												const char *modifiers);

static inline int64
auth_requirement_key(int payer_index, int64 procedure)
{
	return ((int64) payer_index << 32) | procedure;
}

/* Before a statement's first claim: take in invalidations other sessions committed. */
extern void refdata_begin_statement(void);

extern void refdata_init(void);

#endif							/* CLEANCLAIM_REFDATA_H */
