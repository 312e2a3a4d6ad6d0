"""``python -m gallery verify [EXAMPLE.py ...] [--json]``: the conformance check for anyone
adding or changing a library. One line per (library, kind, dataset); exit 1 on any
difference."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from gallery.datasets import DATASETS
from gallery.kinds import KINDS


def _names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(",") if name.strip())


def add_verify_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "verify", help="check that every chart meets its kind's specification",
        description="Draw every chart kind of each example script (the library is read from "
        "the file's name, plot_<library>.py) on each bundled dataset through the gallery's "
        "render boundary, read what was drawn, and compare it with the chart kind's "
        "specification. With no file, every registered library's example.",
    )
    parser.add_argument("examples", nargs="*", type=Path, metavar="EXAMPLE.py")
    parser.add_argument("--json", action="store_true",
                        help="one JSON object per line: library, kind, dataset, ok, problems")
    parser.add_argument("--kinds", type=_names, default=(), metavar="KIND,...",
                        help=f"chart kinds (default: all): {', '.join(KINDS)}")
    parser.add_argument("--datasets", type=_names, default=(), metavar="NAME,...",
                        help=f"bundled datasets (default: all): {', '.join(DATASETS)}")
    parser.set_defaults(run=run_verify)
    return parser


def _line(verdict) -> str:
    from gallery.sources import NEEDS_SERVER

    where = f"{verdict.library} {verdict.kind} {verdict.dataset}"
    if verdict.status == "unsupported":
        if verdict.message.startswith(NEEDS_SERVER):
            return f"{where}: --  needs a live Python server"
        return f"{where}: --  not supported natively"
    if verdict.ok:
        declared = ", ".join(verdict.declared)
        return f"{where}: ok" + (f" (not met, declared: {declared})" if declared else "")
    return f"{where}: " + "; ".join(verdict.sentences())


def run_verify(args: argparse.Namespace) -> int:
    from gallery.verify.run import verify_example

    failed = 0
    try:
        for example in args.examples or [None]:
            if example is not None and not example.is_file():
                raise ValueError(f"{example}: no such file")
            for verdict in verify_example(example, kinds=args.kinds or None,
                                          datasets=args.datasets or None):
                failed += not verdict.ok
                text = json.dumps(verdict.as_json()) if args.json else _line(verdict)
                print(text, flush=True)
    except (KeyError, ValueError) as error:
        print(f"verify: {error.args[0] if error.args else error}", file=sys.stderr)
        return 2
    return 1 if failed else 0
