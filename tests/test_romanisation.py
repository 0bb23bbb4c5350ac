"""Romanisation variants of one name share a key; different names keep theirs."""

import json
from importlib import resources

import pytest

from graph.romanisation import romanised

RULES = json.loads(resources.files("graph").joinpath("data/romanisation.json").read_text())


@pytest.mark.parametrize(
    ("rule", "first", "second"),
    [(r["id"], a, b) for r in RULES["rules"] for a, b in r["examples"]],
)
def test_romanisation_every_rule_joins_its_examples(rule: str, first: str, second: str) -> None:
    assert romanised(first) == romanised(second), rule


@pytest.mark.parametrize(
    "variants",
    [
        ["Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskij", "Zelenskyi", "ZELENSKY"],
        ["Sergei Lavrov", "Sergey Lavrov", "Sergej Lawrow", "sergei  lavrov"],
        ["Dmitry Peskov", "Dmitri Peskov", "Dmitriy Peskov", "Dmitrii Peskov"],
        ["Alexei Navalny", "Aleksei Navalny", "Alexey Navalnyy", "Aleksey Navalniy"],
        ["Yevgeny Prigozhin", "Evgeny Prigozhin", "Yevgeniy Prigozhin", "Evgenii Prigozhin"],
        ["Mikhail Khodorkovsky", "Mikhail Hodorkovsky", "Mihail Khodorkovskiy"],
        ["Vladimir Ilyich", "Vladimir Il'ich", "Vladimir Ilich", "Wladimir Iljich"],
        ["Yulia Tymoshenko", "Julia Tymoshenko", "Yuliya Tymoshenko", "Iuliia Tymoshenko"],
        ["Viktor Orbán", "Viktor Orban", "VIKTOR ORBAN"],
    ],
)
def test_romanisation_variants_share_a_key(variants: list[str]) -> None:
    assert len({romanised(v) for v in variants}) == 1, [romanised(v) for v in variants]


@pytest.mark.parametrize(
    ("first", "second"),
    [("Sergey Lavrov", "Sergei Ryabkov"), ("Vladimir Putin", "Viktor Orbán"), ("USA", "UAE")],
)
def test_romanisation_keeps_different_names_apart(first: str, second: str) -> None:
    assert romanised(first) != romanised(second)


def test_romanisation_rules_are_documented() -> None:
    for rule in RULES["rules"]:
        assert rule["id"] and rule["why"] and rule["examples"], rule
