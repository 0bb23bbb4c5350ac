"""The analyst's reads: stances, relations, neighbourhoods, paths, topics, timelines.

Rows come back one per asserting sentence (one edge each); they are grouped here
into relations carrying their evidence. Every read is awaited: the API serves
concurrent requests from one event loop while the engine works.
"""

import asyncio
import time
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from typing import Any, Literal

from graph import queries
from graph.backend import Backend, Row
from graph.names import NameIndex, Resolution
from graph.records import (
    EntityRef,
    GraphEdge,
    GraphNode,
    PathRecord,
    RelationRecord,
    StanceActor,
    TimelineEntry,
    TopicRef,
    TopicSummary,
)
from graph.sentences import (
    RelationKey,
    directions,
    evidence,
    merge_directions,
    relation_key,
    sentence_totals,
    speaker_ids,
)
from graph.topic_index import TopicIndex
from loaders.frames import names_resolver
from loaders.kb import actor_names
from loaders.ontology import OPPOSE_ROLLUP, SUPPORT_ROLLUP, SYMMETRIC, Label, Predicate
from loaders.text import fold, slugify

MAX_RELATIONS = 500  # relations returned by one request
NAME_CACHE_S = 5.0  # how stale the names requests are resolved against may be
Stance = Literal["support", "oppose"]


class Analysis:
    """Read-only questions over the graph, through one backend."""

    def __init__(self, backend: Backend, *, evidence_limit: int = 20) -> None:
        self.backend = backend
        self.evidence_limit = evidence_limit  # sentences returned per relation, newest first
        self._names: _Names | None = None  # what requests are resolved against
        self._reading_names: asyncio.Future[_Names] | None = None  # the one read under way

    async def _read(self, query: str, **params: Any) -> list[Row]:
        return await self.backend.read_async(query, params)  # the backend's read deadline

    async def close(self) -> None:
        """Drop this event loop's connections (the app's lifespan ends)."""
        await self.backend.close_async()

    # -- naming things ------------------------------------------------------------------

    def invalidate(self) -> None:
        """Forget the cached names (after a write through this process)."""
        self._names = None
        self._reading_names = None

    async def _cached(self) -> "_Names":
        """Every entity's names, indexed by id and by folded key, and the topics' names;
        read again after NAME_CACHE_S seconds."""
        cached = self._names
        if cached is not None and time.monotonic() - cached.read_at <= NAME_CACHE_S:
            return cached
        reading = self._reading_names
        if reading is None or reading.done():  # concurrent requests share one read
            reading = self._reading_names = asyncio.ensure_future(self._read_names())
        names = await asyncio.shield(reading)
        if reading is self._reading_names:  # no write invalidated it meanwhile
            self._names = names
        return names

    async def _read_names(self) -> "_Names":
        rows = await self._read(queries.KNOWN_ENTITIES)
        return await asyncio.to_thread(_Names.of, rows)  # indexing a large graph takes a while

    async def resolve(self, name: str, *, topics: bool = False) -> Resolution:
        """The entities a request names (graph/names.py: id, name, alias or surname,
        romanised), else, when asked, the topics its words name; else close names.

        Names come from the cache; only text shaped like an id that the cache does not
        know costs a read (an entity written by another process in the last seconds).
        """
        names = await self._cached()
        found = names.entities.resolve(name)
        if found.entities:
            return found
        if name == slugify(name) and (rows := await self._read(queries.NODES, ids=[name])):
            return Resolution([_ref(rows[0])], "id")
        if topics:
            rows = names.topic_keys.get(fold(name), [])
            refs = [_ref(r) for r in rows] or [_topic_ref(t) for t in names.topics.find(name)]
            if refs:
                return Resolution(refs, "topic")
        return found

    async def find_entities(self, name: str) -> list[EntityRef]:
        """Entities a request names (several when the name is ambiguous)."""
        return (await self.resolve(name)).entities

    async def find_topics(self, text: str) -> list[TopicRef]:
        """Topics a question names in any words (graph/topic_index.py), best first, each
        with why it matched and a score."""
        return (await self._cached()).topics.find(text)

    # -- stances and relations ----------------------------------------------------------

    async def stances(
        self,
        targets: list[str],
        stance: Stance,
        *,
        since: str | None = None,
        until: str | None = None,
        source: str | None = None,
    ) -> list[StanceActor]:
        """Actors supporting (or opposing) any of the targets, each once, with evidence."""
        query = queries.SUPPORTERS if stance == "support" else queries.OPPONENTS
        params = {"since": since, "until": until, "source": source}
        rows = await self._read(query, targets=targets, evidence=self.evidence_limit, **params)
        speakers = await self._speaker_names(e for row in rows for e in row["evidence"])
        return [
            StanceActor(
                **_ref(row, "a").model_dump(),
                predicates=sorted(row["predicates"]),
                evidence=evidence(row["evidence"], speakers),
                sentences=row["sentences"],
                outlets=row["outlets"],
            )
            for row in rows
        ]

    async def relations(
        self,
        *,
        subjects: list[str] | None,
        objects: list[str] | None,
        predicates: Iterable[Predicate],
        since: str | None = None,
        until: str | None = None,
    ) -> list[RelationRecord]:
        """Relations between the given ends (None: any); symmetric ones match either way."""
        types = sorted(p.value for p in predicates)
        dates = {"since": since, "until": until}
        rows = await self._relation_rows(subjects, objects, types, dates)
        symmetric = sorted(p.value for p in SYMMETRIC if p.value in types)
        if symmetric and (subjects is not None or objects is not None):
            reverse = await self._relation_rows(objects, subjects, symmetric, dates)
            rows += [_swapped(row) for row in reverse]
        rows = merge_directions(rows, evidence_limit=self.evidence_limit)
        speakers = await self._speaker_names(e for row in rows for e in row["evidence"])
        return [
            RelationRecord(
                subject=_ref(row, "s"),
                predicate=row["predicate"],
                object=_ref(row, "o"),
                title=row["title"],
                evidence=evidence(row["evidence"], speakers),
                sentences=row["sentences"],
            )
            for row in rows
        ]

    async def _relation_rows(
        self,
        subjects: list[str] | None,
        objects: list[str] | None,
        types: list[str],
        dates: dict[str, str | None],
    ) -> list[Row]:
        """Aggregated relation rows, the query anchored on whichever ends are given."""
        anchor = "subject" if subjects is not None else "object" if objects is not None else "any"
        return await self._read(
            queries.RELATIONS[anchor],
            subjects=subjects,
            objects=objects,
            types=types,
            evidence=self.evidence_limit,
            limit=MAX_RELATIONS,
            **dates,
        )

    async def _speaker_names(self, items: Iterable[Row]) -> dict[str, str]:
        """Names of the speakers of these evidence rows, from the cached entity names."""
        ids = speaker_ids(items)
        by_id = (await self._cached()).by_id if ids else {}
        return {i: by_id[i]["name"] for i in ids if i in by_id}

    async def _sentences(self, keys: Iterable[RelationKey]) -> dict[RelationKey, int]:
        """How many sentences assert each relation, all of them (as /relations counts)."""
        rows = await self._read(queries.RELATION_SENTENCES, relations=directions(keys))
        return sentence_totals(rows)

    # -- drawing ------------------------------------------------------------------------

    async def entity(self, entity_id: str) -> EntityRef | None:
        """One entity by id, or None."""
        rows = await self._read(queries.NODES, ids=[entity_id])
        return _ref(rows[0]) if rows else None

    async def neighbourhood(
        self, entity_id: str, *, depth: int, limit: int
    ) -> tuple[list[GraphNode], list[GraphEdge]]:
        """Nodes and edges within depth hops of an entity, at most limit edges."""
        rows = await self._read(queries.NEIGHBOURHOOD[depth], id=entity_id, paths=limit * 20)
        found = _relations((r["subject"], r["predicate"], r["object"]) for r in rows)
        keys = dict(list(found.items())[:limit])
        edges = _edges(keys, await self._sentences(keys))
        ids = {entity_id} | {e.source for e in edges} | {e.target for e in edges}
        return await self._nodes(ids), edges

    async def paths(
        self, source: str, target: str, *, max_hops: int, limit: int = 10
    ) -> list[PathRecord]:
        """Shortest connections between two entities over relation edges."""
        rows = await self._read(
            queries.PATHS[max_hops], source=source, target=target, limit=limit * 20
        )
        unique: dict[tuple[str, ...], dict[RelationKey, tuple[str, str, str]]] = {}
        for row in rows:  # a path of nodes, with every relation joining them on the way
            found = unique.setdefault(tuple(row["nodes"]), {})
            for key, edge in _relations(tuple(edge) for edge in row["edges"]).items():
                found.setdefault(key, edge)
        kept = list(unique.items())[:limit]
        counts = await self._sentences(key for _, found in kept for key in found)
        nodes = {n.id: n for n in await self._nodes({i for path, _ in kept for i in path})}
        return [
            PathRecord(nodes=[nodes[i] for i in path if i in nodes], edges=_edges(found, counts))
            for path, found in kept
        ]

    async def _nodes(self, ids: set[str]) -> list[GraphNode]:
        rows = await self._read(queries.NODES, ids=sorted(ids))
        return sorted((GraphNode(**_clean(r)) for r in rows), key=lambda n: n.id)

    # -- topics and timelines -----------------------------------------------------------

    async def topics(self, *, limit: int, offset: int) -> tuple[list[TopicSummary], int]:
        """Topics with supporter and opponent counts, most discussed first, and the total."""
        rows = await self._read(
            queries.TOPICS,
            support=[p.value for p in SUPPORT_ROLLUP],
            oppose=[p.value for p in OPPOSE_ROLLUP],
            limit=limit,
            offset=offset,
        )
        total = (await self._read(queries.COUNT_TOPICS))[0]["total"]
        return [TopicSummary(**_clean(r)) for r in rows], total

    async def matching_topics(
        self, text: str, *, limit: int, offset: int
    ) -> tuple[list[TopicSummary], int]:
        """Topics a phrase names, ranked as find_topics ranks them (else those whose name
        contains it, for type-ahead), with supporter and opponent counts, and the total."""
        names = await self._cached()
        found = names.topics.find(text) or names.topics.containing(text)
        page = found[offset : offset + limit]
        rows = await self._read(
            queries.TOPICS_AMONG,
            ids=[t.id for t in page],
            support=[p.value for p in SUPPORT_ROLLUP],
            oppose=[p.value for p in OPPOSE_ROLLUP],
        )
        counts = {r["id"]: r for r in rows}
        return [
            TopicSummary(
                **t.model_dump(),
                supporters=counts[t.id]["supporters"],
                opponents=counts[t.id]["opponents"],
            )
            for t in page
            if t.id in counts
        ], len(found)

    async def timeline(self, entity_id: str) -> list[TimelineEntry]:
        """An entity's stances by date; an entry whose stance on a target flipped says so."""
        types = [p.value for p in (*SUPPORT_ROLLUP, *OPPOSE_ROLLUP, Predicate.CRITICIZES)]
        rows = await self._read(queries.TIMELINE, id=entity_id, types=types)
        rows.sort(key=lambda r: (r["published"] is None, r["published"] or "", r["t_id"]))
        speakers = await self._speaker_names(row["evidence"] for row in rows)
        entries, last_stance = [], {}
        key = lambda r: (r["published"], r["t_id"], r["predicate"])  # noqa: E731
        for (published, target, predicate), group in groupby(rows, key=key):
            items = list(group)
            stance = _stance_class(predicate)
            changed = target in last_stance and last_stance[target] != stance
            last_stance[target] = stance
            said = evidence((item["evidence"] for item in items), speakers)
            entries.append(
                TimelineEntry(
                    published=published,
                    predicate=predicate,
                    stance=stance,
                    target=_ref(items[0], "t"),
                    evidence=said,
                    sentences=len(said),
                    changed=changed,
                )
            )
        return entries


@dataclass(frozen=True)
class _Names:
    """Every entity row by id, the entities' names (graph/names.py), the topics by folded
    key and their index, as read at read_at."""

    read_at: float
    by_id: dict[str, Row]
    entities: NameIndex
    topic_keys: dict[str, list[Row]]
    topics: TopicIndex

    @classmethod
    def of(cls, rows: list[Row]) -> "_Names":
        by_key: dict[str, list[Row]] = {}
        for row in rows:
            for key in dict.fromkeys(row["keys"] or []):
                by_key.setdefault(key, []).append(row)
        topic_rows = [row for row in rows if row["label"] == Label.TOPIC.value]
        topics = TopicIndex(topic_rows, names_resolver(_entity_names(by_key)))
        topic_keys = {
            key: found
            for key, with_key in by_key.items()
            if (found := [r for r in with_key if r["label"] == Label.TOPIC.value])
        }
        entities = NameIndex(rows, actor_names())
        return cls(time.monotonic(), entities.by_id, entities, topic_keys, topics)


def _entity_names(by_key: dict[str, list[Row]]) -> dict[str, str]:
    """Folded name -> the entity (not a topic) it names in the graph: what the arguments of
    a topic's frame resolve to (the knowledge base after it)."""
    names = {}
    for key, rows in by_key.items():
        entity = next((r["id"] for r in rows if r["label"] != Label.TOPIC.value), None)
        if entity:
            names[key] = entity
    return names


def _clean(row: Row) -> Row:
    return {k: v for k, v in row.items() if v is not None}


def _topic_ref(topic: TopicRef) -> EntityRef:
    return EntityRef(id=topic.id, name=topic.name, label=Label.TOPIC.value, aliases=topic.aliases)


def _ref(row: Row, prefix: str = "") -> EntityRef:
    """An EntityRef from columns id/name/label/aliases, or prefix_id/prefix_name/..."""
    get = (lambda k: row.get(f"{prefix}_{k}")) if prefix else row.get
    return EntityRef(
        id=get("id"), name=get("name"), label=get("label") or "", aliases=get("aliases") or []
    )


def _swapped(row: Row) -> Row:
    """A symmetric relation's row with subject and object exchanged."""
    swapped = dict(row)
    for field in ("id", "name", "label", "aliases"):
        swapped[f"s_{field}"], swapped[f"o_{field}"] = row[f"o_{field}"], row[f"s_{field}"]
    return swapped


def _relations(edges: Iterable[tuple[str, str, str]]) -> dict[RelationKey, tuple[str, str, str]]:
    """The relations these (subject, predicate, object) edges assert, each once, drawn the
    way round it was first met."""
    found: dict[RelationKey, tuple[str, str, str]] = {}
    for edge in edges:
        found.setdefault(relation_key(*edge), edge)
    return found


def _edges(
    found: dict[RelationKey, tuple[str, str, str]], counts: dict[RelationKey, int]
) -> list[GraphEdge]:
    """Relations drawn as edges, each with the sentences asserting it in all."""
    return [
        GraphEdge(source=s, type=p, target=o, count=counts.get(key, 0))
        for key, (s, p, o) in found.items()
    ]


def _stance_class(predicate: str) -> Literal["support", "oppose", "other"]:
    if predicate in {p.value for p in SUPPORT_ROLLUP}:
        return "support"
    if predicate in {p.value for p in OPPOSE_ROLLUP}:
        return "oppose"
    return "other"
