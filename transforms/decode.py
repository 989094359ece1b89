"""Bytes to text: UTF-8, UTF-16, GB18030/GBK or Big5, a PDF's or a Word file's text, with a
reason when it is none of them.

Strict trial decodes come first because they are exact and fast; charset-normalizer breaks the
tie only when both Chinese legacy codecs decode the bytes (short texts often do), and says when
nothing reads as language at all.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from transforms.containers import container_kind, container_text
from transforms.models import Decoded, InputRejected

_MAGIC = {  # PDF and Word .docx files are read (transforms/containers.py); these are not
    b"PK\x03\x04": "a zip archive that is not a Word .docx",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "a Word 97-2003 .doc or another OLE file (saved as .docx it can be read)",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7z archive",
    b"\x7fELF": "an executable",
}
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_MAX_CONTROL_SHARE = 0.005  # text files carry almost none; compressed or executable data ~8 %
_DETECT_PREFIX = 64 * 1024
_JUNK_CHARS = re.compile(r"[\ufffd\ue000-\uf8ff]")


def decode_bytes(data: bytes) -> Decoded:
    """Decode one file; raises InputRejected (empty, binary, undecodable, no_text_layer,
    too_large) and nothing else."""
    try:
        return _decode(data)
    except InputRejected:
        raise
    except Exception as exc:  # a detector bug must quarantine one file, not stop the run
        raise InputRejected("undecodable", f"{type(exc).__name__}: {exc}"[:200]) from exc


def _decode(data: bytes) -> Decoded:
    if not data.strip():
        raise InputRejected("empty", f"{len(data)} bytes of nothing")
    if (kind := container_kind(data)) is not None:
        return _text_of(container_text(data, kind), kind, 1.0)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputRejected("binary", what)
    decoded = _utf16(data)
    if decoded is None:
        head = data[:_DETECT_PREFIX]
        n_control = len(_CONTROL_BYTES.findall(head))
        if n_control > max(8, _MAX_CONTROL_SHARE * len(head)):
            raise InputRejected("binary", f"{n_control} control bytes in the first {len(head)}")
        decoded = _utf8(data) or _legacy(data)
    if decoded is None:
        raise InputRejected("undecodable", "not UTF-8, UTF-16, GB18030 or Big5")
    return _text_of(decoded.text, decoded.encoding, decoded.confidence)


def _text_of(raw: str, encoding: str, confidence: float) -> Decoded:
    text = _CONTROL.sub("", raw.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise InputRejected("empty", "no text after decoding")
    return Decoded(text=text, encoding=encoding, confidence=confidence)


def _utf16(data: bytes) -> Decoded | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16", 1.0)
        except UnicodeDecodeError:
            return None
    sample = data[:8192]
    if len(sample) >= 8 and len(data) % 2 == 0:
        # No BOM: NUL bytes mostly on one side of the byte pairs (the high byte of ASCII
        # characters such as newlines and digits) mean UTF-16. The other side has some too (一 is
        # U+4E00), and Chinese text has few ASCII characters, so the decoded text must also read
        # as text before it is accepted.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        for codec, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
            if zeros >= 8 and other <= zeros // 3:
                try:
                    text = data.decode(codec)
                except UnicodeDecodeError:
                    continue
                if _looks_like_text(text, 0.95) and len(_HAN.findall(text[:5000])) >= 0.2 * min(
                    len(text), 5000
                ):
                    return Decoded(text, "utf-16", 0.9)
    if data.count(0) > max(1, len(data) // 1000):
        raise InputRejected("binary", f"{data.count(0)} NUL bytes")
    return None


def _utf8(data: bytes) -> Decoded | None:
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8", 1.0)
    except UnicodeDecodeError as exc:
        # A file cut in the middle of a character is still UTF-8: drop the broken tail.
        if exc.start >= len(data) - 3:
            return Decoded(data[: exc.start].decode("utf-8-sig"), "utf-8", 0.99)
        return None


def _legacy(data: bytes) -> Decoded | None:
    candidates = {}
    for codec in ("gb18030", "big5"):
        try:
            candidates[codec] = data.decode(codec)
        except UnicodeDecodeError:
            continue
    if len(candidates) == 1:
        codec, text = next(iter(candidates.items()))
        return Decoded(text, codec, 0.9) if _looks_like_text(text) else None
    best = from_bytes(data[:_DETECT_PREFIX], cp_isolation=["gb18030", "big5", "utf_8"]).best()
    if best is None:
        # No verdict (a short text, or neither decodes cleanly): the first that reads as Chinese,
        # GB18030 with replacements as the last resort.
        for codec, text in candidates.items():
            if _mostly_han(text):
                return Decoded(text, codec, 0.5)
        text = data.decode("gb18030", errors="replace")
        return Decoded(text, "gb18030", 0.3) if _mostly_han(text) else None
    codec = "big5" if "big5" in best.encoding else "gb18030"
    text = candidates.get(codec) or data.decode(codec, errors="replace")
    return Decoded(text, codec, float(1.0 - best.chaos))


def _looks_like_text(text: str, min_share: float = 0.8) -> bool:
    sample = text[:5000]
    if not sample:
        return False
    good = sum(ch.isprintable() or ch in "\n\t" for ch in sample)
    return good / len(sample) >= min_share


def _mostly_han(text: str) -> bool:
    """Lossy GB18030 is kept only when it reads as Chinese with a few broken characters."""
    sample = text[:5000]
    visible = len(sample) - sum(ch.isspace() for ch in sample)
    if not visible:
        return False
    junk = len(_JUNK_CHARS.findall(sample))
    return junk <= 0.02 * visible and len(_HAN.findall(sample)) >= 0.3 * visible
