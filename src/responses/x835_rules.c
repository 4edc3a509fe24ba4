/*
 * x835_rules.c
 *	  The 835 health care claim payment/advice as the 5010 implementation
 *	  guide (005010X221A1) and the CMS companion guides describe it: the
 *	  segments it has, and the elements the reader relies on: required,
 *	  their length, their codes where the list is short and closed, their
 *	  type (amounts and dates).  Only what holds wherever the segment stands
 *	  is here, so that an 835 that follows the guide gets no issue from it.
 */
#include "postgres.h"

#include "responses/x835_rules.h"

bool
x835_version_supported(X12Str transaction, X12Str version)
{
	return x12_str_is(transaction, "835") && version.len >= 10 && memcmp(version.s, "005010X221", 10) == 0;
}

/* The segments of an 835 transaction set, ST to SE. */
static const char *const segments_835 =
	"ST BPR NTE TRN CUR REF DTM N1 N2 N3 N4 PER RDM LX TS3 TS2 CLP CAS NM1 MIA MOA AMT QTY SVC LQ PLB SE";

bool
x835_segment_known(X12Str transaction, uint32 segment_key)
{
	static uint32 keys[32];
	static int	nkeys = -1;
	int			i;

	if (nkeys < 0)
	{
		X12Str		all = {segments_835, (int) strlen(segments_835)};
		int			start = 0;

		nkeys = 0;
		for (i = 0; i <= all.len; i++)
			if (i == all.len || all.s[i] == ' ')
			{
				X12Str		id = {all.s + start, i - start};

				if (nkeys < (int) lengthof(keys))
					keys[nkeys++] = x12_segment_key(id);
				start = i + 1;
			}
	}
	for (i = 0; i < nkeys; i++)
		if (keys[i] == segment_key)
			return true;
	return false;
}

static const X12ElementRule rules_835[] = {
	{"BPR", 1, true, 1, 1, "C D H I P U X", X12_AN},
	{"BPR", 2, true, 1, 18, NULL, X12_R},
	{"BPR", 3, true, 1, 1, "C D", X12_AN},
	{"BPR", 4, true, 3, 3, "ACH BOP CHK FWT NON", X12_AN},
	{"BPR", 16, true, 8, 8, NULL, X12_DT},
	{"TRN", 1, true, 1, 2, "1", X12_AN},
	{"TRN", 2, true, 1, 50, NULL, X12_AN},
	{"TRN", 3, true, 10, 10, NULL, X12_AN},
	{"DTM", 1, true, 3, 3, NULL, X12_AN},
	{"DTM", 2, true, 8, 8, NULL, X12_DT},
	{"N1", 1, true, 2, 3, NULL, X12_AN},
	{"LX", 1, true, 1, 6, NULL, X12_AN},
	{"CLP", 1, true, 1, 38, NULL, X12_AN},
	{"CLP", 2, true, 1, 2, "1 2 3 4 19 20 21 22 23 25", X12_AN},
	{"CLP", 3, true, 1, 18, NULL, X12_R},
	{"CLP", 4, true, 1, 18, NULL, X12_R},
	{"CLP", 5, false, 1, 18, NULL, X12_R},
	{"CLP", 6, true, 1, 2, "12 13 14 15 16 17 AM CH DS HM LM MA MB MC OF TV VA WC ZZ", X12_AN},
	{"CLP", 7, true, 1, 50, NULL, X12_AN},
	{"CAS", 1, true, 2, 2, "CO OA PI PR", X12_AN},
	{"CAS", 2, true, 1, 5, NULL, X12_AN},
	{"CAS", 3, true, 1, 18, NULL, X12_R},
	{"CAS", 4, false, 1, 15, NULL, X12_R},
	{"CAS", 6, false, 1, 18, NULL, X12_R},
	{"CAS", 9, false, 1, 18, NULL, X12_R},
	{"CAS", 12, false, 1, 18, NULL, X12_R},
	{"CAS", 15, false, 1, 18, NULL, X12_R},
	{"CAS", 18, false, 1, 18, NULL, X12_R},
	{"SVC", 1, true, 1, 80, NULL, X12_AN},
	{"SVC", 2, true, 1, 18, NULL, X12_R},
	{"SVC", 3, true, 1, 18, NULL, X12_R},
	{"SVC", 5, false, 1, 15, NULL, X12_R},
	{"AMT", 1, true, 1, 3, NULL, X12_AN},
	{"AMT", 2, true, 1, 18, NULL, X12_R},
	{"QTY", 2, true, 1, 15, NULL, X12_R},
	{"LQ", 1, true, 1, 3, "HE RX", X12_AN},
	{"LQ", 2, true, 1, 30, NULL, X12_AN},
	{"PLB", 1, true, 1, 50, NULL, X12_AN},
	{"PLB", 2, true, 8, 8, NULL, X12_DT},
	{"PLB", 3, true, 1, 50, NULL, X12_AN},
	{"PLB", 4, true, 1, 18, NULL, X12_R},
	{"PLB", 6, false, 1, 18, NULL, X12_R},
	{"PLB", 8, false, 1, 18, NULL, X12_R},
	{"PLB", 10, false, 1, 18, NULL, X12_R},
	{"PLB", 12, false, 1, 18, NULL, X12_R},
	{"PLB", 14, false, 1, 18, NULL, X12_R},
};

static X12ElementTable table_835 = X12_ELEMENT_TABLE(rules_835);

void
x835_check_elements(X12Str transaction, const X12Segment *seg, X12ElementReport report, void *arg)
{
	if (x12_str_is(transaction, "835"))
		x12_check_element_table(&table_835, seg, report, arg);
}
