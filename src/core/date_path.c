/*
 * date_path.c
 *	  The issue date a file's path names: 20200504, 2020-05-04, 2020_05_04,
 *	  2020.05.04, 2020/05/04 (also as directories, 2020/05/04/page1.txt),
 *	  2020/0504/, or a date printed in the name (人民日报2020年5月4日.txt).
 *
 * Paths hold other numbers too (page numbers, ids, times), so a date must be
 * a whole run of digits (20200504 in 20200504_3.txt, not in 120200504), a
 * real calendar day and a year in the plausible range.  The last date in
 * the path wins: the file's own name is more specific than its directories.
 */
#include "na_date.h"
#include "na_utf8.h"

#define PATH_YEAR_MAX 2200

typedef struct Run
{
	size_t		start,
				end;			/* bytes of a maximal run of ASCII digits */
	long		val;
} Run;

static bool
is_sep(char c)
{
	return c == '-' || c == '_' || c == '.' || c == '/' || c == '\\';
}

static bool
plausible(long y, long m, long d)
{
	return y >= NA_DATE_PLAUSIBLE_MIN && y <= PATH_YEAR_MAX &&
		na_date_valid((int) y, (int) m, (int) d);
}

static size_t
digit_runs(const char *p, size_t len, Run *runs, size_t max)
{
	size_t		n = 0,
				i = 0;

	while (i < len && n < max)
	{
		if (p[i] >= '0' && p[i] <= '9')
		{
			Run		   *r = &runs[n++];

			r->start = i;
			r->val = 0;
			while (i < len && p[i] >= '0' && p[i] <= '9')
			{
				if (r->val < 100000000)
					r->val = r->val * 10 + (p[i] - '0');
				i++;
			}
			r->end = i;
		}
		else
			i++;
	}
	return n;
}

/* runs k, k+1 (, k+2) joined by one separator each form a date */
static bool
date_at_run(const char *p, const Run *runs, size_t n, size_t k, NaDate *out)
{
	const Run  *y = &runs[k];
	size_t		ylen = y->end - y->start;

	if (ylen == 8 && plausible(y->val / 10000, y->val / 100 % 100, y->val % 100))
	{
		out->year = (int) (y->val / 10000);
		out->month = (int) (y->val / 100 % 100);
		out->day = (int) (y->val % 100);
		out->start = y->start;
		out->end = y->end;
		return true;
	}
	if (ylen != 4 || k + 1 >= n)
		return false;
	{
		const Run  *m = &runs[k + 1];
		size_t		mlen = m->end - m->start;

		if (m->start != y->end + 1 || !is_sep(p[y->end]))
			return false;
		/* 2020/0504 */
		if (mlen == 4 && plausible(y->val, m->val / 100, m->val % 100))
		{
			out->year = (int) y->val;
			out->month = (int) (m->val / 100);
			out->day = (int) (m->val % 100);
			out->start = y->start;
			out->end = m->end;
			return true;
		}
		if (mlen > 2 || k + 2 >= n)
			return false;
		{
			const Run  *d = &runs[k + 2];
			size_t		dlen = d->end - d->start;

			if (d->start != m->end + 1 || !is_sep(p[m->end]) || dlen > 2 ||
				!plausible(y->val, m->val, d->val))
				return false;
			out->year = (int) y->val;
			out->month = (int) m->val;
			out->day = (int) d->val;
			out->start = y->start;
			out->end = d->end;
			return true;
		}
	}
}

bool
na_date_from_path(const char *path, size_t len, NaDate *out)
{
	Run			runs[64];
	size_t		n = digit_runs(path, len, runs, 64),
				k;
	bool		found = false;
	NaDate		d;

	memset(out, 0, sizeof(*out));
	for (k = 0; k < n; k++)
	{
		memset(&d, 0, sizeof(d));
		if (date_at_run(path, runs, n, k, &d))
		{
			*out = d;
			found = true;
		}
	}
	if (!found)
	{
		/* a date printed in the name: 2020年5月4日, 民國十九年四月三日 */
		size_t		i = 0;

		while (i < len && na_date_find(path + i, len - i, len, 0, PATH_YEAR_MAX, &d))
		{
			d.start += i;
			d.end += i;
			*out = d;
			found = true;
			i = d.end;
		}
	}
	if (found)
	{
		out->prec = NA_DATE_DAY;
		out->low_confidence = out->year < NA_DATE_PLAUSIBLE_MIN;
	}
	return found;
}
