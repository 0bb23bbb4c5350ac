"""Shared fixtures: the real embedded engine (or a real Neo4j), the pipeline, the samples.

The embedded FalkorDB is started once per test session in a temporary
directory; each test gets its own empty graph in it. With
NEWSGRAPH_TEST_NEO4J_URI set, every engine-backed test also runs on that Neo4j
(which is cleared before each test); without it those runs are skipped, saying so.
"""

import asyncio
import json
import os
import socket
import threading
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import uvicorn
from fastapi import FastAPI

from graph.analysis import Analysis
from graph.backend import Backend
from graph.falkordb_backend import FalkorDBBackend
from graph.store import GraphStore
from loaders.pipeline import Extractor
from service.server import uvicorn_options
from service.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "articles"
NEO4J_URI = os.environ.get("NEWSGRAPH_TEST_NEO4J_URI")
MODEL = Settings().spacy_model


@pytest.fixture(scope="session")
def engine_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The embedded engine's data directory; one server for the whole session."""
    path = tmp_path_factory.mktemp("engine")
    keeper = FalkorDBBackend(path, graph="keeper")  # keeps the server up between tests
    yield path
    keeper.close()


@pytest.fixture(scope="session", params=["falkordb", "neo4j"])
def engine(request: pytest.FixtureRequest) -> str:
    """Which engine the engine-backed tests run on."""
    if request.param == "neo4j" and not NEO4J_URI:
        pytest.skip("Neo4j integration: set NEWSGRAPH_TEST_NEO4J_URI to run on a real Neo4j 5")
    return request.param


def settings_for(engine: str, engine_dir: Path, graph: str, **extra: object) -> Settings:
    """Settings that point the app at the test engine."""
    options: dict[str, object] = {"data_dir": engine_dir, "graph": graph, **extra}
    if engine == "neo4j":
        options |= {
            "neo4j_uri": NEO4J_URI,
            "neo4j_user": os.environ.get("NEWSGRAPH_TEST_NEO4J_USER", "neo4j"),
            "neo4j_password": os.environ.get("NEWSGRAPH_TEST_NEO4J_PASSWORD", ""),
        }
    return Settings(**options)  # type: ignore[arg-type]


def open_test_backend(engine: str, engine_dir: Path, graph: str) -> Backend:
    """A backend on a graph of its own (Neo4j: the one database, emptied)."""
    from graph.connect import open_backend

    backend = open_backend(**settings_for(engine, engine_dir, graph).engine_options())
    if engine == "neo4j":
        GraphStore(backend).clear()
    return backend


@pytest.fixture
def graph_name() -> str:
    """A fresh graph name per test."""
    return f"test-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def store(engine: str, engine_dir: Path, graph_name: str) -> Iterator[GraphStore]:
    """An empty graph with its schema, on the real engine."""
    backend = open_test_backend(engine, engine_dir, graph_name)
    graph_store = GraphStore(backend)
    graph_store.ensure_schema()
    yield graph_store
    backend.close()


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The extraction pipeline as shipped (rules and the learned decision), loaded once."""
    return Extractor(model=MODEL)


@pytest.fixture(scope="session")
def rules_extractor() -> Extractor:
    """The reading rules alone, without the learned decision: what rule tests read."""
    return Extractor(model=MODEL, decide=False)


@pytest.fixture(scope="session")
def samples_settings(engine: str, engine_dir: Path, extractor: Extractor) -> Settings:
    """Settings of a graph holding the five sample articles, ingested once per session."""
    from service.ingest import ingest, load

    settings = settings_for(engine, engine_dir, "samples")
    backend = open_test_backend(engine, engine_dir, "samples")
    graph_store = GraphStore(backend)
    graph_store.ensure_schema()
    report = ingest(
        load([SAMPLES], max_chars=settings.max_article_chars),
        store=graph_store,
        extractor=extractor,
    )
    backend.close()
    assert report.ok and report.new == 5
    return settings


@pytest.fixture(scope="session")
def client(samples_settings: Settings) -> Iterator[object]:
    """A test client of the real app over the samples graph."""
    from fastapi.testclient import TestClient

    from service.main import create_app

    with TestClient(create_app(samples_settings)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def live_url(samples_settings: Settings) -> Iterator[str]:
    """The real app over the samples graph, served by uvicorn on a free loopback port."""
    from service.main import create_app

    with served(create_app(samples_settings)) as url:
        yield url


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served(app: FastAPI) -> Iterator[str]:
    """A uvicorn server for app in a thread, on a free loopback port, configured as
    `newsgraph serve` configures it; stopped afterwards."""
    port = free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", **uvicorn_options()
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def raw_get(url: str, target: bytes) -> tuple[int, dict[str, str], bytes]:
    """GET target sent as these very bytes (a client that does not percent-encode)."""
    where = urlsplit(url)
    with socket.create_connection((where.hostname, where.port), timeout=10) as sock:
        sock.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), {k.lower(): v for k, v in headers.items()}, body


def analysed(store: GraphStore, read: Callable[[Analysis], Awaitable[Any]]) -> Any:
    """One of the analyst's reads on the store, on a loop of its own; the loop's engine
    connections are closed after (the engine counts them)."""

    async def run() -> Any:
        analysis = Analysis(store.backend)
        try:
            return await read(analysis)
        finally:
            await analysis.close()

    return asyncio.run(run())


def fragment_line(article_id: str = "art-1", evidence_of: str = "art-1") -> str:
    """One JSONL line of a fragment (two people who met), as `extract --jsonl` prints one."""
    sentence = "Putin met Orbán."
    return json.dumps(
        {
            "article": {"id": article_id, "content_hash": "h1", "text": sentence},
            "entities": [
                {"id": "vladimir-putin", "name": "Vladimir Putin", "label": "Person"},
                {"id": "viktor-orban", "name": "Viktor Orbán", "label": "Person"},
            ],
            "relations": [
                {
                    "subject": "vladimir-putin",
                    "predicate": "MEETS",
                    "object": "viktor-orban",
                    "evidence": [
                        {"article_id": evidence_of, "sentence": sentence, "start": 0,
                         "end": len(sentence), "confidence": 0.9, "extractor": "test"}
                    ],
                }
            ],
        }
    )  # fmt: skip
