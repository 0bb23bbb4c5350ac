"""Ingest on the real engine: samples in, bad inputs reported, nothing partial."""

from pathlib import Path

import pytest

from graph.store import GraphStore
from loaders.pipeline import Extractor
from service.ingest import ingest, load
from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow


def _ingest(paths: list[Path], store: GraphStore, extractor: Extractor, max_chars: int = 1_000_000):
    return ingest(load(paths, max_chars=max_chars), store=store, extractor=extractor)


def test_ingest_samples_then_reingest_changes_nothing(
    store: GraphStore, extractor: Extractor
) -> None:
    first = _ingest([SAMPLES], store, extractor)
    assert (first.new, first.unchanged, first.failed) == (5, 0, [])
    counts = store.counts()
    assert counts.articles == 5 and counts.entities > 30
    again = _ingest([SAMPLES], store, extractor)
    assert (again.new, again.changed, again.unchanged) == (0, 0, 5)
    assert store.counts() == counts


def test_ingest_bad_inputs_reported_and_good_ones_kept(
    store: GraphStore, extractor: Extractor, tmp_path: Path
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(
        "Hungarian Prime Minister Viktor Orbán met Vladimir Putin in Moscow on Tuesday."
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin1.txt").write_bytes("Orbán".encode("latin-1"))
    (tmp_path / "feed.jsonl").write_text('{"text": "NATO met Russia in Geneva."}\n{broken\n')
    (tmp_path / "script.html").write_text("<html><script>alert('x')</script></html>")
    (tmp_path / "long.txt").write_text("Putin spoke. " * 100)
    report = _ingest([tmp_path, tmp_path / "missing.txt"], store, extractor, max_chars=1000)
    reasons = {Path(f.origin.split(":")[0]).name: f.reason for f in report.failed}
    expected = {"empty.txt", "binary.txt", "latin1.txt", "feed.jsonl", "script.html", "long.txt"}
    assert reasons.keys() == expected | {"missing.txt"}
    assert "over the limit" in reasons["long.txt"]
    assert all("\n" not in reason for reason in reasons.values())
    assert report.new == 2
    found, _ = store.search_entities(q="orban")
    assert [e.id for e in found] == ["viktor-orban"]


def test_ingest_resolves_against_entities_already_in_graph(
    store: GraphStore, extractor: Extractor, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(
        "Analysts at the Zorblax Institute of Policy said the talks failed."
    )
    (tmp_path / "b.txt").write_text(
        "A new paper from the Zorblax Institute of Policy was published."
    )
    _ingest([tmp_path / "a.txt"], store, extractor)
    _ingest([tmp_path / "b.txt"], store, extractor)
    found, total = store.search_entities(q="zorblax")
    assert total == 1 and found[0].articles == 2
