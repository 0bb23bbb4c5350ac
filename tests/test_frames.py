"""Topic phrases read into frames: pairs that must and must not name the same topic
(phrases of our own, not the evaluation questions)."""

import pytest

from loaders.frames import frame_id, kb_resolver, read_frame, relate

RESOLVE = kb_resolver()

SAME = [
    ("Ukraine joining NATO", "NATO membership for Ukraine"),
    ("Kyiv's bid to join the alliance", "NATO membership for Ukraine"),
    ("Finland's accession to NATO", "Finland joining NATO"),
    ("NATO enlargement", "NATO expansion eastward"),
    ("talks between Serbia and Kosovo", "Serbia-Kosovo negotiations"),
    ("guarantees for Kyiv's security", "security guarantees for Ukraine"),
    ("weapons deliveries to Kyiv", "arms supplies to Ukraine"),
    ("truce between Israel and Hamas", "ceasefire between Israel and Hamas"),
    ("sanctioning Moscow", "sanctions on Russia"),
    ("stationing of Western troops in Ukraine", "deployment of foreign forces in Ukraine"),
    ("phasing out coal", "coal phase-out"),
    ("Turkish troops in Syria", "deployment of Turkish troops in Syria"),  # troops somewhere
    ("arms for Taiwan", "weapons supplies to Taiwan"),
    ("military aid to Taiwan", "weapons deliveries to Taipei"),  # military aid is arms
    ("duties on Japanese EVs", "tariffs on Japanese electric cars"),  # EVs, cars: vehicles
    ("talks with Ukraine", "opening of talks with Ukraine"),  # a phase of the talks
]
NARROWER = [  # (question, topic): the topic answers a broader question
    ("sanctions", "sanctions on Russia"),
    ("security guarantees", "security guarantees for Moldova"),
    ("Iran sanctions", "sanctions on Iran oil exports"),
    ("Russian participation in security guarantees for Ukraine",
     "China and Russia having a role in shaping security guarantees for Ukraine"),
]  # fmt: skip
NEVER = [
    ("weapons deliveries to Taipei", "humanitarian aid to Taiwan"),
    ("military aid to Taiwan", "military aid to the Philippines"),
    ("guarantees for Kyiv's security", "security guarantees for Russia"),
    ("security guarantees for Ukraine", "security guarantees"),  # a broader topic
    ("sanctions on Iran", "sanctions on Russia"),
    ("lifting sanctions on Iran", "sanctions on Iran"),  # the opposite issue
    ("sanctions on Iran", "lifting sanctions on Iran"),
    ("NATO membership for Ukraine", "NATO membership for Georgia"),
    ("Sweden joining NATO", "Sweden joining the European Union"),
    ("Russian participation in security guarantees for Ukraine", "security guarantees for Ukraine"),
    ("tariffs on Chinese steel", "tariffs on Canadian steel"),
    ("Turkish troops in Syria", "Turkish troops in Iraq"),
    ("tariffs on Japanese EVs", "tariffs on Korean electric vehicles"),
    ("US tariffs on Japanese EVs", "tariffs on Japanese electric cars"),  # whose tariffs
    ("aid package", "release of aid workers"),  # aid workers are people, not aid
    ("tariffs", "exemption of Japan from tariffs"),  # headed by a word of its own
    ("sanctions on Russia", "review of sanctions on Russia"),
    ("NATO membership for Finland", "Finland's accession protocol"),  # a document about it
    ("membership", "accession protocol"),
]


@pytest.mark.parametrize(("asked", "topic"), SAME)
def test_frames_same_issue_in_other_words(asked: str, topic: str) -> None:
    match = relate(read_frame(asked, RESOLVE), read_frame(topic, RESOLVE))
    assert match is not None and match.relation == "same", match
    back = relate(read_frame(topic, RESOLVE), read_frame(asked, RESOLVE))
    assert back is not None and back.relation == "same", back


@pytest.mark.parametrize(("asked", "topic"), NARROWER)
def test_frames_a_broader_question_gathers_narrower_topics(asked: str, topic: str) -> None:
    match = relate(read_frame(asked, RESOLVE), read_frame(topic, RESOLVE))
    assert match is not None and match.relation == "narrower", match


@pytest.mark.parametrize(("asked", "topic"), NEVER)
def test_frames_other_arguments_or_issues_never_match(asked: str, topic: str) -> None:
    assert relate(read_frame(asked, RESOLVE), read_frame(topic, RESOLVE)) is None


def test_frames_read_head_arguments_and_nested_issues() -> None:
    frame = read_frame("Moscow taking part in guaranteeing Ukraine's security", RESOLVE)
    assert frame.head == "participation"
    assert frame.nested == {"guarantee", "security"}
    assert frame.arguments == {"russia", "ukraine"}


@pytest.mark.slow
def test_frames_phrases_saying_the_same_are_one_topic_node(rules_extractor) -> None:  # type: ignore[no-untyped-def]
    from loaders.article import Article

    def topic_ids(text: str) -> set[str]:
        article = Article(id="a", origin="test", text=text, content_hash="h")
        fragment = rules_extractor.fragment(rules_extractor.nlp(text), article)
        return {e.id for e in fragment.entities if e.label == "Topic"}

    one = topic_ids("Russia rejected NATO membership for Ukraine.")
    other = topic_ids("Russia opposes Ukraine joining NATO.")
    assert one and one == other
    assert topic_ids("Russia rejected NATO membership for Georgia.") != one


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("tariffs on Japanese electric cars", "duties on Japanese EVs"),
        ("export curbs on chips", "export curbs on semiconductors"),
    ],
)
def test_frames_qualifiers_in_other_words_are_one_topic_node(one: str, other: str) -> None:
    assert frame_id(one, RESOLVE) == frame_id(other, RESOLVE) is not None


@pytest.mark.slow
def test_frames_agreements_told_apart_by_their_qualifiers_stay_apart(rules_extractor) -> None:  # type: ignore[no-untyped-def]
    """Two deals of one article are two topics; the article's bare "the pact" is the one deal
    when there is one; qualifiers of other issues ("new", "tougher" sanctions) never
    split a topic."""
    from loaders.article import Article

    def topics(text: str) -> set[str]:
        article = Article(id="a", origin="test", text=text, content_hash="h")
        fragment = rules_extractor.fragment(rules_extractor.nlp(text), article)
        return {e.name for e in fragment.entities if e.label == "Topic"}

    assert topics(
        "Slovakia opposed the migration pact. Hungary rejected the trade deal. "
        "Italy backed the climate accord."
    ) == {"migration pact", "trade deal", "climate accord"}
    assert topics("Slovakia opposed the migration pact. Poland rejected the pact.") == {
        "migration pact"
    }
    # a deal naming a party is no wider instance of another qualified otherwise
    assert topics(
        "Armenia signed the peace agreement. Tuvalu signed the Falepili Union treaty."
    ) == {"peace agreement", "Falepili Union treaty"}
    assert topics("Slovakia opposed the pension reform. Austria backed the tax reform.") == {
        "pension reform",
        "tax reform",
    }
    assert (
        len(topics("Estonia backed new sanctions on Iran. Latvia wants tougher sanctions on Iran."))
        == 1
    )
