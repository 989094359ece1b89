"""The version of the parsing rules a document was read with.

A hash of the transforms' code, their reference data and the versions of the libraries whose
output they read (jionlp's divisions, jieba's dictionary, OpenCC, cn2an, pypdf, charset-normalizer).
A loaded document whose version differs is parsed again on the next run, so better rules reach the
documents already in the warehouse instead of only the new ones.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from functools import cache
from pathlib import Path

import reference
import transforms

_LIBRARIES = ("jionlp", "jieba", "opencc", "cn2an", "pypdf", "charset-normalizer")


@cache
def parser_version() -> str:
    digest = hashlib.sha256()
    sources = sorted(Path(transforms.__file__).parent.glob("*.py"))
    data = sorted(
        p for p in Path(reference.__file__).parent.iterdir() if p.suffix in (".yaml", ".txt", ".py")
    )
    for path in (*sources, *data):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}={importlib.metadata.version(library)}\0".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{library}=?\0".encode())
    return digest.hexdigest()[:16]
