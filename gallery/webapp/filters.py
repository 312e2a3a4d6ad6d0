"""Which library cards to show, and in what order: plain functions the pages call."""

from __future__ import annotations

from collections.abc import Iterable

from gallery.libraries import LIBRARIES
from gallery.site.cells import CellResult as Cell

SORTS = ("the talk's order", "name", "lines of code", "render time", "paradigm")


def matching(
    paradigms: Iterable[str], outputs: Iterable[str], built_on: Iterable[str],
    chosen: Iterable[str] | None = None,
) -> list[str]:
    """Library keys whose tags are all among the selected ones (empty selection = any)."""
    paradigms, outputs, built_on = set(paradigms), set(outputs), set(built_on)
    keys = []
    for key in chosen if chosen is not None else LIBRARIES:
        tags = LIBRARIES.get(key).tags
        if (not paradigms or tags["paradigm"] in paradigms) and (
            not outputs or tags["output"] in outputs) and (
            not built_on or tags["built on"] in built_on):
            keys.append(key)
    return keys


def _sort_key(sort: str, cell: Cell) -> tuple:
    info = LIBRARIES.get(cell.library)
    # Charts first, then stated non-support, then errors, whatever the sort.
    rank = {"ok": 0, "unsupported": 1}.get(cell.status, 2)
    by = {
        "name": info.name.lower(),
        "lines of code": cell.loc if cell.code else 10**6,
        "render time": cell.seconds,
        "paradigm": info.paradigm,
    }.get(sort, 0)
    return (by, rank) if sort != "the talk's order" else (0, 0)


def ordered(cells: list[Cell], sort: str) -> list[Cell]:
    return sorted(cells, key=lambda cell: _sort_key(sort, cell))  # stable: talk order on ties


def tag_values(tag: str) -> list[str]:
    return sorted({LIBRARIES.get(k).tags[tag] for k in LIBRARIES})
