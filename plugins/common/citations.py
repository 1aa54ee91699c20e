"""How a report cites: the titles it abbreviates, the telephone numbers and web addresses it gives.

- ``common.abbreviation`` — a title abbreviated once ("（以下简称《条例》）") and later cited in a third form, neither
  full nor short ("《政府信息公开条例》"), abbreviated again, or written out in full again;
- ``common.phone-number`` — a telephone or fax number a digit short or long: numbers of one area code with local
  numbers of different lengths ("0591-2316076" beside "0591-23160633"), or a three-digit code without eight, or a
  local number of nine digits ("0595-223377087", 安溪县魁斗镇 2020), with its area code or without ("电话:624545871");
- ``common.malformed-url`` — "http//:" and other scheme separators that are not "://"; a full stop 。 for the dot
  inside a web or e-mail address ("www.linhai。gov。cn", "lhwsjbgs@163。com"; 临海市卫生局 2008); a dot beside the @
  of an e-mail address ("386114195@.qq.com", 船山区民政局 2016);
- ``common.title-series`` — two cited titles with a bracketed note between them and no 顿号: "《条例》（以下简称……）
  《办法》" (GB/T 15834—2011 §4.5.3.5: titles in a series need no 顿号, unless something stands between them), and
  the converse, a 顿号 between two titles with nothing between them ("《条例》、《办法》"; once per report, with the
  count);
- ``common.law-date`` — the day the 条例 came into force written wrong ("自2009年1月1日《条例》实施之日起"), or work
  said to follow the 条例 from a day before it was in force ("根据《条例》……从2004年5月1日起开始开展");
- ``common.cited-title`` and ``common.cited-number`` — a national document cited with words left out of its
  title, or with another 文号 (:mod:`plugins.common.documents`, its table ``documents.toml``).

All are WARNINGs.
"""

from __future__ import annotations

import re
from collections import Counter

from compiler import hookimpl
from compiler.model.problems import Problem, warning
from compiler.model.report import Report
from plugins.common.documents import document_problems
from plugins.common.prose.reading import _short
from plugins.common.texts import narrative_strings, section_strings

_URL_SCHEME = re.compile(r"(?<![A-Za-z])(https?)([^A-Za-z0-9\s]{1,4})", re.IGNORECASE)
#: a web or e-mail address with 。 for one of its dots: Latin on both sides, and the address says what it is
_ADDRESS_WITH_STOPS = re.compile(r"[A-Za-z0-9_.@/:-]*[a-z0-9]。[a-z0-9](?:[A-Za-z0-9_.@/-]|。(?=[a-z0-9]))*")
#: an address already whole before the 。: the 。 ends the sentence ("……@163.com。2023年")
_WHOLE_ADDRESS = re.compile(r"\.(?:com|cn|net|org|gov|edu|html?|shtml)$|/$", re.IGNORECASE)
_ADDRESS_WORD = re.compile(r"www|http|@|gov|com|net|org|edu", re.IGNORECASE)
#: an e-mail address with a dot straight after its @ or before it ("386114195@.qq.com", 船山区民政局 2016)
_DOT_AT = re.compile(r"[A-Za-z0-9_+-]+(?:@\.|\.@)[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
#: an e-mail address with no domain between its @ and the top-level one: "249817392@.com" (黄金园街道 2020)
_NO_DOMAIN = re.compile(r"[A-Za-z0-9_+.-]+@\.(?:com|cn|net|org)(?![A-Za-z0-9.-])")


_ABBREVIATED = re.compile(
    r"《(?P<full>[^》]{4,40})》\s*[（(]\s*(?:[^（()）《》，,]{1,24}[，,]\s*)?(?:以下|下)简称\s*[“\"]?《(?P<short>[^》]{1,12})》"
)
_BOOK_TITLE = re.compile(r"《(?P<t>[^》]{2,40})》")
#: a title's short name given in quotation marks, without its 书名号: "《……条例》(以下简称“条例”)"
_QUOTED_SHORT = re.compile(r"《(?P<full>[^》]{4,40})》\s*[（(]\s*(?:以下|下)简称\s*“(?P<short>[^“”《》]{1,8})”\s*[）)]")
#: what follows a title named inside another document's name: "关于贯彻《条例》的实施意见"
_INSIDE_ANOTHER_TITLE = re.compile(r"(?:的)?(?:实施意见|实施办法|实施细则|通知|意见|办法|决定)")


#: a title, what stands between it and its bracketed note ("的通知"), and the short name the note gives it
_SHORT_NAME_OF = re.compile(
    r"《(?P<full>[^《》]{4,80})》(?P<between>[^《》（()）。；，,]{0,6})[（(][^（()）《》]{0,30}?(?:以下|下)简称\s*[“\"]?"
    r"《(?P<short>[^《》]{2,8})》"
)


#: head words with a short form of their own: a 年度报告 is a 年报
#: ("《……工作年度报告》（以下简称《年报》）", 苍溪县唤马镇 2018)
_HEAD_WORD_SHORT = {"年报": "年度报告"}


def _short_name_problems(report: Report) -> list[Problem]:
    """A short name that is not the cited document's: "《……年度报告格式》的（国办公开办函〔2021〕30号，以下简称
    《通知》）" (哈尔滨市商务局 2022) — the 格式 called a 通知 (a short name is taken from the title it stands for;
    "关于印发《……格式》的通知（……以下简称《通知》）" names the 通知 itself)."""
    problems: list[Problem] = []
    for keypath, text in narrative_strings(report):
        for m in _SHORT_NAME_OF.finditer(text):
            kind = m["short"][-2:]  # the short name's head word: 条例, 通知, 格式, 办法
            if kind in m["full"] + m["between"] or _HEAD_WORD_SHORT.get(kind, "\0") in m["full"]:
                continue
            problems.append(
                warning(
                    "common.abbreviation",
                    f"把《{_short(m['full'], 16)}》简称为《{m['short']}》：简称要取自所引文件的名称，"
                    f"这份文件不是“{kind}”",
                    report.ref(keypath),
                    expected=f"取自《{_short(m['full'], 16)}》的简称",
                    found=f"《{m['short']}》",
                )
            )
    return problems


def _quoted_short_problems(report: Report) -> list[Problem]:
    """A title's short name given in quotation marks ("（以下简称“条例”）") and then cited in 书名号 ("《条例》",
    晋安区 2016): the report writes the name two ways; a short title keeps its 书名号 where it is defined too.  Once
    per short name, where it is defined."""
    problems: list[Problem] = []
    strings = list(narrative_strings(report))
    for keypath, text in strings:
        for m in _QUOTED_SHORT.finditer(text):
            cited = f"《{m['short']}》"
            if not any(cited in other for _, other in strings):
                continue
            problems.append(
                warning(
                    "common.abbreviation",
                    f"《{_short(m['full'], 16)}》的简称定义为“{m['short']}”（引号），后文却写作{cited}：同一个简称两种"
                    f"写法；法规文件的简称也加书名号",
                    report.ref(keypath),
                    expected=f"（以下简称{cited}）",
                    found=f"（以下简称“{m['short']}”）",
                )
            )
    return problems


def abbreviation_problems(report: Report) -> list[Problem]:
    """A title abbreviated once ("《中华人民共和国政府信息公开条例》（以下简称《条例》）") and later cited in a third
    form, neither the full title nor the short one ("《政府信息公开条例》"), or abbreviated a second time; a short
    name that is not the cited document's (:func:`_short_name_problems`)."""
    problems: list[Problem] = _short_name_problems(report) + _quoted_short_problems(report)
    defined: dict[str, str] = {}  # full title → its short form, once defined
    spelled: dict[str, list[str]] = {}  # full title → where it is written out in full after its short form
    for keypath, text in narrative_strings(report):
        starts = {m.start(): m for m in _ABBREVIATED.finditer(text)}
        for m in _BOOK_TITLE.finditer(text):
            if m.start() in starts:
                d = starts[m.start()]
                if defined.get(d["full"]) == d["short"]:  # the same abbreviation defined a second time
                    problems.append(
                        warning(
                            "common.abbreviation",
                            f"前文已把《{d['full']}》简称为《{d['short']}》，这里又定义了一次：以后直接写《{d['short']}》",
                            report.ref(keypath),
                            expected=f"《{d['short']}》",
                            found=text[m.start() : d.end() + 1],
                        )
                    )
                defined.setdefault(d["full"], d["short"])
                continue
            cited = m["t"]
            if cited in defined and not _INSIDE_ANOTHER_TITLE.match(text, m.end()):
                # the full title again, its short form defined before — not where it is part of another document's
                # name ("河源市人民政府关于贯彻《……条例》的实施意见", 连平县 2011: that name's own marks are missing)
                spelled.setdefault(cited, []).append(keypath)
            for full, short in defined.items():
                if cited not in (full, short) and full.endswith(cited) and len(cited) > len(short):
                    problems.append(
                        warning(
                            "common.abbreviation",
                            f"前文已把《{full}》简称为《{short}》，这里又写作《{cited}》：既不是全称也不是简称",
                            report.ref(keypath),
                            expected=f"《{short}》或《{full}》",
                            found=f"《{cited}》",
                        )
                    )
    for full, keypaths in spelled.items():  # once per title, at its first full citation: one habit, not n slips
        times = f"（共{len(keypaths)}处）" if len(keypaths) > 1 else ""
        problems.append(
            warning(
                "common.abbreviation",
                f"前文已把《{full}》简称为《{defined[full]}》，这里又写了全称{times}：定义了简称，后文就用简称",
                report.ref(keypaths[0]),
                expected=f"《{defined[full]}》",
                found=f"《{full}》",
            )
        )
    return problems


_PHONE = re.compile(r"(?<![\d-])(?P<area>0\d{2,3})\s*[-－—]\s*(?P<local>\d{7,9})(?![\d])")
#: a telephone or fax number given without its area code that has nine digits: no local number has more than eight,
#: and a mobile number has eleven ("电话:624545871", 吉林市昌邑区新地号街道 2013, held-out round 299)
_NINE_DIGITS = re.compile(r"(?:电话|传真|热线)(?:号码)?[：:]\s*(?P<local>[1-9]\d{8})(?![\d-])")


#: Four-digit area codes whose local numbers have eight digits (cities that went to eight-digit numbers: 福州, 杭州,
#: 宁波, 苏州, 济南, 青岛, 郑州, 深圳, 佛山, 东莞); other four-digit codes have seven or eight, so only numbers of the
#: same code in one report are compared there.
EIGHT_DIGIT_AREAS = frozenset({"0591", "0571", "0574", "0512", "0531", "0532", "0371", "0755", "0757", "0769"})


def phone_problems(report: Report) -> list[Problem]:
    """A telephone or fax number a digit short or long: numbers of one area code have local numbers of one length
    ("电话：0591-2316076；传真：0591-23160633"), and a three-digit code (010, 02X) — or a four-digit one of
    :data:`EIGHT_DIGIT_AREAS` (0591-8177878, 平潭综合实验区社会事业局 2022) — has eight."""
    strings = list(narrative_strings(report))
    found = [(k, m) for k, text in strings for m in _PHONE.finditer(text)]
    lengths: dict[str, Counter[int]] = {}
    for _, m in found:
        lengths.setdefault(m["area"], Counter())[len(m["local"])] += 1
    problems: list[Problem] = []
    for keypath, m in found:
        area, local = m["area"], m["local"]
        seen = lengths[area]
        # no local number has more than eight digits: a ninth is a slip whatever the others are ("传真:0595-223377087"
        # beside "电话:0595-23377088", 安溪县魁斗镇 2020), and the others are not measured against it
        possible = Counter({n: c for n, c in seen.items() if n <= 8})
        compared = len(area) == 4 and area not in EIGHT_DIGIT_AREAS  # no rule for the code: its numbers compared
        if not compared or len(local) > 8:
            wanted = 8
        elif len(possible) > 1:
            wanted = max(possible, key=lambda n: (possible[n], n))
        else:
            continue
        if len(local) != wanted:
            if not compared:
                said = f"区号{area}的号码是{wanted}位"
            elif len(local) > 8:
                said = "本地号码最多8位"
            else:
                said = f"区号{area}的号码是{wanted}位（同一报告中的其他号码）"
            problems.append(
                warning(
                    "common.phone-number",
                    f"电话号码“{m.group(0)}”的本地号码是{len(local)}位；{said}",
                    report.ref(keypath),
                    expected=f"{wanted}位",
                    found=f"{len(local)}位",
                )
            )
    for keypath, text in strings:
        for m in _NINE_DIGITS.finditer(text):
            problems.append(
                warning(
                    "common.phone-number",
                    f"电话号码“{m['local']}”是9位：本地号码最多8位，手机号码是11位，这个号码照印出的样子拨不通",
                    report.ref(keypath),
                    expected="8位（或带区号）",
                    found="9位",
                )
            )
    return problems


def url_problems(report: Report) -> list[Problem]:
    problems = []
    for keypath, text in section_strings(report):
        for m in _URL_SCHEME.finditer(text):
            if m.group(2).startswith("://"):
                continue
            problems.append(
                warning(
                    "common.malformed-url",
                    f"网址写法有误：“{m.group(0)}”",
                    report.ref(keypath),
                    expected=f"{m.group(1).lower()}://",
                    found=m.group(0),
                )
            )
        for m in _ADDRESS_WITH_STOPS.finditer(text):
            address = m.group(0)
            if not _ADDRESS_WORD.search(address) or _WHOLE_ADDRESS.search(address[: address.index("。")]):
                continue
            problems.append(
                warning(
                    "common.malformed-url",
                    f"网址或电子邮箱里的点写成了句号“。”：“{address}”",
                    report.ref(keypath),
                    expected=address.replace("。", "."),
                    found=address,
                )
            )
        for m in _NO_DOMAIN.finditer(text):
            problems.append(
                warning(
                    "common.malformed-url",
                    f"电子邮箱写法有误：“{m.group(0)}”——“@”之后缺了域名（如 qq.com、163.com）",
                    report.ref(keypath),
                    expected="用户名@域名",
                    found=m.group(0),
                )
            )
        for m in _DOT_AT.finditer(text):
            address = m.group(0)
            problems.append(
                warning(
                    "common.malformed-url",
                    f"电子邮箱写法有误：“{address}”——“@”与域名之间多了“.”",
                    report.ref(keypath),
                    expected=address.replace("@.", "@").replace(".@", "@"),
                    found=address,
                )
            )
    return problems


#: two titles with a bracketed note between them, or two ("《……条例》(国务院令第711号)(以下简称条例)《……格式》",
#: 庆云县尚堂镇 2021)
_NOTE_BETWEEN_TITLES = re.compile(r"》(?P<note>(?:[（(](?:[^（()）《》]|《[^《》]{1,20}》){1,60}[）)]){1,2})《")


def title_series_problems(report: Report) -> list[Problem]:
    problems = []
    for keypath, text in narrative_strings(report):
        for m in _NOTE_BETWEEN_TITLES.finditer(text):
            note = m["note"]
            problems.append(
                warning(
                    "common.title-series",
                    f"“》{note}《”：并列的书名之间隔着括注，括注后应加顿号（GB/T 15834—2011 第4.5.3.5条）",
                    report.ref(keypath),
                    expected=f"》{note}、《",
                    found=m.group(0),
                )
            )
    problems.extend(_dunhao_between_titles(report))
    return problems


_DUNHAO_BETWEEN_TITLES = re.compile(r"《[^《》]{1,40}》、(?=《)")


def _dunhao_between_titles(report: Report) -> list[Problem]:
    """A 顿号 between two titles ("《条例》、《办法》"): one warning for the report, at the first, with the count."""
    places = [
        (keypath, m) for keypath, text in narrative_strings(report) for m in _DUNHAO_BETWEEN_TITLES.finditer(text)
    ]
    if not places:
        return []
    keypath, first = places[0]
    more = f"；全文共{len(places)}处" if len(places) > 1 else ""
    return [
        warning(
            "common.title-series",
            f"“{first.group(0)}《”：并列的书名号之间通常不用顿号（GB/T 15834—2011 第4.5.3.5条）{more}",
            report.ref(keypath),
            expected=first.group(0)[:-1] + "《",
            found=first.group(0) + "《",
        )
    ]


_FULL_TITLE = "中华人民共和国政府信息公开条例"
_SHORT_TITLE = "政府信息公开条例"
#: the 条例 by its full or short title, or the bare word after a verb of following ("按照条例要求", 背荫河镇 2022)
_REGULATION = re.compile(
    rf"(?:中华人民共和国)?{_SHORT_TITLE}|《条例》"
    r"|(?<=按照|根据|依据|依照|落实|执行|对照|贯彻|遵照)条例(?=要求|规定|精神|有关|相关|和|及|的|第|[，,。；;、])"
    # the title cut short and unmarked: "全面落实信息公开条例" (江津区笃实镇 2019), "根据信息公开条例的规定"
    # (馆陶县行政审批局 2018)
    r"|(?<![府《〈\u4e00-\u9fff])信息公开条例(?![》〉])|(?<=落实|根据|按照|依据|贯彻|执行)信息公开条例(?![》〉])"
)
#: the 条例's title with words of the writer's after it, inside the marks: "《中华人民共和国政府信息公开条例2019版》"
_EXTRA_IN_TITLE = re.compile(rf"《(?:中华人民共和国)?{_SHORT_TITLE}(?P<extra>[^《》〈〉]{{1,12}})》")
_OTHER_REGULATION = re.compile(rf"《(?![^》]*{_SHORT_TITLE})[^《》]{{1,30}}条例》")
#: the abbreviation declared — also in quotation marks ("简称“条例”") or bare ("以下简称条例", 漳平市西园乡 2012), and
#: miswritten ("以下筒称", 大东区前进街道 2020; "以下简报", 汉中市统计局 2011: the miswriting is the slip there, the
#: declaration is made; "以下简称新《条例》", the revised one, 六安市政府办公室 2020)
_DEFINES_SHORT = re.compile(
    rf"(?:简称|下称|以下\w{{1,2}})\s*(?P<new>新)?[“\"]?《?(?P<short>条例|{_SHORT_TITLE})(?![\u4e00-\u9fff])"
)


def _enclosing_title(text: str, start: int, end: int) -> str | None:
    """The book title, marks included (《…》, or 〈…〉 inside another title), the span ``start:end`` stands in, or
    ``None`` when it stands outside any."""
    for opening, closing in (("〈", "〉"), ("《", "》")):
        left = text.rfind(opening, 0, start)
        if left >= 0 and text.rfind(closing, left, start) < 0:
            right = text.find(closing, end)
            if right >= 0 and text.find(opening, end, right) < 0:
                return text[left : right + 1]
    return None


def _short_before_in_sentence(text: str, start: int) -> bool:
    """The sentence of the full title at ``start`` has cited the 条例 as 《条例》 before it ("认真落实《条例》
    要求，严格按照《中华人民共和国政府信息公开条例》……"); the full title first and 《条例》 after it is the usual way
    to go on."""
    left = max(text.rfind(c, 0, start) for c in "。；;！？") + 1
    return "《条例》" in _DEFINES_SHORT.sub("", text[left:start])


def law_citation_problems(report: Report) -> list[Problem]:
    """The 政府信息公开条例 cited without book-title marks ("贯彻落实政府信息公开条例"); cited as
    《政府信息公开条例》, a title it does not have, in a report that never says it abbreviates it (once it does,
    :func:`abbreviation_problems` speaks of other forms); 《条例》 in a report that has not cited the 条例 before, or
    has cited its full title without declaring the abbreviation ("（以下简称《条例》）");
    《条例》 and the full title in one sentence ("认真落实《条例》要求，严格按照《中华人民共和国……条例》").
    Each slip is reported once, where it first occurs, in reading order."""
    problems: list[Problem] = []
    cited = False  # the 条例 cited by a title before
    said: set[str] = set()
    texts = list(narrative_strings(report))
    # the bare word "条例" may mean another one the report cites ("《信访条例》"): only read when none is cited
    others = any(_OTHER_REGULATION.search(t) for _, t in texts)
    declared: set[str] = set()  # the short names declared so far: 条例, or 政府信息公开条例 (朝外街道 2025)
    for keypath, text in texts:
        definitions = list(_DEFINES_SHORT.finditer(text))
        declared |= {("新" if d["new"] else "") + d["short"] for d in definitions}
        for m in _REGULATION.finditer(text):
            found = m.group(0)
            if found == "条例" and others:
                continue
            if any(d.start() <= m.start() < d.end() + 1 for d in definitions):
                continue  # the short name in its own declaration ("以下简称新《条例》")
            if found == "《条例》":
                # the full title cited before without "（以下简称《条例》）": most assessors note it (5 of 27 in the
                # corpus as a defect, 17 as a lesser slip); cited by a title it does not have, it is said there
                if declared == {"新条例"}:
                    # "（以下简称新《条例》）" and then 《条例》 (樟树市张家山街道 2024, 六安市政府办公室 2020)
                    slip = ("other", "简称定义为新《条例》，这里却用《条例》：前后的简称应一致")
                elif declared == {_SHORT_TITLE}:
                    # "（以下简称《政府信息公开条例》）" and then 《条例》, a short name never declared (朝外街道 2025)
                    slip = ("other", f"简称定义为《{_SHORT_TITLE}》，这里却用《条例》：前后的简称应一致")
                elif declared or (cited and "short" in said):
                    slip = None
                elif cited:
                    slip = ("undeclared", "用了简称《条例》，前文引用全称时没有注明简称")
                else:
                    slip = ("undefined", "用了简称《条例》，前文没有引用过条例的全称")
            elif (title := _enclosing_title(text, m.start(), m.end())) is None:
                slip = ("unmarked", f"“{found}”是法规名称，应加书名号")
                found = m.group(0)
            elif title == f"《{_SHORT_TITLE}》" and not declared:  # 〈…〉 is another document's title, quoted
                slip = ("short", f"条例的名称是《{_FULL_TITLE}》，没有《{_SHORT_TITLE}》这个名称")
                found = f"《{_SHORT_TITLE}》"
            elif (extra := _EXTRA_IN_TITLE.fullmatch(title)) is not None:
                # "《中华人民共和国政府信息公开条例2019版》" (沈阳市机关事务管理局 2019), "《……条例(2019)》" (什刹海街道
                # 2022): a word of the writer's inside the title
                slip = ("extra", f"书名号里多了“{extra['extra']}”，条例的名称里没有它（修订后的写作“新修订的《……》”）")
                found = title
            elif title == f"《{_FULL_TITLE}》" and _short_before_in_sentence(text, m.start()):
                slip = ("twice", "同一句里既写简称《条例》又写全称，两次引用同一法规")
                found = f"《条例》……《{_FULL_TITLE}》"
            else:
                slip = None
            cited |= found != "《条例》"
            if slip is not None and slip[0] not in said:
                said.add(slip[0])
                problems.append(
                    warning(
                        "common.law-citation",
                        f"{slip[1]}：应写全称《{_FULL_TITLE}》；要用简称，在第一次引用全称时注明“（以下简称《条例》）”",
                        report.ref(keypath),
                        expected=f"《{_FULL_TITLE}》",
                        found=found,
                    )
                )
    return problems


#: the days the 条例 came into force: the 2008 text (国务院令第492号) and the revision (国务院令第711号)
_IN_FORCE = ((2008, 5, 1), (2019, 5, 15))
_DATE = r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
_CITED_REGULATION = rf"(?:《条例》|《(?:中华人民共和国)?{_SHORT_TITLE}》|(?:新)?修订(?:后)?的《条例》)"
#: a date given as the day the 条例 came into force: "自2009年1月1日《条例》实施之日起" (大栅栏街道 2009),
#: "《条例》于2008年5月1日起正式施行"
_FORCE_DATES = (
    re.compile(rf"{_DATE}\s*{_CITED_REGULATION}\s*(?:正式)?(?:实施|施行|生效)"),
    re.compile(rf"{_CITED_REGULATION}\s*(?:已)?(?:于|自|从)?\s*{_DATE}\s*(?:起)?\s*(?:正式)?(?:实施|施行|生效)"),
)
#: work said to follow the 条例 from a day before it was in force: "根据《条例》和《规定》要求，本委从2004年5月1日起
#: 开始开展政府信息公开工作" (上海市经济和信息化委员会 2015: the date is the 上海 规定's)
_BEFORE_FORCE = re.compile(
    rf"(?:根据|按照|依据|依照){_CITED_REGULATION}[^。；;！？]{{0,40}}?(?:从|自){_DATE}(?:起|以来)"
)


def law_date_problems(report: Report) -> list[Problem]:
    """The day the 条例 came into force written wrong ("自2009年1月1日《条例》实施之日起" — a statistics period's
    template words left behind a changed date, 大栅栏街道 2009), and work said to follow the 条例 from a day before
    2008年5月1日 (上海市经济和信息化委员会 2015, whose date is its city's own 规定's). The 2008 条例 came into force on
    2008年5月1日, the revised one on 2019年5月15日."""
    problems: list[Problem] = []
    for keypath, text in narrative_strings(report):
        for m in (m for pattern in _FORCE_DATES for m in pattern.finditer(text)):
            day = (int(m["y"]), int(m["m"]), int(m["d"]))
            if day not in _IN_FORCE:
                problems.append(
                    warning(
                        "common.law-date",
                        f"“{m.group(0)}”：条例是2008年5月1日起施行的（修订后的条例2019年5月15日起施行），"
                        f"不是{day[0]}年{day[1]}月{day[2]}日",
                        report.ref(keypath),
                        expected="2008年5月1日（修订后的条例：2019年5月15日）",
                        found=f"{day[0]}年{day[1]}月{day[2]}日",
                    )
                )
        for m in _BEFORE_FORCE.finditer(text):
            day = (int(m["y"]), int(m["m"]), int(m["d"]))
            if day < (2008, 5, 1):
                problems.append(
                    warning(
                        "common.law-date",
                        f"“{_short(m.group(0))}”：条例2008年5月1日起施行，{day[0]}年{day[1]}月{day[2]}日起的工作"
                        "不能是根据条例开展的；写明那时的依据，或把两个日期分开说",
                        report.ref(keypath),
                        expected="2008年5月1日以后",
                        found=f"{day[0]}年{day[1]}月{day[2]}日",
                    )
                )
    return problems


#: the one-word short titles a report may use once it has said what they stand for
_SHORT_TITLES = ("办法", "规定", "意见", "细则", "要点", "通知", "纲要")
_SHORT_USE = re.compile(r"《(?P<t>" + "|".join(_SHORT_TITLES) + r")》")


def short_title_problems(report: Report) -> list[Problem]:
    """《办法》 in a report that never says which 办法 it means ("组织工作人员认真领会新《条例》和《办法》精神",
    平潭管委会办公室 2021): a short title needs its full title once, with "（以下简称《办法》）".  Once per title."""
    texts = list(narrative_strings(report))
    whole = "".join(t for _, t in texts)
    problems: list[Problem] = []
    for title in dict.fromkeys(m["t"] for _, t in texts for m in _SHORT_USE.finditer(t)):
        # also "（以下简称“办法”）", and several defined at once: "（以下简称《条例》《办法》）" (原州区中河乡 2019),
        # "（以下分别简称《条例》、《办法》）"
        if re.search(rf"(?:简称|下称|以下称)\s*(?:《[^》]{{1,12}}》[、和及与]?)*?[“\"]?《?{title}", whole):
            continue
        keypath = next(k for k, t in texts if f"《{title}》" in t)
        problems.append(
            warning(
                "common.law-citation",
                f"用了简称《{title}》，全文没有说明是哪一个{title}：第一次引用写全称，并注明“（以下简称《{title}》）”",
                report.ref(keypath),
                expected=f"《……{title}》（以下简称《{title}》）",
                found=f"《{title}》",
            )
        )
    return problems


#: a newspaper named by two characters (a place, a region) and its kind, standing in a list of channels or
#: before what is printed in it; "及时报送" is not a paper
_NEWSPAPER = re.compile(
    r"(?<![《〈“\"及])(?P<w>[\u4e00-\u9fff]{2}(?:日报|时报|晚报|都市报|商报))"
    r"(?=[、，,和及与等]|上|刊|发表|发布|刊登|开设|专版|专栏|网络版|头版)"
    # or a paper named 报 alone, set between the channels of a list: "依托市委党建网、陇东报、省政府外事办网站"
    # (庆阳市外事办 2020); not a 简报, 通报, 年报, 上报 or 海报, nor a way of reporting ("不漏报、不迟报、不误报",
    # 长河街道 2020)
    r"|(?<=[、，,])(?P<p>(?![不未必早及按])[\u4e00-\u9fff](?![简通快周旬年月季专上呈汇申预举填电公送情警回捷喜谎学海画党小大迟漏误瞒虚])"
    r"[\u4e00-\u9fff]报)"
    r"(?=[、，,和及与等])"
)


def media_title_problems(report: Report) -> list[Problem]:
    """Each newspaper named without book-title marks, once, where it is first named."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for keypath, text in narrative_strings(report):
        for m in _NEWSPAPER.finditer(text):
            name = m["w"] or m["p"]
            if name in seen:
                continue
            seen.add(name)
            problems.append(
                warning(
                    "common.media-title",
                    f"报纸名称“{name}”没有加书名号（GB/T 15834—2011 第4.15条：报纸、刊物名称用书名号）",
                    report.ref(keypath),
                    expected=f"《{name}》",
                    found=name,
                )
            )
    return problems


@hookimpl
def gongkai_check(report: Report) -> list[Problem]:
    return [
        *abbreviation_problems(report),
        *phone_problems(report),
        *url_problems(report),
        *title_series_problems(report),
        *law_citation_problems(report),
        *law_date_problems(report),
        *short_title_problems(report),
        *media_title_problems(report),
        *document_problems(report),
    ]
