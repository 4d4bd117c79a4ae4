/*
 * zh_names.c
 *	  Hand-written character lists for the unknown-word rules (see
 *	  zh_names.h).  Written for this project from general knowledge of
 *	  Chinese; nothing here comes from an evaluation corpus.
 */
#include "zh_names.h"

/* common single-character surnames, roughly the most frequent few hundred */
const char *const zh_single_surnames =
	"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁"
	"潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱"
	"江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛邢安"
	"齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童"
	"凌毕单季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶牟艾尤穆农"
	"卓古吉缪简项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬"
	"师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥"
	"班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘闻厉伊仝郜阚权帅屠豆朴盖练廉禹井祖漆巴丰支"
	"卿狄计索宣晋云容敬扈晁芮普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况宿鲜印"
	"逯隆茹诸战慕危玉银亢嵇哈湛宾戎勾茅利呼居揭干尉冶斯束檀衣阴昝智幸奉植衡富"
	"尧闭";

/* two-character surnames */
const char *const zh_compound_surnames[] = {
	"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容",
	"令狐", "长孙", "宇文", "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫",
	"西门", "百里", "呼延", "申屠", "万俟", "澹台", "公冶", "太史", NULL
};

/* characters that write numbers, ordinary and financial forms */
const char *const zh_numeral_chars =
	"零〇○一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟廿卅";

/*
 * particles, prepositions, conjunctions, pronouns and similar characters
 * that almost never sit inside a person's or a place's name
 */
const char *const zh_function_chars =
	"的了着过是在和与及或也都就而被把对从向于为以之其这那哪我你他她它们"
	"吗呢吧啊呀嘛么所将已又再还很更最却并但若如则因此该些每各某个即乃且"
	"不没无非未别让给跟同比由自到往至当等";
