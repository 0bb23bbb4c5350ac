"""REST ingest and the Cypher console through the real app (a fresh graph per test)."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.main import create_app
from tests.conftest import settings_for

pytestmark = pytest.mark.slow
KEY = {"X-API-Key": "s3cret"}
ARTICLE = {
    "text": "Polish President Andrzej Duda called for new sanctions against Belarus on Monday.",
    "title": "Duda calls for sanctions",
    "url": "https://example.org/duda-sanctions",
    "published": "2024-03-04",
    "source": "Example News",
}


@pytest.fixture
def api(engine: str, engine_dir: Path, graph_name: str) -> Iterator[TestClient]:
    """The app on an empty graph, with an API key and a 4 kB body limit."""
    settings = settings_for(engine, engine_dir, graph_name, api_key="s3cret", max_body_bytes=4096)
    with TestClient(create_app(settings)) as client:
        yield client


def _counts(api: TestClient) -> dict:
    return api.get("/health").json()["counts"]


def test_post_article_writes_once(api: TestClient) -> None:
    first = api.post("/api/v1/articles", json=ARTICLE, headers=KEY)
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["status"] == "new"
    relations = {(r["subject"], r["predicate"], r["object"]) for r in body["fragment"]["relations"]}
    assert ("andrzej-duda", "HOLDS_ROLE", "poland") in relations
    assert any(p == "DEMANDS" and s == "andrzej-duda" for s, p, _ in relations)
    counts = _counts(api)
    again = api.post("/api/v1/articles", json=ARTICLE, headers=KEY)
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    assert _counts(api) == counts
    found = api.get("/api/v1/entities", params={"q": "duda"}).json()["data"]
    assert [e["id"] for e in found] == ["andrzej-duda"]


@pytest.mark.parametrize(
    ("headers", "status"), [({}, 401), ({"X-API-Key": "wrong"}, 403), ({"X-API-Key": ""}, 401)]
)
def test_post_article_needs_the_key(api: TestClient, headers: dict, status: int) -> None:
    response = api.post("/api/v1/articles", json=ARTICLE, headers=headers)
    assert response.status_code == status
    assert _counts(api)["articles"] == 0


def test_post_article_refused_without_configured_key(engine, engine_dir, graph_name) -> None:
    with TestClient(create_app(settings_for(engine, engine_dir, graph_name))) as client:
        response = client.post("/api/v1/articles", json=ARTICLE, headers=KEY)
        assert response.status_code == 403
        assert "NEWSGRAPH_API_KEY" in response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (json.dumps({**ARTICLE, "text": "x" * 5000}), 413),
        ("{not json", 422),
        (json.dumps({"title": "no text"}), 422),
        (json.dumps({**ARTICLE, "text": ""}), 422),
        (json.dumps({**ARTICLE, "surprise": 1}), 422),
        (json.dumps({**ARTICLE, "text": "   \n  "}), 422),
        (json.dumps([ARTICLE]), 422),
    ],
)
def test_post_article_bad_bodies(api: TestClient, body: str, status: int) -> None:
    response = api.post(
        "/api/v1/articles", content=body, headers={**KEY, "Content-Type": "application/json"}
    )
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert "Traceback" not in response.text
    assert _counts(api)["articles"] == 0


def test_cypher_console_reads(api: TestClient) -> None:
    api.post("/api/v1/articles", json=ARTICLE, headers=KEY)
    query = "MATCH (p:Person)-[r:HOLDS_ROLE]->(c:Country {id: $country}) RETURN p.name AS name, r.title AS title"  # noqa: E501
    body = api.post("/api/v1/cypher", json={"query": query, "params": {"country": "poland"}}).json()
    assert body["columns"] == ["name", "title"]
    assert body["rows"] == [{"name": "Andrzej Duda", "title": "President"}]
    assert body["truncated"] is False
    nodes = api.post("/api/v1/cypher", json={"query": "MATCH (n:Person) RETURN n"}).json()["rows"]
    assert nodes[0]["n"]["labels"] == ["Entity", "Person"] or "Person" in nodes[0]["n"]["labels"]
    labels = api.post("/api/v1/cypher", json={"query": "CALL db.labels() YIELD label RETURN label"})
    assert labels.status_code == 200


def test_cypher_console_row_cap(engine, engine_dir, graph_name) -> None:
    settings = settings_for(engine, engine_dir, graph_name, cypher_max_rows=3)
    with TestClient(create_app(settings)) as client:
        body = client.post(
            "/api/v1/cypher", json={"query": "UNWIND range(1, 10) AS x RETURN x"}
        ).json()
        assert [r["x"] for r in body["rows"]] == [1, 2, 3] and body["truncated"] is True


REFUSED = [
    "CREATE (n:Person {id: 'x'})",
    "create (n:Person {id: 'x'})",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) /* just looking */ DETACH /* */ DELETE n",
    "MATCH (n)\n// read\nSET n.name = 'x'",
    "MERGE (n:Person {id: 'x'}) RETURN n",
    "MATCH (n) REMOVE n.name",
    "ＣＲＥＡＴＥ (n:Person)",  # fullwidth look-alikes
    "СREATE (n:Person)",  # Cyrillic С
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "load csv from 'https://example.org/x.csv' as l return l",
    "CALL dbms.procedures()",
    "CALL db.idx.fulltext.drop('Person')",
    "CALL { MATCH (n) DETACH DELETE n } IN TRANSACTIONS",
    "MATCH (n) RETURN n; MATCH (m) DETACH DELETE m",
    "DROP INDEX ON :Person(id)",
    "CREATE INDEX FOR (n:Person) ON (n.name)",
    "SHOW DATABASES",
    "FOREACH (x IN [1] | CREATE (:Person))",
    "EXPLAIN MATCH (n) RETURN n",
    "MATCH (n) WITH n `CREATE` RETURN 1 UNION CREATE (m) RETURN 1",
    # a quote inside a comment or a backticked name hides nothing (issue 12, finding 4)
    "// it's\nCALL dbms.procedures() YIELD name RETURN name //'",
    "MATCH (`it's`) CALL dbms.procedures() YIELD name RETURN name //`",
    "/* it's */ CALL db.idx.fulltext.queryNodes('Entity', 'x') YIELD node RETURN node //'",
    "// it's\nLOAD CSV FROM 'file:///x.csv' AS l RETURN l //'",
    "CALL algo.BFS(1, 2, 'R')",
    # functions outside the reading ones, and unbounded work
    "RETURN algo.pageRank(1)",
    "RETURN reduce(l = [], x IN range(1, 40000) | l + [x]) AS l",
    "UNWIND range(1, 100000000) AS x RETURN count(x)",
    "UNWIND range(1, 1e8) AS x RETURN count(x)",
    "MATCH p = (a)-[*]->(b) RETURN p",
    "MATCH p = (a)-[:MEETS*2..]->(b) RETURN p",
    "MATCH (n) RETURN n 'not closed",
]


@pytest.mark.parametrize("query", REFUSED)
def test_cypher_console_refuses_writes_io_admin(api: TestClient, query: str) -> None:
    api.post("/api/v1/articles", json=ARTICLE, headers=KEY)
    before = _counts(api)
    response = api.post("/api/v1/cypher", json={"query": query})
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert _counts(api) == before


@pytest.mark.parametrize(
    "query",
    [
        "MATCH (n) WHERE n.name = 'it\\'s' OR n.name = \"x // y\" RETURN n.name // it's",
        "MATCH p = (a:Person)-[:MEETS*1..3]-(b) RETURN length(p) AS hops LIMIT 5",
        "MATCH (n) WHERE (n.id > 'a') AND (n.id < 'z') RETURN toLower(n.name), count(*)",
        "UNWIND range(1, 100) AS x RETURN [y IN range(1, 3) | y * x] AS l",
    ],
)
def test_cypher_console_reads_what_analysts_write(api: TestClient, query: str) -> None:
    assert api.post("/api/v1/cypher", json={"query": query}).status_code == 200


def test_cypher_console_never_echoes_engine_errors(api: TestClient) -> None:
    response = api.post("/api/v1/cypher", json={"query": "MATCH (n RETURN n"})
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "errCtx" not in detail and "line:" not in detail and "Invalid input" not in detail


def test_engine_refuses_writes_the_guard_would_miss(api: TestClient) -> None:
    """Defence in depth: the engine's own read-only path refuses writes too."""
    from graph.errors import ReadOnlyViolation

    store = api.app.state.store  # type: ignore[attr-defined]
    with pytest.raises(ReadOnlyViolation):
        store.backend.read_untrusted("CREATE (:Person {id: 'sneaky'})")
    assert _counts(api)["nodes"] == 0


def test_cypher_console_timeout(engine, engine_dir, graph_name) -> None:
    settings = settings_for(engine, engine_dir, graph_name, cypher_timeout_s=0.001)
    query = "UNWIND range(1, 3000) AS x UNWIND range(1, 1000) AS y WITH x WHERE x % 7 = 0 RETURN count(x) AS n"  # noqa: E501
    with TestClient(create_app(settings)) as client:
        response = client.post("/api/v1/cypher", json={"query": query})
        assert response.status_code == 504


@pytest.mark.parametrize(
    "params", [{"": None}, {"ok": {"": 1}}, {"1x": 2}, {"a b": 3}, {"ok": [{"bad key": 1}]}]
)
def test_cypher_console_parameter_names_are_identifiers(api: TestClient, params: dict) -> None:
    response = api.post("/api/v1/cypher", json={"query": "RETURN 1 AS one", "params": params})
    assert response.status_code == 422


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/v1/stances", {"topic": "guarantees\x00", "stance": "support"}),
        ("/api/v1/entities", {"q": "or\x1fban"}),
        ("/api/v1/relations", {"subject": "Russia\x00"}),
        ("/api/v1/stances", {"topic": "x", "stance": "support", "until": "2022-02-31"}),
        ("/api/v1/relations", {"until": "0"}),
    ],
)
def test_control_characters_and_bad_dates_are_422(api: TestClient, path: str, params: dict) -> None:
    response = api.get(path, params=params)
    assert response.status_code == 422, response.text


def test_post_article_strips_control_characters(api: TestClient) -> None:
    body = {**ARTICLE, "text": ARTICLE["text"].replace("Monday", "Mon\x00day")}
    response = api.post("/api/v1/articles", json=body, headers=KEY)
    assert response.status_code == 422  # refused at the edge: text may hold only \t \n \r


def _nested(depth: int) -> str:
    return '{"a": ' * depth + "1" + "}" * depth


@pytest.mark.parametrize(
    ("params", "status"),
    [
        (_nested(40), 422),  # deeper than the bound
        (_nested(1500), 400),  # deeper than a JSON parser goes: a body it cannot read
        ('{"x": ' + str(2**70) + "}", 422),  # past 64 bits: refused, never clamped
        ('{"x": [' + ",".join(["1"] * 11_000) + "]}", 422),  # more values than the bound
    ],
)
def test_cypher_console_parameters_are_bounded(
    engine: str, engine_dir: Path, graph_name: str, params: str, status: int
) -> None:
    """Issue 12, findings 7 and 11: bounded depth, size and integers, a clear 4xx."""
    settings = settings_for(engine, engine_dir, graph_name)
    body = '{"query": "RETURN 1 AS one", "params": ' + params + "}"
    with TestClient(create_app(settings)) as client:
        response = client.post(
            "/api/v1/cypher", content=body, headers={"content-type": "application/json"}
        )
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"


def test_every_post_has_a_body_limit(api: TestClient) -> None:
    """Issue 12, finding 8: the console too, whether the size is declared or streamed."""
    big = {"query": "RETURN $x AS x", "params": {"x": "a" * 5000}}
    declared = api.post("/api/v1/cypher", json=big)
    assert declared.status_code == 413
    assert declared.headers["content-type"] == "application/problem+json"
    assert declared.json()["title"] == "Content Too Large"

    def chunks() -> Iterator[bytes]:
        yield b'{"query": "RETURN $x AS x", "params": {"x": "'
        yield b"a" * 5000
        yield b'"}}'

    streamed = api.post(
        "/api/v1/cypher", content=chunks(), headers={"content-type": "application/json"}
    )
    assert streamed.status_code == 413
    assert streamed.headers["content-type"] == "application/problem+json"


def test_cypher_console_query_memory_is_bounded(tmp_path: Path) -> None:
    """Issue 12, finding 3: one query cannot take the engine's memory (embedded engine:
    FalkorDB's QUERY_MEM_CAPACITY, on an engine of its own as the setting is the server's;
    Neo4j bounds a transaction in docker-compose.yml)."""
    settings = settings_for("falkordb", tmp_path, "memory", query_memory_mb=16)
    query = "UNWIND range(1, 10000) AS x UNWIND range(1, 1000) AS y RETURN collect(x) AS l"
    with TestClient(create_app(settings)) as client:
        response = client.post("/api/v1/cypher", json={"query": query})
        assert response.status_code == 400, response.text
        assert "16 MB" in response.json()["detail"]
        assert client.get("/health").status_code == 200
