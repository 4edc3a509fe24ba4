/*
 * responses.h
 *	  The readers of the acknowledgments and answers that come back for
 *	  claims, each walking the file once and handing each row to a callback
 *	  as soon as it is complete: the 277CA claim acknowledgment (and the 277
 *	  claim status response, which has the same loops), x277.c; the 999
 *	  implementation acknowledgment, x999.c; the 271 eligibility response,
 *	  x271.c.  Values are slices of the file, as written.
 */
#ifndef CLEANCLAIM_RESPONSES_H
#define CLEANCLAIM_RESPONSES_H

#include "x12/x12.h"

/* The envelope a row came in. */
typedef struct XResponseIds
{
	X12Str		interchange_control;	/* ISA13 */
	X12Str		group_control;	/* GS06 */
	X12Str		transaction_control;	/* ST02 */
	X12Str		version;		/* ST03, else GS08 */
	X12Str		date;			/* the transaction's date: BHT04, else GS04 */
	X12Str		group_date;		/* GS04 */
} XResponseIds;

/*
 * The envelope of the transaction set the reader is in, kept from ISA, GS
 * and ST; true when the segment was one of them (or their trailers).
 */
extern bool x12_track_envelope(XResponseIds *ids, const X12Segment *seg, int64 *st_number);

/*
 * A reader of one kind of transaction set, as the walk below drives it:
 * start at each ST of its kind, segment for each segment inside one, flush
 * at every envelope segment and at the end of the file (to hand out the row
 * being read).
 */
typedef struct XSetReader
{
	const char *set_id;			/* ST01: "277", "999", "271" */
	XResponseIds *ids;			/* kept up to date by the walk */
	int64	   *st_number;
	void		(*start) (void *reader);
	void		(*segment) (void *reader, const X12Reader *x, const X12Segment *seg);
	void		(*flush) (void *reader);
} XSetReader;

/* Walk the file once, handing the sets of the reader's kind to it. */
extern void x12_read_sets(const char *data, int64 len, const XSetReader *how, void *reader);

/* ----- 277CA and 277 ----- */

#define X277_MAX_STATUSES 12

typedef struct X277Status
{
	const XResponseIds *ids;
	const char *level;			/* "receiver", "provider", "claim", "line" */
	int64		segment_no;		/* its TRN (a line: its SVC) in the transaction set */
	X12Str		trace_number;	/* TRN02: the claim's patient control number in a 277CA */
	X12Str		claim_id;		/* REF*EJ (a 277's patient account number), else TRN02; a line: its claim's */
	X12Str		payer_claim_number; /* REF*1K */
	X12Str		clearinghouse_trace;	/* REF*D9 */
	X12Str		bill_type;		/* REF*BLT */
	X12Str		payer_name;		/* NM1 of the information source (HL 20) */
	X12Str		payer_id;
	X12Str		provider_id;	/* NM1 of the provider (HL 19) */
	X12Str		patient_last_name;	/* NM1*QC or NM1*IL */
	X12Str		patient_first_name;
	X12Str		member_id;
	X12Str		service_from;	/* DTP*472 (D8, or RD8's first day) */
	X12Str		service_to;		/* RD8's last day */
	X12Str		procedure;		/* a line: SVC01-2 */
	X12Str		line_control;	/* a line: REF*FJ */
	/* the first STC */
	X12Str		category;		/* STC01-1: A1 received, A2 accepted, A3 rejected, ... */
	X12Str		code;			/* STC01-2 */
	X12Str		entity;			/* STC01-3 */
	X12Str		status_date;	/* STC02 */
	X12Str		action;			/* STC03: WQ accepted, U rejected (277CA) */
	X12Str		charge;			/* STC04 */
	X12Str		statuses[X277_MAX_STATUSES];	/* every STC01, STC10, STC11 composite */
	int			nstatuses;
} X277Status;

typedef void (*X277Emit) (void *arg, const X277Status *status);

extern void x277_read(const char *data, int64 len, X277Emit emit, void *arg);
/* accepted, rejected, or NULL (a status that is neither: pending, finalized, ...) */
extern const char *x277_acknowledgment(X12Str category);

/* ----- 999 ----- */

typedef struct X999Set
{
	const XResponseIds *ids;	/* of the 999 itself */
	X12Str		functional_id;	/* AK101: HC for 837s */
	X12Str		group_control;	/* AK102: GS06 of the group acknowledged */
	X12Str		group_version;	/* AK103 */
	X12Str		set_id;			/* AK201: 837 */
	X12Str		set_control;	/* AK202: ST02 of the set acknowledged; empty for a group without AK2 */
	X12Str		set_version;	/* AK203 */
	X12Str		status;			/* IK501 (A, E, M, P, R, W, X), or AK901 for a group without AK2 */
	X12Str		codes[5];		/* IK502-IK506, or AK905-AK909 */
	int			ncodes;
	int			segment_errors; /* IK3 segments */
} X999Set;

typedef struct X999Error
{
	const X999Set *set;
	int64		segment_no;		/* the IK3 or IK4 in the 999 */
	X12Str		segment_id;		/* IK301 */
	X12Str		segment_position;	/* IK302: in the set acknowledged (ST is 1) */
	X12Str		loop;			/* IK303 */
	X12Str		segment_error;	/* IK304 */
	X12Str		element_position;	/* IK401-1, empty for a segment error alone */
	X12Str		component_position; /* IK401-2 */
	X12Str		element_reference;	/* IK402 */
	X12Str		element_error;	/* IK403 */
	X12Str		bad_value;		/* IK404 */
} X999Error;

typedef void (*X999EmitSet) (void *arg, const X999Set *set);
typedef void (*X999EmitError) (void *arg, const X999Error *error);

extern void x999_read(const char *data, int64 len, X999EmitSet emit_set, X999EmitError emit_error, void *arg);
/* accepted (A, E) or rejected (M, R, W, X; P partially, for a group) */
extern const char *x999_acknowledgment(X12Str status);

/* ----- 271 ----- */

#define X271_MAX_REJECTIONS 8
#define X271_MAX_SERVICE_TYPES 24

typedef struct X271Member
{
	const XResponseIds *ids;
	X12Str		hl_id;
	const char *level;			/* "source", "receiver" (rows only for their AAA), "subscriber", "dependent" */
	int64		segment_no;		/* its HL in the transaction set */
	X12Str		payer_name;		/* NM1 of HL 20 */
	X12Str		payer_id;
	X12Str		provider_name;	/* NM1 of HL 21 */
	X12Str		provider_id;
	X12Str		trace_number;	/* TRN*2 TRN02: the 270's trace */
	X12Str		subscriber_id;	/* the subscriber's NM109 (a dependent's too) */
	X12Str		member_id;		/* its own NM109, else the subscriber's */
	X12Str		last_name;
	X12Str		first_name;
	X12Str		birth_date;		/* DMG02 */
	X12Str		sex;			/* DMG03 */
	X12Str		group_number;	/* REF*6P, else REF*18 */
	X12Str		coverage_from;	/* DTP*346, 356 or 291 (D8, or RD8's first day) */
	X12Str		coverage_to;	/* DTP*347, 357 or RD8's last day */
	const char *coverage;		/* active, inactive, or NULL: from the EB01 codes */
	X12Str		plan;			/* EB05 of the first active EB that names one */
	X12Str		insurance_type; /* its EB04 */
	X12Str		rejections[X271_MAX_REJECTIONS];	/* AAA03 */
	int			nrejections;
	int			benefits;		/* EB segments */
} X271Member;

typedef struct X271Benefit
{
	const X271Member *member;
	int			benefit_no;		/* 1-based in its member */
	int64		segment_no;		/* the EB in the transaction set */
	X12Str		code;			/* EB01: 1 active, 6 inactive, A coinsurance, B copay, C deductible, ... */
	X12Str		coverage_level; /* EB02: IND, FAM, ... */
	X12Str		service_types[X271_MAX_SERVICE_TYPES];	/* EB03's repetitions */
	int			nservice_types;
	X12Str		insurance_type; /* EB04 */
	X12Str		plan;			/* EB05 */
	X12Str		period;			/* EB06 */
	X12Str		amount;			/* EB07 */
	X12Str		percent;		/* EB08 */
	X12Str		authorization;	/* EB11: Y when the service needs one */
	X12Str		in_network;		/* EB12 */
	X12Str		date_from;		/* its DTP (2110C) */
	X12Str		date_to;
} X271Benefit;

typedef void (*X271EmitMember) (void *arg, const X271Member *member);
typedef void (*X271EmitBenefit) (void *arg, const X271Benefit *benefit);

extern void x271_read(const char *data, int64 len, X271EmitMember emit_member, X271EmitBenefit emit_benefit,
					  void *arg);
/* The days of a DTP date or range (D8 CCYYMMDD, RD8 CCYYMMDD-CCYYMMDD). */
extern void x12_date_range(X12Str format, X12Str value, X12Str *from, X12Str *to);

#endif							/* CLEANCLAIM_RESPONSES_H */
