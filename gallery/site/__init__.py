"""The static HTML export: ``python -m gallery export --out DIR``.

It renders every (library, chart kind) cell through ``gallery.render.render_cell`` in a
process pool, caches each cell's output on disk, and writes a self-contained site that
opens from ``file://`` with no network: an index matrix, one page per chart kind, one page
per library, a Dashboards page, a Scale page (the committed results of ``python -m gallery
bench scale``, drawn by ``gallery.scale.figures``) and a ``manifest.json`` for tools and
tests.

Modules, one job each: ``data`` (which frame a cell is drawn from), ``cells`` (plan and
render one cell, in a worker), ``cache`` (outputs on disk by content hash), ``embed``
(output family -> HTML fragment and the JavaScript it needs), ``assets`` (the shared
files under ``assets/``), ``pages`` (Jinja templates), ``manifest``, ``publish`` (the
atomic swap of the output directory, and recovery from interrupted ones), ``lifeline``
(helper processes die with the export), ``progress``, ``build`` (orchestration) and
``command`` (the CLI subcommand)."""
