"""Doc -> claims: who supports, opposes, demands, proposes, criticises, accuses or
meets whom or what, read from the dependency parse (never from co-occurrence).

Patterns, each general English:
  verbs       "X rejects Y", "Y was rebuffed by X", "X calls for Y", "X and Z ignored"
  control     "X proposes to exclude Y" (negative content: opposition to Y)
  intention   "X vowed to close its border": support for the closure of X's border
  phrases     "X voted in favour of Y", "X threw its weight behind Y", "X is against Y"
  warning     "X warned that Y would hurt Z": X criticises Y
  leaving     "X withdrew from the Paris Agreement": X opposes the agreement
  votes       "X voted against" (the object left out): the issue at hand, the topic or
              agreement named last
  account     "X holds Y responsible", "Y must be held accountable, X said": X accuses Y
  nouns       "Russia's demand for Y", "Russian proposals on Y", "Moscow presented demands"
  meetings    "talks with X", "negotiations between X and Y", "X met Y"
  predicates  "Y should be out of the question, X said", "Y is impossible without Z"
  means       "peace can be kept through Y", X said: X proposes Y
  speech      the speaker of "X said (that) ..." / "..., X said" / "according to X" is
              credited with first-person stances in the clause, and recorded as speaker;
              a quotation running over several sentences has one speaker
  negation    "will not support Y" is opposition, never support
Pronouns resolve to the last person mentioned; "his country" to that person's
role holder; "the Russian president" to the person holding that role; a subject "they"
to the actors last named together as a subject, and "it" to the state or body last the
subject, in this or the sentence before."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from loaders import cues, patterns
from loaders.arguments import Claim, Context
from loaders.ontology import Label, Predicate
from loaders.roles import spokesperson
from loaders.speakers import UNNAMED, quoted_speakers, speaker_of
from loaders.targets import note_mentions
from loaders.text import fold
from loaders.topics import PREPOSITIONS


@dataclass(frozen=True)
class Rule:
    """A named reading rule: which tokens it looks at, and an example it reads."""

    name: str
    applies: Callable[[Token], bool]
    find: Callable[[Token, Context, str | None], Iterator[Claim]]
    example: str  # a sentence it reads, and a test of it (tests/test_rules.py)


def _verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or token.dep_ == "ROOT"


def _noun(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"}


RULES: tuple[Rule, ...] = (
    Rule("verb", _verb, patterns.verb_claims, "Germany rejected the proposal for a price cap."),
    Rule(
        "predicative",
        _verb,
        patterns.predicative_claims,
        "NATO membership for Georgia is unacceptable, Russian Foreign Minister Sergei Lavrov said.",
    ),
    Rule(
        "judgement",
        lambda t: t.pos_ == "VERB",
        patterns.judgement_claims,
        "The French farm union FNSEA called the Mercosur trade deal unacceptable.",
    ),
    Rule(
        "modal",
        _verb,
        patterns.modal_claims,
        "Sanctions must be lifted, Iranian Foreign Minister Abbas Araghchi said.",
    ),
    Rule(
        "adjective",
        lambda t: t.pos_ == "ADJ" or t.dep_ == "acomp" or t.tag_ == "VBN",
        patterns.adjective_claims,
        "Hungary is interested in the construction of the pipeline.",
    ),
    Rule(
        "reported_accusation",
        lambda t: t.pos_ == "VERB",
        patterns.reported_accusation,
        "The United States and NATO ignored our concerns, Russian President Vladimir Putin said.",
    ),
    Rule(
        "intention",
        lambda t: t.pos_ == "VERB",
        patterns.intention_claims,
        "Lithuania vowed to close its border with Belarus.",
    ),
    Rule(
        "intended",
        lambda t: t.pos_ in {"VERB", "AUX"},
        patterns.intended_claims,
        "Kenya signalled its readiness to send police officers to Haiti.",
    ),
    Rule(
        "refusal",
        lambda t: t.pos_ == "VERB",
        patterns.refusal_claims,
        "Slovakia will not send any troops to Ukraine.",
    ),
    Rule(
        "emphasis",
        _verb,
        patterns.emphasis_claims,
        "German Chancellor Olaf Scholz underscored the importance of military aid to Ukraine.",
    ),
    Rule(
        "stance_phrase",
        _verb,
        patterns.stance_phrase_claims,
        "Poland voted in favour of the budget.",
    ),
    Rule(
        "elided_vote",
        lambda t: t.pos_ == "VERB",
        patterns.elided_vote_claims,
        "Parliament approved the Nature Restoration Law. Italy and Hungary voted against.",
    ),
    Rule(
        "warning",
        lambda t: t.pos_ == "VERB",
        patterns.warning_claims,
        "Germany warned that the tariffs would hurt European carmakers.",
    ),
    Rule(
        "threat",
        lambda t: t.pos_ == "VERB",
        patterns.threat_claims,
        "Russia warned of a military response if Finland joins NATO.",
    ),
    Rule(
        "ruled_out",
        lambda t: t.pos_ in {"VERB", "AUX"},
        patterns.none_claims,
        "There will be no foreign troops in Ukraine, German Chancellor Olaf Scholz said.",
    ),
    Rule(
        "responsibility",
        lambda t: t.pos_ in {"VERB", "AUX"},
        patterns.responsibility_claims,
        "Britain will bear responsibility for whatever follows, Iranian Foreign Minister "
        "Abbas Araghchi said.",
    ),
    Rule(
        "holding_responsible",
        lambda t: t.pos_ in {"VERB", "AUX"},
        patterns.holding_responsible_claims,
        "Kenya holds Uganda responsible for the attack on the border post.",
    ),
    Rule(
        "hope",
        lambda t: t.pos_ == "VERB",
        patterns.hope_claims,
        "Japan hopes that the dialogue with China will continue.",
    ),
    Rule(
        "means",
        lambda t: t.pos_ == "VERB",
        patterns.means_claims,
        "Peace can be secured through the deployment of peacekeepers, "
        "Kenyan President William Ruto said.",
    ),
    Rule(
        "joint",
        lambda t: t.pos_ == "VERB",
        patterns.joint_claims,
        "German Chancellor Olaf Scholz and French President Emmanuel Macron discussed the budget.",
    ),
    Rule(
        "attendance",
        lambda t: t.pos_ == "VERB",
        patterns.attendance_claims,
        "German Chancellor Olaf Scholz, French President Emmanuel Macron and Italian Prime "
        "Minister Giorgia Meloni attended the summit in Kyiv.",
    ),
    Rule(
        "roster",
        lambda t: t.pos_ in {"VERB", "AUX"},
        patterns.roster_claims,
        "ASEAN brings together Indonesia, Malaysia and Thailand.",
    ),
    Rule(
        "joined",
        lambda t: t.pos_ == "VERB",
        patterns.joined_claims,
        "Finland, which joined NATO in April, closed its border with Russia.",
    ),
    Rule(
        "leaving",
        lambda t: t.pos_ == "VERB",
        patterns.leaving_claims,
        "The United States withdrew from the Paris Agreement.",
    ),
    Rule("noun", _noun, patterns.noun_claims, "Poland presented its demand for war reparations."),
    Rule(
        "agent",
        _noun,
        patterns.agent_claims,
        "Germany is the biggest supporter of the gas price cap.",
    ),
    Rule(
        "received",
        _noun,
        patterns.received_claims,
        "The gas price cap drew criticism from Spain.",
    ),
    Rule(
        "meeting",
        _noun,
        patterns.meeting_claims,
        "Talks between Serbia and Kosovo resumed in Brussels.",
    ),
    Rule(
        "membership",
        _noun,
        patterns.membership_claims,
        "Finland, a member of NATO, closed its border.",
    ),
)


def claims(
    ctx: Context, sentences: list[Span] | None = None, speakers: list[str | None] | None = None
) -> list[Claim]:
    """Every claim in the doc, one per (subject, predicate, target, sentence)."""
    found: dict[tuple, Claim] = {}
    sentences = sentences or list(ctx.doc.sents)
    speakers = speakers or speakers_of(sentences, ctx)
    for sentence, speaker in zip(sentences, speakers, strict=True):
        for token in sentence:
            for found_claim in _token_claims(token, ctx, speaker):
                claim = _own_membership(_own_benefit(found_claim, ctx), ctx)
                spoken = _spoken_for(claim, ctx)
                credited_claims = (
                    claim, _official(claim, ctx), _office_state(claim, ctx),
                    spoken, spoken and _office_state(spoken, ctx),
                )  # fmt: skip
                for credited in credited_claims:
                    if credited is not None and credited.subject != credited.target:
                        key = (
                            credited.subject,
                            credited.predicate,
                            credited.target,
                            sentence.start,
                        )
                        found.setdefault(key, credited)
        note_mentions(sentence, ctx)
    return list(found.values())


def speakers_of(sentences: list[Span], ctx: Context) -> list[str | None]:
    """Who is reported speaking in each sentence, quotations carried over sentences; the
    sentences quoting someone not named are noted in the context, their speaker None."""
    speakers = quoted_speakers(sentences, [speaker_of(s, ctx) for s in sentences])
    unnamed = {s.start for s, who in zip(sentences, speakers, strict=True) if who == UNNAMED}
    ctx.unnamed_speech |= unnamed
    return [None if who == UNNAMED else who for who in speakers]


def _own_benefit(claim: Claim, ctx: Context) -> Claim:
    """ "Russia demands security guarantees": guarantees asked for with no beneficiary
    named are for the state asking (a person asks for the state they serve)."""
    words = claim.target.split() if claim.topic else []
    if (
        claim.predicate not in {Predicate.DEMANDS, Predicate.PROPOSES}
        or not words
        or PREPOSITIONS & set(words)  # "agreement on guarantees": the head comes first
        or fold(words[-1]).removesuffix("s") not in cues.BENEFICIARY_NOUNS
    ):
        return claim
    state = _recipient(claim.sentence, ctx) or claim.subject
    if ctx.labels.get(state) is Label.PERSON:
        state = ctx.holder_of(state)
    name = ctx.names.get(state) if state else None
    if not name:
        return claim
    target = f"{claim.target} for {name}"
    ctx.surfaces.setdefault(target, set()).update(
        {claim.target, *ctx.surfaces.get(claim.target, ())}
    )
    return replace(claim, target=target)


def _own_membership(claim: Claim, ctx: Context) -> Claim:
    """ "Sweden and Finland applied to join NATO": each joins for itself, so Finland's
    stance is on NATO membership for Finland, not for Sweden, the first named."""
    name = ctx.names.get(claim.subject)
    if not claim.topic or " membership for " not in claim.target or not name:
        return claim
    joiner = next((e for e, n in ctx.names.items() if claim.target.endswith(f" for {n}")), None)
    if joiner is None:
        return claim
    if joiner == claim.subject or not _coordinated_in(claim.sentence, joiner, claim.subject, ctx):
        return claim
    target = claim.target[: -len(ctx.names[joiner])] + name
    ctx.surfaces.setdefault(target, set()).update(ctx.surfaces.get(claim.target, ()))
    return replace(claim, target=target)


def _coordinated_in(sentence: Span, one: str, other: str, ctx: Context) -> bool:
    """Whether two entities are named coordinated in a sentence ("Sweden and Finland")."""
    return any(
        ctx.entity_at.get(t.i) == one and ctx.entity_at.get(c.i) == other
        for t in sentence
        for c in t.conjuncts
    )


def _recipient(sentence: Span, ctx: Context) -> str | None:
    """ "guarantees must be given to Ukraine": the one a giving verb in the sentence names
    as receiving a beneficiary noun, who is then its beneficiary, not the asker."""
    for token in sentence:
        giving = token.head
        if fold(token.lemma_).removesuffix("s") not in cues.BENEFICIARY_NOUNS or (
            giving.lemma_.lower() not in cues.GIVING
        ):
            continue
        for prep in giving.children:
            if prep.dep_ in {"prep", "dative"} and prep.lower_ in {"to", "for"}:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and (entity := ctx.entity(pobj)):
                        return entity
    return None


def _official(claim: Claim, ctx: Context) -> Claim | None:
    """The speaker holds the stance they report for the state they serve, an official
    or an office of that state ("China's Commerce Ministry said Beijing opposed X")."""
    speaker = claim.speaker
    if claim.predicate is Predicate.MEMBER_OF or not speaker or speaker == claim.subject:
        return None  # a state's membership is not its minister's
    if claim.subject in (ctx.holder_of(speaker), ctx.office_state(speaker)):
        return replace(claim, subject=speaker)
    return None


def _denied(token: Token) -> bool:
    """Whether a token stands in a clause someone denies ("denied that X agreed to Y",
    "denies suggestions that X plans Y") or one that states a condition ("if Moldova signed
    the deal"): nothing asserted there."""
    clause = token
    while clause.dep_ in {"ccomp", "xcomp", "conj", "advcl", "acl"} and clause.head.i != clause.i:
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in cues.DENYING:
            return True
        if clause.dep_ == "acl" and _content(clause) and _refuted(clause.head):
            return True  # "denies suggestions that it plans to invade X"
        if clause.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in cues.CONDITIONS for m in clause.children
        ):
            return True
        clause = clause.head
    return False


def _content(clause: Token) -> bool:
    """Whether a noun's clause says what the noun holds ("reports that X plans Y"), not what
    was done to it ("a plan backed by Denmark")."""
    return any(c.dep_ in {"nsubj", "mark"} for c in clause.children)


def _refuted(noun: Token) -> bool:
    """Whether a noun is what a verb of refuting takes ("denied reports", "dismissed
    suggestions"): the content of such a noun is asserted by no one."""
    return noun.dep_ in {"dobj", "nsubjpass"} and noun.head.lemma_.lower() in cues.REFUTING


def _spoken_for(claim: Claim, ctx: Context) -> Claim | None:
    """A spokesperson's stance is the stance of the state or body they speak for ("Kremlin
    spokesman Dmitry Peskov criticised X": Russia criticises X)."""
    if claim.predicate in {Predicate.MEMBER_OF, Predicate.MEETS, Predicate.HOLDS_ROLE}:
        return None
    for role in ctx.roles:
        if role.person == claim.subject and spokesperson(role.title):
            holder = role.holder
            return replace(claim, subject=holder) if holder != claim.target else None
    return None


def _office_state(claim: Claim, ctx: Context) -> Claim | None:
    """A ministry's statement is its state's too ("China's Commerce Ministry condemned")."""
    if claim.predicate in {Predicate.MEMBER_OF, Predicate.MEETS}:
        return None
    state = ctx.office_state(claim.subject)
    return replace(claim, subject=state) if state and state != claim.target else None


# What any rule looks at (each rule's `applies` narrows it): the other tokens (punctuation,
# determiners, prepositions, ...) are passed over at once.
_READ_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN", "ADJ"})
_READ_DEPS = frozenset({"ROOT", "acomp"})


def _token_claims(token: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    if token.pos_ not in _READ_POS and token.dep_ not in _READ_DEPS:
        return
    if _denied(token):
        return  # "denied that the Philippines ever agreed to X": no agreement is asserted
    for rule in RULES:
        if rule.applies(token):
            for claim in rule.find(token, ctx, speaker):
                yield replace(claim, rule=rule.name)
