"""One line per finished cell on the terminal: ``[ 37/140] plotly / bar ok 0.41 s``."""

from __future__ import annotations

import sys
from typing import TextIO

from gallery.site.cells import CellResult

_WORDS = {"ok": "ok", "unsupported": "not supported", "error": "ERROR"}


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total, self.done = total, 0
        self.stream = stream if stream is not None else sys.stdout
        self.width = len(str(total))

    def report(self, result: CellResult) -> None:
        self.done += 1
        line = f"[{self.done:>{self.width}}/{self.total}] {result.library} / {result.kind} "
        line += _WORDS.get(result.status, result.status)
        if result.ok:
            line += f" {result.seconds:.2f} s" + (" (cached)" if result.cached else "")
        elif result.status == "error":
            line += f": {_first_line(result.message, 110)}"
        print(line, file=self.stream, flush=True)


def _first_line(text: str, limit: int) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"
