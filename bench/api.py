"""REST latency and throughput of the analyst queries next to the same Cypher through
the database client directly, in one run.

Two graphs: the five samples, and >= 2,000 articles (the samples' fragments
written again under distinct article ids, so actors and topics recur as they do
in a real corpus). For each graph and query: 16 concurrent keep-alive clients
(one asyncio loop, so the load generator takes little of the shared cores) for a
fixed time against `newsgraph serve`, then 16 concurrent callers of the same reads
through the embedded engine's asyncio client (one loop, as in the server). Prints
req/s, p50, p99 and the REST/driver latency ratio.

Usage: python bench/api.py [--articles 2000] [--clients 16] [--seconds 5] [--api-workers 1]
"""

import argparse
import asyncio
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Awaitable, Callable
from pathlib import Path

from graph.analysis import Analysis
from graph.falkordb_backend import FalkorDBBackend
from graph.store import GraphStore
from loaders.fragment import GraphFragment
from loaders.ontology import Predicate
from loaders.pipeline import Extractor
from service.ingest import extract, load
from service.settings import Settings

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "articles"
STANCE = ("/api/v1/stances", {"topic": "security guarantees for Russia", "stance": "support"})
RELATIONS = ("/api/v1/relations", {"subject": "Russia", "predicate": "DEMANDS"})
ROW = "{:>8} {:>10} {:>7} {:>8} {:>8} {:>8} {:>16}"


def sample_fragments() -> list[GraphFragment]:
    """The five samples, extracted once."""
    extractor = Extractor(model=Settings().spacy_model)
    return [
        f
        for f in extract(load([SAMPLES], max_chars=1_000_000), extractor)
        if isinstance(f, GraphFragment)
    ]


def rekeyed(fragment: GraphFragment, copy: int) -> GraphFragment:
    """The same fragment as if from another article (its own id and evidence)."""
    article_id = f"{fragment.article.id}-{copy}"
    data = fragment.model_dump()
    data["article"].update(id=article_id, content_hash=f"{fragment.article.content_hash}-{copy}")
    for relation in data["relations"]:
        for evidence in relation["evidence"]:
            evidence["article_id"] = article_id
    return GraphFragment.model_validate(data)


def build(data_dir: Path, fragments: list[GraphFragment], articles: int) -> None:
    """A graph of articles articles in data_dir (graph name "bench")."""
    store = GraphStore(FalkorDBBackend(data_dir, graph="bench"))
    store.ensure_schema()
    for i in range(articles):
        store.write_fragment(rekeyed(fragments[i % len(fragments)], i))
    print(f"graph of {articles} articles: {store.counts()}")
    store.backend.close()


def serve(data_dir: Path, port: int, workers: int) -> subprocess.Popen:
    """`newsgraph serve` on loopback over the bench graph, once it answers."""
    env = {**os.environ, "NEWSGRAPH_DATA_DIR": str(data_dir), "NEWSGRAPH_GRAPH": "bench"}
    env.pop("NEWSGRAPH_NEO4J_URI", None)
    command = [sys.executable, "-m", "service.cli", "serve", "--port", str(port)]
    command += ["--api-workers", str(workers)]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/health")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start")


def driver_load_test(
    data_dir: Path, name: str, clients: int, seconds: float
) -> tuple[float, float, float]:
    """(req/s, p50 ms, p99 ms) of clients concurrent callers of the endpoint's own reads
    through the engine's client (no HTTP), on one asyncio loop as in the server."""
    return asyncio.run(_driver_load(data_dir, name, clients, seconds))


async def _driver_load(
    data_dir: Path, name: str, clients: int, seconds: float
) -> tuple[float, float, float]:
    backend = FalkorDBBackend(data_dir, graph="bench")
    analysis = Analysis(backend)
    call = driver_call(analysis, name)
    latencies: list[float] = []
    warm_until = time.monotonic() + 1
    stop = warm_until + seconds

    async def client() -> None:
        while (start := time.monotonic()) < stop:
            await call()
            if start >= warm_until:
                latencies.append(time.monotonic() - start)

    try:
        await asyncio.gather(*(client() for _ in range(clients)))
    finally:
        await analysis.close()
        backend.close()
    return _summary(latencies, seconds)


def rest_load_test(
    port: int, path: str, params: dict, clients: int, seconds: float
) -> tuple[float, float, float]:
    """(req/s, p50 ms, p99 ms) of clients keep-alive connections sending GETs for seconds
    (after a warm-up); every answer must be 200."""
    figures = keep_alive_load(port, path, params, clients, seconds)
    assert figures["failed"] == 0, figures
    return figures["rps"], figures["p50"], figures["p99"]


def keep_alive_load(port: int, path: str, params: dict, clients: int, seconds: float) -> dict:
    """req/s, p50 and p99 (ms), the non-200 count and every answer's count (the warm-up's
    too: what the server's CPU time is divided by) of clients keep-alive connections
    sending one GET for seconds after a one-second warm-up. One asyncio loop drives them
    all: the load generator shares the machine with the server and the engine, so it
    should cost as little as it can."""
    return asyncio.run(_rest_load(port, path, params, clients, seconds))


async def _rest_load(port: int, path: str, params: dict, clients: int, seconds: float) -> dict:
    query = f"?{urllib.parse.urlencode(params)}" if params else ""
    request = f"GET {path}{query} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
    latencies: list[float] = []
    failed = answered = 0
    warm_until = time.monotonic() + 1
    stop = warm_until + seconds

    async def client() -> None:
        nonlocal failed, answered
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while (start := time.monotonic()) < stop:
            writer.write(request)
            status, length = 0, 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                if not status:
                    status = int(line.split()[1])
                elif line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            await reader.readexactly(length)
            answered += 1
            if start >= warm_until:
                latencies.append(time.monotonic() - start)
                failed += status != 200
        writer.close()

    await asyncio.gather(*(client() for _ in range(clients)))
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {"rps": len(latencies) / seconds, "p50": cuts[49] * 1000, "p99": cuts[98] * 1000,
            "failed": failed, "answered": answered}  # fmt: skip


def _summary(latencies: list[float], seconds: float) -> tuple[float, float, float]:
    quantiles = statistics.quantiles(latencies, n=100)
    return len(latencies) / seconds, quantiles[49] * 1000, quantiles[98] * 1000


def driver_call(analysis: Analysis, name: str) -> Callable[[], Awaitable[None]]:
    """The same Cypher as the endpoint: name resolution, then the query (no HTTP)."""

    async def stance() -> None:
        topics = await analysis.find_topics(STANCE[1]["topic"])
        await analysis.stances([t.id for t in topics], "support")

    async def relations() -> None:
        subjects = [e.id for e in await analysis.find_entities("Russia")]
        await analysis.relations(subjects=subjects, objects=None, predicates=[Predicate.DEMANDS])

    return stance if name == "stances" else relations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--api-workers", type=int, default=1, help="server processes")
    args = parser.parse_args()

    fragments = sample_fragments()
    print(
        f"{args.clients} concurrent clients, {args.seconds:.0f} s per measurement, "
        f"{args.api_workers} server process(es)"
    )
    print(ROW.format("graph", "query", "path", "req/s", "p50 ms", "p99 ms", "p50 REST/driver"))
    for size in (len(fragments), args.articles):
        with tempfile.TemporaryDirectory() as tmp:
            data_dir = Path(tmp)
            build(data_dir, fragments, size)
            server = serve(data_dir, args.port, args.api_workers)
            try:
                for name, (path, params) in (("stances", STANCE), ("relations", RELATIONS)):
                    rest = rest_load_test(args.port, path, params, args.clients, args.seconds)
                    direct = driver_load_test(data_dir, name, args.clients, args.seconds)
                    for label, (rps, p50, p99) in (("REST", rest), ("driver", direct)):
                        ratio = f"{rest[1] / direct[1]:.2f}x" if label == "REST" else ""
                        print(
                            ROW.format(
                                size, name, label, f"{rps:.0f}", f"{p50:.1f}", f"{p99:.1f}", ratio
                            )
                        )
            finally:
                server.terminate()
                server.wait(timeout=30)


if __name__ == "__main__":
    main()
