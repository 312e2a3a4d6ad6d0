"""``python -m gallery``: the library x chart-kind matrix, and one cell written to a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gallery.dashboards.cli import add_dashboard_parser
from gallery.kinds import KINDS
from gallery.libraries import LIBRARIES
from gallery.render import OK, UNSUPPORTED, render_cell
from gallery.renderers import renderer_for
from gallery.scale.bench import add_bench_parser
from gallery.site.command import add_export_parser
from gallery.sources import example_source
from gallery.verify.command import add_verify_parser

_MARK = {OK: "ok", UNSUPPORTED: "--", "server": "server", "error": "ERR", "code": "code"}


def _status(library: str, kind: str, render: bool) -> str:
    source = example_source(LIBRARIES.get(library))
    if kind in source.needs_server:
        return "server"
    if render:
        return render_cell(library, kind).status
    if kind in source.undrawn:
        return UNSUPPORTED
    return "code" if kind in source.functions else "error"


def cmd_list(args: argparse.Namespace) -> int:
    """Print the matrix, drawing every cell to report its real status (about 25 s)."""
    kinds = list(KINDS)
    width = max(len(LIBRARIES.get(k).name) for k in LIBRARIES) + 2
    print(" " * width + " ".join(f"{k[:9]:>9}" for k in kinds))
    failed = 0
    for library in LIBRARIES:
        info = LIBRARIES.get(library)
        marks = []
        for kind in kinds:
            status = _status(library, kind, args.render)
            failed += status == "error"
            marks.append(f"{_MARK[status]:>9}")
        print(f"{info.name:<{width}}" + " ".join(marks))
    legend = "ok: drawn" if args.render else "code: has chart code (drop --no-render to draw it)"
    print(f"\n{len(LIBRARIES)} libraries x {len(kinds)} chart kinds. {legend}; "
          "--: not supported natively; server: needs a live Python server (see `python -m "
          "gallery why LIBRARY KIND`); ERR: failed")
    return 1 if failed else 0


def cmd_why(args: argparse.Namespace) -> int:
    source = example_source(LIBRARIES.get(args.library))
    print(source.undrawn.get(args.kind, f"{args.library} draws {args.kind}."))
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    """Render one cell and write it to --out; the suffix picks the format."""
    cell = render_cell(args.library, args.kind)
    if cell.status != OK:
        print(f"{args.library} / {args.kind}: {cell.status}: {cell.message}", file=sys.stderr)
        return 2 if cell.status == UNSUPPORTED else 1
    renderer = renderer_for(cell.family)
    out = Path(args.out)
    if out.suffix not in renderer.SUFFIXES:
        print(f"{args.library} is written as {' or '.join(renderer.SUFFIXES)}; "
              f"choose one of those for --out", file=sys.stderr)
        return 2
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        renderer.save(cell.payload, out)
    except ValueError as error:  # a format this chart is not (an animation is HTML)
        print(f"{args.library} / {args.kind}: {error}; choose one of those for --out",
              file=sys.stderr)
        return 2
    print(f"wrote {out} ({out.stat().st_size:,} bytes, {cell.rows} rows, {cell.seconds:.2f} s)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m gallery", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="print the library x chart-kind matrix")
    listing.add_argument("--no-render", dest="render", action="store_false",
                         help="list from the example scripts without drawing (instant)")
    listing.set_defaults(run=cmd_list)
    why = commands.add_parser("why", help="why a library does not draw a chart kind")
    why.add_argument("library", choices=LIBRARIES.names())
    why.add_argument("kind", choices=list(KINDS))
    why.set_defaults(run=cmd_why)
    render = commands.add_parser("render", help="write one cell's chart to a file")
    render.add_argument("library", choices=LIBRARIES.names())
    render.add_argument("kind", choices=list(KINDS))
    render.add_argument("--out", required=True, help="file to write: .svg/.png/.html/.json")
    render.set_defaults(run=cmd_render)
    add_export_parser(commands)
    add_dashboard_parser(commands)
    add_bench_parser(commands)
    add_verify_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # the reader piped the output into head: stop quietly
        sys.stderr.close()
        return 0
