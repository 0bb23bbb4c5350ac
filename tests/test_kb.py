"""The knowledge base (loaders/data/kb.json): a lint of its names and aliases, and its
organizations recognised in sentences of our own under their canonical names."""

import json
from collections import defaultdict
from datetime import date
from importlib import resources

import pytest
from spacy.lang.en.stop_words import STOP_WORDS

from loaders.article import RawArticle
from loaders.clean import clean
from loaders.fragment import Entity
from loaders.kb import _kb_items, load_kb, not_issues
from loaders.pipeline import Extractor
from loaders.text import fold

# Words news text uses in lowercase that party and institution names are made of: a form
# that folds to one of them alone would resolve ordinary words, or another body of the
# same kind, to one entity ("Labour", "the Greens", "Congress", "the Democrats").
NAME_WORDS = {
    "congress", "labour", "labor", "greens", "green", "conservatives", "conservative",
    "liberals", "liberal", "democrats", "democrat", "republicans", "socialists", "league",
    "senate", "house", "diet", "swift", "national", "reform", "renaissance", "left",
    "centre", "center", "together", "unity", "forward", "justice", "freedom", "platform",
    "party", "parliament", "assembly", "council", "court", "bank", "fund", "forum",
    "movement", "coalition", "front", "union", "guard", "army", "navy", "agency",
}  # fmt: skip

# Forms that fold to a common word and stay, each for a reason.
ALLOWED = {
    "us": "'US' is the United States; the ruler is case-sensitive and 'us' is no mention",
    "who": "'WHO' in capitals; the pronoun is never an entity mention",
    "alliance": "NATO's 'the Alliance': the articles' own word for it",
    "bloc": "the EU's 'the bloc': the articles' own word for it",
    "commission": "the European Commission's 'the Commission'",
    "dpa": "Deutsche Presse-Agentur writes its name in lowercase; no English word",
}


def _key(form: str) -> str:
    """The knowledge base's lookup key of a form (mentions are looked up without 'the')."""
    return fold(form).removeprefix("the ")


def _common_words() -> set[str]:
    raw = resources.files("loaders").joinpath("data/collective_nouns.json").read_text("utf-8")
    nouns = {w for k, v in json.loads(raw).items() if not k.startswith("_") for w in v}
    return set(STOP_WORDS) | set(not_issues()) | nouns | NAME_WORDS


def test_kb_no_form_is_shared_by_two_entities() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for item in _kb_items():
        for form in (item["name"], *item.get("aliases", []), *item.get("seats", [])):
            owners[_key(form)].add(item["name"])
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert shared == {}


def test_kb_no_form_is_a_common_word() -> None:
    common = _common_words()
    found = []
    for item in _kb_items():
        for form in (item["name"], *item.get("aliases", [])):
            key = _key(form)
            one_lowercase_word = " " not in key and form.removeprefix("the ").islower()
            if (key in common or one_lowercase_word) and key not in ALLOWED:
                found.append((item["name"], form))
    assert found == []


def test_kb_names_are_unique_and_organizations_well_formed() -> None:
    items = _kb_items()
    names = [item["name"] for item in items]
    assert len(names) == len(set(names))
    for item in items:
        if item["label"] != "Organization":
            continue
        fields = {"name", "label", "aliases", "wikidata", "members", "country", "short"}
        assert set(item) <= fields | {"short_adjectives"}, item["name"]
        assert item["name"] not in item["aliases"], item["name"]
        assert "wikidata" not in item or item["wikidata"].startswith("Q"), item["name"]


def test_kb_parties_named_short_have_a_known_state_and_share_no_fixed_alias() -> None:
    states = {i["name"] for i in _kb_items() if i["label"] == "Country"}
    parties = [i for i in _kb_items() if "short" in i or "short_adjectives" in i]
    assert parties
    for item in parties:
        assert item["country"] in states, item["name"]
        forms = {*item.get("short", []), *item.get("short_adjectives", [])}
        # a short name is read by the country the article names, never fixed to one party
        assert not forms & {a.removeprefix("the ") for a in item["aliases"]}, item["name"]


def test_kb_people_posts_are_held_by_known_states_and_bodies_over_sane_years() -> None:
    holders = {i["name"] for i in _kb_items() if i["label"] in ("Country", "Organization")}
    this_year = date.today().year
    bad = []
    for item in _kb_items():
        if item["label"] != "Person":
            assert "posts" not in item, item["name"]
            continue
        assert set(item) <= {"name", "label", "aliases", "wikidata", "posts"}, item["name"]
        for post in item.get("posts", []):
            end = post["to"] if post["to"] is not None else this_year
            sane = post["title"].strip() and 1950 <= post["from"] <= end <= this_year
            if post["holder"] not in holders or not sane:
                bad.append((item["name"], post))
    assert bad == []


def test_kb_people_loaded_with_their_posts() -> None:
    kb = load_kb()
    rutte = [(p.title, p.holder, p.start, p.end) for p in kb.posts["mark-rutte"]]
    assert rutte == [
        ("Prime Minister", "netherlands", 2010, 2024),
        ("Secretary General", "nato", 2024, None),
    ]
    people = [i for i in _kb_items() if i["label"] == "Person"]
    assert len(people) > 400
    assert all(kb.posts.get(kb.lookup(i["name"]).id) for i in people if i.get("posts"))


@pytest.mark.parametrize(
    "form", ["Congress", "Labour", "Greens", "the Greens", "Democrats", "Social Democrats",
             "Republicans", "Swift", "National Assembly", "Senate", "House of Representatives"],
)  # fmt: skip
def test_kb_leaves_forms_several_bodies_go_by_to_ner(form: str) -> None:
    assert load_kb().lookup(form) is None


def _entities(extractor: Extractor, text: str) -> list[Entity]:
    """The entities extraction finds in a text of our own (under a headline)."""
    article = clean(RawArticle(origin="test", text=f"Test headline\n\n{text}"))
    [fragment] = extractor.extract([article])
    return fragment.entities


def _organizations(extractor: Extractor, text: str) -> dict[str, list[str]]:
    found = _entities(extractor, text)
    return {e.name: e.aliases for e in found if e.label.value == "Organization"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The AfD lost the vote in the Bundestag on Thursday, dpa reported.",
         {"Alternative for Germany", "Bundestag", "Deutsche Presse-Agentur"}),
        ("Fidesz and Civic Platform traded accusations over the budget.",
         {"Fidesz", "Civic Platform"}),
        ("The Tories lost the seat to the Lib Dems, while the Free Democrats gained.",
         {"Conservative Party (UK)", "Liberal Democrats", "Free Democratic Party"}),
        ("The IDF said it had struck Hezbollah positions, Anadolu reported.",
         {"Israel Defense Forces", "Hezbollah", "Anadolu Agency"}),
        ("The China Coast Guard said it had expelled the vessel.", {"China Coast Guard"}),
        ("The Fed held rates while the ECB cut them, Kyodo and Yonhap reported.",
         {"Federal Reserve", "European Central Bank", "Kyodo News", "Yonhap News Agency"}),
        ("ECOWAS and the WTO welcomed the accord, Xinhua said.",
         {"Economic Community of West African States", "World Trade Organization",
          "Xinhua News Agency"}),
        ("The Knesset and the State Duma passed similar laws, posts on Telegram said.",
         {"Knesset", "State Duma", "Telegram"}),
    ],
)  # fmt: skip
def test_kb_organizations_recognised_under_their_canonical_names(
    rules_extractor: Extractor, text: str, names: set[str]
) -> None:
    assert names <= set(_organizations(rules_extractor, text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Japan's ruling Liberal Democratic Party lost its majority.",
         "Liberal Democratic Party (Japan)"),
        ("Romania's Social Democratic Party won the most seats.", None),
        ("South Korea's main opposition Democratic Party walked out.", None),
        ("The New Zealand Labour Party conceded on Sunday.", None),
    ],
)  # fmt: skip
def test_kb_a_generic_party_name_never_takes_a_part_of_a_longer_one(
    rules_extractor: Extractor, text: str, name: str | None
) -> None:
    found = set(_organizations(rules_extractor, text))
    assert not found & {"Democratic Party (United States)", "Labour Party (UK)"}
    assert name is None or name in found


@pytest.mark.slow
def test_kb_organization_keeps_the_form_the_text_used(rules_extractor: Extractor) -> None:
    found = _organizations(rules_extractor, "The AfD and the SPD both rejected the plan.")
    assert "AfD" in found["Alternative for Germany"]
    assert "SPD" in found["Social Democratic Party of Germany"]


@pytest.mark.slow
def test_kb_a_surname_that_folds_to_no_organization_stays_a_person(
    rules_extractor: Extractor,
) -> None:
    article = clean(
        RawArticle(origin="test", text="Test headline\n\nTaylor Swift backed the bill. "
                   "Swift said it was overdue.")
    )  # fmt: skip
    [fragment] = rules_extractor.extract([article])
    labels = {e.name: e.label.value for e in fragment.entities}
    assert labels.get("Taylor Swift") == "Person"
    assert "Organization" not in {labels.get(n) for n in ("Swift", "Taylor Swift")}


def test_kb_a_person_is_found_by_the_end_of_their_full_name() -> None:
    kb = load_kb()
    assert kb.lookup("Tayyip Erdogan").name == "Recep Tayyip Erdoğan"
    assert kb.lookup("Gahr Store").name == "Jonas Gahr Støre"
    assert kb.lookup("Erdogan Tayyip") is None  # an ending, not any two of the words


def test_kb_an_ending_two_people_share_names_neither() -> None:
    from loaders.kb import KnowledgeBase, KnownEntity
    from loaders.ontology import Label

    kb = KnowledgeBase()
    for name in ("Anna Maria Lind", "Eva Maria Lind"):
        kb.add(KnownEntity(id=fold(name).replace(" ", "-"), name=name, label=Label.PERSON))
    kb.index_name_ends()
    assert kb.lookup("Maria Lind") is None
    assert kb.lookup("Anna Maria Lind").name == "Anna Maria Lind"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Peter Magyar said the funds would be unfrozen.", "Péter Magyar"),
        ("The markets rallied after Warsh spoke on Friday.", "Kevin Warsh"),
        ("Jetten told parliament the plan would go ahead.", "Rob Jetten"),
        ("Jose Antonio Kast promised to fight crime.", "José Antonio Kast"),
        ("Mojtaba Khamenei did not appear in public.", "Mojtaba Khamenei"),
        ("Yotova set the date of the election.", "Iliana Iotova"),
    ],
)  # fmt: skip
def test_kb_present_holders_recognised_under_their_canonical_names(
    rules_extractor: Extractor, text: str, name: str
) -> None:
    people = {e.name for e in _entities(rules_extractor, text) if e.label.value == "Person"}
    assert name in people


def test_kb_present_holders_hold_the_posts_now() -> None:
    kb = load_kb()
    now = date.today().year
    for name, title, holder in [
        ("Péter Magyar", "Prime Minister", "hungary"),
        ("Kevin Warsh", "Chair", "federal-reserve"),
        ("Mykhailo Fedorov", "Minister of Defence", "ukraine"),
        ("Mojtaba Khamenei", "Supreme Leader", "iran"),
        ("Catherine Vautrin", "Minister of the Armed Forces", "france"),
        ("Mike Waltz", "Ambassador to the United Nations", "united-states"),
    ]:
        posts = kb.posts[kb.lookup(name).id]
        assert any(p.title == title and p.holder == holder and p.held_in(now) for p in posts)


@pytest.mark.slow
def test_kb_a_known_name_inside_a_longer_one_is_the_longer_one(
    rules_extractor: Extractor,
) -> None:
    text = "A spokesman for the National Security Council said the White House disagreed."
    found = set(_organizations(rules_extractor, text))
    assert "National Security Council" in found and "UN Security Council" not in found


@pytest.mark.slow
def test_kb_a_states_formal_name_leaves_no_entity_of_its_own(rules_extractor: Extractor) -> None:
    text = (
        "The Hashemite Kingdom of Jordan welcomed the memorandum, as did President of the "
        "Republic of Serbia Aleksandar Vucic."
    )
    names = {e.name for e in _entities(rules_extractor, text)}
    assert {"Jordan", "Serbia"} <= names
    assert not {n for n in names if "Kingdom" in n or "Republic" in n}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Islamic Resistance in Iraq claimed the drone attack.", "Islamic Resistance in Iraq"),
        ("The National Bank of Serbia raised its key rate.", "National Bank of Serbia"),
    ],
)
def test_kb_a_name_cut_at_a_known_name_runs_on_through_it(
    rules_extractor: Extractor, text: str, name: str
) -> None:
    assert name in _organizations(rules_extractor, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # recurring world events, with the states their names hold
        ("Russia's full-scale invasion of Ukraine overshadowed the talks. Delegates met at "
         "COP28 in Dubai, where the Israel-Hamas war was also discussed.",
         {("Russian invasion of Ukraine", "Event"),
          ("2023 United Nations Climate Change Conference", "Event"), ("Gaza war", "Event"),
          ("Russia", "Country"), ("Ukraine", "Country")}),
        # names news writes its own way
        ("Supreme Leader Ayatollah Ali Khamenei rejected the talks, the minister wrote on X. "
         "Judges in The Hague will rule on Friday. The State Department declined to comment.",
         {("Ali Khamenei", "Person"), ("X", "Organization"), ("The Hague", "Place"),
          ("United States Department of State", "Organization")}),
    ],
)  # fmt: skip
def test_kb_known_events_and_names_written_news_ways(
    rules_extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    found = {(e.name, e.label.value) for e in _entities(rules_extractor, text)}
    assert expected <= found
    assert not {n for n, _ in found if n.startswith("Ayatollah")}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Katalin Cseh, a liberal Hungarian member of the European Parliament, criticised the "
        "blockade.",
        "Tomasz Nowicki, an analyst at a Warsaw think tank, said the deal would not last.",
    ],
)
def test_kb_a_name_described_as_a_person_is_one(rules_extractor: Extractor, text: str) -> None:
    people = {e.name for e in _entities(rules_extractor, text) if e.label.value == "Person"}
    assert people & {"Katalin Cseh", "Tomasz Nowicki"}


def test_kb_a_plus_sign_makes_another_body() -> None:
    kb = load_kb()
    assert kb.lookup("OPEC+").name == "OPEC+"  # type: ignore[union-attr]
    assert kb.lookup("OPEC").name == "OPEC"  # type: ignore[union-attr]


@pytest.mark.slow
def test_kb_a_full_name_read_as_a_title_is_a_person(rules_extractor: Extractor) -> None:
    from spacy.tokens import Span

    from loaders.entities import _taken_for_work

    doc = rules_extractor.nlp(
        "The court found no evidence that the commission aided Ibrahim Mohamed Solih in the "
        "election. Solih takes office next month."
    )
    start = next(t.i for t in doc if t.text == "Ibrahim")
    assert _taken_for_work(Span(doc, start, start + 3, label="WORK_OF_ART"))
    assert not _taken_for_work(Span(doc, start, start + 3, label="PERSON"))
    assert not _taken_for_work(Span(doc, start, start + 2, label="WORK_OF_ART"))  # no "Mohamed"
