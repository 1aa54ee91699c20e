"""The assessor's checks beyond arithmetic (issue #20): a part without substance, prose copied from last year,
paragraphs shared between units' reports, the indicators and their thresholds, and style values that make no
sense.  Each starts from an edited copy of the 2021 example; expected values are computed here from the TOML."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from compiler.model.problems import ReportError, Severity
from compiler.render.style import load_style
from tests.gb2021_support import EXAMPLE_2023, EXAMPLE_2024, problems_of, rules, write_variant

ROOT = Path(__file__).resolve().parents[1]
ISSUES_2024 = tomllib.loads(EXAMPLE_2024.read_text(encoding="utf-8"))["issues"]
ISSUES_2023 = tomllib.loads(EXAMPLE_2023.read_text(encoding="utf-8"))["issues"]


def issues_replaced(tmp: Path, body: str) -> Path:
    """The 2024 example with its part 五 (text and after) replaced by ``body`` (a TOML table body)."""
    text = EXAMPLE_2024.read_text(encoding="utf-8")
    start = text.index("[issues]")
    end = text.index("\n[", start + 1)
    return write_variant(tmp, [(text[start:end], "[issues]\n" + body)])


def test_the_example_part_five_has_substance_and_is_not_copied() -> None:
    found = rules(problems_of(EXAMPLE_2024))
    assert not {r for r in found if r.startswith("assess.")}


@pytest.mark.parametrize("body", ['text = "无。"', 'text = "暂无问题。"', 'text = ""', 'text = "没有"'])
def test_part_five_without_substance_is_warned(tmp_path: Path, body: str) -> None:
    problems = [p for p in problems_of(issues_replaced(tmp_path, body)) if p.rule == "assess.part-empty"]
    assert len(problems) == 1
    assert "存在的主要问题及改进情况" in problems[0].message and problems[0].severity == Severity.WARNING
    assert problems[0].source.keypath == "issues"


@pytest.mark.parametrize(
    ("body", "missing"),
    [
        ('text = "工作中存在一些不足。"', "改进措施"),  # a problem, no improvement
        ('text = "下一步，我局将继续加强政府信息公开工作，进一步完善制度，提升公开质量和水平。"', "存在的问题"),
        ('text = "存在问题，将改进。"', "仅"),  # both, but far too short
    ],
)
def test_a_thin_part_five_names_what_is_missing(tmp_path: Path, body: str, missing: str) -> None:
    problems = [p for p in problems_of(issues_replaced(tmp_path, body)) if p.rule == "assess.part-thin"]
    assert len(problems) == 1 and missing in problems[0].message


def test_a_heading_and_the_word_zhuyao_are_not_improvements(tmp_path: Path) -> None:
    """亳州市谯城区政务服务中心 2014: heading "政府信息公开工作存在的主要问题", text naming problems only — the
    要 of 主要 in the heading once counted as a plan."""
    body = (
        'heading = "政府信息公开工作存在的主要问题"\n'
        'text = "政务服务中心信息公开工作虽然取得了一定的成绩，但也存在一些不足，如信息发布不规范、不及时、内容不全面，'
        '信息发布未经领导审批，职权目录没上传网络等等。"'
    )
    problems = [p for p in problems_of(issues_replaced(tmp_path, body)) if p.rule == "assess.part-thin"]
    assert len(problems) == 1 and "改进措施" in problems[0].message


def test_measures_printed_as_a_part_of_their_own_count(check) -> None:
    """三亚市海棠区 2015 prints 三、存在的困难和问题 and 四、改进措施 as two parts."""
    from tests.conftest import legacy

    data = legacy(
        issues={"heading": "存在的困难和问题", "text": "信息公开存在更新不够及时、内容不够全面、解读不深入等问题。"},
        extra={"heading": "改进措施", "text": "下一步将加强业务培训，完善信息发布审核制度。"},
    )
    data["sections"] = [
        "report", "preamble", "overview", "active", "applications", "consultation", "appeals", "staffing", "issues",
        "extra", "other", "tables", "signature",
    ]  # fmt: skip
    assert "assess.part-thin" not in {p.rule for p in check(data)}
    del data["extra"], data["sections"]
    assert "assess.part-thin" in {p.rule for p in check(data)}


def test_part_five_copied_from_last_year_is_warned_with_the_sentences(tmp_path: Path) -> None:
    body = f'text = "{ISSUES_2023["text"]}"'
    problems = [p for p in problems_of(issues_replaced(tmp_path, body)) if p.rule == "assess.copied-from-previous"]
    assert len(problems) == 1
    first_sentence = ISSUES_2023["text"].split("。")[0] + "。"
    assert first_sentence in problems[0].message
    assert problems[0].details["repeated"] and problems[0].found == "100%"


def test_a_copy_with_only_the_year_changed_is_still_a_copy(tmp_path: Path) -> None:
    changed = ISSUES_2023["text"].replace("本年度", "2024年度")
    previous_text = EXAMPLE_2023.read_text(encoding="utf-8").replace(
        ISSUES_2023["text"], changed.replace("2024", "2023")
    )
    previous = tmp_path / "prev" / "report.toml"
    previous.parent.mkdir()
    previous.write_text(previous_text, encoding="utf-8")
    report = issues_replaced(tmp_path, f'text = "{changed}"')
    report.write_text(
        re.sub(r'previous = "[^"]*"', f'previous = "{previous}"', report.read_text(encoding="utf-8")), encoding="utf-8"
    )
    assert "assess.copied-from-previous" in rules(problems_of(report))


def test_rewritten_prose_is_not_a_copy(tmp_path: Path) -> None:
    # the 2024 example's own part 五 differs from 2023's: nothing said (checked above); a part sharing one
    # sentence of five is below the threshold too
    one = ISSUES_2023["text"].split("。")[0] + "。"
    body = (
        f'text = "{one}此外，申请答复文书的说理仍需加强，部分栏目的更新频率不够高。"\nafter = "{ISSUES_2024["after"]}"'
    )
    assert "assess.copied-from-previous" not in rules(problems_of(issues_replaced(tmp_path, body)))


def table_totals(path: Path) -> dict[str, int]:
    """Table 三's totals summed here from the applicant columns as typed in the TOML (an independent oracle)."""
    apps = tomllib.loads(path.read_text(encoding="utf-8"))["applications"]
    columns = [v for v in apps.values() if isinstance(v, dict)]
    keys = {k for c in columns for k, v in c.items() if isinstance(v, int)}
    return {k: sum(c.get(k, 0) for c in columns if isinstance(c.get(k, 0), int)) for k in keys}


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "compiler", *args], cwd=cwd, capture_output=True, text=True)


def test_indicators_in_check_json_match_the_table() -> None:
    result = run("check", str(EXAMPLE_2024), "--format", "json")
    data = json.loads(result.stdout)
    by_key = {i["key"]: i for i in data["indicators"]}
    totals = table_totals(EXAMPLE_2024)
    outcomes = [k for k in totals if k not in {"new_received", "carried_over", "carried_forward"}]
    answered = sum(totals[k] for k in outcomes)
    assert by_key["disclosure_rate"]["numerator"] == totals["granted"] + totals["partial"]
    assert by_key["disclosure_rate"]["denominator"] == answered
    assert by_key["disclosure_rate"]["value"] == pytest.approx((totals["granted"] + totals["partial"]) / answered)
    appeals = tomllib.loads(EXAMPLE_2024.read_text(encoding="utf-8"))["appeals"]["review"]
    decided = appeals["maintain"] + appeals["correct"] + appeals["other"]
    assert by_key["review_correction_rate"]["value"] == pytest.approx(appeals["correct"] / decided)
    assert "实质公开率" in run("check", str(EXAMPLE_2024)).stdout


def test_thresholds_give_notes_not_warnings(tmp_path: Path) -> None:
    limits = tmp_path / "limits.toml"
    limits.write_text("[disclosure_rate]\nbelow = 90\n[review_correction_rate]\nabove = 99\n", encoding="utf-8")
    result = run("check", str(EXAMPLE_2024), "--thresholds", str(limits), "--format", "json")
    notes = [p for p in json.loads(result.stdout)["problems"] if p["rule"] == "assess.indicator-threshold"]
    assert len(notes) == 1 and notes[0]["severity"] == "info" and "实质公开率" in notes[0]["message"]
    assert result.returncode == 0  # notes never make check fail
    limits.write_text("[disclosure_rate]\nbelow = 190\n", encoding="utf-8")
    bad = run("check", str(EXAMPLE_2024), "--thresholds", str(limits))
    assert bad.returncode == 2 and "0 到 100" in bad.stderr


def test_a_folder_of_reports_gives_a_summary_and_the_paragraphs_units_share(tmp_path: Path) -> None:
    folder = tmp_path / "county"
    shared = "按照县委县政府统一部署，我单位深入贯彻落实政务公开工作要点，主动回应社会关切，"
    shared += "不断提升政务公开标准化规范化水平。"
    units = [("甲县教育局", EXAMPLE_2024), ("甲县卫生健康委员会", EXAMPLE_2023), ("甲县教育局", EXAMPLE_2024)]
    for n, (organ, example) in enumerate(units):
        text = example.read_text(encoding="utf-8").replace("青岚市数据资源管理局", organ)
        start = text.index('text = "', text.index("[issues]")) + len('text = "')
        text = text[:start] + shared + text[text.index('"\n', start) :]  # the whole paragraph, as copy-paste does
        text = re.sub(r'previous = "[^"]*"\n', "", text)
        (folder / f"r{n}").mkdir(parents=True)
        (folder / f"r{n}" / "report.toml").write_text(text, encoding="utf-8")
    (folder / "pyproject.toml").write_text("[project]\nname='x'\n", encoding="utf-8")  # not a report: skipped
    table = tmp_path / "summary.csv"
    result = run("check", str(folder), "--csv", str(table))
    assert result.returncode == 1  # shared paragraphs are findings
    assert "不同单位报告中相同的段落（1 段）" in result.stdout
    assert "甲县卫生健康委员会" in result.stdout
    rows = list(csv.reader(table.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:6] == ["报告", "机关", "格式", "错误", "警告", "提示"] and "实质公开率" in rows[0]
    assert len(rows) == 4 and {r[1] for r in rows[1:]} == {"甲县教育局", "甲县卫生健康委员会"}
    data = json.loads(run("check", str(folder), "--format", "json").stdout)
    (item,) = data["shared_paragraphs"]
    assert shared in item["text"]
    assert len({r["file"] for r in item["reports"]}) == 3
    assert all(r["section"] == "issues" for r in item["reports"])


def test_an_organ_named_with_or_without_its_higher_levels_is_one_unit() -> None:
    from compiler.cli.survey import _different_units

    assert not _different_units(["洪泽区人民政府", "淮安市洪泽区人民政府", "洪泽区人民政府"])
    assert _different_units(["甲县教育局", "甲县卫生健康委员会"])
    assert _different_units(["洪泽区人民政府", "淮安市洪泽区人民政府", "淮安市人民政府"])


def test_same_organ_sharing_paragraphs_is_not_copy_paste(tmp_path: Path) -> None:
    for year, example in (("2023", EXAMPLE_2023), ("2024", EXAMPLE_2024)):
        (tmp_path / year).mkdir()
        text = re.sub(r'previous = "[^"]*"\n', "", example.read_text(encoding="utf-8"))
        (tmp_path / year / "report.toml").write_text(text, encoding="utf-8")
    data = json.loads(run("check", str(tmp_path), "--format", "json").stdout)
    assert data["shared_paragraphs"] == [] and len(data["reports"]) == 2


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("[table]\nrule_width = 0\n", "rule_width"),
        ("[table]\npadding_x = -1\n", "padding_x"),
        ("[roles.body]\nsize = -3\n", "size"),
        ('[roles.body]\nsize = "0pt"\n', "size"),
        ("[page]\nlines = 0\n", "lines"),
        ("[page]\nbody_width_mm = -156\n", "body_width_mm"),
        ('[roles.body]\nline_pitch = "0em"\n', "line_pitch"),
    ],
)
def test_style_values_that_make_no_sense_are_errors(tmp_path: Path, body: str, key: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('parent = "gbt9704"\n' + body, encoding="utf-8")
    with pytest.raises(ReportError) as exc:
        load_style(path)
    assert any(key in (p.source.keypath if p.source else "") for p in exc.value.problems)
