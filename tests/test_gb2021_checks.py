"""Every gb2021 rule: a broken input that triggers it (tests/data/gb2021/) and the clean example that does not.

The broken inputs are the example with one edit each (see tests/data/gb2021/regenerate.py); every message must
be Chinese, name its rule, and point at a TOML key path and line.
"""

from __future__ import annotations

import importlib.util
import re

import pytest

from compiler.model.problems import Severity
from tests.gb2021_support import BROKEN, EXAMPLE_2023, EXAMPLE_2024, problems_of, rules, write_variant

_spec = importlib.util.spec_from_file_location("gb2021_regenerate", BROKEN / "regenerate.py")
assert _spec and _spec.loader
regenerate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regenerate)

ERRORS = {
    "gb2021.table3.balance", "gb2021.table3.outcome-total", "gb2021.table3.row-total", "gb2021.table3.count",
    "gb2021.table4.block-total", "gb2021.table4.count", "gb2021.table2.count", "gb2021.table2.money",
    "gb2021.fee.amount", "gb2021.fee.notices", "gb2021.cross-year.carry-over", "gb2021.text.mismatch",
    "gb2021.text.appeals-claim", "gb2021.part-order", "gb2021.overview.items-and-subsections",
}  # fmt: skip
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_examples_are_clean():
    assert [p.format() for p in problems_of(EXAMPLE_2024)] == []
    assert [p.format() for p in problems_of(EXAMPLE_2023)] == []


def test_broken_files_are_current():
    """The files on disk are what the generator writes from the current example."""
    source = EXAMPLE_2024.read_text(encoding="utf-8")
    for stem, _rule, _what, edits in regenerate.CASES:
        text = "format = " + source.split("\nformat = ", 1)[1]
        for header, old, new in edits:
            text = regenerate.edit(text, header, old, new)
        on_disk = (BROKEN / f"{stem}.toml").read_text(encoding="utf-8")
        assert on_disk.split("\n\n", 1)[1].replace("../../../examples/", "../") == text, stem


@pytest.mark.parametrize("case", regenerate.CASES, ids=[c[0] for c in regenerate.CASES])
def test_broken_input_triggers_its_rule(case):
    stem, rule, _what, _edits = case
    problems = problems_of(BROKEN / f"{stem}.toml")
    hits = [p for p in problems if p.rule == rule]
    assert hits, [p.format() for p in problems]
    expected = Severity.ERROR if rule in ERRORS else Severity.WARNING
    for p in hits:
        assert p.severity == expected
        assert CJK.search(p.message), p.message
        assert p.source is not None and p.source.keypath and p.source.line, p.format()
        assert p.expected is not None and p.found is not None, p.format()
    # nothing outside this plugin's own rules and the core's reference checks fires on these edits
    assert {p.rule.split(".")[0] for p in problems} <= {"gb2021", "prose"}


def test_every_rule_has_a_broken_input():
    """Each rule listed in the checks module's table (``a.b / .c`` lists two) has a broken input."""
    import plugins.gb2021.checks as checks

    documented: set[str] = set()
    for m in re.finditer(r"^(gb2021\.[\w.-]+)(?:\s*/\s*(\.[\w-]+))?", checks.__doc__ or "", re.M):
        documented.add(m.group(1))
        if m.group(2):
            documented.add(m.group(1).rsplit(".", 1)[0] + m.group(2))
    assert len(documented) >= 25
    assert documented - {c[1] for c in regenerate.CASES} == set()


# -------------------------------------------------------------------------------- messages tell the author what to fix
def test_balance_message_names_labels_values_and_key():
    (p,) = [p for p in problems_of(BROKEN / "table3-balance.toml") if p.rule == "gb2021.table3.balance"]
    assert (
        "“自然人”列" in p.message and "一、本年新收（86）" in p.message and "四、结转下年度继续办理（4）" in p.message
    )
    assert p.source.keypath == "applications.natural_person"
    assert p.expected == "一＋二＝（七）＋四＝88" and p.found == "（七）＋四＝89"


def test_row_total_points_at_the_typed_total():
    (p,) = [p for p in problems_of(BROKEN / "table3-row-total.toml") if p.rule == "gb2021.table3.row-total"]
    assert p.source.keypath == "applications.total.new_received"
    text = (BROKEN / "table3-row-total.toml").read_text(encoding="utf-8").splitlines()
    assert text[p.source.line - 1].strip() == "new_received = 115"
    assert (p.expected, p.found) == (116, 115)


def test_text_mismatch_names_phrase_expected_found_and_fix():
    (p,) = [p for p in problems_of(BROKEN / "text-number.toml") if p.rule == "gb2021.text.mismatch"]
    assert "收到政府信息公开申请117件" in p.message and "一、本年新收政府信息公开申请数量" in p.message
    assert "{applications.total.new_received}" in p.message
    assert (p.expected, p.found) == ("116", "117")
    assert p.source.keypath == "overview.applications.text"


def test_column_phrase_compares_with_that_column():
    (p,) = [p for p in problems_of(BROKEN / "text-column.toml") if p.rule == "gb2021.text.mismatch"]
    assert "“自然人”列" in p.message and (p.expected, p.found) == ("86", "85")


_RECEIVED = "全年共收到政府信息公开申请116件，上年结转{applications.total.carried_over}件；"


def _mismatches(tmp_path, sentence: str) -> list[tuple[str, str, str]]:
    found = problems_of(write_variant(tmp_path, [(_RECEIVED, sentence)]))
    return [(p.rule, p.expected, p.found) for p in found if p.rule.startswith(("gb2021.text", "prose."))]


@pytest.mark.parametrize(
    ("sentence", "expected", "found"),
    [
        # everyday ways of saying 一、本年新收 without the word 申请
        ("本年度新收117件，上年结转{applications.total.carried_over}件；", "116", "117"),
        ("全年共受理115件，上年结转{applications.total.carried_over}件；", "116", "115"),
        # 一＋二 ("含上年结转"): 116 + 3
        ("共办理（受理）申请120件（含上年结转）；", "119", "120"),
        ("全年受理政府信息公开申请118件（含上年度结转）；", "119", "118"),
        # 二、上年结转 and 四、结转下年度 in other words (116 new, 3 carried over, 4 carried forward)
        ("全年共收到政府信息公开申请116件，上一年度结转4件；", "3", "4"),
        ("全年共收到政府信息公开申请116件，上年结转3件，转入下一年度继续办理5件；", "4", "5"),
        ("全年共收到政府信息公开申请116件，上年结转3件，尚在答复期限内的5件；", "4", "5"),
        # the applicant split, with and without 申请 after each column
        ("全年共收到政府信息公开申请116件，其中自然人申请86件、法人或其他组织申请31件；", "30", "31"),
        ("全年共收到政府信息公开申请116件，其中自然人87件、法人或其他组织30件；", "86", "87"),
    ],
)
def test_everyday_phrasings_of_received_counts(tmp_path, sentence, expected, found):
    found_rules = _mismatches(tmp_path, sentence)
    assert ("gb2021.text.mismatch", expected, found) in found_rules
    # the split that adds up to 117 of "共116件" is also a parts-sum slip; nothing else is reported
    assert set(found_rules) - {("gb2021.text.mismatch", expected, found)} <= {("prose.parts-sum", "≤ 116", 117)}


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度新收116件，上年结转{applications.total.carried_over}件；",
        "共办理（受理）申请119件（含上年结转）；",
        "全年共收到政府信息公开申请116件，上一年度结转3件，转入下一年度继续办理4件；",
        "全年共收到政府信息公开申请116件，其中自然人86件、法人或其他组织30件；",
        # "自然人N件" after an outcome restates that outcome's column, not 新收: not read as 新收
        "全年共收到政府信息公开申请116件，予以公开56件，其中自然人41件；",
        # 受理 of something else than disclosure applications
        "全年共受理行政许可事项2000件，政务热线来电300件；",
        "全年受理网络问政182件，办结率100%；",  # 沭阳县发展和改革局 2023: the public's online questions
        # the 条例's words for every applicant are the 总计 column (平潭行政审批局 2023)
        "全年收到公民、法人和其他组织政府信息公开申请116件；",
    ],
)
def test_everyday_phrasings_that_agree_or_are_about_something_else(tmp_path, sentence):
    assert _mismatches(tmp_path, sentence) == []


def test_shares_of_one_whole_adding_up_to_more_than_100_percent(tmp_path):
    sentence = "全年共收到政府信息公开申请116件，其中自然人占74.14%，法人或其他组织占35.86%；"
    [p] = [p for p in problems_of(write_variant(tmp_path, [(_RECEIVED, sentence)])) if p.rule == "prose.shares-total"]
    assert (p.found, p.expected) == ("110.00%", "≤ 100%") and p.severity == Severity.WARNING
    fine = "全年共收到政府信息公开申请116件，其中自然人占74.14%，法人或其他组织占25.86%；"
    assert "prose.shares-total" not in rules(problems_of(write_variant(tmp_path, [(_RECEIVED, fine)])))
    rounded = "三类分别占33.4%、33.3%、33.4%。"  # 100.1 %: within what rounding three shares allows
    assert "prose.shares-total" not in rules(problems_of(write_variant(tmp_path, [(_RECEIVED, _RECEIVED + rounded)])))


def test_pending_cases_the_text_never_mentions():
    (p,) = [p for p in problems_of(BROKEN / "appeals-pending-unstated.toml") if p.rule.endswith("pending-unstated")]
    assert "行政复议 1 件" in p.message and "未经复议直接起诉 1 件" in p.message
    assert p.source.keypath == "appeals.review.pending"


# ----------------------------------------------------------------------------------------------- passing variants
def test_literal_numbers_that_match_are_accepted(tmp_path):
    path = write_variant(
        tmp_path,
        [
            ("办结{applications.total.total_processed}件", "办结115件"),
            ("上年结转{applications.total.carried_over}件", "上年结转3件"),
        ],
    )
    assert problems_of(path) == []


@pytest.mark.parametrize(
    ("said", "warned"), [("其中公开答复1件", False), ("其中予以答复1件", False), ("共答复1件", True)]
)
def test_an_answer_of_one_kind_is_not_all_answered(tmp_path, said, warned):
    # 平潭财政金融局 2024: "办结依申请2件，其中公开答复1件，无法提供1件" — 1 of the 2, not all answered
    path = write_variant(tmp_path, [("办结{applications.total.total_processed}件", f"办结115件，{said}")])
    assert ("gb2021.text.mismatch" in rules(problems_of(path))) is warned


def test_references_are_not_checked_only_literals(tmp_path):
    # a reference prints the table's own value: the text check must not look at it, whatever it cites
    path = write_variant(
        tmp_path,
        [("全年共收到政府信息公开申请116件", "全年共收到政府信息公开申请{applications.natural_person.new_received}件")],
    )
    assert "gb2021.text.mismatch" not in rules(problems_of(path))


def test_percentage_policy_rounded_half_up_truncated_is_a_rounding_slip(tmp_path):
    found = problems_of(write_variant(tmp_path, [("的60.87%", "的60.86%")]))  # 60.869…% truncated
    assert [(p.rule, p.expected) for p in found] == [("prose.percent-rounding", "60.87%")]
    assert problems_of(write_variant(tmp_path, [("的60.87%", "的60.9%")])) == []  # one decimal, rounded
    assert "gb2021.text.mismatch" in rules(problems_of(write_variant(tmp_path, [("的60.87%", "的60.7%")])))


def test_carry_over_note_downgrades_to_warning(tmp_path):
    path = write_variant(
        tmp_path,
        [
            ("carried_over = 2", "carried_over = 3"),
            ("carried_forward = 3", "carried_forward = 4"),
            ("# 三、收到和处理政府信息公开申请情况 — table 三, one table per applicant column\n[applications]\n",
             '[applications]\ncarry_over_note = "2023年度报告误将1件已办结申请计入结转"\n'),
        ],
    )  # fmt: skip
    found = [p for p in problems_of(path) if p.rule == "gb2021.cross-year.carry-over"]
    assert [p.severity for p in found] == [Severity.WARNING]
    assert "误将1件" in found[0].message


def test_without_previous_no_cross_year_rules(tmp_path):
    path = write_variant(
        tmp_path,
        [
            ('previous = "../qinglan-data-2023/report.toml"\n', ""),
            ("carried_over = 2", "carried_over = 3"),
            ("carried_forward = 3", "carried_forward = 4"),
        ],
    )
    assert not {r for r in rules(problems_of(path)) if r.startswith("gb2021.cross-year")}


def test_official_heading_override_is_fine(tmp_path):
    path = write_variant(tmp_path, [("[issues]\n", '[issues]\nheading = "存在的主要问题及改进情况"\n')])
    assert problems_of(path) == []


def test_appeals_claim_is_fine_when_all_were_maintained(tmp_path):
    path = write_variant(
        tmp_path,
        [("[appeals.review]                    # 行政复议\nmaintain = 2\ncorrect = 1\nother = 0\npending = 1",
          "[appeals.review]\nmaintain = 4\ncorrect = 0\nother = 0\npending = 0"),
         ("对被纠正的1件，已重新作出答复并完善了相关工作流程。", "行政复议案件均获维持。")],
    )  # fmt: skip
    found = problems_of(path)
    assert "gb2021.text.appeals-claim" not in rules(found), [p.format() for p in found]


def test_fee_zero_case_sentence(tmp_path):
    from compiler.build import check_report, report_blocks
    from compiler.model.document import Paragraph

    path = write_variant(tmp_path, [("amount = 1200", "amount = 0"), ("notices = 2 ", "notices = 1 ")])
    report, _ = check_report(path)
    texts = [b.text for b in report_blocks(report)[0] if isinstance(b, Paragraph)]
    assert "本年度共发出收费通知1件，实际未收取信息处理费。" in texts
    report, _ = check_report(EXAMPLE_2023)
    texts = [b.text for b in report_blocks(report)[0] if isinstance(b, Paragraph)]
    assert "本年度未收取信息处理费。" in texts
    report, _ = check_report(EXAMPLE_2024)
    texts = [b.text for b in report_blocks(report)[0] if isinstance(b, Paragraph)]
    assert "本年度共发出收费通知2件，收取信息处理费1200元。" in texts


def test_fee_is_optional_and_part_six_must_state_it(tmp_path):
    """No generated sentence unless asked; without one the author's own text must state the fee."""
    from compiler.build import report_blocks
    from compiler.model.document import Paragraph

    fee = "[other.fee]\namount = 1200    # 元\nnotices = 2      # 发出收费通知（件）\nsentence = true"
    path = write_variant(tmp_path, [(fee, "#"), ("收取信息处理费，收费标准", "收取费用，收费标准")])
    found = problems_of(path)
    assert [p.rule for p in found] == ["gb2021.fee.unstated"], [p.format() for p in found]
    path = write_variant(tmp_path, [("sentence = true  #", "#")])
    from compiler.build import check_report

    report, found = check_report(path)
    texts = [b.text for b in report_blocks(report)[0] if isinstance(b, Paragraph)]
    assert not any("本年度共发出收费通知" in t for t in texts) and found == []
    path = write_variant(
        tmp_path, [("sentence = true  #", "#"), ("本年度无其他需要报告的事项。", "本年度收取信息处理费1500元。")]
    )
    assert "gb2021.fee.text" in rules(problems_of(path))
    # the fee stated without naming it (沭阳县发展和改革局 2023's part 六, reworded)
    fee = "[other.fee]\namount = 1200    # 元\nnotices = 2      # 发出收费通知（件）\nsentence = true"
    path = write_variant(
        tmp_path,
        [
            (fee, "#"),
            ("收取信息处理费，收费标准", "收取费用，收费标准"),
            ("本年度无其他需要报告的事项。", "本年度政府信息公开未发生收费情况。"),
        ],
    )
    assert "gb2021.fee.unstated" not in rules(problems_of(path))


CORPUS = BROKEN.parents[1] / "corpus"


def _corpus_text(name: str, *edits: tuple[str, str]) -> str:
    """A real report's TOML without its own ``previous``, with edits (each must apply)."""
    text = re.sub(r'^previous = ".*"\n', "", (CORPUS / name / "report.toml").read_text(encoding="utf-8"), flags=re.M)
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def _pair(root, this_text: str, last_text: str):
    """This year's report in root/this, last year's in root/last, ``previous`` pointing from one to the other."""
    for name, text in (("last", last_text), ("this", this_text)):
        (root / name).mkdir(parents=True)
        if name == "this":
            text = text.replace("\n[report]", '\nprevious = "../last/report.toml"\n\n[report]', 1)
        (root / name / "report.toml").write_text(text, encoding="utf-8")
    return [p for p in problems_of(root / "this" / "report.toml") if p.rule == "gb2021.cross-year.valid-documents"]


def test_documents_are_followed_across_the_2019_and_2021_tables(tmp_path):
    # last year (2019 tables) 对外公开总数量 11; this year (2021 tables) 制发 3, 废止 0, 现行有效 3
    this = _corpus_text("pingtan-czjrj-2021")
    [p] = _pair(tmp_path / "as-published", this, _corpus_text("pingtan-czjrj-2020"))
    assert (p.expected, p.found, p.source.keypath) == (14, 3, "active.normative_documents.valid")
    assert "对外公开总数量" in p.message and "2019 格式" in p.message and "口径不完全相同" in p.message
    # 0 public last year + 3 issued − 0 repealed = 3: consistent across the formats
    last = _corpus_text("pingtan-czjrj-2020", ("total_public = 11", "total_public = 0"))
    assert _pair(tmp_path / "consistent", this, last) == []


@pytest.mark.parametrize(("last_total", "found"), [(7, []), (9, [(13, 11)])])
def test_documents_are_followed_from_one_2019_table_to_the_next(tmp_path, last_total, found):
    # 2020 in the 2019 tables: 对外公开总数量 11 = last year's + 本年新公开数量 4, so last year's should be 7;
    # last year's report is the same report set one year back with its total edited
    this = _corpus_text("pingtan-czjrj-2020")
    last = _corpus_text(
        "pingtan-czjrj-2020", ("year = 2020", "year = 2019"), ("total_public = 11", f"total_public = {last_total}")
    )
    problems = _pair(tmp_path, this, last)
    assert [(p.expected, p.found) for p in problems] == found
    assert all("本年新公开数量" in p.message and "格式" not in p.message for p in problems)


def test_the_documents_in_force_said_in_the_text_against_table_two(tmp_path):
    """平潭综合实验区管委会办公室 2022: "本年度制发规范性文件34件，现行有效件数424件" beside table 二's 89."""
    said = ("现行有效行政规范性文件{active.normative_documents.valid}件", "现行有效件数424件")
    [p] = [p for p in problems_of(write_variant(tmp_path, [said])) if p.rule == "gb2021.text.mismatch"]
    assert (p.found, p.expected) == ("424", "31") and "现行有效件数" in p.message
    right = ("现行有效行政规范性文件{active.normative_documents.valid}件", "现行有效行政规范性文件31件")
    assert "gb2021.text.mismatch" not in rules(problems_of(write_variant(tmp_path, [right])))
    # a part of those in force, published (平潭综合实验区 2023: 393 published, 77 new, 470 in force)
    part = ("现行有效行政规范性文件{active.normative_documents.valid}件", "集中发布现行有效行政规范性文件20件")
    assert "gb2021.text.mismatch" not in rules(problems_of(write_variant(tmp_path, [part])))


def test_a_2021_report_citing_the_trial_format(tmp_path):
    """平潭金井片区 2021 cites 《中华人民共和国政府信息公开工作年度报告格式（试行）》, the 2019 trial format's title."""
    trial = ("《中华人民共和国政府信息公开工作年度报告格式》", "《中华人民共和国政府信息公开工作年度报告格式（试行）》")
    [p] = [p for p in problems_of(write_variant(tmp_path, [trial])) if p.rule == "gb2021.format-title"]
    assert p.source.keypath.startswith("preamble.text") and "（试行）" in p.found
    assert "gb2021.format-title" not in rules(problems_of(EXAMPLE_2024))


_FORMAT_CITED = "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）"
_TRIAL_NOTICE = "《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》"


@pytest.mark.parametrize(
    ("cited", "found"),
    [
        # 平潭国有资产管理局 2022, 投资促进局 2024: the 2019 notice by its 文号
        (f"{_TRIAL_NOTICE}（国办公开办函〔2019〕60号）", "国办公开办函〔2019〕60号"),
        # 高平市米山镇 2023 (held-out round 68), 平潭交通与建设局 2021: by its title alone
        (_TRIAL_NOTICE, _TRIAL_NOTICE),
        ("国务院办公厅政府信息与政务公开办公室《关于政府信息公开工作年度报告有关事项的通知》", None),
        # a local office's notice of the same words is another document; the 2021 notice beside it settles it
        ("《某市人民政府办公室关于政府信息公开工作年度报告有关事项的通知》", ""),
        (f"{_TRIAL_NOTICE}和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）", ""),
    ],
)
def test_a_2021_report_resting_on_the_2019_notice(tmp_path, cited, found):
    problems = problems_of(write_variant(tmp_path, [(_FORMAT_CITED, cited)]))
    said = [p for p in problems if p.rule == "gb2021.format-title"]
    if found == "":
        assert said == []
        return
    [p] = said
    assert p.found == (found or "《关于政府信息公开工作年度报告有关事项的通知》")
    assert p.expected == "国办公开办函〔2021〕30号" and "2019年试行格式" in p.message


# ------------------------------------------- what the text says of the applications, against table 三 (总计 column)
def _table3(new, carried=0):
    return {"applications": {"total": {"new_received": new, "carried_over": carried}}}


@pytest.mark.parametrize(
    ("sentence", "new", "carried", "found"),
    [
        # the 2008 公开属性 statistic beside one application (平潭旅游与文化体育局 2022, reworded)
        ("今年共制作政务信息1233条，主动公开政府信息31条。依申请公开信息1180条。", 1, 0, [1180]),
        ("其中主动公开253份、依申请公开及不予公开409份。", 0, 0, [409]),
        ("制发政府信息425条，其中主动公开148条，依申请公开信息数182条，不予公开95条。", 0, 0, [182]),
        # the applications themselves, as table 三 counts them: not the statistic
        ("2024年共收到依申请公开8件，均已按期答复。", 8, 0, []),
        ("办结依申请公开81件，其中予以公开52件。", 80, 1, []),
        ("全年通过政府门户网站回应依申请公开信息3条。", 3, 0, []),
    ],
)
def test_attribute_count_against_table3(sentence, new, carried, found):
    from plugins.gb2021.textcheck import attribute_counts

    assert [n for _, n, _, _ in attribute_counts(sentence, _table3(new, carried))] == found


def test_attribute_count_needs_a_typed_table():
    from plugins.gb2021.textcheck import attribute_counts

    assert list(attribute_counts("依申请公开信息1180条。", {"applications": {"total": {}}})) == []


@pytest.mark.parametrize(
    ("sentence", "new", "carried", "claimed"),
    [
        ("本年度未收到政府信息公开申请。", 3, 0, True),
        ("2023年我局没有收到任何依申请公开事项。", 1, 0, True),
        # handled while there was nothing to handle (平潭综合执法应急局 2022)
        ("依申请信息公开件均严格依程序规范办理，在规定时间内予以答复。", 0, 0, True),
        # what is right, or about something else
        ("本年度未收到政府信息公开申请。", 0, 0, False),
        ("未收到因政府信息公开申请提起的行政复议。", 2, 0, False),
        ("上年度未收到政府信息公开申请，本年度收到2件。", 2, 0, False),
        ("收到的申请均在法定期限内答复。", 4, 0, False),
        ("2023年未收到政府信息公开申请，相关制度均已完善并按时答复咨询。", 0, 0, False),
        ("上年结转的1件申请已按时答复。", 0, 1, False),
    ],
)
def test_application_claims_against_table3(sentence, new, carried, claimed):
    from plugins.gb2021.textcheck import application_claims

    assert bool(list(application_claims(sentence, _table3(new, carried)))) is claimed


def test_a_government_that_reports_accountability_passes(tmp_path):
    path = write_variant(tmp_path, [('organ = "青岚市数据资源管理局"', 'organ = "青岚市人民政府"')])
    assert "gb2021.accountability-unstated" not in rules(problems_of(path))  # 责任追究 is said in 监督保障


SILENT = ("未发生因政府信息公开工作引起的责任追究情况", "工作平稳")


@pytest.mark.parametrize(
    ("organ", "reported"),
    [
        ("青岚市人民政府", True),
        ("青岚市某镇人民政府", True),
        # a street office is the district's agency, not a level of government (嵩山路街道 2024, held-out round 55)
        ("青岚市某区某街道办事处", False),
        ("青岚市数据资源管理局", False),  # a department
    ],
)
def test_accountability_asked_of_the_levels_of_government(tmp_path, organ, reported):
    path = write_variant(tmp_path, [('organ = "青岚市数据资源管理局"', f'organ = "{organ}"'), SILENT])
    assert ("gb2021.accountability-unstated" in rules(problems_of(path))) is reported


def test_an_overview_that_speaks_of_two_topics_or_fewer(tmp_path):
    """官洲街道 2023, 滇中新区临空局 2022: a whole 总体情况 of one paragraph, on 主动公开 or on nothing in
    particular."""
    cut = [
        (line, "")
        for line in EXAMPLE_2023.read_text(encoding="utf-8").split("[active]")[0].splitlines()
        if line.startswith(("[overview.", 'text = "全年', 'text = "完成', 'text = "将政务'))
    ]
    path = write_variant(tmp_path, cut, source=EXAMPLE_2023)
    [p] = [p for p in problems_of(path) if p.rule == "gb2021.overview-thin"]
    assert p.source.keypath == "overview" and "依申请公开" in p.message and "监督保障" in p.message
    assert "gb2021.overview-thin" not in rules(problems_of(EXAMPLE_2023))  # all five topics


@pytest.mark.parametrize(
    ("sentence", "made", "found"),
    [
        # 平潭旅游与文化体育局 2022, reworded
        ("主动公开政府信息31条，其中机构职能类信息2条，政策、规范性文件信息2条。", 9, [(2, 9)]),
        ("主动公开政府信息260条，其中政策、规范性文件类7条。", 4, []),  # policies too: more than made is fine
        ("本年度制发规范性文件34件，均在门户网站公开。", 40, []),  # made, not a class of what was published
        ("集中公开现行有效行政规范性文件698件。", 800, []),
        ("主动公开政府信息31条，其中政策、规范性文件信息2条。", 0, []),
        # 通山县 2019 (held-out round 188): the count made, then fewer published, against table 二's 2584 made
        ("全县各部门单位共制定规范性文件2584件,对外公开2505件。", 2584, [(2505, 2584)]),
        ("全县各部门单位共制定规范性文件2584件,对外公开2584件。", 2584, []),
    ],
)
def test_normative_documents_published_against_table2(sentence, made, found):
    from plugins.gb2021.textcheck import normative_published

    values = {"active": {"normative_documents": {"issued": made}}}
    assert [(n, m) for _, n, m in normative_published(sentence, values)] == found


@pytest.mark.parametrize(
    ("sentence", "decisions", "found"),
    [
        # 平潭交通与建设局 2019, reworded: 985 licences listed against 1 decision
        ("全年公开施工许可证76条、安全生产许可证121条、排水许可证5条、户外广告设置许可证783条。", 1, [985]),
        ("全年公开施工许可证76条、排水许可证5条。", 81, []),
        ("梳理行政许可事项291项，公开行政许可类信息40条。", 1, []),  # items and information, not licences
        ("全年核发排水许可证5件。", None, []),  # table 二 left blank: nothing to compare
    ],
)
def test_licences_listed_against_table2(sentence, decisions, found):
    from plugins.gb2021.textcheck import licences_beyond_table2

    values = {"active": {"licensing": {"decisions": decisions}}}
    assert [n for _, n, _ in licences_beyond_table2(sentence, values)] == found


def test_normative_documents_in_the_regulations_own_class_and_the_2019_table():
    """平潭管委会办公室 2019: "其中地方性法规、政府规章和规范性文件1条" against table 二's 22 made (2019 format)."""
    from plugins.gb2021.textcheck import normative_published

    values = {"active": {"normative_documents": {"made": 22, "published": 22}}}
    text = "全年公开公文类政府信息共33条，其中地方性法规、政府规章和规范性文件1条，工作动态7条。"
    assert [(n, m) for _, n, m in normative_published(text, values)] == [(1, 22)]


def test_normative_documents_listed_in_a_sentence_of_their_own():
    """平潭自然资源与生态环境局 2020: "……主动公开政府信息225条。其中政策规范性文件类信息5条，……" against 9 made."""
    from plugins.gb2021.textcheck import normative_published

    values = {"active": {"normative_documents": {"made": 9}}}
    text = "2020年主动公开政府信息225条。其中政策规范性文件类信息5条，财政资金类5条。"
    assert [(n, m) for _, n, m in normative_published(text, values)] == [(5, 9)]


def _overview_without(tmp_path, drop: tuple[str, ...], items: list[str] | None = None):
    """The 2024 example with some of 总体情况's sub-sections removed, or all of them replaced by ``items`` headed so."""
    text = EXAMPLE_2024.read_text(encoding="utf-8")
    keys = ("active", "applications", "management", "platforms", "supervision") if items is not None else drop
    for key in keys:  # a sub-section runs from its header to the next blank line
        text = re.sub(rf"\[overview\.{key}\]\n.*?\n\n", "", text, count=1, flags=re.S)
        text = re.sub(rf"\[\[overview\.{key}\.items\]\]\n.*?\n\n", "", text, flags=re.S)
        assert f"[overview.{key}" not in text, key
    if items is not None:
        listed = "".join(f'[[overview.items]]\nheading = "{h}"\ntext = "工作情况。"\n\n' for h in items)
        text = text.replace("# 二、主动公开政府信息情况", listed + "# 二、主动公开政府信息情况", 1)
    text = text.replace('"../qinglan-data-2023/', f'"{EXAMPLE_2023.parent}/')
    out = tmp_path / "report.toml"
    out.write_text(text, encoding="utf-8")
    return out


def test_a_topic_of_the_overview_left_out(tmp_path):
    # 大英县乡村振兴局 2021: （一）主动公开 （二）政府信息管理 （三）平台建设 （四）监督保障 — no 依申请公开
    [p] = [p for p in problems_of(_overview_without(tmp_path, ("applications",))) if p.rule.endswith("topic-missing")]
    assert p.severity == Severity.WARNING and "缺“依申请公开”" in p.message
    headings = ["主动公开情况。", "依申请公开办理情况。", "政府信息公开平台建设情况。", "监督保障情况。"]
    [p] = [p for p in problems_of(_overview_without(tmp_path, (), headings)) if p.rule.endswith("topic-missing")]
    assert p.source.keypath == "overview.items" and "缺“政府信息管理”" in p.message


def test_the_last_topic_left_out_of_a_whole_overview(tmp_path):
    """北辰区集贤里街道 2023: （一）主动公开 …（四）公开平台建设, then 二、主动公开政府信息情况 — no 监督保障.
    In a copy cut after 平台建设 nothing printed after it shows 监督保障 left out."""
    path = _overview_without(tmp_path, ("supervision",))
    [p] = [p for p in problems_of(path) if p.rule.endswith("topic-missing")]
    assert "缺“监督保障”" in p.message
    path.write_text(path.read_text(encoding="utf-8").split("# 二、主动公开政府信息情况")[0], encoding="utf-8")
    assert not [p for p in problems_of(path) if p.rule.endswith("topic-missing")]


@pytest.mark.parametrize(
    ("drop", "items"),
    [
        (("management", "platforms", "supervision"), None),  # too few to say the sub-items follow the topics
        # sub-items of the report's own (平潭交通局 2021): two of six headings name a topic
        ((), ["加强主动公开和依申请公开办理。", "强化审核。", "优化环境。", "回应关切。", "规范平台建设。", "便民。"]),
        # one heading naming two topics (平潭君山片区 2021)
        ((), ["主动公开方面。", "依申请公开方面。", "政府信息管理和公开平台建设方面。", "监督保障方面。"]),
    ],
)
def test_the_overview_topics_not_reported_missing(tmp_path, drop, items):
    assert not [p for p in problems_of(_overview_without(tmp_path, drop, items)) if p.rule.endswith("topic-missing")]


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("（二）依法申请公开：", "依申请公开"),  # 富平县文化和旅游局 2021
        ("政务信息公开平台建设。", "政府信息公开平台建设"),  # 武昌区北银河镇 2022 (政务 for 政府)
        ("政府信息公开。", "政府信息公开平台建设"),  # 信丰县正平镇 2023: the topic cut short
    ],
)
def test_an_overview_topic_heading_one_slip_off_the_format(tmp_path, heading, title):
    headings = ["主动公开。", heading, "政府信息管理。", "监督保障。"]
    [p] = [p for p in problems_of(_overview_without(tmp_path, (), headings)) if p.rule.endswith("topic-heading")]
    assert (p.source.keypath, p.expected) == ("overview.items[1].heading", f"“{title}”")


def test_an_overview_topic_heading_typed_in_its_paragraph(tmp_path):
    path = _overview_without(tmp_path, (), ["主动公开。"])
    text = re.sub(
        r"\[overview\]\ntext = .*\n",
        '[overview]\ntext = ["总体情况。", "(四)政府信息公开。坚持以人民为中心。"]\n',
        path.read_text(encoding="utf-8"),
        count=1,
    )
    path.write_text(text, encoding="utf-8")
    found = [p for p in problems_of(path) if p.rule.endswith("topic-heading")]
    assert [(p.source.keypath, p.found) for p in found] == [("overview.text[1]", "“政府信息公开”")]


def test_overview_headings_in_their_own_words_pass(tmp_path):
    headings = ["主动公开政府信息情况。", "依申请公开办理情况。", "政府信息管理。", "平台建设。", "监督保障。"]
    assert not [p for p in problems_of(_overview_without(tmp_path, (), headings)) if p.rule.endswith("topic-heading")]


@pytest.mark.parametrize(
    ("said", "old"),
    [
        # 石狮市鸿山镇 2021 (held-out round 242), 闽侯县白沙镇 2025 (round 247): the 2008 条例 第十二条's list copied
        ("主动公开贯彻落实国家关于农村工作政策的情况", "贯彻落实国家关于农村工作政策"),
        ("公开征收或者征用土地、房屋拆迁及其补偿、补助费用的发放、使用情况", "房屋拆迁及其补偿"),
        # 房屋拆迁 said of what applicants asked about is not the list's item (泰安市 2022)
        ("申请内容主要涉及土地征收、房屋拆迁等方面", None),
        ("主动公开贯彻落实农业农村政策的情况", None),
    ],
)
def test_the_2008_regulations_list_of_what_to_publish_in_a_later_report(tmp_path, said, old):
    path = write_variant(tmp_path, [("未发生因政府信息公开工作引起的责任追究情况", said)])
    found = [p for p in problems_of(path) if p.rule == "gb2021.old-categories"]
    assert [p.found for p in found] == ([old] if old else [])


@pytest.mark.parametrize(
    ("listed", "found"),
    [
        # 西藏自治区邮政管理局 2023 (held-out round 254): a list read only for this (依申请公开信息 ends like no part)
        (
            "本报告内容包括主要工作情况、主动公开信息情况、依申请公开信息、信息公开收费及减免情况、因信息公开申请行政复议"
            "或提起行政诉讼情况、信息公开工作存在的主要问题及下一步工作安排等。",
            "信息公开收费及减免情况",
        ),
        # 富源县水务局 2020, 江苏省统计局 2019: lists read as such
        (
            "本报告包括总体情况、主动公开政府信息情况、依申请公开政府信息情况、收费和减免情况、行政复议和行政诉讼情况、"
            "存在的主要问题和改进措施等部分。",
            "收费和减免情况",
        ),
        # the 2021 format's 信息处理费 belongs to 其他需要报告的事项: named so, it is no old part
        (
            "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
            "存在的主要问题及改进情况、其他需要报告的事项（含收取信息处理费情况）。",
            None,
        ),
        # fees named outside a list of parts
        ("本年度未收取任何费用，也无收费及减免情况。", None),
    ],
)
def test_the_2008_fee_part_in_a_later_reports_list_of_parts(tmp_path, listed, found):
    own = (
        "要求编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的事项六部分组成。"
    )
    path = write_variant(tmp_path, [(own, "要求编制。" + listed)])
    hits = [p for p in problems_of(path) if p.rule == "gb2021.part-list-legacy"]
    assert [p.found for p in hits] == ([found] if found else [])
