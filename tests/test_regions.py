"""Region resolution on the seeds and on synthetic national / province / ambiguous snippets."""

from __future__ import annotations

import pytest

from tests.test_metadata import seed
from transforms.metadata import extract_meta
from transforms.regions import region_lineage, resolve_region


def resolve(text: str):
    return resolve_region(extract_meta(text, text), text)


@pytest.mark.parametrize(
    ("prefix", "name", "code", "level", "province", "prefecture"),
    [
        ("000", "万载县", "360922", "county", "江西省", "宜春市"),
        ("001", "进贤县", "360124", "county", "江西省", "南昌市"),
        ("003", "醴陵市", "430281", "county", "湖南省", "株洲市"),
        ("004", "新吴区", "320214", "county", "江苏省", "无锡市"),
    ],
)
def test_seed_counties(prefix, name, code, level, province, prefecture) -> None:
    region = resolve(seed(prefix)).region
    assert region is not None
    assert (region.name, region.code, region.level) == (name, code, level)
    assert (region.province, region.prefecture) == (province, prefecture)


def test_seed_township_002() -> None:
    region = resolve(seed("002")).region
    assert region is not None
    assert (region.name, region.level, region.parent_code) == ("彬江镇", "township", "360902")
    assert region.region_id == "x-360902-彬江镇"
    assert (region.province, region.prefecture) == ("江西省", "宜春市")
    lineage = region_lineage(region)
    assert [r.level for r in lineage][-1] == "township"
    assert lineage[0].name == "江西省"


def test_national() -> None:
    res = resolve("2024年国务院政府工作报告\n国务院总理 李强\n各位代表：\n")
    assert res.region is not None
    assert (res.region.region_id, res.region.level, res.region.province) == ("CN", "national", None)


def test_an_untitled_state_council_fragment_is_national() -> None:
    res = resolve("各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n一、2024年工作回顾\n")
    assert res.region is not None and res.region.level == "national"  # before: no_region


@pytest.mark.parametrize(
    "text",
    [
        "数说政府工作报告丨2022年经济发展主要预期目标公布\n来源:光明网\n政府工作报告提出,今年发展主要预期目标是:"
        "\n国内生产总值增长5.5%左右;\n城镇新增就业1100万人以上;\n",
        "解读政府工作报告·过去一年\n全年国内生产总值增长3%\n财政赤字率控制在2.8%,中央财政收支符合预算\n",
    ],
    ids=["targets", "review"],
)
def test_a_text_naming_no_place_in_the_national_reports_own_words_is_national(text: str) -> None:
    """光明网's 数说 item on the 2022 targets, a 解读 page of 2023's review: no place, no premier,
    no session; 国内生产总值 and 中央财政 are the national report's words for itself. Quarantined
    no_region before."""
    res = resolve(text)
    assert res.region is not None and res.region.level == "national"
    # a text that speaks as a county is no national report, even naming 国内生产总值
    county = text.replace("今年", "今年全县").replace("全年", "全县全年")
    assert resolve(county).region is None


def test_a_prefecture_speaking_through_its_office_is_the_prefecture_not_its_region() -> None:
    """塔城地区's 2023年行署工作报告 (在地委的坚强领导下, 地区人大工委, 新疆塔城…试验区) was given to
    新疆维吾尔自治区: 地区 was no level a text could speak as, and 地区人大 read as a 区's 人大."""
    text = (
        "2023年行署工作报告\n一、2022年工作回顾\n2022年,在地委的坚强领导下,在地区人大工委的监督指导下,"
        "我们深入贯彻习近平总书记视察新疆重要讲话精神,全年完成地区生产总值877.47亿元,增长5.2%。\n"
        "(一)新疆塔城重点开发开放试验区建设步伐加快。新疆塔城重点开发开放试验区获批。\n"
    )
    res = resolve(text)
    assert res.region is not None and (res.region.name, res.region.code) == ("塔城地区", "654200")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a five-character short name (the division data's own, unused until now: 阿鲁科尔沁) and a
        # town the data name 产业集聚区, a county's zone, which named the new area's review
        (
            "我代表区人民政府报告工作。全区上下,产业集聚区建设加快,《山东省青岛西海岸新区条例》颁布实施。\n",
            "370211",
        ),
        # 三沙's 南沙区 has the short name 南沙 in the data, 广州's has none: 南沙 now names both
        (
            "总结公报\n政府工作报告\n——在广州市南沙区第四届人民代表大会\n\n第一次会议上\n我代表区人民政府报告工作。南沙发展进程中极不平凡,"
            "南沙开发建设全面提速,广州南沙粤港澳全面合作示范区。南沙建设、南沙经开区、南沙自贸片区加快发展。\n",
            "440115",
        ),
    ],
    ids=["west-coast-new-area", "nansha"],
)
def test_a_new_areas_name_and_a_short_name_the_data_give_only_its_namesake(text: str, code: str) -> None:
    res = resolve(text)
    assert res.region is not None and res.region.code == code and not res.ambiguous


def test_a_comparison_with_the_province_is_no_province_speaking() -> None:
    """南阳广播电视台's 成绩单 of the city's report never says 全市; 高于全省, 全省第三 made it speak as
    the province, and its figures were 河南省's."""
    text = (
        "@南阳人,《政府工作报告》2023年成绩单来了!\n2024-02-21 来源:南阳广播电视台\n"
        "生产总值增长4.8%,高于全省0.7个百分点。\n实施省市重点项目1402个,省重点项目综合考评全省第三。\n"
        "工业投资增长18.2%,居全省前列。\n评定南阳创新能力全省第四。\n成功获批中国(河南)自由贸易试验区联动创新区。\n"
    )
    res = resolve(text)
    # too little evidence for the city itself (quarantined, the city the first candidate): not the province's
    assert (res.region.name if res.region else res.candidates[0]) in ("南阳市", "河南省/南阳市")
    # a province's own text still speaks as one
    assert (
        resolve("全省上下团结奋斗,全省生产总值增长5%,高于全国0.3个百分点。\n河南省人民政府\n").region.name
        == "河南省"
    )


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("2020年阜新县政府工作报告", "210921"),  # 阜新蒙古族自治县, not the 新县 (河南) inside the name
        ("2022年酉阳县政府工作报告", "500242"),  # 酉阳土家族苗族自治县
        ("2023年恩施州政府工作报告", "422800"),  # 恩施土家族苗族自治州
    ],
)
def test_an_autonomous_unit_goes_by_its_short_name_and_its_kind(title: str, code: str) -> None:
    text = title + "\n各位代表:\n现在,我代表人民政府向大会报告工作。\n一、过去一年工作回顾\n增长6%。\n"
    assert resolve(text).region.code == code


def test_a_renamed_county_named_once_is_a_place_the_text_speaks_of_not_the_speaker() -> None:
    """芜湖市's 2024 report on a portal (芜湖>要闻): 无为市 (the data's 无为县, renamed 2019) named once
    in 无为市特种电缆 took the 市 the text speaks as, and every figure went to 无为县."""
    text = (
        "芜湖\n首页>地方频道>芜湖>要闻\n政府工作报告\n各位代表:\n现在,我代表市人民政府,向大会报告政府工作。\n"
        "一、2023年工作回顾\n全市实现地区生产总值4800亿元左右,增长6%。芜湖数据中心集群算力加快建设,"
        "无为市特种电缆产业集群获评国家级中小企业特色产业集群。全市上下团结奋斗。\n"
    )
    res = resolve(text)
    assert res.region is not None and res.region.name == "芜湖市"
    # the county's own report names itself again and again
    own = text.replace("芜湖", "无为市").replace("全市", "无为市全市")
    assert resolve(own).region.code == "340225"


def test_province() -> None:
    res = resolve("2023年江西省政府工作报告\n各位代表：全省经济稳中向好。\n")
    assert res.region is not None
    assert (res.region.name, res.region.code, res.region.level) == ("江西省", "360000", "province")


def test_prefecture() -> None:
    res = resolve("2023年宜春市政府工作报告\n各位代表：全市经济稳中向好。\n")
    assert res.region is not None
    assert (res.region.name, res.region.level, res.region.province) == (
        "宜春市",
        "prefecture",
        "江西省",
    )
    assert [r.name for r in region_lineage(res.region)] == ["江西省", "宜春市"]


def test_unresolved() -> None:
    res = resolve("各位代表：一年来，我们做了很多工作。\n")
    assert res.region is None
    assert res.method == "unresolved"


def test_a_place_name_inside_a_word_names_no_place() -> None:
    # An untitled town report: 林城镇 is a real town, but 省级森林城镇 is a title the town won.
    text = (
        "镇人民政府2023年政府工作报告\n各位代表：一年来，在镇党委的坚强领导下，全镇经济稳中向好，"
        "获得国家级卫生镇、全国文明镇、省级森林城镇等荣誉称号。\n"
    )
    assert resolve(text).region is None
    # Written as a word of its own, the same town is found.
    assert resolve(text.replace("省级森林城镇等荣誉称号", "林城镇获得荣誉称号")).region.name == "林城镇"


def test_ambiguous_town_flagged() -> None:
    # 城关镇 exists in many counties; nothing in the text tells them apart.
    res = resolve("城关镇2023年政府工作报告\n各位代表：全镇经济稳中向好。\n")
    assert res.region is not None
    assert res.ambiguous
    assert len(res.candidates) > 1


def test_cities_without_counties_and_placeholders_resolve_with_finite_lineage():
    """东莞市 has no counties (jionlp lists it under itself); placeholders are not places."""
    from transforms.models import DocMeta
    from transforms.regions import _gazetteer, region_lineage, resolve_region

    res = resolve_region(DocMeta(region_mention="东莞市", region_source="title"), "东莞市政府工作报告 全市")
    assert res.region is not None and res.region.code == "441900" and res.region.level == "prefecture"
    assert [r.name for r in region_lineage(res.region)] == ["广东省", "东莞市"]
    gaz = _gazetteer()
    assert "市辖区" not in gaz.by_name and "开发区" not in gaz.by_name
    assert all(len(region_lineage(p.region)) <= 4 for places in gaz.by_name.values() for p in places)


def test_loading_from_two_threads_keeps_stdout():
    """Small runs parse in threads; the banner suppression must not lose the process's stdout."""
    import subprocess
    import sys

    code = (
        "import sys, threading\n"
        "from transforms.regions import _gazetteer\n"
        "out = sys.stdout\n"
        "ts = [threading.Thread(target=_gazetteer) for _ in range(4)]\n"
        "[t.start() for t in ts]; [t.join() for t in ts]\n"
        "assert sys.stdout is out\n"
        "print('stdout intact')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "stdout intact" in proc.stdout, proc.stderr[-2000:]


def _report(title_place: str, self_word: str) -> str:
    body = (
        f"{title_place}2024年政府工作报告\n各位代表：\n现在，我代表{title_place}人民政府向大会报告工作。\n"
        f"一、2023年工作回顾\n{self_word}地区生产总值增长5.5%。\n二、2024年工作安排\n"
        f"今年{self_word}经济社会发展的主要预期目标是：地区生产总值增长6%左右。"
    )
    return body + "经济社会发展取得新成效。" * 20


@pytest.mark.parametrize(
    ("title_place", "self_word", "name", "level", "parent_code"),
    [
        # County-level cities a province administers directly (省直辖): no prefecture above them.
        ("仙桃市", "全市", "仙桃市", "county", "420000"),
        ("神农架林区", "全区", "神农架林区", "county", "420000"),
        ("石河子市", "全市", "石河子市", "county", "650000"),
        # A title that names a town after its parents: the town, not the district.
        ("宁波市海曙区高桥镇", "全镇", "高桥镇", "township", "330203"),
        # 汉寿县, not the 寿县 at its end.
        ("汉寿县", "全县", "汉寿县", "county", "430700"),
    ],
)
def test_titles_name_places_after_their_parents(title_place, self_word, name, level, parent_code):
    region = resolve(_report(title_place, self_word)).region
    assert region is not None
    assert (region.name, region.level, region.parent_code) == (name, level, parent_code)


@pytest.mark.parametrize("title_place", ["雄安新区", "五道口街道"])
def test_no_place_read_across_a_word_or_from_a_placeholder(title_place):
    """安新 inside 雄安新区 is not 安新县; 街道 and 新区 are placeholders, not places."""
    assert resolve(_report(title_place, "全区")).region is None


def test_every_place_has_a_region_id_of_its_own():
    """region_id is dim_region's key: places that share a code in the division data (香港 as a
    province and as a prefecture; two zones of 平顶山 on 410471) must not share an id, or a run
    that meets both fails validation. Found by `make bench`."""
    from collections import defaultdict

    from transforms.regions import _gazetteer

    places = defaultdict(set)
    for entries in _gazetteer().by_name.values():
        for place in entries:
            r = place.region
            places[r.region_id].add((r.name, r.level, r.parent_code, r.prefecture, r.county))
    assert {rid: p for rid, p in places.items() if len(p) > 1} == {}


@pytest.mark.parametrize(
    "text",
    [
        # 振兴区, 合作市, 增城区 and 和政县 are real places: here they are words, read across
        # words (新增城镇, 党和政府) or inside 乡村振兴. An untitled fragment that names no place.
        "各位代表：\n现在，我代表区人民政府向大会报告工作。\n一、2023年工作回顾\n"
        "全区地区生产总值增长5.2%。全面推进乡村振兴，建成乡村振兴示范带3条；深化对外合作，"
        "签约合作项目14个；新增城镇就业1300人。在党和政府的领导下，全区各项事业稳步发展。\n",
        # 全州 is 全州县's short name, and the whole prefecture in a prefecture's report.
        "各位代表：\n现在，我代表州人民政府向大会报告工作。\n一、2024年工作回顾\n"
        "全州各族人民团结奋斗，全州地区生产总值增长4.1%，全州粮食产量72万吨，全州新增城镇就业"
        "9800人，全州森林覆盖率达到62%，全州平安建设扎实推进。\n",
    ],
)
def test_everyday_words_that_are_short_names_name_no_place(text) -> None:
    assert resolve(text).region is None


@pytest.mark.parametrize(
    "lead",
    [
        # Who delivered the report says which level speaks; so does 区人民政府.
        "12月25日，武汉市硚口区第十六届人民代表大会第四次会议开幕。区人民政府代区长作政府工作报告。",
        "12月25日，武汉市硚口区第十六届人民代表大会第四次会议开幕。代区长赵宏亮作政府工作报告。",
    ],
    ids=["district-government", "delivered-by"],
)
def test_a_news_item_on_a_districts_report_is_the_districts(lead) -> None:
    # Before: 全市第一 made the city the speaker, and 武汉市 won over 硚口区.
    text = lead + "\n报告指出，一年来，预计实现地区生产总值1100亿元，拆除总量全市第一，经验被全省推广。\n"
    region = resolve(text).region
    assert region is not None and (region.name, region.level) == ("硚口区", "county")


def test_a_short_name_used_after_the_full_name_counts() -> None:
    # A news item on a prefecture's report: the full name once, then its short name only.
    text = (
        "本台消息 2月20日，玉树藏族自治州第十五届人民代表大会第三次会议开幕。玉树州州长代表"
        "玉树州人民政府作工作报告。\n2023年，玉树州实现地区生产总值71.2亿元，同比增长4.6%，"
        "增幅位列全省第三；一般公共预算收入3.1亿元，增幅位列全省第二。玉树州今年预期目标："
        "地区生产总值增长5%左右。\n"
    )
    region = resolve(text).region
    assert region is not None and region.name == "玉树藏族自治州"
    # Without its short names (and the 州人民政府 that says a prefecture speaks), its congress's
    # line names it: 位列全省第三 is a comparison with the province, no level the text speaks as
    # (until session 22 it was, and the text went to quarantine).
    bare = resolve(text.replace("玉树州人民政府", "政府").replace("玉树州", "州"))
    assert bare.region is not None and bare.region.name == "玉树藏族自治州"


@pytest.mark.parametrize(
    ("text", "name", "prefecture", "province"),
    [
        (
            "2024年木棠镇人民政府工作报告\n在木棠镇第十七届人民代表大会第五次会议上\n",
            "木棠镇",
            "儋州市",
            "海南省",
        ),
        (
            "虎门镇2023年政府工作报告\n各位代表：现在，我代表镇人民政府报告工作。\n",
            "虎门镇",
            "东莞市",
            "广东省",
        ),
    ],
)
def test_a_town_of_a_prefecture_without_counties(text, name, prefecture, province) -> None:
    # 东莞, 中山, 儋州 and 嘉峪关 govern their towns directly: the division data lists them under
    # a placeholder county, and the towns were dropped with it (no_region: candidates 海南省).
    region = resolve(text).region
    assert region is not None
    assert (region.name, region.level, region.county) == (name, "township", None)
    assert [r.name for r in region_lineage(region)] == [province, prefecture, name]


@pytest.mark.parametrize(
    ("text", "name", "level"),
    [
        (
            "各位代表：现在，我代表州人民政府，向大会报告工作。全州完成地区生产总值620.1亿元。"
            "瑞丽柠檬实现首次出口，陇川安琪酵母被认定为国家重点龙头企业。\n",
            "德宏傣族景颇族自治州",
            "prefecture",
        ),
        (
            "各位代表：现在，我代表县人民政府向大会报告工作。全县完成地区生产总值87.4亿元，"
            "礼义镇、平城镇建成特色小镇。\n",
            "陵川县",
            "county",
        ),
    ],
    ids=["prefecture-naming-two-counties", "county-naming-two-towns"],
)
def test_a_fragment_speaking_as_the_place_above_the_places_it_names(text, name, level) -> None:
    # An untitled 德宏 fragment speaks as the 州 and names two of its counties, never itself: it
    # was rejected (no_region: candidates 瑞丽市, 陇川县).
    region = resolve(text).region
    assert region is not None
    assert (region.name, region.level) == (name, level)


def test_places_under_different_parents_name_no_speaker_above_them() -> None:
    text = "各位代表：现在，我代表州人民政府向大会报告工作。瑞丽柠檬、景洪普洱实现首次出口。\n"
    assert resolve(text).region is None


def test_a_county_slogan_ending_in_xingxian_names_no_county() -> None:
    """宜丰 2009, untitled: 统筹实施工业强县、生态立县、和谐兴县“三大战略” … 落户宜丰. The slogan's
    兴县 (山西) outweighed the one mention of 宜丰."""
    text = (
        "各位代表:\n现在,我代表县人民政府,向大会作政府工作报告。\n过去的一年,县人民政府团结和带领全县人民,"
        "统筹实施工业强县、生态立县、和谐兴县“三大战略”,全县实现生产总值36.8亿元。7个大项目成功落户宜丰。\n"
    )
    region = resolve(text).region
    assert region is not None and region.name == "宜丰县"
    # A city's: 坚持产业立城、文化兴城、人才强城 (an XX新城 of 西咸新区) named 辽宁's 兴城市.
    city = text.replace("县", "市").replace("工业强市、生态立市、和谐兴市", "产业立城、文化兴城、人才强城")
    region = resolve(city.replace("宜丰", "九江")).region
    assert region is not None and region.name == "九江市"


def test_a_short_name_in_a_companys_name_names_no_place() -> None:
    """A gazetteer's abstract of an unnamed city's 2002 report (全市国内生产总值完成138.8亿元 …
    钢山酒业集团与泸州集团…资产重组): the company's 泸州 made it 泸州市's report."""
    text = (
        "一、二○○一年全市经济社会继续保持旺盛活力\n全市国内生产总值完成138.8亿元,比上年增长14%。"
        "企业强强联合再上新水平,钢山酒业集团与泸州集团,实现了在更高层次的资产重组。\n"
    )
    assert resolve(text).region is None
    assert resolve(text.replace("泸州集团", "泸州")).region is not None


def test_a_short_name_in_a_villages_or_a_towns_slogan_names_no_place() -> None:
    """陶堰街道 2021 (上虞): 陶堰商会、浔阳村乡贤会 made it 九江's 浔阳区's report; a masked town's
    调研报告 (农业稳镇、工业强镇、旅游兴镇) and 黄池镇 2019 (工业强镇、食品兴镇) were a town 兴镇's."""
    head = "一、2020年工作回顾\n全年实现地区生产总值增长5%。"
    slogan = "围绕工业强镇、食品兴镇的思路，全镇财政收入增长8%。"
    for words in ("陶堰商会、浔阳村乡贤会向全市捐献消毒原液。", slogan):
        assert resolve(head + words + "\n").region is None, words


def test_a_development_zones_report_is_the_zones_not_its_citys() -> None:
    """芜湖经开区 2022, a zone's 汇报: 经开区2022年经济社会发展总体情况和2023年工作打算汇报 … 在市委市政府
    坚强领导下 … 芜湖市在该项工作中 — its GDP of 685亿元 was 芜湖市's. The division data list the zone
    as a unit of its own (340271); with no such unit under the place named it is quarantined."""
    from transforms.document import parse_document
    from transforms.models import InputRejected

    body = (
        "今年以来，在市委市政府坚强领导下，经开区全面落实各项决策部署。预计全年实现地区生产总值685亿元，增长8.5%左右；"
        "实现固定资产投资260亿元，增长16%。芜湖市在该项工作中实现突破。\n"
    )
    doc = parse_document(
        "zone.txt", ("经开区2022年经济社会发展总体情况和2023年工作打算汇报\n" + body * 2).encode()
    )
    assert (doc.region.region.name, doc.region.region.code) == ("芜湖经济技术开发区", "340271")
    titled = "芜湖经济技术开发区2023年工作报告\n各位代表：\n" + body.replace("芜湖市", "本区") * 2
    assert parse_document("zone.txt", titled.encode()).region.region.code == "340271"
    # No unit of its own: quarantined, not 武汉市's (nor the 东湖区 of 南昌 that 东湖 reads as).
    wuhan = "武汉东湖新技术开发区2023年工作报告\n各位代表：\n" + body.replace("芜湖市", "武汉市") * 3
    with pytest.raises(InputRejected, match="development zone"):
        parse_document("zone.txt", wuhan.encode())
    nowhere = "经开区2022年工作总结\n" + body.replace("芜湖市", "本区") * 3
    with pytest.raises(InputRejected, match="development zone"):
        parse_document("zone.txt", nowhere.encode())


@pytest.mark.parametrize(
    "lead",
    [
        "5日上午,朱镕基在十届全国人大一次会议开幕式上作的政府工作报告,总结过去5年政府工作。",
        "李克强说,2014年经济社会发展的主要预期目标是:国内生产总值增长7.5%左右。",
        "2017两会 政府工作报告:2017中国GDP增长目标6.5%左右\n会议听取和审议国务院总理李克强的报告。",
    ],
    ids=["session", "premier-said", "headline"],
)
def test_an_item_naming_the_national_congress_or_the_premier_is_the_national_report(lead: str) -> None:
    """News items on the State Council's report that name no place of their own were quarantined
    with 香港/澳门 (named in the report) or a broadcaster's 江苏 as candidates."""
    text = lead + "\n推进香港、澳门融入国家发展大局,支持江苏等经济大省挑大梁。\n"
    region = resolve_region(extract_meta(text, text), text)
    assert region.region is not None and region.region.level == "national"
    # a province's deputies discussing it: the national cue decides nothing for a text that speaks as
    # a province (我省, 全省)
    provincial = "我省代表团审议。李克强说,主要预期目标是:国内生产总值增长7.5%左右。\n全省增长8%。\n"
    assert resolve_region(extract_meta(provincial, provincial), provincial).region is None


def test_a_title_naming_a_district_under_its_city_is_the_districts() -> None:
    """(江苏省)泰州市姜堰区2026年政府工作报告: the text speaks of 市委、市政府 (the city's leaders) more
    than of 全区, so the city outscored the district the title names under it."""
    text = (
        "(江苏省)泰州市姜堰区2026年政府工作报告(2026年1月13日)\n各位代表:\n"
        "过去一年,在市委、市政府的坚强领导下,姜堰区地区生产总值增长6%。\n市委、市政府部署的各项任务全面完成。\n"
    )
    region = resolve(text).region
    assert region is not None and (region.name, region.code) == ("姜堰区", "321204")


def test_a_sumus_report_is_the_sumus() -> None:
    """白音他拉苏木 2023 (——在白音他拉苏木第十九届人民代表大会第三次会议上, 我代表白音他拉苏木人民政府):
    no place was found, as 苏木 (Inner Mongolia's pastoral township) ends in no level suffix."""
    text = (
        "——2023年3月24日在白音他拉苏木第十九届人民代表大会第三次会议上\n各位代表:\n"
        "现在,我代表白音他拉苏木人民政府向大会报告工作。\n一、2022年工作回顾\n"
        "2022年,在旗委、政府和苏木党委的坚强领导下,全苏木高效特色种植面积稳定在3万亩以上。\n"
    )
    region = resolve(text).region
    assert region is not None and (region.name, region.level, region.county) == (
        "白音他拉苏木",
        "township",
        "奈曼旗",
    )
    from transforms.regions import _self_level

    assert _self_level("全苏木牧民收入增长。全苏木实现生产总值。") == "木"  # 全苏木 speaks as it
    untitled = text.split("\n", 1)[1]  # the self-reference alone
    region = resolve(untitled).region
    assert region is not None and region.name == "白音他拉苏木"


def test_a_news_item_on_a_zones_work_meeting_is_the_zones() -> None:
    """大公网 on 长春高新区's 2014 work meeting (no title: 17日,长春高新区召开工作会议 … 地区生产总值实现
    928亿元) gave the zone's GDP to 长春市; 常州经开区召开党工委(扩大)会议 to 常州市. The first is its
    own unit (长春高新技术产业开发区, not 长春净月高新技术产业开发区 beside it); the second has none."""
    from transforms.document import parse_document
    from transforms.models import InputRejected

    body = (
        "2013年长春高新区营业总收入实现4251亿元,同比增长17.4%;地区生产总值实现928亿元,同比增长15.9%;"
        "固定资产投资完成500亿元,同比增长21.7%。长春市副市长、长春高新区管委会主任部署2014年重点工作。\n"
    )
    news = "大公网长春17日电 17日,长春高新区召开工作会议,总结2013年的工作,部署2014年重点工作.\n" + body * 2
    doc = parse_document("zone.txt", news.encode())
    assert (doc.region.region.name, doc.region.region.code) == ("长春高新技术产业开发区", "220173")
    changzhou = news.replace("长春高新区召开工作会议", "常州经开区召开党工委(扩大)会议").replace(
        "长春", "常州"
    )
    with pytest.raises(InputRejected, match="development zone"):
        parse_document("zone.txt", changzhou.encode())


@pytest.mark.parametrize(
    "words",
    [
        "财政收入突破亿元大关",
        "实施山水田林路综合治理",
        "建成占地30亩的供销商城",
        "在县经济开发区内投资建厂",
        "全力推进特色农业大镇、乡村旅游新镇建设",
    ],
)
def test_everyday_words_and_placeholders_name_no_county(words: str) -> None:
    """An untitled town's text (xx镇) with 突破亿元大关, 山水田林路, 供销商城 or 县经济开发区 was offered
    大关县, 田林县, 商城县 or a placeholder named 县经济开发区 as candidates."""
    text = f"各位代表：\n我代表镇人民政府向大会报告工作。\n过去一年，全镇{words}，经济社会发展取得新成效。\n"
    resolution = resolve(text * 2)
    assert resolution.region is None and resolution.candidates == []


def test_a_place_name_read_into_a_word_after_it_names_no_place() -> None:
    """A fragment of 西安市新城区's 2021 plan: 以高质量项目带动城东区域裂变发展 (the city's east, 区域)
    made it 西宁's 城东区. A name goes on into its suffix's word (县委, 市区), not into 区域 or 市场."""
    text = (
        "各位代表:\n现在,我代表区人民政府,向大会报告工作。\n2021年我区经济社会发展的主要预期目标是:地区生产总值"
        "增长6%左右。统筹林带周边区域项目开发,以高质量项目带动城东区域裂变发展。\n"
    )
    assert resolve(text).region is None
    named = resolve(text.replace("城东区域裂变", "城东区经济"))
    assert named.region is not None and named.region.name == "城东区"


def test_a_district_speaking_to_its_congress_is_no_development_zone() -> None:
    """藁城区 2018 on a city channel: the title names no place, the text 魅力藁城 once and
    石家庄经济技术开发区 once; the zone won on its full name, though the text reports to 区二届人大."""
    text = (
        "2018政府工作报告\n过去的一年,在市委、市政府和区委的正确领导下,我们以建设“经济强区、魅力藁城”为目标,"
        "圆满完成区二届人大一次会议确定的各项目标任务。全年地区生产总值完成670亿元,增长7.2%。"
        "石家庄经济技术开发区被确定为全省综合示范试点开发区。\n"
    )
    assert resolve(text).region.name == "藁城区"
    zone = text.replace("区二届人大一次会议", "管委会年初")  # no congress: the zone may speak
    assert resolve(zone).region.name == "石家庄经济技术开发区"
