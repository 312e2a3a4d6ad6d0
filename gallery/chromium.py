"""Debian's Chromium under Playwright, kept off the network: one way to start it, for
verify (plotly.js computes Plotly's statistics), the export's thumbnails and the tests.

Playwright never downloads a browser here (`playwright install` cannot reach its host):
it drives /usr/bin/chromium with the flags that keep it from calling out."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from typing import Any

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def missing() -> str | None:
    """Why Chromium cannot start here, or None."""
    if not os.path.exists(CHROMIUM):
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install playwright)"
    return None


# Playwright's sync API allows one driver per thread at a time: a second sync_playwright()
# while one runs fails ("Sync API inside the asyncio loop"). Nested users of chromium() in
# one thread (a test session's browser, and a test that starts its own) share the driver,
# each with its own browser; the driver stops when its last user is done.
_DRIVERS: dict[int, list] = {}  # thread id -> [driver, users]


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """A running headless Chromium (a Playwright Browser); closed on exit."""
    from playwright.sync_api import sync_playwright

    problem = missing()
    if problem:
        raise RuntimeError(problem)
    thread = threading.get_ident()
    if thread not in _DRIVERS:
        _DRIVERS[thread] = [sync_playwright().start(), 0]
    driver = _DRIVERS[thread]
    driver[1] += 1
    try:
        browser = driver[0].chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        driver[1] -= 1
        if driver[1] == 0:
            del _DRIVERS[thread]
            driver[0].stop()
