"""The arguments of a claim: who acts, who is speaking, and what the claim is about.

Pronouns resolve to the last person mentioned; "his country" to that person's
role holder; "the Russian president" to the person holding that role. Targets
are entities, or topic phrases (`loaders.topics`); a negative-content word
("exclude", "a ban on") flips support for its object into opposition.
"""

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from loaders import cues
from loaders.ontology import Label, Predicate
from loaders.roles import ROLE_HEADS, Role
from loaders.topics import (
    event_phrase,
    gerund_phrase,
    heads_own_phrase,
    phrase,
    render,
    separate_items,
    surface_text,
    written,
)

ACTORS = {Label.PERSON, Label.COUNTRY, Label.ORGANIZATION, Label.GROUP}


TARGETS = ACTORS | {Label.AGREEMENT, Label.EVENT, Label.TOPIC}


SUBJECT_DEPS = {"nsubj", "csubj"}


OBJECT_DEPS = {"dobj", "attr", "oprd"}


# Whose noun it is: "Russia's demand", "Russian proposals"; the parser sometimes
# reads "Kiev's push" as a subject, so nsubj counts too.
OWNER_DEPS = {"poss", "amod", "compound", "nmod", "nsubj"}


class Target(NamedTuple):
    """What a claim is about: an entity id, or a topic phrase; negative flips support."""

    value: str
    topic: bool
    negative: bool = False


@dataclass(frozen=True)
class Claim:
    """One assertion of a relation, before topics become entities."""

    subject: str
    predicate: Predicate
    target: str  # an entity id, or a topic phrase when topic is True
    topic: bool
    sentence: Span
    negated: bool = False
    speaker: str | None = None
    confidence: float = 0.7


@dataclass
class Context:
    """What the patterns need to know about one parsed article."""

    doc: Doc
    entity_at: Mapping[int, str]
    labels: Mapping[str, Label]
    roles: list[Role] = field(default_factory=list)
    names: Mapping[str, str] = field(default_factory=dict)
    members: Mapping[str, frozenset[str]] = field(default_factory=dict)  # organization -> states
    surfaces: dict[str, set[str]] = field(default_factory=dict)  # topic phrase -> as written
    meetings: dict[int, tuple[set[str], str]] = field(default_factory=dict)  # noun -> who, text

    def note_meeting(self, noun: Token, prep: Token, participants: set[str]) -> None:
        """A gathering named by a noun ("talks with X", "consultations in Geneva"): its
        participants gathered over all its complements, its name from the first."""
        if noun.lower_ not in cues.GATHERINGS or not participants:
            return
        who, _ = self.meetings.setdefault(noun.i, (set(), event_phrase(noun, prep)))
        who.update(participants)

    def names_at(self) -> dict[int, str]:
        """Token index -> canonical name of the entity there (for topic phrases)."""
        return {i: self.names[e] for i, e in self.entity_at.items() if e in self.names}

    def entity(self, token: Token, allowed: set[Label] = ACTORS) -> str | None:
        """The entity a token is part of, if its label is allowed."""
        entity = self.entity_at.get(token.i)
        return entity if entity and self.labels.get(entity) in allowed else None

    def last_person(self, before: int) -> str | None:
        """The person mentioned last before a token index."""
        for i in range(before - 1, -1, -1):
            entity = self.entity_at.get(i)
            if entity and self.labels.get(entity) is Label.PERSON:
                return entity
        return None

    def member_meant(self, noun: Token) -> str | None:
        """ "the EU nation": the one member state of that organization the article is about
        (mentioned most, and more than any other member)."""
        if noun.lower_ not in cues.STATE_NOUNS:
            return None
        bodies = [self.entity(c, {Label.ORGANIZATION}) for c in noun.children]
        states = set().union(*(self.members.get(b, frozenset()) for b in bodies if b))
        mentions = Counter(
            e for i, e in self.entity_at.items() if e in states and self.entity_at.get(i - 1) != e
        ).most_common(2)
        if not mentions or (len(mentions) == 2 and mentions[0][1] == mentions[1][1]):
            return None
        return mentions[0][0]

    def holder_of(self, person: str | None) -> str | None:
        """The country or organization a person holds a role in."""
        return next((r.holder for r in self.roles if r.person == person), None)

    def person_titled(self, head: Token) -> str | None:
        """The one person whose role matches "the [Russian] president"."""
        holders = {self.entity(t, {Label.COUNTRY, Label.ORGANIZATION}) for t in head.children}
        holders.discard(None)
        people = {
            r.person
            for r in self.roles
            if head.lower_ in r.title.lower() and (not holders or r.holder in holders)
        }
        return people.pop() if len(people) == 1 else None


def speaker_of(sentence: Span, ctx: Context) -> str | None:
    """Who the sentence reports as speaking: "X said ...", "..., X said", "according to X",
    or a headline's "...: Putin"."""
    headline = _headline_speaker(sentence, ctx)
    if headline:
        return headline
    for token in sentence:
        if token.lemma_ in cues.SAYING and token.pos_ == "VERB":
            subject = subject_of(token)
            actor = resolve_actor(subject, ctx, None) if subject is not None else None
            if actor:
                return actor
        if token.lower_ == "according" and token.i + 2 <= sentence.end:
            for child in token.subtree:
                actor = ctx.entity(child) if child.dep_ == "pobj" else None
                if actor:
                    return actor
    return None


OPENING_QUOTES = {"“", "«"}
CLOSING_QUOTES = {"”", "»"}


def quoted_speakers(sentences: list[Span], speakers: list[str | None]) -> list[str | None]:
    """Speakers with each quotation's speaker given to all its sentences: in
    "“Tension must be reduced. ... We hope it will continue,” he said." the first
    sentence is his too. A quotation ends at its closing mark or its paragraph."""
    out = list(speakers)
    run: list[int] = []
    for index, sentence in enumerate(sentences):
        run.append(index)
        still_open = _open_after(sentence, bool(run[:-1]))
        paragraph_ends = (
            index + 1 < len(sentences)
            and "\n" in sentence.doc[sentence.end - 1 : sentences[index + 1].start + 1].text
        )
        if not still_open or paragraph_ends:
            credited = next((out[i] for i in reversed(run) if out[i]), None)
            for i in run:
                out[i] = out[i] or credited
            run = []
    return out


def _open_after(sentence: Span, open_before: bool) -> bool:
    """Whether a quotation is still open at the end of the sentence."""
    is_open = open_before
    for token in sentence:
        if token.text in OPENING_QUOTES:
            is_open = True
        elif token.text in CLOSING_QUOTES:
            is_open = False
        elif token.text == '"':
            is_open = not is_open
    return is_open


def _headline_speaker(sentence: Span, ctx: Context) -> str | None:
    """ "West ignored Russia's key demands: Putin": a person named alone after a colon."""
    colons = [t.i for t in sentence if t.text == ":"]
    if not colons:
        return None
    tail = [
        t for t in sentence.doc[colons[-1] + 1 : sentence.end] if not (t.is_punct or t.is_space)
    ]
    people = {ctx.entity(t, {Label.PERSON}) for t in tail}
    return people.pop() if len(people) == 1 and None not in people else None


def resolve_actor(token: Token, ctx: Context, speaker: str | None) -> str | None:
    """The entity a subject-like token stands for, through pronouns and descriptions."""
    direct = ctx.entity(token)
    if direct:
        return direct
    lower = token.lower_
    if lower in cues.FIRST_PERSON:
        return speaker or ctx.last_person(token.i)
    if lower in cues.PERSONAL_PRONOUNS:
        return ctx.last_person(token.i)
    for child in token.children:
        if child.dep_ == "appos" and ctx.entity(child):
            return ctx.entity(child)
    member = ctx.member_meant(token)
    if member:
        return member
    if lower in {"country", "government", "nation", "state"}:
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None:
            return ctx.holder_of(resolve_actor(owner, ctx, speaker))
    if lower in ROLE_HEADS and any(c.lower_ == "the" for c in token.children):
        return ctx.person_titled(token)
    return None


def actors(token: Token, ctx: Context, speaker: str | None) -> list[str]:
    """The actors of a subject token and its conjuncts ("the US and NATO")."""
    found = [resolve_actor(t, ctx, speaker) for t in (token, *token.conjuncts)]
    return list(dict.fromkeys(a for a in found if a))


def acting_subjects(verb: Token, ctx: Context, speaker: str | None) -> list[str]:
    """The actors that are the subject of a verb (or of the clause it depends on)."""
    subject = subject_of(verb)
    return actors(subject, ctx, speaker) if subject is not None else []


def subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if verb.dep_ in {"xcomp", "conj", "advcl", "pcomp"} and verb.head is not verb:
        return subject_of(verb.head)
    return None


def is_negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in {"never", "no"} for c in token.children)


def targets_in(tokens: list[Token], ctx: Context, negative: bool = False) -> Iterator[Target]:
    """The entity or topic each target head (and its conjuncts) names, and the separate
    items coordinated under it ("the expansion of X and the accession of Y")."""
    for head in tokens:
        # a negative word sorts out its own objects (see _target)
        listed = separate_items(head) if not negative_content(head) else []
        for token in (head, *head.conjuncts, *listed):
            yield from _target(token, ctx, negative)


def _target(token: Token, ctx: Context, negative: bool) -> Iterator[Target]:
    entity = ctx.entity(token, TARGETS)
    if entity:
        yield Target(entity, False, negative)
    elif token.lemma_.lower() in cues.JOINING:
        membership = _membership(token, ctx)
        if membership:
            yield Target(membership, True, negative)
    elif token.lemma_.lower() in cues.CONTAINERS:
        return  # "a list of demands": the cue noun inside speaks for itself
    elif token.lower_ in cues.GATHERINGS:
        return  # "his meeting with Putin is important": a gathering (an Event), not an issue
    elif token.lemma_.lower() in cues.WRAPPERS and (wrapped := _wrapped(token)):
        yield from _wrapped_targets(token, wrapped, ctx, negative)
    elif negative_content(token) and token.pos_ == "NOUN":
        # "the cessation of X and the return of Y": Y is a demand of its own
        for obj in objects_of(token, ("on", "of", "to")):
            parallel = [c for c in obj.conjuncts if heads_own_phrase(c)] + separate_items(obj)
            for scoped in (obj, *(c for c in obj.conjuncts if c not in parallel)):
                yield from _target(scoped, ctx, not negative)
            for item in parallel:
                yield from _target(item, ctx, negative)
    elif token.lemma_.lower() in cues.JOINING_NOUNS and _accession(token, ctx):
        yield Target(_accession(token, ctx), True, negative)  # type: ignore[arg-type]
    elif token.pos_ == "VERB" and token.tag_ == "VBG":
        yield from _gerund(token, ctx, negative)
    elif token.pos_ in {"NOUN", "PROPN"}:
        text = phrase(token, names=ctx.names_at())
        if text:
            seen = ctx.surfaces.setdefault(text, set())
            seen.update(s for s in (surface_text(token), written(token)) if s)
            for named in _for_beneficiaries(text, token, ctx):
                yield Target(named, True, negative)


def _gerund(verb: Token, ctx: Context, negative: bool) -> Iterator[Target]:
    """ "preventing X" opposes X; "returning X to Y" names the topic "return of X to Y"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if negative_content(verb):
        yield from targets_in(objects, ctx, not negative)
        return
    text = gerund_phrase(verb, objects[0], names=ctx.names_at()) if objects else None
    if text:
        ctx.surfaces.setdefault(text, set()).update(s for s in [written(verb)] if s)
        yield Target(text, True, negative)


def _wrapped(noun: Token) -> Token | None:
    """What "the notion of X", "the prospect of X" is about: X."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def _wrapped_targets(noun: Token, inner: Token, ctx: Context, negative: bool) -> Iterator[Target]:
    """ "the notion of Beijing and Moscow having a role in X": the topic is the clause after
    "of"; "the idea of a ceasefire": the topic is the ceasefire."""
    clause = next((c for c in noun.children if c.dep_ == "acl" and c.i > inner.i), None)
    if clause is None:
        yield from targets_in([inner], ctx, negative)
        return
    tokens = sorted({*inner.subtree, *clause.subtree}, key=lambda t: t.i)
    text, as_written = render(tokens, ctx.names_at()), render(tokens, {})
    if text:
        ctx.surfaces.setdefault(text, set()).add(as_written)
        yield Target(text, True, negative)


def _for_beneficiaries(text: str, token: Token, ctx: Context) -> list[str]:
    """ "give security guarantees to Russia" -> "security guarantees for Russia": what is
    given is a topic for each beneficiary the giving verb names."""
    verb = token.head
    if token.dep_ != "dobj" or verb.lemma_.lower() not in cues.GIVING:
        return [text]
    preps = [c for c in verb.children if c.dep_ in {"dative", "prep"} and c.lower_ in {"to", "for"}]
    preps += [conj for p in preps for conj in p.conjuncts]
    names = [ctx.names.get(e) for p in preps for e in _pobj_entities(p, ctx)]
    named = [f"{text} for {n}" for n in dict.fromkeys(names) if n and n not in text]
    return named or [text]


def _pobj_entities(prep: Token, ctx: Context) -> list[str]:
    found = [ctx.entity(t) for c in prep.children if c.dep_ == "pobj" for t in (c, *c.conjuncts)]
    return [e for e in found if e]


def _accession(noun: Token, ctx: Context) -> str | None:
    """ "the accession of Ukraine", "Ukraine's membership of the alliance", beside an
    organization in the sentence -> "NATO membership for Ukraine"."""
    states = {Label.COUNTRY}
    owners = [ctx.entity(c, states) for c in noun.children if c.dep_ in {"poss", "nsubj"}]
    complements = [t for p in noun.children if p.dep_ == "prep" for t in p.subtree]
    joiners = [j for j in owners + [ctx.entity(t, states) for t in complements] if j]
    bodies = sorted(
        (abs(t.i - noun.i), ctx.entity_at[t.i])
        for t in noun.sent
        if ctx.entity(t, {Label.ORGANIZATION})
    )
    if not joiners or not bodies:
        return None
    body, joiner = bodies[0][1], joiners[0]
    return f"{ctx.names.get(body, body)} membership for {ctx.names.get(joiner, joiner)}"


def _membership(verb: Token, ctx: Context) -> str | None:
    """ "Ukraine joins NATO", "Kiev's push to join NATO" -> "NATO membership for Ukraine"."""
    bodies = (ctx.entity(o, {Label.ORGANIZATION}) for o in objects_of(verb, ("into", "to")))
    body = next((b for b in bodies if b), None)
    if body is None:
        return None
    subject = subject_of(verb) if verb.dep_ not in {"xcomp", "acl"} else None
    joiner = resolve_actor(subject, ctx, None) if subject is not None else None
    owner = next((c for c in verb.head.children if c.dep_ in {"poss", "nsubj"}), None)
    if joiner is None and owner is not None:
        joiner = resolve_actor(owner, ctx, None)
    name = ctx.names.get(body, body)
    if joiner in ctx.names:
        return f"{name} membership for {ctx.names[joiner]}"
    return f"{name} membership"


def objects_of(verb: Token, prepositions: tuple[str, ...] = ()) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            found.extend(c for c in child.children if c.dep_ in {"pobj", "pcomp"})
    return found


def negative_content(token: Token) -> bool:
    return token.lemma_.lower() in cues.NEGATIVE_CONTENT or token.lower_.startswith("non-")


def content_objects(token: Token) -> Iterator[tuple[Token, bool]]:
    """Objects of an infinitival complement: "to exclude X" (opposition), "to provide X"."""
    for child in _complement_verbs(token):
        if child.lemma_.lower() in cues.JOINING:
            yield child, False  # the membership itself is the content
            continue
        negative = negative_content(child) != is_negated(child)
        for obj in objects_of(child, ("for", "to", "on")):
            yield obj, negative
        for deeper, deeper_negative in content_objects(child):
            yield deeper, negative != deeper_negative


def _complement_verbs(token: Token) -> Iterator[Token]:
    """Verbs completing token: "to exclude", "that ... must", "(think) about how to give"."""
    for child in token.children:
        if child.dep_ in {"xcomp", "acl", "ccomp"} and child.pos_ == "VERB":
            yield child
        elif child.dep_ == "prep" and child.lower_ in {"about", "on", "of"}:
            yield from (g for g in child.children if g.dep_ == "pcomp" and g.pos_ == "VERB")


def clause_subjects(verb: Token) -> list[Token]:
    """ "insisted that sanctions must remain": what the content clause is about."""
    return [
        subject
        for clause in verb.children
        if clause.dep_ == "ccomp"
        for subject in clause.children
        if subject.dep_ in {"nsubj", "nsubjpass"} and subject.pos_ == "NOUN"
    ]
