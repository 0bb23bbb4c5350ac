"""Resolution on hand-built mentions and docs: one real entity, one node."""

import pytest
import spacy
from spacy.tokens import Span

from loaders.article import Article
from loaders.entities import Mention, mentions, surface
from loaders.kb import KnownEntity, load_kb
from loaders.ontology import Label
from loaders.pipeline import Extractor
from loaders.resolve import resolve
from loaders.text import fold, slugify


def _m(text: str, label: Label, start: int = 0) -> Mention:
    return Mention(text=text, label=label, start=start, end=start + len(text), sentence=0)


def test_text_fold_and_slug() -> None:
    assert fold("Víktor  ORBÁN's") == "viktor orban s"
    assert slugify("Viktor Orbán") == "viktor-orban"
    assert slugify("NATO-Russia Council") == "nato-russia-council"


def test_resolve_accents_and_case_fold_to_one_entity() -> None:
    entities, assigned = resolve(
        [_m("Gergő Kovács", Label.PERSON), _m("Gergo Kovacs", Label.PERSON, 20)], load_kb()
    )
    assert len(entities) == 1
    assert entities[0].id == "gergo-kovacs"
    assert entities[0].mentions == 2
    assert assigned == {0: "gergo-kovacs", 1: "gergo-kovacs"}


def test_resolve_surname_to_full_name_in_article() -> None:
    entities, _ = resolve(
        [_m("Anna Novak", Label.PERSON), _m("Novak", Label.PERSON, 30)], load_kb()
    )
    [person] = entities
    assert person.name == "Anna Novak" and person.aliases == ["Novak"]


def test_resolve_a_given_name_one_person_goes_by() -> None:
    mentions = [
        _m("Prabowo Subianto", Label.PERSON),
        _m("Anwar Ibrahim", Label.PERSON, 30),
        _m("Prabowo", Label.PERSON, 60),
        _m("Ibrahim", Label.PERSON, 80),
    ]
    entities, assigned = resolve(mentions, load_kb())
    assert assigned[2] == assigned[0] and assigned[3] == assigned[1] and len(entities) == 2


def test_resolve_a_given_name_two_people_share_stays_apart() -> None:
    mentions = [
        _m("Maria Lopez", Label.PERSON),
        _m("Maria Santos", Label.PERSON, 20),
        _m("Maria", Label.PERSON, 40),
        _m("Ana Silva", Label.PERSON, 60),
        _m("Silva Ramos", Label.PERSON, 80),
        _m("Silva", Label.PERSON, 100),  # a surname first: the other's given name
    ]
    _, assigned = resolve(mentions, load_kb())
    assert assigned[2] not in {assigned[0], assigned[1]}
    assert assigned[5] == assigned[3]


def _at(text: str, name: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.find(name, start + 1)
    return _m(name, Label.ORGANIZATION, start)


def test_resolve_an_acronym_to_the_name_it_stands_for() -> None:
    text = (
        "The Dockworkers Union of Ruritania said on Monday that the DUR would strike. "
        "The Port Owners Council refused. The POC and the DUR met."
    )
    found = [_at(text, n) for n in ("Dockworkers Union of Ruritania", "DUR", "Port Owners Council")]
    found += [_at(text, "POC"), _at(text, "DUR", 1)]
    entities, assigned = resolve(found, load_kb(), text=text)
    assert assigned[0] == assigned[1] == assigned[4] and assigned[2] == assigned[3]
    assert {e.name for e in entities} == {"Dockworkers Union of Ruritania", "Port Owners Council"}


def test_resolve_a_bracketed_acronym_to_the_name_before_it() -> None:
    text = "The Port Owners Council (PORC) refused, and the PORC said so again."
    found = [_at(text, "Port Owners Council"), _at(text, "PORC"), _at(text, "PORC", 1)]
    entities, assigned = resolve(found, load_kb(), text=text)
    assert len(set(assigned.values())) == 1 and entities[0].aliases == ["PORC"]


def test_resolve_a_known_person_written_with_a_middle_initial() -> None:
    entities, _ = resolve([_m("Antony J. Blinken", Label.PERSON)], load_kb())
    assert [e.name for e in entities] == ["Antony Blinken"]


def test_resolve_a_company_with_and_without_its_legal_form_is_one() -> None:
    text = "Telkar SA said it would appeal. Telkar filed notice on Friday. Telkar Group grew."
    found = [_at(text, "Telkar SA"), _at(text, "Telkar", 1), _at(text, "Telkar Group")]
    entities, assigned = resolve(found, load_kb(), text=text)
    assert assigned[0] == assigned[1] != assigned[2]
    assert {e.name for e in entities} == {"Telkar SA", "Telkar Group"}


def test_resolve_a_ministry_named_both_ways_is_one() -> None:
    text = (
        "The Ministry of Foreign Affairs of Ruritania protested. A Foreign Ministry spokesman "
        "spoke. The Defence Ministry stayed silent."
    )
    names = ("Ministry of Foreign Affairs of Ruritania", "Foreign Ministry", "Defence Ministry")
    found = [_at(text, n) for n in names]
    _, assigned = resolve(found, load_kb(), text=text)
    assert assigned[0] != assigned[1] != assigned[2]  # "of Ruritania": another name
    found = [_at(text, "Ministry of Foreign Affairs"), _at(text, "Foreign Ministry")]
    _, assigned = resolve(found, load_kb(), text=text)
    assert assigned[0] == assigned[1]


def test_resolve_a_states_ministry_named_both_ways_is_one() -> None:
    """The state named after "of" or by its adjective: the same ministry; another
    state's ministry of the same portfolio stays apart."""
    text = (
        "The Ministry of Foreign Affairs of Russia protested. The Russian Foreign Ministry "
        "said so. The Ukrainian Foreign Ministry replied. The Ministry of Defence of Russia "
        "stayed silent."
    )
    names = (
        "Ministry of Foreign Affairs of Russia",
        "Russian Foreign Ministry",
        "Ukrainian Foreign Ministry",
        "Ministry of Defence of Russia",
    )
    _, assigned = resolve([_at(text, n) for n in names], load_kb(), text=text)
    assert assigned[0] == assigned[1]
    assert len({assigned[0], assigned[2], assigned[3]}) == 3


@pytest.mark.slow
def test_entities_a_ministry_named_by_its_portfolio(extractor: Extractor) -> None:
    """Read in every sentence, where NER reads it in some and not in others."""
    text = "Iran rejected it.\n\nForeign Ministry Spokesman Esmaeil Baghaei dismissed the claims."
    found = mentions(extractor.nlp(text), load_kb())
    assert ("Foreign Ministry", Label.ORGANIZATION) in {(m.text, m.label) for m in found}


def test_resolve_an_acronym_two_names_could_spell_stays_apart() -> None:
    text = "The Ruritanian Trade Council and the Ruritanian Tax Commission met. The RTC spoke."
    found = [_at(text, n) for n in ("Ruritanian Trade Council", "Ruritanian Tax Commission", "RTC")]
    _, assigned = resolve(found, load_kb(), text=text)
    assert len(set(assigned.values())) == 3


def test_resolve_seats_and_demonyms_act_for_states() -> None:
    kb = load_kb()
    entities, _ = resolve(
        [
            _m("Moscow", Label.COUNTRY),
            _m("Kremlin", Label.ORGANIZATION),
            _m("Russian", Label.COUNTRY),
        ],
        kb,
    )
    [russia] = entities
    assert (russia.id, russia.name, russia.label, russia.wikidata) == (
        "russia",
        "Russia",
        Label.COUNTRY,
        "Q159",
    )


def test_resolve_kb_alias_gives_canonical_name() -> None:
    [orban], _ = resolve([_m("Orban", Label.PERSON)], load_kb())
    assert (orban.id, orban.name) == ("viktor-orban", "Viktor Orbán")


def test_resolve_kb_alias_written_with_its_article() -> None:
    """The KB says "the bloc"; a mention is looked up without its article."""
    entities, _ = resolve([_m(surface("the bloc"), Label.ORGANIZATION)], load_kb())
    assert [e.name for e in entities] == ["European Union"]


def test_resolve_capitals_and_demonyms_beyond_europe() -> None:
    entities, _ = resolve(
        [_m("Pristina", Label.COUNTRY), _m("Kuwaiti", Label.COUNTRY, 10)], load_kb()
    )
    assert [(e.name, e.label) for e in entities] == [
        ("Kosovo", Label.COUNTRY),
        ("Kuwait", Label.COUNTRY),
    ]


def test_resolve_a_capital_named_as_a_place_is_the_city() -> None:
    """Extraction labels a capital a place only where the article never has it act."""
    entities, _ = resolve([_m("Nairobi", Label.PLACE)], load_kb())
    assert [(e.name, e.label) for e in entities] == [("Nairobi", Label.PLACE)]


def test_resolve_against_entities_already_in_graph() -> None:
    known = {
        "acme alliance": KnownEntity(
            id="acme-alliance", name="ACME Alliance", label=Label.ORGANIZATION
        )
    }
    [entity], _ = resolve([_m("Acme Alliance", Label.ORGANIZATION)], load_kb(), known)
    assert (entity.id, entity.name) == ("acme-alliance", "ACME Alliance")


def test_resolve_unknown_entity_still_works() -> None:
    [entity], _ = resolve([_m("Zorblax Institute", Label.ORGANIZATION)], load_kb())
    assert (entity.id, entity.name, entity.label) == (
        "zorblax-institute",
        "Zorblax Institute",
        Label.ORGANIZATION,
    )


def test_entities_surface_strips_articles_honorifics_possessives() -> None:
    assert surface("the Kremlin’s") == "Kremlin"
    assert surface("Mr. Prime Minister") == "Prime Minister"
    assert surface("  NATO's ") == "NATO"
    assert surface("Prince Abdulaziz bin Salman") == "Abdulaziz bin Salman"
    assert surface("Sheikh Tamim bin Hamad Al Thani") == "Tamim bin Hamad Al Thani"


@pytest.mark.slow
def test_entities_a_name_split_by_the_tagger_is_one_person(extractor: Extractor) -> None:
    text = "Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani said talks would go on."
    found = mentions(extractor.nlp(text), load_kb())
    people = [m.text for m in found if m.label is Label.PERSON]
    assert people == ["Mohammed bin Abdulrahman Al Thani"]


def test_entities_map_spacy_labels_on_hand_built_doc() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Hungarian officials met Putin in Geneva on Monday and signed nothing.")
    doc.ents = [
        Span(doc, 0, 1, label="NORP"),
        Span(doc, 3, 4, label="PERSON"),
        Span(doc, 5, 6, label="GPE"),
        Span(doc, 7, 8, label="DATE"),
    ]
    found = [(m.text, m.label) for m in mentions(doc, load_kb())]
    assert found == [
        ("Hungarian", Label.COUNTRY),
        ("Putin", Label.PERSON),
        ("Geneva", Label.PLACE),  # a GPE that names no state
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Britain and the European Union agreed the Windsor Framework on Monday.",
         "Windsor Framework"),
        ("Turkey brokered the Black Sea Grain Initiative in July.", "Black Sea Grain Initiative"),
    ],
)  # fmt: skip
def test_resolve_a_name_ending_in_an_agreement_word_is_an_agreement(
    rules_extractor: Extractor, text: str, name: str
) -> None:
    found = mentions(rules_extractor.nlp(text), rules_extractor.kb)
    assert (name, Label.AGREEMENT) in {(m.text, m.label) for m in found}


@pytest.mark.parametrize(
    ("names", "meant"),
    [
        (["ASEAN", "the bloc"], "asean"),  # another group of states named, the EU not
        (["ASEAN", "EU", "the bloc"], "european-union"),  # the EU named too: its alias
        (["the bloc"], "european-union"),  # nothing named before: the knowledge base's
        (["ECOWAS", "NATO", "the alliance"], "nato"),
    ],
)
def test_resolve_a_description_is_the_group_of_states_the_article_names(
    names: list[str], meant: str
) -> None:
    mentions = [_m(n, Label.ORGANIZATION, start=20 * i) for i, n in enumerate(names)]
    _, assigned = resolve(mentions, load_kb())
    assert assigned[len(names) - 1] == meant


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("The 27-nation bloc imposed tariffs on steel.", "european-union"),
        ("Norway is the only member of the 32-member alliance to object.", "nato"),
    ],
)
def test_resolve_a_description_with_the_groups_size(
    rules_extractor: Extractor, text: str, meant: str
) -> None:
    article = Article(id="a", origin="t", text=text, content_hash="h")
    fragment = rules_extractor.fragment(rules_extractor.nlp(text), article)
    assert meant in {e.id for e in fragment.entities}


def test_resolve_a_body_named_without_its_state_is_the_one_of_the_state_named() -> None:
    """ "China's Foreign Ministry ... a Foreign Ministry spokesman": one body, written the
    way a state's own bodies are ("Chinese Foreign Ministry")."""
    text = "China's Foreign Ministry protested. A Foreign Ministry spokesman said so."
    found = [_at(text, "China's Foreign Ministry"), _at(text, "Foreign Ministry", 1)]
    entities, assigned = resolve(found, load_kb(), text=text)
    assert assigned[0] == assigned[1] == "chinese-foreign-ministry"
    assert entities[0].name == "Chinese Foreign Ministry"
    assert entities[0].aliases == ["China's Foreign Ministry", "Foreign Ministry"]


def test_resolve_a_body_two_states_have_stays_apart_unqualified() -> None:
    text = (
        "China's Foreign Ministry protested to the Japanese Foreign Ministry. "
        "A Foreign Ministry spokesman said so."
    )
    found = [
        _at(text, "China's Foreign Ministry"),
        _at(text, "Japanese Foreign Ministry"),
        _at(text, "Foreign Ministry", 2),
    ]
    _, assigned = resolve(found, load_kb(), text=text)
    assert len(set(assigned.values())) == 3


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("Yvonne Gonzalez Rogers", "Gonzalez Rogers"),  # a surname of two words
        ("Abdel Fattah al-Burhan", "Burhan"),  # an Arabic article left out
        ("Brice Oligui Nguema", "Oligui Nguema"),
    ],
)
def test_resolve_a_surname_as_written_alone(full: str, short: str) -> None:
    entities, assigned = resolve([_m(full, Label.PERSON), _m(short, Label.PERSON, 40)], load_kb())
    assert len(entities) == 1 and assigned[0] == assigned[1], entities


@pytest.mark.parametrize(
    ("bodies", "short", "linked"),
    [
        (["Gulf Research League"], "League", True),
        (["Council of Coastal Ministers"], "Council", True),
        (["Council of Coastal Ministers", "Baltic Harbour Council"], "Council", False),
        (["Orchard Music"], "Orchard", False),  # a first word is the company, not its service
    ],
)
def test_resolve_a_bodys_head_word_alone(bodies: list[str], short: str, linked: bool) -> None:
    mentions = [_m(b, Label.ORGANIZATION, 40 * i) for i, b in enumerate(bodies)]
    mentions.append(_m(short, Label.ORGANIZATION, 200))
    _, assigned = resolve(mentions, load_kb())
    assert (assigned[len(bodies)] in {assigned[i] for i in range(len(bodies))}) is linked
