"""Every cue word in data/cues.json is read by the rules in its own example sentence."""

import json
from importlib import resources

import pytest

from loaders.pipeline import Extractor

pytestmark = pytest.mark.slow
CUES = json.loads(resources.files("loaders").joinpath("data/cues.json").read_text("utf-8"))
KINDS = ("verbs", "nouns", "judgements", "adjectives", "agents", "intention_nouns")
ENTRIES = [
    (kind, word, entry)
    for kind in KINDS
    for word, entry in CUES[kind].items()
    if not word.startswith("_")
]


@pytest.fixture(scope="module")
def extractor(rules_extractor: Extractor) -> Extractor:
    """The rules alone: what a cue entry's example tests."""
    return rules_extractor


@pytest.mark.parametrize(
    ("kind", "word", "entry"), ENTRIES, ids=[f"{k}:{w}" for k, w, _ in ENTRIES]
)
def test_cues_example_reads_its_predicate(
    extractor: Extractor, kind: str, word: str, entry: dict
) -> None:
    claims = extractor.read(extractor.nlp(entry["example"])).claims
    wanted = entry.get("reads", entry["predicate"])
    assert any(c.predicate.value == wanted for c in claims), [
        (c.predicate, c.target) for c in claims
    ]


def test_cues_every_entry_has_an_example_and_an_origin() -> None:
    assert all(entry["example"] and entry["origin"] for _, _, entry in ENTRIES)
