"""The table of faulty sentence patterns (plugins/common/faulty_sentences.toml): every entry is reported in its own
example sentence through the whole check, under its rule, with why and how to mend it; the entry's correct
sentences — the same characters in a correct use — pass every rule of the table; a malformed table is refused
with the entry's number."""

from __future__ import annotations

import pytest
from conftest import legacy, rules

from plugins.common import faulty_sentences

TABLE = faulty_sentences.table()
IDS = [f"{n}-{e.rule.removeprefix('common.')}" for n, e in enumerate(TABLE, start=1)]
TABLE_RULES = set(faulty_sentences.RULES)


def with_overview(text: str):
    return legacy(overview={"text": text})


def test_every_rule_has_entries_and_every_entry_says_why_and_how():
    assert {e.rule for e in TABLE} == TABLE_RULES
    for entry in TABLE:
        assert entry.why.strip() and entry.fix.strip() and entry.correct, entry.example


@pytest.mark.parametrize("entry", TABLE, ids=IDS)
def test_each_entry_is_reported_in_its_example(check, entry):
    found = [p for p in check(with_overview(entry.example)) if p.rule in TABLE_RULES]
    assert [p.rule for p in found] == [entry.rule], [p.message for p in found]
    [p] = found
    assert p.message.startswith(entry.kind + "：“") and entry.why in p.message
    assert p.found[1:-1] == entry.example_words and entry.example_words in entry.example
    if entry.replace is None:
        assert p.expected == entry.fix
    else:  # the mend computed from the words found, and the example so mended passes the entry
        mended = p.expected[1:-1]
        assert mended != entry.example_words
        m = next(m for m in entry.pattern.finditer(entry.example) if not entry.excused(m))
        start, end = m.span(entry.group(m))
        words = entry.example[start:end]  # the quoted words, spaces and all, where the entry found them
        again = check(with_overview(entry.example[:start] + words.replace(words.strip(), mended) + entry.example[end:]))
        assert entry.rule not in rules(again), (mended, [q.message for q in again])
    assert p.source.keypath == "overview.text"


def test_the_mend_is_computed_from_the_words_found_where_the_entry_can(check):
    # 仓山区农林水局 2011: "仓政办[2011]95号" — the 文号 entry's own example is 侯政办[2011]7号; the message must
    # not tell this report to write another office's 文号
    [p] = [p for p in check(with_overview("根据《通知》（仓政办[2011]95号）要求编制。")) if p.rule == "common.misquote"]
    assert p.expected == "“仓政办〔2011〕95号”" and p.found == "“仓政办[2011]95号”"


def test_a_mend_that_only_the_example_shows_is_given_as_the_example_s(check):
    # the 文件数N条 entry's fix names its example's words; on other words the message says whose mend it is
    [entry] = [e for e in TABLE if e.example.startswith("主动公开政府文件数4条")]
    [p] = [p for p in check(with_overview("全年公开规范性文件数12条。")) if p.rule == entry.rule]
    assert p.found == "“文件数12条”"
    assert p.expected == f"{entry.fix}（例句“{entry.example_words}”的改法，照此修改）"


@pytest.mark.parametrize("entry", TABLE, ids=IDS)
def test_the_same_characters_in_a_correct_use_pass(check, entry):
    for sentence in entry.correct:
        assert not TABLE_RULES.intersection(rules(check(with_overview(sentence)))), sentence


@pytest.mark.parametrize(
    "text",
    [
        "使用政务新媒体发布信息。",  # 使用 is a verb, not the causative 使
        "我局在网站上公开信息数为15条。",  # 在……上 closes the phrase
        "对依申请公开的，按规定答复。",
        "收到申请后及时公开。",
        "根据工作需要，调整了人员。",
        "依照《中华人民共和国政府信息公开条例》的规定，",
    ],
)
def test_ordinary_report_sentences_pass(check, text):
    assert not TABLE_RULES.intersection(rules(check(with_overview(text))))


def test_a_sentence_found_in_an_item_is_reported_at_the_item(check):
    report = legacy(issues={"items": [{"heading": "存在的问题", "text": "今后将加强对网站进行维护。"}]})
    [p] = [p for p in check(report) if p.rule == "common.mixed-construction"]
    assert p.source.keypath == "issues.items[0].text" and "加强对网站进行维护" in p.found


BASE = {
    "rule": "common.missing-subject",
    "pattern": "使",
    "why": "因",
    "fix": "改",
    "example": "使。",
    "correct": ["甲"],
}


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"fix": None}, r"缺少 \['fix'\]"),
        ({"rule": "common.nonsense"}, "rule 应为"),
        ({"correct": None}, "correct 应为"),
        ({"correct": []}, "correct 应为"),
        ({"pattern": "("}, "正则表达式有误"),
        ({"colour": "红"}, "未知的键"),
        ({"example": "甲。"}, "pattern 在 example 里找不到"),
        ({"replace": r"\g<nothing>"}, "replace 模板有误"),
        ({"replace": ""}, "replace 应为非空"),
    ],
)
def test_a_malformed_entry_is_refused_with_its_number(changes, says):
    raw = {k: v for k, v in {**BASE, **changes}.items() if v is not None}
    with pytest.raises(faulty_sentences.TableError, match=rf"第 7 条.*{says}"):
        faulty_sentences._entry(7, raw)


def test_a_missing_object_before_a_count(check):
    # 平潭综合实验区金井片区管理局 2024: "2024年共收到依申请公开8件" — what was received are applications
    found = check(with_overview("2024年共收到依申请公开8件，均按时答复。"))
    [p] = [p for p in found if p.rule == "common.missing-object"]
    assert p.found == "“收到依申请公开”"


def test_an_entry_whose_quoted_words_another_branch_leaves_out_quotes_its_whole_match(check):
    # the 条例 title entry quotes the words inside it (w) or, by its other branch, names another group: a title
    # printed "《中华人民共和国政府信息公开《条例》》" had left w out, and the grammar check stopped with an error
    found = check(with_overview("根据《中华人民共和国政府信息公开《条例》》编制本报告。"))
    assert all(p.rule != "plugin.failed" for p in found)
    assert any(p.rule == "common.misquote" and p.found == "“《中华人民共和国政府信息公开《条例》”" for p in found)


def test_one_slip_read_by_two_entries_of_one_rule_is_said_once(check):
    # 凉州区张义镇 2009: "未收到依申请公开政府信息情况" — two collocation entries read it (收到……情况, 收到……依申请公开
    # 信息); the user is told once, by the first entry of the table.  Two slips in one paragraph are still two.
    text = "本年度未收到依申请公开政府信息情况。"
    assert [p.rule for p in check(with_overview(text)) if p.rule in TABLE_RULES] == ["common.collocation"]
    twice = text + "全年也未接到申请行政复议情况。"
    assert [p.rule for p in check(with_overview(twice)) if p.rule in TABLE_RULES] == ["common.collocation"] * 2


def test_a_full_stop_inside_the_contact_details_before_the_address(check):
    # 交口县人民政府 2023 (held-out round 61), reworded: "……邮编:032400。 地址:……" — the 。 and a space before 地址
    text = "如有疑问请联系（电话：0358-5422520，传真：0358-5427520，邮编：032400。 地址：某县龙泉街16号）。"
    found = [p for p in check(with_overview(text)) if p.rule == "common.misplaced-period"]
    assert [p.found for p in found] == ["“。”"]


def test_the_verb_gongkai_said_twice_around_its_object(check):
    """乌海市工信局 2020 ("公开政府信息公开52条") and 黔南州卫健局 2020 ("公开办理结果公开共14条"): one entry
    reads both; 政府信息公开 as a name ("政府信息公开目录", "政府信息公开专栏") is not the second verb."""
    slips = (
        ("通过门户网站公开政府信息公开52条。", "公开政府信息公开"),  # the message quotes both 公开 and what is between
        ("公开办理结果公开共14条。", "公开办理结果公开"),
    )
    for sentence, words in slips:
        [p] = [p for p in check(with_overview(sentence)) if p.rule == "common.redundancy"]
        assert p.found.strip("“”") == words
    for fine in ("主动公开政府信息公开目录1份。", "在政府信息公开专栏公开政府信息52条。"):
        assert "common.redundancy" not in rules(check(with_overview(fine))), fine


@pytest.mark.parametrize(
    "sentence",
    [
        "形成一把手亲自抓,分管领导具体抓的工作格局。",  # 和田市吉亚乡 2023 (held-out round 257)
        "形成了主要领导亲自抓,分管领导具体抓的工作机制。",  # 大武口区白芨沟街道 2017 (held-out round 254)
        "建立主要负责同志亲自抓，分管领导具体抓的工作机制。",
    ],
)
def test_the_leaders_pair_before_its_mechanism_whoever_leads(check, sentence):
    found = [p for p in check(with_overview(sentence)) if p.rule == "common.list-comma"]
    assert len(found) == 1 and "亲自抓" in found[0].found
