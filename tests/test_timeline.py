"""A position that changed shows as changed (store + analysis on the real engine)."""

from graph.store import GraphStore
from loaders.fragment import ArticleInfo, Entity, Evidence, GraphFragment, Relation
from loaders.ontology import Label, Predicate
from tests.conftest import analysed


def _stance(article: str, published: str, predicate: Predicate) -> GraphFragment:
    evidence = Evidence(
        article_id=article, sentence=f"{predicate} in {published}", start=0, end=10,
        published=published, confidence=0.8, extractor="test",
    )  # fmt: skip
    return GraphFragment(
        article=ArticleInfo(id=article, content_hash=article, text="x", published=published),
        entities=[
            Entity(id="poland", name="Poland", label=Label.COUNTRY),
            Entity(id="topic-army-europe", name="European army", label=Label.TOPIC),
        ],
        relations=[
            Relation(
                subject="poland",
                predicate=predicate,
                object="topic-army-europe",
                evidence=[evidence],
            )
        ],
    )


def test_timeline_marks_changed_positions(store: GraphStore) -> None:
    store.write_fragment(_stance("a1", "2021-01-01", Predicate.SUPPORTS))
    store.write_fragment(_stance("a2", "2022-01-01", Predicate.DEMANDS))
    store.write_fragment(_stance("a3", "2023-01-01", Predicate.OPPOSES))
    entries = analysed(store, lambda analysis: analysis.timeline("poland"))
    assert [(e.published, e.stance, e.changed) for e in entries] == [
        ("2021-01-01", "support", False),
        ("2022-01-01", "support", False),
        ("2023-01-01", "oppose", True),
    ]
