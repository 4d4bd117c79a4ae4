/*
 * date_reported.c
 *	  The day a dateline or a lead names (新华社北京5月3日电, 本报讯 四月三號,
 *	  昨天), resolved against the issue's date.
 *
 * A full date stands alone.  A month-day or a bare day borrows the issue's
 * year and month: announcements run a few weeks ahead, so a month-day more
 * than 60 days after the issue is last year's, and a day after the issue's
 * own day is last month's.  The first number in ASCII or full-width digits
 * decides: when it is no date, the lead names none.  Chinese numerals are
 * also ordinary words (一名记者), so they decide only when they form a date.
 */
#include "date_internal.h"
#include "na_utf8.h"

/* days since 1970-01-01 of a proleptic Gregorian date */
static long
days_from_civil(int y, int m, int d)
{
	long		era,
				yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(long z, int *y, int *m, int *d)
{
	long		era,
				doe,
				yoe,
				doy,
				mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = (int) (mp < 10 ? mp + 3 : mp - 9);
	*y = (int) (yoe + era * 400 + (*m <= 2));
}

static bool
set_day(NaDate *out, int y, int m, int d, size_t start, size_t end)
{
	if (!na_date_valid(y, m, d))
		return false;
	memset(out, 0, sizeof(*out));
	out->year = y;
	out->month = m;
	out->day = d;
	out->prec = NA_DATE_DAY;
	out->low_confidence = y < NA_DATE_PLAUSIBLE_MIN;
	out->start = start;
	out->end = end;
	return true;
}

/* 昨天, 今日, ...: the issue's day moved by delta */
static bool
relative_day(const char *s, size_t len, int iy, int im, int id, size_t at, NaDate *out)
{
	static const struct
	{
		const char *word;
		int			delta;
	}			rel[] = {{"昨天", -1}, {"昨日", -1}, {"前天", -2}, {"今天", 0}, {"今日", 0}};
	int			r,
				y,
				m,
				d;

	for (r = 0; r < 5; r++)
		if (len >= strlen(rel[r].word) && memcmp(s, rel[r].word, strlen(rel[r].word)) == 0)
		{
			civil_from_days(days_from_civil(iy, im, id) + rel[r].delta, &y, &m, &d);
			return set_day(out, y, m, d, at, at + strlen(rel[r].word));
		}
	return false;
}

/*
 * M月D日 or D日 at s (s + at in the lead); returns 1 for a date, 0 for a
 * number that is no date, -1 for no number at all.
 */
static int
month_day(const char *s, size_t len, int iy, int im, int id, size_t at,
		  bool *arabic, NaDate *out)
{
	long		v1,
				v2;
	bool		ar2;
	size_t		k = na_date_read_number(s, len, &v1, arabic),
				k2,
				dm;

	if (k == 0)
		return -1;
	if (len - k >= 3 && memcmp(s + k, "月", 3) == 0 && v1 >= 1 && v1 <= 12 &&
		(k2 = na_date_read_number(s + k + 3, len - k - 3, &v2, &ar2)) > 0 &&
		(dm = na_date_day_mark(s + k + 3 + k2, len - k - 3 - k2)) > 0 && v2 >= 1 && v2 <= 31)
	{
		int			yy = iy;

		if (days_from_civil(yy, (int) v1, v2 > 28 ? 28 : (int) v2) - days_from_civil(iy, im, id) > 60)
			yy--;
		return set_day(out, yy, (int) v1, (int) v2, at, at + k + 3 + k2 + dm) ? 1 : 0;
	}
	/* a bare day ends in 日 only: 3号线, 12號樓 are no dates */
	if (len - k >= 3 && memcmp(s + k, "日", 3) == 0 && v1 >= 1 && v1 <= 31)
	{
		int			yy = iy,
					mm = im;

		if (v1 > id && --mm == 0)
		{
			mm = 12;
			yy--;
		}
		return set_day(out, yy, mm, (int) v1, at, at + k + 3) ? 1 : 0;
	}
	return 0;
}

bool
na_date_find_reported(const char *s, size_t len, size_t max_chars,
					  int iy, int im, int id, NaDate *out)
{
	bool		have_issue = na_date_valid(iy, im, id);
	size_t		i = 0,
				n = 0,
				adv;

	memset(out, 0, sizeof(*out));
	while (i < len && n <= max_chars)
	{
		bool		arabic = false;
		int			r;

		if (na_date_parse_at(s + i, len - i, 0, 0, out) > 0 && out->prec == NA_DATE_DAY)
		{
			out->start = i;
			out->end += i;
			return true;
		}
		if (have_issue)
		{
			if (n < 8 && relative_day(s + i, len - i, iy, im, id, i, out))
				return true;
			r = month_day(s + i, len - i, iy, im, id, i, &arabic, out);
			if (r == 1)
				return true;
			if (r == 0 && arabic)
				break;
		}
		else
		{
			long		v;

			if (na_date_read_number(s + i, len - i, &v, &arabic) > 0 && arabic)
				break;
		}
		na_utf8_decode(s + i, len - i, &adv);
		i += adv;
		n++;
	}
	memset(out, 0, sizeof(*out));
	return false;
}
