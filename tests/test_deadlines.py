"""Every engine call has a deadline and is sent once: a slow statement is a 504, a frozen
engine a 503, each within its deadline and a second (real embedded engine; the engine is
frozen with SIGSTOP, as an overloaded or swapped-out server would be)."""

import asyncio
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from fastapi.testclient import TestClient

from graph.errors import EngineUnavailable, QueryTimeout
from graph.falkordb_backend import FalkorDBBackend
from service.main import create_app
from service.settings import Settings

pytestmark = pytest.mark.slow
# An expression the engine cannot interrupt between records (about 3 s on this machine).
UNINTERRUPTIBLE = "RETURN size(reduce(l = [], x IN range(1, 25000) | l + [x])) AS n"
SLACK_S = 1.0  # what a call may take beyond its deadline and the client's margin


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[FalkorDBBackend]:
    opened = FalkorDBBackend(tmp_path, graph="deadlines", read_timeout_s=1.0)
    opened.write("CREATE (:Probe {id: 'p'})")
    yield opened
    os.kill(opened._db.client.pid, signal.SIGCONT)  # never leave a frozen engine behind
    opened.close()


def test_a_statement_past_its_deadline_is_a_timeout_sent_once(
    backend: FalkorDBBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[str] = []
    send = redis.connection.AbstractConnection.send_command

    def counting(self: redis.connection.AbstractConnection, *args: object, **kw: object) -> None:
        sent.append(str(args[0]))
        send(self, *args, **kw)

    monkeypatch.setattr(redis.connection.AbstractConnection, "send_command", counting)
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        backend.read(UNINTERRUPTIBLE)
    assert time.monotonic() - started < 1.0 + SLACK_S
    assert sent.count("GRAPH.RO_QUERY") == 1  # sent once: never again on a timeout
    monkeypatch.undo()
    assert backend.read("MATCH (p:Probe) RETURN p.id AS id") == [{"id": "p"}]


def test_an_asyncio_read_past_its_deadline_is_a_timeout(backend: FalkorDBBackend) -> None:
    async def read() -> None:
        try:
            await backend.read_async(UNINTERRUPTIBLE)
        finally:
            await backend.close_async()

    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        asyncio.run(read())
    assert time.monotonic() - started < 1.0 + SLACK_S


def test_a_frozen_engine_is_unavailable_within_the_deadline(backend: FalkorDBBackend) -> None:
    os.kill(backend._db.client.pid, signal.SIGSTOP)
    started = time.monotonic()
    with pytest.raises(EngineUnavailable):
        backend.ping()
    assert time.monotonic() - started < SLACK_S
    started = time.monotonic()
    with pytest.raises(EngineUnavailable):
        backend.read("MATCH (p:Probe) RETURN p.id AS id")
    assert time.monotonic() - started < 1.0 + SLACK_S
    os.kill(backend._db.client.pid, signal.SIGCONT)
    assert backend.read("MATCH (p:Probe) RETURN p.id AS id") == [{"id": "p"}]


def test_a_frozen_engine_answers_503_on_every_route_then_recovers(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "db", neo4j_uri=None, read_timeout_s=1.0)
    with TestClient(create_app(settings)) as client:
        pid = client.app.state.store.backend._db.client.pid  # type: ignore[attr-defined]
        routes = [
            "/health",
            "/api/v1/entities?q=x",  # a blocking read on the thread pool
            "/api/v1/relations?predicate=MEETS",  # an asyncio read
            "/api/v1/topics?q=sanctions",
        ]
        os.kill(pid, signal.SIGSTOP)
        try:
            for route in routes:
                started = time.monotonic()
                response = client.get(route)
                elapsed = time.monotonic() - started
                assert response.status_code == 503, (route, response.text)
                assert response.headers["Retry-After"].isdigit()
                limit = SLACK_S if route == "/health" else 1.0 + SLACK_S
                assert elapsed < limit, (route, elapsed)
        finally:
            os.kill(pid, signal.SIGCONT)
        assert [client.get(route).status_code for route in routes] == [200] * len(routes)


def test_a_console_statement_past_its_deadline_is_a_504(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "db", neo4j_uri=None, cypher_timeout_s=1.0)
    with TestClient(create_app(settings)) as client:
        started = time.monotonic()
        query = "UNWIND range(1, 10000) AS x UNWIND range(1, 10000) AS y RETURN count(*) AS n"
        response = client.post("/api/v1/cypher", json={"query": query})
        assert response.status_code == 504
        assert response.headers["content-type"] == "application/problem+json"
        assert time.monotonic() - started < 1.0 + SLACK_S
        assert client.get("/health").status_code == 200
