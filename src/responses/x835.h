/*
 * x835.h
 *	  The 835 health care claim payment/advice (005010X221A1), read: each
 *	  payment (BPR, TRN, payer and payee), its claim payments (CLP) with
 *	  their service lines (SVC), adjustments (CAS) and remark codes (MIA,
 *	  MOA, LQ), and its provider-level adjustments (PLB).  The values are
 *	  slices of the file, as written; the amounts are also read as numbers
 *	  so that the reader can check that the 835 balances.
 */
#ifndef CLEANCLAIM_X835_H
#define CLEANCLAIM_X835_H

#include "x12/x12.h"

#define X835_MAX_REMARKS 16

/* One payment: a transaction set, from its ST to its SE. */
typedef struct X835Payment
{
	X12Str		interchange_control;	/* ISA13 */
	X12Str		group_control;	/* GS06 */
	X12Str		transaction_control;	/* ST02 */
	X12Str		handling;		/* BPR01: I remittance and payment, H advice only, ... */
	X12Str		amount;			/* BPR02: the total actual provider payment */
	X12Str		credit_debit;	/* BPR03 */
	X12Str		method;			/* BPR04: ACH, CHK, NON, ... */
	X12Str		payment_date;	/* BPR16 */
	X12Str		trace_number;	/* TRN02: the check or EFT trace number */
	X12Str		originator;		/* TRN03: the payer's company id */
	X12Str		production_date;	/* DTM*405 */
	X12Str		payer_name;		/* N1*PR */
	X12Str		payer_id;		/* N1*PR N104, else REF*2U */
	X12Str		payee_name;		/* N1*PE */
	X12Str		payee_id_qualifier; /* N103: XX NPI, FI tax id */
	X12Str		payee_id;		/* N104 */
} X835Payment;

/* One CAS triplet: a group code, a reason (CARC), an amount, a quantity. */
typedef struct X835Adjustment
{
	int			line_no;		/* 0 at claim level */
	int64		segment_no;		/* the CAS in its transaction set */
	int			triplet;		/* 1 to 6: CAS02-04, ..., CAS17-19 */
	X12Str		group_code;
	X12Str		reason;
	X12Str		amount;
	X12Str		quantity;
} X835Adjustment;

typedef struct X835Line
{
	int			line_no;		/* 1-based in its claim */
	int64		segment_no;		/* the SVC in its transaction set */
	X12Str		qualifier;		/* SVC01-1: HC, NU, N4, ... */
	X12Str		procedure;		/* SVC01-2 */
	X12Str		modifiers[4];	/* SVC01-3 .. 6 */
	X12Str		charge;			/* SVC02 */
	X12Str		paid;			/* SVC03 */
	X12Str		revenue_code;	/* SVC04 */
	X12Str		units;			/* SVC05 */
	X12Str		original_procedure; /* SVC06-2, when the payer paid another code */
	X12Str		service_from;	/* DTM*472 or *150 */
	X12Str		service_to;		/* DTM*151 */
	X12Str		line_control;	/* REF*6R: the line item control number of the 837 */
	X12Str		allowed;		/* AMT*B6 */
	X12Str		remarks[X835_MAX_REMARKS];	/* LQ*HE */
	int			nremarks;
} X835Line;

typedef struct X835Claim
{
	const X835Payment *payment;
	int			claim_no;		/* 1-based in the file */
	int64		segment_no;		/* the CLP in its transaction set */
	X12Str		claim_id;		/* CLP01: the patient control number (CLM01 of the 837) */
	X12Str		status;			/* CLP02: 1 processed as primary, ..., 4 denied, 22 reversal */
	X12Str		charge;			/* CLP03 */
	X12Str		paid;			/* CLP04 */
	X12Str		patient_responsibility; /* CLP05 */
	X12Str		filing_indicator;	/* CLP06 */
	X12Str		payer_claim_number; /* CLP07 */
	X12Str		facility_code;	/* CLP08 */
	X12Str		frequency_code; /* CLP09 */
	X12Str		drg;			/* CLP11 */
	X12Str		patient_last_name;	/* NM1*QC */
	X12Str		patient_first_name;
	X12Str		member_id;		/* NM1*QC NM109 */
	X12Str		service_from;	/* DTM*232 */
	X12Str		service_to;		/* DTM*233 */
	X12Str		received_on;	/* DTM*050 */
	X12Str		remarks[X835_MAX_REMARKS];	/* MIA and MOA remark codes */
	int			nremarks;
	X835Line   *lines;
	int			nlines;
	X835Adjustment *adjustments;	/* claim and line level, in file order */
	int			nadjustments;
	X12Problem *problems;		/* its balance problems, and a missing patient */
	int			nproblems;
} X835Claim;

/* A PLB pair: an adjustment to the provider's payment, not to a claim. */
typedef struct X835ProviderAdjustment
{
	const X835Payment *payment;
	int64		segment_no;
	int			pair;			/* 1 to 6: PLB03-04, ..., PLB13-14 */
	X12Str		provider_id;	/* PLB01 */
	X12Str		fiscal_period;	/* PLB02 */
	X12Str		reason;			/* PLB03-1: WO, L6, CV, 72, ... */
	X12Str		reference;		/* PLB03-2 */
	X12Str		amount;			/* PLB04: positive takes from the payment */
} X835ProviderAdjustment;

typedef struct X835Reader X835Reader;

/* check: also check the envelope, the elements and the placement of segments. */
extern X835Reader *x835_begin(const char *data, int64 len, bool check);
/* The next claim payment, or NULL at the end; valid until the next call. */
extern const X835Claim *x835_next_claim(X835Reader *r);
/* After the end: the PLB adjustments of the file. */
extern int	x835_provider_adjustments(X835Reader *r, const X835ProviderAdjustment **out);
/* After the end: the problems outside the claims (envelope, payment balance). */
extern int	x835_file_problems(X835Reader *r, const X12Problem **out);
/* The versions x835 reads, for messages. */
extern const char *const x835_versions_read;

#endif							/* CLEANCLAIM_X835_H */
