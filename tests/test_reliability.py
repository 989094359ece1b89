"""Reliability on real runs: every file accounted for, idempotent re-runs, changed files replace
their facts, a failed validation publishes nothing, concurrent runs exclude each other, and file
names never reach SQL."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import GWR, REPO, SAMPLES, gwr_env, run_gwr

OUTCOMES = ("loaded", "duplicate", "unchanged", "quarantined")
WANZAI = "000_c1689deb3e16bdc1.txt"


def _q(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    """Everything a user can see of the published warehouse, in a stable order."""
    return {
        "documents": _q(db, "SELECT * EXCLUDE (loaded_at) FROM dim_document ORDER BY document_id"),
        "facts": _q(db, "SELECT * FROM fact_indicator ORDER BY fact_id"),
        "regions": _q(db, "SELECT * FROM dim_region ORDER BY region_id"),
        "texts": _q(db, "SELECT * FROM doc_text ORDER BY document_id"),
    }


def _hostile_source(root: Path) -> Path:
    """The seeds plus one file for every way a file can go wrong, under awkward names."""
    src = root / "source"
    src.mkdir()
    for f in SAMPLES.glob("*.txt"):
        shutil.copy(f, src / f.name)
    shutil.copy(SAMPLES / WANZAI, src / "copy of 000; 'quoted' \"name\".txt")  # duplicate
    (src / "empty.txt").write_bytes(b"")
    (src / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (src / "random.bin").write_bytes(os.urandom(4096).replace(b"\x00", b"\x01") + b"\x00" * 64)
    (src / "菜谱.txt").write_text(
        "红烧肉的做法：五花肉切块，焯水，炒糖色，加酱油炖煮一小时。" * 20, encoding="utf-8"
    )
    (src / "x'); DROP TABLE dim_document; --.txt").write_text("短", encoding="utf-8")
    (src / "big.txt").write_bytes(("各位代表，" * 200_000).encode("utf-8"))  # over --max-file-bytes
    (src / "gbk report.txt").write_bytes(
        (SAMPLES / "004_7c00190a20eabef2.txt").read_text("utf-8").encode("gb18030")
    )
    # dated 2091 by its one year (a goal's): past dim_document's contract, which would fail the run
    goal = "全县上下落实2090年远景目标，地区生产总值增长8%，一般公共预算收入增长6%。"
    (src / "future.txt").write_text("攸县政府工作报告\n各位代表：\n" + goal * 8, encoding="utf-8")
    # a figure for 2080: past fact_indicator's contract; the document loads without it
    far = (
        "攸县2024年政府工作报告\n各位代表：\n"
        + "过去一年，全县地区生产总值增长5%，一般公共预算收入增长6%。" * 4
        + "\n二、2024年工作安排\n今年主要预期目标是：地区生产总值增长6%左右。"
        + "到2080年，全县地区生产总值达到1万亿元。"
    )
    (src / "far goal.txt").write_text(far, encoding="utf-8")
    (src / ".hidden.txt").write_text("ignored", encoding="utf-8")
    outside = root / "outside.txt"
    outside.write_text("outside the source", encoding="utf-8")
    os.symlink(outside, src / "link-out.txt")
    return src


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    src = _hostile_source(root)
    db = root / "w.duckdb"
    first = run_gwr(["run", "--source", str(src), "--db", str(db), "--max-file-bytes", "500000"], root)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    snap1 = _snapshot(db)
    second = run_gwr(["run", "--source", str(src), "--db", str(db), "--max-file-bytes", "500000"], root)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    return root, src, db, snap1


def test_every_file_seen_has_exactly_one_outcome(hostile):
    _, src, db, _ = hostile
    n_files = len([p for p in os.listdir(src) if not p.startswith(".")])
    for run_id, n_seen, *counts in _q(
        db, "SELECT run_id, n_seen, n_loaded, n_duplicate, n_unchanged, n_quarantined FROM etl_run"
    ):
        files = _q(db, "SELECT source_file, outcome FROM etl_file WHERE run_id = ?", [run_id])
        assert n_seen == n_files == len(files) == sum(counts)
        assert len({f for f, _ in files}) == len(files)  # one row per file
        assert {o for _, o in files} <= set(OUTCOMES)


def test_outcomes_and_reasons_of_the_first_run(hostile):
    _, _, db, _ = hostile
    first = _q(db, "SELECT run_id FROM etl_run ORDER BY started_at LIMIT 1")[0][0]
    rows = dict(
        (f, (o, r))
        for f, o, r in _q(db, "SELECT source_file, outcome, reason FROM etl_file WHERE run_id = ?", [first])
    )
    assert rows["empty.txt"] == ("quarantined", "empty: 0 bytes of nothing")
    assert rows["image.png"][1].startswith("binary")
    assert rows["random.bin"][0] == "quarantined"
    assert rows["菜谱.txt"][1].startswith("not_a_report")
    assert rows["big.txt"][1].startswith("too_large")
    assert rows["link-out.txt"] == ("quarantined", "symlink_outside_source")
    assert rows["copy of 000; 'quoted' \"name\".txt"][0] == "duplicate"
    assert rows["gbk report.txt"][0] == "loaded"
    assert rows["x'); DROP TABLE dim_document; --.txt"][0] == "quarantined"
    assert rows["future.txt"][1].startswith("year_out_of_range: report year 2091")
    assert rows["far goal.txt"][0] == "loaded"
    assert sum(1 for o, _ in rows.values() if o == "loaded") == 7
    assert all(r for o, r in rows.values() if o == "quarantined")


def test_rerun_changes_nothing_and_skips_by_hash(hostile):
    _, _, db, snap1 = hostile
    assert _snapshot(db) == snap1
    last = _q(db, "SELECT run_id, n_loaded, n_unchanged FROM etl_run ORDER BY started_at DESC LIMIT 1")[0]
    assert last[1] == 0 and last[2] == 7
    dupes = _q(
        db, "SELECT count(*) - count(DISTINCT (document_id, char_start, indicator_name)) FROM fact_indicator"
    )
    assert dupes == [(0,)]


def test_changed_file_replaces_its_facts(hostile, tmp_path):
    root, src, db, _ = hostile
    work = tmp_path / "w.duckdb"
    shutil.copy(db, work)
    path = src / WANZAI
    original = path.read_text("utf-8")
    path.write_text(original.replace("地区生产总值增长7.7%左右", "地区生产总值增长8.8%左右"), "utf-8")
    try:
        proc = run_gwr(["run", "--source", str(src), "--db", str(work), "--max-file-bytes", "500000"], root)
    finally:
        path.write_text(original, "utf-8")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    rows = _q(
        work,
        "SELECT value FROM v_indicator_facts "
        "WHERE source_file = ? AND indicator_code = 'gdp' AND kind = 'target'",
        [WANZAI],
    )
    assert rows == [(8.8,)]
    assert _q(work, "SELECT count(*) FROM dim_document WHERE source_file = ?", [WANZAI]) == [(1,)]
    assert _q(work, "SELECT n_loaded, n_replaced FROM etl_run ORDER BY started_at DESC LIMIT 1") == [(1, 1)]


def test_a_document_read_under_older_rules_is_read_again(hostile, tmp_path):
    """A warehouse keeps which rules read each document (parser_version). One read under other
    rules (or before the column existed: NULL) is parsed again, though its file is unchanged, and
    replaces itself; a second run finds nothing to do."""
    root, src, db, _ = hostile
    work = tmp_path / "w.duckdb"
    shutil.copy(db, work)
    con = duckdb.connect(str(work))
    try:
        con.execute("UPDATE dim_document SET parser_version = NULL WHERE source_file = ?", [WANZAI])
    finally:
        con.close()
    before = _snapshot(work)
    args = ["run", "--source", str(src), "--db", str(work), "--max-file-bytes", "500000"]
    for expected in [(1, 6, 1), (0, 7, 0)]:
        proc = run_gwr(args, root)
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
        last = "SELECT n_loaded, n_unchanged, n_replaced FROM etl_run ORDER BY started_at DESC LIMIT 1"
        assert _q(work, last) == [expected]
    after = _snapshot(work)
    assert after["facts"] == before["facts"] and after["texts"] == before["texts"]
    versions = _q(
        work, "SELECT count(DISTINCT parser_version), count(*) - count(parser_version) FROM dim_document"
    )
    assert versions == [(1, 0)]


def test_failed_validation_publishes_nothing(hostile, tmp_path):
    """A document dated 9999 (as a parser bug could date it: the parser quarantines every year it
    can tell is impossible, see future.txt above) breaks dim_document's report_year contract: the
    run fails, names the expectation, and the published warehouse is exactly as before."""
    root, _, db, snap1 = hostile
    work = tmp_path / "w.duckdb"
    shutil.copy(db, work)
    src = tmp_path / "bad"
    src.mkdir()
    text = (SAMPLES / "001_92548e2dbce945c9.txt").read_text("utf-8") + "\n附件：无\n"  # new content
    (src / "misdated.txt").write_text(text, "utf-8")
    shutil.copy(SAMPLES / "003_5bcefcfac6cb166c.txt", src / "liling-copy.txt")
    proc = subprocess.run(
        [*GWR, "run", "--source", str(src), "--db", str(work)],
        cwd=REPO,
        env=gwr_env(root) | {"GWR_BREAK_CONTRACT": "misdated.txt"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 1
    assert "expect_column_values_to_be_between" in proc.stderr and "report_year" in proc.stderr
    assert _snapshot(work) == snap1
    status, message = _q(work, "SELECT status, message FROM etl_run ORDER BY started_at DESC LIMIT 1")[0]
    assert status == "failed" and "report_year" in message
    assert not Path(str(work) + ".staging").exists()


def test_a_run_that_raises_is_recorded_failed_with_its_reason(hostile, tmp_path):
    """A warehouse whose facts outlived their document (edited by hand): the next run stages that
    document again, and the publish refuses its fact ids, already published. The run fails with
    the reason, is recorded failed (not left running for the next run to call abandoned), every
    file it saw has a row (a file its parse quarantined keeps its reason), and nothing changed."""
    root, _, db, _ = hostile
    work = tmp_path / "w.duckdb"
    shutil.copy(db, work)
    con = duckdb.connect(str(work))
    try:
        query = "SELECT document_id FROM dim_document WHERE source_file = ?"
        (doc,) = con.execute(query, [WANZAI]).fetchone()
        con.execute("DELETE FROM doc_text WHERE document_id = ?", [doc])
        con.execute("DELETE FROM dim_document WHERE document_id = ?", [doc])
    finally:
        con.close()
    before = _snapshot(work)
    assert any(f[1] == doc for f in before["facts"])  # the orphaned facts
    src = tmp_path / "src"
    shutil.copytree(SAMPLES, src)
    recipe = "红烧肉的做法：五花肉切块，焯水，炒糖色，加酱油炖煮一小时。" * 20
    (src / "菜谱.txt").write_text(recipe, encoding="utf-8")  # quarantined by its parse
    proc = run_gwr(["run", "--source", str(src), "--db", str(work)], root)
    assert proc.returncode == 1
    assert "already published" in proc.stderr
    assert _snapshot(work) == before
    run_id, status, message, n_seen = _q(
        work, "SELECT run_id, status, message, n_seen FROM etl_run ORDER BY started_at DESC LIMIT 1"
    )[0]
    assert status == "failed" and message.startswith("run failed: KeyAlreadyPublished: ") and n_seen == 6
    query = "SELECT source_file, outcome, reason FROM etl_file WHERE run_id = ?"
    files = {f: (outcome, reason) for f, outcome, reason in _q(work, query, [run_id])}
    outcome, reason = files.pop("菜谱.txt")
    assert outcome == "quarantined" and reason.startswith("not_a_report")  # its parse's reason
    assert files[WANZAI] == ("not_published", "run failed")
    expected = {f.name: "unchanged" for f in SAMPLES.glob("*.txt")} | {WANZAI: "not_published"}
    assert {f: o for f, (o, _) in files.items()} == expected
    assert not Path(str(work) + ".staging").exists()


def test_two_runs_on_one_warehouse_exclude_each_other(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(SAMPLES, src)
    db = tmp_path / "w.duckdb"
    marker = tmp_path / "paused"
    env = gwr_env(tmp_path / "a") | {"GWR_PAUSE_AT": "parsed", "GWR_PAUSE_FILE": str(marker)}
    first = subprocess.Popen(
        [*GWR, "run", "--source", str(src), "--db", str(db)], cwd=REPO, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.time() + 300
        while not marker.exists() and time.time() < deadline and first.poll() is None:
            time.sleep(0.5)
        assert marker.exists(), "first run never reached its pause point"
        second = run_gwr(["run", "--source", str(src), "--db", str(db)], tmp_path / "b")
        assert second.returncode == 1
        assert "another gwr run" in second.stderr and "--wait" in second.stderr
    finally:
        os.killpg(first.pid, 9)
        first.wait()
    third = run_gwr(["run", "--source", str(src), "--db", str(db)], tmp_path / "c")
    assert third.returncode == 0, third.stdout[-3000:] + third.stderr[-3000:]
    statuses = sorted(s for (s,) in _q(db, "SELECT status FROM etl_run"))
    assert statuses == ["abandoned", "succeeded"]


THREADED_PARSE = """
import concurrent.futures as cf, sys
from pathlib import Path
import polars as pl
from flows.parse_worker import parse_files
from flows.stage import plan_files
empty = pl.DataFrame(schema={"source_file": pl.String, "source_sha256": pl.String, "document_id": pl.String})
entries = plan_files(Path(sys.argv[1]), empty, max_bytes=1 << 26).to_parse * 4
with cf.ThreadPoolExecutor(8) as pool:  # small runs parse on the flow's task threads
    results = list(pool.map(lambda e: parse_files([e], "r"), entries))
bad = [row for r in results for row in r.quarantine.rows()]
print(len(entries), sum(len(r.loaded) for r in results), bad)
"""


def test_parsing_on_threads_in_a_fresh_process_loses_nothing():
    """Parse tasks share one process in small runs: the first uses of the shared jieba tokenizer
    race (it once gained words while another thread read it, and a file was quarantined)."""
    for _ in range(3):
        proc = subprocess.run(
            [str(REPO / ".venv/bin/python"), "-c", THREADED_PARSE, str(SAMPLES)],
            cwd=REPO, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr[-3000:]
        n, loaded, bad = proc.stdout.strip().splitlines()[-1].split(" ", 2)
        assert n == loaded == "20" and bad == "[]", proc.stdout


def test_shared_tokenizer_is_complete_before_first_use():
    """The race above, made deterministic: in a fresh process, the tokenizer the first caller gets
    already holds every word, so nothing mutates it while other threads use it."""
    script = (
        "from transforms.indicators import tokenizer\n"
        "from transforms.terms import count_terms\n"
        "words = lambda: (tokenizer().total, len(tokenizer().FREQ))\n"
        "before = words()\n"
        "assert count_terms('推进新型城镇化，发展新质生产力。新型城镇化')\n"
        "print(before == words())\n"
    )
    proc = subprocess.run(
        [str(REPO / ".venv/bin/python"), "-c", script], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip().splitlines()[-1] == "True"


def test_a_file_that_kills_its_parse_process_is_quarantined_and_the_run_goes_on(tmp_path):
    """A worker killed while it parses (the OOM killer, a crash in a C library) breaks the pool:
    the pool is replaced, the batch runs again, and when it dies again the file that kills a
    process of its own is found by halving the batch and quarantined with how its process died."""
    src = tmp_path / "source"
    src.mkdir()
    for f in SAMPLES.glob("*.txt"):
        shutil.copy(f, src / f.name)
    poison = "poison.txt"  # a seed with one more line: new content, so it is parsed, not a duplicate
    (src / poison).write_text((SAMPLES / WANZAI).read_text("utf-8") + "\n附件：无\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    env = gwr_env(tmp_path / "prefect") | {"GWR_POISON_FILE": poison, "GWR_INLINE_MAX_BYTES": "0"}
    # One worker: batches of two files, so the poison shares its batch with a seed it must not take down.
    proc = subprocess.run(
        [*GWR, "run", "--source", str(src), "--db", str(db), "--workers", "1"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    outcomes = dict(_q(db, "SELECT source_file, outcome || ': ' || coalesce(reason, '') FROM etl_file"))
    assert outcomes.pop(poison) == (
        "quarantined: worker_died: the parse process was killed by SIGKILL while parsing this file alone"
    )
    assert set(outcomes) == {f.name for f in SAMPLES.glob("*.txt")}
    assert all(v.startswith("loaded") for v in outcomes.values()), outcomes
    assert _q(db, "SELECT count(*) FROM dim_document")[0][0] == len(outcomes)
    assert "parsing it in processes of its own" in proc.stdout + proc.stderr
