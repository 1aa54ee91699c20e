"""``[report]``: who publishes the report, for which year, its title — and the PDF metadata.

Renders the title block (GB/T 9704 §7.3.1: 2号小标宋, centred, lines broken by meaning), the 发文字号 over it and
the 主送机关 under it (§7.3.2: one blank line below the title, flush left, ending in a full-width colon).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from compiler import hookimpl
from compiler.model.document import Block, DocumentInfo, Paragraph, Run, Title
from compiler.model.report import Report
from compiler.model.schema import Field, Schema
from compiler.model.sections import SectionContext, SectionType
from plugins.common.signature import byline

SCHEMA = Schema(
    (
        Field("organ", "str", required=True, description="发布机关全称", example="××县人民政府", checks_without=True),
        Field("year", "int", required=True, description="报告年度", example=2024),
        Field(
            "date", "date", description="成文（发布）日期；原报告没有时可不写（会提示）", example=dt.date(2025, 3, 31)
        ),
        Field(
            "published",
            "date",
            description="公布日期：报告在门户网站等处公开的日期（与成文日期不同时填写；按期公布的检查以它为准）",
        ),
        Field("title", "str", description="标题（默认：机关 + 年度 + 政府信息公开工作年度报告）"),
        Field("title_lines", "list[str]", description="标题分行（按词意分行时使用）"),
        Field(
            "no_title",
            "bool",
            description="原报告正文没有标题时写 true：照原样不印标题并提示（PDF 的文档属性、网页和 Word 的文档标题"
            "仍用 title 或默认标题）",
        ),
        Field(
            "document_number",
            "str",
            description="发文字号（照原样；印在标题之上），如“岚经发〔2020〕2号”（GB/T 9704 第7.2.4条）",
        ),
        Field(
            "signer",
            "str",
            description="签发人姓名（报送上级的文件印在发文字号同一行右侧，如“签发人：林振东”，GB/T 9704 第7.2.6条）",
        ),
        Field(
            "addressee",
            "str",
            description="主送机关（照原样，如“县政府办公室：”；印在标题下空一行、居左顶格，GB/T 9704 第7.3.2条）",
        ),
        Field("website", "str", description="报告电子版下载网址", example="https://www.example.gov.cn/"),
        Field("contact", "str", description="联系机构"),
        Field("phone", "str", description="联系电话"),
        Field("address", "str", description="联系地址"),
        Field("subject", "str", description="PDF 主题（默认：政府信息公开工作年度报告）"),
        Field("keywords", "list[str]", description="PDF 关键词"),
    ),
    description="报告的基本信息",
)


# how a published title ends: 政府信息公开工作年度报告 (2019 条例, the 2021 format), older 政府信息公开年度报告 and
# the legacy 年报 forms (……政府信息公开工作年报)
TITLE_ENDINGS = ("年度报告", "年报")


_YEAR_TWICE = re.compile(r"\d{4}\s*年度.*年度")


def title_wording(title: str) -> list[str]:
    """What departs from the name both 条例 give the report (2008 第三十一条, 2019 第四十九条: 政府信息公开工作年度
    报告) in a title that otherwise ends as it should: 年度 twice ("2021年度……工作年度报告"), 工作 left out, the
    words of the name out of order ("政府信息工作公开年度报告")."""
    said = []
    if title.endswith("年度报告年度报告"):  # the title's last line printed twice over (呼兰区杨林乡 2021's page copy)
        said.append("“年度报告”写了两次")
        title = title.removesuffix("年度报告")
    if _YEAR_TWICE.search(title) and title.endswith("年度报告"):
        said.append("“年度”用了两次：年份后写“年”即可（“××××年政府信息公开工作年度报告”）")
    name = "政府信息公开工作"
    before = title.removesuffix("年度报告")[-len(name) :]
    if before != name and sorted(before) == sorted(name):  # "政府信息工作公开年度报告" (平潭县人防办 2011)
        said.append(f"“{before}年度报告”词序有误：条例规定的名称是“政府信息公开工作年度报告”")
    if not re.search(r"\d{4}|[〇○零一二三四五六七八九]{4}", title):  # "乌海市工业和信息化局政府信息公开工作年度报告"
        said.append("没有年份：标题应写明报告年度（“××××年政府信息公开工作年度报告”）")
    if re.search(r"关于[^的]*年度报告$", title):  # "……关于2021年度政府信息公开工作年度报告" (平潭海坛片区 2021)
        said.append("多了“关于”：“关于”引出的是文件的事由，报告本身的名称前不用")
    if title.endswith("政府信息公开年度报告"):
        said.append("缺“工作”：条例规定的名称是“政府信息公开工作年度报告”")
    elif title.endswith("信息公开年度报告"):
        said.append("缺“政府”“工作”：条例规定的名称是“政府信息公开工作年度报告”")
    elif title.endswith("年度报告") and name not in title and "政府信息工作公开" not in title:
        # "……镇政府2022年信息公开工作年度报告" (固阳县下湿壕镇 2022), "……政务信息公开工作开展年度报告" (西藏自治区审计厅
        # 2025): the report is not called by the name the 条例 gives it
        said.append("不是条例规定的名称：应为“政府信息公开工作年度报告”")
    return said


def report_year(data: Mapping[str, Any]) -> int | None:
    """The year ``[report] year`` of a report's (or an import's) data says, when it is a whole number; ``None`` when
    it is absent or mistyped (the schema says so, the checks that need the year stay silent)."""
    year = (data.get("report") or {}).get("year")
    return year if isinstance(year, int) and not isinstance(year, bool) else None


def title_of(data: dict[str, Any]) -> str:
    if data.get("title"):
        return str(data["title"])
    return f"{data.get('organ', '')}{data.get('year', '')}年政府信息公开工作年度报告"


def derive(ctx: SectionContext) -> dict[str, Any]:
    return {"full_title": title_of(ctx.data)}


def _printed(data: dict[str, Any], key: str) -> str | None:
    """A text key printed around the title (发文字号, 签发人, 主送机关): its text, or ``None`` when absent or blank."""
    value = data.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None


def build(ctx: SectionContext) -> list[Block]:
    blocks: list[Block] = [
        Title(
            title_of(ctx.data),
            lines=ctx.data.get("title_lines"),
            source=ctx.source("title"),
            document_number=_printed(ctx.data, "document_number"),
            signer=_printed(ctx.data, "signer"),
            printed=ctx.data.get("no_title") is not True,
            byline=byline(ctx.report.data),
        )
    ]
    if addressee := _printed(ctx.data, "addressee"):  # 主送机关: under the title's blank line, flush left (§7.3.2)
        blocks.append(Paragraph([Run(addressee)], role="addressee", source=ctx.source("addressee")))
    return blocks


#: 发文字号 as GB/T 9704 §7.2.4 writes it: 机关代字, the full year in 六角括号, the number without 第 or a leading
#: zero, then 号 — "岚经发〔2020〕2号"
DOCUMENT_NUMBER = re.compile(r"^(?P<code>[\u4e00-\u9fff]{1,12})〔(?P<year>\d{4})〕(?P<n>[1-9]\d*)号$")
_NUMBER_PARTS = re.compile(
    r"^(?P<code>[\u4e00-\u9fff]{1,12})\s*(?P<open>[〔［\[（(【{｛])\s*(?P<year>\d{2,4})\s*[〕］\]）)】}｝]"
    r"\s*(?P<di>第?)\s*(?P<n>\d+)\s*(?P<hao>号?)$"
)


def document_number_problems(number: str) -> list[str]:
    """How a typed 发文字号 departs from §7.2.4 (empty when it is right, or when it is no 发文字号 at all)."""
    if DOCUMENT_NUMBER.match(number):
        return []
    m = _NUMBER_PARTS.match(number.strip())
    if m is None:
        return ["不是“机关代字〔年份〕序号号”的写法"]
    said = []
    if m["open"] != "〔":
        said.append("年份应用六角括号“〔〕”括入")
    if len(m["year"]) != 4:
        said.append("年份应标全称（四位）")
    if m["di"]:
        said.append("序号不加“第”字")
    if m["n"].startswith("0"):
        said.append("序号不编虚位（1 不编为 01）")
    if not m["hao"]:
        said.append("序号后应加“号”")
    return said or ["写法不规范"]


#: a title that is the report's name alone, opening on the year: "2020年政府信息公开工作年度报告" (定州经济开发区
#: 2020, 屯昌县 2015) — the organ is named nowhere in it (a name in the text, "现将我局2019年……报告公布如下", has its
#: organ before it, so only the title is asked)
_NO_ORGAN = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年度?\s*(?:政府)?信息公开[^年]*(?:年度报告|年报)$")


def _check_title(ctx: SectionContext) -> None:
    """The title's ending and wording (a report printed without one has neither)."""
    title = title_of(ctx.data).strip()
    if not title.endswith(TITLE_ENDINGS):
        ctx.warning(
            "common.title",
            f"标题“{title}”不完整：应以“政府信息公开工作年度报告”（或旧式“……年报”）结尾",
            "title",
            expected="……政府信息公开工作年度报告",
            found=title,
        )
    year = ctx.data.get("year")
    printed = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", title)
    if printed and isinstance(year, int) and int(printed.group(1)) != year:
        # "2022度珠晖区粤汉街道信息公开工作年度报告" over a report on 2023 (衡阳市粤汉街道, held-out round 53)
        ctx.warning(
            "common.title-year",
            f"标题写的是{printed.group(1)}年，报告年度（report.year）却是{year}年：标题的年份要与报告所讲的年度一致",
            "title",
            expected=str(year),
            found=printed.group(1),
        )
    if slip := re.search(r"(?<!\d)((?:19|20)\d{2})([\u4e00-\u9fff])", title):
        # "2022度珠晖区粤汉街道……报告" (衡阳市粤汉街道 2023, held-out round 53), "……人民政府2019政府信息公开工作
        # 年度报告" (陵水黎族自治县 2019, held-out round 69)
        year_word, after = slip.groups()
        if after != "年":
            right = f"{year_word}年度" if after == "度" else f"{year_word}年"
            ctx.warning(
                "common.malformed-date",
                f"标题“{title}”：年份“{year_word}”后缺了“年”，应为“{right}”",
                "title",
                expected=f"“{right}”",
                found=f"“{slip.group(0)}”",
            )
    if doubled := re.search(r"(?<!\d)((?:19|20)\d{2})年年度", title):
        # "宁国市青龙乡人民政府2015年年度政府信息公开工作年度报告" (held-out round 71)
        ctx.warning(
            "common.malformed-date",
            f"标题“{title}”：“{doubled.group(0)}”中“年”写了两次，应为“{doubled.group(1)}年度”或“{doubled.group(1)}年”",
            "title",
            expected=f"“{doubled.group(1)}年”",
            found=f"“{doubled.group(0)}”",
        )
    wording = title_wording(title)
    if _NO_ORGAN.match(title):
        wording.insert(
            0,
            "没有发文机关名称：公文标题由发文机关名称、事由和文种组成（GB/T 9704—2012 第7.3.1条），"
            "应为“××（机关）××××年政府信息公开工作年度报告”",
        )
    if wording:
        ctx.warning(
            "common.title-wording",
            f"标题“{title}”：{'；'.join(wording)}",
            "title",
            expected="……××××年政府信息公开工作年度报告",
            found=title,
        )


def check(ctx: SectionContext) -> list:
    signature = ctx.report.data.get("signature")
    omitted = isinstance(signature, dict) and signature.get("omit") is True  # reported once, by the signature
    # a date of the signature's own, or one printed as typed ("20112", checked by the signature), is its date
    dated = isinstance(signature, dict) and any(signature.get(k) for k in ("date", "printed_date"))
    if "date" not in ctx.data and not omitted and not dated:
        ctx.warning(
            "report.no-date",
            "报告没有成文日期（report.date）；落款将只有署名",
            "",
            expected="成文日期，如 2025-01-24",
            found="未写",
        )
    if ctx.data.get("no_title") is True:  # printed without a title: what the title would say is not in question
        ctx.warning(
            "common.no-title",
            "报告没有标题（no_title = true，照原样不印）：公文应有标题，由发文机关名称、事由和文种组成"
            "（GB/T 9704—2012 第7.3.1条），如“××县人民政府××××年政府信息公开工作年度报告”",
            "no_title",
            expected=title_of(ctx.data),
            found="无标题",
        )
    elif ctx.data.get("title") or ctx.data.get("organ"):  # neither: no title to read (the missing organ is said)
        _check_title(ctx)
    number = ctx.data.get("document_number")
    if isinstance(number, str) and number.strip() and (said := document_number_problems(number)):
        m = _NUMBER_PARTS.match(number.strip())
        fixed = f"{m['code']}〔{m['year']}〕{int(m['n'])}号" if m and len(m["year"]) == 4 else "机关代字〔年份〕序号号"
        ctx.warning(
            "common.document-number",
            f"发文字号“{number}”：{'；'.join(said)}（GB/T 9704—2012 第7.2.4条）",
            "document_number",
            expected=fixed,
            found=number,
        )
    lines = ctx.data.get("title_lines")
    if lines and "".join(lines) != title_of(ctx.data):
        ctx.error(
            "report.title-lines",
            "标题分行 title_lines 连起来与标题不一致",
            "title_lines",
            expected=title_of(ctx.data),
            found="".join(lines),
        )
    return []


@hookimpl
def gongkai_register_sections(register):
    register(
        SectionType(
            key="report",
            title="报告信息与标题",
            schema=SCHEMA,
            build=build,
            derive=derive,
            check=check,
            numbered=False,
            required=True,
            description="机关、年度、日期与标题；排成文首标题",
        )
    )


@hookimpl
def gongkai_document_info(report: Report) -> DocumentInfo | None:
    data = report.data.get("report")
    if not isinstance(data, dict):
        return None
    date = data.get("date")
    organ = str(data.get("organ", ""))
    return DocumentInfo(
        title=title_of(data),
        author=organ,
        subject=str(data.get("subject") or "政府信息公开工作年度报告"),
        keywords=list(data.get("keywords") or ["政府信息公开", "年度报告", organ, str(data.get("year", ""))]),
        date=date.isoformat() if isinstance(date, (dt.date, dt.datetime)) else (str(date) if date else None),
    )
