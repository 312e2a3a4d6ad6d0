"""The HTML pages, from the Jinja templates in gallery/templates (autoescape on: every
column name, value, title and error message from the data is escaped by Jinja; chart JSON
goes through embed.script_json, code through Pygments, markdown through safe_markdown)."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from gallery import __version__
from gallery.coverage import coverage, total
from gallery.dashboards import DASHBOARDS, DashboardInfo
from gallery.interactions import INTERACTION_HOW, interaction_support
from gallery.kinds import FAMILIES, INTERACTIVE_KINDS, ChartKind
from gallery.libraries import LibraryInfo
from gallery.scale.bigdata import BIG_DATA, BigDataCell, big_source
from gallery.scale.results import RESULTS_PATH
from gallery.site.assets import TEMPLATES
from gallery.site.cache import CellCache
from gallery.site.cells import CellResult
from gallery.site.embed import embedder_for
from gallery.site.highlight import highlight
from gallery.site.thumbnails import HOW as THUMBNAILS_HOW
from gallery.site.thumbnails import Thumbnails

CHART_DIR = "charts"
DASHBOARD_DIR = "dashboards"  # the dashboards' screenshots
REPOSITORY = Path(__file__).resolve().parents[2]
SCALE_RERUN = "python -m gallery bench scale"


@dataclass(frozen=True)
class LibraryView:
    info: LibraryInfo
    version: str


@dataclass(frozen=True)
class CellView:
    """A cell with its HTML pieces, made once and shown on the matrix, kind and library page."""

    result: CellResult
    info: LibraryInfo
    kind: ChartKind
    code_html: Markup
    chart: Markup  # the output on kind and library pages
    thumb: Markup  # the output in the matrix
    chart_file: str  # relative path of the chart file, or "" when inlined


@dataclass(frozen=True)
class DashboardView:
    """One dashboard framework as dashboards.html shows it and manifest.json records it."""

    info: DashboardInfo
    tags: dict[str, str]  # read once, so the page and the manifest agree
    code: str
    code_html: Markup
    screenshot: str  # relative path of the copied screenshot, or "" when there is none

    @property
    def command(self) -> str:
        return f"python -m gallery dashboard {self.info.key}"


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )


def chart_file(result: CellResult) -> str:
    suffix = embedder_for(result.family).suffix_for(result.text) if result.ok else ""
    return f"{CHART_DIR}/{result.library}-{result.kind}{suffix}" if suffix else ""


def chart_id(result: CellResult) -> str:
    """The id of a cell's chart element on every page (and on the thumbnails' sheets)."""
    return f"chart-{result.library}-{result.kind}"


def cell_view(result: CellResult, info: LibraryInfo, kind: ChartKind,
              kept: CellCache | None = None) -> CellView:
    code_html = highlight(result.code, kept) if result.code else Markup()
    if not result.ok:
        return CellView(result, info, kind, code_html, Markup(), Markup(), "")
    embedder, path = embedder_for(result.family), chart_file(result)
    alt = f"{kind.title} drawn by {info.name}"
    target = chart_id(result)
    aspect = result.width / result.height if result.width and result.height else 1.5
    chart = embedder.fragment(target, path or result.text, alt, aspect)
    return CellView(result, info, kind, code_html, chart, embedder.thumbnail(path, alt), path)


def scripts_for(views: Iterable[CellView]) -> list[str]:
    """The bundles a page must load: only the families it shows a drawn chart of."""
    names = {a for v in views if v.result.ok for a in embedder_for(v.result.family).assets}
    return sorted(names)


def filter_groups(libraries: Iterable[LibraryInfo]) -> list[dict[str, Any]]:
    libraries = list(libraries)
    built_on = list(dict.fromkeys(info.built_on for info in libraries))
    return [
        {"title": "Paradigm", "attribute": "paradigm", "values": ["imperative", "declarative"]},
        {"title": "Output", "attribute": "output", "values": ["interactive", "static"]},
        {"title": "Built on", "attribute": "built-on", "values": built_on},
    ]


def render_page(site: Path, name: str, template: str, context: dict[str, Any]) -> str:
    html = _environment().get_template(template).render(
        generator_version=__version__, **context
    )
    (site / name).write_text(html, encoding="utf-8")
    return name


def families_of(kinds: list[ChartKind]) -> list[tuple[str, list[ChartKind]]]:
    """The kinds in runs of one family each: the matrix's column groups."""
    runs: list[tuple[str, list[ChartKind]]] = []
    for kind in kinds:
        if not runs or runs[-1][0] != FAMILIES[kind.family]:
            runs.append((FAMILIES[kind.family], []))
        runs[-1][1].append(kind)
    return runs


def write_pages(
    site: Path, views: dict[tuple[str, str], CellView], libraries: list[LibraryView],
    kinds: list[ChartKind], common: dict[str, Any],
) -> dict[tuple[str, str], list[str]]:
    """Write the kind and library pages; return the pages each cell appears on (the
    index, written last with the thumbnails, included)."""
    infos = [library.info for library in libraries]
    base = {"kinds": kinds, "families": families_of(kinds), "filter_groups": filter_groups(infos),
            **common}
    pages: dict[tuple[str, str], list[str]] = {cell: ["index.html"] for cell in views}
    for kind in kinds:
        row = [views[(info.key, kind.key)] for info in infos]
        roles = next((v.result.roles for v in row if v.result.roles), {})
        name = render_page(site, f"kind-{kind.key}.html", "kind.html", {
            **base, "title": kind.title, "current": kind.key, "kind": kind, "views": row,
            "roles": roles, "scripts": scripts_for(row),
        })
        for view in row:
            pages[(view.info.key, kind.key)].append(name)
    for library in libraries:
        column = [views[(library.info.key, kind.key)] for kind in kinds]
        name = render_page(site, f"library-{library.info.key}.html", "library.html", {
            **base, "title": library.info.name, "current": "", "info": library.info,
            "interactive_kinds": INTERACTIVE_KINDS, "coverage": coverage(library.info.key),
            "total": total(library.info.key),
            "support": interaction_support(library.info.key),
            "version": library.version, "views": column, "scripts": scripts_for(column),
        })
        for view in column:
            pages[(library.info.key, view.kind.key)].append(name)
    return pages


def write_index(
    site: Path, views: dict[tuple[str, str], CellView], libraries: list[LibraryView],
    kinds: list[ChartKind], common: dict[str, Any], thumbnails: Thumbnails,
) -> None:
    """The matrix: a picture for every drawn cell, said how it was made."""
    shown = {
        cell: replace(view, thumb=Markup('<img class="thumb" src="{}" alt="{}" loading="lazy">')
                      .format(thumbnails.paths[cell], f"{view.kind.title} by {view.info.name}"))
        if cell in thumbnails.paths else view
        for cell, view in views.items()
    }
    infos = [library.info for library in libraries]
    render_page(site, "index.html", "index.html", {
        "kinds": kinds, "families": families_of(kinds), "filter_groups": filter_groups(infos),
        "family_starts": {members[0].key for _, members in families_of(kinds)},
        **common, "title": "Library x chart kind", "current": "", "scripts": [],
        "libraries": libraries, "cells": shown, "thumbnails_how": THUMBNAILS_HOW,
        "interactive_kinds": INTERACTIVE_KINDS, "interaction_how": INTERACTION_HOW,
        "support": {info.key: interaction_support(info.key) for info in infos},
        "thumbnails_missing": thumbnails.missing,
    })


def write_sheet(site: Path, name: str, rows: list[tuple[ChartKind, list[CellView]]]) -> str:
    """A page that is not published: the charts of ``rows`` in the kind pages' cards, for
    the thumbnail pass to photograph (see thumbnails.py)."""
    views = [view for _, row in rows for view in row]
    return render_page(site, name, "sheet.html", {"rows": rows, "scripts": scripts_for(views)})


def write_chart_files(site: Path, views: Iterable[CellView]) -> None:
    """Charts shipped as files (the static SVGs) go to charts/, one per drawn cell."""
    (site / CHART_DIR).mkdir(exist_ok=True)
    for view in views:
        if view.chart_file:
            (site / view.chart_file).write_text(view.result.text, encoding="utf-8")


def write_dashboards_page(
    site: Path, kinds: list[ChartKind], common: dict[str, Any],
) -> list[DashboardView]:
    """dashboards.html: each dashboard framework's app with its code and screenshot."""
    (site / DASHBOARD_DIR).mkdir(exist_ok=True)
    views = []
    for key in DASHBOARDS:
        info = DASHBOARDS.get(key)
        shot = f"{DASHBOARD_DIR}/{key}.png" if info.screenshot.is_file() else ""
        if shot:
            shutil.copyfile(info.screenshot, site / shot)
        code = info.code()
        views.append(DashboardView(info, info.tags, code, highlight(code), shot))
    render_page(site, "dashboards.html", "dashboards.html", {
        **common, "title": "Dashboards", "current": "dashboards", "kinds": kinds,
        "scripts": [], "views": views,
    })
    return views


# --- scale.html ---------------------------------------------------------------------------

# Markdown that can only make paragraphs, emphasis, code and lists: the raw-HTML
# processors are removed, so markup in the text stays text (Python-Markdown escapes every
# text node it writes), and so are the patterns that make links and images. Whatever the
# results file holds, the page gets no element, attribute or URL from it; should the output
# still hold a tag outside _SAFE_TAGS, the text is shown as escaped paragraphs instead.
_UNSAFE_INLINE = ("reference", "link", "image_link", "image_reference", "short_reference",
                  "short_image_ref", "autolink", "automail", "html")
_SAFE_TAGS = re.compile(
    r"</?(p|strong|em|code|pre|br|ul|li|blockquote|hr|h[1-6])>|<ol( start=\"\d+\")?>|</ol>"
)


@cache
def _markdown() -> Any:
    import markdown

    converter = markdown.Markdown(output_format="html")
    for name in _UNSAFE_INLINE:
        converter.inlinePatterns.deregister(name, strict=False)
    converter.parser.blockprocessors.deregister("reference", strict=False)
    converter.preprocessors.deregister("html_block", strict=False)
    return converter


def safe_markdown(text: str) -> Markup:
    """Markdown as HTML with no element, attribute or link taken from ``text``."""
    converter = _markdown()
    converter.reset()
    html = converter.convert(text)
    if "<" in _SAFE_TAGS.sub("", html):
        return Markup("\n").join(Markup("<p>{}</p>").format(part) for part in text.split("\n\n"))
    return Markup(html)


@dataclass(frozen=True)
class TableView:
    """A DataFrame as text cells, formatted once, numeric columns marked for alignment."""

    columns: tuple[str, ...]
    numeric: tuple[bool, ...]
    rows: tuple[tuple[str, ...], ...]


def _cell_text(value: Any) -> str:
    if hasattr(value, "item") and not isinstance(value, str | bytes):  # numpy scalar
        value = value.item()
    if value is None or (isinstance(value, float) and value != value):  # None, NaN
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return f"{value:,}"
    return str(value)


def table_view(frame: Any) -> TableView:
    from pandas.api.types import is_bool_dtype, is_numeric_dtype

    columns = tuple(str(c) for c in frame.columns)
    numeric = tuple(is_numeric_dtype(frame[c]) and not is_bool_dtype(frame[c])
                    for c in frame.columns)
    rows = tuple(tuple(_cell_text(v) for v in row)
                 for row in frame.itertuples(index=False, name=None))
    return TableView(columns, numeric, rows)


@dataclass(frozen=True)
class BigDataView:
    """One big-data cell as scale.html shows it: its code and its measured figures."""

    cell: BigDataCell
    code: str
    code_html: Markup
    how_html: Markup
    table: TableView


@dataclass(frozen=True)
class ScaleView:
    """The committed scale results as scale.html shows them and manifest.json records them."""

    source: str  # the results file, relative to the repository when it is in it
    results: dict[str, Any] | None  # None: missing or unreadable, and ``problem`` says why
    problem: str = ""
    reading_html: Markup = Markup()
    charts: dict[str, Markup] = field(default_factory=dict)  # time, bytes, memory -> HTML
    ceilings: TableView | None = None
    measured: TableView | None = None
    startup: TableView | None = None
    method: tuple[tuple[str, Markup], ...] = ()
    bigdata: tuple[BigDataView, ...] = ()

    @property
    def scripts(self) -> list[str]:
        return list(embedder_for("plotly").assets) if self.charts else []


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPOSITORY))
    except ValueError:
        return str(path)


def _read_scale(path: Path, kept: CellCache | None = None) -> tuple[dict[str, Any] | None, str]:
    if not path.is_file():
        return None, f"No results yet: {SCALE_RERUN} measures them into {_relative(path)}."
    try:
        raw = path.read_bytes()
        results = json.loads(raw.decode("utf-8"))
        _validate_once(results, raw, kept)
        return results, ""
    except (OSError, ValueError) as error:
        return None, _unreadable(path, error)
    except Exception as error:  # jsonschema's ValidationError, imported only to validate
        if type(error).__name__ != "ValidationError":
            raise
        return None, _unreadable(path, error)


def _validate_once(results: dict[str, Any], raw: bytes, kept: CellCache | None) -> None:
    """Check the results against the schema, unless an earlier export found these very
    bytes valid against this schema (importing jsonschema alone takes about 2 s): the
    cache keeps a mark for each, written once they pass."""
    from gallery.scale.results import schema_digest, validate

    mark = f"scale-valid/{hashlib.sha256(raw).hexdigest()}-{schema_digest()[:16]}"
    if kept is not None and kept.has_blob(mark):
        return
    validate(results)
    if kept is not None:
        kept.write_blob(mark, b"valid")


def _unreadable(path: Path, error: Exception) -> str:
    first = str(error).splitlines()[0] if str(error) else type(error).__name__
    return f"{_relative(path)} could not be read: {first}"


def _startup_frame(results: dict[str, Any]) -> Any:
    import pandas as pd

    from gallery.scale.figures import display_name

    entries = results["libraries"] + results["bigdata"]["cells"]
    return pd.DataFrame([{
        "library": display_name(entry["library"]), "status": entry["status"],
        "import s": None if entry["import_seconds"] is None else round(entry["import_seconds"], 3),
        **{f"first {k} s": round(v, 3) for k, v in entry["warmup_seconds"].items()},
    } for entry in entries])


def scale_view(path: Path = RESULTS_PATH, kept: CellCache | None = None) -> ScaleView:
    """Everything scale.html shows, made from the results at ``path`` by gallery.scale
    (their validation remembered in ``kept``)."""
    path = Path(path)
    results, problem = _read_scale(path, kept)
    if results is None:
        return ScaleView(_relative(path), None, problem)
    from gallery.scale import figures

    plotly = embedder_for("plotly")
    charts = {
        key: plotly.fragment(f"scale-{key}", plotly.serialize(make(results)), alt)
        for key, make, alt in (
            ("time", figures.time_figure, "Render time against points, per library"),
            ("bytes", figures.bytes_figure, "Output size against points, per library"),
            ("memory", figures.memory_figure, "Peak memory against points, per library"),
        )
    }
    settings = results["settings"]
    method = tuple((name.replace("_", " "), safe_markdown(settings[name]))
                   for name in ("time_measure", "memory_measure", "bytes_measure",
                                "repeat_policy"))
    table = figures.bigdata_table(results)
    bigdata = []
    for key, cell in BIG_DATA.items():
        code = big_source(key).code
        rows = table[table["technique"] == cell.title].drop(columns="technique")
        bigdata.append(BigDataView(cell, code, highlight(code), safe_markdown(cell.how),
                                   table_view(rows)))
    return ScaleView(
        _relative(path), results, "", safe_markdown(figures.reading(results)), charts,
        table_view(figures.ceiling_table(results)), table_view(figures.measured_table(results)),
        table_view(_startup_frame(results)), method, tuple(bigdata),
    )


def write_scale_page(
    site: Path, kinds: list[ChartKind], common: dict[str, Any], path: Path = RESULTS_PATH,
    kept: CellCache | None = None, view: ScaleView | None = None,
) -> ScaleView:
    """scale.html: how each library copes as the data grows, from the committed results
    (``view``: already made from them)."""
    from gallery.scale.figures import file_size

    view = view or scale_view(path, kept)
    render_page(site, "scale.html", "scale.html", {
        **common, "title": "Scale", "current": "scale", "kinds": kinds,
        "scripts": view.scripts, "view": view, "rerun": SCALE_RERUN, "file_size": file_size,
    })
    return view
