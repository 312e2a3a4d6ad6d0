"""Replacing the output folder so that no interruption, even SIGKILL, loses the site.

The site is written into a temp folder beside ``out`` (``.NAME.tmp-XXXXXXXX``) and
swapped into place only when complete:

* On Linux the swap is one ``renameat2(RENAME_EXCHANGE)``: ``out`` names the old site,
  then the new one, and is never missing. Where that call is missing or the filesystem
  refuses it, two renames: ``out`` -> ``.NAME.old-XXXXXXXX``, temp -> ``out``.
* Publishing holds an exclusive ``flock`` on ``.NAME.lock`` beside ``out`` (deleted when
  released): at most one export writes or swaps a given ``out`` at a time, so whatever
  ``.NAME.tmp-*``/``.NAME.old-*`` folder is found while holding the lock was left by a
  dead export. ``recover`` then puts an old copy back when ``out`` is missing (a kill
  between the two renames) and deletes the rest. Every export does that before drawing
  and again before writing; the drawing itself (minutes) runs unlocked.
* ``prepare`` checks, before any drawing, that the folders involved can be written.

Test hook: ``GALLERY_EXPORT_PAUSE=<point>`` (one of ``PAUSE_POINTS``) makes the export
print ``export: paused at <point>`` to stderr and wait there until SIGUSR1, so a test can
kill it (or break something) at that exact point; ``between-renames`` also makes the swap
use the two renames."""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import re
import secrets
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from gallery.site.cache import describe

PAUSE_ENV = "GALLERY_EXPORT_PAUSE"
PAUSE_POINTS = ("drawing", "writing", "before-swap", "between-renames")
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2
_NO_SUPPORT = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}

Say = Callable[[str], None]


class PublishError(RuntimeError):
    """The output folder cannot be (safely) replaced."""


def pause(point: str) -> None:
    """The test hook: when GALLERY_EXPORT_PAUSE names this point, wait here until SIGUSR1
    (at most an hour)."""
    if os.environ.get(PAUSE_ENV) != point:
        return
    resumed: list[int] = []
    main = threading.current_thread() is threading.main_thread()  # where signals arrive
    previous = signal.signal(signal.SIGUSR1, lambda *_: resumed.append(1)) if main else None
    print(f"export: paused at {point}", file=sys.stderr, flush=True)
    deadline = time.monotonic() + 3600
    while not resumed and time.monotonic() < deadline:
        time.sleep(0.05)
    if main:
        signal.signal(signal.SIGUSR1, previous or signal.SIG_DFL)


def check_replaceable(out: Path) -> None:
    """Raise PublishError unless ``out`` is missing, empty or a previous export."""
    # Replacing means deleting: never do that to a folder that is not a previous export.
    if not out.exists():
        return
    if not out.is_dir():
        raise PublishError(f"{out} exists and is not a folder")
    if any(out.iterdir()) and not (out / "manifest.json").is_file():
        raise PublishError(
            f"{out} is not empty and holds no manifest.json, so it is not a previous export; "
            "choose a new or empty folder for --out"
        )


def check_parent(out: Path) -> None:
    """Raise PublishError unless the site can be staged beside ``out`` (in its parent, or
    in the nearest folder that exists: the rest is created when the site is written)."""
    parent = out.parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise PublishError(f"{parent} is not a folder, so --out {out} cannot be made there")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise PublishError(
            f"cannot write in {parent}, where the site is staged and swapped in as {out.name}: "
            f"make {parent} writable, or choose an --out in a folder you can write to"
        )


def check_deletable(out: Path) -> None:
    """Raise PublishError when a folder of the previous site at ``out`` is read-only: its
    files could not be deleted once the new site is in."""
    if not out.is_dir() or out.is_symlink():
        return
    for folder in (out, *(path for path in out.rglob("*") if path.is_dir())):
        if not os.access(folder, os.W_OK | os.X_OK):
            raise PublishError(
                f"{folder} is read-only, so the previous site at {out} cannot be replaced: "
                f"make it writable (chmod -R u+w {out}) or choose another --out"
            )


def prepare(out: Path, say: Say) -> Path:
    """Before drawing: restore what an interrupted export left, then check that ``out``
    can be replaced. Returns ``out`` made absolute; raises PublishError."""
    out = Path(os.path.abspath(out))
    check_parent(out)
    try:
        if out.parent.is_dir():
            with _locked(out, say) as locked:
                recover(out, say, locked)
                # access() says yes to root on any writable filesystem: really try
                os.rmdir(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    except OSError as error:
        raise PublishError(
            f"cannot stage the site beside {out}: {describe(error)}; choose another --out"
        ) from error
    check_replaceable(out)  # first: a folder that is no export is not walked through
    check_deletable(out)
    return out


@contextmanager
def staged(out: Path, say: Say = lambda text: None) -> Iterator[Path]:
    """Yield an empty folder beside ``out``; on success it becomes ``out``."""
    out = Path(os.path.abspath(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    with _locked(out, say) as locked:
        recover(out, say, locked)
        check_replaceable(out)
        temp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
        try:
            yield temp
            temp.chmod(0o755)  # mkdtemp makes it private; a site is meant to be read
            pause("before-swap")
            _swap(temp, out)
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise


def _leftover(out: Path) -> re.Pattern[str]:
    """The names of ``out``'s staging folders (mkdtemp's) and old copies, exactly."""
    return re.compile(rf"\.{re.escape(out.name)}\.(tmp-[a-z0-9_]{{8}}|old-[0-9a-f]{{8}})")


def recover(out: Path, say: Say, locked: bool = True) -> None:
    """Put the previous site back when an interrupted swap left ``out`` missing, then
    delete the other leftovers of interrupted exports (only with the lock held: without
    one, a leftover may be a live export's)."""
    pattern = _leftover(out)
    found = [p for p in out.parent.iterdir()
             if pattern.fullmatch(p.name) and p.is_dir() and not p.is_symlink()]
    olds = sorted((p for p in found if ".old-" in p.name), key=lambda p: p.stat().st_ctime)
    if olds and not os.path.lexists(out):
        os.rename(olds[-1], out)
        found.remove(olds[-1])
        say(f"restored the previous site at {out} from {olds[-1].name}, where an export "
            "interrupted while swapping it in had left it")
    if not locked or not found:
        return
    for path in found:
        shutil.rmtree(path, ignore_errors=True)
    gone = [path.name for path in found if not path.exists()]
    if gone:
        say(f"removed {len(gone)} folder(s) left beside {out} by interrupted exports: "
            + ", ".join(gone))


@contextmanager
def _locked(out: Path, say: Say) -> Iterator[bool]:
    """Hold the exclusive publish lock of ``out``; yields False where the filesystem
    has no flock (then nothing is locked)."""
    path = out.with_name(f".{out.name}.lock")
    handle = _acquire(path, say, out)
    try:
        yield handle is not None
    finally:
        if handle is not None:
            path.unlink(missing_ok=True)  # while still held: see _acquire
            os.close(handle)


def _acquire(path: Path, say: Say, out: Path) -> int | None:
    """A descriptor holding an exclusive flock on ``path``, None without flock support.

    The holder deletes the file when done, so a waiter may end up holding a deleted file:
    it checks that ``path`` still names the file it locked, and tries again if not."""
    while True:
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                say(f"waiting for another export to finish writing {out}")
                fcntl.flock(handle, fcntl.LOCK_EX)
            if os.path.samestat(os.fstat(handle), os.stat(path)):
                return handle
        except FileNotFoundError:  # deleted by the holder we waited for: try again
            pass
        except OSError as error:
            os.close(handle)
            if error.errno not in _NO_SUPPORT | {errno.ENOLCK}:
                raise
            path.unlink(missing_ok=True)
            return None
        os.close(handle)


def _swap(new: Path, out: Path) -> None:
    """Put the site in ``new`` at ``out``, then delete the previous one."""
    if not os.path.lexists(out):
        os.rename(new, out)
        return
    if os.environ.get(PAUSE_ENV) != "between-renames" and _exchange(new, out):
        shutil.rmtree(new, ignore_errors=True)  # ``new`` now holds the previous site
        return
    # Two renames: a failure between them puts the old site back; a kill leaves it in
    # ``old``, which the next export restores (``recover``).
    old = out.with_name(f".{out.name}.old-{secrets.token_hex(4)}")
    os.rename(out, old)
    pause("between-renames")
    try:
        os.rename(new, out)
    except BaseException:
        os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic step (Linux 3.15+ with glibc 2.28+); False when the
    platform or the filesystem cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second),
                 _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _NO_SUPPORT:
        return False
    raise OSError(code, os.strerror(code), str(second))
