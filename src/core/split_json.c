/*
 * split_json.c
 *	  Write a split as JSON in the shape the scorer and news_issue_json()
 *	  share.  Offsets are exported in code points; strings are escaped and
 *	  malformed UTF-8 comes out as U+FFFD, so the output is always valid.
 */
#include "split_internal.h"

size_t
na_cp_offset(NaCpCursor *cur, size_t byte)
{
	if (byte > cur->len)
		byte = cur->len;
	/*
	 * Offsets come mostly in ascending order, but an article's end lies
	 * past the next one's start when articles overlap: step back over the
	 * gap (counting is additive) rather than count again from the start.
	 */
	if (byte < cur->byte)
	{
		if (byte < cur->byte - byte)
		{
			cur->byte = 0;
			cur->cp = 0;
		}
		else
		{
			cur->cp -= na_utf8_count(cur->text + byte, cur->byte - byte);
			cur->byte = byte;
			return cur->cp;
		}
	}
	cur->cp += na_utf8_count(cur->text + cur->byte, byte - cur->byte);
	cur->byte = byte;
	return cur->cp;
}

static void
json_string(NaBuf *out, const char *s)
{
	size_t		len,
				i = 0,
				adv;
	uint32_t	steps = 0;

	if (s == NULL)
	{
		na_buf_append_str(out, "null");
		return;
	}
	len = strlen(s);
	na_buf_append_char(out, '"');
	while (i < len)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		if ((++steps & 0xFFFF) == 0)
			na_check_interrupts();
		if (cp == '"' || cp == '\\')
		{
			na_buf_append_char(out, '\\');
			na_buf_append_char(out, (char) cp);
		}
		else if (cp == '\n')
			na_buf_append_str(out, "\\n");
		else if (cp == '\t')
			na_buf_append_str(out, "\\t");
		else if (cp < 0x20 || cp == 0x7F)
		{
			char		esc[8];

			snprintf(esc, sizeof(esc), "\\u%04x", (unsigned) cp);
			na_buf_append_str(out, esc);
		}
		else if (cp == NA_REPLACEMENT_CP)
			na_buf_append_cp(out, cp);
		else
			na_buf_append(out, s + i, adv);
		i += adv;
	}
	na_buf_append_char(out, '"');
}

static void
json_key(NaBuf *out, const char *key, bool first)
{
	if (!first)
		na_buf_append_str(out, ", ");
	na_buf_append_char(out, '"');
	na_buf_append_str(out, key);
	na_buf_append_str(out, "\": ");
}

static void
json_int_or_null(NaBuf *out, long v, bool present)
{
	char		num[32];

	if (!present)
	{
		na_buf_append_str(out, "null");
		return;
	}
	snprintf(num, sizeof(num), "%ld", v);
	na_buf_append_str(out, num);
}

static void
json_list(NaBuf *out, char *const *items, int n)
{
	int			i;

	na_buf_append_char(out, '[');
	for (i = 0; i < n; i++)
	{
		if (i)
			na_buf_append_str(out, ", ");
		json_string(out, items[i]);
	}
	na_buf_append_char(out, ']');
}

static void
json_issue(NaBuf *out, const NaIssueInfo *in)
{
	char		date[16];

	na_buf_append_char(out, '{');
	json_key(out, "masthead", true);
	json_string(out, in->masthead);
	json_key(out, "issue_date", false);
	if (in->year)
	{
		snprintf(date, sizeof(date), "%04d-%02d-%02d", in->year, in->month, in->day);
		json_string(out, date);
	}
	else
		na_buf_append_str(out, "null");
	json_key(out, "weekday", false);
	json_string(out, in->weekday);
	json_key(out, "lunar_date", false);
	json_string(out, in->lunar_date);
	json_key(out, "pages", false);
	json_int_or_null(out, in->pages, in->pages >= 0);
	json_key(out, "issue_no", false);
	json_int_or_null(out, in->issue_no, in->issue_no >= 0);
	json_key(out, "sponsor", false);
	json_string(out, in->sponsor);
	json_key(out, "publisher", false);
	json_string(out, in->publisher);
	json_key(out, "site", false);
	json_string(out, in->site);
	json_key(out, "section_path", false);
	json_list(out, in->section_path, in->n_section);
	json_key(out, "source", false);
	json_string(out, in->source);
	json_key(out, "tags", false);
	json_list(out, in->tags, in->n_tags);
	json_key(out, "editor", false);
	json_string(out, in->editor);
	na_buf_append_char(out, '}');
}

/* code point spans of the articles, from the (ordered) segments */
static void
article_spans(const NaSplit *sp, NaCpCursor *cur, size_t **cp_start, size_t **cp_end)
{
	size_t		sz = sizeof(size_t) * ((size_t) sp->n_articles + 1);
	size_t		i;
	int			a;

	*cp_start = (size_t *) na_alloc0(sz);
	*cp_end = (size_t *) na_alloc0(sz);
	for (a = 0; a < sp->n_articles; a++)
		(*cp_start)[a] = (size_t) -1;
	for (i = 0; i < sp->n_segments; i++)
	{
		const NaSegment *sg = &sp->segments[i];
		size_t		s = na_cp_offset(cur, sg->start);
		size_t		e = na_cp_offset(cur, sg->end);

		if (sg->ordinal > 0 && sg->ordinal <= sp->n_articles)
		{
			if (s < (*cp_start)[sg->ordinal - 1])
				(*cp_start)[sg->ordinal - 1] = s;
			if (e > (*cp_end)[sg->ordinal - 1])
				(*cp_end)[sg->ordinal - 1] = e;
		}
	}
}

static void
json_authors(NaBuf *out, const NaArticle *ar)
{
	int			k;

	na_buf_append_char(out, '[');
	for (k = 0; k < ar->authors.n; k++)
	{
		const NaPerson *p = &ar->authors.persons[k];

		na_buf_append_str(out, k ? ", {" : "{");
		json_key(out, "name", true);
		json_string(out, p->name);
		json_key(out, "role", false);
		json_string(out, p->role);
		json_key(out, "organization", false);
		json_string(out, p->organization);
		na_buf_append_char(out, '}');
	}
	na_buf_append_char(out, ']');
}

static void
json_article(NaBuf *out, const NaArticle *ar, size_t cp_start, size_t cp_end)
{
	json_key(out, "ordinal", true);
	json_int_or_null(out, ar->ordinal, true);
	json_key(out, "kind", false);
	json_string(out, na_article_kind_name(ar->kind));
	json_key(out, "section", false);
	json_string(out, ar->section);
	json_key(out, "kicker", false);
	json_string(out, ar->kicker);
	json_key(out, "title", false);
	json_string(out, ar->title);
	json_key(out, "subtitle", false);
	json_string(out, ar->subtitle);
	json_key(out, "byline", false);
	json_string(out, ar->byline);
	json_key(out, "authors", false);
	json_authors(out, ar);
	json_key(out, "dateline", false);
	json_string(out, ar->dateline);
	json_key(out, "reported_on", false);
	if (ar->reported_y)
	{
		char		date[16];

		snprintf(date, sizeof(date), "%04d-%02d-%02d", ar->reported_y, ar->reported_m, ar->reported_d);
		json_string(out, date);
	}
	else
		na_buf_append_str(out, "null");
	json_key(out, "body", false);
	json_string(out, ar->body);
	json_key(out, "caption", false);
	json_string(out, ar->caption);
	json_key(out, "notes", false);
	json_string(out, ar->notes);
	json_key(out, "continued_to", false);
	json_int_or_null(out, ar->continued_to, ar->continued_to > 0);
	json_key(out, "continued_from", false);
	json_int_or_null(out, ar->continued_from, ar->continued_from > 0);
	json_key(out, "raw_start", false);
	json_int_or_null(out, (long) (cp_start == (size_t) -1 ? 0 : cp_start), true);
	json_key(out, "raw_end", false);
	json_int_or_null(out, (long) cp_end, true);
}

/* every line's role (and score, when the model gave one) */
static void
json_segments(NaBuf *out, const NaSplit *sp, NaCpCursor *cur)
{
	size_t		i;

	na_buf_append_str(out, ",\n \"segments\": [");
	for (i = 0; i < sp->n_segments; i++)
	{
		const NaSegment *sg = &sp->segments[i];
		char		row[160];
		size_t		s = na_cp_offset(cur, sg->start);
		size_t		e = na_cp_offset(cur, sg->end);

		if (sg->score != 0)
			snprintf(row, sizeof(row), "%s\n  {\"raw_start\": %zu, \"raw_end\": %zu, \"role\": \"%s\", \"ordinal\": %d, \"score\": %.2f}",
					 i ? "," : "", s, e, na_seg_role_name(sg->role), sg->ordinal, (double) sg->score);
		else
			snprintf(row, sizeof(row), "%s\n  {\"raw_start\": %zu, \"raw_end\": %zu, \"role\": \"%s\", \"ordinal\": %d}",
					 i ? "," : "", s, e, na_seg_role_name(sg->role), sg->ordinal);
		na_buf_append_str(out, row);
	}
	na_buf_append_str(out, "\n ]");
}

void
na_split_to_json(const NaSplit *sp, const char *text, size_t len,
				 NaBuf *out, bool with_segments)
{
	NaCpCursor	cur = {text, len, 0, 0};
	size_t	   *cp_start,
			   *cp_end;
	int			a;

	article_spans(sp, &cur, &cp_start, &cp_end);
	na_buf_append_str(out, "{\"issue\": ");
	json_issue(out, &sp->info);
	na_buf_append_str(out, ",\n \"articles\": [");
	for (a = 0; a < sp->n_articles; a++)
	{
		na_buf_append_str(out, a ? ",\n  {" : "\n  {");
		json_article(out, &sp->articles[a], cp_start[a], cp_end[a]);
		na_buf_append_char(out, '}');
	}
	na_buf_append_str(out, "\n ]");
	if (with_segments)
	{
		cur.byte = 0;
		cur.cp = 0;
		json_segments(out, sp, &cur);
	}
	na_buf_append_str(out, "}\n");
	na_free(cp_start);
	na_free(cp_end);
}
