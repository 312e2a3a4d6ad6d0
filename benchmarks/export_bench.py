"""How fast and how big the static export is: run ``python benchmarks/export_bench.py``.

Runs ``python -m gallery export`` twice into a temp folder: cold (an empty cache, so every
cell draws and the Vega bundle is built) and warm (nothing changed, everything from the
cache). Reports both wall times, the site's size with the shared assets counted once (they
are written once), and the largest kind page without its assets.
Targets on a 2-core machine: cold < 90 s (every cell is drawn, verified against its
specification and photographed for the matrix), warm < 5 s, every kind page < 1 MB.

Extra arguments go to the export, e.g. ``--libraries matplotlib,plotly --jobs 2``."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"cold": 90.0, "warm": 5.0, "page": 1.0}  # seconds, seconds, MB


def export(site: Path, cache: Path, extra: list[str]) -> float:
    command = [sys.executable, "-m", "gallery", "export", "--out", str(site),
               "--cache-dir", str(cache), *extra]
    started = time.perf_counter()
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if run.returncode != 0:
        sys.exit(f"export failed ({run.returncode}):\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}")
    return seconds


def sizes(site: Path) -> dict[str, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    kind_pages = {p.name: p.stat().st_size for p in site.glob("kind-*.html")}
    largest = max(kind_pages, key=kind_pages.get)
    return {
        "total": sum(p.stat().st_size for p in files),
        "assets": sum(p.stat().st_size for p in (site / "assets").iterdir()),
        "charts": sum(p.stat().st_size for p in site.glob("charts/*")),
        "pages": sum(p.stat().st_size for p in site.glob("*.html")),
        "largest_name": largest,  # type: ignore[dict-item]
        "largest": kind_pages[largest],
    }


def main(extra: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="export-bench-") as temp:
        site, cache = Path(temp) / "site", Path(temp) / "cache"
        cold = export(site, cache, extra)
        warm = export(site, cache, extra)
        manifest = json.loads((site / "manifest.json").read_text())
        size = sizes(site)
    mb = 1024 * 1024
    counts = manifest["counts"]
    rows = [
        ("cells (ok / not supported / error)",
         f"{counts['ok']} / {counts['unsupported']} / {counts['error']}", ""),
        ("cold export (empty cache)", f"{cold:.1f} s", f"< {TARGETS['cold']:.0f} s"),
        ("warm re-export", f"{warm:.1f} s", f"< {TARGETS['warm']:.0f} s"),
        ("  from cache on the warm run", f"{manifest['from_cache']} cells", ""),
        ("site size, assets once", f"{size['total'] / mb:.1f} MB", ""),
        ("  of which assets/", f"{size['assets'] / mb:.1f} MB", ""),
        ("  of which charts/ (static SVG)", f"{size['charts'] / mb:.1f} MB", ""),
        ("  of which HTML pages", f"{size['pages'] / mb:.1f} MB", ""),
        (f"largest kind page ({size['largest_name']})", f"{size['largest'] / 1024:.0f} KB",
         f"< {TARGETS['page']:.0f} MB"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>14}  target")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>14}  {target}")
    within = (cold < TARGETS["cold"] and warm < TARGETS["warm"]
              and size["largest"] < TARGETS["page"] * mb)
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
