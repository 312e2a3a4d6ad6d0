"""Orchestration of the export: plan every cell, take what the cache has, draw the rest in
a process pool, then write the whole site into a temp folder and swap it into place."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TextIO

from gallery.kinds import KINDS, ORDERED_KINDS, ChartKind, get_kind
from gallery.libraries import LIBRARIES, LibraryInfo
from gallery.render import ERROR
from gallery.scale.results import RESULTS_PATH
from gallery.site.assets import prebuild, rebuilt, write_assets
from gallery.site.cache import CellCache, default_cache_dir, describe
from gallery.site.cells import (
    CellJob,
    CellResult,
    from_cache,
    plan_cell,
    settle_without_drawing,
)
from gallery.site.data import DataChoice, check_source
from gallery.site.embed import embedder_for
from gallery.site.highlight import highlight
from gallery.site.manifest import counts, dashboard_record, scale_record, write_manifest
from gallery.site.pages import (
    LibraryView,
    ScaleView,
    cell_view,
    scale_view,
    scripts_for,
    write_chart_files,
    write_dashboards_page,
    write_index,
    write_pages,
    write_scale_page,
)
from gallery.site.pool import draw
from gallery.site.progress import Progress
from gallery.site.publish import PublishError, pause, prepare, staged
from gallery.site.thumbnails import draw_ahead, make_thumbnails


@dataclass(frozen=True)
class ExportOptions:
    out: Path
    choice: DataChoice = field(default_factory=DataChoice)
    libraries: tuple[str, ...] = ()  # empty: every registered library
    kinds: tuple[str, ...] = ()  # empty: every chart kind
    jobs: int = 0  # worker processes; 0: os.cpu_count()
    cache_dir: Path | None = None  # None: ~/.cache/pyviz-gallery


@dataclass(frozen=True)
class ExportSummary:
    out: Path
    results: list[CellResult]
    manifest: dict[str, Any]
    seconds: float

    @property
    def errors(self) -> list[CellResult]:
        return [r for r in self.results if r.status == ERROR]


def export_site(options: ExportOptions, stream: TextIO | None = None) -> ExportSummary:
    """Render the chosen cells and publish the site at ``options.out``.

    Raises ValueError/KeyError for bad options and PublishError when ``out`` cannot be
    replaced (or written: any OSError while publishing becomes one); a cell that fails is
    an error card, never an exception. Workers are spawned: a script calling this needs
    the usual ``if __name__ == "__main__":`` guard."""
    started = time.perf_counter()
    stream = stream if stream is not None else sys.stdout

    def say(text: str) -> None:
        print(f"export: {text}", file=stream, flush=True)

    # First: put back a site an interrupted export left aside, and check that ``out`` can
    # be replaced, before minutes of drawing rather than after.
    out = prepare(Path(options.out), say)
    libraries = [LIBRARIES.get(key) for key in options.libraries or LIBRARIES.names()]
    chosen = {get_kind(key).key for key in options.kinds or KINDS}  # an unknown kind: KeyError
    kinds = [kind for kind in ORDERED_KINDS if kind.key in chosen]  # family by family
    check_source(options.choice.source)
    cache = _open_cache(options.cache_dir or default_cache_dir(), say)
    cells = [(info.key, kind.key) for info in libraries for kind in kinds]
    jobs = options.jobs or os.cpu_count() or 1
    # The Vega bundle takes seconds to build the first time: build it while cells draw.
    bundles = {name for info in libraries for name in embedder_for(info.family).assets}
    bundling = prebuild(cache, bundles)
    # The scale page needs no cell: it is made (its results checked against their schema,
    # seconds of importing jsonschema) while the cells draw.
    with ThreadPoolExecutor(max_workers=1) as aside:
        scaling = aside.submit(scale_view, RESULTS_PATH, cache)
        results = render_cells(cells, options.choice, cache, jobs, Progress(len(cells), stream))
        scale = scaling.result()
    ordered = [results[cell] for cell in cells]
    drawn = time.perf_counter()
    if bundling is not None:
        bundling.join()
    try:
        with staged(out, say) as site:
            manifest = write_site(site, ordered, libraries, kinds, options, cache,
                                  drawn - started, scale)
    except OSError as error:
        raise PublishError(f"could not write the site to {out}: {describe(error)}") from error
    summary = ExportSummary(Path(options.out), ordered, manifest, time.perf_counter() - started)
    tally = manifest["counts"]
    print(
        f"wrote {options.out}: {tally['ok']} drawn, {tally['unsupported']} not supported, "
        f"{tally['error']} errors; {manifest['rendered']} rendered, "
        f"{manifest['from_cache']} from cache, in {summary.seconds:.1f} s"
        + _cache_note(manifest["cache"]),
        file=stream, flush=True,
    )
    return summary


def _open_cache(root: Path, say: Callable[[str], None]) -> CellCache:
    """The cell cache; one that cannot be written is still read, and says so."""
    cache = CellCache(root)
    if problem := cache.probe():
        say(f"notice: the cache folder {problem}; charts already in it are used, nothing "
            "new is kept (pass --cache-dir with a writable folder to keep them)")
    return cache


def _cache_note(about: dict[str, Any]) -> str:
    """What the summary line adds when the cache held damaged entries."""
    notes = []
    if about["corrupt_redrawn"]:
        notes.append(f"{about['corrupt_redrawn']} corrupt cached chart(s) redrawn")
    if about["assets_rebuilt"]:
        notes.append(f"corrupt cached {', '.join(about['assets_rebuilt'])} rebuilt")
    return f"; cache: {', '.join(notes)}" if notes else ""


def render_cells(
    cells: list[tuple[str, str]], choice: DataChoice, cache: CellCache, jobs: int,
    progress: Progress,
) -> dict[tuple[str, str], CellResult]:
    """Every cell's result: settled without drawing, from the cache, or drawn now."""
    results: dict[tuple[str, str], CellResult] = {}
    to_draw: list[CellJob] = []
    for library, kind in cells:
        job = plan_cell(library, kind, choice)
        if job is None:
            result = settle_without_drawing(library, kind, choice)
        elif (result := _cached(cache, job)) is None:
            to_draw.append(job)
            continue
        results[(library, kind)] = result
        progress.report(result)
    for result in draw(to_draw, jobs):
        if result.ok:  # failures are retried next time, not remembered
            cache.put(result.key, asdict(result))
            # while the workers draw, what the pages will need of this cell is made and kept
            highlight(result.code, cache)
            draw_ahead(result, cache)
        results[(result.library, result.kind)] = result
        progress.report(result)
        pause("drawing")  # the test hook: the workers are alive here
    return results


def _cached(cache: CellCache, job: CellJob) -> CellResult | None:
    return from_cache(cache.get(job.key))


def write_site(
    site: Path, results: list[CellResult], libraries: list[LibraryInfo], kinds: list[ChartKind],
    options: ExportOptions, cache: CellCache, render_seconds: float, scale: ScaleView,
) -> dict[str, Any]:
    """Write charts, assets, pages and the manifest into ``site`` (the staging folder)."""
    started = time.perf_counter()
    views = {
        (r.library, r.kind): cell_view(r, LIBRARIES.get(r.library), get_kind(r.kind), cache)
        for r in results
    }
    write_chart_files(site, views.values())
    pause("writing")  # the test hook: the staging folder is half written here
    library_views = [LibraryView(info, info.version) for info in libraries]
    common = {"data_label": options.choice.label, "counts": counts(results)}
    pages = write_pages(site, views, library_views, kinds, common)
    dashboards = write_dashboards_page(site, kinds, common)
    write_scale_page(site, kinds, common, view=scale)
    assets = write_assets(site, [*scripts_for(views.values()), *scale.scripts], cache)
    # pictures for the matrix: Bokeh and Plotly photographed in the kind pages' cards
    thumbnails = make_thumbnails(site, views.values(), cache)
    write_index(site, views, library_views, kinds, common, thumbnails)
    files = {
        cell: ([view.chart_file] if view.chart_file else [])
        + ([thumbnails.paths[cell]] if cell in thumbnails.paths else []) + pages[cell]
        for cell, view in views.items()
    }
    about = {
        "data": options.choice.label,
        "dataset": options.choice.source,
        "role_overrides": options.choice.roles,
        "libraries": [info.key for info in libraries],
        "kinds": [kind.key for kind in kinds],
        "assets": [f"assets/{name}" for name in assets],
        "cache": {  # what the cache gave, and what of it failed its hash check
            "hits": sum(1 for r in results if r.cached),
            "corrupt_redrawn": cache.corrupt_cells,
            "assets_rebuilt": rebuilt(cache),
            "writable": cache.writable,
        },
        "thumbnails": {"made": len(thumbnails.paths), "missing": thumbnails.missing},
        "dashboards": [dashboard_record(view) for view in dashboards],
        "scale": scale_record(scale),
        # render: planning, cache look-ups and drawing; write: the site up to this file
        "seconds": {"render": round(render_seconds, 2),
                    "write": round(time.perf_counter() - started, 2)},
    }
    return write_manifest(site, results, files, about)
