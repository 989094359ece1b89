"""Cleaning on the real seeds: script, mojibake, page junk, glossary, page markers, footnotes."""

from __future__ import annotations

from pathlib import Path

from transforms.clean import clean_document, strip_html

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def seed(prefix: str) -> str:
    return next(SAMPLES.glob(prefix + "_*.txt")).read_text("utf-8")


def test_traditional_scraped_seed():
    c = clean_document(seed("003"))
    assert c.script == "traditional"
    assert "总的来说" in c.text  # repaired mojibake (??偟膩碚f)
    assert c.n_mojibake_repaired >= 1 and c.mojibake_spans  # the rest flagged, with offsets
    for start, end in c.mojibake_spans:
        assert "?" in c.text[start:end]
    assert "索引号" not in c.text and "字体" not in c.text
    assert "名词解释" not in c.text and c.n_glossary_chars > 1000
    assert "(P14)" not in c.text
    assert "发布时间" in c.full_text  # metadata still there for the metadata step


def test_spam_footers_removed():
    for prefix, junk in (("001", "shituxiezuo"), ("004", "娱乐官网"), ("004", "网站地图")):
        c = clean_document(seed(prefix))
        assert junk not in c.text and c.n_boilerplate_lines >= 2


def test_footnote_digits_go_quantities_stay():
    c = clean_document("全县“三区三线”4划定工作全面完成，“5020”项目32个，培育“专精特新”企业12家，增长7.7%。")
    assert "“三区三线”划定" in c.text
    assert "“5020”项目32个" in c.text and "“专精特新”企业12家" in c.text and "7.7%" in c.text


def test_simplified_seed_is_left_alone():
    original = seed("000")
    c = clean_document(original)
    assert c.script == "simplified" and c.n_mojibake_repaired == 0 and not c.mojibake_spans
    assert len(c.text) > 0.95 * len(original.strip())


def test_html_page_to_text():
    page = (
        "<html><head><style>p{}</style><script>var x=1;</script></head>"
        "<body><p>各位代表：</p><div>增长&gt;5%</div></body></html>"
    )
    text = strip_html(page)
    assert "各位代表：" in text and "增长>5%" in text and "var x" not in text and "<" not in text
