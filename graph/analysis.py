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
from graph.records import (
    EntityRef,
    EvidencePublic,
    GraphEdge,
    GraphNode,
    PathRecord,
    RelationRecord,
    StanceActor,
    TimelineEntry,
    TopicRef,
    TopicSummary,
)
from loaders.ontology import OPPOSE_ROLLUP, SUPPORT_ROLLUP, SYMMETRIC, Label, Predicate
from loaders.text import fold
from loaders.topics import content_words

READ_TIMEOUT_S = 10.0
TOPIC_MATCH = 0.6  # content-word overlap (Jaccard) for a topic asked for in other words
NEAR_MATCH = 0.4  # a lower overlap, enough for a topic holding most of the words asked for
MOST_WORDS = 0.8  # the share of the asked-for words such a topic holds
NEAR_MIN_WORDS = 4  # content words a question needs for near topics (short ones fit any)
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
        return await self.backend.read_async(query, params, timeout=READ_TIMEOUT_S)

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
        return _Names.of(await self._read(queries.KNOWN_ENTITIES))

    async def find_entities(self, name: str) -> list[EntityRef]:
        """Entities a request names by id, name or alias (accents and case ignored)."""
        names = await self._cached()
        by_id, by_key = names.by_id, names.by_key
        found = by_key.get(fold(name), [])
        exact = by_id.get(name)
        if exact is not None and all(r is not exact for r in found):
            found = [exact, *found]
        return [_ref(r) for r in found]

    async def find_topics(self, text: str) -> list[TopicRef]:
        """Topics the words name: exact names and their generalisations first; else the
        near ones that hold the most of the words asked for, closest first."""
        wanted, key = content_words(text), fold(text)
        candidates = (await self._cached()).topics_sharing(wanted, key)
        matches = (_TopicMatch.of(topic, wanted, key) for topic in candidates)
        found = sorted((m for m in matches if m.admitted(len(wanted))), key=_TopicMatch.rank)
        if found and found[0].exact:
            # exact names, and near ones that only generalise them ("security guarantees"
            # for "security guarantees for Russia"), not near ones about something else
            found = [m for m in found if m.exact or m.general]
        elif found:
            # no exact name: the topics holding the most of what was asked, not the ones
            # that drop a word of it ("security guarantees for Ukraine" is not an answer
            # to "Russian participation in security guarantees for Ukraine")
            found = [m for m in found if m.held == found[0].held]
        return [
            TopicRef(id=m.row["id"], name=m.row["name"], aliases=m.row["aliases"] or [])
            for m in found
        ]

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
        speakers = await self._speaker_names(rows)
        return [
            StanceActor(
                **_ref(row, "a").model_dump(),
                predicates=sorted(row["predicates"]),
                evidence=_evidence(row["evidence"], speakers),
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
        speakers = await self._speaker_names(rows)
        return [
            RelationRecord(
                subject=_ref(row, "s"),
                predicate=row["predicate"],
                object=_ref(row, "o"),
                title=row["title"],
                evidence=_evidence(row["evidence"], speakers),
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

    async def _speaker_names(self, rows: list[Row]) -> dict[str, str]:
        """Names of the speakers in the rows' evidence, from the cached entity names."""
        ids = {e["speaker"] for row in rows for e in row["evidence"] if e.get("speaker")}
        by_id = (await self._cached()).by_id if ids else {}
        return {i: by_id[i]["name"] for i in ids if i in by_id}

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
        edges = _edges((r["source"], r["type"], r["target"]) for r in rows)[:limit]
        ids = {entity_id} | {e.source for e in edges} | {e.target for e in edges}
        return await self._nodes(ids), edges

    async def paths(
        self, source: str, target: str, *, max_hops: int, limit: int = 10
    ) -> list[PathRecord]:
        """Shortest connections between two entities over relation edges."""
        rows = await self._read(
            queries.PATHS[max_hops], source=source, target=target, limit=limit * 20
        )
        unique: dict[tuple[str, ...], Row] = {}
        for row in rows:
            unique.setdefault(tuple(row["nodes"]), row)
        nodes = {n.id: n for n in await self._nodes({i for key in unique for i in key})}
        return [
            PathRecord(
                nodes=[nodes[i] for i in key if i in nodes],
                edges=_edges(tuple(edge) for edge in row["edges"]),
            )
            for key, row in list(unique.items())[:limit]
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

    async def timeline(self, entity_id: str) -> list[TimelineEntry]:
        """An entity's stances by date; an entry whose stance on a target flipped says so."""
        types = [p.value for p in (*SUPPORT_ROLLUP, *OPPOSE_ROLLUP, Predicate.CRITICIZES)]
        rows = await self._read(queries.TIMELINE, id=entity_id, types=types)
        rows.sort(key=lambda r: (r["published"] is None, r["published"] or "", r["t_id"]))
        entries, last_stance = [], {}
        key = lambda r: (r["published"], r["t_id"], r["predicate"])  # noqa: E731
        for (published, target, predicate), group in groupby(rows, key=key):
            items = list(group)
            stance = _stance_class(predicate)
            changed = target in last_stance and last_stance[target] != stance
            last_stance[target] = stance
            entries.append(
                TimelineEntry(
                    published=published,
                    predicate=predicate,
                    stance=stance,
                    target=_ref(items[0], "t"),
                    evidence=_evidence(items),
                    changed=changed,
                )
            )
        return entries


@dataclass(frozen=True)
class _Names:
    """Every entity row by id and by folded key, and the topics by their folded names and
    content words, as read at read_at."""

    read_at: float
    by_id: dict[str, Row]
    by_key: dict[str, list[Row]]
    topics_by_word: dict[str, list["_TopicNames"]]  # folded names are "words" too

    @classmethod
    def of(cls, rows: list[Row]) -> "_Names":
        by_key: dict[str, list[Row]] = {}
        for row in rows:
            for key in dict.fromkeys(row["keys"] or []):
                by_key.setdefault(key, []).append(row)
        by_word: dict[str, list[_TopicNames]] = {}
        for row in rows:
            if row["label"] == Label.TOPIC.value:
                topic = _TopicNames.of(row)
                for word in topic.folded.union(*topic.words):
                    by_word.setdefault(word, []).append(topic)
        return cls(time.monotonic(), {r["id"]: r for r in rows}, by_key, by_word)

    def topics_sharing(self, words: frozenset[str], key: str) -> list["_TopicNames"]:
        """Topics named key or sharing a content word with words: the only ones a request
        can match, found without scanning every topic."""
        found = {id(t): t for w in (key, *words) for t in self.topics_by_word.get(w, [])}
        return list(found.values())


@dataclass(frozen=True)
class _TopicNames:
    """A topic row with its names folded and as content words (name first)."""

    row: Row
    folded: frozenset[str]
    words: list[frozenset[str]]

    @classmethod
    def of(cls, row: Row) -> "_TopicNames":
        names = [row["name"], *(row["aliases"] or [])]
        return cls(row, frozenset(fold(n) for n in names), [content_words(n) for n in names])


@dataclass(frozen=True)
class _TopicMatch:
    """How a topic's names match the words of a question."""

    row: Row
    exact: bool  # a name of the topic is the question, folded
    held: int  # the most of the question's content words one name holds
    overlap: float  # the best Jaccard overlap of a name with the question
    general: bool  # the topic's name says less than the question (a generalisation)

    @classmethod
    def of(cls, topic: "_TopicNames", wanted: frozenset[str], key: str) -> "_TopicMatch":
        return cls(
            row=topic.row,
            exact=key in topic.folded,
            held=max(len(wanted & words) for words in topic.words),
            overlap=max(_jaccard(wanted, words) for words in topic.words),
            general=topic.words[0] <= wanted,
        )

    def admitted(self, asked: int) -> bool:
        """An exact name, a close one, or, for a question of several content words, a
        near one holding most of them."""
        near = asked >= NEAR_MIN_WORDS and self.held >= MOST_WORDS * asked
        return self.exact or self.overlap >= TOPIC_MATCH or (near and self.overlap >= NEAR_MATCH)

    def rank(self) -> tuple[bool, int, float, str]:
        """Exact names first, then those holding more of the question, then the closest."""
        return (not self.exact, -self.held, -self.overlap, self.row["name"])


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _clean(row: Row) -> Row:
    return {k: v for k, v in row.items() if v is not None}


def _ref(row: Row, prefix: str = "") -> EntityRef:
    """An EntityRef from columns id/name/label/aliases, or prefix_id/prefix_name/..."""
    get = (lambda k: row.get(f"{prefix}_{k}")) if prefix else row.get
    return EntityRef(
        id=get("id"), name=get("name"), label=get("label") or "", aliases=get("aliases") or []
    )


def _evidence(items: list[Row], speakers: dict[str, str] | None = None) -> list[EvidencePublic]:
    """Evidence records, one per (article, sentence), with speakers' names."""
    seen, evidence = set(), []
    for item in items:
        key = (item["article_id"], item["sentence"])
        if key in seen:
            continue
        seen.add(key)
        fields = _clean({k: item.get(k) for k in EvidencePublic.model_fields})
        if item.get("speaker") and speakers:
            fields["speaker_name"] = speakers.get(item["speaker"])
        evidence.append(EvidencePublic(**fields))
    return evidence


def _swapped(row: Row) -> Row:
    """A symmetric relation's row with subject and object exchanged."""
    swapped = dict(row)
    for field in ("id", "name", "label", "aliases"):
        swapped[f"s_{field}"], swapped[f"o_{field}"] = row[f"o_{field}"], row[f"s_{field}"]
    return swapped


def _edges(triples: Iterable[tuple[str, str, str]]) -> list[GraphEdge]:
    counts: dict[tuple[str, str, str], int] = {}
    for source, kind, target in triples:
        counts[(source, kind, target)] = counts.get((source, kind, target), 0) + 1
    return [GraphEdge(source=s, type=k, target=t, count=n) for (s, k, t), n in counts.items()]


def _stance_class(predicate: str) -> Literal["support", "oppose", "other"]:
    if predicate in {p.value for p in SUPPORT_ROLLUP}:
        return "support"
    if predicate in {p.value for p in OPPOSE_ROLLUP}:
        return "oppose"
    return "other"
