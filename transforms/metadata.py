"""Document metadata: title, report year and date, speaker, office and the region as named.

Reports state these in a few conventional places: the title line (2023年醴陵市政府工作报告), the
session line under it (——2023年1月5日在醴陵市第十七届人民代表大会第三次会议上), the speaker line
(市长 刘新华). Fragments have none of them; then the year comes from the plan or review heading
(2023年工作安排, 2022年工作回顾) and ``year_source`` says so.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import cache

import cn2an

import reference
from transforms.models import FIRST_REPORT_YEAR, DocMeta
from transforms.numbers import arabic_years, year_pattern
from transforms.sections import opener_year, plan_only

_HEAD_LINES = 25
# A title may write its year without 年 (镇原县2024工作报告): four digits standing alone, not
# part of a longer number or a bracketed date.
_BARE_YEAR = re.compile(r"(?<![\d(（.])((?:19|20)\d{2})(?![\d)）.])")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_SESSION = re.compile(
    r"(?P<y>(?:19|20)\d{2})年"
    r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})月(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})日"
    r"\s*(?:在|(?:举行|召开)的)(?P<place>[^\n，,。]{0,30}?)(?:第?[一二三四五六七八九十\d]+届)?(?:人民代表大会|人大(?!常委))"
)  # ——2017年1月6日在市十四届人大一次会议上: the short form too; 在2023年1月9日举行的长春市第十六届…
# ——在陇县第十七届人民代表大会第四次会议上 县长赵甲宏（2020年1月8日）: the date after the session.
_SESSION_THEN_DATE = re.compile(
    r"人民代表大会第?[一二三四五六七八九十\d]{1,3}次会议上?[^(（。]{0,24}?[(（]\s*"
    r"(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})月"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})日\s*[)）]"
)
# (2011年1月20日 徐守盛): the day and the speaker under an untitled report on 人民网's pages.
_DATED_BYLINE = re.compile(
    r"[(（]\s*(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日\s*[\u4e00-\u9fff·]{2,6}\s*[)）]"
)
# ——在金碧镇第十四届人民代表大会第七次会议上 / 镇长王 鹏 / 2025年1月3日: the date on a line below
# (never across a page's field: 发布时间:2020-05-22).
_SESSION_THEN_LINE_DATE = re.compile(
    r"人民代表大会第?[一二三四五六七八九十\d]{1,3}次会议上?[^。，,:：]{0,20}?"
    r"(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
)
_COMPACT_DATE = re.compile(r"[(（]((?:19|20)\d{2})(\d{2})(\d{2})[)）]")
_OFFICE = r"(?:国务院总理|总理|代?(?:省长|市长|县长|区长|州长|盟长|旗长|镇长|乡长|主席)|自治区主席)"
_SPEAKER = re.compile(rf"(?:^|[\s　])(?P<office>{_OFFICE})\s*(?P<name>[\u4e00-\u9fff]{{2,4}})\s*$")
# 2021年目标 on a line of its own heads a plan too.
_PLAN_YEAR = re.compile(
    r"((?:19|20)\d{2})年(?:的)?(?:工作安排|工作重点|重点工作|主要任务|工作任务|政府工作任务|主要预期目标|预期目标"
    r"|工作部署|工作计划|工作思路|工作设想|工作打算|目标任务|(?:主要)?目标\s*[:：]?\s*$)"
    # 2012年工作任务的完成，标志着…: the review's year, in prose; 2022年重点工作回顾: a review
    r"(?!的?完成|回顾|总结)",
    re.M,
)
# 2016年经济社会发展 heads a plan only when nothing stronger does: prose reviews it too (回顾了
# “十二五”时期和2015年经济社会发展，提出了…2016年重点工作).
_PLAN_YEAR_WEAK = re.compile(r"((?:19|20)\d{2})年(?:的)?经济社会发展")
# Not 2022年的主要工作 alone: a plan says that too (对2022年的主要工作作了安排部署).
_REVIEW_YEAR = re.compile(
    r"((?:19|20)\d{2})年(?:的)?(?:和今年以来)?(?:工作(?:的)?(?:简要)?回顾|工作总结|(?:主要|重点)工作(?:回顾|总结|情况|完成情况))"
)  # 一、2019年和今年以来工作回顾: a session put off to May 2020 still reviews 2019
_BASE_YEAR_MARKS = ("比", "较", "是", "由", "从")
_GOAL_YEAR_MARKS = ("到", "至", "确保")
# A page's own date among its first lines (编辑:…2018-01-24 16:20, 发布日期:2022-02-11).
_PAGE_DATE_SCAN = 1000
# A posting line writes the day as 2023年01月12日10:18 too: with a time of day, never a session's.
_POSTED_DAY = r"(\d{1,2})月\d{1,2}日\s*\d{1,2}[:：]\d{2}"  # after 年: 01月12日10:18
# A newspaper's masthead (甘孜日报 2019年01月08日): a zero-padded month is a page's, never prose's.
_PADDED_DAY = r"(0[1-9])月\d{2}日"
_PAGE_DATE = re.compile(
    rf"(?<!\d)((?:19|20)\d{{2}})(?:[-/.](\d{{1,2}})[-/.]\d{{1,2}}(?!\d)|年{_POSTED_DAY}|年{_PADDED_DAY})"
)
_MASKED_YEAR = re.compile(r"(?:19|20)[xX×＊*]{2}|[xX×＊*]{4}年")
_TIME_OF_DAY_AFTER = re.compile(f"{_POSTED_DAY}|{_PADDED_DAY}")
_AIM_BEFORE = ("力争", "争取")  # 该市力争2023年地区生产总值增长8%左右
_AIM_AFTER = re.compile(r"[，,]?[^。；;！？\n、，,]{0,24}?(?:力争|预期目标|主要目标|预期增长|草案)")
_NAMED_REPORT = re.compile(
    r"(?<!\d)((?:19|20)\d{2})年(?:度)?(?:的)?"
    r"(?:[\u4e00-\u9fff]{1,8}?[省市县区州旗镇乡](?:人民)?)?"  # 2025年广州市政府工作报告详细规划了…
    r"《?政府工作报告》?(?!确定|提出|部署|中|的|安排|目标)"
)
_NAMED_REPORT_SCAN = 400
# A news item's headline naming the congress season by its year (2022南阳两会 | 答卷2021…), or the
# year it looks back on written bare (回眸2024 ——“答卷”…): not a season whose spirit a report
# carries out (贯彻2023年全国两会精神).
_NAMED_SESSION = re.compile(r"(?<!\d)((?:19|20)\d{2})年?[\u4e00-\u9fff]{0,8}?两会(?!精神|以来|期间)")
_LOOKING_BACK = re.compile(r"(?:回眸|回望|回顾)((?:19|20)\d{2})(?![\d年])")
_PLANNED_WORK = re.compile(r"(?:安排|部署)了?((?:19|20)\d{2})年(?:的)?(?:政府)?(?:各项)?工作")
# 1998年县第十四届人民代表大会第一次会议以来, 2018年以来: where a span the text looks back on began.
_SINCE_AFTER = re.compile(r"[^，。；,;：:！？\n]{0,24}?以来")
# The review's own heading, on a line of its own: 一、2023年工作回顾.
_REVIEW_WORDS = ("工作回顾", "工作总结", "的工作回顾", "的工作总结")
_REVIEW_HEADING = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])?[ \t\u3000]*"
    # 一、“十三五”取得成就及2020年工作回顾: the plan's years, then the year's
    r"(?:“?十[一二三四五六]五”?(?:时期|期间)?[^\n，。：:]{0,6}?[和及与])?"
    # 一、2019年和今年以来工作回顾 (a session put off to May 2020): the review still names its year
    r"((?:19|20)\d{2})年(?:的)?(?:[和及](?:“?\s*十[一二三四五六]五\s*”?\s*(?:时期)?|今年以来))?(?:的)?(?:工作回顾|工作总结)",
    re.M,
)
# The day a news item on a report says it was delivered: 2015年4月27日的镇安县政府工作报告.
_DELIVERED_ON = re.compile(
    r"((?:19|20)\d{2})年(\d{1,2})月\d{1,2}日(?:[^。\n]{0,60}?政府工作报告"
    r"|[^。\n]{0,30}?人民代表大会(?!常务)[^。\n]{0,12}?(?:隆重)?(?:开幕|召开|举行))"
)  # …作政府工作报告; 2017年1月14日上午9时,山西省第十二届人民代表大会第七次会议在太原隆重开幕
# 第十三届全国人民代表大会第三次会议, 十三届全国人大三次会议; not its standing committee's sittings.
_NPC_SESSION = re.compile(
    r"第?([一二三四五六七八九十]{1,3})届全国人(?:民代表)?大(?:会)?第?([一二三四五])次会议"
)
# 黑龙江省第十四届人民代表大会第一次会议, 省十二届人大一次会议: a province-level congress's session.
_PROVINCE_SESSION = re.compile(
    r"第?([一二三四五六七八九十]{1,3})届(?:人民代表大会|人大)第?([一二三四五六七])次(?:全体)?会议"
)
_WEAK_YEAR_SOURCES = ("body", "page_date", "none")
_TITLE_REGION = re.compile(r"(?P<region>[\u4e00-\u9fff]{2,20}?)(?:人民)?政府工作报告")
_TITLE_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?:度)?|[(（][^)）]*[)）]")
# The report's name and a bracket right after it (政府工作报告（2024年）); what a title says after
# that is a news headline's words, whose year is not the report's.
_REPORT_NAME = re.compile(r"^.*报告》?(?:\s*[(（][^)）]*[)）])?")
_TAG = re.compile(r"^(?:\[[^\]]{1,8}\]|【[^】]{1,8}】)")
_BREADCRUMB = (">", "»", "位置", "首页")
# Fields of a disclosure page's header table (组配分类: 政府工作报告 文件编号:): a category, not a title.
_PAGE_FIELDS = (
    *("分类", "栏目", "类别", "体裁", "索引号", "文件编号", "发文字号", "文号", "发布机构"),
    *("名称:", "名称："),  # 名称: 2007年政府工作报告 文号: …
    "分享到",  # the share buttons' label above the title
    *("查阅更多", "查看更多", "阅读更多"),  # (点击查阅更多2011年地方政府工作报告): a link to others
    "工作报告汇编",  # 20xx年各省政府工作报告汇编(577900字): a compilation's page, not this report
)
# A page's posting line (发布时间:…, 责任编辑:…): never the region and year of the title below it.
_POSTING_FIELDS = ("发布时间", "发布日期", "责任编辑", "来源:", "来源：")
# What a reposting site appends to a title: 湖北省2011年政府工作报告000, 2011浙江省工作报告_第1页,
# 2021年青海省《政府工作报告》(附全文)发布时间:2021-02-2210:16.
_TITLE_TAIL = re.compile(r"(?:_第\d+页|(?<=报告)\d+|[（(]附?全文[)）]|(?:发布时间|发布日期|来源)[:：].*)$")
# The speaker's own party committee is the last leader named: 在区委、区政府和街道党工委的坚强领导下.
_LED_BY_SUBUNIT = re.compile(r"[和及、](?:街道党工委|街道党委|[镇乡]党委)(?:的)?(?:坚强|正确|有力)?领导下")
_STATE_COUNCIL_SELF = re.compile(r"我(?:谨)?代表国务院")
# A report titled by a development zone (经开区2022年…汇报, 芜湖经济技术开发区关于2023年工作的报告). 新区
# is left out: 浦东新区 and 滨海新区 are districts.
_ZONE_REPORT = re.compile(
    r"^[\u4e00-\u9fff]{0,8}?(经济技术开发区|经济开发区|高新技术产业开发区|高新区|经开区|开发区|工业园区)"
    r"(?:党工委|管委会)?(?:(?:19|20)\d{2}年|关于|工作报告|政府工作)"
)
# An untitled news item on a zone's own work meeting (长春高新区召开工作会议, 常州经开区召开党工委
# (扩大)会议): the figures after it are the zone's.
_ZONE_MEETING = re.compile(
    r"[\u4e00-\u9fff]{2,8}?(经济技术开发区|经济开发区|高新技术产业开发区|高新区|经开区)"
    r"(?:党工委|管委会)?(?:召开|举行)"
)
_ZONE_MEETING_SCAN = 300
_SELF_REF = re.compile(r"我(?:谨)?代表([\u4e00-\u9fff]{2,10}?(?:[省市县区镇乡旗]|苏木))人民政府")


def _congress_place(text: str) -> str | None:
    """The place whose congress the text names, without the words before it (记者从山南市二届人大四次
    会议上了解到); not a bare level (自治区九届人大二次会议, 省十二届人大)."""
    for m in _CONGRESS_OF.finditer(text):
        name = m.group(1)
        # 从江县 at the head is a name (从 only leads words before it: 记者从山南市…)
        cuts = [w.end() for w in _LEAD_WORDS.finditer(name) if w.start() > 0 or w.group() != "从"]
        name = name[cuts[-1] :] if cuts else name
        if len(name) >= 2 and not name.startswith("自治"):
            return name
    return None


_LEAD_WORDS = re.compile(r"[从在到的了与及据]")
# A congress named by its place and term (湖北省第十一届人民代表大会, 广州市第十三届人民代表大会);
# never 全市, 本县 or 在县 (no place) and never the bare 省十二届人大 (the place is not written).
_CONGRESS_OF = re.compile(
    r"([\u4e00-\u9fff]{1,9}?(?<![全本我该各在于])[省市县区镇乡旗州盟])第?[一二三四五六七八九十]{1,3}届"
    r"(?:人民代表大会|人大(?!常委))"
)  # …第十三届人民代表大会第六次会议, 山南市二届人大四次会议


def _int(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    try:
        return int(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


_SPACES = re.compile(r"[ \t\u3000\xa0]+")


def _head(full_text: str) -> list[str]:
    # 二〇二三年 and 二00四年 read as 2023年 in titles and session lines, as in the body.
    block = arabic_years("\n".join(full_text.split("\n", _HEAD_LINES * 3)[: _HEAD_LINES * 3]))
    lines = [_SPACES.sub("", ln) for ln in block.split("\n")]
    return [ln for ln in lines if ln][:_HEAD_LINES]


def extract_meta(full_text: str, text: str, page_title: str | None = None) -> DocMeta:
    """``page_title``: an HTML page's <title>, read when no line of the text is a title."""
    text = arabic_years(text)  # 二〇二三年 and 二00四年 read as 2023年
    meta = DocMeta()
    head = _head(full_text)
    _title(meta, head)
    if meta.title is None and page_title:
        _title(meta, [_SPACES.sub("", arabic_years(page_title))])
    _session(meta, "".join(head))
    _speaker(meta, head)
    if meta.report_year is None:
        _year_from_npc_session(meta, "".join(head), text)
    if meta.year_source in ("title", "session"):
        _year_reviewed(meta, text)
    if meta.year_source == "title":
        _own_title_under_a_page_title(meta, head, text)
    if meta.report_year is None:
        _year_from_body(meta, text, full_text)
    joined = "".join(head)
    if head and (m := _ZONE_REPORT.search(head[0])) is not None:
        # 经开区2022年经济社会发展总体情况和2023年工作打算汇报: a development zone's, whose figures
        # are no county's or city's, whatever place the text names.
        meta.region_mention, meta.region_source = m.group(1), "zone"
        return meta
    if meta.region_mention is None and (m := _ZONE_MEETING.search(text[:_ZONE_MEETING_SCAN])) is not None:
        meta.region_mention, meta.region_source = m.group(1), "zone"
        return meta
    if meta.region_mention is None and "国务院" in joined and "总理" in joined:
        meta.region_mention, meta.region_source = "全国", "title"
    if meta.region_mention is None and _STATE_COUNCIL_SELF.search(text[:5000]) is not None:
        meta.region_mention, meta.region_source = "全国", "self_reference"  # an untitled fragment
    if meta.region_mention is None and (m := _SELF_REF.search(text[:5000])) is not None:
        meta.region_mention, meta.region_source = m.group(1), "self_reference"
    if meta.region_mention is None and (congress := _congress_place(text[:5000])) is not None:
        # 广州市第十三届人民代表大会第六次会议今日开幕: the congress that heard the report is the
        # place's own, however many other places (南沙) the item names.
        meta.region_mention, meta.region_source = congress, "session"
    if meta.region_mention is None and (publisher := _publisher(full_text, text)) is not None:
        meta.region_mention, meta.region_source = publisher, "publisher"
    return meta


@cache
def _publisher_pattern() -> re.Pattern[str]:
    return re.compile(reference.load_yaml("report_cues.yaml")["publisher_pattern"])


def _publisher(full_text: str, text: str) -> str | None:
    """The government whose site published the page (its footer), if the text speaks as one of
    its level (全市, 市委 for a 市), and not as a street or town under it: a text led by 街道党工委
    (在区委、区政府和街道党工委的坚强领导下) is the street's, whose name the page may never give."""
    if _LED_BY_SUBUNIT.search(text[:5000]) is not None:
        return None
    for m in _publisher_pattern().finditer(full_text):
        name = next(g for g in m.groups() if g)
        level = name[-1]
        if f"全{level}" in text or f"{level}委" in text or f"我{level}" in text:
            return name
    return None


@cache
def _title_pattern() -> re.Pattern[str]:
    return re.compile(reference.load_yaml("report_cues.yaml")["title_pattern"])


def _title(meta: DocMeta, head: list[str]) -> None:
    is_title = _title_pattern().search
    for i, line in enumerate(head):
        if is_title(line) is None:
            continue
        if len(line) > 60 or _page_chrome(line):
            continue
        if any(p in line for p in "，,。"):  # a sentence that names the report (…作政府工作报告。)
            continue
        if line.endswith("摄"):  # a photo's caption and credit: 邓辉作政府工作报告 张宝杉 摄
            continue
        title = line
        if (
            line.startswith("政府工作报告")
            and i > 0
            and len(head[i - 1]) <= 30
            and head[i - 1].strip("|｜ ")  # not a table's stray | above it
            and not _page_chrome(head[i - 1])
            and not any(f in head[i - 1] for f in _POSTING_FIELDS)  # 发布时间:2022-07-11 责任编辑:www
        ):
            title = head[i - 1] + line  # the region and year on the line above
        # [湖北] 2020年神农架林区政府工作报告: a forum's tag; • 政府工作报告: a list's bullet
        title = _TAG.sub("", title).strip("-—：: •·●◆■")
        while (tail := _TITLE_TAIL.search(title)) is not None and tail.start() > 0:
            title = title[: tail.start()].rstrip()
        meta.title = title
        # 《政府工作报告》摘要：2021年全县…完成: the headline's year is not the report's.
        named = m.group() if (m := _REPORT_NAME.match(title)) is not None else title
        if years := [int(y) for y in _YEAR.findall(named)]:
            # 关于2023年工作情况和2024年工作安排的报告: the report is the plan year's.
            meta.report_year, meta.year_source = max(years), "title"
        elif (m := _BARE_YEAR.search(named)) is not None:
            meta.report_year, meta.year_source = int(m.group(1)), "title"
        if (m := _COMPACT_DATE.search(title)) is not None:
            _set_date(meta, int(m.group(1)), int(m.group(2)), int(m.group(3)), "title")
        if (m := _TITLE_REGION.search(_TITLE_YEAR.sub("", title))) is not None:
            region = m.group("region")
            if region not in ("", "年") and not region.endswith("年"):
                meta.region_mention, meta.region_source = region, "title"
        if "国务院" in title:
            meta.region_mention, meta.region_source = "全国", "title"
        return


def _page_chrome(line: str) -> bool:
    """A site's breadcrumb (首页 > 政务公开) or a disclosure page's header fields."""
    return any(b in line for b in _BREADCRUMB) or any(f in line for f in _PAGE_FIELDS)


def _set_date(meta: DocMeta, y: int, m: int, d: int, source: str) -> None:
    try:
        meta.report_date = date(y, m, d)
    except ValueError:
        return
    if meta.report_year is None:
        meta.report_year, meta.year_source = _plan_year(y, m), "date"


def _page_year(full_text: str) -> int | None:
    """The year of the report a page posted on its date can be on. None for a copy whose own
    years are masked (包河区20xx政府工作报告, ——20xx年12月29日在…会议上): a 范文 site posts such copies
    years after the report, so its date says nothing of the report's year."""
    if _MASKED_YEAR.search(full_text, 0, _PAGE_DATE_SCAN) is not None:
        return None
    for m in _PAGE_DATE.finditer(full_text, 0, _PAGE_DATE_SCAN):
        if int(m.group(1)) >= 1990:  # not a site's empty date (1970-01-01, the epoch)
            return _plan_year(int(m.group(1)), int(m.group(2) or m.group(3) or m.group(4)))
    return None


def _plan_year(year: int, month: int) -> int:
    """A congress that sits in December (沅陵县, 2018年12月25日) or late November (a new term's first
    session: 滨海新区, 2013年11月27日, its report titled 2014年) hears the next year's report."""
    return year + (month >= 11)


def _session(meta: DocMeta, head: str) -> None:
    m = _SESSION.search(head) or _SESSION_THEN_DATE.search(head) or _SESSION_THEN_LINE_DATE.search(head)
    if m is None:
        if (m := _DATED_BYLINE.search(head)) is not None:
            _set_date(meta, int(m["y"]), int(m["m"]), int(m["d"]), "date")
        return
    year = int(m["y"])
    month, day = _int(m["m"]), _int(m["d"])
    if month and day:
        _set_date(meta, year, month, day, "date")
        plan_year = _plan_year(year, month)
        if meta.year_source == "title" and meta.report_year == plan_year - 1 and (month <= 6 or month == 12):
            # (湖北省)2020年江陵县人民政府工作报告 over ——2021年1月6日在…会议上: a reposting site
            # titles the report by the year it reviews; the report is the year it was given in
            # (the next one for a congress sitting in December).
            meta.report_year, meta.year_source = plan_year, "date"
    place = (m.groupdict().get("place") or "").strip("在")  # none when the date follows the session
    if "全国" in place or "全国人民代表大会" in m.group():
        meta.region_mention, meta.region_source = "全国", "title"
    elif place and meta.region_mention is None:
        meta.region_mention, meta.region_source = place, "title"


def _year_reviewed(meta: DocMeta, text: str) -> None:
    """XX镇2023年政府工作报告 over 一、2023年工作回顾 (今年以来，…前三季度…): the title names the
    year the report reviews, a report given at that year's end; it plans the next year, unless a
    plan heading names the title's year. So does a session misnumbered by a reposting site
    (十四届全国人大三次会议 over 一、2025年工作回顾 … 四、2026年政府工作任务)."""
    year = meta.report_year
    if year is None:  # never: the title or the session line dated the text
        return
    body = text[:200_000]
    if _estimates_year(body[:_ESTIMATE_SCAN], year):
        # 2016年，预计（下同）全县生产总值340亿元 under (湖南省)2016年桂阳县人民政府工作报告: the
        # title's year is not over, so the report is given at its end.
        if not _plans_year(body, year):
            meta.report_year, meta.year_source = year + 1, "review_heading"
        return
    if not any(f"{year}年{words}" in body for words in _REVIEW_WORDS) and f"{year}年和“十" not in body:
        return  # almost every text: the review is of the year before (a scan in C, not a regex)
    reviewed = {int(m.group(1)) for m in _REVIEW_HEADING.finditer(body)}
    if year not in reviewed or year - 1 in reviewed:
        return
    if _plans_year(body, year):
        return
    meta.report_year, meta.year_source = year + 1, "review_heading"


def _own_title_under_a_page_title(meta: DocMeta, head: list[str], text: str) -> None:
    """2022年南京市人民政府工作报告 (a reposting site's page title) over 2021年南京市人民政府工作报告
    and 一、2020年和“十三五”工作回顾: a second title line's year stands when the review heading is
    of the year before it."""
    years = {
        int(m.group(1))
        for line in head
        if "政府工作报告" in line and (m := year_pattern().search(line)) is not None
    }
    years.discard(meta.report_year or 0)
    if len(years) != 1:
        return  # almost every text: one title, or titles of one year
    (year,) = years
    if {int(m.group(1)) for m in _REVIEW_HEADING.finditer(text[:200_000])} == {year - 1}:
        meta.report_year, meta.year_source = year, "review_heading"


def _plans_year(body: str, year: int) -> bool:
    """Does a plan heading of the body name ``year`` (二、2023年工作安排)? Then the title's year is
    the plan's, and the report is that year's own."""
    return any(int(m.group(1)) == year for m in _PLAN_YEAR.finditer(body))


# 2016年，预计（下同）…, 到2017年底，预计…: an estimate for a year, so a year not yet over.
_YEAR_BEFORE_ESTIMATE = re.compile(r"(?<!\d)((?:19|20)\d{2})年(?:底|末)?\s*[，,]\s*$")
_ESTIMATE_SCAN = 20_000


def _estimates_year(text: str, year: int) -> bool:
    """Does the text write an estimate for ``year`` (2016年，预计…)? Found from the word, a scan in
    C, rather than by a pattern that must try every digit of the text."""
    at = text.find("预计")
    while at >= 0:
        m = _YEAR_BEFORE_ESTIMATE.search(text, max(0, at - 10), at)
        if m is not None and int(m.group(1)) == year:
            return True
        at = text.find("预计", at + 2)
    return False


def _speaker(meta: DocMeta, head: list[str]) -> None:
    for line in head:
        if (m := _SPEAKER.search(line)) is not None:
            meta.office, meta.speaker = m["office"], m["name"]
            return


def _year_from_npc_session(meta: DocMeta, head: str, text: str) -> None:
    """A national report, or a news item on one, dated only by its congress's session."""
    if "国务院" not in head and "国务院" not in text[:5000]:
        return  # a lower level's report may cite the national session of another year
    if (m := _NPC_SESSION.search(head)) is None:
        return
    first_years: dict[int, int] = reference.load_yaml("report_cues.yaml")["npc_first_session_year"]
    term, session = _int(m.group(1)), _int(m.group(2))
    if term in first_years and session is not None:
        meta.report_year, meta.year_source = first_years[term] + session - 1, "session"


# The outline of a five-year plan put to the congress as a draft (“十五五”规划纲要（草案）).
_PLAN_OUTLINE = re.compile(
    r"(?:第(十[一二三四五六])个五年规划|(十[一二三四五六]五)”?规划)(?:和(?:2035|二〇三五)年远景目标)?纲要[(（]?草案"
)
# 今年作为“十三五”开局之年 (a news item that never writes the year): a plan's first or last year.
_PLAN_YEAR_NAMED = re.compile(
    r"今年[^。；;，,]{0,6}?(?:是|作为|为)[^。；;]{0,12}?“?(十[一二三四五六]五)”?[^。；;]{0,6}?(开局|收官)之年"
)
_YEAR_NOT_A_DATE = re.compile(r"\d{4}年(?!\d{1,2}月)")


def _plan_last_year(name: str) -> int | None:
    """The last year of a five-year plan (十三五: 2020), from the reference data."""
    plans: dict[str, int] = reference.load_yaml("fact_cues.yaml")["five_year_plans"]
    return plans.get(name)


def date_by_provincial_session(meta: DocMeta, text: str, province: str) -> None:
    """A province's text dated by no title, session line or heading (东北网…讯: 省十二届人大一次
    会议开幕 … 到2017年…) is dated by the session of the province's congress it names."""
    if meta.year_source not in _WEAK_YEAR_SOURCES:
        return
    terms: dict[str, int] = reference.load_yaml("report_cues.yaml")["provincial_congress_term_2023"]
    short = next((name for name in terms if province.startswith(name)), None)
    if short is None:
        return
    own = (province, short, province[-3:] if province.endswith("自治区") else province[-1])
    for m in _PROVINCE_SESSION.finditer(text[:20_000]):
        before = text[max(0, m.start() - 12) : m.start()]
        if not before.endswith(own):
            continue  # another congress's (市十五届人大, 全国人大 never matches)
        if _YEAR_NOT_A_DATE.search(before) is not None:
            continue  # 2018年年初在云南省第十三届人民代表大会第一次会议上提出的: an earlier session
        term, session = _int(m.group(1)), _int(m.group(2))
        if term is None or session is None:
            continue
        year = 2023 + 5 * (term - terms[short]) + session - 1
        if _EARLIER_SESSION.match(text, m.end()):
            year += 1  # 完成了省十一届人大二次会议确定的主要任务: the session of the year reviewed
        if meta.report_year is not None and year > meta.report_year:
            # A term with an extra session (陕西省第十二届…第六次会议 in 2017, 辽宁省第十四届…第五次
            # in 2026) numbers the later ones a year ahead of this count: the body's year stands.
            return
        if year >= 1998:  # terms of five years since then
            meta.report_year, meta.year_source = year, "session"
            return


_EARLIER_SESSION = re.compile(r"(?:上)?(?:确定|提出|部署|通过|批准|审议通过)的|决议|以来")


def _year_from_body(meta: DocMeta, text: str, full_text: str) -> None:
    body = text[:200_000]
    if (m := _PLAN_YEAR.search(body) or _PLAN_YEAR_WEAK.search(body)) is not None:
        meta.report_year, meta.year_source = int(m.group(1)), "plan_heading"
        return
    if (m := _REVIEW_YEAR.search(body)) is not None:
        meta.report_year, meta.year_source = int(m.group(1)) + 1, "review_heading"
        return
    # A news item's lead naming the report by its year (江苏省政府2025年政府工作报告新鲜出炉); not
    # last year's report recalled (完成2024年政府工作报告确定的目标任务).
    if (m := _NAMED_REPORT.search(body, 0, _NAMED_REPORT_SCAN)) is not None:
        meta.report_year, meta.year_source = int(m.group(1)), "body"
        return
    # …报告总结了过去五年的发展成果,安排部署了2012年的政府工作 (双墩镇, a December session)
    if (m := _PLANNED_WORK.search(body, 0, _NAMED_REPORT_SCAN)) is not None:
        meta.report_year, meta.year_source = int(m.group(1)), "body"
        return
    # In prose, as news items on a report write it: the year a plan opener names (做好2013年的
    # 政府工作, 2013年全省经济社会发展的主要预期目标), else the day it was delivered.
    if (year := opener_year(body)) is not None:
        meta.report_year, meta.year_source = year, "body"
        return
    if (m := _DELIVERED_ON.search(body)) is not None:
        meta.report_year, meta.year_source = _plan_year(int(m.group(1)), int(m.group(2))), "body"
        return
    # 审查…第十五个五年规划纲要草案: a congress reviews a plan's outline in the plan's first year.
    if (m := _PLAN_OUTLINE.search(body)) is not None and (
        last := _plan_last_year(m.group(1) + "五" if m.group(1) else m.group(2))
    ) is not None:
        meta.report_year, meta.year_source = last - 4, "body"
        return
    named = _PLAN_YEAR_NAMED.search(body, 0, _NAMED_REPORT_SCAN * 2)
    if named is not None and (last := _plan_last_year(named.group(1))) is not None:
        meta.report_year, meta.year_source = last - 4 if named.group(2) == "开局" else last, "body"
        return
    # Weaker than a plan outline a congress reviews: a page titled by the next season (2017年湘潭市
    # 两会…) may carry last year's report.
    if "两会" in body[:_NAMED_REPORT_SCAN] and (m := _NAMED_SESSION.search(body, 0, _NAMED_REPORT_SCAN)):
        meta.report_year, meta.year_source = int(m.group(1)), "body"
        return
    if (m := _LOOKING_BACK.search(body, 0, _NAMED_REPORT_SCAN * 2)) is not None:
        meta.report_year, meta.year_source = int(m.group(1)) + 1, "body"
        return
    # A year a figure is measured from (是2007年的2.1倍, 比2007年提高, 由2010年的77亿元) is no year
    # the text reports on: 包头's five-year review cites 2007 four times and its last year once.
    # Nor is the day a page was posted (2023年01月12日10:18 | 来源：人民网), which dates the page,
    # nor the start of a span looked back on (1998年县第十四届人民代表大会第一次会议以来, 綦江 2003).
    # Nor is a year a goal is set for (确保到2020年与全国一道…, 可确保2020年国内生产总值比2010年翻一番).
    since = "以来" in body  # a scan in C: most texts' years are then tested by one pattern less
    # A year whose clause sets an aim (2020年,全市…力争实现…增长6.5%左右) or whose budget is a draft
    # (审查和批准镇2013年财政预算执行情况和2014年预算草案) is the plan's: it votes for itself as the
    # report's year, not for the year after it (in a text that reviews a year; in one that is all
    # plan, every year votes for itself).
    plan = plan_only(body)
    votes = [
        (
            int(m.group(1))
            - (
                not plan
                and (_AIM_AFTER.match(body, m.end()) is not None or body.endswith(_AIM_BEFORE, 0, m.start()))
            ),
            body.endswith(_GOAL_YEAR_MARKS, 0, m.start()) or (since and body.startswith("以来", m.end())),
        )
        for m in _YEAR.finditer(body)
        if FIRST_REPORT_YEAR <= int(m.group(1)) <= 2100
        and body[m.start() - 1 : m.start()] not in _BASE_YEAR_MARKS
        and not (body[m.start() - 1 : m.start()] == "与" and body.startswith("相比", m.end()))
        and _TIME_OF_DAY_AFTER.match(body, m.end()) is None
        and not (
            since and not body.startswith("以来", m.end()) and _SINCE_AFTER.match(body, m.end()) is not None
        )
    ]
    # Goal years vote only in a text that names no other (到2017年，预期全省…翻一番), and so does
    # a year since whose start the text looks back (2022年以来,在区委、区政府的正确领导下,…: a street
    # office's summary of the year that names no other).
    years = Counter(y for y, goal in votes if not goal) or Counter(y for y, _ in votes)
    if years:
        # A review speaks mostly of last year: the most cited year is the one before the report,
        # unless the text is all plan (历城区描绘2025年发展蓝图 … 主要预期目标是：…).
        year = max(years.items(), key=lambda kv: (kv[1], kv[0]))[0] + (0 if plan else 1)
        if (posted := _page_year(full_text)) is not None and posted < year:
            # No page speaks of a report not yet delivered: 和2019年对比,2020年报告里 on a page
            # posted 2020-05-27 is on the 2020 report, not 2021's.
            meta.report_year, meta.year_source = posted, "page_date"
            return
        meta.report_year, meta.year_source = year, "body"
        return
    if (posted := _page_year(full_text)) is not None:
        # A news item that names no year at all (龙华区…1月24日讯) is dated by its page: 2018-01-24.
        meta.report_year, meta.year_source = posted, "page_date"
