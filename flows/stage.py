"""Stage step: list the source directory, hash every file, decide what needs parsing.

Every regular file in the directory gets exactly one planned outcome here (parse, unchanged,
duplicate, or quarantined), so nothing the run has seen can be lost later.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

HASH_THREADS = 4


@dataclass(frozen=True)
class FileEntry:
    source_file: str  # base name as found
    path: str
    size_bytes: int
    sha256: str | None


@dataclass
class StagePlan:
    to_parse: list[FileEntry] = field(default_factory=list)
    decided: list[dict] = field(default_factory=list)  # etl_file rows (no run_id) decided at stage time

    @property
    def n_seen(self) -> int:
        return len(self.to_parse) + len(self.decided)


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def etl_row(
    entry: FileEntry, outcome: str, reason: str | None = None, document_id: str | None = None
) -> dict:
    """An etl_file row of ``entry`` (without its run_id)."""
    return {
        "source_file": entry.source_file,
        "source_sha256": entry.sha256,
        "size_bytes": entry.size_bytes,
        "outcome": outcome,
        "reason": reason,
        "document_id": document_id,
    }


def _digest(path: str) -> str | OSError:
    try:
        return sha256_file(Path(path))
    except OSError as exc:
        return exc


def plan_files(
    source_dir: Path, published: pl.DataFrame, *, max_bytes: int, parser_version: str | None = None
) -> StagePlan:
    """Decide each file's fate; ``published`` has source_file, source_sha256, document_id, and
    may have parser_version: a document read under other rules than ``parser_version`` is parsed
    again, though its file is unchanged."""
    root = source_dir.resolve()
    by_name = dict(zip(published["source_file"], published["source_sha256"], strict=True))
    stale: set[str] = set()
    if parser_version is not None and "parser_version" in published.columns:
        outdated = published.filter(
            pl.col("parser_version").is_null() | (pl.col("parser_version") != parser_version)
        )
        stale = set(outdated["source_file"])
    by_sha = dict(zip(published["source_sha256"], published["document_id"], strict=True))
    seen_sha: dict[str, str] = {}
    plan = StagePlan()
    sized: list[FileEntry] = []
    for item in sorted(os.scandir(root), key=lambda e: e.name):
        if item.name.startswith(".") or item.is_dir(follow_symlinks=False):
            continue  # hidden files and sub-directories are not part of the source
        path = Path(item.path)
        entry = FileEntry(item.name, str(path), 0, None)
        if item.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root) or not target.is_file():
                plan.decided.append(etl_row(entry, "quarantined", "symlink_outside_source"))
                continue
        try:
            size = path.stat().st_size
            entry = FileEntry(item.name, str(path), size, None)
            if not path.is_file():
                plan.decided.append(etl_row(entry, "quarantined", "not_a_regular_file"))
                continue
        except OSError as exc:
            plan.decided.append(etl_row(entry, "quarantined", f"unreadable: {exc.strerror or exc}"))
            continue
        if size > max_bytes:
            plan.decided.append(etl_row(entry, "quarantined", f"too_large: {size} bytes > {max_bytes}"))
            continue
        sized.append(entry)
    # hashlib releases the GIL on large reads: a few threads hash several files at once.
    with ThreadPoolExecutor(max_workers=HASH_THREADS) as pool:
        digests = list(pool.map(_digest, [e.path for e in sized]))
    for entry, digest in zip(sized, digests, strict=True):
        if isinstance(digest, OSError):
            plan.decided.append(etl_row(entry, "quarantined", f"unreadable: {digest.strerror or digest}"))
            continue
        entry = FileEntry(entry.source_file, entry.path, entry.size_bytes, digest)
        if by_name.get(entry.source_file) == digest and entry.source_file not in stale:
            plan.decided.append(etl_row(entry, "unchanged", None, digest[:16]))
        elif by_name.get(entry.source_file) == digest:
            plan.to_parse.append(entry)  # read under older rules: parsed again, replacing itself
        elif digest in by_sha:
            reason = "same content as a loaded document"
            plan.decided.append(etl_row(entry, "duplicate", reason, by_sha[digest]))
        elif digest in seen_sha:
            plan.decided.append(
                etl_row(entry, "duplicate", f"same content as {seen_sha[digest]} in this run", digest[:16])
            )
        else:
            seen_sha[digest] = entry.source_file
            plan.to_parse.append(entry)
    return plan


def batches(entries: list[FileEntry], workers: int, per_worker: int, max_docs: int) -> list[list[FileEntry]]:
    """Split work so every worker gets several batches (load balance) of bounded size (memory)."""
    if not entries:
        return []
    size = max(1, min(max_docs, -(-len(entries) // (workers * per_worker))))
    return [entries[i : i + size] for i in range(0, len(entries), size)]
