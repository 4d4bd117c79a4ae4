#!/usr/bin/env python3
"""Render annotated articles into newspaper issues of many layouts, with the
gold a careful reader would give (the shape ../shared/eval/split_score.py
reads) and the role of every line (for fitting the line-role model).

usage: split_render.py OUTDIR [--split train|test|all] [--layouts a,b,..]
                       [--issues N] [--seed N] [--shared DIR]
                       [--sources own,xinmin,cnki,pku,msr,pages] [--captions P]
                       [--articles LO,HI] [--vary P] [--webcopy P]
                       [--swap SRC,..] [--two-part P] [--long-kickers P]
                       [--question-titles P] [--qtitle-stream shared|own]
                       [--question-heads P]
                       [--web-captions P] [--page-captions 0|1]
                       [--weights SRC=N,..] [--page-stacks P]
                       [--story-cut 0|1|2] [--bare-credits P]
                       [--corpus-chunks K|pku=K,msr=K] [--lists P]
                       [--byline-styles P] [--reports P] [--signatures P]
                       [--topical P] [--points P] [--caption-origins P] [--photos P] [--poems P] [--roundups P]
                       [--quoted-poems P]
                       [--byline-press P] [--stack-long P] [--kickers P] [--kicker-dash P]

Article sources, read at run time:
  - test/split_model/articles.json: the project's own articles (committed);
  - SHARED/dev/news/XinMin.csv and CNKI.csv: real articles with their headline
    fields (never copied into the repository);
  - SHARED/seg/{pku,msr}_test_raw.txt: consecutive news sentences grouped into
    paragraphs and articles (titles cut from their first clause);
  - pages (only when named in --sources; never in the default): the articles of
    the saved news web pages SHARED/dev/web (29+ outlets), the gold title and
    body of NAME.json where it has them, else what build/na_web reads from the
    page; rendered as printed (no invented dateline, byline, ending or column
    tag), the sites' furniture dropped, pages that are not news prose skipped
    by shape (page_is_news).  For scoring on outlets never fitted.
Train/test: every source's articles are cut in two halves by a hash of the
title (stable across runs); --split picks one half; --swap SRC,.. swaps
the two halves of the named sources (so that each of their articles can be
scored once held out: fit with --swap pages, score on --split train).
--sources keeps only
the named sources, so a model can be fitted on one paper and scored on
another (scripts/split-transfer.sh).  Layouts:
  epaper    page headers, kicker/title/subtitle flush, U+3000 indented
            paragraphs, no blank line anywhere, datelines inside the first
            paragraph, column tags, endings like (本报记者 X)
  masthead  the same with masthead + date on top and a blank line between
            articles
  web       unindented paragraphs with blank lines between them
  ocr       markdown heading marks, ■ bylines, blank lines between paragraphs
  captions  e-paper with photo captions between paragraphs and short photo
            items (--captions P puts captions into that share of the
            epaper, masthead and web issues too: fitting uses 0.3)
  plain     unindented, no blank lines at all, page headers like 第4版
            (held out of fitting)
  historical  1920s-30s print OCR'd column by column: the articles in
            traditional characters (the project's fold table, build/
            zh_fold_table.h, used in reverse), Arabic digits as Chinese
            numerals, every paragraph broken into fixed-height columns
            (10-24 characters, some issues with OCR jitter of one
            character, a third with each article in its own height) with no indentation, old punctuation (、 and 。
            only), none at all, or modern with 「」 quotes; headline decks
            as short lines, the main title first and the decks (a source's
            kicker too) under it; datelines （中央社南京三日電）, 【本報訊】,
            路透社倫敦三日電, 東京三日電; masthead 中華民國十九年四月三日
            星期四; page markers 第三張 / （三）; project-written old-style
            adverts and notices; blank lines between articles or none
Between articles most issues (not ocr) carry adverts and notices written
from the project's templates (goods with prices, jobs, 寻人启事, 遗失声明,
更正, company notices with phone numbers and addresses): role advert or
notice, gold under "adverts".
--vary P (fitting only) gives that share of the articles (not the project's
own) other papers' conventions made of their own clauses: a kicker (some
ending in ——), a subtitle, section heads in one of several styles (flush,
一、, （一）, ■, 【】, closing colon), so the model does not learn one paper's
habits.  --two-part P (with --vary) gives that share of the varied
articles a two-part headline (X：TITLE, TITLE：Y, TITLE，Y; X and Y clauses
of the article), as the saved pages and many dailies print them.
--question-titles P (with --vary) turns that share of the varied articles'
titles into a question headline of their own words (X为何Y？, X怎么了？, a
clause or the title closing in ？), as web copy prints them.
--qtitle-stream own draws the question titles from a stream of their own
(seeded by --seed and the varied article's number), so the issues drawn stay
those of --question-titles 0 (default shared: the issues' own stream).
--question-heads P (with --vary) puts that share of the sectioned varied
articles' section heads as questions (为什么X？ X吗？ X，怎么办？, X the
plain head's words), as interviews and explainers print them: a question
line then is not always a headline (a stream of its own: the issues drawn
stay as without it, but for the draws of a numbered head in quotes,
（一）“X”, which is_head() reads as a paragraph).
--web-captions P gives that share of the web layout's articles one to three
items of what copied web text carries between paragraphs, made of the
article's own clauses: video-still captions (X（视频截图）), photo captions
(图为X。（新华社发 Y摄）, ▲X, 图：X, X（受访者供图）), bare credits, and
inner heads that are only a quoted name (《X》, role heading).  Drawn from a random stream of its own,
so every other draw stays that of --web-captions 0.
--quoted-poems P gives that share of the articles (not the historical or
OCR layouts) a poem quoted between two paragraphs, as essays and reviews
print one: its name alone in book-title marks (《X》, role heading), in
some the poet under it (——（唐）X, role heading), then verse lines of equal
clauses cut from the article's own words (role body), in some a label over
the comment that follows (赏析：).  Drawn from a stream of its own (RQP).
--page-captions 1 gives the saved pages' caption-shaped lines (the shapes of
split_caption.c: （视频截图）, 图为, ▲, 供图 ...) the role caption and keeps them
out of the gold body's first and last words (default 0: body, as before).
--long-kickers P (with --vary) makes that share of the invented kickers a
factual sentence of one or two clauses of the article, 12-28 characters
(the rest stay a short clause, some ending in ——); --page-stacks P prints
that share of the saved pages' articles under an invented kicker, half of
them with a subtitle; --byline-styles P prints that share of the reporter bylines (本报记者 X) in
another paper's style, from a random stream of its own: the names alone,
full-width gaps, a correspondent beside the reporter, 本报评论员, 文/X.
--reports P gives that share of the issues a long report or speech
(8,000-40,000 characters: a title, a ——subtitle, a date and speaker line,
a salutation, then sections under numbered heads 一、 with （一） subheads,
each section the paragraphs of other articles of the pool, so that the
topic changes at every head), from a random stream of its own (RR); gold
source "reports", one article.
--weights SRC=N,.. puts each article of SRC N times
in the pool the issues draw from (N whole).  All three default to off and
were measured for the title in a headline stack and not kept (bench/split_quality.md,
"Titles in headline stacks and the pages' weight in fitting").
--webcopy P gives that share of the web issues a news web page's furniture
around each article (bench/split_quality.md, "Web copies and headline stacks"): a
source/date line under the headline (来源：X 2020-05-04 10:23, role byline),
share/print lines (分享到： 【打印】【关闭】, role boilerplate), photo captions
with their source (（图片来源：X）), the editor's line at the end (责任编辑：X,
role credit); invented names only.  Not in fitting (scripts/split-fit.sh
WEBCOPY, default 0): measured, it lowered the plain web renderings.
--story-cut 1 (the default; 0 keeps the chunks whole) ends a chunk of
PKU/MSR sentences where the corpus opens another story: a line opening with
a dateline or a reporter's credit (新华社X电, 本报讯, 记者X报道：), or a
headline (a head-shaped line that is not a numbered part, a date or a
weather table's line), with a headline stacked over it; so that the gold
does not call a real headline a section head inside one article.  Headlines
that open a chunk are dropped (2: the last of them is kept as its title).
--bare-credits P (with --vary) signs that share of the varied articles off
with a bare credit line (本报记者 X, 记者 X Y) after the last paragraph, as
新民晚报 prints them (measured, not kept: bench/split_quality.md, "Story boundaries in the
sentence corpora").
--points P prints key points in that share of the articles (not lists,
reports, briefs or the historical layout; a stream of its own, so the rest of an issue stays as
without it): two to four of the article's clauses, each on a line of its
own led by a bullet (■ ● ◆ ▲ ★, a space after it or not), after one of its
paragraphs, as dailies print an article's key figures.  They are body
(their role body, the gold body ends with them when they close it): line by
line a bulleted point looks like a ■ byline or a section head.
--photos P gives that share of the issues (not OCR or historical) one to
three photo news items between articles, from a random stream of their
own: a short headline over a caption (a pool article's sentences, led by a
date or 图为) and the photographer's credit (本报记者 X摄, X摄（人民视觉）),
gold an article; or, a third of them, two or three untitled pictures under a
label (图片新闻: role boilerplate; captions and credits, photo rows).
--roundups P gives that share of the issues (not OCR) a round-up, from a
random stream of its own: a title and an introduction (a clause and a
paragraph of one pool article), then three to five parts, each another
article of the issue's papers under a head naming a district (东城区…), a
place and a colon (徐汇：…) or, a third of them, the article's title alone,
and each closed by a reporter's credit; gold source "roundups", one article.
--poems P gives that share of the issues (not OCR or historical) a poem,
from a random stream of its own: a short title (spaced out when of two
characters), the poet's name, six to sixteen verse lines of 4-16
characters (a pool article's clauses), each a paragraph.
--byline-press P sets that share of the bylines (not OCR or historical) as
national dailies print them, from a random stream of its own: each
two-character name padded to three with a full-width space (王　浩), and,
half of them in the layouts that indent paragraphs, the line indented like
one (　　本报记者　王　浩; 　　冯　远).
--stack-long P (with --vary) draws that share of the invented kickers and
subtitles longer than the article's title, from a random stream of their
own: a paper sets the main title in its largest type, so it is the stack's
shortest line, and the kicker over it or the subtitle under it carries more
words (新民晚报's 17 two-line stacks in ../shared all do so).
--kickers P (with --vary, default 0.3) gives that share of the varied
articles a kicker made of their own clauses; --kicker-dash P closes that
share of the short ones in —— (from a stream of their own; by default half,
drawn from the main stream).
--topical P makes that share of the issues as pages print them: the first
article drawn and the articles of its source nearest to it in content
(content bigrams of the title and opening, Jaccard), in a chain each next
to the one it shares the most with, so that neighbouring articles are often
on one subject (a page on one event, related reports side by side) and a
change of topic is not the only sign of a new article.  A random stream
of its own picks the issues (the later issues' draws shift all the same).
An issue holds LO..HI articles (--articles, default 12,30; real-size issues
of 200-300 kB for bench/split_model.sh take about 150,250).
Writes OUTDIR/LAYOUT_NNN.txt, .json (gold) and .roles (one role a line).
"""
import csv, glob, hashlib, json, os, random, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SURN = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建文丹红飞波宁婷雪琳晨曦浩然宇航思远嘉怡子涵欣悦梓萱佳琪一鸣晓峰若溪"
CITY = ["北京", "上海", "广州", "杭州", "南京", "成都", "武汉", "西安", "郑州", "长沙", "沈阳", "昆明", "拉萨", "乌鲁木齐", "合肥", "福州"]
PAGES = ["要闻", "经济", "国内", "国际", "评论", "文化", "体育", "社会", "理论", "副刊", "视觉", "地方"]
COLUMNS = ["人民论坛", "今日谈", "经济聚焦", "民生观察", "环球走笔", "文化时评", "新知新觉", "基层治理新方位"]
MASTHEADS = ["晨光日报", "华夏时报", "东方导报", "江海晚报"]
CAPTIONS = 0.0  # share of epaper/masthead/web issues with photo captions (--captions)
VARY = 0.0  # share of articles given other papers' conventions (--vary; fitting only)
WEBCOPY = 0.0  # share of web issues copied with a web page's furniture (--webcopy; fitting only)
TWOPART = 0.0  # share of varied articles given a two-part headline (--two-part; fitting only)
PAGE_STACKS = 0.0  # share of the pages' articles printed as kicker stacks (--page-stacks; fitting only)
KICKERS = 0.3  # share of varied articles given an invented kicker (--kickers; fitting only)
KICKER_DASH = None  # share of the short invented kickers closing in ——, None: half, from the main stream (--kicker-dash; fitting only)
STACK_LONG = 0.0  # share of invented kickers/subtitles longer than the title (--stack-long; fitting only)
RSL = None
KICKER_LONG = 0.0  # share of invented kickers that are factual sentences (--long-kickers; fitting only)
QTITLES = 0.0  # share of varied articles given a question headline (--question-titles; fitting only)
QHEADS = 0.0  # share of sectioned varied articles whose heads are questions (--question-heads; fitting only)
QHCOUNT = 0
QHEAD_LINES = set()  # the question heads made, which is_head() counts as heads
BARE_CREDITS = 0.0  # share of varied articles signed off by a bare credit line (--bare-credits; fitting only)
CORPUS_CHUNKS = {}  # corpus -> about that many times its chunks, shorter gaps between them (--corpus-chunks K or pku=K,msr=K; fitting only)
STORY_CUT = 1  # 1: end a sentence chunk where the corpus opens another story, 2: and keep its headline, 0: chunks whole (--story-cut; fitting and scoring)
QSTREAM = "shared"  # --qtitle-stream: "own" draws --question-titles from a stream of its own
QCOUNT = 0  # varied articles so far (seeds the own stream)
SEED = 1  # --seed
POINTS = 0.0  # share of articles given bulleted key points (--points)
RP = random.Random(0)  # their stream
# a writer's note may be long, as dailies print it (（作者为X大学X学院院长、教授）),
# and indented like a paragraph: a stream of its own (RN)
RN = random.Random(0)
NOTE_FIELDS = ["经济", "法学", "历史", "新闻传播", "公共管理", "国际关系", "教育", "哲学", "社会学", "文学"]
LONG_NOTES = ["（作者为%s大学%s学院院长、教授）", "（作者为%s社会科学院%s研究所研究员）",
              "（作者为%s大学%s研究中心主任、教授，%s专业博士生导师）", "（作者单位：%s大学%s学院）",
              "（作者系%s大学%s系主任、教授，%s学会副会长）", "（作者为%s市委党校%s教研部教授）"]


def long_note(rn):
    t = rn.choice(LONG_NOTES)
    return t % tuple([rn.choice(CITY)] + [rn.choice(NOTE_FIELDS) for _ in range(t.count("%s") - 1)])
BULLETS = "■●◆▲★"
PAGE_CAPS = False  # --page-captions: the pages' caption-shaped lines are captions, not body
WEBCAP = 0.0  # share of web articles given web captions and quoted inner heads (--web-captions; fitting only)
RC = None  # the random stream of --web-captions, apart from the issues' own
AS_PRINTED = ("own", "pages")  # sources decorate() leaves as written
HEAD_STYLES = ["%s", "%s", "一、%s", "（一）%s", "■%s", "【%s】", "%s："]
END_CP = set("。！？…”’）」』")


def name(r):
    return r.choice(SURN) + "".join(r.choice(GIVN) for _ in range(r.choice((1, 2, 2))))


def stable_half(key):
    return int(hashlib.md5(key.encode()).hexdigest()[:4], 16) % 2


def clean(s):
    return re.sub(r"[\s\u3000]+", "", s or "")


def is_credit(p):
    return re.match(r"^(本报|特约)?(记者|通讯员|特约通讯员)", p) is not None and len(p) <= 30 and "。" not in p


def is_note(p):
    """A closing note in brackets: （作者为...）, （本报记者 X）, （责编：X）."""
    return re.match(r"^（[^（）]{2,40}）$", p) is not None


def is_head(p):
    if p.startswith("#") or p in QHEAD_LINES:
        return True
    core = p.rstrip("”’」")
    if core != p and p.count("“") + p.count("”") <= 2 and p.startswith("“"):
        core = p  # a quoted head: “宝宝阿姨”
        return len(p) <= 24 and "，" not in p and p[-2:-1] not in END_CP
    return len(p) <= 24 and p[-1:] not in END_CP and "，" not in p and not is_credit(p)


# ---------------------------------------------------------------- sources
def byline_head(p):
    """A head over the first paragraph that says who wrote the article: a
    writer's name alone (a common surname, two to four characters: 沈嘉禄),
    marked (◆朱光) or led by 文/, a role word (首席记者X), or a name and the
    writer's school or employer (许X北京市第X中学初三（20）班)."""
    q = p.lstrip("◆■□●")
    if q != p or q.startswith(("文/", "文／")):
        return True
    if len(q) <= 20 and re.search(r"记者|通讯员|评论员|撰文|作者", q):
        return True
    if q[:1] and q[0] in SURN + "葛南":
        return re.match(r"^[\u4e00-\u9fff]{2,4}$", q) is not None or \
            re.match(r"^[\u4e00-\u9fff]{2,3}\S*(大学|中学|小学|学院|医院|研究院|研究所|公司|班)$", q) is not None
    return False


def usable(a):
    # heads printed before the first paragraph are the subtitle, or the
    # byline when they name the writer (not the saved pages': their short
    # first lines are printed as they are)
    while a["source"] != "pages" and a["paragraphs"] and is_head(a["paragraphs"][0]) \
            and not is_credit(a["paragraphs"][0]):
        head = a["paragraphs"].pop(0).lstrip("#")
        if byline_head(head) and not a.get("byline"):
            a["byline"] = head
            a["head_byline"] = True
        elif not a.get("subtitle"):
            a["subtitle"] = head
    return any(not is_head(p) for p in a["paragraphs"])


def own_articles():
    arts = json.load(open(os.path.join(ROOT, "test/split_model/articles.json"), encoding="utf-8"))
    for a in arts:
        a["source"] = "own"
    return arts


def xinmin(shared):
    path = os.path.join(shared, "dev/news/XinMin.csv")
    out = []
    if not os.path.exists(path):
        return out
    for row in csv.DictReader(open(path, encoding="utf-8-sig")):
        content = row.get("content") or ""
        m = re.search(r"(?<=[\s。”！？])(本报(?:记者|通讯员)(?:\s+[^\s。，]{2,5})+)\s*$", content)
        byline = None
        if m:
            byline = re.sub(r"\s+", " ", m.group(1)).strip()
            content = content[:m.start()]
        paras = [clean(p) for p in re.split(r"\s{4,}|\n", content)]
        paras = [p for p in paras if len(p) >= 2 and "详见" not in p]
        if sum(len(p) for p in paras) < 40 or not clean(row.get("title")):
            continue
        out.append(dict(kicker=clean(row.get("special_title")) or None, title=clean(row["title"]),
                        subtitle=clean(row.get("subtitle")) or None, ending_byline=byline,
                        byline=None, dateline=None, paragraphs=paras, kind="article", source="xinmin"))
    return out


def cnki(shared):
    path = os.path.join(shared, "dev/news/CNKI.csv")
    out = []
    if not os.path.exists(path):
        return out
    for row in csv.DictReader(open(path, encoding="utf-8-sig")):
        paras = [clean(p) for p in (row.get("Contents") or "").split("\n")]
        paras = [p for p in paras if len(p) >= 2]
        # the first lines are summary heads printed above the title
        while paras and paras[0][-1:] not in END_CP and len(paras) > 2:
            paras.pop(0)
        if sum(len(p) for p in paras) < 40:
            continue
        au = [x for x in (row.get("Author") or "").split(";") if x.strip()]
        out.append(dict(kicker=None, title=clean(row["Title"]), subtitle=None,
                        byline=("本报记者 " + " ".join(au[:3])) if au else None, dateline=None,
                        paragraphs=paras, kind="article", source="cnki"))
    return out


def sentences(shared, corpus, r):
    path = os.path.join(shared, "seg/%s_test_raw.txt" % corpus)
    out = []
    if not os.path.exists(path):
        return out
    lines = [clean(x) for x in open(path, encoding="utf-8")]
    lines = [x for x in lines if len(x) >= 8]
    i = 0
    while i < len(lines):
        n = r.randint(2, 9)
        chunk = lines[i:i + n]
        # a gap, so that neighbours in an issue rarely share one story;
        # --corpus-chunks K shortens it so that about K times the chunks
        # are drawn (a period of ~100 lines over K, the chunk included)
        k = CORPUS_CHUNKS.get(corpus, 1)
        i += n + (r.randint(40, 150) if k == 1 else
                  r.randint(*(max(1, round(x * (100.5 / k - 5.5) / 95)) for x in (40, 150))))
        head = None
        if STORY_CUT:
            head, chunk = story_cut(chunk)
        clauses = re.split(r"[，。！？：；、“”（）]", "".join(chunk[1:] or chunk))
        title = head or next((f for f in clauses[1:] if 5 <= len(f) <= 22), None)
        if title is None:
            continue
        out.append(dict(kicker=None, title=title, subtitle=None, byline=None, dateline=None,
                        paragraphs=chunk, kind="article", source=corpus))
    return out


# a paragraph opening with a news agency's or paper's dateline: 新华社X电,
# 据新华社X电, 本报讯, 本报X日讯, X电（记者Y）, or with the reporter's credit
# 记者X报道：
STORY_DATELINE = re.compile(r"^(据|又据)?(新华社|本报|中新社|人民日报|新华网|中央社)[^，。！？“”]{0,20}?(电|讯)"
                            r"|^[^，。！？“”]{2,20}?电（记者|^(本报)?记者[^，。！？“”：]{2,12}报道[：:]")
# head-shaped lines that do not open a story: a numbered or lettered part
# (一、 （二） 第五章 3.), a date closing a document, a weather table's line
INNER_HEAD = re.compile(r"^#*([一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d０-９]+[）)]"
                        r"|第[一二三四五六七八九十百\d０-９]+[章节条部篇]|[\d０-９]+[、．.]"
                        r"|[\d０-９〇○一二三四五六七八九十]{2,4}年[\d０-９〇○一二三四五六七八九十]{1,2}月)|℃")


def story_head(p):
    """a head-shaped line of the corpora that opens a story: its headline"""
    return is_head(p) and not INNER_HEAD.search(p)


def story_cut(chunk):
    """The corpora's lines are whole newspaper pages: a chunk of them may run
    from one story into the next, whose headline (a head-shaped line that is
    not a numbered part) or dateline-led first paragraph the gold would then
    call a section head and body inside one article (--story-cut).  The
    chunk ends before the next story (and before a headline stacked over its
    headline); headlines that open a chunk are dropped, or with --story-cut 2
    the last of them is kept as its title.  Returns (title or None, lines)."""
    head = None
    while len(chunk) > 1 and story_head(chunk[0]):
        head, chunk = chunk[0], chunk[1:]
    if STORY_CUT != 2:
        head = None
    for k in range(1, len(chunk)):
        if STORY_DATELINE.match(chunk[k]) or story_head(chunk[k]):
            cut = k - 1 if k >= 2 and story_head(chunk[k - 1]) else k
            return head, chunk[:cut]
    return head, chunk


# Saved news web pages (SHARED/dev/web, 72 pages of 29+ outlets): the real
# article of each page, read at run time and never copied.  A page with a
# gold body (NAME.json) gives its gold title and body; any other page is read
# by the project's own HTML reader (build/na_web, its first row of kind
# article) with the gold title where the JSON has one.
WEB_FURNITURE = re.compile(
    r"^(（?原标题[：:]|[\[【]?(责任编辑|责编|编辑|来源|作者|本文来源|文章来源|图片来源|校对|审核)[：:]"
    r"|[\[【](责任编辑|责编|编辑)|[（(]?本文来自|.*不得转载|分享到|【(打印|关闭|纠错)】|扫一扫|点击(进入|查看)"
    r"|返回(首页|搜狐)|(相关|延伸)(新闻|阅读)$|阅读原文|您的浏览器|声明[：:]|免责声明|版权声明"
    r"|【?(打印|关闭)(本页|窗口)?】?$)")
HAN = re.compile(r"[\u4e00-\u9fff]")
# a line of its own naming the writer: 澎湃新闻记者 X, 【文/X】, 执笔/X, X报道
BYLINE_SHAPE = re.compile(r"(记者|作者|通讯员|编译|执笔|撰文|采写|文[/／︱|]|报道$)")
# a web dateline opening the first paragraph: 新京报讯（记者X）, 长江网10月4日讯,
# IT之家9月30日消息, 新华社北京4月24日电题： (the gold's first words follow it)
PAGE_DATELINE = re.compile(r"^[^，。！？“”]{0,24}?(快讯|讯|电|消息|报道)(（[^）]{0,30}）)?(题[：:])?")


def page_paragraphs(body):
    """A page article's paragraphs as printed.  The site's own furniture is
    not printed in a paper and is dropped: share/print/video lines, lines
    without a Han character (vote counters), source/editor lines bare or in
    square brackets (责任编辑：X, [责任编辑:X]), a reprint's original title
    (原标题) and the site's "本文来自" note.  A closing note in round brackets
    (（编辑：X）, （作者为…）) is a paper's own sign-off shape and stays."""
    out = []
    for p in (body or "").split("\n"):
        p = clean(p)
        if len(p) < 2 or not HAN.search(p) or WEB_FURNITURE.match(p):
            continue
        out.append(p)
    return out


def page_is_news(paras):
    """A news article by shape alone: enough text, several paragraphs, most of
    them prose (closing in sentence punctuation): not an encyclopaedia entry's
    lists, a blog of photo captions or a page whose lines break mid-sentence."""
    text = sum(len(p) for p in paras)
    prose = [p for p in paras if p[-1:] in END_CP]
    return text >= 200 and len(paras) >= 3 and len(prose) >= 0.6 * len(paras)


def pages(shared):
    """The saved pages' articles (source "pages"); none when the folder is
    missing.  With the folder there, build/na_web must be built (the fitting
    must not silently lose a source)."""
    web = os.path.join(shared, "dev/web")
    na_web = os.path.join(ROOT, "build/na_web")
    if not os.path.isdir(web):
        return []
    if not os.path.exists(na_web):
        sys.exit("split_render.py: the pages source needs build/na_web (make build/na_web)")
    htmls = sorted(glob.glob(os.path.join(web, "*.html")))
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([na_web] + htmls + ["-o", tmp], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        for h in htmls:
            base = os.path.basename(h)[:-5]
            gpath = os.path.join(web, base + ".json")
            gold = json.load(open(gpath, encoding="utf-8")) if os.path.exists(gpath) else {}
            title, body = gold.get("title"), gold.get("body")
            rpath = os.path.join(tmp, base + ".json")
            if body is None and os.path.exists(rpath):
                rows = [a for a in json.load(open(rpath, encoding="utf-8")).get("articles", [])
                        if a.get("kind") == "article"]
                if rows:
                    body = rows[0].get("body")
                    title = title or rows[0].get("title")
            title = clean(title)
            paras = page_paragraphs(body)
            if not title or not page_is_news(paras):
                continue
            # the writer's line printed above the first paragraph is a byline
            byline = None
            if len(paras[0]) <= 30 and "。" not in paras[0] and BYLINE_SHAPE.search(paras[0]):
                byline = paras.pop(0)
            out.append(dict(kicker=None, title=title, subtitle=None, byline=byline, dateline=None,
                            paragraphs=paras, kind="article", source="pages", page=base))
    return out


# ---------------------------------------------------------------- adverts and notices
# Written for the project: templates with random names, numbers and places.
GOODS = ["空气净化器", "老年代步车", "实木家具", "助听器", "羊绒衫", "学区公寓", "海岛五日游", "钢琴课程",
         "智能马桶盖", "中药养生茶", "英语培训", "驾校报名", "二手钢琴", "新款电动车"]
JOBS = ["仓库管理员", "餐厅服务员", "会计", "保安", "电工", "销售代表", "网络主播", "护工", "司机", "厨师"]
FIRMS = ["宏达", "鑫源", "华美", "天成", "恒信", "金桥", "瑞丰", "新业", "长江", "东海"]
ROADS = ["中山路", "人民路", "解放路", "建设路", "和平街", "长安街", "光明路", "新华路", "淮海路", "滨江大道"]


def phone(r):
    if r.random() < 0.5:
        return "1%d%d%04d%04d" % (r.choice((3, 5, 8)), r.randint(0, 9), r.randint(0, 9999), r.randint(0, 9999))
    return "0%d-%d%07d" % (r.randint(10, 99), r.randint(2, 8), r.randint(0, 9999999))


def address(r):
    return "%s市%s%d号" % (r.choice(CITY), r.choice(ROADS), r.randint(1, 999))


def firm(r):
    return r.choice(CITY) + r.choice(FIRMS) + r.choice(["贸易有限公司", "科技有限公司", "实业公司", "商贸中心"])


def advert(r):
    """(kind, lines) of one advert or notice."""
    c = r.randrange(7)
    m, d = r.randint(1, 12), r.randint(1, 28)
    if c == 0:
        g = r.choice(GOODS)
        p = r.randint(2, 400) * 10
        return "advert", [g + r.choice(["特惠", "大促销", "限时优惠", "火热登场"]),
                          "原价%d元，现价%d元，%d月%d日前到店再送%s。" % (p * 2, p, m, d, r.choice(("礼品", "保养一次", "配件一套"))),
                          r.choice(["咨询热线：", "订购电话：", "电话："]) + phone(r),
                          "地址：" + address(r)]
    if c == 1:
        f = firm(r)
        jobs = r.sample(JOBS, r.randint(1, 3))
        return "advert", [f + r.choice(["诚聘", "招聘"]),
                          "，".join("%s%d名" % (j, r.randint(1, 20)) for j in jobs) + "，待遇面议，包食宿。",
                          "联系人：%s %s" % (name(r), phone(r))]
    if c == 2:
        g = r.choice(GOODS)
        return "advert", ["%s %d元起 %s" % (g, r.randint(1, 99) * 100, "电话" + phone(r))]
    if c == 3:
        n = name(r)
        return "notice", ["寻人启事",
                          "%s，%s，%d岁，身高约%d厘米，%d月%d日在%s附近走失，走失时穿%s上衣。如有知情者请与家属联系，电话：%s，必有重谢。"
                          % (n, r.choice("男女"), r.randint(6, 88), r.randint(120, 185), m, d,
                             address(r), r.choice(["蓝色", "灰色", "红色", "黑色"]), phone(r))]
    if c == 4:
        if r.random() < 0.5:
            return "notice", ["%s遗失%s，编号%d，声明作废。" % (name(r), r.choice(["毕业证书", "记者证", "出生医学证明", "道路运输证"]),
                                                     r.randint(10 ** 8, 10 ** 9))]
        return "notice", ["遗失声明", "%s不慎遗失营业执照正本一份，统一社会信用代码91%d，特此声明作废。" % (firm(r), r.randint(10 ** 12, 10 ** 13))]
    if c == 5:
        return "notice", ["更正", "本报%d月%d日第%d版《%s》一文中，“%s”应为“%s”，特此更正。" % (
            m, d, r.randint(1, 16), r.choice(GOODS) + "走进千家万户", name(r), name(r))]
    f = firm(r)
    return "notice", ["%s%s公告" % (f, r.choice(["减资", "注销", "清算"])),
                      "经股东会决议，本公司注册资本由%d万元减至%d万元，请债权人自本公告之日起四十五日内与本公司联系。" % (
                          r.randint(100, 900), r.randint(10, 99)),
                      "联系人：%s 电话：%s" % (name(r), phone(r))]


def render_advert(iss, lay, r):
    kind, lines = advert(r)
    indent = "\u3000\u3000" if lay in ("epaper", "masthead", "captions") and r.random() < 0.5 else ""
    gap = lay == "web"
    if len(lines) > 2 and r.random() < 0.3:
        lines = [lines[0], " ".join(lines[1:])]
    for k, t in enumerate(lines):
        iss.add((indent if k else "") + t, kind)
        gap and iss.blank()
    iss.ads.append({"kind": kind, "starts": clean(lines[0])[:10], "ends": clean(lines[-1])[-8:]})


# ---------------------------------------------------------------- historical
# Traditional characters from the project's own fold table (traditional ->
# simplified, generated from ICU at build time), used in reverse.  A
# character among Big5's common ones (level 1) is a traditional character too
# (了 出 家 面) and stays; of several traditional forms the one in Big5 wins, then the lowest
# code point.
_T = None


def in_big5(c):
    try:
        return c.encode("big5") < b"\xc6\x7f"
    except UnicodeEncodeError:
        return False


def trad_map():
    global _T
    if _T is not None:
        return _T
    _T = {}
    path = os.path.join(ROOT, "build/zh_fold_table.h")
    if not os.path.exists(path):
        return _T
    src = open(path, encoding="utf-8").read()
    idx = [int(x) for x in re.search(r"zh_fold_page_index\[256\] = \{(.*?)\};", src, re.S)
           .group(1).replace("\n", "").split(",") if x.strip()]
    body = re.search(r"zh_fold_pages\[.*?\] = \{(.*)\};\s*\n", src, re.S).group(1)
    blocks = re.findall(r"\{\s*/\* U\+([0-9A-F]+) \*/(.*?)\}", body, re.S)
    inv = {}
    for hi, pg in enumerate(idx):
        if not pg:
            continue
        for lo, v in enumerate(int(x, 16) for x in re.findall(r"0x([0-9A-Fa-f]+)", blocks[pg - 1][1])):
            cp = hi * 256 + lo
            if v and v != cp and 0x4E00 <= cp <= 0x9FFF and 0x4E00 <= v <= 0x9FFF:
                inv.setdefault(v, []).append(cp)

    def big5(cp):
        try:
            return (0, chr(cp).encode("big5"))
        except UnicodeEncodeError:
            return (1, cp)
    _T = {chr(k): chr(min(v, key=big5)) for k, v in inv.items() if not in_big5(chr(k))}
    return _T


CN_DIG = "〇一二三四五六七八九"


def cn_num(n):
    """1..99 the way dates were printed: 三, 十九, 二十五."""
    t, u = divmod(n, 10)
    return ((CN_DIG[t] if t > 1 else "") + "十" if t else "") + (CN_DIG[u] if u or not t else "")


def to_trad(s, punct):
    m = trad_map()
    s = "".join(m.get(c, c) for c in s)
    s = re.sub(r"[0-9]", lambda x: CN_DIG[int(x.group())], s)
    s = s.replace("“", "「").replace("”", "」").replace("‘", "『").replace("’", "』")
    s = s.replace("《", "「").replace("》", "」")
    if punct == "old":
        s = re.sub(r"[，；：、]", "、", s)
        s = re.sub(r"[。！？]+", "。", s)
        s = re.sub(r"[—…·%]", "", s)
    elif punct == "none":
        s = re.sub(r"[，。、；：！？「」『』—…·%（）()]", "", s)
    return s


H_PAPERS = ["華夏日報", "東方時報", "江海新聞", "大中華報", "民生晚報"]
H_CITY = ["南京", "上海", "北平", "漢口", "廣州", "天津", "杭州", "重慶", "濟南", "福州"]
H_ABROAD = [("路透社", "倫敦"), ("路透社", "巴黎"), ("哈瓦斯社", "巴黎"), ("電通社", "東京"),
            ("國民社", "紐約"), ("海通社", "柏林")]
H_GOODS = ["綢緞呢絨", "西藥補品", "香煙", "皮鞋", "鐘錶眼鏡", "留聲機唱片", "肥皂牙粉", "洋傘"]
H_SHOPS = ["大藥房", "綢緞莊", "百貨公司", "鐘錶行", "書局", "銀號"]
H_ROADS = ["南京路", "四馬路", "中山路", "福州路", "河南路", "北四川路"]


def h_dateline(r):
    c = r.random()
    d = cn_num(r.randint(1, 30))
    if c < 0.2:
        return "（中央社%s%s日電）" % (r.choice(H_CITY), d)
    if c < 0.35:
        return "【本報訊】"
    if c < 0.45:
        return "本報%s%s日專電" % (r.choice(H_CITY), d)
    if c < 0.55:
        ag, city = r.choice(H_ABROAD)
        return "%s%s%s日電" % (ag, city, d)
    if c < 0.62:
        return "%s%s日電" % (r.choice(["東京", "倫敦", "華盛頓", "莫斯科"]), d)
    if c < 0.68:
        return "（國民社%s%s日電）" % (r.choice(H_CITY), d)
    return ""


def h_advert(r):
    """(kind, lines) of an old-style advert or notice, written for the project."""
    c = r.randrange(5)
    shop = r.choice(["大華", "新昌", "永安", "協和", "信大", "同春"]) + r.choice(H_SHOPS)
    addr = "%s%s號" % (r.choice(H_ROADS), cn_num(r.randint(1, 99)) + r.choice(["", "", "百"]))
    tel = "電話" + "".join(r.choice(CN_DIG) for _ in range(5))
    if c == 0:
        return "advert", ["%s新到%s" % (shop, r.choice(H_GOODS)),
                          "價目克己 如蒙惠顧 請移玉步 地址%s %s" % (addr, tel)]
    if c == 1:
        return "advert", ["%s%s 每瓶大洋%s元 各埠均有代售 %s" % (
            shop, r.choice(["補腦汁", "止咳丸", "清導丸", "花露水"]), cn_num(r.randint(1, 9)), addr)]
    if c == 2:
        return "notice", ["遺失聲明", "%s遺失%s一紙 特此聲明作廢" % (
            r.choice(["王", "李", "張", "陳"]) + r.choice(["記", "德堂", "義記"]), r.choice(["股票", "存摺", "房契", "執照"]))]
    if c == 3:
        return "notice", ["尋人啟事", "小兒%s年%s歲 於%s月%s日走失 身穿%s 如有仁人君子送回者 酬洋%s元 %s" % (
            r.choice(["阿福", "根寶", "金生"]), cn_num(r.randint(6, 15)), cn_num(r.randint(1, 12)),
            cn_num(r.randint(1, 28)), r.choice(["藍布長衫", "灰色短褂"]), cn_num(r.randint(5, 50)), addr)]
    return "notice", ["%s律師代表%s啟事" % (r.choice(["吳", "周", "鄭"]) + r.choice(["維新", "恩溥", "國楨"]),
                                        shop), "茲據當事人委稱 本號自即日起改組 所有債權債務 請於一月內來所接洽 %s" % addr]


def h_undated(p):
    """The first paragraph without a dateline printed in the source text."""
    return re.sub(r"^(【?本報訊】?|本報[^，。、（]{0,12}電|新華社[^，。、（]{0,14}電|中央社[^，。、（]{0,14}電)"
                  r"(（[^）]{0,30}）)?", "", p)


def h_columns(text, height, jitter, r):
    out = []
    i = 0
    while i < len(text):
        h = height + (r.choice((-1, 0, 0, 0, 1)) if jitter else 0)
        out.append(text[i:i + h])
        i += h
    return out


def render_historical(arts, r):
    iss = Issue()
    height = r.randint(10, 24)
    jitter = r.random() < 0.3
    punct = r.choice(["old", "old", "none", "modern"])
    gap = r.random() < 0.5
    mixed = r.random() < 0.35  # blocks of other column heights on one page
    y, mo, dd = r.randint(15, 26), r.randint(1, 12), r.randint(1, 28)
    iss.variant = {"issue_date": "%04d-%02d-%02d" % (1911 + y, mo, dd), "column": height,
                   "jitter": jitter, "punct": punct, "blank_lines": gap, "mixed_heights": mixed}
    iss.add(r.choice(H_PAPERS), "masthead")
    iss.add("中華民國%s年%s月%s日 星期%s" % (cn_num(y), cn_num(mo), cn_num(dd), r.choice("一二三四五六日")), "masthead")
    gap and iss.blank()
    per_page = max(2, len(arts) // r.randint(2, 4))
    pmark = r.choice(["第%s張", "（%s）"])
    for k, a in enumerate(arts):
        if k % per_page == 0:
            iss.add(pmark % cn_num(k // per_page + 1), "page")
        # papers of the time print the main title first and its decks (副題)
        # under it: a source's kicker is printed as a deck
        for role, printed in (("title", "title"), ("kicker", "subtitle"), ("subtitle", "subtitle")):
            if a.get(role):
                iss.add(to_trad(a[role], "modern" if punct == "modern" else "old").strip("、。"), printed)
        paras = []
        for p in a["paragraphs"]:
            if is_credit(p) or is_note(p):
                continue
            t = to_trad(p.lstrip("#"), punct)
            if t:
                paras.append((t, is_head(p)))
        body = [t for t, h in paras if not h]
        if not body or not a.get("title"):
            continue
        h = r.randint(10, 24) if mixed else height
        dl = h_dateline(r) if not re.match(r"^(本報|新華社|中央社)", body[0]) else ""
        first = True
        for t, head in paras:
            if head:
                iss.add(t, "heading")
                continue
            for col in h_columns((dl if first else "") + t, h, jitter, r):
                iss.add(col, "body")
            first = False
        iss.gold.append({"kind": "*", "kicker": "*", "title": to_trad(a["title"], "modern" if punct == "modern" else "old").strip("、。"),
                         "subtitle": "*", "authors": "*", "dateline": "*",
                         "body_starts": h_undated(clean(body[0]))[:14], "body_ends": clean(body[-1])[-12:],
                         "continued_to": "*", "source": a.get("source")})
        gap and iss.blank()
        if r.random() < 0.25:
            kind, lines = h_advert(r)
            for t in lines:
                iss.add(t, kind)
            iss.ads.append({"kind": kind, "starts": clean(lines[0])[:10], "ends": clean(lines[-1])[-8:]})
            gap and iss.blank()
    return iss



# ---------------------------------------------------------------- lists (--lists)
# Name lists and directories as dailies print them (名单, 名录, 公示): a title,
# often a lead paragraph, then tens to hundreds of short item lines (a name
# and a unit, several names a line, an organisation, a numbered project),
# grouped under short group heads, sometimes a signature block.  Written
# for the project from templates, invented names only; drawn from a random
# stream of their own (RL), so every other draw stays that of --lists 0.
LISTS = 0.0  # share of issues given a list article (--lists)
BYSTY = 0.0  # share of reporter bylines printed in another paper's style (--byline-styles)
RBY = None
RL = None
HONOURS = ["劳动模范", "先进工作者", "优秀共产党员", "先进基层党组织", "文明家庭", "优秀志愿者", "最美教师",
           "科学技术进步奖获奖项目", "重点建设项目", "非物质文化遗产代表性项目", "示范企业", "乡村振兴示范村",
           "优秀青年岗位能手", "五一劳动奖章获得者", "三八红旗手", "见义勇为先进分子", "绿色工厂", "特色小镇"]
REGIONS = ["北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市", "江苏省",
           "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "四川省", "云南省"]
UNITS = ["供电公司", "人民医院", "第一中学", "实验小学", "农业合作社", "钢铁集团", "研究院", "中心医院", "交通运输局",
         "街道办事处", "消防救援支队", "派出所", "建设集团", "自来水公司", "疾病预防控制中心", "图书馆", "村委会"]
JOBS_L = ["工程师", "主任医师", "教师", "社长", "高级技师", "研究员", "副院长", "党支部书记", "主任", "队长",
          "民警", "技术员", "护士长", "班长", "总经理", "会计"]
PROJ = ["智能制造", "生态修复", "数字乡村", "城市更新", "新能源", "高铁装备", "种业创新", "海洋监测", "文物保护",
        "精准医疗", "智慧交通", "节水灌溉", "垃圾分类", "老旧小区改造"]
PROJ_END = ["关键技术研究与应用", "示范工程", "产业化项目", "综合服务平台建设", "标准体系研究", "试点项目"]
GROUPS = ["先进集体", "先进个人", "一等奖", "二等奖", "三等奖", "特等奖", "提名奖"]


def list_name(r, pad):
    n = name(r)
    return n[0] + "\u3000" + n[1] if pad and len(n) == 2 else n


def list_item(style, region, r, pad):
    place = region.rstrip("省市").replace("自治区", "")
    if style == 0:  # one person a line: name, unit and post
        return list_name(r, pad) + r.choice(["\u3000", "\u3000\u3000", " "]) + place + r.choice(
            ["", r.choice(CITY) + "市"]) + r.choice(UNITS) + r.choice(JOBS_L)
    if style == 1:  # several names a line
        return "\u3000\u3000".join(list_name(r, pad) for _ in range(r.randint(3, 6)))
    if style == 2:  # organisations
        return place + r.choice(["", r.choice(CITY) + "市"]) + r.choice(ROADS)[:2] + r.choice(UNITS)
    return "%s%s" % (r.choice(PROJ), r.choice(PROJ_END))  # projects (numbered by the caller)


def list_article(r):
    """A list article: paragraphs with per-paragraph roles (proles)."""
    honour = r.choice(HONOURS)
    year = r.randint(2015, 2024)
    title = r.choice(["%d年度%s名单" % (year, honour), "%s名单" % honour, "第%s批%s名录" % (cn_num(r.randint(1, 9)), honour),
                      "关于表彰%s的决定" % honour, "%s公示" % honour, "%d年%s拟推荐名单" % (year, honour)])
    style = r.randrange(4)
    pad = r.random() < 0.5
    paras, roles = [], []
    if r.random() < 0.7:
        paras.append(r.choice([
            "经%s评审，现将%d年度%s名单公布如下。" % (r.choice(["专家委员会", "评审委员会", "领导小组"]), year, honour),
            "为表彰先进、树立典型，决定授予下列同志“%s”称号。希望受到表彰的同志珍惜荣誉，再接再厉。" % honour,
            "根据有关规定，现将拟认定的%s予以公示，公示期为%d个工作日。" % (honour, r.randint(5, 10))]))
        roles.append(None)
    groups = r.randint(1, 8)
    numbered, numfmt = 0, r.choice(["%d．", "%d.", "（%d）", "%d\u3000"])
    for g in range(groups):
        region = r.choice(REGIONS)
        if groups > 1 or r.random() < 0.5:
            head = region if style != 3 else r.choice(GROUPS)
            if r.random() < 0.5:
                head += "（%d%s）" % (r.randint(3, 40), "项" if style == 3 else "名" if style < 2 else "个")
            if r.random() < 0.2:
                head = "一二三四五六七八"[g] + "、" + head
            paras.append(head)
            roles.append("group")
        for _ in range(r.randint(3, 40)):
            it = list_item(style, region, r, pad)
            if style == 3:
                numbered += 1
                it = numfmt % numbered + it
            paras.append(it)
            roles.append("item")
    sign = None
    if r.random() < 0.3:
        sign = [r.choice(["%s人民政府", "中共%s委员会", "%s总工会"]) % r.choice(REGIONS),
                "%d年%d月%d日" % (year, r.randint(1, 12), r.randint(1, 28))]
    return dict(kicker=None, title=title, subtitle=None, byline=None, dateline=None, paragraphs=paras,
                proles=roles, signature=sign, kind="article", source="lists")


# ------------------------------------------------------- signatures (--signatures)
# Documents, letters and appeals as dailies print them (贺信, 倡议书, 公开信,
# 决定): sometimes a salutation line opens the body, and a signature block
# closes it: the issuer (one or two lines of organisations, or a person) and
# a date line, flush left, indented like a paragraph or pushed to the right.
# The text after a signature block is the next article, so its two short
# lines must not be read as that article's kicker and title.  Templates of
# the project, invented names; a random stream of their own (RS).
SIGNS = 0.0  # share of articles given a signature block (--signatures)
TOPICAL = 0.0  # share of issues of one source in topical order (--topical)
SIGS = {}  # id(article) -> its content bigrams (topical_issue)


def content_sig(a):
    """Han bigrams of an article's title and first 300 characters."""
    if id(a) not in SIGS:
        text = "".join(c for c in (a.get("title") or "") + "".join(a["paragraphs"])[:300] if "\u4e00" <= c <= "\u9fff")
        SIGS[id(a)] = set(text[i:i + 2] for i in range(len(text) - 1))
    return SIGS[id(a)]


def jaccard(x, y):
    return len(x & y) / len(x | y) if x and y else 0.0


def topical_issue(arts, pool):
    """The issue's first article and the len(arts) - 1 articles of its source
    nearest to it, chained so that each shares the most with the one
    before (--topical)."""
    seed, seen = arts[0], set()
    same = []
    for a in pool:
        if a["source"] == seed["source"] and id(a) not in seen:
            seen.add(id(a))
            same.append(a)
    s0 = content_sig(seed)
    near = sorted((a for a in same if a is not seed), key=lambda a: -jaccard(s0, content_sig(a)))
    rest, order = near[:len(arts) - 1], [seed]
    while rest:
        cur = content_sig(order[-1])
        nxt = max(rest, key=lambda a: jaccard(cur, content_sig(a)))
        order.append(nxt)
        rest.remove(nxt)
    return order
RS = None
ISSUERS = ["中共%s委员会", "%s人民政府", "%s人民代表大会常务委员会", "%s总工会", "%s妇女联合会", "共青团%s委员会",
           "%s精神文明建设委员会", "%s生态环境厅", "%s教育局", "%s红十字会", "%s科学技术协会", "%s退役军人事务厅"]
SALUTES = ["全市广大青年朋友们：", "亲爱的同学们：", "各位市民朋友：", "全省广大干部群众：", "%s同志：",
           "广大志愿者朋友们：", "尊敬的各位老师：", "全体会员："]


def issuer(r):
    place = r.choice(REGIONS + [c + "市" for c in CITY])
    return r.choice(ISSUERS) % place


def signed(d, lay, r):
    """An article as a document or letter: a salutation (sometimes) and a
    signature block; a document prints no dateline, byline or ending.  The
    draws are RS's alone, and the rendering draws from r as for the article
    unsigned, so that every other article renders as it does without."""
    d = dict(d, dateline=None, dl_by=None, byline=None, ending=None, ending_byline=None, column=None)
    if r.random() < 0.4:
        s = r.choice(SALUTES)
        d["salute"] = s % name(r) if "%s" in s else s
    c = r.random()
    who = [issuer(r)] if c < 0.5 else [issuer(r) + "\u3000" + issuer(r)] if c < 0.65 else \
        [issuer(r), issuer(r)] if c < 0.85 else [name(r)]
    y, m, dd = r.randint(2000, 2024), r.randint(1, 12), r.randint(1, 28)
    when = "%d年%d月%d日" % (y, m, dd) if r.random() < 0.7 else \
        "".join(CN_DIG[int(ch)] for ch in str(y)) + "年%s月%s日" % (cn_num(m), cn_num(dd))
    flat = lay in ("web", "plain", "ocr")
    c = r.random()
    pad = "" if (flat and c < 0.8) or (not flat and c < 0.2) else \
        "\u3000\u3000" if not flat and c < 0.6 else \
        ("\u3000" if not flat or r.random() < 0.5 else " ") * r.randint(8, 20)
    d["signature"] = [pad + t for t in who + [when]]
    # the block is the document's own text, as printed: body (a credit line
    # is the paper's, 本报记者 X; fitted as credit the block taught the
    # model that any short last line is one, 会议还研究了其他事项。)
    d["sign_role"] = "body"
    return d


# ------------------------------------------------------------ reports (--reports)
# Full texts of work reports and speeches as dailies print them: a title, a
# subtitle naming the meeting, a date line, the speaker, a salutation, then
# tens of thousands of characters under numbered heads (一、 and （一）, some
# subheads run into their paragraph).  The shapes are the project's own
# templates; the sections' paragraphs are other articles of the pool, so the
# topic changes at every head, as the heads of a long report move from one
# field to the next.  Drawn from a random stream of their own (RR).
REPORTS = 0.0  # share of issues given a report (--reports)
RR = None
POOL = []
MEETINGS = ["第十四届全国人民代表大会第二次会议", "全省经济工作会议", "全市干部大会", "全国科技大会",
            "市委全会", "纪念大会", "全省优化营商环境大会", "全市高质量发展推进会", "座谈会"]
SPEAKERS = ["国务院总理", "省长", "市长", "主任", "书记", "院长", "部长", "检察长"]
BODIES = ["政府", "最高人民法院", "最高人民检察院", "全国人民代表大会常务委员会", "省人民政府", "市人民政府"]


NEWS_MARK = re.compile(r"^(本报|新华社|据新华社|中新社|图为|图：)|电（|（记者|记者.{0,8}报道|本报讯|摄）|（完）$")


def report_paras(a):
    """An article's paragraphs as a report's: statements only, closing in 。
    (the sentence corpora's lines hold their stories' titles, questions and
    photo captions too), and no paragraph with a news agency's marks (a
    dateline, a reporter's credit), which a report never prints."""
    out = [p for p in a["paragraphs"] if not is_head(p) and not is_credit(p) and not is_note(p)]
    return [p for p in out if len(p) >= 8 and re.search(r"。”?$", p) and not NEWS_MARK.search(p)]


def pool_except(arts, sources):
    """The pool's articles neither in the issue (arts) nor of the sources
    named, or the whole pool when none is left."""
    taken = set(id(a) for a in arts)
    return [a for a in POOL if a["source"] not in sources and id(a) not in taken] or POOL


def report_article(r, arts):
    """A report: paragraphs with per-paragraph roles (proles), as a list's;
    its sections are of articles not among the issue's (arts)."""
    y, m, d = r.randint(2000, 2024), r.randint(1, 12), r.randint(1, 28)
    meeting = r.choice(MEETINGS)
    target = r.choice([8000, 15000, 25000, 40000])
    nsec = r.randint(4, 10)
    srcs = pool_except(arts, ("lists", "own"))
    paras, roles = [], []
    if r.random() < 0.7:
        paras.append(r.choice(["各位代表：", "同志们：", "同志们，朋友们：", "各位委员："]))
        roles.append("item")
    nhead = 0
    for s in range(nsec):
        # the section's articles; where one gives way to the next, a subhead
        # (the topic of a report changes at its heads, not between them)
        parts, size = [], 0
        while size < target / nsec and len(parts) < 8:
            ps = report_paras(r.choice(srcs))
            if ps:
                parts.append(ps)
                size += sum(len(p) for p in ps)
        if not parts:
            continue
        sec = [p for ps in parts for p in ps]
        nhead += 1
        paras.append("%s、%s" % (cn_num(nhead), clause("".join(sec), r, 4, 14) or sec[0][:10]))
        roles.append("group")
        starts, k = [], 0
        for ps in parts:
            starts.append(k)
            k += len(ps)
        if len(parts) == 1:
            nsub = r.choice([0, 0, 2, 3, 4])
            cut = sorted(r.sample(range(1, len(sec)), min(nsub, len(sec) - 1))) if nsub and len(sec) > 1 else []
            starts = [0] + cut if cut else []
        inline = r.random() < 0.5
        for k, p in enumerate(sec):
            if k in starts:
                h = "（%s）%s" % (cn_num(starts.index(k) + 1), clause(p, r, 4, 14) or p[:8])
                if inline:
                    p = h + "。" + p
                else:
                    paras.append(h)
                    roles.append("group")
            paras.append(p)
            roles.append("item")
    c = r.random()
    title = "政府工作报告" if c < 0.2 else "%s工作报告" % r.choice(BODIES) if c < 0.4 else \
        "在%s上的讲话" % meeting if c < 0.6 else "关于%s的报告" % (clause("".join(paras), r, 4, 12) or "有关情况") \
        if c < 0.8 else (clause("".join(paras), r, 6, 16) or "在%s上的讲话" % meeting)
    sub = None
    if r.random() < 0.7:
        sub = r.choice(["——%d年%d月%d日在%s上" % (y, m, d, meeting), "——在%s上的讲话" % meeting,
                        "——在%s上的报告" % meeting])
    heads = []
    if r.random() < 0.5:
        heads.append("（%d年%d月%d日）" % (y, m, d))
    if r.random() < 0.8:
        nm = name(r)
        nm = nm[0] + "\u3000" + nm[1] if len(nm) == 2 and r.random() < 0.5 else nm
        heads.append((r.choice(SPEAKERS) + "\u3000" if r.random() < 0.6 else "") + nm)
    return dict(kicker=None, title=title, subtitle=sub, byline=None, dateline=None, paragraphs=paras,
                proles=roles, head_lines=heads, kind="article", source="reports")


# ----------------------------------------------------------- round-ups (--roundups)
# A city paper's round-up: an introduction, then one part a district, each
# under its own head and closed by its reporter's credit, the whole one
# article.  The heads name the district in one of three forms a round-up
# keeps throughout (东城区…, 徐汇：…, or no name: the part's title alone).
# The parts are other articles of the issue's papers.  Drawn from a random
# stream of their own (RU).
ROUNDUPS = 0.0  # share of issues given a round-up (--roundups)
RU = None
PLACES = ["东城", "西城", "朝阳", "海淀", "丰台", "浦东", "黄浦", "徐汇", "长宁", "静安", "普陀", "虹口",
          "杨浦", "闵行", "宝山", "嘉定", "松江", "青浦", "奉贤", "天河", "越秀", "福田", "南山", "江北",
          "鼓楼", "雨花", "武侯", "锦江", "历下", "市南"]


def roundup_article(r, arts):
    """A round-up of parts drawn from the pool's articles of the issue's
    sources (not among the issue's own, arts)."""
    mine = set(a["source"] for a in arts)
    srcs = [a for a in pool_except(arts, ("lists", "own")) if a["source"] in mine and report_paras(a)] \
        or [a for a in pool_except(arts, ("lists", "own")) if report_paras(a)]
    picks = r.sample(srcs, min(r.randint(4, 6), len(srcs)))
    intro, parts = report_paras(picks[0])[0], picks[1:]
    form = r.choice(["district", "colon", "title"])
    paras, roles = [intro], ["item"]
    names = ["本报记者 " + name(r) for _ in parts]
    for k, (a, pl) in enumerate(zip(parts, r.sample(PLACES, len(parts)))):
        t = clean(a.get("title") or "")[:16] or clause("".join(a["paragraphs"]), r, 6, 14) or "各区在行动"
        paras.append(pl + "区" + t if form == "district" else pl + "：" + t if form == "colon" else t)
        roles.append("group")
        for p in report_paras(a)[:r.randint(2, 4)]:
            paras.append(p)
            roles.append("item")
        if k < len(parts) - 1:
            paras.append(names[k])
            roles.append(None)
    title = clause(intro, r, 6, 14) or "各区多措并举保供稳价"
    sub = "——" + (clause("".join(paras[1:]), r, 8, 18) or "来自基层一线的报道") if r.random() < 0.5 else None
    return dict(kicker=None, title=title, subtitle=sub, byline=None, dateline=None, paragraphs=paras,
                proles=roles, head_lines=[], kind="article", source="roundups", ending_byline=names[-1])


def render_roundup(iss, lay, arts):
    """One round-up (--roundups), drawn from RU alone."""
    d = roundup_article(RU, arts)
    d["item_flush"] = lay in ("web", "plain")
    d["head_flush"] = d["item_flush"] or RU.random() < 0.5
    render_block(iss, d, lay, RU)


# ---------------------------------------------------------------- rendering
class Issue:
    def __init__(self):
        self.lines = []     # (text, role)
        self.gold = []
        self.ads = []

    def add(self, text, role):
        self.lines.append((text, role))

    def blank(self):
        if self.lines and self.lines[-1][1] != "blank":
            self.lines.append(("", "blank"))


def clause(text, r, lo, hi):
    """A clause of text lo..hi characters long (a headline-like phrase), or None."""
    fs = [f for f in re.split(r"[，。！？：；、“”（）《》]", text) if lo <= len(f) <= hi]
    return r.choice(fs) if fs else None


def vary(d, r):
    """Other papers' conventions on one article (fitting only, --vary): a
    kicker, a subtitle, in-article section heads in one of several styles,
    all made of the article's own clauses."""
    body = [p for p in d["paragraphs"] if not is_head(p)]
    text = "".join(body)
    if TWOPART > 0 and d.get("title") and r.random() < TWOPART:
        d["title"] = two_part(d["title"], text, r)
    if QTITLES > 0 and d.get("title") and QSTREAM == "own":
        # a stream of its own per varied article, so that the issues drawn
        # stay those of --question-titles 0 and only the titles change
        global QCOUNT
        QCOUNT += 1
        qr = random.Random("%d/%d" % (SEED, QCOUNT))
        if qr.random() < QTITLES:
            d["title"] = question_title(d["title"], text, qr)
    elif QTITLES > 0 and d.get("title") and r.random() < QTITLES:
        d["title"] = question_title(d["title"], text, r)
    if not d.get("kicker") and d.get("title") and r.random() < KICKERS:
        k = kicker_of(text, r, d["title"])
        if k:
            d["kicker"] = k
    if not d.get("subtitle") and d.get("title") and r.random() < 0.25:
        d["subtitle"] = stack_clause(text, r, 8, 22, d["title"])
    if len(body) >= 4 and len(body) == len(d["paragraphs"]) and r.random() < 0.35:
        style = r.choice(HEAD_STYLES)
        out, n = [body[0]], 0
        qr = question_stream()
        if qr:
            style = style if "一" in style else "%s"
        for p in body[1:]:
            h = section_head(body, p, r) if r.random() < 0.4 else None
            if h and qr:
                h = question_head(h, qr)
                QHEAD_LINES.add(style % h if "一" not in style else
                                style.replace("一", "一二三四五六七八九十"[min(n + 1, 10) - 1], 1) % h)
            if h and style != "（一）%s" and style != "一、%s":
                out.append(style % h)
            elif h:
                n += 1
                num = "一二三四五六七八九十"[min(n, 10) - 1]
                out.append(style.replace("一", num, 1) % h)
            out.append(p)
        d["paragraphs"] = out
    if BARE_CREDITS > 0 and r.random() < BARE_CREDITS:
        d["ending_byline"] = bare_credit(r)
    return d


def bare_credit(r):
    """A sign-off printed as a line of its own after the last paragraph, no
    brackets: 本报记者 X, 记者 X Y, 本报记者 X 通讯员 Y (--bare-credits)."""
    c = r.random()
    if c < 0.5:
        return "本报记者 %s" % name(r)
    if c < 0.75:
        return "记者 %s %s" % (name(r), name(r))
    return "本报记者 %s 通讯员 %s" % (name(r), name(r))


def stack_clause(text, r, lo, hi, title):
    """A kicker's or subtitle's clause of text lo..hi characters long, or
    with STACK_LONG's share (--stack-long) one longer than the title: one
    clause or two of a sentence joined, 2 to 14 characters more (when the
    article has none, any clause of lo..hi, as without the option)."""
    if STACK_LONG > 0 and title and RSL.random() < STACK_LONG:
        tl = len(title)
        cands = []
        for sent in re.split(r"[。！？]", text):
            cs = [c for c in re.split(r"[，；：]", sent) if c]
            for i, c in enumerate(cs):
                cands.append(c)
                if i + 1 < len(cs) and min(len(c), len(cs[i + 1])) >= 4:
                    cands.append(c + "，" + cs[i + 1])
        fs = [c for c in cands if max(lo, tl + 2) <= len(c) <= tl + 14 and not re.search(r"[“”（）《》\s]", c)]
        if fs:
            return r.choice(fs)
    return clause(text, r, lo, hi)


def kicker_of(text, r, title=None):
    """A kicker made of the article's own clauses, in the two shapes dailies
    print: a short phrase (some ending in ——) or, with KICKER_LONG's share, a
    factual sentence of one or two clauses (who, where, what) as long as or
    longer than most titles (--long-kickers)."""
    if KICKER_LONG == 0 or r.random() >= KICKER_LONG:
        k = stack_clause(text, r, 6, 20, title)
        if not k:
            return k
        dash = r.choice(["", "", "——", "——"])
        if KICKER_DASH is not None:
            dash = "——" if RKD.random() < KICKER_DASH else ""
        return k + dash
    cands = []
    for sent in re.split(r"[。！？]", text):
        cs = re.split(r"[，；]", sent)
        for i, c in enumerate(cs):
            if 12 <= len(c) <= 28:
                cands.append(c)
            if i + 1 < len(cs) and min(len(c), len(cs[i + 1])) >= 4 and 12 <= len(c) + len(cs[i + 1]) + 1 <= 28:
                cands.append(c + "，" + cs[i + 1])
    cands = [c for c in cands if not re.search(r"[“”（）《》：\s]", c)]
    if not cands:
        return None
    return r.choice(cands) + r.choice(["", "", "", "——"])


def page_stack(d, r):
    """A saved page's headline printed as a daily's stack (--page-stacks): a
    kicker of the article's own clauses over the page's title, in half of
    them a subtitle under it."""
    text = "".join(p for p in d["paragraphs"] if not is_head(p))
    d["kicker"] = kicker_of(text, r, d.get("title"))
    if not d.get("subtitle") and r.random() < 0.5:
        d["subtitle"] = stack_clause(text, r, 8, 22, d.get("title"))
    return d


def two_part(title, text, r):
    """A two-part headline as pages and dailies print them (--two-part):
    X：TITLE, TITLE：Y or TITLE，Y, the added part a clause of the article."""
    c = r.random()
    x = clause(text, r, 2, 8) if c < 0.4 else clause(text, r, 6, 16)
    if not x or x in title:
        return title
    if c < 0.4:
        return x + "：" + title
    return title + ("：" if c < 0.75 else "，") + x


def question_title(title, text, r):
    """A question headline as web copy prints them (--question-titles), of
    the article's own words: X为何Y？ (a clause cut after its first words),
    X怎么了？, a clause or the title closing in ？.  No 。, no quote, at most
    one comma, 4-40 characters; the title is kept when no clause fits."""
    c = r.random()
    if c < 0.4:
        q = clause(text, r, 6, 20)
        if q:
            ks = [k for k in range(2, min(6, len(q) - 3) + 1) if q[k] not in "的了着地得之和与"]
            k = r.choice(ks) if ks else 2
            q = q[:k] + r.choice(["为何", "为何", "为什么", "如何"]) + q[k:] + "？"
    elif c < 0.55:
        q = clause(text, r, 2, 10)
        q = q and q + r.choice(["怎么了？", "，怎么了？", "怎么办？"])
    elif c < 0.8:
        q = clause(text, r, 6, 24)
        q = q and q + r.choice(["？", "？", "吗？"])
    else:
        q = title.rstrip("。！？!?…") + "？"
    if not q or not 4 <= len(q) <= 40 or re.search(r"[。“”‘’「」]", q):
        return title
    return q


def question_stream():
    """The draws of --question-heads for one sectioned article, or None when
    its heads stay statements: a stream of its own (seeded by --seed and the
    article's number), so that the issues drawn stay those without it."""
    global QHCOUNT
    if QHEADS <= 0:
        return None
    QHCOUNT += 1
    qr = random.Random("qh/%d/%d" % (SEED, QHCOUNT))
    return qr if qr.random() < QHEADS else None


def question_head(h, qr):
    """A section head put as a question on its section, as interviews and
    explainers print them (--question-heads): the plain head's words
    (section_head: as often from another paragraph as from its own) in a
    question, 为什么X？ X吗？ X，怎么办？ X有何变化？; the plain head when
    that is too long.  It closes in ？, so its shape alone cannot tell it from
    a question headline."""
    c = qr.random()
    b = h.strip("\u201c\u201d")
    if c < 0.3:
        q = qr.choice(["为什么", "如何", "怎样", "为何"]) + b + "？"
    elif c < 0.55:
        q = b + qr.choice(["吗？", "？", "了吗？"])
    elif c < 0.75:
        q = b + qr.choice(["，怎么办？", "，意味着什么？", "，难在哪里？", "，怎么看？"])
    else:
        q = b + qr.choice(["有何变化？", "怎么样？", "是什么？", "在哪里？"])
    if not 4 <= len(q) <= 30 or re.search(r"[。“”‘’「」]", q):
        return h
    return q


def section_head(body, p, r):
    """A section head for the paragraph p: real papers' heads sum a section
    up rather than quote its first clause, so half are a short phrase (2-10
    characters, some in quotes) cut from any paragraph of the article, and
    the model cannot learn that a head repeats the words after it."""
    if r.random() < 0.5:
        return clause(p, r, 4, 14)
    h = clause(r.choice(body), r, 2, 10)
    if h and r.random() < 0.2:
        h = "\u201c%s\u201d" % h
    return h


def decorate(a, r):
    """Byline/dateline/ending choices for one rendering of an article."""
    d = dict(a)
    if VARY > 0 and a["source"] != "own" and r.random() < VARY:
        d = vary(d, r)
    if PAGE_STACKS > 0 and a["source"] == "pages" and not d.get("kicker") and r.random() < PAGE_STACKS:
        d = page_stack(d, r)
    # the own fixtures and the saved pages are rendered as written: no
    # invented dateline, byline, ending or column tag
    # an article whose byline is a head over its text (byline_head) draws
    # what it drew when that head was read as a subtitle, so the issues stay
    # the same; what it drew is dropped below
    if a["source"] not in AS_PRINTED and (not a.get("byline") or a.get("head_byline")) and \
            not d.get("ending_byline"):
        c = r.random()
        if c < 0.35:
            d["dateline"] = "本报%s%d月%d日电" % (r.choice(CITY), r.randint(1, 12), r.randint(1, 28))
            d["dl_by"] = "（记者%s）" % "、".join(name(r) for _ in range(r.randint(1, 2)))
        elif c < 0.45:
            d["dateline"] = "新华社%s%d月%d日电" % (r.choice(CITY), r.randint(1, 12), r.randint(1, 28))
        elif c < 0.6:
            d["byline"] = "本报记者 %s" % name(r)
        elif c < 0.7:
            d["ending"] = r.choice(["（本报记者 %s）", "（责编：%s）", "（作者为%s大学教授）", "（%s）",
                                    "本报记者 %s 摄", "%s 摄影 " + name(r)]) % (
                name(r) if r.random() < 0.8 else r.choice(CITY))
            if d["ending"].startswith("（作者为") and RN.random() < 0.5:
                d["ending"] = long_note(RN)
            if d["ending"].startswith("（"):
                d["note_indent"] = RN.random() < 0.5
    if a["source"] not in AS_PRINTED and not d.get("ending") and not d.get("ending_byline") and \
            RN.random() < 0.03:
        # and a long writer's note under 3 % of the other articles
        d["ending"] = long_note(RN)
        d["note_indent"] = RN.random() < 0.5
    if a["source"] in ("pku", "msr") and r.random() < 0.1:
        # a brief: one paragraph, no headline
        body = [p for p in a["paragraphs"] if not is_head(p)]
        d.update(kicker=None, title=None, subtitle=None, byline=None, ending=None, ending_byline=None, column=None,
                 paragraphs=body[:1], brief=True, kind="brief")
        if r.random() < 0.5:
            d.update(dateline="本报讯", dl_by=None)
        return d
    if a["source"] not in AS_PRINTED and r.random() < 0.15 and a.get("title"):
        d["column"] = "（%s）" % r.choice(COLUMNS)
    if a.get("head_byline"):
        d.update(dateline=None, dl_by=None, byline=a["byline"], ending=None, note_indent=None)
    return d


def lead_of(d):
    """The dateline text printed at the head of the first paragraph."""
    dl = d.get("dateline")
    if not dl:
        return ""
    return dl + (d.get("dl_by") or "") + (" " if d.get("dl_by") is None and r_space(dl) else "")


def r_space(dl):
    return dl.endswith("电") or dl.endswith("讯")


# a photo or video-still caption or picture credit by its shape (the shapes
# of split_caption.c): with --page-captions the saved pages' such lines are
# captions, so the gold body neither opens nor ends with one
CAPTION_SHAPE = re.compile(
    r"（[^（）]{0,30}(截图|供图|摄|图片|资料图|视频|新华社发|图源)[^（）]{0,30}）$"
    r"|^(图为|图：|图:|图/|▲|△|↑|上图|下图|左图|右图|资料图|图片来源|图片：|图源|视频截图)"
    r"|(截图|供图|资料图|来自网络|视觉中国)$")


def page_caption(d, p):
    return PAGE_CAPS and d.get("source") == "pages" and len(p) <= 80 and CAPTION_SHAPE.search(p.strip())


def gold_of(d, body_paras, note_in_body=False):
    if d.get("proles"):
        # a list: its items are body, its group heads are not
        text = [p for p, ro in zip(body_paras, d["proles"]) if ro == "item" or (ro is None and not is_head(p))]
    else:
        text = [p for p in body_paras if not is_head(p) and not page_caption(d, p)] or \
            [p for p in body_paras if not is_head(p)]
    first = d.get("salute") or text[0]
    # a closing note in brackets signs the article, it is not its last words
    last = text[-2] if len(text) > 1 and is_note(text[-1]) and not note_in_body else text[-1]
    # a dateline printed in the source text is not the body
    f = re.sub(r"^(本报讯|本报[^，。（]{0,12}电|新华社[^，。（]{0,14}电)(（[^）]{0,30}）)?", "",
               clean(first.lstrip("#■ ")))
    if d.get("source") == "pages":
        # any outlet's dateline (the scorer allows one left in front)
        f = PAGE_DATELINE.sub("", clean(first.lstrip("#■ ")))
    # a bulleted point (--points) is body without its bullet
    l = clean(last.lstrip("#■ ").lstrip(BULLETS + " \u3000"))
    kind = d.get("kind") or "article"
    signed = {"signed": True} if d.get("signature") and d.get("source") != "lists" else {}
    return dict(signed, **{"kind": "*" if kind != "photo" else "photo", "kicker": d.get("kicker"),
            "title": d.get("title"), "subtitle": d.get("subtitle"), "byline": d.get("byline"),
            "authors": "*", "dateline": "*",
            "body_starts": f[:14], "body_ends": l[-12:], "continued_to": "*", "source": d.get("source")})


# ---------------------------------------------------------------- web copies
# What a copy of a news web page carries around an article (--webcopy,
# fitting only): a source/date line under the headline, a photo caption
# with its source, the editor's line at the end, the share/print
# furniture.  Shapes of Chinese news sites, filled with the project's
# invented names; never copied text.
SITES = [m + s for m in MASTHEADS for s in ("", "网", "客户端")]
SHARE = ["分享到：", "【打印】【关闭】", "【纠错】", "扫一扫在手机打开当前页", "字号：大 中 小",
         "打印本页 关闭窗口", "分享到：微信 微博 QQ空间", "【我要留言】", "相关新闻"]


def web_date(r):
    y, m, d = r.randint(2005, 2024), r.randint(1, 12), r.randint(1, 28)
    t = " %02d:%02d" % (r.randint(0, 23), r.randint(0, 59)) if r.random() < 0.6 else ""
    return r.choice(["%d-%02d-%02d", "%d年%02d月%02d日", "%d/%02d/%02d"]) % (y, m, d) + t


def web_source(r):
    src, dt = r.choice(SITES), web_date(r)
    c = r.randrange(5)
    if c == 0:
        return "来源：%s %s" % (src, dt)
    if c == 1:
        return "%s 来源：%s" % (dt, src)
    if c == 2:
        return "发布时间：%s 来源：%s" % (dt, src)
    if c == 3:
        return "%s %s 作者：%s" % (dt, src, name(r))
    return "来源：%s 作者：%s %s" % (src, name(r), dt)


def web_ending(r):
    c = r.randrange(4)
    if c == 0:
        return "（责任编辑：%s）" % name(r)
    if c == 1:
        return "责任编辑：%s" % name(r)
    if c == 2:
        return "编辑：%s 校对：%s" % (name(r), name(r))
    return "【责任编辑：%s】" % name(r)


def web_caption(p, r):
    c = r.randrange(3)
    if c == 0:
        return "（图片来源：%s）" % r.choice(SITES)
    if c == 1:
        return "图片来源：%s" % r.choice(SITES + ["受访者供图", "视觉中国", "网络"])
    return "图为%s。（%s 摄）" % (p[:r.randint(8, 18)].rstrip("，。"), name(r))


# ------------------------------------------------ web captions (--web-captions)
# What copied web text carries between an article's paragraphs: photo and
# video-still captions, picture credits, and inner heads that are only a
# quoted name (a poem's or book's title, 《X》).  Made of the article's own
# clauses and the project's invented names, at run time; drawn from a
# stream of their own (RC), so the issues, articles and conventions drawn
# stay those of --web-captions 0 and only these lines are added.
def web_caption_lines(text, r):
    """One caption item: [(line, role), ..] of a clause of text, or []."""
    x = clause(text, r, 6, 22)
    if not x:
        return []
    c = r.randrange(7)
    if c == 0:
        return [(x + r.choice(["（视频截图）", "（视频截图）", "（截图）", "（网络视频截图）"]), "caption")]
    if c == 1:
        return [("图为" + x + "。" + r.choice(["（新华社发 %s摄）", "（%s摄）", "（%s 摄）", "新华社记者 %s 摄"])
                 % name(r), "caption")]
    if c == 2:
        return [(r.choice(["▲", "△", "图：", "上图：", "↑"]) + x + r.choice(["", "。"]), "caption")]
    if c == 3:
        return [(x + r.choice(["（受访者供图）", "（资料图）", "（%s供图）" % name(r), "（图片来源：%s）" % r.choice(SITES)]),
                 "caption")]
    if c == 4:
        return [(r.choice(["（视频截图）", "资料图", "图片来源：网络", "（%s 摄）" % name(r), "视觉中国供图"]), "caption")]
    if c == 5:
        return [(x + "。" + r.choice(["%s 摄", "（%s 摄）"]) % name(r), "caption")]
    q = clause(text, r, 2, 10)
    if not q:
        return []
    return [("《%s》" % q, "heading")]


def web_captions(paras, r):
    """Where the caption items go: {paragraph index: items before it}."""
    body = [p for p in paras if not is_head(p)]
    text = "".join(body)
    at = {}
    for _ in range(r.choice((1, 1, 2, 3))):
        k = r.randrange(0, max(1, len(paras) - 1)) if len(paras) > 1 else 0
        if k == 0 and r.random() < 0.5:
            k = 1 if len(paras) > 1 else 0
        at.setdefault(k, []).extend(web_caption_lines(text, r))
    return at


# ------------------------------------------------ quoted poems (--quoted-poems)
# A poem quoted inside an essay or review: 《X》 alone on its line, a poet's
# line in some, verse lines of equal clauses (the article's own words cut to
# four, five or seven characters; no verse copied), a comment's label in
# some.  Line by line it looks like a short headline over a poem item; the
# book-title marks say it is a work the article quotes.
QPOEMS = 0.0  # share of articles given a quoted poem (--quoted-poems)
RQP = random.Random(0)  # their stream
DYNASTIES = "汉唐宋元明清"


def quoted_poem(text, r):
    """[(line, role), ..] of a quoted poem made of text's clauses, or []."""
    q = clause(text, r, 2, 8)
    n = r.choice((4, 5, 5, 7, 7))
    cl = [f[:n] for f in re.split(r"[，。！？：；、“”（）《》\s]", text) if len(f) >= n]
    if not q or len(cl) < 4:
        return []
    out = [("《%s》" % q, "heading")]
    c = r.random()
    if c < 0.25:
        out.append(("——（%s）%s" % (r.choice(DYNASTIES), name(r)), "heading"))
    elif c < 0.4:
        out.append(("%s　%s" % (r.choice(DYNASTIES), name(r)), "heading"))
    k = r.randrange(len(cl) - 3)
    pairs = [cl[i] + "，" + cl[i + 1] + r.choice("。。。。；！")
             for i in range(k, min(len(cl) - 1, k + 2 * r.randint(2, 8)), 2)]
    if r.random() < 0.3:
        pairs = ["".join(pairs)]
    out += [(v, "body") for v in pairs]
    if r.random() < 0.25:
        out.append((r.choice(["赏析：", "点评：", "译文：", "注释："]), "heading"))
    return out


def byline_style(names, r):
    """A reporter byline as other papers print it (--byline-styles): the
    names alone (commentary and theory pages), full-width gaps, a
    correspondent beside the reporter, the paper's commentator."""
    c = r.randrange(6)
    if c <= 1:
        return "\u3000".join(names)
    if c == 2:
        return "本报记者\u3000" + "\u3000".join(names)
    if c == 3:
        return "本报记者 %s 通讯员 %s" % (" ".join(names), name(r))
    if c == 4:
        return "本报评论员"
    return "%s %s" % (r.choice(["文/", "记者 ", "本报特约记者 "]), " ".join(names))


def pad_names(byline):
    """A byline's two-character names padded to three with a full-width
    space, as national dailies set them (本报记者 王浩 -> 本报记者 王　浩);
    role words (记者, 摄影, ...) stay as they are."""
    def pad(m):
        w = m.group(2)
        if w in ("记者", "摄影", "编辑", "通讯", "特约", "本报", "文图", "供图"):
            return m.group(0)
        return m.group(1) + w[0] + "\u3000" + w[1]
    return re.sub(r"(^|[\s\u3000/])([\u4e00-\u9fff]{2})(?=$|[\s\u3000])", pad, byline)


def add_points(d, r):
    """Bulleted key points inside the body (--points), drawn from r alone:
    two to four clauses of the article after one of its paragraphs (never
    before the first, which carries the dateline)."""
    paras = d["paragraphs"]
    text = "".join(p for p in paras if not is_head(p))
    pos = r.randint(1, len(paras))
    bullet, space = r.choice(BULLETS), r.choice(["", "", " ", "\u3000"])
    pts, seen = [], set()
    for _ in range(r.randint(2, 4)):
        c = clause(text, r, 6, 26)
        if c and c not in seen:
            seen.add(c)
            pts.append(bullet + space + c + r.choice(["", "", "。", "；"]))
    if len(pts) < 2:
        return d
    d = dict(d, paragraphs=paras[:pos] + pts + paras[pos:],
             proles=[None] * pos + ["item"] * len(pts) + [None] * (len(paras) - pos))
    return d


# where a picture came from, in place of who took it (--caption-origins)
ORIGINS = ["（视频截图）", "。视频截图", "（资料图）", "。资料图片", "（资料图片）", "。新华社发",
           "（视觉中国）", "（图片来源：网络）", "（图源：网络）", "。网络图片"]
CAPORIG = 0.0  # share of captions so (--caption-origins)
RCO = random.Random(0)  # their stream


def caption_line(p, r):
    """A photo caption over the paragraph p: 图为… X 摄, or (--caption-origins,
    from a stream of its own) the clause alone with where the picture came
    from, 南湖公园（视频截图）; r's draws the same either way."""
    text = p[:r.randint(8, 18)].rstrip("，。")
    who = name(r)
    if CAPORIG > 0 and RCO.random() < CAPORIG:
        return text + RCO.choice(ORIGINS)
    return "图为" + text + "。" + who + " 摄"


def render_article(iss, d, lay, r):
    if POINTS > 0 and lay != "historical" and not d.get("proles") and not d.get("brief") \
            and d.get("source") not in ("photos", "poems") and d.get("paragraphs") and RP.random() < POINTS:
        d = add_points(d, RP)
    indent = "\u3000\u3000" if lay in ("epaper", "masthead", "captions") else ""
    gap = lay in ("web", "ocr")
    head_mark = lay == "ocr"
    if d.get("kicker"):
        iss.add(("### " if head_mark else "") + d["kicker"], "kicker")
        gap and iss.blank()
    if d.get("title"):
        iss.add(("## " if head_mark else "") + d["title"] + (d.get("column") or ""), "title")
        gap and iss.blank()
    if d.get("subtitle"):
        sub = d["subtitle"]
        if r.random() < 0.5 and not sub.startswith("—"):
            sub = "——" + sub
        iss.add(sub, "subtitle")
        gap and iss.blank()
    elif d.get("head_byline"):
        r.random()  # the draw of the subtitle it was read as before: the issues stay the same
    for t in d.get("head_lines") or []:
        iss.add(t, "byline")
        gap and iss.blank()
    web = getattr(iss, "webcopy", False)
    if web and d.get("title") and r.random() < 0.6:
        iss.add(web_source(r), "byline")
        gap and iss.blank()
        if r.random() < 0.2:
            iss.add(r.choice(SHARE), "boilerplate")
            gap and iss.blank()
    if d.get("byline") and BYSTY > 0 and re.match(r"^本报记者 [\u4e00-\u9fff ]+$", d["byline"]) \
            and RBY.random() < BYSTY:
        d["byline"] = byline_style(d["byline"][5:].split(), RBY)
    lead_in = ""
    if d.get("byline") and BYPRESS > 0 and lay not in ("ocr", "historical") and RBP.random() < BYPRESS:
        d = dict(d, byline=pad_names(d["byline"]))
        lead_in = indent if RBP.random() < 0.5 else ""
    if d.get("byline"):
        iss.add(("■" if head_mark else "") + lead_in + d["byline"], "byline")
        gap and iss.blank()
    if web and r.random() < 0.15:
        iss.add(web_caption(clean(d["paragraphs"][0]), r), "caption")
        gap and iss.blank()
    elif iss.captions and CAPORIG > 0 and d.get("paragraphs") and RCO.random() < 0.1:
        # the lead picture's caption under the headline (--caption-origins)
        iss.add(caption_line(clean(d["paragraphs"][0]), RCO), "caption")
        gap and iss.blank()
    paras = d["paragraphs"]
    lead = lead_of(d)
    first_body = True
    if d.get("salute"):
        # the salutation of a letter (--signatures), drawing nothing from r
        iss.add(indent + d["salute"], "body")
        gap and iss.blank()
    caps = web_captions(paras, RC) if lay == "web" and WEBCAP > 0 and RC.random() < WEBCAP else {}
    if QPOEMS > 0 and lay != "ocr" and len(paras) > 1 and RQP.random() < QPOEMS:
        poem = quoted_poem("".join(p for p in paras if not is_head(p)), RQP)
        if poem:
            caps.setdefault(RQP.randrange(1, len(paras)), []).extend(
                (t if ro == "heading" and (lay in ("web", "plain") or RQP.random() < 0.5) else indent + t, ro)
                for t, ro in poem)
    proles = d.get("proles") or [None] * len(paras)
    for k, p in enumerate(paras):
        for t, ro in caps.get(k, []):
            iss.add(t, ro)
            gap and iss.blank()
        if proles[k] == "group":
            iss.add(("#### " if head_mark else "") + ("" if d.get("head_flush", d["item_flush"]) else indent) + p,
                    "heading")
        elif proles[k] == "item":
            iss.add(("" if d.get("item_flush", lay in ("web", "plain")) else indent) +
                    (lead if first_body else "") + p, "body")
            first_body = False
        elif (is_credit(p) or (is_note(p) and k == len(paras) - 1 and lay != "ocr")) and not first_body:
            iss.add(indent + p, "credit")
        elif is_head(p):
            t = p.lstrip("#")
            flush = lay in ("web", "plain") or r.random() < 0.5
            iss.add(("#### " if head_mark else "") + ("" if flush else indent) + t,
                    "caption" if page_caption(d, p) else "heading")
        elif page_caption(d, p):
            # the draws of a body paragraph, so the rest of the issue stays
            iss.add(indent + p, "caption")
            if iss.captions and r.random() < 0.12 and k < len(paras) - 1:
                iss.add(caption_line(p, r), "caption")
        else:
            iss.add(indent + (lead if first_body else "") + p,
                    "lead" if first_body and d.get("brief") else "body")
            first_body = False
            if iss.captions and r.random() < 0.12 and k < len(paras) - 1:
                iss.add(caption_line(p, r), "caption")
        if gap:
            iss.blank()
    for t in d.get("signature") or []:
        iss.add(t, d.get("sign_role", "credit"))
        gap and iss.blank()
    if d.get("ending_byline"):
        iss.add(indent + d["ending_byline"] if lay != "ocr" else d["ending_byline"], "credit")
        gap and iss.blank()
    if d.get("ending"):
        iss.add((indent if d.get("note_indent") else "") + d["ending"], "credit")
        gap and iss.blank()
    if web and r.random() < 0.4:
        iss.add(web_ending(r), "credit")
        gap and iss.blank()
    if web and r.random() < 0.2:
        iss.add(r.choice(SHARE), "boilerplate")
        gap and iss.blank()
    # the OCR layout's rule assembler keeps a closing note in the body
    iss.gold.append(gold_of(d, paras, note_in_body=lay == "ocr"))


def render_block(iss, d, lay, r):
    """An article, then the blank line that closes a block in the layouts that
    have them (masthead, web, ocr)."""
    render_article(iss, d, lay, r)
    if lay in ("masthead", "web", "ocr"):
        iss.blank()


def render_list(iss, lay):
    """One list article (--lists), drawn from RL alone."""
    d = list_article(RL)
    d["item_flush"] = lay in ("web", "plain") or RL.random() < 0.5
    if d["proles"][0] is None and RL.random() < 0.3:
        d["dateline"] = "本报%s%d月%d日电" % (RL.choice(CITY), RL.randint(1, 12), RL.randint(1, 28))
    render_block(iss, d, lay, RL)


# Photo news (--photos): a picture printed with a short headline over its
# caption and the photographer's credit (春耕时节农事忙 / 5月5日，… / 本报记者
# X摄), as dailies print them between articles; the headline and caption are
# an article's own clause and sentences (of a pool article not in the issue),
# the credit the project's own templates with an invented name.  A third of
# them are pictures without a headline under a label (图片新闻): caption and
# credit lines only, photo rows, not articles.  Drawn from a random stream of
# their own (RF), so the rest of an issue stays as without them.
PHOTOS = 0.0  # share of issues given photo news (--photos)
RF = None
PHOTO_CREDITS = ["本报记者 %s摄", "本报记者　%s摄", "新华社记者 %s 摄", "%s摄（人民视觉）", "%s 摄",
                 "（%s 摄）", "新华社发（%s摄）", "本报通讯员 %s摄", "%s／摄"]
PHOTO_LABELS = ["图片新闻", "图片报道", "新闻图片", "影像"]


def photo_caption(r, arts):
    """A caption of one or two sentences of a pool article not in the issue,
    led by a date (5月5日，) or 图为, and the headline-sized clause of it."""
    srcs = pool_except(arts, ("lists", "own", "pages"))
    for _ in range(20):
        ps = [p for p in report_paras(r.choice(srcs)) if 16 <= len(p) <= 200]
        if not ps:
            continue
        sents = [x + "。" for x in ps[r.randrange(len(ps))].split("。") if x]
        cap = "".join(sents[:r.randint(1, 2)])
        heads = [f for f in re.split(r"[，。！？：；、“”（）《》]", cap)
                 if 4 <= len(f) <= 12 and not re.match(r"[0-9０-９一二三四五六七八九十]", f)]
        title = r.choice(heads) if heads else None
        lead = r.random()
        if re.match(r"[0-9０-９]|(今年|去年|近日|日前|昨天|今天)", cap):
            pass
        elif lead < 0.5:
            cap = "%d月%d日，" % (r.randint(1, 12), r.randint(1, 28)) + cap
        elif lead < 0.7:
            cap = "图为" + cap
        if title:
            return title, cap
    return None, None


def render_photos(iss, lay, arts):
    """One photo news item, or two or three pictures under a label."""
    r = RF
    indent = "\u3000\u3000" if lay in ("epaper", "masthead", "captions") else ""
    gap = lay in ("web", "ocr")
    cindent = indent if r.random() < 0.7 else ""
    if r.random() < 1 / 3:
        iss.add(r.choice(PHOTO_LABELS), "boilerplate")
        gap and iss.blank()
        for _ in range(r.randint(2, 3)):
            _, cap = photo_caption(r, arts)
            if cap:
                iss.add(indent + cap, "caption")
                gap and iss.blank()
                iss.add(cindent + r.choice(PHOTO_CREDITS) % name(r), "credit")
                gap and iss.blank()
        return
    title, cap = photo_caption(r, arts)
    if not title:
        return
    d = dict(kind="article", kicker=None, title=title, subtitle=None, byline=None, dateline=None,
             paragraphs=[cap], ending=r.choice(PHOTO_CREDITS) % name(r), note_indent=bool(cindent),
             source="photos")
    render_block(iss, d, lay, r)


# Poems (--poems): a verse piece as a literary page prints it, a short
# title (spaced out when of two characters: 春　　雨), the poet's name on
# the next line, then verse lines of four to sixteen characters, each a
# paragraph, made of a pool article's clauses (the project's own cut, no
# verse copied).  Drawn from a random stream of their own (RV).
POEMS = 0.0  # share of issues given a poem (--poems)
BYPRESS = 0.0  # share of bylines padded and indented (--byline-press)
RBP = None
RV = None


def poem_article(r, arts):
    srcs = pool_except(arts, ("lists", "own", "pages"))
    lines = []
    for _ in range(40):
        text = "".join(report_paras(r.choice(srcs)))
        cl = [f for f in re.split(r"[，。！？：；、“”（）《》]", text) if 4 <= len(f) <= 16]
        if len(cl) >= 6:
            k = r.randrange(len(cl) - 5)
            lines = cl[k:k + r.randint(6, 16)]
            break
    if not lines:
        return None
    title = r.choice([f for f in lines if len(f) <= 8] or [lines[0][:6]])
    if len(title) == 2 and r.random() < 0.6:
        title = title[0] + "\u3000\u3000" + title[1]
    # a comma after some lines, a full stop after the last in some poems
    verse = [x + ("，" if r.random() < 0.2 else "") for x in lines]
    if r.random() < 0.4:
        verse[-1] = lines[-1] + "。"
    return dict(kind="article", kicker=None, title=title, subtitle=None,
                byline=r.choice(["%s", "□%s", "%s"]) % name(r), dateline=None, paragraphs=verse,
                proles=["item"] * len(verse), source="poems")


def render_poem(iss, lay, arts):
    d = poem_article(RV, arts)
    if d:
        d["item_flush"] = lay in ("web", "plain")
        render_block(iss, d, lay, RV)


def render_report(iss, lay, arts):
    """One report or speech (--reports), drawn from RR alone."""
    d = report_article(RR, arts)
    d["item_flush"] = lay in ("web", "plain")
    d["head_flush"] = d["item_flush"] or RR.random() < 0.5
    render_block(iss, d, lay, RR)


def render_issue(arts, lay, r, no):
    iss = Issue()
    iss.captions = lay == "captions" or (
        lay in ("epaper", "masthead", "web") and CAPTIONS > 0 and r.random() < CAPTIONS)
    iss.webcopy = lay == "web" and WEBCOPY > 0 and r.random() < WEBCOPY
    if lay in ("masthead", "ocr") or (lay == "web" and r.random() < 0.5):
        iss.add(r.choice(MASTHEADS), "masthead")
        iss.add("2024年%d月%d日 星期%s" % (r.randint(1, 12), r.randint(1, 28), r.choice("一二三四五六日")), "masthead")
        iss.blank()
    per_page = max(2, len(arts) // r.randint(2, 4))
    # adverts and notices between articles in most issues (the OCR layout
    # goes through the rule assembler, which does not look for them)
    ads = lay != "ocr" and r.random() < 0.7
    at_list = -1
    if LISTS > 0 and RL.random() < LISTS:
        at_list = RL.randrange(len(arts) + 1)
    at_report = -1
    if REPORTS > 0 and RR.random() < REPORTS:
        at_report = RR.randrange(len(arts) + 1)
    at_photos = set()
    if PHOTOS > 0 and lay != "ocr" and RF.random() < PHOTOS:
        at_photos = set(RF.randrange(1, len(arts) + 1) for _ in range(RF.randint(1, 3)))
    at_poem = -1
    if POEMS > 0 and lay != "ocr" and RV.random() < POEMS:
        at_poem = RV.randrange(1, len(arts) + 1)
    at_roundup = -1
    if ROUNDUPS > 0 and lay != "ocr" and RU.random() < ROUNDUPS:
        at_roundup = RU.randrange(1, len(arts) + 1)
    for k, a in enumerate(arts):
        if k == at_poem:
            render_poem(iss, lay, arts)
        if k in at_photos:
            render_photos(iss, lay, arts)
        if k == at_list:
            render_list(iss, lay)
        if k == at_report:
            render_report(iss, lay, arts)
        if k == at_roundup:
            render_roundup(iss, lay, arts)
        if k % per_page == 0 and lay != "web":
            pg = k // per_page + 1
            if lay == "plain":
                iss.add("第%d版" % pg, "page")
            elif lay == "ocr":
                pass
            else:
                iss.add("第%02d版：%s" % (pg, r.choice(PAGES)), "page")
            if lay in ("masthead", "ocr"):
                iss.blank()
        d = decorate(a, r)
        if SIGNS > 0 and RS.random() < SIGNS and a["source"] not in ("own", "pages") and not d.get("brief"):
            d = signed(d, lay, RS)
        render_block(iss, d, lay, r)
        if ads and r.random() < 0.15:
            render_advert(iss, lay, r)
            if lay in ("masthead", "web"):
                iss.blank()
    return iss


def main():
    args = sys.argv[1:]
    opt = {"--split": "all", "--layouts": "epaper,masthead,web,ocr,captions,plain,historical", "--issues": "6",
           "--seed": "1", "--shared": os.path.join(ROOT, "..", "shared"),
           "--sources": "own,xinmin,cnki,pku,msr", "--captions": "0",
           "--articles": "12,30", "--vary": "0", "--webcopy": "0", "--swap": "", "--two-part": "0",
           "--long-kickers": "0", "--weights": "",
           "--page-stacks": "0", "--question-titles": "0", "--question-heads": "0", "--story-cut": "1",
           "--bare-credits": "0", "--corpus-chunks": "1",
           "--web-captions": "0",
           "--qtitle-stream": "shared",
           "--page-captions": "0", "--lists": "0", "--byline-styles": "0", "--reports": "0",
           "--signatures": "0", "--topical": "0", "--points": "0", "--caption-origins": "0", "--photos": "0", "--poems": "0", "--roundups": "0", "--quoted-poems": "0",
           "--byline-press": "0", "--stack-long": "0", "--kickers": "0.3", "--kicker-dash": ""}
    pos = []
    i = 0
    while i < len(args):
        if args[i] in opt:
            opt[args[i]] = args[i + 1]
            i += 2
        else:
            pos.append(args[i])
            i += 1
    if len(pos) != 1:
        print(__doc__)
        return 2
    out = pos[0]
    lo, hi = (int(x) for x in opt["--articles"].split(","))
    global CAPTIONS, VARY, WEBCOPY, TWOPART, KICKER_LONG, PAGE_STACKS, QTITLES, STORY_CUT, BARE_CREDITS, CORPUS_CHUNKS
    cc = opt["--corpus-chunks"]
    CORPUS_CHUNKS = dict((w.split("=")[0], float(w.split("=")[1])) for w in cc.split(",")) if "=" in cc \
        else {"pku": float(cc), "msr": float(cc)}
    STORY_CUT = int(opt["--story-cut"])
    BARE_CREDITS = float(opt["--bare-credits"])
    global WEBCAP, RC
    WEBCAP = float(opt["--web-captions"])
    global QSTREAM, SEED
    QSTREAM = opt["--qtitle-stream"]
    global PAGE_CAPS, LISTS, RL
    PAGE_CAPS = opt["--page-captions"] == "1"
    LISTS = float(opt["--lists"])
    global BYSTY, RBY
    BYSTY = float(opt["--byline-styles"])
    RBY = random.Random(int(opt["--seed"]) * 3571 + 29)
    RL = random.Random(int(opt["--seed"]) * 6271 + 17)
    global REPORTS, RR, POOL
    REPORTS = float(opt["--reports"])
    RR = random.Random(int(opt["--seed"]) * 4999 + 53)
    global SIGNS, RS, TOPICAL
    SIGNS = float(opt["--signatures"])
    TOPICAL = float(opt["--topical"])
    RS = random.Random(int(opt["--seed"]) * 5381 + 71)
    SEED = int(opt["--seed"])
    global POINTS, RP
    POINTS = float(opt["--points"])
    RP = random.Random(int(opt["--seed"]) * 7411 + 37)
    global QPOEMS, RQP
    QPOEMS = float(opt["--quoted-poems"])
    RQP = random.Random(int(opt["--seed"]) * 10271 + 89)
    global CAPORIG, RCO
    CAPORIG = float(opt["--caption-origins"])
    RCO = random.Random(int(opt["--seed"]) * 7573 + 43)
    global RN
    RN = random.Random(int(opt["--seed"]) * 6151 + 53)
    global PHOTOS, RF
    PHOTOS = float(opt["--photos"])
    RF = random.Random(int(opt["--seed"]) * 8117 + 59)
    global POEMS, RV
    POEMS = float(opt["--poems"])
    global ROUNDUPS, RU
    ROUNDUPS = float(opt["--roundups"])
    RU = random.Random(int(opt["--seed"]) * 10253 + 83)
    RV = random.Random(int(opt["--seed"]) * 9241 + 61)
    global BYPRESS, RBP
    BYPRESS = float(opt["--byline-press"])
    RBP = random.Random(int(opt["--seed"]) * 9857 + 67)
    global KICKERS, KICKER_DASH, RKD
    KICKERS = float(opt["--kickers"])
    KICKER_DASH = float(opt["--kicker-dash"]) if opt["--kicker-dash"] else None
    RKD = random.Random(int(opt["--seed"]) * 10009 + 79)
    global STACK_LONG, RSL
    STACK_LONG = float(opt["--stack-long"])
    RSL = random.Random(int(opt["--seed"]) * 10007 + 73)
    RC = random.Random(int(opt["--seed"]) * 7919 + 101)
    QTITLES = float(opt["--question-titles"])
    global QHEADS
    QHEADS = float(opt["--question-heads"])
    PAGE_STACKS = float(opt["--page-stacks"])
    TWOPART = float(opt["--two-part"])
    KICKER_LONG = float(opt["--long-kickers"])
    CAPTIONS = float(opt["--captions"])
    VARY = float(opt["--vary"])
    WEBCOPY = float(opt["--webcopy"])
    shared = opt["--shared"]
    if not os.path.isdir(shared):
        shared = os.path.join(ROOT, "..", "..", "shared")
    r = random.Random(int(opt["--seed"]))
    pool = own_articles() + xinmin(shared) + cnki(shared) + sentences(shared, "pku", r) + sentences(shared, "msr", r)
    keep = set(opt["--sources"].split(","))
    if "pages" in keep:
        pool += pages(shared)
    pool = [a for a in pool if usable(a) and a["source"] in keep]
    if opt["--split"] != "all":
        want = 0 if opt["--split"] == "train" else 1
        swap = set(opt["--swap"].split(","))
        pool = [a for a in pool if stable_half(a["source"] + a["title"]) ^ (a["source"] in swap) == want]
    # --weights SRC=N,..: each article of SRC N times in the pool (fitting)
    for w in filter(None, opt["--weights"].split(",")):
        src, n = w.split("=")
        pool = [b for a in pool for b in ([a] * int(n) if a["source"] == src else [a])]
    POOL = pool
    os.makedirs(out, exist_ok=True)
    for lay in opt["--layouts"].split(","):
        for n in range(int(opt["--issues"])):
            arts = r.sample(pool, min(len(pool), r.randint(lo, hi)))
            if TOPICAL > 0 and random.Random("topical/%s/%s/%d" % (opt["--seed"], lay, n)).random() < TOPICAL:
                arts = topical_issue(arts, pool)
            iss = render_historical(arts, r) if lay == "historical" else render_issue(arts, lay, r, n)
            base = os.path.join(out, "%s_%03d" % (lay, n))
            with open(base + ".txt", "w", encoding="utf-8") as f:
                f.write("\n".join(t for t, _ in iss.lines) + "\n")
            with open(base + ".roles", "w") as f:
                f.write("\n".join(ro for _, ro in iss.lines) + "\n")
            with open(base + ".json", "w", encoding="utf-8") as f:
                json.dump({"issue": getattr(iss, "variant", {}), "articles": iss.gold, "adverts": iss.ads}, f, ensure_ascii=False, indent=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
