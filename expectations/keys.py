"""Key sets the foreign-key expectations check against. Kept apart from the suites so the flow
can import it without importing Great Expectations (seconds of start-up)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class KeySets:
    """Keys that foreign keys must resolve to (published plus staged)."""

    region_ids: set[str] = field(default_factory=set)
    document_ids: set[str] = field(default_factory=set)
    indicator_codes: set[str] = field(default_factory=set)
