"""Training the learned decision from the annotated corpus (`newsgraph train`).

Every candidate of every corpus article is labelled with the gold predicate its
sentence asserts, or NONE (`loaders.gold`); a multinomial logistic regression
(scikit-learn, needed only here) learns from them. Cross-validation holds out
whole articles, so a score says how the decision does on articles it never saw.
"""

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from loaders.article import RawArticle
from loaders.clean import clean
from loaders.decide import NONE, Decider, vetoed
from loaders.gold import Alignment, GoldArticle, load_set
from loaders.pipeline import Extractor, Reading
from loaders.sources import read_paths

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
PRECISION_FLOOR = (
    0.5  # what the model adds must be about as precise as the reading rules (0.5 on data/train)
)
MIN_SUPPORT = 20  # a predicate seen fewer times in held-out gold is not calibrated
MIN_ASSERTED = 30  # nor a threshold it asserts at fewer times (precision then +-0.15)
MIN_PAIR = 10  # label pairs of fewer gold relations of those predicates are not read
STANCE_CLASS = {"SUPPORTS": "pro", "DEMANDS": "pro", "PROPOSES": "pro", "OPPOSES": "con"}


@dataclass
class Examples:
    """Labelled candidates: features, label, and the article each came from."""

    features: list[set[str]]
    labels: list[str]
    groups: list[int]
    ruled: list[bool]  # a reading rule found a claim there: the rules decide, not the model
    vetoes: list[frozenset[str]] = field(default_factory=list)  # never asserted there


def readings(extractor: Extractor, articles: list[GoldArticle]) -> Iterator[Reading]:
    """The rule-only reading of each annotated article, in order."""
    cleaned = []
    for gold in articles:
        raw = next(r for r in read_paths([gold.path]) if isinstance(r, RawArticle))
        cleaned.append(clean(raw))
    pairs = ((a.text, a) for a in cleaned)
    docs = extractor.nlp.pipe(pairs, batch_size=extractor.batch_size, as_tuples=True)
    for doc, article in docs:
        yield extractor.read(doc, published=article.published)


def examples(extractor: Extractor, articles: list[GoldArticle]) -> Examples:
    """Every candidate of the articles with its gold label (ambiguous ones left out)."""
    out = Examples([], [], [], [])
    for group, (gold, reading) in enumerate(
        zip(articles, readings(extractor, articles), strict=True)
    ):
        alignment = Alignment(gold, reading.entities, reading.context.surfaces)
        for candidate in reading.candidates:
            label = alignment.label(candidate)
            if label is not None:
                out.features.append(candidate.features)
                out.labels.append(label)
                out.groups.append(group)
                out.ruled.append(bool(candidate.rules))
                out.vetoes.append(vetoed(candidate))
    return out


def fit(features: list[set[str]], labels: list[str], *, version: str, min_count: int = 2,
        strength: float = 1.0, positive_weight: float = 3.0) -> Decider:  # fmt: skip
    """A decision trained on labelled candidates (features seen fewer than min_count
    times are dropped: they cannot generalise and would swell the model)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for fs in features for f in fs)
    kept = [{f: 1 for f in fs if counts[f] >= min_count} for fs in features]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(kept)
    weights = {label: 1.0 if label == NONE else positive_weight for label in set(labels)}
    model = LogisticRegression(C=strength, max_iter=3000, class_weight=weights)
    model.fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    return Decider(
        version=version,
        classes=tuple(str(c) for c in model.classes_),
        index={str(n): i for i, n in enumerate(names)},
        weights=np.asarray(model.coef_.T),
        bias=np.asarray(model.intercept_),
    )


def cross_validate(
    data: Examples, *, folds: int = 5, version: str = "cv", **options: float
) -> dict:
    """Candidate-level precision, recall and F1 over held-out articles, per threshold
    (strict: the predicate right; lenient: the stance class right), and per predicate, on
    the candidates no reading rule decides; and the thresholds calibrated from them."""
    from sklearn.model_selection import GroupKFold

    decided: list[tuple[str, np.ndarray, frozenset[str]]] = []
    classes = tuple(sorted(set(data.labels)))  # a fold's model may not have seen them all
    for train, test in GroupKFold(n_splits=folds).split(data.labels, groups=data.groups):
        model = fit([data.features[i] for i in train], [data.labels[i] for i in train],
                    version=version, **options)  # fmt: skip
        into = [classes.index(c) for c in model.classes]
        for i in test:
            if data.ruled[i]:
                continue  # scored where the model decides, as extraction uses it
            probabilities = np.zeros(len(classes))
            probabilities[into] = model.probabilities(data.features[i])
            vetoes = data.vetoes[i] if data.vetoes else frozenset()
            decided.append((data.labels[i], probabilities, vetoes))
    by_threshold = {str(t): _scores(decided, classes, t) for t in THRESHOLDS}
    return {"thresholds": _calibrated(by_threshold), "by_threshold": by_threshold}


def _calibrated(by_threshold: dict[str, dict]) -> dict[str, float]:
    """Per predicate, the lowest threshold whose cross-validated precision reaches the floor
    by one standard error (a precision just over it on a few held-out decisions is as
    likely under it on the next articles)."""
    thresholds = {}
    for threshold, scores in sorted(by_threshold.items(), key=lambda item: float(item[0])):
        for predicate, score in scores["per_predicate"].items():
            good = score["gold"] >= MIN_SUPPORT and score["predicted"] >= MIN_ASSERTED
            good = good and _assured(score["precision"], score["predicted"]) >= PRECISION_FLOOR
            if good and predicate not in thresholds:
                thresholds[predicate] = float(threshold)
    return thresholds


def _assured(precision: float, decided: int) -> float:
    """A precision less one standard error of its estimate from that many decisions."""
    return precision - math.sqrt(precision * (1 - precision) / decided)


def _scores(
    decided: list[tuple[str, np.ndarray, frozenset[str]]], classes: tuple[str, ...],
    threshold: float,
) -> dict:  # fmt: skip
    """Micro scores of the decisions at one threshold, as extraction decides (a vetoed
    predicate is no claim)."""
    none = classes.index(NONE)
    tally = {k: Counter() for k in ("strict", "lenient")}
    per: dict[str, Counter] = defaultdict(Counter)  # a class a fold never saw is still scored
    per.update({c: Counter() for c in classes if c != NONE})
    for gold, probabilities, vetoes in decided:
        p = probabilities.copy()
        p[none] = 0.0
        best = int(p.argmax())
        guess = classes[best] if p[best] >= threshold and classes[best] not in vetoes else NONE
        for kind in tally:
            same = guess == gold or (
                kind == "lenient" and STANCE_CLASS.get(guess, guess) == STANCE_CLASS.get(gold)
            )
            tally[kind]["tp"] += guess != NONE and same
            tally[kind]["pred"] += guess != NONE
            tally[kind]["gold"] += gold != NONE
        if gold != NONE:
            per[gold]["gold"] += 1
            per[gold]["tp"] += guess == gold
        if guess != NONE:
            per[guess]["pred"] += 1
    return {
        **{k: _prf(v) for k, v in tally.items()},
        "per_predicate": {k: _prf(v) for k, v in per.items()},
    }


def _prf(c: Counter) -> dict:
    p = c["tp"] / c["pred"] if c["pred"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "gold": c["gold"],
            "predicted": c["pred"]}  # fmt: skip


def gold_pairs(articles: list[GoldArticle], predicates: set[str]) -> frozenset[str]:
    """The label pairs ("Country>Organization") the corpus annotates with these predicates
    at least MIN_PAIR times: the only pairs extraction then reads candidates of."""
    counts: Counter[str] = Counter()
    for gold in articles:
        labels = {e["name"]: e["label"] for e in gold.entities}
        for r in gold.relations:
            if r["predicate"] in predicates:
                counts[f"{labels.get(r['subject'])}>{labels.get(r['object'])}"] += 1
    return frozenset(p for p, n in counts.items() if n >= MIN_PAIR)


def corpus_version(articles: list[GoldArticle]) -> str:
    """The first part of a model's version: the corpus it learned from (the second part
    names its weights, so a model retrained on new features has a new version)."""
    digest = hashlib.sha256()
    for gold in articles:
        digest.update(gold.path.read_bytes())
        digest.update(gold.path.parent.parent.joinpath("gold", f"{gold.stem}.json").read_bytes())
    return f"learned-{digest.hexdigest()[:10]}"


def train(corpus: Path, extractor: Extractor, *, folds: int = 5) -> tuple[Decider, dict]:
    """The decision trained on a corpus folder, and its card (sizes, cross-validated scores)."""
    articles = load_set(corpus)
    version = corpus_version(articles)
    data = examples(extractor, articles)
    report = cross_validate(data, folds=folds) if folds > 1 else {"thresholds": {}}
    decider = fit(data.features, data.labels, version=version)
    thresholds = report["thresholds"]
    common = gold_pairs(articles, set(thresholds))
    weights = hashlib.sha256(decider.weights.astype(np.float32).tobytes()).hexdigest()[:6]
    decider = replace(decider, version=f"{version}-{weights}", thresholds=thresholds, pairs=common)
    card = {
        "articles": len(articles),
        "candidates": len(data.labels),
        "labels": dict(Counter(data.labels).most_common()),
        "features": len(decider.index),
        "cross_validation": report,
    }
    return decider, card
