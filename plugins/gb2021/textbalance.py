"""The applications' balance said in words: 上年结转 + 本年收到 = 办结 + 结转下年, in one sentence.

Table 三 holds the balance (``gb2021.table3.balance``) and the prose is held to the table (``gb2021.text.mismatch``);
a report whose table 三 is blank — or a page copy cut before it — may still say all four numbers in one sentence,
and they must balance as the table's rows do: "除去上年结转的8件政府信息公开申请,今年线上、线下共收到依申请公开783件,
全年共办结788件,结转下年继续办理2件。" (南京市江宁区 2022, held-out round 291: 8 + 783 = 791, 788 + 2 = 790).

A sentence is read only when it names each of the four once, with one number each, and does not fold one into
another ("共办理申请10件（含上年结转2件）", "收到申请3件。其中，上年结转1件"): then the numbers are the table's rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from compiler.model.problems import Problem, Severity
from plugins.common.prose.reading import _short
from plugins.gb2021 import values as v
from plugins.gb2021.textcheck import PHRASES, texts

#: the four rows of the balance and the phrases (textcheck's, by name) that state each
_ROWS = {
    "carried_over": ("上年结转",),
    "new_received": ("收到申请", "新收"),
    "total_processed": ("办结",),
    "carried_forward": ("结转下年度", "转入下年度", "尚在期限内", "结转"),
}
_PHRASES = {p.name: p for p in PHRASES}
#: words that fold one row into another: the sentence's numbers are then not four rows
_FOLDED = re.compile(r"[含包](?:括|含)?上一?年度?结转|其中[，,：:]?\s*(?:上一?年度?结转|本年新收)|除上年结转外|累计")
_SENTENCE = re.compile(r"[^。；;！？!?]+")


def _row_numbers(sentence: str, row: str) -> set[tuple[int, int]]:
    """The number spans of ``sentence`` that a phrase of ``row`` states."""
    spans: set[tuple[int, int]] = set()
    for name in _ROWS[row]:
        spans |= {(m.start("n"), m.end("n")) for m in _PHRASES[name].pattern.finditer(sentence)}
    return spans


def balance_sentences(text: str, values: Mapping[str, Any]) -> Iterator[tuple[str, dict[str, int]]]:
    """Each sentence of ``text`` that states the four rows and does not balance, with the four numbers — only when
    table 三 is blank (a typed table is held to its own balance, and the prose to the table)."""
    total = (values.get("applications") or {}).get("total") or {}
    if any(v.is_number(total.get(row)) for row in _ROWS):
        return
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        if _FOLDED.search(sentence):
            continue
        found = {row: _row_numbers(sentence, row) for row in _ROWS}
        # a number two rows claim (结转 in 上年结转's reach) is no row's
        claimed = [span for spans in found.values() for span in spans]
        if any(len(spans) != 1 or claimed.count(next(iter(spans))) > 1 for spans in found.values()):
            continue
        numbers = {row: int(sentence[s:e].replace(",", "")) for row, [(s, e)] in found.items()}
        incoming = numbers["carried_over"] + numbers["new_received"]
        if incoming != numbers["total_processed"] + numbers["carried_forward"]:
            yield sentence.strip(), numbers


def balance_problems(report: Any, make: Callable[..., Problem]) -> list[Problem]:
    """``gb2021.text.applications-balance``: one warning for each sentence whose four numbers do not balance."""
    problems: list[Problem] = []
    for keypath, text in texts(report):
        for sentence, n in balance_sentences(text, report.values):
            incoming = n["carried_over"] + n["new_received"]
            outgoing = n["total_processed"] + n["carried_forward"]
            problems.append(
                make(
                    Severity.WARNING,
                    "gb2021.text.applications-balance",
                    f"正文“{_short(sentence, 60)}”的申请数对不上：上年结转{n['carried_over']}件＋本年收到"
                    f"{n['new_received']}件＝{incoming}件，办结{n['total_processed']}件＋结转下年"
                    f"{n['carried_forward']}件＝{outgoing}件；两边应相等（表三：一＋二＝（七）＋四），请核对这几个数",
                    keypath,
                    expected="上年结转＋本年收到＝办结＋结转下年",
                    found=f"{incoming}≠{outgoing}",
                )
            )
    return problems
