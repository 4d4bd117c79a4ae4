/*
 * zh_substr_keys.c
 *	  Index keys of a text for the "&@" GIN operator class: see zh_substr.h.
 */
#include "zh_substr.h"
#include "zh_keyset.h"

/*
 * Keys that are not BMP bigrams live where no BMP bigram can: the first
 * code point of a bigram key is never a surrogate (D800..DFFF).
 */
#define KEY_SUPP_BIGRAM	0xD8000000u		/* D800..DBFF: hashed */
#define KEY_SUPP_CHAR	0xDC000000u		/* DC00..DC10: the code point */
#define KEY_LONG		0xDD000000u		/* the text is long: it has trigrams */
#define KEY_MID			0xDD000001u		/* it has the trigrams of common middle */
#define KEY_MID_TRIGRAM	0xDD010000u		/* DD01xxxx: those, hashed to 16 bits */
#define KEY_TRIGRAM		0xDE000000u		/* DE00..DFFF: hashed */

int32_t
zh_substr_key_long(void)
{
	return (int32_t) KEY_LONG;
}

int32_t
zh_substr_key_mid(void)
{
	return (int32_t) KEY_MID;
}

static uint32_t
trigram_hash(uint32_t a, uint32_t b, uint32_t c)
{
	uint32_t	h = a * 0x9E3779B1u;

	h ^= h >> 15;
	h += b * 0x85EBCA77u;
	h ^= h >> 13;
	h += c * 0xC2B2AE3Du;
	h ^= h >> 16;
	return h;
}

int32_t
zh_substr_key_trigram(uint32_t a, uint32_t b, uint32_t c)
{
	return (int32_t) (KEY_TRIGRAM | (trigram_hash(a, b, c) & 0x01FFFFFFu));
}

/*
 * A text of fewer than ZH_SUBSTR_LONG_BYTES has at most a few thousand
 * such trigrams, so 65,536 keys let few false ones through, and their
 * posting lists stay dense (a key a trigram would cost as much as its rows).
 */
int32_t
zh_substr_key_mid_trigram(uint32_t a, uint32_t b, uint32_t c)
{
	return (int32_t) (KEY_MID_TRIGRAM | (trigram_hash(a, b, c) >> 16));
}

int32_t
zh_substr_key_char(uint32_t cp)
{
	return (int32_t) (cp < 0x10000 ? cp : (KEY_SUPP_CHAR | cp));
}

int32_t
zh_substr_key_bigram(uint32_t a, uint32_t b)
{
	uint32_t	h;

	if (a < 0x10000 && b < 0x10000)
		return (int32_t) ((a << 16) | b);
	/* a small multiplicative mix; collisions only cost a recheck */
	h = a * 0x9E3779B1u;
	h ^= h >> 15;
	h += b * 0x85EBCA77u;
	h ^= h >> 13;
	return (int32_t) (KEY_SUPP_BIGRAM | (h & 0x03FFFFFFu));
}

/*
 * A low surrogate never follows a character in text, so no bigram key has
 * it as its second half: the end key is inside cp's prefix range and is
 * no bigram's.
 */
#define END_LOW			0xDC00u

int32_t
zh_substr_key_end(uint32_t cp)
{
	return (int32_t) ((cp << 16) | END_LOW);
}

int32_t
zh_substr_key_prefix(uint32_t cp)
{
	return (int32_t) (cp << 16);
}

bool
zh_substr_key_in_prefix(int32_t prefix, int32_t key)
{
	return ((uint32_t) prefix >> 16) == ((uint32_t) key >> 16);
}

/* sort and drop duplicates; returns the new count */
size_t
zh_substr_keys_unique(int32_t *keys, size_t n)
{
	size_t		i,
				m = 0;

	if (n == 0)
		return 0;
	zh_keys_sort(keys, n);
	for (i = 1; i < n; i++)
		if (keys[i] != keys[m])
			keys[++m] = keys[i];
	return m + 1;
}

size_t
zh_keys_lower_bound(const int32_t *keys, size_t n, int32_t key)
{
	size_t		lo = 0,
				hi = n;

	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;

		if (keys[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Turn the own keys of non-common BMP characters into end keys.  Such a
 * character needs no key of its own where it starts a bigram key: a
 * one-character query finds it by a partial match over its prefix.  Where
 * it starts none (it ends the text, or comes before a supplementary one),
 * its key becomes the end key (cp, END_LOW), which lies inside the same
 * prefix range; so the query reads one partial-match entry only.
 *
 * Why not the own key (as before 2026-12-04): a query then ORs an exact
 * entry (the own key) with a partial one, and when the partial match's
 * bitmap turns lossy (work_mem), GIN sees an exact item and a lossy page of
 * the same heap page in one required OR group: it takes the exact item as
 * the smallest possible match and skips the other entries' items before it
 * on that page, so rows were lost ("7 2" found 11,995 of 12,668 rows at
 * work_mem 64kB, bench/search.md).  One entry per character cannot be split that way.
 *
 * The keys are sorted (signed order) on entry; end keys of characters at
 * U+8000 and above are negative, so the changed keys are sorted apart and
 * merged back.
 */
static size_t
own_keys_to_ends(int32_t *keys, size_t n)
{
	int32_t    *ends = (int32_t *) na_alloc(n * sizeof(int32_t));
	size_t		i,
				m = 0,
				ne = 0,
				out;

	for (i = 0; i < n; i++)
	{
		int32_t		k = keys[i];

		if (k > 0 && k < 0x10000 && !zh_substr_char_common((uint32_t) k))
		{
			int32_t		prefix = zh_substr_key_prefix((uint32_t) k);
			size_t		at = zh_keys_lower_bound(keys, n, prefix);

			if (at >= n || !zh_substr_key_in_prefix(prefix, keys[at]))
				ends[ne++] = zh_substr_key_end((uint32_t) k);
			continue;
		}
		keys[m++] = k;
	}
	/* merge keys[0..m) and the sorted ends[0..ne) from the back */
	zh_keys_sort(ends, ne);
	out = m + ne;
	while (ne > 0)
	{
		if (m > 0 && keys[m - 1] > ends[ne - 1])
		{
			keys[m + ne - 1] = keys[m - 1];
			m--;
		}
		else
		{
			keys[m + ne - 1] = ends[ne - 1];
			ne--;
		}
	}
	na_free(ends);
	return out;
}

/*
 * The keys go into a hash set as they are read (a text repeats its
 * characters and bigrams many times) and are sorted once at the end.
 *
 * A BMP character's own key is left out where the character starts a
 * bigram of two BMP characters anywhere in the text: a one-character query
 * finds it by a partial match over the bigram keys it starts
 * (zh_substr_key_prefix).  Own keys are kept for supplementary characters
 * (their bigram keys are hashed); a BMP character that starts only hashed
 * bigrams or none (the last one) gets its end key instead (inside its
 * prefix range, see own_keys_to_ends); the most frequent Han
 * characters keep their own key everywhere (zh_substr_char_common): a
 * one-character query for one of
 * those reads its own key alone, one posting list instead of the thousands
 * of bigram keys such a character starts (about 7.5 % more keys on news
 * text, bench/search.md).  every_char keeps every character's key (an
 * index whose operator family cannot match partially).
 *
 * Trigram keys spare the recheck of texts that have all of a term's
 * bigrams but not the term.  A long text has them all (marker KEY_LONG).
 * A text stored out of line (ZH_SUBSTR_MID_BYTES and more) has those whose
 * middle character is a common one (marker KEY_MID): their two bigrams are
 * the ones most texts hold apart (和国 and 国家 without 和国家), and they are
 * about a quarter of a text's trigrams (bench/search.md).
 */
size_t
zh_substr_keys(const char *s, size_t len, bool every_char, int32_t **keys)
{
	ZhFoldStream st;
	ZhKeySet	set;
	uint32_t	cp,
				prev = 0,
				prev2 = 0;
	size_t		a,
				b,
				n,
				ncp = 0;
	bool		is_long = len >= ZH_SUBSTR_LONG_BYTES,
				is_mid = !is_long && len >= ZH_SUBSTR_MID_BYTES;

	/* distinct keys grow slower than the text: a guess, the set grows */
	zh_keyset_init(&set, len < 8192 ? len : 8192);
	zh_fold_stream_init(&st, s, len);
	if (is_long)
		zh_keyset_add(&set, zh_substr_key_long());
	else if (is_mid)
		zh_keyset_add(&set, zh_substr_key_mid());
	while (zh_fold_next(&st, &cp, &a, &b))
	{
		if (ncp > 0)
		{
			zh_keyset_add(&set, zh_substr_key_bigram(prev, cp));
			if (every_char || prev >= 0x10000 || cp >= 0x10000 ||
				zh_substr_char_common(prev))
				zh_keyset_add(&set, zh_substr_key_char(prev));
		}
		if (is_long && ncp > 1)
			zh_keyset_add(&set, zh_substr_key_trigram(prev2, prev, cp));
		else if (is_mid && ncp > 1 && zh_substr_char_common(prev))
			zh_keyset_add(&set, zh_substr_key_mid_trigram(prev2, prev, cp));
		prev2 = prev;
		prev = cp;
		if ((++ncp & 0xFFFF) == 0)
			na_check_interrupts();
	}
	if (ncp > 0)
		zh_keyset_add(&set, zh_substr_key_char(prev));
	n = zh_keyset_finish(&set, keys);
	return every_char ? n : own_keys_to_ends(*keys, n);
}
