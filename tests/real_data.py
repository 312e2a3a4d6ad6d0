"""Real data sets the gallery never saw, from registry packages that ship them offline
(vega_datasets' local data, plotly.express.data), written to CSV as a reader would upload
them, with the roles a reader would expect and the fewest cells that must draw on each."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class RealData:
    name: str
    source: str  # "vega:<name>" or "px:<function>"
    expect: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> roles
    min_ok: int = 100  # of the 140 cells (14 libraries x 10 kinds, 22 of them unsupported)

    def frame(self) -> pd.DataFrame:
        """The data as the upload reader sees it: written to CSV and read back."""
        from gallery.uploads import read_csv_bytes

        origin, name = self.source.split(":")
        if origin == "vega":
            from vega_datasets import local_data

            raw = getattr(local_data, name.replace("-", "_"))()
        else:
            import plotly.express as px

            raw = getattr(px.data, name)()
        text = raw.to_csv(index=False)
        return read_csv_bytes(text.encode(), f"{self.name}.csv")

    def csv_bytes(self) -> bytes:
        buffer = io.StringIO()
        self.frame().to_csv(buffer, index=False)
        return buffer.getvalue().encode()


REAL = [
    RealData("stocks", "vega:stocks",
             {"line": {"time": "date", "y": "price", "color": "symbol"}}),
    RealData("seattle-weather", "vega:seattle-weather",
             {"line": {"time": "date", "color": "weather"}}),
    RealData("cars", "vega:cars",
             {"line": {"time": "Year", "color": "Origin"},
              "scatter": {"color": "Origin"}}),
    RealData("airports", "vega:airports",
             {"scatter": {"x": "longitude", "y": "latitude"}}),
    RealData("us-employment", "vega:us-employment", {"line": {"time": "month"}}, min_ok=90),
    RealData("iris", "vega:iris", {"scatter": {"color": "species"}}),
    RealData("anscombe", "vega:anscombe", {"scatter": {"color": "Series"}}),
    RealData("barley", "vega:barley", {"bar": {"y": "yield"}}, min_ok=90),
    RealData("iowa-electricity", "vega:iowa-electricity",
             {"line": {"time": "year", "y": "net_generation", "color": "source"}}, min_ok=90),
    RealData("ohlc", "vega:ohlc", {"line": {"time": "date"}}, min_ok=90),
    RealData("seattle-temps", "vega:seattle-temps", {"line": {"time": "date", "y": "temp"}},
             min_ok=60),
    RealData("sf-temps", "vega:sf-temps", {"line": {"time": "date", "y": "temp"}}, min_ok=60),
    RealData("wheat", "vega:wheat", {"line": {"time": "year"}}, min_ok=90),
    RealData("driving", "vega:driving", {"line": {"time": "year"}}, min_ok=90),
    RealData("tips", "px:tips", {"bar": {"y": "total_bill"}, "scatter": {"x": "total_bill"}}),
    RealData("gapminder-px", "px:gapminder", {"line": {"time": "year"}}),
    RealData("wind", "px:wind", {}, min_ok=35),  # one numeric column
    RealData("carshare", "px:carshare", {"scatter": {"x": "centroid_lon", "y": "centroid_lat"}},
             min_ok=90),
    RealData("px-stocks", "px:stocks", {"line": {"time": "date"}}, min_ok=90),
    RealData("experiment", "px:experiment", {}, min_ok=90),
]
