/*
 * zh_keyset.h
 *	  A set of 32-bit index keys (plain C core): keys are added one by one,
 *	  duplicates dropped on the way by an open-addressing hash table, and the
 *	  distinct keys come out sorted in signed order (the order of btint4cmp,
 *	  the GIN operator class's compare function) by a radix sort.  Texts
 *	  repeat their characters and bigrams many times, so the set stays far
 *	  smaller than the stream of keys, and nothing is sorted twice.
 */
#ifndef ZH_KEYSET_H
#define ZH_KEYSET_H

#include "na_port.h"

typedef struct ZhKeySet
{
	uint32_t   *slots;			/* keys XOR the empty marker; 0 = empty */
	uint32_t   *list;			/* the same, densely, in the order added
								 * (room for cap / 2 + 1: the table is kept
								 * at most half full) */
	size_t		cap;			/* slots, a power of two */
	size_t		count;			/* distinct keys held */
	int			shift;			/* 32 - log2(cap) */
} ZhKeySet;

/* an empty set sized for about expect distinct keys */
extern void zh_keyset_init(ZhKeySet *set, size_t expect);

extern void zh_keyset_add_slow(ZhKeySet *set, uint32_t u);

/* slots hold key ^ ZH_KEYSET_EMPTY, so that 0 marks a free slot */
#define ZH_KEYSET_EMPTY	0x80000000u

static inline void
zh_keyset_add(ZhKeySet *set, int32_t key)
{
	uint32_t	u = (uint32_t) key ^ ZH_KEYSET_EMPTY;
	size_t		mask = set->cap - 1,
				i;

	if (u == 0 || (set->count + 1) * 2 > set->cap)
	{
		zh_keyset_add_slow(set, u);
		return;
	}
	i = (size_t) ((u * 0x9E3779B1u) >> set->shift);
	while (set->slots[i] != 0)
	{
		if (set->slots[i] == u)
			return;
		i = (i + 1) & mask;
	}
	set->slots[i] = u;
	set->list[set->count++] = u;
}

/*
 * The distinct keys, sorted (signed order), in a new na_alloc'ed array
 * (NULL when the set is empty); frees the set.  Returns the count.
 */
extern size_t zh_keyset_finish(ZhKeySet *set, int32_t **keys);

/* sort keys in signed order (radix sort); n may be 0 */
extern void zh_keys_sort(int32_t *keys, size_t n);

#endif							/* ZH_KEYSET_H */
