/*
 * test_caption: the caption shapes of the line-role model (split_caption.c,
 * sp_caption_shape): photo and video-still captions and picture credits by
 * their brackets, openers and closing words; a line that is only a quoted
 * name; headlines, column tags and body lines are neither.  Invented lines.
 */
#include "../../src/core/split_internal.h"
#include "na_test.h"

#include <string.h>

static int
shape(const char *s)
{
	size_t		len = strlen(s);

	return sp_caption_shape(s, len, (int) na_utf8_count(s, len));
}

int
main(void)
{
	static const char *const photo[] = {
		"城东老街的早市（视频截图）", "图为新建成的社区食堂。（新华社发 王明摄）",
		"市民在公园里打太极（受访者供图）", "▲志愿者为老人送菜上门", "图：新开通的地铁站",
		"（资料图）", "城东新区航拍图（图片来源：晨光日报）", "图片来源：网络",
		"新建成的体育馆 视觉中国", NULL
	};
	static const char *const qname[] = {"《冬夜读书》", "“宝宝阿姨”", NULL};
	static const char *const neither[] = {
		"老旧小区焕新颜", "小巷改造让居民住得更舒心（民生观察）",
		"会议指出，要抓好各项工作的落实。", "《人民日报》评论员文章指出改革要深化",
		"“你好”“再见”", "为何城东的早市这么热闹？", "", NULL
	};
	int			i;

	for (i = 0; photo[i]; i++)
		NA_CHECK_INT(shape(photo[i]), SP_CAP_PHOTO);
	for (i = 0; qname[i]; i++)
		NA_CHECK_INT(shape(qname[i]), SP_CAP_QNAME);
	for (i = 0; neither[i]; i++)
		NA_CHECK_INT(shape(neither[i]), 0);
	NA_TEST_DONE();
}
