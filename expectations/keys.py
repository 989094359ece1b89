"""Reference sets the suites check values against (documents and regions are joined in SQL, see
warehouse/staging.py). Kept apart from the suites so the flow can import it without importing
Great Expectations (seconds of start-up)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class KeySets:
    """Small reference sets checked as value sets (documents and regions are joined in SQL instead)."""

    indicator_codes: set[str] = field(default_factory=set)
