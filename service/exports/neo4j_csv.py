"""CSV files in the layout `neo4j-admin database import full` reads: the whole graph.

Entities, articles, sources, evidence (one node per asserting sentence) and the claims' days
are node files,
each with its own ID space (an outlet and an entity may share an id); claim edges (one per
relation, with its aggregates), MENTIONS and PUBLISHED_BY are relationship files. Headers
follow the import tool's grammar (`name:type`, `id:ID(group)`, `:LABEL`, `:START_ID(group)`,
`:END_ID(group)`, `:TYPE`); arrays and labels are joined by `;`, the tool's default array
delimiter (a `;` inside an item becomes `,`: the tool has no escape for it); an absent value
is an empty field, which the tool leaves unset (so is an empty array: the tool imports
none); fields are quoted as RFC 4180 says, and an article's text spans lines
(`--multiline-fields=true`).
"""

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from types import NoneType, UnionType
from typing import Any, get_args

from pydantic import BaseModel

from graph.export import GraphExport
from graph.records import EdgeRecord, NodeRecord
from loaders.fragment import ArticleInfo, Evidence
from loaders.ontology import ARTICLE, DAY, ENTITY, EVIDENCE, MENTIONS, PUBLISHED_BY, SOURCE

ARRAY_DELIMITER = ";"
CHUNK = 1 << 16  # characters gathered before a piece of a file is handed on
_SCALARS = {bool: "boolean", int: "long", float: "double", str: "string"}


def property_types(model: type[BaseModel], *, skip: Iterable[str] = ()) -> dict[str, str]:
    """The import type of each field a model writes as a property (str | None: string)."""
    return {
        name: _SCALARS[_bare(info.annotation)]
        for name, info in model.model_fields.items()
        if name not in set(skip)
    }


def _bare(annotation: Any) -> Any:
    """The type inside an optional one."""
    if isinstance(annotation, UnionType):
        return next(arg for arg in get_args(annotation) if arg is not NoneType)
    return annotation


@dataclass(frozen=True)
class NodeFile:
    """A node file: one ID space (named as the label), its labels and typed properties."""

    name: str
    group: str
    properties: dict[str, str]
    read: Callable[[GraphExport], Iterable[NodeRecord]]

    def header(self) -> list[str]:
        """`id:ID(group)`, `:LABEL`, then `name:type` per property."""
        return [f"id:ID({self.group})", ":LABEL", *_typed(self.properties)]

    def rows(self, export: GraphExport) -> Iterator[list[str | None]]:
        """Each node's fields in header order."""
        for node in self.read(export):
            labels = ARRAY_DELIMITER.join(node.labels)
            yield [node.id, labels, *_values(node.properties, self.properties)]


@dataclass(frozen=True)
class RelationshipFile:
    """A relationship file: the ID spaces of its ends, and its typed properties."""

    name: str
    start: str
    end: str
    read: Callable[[GraphExport], Iterable[EdgeRecord]]
    properties: dict[str, str] = field(default_factory=dict)

    def header(self) -> list[str]:
        """`:START_ID(group)`, `:END_ID(group)`, `:TYPE`, then `name:type` per property."""
        ends = [f":START_ID({self.start})", f":END_ID({self.end})"]
        return [*ends, ":TYPE", *_typed(self.properties)]

    def rows(self, export: GraphExport) -> Iterator[list[str | None]]:
        """Each relationship's fields in header order."""
        for edge in self.read(export):
            yield [edge.start, edge.end, edge.type, *_values(edge.properties, self.properties)]


ENTITY_PROPERTIES = {"name": "string", "aliases": "string[]", "keys": "string[]",
                     "wikidata": "string"}  # fmt: skip
# An Evidence node: the Evidence model's fields, the title of a held role, and how it is
# found: its claim's key and ends, its stamp (date|id), whether it repeats a stance.
EVIDENCE_PROPERTIES = {
    **property_types(Evidence), "title": "string", "claim": "string", "subject": "string",
    "predicate": "string", "object": "string", "stamp": "string", "repeats": "boolean",
}  # fmt: skip
# A claim edge: its key and the aggregates the writes keep (graph/queries.py).
CLAIM_PROPERTIES = {
    "id": "string", "sentences": "long", "articles": "long", "outlets": "string[]",
    "first": "string", "last": "string", "negated": "long", "repeats": "long",
    "rules": "string[]", "newest": "string[]", "title": "string",
}  # fmt: skip
# A claim's day: its sentences of one date and outlet, counted (graph/queries.py).
DAY_PROPERTIES = {
    "claim": "string", "published": "string", "source": "string", "sentences": "long",
    "repeats": "long", "newest": "string[]", "title": "string",
}  # fmt: skip
NODE_FILES = (
    NodeFile("entities.csv", ENTITY, ENTITY_PROPERTIES, lambda x: x.nodes(ENTITY)),
    NodeFile("articles.csv", ARTICLE, property_types(ArticleInfo, skip=["id"]),
             lambda x: x.nodes(ARTICLE)),
    NodeFile("sources.csv", SOURCE, {"name": "string"}, lambda x: x.nodes(SOURCE)),
    NodeFile("evidence.csv", EVIDENCE, EVIDENCE_PROPERTIES, lambda x: x.nodes(EVIDENCE)),
    NodeFile("claim_days.csv", DAY, DAY_PROPERTIES, lambda x: x.nodes(DAY)),
)  # fmt: skip
RELATIONSHIP_FILES = (
    RelationshipFile("relations.csv", ENTITY, ENTITY, lambda x: x.edges(), CLAIM_PROPERTIES),
    RelationshipFile("mentions.csv", ARTICLE, ENTITY, lambda x: x.article_links(MENTIONS),
                     {"count": "long"}),
    RelationshipFile("published_by.csv", ARTICLE, SOURCE,
                     lambda x: x.article_links(PUBLISHED_BY)),
)  # fmt: skip


def files(export: GraphExport) -> Iterator[tuple[str, Iterator[str]]]:
    """Each file's name and its text in pieces; a file is read from the graph as it is
    consumed, so the next one starts only when the one before is done."""
    for spec in (*NODE_FILES, *RELATIONSHIP_FILES):
        yield spec.name, _text(spec.header(), spec.rows(export))


def _text(header: list[str], rows: Iterable[list[str | None]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
        if buffer.tell() >= CHUNK:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _typed(properties: dict[str, str]) -> list[str]:
    return [f"{name}:{kind}" for name, kind in properties.items()]


def _values(stored: dict[str, Any], properties: dict[str, str]) -> list[str | None]:
    return [_value(stored.get(name), kind) for name, kind in properties.items()]


def _value(value: Any, kind: str) -> str | None:
    """A property as the import tool parses its type (None: an empty field, left unset)."""
    if value is None:
        return None
    if kind.endswith("[]"):
        items = [_value(v, kind[:-2]) for v in value]
        joined = [i.replace(ARRAY_DELIMITER, ",") for i in items if i]
        return ARRAY_DELIMITER.join(joined) or None
    if kind == "boolean":
        return "true" if value else "false"  # the tool reads exactly `true` as true
    if kind == "long":
        return str(int(value))
    if kind == "double":
        return repr(float(value))
    return str(value)
