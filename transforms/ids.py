"""Stable identifiers derived from content."""

from __future__ import annotations

import hashlib


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_id(sha256: str) -> str:
    """Documents are identified by content, so a changed file is a new document."""
    return sha256[:16]
