"""The gazetteer snapshot: written by the first parse process, loaded by the next, rebuilt when
unreadable, and the regions it resolves are the same either way. Each case runs in a fresh
process, as the gazetteer is per process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

PROBE = """
import json, sys
from flows import gazetteer_cache
import transforms.regions as regions
from transforms.metadata import extract_meta
gazetteer_cache.ensure_loaded()
out = []
titles = ["宁波市海曙区高桥镇2024年政府工作报告", "仙桃市2024年政府工作报告", "进贤县政府工作报告"]
for title, own in zip(titles, ["全镇", "全市", "全县"]):
    text = title + "\\n" + own
    r = regions.resolve_region(extract_meta(text, text), text).region
    out.append([r.region_id, r.name, r.parent_code])
print(json.dumps(out))
"""


def _probe(cache: Path) -> tuple[list, str]:
    env = dict(os.environ, GWR_CACHE_DIR=str(cache))
    proc = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1]), proc.stderr


def test_the_snapshot_is_written_once_and_resolves_like_a_fresh_build(tmp_path):
    cache = tmp_path / "cache"
    built, _ = _probe(cache)
    (snapshot,) = cache.glob("gazetteer-*.pickle")
    written_at = snapshot.stat().st_mtime_ns
    loaded, _ = _probe(cache)
    assert loaded == built
    assert built[0][1] == "高桥镇" and built[1] == ["429004", "仙桃市", "420000"]
    assert snapshot.stat().st_mtime_ns == written_at  # read, not rewritten


def test_an_unreadable_snapshot_is_rebuilt_and_replaced(tmp_path):
    cache = tmp_path / "cache"
    built, _ = _probe(cache)
    (snapshot,) = cache.glob("gazetteer-*.pickle")
    snapshot.write_bytes(b"not a pickle")
    rebuilt, stderr = _probe(cache)
    assert rebuilt == built
    assert "unreadable" in stderr
    assert snapshot.stat().st_size > 1_000_000


def test_an_unwritable_cache_directory_only_costs_memory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    resolved, stderr = _probe(blocker / "cache")
    assert resolved[1] == ["429004", "仙桃市", "420000"]
    assert "building it in memory" in stderr
