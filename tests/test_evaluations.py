"""The adjectives that judge what they are said of (loaders/data/evaluations.json, made by
tools/evaluations.py from the VADER lexicon and WordNet)."""

from pathlib import Path

import pytest

from loaders.cues import EVALUATIONS
from loaders.ontology import Predicate
from tools.evaluations import evaluations


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
    table = evaluations(lexicon, frozenset({"awful", "nice", "mild", "hated"}))
    # "nice" describes a person's manner; "mild" is rated too weakly; "war" is no
    # adjective; "hated" is a participle
    assert table == {"negative": ["awful"], "positive": []}
