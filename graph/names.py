"""Which entity a request names, the way people type it: the rules, in one place.

A name is tried against the graph's entities tier by tier; the first tier with a match
answers, and when it holds several entities the name is ambiguous (callers say so, they
never pick one):

1. id: the text is an entity's id (topics too);
2. name: it is an entity's full name, accents, case and a leading "the" ignored;
3. alias: an alias stored on the node, one the knowledge base gives the entity ("USA",
   "Macron"), or a person's surname (the last word of a name of theirs, or all but the
   first: "Orbán", "von der Leyen");
4. romanised: any of those once romanisation variants are folded (graph/romanisation.py:
   "Zelenskiy", "Sergej Lavrov").

Topics are named by id only here; their phrases are the topic index's business.
"""

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Literal

from graph.backend import Row
from graph.records import EntityRef
from graph.romanisation import respelled, unsigned
from loaders.ontology import Label
from loaders.text import fold

Rule = Literal["id", "name", "alias", "romanised", "topic"]
SUGGESTIONS = 5  # close names offered when nothing matches
CLOSE = 0.75  # how alike (difflib's ratio of romanised keys) a suggestion must be
CACHED_NAMES = 200_000  # folded and romanised forms kept across refreshes of the index


@dataclass(frozen=True)
class Resolution:
    """What a name resolved to: the entities of the first tier that matched, by which rule
    (several entities: ambiguous, unless topics a phrase names), else close names."""

    entities: list[EntityRef]
    rule: Rule | None = None
    suggestions: list[EntityRef] = field(default_factory=list)

    @property
    def ambiguous(self) -> bool:
        """Several entities answer and nothing says which is meant (a topic phrase answers for
        every topic it names, so that is no ambiguity)."""
        return len(self.entities) > 1 and self.rule != "topic"


class NameIndex:
    """The graph's entities by id and by every key of each tier (built from the rows of
    queries.KNOWN_ENTITIES and the knowledge base's names per id)."""

    def __init__(self, rows: Iterable[Row], known_names: Mapping[str, Iterable[str]]) -> None:
        self.by_id: dict[str, Row] = {}
        self.names: dict[str, list[str]] = {}
        self.aliases: dict[str, list[str]] = {}
        self.romanised: dict[str, list[str]] = {}
        for row in rows:
            self.by_id[row["id"]] = row
            if row["label"] != Label.TOPIC.value:
                self._index(row, tuple(known_names.get(row["id"], ())))

    def _index(self, row: Row, known: tuple[str, ...]) -> None:
        """An entity under its name, its aliases (the store keeps them folded in keys) and
        the knowledge base's, a person's surnames, and the romanisations of all those."""
        person = row["label"] == Label.PERSON.value
        forms = [row["name"], *(row["aliases"] or []), *known]
        own = keys(row["name"])
        folded = own | set(row["keys"] or []) | {k for f in forms[1:] for k in keys(f)}
        plain = _with_surnames({_unsigned(f) for f in forms}, person)
        _add(self.names, own, row["id"])
        _add(self.aliases, _with_surnames(folded, person), row["id"])
        _add(self.romanised, {_respelled(k) for k in plain}, row["id"])

    def resolve(self, text: str) -> Resolution:
        """The entities text names, by the first rule that finds any (module docstring)."""
        if text in self.by_id:
            return Resolution([self._ref(text)], "id")
        asked = keys(text)
        tiers: tuple[tuple[Rule, dict[str, list[str]], set[str]], ...] = (
            ("name", self.names, asked),
            ("alias", self.aliases, asked),
            ("romanised", self.romanised, {_respelled(unsigned(text))}),
        )
        for rule, index, wanted in tiers:
            found = dict.fromkeys(i for key in sorted(wanted) for i in index.get(key, []))
            if found:
                refs = sorted((self._ref(i) for i in found), key=lambda r: (r.name, r.id))
                return Resolution(refs, rule)
        return Resolution([], suggestions=self.close_to(text))

    def close_to(self, text: str) -> list[EntityRef]:
        """Entities with a name or alias spelled much like text, closest first."""
        wanted = _respelled(unsigned(text))
        close = difflib.get_close_matches(wanted, self.romanised, n=SUGGESTIONS * 2, cutoff=CLOSE)
        found = dict.fromkeys(i for key in close for i in self.romanised[key])
        return [self._ref(i) for i in list(found)[:SUGGESTIONS]]

    def _ref(self, entity_id: str) -> EntityRef:
        row = self.by_id[entity_id]
        return EntityRef(
            id=row["id"], name=row["name"], label=row["label"] or "", aliases=row["aliases"] or []
        )


@lru_cache(maxsize=CACHED_NAMES)
def keys(name: str) -> frozenset[str]:
    """The folded forms a name is looked up by: as written, and without a leading "the"."""
    folded = fold(name)
    return frozenset({folded, folded.removeprefix("the ")} - {""})


def surnames(name: str) -> set[str]:
    """A person's name's surnames, folded: the last word ("Gilberto Teodoro Jr." ->
    "teodoro") and, for three words or more, all but the first ("von der leyen")."""
    return _surnames(fold(name))


def _surnames(folded: str) -> set[str]:
    words = folded.split()
    while words and words[-1] in _suffixes():
        words.pop()
    if len(words) < 2:
        return set()
    return {words[-1], " ".join(words[1:])}


@cache
def _suffixes() -> frozenset[str]:
    text = resources.files("graph").joinpath("data/name_suffixes.txt").read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


_unsigned = lru_cache(maxsize=CACHED_NAMES)(unsigned)


@lru_cache(maxsize=CACHED_NAMES)
def _respelled(plain: str) -> str:
    """The romanisation key of a folded name without a leading "the", kept across
    refreshes of the index (they see the same names again)."""
    return respelled(plain.removeprefix("the "))


def _with_surnames(folded: set[str], person: bool) -> set[str]:
    """The keys, and for a person the surnames each of them gives."""
    return folded | {s for key in folded for s in _surnames(key)} if person else folded


def _add(index: dict[str, list[str]], keys: Iterable[str], entity_id: str) -> None:
    for key in keys:
        ids = index.setdefault(key, [])
        if entity_id not in ids:
            ids.append(entity_id)
