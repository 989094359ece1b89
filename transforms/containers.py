"""Reports published as PDF or Word (.docx) files: their text, as a text file would give it.

Government sites publish many reports only as PDF or Word attachments. The text comes out one
PDF line or one Word paragraph per line, which is what the cleaning step already expects of text
taken from a print layout (hard wraps, page numbers, running headers). A file whose pages carry
no text (a scan) or that cannot be opened gets a reason, never an exception.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

from transforms.models import InputRejected

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCX_BODY = "word/document.xml"
_MAX_XML_BYTES = 64 * 1024 * 1024  # a zip bomb claims more than any report's text could need
_HAN = re.compile(r"[\u4e00-\u9fff\u2e80-\u2fdf\uf900-\ufaff]")
_MIN_HAN = 20  # fewer Han characters than this in a whole PDF: its pages are images


def container_kind(data: bytes) -> str | None:
    """'pdf' or 'docx' for a file this module reads, else None (the caller decides)."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return "docx" if _DOCX_BODY in archive.namelist() else None
        except zipfile.BadZipFile:
            return None
    return None


def container_text(data: bytes, kind: str) -> str:
    """The text of a PDF or .docx file; raises InputRejected when there is none to read."""
    try:
        text = _pdf_text(data) if kind == "pdf" else _docx_text(data)
    except InputRejected:
        raise
    except Exception as exc:  # a damaged file must quarantine itself, not stop the run
        raise InputRejected("undecodable", f"{kind}: {type(exc).__name__}: {exc}"[:200]) from exc
    return text


def _pdf_text(data: bytes) -> str:
    import pypdf  # only runs that meet a PDF pay for the import

    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):  # many sites set only an owner password
        raise InputRejected("undecodable", "pdf: encrypted with a user password")
    pages = [page.extract_text() or "" for page in reader.pages]
    # No blank line at a page break: a paragraph that runs on to the next page is one paragraph.
    text = "\n".join(page.strip("\n") for page in pages)
    if len(_HAN.findall(text)) < _MIN_HAN:
        pages_word = "page" if len(pages) == 1 else f"{len(pages)} pages"
        raise InputRejected("no_text_layer", f"pdf: no text on its {pages_word} (a scan needs OCR)")
    return text


def _docx_text(data: bytes) -> str:
    """One line per paragraph; tabs and line breaks kept. Tables are paragraphs too."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if archive.getinfo(_DOCX_BODY).file_size > _MAX_XML_BYTES:
            raise InputRejected("too_large", f"docx: {_DOCX_BODY} unpacks to over {_MAX_XML_BYTES} bytes")
        xml = archive.read(_DOCX_BODY)
    lines: list[str] = []
    parts: list[str] = []
    for _event, element in ElementTree.iterparse(io.BytesIO(xml), events=("end",)):
        tag = element.tag
        if tag == f"{_W}t":
            parts.append(element.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}p":
            lines.append("".join(parts))
            parts = []
            element.clear()
    return "\n".join(lines)
