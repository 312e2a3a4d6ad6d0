"""The bundled datasets, the roles each chart kind maps onto their columns, and the
automatic role choice used for a reader's own data.

Everything is read from files shipped in ``gallery/data``: nothing is downloaded."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from gallery.cleaning import literal
from gallery.kinds import KINDS, ChartKind
from gallery.roles import RoleChoice, guess_roles

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Dataset:
    """A bundled dataset with the roles each chart kind uses by default."""

    key: str
    title: str
    description: str
    source: str
    filename: str  # in gallery/data; the shown code reads it by this name
    roles: dict[str, dict[str, str]] = field(default_factory=dict)
    # Columns made from others (column -> pandas expression on df), shown as a step of
    # the code of every cell whose roles use them.
    derived: dict[str, str] = field(default_factory=dict)
    measures: tuple[str, ...] = ()  # the heatmap's columns: measurements, not ids

    @property
    def read_code(self) -> str:
        return f"pd.read_csv({literal(self.filename)})"

    def read(self) -> pd.DataFrame:
        """The CSV as shipped, plus the derived columns (so pickers can offer them)."""
        frame = pd.read_csv(DATA_DIR / self.filename)
        for column, expression in self.derived.items():
            frame[column] = eval(expression, {"np": np, "df": frame})  # our own constant
        return frame


_PENGUIN_XY = {"x": "bill_length_mm", "y": "bill_depth_mm", "color": "species"}
_GAPMINDER_XY = {"x": "gdpPercap", "y": "lifeExp", "color": "continent"}

DATASETS: dict[str, Dataset] = {
    "penguins": Dataset(
        "penguins",
        "Palmer penguins",
        "344 penguins of three species on three islands of the Palmer Archipelago, Antarctica.",
        "palmerpenguins (Horst, Hill & Gorman, CC0)",
        "penguins.csv",
        {
            "scatter": _PENGUIN_XY,
            "line": {"time": "year", "y": "body_mass_g", "color": "species"},
            "bar": {"x": "species", "y": "body_mass_g", "color": "sex"},
            "histogram": {"x": "flipper_length_mm", "color": "species"},
            "box": {"x": "species", "y": "body_mass_g"},
            "heatmap": {},
            "facet": {**_PENGUIN_XY, "facet": "island"},
            "regression": _PENGUIN_XY,
            "scatter3d": {**_PENGUIN_XY, "z": "flipper_length_mm"},
            "bubble": {**_PENGUIN_XY, "y": "flipper_length_mm", "size": "body_mass_g"},
            "density": {"x": "body_mass_g", "color": "species"},
            "hexbin": {"x": "bill_length_mm", "y": "bill_depth_mm"},
            "ridgeline": {"x": "body_mass_g", "color": "species"},
            "violin": {"x": "species", "y": "body_mass_g"},
            "splom": {"color": "species"},
            "parallel": {"color": "species"},
            "radar": {"color": "species"},
            "area": {"time": "year", "y": "body_mass_g", "color": "species"},
            "pie": {"color": "species"},
            "lollipop": {"x": "island", "y": "body_mass_g", "time": "year"},
            "stacked100": {"x": "island", "color": "species"},
            "treemap": {"color": "species", "label": "island", "size": "body_mass_g",
                        "time": "year"},
            "sankey": {"color": "species", "via": "island", "target": "sex"},
            "choropleth": {"geo": "iso_num", "value": "body_mass_g", "time": "year"},
            "tooltip": {**_PENGUIN_XY, "label": "island"},
            "linked": {**_PENGUIN_XY, "x2": "flipper_length_mm", "y2": "body_mass_g"},
            "widget": _PENGUIN_XY,
            "animation": {**_PENGUIN_XY, "size": "body_mass_g", "time": "year"},
        },
        # Every penguin of the data lives in Antarctica: its country code, for the map.
        derived={"iso_num": "10  # ISO 3166-1 numeric code of Antarctica, where they live"},
        measures=("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"),
    ),
    "gapminder": Dataset(
        "gapminder",
        "Gapminder",
        "Life expectancy, population and GDP per capita of 142 countries, every 5 years "
        "from 1952 to 2007; `period` splits the years in two halves.",
        "Gapminder Foundation, via plotly.express.data (CC-BY 4.0); North Korea's ISO "
        "codes corrected (KOR 410 to PRK 408: plotly's copy gave it South Korea's)",
        "gapminder.csv.gz",
        {
            "scatter": _GAPMINDER_XY,
            "line": {"time": "year", "y": "lifeExp", "color": "continent"},
            "bar": {"x": "continent", "y": "lifeExp", "color": "period"},
            "histogram": {"x": "lifeExp", "color": "continent"},
            "box": {"x": "continent", "y": "lifeExp"},
            "heatmap": {},
            "facet": {**_GAPMINDER_XY, "facet": "period"},
            "regression": _GAPMINDER_XY,
            "scatter3d": {**_GAPMINDER_XY, "z": "year"},
            "bubble": {**_GAPMINDER_XY, "size": "pop"},
            "density": {"x": "lifeExp", "color": "continent"},
            "hexbin": {"x": "gdpPercap", "y": "lifeExp"},
            "ridgeline": {"x": "lifeExp", "color": "continent"},
            "violin": {"x": "continent", "y": "lifeExp"},
            "splom": {"color": "continent"},
            "parallel": {"color": "continent"},
            "radar": {"color": "continent"},
            "area": {"time": "year", "y": "pop", "color": "continent"},
            "pie": {"color": "continent"},
            "lollipop": {"x": "country", "y": "lifeExp", "time": "year"},
            "stacked100": {"x": "continent", "color": "period"},
            "treemap": {"color": "continent", "label": "country", "size": "pop",
                        "time": "year"},
            "sankey": {"color": "continent", "via": "period", "target": "life_band"},
            "choropleth": {"geo": "iso_num", "value": "lifeExp", "time": "year"},
            "tooltip": {**_GAPMINDER_XY, "label": "country"},
            "linked": {**_GAPMINDER_XY, "x2": "year", "y2": "pop"},
            "widget": _GAPMINDER_XY,
            "animation": {**_GAPMINDER_XY, "size": "pop", "time": "year"},
        },
        # A two-level category for grouping and faceting: gapminder has only one of its own;
        # and life expectancy in two bands, the Sankey's last stage.
        derived={"period": 'np.where(df["year"] < 1980, "1952-1977", "1982-2007")',
                 "life_band": 'np.where(df["lifeExp"] < 60, "under 60", "60 and over")'},
        measures=("year", "lifeExp", "pop", "gdpPercap"),
    ),
}


@cache
def _cached_frame(key: str) -> pd.DataFrame:
    return DATASETS[key].read()


def read_dataset(key: str) -> pd.DataFrame:
    """Return a fresh copy of the bundled dataset ``key`` (penguins or gapminder)."""
    if key not in DATASETS:
        raise KeyError(f"no bundled dataset {key!r}; choose one of: {', '.join(DATASETS)}")
    return _cached_frame(key).copy()


def roles_for(dataset_key: str, kind: ChartKind) -> dict[str, str]:
    """Return the default roles of a bundled dataset for ``kind``."""
    return dict(DATASETS[dataset_key].roles[kind.key])


def choose_roles(
    frame: pd.DataFrame,
    kind: ChartKind,
    dataset_key: str | None = None,
    overrides: dict[str, str] | None = None,
) -> RoleChoice:
    """Roles for ``kind``: a bundled dataset's defaults, or for other data a guess from
    what its columns hold around the roles the reader mapped (``overrides``), which are
    kept as given. Raises ValueError naming a role that has no column or maps to a column
    the data lacks."""
    overrides = {r: c for r, c in (overrides or {}).items() if r in kind.roles and c}
    unknown = {r: c for r, c in overrides.items() if c not in frame.columns}
    if unknown:
        role, column = next(iter(unknown.items()))
        raise ValueError(
            f"the {role} role is mapped to {column!r}, which is not a column of the data; "
            f"choose one of: {', '.join(map(str, frame.columns))}"
        )
    if dataset_key in DATASETS:
        dataset = DATASETS[dataset_key]
        derived = {c: (e, "") for c, e in dataset.derived.items()}
        return RoleChoice({**roles_for(dataset_key, kind), **overrides}, derived)
    return guess_roles(frame, kind, overrides)


def kinds_on(dataset_key: str) -> list[ChartKind]:
    """Return the chart kinds that have default roles on dataset ``dataset_key``."""
    return [KINDS[k] for k in DATASETS[dataset_key].roles]
