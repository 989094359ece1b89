"""Fact extraction on sentences written the way reports write them."""

from __future__ import annotations

import pytest

from transforms.facts import extract_facts, has_plan_section
from transforms.numbers import arabic_years, find_quantities

PLAN = "二、2024年工作安排\n"
REVIEW = "一、2023年工作回顾\n"


def core(text: str, year: int = 2024):
    return [f for f in extract_facts(text, year) if f.indicator_code]


def one(text: str, year: int = 2024):
    facts = core(text, year)
    assert len(facts) == 1, facts
    return facts[0]


@pytest.mark.parametrize(
    ("sentence", "code", "measure", "value", "unit", "value_std", "unit_std", "comparator"),
    [
        ("地区生产总值增长7.7%左右。", "gdp", "growth", 7.7, "%", 7.7, "%", "around"),
        ("规上工业增加值增长9%以上。", "industrial_value_added", "growth", 9, "%", 9, "%", "at_least"),
        ("城镇新增就业2万人以上。", "new_urban_jobs", "level", 2, "万人", 20000, "人", "at_least"),
        ("实际使用外资13.5亿美元。", "foreign_investment", "level", 13.5, "亿美元", 1.35e9, "美元", "point"),
        ("居民消费价格涨幅控制在3.5%以内。", "cpi", "growth", 3.5, "%", 3.5, "%", "at_most"),
        ("城镇调查失业率5.5%左右。", "urban_unemployment_surveyed", "level", 5.5, "%", 5.5, "%", "around"),
        ("单位地区生产总值能耗下降2.5%。", "energy_intensity", "growth", -2.5, "%", -2.5, "%", "point"),
        ("粮食产量1.3万亿斤以上。", "grain_output", "level", 1.3, "万亿斤", 1.3e12, "斤", "at_least"),
        (
            "固定资产投资不低于500亿元。",
            "fixed_asset_investment",
            "level",
            500,
            "亿元",
            5e10,
            "元",
            "at_least",
        ),
        ("外贸进出口总额突破 50 亿元。", "foreign_trade", "level", 50, "亿元", 5e9, "元", "at_least"),
        # 乐东 2024: 货物进出口额 was read as 货物进 and 出口额 (exports)
        ("货物进出口额3241万元。", "foreign_trade", "level", 3241, "万元", 3.241e7, "元", "point"),
        ("社会消费品零售总额约300亿元。", "retail_sales", "level", 300, "亿元", 3e10, "元", "around"),
        ("GDP增长9.5%以上。", "gdp", "growth", 9.5, "%", 9.5, "%", "at_least"),
    ],
)
def test_target_figures(sentence, code, measure, value, unit, value_std, unit_std, comparator):
    f = one(PLAN + sentence)
    assert (f.indicator_code, f.measure, f.unit, f.unit_std, f.comparator) == (
        code, measure, unit, unit_std, comparator,
    )  # fmt: skip
    assert f.value == pytest.approx(value) and f.value_std == pytest.approx(value_std)
    assert (f.kind, f.period_year, f.section) == ("target", 2024, "plan")


def test_range_has_low_and_high_end():
    f = one(PLAN + "地区生产总值增长6.5%－7%。")
    assert (f.comparator, f.value_std, f.value_std_high) == ("range", 6.5, 7.0)


def test_level_and_growth_share_a_subject():
    facts = core(REVIEW + "全县实现地区生产总值375亿元，增长4.5%。")
    assert [(f.indicator_code, f.measure, f.value, f.kind, f.period_year) for f in facts] == [
        ("gdp", "level", 375, "actual", 2023),
        ("gdp", "growth", 4.5, "actual", 2023),
    ]


def test_coordinated_subjects_split_in_order():
    facts = core(PLAN + "城镇和农村居民人均可支配收入分别增长6.5%、7.5%。")
    assert [(f.indicator_code, f.value, f.measure) for f in facts] == [
        ("urban_income", 6.5, "growth"),
        ("rural_income", 7.5, "growth"),
    ]


def test_each_figure_keeps_its_own_subject():
    facts = extract_facts(
        PLAN + "GDP增长9.5%以上，园区技工贸总收入增长18%以上，确保同步突破1000亿元大关。", 2024
    )
    gdp = [f for f in facts if f.indicator_code == "gdp"]
    assert [(f.value, f.measure) for f in gdp] == [(9.5, "growth")]
    assert any(f.value == 18 and f.indicator_code is None and "技工贸" in f.indicator_name for f in facts)


def test_period_qualifier_carries_across_clauses():
    facts = core(
        REVIEW
        + "1-11月，一般公共预算收入增长13.3%，规上服务业营业收入增长28.6%，"
        + "前三季度城镇居民人均可支配收入增长7.2%。"
    )
    assert [(f.indicator_code, f.period_label, f.period_year) for f in facts] == [
        ("general_budget_revenue", "1-11月", 2023),
        ("services_revenue", "1-11月", 2023),
        ("urban_income", "前三季度", 2023),
    ]


def test_a_period_opening_a_sentence_holds_for_its_semicolon_clauses():
    """2019年前三季度，A；B；C: every clause is three quarters' (before, B and C came out as the
    year's and so entered the comparison with the year's target). Only the first clause's period
    spans the sentence, and a clause naming 全年 has its own."""
    facts = core(
        REVIEW + "2023年前三季度，全区实现地区生产总值152.5亿元，同比增长6%；社会消费品零售总额53.8亿元"
        "，同比增长8%；全年固定资产投资增长5%。地区生产总值增长4.5%；1-11月，规上工业增加值增长7%；"
        "一般公共预算收入增长3%。"
    )
    assert [(f.indicator_code, f.period_label, f.value) for f in facts] == [
        ("gdp", "前三季度", 152.5),
        ("gdp", "前三季度", 6),
        ("retail_sales", "前三季度", 53.8),
        ("retail_sales", "前三季度", 8),
        ("fixed_asset_investment", None, 5),
        ("gdp", None, 4.5),
        ("industrial_value_added", "1-11月", 7),
        ("general_budget_revenue", None, 3),
    ]


def test_a_carried_period_stops_where_a_clause_turns_to_the_full_year():
    """1-11月，A；B，同比增长6.4%，预计全年突破57亿元: B's figures are still eleven months' (before,
    the 全年 later in the clause took the label off the whole clause); the estimate is the year's."""
    facts = core(
        REVIEW + "1-11月，完成固定资产投资24.7亿元，同比增长11.5%；社会消费品零售总额52.3亿元，"
        "同比增长6.4%，预计全年突破57亿元；一般公共预算收入2.86亿元。"
    )
    assert [(f.indicator_code, f.period_label, f.value) for f in facts] == [
        ("fixed_asset_investment", "1-11月", 24.7),
        ("fixed_asset_investment", "1-11月", 11.5),
        ("retail_sales", "1-11月", 52.3),
        ("retail_sales", "1-11月", 6.4),
        ("retail_sales", None, 57),
        ("general_budget_revenue", None, 2.86),
    ]


def test_a_five_year_horizon_labels_only_figures_over_the_span():
    """Under 过去五年 a level or a figure dated to one year is that year's: labelled 五年来 it was
    kept out of v_targets_vs_actuals, which compares a year's figures only (a report opening a
    new term reviews five years, so every fifth year lost its actuals)."""
    text = (
        "一、过去五年的工作回顾\n五年来，全省地区生产总值年均增长5.8%，2022年达到5.37万亿元、增长4.3%；"
        "城镇新增就业累计达到460万人。一般公共预算收入3280.7亿元，增长6.4%。\n"
        "二、今后五年的目标任务\n地区生产总值年均增长6%左右，到2027年迈上7万亿元台阶。\n"
    )
    got = [(f.indicator_code, f.kind, f.period_year, f.period_label, f.value) for f in core(text, 2023)]
    assert got == [
        ("gdp", "actual", 2022, "五年来", 5.8),
        ("gdp", "actual", 2022, None, 5.37),
        ("gdp", "actual", 2022, None, 4.3),
        ("new_urban_jobs", "actual", 2022, "五年来", 460),  # a total over the span
        ("general_budget_revenue", "actual", 2022, None, 3280.7),
        ("general_budget_revenue", "actual", 2022, None, 6.4),
        ("gdp", "target", 2027, "今后五年", 6),
        ("gdp", "target", 2027, None, 7),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # 高庄镇 2021: a year opening a later clause of the horizon's sentence dates what follows it
        "五年来，全镇新增工业投入20.1亿元，2020年，全镇共完成固定资产投资6.7亿元，增长25.4%。",
        # a change against the year before is one year's whatever heads it
        "五年来，全镇新增工业投入20.1亿元，全镇共完成固定资产投资6.7亿元，同比增长25.4%。",
    ],
    ids=["clause-year", "year-on-year"],
)
def test_a_growth_of_one_year_in_a_horizons_sentence_is_that_years(sentence):
    got = [
        (f.indicator_code, f.period_year, f.period_label, f.value)
        for f in core(f"一、“十三五”时期回顾\n{sentence}", 2021)
    ]
    assert ("fixed_asset_investment", 2020, None, 25.4) in got


def test_a_five_year_plans_goals_set_out_in_prose_are_its_targets():
    """A news item on a plan's first-year report: “十五五”时期…的主要目标是：…年均增长5%左右 came out as
    an actual of 2025 labelled 十五五; the year's targets after it are the year's, and so are those
    of an opener that names the plan it begins."""
    text = (
        "2025年全市地区生产总值增长5.2%。“十五五”时期经济社会发展的主要目标是：全市地区生产总值年均增长5%左右，"
        "到2030年达到5000亿元。今年主要预期目标是：地区生产总值增长5%左右。\n"
        "2026年是“十五五”开局之年，全市经济社会发展主要预期目标为：一般公共预算收入增长3%。\n"
    )
    got = [(f.kind, f.period_year, f.period_label, f.value) for f in core(text, 2026)]
    assert got == [
        ("actual", 2025, None, 5.2),
        ("target", 2030, "十五五", 5),
        ("target", 2030, None, 5000),
        ("target", 2026, None, 5),
        ("target", 2026, None, 3),
    ]
    fulfilled = core("“十四五”规划确定的主要目标任务胜利完成，全市地区生产总值年均增长6%。", 2026)
    assert [(f.kind, f.period_year) for f in fulfilled] == [("actual", 2025)]


@pytest.mark.parametrize(
    ("sentence", "year", "expected"),
    [
        ("“十五五”时期，全市地区生产总值年均增长5%左右。", 2026, ("target", 2030, "十五五")),
        ("“十一五”期间单位国内生产总值能耗降低20%左右。", 2006, ("target", 2010, "十一五")),  # 新华社 2006
        ("“十三五”时期城镇居民人均可支配收入年均增长7%。", 2016, ("target", 2020, "十三五")),  # was 2016's
        ("“十四五”时期，全市地区生产总值年均增长6%。", 2026, ("actual", 2025, "十四五")),  # a plan over
        ("“十四五”以来，全市地区生产总值年均增长6%。", 2023, ("actual", 2022, "十四五")),  # mid-plan review
    ],
)
def test_a_five_year_plan_beginning_in_the_reports_year_has_no_past(sentence, year, expected):
    """A plan that begins in the report's year or later cannot have actuals: its figures are its
    goals, for its last year (十五五 in a 2026 item was an actual of 2025)."""
    (fact,) = core(sentence, year)
    assert (fact.kind, fact.period_year, fact.period_label) == expected


def test_a_level_passed_after_a_growth_is_a_level():
    """襄阳 2015: 预计全年地区生产总值增长9.6%,跨上3000亿元新台阶 lost the level: the bare clause shared
    the growth's verb, and a growth of 3000亿元 is none. A figure after 突破/跨上/迈上… names its own
    measure; one after 力争 still shares the verb."""
    facts = core(REVIEW + "地区生产总值增长9.6%，跨上3000亿元新台阶；一般公共预算收入增长6.5%，力争8%。")
    assert [(f.indicator_code, f.measure, f.value, f.comparator) for f in facts] == [
        ("gdp", "growth", 9.6, "point"),
        ("gdp", "level", 3000, "at_least"),
        ("general_budget_revenue", "growth", 6.5, "point"),
        ("general_budget_revenue", "growth", 8, "point"),
    ]


def test_aspiration_only_on_targets():
    target = core(PLAN + "地区生产总值增长7%，力争实现8%。")
    assert [(f.value, f.is_aspirational) for f in target] == [(7, False), (8, True)]
    review = extract_facts(REVIEW + "争取中央预算内项目资金1.24亿元。", 2024)
    assert review and not any(f.is_aspirational for f in review)


def test_an_estimate_is_flagged_in_its_own_clause():
    facts = core(
        REVIEW + "全年地区生产总值预计完成375亿元，增长4.5%；一般公共预算收入25亿元。"
        "全社会固定资产投资预计增长8%。规模以上工业增加值增长6%，好于预计。"
    )
    assert [(f.indicator_code, f.value, f.is_estimate) for f in facts] == [
        ("gdp", 375, True),
        ("gdp", 4.5, True),
        ("general_budget_revenue", 25, False),  # 预计 inside a clause is that clause's
        ("fixed_asset_investment", 8, True),
        ("industrial_value_added", 6, False),  # compared with the estimate, not one
    ]
    assert not core(REVIEW + "社会消费品零售总额增长9%，增速比预计高1个百分点。")[0].is_estimate


@pytest.mark.parametrize(
    "opening",
    ["预计2025年，全县", "经初步核算，全年", "全年预计实现", "据统计预测，全区"],
)
def test_an_estimate_word_opening_a_sentence_heads_its_whole_list(opening):
    """陵川县 2026 (预计2025年，全县地区生产总值完成87.4亿元…；规模以上工业增加值增长16%；固定资产投资
    完成51.5亿元…): the word heads the list of the year's figures, not only its first ；-clause."""
    facts = core(
        REVIEW + opening + "地区生产总值87.4亿元，增长5%；规模以上工业增加值增长16%；"
        "一般公共预算收入完成4.2亿元。城镇新增就业3000人。"
    )
    assert [(f.indicator_code, f.is_estimate) for f in facts] == [
        ("gdp", True),
        ("gdp", True),
        ("industrial_value_added", True),
        ("general_budget_revenue", True),
        ("new_urban_jobs", False),  # the next sentence states its own
    ]


def test_a_list_of_estimates_ends_at_a_clause_with_a_counted_period():
    """…；1-11月，A；B: figures counted over months are no estimates, nor is what follows them."""
    facts = core(
        REVIEW + "预计全年实现地区生产总值1120亿元，增长5.6%；1-11月，规模以上工业增加值增长8.2%；"
        "前三季度，社会消费品零售总额增长3.4%；外贸进出口总额突破200亿元。"
    )
    assert [(f.indicator_code, f.is_estimate) for f in facts] == [
        ("gdp", True),
        ("gdp", True),
        ("industrial_value_added", False),
        ("retail_sales", False),
        ("foreign_trade", False),
    ]


def test_a_news_items_headline_of_completed_targets_opens_no_plan():
    """A county's news item headed 《政府工作报告》摘要(一):2021年全县经济社会发展各项目标任务高质量全面完成:
    目标任务 made the headline a plan heading and every 2021 figure below it a 2022 target. A
    heading ending in 完成 reports; 据统计预测 gives estimates."""
    text = (
        "《政府工作报告》摘要(一):2021年全县经济社会发展各项目标任务高质量全面完成\n"
        "1月20日，县长在作《政府工作报告》时，对2021年工作作了全面回顾。\n"
        "据统计预测，全县地区生产总值增长12.6%达92.9亿元。\n"
    )
    facts = core(text, 2022)
    assert [(f.kind, f.period_year, f.value, f.is_estimate) for f in facts] == [
        ("actual", 2021, 12.6, True),
        ("actual", 2021, 92.9, True),
    ]


def test_an_estimate_carried_on_by_xiatong_holds_for_the_rest_of_the_review():
    facts = core(
        REVIEW
        + "预计（下同）全年地区生产总值增长5.5%。\n（一）项目建设。固定资产投资增长5%。\n"
        + PLAN
        + "地区生产总值增长6%左右。"
    )
    assert [(f.kind, f.value, f.is_estimate) for f in facts] == [
        ("actual", 5.5, True),
        ("actual", 5, True),
        ("target", 6, False),
    ]


def test_targets_are_never_estimates():
    assert not any(f.is_estimate for f in core(PLAN + "预计全年地区生产总值增长6%左右。"))


def test_longrange_goal_is_a_target_for_its_own_year():
    f = one(PLAN + "到2035年，地区生产总值达到2000亿元。", 2024)
    assert (f.kind, f.period_year, f.section, f.measure) == ("target", 2035, "longrange", "level")


def test_target_not_set_is_recorded():
    facts = [f for f in extract_facts(PLAN + "今年不设具体经济增长目标。", 2024) if f.target_not_set]
    assert len(facts) == 1
    assert (facts[0].indicator_code, facts[0].kind, facts[0].value) == ("gdp", "target", None)


def test_a_report_without_plan_gives_no_targets():
    text = REVIEW + "全市地区生产总值增长5.5%。一般公共预算收入增长8%。过去一年，城镇新增就业7307人。"
    facts = extract_facts(text, 2024)
    assert facts and all(f.kind == "actual" for f in facts)
    assert not has_plan_section(text)


def test_share_of_gdp_is_not_gdp():
    facts = extract_facts(PLAN + "数字经济核心产业增加值占地区生产总值比重为14%左右。", 2024)
    assert facts and all(f.indicator_code is None for f in facts)


def test_change_in_an_amount_is_not_a_level():
    assert extract_facts(REVIEW + "争取各类资金25亿元，较去年增加10亿元。", 2024)[-1].value == 25


@pytest.mark.parametrize(
    "trap",
    [
        "全县“三区三线”4划定工作全面完成",
        "推进“5020”项目建设",
        "构建“6 2 x”现代特色产业体系",
        "在第十七届人民代表大会第三次会议上",
        "根据〔2023〕5号文件",
        "2023年1月5日召开",
        "S104公路和G4复线建成",
        "建设220KV变电站",
        "围绕“2+1+N”产业体系",
        "第37位",
        "两个统筹和三个高地",
    ],
)
def test_traps_give_no_fact(trap):
    assert extract_facts(PLAN + trap + "。", 2024) == []


def test_chinese_numerals_as_quantities():
    qs = find_quantities("完成投资三千万元，新增就业两万人，一人一档")
    assert [(q.value_std, q.unit_std) for q in qs] == [(3e7, "元"), (20000, "人")]


def test_chinese_numeral_amounts_keep_their_unit_as_written():
    """四十九点五亿美元 was lost (the numeral swallowed 亿 and cn2an cannot read 四十九点五亿) and
    四百六十多亿元 too (多 ended the numeral); the rest came out in 元 (二千零一十五亿元 as
    201500000000 元). Found on a news item on Xinjiang's 2004 report."""
    qs = find_quantities(
        "生产总值二千零一十五亿元，零售总额四百六十多亿元，进出口四十九点五亿美元，突破千亿元"
    )
    assert [(q.value, q.unit, q.value_std, q.approx_more) for q in qs] == [
        (2015, "亿元", 2.015e11, False),
        (460, "亿元", 4.6e10, True),
        (49.5, "亿美元", 4.95e9, False),
        (1000, "亿元", 1e11, False),  # a bare magnitude after 突破: a thousand 亿元 (was 1e11 元)
    ]
    facts = core(PLAN + "城市居民人均可支配收入增长百分之六点八；社会消费品零售总额四百六十多亿元。")
    assert [(f.indicator_code, f.value, f.unit, f.comparator) for f in facts] == [
        ("urban_income", 6.8, "%", "point"),  # 城市居民: the older name
        ("retail_sales", 460, "亿元", "at_least"),
    ]


def test_a_year_in_chinese_numerals_dates_its_figures():
    """二〇二二年 and 二00四年 (zeros typed as digits) are years: the figure after one is that
    year's, as after 2022年."""
    facts = core(REVIEW + "二〇二二年，全县地区生产总值增长5%。二00四年，全县地区生产总值增长9%。")
    assert [(f.period_year, f.value) for f in facts] == [(2022, 5), (2004, 9)]
    assert arabic_years("二〇二二年和二00四年，十二〇〇年") == "2022年和2004年，十二〇〇年"


def test_percentages_in_chinese_numerals():
    # 百分之十二 is how 12% is said; it was skipped as a bare magnitude (千亿元级), and 零点五个百分点
    # had no unit at all.
    qs = find_quantities("收入增长百分之十二，投资增长百分之十，失业率下降零点五个百分点，完成百分之百")
    assert [(q.value, q.unit_std) for q in qs] == [(12, "%"), (10, "%"), (0.5, "个百分点"), (100, "%")]
    text = PLAN + "地区生产总值增长百分之六点五左右，城镇调查失业率控制在百分之五点五以内。"
    assert [(f.indicator_code, f.value, f.comparator) for f in core(text, 2024)] == [
        ("gdp", 6.5, "around"),
        ("urban_unemployment_surveyed", 5.5, "at_most"),
    ]
    facts = core(PLAN + "固定资产投资增长百分之六到百分之七。", 2024)
    assert [(f.value, f.value_std_high, f.comparator) for f in facts] == [(6, 7, "range")]


def test_percent_words_before_arabic_digits():
    """A news agency's 2007 item: 增长目标是百分之8左右, 控制在百分之4.6以内; 百分之 before Arabic digits
    made no figure at all, and 增长目标是 no name."""
    qs = find_quantities("控制在百分之4.6以内，增长百分之6到百分之7，百分之8")
    assert [(q.value, q.value_std_high, q.unit_std) for q in qs] == [
        (4.6, None, "%"),
        (6, 7, "%"),
        (8, None, "%"),
    ]
    text = (
        "【中新社北京3月5日电】国务院总理今天表示，2007年国内生产总值增长目标是百分之8左右。\n"
        "他在政府工作报告中还提出，城镇登记失业率控制在百分之4.6以内。\n"
    )
    facts = core(text, 2007)
    assert [(f.indicator_code, f.kind, f.period_year, f.value, f.comparator) for f in facts] == [
        ("gdp", "target", 2007, 8, "around"),
        ("urban_unemployment_registered", "target", 2007, 4.6, "at_most"),
    ]


def test_rates_per_mille():
    facts = extract_facts(PLAN + "人口自然增长率控制在6‰以内。", 2024)
    assert [(f.indicator_name, f.measure, f.value, f.unit_std, f.comparator) for f in facts] == [
        ("人口自然增长率", "level", 6, "‰", "at_most")
    ]


def test_a_blanked_figure_still_names_the_growth_after_it():
    # Published copies blank some figures out; the growth after the blank was lost (no subject).
    text = (
        REVIEW + "全县地区生产总值XX亿元，增长5.2%；一般公共预算收入**亿元，增长6%；"
        "城镇居民人均可支配收入○○元、农村居民人均可支配收入○○元，分别增长5%、7%。"
    )
    assert [(f.indicator_code, f.value, f.unit) for f in core(text, 2024)] == [
        ("gdp", 5.2, "%"),
        ("general_budget_revenue", 6, "%"),
        ("urban_income", 5, "%"),
        ("rural_income", 7, "%"),
    ]
    assert extract_facts(REVIEW + "全县地区生产总值XX亿元，粮食产量**万吨。", 2024) == []


def test_a_target_list_of_label_colon_value_lines():
    # 财政税收：3000万元以上 (a township's list of targets): the label is before the colon, and the
    # list mark (1., （2）, ③) is no part of the name. Nothing was read from such a list.
    text = PLAN + (
        "主要目标：\n1.财政税收：3000万元以上；\n（2）固定资产投资：增长8%；\n"
        "③农村居民人均可支配收入：增长7%左右；\n主要预期目标是：增长6%左右。"
    )
    facts = extract_facts(text, 2024)
    assert [(f.indicator_code or f.indicator_name, f.measure, f.value, f.comparator) for f in facts] == [
        ("财政税收", "level", 3000, "at_least"),
        ("fixed_asset_investment", "growth", 8, "point"),
        ("rural_income", "growth", 7, "around"),
    ]


def test_thousands_separated_by_a_full_width_comma():
    # Word turns 1,234.5 into 1，234.5: the GDP level was lost and 500万美元 went to 就业.
    qs = find_quantities("新增城镇就业7，230人，地区生产总值1，234.5亿元，实际利用外资3，500万美元")
    assert [(q.value_std, q.unit_std) for q in qs] == [(7230, "人"), (1.2345e11, "元"), (3.5e7, "美元")]
    # Not a strict group: a year, then a number; an ordinal, then a number.
    assert [q.value for q in find_quantities("2023，500名干部下沉，排名第3，200家企业")] == [500, 200]


def test_offsets_point_at_the_figure():
    text = PLAN + "地区生产总值增长7.7%左右。"
    f = one(text)
    assert text[f.char_start : f.char_end] == "7.7%" and text[f.char_start : f.char_end] in f.sentence


def test_five_year_horizons_from_headings():
    text = (
        "一、过去五年工作回顾\n五年来，全省地区生产总值年均增长6.5%。\n"
        "二、今后五年的主要目标任务\n地区生产总值年均增长6%左右。\n"
        "三、2023年重点工作\n地区生产总值增长7%左右。\n"
    )
    assert [(f.kind, f.period_year, f.section, f.value) for f in core(text, 2023)] == [
        ("actual", 2022, "review", 6.5),
        ("target", 2027, "longrange", 6),
        ("target", 2023, "plan", 7),
    ]


def test_five_year_plan_headings_are_horizons():
    """A report in a plan's first year reviews the last plan and sets the next one's goals."""
    text = (
        "一、“十二五”时期工作回顾\n全州地区生产总值由2010年的77亿元跃升到2015年的161.1亿元，"
        "年均增长13.8%；一般公共预算收入由5.9亿元增加到15.5亿元。\n"
        "二、“十三五”时期的主要目标\n地区生产总值年均增长9%以上。\n"
        "三、2016年重点工作\n地区生产总值增长9%左右。\n"
    )
    got = [(f.kind, f.period_year, f.period_label, f.section, f.value) for f in core(text, 2016)]
    # The levels are their years' (no label); the average growth is the span's.
    assert got == [
        ("actual", 2010, None, "review", 77),  # the change's start: before, a word of a place
        ("actual", 2015, None, "review", 161.1),  # its end: before, a long-tail figure 跃升
        ("actual", 2015, "十二五", "review", 13.8),
        ("actual", 2010, None, "review", 5.9),  # five years before its end, not one
        ("actual", 2015, None, "review", 15.5),
        ("target", 2020, "十三五", "longrange", 9),
        ("target", 2016, None, "plan", 9),
    ]
    # A heading that names a year too leaves each figure to say which it is.
    text = "一、2020年和“十三五”时期工作回顾\n地区生产总值增长3.2%。\n二、2021年工作安排\n"
    assert [(f.period_year, f.period_label) for f in core(text, 2021)] == [(2020, None)]


@pytest.mark.parametrize("heading", ["一、本届政府工作总结", "一、十五届人民政府工作回顾"])
def test_a_review_of_the_governments_term_looks_back_five_years(heading):
    """南昌 2021 (a congress's first session): 一、本届政府工作总结 over 地区生产总值年均增长7.6%; the
    average had no label, so it read as the year's growth. 正蓝旗 2022: 十五届人民政府工作回顾."""
    text = (
        f"{heading}\n本届政府任期的五年，地区生产总值年均增长7.6%。全市一般公共预算收入由52亿元增加到80亿元。\n"
        "二、2021年工作安排\n"
    )
    got = [(f.period_year, f.period_label, f.value) for f in core(text, 2021)]
    assert got == [(2020, "过去五年", 7.6), (2015, None, 52), (2020, None, 80)]
    # With a year of its own the heading leaves each figure to say which it is.
    mixed = text.replace(heading, "一、2020年及本届政府工作回顾")
    first = core(mixed, 2021)[0]
    assert (first.period_year, first.period_label) == (2020, None)


def test_one_figure_for_a_coordination_is_the_wholes():
    """城乡居民 with one figure and no 分别 is all residents' income: neither urban nor rural. Before,
    the level went to urban income and the growth to rural income, two false facts."""
    facts = extract_facts(REVIEW + "城乡居民人均可支配收入2.41万元，增长6.2%。", 2024)
    assert [(f.indicator_code, f.indicator_name, f.value) for f in facts] == [
        (None, "城乡居民人均可支配收入", 2.41),
        (None, "城乡居民人均可支配收入", 6.2),
    ]


def test_growth_since_a_base_year_is_dated_to_its_end():
    """较2015年分别增长…: the change from 2015 to the year reviewed, listed over named subjects."""
    text = (
        "一、“十三五”时期工作回顾\n2020年全市实现生产总值1210亿元、一般公共预算收入52.3亿元，"
        "较2015年分别增长31.2%、8.4%。\n二、2021年工作安排\n"
    )
    got = [(f.indicator_code, f.measure, f.period_year, f.period_label, f.value) for f in core(text, 2021)]
    assert got == [
        ("gdp", "level", 2020, None, 1210),  # 2020's levels, under the 十三五 heading
        ("general_budget_revenue", "level", 2020, None, 52.3),
        ("gdp", "growth", 2020, "较2015年", 31.2),  # before: a long-tail figure named 较, in 2015
        ("general_budget_revenue", "growth", 2020, "较2015年", 8.4),
    ]


def test_second_respectively_restarts_the_coordination():
    facts = core(REVIEW + "城乡居民人均可支配收入分别达到4.2万元、2.1万元，分别增长5%、7%。", 2024)
    assert [(f.indicator_code, f.measure, f.value) for f in facts] == [
        ("urban_income", "level", 4.2),
        ("rural_income", "level", 2.1),
        ("urban_income", "growth", 5),
        ("rural_income", "growth", 7),
    ]


@pytest.mark.parametrize("joiner", ["和", "、"])
def test_a_second_list_without_its_own_subject_restarts_the_coordination(joiner):
    # Before, both growth figures went to the rural indicator: the urban one was a false fact.
    sentence = f"城镇和农村常住居民人均可支配收入分别达到81230元{joiner}42760元,增长5.2%{joiner}6.7%。"
    assert [(f.indicator_code, f.measure, f.value) for f in core(REVIEW + sentence, 2024)] == [
        ("urban_income", "level", 81230),
        ("rural_income", "level", 42760),
        ("urban_income", "growth", 5.2),
        ("rural_income", "growth", 6.7),
    ]


@pytest.mark.parametrize("name", ["规模以上工业企业增加值", "规上工业企业增加值"])
def test_industrial_value_added_named_by_its_enterprises(name):
    fact = one(REVIEW + f"全县{name}增长8%。")
    assert (fact.indicator_code, fact.measure, fact.value) == ("industrial_value_added", "growth", 8)


@pytest.mark.parametrize("name", ["农牧民人均可支配收入", "农村牧区常住居民人均可支配收入"])
def test_rural_income_as_pastoral_regions_name_it(name):
    fact = one(REVIEW + f"{name}12480元。")
    assert (fact.indicator_code, fact.measure, fact.value) == ("rural_income", "level", 12480)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("全省经济增长6%左右。", 6), ("经济增速达到6.5%。", 6.5), ("经济增速回落至5.2%。", 5.2)],
)
def test_a_percent_after_a_name_that_says_growth_is_gdp_growth(sentence, value):
    # Before, the percent was read as a "level" of 经济增长 and fell to the long tail.
    fact = one(PLAN + sentence)
    assert (fact.indicator_code, fact.measure, fact.value) == ("gdp", "growth", value)


def test_a_share_of_economic_growth_is_not_gdp_growth():
    (fact,) = extract_facts(REVIEW + "对全省经济增长的贡献保持在40%左右。", 2024)
    assert fact.indicator_code is None


def test_an_indicator_of_another_place_is_not_the_reports():
    own = frozenset({"广东省", "广东"})
    text = REVIEW + "广东地区生产总值达到12.8万亿元，广州经济总量突破2.9万亿元。"
    facts = extract_facts(text, 2024, own_places=own)
    assert [(f.indicator_code, f.indicator_name, f.value) for f in facts] == [
        ("gdp", "地区生产总值", 12.8),
        (None, "广州经济总量", 2.9),  # before, a second GDP level of Guangdong
    ]


@pytest.mark.parametrize(
    ("own", "expected"),
    [
        # a street's report: the district's GDP, though 实现 stands between its name and the indicator
        (frozenset({"牛市口街道"}), [(None, 1352.6), (None, 6.3), ("general_budget_revenue", 2.86)]),
        (frozenset({"锦江区", "锦江"}), [("gdp", 1352.6), ("gdp", 6.3), ("general_budget_revenue", 2.86)]),
    ],
)
def test_a_place_named_before_the_verb_of_an_indicator_qualifies_it(own, expected):
    text = REVIEW + "全年，锦江区实现地区生产总值1352.6亿元、同比增长6.3%，街道完成一般公共预算收入2.86亿元。"
    facts = extract_facts(text, 2024, own_places=own)
    assert [(f.indicator_code, f.value) for f in facts] == expected


def test_own_place_words_hold_the_short_name():
    from transforms.metadata import extract_meta
    from transforms.regions import own_place_words, resolve_region

    text = "2024年广东省政府工作报告\n各位代表：全省经济稳中向好。\n"
    region = resolve_region(extract_meta(text, text), text).region
    assert {"广东省", "广东"} <= own_place_words(region)


@pytest.mark.parametrize(
    "sentence",
    [
        "海洋生产总值突破1.8万亿元。",
        "机电产品出口增长8%。",
        "跨境电商进出口增长20%。",
        "园区税收收入增长9%。",
        "限上社会消费品零售总额增长9.7%。",  # 限额以上: the larger retailers only
        "企业生产总值年增长18%以上。",  # a town's firms' output (东龙镇 2015)
        "完成规模以上企业生产总值11.14亿元。",
        "合同利用外资增长20%。",  # contracted, not used (实际利用外资)
        "保税物流中心（B型）进出口额增长31.4%。",  # a note between the zone and the name (渝北 2021)
        "产业集聚区完成规模以上工业增加值38.6亿元。",  # a zone before the verb (固始 2013)
        "鄂尔多斯装备制造基地实现工业增加值86.2亿元。",  # a base (鄂尔多斯 2012)
        "装备制造基地力争实现工业增加值120亿元。",  # 力争 between the base and the verb
        "羊排村农村常住居民人均可支配收入达到15860元。",  # a village's (西江镇 2019)
    ],
)
def test_a_sector_or_zone_before_an_indicator_makes_a_part_of_it(sentence):
    (fact,) = extract_facts(REVIEW + sentence, 2024)
    assert fact.indicator_code is None


def test_places_listed_before_one_name_each_have_a_figure_of_their_own():
    """鄂尔多斯 2012: the third of three banners listed before 地区生产总值 took the name as the
    report's own (the first two, bare place names, were long tail)."""
    facts = extract_facts(
        REVIEW + "全市地区生产总值完成3206.4亿元。准格尔旗、东胜区、伊金霍洛旗地区生产总值分别达到878亿元、"
        "706亿元和552亿元，达拉特旗、乌审旗分别达到318亿元和296亿元。",
        2012,
    )
    assert [(f.indicator_code, f.value) for f in facts] == [
        ("gdp", 3206.4), (None, 878), (None, 706), (None, 552), (None, 318), (None, 296)
    ]  # fmt: skip
    own = extract_facts(REVIEW + "全市地区生产总值、一般公共预算收入分别增长8%和9%。", 2012)
    assert [f.indicator_code for f in own] == ["gdp", "general_budget_revenue"]


def test_a_figure_converted_to_another_currency_is_the_same_indicators():
    """人均GDP达到16.1万元，折合2.49万美元: the dollar figure is the same level's (鄂尔多斯 2012)."""
    facts = core(REVIEW + "据初步核算，人均GDP达到16.1万元，折合2.49万美元。", 2012)
    assert [(f.indicator_code, f.value, f.unit, f.is_estimate) for f in facts] == [
        ("gdp_per_capita", 16.1, "万元", True), ("gdp_per_capita", 2.49, "万美元", True)
    ]  # fmt: skip


@pytest.mark.parametrize("base", ["比2014年农民人均纯收入7015元", "比2014年的7015元"])
def test_the_base_of_a_change_written_with_its_year_is_that_years_level(base):
    """西江镇 2019: 比2014年农民人均纯收入7015元增加5665元 put the 7015 in 2018."""
    facts = core(
        REVIEW.replace("2023", "2018") + f"农村常住居民人均可支配收入达到12680元，{base}增加5665元。", 2019
    )
    assert [(f.value, f.period_year) for f in facts] == [(12680, 2018), (7015, 2014)]


def test_a_sector_before_the_verb_is_no_part():
    """规上工业企业实现工业增加值: the firms above the scale are the indicator's own, not a zone."""
    fact = one(REVIEW + "规上工业企业实现工业增加值28亿元。")
    assert (fact.indicator_code, fact.value) == ("industrial_value_added", 28)


def test_a_quarter_between_the_name_and_its_figure_keeps_the_name():
    """渝北 2021: each growth of the sentence was long tail, the name followed by 一季度 (a period
    qualifier, as 前三季度 was) and the next clause's 由负转正 (a predicate) read as names."""
    facts = extract_facts(
        REVIEW + "地区生产总值一季度同比下降6.8%，上半年由负转正、增长0.9%，前三季度增长3.2%；"
        "预计全年实现地区生产总值2010亿元左右。",
        2024,
    )
    assert [(f.indicator_code, f.period_label, f.value) for f in facts] == [
        ("gdp", "一季度", -6.8),
        ("gdp", "上半年", 0.9),
        ("gdp", "前三季度", 3.2),
        ("gdp", None, 2010),
    ]


def test_a_paragraph_that_aims_to_achieve_a_figure_is_the_plans():
    """桂林 2016 news item, no headings: 努力实现规模以上工业增加值增长9%-9.5% was a 2015 actual."""
    text = (
        "该市今年主要施政目标包括:地区生产总值增长8%-8.5%。\n"
        "以高新技术产业为龙头加快发展现代工业,努力实现规模以上工业增加值增长9%-9.5%。\n"
    )
    facts = core(text, 2016)
    assert [(f.indicator_code, f.kind, f.period_year, f.is_aspirational) for f in facts] == [
        ("gdp", "target", 2016, False),
        ("industrial_value_added", "target", 2016, True),
    ]


@pytest.mark.parametrize("each", ["同步增长9%", "均增长9%"])
def test_one_figure_after_a_list_is_each_subjects(each):
    """获嘉 2011: 城镇居民家庭人均可支配收入、农民人均纯收入分别达到10558元、6238元,同步增长9% gave both
    levels and the growth to rural income (the statistics' old name for urban income was unknown)."""
    text = REVIEW + f"城镇居民家庭人均可支配收入、农民人均纯收入分别达到10558元、6238元,{each}。"
    assert [(f.indicator_code, f.measure, f.value) for f in core(text)] == [
        ("urban_income", "level", 10558),
        ("rural_net_income", "level", 6238),
        ("urban_income", "growth", 9),
        ("rural_net_income", "growth", 9),
    ]
    averaged = text.replace(each, "年均增长9%")  # an average, not 均: the figure stays the last's
    assert [f.indicator_code for f in core(averaged)][2:] == ["rural_net_income"]


def test_a_list_of_changes_in_amounts_gives_no_level():
    """和县 2014: 城乡居民收入分别达到27907元和12320元,分别增长907元和1117元 gave rural income a level of
    1117 元: the first change was known as one, the second, after 和, was not."""
    text = REVIEW + "城乡居民收入分别达到27907元和12320元,分别增长907元和1117元,增长3.4%和9.9%。"
    assert [(f.indicator_code, f.measure, f.value) for f in core(text)] == [
        ("urban_income", "level", 27907),
        ("rural_income", "level", 12320),
        ("urban_income", "growth", 3.4),
        ("rural_income", "growth", 9.9),
    ]


def test_a_two_year_span_labels_its_totals():
    """固始 2013, in the middle of the 十二五: 两年来，累计… is the span's total, not the plan's."""
    facts = extract_facts(
        REVIEW + "“十二五”以来，全县生产总值年均增长11.4%。两年来，累计完成全社会固定资产投资295.5亿元，"
        "“十二五”规划确定的主要指标大多达到时序进度。",
        2024,
    )
    assert [(f.indicator_code, f.period_label, f.period_year) for f in facts] == [
        ("gdp", "十二五", 2023),
        ("fixed_asset_investment", "两年来", 2023),
    ]


def test_a_clause_without_a_figure_names_the_subject_of_the_figure_after_it():
    """景东 2023: 社会消费品零售总额增长1.4%，地方一般公共预算收入扣除留抵退税，同口径增长9.9% gave
    the 9.9 % to retail sales, the last subject with a figure."""
    facts = extract_facts(
        REVIEW + "社会消费品零售总额增长1.4%，地方一般公共预算收入扣除留抵退税，同口径增长9.9%，"
        "地区生产总值375亿元，居全省第三，增长4.5%。",
        2024,
    )
    assert [(f.indicator_code, f.value) for f in facts] == [
        ("retail_sales", 1.4),
        ("general_budget_revenue", 9.9),
        ("gdp", 375),
        ("gdp", 4.5),  # a clause naming no indicator leaves the subject as it was
    ]


def test_industrial_value_added_of_enterprises_above_scale_is_the_indicator():
    """规模以上企业工业增加值 is 规模以上工业增加值 written out, not a firms' part of it."""
    fact = one(REVIEW + "规模以上企业工业增加值完成50.2亿元。")
    assert (fact.indicator_code, fact.value) == ("industrial_value_added", 50.2)


def test_growth_in_times_is_a_growth_in_percent():
    """增长1.2倍 is a rise of 120 %: before, the figure was dropped, not even kept as long tail."""
    fact = one(REVIEW + "外贸进出口总额增长1.2倍。")
    assert (fact.indicator_code, fact.measure, fact.value, fact.unit) == (
        "foreign_trade",
        "growth",
        1.2,
        "倍",
    )
    assert (fact.value_std, fact.unit_std) == (120, "%")
    # A multiple of a past level is a level, not a change.
    (fact,) = extract_facts(REVIEW + "地区生产总值是十年前的2.5倍。", 2024)
    assert (fact.indicator_code, fact.measure, fact.value_std, fact.unit_std) == (None, "level", 2.5, "倍")


def test_a_multiple_of_a_base_period_is_long_tail_under_the_level_it_follows():
    """神农架 2012 (…14.3亿元，是2006年的2.1倍) gave long-tail facts named 是 dated 2006; 北京 2016
    (…年均增长21.1%，是“十一五”末的2.6倍) a core budget revenue growth of 260 %; and the figure
    after a multiple lost its subject (…5.2万亿元，是“十一五”时期的2.6倍，年均增长18%)."""
    facts = extract_facts(
        REVIEW + "全区完成地区生产总值14.3亿元，是2006年的2.1倍；一般公共预算收入15.5亿元，年均增长21.1%，"
        "是“十一五”末的2.6倍；工业增加值5.3亿元，农业增加值7亿元，分别是“十五”期间的4.9倍和2.5倍；"
        "固定资产投资5.2万亿元，是“十一五”时期的2.6倍，年均增长18%。",
        2024,
    )
    assert [(f.indicator_code, f.indicator_name, f.measure, f.value, f.period_year) for f in facts] == [
        ("gdp", "地区生产总值", "level", 14.3, 2023),
        (None, "地区生产总值", "level", 2.1, 2023),
        ("general_budget_revenue", "一般公共预算收入", "level", 15.5, 2023),
        ("general_budget_revenue", "一般公共预算收入", "growth", 21.1, 2023),
        (None, "一般公共预算收入", "level", 2.6, 2023),
        ("industrial_value_added", "工业增加值", "level", 5.3, 2023),
        (None, "农业增加值", "level", 7, 2023),
        (None, "工业增加值", "level", 4.9, 2023),
        (None, "农业增加值", "level", 2.5, 2023),
        ("fixed_asset_investment", "固定资产投资", "level", 5.2, 2023),
        (None, "固定资产投资", "level", 2.6, 2023),
        ("fixed_asset_investment", "固定资产投资", "growth", 18, 2023),
    ]


def test_two_indicators_named_before_one_figure_share_it():
    """上海 2019: 城镇调查失业率和登记失业率稳定在4.3%左右 gave the registered rate only."""
    facts = core(PLAN + "城镇调查失业率和登记失业率稳定在4.3%左右。")
    assert [(f.indicator_code, f.value, f.comparator) for f in facts] == [
        ("urban_unemployment_surveyed", 4.3, "around"),
        ("urban_unemployment_registered", 4.3, "around"),
    ]


def test_she_ling_is_retail_sales():
    """社零, the short name street and news reports use (杭州上城区 2023: 社零实现145.98亿元)."""
    facts = core(REVIEW + "社零实现145.98亿元，增长5%。社零额增长6%。")
    assert [(f.indicator_code, f.measure, f.value) for f in facts] == [
        ("retail_sales", "level", 145.98),
        ("retail_sales", "growth", 5),
        ("retail_sales", "growth", 6),
    ]


def test_a_magnitude_without_its_base_takes_the_indicators_base():
    """社零实现145.98亿 (杭州上城 street office 2023), 突破1.2万亿: news and street reports drop 元
    and 人. The indicator's one base fills it in; with two bases (trade: 元 or 美元), with no
    indicator, or before a word that may be a base the table lacks (10万羽), nothing comes out."""
    facts = extract_facts(
        REVIEW + "社零实现145.98亿，同比增长8.2%。全年地区生产总值突破1.2万亿，增长5.5%。"
        "新增城镇就业1.3万，养殖家禽10万羽。进出口总额1200亿，增长2%。常住人口120万。",
        2024,
    )
    assert [
        (f.indicator_code, f.measure, f.value, f.unit, f.value_std, f.unit_std, f.comparator) for f in facts
    ] == [
        ("retail_sales", "level", 145.98, "亿", 1.4598e10, "元", "point"),
        ("retail_sales", "growth", 8.2, "%", 8.2, "%", "point"),
        ("gdp", "level", 1.2, "万亿", 1.2e12, "元", "at_least"),
        ("gdp", "growth", 5.5, "%", 5.5, "%", "point"),
        ("new_urban_jobs", "level", 1.3, "万", 13000, "人", "point"),
        ("foreign_trade", "growth", 2, "%", 2, "%", "point"),
    ]


def test_a_two_year_mean_growth_is_labelled_and_names_nothing():
    """国内生产总值增长8.1%，两年平均增长5.1% (reports of 2021): the mean since 2019 is a figure of
    its own, labelled so the met rule never compares it with the year's target. It was a second
    growth of the year, or a long-tail figure named 两."""
    facts = extract_facts(
        REVIEW + "全年GDP达1.2万亿元，比上年增长8.1%，两年平均增长5.1%；社会消费品零售总额增长12.5%，"
        "两年平均增长3.9%。全县生产总值三年平均增长6.2%。",
        2024,
    )
    assert [(f.indicator_code, f.measure, f.value, f.period_label) for f in facts] == [
        ("gdp", "level", 1.2, None),
        ("gdp", "growth", 8.1, None),
        ("gdp", "growth", 5.1, "两年平均"),
        ("retail_sales", "growth", 12.5, None),
        ("retail_sales", "growth", 3.9, "两年平均"),
        ("gdp", "growth", 6.2, "三年平均"),
    ]


def test_taiwan_and_hong_kong_media_wording_of_the_national_report():
    """鉅亨網 on the 2026 report (after OpenCC): 国内生产毛额 is GDP, 消费者物价指数 is CPI, 兆 is
    10^12, and a heading 过去 5 年 is the span 过去五年. GDP, the grain output in 兆斤 and the
    CPI target were lost, and the five years' figures were the year's."""
    text = (
        "一、2025年工作回顾\n国内生产毛额增长5%\n粮食产量达到1.43兆斤\n过去5年\n国内生产毛额年均增长5.4%\n"
        "城镇新增就业累计超过6,000万人\n三、2026年经济社会发展总体要求和政策取向\n经济增长4.5%—5%\n"
        "消费者物价指数升幅2%左右\n粮食产量1.4兆斤左右\n"
    )
    facts = core(text, 2026)
    assert [(f.indicator_code, f.kind, f.value_std, f.unit_std, f.period_label) for f in facts] == [
        ("gdp", "actual", 5, "%", None),
        ("grain_output", "actual", 1.43e12, "斤", None),
        ("gdp", "actual", 5.4, "%", "过去五年"),
        ("new_urban_jobs", "actual", 6e7, "人", "过去五年"),
        ("gdp", "target", 4.5, "%", None),
        ("cpi", "target", 2, "%", None),
        ("grain_output", "target", 1.4e12, "斤", None),
    ]
    assert [(q.unit, q.unit_std) for q in find_quantities("装机容量500兆瓦")] == [("兆瓦", "兆瓦")]
    # 5年来 and 未来5年 open a sentence as 五年来 and 未来五年 do; 1-5月 keeps its digits.
    assert [
        f.period_label for f in core(REVIEW + "5年来，全县地区生产总值年均增长8.1%。1-5月，税收收入增长6%。")
    ] == [
        "五年来",
        "1-5月",
    ]
    assert [f.period_label for f in core(PLAN + "未来5年，全市生产总值年均增长6%以上。")] == ["未来五年"]


def test_a_growth_after_a_changes_end_is_not_of_the_year_it_started():
    """镇康 2026: 城镇常住居民人均可支配收入从2020年的30338元提高到39138元、年均增长5.2%: the growth
    after the end (joined by 、, not a comma) took 2020, the start's year."""
    facts = core(f"{REVIEW}五年来，城镇常住居民人均可支配收入从2018年的30338元提高到39138元、年均增长5.2%。")
    assert [(f.measure, f.value, f.period_year, f.period_label) for f in facts] == [
        ("level", 30338, 2018, None),
        ("level", 39138, 2023, None),
        ("growth", 5.2, 2023, "五年来"),
    ]


def test_last_year_opening_a_sentence_dates_it_wherever_it_stands():
    """A wiki's summary of the 2009 report, with no review heading: 去年国内生产总值超过30万亿元，比上年
    增长9%；财政收入6.13万亿元 were targets of 2009. A clause of 今年 keeps the plan year, and
    今年预期增长 names nothing (it was long tail named 预期)."""
    facts = core(f"{PLAN}去年国内生产总值超过30万亿元，比上年增长9%；财政收入6.13万亿元，增长19.5%。")
    assert [(f.kind, f.period_year) for f in facts] == [("actual", 2023)] * 4
    facts = core(f"{PLAN}报告说，去年全市生产总值增长7%，今年预期增长6%左右。")
    assert [(f.indicator_code, f.kind, f.period_year, f.value) for f in facts] == [
        ("gdp", "actual", 2023, 7),
        ("gdp", "target", 2024, 6),
    ]
    # 黄海农场 2016, a news item: …取得了显著经济效益，去年实现国内生产总值4.4亿元 inside the sentence too.
    facts = core(f"{PLAN}农场取得了显著经济效益，去年实现国内生产总值4.4亿元，今年力争增长10%。")
    assert [(f.kind, f.period_year) for f in facts] == [("actual", 2023), ("target", 2024)]
    # 去年同期 is the base of a comparison, not the year the figure is of.
    assert [f.period_year for f in core(f"{PLAN}去年同期，全县生产总值增长8%。")] == [2024]


def test_a_figure_of_some_of_the_places_counted_before_it_is_not_the_reports():
    """海南 2009: 8个市县城镇固定资产投资增速超过50% came out as the province's investment growth."""
    facts = extract_facts(
        f"{REVIEW}8个市县城镇固定资产投资增速超过50%。新增规上企业12家，固定资产投资增长8%。", 2024
    )
    assert [(f.indicator_code, f.value) for f in facts if f.unit == "%"] == [
        (None, 50),
        ("fixed_asset_investment", 8),
    ]


def test_a_base_years_label_is_a_changes_not_a_levels():
    """湖北 2008: 财政总收入1115亿元，比2002年增长1.56倍，其中地方一般预算收入590亿元 labelled the
    revenue level 比2002年, which kept a year's level out of the met rule."""
    facts = core(f"{REVIEW}财政总收入1115亿元，比2002年增长1.56倍，其中地方一般预算收入590亿元。")
    assert [(f.measure, f.value, f.period_label) for f in facts] == [
        ("level", 1115, None),
        ("growth", 1.56, "比2002年"),  # 倍: value_std is +156 %
        ("level", 590, None),
    ]


def test_a_zones_core_area_is_a_part_of_the_whole():
    """河南 2023: 郑洛新国家自主创新示范区核心区生产总值突破千亿元 was the province's GDP."""
    assert core(f"{REVIEW}郑洛新国家自主创新示范区核心区生产总值突破千亿元。") == []
    # 四川 2026: the totals of its economic regions and of a two-city circle were the province's GDP
    text = (
        "成渝地区双城经济圈经济总量超9万亿元，成都平原经济区经济总量达到4万亿元，"
        "川南经济区经济总量迈上万亿元台阶。"
    )
    assert core(REVIEW + text) == []


def test_an_estimate_note_after_the_figure_flags_it():
    """湖南 2011: 全省生产总值达到1.5万亿元以上（预计数） was not flagged; a note of another kind
    (现价) flags nothing."""
    (fact,) = core(f"{REVIEW}全省生产总值达到1.5万亿元以上（预计数）。")
    assert (fact.value, fact.comparator, fact.is_estimate) == (1.5, "at_least", True)
    assert [f.is_estimate for f in core(f"{REVIEW}地区生产总值120亿元（现价），增长5%。")] == [False, False]
    # 龙井 2026: 全市地区生产总值同比增长7%(预计,下同) flagged the figures after the note, not its own
    facts = core(f"{REVIEW}全市地区生产总值同比增长7%(预计,下同),一般预算地方级财政收入增长2.7%。")
    assert [(f.indicator_code, f.is_estimate) for f in facts] == [
        ("gdp", True),
        ("general_budget_revenue", True),
    ]


def test_a_span_opening_a_sentence_inside_a_part_labels_the_span_figures_after_it():
    """辽宁 2011: …圆满完成各项任务。“十一五”期间，全省地区生产总值年均增长14%，去年达到1.8万亿元。地方
    财政一般预算收入年均增长24.3%… The later sentences' 年均 and 累计 figures were the year's, and
    去年达到 named a long-tail figure 去年."""
    facts = core(
        f"{REVIEW}过去一年圆满完成各项任务。“十一五”期间，全省地区生产总值年均增长14%，去年达到1.8万亿元。"
        "地方财政一般预算收入年均增长24.3%，去年达到2004亿元。全社会固定资产投资年均增长30.5%，累计达到5.1万亿元。"
    )
    assert [(f.indicator_code, f.measure, f.value, f.period_label) for f in facts] == [
        ("gdp", "growth", 14, "十一五"),
        ("gdp", "level", 1.8, None),
        ("general_budget_revenue", "growth", 24.3, "十一五"),
        ("general_budget_revenue", "level", 2004, None),
        ("fixed_asset_investment", "growth", 30.5, "十一五"),
        ("fixed_asset_investment", "level", 5.1, "十一五"),
    ]


def test_every_countys_figure_is_not_the_wholes():
    """九江 2013: 县县财政收入过10亿元 was the city's revenue."""
    assert core(f"{REVIEW}公共财政预算收入176.15亿元，县县财政收入过10亿元。")[-1].value == 176.15


def test_a_comparator_after_a_lists_last_figure_is_every_figures():
    """陕西 2021: 城乡居民收入分别增长6.5%和8%左右 gave the urban target as a point."""
    facts = core(f"{PLAN}城乡居民人均可支配收入分别增长6.5%和8%左右，城镇新增就业1.2万人和失业率4%以内。")
    assert [(f.value, f.comparator) for f in facts] == [(6.5, "around"), (8, "around"), (1.2, "point")]
    facts = core(f"{PLAN}城乡居民人均可支配收入分别增长6%以上和8%左右。")
    assert [f.comparator for f in facts] == ["at_least", "around"]


def test_a_list_after_a_list_of_one_name_is_that_names_again():
    """人民网 on 陕西 2017: 城乡居民每人平均收入达到28400元和9400元、分别增长7.5%和8.2% gave 7.5% to
    the GDP named before (the names one by one before a bare 分别)."""
    facts = extract_facts(
        f"{REVIEW}全省生产总值1.9万亿元、增长7.6%左右，城乡居民每人平均收入达到28400元和9400元、分别增长7.5%和8.2%。",
        2024,
    )
    assert [(f.indicator_code, f.indicator_name, f.value) for f in facts][2:] == [
        (None, "城乡居民每人平均收入", 28400),
        (None, "城乡居民每人平均收入", 9400),
        (None, "城乡居民每人平均收入", 7.5),
        (None, "城乡居民每人平均收入", 8.2),
    ]


def test_a_target_recalled_in_a_review_is_a_target():
    """联合早报 on 云南 2019: 实现并超过2018年年初…提出的当年地区生产总值增长8.5%的目标 gave GDP a second
    growth of 2018, 8.5 % beside the 8.9 % it grew by."""
    facts = core(f"{REVIEW}全省地区生产总值增长8.9%，实现并超过年初提出的当年地区生产总值增长8.5%的目标。")
    assert [(f.kind, f.period_year, f.value) for f in facts] == [("actual", 2023, 8.9), ("target", 2023, 8.5)]
    assert [f.kind for f in core(f"{REVIEW}全县生产总值增长8%的好成绩。")] == ["actual"]


def test_a_list_after_a_shared_figure_goes_down_the_names_again():
    """浙江 2011: 全社会固定资产投资和社会消费品零售总额均突破万亿元，分别达到12488和10163亿元 gave
    both levels (and both growths after them) to retail sales."""
    facts = core(
        f"{REVIEW}全社会固定资产投资和社会消费品零售总额均突破万亿元，分别达到12488和10163亿元，"
        "年均增长13.3%和16.9%。"
    )
    assert [(f.indicator_code, f.value) for f in facts][2:] == [
        ("fixed_asset_investment", 12488),
        ("retail_sales", 10163),
        ("fixed_asset_investment", 13.3),
        ("retail_sales", 16.9),
    ]


def test_a_comparable_basis_without_jisuan_names_nothing():
    """北镇 2014: 公共财政预算收入实现12.24亿元，按可比口径增长2% gave a long-tail growth named 按."""
    facts = core(
        f"{REVIEW}公共财政预算收入实现12.24亿元，按可比口径增长2%。地区生产总值120亿元，按可比价格增长6%。"
    )
    assert [(f.indicator_code, f.measure) for f in facts] == [
        ("general_budget_revenue", "level"),
        ("general_budget_revenue", "growth"),
        ("gdp", "level"),
        ("gdp", "growth"),
    ]


def test_bizeng_is_a_growth():
    """鸿山镇 2021 (Fujian): 争取实现财政总收入11亿元，比增7% lost the growth (long tail named 比增)."""
    assert [f.measure for f in extract_facts(f"{REVIEW}规上战新增加值3.2亿元，同比增幅14%。", 2024)] == [
        "level",
        "growth",  # and 同比增幅 is still a growth, not a level named 幅
    ]
    facts = core(f"{PLAN}争取实现财政总收入11亿元，比增7%；固定资产投资额21.7亿元，比降8%。")
    assert [(f.indicator_code, f.measure, f.value) for f in facts] == [
        ("fiscal_revenue", "level", 11),
        ("fiscal_revenue", "growth", 7),
        ("fixed_asset_investment", "level", 21.7),
        ("fixed_asset_investment", "growth", -8),
    ]


def test_zeng_alone_is_a_growth():
    """金鸡乡 2020: 完成生产总值5.17亿元、增7% (a long-tail level named 增); 比上年增1.2亿元 is a change
    in the amount (no fact), and 新增43个 keeps its name."""
    facts = extract_facts(
        f"{REVIEW}完成生产总值5.17亿元、增7%；农民人均纯收入16842元、降10%。财政收入比上年增1.2亿元。新增43个起降点。",
        2024,
    )
    assert [(f.indicator_code, f.indicator_name, f.measure, f.value) for f in facts] == [
        ("gdp", "生产总值", "level", 5.17),
        ("gdp", "生产总值", "growth", 7),
        ("rural_net_income", "农民人均纯收入", "level", 16842),
        ("rural_net_income", "农民人均纯收入", "growth", -10),
        (None, "新增", "level", 43),
    ]


def test_a_note_in_brackets_before_a_figure_names_nothing():
    """辽阳县 2019: 地区生产总值实现127亿元，同比增长(以下简称增长)7% lost the growth (a subject named
    以下简称); 公共预算收入 is the general budget's revenue (蠡县 2016)."""
    facts = core(
        f"{REVIEW}地区生产总值实现127亿元，同比增长(以下简称增长)7%；财政总收入、公共预算收入分别完成6.1亿元、3.6亿元。"
    )
    assert [(f.indicator_code, f.measure, f.value) for f in facts] == [
        ("gdp", "level", 127),
        ("gdp", "growth", 7),
        ("fiscal_revenue", "level", 6.1),
        ("general_budget_revenue", "level", 3.6),
    ]


def test_a_plan_period_named_as_a_multiples_base_labels_nothing_after_it():
    """忠县 2021: 固定资产投资1118.85亿元，是“十二五”时期的1.2倍，年均增速达10.1% labelled the growth
    十二五, the period it is measured against, not the one it spans."""
    facts = core(f"{REVIEW}五年来，固定资产投资1118.85亿元，是“十二五”时期的1.2倍，年均增速达10.1%。")
    assert [(f.measure, f.period_label) for f in facts] == [("level", None), ("growth", "五年来")]


def test_months_already_counted_in_the_plan_years_text_are_actuals():
    """中山街道2023年上半年政府工作报告: 1-5月，全街道实现财政总收入17.81亿元 was a target of 2023."""
    facts = core("2023年是开局之年，街道坚持稳中求进、行动计划。1-5月，全街道实现财政总收入17.81亿元。", 2023)
    assert [(f.kind, f.period_year, f.period_label) for f in facts] == [("actual", 2023, "1-5月")]
    # 朝阳区's 2018年…计划上半年执行情况的报告: 上半年GDP实现2806.8亿元 was a target of 2018, as was a
    # part of the year named with the year itself.
    for text in ("上半年，GDP实现2806.8亿元。", "2018年前三季度，全区地区生产总值增长6.5%。"):
        facts = core(f"二、2018年工作安排\n{text}", 2018)
        assert [(f.kind, f.period_year) for f in facts] == [("actual", 2018)], text


def test_a_sentence_opening_with_qizhong_is_of_the_year_of_the_sentence_before():
    """东石镇 2021: 力争到2025年，全镇实现工农业总产值556.36亿元…。其中，…全社会固定资产投资12亿元 made
    the parts targets of 2021; so did 2025年全镇固定资产投资达到12亿元 in a plan."""
    facts = core(
        "二、2021年工作安排\n力争到2025年，全镇实现地区生产总值556.36亿元。其中，全社会固定资产投资12亿元；"
        "财政收入达10亿元以上。2025年全镇税收收入达到8亿元。",
        2021,
    )
    assert [(f.indicator_code, f.kind, f.period_year) for f in facts] == [
        ("gdp", "target", 2025),
        ("fixed_asset_investment", "target", 2025),
        ("fiscal_revenue", "target", 2025),
        ("tax_revenue", "target", 2025),
    ]
    facts = core(f"{REVIEW}2022年，全县财政总收入12亿元。其中，税收收入9亿元，增长5%。")
    assert [(f.indicator_code, f.period_year) for f in facts] == [
        ("fiscal_revenue", 2022),
        ("tax_revenue", 2022),
        ("tax_revenue", 2022),
    ]


def test_five_years_before_an_average_or_a_total_is_its_span_and_names_nothing():
    """湖南 2011: 财政总收入达到1862.9亿元，是2005年的2.5倍，五年年均增长20% gave a long-tail growth named
    五年 (and the two after 分别是…倍 too). The span is 五年来, unless the part names its own."""
    facts = core(
        f"{REVIEW}财政总收入达到1862.9亿元，是2005年的2.5倍，五年年均增长20%；"
        "全省生产总值1.5万亿元、人均生产总值23100元，分别是2005年的2.3倍、2.2倍，五年年均分别增长14%和13.3%。"
    )
    assert [(f.indicator_code, f.measure, f.value, f.period_label) for f in facts] == [
        ("fiscal_revenue", "level", 1862.9, None),
        ("fiscal_revenue", "growth", 20, "五年来"),
        ("gdp", "level", 1.5, None),
        ("gdp_per_capita", "level", 23100, None),
        ("gdp", "growth", 14, "五年来"),
        ("gdp_per_capita", "growth", 13.3, "五年来"),
    ]
    # 朝阳区 2016: …同比增长6.5%,五年增加1670亿元,年均增长7.9% gave the mean growth to a long tail
    # named 五年 (the absolute change, no fact, named the figure after it)
    facts = core(f"{REVIEW}地区生产总值4942亿元,同比增长6.5%,五年增加1670亿元,年均增长7.9%。")
    assert [(f.indicator_code, f.value, f.period_label) for f in facts] == [
        ("gdp", 4942, None),
        ("gdp", 6.5, None),
        ("gdp", 7.9, "五年来"),
    ]
    facts = core("一、过去五年工作回顾\n五年累计完成固定资产投资4626亿元。", 2016)
    assert [(f.period_year, f.period_label) for f in facts] == [(2015, "过去五年")]


def test_kebi_qualifies_a_growth_and_names_nothing():
    # Before, 可比年均增长9.1% was a long-tail figure named 可比.
    facts = core(REVIEW + "固定资产投资186.4亿元，可比年均增长9.1%。")
    assert [(f.measure, f.value) for f in facts] == [("level", 186.4), ("growth", 9.1)]


@pytest.mark.parametrize("name", ["人均地区生产总值", "人均GDP", "人均生产总值", "人均国内生产总值"])
def test_per_capita_gdp_is_its_own_indicator_not_gdp(name):
    (fact,) = extract_facts(REVIEW + f"{name}达到8万元。", 2024)
    assert (fact.indicator_code, fact.value_std) == ("gdp_per_capita", 80000)
    (fact,) = extract_facts(REVIEW + f"{name}达到1.2万美元。", 2024)  # 武侯区 2016
    assert (fact.indicator_code, fact.value_std, fact.unit_std) == ("gdp_per_capita", 12000, "美元")


def test_a_growth_since_a_five_year_plans_end_is_a_growth():
    """武侯区 2016: 分别比“十一五”末增长68.7%、76.6% gave two long-tail levels named 长 (比 was left
    before 增 once the plan's end was taken out, and 比增 is a verb)."""
    text = f"{REVIEW}地区生产总值795.2亿元、人均地区生产总值达到1.2万美元，分别比“十一五”末增长68.7%、76.6%。"
    assert [(f.indicator_code, f.measure, f.value) for f in core(text)] == [
        ("gdp", "level", 795.2),
        ("gdp_per_capita", "level", 1.2),
        ("gdp", "growth", 68.7),
        ("gdp_per_capita", "growth", 76.6),
    ]


def test_a_pastoral_banners_urban_and_pastoral_incomes_are_urban_and_rural():
    """新巴尔虎左旗 2018: 城镇、牧区常住居民人均可支配收入分别达到24683元和19649元 gave the second to
    the all-resident income and the first to a long tail named 城镇."""
    text = (
        f"{REVIEW}城镇、牧区常住居民人均可支配收入分别达到24683元和19649元，增长7.9%和8.5%。"
        "牧民人均可支配收入增长9%。"
    )
    assert [(f.indicator_code, f.value) for f in core(text)] == [
        ("urban_income", 24683),
        ("rural_income", 19649),
        ("urban_income", 7.9),
        ("rural_income", 8.5),
        ("rural_income", 9),
    ]


def test_a_line_dated_in_the_review_year_does_not_open_the_plan():
    # A layout that leaves 2023年是…之年。 on a line of its own read it as a plan heading.
    text = "一、2023年工作回顾\n2023年是全面贯彻党的二十大精神的开局之年。\n地区生产总值增长5%。\n"
    text += "2024年是实施“十四五”规划的攻坚之年。\n地区生产总值增长6%左右。\n"
    facts = [(f.kind, f.period_year, f.value) for f in core(text)]
    assert facts == [("actual", 2023, 5), ("target", 2024, 6)]


def test_a_review_subheading_with_a_plan_word_does_not_open_the_plan():
    text = REVIEW + "（二）重点工作扎实推进\n地区生产总值增长5%。\n"
    text += "二、2024年工作安排\n地区生产总值增长6%左右。\n"
    assert [(f.kind, f.value) for f in core(text)] == [("actual", 5), ("target", 6)]


def test_class_labels_are_not_figures():
    assert extract_facts(PLAN + "建成醴陵东220千伏等变电站，新建10万吨级码头。", 2024) == []


# Found by the three reports written blind for the gold set (tests/gold/README.md).


@pytest.mark.parametrize(
    "heading",
    [
        "二、2024年工作目标",
        "二、今年的主要目标",
        "二、2024年发展目标",
        "2024年目标:",
        "二、2024年工作计划",
        "二、2024年工作设想",
    ],
)
def test_a_goals_heading_opens_the_plan(heading):
    facts = core(f"{REVIEW}地区生产总值增长5.3%。\n{heading}\n地区生产总值增长6.5%。")
    assert [(f.kind, f.value) for f in facts] == [("actual", 5.3), ("target", 6.5)]


_UNDATED_REVIEW = "一、过去一年工作回顾\n"


@pytest.mark.parametrize(
    ("review", "heading"),
    [
        (REVIEW, "三、扎实做好2024年各项工作"),
        (REVIEW, "二、对2024年政府工作的建议"),
        (REVIEW, "二、2024年政府工作任务"),
        (REVIEW, "三、全力以赴推动2024年经济社会高质量发展"),
        (REVIEW, "二、2024年主要工作"),  # 主要工作 reviews, but not a year after the one reviewed
        (REVIEW, "三、扎实做好今年各项工作"),
        (_UNDATED_REVIEW, "三、扎实做好今年各项工作"),
        (_UNDATED_REVIEW, "二、对2024年政府工作的建议"),
    ],
)
def test_a_numbered_part_dated_after_the_review_opens_the_plan(review, heading):
    """Before, each of these left the plan's figures in the review, as actuals of 2023."""
    facts = core(f"{review}地区生产总值增长5.3%。\n{heading}\n地区生产总值增长6%左右。")
    assert [(f.kind, f.period_year, f.value) for f in facts] == [("actual", 2023, 5.3), ("target", 2024, 6)]


def test_headings_are_read_head_final():
    """完成情况 ends the heading: a review of last year's targets, not a plan."""
    text = "一、2023年主要目标任务完成情况\n地区生产总值增长5.3%。\n二、2024年工作安排\n地区生产总值增长6%。"
    assert [(f.kind, f.value) for f in core(text)] == [("actual", 5.3), ("target", 6)]


@pytest.mark.parametrize(
    ("review", "plan"),
    [
        ("一、“十一五”时期回顾和2010年工作", "二、2011年工作安排"),  # 辽宁 2011
        ("一、四次会议确定的目标任务执行情况", "二、2012年工作安排"),  # 陕西 2012
        ("一、2011年国民经济和社会发展计划执行情况", "二、2012年计划草案"),
    ],
)
def test_a_review_heading_naming_the_years_work_or_its_execution_reviews(review, plan):
    """辽宁 2011's 回顾和2010年工作 (2010年工作 heads a plan when it stands alone) and 陕西 2012's
    目标任务执行情况 opened the plan: every figure of the review was a target of the report's year.
    Two years in one heading (2010年工作回顾和2011年工作) still give the later its plan."""
    text = f"{review}\n地区生产总值增长14%。\n{plan}\n地区生产总值增长10%。"
    assert [(f.kind, f.period_year, f.value) for f in core(text, 2012)] == [
        ("actual", 2011, 14),
        ("target", 2012, 10),
    ]
    text = "一、2011年工作回顾和2012年工作\n地区生产总值增长10%。"
    assert [(f.kind, f.period_year) for f in core(text, 2012)] == [("target", 2012)]


def test_a_numbered_heading_run_into_its_paragraph_opens_its_part():
    """A page whose lines were collapsed: the heading and its first paragraph share a line."""
    text = (
        "一、2023年工作回顾2023年是关键之年，我们持续推进改革，加快推进项目建设，全年地区生产总值"
        "增长4.8%。（一）工业稳中有进，规上工业增加值增长6%。\n"
        "二、2024年工作思路2024年是攻坚之年，地区生产总值增长6%左右。"
    )
    facts = [(f.kind, f.period_year, f.value) for f in core(text)]
    assert facts == [("actual", 2023, 4.8), ("actual", 2023, 6), ("target", 2024, 6)]
    # Undated, a numbered sentence of the review that holds a plan word opens nothing.
    text = REVIEW + "三、重点工作扎实推进，地区生产总值增长4.8%。\n"
    assert [(f.kind, f.value) for f in core(text)] == [("actual", 4.8)]


def test_a_title_naming_the_review_and_the_plan_years_opens_no_part():
    """东柳街道2023年工作总结和2024年工作思路: the title of the whole, before its review."""
    text = "某街道2023年工作总结和2024年工作思路\n" + REVIEW + "地区生产总值增长4.8%。\n"
    text += PLAN + "地区生产总值增长6%左右。\n"
    assert [(f.kind, f.value) for f in core(text)] == [("actual", 4.8), ("target", 6)]


def test_main_goals_sentence_opens_the_plan_without_a_heading():
    text = "去年地区生产总值增长5.3%。2024年全镇经济社会发展的主要目标是：地区生产总值增长6.5%。"
    assert [(f.kind, f.period_year) for f in core(text)] == [("actual", 2023), ("target", 2024)]


def test_a_news_items_headline_naming_a_target_opens_no_plan():
    # Before: the headline opened the plan, and the review below it came out as 2016 targets.
    text = (
        "今年预期目标：地区生产总值增长7.5%-8%\n"
        "大众网1月24日讯 刚刚过去的2015年，较好完成了主要目标任务。全省生产总值比上年增长8%。\n"
        "2016年主要预期目标是：地区生产总值增长7.5%-8%。\n"
    )
    facts = core(text, 2016)
    assert [(f.kind, f.period_year, f.value) for f in facts] == [
        ("target", 2016, 7.5),  # the headline restates the plan's target
        ("actual", 2015, 8),
        ("target", 2016, 7.5),
    ]
    # A fragment that opens with its plan is all plan, as before.
    text = "2016年主要预期目标是：地区生产总值增长7.5%\n城镇新增就业110万人。\n"
    assert [(f.kind, f.value) for f in core(text, 2016)] == [("target", 7.5), ("target", 110)]


def test_a_figure_for_the_report_year_is_a_target_even_where_the_split_says_review():
    facts = core(f"{REVIEW}2024年地区生产总值增长6%。")
    assert [(f.kind, f.period_year) for f in facts] == [("target", 2024)]


def test_a_figure_dated_to_a_month_of_the_report_year_stays_an_actual():
    facts = [f for f in extract_facts(f"{REVIEW}截至2024年1月底，市场主体达到12万户。", 2024)]
    assert [(f.kind, f.period_year) for f in facts] == [("actual", 2024)]


def test_same_basis_growth_keeps_the_subject():
    """同口径增长: growth on a comparable basis, of the revenue named before it."""
    facts = core(f"{REVIEW}一般公共预算收入完成110.5亿元，同口径增长6.3%。")
    assert [(f.indicator_code, f.measure, f.value) for f in facts] == [
        ("general_budget_revenue", "level", 110.5),
        ("general_budget_revenue", "growth", 6.3),
    ]
    assert one(f"{PLAN}一般公共预算收入同口径增长5%。").indicator_code == "general_budget_revenue"


def test_a_duration_before_a_figure_keeps_the_subject():
    facts = core(f"{REVIEW}粮食总产量达到312.4万吨，连续5年稳定在300万吨以上。")
    assert [(f.indicator_code, f.value, f.comparator) for f in facts] == [
        ("grain_output", 312.4, "point"),
        ("grain_output", 300, "at_least"),
    ]


def test_real_growth_is_named_without_its_qualifier():
    (fact,) = extract_facts(f"{REVIEW}全国居民人均可支配收入实际增长6.1%。", 2024)
    assert fact.indicator_name == "居民人均可支配收入"


def test_planned_amounts_are_named_without_the_verb():
    names = [
        f.indicator_name
        for f in extract_facts(f"{PLAN}赤字率拟按3%安排。中央预算内投资拟安排7000亿元。", 2024)
    ]
    assert names == ["赤字率", "中央预算内投资"]


def test_a_bare_magnitude_is_a_figure_only_after_a_verb_of_reaching_it():
    fact = one(f"{REVIEW}社会消费品零售总额突破千亿元。")
    assert (fact.indicator_code, fact.value_std, fact.comparator) == ("retail_sales", 1e11, "at_least")
    assert find_quantities("打造两个千亿元产业集群") == []
    assert find_quantities("连跨两个万亿元台阶") == []


def test_a_lone_magnitude_after_a_verb_of_reaching_it_is_one_of_it():
    """农村居民人均纯收入首次突破万元 (county reports): 万 alone was never a figure, so neither
    it nor the 10235元 after it (whose clause names nothing) came out."""
    facts = core(f"{REVIEW}农村居民人均纯收入首次突破万元，达到10235元。带动就业近千人。")
    assert [(f.indicator_code, f.value_std, f.unit_std, f.comparator) for f in facts] == [
        ("rural_net_income", 1e4, "元", "at_least"),
        ("rural_net_income", 10235, "元", "point"),
    ]
    assert [(q.value, q.unit) for q in find_quantities("带动就业近千人")] == [(1000, "人")]
    # A class (万元GDP能耗, 超亿元项目) or a lone magnitude after any other word is still no figure.
    classes = find_quantities("万元GDP能耗下降3%，人均纯收入上万元，超亿元项目52个")
    assert [q.unit for q in classes] == ["%", "个"]


def test_a_figure_whose_clause_names_nothing_takes_the_one_indicator_named_before_it():
    """社会消费品零售总额首次迈上百亿台阶，达到103亿元: the name is in the clause before, which
    holds no figure. Clauses of words only give nothing; two indicators named together give a list
    as long (一般公共预算收入和税收收入齐头并进，分别达到12亿元和9亿元), the two named together in
    their clause after a third in a clause of its own too; three together before two figures nothing."""
    facts = core(
        f"{REVIEW}社会消费品零售总额首次迈上百亿台阶，达到103亿元，增长8%。"
        "全县地区生产总值在经济下行压力持续加大的情况下，达到120.5亿元。"
        "面对复杂严峻的形势，全县上下团结一心，实现120亿元。"
        "一般公共预算收入和税收收入齐头并进，分别达到12亿元和9亿元。"
        "在地区生产总值增速放缓的情况下，一般公共预算收入和税收收入，分别达到13亿元和10亿元。"
        "地区生产总值、一般公共预算收入和税收收入稳步提高，分别达到14亿元和11亿元。"
    )
    assert [(f.indicator_code, f.measure, f.value) for f in facts] == [
        ("retail_sales", "level", 103),
        ("retail_sales", "growth", 8),
        ("gdp", "level", 120.5),
        ("general_budget_revenue", "level", 12),
        ("tax_revenue", "level", 9),
        ("general_budget_revenue", "level", 13),
        ("tax_revenue", "level", 10),
    ]


def test_pm25_concentration():
    (fact,) = extract_facts(f"{REVIEW}PM2.5平均浓度下降到31微克/立方米。", 2024)
    assert (fact.indicator_name, fact.value, fact.unit_std) == ("PM2.5平均浓度", 31, "μg/m³")


def test_an_adjusted_basis_keeps_the_subject():
    facts = core(f"{REVIEW}一般公共预算收入3280.7亿元，扣除留抵退税因素后增长6.4%。")
    assert [(f.indicator_code, f.measure, f.value) for f in facts] == [
        ("general_budget_revenue", "level", 3280.7),
        ("general_budget_revenue", "growth", 6.4),
    ]


def test_stepping_onto_a_level_is_at_least_that_level():
    facts = core(f"{PLAN}今后五年，全省生产总值年均增长6%左右，到2027年迈上7万亿元台阶。")
    assert [(f.measure, f.value, f.comparator, f.period_year) for f in facts] == [
        ("growth", 6, "around", 2028),
        ("level", 7, "at_least", 2027),
    ]


def test_from_and_to_name_both_figures_by_their_subject():
    facts = extract_facts(f"{REVIEW}高新技术企业数量由5300家增加到2.5万家。", 2024)
    assert [(f.indicator_name, f.value_std) for f in facts] == [
        ("高新技术企业数量", 5300),
        ("高新技术企业数量", 25000),
    ]


@pytest.mark.parametrize(
    ("sentence", "code", "value"),
    [
        ("万元GDP能耗下降3%。", "energy_intensity", -3),
        ("万元地区生产总值能耗下降2.8%。", "energy_intensity", -2.8),
        ("年均GDP能耗下降5%。", "energy_intensity", -5),  # 禹会区 2013: was GDP's fall
        ("万元GDP用水量下降5%。", None, -5),  # a ratio to GDP is never GDP
        ("单位GDP二氧化碳排放下降4%。", None, -4),
        ("每亿元投资GDP产出达到1.17亿元。", None, 1.17),  # an output per investment, not GDP
        ("亩均GDP产出达到120万元。", None, 120),  # per area
        ("每平方公里GDP达到5亿元。", None, 5),
        ("地均GDP达到3亿元。", None, 3),
        ("每年GDP增长8%。", "gdp", 8),  # 每年 is no unit of a ratio
        ("年均GDP增长8%。", "gdp", 8),  # nor is a mean over years
        ("平均GDP增速达到8%。", "gdp", 8),
        ("固定资产投资（不含农户）增长9.1%。", "fixed_asset_investment", 9.1),  # a note in brackets
        ("一般公共预算收入（地方口径）增长8%。", "general_budget_revenue", 8),
    ],
)
def test_ratios_to_gdp_and_bracketed_notes(sentence, code, value):
    (fact,) = extract_facts(REVIEW + sentence, 2024)
    assert (fact.indicator_code, fact.value) == (code, value)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "规上工业增加值、固定资产投资分别增长8%、10%。",
            [("industrial_value_added", 8), ("fixed_asset_investment", 10)],
        ),
        (
            "社会消费品零售总额和外贸进出口总额分别增长7%和12%。",
            [("retail_sales", 7), ("foreign_trade", 12)],
        ),
        (
            "地区生产总值375亿元、一般公共预算收入20亿元，分别增长4.5%、6%。",
            [("gdp", 375), ("general_budget_revenue", 20), ("gdp", 4.5), ("general_budget_revenue", 6)],
        ),
        (
            "城镇常住居民人均可支配收入48620元，农村常住居民人均可支配收入27310元，分别增长5.0%和6.9%。",
            [("urban_income", 48620), ("rural_income", 27310), ("urban_income", 5), ("rural_income", 6.9)],
        ),
        (
            "规上工业增加值和固定资产投资均增长8%，社会消费品零售总额增长6%。",
            [("industrial_value_added", 8), ("fixed_asset_investment", 8), ("retail_sales", 6)],
        ),
        # Figures that share one unit: before, 7.2 alone came out, as the urban figure.
        (
            "城镇、农村居民人均可支配收入分别增长5.1和7.2%。",
            [("urban_income", 5.1), ("rural_income", 7.2)],
        ),
        (
            "一般公共预算收入、税收收入分别增长8.5、7.2%。",
            [("general_budget_revenue", 8.5), ("tax_revenue", 7.2)],
        ),
        (
            "城镇和农村居民人均可支配收入分别达到4.2和2.1万元。",
            [("urban_income", 4.2), ("rural_income", 2.1)],
        ),
        # A coordination built from its parts (reference/indicators.yaml coordination_parts).
        (
            "城镇常住居民和农牧民人均可支配收入分别增长6.8%和8.1%。",
            [("urban_income", 6.8), ("rural_income", 8.1)],
        ),
        # Signed figures in the list (a town's summary): the second sign was a dash before.
        (
            "全年实现地区生产总值41.7亿元，一般公共预算收入1.6亿元，同比分别-3.8%、-12.5%。",
            [
                ("gdp", 41.7),
                ("general_budget_revenue", 1.6),
                ("gdp", -3.8),
                ("general_budget_revenue", -12.5),
            ],
        ),
    ],
)
def test_a_list_of_figures_goes_to_its_list_of_indicators_in_order(sentence, expected):
    assert [(f.indicator_code, f.value) for f in core(REVIEW + sentence)] == expected


def test_a_list_before_each_with_a_subject_outside_the_lexicon_keeps_its_order():
    # Before: all three figures went to one long-tail subject named after the whole list.
    facts = extract_facts(
        PLAN + "城镇登记失业率、居民消费价格涨幅和人口自然增长率分别控制在4.2%、3%、2.5‰以内。", 2024
    )
    assert [(f.indicator_code, f.indicator_name, f.value, f.comparator) for f in facts] == [
        ("urban_unemployment_registered", "城镇登记失业率", 4.2, "at_most"),
        ("cpi", "居民消费价格涨幅", 3, "at_most"),  # 控制在 is the whole list's
        (None, "人口自然增长率", 2.5, "at_most"),
    ]


def test_the_words_of_a_later_item_do_not_measure_the_first_figure_of_a_list():
    # 涨幅 ends the list, not the words before 4.2 %: before, the unemployment rate was read as a
    # growth and lost its indicator.
    facts = core(PLAN + "城镇登记失业率和居民消费价格涨幅分别控制在4.2%和3%以内。")
    assert [(f.indicator_code, f.measure, f.value) for f in facts] == [
        ("urban_unemployment_registered", "level", 4.2),
        ("cpi", "growth", 3),
    ]


def test_town_and_country_written_apart_is_the_coordination():
    facts = core(PLAN + "城、乡居民人均可支配收入分别增长8%、9%。")
    assert [(f.indicator_code, f.value) for f in facts] == [("urban_income", 8), ("rural_income", 9)]


@pytest.mark.parametrize(
    ("sentence", "code", "value"),
    [
        ("全县GDP增速回落至5.2%。", "gdp", 5.2),  # the rate reached, not a level of GDP
        ("规上工业增加值增幅提高到8%。", "industrial_value_added", 8),
        ("固定资产投资降幅收窄至2%。", "fixed_asset_investment", -2),
    ],
)
def test_a_named_rate_after_a_level_marker_is_growth(sentence, code, value):
    fact = one(REVIEW + sentence)
    assert (fact.indicator_code, fact.measure, fact.value) == (code, "growth", value)


def test_a_stated_earlier_year_and_the_possessive_keep_the_subject():
    facts = core(f"{REVIEW}地区生产总值由2017年的1200亿元增加到2022年的1800亿元。")
    assert [(f.period_year, f.value) for f in facts] == [(2017, 1200), (2022, 1800)]


def test_listed_figures_share_the_unit_after_the_last():
    q = find_quantities("分别高于全省1.3、0.9和0.8个百分点，达到4.2和2.1万元")
    assert [(x.value, x.unit, x.value_std) for x in q] == [
        (1.3, "个百分点", 1.3),
        (0.9, "个百分点", 0.9),
        (0.8, "个百分点", 0.8),
        (4.2, "万元", 42000),
        (2.1, "万元", 21000),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "地铁1和2号线建成，新增就业1.2万人",
        "2022和2023年分别增长5%",
        "S104和G4公路总投资3亿元",
        "第1和2名奖金5万元",
        "第1、2批项目投资5亿元",
    ],
)
def test_numbers_that_list_no_quantity_take_no_unit(text):
    assert len(find_quantities(text)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The first end of a change is the level the span began from, not a second level of the
        # year reported (before: two GDP levels for 2023).
        (REVIEW + "地区生产总值由1200亿元增加到1800亿元。", [("actual", 2022, 1200), ("actual", 2023, 1800)]),
        (
            "一、过去五年工作回顾\n地区生产总值由1200亿元增加到1800亿元。",
            [("actual", 2018, 1200), ("actual", 2023, 1800)],
        ),
        (
            "三、今后五年目标任务\n地区生产总值由1800亿元增加到2500亿元。",
            [("actual", 2023, 1800), ("target", 2028, 2500)],
        ),
        (PLAN + "一般公共预算收入由2.1亿元增至2.5亿元。", [("actual", 2023, 2.1), ("target", 2024, 2.5)]),
        # A year of its own stays with the first end and is not the second's.
        (
            REVIEW + "地区生产总值由2017年的1200亿元增加到1800亿元。",
            [("actual", 2017, 1200), ("actual", 2023, 1800)],
        ),
    ],
)
def test_a_change_written_as_its_two_ends(text, expected):
    assert [(f.kind, f.period_year, f.value) for f in core(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 七星关区 2021: before, both ends of each list stood in 2016, the second end urban.
        (
            "一、过去五年工作回顾\n城镇、农村常住居民人均可支配收入从2016年的26681元、7821元增长到36500元、12800元。",
            [
                ("urban_income", "actual", 2016, 26681),
                ("rural_income", "actual", 2016, 7821),
                ("urban_income", "actual", 2023, 36500),
                ("rural_income", "actual", 2023, 12800),
            ],
        ),
        (
            REVIEW + "城乡居民人均可支配收入分别由3.1万元和1.5万元增加到3.3万元和1.6万元。",
            [
                ("urban_income", "actual", 2022, 3.1),
                ("rural_income", "actual", 2022, 1.5),
                ("urban_income", "actual", 2023, 3.3),
                ("rural_income", "actual", 2023, 1.6),
            ],
        ),
    ],
)
def test_a_list_of_changes_pairs_each_start_with_the_end_in_its_place(text, expected):
    assert [(f.indicator_code, f.kind, f.period_year, f.value) for f in core(text)] == expected


@pytest.mark.parametrize("note", ["（预计，下同）", "(预计,下同)", "（预计数、下同）"])
def test_a_note_in_brackets_after_the_name_marks_the_estimates_below(note):
    """神农架 2020: 全区实现地区生产总值(预计,下同)30.7亿元 — the note's comma cut the name off its
    figure (GDP lost), and the figures after it were not flagged as estimates."""
    facts = core(
        REVIEW + f"全区实现地区生产总值{note}30.7亿元，增长7.5%。完成一般公共预算收入5.2亿元，增长2.4%。"
    )
    assert [(f.indicator_code, f.value, f.is_estimate) for f in facts] == [
        ("gdp", 30.7, True),
        ("gdp", 7.5, True),
        ("general_budget_revenue", 5.2, True),
        ("general_budget_revenue", 2.4, True),
    ]


def test_a_note_in_brackets_that_is_no_estimate_flags_nothing():
    """Nor did the comma of （按可比价格计算，下同） let the growth keep its name."""
    facts = core(REVIEW + "地区生产总值（按可比价格计算，下同）增长7.5%。一般公共预算收入5.2亿元。")
    assert [(f.indicator_code, f.value, f.is_estimate) for f in facts] == [
        ("gdp", 7.5, False),
        ("general_budget_revenue", 5.2, False),
    ]


def test_after_a_list_of_changes_each_goes_down_the_list_again():
    """乌镇镇 (gold): 分别由…和…增加到…和…，年均分别增长5.0%和6.4% gave both averages to the rural
    income: the ends had lost the list they belong to."""
    facts = core(
        "一、过去五年工作回顾\n城镇、农村常住居民人均可支配收入分别由2018年的61200元和33500元增加到78200元和45600元，"
        "年均分别增长5.0%和6.4%。"
    )
    assert [(f.indicator_code, f.measure, f.value) for f in facts][-2:] == [
        ("urban_income", "growth", 5.0),
        ("rural_income", "growth", 6.4),
    ]


def test_a_start_level_after_an_onward_estimate_note_is_no_estimate():
    """吉林 (gold): below 地区生产总值（预计，下同）, 从2020年的35646元 was flagged an estimate."""
    facts = core(
        REVIEW + "地区生产总值（预计，下同）14400亿元。"
        "城镇常住居民人均可支配收入从2020年的35646元增长到42800元。"
    )
    assert [(f.value, f.period_year, f.is_estimate) for f in facts] == [
        (14400, 2023, True),
        (35646, 2020, False),
        (42800, 2023, True),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 内蒙古 2001: the GDP was lost, named 国内生产总值由八五期末 (long tail)
        (
            "一、2000年工作回顾\n国内生产总值由“八五”期末的833亿元增加到2000年的1400亿元，年均递增10%。",
            [("gdp", 1995, 833), ("gdp", 2000, 1400), ("gdp", 2000, 10)],
        ),
        (
            "一、2005年工作回顾\n财政总收入由“九五”末的20亿元增加到45亿元。",
            [("fiscal_revenue", 2000, 20), ("fiscal_revenue", 2005, 45)],
        ),
    ],
)
def test_a_change_from_an_older_plans_end_starts_in_its_last_year(text, expected):
    year = int(text[2:6]) + 1
    assert [(f.indicator_code, f.period_year, f.value) for f in core(text, year)] == expected


def test_an_older_plan_in_quotes_labels_its_figures_and_fifteen_does_not():
    text = "一、2005年工作回顾\n“十五”期间，地区生产总值年均增长11%。十五届人大以来，财政总收入增长15%。"
    facts = core(text, 2006)
    assert [(f.value, f.period_label) for f in facts] == [(11, "十五"), (15, None)]


def test_from_names_nothing_before_a_figure_but_starts_names():
    facts = extract_facts(REVIEW + "城镇化率从55%提高到56.5%，从业人员达到5万人。", 2024)
    assert [f.indicator_name for f in facts] == ["城镇化率", "城镇化率", "从业人员"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A minus sign after the verb, as statistical bulletins write a fall: before, +0.5 or a
        # level named "-".
        ("全县地区生产总值261.7亿元，同比增长-0.5%。", [("gdp", "level", 261.7), ("gdp", "growth", -0.5)]),
        ("固定资产投资增长－3.2%。", [("fixed_asset_investment", "growth", -3.2)]),
        ("1-11月，规上工业增加值增长5%。", [("industrial_value_added", "growth", 5)]),  # a range's dash
        # 比上年同期 is no name: the figure keeps the subject before it.
        ("地区生产总值221.23亿元，比上年同期增长5.0%。", [("gdp", "level", 221.23), ("gdp", "growth", 5)]),
    ],
)
def test_signs_and_comparisons_with_last_year(sentence, expected):
    assert [(f.indicator_code, f.measure, f.value) for f in core(REVIEW + sentence)] == expected


def test_a_list_named_one_by_one_keeps_its_order_when_one_subject_is_not_core():
    facts = extract_facts(
        REVIEW + "全镇国内生产总值9.86亿元，乡镇企业总产值11.42亿元，分别较上年增长9%、11%。", 2024
    )
    growth = [(f.indicator_code, f.indicator_name, f.value) for f in facts if f.measure == "growth"]
    assert growth == [("gdp", "国内生产总值", 9), (None, "乡镇企业总产值", 11)]


def test_a_bare_list_after_subjects_named_one_by_one_needs_no_each():
    # Before: both growth figures went to rural income, and urban income's 9.7 % with them.
    text = REVIEW + "城镇居民人均可支配收入26738元，农民人均纯收入11986元，实际增长9.7%和13.4%。"
    growth = [(f.indicator_code, f.value) for f in core(text) if f.measure == "growth"]
    assert growth == [("urban_income", 9.7), ("rural_net_income", 13.4)]


@pytest.mark.parametrize(
    ("sentence", "value"), [("年均递增8.1%", 8.1), ("递减2%", -2)], ids=["di-zeng", "di-jian"]
)
def test_di_zeng_and_di_jian_are_growth_and_decline(sentence, value):
    facts = core(REVIEW + "国内生产总值" + sentence + "。")
    assert [(f.indicator_code, f.measure, f.value) for f in facts] == [("gdp", "growth", value)]


def test_after_each_a_comma_also_joins_the_figures_of_a_list():
    text = REVIEW + "地区生产总值375亿元，一般公共预算收入20亿元，分别较上年增长4.5%,6%。"
    growth = [(f.indicator_code, f.value) for f in core(text) if f.measure == "growth"]
    assert growth == [("gdp", 4.5), ("general_budget_revenue", 6)]


def test_a_percent_reached_by_an_indicator_without_percent_levels_is_its_growth():
    facts = core(PLAN + "地区生产总值增长7%以上，力争达到8%。")
    assert [(f.measure, f.value, f.comparator, f.is_aspirational) for f in facts] == [
        ("growth", 7, "at_least", False),
        ("growth", 8, "point", True),
    ]


def test_standard_values_carry_no_binary_noise():
    (level, _growth) = core(REVIEW + "全年地区生产总值达到1,235.6亿元，增长6.2%。实际利用外资2.3亿美元。")[:2]
    assert level.value_std == 123_560_000_000
    assert [q.value_std for q in find_quantities("2.3亿美元、0.7万人、3.5%")] == [230_000_000, 7_000, 3.5]


def test_a_range_that_starts_below_zero_keeps_both_ends():
    fact = one(REVIEW + "固定资产投资增长-1~2%。")  # before: no fact at all
    assert (fact.comparator, fact.value_std, fact.value_std_high) == ("range", -1, 2)


def test_rural_net_income_of_reports_before_2014_is_its_own_indicator():
    # 农民人均纯收入 (net income) was the rural statistic until 2013; it is not 可支配收入.
    text = (
        "一、2012年工作回顾\n城镇居民人均可支配收入21000元、农民人均纯收入8500元，分别增长12%和13.5%。\n"
        "二、2013年工作安排\n农民人均纯收入增长12%以上。"
    )
    assert [(f.indicator_code, f.kind, f.measure, f.value) for f in core(text, 2013)] == [
        ("urban_income", "actual", "level", 21000),
        ("rural_net_income", "actual", "level", 8500),
        ("urban_income", "actual", "growth", 12),
        ("rural_net_income", "actual", "growth", 13.5),
        ("rural_net_income", "target", "growth", 12),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "固定资产投资5.39亿元，其中500万元以上项目累计投资4.86亿元，10至500万元项目累计投资0.54亿元。",
        "固定资产投资5.39亿元，其中5000万元以上重大产业项目完成投资4.86亿元。",
        "固定资产投资5.39亿元，新增2000万元以上企业12家。",
    ],
)
def test_an_amount_that_sorts_projects_is_no_figure(sentence):
    # A township's report: 500万元以上 sorts the projects; after 其中 it was read as a second
    # level of 固定资产投资.
    facts = core(REVIEW + sentence)
    assert [(f.indicator_code, f.value, f.unit) for f in facts] == [("fixed_asset_investment", 5.39, "亿元")]


def test_a_count_of_households_that_sorts_groups_is_no_figure():
    """西江镇 2019: 30户以上村民组 sorts the groups a road reaches; 10个以上自然村 counts villages."""
    facts = extract_facts(
        REVIEW + "实现30户以上村民组通硬化路全覆盖；20户以上自然村通动力电。建成10个以上自然村。", 2024
    )
    assert [(f.value, f.unit) for f in facts] == [(10, "个")]


def test_a_growth_averaged_per_year_keeps_the_subject_before_it():
    f = core(REVIEW + "1997年国内生产总值达到74772亿元，按可比价格计算，平均每年增长11%。", 1998)
    got = [(x.indicator_code, x.measure, x.value) for x in f]
    assert got == [("gdp", "level", 74772), ("gdp", "growth", 11)]


def test_a_growth_net_of_named_factors_keeps_its_subject():
    # 陇县 2020: the qualifier has no 后, and the growth was lost.
    f = one(REVIEW + "预计生产总值剔除秦源煤业闭井等不可比因素增长7.8%。")
    assert (f.indicator_code, f.measure, f.value, f.is_estimate) == ("gdp", "growth", 7.8, True)


_LEAD_THEN_REPORT = (
    "关于广州市政府工作报告\n"
    "广州市十五届人大一次会议1月5日开幕，市长作政府工作报告称，2017年全市地区生产总值增长的预期目标"
    "为8%左右。下面是整理的2017年广州市政府工作报告，欢迎阅读参考！\n"
    "——2017年1月5日在广州市第十五届人民代表大会第一次会议上\n"
    "各位代表：\n"
    "一、过去五年工作回顾\n"
    "五年来，地区生产总值由2011年的1.24万亿元预计提高到1.95万亿元，年均增长9.4%；地方一般公共预算收入"
    "由960亿元增加到1371亿元。\n"
    "二、2017年工作安排\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长8%左右。\n"
)


def test_a_pages_lead_above_the_report_opens_no_plan():
    # A reposting page's lead restates the target above the salutation; the plan opened there,
    # and the whole five-year review came out as 2017 targets.
    got = [
        (f.indicator_code, f.kind, f.measure, f.period_year, f.period_label, f.value)
        for f in core(_LEAD_THEN_REPORT, 2017)
    ]
    assert got == [
        ("gdp", "target", "growth", 2017, None, 8),
        ("gdp", "actual", "level", 2011, None, 1.24),
        ("gdp", "actual", "level", 2016, None, 1.95),  # 预计 between the ends: was dated 2011
        ("gdp", "actual", "growth", 2016, "五年来", 9.4),
        ("general_budget_revenue", "actual", "level", 2011, None, 960),
        ("general_budget_revenue", "actual", "level", 2016, None, 1371),
        ("gdp", "target", "growth", 2017, None, 8),
    ]


def test_a_paragraph_opened_by_a_five_year_horizon_spans_its_changes():
    text = (
        "一、“十二五”圆满收官\n这五年，我们始终坚持发展第一要务。地区生产总值年均增长13.7%，"
        "人均生产总值达到4.92万元。城镇居民人均可支配收入达到25000元。\n"
    )
    got = [(f.indicator_code, f.measure, f.period_year, f.period_label) for f in core(text, 2016)]
    assert got == [
        ("gdp", "growth", 2015, "这五年"),
        ("gdp_per_capita", "level", 2015, None),
        ("urban_income", "level", 2015, None),
    ]


def test_the_past_five_years_with_de_open_a_span_like_without():
    """安徽 2008: 过去的五年，是…的五年。…财政收入突破千亿元，由346.7亿元增加到1034.5亿元 gave 2006 for the
    start of a five-year change, and the means no span."""
    text = (
        "一、抢抓机遇，开拓奋进的五年\n过去的五年，是经济持续较快发展的五年。全省生产总值年均增长12.2%。"
        "财政收入由346.7亿元增加到1034.5亿元。\n"
    )
    got = [(f.indicator_code, f.period_year, f.period_label, f.value) for f in core(text, 2008)]
    assert got == [
        ("gdp", 2007, "过去五年", 12.2),
        ("fiscal_revenue", 2002, None, 346.7),
        ("fiscal_revenue", 2007, None, 1034.5),
    ]


@pytest.mark.parametrize(
    ("words", "years"), [("过去四年", 4), ("过去三年", 3), ("过去五年", 5)], ids=["four", "three", "five"]
)
def test_a_review_of_a_shorter_term_labels_its_totals_and_averages(words: str, years: int) -> None:
    """东乌珠穆沁旗 2022 reviewed 过去四年 (terms realigned): 地区生产总值累计完成232.75亿元 stood as
    2021's GDP, a four-year sum as one year's level."""
    facts = core(
        f"一、{words}工作回顾\n预计全旗地区生产总值累计完成232.75亿元，年均增长3.56%；"
        "一般公共预算收入由4.1亿元增加到6.8亿元。2021年，地区生产总值增长5%。",
        2022,
    )
    assert [(f.indicator_code, f.measure, f.period_year, f.period_label, f.value) for f in facts] == [
        ("gdp", "level", 2021, words, 232.75),
        ("gdp", "growth", 2021, words, 3.56),
        ("general_budget_revenue", "level", 2021 - years, None, 4.1),  # the span's first year
        ("general_budget_revenue", "level", 2021, None, 6.8),
        ("gdp", "growth", 2021, None, 5),
    ]


@pytest.mark.parametrize("words", ["“十四五”时期，", "十四五期间，", "“十四五”期间", "“十四五”以来，"])
def test_a_five_year_plans_figures_share_the_plans_name_as_their_label(words: str) -> None:
    facts = core(REVIEW + words + "地区生产总值年均增长5.2%。", 2026)
    assert [(f.indicator_code, f.period_label, f.period_year) for f in facts] == [("gdp", "十四五", 2025)]


def test_total_fiscal_revenue_is_core_and_the_part_kept_is_not_it() -> None:
    """财政总收入 leads county and town reviews (上杭 2019: 财政收入38.74亿元…其中地方级收入26.5亿元;
    祁东 2009: 财政总收入4.9亿元…其中地方财政收入…): it was long tail."""
    facts = extract_facts(
        REVIEW + "财政总收入38.74亿元，增长4.26%，其中地方财政收入26.5亿元，增长0.9%；镇本级财政收入500万元。"
        "一般公共预算收入15.8亿元，地方公共财政收入8.06亿元。\n" + PLAN + "财政收入增长6%。",
        2024,
    )
    assert [(f.indicator_code, f.kind, f.measure, f.value) for f in facts] == [
        ("fiscal_revenue", "actual", "level", 38.74),
        ("fiscal_revenue", "actual", "growth", 4.26),
        (None, "actual", "level", 26.5),
        (None, "actual", "growth", 0.9),
        (None, "actual", "level", 500),
        ("general_budget_revenue", "actual", "level", 15.8),
        ("general_budget_revenue", "actual", "level", 8.06),  # the older name of the part kept
        ("fiscal_revenue", "target", "growth", 6),
    ]
    assert facts[2].indicator_name == "地方财政收入"


def test_a_headline_under_a_caption_restating_the_target_opens_no_plan() -> None:
    """A news item (义乌 2023): a photo's caption, then the headline 今年地区生产总值预期增长6.5%左右
    (预期增长 was no plan word: the headline's target stood as last year's growth), then the
    review and the plan."""
    text = (
        "义乌市市长作政府工作报告 记者 陈明 摄\n"
        "义乌两会|市长作政府工作报告:今年地区生产总值预期增长6.5%左右\n"
        "报告指出,过去一年,全市上下稳住了经济基本盘。预计全年实现地区生产总值1835亿元,增长3.5%。\n"
        "报告提出,今年经济社会发展的主要预期目标是:地区生产总值增长6.5%左右。\n"
    )
    assert [(f.kind, f.period_year, f.value) for f in core(text, 2023)] == [
        ("target", 2023, 6.5),
        ("actual", 2022, 1835),
        ("actual", 2022, 3.5),
        ("target", 2023, 6.5),
    ]


def test_the_level_a_change_started_from_is_no_estimate() -> None:
    """预计…人均GDP从24433元增加到36700元 (a five-year review): the start was counted long ago."""
    facts = core(
        REVIEW + "预计全年地区生产总值由2019年的300亿元增加到380亿元，增长5%；"
        "一般公共预算收入由20亿元增加到25亿元。"
    )
    assert [(f.indicator_code, f.period_year, f.value, f.is_estimate) for f in facts] == [
        ("gdp", 2019, 300, False),
        ("gdp", 2023, 380, True),
        ("gdp", 2023, 5, True),
        ("general_budget_revenue", 2022, 20, False),
        ("general_budget_revenue", 2023, 25, True),
    ]


def test_every_period_pattern_keeps_a_character_gate():
    """The period patterns run on the text before each figure only where a character they need is
    there (transforms/literals.py). A cue whose only rare character is a common one (an opening
    quote) once dropped the gate for all of them: every prefix ran every pattern."""
    from transforms.facts import _needed_chars

    needed = _needed_chars()
    assert needed.period is not None and needed.five_year_end is not None and needed.year is not None


def test_a_year_opening_a_sentence_holds_for_its_clauses_after_a_plan():
    """甘肃 2015 (香港商报): the targets first, then 据介绍，2014年甘肃省实现生产总值…，增长8.9%；固定资产
    投资…；… — every 2014 figure after the first was a 2015 target, the growth too."""
    text = (
        "工作报告明确了今年的主要预期目标：生产总值增长8%左右，固定资产投资增长20%左右。\n"
        "据介绍，2014年甘肃省实现生产总值6835.27亿元，增长8.9%；固定资产投资7759.6亿元，增长21.1%；"
        "城镇登记失业率2.19%。\n"
    )
    own = frozenset({"甘肃省", "甘肃"})  # 甘肃省实现生产总值: the report's own place, as in a run
    facts = [f for f in extract_facts(text, 2015, own_places=own) if f.indicator_code]
    assert [(f.indicator_code, f.kind, f.period_year, f.value) for f in facts] == [
        ("gdp", "target", 2015, 8),
        ("fixed_asset_investment", "target", 2015, 20),
        ("gdp", "actual", 2014, 6835.27),
        ("gdp", "actual", 2014, 8.9),
        ("fixed_asset_investment", "actual", 2014, 7759.6),
        ("fixed_asset_investment", "actual", 2014, 21.1),
        ("urban_unemployment_registered", "actual", 2014, 2.19),
    ]


@pytest.mark.parametrize("verb", ["破", "跨过", "首次跨越", "跃上"])
def test_a_round_magnitude_after_a_short_verb_of_reaching_is_a_figure(verb):
    """克什克腾旗 2025: 规模以上固定资产投资破百亿元大关，增长25% lost both figures: 百亿元 was no
    figure after 破, so the growth after it had no subject."""
    facts = core(REVIEW + f"规模以上固定资产投资{verb}百亿元大关，增长25%。")
    assert [(f.indicator_code, f.measure, f.value_std, f.comparator) for f in facts] == [
        ("fixed_asset_investment", "level", 1e10, "at_least"),
        ("fixed_asset_investment", "growth", 25, "point"),
    ]


def test_steps_passed_are_not_the_years_levels():
    """经济总量跨越了两千亿元和三千亿元两个台阶 (a five-year review): thresholds crossed, not levels."""
    assert extract_facts(f"{REVIEW}五年来，经济总量跨越了两千亿元和三千亿元两个台阶。", 2024) == []
    # 西安 2017: 生产总值连续跨越4000亿、5000亿、6000亿元大关 gave three levels of 2016
    text = "生产总值连续跨越4000亿、5000亿、6000亿元大关，达到6257.2亿元。GDP突破7000亿元大关。"
    facts = core(REVIEW + text)
    assert [(f.value, f.comparator) for f in facts] == [(6257.2, "point"), (7000, "at_least")]


@pytest.mark.parametrize("verb", ["负增长", "同比负增长"])
def test_negative_growth_is_a_decline(verb):
    """地区生产总值负增长2.1% came out as +2.1 %: the 增长 inside 负增长 was read as the verb."""
    facts = core(REVIEW + f"地区生产总值{verb}2.1%，一般公共预算收入增长3%。")
    assert [(f.indicator_code, f.value_std) for f in facts] == [("gdp", -2.1), ("general_budget_revenue", 3)]


@pytest.mark.parametrize(
    "text",
    [
        "一般公共预算收入12.3亿元，为年度预算的102.5%，同比增长4.2%。",
        "一般公共预算收入完成年初预算的98.6%，同比增长4.2%。",
    ],
)
def test_a_completion_rate_does_not_take_the_figures_after_it(text):
    """为年度预算的102.5%，同比增长4.2%: the growth went to 年度预算 (long tail), not the revenue."""
    facts = extract_facts(REVIEW + text, 2024)
    found = [(f.indicator_code, f.measure, f.value) for f in facts]
    assert ("general_budget_revenue", "growth", 4.2) in found
    rate = next(f for f in facts if f.unit == "%" and f.measure == "level")
    assert rate.indicator_code is None


@pytest.mark.parametrize(
    "sentence",
    [
        "生产总值增长目标定为6%左右。",
        "地区生产总值增长目标确定为6%左右。",
        "我们将经济增长目标设定在6%左右。",
        "我们把地区生产总值增长目标定在6%左右。",
    ],
)
def test_a_growth_target_set_by_a_verb_of_fixing_is_the_indicators(sentence):
    """生产总值增长目标定为6% came out as a long-tail level named 生产总值增长目标定."""
    (fact,) = extract_facts(PLAN + sentence, 2024)
    assert (fact.indicator_code, fact.kind, fact.measure, fact.value, fact.comparator) == (
        "gdp",
        "target",
        "growth",
        6,
        "around",
    )


def test_a_growth_since_the_start_of_the_year_keeps_the_subject():
    """年末城乡居民储蓄存款余额达到36.5亿元，比年初增长12%: the growth was named 比年初."""
    text = f"{REVIEW}年末城乡居民储蓄存款余额达到36.5亿元，比年初增长12%，较年初增长12%。"
    facts = extract_facts(text, 2024)
    assert [(f.indicator_name, f.measure) for f in facts] == [
        ("城乡居民储蓄存款余额", "level"),
        ("城乡居民储蓄存款余额", "growth"),
        ("城乡居民储蓄存款余额", "growth"),
    ]


def test_a_list_of_the_years_development_indicators_after_a_colon_opens_the_plan():
    """长春高新区 2014 (a news item): 部署2014年主要预期发展指标是:…地区生产总值实现1050亿元 came out
    as actuals of 2013, and 一般预算财政收入 as 财政总收入."""
    text = (
        "2013年全区地区生产总值实现928亿元;全口径财政收入、一般预算财政收入分别实现550.7亿元和95.8亿元。\n"
        "主任部署2014年主要预期发展指标是:地区生产总值实现1050亿元,一般预算财政收入实现100亿元。\n"
    )
    facts = core(text, 2014)
    assert [(f.indicator_code, f.kind, f.period_year, f.value) for f in facts] == [
        ("gdp", "actual", 2013, 928),
        ("fiscal_revenue", "actual", 2013, 550.7),
        ("general_budget_revenue", "actual", 2013, 95.8),
        ("gdp", "target", 2014, 1050),
        ("general_budget_revenue", "target", 2014, 100),
    ]


def test_a_pages_list_of_its_parts_opens_no_plan():
    """长春 2023, an interpretation page: 本文帮您从2022年重点工作回顾、2023年主要预期目标、2023年部分
    重点工作三部分解读… The listed 2023年主要预期目标 opened the plan, so the review's 2022 figures
    came out as targets of 2023."""
    text = (
        "在2023年1月9日举行的长春市第十六届人民代表大会第二次会议上,市长代表长春市人民政府向大会报告政府工作。\n"
        "本文帮您从2022年重点工作回顾、2023年主要预期目标、2023年部分重点工作三部分解读长春市政府工作报告。\n"
        "2022年,面对复杂严峻形势,全市经受住了重大考验。\n稳住工业基本盘,全市地区生产总值增长1.5%。\n"
        "2023年主要预期目标——地区生产总值增长6.5%左右。\n"
    )
    assert [(f.kind, f.period_year, f.value) for f in core(text, 2023)] == [
        ("actual", 2022, 1.5),
        ("target", 2023, 6.5),
    ]


def test_the_goals_of_the_next_five_years_label_the_rest_of_their_paragraph():
    """贵阳 2017, a news item: 今后五年贵阳市经济社会发展的主要目标是:围绕…更加幸福。全市生产总值年均
    增长11%左右,总量突破5500亿元 came out as actuals of 2016 (the horizon was a sentence away)."""
    text = (
        "过去五年,贵阳经济增速连续4年位居全国省会城市第一。2016年,全市生产总值增长11.7%。\n"
        "记者了解到,今后五年贵阳市经济社会发展的主要目标是:如期建成大数据综合创新试验区,人民生活更加幸福。"
        "全市生产总值年均增长11%左右,总量突破5500亿元。\n"
        "一年来,贵阳经济运行稳中有进。全市生产总值增长10%。\n"
    )
    got = [(f.kind, f.period_year, f.period_label, f.value) for f in core(text, 2017)]
    assert got == [
        ("actual", 2016, None, 11.7),
        ("target", 2021, "今后五年", 11),
        ("target", 2021, None, 5500),
        ("actual", 2016, None, 10),  # the next paragraph is not the horizon's
    ]


def test_a_lone_magnitude_keeps_its_unit_as_written():
    """社会消费品零售总额、规模工业增加值首次突破万亿元 came out as 1000000000000 元: the README
    promises the unit as written (1 万亿元; 千亿元 is 1000 亿元, 万元 1 万元)."""
    text = f"{REVIEW}社会消费品零售总额首次突破万亿元。进出口总额首破千亿元大关。农民人均纯收入首次突破万元。"
    assert [(f.value, f.unit, f.value_std) for f in core(text)] == [
        (1, "万亿元", 1e12),
        (1000, "亿元", 1e11),
        (1, "万元", 1e4),
    ]


def test_a_target_named_before_its_figure_in_a_review_is_a_target():
    """2012's news item: 2004年我国曾将GDP预期增长目标定为7% came out as an actual growth of 2004;
    财新 2013: …，CPI预期增长目标为3.5%左右 an actual of 2012. Recalled, a target is of the year
    its clause speaks of; after the plan year named in the sentence, of the plan year."""
    facts = core(
        f"{REVIEW}回顾以往，2004年我国曾将GDP预期增长目标定为7%。地区生产总值增长目标为6%，实际增长7%。"
    )
    assert [(f.kind, f.period_year, f.value) for f in facts] == [
        ("target", 2004, 7),
        ("target", 2023, 6),
        ("actual", 2023, 7),
    ]
    facts = core("会议提到，2013年国内生产总值增速目标定为7.5%左右，CPI预期增长目标为3.5%左右。", 2013)
    assert [(f.indicator_code, f.kind, f.period_year) for f in facts] == [
        ("gdp", "target", 2013),
        ("cpi", "target", 2013),
    ]
    # 星岛 on 深圳 2025, a headline: 深圳两会|本年GDP增长目标5.5% was a target of 2024
    facts = core("深圳两会|本年GDP增长目标5.5%\n会议召开。\n", 2025)
    assert [(f.kind, f.period_year) for f in facts] == [("target", 2025)]


def test_this_year_opening_a_sentence_with_an_aim_dates_its_clauses_to_the_plan_year():
    """新华社 on 2020's report: 报告指出,今年要优先稳就业保民生,…;城镇新增就业900万人以上,… came out as
    actuals of 2019. A year-end report's 今年，全镇实现… (the year it reviews) stays the review's;
    so does 今年以来. A headline's 2017中国GDP增长目标6.5%左右 is the plan year's target."""
    text = "报告指出,今年要优先稳就业保民生;城镇新增就业900万人以上,城镇调查失业率6%左右。"
    assert [(f.kind, f.period_year) for f in core(text, 2020)] == [("target", 2020), ("target", 2020)]
    for review in (
        "今年，全镇实现地区生产总值12亿元；财政收入1.2亿元。",
        "今年以来，全镇实现地区生产总值12亿元；财政收入1.2亿元。",
        "今年，全镇主要经济指标稳中有进；地区生产总值12亿元，财政收入1.2亿元。",  # 主要 sets no aim
    ):
        assert [(f.kind, f.period_year) for f in core(REVIEW + review)] == [("actual", 2023)] * 2
    (fact,) = core("2017两会 政府工作报告:2017中国GDP增长目标6.5%左右\n", 2017)
    assert (fact.kind, fact.period_year, fact.comparator) == ("target", 2017, "around")


def test_a_group_named_alone_after_an_income_is_that_groups_income():
    """全县居民人均可支配收入达到3.2万元，其中城镇居民4.5万元、农村居民2.1万元: the groups' incomes
    came out as long tails named 城镇居民 and 农村居民. Not after any other indicator."""
    text = f"{REVIEW}全县居民人均可支配收入达到3.2万元，其中城镇居民4.5万元、农村居民2.1万元。"
    assert [(f.indicator_code, f.value) for f in core(text)] == [
        ("disposable_income", 3.2),
        ("urban_income", 4.5),
        ("rural_income", 2.1),
    ]
    assert [f.indicator_code for f in extract_facts(f"{REVIEW}地区生产总值12亿元，农民2.1万人。", 2024)] == [
        "gdp",
        None,
    ]


def test_a_plan_heading_right_under_a_review_heading_lists_the_parts():
    """河北 2024, a news item: 报告分为两大部分 / 一、2023年工作回顾 / 二、2024年目标任务和主要工作 /
    回顾2023 / 全省生产总值增长5.5%… — the listed plan heading opened the plan, so the review's
    figures came out as targets of 2024. A heading with its part's text on the same line (a page
    collapsed into lines) lists nothing."""
    text = (
        "报告分为两大部分\n一、2023年工作回顾\n二、2024年目标任务和主要工作\n回顾2023\n"
        "全省生产总值增长5.5%,一般公共预算收入增长5.7%。\n2024年主要目标任务\n全省生产总值增长5.5%左右。\n"
    )
    assert [(f.kind, f.period_year) for f in core(text, 2024)] == [
        ("actual", 2023),
        ("actual", 2023),
        ("target", 2024),
    ]
    collapsed = "一、2023年工作回顾 全省生产总值增长5.5%。\n二、2024年工作计划 全省生产总值增长6%左右。\n"
    assert [f.kind for f in core(collapsed, 2024)] == ["actual", "target"]


def test_a_clause_opening_with_yuqi_is_a_target():
    """点新闻 on 广东 2024: …表示,今年(2024年)…基本趋势没有改变,预期地区生产总值增长5% was an actual
    growth of 2023. After the plan year named in its sentence it is that year's target; recalled in
    a review (2023年，预期…，实际增长5.5%) the year's; 好于预期 names none."""
    lead = "省长作报告时表示,今年(2024年)广东省发展面临的有利条件强于不利因素,预期地区生产总值增长5%。"
    assert [(f.kind, f.period_year) for f in core(lead, 2024)] == [("target", 2024)]
    review = f"{REVIEW}2023年，预期地区生产总值增长5%，实际增长5.5%。经济运行好于预期，财政收入增长6%。"
    assert [(f.kind, f.period_year, f.value) for f in core(review)] == [
        ("target", 2023, 5),
        ("actual", 2023, 5.5),
        ("actual", 2023, 6),
    ]


def test_the_past_year_opening_a_sentence_dates_it_like_last_year():
    """横沥镇 2025, a news item with its targets first: 过去一年,横沥镇实现地区生产总值238.76亿元,增长5.5%
    came out as targets of 2025."""
    text = "二、2025年工作安排\n主要预期目标为:地区生产总值增长5%。过去一年,全镇生产总值238.76亿元,增长5.5%。"
    assert [(f.kind, f.period_year, f.value) for f in core(text, 2025)] == [
        ("target", 2025, 5),
        ("actual", 2024, 238.76),
        ("actual", 2024, 5.5),
    ]


def test_a_figure_of_some_counties_named_together_is_not_the_wholes():
    """海东 2020: 乐都、民和、互助三县区GDP突破百亿元大关 was the city's GDP."""
    facts = core(f"{REVIEW}全市地区生产总值同比增长7%;乐都、民和、互助三县区GDP突破百亿元大关。")
    assert [(f.indicator_code, f.value) for f in facts] == [("gdp", 7)]


def test_a_past_year_before_a_colon_dates_the_recap_that_follows():
    """江苏 2024, a news item with its targets first: 展示了2023年江苏经济发展取得的亮眼新成绩:地区生产总值达
    12.82万亿元…。一般公共预算收入9930亿元… came out as targets of 2024, and so did the rest of the
    paragraph. A plan year's list (2024年主要预期目标:) dates nothing."""
    text = (
        "今年经济社会发展主要预期目标也定了,其中地区生产总值增长5%以上。\n"
        "报告展示了2023年全省经济发展取得的新成绩:地区生产总值达12.82万亿元、增长5.8%。"
        "一般公共预算收入9930亿元、增长7.3%。\n"
    )
    assert [(f.kind, f.period_year, f.value) for f in core(text)] == [
        ("target", 2024, 5),
        ("actual", 2023, 12.82),
        ("actual", 2023, 5.8),
        ("actual", 2023, 9930),
        ("actual", 2023, 7.3),
    ]
    facts = core("二、2024年工作安排\n2024年主要预期目标:地区生产总值增长5%。一般公共预算收入增长4%左右。")
    assert [(f.kind, f.period_year) for f in facts] == [("target", 2024)] * 2


def test_a_review_of_a_past_years_work_dates_the_paragraph_it_opens():
    """新华社 on the 2016 report: its targets first, then 李克强在回顾2015年工作时提到,…国内生产总值达到
    67.7万亿元,增长6.9% came out as targets of 2016."""
    text = (
        "李克强宣布:2016年中国经济增长预期目标6.5%-7%。\n"
        "李克强在回顾2015年工作时提到,中国经济运行保持在合理区间。国内生产总值达到67.7万亿元,增长6.9%。\n"
    )
    assert [(f.kind, f.period_year, f.value) for f in core(text, 2016)] == [
        ("target", 2016, 6.5),
        ("actual", 2015, 67.7),
        ("actual", 2015, 6.9),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "河南2005年GDP突破1万亿元，成为全国第五个GDP超1万亿元的省份。",  # 河南 2013
        "2005年GDP突破1万亿元，全市GDP超千亿元的县达到3个。",
        "2005年GDP突破1万亿元，地区生产总值超百亿元的乡镇达到5个。",
    ],
)
def test_an_amount_that_sorts_places_is_no_figure_of_the_report(sentence):
    """河南 2013: …成为全国第五个GDP超1万亿元的省份 gave a second GDP level, dated to the report's
    year before; an amount before 的省份/的县/的乡镇 sorts places, as 500万元以上项目 sorts projects."""
    facts = core(REVIEW + sentence)
    assert [(f.indicator_code, f.period_year, f.value) for f in facts] == [("gdp", 2005, 1)]


def test_a_quoted_goal_opening_with_a_later_year_dates_its_whole_list():
    """河南 2013: 提出了“2017年全省生产总值突破5万亿元,人均生产总值突破5万元,财政总收入突破5000亿元”的目标
    gave 2017 to the first figure only; the others were targets of 2013."""
    text = (
        f"{PLAN}还提出了“2028年全省生产总值突破5万亿元，人均生产总值突破5万元，"
        "财政总收入突破5000亿元”的目标。"
    )
    assert [(f.indicator_code, f.period_year, f.section) for f in core(text)] == [
        ("gdp", 2028, "longrange"),
        ("gdp_per_capita", 2028, "longrange"),
        ("fiscal_revenue", 2028, "longrange"),
    ]


def test_a_sentence_opening_with_a_goal_year_dates_the_rest_of_its_paragraph():
    """东北网 on 黑龙江's 2013 report: 到2017年,预期全省地区生产总值…翻一番以上。公共财政收入年均增长12%以上;
    全社会固定资产投资年均增长25%以上 gave actuals of 2012 (the item's paragraph has no plan cue)."""
    text = (
        "政府工作报告描绘了未来五年全省经济社会发展的美好蓝图。\n"
        "到2017年，预期全省地区生产总值和城乡居民人均收入比2010年翻一番以上。公共财政收入年均增长12%以上；"
        "全社会固定资产投资年均增长25%以上。\n"
        "2012年，全省地区生产总值增长10%。\n"
    )
    assert [(f.indicator_code, f.kind, f.period_year) for f in core(text, 2013)] == [
        ("fiscal_revenue", "target", 2017),
        ("fixed_asset_investment", "target", 2017),
        ("gdp", "actual", 2012),
    ]


def test_results_held_against_their_targets_are_a_review():
    """澎湃 on 山西 2017: …低于预期1.5个百分点…实现预期目标。城镇新增就业46.46万人,城镇登记失业率3.52%,控制
    在预期4.2%以内 was judged a plan (预期目标 a plan cue, and no review cue): targets of 2017."""
    text = (
        "省长在作政府工作报告时透露，2016年，全省地区生产总值增长4.5%左右，低于预期1.5个百分点；"
        "城乡居民人均可支配收入分别增长6%左右、6%以上，实现预期目标。城镇新增就业46.46万人，"
        "城镇登记失业率3.52%，控制在预期4.2%以内。\n"
    )
    facts = core(text, 2017)
    assert {(f.kind, f.period_year) for f in facts} == {("actual", 2016)}
    assert len(facts) == 5


def test_a_year_after_a_longer_attribution_opens_its_sentence():
    """澎湃 on 山西 2017: 澎湃新闻注意到,2014年,山西经济增速为4.9% was dated 2016 (seven characters of
    attribution, one more than were allowed)."""
    (fact,) = core(f"{REVIEW}澎湃新闻注意到，2014年，全省经济增速为4.9%，在全国排位靠后。", 2017)
    assert (fact.kind, fact.period_year, fact.value) == ("actual", 2014, 4.9)


def test_a_year_standing_as_a_clause_of_its_own_dates_the_clauses_after_it():
    """云南 2012 news item: 受…等利好因素影响,2011年,云南省实现生产总值8750.95亿元 was a target of 2012
    (the year was neither in the figure's clause nor at the sentence's head)."""
    text = (
        "2012年，云南将力争全年生产总值增长12%以上。受西部大开发等利好因素影响，2011年，"
        "云南省实现生产总值8750.95亿元，同比增长13.7%。\n"
    )
    facts = extract_facts(text, 2012, own_places=frozenset({"云南省", "云南"}))  # as in a run
    assert [(f.kind, f.period_year, f.value) for f in facts if f.indicator_code] == [
        ("target", 2012, 12),
        ("actual", 2011, 8750.95),
        ("actual", 2011, 13.7),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "5年来，全区生产总值先后突破300亿元、400亿元、500亿元，2010年达到506亿元。",  # 西藏 2011
        "五年来，全区生产总值相继突破300亿元和400亿元，2010年达到506亿元。",
    ],
)
def test_levels_passed_one_after_another_are_not_the_years(sentence):
    """西藏 2011: 生产总值先后突破300亿元、400亿元、500亿元 gave three GDP levels of 2010."""
    assert [(f.period_year, f.value) for f in core(REVIEW + sentence, 2011)] == [(2010, 506)]


def test_a_year_compared_with_is_the_base_of_the_change():
    """高埗镇 2014: 预期目标是:与2013年相比,2014年生产总值115亿元,增长9% gave the growth as 2013's."""
    text = "二、2014年工作安排\n今年提出的发展预期目标是：与2013年相比，2014年生产总值115亿元，增长9%。"
    assert [(f.kind, f.period_year, f.period_label, f.value) for f in core(text, 2014)] == [
        ("target", 2014, None, 115),
        ("target", 2014, "比2013年", 9),
    ]


def test_a_paragraph_opening_with_five_years_past_reviews():
    """池店镇 2022 (a new term's first session): 五年来,…财政收入从26.58亿元增长到32.17亿元,年均增长4.88%
    was judged a plan paragraph (推进, 提速…): the five-year review came out as targets of 2022."""
    text = (
        "昨日，池店镇第十六届人民代表大会第一次会议召开。\n"
        "五年来，池店镇坚持抓实体经济，有序推进“优二进三”，提速发展现代服务业，将加快产业转型升级。"
        "财政收入从26.58亿元增长到32.17亿元，年均增长4.88%。\n"
    )
    assert [(f.kind, f.period_year, f.value) for f in core(text, 2022)] == [
        ("actual", 2016, 26.58),
        ("actual", 2021, 32.17),
        ("actual", 2021, 4.88),
    ]


def test_a_paragraph_of_the_years_results_is_a_review_for_one_weak_plan_word():
    """A 街道's 2020 report (龙岗): 全年实现地区生产总值176亿元…将…纳入… was judged a plan paragraph
    (one 将, no review cue): the year's results came out as targets of 2021."""
    text = (
        "2020年，街道主要做了以下工作：\n"
        "全年实现地区生产总值176亿元，固定资产投资总额97.7亿元。将云创小镇纳入省级特色小镇项目库。\n"
    )
    assert {(f.kind, f.period_year) for f in core(text, 2021)} == {("actual", 2020)}


def test_in_the_past_year_opening_a_sentence_dates_it_like_last_year():
    """人民网 on 南京 2024, targets first: 在过去的一年,南京全力推动经济运行整体好转,预计全市地区生产总值增长
    4.7%左右,总量1.75万亿元左右 came out as targets of 2024."""
    text = (
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长5%以上。\n"
        "在过去的一年，全市全力推动经济运行整体好转，预计全市地区生产总值增长4.7%左右，总量1.75万亿元左右。\n"
    )
    assert [(f.kind, f.period_year, f.value) for f in core(text)] == [
        ("target", 2024, 5),
        ("actual", 2023, 4.7),
        ("actual", 2023, 1.75),
    ]


def test_a_growth_compared_with_a_year_names_its_subject():
    """2013年全镇生产总值68.6亿元，与2012年相比增长12.3% gave a long-tail growth named 与相比."""
    facts = core(f"{REVIEW}2023年全镇生产总值68.6亿元，与2022年相比增长12.3%。与上年相比，财政收入增长8%。")
    assert [(f.indicator_code, f.measure, f.period_label) for f in facts] == [
        ("gdp", "level", None),
        ("gdp", "growth", "比2022年"),
        ("fiscal_revenue", "growth", None),
    ]


def test_a_past_span_opening_a_sentence_after_the_plan_dates_it_to_the_spans_end():
    """A town's news item (written blind for the gold set): targets, then 五年来，全镇财政收入从1.62亿元
    增长到3.42亿元，年均增长16.1% — the five-year recap came out as targets of 2014."""
    text = (
        "综合考虑各方面因素，今年该镇提出的发展预期目标是：财政总收入3.8亿元，增长11%。\n"
        "五年来，全镇财政收入从1.62亿元增长到3.42亿元，年均增长16.1%。\n"
    )
    assert [(f.kind, f.period_year, f.period_label, f.value) for f in core(text, 2014)] == [
        ("target", 2014, None, 3.8),
        ("target", 2014, None, 11),
        ("actual", 2008, None, 1.62),
        ("actual", 2013, None, 3.42),
        ("actual", 2013, "五年来", 16.1),
    ]
