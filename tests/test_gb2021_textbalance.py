"""gb2021.text.applications-balance: the four numbers of table 三's balance said in one sentence, with no table.

The broken input (tests/data/gb2021/text-applications-balance.toml) is in test_gb2021_checks; these are the
sentences real reports write, balanced or not, and the ones whose numbers are not the four rows."""

from __future__ import annotations

import pytest

from plugins.gb2021.textbalance import balance_sentences


def test_the_sentence_that_does_not_balance():
    # 南京市江宁区 2022 (held-out round 291, tests/corpus/nanjing-jiangningqu-2022): 8 + 783 = 791, 788 + 2 = 790
    text = (
        "在依申请公开办理工作中,除去上年结转的8件政府信息公开申请,今年线上、线下共收到依申请公开783件,"
        "全年共办结788件,结转下年继续办理2件。"
    )
    [(sentence, numbers)] = balance_sentences(text, {})
    assert numbers == {"carried_over": 8, "new_received": 783, "total_processed": 788, "carried_forward": 2}
    assert sentence.endswith("结转下年继续办理2件")


@pytest.mark.parametrize(
    "text",
    [
        # the same office a year later (tests/corpus/nanjing-jiangningqu-2023): 2 + 821 = 814 + 9
        "除去上年结转的2件政府信息公开申请,全年线上、线下共收到依申请公开821件,办结814件,结转下年继续办理9件。",
        # 西安市长安区 2024: 620 + 5 = 612 + 13
        "2024年,全区共收到政府信息公开申请620件,上年结转信件5件,共办结612件,结转下年度13件。",
        # a count that holds another: 办结 includes the carried-over ones
        "全年收到政府信息公开申请共161件,当年办结168件(含上年结转14件),结转下一年7件。",
        # the carried-over ones said to be a part of those received (common.not-a-part says so)
        "共收到政府信息公开申请3件，其中，上年结转1件，办结2件，结转下年度1件。",
        # three of the four: nothing to balance
        "2022年我街道共收到依申请公开2件,目前已答复1件,结转下年度继续办理1件。",
    ],
)
def test_sentences_that_balance_or_are_not_the_four_rows(text):
    assert list(balance_sentences(text, {})) == []


def test_a_typed_table_is_the_one_held_to_the_balance():
    text = "上年结转2件，本年收到申请116件，办结110件，结转下年度6件。"
    assert len(list(balance_sentences(text, {}))) == 1
    typed = {"applications": {"total": {"new_received": 116, "carried_over": 2}}}
    assert list(balance_sentences(text, typed)) == []
