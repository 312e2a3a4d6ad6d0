"""The one boundary every cell goes through: dataset + roles -> the library's chart code ->
native figure -> its family's payload. The app, the export and the CLI call only this.

It checks the contract (the adapter returned its declared family, something was drawn),
times the cell, and turns any failure into a result that names the library."""

from __future__ import annotations

import ctypes
import os
import threading
import time
import warnings
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from gallery.cleaning import Prepared, literal, prepare_data
from gallery.datasets import DATASETS, choose_roles, read_dataset
from gallery.drawn import Drawn
from gallery.kinds import ChartKind, get_kind
from gallery.libraries import LIBRARIES
from gallery.renderers import renderer_for
from gallery.sources import example_source
from gallery.world import WORLD_READ_CODE, read_world

OK, UNSUPPORTED, ERROR = "ok", "unsupported", "error"

CELL_SECONDS = float(os.environ.get("GALLERY_CELL_SECONDS", "30"))


class GalleryError(Exception):
    """A failure in the gallery's own code around a chart (measuring it), said as such."""


class CellTimeout(Exception):
    """Raised inside a cell's thread to stop chart code that ran past its time limit."""


def run_with_limit(work: Callable[[], Any], seconds: float) -> Any:
    """Run ``work`` in a thread; past ``seconds``, raise CellTimeout inside it and report.

    Python cannot kill a thread, but it can raise an exception in it: chart code stops at
    its next Python instruction (C code runs to its end first, then stops)."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed to the caller's thread below
            outcome["error"] = error

    thread = threading.Thread(target=target, name="gallery-cell", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        ctypes.pythonapi.PyThreadState_SetAsyncExc(
            ctypes.c_ulong(thread.ident), ctypes.py_object(CellTimeout))
        thread.join(5)
        raise CellTimeout(f"stopped after the {seconds:g} s time limit per chart")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


@dataclass(frozen=True)
class Cell:
    """One (library, chart kind) result: a chart, a stated non-support, or an error."""

    library: str
    kind: str
    status: str
    code: str = ""
    message: str = ""  # the reason when unsupported, the error when failed
    payload: Any = None  # SVG text, bokeh model, plotly Figure or Vega-Lite dict
    family: str = ""
    drawn: Drawn = field(default_factory=Drawn)
    rows: int = 0
    roles: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    notes: tuple[str, ...] = ()  # what was done to the data before drawing
    loc: int = 0  # lines of the chart function itself
    setup_loc: int = 0  # lines of its imports and set-up, shown with it, counted apart
    not_met: dict[str, str] = field(default_factory=dict)  # spec point -> why not, declared

    @property
    def ok(self) -> bool:
        return self.status == OK


def call_line(kind: str, roles: dict[str, str]) -> str:
    """The call the gallery makes, shown under the function (roles as keyword arguments;
    a kind drawn on the world map takes it after the data)."""
    arguments = "".join(f", {role}={literal(column)}" for role, column in roles.items())
    world = ", world" if get_kind(kind).world else ""
    return f"chart = {kind}(df{world}{arguments})"


def read_code(frame: pd.DataFrame, dataset: str | None) -> str:
    """How the shown code reads the data: the bundled CSV by its file name, a reader's
    CSV as the upload reader parsed it."""
    if dataset in DATASETS:
        return DATASETS[dataset].read_code
    return frame.attrs.get("read_code", f"pd.read_csv({literal('data.csv')})")


def _failure(library: str, kind: str, error: Exception) -> str:
    """Whose failure it was, in words: the library's, or the gallery's own."""
    if isinstance(error, GalleryError):
        return f"{error} (a gallery bug, not {library}'s: please report it)"
    return f"{library} could not draw {kind}: {type(error).__name__}: {error}"


def prepare_cell(
    frame: pd.DataFrame, chart_kind: ChartKind, roles: dict[str, str] | None,
    dataset: str | None, max_rows: int | None,
) -> Prepared:
    """The roles and cleaned rows a cell draws (raises ValueError for unusable data)."""
    bundled = DATASETS.get(dataset) if dataset else None
    choice = choose_roles(frame, chart_kind, dataset, roles)
    return prepare_data(frame, chart_kind, choice.roles, max_rows, derived=choice.derived,
                        columns=bundled.measures if bundled else None)


def render_cell(
    library: str,
    kind: str,
    frame: pd.DataFrame | None = None,
    roles: dict[str, str] | None = None,
    dataset: str | None = None,
    limit_rows: bool = True,
    seconds: float = CELL_SECONDS,
    live: bool = False,
    example: Path | None = None,
) -> Cell:
    """Render one cell and check it drew something.

    With no ``frame``, the kind's bundled default dataset is read. ``dataset`` names the
    bundled dataset ``frame`` came from (its default roles apply); for other data the
    roles are guessed from column types. ``roles`` override either, role by role.
    Never raises for a library's or the data's failure: that comes back as a Cell with
    status "error" and a message naming the library and chart kind.
    Chart code running longer than ``seconds`` is stopped and reported as an error.
    ``limit_rows=False`` draws every row, ignoring the family renderer's ``MAX_ROWS``
    sample: the scale bench (gallery.scale) measures each library on the full data.
    ``live=True`` returns the family's live figure as the payload (a matplotlib Figure,
    not its SVG) for ``gallery.verify`` to read; the caller closes it. ``example`` draws
    from a copy of the library's example script at that path."""
    info, chart_kind = LIBRARIES.get(library), get_kind(kind)
    try:
        source = example_source(info, example)
    except (OSError, SyntaxError, ValueError) as error:
        return Cell(library, kind, ERROR, message=f"{info.name}: no chart code to run: {error}")
    if kind in source.undrawn:
        return Cell(library, kind, UNSUPPORTED, message=source.undrawn[kind])
    if kind not in source.functions:
        return Cell(library, kind, ERROR, message=f"{source.path.name} has no {kind}() function")
    if frame is None:
        dataset = dataset or chart_kind.default_dataset
        frame = read_dataset(dataset)
    renderer = renderer_for(info.family)
    try:
        prepared = prepare_cell(frame, chart_kind, roles, dataset,
                                getattr(renderer, "MAX_ROWS", None) if limit_rows else None)
    except ValueError as error:  # DataError included: the reader's data, not the library
        return Cell(library, kind, ERROR, message=f"{chart_kind.title}: {error}")
    data, roles, notes = prepared.data, prepared.roles, prepared.notes
    data_code = "\n".join([f"df = {read_code(frame, dataset)}", *filter(None, [prepared.code]),
                           *([WORLD_READ_CODE] if chart_kind.world else [])])
    inputs = (data, read_world()) if chart_kind.world else (data,)
    code = source.cell_code(kind, data_code, call_line(kind, roles))
    loc, setup_loc = source.lines_of_code(kind)
    not_met = dict(source.spec_not_met.get(kind, {}))

    def draw() -> tuple[Any, Drawn]:
        with warnings.catch_warnings(), getattr(renderer, "isolated", nullcontext)():
            warnings.simplefilter("ignore")
            chart_function = source.compile_kind(kind)
            figure = renderer.figure_of(chart_function(*inputs, **roles))
            try:
                drawn = renderer.measure(figure)
            except Exception as error:  # the gallery's own code: never blame the library
                raise GalleryError(f"the gallery could not count what the {info.family} "
                                   f"chart drew ({type(error).__name__}: {error})") from error
            return (figure if live else renderer.payload_of(figure)), drawn

    started = time.perf_counter()
    try:
        payload, drawn = run_with_limit(draw, seconds)
        if drawn == Drawn():
            raise ValueError("the chart came back empty: no marks were drawn")
    except Exception as error:  # one library failing never takes the others down
        message = _failure(info.name, chart_kind.title, error)
        return Cell(
            library, kind, ERROR, code=code, family=info.family, rows=len(data), roles=roles,
            message=message,
            seconds=time.perf_counter() - started, notes=notes, loc=loc, setup_loc=setup_loc,
            not_met=not_met,
        )
    return Cell(
        library, kind, OK, code=code, payload=payload, family=info.family, drawn=drawn,
        rows=len(data), roles=roles, seconds=time.perf_counter() - started, notes=notes,
        loc=loc, setup_loc=setup_loc, not_met=not_met,
    )
