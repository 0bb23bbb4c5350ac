"""The store on the real embedded engine: one transaction per article, idempotent."""

import os
import signal
import time
from pathlib import Path

import pytest

from graph.errors import ReadOnlyViolation
from graph.falkordb_backend import FalkorDBBackend
from graph.store import MAX_NAMES, GraphStore
from loaders.fragment import ArticleInfo, Entity, Evidence, GraphFragment, Relation
from loaders.ontology import Label, Predicate


def _fragment(
    article_id: str = "art-1", content_hash: str = "h1", *, sentence: str = "Putin backs X."
) -> GraphFragment:
    evidence = Evidence(
        article_id=article_id,
        sentence=sentence,
        start=0,
        end=len(sentence),
        published="2022-02-02",
        source="RT",
        speaker="vladimir-putin",
        confidence=0.8,
        extractor="test",
    )
    return GraphFragment(
        article=ArticleInfo(id=article_id, content_hash=content_hash, text=sentence, source="RT"),
        entities=[
            Entity(
                id="vladimir-putin", name="Vladimir Putin", label=Label.PERSON, aliases=["Putin"]
            ),
            Entity(id="viktor-orban", name="Viktor Orbán", label=Label.PERSON, aliases=["Orban"]),
        ],
        relations=[
            Relation(
                subject="vladimir-putin",
                predicate=Predicate.MEETS,
                object="viktor-orban",
                evidence=[evidence],
            )
        ],
    )


def test_store_writes_fragment_and_counts(store: GraphStore) -> None:
    outcome = store.write_fragment(_fragment())
    assert (outcome.status, outcome.entities, outcome.relations) == ("new", 2, 1)
    counts = store.counts()
    # Article + Source + 2 entities + 1 Evidence + its claim's day; MENTIONS x2 +
    # PUBLISHED_BY + MEETS claim
    assert (
        counts.nodes,
        counts.relationships,
        counts.articles,
        counts.entities,
        counts.relations,
        counts.evidence,
    ) == (6, 4, 1, 2, 1, 1)


def test_store_rewrite_of_unchanged_article_changes_nothing(store: GraphStore) -> None:
    store.write_fragment(_fragment())
    before = store.counts()
    assert store.write_fragment(_fragment()).status == "unchanged"
    assert store.counts() == before


def test_store_changed_article_replaces_its_evidence(store: GraphStore) -> None:
    store.write_fragment(_fragment())
    changed = _fragment(content_hash="h2", sentence="Putin met Orbán in Moscow.")
    changed.relations[0].evidence[0].start = 5
    assert store.write_fragment(changed).status == "changed"
    assert store.counts().evidence == 1  # the old sentence's edge is gone


def test_store_evidence_accumulates_across_articles(store: GraphStore) -> None:
    store.write_fragment(_fragment("art-1"))
    store.write_fragment(_fragment("art-2", "h9"))
    counts = store.counts()
    assert (counts.articles, counts.entities, counts.relations, counts.evidence) == (2, 2, 1, 2)


def test_store_counts_a_symmetric_relation_once_whichever_way_round(store: GraphStore) -> None:
    store.write_fragment(_fragment("art-1"))
    other = _fragment("art-2", "h9")
    other.relations[0].subject, other.relations[0].object = "viktor-orban", "vladimir-putin"
    store.write_fragment(other)
    counts = store.counts()
    assert (counts.relations, counts.evidence) == (1, 2)


def test_store_aliases_accumulate_on_one_node(store: GraphStore) -> None:
    store.write_fragment(_fragment("art-1"))
    other = _fragment("art-2", "h9")
    other.entities[1].aliases = ["Orbán Viktor"]
    store.write_fragment(other)
    orban = store.get_entity("viktor-orban")
    assert orban is not None
    assert sorted(orban.aliases) == ["Orban", "Orbán Viktor"]
    assert orban.articles == 2


def test_store_search_is_accent_and_case_insensitive(store: GraphStore) -> None:
    store.write_fragment(_fragment())
    for query in ("orban", "ORBÁN", "Viktor Orb"):
        found, total = store.search_entities(q=query)
        assert [e.id for e in found] == ["viktor-orban"] and total == 1
    people, total = store.search_entities(label=Label.PERSON, limit=1, offset=1)
    assert total == 2 and len(people) == 1


def test_store_known_entities_index_folded_forms(store: GraphStore) -> None:
    store.write_fragment(_fragment())
    known = store.known_entities()
    assert known["orban"].id == "viktor-orban"
    assert known["vladimir putin"].label is Label.PERSON


def test_store_article_detail_lists_its_entities(store: GraphStore) -> None:
    store.write_fragment(_fragment())
    article = store.get_article("art-1")
    assert article is not None and article.source == "RT"
    assert {e.id for e in article.entities} == {"vladimir-putin", "viktor-orban"}
    assert store.get_article("art-404") is None


def test_store_read_path_refuses_writes(store: GraphStore) -> None:
    with pytest.raises(ReadOnlyViolation):
        store.backend.read("CREATE (n:Person {id: $id})", {"id": "x"})
    assert store.counts().nodes == 0


def test_store_schema_setup_is_idempotent(store: GraphStore) -> None:
    store.ensure_schema()
    store.ensure_schema()


def _written_then_killed(data_dir: Path, graph: str) -> GraphStore:
    """A store with one fragment written, whose engine process was then killed (a crash)."""
    store = GraphStore(FalkorDBBackend(data_dir, graph=graph))
    store.ensure_schema()
    store.write_fragment(_fragment())
    os.kill(store.backend._db.client.pid, signal.SIGKILL)  # type: ignore[attr-defined]
    time.sleep(0.3)
    return store


def test_store_data_survives_engine_kill(tmp_path: Path) -> None:
    _written_then_killed(tmp_path, "durable")
    reopened = FalkorDBBackend(tmp_path, graph="durable")
    try:
        assert GraphStore(reopened).counts().evidence == 1
    finally:
        reopened.close()


def test_store_recovers_when_engine_restarts_under_it(tmp_path: Path) -> None:
    store = _written_then_killed(tmp_path, "restart")
    try:
        assert store.counts().articles == 1  # the backend starts the engine again
    finally:
        store.backend.close()


def test_store_unwritable_data_dir_is_a_clear_error(tmp_path: Path) -> None:
    from graph.errors import EngineUnavailable

    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(EngineUnavailable, match="cannot create data directory"):
        FalkorDBBackend(blocker / "data")


def test_store_an_entity_keeps_at_most_max_names_aliases(store: GraphStore) -> None:
    """A topic written in many ways stays a small node: aliases stop at MAX_NAMES."""
    for batch in range(3):
        aliases = [f"way {batch}-{i} of naming it" for i in range(60)]
        fragment = GraphFragment(
            article=ArticleInfo(id=f"art-{batch}", content_hash=f"h{batch}", text="x"),
            entities=[Entity(id="topic-x", name="x topic", label=Label.TOPIC, aliases=aliases)],
            relations=[],
        )
        store.write_fragment(fragment)
    query = "MATCH (e:Entity {id: $id}) RETURN e.aliases AS a, e.keys AS k"
    [row] = store.backend.read(query, {"id": "topic-x"})
    assert len(row["a"]) == MAX_NAMES and len(row["k"]) == MAX_NAMES
    assert row["a"][0] == "way 0-0 of naming it"  # the first ones written are kept


def test_store_changed_article_leaves_no_entity_only_its_old_version_mentioned(
    store: GraphStore,
) -> None:
    store.write_fragment(_fragment())
    store.write_fragment(_fragment(article_id="art-2"))  # mentions both too
    changed = _fragment(content_hash="h2", sentence="Putin spoke in Moscow.")
    changed.entities = changed.entities[:1]
    changed.relations = []
    store.write_fragment(changed)
    assert store.counts().entities == 2  # Orbán is still mentioned by art-2
    alone = _fragment(article_id="art-2", content_hash="h3", sentence="Putin spoke.")
    alone.entities = alone.entities[:1]
    alone.relations = []
    store.write_fragment(alone)
    query = "MATCH (e:Entity) RETURN e.id AS id"
    assert [row["id"] for row in store.backend.read(query)] == ["vladimir-putin"]


def test_the_data_files_are_the_users_only(tmp_path: Path) -> None:
    """Issue 12, finding 10: 0700 for the directory, 0600 for its files, even when they
    were world-readable before."""
    data_dir = tmp_path / "private"
    data_dir.mkdir(mode=0o755)
    (data_dir / "old-notes").write_text("x")
    (data_dir / "old-notes").chmod(0o644)
    backend = FalkorDBBackend(data_dir, graph="private")
    try:
        backend.write("CREATE (:Probe {id: 'p'})")
        paths = [data_dir, *(p for p in data_dir.rglob("*") if not p.is_socket())]
        loose = {str(p): oct(p.stat().st_mode & 0o777) for p in paths if p.stat().st_mode & 0o077}
        assert loose == {}
    finally:
        backend.close()
