"""The HTML pages, from the Jinja templates in gallery/templates (autoescape on: every
column name, value, title and error message from the data is escaped by Jinja; chart JSON
goes through embed.script_json, code through Pygments)."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from gallery import __version__
from gallery.dashboards import DASHBOARDS, DashboardInfo
from gallery.kinds import ChartKind
from gallery.libraries import LibraryInfo
from gallery.site.assets import TEMPLATES
from gallery.site.cells import CellResult
from gallery.site.embed import embedder_for

CHART_DIR = "charts"
DASHBOARD_DIR = "dashboards"  # the dashboards' screenshots


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


def highlight(code: str) -> Markup:
    from pygments import highlight as pygmentize
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer

    # A table keeps line numbers out of the text the copy button takes from td.code.
    return Markup(pygmentize(code, PythonLexer(), HtmlFormatter(linenos="table")))


def chart_file(result: CellResult) -> str:
    suffix = embedder_for(result.family).file_suffix if result.ok else ""
    return f"{CHART_DIR}/{result.library}-{result.kind}{suffix}" if suffix else ""


def cell_view(result: CellResult, info: LibraryInfo, kind: ChartKind) -> CellView:
    code_html = highlight(result.code) if result.code else Markup()
    if not result.ok:
        return CellView(result, info, kind, code_html, Markup(), Markup(), "")
    embedder, path = embedder_for(result.family), chart_file(result)
    alt = f"{kind.title} drawn by {info.name}"
    target = f"chart-{result.library}-{result.kind}"
    chart = embedder.fragment(target, path or result.text, alt)
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


def write_pages(
    site: Path, views: dict[tuple[str, str], CellView], libraries: list[LibraryView],
    kinds: list[ChartKind], common: dict[str, Any],
) -> dict[tuple[str, str], list[str]]:
    """Write index, kind and library pages; return the pages each cell appears on."""
    infos = [library.info for library in libraries]
    base = {"kinds": kinds, "filter_groups": filter_groups(infos), **common}
    pages: dict[tuple[str, str], list[str]] = {cell: ["index.html"] for cell in views}
    render_page(site, "index.html", "index.html", {
        **base, "title": "Library x chart kind", "current": "", "scripts": [],
        "libraries": libraries, "cells": views,
    })
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
            "version": library.version, "views": column, "scripts": scripts_for(column),
        })
        for view in column:
            pages[(library.info.key, view.kind.key)].append(name)
    return pages


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
