"""The interaction tests' shared parts: what each interaction should show, computed from
the data, and one driver per output family that does the interaction in a real page and
reads back what the page shows.

A driver works on a chart wherever it sits: ``frame`` is the Playwright Frame that holds
it (the page itself, or a component's iframe in the app) and ``root`` a CSS selector of
the element the chart is drawn in. Mouse actions go through ``frame.page.mouse`` at
positions computed from the chart's own scales, so they hit what a reader would hit.

Each driver returns what the reader would see, never the chart's configuration:
- ``hover``: the text of the tooltip shown after moving the mouse onto the point;
- ``brush``: the (x2, y2) values of the marks highlighted in the second view after a
  rectangle is dragged over the first;
- ``choose``: the (x, y) values of the marks drawn after choosing an option;
- ``move_to``: the (x, y) values of the bubbles drawn after moving the time control to a
  time (or, where the frame is a picture, the number of bubbles in it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import pandas as pd

from gallery.datasets import read_dataset
from gallery.kinds import KINDS
from gallery.render import prepare_cell

Pairs = list[tuple[float, float]]


class Driver(Protocol):
    def hover(self, frame: Any, root: str, x: float, y: float) -> str: ...

    def brush(self, frame: Any, root: str, box: tuple[float, float, float, float]) -> Pairs: ...

    def choose(self, frame: Any, root: str, option: str) -> Pairs: ...

    def move_to(self, frame: Any, root: str, time: str) -> Pairs | int: ...


DRIVERS: dict[str, Driver] = {}  # output family -> its driver (filled by tests/drivers_*.py)


@dataclass(frozen=True)
class CellData:
    """The rows and roles one interactive cell draws (its kind's bundled dataset)."""

    data: pd.DataFrame
    roles: dict[str, str]

    def column(self, role: str) -> pd.Series:
        return self.data[self.roles[role]]


def cell_data(kind: str, dataset: str | None = None) -> CellData:
    """The rows the cell draws on ``dataset`` (default: the kind's own, as the export
    draws it; the app draws every kind on the dataset picked in its sidebar)."""
    chart_kind = KINDS[kind]
    dataset = dataset or chart_kind.default_dataset
    prepared = prepare_cell(read_dataset(dataset), chart_kind, None, dataset, None)
    return CellData(prepared.data.reset_index(drop=True), prepared.roles)


def loneliest_row(cell: CellData, x: str = "x", y: str = "y") -> pd.Series:
    """The row whose point is furthest from any other (in axis-scaled units): hovering it
    can only hit it."""
    xy = np.column_stack([cell.column(x).to_numpy(float), cell.column(y).to_numpy(float)])
    scaled = (xy - xy.min(axis=0)) / np.ptp(xy, axis=0)
    distance = np.sqrt(((scaled[:, None, :] - scaled[None, :, :]) ** 2).sum(axis=2))
    np.fill_diagonal(distance, np.inf)
    # away from the axes' edges too, where a library's tooltip may flip or clip
    inside = ((scaled > 0.15) & (scaled < 0.85)).all(axis=1)
    nearest = np.where(inside, distance.min(axis=1), -1)
    return cell.data.iloc[int(nearest.argmax())]


def numbers_in(text: str) -> list[float]:
    return [float(n.replace(",", "")) for n in re.findall(r"-?\d[\d,]*\.?\d*", text)]


def tooltip_problems(text: str, row: pd.Series, cell: CellData) -> list[str]:
    """What the tooltip text lacks of the row: its category and label as written, its x
    and y as numbers (to the precision a tooltip rounds to)."""
    problems = [f"{role} {row[cell.roles[role]]!r} not in the tooltip"
                for role in ("color", "label") if str(row[cell.roles[role]]) not in text]
    found = numbers_in(text)
    for role in ("x", "y"):
        value = float(row[cell.roles[role]])
        if not any(abs(n - value) <= max(0.051, abs(value) * 0.001) for n in found):
            problems.append(f"{role} {value} not in the tooltip")
    return problems


def _between(values: pd.Series, share: float) -> float:
    """A cut near the ``share`` quantile half-way between two distinct values, so no row
    sits on the rectangle's edge."""
    distinct = np.unique(values.to_numpy(float))
    i = min(max(int(share * len(distinct)), 1), len(distinct) - 1)
    return float((distinct[i - 1] + distinct[i]) / 2)


def brush_box(cell: CellData) -> tuple[float, float, float, float]:
    """A rectangle in the first view's data coordinates, (x0, x1, y0, y1)."""
    x, y = cell.column("x"), cell.column("y")
    return (_between(x, 0.3), _between(x, 0.7), _between(y, 0.3), _between(y, 0.7))


def inside(cell: CellData, box: tuple[float, float, float, float]) -> pd.DataFrame:
    x0, x1, y0, y1 = box
    x, y = cell.column("x"), cell.column("y")
    return cell.data[(x > x0) & (x < x1) & (y > y0) & (y < y1)]


def same_pairs(drawn: Pairs, rows: pd.DataFrame, x: str, y: str) -> list[str]:
    """Differences between the marks drawn and the rows (as multisets, values rounded to
    the data's precision)."""
    def key(a: float, b: float) -> tuple[float, float]:
        return (round(float(a), 3), round(float(b), 3))

    want = pd.Series([key(a, b) for a, b in zip(rows[x], rows[y], strict=True)]).value_counts()
    got = pd.Series([key(a, b) for a, b in drawn], dtype=object).value_counts()
    missing = int((want - got.reindex(want.index, fill_value=0)).clip(lower=0).sum())
    extra = int((got - want.reindex(got.index, fill_value=0)).clip(lower=0).sum())
    if missing or extra:
        return [f"{len(drawn)} marks drawn for {len(rows)} rows: {missing} rows missing, "
                f"{extra} marks that are no such row"]
    return []
