/*
 * split_internal.h
 *	  Shared between the split_*.c files: the line table and the text
 *	  pattern helpers.  Not part of the public API.
 */
#ifndef SPLIT_INTERNAL_H
#define SPLIT_INTERNAL_H

#include "na_split.h"
#include "na_buf.h"
#include "na_utf8.h"

/* what a line looks like on its own, before assembly */
typedef enum SpClass
{
	SPC_BLANK,
	SPC_GARBAGE,
	SPC_PAGE_HEADER,			/* 第01版：要闻 */
	SPC_BYLINE,
	SPC_CREDIT,					/* 记者 X 摄, alone */
	SPC_CAPTION,				/* caption text, usually ending in a credit */
	SPC_CONT,					/* (下转第N版) alone */
	SPC_HEAD,					/* short line that could be a headline */
	SPC_BODY
} SpClass;

typedef struct SpLine
{
	size_t		start,			/* raw line, newline included */
				end;
	size_t		cs,				/* content: marks and spaces trimmed */
				ce;
	int			ncp;			/* code points in content */
	int			level;			/* markdown # count */
	bool		marked;			/* led by ■/□ */
	bool		indented;		/* led by full-width spaces */
	bool		ends_sentence;
	SpClass		cls;
	uint8_t		cols;			/* raw column lines joined into it
								 * (split_reflow.c); 0 when not joined */
	bool		col_full;		/* one line as long as a column */
	bool		list_item;		/* a line of a long list (split_list.c) */
	bool		bullet_item;	/* one of bulleted points in a row (ditto) */

	/* pieces of the content with their own role */
	size_t		lead_len;		/* bytes from cs */
	NaSegRole	lead_role;
	size_t		trail_len;		/* bytes before ce */
	NaSegRole	trail_role;
	size_t		dateline_len;	/* the dateline token inside the lead */
	int			cont_to;
	int			cont_from;

	/* the line-role model's answer, and how sure it was */
	int			model_role;		/* SpRole; -1 when the rules assembled */
	float		score;

	/* assembly result */
	NaSegRole	role;
	int			art;			/* index into the article table; -1 none */
} SpLine;

/* split_text.c: small UTF-8 pattern helpers */
extern uint32_t sp_first_cp(const char *s, size_t len, size_t *adv);
extern uint32_t sp_last_cp(const char *s, size_t len, size_t *start);
extern bool sp_starts(const char *s, size_t len, const char *lit);
extern bool sp_ends(const char *s, size_t len, const char *lit);
extern const char *sp_find(const char *s, size_t len, const char *lit);
extern const char *sp_find_n(const char *s, size_t len, const char *lit, size_t n);
extern bool sp_is_open_bracket(uint32_t cp);
extern bool sp_is_close_bracket(uint32_t cp);
extern bool sp_is_sentence_end(uint32_t cp);
extern bool sp_is_clause_punct(uint32_t cp);
extern bool sp_ends_sentence(const char *s, size_t len);
extern bool sp_is_cjk(uint32_t cp);
extern size_t sp_count_cp(const char *s, size_t len, uint32_t cp);

/* split_marks.c: datelines, continuations, credits, page headers, kickers */
extern size_t sp_match_dateline(const char *s, size_t len, size_t *dl_len);
extern bool sp_match_continuation(const char *s, size_t len, size_t *mstart,
								  size_t *mend, int *page, bool *forward);
extern size_t sp_match_credit_tail(const char *s, size_t len);
extern bool sp_match_page_header(const char *s, size_t len, size_t *sec_off,
								 size_t *sec_len);
extern size_t sp_kicker_split(const char *s, size_t len);
extern bool sp_kicker_like(const char *s, size_t len);
extern bool sp_is_column_label(const char *s, size_t len);
extern bool sp_quoted_name(const char *s, size_t len, int ncp);
extern size_t sp_garbage_prefix(const char *s, size_t len);
extern bool sp_name_line(const char *s, size_t len);
extern bool sp_ends_with_name(const char *s, size_t len);
extern bool sp_date_line(const char *s, size_t len, int ncp);
extern bool sp_sign_line(const char *s, size_t len, int ncp);
extern int	sp_sign_block(const char *text, const SpLine *lines, const int *idx, int n,
						  int max_issuers);
extern bool sp_resolve_reported_on(const char *s, size_t len, const NaIssueInfo *info,
								   int *y, int *m, int *d);

/* split_notes.c: notes that close an article or sit in one */
extern bool sp_writer_note(const char *s, size_t len, int ncp, bool authors_only);
extern bool sp_source_line(const char *s, size_t len, int ncp);
extern bool sp_closing_note(const char *s, size_t len, int ncp);
extern bool sp_picture_note(const char *s, size_t len, int ncp);
extern bool sp_picture_tail(const char *s, size_t len, int ncp);
extern size_t sp_credit_bracket(const char *s, size_t len);

/* split_lines.c: cut the text into lines and classify each */
extern SpLine *sp_lines_build(const char *text, size_t len, size_t *n_lines);
extern void sp_classify(const char *text, SpLine *l);

/* split_headline.c: tell kicker, title, subtitle and column label apart */
extern void sp_assign_headline(const char *text, SpLine *lines, const int *idx, int n);
extern void sp_title_inline_kicker(const char *text, SpLine *l);

/* split_body.c: join body pieces into clean paragraphs */
typedef struct SpBodyState
{
	NaBuf		buf;
	bool		open;			/* last piece ended mid-sentence */
	uint32_t	last_cp;
} SpBodyState;

extern void sp_body_init(SpBodyState *st);
extern void sp_body_add(SpBodyState *st, const char *s, size_t len, bool own_paragraph);
extern void sp_body_break(SpBodyState *st);
extern void sp_body_add_item(SpBodyState *st, const char *s, size_t len);
extern char *sp_body_finish(SpBodyState *st);

/* split_features.c: what the line-role model sees of a line */
#define SP_ATOM_LIST \
	SP_ATOM(BIAS) \
	SP_ATOM(CLS_BLANK) SP_ATOM(CLS_GARBAGE) SP_ATOM(CLS_PAGE) SP_ATOM(CLS_BYLINE) \
	SP_ATOM(CLS_CREDIT) SP_ATOM(CLS_CAPTION) SP_ATOM(CLS_CONT) SP_ATOM(CLS_HEAD) SP_ATOM(CLS_BODY) \
	SP_ATOM(LEN0) SP_ATOM(LEN1) SP_ATOM(LEN2) SP_ATOM(LEN3) SP_ATOM(LEN4) SP_ATOM(LEN5) \
	SP_ATOM(LEN6) SP_ATOM(LEN7) \
	SP_ATOM(INDENTED) SP_ATOM(FLUSH) \
	SP_ATOM(BRACKET_CREDIT) SP_ATOM(BRACKETED) SP_ATOM(TAIL_TAG) SP_ATOM(END_SENT) \
	SP_ATOM(END_Q) SP_ATOM(END_COLON) SP_ATOM(END_DASH) SP_ATOM(END_CLAUSE) SP_ATOM(END_WORD) \
	SP_ATOM(INNER_STOP) SP_ATOM(COMMA0) SP_ATOM(COMMA1) SP_ATOM(COMMA3) \
	SP_ATOM(DASH_LED) SP_ATOM(DATELINE) SP_ATOM(MARK1) SP_ATOM(MARK2) SP_ATOM(MARK3) \
	SP_ATOM(BULLET) SP_ATOM(NUMBERED) SP_ATOM(BRACKET_LED) SP_ATOM(KICKER_SHAPE) SP_ATOM(COLUMN_LABEL) \
	SP_ATOM(CREDIT_WORDS) SP_ATOM(BLANK_BEFORE) SP_ATOM(BLANK_AFTER) \
	SP_ATOM(FIRST) \
	SP_ATOM(P_CLS_BLANK) SP_ATOM(P_CLS_GARBAGE) SP_ATOM(P_CLS_PAGE) SP_ATOM(P_CLS_BYLINE) \
	SP_ATOM(P_CLS_CREDIT) SP_ATOM(P_CLS_CAPTION) SP_ATOM(P_CLS_CONT) SP_ATOM(P_CLS_HEAD) \
	SP_ATOM(P_CLS_BODY) \
	SP_ATOM(P_SHORT) SP_ATOM(P_LONG) SP_ATOM(P_ENDS) SP_ATOM(P_BRACKETED) SP_ATOM(P_INDENTED) \
	SP_ATOM(LAST) \
	SP_ATOM(N_CLS_BLANK) SP_ATOM(N_CLS_GARBAGE) SP_ATOM(N_CLS_PAGE) SP_ATOM(N_CLS_BYLINE) \
	SP_ATOM(N_CLS_CREDIT) SP_ATOM(N_CLS_CAPTION) SP_ATOM(N_CLS_CONT) SP_ATOM(N_CLS_HEAD) \
	SP_ATOM(N_CLS_BODY) \
	SP_ATOM(N_SHORT) SP_ATOM(N_LONG) SP_ATOM(N_INDENTED) SP_ATOM(N_DATELINE) SP_ATOM(N_DASH_LED) \
	SP_ATOM(DOC_INDENTED) SP_ATOM(DOC_FLUSH) SP_ATOM(DOC_GAPPY) SP_ATOM(DOC_DENSE) \
	SP_ATOM(COH_NA) SP_ATOM(COH0) SP_ATOM(COH1) SP_ATOM(COH2) SP_ATOM(COH3) SP_ATOM(COH4) \
	SP_ATOM(COH5) \
	SP_ATOM(DIP_NA) SP_ATOM(DIP0) SP_ATOM(DIP1) SP_ATOM(DIP2) SP_ATOM(DIP3) SP_ATOM(DIP4) \
	SP_ATOM(COH_SMALL) SP_ATOM(SELFP0) SP_ATOM(SELFP1) SP_ATOM(SELFP2) \
	SP_ATOM(SELFN0) SP_ATOM(SELFN1) SP_ATOM(SELFN2) \
	SP_ATOM(COHL_NA) SP_ATOM(COHL0) SP_ATOM(COHL1) SP_ATOM(COHL2) SP_ATOM(COHL3) SP_ATOM(COHL4) \
	SP_ATOM(COHL5) \
	SP_ATOM(AD_PHONE) SP_ATOM(AD_PRICE) SP_ATOM(AD_CONTACT) SP_ATOM(AD_NOTICE) SP_ATOM(AD_ADVERT) \
	SP_ATOM(P_ADLIKE) SP_ATOM(N_ADLIKE) \
	SP_HIST_ATOMS \
	SP_ATOM_LIST_TRANSFER \
	SP_ATOM_LIST_WEB \
	SP_ATOM_LIST_BLOCK \
	SP_ATOM_LIST_LIST \
	SP_ATOM_LIST_STACK

/*
 * ---- Historical issues (issue #11, branch hist) ----
 * Column-broken issues joined by split_reflow.c: COLS_DOC the issue was
 * joined; COLS_JOINED the line was joined from two or more column lines
 * (a paragraph), COLS_ONE it is one line shorter than a column (a
 * headline, a deck line, a paragraph of one column), COLS_FULL one line of
 * a full column left alone; P_/N_COLS_JOINED the same of the neighbours.
 */
#define SP_HIST_ATOMS \
	SP_ATOM(COLS_DOC) SP_ATOM(COLS_JOINED) SP_ATOM(COLS_ONE) SP_ATOM(COLS_FULL) \
	SP_ATOM(P_COLS_JOINED) SP_ATOM(N_COLS_JOINED)

/*
 * Features for papers with other conventions (branch model, issue #11):
 * whether the line before closed an article (a credit, a bracketed note, a
 * signature date, 摄), whether the paragraph after next opens with a
 * dateline (kicker/title/subtitle stacks), whether the next paragraph names
 * a dateline in its first 40 characters (电（, 报讯, 报道：).  Measured in
 * README ("Transfer to a paper the model never saw").
 * Signature blocks (documents, letters, appeals): DATE_ONLY the line is a
 * full date and nothing else (2024年5月3日, 二〇二四年五月三日);
 * SIGN_ABOVE a short unpunctuated line (an issuer, a name) with such a date
 * line one or two lines below, only short unpunctuated lines between.  Line
 * by line the block looks like the next article's kicker and title.
 * N2_CREDIT: the second line after this one is a photographer's credit
 * (本报记者 X摄): a short line over one paragraph and a credit is a photo
 * news item's headline, not a section head of the article before.
 */
#define SP_ATOM_LIST_TRANSFER \
	SP_ATOM(P_SIGNOFF) SP_ATOM(N2_DATELINE) SP_ATOM(N2_CREDIT) SP_ATOM(N_LEAD40) \
	SP_ATOM(DATE_ONLY) SP_ATOM(SIGN_ABOVE)

/*
 * Title echo (branch web, issue #11): how many content bigrams of the
 * nearest headline-like lines above a short line, each with the opening of
 * the paragraph after it (the article's title and lead, or a section's
 * head), come back in the text after the line: ECHO1 two to five, ECHO2
 * six or more.  No atom when fewer come back or there is no such line: an
 * echo is evidence that the line goes on an article, its absence is not
 * evidence of a new one.  In copied web text a section head and a new
 * article's title look alike; a section goes on with its article's words,
 * a new article does not.
 * QNAME: the line is only a work's name in book-title marks (《X》,
 * sp_quoted_name()): the head of a poem or passage an article quotes.
 */
#define SP_ATOM_LIST_WEB \
	SP_ATOM(ECHO1) SP_ATOM(ECHO2) SP_ATOM(QNAME)

/*
 * Block features (branch splitweb, issue #11; split_block.c): on a line of
 * a headline-like stack, the stretch the stack would open (up to the next
 * headline-like line) against the stretch before it.  BDEP0..3: TextTiling's
 * depth in blocks, the content bigrams the nearer halves of the two
 * stretches share against what each stretch shares between its own halves
 * (BDEP0 a deep dip: a new topic; BDEP3 none); BDEP_NA a stretch too short.
 * BLK_DL: a dateline or byline in the first three lines of the stretch.
 * QHEAD: a short line closing in ？, ！ or … with no full stop inside and no
 * opening quote (a question or exclamation headline; the line classes call
 * it body); such lines count as headline-like for the stretches too, and
 * their closing mark is END_Q, not END_SENT (split_features.c).
 */
#define SP_ATOM_LIST_BLOCK \
	SP_ATOM(BDEP_NA) SP_ATOM(BDEP0) SP_ATOM(BDEP1) SP_ATOM(BDEP2) SP_ATOM(BDEP3) \
	SP_ATOM(BLK_DL) SP_ATOM(QHEAD)

/*
 * Lists (issue #11; split_list.c): LIST_B1/B2 two to five / six or more
 * item-like lines (short, no sentence) right before the line, LIST_A1/A2
 * the same right after it; SPACED a gap of spaces between two fields of
 * the line (王伟　北京市某某公司工程师, 王　伟　　李　娜).  Line by line a
 * name list looks like a stack of headlines; as a run it is one body.
 * NAME_LINE: the line is only who wrote it, one to four names without a
 * role word (钱七, 王　伟, 张三　李四: commentary and theory pages print the
 * byline so) or a commentator (本报评论员); sp_name_line().
 * NUM_NEXT (split_numbers.c): the line is numbered (一、 （二） 3. 第四，) and
 * goes on the numbering of the last line numbered in that style (a report's
 * or speech's next head, whatever its topic).
 * BULLET_RUN (sp_bullet_runs): the line is one of two or more lines in a
 * row led by a bullet (■ ● ◆ ▲ ★), none a byline, credit or caption by its
 * shape: an article's key points, not a ■ byline or section head.
 */
#define SP_ATOM_LIST_LIST \
	SP_ATOM(LIST_B1) SP_ATOM(LIST_B2) SP_ATOM(LIST_A1) SP_ATOM(LIST_A2) SP_ATOM(SPACED) \
	SP_ATOM(NAME_LINE) SP_ATOM(NUM_NEXT) SP_ATOM(BULLET_RUN)

/*
 * Headline stacks (issue #11): a paper sets the main title in its largest
 * type, so it is the shortest line of its stack, and the kicker above it
 * or the subtitle under it carries more words.  On a headline-like line
 * next to another (SP_STACK_MAX characters or fewer each): STK_SHORTER_P
 * it is at least SP_STACK_GAP characters shorter than the line before,
 * STK_LONGER_P that much longer; STK_SHORTER_N, STK_LONGER_N the same
 * against the line after.  Two lines of one length give none, and so do
 * the lines of a run of more than four such lines (verse, a list's items).
 */
#define SP_ATOM_LIST_STACK \
	SP_ATOM(STK_SHORTER_P) SP_ATOM(STK_LONGER_P) SP_ATOM(STK_SHORTER_N) SP_ATOM(STK_LONGER_N)

typedef enum SpAtom
{
#define SP_ATOM(name) SPA_##name,
	SP_ATOM_LIST
#undef SP_ATOM
	SP_N_ATOMS
} SpAtom;

#define SP_N_FEATURES	(SP_N_ATOMS + SP_N_ATOMS * SP_N_ATOMS)
#define SP_MAX_ATOMS	48
#define SP_MAX_IDS		(SP_MAX_ATOMS + SP_MAX_ATOMS * (SP_MAX_ATOMS - 1) / 2)

typedef struct SpFeatures
{
	int			n_atoms;
	int			n_ids;
	uint8_t		atoms[SP_MAX_ATOMS];
	int			ids[SP_MAX_IDS];
} SpFeatures;

extern const char *const sp_atom_names[SP_N_ATOMS];
extern void sp_doc_style(const SpLine *lines, int lo, int hi, bool *indented, bool *gappy);
/* the lines the model labels (seq, n of them) and the issue's style */
typedef struct SpSeq
{
	const char *text;
	const SpLine *lines;
	const int  *seq;
	int			n;
	bool		doc_ind;
	bool		doc_gap;
	bool		doc_cols;		/* column-broken, joined by split_reflow.c */
	struct SpCohesion *coh;		/* at each line, sp_cohesion_all() */
} SpSeq;

typedef struct SpCohesion
{
	int16_t		coh;			/* percent of bigrams shared across; -1 */
	int16_t		coh_long;		/* the same over a wider window */
	bool		small;			/* a side had few characters */
	int8_t		self_prev;		/* bigrams of the line before it: 0..2, -1 */
	int8_t		self_next;		/* ... and after it */
	uint8_t		notice;			/* sp_notice_shape() of the line */
	bool		signoff;		/* the line closes an article: credit, note, date */
	bool		lead40;			/* a dateline in its first 40 characters */
	uint8_t		sign;			/* 1 a date line alone, 2 a line of the
								 * signature block above one */
	int8_t		echo;			/* title echo (SP_ATOM_LIST_WEB): shared
								 * bigrams, capped at 100; -1 none */
	int8_t		bdep;			/* block depth (SP_ATOM_LIST_BLOCK): 0..3,
								 * -1 not measurable, -2 not a head */
	bool		blk_dl;			/* a dateline/byline opens the stretch */
	bool		qhead;			/* question/exclamation headline shape */
	uint8_t		run_before;		/* item-like lines right before it */
	uint8_t		run_after;		/* ... and right after it (split_list.c) */
	bool		spaced;			/* a gap of spaces between two fields */
	bool		name_line;		/* only names, or 本报评论员 (sp_name_line) */
	bool		num_next;		/* goes on a numbering (split_numbers.c) */
	bool		bullet_run;		/* bulleted points in a row (split_list.c) */
	bool		stack;			/* may be a line of a headline stack */
} SpCohesion;

extern void sp_cohesion_all(const SpSeq *sq, SpCohesion *coh);

/* split_chars.c: classes of a code point, the basic plane by a table */
#define SPX_SPACE	0x01		/* na_is_space */
#define SPX_HAN		0x02		/* na_is_han */
#define SPX_WORD	0x04		/* Han, Latin or a digit */
#define SPX_BAD		0x08		/* U+FFFD, a control character but tab */
#define SPX_DROP	0x10		/* dropped from a body: ■ □ # \r */
#define SPX_CONTENT	0x20		/* Han, not a function character (的, 了 ...):
								 * cohesion's bigrams */
extern uint8_t sp_char_bits[0x10000];
extern bool sp_char_bits_made;
extern void sp_char_bits_make(void);

static inline int
sp_char_class(uint32_t cp)
{
	if (cp < 0x10000)
	{
		if (!sp_char_bits_made)
			sp_char_bits_make();
		return sp_char_bits[cp];
	}
	/*
	 * no white space, Latin, digit, bad or function character lies past the
	 * plane
	 */
	return na_is_han(cp) ? SPX_HAN | SPX_WORD | SPX_CONTENT : 0;
}

/* split_cohesion.c: content bigrams and the cohesion figures of each line */
typedef struct SpBigrams
{
	uint32_t   *h;				/* hashed, in text order */
	uint16_t   *slot;			/* their slots in a window */
	int		   *off;			/* line k's: off[k] .. off[k + 1] - 1 */
} SpBigrams;

extern void sp_bigrams_build(const SpSeq *sq, SpBigrams *bg);
extern void sp_bigrams_free(SpBigrams *bg);
extern void sp_cohesion_lines(const SpSeq *sq, const SpBigrams *bg, SpCohesion *coh);

/* split_list.c: runs of short item lines (name lists, directories) */
#define SP_ITEM_MAX_CP		40	/* an item line is at most this long */
#define SP_LIST_MIN_LINES	6	/* a run this long is a list */
extern bool sp_item_like(const char *text, const SpLine *l);
extern void sp_list_runs(const char *text, const SpLine *lines, const int *seq,
						 int n, uint8_t *before, uint8_t *after);
extern void sp_list_mark(const char *text, SpLine *lines, const int *seq, int n);
extern void sp_bullet_runs(const char *text, const SpLine *lines, const int *seq, int n,
						   bool *run);
extern bool sp_line_spaced(const char *text, const SpLine *l);

/* split_numbers.c: numbered heads and whether a number goes on the last */
typedef enum SpNumStyle
{
	SP_NUM_NONE,
	SP_NUM_HAN,					/* 一、 */
	SP_NUM_PAREN_HAN,			/* （一） */
	SP_NUM_ARABIC,				/* 1. 1、 １． */
	SP_NUM_PAREN_ARABIC,		/* （1） */
	SP_NUM_DI,					/* 第一， 第二章 */
	SP_NUM_STYLES
} SpNumStyle;
extern int	sp_head_number(const char *s, size_t len, int *style);
/* does the line open with a head's number (一、 （一） 1. 第三站：, not 第三届 or 1.5亿)? */
extern bool sp_line_numbered(const char *text, const SpLine *l);
extern void sp_number_runs(const char *text, const SpLine *lines, const int *seq,
						   int n, bool *next);

extern bool sp_echo_head(const SpLine *l);

/* split_block.c: block depth and datelines over the stretches around a head */
extern void sp_block_all(const SpSeq *sq, const uint32_t *h, const int *off, SpCohesion *coh);

extern void sp_features_line(const SpSeq *sq, int k, SpFeatures *f);
extern bool sp_tail_tag(const char *s, size_t len, bool *whole);

/* split_notice.c: advert and notice shapes of a line */
#define SP_AD_PHONE		0x01
#define SP_AD_PRICE		0x02
#define SP_AD_CONTACT	0x04
#define SP_AD_NOTICE	0x08
#define SP_AD_ADVERT	0x10
#define SP_NOTICE_MAX_CP	120	/* longer lines show only phone numbers */
extern int	sp_notice_shape(const char *s, size_t len, int ncp);
extern bool sp_notice_possible(const int *ids, int n_ids);

/* split_roles.c: the line-role model (weights in split_model_weights.h) */
typedef enum SpRole
{
	SPR_PAGE,
	SPR_KICKER,
	SPR_TITLE,
	SPR_SUBTITLE,
	SPR_BYLINE,
	SPR_LEAD,					/* first paragraph of an article without headline */
	SPR_BODY,
	SPR_HEADING,
	SPR_CAPTION,
	SPR_CREDIT,
	SPR_ADVERT,					/* advert: goods, jobs, services */
	SPR_NOTICE,					/* notice: 寻人启事, 遗失声明, 更正, 公告 */
	SPR_OTHER,					/* masthead, boilerplate */
	SPR_N
} SpRole;

/* a role of an article's headline stack, its byline included */
static inline bool
sp_head_role(SpRole r)
{
	return r == SPR_KICKER || r == SPR_TITLE || r == SPR_SUBTITLE || r == SPR_BYLINE;
}

/* the end (exclusive) of the head lines from k on: headline lines or section heads */
static inline int
sp_head_run_end(const SpRole *roles, int n, int k)
{
	while (k < n && (sp_head_role(roles[k]) || roles[k] == SPR_HEADING))
		k++;
	return k;
}

/* lines from .. to - 1 become section heads of the article they are in */
static inline void
sp_make_heads(SpRole *roles, int from, int to)
{
	int			j;

	for (j = from; j < to; j++)
		roles[j] = SPR_HEADING;
}

/* split_headline.c: the title of a decoded headline stack from its cues */
extern void sp_stack_cues(const char *text, const SpLine *lines, const int *seq, int n,
						  SpRole *roles);

/* split_ends.c: a new article's cues where the body ends */
extern void sp_end_cues(const char *text, const SpLine *lines, const int *seq, int n,
						SpRole *roles);

/* split_numbers.c: a numbered part's head stack goes on its article */
extern void sp_numbered_parts(const char *text, const SpLine *lines, const int *seq, int n,
							  SpRole *roles);

/* longest line the model may call a headline, byline or page header */
#define SP_HEAD_MAX_CP	120
/* a part's head is short: longer numbered lines are paragraphs */
#define SP_PART_HEAD_MAX	(SP_HEAD_MAX_CP / 4)

/* split_parallel.c: an un-numbered compilation's parts go on its article */
extern void sp_parallel_parts(const char *text, const SpLine *lines, const int *seq, int n,
							  SpRole *roles);

extern const char *const sp_role_names[SPR_N];
extern void sp_roles_decode(const SpSeq *sq, SpRole *roles, float *margin);

/* a stack line is shorter or longer than its neighbour by this many characters or more */
#define SP_STACK_GAP	2

/* split_stacks.c: an issue's own headline convention (a second pass) */
#define SP_STK_SHORTER_P	1	/* shorter than the stack line over it */
#define SP_STK_LONGER_N	2		/* longer than the stack line under it */
extern bool sp_stack_lean(const SpSeq *sq, const SpRole *roles, const uint8_t *shape,
						  float *em);

/* the assembly state: articles under construction */
typedef struct ArtB
{
	NaArticleKind kind;
	int			title_level;	/* fewest # among headline lines; 99 none */
	bool		has_head;
	bool		has_title;
	bool		has_byline;
	bool		has_body;
	bool		closed;
	bool		open_sentence;	/* last body line ended mid-sentence */
	size_t		body_cp;
	int			continued_to;
	int			continued_from;
	char	   *section;
	int			created_at;		/* line index */
} ArtB;

typedef struct Asm
{
	const char *text;
	SpLine	   *lines;
	int			lo,				/* the article zone, in lines */
				hi;
	ArtB	   *arts;
	int			n_arts;
	int			cap_arts;
	int			cur;
	char	   *page_section;
	int			pending_from;	/* 上接第N版 seen before its article */
	bool		web;
	bool		cols;			/* column-broken, joined by split_reflow.c */
	bool		marked_doc;		/* OCR heading marks are in use */
	int			marked_bylines; /* bylines led by ■ or □ */
	int			heading_marks;	/* lines with markdown heading marks */
} Asm;

/* split_assemble.c: the rule assembler and the helpers both assemblers use */
extern int	sp_new_article(Asm *as, NaArticleKind kind, int line);
extern void sp_set_line(Asm *as, int i, NaSegRole role, int art);
extern void sp_add_body_line(Asm *as, int i, int a);
extern void sp_on_page_header(Asm *as, int i);
extern void sp_on_continuation(Asm *as, int i);
extern void sp_assemble_rules(Asm *as, const NaIssueInfo *info, int head_hi);

/* split_articles.c: articles from the roles the model gave the lines */
extern void sp_assemble_roles(Asm *as);
extern bool sp_line_modelled(const char *text, const SpLine *l);

/* split_fill.c: article fields, kinds and segments from the assembled lines */
extern void sp_fill(Asm *as, NaSplit *out, int n_lines, int head_hi, int tail_lo);

/* split_reflow.c: the column lines joined into each line of the shadow text */
struct SpReflow;
extern bool sp_reflow_mark_lines(const struct SpReflow *rf, SpLine *lines, size_t n_lines);

/* split_free.c */
extern void na_split_free_article(NaArticle *ar);

#endif							/* SPLIT_INTERNAL_H */
