"""The big-data cells: each ecosystem's way out when ordinary rendering gives up.

``examples/bigdata/plot_<key>.py`` is laid out like the gallery's example scripts (a
docstring, a preamble of imports, then the function, then a ``__main__`` block) but has one
function, ``big_scatter(df, x, y)``, which ``gallery.sources`` does not read (it only takes
functions named after chart kinds), so this small loader cuts the same way: the code shown
is the preamble plus the function, verbatim, and that exact text is what the bench runs."""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

BIGDATA_DIR = Path(__file__).resolve().parents[2] / "examples" / "bigdata"
FUNCTION = "big_scatter"


@dataclass(frozen=True)
class BigDataCell:
    """One big-data technique: whose it is, what it sends, what it gives up."""

    key: str  # the script is examples/bigdata/plot_<key>.py
    title: str
    ecosystem: str
    family: str  # the gallery renderer its native object goes through
    distributions: tuple[str, ...]  # what pip installs, for the versions in the results
    how: str  # shown on the cell: what is computed where, and what it costs

    @property
    def path(self) -> Path:
        return BIGDATA_DIR / f"plot_{self.key}.py"


BIG_DATA: dict[str, BigDataCell] = {
    cell.key: cell
    for cell in [
        BigDataCell(
            "datashader", "Datashader via hvPlot (rasterize=True)", "HoloViz / bokeh", "bokeh",
            ("datashader", "numba", "hvplot", "holoviews", "bokeh"),
            "Datashader counts the points per pixel in Python (numba-compiled) and bokeh "
            "receives one 600 x 400 image, so the output barely grows with the data. In a "
            "static page the image is fixed: zooming re-aggregates only with a live Python "
            "server (Panel, Jupyter or bokeh serve).",
        ),
        BigDataCell(
            "scattergl", "Plotly WebGL (go.Scattergl)", "Plotly", "plotly",
            ("plotly",),
            "Every point still goes to the browser (as float32 typed arrays, 8 bytes a "
            "point before base64); WebGL draws them on the GPU, so the page stays "
            "interactive at millions of points but its size grows with the data.",
        ),
        BigDataCell(
            "vegalite_binned", "Vega-Lite 2-D binned count", "Vega / Altair", "vega",
            ("vl-convert-python", "numpy", "pandas"),
            "Binned in numpy, drawn by Vega-Lite. Binning in the spec (`\"bin\": true`, "
            "`\"aggregate\": \"count\"`) would make the browser bin, so every row would be "
            "inlined in the JSON: the raw Vega-Lite scatter above sends about 55 bytes a row, "
            "55 MB at a million. The spec carries only the non-empty 60 x 40 bins, about "
            "150 kB at any size. Altair users get the same from the VegaFusion data "
            "transformer, which runs the spec's transforms in Python.",
        ),
    ]
}


@dataclass(frozen=True)
class BigScatterSource:
    """One big-data script cut into what is shown and run."""

    path: Path
    docstring: str
    preamble: str
    function: str

    @property
    def code(self) -> str:
        """The code shown on the cell: the preamble, then big_scatter."""
        return f"{self.preamble}\n\n\n{self.function}\n"

    def compile(self) -> Callable[..., Any]:
        """Execute exactly the shown code in a fresh namespace; return big_scatter."""
        namespace: dict[str, Any] = {"__name__": f"gallery_bigdata_{self.path.stem}"}
        exec(compile(self.code, f"{self.path}::{FUNCTION}", "exec"), namespace)
        return namespace[FUNCTION]


def parse_big_scatter(path: Path, text: str) -> BigScatterSource:
    """Cut a script into its docstring, preamble and big_scatter source, verbatim."""
    tree = ast.parse(text, filename=str(path))
    lines = text.splitlines()
    docstring = ast.get_docstring(tree) or ""
    body = tree.body[1:] if docstring else tree.body
    functions = [n for n in body if isinstance(n, ast.FunctionDef) and n.name == FUNCTION]
    if len(functions) != 1:
        raise ValueError(f"{path.name} must define {FUNCTION}() exactly once")
    function = functions[0]
    preamble = body[: body.index(function)]
    after = body[body.index(function) + 1:]
    if any(not (isinstance(n, ast.If) and "__main__" in ast.unparse(n.test)) for n in after):
        raise ValueError(f"{path.name}: only the __main__ block may follow {FUNCTION}()")
    preamble_text = ""
    if preamble:
        preamble_text = "\n".join(lines[preamble[0].lineno - 1: preamble[-1].end_lineno])
    start = min([function.lineno] + [d.lineno for d in function.decorator_list])
    function_text = "\n".join(lines[start - 1: function.end_lineno])
    return BigScatterSource(path, docstring, preamble_text, function_text)


@lru_cache(maxsize=8)
def _read(path: Path, mtime_ns: int) -> BigScatterSource:
    return parse_big_scatter(path, path.read_text(encoding="utf-8"))


def big_source(key: str) -> BigScatterSource:
    """The parsed script of one big-data cell (re-read when the file changes)."""
    try:
        path = BIG_DATA[key].path
    except KeyError:
        raise KeyError(f"no big-data cell {key!r}; choose one of: {', '.join(BIG_DATA)}") from None
    return _read(path, path.stat().st_mtime_ns)
