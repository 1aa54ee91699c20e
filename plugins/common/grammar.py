"""Three slips of written grammar that a pattern can find without a parser, for every format.

- ``common.de-for-di`` — 的 where an adverbial needs 地: "及时准确的公开政府信息" (及时准确地公开), also before a
  preposition that opens the verb phrase: "及时有效的对……进行梳理".  Only an adverbial of the closed list below,
  standing at the start of a clause (or after 并/要/能/会/难以, or straight after a subject such as 领导, 我局),
  followed by 的 and a verb of the list that goes on to its object ("公开政府信息"), or that ends a clause the
  adverbial opened ("，扎实有效的开展，"); "形成统一规范的公开标准" (统一规范 after a verb) and "积极的宣传工作"
  are not in question, nor a verb followed by a noun it heads (公开工作, 宣传活动).  不同程度 before 存在, 提高 …
  is an adverbial wherever it stands.
  A verb followed by 了 is a verb wherever its adverbial stands: "我局较好的完成了……工作"; adverbials
  coordinated by 、 ("及时、准确、全面的发布主流声音") are one adverbial, and before a verb that ends the clause
  ("确保了……工作依法、有序的开展。") they are read too, unless 得到, 受到, 进行… before them make the whole a
  noun ("得到了全面、及时的公开").
- ``common.list-comma`` — coordinated words sharing their last character separated by ，instead of 、 before the
  closing 和/及/与: "知情权,参与权和监督权" (知情权、参与权和监督权; GB/T 15834-2011 §4.5: 顿号 between coordinated
  words), also with more words after the comma parted by 、: "知情权，参与权、表达权和监督权"; and the items of a list
  closed by 等 after 通过/在/含/包括…: "通过政府网站,新媒体等", "含政务动态,财政信息,统计数据,公示公告等" — unless an
  item opens on a verb or a preposition, or holds one, which makes the ，a clause boundary.

- ``common.unfinished-sentence`` — a sentence that stops on the 等 of its means: "主要通过政府网站、电视等。" (通过……等
  needs what was done: 等形式公开); only 通过/利用/借助/依托/运用 followed by a 、-list and 等 at the sentence's end.

- the kinds of faulty sentence of the table :mod:`plugins.common.faulty_sentences` (缺主语, 句式杂糅, 缺中心语, 缺宾语,
  量词不当, 法规名称不全), each reported under its own rule with why and how to mend it.

All are WARNINGs.  They were written after held-out readings named them (咸宁, 四平, 六安, 金乡 reports; the table's
entries after the corpus's missed defects); each is pinned by a test with the same characters in a correct use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from compiler import hookimpl
from compiler.model.problems import Problem, warning
from compiler.model.report import Report
from plugins.common import faulty_sentences
from plugins.common.texts import narrative_strings

ADVERBIALS = (
    "及时|准确|主动|依法|认真|积极|全面|切实|规范|有效|扎实|稳步|深入|严格|广泛|有序|快速|迅速|充分|高效|持续|不断|逐步"
    "|统一|集中|定期|详细|科学|合理|较好|很好|更好|良好|高效率|多渠道|全方位|多方位|客观|有条不紊|尽可能|尽量|有力"
    "|预见性|创造性|前瞻性|有针对性"  # "并预见性的分析依申请公开热点问题" (北京市大兴区 2010)
    "|有组织|有计划|有步骤"  # "工作有组织、有计划、有步骤的开展" (柳州市国资委 2011)
)
VERBS = (
    "公开|开展|推进|落实|处理|答复|发布|做好|完成|执行|实施|宣传|回应|解读|办理|受理|更新|维护|保障|提升|提高|加强|推动|公布"
    "|报送|整改|反馈|满足|反映|发挥|进行|查找|查询|查阅|获取|予以|给予|分析"
)
#: a word after the verb that makes the verb a modifier of a noun: 公开工作, 宣传活动, 公开标准
NOUN_HEADS = (
    "作用|机制|工作|效果|措施|方式|情况|力度|意识|要求|原则|态度|能力|水平|质量|范围|内容|渠道|平台|形式|途径|程序|流程|制度"
    "|体系|活动|服务|环境|氛围|格局|局面|成效|结果|过程|目的|目标|任务|职责|责任|时限|期限|标准"
)
#: a preposition that opens the adverbial's verb phrase ("及时有效的对……进行梳理", "及时的在网站上公开"): the
#: phrase must reach a verb of the list before the clause ends; 对象, 在线, 把关, 将来 are nouns, not prepositions
PREPOSITIONS = r"对(?![象外比照应口手称立待])|在(?![线职岗编])|把(?!关)|将(?![来军])|向(?![导量])"
#: a subject the adverbial may follow directly: "镇主要领导扎实有效的开展……" (天津海滨街 2021), "我局认真的落实……"
#: … or 办公室 ("全镇各部门、办公室积极有序的开展各项工作", 泾县云岭镇 2020, held-out round 264)
_SUBJECT_END = r"(?<=领导)|(?<=部门)|(?<=单位)|(?<=街道)|(?<=办公室)|(?<=我[局镇乡区县委办])"
_DE_FOR_DI = re.compile(
    rf"(?:^|(?<=[，,。；;：:、\s并要能会以为])|(?<=为了)|{_SUBJECT_END})(?P<adv>(?:{ADVERBIALS}){{1,2}}(?:、(?:{ADVERBIALS})){{0,3}})的"
    rf"(?:(?P<mid>有序|稳步|逐步|持续|全面|深入|主动)?(?P<verb>{VERBS})(?=[\u4e00-\u9fff])(?!{NOUN_HEADS})"
    rf"|(?P<prep>{PREPOSITIONS})(?=[^，,。；;：:]{{1,24}}?(?:进行|予以|加以|{VERBS})))"
)
#: the verb followed by its aspect marker 了 is a verb wherever the adverbial stands: "我局较好的完成了……工作"
_DE_FOR_DI_LE = re.compile(rf"(?P<adv>(?:{ADVERBIALS}){{1,2}})的(?P<verb>{VERBS})(?=了)(?P<prep>)")
#: adverbials coordinated by 、 before a verb that ends the clause: "确保了……工作依法、有序的开展。" — unless a verb
#: before them makes the whole a noun phrase ("得到了全面、及时、准确的公开")
_DE_FOR_DI_END = re.compile(
    rf"(?P<adv>(?:{ADVERBIALS})(?:、(?:{ADVERBIALS})){{1,3}})的(?P<verb>{VERBS})(?=[，,。；;]|$)(?P<prep>)"
)
#: an adverbial phrase that is one wherever it stands, before a verb of what happens to a state of affairs:
#: "……的现象仍然不同程度的存在" (陆丰市八万镇 2022)
_DE_FOR_DI_FIXED = re.compile(
    r"(?P<adv>不同程度)的(?P<verb>存在|出现|提高|提升|增加|减少|改善|加强|下降|好转)(?P<prep>)"
)
#: a clause that is only an adverbial and its verb: "……在上级部门的要求和指导下,扎实有效的开展,现将……" (天津海滨街
#: 2021) — nothing before it to make it a noun phrase
_DE_FOR_DI_CLAUSE = re.compile(
    rf"(?<=[，,。；;：:])(?P<adv>(?:{ADVERBIALS}){{1,2}})的(?P<verb>{VERBS})(?=[，,。；;])(?P<prep>)"
)
_NOMINALISED = re.compile(r"得到|受到|进行|加以|予以|给予|实现")
_PREP_PHRASE = re.compile(rf"[^，,。；;：:]{{1,24}}?(?:进行|予以|加以|{VERBS})")
_HAN = r"[\u4e00-\u9fff]"
#: a verb opening what follows the comma makes it a clause, not the next word of a list: "……若干子站，形成主站与
#: 子站集成的网站群体系"
_CLAUSE_VERBS = "(?:形成|建立|实现|推动|加强|开展|做到|确保|提高|促进|完善|构建|打造|推进|落实|建成|设立|开通)"
_LIST_COMMA = re.compile(
    rf"(?:^|(?<=[^\u4e00-\u9fff]|[的了使将对把被在和]))(?P<a>{_HAN}{{1,3}}?)(?P<end>{_HAN})[，,]"
    rf"(?!{_CLAUSE_VERBS})(?P<b>{_HAN}{{1,3}}?)(?P=end)(?:、{_HAN}{{1,3}}?(?P=end))*"
    rf"(?:和|及|与|以及)(?P<c>{_HAN}{{1,3}}?)(?P=end)"
)


_MEANS_ONLY = re.compile(
    r"(?:^|(?<=[，,。；;：:]))[^，,。；;：:]{0,12}?(?P<verb>通过|利用|借助|依托|运用)"
    r"(?P<list>[^，,。；;：:等]{1,40}?、[^，,。；;：:等]{1,40}?)等(?=[。；;]|$)"
)


def _matches(report: Report, pattern: re.Pattern[str]) -> Iterator[tuple[str, str, re.Match[str]]]:
    for keypath, text in narrative_strings(report):
        for m in pattern.finditer(text):
            yield keypath, text, m


def de_for_di_problems(report: Report) -> list[Problem]:
    problems = []
    seen: set[tuple[str, int]] = set()
    ends = [
        (keypath, text, m)
        for keypath, text, m in _matches(report, _DE_FOR_DI_END)
        if not _NOMINALISED.search(text[max(m.start() - 5, 0) : m.start()])
    ]
    fixed = (*_matches(report, _DE_FOR_DI_FIXED), *_matches(report, _DE_FOR_DI_CLAUSE))
    for keypath, text, m in (*_matches(report, _DE_FOR_DI), *_matches(report, _DE_FOR_DI_LE), *ends, *fixed):
        at = (keypath, m.start("verb") if m["verb"] else m.start())  # one slip read by two patterns is one
        if at in seen:
            continue
        seen.add(at)
        adv, verb = m["adv"], (m.groupdict().get("mid") or "") + (m["verb"] or m["prep"])
        if m["verb"]:
            what, shown = f"动词“{verb}”", m.group(0) + text[m.end() : m.end() + 4]
        else:  # quote the phrase up to its verb: "及时有效的对……进行梳理"
            reach = _PREP_PHRASE.match(text, m.end())
            shown = m.group(0) + (reach.group(0) if reach else "")
            what = f"“{verb}……”引出的动词短语"
        said = f"“{shown}”：修饰{what}的“{adv}”后面应用“地”"
        problems.append(
            warning(
                "common.de-for-di", said, report.ref(keypath), expected=f"“{adv}地{verb}”", found=f"“{adv}的{verb}”"
            )
        )
    return problems


#: a list of things closed by 等 after 通过/在/含/包括… with its items parted by ，:
#: "通过政府网站,新媒体等" (安福县 2020), "在信息公开栏目改进,充实内容,更新时效等方面" (安丘市农业局 2017);
#: GB/T 15834-2011 §4.5 wants 、 between coordinated words.  存在/所在/现在… are not the preposition; an
#: item that opens on a verb or a preposition, or holds one of its own (通过, 采用, 我局…), makes the ，a
#: clause boundary ("通过建立……队伍,实施……培训,强化……考核等"), and so does an item too long to be a word, or one
#: that closes the 在 frame itself ("在确保内容表达清晰的情况下,尽可能的提升气象报告等……", 易门县气象局 2023);
#: nor is 在 after 设 ("查阅点设在局办公室,配备电脑、复印机、打印机等", 凉州区审计局 2022: a place, then a clause).
#: 切实 before 在 is the adverb, not 实在 ("切实在提高政府工作透明度,促进依法行政,服务群众生产生活等方面", 河源市
#: 2014, held-out round 271); the first item may be two joined by 和 ("在提高政府工作透明度和服务效能,
#: 促进依法行政等方面", 华县 2017).
_DENG_LIST = re.compile(
    r"(?<![存所现正内设放])(?<!(?<!切)实)(?P<lead>通过|在|包括|含|如|涵盖|利用|依托)"
    r"(?P<items>(?:[^，,。；;：:“”《》\d]{2,12}|[^，,。；;：:“”《》\d和]{2,10}和[^，,。；;：:“”《》\d和]{2,6})"
    r"(?:[，,][^，,。；;：:“”《》\d]{2,12})+)等"
)
_CLAUSE_OPENING = re.compile(
    r"^(?:建立|实施|强化|加强|开展|采取|采用|配备|配置|配齐|设置|设立|开设|开通|与|对|在|还|我|并|将|把|从|向|以|按|经|由"
    r"|进一步|不断|积极|认真|及时"
    r"|尽可能|尽量|力争)"
)
_CLAUSE_INSIDE = re.compile(r"通过|采用|坚持|新增|增设|我[局镇乡县区办委]|过程中|之外|以外|情况下|前提下|基础上")


def _commas_before_deng(text: str) -> Iterator[tuple[re.Match[str], list[str]]]:
    for m in _DENG_LIST.finditer(text):
        items = re.split(r"[，,]", m["items"])
        if any(_CLAUSE_OPENING.match(i) or _CLAUSE_INSIDE.search(i) for i in items):
            continue
        if any(len(word) > 10 for i in items[1:] for word in i.split("、")):
            continue
        yield m, items


def list_comma_problems(report: Report) -> list[Problem]:
    problems = []
    for keypath, text in narrative_strings(report):
        for m, items in _commas_before_deng(text):
            said = f"“{m.group(0)}”：“等”之前并列的各项“{'”“'.join(items)}”之间应用顿号“、”，不用逗号"
            problems.append(
                warning(
                    "common.list-comma",
                    said,
                    report.ref(keypath),
                    expected=f"“{m['lead']}{'、'.join(items)}等”",
                    found=f"“{m.group(0)}”",
                )
            )
    for keypath, _, m in _matches(report, _LIST_COMMA):
        first, second = m["a"] + m["end"], m["b"] + m["end"]
        said = f"“{m.group(0)}”：并列的词语“{first}”“{second}”之间应用顿号“、”"
        typed = f"“{first}{m.group(0)[len(first)]}{second}”"
        problems.append(
            warning("common.list-comma", said, report.ref(keypath), expected=f"“{first}、{second}”", found=typed)
        )
    return problems


#: a verb of what was done, said between the means and its list: "依托区政府门户网站集中公开公文类信息、……等。"
#: (吴淞街道 2025) — the list is what was 公开ed, and the sentence is whole
_DONE_WITH_MEANS = re.compile(
    r"公开|发布|推送|上传|刊登|开展|办理|答复|受理|报送|更新|设置|开设|开通|建立|制定|印发|召开|组织|提供|实现|完成"
)


def unfinished_sentence_problems(report: Report) -> list[Problem]:
    problems = []
    for keypath, _, m in _matches(report, _MEANS_ONLY):
        if _DONE_WITH_MEANS.search(m["list"].split("、")[0]):
            continue
        whole, verb = m.group(0).strip(), m["verb"]
        said = f"“{whole}”：句子停在“等”上，没有说“{verb}……等”做了什么（如“等形式公开”）"
        problems.append(
            warning(
                "common.unfinished-sentence",
                said,
                report.ref(keypath),
                expected=f"“{verb}……等＋做了什么”",
                found=f"“{whole}”",
            )
        )
    return problems


def faulty_sentence_problems(report: Report) -> list[Problem]:
    problems = []
    for keypath, text in narrative_strings(report):
        for found in faulty_sentences.find(text):
            entry, quoted = found.entry, found.quoted.strip()
            problems.append(
                warning(
                    entry.rule,
                    f"{entry.kind}：“{quoted}”——{entry.why}",
                    report.ref(keypath),
                    expected=found.fix,
                    found=f"“{quoted}”",
                )
            )
    return problems


@hookimpl
def gongkai_check(report: Report) -> list[Problem]:
    return [
        *de_for_di_problems(report),
        *list_comma_problems(report),
        *unfinished_sentence_problems(report),
        *faulty_sentence_problems(report),
    ]
