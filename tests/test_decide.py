"""The learned decision: its arithmetic on a hand-built model, training on a small slice of
the corpus, and the shipped model matching the corpus it was trained on."""

from pathlib import Path

import numpy as np
import pytest

from loaders.arguments import Claim
from loaders.candidates import Candidate
from loaders.decide import MODEL_PATH, Decider, load_decider
from loaders.gold import load_set
from loaders.ontology import Predicate
from loaders.pipeline import Extractor
from loaders.training import Examples, corpus_version, cross_validate, examples, fit, train
from tests.conftest import ROOT

CORPUS = ROOT / "data" / "train"


def _decider(thresholds: dict[str, float]) -> Decider:
    """Two features: 'cue:OPPOSES' pushes OPPOSES, 'weak' pushes nothing."""
    classes = ("NONE", "OPPOSES", "SUPPORTS")
    weights = np.array([[0.0, 4.0, 0.0], [0.0, 0.0, 0.0]])
    return Decider("hand", classes, {"cue:OPPOSES": 0, "weak": 1}, weights, np.zeros(3), thresholds)


def _candidate(nlp_doc, features: set[str], rules: dict | None = None) -> Candidate:  # type: ignore[no-untyped-def]
    sentence = next(iter(nlp_doc.sents))
    return Candidate("poland", "proposal", True, sentence, None, features, rules or {})


@pytest.fixture(scope="module")
def doc(rules_extractor: Extractor):  # type: ignore[no-untyped-def]
    return rules_extractor.nlp("Poland rejected the proposal.")


def test_decide_asserts_a_predicate_over_its_threshold(doc) -> None:  # type: ignore[no-untyped-def]
    claim = _decider({"OPPOSES": 0.5}).decide(_candidate(doc, {"cue:OPPOSES"}))
    assert claim is not None and claim.predicate is Predicate.OPPOSES
    assert claim.rule == "hand" and claim.confidence > 0.9


def test_decide_a_predicate_without_threshold_is_left_to_the_rules(doc) -> None:  # type: ignore[no-untyped-def]
    assert _decider({}).decide(_candidate(doc, {"cue:OPPOSES"})) is None
    assert _decider({"OPPOSES": 0.5}).decide(_candidate(doc, {"weak"})) is None


def test_decide_what_a_rule_read_stands(doc) -> None:  # type: ignore[no-untyped-def]
    sentence = next(iter(doc.sents))
    ruled = Claim("poland", Predicate.OPPOSES, "proposal", True, sentence, rule="verb")
    claims = _decider({}).claims([_candidate(doc, {"weak"}, {Predicate.OPPOSES: ruled})])
    assert claims == [ruled]


def test_decide_parties_listed_together_are_not_actor_and_target(  # type: ignore[no-untyped-def]
    rules_extractor: Extractor,
) -> None:
    sentence = next(iter(rules_extractor.nlp("Poland and Hungary rejected the proposal.").sents))
    listed = Candidate("poland", "hungary", False, sentence, None, {"cue:OPPOSES"}, {}, (0, 2))
    apart = Candidate("poland", "proposal", True, sentence, None, {"cue:OPPOSES"}, {}, (0, 5))
    decider = _decider({"OPPOSES": 0.5})
    assert decider.decide(listed) is None
    assert decider.decide(apart) is not None


@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("Scholz and Macron met Orban in Paris.", False),  # they met Orban, not each other
        ("Scholz and Macron held talks with Orban.", False),
        ("Scholz and Macron met in Paris.", True),
        ("Scholz and Macron rejected the tariffs.", False),  # a stance side by side
        ("Scholz and Macron will meet in Paris next week.", False),  # yet to happen
    ],
)
def test_decide_who_meet_someone_together_do_not_meet_each_other(  # type: ignore[no-untyped-def]
    rules_extractor: Extractor, text: str, met: bool
) -> None:
    sentence = next(iter(rules_extractor.nlp(text).sents))
    classes = ("NONE", "MEETS")
    decider = Decider("hand", classes, {"cue:MEETS": 0}, np.array([[0.0, 4.0]]), np.zeros(2),
                      {"MEETS": 0.5})  # fmt: skip
    pair = Candidate("olaf-scholz", "emmanuel-macron", False, sentence, None, {"cue:MEETS"}, {},
                     (0, 2))  # fmt: skip
    assert (decider.decide(pair) is not None) is met


@pytest.mark.slow
def test_decide_trains_on_a_slice_and_round_trips(
    rules_extractor: Extractor, tmp_path: Path
) -> None:
    articles = load_set(CORPUS)[:6]
    data = examples(rules_extractor, articles)
    assert "NONE" in data.labels and set(data.labels) - {"NONE"}
    model = fit(data.features, data.labels, version="slice")
    model.save(tmp_path / "decision.npz", {"articles": 6})
    loaded = load_decider(tmp_path / "decision.npz")
    assert loaded is not None and loaded.classes == model.classes
    assert np.allclose(
        loaded.probabilities(data.features[0]), model.probabilities(data.features[0]), atol=1e-4
    )


@pytest.mark.slow
def test_decide_train_reports_cross_validated_thresholds(
    rules_extractor: Extractor, tmp_path: Path
) -> None:
    slice_dir = tmp_path / "corpus"
    for part in ("articles", "gold"):
        (slice_dir / part).mkdir(parents=True)
    for article in load_set(CORPUS)[:8]:
        (slice_dir / "articles" / article.path.name).write_bytes(article.path.read_bytes())
        gold = CORPUS / "gold" / f"{article.stem}.json"
        (slice_dir / "gold" / gold.name).write_bytes(gold.read_bytes())
    decider, card = train(slice_dir, rules_extractor, folds=2)
    assert card["articles"] == 8 and set(card["cross_validation"]["by_threshold"])
    assert set(decider.thresholds) <= set(decider.classes)


def test_decide_shipped_model_was_trained_on_the_shipped_corpus() -> None:
    shipped = load_decider(MODEL_PATH)
    assert shipped is not None, "no model: run `make train`"
    corpus = corpus_version(load_set(CORPUS))
    assert shipped.version.startswith(f"{corpus}-"), "corpus changed: run `make train`"


def test_decide_cross_validation_scores_folds_that_saw_other_classes() -> None:
    # ACCUSES only in the last article: the fold that holds it out never learns it
    features = [{"cue:support"}, {"cue:none"}] * 3 + [{"cue:accuse"}, {"cue:none"}]
    labels = ["SUPPORTS", "NONE"] * 3 + ["ACCUSES", "NONE"]
    data = Examples(features, labels, groups=[0, 0, 1, 1, 2, 2, 3, 3], ruled=[False] * 8)
    report = cross_validate(data, folds=2, min_count=1)
    scored = report["by_threshold"]["0.3"]["per_predicate"]
    assert set(scored) == {"ACCUSES", "SUPPORTS"} and scored["ACCUSES"]["gold"] == 1


def test_decide_cross_validation_scores_a_vetoed_predicate_as_no_claim() -> None:
    from loaders.training import _scores

    classes = ("MEETS", "NONE")
    probabilities = np.array([0.9, 0.1])
    vetoed = _scores([("NONE", probabilities, frozenset({"MEETS"}))], classes, 0.5)
    free = _scores([("NONE", probabilities, frozenset())], classes, 0.5)
    assert vetoed["strict"]["predicted"] == 0
    assert free["strict"]["predicted"] == 1
