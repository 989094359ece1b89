"""The CPU-bound part of a run, as a plain function a process pool or a Dask worker can run.

It reads the batch's files and calls the pure transforms; it does not talk to Prefect or DuckDB,
so it can run in a spawned process or on a remote Dask worker. Given the run's staging directory
it writes the batch's tables there itself, so the corpus never passes through the flow's process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from flows.gazetteer_cache import ensure_loaded as ensure_gazetteer
from flows.parser_version import parser_version
from flows.stage import FileEntry
from gwr.faults import breaks_contract, die_if_poison
from transforms.document import parse_document
from transforms.frames import document_frames, quarantine_frame
from transforms.ids import document_id
from transforms.models import InputRejected, ParsedDocument, Region
from transforms.regions import region_lineage
from warehouse.staging import write_batch


@dataclass
class BatchResult:
    frames: dict[str, pl.DataFrame]
    quarantine: pl.DataFrame
    loaded: list[tuple[str, str]] = field(default_factory=list)  # (source_file, document_id)
    errors: list[str] = field(default_factory=list)  # tracebacks of unexpected failures
    n_facts: int = 0
    batch_id: str = ""

    def release(self) -> None:
        """Forget the frames once they are in staging (Prefect futures hold on to results)."""
        self.frames = {}
        self.quarantine = self.quarantine.clear()


def batch_id(entries: list[FileEntry]) -> str:
    """Names the batch's staged files; the same files give the same id, so a retry overwrites."""
    digest = hashlib.sha256("\n".join(f"{e.source_file}:{e.sha256}" for e in entries).encode())
    return digest.hexdigest()[:20]


def parse_files(entries: list[FileEntry], run_id: str, staging: str | None = None) -> BatchResult:
    ensure_gazetteer()  # from the on-disk snapshot: about 75 MB less in every parse process
    docs: list[ParsedDocument] = []
    quarantined: list[dict] = []
    errors: list[str] = []
    lineages: dict[str, list[Region]] = {}
    latest_year = dt.date.today().year + 1  # the documents' contract: no report dated later
    for entry in entries:
        reason = None
        die_if_poison(entry.source_file)
        try:
            with open(entry.path, "rb") as fh:
                data = fh.read()
            doc = parse_document(entry.source_file, data, sha256=entry.sha256, latest_year=latest_year)
            if breaks_contract(entry.source_file):
                doc.meta.report_year = 9999
            region = doc.region.region
            if region is not None and region.region_id not in lineages:
                lineages[region.region_id] = region_lineage(region)
            docs.append(doc)
        except InputRejected as exc:
            reason = str(exc)
        except OSError as exc:
            reason = f"unreadable: {exc.strerror or exc}"
        except Exception as exc:  # a bug must quarantine one file, not sink the run
            reason = f"parse_error: {type(exc).__name__}: {exc}"[:300]
            errors.append(f"{entry.source_file}: {traceback.format_exc()}")
        if reason is not None:
            quarantined.append(
                {
                    "source_file": entry.source_file,
                    "source_sha256": entry.sha256,
                    "size_bytes": entry.size_bytes,
                    "reason": reason,
                }
            )
    frames = document_frames(docs, run_id, lineages, parser_version())
    result = BatchResult(
        frames=frames,
        quarantine=quarantine_frame(quarantined),
        loaded=[(d.source_file, document_id(d.source_sha256)) for d in docs],
        errors=errors,
        n_facts=frames["fact_indicator"].height,
        batch_id=batch_id(entries),
    )
    if staging is not None:
        write_batch(Path(staging), result.batch_id, frames)
        result.frames = {}
    return result


def warm_up(sample: Path, staging: Path) -> None:
    """Parse one report and stage its tables, so the first run a resident process serves does
    not pay for jieba's dictionary, the tokenizer, compiled patterns and the region tables."""
    data = sample.read_bytes()
    entry = FileEntry(sample.name, str(sample), len(data), hashlib.sha256(data).hexdigest())
    parse_files([entry], "warm-up", str(staging))
