"""Debian's Chromium under Playwright, kept off the network: one way to start it, for
verify (plotly.js computes Plotly's statistics), the export's thumbnails and the tests.

Playwright never downloads a browser here (`playwright install` cannot reach its host):
it drives /usr/bin/chromium with the flags that keep it from calling out."""

from __future__ import annotations

import contextlib
import os
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


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """A running headless Chromium (a Playwright Browser); closed on exit."""
    from playwright.sync_api import sync_playwright

    problem = missing()
    if problem:
        raise RuntimeError(problem)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()
