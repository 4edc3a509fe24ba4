/*
 * x835_rules.h
 *	  What the 835 (005010X221A1) has, for the envelope check: its version,
 *	  its segments, its elements (x835_rules.c).
 */
#ifndef CLEANCLAIM_X835_RULES_H
#define CLEANCLAIM_X835_RULES_H

#include "x12/x12.h"

extern bool x835_version_supported(X12Str transaction, X12Str version);
extern bool x835_segment_known(X12Str transaction, uint32 segment_key);
extern void x835_check_elements(X12Str transaction, const X12Segment *seg, X12ElementReport report, void *arg);

#endif							/* CLEANCLAIM_X835_RULES_H */
