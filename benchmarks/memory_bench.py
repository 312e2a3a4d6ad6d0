"""The app server's memory under readers' uploads: ``python benchmarks/memory_bench.py``.

Starts the app as run-app.sh does (``gallery.webapp.serve``), opens it in headless
Chromium and, in one tab:
1. uploads 50 distinct small CSVs (about 49 KB each), waiting for every card to draw after
   each, and reports the server's resident memory after each one: it must level off
   (the cell store keeps the last few uploads' cells, the session only its own frame);
2. uploads one 200 MB CSV and reports the server's peak memory while it is read and
   drawn (aim: under 1.5 GB).
``--uploads N`` and ``--big-mb M`` change the sizes; ``--skip-big`` leaves out step 2."""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import chromium, free_port  # noqa: E402
from tests.test_browser_app import _wait_for_cards  # noqa: E402


def _status(pid: int, field: str) -> int:
    """A VmRSS/VmHWM line of /proc/PID/status, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024
    return 0


def small_csv(folder: Path, n: int) -> Path:
    rng = np.random.default_rng(n)
    rows = 1000
    frame = pd.DataFrame({"height": rng.normal(170, 10, rows).round(2),
                          "weight": rng.normal(70, 12, rows).round(2),
                          "age": rng.integers(18, 90, rows),
                          "score": rng.normal(0, 1, rows).round(4),
                          "group": rng.choice(["a", "b", "c", "d"], rows)})
    path = folder / f"people-{n:02d}.csv"
    frame.to_csv(path, index=False)
    return path


def big_csv(folder: Path, megabytes: int) -> Path:
    """A CSV just under ``megabytes`` MB, counted as Streamlit's uploader counts them (10^6
    bytes: its 200 MB limit is 190.7 MiB, and a larger file is refused in the page)."""
    path = folder / "big.csv"
    rng = np.random.default_rng(0)
    with path.open("w") as out:
        out.write("x,y,size,value,group\n")
        # small chunks (about 0.7 MB each), so the file ends within 1 MB under the size
        # asked for: a file over Streamlit's 200 MB limit is refused before the app sees it
        while path.stat().st_size < (megabytes - 1) * 10**6:
            rows = 20_000
            chunk = pd.DataFrame({"x": rng.normal(size=rows).round(5),
                                  "y": rng.normal(size=rows).round(5),
                                  "size": rng.uniform(1, 9, rows).round(3),
                                  "value": rng.normal(100, 20, rows).round(3),
                                  "group": rng.choice(list("abcde"), rows)})
            chunk.to_csv(out, index=False, header=False)
            out.flush()
    return path


def upload(page, path: Path, rows_text: str) -> float:
    """Upload ``path`` and wait until the app has drawn every card from it: its name on
    the page, the script run over (no status widget) and no card left from the previous
    data (Streamlit marks those stale). Without the last two the next upload would
    interrupt this one's drawing, and the memory measured would be of pages never drawn."""
    started = time.perf_counter()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    page.get_by_text(rows_text).wait_for(timeout=600_000)
    page.get_by_text(f"Data: {path.name}").wait_for(timeout=600_000)
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"]')
                 && !document.querySelector('[data-stale="true"]')""",
        timeout=600_000, polling=250)
    _wait_for_cards(page, "scatter", timeout_s=600)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uploads", type=int, default=50)
    parser.add_argument("--big-mb", type=int, default=199)
    parser.add_argument("--skip-big", action="store_true")
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gallery.webapp.serve", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port),
         "--browser.gatherUsageStats", "false"], cwd=ROOT,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
            folder = Path(tmp)
            page = browser.new_page(viewport={"width": 1600, "height": 1200})
            for _ in range(120):
                try:
                    page.goto(f"http://127.0.0.1:{port}")
                    break
                except Exception:
                    time.sleep(0.5)
            _wait_for_cards(page, "scatter", timeout_s=300)
            page.get_by_text("Upload a CSV").click()
            print(f"after the first page: server {_status(server.pid, 'VmRSS')} MB")
            print("upload  seconds  server MB")
            resident = []
            for n in range(1, args.uploads + 1):
                seconds = upload(page, small_csv(folder, n), "1,000 rows, 5 columns")
                resident.append(_status(server.pid, "VmRSS"))
                print(f"{n:>6}  {seconds:>7.1f}  {resident[-1]:>9}", flush=True)
            if len(resident) >= 20:
                tenth = len(resident) // 10
                early = (resident[2 * tenth] - resident[0]) / (2 * tenth)
                late = (resident[-1] - resident[-1 - 2 * tenth]) / (2 * tenth)
                print(f"growth per upload: {early:.1f} MB over uploads 1-{2 * tenth + 1}, "
                      f"{late:.1f} MB over the last {2 * tenth} (levelling off: the late "
                      "growth well under the early one)")
            if not args.skip_big:
                path = big_csv(folder, args.big_mb)
                rows = sum(1 for _ in path.open()) - 1
                before = _status(server.pid, "VmRSS")
                seconds = upload(page, path, f"{rows:,} rows, 5 columns")
                print(f"{path.stat().st_size / 10**6:.0f} MB upload ({rows:,} rows): drawn in "
                      f"{seconds:.1f} s; server {before} MB before, peak "
                      f"{_status(server.pid, 'VmHWM')} MB, {_status(server.pid, 'VmRSS')} MB "
                      "after")
    finally:
        server.terminate()
        server.wait(30)


if __name__ == "__main__":
    main()
