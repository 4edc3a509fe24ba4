/*
 * x12.c
 *	  Cutting an X12 file into segments and elements, in place.
 *
 * The ISA segment is fixed-width (106 characters with its terminator), which
 * is how a reader learns the separators before it can split anything: the
 * element separator is its 4th character, the repetition separator ISA11
 * (offset 82), the component separator ISA16 (offset 104) and the segment
 * terminator the character after it (offset 105).  An ISA that is not of
 * that shape is split by its element separator instead (a slip the
 * validator reports: isa_ok is false).  Before any ISA the usual separators
 * (* : ^ ~) are assumed.  Line breaks and blanks between segments are
 * skipped, so files with one segment per line read the same.
 */
#include "postgres.h"

#include <ctype.h>

#include "x12/x12.h"

#define ISA_LENGTH 106

void
x12_reader_init(X12Reader *r, const char *data, int64 len)
{
	memset(r, 0, sizeof(*r));
	r->data = data;
	r->len = len;
	r->sep.element = '*';
	r->sep.component = ':';
	r->sep.repetition = '^';
	r->sep.segment = '~';
	r->isa_ok = true;
}

static inline bool
is_blank(char c)
{
	return c == '\r' || c == '\n' || c == ' ' || c == '\t';
}

/* The separators of a fixed-width ISA at p (len bytes left); false when it is not one. */
static bool
fixed_isa_separators(const char *p, int64 len, X12Separators *sep)
{
	char		e = p[3];
	int			count = 0;
	int			i;

	if (len < ISA_LENGTH)
		return false;
	for (i = 3; i < 104; i++)
		if (p[i] == e)
			count++;
	if (count != 16 || p[103] != e || p[83] != e || p[89] != e)
		return false;
	sep->element = e;
	sep->component = p[104];
	sep->segment = p[105];
	/* ISA11 is the repetition separator from version 00402 on, before it "U" */
	sep->repetition = (p[82] == 'U' && memcmp(p + 84, "00402", 5) < 0) ? '\0' : p[82];
	return sep->component != e && sep->segment != e && sep->segment != sep->component;
}

/*
 * The separators of an ISA of the wrong width: ISA16 is the character after
 * the 16th element separator, the terminator the one after that.
 */
static bool
split_isa_separators(const char *p, int64 len, X12Separators *sep)
{
	char		e = p[3];
	int			count = 0;
	int64		i;

	for (i = 3; i < len && i < 4 * ISA_LENGTH; i++)
		if (p[i] == e && ++count == 16)
			break;
	if (count != 16 || i + 2 >= len)
		return false;
	sep->element = e;
	sep->component = p[i + 1];
	sep->segment = p[i + 2];
	sep->repetition = '^';
	return sep->component != e && sep->segment != e;
}

static void
read_isa_separators(X12Reader *r)
{
	const char *p = r->data + r->pos;
	int64		left = r->len - r->pos;

	r->isa_ok = fixed_isa_separators(p, left, &r->sep);
	if (!r->isa_ok && !split_isa_separators(p, left, &r->sep))
	{
		/* no separators to be had: keep the ones before, and say the ISA is bad */
		r->isa_ok = false;
	}
	r->have_separators = true;
	r->component_settled = false;
}

bool
x12_settle_component_separator(X12Reader *r, X12Str composite, char *declared)
{
	char		other = r->sep.component == ':' ? '>' : ':';

	if (r->component_settled || composite.len == 0)
		return false;
	r->component_settled = true;
	if (memchr(composite.s, r->sep.component, composite.len) != NULL || memchr(composite.s, other, composite.len) == NULL ||
		other == r->sep.element || other == r->sep.segment || other == r->sep.repetition)
		return false;
	*declared = r->sep.component;
	r->sep.component = other;
	return true;
}

X12Problem
x12_separator_slip(int64 isa_number, char declared, char used)
{
	X12Problem	p;

	memset(&p, 0, sizeof(p));
	p.kind = X12P_SEPARATOR_MISMATCH;
	p.file_segment = isa_number;
	strlcpy(p.segment_id, "ISA", sizeof(p.segment_id));
	p.element = 16;
	p.transaction_control = X12_NO_STR;
	p.message = psprintf("ISA16 declares \"%c\" as the component separator, but the composites are written with \"%c\" (read as written)",
						 declared, used);
	return p;
}

X12ReadStatus
x12_next_segment(X12Reader *r, X12Segment *seg)
{
	const char *start;
	const char *end;
	const char *p;
	int64		left;
	int			n;
	char		element;

	while (r->pos < r->len && (is_blank(r->data[r->pos]) || r->data[r->pos] == '\0'))
		r->pos++;
	if (r->pos >= r->len)
		return X12_END;
	left = r->len - r->pos;
	start = r->data + r->pos;
	if (left >= 4 && start[0] == 'I' && start[1] == 'S' && start[2] == 'A' && !isalnum((unsigned char) start[3]))
		read_isa_separators(r);
	end = memchr(start, r->sep.segment, left);
	if (end == NULL)
		end = start + left;		/* a truncated file: the rest is the last segment */

	seg->offset = r->pos;
	seg->number = ++r->segments;
	n = 0;
	seg->el[0].s = start;
	/* (the separator in a local: stores into seg could otherwise alias it) */
	element = r->sep.element;
	for (p = start; p < end; p++)
	{
		if (*p != element)
			continue;
		if (n <= X12_MAX_ELEMENTS)
			seg->el[n].len = (int) (p - seg->el[n].s);
		n++;
		if (n <= X12_MAX_ELEMENTS)
			seg->el[n].s = p + 1;
	}
	if (n <= X12_MAX_ELEMENTS)
		seg->el[n].len = (int) (end - seg->el[n].s);
	seg->nelements = n;
	seg->id = seg->el[0];
	/* trailing blanks of the id, in files written one segment per line with spaces */
	while (seg->id.len > 0 && is_blank(seg->id.s[seg->id.len - 1]))
		seg->id.len--;
	seg->key = x12_segment_key(seg->id);
	r->pos = (end - r->data) + (end < r->data + r->len ? 1 : 0);
	return X12_SEGMENT;
}

int
x12_components(X12Str element, char separator, X12Str *out, int max)
{
	const char *p = element.s;
	const char *end = element.s + element.len;
	int			n = 0;

	if (max <= 0)
		return 0;
	out[0].s = p;
	for (; p < end; p++)
		if (*p == separator)
		{
			out[n].len = (int) (p - out[n].s);
			if (++n >= max)
				return n;
			out[n].s = p + 1;
		}
	out[n].len = (int) (end - out[n].s);
	return n + 1;
}

X12Str
x12_component(X12Str element, char separator, int i)
{
	X12Str		parts[X12_MAX_COMPONENTS];
	X12Str		none = {"", 0};
	int			n = x12_components(element, separator, parts, X12_MAX_COMPONENTS);

	return i >= 1 && i <= n ? parts[i - 1] : none;
}

bool
x12_is_one_of(X12Str value, const char *codes)
{
	const char *p = codes;

	/* one walk over the list: each code compared as it passes */
	while (*p != '\0')
	{
		int			i = 0;

		while (i < value.len && p[i] == value.s[i])
			i++;
		if (i == value.len && (p[i] == ' ' || p[i] == '\0'))
			return true;
		while (*p != ' ' && *p != '\0')
			p++;
		while (*p == ' ')
			p++;
	}
	return false;
}
