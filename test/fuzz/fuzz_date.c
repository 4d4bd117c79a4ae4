/*
 * fuzz_date.c
 *	  libFuzzer harness: the date reader on arbitrary bytes (printed dates,
 *	  datelines, file paths).  Every date returned must be a real calendar
 *	  day of its precision, and its span must lie inside the input.
 */
#include "na_date.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check(const NaDate *d, size_t size)
{
	if (!na_date_valid(d->year, d->month, d->day) || d->start > d->end || d->end > size)
		abort();
	if (d->prec == NA_DATE_YEAR && (d->month != 1 || d->day != 1))
		abort();
	if (d->prec == NA_DATE_MONTH && d->day != 1)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	NaDate		d;
	char	   *buf = malloc(size ? size : 1);	/* exact size: ASan sees overreads */

	memcpy(buf, data, size);
	if (na_date_find(buf, size, size, NA_DATE_ACCEPT_COARSE, 2100, &d))
		check(&d, size);
	if (na_date_find_reported(buf, size, 24, 2020, 3, 1, &d))
		check(&d, size);
	if (na_date_find_reported(buf, size, 24, 0, 0, 0, &d))
		check(&d, size);
	if (na_date_from_path(buf, size, &d))
		check(&d, size);
	free(buf);
	return 0;
}
