"""The app's cells of bundled data on disk, in the export's cell cache, so a server that
starts again (or after an export) shows the first page without drawing anything.

A cell the export drew and verified is read under the export's own key. A cell the app
drew (not verified) is kept under a key of its own, so an export never publishes an
unverified chart. Readers' uploads are never written to disk: they stay in memory.
The folder is the export's (``~/.cache/pyviz-gallery``), or GALLERY_APP_DISK_CACHE;
"off" keeps nothing on disk."""

from __future__ import annotations

import os
from dataclasses import asdict
from functools import cache
from pathlib import Path

from gallery.site.cache import CellCache, cell_key, default_cache_dir
from gallery.site.cells import CellJob, CellResult, from_cache


@cache
def _cache() -> CellCache | None:
    where = os.environ.get("GALLERY_APP_DISK_CACHE", "")
    if where.lower() == "off":
        return None
    return CellCache(Path(where) if where else default_cache_dir())


def _app_key(job: CellJob) -> str:
    return cell_key({"drawn by": "app", "cell": job.key})


def read(job: CellJob) -> CellResult | None:
    """The kept cell for ``job``: the export's verified one first, then the app's."""
    kept = _cache()
    if kept is None or not job.key:
        return None
    return from_cache(kept.get(job.key)) or from_cache(kept.get(_app_key(job)))


def write(job: CellJob, result: CellResult) -> None:
    """Keep a drawn cell (failures are drawn again next time, never kept)."""
    kept = _cache()
    if kept is not None and job.key and result.ok:
        kept.put(_app_key(job), asdict(result))
