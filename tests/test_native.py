"""The compiled parser (`make native`, gwr/native.py) reads every document as the interpreted one
does, and a build made from other sources is never imported."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.corpus import generate
from gwr import native

ROOT = Path(__file__).resolve().parent.parent

# Parses every document in a process of its own, with or without the build, and prints what it read.
_READ = """
import dataclasses, json, sys
from pathlib import Path
from bench.corpus import generate
from gwr import native
root = sys.argv[1]
active = native.activate(Path(root)) if root != "-" else False
from transforms.document import parse_document
from transforms.models import InputRejected
out = {"active": native.is_active(), "documents": {}}
for name in sys.argv[2:]:
    try:
        doc = parse_document(name, Path(name).read_bytes(), latest_year=2030)
    except InputRejected as exc:
        out["documents"][name] = ["rejected", str(exc)]
        continue
    meta = dataclasses.asdict(doc.meta)
    facts = [dataclasses.asdict(f) for f in doc.facts]
    out["documents"][name] = [meta, dataclasses.asdict(doc.region), doc.cleaned.text, facts]
print(json.dumps(out, ensure_ascii=False, default=str))
"""


def _read(root: str, documents: list[Path]) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "GWR_INTERPRETED"}
    proc = subprocess.run(
        [sys.executable, "-c", _READ, root, *map(str, documents)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The seeds, the gold set's reports and 150 of the benchmark's generated ones."""
    generated = generate(150, tmp_path_factory.mktemp("corpus"))
    gold = ROOT / "tests" / "gold" / "reports"
    return sorted([*(ROOT / "samples").iterdir(), *gold.iterdir(), *generated.glob("*.txt")])


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("native")
    native.build(root)
    return root


def test_the_compiled_parser_reads_every_document_as_the_interpreted_one(
    built: Path, documents: list[Path]
) -> None:
    compiled, interpreted = _read(str(built), documents), _read("-", documents)
    assert compiled["active"] and not interpreted["active"]
    assert len(compiled["documents"]) == len(documents) > 190
    read = [v for v in interpreted["documents"].values() if v[0] != "rejected"]
    assert sum(len(v[3]) for v in read) > 10_000
    for name, expected in interpreted["documents"].items():
        assert compiled["documents"][name] == expected, name


def test_the_build_holds_compiled_modules_for_the_sources_it_was_made_from(built: Path) -> None:
    (build,) = [p for p in built.iterdir() if not p.name.startswith(".")]
    assert build == native.build_dir(built)
    for name in native.COMPILED:
        assert list((build / "transforms").glob(f"{name}.*.so")), name
    assert native.build(built) == build  # a second build of the same sources reuses it


def test_a_build_of_other_sources_is_not_used(built: Path, tmp_path: Path) -> None:
    sources = tmp_path / "transforms"
    shutil.copytree(native.SOURCES, sources, ignore=shutil.ignore_patterns("__pycache__"))
    assert native.source_digest(sources) == native.source_digest()
    facts = sources / "facts.py"
    facts.write_text(facts.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert native.source_digest(sources) != native.source_digest()
    # What an edited checkout looks like to activate(): the build on disk is of other sources.
    stale = tmp_path / "stale"
    shutil.copytree(native.build_dir(built), stale / "0123456789abcdef")
    assert not native.available(stale)
    assert _read(str(stale), [])["active"] is False


_SNAPSHOT = """
import logging, sys
from pathlib import Path
from gwr import native
logging.basicConfig(level=logging.WARNING)
if sys.argv[1] != "-":
    assert native.activate(Path(sys.argv[1]))
from flows import gazetteer_cache
from transforms import regions
gazetteer_cache.ensure_loaded()
print(native.is_active(), gazetteer_cache.snapshot_path().name, len(regions._gazetteer().by_code))
"""


def test_compiled_and_interpreted_processes_share_the_gazetteer_snapshot(built: Path, tmp_path: Path) -> None:
    """The snapshot pickles the gazetteer's records (transforms/places.py, never compiled): one
    written by an interpreted process loads in a compiled one and the other way round."""
    env = {k: v for k, v in os.environ.items() if k != "GWR_INTERPRETED"}
    seen = []
    for root in ("-", str(built), str(built), "-"):
        if len(seen) == 2:
            shutil.rmtree(tmp_path / "cache")  # the compiled process writes it this time
        proc = subprocess.run(
            [sys.executable, "-c", _SNAPSHOT, root],
            cwd=ROOT,
            env={**env, "GWR_CACHE_DIR": str(tmp_path / "cache")},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr[-3000:]
        assert "gazetteer snapshot" not in proc.stderr, proc.stderr[-3000:]
        seen.append(proc.stdout.split())
    assert [active for active, _, _ in seen] == ["False", "True", "True", "False"]
    assert len({(name, n) for _, name, n in seen}) == 1
    assert len(list((tmp_path / "cache").glob("gazetteer-*.pickle"))) == 1
