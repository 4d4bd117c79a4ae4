/*
 * test_cohesion: the cohesion figures of split_cohesion.c, whose windows
 * slide along the sequence's bigrams, against the same figures computed
 * afresh at every line from sets built for that line alone (the way they
 * were computed before the windows slid, and what the fitted weights were
 * learned on).  Random sequences of Han text with short and long lines,
 * empty lines and runs of function characters; every field of every line
 * must agree.
 */
#include "../../src/core/split_internal.h"
#include "na_buf.h"
#include "na_test.h"

#include <stdlib.h>
#include <string.h>

/* the constants of split_cohesion.c, restated: the reference is separate */
#define WINDOW		200
#define LINES		8
#define LONG_W		500
#define BITS		4096
#define SHORT		50

typedef struct Ref
{
	uint64_t	w[BITS / 64];
} Ref;

static void
ref_add(Ref *r, uint32_t h)
{
	r->w[(h >> 20) % (BITS / 64)] |= (uint64_t) 1 << (h & 63);
}

static int
popc(uint64_t x)
{
	int			n = 0;

	for (; x; x &= x - 1)
		n++;
	return n;
}

static void
ref_count(const Ref *a, const Ref *b, int *common, int *ca, int *cb)
{
	int			i;

	*common = *ca = *cb = 0;
	for (i = 0; i < BITS / 64; i++)
	{
		*common += popc(a->w[i] & b->w[i]);
		*ca += popc(a->w[i]);
		*cb += popc(b->w[i]);
	}
}

static int
ref_overlap(const Ref *a, const Ref *b)
{
	int			common,
				ca,
				cb;

	ref_count(a, b, &common, &ca, &cb);
	common -= (ca * cb + BITS / 2) / BITS;
	if (common < 0)
		common = 0;
	return ca && cb ? common * 100 / (ca < cb ? ca : cb) : 0;
}

/* bigrams lo .. hi - 1 into a fresh set; returns their number */
static int
ref_fill(Ref *r, const SpBigrams *bg, int lo, int hi)
{
	int			i;

	memset(r, 0, sizeof(*r));
	for (i = lo; i < hi; i++)
		ref_add(r, bg->h[i]);
	return hi - lo;
}

/* the last `window` bigrams of the max_lines lines before line k */
static int
ref_before(Ref *r, const SpBigrams *bg, int k, int window, int max_lines)
{
	int			lo = bg->off[k - max_lines > 0 ? k - max_lines : 0];

	if (lo < bg->off[k] - window)
		lo = bg->off[k] - window;
	return ref_fill(r, bg, lo, bg->off[k]);
}

/* the first `window` bigrams of the max_lines lines after line k */
static int
ref_after(Ref *r, const SpBigrams *bg, int n, int k, int window, int max_lines)
{
	int			hi = bg->off[k + 1 + max_lines < n ? k + 1 + max_lines : n];

	if (hi > bg->off[k + 1] + window)
		hi = bg->off[k + 1] + window;
	return ref_fill(r, bg, bg->off[k + 1], hi);
}

static int
ref_shared(const Ref *a, const Ref *b)
{
	int			common,
				ca,
				cb;

	ref_count(a, b, &common, &ca, &cb);
	return common;
}

static int
ref_echo(const SpSeq *sq, const SpBigrams *bg, int k, const Ref *after, int n_after)
{
	int			j,
				seen = 0,
				best = -1;

	if (n_after < 20)
		return -1;
	for (j = k - 2; j >= 0 && k - j <= 60 && seen < 3; j--)
	{
		Ref			hb;
		int			to = bg->off[j + 1] + 60,
					s;

		if (!sp_echo_head(&sq->lines[sq->seq[j]]) || bg->off[j + 1] == bg->off[j])
			continue;
		seen++;
		if (to > bg->off[j + 2])
			to = bg->off[j + 2];
		ref_fill(&hb, bg, bg->off[j], to);
		s = ref_shared(after, &hb);
		if (s > best)
			best = s;
	}
	return best;
}

static void
reference(const SpSeq *sq, const SpBigrams *bg, int k, SpCohesion *out)
{
	Ref			a,
				b,
				me;
	int			na = ref_before(&a, bg, k, WINDOW, LINES),
				nb = ref_after(&b, bg, sq->n, k, WINDOW, LINES);

	memset(out, 0, sizeof(*out));
	out->coh = (int16_t) (na < 20 || nb < 20 ? -1 : ref_overlap(&a, &b));
	out->small = na < 60 || nb < 60;
	out->self_prev = out->self_next = -1;
	out->echo = -1;
	out->coh_long = -1;
	if (sq->lines[sq->seq[k]].ncp > SHORT)
		return;
	{
		int			e = ref_echo(sq, bg, k, &b, nb),
					sp,
					sn;

		out->echo = (int8_t) (e > 100 ? 100 : e);
		ref_fill(&me, bg, bg->off[k], bg->off[k + 1]);
		sp = ref_shared(&a, &me);
		sn = ref_shared(&b, &me);
		out->self_prev = (int8_t) (na < 20 ? -1 : sp > 2 ? 2 : sp);
		out->self_next = (int8_t) (nb < 20 ? -1 : sn > 2 ? 2 : sn);
	}
	na = ref_before(&a, bg, k, LONG_W, 3 * LINES);
	nb = ref_after(&b, bg, sq->n, k, LONG_W, 3 * LINES);
	if (na >= LONG_W / 2 && nb >= LONG_W / 2)
		out->coh_long = (int16_t) ref_overlap(&a, &b);
}

/* a random line: Han from a small or a large alphabet, some function characters */
static void
random_line(NaBuf *b, unsigned *seed, int len, int alphabet)
{
	static const char *const fn[] = {"的", "了", "是", "在", "和", "，", "。", " "};
	int			i;

	for (i = 0; i < len; i++)
	{
		char		u[4];
		int			r = (int) (rand_r(seed) % 10);

		if (r == 0)
			na_buf_append_str(b, fn[rand_r(seed) % 8]);
		else
		{
			uint32_t	cp = 0x4E00 + 0x100 + (uint32_t) (rand_r(seed) % (unsigned) alphabet);
			size_t		n = na_utf8_encode(cp, u);

			na_buf_append(b, u, n);
		}
	}
}

/* how many lines were checked, disagreed, and had each figure measured */
typedef struct Tally
{
	int			checked,
				bad,
				coh,
				coh_long,
				echo,
				self;
} Tally;

static void
one_sequence(unsigned seed, int nlines, Tally *t)
{
	NaBuf		text;
	SpLine	   *lines = (SpLine *) calloc((size_t) nlines, sizeof(SpLine));
	int		   *seq = (int *) calloc((size_t) nlines, sizeof(int));
	SpCohesion *got = (SpCohesion *) calloc((size_t) nlines + 1, sizeof(SpCohesion));
	SpSeq		sq;
	SpBigrams	bg;
	int			k,
				alphabet = 30 + (int) (seed % 7) * 60;

	na_buf_init(&text, 1024);
	for (k = 0; k < nlines; k++)
	{
		int			kind = (int) (rand_r(&seed) % 10),
					len = kind < 3 ? 2 + (int) (rand_r(&seed) % 20) :
				kind < 4 ? 0 : 30 + (int) (rand_r(&seed) % 300);

		lines[k].start = lines[k].cs = text.len;
		random_line(&text, &seed, len, kind == 9 ? 3000 : alphabet);
		lines[k].end = lines[k].ce = text.len;
		lines[k].ncp = (int) na_utf8_count(text.data + lines[k].cs, lines[k].ce - lines[k].cs);
		/* a short line is headline-like (what echo() looks back at) */
		lines[k].cls = len > 0 && len <= 20 ? SPC_HEAD : len == 0 ? SPC_BLANK : SPC_BODY;
		lines[k].ends_sentence = false;
		seq[k] = k;
		na_buf_append_char(&text, '\n');
	}
	memset(&sq, 0, sizeof(sq));
	sq.text = text.data;
	sq.lines = lines;
	sq.seq = seq;
	sq.n = nlines;
	sp_bigrams_build(&sq, &bg);
	sp_cohesion_lines(&sq, &bg, got);
	for (k = 0; k < nlines; k++)
	{
		SpCohesion	want;

		reference(&sq, &bg, k, &want);
		t->checked++;
		t->coh += want.coh >= 0;
		t->coh_long += want.coh_long >= 0;
		t->echo += want.echo >= 0;
		t->self += want.self_prev > 0 || want.self_next > 0;
		if (want.coh != got[k].coh || want.coh_long != got[k].coh_long ||
			want.small != got[k].small || want.self_prev != got[k].self_prev ||
			want.self_next != got[k].self_next || want.echo != got[k].echo)
		{
			if (t->bad < 5)
				fprintf(stderr, "seed %u line %d: coh %d/%d long %d/%d small %d/%d self %d,%d/%d,%d echo %d/%d\n",
						seed, k, want.coh, got[k].coh, want.coh_long, got[k].coh_long,
						want.small, got[k].small, want.self_prev, want.self_next,
						got[k].self_prev, got[k].self_next, want.echo, got[k].echo);
			t->bad++;
		}
	}
	sp_bigrams_free(&bg);
	na_buf_free(&text);
	free(lines);
	free(seq);
	free(got);
}

int
main(void)
{
	Tally		t;
	unsigned	s;

	memset(&t, 0, sizeof(t));
	for (s = 1; s <= 60; s++)
		one_sequence(s, 1 + (int) (s * 37 % 400), &t);
	/* an empty sequence's neighbour: one line alone */
	one_sequence(999, 1, &t);
	NA_CHECK_INT(t.bad, 0);
	/* the sequences exercise every figure (a test that could not fail else) */
	NA_CHECK(t.checked > 10000);
	NA_CHECK(t.coh > 1000);
	NA_CHECK(t.coh_long > 500);
	NA_CHECK(t.echo > 200);
	NA_CHECK(t.self > 100);
	printf("%d lines: coh %d, coh_long %d, echo %d, self %d\n",
			t.checked, t.coh, t.coh_long, t.echo, t.self);
	NA_TEST_DONE();
}
