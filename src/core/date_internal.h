/*
 * date_internal.h
 *	  Pieces of the date reader shared by date_parse.c and date_reported.c.
 */
#ifndef DATE_INTERNAL_H
#define DATE_INTERNAL_H

#include "na_date.h"

/* a number in any digits or Chinese numerals at s: bytes read, 0 when none */
extern size_t na_date_read_number(const char *s, size_t len, long *val, bool *arabic);

/* 日, 號 or 号 at s: its bytes, else 0 */
extern size_t na_date_day_mark(const char *s, size_t len);

#endif							/* DATE_INTERNAL_H */
