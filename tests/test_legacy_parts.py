"""The nine numbered parts: numbering by position, heading overrides, and the preamble's part list."""

from __future__ import annotations

import pytest
from conftest import LEGACY_REPORT, legacy, rules

from compiler.model.document import Heading, Paragraph
from compiler.model.problems import Severity

PART_LIST = (
    "本报告由概述、主动公开政府信息情况、依申请公开政府信息情况、咨询和投诉情况、行政复议和行政诉讼情况、"
    "工作人员和费用支出情况、存在的主要问题及改进情况、其他需要报告的事项、附表共九个部分组成。"
)


def test_parts_are_numbered_by_position_in_the_legacy_order(blocks):
    headings = [b.text for b in blocks(legacy()) if isinstance(b, Heading) and b.outline_level == 0]
    assert headings == [
        "一、概述",
        "二、主动公开政府信息情况",
        "三、依申请公开政府信息情况",
        "四、咨询和投诉情况",
        "五、行政复议和行政诉讼情况",
        "六、工作人员和费用支出情况",
        "七、存在的主要问题及改进情况",
        "八、其他需要报告的事项",
        "九、附表",
    ]


def test_a_heading_override_keeps_the_number(blocks):
    made = blocks(legacy(appeals={"heading": "申请行政复议和提起行政诉讼情况", "text": "无。"}))
    assert "五、申请行政复议和提起行政诉讼情况" in [b.text for b in made if isinstance(b, Heading)]


def test_a_part_number_printed_out_of_order_is_kept_and_reported(blocks, check, tmp_path):
    """A report transcribed as published whose parts print 二、 and 四、 where 一、 and 三、 belong (大兴区榆垡镇 2016's
    stored copy): ``number`` gives the printed number, the parts after it follow on, and the slip is warned."""
    data = legacy(overview=None, active={"number": 2, "text": "主动公开134条。"}, appeals={"number": 4, "text": "无。"})
    headings = [b.text for b in blocks(data) if isinstance(b, Heading) and b.outline_level == 0]
    assert headings[:3] == ["二、主动公开政府信息情况", "三、依申请公开政府信息情况", "四、咨询和投诉情况"]
    assert "六、行政复议和行政诉讼情况" not in headings and headings[3] == "四、行政复议和行政诉讼情况"
    found = [p for p in check(data) if p.rule == "input.part-number"]
    slips = [(p.source.keypath, p.expected, p.found) for p in found]
    assert slips == [("active.number", 1, 2), ("appeals.number", 5, 4)]
    assert all(p.severity == Severity.WARNING for p in found)
    in_order = legacy(overview=None, active={"number": 1, "text": "主动公开134条。"})
    assert "input.part-number" not in rules(check(in_order))


def test_a_missing_part_the_law_asks_for_is_a_warning(check):
    [p] = [p for p in check(legacy(appeals=None)) if p.rule == "input.missing-part"]
    assert p.severity == Severity.WARNING
    assert "行政复议和行政诉讼情况" in p.message and p.source.keypath == "appeals"


def test_parts_of_the_nine_part_sample_only_may_be_absent(check):
    """概述, 咨询和投诉, 工作人员和费用支出 and 附表 are the 青岛 sample's, not the 2008 条例's (第三十二条)."""
    data = legacy(overview=None, consultation=None, staffing=None, tables=None)
    assert "input.missing-part" not in rules(check(data))


# the 2008 条例's own structure (第三十二条) as 遂溪县建新镇 2018 prints it: 主动公开, 依申请公开, 收费及减免…
ARTICLE_32 = {
    "overview": None,
    "consultation": None,
    "staffing": None,
    "tables": None,
    "fee": {"heading": "依申请信息公开收费情况", "collected": 0, "text": "本年度未收取任何费用。"},
}


def test_the_fee_part_of_the_2008_structure_is_numbered_in_place(blocks):
    headings = [b.text for b in blocks(legacy(**ARTICLE_32)) if isinstance(b, Heading) and b.outline_level == 0]
    assert headings == [
        "一、主动公开政府信息情况",
        "二、依申请公开政府信息情况",
        "三、依申请信息公开收费情况",
        "四、行政复议和行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]


def test_the_fee_part_states_the_fee(check):
    applications = {k: v for k, v in LEGACY_REPORT["applications"].items() if k != "fees"}
    applications["text"] = "本年度共受理申请3件。"
    found = rules(check(legacy(**ARTICLE_32, applications=applications)))
    assert "legacy.fee.unstated" not in found and "input.missing-part" not in found
    without = {**ARTICLE_32, "fee": None}
    assert "legacy.fee.unstated" in rules(check(legacy(**without, applications=applications)))


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        # 乳山口镇 2010 (held-out round 30): the principle, and nothing of the year
        ("在政府信息公开过程中，我镇始终坚持为民、便民、利民的原则，对印刷、邮寄等费用，原则上都予以减免。", True),
        # 荣成市夏庄镇 2010: the same principle, then the year
        ("我镇始终坚持为民、便民、利民的原则，对印刷、邮寄等费用都予以减免，2010年未收取相关费用。", False),
        ("无收费及减免情况。", False),
        ("全年收取复印费30元。", False),
    ],
)
def test_a_fee_part_that_tells_only_the_principle(check, text, warned):
    applications = {k: v for k, v in LEGACY_REPORT["applications"].items() if k != "fees"}
    fee = {"heading": "政府信息公开收费及减免情况", "text": text}
    found = [p for p in check(legacy(**{**ARTICLE_32, "fee": fee}, applications=applications))]
    unstated = [p for p in found if p.rule == "legacy.fee.unstated"]
    assert bool(unstated) is warned
    if warned:
        assert unstated[0].source.keypath == "fee.text" and "原则" in unstated[0].message
    with_amount = {**fee, "collected": 0}  # a number typed as data says it
    assert "legacy.fee.unstated" not in rules(check(legacy(**{**ARTICLE_32, "fee": with_amount})))


def test_a_heading_that_differs_from_the_preamble_list_is_reported(check):
    data = legacy(
        preamble={"text": PART_LIST},
        issues={"heading": "存在的主要问题和改进情况", "text": "问题。"},
    )
    [p] = [p for p in check(data) if p.rule == "legacy.part-heading"]
    assert p.source.keypath == "issues.heading"
    assert (p.expected, p.found) == ("存在的主要问题及改进情况", "存在的主要问题和改进情况")
    assert "第七部分" in p.message


def test_with_a_listed_part_left_out_a_heading_is_compared_with_the_name_listed_where_it_stands(check):
    """平潭县经济贸易局 2011: the list names 复议诉讼, the body has no such part, and the problems part's heading is
    worded otherwise — it is compared with the problems part's name, not with the name at its position."""
    data = legacy(
        preamble={"text": PART_LIST},
        appeals=None,
        issues={"heading": "存在的主要问题和改进措施", "text": "问题。"},
    )
    found = [p for p in check(data) if p.rule == "legacy.part-heading"]
    [heading] = [p for p in found if p.source.keypath == "issues.heading"]
    assert heading.expected == "存在的主要问题及改进情况"
    [missing] = [p for p in found if p.source.keypath == "preamble.text"]
    assert "行政复议和行政诉讼情况" in missing.message and "存在的主要问题" not in missing.message


@pytest.mark.parametrize(
    "heading",
    [
        "存在的主要问题及改进情况：",  # a closing colon
        "政府信息公开工作存在的主要问题及改进情况",  # the list's name, shortened (平潭县财政局 2009: 工作概述)
        "主要问题及改进情况",
    ],
)
def test_a_heading_the_list_names_in_other_words_passes(check, heading):
    data = legacy(preamble={"text": PART_LIST}, issues={"heading": heading, "text": "问题。"})
    assert "legacy.part-heading" not in rules(check(data))


@pytest.mark.parametrize(("heading", "warned"), [("概述", False), ("情况概述", False), ("情况", True)])
def test_a_heading_that_is_the_end_of_the_listed_name(check, heading, warned):
    """柳北区统计局 2013 (held-out round 24): the list says "政府信息公开情况概述", the heading "一、概述" — the part's
    own name; a heading that is only a word every name ends on (情况) names no part."""
    text = PART_LIST.replace("本报告由概述", "本报告由政府信息公开情况概述")
    data = legacy(preamble={"text": text}, overview={"heading": heading, "text": "正文。"})
    found = [p for p in check(data) if p.rule == "legacy.part-heading" and p.source.keypath == "overview.heading"]
    assert bool(found) is warned


def test_headings_matching_the_preamble_list_pass(check):
    found = rules(check(legacy(preamble={"text": PART_LIST})))
    assert "legacy.part-heading" not in found
    assert "legacy.part-count" not in found


def test_a_list_in_another_order_than_the_parts_and_said_in_fang_mian(check):
    """大竹县朝阳乡 2016: "本报告包括……等六个方面内容" (方面 for 部分), with 复议诉讼 listed before the part printed
    there — the message says the part is listed elsewhere, not only that the names differ."""
    swapped = PART_LIST.replace("咨询和投诉情况、行政复议和行政诉讼情况", "行政复议和行政诉讼情况、咨询和投诉情况")
    data = legacy(preamble={"text": swapped.replace("共九个部分组成", "等九个方面内容")})
    found = [p for p in check(data) if p.rule == "legacy.part-heading"]
    assert [p.source.keypath for p in found] == ["consultation", "appeals"]  # headings as the format gives them
    assert "在导语中列为第五部分" in found[0].message and "次序与正文不同" in found[0].message
    assert "legacy.part-heading" not in rules(
        check(legacy(preamble={"text": PART_LIST.replace("共九个部分组成", "等九个方面内容")}))
    )
    # 铜陵市铜官区东郊办事处 2019 (held-out round 37): "……等6项主要内容", read as the same list
    counted = [p for p in check(legacy(preamble={"text": PART_LIST.replace("共九个部分组成", "等8项主要内容")}))]
    assert [(p.expected, p.found) for p in counted if p.rule == "legacy.part-count"] == [(9, 8)]


def test_a_part_count_that_differs_from_the_list_is_reported(check):
    data = legacy(preamble={"text": PART_LIST.replace("共九个", "共八个")})
    [p] = [p for p in check(data) if p.rule == "legacy.part-count"]
    assert (p.expected, p.found) == (9, 8)


def test_staffing_counts_and_spending_are_cited(blocks):
    staffing = {
        "agencies": 1,
        "fulltime": 2,
        "parttime": 422,
        "spending_wan": 7,
        "text": "机构{staffing.agencies}个，共{staffing.staff}人，费用{staffing.spending_wan}万余元。",
    }
    texts = [b.text for b in blocks(legacy(staffing=staffing)) if isinstance(b, Paragraph)]
    assert "机构1个，共424人，费用7万余元。" in texts


def test_issues_items_numbered_1_dot_with_run_in_headings(blocks):
    issues = {
        "text": "问题。",
        "numbering": "1.",
        "items": [{"heading": "突出公开重点。", "text": "甲。"}, {"heading": "加快平台建设。", "text": "乙。"}],
    }
    paras = [b for b in blocks(legacy(issues=issues)) if isinstance(b, Paragraph)]
    numbered = [p for p in paras if p.text.endswith(("甲。", "乙。"))]
    assert [p.text for p in numbered] == ["1.突出公开重点。甲。", "2.加快平台建设。乙。"]
    assert numbered[0].runs[0].role == "runin3"


def test_consultation_and_appeals_counts_are_validated(check):
    appeals = {**LEGACY_REPORT["appeals"], "reviews": -1}
    data = legacy(consultation={"complaints": "无", "text": "无。"}, appeals=appeals)
    problems = check(data)
    assert {(p.rule, p.source.keypath) for p in problems if p.rule.startswith("input.")} == {
        ("input.type", "consultation.complaints"),
        ("input.negative", "appeals.reviews"),
    }


ORDER_WITH_EXTRA = ["report", "preamble", "overview", "active", "applications", "extra", "appeals", "issues", "other"]


def test_a_part_of_the_reports_own_is_placed_by_the_sections_order(blocks):
    """平潭县地税局 2013 prints 四、审批事项及处理情况 between its 依申请公开 and 复议诉讼 parts."""
    data = legacy(extra={"heading": "审批事项及处理情况", "text": "今年我局共受理审批事项117件。"})
    data["sections"] = [*ORDER_WITH_EXTRA, "staffing", "signature"]
    headings = [b.text for b in blocks(data) if isinstance(b, Heading) and b.outline_level == 0]
    assert headings[3:5] == ["四、审批事项及处理情况", "五、行政复议和行政诉讼情况"]


def test_several_parts_of_the_reports_own(write_toml, tmp_path, check):
    """高青县人民政府办公室 2015 (held-out round 38) prints three parts the 条例's list does not have before its
    主动公开 part: [extra], [extra_2] and [extra_3], numbered in the printed order, read back as such (a heading
    about 重点领域 is the report's own part, not its 主动公开 part)."""
    import tomllib

    from compiler.build import build
    from compiler.importers.run import import_file
    from tests.pdfread import read_pdf

    own = {
        "extra": "组织领导和制度建设情况",
        "extra_2": "发布解读、回应社会关切以及互动交流情况",
        "extra_3": "重点领域政府信息公开情况",
    }
    data = legacy(**{key: {"heading": heading, "text": "正文。"} for key, heading in own.items()})
    parts = ["active", "applications", "appeals", "issues", "other"]
    data["sections"] = ["report", "preamble", "overview", *own, *parts, "signature"]
    for key in ("consultation", "staffing", "tables"):
        data.pop(key, None)
    assert not [p for p in check(data) if p.severity.name == "ERROR"]
    out = build(write_toml(data), tmp_path / "own.html", to=["html"]).outputs["html"]
    imported = tomllib.loads(import_file(out, "legacy").toml)
    assert {key: imported[key]["heading"] for key in own} == own
    assert imported["sections"][3:7] == [*own, "active"]
    pdf = build(write_toml(data), tmp_path / "own.pdf").outputs["pdf"]
    lines = [ln.text.replace(" ", "") for page in read_pdf(pdf.read_bytes()).pages for ln in page.lines]
    assert "三、发布解读、回应社会关切以及互动交流情况" in lines and "五、主动公开政府信息情况" in lines


def test_a_part_of_the_reports_own_needs_its_heading(check):
    data = legacy(extra={"text": "正文。"})
    [p] = [p for p in check(data) if p.source and p.source.keypath == "extra.heading"]
    assert p.severity == Severity.ERROR


def test_a_required_part_left_out_of_the_sections_order_is_still_missing(check):
    data = legacy(other=None)
    data["sections"] = [k for k in ORDER_WITH_EXTRA if k not in ("extra", "other")] + ["signature"]
    missing = [p for p in check(data) if p.rule == "input.missing-part"]
    assert [p.source.keypath for p in missing] == ["other"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("县直各单位主动公开政府信息303条，占71.3%。", False),  # 平潭县 2011: one group, with its share
        ("其中，区管委会及区直各部门主动公开政府信息1592条，占76.9%。", False),  # 平潭综合实验区 2018
        ("2011年县政府公开办主动公开信息数为62条。", False),
        ("本年度主动公开政府信息500条。", True),  # the total restated, wrongly
        ("全县各单位共主动公开政府信息500条。", True),
    ],
)
def test_a_groups_count_is_not_the_total_restated(check, text, flagged):
    found = [p for p in check(legacy(active={**legacy()["active"], "text": text})) if p.rule == "legacy.text.mismatch"]
    assert bool(found) is flagged, [p.message for p in found]


def test_a_printed_part_number_reaches_the_pdf(write_toml, tmp_path):
    from compiler.build import build
    from tests.pdfgeom import page_text

    data = legacy(overview=None, active={"number": 2, "text": "主动公开134条。"}, appeals={"number": 4, "text": "无。"})
    out = tmp_path / "out.pdf"
    build(write_toml(data), out)
    text = "".join(page_text(out, page) for page in range(2)).replace(" ", "")
    assert "二、主动公开政府信息情况" in text and "四、行政复议和行政诉讼情况" in text
    assert "一、主动公开政府信息情况" not in text


def test_a_printed_part_number_comes_back_on_import(write_toml, tmp_path):
    """Imported from the PDF's visible text, a part printed 四、 in third place keeps 4, and the rebuilt PDF prints
    the same numbers."""
    import tomllib

    from compiler.build import build
    from compiler.importers.run import import_file
    from tests.pdfgeom import page_text

    data = legacy(overview=None, active={"number": 2, "text": "主动公开134条。"}, appeals={"number": 4, "text": "无。"})
    for key in ("applications", "consultation", "staffing", "other", "tables"):
        data.pop(key, None)
    out = tmp_path / "out.pdf"
    build(write_toml(data), out)
    imported = tomllib.loads(import_file(out).toml)
    assert (imported["active"].get("number"), imported["appeals"].get("number")) == (2, 4)
    again = tmp_path / "again.toml"
    again.write_text(import_file(out).toml, encoding="utf-8")
    rebuilt = tmp_path / "again.pdf"
    build(again, rebuilt)
    text = page_text(rebuilt, 0).replace(" ", "")
    assert "二、主动公开政府信息情况" in text and "四、行政复议和行政诉讼情况" in text and "五、" in text


def test_part_numbers_printed_in_brackets(write_toml, tmp_path, check):
    """海口市龙华区司法局 2021 (held-out round 36) numbers its parts "(一)" … "(三)、": ``number_as_printed`` prints
    each so (half-width, the 、 kept), warns once a part, and comes back on import from PDF, web page and Word."""
    import tomllib

    from compiler.build import build
    from compiler.importers.run import import_file
    from tests.pdfread import read_pdf

    data = legacy(overview={"number_as_printed": "(一)", "text": "概述。"})
    printed = {"active": "(二)", "applications": "(三)、", "consultation": "(四)", "appeals": "(五)"}
    for key, number in printed.items():
        data[key] = {**data.get(key, {}), "number_as_printed": number}
    for key in ("staffing", "issues", "other", "tables"):
        data.pop(key, None)
    path = write_toml(data)
    found = [p for p in check(data) if p.rule == "input.numbering-variant"]
    assert [p.source.keypath for p in found] == [f"{k}.number_as_printed" for k in ("overview", *printed)]
    assert (found[2].found, found[2].expected) == ("(三)、", "三、")
    outputs = build(path, tmp_path / "report", to=["pdf", "html", "docx"]).outputs
    lines = [ln.text.replace(" ", "") for page in read_pdf(outputs["pdf"].read_bytes()).pages for ln in page.lines]
    assert "(一)概述" in lines and "(三)、依申请公开政府信息情况" in lines, lines
    assert not any(line.startswith("一、") for line in lines)
    for kind in ("pdf", "html", "docx"):
        imported = tomllib.loads(import_file(outputs[kind], "legacy").toml)
        assert {k: imported[k].get("number_as_printed") for k in printed} == printed, kind
        assert imported["overview"].get("number_as_printed") == "(一)", kind


def test_parts_printed_out_of_the_formats_order_come_back_in_their_places(write_toml, tmp_path):
    """五河县临北回族乡 2018 prints 三、收费 before 四、依申请公开: import finds both and keeps their order; a title
    with no part's own word ("政府信息公开情况", 邹城市唐村镇 2010) is the part that comes next."""
    import tomllib

    from compiler.build import build
    from compiler.importers.run import import_file

    data = legacy(
        active={"heading": "政府信息公开情况", "text": "主动公开46条。"},
        fee={"heading": "政府信息公开收费及减免情况", "text": "未收取任何费用。"},
        applications={"heading": "依申请公开政府信息情况", "received": 0, "text": "没有收到申请。"},
    )
    for key in ("consultation", "staffing", "other", "tables"):
        data.pop(key, None)
    data["sections"] = ["report", "preamble", "overview", "active", "fee", "applications", "appeals", "issues"]
    data["sections"].append("signature")
    out = tmp_path / "out.pdf"
    build(write_toml(data), out)
    imported = tomllib.loads(import_file(out).toml)
    assert imported["format"] == "legacy" and "extra" not in imported
    assert imported["active"].get("heading") == "政府信息公开情况"
    order = [k for k in imported["sections"] if k in ("active", "fee", "applications", "appeals")]
    assert order == ["active", "fee", "applications", "appeals"]


@pytest.mark.parametrize(
    ("text", "reviews", "lawsuits"),
    [
        ("我局在2011年度未收到申请行政复议、提起行政诉讼情况。", 0, 0),  # 平潭县海洋与渔业局 2011
        ("全年发生行政复议2件，行政诉讼1件。", 2, 1),
        ("本年度工作平稳。", None, None),  # not said: not asked for, not guessed
    ],
)
def test_appeal_counts_said_in_the_text_come_back_on_import(write_toml, tmp_path, text, reviews, lawsuits):
    import tomllib

    from compiler.build import build
    from compiler.importers.run import import_file

    data = legacy(appeals={"text": text})
    out = tmp_path / "out.html"
    build(write_toml(data), out, to=["html"])
    appeals = tomllib.loads(import_file(out).toml)["appeals"]
    assert (appeals.get("reviews"), appeals.get("lawsuits")) == (reviews, lawsuits)


def test_items_printed_1_dun_are_written_as_printed_and_come_back(write_toml, tmp_path, check):
    """平潭县民政局 2013 numbers its measures "1、……" "2、……": ``numbering = "1、"`` prints them so (a warning
    names the standard "1."), and an import of the printed report writes the same numbering back."""
    import tomllib

    from compiler.build import build
    from compiler.importers.run import import_file
    from tests.pdfread import read_pdf

    issues = {
        "text": "改进措施如下：",
        "numbering": "1、",
        "items": [{"text": "加强信息公开受理服务工作。"}, {"text": "进一步加强主动公开工作。"}],
    }
    data = legacy(issues=issues)
    [p] = [p for p in check(data) if p.rule == "input.numbering-variant"]
    assert (p.expected, p.found, p.source.keypath) == ("1.", "1、", "issues.numbering")
    out = tmp_path / "out.pdf"
    build(write_toml(data), out)
    text = "".join(line.text for page in read_pdf(out.read_bytes()).pages for line in page.lines).replace(" ", "")
    assert "1、加强信息公开受理服务工作。" in text and "2、进一步加强主动公开工作。" in text
    imported = tomllib.loads(import_file(out).toml)
    assert imported["issues"]["numbering"] == "1、" and len(imported["issues"]["items"]) == 2
    plain = legacy(issues={**issues, "numbering": "1."})
    assert "input.numbering-variant" not in {p.rule for p in check(plain)}


@pytest.mark.parametrize(
    ("scheme", "first", "second", "said"),
    [
        ("(一)、", "(一)、", "(二)、", ("半角", "顿号")),
        ("（一）、", "（一）、", "（二）、", ("顿号",)),
        ("(1)、", "(1)、", "(2)、", ("半角", "顿号")),
    ],
)
def test_bracketed_numbers_printed_with_a_dun_are_written_as_printed_and_come_back(
    write_toml, tmp_path, check, scheme, first, second, said
):
    """浮梁县臧湾乡 2018 numbers the items of its part 二 "(一)、主动公开政府信息的数量" "(二)、……": ``numbering =
    "(一)、"`` prints them so, one warning names the standard (no 顿号 after a bracketed number, full-width
    brackets), and an import of the printed report writes the same numbering back."""
    import tomllib

    from compiler.build import build
    from compiler.importers.run import import_file
    from tests.pdfread import read_pdf

    active = {
        "text": "本年度主动公开情况如下。",
        "numbering": scheme,
        "items": [
            {"heading": "主动公开政府信息的数量", "heading_alone": True, "text": "共发布信息40条。"},
            {"heading": "信息公开形式", "heading_alone": True, "text": "通过政府网站公开。"},
        ],
    }
    data = legacy(active={**LEGACY_REPORT["active"], **active})
    [p] = [p for p in check(data) if p.rule == "input.numbering-variant"]
    assert (p.found, p.source.keypath) == (scheme, "active.numbering")
    assert p.expected == scheme[:-1].replace("(", "（").replace(")", "）")
    assert all(word in p.message for word in said)
    out = tmp_path / "out.pdf"
    build(write_toml(data), out)
    text = "".join(line.text for page in read_pdf(out.read_bytes()).pages for line in page.lines).replace(" ", "")
    assert f"{first}主动公开政府信息的数量" in text and f"{second}信息公开形式" in text
    imported = tomllib.loads(import_file(out).toml)
    assert imported["active"]["numbering"] == scheme and len(imported["active"]["items"]) == 2
    assert imported["active"]["items"][0]["heading"].startswith("主动公开")


def test_a_heading_on_its_own_line_with_a_paragraph_before_its_items(write_toml, tmp_path, check):
    """平潭综合实验区国有资产管理局 2019: "（二）下一步改进措施" on its own line, a paragraph, then items 1.–3.:
    ``heading_alone = true`` prints it so, and the import of the printed report writes it back."""
    import tomllib

    from compiler.build import build
    from compiler.importers.run import import_file
    from compiler.model.document import Heading, Paragraph

    item = {
        "heading": "下一步改进措施",
        "heading_alone": True,
        "text": "针对上述问题，我局将从以下方面改进。",
        "numbering": "1.",
        "items": [{"heading": "加强机构建设。", "text": "落实专人。"}, {"heading": "加强交流。", "text": "互相学习。"}],
    }
    data = legacy(issues={"items": [{"heading": "存在的问题", "text": "宣传不够。"}, item]})
    assert not [p for p in check(data) if p.rule.startswith("input.")]
    out = tmp_path / "out.pdf"
    build(write_toml(data), out)
    from compiler.build import report_blocks
    from compiler.model.report import load_report

    blocks, _ = report_blocks(load_report(write_toml(data)))
    texts = [(type(b).__name__, getattr(b, "text", "")) for b in blocks if isinstance(b, (Heading, Paragraph))]
    at = next(i for i, (_, t) in enumerate(texts) if "下一步改进措施" in t)
    assert texts[at] == ("Heading", "（二）下一步改进措施")
    assert texts[at + 1][0] == "Paragraph" and texts[at + 1][1].startswith("针对上述问题")
    assert texts[at + 2][1].startswith("1.加强机构建设。")
    issues = tomllib.loads(import_file(out).toml)["issues"]
    [again] = [i for i in issues["items"] if i.get("heading") == "下一步改进措施"]
    assert again.get("heading_alone") is True and len(again["items"]) == 2


def test_items_printed_in_half_width_brackets_are_written_as_printed(write_toml, tmp_path, check):
    """伊州区丽园街道 2020, 益阳高新区市场监督管理局 2020 (held-out rounds 30, 31): "(一)……(二)……" in half-width
    brackets — ``numbering = "(一)"`` prints them so (warned, naming （一）), and an import writes it back."""
    import tomllib

    from compiler.build import build
    from compiler.importers.run import import_file
    from tests.pdfread import read_pdf

    issues = {
        "text": "改进措施如下：",
        "numbering": "(一)",
        "items": [{"heading": "加强学习。", "text": "组织培训。"}, {"heading": "完善制度。", "text": "修订办法。"}],
    }
    data = legacy(issues=issues)
    [p] = [p for p in check(data) if p.rule == "input.numbering-variant"]
    assert (p.expected, p.found, p.source.keypath) == ("（一）", "(一)", "issues.numbering") and "半角" in p.message
    out = tmp_path / "out.pdf"
    build(write_toml(data), out)
    text = "".join(line.text for page in read_pdf(out.read_bytes()).pages for line in page.lines).replace(" ", "")
    assert "(一)加强学习。组织培训。" in text and "(二)完善制度。" in text and "（一）加强学习" not in text
    assert tomllib.loads(import_file(out).toml)["issues"]["numbering"] == "(一)"
    assert "input.numbering-variant" not in {p.rule for p in check(legacy(issues={**issues, "numbering": "（一）"}))}


def test_a_part_heading_printed_without_a_number(write_toml, tmp_path, check):
    """泾县人民政府 2012 (held-out round 55) prints its 主动公开 part's heading with no number: ``number_as_printed =
    ""`` prints the heading bare, warns once naming the number it would have, and the parts after it keep their
    numbers by position."""
    from compiler.build import build
    from tests.pdfread import read_pdf

    data = legacy(active={**LEGACY_REPORT["active"], "number_as_printed": ""})
    [p] = [p for p in check(data) if p.rule == "input.numbering-variant"]
    assert (p.source.keypath, p.expected, p.found) == ("active.number_as_printed", "二、", "无序号")
    out = build(write_toml(data), tmp_path / "report.pdf", to=["pdf"]).outputs["pdf"]
    lines = [ln.text.replace(" ", "") for page in read_pdf(out.read_bytes()).pages for ln in page.lines]
    assert "主动公开政府信息情况" in lines and "二、主动公开政府信息情况" not in lines
    assert "一、概述" in lines and "三、依申请公开政府信息情况" in lines


def test_an_item_printed_with_a_number_its_position_does_not_give(write_toml, tmp_path, check):
    """正定县新安镇 2023 (held-out round 62): part 一's sub-headings printed （一）（二）（三）（三） — the fourth
    keeps its printed number in ``number_as_printed``: printed so in the PDF, warned naming the number after the one
    before."""
    from compiler.build import build
    from tests.pdfread import read_pdf

    items = [{"heading": h, "heading_alone": True, "text": "正文。"} for h in ("甲项", "乙项", "丙项", "丁项")]
    items[3]["number_as_printed"] = "（三）"
    data = legacy(overview={"text": "概述。", "items": items})
    [p] = [p for p in check(data) if p.rule == "input.numbering-variant"]
    assert (p.source.keypath, p.expected, p.found) == ("overview.items[3].number_as_printed", "（四）", "（三）")
    out = tmp_path / "out.pdf"
    build(write_toml(data), out)
    lines = [ln.text.replace(" ", "") for page in read_pdf(out.read_bytes()).pages for ln in page.lines]
    assert "（三）丙项" in lines and "（三）丁项" in lines and not any("（四）" in ln for ln in lines)
    same = legacy(overview={"text": "概述。", "items": [{**items[0], "number_as_printed": "（一）"}]})
    assert "input.numbering-variant" not in rules(check(same))  # the number it would get: nothing to say


def test_a_skipped_item_number_is_typed_once_and_the_items_after_it_go_on_from_it(check, blocks):
    """沂水县卫生局 2009: （一）（二）（四）（五）（六） — only the third item says "（四）"; the two after it follow
    it, and one warning names the skip.  A heading printed with no number (通海县河西镇 2023's first) is ""."""
    items = [{"heading": h, "text": "正文。"} for h in ("形式", "数量", "依申请", "复议", "费用")]
    items[2]["number_as_printed"] = "（四）"
    data = legacy(active={**LEGACY_REPORT["active"], "items": items})
    found = [p for p in check(data) if p.rule == "input.numbering-variant"]
    assert [(p.source.keypath, p.expected, p.found) for p in found] == [
        ("active.items[2].number_as_printed", "（三）", "（四）")
    ]
    leads = [b.text for b in blocks(data) if isinstance(b, Paragraph) and b.text.endswith("正文。")]
    assert [t[:3] for t in leads] == ["（一）", "（二）", "（四）", "（五）", "（六）"]
    items = [{"heading": h, "text": "正文。"} for h in ("主动公开情况", "依申请公开情况")]
    items[0]["number_as_printed"] = ""
    data = legacy(active={**LEGACY_REPORT["active"], "items": items})
    [p] = [p for p in check(data) if p.rule == "input.numbering-variant"]
    assert (p.expected, p.found) == ("（一）", "无序号") and "没有序号" in p.message
    leads = [b.text for b in blocks(data) if isinstance(b, Paragraph) and b.text.endswith("正文。")]
    assert leads == ["主动公开情况正文。", "（二）依申请公开情况正文。"]


def test_a_2021_overview_subsection_printed_with_its_own_number(check, blocks):
    import tomllib
    from pathlib import Path

    example = Path(__file__).resolve().parents[1] / "examples" / "qinglan-data-2024" / "report.toml"
    data = tomllib.loads(example.read_text(encoding="utf-8"))
    data.pop("previous", None)  # the year before sits beside the example, not beside the copy
    keys = [k for k in ("active", "applications", "management", "platforms", "supervision") if k in data["overview"]]
    assert len(keys) == 5
    data["overview"][keys[3]]["number_as_printed"] = "（三）"
    [p] = [p for p in check(data) if p.rule == "input.numbering-variant"]
    assert (p.source.keypath, p.expected, p.found) == (f"overview.{keys[3]}.number_as_printed", "（四）", "（三）")
    headings = [b.text[:3] for b in blocks(data) if isinstance(b, Heading) and b.outline_level == 1]
    assert headings[:5] == ["（一）", "（二）", "（三）", "（三）", "（四）"]  # the last goes on from the printed one


@pytest.mark.parametrize("kind", ["pdf", "html", "docx"])
def test_a_skipped_item_number_comes_back_from_each_output(write_toml, tmp_path, kind):
    """The printed （四） after （二） is read back into number_as_printed from each output — on the third item only —
    so a report imported and rebuilt prints it as published instead of renumbering it."""
    import tomllib

    from compiler.build import build
    from compiler.importers.run import import_file

    items = [{"heading": h, "heading_alone": True, "text": "正文。"} for h in ("形式", "数量", "依申请", "复议")]
    items[2]["number_as_printed"] = "（四）"
    data = legacy(active={**LEGACY_REPORT["active"], "items": items})
    out = tmp_path / f"out.{kind}"
    build(write_toml(data), out)
    back = tomllib.loads(import_file(out).toml)["active"]["items"]
    assert [i.get("number_as_printed") for i in back] == [None, None, "（四）", None]
    assert [i["heading"] for i in back] == ["形式", "数量", "依申请", "复议"]


def test_a_2021_overview_subsection_number_comes_back_from_the_pdf(write_toml, tmp_path):
    """A 2021 总体情况 whose fourth subsection is printed "（三）" again: the import keeps the printed number on that
    subsection (number_as_printed), so the rebuilt report is not renumbered."""
    import tomllib
    from pathlib import Path

    from compiler.build import build
    from compiler.importers.run import import_file

    example = Path(__file__).resolve().parents[1] / "examples" / "qinglan-data-2024" / "report.toml"
    data = tomllib.loads(example.read_text(encoding="utf-8"))
    data.pop("previous", None)
    data["overview"]["platforms"]["number_as_printed"] = "（三）"
    out = tmp_path / "out.pdf"
    build(write_toml(data), out)
    back = tomllib.loads(import_file(out).toml)["overview"]
    keys = ("active", "applications", "management", "platforms", "supervision")
    assert [back[k].get("number_as_printed") for k in keys] == [None, None, None, "（三）", None]


@pytest.mark.parametrize("comma", ["，", ","])
def test_sub_headings_numbered_as_ordinals(write_toml, tmp_path, check, comma):
    """固阳县下湿壕镇 2022 numbers the sub-headings of part 一 "第一,主动公开" "第二,筑牢信息“质量关”" on lines of
    their own: ``numbering = "第一，"`` (or the half-width "第一," as stored) prints them so, warned once naming the
    document's level-2 number （一）."""
    from compiler.build import build
    from tests.pdfread import read_pdf

    scheme = f"第一{comma}"
    items = [
        {"heading": "主动公开", "heading_alone": True, "text": "本年度拓宽信息公开渠道。"},
        {"heading": "筑牢信息“质量关”", "heading_alone": True, "text": "严格执行审核制度。"},
    ]
    data = legacy(overview={"text": "概述。", "numbering": scheme, "items": items})
    [p] = [p for p in check(data) if p.rule == "input.numbering-variant"]
    assert (p.source.keypath, p.expected, p.found) == ("overview.numbering", "（一）", scheme)
    assert "GB/T 9704" in p.message
    out = tmp_path / "out.pdf"
    build(write_toml(data), out)
    lines = [ln.text.replace(" ", "") for page in read_pdf(out.read_bytes()).pages for ln in page.lines]
    assert f"第一{comma}主动公开" in lines and f"第二{comma}筑牢信息“质量关”" in lines
    assert not any(ln.startswith("（一）主动公开") for ln in lines)


@pytest.mark.parametrize("kind", ["pdf", "html", "docx"])
def test_ordinal_sub_headings_come_back_from_each_output(write_toml, tmp_path, kind):
    """Sub-headings "第一，主动公开" on lines of their own are read back as items numbered "第一，" from each output;
    a paragraph that begins "第一，" and goes on as a sentence stays prose."""
    import tomllib

    from compiler.build import build
    from compiler.importers.run import import_file

    items = [
        {"heading": "主动公开", "heading_alone": True, "text": "本年度拓宽信息公开渠道。"},
        {"heading": "依申请公开", "heading_alone": True, "text": "本年度未收到申请。"},
    ]
    sentence = "第一，加强组织领导，明确专人负责信息公开工作。第二，完善制度。"
    data = legacy(overview={"text": "概述。", "numbering": "第一，", "items": items}, issues={"text": sentence})
    out = tmp_path / f"out.{kind}"
    build(write_toml(data), out)
    back = tomllib.loads(import_file(out).toml)
    overview = back["overview"]
    assert overview["numbering"] == "第一，"
    assert [(i["heading"], i.get("heading_alone")) for i in overview["items"]] == [
        ("主动公开", True),
        ("依申请公开", True),
    ]
    assert "items" not in back["issues"] and sentence in str(back["issues"].get("text"))


def test_a_part_number_printed_with_a_space_after_it(write_toml, tmp_path, check):
    """平潭县人民政府 2012, 沙依巴克区 2011 (held-out round 66): "一、 概述", a space after the number, an assessor's
    defect: ``number_as_printed = "一、 "`` keeps the space in the PDF and the warning names it."""
    from compiler.build import build
    from tests.pdfread import read_pdf

    data = legacy(overview={"heading": "概述", "number_as_printed": "一、 ", "text": "概述。"})
    [p] = [p for p in check(data) if p.rule == "input.numbering-variant"]
    assert "序号后面多了空格" in p.message and (p.found, p.expected) == ("一、 ", "一、")
    inside = legacy(overview={"heading": "概述", "number_as_printed": "一 、", "text": "概述。"})
    [p] = [p for p in check(inside) if p.rule == "input.numbering-variant"]
    assert "序号中间多了空格" in p.message
    out = tmp_path / "out.pdf"
    build(write_toml(data), out)
    lines = [ln for page in read_pdf(out.read_bytes()).pages for ln in page.lines]

    def gap(start: str) -> float:  # from the 顿号 after the part number to the heading's first character
        [line] = [ln for ln in lines if ln.text.replace(" ", "").startswith(start)]
        glyphs = [g for g in line.glyphs if g.char.strip()]
        return glyphs[2].x - glyphs[1].x

    assert gap("一、概述") > gap("二、主动公开") + 2
    # and it comes back on import from each kind of file
    import tomllib

    from compiler.importers.run import import_file

    outputs = build(write_toml(data), tmp_path / "report", to=["pdf", "html", "docx"]).outputs
    for kind in ("pdf", "html", "docx"):
        imported = tomllib.loads(import_file(outputs[kind], "legacy").toml)
        assert imported["overview"].get("number_as_printed") == "一、 ", kind
        assert "number_as_printed" not in imported["active"], kind


def test_an_item_number_printed_with_a_space_after_it(write_toml, tmp_path, check):
    """龙游县模环乡 2023 ("2. 重点工作开展情况"), 平潭县财政局 2009 ("（一） 公开形式"): an item's number printed with a
    space after it is kept in the item's ``number_as_printed``, printed so, warned once, and read back on import."""
    import tomllib

    from compiler.build import build
    from compiler.importers.run import import_file
    from tests.pdfread import read_pdf

    items = [
        {"heading": "组织领导", "heading_alone": True, "text": "成立了领导小组。"},
        {"heading": "制度建设", "number_as_printed": "（二） ", "heading_alone": True, "text": "完善了制度。"},
        {"heading": "平台建设", "heading_alone": True, "text": "改版了网站。"},
    ]
    data = legacy(overview={"heading": "概述", "text": "概述。", "items": items})
    [p] = [p for p in check(data) if p.rule == "input.numbering-variant"]
    assert "序号后面多了空格" in p.message and (p.found, p.expected) == ("（二） ", "（二）")
    assert p.source.keypath == "overview.items[1].number_as_printed"
    outputs = build(write_toml(data), tmp_path / "report", to=["pdf", "html", "docx"]).outputs
    lines = [ln for page in read_pdf(outputs["pdf"].read_bytes()).pages for ln in page.lines]

    def gap(start: str) -> float:  # from the closing bracket of the number to the heading's first character
        [line] = [ln for ln in lines if ln.text.replace(" ", "").startswith(start)]
        glyphs = [g for g in line.glyphs if g.char.strip()]
        return glyphs[3].x - glyphs[2].x

    assert gap("（二）制度建设") > gap("（三）平台建设") + 2
    for kind in ("pdf", "html", "docx"):
        imported = tomllib.loads(import_file(outputs[kind], "legacy").toml)["overview"]["items"]
        assert [i.get("number_as_printed") for i in imported] == [None, "（二） ", None], kind
        assert [i["heading"] for i in imported] == ["组织领导", "制度建设", "平台建设"], kind


def test_aspects_of_one_part_are_not_the_reports_parts(check):
    """船山区河沙镇 2018 (held-out round 288): "全文包括政府信息主动公开、依申请公开等6个方面的总体情况;……" — six
    aspects of what its 总体情况 holds, not a list of the report's parts."""
    preamble = (
        "本报告是根据《中华人民共和国政府信息公开条例》规定编制的。全文包括政府信息主动公开、依申请公开等6个方面的"
        "总体情况;贯彻落实省、市政务公开工作要点的情况及成效。"
    )
    found = rules(check(legacy(preamble={"text": preamble})))
    assert "legacy.part-count" not in found and "legacy.part-heading" not in found
    counted = preamble.replace("等6个方面的总体情况", "等6个方面")
    assert "legacy.part-count" in rules(check(legacy(preamble={"text": counted})))
