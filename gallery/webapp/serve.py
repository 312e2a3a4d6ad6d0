"""``python -m gallery.webapp.serve [streamlit options]``: the app, with its first page
drawn as the server starts (what ``scripts/run-app.sh`` runs). With ``--prepare`` it only
draws that page into the cell cache on disk and exits (run-app.sh does this after set-up,
so even a brand-new server has its first page ready).

``streamlit run app.py`` draws nothing until a reader connects, so the first visit waits
for the plotting libraries to import and every card to draw. Here the server process
sets that work going in its worker pool before Streamlit starts listening, and the
sessions' pages find the cards in the same process-wide store (``cells.py``)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app.py"


def _warm() -> None:
    """Start drawing the first page. Run in the main thread before Streamlit starts, not
    beside it: two threads importing pandas and streamlit at once can meet a partially
    imported module. Starting takes a second; the drawing goes on in the worker pool."""
    try:
        from gallery.webapp.cells import warm

        warm()
    except Exception as error:  # a failed warm-up only means the first page draws later
        print(f"gallery: could not draw the first page ahead ({type(error).__name__}: "
              f"{error}); it is drawn when a reader opens it", file=sys.stderr)


def prepare() -> None:
    from concurrent.futures import wait

    from gallery.webapp.cells import stop_pool, warm

    started = time.perf_counter()
    drawn = [future.result() for future in wait(warm()).done]
    stop_pool()
    print(f"gallery: the app's first page is ready ({sum(c.ok for c in drawn)} charts, "
          f"{sum(c.cached for c in drawn)} of them kept from before; "
          f"{time.perf_counter() - started:.1f} s)")


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--prepare"]:
        prepare()
        return
    _warm()
    from streamlit.web.cli import main as streamlit

    streamlit(["run", str(APP), *argv], prog_name="streamlit")


if __name__ == "__main__":
    main()
