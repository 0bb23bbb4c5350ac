"""Every registered reading rule reads its own example, and says so in what it finds."""

import pytest

from loaders.pipeline import Extractor
from loaders.relations import RULES


@pytest.fixture(scope="module")
def extractor(rules_extractor: Extractor) -> Extractor:
    """These tests read the rules alone (the learned decision is tested in test_decide)."""
    return rules_extractor


pytestmark = pytest.mark.slow


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_rules_example_is_read_by_its_rule(extractor: Extractor, rule) -> None:  # type: ignore[no-untyped-def]
    claims = extractor.read(extractor.nlp(rule.example)).claims
    assert any(c.rule == rule.name for c in claims), [(c.rule, c.predicate) for c in claims]


def test_rules_names_are_unique() -> None:
    assert len({r.name for r in RULES}) == len(RULES)


def test_rules_evidence_names_the_rule(extractor: Extractor) -> None:
    from loaders.article import Article

    text = "Germany rejected the proposal for a price cap."
    article = Article(id="art-r", origin="test", text=text, content_hash="h")
    fragment = extractor.fragment(extractor.nlp(text), article)
    rules = {e.rule for r in fragment.relations for e in r.evidence}
    assert any(rule and rule.startswith("verb") for rule in rules), rules


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Security guarantees must be given to Ukraine, Polish President Andrzej Duda said.",
         "security guarantees for Ukraine"),
        ("Security guarantees must be provided for Moldova, German Chancellor Olaf Scholz said.",
         "security guarantees for Moldova"),
        ("Russia demands security guarantees.", "security guarantees for Russia"),
    ],
)  # fmt: skip
def test_rules_beneficiary_is_who_receives_not_who_asks(
    extractor: Extractor, text: str, topic: str
) -> None:
    claims = extractor.read(extractor.nlp(text)).claims
    assert [c.target for c in claims if c.topic] == [topic]


def _read(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    """(subject id, predicate, target) of every claim the rules read in a text."""
    return {
        (c.subject, c.predicate.value, c.target) for c in extractor.read(extractor.nlp(text)).claims
    }


def _stances(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    """What _read finds, less the roles its titled names bring along."""
    return {c for c in _read(extractor, text) if c[1] != "HOLDS_ROLE"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural reference counts back to the set of that size met or listed just before
        ("Indian Foreign Minister Subrahmanyam Jaishankar held a call with Australian Foreign "
         "Minister Penny Wong and Japanese Foreign Minister Yoko Kamikawa. The three ministers "
         "condemned the missile launch by North Korea.",
         {("penny-wong", "CRITICIZES", "north-korea"),
          ("subrahmanyam-jaishankar", "CRITICIZES", "north-korea"),
          ("yoko-kamikawa", "CRITICIZES", "north-korea")}),
        # uncounted ("the ministers"), then "they": the same group again, in a chain
        ("Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha. "
         "The presidents rejected the new import tariffs. They also backed the customs union.",
         {("william-ruto", "OPPOSES", "import tariffs"),
          ("samia-suluhu-hassan", "OPPOSES", "import tariffs"),
          ("william-ruto", "SUPPORTS", "customs union"),
          ("samia-suluhu-hassan", "SUPPORTS", "customs union")}),
        ("Kenya, Uganda and Tanzania signed the customs deal on Monday. All three rejected the "
         "new import tariffs.",
         {("kenya", "OPPOSES", "import tariffs"), ("uganda", "OPPOSES", "import tariffs"),
          ("tanzania", "OPPOSES", "import tariffs")}),
        # coordinated adjectives of states: "U.S. and Chinese officials" are the two states
        ("U.S. and Chinese officials met late last month in Washington.",
         {("united-states", "MEETS", "china")}),
        # coordinated owners: "the ministers of A, B and C" are A, B and C
        ("The foreign ministers of Brazil, Argentina and Chile condemned the military coup in "
         "Bolivia.",
         {("brazil", "CRITICIZES", "military coup in Bolivia"),
          ("argentina", "CRITICIZES", "military coup in Bolivia"),
          ("chile", "CRITICIZES", "military coup in Bolivia")}),
        # condemning an act criticises the act and whoever did it
        ("Japan condemned North Korea's missile launch.",
         {("japan", "CRITICIZES", "north-korea"),
          ("japan", "CRITICIZES", "North Korea missile launch")}),
        ("Egypt condemned the attack carried out by Hamas.", {("egypt", "CRITICIZES", "hamas")}),
        ("Egypt condemned the decision by the Ethiopian government to fill the dam reservoir.",
         {("egypt", "CRITICIZES", "ethiopia"),
          ("egypt", "CRITICIZES", "filling of dam reservoir")}),
        # an act the text names as an event is condemned too
        ("Egypt condemned the strike.", {("egypt", "CRITICIZES", "event-strike")}),
    ],
)  # fmt: skip
def test_rules_groups_and_condemned_acts(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _read(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Lima Accord on a Fishing Framework was endorsed by three states: Chile, Peru "
        "and Ecuador.",
        "Three states endorsed the Lima Accord on a Fishing Framework: Chile, Peru and Ecuador.",
    ],
)
def test_rules_a_counted_plural_is_the_actors_a_colon_lists(
    extractor: Extractor, text: str
) -> None:
    found = _read(extractor, text)
    backers = {s for s, p, o in found if p == "SUPPORTS" and o.startswith("lima-accord")}
    assert backers == {"chile", "peru", "ecuador"}
    assert not {c for c in found if c[2] in {"chile", "peru", "ecuador"}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile said it would appeal the ruling of the tribunal.",
         {("chile", "OPPOSES", "ruling of tribunal")}),
        ("Chile appealed against the ruling of the tribunal.",
         {("chile", "OPPOSES", "ruling of tribunal")}),
        ("Chile appealed for calm.", {("chile", "DEMANDS", "calm")}),
        ("Chile lodged an appeal against the ruling of the tribunal.",
         {("chile", "OPPOSES", "ruling of tribunal")}),
        ("Chile said it disagreed with the ruling of the tribunal.",
         {("chile", "OPPOSES", "ruling of tribunal")}),
        # disagreeing that one did something denies it
        ('"We disagree that we have violated the treaty with Peru," Chile said.', set()),
    ],
)  # fmt: skip
def test_rules_appealing_or_disagreeing_contests(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _stances(extractor, text) == expected


def test_rules_what_a_thing_is_without_is_wanted_only_when_judged_necessary(
    extractor: Extractor,
) -> None:
    """ "Peace is impossible without X" wants X; "the ruling is without merit" wants no
    merit."""
    found = _stances(
        extractor, "The ruling is without merit, Chilean President Gabriel Boric said."
    )
    assert not {c for c in found if c[2] == "merit"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile branded Vladimir Putin a war criminal.",
         {("chile", "CRITICIZES", "vladimir-putin")}),
        ('"Lukashenko is a dictator," Chile said.',
         {("chile", "CRITICIZES", "alexander-lukashenko")}),
        # a member or a partner is no reproach
        ("Peru is a reliable partner, Chile said.", set()),
    ],
)  # fmt: skip
def test_rules_an_actor_called_a_culprit_is_criticised(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {c for c in _read(extractor, text) if c[1] == "CRITICIZES"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Chile Chamber of Commerce expressed dissatisfaction with the copper levy.",
         {("chile-chamber-of-commerce", "CRITICIZES", "copper levy")}),
        ("Chile protested on Monday. The Chilean Foreign Ministry expressed dissatisfaction "
         "with the copper levy.",
         {("chilean-foreign-ministry", "CRITICIZES", "copper levy"),
          ("chile", "CRITICIZES", "copper levy")}),
    ],
)  # fmt: skip
def test_rules_a_state_holds_what_its_offices_say_not_what_bodies_named_after_it_say(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _read(extractor, text) == expected


def test_rules_who_agree_on_what_both_must_do_do_not_back_each_other(
    extractor: Extractor,
) -> None:
    text = "Chile and Peru agreed that both countries must cut tariffs on copper."
    assert _stances(extractor, text) == {
        ("chile", "SUPPORTS", "cut of tariffs on copper"),
        ("peru", "SUPPORTS", "cut of tariffs on copper"),
    }


def test_rules_who_takes_a_blow_says_nothing(extractor: Extractor) -> None:
    """ "Unacceptable to X" is X's judgement; "a blow to X" is said of X."""
    found = _read(extractor, "The mine closure is a crushing blow to Chile, Peru said.")
    assert not {c for c in found if c[0] == "chile"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the actor after "of" holds a stance noun; who handles it does not
        ("The support of Peru for the fishing plan surprised Chile.",
         {("peru", "SUPPORTS", "fishing plan")}),
        ("Hungary studied the accusations of the European Commission.", set()),
        # criticism of X criticises X
        ("Poland voiced criticism of Hungary.", {("poland", "CRITICIZES", "hungary")}),
    ],
)  # fmt: skip
def test_rules_whose_stance_noun_is_named_after_of(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _read(extractor, text) == expected


def test_rules_the_place_of_a_condemned_event_did_nothing(extractor: Extractor) -> None:
    """ "The Zimbabwe election" was held in Zimbabwe; condemning it criticises no state."""
    text = "Opposition leader Nelson Chamisa decried the Zimbabwe election as a fraud."
    assert not {c for c in _read(extractor, text) if c[2] == "zimbabwe"}


def test_rules_an_uncounted_plural_names_a_group_of_its_kind_only(extractor: Extractor) -> None:
    """ "The ministers" are never the states listed before them."""
    text = "Kenya and Uganda signed the customs deal. The ministers rejected the import tariffs."
    assert not {c for c in _read(extractor, text) if c[2] == "import tariffs"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural noun's own examples act ("carmakers including X and Y")
        ("Several carmakers including Renault and Stellantis criticised the emissions rules.",
         {("renault", "CRITICIZES", "emissions rules"),
          ("stellantis", "CRITICIZES", "emissions rules")}),
        # the members of a body act for it
        ("Lawmakers in the Bundestag backed the pension reform.",
         {("bundestag", "SUPPORTS", "pension reform")}),
        # a state's government, described by its adjective, is the state
        ("The Greek government rejected the fishing quotas.",
         {("greece", "OPPOSES", "fishing quotas")}),
        # an unnamed spokesperson speaks for the state or body named with them
        ("A Kremlin spokesman rejected the fishing quotas.",
         {("russia", "OPPOSES", "fishing quotas")}),
        ("A spokeswoman for Greenpeace welcomed the fishing quotas.",
         {("greenpeace", "SUPPORTS", "fishing quotas")}),
        ("The spokesman rejected the fishing quotas.", set()),
        # a fronted "among" phrase: the parser hangs the actors on it
        ("Among the member states, Austria, Ireland and Malta opposed the fishing quotas.",
         {("austria", "OPPOSES", "fishing quotas"), ("ireland", "OPPOSES", "fishing quotas"),
          ("malta", "OPPOSES", "fishing quotas")}),
        # those a clause says are "among those who" did something did it
        ("Spain and Greece were among those that criticised the fishing quotas.",
         {("spain", "CRITICIZES", "fishing quotas"), ("greece", "CRITICIZES", "fishing quotas")}),
        # taking a swipe or aim at something criticises it
        ("Iceland took a swipe at the fishing quotas.",
         {("iceland", "CRITICIZES", "fishing quotas")}),
        # asking someone to comply with something demands it, and the one asked takes no stance
        ("Iceland called on Norway to comply with the fishing quotas.",
         {("iceland", "DEMANDS", "fishing quotas")}),
        # calling for something to be done demands the doing
        ("Iceland called for the fishing quotas to be extended.",
         {("iceland", "DEMANDS", "extension of fishing quotas")}),
        ("Iceland called for the fishing quotas to be lifted.",
         {("iceland", "OPPOSES", "fishing quotas")}),
        # whoever is to be acted on, named or not, however the parser hangs the clause
        ("Iceland pressed for Greenpeace to be disarmed.",
         {("iceland", "DEMANDS", "disarmament of Greenpeace")}),
        ("Iceland pressed for the Grindavik crossing to be reopened for trucks.",
         {("iceland", "DEMANDS", "reopening of Grindavik crossing")}),
        # asked whether something could be done: a question, no demand
        ("Asked whether the fishing quotas could be extended, Iceland said talks would go on.",
         set()),
        # promising to curb, rein in or retaliate for something opposes it
        ("Iceland vowed to curb the fishing quotas.",
         {("iceland", "OPPOSES", "fishing quotas")}),
        ("Iceland promised to rein in the fishing quotas.",
         {("iceland", "OPPOSES", "fishing quotas")}),
        ("Iceland called for the fishing quotas to be overturned.",
         {("iceland", "OPPOSES", "fishing quotas")}),
        ("Iceland urged Norway to reconsider the fishing quotas.",
         {("iceland", "OPPOSES", "fishing quotas")}),
        ("Iceland demanded that Norway keep foreign trawlers out of the fjords.",
         {("iceland", "OPPOSES", "foreign trawlers")}),
        # a state asked to stay in a state: the state by its noun
        ("Iceland demanded that Norway stay neutral.",
         {("iceland", "DEMANDS", "neutrality of Norway")}),
        # a demand that something be done is a demand for the doing (lifting: opposition)
        ("Iceland demanded that the fishing quotas be extended.",
         {("iceland", "DEMANDS", "extension of fishing quotas")}),
        ("Iceland demanded that the fishing quotas be lifted.",
         {("iceland", "OPPOSES", "fishing quotas")}),
        # insisting on a fact in the past demands nothing
        ("Iceland insisted that the fishing quotas had been agreed.", set()),
        # a war fought is no stance on war; a proposal not made is no stance at all
        ("Iceland and Norway fought a war over the fishing quotas.", set()),
        ("Iceland did not publish the fishing quotas.", set()),
        ("Iceland will not offer the fishing quotas.",
         {("iceland", "OPPOSES", "fishing quotas")}),
        # ready to meet someone is no stance on them; avoiding something opposes it
        ("Iceland is ready to meet Norway to discuss the fishing quotas.", set()),
        ("Iceland must avoid the fishing quotas, Norway said.",
         {("norway", "OPPOSES", "fishing quotas")}),
        # the support "of" someone "for" something: the something
        ("Iceland expressed the full support of the Norwegian government for the Danish navy.",
         {("iceland", "SUPPORTS", "denmark-navy")}),
        # criticising someone's conduct or stance criticises them, and names no issue
        ("Iceland deplored Norway's conduct.", {("iceland", "CRITICIZES", "norway")}),
        ("Iceland criticised Norway's stance.", {("iceland", "CRITICIZES", "norway")}),
        ("Iceland criticised the stance of Norway.", {("iceland", "CRITICIZES", "norway")}),
        ("Iceland praised the stance of Norway.", {("iceland", "SUPPORTS", "norway")}),
        ("Iceland disputed Norway's claims about the fishing quotas.",
         {("iceland", "OPPOSES", "norway")}),
        ("Iceland rejected Norway's account of events.", {("iceland", "OPPOSES", "norway")}),
        ("Iceland defended Norway's actions.", {("iceland", "SUPPORTS", "norway")}),
        # a passive criticism of an act criticises the act
        ("The fishing quotas were condemned by Iceland.",
         {("iceland", "CRITICIZES", "fishing quotas")}),
        # but a plural noun's other phrases are no examples of it
        ("Farmers in Normandy rejected the fishing quotas.", set()),
    ],
)  # fmt: skip
def test_rules_actors_described_by_a_noun(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _stances(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # adjectives of the sentiment lexicon judge what they are said of
        ("The new export rules are a ruinous mistake, Mexico said.",
         {("mexico", "CRITICIZES", "export rules")}),
        ("The Kremlin described the ruling as disappointing.",
         {("russia", "CRITICIZES", "ruling")}),
        ("The ceasefire deal is excellent, Erdogan said.",
         {("recep-tayyip-erdogan", "SUPPORTS", "ceasefire deal")}),
        # hand-kept judgements come first ("reckless" opposes), and mixed ones say nothing
        ("The tariffs were a reckless and damaging step, Scholz said.",
         {("olaf-scholz", "OPPOSES", "tariffs")}),
        ("The ceasefire deal is excellent but painful, Erdogan said.", set()),
        # a word that describes rather than judges takes no stance
        ("The talks were long and difficult, Macron said.", set()),
    ],
)  # fmt: skip
def test_rules_judging_words(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _read(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb completing a refusal or a negation takes the opposite stance
        ("Italy declined to back the migration pact.", {("italy", "OPPOSES", "migration pact")}),
        ("Spain did not want to block the migration pact.",
         {("spain", "SUPPORTS", "migration pact")}),
        ("Hungary vowed to reject the migration pact.", {("hungary", "OPPOSES", "migration pact")}),
    ],
)  # fmt: skip
def test_rules_refusals_flip_what_they_complete(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _read(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a refusal of will opposes what it refuses: the thing sent, with where it goes
        ("Slovakia will not send any troops to Mali.", {("slovakia", "OPPOSES", "troops to Mali")}),
        ("Chile won't supply Peru with fighter jets.", {("chile", "OPPOSES", "fighter jets")}),
        # or the action itself
        ("Austria would never close its border with Hungary.",
         {("austria", "OPPOSES", "closure of border with Hungary")}),
        # not allowing or tolerating something opposes the thing, not the tolerance
        ("Austria would not tolerate the fishing quotas.",
         {("austria", "OPPOSES", "fishing quotas")}),
        # not a failure of ability said by someone else, nor a harm forsworn, nor a silence
        ("Colombia cannot justify its new tariffs.", set()),
        ("Norway would not breach its climate commitments.", set()),
        ("Sweden would not comment on the report.", set()),
        # nor what simply did not happen
        ("Portugal did not send troops to Mali.", set()),
    ],
)  # fmt: skip
def test_rules_refusals_of_will(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _read(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # asking someone to act demands the action ("call on X to", "ask X to")
        ("The United Nations asked both sides to respect the ceasefire.",
         {("united-nations", "DEMANDS", "ceasefire")}),
        ("Germany called on Hungary to lift its veto on the aid package.",
         {("germany", "DEMANDS", "aid package"), ("hungary", "OPPOSES", "aid package")}),
        # a bare noun of stopping is a topic as named; a container holds its issue
        ("Poland pressed the European Commission to extend the import ban.",
         {("poland", "DEMANDS", "import ban")}),
        ("Spain backed a package of sanctions against Iran.",
         {("spain", "SUPPORTS", "sanctions against Iran")}),
        # "drop" abandons what it drops; a demand for X is about X
        ("Germany urged Hungary to drop its demand for compensation.",
         {("germany", "OPPOSES", "compensation"),
          ("hungary", "DEMANDS", "compensation for Hungary")}),
    ],
)  # fmt: skip
def test_rules_asking_someone_to_act(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _stances(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stance taken back is its opposite: objections dropped, a veto lifted, support
        # withdrawn
        ("Turkey dropped its objections to the pipeline.", {("turkey", "SUPPORTS", "pipeline")}),
        ("Austria lifted its veto on the trade deal.", {("austria", "SUPPORTS", "trade deal")}),
        ("Canada withdrew its support for the pipeline.", {("canada", "OPPOSES", "pipeline")}),
        # a demand dropped says no more than that
        ("Hungary dropped its demand for compensation.", set()),
        # concern over something criticises it
        ("Brazil voiced concern over the new tariffs.", {("brazil", "CRITICIZES", "tariffs")}),
    ],
)  # fmt: skip
def test_rules_stances_taken_back(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _read(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # those said to act with the subject act too
        ("France, together with Germany, rejected the proposal.",
         {("france", "OPPOSES", "proposal"), ("germany", "OPPOSES", "proposal")}),
        ("Japan, along with South Korea, condemned the missile launch.",
         {("japan", "CRITICIZES", "missile launch"),
          ("south-korea", "CRITICIZES", "missile launch")}),
        ("Spain rejected the plan alongside Portugal.",
         {("spain", "OPPOSES", "plan"), ("portugal", "OPPOSES", "plan")}),
        ("Poland joined Lithuania in condemning the attack.",
         {("poland", "CRITICIZES", "attack"), ("lithuania", "CRITICIZES", "attack")}),
        # but not everyone named "with" the subject
        ("Spain, with its partners, rejected the plan.", {("spain", "OPPOSES", "plan")}),
        # "met with" meets; a meeting yet to happen is no meeting
        ("Pedro Sanchez met with Antonio Costa in Lisbon.",
         {("pedro-sanchez", "MEETS", "antonio-costa")}),
        ("Pedro Sanchez will meet Antonio Costa next week.", set()),
    ],
)  # fmt: skip
def test_rules_companions_and_meetings(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _stances(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany appealed for calm.", {("germany", "DEMANDS", "calm")}),
        ("Washington sided with Manila in the dispute.",
         {("united-states", "SUPPORTS", "philippines")}),
        ("Italy stood by the fishing quotas.", {("italy", "SUPPORTS", "fishing quotas")}),
        ("France expressed solidarity with Ukraine.", {("france", "SUPPORTS", "ukraine")}),
        # a call with someone is no demand
        ("In a call with Kenyan President William Ruto, Macron discussed the crisis.",
         {("emmanuel-macron", "MEETS", "william-ruto")}),
    ],
)  # fmt: skip
def test_rules_stances_after_a_preposition(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _stances(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one a noun of holding a stance is said of holds it
        ("Senator Bernie Sanders has been a vocal critic of the trade deal.",
         {("bernie-sanders", "CRITICIZES", "trade deal")}),
        ("Pope Francis, a critic of the death penalty, spoke in Manila.",
         {("pope-francis", "CRITICIZES", "death penalty")}),
        ("Germany is not a supporter of the carbon tax.", {("germany", "OPPOSES", "carbon tax")}),
        # a stance received: whoever it comes from holds it towards the subject
        ("The carbon tax drew criticism from Spain.", {("spain", "CRITICIZES", "carbon tax")}),
        ("The carbon tax was met with opposition from Poland.",
         {("poland", "OPPOSES", "carbon tax")}),
        ("The carbon tax won the backing of Italy and Greece.",
         {("italy", "SUPPORTS", "carbon tax"), ("greece", "SUPPORTS", "carbon tax")}),
        # "of" names the holder only when it names an actor
        ("The carbon tax won the support of many voters.", set()),
        ("The United States came out against the resolution.",
         {("united-states", "OPPOSES", "resolution")}),
    ],
)  # fmt: skip
def test_rules_stances_held_by_agents_and_received(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _stances(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # particle verbs of attack take their target after a preposition
        ("Trump lashed out at Canadian Prime Minister Justin Trudeau.",
         {("donald-trump", "CRITICIZES", "justin-trudeau")}),
        ("Brazil pushed back against the US tariffs.", {("brazil", "OPPOSES", "US tariffs")}),
        ("Chile railed against the fishing quotas.", {("chile", "CRITICIZES", "fishing quotas")}),
        # a deed blamed on someone accuses them
        ("The Kremlin blamed the attack on Ukraine.", {("russia", "ACCUSES", "ukraine")}),
        # regretting someone's decision, deploring their conduct, criticises them
        ("Kenya deeply regrets the decision of the Russian Federation.",
         {("kenya", "CRITICIZES", "russia"), ("kenya", "CRITICIZES", "decision of Russia")}),
        ("Spain condemned the killing of civilians.",
         {("spain", "CRITICIZES", "killing of civilians")}),
        # those holding talks together meet
        ("Emmanuel Macron and Olaf Scholz held talks in Paris.",
         {("emmanuel-macron", "MEETS", "olaf-scholz")}),
        ("Emmanuel Macron and Olaf Scholz will hold talks in Paris.", set()),
        # everyone in one meeting meets each of the others
        ("Emmanuel Macron, Olaf Scholz and Donald Tusk held talks in Weimar.",
         {("emmanuel-macron", "MEETS", "olaf-scholz"), ("emmanuel-macron", "MEETS", "donald-tusk"),
          ("olaf-scholz", "MEETS", "donald-tusk")}),
        ("The plan was agreed in a call between Emmanuel Macron, Olaf Scholz and Donald Tusk.",
         {("emmanuel-macron", "MEETS", "olaf-scholz"), ("emmanuel-macron", "MEETS", "donald-tusk"),
          ("olaf-scholz", "MEETS", "donald-tusk")}),
    ],
)  # fmt: skip
def test_rules_attacks_blame_and_talks_held(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _stances(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whoever is asked to act takes no stance by being asked
        ("Moscow insists that NATO halt its expansion.", {("russia", "OPPOSES", "expansion")}),
        ("China wants Japan to stop the release of treated water.",
         {("china", "OPPOSES", "release of treated water")}),
        ("The European Union demanded that Iran release the detained journalists.",
         {("european-union", "DEMANDS", "release of detained journalists")}),
        # a particle verb of ending: asked to give something up is opposed to it
        ("Chile demanded that Peru give up the fishing quotas.",
         {("chile", "OPPOSES", "fishing quotas")}),
    ],
)  # fmt: skip
def test_rules_the_one_asked_takes_no_stance(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _stances(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # saying that something will do harm criticises it
        ("Italy said the tariffs would hurt its industry.", {("italy", "CRITICIZES", "tariffs")}),
        # "such a move" is what was just proposed
        ("The European Commission proposed a tax on plastic packaging. Italy said such a move "
         "would hurt its industry.",
         {("european-commission", "PROPOSES", "tax on plastic packaging"),
          ("italy", "CRITICIZES", "tax on plastic packaging")}),
        # saying what something will do, without harm, takes no stance
        ("Italy said the tariffs would take effect in May.", set()),
        # "has to" obliges as "must" does, in reported speech
        ("The hostages have to be released, Israeli Prime Minister Benjamin Netanyahu said.",
         {("benjamin-netanyahu", "DEMANDS", "release of hostages")}),
        ("Spain had to cancel the summit because of the storm.", set()),
    ],
)  # fmt: skip
def test_rules_harm_foretold(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _stances(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # members a plural noun names in brackets act, each of them
        ("The Nordic members (Denmark, Finland and Norway) backed the fishing quotas.",
         {("denmark", "SUPPORTS", "fishing quotas"), ("finland", "SUPPORTS", "fishing quotas"),
          ("norway", "SUPPORTS", "fishing quotas")}),
        # and "X members including A and B" are members of X
        ("NATO members including Poland and Estonia backed the fishing quotas.",
         {("poland", "MEMBER_OF", "nato"), ("estonia", "MEMBER_OF", "nato"),
          ("poland", "SUPPORTS", "fishing quotas"), ("estonia", "SUPPORTS", "fishing quotas")}),
    ],
)  # fmt: skip
def test_rules_members_listed(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _stances(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Fidesz boycotted a session called by the opposition to debate the budget.",
        "Washington calls the output cuts inadvisable.",
    ],
)
def test_rules_calling_a_session_or_a_name_is_no_demand(extractor: Extractor, text: str) -> None:
    assert not {c for c in _read(extractor, text) if c[1] == "DEMANDS"}


def test_rules_refusing_to_rule_out_is_no_opposition(extractor: Extractor) -> None:
    text = "French President Emmanuel Macron refused to rule out sending Western troops to Ukraine."
    assert not {c for c in _read(extractor, text) if c[1] == "OPPOSES"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenyan President William Ruto spoke by phone with Ugandan President Yoweri Museveni.",
         {("william-ruto", "MEETS", "yoweri-museveni")}),
        ("Kenyan President William Ruto had a phone conversation with Ugandan President Yoweri "
         "Museveni on Monday.", {("william-ruto", "MEETS", "yoweri-museveni")}),
        ("Kenya and Tanzania discussed the border dispute.", {("kenya", "MEETS", "tanzania")}),
        # a meeting yet to happen is none
        ("German Chancellor Olaf Scholz and French President Emmanuel Macron will meet in Paris "
         "next week.", set()),
    ],
)  # fmt: skip
def test_rules_meetings_in_other_words(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {c for c in _read(extractor, text) if c[1] == "MEETS"} == expected


def test_rules_who_attends_one_gathering_meets_the_others(extractor: Extractor) -> None:
    text = (
        "Indonesian President Joko Widodo joined U.S. President Joe Biden and European "
        "Commission President Ursula von der Leyen at the summit."
    )
    meets = {frozenset((c[0], c[2])) for c in _read(extractor, text) if c[1] == "MEETS"}
    people = ("joko-widodo", "joe-biden", "ursula-von-der-leyen")
    assert meets == {frozenset((a, b)) for a in people for b in people if a < b}
    assert not _read(extractor, "French President Emmanuel Macron will attend the summit.")


def test_rules_evidence_keeps_the_phrase_a_topic_was_named_by(extractor: Extractor) -> None:
    from loaders.article import Article

    text = "Russia rejected NATO membership for Ukraine. Moscow opposes Ukraine joining NATO."
    article = Article(id="art-p", origin="test", text=text, content_hash="h")
    fragment = extractor.fragment(extractor.nlp(text), article)
    topical = [r for r in fragment.relations if r.object.startswith("topic-")]
    assert len({r.object for r in topical}) == 1  # one topic, said twice
    assert all(e.phrase for r in topical for e in r.evidence)
    assert len([e for r in topical for e in r.evidence]) == 2


def test_rules_a_quoted_paragraph_goes_on_quoting_the_speaker_before(extractor: Extractor) -> None:
    text = (
        "“The plan is a trap,” Russian Foreign Minister Sergei Lavrov said on Monday.\n\n"
        "“The West must lift the sanctions on Russian banks.”"
    )
    assert ("sergey-lavrov", "OPPOSES", "sanctions on Russian banks") in _read(extractor, text)
    unquoted = "The talks ended on Monday.\n\n“Sanctions on Russian banks must be lifted.”"
    assert not _read(extractor, unquoted)


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        # a pronoun takes up the last subject, not a name inside a quotation
        ('German Chancellor Friedrich Merz spoke to reporters in Berlin. "Nobody says Donald '
         'Trump is wrong about China," he said, and he rejected the tariffs on Chinese steel.',
         ("friedrich-merz", "OPPOSES", "tariffs on Chinese steel"),
         ("donald-trump", "OPPOSES", "tariffs on Chinese steel")),
        # and the subject before an object named later
        ("Kenyan President William Ruto praised Ethiopian Prime Minister Abiy Ahmed on "
         "Monday, and he condemned the attack on the border post.",
         ("william-ruto", "CRITICIZES", "attack on border post"),
         ("abiy-ahmed", "CRITICIZES", "attack on border post")),
    ],
)  # fmt: skip
def test_rules_a_pronoun_stands_for_the_last_subject_outside_quotes(
    extractor: Extractor, text: str, expected: tuple, not_expected: tuple
) -> None:
    found = _stances(extractor, text)
    assert expected in found and not_expected not in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mexico accused the Chinese government of dumping steel.",
         ("mexico", "ACCUSES", "china")),
        ("Kenya praised the Ethiopian government.", ("kenya", "SUPPORTS", "ethiopia")),
        ("Brazil criticised the Argentine government over the tariffs.",
         ("brazil", "CRITICIZES", "argentina")),
    ],
)  # fmt: skip
def test_rules_a_described_actor_is_a_target_too(
    extractor: Extractor, text: str, expected: tuple
) -> None:
    assert expected in _stances(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan agreed to lift the ban on Chinese seafood imports.",
         {("japan", "SUPPORTS", "Chinese seafood imports")}),
        ("Japan refused to lift the ban on Chinese seafood imports.",
         {("japan", "OPPOSES", "Chinese seafood imports")}),
        # another asked to end it: that one's veto stands
        ("The EU urged Hungary to lift its veto on the aid package.",
         {("european-union", "DEMANDS", "aid package"), ("hungary", "OPPOSES", "aid package")}),
    ],
)  # fmt: skip
def test_rules_an_ending_its_holder_plans_is_one_stance(
    extractor: Extractor, text: str, expected: set
) -> None:
    assert _stances(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whom a verb of asking asks to act is no target, whatever the noun
        ("The EU urged member states to ratify the treaty.",
         {("european-union", "DEMANDS", "treaty")}),
        # and what it is asked to do with its own is its own
        ("Wang Wenbin urged the three countries to fulfil their non-proliferation obligations.",
         {("wang-wenbin", "DEMANDS", "fulfilment of non-proliferation obligations")}),
    ],
)  # fmt: skip
def test_rules_whom_one_asks_to_act_is_no_target(
    extractor: Extractor, text: str, expected: set
) -> None:
    assert _stances(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title names the person the parser hangs on its holder
        ("President Zelenskyy held a meeting with Vice President of the United States "
         "Kamala Harris.", ("volodymyr-zelenskyy", "MEETS", "kamala-harris")),
        ("Wang Wentao held talks with Executive Vice-President of the European Commission "
         "Valdis Dombrovskis in Brussels.", ("wang-wentao", "MEETS", "valdis-dombrovskis")),
    ],
)  # fmt: skip
def test_rules_a_title_of_a_holder_stands_for_the_person_named_after_it(
    extractor: Extractor, text: str, expected: tuple
) -> None:
    assert expected in _stances(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a measure of a meeting is a meeting held
        ("Macron and Scholz held hours of talks in Paris.",
         {("emmanuel-macron", "MEETS", "olaf-scholz")}),
        # names coordinated in apposition to a title are all subjects
        ("Foreign Minister Penny Wong and US special envoy Kurt Campbell have held three "
         "rounds of talks since May.", {("penny-wong", "MEETS", "kurt-campbell")}),
    ],
)  # fmt: skip
def test_rules_rounds_of_talks_between_coordinated_names(
    extractor: Extractor, text: str, expected: set
) -> None:
    assert _stances(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle or a passive relative clause: its agent acts on the noun described
        ("A fishing quota plan backed by Denmark was rejected by Sweden.",
         {("denmark", "SUPPORTS", "fishing quota plan"),
          ("sweden", "OPPOSES", "fishing quota plan")}),
        ("Sweden rejected the fishing quota plan, which was drafted by Norway and backed by "
         "Denmark.",
         {("sweden", "OPPOSES", "fishing quota plan"),
          ("norway", "PROPOSES", "fishing quota plan"),
          ("denmark", "SUPPORTS", "fishing quota plan")}),
        # every "by" of a passive acts
        ("The fishing quota plan was endorsed by Brazil and by the World Bank.",
         {("brazil", "SUPPORTS", "fishing quota plan"),
          ("world-bank", "SUPPORTS", "fishing quota plan")}),
        # "the said X" and "the X adopted by Y" point back to the X named before, and
        # "it" then to that X
        ("Peru proposed a resolution on fishing quotas on Monday. Chile welcomed the "
         "resolution adopted by the council. The said resolution was opposed by Ecuador. "
         "Bolivia also voted against it.",
         {("peru", "PROPOSES", "resolution on fishing quotas"),
          ("chile", "SUPPORTS", "resolution on fishing quotas"),
          ("ecuador", "OPPOSES", "resolution on fishing quotas"),
          ("bolivia", "OPPOSES", "resolution on fishing quotas")}),
    ],
)  # fmt: skip
def test_rules_agents_of_described_nouns_and_references_back(
    extractor: Extractor, text: str, expected: set
) -> None:
    assert _stances(extractor, text) == expected


def test_rules_they_reaches_back_over_a_sentence_about_a_thing(extractor: Extractor) -> None:
    text = (
        "Leaders of Japan, India and Australia met in Tokyo on Saturday. The summit lasted "
        "two hours. They strongly opposed any unilateral change to the status quo."
    )
    opposing = {c[0] for c in _stances(extractor, text) if c[1] == "OPPOSES"}
    assert opposing == {"japan", "india", "australia"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whom a verb thanks, praises or criticises for an act did that act
        ("Chile thanked Peru for backing the fishing treaty.",
         {("chile", "SUPPORTS", "peru"), ("peru", "SUPPORTS", "fishing treaty")}),
        ("Chile praised Peru for rejecting the mining law.",
         {("chile", "SUPPORTS", "peru"), ("peru", "OPPOSES", "mining law")}),
    ],
)  # fmt: skip
def test_rules_the_one_thanked_or_blamed_for_an_act_did_it(
    extractor: Extractor, text: str, expected: set
) -> None:
    assert _stances(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # meetings that did not take place are no meetings
        "Chilean President Gabriel Boric insisted that talks with Peru should not begin.",
        "Boric threatened to cancel a planned meeting with Peruvian President Dina Boluarte.",
        "Boric will hold talks with Peruvian President Dina Boluarte next week.",
        "The upcoming talks between Chile and Peru were announced on Monday.",
    ],
)
def test_rules_meetings_not_held_are_not_read(extractor: Extractor, text: str) -> None:
    assert not {c for c in _stances(extractor, text) if c[1] == "MEETS"}


def test_rules_a_meeting_held_is_read(extractor: Extractor) -> None:
    text = "Boric said his talks with Peruvian President Dina Boluarte had been productive."
    assert ("gabriel-boric", "MEETS", "dina-boluarte") in _stances(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        # those who together meet someone meet that one, not each other
        "Olaf Scholz and Emmanuel Macron met Viktor Orban before the summit.",
        "Olaf Scholz and Emmanuel Macron held talks with Viktor Orban.",
    ],
)
def test_rules_who_meet_someone_together_meet_that_one(extractor: Extractor, text: str) -> None:
    assert {c for c in _stances(extractor, text) if c[1] == "MEETS"} == {
        ("olaf-scholz", "MEETS", "viktor-orban"),
        ("emmanuel-macron", "MEETS", "viktor-orban"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the need for X", "its commitment to X": the stance is on X
        ("Chile stressed the need for a ceasefire in Gaza.",
         {("chile", "DEMANDS", "ceasefire in Gaza")}),
        ("Chile reaffirmed its commitment to the fishing treaty.",
         {("chile", "SUPPORTS", "fishing treaty")}),
        # "the need to X", "the idea to X": the action
        ("Chile rejected the idea to close the border with Peru.",
         {("chile", "OPPOSES", "closure of border with Peru")}),
        # stressing the importance of X supports X
        ("Chile underscored the importance of a ceasefire in Gaza.",
         {("chile", "SUPPORTS", "ceasefire in Gaza")}),
        # "calls for X", "demands for X": rejecting or backing them is a stance on X
        ("Chile rejected calls for a ceasefire in Gaza.",
         {("chile", "OPPOSES", "ceasefire in Gaza")}),
        ("Chile backed demands for a ceasefire in Gaza.",
         {("chile", "SUPPORTS", "ceasefire in Gaza")}),
    ],
)  # fmt: skip
def test_rules_a_need_or_commitment_is_about_what_it_wraps(
    extractor: Extractor, text: str, expected: set
) -> None:
    assert _stances(extractor, text) == expected


def test_rules_a_time_or_amount_is_never_what_a_stance_is_about(extractor: Extractor) -> None:
    text = "Chile had held up Peru's bid for more than a year and a half."
    assert not {c for c in _stances(extractor, text) if c[0] == "peru"}


def test_rules_states_applying_together_each_seek_their_own_membership(
    extractor: Extractor,
) -> None:
    text = "Norway and Iceland applied to join the European Union in the spring."
    assert _stances(extractor, text) == {
        ("norway", "SUPPORTS", "EU membership for Norway"),
        ("iceland", "SUPPORTS", "EU membership for Iceland"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "at" after an aiming idiom names a target, not where it happened: the capital acts
        ("Kenya took aim at Washington over the tariffs.",
         {("kenya", "CRITICIZES", "united-states")}),
        ("Ruto lashed out at Washington on Friday.",
         {("william-ruto", "CRITICIZES", "united-states")}),
        # "in defence of X" is a stance for X, like "in favour of X"
        ("Brazil and India spoke in defence of the climate deal.",
         {("brazil", "SUPPORTS", "climate deal"), ("india", "SUPPORTS", "climate deal")}),
        # an evaluative adjective said of a measure
        ("President William Ruto called the new tariffs unrealistic.",
         {("william-ruto", "OPPOSES", "tariffs")}),
    ],
)  # fmt: skip
def test_rules_targets_aimed_at_and_defended(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _stances(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # who joins "the talks" just told of meets everyone already there
        ("Kenyan President William Ruto held talks with Tanzanian President Samia Suluhu Hassan "
         "in Arusha on Monday. Rwandan President Paul Kagame joined the talks later.",
         {("paul-kagame", "MEETS", "william-ruto"),
          ("paul-kagame", "MEETS", "samia-suluhu-hassan")}, set()),
        # so does who "also took part", with no gathering named
        ("Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha. "
         "Rwandan President Paul Kagame also took part.",
         {("paul-kagame", "MEETS", "william-ruto"),
          ("paul-kagame", "MEETS", "samia-suluhu-hassan")}, set()),
        # another gathering ("a summit", not "the talks") is not the one told of
        ("Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha. "
         "Rwandan President Paul Kagame attended a summit in Kigali.",
         set(), {("paul-kagame", "MEETS", "william-ruto")}),
    ],
)  # fmt: skip
def test_rules_joining_a_gathering_told_of(
    extractor: Extractor,
    text: str,
    expected: set[tuple[str, str, str]],
    absent: set[tuple[str, str, str]],
) -> None:
    found = _stances(extractor, text)
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenyan President William Ruto called the tariffs a flagrant violation of the treaty.",
         {("william-ruto", "CRITICIZES", "tariffs")}),
        ("The new trade deal is a triumph, Kenyan President William Ruto said.",
         {("william-ruto", "SUPPORTS", "trade deal")}),
    ],
)  # fmt: skip
def test_rules_a_noun_of_judgement_is_a_stance(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _stances(extractor, text)


def test_rules_a_modal_action_names_the_action_as_an_urged_one_does(extractor: Extractor) -> None:
    """ "must withdraw its troops" and "urged to withdraw its troops" are one issue."""
    modal = _stances(extractor, "Kenya said Uganda must release the detained journalists.")
    urged = _stances(extractor, "Kenya urged Uganda to release the detained journalists.")
    assert modal == urged == {("kenya", "DEMANDS", "release of detained journalists")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stance noun's object the parser hung on the verb is the noun's
        ("Chancellor Olaf Scholz voiced his support for the fishing quotas.",
         {("olaf-scholz", "SUPPORTS", "fishing quotas")}),
        # "its" stance is no person's, whoever the clause's subject is
        ("Olaf Scholz took issue with the fishermen's report, notably its criticism of the "
         "fishing quotas.", set()),
    ],
)  # fmt: skip
def test_rules_a_stance_noun_belongs_to_whom_its_possessive_can_stand_for(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {s for s in _stances(extractor, text) if s[2] == "fishing quotas"} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kenya said Uganda must show sincerity.",
        "Uganda has to turn the page, Kenya said.",
    ],
)
def test_rules_a_modal_with_a_bare_abstract_object_demands_no_issue(
    extractor: Extractor, text: str
) -> None:
    assert _stances(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "each other", "one another": each of the subjects is the others' target
        ("Russia and Ukraine blamed each other for the attack on the dam.",
         {("russia", "ACCUSES", "ukraine"), ("ukraine", "ACCUSES", "russia")}),
        ("Kenya and Uganda accused one another of violating the ceasefire.",
         {("kenya", "ACCUSES", "uganda"), ("uganda", "ACCUSES", "kenya")}),
        # a reported wrongdoing accuses its doer
        ("Poland said Belarus was abusing the asylum system.",
         {("poland", "ACCUSES", "belarus")}),
    ],
)  # fmt: skip
def test_rules_reciprocal_and_reported_accusations(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    found = _stances(extractor, text)
    assert expected <= found
    assert not {c for c in found if c[0] == c[2]}  # nobody accuses themselves


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chad decided to put an end to the defence agreement with France.",
         {("chad", "OPPOSES", "defence agreement with France")}),
        ("Rwanda took issue with the court ruling on the asylum plan.",
         {("rwanda", "CRITICIZES", "court ruling on asylum plan")}),
        ("The European Commission gave the green light to the merger.",
         {("european-commission", "SUPPORTS", "merger")}),
        # a diplomatic protest criticises whom it is lodged with
        ("China lodged a protest with Japan over the remarks.",
         {("china", "CRITICIZES", "japan")}),
        ("China has lodged stern representations with Washington.",
         {("china", "CRITICIZES", "united-states")}),
    ],
)  # fmt: skip
def test_rules_a_verb_and_its_noun_take_a_stance(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _stances(extractor, text)


def test_rules_an_idiom_needs_its_own_preposition(extractor: Extractor) -> None:
    """ "took the issue to the court" takes no issue with the court."""
    assert not _stances(extractor, "Germany took the issue to the court.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "what X called Y", "what X described as Y": Y is the object
        ("Japan condemned what it called a reckless missile launch.",
         {("japan", "CRITICIZES", "reckless missile launch")}),
        ("Kenya rejected what it described as false claims.",
         {("kenya", "OPPOSES", "false claims")}),
    ],
)  # fmt: skip
def test_rules_what_someone_called_something_is_that_thing(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _stances(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenyan President William Ruto and Ugandan President Yoweri Museveni spoke by phone "
         "on Monday.", ("william-ruto", "MEETS", "yoweri-museveni")),
        ("Kenyan President William Ruto sat down with Ugandan President Yoweri Museveni in "
         "Entebbe.", ("william-ruto", "MEETS", "yoweri-museveni")),
        # a host welcoming a guest meets them; welcoming a decision supports it
        ("Kenyan President William Ruto welcomed Ugandan President Yoweri Museveni to Nairobi.",
         ("william-ruto", "MEETS", "yoweri-museveni")),
        ("Kenyan President William Ruto was joined by Ugandan President Yoweri Museveni at the "
         "summit.", ("yoweri-museveni", "MEETS", "william-ruto")),
    ],
)  # fmt: skip
def test_rules_calls_sittings_and_guests_are_meetings(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    found = _stances(extractor, text)
    assert expected in found
    assert not {c for c in found if c[1] == "SUPPORTS"}


def test_rules_speaking_at_one_event_is_no_call(extractor: Extractor) -> None:
    text = "Kenyan President William Ruto and Ugandan President Yoweri Museveni spoke at the forum."
    assert not _stances(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body listing its members
        ("The Organization of American States, whose members include Ecuador and Mexico, "
         "urged calm.",
         {("ecuador", "MEMBER_OF", "organization-of-american-states"),
          ("mexico", "MEMBER_OF", "organization-of-american-states")}),
        ("ASEAN brings together Indonesia, Malaysia and Thailand.",
         {("indonesia", "MEMBER_OF", "asean"), ("thailand", "MEMBER_OF", "asean")}),
        # a body described by what it holds: a participle, a grouping that includes, "of"
        ("The Andean Community, comprising Bolivia, Colombia and Peru, met in Lima.",
         {("bolivia", "MEMBER_OF", "andean-community"), ("peru", "MEMBER_OF", "andean-community")}),
        ("The Andean Community, made up of Bolivia and Peru, met in Lima.",
         {("bolivia", "MEMBER_OF", "andean-community"), ("peru", "MEMBER_OF", "andean-community")}),
        ("The Andean Community, chaired by Colombia and including Bolivia and Peru, met in Lima.",
         {("bolivia", "MEMBER_OF", "andean-community"), ("peru", "MEMBER_OF", "andean-community")}),
        ("The Andean Community, a grouping that includes Bolivia and Peru, met in Lima.",
         {("bolivia", "MEMBER_OF", "andean-community"), ("peru", "MEMBER_OF", "andean-community")}),
        ("The Andean Community is a customs union of Bolivia, Colombia, Ecuador and Peru.",
         {("bolivia", "MEMBER_OF", "andean-community"), ("peru", "MEMBER_OF", "andean-community")}),
        # members listed after a colon, in brackets, or as examples of the body's states
        ("BRICS now has ten members: Brazil, Russia, India and China.",
         {("brazil", "MEMBER_OF", "brics"), ("china", "MEMBER_OF", "brics")}),
        ("Eight members of OPEC (Saudi Arabia, Iraq and Kuwait) agreed to raise output.",
         {("saudi-arabia", "MEMBER_OF", "opec"), ("kuwait", "MEMBER_OF", "opec")}),
        ("NATO agreed on the plan. NATO countries such as France and Britain objected.",
         {("france", "MEMBER_OF", "nato"), ("united-kingdom", "MEMBER_OF", "nato")}),
    ],
)  # fmt: skip
def test_rules_members_a_body_lists(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _stances(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # "member states" of a body the text does not name: the body of states it named
        ("The European Union imposed the tariffs on Friday. Among the member states, France, "
         "Italy and Poland supported the measure.",
         {("france", "MEMBER_OF", "european-union"), ("poland", "MEMBER_OF", "european-union")},
         set()),
        ("The EU adopted the tariffs. Five member states, namely Germany, Hungary and Malta, "
         "voted against the proposal.",
         {("germany", "MEMBER_OF", "european-union"), ("malta", "MEMBER_OF", "european-union")},
         set()),
        # "among" ranges over a clause set against the first, not over one giving a cause
        ("The European Union imposed the tariffs on Friday. Among the member states, Spain "
         "backed the measure, while Austria and Ireland voted against it.",
         {("spain", "MEMBER_OF", "european-union"), ("austria", "MEMBER_OF", "european-union"),
          ("ireland", "MEMBER_OF", "european-union")}, set()),
        ("The European Union imposed the tariffs on Friday. Among the member states, Spain "
         "backed the measure because China had cut its exports.",
         {("spain", "MEMBER_OF", "european-union")}, {("china", "MEMBER_OF", "european-union")}),
        # only the members the knowledge base knows of that body
        ("NATO met in Brussels. Among the member states, Kenya supported the plan.",
         set(), {("kenya", "MEMBER_OF", "nato")}),
    ],
)  # fmt: skip
def test_rules_member_states_of_the_body_named(
    extractor: Extractor,
    text: str,
    expected: set[tuple[str, str, str]],
    absent: set[tuple[str, str, str]],
) -> None:
    found = _stances(extractor, text)
    assert expected <= found
    assert not absent & found


def test_rules_what_a_package_includes_is_no_member(extractor: Extractor) -> None:
    found = _stances(extractor, "The sanctions package includes Russia and Belarus.")
    assert not {c for c in found if c[1] == "MEMBER_OF"}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("Finland, which joined NATO in April, closed its border.",
         {("finland", "MEMBER_OF", "nato")}, set()),
        # joining a body in doing something sides with it; wanting to join is no membership
        ("Germany joined the European Union in condemning the strike.",
         set(), {("germany", "MEMBER_OF", "european-union")}),
        ("Moldova will join the European Union.",
         set(), {("moldova", "MEMBER_OF", "european-union")}),
        # "like other members": the one likened is a member, nobody named before
        ("Sweden backed the plan. Germany, like other EU member states, rejected the tariffs.",
         {("germany", "MEMBER_OF", "european-union")},
         {("sweden", "MEMBER_OF", "european-union")}),
    ],
)  # fmt: skip
def test_rules_a_state_that_joined_is_a_member(
    extractor: Extractor,
    text: str,
    expected: set[tuple[str, str, str]],
    absent: set[tuple[str, str, str]],
) -> None:
    found = _stances(extractor, text)
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # talks and summits are issues actors take stances on
        ("Kenya welcomed the peace talks in Geneva.",
         {("kenya", "SUPPORTS", "peace talks in Geneva")}),
        ("Russia rejected talks with Ukraine.", {("russia", "OPPOSES", "talks with Ukraine")}),
    ],
)  # fmt: skip
def test_rules_talks_are_stance_targets(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _stances(extractor, text)


def test_rules_ones_own_meeting_is_no_issue(extractor: Extractor) -> None:
    text = "His meeting with Ugandan President Yoweri Museveni is important, Ruto said."
    assert not {c for c in _stances(extractor, text) if c[1] == "SUPPORTS"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Uganda is to blame for the clashes, Kenyan President William Ruto said.",
         {("william-ruto", "ACCUSES", "uganda")}),
        ("The responsibility lay with Moscow, Finnish Prime Minister Petteri Orpo told "
         "reporters.", {("petteri-orpo", "ACCUSES", "russia")}),
        ("Britain will bear responsibility for whatever follows, Iranian Foreign Minister "
         "Abbas Araghchi said.", {("abbas-araghchi", "ACCUSES", "united-kingdom")}),
        # whose words a sentence reports: "in his words", "in the words of X", "in X's words"
        ("Kenyan President William Ruto spoke on Monday. In his words, Uganda is to blame for "
         "the clashes.", {("william-ruto", "ACCUSES", "uganda")}),
        ("In the words of Kenyan President William Ruto, Uganda is to blame for the clashes.",
         {("william-ruto", "ACCUSES", "uganda")}),
    ],
)  # fmt: skip
def test_rules_holding_someone_responsible_accuses_them(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _stances(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "The trade ministry is responsible for tariffs.",  # a duty described, no one speaking
        "Kenya is not responsible for the attack, Kenyan President William Ruto said.",
    ],
)
def test_rules_a_duty_or_a_denial_accuses_no_one(extractor: Extractor, text: str) -> None:
    assert not {c for c in _stances(extractor, text) if c[1] == "ACCUSES"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sum of money stands for what it buys
        ("Slovakia had pledged 680 million euros in government support to Ukraine.",
         {("slovakia", "SUPPORTS", "government support to Ukraine")}),
        ("Japan pledged $5 billion for the reconstruction of Ukraine.",
         {("japan", "SUPPORTS", "reconstruction of Ukraine")}),
        # the setting of a stance is no part of its issue
        ("Spain backed provisional duties in a non-binding vote in July.",
         {("spain", "SUPPORTS", "provisional duties")}),
    ],
)  # fmt: skip
def test_rules_topics_without_sums_or_settings(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _stances(extractor, text)


def test_rules_a_denied_clause_asserts_nothing(extractor: Extractor) -> None:
    found = _stances(extractor, "Kenya denied that it had backed the coup in Sudan.")
    assert not {c for c in found if c[1] == "SUPPORTS"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # insisting on a fact held asks for nothing (it may criticise what it is said of);
        # insisting that someone act demands it
        ("Kenya insists the new tariffs hurt its farmers.", {("kenya", "CRITICIZES", "tariffs")}),
        ("Kenya insists that Uganda withdraw the new tariffs.",
         {("kenya", "DEMANDS", "withdrawal of tariffs")}),
        # fighting off a rule opposes it
        ("The Kenyan government urged lawmakers to fight off the new tax rules.",
         {("kenya", "OPPOSES", "tax rules")}),
    ],
)  # fmt: skip
def test_rules_insisting_on_a_fact_or_on_an_act(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    found = {c for c in _stances(extractor, text) if c[1] != "MEMBER_OF"}
    assert expected <= found and not {c for c in found - expected if c[1] == "DEMANDS"}, found


def test_rules_praising_someones_resistance_supports_them(extractor: Extractor) -> None:
    assert ("kenya", "SUPPORTS", "uganda") in _stances(
        extractor, "Kenya praised Uganda's resistance to the new tariffs."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Estonia, a member of NATO and one of Kyiv's staunchest backers, closed its border.",
         {("estonia", "SUPPORTS", "ukraine")}),
        ("The Slovak government was among Kyiv's most active supporters.",
         {("slovakia", "SUPPORTS", "ukraine")}),
        ("Latvia is one of the harshest critics of the deal.",
         {("latvia", "CRITICIZES", "deal")}),
    ],
)  # fmt: skip
def test_rules_one_of_the_backers_backs(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _stances(extractor, text)


def test_rules_who_restates_a_stance_holds_it(extractor: Extractor) -> None:
    text = "Foreign Minister Dmytro Kuleba renewed Kyiv's request for the missiles."
    found = _stances(extractor, text)
    assert {("ukraine", "DEMANDS", "missiles"), ("dmytro-kuleba", "DEMANDS", "missiles")} <= found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamas accepted a ceasefire plan drawn up by Egypt and Qatar.",
         {("egypt", "PROPOSES", "ceasefire plan"), ("qatar", "PROPOSES", "ceasefire plan")}),
        ("The 11-point plan, drafted by France and Germany, was accepted.",
         {("france", "PROPOSES", "11-point plan"), ("germany", "PROPOSES", "11-point plan")}),
    ],
)  # fmt: skip
def test_rules_who_drafts_a_plan_proposes_it(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _stances(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Warsaw's demand for an extension of the ban was shared by Hungary and Slovakia.",
         {("poland", "DEMANDS", "extension of ban"), ("hungary", "DEMANDS", "extension of ban"),
          ("slovakia", "DEMANDS", "extension of ban")}),
        ("Hungary shared Poland's concerns about the grain imports.",
         {("poland", "CRITICIZES", "grain imports"), ("hungary", "CRITICIZES", "grain imports")}),
    ],
)  # fmt: skip
def test_rules_who_shares_a_stance_holds_it(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _stances(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The proposal garnered support from Brazil.", {("brazil", "SUPPORTS", "proposal")}),
        # support it failed to win is support withheld
        ("The plan failed to win the backing of Italy.", {("italy", "OPPOSES", "plan")}),
    ],
)  # fmt: skip
def test_rules_support_received_or_not(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _stances(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile and Peru published a joint statement calling for a ceasefire in Sudan.",
         {("chile", "DEMANDS", "ceasefire in Sudan"), ("peru", "DEMANDS", "ceasefire in Sudan")}),
        ("In a letter urging a ceasefire in Sudan, Chile said the fighting must stop.",
         {("chile", "DEMANDS", "ceasefire in Sudan")}),
        # who blocks a text holds nothing it says
        ("Chile blocked a statement calling for a ceasefire in Sudan.", set()),
    ],
)  # fmt: skip
def test_rules_the_authors_of_a_text_hold_what_it_calls_for(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    found = {c for c in _stances(extractor, text) if c[1] == "DEMANDS"}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There will be no foreign troops in Ukraine, German Chancellor Olaf Scholz said.",
         {("olaf-scholz", "OPPOSES", "foreign troops in Ukraine")}),
        # "no alternative to X" rules nothing out
        ("There is no alternative to dialogue, Kenyan President William Ruto said.", set()),
        # a fact denied rules nothing out; no need for X does
        ("There is no famine in the region, Kenyan President William Ruto said.", set()),
        ("There is no need for a curfew, Kenyan President William Ruto said.",
         {("william-ruto", "OPPOSES", "curfew")}),
    ],
)  # fmt: skip
def test_rules_saying_there_will_be_none_rules_it_out(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    found = {c for c in _stances(extractor, text) if c[1] == "OPPOSES"}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a warning or threat opposes what it is conditioned on
        ("Russia warned of a war if Ukraine joins NATO.",
         {("russia", "OPPOSES", "NATO membership for Ukraine")}, set()),
        ("Russia threatened to cut gas supplies if Moldova signed the deal.",
         {("russia", "OPPOSES", "deal")}, {("moldova", "SUPPORTS", "deal")}),
        # a condition asserts nothing
        ("Russia warned that it would respond if Finland joined NATO.",
         {("russia", "OPPOSES", "NATO membership for Finland")},
         {("finland", "MEMBER_OF", "nato")}),
        # what a threat punishes the absence of is demanded
        ("Russia warned of new strikes if Moldova does not accept the gas deal.",
         {("russia", "DEMANDS", "gas deal")}, {("russia", "OPPOSES", "gas deal")}),
        ("Russia threatened to cut supplies unless Moldova accepted the gas deal.",
         {("russia", "DEMANDS", "gas deal")}, {("russia", "OPPOSES", "gas deal")}),
        # a pledge made on a condition is a programme, no threat against the condition
        ("Russia pledged to lower gas prices if Moldova signed the gas deal.",
         set(), {("russia", "OPPOSES", "gas deal")}),
    ],
)  # fmt: skip
def test_rules_threats_and_conditions(
    extractor: Extractor,
    text: str,
    expected: set[tuple[str, str, str]],
    absent: set[tuple[str, str, str]],
) -> None:
    found = _stances(extractor, text)
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's adjective says whose the accused or condemned thing is
        ("Japan accused Chinese ships of entering its waters.", {("japan", "ACCUSES", "china")}),
        ("Kenya criticised the new Chinese tariffs.", {("kenya", "CRITICIZES", "china")}),
    ],
)  # fmt: skip
def test_rules_the_state_behind_what_is_accused(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _stances(extractor, text)


def test_rules_critical_of_his_counterpart(extractor: Extractor) -> None:
    """A coordinated adjective keeps its subject; "his counterpart" is the one he met."""
    text = (
        "Kosovo Prime Minister Albin Kurti met Serbian President Aleksandar Vucic. Kurti was "
        "more upbeat about the substance but critical of his counterpart."
    )
    assert ("albin-kurti", "CRITICIZES", "aleksandar-vucic") in _stances(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a decision named in passing, no stance read on it, is what a later bare noun means
        ("European Union governments on Monday agreed a 30 billion euro aid package for "
         "Moldova. Hungary had held up the package for weeks.",
         {("hungary", "OPPOSES", "30 billion euro aid package for Moldova")}),
        # one of a series ("a final offer") is not named for later
        ("The union received a final offer on Friday. Germany welcomed the offer.",
         {("germany", "SUPPORTS", "offer")}),
    ],
)  # fmt: skip
def test_rules_a_bare_noun_means_the_decision_named_before(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _stances(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the minister said he would": he is the minister, not the person named last
        ("Moldovan President Maia Sandu welcomed the plan. The agriculture minister said he "
         "would defend the farm budget.",
         {("maia-sandu", "SUPPORTS", "plan")}),
        # a title stands for the one person named before with every word of it
        ("The Czech defence minister, Jana Cernochova, met Ukrainian officials in Prague. The "
         "minister said she would back the purchase of artillery shells.",
         {("jana-cernochova", "SUPPORTS", "purchase of artillery shells")}),
        ("The Czech defence minister, Jana Cernochova, met Ukrainian officials in Prague. The "
         "finance minister said she would back the purchase of artillery shells.",
         set()),
    ],
)  # fmt: skip
def test_rules_a_title_reporting_is_who_its_clause_speaks_of(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _stances(extractor, text) - {("jana-cernochova", "MEETS", "ukraine")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's bid or candidacy said alone is the membership the article has named
        ("Turkish parliament ratifies Sweden's NATO membership. Hungary had held up "
         "Stockholm's bid for more than a year. Germany backed Sweden's candidacy.",
         {("hungary", "OPPOSES", "NATO membership for Sweden"),
          ("germany", "SUPPORTS", "NATO membership for Sweden")}),
        # its accession likewise, the alliance named before
        ("Turkish parliament ratifies Sweden's NATO membership. Germany welcomed Sweden's "
         "accession.",
         {("germany", "SUPPORTS", "NATO membership for Sweden")}),
        # a bid for something else is that thing
        ("Turkish parliament ratifies Sweden's NATO membership. Hungary backed Sweden's bid "
         "for a seat on the council.",
         {("hungary", "SUPPORTS", "seat on council")}),
    ],
)  # fmt: skip
def test_rules_a_bid_said_alone_is_the_membership_named_before(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _stances(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a member noun before the names it describes, its body named as a modifier
        ("Fellow OPEC+ members Iraq, Kuwait and Oman pledged smaller cuts.",
         {("iraq", "MEMBER_OF", "opec-plus"), ("kuwait", "MEMBER_OF", "opec-plus"),
          ("oman", "MEMBER_OF", "opec-plus")}),
        ("NATO member Hungary opposed the plan.", {("hungary", "MEMBER_OF", "nato")}),
    ],
)  # fmt: skip
def test_rules_members_named_after_their_noun(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _read(extractor, text)


def test_rules_own_is_no_part_of_a_topic(extractor: Extractor) -> None:
    found = _stances(
        extractor, "Germany urged Hungary to complete its own ratification of the treaty."
    )
    assert found == {("germany", "DEMANDS", "ratification of treaty")}, found


def test_rules_a_title_before_a_name_is_no_part_of_a_topic(extractor: Extractor) -> None:
    found = _stances(extractor, "Germany backed Prime Minister Viktor Orban's peace plan.")
    assert ("germany", "SUPPORTS", "Viktor Orbán peace plan") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile was frustrated and disappointed with the copper levy.",
         {("chile", "CRITICIZES", "copper levy")}),
        ("Chile said it was angry and frustrated with Peru.",
         {("chile", "CRITICIZES", "peru")}),
        ("Chile was relieved and satisfied with the copper deal.",
         {("chile", "SUPPORTS", "copper deal")}),
    ],
)  # fmt: skip
def test_rules_feelings_joined_by_and_are_held_by_the_subject_of_the_first(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _read(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile rejected calls to raise the copper levy.",
         {("chile", "OPPOSES", "increase of copper levy")}),
        ("Chile has resisted calls to raise the copper levy.",
         {("chile", "OPPOSES", "increase of copper levy")}),
        ("Chile backed demands to cut the copper levy.",
         {("chile", "SUPPORTS", "cut of copper levy")}),
    ],
)  # fmt: skip
def test_rules_calls_and_demands_are_about_what_their_infinitive_names(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _read(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile accepted the ceasefire plan.", {("chile", "SUPPORTS", "ceasefire plan")}),
        ("Chile said it had accepted the copper deal.", {("chile", "SUPPORTS", "copper deal")}),
        ("Chile did not accept the copper deal.", {("chile", "OPPOSES", "copper deal")}),
        # what is accepted without being put forward to be taken backs nothing
        ("Chile accepted the invitation.", set()),
        ("Chile accepted the resignation of its envoy.", set()),
    ],
)  # fmt: skip
def test_rules_accepting_an_offer_backs_it(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _read(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chile backed the copper levy instead of a tax rise.",
        "Chile supports a copper levy rather than a tax rise.",
        "Chile backs a copper levy, not a tax rise.",
    ],
)
def test_rules_what_is_set_against_a_target_shares_no_stance(
    extractor: Extractor, text: str
) -> None:
    assert _read(extractor, text) == {("chile", "SUPPORTS", "copper levy")}


@pytest.mark.parametrize(
    ("text", "second"),
    [
        # "President" parsed as the conjunct, the name hung as an apposition of the first
        ("Greek Prime Minister Kyriakos Mitsotakis and Turkish President Recep Tayyip Erdogan "
         "condemned the copper levy.", "recep-tayyip-erdogan"),
        # two subjects of one verb, the first with its "and" left hanging
        ("Greek Prime Minister Kyriakos Mitsotakis and Chilean President Gabriel Boric "
         "condemned the copper levy.", "gabriel-boric"),
    ],
)  # fmt: skip
def test_rules_a_title_in_a_list_of_subjects_names_the_person_after_it(
    extractor: Extractor, text: str, second: str
) -> None:
    """However the parser hangs the second titled name, both act."""
    assert {c for c in _read(extractor, text) if c[1] == "CRITICIZES"} == {
        ("kyriakos-mitsotakis", "CRITICIZES", "copper levy"),
        (second, "CRITICIZES", "copper levy"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile has branded Nicolas Maduro a dictator.",
         {("chile", "CRITICIZES", "nicolas-maduro")}),
        ("Chile called the copper levy a sham.", {("chile", "CRITICIZES", "copper levy")}),
        ("Chile branded the copper levy a farce.", {("chile", "CRITICIZES", "copper levy")}),
        # a description in apposition is no judgement
        ("Chile called Nicolas Maduro, a former bus driver, on Monday.", set()),
    ],
)  # fmt: skip
def test_rules_branding_someone_a_culprit_or_something_a_sham_criticises_it(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {c for c in _read(extractor, text) if c[1] != "MEETS"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile has yet to ratify the copper deal.", set()),
        ("Chile is yet to approve the copper deal.", set()),
        ("Chile has ratified the copper deal.", {("chile", "SUPPORTS", "copper deal")}),
    ],
)  # fmt: skip
def test_rules_an_act_not_yet_done_says_no_stance(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _read(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The copper levy, which Chile strongly opposes, was tabled on Monday.",
         {("chile", "OPPOSES", "copper levy")}),
        ("The tariffs that Chile rejected were imposed in May.",
         {("chile", "OPPOSES", "tariffs")}),
    ],
)  # fmt: skip
def test_rules_a_relative_pronoun_object_stands_for_the_noun_before_it(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _read(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is asked not to be, or to be none of, is opposed
        ("Chile insisted that there be no hard border.", {("chile", "OPPOSES", "hard border")}),
        ("Chile demanded that the frozen assets not be used.",
         {("chile", "OPPOSES", "usage of frozen assets")}),
        ("Chile demanded that the sanctions not be lifted.",
         {("chile", "DEMANDS", "sanctions")}),
        ("Chile said the election was neither free nor fair.",
         {("chile", "OPPOSES", "event-election")}),
        # a question still open is no stance
        ("Chile has yet to decide whether to support the copper deal.", set()),
        ("Chile is weighing whether to back the copper deal.", set()),
    ],
)  # fmt: skip
def test_rules_the_polarity_of_what_is_asked_or_judged(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _read(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chile no longer supports the copper levy.",
        "Chile failed to back the copper levy.",
        "Neither Chile nor Peru backed the copper levy.",
        'Chile would "absolutely not" agree to the copper levy.',
        "Chile will certainly not back the copper levy.",
    ],
)
def test_rules_support_said_not_to_be_given_is_opposition(extractor: Extractor, text: str) -> None:
    found = _read(extractor, text)
    assert ("chile", "OPPOSES", "copper levy") in found
    assert not any(c[1] == "SUPPORTS" for c in found)


def test_rules_a_not_before_its_adverb_negates_nothing(extractor: Extractor) -> None:
    found = _read(extractor, "Chile not only backs the copper levy but wants it doubled.")
    assert ("chile", "SUPPORTS", "copper levy") in found


@pytest.mark.parametrize(
    "text",
    [
        "Gabriel Boric wants to meet Dina Boluarte.",
        "Gabriel Boric plans to visit Lima in July to meet Dina Boluarte.",
        "Gabriel Boric will travel to Lima next week to meet Dina Boluarte.",
    ],
)
def test_rules_a_meeting_wished_or_planned_is_neither_a_meeting_nor_a_stance(
    extractor: Extractor, text: str
) -> None:
    assert _read(extractor, text) == set()


def test_rules_he_after_a_reported_clause_is_the_one_who_reported_it(
    extractor: Extractor,
) -> None:
    text = (
        "Chilean President Gabriel Boric said on Monday that Peruvian President Dina Boluarte "
        "was blocking the copper deal. He also criticised the copper levy."
    )
    criticised = {c for c in _read(extractor, text) if c[1] == "CRITICIZES"}
    assert criticised == {("gabriel-boric", "CRITICIZES", "copper levy")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile attacked the copper levy.", {("chile", "CRITICIZES", "copper levy")}),
        ("Gabriel Boric attacked Peru over the copper levy.",
         {("gabriel-boric", "CRITICIZES", "peru")}),
        # an armed attack is no criticism
        ("Chile attacked Peru overnight.", set()),
        ("Chile attacked Peru with drones.", set()),
    ],
)  # fmt: skip
def test_rules_an_attack_in_words_criticises_an_armed_one_does_not(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {c for c in _read(extractor, text) if c[1] == "CRITICIZES"} == expected


def test_rules_the_company_and_the_union_stand_for_the_business_and_the_union_named_before(
    extractor: Extractor,
) -> None:
    text = (
        "Boeing announced plans to close two plants. The IAM union criticised the European "
        "Union's new aviation rules. The union also rejected the copper levy. The company "
        "rejected the pension reform."
    )
    found = {c for c in _read(extractor, text) if c[1] == "OPPOSES"}
    assert ("iam", "OPPOSES", "copper levy") in found
    assert ("boeing", "OPPOSES", "pension reform") in found
    assert not any(c[0] == "european-union" for c in found)


def test_rules_a_name_the_recogniser_missed_is_linked_where_written_again(
    extractor: Extractor,
) -> None:
    """After a dateline the recogniser may miss a business it tags further down."""
    text = (
        "DUBLIN, March 3 (Reuters) - Ryanair on Monday criticised Boeing over repeated "
        "delays.\n\nRyanair chief executive Michael O'Leary said the airline wanted "
        "compensation."
    )
    assert ("ryanair", "CRITICIZES", "boeing") in _read(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Criticism of the copper levy by Chile was unusually blunt.",
         {("chile", "CRITICIZES", "copper levy")}),
        ("Calls from Chile for a copper levy went unanswered.",
         {("chile", "DEMANDS", "copper levy")}),
        ("The sharpest criticism of the copper levy came from Chile.",
         {("chile", "CRITICIZES", "copper levy")}),
    ],
)  # fmt: skip
def test_rules_a_stance_noun_is_held_by_whom_from_or_by_names(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _read(extractor, text) == expected


def test_rules_a_word_joined_by_a_hyphen_stays_in_the_topic(extractor: Extractor) -> None:
    assert _read(extractor, "Chile called for a no-fly zone over Peru.") == {
        ("chile", "DEMANDS", "no-fly zone over Peru")
    }


def test_rules_things_called_for_together_are_topics_of_their_own(extractor: Extractor) -> None:
    assert _read(extractor, "Chile pressed for tougher sanctions and a copper levy.") == {
        ("chile", "DEMANDS", "tougher sanctions"),
        ("chile", "DEMANDS", "copper levy"),
    }


def test_rules_a_gerund_proposed_names_the_action(extractor: Extractor) -> None:
    assert _read(extractor, "Chile proposed closing the entire northern border.") == {
        ("chile", "PROPOSES", "closure of entire northern border")
    }


def test_rules_the_words_of_someone_not_named_are_no_one_elses(extractor: Extractor) -> None:
    """First person in a quotation of an unnamed official is not the person named last."""
    text = (
        "Peruvian President Dina Boluarte backed the copper deal.\n\n"
        '"We reject the copper levy," a government spokesman said.'
    )
    assert {c for c in _read(extractor, text) if c[1] == "OPPOSES"} == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no president of Chile named: the state its president speaks for
        ('"We want a ceasefire now," the Chilean president told reporters.',
         {("chile", "SUPPORTS", "ceasefire")}),
        # "the Chilean leader": the head of state or government named before
        ("Chilean President Gabriel Boric spoke on Monday. The Chilean leader rejected the "
         "copper levy.", {("gabriel-boric", "OPPOSES", "copper levy")}),
    ],
)  # fmt: skip
def test_rules_a_state_leader_described_not_named(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {c for c in _read(extractor, text) if c[1] != "HOLDS_ROLE"} >= expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile scrapped the copper levy.", {("chile", "OPPOSES", "copper levy")}),
        ("Chile shelved the plan for a copper levy.",
         {("chile", "OPPOSES", "plan for copper levy")}),
        ("Chile walked away from the copper deal.", {("chile", "OPPOSES", "copper deal")}),
    ],
)  # fmt: skip
def test_rules_giving_something_up_opposes_it(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _read(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The copper deal must be approved, Chile said.", {("chile", "SUPPORTS", "copper deal")}),
        ("The copper levy must be rejected, Chile said.", {("chile", "OPPOSES", "copper levy")}),
        ("The copper deal must not be approved, Chile said.",
         {("chile", "OPPOSES", "copper deal")}),
        # an act asked of another says nothing of the speaker's stance
        ("The copper deal must be approved by parliament, Chile said.", set()),
    ],
)  # fmt: skip
def test_rules_what_must_be_done_to_a_thing_is_the_speakers_stance_on_it(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _read(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The copper levy earned praise from Chile.", ("chile", "SUPPORTS", "copper levy")),
        ("The copper levy drew a sharp rebuke from Chile.",
         ("chile", "CRITICIZES", "copper levy")),
        ("The copper levy faced pushback from Chile.", ("chile", "OPPOSES", "copper levy")),
    ],
)  # fmt: skip
def test_rules_praise_rebuke_and_pushback_received_from_an_actor(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert _read(extractor, text) == {expected}


@pytest.mark.parametrize(
    ("text", "members"),
    [
        # a plural apposition describes every state of the list before it
        ("Chile and Peru, both members of Mercosur, backed the copper deal.",
         {"chile", "peru"}),
        # a singular one, the state right before it
        ("Chile and Peru, a Mercosur member, backed the copper deal.", {"peru"}),
        # bodies joined by "and" before the noun, which the parser may hang as nmod
        ("Estonia, a NATO and EU member, backed the copper deal.", {"estonia"}),
    ],
)  # fmt: skip
def test_rules_an_apposition_of_membership_describes_whom_it_follows(
    extractor: Extractor, text: str, members: set[str]
) -> None:
    assert {c[0] for c in _read(extractor, text) if c[1] == "MEMBER_OF"} == members


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We need a copper deal," Gabriel Boric said.',
         {("gabriel-boric", "DEMANDS", "copper deal")}),
        # a need said of another is no stance of theirs
        ("Peru needs a copper deal, Gabriel Boric said.", set()),
    ],
)  # fmt: skip
def test_rules_a_need_said_in_the_first_person_is_a_demand(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _read(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile rejected the copper levy, as did Peru.",
            {("chile", "OPPOSES", "copper levy"), ("peru", "OPPOSES", "copper levy")},
        ),
        (
            "France backed the copper levy, as did Germany and Italy.",
            {
                ("france", "SUPPORTS", "copper levy"),
                ("germany", "SUPPORTS", "copper levy"),
                ("italy", "SUPPORTS", "copper levy"),
            },
        ),
    ],
)
def test_rules_as_did_repeats_the_stance_for_its_subject(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _read(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Chilean President Gabriel Boric put the blame squarely on Peru.",
        "Chilean President Gabriel Boric placed the blame for the delays on Peru.",
    ],
)
def test_rules_putting_the_blame_on_someone_accuses_them(extractor: Extractor, text: str) -> None:
    assert ("gabriel-boric", "ACCUSES", "peru") in _read(extractor, text)


@pytest.mark.parametrize(
    ("text", "proposes"),
    [
        ("Germany put forward a plan for a price cap.", True),
        ("Germany put all options on the table.", False),
        ("The agency put the death toll at 151.", False),
    ],
)
def test_rules_only_putting_forward_proposes(
    extractor: Extractor, text: str, proposes: bool
) -> None:
    assert any(p == "PROPOSES" for _, p, _ in _read(extractor, text)) is proposes


@pytest.mark.parametrize(
    "text",
    [
        "The European Union's package, including tariffs on Chinese steel, was adopted.",
        "The Andean Community made up its mind on Monday.",
        "Peru is a founding member of the Andean Community, a grouping that meets in Lima.",
    ],
)
def test_rules_what_is_no_body_or_lists_no_one_gives_no_members(
    extractor: Extractor, text: str
) -> None:
    found = _stances(extractor, text)
    assert not {c for c in found if c[1] == "MEMBER_OF" and c[0] != "peru"}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "The strikes prompted Deutsche Bahn to demand a 48-hour warning.",
            ("deutsche-bahn", "DEMANDS", "48-hour warning"),
            None,
        ),
        (
            "Chile's tariffs forced Peru to reject the copper levy.",
            ("peru", "OPPOSES", "copper levy"),
            ("chile", "OPPOSES", "copper levy"),
        ),
        # sought or foreseen, no one was made to act yet
        (
            "Chile seeks to force Peru to reject the copper levy.",
            None,
            ("peru", "OPPOSES", "copper levy"),
        ),
    ],
)
def test_rules_who_is_made_to_act_acts(
    extractor: Extractor,
    text: str,
    expected: tuple[str, str, str] | None,
    absent: tuple[str, str, str] | None,
) -> None:
    found = _read(extractor, text)
    assert expected is None or expected in found
    assert absent not in found


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "Chilean Foreign Minister Alberto van Klaveren said the country would not back the "
            "copper levy.",
            {
                ("chile", "OPPOSES", "copper levy"),
                ("alberto-van-klaveren", "OPPOSES", "copper levy"),
            },
            set(),
        ),
        # the speaker's state is not named in the sentence: the country may be another
        (
            "Chile hosted the talks. Alberto van Klaveren said the country would not back the "
            "copper levy.",
            set(),
            {("chile", "OPPOSES", "copper levy")},
        ),
    ],
)
def test_rules_the_country_a_speaker_serves_is_the_one_his_title_names(
    extractor: Extractor,
    text: str,
    expected: set[tuple[str, str, str]],
    absent: set[tuple[str, str, str]],
) -> None:
    found = _read(extractor, text)
    assert expected <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # wanting or hoping something gone opposes it
        ("Chile wants the copper levy removed.", ("chile", "OPPOSES", "copper levy"), "SUPPORTS"),
        ("Chile wanted the copper levy gone.", ("chile", "OPPOSES", "copper levy"), "SUPPORTS"),
        ("Chile hopes the sanctions are lifted.", ("chile", "OPPOSES", "sanctions"), "SUPPORTS"),
        ("Chile insisted the copper levy must end.", ("chile", "OPPOSES", "copper levy"), None),
        # a judgement linked by "seems", "remains" or "sounds" as by "is"
        (
            "The copper levy remains unacceptable, Chilean President Gabriel Boric said.",
            ("gabriel-boric", "OPPOSES", "copper levy"),
            "SUPPORTS",
        ),
        (
            "The copper levy sounds absurd, Chilean President Gabriel Boric said.",
            ("gabriel-boric", "OPPOSES", "copper levy"),
            "SUPPORTS",
        ),
    ],
)
def test_rules_what_is_wanted_gone_or_judged_through_a_linking_verb(
    extractor: Extractor, text: str, expected: tuple[str, str, str], absent: str | None
) -> None:
    found = _stances(extractor, text)
    assert expected in found
    assert not any(p == absent for _, p, t in found if t == expected[2])


def test_rules_the_only_one_to_act_acts(extractor: Extractor) -> None:
    found = _read(extractor, "Peru was the only member state to vote against the copper levy.")
    assert ("peru", "OPPOSES", "copper levy") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the vote cast is the stance: "no" is no negation of voting
        ("Germany voted no on the tariffs.", {("germany", "OPPOSES", "tariffs")}),
        ("Poland voted yes on the gas price cap.", {("poland", "SUPPORTS", "gas price cap")}),
        ("Germany lobbied hard for a no vote on the tariffs.",
         {("germany", "OPPOSES", "tariffs")}),
        # withdrawing a law undoes it; withdrawing troops is what is asked for
        ("Poland urged Hungary to withdraw the foreign agents law.",
         {("poland", "OPPOSES", "foreign agents law")}),
        ("Russia demanded that NATO withdraw its troops from Romania.",
         {("russia", "DEMANDS", "withdrawal of troops from Romania")}),
    ],
)  # fmt: skip
def test_rules_votes_cast_and_laws_withdrawn(
    extractor: Extractor, text: str, expected: set
) -> None:
    assert _stances(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state named by its adjective and "side", as translated state media write
        ("The Chinese side firmly opposes the tariffs on electric vehicles.",
         {("china", "OPPOSES", "tariffs on electric vehicles")}),
        # "the other side" names no state
        ("Russia rejected the plan. The other side welcomed the plan.",
         {("russia", "OPPOSES", "plan")}),
    ],
)  # fmt: skip
def test_rules_a_states_side_is_the_state(extractor: Extractor, text: str, expected: set) -> None:
    assert _stances(extractor, text) == expected
