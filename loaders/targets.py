"""What a claim is about: entities, or topic phrases (`loaders.topics`).

A negative-content word ("exclude", "a ban on", "preventing") flips support for
its objects into opposition; gerunds, "the notion of X", beneficiaries of giving
("guarantees to Russia") and memberships ("Ukraine joins NATO") name topics.
"""

from collections.abc import Iterator
from typing import NamedTuple

from spacy.tokens import Span, Token

from loaders import cues
from loaders.arguments import (
    ACTORS,
    Context,
    acting_subjects,
    content_objects,
    described_actor,
    infinitive,
    listed_after,
    names_action,
    negative_content,
    objects_of,
    resolve_actor,
    subject_of,
)
from loaders.kb import not_issues, referable_nouns
from loaders.ontology import Label
from loaders.roles import ROLE_HEADS
from loaders.topics import (
    action_phrase,
    action_text,
    gerund_phrase,
    heads_own_phrase,
    noun_of,
    phrase,
    render,
    separate_items,
    spans,
    surface_text,
    written,
)

DEMONSTRATIVE = {"this", "that", "these", "those", "such"}
TARGETS = ACTORS | {Label.AGREEMENT, Label.EVENT, Label.TOPIC}


class Target(NamedTuple):
    """What a claim is about: an entity id, or a topic phrase; negative flips support."""

    value: str
    topic: bool
    negative: bool = False


def targets_in(tokens: list[Token], ctx: Context, negative: bool = False) -> Iterator[Target]:
    """The entity or topic each target head (and its conjuncts) names, and the separate
    items coordinated under it ("the expansion of X and the accession of Y")."""
    for head in tokens:
        # a negative word sorts out its own objects (see _target)
        listed = separate_items(head) if not negative_content(head) else []
        joined = [c for c in head.conjuncts if not _set_against(c)]
        for token in (head, *joined, *listed):
            yield from _target(token, ctx, negative)


# Words that set a conjunct against the one before: "A rather than B", "A, not B".
CONTRASTS = (("rather", "than"), ("instead", "of"), ("not",), ("but", "not"))


def _set_against(conjunct: Token) -> bool:
    """Whether a conjunct is named as what is not chosen ("backed a levy rather than a tax
    rise"): it shares no stance with the one before."""
    start = conjunct.left_edge.i
    before = tuple(t.lower_ for t in conjunct.doc[max(0, start - 2) : start])
    return any(before[-len(c) :] == c for c in CONTRASTS)


# Named-entity types of times and amounts, which are never what a stance is about.
MEASURES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"}


def _antecedent(token: Token) -> Token:
    """ "the proposal, which Japan opposes": what a relative pronoun object stands for."""
    clause = token.head
    if token.lower_ in cues.RELATIVE_PRONOUNS and token.dep_ in {"dobj", "pobj"}:
        while clause.dep_ == "prep" and clause.head.i != clause.i:  # "to which X objected"
            clause = clause.head
        if clause.dep_ == "relcl":
            return clause.head
    return token


def target_of(token: Token, ctx: Context) -> list[Target]:
    """What one token names as a target, alone (its conjuncts are targets of their own)."""
    return list(_target(token, ctx, False))


def _target(token: Token, ctx: Context, negative: bool) -> Iterator[Target]:
    token = _antecedent(token)
    entity = ctx.entity(token, TARGETS)
    if entity:
        yield Target(entity, False, negative)
    elif (spent := _spent_on(token)) is not None:  # "pledged 680 million euros in aid to X"
        yield from _target(spent, ctx, negative)
    elif token.ent_type_ in MEASURES and not (_wrapping(token) and wrapped(token)):
        return  # "held up Stockholm's bid for more than a year": a time, no issue (but
        # "decades of military neutrality" is about the neutrality)
    elif token.pos_ == "ADJ" and (kept := _state_of(token, ctx)):  # "stay neutral"
        yield Target(kept, True, negative)
    elif named := named_by_title(token, ctx):  # "met his counterpart Wang Yi"
        yield Target(named, False, negative)
    elif token.pos_ == "NOUN" and (described := described_actor(token, ctx)):
        yield Target(described, False, negative)  # "accused the Mexican government of X"
    elif met := _counterpart(token, ctx):  # "critical of his counterpart": the one he met
        yield from (Target(person, False, negative) for person in met)
    elif reciprocal := each_other(token, ctx):  # "Russia and Ukraine blamed each other"
        yield from (Target(actor, False, negative) for actor in reciprocal)
    elif pair := ctx.pair_meant(token):  # "after hosting the two leaders"
        yield from (Target(member, False, negative) for member in pair)
    elif token.lemma_.lower() in cues.JOINING:
        membership = _membership(token, ctx)
        if membership:
            yield Target(membership, True, negative)
    elif token.lemma_.lower() in cues.CONTAINERS and (held := objects_of(token, ("of",))):
        # "a list of demands": the cue noun inside speaks for itself; "a package of
        # sanctions" is about the sanctions
        issues = [h for h in held if h.lemma_.lower() not in cues.NOUNS]
        yield from targets_in(issues, ctx, negative)
    elif token.lower_ in cues.GATHERINGS and any(c.dep_ == "poss" for c in token.children):
        return  # "his meeting with Putin is important": a gathering he holds, not an issue
    elif (ballot := _ballot(token)) is not None:  # "lobbied for a no vote on the tariffs"
        objects, against = ballot
        yield from targets_in(objects, ctx, negative != against)
    elif _wrapping(token) and (inner := wrapped(token)):
        yield from _wrapped_targets(token, inner, ctx, negative)
    elif negative_content(token) and token.pos_ == "NOUN":
        # "the cessation of X and the return of Y": Y is a demand of its own
        if not objects_of(token, ("on", "of", "to")):  # "the import ban": a topic as named
            yield from _as_named(token, ctx, negative)
        for obj in objects_of(token, ("on", "of", "to")):
            parallel = [c for c in obj.conjuncts if heads_own_phrase(c)] + separate_items(obj)
            for scoped in (obj, *(c for c in obj.conjuncts if c not in parallel)):
                yield from _target(scoped, ctx, not negative)
            for item in parallel:
                yield from _target(item, ctx, negative)
    elif token.lemma_.lower() in cues.JOINING_NOUNS and (joined := _accession(token, ctx)):
        for membership in joined:  # "membership for Ukraine and Georgia": one for each
            ctx.note_topic(token, membership)
            yield Target(membership, True, negative)
    elif token.pos_ == "VERB" and token.tag_ == "VBG":
        yield from _gerund(token, ctx, negative)
    elif token.pos_ == "VERB" and names_action(token):
        yield from _action(token, ctx, negative)
    elif token.pos_ == "NOUN" and (items := listed_after(token)):
        for item in items:  # "the following conditions: X, Y and Z"
            yield from _target(item, ctx, negative)
    elif candidacy := _candidacy(token, ctx):  # "Sweden's bid": its NATO membership
        yield Target(candidacy, True, negative)
    elif striven := list(_striven_for(token, ctx, negative)):
        yield from striven  # "Kyiv's bid to join NATO": NATO membership for Ukraine
    elif holder := _stance_holder(token, ctx):  # "praised Orban's stance": Orban
        yield Target(holder, False, negative)
    elif named := ctx.named_meant(token):  # "the protocol": the protocol named before
        yield Target(named, False, negative)
    elif token.pos_ in {"NOUN", "PROPN"}:
        text = phrase(token, names=ctx.names_at(), verb_complements=True)
        if text:
            seen = ctx.surfaces.setdefault(text, set())
            seen.update(s for s in (surface_text(token), written(token)) if s)
            seen.update(spans(token))
            for given in _for_beneficiaries(text, token, ctx):
                for named in _each_party(given, token, ctx):
                    ctx.note_topic(token, named)
                    yield Target(named, True, negative)
        elif earlier := list(_named_before(token, ctx, negative)):
            yield from earlier  # "the tariffs", "the proposal"
        elif text := _one_word_issue(token, ctx):
            yield Target(text, True, negative)
    elif token.pos_ == "PRON":
        issue = ctx.issue_before(token) if token.lower_ == "it" else None
        if issue and not issue[1]:  # "approved the Nature Restoration Law. X opposed it"
            yield Target(issue[0], False, negative)
        else:
            yield from _named_before(token, ctx, negative)  # "voted against them"


def note_mentions(sentence: Span, ctx: Context) -> None:
    """Note each decision, offer or enactment the sentence names with words of its own
    ("a 30 billion euro aid package for Moldova") and no stance read on it, for a later
    "the package" to stand for."""
    noted = {i for i, _, _ in ctx.topic_heads}
    for noun in sentence:
        if noun.pos_ != "NOUN" or noun.i in noted or noun.lemma_.lower() not in referable_nouns():
            continue
        deps = {c.dep_ for c in noun.children}
        if not deps - {"det", "punct"} or deps & {"appos", "relcl"}:
            continue  # "the package" refers back itself; "the law, one of ...": described
        if any(c.ent_type_ == "ORDINAL" or c.lower_ in cues.SEQUENCE for c in noun.children):
            continue  # "the first declaration", "the final offer": one of several
        if text := phrase(noun, names=ctx.names_at()):
            ctx.note_mention(noun, text)


def _as_named(noun: Token, ctx: Context, negative: bool) -> Iterator[Target]:
    """A noun phrase of two words or more as a topic of its own ("the import ban")."""
    text = phrase(noun, names=ctx.names_at())
    if text:
        ctx.surfaces.setdefault(text, set()).update(spans(noun))
        ctx.note_topic(noun, text)
        yield Target(text, True, negative)


def named_by_title(noun: Token, ctx: Context) -> str | None:
    """ "his Chinese counterpart Wang Yi", "the president, Emmanuel Macron": a title noun
    stands for the one it is in apposition to; "Vice President of the United States Kamala
    Harris": for the person the parser hangs on the title's holder."""
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.lemma_.lower() not in ROLE_HEADS:
        return None
    named = [e for c in noun.children if c.dep_ == "appos" and (e := ctx.entity(c))]
    held = [o for p in noun.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    named += [e for o in held if (e := ctx.entity(o)) and ctx.labels.get(e) is Label.PERSON]
    return named[0] if named else None


def _striven_for(noun: Token, ctx: Context, negative: bool) -> Iterator[Target]:
    """What a noun of striving strives for, by its to-infinitive or its "for": "a bid to join NATO"
    (the membership), "a plan to close the border" (the closure), "an attempt to impose
    tariffs" (the tariffs), "efforts to block the deal" (against the deal)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in cues.AIMS:
        return
    if not any(c.dep_ == "acl" and infinitive(c) for c in noun.children):
        if noun.lemma_.lower() in cues.STRIVING_FOR:  # "a push for X": X
            yield from targets_in(objects_of(noun, ("for",)), ctx, negative)
        return
    for obj, against in content_objects(noun):
        yield from targets_in([obj], ctx, negative != against)


def _counterpart(noun: Token, ctx: Context) -> list[str]:
    """ "his counterpart" with no name given: whom its owner met in the article so far."""
    if noun.lemma_.lower() != "counterpart" or any(c.dep_ == "appos" for c in noun.children):
        return []
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owner = ctx.last_person(noun.i) if owners and owners[0].lower_ in {"his", "her"} else None
    if owner is None:
        return []
    met = [who for i, who in ctx.met if i < noun.i and owner in who]
    others = sorted(met[-1] - {owner}) if met else []
    return [o for o in others if ctx.labels.get(o) is Label.PERSON]


def each_other(token: Token, ctx: Context) -> list[str]:
    """ "Each other", "one another": the subjects of the verb are each other's targets
    (each claim's own subject is left out where claims are made)."""
    words = {token.lower_, *(c.lower_ for c in token.children if c.dep_ == "det")}
    if words not in ({"each", "other"}, {"one", "another"}):
        return []
    verb = token.head.head if token.dep_ == "pobj" else token.head
    actors = acting_subjects(verb, ctx, None)
    return actors if len(actors) >= 2 else []


def _state_of(adjective: Token, ctx: Context) -> str | None:
    """ "that Moldova stay neutral": the neutrality of Moldova (the state its subject is
    asked to be in, named by its noun)."""
    noun = cues.STATE_NOUNS_OF.get(adjective.lower_)
    verb = adjective.head
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "that Kyiv give up X and stay neutral": Kyiv
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    owner = ctx.entity(subject) if noun and subject is not None else None
    return f"{noun} of {ctx.names[owner]}" if owner in ctx.names else None


def _stance_holder(noun: Token, ctx: Context) -> str | None:
    """Whose stance, remarks or efforts a noun names ("Orban's stance", "Hungary's
    position on sanctions"): a stance on them is a stance on their holder."""
    owned = cues.OWNED_STANCES | cues.CONDUCT  # "defended the judge's actions"
    if noun.lemma_.lower() not in owned and noun.lower_ not in owned:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:  # "the stance of Norway"
        of = [p for c in noun.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        owner = of[0] if of and ctx.entity(of[0]) else None
    return resolve_actor(owner, ctx, None) if owner is not None else None


def _one_word_issue(noun: Token, ctx: Context) -> str | None:
    """ "imposed sanctions", "called for a new constitution": a noun that names an issue on
    its own (not a word of reference such as "the idea", nor "this move", which only
    refer back), as a topic of one word."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in not_issues():
        return None
    if any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVE for c in noun.children):
        return None
    text = phrase(noun, names=ctx.names_at(), min_words=1)
    if text:
        ctx.surfaces.setdefault(text, set()).update(spans(noun))
        ctx.note_topic(noun, text)
    return text


def _named_before(token: Token, ctx: Context, negative: bool) -> Iterator[Target]:
    """The topic a reference back stands for (a proposed ban makes it opposition)."""
    if earlier := ctx.topic_meant(token):
        topic, against = earlier
        if token.pos_ == "NOUN":
            ctx.note_topic(token, topic)  # named again here: what "it" may next refer to
        yield Target(topic, True, negative != against)


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


def _action(verb: Token, ctx: Context, negative: bool) -> Iterator[Target]:
    """ "vowed to close its border with Belarus": the topic "closure of border with
    Belarus", also known as written ("close its border with Belarus")."""
    obj = next(c for c in verb.children if c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"})
    text = action_phrase(verb, obj, names=ctx.names_at(), owner=_own(verb, obj, ctx))
    if text:
        ctx.surfaces.setdefault(text, set()).add(action_text(verb, obj))
        ctx.note_topic(verb, text, noun_of(verb))
        yield Target(text, True, negative)


def _own(verb: Token, obj: Token, ctx: Context) -> str | None:
    """Whose the object is when the one committing (or the one asked) owns it: "Estonia
    vowed to close its border" is about Estonia's border (another state's border is
    another topic)."""
    owned = any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in obj.children)
    controlled = not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    if not owned or not controlled or verb.dep_ not in {"xcomp", "advcl", "ccomp", "acl"}:
        return None
    addressed = _addressee(verb.head) if verb.dep_ == "xcomp" else []
    if addressed:  # "urged the three states to fulfil their obligations": theirs
        subject = addressed[0]
    elif verb.dep_ == "acl":  # "Estonia's plan to close its border"
        subject = next((c for c in verb.head.children if c.dep_ == "poss"), None)
    else:  # "Estonia is prepared to close its border": the subject of the adjective's verb
        adjective = verb.head.dep_ == "acomp" and verb.head.head.i != verb.head.i
        subject = subject_of(verb.head) or (subject_of(verb.head.head) if adjective else None)
    actor = resolve_actor(subject, ctx, None) if subject is not None else None
    return ctx.names.get(actor) if actor else None


def _addressee(verb: Token) -> list[Token]:
    """Whom a verb asks to act: its object ("urged the states to"), or whom "on" names
    ("called on Argentina to")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    on = [p for p in verb.children if p.dep_ == "prep" and p.lower_ in {"on", "upon"}]
    return objects or [o for p in on for o in p.children if o.dep_ == "pobj"]


def _spent_on(amount: Token) -> Token | None:
    """What a sum of money is for: "680 million euros in government support to Ukraine",
    "7 billion euros on weapons" (the preposition may hang on the verb): the issue is what
    the money buys, not the sum."""
    counted = amount.lemma_.lower() in cues.CURRENCIES and any(
        c.dep_ in {"nummod", "quantmod", "compound"} and c.pos_ == "NUM" for c in amount.children
    )
    if not counted and (amount.ent_type_ != "MONEY" or amount.pos_ not in {"NOUN", "NUM", "SYM"}):
        return None
    holders = [amount] + ([amount.head] if amount.dep_ == "dobj" else [])
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in cues.SPENT_ON and prep.i > amount.i:
                bought = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
                if bought:
                    return bought[0]
    return None


# Words a vote is cast with, and whether they are against what is voted on.
_VERDICTS = {"no": True, "yes": False}


def _ballot(noun: Token) -> tuple[list[Token], bool] | None:
    """ "a no vote on the tariffs", "a yes vote on the treaty": what is voted on, and
    whether the vote is against it."""
    if noun.lemma_.lower() not in {"vote", "ballot"}:
        return None
    verdict = next((c.lower_ for c in noun.children if c.lower_ in _VERDICTS), None)
    objects = objects_of(noun, ("on",))
    return (objects, _VERDICTS[verdict]) if verdict and objects else None


def _wrapping(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in cues.WRAPPERS or lemma in cues.WRAPPING_PREPOSITIONS


def wrapped(noun: Token) -> Token | None:
    """What "the notion of X", "the prospect of X", "the need for X" is about: X."""
    marks = cues.WRAPPING_PREPOSITIONS.get(noun.lemma_.lower(), ("of",))
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in marks), None)
    if prep is None:  # "the possibility to discuss X", "the need to close Y": the action
        return infinitive_after(noun)
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def infinitive_after(noun: Token) -> Token | None:
    """The to-infinitive completing a noun ("calls to raise the age"), which the small
    parser may also hang as a relative clause of the noun or as a clause of the noun's
    verb ("resisted calls to raise it")."""
    own = next((c for c in noun.children if c.dep_ in {"acl", "relcl"} and infinitive(c)), None)
    if own is not None or noun.dep_ != "dobj":
        return own
    end = max(t.i for t in noun.subtree)
    after = noun.doc[end + 1] if end + 1 < len(noun.doc) else None
    if after is None or after.lower_ != "to" or after.dep_ != "aux":
        return None
    verb = after.head
    return verb if verb.dep_ == "advcl" and verb.head == noun.head and infinitive(verb) else None


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


# Prepositions whose named objects each have an issue of their own: "membership for
# Ukraine and Georgia", "talks with Ukraine and Moldova", "sanctions on Iran and Syria"
# (but "talks between Russia and Ukraine" are one issue).
_PARTY_PREPOSITIONS = {"for", "with", "to", "on", "against"}


def _each_party(text: str, head: Token, ctx: Context) -> list[str]:
    """ "accession talks with Ukraine and Moldova" -> "accession talks with Ukraine",
    "accession talks with Moldova": an issue is one for each state or body its phrase
    names in a list after "for", "with", "to", "on" or "against"."""
    for prep in (c for c in head.subtree if c.dep_ == "prep" and c.lower_ in _PARTY_PREPOSITIONS):
        listed = [o for o in prep.children if o.dep_ == "pobj"]
        items = [t for o in listed for t in (o, *o.conjuncts)]
        parties = [ctx.entity(t) for t in items]
        if len(items) < 2 or not all(p and ctx.labels.get(p) in ACTORS for p in parties):
            continue
        span = [t for t in prep.subtree if t.i > prep.i and not t.is_punct]
        whole = render(span, ctx.names_at())
        names = [ctx.names.get(p, "") for p in dict.fromkeys(parties)]
        if whole and whole in text and all(names):
            split = [text.replace(whole, name, 1) for name in names]
            for part in split:
                ctx.surfaces.setdefault(part, set()).update(ctx.surfaces.get(text, ()))
            return split
    return [text]


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


def _accession(noun: Token, ctx: Context) -> list[str]:
    """ "the accession of Ukraine", "Ukraine's membership of the alliance", beside an
    organization in the sentence -> "NATO membership for Ukraine"; one membership for
    each state listed ("membership for Ukraine and Georgia")."""
    states = {Label.COUNTRY}
    owners = [c for c in noun.children if c.dep_ in {"poss", "nsubj"}]
    complements = [t for p in noun.children if p.dep_ == "prep" for t in p.subtree]
    first = next((t for t in owners + complements if ctx.entity(t, states)), None)
    if first is None:
        return []
    listed = (first, *(c for c in first.conjuncts if c.i > first.i))  # "Ukraine and Georgia"
    joiners = [j for t in listed if (j := ctx.entity(t, states))]
    bodies = sorted(  # one joins an alliance, not a state's office ("Turkey's parliament")
        (abs(t.i - noun.i), t.i)
        for t in noun.sent
        if (body := ctx.entity(t, {Label.ORGANIZATION})) and not ctx.state_owned(body)
    )
    joiners = list(dict.fromkeys(joiners))
    if not bodies:  # "Sweden's accession", the alliance named before
        named = [_membership_named(joiner, noun, ctx) for joiner in joiners]
        return [m for m in named if m]
    body = noun.doc[bodies[0][1]]
    return [f"{ctx.name_at(body)} membership for {ctx.names.get(j, j)}" for j in joiners]


def _candidacy(noun: Token, ctx: Context) -> str | None:
    """ "Stockholm's bid", "Sweden's candidacy" with nothing said of what for: the
    membership of that state the article has named ("NATO membership for Sweden")."""
    if noun.lemma_.lower() not in cues.CANDIDACIES or any(map(_says_what_for, noun.children)):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    state = ctx.entity(owner, {Label.COUNTRY}) if owner is not None else None
    return _membership_named(state, noun, ctx) if state else None


def _says_what_for(child: Token) -> bool:
    """ "a bid for a seat", "a bid to join": what the striving is for (not "for a year")."""
    if child.dep_ == "acl":
        return True
    return child.dep_ == "prep" and not any(t.ent_type_ in {"DATE", "TIME"} for t in child.subtree)


def _membership_named(state: str, noun: Token, ctx: Context) -> str | None:
    """The latest membership of a state named before noun in the article."""
    wanted = f" membership for {ctx.names.get(state, state)}"
    named = sorted(ctx.topic_heads + ctx.mentioned)
    return next((t for i, _, t in reversed(named) if i < noun.i and t.endswith(wanted)), None)


def _membership(verb: Token, ctx: Context) -> str | None:
    """ "Ukraine joins NATO", "Kiev's push to join NATO" -> "NATO membership for Ukraine"."""
    bodies = (o for o in objects_of(verb, ("into", "to")) if ctx.entity(o, {Label.ORGANIZATION}))
    body = next(bodies, None)
    if body is None:
        return None
    subject = subject_of(verb) if verb.dep_ not in {"xcomp", "acl"} else None
    joiner = resolve_actor(subject, ctx, None) if subject is not None else None
    owner = next((c for c in verb.head.children if c.dep_ in {"poss", "nsubj"}), None)
    if joiner is None and owner is not None:
        joiner = resolve_actor(owner, ctx, None)
    name = ctx.name_at(body)
    if joiner in ctx.names:
        return f"{name} membership for {ctx.names[joiner]}"
    return f"{name} membership"
