"""The whole graph, read in id-ordered pages for export: memory stays bounded by a page.

Nodes are read by keyset pages over the id index; relationships a page of their start
nodes at a time. Every record comes back in a stable order (ids, then types), so two
exports of the same graph are the same bytes. The pages are separate reads, not one
snapshot: an export taken while articles are written may see some of them only.
"""

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from graph import queries
from graph.backend import Backend, Row
from graph.records import EdgeRecord, NodeRecord, RelationSummary
from graph.store import name_keys
from loaders.fragment import ArticleInfo, Entity, Evidence, GraphFragment, Relation
from loaders.ontology import (
    ARTICLE,
    DAY,
    ENTITY,
    EVIDENCE,
    MENTIONS,
    PUBLISHED_BY,
    SOURCE,
    Label,
    Predicate,
)

PAGE = 500  # nodes per read (and the start nodes of one read of relationships)
ARTICLE_PAGE = 50  # articles per read: each carries its text
STRUCTURAL = (ENTITY, ARTICLE, SOURCE, EVIDENCE, DAY)
KNOWN_LABELS = frozenset({*STRUCTURAL, *Label})
PREDICATES = [p.value for p in Predicate]  # the relation types read: the ontology's only
LINKS = {MENTIONS: queries.EXPORT_MENTIONS, PUBLISHED_BY: queries.EXPORT_PUBLISHED_BY}
Progress = Callable[[int], None]  # called with how many graph elements were just read


class GraphExport:
    """Pages of nodes, relationships, relations and fragments, through one backend."""

    def __init__(
        self,
        backend: Backend,
        *,
        page: int = PAGE,
        article_page: int = ARTICLE_PAGE,
        on_progress: Progress | None = None,
    ) -> None:
        self.backend = backend
        self.page = page
        self.article_page = article_page
        self.on_progress = on_progress or (lambda _: None)

    def nodes(self, label: str) -> Iterator[NodeRecord]:
        """Every node of a structural label (Entity, Article, Source), by id."""
        size = self.article_page if label == ARTICLE else self.page
        for rows in self._keyset(queries.EXPORT_NODES[label], size):
            self.on_progress(len(rows))
            yield from (_node(row) for row in rows)

    def edges(self) -> Iterator[EdgeRecord]:
        """Every claim edge between entities, with its aggregates."""
        for ids in self._ids(ENTITY, self.page):
            rows = self._read(queries.EXPORT_EDGES, ids=ids, types=PREDICATES)
            self.on_progress(len(rows))
            yield from sorted((_edge(row) for row in rows), key=_edge_order)

    def relations(self) -> Iterator[RelationSummary]:
        """Every (subject, predicate, object) with its sentences, articles and outlets."""
        for ids in self._ids(ENTITY, self.page):
            rows = self._read(queries.EXPORT_RELATIONS, ids=ids, types=PREDICATES)
            self.on_progress(sum(row["sentences"] for row in rows))
            found = (RelationSummary(**{**row, "outlets": sorted(row["outlets"])}) for row in rows)
            yield from sorted(found, key=lambda r: (r.subject, r.predicate, r.object))

    def article_links(self, kind: str) -> Iterator[EdgeRecord]:
        """Every MENTIONS or PUBLISHED_BY link of the articles."""
        for ids in self._ids(ARTICLE, self.page):
            rows = self._read(LINKS[kind], ids=ids)
            self.on_progress(len(rows))
            yield from sorted((_edge({**row, "type": kind}) for row in rows), key=_edge_order)

    def fragments(self) -> Iterator[GraphFragment]:
        """One fragment per article: what writing it to an empty graph writes back."""
        for rows in self._keyset(queries.EXPORT_NODES[ARTICLE], self.article_page):
            ids = [row["id"] for row in rows]
            entities = _by_article(self._read(queries.EXPORT_ARTICLE_ENTITIES, ids=ids))
            edges = _by_article(self._read(queries.EXPORT_ARTICLE_EDGES, ids=ids, types=PREDICATES))
            self.on_progress(len(rows))
            for row in rows:
                yield _fragment(row["props"], entities[row["id"]], edges[row["id"]])

    def _keyset(self, query: str, size: int) -> Iterator[list[Row]]:
        """Pages of a query ordered by id that reads the rows after $after."""
        after = ""
        while True:
            rows = self._read(query, after=after, limit=size)
            if not rows:
                return
            yield rows
            if len(rows) < size:
                return
            after = rows[-1]["id"]

    def _ids(self, label: str, size: int) -> Iterator[list[str]]:
        for rows in self._keyset(queries.EXPORT_IDS[label], size):
            yield [row["id"] for row in rows]

    def _read(self, query: str, **params: Any) -> list[Row]:
        return self.backend.read(query, params)


def _node(row: Row) -> NodeRecord:
    """Labels known to the ontology only, the structural one first."""
    labels = sorted(
        (label for label in row["labels"] if label in KNOWN_LABELS),
        key=lambda label: (label not in STRUCTURAL, label),
    )
    return NodeRecord(id=row["id"], labels=labels, properties=row["props"])


CLAIM_FIELDS = frozenset({"claim", "subject", "predicate", "object", "stamp"})
"""What an Evidence node holds for finding it, not what its sentence says: never exported."""


def _edge(row: Row) -> EdgeRecord:
    return EdgeRecord(start=row["start"], type=row["type"], end=row["end"], properties=row["props"])


def _edge_order(edge: EdgeRecord) -> tuple[str, str, str, str]:
    return edge.start, edge.type, edge.end, str(edge.properties.get("id", ""))


def _by_article(rows: list[Row]) -> defaultdict[str, list[Row]]:
    grouped: defaultdict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row["article"]].append(row)
    return grouped


def _fragment(article: dict[str, Any], entities: list[Row], edges: list[Row]) -> GraphFragment:
    """An article's fragment from its node, the entities it mentions and its edges."""
    return GraphFragment(
        article=ArticleInfo.model_validate(article),
        entities=sorted((_entity(row) for row in entities), key=lambda e: e.id),
        relations=_relations(edges),
    )


def _entity(row: Row) -> Entity:
    """An entity as an article mentions it; the keys an earlier article's other name left
    (not among its name's and aliases') travel with it."""
    aliases = row["aliases"] or []
    extra = sorted(set(row["keys"] or []) - name_keys(row["name"], aliases))
    return Entity(
        id=row["id"],
        name=row["name"],
        label=Label(row["label"]),
        aliases=aliases,
        wikidata=row["wikidata"],
        mentions=row["mentions"] if row["mentions"] is not None else 1,
        keys=extra or None,
    )


def _relations(edges: list[Row]) -> list[Relation]:
    """Edges grouped back into relations (one per subject, predicate, object and title)."""
    grouped: defaultdict[tuple[str, str, str, str], list[Evidence]] = defaultdict(list)
    for edge in edges:
        key = (edge["subject"], edge["predicate"], edge["object"], edge["props"].get("title", ""))
        props = {k: v for k, v in edge["props"].items() if k not in CLAIM_FIELDS}
        grouped[key].append(Evidence.model_validate(props))
    return [
        Relation(
            subject=subject,
            predicate=Predicate(predicate),
            object=obj,
            title=title or None,
            evidence=sorted(evidence, key=lambda e: (e.start, e.end, e.sentence)),
        )
        for (subject, predicate, obj, title), evidence in sorted(grouped.items())
    ]
