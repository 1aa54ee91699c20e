"""Places (plugins/common/places.py, places.tsv) and the rule that uses them, common.foreign-place: a media outlet
of another place named among a report's own channels."""

from __future__ import annotations

import pytest
from conftest import legacy, rules

from plugins.common import places


@pytest.mark.parametrize(
    ("organ", "chain"),
    [
        ("平潭综合实验区地方税务局", ["福建省福州市平潭县"]),
        ("淮安市洪泽区人民政府", ["江苏省淮安市洪泽区"]),  # the most specific of the places that nest
        ("上海市人民政府办公厅", ["上海市"]),
        ("道县文广新局", ["湖南省永州市道县"]),  # a one-character short name: found by its full name
        ("湘西土家族苗族自治州人民政府", ["湖南省湘西土家族苗族自治州"]),
        ("南薰乡人民政府", []),  # a township's name gives no county
        # a county's short name that names a township (岳阳市南湖新区湖滨街道 2017, held-out round 292): not the county
        ("湖滨街道办事处", []),
        ("湖滨区湖滨街道办事处", ["河南省三门峡市湖滨区"]),  # the county named in full, and then its 街道
        ("宁安镇人民政府", []),
        ("中华人民共和国国家统计局", []),  # 共和 is a county's short name, and an everyday word
    ],
)
def test_the_place_of_an_organ_is_read_from_its_name(organ, chain):
    assert [places.chain(p) for p in places.in_name(organ)] == chain


def test_short_names_and_the_table():
    assert places.short_name("平潭县") == "平潭"
    assert places.short_name("新疆维吾尔自治区") == "新疆"
    assert places.short_name("宁夏回族自治区") == "宁夏"
    assert places.short_name("沛县") is None
    assert places.named("光明") == () and places.named("光明区")  # 光明日报 is national; 光明区 is a district
    [dingan] = places.named("定安")
    [pingtan] = places.named("平潭县")
    assert not dingan.related(pingtan) and pingtan.within(places.named("福建省")[0])


def with_channels(organ: str, text: str):
    data = legacy(overview={"text": text})
    data["report"]["organ"] = organ
    return data


def test_a_media_outlet_of_another_place_is_reported(check):
    # 平潭综合实验区地方税务局 2013 (tests/corpus/pingtan-dishuiju-2013)
    text = "在《今日定安》设立税收专刊，宣传税收政策。"
    [p] = [p for p in check(with_channels("平潭综合实验区地方税务局", text)) if p.rule == "common.foreign-place"]
    assert p.found == "《今日定安》" and "海南省定安县" in p.message and "福建省福州市平潭县" in p.message
    assert p.source.keypath == "overview.text"


def test_the_download_site_named_after_another_place_is_reported(check):
    # 黑龙江省商务厅 2010 (held-out round 25): a preamble carried over from 北京市商务委员会's report
    text = "北京市商务委员会政府网站www.hljswt.gov.cn上可下载本报告的电子版。"
    [p] = [p for p in check(with_channels("黑龙江省商务厅", text)) if p.rule == "common.foreign-place"]
    assert p.found == "北京市" and "黑龙江省" in p.message and p.expected.endswith("网站")
    own = "黑龙江省商务厅门户网站www.hljswt.gov.cn上可下载本报告的电子版。"
    assert "common.foreign-place" not in rules(check(with_channels("黑龙江省商务厅", own)))


@pytest.mark.parametrize(
    ("organ", "text"),
    [
        ("平潭综合实验区地方税务局", "通过《福建日报》《福州日报》、平潭电视台和“平潭发布”公开。"),  # its own places
        ("平潭综合实验区地方税务局", "在《人民日报》《光明日报》《解放日报》《新华日报》刊发。"),  # national papers
        ("上海市人民政府办公厅", "在《浦东时报》与浦东新区电视台、“浦东发布”同步发布。"),  # a district of the city
        ("南薰乡人民政府", "在《今日定安》刊发。"),  # the organ's place is unknown: nothing to compare with
        ("湖滨街道", "在《湖南日报》、《岳阳日报》等公开政府信息。"),  # 湖滨街道 is not said to be in 湖滨区
        ("道县文广新局", "通过湖南电视台、《永州日报》宣传。"),  # the province and the prefecture above it
    ],
)
def test_media_of_the_organs_own_places_pass(check, organ, text):
    assert "common.foreign-place" not in rules(check(with_channels(organ, text)))


def test_the_organ_named_without_its_places_level_word(check):
    # 咸宁市人民防空办公室 2018: "本报告的电子版可在咸宁人民防空办公室门户网站查阅"
    data = with_channels("咸宁市人民防空办公室", "本报告的电子版可在咸宁人民防空办公室门户网站查阅。")
    [p] = [p for p in check(data) if p.rule == "common.organ-name"]
    assert (p.found, p.expected) == ("咸宁人民防空办公室", "咸宁市人民防空办公室") and "少了“市”" in p.message
    for organ, text in (
        ("咸宁市人民防空办公室", "咸宁市人民防空办公室门户网站。"),  # the full name
        ("平潭县财政局", "平潭财政局门户网站。"),  # a short form of a short name (财政局): on purpose, not a slip
        ("南薰乡人民政府", "南薰乡政府网站。"),  # no place the table knows
    ):
        assert "common.organ-name" not in rules(check(with_channels(organ, text))), organ


@pytest.mark.parametrize(
    ("organ", "mended"),
    [
        ("天水市麦积东岔镇人民政府", "天水市麦积区东岔镇人民政府"),  # 麦积东岔镇 2021, as its title prints it
        ("福州市平潭财政局", "福州市平潭县财政局"),
    ],
)
def test_the_organs_own_name_without_its_countys_level_word(check, organ, mended):
    [p] = [p for p in check(with_channels(organ, "公开信息。")) if p.source.keypath == "report.organ"]
    assert (p.rule, p.found, p.expected) == ("common.organ-name", organ, mended)


@pytest.mark.parametrize(
    ("organ", "reported"), [("水务局", True), ("卫生健康委员会", True), ("国家统计局", False), ("平潭县财政局", False)]
)
def test_an_organ_named_by_its_kind_alone(check, organ, reported):
    # 抚远市水务局 2020: the title and the organ say only "水务局"
    found = [p for p in check(with_channels(organ, "公开信息。")) if p.source.keypath == "report.organ"]
    assert bool(found) is reported
    if reported:
        assert found[0].rule == "common.organ-name" and "没有地名" in found[0].message


@pytest.mark.parametrize(
    ("organ", "level"),
    [
        ("县人民政府办公室", "县"),  # 湟源县人民政府办公室 2021 (held-out round 81): the title says only this
        ("市城管执法局", "市"),  # 铜陵市城管执法局 2020: the text names itself so
        ("区教育局", "区"),
        ("旗人民政府", "旗"),
        ("镇宁布依族苗族自治县人民政府", None),
        ("某某县人民政府办公室", None),
        ("县政府办", None),  # the colloquial short name: said once, as such (府谷县 2022)
        ("市民", None),
    ],
)
def test_an_organ_named_by_its_level_word_alone(check, organ, level):
    found = [p for p in check(with_channels(organ, "公开信息。")) if p.source.keypath == "report.organ"]
    said = [p for p in found if "只有层级" in p.message]
    if level is None:
        assert not said
    else:
        [p] = said
        assert p.rule == "common.organ-name" and f"只有层级“{level}”" in p.message and p.found == organ


@pytest.mark.parametrize(
    ("organ", "found"),
    [
        ("山东省经济和信息化委", "山东省经济和信息化委"),  # 山东省经信委 2011 (held-out round 84)
        ("某市住房和城乡建设委", "某市住房和城乡建设委"),
        ("山东省经济和信息化委员会", None),
        ("某市经信委", None),
        ("白城市民委(宗教局)", None),
        ("平潭综合实验区管委会办公室", None),
    ],
)
def test_a_committee_named_by_its_full_names_words_cut_short(check, organ, found):
    said = [p for p in check(with_channels(organ, "公开信息。")) if "只写到“委”" in p.message]
    if found is None:
        assert not said
    else:
        [p] = said
        assert (p.rule, p.found, p.expected) == ("common.organ-name", found, found + "员会")


@pytest.mark.parametrize(
    ("organ", "text", "found", "said"),
    [
        # 大安市畜牧业管理局 2010, 涵江区卫生局 2011 (held-out round 54)
        ("大安市畜牧业管理局", "2010年大安市牧业管理局累计主动公开政府信息30条。", "大安市牧业管理局", "少了“畜”"),
        (
            "莆田市涵江区卫生局",
            "2011年，莆田市涵江区区卫生局政府信息公开工作稳步推进。",
            "莆田市涵江区区卫生局",
            "多了一个“区”",
        ),
    ],
)
def test_the_organ_named_one_character_off(check, organ, text, found, said):
    [p] = [p for p in check(with_channels(organ, text)) if p.rule == "common.organ-name"]
    assert (p.found, p.expected) == (found, organ) and said in p.message


@pytest.mark.parametrize(
    ("organ", "text"),
    [
        ("大安市畜牧业管理局", "大安市畜牧业管理局累计主动公开政府信息30条。"),
        ("平潭县财政局", "平潭财政局门户网站。"),  # a level word left out: a short form, the place rules' to judge
        ("测试县人民政府", "测试县人民政府办公室负责日常工作。"),  # the full name inside a longer one
    ],
)
def test_the_organ_named_in_full_passes(check, organ, text):
    assert "common.organ-name" not in rules(check(with_channels(organ, text)))


@pytest.mark.parametrize(
    "organ", ["天水市麦积区东岔镇人民政府", "平潭县财政局", "福州市人民政府", "南薰乡人民政府", "淮安市洪泽区人民政府"]
)
def test_an_organ_named_with_its_countys_level_word_passes(check, organ):
    assert not [p for p in check(with_channels(organ, "公开信息。")) if p.source.keypath == "report.organ"]


@pytest.mark.parametrize(
    ("organ", "text", "own"),
    [
        # 中阳县人民政府 2022, reworded: a city's words in a county's report
        ("中阳县人民政府", "我县将继续加强对全市政府信息公开工作的指导和协调。", "全县"),
        # 平潭综合实验区地方税务局 2013, reworded
        ("平潭综合实验区地方税务局", "全市地税系统坚持便民原则，主动公开办税信息。", "全区"),
        ("南京市江宁区人民政府", "全市各街道均设立了政府信息公开查阅点。", "全区"),
    ],
)
def test_a_city_scope_in_a_county_or_district_report_is_reported_once(check, organ, text, own):
    found = [p for p in check(with_channels(organ, text + text)) if p.rule == "common.foreign-scope"]
    [p] = found
    assert (p.found, p.expected) == ("全市", own)
    assert p.source.keypath == "overview.text" and organ in p.message


@pytest.mark.parametrize(
    ("organ", "own"),
    [
        # 昌图县人民政府办公室 2024 (held-out round 204): "全年办理市本级依申请公开事项14件"
        ("昌图县人民政府办公室", "县本级"),
        ("南京市江宁区人民政府", "区本级"),
    ],
)
def test_the_citys_own_level_in_a_county_or_district_report(check, organ, own):
    text = "全年办理市本级依申请公开事项14件。"
    [p] = [p for p in check(with_channels(organ, text)) if p.rule == "common.foreign-scope"]
    assert (p.found, p.expected) == ("市本级", own)
    assert "common.foreign-scope" not in rules(check(with_channels("吕梁市人民政府", text)))  # a city's own level


@pytest.mark.parametrize(
    ("organ", "text", "found", "own"),
    [
        # 两家子满族乡 2020 (held-out round 56): "两家子满族乡迅速组织全街开展新《条例》学习"
        ("某某满族乡人民政府", "我乡迅速组织全街开展新《条例》学习。", "全街", "全乡"),
        ("某某街道办事处", "全镇共公开政府信息120条。", "全镇", "全街道"),
        # 元谋县黄瓜园镇 2017 (held-out round 65): a town's work said to drive the county's
        ("黄瓜园镇", "有效推动了全县政府信息公开工作纵深发展。", "全县", "全镇"),
        ("某某乡人民政府", "进一步促进全区政务公开工作。", "全区", "全乡"),
        # 通化市东昌区金厂镇 2025 (held-out round 263): "(一)组织推动全省政府信息公开工作。" — a province's words
        ("某某镇人民政府", "组织推动全省政府信息公开工作。", "全省", "全镇"),
        # 东至县花园乡 2022 (held-out round 134): the township's own year of work called the county's
        ("某某乡人民政府", "结合2022年我县政府信息公开工作编制而成。", "我县", "我乡"),
        ("某某街道办事处", "我区政府信息公开工作取得新进展。", "我区", "我街道"),
    ],
)
def test_a_township_speaking_of_another_kind_of_township(check, organ, text, found, own):
    [p] = [p for p in check(with_channels(organ, text)) if p.rule == "common.foreign-scope"]
    assert (p.found, p.expected) == (found, own)


@pytest.mark.parametrize(
    ("organ", "text"),
    [
        ("某某镇人民政府", "全镇各村、全街道办事处辖区"),
        ("某某街道办事处", "辖区内全乡村振兴示范点3个。"),
        # the county's work as the setting, not as what the town drives
        ("某某镇人民政府", "按照全县政务公开工作部署，推动全镇政府信息公开工作"),
        ("某某镇人民政府", "参加全县政务公开培训，推进政府信息公开工作"),
        ("某某镇人民政府", "在我县政务公开工作部署下，推进政府信息公开工作"),
    ],
)
def test_township_scopes_where_they_belong_pass(check, organ, text):
    assert "common.foreign-scope" not in rules(check(with_channels(organ, text + "。")))


@pytest.mark.parametrize(
    ("organ", "text"),
    [
        ("中阳县人民政府", "我县在全市政务公开考核中名列前茅。"),  # the city's ranking
        ("中阳县人民政府", "参加全市政府信息公开工作培训2次。"),  # the city's training
        ("南京市江宁区人民政府", "按照全市政务公开工作会议的部署推进公开。"),  # the city's meeting
        # 武昌区 2020 (held-out round 111): the city's requirement followed
        ("武汉市武昌区人民政府", "按照全市政府门户网站集约化建设要求，完成后台迁移。"),
        # 南京市秦淮区红花街道 2024 (held-out round 143): the city's one platform, which its streets publish on
        ("南京市秦淮区人民政府红花街道办事处", "我街道通过全市信息公开平台主动公开政府信息约89条。"),
        ("荔浦市人民政府", "全市政府信息公开工作稳步推进。"),  # a county-level 市 says 全市 of itself
        ("吕梁市人民政府", "全市政府信息公开工作稳步推进。"),  # a city
        ("南薰乡人民政府", "全市政府信息公开工作稳步推进。"),  # no place the table knows
        ("青岚市数据资源管理局", "与全市统一规范保持一致。"),  # a city's bureau; 资源 is no county here
        ("中阳县人民政府", "全县政府信息公开工作稳步推进。"),
        # 两家子满族乡 2020 (held-out round 56, reworded into a county): the city's notice, named in 《》
        ("中阳县人民政府", "按照《关于做好2020年全市政府信息公开工作年度报告的通知》要求编制。"),
        # 荣昌区招商投资促进局 2021 (held-out round 189): the city's plan named without its 《》
        ("重庆市荣昌区招商投资促进局", "我局围绕2021年全市政务公开政务服务工作要点，认真贯彻落实《条例》。"),
        # 西安市雁塔区政府办公室 2025 (held-out round 236): the province's and the city's campaigns followed
        ("西安市雁塔区人民政府办公室", "围绕全省“三个年”活动和全市“深化六个改革”要求，建立主动发声机制。"),
    ],
)
def test_a_city_scope_where_it_belongs_is_not_reported(check, organ, text):
    assert "common.foreign-scope" not in rules(check(with_channels(organ, text)))


@pytest.mark.parametrize(
    ("organ", "text", "said"),
    [
        # 衡南县人民政府办公室 2022 (held-out round 72): 衡南县 is in 衡阳市, not in a 自治州
        ("衡南县人民政府办公室", "深入贯彻落实省、州关于政务信息公开工作要求。", True),
        ("中阳县人民政府", "在州委、州政府的正确领导下，全县工作稳步推进。", True),
        ("康乐县人民政府", "在州委、州政府的正确领导下，全县工作稳步推进。", False),  # 临夏回族自治州
        ("鹿城街道", "认真贯彻国家和省、州、县关于政务公开的部署。", False),  # no county named in full
        ("衡南县人民政府办公室", "深入贯彻落实省、市关于政务公开工作要求。", False),
    ],
)
def test_a_zhou_above_a_county_whose_prefecture_is_a_city(check, organ, text, said):
    found = [p for p in check(with_channels(organ, text + text)) if p.rule == "common.foreign-scope"]
    assert len(found) == (1 if said else 0)
    if said:
        assert "不是“州”" in found[0].message and "州" not in found[0].expected


@pytest.mark.parametrize(
    ("organ", "text", "found"),
    [
        # 互助县政务服务中心 2020 (held-out round 66): a township template's words, the department's name put in
        ("互助土族自治县政务服务中心", "今年，政务服务中心人民政府认真贯彻落实《条例》。", "政务服务中心人民政府"),
        ("某某县统计局", "统计局人民政府通过公告栏公开信息。", "统计局人民政府"),
        ("某某县统计局", "在县人民政府的领导下，统计局通过公告栏公开信息。", None),  # the government above it
        ("某某镇人民政府", "某某镇人民政府通过公告栏公开信息。", None),  # a government is one
    ],
)
def test_a_department_calling_itself_a_government(check, organ, text, found):
    problems = [p for p in check(with_channels(organ, text)) if p.rule == "common.organ-name"]
    assert [p.found for p in problems if "工作部门" in p.message] == ([found] if found else [])
