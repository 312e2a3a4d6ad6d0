"""One cell of the export: planned in the main process (its cache key, or a result known
without drawing), rendered in a worker through ``render_cell``, returned as plain text."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import gallery
from gallery.libraries import LIBRARIES
from gallery.render import ERROR, OK, Cell, render_cell
from gallery.renderers import renderer_for
from gallery.site import embed
from gallery.site.cache import cell_key, file_digest
from gallery.site.data import DataChoice
from gallery.sources import example_source


@dataclass(frozen=True)
class CellResult:
    """A cell as the site needs it: strings and numbers only, so it crosses processes
    and sits in the cache as JSON."""

    library: str
    kind: str
    status: str
    message: str = ""  # the reason when unsupported, the error when failed
    code: str = ""
    family: str = ""
    text: str = ""  # SVG text or the family's JSON, see embed.EMBEDDERS
    rows: int = 0
    roles: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0  # time render_cell spent drawing (when cached: the first time)
    notes: tuple[str, ...] = ()  # what the shared cleaning step did to the data
    key: str = ""  # cache key; empty for cells that are never drawn
    cached: bool = False
    loc: int = 0  # lines of the chart function; its imports and set-up counted apart
    setup_loc: int = 0
    not_met: dict[str, str] = field(default_factory=dict)  # declared: spec point -> why
    colors: dict[str, str] = field(default_factory=dict)  # category -> colour, as drawn
    verify: dict[str, Any] = field(default_factory=dict)  # gallery.verify's verdict
    width: float = 0.0  # the chart's nominal size in px, as drawn (0: not known)
    height: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status == OK


def from_cache(data: dict[str, Any] | None) -> CellResult | None:
    """A cell as the cache kept it (``asdict`` of a CellResult); None when there is none or
    it is from an older layout (then it is drawn again)."""
    if data is None:
        return None
    try:
        return CellResult(**{**data, "notes": tuple(data["notes"]), "cached": True})
    except (KeyError, TypeError):
        return None


@dataclass(frozen=True)
class CellJob:
    """A cell to draw in a worker, with the cache key its output will be stored under."""

    library: str
    kind: str
    choice: DataChoice
    key: str
    verify: bool = True  # the export checks each drawn cell; the app does not


def _from_cell(cell: Cell, text: str = "", key: str = "", verdict: Any = None) -> CellResult:
    checked = {} if verdict is None else {
        "ok": verdict.ok, "problems": verdict.sentences(), "not_met": dict(verdict.declared)}
    return CellResult(
        cell.library, cell.kind, cell.status, cell.message, cell.code,
        cell.family or LIBRARIES.get(cell.library).family, text, cell.rows, dict(cell.roles),
        round(cell.seconds, 4), tuple(cell.notes), key, loc=cell.loc, setup_loc=cell.setup_loc,
        not_met=dict(cell.not_met), colors=dict(verdict.colors) if verdict else {},
        verify=checked, width=verdict.size[0] if verdict else 0.0,
        height=verdict.size[1] if verdict else 0.0,
    )


def _verdict(cell: Cell, job: CellJob, frame: Any, dataset: str | None) -> Any:
    """What ``gallery verify`` says of the drawn cell; a verdict that could not be reached
    (no Chromium for plotly.js, say) is said, and the chart is published all the same."""
    from gallery.verify.run import Verdict, judge

    try:
        if frame is None:
            from gallery.datasets import read_dataset

            frame = read_dataset(dataset)
        return judge(cell, frame, dataset, job.choice.roles)
    except Exception as error:
        reason = f"could not verify: {type(error).__name__}: {error}"
        return Verdict(cell.library, cell.kind, dataset or "data", "error", message=reason)


def _failed(library: str, kind: str, what: str, error: BaseException, key: str = "") -> CellResult:
    info = LIBRARIES.get(library)
    message = f"{info.name}: {what}: {type(error).__name__}: {error}"
    return CellResult(library, kind, ERROR, message, family=info.family, key=key)


def render_job(job: CellJob) -> CellResult:
    """Worker entry point: draw the cell (verified when asked) and return it as text."""
    check = job.verify and bool(job.key)
    try:
        frame, dataset = job.choice.render_args(job.kind)
        dataset = dataset or job.choice.dataset_for(job.kind)
        cell = render_cell(job.library, job.kind, frame, job.choice.roles, dataset=dataset,
                           live=check)
    except Exception as error:  # render_cell should not raise; one cell never stops the rest
        return _failed(job.library, job.kind, "render_cell raised", error, job.key)
    verdict = _verdict(cell, job, frame, dataset) if check and cell.ok else None
    return text_result(cell, job.key, verdict, live=check)


def text_result(cell: Cell, key: str = "", verdict: Any = None, live: bool = False) -> CellResult:
    """A cell as strings and numbers: its payload in its family's text form (a live figure
    is first made into the payload, and a matplotlib figure closed)."""
    if not cell.ok:
        return _from_cell(cell, key=key)
    try:
        payload = renderer_for(cell.family).payload_of(cell.payload) if live else cell.payload
        text = embed.embedder_for(cell.family).serialize(payload)
    except Exception as error:
        return _failed(cell.library, cell.kind, "the chart could not be serialized", error, key)
    return _from_cell(cell, text, key, verdict)


def settle_without_drawing(library: str, kind: str, choice: DataChoice) -> CellResult:
    """A cell with nothing to draw (not supported, no function, unreadable example):
    render_cell returns before touching the data and says why, in the app's words."""
    return render_job(CellJob(library, kind, choice, key=""))


def plan_cell(library: str, kind: str, choice: DataChoice) -> CellJob | None:
    """The job that draws this cell, with its cache key; None when there is nothing to draw.

    The key covers everything that decides the output without re-deriving any of it: the
    cell's code, the frame handed to render_cell, the dataset and role overrides, the
    library versions and the source of the gallery's own pipeline."""
    info = LIBRARIES.get(library)
    try:
        source = example_source(info)
    except Exception:  # unreadable example: render_cell says why
        return None
    if kind not in source.functions:
        return None
    key = cell_key({
        "library": library, "kind": kind, "family": info.family, "code": source.code_for(kind),
        "data": choice.digest(kind), "dataset": choice.dataset_for(kind),
        "overrides": choice.roles,
        "versions": _versions(info.distribution, embed.embedder_for(info.family).distribution),
        "pipeline": _pipeline_digest(info.family),
    })
    return CellJob(library, kind, choice, key)


@cache
def _versions(*distributions: str) -> dict[str, str]:
    names = {*distributions, "pandas", "numpy"}
    return {name: _version(name) for name in sorted(names)}


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


@cache
def _pipeline_digest(family: str) -> str:
    """The gallery's code between the frame and the text: every top-level module of the
    package (render boundary, roles, cleaning, sources...), the family's renderer and the
    serializer. Editing any of them re-renders rather than serve a stale chart."""
    package = Path(gallery.__file__).parent
    files = sorted(package.glob("*.py"))
    files += [Path(renderer_for(family).__file__), Path(embed.__file__)]
    return "".join(f"{path.name}:{file_digest(path)[:16]};" for path in files)
