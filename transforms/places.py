"""The gazetteer's records. They live apart from the resolver (transforms/regions.py) because the
gazetteer snapshot pickles them: the resolver may be compiled with mypyc (gwr/native.py), whose
frozen classes a pickle cannot restore, and this module stays plain Python."""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from transforms.models import Region


@dataclass(frozen=True)
class Place:
    region: Region
    aliases: tuple[str, ...]
    # Stable 64-bit hashes of its village names: 650,000 names as str in frozensets left a parse
    # process about 40 MB larger, and would make the snapshot three times larger.
    villages: array


@dataclass(frozen=True)
class Gazetteer:
    by_name: dict[str, list[Place]]  # full names and aliases -> places
    by_code: dict[str, Region]
    aliases: dict[str, list[Place]]
    max_len: int
