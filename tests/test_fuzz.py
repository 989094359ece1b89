"""Hostile input, property-based: whatever bytes and names a directory holds, staging and parsing
never crash and every file ends with exactly one outcome (a quarantine row carries a reason)."""

from __future__ import annotations

import collections
import tempfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows.parse_worker import parse_files
from flows.stage import plan_files

TALLY: collections.Counter[str] = collections.Counter()  # figures for docs/reliability.md (-s)

SEED = (Path(__file__).resolve().parent.parent / "samples" / "001_92548e2dbce945c9.txt").read_bytes()
EMPTY_PUBLISHED = pl.DataFrame(
    {"source_file": [], "source_sha256": [], "document_id": []},
    schema={"source_file": pl.String, "source_sha256": pl.String, "document_id": pl.String},
)

names = st.text(
    alphabet=st.sampled_from([*"abc 报告;'\"$`()[]{}!#&%=,+-_~é中文", "\u3000"]),
    min_size=1,
    max_size=24,
).filter(lambda n: n.strip() not in ("", ".", "..") and not n.startswith("."))

contents = st.one_of(
    st.binary(max_size=2048),
    st.binary(max_size=64).map(lambda b: SEED[: len(SEED) // 2 + 1] + b),  # cut mid-character
    st.integers(1, len(SEED) - 1).map(lambda n: SEED[:n]),  # truncated multi-byte sequences
    st.just(b""),
    st.binary(max_size=32).map(lambda b: b"\x00" * 100 + b),  # NUL bytes
    st.integers(10_000, 200_000).map(lambda n: ("各位代表" * n).encode("utf-8")),  # one huge line
    st.text(max_size=500).map(lambda t: f"<html><body><p>{t}</p><script>x</script></body></html>".encode()),
    st.sampled_from(["utf-16", "gb18030", "big5", "utf-8"]).map(
        lambda enc: SEED.decode("utf-8").encode(enc, errors="replace")
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.dictionaries(names, contents, min_size=1, max_size=6))
def test_any_directory_gets_one_outcome_per_file(files):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, data in files.items():
            (root / name).write_bytes(data)
        plan = plan_files(root, EMPTY_PUBLISHED, max_bytes=1_000_000)
        result = parse_files(plan.to_parse, "fuzz-run")
        decided = {row["source_file"] for row in plan.decided}
        loaded = {name for name, _ in result.loaded}
        quarantined = set(result.quarantine["source_file"].to_list())
        parsed = {e.source_file for e in plan.to_parse}
        # exactly one outcome per file on disk
        assert decided | parsed == set(files)
        assert not decided & parsed
        assert loaded | quarantined == parsed and not loaded & quarantined
        assert result.quarantine["reason"].null_count() == 0
        assert not result.errors, result.errors  # no file hit an unexpected exception
        TALLY["directories"] += 1
        TALLY["files"] += len(files)
        TALLY.update(row["outcome"] for row in plan.decided)
        TALLY["loaded"] += len(loaded)
        TALLY["quarantined"] += len(quarantined)


@pytest.fixture(scope="module", autouse=True)
def _report_tally():
    yield
    print(f"\nfuzz tally: {dict(TALLY)}")
