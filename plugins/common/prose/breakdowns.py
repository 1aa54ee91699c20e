"""A count followed by its kinds with nothing saying they are its parts: "主动公开政府信息312条，重大建设项目类信息
280条，规范性文件类信息5条……" (``prose.list-without-qizhong``: the total wants 其中).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from compiler.model.problems import Problem, warning
from compiler.model.report import Report
from plugins.common.prose.reading import _REMAINDER, _items, _sentences, _short, _top_level

#: a count of information a breakdown may follow: "主动公开政府信息312条", "公开278条政务信息"
_INFORMATION_COUNT = re.compile(
    r"(?:信息(?:数)?(?:共|为)?(?P<n>\d+(?:,\d{3})*)(?P<u>条)|(?P<n2>\d+(?:,\d{3})*)(?P<u2>条)(?:政务|政府)?信息)"
    r"(?=[，,])"
)
#: words that say the items are parts of the count before them
_BREAKDOWN_WORDS = re.compile(r"其中|包括|涵盖|含|分别|主要|分为|涉及")


def breakdowns_without_qizhong(text: str) -> Iterator[str]:
    """A count of information straight followed by its kinds, each with its count, and nothing saying they are
    its parts: "主动公开政府信息312条，重大建设项目类信息280条，规范性文件类信息5条，行政许可类信息3条。"
    (平潭行政审批局 2021, 2022, 2023 — three blind assessments ask for 其中).  Yields the sentence."""
    for sentence in _sentences(text):
        total = _INFORMATION_COUNT.search(sentence)
        if total is None or _BREAKDOWN_WORDS.search(sentence):
            continue
        clause = re.split(r"[，,。；;：:]", sentence[: total.start()])[-1]
        if "类" in clause:  # the first count is itself a kind ("共发布生态环境保护类信息40条，……"): a list of kinds
            continue
        body = sentence[total.end() :].rstrip("。；;！!")
        pieces = [p for p in re.split(r"[，、；,;]", _top_level(body)) if p.strip()]
        items = _items(body)
        kinds = [n for n, _, _ in items if not _REMAINDER.match(n)]  # the closing 其他…… needs no 类
        listed = len(items) >= 2 and len(items) == len(pieces) and all(u == "条" for *_, u in items)
        stated = int((total["n"] or total["n2"]).replace(",", ""))
        # a count larger than the first is not one of its parts: "……主动公开发布政务信息80条，通过美篇平台发布各类工作
        # 动态893条，其他网络途径公开信息8条" (临潼区西泉街办 2020) lists channels side by side; 各类 names no kind
        parts = listed and all(n <= stated for _, n, _ in items)
        if parts and kinds and all("类" in n.replace("各类", "") for n in kinds):
            yield sentence.strip()


def breakdown_problems(report: Report, texts: Iterable[tuple[str, str]]) -> list[Problem]:
    """``prose.list-without-qizhong`` for every such sentence."""
    return [
        warning(
            "prose.list-without-qizhong",
            f"“{_short(sentence)}”：后面各类的条数是前面总数的一部分，总数后应加“其中”，否则读来像是另外几个数",
            report.ref(keypath),
            expected="……条，其中……",
            found="没有“其中”",
        )
        for keypath, text in texts
        for sentence in breakdowns_without_qizhong(text)
    ]
