"""Issue wordings compared by meaning (static embeddings from the committed artifact):
pairs of our own that must and must not name the same topic, the model's stability, and
the same reading at question time and at ingest."""

import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from graph.topic_index import TopicIndex
from loaders.arguments import Claim
from loaders.assemble import topics
from loaders.embeddings import same_issue_threshold, similarities
from loaders.frames import FrameMatch, kb_resolver, read_frame, relate, relate_by_meaning
from loaders.ontology import Predicate

RESOLVE = kb_resolver()
ARTIFACT = Path(__file__).resolve().parent.parent / "loaders" / "data" / "embeddings"

# (asked, topic): one names no known issue; the same arguments, and wordings that mean
# the same
SAME_MEANING = [
    ("a higher minimum wage in Germany", "minimum wage increase in Germany"),
    ("raising the minimum wage in Germany", "minimum wage increase in Germany"),
    ("legalising cannabis in Germany", "legalization of cannabis in Germany"),
    ("cannabis legalisation in Germany", "legalising marijuana in Germany"),
    ("freeing the hostages held by Hamas", "the release of hostages held by Hamas"),
]
NEVER = [
    # another beneficiary: the wordings are the same, the arguments decide
    ("security guarantees for Russia", "security guarantees for Ukraine"),
    ("a higher minimum wage in Germany", "minimum wage increase in France"),
    ("legalising cannabis in Germany", "legalization of cannabis in Poland"),
    ("freeing the hostages held by Hamas", "the release of hostages held by Israel"),
    ("same-sex marriage in Japan", "same-sex marriage in Taiwan"),
    # another issue: issue words read both, and they differ
    ("sanctions on Russia", "tariffs on Russia"),
    ("a ceasefire between Israel and Hamas", "peace talks between Israel and Hamas"),
    ("legalising cannabis in Germany", "banning cannabis in Germany"),
    # another issue in words no issue word reads; the vector puts opposites near (0.84)
    ("raising the minimum wage in Germany", "lowering the minimum wage in Germany"),
    ("raising the retirement age in France", "lowering the retirement age in France"),
    ("the release of hostages held by Hamas", "the release of prisoners held by Hamas"),
    ("a wealth tax in France", "an inheritance tax in France"),
    ("the death penalty in Japan", "life imprisonment in Japan"),
    # a topic lacking an argument asked for is no answer
    ("a higher minimum wage in Germany", "minimum wage increase"),
]


def answers(asked: str, topic: str) -> FrameMatch | None:
    """How a topic answers a question, by issue words or else by meaning."""
    one, other = read_frame(asked, RESOLVE), read_frame(topic, RESOLVE)
    similarity = similarities(one.wording, [other.wording])[0]
    return relate(one, other) or relate_by_meaning(one, other, similarity, same_issue_threshold())


@pytest.mark.parametrize(("asked", "topic"), SAME_MEANING)
def test_issue_meaning_same_issue_in_other_words(asked: str, topic: str) -> None:
    for one, other in ((asked, topic), (topic, asked)):
        match = answers(one, other)
        assert match is not None and match.relation == "similar", match
        assert match.similarity is not None and match.similarity >= same_issue_threshold()


@pytest.mark.parametrize(("asked", "topic"), NEVER)
def test_issue_meaning_other_arguments_or_issues_never_match(asked: str, topic: str) -> None:
    assert answers(asked, topic) is None
    assert answers(topic, asked) is None or answers(topic, asked).relation == "narrower"


def test_issue_meaning_a_missing_argument_is_broader() -> None:
    match = answers("minimum wage increase", "raising the minimum wage in Germany")
    assert match is not None and match.relation == "narrower", match


def test_issue_meaning_the_vector_alone_would_merge_beneficiaries() -> None:
    """Why arguments decide: the whole phrases are nearly one vector."""
    whole = similarities("security guarantees for Russia", ["security guarantees for Ukraine"])
    assert whole[0] > same_issue_threshold()


@pytest.mark.parametrize(
    ("one", "other", "expected"),
    [
        ("Ukraine joining NATO", "NATO membership for Ukraine", 0.885),
        ("security guarantees for Russia", "security guarantees for Ukraine", 0.912),
        ("raising minimum wage", "minimum wage increase", 0.851),
        ("sanctions", "tariffs", 0.471),
        ("ceasefire", "peace talks", 0.24),
    ],
)
def test_issue_meaning_model_gives_stable_similarities(
    one: str, other: str, expected: float
) -> None:
    assert similarities(one, [other])[0] == pytest.approx(expected, abs=0.005)


def test_issue_meaning_model_is_the_small_committed_artifact_read_without_torch() -> None:
    size = sum(f.stat().st_size for f in ARTIFACT.iterdir())
    assert size < 20_000_000, size
    code = (
        "import sys; from loaders.embeddings import similarities; "
        "similarities('a', ['b']); "
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))"
    )
    env = {"HF_HUB_OFFLINE": "1", "PATH": ""}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def _index(*names: str) -> TopicIndex:
    rows = [{"id": f"t{i}", "name": n, "aliases": []} for i, n in enumerate(names)]
    return TopicIndex(rows, RESOLVE)


def test_issue_meaning_questions_find_topics_in_other_words_with_reasons() -> None:
    index = _index(
        "minimum wage increase in Germany",
        "minimum wage increase in France",
        "lowering the retirement age in Germany",
    )
    found = index.find("a higher minimum wage in Germany")
    assert [(t.name, t.match) for t in found] == [("minimum wage increase in Germany", "similar")]
    assert found[0].reason is not None and "similarity 0.93" in found[0].reason
    assert found[0].score == pytest.approx(0.93, abs=0.005)
    assert index.find("a higher minimum wage in Poland") == []


def test_issue_meaning_a_question_in_issue_words_never_takes_another_issue() -> None:
    index = _index("tariffs on Russia", "security guarantees for Russia")
    assert index.find("sanctions on Russia") == []
    assert [t.name for t in index.find("security guarantees for Ukraine")] == []


def test_issue_meaning_ingest_joins_a_phrase_to_the_topic_it_means() -> None:
    sentence = spacy.blank("en")("x.")[:]
    said = [
        ("germany", "minimum wage increase in Germany"),
        ("france", "a higher minimum wage in Germany"),
        ("poland", "minimum wage increase in France"),
        ("spain", "lowering the minimum wage in Germany"),
    ]
    claims = [Claim(s, Predicate.SUPPORTS, t, True, sentence) for s, t in said]
    entities, ids = topics(claims, resolve=RESOLVE)
    assert ids["a higher minimum wage in Germany"] == ids["minimum wage increase in Germany"]
    assert ids["minimum wage increase in France"] != ids["minimum wage increase in Germany"]
    assert ids["lowering the minimum wage in Germany"] != ids["minimum wage increase in Germany"]
    joined = next(e for e in entities if e.id == ids["minimum wage increase in Germany"])
    assert "a higher minimum wage in Germany" in joined.aliases and joined.mentions == 2


def test_issue_meaning_ranks_after_the_same_frame_and_before_narrower_topics() -> None:
    index = _index(
        "minimum wage increase in Germany and France",
        "minimum wage increase in Germany",
        "higher minimum wage in Germany and Poland",
        "higher minimum wage for workers in Germany",
    )
    found = index.find("a higher minimum wage in Germany")
    assert [(t.name, t.match) for t in found] == [
        ("higher minimum wage for workers in Germany", "same"),
        ("minimum wage increase in Germany", "similar"),
        ("higher minimum wage in Germany and Poland", "narrower"),  # in the same words
        ("minimum wage increase in Germany and France", "narrower"),  # by meaning
    ]
    assert found[3].reason is not None and "other words (similarity 0.93)" in found[3].reason


def test_issue_meaning_who_imposes_an_issue_is_answered_by_the_topic_they_back() -> None:
    """ "EU duties on Chinese EVs": the topic that names no imposer answers, broader, only
    where the EU backs it; "Russian troops" never take "Western troops" Russia opposes."""
    rows = [
        {"id": "ev", "name": "tariffs on Chinese electric cars", "aliases": []},
        {"id": "troops", "name": "Western troops in Ukraine", "aliases": []},
    ]
    backers = {"ev": frozenset({"european-union"}), "troops": frozenset({"france"})}
    index = TopicIndex(rows, RESOLVE, backers)
    found = index.find("EU duties on Chinese EVs")
    assert [(t.name, t.match) for t in found] == [("tariffs on Chinese electric cars", "backed")]
    assert found[0].reason is not None and "backs it" in found[0].reason
    assert index.find("Russian troops in Ukraine") == []
    assert TopicIndex(rows, RESOLVE).find("EU duties on Chinese EVs") == []
    assert index.find("US duties on Chinese EVs") == []
