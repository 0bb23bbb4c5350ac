"""The adjectives that judge what they are said of, and the nouns that judge what is called
one (loaders/data/evaluations.json, made by tools/evaluations.py from the VADER lexicon and
WordNet)."""

from pathlib import Path

import pytest

from loaders.cues import EVALUATION_NOUNS, EVALUATIONS
from loaders.ontology import Predicate
from tools.evaluations import evaluations, noun_evaluations, ratings


@pytest.mark.parametrize(
    ("word", "predicate"),
    [
        ("disastrous", Predicate.CRITICIZES),
        ("misleading", Predicate.CRITICIZES),
        ("excellent", Predicate.SUPPORTS),
        ("promising", Predicate.SUPPORTS),
    ],
)
def test_evaluations_judge(word: str, predicate: Predicate) -> None:
    assert EVALUATIONS[word] is predicate


@pytest.mark.parametrize("word", ["angry", "strong", "difficult", "disappointed", "banned"])
def test_evaluations_leave_out_feelings_descriptions_and_participles(word: str) -> None:
    assert word not in EVALUATIONS


def test_evaluations_keep_only_rated_adjectives(tmp_path: Path) -> None:
    lexicon = tmp_path / "lexicon.txt"
    lexicon.write_text(
        "awful\t-2.0\t0.6\t[]\nnice\t1.8\t0.4\t[]\nmild\t0.9\t0.3\t[]\n"
        "war\t-2.9\t0.9\t[]\nhated\t-3.2\t0.7\t[]\n:)\t2.0\t0.4\t[]\n"
    )
    table = evaluations(ratings(lexicon), frozenset({"awful", "nice", "mild", "hated"}))
    # "nice" describes a person's manner; "mild" is rated too weakly; "war" is no
    # adjective; "hated" is a participle
    assert table == {"negative": ["awful"], "positive": []}


@pytest.mark.parametrize(
    ("word", "predicate"),
    [("violation", Predicate.CRITICIZES), ("betrayal", Predicate.CRITICIZES),
     ("triumph", Predicate.SUPPORTS)],
)  # fmt: skip
def test_evaluation_nouns_judge(word: str, predicate: Predicate) -> None:
    assert EVALUATION_NOUNS[word] is predicate


@pytest.mark.parametrize("word", ["anger", "relief", "prison", "peace", "approval"])
def test_evaluation_nouns_leave_out_feelings_things_and_cues(word: str) -> None:
    assert word not in EVALUATION_NOUNS


def test_evaluation_nouns_keep_only_strongly_rated_nouns(tmp_path: Path) -> None:
    lexicon = tmp_path / "lexicon.txt"
    lexicon.write_text(
        "fiasco\t-2.4\t0.6\t[]\nnuisance\t-1.6\t0.5\t[]\nawful\t-2.0\t0.6\t[]\n"
        "anger\t-2.7\t0.7\t[]\nsadness\t-2.6\t0.7\t[]\n"
    )
    nouns = frozenset({"fiasco", "nuisance", "awful", "anger", "sadness"})
    table = noun_evaluations(ratings(lexicon), nouns, frozenset({"awful"}))
    # "nuisance" is rated too weakly; "awful" is an adjective too; "anger" is a feeling
    # (tools/not_judging.txt); "sadness" an abstraction in -ness
    assert table == {"negative_nouns": ["fiasco"], "positive_nouns": []}
