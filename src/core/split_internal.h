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

	/* pieces of the content with their own role */
	size_t		lead_len;		/* bytes from cs */
	NaSegRole	lead_role;
	size_t		trail_len;		/* bytes before ce */
	NaSegRole	trail_role;
	size_t		dateline_len;	/* the dateline token inside the lead */
	int			cont_to;
	int			cont_from;

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
extern size_t sp_garbage_prefix(const char *s, size_t len);
extern bool sp_resolve_reported_on(const char *s, size_t len, const NaIssueInfo *info,
								   int *y, int *m, int *d);

/* split_lines.c: cut the text into lines and classify each */
extern SpLine *sp_lines_build(const char *text, size_t len, size_t *n_lines);
extern void sp_classify(const char *text, SpLine *l);

/* split_headline.c: tell kicker, title, subtitle and column label apart */
extern void sp_assign_headline(const char *text, SpLine *lines, const int *idx, int n);

/* split_body.c: join body pieces into clean paragraphs */
typedef struct SpBodyState
{
	NaBuf		buf;
	bool		open;			/* last piece ended mid-sentence */
	uint32_t	last_cp;
} SpBodyState;

extern void sp_body_init(SpBodyState *st);
extern void sp_body_add(SpBodyState *st, const char *s, size_t len, bool own_paragraph);
extern char *sp_body_finish(SpBodyState *st);

/* split_free.c */
extern void na_split_free_article(NaArticle *ar);

#endif							/* SPLIT_INTERNAL_H */
