/*
 * x837_locate.c
 *	  Where in an 837 file a value sits (x837_locate(): for validate_837(),
 *	  the segment, element and component an issue points at), and which
 *	  segments an 837 has (for the envelope check).
 */
#include "postgres.h"

#include "claim/claim.h"
#include "claim/x837.h"

/* The segments of the 837P and 837I 5010 implementation guides. */
static const char *const segments_837[] = {
	"ST", "SE", "BHT", "NM1", "N2", "N3", "N4", "PER", "REF", "HL", "PRV", "CUR", "SBR", "PAT", "DMG",
	"CLM", "DTP", "CL1", "PWK", "CN1", "AMT", "K3", "NTE", "CR1", "CR2", "CR3", "CR5", "CR6", "CR7", "CR8",
	"CRC", "HI", "HCP", "QTY", "MEA", "LX", "SV1", "SV2", "SV5", "TOO", "PS1", "HSD", "LIN", "CTP", "SVD",
	"CAS", "LQ", "FRM", "OI", "MIA", "MOA", NULL
};

/*
 * The segments' keys in an open-addressed hash table, filled once: one or
 * two probes per segment of the file.
 */
#define KNOWN_SLOTS 256			/* a power of two, well above the 51 segments */

static uint32 known_837[KNOWN_SLOTS];
static bool known_filled = false;

static inline int
slot_of(uint32 key)
{
	return (int) ((key * 2654435761u) >> 24) & (KNOWN_SLOTS - 1);
}

static void
fill_known(void)
{
	int			i;

	for (i = 0; segments_837[i] != NULL; i++)
	{
		uint32		key = x12_literal_key(segments_837[i]);
		int			slot = slot_of(key);

		while (known_837[slot] != X12_NO_KEY)
			slot = (slot + 1) & (KNOWN_SLOTS - 1);
		known_837[slot] = key;
	}
	known_filled = true;
}

bool
x837_segment_known(X12Str transaction, uint32 segment_key)
{
	int			slot;

	if (!x12_str_is(transaction, "837"))
		return true;
	if (!known_filled)
		fill_known();
	if (segment_key == X12_NO_KEY)
		return false;
	for (slot = slot_of(segment_key); known_837[slot] != X12_NO_KEY; slot = (slot + 1) & (KNOWN_SLOTS - 1))
		if (known_837[slot] == segment_key)
			return true;
	return false;
}

static bool
value_is(const X837Value *v, const char *value)
{
	return value != NULL && v->s.len == (int) strlen(value) && memcmp(v->s.s, value, v->s.len) == 0;
}

/* A value standing for "not in the file": at the segment that would hold it. */
static X837Value
placed_at(int64 segment, const char *segment_id)
{
	X837Value	v;

	memset(&v, 0, sizeof(v));
	v.segment = segment;
	strlcpy(v.segment_id, segment_id, sizeof(v.segment_id));
	return v;
}

static const X837Line *
line_numbered(const X837Claim *c, int line_no)
{
	int			i;
	char		text[16];

	snprintf(text, sizeof(text), "%d", line_no);
	for (i = 0; i < c->nlines; i++)
		if (value_is(&c->lines[i].f[LF_LINE_NO], text))
			return &c->lines[i];
	return line_no >= 1 && line_no <= c->nlines ? &c->lines[line_no - 1] : NULL;
}

X837Value
x837_locate(const X837Claim *c, const char *field, int line_no, const char *value)
{
	X837Value	clm = placed_at(c->clm_segment, "CLM");
	int			id;
	int			i;

	if (field == NULL)
		return clm;
	if (line_no > 0)
	{
		const X837Line *line = line_numbered(c, line_no);
		const char *name = strncmp(field, "lines.", 6) == 0 ? field + 6 : field;

		if (line == NULL)
			return clm;
		id = line_field_lookup(name, (int) strlen(name));
		if (id == LF_MODIFIERS)
		{
			/* the value may name several ("RT LT"): the first of them in the file */
			for (i = 0; i < line->nmodifiers; i++)
				if (value != NULL && line->modifiers[i].s.len > 0 &&
					(value_is(&line->modifiers[i], value) ||
					 (strncmp(value, line->modifiers[i].s.s, line->modifiers[i].s.len) == 0 &&
					  value[line->modifiers[i].s.len] == ' ')))
					return line->modifiers[i];
			return line->f[LF_PROCEDURE].s.len > 0 ? line->f[LF_PROCEDURE] : placed_at(line->lx_segment, "LX");
		}
		if (id == LF_DX_POINTERS)
		{
			for (i = 0; i < line->npointers; i++)
				if (value_is(&line->pointers[i], value))
					return line->pointers[i];
			return line->npointers > 0 ? line->pointers[0] : placed_at(line->lx_segment, "LX");
		}
		if (id >= 0 && line->f[id].s.len > 0)
			return line->f[id];
		return placed_at(line->lx_segment, "LX");
	}
	id = claim_field_lookup(field, (int) strlen(field));
	if (id == CF_DIAGNOSES || id == CF_ICD10PCS_PROCEDURES)
	{
		const X837Value *list = id == CF_DIAGNOSES ? c->diagnoses : c->procedures;
		int			n = id == CF_DIAGNOSES ? c->ndiagnoses : c->nprocedures;

		for (i = 0; i < n; i++)
			if (value_is(&list[i], value))
				return list[i];
		/* a dotted code in the message, dotless in the file */
		for (i = 0; value != NULL && i < n; i++)
		{
			char		dotless[16];
			int			k = 0;
			const char *p;

			for (p = value; *p && k < 15; p++)
				if (*p != '.')
					dotless[k++] = *p;
			dotless[k] = '\0';
			if (value_is(&list[i], dotless))
				return list[i];
		}
		return n > 0 ? list[0] : clm;
	}
	if (id >= 0 && c->f[id].s.len > 0)
		return c->f[id];
	return clm;
}
