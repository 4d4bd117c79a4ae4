/*
 * zh_userdict.c
 *	  In-memory dictionary of user words: open-addressing hash table plus a
 *	  first-bytes filter and the set of word lengths present.
 */
#include "zh_userdict.h"

typedef struct UserWord
{
	char	   *word;			/* NULL: empty slot */
	uint32_t	len;
	uint32_t	hash;
	double		weight;
} UserWord;

struct ZhUserDict
{
	UserWord   *slots;
	size_t		nslots;			/* power of two */
	size_t		count;
	uint8_t		first[65536 / 8];	/* filter on the first two bytes */
	uint8_t		lens[ZH_USERDICT_MAX_WORD_BYTES + 1];	/* lengths present */
	size_t		maxlen;
};

static uint32_t
hash_bytes(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;	/* FNV-1a */
	size_t		i;

	for (i = 0; i < len; i++)
	{
		h ^= (uint8_t) s[i];
		h *= 16777619u;
	}
	return h;
}

static unsigned
first_key(const char *s, size_t len)
{
	return ((unsigned) (uint8_t) s[0] << 8) | (len > 1 ? (uint8_t) s[1] : 0);
}

ZhUserDict *
zh_userdict_create(void)
{
	ZhUserDict *ud = (ZhUserDict *) na_alloc0(sizeof(ZhUserDict));

	ud->nslots = 64;
	ud->slots = (UserWord *) na_alloc0(sizeof(UserWord) * ud->nslots);
	return ud;
}

static UserWord *
find_slot(UserWord *slots, size_t nslots, const char *w, size_t len, uint32_t h)
{
	size_t		i = h & (nslots - 1);

	for (;;)
	{
		UserWord   *s = &slots[i];

		if (s->word == NULL ||
			(s->hash == h && s->len == len && memcmp(s->word, w, len) == 0))
			return s;
		i = (i + 1) & (nslots - 1);
	}
}

static void
grow(ZhUserDict *ud)
{
	size_t		n = ud->nslots * 2,
				i;
	UserWord   *slots = (UserWord *) na_alloc0(sizeof(UserWord) * n);

	for (i = 0; i < ud->nslots; i++)
		if (ud->slots[i].word)
			*find_slot(slots, n, ud->slots[i].word, ud->slots[i].len,
					   ud->slots[i].hash) = ud->slots[i];
	na_free(ud->slots);
	ud->slots = slots;
	ud->nslots = n;
}

void
zh_userdict_add(ZhUserDict *ud, const char *word, size_t len, double weight)
{
	uint32_t	h;
	UserWord   *s;
	unsigned	k;

	if (len == 0 || len > ZH_USERDICT_MAX_WORD_BYTES)
		return;
	if ((ud->count + 1) * 2 > ud->nslots)
		grow(ud);
	h = hash_bytes(word, len);
	s = find_slot(ud->slots, ud->nslots, word, len, h);
	if (s->word == NULL)
	{
		s->word = na_strndup(word, len);
		s->len = (uint32_t) len;
		s->hash = h;
		ud->count++;
	}
	s->weight = weight;
	k = first_key(word, len);
	ud->first[k >> 3] |= (uint8_t) (1 << (k & 7));
	ud->lens[len] = 1;
	if (len > ud->maxlen)
		ud->maxlen = len;
}

size_t
zh_userdict_count(const ZhUserDict *ud)
{
	return ud ? ud->count : 0;
}

void
zh_userdict_free(ZhUserDict *ud)
{
	size_t		i;

	if (!ud)
		return;
	for (i = 0; i < ud->nslots; i++)
		if (ud->slots[i].word)
			na_free(ud->slots[i].word);
	na_free(ud->slots);
	na_free(ud);
}

bool
zh_userdict_lookup(const ZhUserDict *ud, const char *word, size_t len, double *weight)
{
	UserWord   *s;

	if (!ud || ud->count == 0 || len == 0 || len > ud->maxlen)
		return false;
	s = find_slot(ud->slots, ud->nslots, word, len, hash_bytes(word, len));
	if (s->word == NULL)
		return false;
	if (weight)
		*weight = s->weight;
	return true;
}

int
zh_userdict_prefixes(const ZhUserDict *ud, const char *text, size_t len,
					 size_t *lens, double *weights, int max)
{
	size_t		l;
	int			n = 0;
	unsigned	k;

	if (!ud || ud->count == 0 || len == 0 || max <= 0)
		return 0;
	k = first_key(text, len);
	/* a one-byte word's key has 0 as its second byte */
	if (!(ud->first[k >> 3] & (1 << (k & 7))) &&
		!(ud->first[(k & 0xFF00) >> 3] & (1 << ((k & 0xFF00) & 7))))
		return 0;
	for (l = (ud->maxlen < len ? ud->maxlen : len); l > 0 && n < max; l--)
	{
		double		w;

		/* only whole UTF-8 sequences: the next byte must start a character */
		if (!ud->lens[l] || (l < len && (((uint8_t) text[l]) & 0xC0) == 0x80))
			continue;
		if (zh_userdict_lookup(ud, text, l, &w))
		{
			lens[n] = l;
			if (weights)
				weights[n] = w;
			n++;
		}
	}
	return n;
}
