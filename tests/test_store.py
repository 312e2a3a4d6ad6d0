"""The app's shared cell store: bounded in bytes, age and uploads; one drawing per cell
however many sessions ask at once; and two sessions on the same cards both draw."""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future
from pathlib import Path

import pytest

from gallery.site.cells import CellResult
from gallery.webapp.store import CellStore


def _cell(size: int = 1000, status: str = "ok") -> CellResult:
    return CellResult("matplotlib", "scatter", status, family="matplotlib", text="x" * size)


def _key(n: int, data: str = "penguins") -> tuple:
    return ("matplotlib", f"kind{n}", data, ())


def test_the_store_keeps_at_most_its_bytes_least_recently_used_first():
    store = CellStore(max_bytes=10_000)
    for n in range(20):
        store.put(_key(n), _cell(2000))
        store.get(_key(0))  # kept in use
    assert store.bytes <= 10_000
    assert store.get(_key(0)) is not None and store.get(_key(1)) is None
    assert store.get(_key(19)) is not None


def test_old_cells_are_drawn_again():
    store = CellStore(max_age=0.05)
    store.put(_key(1), _cell())
    time.sleep(0.1)
    assert store.get(_key(1)) is None and len(store) == 0


def test_only_the_most_recent_uploads_keep_their_cells():
    store = CellStore(max_uploads=2)
    store.put(_key(1), _cell())  # bundled data stays
    for n in range(5):
        store.put(_key(1, f"upload:{n}"), _cell())
    kept = {key[2] for key in store._entries}
    assert kept == {"penguins", "upload:3", "upload:4"}


def test_sessions_asking_for_one_cell_at_once_share_one_drawing():
    store, drawings, results = CellStore(), [], []
    release = threading.Event()

    def draw() -> Future:
        drawings.append(1)
        future: Future = Future()
        threading.Thread(target=lambda: (release.wait(5), future.set_result(_cell()))).start()
        return future

    threads = [threading.Thread(target=lambda: results.append(store.fetch(_key(1), draw)))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(0.2)
    release.set()
    for thread in threads:
        thread.join(5)
    assert len(drawings) == 1 and len(results) == 8 and all(r.ok for r in results)


def test_a_failed_drawing_is_tried_again():
    store = CellStore()
    assert store.fetch(_key(1), lambda: _cell(status="error")).status == "error"
    assert store.fetch(_key(1), lambda: _cell()).ok


@pytest.mark.slow
def test_two_sessions_drawing_the_same_cards_at_once_both_draw_them():
    """Two AppTest sessions, each in its own thread, render every library's card of the same
    kind at the same moment (once a shared bokeh model made one of them fail)."""
    from streamlit.testing.v1 import AppTest

    from gallery.libraries import LIBRARIES
    from tests.test_app import card_statuses, expected_status

    app_path = str(Path(__file__).resolve().parent.parent / "app.py")
    sessions = [AppTest.from_file(app_path, default_timeout=300) for _ in range(2)]
    for app in sessions:
        app.run()
    start, errors = threading.Barrier(2), []

    def switch(app: AppTest) -> None:
        start.wait()
        try:
            app.selectbox(key="kind").set_value("regression").run()
        except Exception as error:  # reported below, with the other session's result
            errors.append(error)

    threads = [threading.Thread(target=switch, args=(app,)) for app in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)
    assert errors == []
    expected = {lib: expected_status(lib, "regression") for lib in LIBRARIES}
    for app in sessions:
        assert not app.exception and not app.error, [e.value for e in app.error]
        assert card_statuses(app) == expected
