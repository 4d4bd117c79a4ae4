/*
 * html_dom.c
 *	  Read a UTF-8 page with libxml2's HTML parser (recovering, no network,
 *	  the page's own charset hint ignored: the bytes are UTF-8 already) and
 *	  walk the tree, without recursion, into blocks of text (na_html.h).
 *
 * Inside the server the tree is freed on every path: on success at once,
 * on ERROR (a cancel in the walk) by a reset callback of the memory context
 * the walk runs in.  No libxml2 global setting is changed: errors are
 * silenced per parse (HTML_PARSE_NOERROR), and libxml2 allocates with its
 * default malloc, as PostgreSQL's own xml.c leaves it.
 */
#include "na_html.h"
#include "na_buf.h"
#include "na_utf8.h"

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#ifndef NA_STANDALONE
#include "utils/memutils.h"
#endif

#define PARSE_CHUNK (256 * 1024)	/* bytes fed to libxml2 between interrupt checks */

typedef struct WalkFrame
{
	int			elem;
	int			hint;
	bool		in_a;
	bool		in_list;
	bool		boiler;
	bool		caption;
	NaHtmlTag	tag;
} WalkFrame;

typedef struct Walk
{
	NaHtmlPage *page;
	NaBuf		cur;			/* the block being collected */
	int			cur_chars,
				cur_han,
				cur_links,
				cur_punct;
	bool		pending_space;
	bool		saw_img;
	int			order;
	WalkFrame  *stack;
	int			depth;
	int			cap;
} Walk;

bool
na_html_looks_like(const char *text, size_t len)
{
	size_t		i,
				lim = len < 1024 ? len : 1024;

	for (i = 0; i + 4 < lim; i++)
	{
		if (text[i] != '<')
			continue;
		/* five bytes are there (i + 4 < lim); the doctype needs its own check */
		if (strncasecmp(text + i, "<html", 5) == 0 || strncasecmp(text + i, "<head", 5) == 0 ||
			strncasecmp(text + i, "<meta", 5) == 0 || strncasecmp(text + i, "<body", 5) == 0 ||
			(i + 14 <= len && strncasecmp(text + i, "<!doctype html", 14) == 0))
			return true;
	}
	return false;
}

/*
 * What an element is, looked up once per element by name (libxml2's HTML
 * parser gives element names in lower case).
 */
#define EK_SKIP		0x01		/* contents are no page text */
#define EK_BLOCK	0x02		/* ends and starts a block */

typedef struct ElemKind
{
	const char *name;
	uint8_t		flags;
	NaHtmlTag	tag;
} ElemKind;

/* sorted by name for bsearch */
static const ElemKind elem_kinds[] = {
	{"address", EK_BLOCK, NA_HT_OTHER}, {"article", EK_BLOCK, NA_HT_DIV},
	{"aside", EK_BLOCK, NA_HT_OTHER}, {"blockquote", EK_BLOCK, NA_HT_OTHER},
	{"body", EK_BLOCK, NA_HT_OTHER}, {"br", EK_BLOCK, NA_HT_OTHER},
	{"button", EK_SKIP, NA_HT_OTHER}, {"canvas", EK_SKIP, NA_HT_OTHER},
	{"center", EK_BLOCK, NA_HT_OTHER}, {"dd", EK_BLOCK, NA_HT_LI},
	{"div", EK_BLOCK, NA_HT_DIV}, {"dl", EK_BLOCK, NA_HT_OTHER},
	{"dt", EK_BLOCK, NA_HT_LI}, {"embed", EK_SKIP, NA_HT_OTHER},
	{"figcaption", EK_BLOCK, NA_HT_CAPTION}, {"figure", EK_BLOCK, NA_HT_OTHER},
	{"footer", EK_BLOCK, NA_HT_OTHER}, {"form", EK_BLOCK, NA_HT_OTHER},
	{"h1", EK_BLOCK, NA_HT_H1}, {"h2", EK_BLOCK, NA_HT_HEADING},
	{"h3", EK_BLOCK, NA_HT_HEADING}, {"h4", EK_BLOCK, NA_HT_HEADING},
	{"h5", EK_BLOCK, NA_HT_HEADING}, {"h6", EK_BLOCK, NA_HT_HEADING},
	{"head", EK_SKIP, NA_HT_OTHER}, {"header", EK_BLOCK, NA_HT_OTHER},
	{"hr", EK_BLOCK, NA_HT_OTHER}, {"html", EK_BLOCK, NA_HT_OTHER},
	{"iframe", EK_SKIP, NA_HT_OTHER}, {"input", EK_SKIP, NA_HT_OTHER},
	{"li", EK_BLOCK, NA_HT_LI}, {"main", EK_BLOCK, NA_HT_DIV},
	{"nav", EK_BLOCK, NA_HT_OTHER}, {"noscript", EK_SKIP, NA_HT_OTHER},
	{"object", EK_SKIP, NA_HT_OTHER}, {"ol", EK_BLOCK, NA_HT_OTHER},
	{"option", EK_SKIP, NA_HT_OTHER}, {"p", EK_BLOCK, NA_HT_P},
	{"pre", EK_BLOCK, NA_HT_PRE}, {"script", EK_SKIP, NA_HT_OTHER},
	{"section", EK_BLOCK, NA_HT_DIV}, {"select", EK_SKIP, NA_HT_OTHER},
	{"style", EK_SKIP, NA_HT_OTHER}, {"svg", EK_SKIP, NA_HT_OTHER},
	{"table", EK_BLOCK, NA_HT_OTHER}, {"tbody", EK_BLOCK, NA_HT_OTHER},
	{"td", EK_BLOCK, NA_HT_TD}, {"template", EK_SKIP, NA_HT_OTHER},
	{"textarea", EK_SKIP, NA_HT_OTHER}, {"th", EK_BLOCK, NA_HT_TD},
	{"thead", EK_BLOCK, NA_HT_OTHER}, {"tr", EK_BLOCK, NA_HT_OTHER},
	{"ul", EK_BLOCK, NA_HT_OTHER},
};

static int
cmp_kind(const void *key, const void *elem)
{
	return strcmp((const char *) key, ((const ElemKind *) elem)->name);
}

static const ElemKind *
kind_of(const xmlNode *n)
{
	if (n->name == NULL)
		return NULL;
	return bsearch(n->name, elem_kinds, sizeof(elem_kinds) / sizeof(elem_kinds[0]),
				   sizeof(ElemKind), cmp_kind);
}

static bool
name_is(const xmlNode *n, const char *name)
{
	return n->name && strcmp((const char *) n->name, name) == 0;
}

static bool
skipped_element(const xmlNode *n)
{
	const ElemKind *k = kind_of(n);

	return k && (k->flags & EK_SKIP);
}

static bool
block_element(const xmlNode *n)
{
	const ElemKind *k = kind_of(n);

	return k && (k->flags & EK_BLOCK);
}

static NaHtmlTag
tag_of(const xmlNode *n)
{
	const ElemKind *k = kind_of(n);

	return k ? k->tag : NA_HT_OTHER;
}

/* words of class and id that mark content (+1) or page furniture (-1) */
static int
hint_of_attr(const char *v)
{
	static const char *const neg[] = {
		"comment", "footer", "foot", "share", "related", "relate", "sidebar", "side",
		"nav", "menu", "breadcrumb", "crumb", "recommend", "hot", "rank", "copyright",
		"login", "advert", "banner", "sponsor", "widget", "toolbar", "tool", "social",
		"popup", "modal", "subscribe", "more", "tags", "keyword", "author-info", "next",
		"prev", "page-nav", "pager", "header", "topbar", "search", "weibo", "qrcode",
		"ad_", "-ad", "gg_", "hidden", "reply", "feedback", "bottom", "links", "list", NULL
	};
	static const char *const pos[] = {
		"article", "content", "entry", "post", "text", "story", "detail", "body",
		"main", "zw", "cont", "artical", "news_txt", "rich_media", NULL
	};
	char		low[256];
	int			i,
				h = 0;

	for (i = 0; v[i] && i < (int) sizeof(low) - 1; i++)
		low[i] = (char) tolower((unsigned char) v[i]);
	low[i] = '\0';
	for (i = 0; neg[i]; i++)
		if (strstr(low, neg[i]))
		{
			h--;
			break;
		}
	for (i = 0; pos[i]; i++)
		if (strstr(low, pos[i]))
		{
			h++;
			break;
		}
	return h;
}

/* an element's class and id, lower-cased, read once */
typedef struct ClassId
{
	char		cls[256];
	char		id[128];
} ClassId;

static void
lower_attr(xmlNode *n, const char *attr, char *out, size_t outlen)
{
	xmlAttr    *a;
	size_t		i = 0;

	out[0] = '\0';
	for (a = n->properties; a; a = a->next)
	{
		if (a->name && strcasecmp((const char *) a->name, attr) == 0 &&
			a->children && a->children->content)
		{
			const xmlChar *v = a->children->content;

			for (i = 0; v[i] && i < outlen - 1; i++)
				out[i] = (char) tolower(v[i]);
			out[i] = '\0';
			return;
		}
	}
}

static void
class_id(xmlNode *n, ClassId *ci)
{
	lower_attr(n, "class", ci->cls, sizeof(ci->cls));
	lower_attr(n, "id", ci->id, sizeof(ci->id));
}

static int
element_hint(const ClassId *ci)
{
	return (ci->cls[0] ? hint_of_attr(ci->cls) : 0) + (ci->id[0] ? hint_of_attr(ci->id) : 0);
}

static bool
ci_has(const ClassId *ci, const char *word)
{
	return strstr(ci->cls, word) != NULL || strstr(ci->id, word) != NULL;
}

static bool
attr_has(xmlNode *n, const char *attr, const char *word)
{
	char		v[256];

	lower_attr(n, attr, v, sizeof(v));
	return strstr(v, word) != NULL;
}

static bool
is_sentence_punct(uint32_t cp)
{
	return cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == 0xFF01 ||
		cp == 0xFF1F || cp == 0x3001 || cp == 0xFF1A || cp == 0x201C || cp == 0x201D;
}

/* C1 controls from character references mean windows-1252, as browsers read them */
static uint32_t
fix_c1(uint32_t cp)
{
	static const uint16_t w1252[32] = {
		0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
		0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178
	};

	return (cp >= 0x80 && cp <= 0x9F) ? w1252[cp - 0x80] : cp;
}

static void
add_text(Walk *w, const char *s, size_t len, bool in_a)
{
	size_t		i = 0;

	while (i < len)
	{
		size_t		adv;
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		i += adv;
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
			cp == 0xA0 || cp == 0x3000 || cp == 0x200B || cp == 0xFEFF)
		{
			w->pending_space = w->cur.len > 0;
			continue;
		}
		if (w->pending_space)
		{
			na_buf_append_char(&w->cur, ' ');
			w->pending_space = false;
		}
		cp = fix_c1(cp);
		if (cp < 0x20)
			continue;
		na_buf_append_cp(&w->cur, cp);
		w->cur_chars++;
		if (in_a)
			w->cur_links++;
		if (cp >= 0x4E00 && cp <= 0x9FFF)
			w->cur_han++;
		if (is_sentence_punct(cp))
			w->cur_punct++;
	}
}

static void
flush_block(Walk *w)
{
	NaHtmlPage *pg = w->page;
	WalkFrame  *f = &w->stack[w->depth - 1];
	NaHtmlBlock *b;
	int			e;

	w->pending_space = false;
	if (w->cur_chars == 0)
	{
		na_buf_reset(&w->cur);
		return;
	}
	if (pg->n_blocks == pg->cap_blocks)
	{
		pg->cap_blocks = pg->cap_blocks ? pg->cap_blocks * 2 : 64;
		pg->blocks = na_realloc(pg->blocks, sizeof(NaHtmlBlock) * pg->cap_blocks);
	}
	b = &pg->blocks[pg->n_blocks++];
	memset(b, 0, sizeof(*b));
	b->text = na_strndup(w->cur.data, w->cur.len);
	b->len = w->cur.len;
	b->chars = w->cur_chars;
	b->han = w->cur_han;
	b->link_chars = w->cur_links;
	b->punct = w->cur_punct;
	b->elem = f->elem;
	b->order = w->order++;
	b->tag = f->caption ? NA_HT_CAPTION : f->tag;
	b->hint = f->hint;
	b->in_list = f->in_list;
	b->boiler_elem = f->boiler;
	b->after_img = w->saw_img;
	for (e = f->elem; e >= 0; e = pg->elems[e].parent)
	{
		pg->elems[e].chars += b->chars;
		pg->elems[e].link_chars += b->link_chars;
	}
	na_buf_reset(&w->cur);
	w->cur_chars = w->cur_han = w->cur_links = w->cur_punct = 0;
	w->saw_img = false;
}

static int
new_elem(Walk *w, int parent, NaHtmlTag tag, int hint)
{
	NaHtmlPage *pg = w->page;
	NaHtmlElem *e;

	if (pg->n_elems == pg->cap_elems)
	{
		pg->cap_elems = pg->cap_elems ? pg->cap_elems * 2 : 64;
		pg->elems = na_realloc(pg->elems, sizeof(NaHtmlElem) * pg->cap_elems);
	}
	e = &pg->elems[pg->n_elems];
	memset(e, 0, sizeof(*e));
	e->parent = parent;
	e->start = w->order;
	e->end = w->order;
	e->tag = tag;
	e->hint = hint;
	return pg->n_elems++;
}

/* a string with white space collapsed; NULL when nothing is left */
static char *
collapse(const char *s, size_t len)
{
	Walk		w;

	memset(&w, 0, sizeof(w));
	na_buf_init(&w.cur, len + 1);
	add_text(&w, s, len, false);
	if (w.cur.len == 0)
	{
		na_buf_free(&w.cur);
		return NULL;
	}
	return w.cur.data;
}

/* text of a node's subtree, white space collapsed */
static char *
node_text(xmlNode *n)
{
	xmlChar    *c = xmlNodeGetContent(n);
	char	   *r;

	if (c == NULL)
		return NULL;
	r = collapse((const char *) c, xmlStrlen(c));
	xmlFree(c);
	return r;
}

static void
add_meta(NaHtmlPage *pg, xmlNode *n)
{
	static const char *const keys[] = {"property", "name", "itemprop", "http-equiv", NULL};
	xmlChar    *content = xmlGetProp(n, (const xmlChar *) "content");
	int			i;

	if (content == NULL)
		return;
	for (i = 0; keys[i]; i++)
	{
		xmlChar    *k = xmlGetProp(n, (const xmlChar *) keys[i]);
		NaHtmlMeta *m;
		int			j;

		if (k == NULL)
			continue;
		if (pg->n_metas == pg->cap_metas)
		{
			pg->cap_metas = pg->cap_metas ? pg->cap_metas * 2 : 32;
			pg->metas = na_realloc(pg->metas, sizeof(NaHtmlMeta) * pg->cap_metas);
		}
		m = &pg->metas[pg->n_metas++];
		m->key = na_strndup((const char *) k, xmlStrlen(k));
		for (j = 0; m->key[j]; j++)
			m->key[j] = (char) tolower((unsigned char) m->key[j]);
		m->value = collapse((const char *) content, xmlStrlen(content));
		xmlFree(k);
		break;
	}
	xmlFree(content);
}

/* the texts of the links under n (breadcrumbs, tag boxes) */
static int
link_texts(xmlNode *n, char **out, int n_out, int depth)
{
	xmlNode    *c;

	for (c = n->children; c && n_out < NA_MAX_LIST && depth < 64; c = c->next)
	{
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (name_is(c, "a"))
		{
			char	   *t = node_text(c);

			if (t && strlen(t) < 120)
				out[n_out++] = t;
			else if (t)
				na_free(t);
		}
		else
			n_out = link_texts(c, out, n_out, depth + 1);
	}
	return n_out;
}

/* elements read for the metadata, not for blocks */
static void
special_element(Walk *w, xmlNode *n, const ClassId *ci)
{
	NaHtmlPage *pg = w->page;

	if (name_is(n, "meta"))
		add_meta(pg, n);
	else if (name_is(n, "title") && pg->title == NULL)
		pg->title = node_text(n);
	else if (name_is(n, "script") && attr_has(n, "type", "ld+json"))
	{
		xmlChar    *c = xmlNodeGetContent(n);

		if (c)
		{
			size_t		old = pg->jsonld ? strlen(pg->jsonld) : 0;
			size_t		add = xmlStrlen(c);

			if (old + add < 1024 * 1024)
			{
				pg->jsonld = na_realloc(pg->jsonld, old + add + 2);
				memcpy(pg->jsonld + old, c, add);
				pg->jsonld[old + add] = '\n';
				pg->jsonld[old + add + 1] = '\0';
			}
			xmlFree(c);
		}
	}
	else if (ci == NULL || (ci->cls[0] == '\0' && ci->id[0] == '\0'))
		return;
	else if (pg->n_crumbs == 0 &&
			 (ci_has(ci, "crumb") || ci_has(ci, "position") || ci_has(ci, "location")))
		pg->n_crumbs = link_texts(n, pg->crumbs, 0, 0);
	else if (pg->n_tag_links == 0 && (ci_has(ci, "tag") || ci_has(ci, "keyword")) &&
			 !name_is(n, "a"))
		pg->n_tag_links = link_texts(n, pg->tag_links, 0, 0);
}

static void
push_frame(Walk *w, xmlNode *n, const ClassId *ci)
{
	WalkFrame  *parent = &w->stack[w->depth - 1];
	WalkFrame  *f;
	int			h = element_hint(ci);

	if (w->depth == w->cap)
	{
		w->cap *= 2;
		w->stack = na_realloc(w->stack, sizeof(WalkFrame) * w->cap);
		parent = &w->stack[w->depth - 1];
	}
	f = &w->stack[w->depth++];
	*f = *parent;
	f->hint = parent->hint + h;
	if (name_is(n, "a"))
		f->in_a = true;
	if (name_is(n, "ul") || name_is(n, "ol"))
		f->in_list = true;
	/* not <form>: old CMS and ASP.NET pages wrap the whole page in one */
	if (name_is(n, "nav") || name_is(n, "footer") || name_is(n, "aside") ||
		name_is(n, "header"))
		f->boiler = true;
	if (name_is(n, "figcaption") || strstr(ci->cls, "caption") ||
		strstr(ci->cls, "pic_text") || strstr(ci->cls, "pictext") ||
		strstr(ci->cls, "img_desc") || strstr(ci->cls, "imgtxt"))
		f->caption = true;
	if (block_element(n))
	{
		f->tag = tag_of(n);
		f->elem = new_elem(w, parent->elem, f->tag, h);
	}
}

static void
pop_frame(Walk *w, xmlNode *n)
{
	WalkFrame  *f = &w->stack[w->depth - 1];

	if (block_element(n))
	{
		flush_block(w);
		w->page->elems[f->elem].end = w->order;
	}
	w->depth--;
}

/* one node on the way down; false when its children are not walked */
static bool
enter_node(Walk *w, xmlNode *n)
{
	ClassId		ci;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
	{
		if (n->content)
			add_text(w, (const char *) n->content, xmlStrlen(n->content),
					 w->stack[w->depth - 1].in_a);
		return false;
	}
	if (n->type != XML_ELEMENT_NODE)
		return false;
	class_id(n, &ci);
	special_element(w, n, &ci);
	if (skipped_element(n))
		return false;
	if (name_is(n, "img"))
	{
		flush_block(w);
		w->saw_img = true;
		return false;
	}
	if (block_element(n))
		flush_block(w);
	push_frame(w, n, &ci);
	return true;
}

static void
walk_tree(Walk *w, xmlNode *root)
{
	xmlNode    *n = root;
	long		steps = 0;

	while (n)
	{
		if ((++steps & 0xFFF) == 0)
			na_check_interrupts();
		if (enter_node(w, n))
		{
			if (n->children)
			{
				n = n->children;
				continue;
			}
			pop_frame(w, n);
		}
		while (n && n != root && n->next == NULL)
		{
			n = n->parent;
			if (n && n->type == XML_ELEMENT_NODE)
				pop_frame(w, n);
		}
		if (n == NULL || n == root)
			break;
		n = n->next;
	}
	flush_block(w);
}

/* head elements hold metadata only: read them though the walk skips head */
static void
read_head(Walk *w, xmlNode *head)
{
	xmlNode    *c;

	for (c = head->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			special_element(w, c, NULL);
}

#ifndef NA_STANDALONE
/* frees the tree when an ERROR unwinds the walk */
typedef struct DocGuard
{
	MemoryContextCallback cb;
	xmlDocPtr	doc;
	htmlParserCtxtPtr ctxt;
} DocGuard;

static void
doc_guard_fire(void *arg)
{
	DocGuard   *g = (DocGuard *) arg;

	/* a tree still being built belongs to the context */
	if (g->ctxt && g->ctxt->myDoc && g->ctxt->myDoc != g->doc)
		xmlFreeDoc(g->ctxt->myDoc);
	if (g->ctxt)
		g->ctxt->myDoc = NULL;
	if (g->doc)
		xmlFreeDoc(g->doc);
	if (g->ctxt)
		htmlFreeParserCtxt(g->ctxt);
	g->doc = NULL;
	g->ctxt = NULL;
}
#endif

void
na_html_page_read(const char *text, size_t len, NaHtmlPage *page)
{
	htmlParserCtxtPtr ctxt;
	xmlDocPtr	doc;
	xmlNode    *root,
			   *c;
	Walk		w;
	int			opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
#ifndef NA_STANDALONE
	DocGuard   *guard = palloc0(sizeof(DocGuard));

	guard->cb.func = doc_guard_fire;
	guard->cb.arg = guard;
	MemoryContextRegisterResetCallback(CurrentMemoryContext, &guard->cb);
#endif

	memset(page, 0, sizeof(*page));
	if (len > NA_HTML_MAX_BYTES || len > INT32_MAX)
		return;
	xmlInitParser();
	/* the push parser, fed in pieces, so that a cancel is seen between them */
	ctxt = htmlCreatePushParserCtxt(NULL, NULL, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
	if (ctxt == NULL)
		return;
	htmlCtxtUseOptions(ctxt, opts);
#ifndef NA_STANDALONE
	guard->ctxt = ctxt;
#endif
	{
		size_t		done = 0;

		do
		{
			size_t		n = len - done < PARSE_CHUNK ? len - done : PARSE_CHUNK;

			htmlParseChunk(ctxt, text + done, (int) n, done + n == len);
			done += n;
			na_check_interrupts();
		} while (done < len && !ctxt->disableSAX);
		if (done < len)
			htmlParseChunk(ctxt, NULL, 0, 1);
	}
	doc = ctxt->myDoc;
	ctxt->myDoc = NULL;
#ifndef NA_STANDALONE
	guard->doc = doc;
#endif
	memset(&w, 0, sizeof(w));
	w.page = page;
	na_buf_init(&w.cur, 256);
	w.cap = 64;
	w.stack = na_alloc0(sizeof(WalkFrame) * w.cap);
	w.depth = 1;
	w.stack[0].elem = new_elem(&w, -1, NA_HT_OTHER, 0);
	root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (root)
	{
		page->parsed = true;
		for (c = root->children; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE && name_is(c, "head"))
				read_head(&w, c);
		walk_tree(&w, root);
	}
	page->elems[0].end = w.order;
	na_buf_free(&w.cur);
	na_free(w.stack);
#ifndef NA_STANDALONE
	doc_guard_fire(guard);
#else
	if (doc)
		xmlFreeDoc(doc);
	htmlFreeParserCtxt(ctxt);
#endif
}

void
na_html_page_free(NaHtmlPage *page)
{
	int			i;

	for (i = 0; i < page->n_blocks; i++)
		na_free(page->blocks[i].text);
	for (i = 0; i < page->n_metas; i++)
	{
		na_free(page->metas[i].key);
		na_free(page->metas[i].value);
	}
	for (i = 0; i < page->n_crumbs; i++)
		na_free(page->crumbs[i]);
	for (i = 0; i < page->n_tag_links; i++)
		na_free(page->tag_links[i]);
	na_free(page->blocks);
	na_free(page->elems);
	na_free(page->metas);
	na_free(page->title);
	na_free(page->jsonld);
	memset(page, 0, sizeof(*page));
}
