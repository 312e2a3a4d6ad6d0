"""Verify one cell, or every kind of an example script: draw it through the normal render
boundary on a bundled dataset, read what was drawn, compare it with the specification."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gallery.datasets import DATASETS, read_dataset
from gallery.kinds import KINDS, get_kind
from gallery.libraries import LIBRARIES
from gallery.render import ERROR, OK, Cell, prepare_cell, render_cell
from gallery.renderers import renderer_for
from gallery.verify.checks import Problem, check
from gallery.verify.scene import Scene

# Each family's extractor module, imported when first needed (plotly's starts a browser).
EXTRACTORS = {
    "matplotlib": "gallery.verify.extract_matplotlib",
    "bokeh": "gallery.verify.extract_bokeh",
    "plotly": "gallery.verify.extract_plotly",
    "vega": "gallery.verify.extract_vega",
}


@dataclass(frozen=True)
class Verdict:
    """One (library, kind, dataset): met, or what differs; with what the library declares."""

    library: str
    kind: str
    dataset: str
    status: str  # the cell's status: ok, unsupported or error
    problems: tuple[Problem, ...] = ()
    declared: dict[str, str] = field(default_factory=dict)  # point -> why it is not met
    message: str = ""  # the reason when unsupported, the error when failed
    colors: dict[str, str] = field(default_factory=dict)  # category -> colour, as drawn
    size: tuple[float, float] = (0.0, 0.0)  # the chart's nominal width and height, px

    @property
    def ok(self) -> bool:
        return self.status != ERROR and not self.problems

    def sentences(self) -> list[str]:
        if self.status == ERROR:
            return [self.message]
        return [str(p) for p in self.problems]

    def as_json(self) -> dict[str, Any]:
        return {"library": self.library, "kind": self.kind, "dataset": self.dataset,
                "ok": self.ok, "problems": self.sentences(),
                "status": self.status, "not_met": self.declared}


def extract(family: str, figure: Any) -> Scene:
    return importlib.import_module(EXTRACTORS[family]).extract(figure)


def _close(family: str, figure: Any) -> None:
    if family == "matplotlib":
        import matplotlib.pyplot as plt

        plt.close(figure)


def drawn_colors(scene: Scene, categories: Sequence[str]) -> dict[str, str]:
    """{category: colour} as the legend shows it, or as the boxes are filled when a box
    plot has no legend (what the manifest records)."""
    wanted = set(categories)
    found = {e.label: e.color for e in scene.legend if e.label in wanted and e.color}
    return found or {b.category: b.color for b in scene.boxes if b.category in wanted}


def verify_cell(library: str, kind: str, dataset: str, example: Path | None = None,
                frame: Any = None) -> Verdict:
    """Draw ``library``'s ``kind`` on bundled ``dataset`` and compare it with the spec."""
    frame = read_dataset(dataset) if frame is None else frame
    cell = render_cell(library, kind, frame, dataset=dataset, live=True, example=example)
    try:
        return judge(cell, frame, dataset)
    finally:
        if cell.ok:
            _close(cell.family, cell.payload)


def judge(cell: Cell, frame: Any, dataset: str | None,
          roles: dict[str, str] | None = None) -> Verdict:
    """The verdict on a cell drawn with ``live=True`` from ``frame`` (``dataset``: the
    bundled dataset it is, or None for a reader's data; ``roles``: the overrides it was
    drawn with). Leaves the figure open."""
    kind = get_kind(cell.kind)
    where = (cell.library, cell.kind, dataset or "data")
    if cell.status != OK:
        return Verdict(*where, cell.status, declared=cell.not_met, message=cell.message)
    unknown = [Problem(point, "SPEC_NOT_MET names a point the specification does not have")
               for point in cell.not_met if point not in kind.spec]
    scene = extract(cell.family, cell.payload)
    max_rows = getattr(renderer_for(cell.family), "MAX_ROWS", None)
    prepared = prepare_cell(frame, kind, roles, dataset, max_rows)
    problems = check(cell.kind, scene, prepared.data, prepared.roles, cell.not_met)
    role = next((r for r in ("color", "x") if r in kind.categorical_roles), None)
    colors = {}
    if role:
        colors = drawn_colors(scene, sorted(map(str, prepared.data[prepared.roles[role]])))
    return Verdict(*where, cell.status, tuple(unknown + problems), cell.not_met, colors=colors,
                   size=(scene.width, scene.height))


def libraries_of(example: Path) -> list[str]:
    """The libraries an example file draws, read from its name (plot_<key>.py)."""
    stem = Path(example).stem
    found = [key for key in LIBRARIES if LIBRARIES.get(key).example_stem == stem]
    if not found:
        stems = ", ".join(sorted({LIBRARIES.get(k).example_stem for k in LIBRARIES}))
        raise ValueError(f"{Path(example).name}: name it plot_<library>.py after a registered "
                         f"library ({stems})")
    return found


def verify_example(example: Path | None, libraries: Sequence[str] | None = None,
                   kinds: Sequence[str] | None = None,
                   datasets: Sequence[str] | None = None) -> Iterator[Verdict]:
    """Every kind function of an example (or of every registered library when ``example``
    is None) on each bundled dataset."""
    keys = list(libraries or (libraries_of(example) if example else LIBRARIES.names()))
    for library in keys:
        for kind in kinds or KINDS:
            for dataset in datasets or DATASETS:
                yield verify_cell(library, kind, dataset, example)
