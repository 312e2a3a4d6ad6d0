"""How fast the app answers: run ``python benchmarks/app_bench.py``.

Reports (1) a first visit in Chromium: seconds from opening the page to its first card
drawn and to all its cards drawn, with the server started as run-app.sh starts it on a
brand-new machine (``--prepare`` draws the first page to disk, then the server starts),
and with the server alone and nothing drawn before, the page opened the moment the
server answers or 10 s later; and (2) the script rerun time on the server (AppTest runs
the same script in-process, nothing kept on disk) when switching to a chart kind not
seen before (cold) and to one already seen (cached).
Targets on a 2-core machine: after the page opens, the first card within 3 s and all 14
within 8 s; a cached switch with a median under 0.2 s, a cold switch under 5 s."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gallery.kinds import KINDS  # noqa: E402
from gallery.libraries import LIBRARIES  # noqa: E402


def server_switch_times() -> tuple[dict[str, float], dict[str, float]]:
    from streamlit.testing.v1 import AppTest

    os.environ["GALLERY_APP_DISK_CACHE"] = "off"  # cold means drawn, not read from disk

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    app.run()  # the first run pays for imports; switches are measured after it
    cold, cached = {}, {}
    for label, times in (("cold", cold), ("cached", cached)):
        for kind in KINDS:
            started = time.perf_counter()
            app.selectbox(key="kind").set_value(kind).run()
            times[kind] = time.perf_counter() - started
            assert not app.exception, app.exception
        print(f"  {label} pass done", file=sys.stderr)
    return cold, cached


# Runs in the page from its first byte: records, in seconds since the page was opened
# (navigation start), when each card's chart first has a real size on screen. Measured in
# the page rather than by polling from Playwright, whose calls queue behind a busy page.
_RECORDER = """(() => {
  const CHART = '[data-testid="stImage"] img, canvas, .js-plotly-plot .main-svg, '
              + '.vega-embed svg, .vega-embed canvas';
  const deep = (root, out) => {
    root.querySelectorAll(CHART).forEach(e => out.push(e));
    root.querySelectorAll("*").forEach(e => { if (e.shadowRoot) deep(e.shadowRoot, out); });
    return out;
  };
  const seen = (e) => { const r = e.getBoundingClientRect();
    return r.width > 20 && r.height > 20 && (e.tagName !== "IMG" || e.complete); };
  window.__drawn = {};
  setInterval(() => document.querySelectorAll('[class*="st-key-card-"]').forEach(card => {
    const m = card.className.match(/st-key-card-([a-z_]+)-ok/);
    if (m && !window.__drawn[m[1]] && deep(card, []).some(seen))
      window.__drawn[m[1]] = performance.now() / 1000;
  }), 50);
})();"""


def first_visit_seconds(disk_cache: Path, wait: float = 0.0) -> tuple[float, float, float]:
    """(server start to ready, page open to the first card drawn, page open to every card
    drawn) for a first visit in Chromium at 1600 px to a server started as run-app.sh
    starts it, with ``disk_cache`` as its cell cache, the page opened ``wait`` seconds
    after the server answers."""
    from gallery.sources import example_source
    from tests.browser import chromium, streamlit_app

    ok = [lib for lib in LIBRARIES if "scatter" not in example_source(LIBRARIES.get(lib))
          .not_supported]
    started = time.perf_counter()
    with streamlit_app(env={"GALLERY_APP_DISK_CACHE": str(disk_cache)}) as url, \
            chromium() as browser:
        ready = time.perf_counter() - started
        time.sleep(wait)
        page = browser.new_page(viewport={"width": 1600, "height": 1200})
        page.add_init_script(_RECORDER)
        page.goto(url)
        page.wait_for_function(f"Object.keys(window.__drawn).length >= {len(ok)}",
                               timeout=300_000, polling=200)
        drawn = page.evaluate("window.__drawn")
    return ready, min(drawn.values()), max(drawn.values())


def main() -> None:
    print(f"{len(LIBRARIES)} libraries x {len(KINDS)} chart kinds")
    print("first visit (page open -> first card drawn / every card drawn; "
          "targets 3 s / 8 s):")
    cases = (("as run-app.sh starts it on a brand-new machine (--prepare, then the server)",
              True, 0.0),
             ("the server alone, nothing drawn before, page opened as it answers", False, 0.0),
             ("the server alone, nothing drawn before, page opened 10 s later", False, 10.0))
    for label, prepared, wait in cases:
        with tempfile.TemporaryDirectory() as folder:
            note = ""
            if prepared:
                started = time.perf_counter()
                subprocess.run([sys.executable, "-m", "gallery.webapp.serve", "--prepare"],
                               cwd=ROOT, check=True, capture_output=True,
                               env={**os.environ, "GALLERY_APP_DISK_CACHE": folder})
                note = f" (--prepare took {time.perf_counter() - started:.1f} s)"
            ready, first, every = first_visit_seconds(Path(folder), wait)
        print(f"  {label}{note}: server ready in {ready:.1f} s; first card {first:.1f} s, "
              f"every card {every:.1f} s")
    cold, cached = server_switch_times()
    print(f"\n{'chart kind':<12}{'cold s':>9}{'cached s':>10}")
    for kind in KINDS:
        print(f"{kind:<12}{cold[kind]:>9.2f}{cached[kind]:>10.3f}")
    print(f"{'median':<12}{statistics.median(cold.values()):>9.2f}"
          f"{statistics.median(cached.values()):>10.3f}")
    print(f"{'max':<12}{max(cold.values()):>9.2f}{max(cached.values()):>10.3f}")


if __name__ == "__main__":
    main()
