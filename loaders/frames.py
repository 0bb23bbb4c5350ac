"""Topics as issues with arguments: a topic phrase read into a frame, and how two frames
relate.

"NATO membership for Ukraine", "Ukraine joining NATO" and "Kyiv's bid to join the
alliance" are one frame: the issue *membership* (its head), with the arguments NATO and
Ukraine. "Security guarantees for Russia" and "security guarantees for Ukraine" share
the issue but not the arguments, so they are never the same topic; "security guarantees"
names no argument, so it is broader than both. The same reading serves the graph's
topics and an analyst's question.

Issue words come in families (data/issues.json); argument names are resolved by a
function the caller gives (the knowledge base, the graph's names).
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Literal

from loaders import cues
from loaders.kb import actor_nouns, not_issues
from loaders.text import fold
from loaders.topics import DEMONYMS, STOP

Resolver = Callable[[str], str | None]  # a folded name -> entity id, or None
Relation = Literal["same", "similar", "narrower", "backed"]

PREPOSITIONS = frozenset({
    "of", "for", "to", "on", "in", "between", "over", "with", "from", "against", "by", "near",
    "into", "about", "among", "across",
})  # fmt: skip
MAX_NAME_WORDS = 5
# Issues that say what an issue is about rather than the issue: "troops" in "deployment of
# troops"; the head is another issue when the phrase has one. Alone, troops somewhere are
# troops deployed there, and arms for someone are arms supplied to them.
THEMES = frozenset({"troops", "arms", "security"})
IMPLIED = {"troops": "deployment", "arms": "supply"}
# Adjectives that name no definite actor: "Western forces", "foreign troops" are qualifiers.
VAGUE = frozenset({"western", "foreign", "international", "global", "allied", "outside"})
NOT_CONTENT = frozenset({"be", "been", "being", "is", "are", "was", "were", "have", "has",
                         "having", "made", "make", "making"})  # fmt: skip
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")
_WORD = re.compile(r"[^\W_]+(?:['’]s)?", re.UNICODE)


@dataclass(frozen=True)
class Frame:
    """What a topic phrase is about: its head issue, the issues nested in it, the entities
    it names, and its other content words."""

    head: str | None
    nested: frozenset[str]
    arguments: frozenset[str]
    qualifiers: frozenset[str]
    # the issue in the phrase's own words, arguments and stop words left out ("letting
    # into"): what issue embeddings compare where no issue word decides
    wording: str = field(default="", compare=False)
    # arguments named before the issue, as who imposes or holds it ("EU duties on Chinese
    # EVs": the EU), unlike those after a preposition (for or on whom)
    leading: frozenset[str] = field(default=frozenset(), compare=False)

    @property
    def issues(self) -> frozenset[str]:
        return self.nested | ({self.head} if self.head else set())


@dataclass(frozen=True)
class FrameMatch:
    """How a topic relates to a question: the same issue with the same arguments (in the
    same issue words, or in other words of the same meaning), or a narrower one (more
    arguments, or an issue nested in it); with a score in (0, 1] and, for a match by
    meaning, the similarity of the two wordings."""

    relation: Relation
    score: float
    similarity: float | None = None


@cache
def issue_words() -> dict[tuple[str, ...], str]:
    """Folded word sequence -> issue family (data/issues.json)."""
    raw = json.loads(resources.files("loaders").joinpath("data/issues.json").read_text("utf-8"))
    return {
        tuple(_words(form)): family for family, forms in raw["families"].items() for form in forms
    }


@cache
def qualifier_words() -> dict[str, tuple[str, ...]]:
    """Folded qualifier word -> the words it is read as (data/issues.json: "EVs" is
    electric vehicles, "cars" vehicles)."""
    raw = json.loads(resources.files("loaders").joinpath("data/issues.json").read_text("utf-8"))
    return {
        word: tuple(_words(meaning))
        for word, meaning in raw["qualifiers"].items()
        if not word.startswith("_")
    }


@cache
def instance_issues() -> frozenset[str]:
    """Issue families whose qualifiers tell instances apart ("trade deal", "migration
    pact": two agreements), from data/issues.json."""
    raw = json.loads(resources.files("loaders").joinpath("data/issues.json").read_text("utf-8"))
    return frozenset(raw["instances"]["families"])


@cache
def direction_words() -> dict[str, str]:
    """Folded word -> the way it moves an issue ("raising": more, "cutting": less)."""
    raw = json.loads(resources.files("loaders").joinpath("data/issues.json").read_text("utf-8"))
    return {
        word: way
        for way, words in raw["directions"].items()
        if not way.startswith("_")
        for word in words
    }


def directions(wording: str) -> frozenset[str]:
    """The ways a wording moves its issue: none, more, less (or both)."""
    ways = direction_words()
    return frozenset(ways[w] for w in wording.split() if w in ways)


def kb_resolver() -> Resolver:
    """Names, aliases, seats and demonyms of the knowledge base ("Kyiv" -> ukraine)."""
    from loaders.kb import load_kb

    kb = load_kb()

    def resolve(name: str) -> str | None:
        known = kb.by_alias.get(name) or kb.by_demonym.get(name)
        return known.id if known else None

    return resolve


def names_resolver(names: dict[str, str]) -> Resolver:
    """Folded names -> ids of an article's entities, else the knowledge base's."""
    known = kb_resolver()
    return lambda name: names.get(name) or known(name)


def frame_id(phrase: str, resolve: Resolver) -> str | None:
    """The id of the topic a phrase names, by its frame: phrases that say the same in other
    words ("Ukraine joining NATO", "NATO membership for Ukraine") are one topic node. None
    when the phrase names no known issue."""
    frame = read_frame(phrase, resolve)
    if frame.head is None:
        return None
    parts = [frame.head, *sorted(frame.nested), *sorted(frame.arguments)]
    return "topic-" + "-".join([*parts, *sorted(frame.qualifiers)]).replace(" ", "-")


def read_frame(phrase: str, resolve: Resolver) -> Frame:
    """The frame of a topic phrase: entity names (longest first) become arguments, issue
    words their families, and the head is the issue a leading gerund names ("lifting
    sanctions"), else the last before the first preposition."""
    words = _words(phrase)
    issues: list[tuple[int, str]] = []
    arguments: set[str] = set()
    placed: list[tuple[int, str]] = []  # each argument and where it starts
    qualifiers: set[str] = set()
    first_preposition = next((i for i, w in enumerate(words) if w in PREPOSITIONS), len(words))
    gerund: str | None = None  # "lifting sanctions on Iran" is about lifting them
    wording: list[str] = []
    i = 0
    while i < len(words):
        size, entity = _entity_at(words, i, resolve)
        if entity:
            arguments.add(entity)
            placed.append((i, entity))
            i += size
            continue
        size, family = _issue_at(words, i)
        if family and _singular(words[i + size] if i + size < len(words) else "") in actor_nouns():
            family = None  # "aid workers", "trade unions": people, not the issue
        if family:
            issues.append((i, family))
            if words[i].endswith("ing") and i < first_preposition:
                gerund = gerund if gerund is not None else family
            wording.extend(words[i : i + size])
            i += size
            continue
        if words[i] not in STOP | PREPOSITIONS | NOT_CONTENT:
            meant = qualifier_words().get(words[i], (words[i],))
            qualifiers.update(_singular(word) for word in meant)
            wording.append(words[i])
        i += 1
    heads = issues  # "review of sanctions" is not about sanctions as such: no head
    if _headed_elsewhere(words, first_preposition, issues):
        heads = [(i, f) for i, f in issues if i < first_preposition]
    head = gerund or _head(heads, first_preposition)
    at = next((i for i, f in issues if f == head), len(words))
    leading = frozenset(e for i, e in placed if i < min(at, first_preposition)) - {
        e for i, e in placed if i >= min(at, first_preposition)
    }
    nested = frozenset(f for _, f in issues) - {head}
    if head in IMPLIED and IMPLIED[head] not in nested:  # "Western troops in Ukraine"
        head, nested = IMPLIED[head], nested | {head}
    return Frame(
        head, nested, frozenset(arguments), frozenset(qualifiers), " ".join(wording), leading
    )


def relate(asked: Frame, topic: Frame) -> FrameMatch | None:
    """How a topic answers a question, or None: a topic that lacks an argument the question
    names, names a different one, or is about another issue never answers it."""
    if not asked.arguments <= topic.arguments:
        return None  # "for Russia" is never an answer to "for Ukraine"
    if asked.head is None:
        # no issue word known: the question's words must all be in the topic
        if asked.qualifiers and asked.qualifiers <= topic.qualifiers | topic.issues:
            extra = len(topic.arguments - asked.arguments)
            return FrameMatch("narrower" if extra else "same", round(0.8 - 0.05 * extra, 3))
        return None
    if asked.head != topic.head or not asked.nested <= topic.nested:
        return None
    extra = len(topic.arguments - asked.arguments) + len(topic.nested - asked.nested)
    if extra:
        return FrameMatch("narrower", round(max(0.5, 0.85 - 0.05 * extra), 3))
    differing = len(asked.qualifiers ^ topic.qualifiers)
    return FrameMatch("same", round(max(0.6, 1.0 - 0.05 * differing), 3))


def relate_backed(asked: Frame, topic: Frame) -> tuple[FrameMatch, frozenset[str]] | None:
    """A topic that lacks only arguments the question names before its issue, as who
    imposes or holds it ("EU duties on Chinese EVs" and the topic "tariffs on Chinese
    electric cars"), and names none the question does not: broader, and an answer only
    where those actors back the topic, which the caller checks (with the arguments to
    check). "Russian troops in Ukraine" never finds "Western troops in Ukraine" this way
    unless Russia backs them."""
    missing = asked.arguments - topic.arguments
    if not missing or not missing <= asked.leading or not topic.arguments <= asked.arguments:
        return None
    match = relate(replace(asked, arguments=asked.arguments - missing), topic)
    if match is None or match.relation != "same":
        return None
    return FrameMatch("backed", round(0.75 * match.score, 3)), missing


def relate_by_meaning(
    asked: Frame, topic: Frame, similarity: float, threshold: float
) -> FrameMatch | None:
    """How a topic answers a question when no issue word decides (one of the two names no
    known issue), by how similar their issue wordings are: the arguments still decide, so
    a topic lacking an argument asked for, or naming another instead, never answers; nor
    does one moving the issue another way."""
    if asked.head is not None and topic.head is not None:
        return None  # issue words read both: they decide ("sanctions" is not "tariffs")
    if not asked.arguments <= topic.arguments or similarity < threshold:
        return None
    if directions(asked.wording) != directions(topic.wording):
        return None  # "raising the minimum wage" is not "lowering" it, however near
    extra = len(topic.arguments - asked.arguments)
    score = round(max(0.5, min(similarity, 0.95) - 0.05 * extra), 3)
    return FrameMatch("narrower" if extra else "similar", score, similarity)


def _words(phrase: str) -> list[str]:
    """Folded words, possessives and hyphens split off ("Russia-NATO" -> russia, nato),
    dotted acronyms closed up ("U.S." -> us)."""
    out = []
    phrase = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), phrase)
    for match in _WORD.finditer(phrase.replace("-", " ")):
        word = fold(match.group(0))
        out.extend(w for w in word.split() if w != "s")
    return out


def _entity_at(words: list[str], i: int, resolve: Resolver) -> tuple[int, str | None]:
    """The longest entity name starting at word i (a demonym counts: "Russian")."""
    for size in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
        name = " ".join(words[i : i + size])
        if size == 1 and (name in STOP or name in PREPOSITIONS or name in VAGUE):
            return 1, None
        entity = resolve(name) or (resolve(DEMONYMS[name]) if name in DEMONYMS else None)
        if entity:
            return size, entity
    return 1, None


def _issue_at(words: list[str], i: int) -> tuple[int, str | None]:
    """The longest issue phrase starting at word i ("taking part", "phase out")."""
    families = issue_words()
    for size in (4, 3, 2, 1):
        family = families.get(tuple(words[i : i + size]))
        if family:
            return size, family
    return 1, None


# Nouns whose "of" or "for" names the issue they carry: a proposal, plan or call for X.
_WRAPPING = (
    frozenset(cues.NOUNS) | cues.AIMS | cues.WRAPPERS | cues.PHASES
    | frozenset(cues.WRAPPING_PREPOSITIONS)
)  # fmt: skip


def _headed_elsewhere(words: list[str], first_preposition: int, issues: list) -> bool:
    """Whether the noun before a phrase's first preposition is a word of its own, no issue
    and no word of reference: "review of sanctions" is not about sanctions as such, while
    "the question of sanctions" is."""
    if first_preposition == 0 or first_preposition >= len(words):
        return False
    head = words[first_preposition - 1]
    if any(i == first_preposition - 1 for i, _ in issues) or head in STOP:
        return False
    wrapping = not_issues() | _WRAPPING  # "the question of X", "a proposal for X": X
    return _singular(head) not in wrapping and head not in wrapping


def _head(issues: list[tuple[int, str]], first_preposition: int) -> str | None:
    """The issue a phrase is about: the last before its first preposition ("security
    guarantees for X": guarantees), else the first after it; a theme ("troops") only when
    the phrase names no other issue."""
    ranked = [f for i, f in issues if i < first_preposition and f not in THEMES][-1:]
    ranked += [f for i, f in issues if i >= first_preposition and f not in THEMES][:1]
    ranked += [f for i, f in issues if i < first_preposition][-1:] + [f for _, f in issues][:1]
    return ranked[0] if ranked else None


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
