"""The scale results as a versioned JSON file: what a record holds, checked on read and
write against ``schema.json``, and where the committed copy lives."""

from __future__ import annotations

import hashlib
import json
import os
import platform
import statistics
from datetime import UTC, datetime
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1
SCHEMA_PATH = Path(__file__).resolve().parent / "schema.json"
# The latest full run, committed so the app and the export show it without re-running.
RESULTS_PATH = Path(__file__).resolve().parents[1] / "data" / "scale.json"
OK, ERROR, TIMEOUT = "ok", "error", "timeout"

Results = dict[str, Any]


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate(results: Results) -> None:
    """Raise jsonschema.ValidationError when ``results`` does not follow the schema."""
    import jsonschema

    jsonschema.validate(results, schema(), format_checker=jsonschema.FormatChecker())


def read_results(path: Path = RESULTS_PATH) -> Results:
    """The results at ``path``, validated."""
    results = json.loads(Path(path).read_text(encoding="utf-8"))
    validate(results)
    return results


def schema_digest() -> str:
    """What a validation depended on besides the results: the schema's text."""
    return hashlib.sha256(SCHEMA_PATH.read_bytes()).hexdigest()


def write_results(results: Results, path: Path) -> None:
    """Validate, then write ``results`` (one record a line stays diff-friendly enough)."""
    validate(results)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_bytes() -> int:
    try:
        with open("/proc/meminfo", encoding="utf-8") as meminfo:
            for line in meminfo:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def machine() -> dict[str, Any]:
    """The machine the figures were measured on (the load average is filled in by the bench)."""
    return {
        "cpu_count": os.cpu_count() or 1,
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1,
        "cpu_model": _cpu_model(),
        "memory_bytes": _memory_bytes(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "load_average": {"start": os.getloadavg()[0]},
    }


def versions(distributions: list[str]) -> dict[str, str]:
    """Installed versions of ``distributions`` (read from metadata: nothing is imported)."""
    found = {}
    for name in sorted(set(distributions)):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def record(library: str, kind: str, size: int, runs: list[dict[str, Any]], status: str,
           message: str = "") -> dict[str, Any]:
    """One (library, kind, size) record from its renders (only ``ok`` ones are summarised)."""
    good = [run for run in runs if run.get("status") == OK]

    def median(field: str) -> Any:
        values = [run[field] for run in good if run.get(field) is not None]
        return statistics.median(values) if values else None

    times = [run["seconds"] for run in good]
    memory, growth, output = (median(f) for f in ("memory_bytes", "memory_growth_bytes",
                                                   "output_bytes"))
    return {
        "library": library, "kind": kind, "size": size, "status": status,
        "repeats": len(good),
        "seconds": {"median": statistics.median(times), "min": min(times), "max": max(times),
                    "runs": times} if times else None,
        "prepare_seconds": median("prepare_seconds"),
        "memory_bytes": None if memory is None else int(memory),
        "memory_growth_bytes": None if growth is None else int(growth),
        "output_bytes": None if output is None else int(output),
        "rows": good[0]["rows"] if good else None,
        "message": message,
    }


def ceilings(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per (library, kind): the first size that failed or timed out, and the largest drawn."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for rec in sorted(records, key=lambda r: r["size"]):
        entry = found.setdefault((rec["library"], rec["kind"]), {
            "library": rec["library"], "kind": rec["kind"], "ceiling": None, "reason": None,
            "largest_ok": None, "message": ""})
        if entry["ceiling"] is not None:
            continue
        if rec["status"] == OK:
            entry["largest_ok"] = rec["size"]
        else:
            entry.update(ceiling=rec["size"], reason=rec["status"], message=rec["message"])
    return list(found.values())
