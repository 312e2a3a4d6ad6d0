"""How fast the app answers: run ``python benchmarks/app_bench.py``.

Reports (1) server start to the first full page of cards drawn in Chromium, and (2) the
script rerun time on the server (AppTest runs the same script in-process) when switching
to a chart kind not seen before (cold) and to one already seen (cached).
Targets on a 2-core machine: cached switch < 0.5 s, cold switch < 5 s for all libraries."""

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


def first_page_seconds() -> float:
    from tests.browser import chromium, streamlit_app
    from tests.test_browser_app import _wait_for_cards

    started = time.perf_counter()
    with streamlit_app() as url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1600, "height": 1200})
        page.goto(url)
        _wait_for_cards(page, "scatter", timeout_s=300)
        return time.perf_counter() - started


def main() -> None:
    print(f"{len(LIBRARIES)} libraries x {len(KINDS)} chart kinds")
    first = first_page_seconds()
    print(f"server start -> first full page of cards drawn in Chromium: {first:.1f} s")
    cold, cached = server_switch_times()
    print(f"\n{'chart kind':<12}{'cold s':>9}{'cached s':>10}")
    for kind in KINDS:
        print(f"{kind:<12}{cold[kind]:>9.2f}{cached[kind]:>10.3f}")
    print(f"{'median':<12}{statistics.median(cold.values()):>9.2f}"
          f"{statistics.median(cached.values()):>10.3f}")
    print(f"{'max':<12}{max(cold.values()):>9.2f}{max(cached.values()):>10.3f}")


if __name__ == "__main__":
    main()
