"""The analyst's reads: stances, relations, neighbourhoods, paths, topics, timelines.

Rows come back one per claim (one edge per relation, its aggregates kept at write), or
added up from the claims' days (a timeline, an answer narrowed to dates or an outlet, whose
rows carry the page of newest sentences their own statement read by id); the page of the
others is read by id after. Each is shown here with a cursor to the next page. Every read
is awaited: the API serves concurrent requests from one event loop while the engine works.
"""

import asyncio
import gc
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from graph import queries
from graph.backend import Backend, Row
from graph.names import NameIndex, Resolution
from graph.records import (
    EntityRef,
    EvidencePublic,
    GraphCounts,
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
    EvidenceCursor,
    RelationKey,
    evidence,
    newest_ids,
    relation_key,
    speaker_ids,
    stamp_id,
    unique_claims,
)
from graph.store import graph_counts, stats_counts
from graph.topic_index import TopicIndex
from loaders.frames import names_resolver
from loaders.kb import actor_names
from loaders.ontology import OPPOSE_ROLLUP, SUPPORT_ROLLUP, SYMMETRIC, Label, Predicate
from loaders.text import fold, slugify

MAX_RELATIONS = 500  # relations returned by one request
PATH_TIMEOUT_S = 2.0  # a path search's deadline, cancelled in the engine past it
NAME_CACHE_S = 5.0  # how stale the names requests are resolved against may be
FOUND_CACHE = 1024  # questions whose topics are kept with the names they were read against
Stance = Literal["support", "oppose"]


class Analysis:
    """Read-only questions over the graph, through one backend."""

    def __init__(
        self,
        backend: Backend,
        *,
        evidence_limit: int = 20,
        path_timeout_s: float = PATH_TIMEOUT_S,
    ) -> None:
        self.backend = backend
        self.evidence_limit = evidence_limit  # sentences returned per relation, newest first
        self.path_timeout_s = path_timeout_s
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
        after NAME_CACHE_S seconds, read again if the graph's generation changed."""
        cached = self._names
        if cached is not None and time.monotonic() - cached.read_at <= NAME_CACHE_S:
            return cached
        reading = self._reading_names
        if reading is None or reading.done():  # concurrent requests share one read
            reading = self._reading_names = asyncio.ensure_future(self._read_names(cached))
        names = await asyncio.shield(reading)
        if reading is self._reading_names:  # no write invalidated it meanwhile
            self._names = names
        return names

    async def _read_names(self, cached: "_Names | None") -> "_Names":
        """The names of the graph's generation now: the cached ones if they are of it (one
        small read), else read and indexed again (a large graph's take a while)."""
        rows = await self._read(queries.GENERATION)
        generation = rows[0]["generation"] if rows else None
        if cached is not None and cached.generation == generation:
            return replace(cached, read_at=time.monotonic())
        rows = await self._read(queries.KNOWN_ENTITIES)
        backed = await self._read(queries.TOPIC_BACKERS)
        backers = {r["topic"]: frozenset(r["backers"]) for r in backed}
        names = await asyncio.to_thread(_Names.of, rows, generation, backers)
        settle_heap()  # the index is kept until the next generation
        return names

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
        with why it matched and a score; read once per text while the names stand."""
        names = await self._cached()
        found = names.found.get(text)
        if found is None:
            found = names.topics.find(text)
            if len(names.found) < FOUND_CACHE:
                names.found[text] = found
        return found

    async def counts(self, *, timeout: float | None = None) -> GraphCounts:
        """Sizes of the graph, as GraphStore.counts reads them (constant time), awaited."""
        if self.backend.kind == "falkordb":
            rows = await self.backend.read_async(queries.FALKORDB_STATS, {}, timeout=timeout)
            return stats_counts(rows[0])
        counted = {}
        for name, query in queries.COUNTS.items():
            rows = await self.backend.read_async(query, {}, timeout=timeout)
            counted[name] = rows[0]["n"]
        return graph_counts(counted)

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
        """Actors supporting (or opposing) any of the targets, each once, with the newest
        page of their evidence: read from the claims, counted over sentences only when
        dates or an outlet narrow it."""
        filters = {"since": since, "until": until, "source": source}
        dated = any(value is not None for value in filters.values())
        query = (queries.SUPPORTERS if stance == "support" else queries.OPPONENTS)[dated]
        rows = await self._read(query, targets=targets, evidence=self.evidence_limit, **filters)
        actors: dict[str, list[Row]] = {}
        for row in rows:
            actors.setdefault(row["a_id"], []).append(row)
        groups = [_Group(c, _sentences(c), filters) for c in actors.values()]
        pages = await self._pages(groups)
        found = [
            StanceActor(
                **_ref(claims[0], "a").model_dump(),
                predicates=sorted({row["predicate"] for row in claims}),
                evidence=page,
                evidence_next=cursor,
                sentences=sum(row["distinct"] for row in claims),
                outlets=len({o for row in claims for o in row["outlets"] or []}),
            )
            for claims, (page, cursor) in zip(actors.values(), pages, strict=True)
        ]
        return sorted(found, key=lambda actor: (-actor.sentences, actor.name))

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
        symmetric = sorted(p.value for p in SYMMETRIC if p.value in types)
        rows = await self._relation_rows(subjects, objects, types, symmetric, dates)
        rows = unique_claims(rows)
        filters = {**dates, "source": None}
        pages = await self._pages([_Group([row], row["sentences"], filters) for row in rows])
        return [
            RelationRecord(
                subject=_ref(row, "s"),
                predicate=row["predicate"],
                object=_ref(row, "o"),
                title=row["title"],
                evidence=page,
                evidence_next=cursor,
                sentences=row["sentences"],
            )
            for row, (page, cursor) in zip(rows, pages, strict=True)
        ]

    async def _relation_rows(
        self,
        subjects: list[str] | None,
        objects: list[str] | None,
        types: list[str],
        symmetric: list[str],
        dates: dict[str, str | None],
    ) -> list[Row]:
        """Claim rows, the query anchored on whichever ends are given; the symmetric types'
        claims found the other way round too, in the same statement."""
        forward, dated = _anchor(subjects, objects), any(v is not None for v in dates.values())
        query = queries.RELATIONS[(forward, dated)]
        if symmetric and forward != "any":
            query = queries.RELATIONS_BOTH_WAYS[(forward, _anchor(objects, subjects), dated)]
        rows = await self._read(
            query,
            subjects=subjects,
            objects=objects,
            types=types,
            symmetric=symmetric,
            evidence=self.evidence_limit,
            limit=MAX_RELATIONS,
            source=None,
            **dates,
        )
        return [_swapped(row) if row["reversed"] else row for row in rows]

    async def _pages(self, groups: list["_Group"]) -> list[tuple[list[EvidencePublic], str | None]]:
        """The newest page of each group of claim rows' sentences and a cursor to the next
        page where there are more: the sentences the rows' own statement read (`shown`),
        the others read by id (one read for them all)."""
        wanted = [newest_ids((s for r in g.rows for s in r["newest"] or []), self.evidence_limit)
                  for g in groups]  # fmt: skip
        by_id = {e["stamp"]: e for g in groups for r in g.rows for e in r.get("shown") or []}
        missing = sorted({stamp_id(s) for page in wanted for s in page if s not in by_id})
        if missing:
            rows = await self._read(queries.EVIDENCE_BY_ID, ids=missing)
            by_id |= {row["evidence"]["stamp"]: row["evidence"] for row in rows}
        speakers = await self._speaker_names(by_id.values())
        pages = []
        for group, stamps in zip(groups, wanted, strict=True):
            shown = evidence((by_id[s] for s in stamps if s in by_id), speakers)
            more = group.sentences > len(shown) and stamps
            claims = sorted({row["claim"] for row in group.rows})
            cursor = EvidenceCursor(claims, stamps[-1], **group.filters) if more else None
            pages.append((shown, cursor.encode() if cursor else None))
        return pages

    async def evidence_page(
        self, cursor: EvidenceCursor, *, limit: int
    ) -> tuple[list[EvidencePublic], str | None]:
        """The page of sentences a cursor points at, newest first, and the next cursor."""
        rows = await self._read(
            queries.EVIDENCE_PAGE,
            claims=cursor.claims,
            before=cursor.before,
            since=cursor.since,
            until=cursor.until,
            source=cursor.source,
            limit=limit,
        )
        items = [row["evidence"] for row in rows]
        shown = evidence(items, await self._speaker_names(items))
        more = len(items) == limit
        after = replace(cursor, before=items[-1]["stamp"]).encode() if more else None
        return shown, after

    async def _speaker_names(self, items: Iterable[Row]) -> dict[str, str]:
        """Names of the speakers of these evidence rows, from the cached entity names."""
        ids = speaker_ids(items)
        by_id = (await self._cached()).by_id if ids else {}
        return {i: by_id[i]["name"] for i in ids if i in by_id}

    # -- drawing ------------------------------------------------------------------------

    async def entity(self, entity_id: str) -> EntityRef | None:
        """One entity by id, or None."""
        rows = await self._read(queries.NODES, ids=[entity_id])
        return _ref(rows[0]) if rows else None

    async def neighbourhood(
        self, entity_id: str, *, depth: int, limit: int, offset: int = 0
    ) -> tuple[list[GraphNode], list[GraphEdge], int | None]:
        """Nodes and edges within depth hops of an entity, one page of limit edges from
        offset (nearest first, then the most asserted), and the offset of the next page
        (None: this is the last). Read hop by hop over claim edges, only as far and as
        many as the page needs."""
        found: dict[RelationKey, GraphEdge] = {}
        seen, frontier = {entity_id}, [entity_id]
        for _ in range(depth):
            if not frontier or len(found) > offset + limit:
                break
            budget = offset + limit + 1 + len(found)  # rows found before may come again
            rows = await self._read(queries.NEIGHBOURS, ids=frontier, limit=budget)
            for row in rows:
                key = relation_key(row["subject"], row["predicate"], row["object"])
                found.setdefault(key, _edge(row))
            ends = {i for row in rows for i in (row["subject"], row["object"])} - seen
            seen |= ends
            frontier = sorted(ends)
        edges = list(found.values())[offset : offset + limit]
        ids = {entity_id} | {e.source for e in edges} | {e.target for e in edges}
        more = offset + limit if len(found) > offset + limit else None
        return await self._nodes(ids), edges, more

    async def paths(
        self, source: str, target: str, *, max_hops: int, limit: int = 10
    ) -> list[PathRecord]:
        """Shortest connections between two entities over claim edges, within the path
        deadline (the engine cancels a search past it: QueryTimeout)."""
        rows = await self.backend.read_async(
            queries.PATHS[max_hops],
            {"source": source, "target": target, "limit": limit * 20},
            timeout=self.path_timeout_s,
        )
        unique: dict[tuple[str, ...], dict[RelationKey, GraphEdge]] = {}
        for row in rows:  # a path of nodes, with every relation joining them on the way
            found = unique.setdefault(tuple(row["nodes"]), {})
            for (s, p, o), sentences in zip(row["edges"], row["sentences"], strict=True):
                found.setdefault(relation_key(s, p, o), GraphEdge(
                    source=s, type=p, target=o, count=sentences or 0))  # fmt: skip
        kept = list(unique.items())[:limit]
        nodes = {n.id: n for n in await self._nodes({i for path, _ in kept for i in path})}
        return [
            PathRecord(nodes=[nodes[i] for i in path if i in nodes], edges=list(found.values()))
            for path, found in kept
        ]

    async def _nodes(self, ids: set[str]) -> list[GraphNode]:
        rows = await self._read(queries.NODE_NAMES, ids=sorted(ids))
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
        """An entity's stances by date, each with the newest page of its sentences that day
        and a cursor to more; an entry whose stance on a target flipped says so."""
        types = [p.value for p in (*SUPPORT_ROLLUP, *OPPOSE_ROLLUP, Predicate.CRITICIZES)]
        rows = await self._read(
            queries.TIMELINE, id=entity_id, types=types, evidence=self.evidence_limit
        )
        rows.sort(key=lambda r: (r["published"] is None, r["published"] or "", r["t_id"],
                                 r["predicate"]))  # fmt: skip
        pages = await self._pages([_day_group(row) for row in rows])
        entries, last_stance = [], {}
        for row, (said, cursor) in zip(rows, pages, strict=True):
            stance = _stance_class(row["predicate"])
            target = row["t_id"]
            changed = target in last_stance and last_stance[target] != stance
            last_stance[target] = stance
            entries.append(
                TimelineEntry(
                    published=row["published"],
                    predicate=row["predicate"],
                    stance=stance,
                    target=_ref(row, "t"),
                    evidence=said,
                    evidence_next=cursor,
                    sentences=row["sentences"],
                    changed=changed,
                )
            )
        return entries


@dataclass(frozen=True)
class _Group:
    """Claim rows whose sentences one answer shows together: how many there are in all, and
    the dates and outlet their later pages stay within."""

    rows: list[Row]
    sentences: int
    filters: dict[str, str | None]


def _sentences(claims: list[Row]) -> int:
    """The sentences an actor's claims page through: one claim's all, several claims' each
    once (a sentence asserting two of them is one)."""
    return claims[0]["sentences"] if len(claims) == 1 else sum(r["distinct"] for r in claims)


def _day_group(row: Row) -> _Group:
    """One claim's row of one date as a timeline entry's group."""
    day = row["published"]
    return _Group([row], row["sentences"], {"since": day, "until": day, "source": None})


def settle_heap() -> None:
    """Collect what is garbage now, then exempt every object still alive from the cyclic
    collector's later full passes: walking a large names index (and all a server loaded)
    on each of them paused the event loop ~150 ms at 2,000 articles. Freed as usual when
    dropped (it holds no cycles)."""
    gc.collect()
    gc.freeze()


@dataclass(frozen=True)
class _Names:
    """Every entity row by id, the entities' names (graph/names.py), the topics by folded
    key and their index, of the graph's generation, as last checked at read_at."""

    read_at: float
    generation: str | None
    by_id: dict[str, Row]
    entities: NameIndex
    topic_keys: dict[str, list[Row]]
    topics: TopicIndex
    found: dict[str, list[TopicRef]] = field(default_factory=dict)  # find_topics' answers

    @classmethod
    def of(
        cls,
        rows: list[Row],
        generation: str | None,
        backers: Mapping[str, frozenset[str]] | None = None,
    ) -> "_Names":
        by_key: dict[str, list[Row]] = {}
        for row in rows:
            for key in dict.fromkeys(row["keys"] or []):
                by_key.setdefault(key, []).append(row)
        topic_rows = [row for row in rows if row["label"] == Label.TOPIC.value]
        topics = TopicIndex(topic_rows, names_resolver(_entity_names(by_key)), backers)
        topic_keys = {
            key: found
            for key, with_key in by_key.items()
            if (found := [r for r in with_key if r["label"] == Label.TOPIC.value])
        }
        entities = NameIndex(rows, actor_names())
        return cls(time.monotonic(), generation, entities.by_id, entities, topic_keys, topics)


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


def _anchor(subjects: list[str] | None, objects: list[str] | None) -> str:
    """Which end a relations query starts from: the subjects given, else the objects."""
    return "subject" if subjects is not None else "object" if objects is not None else "any"


def _swapped(row: Row) -> Row:
    """A symmetric relation's row with subject and object exchanged."""
    swapped = dict(row)
    for column in ("id", "name", "label", "aliases"):
        swapped[f"s_{column}"], swapped[f"o_{column}"] = row[f"o_{column}"], row[f"s_{column}"]
    return swapped


def _edge(row: Row) -> GraphEdge:
    """A claim drawn as an edge, with the sentences asserting it in all."""
    return GraphEdge(
        source=row["subject"], type=row["predicate"], target=row["object"], count=row["sentences"]
    )


def _stance_class(predicate: str) -> Literal["support", "oppose", "other"]:
    if predicate in {p.value for p in SUPPORT_ROLLUP}:
        return "support"
    if predicate in {p.value for p in OPPOSE_ROLLUP}:
        return "oppose"
    return "other"
