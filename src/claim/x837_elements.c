/*
 * x837_elements.c
 *	  The elements of the 837's segments as the 5010 implementation guides
 *	  (837P 005010X222A1, 837I 005010X223A2) fix them wherever the segment
 *	  stands: which are required, how long each may be, and the codes an
 *	  element takes when its list is short and closed.  Only what holds in
 *	  every loop a segment appears in is here (NM1's codes, say, depend on
 *	  the loop: they are not), so that a file that follows the guides gets no
 *	  issue from this table.
 */
#include "postgres.h"

#include "claim/claim.h"
#include "claim/x837.h"

typedef struct ElementRule
{
	const char *segment;
	int			element;
	bool		required;
	int			min_len;		/* when present */
	int			max_len;
	const char *codes;			/* space-separated, NULL for any */
} ElementRule;

static const ElementRule element_rules[] = {
	{"BHT", 1, true, 4, 4, "0019"},
	{"BHT", 2, true, 2, 2, "00 18"},
	{"BHT", 3, true, 1, 50, NULL},
	{"BHT", 4, true, 8, 8, NULL},
	{"BHT", 6, false, 2, 2, "31 CH RP"},
	{"NM1", 1, true, 2, 3, NULL},
	{"NM1", 2, true, 1, 1, "1 2"},
	{"NM1", 3, false, 1, 60, NULL},
	{"NM1", 4, false, 1, 35, NULL},
	{"NM1", 9, false, 2, 80, NULL},
	{"N3", 1, true, 1, 55, NULL},
	{"N3", 2, false, 1, 55, NULL},
	{"N4", 1, true, 2, 30, NULL},
	{"N4", 2, false, 2, 2, NULL},
	{"N4", 3, false, 3, 15, NULL},
	{"REF", 1, true, 2, 3, NULL},
	{"REF", 2, true, 1, 50, NULL},
	{"HL", 1, true, 1, 12, NULL},
	{"HL", 3, true, 1, 2, "20 22 23"},
	{"HL", 4, false, 1, 1, "0 1"},
	{"SBR", 1, true, 1, 1, "A B C D E F G H P S T U"},
	{"SBR", 9, false, 1, 2, "11 12 13 14 15 16 17 AM BL CH CI DS FI HM LM MA MB MC OF TV VA WC ZZ"},
	{"PAT", 1, false, 2, 2, "01 19 20 21 39 40 53 G8"},
	{"DMG", 1, true, 2, 3, "D8"},
	{"DMG", 2, true, 8, 8, NULL},
	{"DMG", 3, true, 1, 1, "F M U"},
	{"CLM", 1, true, 1, 38, NULL},
	{"CLM", 2, true, 1, 18, NULL},
	{"CLM", 5, true, 1, 20, NULL},
	{"CLM", 7, false, 1, 1, "A B C"},
	{"CLM", 8, false, 1, 1, "N W Y"},
	{"CLM", 9, false, 1, 1, "I Y"},
	{"DTP", 1, true, 3, 3, NULL},
	{"DTP", 2, true, 2, 3, "D8 RD8 DT"},
	{"DTP", 3, true, 1, 35, NULL},
	{"HI", 1, true, 1, 60, NULL},
	{"LX", 1, true, 1, 6, NULL},
	{"SV1", 1, true, 1, 60, NULL},
	{"SV1", 2, true, 1, 18, NULL},
	{"SV1", 3, true, 2, 2, "MJ UN"},
	{"SV1", 4, true, 1, 15, NULL},
	{"SV2", 1, true, 1, 48, NULL},
	{"SV2", 3, true, 1, 18, NULL},
	{"SV2", 4, true, 2, 2, "DA UN"},
	{"SV2", 5, true, 1, 15, NULL},
};

/*
 * The rows of each segment id, found once: the table lists a segment's
 * elements together, so a segment id maps to a run of rows.
 */
#define MAX_SEGMENT_IDS 32

typedef struct SegmentRows
{
	uint32		key;
	int			first;
	int			count;
} SegmentRows;

static SegmentRows segment_rows[MAX_SEGMENT_IDS];
static int	nsegment_rows = -1;

static void
index_rows(void)
{
	int			i;

	nsegment_rows = 0;
	for (i = 0; i < (int) lengthof(element_rules); i++)
	{
		uint32		key = x12_literal_key(element_rules[i].segment);

		if (nsegment_rows > 0 && segment_rows[nsegment_rows - 1].key == key)
			segment_rows[nsegment_rows - 1].count++;
		else if (nsegment_rows < MAX_SEGMENT_IDS)
		{
			segment_rows[nsegment_rows].key = key;
			segment_rows[nsegment_rows].first = i;
			segment_rows[nsegment_rows].count = 1;
			nsegment_rows++;
		}
	}
}

static const SegmentRows *
rows_for(uint32 key)
{
	int			i;

	for (i = 0; i < nsegment_rows; i++)
		if (segment_rows[i].key == key)
			return &segment_rows[i];
	return NULL;
}

void
x837_check_elements(X12Str transaction, const X12Segment *seg, X12ElementReport report, void *arg)
{
	const SegmentRows *rows;
	int			i;

	if (!x12_str_is(transaction, "837"))
		return;
	if (nsegment_rows < 0)
		index_rows();
	if ((rows = rows_for(seg->key)) == NULL)
		return;
	for (i = rows->first; i < rows->first + rows->count; i++)
	{
		const ElementRule *e = &element_rules[i];
		X12Str		v;

		v = x12_element(seg, e->element);
		if (v.len == 0)
		{
			if (e->required)
				report(arg, X12P_ELEMENT_MISSING, e->element,
					   psprintf("%s%02d is required and is missing", e->segment, e->element));
			continue;
		}
		if (v.len < e->min_len || v.len > e->max_len)
			report(arg, v.len < e->min_len ? X12P_ELEMENT_TOO_SHORT : X12P_ELEMENT_TOO_LONG, e->element,
				   e->min_len == e->max_len
				   ? psprintf("%s%02d \"%.*s\" is %d character%s long; it takes %d", e->segment, e->element,
							  Min(v.len, 40), v.s, v.len, v.len == 1 ? "" : "s", e->max_len)
				   : psprintf("%s%02d \"%.*s\" is %d character%s long; it takes %d to %d", e->segment, e->element,
							  Min(v.len, 40), v.s, v.len, v.len == 1 ? "" : "s", e->min_len, e->max_len));
		else if (e->codes != NULL && !x12_is_one_of(v, e->codes))
			report(arg, X12P_CODE_INVALID, e->element,
				   psprintf("%s%02d \"%.*s\" is not one of its codes: %s", e->segment, e->element,
							Min(v.len, 40), v.s, e->codes));
	}
}
