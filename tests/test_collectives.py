"""Groups and events named by a common noun (loaders/collectives.py), on sentences of
our own, through the whole extraction."""

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


def _entities(extractor: Extractor, text: str) -> dict[str, str]:
    fragment = _fragment(extractor, text)
    return {e.name: e.label.value for e in fragment.entities if e.label.value != "Topic"}


def _held(fragment: GraphFragment) -> set[tuple[str, str]]:
    """(subject name, predicate) of every relation."""
    names = {e.id: e.name for e in fragment.entities}
    return {(names[r.subject], r.predicate.value) for r in fragment.relations}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Environmental groups criticised the permit on Monday.", "Environmental groups"),
        ("The opposition walked out of the chamber.", "opposition"),
        ("The permit was criticised by several environmental groups.", "environmental groups"),
    ],
)
def test_collectives_a_group_that_acts_is_a_group(
    extractor: Extractor, text: str, name: str
) -> None:
    assert _entities(extractor, text).get(name) == "Group"


@pytest.mark.parametrize(
    "text",
    [
        "Analysts said the deal was fragile.",  # too vague to be one group
        "The main opposition CHP backed the bill.",  # the party it names acts
        "Germany's governing coalition agreed on the budget.",  # its owner's government
        "The minister met environmental groups on Monday.",  # met, does not act here
    ],
)
def test_collectives_no_group_where_a_name_acts_or_none_does(
    extractor: Extractor, text: str
) -> None:
    assert "Group" not in _entities(extractor, text).values()


def test_collectives_mentions_of_one_event_noun_are_one_event(extractor: Extractor) -> None:
    text = (
        "Leaders gathered for the Black Sea summit on Monday. The summit ended without a statement."
    )
    events = [n for n, label in _entities(extractor, text).items() if label == "Event"]
    assert len(events) == 1, events


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Turkey's parliament approved the accession protocol.", "Turkey's parliament"),
        ("The Estonian foreign ministry summoned the envoy.", "Estonian foreign ministry"),
    ],
)
def test_collectives_a_states_institution_is_an_organization(
    extractor: Extractor, text: str, name: str
) -> None:
    assert _entities(extractor, text).get(name) == "Organization"


def test_collectives_one_states_institution_in_two_forms_is_one(extractor: Extractor) -> None:
    text = (
        "Hungary's parliament will vote on Monday. "
        "The Hungarian parliament approved the protocol by 188 votes to 6."
    )
    bodies = [n for n, label in _entities(extractor, text).items() if label == "Organization"]
    assert len(bodies) == 1, bodies


def test_collectives_a_dateline_is_no_part_of_an_institution(extractor: Extractor) -> None:
    text = "ANKARA - Turkey's parliament approved the accession protocol on Tuesday."
    assert _entities(extractor, text).get("Turkey's parliament") == "Organization"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Farmers blocked roads across the Lublin region on Monday.", "Lublin region"),
        ("Finland closed the Vaalimaa crossing at midnight.", "Vaalimaa crossing"),
    ],
)
def test_collectives_a_named_site_is_a_place(extractor: Extractor, text: str, name: str) -> None:
    assert _entities(extractor, text).get(name) == "Place"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Manila said the patrols breached the UN Convention on the Law of the Sea.",
         "UN Convention on the Law of the Sea"),
        ("Both sides invoked the UN Charter on Monday.", "UN Charter"),
        ("Tehran stayed in the Treaty on the Non-Proliferation of Nuclear Weapons.",
         "Treaty on the Non-Proliferation of Nuclear Weapons"),
        ("Both sides signed the Agreement on the Road to Reconciliation on Monday.",
         "Agreement on the Road to Reconciliation"),
    ],
)  # fmt: skip
def test_collectives_an_agreements_whole_name_is_read(
    extractor: Extractor, text: str, name: str
) -> None:
    assert _entities(extractor, text).get(name) == "Agreement"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Supreme Council for the Defence of the Republic met on Sunday.",
         "Supreme Council for the Defence of the Republic"),
        ("A spokesman for the Ministry of Trade of the Kingdom of Norway spoke.",
         "Ministry of Trade of the Kingdom of Norway"),
    ],
)  # fmt: skip
def test_collectives_an_institutions_chained_name_is_read(
    extractor: Extractor, text: str, name: str
) -> None:
    assert _entities(extractor, text).get(name) == "Organization"


def test_collectives_a_name_after_an_institution_is_its_own(extractor: Extractor) -> None:
    text = "Spokeswoman of the Ministry of Foreign Affairs of Russia Maria Zakharova said so."
    assert _entities(extractor, text).get("Maria Zakharova") == "Person"


def test_collectives_a_titled_name_and_the_name_after_it_are_one(extractor: Extractor) -> None:
    text = "Defense Secretary Gilberto Teodoro Jr. said the ship would stay."
    assert _entities(extractor, text).get("Gilberto Teodoro Jr") == "Person"


def test_collectives_first_names_read_as_an_organization_are_the_persons(
    extractor: Extractor,
) -> None:
    text = "Chad's president, Mahamat Idriss Deby Itno, flew to Abuja on Monday."
    names = _entities(extractor, text)
    assert names.get("Mahamat Idriss Deby Itno") == "Person", names


def test_collectives_a_point_of_the_compass_is_part_of_the_regions_name(
    extractor: Extractor,
) -> None:
    text = "Stability in the Western Balkans was discussed. Leaders from West Africa met."
    names = _entities(extractor, text)
    assert names.get("Western Balkans") == names.get("West Africa") == "Place", names
    assert not {"Western", "West", "Africa", "Balkans"} & set(names), names


@pytest.mark.parametrize(
    ("text", "name", "leaning"),
    [
        ("The pro-Russian Slovak National Party left the coalition.",
         "Slovak National Party", "Russian Slovak National Party"),
        ("The pro-European Party of Action and Solidarity won the vote.",
         "Party of Action and Solidarity", "pro-European"),
    ],
)  # fmt: skip
def test_collectives_a_leaning_is_no_part_of_a_name(
    extractor: Extractor, text: str, name: str, leaning: str
) -> None:
    names = _entities(extractor, text)
    assert name in names and leaning not in names, names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a state the knowledge base lacks, and a body the parser took for a name
        ("Myanmar's foreign ministry strongly objected to the plan.",
         "Myanmar's foreign ministry"),
        # an office NER found, with the state written before it
        ("China's Commerce Ministry condemned the tariffs on Friday.",
         "Chinese Commerce Ministry"),
        ("The Iranian Foreign Ministry rejected the report.", "Iranian Foreign Ministry"),
        # a state's court or parliament likewise
        ("India's Supreme Court struck down the scheme.", "India's Supreme Court"),
    ],
)  # fmt: skip
def test_collectives_a_states_office_is_named_with_its_state(
    extractor: Extractor, text: str, name: str
) -> None:
    assert _entities(extractor, text).get(name) == "Organization"


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("The Government of the Republic of Zambia thanked its creditors.", "Zambia"),
        ("The Federal Government of Somalia called the deal illegal.", "Somalia"),
        ("The Government of Serbia signed the memorandum.", "Serbia"),
    ],
)
def test_collectives_a_states_government_by_name_is_the_state(
    extractor: Extractor, text: str, state: str
) -> None:
    entities = _entities(extractor, text)
    assert entities.get(state) == "Country"
    assert not any("Government" in name for name in entities)


def test_collectives_a_government_named_for_no_state_stays_a_body(extractor: Extractor) -> None:
    assert "Country" not in _entities(extractor, "The Government of National Unity met.").values()


def test_collectives_a_ministrys_statement_is_its_states_too(extractor: Extractor) -> None:
    found = _held(
        _fragment(extractor, "China's Commerce Ministry condemned the tariffs on Friday.")
    )
    assert {("Chinese Commerce Ministry", "CRITICIZES"), ("China", "CRITICIZES")} <= found


def test_collectives_the_outlet_the_article_names_is_an_organization(
    extractor: Extractor,
) -> None:
    text = "Test headline\n\nTatra Post, 26 October 2023\n\nSlovakia halted its military aid."
    article = clean(RawArticle(origin="test", text=text, source="Tatra Post"))
    [fragment] = extractor.extract([article])
    assert {e.name: e.label.value for e in fragment.entities}.get("Tatra Post") == "Organization"


def test_collectives_a_surname_ner_took_for_a_body_is_the_person(extractor: Extractor) -> None:
    text = (
        "EU climate commissioner Wopke Hoekstra arrived in Dubai on Monday. "
        "Hoekstra called the draft text unacceptable."
    )
    fragment = _fragment(extractor, text)
    found = _held(fragment)
    assert ("Wopke Hoekstra", "OPPOSES") in found, found
    assert "Hoekstra" not in {e.name for e in fragment.entities if e.label.value != "Person"}


def test_collectives_a_surname_ner_missed_is_the_person(extractor: Extractor) -> None:
    text = (
        "Union leader Shawn Fain spoke in Detroit on Monday. Ford chief executive Jim Farley "
        "said the offer was generous.\n\nFain has dismissed the offers as insulting. The "
        "union, he said, would not accept them."
    )
    found = _held(_fragment(extractor, text))
    assert ("Shawn Fain", "OPPOSES") in found, found


def test_collectives_a_meeting_yet_to_come_is_an_event_but_no_meeting(
    extractor: Extractor,
) -> None:
    text = "Consultations in Geneva between Chile and Peru will begin on January 10."
    fragment = _fragment(extractor, text)
    assert "Event" in {e.label.value for e in fragment.entities}
    assert not [r for r in fragment.relations if r.predicate.value == "MEETS"]


def test_collectives_a_spokespersons_stance_is_the_stance_of_whom_they_speak_for(
    extractor: Extractor,
) -> None:
    text = "Kremlin spokesman Dmitry Peskov criticised the decision to close the consulate."
    found = _held(_fragment(extractor, text))
    assert {("Dmitry Peskov", "CRITICIZES"), ("Russia", "CRITICIZES")} <= found


def test_collectives_a_minister_speaking_is_not_made_a_spokesperson(extractor: Extractor) -> None:
    text = "Russian Energy Minister Sergei Tsivilev criticised the decision to close the port."
    assert ("Russia", "CRITICIZES") not in _held(_fragment(extractor, text))


def test_collectives_a_states_court_rules_for_itself(extractor: Extractor) -> None:
    found = _held(_fragment(extractor, "Gabon's Constitutional Court rejected the challenge."))
    assert ("Gabonese Constitutional Court", "OPPOSES") in found
    assert ("Gabon", "OPPOSES") not in found


def test_collectives_a_release_speaks_as_the_body_that_issues_it(extractor: Extractor) -> None:
    text = (
        "The Ministry of Foreign Affairs of Chile is following the crisis in Haiti with "
        "concern. Chile calls for calm. We urge all parties to end the violence."
    )
    found = _held(_fragment(extractor, text))
    assert ("Ministry of Foreign Affairs of Chile", "OPPOSES") in found, found
    assert ("Chile", "OPPOSES") in found, found  # a ministry speaks for its state


def test_collectives_we_in_apposition_or_as_a_statements_author(extractor: Extractor) -> None:
    apposed = "We, the Government of Kenya, fully endorse the ceasefire agreement in Sudan."
    assert {("Government of Kenya", "SUPPORTS"), ("Kenya", "SUPPORTS")} & _held(
        _fragment(extractor, apposed)
    )
    authored = (
        "Statement from the Ministry of Foreign Affairs of Ghana on the situation in Mali.\n\n"
        "We urge all parties to end the violence."
    )
    found = _held(_fragment(extractor, authored))
    assert ("Ministry of Foreign Affairs of Ghana", "OPPOSES") in found, found


def test_collectives_the_company_is_the_business_named_last(extractor: Extractor) -> None:
    text = "The European Commission fined Apple on Monday. The company rejected the fine."
    assert ("Apple", "OPPOSES") in _held(_fragment(extractor, text))


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("All opposition parties back the treaty.", "opposition parties", "All opposition parties"),
        (
            "Environmental groups from across the region criticised the permit.",
            "Environmental groups",
            "Environmental groups from across the region",
        ),
    ],
)
def test_collectives_a_group_keeps_its_phrase_as_written_among_its_aliases(
    extractor: Extractor, text: str, name: str, alias: str
) -> None:
    [group] = [e for e in _fragment(extractor, text).entities if e.label.value == "Group"]
    assert (group.name, alias in group.aliases) == (name, True)
