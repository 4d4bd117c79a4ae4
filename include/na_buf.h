/*
 * na_buf.h
 *	  A growable byte buffer for the cores (the standalone twin of StringInfo).
 */
#ifndef NA_BUF_H
#define NA_BUF_H

#include "na_port.h"

typedef struct NaBuf
{
	char	   *data;			/* always NUL-terminated */
	size_t		len;
	size_t		cap;
} NaBuf;

extern void na_buf_init(NaBuf *b, size_t cap);
extern void na_buf_reserve(NaBuf *b, size_t extra);
extern void na_buf_append(NaBuf *b, const char *s, size_t len);
extern void na_buf_append_str(NaBuf *b, const char *s);
extern void na_buf_append_char(NaBuf *b, char c);
extern void na_buf_append_cp(NaBuf *b, uint32_t cp);
extern void na_buf_reset(NaBuf *b);
extern void na_buf_free(NaBuf *b);

#ifdef NA_STANDALONE
/*
 * tools and tests only: a whole file into b (initialised here, empty
 * if the file is unreadable: then false)
 */
extern bool na_buf_read_file(NaBuf *b, const char *path);
#endif

#endif							/* NA_BUF_H */
