"""How fast the app answers: run ``python benchmarks/app_bench.py``.

Reports (1) a first visit in Chromium: the page opened, its first card and all its cards
drawn, and (2) the
script rerun time on the server (AppTest runs the same script in-process) when switching
to a chart kind not seen before (cold) and to one already seen (cached).
Targets on a 2-core machine: after the page opens, the first card within 3 s and all 14
within 8 s; a cached switch with a median under 0.2 s, a cold switch under 5 s."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gallery.kinds import KINDS  # noqa: E402
from gallery.libraries import LIBRARIES  # noqa: E402


def server_switch_times() -> tuple[dict[str, float], dict[str, float]]:
    from streamlit.testing.v1 import AppTest

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


def first_visit_seconds() -> tuple[float, float, float]:
    """(server start to page open, page open to the first card drawn, page open to every
    card drawn) for a first visit in Chromium at 1600 px."""
    from gallery.sources import example_source
    from tests.browser import chromium, streamlit_app
    from tests.test_browser_app import _drew

    ok = [lib for lib in LIBRARIES if "scatter" not in example_source(LIBRARIES.get(lib))
          .not_supported]
    started = time.perf_counter()
    with streamlit_app() as url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1600, "height": 1200})
        opened = time.perf_counter()
        page.goto(url)
        first = None
        while time.perf_counter() - opened < 300:
            drawn = [lib for lib in ok if page.locator(f".st-key-card-{lib}-ok").count() == 1
                     and _drew(page.locator(f".st-key-card-{lib}-ok"),
                               LIBRARIES.get(lib).family)]
            if drawn and first is None:
                first = time.perf_counter() - opened
            if len(drawn) == len(ok):
                return opened - started, first or 0.0, time.perf_counter() - opened
            page.wait_for_timeout(100)
        raise RuntimeError("the cards did not all draw within 300 s")


def main() -> None:
    print(f"{len(LIBRARIES)} libraries x {len(KINDS)} chart kinds")
    start, first, every = first_visit_seconds()
    print(f"server start -> page open: {start:.1f} s; page open -> first card drawn: "
          f"{first:.1f} s (target 3 s), every card drawn: {every:.1f} s (target 8 s)")
    cold, cached = server_switch_times()
    print(f"\n{'chart kind':<12}{'cold s':>9}{'cached s':>10}")
    for kind in KINDS:
        print(f"{kind:<12}{cold[kind]:>9.2f}{cached[kind]:>10.3f}")
    print(f"{'median':<12}{statistics.median(cold.values()):>9.2f}"
          f"{statistics.median(cached.values()):>10.3f}")
    print(f"{'max':<12}{max(cold.values()):>9.2f}{max(cached.values()):>10.3f}")


if __name__ == "__main__":
    main()
