"""The talk's dashboard frameworks: one small penguins app, written four ways.

Each app is one self-contained file beside this module, and that file is both what the
gallery shows and what runs. Nothing here imports a dashboard framework."""

from __future__ import annotations

import io
import json
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path

from gallery.registry import Registry, installed_version

HERE = Path(__file__).resolve().parent
SCREENSHOTS = HERE / "screenshots"
LOOPBACK = "127.0.0.1"
_WIDGETS = ("@jupyter-widgets/jupyterlab-manager", "@voila-dashboards/widgets-manager8")
_NOT_CODE = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
             tokenize.ENCODING, tokenize.ENDMARKER}


@dataclass(frozen=True)
class DashboardInfo:
    """What the gallery tells the reader about one framework, and how to start its app."""

    key: str
    name: str
    reactive_model: str  # how a change of a control reaches the outputs
    built_on: str
    distribution: str  # the name pip installs, for the version
    home: str
    filename: str  # the app, in gallery/dashboards/
    command: str  # how a reader starts it by hand, from the project root
    url_path: str = "/"  # where the app answers on its server

    @property
    def path(self) -> Path:
        return HERE / self.filename

    @property
    def screenshot(self) -> Path:
        return SCREENSHOTS / f"{self.key}.png"

    @property
    def version(self) -> str:
        """The installed version, read at run time, or 'not installed'."""
        return installed_version(self.distribution)

    def code(self) -> str:
        """The app's code as a reader sees it: the file, or a notebook's code cells."""
        if self.path.suffix != ".ipynb":
            return self.path.read_text(encoding="utf-8")
        cells = json.loads(self.path.read_text(encoding="utf-8"))["cells"]
        # The "# %%" cell marker is the one Jupytext and editors read as a cell break.
        return "\n\n".join(
            "# %%\n" + "".join(cell["source"]).rstrip()
            for cell in cells if cell["cell_type"] == "code"
        ) + "\n"

    @property
    def lines_of_code(self) -> int:
        """Lines holding code: not blank, not comments, not the module docstring.

        The docstring is left out so a .py file and a notebook (whose prose is in markdown
        cells, already left out) are counted alike."""
        return count_code_lines(self.code())

    @property
    def tags(self) -> dict[str, str]:
        return {
            "reactive model": self.reactive_model,
            "built on": self.built_on,
            "lines of code": str(self.lines_of_code),
            "version": self.version,
        }


def count_code_lines(text: str) -> int:
    """Lines with at least one code token; a leading docstring does not count."""
    lines: set[int] = set()
    first = True
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type in _NOT_CODE:
            continue
        if first and token.type == tokenize.STRING:
            first = False
            continue
        first = False
        lines.update(range(token.start[0], token.end[0] + 1))
    return len(lines)


class DashboardRegistry(Registry[DashboardInfo]):
    """Frameworks by key, in the order they were registered."""

    noun = "dashboard"


DASHBOARDS = DashboardRegistry()
for _info in [
    DashboardInfo(
        "dash", "Dash", "callbacks", "Flask + React + plotly.js", "dash",
        "https://dash.plotly.com", "dash_app.py", "python gallery/dashboards/dash_app.py",
    ),
    DashboardInfo(
        "panel", "Panel", "reactive functions", "Tornado + bokeh", "panel",
        "https://panel.holoviz.org", "panel_app.py",
        "panel serve gallery/dashboards/panel_app.py", "/panel_app",
    ),
    DashboardInfo(
        "voila", "Voilà", "notebook widgets", "Jupyter server + ipywidgets", "voila",
        "https://voila.readthedocs.io", "voila_app.ipynb",
        "voila gallery/dashboards/voila_app.ipynb",
    ),
    DashboardInfo(
        "streamlit", "Streamlit", "rerun the script", "Tornado + React", "streamlit",
        "https://streamlit.io", "streamlit_app.py",
        "streamlit run gallery/dashboards/streamlit_app.py",
    ),
]:
    DASHBOARDS.register(_info)


def serve_command(key: str, port: int) -> list[str]:
    """The command that serves one app on 127.0.0.1:``port`` with no outbound traffic.

    Each server listens on loopback only, opens no browser and sends no usage data."""
    info = DASHBOARDS.get(key)
    app, python = str(info.path), sys.executable
    if key == "dash":
        # The app's __main__ block calls app.run(host="127.0.0.1", port=..., debug=False):
        # without debug there are no dev tools, so no version check against plotly's server.
        return [python, app, str(port)]
    if key == "panel":
        return [python, "-m", "panel", "serve", app, "--address", LOOPBACK, "--port", str(port),
                "--allow-websocket-origin", f"{LOOPBACK}:{port}"]
    if key == "voila":
        # The "offline" template (found through serve_env's JUPYTER_PATH) drops the lab
        # template's Font Awesome links to a CDN. Only the widget extensions are loaded:
        # other installed JupyterLab extensions (pyviz's) fail outside JupyterLab.
        return [python, "-m", "voila", app, "--no-browser", f"--port={port}",
                f"--Voila.ip={LOOPBACK}", "--template=offline",
                *(f"--VoilaConfiguration.extension_allowlist={name}" for name in _WIDGETS)]
    # --server.address also stops Streamlit looking up this machine's external IP.
    return [python, "-m", "streamlit", "run", app, "--server.headless", "true",
            "--server.address", LOOPBACK, "--server.port", str(port),
            "--browser.gatherUsageStats", "false"]


def serve_env(key: str) -> dict[str, str]:
    """Environment variables :func:`serve_command` needs on top of the current ones."""
    if key == "voila":
        return {"JUPYTER_PATH": str(HERE / "jupyter")}
    return {}


def address(key: str, port: int) -> str:
    """Where the app started by :func:`serve_command` answers."""
    return f"http://{LOOPBACK}:{port}{DASHBOARDS.get(key).url_path}"
