"""Who the report is by: its organ, its place and its deadline, against what the text and the signature say.

- ``common.foreign-organ`` — a department's report naming another department of the same place in its own
  disclosure document ("平潭县财政局" writing that it compiled 《平潭县经贸局政府信息公开指南》): text carried
  over from another organ's report; a document of another place (the province's 目录系统) is not in question;
  likewise the reviews and suits a report counts "针对X申请行政复议" where X is another body ("市公安局" in the report
  of the zone's 公安局; "区公安局" is the organ's own short form);
- ``common.foreign-place`` — a media outlet named after another place among the report's channels
  ("《今日定安》设立税收专刊" in the report of 平潭's 地方税务局; 定安县 is in 海南省), or the website the report says
  it is downloaded from ("北京市商务委员会政府网站……上可下载本报告", 黑龙江省商务厅 2010): the organ's place is
  read from its name with :mod:`plugins.common.places` (统计用区划代码, province to county), and the places inside
  it or containing it are its own; an organ whose name gives no place (a township) is not checked;
- ``common.foreign-scope`` — "全市" as the scope of its own work in the report of a county or a district (a city's
  report carried over): "进一步加大对全市政府信息公开工作的推进" in 中阳县人民政府's; "全街" in a township's, "全乡"
  or "全镇" in a street office's;
- ``common.signature-organ`` — the signed organ one or two characters off the report's organ ("财政全融局"), or
  another department altogether (the 国有资产管理局 signing the 投资促进局's report);
- ``common.organ-name`` — the organ named in the text without its place's level word ("咸宁人民防空办公室" for
  咸宁市人民防空办公室), or with characters missing inside its place ("平潭综合区行政审批局"); only a full name
  is compared, not a short form ("平潭财政局"); the organ's own name with its county's level word left out
  ("天水市麦积东岔镇人民政府"), or only its kind with no place ("水务局"), or only its level word
  ("县人民政府办公室"); the full name with one character left out
  or typed twice ("大安市牧业管理局", "涵江区区卫生局"); a report whose organ is only "我局", its name never printed; a
  bureau (…局) calling itself 我委, 我厅 or 我署 (another organ's text carried over);
- ``common.late-report`` — a 成文日期 or 公布日期 (``report.published``) after the deadline: 31 March under the
  2008 条例; under the 2019 条例 (第五十条) 31 January for departments, 31 March for governments (人民政府, 管委会,
  街道办事处, 乡, 镇); the law asks for the report to be published by then.

All are WARNINGs.  The organ's place comes from :mod:`plugins.common.places`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from compiler import hookimpl
from compiler.model.problems import Problem, warning
from compiler.model.report import Report
from plugins.common import places
from plugins.common.reform import (
    abolished_organ_problems,
    anachronistic_organ_problems,
    ended_campaign_problems,
    superseded_wording_problems,
)
from plugins.common.report import report_year
from plugins.common.texts import in_title, narrative_strings, shared_start, typed_table_strings

#: The 2008 条例 (第三十一条): every report by 31 March; the 2019 条例 (第五十条): departments by 31 January,
#: governments (人民政府, and the bodies that act as one) by 31 March.
_GOVERNMENT = re.compile(r"(?:人民政府|政府|管委会|管理委员会|办事处|乡|镇)$")
_DEPARTMENT_NAME = re.compile(r"(?:局|委员会|委|办公室|办公厅|办|厅|中心|处|所|站|院|馆|队|社|署)$")


def is_department(organ: str) -> bool:
    """A department is named as one (…局, …委员会, …办公室, …中心); a government (…人民政府, …管委会, …街道办事处,
    a 乡 or 镇) or a bare place ("平潭综合实验区") is not."""
    return not _GOVERNMENT.search(organ) and bool(_DEPARTMENT_NAME.search(organ))


_OWN_DOCUMENT = re.compile(
    r"《(?P<organ>[^《》]{2,30}?(?:局|委员会|委|办公室|办|厅|中心))政府信息公开(?:指南|目录|工作年度报告|年度报告|实施办法)"
)


_RESPONDENT = re.compile(
    r"针对(?P<organ>[^，。；、\s]{1,20}?(?:局|委员会|委|办公室|办|厅|中心|政府))(?:有关[^，。；]{0,12})?"
    r"(?:申请|提起)(?:行政复议|行政诉讼)"
)


def short_form(short: str, full: str) -> bool:
    """ "平潭财政局" for 平潭县财政局: the characters of ``short`` in ``full``, in order."""
    rest = iter(full)
    return all(ch in rest for ch in short)


def _names_the_organ(named: str, organ: str) -> bool:
    """ "区公安局" for 平潭综合实验区公安局: the same kind of body, and its place written with characters of the organ's
    place, in order (a short form); "市公安局" is another body."""
    kind = next((k for k in ("委员会", "办公室", "政府", "局", "委", "办", "厅", "中心") if named.endswith(k)), "")
    if named in organ or not organ.endswith(kind):
        return named in organ
    return short_form(named[: len(named) - len(kind)], organ[: len(organ) - len(kind)])


#: a bureau of a place named as the one whose guidance the work was done under: "在区委、区政府的正确领导和
#: 市审计局的有力指导下" (昌江区工业和信息化局 2023)
_GUIDED_BY = re.compile(
    r"(?:和|、|在)(?P<guide>(?:[省市县区]|[\u4e00-\u9fff]{2,8}?[省市县区])(?P<kind>[\u4e00-\u9fff]{2,8}?)局)"
    r"的[\u4e00-\u9fff]{0,4}指导下"
)
#: the bodies that guide a department's disclosure work whatever its kind: the 政务公开 offices, the 政务服务 and data
#: bureaus, the government's own office
_GUIDES_DISCLOSURE = re.compile(r"政务|数据|信息|公开|电政|办公")


def _guided_by_another_kind(report: Report, organ: str) -> list[Problem]:
    """A department's work "在……市审计局的有力指导下" when it is no 审计局: a bureau of another kind, one that does not
    guide disclosure work, named as its guide — a sentence carried over from that bureau's report.  Only a bureau
    (……局) guiding a bureau is read; the same kind at a higher level (市民政局 for a county's 民政局) is its own
    line."""
    if not organ.endswith("局"):
        return []
    problems = []
    for keypath, text in narrative_strings(report):
        for m in _GUIDED_BY.finditer(text):
            kind = m["kind"]
            if kind in organ or _GUIDES_DISCLOSURE.search(kind) or short_form(kind, organ):
                continue
            problems.append(
                warning(
                    "common.foreign-organ",
                    f"本报告是“{organ}”的，正文却写在“{m['guide']}”的指导下开展工作：指导本机关的应是上级主管部门"
                    "或政务公开主管部门，疑为从该局的报告照搬",
                    report.ref(keypath),
                    expected="上级主管部门或政务公开主管部门",
                    found=m["guide"],
                )
            )
    return problems


def foreign_organ_problems(report: Report) -> list[Problem]:
    """A department's report naming another department's own disclosure document as its own: the 财政局's report
    says it compiled 《平潭县经贸局政府信息公开指南》 — text carried over from another organ's report."""
    organ = (report.data.get("report") or {}).get("organ")
    if not isinstance(organ, str):
        return []
    problems: list[Problem] = []
    for keypath, text in narrative_strings(report):  # the reviews and suits a report counts are against itself
        for m in _RESPONDENT.finditer(text):
            if not _names_the_organ(m.group("organ"), organ):
                problems.append(
                    warning(
                        "common.foreign-organ",
                        f"本报告是“{organ}”的，说的却是“{m.group(0)}”：报告所列复议、诉讼应是针对本机关的，"
                        f"疑为从“{m.group('organ')}”的报告照搬",
                        report.ref(keypath),
                        expected=organ,
                        found=m.group("organ"),
                    )
                )
    if not is_department(organ):
        return problems
    problems += _guided_by_another_kind(report, organ)
    for keypath, text in narrative_strings(report):
        for m in _OWN_DOCUMENT.finditer(text):
            named = m.group("organ")
            if named in organ or organ in named or _names_the_organ(named, organ):
                continue  # its own name, or its short form: 平潭县经贸局 for 平潭县经济贸易局
            # a different place: a higher level's or a neighbour's document, not a slip
            if shared_start(named, organ) < 2:
                continue
            problems.append(
                warning(
                    "common.foreign-organ",
                    f"本报告是“{organ}”的，正文却写编制了“{m.group(0)}》”，疑为从“{named}”的报告照搬",
                    report.ref(keypath),
                    expected=f"《{organ}政府信息公开…》",
                    found=f"{m.group(0)}》",
                )
            )
    return problems


#: a media outlet named after its place: 《今日定安》, 《福州日报》, 平潭电视台, “平潭发布”
_PLACE_MEDIA = re.compile(
    r"《今日(?P<a>[\u4e00-\u9fff]{2,6})》|《(?P<b>[\u4e00-\u9fff]{2,6}?)(?:日报|晚报|报|手机报)》"
    r"|(?<![\u4e00-\u9fff])(?P<c>[\u4e00-\u9fff]{2,6}?)(?:广播电视台|电视台|人民广播电台|融媒体中心)"
    r"|“(?P<d>[\u4e00-\u9fff]{2,6}?)发布”"
)


#: the website the report says it can be downloaded from, named after a place: "北京市商务委员会政府网站
#: www.hljswt.gov.cn上可下载本报告的电子版" (黑龙江省商务厅 2010)
_OWN_SITE = re.compile(
    r"(?P<e>[\u4e00-\u9fff]{2,6}?(?:省|自治区|市|县|区|旗))[\u4e00-\u9fff]{0,12}?(?:门户网站|政府网站|网站)"
    r"[^。；;]{0,40}?(?:下载|查阅|获取)本(?:报告|年报|年度报告)"
)


def _media_place(m: re.Match[str]) -> tuple[places.Place, ...]:
    word = next(g for g in m.groups() if g)
    return places.named(word)


def foreign_place_problems(report: Report) -> list[Problem]:
    """A media outlet of another place in a report's own channels: "《今日定安》设立税收专刊" in the report of
    平潭's 地方税务局 (定安县 is in 海南省) — text carried over from another place's report.  The organ's place is read
    from its name (平潭综合实验区… → 平潭县); a place inside it or containing it (福州日报, 福建日报) is its own."""
    organ = (report.data.get("report") or {}).get("organ")
    home = places.in_name(organ) if isinstance(organ, str) else ()
    if not home:  # a township or an office whose name gives no place: nothing to compare with
        return []
    problems: list[Problem] = []
    for keypath, text in narrative_strings(report):
        for m in (*_PLACE_MEDIA.finditer(text), *_OWN_SITE.finditer(text)):
            named = _media_place(m)
            if not named or places.related_to_any(named, home):
                continue
            where = "或".join(places.chain(p) for p in named)
            said = m.groupdict().get("e") or m.group(0)
            problems.append(
                warning(
                    "common.foreign-place",
                    f"“{said}”是{where}的，本报告是“{organ}”（{places.chain(home[0])}）的："
                    "疑为从别处的报告照搬，请核对",
                    report.ref(keypath),
                    expected=f"{places.chain(home[0])}的{'网站' if m.re is _OWN_SITE else '媒体'}",
                    found=said,
                )
            )
    return problems


#: a clause that speaks of the city's own event, ranking, requirement or shared platform, where a county may well say
#: 全市 ("按照全市政府门户网站集约化建设要求", 武昌区 2020; "我街道通过全市信息公开平台主动公开政府信息", 南京市秦淮区
#: 红花街道 2024 — the city's one platform, which its districts and streets publish on), or the city's plan
_CITY_EVENT = re.compile(
    r"参加|参与|出席|列席|考核|考评|排名|评比|评估|名列|会议|大会|培训|通报|表彰|范围"
    # (围绕 too: "围绕全省“三个年”活动和全市“深化六个改革”要求", 西安市雁塔区政府办公室 2025)
    r"|(?:按照|根据|依据|落实|围绕|贯彻)[^，,。；;]*?(?:要求|部署)"
    r"|全市[\u4e00-\u9fff]{0,8}?平台"
    # the city's plan named without its 《》: "我局围绕2021年全市政务公开政务服务工作要点" (荣昌区招商投资促进局 2021)
    r"|全市[\u4e00-\u9fff]{0,16}?(?:工作要点|实施方案|工作方案)"
)


#: the scope word of a township's own work, by what its name ends on, and the scope words of the other kind
_TOWNSHIP_SCOPE = (
    (re.compile(r"乡(?:人民政府)?$"), "全乡", re.compile(r"全街(?:道)?(?![道办])")),
    (re.compile(r"镇(?:人民政府)?$"), "全镇", re.compile(r"全街(?:道)?(?![道办])")),
    (re.compile(r"街道(?:办事处)?$"), "全街道", re.compile(r"全[乡镇](?![村])")),
)


#: a township's work said to drive the county's (or district's, city's): "有效推动了全县政府信息公开工作纵深发展"
_DRIVING_ABOVE = re.compile(r"(?:推动|推进|促进|带动)了?(?P<scope>全[县区市旗省])")
#: a township's own year of work called the county's: "结合2022年我县政府信息公开工作编制而成" (东至县花园乡 2022)
_OWN_ABOVE = re.compile(r"(?P<scope>我[县区市旗])(?=(?:20\d\d年度?)?政府信息公开工作)")


def _township_scope(report: Report, organ: str) -> list[Problem]:
    """A township saying 全街 of its own work, or a street office 全乡/全镇 ("两家子满族乡迅速组织全街开展新《条例》
    学习", 吉林市昌邑区两家子满族乡 2020): another kind of organ's report carried over; or a township's work said to
    drive the whole county's ("有效推动了全县政府信息公开工作纵深发展", 元谋县黄瓜园镇 2017), or its year of work
    called the county's ("结合2022年我县政府信息公开工作编制而成", 东至县花园乡 2022): words of the county's report.
    Once per report."""
    for ending, own, other in _TOWNSHIP_SCOPE:
        if not ending.search(organ):
            continue
        for keypath, text in narrative_strings(report):
            for pattern, said, source, mine in (
                (other, "说自己的工作应为", "别的乡镇街道", own),
                (_DRIVING_ABOVE, "推动的应是", "上级", own),
                (_OWN_ABOVE, "说自己的政府信息公开工作应为", "上级", "我" + own[1:]),
            ):
                m = pattern.search(text)
                if m and not in_title(text, m.start()):
                    scope = m.groupdict().get("scope") or m.group(0)
                    return [
                        warning(
                            "common.foreign-scope",
                            f"“{text[max(0, m.start() - 8) : m.end() + 8]}”：本报告是“{organ}”的，{said}“{mine}”，"
                            f"不是“{scope}”：疑为从{source}的报告照搬，请核对",
                            report.ref(keypath),
                            expected=mine,
                            found=scope,
                        )
                    ]
    return []


def foreign_scope_problems(report: Report) -> list[Problem]:
    """ "全市" as the scope of the report's own work in the report of a county or a district ("进一步加大对全市政府
    信息公开工作的推进、指导" — 中阳县人民政府 2022; "全市地税系统本着……" — 平潭综合实验区地方税务局 2013), or "市本级"
    as its own level ("全年办理市本级依申请公开事项14件" — 昌图县人民政府办公室 2024): the words of a city's report
    carried over.  Only an organ whose name gives one place, a county-level 县, 区 or 旗 (a
    county-level 市 says 全市 of itself); a clause about the city's own meetings, trainings or rankings ("在全市
    政务公开考核中名列第一"), a requirement of the city's followed ("按照全市……建设要求") and a city's document named in
    《》 are left alone.  Once per text."""
    organ = (report.data.get("report") or {}).get("organ")
    if isinstance(organ, str) and (township := _township_scope(report, organ)):
        return township
    home = places.in_name(organ) if isinstance(organ, str) else ()
    if len(home) != 1 or home[0].name[-1] not in "县区旗":
        return []
    if home[0].name not in organ and "市" in organ:  # "青岚市数据资源管理局": a city's, 资源县 read in 数据资源
        return []
    own = "全区" if "区" in organ else f"全{home[0].name[-1]}"
    problems: list[Problem] = []
    for keypath, text in narrative_strings(report):
        for m in re.finditer("全市|市本级", text):
            left = re.split(r"[，,。；;！？]", text[: m.start()])[-1]
            right = re.split(r"[，,。；;！？]", text[m.start() :])[0]
            if _CITY_EVENT.search(left + right):
                continue
            if in_title(text, m.start()):
                continue  # the city's notice, named in 《》: "《关于做好2020年全市政府信息公开工作年度报告的通知》"
            own_word = own if m.group() == "全市" else f"{own[1]}本级"
            problems.append(
                warning(
                    "common.foreign-scope",
                    f"“{left[-6:]}{right[:16]}”：本报告是“{organ}”（{places.chain(home[0])}）的，说自己的工作"
                    f"应为“{own_word}”，不是“{m.group()}”：疑为从市里的报告照搬，请核对",
                    report.ref(keypath),
                    expected=own_word,
                    found=m.group(),
                )
            )
            break
    return problems


#: the 自治州 named as the level above: "省、州关于……的要求", "在州委、州政府的领导下"
_PREFECTURE_AS_ZHOU = re.compile(r"省、州(?=[、，,关的和及县级])|州委[、]?州政府")


def _first_said(report: Report, pattern: re.Pattern[str]) -> tuple[str, re.Match[str]] | None:
    """Where the narrative first matches ``pattern`` (keypath, match), for the slips said once per report."""
    for keypath, text in narrative_strings(report):
        if m := pattern.search(text):
            return keypath, m
    return None


def missing_zhou_problems(report: Report) -> list[Problem]:
    """A county whose prefecture is a 市 (or a 地区, a 盟) speaking of the 州 above it: "深入贯彻落实省、州关于政务
    信息公开工作要求" in the report of 衡南县, which is in 衡阳市 (衡南县人民政府办公室 2022) — the words of a county
    of a 自治州 carried over.  Only an organ whose name gives one county-level place by its full name; once per
    report."""
    organ = (report.data.get("report") or {}).get("organ")
    home = places.in_name(organ) if isinstance(organ, str) else ()
    if len(home) != 1 or len(home[0].code) != 6 or home[0].name not in organ:
        return []  # "鹿城街道" names no county: 鹿城 is also a 区 of 温州市
    prefecture = places.by_code(home[0].code[:4])
    if prefecture is None or prefecture.name.endswith("州"):
        return []
    if (said := _first_said(report, _PREFECTURE_AS_ZHOU)) is None:
        return []
    keypath, m = said
    return [
        warning(
            "common.foreign-scope",
            f"“{m.group(0)}”：本报告是“{organ}”（{places.chain(home[0])}）的，上一级是{prefecture.name}，"
            "不是“州”：疑为从自治州所辖县的报告照搬，请核对",
            report.ref(keypath),
            expected=f"“{m.group(0).replace('州', '市')}”",
            found=f"“{m.group(0)}”",
        )
    ]


def signature_organ_problems(report: Report) -> list[Problem]:
    """The organ signed under the report one or two characters off the organ's name: "财政全融局" for 财政金融局."""
    organ = (report.data.get("report") or {}).get("organ")
    signature = report.data.get("signature")
    signed = signature.get("organ") if isinstance(signature, Mapping) else None
    if not isinstance(organ, str) or not isinstance(signed, str) or not signed or signed == organ:
        return []
    if len(signed) != len(organ) or sum(a != b for a, b in zip(signed, organ, strict=True)) > 2:
        return _another_body(report, organ, signed)
    return [
        warning(
            "common.signature-organ",
            f"落款机关“{signed}”与报告机关“{organ}”只差个别字，疑为错字",
            report.ref("signature.organ"),
            expected=organ,
            found=signed,
        )
    ]


def _another_body(report: Report, organ: str, signed: str) -> list[Problem]:
    """The report signed by another body of the same place: "平潭综合实验区国有资产管理局" under the 投资促进局's report
    (2024, the 国资局's report of 2022 taken as the template).  Not the organ's 办公室 signing for it, nor a short
    form of the organ's name, nor a body whose name holds the organ's (or the other way round)."""
    if organ in signed or signed in organ or short_form(signed, organ):
        return []
    if not (is_department(organ) and is_department(signed)):
        return []
    return [
        warning(
            "common.signature-organ",
            f"落款机关“{signed}”不是报告机关“{organ}”：疑为沿用了别的机关的报告，落款应为“{organ}”",
            report.ref("signature.organ"),
            expected=organ,
            found=signed,
        )
    ]


#: the organ's place: the longest beginning of its name that ends in a level word with the body's name after it
_PLACE_PART = re.compile(r"^(?P<place>.{3,12}?(?:区|县|市|州|旗|盟|镇|乡))(?=.{2,})")


def _shortened_place(organ: str) -> dict[str, str]:
    """The organ's full name with one or two characters left out inside its place ("平潭综合区行政审批局" for
    平潭综合实验区行政审批局, three 行政审批局 reports 2021–2023): variant → the characters left out.  The place keeps
    its first two characters and its level word, so a name short of its level word is the other variant's."""
    m = _PLACE_PART.match(organ)
    if m is None or len(m["place"]) < 5:
        return {}
    place, rest = m["place"], organ[m.end("place") :]
    out = {}
    for size in (1, 2):
        for at in range(2, len(place) - size):
            out[place[:at] + place[at + size :] + rest] = place[at : at + size]
    return out


#: a committee's, an office's or a department's way of saying "we" that a bureau does not use ("我办未收到……" in 苍南县
#: 环境保护局 2011); not 本办法, 我办理, 本办公室, 我办事, 本办结
_NOT_A_BUREAU = re.compile(r"[我本](?:委|厅|署|办)(?![员会托公理法事结])")
#: a department named by its kind alone, no place before it: "水务局", "卫生健康委员会"
_KIND_ONLY = re.compile(
    r"(?!国家|国务院|中国|中华|中央|全国|我|本)[^省市县区州旗盟镇乡村街]{1,8}?(?:局|委员会|办公室|中心)"
)
#: an organ named by its level word with no place before it: "县人民政府办公室", "市城管执法局", "区教育局"
_LEVEL_ONLY = re.compile(
    r"(自治县|自治州|县|市|区|旗|盟)(?=人民政府|政府|[\u4e00-\u9fff]{1,10}(?:局|委员会|委|办公室|办|中心)$)"
)
#: what a report calls itself when it does not name itself
_PRONOUN = re.compile(r"[我本](?:局|办|委|厅|署|中心|镇|乡|街道|区|县|市|单位|部门|机关|院|所|站)")


#: "我" standing alone where the organ's own word belongs ("2019年,我共制发公文", "本年度我未收到" in 琼海市大路镇
#: 2019): directly before an adverb or verb a report's subject takes, or before the organ's own bodies and work
#: ("我党委、政府高度重视", "我政务公开工作取得了积极成效", "我规范性文件底数0" — 阳城县横河镇 2020); not 自我, 我们,
#: 我镇, 我国, 我党 …
_BARE_WE = re.compile(
    r"(?<![自“‘])我(?=[共未在已将对还也于不]|持续|切实|扎实|收到|受理|制发|主动|全年|通过|按照|根据|积极|及时|进一步|依法|党委|政务公开|政府信息公开|规范性文件|认真|高度重视|严格按照|始终|坚持)"
)
#: the word an organ of each kind says "we" with, by how its name ends
_OWN_WORD = (
    ("街道办事处", "街道"),
    ("办事处", "街道"),
    ("人民政府", ""),
    ("政府", ""),  # "东宁市政府" as its title names it: 我市
    ("委员会", "委"),
    ("办公室", "办"),
    ("中心", "中心"),
)


def _own_word(organ: str) -> str:
    """我镇, 我局, 我街道, 我县 …: "我" and the word the organ's name ends with (for a 人民政府, its place's level)."""
    for ending, word in _OWN_WORD:
        if organ.endswith(ending):
            if word:
                return "我" + word
            place = organ.removesuffix(ending)
            return "我" + place[-1] if place and place[-1] in "省市县区镇乡旗州盟" else "我单位"
    # an organ named by its place alone ("白银区"): its place's level
    return "我" + organ[-1] if organ and organ[-1] in "局委办厅署镇乡院所站馆队社省市县区旗州盟" else "我单位"


def _word_left_out(report: Report, pattern: re.Pattern[str], said: str, whole: str, shown: int) -> list[Problem]:
    """One warning for each match of ``pattern`` in the narrative: a word written without its second half ("我" for
    我镇, "全" for 全县); ``shown`` characters from the match's start are quoted as found."""
    return [
        warning(
            "common.organ-name",
            f"“{text[max(0, m.start() - 4) : m.end() + shown + 2]}”：{said}，应为“{whole}”",
            report.ref(keypath),
            expected=whole,
            found=text[m.start() : m.end() + shown],
        )
        for keypath, text in narrative_strings(report)
        for m in pattern.finditer(text)
    ]


def _bare_we(report: Report, organ: str) -> list[Problem]:
    """ "我" for the organ without the word after it (我镇, 我局): one warning each time."""
    return _word_left_out(report, _BARE_WE, "“我”后缺了机关的称谓", _own_word(organ), 1)


#: "全" standing alone where 全县/全区 belongs: "围绕全各项工作目标……推进全政府信息公开工作开展" (白银区 2010),
#: "紧紧围绕全重点工作……促进了全经济社会的协调发展" (正阳县 2014, held-out round 79); 健全、完全、安全、齐全… are words
_LEVELS = tuple("省市县区镇乡旗州盟")
_BARE_ALL = re.compile(r"(?<![健完安齐周保成])全(?=各项工作|政府信息公开工作|重点工作|中心工作|经济社会)")


def _bare_all(report: Report, organ: str) -> list[Problem]:
    """ "全" for 全县, 全区, 全镇 … without the place's level after it: one warning each time."""
    level = _own_word(organ)[1:]
    whole = "全" + level if level in (*_LEVELS, "街道") else "全县（区、市）"
    return _word_left_out(report, _BARE_ALL, "“全”后缺了地方的称谓", whole, 2)


#: a government named by its place's short name: "“定州人民政府”门户网站" (定州市明月店镇 2021), "兰州政府办公室"
#: (兰州市 2020: its office, with 政府 for 人民政府)
_GOVERNMENT_OF = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<place>[\u4e00-\u9fff]{2,4}?)(?P<gov>人民政府|政府(?=办公室|办公厅))"
)


def _government_without_level(report: Report, organ: str) -> list[Problem]:
    """Another government named without the level word of its place — 定州人民政府 for 定州市人民政府: the short name
    names one place only, and no place is called by it in full.  The report's own organ, however it names itself
    (巴州人民政府), is not in question."""
    problems = []
    for keypath, text in narrative_strings(report):
        for m in _GOVERNMENT_OF.finditer(text):
            short = m["place"]
            found = places.named(short)
            if len(found) != 1 or found[0].name == short or m.group(0) in organ:
                continue
            own_rest = organ.partition("人民政府")[2]
            if own_rest and organ.startswith(found[0].name) and text.startswith(own_rest, m.end()):
                continue  # "涡阳人民政府办公室" is the organ's own name short of 县: said once, as such, below
            full = f"{found[0].name}{m['gov']}"
            problems.append(
                warning(
                    "common.organ-name",
                    f"“{m.group(0)}”少了“{found[0].name[len(short) :]}”：应为“{full}”",
                    report.ref(keypath),
                    expected=full,
                    found=m.group(0),
                )
            )
    return problems


def _calls_itself_a_committee(report: Report, organ: str) -> list[Problem]:
    """A bureau (……局) saying 我委, 我厅, 我署 or 我办 of itself (平潭财政金融局 2022: "我委在答复申请时"): a sentence
    carried over from another organ's report.  Once, where it first occurs."""
    if not organ.endswith("局"):
        return []
    if (first := _first_said(report, _NOT_A_BUREAU)) is None:
        return []
    keypath, m = first
    said = m.group(0)
    return [
        warning(
            "common.organ-name",
            f"“{said}”：本机关是{organ}，自称应为“{said[0]}局”；“{said}”像是沿用了别的机关的文字",
            report.ref(keypath),
            expected=f"{said[0]}局",
            found=said,
        )
    ]


#: a 乡's report saying 我镇 of itself, or a 镇's saying 我乡 ("在总结我镇2021年政府信息公开工作的基础上" in 呼兰区
#: 杨林乡 2021, whose text says 我乡 elsewhere): a sentence carried over from a town's report
#: — and a city's saying 我县 ("推动……决策部署在我县全面、正确、有效地贯彻实施", 东宁市 2019: a county until 2015, its
#: text says 我市 elsewhere)
_OTHER_TOWNSHIP = {
    # a 乡 or a 镇 saying 我街道 ("我街道严格落实三级签审制", 洪江区桂花园乡 2022): a street office's words; a
    # township saying 我局 ("在总结我局2020年政府信息公开工作的基础上", 呼兰区孟家乡 2020; "……机制,我局积极配合调整",
    # 龙游县横山镇 2023, held-out round 255): a bureau's words
    "我乡": re.compile(r"我镇(?![长区])|我街道(?!办事处)|我局(?!长)"),
    # — and a 镇 saying 乡政府, 本乡 or 全乡 of itself ("并指定一名大学生负责乡政府信息公开的日常工作", 漳平市赤水镇
    # 2012, held-out round 272; not 乡镇政府, 各乡政府)
    "我镇": re.compile(
        r"我乡(?![长村亲])|我街道(?!办事处)|我局(?!长)|(?<![乡镇各城本全])(?:本乡|全乡|乡政府|乡党委)(?!镇)"
    ),
    "我街道": re.compile(r"我局(?!长)"),
    "我市": re.compile(r"我县(?![长委])"),
}


def _calls_itself_another_township(report: Report, organ: str) -> list[Problem]:
    """A 乡 calling itself 我镇, a 镇 我乡, a city 我县: once, where it first occurs."""
    own = _own_word(organ)
    pattern = _OTHER_TOWNSHIP.get(own)
    if pattern is None:
        return []
    if (first := _first_said(report, pattern)) is None:
        return []
    keypath, m = first
    said = m.group(0)
    right = own if said.startswith("我") else said.replace("乡", "镇")
    return [
        warning(
            "common.organ-name",
            f"“{said}”：本机关是{organ}，自称应为“{right}”；“{said}”像是沿用了别的"
            f"{'县' if own == '我市' else '局' if said == '我局' else '乡镇'}的文字",
            report.ref(keypath),
            expected=right,
            found=said,
        )
    ]


#: colloquial short names of departments → their names (GB/T 9704-2012 7.3.3: the title names the issuing organ;
#: 7.2.3: by its full name or a 规范化简称, which these shortenings of the department's own name are not)
_COLLOQUIAL = {
    "质监局": "质量技术监督局",
    "安监局": "安全生产监督管理局",
    "食药监局": "食品药品监督管理局",
    "人社局": "人力资源和社会保障局",
    "发改局": "发展和改革局",
    "发改委": "发展和改革委员会",
    "住建局": "住房和城乡建设局",
    "市监局": "市场监督管理局",
    "卫健委": "卫生健康委员会",
    "卫健局": "卫生健康局",
    "文旅局": "文化和旅游局",
    "医保局": "医疗保障局",
    "工信局": "工业和信息化局",
    "经信局": "经济和信息化局",
    "政府办": "人民政府办公室",  # 府谷县人民政府办公室 2022: "县政府办2022年度……报告"
}
#: a short name, not the start of the full one ("政府办公室" is not "政府办")
_COLLOQUIAL_NAME = re.compile("(?:" + "|".join(sorted(_COLLOQUIAL, key=len, reverse=True)) + ")(?!公)")


def _title_as_printed(report: Report) -> tuple[str, str]:
    """The title as printed and its key path — or the organ when the title is made from it ("" when neither is
    text), for the checks that read the organ's name in the title."""
    meta = report.data.get("report") or {}
    for key in ("title", "organ"):
        if isinstance(value := meta.get(key), str):
            return value, f"report.{key}"
    return "", "report.organ"


def _colloquial_in_title(report: Report) -> list[Problem]:
    """The report's title names its organ by a colloquial short name: "平潭县质监局2012年政府信息公开年度工作报告"
    (the bureau is the 质量技术监督局).  The title is read as printed, or the organ when the title is made from it."""
    title, key = _title_as_printed(report)
    if (m := _COLLOQUIAL_NAME.search(title)) is None:
        return []
    return [
        warning(
            "common.organ-name",
            f"标题用了机关的简称“{m.group(0)}”：公文标题中的发文机关名称应为全称，"
            f"如“……{_COLLOQUIAL[m.group(0)]}”（GB/T 9704-2012 第7.3.3条）",
            report.ref(key),
            expected=_COLLOQUIAL[m.group(0)],
            found=m.group(0),
        )
    ]


#: a committee's full name cut short at 委: "经济和信息化委" for 经济和信息化委员会 (山东省经信委 2011) — the words of
#: the full name, 和 among them, but not its end; the short names (经信委, 民委, 管委会) have no 和
_HALF_NAME = re.compile(r"[\u4e00-\u9fff]{2,8}和[\u4e00-\u9fff]{2,8}?委(?!员会|员|托)")


def _half_name_in_title(report: Report) -> list[Problem]:
    """The title names its organ by the full name's words cut short at 委 ("山东省经济和信息化委2011年……报告")."""
    title, key = _title_as_printed(report)
    if (m := _HALF_NAME.search(title)) is None:
        return []
    return [
        warning(
            "common.organ-name",
            f"标题中的机关名称“{m.group(0)}”是全称的字样却只写到“委”：应为全称“{m.group(0)}员会”"
            "（GB/T 9704-2012 第7.3.3条：标题中的发文机关名称用全称或规范化简称）",
            report.ref(key),
            expected=f"{m.group(0)}员会",
            found=m.group(0),
        )
    ]


def _county_without_level(organ: str) -> tuple[str, str, str] | None:
    """A county named by its short name between its city and the rest of the organ's own name:
    "天水市麦积东岔镇人民政府" (麦积区).  Returns (the short name, its level word, the name mended), or ``None``."""
    for i in range(len(organ)):
        for length in range(min(12, len(organ) - i), 1, -1):
            city = organ[i : i + length]
            for place in places.named(city):
                if len(place.code) != 4 or place.name != city:
                    continue
                rest = organ[i + length :]
                for size in range(min(8, len(rest) - 2), 1, -1):
                    for county in places.named(rest[:size]):
                        level = county.name[size:]
                        if county.within(place) and level and not rest[size:].startswith(level):
                            return rest[:size], level, organ[: i + length] + county.name + rest[size:]
    return None


def _organ_without_county_level(report: Report, organ: str) -> list[Problem]:
    found = _county_without_level(organ)
    if found is None:
        return []
    short, level, mended = found
    return [
        warning(
            "common.organ-name",
            f"机关名称“{organ}”里的“{short}”少了“{level}”：应为“{mended}”",
            report.ref("report.organ"),
            expected=mended,
            found=organ,
        )
    ]


def department_as_government_problems(report: Report) -> list[Problem]:
    """A department calling itself a 人民政府: "今年，政务服务中心人民政府认真贯彻落实……" (互助县政务服务中心 2020) —
    the words of a township's report template, its name put in.  Once per report."""
    organ = (report.data.get("report") or {}).get("organ")
    if not isinstance(organ, str) or not is_department(organ):
        return []
    home = places.in_name(organ)
    if home and home[-1].name in organ:
        kind = organ[organ.find(home[-1].name) + len(home[-1].name) :]
    else:  # a place the table does not know: the name after its last level word ("某某县统计局" → 统计局)
        kind = re.sub(r"^.*[省市县区旗盟](?=.)", "", organ)
    if len(kind) < 2:
        return []
    for keypath, text in narrative_strings(report):
        at = text.find(kind + "人民政府")
        if at >= 0 and not in_title(text, at):
            return [
                warning(
                    "common.organ-name",
                    f"“{kind}人民政府”：{kind}是政府的工作部门，不是人民政府：疑为从乡镇报告的模板照搬",
                    report.ref(keypath),
                    expected=kind,
                    found=f"{kind}人民政府",
                )
            ]
    return []


#: a government named by a place and 区: "鄂尔多斯区人民政府办公厅".  Not 县: the table is today's, and many counties
#: named after their city have since become districts ("芜湖县" in 芜湖县文广新局 2017, 湾沚区 since 2020)
_PLACE_GOVERNMENT = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,5}?)(?P<level>区)(?=人民政府|政府|委)")


def _no_such_district(report: Report) -> list[Problem]:
    """A prefecture's name with 区 after it where no such district exists: "鄂尔多斯区人民政府办公厅" for 鄂尔多斯市's
    (东胜区发展和改革局 2014, held-out round 78).  Only a name that is a prefecture's and nothing else (吉林 is a
    province's too), and only where the table has no county of that name (鄂州 has 鄂城区); a 县 is not judged (the
    table is today's: 芜湖县 was one until 2020)."""
    problems = []
    for keypath, text in narrative_strings(report):
        for m in _PLACE_GOVERNMENT.finditer(text):
            name = m["name"]
            for stem in (name[k:] for k in range(len(name) - 1)):
                prefectures = places.named(stem)
                if prefectures and all(len(p.code) == 4 for p in prefectures) and not places.named(stem + m["level"]):
                    prefecture = prefectures[0]
                    problems.append(
                        warning(
                            "common.organ-name",
                            f"“{stem}{m['level']}”：没有这个{m['level']}，“{stem}”是{prefecture.name}；"
                            f"应为“{prefecture.name}”或本{m['level']}的名称",
                            report.ref(keypath),
                            expected=prefecture.name,
                            found=stem + m["level"],
                        )
                    )
                    break
    return problems


#: the level words of a place, longest first, that a title may leave out of the organ's name
_LEVEL_WORDS = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "省", "市", "县", "区", "州", "旗", "盟")


def _short_in_title(report: Report, key: str, short: str, missing: str, organ: str) -> list[Problem]:
    return [
        warning(
            "common.organ-name",
            f"标题中的机关名称“{short}”少了“{missing}”：应为全称“{organ}”"
            "（GB/T 9704-2012 第7.3.3条：标题中的发文机关名称用全称或规范化简称）",
            report.ref(key),
            expected=organ,
            found=short,
        )
    ]


def _title_short_of_a_level(report: Report, organ: str) -> list[Problem]:
    """The title names the organ without one of its places' level words: "西藏交通运输厅2018年度……年度报告" of
    西藏自治区交通运输厅 (held-out round 119), or without its kind's word before the year: "甘州区文化广播影视新闻出版
    2017年度……" of 甘州区文化广播影视新闻出版局 (held-out round 130) — the title names the issuing organ by its full
    name (GB/T 9704-2012 第7.3.3条).  Only where the title does not name the organ in full anywhere and the rest of
    the name is whole."""
    title, key = _title_as_printed(report)
    if key != "report.title" or not organ or organ in title:
        return []
    kind = next((k for k in ("局", "委员会", "办公室", "中心") if organ.endswith(k)), "")
    short = organ.removesuffix(kind)
    if kind and len(short) > 4 and re.search(re.escape(short) + r"\d{4}", title):
        return _short_in_title(report, key, short, kind, organ)
    for word in _LEVEL_WORDS:
        at = organ.find(word)
        while at > 0:
            short = organ[:at] + organ[at + len(word) :]
            if len(organ) - at - len(word) >= 2 and short in title:
                return _short_in_title(report, key, short, word, organ)
            at = organ.find(word, at + 1)
    return []


def _not_the_full_name(report: Report, name: str, said: str, example: str = "") -> Problem:
    return warning(
        "common.organ-name",
        f"{said}：标题、导语和署名应写机关全称{example}",
        report.ref("report.organ"),
        expected="机关全称",
        found=name,
    )


def organ_name_problems(report: Report) -> list[Problem]:
    """The organ named in the text without the level word of its place: "咸宁人民防空办公室" in the report of
    咸宁市人民防空办公室.  Only full names are compared (the rest after the place has four characters or more), so
    the short forms people write on purpose ("平潭财政局") are not in question.  Also an organ named by its kind or its
    level word alone ("水务局", "县人民政府办公室"), an organ that is only a
    pronoun ("我局": the name printed nowhere), a bureau calling itself a committee
    (:func:`_calls_itself_a_committee`), "我" with no word after it (:func:`_bare_we`), another government named
    without its level word (:func:`_government_without_level`), the organ's own name with its county's level word
    left out (:func:`_organ_without_county_level`), a prefecture's name with 区 or 县 after it where there is no
    such place (:func:`_no_such_district`) and a title naming the organ by a colloquial short
    name (:func:`_colloquial_in_title`)."""
    organ = (report.data.get("report") or {}).get("organ")
    if not isinstance(organ, str):
        return []
    name = organ.strip()
    if _PRONOUN.fullmatch(name):  # 屯昌县某局 2015: the report calls itself "我局" and nothing else
        return [_not_the_full_name(report, name, f"报告只称“{name}”，没有写出机关名称")]
    if _KIND_ONLY.fullmatch(name) and not places.in_name(name):  # 抚远市水务局 2020: "水务局" alone
        return [_not_the_full_name(report, name, f"机关名称只写了“{name}”，没有地名", f"（如“××县{name}”）")]
    problems = []
    if (level := _LEVEL_ONLY.match(name)) and not places.in_name(name) and not _COLLOQUIAL_NAME.search(name):
        # 湟源县人民政府办公室 2021: "县人民政府办公室2021年……报告" — the level word with no place before it; what
        # the text says of itself is still read ("2021年我收到……" with no 办 after 我)
        said = f"机关名称“{name}”只有层级“{level[1]}”，没有地名"
        problems.append(_not_the_full_name(report, name, said, f"（如“××{name}”）"))
    problems += [
        *_calls_itself_a_committee(report, organ),
        *_calls_itself_another_township(report, organ),
        *_colloquial_in_title(report),
        *_half_name_in_title(report),
        *_title_short_of_a_level(report, organ),
        *_bare_we(report, organ),
        *_bare_all(report, organ),
        *_government_without_level(report, organ),
        *_organ_without_county_level(report, organ),
        *_no_such_district(report),
    ]
    variants = {}
    for place in places.in_name(organ):
        short = places.short_name(place.name)
        at = organ.find(place.name)
        if short is None or at < 0 or len(organ) - at - len(place.name) < 4:
            continue
        variants[organ[:at] + short + organ[at + len(place.name) :]] = place.name[len(short) :]
        if at > 0:  # and without the places above it: "信州人民政府" for 上饶市信州区人民政府 (信州区 2019)
            variants[short + organ[at + len(place.name) :]] = place.name[len(short) :]
    variants.update(_shortened_place(organ))
    slips = {v: said for v, said in _one_character_off(organ).items() if v not in variants}
    for keypath, text in (*narrative_strings(report), *typed_table_strings(report)):
        for variant, level in variants.items():
            # a bare short name counted once: not where it is the end of a longer variant already said
            if variant in text and not any(v != variant and v.endswith(variant) and v in text for v in variants):
                problems.append(
                    warning(
                        "common.organ-name",
                        f"机关名称“{variant}”少了“{level}”：应为“{organ}”",
                        report.ref(keypath),
                        expected=organ,
                        found=variant,
                    )
                )
        for variant, said in slips.items():
            at = text.find(variant)
            if at >= 0 and text.find(organ, max(at - 2, 0), at + len(organ) + 2) < 0:
                problems.append(
                    warning(
                        "common.organ-name",
                        f"机关名称“{variant}”{said}：应为“{organ}”",
                        report.ref(keypath),
                        expected=organ,
                        found=variant,
                    )
                )
    return problems


#: level words: leaving one out after a place is a short form the place rules judge, not a slip of one character
_LEVEL_CHARACTERS = "省市县区州旗盟镇乡"


def _one_character_off(organ: str) -> dict[str, str]:
    """The organ's full name with one character left out ("大安市牧业管理局" for 大安市畜牧业管理局) or typed twice
    ("涵江区区卫生局"), each with what to say of it; only names of six characters or more, and never a level word
    left out (平潭财政局 is a short form)."""
    if len(organ) < 6:
        return {}
    slips: dict[str, str] = {}
    for i, character in enumerate(organ):
        doubled = organ[: i + 1] + character + organ[i + 1 :]
        slips.setdefault(doubled, f"多了一个“{character}”")
        if character not in _LEVEL_CHARACTERS:
            dropped = organ[:i] + organ[i + 1 :]
            if dropped not in organ:
                slips.setdefault(dropped, f"少了“{character}”")
    return slips


def late_report_problems(report: Report) -> list[Problem]:
    """A report dated (成文日期) or published (公布日期, ``report.published``) after the statutory deadline for the
    report year; the law asks for the report to be *published* by then, so a report dated in time but put on the
    portal later is late too."""
    data = report.data.get("report") or {}
    year = report_year(report.data)
    signature = report.data.get("signature")
    signed = isinstance(signature, Mapping) and isinstance(signature.get("date"), dt.date)
    dates = [
        ("成文日期", "signature.date" if signed else "report.date", signature["date"] if signed else data.get("date")),
        ("公布日期", "report.published", data.get("published")),
    ]
    if year is None:
        return []
    organ = data.get("organ") if isinstance(data.get("organ"), str) else ""
    government = report.format.key == "legacy" or not is_department(organ)
    deadline = dt.date(year + 1, 3, 31) if government else dt.date(year + 1, 1, 31)
    who = "各级人民政府" if government and report.format.key != "legacy" else ("政府部门" if not government else "")
    law = "2008年条例第三十一条" if report.format.key == "legacy" else "条例第五十条"
    for what, keypath, dated in dates:  # the first late date is the one to report: a late 成文日期 is late publishing
        if isinstance(dated, dt.date) and dated.toordinal() > deadline.toordinal():
            return [
                warning(
                    "common.late-report",
                    f"{what}{dated.isoformat()}晚于{law}规定的期限：{who}{year}年度报告应于{deadline.isoformat()}前公布",
                    report.ref(keypath),
                    expected=f"不晚于 {deadline.isoformat()}",
                    found=dated.isoformat(),
                )
            ]
    return []


@hookimpl
def gongkai_check(report: Report) -> list[Problem]:
    return [
        *foreign_organ_problems(report),
        *foreign_place_problems(report),
        *foreign_scope_problems(report),
        *missing_zhou_problems(report),
        *signature_organ_problems(report),
        *organ_name_problems(report),
        *department_as_government_problems(report),
        *late_report_problems(report),
        *abolished_organ_problems(report),
        *ended_campaign_problems(report),
        *anachronistic_organ_problems(report),
        *superseded_wording_problems(report),
    ]
