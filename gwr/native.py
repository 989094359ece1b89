"""An optional compiled build of the parser's hot modules, made with mypyc.

The per-figure extraction is plain Python and most of a run's CPU (README, Performance). mypyc
compiles the typed modules below to C extensions that give the same output with about a quarter less
parse time. The build is a copy of the whole `transforms` package with those modules compiled, kept
under `.native/<digest>/`, where the digest covers every source file of the package and the Python
version: a build of other sources is never imported, so an edited `transforms/` runs as written
until `make native` builds it again. Nothing depends on the build: without it (no C compiler, a
failed build, `GWR_INTERPRETED=1`) the same code runs interpreted.

`python -m gwr.native` builds; `activate()` puts a matching build first on `sys.path`, before
anything imports `transforms`. Processes a run spawns inherit `sys.path`, so its parse workers run the
same code as the run.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

COMPILED = ("numbers", "clean", "sections", "facts", "regions", "metadata")
_ROOT = Path(__file__).resolve().parent.parent
SOURCES = _ROOT / "transforms"
NATIVE_DIR = _ROOT / ".native"
_SETUP = """\
from setuptools import setup
from mypyc.build import mypycify

modules = [*{modules!r}, "--ignore-missing-imports"]
setup(name="gwr-native", packages=[], ext_modules=mypycify(modules, opt_level="3"))
"""


def source_digest(sources: Path = SOURCES) -> str:
    """What a build was made from: every module of the package (the compiled ones import the rest)
    and the interpreter it was compiled for."""
    digest = hashlib.sha256(f"{sys.implementation.cache_tag}\0".encode())
    for path in sorted(sources.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def build_dir(root: Path = NATIVE_DIR, sources: Path = SOURCES) -> Path:
    return root / source_digest(sources)


def _usable(root: Path) -> Path | None:
    """The build of the checkout's sources, if there is one and it is not turned off."""
    if os.environ.get("GWR_INTERPRETED"):
        return None
    built = build_dir(root)
    return built if (built / "transforms" / ".complete").is_file() else None


def available(root: Path = NATIVE_DIR) -> bool:
    """Whether a run started now would use the compiled build."""
    return _usable(root) is not None


def is_active() -> bool:
    """Whether this process runs the compiled build (for the run's log and the benchmark)."""
    package = sys.modules.get("transforms")
    return package is not None and (Path(package.__file__ or "").parent / ".complete").is_file()


def activate(root: Path = NATIVE_DIR) -> bool:
    """Put the build of the current sources first on sys.path, if there is one. Must run before
    `transforms` is imported; returns whether it did."""
    if "transforms" in sys.modules or (built := _usable(root)) is None:
        return False
    if str(built) not in sys.path:
        sys.path.insert(0, str(built))
    return True


def build(root: Path = NATIVE_DIR, sources: Path = SOURCES) -> Path:
    """Compile the hot modules of a copy of the package; a build that already exists is kept. Old
    builds are removed. Raises CalledProcessError when the compiler fails."""
    target = build_dir(root, sources)
    if (target / "transforms" / ".complete").is_file():
        return target
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=root, prefix=".building-") as tmp:
        work = Path(tmp)
        package = work / "transforms"
        shutil.copytree(sources, package, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
        modules = [f"transforms/{name}.py" for name in COMPILED]
        (work / "setup.py").write_text(_SETUP.format(modules=modules), encoding="utf-8")
        subprocess.run(
            [sys.executable, "setup.py", "-q", "build_ext", "--inplace"],
            cwd=work,
            check=True,
            capture_output=True,
            text=True,
        )
        (work / "setup.py").unlink()
        for scratch in ("build", ".mypy_cache"):
            shutil.rmtree(work / scratch, ignore_errors=True)
        (package / ".complete").write_text(source_digest(sources) + "\n", encoding="utf-8")
        for old in root.iterdir():
            if old.is_dir() and not old.name.startswith(".") and old != target:
                shutil.rmtree(old, ignore_errors=True)
        work.rename(target)
        work.mkdir()  # for TemporaryDirectory's cleanup
    return target


def main() -> int:
    try:
        target = build()
    except subprocess.CalledProcessError as exc:
        said = (exc.stdout or "") + (exc.stderr or "")
        print(f"{said[-2000:]}\nnative build failed; the job runs interpreted", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"native build failed ({exc}); the job runs interpreted", file=sys.stderr)
        return 1
    print(f"native build: {target.relative_to(_ROOT)} ({', '.join(COMPILED)} compiled with mypyc)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
