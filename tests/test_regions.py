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
