"""Doc -> claims: who supports, opposes, demands, proposes, criticises, accuses or
meets whom or what, read from the dependency parse (never from co-occurrence).

Patterns, each general English:
  verbs       "X rejects Y", "Y was rebuffed by X", "X calls for Y", "X and Z ignored"
  control     "X proposes to exclude Y" (negative content: opposition to Y)
  nouns       "Russia's demand for Y", "Russian proposals on Y", "Moscow presented demands"
  meetings    "talks with X", "negotiations between X and Y", "X met Y"
  predicates  "Y should be out of the question, X said", "Y is impossible without Z"
  speech      the speaker of "X said (that) ..." / "..., X said" / "according to X" is
              credited with first-person stances in the clause, and recorded as speaker
  negation    "will not support Y" is opposition, never support
Pronouns resolve to the last person mentioned; "his country" to that person's
role holder; "the Russian president" to the person holding that role.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from loaders import cues
from loaders.ontology import Label, Predicate
from loaders.roles import ROLE_HEADS, Role
from loaders.topics import nominal, phrase, separate_items, surface_text

ACTORS = {Label.PERSON, Label.COUNTRY, Label.ORGANIZATION, Label.GROUP}
TARGETS = ACTORS | {Label.AGREEMENT, Label.EVENT, Label.TOPIC}
_SUPPORT_CLASS = {Predicate.SUPPORTS, Predicate.DEMANDS, Predicate.PROPOSES}
_ASKING = {Predicate.DEMANDS, Predicate.PROPOSES}  # their actor targets are addressees
_EVALUATING = {Predicate.SUPPORTS, Predicate.OPPOSES, Predicate.CRITICIZES, Predicate.ACCUSES}
_SUBJECTS = {"nsubj", "csubj"}
_OBJECTS = {"dobj", "attr", "oprd"}
# Whose noun it is: "Russia's demand", "Russian proposals"; the parser sometimes
# reads "Kiev's push" as a subject, so nsubj counts too.
_OWNER_DEPS = {"poss", "amod", "compound", "nmod", "nsubj"}


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
    surfaces: dict[str, set[str]] = field(default_factory=dict)  # topic phrase -> as written

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


def claims(ctx: Context) -> list[Claim]:
    """Every claim in the doc, one per (subject, predicate, target, sentence)."""
    found: dict[tuple, Claim] = {}
    for sentence in ctx.doc.sents:
        speaker = speaker_of(sentence, ctx)
        for token in sentence:
            for claim in _token_claims(token, ctx, speaker):
                for credited in (claim, _official(claim, ctx)):
                    if credited is not None and credited.subject != credited.target:
                        key = (
                            credited.subject,
                            credited.predicate,
                            credited.target,
                            sentence.start,
                        )
                        found.setdefault(key, credited)
    return list(found.values())


def _official(claim: Claim, ctx: Context) -> Claim | None:
    """The speaker holds the stance they report for the state they serve."""
    speaker = claim.speaker
    if speaker and speaker != claim.subject and ctx.holder_of(speaker) == claim.subject:
        return replace(claim, subject=speaker)
    return None


def _token_claims(token: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    if token.pos_ in {"VERB", "AUX"} or token.dep_ == "ROOT":
        yield from _verb_claims(token, ctx, speaker)
        yield from _predicative_claims(token, ctx, speaker)
        yield from _modal_claims(token, ctx, speaker)
    if token.pos_ == "ADJ":
        yield from _adjective_claims(token, ctx, speaker)
    if token.pos_ == "VERB":
        yield from _reported_accusation(token, ctx, speaker)
        yield from _hope_claims(token, ctx, speaker)
    if token.pos_ in {"NOUN", "PROPN"}:
        yield from _noun_claims(token, ctx, speaker)
        yield from _meeting_claims(token, ctx, speaker)


# --- who is speaking, who is acting --------------------------------------------------


def speaker_of(sentence: Span, ctx: Context) -> str | None:
    """Who the sentence reports as speaking: "X said ...", "..., X said", "according to X",
    or a headline's "...: Putin"."""
    headline = _headline_speaker(sentence, ctx)
    if headline:
        return headline
    for token in sentence:
        if token.lemma_ in cues.SAYING and token.pos_ == "VERB":
            subject = _subject(token)
            actor = resolve_actor(subject, ctx, None) if subject is not None else None
            if actor:
                return actor
        if token.lower_ == "according" and token.i + 2 <= sentence.end:
            for child in token.subtree:
                actor = ctx.entity(child) if child.dep_ == "pobj" else None
                if actor:
                    return actor
    return None


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


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if verb.dep_ in {"xcomp", "conj", "advcl", "pcomp"} and verb.head is not verb:
        return _subject(verb.head)
    return None


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in {"never", "no"} for c in token.children)


# --- targets -------------------------------------------------------------------------


def _targets(tokens: list[Token], ctx: Context, negative: bool = False) -> Iterator[Target]:
    """The entity or topic each target head (and its conjuncts) names."""
    for head in tokens:
        for token in (head, *head.conjuncts, *separate_items(head)):
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
    elif _negative_content(token) and token.pos_ == "NOUN":
        yield from _targets(_objects(token, ("on", "of", "to")), ctx, not negative)
    elif token.pos_ in {"NOUN", "PROPN"}:
        text = phrase(token, names=ctx.names_at())
        if text:
            ctx.surfaces.setdefault(text, set()).add(surface_text(token))
            yield Target(text, True, negative)


def _membership(verb: Token, ctx: Context) -> str | None:
    """ "Ukraine joins NATO", "Kiev's push to join NATO" -> "NATO membership for Ukraine"."""
    bodies = (ctx.entity(o, {Label.ORGANIZATION}) for o in _objects(verb, ("into", "to")))
    body = next((b for b in bodies if b), None)
    if body is None:
        return None
    subject = _subject(verb) if verb.dep_ not in {"xcomp", "acl"} else None
    joiner = resolve_actor(subject, ctx, None) if subject is not None else None
    owner = next((c for c in verb.head.children if c.dep_ in {"poss", "nsubj"}), None)
    if joiner is None and owner is not None:
        joiner = resolve_actor(owner, ctx, None)
    name = ctx.names.get(body, body)
    if joiner in ctx.names:
        return f"{name} membership for {ctx.names[joiner]}"
    return f"{name} membership"


def _objects(verb: Token, prepositions: tuple[str, ...] = ()) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in _OBJECTS]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            found.extend(c for c in child.children if c.dep_ in {"pobj", "pcomp"})
    return found


def _negative_content(token: Token) -> bool:
    return token.lemma_.lower() in cues.NEGATIVE_CONTENT or token.lower_.startswith("non-")


def _content_objects(token: Token) -> Iterator[tuple[Token, bool]]:
    """Objects of an infinitival complement: "to exclude X" (opposition), "to provide X"."""
    for child in token.children:
        if child.dep_ in {"xcomp", "acl", "ccomp"} and child.pos_ == "VERB":
            if child.lemma_.lower() in cues.JOINING:
                yield child, False  # the membership itself is the content
                continue
            negative = _negative_content(child) != _negated(child)
            for obj in _objects(child, ("for", "to", "on")):
                yield obj, negative
            for deeper, deeper_negative in _content_objects(child):
                yield deeper, negative != deeper_negative


def _claims_for(
    ctx: Context,
    subjects: list[str],
    predicate: Predicate,
    targets: list[Target],
    token: Token,
    *,
    negated: bool,
    speaker: str | None,
    confidence: float,
) -> Iterator[Claim]:
    for subject in subjects:
        for target, topic, negative in targets:
            claimed = predicate
            if negated != negative:
                if predicate not in _SUPPORT_CLASS:
                    continue
                claimed = Predicate.OPPOSES
            if claimed in _ASKING and not topic and ctx.labels.get(target) in ACTORS:
                continue  # "urged the West to ...", "demands to NATO": an addressee
            yield Claim(subject, claimed, target, topic, token.sent, negated, speaker, confidence)


# --- the patterns ----------------------------------------------------------------------


def _verb_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    lemma = verb.lemma_.lower()
    prepositional = cues.VERB_PREPOSITIONS.get(lemma)
    predicate = cues.VERBS.get(lemma) or (prepositional[0] if prepositional else None)
    if predicate is None or (lemma == "accept" and not _negated(verb)):
        return
    subject = _subject(verb)
    subjects = actors(subject, ctx, speaker) if subject is not None else []
    if not subjects:
        return
    negated = _negated(verb)
    options = dict(negated=negated, speaker=speaker)
    if predicate in {Predicate.ACCUSES, Predicate.CRITICIZES}:
        targets = list(_accused(verb, ctx))
        yield from _claims_for(ctx, subjects, predicate, targets, verb, **options, confidence=0.8)
        return
    direct = _objects(verb, prepositional[1] if prepositional else ())
    if lemma not in cues.VERBS:  # "argue for X": only the prepositional object counts
        direct = [d for d in direct if d.dep_ in {"pobj", "pcomp"}]
        yield from _claims_for(
            ctx, subjects, predicate, list(_targets(direct, ctx)), verb, **options, confidence=0.7
        )
        return
    if _is_passive(verb):
        direct = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not direct:
        direct = _clause_subjects(verb)
    yield from _claims_for(
        ctx, subjects, predicate, list(_targets(direct, ctx)), verb, **options, confidence=0.8
    )
    for obj, negative in _content_objects(verb):
        targets = list(_targets([obj], ctx, negative))
        yield from _claims_for(ctx, subjects, predicate, targets, verb, **options, confidence=0.7)


def _clause_subjects(verb: Token) -> list[Token]:
    """ "insisted that sanctions must remain": what the content clause is about."""
    return [
        subject
        for clause in verb.children
        if clause.dep_ == "ccomp"
        for subject in clause.children
        if subject.dep_ in {"nsubj", "nsubjpass"} and subject.pos_ == "NOUN"
    ]


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ == "nsubjpass" for c in verb.children) and any(
        c.dep_ == "agent" for c in verb.children
    )


def _accused(verb: Token, ctx: Context) -> Iterator[Target]:
    """Entities accused or criticised: the object, or the owner of the object."""
    for obj in _objects(verb):
        for token in (obj, *obj.conjuncts):
            entity = ctx.entity(token)
            owner = next(
                (c for c in token.children if c.dep_ in {"poss", "compound"} and ctx.entity(c)),
                None,
            )
            if entity or owner is not None:
                yield Target(entity or ctx.entity(owner), False)  # type: ignore[arg-type]


def _noun_claims(noun: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    predicate = cues.NOUNS.get(noun.lemma_.lower())
    if predicate is None:
        return
    subjects = _noun_actors(noun, ctx, speaker)
    if not subjects:
        return
    options = dict(negated=_governing_negation(noun), speaker=speaker, confidence=0.7)
    direct = _objects(noun, ("for", "on", "to", "over", "of"))
    if not direct and noun.dep_ == "pobj" and noun.head.head.lemma_ in cues.MEETING_NOUNS:
        return
    yield from _claims_for(ctx, subjects, predicate, list(_targets(direct, ctx)), noun, **options)
    for obj, negative in _content_objects(noun):
        targets = list(_targets([obj], ctx, negative))
        yield from _claims_for(ctx, subjects, predicate, targets, noun, **options)
    for item in _listed(noun):
        targets = list(_targets([item], ctx))
        yield from _claims_for(ctx, subjects, predicate, targets, noun, **options)


def _governing_negation(noun: Token) -> bool:
    """Whether the verb a noun is the object of is negated: "has not expressed its support"."""
    head = noun.head
    while head.dep_ in {"prep", "pobj", "dobj"} and head.head is not head:
        head = head.head
    return head.lemma_.lower() in cues.EXPRESSING and _negated(head)


def _listed(noun: Token) -> Iterator[Token]:
    """Items listed after a cue noun: "three key demands - preventing X, Y and Z"."""
    for child in noun.children:
        if child.dep_ in {"appos", "acl"} and child.pos_ in {"NOUN", "VERB"}:
            yield from (child, *child.conjuncts)


def _noun_actors(noun: Token, ctx: Context, speaker: str | None) -> list[str]:
    """Whose demand or proposal: possessor, demonym, or the subject of the verb it is under."""
    for child in noun.children:
        if child.dep_ in _OWNER_DEPS:
            actor = resolve_actor(child, ctx, speaker)
            if actor:
                return [actor]
    head, hops = noun, 0
    while head.dep_ in {"pobj", "dobj", "prep", "conj", "appos"} and hops < 4:
        head, hops = head.head, hops + 1
        if head.pos_ == "VERB":
            if cues.VERBS.get(head.lemma_.lower()) in _EVALUATING:
                return []  # "Poland rejected the proposal": someone else's proposal
            subject = _subject(head)
            return actors(subject, ctx, speaker) if subject is not None else []
    return []


def _meeting_claims(noun: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    if noun.lower_ not in cues.MEETING_NOUNS:
        return
    options = dict(negated=False, speaker=speaker, confidence=0.7)
    for prep in noun.children:
        if prep.dep_ != "prep":
            continue
        partners = [ctx.entity(t) for t in _pobj_and_conjuncts(prep)]
        partners = [p for p in partners if p]
        if prep.lower_ == "between" and len(partners) >= 2:
            yield from _claims_for(
                ctx,
                partners[:1],
                Predicate.MEETS,
                [Target(p, False) for p in partners[1:]],
                noun,
                **options,
            )
        elif prep.lower_ == "with" and partners:
            hosts = _noun_actors(noun, ctx, speaker) or ([speaker] if speaker else [])
            yield from _claims_for(
                ctx, hosts, Predicate.MEETS, [Target(p, False) for p in partners], noun, **options
            )


def _pobj_and_conjuncts(prep: Token) -> list[Token]:
    found = []
    for child in prep.children:
        if child.dep_ == "pobj":
            found.extend((child, *child.conjuncts))
            found.extend(c for c in child.children if c.dep_ == "preconj")
    return found


def _predicative_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """A reported judgement on a topic: "Y should be out of the question, X said"."""
    if speaker is None or verb.lemma_ != "be":
        return
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or ctx.entity(subject) or subject.lower_ in cues.FIRST_PERSON:
        return
    judged = [t for c in verb.children if c.dep_ in {"acomp", "attr", "prep"} for t in c.subtree]
    words = {t.lemma_.lower() for t in judged}
    options = dict(negated=False, speaker=speaker, confidence=0.6)
    without = [c for t in judged if t.lower_ == "without" for c in t.children if c.dep_ == "pobj"]
    if without:
        yield from _claims_for(
            ctx, [speaker], Predicate.SUPPORTS, list(_targets(without, ctx)), verb, **options
        )
    elif words & cues.OPPOSING_PREDICATES:
        yield from _claims_for(
            ctx, [speaker], Predicate.OPPOSES, list(_targets([subject], ctx)), verb, **options
        )
    elif words & cues.SUPPORTING_PREDICATES:
        yield from _claims_for(
            ctx, [speaker], Predicate.SUPPORTS, list(_targets([subject], ctx)), verb, **options
        )


def _adjective_claims(adjective: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "X is interested in Y", "X is opposed to Y"."""
    cue = cues.ADJECTIVES.get(adjective.lower_)
    if cue is None or adjective.dep_ not in {"acomp", "amod", "advcl"}:
        return
    predicate, prepositions = cue
    subject = _subject(adjective.head)
    subjects = actors(subject, ctx, speaker) if subject is not None else []
    targets = list(_targets(_objects(adjective, prepositions), ctx))
    negated = _negated(adjective.head)
    yield from _claims_for(
        ctx,
        subjects,
        predicate,
        targets,
        adjective,
        negated=negated,
        speaker=speaker,
        confidence=0.75,
    )


def _modal_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """In reported speech, "Y must be given" or "they should give Y": the speaker demands Y."""
    if speaker is None or not any(c.lower_ in cues.DEONTIC for c in verb.children):
        return
    if verb.lemma_.lower() in cues.VERBS or verb.lemma_ == "be":
        return  # the verb's own cue, or a judgement, says more than the modal
    negative = _negative_content(verb)
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    targets = [t for t in _targets(objects, ctx) if t.topic]
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    named = nominal(verb, passive) if passive is not None and not targets else None
    if named:
        targets, negative = [Target(named, True)], False
    predicate = Predicate.OPPOSES if negative else Predicate.DEMANDS
    yield from _claims_for(
        ctx,
        [speaker],
        predicate,
        targets,
        verb,
        negated=_negated(verb),
        speaker=speaker,
        confidence=0.6,
    )


def _reported_accusation(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "the US and NATO ignored our demands, Putin said": Putin accuses them."""
    if speaker is None or verb.lemma_.lower() not in cues.ACCUSING_VERBS:
        return
    subject = _subject(verb)
    accused = actors(subject, ctx, None) if subject is not None else []
    targets = [Target(a, False) for a in accused if a != speaker]
    yield from _claims_for(
        ctx,
        [speaker],
        Predicate.ACCUSES,
        targets,
        verb,
        negated=_negated(verb),
        speaker=speaker,
        confidence=0.6,
    )


def _hope_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "he hopes that the dialogue will continue": support for what the clause is about."""
    if verb.lemma_.lower() not in cues.HOPING:
        return
    subject = _subject(verb)
    subjects = actors(subject, ctx, speaker) if subject is not None else []
    targets = [t for t in _targets(_clause_subjects(verb), ctx) if t.topic]
    yield from _claims_for(
        ctx,
        subjects,
        Predicate.SUPPORTS,
        targets,
        verb,
        negated=_negated(verb),
        speaker=speaker,
        confidence=0.6,
    )
