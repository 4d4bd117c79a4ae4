/*
 * zh_keyset.c
 *	  A set of 32-bit index keys: see include/zh_keyset.h.
 */
#include "zh_keyset.h"

/*
 * The key INT32_MIN is stored as 0 after the XOR, which also marks a free
 * slot; it is kept apart in a flag word at the end of the table (and in the
 * list as 0).  The list lets zh_keyset_finish() and a growing table read the
 * distinct keys without scanning the table, which is sized for the text's
 * length and may be mostly empty.
 */
#define HAS_MIN(set)	((set)->slots[(set)->cap])

static void
alloc_slots(ZhKeySet *set, size_t cap)
{
	int			bits = 0;

	while (((size_t) 1 << bits) < cap)
		bits++;
	set->cap = (size_t) 1 << bits;
	set->shift = 32 - bits;
	set->slots = (uint32_t *) na_alloc0((set->cap + 1) * sizeof(uint32_t));
	set->list = (uint32_t *) na_alloc((set->cap / 2 + 1) * sizeof(uint32_t));
}

void
zh_keyset_init(ZhKeySet *set, size_t expect)
{
	size_t		cap = 64;

	while (cap < expect * 2 && cap < ((size_t) 1 << 30))
		cap *= 2;
	set->count = 0;
	alloc_slots(set, cap);
}

/* a key not in the table yet goes into the table (the list is the caller's) */
static void
insert_new(ZhKeySet *set, uint32_t u)
{
	size_t		mask = set->cap - 1,
				i = (size_t) ((u * 0x9E3779B1u) >> set->shift);

	while (set->slots[i] != 0)
	{
		if (set->slots[i] == u)
			return;
		i = (i + 1) & mask;
	}
	set->slots[i] = u;
}

/* is u in the table (u != 0)? */
static bool
contains(const ZhKeySet *set, uint32_t u)
{
	size_t		mask = set->cap - 1,
				i = (size_t) ((u * 0x9E3779B1u) >> set->shift);

	for (; set->slots[i] != 0; i = (i + 1) & mask)
		if (set->slots[i] == u)
			return true;
	return false;
}

/* the rare cases of zh_keyset_add(): the INT32_MIN key, a full table */
void
zh_keyset_add_slow(ZhKeySet *set, uint32_t u)
{
	if (u == 0)
	{
		if (!HAS_MIN(set))
		{
			HAS_MIN(set) = 1;
			set->list[set->count++] = 0;
		}
		return;
	}
	if (contains(set, u))
		return;
	if ((set->count + 1) * 2 > set->cap)
	{
		uint32_t   *old_list = set->list;
		size_t		i;
		uint32_t	has_min = HAS_MIN(set);

		na_free(set->slots);
		alloc_slots(set, set->cap * 2);
		HAS_MIN(set) = has_min;
		for (i = 0; i < set->count; i++)
		{
			set->list[i] = old_list[i];
			if (old_list[i] != 0)
				insert_new(set, old_list[i]);
		}
		na_free(old_list);
	}
	insert_new(set, u);
	set->list[set->count++] = u;
}

/*
 * LSD radix sort of keys XOR 0x80000000 (unsigned order of those is the
 * signed order of the keys), 8 bits a pass; passes whose byte is the same in
 * every key are skipped.  Returns the array holding the result: a or tmp.
 */
static uint32_t *
radix_sort(uint32_t *a, uint32_t *tmp, size_t n)
{
	size_t		count[4][256];
	size_t		i;
	int			pass;

	memset(count, 0, sizeof(count));
	for (i = 0; i < n; i++)
	{
		uint32_t	u = a[i];

		count[0][u & 0xFF]++;
		count[1][(u >> 8) & 0xFF]++;
		count[2][(u >> 16) & 0xFF]++;
		count[3][u >> 24]++;
	}
	for (pass = 0; pass < 4; pass++)
	{
		size_t	   *c = count[pass],
					sum = 0;
		int			shift = pass * 8;
		uint32_t   *swap;

		if (c[(a[0] >> shift) & 0xFF] == n)
			continue;
		for (i = 0; i < 256; i++)
		{
			size_t		k = c[i];

			c[i] = sum;
			sum += k;
		}
		for (i = 0; i < n; i++)
			tmp[c[(a[i] >> shift) & 0xFF]++] = a[i];
		swap = a;
		a = tmp;
		tmp = swap;
	}
	return a;
}

static void
insertion_sort(uint32_t *a, size_t n)
{
	size_t		i,
				j;

	for (i = 1; i < n; i++)
	{
		uint32_t	u = a[i];

		for (j = i; j > 0 && a[j - 1] > u; j--)
			a[j] = a[j - 1];
		a[j] = u;
	}
}

/* sort u-values (keys XOR 0x80000000) in place */
static void
sort_u(uint32_t *a, size_t n)
{
	uint32_t   *tmp,
			   *res;

	if (n < 48)
	{
		insertion_sort(a, n);
		return;
	}
	tmp = (uint32_t *) na_alloc(n * sizeof(uint32_t));
	res = radix_sort(a, tmp, n);
	if (res != a)
		memcpy(a, res, n * sizeof(uint32_t));
	na_free(tmp);
}

void
zh_keys_sort(int32_t *keys, size_t n)
{
	uint32_t   *u = (uint32_t *) keys;
	size_t		i;

	for (i = 0; i < n; i++)
		u[i] ^= ZH_KEYSET_EMPTY;
	sort_u(u, n);
	for (i = 0; i < n; i++)
		u[i] ^= ZH_KEYSET_EMPTY;
}

size_t
zh_keyset_finish(ZhKeySet *set, int32_t **keys)
{
	size_t		n = set->count,
				i;
	uint32_t   *out = set->list;

	na_free(set->slots);
	set->slots = NULL;
	set->list = NULL;
	if (n == 0)
	{
		na_free(out);
		*keys = NULL;
		return 0;
	}
	sort_u(out, n);
	for (i = 0; i < n; i++)
		out[i] ^= ZH_KEYSET_EMPTY;
	*keys = (int32_t *) out;
	return n;
}
