"""Undoing a merge: a topic's sentences named by some phrases move to a topic of their own
(real engine)."""

import pytest

from graph.errors import BadSplit, TopicNotFound
from graph.store import GraphStore
from loaders.article import Article
from loaders.pipeline import Extractor
from tests.test_claims import assert_claims_consistent

pytestmark = pytest.mark.slow


def _ingest(store: GraphStore, extractor: Extractor, text: str, article_id: str) -> str:
    article = Article(id=article_id, origin="test", text=text, content_hash=article_id)
    fragment = extractor.fragment(extractor.nlp(text), article)
    store.write_fragment(fragment)
    [topic] = {r.object for r in fragment.relations if r.object.startswith("topic-")}
    return topic


def _stances(store: GraphStore) -> set[tuple[str, str, str]]:
    rows = store.backend.read(
        "MATCH (s:Entity)-[r]->(t:Topic) RETURN s.id AS s, type(r) AS p, t.id AS t", {}, timeout=5
    )
    return {(r["s"], r["p"], r["t"]) for r in rows}


def test_split_moves_the_sentences_named_by_a_phrase(
    store: GraphStore, rules_extractor: Extractor
) -> None:
    one = _ingest(store, rules_extractor, "Russia rejected the proposal for a truce in Gaza.", "a1")
    other = _ingest(
        store, rules_extractor, "Hungary rejected the proposal for a ceasefire in Gaza.", "a2"
    )
    assert one == other  # one frame, one topic
    assert set(store.topic_phrases(one)) == {
        "proposal for truce in Gaza",
        "proposal for ceasefire in Gaza",
    }
    new = store.split_topic(one, ["proposal for truce in Gaza"])
    assert _stances(store) == {("hungary", "OPPOSES", one), ("russia", "OPPOSES", new)}
    assert_claims_consistent(store)
    assert store.topic_phrases(new) == {"proposal for truce in Gaza": 1}
    mentioned = store.backend.read(
        "MATCH (a:Article)-[:MENTIONS]->(t {id: $t}) RETURN a.id AS id", {"t": new}, timeout=5
    )
    assert [r["id"] for r in mentioned] == ["a1"]
    still = store.backend.read(
        "MATCH (a:Article)-[:MENTIONS]->(t {id: $t}) RETURN a.id AS id", {"t": one}, timeout=5
    )
    assert [r["id"] for r in still] == ["a2"]


def test_split_refuses_unknown_or_all_phrases(
    store: GraphStore, rules_extractor: Extractor
) -> None:
    topic = _ingest(
        store, rules_extractor, "Russia rejected the proposal for a truce in Gaza.", "a1"
    )
    _ingest(store, rules_extractor, "Hungary rejected the proposal for a ceasefire in Gaza.", "a2")
    before = _stances(store)
    with pytest.raises(BadSplit):
        store.split_topic(topic, ["a phrase never written"])
    with pytest.raises(BadSplit):
        store.split_topic(topic, ["proposal for truce in Gaza", "proposal for ceasefire in Gaza"])
    with pytest.raises(TopicNotFound):
        store.split_topic("topic-none", ["proposal for truce in Gaza"])
    assert _stances(store) == before
