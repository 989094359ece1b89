"""Deterministic corpus of realistic reports for the benchmark.

Each report is assembled like a real one: a title and session line for a real county, prefecture
or province (names and codes from jionlp's division data), a review with actual figures, a plan
with targets, and body paragraphs drawn from the bundled seeds; some are Traditional script, some
GB18030, some carry scraped page junk. About 30 KB each, so 1,000 reports are ~30 MB.
"""

from __future__ import annotations

import contextlib
import io
import random
import re
from pathlib import Path

import opencc

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TARGET_BYTES = 30_000
VERSION = "2"  # bump when the shape of the reports changes: cached corpora are then rebuilt
# A figure in a borrowed paragraph (not a year, date, session or ordinal): redrawn per report, so
# no two reports share their figure sentences, as in a real corpus (memos must not flatter us).
_FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d年月日届次号期批])")
_YEAR = re.compile(r"(?:19|20)\d\d")

REVIEW = (
    "过去一年，全{s}地区生产总值完成{gdp}亿元，增长{g1}%；一般公共预算收入{rev}亿元，增长{g2}%；"
    "规模以上工业增加值增长{g3}%；固定资产投资增长{g4}%；社会消费品零售总额{rs}亿元，增长{g5}%；"
    "1-11月，外贸进出口总额增长{g6}%；城镇和农村居民人均可支配收入分别增长{g7}%、{g8}%；"
    "城镇新增就业{jobs}人。"
)
PLAN = (
    "{y}年全{s}经济社会发展的主要预期目标是：地区生产总值增长{t1}%左右；一般公共预算收入增长{t2}%；"
    "规上工业增加值增长{t3}%以上；固定资产投资增长{t4}%－{t5}%；社会消费品零售总额增长{t6}%左右；"
    "城镇新增就业{tj}人以上，城镇调查失业率控制在5.5%以内；居民消费价格涨幅3%左右；"
    "力争实际使用外资{fdi}亿美元。"
)
JUNK_HEAD = (
    "您当前的位置：首页 > 政务公开 > 政府工作报告\n索引号：{code}/{y}-00031\n"
    "发布时间：{y}-01-16  字体：[ 大 中 小 ]\n"
)
JUNK_TAIL = "\n版权所有：{name}人民政府  网站地图  联系我们\n本文地址：/baogao/{code}.html\n"


def _regions() -> list[tuple[str, str, str]]:
    """(name, code, suffix) of real counties, prefectures and provinces."""
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp

        data = jionlp.china_location_loader(detail=True)
    out = []
    for prov, pv in data.items():
        out.append((prov, str(pv["_admin_code"]), prov[-1]))
        for pref, fv in pv.items():
            if pref.startswith("_"):
                continue
            out.append((pref, str(fv["_admin_code"]), pref[-1]))
            for county, cv in fv.items():
                if not county.startswith("_"):
                    out.append((county, str(cv["_admin_code"]), county[-1]))
    return out


def _paragraphs() -> list[str]:
    paras: list[str] = []
    for f in sorted(SAMPLES.glob("*.txt")):
        text = opencc.OpenCC("t2s").convert(f.read_text("utf-8"))
        paras += [p.strip() for p in text.split("\n") if len(p.strip()) > 80 and "?" not in p]
    return paras


def _vary(rng: random.Random, para: str) -> str:
    """The paragraph with each figure's digits redrawn (same number of digits, no leading zero)."""

    def redraw(m: re.Match[str]) -> str:
        figure = m.group()
        if _YEAR.fullmatch(figure):
            return figure
        digits = [str(rng.randint(0, 9)) if ch.isdigit() else ch for ch in figure]
        if len(figure.split(".")[0]) > 1 or (digits[0] == "0" and "." not in figure):
            digits[0] = str(rng.randint(1, 9))
        return "".join(digits)

    return _FIGURE.sub(redraw, para)


def _self(suffix: str) -> str:
    return suffix if suffix in "省市县区旗" else "市"


def report(rng: random.Random, region: tuple[str, str, str], paras: list[str]) -> str:
    name, code, suffix = region
    year = rng.randint(2018, 2025)
    s = _self(suffix)
    f = lambda lo, hi: f"{rng.uniform(lo, hi):.1f}"  # noqa: E731
    head = [
        f"{year}年{name}政府工作报告",
        f"——{year}年1月{rng.randint(5, 28)}日在{name}第十七届人民代表大会第三次会议上",
        f"{'省长' if s == '省' else s + '长'} 张{rng.choice('伟芳敏静丽强磊军洋勇')}",
        "各位代表：",
        f"现在，我代表{s}人民政府，向大会报告工作，请予审议。",
        f"一、{year - 1}年工作回顾",
        REVIEW.format(
            s=s, gdp=f(50, 5000), g1=f(-2, 9), rev=f(5, 400), g2=f(-5, 15), g3=f(0, 12), g4=f(-10, 15),
            rs=f(20, 2000),
            g5=f(0, 12), g6=f(-20, 40), g7=f(3, 8), g8=f(4, 10), jobs=rng.randint(1000, 90000),
        ),
    ]  # fmt: skip
    body = [_vary(rng, rng.choice(paras)) for _ in range(12)]
    plan = [
        f"二、{year}年工作安排",
        PLAN.format(
            y=year, s=s, t1=f(4, 9), t2=f(3, 9), t3=f(5, 12), t4=f(5, 8), t5=f(8.5, 12), t6=f(5, 10),
            tj=rng.randint(1000, 90000), fdi=f(0.5, 30),
        ),
    ]  # fmt: skip
    parts = head + body[:6] + plan + body[6:]
    text = "\n".join(parts)
    while len(text.encode("utf-8")) < TARGET_BYTES:
        text += "\n" + _vary(rng, rng.choice(paras))
    if rng.random() < 0.2:
        text = JUNK_HEAD.format(code=code, y=year) + text + JUNK_TAIL.format(name=name, code=code)
    return text


def generate(n: int, out: Path, seed: int = 20231) -> Path:
    """Write ``n`` reports into ``out`` (reused when already complete)."""
    done = out / ".complete"
    if done.exists() and done.read_text() == f"{n}:v{VERSION}":
        return out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    rng = random.Random(seed)
    regions, paras = _regions(), _paragraphs()
    s2t = opencc.OpenCC("s2t")
    for i in range(n):
        text = report(rng, rng.choice(regions), paras)
        roll = rng.random()
        if roll < 0.1:
            data = s2t.convert(text).encode("utf-8")
        elif roll < 0.15:
            data = text.encode("gb18030")
        else:
            data = text.encode("utf-8")
        (out / f"r{i:06d}.txt").write_bytes(data)
    done.write_text(f"{n}:v{VERSION}")
    return out


def corpus_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.glob("*.txt"))
