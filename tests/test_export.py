"""Export on the real engine: GraphML that parses and matches the graph, neo4j-admin import
CSV held to the documented header grammar, and fragment JSONL that ingest turns back into
the same graph."""

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.backend import Params, Row
from graph.connect import open_backend
from graph.export import GraphExport
from graph.store import GraphStore
from loaders.fragment import GraphFragment
from loaders.ontology import ARTICLE, ENTITY, EVIDENCE, Label, Predicate
from loaders.pipeline import Extractor
from service.exports import graphml, jsonl, neo4j_csv
from service.exports.formats import ExportFormat, files
from service.ingest import ingest, load
from service.settings import Settings
from tests.conftest import ROOT, analysed
from tests.neo4j_import import check_import

pytestmark = pytest.mark.slow
NS = {"g": graphml.NAMESPACE}
GRAPHML_TYPES = {"boolean", "int", "long", "float", "double", "string"}


@pytest.fixture(scope="module")
def samples(samples_settings: Settings) -> Iterator[GraphStore]:
    """The graph of the five sample articles."""
    backend = open_backend(**samples_settings.engine_options())
    yield GraphStore(backend)
    backend.close()


def _exported(store: GraphStore, fmt: ExportFormat, **pages: int) -> dict[str, str]:
    export = GraphExport(store.backend, **pages)
    return {name: "".join(pieces) for name, pieces in files(fmt, export)}


def _graphml(store: GraphStore) -> ET.Element:
    return ET.fromstring(_exported(store, ExportFormat.GRAPHML)["newsgraph.graphml"])


def _data(element: ET.Element, keys: dict[str, tuple[str, str, str]], domain: str) -> dict:
    """An element's data by attribute name, typed as its key declares."""
    values: dict[str, Any] = {}
    for data in element.findall("g:data", NS):
        kind, name, attr_type = keys[data.get("key", "")]
        assert kind == domain, f"{name} is declared for {kind}, used on a {domain}"
        text = data.text or ""
        values[name] = int(text) if attr_type == "int" else (
            float(text) if attr_type == "double" else text)  # fmt: skip
    return values


def test_export_graphml_declares_typed_keys_and_holds_every_entity(samples: GraphStore) -> None:
    root = _graphml(samples)
    assert root.tag == f"{{{graphml.NAMESPACE}}}graphml"
    keys = {k.get("id", ""): (k.get("for", ""), k.get("attr.name", ""), k.get("attr.type", ""))
            for k in root.findall("g:key", NS)}  # fmt: skip
    assert {t for _, _, t in keys.values()} <= GRAPHML_TYPES
    assert {n for d, n, _ in keys.values() if d == "node"} == {
        "label",
        "kind",
        "aliases",
        "wikidata",
    }
    assert {n for d, n, _ in keys.values() if d == "edge"} == set(graphml.EDGE_KEYS)
    [graph] = root.findall("g:graph", NS)
    assert graph.get("edgedefault") == "directed"
    elements = graph.findall("g:node", NS)
    nodes = {n.get("id"): _data(n, keys, "node") for n in elements}
    assert len(nodes) == len(elements) == samples.counts().entities
    putin = samples.get_entity("vladimir-putin")
    assert putin is not None and putin.wikidata
    assert nodes["vladimir-putin"] == {
        "label": "Vladimir Putin",
        "kind": "Person",
        "aliases": "; ".join(putin.aliases),
        "wikidata": putin.wikidata,
    }
    assert {n["kind"] for n in nodes.values()} <= {label.value for label in Label}


def test_export_graphml_edges_are_the_relations_with_their_sentences(samples: GraphStore) -> None:
    root = _graphml(samples)
    keys = {k.get("id", ""): (k.get("for", ""), k.get("attr.name", ""), k.get("attr.type", ""))
            for k in root.findall("g:key", NS)}  # fmt: skip
    nodes = {n.get("id") for n in root.iter(f"{{{graphml.NAMESPACE}}}node")}
    edges = {}
    for element in root.iter(f"{{{graphml.NAMESPACE}}}edge"):
        assert element.get("source") in nodes and element.get("target") in nodes
        data = _data(element, keys, "edge")
        assert data["weight"] == data["sentences"] >= 1 and data["articles"] >= 1
        edges[(element.get("source"), data["predicate"], element.get("target"))] = data
    assert sum(e["sentences"] for e in edges.values()) == samples.counts().evidence
    relations = analysed(
        samples, lambda a: a.relations(subjects=None, objects=None, predicates=list(Predicate))
    )
    assert {k: e["sentences"] for k, e in edges.items()} == {
        (r.subject.id, r.predicate, r.object.id): r.sentences for r in relations
    }
    outlets = {e.source for r in relations for e in r.evidence if e.source}
    assert outlets, "the samples name an outlet"
    assert {o for e in edges.values() for o in e.get("outlets", "").split("; ") if o} == outlets
    roles = [e for k, e in edges.items() if k[1] == "HOLDS_ROLE"]
    assert roles and all(e["title"] for e in roles)


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_export_in_small_pages_is_the_same(samples: GraphStore, fmt: ExportFormat) -> None:
    assert _exported(samples, fmt, page=3, article_page=2) == _exported(samples, fmt)


class _Recording:
    """The real backend, with the size of each page it answered."""

    def __init__(self, store: GraphStore) -> None:
        self.backend = store.backend
        self.pages: list[tuple[str, int]] = []

    def read(self, query: str, params: Params | None = None, **kw: Any) -> list[Row]:
        rows = self.backend.read(query, params, **kw)
        self.pages.append((query, len(rows)))
        return rows


def test_export_reads_the_graph_in_bounded_pages(samples: GraphStore) -> None:
    recording = _Recording(samples)
    export = GraphExport(recording, page=7, article_page=2)  # type: ignore[arg-type]
    for _, pieces in files(ExportFormat.CSV, export):
        "".join(pieces)
    node_pages = [n for q, n in recording.pages if "ORDER BY id" in q]
    assert len(node_pages) > samples.counts().entities // 7
    assert max(node_pages) <= 7
    article_pages = [n for q, n in recording.pages if "properties(n)" in q and "Article" in q]
    assert article_pages and max(article_pages) <= 2


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))[1:]


def test_export_csv_passes_the_import_header_check(samples: GraphStore) -> None:
    exported = _exported(samples, ExportFormat.CSV)
    nodes = {spec.name: exported[spec.name] for spec in neo4j_csv.NODE_FILES}
    relationships = {spec.name: exported[spec.name] for spec in neo4j_csv.RELATIONSHIP_FILES}
    assert exported.keys() == nodes.keys() | relationships.keys()
    checked = check_import(nodes, relationships)
    assert checked.errors == []
    counts = samples.counts()
    assert (len(checked.ids[ENTITY]), len(checked.ids[ARTICLE])) == (
        counts.entities,
        counts.articles,
    )
    assert sum(len(ids) for ids in checked.ids.values()) == counts.nodes
    assert sum(len(_csv_rows(t)) for t in relationships.values()) == counts.relationships
    putin = samples.get_entity("vladimir-putin")
    assert putin is not None
    [row] = [r for r in _csv_rows(nodes["entities.csv"]) if r[0] == "vladimir-putin"]
    assert row[1:4] == ["Entity;Person", "Vladimir Putin", ";".join(putin.aliases)]


def test_export_csv_has_a_column_for_every_stored_property(samples: GraphStore) -> None:
    export = GraphExport(samples.backend)
    for node_file in neo4j_csv.NODE_FILES:
        declared = {"id", *node_file.properties}
        for node in node_file.read(export):
            assert node.properties.keys() <= declared, node_file.name
    for rel_file in neo4j_csv.RELATIONSHIP_FILES:
        for edge in rel_file.read(export):
            assert edge.properties.keys() <= rel_file.properties.keys(), rel_file.name


_NODES = "id:ID(A),:LABEL,name,born:long,tags:string[]\na,A,Ann,1970,x;y\nb,A;B,Bob,,\n"
_RELS = ":START_ID(A),:END_ID(A),:TYPE,since:boolean\na,b,KNOWS,true\n"


@pytest.mark.parametrize(
    ("nodes", "relationships", "expected"),
    [
        (_NODES, _RELS, None),
        (_NODES.replace("id:ID(A),", "id:ID(A),x:ID(A),", 1), _RELS, "exactly one ID"),
        (_NODES.replace("born:long", "born:lng"), _RELS, "unknown field type"),
        (_NODES.replace("Ann,1970", "Ann"), _RELS, "fields, the header has"),
        (_NODES.replace("Ann,1970", "Ann,nineteen"), _RELS, "is not a long"),
        (_NODES.replace("b,A;B", "a,A;B"), _RELS, "not unique"),
        (_NODES, _RELS.replace("a,b,", "a,c,"), "is no node of A"),
        (_NODES, _RELS.replace("true", "True"), "is not true or false"),
        (_NODES, _RELS.replace(":START_ID(A)", ":START_ID"), "ID spaces"),
        (_NODES, _RELS.replace(",:TYPE", ",kind"), "one START_ID, END_ID and TYPE"),
        (_NODES.replace(":LABEL", ":LABEL[]"), _RELS, "only a property can be an array"),
    ],
)
def test_neo4j_import_check_refuses_what_the_tool_would(
    nodes: str, relationships: str, expected: str | None
) -> None:
    errors = check_import({"n.csv": nodes}, {"r.csv": relationships}).errors
    if expected is None:
        assert errors == []
    else:
        assert errors and expected in errors[0], errors


def test_export_readme_documents_the_csv_headers() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for spec in (*neo4j_csv.NODE_FILES, *neo4j_csv.RELATIONSHIP_FILES):
        assert f"| `{spec.name}` | `{','.join(spec.header())}`" in readme, spec.name


def _edges(store: GraphStore) -> set[tuple[Any, ...]]:
    """Every claim edge with its aggregates, as a comparable set."""
    return {
        (e.start, e.type, e.end, *sorted((k, str(v)) for k, v in e.properties.items()))
        for e in GraphExport(store.backend).edges()
    }


def _nodes(store: GraphStore, label: str) -> dict[str, dict[str, Any]]:
    """Nodes by id with their labels and properties (folded keys as a set: their order is
    the order articles happened to be written in)."""
    return {
        n.id: {**n.properties, "labels": n.labels, "keys": set(n.properties.get("keys", []))}
        for n in GraphExport(store.backend).nodes(label)
    }


def test_export_jsonl_ingested_into_an_empty_graph_is_the_same_graph(
    samples: GraphStore, store: GraphStore, extractor: Extractor, tmp_path: Path
) -> None:
    path = tmp_path / "graph.jsonl"
    path.write_text("".join(jsonl.lines(GraphExport(samples.backend))), encoding="utf-8")
    items = load([path], max_chars=1_000_000)
    assert len(items) == samples.counts().articles
    assert all(isinstance(item, GraphFragment) for item in items)
    report = ingest(items, store=store, extractor=extractor)
    assert report.ok and report.new == len(items)
    assert store.counts() == samples.counts()
    assert _edges(store) == _edges(samples)
    for label in (ENTITY, ARTICLE, EVIDENCE):
        assert _nodes(store, label) == _nodes(samples, label)
    assert "".join(jsonl.lines(GraphExport(store.backend))) == path.read_text(encoding="utf-8")
    again = ingest(load([path], max_chars=1_000_000), store=store, extractor=extractor)
    assert (again.new, again.changed, again.unchanged) == (0, 0, len(items))


def test_ingest_of_fragments_alone_never_loads_spacy(
    samples: GraphStore, store: GraphStore, tmp_path: Path
) -> None:
    path = tmp_path / "graph.jsonl"
    path.write_text("".join(jsonl.lines(GraphExport(samples.backend))), encoding="utf-8")
    no_pipeline = Extractor(model="no-such-spacy-model")  # loading it would raise
    report = ingest(load([path], max_chars=1_000_000), store=store, extractor=no_pipeline)
    assert report.ok and report.new == samples.counts().articles
