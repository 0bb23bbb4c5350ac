"""The API's awaited reads parse plain results in one pass: the same rows as the engine
client's own parser gives the blocking reads; a reopened graph is read through its indexes
from the first read (real embedded engine)."""

import asyncio
from pathlib import Path

import pytest

from graph import queries
from graph.errors import QueryError
from graph.falkordb_backend import FalkorDBBackend
from graph.store import GraphStore
from loaders.fragment import ArticleInfo, Entity, Evidence, GraphFragment, Relation
from loaders.ontology import EVIDENCE, Predicate
from tests.test_delete import NAMES, PUTIN

PLAIN = """
RETURN 'text with "quotes", \\\\ and é' AS s, '' AS empty, 42 AS i, -7 AS negative,
       1.5 AS f, true AS yes, false AS no, null AS nothing, [1, 'a', null, [2.5, false]] AS l,
       {a: 1, b: {c: ['x'], d: null}, e: true} AS m, [] AS none, {} AS nomap"""


def _both(store: GraphStore, query: str, params: dict | None = None) -> tuple[list, list]:
    backend = store.backend

    async def awaited() -> list:
        try:
            return await backend.read_async(query, params)
        finally:
            await backend.close_async()

    return asyncio.run(awaited()), backend.read(query, params)


@pytest.fixture
def falkordb(store: GraphStore) -> GraphStore:
    if not isinstance(store.backend, FalkorDBBackend):
        pytest.skip("the one-pass parser is the embedded engine's")
    return store


def test_falkordb_plain_values_read_as_the_client_parses_them(falkordb: GraphStore) -> None:
    awaited, blocking = _both(falkordb, PLAIN)
    assert awaited == blocking
    assert awaited[0]["m"] == {"a": 1, "b": {"c": ["x"], "d": None}, "e": True}
    assert [type(awaited[0][k]) for k in ("i", "f", "yes")] == [int, float, bool]


def test_falkordb_nodes_and_paths_read_as_the_client_parses_them(falkordb: GraphStore) -> None:
    falkordb.backend.write("CREATE (:Probe {id: 'p', n: 1})-[:R {w: 2}]->(:Probe {id: 'q'})")
    query = "MATCH p = (a:Probe {id: $id})-[r]->(b) RETURN a, r, p, b.id AS id, [a.n] AS ns"
    awaited, blocking = _both(falkordb, query, {"id": "p"})
    assert awaited == blocking
    assert awaited[0]["a"] == {"labels": ["Probe"], "properties": {"id": "p", "n": 1}}


def test_falkordb_an_error_in_an_awaited_read_is_a_query_error(falkordb: GraphStore) -> None:
    with pytest.raises(QueryError):
        _both(falkordb, "RETURN 1 / $zero AS x, toInteger('a') + [1] AS y", {"zero": 0})


def test_falkordb_an_opened_graph_is_ready_only_once_its_indexes_are(tmp_path: Path) -> None:
    """An engine that loads a written graph rebuilds its indexes, and meanwhile every
    lookup scans its label (an answer took seconds at 2,000 articles): opening the store
    waits for them, so the first read already seeks by index."""
    said = [
        Evidence(
            article_id="a",
            sentence=f"Sentence {n}.",
            start=n * 20,
            end=n * 20 + 12,
            confidence=0.8,
            extractor="test",
        )
        for n in range(30_000)
    ]
    fragment = GraphFragment(
        article=ArticleInfo(id="a", content_hash="h", text="x"),
        entities=[Entity(id=i, name=NAMES[i][0], label=NAMES[i][1]) for i in (PUTIN, "nato")],
        relations=[
            Relation(subject=PUTIN, predicate=Predicate.OPPOSES, object="nato", evidence=said)
        ],
    )
    writer = GraphStore(FalkorDBBackend(tmp_path, graph="g"))
    writer.ensure_schema()
    writer.write_fragment(fragment)
    writer.backend.close()  # the last client: the engine stops, and loads the graph again
    backend = FalkorDBBackend(tmp_path, graph="g")
    try:
        GraphStore(backend).ensure_schema()
        graph = backend._db.select_graph(backend.graph_name)
        plan = [line.strip() for line in graph.explain(queries.EVIDENCE_BY_ID, {"ids": []}).plan]
        assert f"Node By Index Scan | (v:{EVIDENCE})" in plan, plan
    finally:
        backend.close()
