"""The chart kinds of the gallery: what each one shows, which roles it takes, and what a
chart of it must have drawn to count as showing the whole dataset."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from gallery.drawn import Drawn

# An expectation returns the acceptable (measure, value) pairs: a chart passes when any
# one of its measures equals the value computed here, independently of the library.
Expectation = Callable[[pd.DataFrame, dict[str, str]], list[tuple[str, int]]]


@dataclass(frozen=True)
class ChartKind:
    """One chart kind: a row of the gallery matrix is a library, a column is one of these."""

    key: str
    title: str
    description: str
    roles: tuple[str, ...]
    expect: Expectation
    default_dataset: str = "penguins"
    numeric_roles: tuple[str, ...] = ()
    categorical_roles: tuple[str, ...] = ()

    def check(self, drawn: Drawn, data: pd.DataFrame, roles: dict[str, str]) -> str | None:
        """Return None when ``drawn`` shows the whole of ``data``, else what is missing."""
        wanted = self.expect(data, roles)
        for measure, value in wanted:
            if getattr(drawn, measure) == value:
                return None
        options = " or ".join(f"{m}={v}" for m, v in wanted)
        return f"{self.key}: expected {options}; the chart drew {drawn}"


def _every_row(data: pd.DataFrame, roles: dict[str, str]) -> list[tuple[str, int]]:
    return [("points", len(data)), ("rows", len(data))]


def _groups(*role_names: str) -> Expectation:
    def expect(data: pd.DataFrame, roles: dict[str, str]) -> list[tuple[str, int]]:
        n_groups = len(data.groupby([roles[r] for r in role_names], observed=True))
        if role_names[0] == "time":  # a line through group means, or its markers
            return [("line_points", n_groups), ("points", n_groups), ("rows", len(data))]
        means = data.groupby([roles[r] for r in role_names], observed=True)[roles["y"]].mean()
        visible = int((means != 0).sum())  # a mean of exactly 0 is a bar of no height
        return [("bars", n_groups), ("bars", visible), ("rows", len(data))]

    return expect


def _histogram(data: pd.DataFrame, roles: dict[str, str]) -> list[tuple[str, int]]:
    return [("bar_total", len(data)), ("rows", len(data))]


def _boxes(data: pd.DataFrame, roles: dict[str, str]) -> list[tuple[str, int]]:
    return [("boxes", data[roles["x"]].nunique()), ("rows", len(data))]


def _correlation_cells(data: pd.DataFrame, roles: dict[str, str]) -> list[tuple[str, int]]:
    k = data.select_dtypes("number").shape[1]
    return [("cells", k * k), ("rows", k * k)]


KINDS: dict[str, ChartKind] = {
    kind.key: kind
    for kind in [
        ChartKind(
            "scatter", "Scatter by category",
            "Two numeric columns against each other, coloured by a category (the talk's example).",
            ("x", "y", "color"), _every_row,
            numeric_roles=("x", "y"), categorical_roles=("color",),
        ),
        ChartKind(
            "line", "Line / time series",
            "The mean of a numeric column over time, one line per category.",
            ("time", "y", "color"), _groups("time", "color"), default_dataset="gapminder",
            numeric_roles=("time", "y"), categorical_roles=("color",),
        ),
        ChartKind(
            "bar", "Grouped bar of a mean",
            "The mean of a numeric column per category, bars grouped side by side by a second one.",
            ("x", "y", "color"), _groups("x", "color"),
            numeric_roles=("y",), categorical_roles=("x", "color"),
        ),
        ChartKind(
            "histogram", "Histogram",
            "The distribution of one numeric column, stacked or overlaid by category.",
            ("x", "color"), _histogram,
            numeric_roles=("x",), categorical_roles=("color",),
        ),
        ChartKind(
            "box", "Box plot",
            "The distribution of a numeric column per category as boxes.",
            ("x", "y"), _boxes,
            numeric_roles=("y",), categorical_roles=("x",),
        ),
        ChartKind(
            "heatmap", "Correlation heatmap",
            "The correlation matrix of every numeric column, as coloured cells.",
            (), _correlation_cells,
        ),
        ChartKind(
            "facet", "Faceted small multiples",
            "The scatter repeated in one small panel per value of a facet column.",
            ("x", "y", "color", "facet"), _every_row,
            numeric_roles=("x", "y"), categorical_roles=("color", "facet"),
        ),
        ChartKind(
            "regression", "Scatter with regression",
            "The scatter with a straight-line least-squares fit per category on top.",
            ("x", "y", "color"), _every_row,
            numeric_roles=("x", "y"), categorical_roles=("color",),
        ),
        ChartKind(
            "scatter3d", "3D scatter",
            "Three numeric columns in a 3D scatter, coloured by category.",
            ("x", "y", "z", "color"), _every_row,
            numeric_roles=("x", "y", "z"), categorical_roles=("color",),
        ),
        ChartKind(
            "bubble", "Bubble chart",
            "The scatter with a third numeric column as marker size.",
            ("x", "y", "size", "color"), _every_row,
            numeric_roles=("x", "y", "size"), categorical_roles=("color",),
        ),
    ]
}


def get_kind(key: str) -> ChartKind:
    """Return the chart kind called ``key``, or say which ones exist."""
    try:
        return KINDS[key]
    except KeyError:
        raise KeyError(f"no chart kind {key!r}; choose one of: {', '.join(KINDS)}") from None
