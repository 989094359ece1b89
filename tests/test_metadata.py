"""Metadata extraction on the seeds and on synthetic title-less / national snippets."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import opencc
import pytest

from transforms.metadata import extract_meta

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@cache
def seed(prefix: str) -> str:
    path = next(SAMPLES.glob(f"{prefix}_*.txt"))
    text = path.read_bytes().decode("utf-8")
    return opencc.OpenCC("t2s").convert(text) if prefix == "003" else text


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_years_are_2023(prefix: str) -> None:
    text = seed(prefix)
    assert extract_meta(text, text).report_year == 2023


def test_titled_seed_003() -> None:
    text = seed("003")
    meta = extract_meta(text, text)
    assert meta.title and "政府工作报告" in meta.title
    assert meta.year_source == "title"
    assert (meta.office, meta.speaker) == ("市长", "刘新华")
    assert meta.region_mention == "醴陵市"
    assert meta.region_source == "title"


def test_titled_seed_001() -> None:
    text = seed("001")
    meta = extract_meta(text, text)
    assert meta.region_mention == "进贤县"
    assert meta.report_year == 2023


def test_fragment_year_from_plan_heading() -> None:
    text = "一、2023年主要预期目标\n地区生产总值增长6%左右。\n"
    meta = extract_meta(text, text)
    assert meta.title is None
    assert meta.report_year == 2023
    assert meta.year_source == "plan_heading"


def test_fragment_year_from_review_heading() -> None:
    text = "一、2022年工作回顾\n地区生产总值增长4.5%。\n"
    meta = extract_meta(text, text)
    assert meta.report_year == 2023
    assert meta.year_source == "review_heading"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # News items on a report: the year cited most is not always the one before the report's.
        (
            "县长马中奇作政府工作报告。报告指出，2012年，是我县经济社会快速发展的一年。预计实现"
            "生产总值20.37亿元。报告指出，2013年，我县将迎来县庆60周年。做好2013年的政府工作至关重要。",
            2013,
        ),
        ("编者按：民生大事都在2015年4月27日的镇安县政府工作报告中做了部署。", 2015),
        # A plan opener in prose, after the review's 2012年工作任务的完成 (no plan heading).
        (
            "省长作政府工作报告。报告提出，2013年全省经济社会发展的主要预期目标：全省生产总值增长"
            "11%左右。初步统计，2012年全省生产总值增长11.4%。报告说，2012年工作任务的完成，标志着"
            "本届政府实现了各项目标任务。",
            2013,
        ),
        # With neither, the most cited year is taken as the review's.
        ("2022年，全县地区生产总值增长4.5%。2022年全县新增就业1200人。", 2023),
    ],
    ids=["plan-year-in-prose", "delivered-on", "opener-after-review-words", "most-cited"],
)
def test_a_fragments_year_from_its_prose(text: str, year: int) -> None:
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (year, "body")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # A news item on the 2020 report, which came in May: the delivery date sits over 30
        # characters before 政府工作报告 and 2019, the review's year, is cited less than 2020.
        (
            "两会 | 政府工作报告——第十三届全国人民代表大会第三次会议\n发布时间:2020-05-22\n"
            "2020年5月22日上午,第十三届全国人民代表大会第三次会议在北京人民大会堂开幕,国务院总理"
            "作政府工作报告。\n报告首先对2019年和今年以来的工作作出回顾:国内生产总值达到99.1万亿元。\n"
            "2020年是全面建成小康社会目标实现之年。2020年也是十三五收官之年。",
            2020,
        ),
        # The abbreviated form; the year cited most is the report's own.
        (
            "十二届全国人大三次会议上，国务院总理作政府工作报告。报告回顾了2014年的工作：国内生产"
            "总值增长7.4%。2015年是全面深化改革的关键之年，2015年也是十二五收官之年。",
            2015,
        ),
    ],
    ids=["full-name", "abbreviated"],
)
def test_a_national_report_is_dated_by_its_congress_session(text: str, year: int) -> None:
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (year, "session")


def test_a_lower_reports_mention_of_the_national_session_dates_nothing() -> None:
    text = "全县认真贯彻十三届全国人大一次会议精神。\n2018年，全县地区生产总值增长7.5%。"
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (2019, "body")


def test_a_plan_year_typed_with_digit_zeros() -> None:
    """二00四年 (Chinese numerals with zeros typed as digits) opens the plan of a news item on
    Xinjiang's 2004 report; it was rejected as no_year."""
    text = (
        "大会听取了政府工作报告。\n《报告》称，二00四年新疆宏观调控的主要预期目标是："
        "国内生产总值增长百分之九。"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (2004, "body")


def test_chinese_numeral_year() -> None:
    text = "二〇二三年江西省政府工作报告\n各位代表：\n"
    meta = extract_meta(text, text)
    assert meta.report_year == 2023


@pytest.mark.parametrize(
    ("title", "year", "source"),
    [
        ("镇原县2024工作报告", 2024, "title"),  # before: the year came from the body, 2025
        ("2024政府工作报告（镇原县）", 2024, "title"),
        ("镇原县政府工作报告（20240106）", 2024, "date"),  # a date, not a bare year
    ],
)
def test_a_title_year_without_nian(title: str, year: int, source: str) -> None:
    text = f"{title}\n各位代表：\n现在，我代表县人民政府，向大家汇报2024年的工作。\n回顾2023年工作成果\n"
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (year, source)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "索引号: 0010/2025-0001 发布机构: 某某街道\n组配分类: 政府工作报告 文件编号:\n"
            "某某街道办事处工作报告\n（2025年1月10日在某某街道居民议事会上）\n各位代表：\n",
            "某某街道办事处工作报告",
        ),
        # A county's page: 名称: 2007年政府工作报告 文号: … was taken for the title.
        (
            "发布机构: 泾县人民政府(办公室) 主题分类: 综合政务\n"
            "名称: 2007年政府工作报告 文号: 200808_PF0010\n发布日期: 2007-03-02\n2007年政府工作报告\n"
            "——2007年2月8日在泾县第十五届人民代表大会第一次会议上\n",
            "2007年政府工作报告",
        ),
    ],
    ids=["category-field", "name-and-number-fields"],
)
def test_a_disclosure_pages_header_fields_are_no_title(text: str, title: str) -> None:
    assert extract_meta(text, text).title == title


def test_a_sentence_that_names_the_report_is_no_title() -> None:
    """A news item's lead (…省长作政府工作报告。) is not a title, nor its year-less summary's year
    the body's most cited one plus one: 2021年目标 heads the plan."""
    text = (
        "1月20日上午，某省人民代表大会开幕，省长作政府工作报告。\n2020年成就:\n生产总值增长2.2%\n"
        "2020年城镇新增就业40万人\n2021年目标:\n生产总值增长6.5%左右\n"
    )
    meta = extract_meta(text, text)
    assert (meta.title, meta.region_mention) == (None, None)
    assert (meta.report_year, meta.year_source) == (2021, "plan_heading")


def test_state_council() -> None:
    text = "2024年国务院政府工作报告\n国务院总理 李强\n各位代表：\n"
    meta = extract_meta(text, text)
    assert meta.report_year == 2024
    assert meta.speaker == "李强"
    assert meta.office and "总理" in meta.office


def test_self_reference_region() -> None:
    text = "各位代表：\n现在，我代表宜丰县人民政府，向大会报告政府工作。\n"
    meta = extract_meta(text, text)
    assert (meta.region_mention, meta.region_source) == ("宜丰县", "self_reference")


def test_a_fragment_named_only_by_its_sites_footer_takes_the_publisher():
    body = "全市地区生产总值增长6.8%。今年全市经济社会发展的主要预期目标是：地区生产总值增长6.5%左右。"
    full = f"首页 > 政务公开\n{body}\n版权所有：涟源市人民政府　湘ICP备05009567号"
    meta = extract_meta(full, body)
    assert (meta.region_mention, meta.region_source) == ("涟源市", "publisher")


def test_a_publisher_named_before_its_copyright_and_a_text_saying_wo_qu():
    """A news item on Inner Mongolia's 2016 report (自治区主席…我区, the venue 呼和浩特 named) with
    the footer 内蒙古自治区人民政府 版权所有 was rejected as ambiguous, and dated 2015 from
    回顾了…2015年经济社会发展 in its first sentence."""
    body = (
        "自治区两会在呼和浩特召开。自治区主席代表自治区政府作了政府工作报告，回顾了“十二五”时期和"
        "2015年经济社会发展，提出了2016年重点工作。\n5年来，我区开创了经济社会发展的崭新局面。"
    )
    meta = extract_meta(f"{body}\n内蒙古自治区人民政府 版权所有", body)
    assert (meta.region_mention, meta.region_source) == ("内蒙古自治区", "publisher")
    assert (meta.report_year, meta.year_source) == (2016, "plan_heading")


def test_a_headlines_year_after_the_reports_name_is_not_the_reports() -> None:
    """《政府工作报告》摘要(一):2021年全县…全面完成 headed a news item on a county's 2022 report:
    2021 was taken as the report year; and 2022年的主要工作 (a plan's words) was a review heading."""
    text = (
        "《政府工作报告》摘要(一):2021年全县经济社会发展各项目标任务高质量全面完成\n"
        "1月20日，县长在作《政府工作报告》时，对2021年及十七届县人民政府工作作了全面回顾，对2022年的"
        "主要工作作了安排部署。2021年是“十四五”开局之年。2021年，全县地区生产总值增长12.6%。"
    )
    meta = extract_meta(text, text)
    assert meta.title is not None and meta.title.startswith("《政府工作报告》摘要")
    assert (meta.report_year, meta.year_source) == (2022, "body")


def test_the_session_date_corrects_a_reposting_sites_title_year() -> None:
    """A site titles reports by the year they review: (湖北省)2020年江陵县人民政府工作报告(全文) over
    2021年1月6日在江陵县第六届人民代表大会第六次会议上 is the 2021 report."""
    text = (
        "(湖北省)2020年江陵县人民政府工作报告(全文)\n政府工作报告\n"
        "——2021年1月6日在江陵县第六届人民代表大会第六次会议上\n各位代表：\n"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source, meta.report_date) == (2021, "date", date(2021, 1, 6))
    # A township's session in December may give the next year's report.
    text = "2024年某镇政府工作报告\n——2023年12月28日在某镇第十八届人民代表大会第四次会议上\n"
    assert extract_meta(text, text).report_year == 2024


@pytest.mark.parametrize(
    "head",
    [
        "政府工作报告\n——2018年12月25日在沅陵县第十七届人民代表大会第三次会议上\n",  # no title year
        "2018年沅陵县政府工作报告\n——2018年12月25日在沅陵县第十七届人民代表大会第三次会议上\n",
    ],
    ids=["untitled", "titled-by-the-year-reviewed"],
)
def test_a_congress_sitting_in_december_hears_the_next_years_report(head: str) -> None:
    """沅陵县's report of 2018-12-25 reviews 2018 and plans 2019; it was dated 2018, and every
    review figure a year early."""
    text = head + "各位代表：\n一、2018年工作回顾\n"
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source, meta.report_date) == (2019, "date", date(2018, 12, 25))


def test_a_new_terms_first_session_in_late_november_hears_the_next_years_report() -> None:
    """滨海新区's 2014年政府工作报告 ——2013年11月27日在…第二届人民代表大会第一次会议上 (its title below a
    page's toolbar, so unread) was dated 2013 by the day it was delivered."""
    text = (
        "各位代表：\n——2013年11月27日在天津市滨海新区第二届人民代表大会第一次会议上\n过去四年，极不平凡。\n"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.report_date) == (2014, date(2013, 11, 27))


@pytest.mark.parametrize(
    ("plan", "year", "source"),
    [
        ("", 2024, "review_heading"),
        ("二、2024年工作安排\n", 2024, "review_heading"),
        ("二、2023年工作安排\n", 2023, "title"),  # the plan heading keeps the title's year
    ],
    ids=["no-plan-heading", "next-years-plan", "title-years-plan"],
)
def test_a_title_naming_the_year_its_review_heading_names(plan: str, year: int, source: str) -> None:
    """A township's page (XX镇2023年政府工作报告 over 一、2023年工作回顾 / 今年以来，…前三季度…) is
    given at the end of the year it reviews: its figures were dated a year early."""
    text = (
        "杭垓镇2023年政府工作报告\n各位代表:\n一、2023年工作回顾\n今年以来,全镇经济稳中有升。"
        "前三季度,完成地区生产总值14亿元,增长5%。\n" + plan
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (year, source)
    review_of_last_year = "2023年杭垓镇政府工作报告\n各位代表:\n一、2022年工作回顾\n二、2023年工作安排\n"
    assert extract_meta(review_of_last_year, review_of_last_year).report_year == 2023


def test_a_review_heading_naming_the_plans_years_before_the_titles_year() -> None:
    """阜新县's page titled 2020 over 一、“十三五”取得成就及2020年工作回顾 (a report of January 2021)
    was dated 2020: the heading named the five-year plan before the year it reviews."""
    text = (
        "2020年阜新县政府工作报告\n各位代表:\n一、“十三五”取得成就及2020年工作回顾\n"
        "五年来,地区生产总值年均增长5.9%。\n"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (2021, "review_heading")


def test_a_date_bracketed_after_the_session_corrects_the_title_year() -> None:
    text = (
        "2019年陇县人民政府工作报告(全文)\n——在陇县第十七届人民代表大会第四次会议上县长赵甲宏"
        "(2020年1月8日)各位代表:现在,我代表县人民政府向大会作工作报告。2019年工作回顾\n"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source, meta.report_date) == (2020, "date", date(2020, 1, 8))


def test_the_publisher_is_not_taken_when_the_text_speaks_as_another_level():
    """A county's report republished on its prefecture's site is not the prefecture's."""
    body = "全县地区生产总值增长6.8%。县委、县政府坚强领导。"
    meta = extract_meta(f"{body}\n主办：娄底市人民政府办公室", body)
    assert meta.region_mention is None


@pytest.mark.parametrize("leader", ["街道党工委", "镇党委"])
def test_the_publisher_is_not_taken_for_a_street_or_town_under_it(leader: str) -> None:
    """A street office's report on 上城区's site (在区委、区政府和街道党工委的坚强领导下 … 增速位列全区
    第1) gave the street's revenue to the district."""
    body = f"2022年，在区委、区政府和{leader}的坚强领导下，全年财政总收入6.45亿元，增速全区第1。"
    meta = extract_meta(f"{body}\n版权所有：杭州市上城区人民政府", body)
    assert meta.region_mention is None


def test_township_title_of_the_form_guanyu_de_baogao() -> None:
    # Townships often title the report 关于…工作情况和…工作安排的报告: no title was read, and the
    # year is the plan's (the report reviews 2023 and plans 2024), not the first one named.
    text = (
        "关于2023年工作情况和2024年工作安排的报告\n"
        "——2024年2月26日在金井镇第十九届人民代表大会第四次会议上\n"
        "各位代表：\n我代表镇人民政府向大会作工作报告，请予审议。\n"
    )
    meta = extract_meta(text, text)
    assert meta.title == "关于2023年工作情况和2024年工作安排的报告"
    assert (meta.report_year, meta.year_source) == (2024, "title")


def test_a_breadcrumb_above_a_bare_title_is_not_part_of_it() -> None:
    # A scraped page: the site's breadcrumb sits on the line above 政府工作报告.
    text = "首页>政务公开>规划计划\n政府工作报告\n——2024年1月12日在临澧县第十八届人民代表大会第四次会议上\n"
    assert extract_meta(text, text).title == "政府工作报告"


_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{title}</title></head><body>
<div class="nav">首页 &gt; 政务公开 &gt; 政府工作报告</div>
{heading}<p>各位代表：</p>
<p>现在，我代表县人民政府向大会报告工作，请予审议，并请县政协委员和其他列席人员提出意见。</p>
<p>一、2023年工作回顾</p>
<p>过去一年，全县地区生产总值增长5.2%，一般公共预算收入增长6.1%，城镇新增就业3200人。全县上下坚持稳中求进，
经济运行持续向好，民生保障不断加强，县域经济综合实力稳步提升。</p>
<p>二、2024年工作安排</p>
<p>今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。</p>
</body></html>"""


def test_a_stray_table_bar_above_the_report_name_is_no_part_of_the_title() -> None:
    text = "|\n政府工作报告\n2017年1月7日在宜宾市第五届人民代表大会第一次会议上\n"
    assert extract_meta(text, text).title == "政府工作报告"


def test_a_page_whose_body_has_no_title_takes_its_html_title() -> None:
    from transforms.document import parse_document

    page = _PAGE.format(title="攸縣2024年政府工作報告_攸縣人民政府網", heading="")
    doc = parse_document("youxian.html", page.encode())
    assert doc.meta.title == "攸县2024年政府工作报告"  # Simplified, without the site's name
    assert doc.meta.report_year == 2024 and doc.region.region.name == "攸县"


def test_a_title_in_the_body_wins_over_the_html_title() -> None:
    from transforms.document import parse_document

    page = _PAGE.format(title="政务公开 - 攸县人民政府网", heading="<h1>攸县2024年政府工作报告</h1>")
    assert parse_document("youxian.html", page.encode()).meta.title == "攸县2024年政府工作报告"


_TARGETS_NEWS = """地区生产总值增长5.6%以上，历城区描绘2025年发展蓝图
1月9日，济南市历城区第十九届人民代表大会第四次会议召开。会上，区长代表历城区人民政府向大会报告工作。
2025年是实施“十四五”规划的收官之年，做好各项工作责任重大。
新的一年，历城区将坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，主动服务和融入新发展格局，统筹新型城镇化和乡村全面振兴，以“项目提升年”为总牵引，奋力谱写省会社会主义现代化强区建设新篇章。
经济社会发展主要预期目标是：地区生产总值增长5.6%以上，规模以上工业增加值增长7.5%以上。
"""


def test_a_news_item_on_the_targets_alone_is_dated_by_the_year_it_cites() -> None:
    # No review word anywhere: 2025 is the plan's year, not the year before the report (was 2026),
    # and the headline restates a target (was an actual of 2025).
    from transforms.document import parse_document

    doc = parse_document("licheng.txt", _TARGETS_NEWS.encode())
    assert (doc.meta.report_year, doc.meta.year_source) == (2025, "body")
    gdp = [(f.kind, f.period_year, f.value) for f in doc.facts if f.indicator_code == "gdp"]
    assert gdp == [("target", 2025, 5.6), ("target", 2025, 5.6)]


def test_a_news_item_with_a_review_word_is_still_dated_after_the_year_it_cites() -> None:
    text = _TARGETS_NEWS.replace("2025年是", "一年来，2024年全区经济稳中向好。2025年是")
    text = text.replace("2025年发展", "2024年发展")
    assert extract_meta(text, text).report_year == 2025


def test_a_year_a_figure_is_measured_from_does_not_date_an_untitled_review() -> None:
    """包头 2013, untitled: its five-year review cites 2007 as the base four times (是2007年的2.1倍)
    and its last year once; it was dated 2008."""
    text = (
        "各位代表:\n过去五年工作回顾\n预计2012年全市生产总值完成3440亿元左右,是2007年的2.1倍;"
        "规模以上工业增加值达到1300亿元以上,是2007年的2.5倍。地方财政总收入完成326.8亿元,是2007年的2.3倍。"
        "装备制造业增加值占规模以上工业的比重达到22%,比2007年提高近十个百分点。\n"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (2013, "body")


@pytest.mark.parametrize(
    ("first_line", "year"),
    [("编辑:胡安坤2018-01-24 16:20内容来源:龙华网", 2018), ("发布日期:2017/12/28", 2018)],
    ids=["january", "december"],
)
def test_a_news_item_naming_no_year_is_dated_by_its_page(first_line: str, year: int) -> None:
    text = (
        first_line + "\n龙华区区长陈清作政府工作报告。\n深圳新闻网1月24日讯 区长陈清作政府工作报告。"
        "预计地区生产总值超过2100亿元,增长8.8%左右。\n"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (year, "page_date")


def test_no_page_speaks_of_a_report_not_yet_delivered() -> None:
    """A page posted 2020-05-27 on the national report (和2019年对比,2020年报告里) was dated 2021 by
    its text's years, a town's congress reported on 2017-01-09 dated 2018. A page is on a report of
    its posting year at the latest; a site's empty date (1970-01-01) dates nothing."""
    text = (
        "2020-05-27 16:02:38 来源:中国政府网\n今年《政府工作报告》中明确,稳住经济基本盘。\n"
        "和2019年对比,2020年报告里出现一系列新重点词。\n"
    )
    assert (extract_meta(text, text).report_year, extract_meta(text, text).year_source) == (2020, "page_date")
    epoch = text.replace("2020-05-27 16:02:38", "1970-01-01 08:00:00")
    assert extract_meta(epoch, epoch).year_source == "body"  # not 1970


def test_a_summary_looking_back_since_a_years_start_is_that_years_review() -> None:
    """未央宫街道's year-end summaries (2022年以来,在区委、区政府的正确领导下,…1至11月…) name no other
    year and were rejected no_year. A span since a session (1998年县第十四届人民代表大会第一次会议以来)
    still dates nothing, and a year since named beside others does not vote (see 綦江)."""
    text = "2022年以来,在区委、区政府的正确领导下,1至11月,城镇居民人均可支配收入达到30200元。\n"
    assert (extract_meta(text, text).report_year, extract_meta(text, text).year_source) == (2023, "body")
    other = text + "2021年,街道完成固定资产投资5亿元。2021年,街道获评先进单位。\n"
    assert extract_meta(other, other).report_year == 2022
    session = text.replace("2022年以来", "1998年县第十四届人民代表大会第一次会议以来")
    assert extract_meta(session, session).report_year is None


def test_a_copy_whose_years_are_masked_is_not_dated_by_its_page() -> None:
    """包河区20xx政府工作报告 on a 范文 site (时间:2024.5.15), ——20xx年12月29日在…第三届人民代表大会第一次
    会议上: dated 2024 by the day the copy was posted; the report is of 2011."""
    text = (
        "包河区20xx政府工作报告\n时间:2024.5.15\n——20xx年12月29日在合肥市包河区第三届人民代表大会第一次会议上\n"
        "过去五年,预计地区生产总值由169.3亿元提高到480亿元,年均增长23.2%。\n"
    )
    assert extract_meta(text, text).report_year is None
    posted = text.replace("20xx", "")
    assert extract_meta(posted, posted).year_source == "page_date"  # unmasked, the page dates it


def test_a_photo_caption_naming_the_report_is_no_title() -> None:
    text = "邓辉作政府工作报告 张宝杉 摄\n2月19日,绵阳市涪城区第六届人民代表大会第四次会议开幕。\n"
    assert extract_meta(text, text).title is None


def test_a_misnumbered_session_is_corrected_by_the_review_heading() -> None:
    """A reposting site's national 2026 report named 十四届全国人大三次会议 (2025's) above 一、2025年工作回顾
    and 四、2026年政府工作任务: every figure was dated a year early."""
    text = (
        "总理李强代表国务院在十四届全国人大三次会议上所作的《政府工作报告》全文。\n《政府工作报告》全文：\n"
        "各位代表：\n现在，我代表国务院，向大会作政府工作报告。\n一、2025年工作回顾\n"
        "国内生产总值增长5%。\n四、2026年政府工作任务\n"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source, meta.region_mention) == (2026, "review_heading", "全国")
    assert meta.title == "《政府工作报告》全文"


@pytest.mark.parametrize(
    ("posted", "year"),
    [
        ("2023年01月12日10:18 | 来源：人民网-黑龙江频道", 2023),
        ("2022年12月28日 09:30 来源：县融媒体中心", 2023),
    ],
    ids=["january", "december"],
)
def test_a_posting_line_dates_the_page_and_is_no_year_the_text_reports_on(posted: str, year: int) -> None:
    """人民网's news item on 黑龙江's 2023 report: its posting line was the only year counted, so the
    item was read as reviewing 2023 and dated 2024."""
    text = (
        f"{posted}\n1月12日，县长作《政府工作报告》。回顾过去五年，全县研发经费投入年均增长5%，"
        "高新技术企业由2017年29家增长到105家。\n"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (year, "page_date")


_PROVINCE_NEWS = """东北网1月26日讯 {session}开幕。{speaker}作政府工作报告，描绘了未来五年全省发展的蓝图。
到2017年，预期全省地区生产总值和城乡居民人均收入比2010年翻一番以上。公共财政收入年均增长12%以上；
全社会固定资产投资年均增长25%以上。粮食综合生产能力达到1500亿斤以上，科技进步贡献率大幅提高。
推动平原半平原绿化全面完成，森林覆盖率达到47.3%，资源能源开发利用更加节约，单位GDP综合能耗下降16%。
生态环境得到更好保护，人与自然和谐相处，为保障国家生态安全做出新的贡献，黑龙江省经济社会发展实现新跨越。
"""


@pytest.mark.parametrize(
    ("session", "expected"),
    [
        ("省十二届人大一次会议", (2013, "session")),
        ("黑龙江省第十二届人民代表大会第一次会议", (2013, "session")),
        # Another congress's session is not the province's: the body's years date it as before.
        ("哈尔滨市第十五届人民代表大会第三次会议", (2018, "body")),
    ],
)
def test_a_province_news_item_is_dated_by_its_congress_session(session: str, expected) -> None:
    """东北网's item on 黑龙江's 2013 report (省十二届人大一次会议, 到2017年…) was dated 2018."""
    from transforms.document import parse_document

    doc = parse_document("news.txt", _PROVINCE_NEWS.format(session=session, speaker="省长").encode())
    assert doc.region.region.name == "黑龙江省"
    assert (doc.meta.report_year, doc.meta.year_source) == expected


def test_a_session_numbered_after_an_extra_one_does_not_move_the_year_later() -> None:
    """中新网 on 辽宁's 2026 report: 辽宁省第十四届人民代表大会第五次会议 (a term with an extra session)
    counts as 2027, but the text reviews 2025: the body's year stands. A session the text dates to
    an earlier year (2018年年初在云南省第十三届…第一次会议上提出的) is not the report's."""
    from transforms.document import parse_document

    text = (
        "中新网沈阳1月27日电 辽宁省第十四届人民代表大会第五次会议27日在沈阳开幕。辽宁省省长代表辽宁省人民政府"
        "向大会作政府工作报告。2025年，辽宁省经济总体平稳、稳中有进，地区生产总值比上年增长3.7%，城镇新增就业48万人，"
        "城镇和农村居民人均可支配收入分别增长4.3%、5.3%，社会大局保持稳定。报告提出，今年全省经济社会发展的主要"
        "预期目标是：地区生产总值增长5%左右，城镇新增就业45万人以上。\n"
    )
    doc = parse_document("liaoning.txt", (text * 2).encode())
    assert (doc.meta.report_year, doc.meta.year_source) == (2026, "body")
    text = (
        "云南省2018年地区生产总值增长8.9%，实现并超过2018年年初在云南省第十三届人民代表大会第一次会议上提出的"
        "目标。省长在会议上作政府工作报告时发布，2018年云南省在固定资产投资增长11.6%、低于预期目标的情况下，"
        "实现地区生产总值增长8.9%。2019年，云南省经济社会发展的主要预期目标建议为：地区生产总值增长8.5%左右。\n"
    )
    doc = parse_document("yunnan.txt", (text * 2).encode())
    assert doc.region.region.name == "云南省"
    assert (doc.meta.report_year, doc.meta.year_source) == (2019, "body")  # 低于预期目标 opens no plan


def test_each_province_counts_its_own_congress_terms() -> None:
    """西藏's congress of 2023 is its twelfth, 北京's its sixteenth: not the fourteenth of most."""
    from transforms.document import parse_document

    text = (
        "中新社拉萨1月19日电 西藏自治区第十二届人民代表大会第三次会议19日在拉萨开幕，自治区主席在向大会作"
        "政府工作报告时称，西藏地区生产总值增长6.3%。报告指出，西藏全社会固定资产投资增长19.6%，社会消费品零售"
        "总额增长7.2%，规模以上工业增加值增长18.3%，一般公共预算收入增长17.1%，城乡居民人均可支配收入分别增长"
        "6.8%和8.3%，主要经济指标增速继续保持全国前列。西藏完成重点项目投资1700亿元以上，“幸福西藏·乐享生活”"
        "活动直接拉动消费38.4亿元。西藏粮食产量突破110万吨。民生保障方面，西藏城镇新增就业5.1万人。\n"
    )
    doc = parse_document("xizang.txt", text.encode())
    assert doc.region.region.name == "西藏自治区"
    assert (doc.meta.report_year, doc.meta.year_source) == (2025, "session")


_TOWN_NEWS = (
    "来源:向家镇 日期:2010-04-07 00:00\n4月2日上午,向家镇召开第四届人民代表大会第三次会议,会议听取和审议了"
    "该镇政府工作报告、镇人大工作报告和镇财政预算执行情况报告。\n会议指出,该镇2009年实现工农业总产值2.4亿元,"
    "比上年增长9%,完成财政总收入437.73万元,比上年增长18%,农民人均纯收入4330元,比上年增加8%。今年,"
    "该镇工作的总体要求是力争四项先进,全年完成财政总收入540万元,增长16%。\n"
)


def test_a_town_news_item_reviews_the_year_it_names_before_its_plan() -> None:
    """向家镇 2010: 今年，该镇工作的总体要求是 opened no plan, so the whole item was the plan's and
    2009's results were targets of 2009, the year it names."""
    from transforms.facts import extract_facts

    meta = extract_meta(_TOWN_NEWS, _TOWN_NEWS)
    assert (meta.report_year, meta.year_source) == (2010, "body")
    facts = extract_facts(_TOWN_NEWS, meta.report_year)
    assert [(f.indicator_code, f.kind, f.period_year, f.value) for f in facts if f.indicator_code] == [
        ("fiscal_revenue", "actual", 2009, 437.73),
        ("fiscal_revenue", "actual", 2009, 18),
        ("rural_net_income", "actual", 2009, 4330),
        ("rural_net_income", "actual", 2009, 8),
        ("fiscal_revenue", "target", 2010, 540),
        ("fiscal_revenue", "target", 2010, 16),
    ]


def test_a_forums_tag_before_the_title_is_no_part_of_it() -> None:
    text = "[湖北] 2020年神农架林区政府工作报告\n——2020年1月4日在林区十二届人民代表大会第四次会议上\n"
    assert extract_meta(text, text).title == "2020年神农架林区政府工作报告"


def test_a_bullet_before_the_title_is_no_part_of_it() -> None:
    text = "  • 政府工作报告\n  • ——2001年2月16日在内蒙古自治区第九届人民代表大会第四次会议上\n"
    assert extract_meta(text, text).title == "政府工作报告"


def test_the_share_buttons_label_above_the_title_is_no_part_of_it() -> None:
    text = (
        "来源: 澄迈县中兴镇人民政府 | 发文机关: 澄迈县中兴镇 |\n分享到:\n政府工作报告\n"
        "—2022年2月17日在中兴镇第十七届人民代表大会第二次会议上\n"
    )
    assert extract_meta(text, text).title == "政府工作报告"


def test_a_congress_named_by_its_place_names_the_report_s_region() -> None:
    """广州 2011, a news item: 广州市第十三届人民代表大会 … 加快推进南沙实施CEPA先行先试. It was
    rejected as ambiguous between 广州市 and 三沙市's 南沙区, the congress's place named once."""
    from transforms.document import parse_document

    text = (
        "2月21日,广州市第十三届人民代表大会第六次会议今日开幕,市长向大会作工作报告,提出2011年经济社会"
        "发展的主要预期目标:CPI涨幅控制在4%左右,地区生产总值增长11%;人均生产总值增长10%。\n"
        "深化区域合作水平,加快推进南沙实施CEPA先行先试,推动穗港澳合作。\n" * 3
    )
    doc = parse_document("guangzhou.txt", text.encode())
    assert (doc.meta.region_mention, doc.meta.region_source) == ("广州市", "session")
    assert doc.region.region.name == "广州市" and not doc.region.ambiguous
    # Never a speaker's 全市 or 本县, and never the bare 县 of a county's own session line.
    for line in ("在全市第十三届人民代表大会上", "本县第十七届人民代表大会", "——在县第十七届人民代表大会上"):
        assert extract_meta(line, line).region_source != "session"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("湖北省2011年政府工作报告000", "湖北省2011年政府工作报告"),
        ("2011浙江省工作报告_第1页", "2011浙江省工作报告"),
        ("2021年青海省《政府工作报告》(附全文)发布时间:2021-02-2210:16", "2021年青海省《政府工作报告》"),
        # 延边 2021: the posting line above a bare 政府工作报告 was taken for its region and year (2022)
        ("发布时间:2022-07-11 20:57   责任编辑:www\n政府工作报告", "政府工作报告"),
    ],
)
def test_what_a_reposting_site_appends_to_a_title_is_no_part_of_it(title: str, expected: str) -> None:
    text = f"{title}\n各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。\n"
    assert extract_meta(text, text).title == expected


def test_a_link_to_other_reports_is_no_title_and_a_dated_byline_dates_the_report() -> None:
    """人民网's pages of local reports: (点击查阅更多2011年地方政府工作报告) over (2011年1月20日 徐守盛).
    The link was the title; without it the report was dated 2012 by the years its body cites."""
    text = (
        "(点击查阅更多2011年地方政府工作报告)\n(2011年1月20日 徐守盛)\n各位代表:\n"
        "我代表省人民政府,向大会作政府工作报告。\n一、2010年及“十一五”时期全省经济社会发展好\n"
        "2010年全省生产总值增长14.5%,2010年财政总收入增长20%,2011年全省经济社会发展的主要预期目标是……\n"
    )
    meta = extract_meta(text, text)
    assert meta.title is None
    assert (meta.report_year, meta.year_source, str(meta.report_date)) == (2011, "date", "2011-01-20")
    compiled = (
        "20xx年各省政府工作报告汇编(577900字)\n——20xx年1月25日在北京市第十三届人民代表大会第三次会议上\n"
    )
    assert extract_meta(compiled, compiled).title is None  # a compilation's page title


def test_a_plan_outline_put_to_the_congress_dates_the_report_in_the_plans_first_year() -> None:
    """镇康 2026, a county's news item: 审查镇康县国民经济和社会发展第十五个五年规划纲要草案, no year but
    the 2020 the five-year review starts from. It was rejected for no year."""
    text = (
        "县十八届人大五次会议隆重开幕\n审查镇康县国民经济和社会发展第十五个五年规划纲要草案等\n"
        "县长代表县人民政府向大会作政府工作报告。报告指出，五年来，经济总量从2020年的59.94亿元增至88.08亿元。\n"
    )
    assert (extract_meta(text, text).report_year, extract_meta(text, text).year_source) == (2026, "body")
    outline = "审议“十四五”规划和2035年远景目标纲要（草案）"
    assert extract_meta(outline, outline).report_year == 2021


def test_a_news_items_list_of_achievements_is_a_review() -> None:
    """陕西 2021 as a list: “十三五”成就: over 生产总值年均增长6.3% (the five years', labelled so)."""
    from transforms.facts import extract_facts

    text = (
        "2020年成就:\n实现生产总值2.62万亿元,增长2.2%\n“十三五”成就:\n生产总值年均增长6.3%\n"
        "2021年目标:\n生产总值增长6.5%左右\n"
    )
    facts = [(f.kind, f.period_year, f.period_label, f.value) for f in extract_facts(text, 2021)]
    assert facts == [
        ("actual", 2020, None, 2.62),
        ("actual", 2020, None, 2.2),
        ("actual", 2020, "十三五", 6.3),
        ("target", 2021, None, 6.5),
    ]


def test_a_list_of_the_years_targets_after_a_colon_opens_the_plan() -> None:
    """深圳 2025, a news item: 提出了今年的主要预期经济和社会目标:全市GDP增长5.5% were actuals of 2024."""
    from transforms.facts import extract_facts

    text = (
        "过去一年，全市地区生产总值增长5.8%。市长作政府工作报告，提出了今年的主要预期经济和社会目标:"
        "全市GDP增长5.5%,地方一般公共预算收入增长3.0%。\n"
    )
    facts = extract_facts(text, 2025)
    assert [(f.kind, f.period_year) for f in facts] == [("actual", 2024), ("target", 2025), ("target", 2025)]


def test_a_table_of_contents_above_the_report_does_not_make_its_review_a_plan() -> None:
    """湟源 2025: the page lists the report's headings (一、2024年工作回顾 … 二、2025年目标任务和重点工作 …
    三、全面加强政府自身建设) above it, so the review below was read as the plan: 2024's growth of 7 %
    was a target of 2025."""
    from transforms.facts import extract_facts

    text = (
        "一、2024年工作回顾\n二、2025年目标任务和重点工作\n（一）坚持生态保护第一\n三、全面加强政府自身建设\n"
        "2025年湟源县政府工作报告\n各位代表：\n一、2024年工作回顾\n过去的一年，交出了满意答卷，地区生产总值增长7%。\n"
        "二、2025年目标任务和重点工作\n地区生产总值增长6%左右。\n"
    )
    assert [(f.kind, f.period_year, f.value) for f in extract_facts(text, 2025)] == [
        ("actual", 2024, 7),
        ("target", 2025, 6),
    ]


def test_a_delivery_date_on_a_line_below_the_session_dates_the_report() -> None:
    """金碧镇: 政府工作报告(2024年) / ——在金碧镇第十四届人民代表大会第七次会议上 / 镇长王 鹏 / 2025年1月3日:
    the title names the year reviewed; the report is 2025's."""
    head = "政府工作报告(2024年)\n——在金碧镇第十四届人民代表大会第七次会议上\n"
    text = head + "镇长王 鹏\n2025年1月3日\n各位代表：\n"
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source, str(meta.report_date)) == (2025, "date", "2025-01-03")


def test_a_title_naming_the_year_reviewed_with_its_five_year_plan_is_the_next_years_report() -> None:
    """金鸡乡2020年度政府工作报告 over 一、2020年和“十三五”工作回顾: the report is 2021's (was 2020's, every
    figure a year early)."""
    text = "金鸡乡2020年度政府工作报告\n一、2020年和“十三五”工作回顾\n2020年，全乡完成生产总值5.17亿元。\n"
    assert (extract_meta(text, text).report_year, extract_meta(text, text).year_source) == (
        2021,
        "review_heading",
    )


def test_a_news_item_of_a_years_aims_with_lizheng_is_the_plans() -> None:
    """小溪塔街道 2019: 2019年，街道将…力争规模工业增加值增长9% was dated 2020, its aims actuals of 2019."""
    from transforms.facts import extract_facts

    text = (
        "1月25日，街道谋划2019年经济社会发展。2019年，街道将聚焦项目建设，力争规模工业增加值增长9%，"
        "固定资产投资增长11.5%。\n"
    )
    plain = text.replace("谋划2019年经济社会发展", "召开议政大会")
    assert extract_meta(plain, plain).report_year == 2019
    assert [f.kind for f in extract_facts(text, 2019)] == ["target", "target"]


def test_a_page_flattened_into_one_line_opening_with_its_review_heading_is_the_review() -> None:
    """新塘街道 2023: 新塘街道办事处2023年政府工作报告一、2022年工作回顾2022年是… on one line; its 2022
    results were targets of 2023, and 规上工业生产总值 (industry's output) was GDP."""
    from transforms.facts import extract_facts

    text = (
        "新塘街道办事处2023年政府工作报告一、2022年工作回顾2022年是极不平凡的一年，以“迎亚运、争第一”为目标，"
        "全年预计实现规上工业生产总值135亿元，同比增长1.6%；规上工业增加值16亿元，同比增长1%。\n"
    )
    facts = [(f.indicator_code, f.kind, f.period_year) for f in extract_facts(text, 2023) if f.indicator_code]
    assert facts == [("industrial_value_added", "actual", 2022)] * 2


def test_a_county_since_made_a_district_is_found_under_its_old_name() -> None:
    """綦江 2003 (a document site's one-line repost): 綦江县人民政府…我代表县人民政府 … *重庆市委、
    重庆市人民政府和*綦江县委. The county is 綦江区 since 2011; the text speaking as a 县 gave it
    to 重庆市. The start of the span it looks back on (1998年…第一次会议以来) dated it 1999: it has
    no year of its own, so it is quarantined rather than misdated."""
    from transforms.document import parse_document
    from transforms.models import InputRejected

    text = (
        "綦江县人民政府政府工作报告各位代表: 现在,我代表县人民政府,向大会作政府工作报告。回顾过去五年 "
        "1998年县第十四届人民代表大会第一次会议以来,全县人民在重庆市委、重庆市人民政府和綦江县委的领导下,"
        "紧紧抓住重庆直辖的机遇,认真贯彻重庆市委、重庆市人民政府对綦江工作的指示,开创了綦江发展的良好局面。"
        "全县实现国内生产总值43.68亿元,年均递增8.1%。"
        + "全县上下以经济建设为中心,以结构调整为主线,促进了经济较快增长。"
        * 4
    )
    meta = extract_meta(text, text)
    from transforms.regions import resolve_region

    region = resolve_region(meta, text).region
    assert region is not None and (region.name, region.code) == ("綦江区", "500110")
    with pytest.raises(InputRejected, match="no_year"):
        parse_document("qijiang.txt", text.encode())
    dated = text.replace("全县实现", "2002年,全县实现")
    assert parse_document("qijiang.txt", dated.encode()).meta.report_year == 2003


def test_a_report_dated_outside_the_years_a_report_can_have_is_quarantined() -> None:
    """A gazette's page of the national 十四五 goals names one year, 落实2030年…目标: dated 2031, it
    would fail dim_document's contract (report_year at most next year) and with it the whole run.
    Before 1978 is outside the warehouse's scope (the 1975 report)."""
    from transforms.document import parse_document
    from transforms.models import InputRejected

    body = (
        "各位代表：现在，我代表县人民政府向大会报告工作。"
        + "全县上下落实2030年远景目标，地区生产总值增长8%，一般公共预算收入增长6%。" * 8
    )
    text = "攸县政府工作报告\n" + body
    assert parse_document("x.txt", text.encode()).meta.report_year == 2031  # no calendar: as read
    with pytest.raises(
        InputRejected, match="year_out_of_range: report year 2031 \\(body\\) outside 1978-2027"
    ):
        parse_document("x.txt", text.encode(), latest_year=2027)
    with pytest.raises(InputRejected, match="year_out_of_range: report year 1975"):
        parse_document("x.txt", ("攸县1975年政府工作报告\n" + body).encode(), latest_year=2027)


def test_a_figure_for_a_year_no_report_speaks_of_is_dropped_and_the_document_says_so() -> None:
    """到2080年… would fail fact_indicator's contract (period_year at most 40 years ahead), and so
    the run; the figure is dropped, with a warning on its document."""
    from transforms.document import parse_document

    text = (
        "攸县2024年政府工作报告\n各位代表：现在，我代表县人民政府向大会报告工作。"
        + "过去一年，全县地区生产总值增长5%，一般公共预算收入增长6%。" * 3
        + "\n二、2024年工作安排\n今年主要预期目标是：地区生产总值增长6%左右。"
        "到2060年，全县地区生产总值达到5000亿元。到2080年，全县地区生产总值达到1万亿元。"
    )
    doc = parse_document("x.txt", text.encode(), latest_year=2027)
    assert sorted({f.period_year for f in doc.facts}) == [2023, 2024, 2060]
    assert "period_out_of_range:1" in doc.warnings


def test_a_session_line_with_the_short_form_of_the_congress_dates_the_report() -> None:
    """张家港 2017: ——2017年1月6日在市十四届人大一次会议上 was not read (人大, not 人民代表大会), and the
    body's years dated the report 2018. A standing committee's meeting (人大常委会) dates nothing."""
    text = "政府工作报告\n——2017年1月6日在市十四届人大一次会议上\n各位代表:\n2016年全市地区生产总值增长7%。\n"
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source, meta.report_date) == (2017, "date", date(2017, 1, 6))
    committee = text.replace("市十四届人大一次会议上", "市人大常委会第三次会议上")
    assert extract_meta(committee, committee).year_source != "date"


def test_an_estimate_for_the_titles_year_makes_the_report_the_next_years() -> None:
    """(湖南省)2016年桂阳县人民政府工作报告 reviews five years: 2016年，预计（下同）全县生产总值340亿元.
    The title's year was not over, yet every figure came out a target of 2016."""
    text = (
        "(湖南省)2016年桂阳县人民政府工作报告\n各位代表:\n一、过去五年工作回顾\n"
        "2016年，预计（下同）全县生产总值340亿元，比2012年增长47.7%。\n"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (2017, "review_heading")
    plan = text + "二、2016年工作安排\n"  # the title's year is planned: its own report
    assert extract_meta(plan, plan).report_year == 2016


def test_a_session_held_on_a_day_dates_the_report() -> None:
    """在2023年1月9日举行的长春市第十六届人民代表大会第二次会议上 (an interpretation page) was not read as
    the session line, and 2022年重点工作回顾 named a plan of 2022: the report was dated 2022."""
    text = (
        "在2023年1月9日举行的长春市第十六届人民代表大会第二次会议上,市长代表长春市人民政府向大会报告政府工作。\n"
        "本文帮您从2022年重点工作回顾、2023年部分重点工作两部分解读长春市政府工作报告。\n"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source, meta.report_date) == (2023, "date", date(2023, 1, 9))
    assert meta.region_mention == "长春市"
    reviewed = "2022年重点工作回顾\n2022年,全市地区生产总值增长1.5%。\n"
    assert extract_meta(reviewed, reviewed).report_year == 2023


def test_a_newspapers_masthead_date_dates_the_item_as_a_page_date() -> None:
    """甘孜日报 2019年01月08日 over a news item that names no other year: the masthead's year was
    counted as the year reviewed, so the item was dated 2020."""
    text = "甘孜日报 2019年01月08日\n本网记者\n“预计全年实现地区生产总值293.08亿元，同比增长9%。”\n"
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (2019, "page_date")


def test_a_county_under_a_later_name_than_the_division_datas_is_found() -> None:
    """人民网 on 湟中区 2024 (西宁市湟中区第二届人民代表大会…湟中区人民政府): the division data still
    have 湟中县 (a district since 2019), so the report was 西宁市's."""
    from transforms.regions import resolve_region

    text = (
        "人民网西宁2月28日电 2月28日,西宁市湟中区第二届人民代表大会第四次会议开幕。"
        "区长代表湟中区人民政府向大会作政府工作报告。\n报告指出,2023年,湟中区地区生产总值增长5%。"
        "2024年湟中区经济发展的主要预期目标是:地区生产总值增长6%左右。\n"
    )
    region = resolve_region(extract_meta(text, text), text).region
    assert region is not None and (region.name, region.code) == ("湟中县", "630122")


def test_a_unit_the_division_data_lack_under_a_known_place_is_quarantined() -> None:
    """(黑龙江)2016年伊春市翠峦区人民政府工作报告: 翠峦区 was merged away in 2019 and is not in the
    division data; its figures went to 伊春市."""
    from transforms.document import parse_document
    from transforms.models import InputRejected

    text = (
        "(黑龙江)2016年伊春市翠峦区人民政府工作报告\n各位代表:\n现在,我代表区人民政府向大会报告工作。\n"
        "一、2015年工作回顾\n全区地区生产总值完成10.5亿元,增长6%。\n"
        + "全区上下团结一心,经济社会发展取得新成效,人民群众获得感持续增强。\n"
        * 8
    )
    with pytest.raises(InputRejected, match="翠峦区 \\(not in the division data\\)"):
        parse_document("cuiluan.txt", text.encode())


def test_a_news_items_lead_naming_the_report_by_its_year_dates_it() -> None:
    """江苏 2025 (a Traditional repost): 江苏省政府2025年政府工作报告新鲜出炉 … 2024年 … 2025年，是… — the
    years tied and the later one plus one dated it 2026. Last year's report recalled dates nothing."""
    text = (
        "我们一起来了解江苏在2024年交出的答卷。\n江苏省政府2025年政府工作报告新鲜出炉。\n"
        "2024年,江苏地区生产总值达13.7万亿元、增长5.8%。2025年,是“十四五”规划收官之年。\n"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (2025, "body")
    recalled = "过去一年，全面完成了2024年政府工作报告确定的目标任务。\n2024年,全省生产总值增长5.8%。\n"
    assert extract_meta(recalled, recalled).report_year == 2025
    # with the place between the year and the report (a summary page on 广州 2025, dated 2026)
    lead = "2025年广州市政府工作报告详细规划了新方向。\n在2025年的广州市政府工作报告中,广州设定了目标。\n"
    assert (extract_meta(lead, lead).report_year, extract_meta(lead, lead).year_source) == (2025, "body")
    recalled = "全面完成了2024年广州市政府工作报告确定的目标任务。\n2024年,全市增长2.1%。\n"
    assert extract_meta(recalled, recalled).report_year == 2025


def test_a_news_item_naming_this_year_as_a_plans_first_or_last_dates_it() -> None:
    """桂林 2016 (a news item on its congress): 桂林市四届人大七次会议… 今年作为“十三五”开局之年, and no
    year written anywhere: it was rejected no_year."""
    text = (
        "2月1日,桂林市四届人大七次会议开幕。该市政府工作报告显示,该市不但去年成绩斐然,今年作为“十三五”开局之年,"
        "各项重点工作安排更是看点十足。\n该市今年主要施政目标包括:地区生产总值增长8%-8.5%。\n"
    )
    assert (extract_meta(text, text).report_year, extract_meta(text, text).year_source) == (2016, "body")
    last = text.replace("作为“十三五”开局之年", "是“十四五”规划收官之年")
    assert extract_meta(last, last).report_year == 2025
    said = text.replace("今年作为", "去年作为")  # not this year's
    assert extract_meta(said, said).report_year is None


def test_a_news_item_whose_review_is_effective_is_no_plan() -> None:
    """中国西藏网 on 西藏's 2019 report: 2018年,预计,西藏地区生产总值突破1400亿元 … 成效显著 … 2019年,西藏将
    …力争…: read as all plan (no review cue, a 力争), dated 2018 and its estimates made targets."""
    text = (
        "西藏自治区第十一届人民代表大会第二次会议1月10日在拉萨召开,会上政府工作报告显示,2018年,预计,西藏地区"
        "生产总值突破1400亿元,增长10%左右。\n报告提到,西藏污染防治攻坚战成效显著。\n"
        "报告提到,2018年,西藏生态安全屏障建设不断加强。\n据了解,2019年,西藏将推进特色旅游文化产业全域发展,"
        "力争旅游接待人数突破4000万人次。\n"
    )
    assert extract_meta(text, text).report_year == 2019


def test_a_year_that_sets_an_aim_votes_for_itself_as_the_reports_year() -> None:
    """宝鸡日报 on the delayed 2020 session (May 31): the one year the item names, 2020年,全市…力争实现…
    增长6.5%左右, dated it 2021 as a year reviewed. A year listed among a report's parts votes as
    before (2020年和十三五时期工作回顾、“十四五”时期…主要目标)."""
    text = (
        "5月31日上午,宝鸡市第十五届人民代表大会第五次会议开幕。过去一年,全市实现地区生产总值2223.81亿元。\n"
        "2020年,全市经济社会发展力争实现地区生产总值增长6.5%左右。\n"
    )
    assert extract_meta(text, text).report_year == 2020
    parts = "报告分2020年和十三五时期工作回顾、“十四五”时期主要目标两部分。\n过去一年,全市增长3%。\n"
    assert extract_meta(parts, parts).report_year == 2021


def test_the_session_whose_decisions_the_review_carried_out_is_last_years() -> None:
    """北京 2010 (a censored year, XX年是…) and 江西 2010: 认真执行市十三届人大二次会议决议 and
    完成了省十一届人大二次会议确定的主要任务 dated the reports 2009, the year of that session, which the
    report reviews."""
    from transforms.document import parse_document

    for session in ("认真执行市十三届人大二次会议决议", "完成了市十三届人大二次会议确定的主要任务"):
        text = (
            "各位代表：现在，我代表北京市人民政府，向大会报告政府工作。一、过去一年工作回顾。XX年是很不平凡的一年。"
            f"全市地区生产总值达到11865.9亿元，比上年增长10.1%。一年来，我们{session}，主要做了以下工作。\n"
        )
        doc = parse_document("beijing.txt", (text * 2).encode())
        assert doc.region.region.name == "北京市"
        assert (doc.meta.report_year, doc.meta.year_source) == (2010, "session"), session


@pytest.mark.parametrize("heading", ["一、2009年工作简要回顾", "一、2009年工作的简要回顾"])
def test_a_brief_review_heading_dates_the_report(heading: str) -> None:
    """江西 2010, 内蒙古 2000 (一、1999年工作的简要回顾): the heading was not read as a review's."""
    text = f"各位代表：\n{heading}\n全省实现生产总值7589.2亿元，增长13.1%。\n"
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (2010, "review_heading")


def test_a_news_item_all_plan_dates_itself_by_the_year_of_its_aims() -> None:
    """云南 2012: 2012年,云南将力争GDP首次突破一万亿元 voted for 2011 (an aim's year votes as the year
    before a review's, and a text that is all plan adds nothing back)."""
    text = (
        "2月11日上午九时，省人民代表大会开幕。代省长在《政府工作报告》中提出，2012年，云南将力争GDP首次突破"
        "一万亿元，全年生产总值增长12%以上。今年云南将集中精力抓项目，力争规模以上固定资产投资7100亿元以上。"
        "截至2011年底，全省新增信用融资较多。\n"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (2012, "body")


def test_a_session_opened_on_a_day_dates_the_news_item() -> None:
    """山西 2017: 2017年1月14日上午9时,山西省第十二届人民代表大会第七次会议在太原隆重开幕 (a term with
    extra sessions) over 2016年,预计全省地区生产总值增长4.5%左右 was dated 2016."""
    text = (
        "2017年1月14日上午9时，山西省第十二届人民代表大会第七次会议在太原隆重开幕。图为省长作政府工作报告。\n"
        "省长在作政府工作报告时透露，2016年，预计全省地区生产总值增长4.5%左右，低于预期1.5个百分点。"
        "2016年，山西全社会固定资产投资增长1%左右。2016年，城乡居民人均可支配收入分别增长6%左右、6%以上，"
        "实现预期目标。\n"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (2017, "body")


def test_a_year_a_goal_is_set_for_does_not_vote() -> None:
    """甘肃 2016 news item: 确保到2020年与全国一道…, 可确保2020年国内生产总值比2010年翻一番 outvoted the
    2015 it reviews: dated 2021."""
    text = (
        "“十三五”时期是我省全面建成小康社会的决胜阶段，为确保到2020年与全国一道全面建成小康社会，省长在"
        "《政府工作报告》中明确提出了今后五年政府工作的主要任务。实现这一预期目标，可确保2020年国内生产总值"
        "比2010年翻一番。“十二五”期间经济年均增长10.5%，2015年在经济下行压力持续加大的情况下增长8.1%。\n"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (2016, "body")


def test_a_draft_budgets_year_and_a_compared_year_vote_as_the_plan_and_its_base() -> None:
    """高埗镇 2014 news item: 审查和批准镇2013年财政预算执行情况和2014年预算草案, 与2012年相比增长11.8%,
    与2013年相比,2014年生产总值115亿元 dated it 2013 (read as all plan: no review cue) or 2015."""
    text = (
        "昨日，高埗镇召开第十六届人民代表大会第三次会议。大会审查和批准镇2013年财政预算执行情况和2014年预算草案的报告。\n"
        "《报告》指出，2013年全镇生产总值101.95亿元，与2012年相比增长11.8%。\n"
        "综合考虑各方面因素，今年高埗镇提出的发展预期目标是：与2013年相比，2014年生产总值115亿元，增长9%。\n"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (2014, "body")


def test_the_years_work_a_report_planned_dates_it() -> None:
    """双墩镇, a new term's first session on 2011-12-07: 报告总结了过去五年的发展成果,
    安排部署了2012年的政府工作 over 2011年预计全镇完成财政收入2.17亿元 was dated 2013 (2012 voted as
    a year reviewed)."""
    text = (
        "12月7日，双墩镇第十三届人民代表大会第一次会议开幕。会上，镇长作政府工作报告。报告总结了过去五年的发展成果，"
        "安排部署了2012年的政府工作。\n其中2011年预计全镇完成财政收入2.17亿元，增长42.8%。\n"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (2012, "body")


@pytest.mark.parametrize(
    ("head", "year"),
    [
        ("2022南阳两会 | 答卷2021干出新气象\n一年来,全市上下团结奋斗。", 2022),
        (
            "1月15日,合肥市两会拉开帷幕。\n回眸2024 ——“答卷”\n一年来,全市上下团结奋斗。",
            2025,
        ),
    ],
    ids=["season", "looking-back"],
)
def test_a_headline_naming_the_congress_season_or_the_year_looked_back_on_dates_the_item(
    head: str, year: int
) -> None:
    """南阳 2022 (大河报's 2022南阳两会 | 答卷2021) and 合肥 2025 (回眸2024) were rejected no_year: their
    years are written without 年."""
    text = head + "预计,地区生产总值增长5.8%左右,规上工业增加值增长14.9%左右。\n"
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (year, "body")
    carried_out = "认真贯彻2023年全国两会精神,全镇上下团结奋斗。2023年,全镇地区生产总值增长5%。\n"
    assert extract_meta(carried_out, carried_out).report_year == 2024  # a season carried out dates nothing


def test_the_years_main_economic_targets_open_the_plan_and_date_the_text() -> None:
    """郭仓镇 2012 on a forum: 2012年,郭仓镇坚持…。2012年主要经济目标是:… was dated 2013 and its
    targets read as 2012's actuals (主要目标是 was known, 主要经济目标是 not)."""
    from transforms.facts import extract_facts

    text = (
        "全力推进郭仓镇经济社会跨越发展 2012年,郭仓镇坚持科学发展观,实现全镇经济社会新跨越。"
        "2012年主要经济目标是:全镇地区生产总值达到14.6亿元,增长15%;农民人平纯收入达到9640元,增长18%。"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (2012, "body")
    got = [(f.indicator_code, f.kind, f.period_year, f.value) for f in extract_facts(text, 2012)]
    assert got == [
        ("gdp", "target", 2012, 14.6),
        ("gdp", "target", 2012, 15),
        ("rural_net_income", "target", 2012, 9640),  # 人平: 人均 as 山东 and 湖南 towns write it
        ("rural_net_income", "target", 2012, 18),
    ]


def test_a_congress_named_in_its_short_form_is_the_places_and_an_aim_before_a_year_dates_it() -> None:
    """西藏日报 on 山南市 2023: 记者从山南市二届人大四次会议上了解到,该市力争2023年地区生产总值增长8%左右
    was dated 2024 (力争 before the year was no aim) and read no congress (the short form 二届人大)."""
    text = (
        "本报泽当1月10日电 日前，记者从山南市二届人大四次会议上了解到，该市力争2023年地区生产总值增长8%左右，"
        "城乡居民人均可支配收入分别增长10%和12%左右。推动快速通道建成通车。\n"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.region_mention, meta.region_source) == (2023, "山南市", "session")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("记者从山南市二届人大四次会议上了解到，", "山南市"),
        ("从江县第十六届人民代表大会第一次会议开幕，", "从江县"),  # 从 heads the name
        ("据介绍，在和平县第十七届人大三次会议上，", "和平县"),
        ("1月11日上午，自治区九届人大二次会议在银川开幕。", None),  # a bare level
    ],
)
def test_the_place_whose_congress_an_item_names(text: str, place: str | None) -> None:
    from transforms.metadata import _congress_place

    assert _congress_place(text) == place


def test_a_review_of_last_year_and_this_year_so_far_dates_the_report() -> None:
    """荔湾区 2020 (a session put off to May): 一、2019年和今年以来工作回顾 and no other year."""
    text = "一、2019年和今年以来工作回顾\n过去一年,全年完成地区生产总值1104.49亿元、增长5.0%。\n"
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (2020, "review_heading")


def test_a_page_title_over_the_reports_own_title_gives_way_to_it() -> None:
    """南京 2021 on a reposting site: the page's title says 2022, the report's own 2021, and the
    review heading 2020 (一、2020年和“ 十三五” 工作回顾, spaces and all); 2002年四川省工作报告 over
    四川's 2015 report likewise."""
    text = (
        "2022年南京市人民政府工作报告\n字号:\n2021年南京市人民政府工作报告\n各位代表:\n"
        "一、2020年和“ 十三五” 工作回顾过去的一年,全市地区生产总值增长4.6%。\n"
    )
    meta = extract_meta(text, text)
    assert (meta.report_year, meta.year_source) == (2021, "review_heading")
    agrees = text.replace("2020年和", "2021年和")  # the review of the page title's year before
    assert extract_meta(agrees, agrees).report_year == 2022
