/*
 * byline.c
 *	  Parse a printed byline into persons (name, role, organization).
 *
 * A byline is a run of tokens separated by spaces, slashes, colons, commas
 * or brackets.  A role word (记者, 通讯员, ...) sets the role of the names
 * that follow it; an organization may be glued in front of the role
 * (杭州日报首席记者, 本报记者); a role may be glued in front of a name
 * (记者杜海涛).  Credit words printed after names (摄, 供图, 报道) apply
 * backwards to the names still without a role.
 */
#include "na_byline.h"
#include "na_utf8.h"
#include "zh_names.h"

/*
 * Role words that may carry an organization glued in front.  Longest match
 * wins, so 首席记者 is tried before 记者.
 */
static const char *const role_words[] = {
	"全媒体记者", "融媒体记者", "首席记者", "见习记者", "特约记者", "实习记者",
	"摄影记者", "驻站记者", "特派记者", "记者", "特约通讯员", "通讯员", "实习生",
	"特约评论员", "评论员", "摄影", "撰稿人", "撰稿", "责任编辑", "编辑",
	"主持人", "制图", "绘图", "漫画", "执笔", "供图", "专栏作者", "特约作者", "作者",
	"校对", "责编", "编译", "采写", "撰文", "翻译", "策划",
	"版式设计", "美术编辑", "设计", "插图", "制作",
	NULL
};

/* one-character roles, recognised only as whole tokens (文/X 图/Y) */
static const char *const short_roles[] = {"文", "图", "摄", "本报", NULL};

/* labels printed before a credit, never a name: 原创：X, 来源：X */
static const char *const label_words[] = {"原创", "来源", "出处", "转载", "出品", NULL};

/* credit words printed after the names they apply to */
static const char *const postfix_words[] = {"摄", "供图", "报道", "整理", "摄影", NULL};

static bool
is_sep(uint32_t cp)
{
	return na_is_space(cp) || cp < 0x20 || cp == 0x7F || cp == '/' || cp == 0xFF0F || cp == ':' ||
		cp == 0xFF1A || cp == ',' || cp == 0xFF0C || cp == 0x3001 ||
		cp == '(' || cp == ')' || cp == 0xFF08 || cp == 0xFF09 ||
		cp == '[' || cp == ']' || cp == 0x3010 || cp == 0x3011 ||
		cp == 0x25A0 || cp == 0x25A1 || cp == 0x25CF || cp == 0x25B2 ||
		cp == 0x25C6 || cp == 0x2605 || cp == 0x25C7 || cp == 0x25CB ||
		cp == ';' || cp == 0xFF1B || cp == '#' || cp == '*' ||
		cp == '&' || cp == 0xFF06;
}

static bool
str_eq(const char *s, size_t len, const char *lit)
{
	return strlen(lit) == len && memcmp(s, lit, len) == 0;
}

static bool
in_list(const char *s, size_t len, const char *const *list)
{
	int			i;

	for (i = 0; list[i]; i++)
		if (str_eq(s, len, list[i]))
			return true;
	return false;
}

/*
 * longest role word that ends the token (at_end) or starts it, leaving
 * something after it; returns its byte length or 0
 */
#define N_ROLE_WORDS ((int) (sizeof(role_words) / sizeof(role_words[0])) - 1)

static size_t
role_affix(const char *s, size_t len, bool at_end, const char **role)
{
	/* the words' lengths, measured once: asked of every short line */
	static size_t role_len[N_ROLE_WORDS];
	size_t		best = 0;
	int			i;

	if (role_len[0] == 0)
		for (i = 0; i < N_ROLE_WORDS; i++)
			role_len[i] = strlen(role_words[i]);
	for (i = 0; i < N_ROLE_WORDS; i++)
	{
		size_t		rl = role_len[i];
		const char *at;

		if (rl <= best || (at_end ? rl > len : rl >= len))
			continue;
		at = at_end ? s + len - rl : s;
		/* the first byte before the call: most words differ there */
		if (at[0] == role_words[i][0] && memcmp(at, role_words[i], rl) == 0)
		{
			best = rl;
			*role = role_words[i];
		}
	}
	return best;
}

static size_t
role_suffix(const char *s, size_t len, const char **role)
{
	return role_affix(s, len, true, role);
}

static size_t
role_prefix(const char *s, size_t len, const char **role)
{
	return role_affix(s, len, false, role);
}

/* a person's name: 2 to 5 Han characters (a middle dot allowed) or Latin */
static bool
looks_like_name(const char *s, size_t len)
{
	size_t		i = 0,
				adv,
				han = 0,
				latin = 0,
				other = 0;

	while (i < len)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		if (na_is_han(cp))
			han++;
		else if (na_is_latin(cp) || cp == '.' || cp == '-')
			latin++;
		else if (cp != 0x00B7 && cp != 0x30FB && cp != 0xFF0E)
			other++;
		i += adv;
	}
	if (other)
		return false;
	if (han && latin)
		return false;
	if (han)
		return han >= 2 && han <= 6;
	return latin >= 2 && latin <= 30;
}

/* s ends with w and holds something before it */
static bool
ends_with(const char *s, size_t len, const char *w)
{
	size_t		wl = strlen(w);

	return len > wl && memcmp(s + len - wl, w, wl) == 0;
}

/* s ends with one of the words (NULL-terminated) and holds something before it */
static bool
ends_with_any(const char *s, size_t len, const char *const *words)
{
	int			i;

	for (i = 0; words[i]; i++)
		if (ends_with(s, len, words[i]))
			return true;
	return false;
}

/* a news organization's name: 新华社, 浙江日报, 某某网 */
static bool
looks_like_org(const char *s, size_t len)
{
	static const char *const kinds[] = {"社", "报", "网", "台", "刊", "中心", NULL};

	return ends_with_any(s, len, kinds);
}

/* a dateline's source, not a name: 本报讯, 新华社电, 据新华社电 */
static bool
source_word(const char *s, size_t len)
{
	/* 讯 and 电 are one character (3 bytes) each */
	return (ends_with(s, len, "讯") || ends_with(s, len, "电")) &&
		looks_like_org(s, len - strlen("讯"));
}

typedef struct Token
{
	const char *s;
	size_t		len;
	bool		glued;			/* cut from the text before it, no gap */
} Token;

/*
 * Where, in a token that opens with a role word of k bytes, another role
 * word starts after a name of two characters or more and has text after
 * it: the byte offset, or 0.
 */
static size_t
inner_role(const char *s, size_t len, size_t k)
{
	size_t		i = k,
				adv,
				nch = 0;
	int			w;

	while (i < len)
	{
		if (nch >= 2)
			for (w = 0; role_words[w]; w++)
			{
				size_t		rl = strlen(role_words[w]);

				if (rl < len - i && memcmp(s + i, role_words[w], rl) == 0)
					return i;
			}
		na_utf8_decode(s + i, len - i, &adv);
		i += adv ? adv : 1;
		nch++;
	}
	return 0;
}

static size_t glued_postfix(const char *s, size_t len, const char **word);

/* a role word anywhere in s: 龙钢记者袁玮 is two persons, not a name */
static bool
holds_role(const char *s, size_t len)
{
	size_t		i = 0,
				adv;
	const char *r;

	while (i < len)
	{
		if (role_affix(s + i, len - i, false, &r) > 0 || role_affix(s + i, len - i, true, &r) == len - i)
			return true;
		na_utf8_decode(s + i, len - i, &adv);
		i += adv;
	}
	return false;
}

/*
 * The organization in front of a glued role is a news organization (新京报,
 * 新华社, 中央人民广播电台, 澎湃新闻); 本版编辑张善菊, a page's editor, is
 * read as before.
 */
static bool
news_org(const char *s, size_t len)
{
	return looks_like_org(s, len) || ends_with(s, len, "新闻");
}

/* the paper's own signature, 本报记者罗水元 */
static bool
own_paper(const char *s, size_t len)
{
	return str_eq(s, len, "本报") || str_eq(s, len, "本刊");
}

#define ORG_MAX_CHARS 8			/* an organization glued before a role */

/*
 * An organization, a role and a name run together in one token (新京报记者
 * 陆一夫, 澎湃新闻记者段彦超廖艳, 观察者网专栏作者王文): where the name starts,
 * or 0.  The organization is two to ORG_MAX_CHARS characters and what
 * follows the first role word must be a name (a glued credit allowed), so
 * neither a phrase that holds a role word nor a run of roles and names
 * (本报通讯员刘诗寒记者屠瑜, read as before) is cut.
 */
static size_t
org_role_cut(const char *s, size_t len, bool with_own)
{
	size_t		i = 0,
				adv;
	int			nch = 0;
	const char *post;

	while (i < len && nch <= ORG_MAX_CHARS)
	{
		if (nch >= 2)
		{
			const char *r = NULL;
			size_t		rl = role_affix(s + i, len - i, false, &r);

			/* the first role word decides: 本报通讯员刘诗寒记者屠瑜 is not cut */
			if (rl > 0)
				return news_org(s, i) && (with_own || !own_paper(s, i)) &&
					!holds_role(s + i + rl, len - i - rl) &&
					(looks_like_name(s + i + rl, len - i - rl) ||
					 glued_postfix(s + i + rl, len - i - rl, &post) > 0) ? i + rl : 0;
		}
		na_utf8_decode(s + i, len - i, &adv);
		i += adv;
		nch++;
	}
	return 0;
}

/*
 * How far the tokenizer cuts an organization and role from the name run
 * together with them.  The parser cuts every news organization; the line
 * classifier every one but the paper's own (本报, 本刊): 某某报记者张明 and
 * 某某网专栏作者李华 open web copies, while a glued 本报记者罗水元 closes
 * each piece of 新民晚报's compilations, and read as a byline there it made
 * each piece an article (bench/split_quality.md, "Bylines run together" and
 * "Web copies' credit lines").
 */
typedef enum OrgCut
{
	ORG_CUT_OTHERS,
	ORG_CUT_ALL
} OrgCut;

/* the tokens of a byline */
static int
tokenize(const char *s, size_t len, Token *toks, int max, OrgCut org_cut)
{
	size_t		i = 0,
				adv;
	int			n = 0;

	while (i < len && n < max)
	{
		size_t		st;

		while (i < len && is_sep(na_utf8_decode(s + i, len - i, &adv)))
			i += adv;
		st = i;
		while (i < len && !is_sep(na_utf8_decode(s + i, len - i, &adv)))
			i += adv;
		if (i > st)
		{
			const char *r;
			size_t		cut,
						k = role_prefix(s + st, i - st, &r);

			/* a role, a name and the next role run together: 编辑刘晓阳校对李铭 */
			while (k > 0 && n + 1 < max &&
				   (cut = inner_role(s + st, i - st, k)) > 0)
			{
				toks[n].s = s + st;
				toks[n].len = cut;
				toks[n].glued = n > 0 && toks[n - 1].s + toks[n - 1].len == s + st;
				n++;
				st += cut;
				k = role_prefix(s + st, i - st, &r);
			}
			/* 新京报记者陆一夫: the organization and role, then the name */
			if (k == 0 && n + 1 < max &&
				role_suffix(s + st, i - st, &r) == 0 &&
				(cut = org_role_cut(s + st, i - st, org_cut == ORG_CUT_ALL)) > 0)
			{
				toks[n].s = s + st;
				toks[n].len = cut;
				toks[n].glued = n > 0 && toks[n - 1].s + toks[n - 1].len == s + st;
				n++;
				st += cut;
			}
			toks[n].s = s + st;
			toks[n].len = i - st;
			toks[n].glued = n > 0 && toks[n - 1].s + toks[n - 1].len == s + st;
			n++;
		}
	}
	return n;
}

static char *
dup_or_null(const char *s)
{
	return s ? na_strndup(s, strlen(s)) : NULL;
}

static void
add_person(NaByline *out, const char *name, size_t nlen,
		   const char *role, const char *org, size_t olen)
{
	NaPerson   *p;

	if (out->n >= NA_BYLINE_MAX || nlen == 0)
		return;
	p = &out->persons[out->n++];
	p->name = na_strndup(name, nlen);
	p->role = dup_or_null(role);
	p->organization = org ? na_strndup(org, olen) : NULL;
}

/* ---- names run together: 段彦超廖艳 ---- */
#define GLUED_MIN	4			/* Han characters of two names at the least */
#define GLUED_MAX	9			/* ... and of three names at the most */

/* does the name starting at Han character i, nc characters long, open with
 * a common surname (a compound one leads a name of three or four)? */
static bool
surname_led(const char *s, const size_t *off, int i, int nc)
{
	char		first[8];
	size_t		fl = off[i + 1] - off[i];
	const char *const *c;

	/* the name's bytes only: s need not end there */
	for (c = zh_compound_surnames; *c; c++)
		if (strlen(*c) <= off[i + nc] - off[i] && memcmp(s + off[i], *c, strlen(*c)) == 0)
			return nc >= 3;
	if (nc > 3 || fl >= sizeof(first))
		return false;
	memcpy(first, s + off[i], fl);
	first[fl] = '\0';
	return strstr(zh_single_surnames, first) != NULL;
}

/*
 * The ways to read Han characters i..n as names of two to four characters,
 * each led by a common surname; the first way's name lengths go to lens.
 * Counting stops at two: only a single way is believed.
 */
static int
name_splits(const char *s, const size_t *off, int i, int n, int depth, int *lens)
{
	int			ways = 0,
				nc;

	if (i == n)
		return 1;
	for (nc = 2; nc <= 4 && i + nc <= n && ways < 2; nc++)
	{
		int			w;

		if (!surname_led(s, off, i, nc))
			continue;
		w = name_splits(s, off, i + nc, n, depth + 1, ways ? NULL : lens);
		if (w > 0 && ways == 0 && lens)
			lens[depth] = nc;
		ways += w;
	}
	return ways;
}

/*
 * A byline that lost its gaps runs its names together, and into the role
 * word before them (澎湃新闻记者段彦超廖艳).  Han text of 4-9 characters that
 * reads in exactly one way as two or more names of two or three characters
 * (four with a compound surname), each led by a common surname, is those
 * names: their byte lengths go to cut and their count is returned.
 * Otherwise 0 and the text stays one name (欧阳娜娜 reads only as one).
 */
static int
glued_names(const char *s, size_t len, size_t *cut, int max)
{
	size_t		off[GLUED_MAX + 1],
				i = 0,
				adv;
	int			n = 0,
				lens[GLUED_MAX],
				k,
				parts;

	while (i < len)
	{
		if (n == GLUED_MAX || !na_is_han(na_utf8_decode(s + i, len - i, &adv)))
			return 0;
		off[n++] = i;
		i += adv;
	}
	off[n] = len;
	if (n < GLUED_MIN || name_splits(s, off, 0, n, 0, lens) != 1)
		return 0;
	for (parts = 0, k = 0; k < n; k += lens[parts++])
		;
	if (parts < 2 || parts > max)
		return 0;
	for (k = 0, i = 0; k < parts; k++)
	{
		cut[k] = off[i + lens[k]] - off[i];
		i += lens[k];
	}
	return parts;
}

/*
 * Names run together and glued to the role word before them (glued_names),
 * each added with the role: whether they were.  Names printed apart from
 * the role keep their gaps and are taken whole.
 */
static bool
add_glued(NaByline *out, const char *name, size_t nlen,
		  const char *role, const char *org, size_t olen)
{
	size_t		cut[GLUED_MAX / 2];
	int			parts = glued_names(name, nlen, cut, GLUED_MAX / 2),
				k;

	for (k = 0; k < parts; k++)
	{
		add_person(out, name, cut[k], role, org, olen);
		name += cut[k];
	}
	return parts > 0;
}

/*
 * 王　伟: a two-character name padded to the width of three, printed as two
 * lone characters with one space between them (commentary bylines, name
 * lists, 本报记者　王　伟).  Whether tokens i and i + 1 are one; the name
 * goes to buf.  A photographer's credit glued to the second (王　伟摄,
 * 王　伟供图) is allowed: its word goes to *post (NULL when there is none).
 */
static bool
padded_name(const Token *toks, int n, int i, char *buf, size_t *blen,
			const char **post)
{
	static const char *const glued[] = {"摄", "供图", NULL};
	const Token *a,
			   *b;
	size_t		adv,
				bl;
	int			g;

	if (i + 1 >= n)
		return false;
	a = &toks[i];
	b = &toks[i + 1];
	bl = b->len;
	*post = NULL;
	for (g = 0; glued[g]; g++)
	{
		size_t		wl = strlen(glued[g]);

		if (bl > wl && memcmp(b->s + bl - wl, glued[g], wl) == 0 &&
			na_utf8_count(b->s, bl - wl) == 1)
		{
			*post = glued[g];
			bl -= wl;
			break;
		}
	}
	if (na_utf8_count(a->s, a->len) != 1 || na_utf8_count(b->s, bl) != 1 ||
		!na_is_han(na_utf8_decode(a->s, a->len, &adv)) ||
		!na_is_han(na_utf8_decode(b->s, bl, &adv)) ||
		in_list(a->s, a->len, short_roles) ||
		in_list(b->s, bl, short_roles) || in_list(b->s, bl, postfix_words) ||
		na_utf8_count(a->s + a->len, b->s - (a->s + a->len)) != 1 ||
		!na_is_space(na_utf8_decode(a->s + a->len, b->s - (a->s + a->len), &adv)) ||
		a->len + bl > 16)
		return false;
	memcpy(buf, a->s, a->len);
	memcpy(buf + a->len, b->s, bl);
	*blen = a->len + bl;
	return true;
}

/*
 * 记者谢　飞: a role word glued to the first half of a padded name.  Whether
 * the rest of token i after its role prefix (k bytes) and token i + 1 are
 * one padded name; the name goes to buf.
 */
static bool
padded_after_role(const Token *toks, int n, int i, size_t k, char *buf,
				  size_t *blen, const char **post)
{
	Token		pair[2];

	if (i + 1 >= n)
		return false;
	pair[0].s = toks[i].s + k;
	pair[0].len = toks[i].len - k;
	pair[1] = toks[i + 1];
	return padded_name(pair, 2, 0, buf, blen, post);
}

/* the credit word glued to the end of a token (方波摄): its length or 0 */
static size_t
glued_postfix(const char *s, size_t len, const char **word)
{
	static const char *const glued[] = {"供图", "摄", NULL};
	int			i;

	for (i = 0; glued[i]; i++)
	{
		size_t		wl = strlen(glued[i]);

		if (len > wl && memcmp(s + len - wl, glued[i], wl) == 0 &&
			looks_like_name(s, len - wl))
		{
			*word = glued[i];
			return wl;
		}
	}
	return 0;
}

/*
 * 报道 glued to a name (本报记者颜世贵报道): its length, or 0.  Not in
 * glued_postfix's list: the line classifier reads that list, and its
 * reading stays as the model was fitted.
 */
static size_t
glued_report(const char *s, size_t len)
{
	return ends_with(s, len, "报道") && looks_like_name(s, len - strlen("报道")) ?
		strlen("报道") : 0;
}

int
na_byline_parse(const char *s, size_t len, NaByline *out)
{
	Token		toks[64];
	int			n = tokenize(s, len, toks, 64, ORG_CUT_ALL);
	int			before = out->n;
	int			pending = out->n;	/* first person still without a role */
	const char *role = NULL;
	const char *org = NULL;
	size_t		olen = 0;
	int			org_tok = -2;	/* token that set org on its own */
	int			i;

	for (i = 0; i < n; i++)
	{
		const char *t = toks[i].s;
		size_t		tl = toks[i].len;
		const char *r = NULL;
		const char *post = NULL;
		size_t		k;

		na_check_interrupts();
		if (in_list(t, tl, postfix_words) && out->n > pending)
		{
			/* X 摄: the credit goes back to the names without a role */
			int			j;
			const char *w = NULL;

			if (i + 1 < n && role_suffix(t, tl, &r) == tl)
			{
				/*
				 * 记者 何苗 摄影 吴越, 何苗 摄影 吴越: a role word with a name
				 * after it leads that name (at the end, 何苗 摄影, it is a
				 * postfix credit)
				 */
				role = r;
				org = NULL;
				pending = out->n;
				continue;
			}

			for (j = 0; postfix_words[j]; j++)
				if (str_eq(t, tl, postfix_words[j]))
					w = postfix_words[j];
			for (j = pending; j < out->n; j++)
				if (out->persons[j].role == NULL)
					out->persons[j].role = dup_or_null(w);
			pending = out->n;
			role = NULL;
			org = NULL;
			continue;
		}
		if (in_list(t, tl, short_roles))
		{
			if (str_eq(t, tl, "本报"))
			{
				org = t;
				olen = tl;
				org_tok = i;
				continue;
			}
			role = (str_eq(t, tl, "文") ? "文" : str_eq(t, tl, "图") ? "图" : "摄");
			pending = out->n;
			continue;
		}
		if ((k = role_suffix(t, tl, &r)) > 0)
		{
			role = r;
			if (k < tl)
			{
				org = t;
				olen = tl - k;
			}
			else if (org_tok != i - 1)
				org = NULL;
			pending = out->n;
			continue;
		}
		if ((k = role_prefix(t, tl, &r)) > 0)
		{
			/* 记者杜海涛, 记者方波摄 */
			size_t		pl = glued_postfix(t + k, tl - k, &post);
			char		pad[16];
			size_t		padl;

			role = r;
			pending = out->n;
			if (padded_after_role(toks, n, i, k, pad, &padl, &post))
			{
				/* 记者谢　飞 */
				add_person(out, pad, padl, role, org, olen);
				i++;
			}
			/* 记者段彦超廖艳: names run together, split; else one name, but
			 * not 作者为某某大学教授: a note on the author, no name in it */
			else if (!add_glued(out, t + k, tl - k - pl, role, org, olen) &&
					 looks_like_name(t + k, tl - k - pl))
				add_person(out, t + k, tl - k - pl, role, org, olen);
			continue;
		}
		if ((k = glued_postfix(t, tl, &post)) > 0)
		{
			add_person(out, t, tl - k, role ? role : post, org, olen);
			continue;
		}
		/* an organization printed as its own token before a role: 新华社 记者 X */
		if (i + 1 < n && role_suffix(toks[i + 1].s, toks[i + 1].len, &r) == toks[i + 1].len &&
			(!looks_like_name(t, tl) || looks_like_org(t, tl)))
		{
			org = t;
			olen = tl;
			org_tok = i;
			continue;
		}
		{
			char		pad[16];
			size_t		pl;

			if (padded_name(toks, n, i, pad, &pl, &post))
			{
				add_person(out, pad, pl, role ? role : post, org, olen);
				i++;
				continue;
			}
		}
		/* 澎湃新闻记者段彦超廖艳: names run into the organization's role */
		if (role != NULL && toks[i].glued &&
			add_glued(out, t, tl - glued_report(t, tl), role, org, olen))
			continue;
		/* a phrase or a sentence is no name: a byline is names and roles */
		if (!looks_like_name(t, tl) || source_word(t, tl) || in_list(t, tl, label_words))
			continue;
		if (role == NULL)
		{
			/* without a role only a short name is believable */
			if (na_utf8_count(t, tl) > 4)
				continue;
			/* names before any role keep no role until a credit word */
			add_person(out, t, tl, NULL, org, olen);
			continue;
		}
		add_person(out, t, tl - glued_report(t, tl), role, org, olen);
	}
	return out->n - before;
}

bool
na_byline_looks_like(const char *s, size_t len)
{
	Token		toks[64];
	int			n = tokenize(s, len, toks, 64, ORG_CUT_OTHERS);
	int			roles = 0,
				names = 0,
				i;

	if (n == 0 || n > 16)
		return false;
	for (i = 0; i < n; i++)
	{
		const char *t = toks[i].s;
		size_t		tl = toks[i].len;
		const char *r = NULL;
		const char *post = NULL;
		size_t		k;

		if (in_list(t, tl, postfix_words) || in_list(t, tl, short_roles))
		{
			roles++;
			continue;
		}
		if ((k = role_suffix(t, tl, &r)) > 0)
		{
			/* the organization in front stays short: 杭州日报, 新华社 */
			if (na_utf8_count(t, tl - k) > 8)
				return false;
			roles++;
			continue;
		}
		if ((k = role_prefix(t, tl, &r)) > 0)
		{
			size_t		pl = glued_postfix(t + k, tl - k, &post);
			char		pad[16];
			size_t		padl;

			if (padded_after_role(toks, n, i, k, pad, &padl, &post))
				i++;			/* 记者谢　飞 */
			else if (!looks_like_name(t + k, tl - k - pl))
				return false;
			roles++;
			names++;
			continue;
		}
		if (glued_postfix(t, tl, &post) > 0)
		{
			roles++;
			names++;
			continue;
		}
		{
			char		pad[16];
			size_t		pl;

			/* 王　浩, 王　浩摄: one name */
			if (padded_name(toks, n, i, pad, &pl, &post) && looks_like_name(pad, pl))
			{
				roles += post != NULL;
				names++;
				i++;
				continue;
			}
		}
		if (!looks_like_name(t, tl) || na_utf8_count(t, tl) > 4)
		{
			/* 新华社 before 记者 */
			if (i + 1 < n && role_suffix(toks[i + 1].s, toks[i + 1].len, &r) == toks[i + 1].len &&
				na_utf8_count(t, tl) <= 8)
				continue;
			return false;
		}
		names++;
	}
	return roles > 0 && names > 0;
}

bool
na_byline_is_photo_role(const char *role)
{
	if (role == NULL)
		return false;
	return strcmp(role, "摄") == 0 || strcmp(role, "摄影") == 0 ||
		strcmp(role, "供图") == 0 || strcmp(role, "图") == 0 ||
		strcmp(role, "摄影记者") == 0;
}

void
na_byline_free(NaByline *b)
{
	int			i;

	for (i = 0; i < b->n; i++)
	{
		if (b->persons[i].name)
			na_free(b->persons[i].name);
		if (b->persons[i].role)
			na_free(b->persons[i].role);
		if (b->persons[i].organization)
			na_free(b->persons[i].organization);
	}
	b->n = 0;
}
