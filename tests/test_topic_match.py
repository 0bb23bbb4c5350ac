"""A topic asked for in other words resolves to the most specific near topic (real engine)."""

from graph.records import TopicRef
from graph.store import GraphStore
from loaders.fragment import ArticleInfo, Entity, GraphFragment
from loaders.ontology import Label
from tests.conftest import analysed

TOPICS = {
    "topic-sanctions": "sanctions on Iran",
    "topic-lifting": "lifting sanctions on Iran",
    "topic-role": "Germany and France having a role in lifting sanctions on Iran",
    "topic-oil": "sanctions on Iran oil exports",
}


def _write_topics(store: GraphStore) -> None:
    store.write_fragment(
        GraphFragment(
            article=ArticleInfo(id="a1", content_hash="a1", text="x"),
            entities=[Entity(id=i, name=n, label=Label.TOPIC) for i, n in TOPICS.items()],
            relations=[],
        )
    )


def test_the_topic_holding_most_of_the_words_asked_for_wins(store: GraphStore) -> None:
    """Not a generalisation that drops a word of the question ("lifting sanctions on Iran"
    overlaps more by Jaccard, but is not what was asked)."""
    _write_topics(store)
    found = _find(store, "German participation in lifting sanctions on Iran")
    assert [t.id for t in found] == ["topic-role"]


def test_a_short_question_finds_no_near_topic(store: GraphStore) -> None:
    """Many longer topics hold both words of "Iran sanctions"; only the close ones count."""
    _write_topics(store)
    found = [t.id for t in _find(store, "Iran sanctions")]
    assert "topic-sanctions" in found and "topic-oil" not in found, found


def test_an_exact_name_comes_first_with_its_generalisations(store: GraphStore) -> None:
    _write_topics(store)
    found = _find(store, "Lifting sanctions on Iran")
    assert [t.id for t in found] == ["topic-lifting", "topic-sanctions"]


def test_too_few_shared_words_find_nothing(store: GraphStore) -> None:
    _write_topics(store)
    assert _find(store, "sanctions on Russian oil") == []


def _find(store: GraphStore, text: str) -> list[TopicRef]:
    return analysed(store, lambda analysis: analysis.find_topics(text))
