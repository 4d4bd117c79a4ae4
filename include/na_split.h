/*
 * na_split.h
 *	  Split one raw newspaper issue (OCR text, a saved web page or an e-paper
 *	  dump) into articles in reading order, and label every span of the raw
 *	  text with the role the parser gave it.  Plain C; see src/core/split_*.c.
 *
 * Anything gets an answer: odd layouts, text that is no newspaper at all,
 * malformed UTF-8.  Runs in linear time over the text.
 */
#ifndef NA_SPLIT_H
#define NA_SPLIT_H

#include "na_port.h"
#include "na_byline.h"
#include "na_frontmatter.h"

typedef enum NaArticleKind
{
	NA_KIND_ARTICLE,
	NA_KIND_COMMENTARY,
	NA_KIND_PHOTO,
	NA_KIND_BRIEF,				/* a short item without headline or byline */
	NA_KIND_ADVERT,				/* an advert between articles */
	NA_KIND_NOTICE				/* a notice: 寻人启事, 遗失声明, 更正 ... */
} NaArticleKind;

typedef enum NaSegRole
{
	NA_SEG_BLANK,
	NA_SEG_MASTHEAD,
	NA_SEG_BOILERPLATE,
	NA_SEG_PAGE_HEADER,
	NA_SEG_SECTION,				/* column label */
	NA_SEG_KICKER,
	NA_SEG_TITLE,
	NA_SEG_SUBTITLE,
	NA_SEG_BYLINE,
	NA_SEG_DATELINE,
	NA_SEG_BODY,
	NA_SEG_HEADING,				/* section head inside an article */
	NA_SEG_CAPTION,
	NA_SEG_CREDIT,				/* photo credit: 记者 X 摄 */
	NA_SEG_CONTINUATION,
	NA_SEG_GARBAGE,
	NA_SEG_MARKUP,				/* HTML tags, comments, scripts (html_segments.c) */
	NA_SEG_N_ROLES
} NaSegRole;

typedef struct NaSegment
{
	size_t		start;			/* byte offsets into the raw text */
	size_t		end;
	NaSegRole	role;
	int			ordinal;		/* article (1-based); 0 for none */
	float		score;			/* the line-role model's margin for the
								 * line's role; 0 when rules assembled it */
} NaSegment;

typedef struct NaArticle
{
	int			ordinal;		/* 1-based, reading order */
	NaArticleKind kind;
	char	   *section;		/* column label or page section */
	char	   *kicker;
	char	   *title;
	char	   *subtitle;
	char	   *byline;			/* as printed, without ■/□ */
	NaByline	authors;
	char	   *dateline;		/* 本报讯, 新华社北京5月14日电 */
	int			reported_y,		/* the day the lead refers to; 0 if unknown */
				reported_m,
				reported_d;
	char	   *body;			/* cleaned, one paragraph a line */
	char	   *caption;		/* photos */
	char	   *notes;			/* closing credits and notes as printed
								 * ((责编：X), (资料来源：...), X 摄), one a
								 * line */
	int			continued_to;	/* 下转第N版; 0 when none */
	int			continued_from; /* 上接第N版; 0 when none */
	size_t		raw_start;		/* byte span in the raw text */
	size_t		raw_end;
} NaArticle;

typedef struct NaSplit
{
	NaIssueInfo info;
	int			n_articles;
	NaArticle  *articles;
	size_t		n_segments;
	NaSegment  *segments;
} NaSplit;

/*
 * The layout a user may force: AUTO looks at the issue (OCR heading marks or
 * a saved web page go to the rule assembler, everything else to the
 * line-role model); EPAPER and WEB force the model, OCR the rules.
 * HISTORICAL joins column-broken lines (OCR'd vertical columns) into
 * paragraphs first (split_reflow.c), then the model; AUTO does the same
 * when the issue's line lengths show columns clearly.
 */
typedef enum NaSplitLayout
{
	NA_LAYOUT_AUTO,
	NA_LAYOUT_EPAPER,
	NA_LAYOUT_OCR,
	NA_LAYOUT_WEB,
	NA_LAYOUT_HISTORICAL
} NaSplitLayout;

/* Split text (len bytes, need not be NUL-terminated).  Never fails. */
extern void na_split_issue(const char *text, size_t len, NaSplit *out);
extern void na_split_issue_layout(const char *text, size_t len, NaSplitLayout layout,
								  NaSplit *out);

struct NaBuf;
/* for the fitting tool: each modelled line's features as text */
extern void na_split_features(const char *text, size_t len, struct NaBuf *out);

/* 'auto', 'epaper', 'ocr', 'web', 'historical' -> layout; false for an unknown name */
extern bool na_split_layout_from_name(const char *name, NaSplitLayout *layout);
extern void na_split_free(NaSplit *sp);

extern const char *na_seg_role_name(NaSegRole role);
extern const char *na_article_kind_name(NaArticleKind kind);

/*
 * Write the split as JSON (the shape split_score.py reads): {"issue": {...},
 * "articles": [...], "segments": [...]}.  Offsets are exported in code
 * points of text.
 */
struct NaBuf;
extern void na_split_to_json(const NaSplit *sp, const char *text, size_t len,
							 struct NaBuf *out, bool with_segments);

/* byte offsets -> code point offsets, for offsets given in ascending order */
typedef struct NaCpCursor
{
	const char *text;
	size_t		len;
	size_t		byte;
	size_t		cp;
} NaCpCursor;

extern size_t na_cp_offset(NaCpCursor *cur, size_t byte);

#endif							/* NA_SPLIT_H */
