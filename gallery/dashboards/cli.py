"""``python -m gallery dashboard FRAMEWORK``: serve one penguins dashboard on loopback."""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import time

from gallery.dashboards import DASHBOARDS, LOOPBACK, address, serve_command, serve_env

# Each framework's own default port, except Streamlit's 8501, which the gallery app uses.
DEFAULT_PORTS = {"dash": 8050, "panel": 5006, "voila": 8866, "streamlit": 8502}


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((LOOPBACK, port)) == 0


def stop(server: subprocess.Popen) -> None:
    """Stop the server by its PID: politely first, then for sure."""
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


def cmd_dashboard(args: argparse.Namespace) -> int:
    """Start the app, print its address once it listens, and run until Ctrl-C."""
    key = args.framework
    port = args.port or DEFAULT_PORTS[key]
    if _listening(port):
        print(f"port {port} is taken; choose another with --port")
        return 2
    server = subprocess.Popen(serve_command(key, port), env={**os.environ, **serve_env(key)})
    try:
        while not _listening(port):
            if server.poll() is not None:
                return server.returncode
            time.sleep(0.3)
        print(f"{DASHBOARDS.get(key).name} dashboard: {address(key, port)}  (Ctrl-C to stop)",
              flush=True)
        return server.wait()
    except KeyboardInterrupt:
        stop(server)
        return 0


def add_dashboard_parser(commands: argparse._SubParsersAction) -> None:
    """Register the ``dashboard`` subcommand on the gallery's command line."""
    parser = commands.add_parser("dashboard", help="serve one penguins dashboard on loopback")
    parser.add_argument("framework", choices=DASHBOARDS.names())
    parser.add_argument("--port", type=int, default=0,
                        help="port on 127.0.0.1 (default: the framework's usual one)")
    parser.set_defaults(run=cmd_dashboard)
