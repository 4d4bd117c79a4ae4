-- issue dates: every numeral and era form in the masthead, precision,
-- confidence, the date's source, dates from outside the text
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS news_archive;
RESET client_min_messages;
SET search_path = news_archive, public;
SET DateStyle = ISO;

-- mastheads of the project's own making, one per form
CREATE TEMP TABLE mastheads (k int, txt text);
INSERT INTO mastheads VALUES
 (1, E'新民日报\n2020年5月4日 星期一 农历四月十二\n\n## 标题\n正文。\n'),
 (2, E'新民日报\n二〇二〇年五月四日 星期一\n\n## 标题\n正文。\n'),
 (3, E'新民日报\n二零二零年五月四日\n\n## 标题\n正文。\n'),
 (4, E'新民日报\n二○二○年十二月三十一日 星期四\n\n## 标题\n正文。\n'),
 (5, E'申報\n民國十九年四月三日 星期四\n\n## 標題\n正文。\n'),
 (6, E'申報\n民国十九年四月三號 禮拜四\n\n## 標題\n正文。\n'),
 (7, E'大公報\n中華民國貳拾捌年伍月拾日\n\n## 標題\n正文。\n'),
 (8, E'大公報\n中華民國參拾捌年拾貳月參拾壹日\n\n## 標題\n正文。\n'),
 (9, E'大公報\n中華民國貳拾捌年\n\n## 標題\n正文。\n'),
 (10, E'大公報\n民國十九年四月\n\n## 標題\n正文。\n'),
 (11, E'某某画报\n一九三〇年\n\n## 标题\n正文。\n'),
 (12, E'某某周刊\n公元一九三〇年五月 第三期\n\n## 标题\n正文。\n'),
 (13, E'某某日报\n西曆１９３０年４月３日\n\n## 标题\n正文。\n'),
 (14, E'某某日报\n民國元年一月一日\n\n## 标题\n正文。\n'),
 (15, E'某某日报\n民國一百零九年五月四日\n\n## 标题\n正文。\n'),
 (16, E'某某日报\n2020年2月30日 星期日\n\n## 标题\n正文。\n'),
 (17, E'某某日报\n二〇二一年二月二十九日\n\n## 标题\n正文。\n'),
 (18, E'某某日报\n1600年3月1日\n\n## 标题\n正文。\n'),
 (19, E'某某日报\n创刊于1949年 今日8版\n\n## 标题\n正文。\n'),
 (20, E'某某日报\n2020-05-04 星期一\n\n## 标题\n正文。\n');
SELECT k, i.masthead, i.issue_date, i.weekday, i.date_source, i.date_precision, i.date_confidence
  FROM mastheads, news_issue_info(txt::news_issue) i ORDER BY k;

-- a web page's date line is the text's; no date: all NULL
SELECT date_source, date_precision FROM news_issue_info(
  E'您当前的位置：某某在线 > 新闻\n2022-03-09 10:20 来源：某某日报\n\n标题\n正文。\n');
SELECT issue_date, date_source, date_precision, date_confidence FROM news_issue_info('只有正文，没有报头。');

-- dates in file paths
SELECT p, date_from_path(p) FROM (VALUES ('2020/05/04/page1.txt'), ('2020/0504/page1.txt'), ('rmrb20200504.txt'),
    ('paper_2020_05_04.txt'), ('2020-05-04.html'), ('2019/backup/20200504.txt'), ('人民日报2020年5月4日.txt'),
    ('120200504.txt'), ('20200230.txt'), ('page12.txt')) v(p);

-- a date from outside the text: the text's wins; none, a refinement or force lets it in
SELECT k, r.* FROM mastheads,
       resolve_issue_date(txt::news_issue, '1939-05-10', 'file name') r WHERE k IN (1, 9, 16) ORDER BY k;
SELECT r.* FROM resolve_issue_date((SELECT txt FROM mastheads WHERE k = 1)::news_issue, '2020-05-05', 'file name', true) r;
SELECT r.* FROM resolve_issue_date((SELECT txt FROM mastheads WHERE k = 10)::news_issue, '1930-04-20', 'given') r;
SELECT r.* FROM resolve_issue_date((SELECT txt FROM mastheads WHERE k = 1)::news_issue) r;
SELECT r.date_confidence FROM resolve_issue_date('无日期'::news_issue, '1700-01-01') r;
SELECT * FROM resolve_issue_date('无日期'::news_issue, '2020-01-01', 'guess');

-- in an archive: the conflict is a notice and a column, never silent
SET client_min_messages = warning;
SELECT create_archive('dates_arc');
RESET client_min_messages;
SELECT ingest('a.txt', (SELECT txt FROM mastheads WHERE k = 1)::news_issue, 'dates_arc', '2020-05-05', 'file name');
SELECT ingest('b.txt', (SELECT txt FROM mastheads WHERE k = 19)::news_issue, 'dates_arc', '2020-05-06', 'file name');
SELECT ingest('c.txt', (SELECT txt FROM mastheads WHERE k = 9)::news_issue, 'dates_arc', '1939-07-01');
SELECT * FROM ingest_status('d.txt', (SELECT txt FROM mastheads WHERE k = 5)::news_issue, 'dates_arc',
                            '1930-04-04', 'file name', force_date => true);
SELECT source, issue_date, date_source, date_precision, date_confidence, date_conflict
  FROM dates_arc.issues_v ORDER BY source;
SET client_min_messages = warning;
DROP SCHEMA dates_arc CASCADE;
RESET client_min_messages;
