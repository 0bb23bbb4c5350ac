"""Annotated articles (docs/corpus.md) and how a candidate lines up with their gold.

A candidate's ends are matched to gold entities the way the evaluation matches
entities (a shared folded name or alias; a topic also by overlapping content
words), and its sentence to the gold relation's evidence sentence.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from loaders.candidates import Candidate
from loaders.fragment import Entity
from loaders.text import fold
from loaders.topics import content_words

TOPIC_OVERLAP = 0.6  # the evaluation's Jaccard threshold for topics


@dataclass(frozen=True)
class GoldArticle:
    """One annotated article: its text file and its gold annotation."""

    stem: str
    path: Path
    entities: list[dict]
    relations: list[dict]


def load_set(folder: Path) -> list[GoldArticle]:
    """The annotated articles of a set folder (articles/*.txt beside gold/*.json)."""
    out = []
    for gold in sorted((folder / "gold").glob("*.json")):
        text = folder / "articles" / f"{gold.stem}.txt"
        if text.exists():
            data = json.loads(gold.read_text())
            out.append(GoldArticle(gold.stem, text, data["entities"], data["relations"]))
    return out


def squash(text: str) -> str:
    """A sentence compared as the evaluation compares it: quotes and spaces normalised."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


class Alignment:
    """Gold labels for one article's candidates."""

    def __init__(self, gold: GoldArticle, entities: list[Entity], surfaces: dict[str, set[str]]):
        self.gold = gold
        self.names = [
            {fold(e["name"]), *(fold(a) for a in e.get("aliases", []))} for e in gold.entities
        ]
        self.topics = [
            (i, content_words(n))
            for i, e in enumerate(gold.entities)
            if e["label"] == "Topic"
            for n in [e["name"], *e.get("aliases", [])]
        ]
        self.entities = {e.id: e for e in entities}
        self.surfaces = surfaces
        by_name = {fold(e["name"]): i for i, e in enumerate(gold.entities)}
        self.relations = [
            (by_name.get(fold(r["subject"])), r["predicate"], by_name.get(fold(r["object"])),
             squash(r["evidence"]))
            for r in gold.relations
            if r["predicate"] != "HOLDS_ROLE"
        ]  # fmt: skip

    def entity(self, value: str, topic: bool) -> int | None:
        """The gold entity a candidate's end stands for, if any."""
        if topic:
            forms = {fold(value), *(fold(s) for s in self.surfaces.get(value, ()))}
        else:
            known = self.entities.get(value)
            forms = {fold(known.name), *(fold(a) for a in known.aliases)} if known else set()
        forms.discard("")
        exact = next((i for i, names in enumerate(self.names) if names & forms), None)
        if exact is not None or not topic:
            return exact
        words = content_words(value)
        best = max(
            ((len(words & w) / len(words | w), i) for i, w in self.topics if words and w),
            default=(0.0, None),
        )
        return best[1] if best[0] >= TOPIC_OVERLAP else None

    def label(self, candidate: Candidate) -> str | None:
        """The gold predicate the candidate's sentence asserts, "NONE", or None when the
        pair is related in gold but by another sentence (left out of training)."""
        actor = self.entity(candidate.actor, False)
        target = self.entity(candidate.target, candidate.topic)
        sentence = squash(candidate.sentence.text)
        if actor is None or target is None:
            # an end the gold names otherwise: NONE only when the sentence asserts nothing
            # of that actor (or of anyone, if the actor is not in the gold either)
            asserted = [
                (s, ev) for s, _, _, ev in self.relations if ev in sentence or sentence in ev
            ]
            if any(actor is None or s == actor for s, _ in asserted):
                return None
            return "NONE"
        elsewhere = False
        for subject, predicate, obj, evidence in self.relations:
            pair = (subject, obj) == (actor, target)
            pair = pair or (predicate == "MEETS" and (obj, subject) == (actor, target))
            if not pair:
                continue
            if evidence in sentence or sentence in evidence:
                return predicate
            elsewhere = True
        return None if elsewhere else "NONE"
