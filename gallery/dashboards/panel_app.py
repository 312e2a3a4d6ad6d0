"""The penguins dashboard in Panel: widgets, and functions bound to them with pn.bind.

Run it: ``panel serve gallery/dashboards/panel_app.py``."""

from pathlib import Path

import hvplot.pandas  # noqa: F401 - adds .hvplot to DataFrames
import pandas as pd
import panel as pn

CSV = Path(__file__).resolve().parent.parent / "data" / "penguins.csv"
COLUMNS = ["species", "bill_length_mm", "bill_depth_mm", "body_mass_g"]
penguins = pd.read_csv(CSV).dropna(subset=COLUMNS)
SPECIES = sorted(penguins["species"].unique())
LOW, HIGH = int(penguins["body_mass_g"].min()), int(penguins["body_mass_g"].max())
COLORS = dict(zip(SPECIES, ["#1f77b4", "#ff7f0e", "#2ca02c"], strict=True))

pn.extension()

species = pn.widgets.Select(name="Species", options=["all", *SPECIES], value="all")
mass = pn.widgets.RangeSlider(
    name="Body mass (g)", start=LOW, end=HIGH, value=(LOW, HIGH), step=50
)


def shown(species: str, mass: tuple[int, int]) -> pd.DataFrame:
    low, high = mass
    rows = penguins[penguins["body_mass_g"].between(low, high)]
    return rows if species == "all" else rows[rows["species"] == species]


def scatter(species: str, mass: tuple[int, int]):
    return shown(species, mass).hvplot.scatter(
        x="bill_length_mm", y="bill_depth_mm", color="species", cmap=COLORS,
        height=400, responsive=True,
    )


def count(species: str, mass: tuple[int, int]) -> pn.indicators.Number:
    return pn.indicators.Number(name="Penguins shown", value=len(shown(species, mass)))


# pn.bind ties each function to the widgets: when a widget's value changes,
# Panel calls the function again and swaps its new output into the page.
pn.Column(
    "# Palmer penguins",
    species,
    mass,
    pn.bind(count, species, mass),
    pn.bind(scatter, species, mass),
).servable(title="Penguins (Panel)")
