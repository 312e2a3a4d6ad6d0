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

for _info in [
    LibraryInfo(
        "matplotlib", "matplotlib", _IMPERATIVE,
        "You create axes and call one drawing command per group of marks, saying how to draw.",
        False, "matplotlib", "matplotlib", "low", "matplotlib",
        "https://matplotlib.org", "Active; the foundation of the static Python stack.",
    ),
    LibraryInfo(
        "seaborn", "seaborn", _DECLARATIVE,
        "You name the columns for x, y and hue; seaborn groups, aggregates and styles.",
        False, "matplotlib", "matplotlib", "high", "seaborn",
        "https://seaborn.pydata.org", "Active; objects interface still experimental.",
    ),
    LibraryInfo(
        "plotnine", "plotnine", _DECLARATIVE,
        "A grammar of graphics: data, aesthetic mappings and layers, as in R's ggplot2.",
        False, "matplotlib", "matplotlib", "high", "plotnine",
        "https://plotnine.org", "Active; a port of ggplot2.",
    ),
    LibraryInfo(
        "bokeh", "Bokeh", _IMPERATIVE,
        "You create a figure and add glyphs to it one call at a time, from a ColumnDataSource.",
        True, "bokeh", "bokeh", "low", "bokeh",
        "https://bokeh.org", "Active; NumFOCUS sponsored.",
    ),
    LibraryInfo(
        "holoviews", "HoloViews (bokeh)", _DECLARATIVE,
        "You annotate data with what its dimensions mean; the backend decides how to draw it.",
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
        "pandas' .plot API returning HoloViews objects: name columns, get an interactive chart.",
        True, "bokeh", "bokeh", "high", "hvplot",
        "https://hvplot.holoviz.org", "Active; part of HoloViz.",
    ),
    LibraryInfo(
        "pandas_bokeh", "Pandas-Bokeh", _IMPERATIVE,
        "pandas' .plot API with bokeh output: one call per chart on a prepared frame.",
        True, "bokeh", "bokeh", "high", "pandas-bokeh",
        "https://github.com/PatrikHlobil/Pandas-Bokeh",
        "Unmaintained: last release 0.5.5 in 2021; needs a shim to import on bokeh 3.",
    ),
    LibraryInfo(
        "chartify", "Chartify", _IMPERATIVE,
        "You create a Chart and call one plot method per layer on tidy data; bokeh underneath.",
        True, "bokeh", "bokeh", "high", "chartify",
        "https://github.com/spotify/chartify", "Slow: few releases since 2023 (Spotify).",
    ),
    LibraryInfo(
        "plotly", "Plotly (graph_objects)", _IMPERATIVE,
        "You build a Figure from traces, one trace per group, setting each property.",
        True, "plotly.js", "plotly", "low", "plotly",
        "https://plotly.com/python/graph-objects/", "Active; Plotly Inc.",
    ),
    LibraryInfo(
        "plotly_express", "Plotly Express", _DECLARATIVE,
        "One function per chart kind; name the columns for x, y, color and it builds the traces.",
        True, "plotly.js", "plotly", "high", "plotly",
        "https://plotly.com/python/plotly-express/", "Active; part of plotly.",
    ),
    LibraryInfo(
        "vega_lite", "Vega-Lite (raw JSON)", _DECLARATIVE,
        "A JSON grammar of graphics: data, mark, encoding; the Vega runtime draws it.",
        True, "vega", "vega", "high", "vl-convert-python",
        "https://vega.github.io/vega-lite/", "Active; University of Washington IDL.",
    ),
    LibraryInfo(
        "altair", "Altair", _DECLARATIVE,
        "A Python API that writes Vega-Lite: marks, encodings and transforms, no drawing code.",
        True, "vega", "vega", "high", "altair",
        "https://altair-viz.github.io", "Active; Vega-Altair.",
    ),
    LibraryInfo(
        "pandas", "pandas .plot", _IMPERATIVE,
        "DataFrame.plot draws the frame as it is with matplotlib: reshape first, then plot.",
        False, "matplotlib", "matplotlib", "high", "pandas",
        "https://pandas.pydata.org/docs/user_guide/visualization.html",
        "Active; plotting is a thin layer over matplotlib.",
    ),
]:
    LIBRARIES.register(_info)
