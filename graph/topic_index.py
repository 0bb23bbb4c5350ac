"""Which topics a question names, in any words (`loaders.frames`).

Every topic name is read into a frame once (issue, nested issues, argument entities);
a question is read the same way and answered by the topics whose frame is the same, or
narrower (more arguments, an issue nested in it). A topic whose arguments differ from the
question's is never an answer ("guarantees for Kyiv's security" is not "security
guarantees for Russia"). Where no issue word decides (the question or a topic names no
known issue), the issue wordings are compared by meaning (`loaders.embeddings`), and the
arguments still decide. Only a question no frame and no meaning answers falls back on
shared words, and even then never on a topic with other arguments.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

import numpy as np

from graph.backend import Row
from graph.records import TopicRef
from loaders.embeddings import same_issue_threshold, vectors
from loaders.frames import (
    Frame,
    FrameMatch,
    Resolver,
    read_frame,
    relate,
    relate_backed,
    relate_by_meaning,
)
from loaders.text import fold
from loaders.topics import content_words

TOPIC_MATCH = 0.6  # content-word overlap (Jaccard) for a topic asked for in other words
NEAR_MATCH = 0.4  # a lower overlap, enough for a topic holding most of the words asked for
MOST_WORDS = 0.8  # the share of the asked-for words such a topic holds
NEAR_MIN_WORDS = 4  # content words a question needs for near topics (short ones fit any)
TYPED_WORDS = 6  # the longest name type-ahead offers
Why = Literal["exact", "same", "similar", "narrower", "backed", "words"]
REASONS: dict[Why, str] = {
    "exact": "a name of the topic",
    "same": "the same issue with the same arguments",
    "similar": "the same issue in other words (similarity {similarity}), the same arguments",
    "narrower": "narrower: more arguments or a further issue",
    "backed": "broader: the same issue without whom the question names before it, who backs it",
    "words": "shares most of the words",
}
BY_MEANING = ", the issue in other words (similarity {similarity})"
MAX_FRAMES = 200_000
_FRAMES: dict[tuple[str, ...], Frame] = {}  # a name's frame, kept across cache refreshes


@dataclass(frozen=True)
class TopicNames:
    """A topic row with its names folded, as content words, and as frames (name first)."""

    row: Row
    folded: frozenset[str]
    words: list[frozenset[str]]
    frames: list[Frame]

    @classmethod
    def of(cls, row: Row, resolve: Resolver) -> "TopicNames":
        """Its names; an alias naming someone the topic's name does not (the clause it was
        read from: "guarantees not only to Ukraine but also to Russia") answers nothing."""
        names = [row["name"], *(row["aliases"] or [])]
        own = _frame(row["name"], resolve)
        frames = [_frame(n, resolve) for n in names]
        return cls(
            row,
            frozenset(fold(n) for n in names),
            [content_words(n) for n in names],
            [f for f in frames if f.arguments <= own.arguments],
        )

    @property
    def short_names(self) -> list[str]:
        """Folded names a reader would type: not the whole clauses some aliases are."""
        return [n for n in self.folded if len(n.split()) <= TYPED_WORDS]

    def relate(self, asked: Frame, backers: frozenset[str] = frozenset()) -> FrameMatch | None:
        """The best way one of the topic's names answers the question; else, where the
        topic lacks only who the question names as imposing it, and they back it, broader."""
        found = [m for f in self.frames if (m := relate(asked, f))]
        if not found:
            backed = [b for f in self.frames if (b := relate_backed(asked, f))]
            found = [m for m, missing in backed if missing <= backers]
        return max(found, key=lambda m: (m.relation == "same", m.score), default=None)

    def conflicts(self, asked: Frame) -> bool:
        """Whether every name of the topic names arguments the question does not accept."""
        return all(not asked.arguments <= f.arguments for f in self.frames)

    def ref(self, why: Why, score: float, similarity: float | None = None) -> TopicRef:
        """The topic as an answer, with why it matched, in words, and how well."""
        reason = REASONS[why]
        if similarity is not None and why == "narrower":
            reason += BY_MEANING
        row = self.row
        return TopicRef(
            id=row["id"],
            name=row["name"],
            aliases=row["aliases"] or [],
            match=why,
            score=score,
            reason=reason.format(similarity=f"{similarity:.2f}" if similarity else ""),
        )


def _frame(name: str, resolve: Resolver) -> Frame:
    """A name's frame, read once per process (names rarely change what they resolve to)."""
    key = (name,)
    if key not in _FRAMES:
        if len(_FRAMES) > MAX_FRAMES:
            _FRAMES.clear()
        _FRAMES[key] = read_frame(name, resolve)
    return _FRAMES[key]


class TopicIndex:
    """The topics of the graph by folded name, content word and issue."""

    def __init__(
        self,
        rows: list[Row],
        resolve: Resolver,
        backers: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        self.resolve = resolve
        self.backers = backers or {}  # topic id -> who supports, demands or proposes it
        self.by_word: dict[str, list[TopicNames]] = {}
        self.by_issue: dict[str, list[TopicNames]] = {}
        self.by_argument: dict[str, list[TopicNames]] = {}
        self.all: list[TopicNames] = []
        self._position: dict[int, int] = {}
        for row in rows:
            topic = TopicNames.of(row, resolve)
            self._position[id(topic)] = len(self.all)
            self.all.append(topic)
            for word in topic.folded.union(*topic.words):
                self.by_word.setdefault(word, []).append(topic)
            for issue in {f.head for f in topic.frames if f.head}:
                self.by_issue.setdefault(issue, []).append(topic)
            for argument in {a for f in topic.frames for a in f.arguments}:
                self.by_argument.setdefault(argument, []).append(topic)

    def find(self, text: str) -> list[TopicRef]:
        """Topics a question names: the same frame or narrower ones, and those saying the
        same issue in other words, best first; else (neither answers) those sharing its
        words, never one with other arguments."""
        asked, key = read_frame(text, self.resolve), fold(text)
        found = self._by_frame(text, key, asked)
        found += self._by_meaning(asked, {ref.id for _, _, ref in found})
        if found:
            return [ref for _, _, ref in sorted(found, key=lambda f: (-f[0], f[1]))]
        return self._by_words(text, key, asked)

    def _by_frame(self, text: str, key: str, asked: Frame) -> list[tuple[float, str, TopicRef]]:
        """Topics with a name asked for, or the same frame, or a narrower one, ranked."""
        exact = {id(t) for t in self.by_word.get(key, []) if key in t.folded}
        pool = {
            id(t): t for t in [*self.by_word.get(key, []), *self.by_issue.get(asked.head or "", [])]
        }
        if asked.head is None:
            pool |= {id(t): t for t in self._sharing(content_words(text), key)}
        found: list[tuple[float, str, TopicRef]] = []
        for topic in pool.values():
            if id(topic) in exact:
                found.append((2.0, topic.row["name"], topic.ref("exact", 1.0)))
            elif match := topic.relate(asked, self.backers.get(topic.row["id"], frozenset())):
                rank = match.score + (0.5 if match.relation == "same" else 0.0)
                found.append((rank, topic.row["name"], topic.ref(match.relation, match.score)))
        return found

    def _by_meaning(self, asked: Frame, matched: set[str]) -> list[tuple[float, str, TopicRef]]:
        """Topics no issue word relates to the question whose issue wording means the same,
        with every argument it names; ranked after those of the same frame."""
        wordings = self._wordings
        if not asked.wording or not wordings.frames:
            return []
        allowed = {i for i in self._arguing(asked) if self.all[i].row["id"] not in matched}
        rows = np.flatnonzero(np.isin(wordings.topic, list(allowed)))
        if asked.head is not None:
            rows = rows[~wordings.framed[rows]]  # where issue words read both, they decide
        scores = wordings.matrix[rows] @ vectors([asked.wording])[0]
        best: dict[int, FrameMatch] = {}
        threshold = same_issue_threshold()
        for row, score in zip(rows.tolist(), scores.tolist(), strict=True):
            frame, topic = wordings.frames[row], int(wordings.topic[row])
            match = relate_by_meaning(asked, frame, round(score, 3), threshold)
            if match and (topic not in best or _better(match, best[topic])):
                best[topic] = match
        return [
            (
                _meaning_rank(m),
                self.all[t].row["name"],
                self.all[t].ref(m.relation, m.score, m.similarity),
            )
            for t, m in best.items()
        ]

    @cached_property
    def _wordings(self) -> "_Wordings":
        """Every name's issue wording as a unit vector, embedded once per index."""
        pairs = [(i, f) for i, t in enumerate(self.all) for f in t.frames if f.wording]
        return _Wordings(
            frames=[f for _, f in pairs],
            topic=np.array([i for i, _ in pairs], dtype=np.int64),
            framed=np.array([f.head is not None for _, f in pairs], dtype=bool),
            matrix=vectors([f.wording for _, f in pairs]),
        )

    def _arguing(self, asked: Frame) -> set[int]:
        """Positions of the topics naming every argument of a question (all of them for a
        question with none): the only ones its meaning may match."""
        if not asked.arguments:
            return set(range(len(self.all)))
        held = [
            {self._position[id(t)] for t in self.by_argument.get(a, [])} for a in asked.arguments
        ]
        return set.intersection(*held)

    def containing(self, text: str, limit: int = 50) -> list[TopicRef]:
        """Topics a name of which contains the text as typed so far ("sanct"), for
        type-ahead, shortest names first."""
        key = fold(text)
        if not key:
            return []
        topics = {id(t): t for ts in self.by_word.values() for t in ts}.values()
        found = sorted(
            (t for t in topics if any(key in name for name in t.short_names)),
            key=lambda t: (len(t.row["name"]), t.row["name"]),
        )
        return [t.ref("words", 0.5) for t in found[:limit]]

    def _sharing(self, words: frozenset[str], key: str) -> list[TopicNames]:
        found = {id(t): t for w in (key, *words) for t in self.by_word.get(w, [])}
        return list(found.values())

    def _by_words(self, text: str, key: str, asked: Frame) -> list[TopicRef]:
        """Topics sharing most of the question's words (the names no issue word reads)."""
        wanted = content_words(text)
        matches = [
            _WordMatch.of(t, wanted, key)
            for t in self._sharing(wanted, key)
            if not t.conflicts(asked)
        ]
        found = sorted((m for m in matches if m.admitted(len(wanted))), key=_WordMatch.rank)
        if found:
            found = [m for m in found if m.held == found[0].held]
        return [m.topic.ref("words", round(m.overlap, 3)) for m in found]


@dataclass(frozen=True)
class _Wordings:
    """The issue wordings of every topic name: each name's frame, its topic's position,
    whether issue words read it, and its unit vector (one row each)."""

    frames: list[Frame]
    topic: np.ndarray
    framed: np.ndarray
    matrix: np.ndarray


def _meaning_rank(match: FrameMatch) -> float:
    """Where a match by meaning ranks: after every topic of the same frame (ranked from
    1.1), before the narrower ones (at most 0.85); narrower by meaning after those."""
    return 0.85 + 0.25 * match.score if match.relation == "similar" else 0.5 * match.score


def _better(one: FrameMatch, other: FrameMatch) -> bool:
    """Whether one match by meaning beats another: the same arguments first, then score."""
    return (one.relation == "similar", one.score) > (other.relation == "similar", other.score)


@dataclass(frozen=True)
class _WordMatch:
    """How a topic's names share the words of a question."""

    topic: TopicNames
    held: int  # the most of the question's content words one name holds
    overlap: float  # the best Jaccard overlap of a name with the question

    @classmethod
    def of(cls, topic: TopicNames, wanted: frozenset[str], key: str) -> "_WordMatch":
        return cls(
            topic=topic,
            held=max(len(wanted & words) for words in topic.words),
            overlap=max(_jaccard(wanted, words) for words in topic.words),
        )

    def admitted(self, asked: int) -> bool:
        """A close name, or, for a question of several content words, a near one holding
        most of them."""
        near = asked >= NEAR_MIN_WORDS and self.held >= MOST_WORDS * asked
        return self.overlap >= TOPIC_MATCH or (near and self.overlap >= NEAR_MATCH)

    def rank(self) -> tuple[int, float, str]:
        return (-self.held, -self.overlap, self.topic.row["name"])


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
