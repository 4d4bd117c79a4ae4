/*
 * na_split_fit: fit the splitter's line-role model.  Reads pairs of
 * NAME.feat (build/na_split --features) and NAME.roles (one role a raw
 * line, written by tools/split_render.py) from the given directories, fits
 * an averaged structured perceptron (Viterbi decoding, as in
 * src/core/split_roles.c) and writes the weights as a C header.
 *
 *   build/na_split_fit [--epochs N] [--runs N] [--bag] [--run-per-dir] ...
 *                      --out src/core/split_model_weights.h DIR...
 *
 * Run through scripts/split-fit.sh, which renders the training issues
 * first; the same inputs always give the same header.
 */
#include "na_split.h"
#include "na_buf.h"
#include "../src/core/split_internal.h"

#include <dirent.h>

typedef struct Seq
{
	int			n;
	int		   *off;			/* n + 1 offsets into ids */
	int		   *ids;
	uint8_t    *gold;
	int			no;				/* place in the file order */
	int			dir;			/* which DIR argument it came from */
} Seq;

static Seq *seqs;
static int	n_seqs,
			cap_seqs;
static float w[SP_N_FEATURES][SPR_N],
			u[SP_N_FEATURES][SPR_N];
static float tw[SPR_N + 1][SPR_N],
			tu[SPR_N + 1][SPR_N];

/*
 * Role transitions the annotated issues hold (START is row SPR_N).  A
 * transition never seen in fitting starts each run at -unseen_prior rather
 * than 0, and is fitted like the others from there: the decoder takes it
 * only where the emissions say so by more than what the perceptron left of
 * the prior, and a mistake through it still teaches the emissions (a hard
 * mask would let them drift: a title before body was never contrasted with
 * an advert, because an advert followed by body was ruled out).
 */
static bool seen[SPR_N + 1][SPR_N];
static float unseen_prior = 100.0f;	/* --unseen-prior */

/*
 * Atom dropout (--dropout P): in each epoch every atom of a line is left
 * out with probability P, and with it every pair it is in, for that line's
 * decoding and update alike; so no one atom (a paper's habit) carries a
 * decision alone.  The draws come from a hash of the run, epoch, issue,
 * line and atom: the same inputs give the same header.
 */
static float dropout = 0.0f;
static uint64_t drop_salt;

/*
 * Pair dropout (--pair-dropout P): each pair of atoms is left out on its
 * own with probability P as well (1: the model of atoms alone).  Feature
 * cutoff (--min-count N): a feature on fewer than N training lines gets
 * no weight.
 */
static float pair_dropout = 0.0f;
static int	min_count = 0;

/*
 * Margin (--margin M): in fitting, every wrong role of a line gets M added
 * to its emission (loss-augmented decoding), so an update happens until
 * the gold roles win by M a line, not just win.  Clipping (--clip C): the
 * fitted weights are cut to [-C, C].
 */
static float margin = 0.0f;
static float clip = 0.0f;

/*
 * Bagging: with --bag each run fits on a bootstrap sample of the issues
 * (n draws with replacement, from a hash of the run); with --run-per-dir
 * run r fits only on the issues of the (r mod n)th DIR argument (one
 * rendering each: scripts/split-fit.sh SEEDS).  Both only change which
 * issues a run sees; the runs are averaged as always.
 */
static bool bag = false,
			run_per_dir = false;
static int	n_dirs = 0;

/* the mean of the averaged weights of several runs (--runs) */
static float sw[SP_N_FEATURES][SPR_N],
			stw[SPR_N + 1][SPR_N];

static int
role_of(const char *name)
{
	int			r;

	for (r = 0; r < SPR_N; r++)
		if (strcmp(name, sp_role_names[r]) == 0)
			return r;
	return SPR_OTHER;			/* masthead, boilerplate */
}

static char *
slurp(const char *path)
{
	NaBuf		b;

	if (!na_buf_read_file(&b, path))
	{
		na_buf_free(&b);
		return NULL;
	}
	return b.data;
}

static void
load_pair(const char *feat_path, const char *roles_path)
{
	char	   *feat = slurp(feat_path),
			   *roles = slurp(roles_path);
	char	  **rl = NULL;
	int			n_rl = 0,
				cap_rl = 0,
				n_ids = 0,
				cap_ids = 1024,
				cap_n = 64;
	char	   *p,
			   *save;
	Seq			s;

	if (!feat || !roles)
	{
		fprintf(stderr, "skipped %s\n", feat_path);
		return;
	}
	for (p = strtok_r(roles, "\n", &save); p; p = strtok_r(NULL, "\n", &save))
	{
		if (n_rl == cap_rl)
			rl = (char **) na_realloc(rl, sizeof(char *) * (cap_rl = cap_rl ? cap_rl * 2 : 256));
		rl[n_rl++] = p;
	}
	memset(&s, 0, sizeof(s));
	s.off = (int *) na_alloc(sizeof(int) * (cap_n + 1));
	s.gold = (uint8_t *) na_alloc(cap_n);
	s.ids = (int *) na_alloc(sizeof(int) * cap_ids);
	for (p = strtok_r(feat, "\n", &save); p; p = strtok_r(NULL, "\n", &save))
	{
		char	   *q;
		long		line = strtol(p, &q, 10);

		if (line < 0 || line >= n_rl)
			continue;
		if (s.n == cap_n)
		{
			cap_n *= 2;
			s.off = (int *) na_realloc(s.off, sizeof(int) * (cap_n + 1));
			s.gold = (uint8_t *) na_realloc(s.gold, cap_n);
		}
		s.off[s.n] = n_ids;
		s.gold[s.n] = (uint8_t) role_of(rl[line]);
		while (*q)
		{
			char	   *e;
			long		id = strtol(q, &e, 10);

			if (e == q)
				break;
			q = e;
			if (id < 0 || id >= SP_N_FEATURES)
				continue;
			if (n_ids == cap_ids)
				s.ids = (int *) na_realloc(s.ids, sizeof(int) * (cap_ids *= 2));
			s.ids[n_ids++] = (int) id;
		}
		seen[s.n ? s.gold[s.n - 1] : SPR_N][s.gold[s.n]] = true;
		s.n++;
	}
	s.off[s.n] = n_ids;
	s.no = n_seqs;
	s.dir = n_dirs;
	if (n_seqs == cap_seqs)
		seqs = (Seq *) na_realloc(seqs, sizeof(Seq) * (cap_seqs = cap_seqs ? cap_seqs * 2 : 64));
	seqs[n_seqs++] = s;
	na_free(rl);
	na_free(feat);
	na_free(roles);
}

/* qsort hands the comparator pointers to the elements: char ** here */
static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

static void
load_dir(const char *dir)
{
	DIR		   *d = opendir(dir);
	struct dirent *e;
	char	  **names = NULL;
	int			n = 0,
				cap = 0,
				k;

	if (!d)
	{
		perror(dir);
		exit(1);
	}
	while ((e = readdir(d)) != NULL)
	{
		size_t		l = strlen(e->d_name);

		if (l > 5 && strcmp(e->d_name + l - 5, ".feat") == 0)
		{
			if (n == cap)
				names = (char **) na_realloc(names, sizeof(char *) * (cap = cap ? cap * 2 : 64));
			names[n++] = na_strndup(e->d_name, l - 5);
		}
	}
	closedir(d);
	/* a fixed order, whatever readdir says */
	qsort(names, n, sizeof(char *), name_cmp);
	for (k = 0; k < n; k++)
	{
		char		fp[4096],
					rp[4096];

		snprintf(fp, sizeof(fp), "%s/%s.feat", dir, names[k]);
		snprintf(rp, sizeof(rp), "%s/%s.roles", dir, names[k]);
		load_pair(fp, rp);
		na_free(names[k]);
	}
	na_free(names);
}

static void
decode(const Seq *s, uint8_t *pred, float aug)
{
	float	   *best = (float *) na_alloc(sizeof(float) * SPR_N * (s->n + 1));
	uint8_t    *back = (uint8_t *) na_alloc(SPR_N * (s->n + 1));
	int			k,
				r,
				q,
				i;

	for (k = 0; k < s->n; k++)
	{
		float		em[SPR_N] = {0};

		for (i = s->off[k]; i < s->off[k + 1]; i++)
			for (r = 0; r < SPR_N; r++)
				em[r] += w[s->ids[i]][r];
		if (!sp_notice_possible(s->ids + s->off[k], s->off[k + 1] - s->off[k]))
			em[SPR_ADVERT] = em[SPR_NOTICE] = -1e6f;
		if (aug > 0)
			for (r = 0; r < SPR_N; r++)
				if (r != s->gold[k])
					em[r] += aug;
		for (r = 0; r < SPR_N; r++)
		{
			float		top;
			int			arg = 0;

			if (k == 0)
				top = tw[SPR_N][r];
			else
			{
				top = best[(k - 1) * SPR_N] + tw[0][r];
				for (q = 1; q < SPR_N; q++)
					if (best[(k - 1) * SPR_N + q] + tw[q][r] > top)
					{
						top = best[(k - 1) * SPR_N + q] + tw[q][r];
						arg = q;
					}
			}
			best[k * SPR_N + r] = top + em[r];
			back[k * SPR_N + r] = (uint8_t) arg;
		}
	}
	if (s->n > 0)
	{
		int			arg = 0;

		for (r = 1; r < SPR_N; r++)
			if (best[(s->n - 1) * SPR_N + r] > best[(s->n - 1) * SPR_N + arg])
				arg = r;
		for (k = s->n - 1; k >= 0; k--)
		{
			pred[k] = (uint8_t) arg;
			arg = back[k * SPR_N + arg];
		}
	}
	na_free(best);
	na_free(back);
}

static void
bump(float *wv, float *uv, float d, float c)
{
	*wv += d;
	*uv += c * d;
}

/* --min-count: drop the ids of features seen on fewer training lines */
static void
cut_rare(void)
{
	int		   *count = (int *) na_alloc(sizeof(int) * SP_N_FEATURES);
	int			q,
				k,
				i;

	memset(count, 0, sizeof(int) * SP_N_FEATURES);
	for (q = 0; q < n_seqs; q++)
		for (i = 0; i < seqs[q].off[seqs[q].n]; i++)
			count[seqs[q].ids[i]]++;
	for (q = 0; q < n_seqs; q++)
	{
		Seq		   *s = &seqs[q];
		int			n = 0;

		for (k = 0; k < s->n; k++)
		{
			int			from = s->off[k];

			s->off[k] = n;
			for (i = from; i < s->off[k + 1]; i++)
				if (count[s->ids[i]] >= min_count)
					s->ids[n++] = s->ids[i];
		}
		s->off[s->n] = n;
	}
	na_free(count);
}

static uint64_t
mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

/* a hash as a draw in [0, 1) */
static double
unit_draw(uint64_t h)
{
	return (double) (h >> 11) * (1.0 / 9007199254740992.0);
}

static bool
dropped(uint64_t key, int atom)
{
	return unit_draw(mix64(key ^ mix64((uint64_t) atom + 0x9E3779B97F4A7C15ULL))) < dropout;
}

/*
 * A copy of s without the atoms and pairs drawn out for this epoch (key:
 * the run, the epoch and the place in the file order).  The notice mask
 * (sp_notice_possible) is then read from the kept ids.
 */
static void
drop_atoms(const Seq *s, Seq *d, uint64_t key)
{
	int			k,
				i,
				n = 0;

	*d = *s;
	d->off = (int *) na_alloc(sizeof(int) * (s->n + 1));
	d->ids = (int *) na_alloc(sizeof(int) * (s->off[s->n] + 1));
	for (k = 0; k < s->n; k++)
	{
		uint64_t	lk = mix64(key + (uint64_t) k);

		d->off[k] = n;
		for (i = s->off[k]; i < s->off[k + 1]; i++)
		{
			int			id = s->ids[i];

			if (id < SP_N_ATOMS)
			{
				if (dropped(lk, id))
					continue;
			}
			else
			{
				int			lo = (id - SP_N_ATOMS) / SP_N_ATOMS,
							hi = (id - SP_N_ATOMS) % SP_N_ATOMS;

				if (dropped(lk, lo) || dropped(lk, hi))
					continue;
				if (unit_draw(mix64(lk ^ (uint64_t) id)) < pair_dropout)
					continue;
			}
			d->ids[n++] = id;
		}
	}
	d->off[s->n] = n;
}

/* one perceptron step on sequence s; returns the lines it got wrong */
static int
train_one(const Seq *full, float c, uint64_t key)
{
	Seq			dseq;
	const Seq  *s = full;
	uint8_t    *pred = (uint8_t *) na_alloc(full->n + 1);
	int			k,
				i,
				wrong = 0;

	if (dropout > 0 || pair_dropout > 0)
	{
		drop_atoms(full, &dseq, key);
		s = &dseq;
	}
	decode(s, pred, margin);
	for (k = 0; k < s->n; k++)
	{
		int			g = s->gold[k],
					p = pred[k],
					gp = k ? s->gold[k - 1] : SPR_N,
					pp = k ? pred[k - 1] : SPR_N;

		if (g != p)
		{
			wrong++;
			for (i = s->off[k]; i < s->off[k + 1]; i++)
			{
				bump(&w[s->ids[i]][g], &u[s->ids[i]][g], 1, c);
				bump(&w[s->ids[i]][p], &u[s->ids[i]][p], -1, c);
			}
		}
		if (g != p || gp != pp)
		{
			bump(&tw[gp][g], &tu[gp][g], 1, c);
			bump(&tw[pp][p], &tu[pp][p], -1, c);
		}
	}
	if (s != full)
	{
		na_free(dseq.off);
		na_free(dseq.ids);
	}
	na_free(pred);
	return wrong;
}

static void
write_header(const char *path, int epochs, long lines)
{
	FILE	   *f = fopen(path, "w");
	int			i,
				r,
				rows = 0;

	if (!f)
	{
		perror(path);
		exit(1);
	}
	fprintf(f, "/*\n * split_model_weights.h -- GENERATED by build/na_split_fit (scripts/split-fit.sh);\n"
			" * do not edit.  Averaged structured perceptron, %d epochs, %d issues,\n"
			" * %ld lines.", epochs, n_seqs, lines);
	if (dropout > 0 || pair_dropout > 0)
		fprintf(f, "  Dropout: atoms %.2f, pairs %.2f.", dropout, pair_dropout);
	fprintf(f, "  Roles:");
	for (r = 0; r < SPR_N; r++)
		fprintf(f, " %s", sp_role_names[r]);
	fprintf(f, ".\n */\nstatic const struct\n{\n\tint\t\t\tfeature;\n\tfloat\t\tw[SPR_N];\n} sp_model_rows[] = {\n");
	for (i = 0; i < SP_N_FEATURES; i++)
	{
		bool		any = false;

		for (r = 0; r < SPR_N; r++)
			any |= w[i][r] > 0.0005f || w[i][r] < -0.0005f;
		if (!any)
			continue;
		fprintf(f, "\t{%d, {", i);
		for (r = 0; r < SPR_N; r++)
			fprintf(f, "%s%.3f", r ? ", " : "", w[i][r]);
		fprintf(f, "}},\n");
		rows++;
	}
	if (rows == 0)
		fprintf(f, "\t{0, {0}},\n");
	fprintf(f, "};\n\nstatic const float sp_model_trans[SPR_N + 1][SPR_N] = {\n");
	for (i = 0; i <= SPR_N; i++)
	{
		fprintf(f, "\t{");
		for (r = 0; r < SPR_N; r++)
			fprintf(f, "%s%.3f", r ? ", " : "", tw[i][r]);
		fprintf(f, "},\n");
	}
	fprintf(f, "};\n");
	fclose(f);
}

/*
 * Fitted with atoms left out, the weights of a line's emissions summed
 * over the fewer atoms the fitting saw: the decoder, which sees all of
 * them, gets each atom's weight times the share it was kept (1 - P) and
 * each pair's times (1 - P)^2, so emissions keep their scale against the
 * transitions, which are never dropped.
 */
static void
scale_dropped(void)
{
	int			k,
				a;

	for (k = 0; k < SP_N_FEATURES; k++)
	{
		float		keep = k < SP_N_ATOMS ? 1 - dropout :
			(1 - dropout) * (1 - dropout) * (1 - pair_dropout);

		for (a = 0; a < SPR_N; a++)
			w[k][a] *= keep;
	}
}

/*
 * How many times each issue (by its place in the file order) is fitted on
 * in each epoch of run r: once each, unless --run-per-dir or --bag (a
 * bootstrap sample drawn from drop_salt, which is the run's).
 */
static uint8_t *
run_sample(int run)
{
	uint8_t    *take = (uint8_t *) na_alloc((size_t) n_seqs + 1);
	int			k;

	for (k = 0; k < n_seqs; k++)
		take[seqs[k].no] = (uint8_t) (!run_per_dir || seqs[k].dir == run % n_dirs);
	if (bag)
	{
		memset(take, 0, (size_t) n_seqs + 1);
		for (k = 0; k < n_seqs; k++)
		{
			int			j = (int) (mix64(drop_salt ^ 0xBA66ULL ^ ((uint64_t) k << 20)) % (uint64_t) n_seqs);

			if (take[j] < 255)
				take[j]++;
		}
	}
	return take;
}

/*
 * One averaged-perceptron run from zero weights, its shuffles drawn from
 * rng; leaves the averaged weights in w and tw.
 */
static void
fit_run(int epochs, uint64_t rng, long lines, int run)
{
	int			a,
				e,
				k;
	float		c = 1;
	uint8_t    *take = run_sample(run);

	memset(w, 0, sizeof(w));
	memset(u, 0, sizeof(u));
	memset(tu, 0, sizeof(tu));
	for (k = 0; k <= SPR_N; k++)
		for (a = 0; a < SPR_N; a++)
			tw[k][a] = seen[k][a] ? 0 : -unseen_prior;
	for (e = 0; e < epochs; e++)
	{
		long		wrong = 0;

		/* a fixed shuffle per epoch */
		for (k = n_seqs - 1; k > 0; k--)
		{
			int			j;
			Seq			t;

			rng ^= rng << 13;
			rng ^= rng >> 7;
			rng ^= rng << 17;
			j = (int) (rng % (uint64_t) (k + 1));
			t = seqs[k];
			seqs[k] = seqs[j];
			seqs[j] = t;
		}
		for (k = 0; k < n_seqs; k++)
		{
			int			t;

			for (t = 0; t < take[seqs[k].no]; t++)
			{
				wrong += train_one(&seqs[k], c,
								   mix64(drop_salt ^ ((uint64_t) e << 40) ^ ((uint64_t) t << 32) ^
										 (uint64_t) seqs[k].no));
				c += 1;
			}
		}
		fprintf(stderr, "epoch %d: %ld of %ld lines wrong (%.2f%%)\n", e + 1, wrong, lines,
				100.0 * wrong / lines);
	}
	/* averaging: w - u / c */
	for (k = 0; k < SP_N_FEATURES; k++)
		for (a = 0; a < SPR_N; a++)
			w[k][a] -= u[k][a] / c;
	for (k = 0; k <= SPR_N; k++)
		for (a = 0; a < SPR_N; a++)
			tw[k][a] -= tu[k][a] / c;
	na_free(take);
}

int
main(int argc, char **argv)
{
	const char *out = NULL;
	int			epochs = 12,
				runs = 1,
				a,
				k,
				run;
	long		lines = 0;
	uint64_t	rng = 88172645463325252ULL;

	for (a = 1; a < argc; a++)
	{
		if (strcmp(argv[a], "--out") == 0 && a + 1 < argc)
			out = argv[++a];
		else if (strcmp(argv[a], "--epochs") == 0 && a + 1 < argc)
			epochs = atoi(argv[++a]);
		else if (strcmp(argv[a], "--runs") == 0 && a + 1 < argc)
			runs = atoi(argv[++a]);
		else if (strcmp(argv[a], "--pair-dropout") == 0 && a + 1 < argc)
			pair_dropout = (float) atof(argv[++a]);
		else if (strcmp(argv[a], "--margin") == 0 && a + 1 < argc)
			margin = (float) atof(argv[++a]);
		else if (strcmp(argv[a], "--clip") == 0 && a + 1 < argc)
			clip = (float) atof(argv[++a]);
		else if (strcmp(argv[a], "--min-count") == 0 && a + 1 < argc)
			min_count = atoi(argv[++a]);
		else if (strcmp(argv[a], "--dropout") == 0 && a + 1 < argc)
			dropout = (float) atof(argv[++a]);
		else if (strcmp(argv[a], "--unseen-prior") == 0 && a + 1 < argc)
			unseen_prior = (float) atof(argv[++a]);
		else if (strcmp(argv[a], "--bag") == 0)
			bag = true;
		else if (strcmp(argv[a], "--run-per-dir") == 0)
			run_per_dir = true;
		else
		{
			load_dir(argv[a]);
			n_dirs++;
		}
	}
	if (!out || n_seqs == 0 || runs < 1)
	{
		fprintf(stderr, "usage: %s [--epochs N] [--runs N] [--unseen-prior P] [--dropout P] [--bag] [--run-per-dir] --out HEADER DIR...\n", argv[0]);
		return 2;
	}
	for (k = 0; k < n_seqs; k++)
		lines += seqs[k].n;
	if (min_count > 1)
		cut_rare();

	/*
	 * Several runs with their own shuffles, their averaged weights averaged
	 * again: the order of the issues moves a single run's weights by more
	 * than most feature changes; the mean is steadier.
	 */
	for (run = 0; run < runs; run++)
	{
		drop_salt = mix64((uint64_t) run + 1);
		fit_run(epochs, rng + (uint64_t) run * 0x9E3779B97F4A7C15ULL, lines, run);
		for (k = 0; k < SP_N_FEATURES; k++)
			for (a = 0; a < SPR_N; a++)
				sw[k][a] += w[k][a] / runs;
		for (k = 0; k <= SPR_N; k++)
			for (a = 0; a < SPR_N; a++)
				stw[k][a] += tw[k][a] / runs;
	}
	memcpy(w, sw, sizeof(w));
	memcpy(tw, stw, sizeof(tw));
	if (dropout > 0 || pair_dropout > 0)
		scale_dropped();
	if (clip > 0)
	{
		for (k = 0; k < SP_N_FEATURES; k++)
			for (a = 0; a < SPR_N; a++)
				w[k][a] = w[k][a] > clip ? clip : w[k][a] < -clip ? -clip : w[k][a];
	}
	write_header(out, epochs, lines);
	return 0;
}
