/*
 * buf.c
 *	  Growable byte buffer used by the text-processing cores.
 */
#include "na_buf.h"
#include "na_utf8.h"

void
na_buf_init(NaBuf *b, size_t cap)
{
	if (cap < 16)
		cap = 16;
	b->data = (char *) na_alloc(cap);
	b->data[0] = '\0';
	b->len = 0;
	b->cap = cap;
}

void
na_buf_reserve(NaBuf *b, size_t extra)
{
	size_t		need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	while (b->cap < need)
		b->cap *= 2;
	b->data = (char *) na_realloc(b->data, b->cap);
}

void
na_buf_append(NaBuf *b, const char *s, size_t len)
{
	na_buf_reserve(b, len);
	memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void
na_buf_append_str(NaBuf *b, const char *s)
{
	na_buf_append(b, s, strlen(s));
}

void
na_buf_append_char(NaBuf *b, char c)
{
	na_buf_append(b, &c, 1);
}

void
na_buf_append_cp(NaBuf *b, uint32_t cp)
{
	char		tmp[4];
	size_t		n = na_utf8_encode(cp, tmp);

	na_buf_append(b, tmp, n);
}

void
na_buf_reset(NaBuf *b)
{
	b->len = 0;
	b->data[0] = '\0';
}

void
na_buf_free(NaBuf *b)
{
	if (b->data)
		na_free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

#ifdef NA_STANDALONE
#include <stdio.h>

bool
na_buf_read_file(NaBuf *b, const char *path)
{
	FILE	   *f;
	char		chunk[1 << 16];
	size_t		n;

	na_buf_init(b, sizeof(chunk));
	if (!(f = fopen(path, "rb")))
		return false;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		na_buf_append(b, chunk, n);
	fclose(f);
	return true;
}
#endif
