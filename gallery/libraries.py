"""The libraries of the gallery: who they are, and an explicit registry keyed by one name.

The key is also the stem of the library's example script (``examples/plot_<key>.py``),
the test id and the URL slug. Nothing here imports a plotting library."""

from __future__ import annotations

from dataclasses import dataclass

from gallery.registry import Registry, installed_version


@dataclass(frozen=True)
class LibraryInfo:
    """What the gallery tells the reader about one library (one row of the matrix)."""

    key: str
    name: str
    paradigm: str  # "imperative" or "declarative"
    paradigm_reason: str
    interactive: bool
    built_on: str  # matplotlib, bokeh, plotly.js or vega
    family: str  # the renderer that turns its native figure into output
    api_level: str  # "low" or "high"
    distribution: str  # the name pip installs, for the version and the install hint
    home: str
    maintenance: str
    example: str = ""  # example stem when it differs from the key (a backend variant)
    variant: tuple[str, str] | None = None  # (line in the example, the line it becomes)

    @property
    def example_stem(self) -> str:
        return f"plot_{self.example or self.key}"

    @property
    def version(self) -> str:
        """The installed version, read at run time, or 'not installed'."""
        return installed_version(self.distribution)

    @property
    def tags(self) -> dict[str, str]:
        return {
            "paradigm": self.paradigm,
            "output": "interactive" if self.interactive else "static",
            "built on": self.built_on,
            "API level": self.api_level,
        }


class LibraryRegistry(Registry[LibraryInfo]):
    """Libraries by key, in the order they were registered (the talk's order)."""

    noun = "library"


LIBRARIES = LibraryRegistry()
_IMPERATIVE = "imperative"
_DECLARATIVE = "declarative"
# The one rule behind every row's paradigm tag, after the talk: imperative code says how to
# draw, declarative code says what the data means. Read off each library's own scatter.
PARADIGM_RULE = (
    "Imperative: your code builds the figure and adds the marks itself, one drawing call per "
    "group or layer, working out which rows get which colour. Declarative: one call names "
    "the columns for x, y, colour and size (or an encoding of them), and the library groups "
    "the rows, picks the colours and draws. The tag follows the shape of the call, so the "
    "pandas-style accessors (pandas .plot, Pandas-Bokeh, hvPlot) and the one-call APIs "
    "(Chartify, Plotly Express) are tagged alike."
)

for _info in [
    LibraryInfo(
        "matplotlib", "matplotlib", _IMPERATIVE,
        "Its scatter makes an Axes and loops over the categories, calling ax.scatter once per "
        "group with that group's colour: the code says how to draw.",
        False, "matplotlib", "matplotlib", "low", "matplotlib",
        "https://matplotlib.org", "Active; the foundation of the static Python stack.",
    ),
    LibraryInfo(
        "seaborn", "seaborn", _DECLARATIVE,
        "Its scatter is one call, sns.scatterplot(data=df, x=x, y=y, hue=color): seaborn "
        "groups the rows by hue, colours them and draws the legend.",
        False, "matplotlib", "matplotlib", "high", "seaborn",
        "https://seaborn.pydata.org", "Active; objects interface still experimental.",
    ),
    LibraryInfo(
        "plotnine", "plotnine", _DECLARATIVE,
        "Its scatter maps columns to aesthetics, ggplot(df, aes(x, y, color=color)), and adds "
        "a layer, geom_point(): a grammar of graphics, as in R's ggplot2.",
        False, "matplotlib", "matplotlib", "high", "plotnine",
        "https://plotnine.org", "Active; a port of ggplot2.",
    ),
    LibraryInfo(
        "bokeh", "Bokeh", _IMPERATIVE,
        "Its scatter creates a figure and adds a glyph with p.scatter(...), building the "
        "category-to-colour mapping (factor_cmap) and the legend by hand.",
        True, "bokeh", "bokeh", "low", "bokeh",
        "https://bokeh.org", "Active; NumFOCUS sponsored.",
    ),
    LibraryInfo(
        "holoviews", "HoloViews (bokeh)", _DECLARATIVE,
        "Its scatter declares which columns are key and value dimensions, hv.Scatter(df, x, "
        "[y, color]), and groups by colour; the backend decides how to draw.",
        True, "bokeh", "bokeh", "high", "holoviews",
        "https://holoviews.org", "Active; part of HoloViz.",
    ),
    LibraryInfo(
        "holoviews_matplotlib", "HoloViews (matplotlib)", _DECLARATIVE,
        "The same HoloViews code; one line switches the backend from bokeh to matplotlib.",
        False, "matplotlib", "matplotlib", "high", "holoviews",
        "https://holoviews.org", "Active; part of HoloViz.",
        example="holoviews", variant=('BACKEND = "bokeh"', 'BACKEND = "matplotlib"'),
    ),
    LibraryInfo(
        "hvplot", "hvPlot", _DECLARATIVE,
        "Its scatter is one call on the frame, df.hvplot.scatter(x=x, y=y, by=color): name the "
        "columns, hvPlot groups and colours (the pandas .plot call shape).",
        True, "bokeh", "bokeh", "high", "hvplot",
        "https://hvplot.holoviz.org", "Active; part of HoloViz.",
    ),
    LibraryInfo(
        "pandas_bokeh", "Pandas-Bokeh", _DECLARATIVE,
        "Its scatter is one call on the frame, df.plot_bokeh.scatter(x=x, y=y, category=color): "
        "name the columns, it groups and colours (the pandas .plot call shape).",
        True, "bokeh", "bokeh", "high", "pandas-bokeh",
        "https://github.com/PatrikHlobil/Pandas-Bokeh",
        "Unmaintained: last release 0.5.5 in 2021; needs a shim to import on bokeh 3.",
    ),
    LibraryInfo(
        "chartify", "Chartify", _DECLARATIVE,
        "Its scatter is one call naming the columns, ch.plot.scatter(data_frame=df, x_column=x, "
        "y_column=y, color_column=color): the same shape as Plotly Express.",
        True, "bokeh", "bokeh", "high", "chartify",
        "https://github.com/spotify/chartify", "Slow: few releases since 2023 (Spotify).",
    ),
    LibraryInfo(
        "plotly", "Plotly (graph_objects)", _IMPERATIVE,
        "Its scatter builds a Figure and adds one go.Scatter trace per category, setting each "
        "trace's points, name and colour.",
        True, "plotly.js", "plotly", "low", "plotly",
        "https://plotly.com/python/graph-objects/", "Active; Plotly Inc.",
    ),
    LibraryInfo(
        "plotly_express", "Plotly Express", _DECLARATIVE,
        "Its scatter is one call, px.scatter(df, x=x, y=y, color=color): it splits the rows into "
        "traces and colours them.",
        True, "plotly.js", "plotly", "high", "plotly",
        "https://plotly.com/python/plotly-express/", "Active; part of plotly.",
    ),
    LibraryInfo(
        "vega_lite", "Vega-Lite (raw JSON)", _DECLARATIVE,
        "Its scatter is a JSON spec of data, a mark and an encoding of columns to x, y and "
        "color; the Vega runtime groups, scales and draws.",
        True, "vega", "vega", "high", "vl-convert-python",
        "https://vega.github.io/vega-lite/", "Active; University of Washington IDL.",
    ),
    LibraryInfo(
        "altair", "Altair", _DECLARATIVE,
        "Its scatter is alt.Chart(df).mark_circle().encode(x, y, color): an encoding of "
        "columns, written out as Vega-Lite; no drawing code.",
        True, "vega", "vega", "high", "altair",
        "https://altair-viz.github.io", "Active; Vega-Altair.",
    ),
    LibraryInfo(
        "pandas", "pandas .plot", _DECLARATIVE,
        "Its charts are one call on a frame shaped for them, df.plot.bar() or df.plot.scatter(x, "
        "y): pandas draws each column as a series (the call shape of hvPlot and Pandas-Bokeh).",
        False, "matplotlib", "matplotlib", "high", "pandas",
        "https://pandas.pydata.org/docs/user_guide/visualization.html",
        "Active; plotting is a thin layer over matplotlib.",
    ),
]:
    LIBRARIES.register(_info)
