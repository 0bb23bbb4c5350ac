"""Bulk ingest on the real engine: input streamed, not held; worker processes write the
same graph as one process; a stopped run resumes without extracting again what it wrote."""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pytest

from graph.export import GraphExport
from graph.falkordb_backend import FalkorDBBackend
from graph.store import GraphStore
from loaders.article import Article
from loaders.kb import KnownEntity
from loaders.pipeline import Extractor
from loaders.sources import JsonArticle, count_inputs, dumps_article, read_paths
from service.exports import jsonl
from service.ingest import Item, ingest, read
from tests.conftest import MODEL, ROOT, SAMPLES, open_test_backend

pytestmark = pytest.mark.slow

PEOPLE = ["Viktor Orbán", "Vladimir Putin", "Olaf Scholz", "Emmanuel Macron", "Joe Biden"]
PLACES = ["Moscow", "Berlin", "Paris", "Budapest", "Geneva", "Vienna", "Warsaw", "Rome"]


def _feed(path: Path, count: int) -> Path:
    """A JSONL feed of count short, distinct articles (each with its own URL)."""
    lines = []
    for i in range(count):
        one, other = PEOPLE[i % 5], PEOPLE[(i + 1 + i // 5) % 5]
        text = f"{one} met {other} in {PLACES[i % 8]} on Tuesday. {one} criticised NATO."
        article = JsonArticle(text=text, url=f"https://example.org/{i}", source="Example")
        lines.append(dumps_article(article) + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _graph(store: GraphStore) -> str:
    """The whole graph as export writes it (every node, edge and property, in order)."""
    return "".join(jsonl.lines(GraphExport(store.backend)))


def test_sources_jsonl_is_read_a_line_at_a_time(tmp_path: Path) -> None:
    path = _feed(tmp_path / "feed.jsonl", 2)
    lines = read_paths([path])
    first = next(lines)
    with path.open("a", encoding="utf-8") as file:  # written after reading began
        file.write(dumps_article(JsonArticle(text="Olaf Scholz met Joe Biden.")) + "\n")
    rest = list(lines)
    assert first.text.startswith("Viktor Orbán met")  # type: ignore[union-attr]
    assert [r.text for r in rest][-1] == "Olaf Scholz met Joe Biden."  # type: ignore[union-attr]
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\x00\n\x01\n")
    inputs = [path, tmp_path / "missing.txt", binary]
    assert count_inputs(inputs) == len(list(read_paths(inputs))) == 5


class _Recording(GraphStore):
    """The real store, noting how much of the input had been read at each write, and
    stopping the run (as Ctrl-C does) at the write numbered stop_at."""

    def __init__(self, store: GraphStore, pulled: list[int], stop_at: int | None = None):
        super().__init__(store.backend)
        self.pulled, self.stop_at, self.read_at_write = pulled, stop_at, []

    def write_fragment(self, fragment, **options):  # type: ignore[no-untyped-def]
        if len(self.read_at_write) == self.stop_at:
            raise KeyboardInterrupt
        self.read_at_write.append(self.pulled[0])
        return super().write_fragment(fragment, **options)


def _counted(items: Iterable[Item], pulled: list[int]) -> Iterator[Item]:
    for item in items:
        pulled[0] += 1
        yield item


def test_ingest_streams_a_generator_without_holding_it(
    store: GraphStore, extractor: Extractor, tmp_path: Path
) -> None:
    path = _feed(tmp_path / "feed.jsonl", 12)
    pulled = [0]
    recording = _Recording(store, pulled)
    items = _counted(read([path], max_chars=10_000), pulled)
    small = Extractor(model=MODEL, batch_size=2)
    report = ingest(items, store=recording, extractor=small, chunk=4)
    assert report.new == 12 and report.ok
    # each article is written when at most a chunk (4) more has been read, not the feed
    assert max(seen - k for k, seen in enumerate(recording.read_at_write)) <= 4


def test_ingest_on_two_workers_writes_the_same_graph_as_one(
    store: GraphStore, engine: str, engine_dir: Path, graph_name: str
) -> None:
    small = Extractor(model=MODEL, batch_size=2)  # 5 samples: 3 batches to share out
    one = ingest(read([SAMPLES], max_chars=1_000_000), store=store, extractor=small)
    backend = open_test_backend(engine, engine_dir, f"{graph_name}-2")
    try:
        two_store = GraphStore(backend)
        two_store.ensure_schema()
        two = ingest(
            read([SAMPLES], max_chars=1_000_000), store=two_store, extractor=small, workers=2
        )
        assert (two.new, two.failed) == (one.new, one.failed) == (5, [])
        assert two_store.counts() == store.counts()
        assert _graph(two_store) == _graph(store)
    finally:
        backend.close()


class _Counting(Extractor):
    """The real extractor, counting the articles it is asked to extract."""

    extracted = 0

    def extract(
        self, articles: Iterable[Article], known: Mapping[str, KnownEntity] | None = None
    ) -> Iterator:  # type: ignore[type-arg]
        for article in articles:
            self.extracted += 1
            yield from super().extract([article], known)


def test_ingest_stopped_then_run_again_skips_what_it_wrote(
    store: GraphStore, engine: str, engine_dir: Path, graph_name: str, tmp_path: Path
) -> None:
    path = _feed(tmp_path / "feed.jsonl", 6)
    pulled = [0]
    stopped = ingest(
        read([path], max_chars=10_000),
        store=_Recording(store, pulled, stop_at=4),
        extractor=Extractor(model=MODEL, batch_size=2),
        chunk=2,
    )
    assert stopped.interrupted and stopped.new == 4 and store.counts().articles == 4
    again_extractor = _Counting(model=MODEL, batch_size=2)
    again = ingest(read([path], max_chars=10_000), store=store, extractor=again_extractor)
    assert (again.new, again.unchanged, again.interrupted) == (2, 4, False)
    assert again_extractor.extracted == 2  # the written ones were never extracted again
    backend = open_test_backend(engine, engine_dir, f"{graph_name}-whole")
    try:
        whole = GraphStore(backend)
        whole.ensure_schema()
        ingest(read([path], max_chars=10_000), store=whole, extractor=again_extractor)
        assert _graph(store) == _graph(whole)  # the same graph as one uninterrupted run
    finally:
        backend.close()


def test_cli_ingest_killed_then_run_again_resumes(tmp_path: Path) -> None:
    """A real `newsgraph ingest` on two worker processes, stopped by SIGTERM once it has
    written an article, then run again."""
    path = _feed(tmp_path / "feed.jsonl", 40)
    env = {**os.environ, "NEWSGRAPH_DATA_DIR": str(tmp_path / "db"), "NEWSGRAPH_NEO4J_URI": ""}
    env["NEWSGRAPH_BATCH_SIZE"] = "1"
    command = [sys.executable, "-m", "service.cli", "ingest", str(path), "--workers", "2"]
    keeper = GraphStore(FalkorDBBackend(tmp_path / "db", graph="newsgraph"))  # shared engine
    keeper.ensure_schema()
    try:
        run = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 120
        while keeper.counts().articles == 0 and time.monotonic() < deadline:
            assert run.poll() is None, run.stderr.read() if run.stderr else ""
            time.sleep(0.02)
        run.send_signal(signal.SIGTERM)
        _, stderr = run.communicate(timeout=60)
        written = keeper.counts().articles
        assert run.returncode == 130, stderr
        assert "interrupted" in stderr and 0 < written < 40
        again = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        assert again.returncode == 0, again.stderr
        assert f"skipped {written} article(s)" in again.stderr
        assert f"{40 - written} new" in again.stderr
        assert keeper.counts().articles == 40
    finally:
        keeper.backend.close()
