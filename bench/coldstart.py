"""Cold start and stop of `newsgraph serve` on a graph: from launching the command to
the first 200 from /health, and from SIGINT to the process (and its embedded engine)
gone. Prints each run and the medians.

The graph is the five samples, ingested once into a temporary data directory, unless
--data-dir names one already built (e.g. a larger graph).

Usage: python bench/coldstart.py [--runs 5] [--data-dir DIR]
"""

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from serving import free_port, healthy

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "articles"
NEWSGRAPH = [sys.executable, "-m", "service.cli"]


def engine_pid(data_dir: Path) -> int | None:
    """The pid of the embedded engine serving data_dir, if one runs."""
    found = subprocess.run(["pgrep", "-f", "redis-server"], capture_output=True, text=True)
    for pid in found.stdout.split():
        try:
            cwd = os.readlink(f"/proc/{pid}/cwd")
        except OSError:
            continue
        if Path(cwd) == data_dir.resolve():
            return int(pid)
    return None


def alive(pid: int) -> bool:
    """Whether a process runs (a zombie, stopped and waiting to be reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def one_run(data_dir: Path, port: int) -> tuple[float, float]:
    """Seconds to the first healthy answer, and seconds from SIGINT to all stopped."""
    env = {**os.environ, "NEWSGRAPH_DATA_DIR": str(data_dir)}
    started = time.monotonic()
    server = subprocess.Popen(
        [*NEWSGRAPH, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    while not healthy(port):
        if server.poll() is not None or time.monotonic() - started > 120:
            raise SystemExit(f"serve did not become healthy (exit code {server.returncode})")
        time.sleep(0.02)
    up = time.monotonic() - started
    engine = engine_pid(data_dir)
    stopping = time.monotonic()
    server.send_signal(signal.SIGINT)
    server.wait(timeout=60)
    while engine is not None and alive(engine):
        time.sleep(0.02)
    return up, time.monotonic() - stopping


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = args.data_dir or Path(scratch) / "db"
        if args.data_dir is None:
            env = {**os.environ, "NEWSGRAPH_DATA_DIR": str(data_dir)}
            subprocess.run([*NEWSGRAPH, "ingest", str(SAMPLES)], env=env, check=True)
        runs = [one_run(data_dir, free_port()) for _ in range(args.runs)]
    for i, (up, down) in enumerate(runs, 1):
        print(f"run {i}: healthy after {up:.2f} s, stopped {down:.2f} s after SIGINT")
    ups, downs = [r[0] for r in runs], [r[1] for r in runs]
    print(
        f"median of {len(runs)}: cold start {statistics.median(ups):.2f} s "
        f"(min {min(ups):.2f}, max {max(ups):.2f}); stop {statistics.median(downs):.2f} s"
    )


if __name__ == "__main__":
    main()
