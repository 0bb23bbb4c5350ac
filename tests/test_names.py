"""Names as people type them resolve to one entity, tier by tier (graph/names.py), on
hand-built rows of queries.KNOWN_ENTITIES and the shipped knowledge base's names."""

import pytest

from graph.names import NameIndex, surnames
from loaders.kb import actor_names
from loaders.text import fold


def row(entity_id: str, name: str, label: str, *aliases: str) -> dict:
    """A KNOWN_ENTITIES row as the store writes it (keys: every form folded)."""
    keys = sorted({fold(f) for f in (name, *aliases)})
    return {"id": entity_id, "name": name, "label": label, "aliases": list(aliases),
            "keys": keys, "wikidata": None}  # fmt: skip


ROWS = [
    row("vladimir-putin", "Vladimir Putin", "Person", "Putin"),
    row("viktor-orban", "Viktor Orbán", "Person", "Viktor Orban", "Orbán"),
    row("emmanuel-macron", "Emmanuel Macron", "Person"),
    row("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "Person", "Zelenskyy"),
    row("sergey-lavrov", "Sergey Lavrov", "Person", "Lavrov"),
    row("vladimir-ilyich-lenin", "Vladimir Ilyich Lenin", "Person"),
    row("gilberto-teodoro-jr", "Gilberto Teodoro Jr.", "Person"),
    row("ursula-von-der-leyen", "Ursula von der Leyen", "Person"),
    row("united-states", "United States", "Country", "US", "U.S"),
    row("united-kingdom", "United Kingdom", "Country"),
    row("united-arab-emirates", "United Arab Emirates", "Country"),
    row("georgia", "Georgia", "Country"),
    row("the-west", "the West", "Group", "West"),
    row("elina-virtanen", "Elina Virtanen", "Person", "Virtanen"),
    row("mikko-virtanen", "Mikko Virtanen", "Person"),
    row("topic-sanctions-russia", "sanctions on Russia", "Topic", "Putin"),
]
INDEX = NameIndex(ROWS, actor_names())


@pytest.mark.parametrize(
    ("asked", "expected", "rule"),
    [
        ("vladimir-putin", "vladimir-putin", "id"),
        ("topic-sanctions-russia", "topic-sanctions-russia", "id"),
        ("Vladimir Putin", "vladimir-putin", "name"),
        ("VIKTOR ORBAN", "viktor-orban", "name"),
        ("viktor orbán", "viktor-orban", "name"),
        ("West", "the-west", "name"),
        ("the United States", "united-states", "name"),
        ("Putin", "vladimir-putin", "alias"),
        ("Orbán", "viktor-orban", "alias"),
        ("Orban", "viktor-orban", "alias"),
        ("Macron", "emmanuel-macron", "alias"),
        ("Teodoro", "gilberto-teodoro-jr", "alias"),
        ("von der Leyen", "ursula-von-der-leyen", "alias"),
        ("Zelensky", "volodymyr-zelenskyy", "alias"),
        ("Sergei Lavrov", "sergey-lavrov", "alias"),
        ("USA", "united-states", "alias"),
        ("U.S.A.", "united-states", "alias"),
        ("US", "united-states", "alias"),
        ("America", "united-states", "alias"),
        ("UK", "united-kingdom", "alias"),
        ("Britain", "united-kingdom", "alias"),
        ("UAE", "united-arab-emirates", "alias"),
        ("Zelenskiy", "volodymyr-zelenskyy", "alias"),
        ("Zelenskij", "volodymyr-zelenskyy", "romanised"),
        ("Volodymyr Zelenskyi", "volodymyr-zelenskyy", "romanised"),
        ("Sergej Lawrow", "sergey-lavrov", "romanised"),
        ("Vladimir Il'ich Lenin", "vladimir-ilyich-lenin", "romanised"),
        ("Lenin", "vladimir-ilyich-lenin", "alias"),
        ("Elina Virtanen", "elina-virtanen", "name"),
    ],
)
def test_names_resolve_to_one_entity(asked: str, expected: str, rule: str) -> None:
    found = INDEX.resolve(asked)
    assert [e.id for e in found.entities] == [expected]
    assert found.rule == rule and not found.ambiguous


def test_names_a_shared_surname_is_ambiguous_never_picked() -> None:
    found = INDEX.resolve("Virtanen")
    assert {e.id for e in found.entities} == {"elina-virtanen", "mikko-virtanen"}
    assert found.ambiguous and found.rule == "alias"


def test_names_a_full_name_wins_over_anothers_alias() -> None:
    rows = [*ROWS, row("person-georgia", "Anna Georgia", "Person")]
    found = NameIndex(rows, {}).resolve("Georgia")
    assert [e.id for e in found.entities] == ["georgia"] and found.rule == "name"


def test_names_topics_only_by_id() -> None:
    assert [e.id for e in INDEX.resolve("Putin").entities] == ["vladimir-putin"]
    assert INDEX.resolve("sanctions on Russia").entities == []


def test_names_knowledge_base_names_only_entities_in_the_graph() -> None:
    assert INDEX.resolve("Trump").entities == []  # in the knowledge base, not in this graph
    assert INDEX.resolve("Washington").entities == []  # a seat is no name of its state


def test_names_unknown_has_no_suggestions() -> None:
    assert INDEX.resolve("Atlantis").suggestions == []


@pytest.mark.parametrize(
    ("asked", "suggested"),
    [("Orbam", "viktor-orban"), ("Macrom", "emmanuel-macron"), ("Lavrof", "sergey-lavrov")],
)
def test_names_nothing_found_suggests_close_names(asked: str, suggested: str | None) -> None:
    found = INDEX.resolve(asked)
    assert found.entities == [] and found.rule is None
    assert [e.id for e in found.suggestions][:1] == ([suggested] if suggested else [])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Viktor Orbán", {"orban"}),
        ("Gilberto Teodoro Jr.", {"teodoro"}),
        ("Ursula von der Leyen", {"leyen", "von der leyen"}),
        ("Putin", set()),
    ],
)
def test_names_surnames(name: str, expected: set[str]) -> None:
    assert surnames(name) == expected
