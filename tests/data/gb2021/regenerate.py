"""Write the deliberately broken inputs of this folder from the 2021 example, one file per rule.

Each file is the clean example ``examples/qinglan-data-2024/report.toml`` with one small edit, so that it
breaks exactly the rule its name says (sometimes with a knock-on rule, listed in CASES).  Run it again after
changing the example:  ``.venv/bin/python tests/data/gb2021/regenerate.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parents[2]
EXAMPLE = ROOT / "examples" / "qinglan-data-2024" / "report.toml"

# (file stem, rule it breaks, what the edit does, [(table header or "", old, new)])
CASES: list[tuple[str, str, str, list[tuple[str, str, str]]]] = [
    (
        "table3-merged",
        "gb2021.table3.merged",
        "表三“1.属于国家秘密”“2.其他法律行政法规禁止公开”两行（各列都是 0）的数字合并成一格印出",
        [
            (
                "[applications]",
                "[applications]\n",
                '[applications]\nmerged_rows = ["denied_state_secret", "denied_other_law"]\n',
            )
        ],
    ),
    (
        "format-title",
        "gb2021.format-title",
        "导语把2021年格式引作试行格式的名称《……年度报告格式（试行）》",
        [("[preamble]", "年度报告格式》", "年度报告格式（试行）》")],
    ),
    (
        "accountability-unstated",
        "gb2021.accountability-unstated",
        "报告机关改为市人民政府，监督保障删去“责任追究”一句：条例第五十条第四项的内容没有写",
        [
            ("[report]", 'organ = "青岚市数据资源管理局"', 'organ = "青岚市人民政府"'),
            ("[overview.supervision]", "；全年未发生因政府信息公开工作引起的责任追究情况。", "。"),
        ],
    ),
    (
        "format-notice",
        "gb2021.format-title",
        "导语以2019年试行格式的通知国办公开办函〔2019〕60号为依据",
        [("[preamble]", "国办公开办函〔2021〕30号", "国办公开办函〔2019〕60号")],
    ),
    (
        "old-principle",
        "gb2021.old-principle",
        "正文引2008年条例时期的“公开为原则，不公开为例外”",
        [("[overview]", "坚持以公开为常态、不公开为例外", "坚持“公开为原则，不公开为例外”")],
    ),
    (
        "old-categories",
        "gb2021.old-categories",
        "主动公开一节照抄2008年条例第十二条的分类“贯彻落实国家关于农村工作政策的情况”",
        [
            (
                "[overview.active]",
                "等重点领域信息523条。",
                "等重点领域信息523条，公开了贯彻落实国家关于农村工作政策的情况。",
            )
        ],
    ),
    (
        "part-list-legacy",
        "gb2021.part-list-legacy",
        "导语照旧报告列出2008年条例的“政府信息公开收费及减免情况”一部分（部分数随之改为七）",
        [
            (
                "[preamble]",
                "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分",
                "收到和处理政府信息公开申请情况、政府信息公开收费及减免情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、"
                "其他需要报告的事项七部分",
            )
        ],
    ),
    (
        "table3-balance",
        "gb2021.table3.balance",
        "自然人列 结转下年度 3 → 4：一＋二 ≠ （七）＋四",
        [("[applications.natural_person]", "carried_forward = 3", "carried_forward = 4")],
    ),
    (
        "table3-outcome-total",
        "gb2021.table3.outcome-total",
        "自然人列写出（七）总计 84，而各项之和为 85",
        [("[applications.natural_person]", "carried_forward = 3", "carried_forward = 3\ntotal_processed = 84")],
    ),
    (
        "table3-row-total",
        "gb2021.table3.row-total",
        "写出总计列，一、本年新收 115（六列之和 116）",
        [
            (
                "[applications.other]",
                "carried_forward = 0",
                "carried_forward = 0\n\n[applications.total]\nnew_received = 115",
            )
        ],
    ),
    (
        "table3-blank-total",
        "gb2021.table3.blank-total",
        "写出总计列，（三）4.保护第三方合法权益 留空（六列有数），照原样排为空白",
        [
            (
                "[applications.other]",
                "carried_forward = 0",
                'carried_forward = 0\n\n[applications.total]\ndenied_third_party = ""',
            )
        ],
    ),
    (
        "table3-count",
        "gb2021.table3.count",
        "商业企业列 予以公开 8 → 7.5（件数不是整数）",
        [("[applications.commercial]", "granted = 8", "granted = 7.5")],
    ),
    (
        "table3-negative",
        "gb2021.table3.count",
        "科研机构列 部分公开 1 → -1",
        [("[applications.research]", "partial = 1", "partial = -1")],
    ),
    (
        "table3-missing",
        "gb2021.table3.missing",
        "科研机构列删去 3.其他 一行（排印为 0）",
        [("[applications.research]", "other_other = 0\n", "")],
    ),
    (
        "table4-block-total",
        "gb2021.table4.block-total",
        "行政复议写出总计 5，而 2＋1＋0＋1＝4",
        [("[appeals.review]", "pending = 1", "pending = 1\ntotal = 5")],
    ),
    (
        "table4-count",
        "gb2021.table4.count",
        "复议后起诉 结果维持 1 → -1",
        [("[appeals.litigation_after_review]", "maintain = 1", "maintain = -1")],
    ),
    (
        "table4-missing",
        "gb2021.table4.missing",
        "未经复议直接起诉 删去 其他结果",
        [("[appeals.litigation_direct]", "other = 0\n", "")],
    ),
    ("table2-count", "gb2021.table2.count", "行政处罚 23 → 23.5", [("[active]", "penalty = 23", "penalty = 23.5")]),
    (
        "table2-money",
        "gb2021.table2.money",
        "行政事业性收费 -3.62 万元",
        [("[active]", "admin_fees = 3.62", "admin_fees = -3.62")],
    ),
    ("table2-missing", "gb2021.table2.missing", "删去 行政强制", [("[active]", "coercion = 0 ", "# coercion = 0 ")]),
    ("fee-amount", "gb2021.fee.amount", "信息处理费 -1200 元", [("[other.fee]", "amount = 1200", "amount = -1200")]),
    ("fee-notices", "gb2021.fee.notices", "收费通知 1.5 件", [("[other.fee]", "notices = 2", "notices = 1.5")]),
    (
        "fee-no-notice",
        "gb2021.fee.no-notice",
        "收费 1200 元而收费通知 0 件",
        [("[other.fee]", "notices = 2", "notices = 0")],
    ),
    (
        "fee-notices-vs-table3",
        "gb2021.fee.notices-vs-table3",
        "未收费、未发通知，而表三有 1 件逾期未缴费",
        [("[other.fee]", "amount = 1200", "amount = 0"), ("[other.fee]", "notices = 2", "notices = 0")],
    ),
    (
        "cross-year-carry-over",
        "gb2021.cross-year.carry-over",
        "自然人列 上年结转 2 → 3（上年报告结转 2），仍平衡",
        [
            ("[applications.natural_person]", "carried_over = 2", "carried_over = 3"),
            ("[applications.natural_person]", "carried_forward = 3", "carried_forward = 4"),
        ],
    ),
    (
        "cross-year-valid-documents",
        "gb2021.cross-year.valid-documents",
        "现行有效行政规范性文件 31 → 35（29＋4－2＝31）",
        [("[active.normative_documents]", "valid = 31", "valid = 35")],
    ),
    (
        "cross-year-year",
        "gb2021.cross-year.year",
        "报告年度改为 2025，上年报告却是 2023 年度",
        [("[report]", "year = 2024", "year = 2025")],
    ),
    (
        "cross-year-format",
        "gb2021.cross-year.format",
        "上年报告换成旧格式（无表三）",
        [("", 'previous = "../qinglan-data-2023/report.toml"', 'previous = "../nanjiang-2018/report.toml"')],
    ),
    (
        "text-number",
        "gb2021.text.mismatch",
        "正文写“收到政府信息公开申请117件”，表中 116",
        [("[overview.applications]", "政府信息公开申请116件", "政府信息公开申请117件")],
    ),
    (
        "text-column",
        "gb2021.text.mismatch",
        "正文写“其中自然人申请85件”（直接写数字），表中自然人列 86",
        [("[applications]", "其中自然人申请{applications.natural_person.new_received}件", "其中自然人申请85件")],
    ),
    (
        "text-percent",
        "gb2021.text.mismatch",
        "正文写 61.2%，70÷115＝60.87%",
        [("[overview.applications]", "60.87%", "61.2%")],
    ),
    (
        "text-appeals-claim",
        "gb2021.text.appeals-claim",
        "正文称复议“均获维持”，表四有纠正和未审结",
        [("[appeals]", "对被纠正的1件", "行政复议案件均获维持。对被纠正的1件")],
    ),
    (
        "text-applications-claim",
        "gb2021.text.applications-claim",
        "正文称“本年度未收到政府信息公开申请”，表三本年新收 116 件",
        [("[overview.applications]", "申请均在法定期限内答复。", "本年度未收到政府信息公开申请。")],
    ),
    (
        "text-attribute-count",
        "gb2021.text.attribute-count",
        "正文按公开属性写“依申请公开信息数310条”，表三只有新收 116 件、结转 2 件",
        [
            (
                "[overview.applications]",
                "申请均在法定期限内答复。",
                "申请均在法定期限内答复。全年制发政府信息722条，其中主动公开412条，依申请公开信息数310条。",
            )
        ],
    ),
    (
        "text-normative-published",
        "gb2021.text.normative-published",
        "正文说公开政策、规范性文件类信息2条，表二本年制发行政规范性文件4件",
        [
            (
                "[overview.applications]",
                "申请均在法定期限内答复。",
                "申请均在法定期限内答复。本年度在门户网站主动公开政策、规范性文件类信息2条。",
            )
        ],
    ),
    (
        "text-licensing",
        "gb2021.text.licensing",
        "正文列出许可证 30000 件，多于表二行政许可的本年处理决定",
        [
            (
                "[overview.applications]",
                "申请均在法定期限内答复。",
                "申请均在法定期限内答复。全年公开施工许可证20000条、排水许可证10000条。",
            )
        ],
    ),
    (
        "appeals-pending-unstated",
        "gb2021.appeals.pending-unstated",
        "正文删去两处“尚未审结”，表四仍有尚未审结 2 件",
        [
            ("[appeals]", "、尚未审结{appeals.review.pending}件", ""),
            ("[appeals]", "、尚未审结{appeals.litigation.pending}件", ""),
        ],
    ),
    (
        "heading-variant",
        "gb2021.heading.variant",
        "五 的标题写成 存在的主要问题及整改措施",
        [("[issues]", "text = ", 'heading = "存在的主要问题及整改措施"\ntext = ')],
    ),
    (
        "heading-unofficial",
        "gb2021.heading.unofficial",
        "六 的标题写成 其他工作",
        [("[other]", "text = ", 'heading = "其他工作"\ntext = ')],
    ),
    (
        "heading-numbered",
        "gb2021.heading.numbered",
        "标题自带编号 五、",
        [("[issues]", "text = ", 'heading = "五、存在的主要问题及改进情况"\ntext = ')],
    ),
    (
        "part-order",
        "gb2021.part-order",
        "sections 把 五 排在 四 之前",
        [
            (
                "",
                'previous = "../qinglan-data-2023/report.toml"',
                'previous = "../qinglan-data-2023/report.toml"\nsections = ["report", "preamble", "overview", '
                '"active", "applications", "issues", "appeals", "other", "signature"]',
            )
        ],
    ),
    (
        "overview-items-and-subsections",
        "gb2021.overview.items-and-subsections",
        "总体情况同时写 items 和小节",
        [("[overview]", "[overview.active]", '[[overview.items]]\ntext = "另一分项。"\n\n[overview.active]')],
    ),
]


#: 总体情况's five sub-sections as the example writes them, up to part 二
_SUBSECTIONS = (
    "[overview.active]"
    + EXAMPLE.read_text(encoding="utf-8").split("[overview.active]", 1)[1].split("# 二、主动公开政府信息情况", 1)[0]
)
CASES.append(
    (
        "overview-thin",
        "gb2021.overview-thin",
        "总体情况只留开头一段，主动公开、依申请公开、政府信息管理、平台建设、监督保障五个小节都删去",
        [("[overview]", _SUBSECTIONS, "")],
    )
)


#: the example's table 三 columns (自然人 … 其他), from their first header up to table 四
_TABLE3_COLUMNS = (
    "[applications.natural_person]"
    + EXAMPLE.read_text(encoding="utf-8").split("[applications.natural_person]", 1)[1].split("[appeals]", 1)[0]
)
#: the example's 依申请公开 paragraph, whose numbers are references to table 三
_APPLICATIONS_TEXT = EXAMPLE.read_text(encoding="utf-8").split("[overview.applications]\n", 1)[1].split("\n", 1)[0]
#: the sentence after table 三, all references to it
_TABLE3_AFTER = (
    "after = " + EXAMPLE.read_text(encoding="utf-8").split("[applications]\nafter = ", 1)[1].split("\n", 1)[0]
)
CASES.append(
    (
        "text-applications-balance",
        "gb2021.text.applications-balance",
        "表三没有填（各列删去，上一年度报告不再引用），正文一句话里说上年结转2件、收到116件、办结110件、"
        "结转下年度6件：2＋116＝118，110＋6＝116",
        [
            ("", 'previous = "../qinglan-data-2023/report.toml"\n', ""),
            (
                "[overview.applications]",
                _APPLICATIONS_TEXT,
                'text = "全年共收到政府信息公开申请116件，上年结转2件，办结110件，结转下年度继续办理6件。"',
            ),
            ("[applications]", _TABLE3_AFTER + "\n", ""),
            ("[applications]", _TABLE3_COLUMNS, ""),
        ],
    )
)


def edit(text: str, header: str, old: str, new: str) -> str:
    start = re.search(re.escape(header) + r"[ \t]*(#.*)?\n", text).start() if header else 0  # type: ignore[union-attr]
    at = text.index(old, start)
    return text[:at] + new + text[at + len(old) :]


def main() -> None:
    source = EXAMPLE.read_text(encoding="utf-8")
    body = source.split("\nformat = ", 1)[1]
    for stem, rule, what, edits in CASES:
        text = "format = " + body
        for header, old, new in edits:
            text = edit(text, header, old, new)
        text = text.replace('"../qinglan-data-2023/', '"../../../examples/qinglan-data-2023/')
        text = text.replace('"../nanjiang-2018/', '"../../../examples/nanjiang-2018/')
        origin = EXAMPLE.relative_to(ROOT)
        head = f"# Broken on purpose — breaks {rule}: {what}.\n# Generated by regenerate.py from {origin}.\n\n"
        (HERE / f"{stem}.toml").write_text(head + text, encoding="utf-8")


if __name__ == "__main__":
    main()
