"""What a government portal prints around a report, told apart from the report: the front matter of a saved page.

A report saved from its portal (a web page, or its text pasted into Word) opens with the site's furniture before
the report's own title: a navigation bar ("首页 新闻中心 信息公开 …"), a breadcrumb ("当前位置: 首页 > 政府信息公开
> …"), tool links ("无障碍 | 长者版", "【字体: 大 中 小】【打印】"), the 政府信息公开目录 rows ("索引号 | … | 发布机构 |
… | 发布日期 | …"), the site's name, the page's headline (the report's title with "( 2017年11月14日 ) 来源: 上海普陀"
after it), a slogan banner ("社会主义核心价值观: 富强、民主……"), the posting day and time alone on a line
("2021-03-2918:26"), and the day the page was crawled ("2018-05-22 星期二").  Sixty of the first eighty page copies
of the held-out rounds open so.

:func:`page_front` drops those lines, keeps the title the page prints in a 目录 row ("标 题 | 西藏自治区气象局关于
……的报告"), cuts a headline's date-and-source trailer, and returns the date the page says the report was posted
(发布日期, 发布时间, 发表日期, a dated headline, a bulleted day): the portal's date, which a transcription records as
``report.published``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import replace

from compiler.importers.base import TextItem
from plugins.common import places

#: labels of the 政府信息公开目录 rows and the page's tool lines: a line that opens with one is the page's
_LABELS = (
    r"索\s*引\s*号|发布机构|发文机关|发文机构|发文字号|发布日期|发布时间|发表日期|发表时间|公开日期|上载日期|信息提供日期|生成日期|更新时间|成文日期|信息来源|文章来源|来源|日期|时间|"
    r"主\s*题\s*词|主题分类|体裁分类|题裁分类|信息类别|公开方式|公开时限|公开目录|公开范围|名\s*称|文\s*号|浏览次数|浏览量|点击数|点击量|阅读次数|"
    r"字体大小|字体|字号|保护视力色|投稿|选择阅读字号|作者|编辑|信息索取号|索取号|关联导读|相关链接|"
    r"信息索引号|文件编号|公开形式|公开部门|有效期|主题\s*[(（][一二]级[)）]|效力状况|组配分类|发文日期|公文时效|时\s*效\s*性|"
    # the labels of the 井冈山 portal's 目录 rows (井冈山市 2020: "责任部门: |发文日期: | 2021-01-28 09:14:28 |",
    # "有效性: |有效|浏览: |")
    r"责任部门|有\s*效\s*性|浏\s*览|"
    # … and of 甘州区's (北街街道 2019: "关键词 发布机构 ……", "是否有效" after the 生成日期)
    r"关\s*键\s*词|是否有效|"
    # a 目录 row whose label lost its first characters in the store (楚雄市紫溪镇 2025: "号: cxs043/……", "称: ……")
    r"号|称"
)
_FURNITURE = re.compile(
    r"^[\s•·●▪■◆|｜\[［]*(?:-\s*)?(?:"  # a list's bullet as a page's text gives it ("- 发布时间: 2022-01-17")
    r"(?:当前位置|您的位置|您当前的位置|您现在的位置|您现在所在的位置|所在位置)\s*[:：]"  # a breadcrumb
    r"|[>＞»]"  # a breadcrumb's second line (">政府信息公开>各镇各部门信息公开>……")
    r"|\S{0,12}首页\s*(?:[>＞»/|｜]|-+>|\s+\S|$)"  # a navigation bar or breadcrumb from 首页
    r"|主页\s*[>＞»]"  # … or from 主页 (河北省体育局 2011: "主页 > 政务公开 > 政府信息公开年报 >")
    # … its sections parted by spaces only, which the reader drops between Chinese characters (上海市黄浦区 2013: "首页
    # 政府信息公开 黄浦区人民政府 政府信息公开年度报告 区政府信息公开年度报告", read as one word ending in 报告)
    r"|首页(?=[\u4e00-\u9fff][^，。；,;：:]*$)"
    # a 目录 row or a date-and-source line; its label may stand in brackets ("[ 索  引  号 ] ……", 郯城县 2010)
    rf"|(?:{_LABELS})\s*(?:[:：|｜]|[\]］】])"
    # … or alone on its line, its value left empty (十堰市经信委 2010: "索引号", "主题分类", "发文日期", "发布机构",
    # "文号", a line each under the title)
    rf"|(?:{_LABELS})\s*$"
    # … or two labels in a row, their cells empty (甘州区北街街道 2019: "关键词 发布机构 ……", "公开形式 责任部门"; the
    # reader drops the space between them)
    r"|(?:关\s*键\s*词|公开形式|公开方式|发布机构|发文字号|发文机关|责任部门|主题分类|信息类别)\s*"
    r"(?:关\s*键\s*词|公开形式|公开方式|发布机构|发文字号|发文机关|责任部门|主题分类|信息类别)"
    # the same after the site's name ("青岛政务网 发布日期 : 2014-03-27 来源 : 青岛市人民政府", 青岛市 2013)
    r"|\S{2,12}(?:网|网站)\s*(?:发布日期|发布时间|来源)\s*[:：|｜]"
    # the same parted by a space only, which the reader drops between Chinese characters (紫阳县 2015's page:
    # "索引号 719776475-GK-2016-91810 发布日期 2016-03-09 10:10", "来源 紫阳县人民政府")
    r"|(?:信息)?索\s*引\s*号\s*[\dA-Za-z/／]|(?:发布日期|发布时间|成文日期|生成日期)\s*\d{4}|来源\s*[^，。；,;\s]{2,20}$"
    # … and the 主题词, 文号 and 发文单位 rows (阿合奇县政府办 2020: "主  题  词 阿合奇县 人民政府 …… 年度报告 成文日期
    # 2021-01-30 00:00", "文        号 〔〕号 发布日期 ……", "发文单位 阿合奇县人民政府 发布机构 ……")
    r"|主\s*题\s*词\s*[\u4e00-\u9fff]|文\s*号\s*〔|发文单位\s*[\u4e00-\u9fff]"
    r"|[【\[［]\s*(?:字体|打印|关闭|收藏|分享)"
    r"|\d{4}\s*[-年]\s*\d{1,2}\s*[-月]\s*\d{1,2}\s*日?\s*(?:\d{1,2}(?::\d{2}(?::\d{2})?|时\d{1,2}分)\s*)?(?:来源|发布|作者|浏览|点击)"
    # the posting day and time alone ("2021-03-2918:26") or before the tool links ("2018-03-29 17:05:00 【字体:")
    r"|\d{4}-\d{1,2}-\d{1,2}\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:$|[【\[［]\s*(?:字体|打印|关闭|收藏|分享))"
    r"|(?:登录|无障碍|长者版|适老化|简体|繁体|Document$|分享$|下载本页|听全文|打印|关闭窗口|站内搜索|天气预报|(?:网站)?支持IPv6"
    # the portal's forecast banner (广西壮族自治区海洋局 2019: "海洋预报[19日16时]: 11月20日广西沿海为全日潮,……")
    r"|(?:海洋|气象)预报\s*[\[［【(（:：]"
    # the accessibility widget's hint (伊宁县 2023: "按回车键在新窗口打开无障碍说明页面,按Ctrl+~键打开导盲模式。")
    r"|按\s*回车键[^。]{0,30}(?:无障碍|导盲)|按\s*Ctrl\s*\+"
    r"|我要收藏$|文章分享$|公共资源调用站点$"
    # the site's footer above the report (互助县威远镇 2022's copy): its 政府网站标识码, 主办单位 and filing numbers
    r"|网站标识码|主办单位\s*[:：]|承办单位\s*[:：]|\S{0,3}公网安备|\S{0,3}ICP备"
    # the site's notice about the reader's browser (四川省地方志办 2021: "尊敬的用户,您好!" / "网站不支持您所使用的
    # 浏览器版本(可能会出现网页变形等问题)。为了更好地展示页面效果,……")
    r"|尊敬的用户|(?:本?网站|本站)不支持您所使用的浏览器"
    r"|欢迎访问|本站已启用|正文内容区域|设为首页|加入收藏|中央政府门户网站|社会主义核心价值观|返回上一级|字号$|主动公开$)"
    r")"
)


@functools.cache
def _site_banner() -> re.Pattern[str]:
    """The site's name in its banner: a province's short name and a county's, city's or district's own
    ("新疆伊宁县", 伊宁县 2023's portal) — a signature names its place in full ("上海市松江区"), a site's banner in
    short; but the first line of a title printed on two ("新疆伊宁县" / "2023年政府信息公开工作年度报告") is the
    title's.  The provinces' short names (北京, 内蒙古, 新疆 …) come from the table of places; the pattern is built on
    first use."""
    shorts = "|".join(filter(None, (places.short_name(p.name) for p in places.provinces())))
    return re.compile(rf"^(?:{shorts})(?![省市])[\u4e00-\u9fff]{{1,8}}[县市区旗]$")


#: a line that opens with a year: a title's second line under its organ's
_YEAR_FIRST = re.compile(r"^\s*\d{4}\s*年")
#: a line of marks only ("|", "|||"): a table's empty cells as the page's text
_MARKS_ONLY = re.compile(r"^[\s|｜•·\-—_=*]*$")
#: the day shown in the page's header when it was saved ("2018-05-22 星期二"): not the report's
_CLOCK = re.compile(
    r"^\d{4}\s*(?:-\s*\d{1,2}\s*-\s*\d{1,2}|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*星期[一二三四五六日天]$"
)
#: furniture anywhere in a short line: a breadcrumb after the section's name ("政府信息公开年度报告 您的位置: 政务公开
#: -- ……"), the page's tool links ("收藏此页】 【打印】 【关闭")
_FURNITURE_INSIDE = re.compile(
    # (阿勒泰市政府办 2009: "更多 您现在的位置是:首页>>政务公开>>……", its 是 before the colon)
    r"(?:您的位置|当前位置|所在位置|您现在的位置)是?\s*[:：]|【\s*打印\s*】|打印本页|关闭窗口|收藏此页"
    # the portal's links to other sites and its accessibility switch ("中国政府网 | ……门户网站 无障碍浏览|")
    r"|无障碍浏览"
    # a link to a file the page offers, named for the report ("问答解读:济南市历城区政府办公室2022年政府信息公开工作年度
    # 报告.docx", 历城区政府办公室 2022): the page's, not the report's title
    r"|[^，。；,;]{2,80}\.(?:docx?|pdf|xlsx?|wps|zip|rar)$"
    # a 目录 row's day among its other cells ("公开目录 部门年报 发布日期 2021/01/30", 临沂市政府办 2020)
    r"|(?:发布日期|发布时间)\s*[:：]?\s*\d{4}\s*[-./年]"
)
#: the site's name on a bullet ("• 鹤庆县人民政府网站"), or with its address and the day ("银川市人民政府门户网站
#: www.yinchuan.gov.cn 2023-01-28", "河南省人民政府门户网站 www.henan.gov.cn 时间:2017-03-21 17:16 来源:开封市政府"),
#: or a date alone on a bullet ("• 2011-03-21", "• 2016年03月29日" — 大理市 2015)
_SITE = re.compile(
    r"^[•·●]\s*(?:\S{2,24}(?:网站|网)|\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)$"
    # the site's name and its address, with or without www (安阳市 2014: "安阳市人民政府门户网站 anyang.gov.cn 时间:
    # 2015-03-30 来源:安阳市人民政府"); the name may be the organ's whose site it is (江苏省经信委 2011's page, reposted
    # by its successor: "江苏省工信厅  gxt.jiangsu.gov.cn  日期:2016-09-19 来源:办公室")
    # (the day also written with 年月日: "中央政府门户网站 www.gov.cn   2010年04月06日   来源:山西省人民政府网站", the
    # central portal's repost of 山西省 2009)
    r"|^\S{2,30}?(?:网站|网|厅|局|委员会|委|办公室|政府)\s*(?:https?://|www\.|[a-z0-9-]+\.(?=[a-z0-9.-]*(?:cn|com|net)(?![a-z])))[\w./:-]+(?:\s*(?:时间|日期|发布时间|发布日期)?\s*[:：]?\s*\d{4}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)?(?:\s*来源\s*[:：]\s*\S{2,20})?$"
)
#: a 目录 row that holds the title: "标 题 | 西藏自治区气象局关于2017年度政府信息公开工作情况的报告 |", "名 称:
#: 陵水黎族自治县人民政府2019政府信息公开工作年度报告 | |||", "内容概述 | 江阴市人民政府2011年政府信息公开年度报告 |"
#: (紫阳县 2015's page parts label and title with a space only, which the reader drops between Chinese characters:
#: "内容概述紫阳县2015年政府信息公开工作年度报告")
_TITLE_ROW = re.compile(
    # a row's other labels with their cells left empty may come first ("成文日期   标 题  沙依巴克区2016年……报告",
    # 沙依巴克区 2016)
    rf"^[\s|｜•·●]*(?:-\s*)?(?:(?:{_LABELS})\s*[|｜:：]?\s*)*?"
    r"(?:标\s*题|(?:信息)?名\s*称|内容概述)\s*(?:[|｜:：]\s*){0,2}(?P<title>[^|｜\s][^|｜]*?(?:报告|年报)"
    r"(?:[（(][^（）()|｜]{1,10}[)）])?)[\s|｜]*$"
)
#: a headline's trailer: "…年度报告 ( 2017年11月14日 )      来源: 上海普陀", or the portal's day alone after it ("…年度
#: 报告 2021-02-19", 杨浦区 2020)
_TRAILER = re.compile(
    r"(?<=报告)\s*(?:[（(]\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*[）)]"
    r"|\s*(?P<day>\d{4}-\d{1,2}-\d{1,2}))?\s*"
    r"(?:(?:来源|发布时间|发布日期|作者)\s*[:：].*)?$"
)
#: how a 导语 opens, and a sentence's marks: a furniture line holding them has the report's words run into it
_OPENING = re.compile(r"本年度报告|本报告|本年报|根据《|依据《|按照《")
_SENTENCE = re.compile(r"[，,。；]")
#: a day written the portals' way, with points or hyphens and no 年月日 ("2026.01.13", "2021-02-05")
_PORTAL_DAY = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}")
#: the publishing organ and the portal's day under a headline ("安徽省人民政府办公厅  2017/3/29", 安徽省 2016; the
#: organ's office in brackets after it: "芜湖市人民政府(办公室) 2016-01-30", 芜湖市 2015)
_PUBLISHER_DAY = re.compile(
    r"[\u4e00-\u9fff（）()]{2,30}?(?:厅|局|办公室|政府|委员会|委|办|中心|处|所)"
    r"(?:[（(][\u4e00-\u9fff]{1,10}[)）])?\s*"
    + _PORTAL_DAY.pattern
    # … with the clock time and the page's type-size links after it ("邵阳市政务公开领导小组办公室 2013-03-27 11:37
    # 字号:【", 邵阳市 2012)
    + r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:字号|字体)\s*[:：]?\s*[【\[［]?[^，。；]{0,12})?"
)
#: the same the other way round, the portal's day first and the publishing office after it ("2024-01-26   伊宁县人民政府
#: 办公室", 伊宁县 2023)
_DAY_PUBLISHER = re.compile(
    _PORTAL_DAY.pattern
    + r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*"
    + r"[\u4e00-\u9fff（）()]{2,30}?(?:厅|局|办公室|政府|委员会|委|办|中心|处|所)(?:[（(][\u4e00-\u9fff]{1,10}[)）])?"
)
#: a day alone on a row of the page's bulleted list of its metadata ("- 索引号: ……", "- 2022年02月18日", "- 来源: ……",
#: 大理市 2021): the portal's posting day, not a 成文日期 under the title
_BULLETED_DAY = re.compile(
    r"[-•·●▪]\s*\d{4}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)
_DATE_ONLY = re.compile(r"^\d{4}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?$")
_DAY = re.compile(r"(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})")
#: where a furniture line says when the page was posted
#: (a 目录 row in brackets: "[ 成文日期 ] 2011-03-30 [ 公开日期 ] 2011-03-30", 郯城县 2010 — the 成文日期 is not the
#: posting day, and is not read here; nor is a 发文日期, the day the document was issued: 武威市 2015's page gives
#: "发文日期: 2016-03-28" in its 目录 row and "发布日期: 2020-09-15" under the title); nor the day the page was last
#: changed ("更新时间:2021-09-23 10:36 发布时间:2016-01-13 08:36", 硚口区 2015)
_POSTED = re.compile(
    r"(?:发布日期|发布时间|发表日期|发表时间|公开日期|上载日期|信息提供日期|生成日期|(?<!成文)(?<!发文)(?<!更新)(?<!修改)日期"
    r"|(?<!更新)(?<!修改)时间)\s*[\]］】]?\s*[:：|｜]?\s*[|｜]?\s*" + _DAY.pattern
)
#: the day the page was last changed: the posting day only when the line gives no other ("更新时间:2026-01-15 发布时间:
#: |", 东湖风景区城乡工作办事处 2025 — its 发布时间 left blank)
_UPDATED = re.compile(r"(?:更新|修改)(?:时间|日期)\s*[:：|｜]?\s*" + _DAY.pattern)


#: a day written the portals' way with its clock time after it: "2020-03-31 17:13:25"
_STAMPED = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\s*\d{1,2}(?::\d{2}|时\d{1,2}分)")


#: the labels of the days a document was issued or written, which are not the day the page posted it
_ISSUED = re.compile(r"(?:发文|成文)日期\s*[\]］】]?\s*[:：|｜]?\s*[|｜]?\s*$")
#: a 目录 row's 发文日期 and its day
_ISSUED_DAY = re.compile(r"发文日期\s*[\]］】]?\s*[:：|｜]?\s*[|｜]?\s*" + _DAY.pattern)


def _posting_stamp(text: str) -> re.Match[str] | None:
    """The first day with its clock time on a furniture line that is not labelled 发文日期 or 成文日期."""
    for m in _STAMPED.finditer(text):
        if not _ISSUED.search(text[: m.start()]):
            return m
    return None


def _day(m: re.Match[str] | None) -> dt.date | None:
    if m is None:
        return None
    try:
        return dt.date(*(int(m.group(1 + i)) for i in range(3)))
    except ValueError:
        return None


def is_furniture(text: str) -> bool:
    """Whether a front-matter line is the portal's, not the report's."""
    t = text.strip()
    return bool(
        _MARKS_ONLY.match(t)
        or _CLOCK.match(t)
        or _SITE.match(t)
        or _FURNITURE.match(t)
        or (len(t) <= 80 and _FURNITURE_INSIDE.search(t) and not re.search(r"[，。；]", t))
    )


#: the empty cells of a table row after its first cell's text, as the page's text gives them: " | ||||"
_CELL_MARKS_AFTER = re.compile(r"\s*[|｜][\s|｜]*$")


def page_front(front: list[TextItem]) -> tuple[list[TextItem], dt.date | None]:
    """The front matter without the portal's lines, and the day the page says it posted the report (``None``
    when it says none).  A 目录 row holding the title becomes that title's line; a headline keeps its title and
    loses its date-and-source trailer."""
    kept: list[TextItem] = []
    posted: dt.date | None = None
    issued: dt.date | None = None  # a 目录 row's 发文日期: the posting day only when the page gives no other
    for n, item in enumerate(front):
        text = item.text.strip()
        if _site_banner().match(text) and not (n + 1 < len(front) and _YEAR_FIRST.match(front[n + 1].text)):
            continue
        if (bare := _CELL_MARKS_AFTER.sub("", text)) != text and bare.endswith(("报告", "年报")):
            # a headline in a table's first cell, the row's empty cells after it ("……年度报告 | ||||||", 兰山区 2013)
            item, text = replace(item, text=bare), bare
        if row := _TITLE_ROW.match(text):  # before the furniture: 名称 is a 目录 label too
            kept.append(replace(item, text=row["title"]))
            continue
        if is_furniture(text) and (opening := _OPENING.search(text, 8)) is not None and _SENTENCE.search(text):
            # the page's date-and-source line run into the 导语 ("2019年02月19日 来源: 上海普陀本年度报告根据……"):
            # the furniture is cut off where the report's opening begins, the report's words kept
            posted = posted or _day(_POSTED.search(text[: opening.start()])) or _day(_DAY.match(text))
            kept.append(replace(item, text=text[opening.start() :]))
            continue
        if _PORTAL_DAY.fullmatch(text) or _BULLETED_DAY.fullmatch(text):
            # "2026.01.13" on a line of its own, or a bulleted row of the page's list: the portal's day, not a 成文日期
            posted = posted or _day(_DAY.search(text))
            continue
        if _PUBLISHER_DAY.fullmatch(text) or _DAY_PUBLISHER.fullmatch(text):
            # an organ and a day written the portal's way, in either order: the page's byline
            posted = posted or _day(_DAY.search(text))
            continue
        if is_furniture(text):
            issued = issued or _day(_ISSUED_DAY.search(text))
            if posted is None and not _CLOCK.match(text):  # the day the page was saved says nothing
                posted = (
                    _day(_POSTED.search(text))
                    or _day(_DAY.match(text.lstrip("•·● ")))  # "2016年03月11日来源:", "• 2011-03-21"
                    or (_day(_DAY.search(text)) if _SITE.match(text) else None)
                    # a day with its clock time, after the source ("来源:云南省人民政府办公厅  2020-03-31 17:13:25
                    # 【字体:", 云南省 2019): the page's stamp of the posting — not one labelled as the day the
                    # document was issued or written ("发文日期: 2016-03-28 10:29:40", 武威市 2015)
                    or _day(_posting_stamp(text))
                    or _day(_UPDATED.search(text))
                )
            continue
        trailer = _TRAILER.search(text)
        if trailer and trailer.group(0).strip():
            posted = posted or _day(_DAY.search(trailer["date"] or trailer["day"] or ""))
            kept.append(replace(item, text=text[: trailer.start()]))
            continue
        kept.append(item)
    # the 目录 row's 发文日期 as the only day the page gives ("发文日期: | 2021-01-25 |", 博山区山头街道 2020)
    posted = posted or issued
    if posted is not None:  # the posting day said again on a line of its own ("2016年03月11日" under the headline)
        kept = [i for i in kept if not (_DATE_ONLY.match(i.text.strip()) and _day(_DAY.search(i.text)) == posted)]
    return kept, posted
