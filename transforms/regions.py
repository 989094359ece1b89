"""Region resolution against jionlp's administrative-division dataset.

Each candidate place named in the report is scored: where it is named (title and session line
weigh most), how often, whether its suffix matches the government speaking (我代表县人民政府,
全县, 镇党委 tell the level), whether its parent places are named too, and for townships how many
of their villages the text names. The best candidate wins; a tie between places of the same name
is flagged as ambiguous with the candidates listed.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import pickle
import re
import threading
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import cache

import reference
from transforms.indicators import tokenizer
from transforms.models import DocMeta, Region, RegionResolution
from transforms.places import Gazetteer, Place

NATIONAL = Region("CN", "全国", None, "national", None, None, None)
# 木 ends 苏木, the township of Inner Mongolia's pastoral areas (白音他拉苏木); 道 ends 街道.
_SUFFIXES = "省市县区镇乡旗州盟道木"
_LEVEL = r"([省市县区镇乡旗州盟]|(?<=苏)木)"  # the suffix a government speaks as: 县, or 木 of 苏木
_SELF = re.compile(rf"(?:我(?:谨)?代表|受)(?:[\u4e00-\u9fff]{{0,10}}?){_LEVEL}(?:人民)?政府")
# A news item on the report names who delivered it: 县长马中奇作政府工作报告, 代区长邓辉作…
_DELIVERED_BY = re.compile(r"([省市县区镇乡旗州盟])长[\u4e00-\u9fff·]{2,4}[^。\n，,]{0,20}?政府工作报告")
# 全苏木; not 地区人大工委 (a 地区's, see _PREFECTURE_OFFICE), nor a comparison with the level
# above (生产总值增长4.8%,高于全省0.7个百分点; 综合考评全省第三: a city's item that never says 全市)
_SELF_WORDS = re.compile(
    rf"(?:全(?<!于全)(?<!居全)(?<!列全)(?<!占全)|我|本)(?:苏(?=木))?{_LEVEL}(?![第平])"
    rf"|(?<!地){_LEVEL}(?:党?委|(?:人民)?政府|人大)"
)
_ALIAS_SCAN = 8_000  # short names are looked for in the opening of the text only
_NAME_SCAN = 200_000
_NO_VILLAGES = array("q")
# A 地区 (a prefecture the province administers through its office, 行署) speaks of its 地委 and
# 行署: its suffix is two characters, so a suffix is compared with endswith.
_PREFECTURE_OFFICE = re.compile(r"地委|行署|地区人大工委|(?:全|我|本)地区(?!生产总值)")
_LEVEL_ORDER = {
    "省": 0, "市": 1, "州": 1, "盟": 1, "地区": 1, "区": 2, "县": 2, "旗": 2, "镇": 3, "乡": 3, "木": 3
}  # fmt: skip


def _pseudo(name: str) -> bool:
    """Placeholders in the division data (市辖区, 省直辖县级行政区划, 开发区) are not places."""
    return name in _not_places() or "直辖" in name or "行政区划" in name


@cache
def _alias_words(key: str) -> tuple[str, ...]:
    """One word list of region_aliases.yaml (not_places, common_words, organization_words, …)."""
    return tuple((reference.load_yaml("region_aliases.yaml") or {}).get(key, []))


@cache
def _not_places() -> frozenset[str]:
    return frozenset(_alias_words("not_places"))


def _alias_list(value) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(a for a in ([value] if isinstance(value, str) else value) if a and len(a) >= 2)


_LOAD_LOCK = threading.Lock()
_LOADED: list[Gazetteer] = []


def _gazetteer() -> Gazetteer:
    """Built once per process. Parse tasks run in threads when a run is small, and
    ``redirect_stdout`` swaps the process-wide sys.stdout: without the lock two threads would
    restore each other's buffers and the process would lose its stdout for good."""
    if not _LOADED:
        with _LOAD_LOCK:
            if not _LOADED:
                _LOADED.append(_build_gazetteer())
    return _LOADED[0]


def gazetteer_snapshot() -> bytes:
    """The gazetteer of this process, pickled. Building it from jionlp's data leaves about
    105 MB in a process (the loader's nested dicts are freed, but not given back to the OS);
    loading a snapshot, 40-60 MB, so parse processes load one (flows/gazetteer_cache.py)."""
    return pickle.dumps(_gazetteer(), protocol=pickle.HIGHEST_PROTOCOL)


def load_gazetteer_snapshot(snapshot: bytes) -> bool:
    """Use a snapshot from ``gazetteer_snapshot`` in this process, unless one is loaded already
    (then False: nothing changes)."""
    with _LOAD_LOCK:
        if _LOADED:
            return False
        gazetteer = pickle.loads(snapshot)
        if not isinstance(gazetteer, Gazetteer):
            raise TypeError("not a gazetteer snapshot")
        _LOADED.append(gazetteer)
        return True


def _village_hash(name: str) -> int:
    """A 64-bit hash that is the same in every process (str's hash is salted per process), so
    a snapshot's village hashes match those of the text that another process computes."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "little", signed=True)


def _build_gazetteer() -> Gazetteer:
    with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
        import jionlp

        data = jionlp.china_location_loader(detail=True)
    by_name: dict[str, list[Place]] = defaultdict(list)
    aliases: dict[str, list[Place]] = defaultdict(list)
    by_code: dict[str, Region] = {}

    def add(region: Region, alias: tuple[str, ...], villages: array = _NO_VILLAGES) -> None:
        taken = by_code.get(region.code or "")
        if taken is not None and taken.name != region.name:
            # Two places share one code in the data (香港 as province and as prefecture; two zones
            # of 平顶山 on 410471): the later one gets an id of its own, as region_id is a key.
            region = replace(region, region_id=f"x-{region.code}-{region.name}")
        place = Place(region, alias, villages)
        by_name[region.name].append(place)
        for a in alias:
            if a != region.name and a not in _not_places():
                aliases[a].append(place)
        if region.code:
            by_code.setdefault(region.code, region)  # the higher level keeps a shared code

    for prov_name, prov in data.items():
        pcode = str(prov["_admin_code"])
        province = Region(pcode, prov_name, pcode, "province", None, prov_name, None)
        add(province, _alias_list(prov.get("_alias")))
        for pref_name, pref in prov.items():
            if pref_name.startswith("_") or not isinstance(pref, dict):
                continue
            fcode = str(pref["_admin_code"])
            if pref_name == prov_name or _pseudo(pref_name):
                # A municipality's districts, and a province's directly administered county-level
                # cities (仙桃市, 神农架林区, 石河子市, under 省直辖行政区划), hang off the province.
                parent_of_county = pcode
            else:
                prefecture = Region(fcode, pref_name, fcode, "prefecture", pcode, prov_name, pref_name)
                add(prefecture, _alias_list(pref.get("_alias")))
                parent_of_county = fcode
            pref_field = None if _pseudo(pref_name) else pref_name  # a municipality keeps its name
            for county_name, county in pref.items():
                if county_name.startswith("_") or not isinstance(county, dict):
                    continue
                ccode = str(county["_admin_code"])
                if ccode in (fcode, pcode) or _pseudo(county_name):
                    if ccode == fcode and not _pseudo(pref_name):
                        # A prefecture without counties (东莞, 中山, 儋州, 嘉峪关) lists its towns
                        # under a placeholder with its own code: they hang off the prefecture.
                        _add_towns(add, county, fcode, None, prov_name, pref_field)
                    continue  # 东莞市 under 东莞市, or a placeholder such as 市辖区: not a county
                region = Region(ccode, county_name, ccode, "county", parent_of_county, prov_name, pref_field)
                add(region, _alias_list(county.get("_alias")))
                _add_towns(add, county, ccode, county_name, prov_name, pref_field)
    for alias, target in (reference.load_yaml("region_aliases.yaml") or {}).get("aliases", {}).items():
        for place in by_name.get(target, []):
            if place not in aliases[alias]:  # 南沙: 南沙区 adds 广州's to 三沙's, which the data alias
                aliases[alias].append(place)
    _add_everyday_names(by_name)
    max_len = max(len(n) for n in by_name)
    return Gazetteer(dict(by_name), by_code, dict(aliases), max_len)


# An autonomous unit goes by its short name and its kind: 阜新县 for 阜新蒙古族自治县, 恩施州,
# 鄂伦春旗. As full names they outweigh the 新县 inside 阜新县, a county of 河南.
_EVERYDAY_KIND = {"自治县": "县", "自治州": "州", "自治旗": "旗"}


def _add_everyday_names(by_name: dict[str, list[Place]]) -> None:
    for name, places in list(by_name.items()):
        kind = _EVERYDAY_KIND.get(name[-3:])
        if kind is None:
            continue
        for place in places:
            for alias in place.aliases:
                everyday = alias + kind
                if alias != name and not alias.endswith(kind) and everyday not in by_name:
                    by_name[everyday] = [place]


def _add_towns(
    add: Callable[[Region, tuple[str, ...], array], None],
    towns: dict,
    parent: str,
    county: str | None,
    province: str,
    prefecture: str | None,
) -> None:
    """The towns of the division data's ``towns`` entry, under ``parent`` (a county's code, or
    a prefecture's that governs its towns directly)."""
    for name, villages in towns.items():
        if name.startswith("_") or _pseudo(name):
            continue
        town = Region(f"x-{parent}-{name}", name, None, "township", parent, province, prefecture, county)
        add(town, (), array("q", {_village_hash(v) for v in villages or ()}))


def _mentions(text: str) -> Counter[str]:
    """Full place names in the text; the longest name ending at a point counts (汉寿县, not the
    寿县 inside it)."""
    return Counter(name for _, _, name in _name_spans(text))


def _name_spans(text: str):
    """(start, end, name) of the longest full place name ending at every suffix character.

    The look-back grows one character at a time and stops as soon as the window is not the
    ending of any place name (``_name_endings``): no longer window can then be a name, so the
    result equals checking every length from 2 to 12, at a fraction of the lookups."""
    names = _gazetteer().by_name
    endings = _name_endings()
    for m in _SUFFIX_CHAR.finditer(text):
        end = m.end()
        longest = None
        for n in range(2, min(end, 12) + 1):
            name = text[end - n : end]
            if name not in endings:
                break
            if name in names:
                longest = name
        if longest is not None:
            yield end - len(longest), end, longest


_SUFFIX_CHAR = re.compile(f"[{_SUFFIXES}]")


@cache
def _name_endings() -> frozenset[str]:
    """Every ending (of two or more characters, up to 12) of every full place name."""
    out: set[str] = set()
    for name in _gazetteer().by_name:
        for n in range(2, min(len(name), 12) + 1):
            out.add(name[-n:])
    return frozenset(out)


def _word_mentions(text: str) -> Counter[str]:
    """``_mentions`` of the names jieba reads as names (林城镇 not in 森林城镇, 和县 not in
    政府和县委: see ``_read_as_a_name``), segmenting a few characters around each, and none of the
    everyday words among them. Asked only for texts whose title names no place."""
    tok = tokenizer()
    common = _common_words()  # 特色小城镇 names no town
    found: Counter[str] = Counter()
    for start, end, name in _name_spans(text):
        if name in common or found[name] >= 10:  # scores count at most 10 mentions of a name
            continue
        left = max(0, start - 6)
        if _read_as_a_name(tok.cut(text[left : end + 4], HMM=False), start - left, end - left, full=True):
            found[name] += 1
    return found


def _alias_spans(text: str) -> Iterator[tuple[int, str]]:
    """(start, short name) of every short name (万载, 新吴, 阿鲁科尔沁, 西海岸新区), by substring
    lookup: every 2-5 character window is checked."""
    aliases = _gazetteer().aliases
    for n in (2, 3, 4, 5):
        for i in range(len(text) - n + 1):
            window = text[i : i + n]
            if window in aliases:
                yield i, window


def _alias_mentions(text: str) -> Counter[str]:
    return Counter(alias for _, alias in _alias_spans(text))


def _word_alias_mentions(text: str) -> Counter[str]:
    """Short names in a text whose title names no place, where nothing else can outweigh them:
    not the everyday words among them (振兴 in 乡村振兴, 合作, 全州: ``common_words``), and not
    one read across words (增城 in 新增城镇, 和政 in 党和政府, 大兴 in 大兴安岭)."""
    common = _common_words()
    organizations = _organization_words()
    tok = tokenizer()
    found: Counter[str] = Counter()
    for start, alias in _alias_spans(text):
        if alias in common or found[alias] >= 10:  # scores count at most 10 mentions
            continue
        end = start + len(alias)
        if text.startswith(organizations, end):  # 泸州集团: a company's name
            continue
        left = max(0, start - 6)
        if _read_as_a_name(tok.cut(text[left : end + 4], HMM=False), start - left, end - left, full=False):
            found[alias] += 1
    return found


def _read_as_a_name(words: Iterable[str], start: int, end: int, *, full: bool) -> bool:
    """Whether jieba's words leave ``[start, end)`` a name. No word may cross its start (森林城镇),
    nor run on past its end, but for the words a name goes on into: a short name's level (万载县)
    and a full name's suffix word (万载县委, 宜春市区). Not for a two-character name, whose suffix
    is half of it: 和县 in 政府和县委 is 和 and 县委."""
    at = 0
    for word in words:
        w_start, at = at, at + len(word)
        if w_start < start < at:
            return False
        if start <= w_start < end < at:
            if full:  # 万载县委, not 阳村乡 in 浔阳村乡贤会 (a word that only starts with the suffix)
                allowed = w_start == start or (
                    w_start == end - 1 and end - start > 2 and word not in _not_suffix_words()
                )
            else:
                allowed = w_start == start and at - end == 1 and word[-1] in _SUFFIXES
            if not allowed:
                return False
        if w_start >= end:
            break
    return True


def _standalone_count(text: str, name: str) -> int:
    """Mentions of ``name`` that start a word: after a place's suffix (西宁市湟中区), punctuation or
    a line's start, never inside a longer name (安新区 in 雄安新区)."""
    count, at = 0, text.find(name)
    while at >= 0:  # most texts hold no such name: one scan in C, no pattern compiled per name
        before = text[at - 1 : at]
        if not before or before in _SUFFIXES or not "\u4e00" <= before <= "\u9fff":
            count += 1
        at = text.find(name, at + len(name))
    return count


_UNIT_BELOW = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:区|县|旗|镇|乡|街道|苏木)")


def _unknown_unit_below(mention: str, region: Region) -> str | None:
    """The name of a unit the mention places under ``region`` that the division data lack
    (伊春市翠峦区 → 翠峦区), or None. A short name found there (重庆市綦江县: 綦江) is no unknown."""
    at = mention.rfind(region.name)
    if at < 0 or not (tail := mention[at + len(region.name) :]):
        return None
    m = _UNIT_BELOW.fullmatch(tail)
    if m is None or _alias_mentions(tail) or _mentions(tail):
        return None
    return tail


_NATIONAL_SCAN = 3000


@cache
def _national_cues() -> re.Pattern[str]:
    return re.compile(reference.load_yaml("report_cues.yaml")["national_cues"])


@cache
def _national_words() -> re.Pattern[str]:
    return re.compile(reference.load_yaml("report_cues.yaml")["national_words"])


@cache
def _not_suffix_words() -> frozenset[str]:
    return frozenset(_alias_words("not_suffix_words"))


def _organization_words() -> tuple[str, ...]:
    return _alias_words("organization_words")


@cache
def _common_words() -> frozenset[str]:
    return frozenset(_alias_words("common_words"))


_VILLAGE_END = re.compile(r"村|社区|居委会|嘎查")  # 嘎查: a 苏木's village


def _village_words(text: str) -> set[str]:
    """Every 2-8 character string of the text that ends like a village name (…村, …社区)."""
    words: set[str] = set()
    for m in _VILLAGE_END.finditer(text):
        end = m.end()
        for n in range(2, 9):
            if end - n >= 0:
                words.add(text[end - n : end])
    return words


def _self_level(text: str) -> str | None:
    """The suffix of the government speaking: 县 for 我代表县人民政府 / 全县 / 县委 ..."""
    head = text[:3000]
    if (m := _SELF.search(head)) is not None or (m := _DELIVERED_BY.search(head)) is not None:
        return m.group(1)
    counts = Counter(a or b for a, b in _SELF_WORDS.findall(text[:60000]))
    if n := len(_PREFECTURE_OFFICE.findall(text, 0, 60000)):
        counts["地区"] = n  # 塔城地区's 行署工作报告: 在地委的坚强领导下, 地区人大工委
    if not counts:
        return None
    # The lowest level that speaks of itself (a county report also names 全省, 市委).
    return max(counts, key=lambda s: (_LEVEL_ORDER.get(s, 0), counts[s]))


def resolve_region(meta: DocMeta, text: str) -> RegionResolution:
    if meta.region_mention == "全国":
        return RegionResolution(NATIONAL, "national")
    if meta.region_source == "zone":
        return _zone_resolution(meta, text)
    gaz = _gazetteer()
    scores: dict[str, float] = defaultdict(float)
    places: dict[str, Place] = {}
    mention = meta.region_mention or ""
    own = _self_level(text)
    if (
        own is None
        and _national_cues().search(text, 0, _NATIONAL_SCAN) is not None
        and not (_mentions(mention) or _alias_mentions(mention))  # 2017两会政府工作报告: no place
    ):
        return RegionResolution(NATIONAL, "national+context")  # 十届全国人大一次会议, 李克强说
    if meta.region_source == "session" and own and not mention.endswith(own):
        mention = ""  # 哈尔滨市第十五届人民代表大会 in a text that speaks as a 省: another congress
    titled: dict[str, Region] = {}  # places the title or self-reference names
    for name in _mentions(mention):
        for place in gaz.by_name[name]:
            scores[place.region.region_id] += 20
            places[place.region.region_id] = place
            titled[place.region.region_id] = place.region
    # With no place in the title, the text's mentions decide alone, so each must be a word of
    # its own: 森林城镇 does not name 林城镇. Titled texts skip the check (the title outweighs).
    full = _mentions(text[:_NAME_SCAN]) if titled else _word_mentions(text[:_NAME_SCAN])
    for name, n in full.items():
        for place in gaz.by_name[name]:
            scores[place.region.region_id] += 3 * min(n, 10)
            places[place.region.region_id] = place
    # Short names matter for fragments that never write a full name (支持万载发展); a document
    # whose own title or self-reference names a known place does not need the slower scan.
    named = any(name in gaz.by_name for name in _mentions(mention))
    alias_counts = _alias_mentions(mention)
    if not named:
        alias_counts += _word_alias_mentions(text[:_ALIAS_SCAN])
    title_aliases = _title_aliases(mention, gaz)
    for alias, n in alias_counts.items():
        in_title = alias in title_aliases
        for place in gaz.aliases[alias]:
            rid = place.region.region_id
            # 海曙 inside 海曙区 is counted already; 果洛 on its own, after 果洛藏族自治州 once, is not.
            rest = n if in_title else n - full.get(place.region.name, 0)
            if rid in titled or rest <= 0:
                continue
            bonus = 20 if in_title else min(rest, 10)
            scores[rid] += bonus
            places[rid] = place
            if in_title:
                titled[rid] = place.region
    for rid in _outside_a_titled_parent(titled):
        scores[rid] -= 20
    names = {r.name for r in titled.values()}
    for rid, r in titled.items():
        if names & {r.province, r.prefecture, r.county} - {r.name}:
            # (江苏省)泰州市姜堰区2026年政府工作报告: the title names the district under its city; the
            # district's report speaks of 市委、市政府 (the city's) as much as of itself.
            scores[rid] += 10
    if not scores:
        if own is None and _national_words().search(text, 0, _NATIONAL_SCAN) is not None:
            return RegionResolution(NATIONAL, "national+context")
        return RegionResolution(None, "unresolved")
    villages: set[int] | None = None  # hashed on the first town candidate: most texts have none
    present: dict[str, bool] = {}

    def named_in_text(name: str) -> bool:
        if name not in present:
            # ``name in text or name[:-1] in text``: the second test alone, as it holds whenever
            # the first does, so one scan of the text instead of two.
            present[name] = name[:-1] in text
        return present[name]

    congress: bool | None = None  # does the text speak of a people's congress? (asked for zones)
    for rid, place in places.items():
        r = place.region
        suffix = r.name[-1]
        if own and r.name.endswith(own):
            if r.name.endswith(_ZONE_ENDINGS) and congress is None:
                congress = any(m.group(1) == own for m in _OWN_CONGRESS.finditer(text, 0, _NAME_SCAN))
            if not (congress and r.name.endswith(_ZONE_ENDINGS)):
                # 区二届人大 in 藁城区's report: a zone (石家庄经济技术开发区) has no congress to speak to
                scores[rid] += 8
        elif own and own in "县区市" and r.level == "county" and suffix in "县区市":
            # 綦江县 in a 2003 report, 綦江区 since 2011 (县改区, 县改市); 湟中区 in a 2024 report, the
            # division data's 湟中县: the same county under the name of another time.
            # Named once, and neither by the title nor as the government speaking, it is a place
            # the text speaks of (芜湖市's report: 无为市特种电缆), not the level it speaks as.
            former = r.name[:-1] + own
            if former not in gaz.by_name and (n := _standalone_count(text[:_NAME_SCAN], former)):
                speaks = n > 1 or former in mention or former + "人民政府" in text[:3000]
                scores[rid] += (8 if speaks else 0) + 3 * min(n, 10)
        if r.level == "township":
            county_suffix = (r.county or " ")[-1]
            if own and county_suffix == own and own not in "镇乡":
                scores[rid] += 4  # a town's text names its parent's 区委/县委
            if villages is None:
                villages = {_village_hash(w) for w in _village_words(text)}
            hits = sum(1 for h in place.villages if h in villages)
            scores[rid] += 3 * min(hits, 10)
        for ancestor in (r.province, r.prefecture, r.county):
            if ancestor and ancestor != r.name and named_in_text(ancestor):
                scores[rid] += 2
    if own:
        _add_speaking_parent(scores, places, own, gaz)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    best_id, best = ranked[0]
    if best < 6:
        candidates = [_path(places[r].region) for r, _ in ranked[:5]]
        return RegionResolution(None, "unresolved", candidates=candidates)
    if (below := _unknown_unit_below(mention, places[best_id].region)) is not None:
        # (黑龙江)2016年伊春市翠峦区人民政府工作报告: 翠峦区 (merged away in 2019) is not in the
        # division data, and its figures are not 伊春市's.
        unknown = f"{_path(places[best_id].region)}/{below} (not in the division data)"
        return RegionResolution(None, "unresolved", candidates=[unknown])
    tied = [rid for rid, s in ranked if s == best]
    method = "gazetteer" if meta.region_source == "title" else "gazetteer+context"
    if len(tied) > 1:
        return RegionResolution(
            places[best_id].region, method, ambiguous=True, candidates=[_path(places[r].region) for r in tied]
        )
    return RegionResolution(places[best_id].region, method)


# A congress of the speaking level (区二届人大一次会议, 区第十七届人民代表大会): a zone has none.
_OWN_CONGRESS = re.compile(r"([区县市])(?:第?[一二三四五六七八九十]+届)?(?:人大|人民代表大会)")
# A development zone's unit in the division data: run by a committee, with no people's congress.
_ZONE_ENDINGS = ("开发区", "工业园区", "产业园区", "高新区", "示范区")


# 经开区 and 高新区 are short for the names the division data give such zones.
_ZONE_NAMES = {"经开区": "经济技术开发区", "高新区": "高新技术产业开发区"}


def _zone_resolution(meta: DocMeta, text: str) -> RegionResolution:
    """A development zone's report (经开区2022年…汇报): the zone's own unit in the division data
    (芜湖经济技术开发区, 340271) under the place the text names, or none: its figures are never its
    city's. ``meta.region_mention`` is the zone's word as the title writes it."""
    host = resolve_region(replace(meta, region_mention=None, region_source="none"), text)
    kind = meta.region_mention or ""
    if host.region is None or host.ambiguous or not kind:
        return RegionResolution(None, "unresolved", candidates=host.candidates)
    full = _ZONE_NAMES.get(kind, kind)
    if host.region.name.endswith(full):
        return host  # the text names the zone's full name (芜湖经济技术开发区)
    zones = [
        z
        for z in _zone_units()
        if z.name.endswith(full) and host.region.name in (z.prefecture, z.county, z.province)
    ]
    if len(zones) > 1:  # 长春高新区: 长春高新技术产业开发区, not 长春净月高新技术产业开发区
        zones = [z for z in zones if z.name == host.region.name[:-1] + full] or zones
    if len(zones) != 1:
        return RegionResolution(None, "unresolved", candidates=[_path(z) for z in zones[:5]])
    return RegionResolution(zones[0], "gazetteer+context")


@cache
def _zone_units() -> tuple[Region, ...]:
    """The division data's development zones with a code of their own (county level)."""
    gaz = _gazetteer()
    return tuple(
        r for r in gaz.by_code.values() if r.level == "county" and r.name.endswith(("开发区", "工业园区"))
    )


def _add_speaking_parent(
    scores: dict[str, float], places: dict[str, Place], own: str, gaz: Gazetteer
) -> None:
    """A fragment that speaks as a 州 (我代表州人民政府, 全州) and names two of its counties (瑞丽,
    陇川) but never itself: the place speaking is the one of its level above every place named.
    Only when no place named is of that level and at least two lie below the same one."""
    if any(place.region.name.endswith(own) for place in places.values()):
        return
    parents: dict[str, Region] = {}
    below = 0
    for place in places.values():
        parent = _ancestor_named(place.region, own, gaz)
        if parent is None:
            continue  # a higher place (云南省), or one outside any place of that level
        parents[parent.region_id] = parent
        below += 1
    if len(parents) != 1 or below < 2 or below < len(places) - 1:
        return
    parent = next(iter(parents.values()))
    found = next((p for p in gaz.by_name[parent.name] if p.region.region_id == parent.region_id), None)
    if found is not None:
        scores[parent.region_id] = max(scores.values()) + 8
        places[parent.region_id] = found


def _ancestor_named(region: Region, suffix: str, gaz: Gazetteer) -> Region | None:
    """The nearest place above ``region`` whose name ends with ``suffix``."""
    code = region.parent_code
    while code and (parent := gaz.by_code.get(code)) is not None:
        if parent.name.endswith(suffix):
            return parent
        code = parent.parent_code
    return None


def _title_aliases(mention: str, gaz: Gazetteer) -> set[str]:
    """Short names that the title's place name is built from, read left to right: one counts
    where the name starts, after a suffix (宁波市海曙) or right after another short name (安徽芜湖).
    Not one read across a word (安新 in 雄安新区), nor one inside a full name found there (西安 in
    西安区: that is 西安区)."""
    if not mention:
        return set()
    covered = [False] * len(mention)
    for start, end, _ in _name_spans(mention):
        covered[start:end] = [True] * (end - start)
    starts = {0} | {i + 1 for i, ch in enumerate(mention) if ch in _SUFFIXES}
    found: set[str] = set()
    i = 0
    while i < len(mention):
        hit = next(
            (mention[i : i + n] for n in (4, 3, 2) if mention[i : i + n] in gaz.aliases and i in starts), None
        )
        if hit is None or any(covered[i : i + len(hit)]):
            i += 1
            continue
        found.add(hit)
        starts.add(i + len(hit))
        i += len(hit)
    return found


def _outside_a_titled_parent(titled: dict[str, Region]) -> list[str]:
    """Places of the title that lie outside a higher place the same title names. A title names a
    place after its parents (宁波市海曙区高桥镇), so in 武汉东湖新技术开发区 the 东湖 of 南昌市
    is a false reading, and 武汉市 stands."""
    out = []
    for rid, low in titled.items():
        for high in titled.values():
            rank_high, rank_low = _LEVEL_RANK.get(high.level, 9), _LEVEL_RANK.get(low.level, 9)
            if rank_high < rank_low and high.name not in (low.province, low.prefecture, low.county):
                out.append(rid)
                break
    return out


_LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2, "township": 3}


def _path(r: Region) -> str:
    parts = [r.province, r.prefecture, r.county, r.name]
    out: list[str] = []
    for p in parts:
        if p and p not in out:
            out.append(p)
    return "/".join(out)


@cache
def place_words() -> frozenset[str]:
    """Every full name and short name of a place (广州市, 广州, 经开区): a figure whose subject
    one of them qualifies (广州经济总量) is that place's, not the report's."""
    gaz = _gazetteer()
    # Not the everyday words among them: 全州地区生产总值 in a prefecture's report is its own.
    return (frozenset(gaz.by_name) | frozenset(gaz.aliases)) - _common_words()


def own_place_words(region: Region) -> frozenset[str]:
    """The names a report uses for its own region: its full name and short names (广东省, 广东)."""
    if region.level == "national":
        return frozenset()
    return frozenset((region.name, *_aliases_by_region().get(region.region_id, ())))


@cache
def _aliases_by_region() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = defaultdict(list)
    for alias, places in _gazetteer().aliases.items():
        for place in places:
            out[place.region.region_id].append(alias)
    return {rid: tuple(aliases) for rid, aliases in out.items()}


def region_lineage(region: Region) -> list[Region]:
    """The region and its ancestors, province first, so every parent_code resolves."""
    if region.level == "national":
        return [region]
    gaz = _gazetteer()
    chain = [region]
    seen = {region.region_id}
    parent = region.parent_code
    while parent and parent in gaz.by_code and parent not in seen:
        node = gaz.by_code[parent]
        chain.append(node)
        seen.add(parent)
        parent = node.parent_code
    return list(reversed(chain))
