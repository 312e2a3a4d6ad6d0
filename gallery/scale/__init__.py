"""Scale: how each library copes as the data grows, measured and shown.

``bench`` orchestrates (``python -m gallery bench scale``), ``worker`` measures one library
in a fresh process, ``results`` reads and writes the versioned JSON against ``schema.json``,
``figures`` turns it into Plotly figures, tables and a plain-words reading, and ``bigdata``
loads each ecosystem's way out (``examples/bigdata/``). The latest full run is committed at
``gallery/data/scale.json``."""
