"""Decoding: every supported encoding round-trips and is recorded; unusable bytes get a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.decode import decode_bytes
from transforms.models import InputRejected

SEED = (Path(__file__).resolve().parent.parent / "samples" / "001_92548e2dbce945c9.txt").read_text("utf-8")
PARAGRAPH = SEED[:600]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (PARAGRAPH.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + PARAGRAPH.encode("utf-8"), "utf-8"),
        (PARAGRAPH.encode("gb18030"), "gb18030"),
        (PARAGRAPH.encode("utf-16"), "utf-16"),
        (PARAGRAPH.encode("utf-16-le"), "utf-16"),
        (PARAGRAPH.encode("utf-16-be"), "utf-16"),
    ],
)
def test_encodings_round_trip(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert decoded.text.strip() == PARAGRAPH.strip()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_full_of_yi(codec):
    # 一 is U+4E00: every one puts a NUL byte on the other side of the pairs. One 一 to a dozen
    # ASCII characters (a real report's share) had the report quarantined as binary.
    text = "全县一般公共预算收入增长5.2%，地区生产总值增长6.1%，城镇新增就业3500人。\n" * 5
    decoded = decode_bytes(text.encode(codec))
    assert (decoded.encoding, decoded.text) == ("utf-16", text)


def test_big5_traditional():
    text = "各位代表：過去一年，全縣地區生產總值增長4.5%，一般公共預算收入增長13.3%。" * 10
    decoded = decode_bytes(text.encode("big5"))
    assert decoded.encoding == "big5" and decoded.text == text


def test_big5_that_the_detector_gives_no_verdict_on():
    # charset-normalizer returns nothing for this head of a report; GB18030 decodes the bytes
    # too, as nonsense, and the file was quarantined as undecodable.
    text = (
        "政府工作報告\n——二○二四年一月十二日在臨澧縣第十八屆人民代表大會第四次會議上\n"
        "臨澧縣人民政府縣長  王某某\n\n各位代表：\n"
        "現在，我代表縣人民政府向大會報告工作，請予審議，並請縣政協委員和其他列席人員提出意見。\n\n"
        "一、二○二三年工作回顧\n"
    )
    decoded = decode_bytes(text.encode("big5"))
    assert (decoded.encoding, decoded.text) == ("big5", text)


def test_utf8_cut_in_the_middle_of_a_character_is_still_utf8():
    data = PARAGRAPH.encode("utf-8")
    decoded = decode_bytes(data[:-1] if data[-1] >= 0x80 else data + "报".encode()[:2])
    assert decoded.encoding == "utf-8"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
        (b"%PDF-1.7\n" + bytes(range(256)), "undecodable"),  # read as a PDF, and a damaged one
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_unusable_bytes_are_rejected_with_a_reason(data, reason):
    with pytest.raises(InputRejected) as exc:
        decode_bytes(data)
    assert exc.value.reason == reason


SEED_TRADITIONAL = (
    Path(__file__).resolve().parent.parent / "samples" / "003_5bcefcfac6cb166c.txt"
).read_text("utf-8")
TRAD_PARAGRAPH = SEED_TRADITIONAL.split("\n")[21][:500]


@pytest.mark.parametrize("codec", ["big5", "gb18030", "utf-16"])
def test_traditional_seed_paragraph_round_trips(codec):
    decoded = decode_bytes(TRAD_PARAGRAPH.encode(codec))
    assert decoded.encoding == codec
    assert decoded.text == TRAD_PARAGRAPH


def test_newlines_and_control_characters_are_normalised():
    decoded = decode_bytes("各位代表：\r\n过去一年，\x0c全县\x07经济\r增长。".encode())
    assert decoded.text == "各位代表：\n过去一年，全县经济\n增长。"


def test_random_bytes_without_nul_are_binary():
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(4096))
    with pytest.raises(InputRejected) as exc:
        decode_bytes(data)
    assert exc.value.reason == "binary"
