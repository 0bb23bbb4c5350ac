"""The console's guard: Cypher parsed into allow-listed clauses, bounded expressions and a
row cap inside the engine; and a fuzz of console text through the real app on the real
embedded engine (what reaches the engine is recorded at the backend seam, and the
engine's own plan of each statement shows no operation outside the reading ones)."""

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.console import MAX_DEPTH, MAX_RANGE, ConsoleRefused, check
from service.main import create_app
from tests.conftest import settings_for

# Finding 4's bypasses, and what reads must not do: each is refused before the engine.
REFUSED = {
    "a quote in a comment": "// it's\nCALL dbms.procedures() YIELD name RETURN name //'",
    "a backticked name": "MATCH (`it's`) CALL dbms.procedures() YIELD name RETURN name //`",
    "a backticked quote": "MATCH (`a``'`) CALL algo.BFS(1, 2, 'R') RETURN 1 //'",
    "an escaped quote": "RETURN 'it\\'s' AS x // '\nLOAD CSV FROM 'file:///x' AS l RETURN l",
    "a procedure": "CALL db.idx.fulltext.queryNodes('Entity', 'x') YIELD node RETURN node",
    "a namespaced function": "RETURN algo.pageRank(1) AS x",
    "a clause after an operand": "MATCH (n) RETURN n FOO (m)",
    "a word inside a pattern": "MATCH (n) INSERT (m) RETURN m",
    "no RETURN": "MATCH (n)",
    "RETURN in the middle": "RETURN 1 AS x MATCH (n) RETURN n",
    "a subquery without RETURN": "CALL { MATCH (n) WITH n } RETURN 1",
    "EXISTS subquery": "MATCH (n) WHERE EXISTS { MATCH (n)-->() } RETURN n",
    "reduce doubling a list": "RETURN size(reduce(l = [1], x IN range(1, 26) | l + l)) AS n",
    "an expression as range bound": "UNWIND range(1, 10000 * 10000) AS x RETURN count(x)",
    "a range past the bound": f"UNWIND range(0, {MAX_RANGE}) AS x RETURN count(x)",
    "a float range bound": "UNWIND range(1, 1e8) AS x RETURN count(x)",
    "a parameter range bound": "UNWIND range(1, $n) AS x RETURN count(x)",
    "nested iteration": "RETURN size([x IN range(1, 100) | [y IN range(1, 100) | y]]) AS n",
    "a range in an iteration's body": "RETURN [x IN [1, 2] | range(1, 10000)] AS l",
    "an unbounded path": "MATCH p = (a)-[*]->(b) RETURN p",
    "a LIMIT expression": "MATCH (n) RETURN n LIMIT 1 + 1",
    "two statements": "MATCH (n) RETURN n; MATCH (m) RETURN m",
    "an unmatched bracket": "MATCH (n RETURN n",
    "an unclosed comment": "MATCH (n) RETURN n /* x",
    "brackets nested past the bound": "RETURN " + "(" * 3000 + "1" + ")" * 3000,
    "a non-ASCII keyword": "MATCH (n) RETURN n UNІON MATCH (m) RETURN m",
    # The engine ends a // comment only at a line feed (and reads up to a NUL): text
    # after a lone carriage return is code to Neo4j's grammar and comment to FalkorDB.
    "a carriage return in a comment": (
        "WITH 1 AS x // \r, 'a\nCALL dbms.procedures() YIELD name RETURN name //' AS y RETURN x"
    ),
    "a LIMIT hidden by a carriage return": "UNWIND range(1, 100) AS x RETURN x // \r, 1 AS y",
    "a NUL": "UNWIND range(1, 100) AS x RETURN x /* \x00 */, 1 AS y",
    "a write in a subquery": "CALL { CREATE (m) RETURN m } RETURN m",
    "a write after a read": "MATCH (n) SET n.x = 1 RETURN n",
    "a command": "SHOW PROCEDURES YIELD name RETURN name",
    "a graph switch": "USE system MATCH (n) RETURN n",
    "NEXT": "RETURN 1 AS x NEXT RETURN 2 AS y",
    "LET": "LET x = 1 RETURN x",
    "a quantified path": "MATCH ((a)-->(b)){1,5} RETURN a",
    "a subquery scope": "CALL (n) { RETURN 1 AS k } RETURN k",
    "COUNT subquery": "MATCH (n) RETURN COUNT { (n)-->() } AS c",
    "CASE nested past the stack": "RETURN " + "CASE WHEN true THEN " * 300 + "1" + " END" * 300,
    # The engine's parser takes twice as long for each level of nesting: seconds at 20.
    "brackets 20 deep": "RETURN " + "(" * 20 + "1" + ")" * 20 + " AS x",
    "NOT 40 times": "RETURN " + "NOT " * 40 + "true AS x",
    "NOT and brackets": "RETURN " + "NOT (" * 6 + "true" + ")" * 6 + " AS x",
    "CASE 20 deep": "RETURN " + "CASE WHEN true THEN " * 20 + "1" + " END" * 20 + " AS x",
    "calls 20 deep": "RETURN " + "abs(" * 20 + "1" + ")" * 20 + " AS x",
}
# A list built from rows, then copied inside one expression for each of its elements: the
# engine checks its time limit between rows, not inside an expression, so these are
# refused before they reach it.
ROW_LISTS_COPIED = {
    "the list in its own projection": "MATCH (n) WITH collect(n) AS l RETURN [y IN l | l]",
    "concatenated in the projection": "MATCH (n) WITH collect(n) AS l RETURN [y IN l | l + l]",
    "in the filter": "MATCH (n) WITH collect(n) AS l RETURN [y IN l WHERE y IN l + l]",
    "another collected list": (
        "MATCH (n) WITH collect(n) AS l, collect(n.id) AS m RETURN [y IN l | m] AS x"
    ),
    "a list made from one": (
        "MATCH (n) WITH collect(n) AS l WITH [x IN l | x.id] AS m RETURN [y IN m | m + [y]]"
    ),
    "a range": "WITH range(1, 10000) AS l RETURN size([y IN l | l]) AS n",
    "a quantifier": "MATCH (n) WITH collect(n) AS l RETURN any(y IN l WHERE size(l + l) > 0)",
    "a pattern comprehension": "MATCH (n) WITH collect(n) AS l RETURN [(a)-->(b) | l] AS x",
    "unwound lists of it": (
        "MATCH (n) WITH collect(n) AS l WITH collect(l) AS ll UNWIND ll AS x "
        "RETURN [y IN x | x] AS z"
    ),
    "in ORDER BY": "MATCH (n) WITH collect(n) AS l ORDER BY size([y IN l | l]) RETURN 1 AS k",
    "collect() in the projection": "MATCH (n) RETURN [y IN [1, 2] | collect(n)] AS x",
}
ALLOWED = [
    "MATCH (n) WHERE n.name = 'it\\'s' OR n.name = \"x // y\" RETURN n.name // it's",
    "MATCH p = (a:Person)-[:MEETS*1..3]-(b) RETURN length(p) AS hops",
    "OPTIONAL MATCH (a)-[r]->(b) WHERE (a)-[:MEETS]->() RETURN CASE WHEN a IS NULL THEN 0 END",
    "MATCH (n) WHERE n.name STARTS WITH 'A' WITH n, count(*) AS c WHERE c > 0 RETURN n{.id}, c",
    "UNWIND range(1, 100) AS x RETURN [y IN range(1, 3) | y * x] AS l",
    "MATCH (n:Match) RETURN n.limit AS l, n.end AS e ORDER BY l DESC SKIP 1",
    "CALL { MATCH (n) RETURN n } RETURN n",
    "MATCH (a {id: $a}), (b {id: $b}) WITH a, b MATCH p = allShortestPaths((a)-[*..4]-(b)) "
    "RETURN p",
    "RETURN count(DISTINCT 1), [(a)-->(b) | b.name] AS l, any(x IN [1, 2] WHERE x > 1)",
    "CALL db.labels() YIELD label RETURN label",
    "MATCH (n) WITH collect(n) AS l RETURN [y IN l WHERE y.name <> 'a' | y.id], size(l) AS k",
    "RETURN " + "(" * MAX_DEPTH + "1" + ")" * MAX_DEPTH + " AS deepest",
]


@pytest.mark.parametrize("query", REFUSED.values(), ids=REFUSED.keys())
def test_console_refuses(query: str) -> None:
    with pytest.raises(ConsoleRefused):
        check(query, {"n": 10}, row_cap=100)


@pytest.mark.parametrize("query", ROW_LISTS_COPIED.values(), ids=ROW_LISTS_COPIED.keys())
def test_console_refuses_a_row_list_copied_per_element(query: str) -> None:
    with pytest.raises(ConsoleRefused, match=r"built from rows|collect"):
        check(query, row_cap=100)


@pytest.mark.parametrize("query", ALLOWED)
def test_console_allows_analysts_reads(query: str) -> None:
    assert check(query, row_cap=100).endswith(("LIMIT 100", "LIMIT 100 // it's"))


@pytest.mark.parametrize(
    ("query", "params", "expected"),
    [
        ("MATCH (n) RETURN n", {}, "MATCH (n) RETURN n LIMIT 10"),
        ("MATCH (n) RETURN n LIMIT 3;", {}, "MATCH (n) RETURN n LIMIT 3"),
        ("MATCH (n) RETURN n LIMIT 50000", {}, "MATCH (n) RETURN n LIMIT 10"),
        ("RETURN 1 AS x LIMIT $k", {"k": 99}, "RETURN 1 AS x LIMIT 10"),
        (
            "RETURN 1 AS x UNION RETURN 2 AS x",
            {},
            "RETURN 1 AS x LIMIT 10 UNION RETURN 2 AS x LIMIT 10",
        ),
        ("MATCH (n) RETURN n // done", {}, "MATCH (n) RETURN n LIMIT 10 // done"),
        ("MATCH (n) // a\r\nRETURN n // b", {}, "MATCH (n) // a\r\nRETURN n LIMIT 10 // b"),
        ("CALL db.labels()", {}, "CALL db.labels()"),
    ],
)
def test_console_puts_the_row_cap_in_the_query(query: str, params: dict, expected: str) -> None:
    assert check(query, params, row_cap=10) == expected


@pytest.fixture
def console(engine_dir: Path, graph_name: str) -> Iterator[tuple[TestClient, list[str]]]:
    """The app on the embedded engine, with a row cap of 3; every statement the console
    sends to the engine is recorded at the backend seam (the engine still runs it)."""
    with TestClient(
        create_app(settings_for("falkordb", engine_dir, graph_name, cypher_max_rows=3))
    ) as client:
        backend = client.app.state.store.backend  # type: ignore[attr-defined]
        backend.write("UNWIND range(1, 50) AS i CREATE (:Person {id: toString(i), name: 'p'})")
        sent: list[str] = []
        untrusted = backend.read_untrusted

        def recorded(query: str, *args: Any, **kw: Any) -> Any:
            sent.append(query)
            return untrusted(query, *args, **kw)

        backend.read_untrusted = recorded
        yield client, sent
        backend.read_untrusted = untrusted


def test_console_row_cap_is_applied_in_the_engine(console: tuple[TestClient, list[str]]) -> None:
    """Issue 12, finding 6: the engine builds at most the cap (and one row more, to say
    the answer is truncated), not every row for the API to drop."""
    client, sent = console
    backend = client.app.state.store.backend  # type: ignore[attr-defined]
    body = client.post("/api/v1/cypher", json={"query": "UNWIND range(1, 10000) AS x RETURN x"})
    assert body.json() == {
        "columns": ["x"],
        "rows": [{"x": 1}, {"x": 2}, {"x": 3}],
        "truncated": True,
    }
    assert len(backend.read(sent[-1])) == 4


def test_console_deep_brackets_are_a_400_not_a_500(console: tuple[TestClient, list[str]]) -> None:
    client, sent = console
    query = "RETURN " + "[" * 3000 + "1" + "]" * 3000 + " AS x"
    response = client.post("/api/v1/cypher", json={"query": query})
    assert response.status_code == 400, response.text
    assert "nest" in response.json()["detail"] and sent == []


def test_console_row_list_copied_is_a_400_before_the_engine(
    console: tuple[TestClient, list[str]],
) -> None:
    """The list collected from the 50 people is not copied 50 times: refused, unsent."""
    client, sent = console
    query = ROW_LISTS_COPIED["the list in its own projection"]
    response = client.post("/api/v1/cypher", json={"query": query})
    assert response.status_code == 400, response.text
    assert "built from rows" in response.json()["detail"] and sent == []


def test_console_deepest_allowed_brackets_run(console: tuple[TestClient, list[str]]) -> None:
    """The parser's recursion at the deepest nesting allowed fits in a server thread."""
    client, _ = console
    query = "RETURN " + "[" * MAX_DEPTH + "1" + "]" * MAX_DEPTH + " AS x"
    response = client.post("/api/v1/cypher", json={"query": query})
    assert response.status_code == 200, response.text


def test_console_grammar_is_the_one_the_lint_pins() -> None:
    """graph/cypher_grammar is generated from the grammar of the language-support package
    tests/cypher_lint pins (`make cypher-grammar` after changing the pin)."""
    root = Path(__file__).resolve().parent.parent
    pinned = json.loads((root / "tests/cypher_lint/package.json").read_text())["dependencies"]
    generated = (root / "graph/cypher_grammar/GRAMMAR_VERSION").read_text().strip()
    assert pinned["@neo4j-cypher/language-support"] == generated


# Reading operations of FalkorDB's plans; anything else (Create, Merge, Update, Delete,
# Load CSV, Foreach, ...) must never reach the engine from the console.
READ_OPERATIONS = {
    "Results", "Project", "Aggregate", "Limit", "Skip", "Sort", "Distinct", "Filter",
    "Unwind", "Apply", "Optional", "All Node Scan", "Node By Label Scan",
    "Node By Index Scan", "Node By Label and ID Scan", "Node By ID Seek",
    "Conditional Traverse", "Conditional Variable Length Traverse", "Expand Into",
    "Cartesian Product", "Argument", "EmptyRow", "ProcedureCall", "Union", "Join",
    "Value Hash Join", "Semi Apply", "Anti Semi Apply", "Apply Multiplexer", "Argument List",
    "CallSubquery",
}  # fmt: skip
FRAGMENTS = [
    "MATCH", "OPTIONAL MATCH", "RETURN", "WITH", "UNWIND", "CALL", "UNION", "WHERE", "AS",
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH", "LOAD CSV FROM",
    "(n)", "(n:Person)", "(m {id: $p})", "-[r]->", "-[*1..3]-", "-[*]-", "-->", "n", "m",
    "n.name", "x", "1", "'a'", "$p", "count(*)", "collect(n)", "range(1, 5)",
    "range(1, 100000000)", "reduce(s = 0, x IN [1] | s + x)", "[x IN range(1, 3) | x]",
    "'it''s'", "'", '"', "`", "`it's`", "\\'", "//", "/*", "*/", "\n", ",", ";", "(", ")",
    "[", "]", "{", "}", "|", "=", "+", ".", ":", "db.labels()", "dbms.procedures()",
    "algo.BFS(1)", "db.idx.fulltext.queryNodes('Person', 'p')", "YIELD label", "LIMIT 2",
    "ORDER BY", "SKIP 1", "DISTINCT", "IN", "STARTS WITH", "é", "CASE WHEN", "THEN", "END",
    "\r", "NOT",
]  # fmt: skip
_TEXT = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12).flatmap(
    lambda parts: st.lists(
        st.sampled_from([" ", "", "\n"]), min_size=len(parts), max_size=len(parts)
    ).map(lambda gaps: "".join(p + g for p, g in zip(parts, gaps, strict=True)))
)
_PREFIXED = st.tuples(st.sampled_from(["MATCH (n) ", "RETURN ", "UNWIND [1] AS x ", ""]), _TEXT)
_SHAPED = st.tuples(  # reads an analyst writes, with fuzz text in the middle or at the end
    st.sampled_from(
        ["MATCH (n:Person) ", "OPTIONAL MATCH (n)-[r]->(m) ", "UNWIND range(1, 9) AS n "]
    ),
    st.sampled_from(["", "WHERE n.id = $p ", "WITH n, count(*) AS c ", "CALL { RETURN 1 AS k } "]),
    st.one_of(st.just(""), _TEXT),
    st.sampled_from(
        ["RETURN n", "RETURN n.name AS x ORDER BY x", "RETURN count(*) AS k", "RETURN n LIMIT 9"]
    ),
    st.one_of(st.just(""), _TEXT.map(" ".__add__)),
)
_QUERIES = st.one_of(_PREFIXED, _SHAPED).map("".join)


@settings(
    max_examples=400, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
@given(query=_QUERIES)
def test_console_fuzz_no_500_and_only_reads_reach_the_engine(
    console: tuple[TestClient, list[str]], query: str
) -> None:
    client, sent = console
    sent.clear()
    response = client.post("/api/v1/cypher", json={"query": query, "params": {"p": "1"}})
    assert response.status_code in {200, 400, 504}, (query, response.text)
    assert response.headers["content-type"] in {"application/json", "application/problem+json"}
    backend = client.app.state.store.backend  # type: ignore[attr-defined]
    graph = backend._db.select_graph(backend.graph_name)
    for statement in sent:
        try:
            plan = graph.explain(statement, {"p": "1"})
        except redis.ResponseError:
            continue  # the engine refuses the statement: it cannot run
        operations = {line.strip().split(" | ")[0] for line in plan.plan}
        assert operations <= READ_OPERATIONS, (statement, operations - READ_OPERATIONS)


def test_console_runs_at_most_its_concurrency(engine_dir: Path, graph_name: str) -> None:
    """A console query past NEWSGRAPH_CYPHER_CONCURRENCY waits briefly, then gets 429 with
    Retry-After; the analysts' reads still answer meanwhile."""
    options = {"cypher_concurrency": 1, "cypher_queue_wait_s": 0.1, "cypher_timeout_s": 2.0}
    slow = "UNWIND range(1, 10000) AS x UNWIND range(1, 10000) AS y RETURN count(*) AS n"
    with TestClient(
        create_app(settings_for("falkordb", engine_dir, graph_name, **options))
    ) as client:
        statuses: list[int] = []
        first = threading.Thread(
            target=lambda: statuses.append(
                client.post("/api/v1/cypher", json={"query": slow}).status_code
            )
        )
        first.start()
        time.sleep(0.5)  # the first query holds the one slot
        second = client.post("/api/v1/cypher", json={"query": "RETURN 1 AS one"})
        assert second.status_code == 429, second.text
        assert second.headers["Retry-After"].isdigit()
        assert second.headers["content-type"] == "application/problem+json"
        assert client.get("/api/v1/relations", params={"predicate": "MEETS"}).status_code == 200
        first.join()
        assert statuses == [504]
        assert client.post("/api/v1/cypher", json={"query": "RETURN 1 AS one"}).status_code == 200


@pytest.mark.parametrize(
    ("options", "header", "status"),
    [
        ({}, None, 200),  # on loopback with no key: open, as a local tool
        ({"host": "0.0.0.0"}, None, 403),  # beyond loopback with no key: off
        ({"host": "0.0.0.0", "cypher_api_key": "s3cret"}, None, 401),
        ({"host": "0.0.0.0", "cypher_api_key": "s3cret"}, "wrong", 403),
        ({"host": "0.0.0.0", "cypher_api_key": "s3cret"}, "s3cret", 200),
        ({"api_key": "s3cret", "host": "0.0.0.0"}, "s3cret", 403),  # the write key is not it
    ],
)
def test_console_key_and_loopback(
    engine_dir: Path, graph_name: str, options: dict, header: str | None, status: int
) -> None:
    app = create_app(settings_for("falkordb", engine_dir, graph_name, **options))
    headers = {"X-API-Key": header} if header else {}
    with TestClient(app) as client:
        answer = client.post("/api/v1/cypher", json={"query": "RETURN 1 AS one"}, headers=headers)
        assert answer.status_code == status, answer.text
