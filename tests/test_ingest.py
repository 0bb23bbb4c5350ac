"""Ingest on the real engine: samples in, bad inputs reported, nothing partial, an edited
file corrected in place."""

from pathlib import Path

import pytest

from graph.store import GraphStore
from loaders.article import Article
from loaders.clean import article_id
from loaders.ontology import Predicate
from loaders.pipeline import Extractor
from service.ingest import ingest, load
from tests.conftest import SAMPLES, analysed

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


def _sentences(store: GraphStore) -> set[str]:
    """Every sentence the graph's relations rest on."""
    relations = analysed(
        store, lambda a: a.relations(subjects=None, objects=None, predicates=list(Predicate))
    )
    return {e.sentence for r in relations for e in r.evidence}


def test_ingest_an_edited_file_replaces_its_earlier_version(
    store: GraphStore, extractor: Extractor, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Viktor Orbán met Vladimir Putin in Moscow on Tuesday.")
    assert _ingest([folder], store, extractor).new == 1
    assert _sentences(store) == {"Viktor Orbán met Vladimir Putin in Moscow on Tuesday."}
    edited = "Viktor Orbán criticised the European Commission on Friday."
    (folder / "a.txt").write_text(edited)
    again = _ingest([folder / "a.txt"], store, extractor)  # the file named alone: the same
    assert (again.new, again.changed, again.unchanged) == (0, 1, 0)
    articles, total = store.list_articles()
    assert total == 1 and articles[0].id == article_id(None, "", "articles/a.txt")
    assert _sentences(store) == {edited}  # the new evidence only
    ids = {e.id for e in store.search_entities(limit=100)[0]}
    assert "viktor-orban" in ids and "vladimir-putin" not in ids  # only the old one said Putin


def test_ingest_moves_a_file_stored_under_its_text_id_to_its_path_id(
    store: GraphStore, extractor: Extractor, tmp_path: Path
) -> None:
    """A graph written when a file's article was known by its text is corrected, not
    doubled, by ingesting the file again."""
    path = tmp_path / "articles" / "a.txt"
    path.parent.mkdir()
    path.write_text("Viktor Orbán met Vladimir Putin in Moscow on Tuesday.")
    [article] = load([path], max_chars=1_000)
    assert isinstance(article, Article) and article.former_id
    earlier = article.model_copy(update={"id": article.former_id, "former_id": None})
    store.write_fragment(next(extractor.extract([earlier])))
    before = store.counts()
    report = _ingest([path], store, extractor)
    assert report.new == 1
    articles, total = store.list_articles()
    assert total == 1 and articles[0].id == article.id
    assert store.counts() == before  # the same facts, under the file's id
