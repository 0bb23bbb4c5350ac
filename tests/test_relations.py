"""Relations from the dependency parse, on general sentences (not the sample articles)."""

import pytest

from loaders.arguments import Claim
from loaders.article import Article
from loaders.assemble import topics
from loaders.fragment import GraphFragment
from loaders.pipeline import Extractor
from loaders.topics import content_words, event_phrase, topic_id


@pytest.fixture(scope="module")
def extractor(rules_extractor: Extractor) -> Extractor:
    """These tests read the rules alone (the learned decision is tested in test_decide)."""
    return rules_extractor


pytestmark = pytest.mark.slow


def _fragment(extractor: Extractor, text: str) -> GraphFragment:
    """The fragment of a text as one article."""
    article = Article(id="art-t", origin="test", text=text, content_hash="h")
    return extractor.fragment(extractor.nlp(text), article)


def _relations(extractor: Extractor, text: str) -> set[tuple[str, str, str, str | None]]:
    """(subject name, predicate, object name, speaker id) of every non-role relation."""
    fragment = _fragment(extractor, text)
    names = {e.id: e.name for e in fragment.entities}
    return {
        (names[r.subject], r.predicate.value, names[r.object], r.evidence[0].speaker)
        for r in fragment.relations
        if r.predicate.value != "HOLDS_ROLE"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # active and passive voice
        ("Poland rejected the proposal for a European army.",
         {("Poland", "OPPOSES", "proposal for European army", None)}),
        ("The plan for a European army was rejected by Poland.",
         {("Poland", "OPPOSES", "plan for European army", None)}),
        # coordination: two actors, two edges
        ("The United States and Britain backed sanctions against Iran.",
         {("United States", "SUPPORTS", "sanctions against Iran", None),
          ("United Kingdom", "SUPPORTS", "sanctions against Iran", None)}),
        # negation flips support to opposition
        ("Germany will not support Ukraine's membership of the alliance.",
         {("Germany", "OPPOSES", "NATO membership for Ukraine", None)}),
        # prepositional and clausal complements
        ("Turkish President Recep Tayyip Erdogan called for an immediate ceasefire in Gaza.",
         {("Recep Tayyip Erdoğan", "DEMANDS", "immediate ceasefire in Gaza", None)}),
        ("France insisted that sanctions against Iran must remain in place.",
         {("France", "DEMANDS", "sanctions against Iran", "france")}),
        # reported speech: first-person stances are the speaker's
        ("We reject any new sanctions against Russia, Hungarian Foreign Minister Peter Szijjarto said.",  # noqa: E501
         {("Péter Szijjártó", "OPPOSES", "sanctions against Russia", "peter-szijjarto")}),
        ("Joe Biden said that a ceasefire in Gaza is essential.",
         {("Joe Biden", "SUPPORTS", "ceasefire in Gaza", "joe-biden")}),
        # interactions
        ("Emmanuel Macron met Olaf Scholz in Berlin on Monday.",
         {("Emmanuel Macron", "MEETS", "Olaf Scholz", None)}),
        ("Scholz held talks with Macron in Paris.",
         {("Olaf Scholz", "MEETS", "Emmanuel Macron", None)}),
        ("Russia accused NATO of provoking the conflict.", {("Russia", "ACCUSES", "NATO", None)}),
        ("Lithuania criticized China over its treatment of Taiwan.",
         {("Lithuania", "CRITICIZES", "China", None)}),
        # adjectival stance, seats acting for states
        ("Hungary is interested in closer economic cooperation with China.",
         {("Hungary", "SUPPORTS", "closer economic cooperation with China", None)}),
        ("Beijing proposed a peace plan for Ukraine.",
         {("China", "PROPOSES", "peace plan for Ukraine", None)}),
        # particle verbs: the particle makes the cue, or undoes the verb's own
        ("Spain ruled out a military mission in Libya.",
         {("Spain", "OPPOSES", "military mission in Libya", None)}),
        ("The Kremlin turned down the proposal for a prisoner exchange.",
         {("Russia", "OPPOSES", "proposal for prisoner exchange", None)}),
        ("Turkey backed off sanctions on Sweden.", set()),
        # "against" after a verb of acting or speaking opposes; "vote for" supports
        ("Germany warned against a trade war with China.",
         {("Germany", "OPPOSES", "trade war with China", "germany")}),
        ("Austria said it would vote against the tariffs on electric cars.",
         {("Austria", "OPPOSES", "tariffs on electric cars", "austria")}),
        ("Spain voted for the tariffs on electric cars.",
         {("Spain", "SUPPORTS", "tariffs on electric cars", None)}),
        ("Ursula von der Leyen defended the tariffs on electric cars.",
         {("Ursula von der Leyen", "SUPPORTS", "tariffs on electric cars", None)}),
        # collectives of a region or body act as groups; some of a kind do not
        ("Gulf countries backed the ceasefire in Gaza.",
         {("Gulf countries", "SUPPORTS", "ceasefire in Gaza", None)}),
        ("Several Nordic countries backed the ceasefire in Gaza.", set()),
        # what a criticism is aimed at, named in a participle clause
        ("Viktor Orban criticised the European Commission, targeting the migration policy "
         "of Ursula von der Leyen.",
         {("Viktor Orbán", "CRITICIZES", "European Commission", None),
          ("Viktor Orbán", "CRITICIZES", "Ursula von der Leyen", None)}),
        # the subject of a passive criticism, through its owner's pronoun
        ("Boris Pistorius ruled out the plan. His stance was criticised by Friedrich Merz.",
         {("Friedrich Merz", "CRITICIZES", "Boris Pistorius", None),
          ("Boris Pistorius", "OPPOSES", "plan", None)}),
        # a gerund's noun names the topic
        ("The Kremlin warned the West against supplying tanks to Kyiv.",
         {("Russia", "OPPOSES", "supply of tanks to Ukraine", "russia")}),
        # "it" or "them" as an object: the topic just named
        ("Canada proposed a ceasefire in Sudan, and Kenya welcomed it.",
         {("Canada", "PROPOSES", "ceasefire in Sudan", None),
          ("Kenya", "SUPPORTS", "ceasefire in Sudan", None)}),
        # "any form of X" is about X
        ("Belgrade rejected any form of recognition of Kosovo's independence.",
         {("Serbia", "OPPOSES", "recognition of Kosovo independence", None)}),
        # talks called for are no meeting, but an issue demanded
        ("Robert Fico called for peace talks with Moscow.",
         {("Robert Fico", "DEMANDS", "peace talks with Russia", None)}),
        # being open to talks is no meeting
        ("The EU remained open to negotiations with Beijing.",
         {("European Union", "SUPPORTS", "negotiations with China", None)}),
        ("The EU put off sanctions against Belarus.", set()),
    ],
)  # fmt: skip
def test_relations_patterns(extractor: Extractor, text: str, expected: set) -> None:
    assert _relations(extractor, text) == expected


def test_relations_evidence_has_offsets_speaker_and_version(extractor: Extractor) -> None:
    text = "Talks stalled.\n\nWe reject any new sanctions against Russia, Peter Szijjarto said."
    article = Article(
        id="art-t", origin="test", text=text, content_hash="h", published="2022-01-01"
    )
    [relation] = extractor.fragment(extractor.nlp(text), article).relations
    [evidence] = relation.evidence
    assert text[evidence.start : evidence.end] == evidence.sentence
    assert (evidence.published, evidence.speaker, evidence.negated) == (
        "2022-01-01",
        "peter-szijjarto",
        False,
    )
    assert evidence.extractor.startswith("newsgraph-extract/") and 0 < evidence.confidence <= 1


def test_relations_meets_stored_once_for_both_directions(extractor: Extractor) -> None:
    found = _relations(extractor, "Macron met Scholz. Later, Scholz met Macron again in Paris.")
    assert found == {("Emmanuel Macron", "MEETS", "Olaf Scholz", None)}


def test_topics_merge_phrasings_into_one_id() -> None:
    assert content_words("‘security guarantees’ to Russia") == content_words(
        "Russian security guarantees"
    )
    assert topic_id("security guarantees for Russia") == topic_id("security guarantee to Russia")


def test_topics_cluster_similar_phrases_under_shortest_name(extractor: Extractor) -> None:
    sentence = extractor.nlp("x.")[:]
    claims = [
        Claim("russia", "DEMANDS", "security guarantees for Russia", True, sentence),  # type: ignore[arg-type]
        Claim("hungary", "SUPPORTS", "‘security guarantees’ for Russia", True, sentence),  # type: ignore[arg-type]
        Claim("france", "SUPPORTS", "NATO expansion", True, sentence),  # type: ignore[arg-type]
    ]
    entities, ids = topics(claims)
    assert sorted(e.name for e in entities) == ["NATO expansion", "security guarantees for Russia"]
    assert ids["‘security guarantees’ for Russia"] == ids["security guarantees for Russia"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the article's shorthand for the one membership it speaks of
        ("Poland backs Ukraine's bid to join NATO. Hungary opposes NATO membership.",
         {("Poland", "SUPPORTS", "NATO membership for Ukraine"),
          ("Ukraine", "SUPPORTS", "NATO membership for Ukraine"),  # its own bid
          ("Hungary", "OPPOSES", "NATO membership for Ukraine")}),
        # two memberships: the shorthand names neither, it stays the broader topic
        ("Italy supports NATO membership for Sweden. Spain backs NATO membership for Finland. "
         "Hungary opposes NATO membership.",
         {("Italy", "SUPPORTS", "NATO membership for Sweden"),
          ("Spain", "SUPPORTS", "NATO membership for Finland"),
          ("Hungary", "OPPOSES", "NATO membership")}),
        # other arguments never join, however alike the words
        ("Germany supports sanctions against Iran. Austria opposes sanctions against Russia.",
         {("Germany", "SUPPORTS", "sanctions against Iran"),
          ("Austria", "OPPOSES", "sanctions against Russia")}),
    ],
)  # fmt: skip
def test_topics_a_phrase_naming_fewer_arguments_is_the_articles_shorthand_if_unambiguous(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poland backs Kyiv's push to join NATO.",
         {("Poland", "SUPPORTS", "NATO membership for Ukraine"),
          ("Ukraine", "SUPPORTS", "NATO membership for Ukraine")}),
        ("Finland welcomed Estonia's plan to close its border with Russia.",
         {("Finland", "SUPPORTS", "closure of Estonia's border with Russia"),
          ("Estonia", "PROPOSES", "closure of Estonia's border with Russia")}),
        ("Hungary blocked efforts to extend sanctions against Russia.",
         {("Hungary", "OPPOSES", "sanctions against Russia")}),
        ("Hungary opposes the EU's attempt to impose tariffs on Chinese cars.",
         {("Hungary", "OPPOSES", "tariffs on Chinese cars")}),
        # or by its "for"; a proposal for something stays a text of its own
        ("Brazil criticised the EU push for duties on Argentine beef.",
         {("Brazil", "CRITICIZES", "duties on Argentine beef"),
          ("Brazil", "CRITICIZES", "European Union"),
          ("European Union", "SUPPORTS", "duties on Argentine beef")}),
        ("Chile welcomed the proposal for a fishing ban.",
         {("Chile", "SUPPORTS", "proposal for fishing ban")}),
        # an action keeps what it is done to ("cut tariffs on coffee")
        ("Kenya welcomed the US effort to cut tariffs on coffee.",
         {("Kenya", "SUPPORTS", "cut of tariffs on coffee")}),
    ],
)  # fmt: skip
def test_topics_a_noun_of_striving_is_about_what_it_strives_for(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _triples(extractor, text) == expected


def test_topics_a_phrase_says_what_not_when(extractor: Extractor) -> None:
    text = "Denmark backed the fishing quotas for the Baltic on Tuesday evening."
    assert set(_topics(extractor, text)) == {"fishing quotas for Baltic"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Poland opposed the controversial migration pact.", "migration pact"),
        ("France backed a sweeping overhaul of pension rules.", "overhaul of pension rules"),
        ("Ankara linked its approval to the long-stalled sale of fighter jets.",
         "sale of fighter jets"),
    ],
)  # fmt: skip
def test_topics_a_phrase_says_what_not_how_it_is_judged(
    extractor: Extractor, text: str, name: str
) -> None:
    assert name in _topics(extractor, text)


def test_relations_a_summit_is_an_event_talks_are_a_meeting(extractor: Extractor) -> None:
    text = (
        "Scholz held talks with Macron in Paris on Monday. "
        "The summit in Brussels with Meloni ended without a statement."
    )
    fragment = _fragment(extractor, text)
    events = {e.name: e for e in fragment.entities if e.label.value == "Event"}
    assert not any(name.startswith("talks") for name in events), events
    assert events["summit in Brussels"].id == "event-summit-in-brussels"
    assert ("Olaf Scholz", "MEETS", "Emmanuel Macron") in _triples(extractor, text)


def test_relations_an_event_name_stops_at_a_verb_the_parser_misread(extractor: Extractor) -> None:
    """The parser reads "held" as an adjective of "talks" here; the event is the talks."""
    doc = extractor.nlp(
        "Egyptian President Abdel Fattah el-Sisi held talks with Jordanian King Abdullah."
    )
    talks = next(t for t in doc if t.lower_ == "talks")
    with_ = next(c for c in talks.children if c.lower_ == "with")
    assert event_phrase(talks, with_) == "talks with Jordanian King Abdullah"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the beneficiary of giving belongs to the topic
        ("We must give security guarantees to Moldova, Maia Sandu said.",
         ("Maia Sandu", "DEMANDS", "security guarantees for Moldova")),
        # a gapped object carries its own negation
        ("Maia Sandu said the West must give security guarantees to Moldova, but definitely "
         "not NATO membership to the Ukrainians.",
         ("Maia Sandu", "OPPOSES", "NATO membership for Ukraine")),
        # guarantees asked for with no beneficiary are the asker's own
        ("Serbia demands security guarantees.",
         ("Serbia", "DEMANDS", "security guarantees for Serbia")),
        # a response goes to whoever made the proposals; "which include" lists them
        ("Washington delivered to Moscow its written reply to the proposals, which include "
         "a ban on missile deployments in Europe.",
         ("Russia", "OPPOSES", "missile deployments in Europe")),
        # hoping: the small lemmatiser reads "hopes" as "hop"
        ("Olaf Scholz said he hopes that the dialogue on Iran will continue.",
         ("Olaf Scholz", "SUPPORTS", "dialogue on Iran")),
        # what a futile effort lacks is what the speaker wants
        ("Maia Sandu said that talks on Transnistria without the participation of Moldova "
         "are futile.",
         ("Maia Sandu", "SUPPORTS", "participation of Moldova in talks on Transnistria")),
        ("Peace talks between Armenia and Azerbaijan are impossible without the involvement "
         "of the EU, Maia Sandu said.",
         ("Maia Sandu", "SUPPORTS",
          "involvement of EU in peace talks between Armenia and Azerbaijan")),
        # "the notion of X" is about X, a clause included
        ("Poland dismissed the idea of a ceasefire in Gaza.",
         ("Poland", "OPPOSES", "ceasefire in Gaza")),
        ("The United States rejected the notion of Moscow having a say over Ukraine's security.",
         ("United States", "OPPOSES", "Russia having a say over Ukraine's security")),
        # the subject of a relative clause is the noun it is about
        ("Olaf Scholz, who met Emmanuel Macron in Paris, said little.",
         ("Olaf Scholz", "MEETS", "Emmanuel Macron")),
        # "decades of X" is about X
        ("Austria is abandoning decades of military neutrality.",
         ("Austria", "OPPOSES", "military neutrality")),
        # the means to an end the speaker names
        ("Maia Sandu said that stability could be restored through the deployment of EU "
         "monitors.",
         ("Maia Sandu", "PROPOSES", "deployment of EU monitors")),
        # a negative word's scope: "the cessation of X and the withdrawal of Y" demands Y
        ("Serbia demands the cessation of all military cooperation with Kosovo and the "
         "withdrawal of NATO troops and weapons from the region.",
         ("Serbia", "DEMANDS", "withdrawal of NATO troops and weapons from region")),
        # through "think about how to ..."
        ("Germany urged its allies to think about how to provide security guarantees to Moldova.",
         ("Germany", "DEMANDS", "security guarantees for Moldova")),
        # accession beside an organization is membership of it
        ("In its draft treaty, Russia proposes to exclude the accession of Georgia to NATO.",
         ("Russia", "OPPOSES", "NATO membership for Georgia")),
    ],
)  # fmt: skip
def test_relations_topics_name_beneficiaries(
    extractor: Extractor, text: str, expected: tuple
) -> None:
    assert expected in {(s, p, o) for s, p, o, _ in _relations(extractor, text)}


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("Poland backed security guarantees for Ukraine and Moldova.",
         {"security guarantees for Ukraine", "security guarantees for Moldova"}),
        ("Germany supported accession talks with Ukraine and Moldova.",
         {"accession talks with Ukraine", "accession talks with Moldova"}),
        ("The United States imposed sanctions on Iran, Syria and North Korea.",
         {"sanctions on Iran", "sanctions on Syria", "sanctions on North Korea"}),
        ("Poland supports NATO membership for Ukraine and Georgia.",
         {"NATO membership for Ukraine", "NATO membership for Georgia"}),
        # talks between parties are one issue
        ("France backed talks between Russia and Ukraine.", {"talks between Russia and Ukraine"}),
    ],
)  # fmt: skip
def test_relations_an_issue_is_one_for_each_party_listed(
    extractor: Extractor, text: str, topics: set[str]
) -> None:
    assert {o for _, _, o, _ in _relations(extractor, text)} == topics


def test_relations_cue_noun_under_another_noun_is_not_the_subjects(extractor: Extractor) -> None:
    text = "Washington delivered its written responses to the proposals for a new treaty."
    assert not any(p == "PROPOSES" for _, p, _, _ in _relations(extractor, text))


def test_relations_contrast_with_a_negated_claim(extractor: Extractor) -> None:
    text = "Unlike France and Spain, Italy did not back the sanctions against Iran."
    found = _triples(extractor, text)
    assert found == {
        ("Italy", "OPPOSES", "sanctions against Iran"),
        ("France", "SUPPORTS", "sanctions against Iran"),
        ("Spain", "SUPPORTS", "sanctions against Iran"),
    }


def test_relations_membership(extractor: Extractor) -> None:
    text = "Hungary, a member of NATO, blocked it. Finland is a member of the European Union."
    found = _triples(extractor, text)
    assert found == {
        ("Hungary", "MEMBER_OF", "NATO"),
        ("Finland", "MEMBER_OF", "European Union"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine is not yet a member of NATO.",
        "Moldova looks forward to becoming a member of the European Union.",
        "Georgia will be a member of the European Union within a decade, Chile said.",
    ],
)
def test_relations_membership_denied_or_to_come_is_none(extractor: Extractor, text: str) -> None:
    assert not {t for t in _triples(extractor, text) if t[1] == "MEMBER_OF"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mercosur, of which Brazil and Argentina are both members, backed the deal.",
         {("Brazil", "MEMBER_OF", "Mercosur"), ("Argentina", "MEMBER_OF", "Mercosur")}),
        ("Kuwait and several other OPEC members cut output.", {("Kuwait", "MEMBER_OF", "OPEC")}),
        ("Ghana, like other members of the African Union, voted.",
         {("Ghana", "MEMBER_OF", "African Union")}),
    ],
)  # fmt: skip
def test_relations_membership_said_in_passing(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= _triples(extractor, text)


def test_relations_membership_of_a_speakers_state(extractor: Extractor) -> None:
    text = (
        "Hungarian Prime Minister Viktor Orban spoke on Monday. "
        "“Being a member of NATO and the EU, we keep good relations with Russia,” he said."
    )
    found = _triples(extractor, text)
    assert {("Hungary", "MEMBER_OF", "NATO"), ("Hungary", "MEMBER_OF", "European Union")} <= found


def _triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    """(subject name, predicate, object name) of every non-role relation."""
    return {(s, p, o) for s, p, o, _ in _relations(extractor, text)}


def _topics(extractor: Extractor, text: str) -> dict[str, list[str]]:
    """Topic name -> aliases of a text's fragment."""
    fragment = _fragment(extractor, text)
    return {e.name: e.aliases for e in fragment.entities if e.label.value == "Topic"}


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Poland supports the right of the states to freely choose their alliances.",
         "right of the states to freely choose their alliances"),
        # the parser hangs the infinitive on "refer"; after "right" it is the noun's
        ("Germany and France generally refer to the right of the nations to freely choose "
         "ways to ensure their defence.",
         "right of the nations to freely choose ways to ensure their defence"),
    ],
)  # fmt: skip
def test_topics_keep_the_whole_phrase_as_written_among_aliases(
    extractor: Extractor, text: str, written: str
) -> None:
    aliases = next(iter(_topics(extractor, text).values()))
    assert written in aliases


def test_topics_a_trailing_modifier_belongs_to_the_nearer_coordinated_noun(
    extractor: Extractor,
) -> None:
    text = "Russia opposes NATO's expansion and the deployment of missiles near its borders."
    names = set(_topics(extractor, text))
    assert "NATO expansion" in names
    assert any(n.startswith("deployment of missiles near") for n in names), names


def test_relations_a_quotation_over_several_sentences_has_one_speaker(
    extractor: Extractor,
) -> None:
    text = (
        "Ursula von der Leyen spoke in Brussels on Monday.\n\n"
        "“Sanctions against Russia must be extended. We will not waver,” she said."
    )
    found = _triples(extractor, text)
    assert ("Ursula von der Leyen", "DEMANDS", "sanctions against Russia") in found


def test_relations_a_ministers_words_do_not_make_them_a_member(extractor: Extractor) -> None:
    text = (
        "“Being a member of NATO, we support dialogue with Moscow,” "
        "Hungarian Foreign Minister Peter Szijjarto said."
    )
    members = {(s, o) for s, p, o, _ in _relations(extractor, text) if p == "MEMBER_OF"}
    assert members == {("Hungary", "NATO")}


def test_relations_items_listed_after_a_dash_are_the_demands(extractor: Extractor) -> None:
    text = (
        "Serbia repeated its two demands - stopping the recognition of Kosovo "
        "and returning the monasteries to the Serbian church."
    )
    found = _triples(extractor, text)
    assert ("Serbia", "OPPOSES", "recognition of Kosovo") in found
    returns = [o for s, p, o in found if (s, p) == ("Serbia", "DEMANDS")]
    assert any(o.startswith("return of monasteries") for o in returns), found


def test_relations_the_organizations_nation_is_the_member_the_article_is_about(
    extractor: Extractor,
) -> None:
    text = (
        "NATO nation backs new sanctions against Iran\n\n"
        "Poland will back the sanctions, Warsaw said. Poland also asked Germany to join."
    )
    found = _triples(extractor, text)
    assert ("Poland", "SUPPORTS", "sanctions against Iran") in found
    assert ("Poland", "MEMBER_OF", "NATO") in found


def test_relations_the_organizations_nation_stays_unresolved_when_two_members_tie(
    extractor: Extractor,
) -> None:
    text = "NATO nation backs new sanctions against Iran\n\nPoland and Germany met on Monday."
    found = _triples(extractor, text)
    assert not any(p in {"SUPPORTS", "MEMBER_OF"} for _, p, _ in found), found


def test_entities_a_peoples_group_is_a_group(extractor: Extractor) -> None:
    text = "Belgrade defended the Serbian minority in Kosovo against new taxes."
    fragment = _fragment(extractor, text)
    groups = {e.name for e in fragment.entities if e.label.value == "Group"}
    assert groups == {"Serbian minority in Kosovo"}


def test_entities_a_name_used_as_a_likeness_is_no_mention(extractor: Extractor) -> None:
    text = "Kyiv wants Article 5-like protections from its partners."
    fragment = _fragment(extractor, text)
    named = [e.name for e in fragment.entities if e.label.value != "Topic"]
    assert named == ["Ukraine"]


def test_topics_a_gathering_is_no_issue(extractor: Extractor) -> None:
    text = "Viktor Orban stressed that his meeting with Putin is very important for peace."
    assert not _topics(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "A potential meeting between Emmanuel Macron and Olaf Scholz is not on the horizon.",
        "Talks between Serbia and Kosovo are impossible without the EU, Maia Sandu said.",
        "Serbia said it was ready to hold talks with Kosovo.",
        "Slovak Prime Minister Robert Fico said he supported peace talks between Russia and "
        "Ukraine.",
        "The summit between Kenya and Uganda scheduled for Friday will address the border.",
        "The sixth round of talks between Japan and China, which is planned for Sunday, will "
        "focus on seafood exports.",
        "The vote came days before the round of talks between Japan and South Korea, which is "
        "planned for Sunday in Seoul.",
    ],
)
def test_relations_a_meeting_that_has_not_happened_is_no_meets(
    extractor: Extractor, text: str
) -> None:
    assert not {p for _, p, _, _ in _relations(extractor, text)} & {"MEETS"}


def test_relations_one_meets_actors_not_issues(extractor: Extractor) -> None:
    found = _relations(extractor, "Stockholm continues to host Kurdish militants.")
    assert not {p for _, p, _, _ in found} & {"MEETS"}, found


def test_relations_a_fact_denied_is_no_stance(extractor: Extractor) -> None:
    found = _relations(extractor, "Iran denied sending drones to Moscow.")
    assert not found, found


@pytest.mark.parametrize(
    "text",
    [
        "Moscow dismissed reports that it plans to invade Moldova.",
        "Beijing rejected suggestions that it would send troops to Myanmar.",
    ],
)
def test_relations_what_a_refuted_report_says_is_asserted_by_no_one(
    extractor: Extractor, text: str
) -> None:
    found = {(s, p) for s, p, _, _ in _relations(extractor, text)}
    assert not {p for _, p in found} & {"SUPPORTS", "PROPOSES", "DEMANDS"}, found


@pytest.mark.parametrize(
    "text",
    [
        "Jens Stoltenberg spoke to reporters, addressing concerns about a possible US-Russia deal.",
        "The Kenyan government heeded calls for a referendum on the housing levy.",
    ],
)
def test_relations_a_stance_taken_up_is_not_the_taker_s(extractor: Extractor, text: str) -> None:
    found = _relations(extractor, text)
    assert not found, found


@pytest.mark.parametrize(
    "text",
    [
        "Russia wants legally binding guarantees that NATO will stop its eastward expansion.",
        "Moscow repeated its demand that Kyiv withdraw its troops from the region.",
    ],
)
def test_relations_who_is_asked_in_a_demands_clause_takes_no_stance(
    extractor: Extractor, text: str
) -> None:
    found = _relations(extractor, text)
    assert {s for s, _, _, _ in found} == {"Russia"}, found


@pytest.mark.parametrize(
    "text",
    [
        "China vowed that it would respond to the new US tariffs with retaliatory measures.",
        "China said it was ready to listen to Japan's concerns about the export rules.",
        "China said it intends to inform the United Nations of its decision.",
    ],
)
def test_relations_what_one_vows_to_respond_to_is_not_backed(
    extractor: Extractor, text: str
) -> None:
    found = _relations(extractor, text)
    assert not {p for _, p, _, _ in found} & {"SUPPORTS", "DEMANDS", "PROPOSES"}, found


def test_relations_the_act_an_accusation_alleges_is_not_the_accusers(
    extractor: Extractor,
) -> None:
    found = _relations(extractor, "Germany accused Hungary of blocking the aid package.")
    assert {(s, p) for s, p, _, _ in found} == {("Germany", "ACCUSES")}, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Saudi Arabia rejects the Israeli plan for Gaza.", "Israeli plan for Gaza"),
        ("Riyadh called for a Palestinian state.", "Palestinian state"),
        ("Sanctions against Iran must be extended, Olaf Scholz said.", "sanctions against Iran"),
        # an entity known by an acronym goes by it, as news names issues
        ("Hungary blocked several EU statements on Belarus.", "EU statements on Belarus"),
        ("Germany opposes the European Union's tariffs on Chinese cars.",
         "EU tariffs on Chinese cars"),
        ("China criticised the U.S. curbs on chip exports.", "U.S. curbs on chip exports"),
    ],
)  # fmt: skip
def test_topics_keep_the_capitals_of_names_and_drop_those_of_position(
    extractor: Extractor, text: str, name: str
) -> None:
    assert name in _topics(extractor, text)


def test_entities_a_gpe_is_a_country_only_when_it_names_a_state(extractor: Extractor) -> None:
    text = "Protesters gathered in Gaza and Ramallah as envoys flew to Chad."
    fragment = _fragment(extractor, text)
    labels = {e.name: e.label.value for e in fragment.entities}
    assert labels == {"Gaza": "Place", "Ramallah": "Place", "Chad": "Country"}, labels


@pytest.mark.parametrize(
    "dateline",
    [
        "OSLO (AP) — ",
        "OSLO, May 2 (Reuters) - ",
        "Oslo, May 2 -- ",
        "Oslo, 2 May 2024 – ",
        "OSLO — ",
    ],
)
def test_relations_the_outlet_of_a_dateline_is_no_actor(
    extractor: Extractor, dateline: str
) -> None:
    text = dateline + "Norwegian Prime Minister Jonas Gahr Store condemned Iran on Monday."
    relations = _relations(extractor, text)
    # the knowledge base's name of the person the text spells without its "ø"
    assert {(s, p, o) for s, p, o, _ in relations} == {("Jonas Gahr Støre", "CRITICIZES", "Iran")}


def test_entities_a_sentence_of_names_is_no_title_case_headline(extractor: Extractor) -> None:
    """Every longer word capitalised, but a full stop: a sentence, whose names count."""
    text = "Estonian Premier Kaja Kallas met Latvian President Edgars Rinkevics in Riga."
    names = {e.name for e in _fragment(extractor, text).entities if e.label.value == "Person"}
    assert names == {"Kaja Kallas", "Edgars Rinkēvičs"}  # the knowledge base's name


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("DETROIT, Sept 15 (Meridian Wire) - The union rejected the offer.", {"Detroit"}),
        ("PORT ELLEN/KUALA KANGSAR, May 2 - The union rejected the offer.",
         {"Port Ellen", "Kuala Kangsar"}),
        # a capital NER reads or misses, where the article never makes it act
        ("TEHRAN, June 12 (TNS) -- The union rejected the offer.", {"Tehran"}),
        ("MOSCOW, Dec 31 (Reuters) - The union rejected the offer.", {"Moscow"}),
        ("WASHINGTON/CARACAS - The union rejected the offer.", {"Washington", "Caracas"}),
    ],
)  # fmt: skip
def test_entities_a_datelines_place_is_a_place(
    extractor: Extractor, text: str, places: set[str]
) -> None:
    entities = _fragment(extractor, text).entities
    assert {e.name for e in entities if e.label.value == "Place"} == places
    assert not [e for e in entities if e.name.isupper()]


def test_entities_a_states_adjective_opens_an_institutions_name(extractor: Extractor) -> None:
    text = "The Norwegian Competition Authority fined the telecoms group on Thursday."
    names = {e.name: e.label.value for e in _fragment(extractor, text).entities}
    assert names.get("Norwegian Competition Authority") == "Organization", names


def test_entities_a_name_holding_others_is_read_whole(extractor: Extractor) -> None:
    """ "Alliance" alone is NATO's name, but not in "the Alliance of Small Island States"."""
    text = "Samoa's Anne Rasmussen, the lead negotiator for the Alliance of Small Island States, "
    text += "took the floor."
    names = {e.name: e.label.value for e in _fragment(extractor, text).entities}
    assert names.get("Alliance of Small Island States") == "Organization", names
    assert "NATO" not in names


def test_relations_talks_held_on_a_day_with_someone_are_a_meeting(extractor: Extractor) -> None:
    text = (
        "Chilean President Gabriel Boric held talks on Monday with Peruvian President "
        "Dina Boluarte."
    )
    assert ("Gabriel Boric", "MEETS", "Dina Boluarte", None) in _relations(extractor, text)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The bloc demanded a ceasefire in Sudan.", "European Union"),
        ("The Southern African Development Community met in Harare. The regional bloc "
         "demanded a ceasefire in Sudan.", "Southern African Development Community"),
        ("The African Union met in Addis Ababa. The bloc demanded a ceasefire in Sudan.",
         "African Union"),
    ],
)  # fmt: skip
def test_relations_the_bloc_is_the_body_of_states_named_last(
    extractor: Extractor, text: str, actor: str
) -> None:
    assert (actor, "DEMANDS", "ceasefire in Sudan", None) in _relations(extractor, text)


def test_entities_a_title_with_its_bodys_adjective_is_no_organization(
    extractor: Extractor,
) -> None:
    text = "European Trade Commissioner Cecilia Malmstroem said the bloc would respond."
    assert not [e for e in _fragment(extractor, text).entities if e.name == "European Trade"]


def test_entities_royal_is_a_word_of_a_bodys_name(extractor: Extractor) -> None:
    text = "The Royal Navy shadowed the frigate, and Royal Mail Group criticised the fine."
    names = {e.name for e in _fragment(extractor, text).entities}
    assert {"Royal Navy", "Royal Mail Group"} <= names


def test_entities_a_name_after_a_noun_for_a_place_is_a_place(extractor: Extractor) -> None:
    text = "Chile sent troops to the island of Zanzibar and to the city of Kherson."
    places = {e.name for e in _fragment(extractor, text).entities if e.label.value == "Place"}
    assert places == {"Zanzibar", "Kherson"}


def test_relations_the_two_leaders_are_the_pair_who_met(extractor: Extractor) -> None:
    text = (
        "Polish President Andrzej Duda met Slovak President Zuzana Caputova in Warsaw. "
        "The two leaders backed the deployment of additional NATO troops."
    )
    supporters = {s for s, p, o, _ in _relations(extractor, text) if p == "SUPPORTS"}
    assert supporters == {"Andrzej Duda", "Zuzana Čaputová"}  # the knowledge base's name


def test_relations_the_new_holder_of_a_title_is_the_one_named_with_it(
    extractor: Extractor,
) -> None:
    text = (
        "Slovak Prime Minister Robert Fico took office on Wednesday. "
        "Chile congratulated the new prime minister on his appointment."
    )
    assert ("Chile", "SUPPORTS", "Robert Fico", None) in _relations(extractor, text)


def test_relations_a_bare_definite_noun_is_the_topic_named_before(extractor: Extractor) -> None:
    text = (
        "Canada rejected the tariffs on Mexican steel. "
        "The tariffs were welcomed by Brazil. The talks were welcomed by Chile."
    )
    relations = {(s, p, o) for s, p, o, _ in _relations(extractor, text)}
    assert relations == {
        ("Canada", "OPPOSES", "tariffs on Mexican steel"),
        ("Brazil", "SUPPORTS", "tariffs on Mexican steel"),
    }  # "the talks": no talks were named before


def test_topics_name_a_state_by_its_adjective_among_aliases(extractor: Extractor) -> None:
    topics = _topics(extractor, "Austria backed the neutrality of Moldova.")
    assert "Moldovan neutrality" in topics["neutrality of Moldova"], topics
    topics = _topics(extractor, "Greece demanded the participation of Turkey in the talks.")
    assert "Turkish participation in talks" in next(iter(topics.values())), topics


def test_relations_the_proposal_is_what_was_just_demanded(extractor: Extractor) -> None:
    text = (
        "Denmark urged the EU to impose sanctions on Iranian drone makers. "
        "The proposal was backed by Sweden. "
        "Norway called on NATO to stop arms exports to Azerbaijan. "
        "The plan was welcomed by Iceland."
    )
    relations = {(s, p, o) for s, p, o, _ in _relations(extractor, text)}
    assert ("Sweden", "SUPPORTS", "sanctions on Iranian drone makers") in relations, relations
    assert ("Iceland", "OPPOSES", "arms exports") in relations, relations


def test_relations_a_reference_far_from_any_naming_is_the_articles_issue(
    extractor: Extractor,
) -> None:
    text = (
        "Chile backed new tariffs on Indian steel. Peru opposed the tariffs on Indian steel. "
        "Delegates met in Lima on Monday. Talks ran late into the night. "
        "Fiji left early. Later the proposal was rejected by Tonga."
    )
    relations = {(s, p, o) for s, p, o, _ in _relations(extractor, text)}
    assert ("Tonga", "OPPOSES", "tariffs on Indian steel") in relations, relations
    named_once = text.replace("Peru opposed the tariffs on Indian steel. ", "")
    relations = {(s, p, o) for s, p, o, _ in _relations(extractor, named_once)}
    assert ("Tonga", "OPPOSES", "tariffs on Indian steel") not in relations  # not yet the issue


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # only ever where something happens: the city
        ("Ministers from six countries met in Lisbon on Monday.", {"Lisbon": "Place"}),
        # where someone travels to is a place; where a letter goes, a government
        ("The envoys flew to Lisbon on Monday.", {"Lisbon": "Place"}),
        ("The envoys sent a letter to Lisbon on Monday.", {"Portugal": "Country"}),
        # acting once, the capital stands for its government everywhere in the article
        (
            "Nairobi objected to the plan. Envoys met in Nairobi on Tuesday.",
            {"Kenya": "Country"},
        ),
    ],
)
def test_entities_a_capital_is_a_place_only_where_it_never_acts(
    extractor: Extractor, text: str, labels: dict[str, str]
) -> None:
    fragment = _fragment(extractor, text)
    found = {e.name: e.label.value for e in fragment.entities if e.label.value != "Topic"}
    assert found == labels, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun that names an issue alone is a topic of one word
        ("Chilean President Gabriel Boric called for a new constitution.",
         ("Gabriel Boric", "DEMANDS", "constitution")),
        ("Canada rejected the sanctions.", ("Canada", "OPPOSES", "sanctions")),
    ],
)  # fmt: skip
def test_relations_a_one_word_issue_is_a_topic(
    extractor: Extractor, text: str, expected: tuple
) -> None:
    assert expected in {(s, p, o) for s, p, o, _ in _relations(extractor, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Canada rejected the idea.",  # a word of reference names no issue
        "Canada criticised the regulator.",  # nor a body that acts
        "Canada rejected this move.",  # nor a reference back with nothing before it
    ],
)
def test_relations_a_word_of_reference_or_an_actor_noun_is_no_topic(
    extractor: Extractor, text: str
) -> None:
    assert not _topics(extractor, text)


def test_topics_keep_the_ways_a_reader_cuts_the_phrase(extractor: Extractor) -> None:
    """Aliases as written: with and without determiner, complement or clause."""
    aliases = _topics(extractor, "Peru rejected the steep tariffs on copper from Chile.")
    [written] = aliases.values()
    assert {"the steep tariffs on copper", "steep tariffs", "steep tariffs on copper"} <= {
        *written,
        *aliases,
    }, aliases


def test_topics_keep_the_clause_that_names_them(extractor: Extractor) -> None:
    """ "urged X to reopen the crossings": the clause as written is an alias."""
    text = "Spanish Prime Minister Pedro Sanchez urged Morocco to reopen the border crossings."
    topics = _topics(extractor, text)
    assert any("reopen the border crossings" in aliases for aliases in topics.values()), topics


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The farm union FNSEA called the trade deal unacceptable.",
         ("FNSEA", "OPPOSES", "trade deal")),
        ("Poland described the pipeline as dangerous.", ("Poland", "OPPOSES", "pipeline")),
        ("Norway considered the proposal constructive.", ("Norway", "SUPPORTS", "proposal")),
        ("The proposal is not acceptable, Polish Prime Minister Donald Tusk said.",
         ("Donald Tusk", "OPPOSES", "proposal")),
    ],
)  # fmt: skip
def test_relations_a_judgement_of_a_topic_is_a_stance(
    extractor: Extractor, text: str, expected: tuple
) -> None:
    assert expected in {(s, p, o) for s, p, o, _ in _relations(extractor, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran demanded the removal of the sanctions on its oil exports.",
         ("Iran", "OPPOSES", "sanctions on oil exports")),
        ("Spanish Agriculture Minister Luis Planas called for the repeal of the fuel tax.",
         ("Luis Planas", "OPPOSES", "fuel tax")),
        ("The United Steelworkers urged its members to vote against the wage offer.",
         ("United Steelworkers", "OPPOSES", "wage offer")),
        ("The United Steelworkers encouraged its members to vote against the wage offer.",
         ("United Steelworkers", "OPPOSES", "wage offer")),
        ("Chile urged the European Union to condemn the coup in Bolivia.",
         ("Chile", "OPPOSES", "coup in Bolivia")),
        ("Chile urged its allies to fight off any tariffs on copper.",
         ("Chile", "OPPOSES", "tariffs on copper")),
        ("Chile vowed to lift the sanctions on Peru.", ("Chile", "OPPOSES", "sanctions on Peru")),
    ],
)  # fmt: skip
def test_relations_asking_to_undo_something_opposes_it(
    extractor: Extractor, text: str, expected: tuple
) -> None:
    assert expected in {(s, p, o) for s, p, o, _ in _relations(extractor, text)}


def test_relations_the_measure_is_the_issue_just_named(extractor: Extractor) -> None:
    text = (
        "The European Commission proposed a levy on imported fertiliser. "
        "Poland supported the measure on Tuesday."
    )
    assert ("Poland", "SUPPORTS", "levy on imported fertiliser") in {
        (s, p, o) for s, p, o, _ in _relations(extractor, text)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The European Union agreed to open membership talks with Moldova. Romania hailed "
         "the process as historic.",
         ("Romania", "SUPPORTS", "opening of membership talks with Moldova")),
        ("Chile proposed a joint patrol of the fishing grounds. Peru said it would reject the "
         "arrangement.", ("Peru", "OPPOSES", "joint patrol of fishing grounds")),
        ("The Czech presidency proposed a cap on gas prices. Germany welcomed the compromise.",
         ("Germany", "SUPPORTS", "cap on gas prices")),
    ],
)  # fmt: skip
def test_relations_the_process_is_the_issue_just_named(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _triples(extractor, text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Hungarian Foreign Minister Peter Szijjarto said Budapest would vote against the "
         "tariffs on electric vehicles.", "Péter Szijjártó"),
        ("China's Ministry of Commerce said Beijing firmly opposed the tariffs on electric "
         "vehicles.", "Chinese Ministry of Commerce"),
    ],
)  # fmt: skip
def test_relations_an_official_or_office_holds_the_stance_it_reports_for_its_state(
    extractor: Extractor, text: str, speaker: str
) -> None:
    assert (speaker, "OPPOSES", "tariffs on electric vehicles") in _triples(extractor, text)


def test_relations_the_ministry_is_the_ministry_named_before(extractor: Extractor) -> None:
    text = (
        "The Ministry of Foreign Affairs of Chile summoned the ambassador on Monday. "
        "The ministry condemned the seizure of the fishing boat."
    )
    relations = {(s, p) for s, p, _, _ in _relations(extractor, text)}
    assert ("Ministry of Foreign Affairs of Chile", "CRITICIZES") in relations, relations


@pytest.mark.parametrize(
    "text",
    [
        "The ruling Fidesz party rejected the bill on Tuesday.",
        "The Fidesz party won the election in April. It rejected the bill on Tuesday.",
    ],
)
def test_relations_a_body_named_before_its_noun_is_the_actor(
    extractor: Extractor, text: str
) -> None:
    assert ("Fidesz", "OPPOSES") in {(s, p) for s, p, _, _ in _relations(extractor, text)}


def test_relations_a_title_after_a_body_is_no_body(extractor: Extractor) -> None:
    text = "The Fidesz leader rejected the bill on Tuesday."
    assert not {s for s, _, _, _ in _relations(extractor, text)} & {"Fidesz"}


def test_relations_what_a_colon_lists_is_the_target(extractor: Extractor) -> None:
    text = (
        "Belgrade insisted on three conditions: the withdrawal of the special police "
        "units and the release of the detained officers."
    )
    found = _triples(extractor, text)
    assert ("Serbia", "DEMANDS", "withdrawal of special police units") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("French President Emmanuel Macron proposed a European rapid reaction force on "
         "Monday. German Chancellor Olaf Scholz rejected the idea.",
         ("Olaf Scholz", "OPPOSES", "European rapid reaction force")),
        # what a vote passed is against, welcoming the vote is against too
        ("The Danish parliament approved a ban on cluster munitions on Thursday. Foreign "
         "Minister Lars Lokke Rasmussen welcomed the vote.",
         ("Lars Løkke Rasmussen", "OPPOSES", "cluster munitions")),
    ],
)  # fmt: skip
def test_relations_a_bare_reference_is_the_issue_just_named(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    found = _triples(extractor, text)
    assert expected in found, found


def test_relations_the_outcome_is_the_issue_just_named(extractor: Extractor) -> None:
    text = (
        "EU leaders agreed to open accession talks with Moldova. "
        "Moldovan President Maia Sandu welcomed the outcome."
    )
    found = _triples(extractor, text)
    assert not any(o == "outcome" for _, _, o in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a commitment to an action supports the action, named by the verb's noun
        ("Lithuania vowed on Tuesday to close its border with Belarus within a week.",
         ("Lithuania", "SUPPORTS", "closure of Lithuania's border with Belarus")),
        ("Ghana promised to free the detained journalists.",
         ("Ghana", "SUPPORTS", "release of detained journalists")),
        # a verb with no noun of its own names the issue through its object
        ("Malaysia promised to equip the consulate in Penang.",
         ("Malaysia", "SUPPORTS", "consulate in Penang")),
        # a verb whose object is the issue: the object
        ("The Bundestag voted to extend the mission in Mali.",
         ("Bundestag", "SUPPORTS", "mission in Mali")),
        # a decision not to act opposes what the act is about
        ("Egypt decided not to extend the gas contract with Israel.",
         ("Egypt", "OPPOSES", "gas contract with Israel")),
        # an aside before the object is no part of the issue
        ("The UN urged Israel to allow, as soon as possible, more aid convoys into Gaza.",
         ("United Nations", "DEMANDS", "more aid convoys into Gaza")),
        # what the one asked to act owns is theirs, whether asked by object or by "on"
        ("The IMF called on Argentina to cut its budget deficit.",
         ("International Monetary Fund", "DEMANDS", "cut of Argentina's budget deficit")),
        ("The IMF urged Argentina to cut its budget deficit.",
         ("International Monetary Fund", "DEMANDS", "cut of Argentina's budget deficit")),
    ],
)  # fmt: skip
def test_relations_a_commitment_is_a_stance_on_its_action(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    found = _triples(extractor, text)
    assert expected in found, found


def test_relations_a_decision_left_open_is_no_stance_either_way(extractor: Extractor) -> None:
    """ "whether or not" is no negation, and what is still to be decided no commitment."""
    text = "Brazil will decide whether or not to increase its ethanol exports."
    assert _triples(extractor, text) == set()


def test_relations_the_recipient_of_an_action_is_not_its_target(extractor: Extractor) -> None:
    text = "Spain was not planning to send troops to Mali, the prime minister said."
    found = _triples(extractor, text)
    assert ("Spain", "OPPOSES", "troops") in found, found
    assert not any(o == "Mali" for _, _, o in found), found


def test_topics_an_action_keeps_its_words_as_written(extractor: Extractor) -> None:
    text = "Lithuania vowed on Tuesday to close its border with Belarus within a week."
    aliases = _topics(extractor, text)["closure of Lithuania's border with Belarus"]
    assert "close its border with Belarus" in aliases, aliases


def test_relations_lifting_what_restricts_nothing_ends_nothing(extractor: Extractor) -> None:
    """ "Lift the sanctions" ends them; "lift wages" raises them."""
    found = _relations(extractor, "Chile pledged to lift wages for nurses.")
    assert not {p for _, p, _, _ in found} & {"OPPOSES"}, found


def test_topics_an_of_phrase_is_never_a_circumstance(extractor: Extractor) -> None:
    """ "On record" says how; "the release of the voting records" is what is asked for."""
    text = "Chile called for the release of the voting records."
    assert ("Chile", "DEMANDS", "release of voting records", None) in _relations(extractor, text)


def test_topics_asking_for_a_review_is_about_the_review(extractor: Extractor) -> None:
    """Reviewing, auditing or assessing something takes no stance on it."""
    text = "Chile asked the Supreme Court to review the election result."
    assert ("Chile", "DEMANDS", "review of election result", None) in _relations(extractor, text)


def test_topics_what_one_is_ready_to_close_is_its_own(extractor: Extractor) -> None:
    text = "Lithuania is prepared to close its border with Belarus, its interior minister said."
    assert "closure of Lithuania's border with Belarus" in _topics(extractor, text)


def test_topics_the_action_named_before_is_meant_by_its_noun(extractor: Extractor) -> None:
    text = (
        "Lithuania vowed to close its border with Belarus. "
        "The Belarusian foreign ministry condemned the closure."
    )
    found = {(p, o) for _, p, o, _ in _relations(extractor, text)}
    assert ("CRITICIZES", "closure of Lithuania's border with Belarus") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poland voted in favour of the budget.", ("Poland", "SUPPORTS", "budget")),
        ("Colombia is in favour of a negotiated settlement, the foreign minister said.",
         ("Colombia", "SUPPORTS", "negotiated settlement")),
        ("France threw its weight behind the initiative.", ("France", "SUPPORTS", "initiative")),
        ("Brazil stood in solidarity with Chile.", ("Brazil", "SUPPORTS", "Chile")),
        ("Mexican President Claudia Sheinbaum said she was against any military intervention.",
         ("Claudia Sheinbaum", "OPPOSES", "military intervention")),
        ("Germany's constitutional court struck down the climate law on Tuesday.",
         ("Germany's constitutional court", "OPPOSES", "climate law")),
        # the second passive verb shares the subject of the first
        ("The proposal was welcomed by Spain and rejected by Hungary.",
         ("Hungary", "OPPOSES", "proposal")),
        # the one a judgement holds for holds the stance
        ("The new pay offer is unacceptable to Verdi, the union said.",
         ("Verdi", "OPPOSES", "pay offer")),
    ],
)  # fmt: skip
def test_relations_stances_said_by_phrases(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    found = _triples(extractor, text)
    assert expected in found, found


def test_relations_they_are_the_actors_last_named_together(extractor: Extractor) -> None:
    text = (
        "Ghana, Togo and Benin announced their withdrawal from the bloc on Sunday. "
        "They also condemned the sanctions imposed after the coups."
    )
    found = {(s, p) for s, p, _, _ in _relations(extractor, text)}
    assert {("Ghana", "CRITICIZES"), ("Togo", "CRITICIZES"), ("Benin", "CRITICIZES")} <= found


def test_relations_they_are_not_actors_named_before_another_plural_subject(
    extractor: Extractor,
) -> None:
    text = (
        "Ghana, Togo and Benin announced their withdrawal from the bloc on Sunday. "
        "The soldiers in Accra said they rejected the sanctions."
    )
    found = {s for s, _, _, _ in _relations(extractor, text)}
    assert not found & {"Ghana", "Togo", "Benin"}, found


def test_relations_it_is_the_body_last_the_subject(extractor: Extractor) -> None:
    text = (
        "China's commerce ministry rejected the report on Monday. "
        "It also urged Washington to lift the export controls."
    )
    found = {(p, o) for _, p, o, _ in _relations(extractor, text)}
    assert ("OPPOSES", "export controls") in found, found


def test_relations_it_is_the_body_a_description_made_the_subject(extractor: Extractor) -> None:
    text = (
        "China's foreign ministry summoned the Philippine ambassador on Monday. The ministry "
        "said it had lodged a protest. It accused the Philippines of a grave breach of "
        "international law."
    )
    found = {(p, o) for _, p, o, _ in _relations(extractor, text)}
    assert ("ACCUSES", "Philippines") in found, found


def test_relations_a_body_written_in_lower_case_is_the_one_named_before(
    extractor: Extractor,
) -> None:
    text = (
        "A China Coast Guard ship fired a water cannon at a Philippine boat on Sunday. "
        "Manila said the coast guard's manoeuvres were reckless."
    )
    fragment = _fragment(extractor, text)
    assert "coast guard" not in {e.name for e in fragment.entities}


def test_relations_a_warning_of_harm_criticises_what_does_it(extractor: Extractor) -> None:
    text = "Germany warned that the tariffs would hurt European carmakers."
    found = _triples(extractor, text)
    assert ("Germany", "CRITICIZES", "tariffs") in found, found


@pytest.mark.parametrize(
    ("text", "criticised"),
    [
        ("Germany warned that the tariffs could disrupt gas imports.", True),
        ("Germany warned that the repairs could take until August.", False),
        ("Germany warned that the protests would grow even larger.", False),
        ("Germany warned that the pipeline would be shut down.", False),
    ],
)
def test_relations_a_warning_criticises_what_it_says_will_act_not_what_will_happen(
    extractor: Extractor, text: str, criticised: bool
) -> None:
    found = {(s, p) for s, p, _ in _triples(extractor, text)}
    assert (("Germany", "CRITICIZES") in found) == criticised, found


def test_relations_the_agreement_named_before_is_meant_by_its_head(extractor: Extractor) -> None:
    text = (
        "Britain and the EU signed the Windsor Framework on Monday. The DUP rejected the framework."
    )
    found = _triples(extractor, text)
    # the knowledge base names "the DUP" in full
    assert ("Democratic Unionist Party", "OPPOSES", "Windsor Framework") in found, found
    assert not any(o == "framework" for _, _, o in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Parliament passed the Clean Rivers Act on Monday. Farmers' leader Anna Holm "
         "criticised the law.", ("Anna Holm", "CRITICIZES", "Clean Rivers Act")),
        ("The Senate approved the Digital Markets Act. President Maria Sol said she would "
         "sign the bill.", ("Maria Sol", "SUPPORTS", "Digital Markets Act")),
    ],
)  # fmt: skip
def test_relations_a_law_named_before_is_meant_by_another_word_for_legislation(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _triples(extractor, text)


def test_relations_the_agreement_is_not_a_treaty_named_before(extractor: Extractor) -> None:
    text = (
        "Leaders recalled the Washington Treaty of 1949. Prime Minister Jonas Berg "
        "praised the agreement reached on Wednesday."
    )
    assert not any(o == "Washington Treaty" for _, _, o in _triples(extractor, text))


def test_entities_a_name_for_legislation_is_an_agreement(extractor: Extractor) -> None:
    text = (
        "Ministers signed the Pandemic Agreement in Geneva after passing the Fiscal Rules Act. "
        "Unions fought the Taft-Hartley Act, and the president vetoed the Finance Bill 2024."
    )
    labels = {e.name: e.label.value for e in _fragment(extractor, text).entities}
    assert labels.get("Pandemic Agreement") == "Agreement", labels  # not "... in Geneva"
    assert labels.get("Fiscal Rules Act") == "Agreement", labels
    assert labels.get("Taft-Hartley Act") == "Agreement", labels  # not "Hartley Act"
    assert labels.get("Finance Bill 2024") == "Agreement", labels


def test_relations_separate_calls_meet_each_party(extractor: Extractor) -> None:
    text = (
        "Kenyan President William Ruto held separate calls with Ugandan President Yoweri "
        "Museveni and Rwandan President Paul Kagame."
    )
    found = _triples(extractor, text)
    assert {
        ("William Ruto", "MEETS", "Yoweri Museveni"),
        ("William Ruto", "MEETS", "Paul Kagame"),
    } <= found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "no plans to" negates the plan
        ("NATO has no plans to send combat troops to Ukraine.",
         ("NATO", "OPPOSES", "combat troops to Ukraine")),
        ("Poland would keep the tariffs in place on its own.", ("Poland", "SUPPORTS", "tariffs")),
        ("Volkswagen and BMW expressed their disapproval of the duties.",
         ("BMW", "OPPOSES", "duties")),
        # the parser hangs the noun's complement on the verb
        ("Volkswagen filed an objection to the duties on Monday.",
         ("Volkswagen", "OPPOSES", "duties")),
        ("Norway applied to join the European Union in 1992.",
         ("Norway", "SUPPORTS", "EU membership for Norway")),
        # one joins an alliance, not the parliament that approved it
        ("Turkey's parliament approved Sweden's membership of NATO.",
         ("Turkey's parliament", "SUPPORTS", "NATO membership for Sweden")),
    ],
)  # fmt: skip
def test_relations_stance_nouns_and_commitments(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    found = _triples(extractor, text)
    assert expected in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kremlin spokesman Dmitry Peskov praised Orbán's stance.",
         ("Dmitry Peskov", "SUPPORTS", "Viktor Orbán")),
        ("Poland criticised Germany's approach to the pipeline.",
         ("Poland", "CRITICIZES", "Germany")),
    ],
)  # fmt: skip
def test_relations_a_stance_on_someones_position_is_on_them(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    found = _triples(extractor, text)
    assert expected in found, found


def test_relations_a_capital_a_dateline_capitalises_is_no_acronym_in_a_topic(
    extractor: Extractor,
) -> None:
    text = (
        "MOSCOW, Jan 5 - Russia wants negotiations between Moscow and NATO, Russian "
        "Foreign Minister Sergei Lavrov said."
    )
    found = _triples(extractor, text)
    assert ("Russia", "SUPPORTS", "negotiations between Russia and NATO") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Italy balked at the plan for a gas price cap.",
         ("Italy", "OPPOSES", "plan for gas price cap")),
        ("Austria distanced itself from the plan for a gas price cap.",
         ("Austria", "OPPOSES", "plan for gas price cap")),
        ("Finland hit back at Russia on Monday.", ("Finland", "CRITICIZES", "Russia")),
        ("Ireland stood against the digital tax.", ("Ireland", "OPPOSES", "digital tax")),
        ("Portugal signed off on the budget deal.", ("Portugal", "SUPPORTS", "budget deal")),
    ],
)  # fmt: skip
def test_relations_idioms_of_stance(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    found = _triples(extractor, text)
    assert expected in found, found


def test_relations_balking_at_a_plan_proposes_nothing(extractor: Extractor) -> None:
    found = _triples(extractor, "Italy balked at the plan for a gas price cap.")
    assert not any(p == "PROPOSES" for _, p, _ in found), found


def test_relations_a_relative_clause_of_one_singled_out_is_said_of_the_subject(
    extractor: Extractor,
) -> None:
    text = "Portugal is the only member of the bloc that rejects the budget deal."
    found = _triples(extractor, text)
    assert ("Portugal", "OPPOSES", "budget deal") in found, found


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Hungary has not ratified the fisheries agreement.", None),  # not done yet
        ("Hungary will not ratify the fisheries agreement.", "OPPOSES"),  # a refusal
    ],
)
def test_relations_an_enactment_not_done_yet_is_no_refusal(
    extractor: Extractor, text: str, stance: str | None
) -> None:
    found = {p for s, p, o in _triples(extractor, text) if o == "fisheries agreement"}
    assert found == ({stance} if stance else set()), found


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("Finnish Foreign Minister Elina Valtonen called Russia's nuclear rhetoric dangerous "
         "and irresponsible.",
         ("Elina Valtonen", "CRITICIZES", "Russia"), None),
        ("Commissioner Teresa Ribera called Meta's reaction a mistake.",
         ("Teresa Ribera", "CRITICIZES", "Meta Platforms"), None),
        ("Commissioner Teresa Ribera called Meta's reaction constructive.", None,
         ("Teresa Ribera", "CRITICIZES", "Meta Platforms")),
        ("Italian Foreign Minister Antonio Tajani described the French response as "
         "disproportionate.", ("Antonio Tajani", "CRITICIZES", "France"), None),
        ("Italian Foreign Minister Antonio Tajani described the French response as measured.",
         None, ("Antonio Tajani", "CRITICIZES", "France")),
        ("Commissioner Teresa Ribera did not call Meta's reaction unacceptable.", None,
         ("Teresa Ribera", "CRITICIZES", "Meta Platforms")),
    ],
)  # fmt: skip
def test_relations_a_thing_judged_badly_criticises_its_owner(
    extractor: Extractor,
    text: str,
    expected: tuple[str, str, str] | None,
    absent: tuple[str, str, str] | None,
) -> None:
    found = _triples(extractor, text)
    assert expected is None or expected in found, found
    assert absent is None or absent not in found, found


def test_relations_an_accused_pronoun_is_the_one_named_before_not_the_accuser(
    extractor: Extractor,
) -> None:
    text = (
        "Microsoft sued Apple in 2020, accusing it of running a monopoly. Chancellor Olaf "
        "Scholz answered Friedrich Merz in the Bundestag, accusing him of distorting reality."
    )
    found = _triples(extractor, text)
    assert ("Microsoft", "ACCUSES", "Apple") in found, found
    assert ("Olaf Scholz", "ACCUSES", "Friedrich Merz") in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Donald Trump ordered the United States to leave the Paris Agreement.",
         {("Donald Trump", "OPPOSES", "Paris Agreement")}),
        ("Russia pulled out of the Black Sea Grain Initiative in July.",
         {("Russia", "OPPOSES", "Black Sea Grain Initiative")}),
        ("Mali said it would not leave the Paris Agreement.", set()),
        ("Macron will leave Paris for talks on the Paris Agreement on Monday.", set()),
    ],
)  # fmt: skip
def test_relations_leaving_an_agreement_opposes_it(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    found = {
        t
        for t in _triples(extractor, text)
        if t[2] in {"Paris Agreement", "Black Sea Grain Initiative"}
    }
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Parliament passed the Online Safety Act on Monday. France voted in favour, "
         "Hungary voted against.",
         {("France", "SUPPORTS", "Online Safety Act"),
          ("Hungary", "OPPOSES", "Online Safety Act")}),
        ("The European Parliament approved the Nature Restoration Law. Hungary voted against it.",
         {("Hungary", "OPPOSES", "Nature Restoration Law")}),
        ("Hungary voted against.", set()),
    ],
)  # fmt: skip
def test_relations_a_vote_without_its_object_is_on_the_issue_at_hand(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    found = {t for t in _triples(extractor, text) if t[0] in {"France", "Hungary"}}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Farm leader Anna Holm said the tariffs had hurt exporters.",
         ("Anna Holm", "CRITICIZES", "tariffs")),
        ("TikTok argued that the Online Safety Act undermines free speech.",
         ("TikTok", "CRITICIZES", "Online Safety Act")),
        ("President Donald Trump said Petro's decision has jeopardised the security of the "
         "United States.", ("Donald Trump", "CRITICIZES", "Gustavo Petro")),
    ],
)  # fmt: skip
def test_relations_saying_something_does_harm_criticises_it_and_its_owner(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _triples(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Foreign Minister Ali Karimi said Washington must be held accountable for the strike.",
         ("Ali Karimi", "ACCUSES", "United States")),
        ("The Commission said it was holding Meta responsible for undermining users' rights.",
         ("European Commission", "ACCUSES", "Meta Platforms")),
        ("Azerbaijan's presidential office blamed Armenia for the attack.",
         ("Azerbaijan", "ACCUSES", "Armenia")),
        ("US President Joe Biden met envoys on Monday. The Biden administration criticised "
         "China.", ("United States", "CRITICIZES", "China")),
    ],
)  # fmt: skip
def test_relations_holding_to_account_and_a_leaders_office(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _triples(extractor, text)


def test_relations_holding_a_post_accuses_no_one(extractor: Extractor) -> None:
    text = "Kenya held talks with Uganda, and President William Ruto holds the post responsibly."
    assert not any(p == "ACCUSES" for _, p, _ in _triples(extractor, text))
