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

static const X12ElementRule element_rules[] = {
	{"BHT", 1, true, 4, 4, "0019", X12_AN},
	{"BHT", 2, true, 2, 2, "00 18", X12_AN},
	{"BHT", 3, true, 1, 50, NULL, X12_AN},
	{"BHT", 4, true, 8, 8, NULL, X12_DT},
	{"BHT", 6, false, 2, 2, "31 CH RP", X12_AN},
	{"NM1", 1, true, 2, 3, NULL, X12_AN},
	{"NM1", 2, true, 1, 1, "1 2", X12_AN},
	{"NM1", 3, false, 1, 60, NULL, X12_AN},
	{"NM1", 4, false, 1, 35, NULL, X12_AN},
	{"NM1", 9, false, 2, 80, NULL, X12_AN},
	{"N3", 1, true, 1, 55, NULL, X12_AN},
	{"N3", 2, false, 1, 55, NULL, X12_AN},
	{"N4", 1, true, 2, 30, NULL, X12_AN},
	{"N4", 2, false, 2, 2, NULL, X12_AN},
	{"N4", 3, false, 3, 15, NULL, X12_AN},
	{"REF", 1, true, 2, 3, NULL, X12_AN},
	{"REF", 2, true, 1, 50, NULL, X12_AN},
	{"HL", 1, true, 1, 12, NULL, X12_AN},
	{"HL", 3, true, 1, 2, "20 22 23", X12_AN},
	{"HL", 4, false, 1, 1, "0 1", X12_AN},
	{"SBR", 1, true, 1, 1, "A B C D E F G H P S T U", X12_AN},
	{"SBR", 9, false, 1, 2, "11 12 13 14 15 16 17 AM BL CH CI DS FI HM LM MA MB MC OF TV VA WC ZZ", X12_AN},
	{"PAT", 1, false, 2, 2, "01 19 20 21 39 40 53 G8", X12_AN},
	{"DMG", 1, true, 2, 3, "D8", X12_AN},
	{"DMG", 2, true, 8, 8, NULL, X12_DT},
	{"DMG", 3, true, 1, 1, "F M U", X12_AN},
	{"CLM", 1, true, 1, 38, NULL, X12_AN},
	{"CLM", 2, true, 1, 18, NULL, X12_R},
	{"CLM", 5, true, 1, 20, NULL, X12_AN},
	{"CLM", 7, false, 1, 1, "A B C", X12_AN},
	{"CLM", 8, false, 1, 1, "N W Y", X12_AN},
	{"CLM", 9, false, 1, 1, "I Y", X12_AN},
	{"DTP", 1, true, 3, 3, NULL, X12_AN},
	{"DTP", 2, true, 2, 3, "D8 RD8 DT", X12_AN},
	{"DTP", 3, true, 1, 35, NULL, X12_AN},
	{"HI", 1, true, 1, 60, NULL, X12_AN},
	{"LX", 1, true, 1, 6, NULL, X12_AN},
	{"SV1", 1, true, 1, 60, NULL, X12_AN},
	{"SV1", 2, true, 1, 18, NULL, X12_R},
	{"SV1", 3, true, 2, 2, "MJ UN", X12_AN},
	{"SV1", 4, true, 1, 15, NULL, X12_R},
	{"SV2", 1, true, 1, 48, NULL, X12_AN},
	{"SV2", 3, true, 1, 18, NULL, X12_R},
	{"SV2", 4, true, 2, 2, "DA UN", X12_AN},
	{"SV2", 5, true, 1, 15, NULL, X12_R},
};

static X12ElementTable element_table = X12_ELEMENT_TABLE(element_rules);

void
x837_check_elements(X12Str transaction, const X12Segment *seg, X12ElementReport report, void *arg)
{
	if (x12_str_is(transaction, "837"))
		x12_check_element_table(&element_table, seg, report, arg);
}
