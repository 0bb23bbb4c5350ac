"""HOLDS_ROLE from titles and appositives."""

import pytest
import spacy
from spacy.tokens import Doc, Span

from loaders.article import Article
from loaders.kb import Post
from loaders.ontology import Label, Predicate
from loaders.pipeline import Extractor
from loaders.roles import roles


@pytest.fixture(scope="module")
def extractor(rules_extractor: Extractor) -> Extractor:
    """These tests read the rules alone (the learned decision is tested in test_decide)."""
    return rules_extractor


def test_roles_appositive_on_hand_built_doc() -> None:
    words = ["Putin", "met", "Orbán", ",", "Prime", "Minister", "of", "Hungary", "."]
    heads = [1, 1, 1, 2, 5, 2, 5, 6, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "compound", "appos", "prep", "pobj", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, 0, 1, "PERSON"), Span(doc, 2, 3, "PERSON"), Span(doc, 7, 8, "GPE")]
    entity_at = {0: "vladimir-putin", 2: "viktor-orban", 7: "hungary"}
    labels = {
        "vladimir-putin": Label.PERSON,
        "viktor-orban": Label.PERSON,
        "hungary": Label.COUNTRY,
    }
    [role] = roles(doc, entity_at, labels, posts={})
    assert (role.person, role.holder, role.title) == ("viktor-orban", "hungary", "Prime Minister")


def _article(text: str, published: str | None = None) -> Article:
    return Article(id="art-t", origin="test", text=text, content_hash="h", published=published)


def _held(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    """(person, holder) of each post extraction reads in a text."""
    fragment = extractor.fragment(extractor.nlp(text), _article(text))
    return {(r.subject, r.object) for r in fragment.relations if r.predicate == "HOLDS_ROLE"}


def _minister_met_two_states() -> tuple[Doc, dict[int, str], dict[str, Label]]:
    """ "Foreign Minister Jan Novak met Alpha and Beta.": a title with no holder."""
    words = ["Foreign", "Minister", "Jan", "Novak", "met", "Alpha", "and", "Beta", "."]
    heads = [1, 3, 3, 4, 4, 4, 5, 5, 4]
    deps = ["compound", "compound", "compound", "nsubj", "ROOT", "dobj", "cc", "conj", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, 2, 4, "PERSON"), Span(doc, 5, 6, "GPE"), Span(doc, 7, 8, "GPE")]
    entity_at = {2: "jan-novak", 3: "jan-novak", 5: "alpha", 7: "beta"}
    labels = {"jan-novak": Label.PERSON, "alpha": Label.COUNTRY, "beta": Label.COUNTRY}
    return doc, entity_at, labels


@pytest.mark.parametrize(
    ("posts", "year", "holder"),
    [
        # the post held in the article's year; with no year, the latest
        ([Post("Minister of Foreign Affairs", "alpha", 2010, 2015),
          Post("Minister of Foreign Affairs", "beta", 2016, None)], 2012, "alpha"),
        ([Post("Minister of Foreign Affairs", "alpha", 2010, 2015),
          Post("Minister of Foreign Affairs", "beta", 2016, None)], None, "beta"),
        # the post the title names wins over the post held then
        ([Post("Minister of Foreign Affairs", "alpha", 2010, 2015),
          Post("Prime Minister", "beta", 2016, None)], 2020, "alpha"),
        ([Post("Minister of Foreign Affairs", "alpha", 2010, 2015),
          Post("Deputy Minister of Foreign Affairs", "beta", 2016, None)], 2020, "alpha"),
        # no post the title names: the one held then
        ([Post("Prime Minister", "alpha", 2010, 2015),
          Post("President", "beta", 2016, None)], 2012, "alpha"),
        # the post the title names is in a body the article does not mention: none
        ([Post("Minister of Foreign Affairs", "gamma", 2016, None),
          Post("Prime Minister", "beta", 2010, 2015)], 2020, None),
    ],
)  # fmt: skip
def test_roles_a_title_with_no_holder_takes_the_post_it_names(
    posts: list[Post], year: int | None, holder: str | None
) -> None:
    doc, entity_at, labels = _minister_met_two_states()
    found = roles(doc, entity_at, labels, posts={"jan-novak": posts}, year=year)
    expected = [("jan-novak", holder, "Foreign Minister")] if holder else []
    assert [(r.person, r.holder, r.title) for r in found] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hungarian Prime Minister Viktor Orban met reporters on Monday.",
         ("viktor-orban", "hungary", "Prime Minister")),
        ("Russian Deputy Foreign Minister Sergei Ryabkov told reporters that talks would go on.",
         ("sergei-ryabkov", "russia", "Deputy Foreign Minister")),
        ("EU foreign policy chief Josep Borrell arrived in Kyiv on Monday.",
         ("josep-borrell", "european-union", "Foreign Policy Chief")),
        ("Kuwaiti Emir Sheikh Mishal al-Ahmad al-Sabah arrived in Riyadh on Monday.",
         ("mishal-al-ahmad-al-sabah", "kuwait", "Emir")),
        # a demonym the model's NER misses
        ("Lithuanian Foreign Minister Gabrielius Landsbergis told reporters in Vilnius.",
         ("gabrielius-landsbergis", "lithuania", "Foreign Minister")),
        # a name the model's NER misses behind a title
        ("Jordanian King Abdullah arrived in Cairo on Monday.",
         ("abdullah", "jordan", "King")),
        # a title word NER took for a name ("Defence")
        ("German Defence Minister Boris Pistorius arrived in Vilnius on Monday.",
         ("boris-pistorius", "germany", "Defence Minister")),
        # an honorific between title and name
        ("Qatari Emir Sheikh Tamim bin Hamad Al Thani arrived in Riyadh on Monday.",
         ("tamim-bin-hamad-al-thani", "qatar", "Emir")),
        ("He criticized statements made by top EU diplomat Kaja Kallas last week.",
         ("kaja-kallas", "european-union", "Diplomat")),
        ("Recently, the Hungarian Foreign Minister, Péter Szijjártó, has assured reporters.",
         ("peter-szijjarto", "hungary", "Foreign Minister")),
        # the title of its holder before the name; the holder's possessive before the title
        ("Federal Chancellor of Germany Olaf Scholz spoke first.",
         ("olaf-scholz", "germany", "Federal Chancellor")),
        ("Nigeria's President Bola Tinubu said the officers had to give up power.",
         ("bola-tinubu", "nigeria", "President")),
        # the name right after the title's holder, which NER did not read
        ("Executive Vice-President of the European Commission Valdis Dombrovskis spoke.",
         ("valdis-dombrovskis", "european-commission", "Executive Vice-President")),
        # a body's short name in brackets between its name and the title
        ("World Health Organization (WHO) Director General Tedros Adhanom Ghebreyesus "
         "arrived in Kyiv on Monday.",
         ("tedros-adhanom-ghebreyesus", "world-health-organization", "Director General")),
        # a title of a body in apposition, the parser taking the body for the apposition
        ("Ali Larijani, Secretary of Iran's Supreme National Security Council, arrived in "
         "Baghdad on Monday.",
         ("ali-larijani", "supreme-national-security-council", "Secretary")),
        ("Kenyan High Commissioner Peter Mathuki arrived in Kampala on Monday.",
         ("peter-mathuki", "kenya", "High Commissioner")),
        # words that qualify a post: its office, its term, its chamber
        ("Kremlin Press Secretary Dmitry Peskov told reporters on Monday.",
         ("dmitry-peskov", "russia", "Press Secretary")),
        ("Thailand's caretaker Prime Minister Phumtham Wechayachai arrived in Phnom Penh.",
         ("phumtham-wechayachai", "thailand", "Caretaker Prime Minister")),
        ("SPD co-leader Lars Klingbeil told reporters on Monday.",
         ("lars-klingbeil", "social-democratic-party-of-germany", "Co-Leader")),
        ("FAA Administrator Mike Whitaker told reporters on Monday.",
         ("mike-whitaker", "faa", "Administrator")),
        # a name after a title and a comma, which the parser may take for a conjunct
        ("On the eve of the Summit, the President of the Russian Federation, Vladimir Putin, "
         "named conditions for a ceasefire.", ("vladimir-putin", "russia", "President")),
        # a title completed by "for", which the parser took for the name's head
        ("Talks followed with the EU's special representative for the Belgrade-Pristina "
         "dialogue, Miroslav Lajcak.", ("miroslav-lajcak", "european-union",
                                        "Special Representative")),
        # a title after "whose" is a post in the body "whose" refers to
        ("The Andean Fishing Council, whose president Marta Quispe is an ally of the "
         "government, met on Monday.", ("marta-quispe", "andean-fishing-council", "President")),
        # a person's membership of a body is a post in it
        ("Anna Keller, a member of the European Parliament, arrived in Kyiv on Monday.",
         ("anna-keller", "european-parliament", "Member")),
    ],
)  # fmt: skip
def test_roles_through_the_pipeline(extractor: Extractor, text: str, expected: tuple) -> None:
    fragment = extractor.fragment(extractor.nlp(text), _article(text))
    found = [(r.subject, r.object, r.title) for r in fragment.relations]
    assert found == [expected]
    [relation] = fragment.relations
    assert relation.predicate is Predicate.HOLDS_ROLE
    [evidence] = relation.evidence
    assert text[evidence.start : evidence.end].strip() == evidence.sentence


@pytest.mark.slow
def test_roles_former_title_is_not_a_current_role(extractor: Extractor) -> None:
    text = "Former U.S. President Donald Trump said the war must end."
    assert extractor.fragment(extractor.nlp(text), _article(text)).relations == []


def test_roles_an_opposition_leader_holds_no_post_of_the_state(extractor: Extractor) -> None:
    text = "Opposition leader Friedrich Merz met German Chancellor Olaf Scholz on Monday."
    roles = _held(extractor, text)
    assert roles == {("olaf-scholz", "germany")}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles of several words, with "of"
        ("U.S. Secretary of State Antony Blinken arrived in Athens on Monday.",
         ("antony-blinken", "united-states", "Secretary of State")),
        ("Saudi Crown Prince Mohammed bin Salman arrived in Doha on Monday.",
         ("mohammed-bin-salman", "saudi-arabia", "Crown Prince")),
        # a post of state with no holder named: the state the article is mostly about
        ("Finland closed its last border crossing with Russia on Monday. Finland said the "
         "closure would last until spring. Finland has seen a rise in arrivals. Defence Minister "
         "Antti Kaikkonen told reporters the decision was final.",
         ("antti-kaikkonen", "finland", "Defence Minister")),
        # a dateline's dash ends the place name before the title
        ("PUERTO PRINCESA CITY - President Ferdinand Marcos Jr. said the Philippines would "
         "stay.", ("ferdinand-marcos-jr", "philippines", "President")),
        # a plural title before a list: each holds the post the knowledge base has for them
        ("Talks between presidents Emmanuel Macron and Joe Biden of France and the United "
         "States ended.", ("joe-biden", "united-states", "President")),
        # titles of a portfolio, and two titles joined
        ("Kuwait's Deputy Prime Minister and Oil Minister Bader Al-Mulla spoke.",
         ("bader-al-mulla", "kuwait", "Deputy Prime Minister and Oil Minister")),
        # titles of a union's and a company's staff
        ("GMB national organiser Peter Halloran said the ballot result was clear.",
         ("peter-halloran", "gmb", "National Organiser")),
        ("The fine is unfair, said Tomas Reyes, chief financial officer of Northwind Freight.",
         ("tomas-reyes", "northwind-freight", "Chief Financial Officer")),
        # an appositive title is of the body its "of" names, not of that body's owner
        ("Sergei Naryshkin, the head of Russia's Foreign Intelligence Service, spoke.",
         ("sergei-naryshkin", "foreign-intelligence-service", "Head")),
        # a relative clause of leading a named body is a post, besides the title
        ("Nigeria's President Bola Tinubu, who chairs the Economic Community of West African "
         "States, spoke.",
         ("bola-tinubu", "economic-community-of-west-african-states", "Chair")),
        # a relative clause of leading a body, said of the person's apposition
        ("Ali Mohamed, the Kenyan envoy who chairs the African Group of Negotiators, spoke.",
         ("ali-mohamed", "african-group-of-negotiators", "Chair")),
        # the head of a body a participle qualifies, or of the body it stands beside
        ("The opposition Civic Party, led by Anna Keller, called for new elections.",
         ("anna-keller", "civic-party", "Leader")),
        ("The Northern Front, a militia headed by Tomas Brandt, seized the airport.",
         ("tomas-brandt", "northern-front", "Head")),
    ],
)  # fmt: skip
def test_roles_titles_and_holders(extractor: Extractor, text: str, expected: tuple) -> None:
    fragment = extractor.fragment(extractor.nlp(text), _article(text))
    found = {(r.subject, r.object, r.title) for r in fragment.relations if r.title}
    assert expected in found


@pytest.mark.slow
def test_roles_a_post_of_the_state_last_the_subject_not_the_one_named_most(
    extractor: Extractor,
) -> None:
    text = (
        "Russia massed troops near the border on Monday. Russia denied any plan to attack. "
        "Russia also warned the Baltic states. Latvia will close two crossings with Russia "
        "from Friday, Interior Minister Rihards Kozlovskis said."
    )
    roles = _held(extractor, text)
    assert roles == {("rihards-kozlovskis", "latvia")}


@pytest.mark.slow
def test_roles_a_bodys_post_is_of_the_body_last_the_subject_never_a_state(
    extractor: Extractor,
) -> None:
    text = (
        "Chile rejected the plan on Monday. The Andean Fishing Council, of which Chile is a "
        "member, urged its members to fight the quotas, Secretary General Marta Quispe said."
    )
    roles = _held(extractor, text)
    assert roles == {("marta-quispe", "andean-fishing-council")}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Greenpeace rejected the quotas. Its director, Carlos Mendoza, said so.",
         {("carlos-mendoza", "greenpeace")}),
        ("Greenpeace rejected the quotas, and its chief executive Carlos Mendoza said so.",
         {("carlos-mendoza", "greenpeace")}),
        # "its" takes up the subject, not the state named after it
        ("Greenpeace had urged Peru to drop the quotas, and its director, Carlos Mendoza, "
         "said so.", {("carlos-mendoza", "greenpeace")}),
    ],
)  # fmt: skip
def test_roles_a_post_of_the_body_its_takes_up(
    extractor: Extractor, text: str, expected: set
) -> None:
    assert _held(extractor, text) == expected


@pytest.mark.slow
def test_roles_no_holder_when_no_state_dominates(extractor: Extractor) -> None:
    text = (
        "Finland and Russia traded accusations on Monday. Defence Minister Antti Kaikkonen "
        "told reporters the decision was final."
    )
    fragment = extractor.fragment(extractor.nlp(text), _article(text))
    assert not [r for r in fragment.relations if r.subject == "antti-kaikkonen"]


@pytest.mark.slow
def test_roles_an_owner_word_the_graph_does_not_know_is_not_the_home_state(
    extractor: Extractor,
) -> None:
    text = (
        "Egypt opened the Rafah crossing on Monday. Egypt said aid lorries were waiting. "
        "Egypt has hosted talks for weeks. Palestinian Prime Minister Mohammad Mustafa "
        "welcomed the decision."
    )
    fragment = extractor.fragment(extractor.nlp(text), _article(text))
    assert not [r for r in fragment.relations if r.predicate == "HOLDS_ROLE"]


@pytest.mark.slow
def test_roles_a_counterpart_is_named_by_the_post_the_knowledge_base_has(
    extractor: Extractor,
) -> None:
    text = "Turkish Foreign Minister Hakan Fidan met his U.S. counterpart, Marco Rubio, in Ankara."
    fragment = extractor.fragment(extractor.nlp(text), _article(text, "2025-06-01"))
    found = {(r.subject, r.object, r.title) for r in fragment.relations if r.title}
    assert ("marco-rubio", "united-states", "Secretary of State") in found, found


def test_roles_a_counterpart_holds_the_post_named_before(extractor: Extractor) -> None:
    text = "Indian Foreign Minister Subrahmanyam Jaishankar met his Chinese counterpart Wang Yi."
    fragment = extractor.fragment(extractor.nlp(text), _article(text))
    found = {(r.subject, r.predicate.value, r.object, r.title) for r in fragment.relations}
    assert ("wang-yi", "HOLDS_ROLE", "china", "Foreign Minister") in found, found
    assert any(p == "MEETS" for _, p, _, _ in found), found  # the counterpart is Wang Yi


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the leader's own state, not the one the sentence makes its subject
        ("Mexico and Canada face new tariffs from the United States. Canada will retaliate "
         "within days, President Claudia Sheinbaum said on Friday.",
         ("claudia-sheinbaum", "mexico", "President")),
        ("The United States raised tariffs on Canadian lumber. Canada will retaliate within "
         "days, President Donald Trump said on Friday.",
         ("donald-trump", "united-states", "President")),
    ],
)  # fmt: skip
def test_roles_a_known_leader_holds_the_post_of_their_own_state(
    extractor: Extractor, text: str, expected: tuple
) -> None:
    fragment = extractor.fragment(extractor.nlp(text), _article(text, "2025-03-07"))
    found = [(r.subject, r.object, r.title) for r in fragment.relations if r.title]
    assert found == [expected]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "published", "holder"),
    [
        ("Prime Minister", "2019-06-04", "netherlands"),
        ("Secretary General", "2025-06-04", "nato"),
        ("Secretary-General", None, "nato"),
        ("Prime Minister", None, "netherlands"),  # the title decides, with no date
    ],
)
def test_roles_a_person_with_several_posts_holds_the_one_the_title_names(
    extractor: Extractor, title: str, published: str | None, holder: str
) -> None:
    text = (
        "NATO ministers met in Brussels on Tuesday. The Netherlands will send four more jets "
        f"to NATO's eastern flank, {title} Mark Rutte said."
    )
    fragment = extractor.fragment(extractor.nlp(text), _article(text, published))
    found = [(r.subject, r.object) for r in fragment.relations if r.title]
    assert found == [("mark-rutte", holder)]


@pytest.mark.parametrize(
    "text",
    [
        # a clause of leading in the past names no post now
        "Gordon Brown, who led the Labour Party until 2010, spoke in London.",
        # a plural title names no post the knowledge base gives the person otherwise
        "Talks between presidents Olaf Scholz and Joe Biden of Germany and the US ended.",
    ],
)
def test_roles_no_post_from_a_past_clause_or_another_title(extractor: Extractor, text: str) -> None:
    fragment = extractor.fragment(extractor.nlp(text), _article(text))
    found = {(r.subject, r.object) for r in fragment.relations if r.title}
    assert ("gordon-brown", "labour-party") not in found and ("olaf-scholz", "germany") not in found


def test_roles_a_person_with_known_posts_is_never_given_a_guessed_one(
    extractor: Extractor,
) -> None:
    text = (
        "France wants a new budget. France said on Monday the talks would go on. "
        "Chancellor Olaf Scholz arrived in Paris for the talks."
    )
    fragment = extractor.fragment(extractor.nlp(text), _article(text))
    assert ("olaf-scholz", "france") not in {(r.subject, r.object) for r in fragment.relations}


@pytest.mark.slow
def test_roles_a_judge_with_no_court_named_sits_on_the_court_named_most(
    extractor: Extractor,
) -> None:
    text = (
        "The Court of Appeal had upheld the levy in March. The Supreme Court struck it down "
        "on Monday. The Supreme Court found that parliament had overstepped. Chief Justice "
        "Anna Keller wrote for the majority, and Justices Tomas Brandt and Lea Vogel "
        "dissented. Justice Minister Karl Weber said the government would respect the ruling."
    )
    fragment = extractor.fragment(extractor.nlp(text), _article(text))
    roles = {(r.subject, r.object, r.title) for r in fragment.relations if r.title}
    court = "supreme-court"
    assert {("anna-keller", court, "Chief Justice"), ("tomas-brandt", court, "Justice")} <= roles
    assert ("lea-vogel", court, "Justice") in roles
    assert not [r for r in roles if r[0] == "karl-weber" and r[1] == court]


@pytest.mark.slow
def test_roles_a_state_ministrys_spokesperson_holds_a_post_of_the_state(
    extractor: Extractor,
) -> None:
    text = (
        "Chile imposed duties on Monday. Chilean Foreign Ministry spokesperson Javier Morales said "
        "the tariffs were fair."
    )
    roles = _held(extractor, text)
    assert ("javier-morales", "chile") in roles
    assert len(roles) == 2  # and the ministry's
