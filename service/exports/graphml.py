"""GraphML of the entity graph, for Gephi and yEd: entities as nodes, relations as edges.

One edge per (subject, predicate, object), carrying how many sentences assert it; node
`label` is the entity's name, as Gephi takes a `label` attribute for the node's label (and
`weight` for an edge's), and `kind` is newsgraph's label (Person, Country, ...).
"""

import re
from collections.abc import Iterator
from xml.sax.saxutils import escape, quoteattr

from graph.export import STRUCTURAL, GraphExport
from graph.records import NodeRecord, RelationSummary
from loaders.ontology import ENTITY

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
NODE_KEYS = {"label": "string", "kind": "string", "aliases": "string", "wikidata": "string"}
EDGE_KEYS = {
    "predicate": "string",
    "sentences": "int",
    "weight": "double",
    "articles": "int",
    "outlets": "string",
    "title": "string",
}
LIST_SEPARATOR = "; "  # aliases and outlets: GraphML has no list type
# What XML 1.0 cannot carry at all, even escaped: dropped from values.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def document(export: GraphExport) -> Iterator[str]:
    """The GraphML document, in pieces: the keys, every entity, then every relation."""
    yield _head()
    for node in export.nodes(ENTITY):
        yield _node(node)
    for number, relation in enumerate(export.relations()):
        yield _edge(number, relation)
    yield "  </graph>\n</graphml>\n"


def _head() -> str:
    keys = [_key(name, "node", kind) for name, kind in NODE_KEYS.items()]
    keys += [_key(name, "edge", kind) for name, kind in EDGE_KEYS.items()]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<graphml xmlns="{NAMESPACE}" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{NAMESPACE} {NAMESPACE}/1.0/graphml.xsd">\n'
        + "".join(keys)
        + '  <graph id="newsgraph" edgedefault="directed">\n'
    )


def _key(name: str, domain: str, kind: str) -> str:
    return f'  <key id="{name}" for="{domain}" attr.name="{name}" attr.type="{kind}"/>\n'


def _node(node: NodeRecord) -> str:
    props = node.properties
    values = {
        "label": props.get("name"),
        "kind": next((label for label in node.labels if label not in STRUCTURAL), None),
        "aliases": LIST_SEPARATOR.join(props.get("aliases") or []),
        "wikidata": props.get("wikidata"),
    }
    return f"    <node id={_attr(node.id)}>{_data(values)}</node>\n"


def _edge(number: int, relation: RelationSummary) -> str:
    values = {
        "predicate": relation.predicate,
        "sentences": relation.sentences,
        "weight": float(relation.sentences),
        "articles": relation.articles,
        "outlets": LIST_SEPARATOR.join(relation.outlets),
        "title": relation.title,
    }
    ends = f"source={_attr(relation.subject)} target={_attr(relation.object)}"
    return f'    <edge id="e{number}" {ends}>{_data(values)}</edge>\n'


def _data(values: dict[str, object]) -> str:
    """A <data> element per value; missing and empty values are left out."""
    return "".join(
        f'<data key="{key}">{escape(_xml(str(value)))}</data>'
        for key, value in values.items()
        if value is not None and value != ""
    )


def _attr(value: str) -> str:
    return quoteattr(_xml(value))


def _xml(text: str) -> str:
    return _NOT_XML.sub("", text)
