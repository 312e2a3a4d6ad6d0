"""Shared by the browser tests: Debian's Chromium under Playwright, and a Streamlit server.

Playwright never downloads a browser here (`playwright install` cannot reach its host):
it drives /usr/bin/chromium with the flags that keep it off the network."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from gallery.chromium import chromium  # noqa: F401 - the tests' browser
from gallery.dashboards.cli import stop

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def streamlit_app(script: str = "app.py", timeout: float = 90,
                  env: dict[str, str] | None = None) -> Iterator[str]:
    """Run the app headless on a loopback port; yield its address; stop it. The gallery
    app starts as run-app.sh starts it (``gallery.webapp.serve``, which draws the first
    page as the server starts); other scripts with ``streamlit run``. ``env`` adds to
    the server's environment."""
    port = free_port()
    launcher = (["-m", "gallery.webapp.serve"] if script == "app.py"
                else ["-m", "streamlit", "run", script])
    command = [
        sys.executable, *launcher, "--server.headless", "true",
        "--server.address", "127.0.0.1", "--server.port", str(port),
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]
    log = open(ROOT / f".streamlit-{port}.log", "w+")  # noqa: SIM115 - closed below
    server = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"streamlit did not start:\n{log.read()[-3000:]}") from None
                time.sleep(0.3)
        yield url
    finally:
        stop(server)
        log.close()
        os.unlink(log.name)
