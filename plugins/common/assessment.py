"""What assessors criticise after the arithmetic: a part without substance, and prose copied from last year.

- ``assess.part-empty`` / ``assess.part-thin`` — 存在的主要问题及改进情况 (the ``issues`` section, in every
  format) written as "无。", "暂无问题。", left empty, or too short to state both the problems and the
  improvements.  A part "states problems" when it names a shortcoming (问题、不足、短板、差距、薄弱、有待、
  不够、还需 …) and "states improvements" when it says what will be done (改进、整改、下一步、将、计划、
  加强、完善、提升 …); it needs both, and at least :data:`MIN_CHARS` Chinese characters.
- ``assess.copied-from-previous`` — with a previous report (``previous = "…"`` or ``--previous``), each part is
  compared with the same part of last year's.  The measure is the share of this year's sentences (split at
  。！？；, at least :data:`MIN_SENTENCE` characters) that appear in last year's part unchanged once digits are
  ignored (so "2023年" → "2024年" does not hide a copy); the 导语, title block and signature, the same every year
  by nature, are not compared.  A part at or over :data:`COPY_SHARE` is warned,
  quoting up to three repeated sentences.  Sentence identity is exact and explainable — the assessor can find
  each quoted sentence in both reports — which an edit-distance score is not.

All are WARNINGs: a human judges the substance; ``--strict`` makes them stop a build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from compiler import hookimpl
from compiler.model.narrative import iter_texts
from compiler.model.problems import Problem, warning
from compiler.model.report import Report, SectionInstance

#: The sections whose substance formats require: key → what the part must say.
REQUIRED_SUBSTANCE = {"issues": "存在的主要问题及改进情况"}
MIN_CHARS = 40
MIN_SENTENCE = 12
COPY_SHARE = 0.6
#: Parts that are the same every year by nature (title block, the 导语's statistics period and contact line,
#: signature, attachment list): not compared.
BOILERPLATE = {"report", "preamble", "signature", "attachment-list", "attachments"}

_NOTHING = re.compile(r"^(?:暂?无|没有|暂未发现|未发现)(?:明显)?(?:问题|不足)?(?:[。.！!]?)$")
_PROBLEM_WORDS = re.compile(
    r"问题|不足|短板|差距|薄弱|有待|不够|不高|不强|滞后|欠缺|还需|仍需|尚需|不到位|不及时|不平衡"
)
# 要 only as "must do" (要进一步, 要加强…): 主要/重要/需要 are not plans
_IMPROVE_WORDS = re.compile(
    r"改进|整改|下一步|今后|将|要(?=进一步|加强|继续|着力|切实|认真|不断)|进一步|计划|加强|完善|提升|推进|强化|优化|加大|健全|落实"
)
_MEASURES_HEADING = re.compile(r"改进|措施|打算|下一步|工作计划")
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")
_DIGITS = re.compile(r"[0-9０-９]+(?:\.[0-9]+)?|[一二三四五六七八九十〇零]+(?=年)")
_SPACE = re.compile(r"\s+")


def section_text(instance: SectionInstance, headings: bool = True) -> str:
    return "".join(text for key, text in iter_texts(instance.data) if headings or not key.endswith("heading"))


def chinese_chars(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def substance_problems(report: Report) -> list[Problem]:
    problems: list[Problem] = []
    for instance in report.sections:
        part = REQUIRED_SUBSTANCE.get(instance.key)
        if part is None:
            continue
        text = section_text(instance, headings=False).strip()  # "存在的主要问题" says nothing about the year
        # a report that prints its measures as a part of their own ("四、改进措施" after "三、存在的困难和问题")
        measures = [
            section_text(other, headings=False)
            for other in report.sections
            if other is not instance and _MEASURES_HEADING.search(str(other.data.get("heading") or ""))
        ]
        where = report.ref(instance.key)
        if not text or _NOTHING.match(text):
            problems.append(
                warning(
                    "assess.part-empty",
                    f"“{part}”部分没有实质内容（写作“{text or '（空）'}”）；应写明本年度工作存在的主要问题和改进措施",
                    where,
                    expected="存在的问题及改进情况",
                    found=text or "（空）",
                )
            )
            continue
        missing = []
        if not _PROBLEM_WORDS.search(text):
            missing.append("存在的问题")
        if not _IMPROVE_WORDS.search(text) and not any(_IMPROVE_WORDS.search(m) for m in measures):
            missing.append("改进措施")
        length = chinese_chars(text) + sum(chinese_chars(m) for m in measures)
        if missing or length < MIN_CHARS:
            what = "、".join(missing) if missing else f"内容（仅 {length} 字）"
            problems.append(
                warning(
                    "assess.part-thin",
                    f"“{part}”部分过于简略，未写明{what}；评议时常被认定为内容空泛",
                    where,
                    expected=f"写明问题和改进措施，不少于 {MIN_CHARS} 字",
                    found=f"{length} 字",
                )
            )
    return problems


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if chinese_chars(s) >= MIN_SENTENCE]


def normalise(sentence: str) -> str:
    return _DIGITS.sub("#", _SPACE.sub("", sentence))


def repeated(this_year: Iterable[str], last_year: Iterable[str]) -> tuple[list[str], int]:
    """The sentences of ``this_year`` found unchanged (digits aside) in ``last_year``, and how many there were."""
    before = {normalise(s) for s in last_year}
    mine = list(this_year)
    return [s for s in mine if normalise(s) in before], len(mine)


def copy_problems(report: Report) -> list[Problem]:
    previous = report.previous
    if previous is None:
        return []
    last = {instance.key: instance for instance in previous.sections}
    problems: list[Problem] = []
    for instance in report.sections:
        old = last.get(instance.key)
        if old is None or instance.key in BOILERPLATE:
            continue
        same, total = repeated(sentences(section_text(instance)), sentences(section_text(old)))
        if not total or len(same) / total < COPY_SHARE:
            continue
        share = round(100 * len(same) / total)
        quoted = "；".join(f"“{s}”" for s in same[:3])
        title = instance.type.title or instance.key
        problems.append(
            warning(
                "assess.copied-from-previous",
                f"“{title}”部分与上年报告重复：{total} 句中有 {len(same)} 句与上年相同（{share}%），如 {quoted}",
                report.ref(instance.key),
                expected=f"重复句子少于 {round(COPY_SHARE * 100)}%",
                found=f"{share}%",
                details={"repeated": same, "sentences": total, "previous": str(previous.path)},
            )
        )
    return problems


@hookimpl
def gongkai_check(report: Report) -> list[Problem]:
    return [*substance_problems(report), *copy_problems(report)]
