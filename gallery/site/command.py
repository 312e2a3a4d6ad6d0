"""The ``export`` subcommand of ``python -m gallery`` (registered by gallery/cli.py).

Kept free of heavy imports: the build is imported only when the command runs."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from gallery.kinds import KINDS
from gallery.libraries import LIBRARIES

# Every role some chart kind takes, in a stable order: --x, --y, --color, ...
ROLES = list(dict.fromkeys(role for kind in KINDS.values() for role in kind.roles))


def _names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(",") if name.strip())


def add_export_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        "export", help="write the gallery as a static site that opens offline",
        description="Render every library x chart kind cell and write a self-contained "
        "static site (index.html, kind-*.html, library-*.html, manifest.json) to --out.",
    )
    parser.add_argument("--out", required=True, type=Path, help="folder to (re)place")
    parser.add_argument(
        "--dataset", metavar="penguins|gapminder|FILE.csv",
        help="data for every chart (default: each chart kind's bundled dataset)",
    )
    for role in ROLES:
        parser.add_argument(f"--{role}", metavar="COL", help=f"column for the {role} role")
    parser.add_argument(
        "--libraries", type=_names, default=(), metavar="KEY,...",
        help=f"libraries to export (default: all): {', '.join(LIBRARIES)}",
    )
    parser.add_argument(
        "--kinds", type=_names, default=(), metavar="KIND,...",
        help=f"chart kinds to export (default: all): {', '.join(KINDS)}",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when any cell fails")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1,
        help="worker processes (default: %(default)s, the CPU count)",
    )
    parser.add_argument(
        "--cache-dir", type=Path, help="rendered-cell cache (default: ~/.cache/pyviz-gallery)"
    )
    parser.set_defaults(run=run_export)
    return parser


def run_export(args: argparse.Namespace) -> int:
    from gallery.site.build import ExportOptions, export_site
    from gallery.site.cache import describe
    from gallery.site.data import DataChoice
    from gallery.site.publish import PublishError

    overrides = tuple((role, getattr(args, role)) for role in ROLES if getattr(args, role))
    options = ExportOptions(
        out=args.out, choice=DataChoice(args.dataset, overrides), libraries=args.libraries,
        kinds=args.kinds, jobs=max(1, args.jobs), cache_dir=args.cache_dir,
    )
    try:
        summary = export_site(options)
    except (KeyError, ValueError, PublishError) as error:
        print(f"export: {error.args[0] if error.args else error}", file=sys.stderr)
        return 2
    except OSError as error:  # a path the export could not read or write: say which
        print(f"export: {describe(error)}", file=sys.stderr)
        return 2
    for result in summary.errors:
        print(f"error: {result.library} / {result.kind}: {result.message}", file=sys.stderr)
    return 1 if args.strict and summary.errors else 0
