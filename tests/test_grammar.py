"""Three slips of written grammar (plugins/common/grammar.py): 的 for 地 before a verb, ，for 、 between
coordinated words, a sentence stopping on the 等 of its means; each found in the real sentence that named it, and
the same characters in a correct use pass."""

from __future__ import annotations

import pytest
from conftest import legacy, rules


def with_text(text: str):
    return legacy(overview={"text": text})


def test_de_for_di_before_a_verb_and_its_object(check):
    # 四平市铁东区解放街道 2011
    found = check(with_text("通过多种途径，及时准确的公开政府信息，方便居民查阅。"))
    [p] = [p for p in found if p.rule == "common.de-for-di"]
    assert (p.found, p.expected, p.source.keypath) == ("“及时准确的公开”", "“及时准确地公开”", "overview.text")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 天津海滨街 2021 (held-out round 35): after the subject, and as a clause of its own
        ("镇主要领导扎实有效的开展政府信息公开工作。", ["“扎实有效的开展”"]),
        ("街道在上级部门的指导下，扎实有效的开展，现将情况报告如下。", ["“扎实有效的开展”"]),
        ("我局认真的落实各项制度。", ["“认真的落实”"]),
        # 吉林市林业局 2012 (held-out round 71): "该报告全面客观的反映了……"
        ("该报告全面客观的反映了本局工作的成效和问题。", ["“全面客观的反映”"]),
        ("这是群众意见客观的反映。", []),  # a noun: nothing after it makes 反映 a verb
        # 陆丰市八万镇 2022: 不同程度 is an adverbial wherever it stands
        ("分类不准确的现象仍然不同程度的存在。", ["“不同程度的存在”"]),
        # 宜城市教育局 2022 (held-out round 42): after 为, and before 向
        ("为更好的满足社会各界的需求，我局及时准确的向社会公布信息。", ["“更好的满足”", "“及时准确的向”"]),
        ("方向明确，目标更好的实现。", []),
        # 左贡县 2021 (held-out round 84): 发挥 is a verb too
        ("为切实做好信息公开工作，更好的发挥政府信息公开作用，我县加强领导。", ["“更好的发挥”"]),
        ("各项制度作用的发挥较为充分。", []),
        ("镇主要领导扎实有效地开展政府信息公开工作。", []),
        ("各部门不同程度的问题仍然存在。", []),  # 不同程度 before a noun
        ("单位统一规范的公开标准已经形成。", []),  # 公开 heads a noun
        ("各项工作得到了全面的落实，群众满意。", []),  # a noun phrase after 得到
        # 天水市乡村振兴局 2021 (held-out round 110): finding what was published is a verb of the list too
        ("方便公民，依法快速、准确的查找公开的信息。", ["“依法快速、准确的查找”"]),
        ("提供快速准确的查询服务。", []),  # 查询 heads a noun
        # 嘉兴市国资委 2012 (held-out round 193): 予以 is the verb the adverbials modify
        ("对申请均在规定时间内及时、详细的予以回复。", ["“详细的予以”"]),
        ("对申请均予以及时、详细的回复。", []),
        # 北京市大兴区 2010 (held-out round 207): an adverbial in 性 before 分析 and its object
        ("完善受理答复程序，并预见性的分析依申请公开热点问题。", ["“预见性的分析”"]),
        ("我局有针对性的开展业务培训。", ["“有针对性的开展”"]),
        ("形成具有前瞻性的分析报告。", []),  # 分析 heads a noun after 具有
        # 柳州市国资委 2011 (held-out round 217): adverbials in 有 coordinated by 、
        ("保证了政府信息公开工作有组织、有计划、有步骤的开展。", ["“有组织、有计划、有步骤的开展”"]),
        # 泾县云岭镇 2020 (held-out round 264): after a subject ending on 办公室
        ("全镇各部门、办公室积极有序的开展各项工作。", ["“积极有序的开展”"]),
        ("镇党政办公室规范的公开渠道已经建立。", []),  # 公开 heads a noun
    ],
)
def test_de_for_di_after_a_subject_alone_and_fixed(check, text, found):
    problems = [p for p in check(with_text(text)) if p.rule == "common.de-for-di"]
    assert [p.found for p in problems] == found
    assert all("地" in p.expected for p in problems)


def test_de_for_di_before_a_preposition_that_opens_the_verb_phrase(check):
    # 平潭县卫生局 2012: "及时有效的对我局……政府信息进行梳理", "及时有效的在网站上公开"
    text = "本年度，及时有效的对产生的文件进行梳理，但难以及时有效的在网站上公开。"
    found = [p for p in check(with_text(text)) if p.rule == "common.de-for-di"]
    assert [p.found for p in found] == ["“及时有效的对”", "“及时有效的在”"]
    assert all(p.expected.startswith("“及时有效地") for p in found)


def test_de_for_di_before_a_verb_with_its_le_after_the_subject(check):
    # 平潭苏平片区管理局 2020: "我局较好的完成了政府信息公开工作" — the adverbial stands after the subject
    found = [
        p
        for p in check(with_text("在上级部门的指导下，我局较好的完成了政府信息公开工作。"))
        if p.rule == "common.de-for-di"
    ]
    assert [(p.found, p.expected) for p in found] == [("“较好的完成”", "“较好地完成”")]
    assert "common.de-for-di" not in rules(check(with_text("我局较好地完成了政府信息公开工作。")))
    assert "common.de-for-di" not in rules(check(with_text("各项工作得到了较好的落实。")))
    # 衡水市水利局 2023 (held-out round 302): "认真做好政务公开工作有力的保障了公众知情权"
    [p] = [p for p in check(with_text("认真做好政务公开工作有力的保障了公众知情权。")) if p.rule == "common.de-for-di"]
    assert p.expected == "“有力地保障”"
    assert "common.de-for-di" not in rules(check(with_text("采取了有力的保障措施。")))


def test_de_for_di_with_an_adverb_between_de_and_the_verb(check):
    # 紫金县凤安镇 2012 (held-out round 23): "多渠道、高效率的有序推进政府信息公开各项工作"
    found = [
        p
        for p in check(with_text("我镇多渠道、高效率的有序推进政府信息公开各项工作。"))
        if p.rule == "common.de-for-di"
    ]
    # after the subject 我镇 the whole coordinated adverbial is read
    assert [(p.found, p.expected) for p in found] == [("“多渠道、高效率的有序推进”", "“多渠道、高效率地有序推进”")]
    assert "common.de-for-di" not in rules(check(with_text("我镇多渠道、高效率地有序推进政府信息公开各项工作。")))
    assert "common.de-for-di" not in rules(check(with_text("形成了高效率的有序推进机制。")))
    # 柳北区统计局 2013 (held-out round 24): "及时、准确、全面、有效的主动公开政府信息"
    found = [p for p in check(with_text("做到及时、准确、有效的主动公开政府信息。")) if p.rule == "common.de-for-di"]
    assert [p.expected for p in found] == ["“准确、有效地主动公开”"]
    assert "common.de-for-di" not in rules(check(with_text("形成有效的主动公开工作机制。")))


@pytest.mark.parametrize(
    "text",
    [
        "形成统一规范的公开标准。",
        "开展了积极的对外宣传，效果良好。",  # 对外 is not the preposition
        "实现全面的在线办理。",  # 在线 is a noun
        "明确了严格的审核把关程序。",  # the adverbial follows a verb: a noun phrase
        "开展了积极的宣传，效果良好。",  # 宣传 is a noun here: nothing follows it
        "建立全面的公开工作机制。",  # 公开 modifies 工作
        "及时准确地公开政府信息。",
    ],
)
def test_de_as_it_should_be_passes(check, text):
    assert "common.de-for-di" not in rules(check(with_text(text)))


def test_a_comma_between_coordinated_words(check):
    # 六安市裕安区水利局 2013
    found = check(with_text("使人民群众的知情权,参与权和监督权得到充分保障。"))
    [p] = [p for p in found if p.rule == "common.list-comma"]
    assert p.expected == "“知情权、参与权”" and p.source.keypath == "overview.text"


@pytest.mark.parametrize(
    "text",
    [
        "使人民群众的知情权、参与权和监督权得到充分保障。",
        "加强领导，落实责任和明确分工。",  # clauses, not words sharing their last character
        "公开率，满意度和办结率均有提升。",
    ],
)
def test_coordinated_words_with_their_enumeration_comma_pass(check, text):
    assert "common.list-comma" not in rules(check(with_text(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("通过政府网站,新媒体等平台及时公开。", "“通过政府网站、新媒体等”"),  # 安福县 2020
        # 甘谷县工信局 2017
        ("（含政务动态,财政信息,统计数据,公示公告等）。", "“含政务动态、财政信息、统计数据、公示公告等”"),
        ("主要聚焦在日常工作动态,森林草原防灭火、疫情防控等方面。", "“在日常工作动态、森林草原防灭火、疫情防控等”"),
        # 河源市 2014 (held-out round 271): 切实 before 在 is the adverb, not 实在
        (
            "切实在提高政府工作透明度,促进依法行政,服务群众生产生活等方面发挥了积极作用。",
            "“在提高政府工作透明度、促进依法行政、服务群众生产生活等”",
        ),
        # 华县 2017: the first item two joined by 和
        (
            "在提高政府工作透明度和服务效能,促进依法行政等方面发挥了作用。",
            "“在提高政府工作透明度和服务效能、促进依法行政等”",
        ),
    ],
)
def test_commas_between_the_things_a_deng_closes(check, text, expected):
    [p] = [p for p in check(with_text(text)) if p.rule == "common.list-comma"]
    assert p.expected == expected and p.source.keypath == "overview.text"


@pytest.mark.parametrize(
    "text",
    [
        "通过建立管理人员队伍,实施专业化培训,强化督导考核等措施，提升了水平。",  # clauses: each opens on a verb
        "依托人民政府网,在工作动态等栏目发布信息。",  # the second opens on 在
        "存在的主要问题及改进情况,其他需要报告的事项等。",  # 存在, not the preposition 在
        "利用新媒体，采用图文解读、在线解读等形式。",  # the second holds its own verb
        "通过政府网站、新媒体等平台公开。",
        # 易门县气象局 2023 (held-out round 176): the 在 frame closes on 情况下, and the next clause opens on an adverb
        "在确保内容表达清晰的情况下,尽可能的提升气象报告等信息的通俗性。",
        "在现有工作的基础上,进一步丰富解读形式等。",
        # 凉州区审计局 2022 (held-out round 236): a place after 设在, then a clause that opens on its verb
        "查阅点设在局办公室,配备电脑、复印机、打印机等电子查阅工具。",
        # 武清区白古屯镇 2021: a long first item is a clause, 和 or not
        "在信息公开工作经费投入予以保障,充分利用政务公开栏、网站等载体。",
        # 西丰县 2018 (held-out round 277): the second opens on its verb 开通
        "此外,还通过印发文件,开通政民服务等专题专栏。",
    ],
)
def test_clauses_before_a_deng_pass(check, text):
    assert "common.list-comma" not in rules(check(with_text(text)))


def test_a_sentence_that_stops_on_the_deng_of_its_means(check):
    # 金乡县水务局 2009: "(三)信息公开形式。主要通过政府网站、电视等。"
    [p] = [p for p in check(with_text("主要通过政府网站、电视等。")) if p.rule == "common.unfinished-sentence"]
    assert p.source.keypath == "overview.text" and "通过" in p.expected


@pytest.mark.parametrize(
    "text",
    [
        "主要通过政府网站、电视等形式公开。",
        "利用宣传栏、公告栏、电子显示屏等向纳税人公开了办税流程和工作职责等。",  # the 等 of the means goes on
        "公开渠道有政府网站、电视等。",  # no 通过: a list of what there is
        # 吴淞街道 2025 (held-out round 124): the verb after the means — the list is what was published
        "街道依托区政府门户网站集中公开公文类信息、财政信息、重大行政决策过程信息等。",
    ],
)
def test_means_with_what_was_done_pass(check, text):
    assert "common.unfinished-sentence" not in rules(check(with_text(text)))


def test_a_clause_after_the_comma_is_not_a_list(check):
    # an unlabelled 平潭 report of 2015: "……的若干子站，形成主站与子站集成的网站群体系"
    text = "以各部门网站为基础支撑的若干子站，形成主站与子站集成的网站群体系。"
    assert "common.list-comma" not in rules(check(with_text(text)))


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ("确保了政府信息公开工作依法、有序的开展。", True),  # 平潭县人民防空办公室 2011
        ("发挥媒体作用，及时、准确、全面的发布权威信息。", True),
        ("我街道政府信息得到了全面、及时、准确的公开，透明度提高。", False),  # 得到……的公开: a noun
        ("坚持及时、高效、全面的公开要求。", False),  # 公开要求: a noun phrase
        ("确保了政府信息公开工作依法、有序地开展。", False),
    ],
)
def test_de_for_di_after_coordinated_adverbials(check, text, warned):
    assert ("common.de-for-di" in rules(check(with_text(text)))) is warned


def test_de_for_di_after_wei_le(check):
    # 上海市松江区 2012 (held-out round 104): "为了更好的将信息公开工作在重要领域的推进" — the adverbial after 为了
    found = [
        p
        for p in check(with_text("为了更好的将信息公开工作向重要领域推进，成立了工作小组。"))
        if p.rule == "common.de-for-di"
    ]
    assert [p.found for p in found] == ["“更好的将”"]
    assert "common.de-for-di" not in rules(check(with_text("为了更好地将信息公开工作向重要领域推进，成立了工作小组。")))


def test_two_legacy_part_names_run_together_in_the_wording_reports_print(check):
    # 上海市松江区 2012 (held-out round 104): "……,咨询处理情况存在的主要问题和改进措施,……" — the legacy format's
    # wording "存在的主要问题及改进措施" read as a part's name after 情况
    text = "全文包括概述、主动公开政府信息情况、依申请公开政府信息情况、咨询处理情况存在的主要问题和改进措施。"
    found = [p for p in check(legacy(preamble={"text": text})) if p.rule == "legacy.part-list-punctuation"]
    assert [p.expected for p in found] == ["“咨询处理情况、存在的主要问题和改进措施”"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("创新公开形式，提高宣传力度。", "“提高宣传力度”"),  # 西平县芦庙乡 2021 (held-out round 174)
        ("以公开促实效，不断提高信息公开力度和质量。", "“提高信息公开力度”"),  # 乌鲁木齐市招商服务局 2021
    ],
)
def test_a_force_that_is_raised(check, text, found):
    [p] = [p for p in check(with_text(text)) if p.rule == "common.collocation"]
    assert p.found == found and "加大" in p.expected


@pytest.mark.parametrize(
    "text",
    [
        "2022年共组织召开了全市各部门政务公开业务培训共3次。",  # 老河口市 2022 (held-out round 275)
        "共收取检索、复印、邮递等成本费用共计0元。",  # 东城区安定门街道 2011
    ],
)
def test_a_total_said_twice_with_gong(check, text):
    [p] = [p for p in check(with_text(text)) if p.rule == "common.redundancy"]
    assert p.source.keypath == "overview.text" and "两次“共”" in p.message
