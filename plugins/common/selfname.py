"""The report's name where its own text names it: "特向社会公布我局2010年度信息公开工作年度报告".

Both 条例 give the report one name (2008 第三十一条, 2019 第四十九条: 政府信息公开工作年度报告) and the title is held
to it (:func:`plugins.common.report.title_wording`).  The 导语 names the report again — "现将……报告如下", "特编制
……", "由……编制的……" — and there assessors find the slips the title no longer has: 年度 twice, 政府 or 工作 left out,
a 情况报告 or 工作报告 for the 年度报告 (湖塘镇 2018, 金水区发展改革和统计局 2014, 湘阴县林业局 2025, 卯都乡
2022, 连生乡 2024, 鲊埠回族乡 2021; "《2021年政府信息公开工作的报告》", 石狮市鸿山镇 2021), a 政务公开 report
for the 政府信息公开 one (菜子镇 2022) — and a name that gives the government above the organ as the report's (a
苏木's report announcing "《阿巴嘎旗2022年政府信息公开工作年度报告》", the banner's, copied from its notice), or
another body, or another town ("现向社会公布潞城镇2020年度……" closing part 一 of 张家湾镇's 2021 report).

Only a name the text gives as the thing published, compiled or reported — straight after 公布, 发布, 公开, 编制,
现将, 编制的 (with or without 《》) — is read, and only when it says 信息公开 and carries a year: a notice's title
quoted in 《》 ("《关于做好2020年度政府信息公开工作报告编制发布等工作的通知》"), the report spoken of in general
("按时发布年度报告") and "现将……工作情况报告如下" (报告 the verb: report … as follows) are not the report's name.
A name that says 政务公开 instead of 信息公开 is read too ("现公布陇西县菜子镇人民政府2022年政务公开工作年度报告").
"""

from __future__ import annotations

import re

from compiler.model.problems import Problem, warning
from compiler.model.report import Report
from plugins.common.report import report_year, title_wording
from plugins.common.texts import in_title, narrative_strings, shared_start

_NAME = r"[^，,。；;：:、《》〈〉<>“”\"（()）\s]{2,40}?(?:年度报告|年度工作报告|工作的?报告|情况报告|年报)"
#: the report named as the thing published or compiled: the verb, then the name (in 《》 or not)
SELF_NAMED = re.compile(
    r"(?:编制的|编制(?:完成了?|了)?|公布了?|发布了?|公开了?|现将|形成了?)(?:本单位|本机关)?"
    rf"(?:《(?P<quoted>{_NAME})》|(?P<name>{_NAME}))"
)
_VERB = re.compile(r"编制|公布|发布|现将")
#: a report named for 政务公开, the name ending on it: "……2022年政务公开工作年度报告" (not "政务公开工作要点和年度报告")
_GOVERNMENT_AFFAIRS = re.compile(r"政务公开(?:工作)?(?:年度)?(?:报告|年报)$")
_YEAR = re.compile(r"\d{4}|[〇○零一二三四五六七八九]{4}")
#: the report announced as this one, straight before the verb: "现向社会公布", "特编制", "现予公布"
_ANNOUNCED = re.compile(r"(?:现|特)(?:向社会(?:公众)?|予|将)?$")


#: the organ a name opens with, up to its year: "阿巴嘎旗2022年……"
_OPENING_ORGAN = re.compile(r"^(?P<organ>[\u4e00-\u9fff]{2,20}?[省市县区旗州盟])(?=\d{4})")


def _parent_named(name: str, organ: str) -> str | None:
    """The government above the report's organ when the name gives it as the report's ("现发布《阿巴嘎旗2022年
    政府信息公开工作年度报告》" in 那仁宝拉格苏木's, 阿巴嘎旗那仁宝拉格苏木 2022: the banner's report announced in its
    township's), else ``None``."""
    m = _OPENING_ORGAN.match(name)
    if m is None or not organ:
        return None
    named = m["organ"]
    if organ.removeprefix(named) in ("人民政府", "政府"):  # "玉林市2016年……年度报告" of 玉林市人民政府: its own place
        return None
    return named if organ.startswith(named) and len(organ) > len(named) + 1 else None


#: an organ a name opens with, up to its year, that is a body of its own: "建水县民族宗教事务局2025年度……"
_OPENING_BODY = re.compile(
    r"^(?P<organ>[\u4e00-\u9fff]{2,30}?(?:局|委员会|厅|办公室|中心|镇人民政府|乡人民政府|街道办事处|镇|乡|街道))(?=\d{4})"
)


def _another_body_named(name: str, organ: str) -> str | None:
    """Another body than the report's organ when the name opens with one ("现公布建水县民族宗教事务局2025年度……年度报告"
    in 建水县面甸镇人民政府's, 面甸镇 2025: the bureau's report taken for a template, its name left; "现向社会公布潞城镇
    2020年度……年度报告" in 张家湾镇's, 通州区张家湾镇 2021: another town's), else ``None``.
    Only a body is read — a 局, 委员会, 厅, 办公室, 中心, or a township (its government or its bare name) — and only
    when, past the place both names share, neither name holds what the other names: "太平镇政府" of 太平镇人民政府 is
    its own."""
    m = _OPENING_BODY.match(name)
    if m is None or not organ:
        return None
    named = m["organ"]
    shared = shared_start(named, organ)  # the place both names share
    own_unit = re.sub(r"(?:人民)?政府$", "", organ[shared:])
    named_unit = named[shared:]
    if len(named_unit) < 3 or not own_unit or named_unit in organ or own_unit in named:
        return None
    return named


#: a place name written again after the year, the organ already named before it: "汨罗市人民政府2024年汨罗市……"
_PLACE_TWICE = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,12}?[省市县区旗州盟镇乡])[^\d]*?\d{4}年度?(?P=place)")


def _place_twice(name: str) -> str | None:
    """The place a report's name gives twice, before and after its year (汨罗市人民政府 2024), else ``None``."""
    m = _PLACE_TWICE.match(name)
    return m["place"] if m else None


def name_wording(name: str) -> list[str]:
    """What departs from the 条例's name in a name the text gives its report (empty when nothing does)."""
    if not name.endswith(("年度报告", "年报")):
        tail = re.search(r"(?:工作的?|情况)?报告$", name)
        said = tail.group(0) if tail else name[-4:]
        return [f"不是条例规定的名称：报告叫“政府信息公开工作年度报告”，不叫“……{said}”"]
    return [w for w in title_wording(name) if not w.startswith(("没有年份", "多了“关于”"))]


def self_name_problems(report: Report) -> list[Problem]:
    """``common.report-name``: one warning for each name the text gives its report that is not the 条例's, or that
    is another organ's."""
    problems = []
    organ = str((report.data.get("report") or {}).get("organ") or "")
    year = report_year(report.data)
    for keypath, text in narrative_strings(report):
        for m in SELF_NAMED.finditer(text):
            if in_title(text, m.start()):
                continue  # inside a title: "《省政务公开领导小组办公室关于做好2021年度……报告编制及发布工作的通知》"
            # "特编制并向社会公布……报告": the name begins after the last of the verbs
            name = _VERB.split(m["quoted"] or m["name"])[-1]
            if not ("信息公开" in name or _GOVERNMENT_AFFAIRS.search(name)) or not _YEAR.search(name):
                continue
            if m["name"] and m["name"].endswith(("情况报告", "工作报告")) and text.startswith("如下", m.end()):
                # "现将……工作情况报告如下": 报告 is the verb (report … as follows), not the document's name — but
                # what is reported may still say its 年度 twice ("2015年度政府信息公开年度工作情况", 望城坡街道 2015)
                name = name.removesuffix("报告")
                said = ["“年度”用了两次"] if name.count("年度") >= 2 else []
            else:
                said = name_wording(name)
            named_year = re.search(r"\d{4}", name)
            announced = keypath.startswith("preamble") or _ANNOUNCED.search(text, 0, m.start()) is not None
            # last year's report, published during this one and named in the body by the organ's short name
            # ("按规定及时发布市政府办公厅2019年度政府信息公开年报", 上海市人民政府办公厅 2020, held-out round 259) is
            # another document, not this report under another organ
            earlier = named_year is not None and year is not None and int(named_year.group(0)) < year
            last_years = earlier and not announced
            other = None if last_years else _parent_named(name, organ) or _another_body_named(name, organ)
            if other is not None:
                said.insert(0, f"名称里的机关是“{other}”，本报告的机关是“{organ}”")
            if (twice := _place_twice(name)) is not None:  # "汨罗市人民政府2024年汨罗市政府信息公开工作年度报告"
                said.insert(0, f"“{twice}”说了两次：机关名称写一次")
            # the 导语 naming its report with another year than the report's ("我镇认真编制了《田黄镇2020年政府信息公开
            # 工作年度报告》" over a 2021 statistics period, 邹城市田黄镇 2021); in the body a year's report may be last
            # year's, published during this one ("按时公布2020年度……年度报告"), so only the 导语's is read — and a
            # body sentence that announces this report ("现向社会公布潞城镇2020年度……年度报告" closing part 一 of a
            # 2021 report, 通州区张家湾镇 2021)
            if announced and named_year and year and int(named_year.group(0)) != year:
                said.insert(0, f"名称里的年份是{named_year.group(0)}年，本报告是{year}年度的")
            if said:
                problems.append(
                    warning(
                        "common.report-name",
                        f"正文称本报告为“{name}”：{'；'.join(said)}",
                        report.ref(keypath),
                        expected="……××××年政府信息公开工作年度报告",
                        found=name,
                    )
                )
    return problems
