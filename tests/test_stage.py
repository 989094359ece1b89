"""Stage planning: every file gets exactly one planned outcome, decided by content hash."""

from __future__ import annotations

import hashlib
import os

import polars as pl

from flows.stage import batches, plan_files

EMPTY = pl.DataFrame(schema={"source_file": pl.String, "source_sha256": pl.String, "document_id": pl.String})


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_plan_decides_each_file_once(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_bytes(b"report a")
    (src / "b.txt").write_bytes(b"report b")
    (src / "copy of a.txt").write_bytes(b"report a")
    (src / "big.txt").write_bytes(b"x" * 2000)
    (src / ".hidden").write_bytes(b"ignored")
    (src / "sub").mkdir()
    (src / "sub" / "nested.txt").write_bytes(b"not walked")
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"secret")
    os.symlink(outside, src / "escape.txt")
    os.symlink(src / "b.txt", src / "inside-link.txt")
    published = pl.DataFrame(
        {
            "source_file": ["b.txt"],
            "source_sha256": [sha(b"report b")],
            "document_id": [sha(b"report b")[:16]],
        }
    )
    plan = plan_files(src, published, max_bytes=1000)
    outcomes = {r["source_file"]: (r["outcome"], r["reason"]) for r in plan.decided}
    assert [e.source_file for e in plan.to_parse] == ["a.txt"]
    assert outcomes["b.txt"] == ("unchanged", None)
    assert outcomes["copy of a.txt"][0] == "duplicate"
    assert outcomes["inside-link.txt"][0] == "duplicate"
    assert outcomes["escape.txt"] == ("quarantined", "symlink_outside_source")
    assert outcomes["big.txt"][0] == "quarantined" and outcomes["big.txt"][1].startswith("too_large")
    assert plan.n_seen == 6  # hidden files and sub-directories are not part of the source


def test_changed_file_is_parsed_again(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"new content")
    published = pl.DataFrame({"source_file": ["a.txt"], "source_sha256": [sha(b"old")], "document_id": ["x"]})
    plan = plan_files(tmp_path, published, max_bytes=1000)
    assert [e.source_file for e in plan.to_parse] == ["a.txt"] and not plan.decided


def test_batches_cover_all_entries_in_bounded_sizes():
    entries = list(range(1003))
    groups = batches(entries, workers=2, per_worker=4, max_docs=200)
    assert sum(len(g) for g in groups) == 1003
    assert max(len(g) for g in groups) <= 200
    assert len(groups) >= 8
    assert batches([], 2, 4, 200) == []
    assert plan_files.__doc__


def test_empty_published_index(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"x")
    assert len(plan_files(tmp_path, EMPTY, max_bytes=10).to_parse) == 1


def test_a_document_read_under_other_rules_is_parsed_again(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"report a")
    (tmp_path / "b.txt").write_bytes(b"report b")
    (tmp_path / "c.txt").write_bytes(b"report c")
    published = pl.DataFrame(
        {
            "source_file": ["a.txt", "b.txt", "c.txt"],
            "source_sha256": [sha(b"report a"), sha(b"report b"), sha(b"report c")],
            "document_id": ["a", "b", "c"],
            "parser_version": ["v2", "v1", None],  # c: loaded before versions were kept
        }
    )
    plan = plan_files(tmp_path, published, max_bytes=1000, parser_version="v2")
    assert [e.source_file for e in plan.to_parse] == ["b.txt", "c.txt"]
    assert [(r["source_file"], r["outcome"]) for r in plan.decided] == [("a.txt", "unchanged")]
    # Without a version to compare, a same file is unchanged, as before versions were kept.
    assert not plan_files(tmp_path, published, max_bytes=1000).to_parse
