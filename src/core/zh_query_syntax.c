/*
 * zh_query_syntax.c
 *	  Syntax of the Chinese web-search queries: see zh_query_syntax.h.
 */
#include "zh_query_syntax.h"
#include "na_utf8.h"

static bool
is_quote(uint32_t cp)
{
	return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0xFF02;
}

size_t
zh_query_split(const char *s, size_t len, ZhQTerm **terms)
{
	ZhQTerm    *out = NULL;
	size_t		n = 0,
				cap = 0,
				i = 0;
	bool		pending_or = false;

	*terms = NULL;
	while (i < len)
	{
		size_t		adv,
					start,
					end;
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);
		bool		negated = false;

		if (na_is_space(cp))
		{
			i += adv;
			continue;
		}
		/* OR / | between terms */
		if ((cp == 'O' && i + 2 <= len && s[i + 1] == 'R' &&
			 (i + 2 == len || na_is_space((unsigned char) s[i + 2]))) || cp == '|')
		{
			pending_or = n > 0;
			i += (cp == '|') ? 1 : 2;
			continue;
		}
		if (cp == '-' || cp == 0xFF0D)
		{
			negated = true;
			i += adv;
			if (i >= len)
				break;
			cp = na_utf8_decode(s + i, len - i, &adv);
		}
		if (is_quote(cp))
		{
			i += adv;
			start = i;
			while (i < len)
			{
				cp = na_utf8_decode(s + i, len - i, &adv);
				if (is_quote(cp))
					break;
				i += adv;
			}
			end = i;
			if (i < len)
				i += adv;
		}
		else
		{
			start = i;
			while (i < len)
			{
				cp = na_utf8_decode(s + i, len - i, &adv);
				if (na_is_space(cp) || is_quote(cp))
					break;
				i += adv;
			}
			end = i;
		}
		if (n == cap)
		{
			cap = cap ? cap * 2 : 16;
			out = (ZhQTerm *) na_realloc(out, cap * sizeof(ZhQTerm));
		}
		out[n].start = (uint32_t) start;
		out[n].end = (uint32_t) end;
		out[n].negated = negated;
		out[n].or_prev = pending_or;
		n++;
		pending_or = false;
		if ((n & 0x3FF) == 0)
			na_check_interrupts();
	}
	*terms = out;
	return n;
}
