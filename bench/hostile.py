"""The analysts' reads while the Cypher console is under hostile load.

Serves the five samples with `newsgraph serve`, then for --seconds: --hostile clients send
the console queries below in turn (each as soon as the last answered), while analyst
clients ask /stances and /relations and one client asks /health. The same analyst load
runs first for as long without the hostile clients, as the baseline. Prints p50, p99
and max latency per endpoint in both phases, the answers the console gave each hostile
query, and every 500 (there should be none).

Targets: analyst p99 < 100 ms and /health < 1 s under the hostile load, and no 500.

Usage: python bench/hostile.py [--seconds 20] [--hostile 4] [--analysts 2]
"""

import argparse
import collections
import http.client
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from serving import free_port, healthy

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "articles"
NEWSGRAPH = [sys.executable, "-m", "service.cli"]
ANALYST = [
    "/api/v1/stances?"
    + urllib.parse.urlencode({"topic": "security guarantees for Russia", "stance": "support"}),
    "/api/v1/relations?" + urllib.parse.urlencode({"subject": "Russia", "predicate": "DEMANDS"}),
]
HOSTILE = {  # the probe's queries, and others the engine cannot interrupt
    "reduce growing a list": "RETURN size(reduce(l = [], x IN range(1, 40000) | l + [x])) AS n",
    "range of 1e8": "UNWIND range(1, 100000000) AS x RETURN count(x) AS n",
    "quote in a comment": "// it's\nCALL dbms.procedures() YIELD name RETURN name //'",
    "million rows": "UNWIND range(1, 1000) AS x UNWIND range(1, 1000) AS y RETURN x, y",
    "1e8 rows counted": "UNWIND range(1, 10000) AS x UNWIND range(1, 10000) AS y RETURN count(*)",
    "collect 1e7": "UNWIND range(1, 10000) AS x UNWIND range(1, 1000) AS y RETURN collect(x) AS l",
    "nested comprehension": "RETURN size([x IN range(1, 9000) | [y IN range(1, 9000) | y]]) AS n",
    "list copied per element": (
        "UNWIND range(1, 3000) AS x WITH collect(x) AS l RETURN size([y IN l | l]) AS n"
    ),
    "cartesian product": "MATCH (a), (b), (c) RETURN count(*) AS n",
}


class Client:
    """One keep-alive HTTP connection to the server, timing each request."""

    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def call(self, method: str, path: str, body: dict | None = None) -> tuple[int, float]:
        """Status and seconds of one request."""
        data = json.dumps(body).encode() if body is not None else None
        headers = {"content-type": "application/json"} if data else {}
        started = time.monotonic()
        self.connection.request(method, path, body=data, headers=headers)
        response = self.connection.getresponse()
        response.read()
        return response.status, time.monotonic() - started


def analyst(port: int, stop: threading.Event, seen: dict[str, list[float]], statuses: list) -> None:
    """Ask the analyst endpoints in turn until stop."""
    client = Client(port)
    while not stop.is_set():
        for path in ANALYST:
            status, seconds = client.call("GET", path)
            seen[path.split("?")[0]].append(seconds)
            statuses.append((path, status))


def health(port: int, stop: threading.Event, seen: dict[str, list[float]], statuses: list) -> None:
    """Ask /health every 100 ms until stop."""
    client = Client(port)
    while not stop.is_set():
        status, seconds = client.call("GET", "/health")
        seen["/health"].append(seconds)
        statuses.append(("/health", status))
        time.sleep(0.1)


def hostile(port: int, stop: threading.Event, first: int, answers: dict) -> None:
    """Send the hostile console queries in turn (from the first-th) until stop."""
    client = Client(port)
    names = list(HOSTILE)
    i = first
    while not stop.is_set():
        name = names[i % len(names)]
        status, seconds = client.call("POST", "/api/v1/cypher", {"query": HOSTILE[name]})
        answers[name].append((status, seconds))
        i += 1


def phase(port: int, seconds: float, hostiles: int, analysts: int) -> tuple[dict, list, dict]:
    """Latencies per endpoint, every (path, status), and the console's answers."""
    stop = threading.Event()
    seen: dict[str, list[float]] = collections.defaultdict(list)
    statuses: list = []
    answers: dict = collections.defaultdict(list)
    threads = [
        threading.Thread(target=hostile, args=(port, stop, i, answers)) for i in range(hostiles)
    ]
    threads += [
        threading.Thread(target=analyst, args=(port, stop, seen, statuses)) for _ in range(analysts)
    ]
    threads.append(threading.Thread(target=health, args=(port, stop, seen, statuses)))
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join()
    return seen, statuses, answers


def percentile(values: list[float], share: float) -> float:
    """The value below which share of values lie."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(title: str, seen: dict, statuses: list) -> None:
    """Print one phase's latencies."""
    print(f"\n{title}")
    print(f"{'endpoint':<20} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for path, values in sorted(seen.items()):
        ms = [v * 1000 for v in values]
        print(
            f"{path:<20} {len(ms):>8} {statistics.median(ms):>8.1f} "
            f"{percentile(ms, 0.99):>8.1f} {max(ms):>8.1f}"
        )
    failed = [s for s in statuses if s[1] != 200]
    print(f"analyst and health answers other than 200: {len(failed)} {failed[:5]}")


def serve(data_dir: Path, port: int) -> subprocess.Popen:
    """`newsgraph serve` on data_dir, once it answers."""
    env = {**os.environ, "NEWSGRAPH_DATA_DIR": str(data_dir)}
    server = subprocess.Popen(
        [*NEWSGRAPH, "serve", "--port", str(port)], env=env, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while not healthy(port):
        if server.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"serve did not become healthy (exit code {server.returncode})")
        time.sleep(0.1)
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--hostile", type=int, default=4)
    parser.add_argument("--analysts", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = Path(scratch) / "db"
        env = {**os.environ, "NEWSGRAPH_DATA_DIR": str(data_dir)}
        subprocess.run([*NEWSGRAPH, "ingest", str(SAMPLES)], env=env, check=True)
        port = free_port()
        server = serve(data_dir, port)
        try:
            quiet, quiet_statuses, _ = phase(port, args.seconds, 0, args.analysts)
            loaded, loaded_statuses, answers = phase(
                port, args.seconds, args.hostile, args.analysts
            )
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=60)
    report(f"baseline: {args.analysts} analyst clients, no console load", quiet, quiet_statuses)
    report(
        f"under load: {args.hostile} hostile console clients, {args.analysts} analyst clients",
        loaded,
        loaded_statuses,
    )
    print(f"\n{'hostile console query':<26} {'answers (status: count)':<34} {'median s':>8}")
    for name, got in answers.items():
        counts = collections.Counter(status for status, _ in got)
        median = statistics.median(seconds for _, seconds in got)
        print(f"{name:<26} {dict(counts)!s:<34} {median:>8.2f}")
    ratio = percentile(loaded["/api/v1/stances"], 0.99) / percentile(quiet["/api/v1/stances"], 0.99)
    print(f"\n/stances p99 under load / baseline: {ratio:.2f}x")
    console_500 = sum(1 for got in answers.values() for status, _ in got if status == 500)
    print(f"console answers 500: {console_500}")


if __name__ == "__main__":
    main()
