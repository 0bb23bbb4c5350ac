"""The Neo4j backend at the driver seam: no Neo4j server can run here, so this
checks the conversion of real `neo4j.graph` objects and the lint of every
Cypher string the backend sends, with Neo4j's own linter."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import neo4j
import pytest
from neo4j.graph import Graph, Node
from neo4j.graph import Path as GraphPath
from neo4j.time import Date, DateTime

from graph.neo4j_backend import record_to_dict
from graph.queries import ALL_QUERIES
from graph.schema import NEO4J_SCHEMA

LINT_DIR = Path(__file__).parent / "cypher_lint"


def _graph_objects() -> tuple[Node, Node, object]:
    graph = Graph()
    putin = Node(
        graph, "4:db:1", 1, {"Entity", "Person"}, {"id": "vladimir-putin", "name": "Vladimir Putin"}
    )
    orban = Node(graph, "4:db:2", 2, {"Entity", "Person"}, {"id": "viktor-orban"})
    meets = graph.relationship_type("MEETS")(graph, "5:db:7", 7, {"id": "rel-1", "confidence": 0.9})
    meets._start_node, meets._end_node = putin, orban  # as the driver's hydration sets them
    return putin, orban, meets


def _guide_queries() -> list[str]:
    """The ready queries of the Neo4j Browser guide (docs/neo4j-browser.md)."""
    guide = (Path(__file__).parent.parent / "docs" / "neo4j-browser.md").read_text()
    return re.findall(r"```cypher\n(.*?)```", guide, re.S)


def test_neo4j_browser_guide_has_queries() -> None:
    assert len(_guide_queries()) >= 8


def test_neo4j_records_convert_to_plain_dicts() -> None:
    putin, orban, meets = _graph_objects()
    record = neo4j.Record(
        {
            "n": putin,
            "r": meets,
            "p": GraphPath(putin, meets),
            "when": DateTime(2022, 2, 2, 10, 0, 0),
            "day": Date(2022, 2, 2),
            "names": ["a", "b"],
            "nested": {"x": orban},
        }
    )
    row = record_to_dict(record)
    assert row["n"] == {
        "labels": ["Entity", "Person"],
        "properties": {"id": "vladimir-putin", "name": "Vladimir Putin"},
    }
    assert row["r"] == {"type": "MEETS", "properties": {"id": "rel-1", "confidence": 0.9}}
    assert [n["properties"]["id"] for n in row["p"]["nodes"]] == ["vladimir-putin", "viktor-orban"]
    assert row["p"]["relationships"][0]["type"] == "MEETS"
    assert row["when"].startswith("2022-02-02T10:00:00") and row["day"] == "2022-02-02"
    assert row["names"] == ["a", "b"] and row["nested"]["x"]["properties"]["id"] == "viktor-orban"
    json.dumps(row)  # plain data all the way down


def test_neo4j_every_query_passes_neo4j_linter() -> None:
    if not (LINT_DIR / "node_modules").is_dir() or shutil.which("node") is None:
        pytest.skip("Neo4j Cypher lint: needs node and tests/cypher_lint/node_modules (make test)")
    queries = dict(ALL_QUERIES) | {f"schema_{i}": q for i, q in enumerate(NEO4J_SCHEMA)}
    queries |= {f"browser_guide_{i}": q for i, q in enumerate(_guide_queries())}
    queries["known_bad"] = "MATCH (n) RETRN n"  # proves the linter is really reading
    result = subprocess.run(
        ["node", "lint.mjs"],
        input=json.dumps(queries),
        capture_output=True,
        text=True,
        cwd=LINT_DIR,
        check=True,
        timeout=120,
    )
    errors = json.loads(result.stdout)
    assert errors.pop("known_bad")
    assert {name: errs for name, errs in errors.items() if errs} == {}
    assert len(errors) >= len(ALL_QUERIES)
