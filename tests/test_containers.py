"""Reports published as PDF or Word .docx files: real files, written here by real writers
(reportlab for PDF, a .docx's own XML parts for Word), read through the whole parse."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from transforms.decode import decode_bytes
from transforms.document import parse_document
from transforms.models import InputRejected

REPORT = [
    "攸县2024年政府工作报告",
    "各位代表：",
    "现在，我代表县人民政府，向大会报告政府工作，请予审议。",
    "一、2023年工作回顾",
    "过去一年，我们坚持稳中求进工作总基调，统筹发展和安全，扎实推进各项工作，经济社会发展取得新的成效。"
    "我们着力扩大有效投资，持续优化营商环境，深入推进乡村振兴，切实保障和改善民生，各项事业取得新进展。",
    "这些成绩的取得，是县委坚强领导的结果，是县人大、县政协监督支持的结果，是全县干部群众团结奋斗的结果。"
    "在此，我代表县人民政府，向全县人民，向各位代表、各位委员，表示衷心的感谢！",
    "在肯定成绩的同时，我们也清醒看到，发展中还存在不少困难和问题：产业结构不够优化，创新能力还不够强，"
    "民生保障还有短板，政府自身建设仍需加强。对此，我们将采取有力措施，认真加以解决。",
    "全县地区生产总值完成120.5亿元，增长5.1%；一般公共预算收入8.2亿元，增长6%；"
    "城镇居民人均可支配收入4.1万元，增长5.5%。",
    "二、2024年工作安排",
    "全县经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%以上。",
]
EXPECTED = {
    ("gdp", "actual", "level", 120.5),
    ("gdp", "actual", "growth", 5.1),
    ("general_budget_revenue", "actual", "level", 8.2),
    ("general_budget_revenue", "actual", "growth", 6.0),
    ("urban_income", "actual", "level", 4.1),
    ("urban_income", "actual", "growth", 5.5),
    ("gdp", "target", "growth", 6.0),
    ("general_budget_revenue", "target", "growth", 5.0),
}
_WIDTH = 38  # characters per printed line: paragraphs wrap mid-sentence, as in a real PDF


def pdf_bytes(paragraphs: list[str], *, break_in: int = 7) -> bytes:
    """Paragraphs wrapped at a page width, with a page break (and a page number at the foot)
    after the first line of paragraph ``break_in``: 8.2亿元 on one page, 增长6% on the next."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("STSong-Light", 11)
    y = 800
    for number, paragraph in enumerate(paragraphs):
        for i in range(0, len(paragraph), _WIDTH):
            page.drawString(40, y, paragraph[i : i + _WIDTH])
            y -= 18
            if number == break_in and i == 0:
                page.drawString(280, 40, "— 1 —")
                page.showPage()
                page.setFont("STSong-Light", 11)
                y = 800
    page.showPage()
    page.save()
    return buffer.getvalue()


def docx_bytes(paragraphs: list[str]) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(
        # a paragraph split over runs, as Word saves a paragraph edited twice
        f'<w:p><w:r><w:t xml:space="preserve">{escape(p[:7])}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr>'
        f"<w:t>{escape(p[7:])}</w:t></w:r></w:p>"
        for p in paragraphs
    )
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>'
        ),
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body>'
        f"{body}</w:body></w:document>",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def core(doc) -> set[tuple]:
    return {(f.indicator_code, f.kind, f.measure, f.value) for f in doc.facts if f.indicator_code}


@pytest.mark.parametrize(("kind", "make"), [("pdf", pdf_bytes), ("docx", docx_bytes)])
def test_a_report_published_as_a_file_gives_its_facts(kind, make):
    doc = parse_document(f"report.{kind}", make(REPORT))
    assert doc.encoding == kind
    assert doc.meta.title == "攸县2024年政府工作报告" and doc.meta.report_year == 2024
    assert doc.region.region is not None and doc.region.region.name == "攸县"
    assert core(doc) == EXPECTED
    assert "— 1 —" not in doc.cleaned.text


def test_a_scanned_pdf_without_text_is_quarantined_with_its_reason():
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(40, 40, 500, 700, fill=1)  # a page that is only a picture
    page.showPage()
    page.save()
    with pytest.raises(InputRejected) as caught:
        decode_bytes(buffer.getvalue())
    assert caught.value.reason == "no_text_layer"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (pdf_bytes(REPORT)[:600], "undecodable"),  # a download cut short
        (b"%PDF-1.7\n" + b"\x00garbage" * 50, "undecodable"),
        (docx_bytes(REPORT)[:300], "binary"),  # a cut zip is no longer a .docx
    ],
)
def test_damaged_files_get_a_reason_not_an_exception(data, reason):
    with pytest.raises(InputRejected) as caught:
        decode_bytes(data)
    assert caught.value.reason == reason


def test_other_office_files_and_old_word_files_say_what_they_are():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputRejected, match=r"not a Word \.docx"):
        decode_bytes(buffer.getvalue())
    with pytest.raises(InputRejected, match=r"\.doc"):
        decode_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
