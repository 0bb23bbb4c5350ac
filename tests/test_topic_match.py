"""A topic asked for in other words: the same issue with the same arguments, or narrower
ones, never one with other arguments or the opposite issue (real engine)."""

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


def test_the_issue_asked_about_decides_not_the_shared_words(store: GraphStore) -> None:
    """Not "lifting sanctions on Iran", which holds most of the words but is another issue:
    the participation of Germany (and France) in it, a narrower topic."""
    _write_topics(store)
    found = _find(store, "German participation in lifting sanctions on Iran")
    assert [(t.id, t.match) for t in found] == [("topic-role", "narrower")]


def test_a_broader_question_gathers_the_narrower_topics(store: GraphStore) -> None:
    """ "Iran sanctions": the same topic first, then the narrower one (oil exports); never
    lifting them, the opposite issue."""
    _write_topics(store)
    found = [(t.id, t.match) for t in _find(store, "Iran sanctions")]
    assert found == [("topic-sanctions", "same"), ("topic-oil", "narrower")]


def test_an_exact_name_comes_first_and_never_its_opposite(store: GraphStore) -> None:
    _write_topics(store)
    found = _find(store, "Lifting sanctions on Iran")
    assert [(t.id, t.match) for t in found] == [("topic-lifting", "exact")]


def test_too_few_shared_words_find_nothing(store: GraphStore) -> None:
    _write_topics(store)
    assert _find(store, "sanctions on Russian oil") == []


def _find(store: GraphStore, text: str) -> list[TopicRef]:
    return analysed(store, lambda analysis: analysis.find_topics(text))
