"""The plotly family's interaction driver (see tests/interact.py)."""

from __future__ import annotations

