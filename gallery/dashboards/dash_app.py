"""The penguins dashboard in Dash: a layout, and one callback from the controls to the outputs.

Run it: ``python gallery/dashboards/dash_app.py [PORT]`` (or the PORT variable; 8050)."""

import os
import sys
from pathlib import Path

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from dash import Dash, Input, Output, callback, dcc, html

CSV = Path(__file__).resolve().parent.parent / "data" / "penguins.csv"
COLUMNS = ["species", "bill_length_mm", "bill_depth_mm", "body_mass_g"]
penguins = pd.read_csv(CSV).dropna(subset=COLUMNS)
SPECIES = sorted(penguins["species"].unique())
LOW, HIGH = int(penguins["body_mass_g"].min()), int(penguins["body_mass_g"].max())

# serve_locally: the browser loads Dash's and plotly.js's scripts from this server, not a CDN.
app = Dash(__name__, title="Penguins (Dash)", serve_locally=True)
app.layout = html.Div([
    html.H1("Palmer penguins"),
    html.Label("Species"),
    dcc.Dropdown(["all", *SPECIES], "all", id="species", clearable=False),
    html.Label("Body mass (g)"),
    dcc.RangeSlider(LOW, HIGH, step=50, value=[LOW, HIGH], id="mass", marks=None),
    html.H2(id="count"),
    dcc.Graph(id="scatter"),
])


# Dash re-runs this function whenever an Input changes and sends its results to the Outputs.
@callback(
    Output("scatter", "figure"), Output("count", "children"),
    Input("species", "value"), Input("mass", "value"),
)
def update(species: str, mass: list[int]) -> tuple[go.Figure, str]:
    low, high = mass
    shown = penguins[penguins["body_mass_g"].between(low, high)]
    if species != "all":
        shown = shown[shown["species"] == species]
    figure = px.scatter(
        shown, x="bill_length_mm", y="bill_depth_mm", color="species",
        category_orders={"species": SPECIES},
    )
    return figure, f"{len(shown)} penguins"


if __name__ == "__main__":
    port = int(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("PORT", 8050))
    app.run(host="127.0.0.1", port=port, debug=False)
