"""Parties named the short way (loaders/parties.py): the party of the country the article
names, on articles of our own, through the whole extraction."""

import pytest

from loaders.article import RawArticle
from loaders.clean import clean
from loaders.fragment import GraphFragment
from loaders.pipeline import Extractor

pytestmark = pytest.mark.slow


def _fragment(extractor: Extractor, text: str) -> GraphFragment:
    article = clean(RawArticle(origin="test", text=f"Test headline\n\n{text}"))
    [fragment] = extractor.extract([article])
    return fragment


def _organizations(extractor: Extractor, text: str) -> set[str]:
    fragment = _fragment(extractor, text)
    return {e.name for e in fragment.entities if e.label.value == "Organization"}


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Labour won the vote in Britain, and the Greens came third.", "Labour Party (UK)"),
        ("Labour won the vote in New Zealand, and the Greens came third.",
         "New Zealand Labour Party"),
        ("In the United States, Republicans blocked the bill.", "Republican Party (United States)"),
        ("In France, the Republicans blocked the bill.", "The Republicans (France)"),
        # an adjective of the party before a common noun
        ("In the United States, Republican senators blocked the bill.",
         "Republican Party (United States)"),
    ],
)  # fmt: skip
def test_parties_a_short_name_is_the_party_of_the_country_named(
    extractor: Extractor, text: str, party: str
) -> None:
    assert party in _organizations(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        # no country named: no way to tell which Labour
        "Labour won the vote by a wide margin on Sunday.",
        # part of a longer name, or a name of its own
        "In Sweden, the Sweden Democrats gained seats.",
        "In Spain, the Socialists and Democrats group met in Madrid.",
        "Troops of the Democratic Republic of the Congo crossed the border.",
    ],
)
def test_parties_a_short_name_is_no_party_where_words_say_otherwise(
    extractor: Extractor, text: str
) -> None:
    found = _organizations(extractor, text)
    assert not found & {
        "Labour Party (UK)",
        "Swedish Social Democratic Party",
        "Spanish Socialist Workers' Party",
        "Democratic Party (United States)",
    }, found


def test_parties_a_party_named_short_takes_stances(extractor: Extractor) -> None:
    fragment = _fragment(extractor, "In the United States, Republicans opposed the bill.")
    names = {e.id: e.name for e in fragment.entities}
    held = {(names[r.subject], r.predicate.value, names[r.object]) for r in fragment.relations}
    assert ("Republican Party (United States)", "OPPOSES", "bill") in held, held
