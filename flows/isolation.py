"""A batch whose parse process died twice: find the file that kills it, quarantine it, keep the rest.

A worker that dies takes its whole batch with it, and a file that kills every process that parses
it (a crash in a C library, a text that exhausts memory) would fail every run that meets it. So
the batch is parsed once more in a process of its own (the deaths may have been another batch's:
a pool dies whole); if that process dies too, each half likewise, down to the single files that
still kill a process alone. Those are quarantined with how their process died; every other file
of the batch is parsed and staged as usual. One such file in a batch of n costs about
1 + 2·log2(n) process starts.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from flows.parse_slots import ParseSlots, ProcessDied
from flows.parse_worker import BatchResult, batch_id, parse_files
from flows.stage import FileEntry
from transforms.frames import quarantine_frame
from warehouse.staging import discard_batch


def isolate_batch(slots: ParseSlots, entries: list[FileEntry], run_id: str, staging: str) -> BatchResult:
    discard_batch(Path(staging), batch_id(entries))  # what the dead worker may have staged of it
    results = _bisect(slots, entries, run_id, staging)
    return BatchResult(
        frames={},
        quarantine=pl.concat([r.quarantine for r in results], how="diagonal_relaxed"),
        loaded=[pair for r in results for pair in r.loaded],
        errors=[e for r in results for e in r.errors],
        n_facts=sum(r.n_facts for r in results),
        batch_id=batch_id(entries),
    )


def _bisect(slots: ParseSlots, entries: list[FileEntry], run_id: str, staging: str) -> list[BatchResult]:
    """The files in a process of their own; when it dies, each half likewise."""
    try:
        return [slots.run_alone(parse_files, entries, run_id, staging)]
    except ProcessDied as exc:
        discard_batch(Path(staging), batch_id(entries))  # the halves stage under ids of their own
        if len(entries) > 1:
            mid = len(entries) // 2
            left, right = entries[:mid], entries[mid:]
            return _bisect(slots, left, run_id, staging) + _bisect(slots, right, run_id, staging)
        (entry,) = entries
        row = {
            "source_file": entry.source_file,
            "source_sha256": entry.sha256,
            "size_bytes": entry.size_bytes,
            "reason": f"worker_died: {exc} while parsing this file alone",
        }
        return [BatchResult(frames={}, quarantine=quarantine_frame([row]), batch_id=batch_id(entries))]
