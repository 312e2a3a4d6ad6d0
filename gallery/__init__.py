"""The Python data-visualisation landscape: one dataset through every plotting library.

Importing the package imports no plotting library; each is imported when a cell renders."""

import os

# Rendering happens off-screen, in tests, servers and exports alike.
os.environ.setdefault("MPLBACKEND", "Agg")

__version__ = "0.1.0"
