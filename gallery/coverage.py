"""What each library draws, counted per family of chart kinds (read from its example's
functions: a kind declared not supported, or needing a server, is not drawn)."""

from __future__ import annotations

from dataclasses import dataclass

from gallery.kinds import kinds_by_family
from gallery.libraries import LIBRARIES
from gallery.sources import example_source


@dataclass(frozen=True)
class Coverage:
    family: str  # the family's title
    drawn: tuple[str, ...]  # titles of the kinds the library draws
    total: int

    def __str__(self) -> str:
        return f"{len(self.drawn)} of {self.total}"


def coverage(library: str) -> list[Coverage]:
    """Per family, the kinds ``library`` draws in the page, of all the family's kinds."""
    functions = example_source(LIBRARIES.get(library)).functions
    return [Coverage(family, tuple(k.title for k in kinds if k.key in functions), len(kinds))
            for family, kinds in kinds_by_family().items()]


def total(library: str) -> Coverage:
    """Every family at once: "Plotly Express: 23 of 24"."""
    parts = coverage(library)
    return Coverage("all", tuple(t for part in parts for t in part.drawn),
                    sum(part.total for part in parts))
