"""The table of faulty sentence patterns (``faulty_sentences.toml`` beside this module) and the search for them.

Like the miswriting table (:mod:`plugins.common.miswritings`) it is data, not code: each entry names its rule (one
of :data:`RULES`, a kind of faulty sentence the grammar books name), a regular expression, why it is wrong, how to
mend it, one example sentence that must be reported and the same characters in correct sentences that must not.
The rules are reported by :mod:`plugins.common.grammar`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from plugins.common.entrytable import TableError, check_keys, compile_pattern, load, where

TABLE = Path(__file__).with_name("faulty_sentences.toml")

#: rule → the kind of fault as the grammar books name it (it opens every message)
RULES = {
    "common.missing-subject": "缺主语",
    "common.mixed-construction": "句式杂糅",
    "common.missing-head": "缺中心语",
    "common.missing-object": "缺宾语",
    "common.measure-word": "量词不当",
    "common.law-title": "法规名称不全",
    "common.redundancy": "语义重复",
    "common.collocation": "搭配不当",
    "common.missing-particle": "缺“的”",
    "common.missing-preposition": "缺介词",
    "common.serial-comma": "连词前多了顿号",
    "common.misquote": "固定说法引错",
    "common.list-comma": "并列成分用了逗号",
    "common.unfinished-sentence": "句子不完整",
    "common.clause-break": "两句之间用了顿号",
    "common.colon-break": "两个并列分句之间用了冒号",
    "common.missing-di": "状语后缺“地”",
    "common.missing-comma": "两个分句之间缺逗号",
    "common.missing-dunhao": "并列词语之间缺顿号",
    "common.word-order": "语序不当",
    "common.incomplete-adverbial": "状语不完整",
    "common.misplaced-period": "句号用在了句中",
    "common.stray-character": "多了字符",
    "common.di-for-de": "“的”误作“地”",
    "common.missing-conjunction": "并列成分之间缺连词",
    "common.misplaced-dunhao": "顿号用错了地方",
    "common.run-on": "两句之间用了逗号",
    "common.unmarked-title": "文件名称没有书名号",
    "common.range-mark": "起止时间的连接号有误",
    "common.missing-verb": "缺动词",
    "common.not-a-part": "“其中”列的不是总数的一部分",
    "common.unquoted-term": "缩略说法没有加引号",
    "common.missing-stop": "两句之间缺句号",
    "common.bare-number": "文号没有加括号",
    "common.number-in-title": "发文字号放进了书名号",
    "common.note-in-title": "注释放进了书名号",
    "common.empty-brackets": "括号里没有内容",
    "common.colon-misuse": "冒号用错了地方",
}

_FIELDS = {"rule", "pattern", "why", "fix", "example", "correct", "unless", "replace"}
_REQUIRED = ("rule", "pattern", "why", "fix", "example")


@dataclass(frozen=True, eq=False)
class FaultySentence:
    rule: str
    pattern: re.Pattern[str]
    why: str
    fix: str
    example: str
    correct: tuple[str, ...]
    unless: re.Pattern[str] | None
    #: a ``Match.expand`` template that turns the quoted words into their mended form, or None: then ``fix`` says
    #: how the example is mended, and a message on other words shows it as the example's mend
    replace: str | None = None

    @property
    def kind(self) -> str:
        return RULES[self.rule]

    def group(self, m: re.Match[str]) -> str | int:
        """The group a message quotes: ``w`` where the pattern names it and it took part in the match (a pattern's
        other branch may leave it out), else the whole match."""
        return "w" if "w" in self.pattern.groupindex and m.group("w") is not None else 0

    @functools.cached_property
    def example_words(self) -> str:
        """The words of the example sentence the entry quotes."""
        m = next(m for m in self.pattern.finditer(self.example) if not self.excused(m))
        return m.group(self.group(m)).strip()

    def excused(self, m: re.Match[str]) -> bool:
        """Whether the entry's ``unless`` lets this match pass."""
        return self.unless is not None and bool(self.unless.search(m.group(0)))

    def mend(self, m: re.Match[str]) -> str:
        """How to mend the words ``m`` quotes: computed from them where the entry has ``replace``; the entry's own
        ``fix`` where they are the example's words; otherwise the fix shown as what it is, the example's mend."""
        quoted = m.group(self.group(m)).strip()
        if self.replace is not None:
            return f"“{m.expand(self.replace).strip()}”"
        if quoted == self.example_words:
            return self.fix
        return f"{self.fix}（例句“{self.example_words}”的改法，照此修改）"


@dataclass(frozen=True)
class Found:
    entry: FaultySentence
    quoted: str  # the words the message quotes
    start: int
    fix: str  # how to mend them (the message's 应为)


def _entry(number: int, raw: dict[str, object]) -> FaultySentence:
    check_keys(TABLE, number, raw, _FIELDS, _REQUIRED)
    correct = raw.get("correct", [])
    if raw["rule"] not in RULES:
        raise TableError(f"{where(TABLE, number)}：rule 应为 {'、'.join(RULES)} 之一，实际为 {raw['rule']!r}")
    if not isinstance(correct, list) or not correct or not all(isinstance(c, str) and c for c in correct):
        raise TableError(f"{where(TABLE, number)}：correct 应为至少一句正确用法的列表")
    pattern = compile_pattern(TABLE, number, str(raw["pattern"]))
    unless = compile_pattern(TABLE, number, str(raw["unless"])) if raw.get("unless") else None
    replace = raw.get("replace")
    if replace is not None and not (isinstance(replace, str) and replace):
        raise TableError(f"{where(TABLE, number)}：replace 应为非空的替换模板")
    entry = FaultySentence(
        rule=str(raw["rule"]),
        pattern=pattern,
        why=str(raw["why"]),
        fix=str(raw["fix"]),
        example=str(raw["example"]),
        correct=tuple(correct),
        unless=unless,
        replace=replace,
    )
    found = next((m for m in pattern.finditer(entry.example) if not entry.excused(m)), None)
    if found is None:
        raise TableError(f"{where(TABLE, number)}：pattern 在 example 里找不到")
    if replace is not None:
        try:
            found.expand(replace)
        except (re.error, IndexError) as exc:
            raise TableError(f"{where(TABLE, number)}：replace 模板有误：{exc}") from exc
    return entry


@functools.cache
def table() -> tuple[FaultySentence, ...]:
    return load(TABLE, _entry)


def find(text: str) -> Iterator[Found]:
    """Every faulty sentence of the table in ``text``, in the order of the table, then of the text.  Two entries of
    one rule that quote overlapping words read one slip: it is found once, by the first entry of the table."""
    said: dict[str, list[tuple[int, int]]] = {}
    for entry in table():
        for m in entry.pattern.finditer(text):
            if entry.excused(m):
                continue
            group = entry.group(m)
            start, end = m.span(group)
            spans = said.setdefault(entry.rule, [])
            if any(start < e and s < end for s, e in spans):
                continue
            spans.append((start, end))
            yield Found(entry, m.group(group), start, entry.mend(m))
