"""The table of common miswritings (plugins/common/miswritings.toml): every entry is found in its own example
sentence through the whole check (the message names the right form and why), and the same sentence with the
right form passes; the contexts keep the same characters in a correct use from being reported."""

from __future__ import annotations

import pytest
from conftest import legacy, rules

from plugins.common import miswritings

TABLE = miswritings.table()


def with_overview(text: str):
    return legacy(overview={"text": text})


def test_the_table_is_not_empty_and_every_pair_differs():
    assert len(TABLE) >= 40
    for entry in TABLE:
        assert entry.wrong != entry.right and entry.wrong in entry.example, entry.wrong
        assert entry.why.strip() and entry.example.strip(), entry.wrong


@pytest.mark.parametrize("entry", TABLE, ids=[e.wrong for e in TABLE])
def test_each_miswriting_is_reported_in_its_example(check, entry):
    found = [p for p in check(with_overview(entry.example)) if p.rule == "common.misused-word"]
    assert len(found) == 1, [p.message for p in found]
    [p] = found
    assert p.found == f"“{entry.wrong}”" and p.expected == f"“{entry.right}”"
    assert entry.why in p.message and p.source.keypath == "overview.text"


@pytest.mark.parametrize("entry", TABLE, ids=[e.wrong for e in TABLE])
def test_the_example_with_the_right_form_passes(check, entry):
    mended = entry.example.replace(entry.wrong, entry.right)
    assert "common.misused-word" not in rules(check(with_overview(mended)))


@pytest.mark.parametrize(
    "text",
    [
        "信息公开工作有所进步，不过规范程度仍需提升。",  # 不过 as "but" after a comma
        "只不过完善了制度，还要抓落实。",
        "按照公开目录规定的要素，逐项填写。",  # the elements a catalogue lists
        "建立快速反应的问题处置机制。",
        "保障公民的权利，公开权力清单和责任清单。",
        "台风登陆前做好防范，截止日期为3月31日。",
        "修改了“大保健”专项整治的通告。",  # 大保 with no 六稳 before it
        "为群众提供高速便捷的依申请政府信息服务。",  # 凉山州政府办 2021 (held-out round 298): 依申请的信息服务
        "一是在中国日报网、《湖南日报》等媒体公开政府信息。",  # 等媒体, not 等公报
        "各部门均明确有工作机构、主管领导和工作人员。",  # 明确有 (have) with no 分管 after it
        "在在线访谈中回应关切。",  # 在 + 在线
        "下一步加强政策解读，再一步完善制度。",  # 下一步, 再一步: not 进一步 cut short
    ],
)
def test_the_same_characters_in_a_correct_use_pass(check, text):
    assert "common.misused-word" not in rules(check(with_overview(text)))


def test_a_context_miswriting_is_quoted_with_its_words(check):
    [p] = [p for p in check(with_overview("工作移交不过顺畅，导致延误。")) if p.rule == "common.misused-word"]
    assert "“工作移交不过顺畅”中的“不过”应为“不够”" in p.message


def test_a_malformed_entry_is_named_in_chinese():
    with pytest.raises(miswritings.TableError, match=r"第 3 条.*缺少 \['why'\]"):
        miswritings._entry(3, {"wrong": "甲", "right": "乙", "example": "甲。"})
    with pytest.raises(miswritings.TableError, match="正则表达式有误"):
        miswritings._entry(4, {"wrong": "甲", "right": "乙", "why": "因", "example": "甲。", "after": "("})


def test_publishing_government_information_is_not_the_term_cut_short(check):
    # 资阳市南薰乡 2014 "规范依申请公开政府信息工作": 公开 + 政府信息 + 工作, not 政府信息(公开)工作
    text = "规范依申请公开政府信息工作，建立《依申请公开政府信息工作制度》。"
    assert "common.misused-word" not in rules(check(with_overview(text)))


@pytest.mark.parametrize(
    "text",
    [
        "公民、法人或者其他组织可以依法申请公开政府信息。",  # applying, by law: not the 依申请公开 of the 条例
        "学习《中华人民共和国政府信息公开条例》和政府信息公开工作制度。",
    ],
)
def test_the_regulations_words_in_a_correct_use_pass(check, text):
    assert "common.misused-word" not in rules(check(with_overview(text)))
