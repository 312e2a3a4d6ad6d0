"""manifest.json: one record per cell (and per dashboard framework, and a summary of the
scale results), so tools and tests read the site without scraping."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from gallery import __version__
from gallery.kinds import get_kind
from gallery.libraries import LIBRARIES
from gallery.render import ERROR, OK, UNSUPPORTED
from gallery.site.cells import CellResult
from gallery.site.pages import DashboardView, ScaleView


def counts(results: Iterable[CellResult]) -> dict[str, int]:
    tally = Counter(result.status for result in results)
    return {status: tally.get(status, 0) for status in (OK, UNSUPPORTED, ERROR)}


def record(result: CellResult, files: list[str]) -> dict[str, Any]:
    info = LIBRARIES.get(result.library)
    colors = {"colors": result.colors} if _colours_by_category(result.kind) else {}
    return {
        **colors,
        "library": result.library,
        "library_name": info.name,
        "kind": result.kind,
        "status": result.status,
        "message": result.message,  # the reason when unsupported, the error when failed
        "tags": info.tags,
        "family": result.family,
        "version": info.version,
        "seconds": result.seconds,
        "bytes": len(result.text.encode("utf-8")),
        "rows": result.rows,
        "roles": result.roles,
        "notes": list(result.notes),  # what the cleaning step did to the data
        "lines_of_code": result.loc,  # the chart function's own lines
        "setup_lines": result.setup_loc,  # its imports and set-up, shown, counted apart
        "not_met": result.not_met,  # specification points the library declares it cannot meet
        "verify": result.verify,  # gallery verify's verdict on what was drawn
        "cached": result.cached,
        "files": files,
    }


def _colours_by_category(kind: str) -> bool:
    chart = get_kind(kind)
    return bool(chart.categorical_roles) and not chart.one_colour


def dashboard_record(view: DashboardView) -> dict[str, Any]:
    info, tags = view.info, view.tags
    return {
        "key": info.key,
        "name": info.name,
        "reactive_model": tags["reactive model"],
        "built_on": tags["built on"],
        "lines_of_code": int(tags["lines of code"]),
        "version": tags["version"],
        "home": info.home,
        "file": f"gallery/dashboards/{info.filename}",
        "command": view.command,
        "screenshot": view.screenshot or None,  # None: no screenshot taken yet
        "page": "dashboards.html",
    }


def scale_record(view: ScaleView) -> dict[str, Any]:
    """What scale.html shows, summarised: where the figures come from and the ceilings."""
    about: dict[str, Any] = {"page": "scale.html", "results": view.source}
    results = view.results
    if results is None:
        return {**about, "problem": view.problem}
    settings, bigdata = results["settings"], results["bigdata"]
    return {
        **about,
        "problem": None,
        "schema_version": results["schema_version"],
        "created": results["created"],
        "sizes": settings["sizes"],
        "kinds": settings["kinds"],
        "limit_seconds": settings["limit_seconds"],
        "libraries": list(dict.fromkeys(rec["library"] for rec in results["records"])),
        "records": len(results["records"]),
        "charts": [f"scale-{key}" for key in view.charts],
        "ceilings": results["ceilings"],
        "bigdata": {
            "sizes": bigdata["sizes"],
            "cells": [big.cell.key for big in view.bigdata],
            "records": len(bigdata["records"]),
            "ceilings": bigdata["ceilings"],
        },
    }


def write_manifest(
    site: Path, results: list[CellResult], files: dict[tuple[str, str], list[str]],
    about: dict[str, Any],
) -> dict[str, Any]:
    manifest = {
        "generator": f"pyviz-gallery {__version__}",
        **about,
        "counts": {**counts(results), "total": len(results)},
        "rendered": sum(1 for r in results if r.key and not r.cached),
        "from_cache": sum(1 for r in results if r.cached),
        "cells": [record(r, files[(r.library, r.kind)]) for r in results],
    }
    (site / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest
