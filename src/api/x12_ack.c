/*
 * x12_ack.c
 *	  ack_999(x12 text): the 999 implementation acknowledgment a receiver
 *	  would send back for an 837 file, from the problems of its envelope
 *	  and loops (checked on the 837 reader's one pass): per functional
 *	  group an AK1, per transaction set an AK2 with an IK3 for each segment
 *	  in error and an IK5 (accepted, or rejected with its reason), and the
 *	  group's AK9.  The 999 goes back in
 *	  an envelope of its own, sender and receiver swapped.  The claim rules
 *	  are no part of a 999 (the payer's 277CA answers for them).
 */
#include "postgres.h"

#include "access/xact.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"
#include "utils/datetime.h"

#include "claim/x837.h"
#include "x12/x12.h"

#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

typedef struct AckTransaction
{
	X12Str		st01,
				st02,
				version;
	int64		first,
				last;			/* file segments of its ST and SE (or where it ends) */
} AckTransaction;

typedef struct AckGroup
{
	X12Str		gs06,
				gs08;
	int64		first,
				last;
	int			ntx;
	int			maxtx;
	AckTransaction *tx;
} AckGroup;

typedef struct AckFile
{
	X12Str		isa06,
				isa08,
				isa05,
				isa07;
	int			ngroups;
	int			maxgroups;
	AckGroup   *groups;
} AckFile;

static void
read_structure(const char *data, int64 len, AckFile *f)
{
	X12Reader	r;
	X12Segment	seg;
	AckGroup   *g = NULL;
	AckTransaction *t = NULL;

	memset(f, 0, sizeof(*f));
	x12_reader_init(&r, data, len);
	while (x12_next_segment(&r, &seg) == X12_SEGMENT)
	{
		if (x12_str_is(seg.id, "ISA") && f->isa06.len == 0)
		{
			f->isa05 = x12_element(&seg, 5);
			f->isa06 = x12_element(&seg, 6);
			f->isa07 = x12_element(&seg, 7);
			f->isa08 = x12_element(&seg, 8);
		}
		else if (x12_str_is(seg.id, "GS"))
		{
			if (f->ngroups == f->maxgroups)
			{
				f->maxgroups = f->maxgroups ? f->maxgroups * 2 : 4;
				f->groups = f->groups ? repalloc(f->groups, f->maxgroups * sizeof(AckGroup))
					: palloc(f->maxgroups * sizeof(AckGroup));
			}
			g = &f->groups[f->ngroups++];
			memset(g, 0, sizeof(*g));
			g->gs06 = x12_element(&seg, 6);
			g->gs08 = x12_element(&seg, 8);
			g->first = g->last = seg.number;
			t = NULL;
		}
		else if (x12_str_is(seg.id, "ST") && g != NULL)
		{
			if (g->ntx == g->maxtx)
			{
				g->maxtx = g->maxtx ? g->maxtx * 2 : 8;
				g->tx = g->tx ? repalloc(g->tx, g->maxtx * sizeof(AckTransaction))
					: palloc(g->maxtx * sizeof(AckTransaction));
			}
			t = &g->tx[g->ntx++];
			t->st01 = x12_element(&seg, 1);
			t->st02 = x12_element(&seg, 2);
			t->version = x12_element(&seg, 3).len > 0 ? x12_element(&seg, 3) : g->gs08;
			t->first = t->last = seg.number;
		}
		else if (x12_str_is(seg.id, "SE") && t != NULL)
		{
			t->last = seg.number;
			t = NULL;
		}
		else if (t != NULL)
			t->last = seg.number;
		if (g != NULL && !x12_str_is(seg.id, "IEA"))
			g->last = seg.number;
	}
}

/* The IK304 segment syntax error code of a problem at a segment. */
static const char *
segment_error_code(X12ProblemKind kind)
{
	switch (kind)
	{
		case X12P_SEGMENT_UNKNOWN:
			return "2";
		case X12P_LOOP_MISSING:
			return "3";			/* required segment missing: the loop's first */
		case X12P_LOOP_REPEAT:
			return "4";
		case X12P_SEGMENT_UNEXPECTED:
			return "2";
		case X12P_SEGMENT_MISSING:
			return "3";
		case X12P_SEGMENT_ORDER:
			return "7";
		default:
			return "8";
	}
}

/* A problem of a segment as a whole: the 999 gives it an IK3 of its own. */
static bool
is_segment_problem(X12ProblemKind kind)
{
	return kind == X12P_SEGMENT_UNKNOWN || kind == X12P_LOOP_MISSING || kind == X12P_LOOP_REPEAT ||
		kind == X12P_SEGMENT_ORDER || kind == X12P_SEGMENT_UNEXPECTED || kind == X12P_SEGMENT_MISSING;
}

/* The IK403 data element syntax error code of a problem, or NULL for none. */
static const char *
element_error_code(X12ProblemKind kind)
{
	switch (kind)
	{
		case X12P_ELEMENT_MISSING:
			return "1";
		case X12P_ELEMENT_TOO_SHORT:
			return "4";
		case X12P_ELEMENT_TOO_LONG:
			return "5";
		case X12P_CODE_INVALID:
			return "7";
		default:
			return NULL;
	}
}

/*
 * The IK502 to IK506 of a transaction set: its reasons for rejection, each
 * once, in file order ("" when it is accepted); and how many of its
 * segments are in error.
 */
static char *
transaction_reasons(const X12Problem *problems, int n, const AckTransaction *t, int *segment_errors)
{
	StringInfoData reasons;
	int			i;

	initStringInfo(&reasons);
	*segment_errors = 0;
	for (i = 0; i < n; i++)
	{
		const X12Problem *p = &problems[i];
		const char *r;
		int			k;
		int			nreasons = 0;
		bool		seen = false;

		if (p->file_segment < t->first || p->file_segment > t->last || p->segment_no == 0)
			continue;
		switch (p->kind)
		{
			case X12P_VERSION_UNSUPPORTED:
				r = "1";
				break;
			case X12P_TRAILER_MISSING:
				r = "2";
				break;
			case X12P_CONTROL_MISMATCH:
				r = "3";
				break;
			case X12P_SE_COUNT:
				r = "4";
				break;
			default:
				r = "5";
				(*segment_errors)++;
				break;
		}
		for (k = 0; k < reasons.len; k += 2, nreasons++)
			if (reasons.data[k + 1] == r[0])
				seen = true;
		if (!seen && nreasons < 5)
			appendStringInfo(&reasons, "*%s", r);
	}
	return reasons.data;
}

static void
seg(StringInfo out, int *count, const char *fmt,...) pg_attribute_printf(3, 4);

static void
seg(StringInfo out, int *count, const char *fmt,...)
{
	va_list		args;

	for (;;)
	{
		int			needed;

		va_start(args, fmt);
		needed = appendStringInfoVA(out, fmt, args);
		va_end(args);
		if (needed == 0)
			break;
		enlargeStringInfo(out, needed);
	}
	appendStringInfoString(out, "~\n");
	(*count)++;
}

/* A value of the file, cut or padded to a fixed width for the 999's ISA. */
static char *
fixed(X12Str s, int width)
{
	char	   *out = palloc(width + 1);
	int			n = Min(s.len, width);

	memcpy(out, s.s, n);
	memset(out + n, ' ', width - n);
	out[width] = '\0';
	return out;
}

/* A value of the file without the padding of fixed-width elements. */
static char *
text_of(X12Str s)
{
	while (s.len > 0 && s.s[s.len - 1] == ' ')
		s.len--;
	return pnstrdup(s.s, s.len);
}

PG_FUNCTION_INFO_V1(ack_999);
Datum
ack_999(PG_FUNCTION_ARGS)
{
	text	   *x12 = PG_GETARG_TEXT_PP(0);
	int32		control = PG_GETARG_INT32(1);
	const char *data = VARDATA_ANY(x12);
	int64		len = VARSIZE_ANY_EXHDR(x12);
	X12EnvelopeRules rules = {"005010X222 (837P) and 005010X223 (837I)", x837_version_supported, x837_segment_known, x837_check_elements};
	X12Problem *problems;
	int			nproblems;
	X837Reader *reader = x837_begin(data, len, true);
	const X12Problem *envelope_problems;
	const X12Problem *loop_problems;
	int			nloop;
	AckFile		f;
	StringInfoData out;
	struct pg_tm tm;
	fsec_t		fsec;
	int			g,
				i,
				k;
	X12Str		none = {"", 0};

	if (control < 1 || control > 999999999)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the 999's control number %d is out of range", control),
				 errdetail("ISA13, GS06 and ST02 of the 999 take it; ISA13 has nine digits."),
				 errhint("Pass a number from 1 to 999999999.")));
	/* the envelope's and the loops' problems come from reading the claims */
	x837_check_envelope(reader, &rules);
	while (x837_next_claim(reader) != NULL)
		;
	nproblems = x837_envelope_problems(reader, &envelope_problems);
	nloop = x837_loop_problems(reader, &loop_problems);
	problems = palloc(Max(nproblems + nloop, 1) * sizeof(X12Problem));
	memcpy(problems, envelope_problems, nproblems * sizeof(X12Problem));
	memcpy(problems + nproblems, loop_problems, nloop * sizeof(X12Problem));
	nproblems += nloop;
	read_structure(data, len, &f);
	if (timestamp2tm(GetCurrentTransactionStartTimestamp(), NULL, &tm, &fsec, NULL, NULL) != 0)
		elog(ERROR, "cleanclaim: the transaction's timestamp is out of range");
	initStringInfo(&out);
	/* the envelope of the answer: its sender is the file's receiver */
	appendStringInfo(&out, "ISA*00*          *00*          *%s*%s*%s*%s*%02d%02d%02d*%02d%02d*^*00501*%09d*0*P*:~\n",
					 fixed(f.isa07.len ? f.isa07 : (X12Str) {"ZZ", 2}, 2), fixed(f.isa08, 15),
					 fixed(f.isa05.len ? f.isa05 : (X12Str) {"ZZ", 2}, 2), fixed(f.isa06, 15),
					 tm.tm_year % 100, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min, control);
	appendStringInfo(&out, "GS*FA*%s*%s*%04d%02d%02d*%02d%02d*%d*X*005010X231A1~\n",
					 text_of(f.isa08.len ? f.isa08 : none), text_of(f.isa06.len ? f.isa06 : none),
					 tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min, control);
	for (g = 0; g < f.ngroups; g++)
	{
		const AckGroup *gr = &f.groups[g];
		int			count = 0;
		int			accepted = 0;
		const char *group_reason = NULL;

		seg(&out, &count, "ST*999*%04d*005010X231A1", g + 1);
		seg(&out, &count, "AK1*HC*%s*%s", text_of(gr->gs06), text_of(gr->gs08));
		for (k = 0; k < gr->ntx; k++)
		{
			const AckTransaction *t = &gr->tx[k];
			int			segment_errors;
			const char *reasons = transaction_reasons(problems, nproblems, t, &segment_errors);

			seg(&out, &count, "AK2*%s*%s*%s", text_of(t->st01), text_of(t->st02), text_of(t->version));
			for (i = 0; i < nproblems; i++)
			{
				const X12Problem *p = &problems[i];

				if (p->file_segment < t->first || p->file_segment > t->last || p->segment_no == 0 ||
					(!is_segment_problem(p->kind) && element_error_code(p->kind) == NULL))
					continue;
				seg(&out, &count, "IK3*%s*" INT64_FORMAT "**%s", p->segment_id, p->segment_no,
					segment_error_code(p->kind));
				if (element_error_code(p->kind) != NULL)
					seg(&out, &count, "IK4*%d**%s", p->element, element_error_code(p->kind));
			}
			if (reasons[0] == '\0')
			{
				seg(&out, &count, "IK5*A");
				accepted++;
			}
			else
				seg(&out, &count, "IK5*R%s", reasons);
		}
		/* the group's own problems: its trailer's count or control number */
		for (i = 0; i < nproblems; i++)
		{
			const X12Problem *p = &problems[i];

			if (p->segment_no != 0 || p->file_segment < gr->first || p->file_segment > gr->last + 1 ||
				strcmp(p->segment_id, "GE") != 0)
				continue;
			group_reason = p->kind == X12P_GROUP_COUNT ? "5" : p->kind == X12P_CONTROL_MISMATCH ? "4" : "3";
			break;
		}
		seg(&out, &count, "AK9*%s*%d*%d*%d%s%s",
			group_reason != NULL || accepted == 0 ? "R" : accepted < gr->ntx ? "P" : "A",
			gr->ntx, gr->ntx, group_reason != NULL ? 0 : accepted,
			group_reason ? "*" : "", group_reason ? group_reason : "");
		appendStringInfo(&out, "SE*%d*%04d~\n", count + 1, g + 1);
	}
	appendStringInfo(&out, "GE*%d*%d~\nIEA*1*%09d~\n", f.ngroups, control, control);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data, out.len));
}
