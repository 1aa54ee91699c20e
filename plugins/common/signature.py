"""``[signature]``: the issuing body and date at the end of the text (GB/T 9704 §7.3.5.2).

Both default to ``[report]``: a report without ``[signature]`` is signed with the report's organ and date, like
a bare ``[signature]`` table.  A report published with no 署名 and 成文日期 says so with ``omit = true``:
nothing is printed and a warning says what GB/T 9704 expects (``common.no-signature``).  A report published
with the date alone (平潭县人民政府 2011: only "二○一二年二月二十日" under the text) writes ``organ = ""``: the
date is printed alone, 右空二字 as §7.3.5.2 sets a date longer than its 署名, and a warning says that the
署名 is missing (``common.signature-date-only``).
A report that prints its 署名 and 成文日期 centred under the title instead (a local practice: 上海市青浦区教育局 2011,
"上海市青浦区教育局" / "2012年2月15日") writes ``place = "under-title"``: the two lines are printed there, nothing
after the text, and a warning says where GB/T 9704 puts them (``common.signature-place``).
A 附注 printed under the date ("（此件主动公开）", §7.3.6) is ``note = "此件主动公开"``.
The date is written the official way, 2019年2月14日 — Arabic numerals, no leading zeros.  A report that printed
it otherwise — in Chinese numerals, "二〇一〇年四月十日", as GB/T 9704-1999 had it — keeps that form in
``printed_date``; it must name the same day as ``date`` (checked), and a warning says that GB/T 9704-2012 writes
the date in Arabic numerals (``common.date-style``); a zero printed as the circle "○", the letter "O" or 零 where
the numeral 〇 belongs ("二○一○年") is named too (``common.date-zero``).  A date printed in round brackets — the
way a report printed as a speech or a 题注 dates itself under its title, "（2014年3月11日）" (广东省人民政府办公厅
2013) — is ``printed_date = "（2014年3月11日）"``, printed as typed; after the text, where GB/T 9704 writes the
成文日期 bare, a warning says to drop the brackets (``common.date-style``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from compiler import hookimpl
from compiler.model.document import Block, Paragraph, Run, Signature
from compiler.model.numbering import parse_chinese_number
from compiler.model.problems import Problem
from compiler.model.schema import Field, Schema
from compiler.model.sections import SectionContext, SectionType

SCHEMA = Schema(
    (
        Field("organ", "str", description='落款机关（默认同 report.organ；写 "" 则只排成文日期，照原报告）'),
        Field("date", "date", description="成文日期（默认同 report.date）", example=dt.date(2025, 3, 31)),
        Field("omit", "bool", description="原报告没有落款时写 true：不排署名和成文日期（会提示）"),
        Field(
            "printed_date",
            "str",
            description="成文日期照原报告印出的写法（如“二〇一〇年四月十日”，或标题下加括号的“（2014年3月11日）”），"
            "须与 date 是同一天",
        ),
        Field(
            "place",
            "str",
            description='落款印在哪里：默认在正文之后；原报告把署名和成文日期印在标题下（居中）时写 "under-title"'
            "（会提示）",
        ),
        Field(
            "note",
            "str",
            description="附注（如“此件主动公开”，不写括号）：排在成文日期下一行，居左空二字，加圆括号",
        ),
    ),
    description="落款：机关与成文日期",
)


def chinese_date(value: Any) -> str:
    """``2019-02-14`` → ``2019年2月14日``; a value that is not a date is returned as written."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return ""


_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0", "O": "0", "Ｏ": "0"}
_CN_NUMBER = "[一二三四五六七八九十]{1,3}"
#: a year in Chinese numerals whose zero is a circle, a letter or 零: "二○一○年", "二O一一年", "二零一二年"
_WRONG_ZERO = re.compile(
    r"(?P<year>(?=[〇○OＯ零一二三四五六七八九]{4}年)[〇一二三四五六七八九]*[○OＯ零][〇○OＯ零一二三四五六七八九]*)年"
)

#: A date in Chinese numerals, "二○一○年四月十日" (also where it stands in a line: importers search with it).
#: "二○一○年四月十日"; January may be printed 元月 ("二○一一年元月二十日", 平潭县环境保护局 2010)
CN_DATE = re.compile(rf"([〇○零OＯ一二三四五六七八九]{{4}})年({_CN_NUMBER}|元)月({_CN_NUMBER})日")


#: a date printed in round brackets, "（2014年3月11日）": the date inside
_BRACKETED = re.compile(r"^\s*[（(]\s*(.*?)\s*[）)]\s*$")


def bracketed(text: str) -> bool:
    """Whether a printed date is in round brackets: "（2014年3月11日）"."""
    return _BRACKETED.match(text) is not None


def parse_printed_date(text: str) -> dt.date | None:
    """``二○一○年四月十日`` → 2010-04-10 (also 2010年4月10日, and either in round brackets); ``None`` if it is
    not a date."""
    inside = _BRACKETED.match(text)
    text = inside.group(1) if inside else text
    m = CN_DATE.fullmatch(text.strip())
    try:
        if m:
            month = 1 if m.group(2) == "元" else parse_chinese_number(m.group(2))
            day = parse_chinese_number(m.group(3))
            if month is None or day is None:
                return None
            return dt.date(int("".join(_CN_DIGITS[c] for c in m.group(1))), month, day)
        arabic = re.match(r"^\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*$", text)
        return dt.date(*(int(g) for g in arabic.groups())) if arabic else None
    except ValueError:
        return None


UNDER_TITLE = "under-title"


def _signed(data: dict[str, Any], report: dict[str, Any]) -> tuple[str, str]:
    """The 署名 and the 成文日期 as printed: ``[signature]``'s own, else ``[report]``'s."""
    organ = data["organ"] if data.get("organ") == "" else data.get("organ") or report.get("organ") or ""
    date = data.get("date") or report.get("date")
    printed = data.get("printed_date")
    shown = printed.strip() if isinstance(printed, str) and printed.strip() else chinese_date(date)
    return str(organ), shown


def byline(data: dict[str, Any]) -> list[str]:
    """The lines a report (its whole TOML data) prints under its title: its 署名 and 成文日期 when ``[signature]
    place = "under-title"``, the empty ones left out; none otherwise."""
    signature = data.get("signature")
    if not isinstance(signature, dict) or signature.get("place") != UNDER_TITLE or signature.get("omit") is True:
        return []
    return [line for line in _signed(signature, data.get("report") or {}) if line]


def build(ctx: SectionContext) -> list[Block]:
    if ctx.data.get("omit") is True or ctx.data.get("place") == UNDER_TITLE:
        return []
    organ, shown = _signed(ctx.data, ctx.report.data.get("report") or {})
    blocks: list[Block] = [Signature(organ, shown, source=ctx.source())]
    note = ctx.data.get("note")
    if isinstance(note, str) and note.strip():  # 附注, on the line under the date (§7.3.6)
        text = note.strip()
        if not text.startswith(("（", "(")):
            text = f"（{text}）"
        blocks.append(Paragraph([Run(text)], role="note", source=ctx.source("note")))
    return blocks


def check(ctx: SectionContext) -> list[Problem]:
    if ctx.data.get("omit") is True:
        ctx.warning(
            "common.no-signature",
            "报告没有署名和成文日期（omit = true）；GB/T 9704 要求正文之后署发文机关名称并写成文日期",
            "omit",
            expected="署名与成文日期",
            found="无",
        )
    place = ctx.data.get("place")
    if place == UNDER_TITLE and ctx.data.get("omit") is not True:
        ctx.warning(
            "common.signature-place",
            '署名和成文日期印在标题下（place = "under-title"）；GB/T 9704（7.3.5）把它们放在正文之后',
            "place",
            expected="正文之后的署名与成文日期",
            found="标题下",
        )
    elif place is not None and place != UNDER_TITLE:
        ctx.error(
            "common.signature-place",
            f'place 只能是 "{UNDER_TITLE}"（落款印在标题下）；不写则落款在正文之后',
            "place",
            expected=UNDER_TITLE,
            found=str(place),
        )
    printed = ctx.data.get("printed_date")
    if isinstance(printed, str) and printed.strip():
        date = ctx.data.get("date") or (ctx.report.data.get("report") or {}).get("date")
        day = parse_printed_date(printed)
        if day is None or (isinstance(date, dt.date) and day != date):
            ctx.error(
                "common.printed-date",
                f"printed_date“{printed}”与成文日期 {chinese_date(date)} 不是同一天"
                if day is not None
                else f"printed_date“{printed}”不是“二〇一〇年四月十日”或“2010年4月10日”这样的日期",
                "printed_date",
                expected=chinese_date(date) or "一个日期",
                found=printed,
            )
        elif not re.search(r"\d", printed):
            ctx.warning(
                "common.date-style",
                f"成文日期印作“{printed.strip()}”；GB/T 9704-2012（7.3.5.2）要求用阿拉伯数字写全年、月、日，"
                f"如“{chinese_date(day)}”",
                "printed_date",
                expected=chinese_date(day),
                found=printed,
            )
        elif bracketed(printed) and place != UNDER_TITLE:
            ctx.warning(
                "common.date-style",
                f"落款的成文日期印作“{printed.strip()}”，加了括号；GB/T 9704-2012（7.3.5.2）在署名下直接写成文日期，"
                f"不加括号：“{chinese_date(day)}”",
                "printed_date",
                expected=chinese_date(day),
                found=printed,
            )
    if isinstance(printed, str) and (zero := _WRONG_ZERO.search(printed)):
        wrong = zero["year"]
        right = re.sub(r"[○OＯ零]", "〇", wrong)
        what = "几何图形“○”" if "○" in wrong else "字母“O”" if re.search("[OＯ]", wrong) else "汉字“零”"
        ctx.warning(
            "common.date-zero",
            f"成文日期的年份印作“{wrong}”，其中的零用了{what}；汉字数字的零写作“〇”（GB/T 15835-2011），应为“{right}”",
            "printed_date",
            expected=right,
            found=wrong,
        )
    if ctx.data.get("omit") is not True and ctx.data.get("organ") == "":
        ctx.warning(
            "common.signature-date-only",
            '落款只有成文日期，没有署名（organ = ""）；GB/T 9704 要求正文之后署发文机关名称',
            "organ",
            expected="署名与成文日期",
            found="只有成文日期",
        )
    return []


@hookimpl
def gongkai_register_sections(register):
    register(
        SectionType(
            key="signature",
            title="落款",
            schema=SCHEMA,
            build=build,
            check=check,
            numbered=False,
            build_without_data=True,
            description="文末落款（机关与日期，默认取自 [report]；不写 [signature] 也照此落款）",
        )
    )
