"""Is this text a government work report at all? Cheap cue counting before costly parsing."""

from __future__ import annotations

from functools import cache

import reference
from transforms.models import InputRejected


@cache
def _cues() -> tuple[tuple[str, ...], int, int]:
    cfg = reference.load_yaml("report_cues.yaml")
    return tuple(cfg["cues"]), int(cfg["min_hits"]), int(cfg["min_chars"])


@cache
def _other_reports() -> tuple[tuple[str, ...], int]:
    cfg = reference.load_yaml("report_cues.yaml")
    return tuple(cfg["other_documents"]), int(cfg["other_report_head_chars"])


def other_document(text: str) -> str | None:
    """The other document (the session's 计划执行情况, 预算执行情况, 法院工作报告; a 统计公报) that
    the text's opening names, when it does not name 政府工作报告."""
    names, head_chars = _other_reports()
    head = text[:head_chars]
    if "政府工作报告" in head:
        return None
    return next((name for name in names if name in head), None)


def report_cue_hits(text: str) -> int:
    """Number of distinct report cues in the text."""
    cues, _, _ = _cues()
    return sum(1 for cue in cues if cue in text)


def ensure_report(text: str) -> None:
    """Reject texts too short or without enough work-report vocabulary to be one."""
    _, min_hits, min_chars = _cues()
    n_chars = len(text.strip())
    if n_chars == 0:
        raise InputRejected("empty", "no text left after cleaning")
    if n_chars < min_chars:
        raise InputRejected("not_a_report", f"only {n_chars} characters of text after cleaning")
    hits = report_cue_hits(text)
    if hits < min_hits:
        raise InputRejected("not_a_report", f"{hits} work-report cue(s) found, {min_hits} needed")
    if (other := other_document(text)) is not None:
        raise InputRejected("not_a_report", f"another kind of document: {other}")
