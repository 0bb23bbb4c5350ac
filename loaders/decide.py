"""The learned decision: for each candidate, which predicate the sentence asserts, or none.

A multinomial logistic regression over the candidates' sparse binary features,
trained on the annotated corpus by `newsgraph train` (`loaders.training`). At run
time it needs only numpy: the model is a weight per (feature, class) and a bias
per class, stored in `loaders/data/decision.npz` with its card in
`decision.json` (version, thresholds, corpus, cross-validated scores). Each predicate has
its own threshold, calibrated by cross-validation so that what the model adds is at
least as precise as the reading rules (PRECISION_FLOOR); a predicate the model cannot
read that precisely is left to the rules.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from loaders import cues
from loaders.arguments import Claim, hypothetical_verb
from loaders.candidates import Candidate
from loaders.ontology import Predicate

DATA = Path(__file__).resolve().parent / "data"
MODEL_PATH = DATA / "decision.npz"
NONE = "NONE"


@dataclass(frozen=True)
class Decider:
    """A trained decision: feature -> weights per class, a bias per class, a threshold per
    predicate (absent: the model never asserts that predicate)."""

    version: str
    classes: tuple[str, ...]
    index: dict[str, int]
    weights: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)
    thresholds: dict[str, float] = field(default_factory=dict)
    pairs: frozenset[str] = frozenset()  # label pairs it asserts anything of ("Country>Topic")

    def probabilities(self, features: set[str]) -> np.ndarray:
        """The probability of each class for one candidate's features."""
        rows = [self.index[f] for f in features if f in self.index]
        scores = self.bias + (self.weights[rows].sum(axis=0) if rows else 0.0)
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()

    def batch_probabilities(self, candidates: list[Candidate]) -> np.ndarray:
        """The probabilities of many candidates at once, one row each (one pass over the
        weights: an article's candidates cost one numpy call, not one per candidate)."""
        rows = [[self.index[f] for f in c.features if f in self.index] for c in candidates]
        flat = np.fromiter((r for row in rows for r in row), dtype=np.intp)
        sums = np.zeros((len(candidates), len(self.classes)))
        owner = np.repeat(np.arange(len(candidates)), [len(row) for row in rows])
        np.add.at(sums, owner, self.weights[flat])
        scores = sums + self.bias
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return scores / scores.sum(axis=1, keepdims=True)

    def decide(self, candidate: Candidate, probabilities: np.ndarray | None = None) -> Claim | None:
        """The claim a candidate makes, if its best predicate clears that predicate's threshold."""
        if probabilities is None:
            probabilities = self.probabilities(candidate.features)
        probabilities = probabilities.copy()
        probabilities[self.classes.index(NONE)] = 0.0
        best = int(probabilities.argmax())
        if probabilities[best] < self.thresholds.get(self.classes[best], 2.0):
            return None
        predicate = Predicate(self.classes[best])
        if predicate.value in vetoed(candidate):
            return None
        rule = candidate.rules.get(predicate)
        return Claim(
            subject=candidate.actor,
            predicate=predicate,
            target=candidate.target,
            topic=candidate.topic,
            sentence=candidate.sentence,
            negated=rule.negated if rule else "neg" in candidate.features,
            speaker=candidate.speaker,
            confidence=round(float(probabilities[best]), 3),
            rule=f"{rule.rule}+{self.version}" if rule else self.version,
        )

    def claims(self, candidates: list[Candidate]) -> list[Claim]:
        """The claims of an article's candidates: what a reading rule found stands, and the
        model decides the candidates no rule read."""
        out = [claim for c in candidates for claim in c.rules.values()]
        undecided = [c for c in candidates if not c.rules and self._may_assert(c)]
        if undecided:
            for candidate, row in zip(undecided, self.batch_probabilities(undecided), strict=True):
                if claim := self.decide(candidate, row):
                    out.append(claim)
        return out

    def _may_assert(self, candidate: Candidate) -> bool:
        """Whether the candidate's label pair is one the model asserts anything of."""
        return any(f"pair:{pair}" in candidate.features for pair in self.pairs)

    def save(self, path: Path = MODEL_PATH, card: dict | None = None) -> None:
        """Write the weights (npz) and the model card (json beside it)."""
        features = np.array(sorted(self.index, key=self.index.__getitem__))
        np.savez_compressed(
            path,
            features=features,
            classes=np.array(self.classes),
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
        )
        meta = {
            "version": self.version,
            "thresholds": self.thresholds,
            "pairs": sorted(self.pairs),
            **(card or {}),
        }
        path.with_suffix(".json").write_text(json.dumps(meta, indent=1) + "\n")


def load_decider(path: Path = MODEL_PATH) -> Decider | None:
    """The trained decision, or None when no model has been trained."""
    if not path.exists():
        return None
    meta = json.loads(path.with_suffix(".json").read_text())
    with np.load(path, allow_pickle=False) as data:
        features = [str(f) for f in data["features"]]
        return Decider(
            version=meta["version"],
            classes=tuple(str(c) for c in data["classes"]),
            index={f: i for i, f in enumerate(features)},
            weights=data["weights"].astype(np.float64),
            bias=data["bias"].astype(np.float64),
            thresholds={k: float(v) for k, v in meta["thresholds"].items()},
            pairs=frozenset(meta.get("pairs", [])),
        )


AGAINST = {Predicate.OPPOSES, Predicate.CRITICIZES, Predicate.ACCUSES}


def vetoed(candidate: Candidate) -> frozenset[str]:
    """The predicates the model is never let assert of a candidate: none between parties
    listed together ("accused the US and NATO": they act side by side), no meeting
    between those who together met someone else, and none yet to happen ("will meet X
    next week")."""
    if _yet_to_happen(candidate):
        return frozenset({Predicate.MEETS.value})
    if not _coordinated(candidate):
        return frozenset()
    every = frozenset(p.value for p in Predicate)
    if _met_someone_together(candidate) or _took_a_stance_together(candidate):
        return every
    return every - {Predicate.MEETS.value}


def _yet_to_happen(candidate: Candidate) -> bool:
    """Whether the verb joining actor and target tells of a meeting yet to happen ("will
    meet Tusk next week", "plans to meet", "will travel to Washington to meet Biden"), as
    the reading rules judge one."""
    if candidate.anchors is None:
        return False
    doc = candidate.sentence.doc
    a, b = (doc[i] for i in candidate.anchors)
    above_a = [a, *a.ancestors]
    joint = next((t for t in (b, *b.ancestors) if t in above_a), None)
    verb = next((t for t in ([joint, *joint.ancestors] if joint else []) if t.pos_ == "VERB"), None)
    return verb is not None and hypothetical_verb(verb)


def _met_someone_together(candidate: Candidate) -> bool:
    """ "X and Y met Orban", "X and Y held talks with Orban": they met him, not each other."""
    verb = _shared_verb(candidate)
    named = [c for c in verb.children if c.dep_ == "dobj"]
    named += [
        o for n in [verb, *named] for p in n.children if p.lower_ == "with" for o in p.children
    ]
    return any(t.pos_ == "PROPN" for t in named)


def _took_a_stance_together(candidate: Candidate) -> bool:
    """ "X and Y condemned the attack": a stance against something taken side by side, no
    meeting said (where "X and Y agreed to ..." often tells of one)."""
    verb = _shared_verb(candidate)
    cue = cues.VERBS.get(verb.lemma_.lower()) if verb.pos_ == "VERB" else None
    return cue in AGAINST


def _shared_verb(candidate: Candidate) -> Token:
    """The verb whose subject the coordinated actor and target are."""
    actor = candidate.sentence.doc[candidate.anchors[0]]  # type: ignore[index]
    while actor.dep_ == "conj" and actor.head.i != actor.i:
        actor = actor.head
    return actor.head


def _coordinated(candidate: Candidate) -> bool:
    """Whether actor and target are named in one coordination ("the US and NATO")."""
    if candidate.anchors is None:
        return False
    doc = candidate.sentence.doc
    actor, target = (doc[i] for i in candidate.anchors)
    return target in actor.conjuncts
