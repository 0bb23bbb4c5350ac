"""The nouns that name actions: news usage first, then WordNet's derivations
(loaders/data/nominalisations.json, made by tools/nominalisations.py)."""

import pytest

from loaders.cues import NOMINALISATIONS


@pytest.mark.parametrize(
    ("verb", "noun"),
    [
        ("close", "closure"),  # derived
        ("remove", "removal"),  # the noun used most, not "remotion"
        ("extradite", "extradition"),
        ("lift", "lifting"),  # news usage wins over WordNet
        ("stop", "halt"),
    ],
)
def test_nominalisations_name_the_action(verb: str, noun: str) -> None:
    assert NOMINALISATIONS[verb] == noun


def test_nominalisations_leave_out_nouns_that_repeat_the_verb() -> None:
    derived_only = {v: n for v, n in NOMINALISATIONS.items() if v == n}
    assert all(v in {"increase", "end", "return", "guarantee", "respect", "supply", "export",
                     "transfer", "reform", "ban", "cut", "release", "attack", "arrest",
                     "review", "audit", "recount", "probe"}
               for v in derived_only), derived_only  # fmt: skip
