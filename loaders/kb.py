"""The curated actor knowledge base (loaders/data/kb.json) and its alias index."""

import json
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any

from loaders.ontology import Label
from loaders.text import fold, slugify


@dataclass(frozen=True)
class Post:
    """A titled position a person held in a country or organization, over whole years."""

    title: str  # "Prime Minister", "Minister of Foreign Affairs"
    holder: str  # id of the country or organization
    start: int | None = None
    end: int | None = None  # None: still held

    def held_in(self, year: int) -> bool:
        """Whether the post was held at some time in a year."""
        return (self.start or year) <= year <= (self.end or year)


@dataclass(frozen=True)
class KnownEntity:
    """An entity whose identity is already settled (from the knowledge base or the graph)."""

    id: str
    name: str
    label: Label
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    posts: tuple[Post, ...] = ()  # positions a person held, oldest first


@dataclass
class KnowledgeBase:
    """Folded surface form -> entity; demonyms kept apart (they are adjectives, not names)."""

    by_alias: dict[str, KnownEntity] = field(default_factory=dict)
    by_id: dict[str, KnownEntity] = field(default_factory=dict)
    by_demonym: dict[str, KnownEntity] = field(default_factory=dict)
    entities: list[KnownEntity] = field(default_factory=list)
    posts: dict[str, tuple[Post, ...]] = field(default_factory=dict)  # person -> posts
    members: dict[str, frozenset[str]] = field(default_factory=dict)  # organization -> states
    adjectives: dict[str, str] = field(default_factory=dict)  # "Russia" -> "Russian"
    demonym_forms: dict[str, KnownEntity] = field(default_factory=dict)  # as written
    seats_with_article: set[str] = field(default_factory=set)  # "hague": "The Hague"
    seats: set[str] = field(default_factory=set)  # folded capitals ("the Kremlin" is not one)
    by_name_end: dict[str, KnownEntity] = field(default_factory=dict)  # "tayyip erdogan"
    # a party's short name as written ("Labour", "the Greens") -> the parties so called, each
    # with its country's id; and the adjectives that name one ("Republican senators")
    party_names: dict[str, list[tuple[KnownEntity, str]]] = field(default_factory=dict)
    party_adjectives: dict[str, list[tuple[KnownEntity, str]]] = field(default_factory=dict)

    def lookup(self, surface: str) -> KnownEntity | None:
        """The entity a name, alias or seat refers to, or the one person whose full name
        ends with it ("Tayyip Erdogan" is Recep Tayyip Erdoğan)."""
        key = fold(surface)
        return self.by_alias.get(key) or self.by_name_end.get(key)

    def index_name_ends(self) -> None:
        """Index the endings of two words or more of people's full names, where one person
        alone has that ending and no name or alias already claims it."""
        ends: dict[str, set[KnownEntity]] = {}
        for entity in self.entities:
            if entity.label is not Label.PERSON:
                continue
            for form in (entity.name, *entity.aliases):
                words = fold(form).split()
                for start in range(1, len(words) - 1):
                    ends.setdefault(" ".join(words[start:]), set()).add(entity)
        self.by_name_end = {
            end: next(iter(people))
            for end, people in ends.items()
            if len(people) == 1 and end not in self.by_alias
        }

    @cached_property
    def party_forms(self) -> frozenset[str]:
        """Every short name and adjective of a party, as written (asked once loaded)."""
        return frozenset(self.party_names) | frozenset(self.party_adjectives)

    @cached_property
    def party_first_words(self) -> frozenset[str]:
        """The words a party's short name or adjective begins with."""
        return frozenset(form.split()[0] for form in self.party_forms)

    def is_seat(self, surface: str) -> bool:
        """Whether a name is a capital ("Paris"; not "the Kremlin", an institution), which
        stands for its government when it acts and is a place where something happens."""
        return fold(surface) in self.seats

    def demonym(self, surface: str) -> KnownEntity | None:
        """The country a demonym ("Hungarian") refers to."""
        return self.by_demonym.get(fold(surface))

    def add(self, entity: KnownEntity, *, demonyms: tuple[str, ...] = ()) -> None:
        """Index an entity under its name and aliases; the first claim of a form wins."""
        self.entities.append(entity)
        self.by_id.setdefault(entity.id, entity)
        if entity.posts:
            self.posts[entity.id] = entity.posts
        for form in (entity.name, *entity.aliases):
            key = fold(form)
            self.by_alias.setdefault(key, entity)
            if key.startswith("the "):  # mentions are looked up without their article
                self.by_alias.setdefault(key[len("the ") :], entity)
        for form in demonyms:
            self.by_demonym.setdefault(fold(form), entity)
            self.demonym_forms.setdefault(form, entity)
        if demonyms:
            self.adjectives.setdefault(entity.name, demonyms[0])


@cache
def _kb_items() -> list[dict[str, Any]]:
    raw = json.loads(resources.files("loaders").joinpath("data/kb.json").read_text("utf-8"))
    return raw["entities"]


@cache
def load_kb() -> KnowledgeBase:
    """The knowledge base shipped with newsgraph, loaded once per process."""
    kb = KnowledgeBase()
    for item in _kb_items():
        aliases = tuple(item.get("aliases", [])) + tuple(item.get("seats", []))
        entity = KnownEntity(
            id=slugify(item["name"]),
            name=item["name"],
            label=Label(item["label"]),
            aliases=aliases,
            wikidata=item.get("wikidata"),
            posts=tuple(_post(p) for p in item.get("posts", [])),
        )
        kb.add(entity, demonyms=tuple(item.get("demonyms", [])))
        seats = item.get("seats", [])
        institutions = {fold(s).removeprefix("the ") for s in seats if s.startswith("the ")}
        kb.seats.update(fold(s) for s in seats if fold(s) not in institutions)
        named = {fold(s).removeprefix("the ") for s in seats if s.startswith("The ")}
        kb.seats.update(named)
        kb.seats_with_article.update(named)
        if item.get("members"):
            kb.members[entity.id] = frozenset(slugify(m) for m in item["members"])
        if country := item.get("country"):
            for form in item.get("short", []):
                kb.party_names.setdefault(form, []).append((entity, slugify(country)))
            for form in item.get("short_adjectives", []):
                kb.party_adjectives.setdefault(form, []).append((entity, slugify(country)))
    kb.index_name_ends()
    return kb


def _post(item: dict[str, Any]) -> Post:
    """A post as kb.json writes it: title, holder's name, first and last year."""
    return Post(item["title"], slugify(item["holder"]), item.get("from"), item.get("to"))


@cache
def actor_names() -> dict[str, tuple[str, ...]]:
    """Entity id -> the knowledge base's name and aliases for it ("USA", "Macron"), without
    its seats and demonyms: what a request may call an entity ("Moscow" is the city)."""
    return {slugify(item["name"]): (item["name"], *item.get("aliases", [])) for item in _kb_items()}


@cache
def country_names() -> frozenset[str]:
    """Folded names of the world's states (loaders/data/countries.txt)."""
    text = resources.files("loaders").joinpath("data/countries.txt").read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(fold(line) for line in lines if line and not line.startswith("#"))


def state_named(word: str) -> str | None:
    """The folded name of the state a word names, by name or demonym ("Chile", "Iranian")."""
    kb = load_kb()
    known = kb.lookup(word) or kb.demonym(word)
    if known is not None and known.label is Label.COUNTRY:
        return fold(known.name)
    return fold(word) if fold(word) in country_names() else None


@cache
def speaking_titles() -> tuple[str, ...]:
    """Titles whose holder speaks for the state or body they serve (data/speaks_for.txt)."""
    text = resources.files("loaders").joinpath("data/speaks_for.txt").read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def spokespeople() -> frozenset[str]:
    """The one-word titles of data/speaks_for.txt that name a spokesperson, who speaks for
    a state or body even unnamed ("a Kremlin spokesman")."""
    return frozenset(t for t in speaking_titles() if t.startswith("spokes") and " " not in t)


@cache
def actor_nouns() -> frozenset[str]:
    """Nouns for people and bodies (data/actor_nouns.txt): never an issue themselves."""
    return _word_list("actor_nouns.txt")


@cache
def legal_suffixes() -> frozenset[str]:
    """Words of a company's legal form, "Inc.", "SA", "Corp." (data/legal_suffixes.txt)."""
    return _word_list("legal_suffixes.txt")


@cache
def body_heads() -> frozenset[str]:
    """Common nouns a body's name is written before, "the Fidesz party" (data/
    body_heads.txt)."""
    return _word_list("body_heads.txt")


@cache
def not_issues() -> frozenset[str]:
    """Nouns that alone name no issue: words of reference (data/generic_nouns.txt) and
    people and bodies (data/actor_nouns.txt)."""
    return _word_list("generic_nouns.txt") | actor_nouns()


@cache
def referable_nouns() -> frozenset[str]:
    """Nouns of what is decided or offered, which a later bare "the plan" refers back to
    (data/referable_nouns.txt)."""
    return _word_list("referable_nouns.txt")


@cache
def object_verbs() -> frozenset[str]:
    """Verbs whose object names the issue itself (data/object_verbs.txt): "agreed to hold
    talks" is about the talks, where "vowed to close the border" is about its closure."""
    return _word_list("object_verbs.txt")


@cache
def adverbial_nouns() -> frozenset[str]:
    """Nouns of a verb's adverbial phrases, never part of its object (data/
    adverbial_nouns.txt): "on its own", "on behalf of", "on the sidelines"."""
    return _word_list("adverbial_nouns.txt")


@cache
def harm_verbs() -> frozenset[str]:
    """Verbs of harm (data/harm_verbs.txt): "said the tariffs would hurt carmakers"
    criticises the tariffs."""
    return _word_list("harm_verbs.txt")


@cache
def travel_words() -> frozenset[str]:
    """Verbs and nouns of travel (data/travel_words.txt): "flew to Niamey" names a place."""
    return _word_list("travel_words.txt")


def _word_list(name: str) -> frozenset[str]:
    text = resources.files("loaders").joinpath(f"data/{name}").read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))
