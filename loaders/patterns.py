"""The patterns that read claims off the dependency parse, one function each.

Each takes a token, the article's Context and the sentence's speaker, and
yields the claims that token anchors.
"""

from collections.abc import Iterator

from spacy.tokens import Token

from loaders import cues
from loaders.arguments import (
    ACTORS,
    OWNER_DEPS,
    Claim,
    Context,
    acting_subjects,
    actors,
    clause_subjects,
    content_objects,
    counted_after_colon,
    described_actor,
    has_modal,
    hypothetical_verb,
    infinitive,
    is_negated,
    left_open,
    listed_actors,
    listed_after,
    names_action,
    negative_content,
    objects_of,
    refusing,
    resolve_actor,
    subject_of,
)
from loaders.kb import harm_verbs
from loaders.ontology import Label, Predicate
from loaders.targets import Target, each_other, named_by_title, target_of, targets_in, wrapped
from loaders.topics import action_phrase, clause_text, nominal, noun_of, phrase_of_span

_SUPPORT_CLASS = {Predicate.SUPPORTS, Predicate.DEMANDS, Predicate.PROPOSES}
_AGAINST_CLASS = {Predicate.OPPOSES, Predicate.CRITICIZES}


_ASKING = {Predicate.DEMANDS, Predicate.PROPOSES}  # their actor targets are addressees


_EVALUATING = {Predicate.SUPPORTS, Predicate.OPPOSES, Predicate.CRITICIZES, Predicate.ACCUSES}


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
            if not topic and target == subject:
                continue  # "blamed each other": each blames the others
            claimed = predicate
            if negated != negative:
                if predicate not in _SUPPORT_CLASS:
                    continue
                claimed = Predicate.OPPOSES
            if claimed in _ASKING and not topic and ctx.labels.get(target) in ACTORS:
                continue  # "urged the West to ...", "demands to NATO": an addressee
            if claimed is Predicate.MEETS and topic:
                continue  # "Stockholm hosts Kurdish militants": one meets actors, not issues
            if claimed is Predicate.MEETS:
                ctx.note_met(token, frozenset({subject, target}))
            if topic and negative:
                ctx.note_against(token, target)  # "approved a ban on X"
            if topic and (predicate in _PROPOSING or _proposed(token)):
                ctx.note_proposal(token, target, claimed is Predicate.OPPOSES)
            yield Claim(subject, claimed, target, topic, token.sent, negated, speaker, confidence)
    if negated:
        yield from _contrasted(ctx, predicate, targets, token, speaker, confidence)


_PROPOSING = {Predicate.DEMANDS, Predicate.PROPOSES}


def _proposed(verb: Token) -> bool:
    """Whether a verb is what someone demands or proposes: "called on the EU to ban X"."""
    if verb.dep_ not in {"xcomp", "ccomp"}:
        return False
    return _cue_of(verb.head.lemma_.lower()) in _PROPOSING


def _not_yet(verb: Token) -> bool:
    """ "X has yet to ratify Y", "X is yet to approve Y", "X has not signed off on Y": the
    act of enacting not done so far (said in the perfect, not refused)."""
    head = verb.head
    if verb.lemma_.lower() in cues.ENACTING and is_negated(verb):
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
        modal = any(c.dep_ == "aux" and c.lower_ in cues.MODALS for c in verb.children)
        if perfect and not modal:
            return True
    return (
        verb.dep_ == "xcomp"
        and head.lemma_ in {"have", "be"}
        and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children)
    )


def _said_against(target: Target, verb: Token, ctx: Context) -> bool:
    """Whether "attacked X" is an attack in words: X is a person or a body, or a state or
    an issue attacked "over" or "for" something; not "attacked Ukraine's energy grid
    overnight", "attacked the city with drones"."""
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    if preps & {"over", "for"}:
        return True
    if "with" in preps or any(c.lower_ == "overnight" for c in verb.children):
        return False  # weapons, or a time of night
    return target.topic or ctx.labels.get(target.value) in {
        Label.PERSON,
        Label.ORGANIZATION,
        Label.GROUP,
    }


def _said_of_oneself(verb: Token) -> bool:
    """Whether a verb's subject is the first person ("we need X")."""
    subject = subject_of(verb)
    return subject is not None and subject.lower_ in cues.FIRST_PERSON


def _offer(verb: Token) -> bool:
    """Whether what is accepted was put forward to be taken ("accepted the ceasefire
    plan"): only then does accepting it back it."""
    return any(o.lemma_.lower() in cues.OFFERS for o in objects_of(verb))


def _cue_of(lemma: str) -> Predicate | None:
    """A verb's own cue, or the one it has with its preposition ("call for")."""
    prepositional = cues.VERB_PREPOSITIONS.get(lemma)
    return cues.VERBS.get(lemma) or (prepositional[0] if prepositional else None)


def _contrasted(
    ctx: Context,
    predicate: Predicate,
    targets: list[Target],
    token: Token,
    speaker: str | None,
    confidence: float,
) -> Iterator[Claim]:
    """ "Unlike Poland and Romania, Budapest has not expressed its support for Kiev":
    the actors set against a negated claim hold it, unnegated."""
    verb, hops = token, 0
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i and hops < 3:
        verb, hops = verb.head, hops + 1
    unlike = [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "unlike"]
    contrasted = dict.fromkeys(e for p in unlike for t in p.subtree if (e := ctx.entity(t)))
    for actor in contrasted:
        for target, topic, negative in targets:
            claimed = Predicate.OPPOSES if negative else predicate
            if actor != target:
                yield Claim(
                    actor, claimed, target, topic, token.sent, False, speaker, confidence * 0.8
                )


def _speakers_claims(
    ctx: Context, speaker: str, predicate: Predicate, targets: list[Target], verb: Token
) -> Iterator[Claim]:
    """Claims the speaker holds, read off a verb of their reported statement."""
    yield from _claims_for(
        ctx, [speaker], predicate, targets, verb,
        negated=is_negated(verb), speaker=speaker, confidence=0.6,
    )  # fmt: skip


def verb_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    known = sorted(f for f in base_forms(verb) if f in cues.VERBS or f in cues.VERB_PREPOSITIONS)
    lemma = verb.lemma_.lower() if not known or verb.lemma_.lower() in known else known[0]
    prepositional = cues.VERB_PREPOSITIONS.get(lemma)
    predicate = _cue_of(lemma)
    cast = _cast(verb) if lemma == "vote" else None  # "voted no on X": the vote cast
    if phrasal := phrasal_cue(verb, lemma):  # "rule out X" opposes X; "back down" backs nothing
        lemma, predicate, prepositional = phrasal[0], phrasal[1], None
        marks = cues.PHRASAL_PREPOSITIONS.get(tuple(lemma.split()))  # type: ignore[arg-type]
        if predicate is not None and marks:  # "lashed out at X"
            prepositional = (predicate, marks)
    elif lemma in cues.AGAINST_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "against" for c in verb.children
    ):  # "warned against a trade war", "voted against the measure"
        predicate, prepositional = Predicate.OPPOSES, (Predicate.OPPOSES, ("against",))
    elif lemma in cues.CONTESTING and any(c.dep_ == "dobj" for c in verb.children):
        predicate, prepositional = Predicate.OPPOSES, None  # "will appeal the ruling"
    elif cast is not None:
        predicate, prepositional = cast, (cast, ("on",))  # "voted no on the tariffs"
    if predicate is None or (lemma == "accept" and not is_negated(verb) and not _offer(verb)):
        return
    if lemma == "need" and not _said_of_oneself(verb):
        return  # "Ukraine needs air defence, X said": no stance of Ukraine's
    if predicate is Predicate.MEETS and hypothetical_verb(verb):
        return  # "will meet X next week": a meeting yet to happen
    if _not_yet(verb) or left_open(verb):
        return  # "have yet to ratify the treaty", "to decide whether to back it": no stance
    if _asked_of_another(verb):
        return  # "Moscow insists that NATO halt X": NATO is asked, it takes no stance
    subjects = acting_subjects(verb, ctx, speaker)
    if not subjects:
        return
    negated = is_negated(verb) != _under_refusal(verb)
    if cast is not None:
        negated = _under_refusal(verb)  # "voted no": the "no" is the vote, not a negation
    if predicate is Predicate.PROPOSES and is_negated(verb) and not _willing(verb):
        return  # "did not publish its own account": no proposal made, no stance taken
    options = dict(negated=negated, speaker=speaker)
    if predicate in {Predicate.ACCUSES, Predicate.CRITICIZES}:
        targets = list(_accused(verb, ctx, subjects))
        if prepositional:  # "lashed out at X", "railed against X"
            aimed = [d for d in _after(verb, prepositional[1]) if d.dep_ == "pobj"]
            targets += list(targets_in(aimed, ctx))
        if predicate is Predicate.CRITICIZES:  # "condemned the launch": the act itself too
            done_to = _passive_subjects(verb) if _is_passive(verb) else objects_of(verb)
            done_to = [d for d in done_to if d.lemma_.lower() not in _OWNERS_NOUNS]
            acts = targets_in(done_to, ctx)
            targets += [t for t in acts if t.topic or ctx.labels.get(t.value) in _DEEDS]
        if lemma in cues.ASSAULTING:
            targets = [t for t in targets if _said_against(t, verb, ctx)]
        yield from _claims_for(ctx, subjects, predicate, targets, verb, **options, confidence=0.8)
        return
    direct = _after(verb, prepositional[1]) if prepositional else objects_of(verb)
    if lemma == "fight":  # "fought two wars over X": a war fought is no stance on war
        direct = [d for d in direct if d.lemma_.lower() not in cues.FOUGHT]
    if wanted := _wanted_done(verb, ctx):  # "called for X to be closed", "demanded that X be"
        yield from _claims_for(ctx, subjects, predicate, wanted, verb, **options, confidence=0.7)
        return
    if prepositional and lemma not in cues.VERBS:  # "argue for X": only its object counts
        direct = [d for d in direct if d.dep_ in {"pobj", "pcomp"}]
        yield from _claims_for(
            ctx, subjects, predicate, list(targets_in(direct, ctx)), verb, **options, confidence=0.7
        )
        if predicate is Predicate.DEMANDS and _addressed(verb, ctx):
            yield from _content_claims(verb, ctx, subjects, predicate, options)
        return
    if _is_passive(verb):
        direct = _passive_subjects(verb)
    if predicate in _ASKING and _addressed_to_act(verb):
        direct = [d for d in direct if d.dep_ != "dobj"]  # "urged the three states to act"
    from_clause = not direct
    if from_clause:
        direct = [s for s in clause_subjects(verb) if not _asserted(s.head)]
    removed = [s for s in direct if from_clause and _removal(s.head)]  # "wanted the levy gone"
    targets = list(targets_in([d for d in direct if d not in removed], ctx))
    targets += list(targets_in(removed, ctx, True))
    if from_clause:  # "A and B agreed that both countries must cut X": not each other
        targets = [t for t in targets if t.topic or t.value not in subjects]
    if (subject := subject_of(verb)) is not None and (listed := counted_after_colon(subject, ctx)):
        targets = [t for t in targets if t.value not in listed]  # "Three states backed X: A, B, C"
    if lemma in cues.GREETING and targets and all(_guest(t, ctx) for t in targets):
        predicate = Predicate.MEETS  # "Ruto welcomed Museveni to Nairobi": a host and a guest
    yield from _claims_for(ctx, subjects, predicate, targets, verb, **options, confidence=0.8)
    if lemma in cues.DENYING:
        return  # "Iran denied sending drones to Moscow": a fact denied, not a stance on Moscow
    yield from _content_claims(verb, ctx, subjects, predicate, options)


def _cast(vote: Token) -> Predicate | None:
    """ "voted no on the plan" opposes it, "voted yes on the plan" supports it."""
    words = {c.lower_ for c in vote.children if c.dep_ in {"dobj", "advmod", "intj", "npadvmod"}}
    if "no" in words:
        return Predicate.OPPOSES
    return Predicate.SUPPORTS if "yes" in words else None


def _removal(clause: Token) -> bool:
    """Whether a small clause has its subject removed: "wanted the levy gone", "wants the
    sanctions lifted"."""
    return clause.lower_ == "gone" or negative_content(clause)


def _subjunctive(clause: Token) -> bool:
    """ "that the border be closed", "that the border should be closed": what is wanted
    (not "asked whether X could be detained", a question)."""
    if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in clause.children):
        return False
    return any(
        (c.dep_ == "auxpass" and c.lower_ == "be") or (c.dep_ == "aux" and c.lower_ in cues.DEONTIC)
        for c in clause.children
    )


def _asserted(clause: Token) -> bool:
    """ "insisted that no bribery had been involved": a clause in the past states a fact
    the speaker holds to, not what they demand ("insisted that sanctions must remain")."""
    past = {"had", "was", "were", "has", "have", "did"}
    present = clause.tag_ == "VBZ" or (  # "insists the tally sheets show X": a fact held
        clause.tag_ == "VBP" and any(c.dep_ == "nsubj" and c.tag_ == "NNS" for c in clause.children)
    )
    return (
        clause.tag_ == "VBD"
        or present
        or any(c.dep_ in {"aux", "auxpass"} and c.lower_ in past for c in clause.children)
    )


# Nouns whose criticism is of their owner alone: "deplored China's conduct" criticises
# China, and "China's conduct" is no issue of its own.
_OWNERS_NOUNS = cues.CONDUCT | cues.OWNED_STANCES


def _willing(verb: Token) -> bool:
    """ "will not offer X": a refusal, as a plain "did not offer X" is not."""
    return any(c.dep_ == "aux" and c.lower_ in cues.WILLING_AUX for c in verb.children)


def _wanted_done(verb: Token, ctx: Context) -> list[Target]:
    """ "called for the border to be closed", "demanded that the border be closed": the
    closure of the border, whether the parser reads "the border" as the subject of the
    passive or as the object of "for"."""
    wanted = objects_of(verb, ("for",))
    clauses = [c for c in verb.children if c.dep_ == "advcl"]
    clauses += [c for o in wanted for c in o.children if c.dep_ == "relcl"]
    asked_for = any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
    hung = [c for c in verb.children if c.dep_ == "advcl" and not _is_passive_form(c)]
    if asked_for:  # "called for [the tariffs] [to be withdrawn]", "for [the crossing] to be"
        clauses += [c for c in verb.children if c.dep_ == "xcomp"]
        clauses += [c for h in hung for c in h.children if c.dep_ == "xcomp"]
    clauses += [c for c in verb.children if c.dep_ == "ccomp" and _subjunctive(c)]
    asked = [c for c in verb.children if c.dep_ == "ccomp"]
    if none := [n for c in asked for n in _none_wanted(c)]:
        return list(targets_in(none, ctx, True))  # "insisted that there be no hard border"
    for clause in (c for c in clauses if _is_passive_form(c)):
        if clause.dep_ != "ccomp" and not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
        ):
            continue
        done = next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
        done = done or next((o for o in wanted if o.i < clause.i), None)
        if done is None and clause.head in hung:
            done = clause.head  # "pressed for the crossing to be reopened", parsed so
        if done is None or (done.pos_ not in {"NOUN", "PROPN"} and clause.head not in hung):
            continue
        refused = is_negated(clause)  # "demanded that the assets not be used"
        if negative_content(clause):  # "called for the sanctions to be lifted"
            return list(targets_in([done], ctx, not refused))
        if clause.head == done:  # "the crossing [to be reopened]": the noun's own words only
            named = phrase_of_span(done.doc[done.left_edge.i : done.i + 1], ctx.names_at())
            named = f"{noun_of(clause)} of {named}" if noun_of(clause) and named else None
        else:
            named = noun_of(clause) and action_phrase(clause, done, names=ctx.names_at())
        if named:
            return [Target(named, True, refused)]
    return []


def _none_wanted(clause: Token) -> list[Token]:
    """ "that there be no hard border" (a bare "be", as wished, not "there is no"): what
    is wanted not to exist."""
    if clause.lower_ != "be" or not any(c.dep_ == "expl" for c in clause.children):
        return []
    return [
        a
        for a in clause.children
        if a.dep_ == "attr" and any(d.dep_ == "det" and d.lower_ == "no" for d in a.children)
    ]


def _addressed(verb: Token, ctx: Context) -> bool:
    """Whether a verb of asking names whom it asks ("called on Hungary to", "asked the
    court to"), as a demand that someone act does; not "a session called by X", nor
    "called the move inadvisable"."""
    asked = [o for o in objects_of(verb, ("on", "upon")) if o.dep_ in {"dobj", "pobj"}]
    whom = [o for o in asked if o.pos_ == "PRON" or o.tag_ == "NNS" or actors(o, ctx, None)]
    to_act = any(c.dep_ == "xcomp" and infinitive(c) for c in verb.children)
    return bool(whom) and to_act and not _is_passive(verb)


def _addressed_to_act(verb: Token) -> bool:
    """Whether a verb of asking has an object asked to act ("urged the states to sign"):
    that object is whom it asks, whatever the noun, not what it wants."""
    asked = any(c.dep_ == "dobj" for c in verb.children)
    return asked and any(c.dep_ == "xcomp" and infinitive(c) for c in verb.children)


def _content_claims(
    verb: Token, ctx: Context, subjects: list[str], predicate: Predicate, options: dict
) -> Iterator[Claim]:
    """Stances on what a verb's infinitive is about ("urged Rabat to reopen the crossings");
    a demand's clause that states a fact ("insists the tariffs hurt farmers") asks nothing."""
    for obj, negative in content_objects(verb):
        if predicate in _PROPOSING and obj.head.dep_ == "ccomp" and _asserted(obj.head):
            continue
        if predicate is Predicate.SUPPORTS and _met_with(obj):
            continue  # "wants to meet Putin": a meeting wished for, no backing of Putin
        targets = list(targets_in([obj], ctx, negative))
        _note_clause(ctx, targets, obj)
        yield from _claims_for(ctx, subjects, predicate, targets, verb, **options, confidence=0.7)


def _after(verb: Token, marks: tuple[str, ...]) -> list[Token]:
    """A verb's objects and those of its prepositions, also where the parser hung the
    preposition on the particle ("pushed back against X")."""
    particles = [c for c in verb.children if c.dep_ in _PARTICLES]
    return objects_of(verb, marks) + [o for p in particles for o in objects_of(p, marks)]


def _asked_of_another(verb: Token) -> bool:
    """A verb with a subject of its own in the clause someone demands or wants: "insists
    that NATO halt", "demanded that Kyiv abandon X", "wants Japan to stop X"."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "withdraw its troops, stay neutral and abandon X"
    asking = clause.head
    if clause.dep_ == "acl" and _asked_in_noun(clause):
        return True  # "wants guarantees that NATO will stop X", "a demand that Kyiv cede Y"
    if clause.dep_ not in {"ccomp", "xcomp"} or asking.i == clause.i:
        return False
    if _cue_of(asking.lemma_.lower()) not in _PROPOSING and not base_forms(asking) & cues.HOPING:
        return False
    own = any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
    asked = [c for c in asking.children if c.dep_ == "dobj"] + objects_of(asking, ("on", "upon"))
    addressed = clause.dep_ == "xcomp" and bool(asked)  # "urged X to", "called on X to"
    return own or addressed


def _asked_in_noun(clause: Token) -> bool:
    """Whether a noun's content clause, with a subject of its own, says what is asked of
    that subject: the noun names a demand ("a demand that Kyiv cede X") or what one wants
    or seeks ("wants guarantees that NATO will stop X")."""
    noun = clause.head
    if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children):
        return False
    if cues.NOUNS.get(noun.lemma_.lower()) in _PROPOSING:
        return True
    wanting = noun.head if noun.dep_ == "dobj" else None
    return wanting is not None and (
        _cue_of(wanting.lemma_.lower()) in _PROPOSING or bool(base_forms(wanting) & cues.HOPING)
    )


def _under_refusal(verb: Token) -> bool:
    """ "refused to rule out X", "declined to back X", "did not want to block X": a verb
    completing a refusal or a negation takes the opposite stance."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i:
        return False
    return is_negated(head) or negative_content(head) or refusing(head)


def _is_passive(verb: Token) -> bool:
    return bool(_passive_subjects(verb)) and any(c.dep_ == "agent" for c in verb.children)


def _passive_subjects(verb: Token) -> list[Token]:
    """What a passive verb is done to, shared by its conjunct ("was welcomed by Spain and
    rejected by Hungary"): its subject, the noun a relative "which" stands for ("the plan,
    which was backed by Spain"), or the noun a participle describes ("a plan backed by
    Spain", "the plan, drafted by France and backed by Spain")."""
    own = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if own:
        return [_antecedent(subject) for subject in own]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return [verb.head]
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return _passive_subjects(verb.head)
    return []


def _antecedent(subject: Token) -> Token:
    """The noun a relative pronoun stands for: "the plan, which was backed by X"."""
    clause = subject.head
    if subject.tag_ == "WDT" and clause.dep_ == "relcl" and clause.head.i != clause.i:
        return clause.head
    return subject


_DEEDS = {Label.EVENT, Label.AGREEMENT}  # what is condemned besides its doers


def _accused(verb: Token, ctx: Context, accusers: list[str]) -> Iterator[Target]:
    """Entities accused or criticised: the object (the subject of a passive), or the owner
    of the object ("criticised Germany's stance", "his stance was criticised by X"), or
    whom a deed is blamed on ("blamed the attack on Ukraine"), or whom a pronoun stands
    for ("accusing him of lying"; "it" only after a verb of accusing, since "criticised
    it" may be about a plan)."""
    accusing = cues.VERBS.get(verb.lemma_.lower()) is Predicate.ACCUSES
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"] if _is_passive(verb) else []
    blamed = _blamed_on(verb, ctx)
    yield from (Target(b, False) for b in blamed)
    datives = [c for c in verb.children if c.dep_ == "dative" and c.pos_ in {"NOUN", "PROPN"}]
    for obj in objects_of(verb) + passive + datives:  # "fined Apple 500 million euros"
        if reciprocal := each_other(obj, ctx):  # "Russia and Ukraine blamed each other"
            yield from (Target(actor, False) for actor in reciprocal)
            continue
        for token in (obj, *obj.conjuncts):
            held = token.lemma_.lower() in cues.HELD  # "the Zimbabwe election": where, not who
            owners = (_owner(c, ctx) for c in token.children if not held and _owning(c, ctx))
            found = ctx.entity(token) or next((o for o in owners if o), None)
            found = found or (described_actor(token, ctx) if token.pos_ == "NOUN" else None)
            if token.pos_ == "PRON" and (accusing or token.lower_ != "it"):
                found = found or ctx.accused_meant(token, accusers)
            if found := found or _doer(token, ctx):  # "condemned the launch by North Korea"
                yield Target(found, False)
    for clause in verb.children:  # "criticised X, targeting statements made by Y"
        if clause.dep_ in {"advcl", "xcomp"} and clause.lemma_.lower() in cues.TARGETING:
            for obj in objects_of(clause):
                if author := _author(obj, ctx):
                    yield Target(author, False)


def _blamed_on(verb: Token, ctx: Context) -> list[str]:
    """ "Blamed the attack on Ukraine": the actor after "on" is blamed, not the deed's owner."""
    if verb.lemma_.lower() != "blame":
        return []
    ons = [o for t in (verb, *objects_of(verb)) for o in objects_of(t, ("on",)) if o.dep_ == "pobj"]
    return [e for o in ons for e in actors(o, ctx, None)]


def _doer(act: Token, ctx: Context) -> str | None:
    """Who did an act named by a noun: "the launch by X", "the attack carried out by X",
    "the decision of X" (a noun of deciding or acting)."""
    deed = act.lemma_.lower() in cues.REFERRING | cues.CONDUCT | cues.OWNED_STANCES
    for child in act.children:
        by = child if child.lower_ == "by" or (deed and child.lower_ == "of") else None
        if child.dep_ == "acl":  # "carried out by X"
            by = next((c for c in child.children if c.dep_ == "agent"), None)
        for pobj in by.children if by is not None else ():
            if pobj.dep_ != "pobj":
                continue
            if entity := ctx.entity(pobj) or described_actor(pobj, ctx):
                return entity  # "by Ethiopia", "by the Ethiopian government"
    return None


def _owning(child: Token, ctx: Context) -> bool:
    """A possessor or name before a noun ("China's ships", "NATO jets"), or a state's
    adjective ("Chinese ships"): whose the thing accused or condemned is."""
    if child.dep_ in {"poss", "compound"}:
        return True
    return child.dep_ == "amod" and ctx.labels.get(ctx.entity(child) or "") is Label.COUNTRY


def _owner(token: Token, ctx: Context) -> str | None:
    """The entity a possessor names, through "his" or "her" too."""
    if token.lower_ in cues.PERSONAL_PRONOUNS:
        return ctx.last_person(token.i)
    return ctx.entity(token)


def _author(thing: Token, ctx: Context) -> str | None:
    """Whose statement or policy: "made by X", "X's", "of X"."""
    for marks in (lambda t: t.dep_ == "pobj" and t.head.lower_ == "by",
                  lambda t: t.dep_ == "poss",
                  lambda t: t.dep_ == "pobj" and t.head.lower_ == "of"):  # fmt: skip
        found = [e for t in thing.subtree if marks(t) and (e := ctx.entity(t))]
        if found:
            return found[0]
    return None


def noun_claims(noun: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    predicate = cues.NOUNS.get(noun.lemma_.lower())
    if noun.lemma_.lower() in cues.CONTESTING and _against(noun):
        predicate = Predicate.OPPOSES  # "lodged an appeal against the fine"
    if predicate is None:
        return
    subjects = _noun_actors(noun, ctx, speaker)
    if not subjects:
        return
    negated = _governing_negation(noun) or any(c.lower_ == "no" for c in noun.children)
    if _ended(noun):  # "dropped its objections to X" supports X; "withdrew its support" opposes
        if predicate not in _ENDED:
            return  # "dropped its demand for X" says no more than that
        predicate = _ENDED[predicate]
    elif _own_ending_planned(noun):
        return  # "agreed to lift the ban on X", "refused to lift it": the verb says which
    options = dict(negated=negated, speaker=speaker, confidence=0.7)  # "has no plans to"
    marks = ("for", "on", "to", "over", "of", "against", "about")
    if predicate is Predicate.SUPPORTS or noun.lemma_.lower() in cues.FELT_WITH:
        marks += ("with",)  # "solidarity with X", "dissatisfaction with X"; a call with X is
        # a call, not a demand
    direct = objects_of(noun, marks)
    if any(d.head.lower_ != "of" for d in direct if d.dep_ == "pobj"):
        direct = [d for d in direct if d.head.lower_ != "of"]  # "the support of X for Y": Y
    direct = [d for d in direct if not (d.head.lower_ == "of" and ctx.entity(d) in subjects)]
    if not direct and noun.dep_ == "dobj":  # "filed an objection to X", "voiced his support
        direct = objects_of(noun.head, ("to", "over", "against", "for"))  # for X": on the verb
        direct = [d for d in direct if d.dep_ == "pobj"]
    if not direct and noun.dep_ == "pobj" and noun.head.head.lemma_ in cues.MEETING_NOUNS:
        return
    yield from _claims_for(ctx, subjects, predicate, list(targets_in(direct, ctx)), noun, **options)
    for obj, negative in content_objects(noun):
        targets = list(targets_in([obj], ctx, negative))
        _note_clause(ctx, targets, obj)
        yield from _claims_for(ctx, subjects, predicate, targets, noun, **options)
    for item in _listed(noun):
        targets = list(targets_in([item], ctx))
        yield from _claims_for(ctx, subjects, predicate, targets, noun, **options)


_ENDED = {Predicate.OPPOSES: Predicate.SUPPORTS, Predicate.SUPPORTS: Predicate.OPPOSES}


def _ended(noun: Token) -> bool:
    """Whether a stance noun is the object of a verb that ends it: "dropped its objections",
    "lifted its veto", "withdrew its support" (done, not asked for)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.dep_ == "xcomp" or infinitive(verb):
        return False  # "urged Hungary to lift its veto": the veto stands
    if _asked_of_another(verb):
        return False  # "demanded that Kyiv abandon its bid": the bid stands
    return negative_content(verb) or verb.lemma_.lower() in cues.RETRACTING


def _own_ending_planned(noun: Token) -> bool:
    """Whether a stance noun is the object of an ending its holder agrees to, wants or
    refuses ("agreed to lift the ban", "refused to drop its objections"): the stance the
    sentence asserts is on the ending, read from the verbs; not when another is asked to
    end it ("urged Hungary to lift its veto": Hungary's veto stands)."""
    verb = noun.head
    if noun.dep_ != "dobj" or not (verb.dep_ == "xcomp" or infinitive(verb)):
        return False
    if not (negative_content(verb) or verb.lemma_.lower() in cues.RETRACTING):
        return False
    governor = verb.head
    asked = [c for c in governor.children if c.dep_ == "dobj"] + objects_of(governor, ("on",))
    return not asked and not _asked_of_another(governor)


def _governing_negation(noun: Token) -> bool:
    """Whether the verb a noun is the object of is negated: "has not expressed its support"."""
    head = noun.head
    while head.dep_ in {"prep", "pobj", "dobj"} and head.head.i != head.i:
        head = head.head
    return head.lemma_.lower() in cues.EXPRESSING and is_negated(head)


def _listed(noun: Token) -> Iterator[Token]:
    """Items listed with a cue noun: "three key demands - preventing X, Y and Z" (after a
    dash or colon they are the list even where the parser hung them elsewhere), "the
    proposals, which include X and Y"."""
    items = [c for c in noun.children if c.dep_ in {"appos", "acl"} and c.pos_ in _ITEMS]
    items += [  # "proposals, which include X, Y and Z"
        item
        for clause in noun.children
        if clause.dep_ == "relcl" and clause.lemma_.lower() in cues.INCLUDING
        for item in clause.children
        if item.dep_ in {"dobj", "xcomp"} and item.pos_ in _ITEMS
    ]
    for item in dict.fromkeys(items):
        yield from (item, *item.conjuncts)
    yield from listed_after(noun)


_ITEMS = {"NOUN", "VERB"}


def _noun_actors(noun: Token, ctx: Context, speaker: str | None) -> list[str]:
    """Whose demand or proposal: possessor, demonym, the actor after "of" ("the demands of
    the union"), or the subject of the verb it is under."""
    for child in noun.children:
        if child.dep_ in OWNER_DEPS:
            actor = resolve_actor(child, ctx, speaker) or _addressee_owning(child, ctx)
            if actor:
                return list(dict.fromkeys([actor, *_restating(noun, ctx, speaker)]))
    if marked := _authors_marked(noun, ctx):  # "support for X from Peru", "came from Peru"
        return list(dict.fromkeys([*marked, *_restating(noun, ctx, speaker)]))
    judging = cues.NOUNS.get(noun.lemma_.lower())
    if judging is Predicate.ACCUSES and _authors_after_of(noun, ctx):
        return []  # "the accusations of X": by X or against X, the words do not say
    if judging is not Predicate.CRITICIZES and (authors := _authors_after_of(noun, ctx)):
        return list(dict.fromkeys([*authors, *_restating(noun, ctx, speaker)]))
    head, hops, through_noun, to = noun, 0, False, False
    while head.dep_ in {"pobj", "dobj", "prep", "conj", "appos"} and hops < 4:
        head, hops = head.head, hops + 1
        to = to or (head.dep_ == "prep" and head.lower_ == "to" and head.head.pos_ == "VERB")
        if head.pos_ in {"NOUN", "PROPN"} and head.lemma_.lower() not in cues.CONTAINERS:
            through_noun = True  # "a response to the demands": whose depends on the verb
        if head.pos_ == "VERB":
            if to and head.lemma_.lower() in cues.GIVING:
                return []  # "sent answers to the proposals": the proposals went to the giver
            if through_noun and head.lemma_.lower() in cues.GIVING:
                # "delivered to Russia responses to the proposals": the proposals of whoever
                # the response goes to
                return _recipients(head, ctx)
            if _evaluating(head):
                return []  # "Poland rejected the proposal": someone else's proposal
            if head.lemma_.lower() in cues.ANSWERING:
                return []  # "addressing concerns about X": others' concerns
            return _owning_agrees(noun, acting_subjects(head, ctx, speaker), ctx)
    return []


def _owning_agrees(noun: Token, subjects: list[str], ctx: Context) -> list[str]:
    """The subjects a noun's possessive pronoun can stand for: "its criticism of X" is no
    person's, "his support for X" no state's ("Celik took issue with the text, notably
    its criticism of X": the text's criticism, not Celik's)."""
    owners = {c.lower_ for c in noun.children if c.dep_ == "poss"}
    if "its" in owners:
        return [s for s in subjects if ctx.labels.get(s) is not Label.PERSON]
    if owners & {"his", "her"}:
        return [s for s in subjects if ctx.labels.get(s) is Label.PERSON]
    return subjects


def _evaluating(verb: Token) -> bool:
    """Whether a verb takes a stance on what it takes ("rejected", "balked at"): a noun of
    proposing under it is someone else's proposal."""
    lemma = verb.lemma_.lower()
    phrasal = phrasal_cue(verb, lemma)
    prepositional = cues.VERB_PREPOSITIONS.get(lemma)
    cue = phrasal[1] if phrasal else cues.VERBS.get(lemma) or (prepositional or (None,))[0]
    return cue in _EVALUATING


def _authors_marked(noun: Token, ctx: Context) -> list[str]:
    """The actors a "from" or "by" after a noun of stance names ("calls from Estonia for
    X", "criticism of X by the IMF"), or the "from" of the verb it comes from ("the
    sharpest criticism came from Germany")."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"from", "by"}]
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "come":
        preps += [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "from"]
    return [e for p in preps for o in _pobj_and_conjuncts(p) if (e := ctx.entity(o))]


def _authors_after_of(noun: Token, ctx: Context) -> list[str]:
    """The actors an "of" after a noun of stance names: "the support of Peru for X"."""
    ofs = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    return [e for p in ofs for o in _pobj_and_conjuncts(p) if (e := ctx.entity(o))]


def _restating(noun: Token, ctx: Context, speaker: str | None) -> list[str]:
    """ "Kuleba renewed Kyiv's request for X", "Hungary shared Poland's demand", "Poland's
    demand was shared by Hungary": who restates or shares a stance holds it too."""
    verb = noun.head
    if verb.lemma_.lower() not in cues.RESTATING or is_negated(verb):
        return []
    if noun.dep_ not in {"dobj", "nsubjpass"}:
        return []
    return acting_subjects(verb, ctx, speaker)  # a passive's subjects are its agents


def _addressee_owning(owner: Token, ctx: Context) -> str | None:
    """ "called on Hungary to lift its veto": "its" is the one asked to act, the actor the
    verb above the infinitive addresses."""
    if owner.lower_ not in {"its", "their"}:
        return None
    verb = owner.head.head
    if verb.dep_ != "xcomp" or verb.head.i == verb.i:
        return None
    asked = objects_of(verb.head, ("on", "upon"))
    return next((e for o in asked if o.dep_ in {"dobj", "pobj"} and (e := ctx.entity(o))), None)


def _recipients(verb: Token, ctx: Context) -> list[str]:
    """The actors something is given to: "delivered to Russia", "sent Russia"."""
    preps = [c for c in verb.children if c.dep_ in {"prep", "dative"} and c.lower_ == "to"]
    found = [ctx.entity(o) for p in preps for o in _pobj_and_conjuncts(p)]
    found += [ctx.entity(c) for c in verb.children if c.dep_ == "dative" and c.pos_ == "PROPN"]
    return list(dict.fromkeys(a for a in found if a))


def meeting_claims(noun: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    if noun.lower_ not in cues.MEETING_NOUNS or _hypothetical(noun):
        return
    held = not _unreal_clause(noun)  # "consultations will begin": an event, not yet a meeting
    options = dict(negated=False, speaker=speaker, confidence=0.7)
    for prep in [*noun.children, *_held_with(noun)]:
        if prep.dep_ != "prep":
            continue
        partners = [ctx.entity(t) or named_by_title(t, ctx) for t in _pobj_and_conjuncts(prep)]
        partners = list(dict.fromkeys(p for p in partners if p))
        if prep.lower_ in {"in", "of"}:
            where = {ctx.entity(t, ACTORS | {Label.PLACE}) for t in _pobj_and_conjuncts(prep)}
            ctx.note_meeting(noun, prep, where - {None})  # type: ignore[arg-type]
        if not held:
            continue
        if prep.lower_ == "between" and len(partners) >= 2:
            yield from _each_pair_meets(ctx, partners, noun, **options)
        elif prep.lower_ == "with" and partners:
            hosts = _noun_actors(noun, ctx, speaker) or ([speaker] if speaker else [])
            ctx.note_meeting(noun, prep, {*hosts, *partners})
            yield from _claims_for(
                ctx, hosts, Predicate.MEETS, [Target(p, False) for p in partners], noun, **options
            )


def _against(noun: Token) -> bool:
    """Whether a noun (or the verb it is the object of) has an "against": "an appeal
    against the ruling", "filed an appeal on Monday against the ruling"."""
    holders = [noun] + ([noun.head] if noun.dep_ == "dobj" else [])
    return any(c.dep_ == "prep" and c.lower_ == "against" for h in holders for c in h.children)


def _held_with(noun: Token) -> list[Token]:
    """ "held talks on Monday with X", "had a call on Sunday with X": the "with" the parser
    hung on the verb that holds the meeting, after a time between them."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in cues.HOLDING:
        return []
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
        return []
    return [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > noun.i]


def _hypothetical(noun: Token) -> bool:
    """ "a potential meeting between X and Y", "talks between X and Y are impossible",
    "ready to hold talks with X", "talks scheduled for Friday": a meeting that has not
    happened."""
    if any(c.dep_ == "amod" and c.lower_ in cues.HYPOTHETICAL for c in noun.children):
        return True
    phrase = [noun] + ([noun.head.head] if noun.dep_ == "pobj" else [])  # "a round of talks"
    clauses = [c for n in phrase for c in n.children if c.dep_ in {"acl", "relcl"}]
    clauses += [t for t in noun.subtree if t.dep_ == "relcl"]  # hung on the last partner
    if any(c.lemma_.lower() in cues.SCHEDULED for c in clauses):
        return True  # "talks scheduled for Friday", "a summit, which is planned for May"
    if any(a.lemma_.lower() in cues.INTENDING for a in list(noun.ancestors)[:4]):
        return True
    verb = noun.head if noun.dep_ == "nsubj" else None
    judged = [c.lower_ for c in verb.children if c.dep_ == "acomp"] if verb is not None else []
    return any(word in cues.HYPOTHETICAL for word in judged)


def _unreal_clause(noun: Token) -> bool:
    """ "talks with X should not begin", "would speak to X later", "threatened to cancel
    the meeting": the clause a meeting noun stands in is negated, modal or called off."""
    verb = next((a for a in list(noun.ancestors)[:3] if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return False
    if verb.lemma_.lower() in cues.CALLING_OFF or is_negated(verb):
        return True
    return any(c.dep_ == "aux" and c.lower_ in cues.MODAL_AUXILIARIES for c in verb.children)


def _pobj_and_conjuncts(prep: Token) -> list[Token]:
    found = []
    for child in prep.children:
        if child.dep_ == "pobj":
            found.extend((child, *child.conjuncts))
            found.extend(c for c in child.children if c.dep_ == "preconj")
    return found


def predicative_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """A reported judgement on a topic: "Y should be out of the question, X said"; "Y is
    impossible without Z" and "Y without Z is futile" want Z; "Y seems unfair", "remains
    unacceptable", "sounds absurd" judge as "is" does."""
    if verb.lemma_.lower() not in cues.LINKING:
        return
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in cues.FIRST_PERSON:
        return
    holders = _experiencers(verb, ctx) or ([speaker] if speaker else [])
    if not holders:
        return
    if ctx.entity(subject):  # "Lukashenko is a dictator": said of an actor, only a reproach
        yield from _reproached(verb, subject, ctx, holders, speaker)
        return
    judged = [t for c in verb.children if c.dep_ in {"acomp", "attr", "prep"} for t in c.subtree]
    words = {w for t in judged for w in (t.lemma_.lower(), t.lower_)}
    said = [c for c in verb.children if c.dep_ in {"acomp", "attr"}]  # "neither free nor fair"
    negated = is_negated(verb) or any(
        (d.dep_, d.lower_) == ("preconj", "neither") for c in said for d in c.children
    )
    options = dict(negated=negated, speaker=speaker, confidence=0.6)
    without = [c for t in judged if t.lower_ == "without" for c in t.children if c.dep_ == "pobj"]
    lacking = [  # "talks without X are futile": what they lack is what is wanted
        c for t in subject.subtree if t.lower_ == "without" for c in t.children if c.dep_ == "pobj"
    ]
    if (without or lacking) and words & cues.OPPOSING_PREDICATES:  # not "is without merit"
        wanted = [_taking_part(t, subject, ctx) for t in targets_in(without or lacking, ctx)]
        yield from _claims_for(ctx, holders, Predicate.SUPPORTS, wanted, verb, **options)
    elif words & cues.OPPOSING_PREDICATES:
        yield from _claims_for(
            ctx, holders, Predicate.OPPOSES, list(targets_in([subject], ctx)), verb, **options
        )
    elif words & cues.SUPPORTING_PREDICATES:
        yield from _claims_for(
            ctx, holders, Predicate.SUPPORTS, list(targets_in([subject], ctx)), verb, **options
        )
    elif words & cues.CRITICISING_PREDICATES:  # "the tariffs are a mistake"
        yield from _claims_for(
            ctx, holders, Predicate.CRITICIZES, list(targets_in([subject], ctx)), verb, **options
        )
    elif evaluation := _evaluation([c for c in verb.children if c.dep_ in {"acomp", "attr"}]):
        yield from _claims_for(  # "the deal was excellent", "X is a reckless step"
            ctx, holders, evaluation, list(targets_in([subject], ctx)), verb, **options
        )


def _reproached(
    verb: Token, subject: Token, ctx: Context, holders: list[str], speaker: str | None
) -> Iterator[Claim]:
    """ "X is a dictator", "X is a threat to peace", X said of by another: a reproach."""
    named = [c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    words = {w for n in named for w in (n.lemma_.lower(), n.lower_)}
    critical = words & cues.CRITICISING_PREDICATES or _evaluation(named) is Predicate.CRITICIZES
    if not critical or is_negated(verb):
        return
    targets = [Target(e, False) for e in [ctx.entity(subject)] if e]
    yield from _claims_for(ctx, holders, Predicate.CRITICIZES, targets, verb, negated=False,
                           speaker=speaker, confidence=0.6)  # fmt: skip


def _evaluation(judged: list[Token]) -> Predicate | None:
    """What words of judgement say of a thing, if they agree: "(is) reckless", "(called
    it) a dangerous and unjustified step", "(called the arrest) a violation" criticise it,
    "(an) excellent (deal)", "(is) a triumph" support it."""
    words = [a for j in judged for a in (j, *j.conjuncts) if a.pos_ == "ADJ"]
    words += [m for j in judged if j.pos_ == "NOUN" for m in j.children if m.dep_ == "amod"]
    words += [c for w in list(words) for c in w.conjuncts if c not in words]
    found = {cues.EVALUATIONS.get(w.lower_, cues.EVALUATIONS.get(w.lemma_.lower())) for w in words}
    nouns = [n for j in judged for n in (j, *j.conjuncts) if n.pos_ == "NOUN"]
    found |= {cues.EVALUATION_NOUNS.get(n.lemma_.lower()) for n in nouns}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _experiencers(verb: Token, ctx: Context) -> list[str]:
    """Those a judgement holds for: "the offer is unacceptable to the union" (an adjective
    of judgement; "a blow to X" is said of X, X says nothing)."""
    judging = [c for c in verb.children if c.dep_ == "acomp" and c.pos_ == "ADJ"]
    to = [p for j in judging for p in j.children if p.dep_ == "prep" and p.lower_ == "to"]
    return [a for p in to for o in p.children if o.dep_ == "pobj" for a in actors(o, ctx, None)]


def judgement_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "X called the deal unacceptable", "X described the plan as dangerous": a judgement
    of the object is a stance on it (negated: "did not consider it necessary")."""
    if verb.lemma_.lower() not in cues.JUDGING:
        return
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubj"} and c.i > verb.i]
    judged = [c for c in verb.children if c.dep_ in {"oprd", "xcomp", "ccomp"}]
    judged += [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "NOUN"]  # "a mistake"
    if not objects:  # "considered [the proposal constructive]": a small clause
        objects = [s for j in judged for s in j.children if s.dep_ == "nsubj" and s.i < j.i]
    split = [j for j in judged if objects and j.pos_ == "NOUN" and j.i == objects[0].i + 1]
    if split:  # "called [the Mercosur] [deal] unacceptable": one noun phrase split in two
        objects, judged = split, [j for j in judged if j not in split]
    judged += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
               for g in c.children if g.dep_ in {"pobj", "amod", "acomp"}]  # fmt: skip
    judged += [a for o in objects[:1] for a in o.children if _named_a(a)]  # "branded X a liar"
    if not judged and len(objects) == 1:  # "called it unacceptable" parsed as a clause
        judged = [c for c in objects[0].children if c.dep_ in {"amod", "acomp"}]
    words = {w for j in judged for t in j.subtree for w in (t.lemma_.lower(), t.lower_)}
    predicate = next((cues.JUDGEMENTS[w] for w in words if w in cues.JUDGEMENTS), None)
    predicate = predicate or _evaluation(judged)
    subjects = acting_subjects(verb, ctx, speaker) if predicate and objects else []
    if not subjects:
        return
    targets = list(targets_in(objects[:1], ctx))
    yield from _claims_for(ctx, subjects, predicate, targets, verb, negated=is_negated(verb),
                           speaker=speaker, confidence=0.7)  # fmt: skip
    if predicate in _AGAINST_CLASS and not is_negated(verb):
        owners = [Target(o, False) for o in _judged_owners(objects[0], ctx)]
        yield from _claims_for(ctx, subjects, Predicate.CRITICIZES, owners, verb, negated=False,
                               speaker=speaker, confidence=0.6)  # fmt: skip


def _judged_owners(judged: Token, ctx: Context) -> list[str]:
    """ "called Russia's rhetoric dangerous", "called the government's policy weak",
    "described the French response as disproportionate": whose the thing judged badly is
    (by a possessor or a state's adjective), who is criticised with it."""
    owners = [c for c in judged.children if c.dep_ == "poss"]
    found = [
        _owner(o, ctx) or (described_actor(o, ctx) if o.pos_ == "NOUN" else None) for o in owners
    ]
    found += [ctx.entity(c) for c in judged.children if c.dep_ == "amod" and _owning(c, ctx)]
    return [e for e in found if e]


def _named_a(noun: Token) -> bool:
    """ "branded Maduro a dictator", parsed as an apposition of the object: "a" noun after it."""
    return (
        noun.dep_ == "appos"
        and noun.pos_ == "NOUN"
        and any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in noun.children)
    )


def _taking_part(target: Target, effort: Token, ctx: Context) -> Target:
    """ "Talks between X and Y are impossible without the involvement of Z": what is
    wanted is Z's involvement in those talks, not Z's involvement in general."""
    text, is_topic, negative = target
    head = text.split()[0] if is_topic else ""
    if head.lower() not in cues.TAKING_PART:
        return target
    doc = effort.doc
    inside = [t for t in effort.subtree if t.lower_ == "without"]
    end = min((t.i for t in inside), default=effort.right_edge.i + 1)
    span = doc[effort.left_edge.i : end]
    effort_text = phrase_of_span(span, ctx.names_at())
    if not effort_text:
        return target
    joined = f"{text} in {effort_text}"
    ctx.surfaces.setdefault(joined, set()).update(ctx.surfaces.get(text, ()))
    return Target(joined, True, negative)


def adjective_claims(adjective: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "X is interested in Y", "X is opposed to Y", "X was disappointed with Y" (parsed as
    a passive verb)."""
    cue = cues.ADJECTIVES.get(adjective.lower_)
    said = adjective
    while said.dep_ == "conj" and said.head.i != said.i:  # "upbeat about X but critical of Y"
        said = said.head
    # "Mexico was disappointed", "was frustrated and disappointed with": a passive verb
    felt = said.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in said.children)
    if cue is None or (said.dep_ not in {"acomp", "amod", "advcl"} and not felt):
        return
    predicate, prepositions = cue
    holder = said if felt else said.head  # the verb whose subject feels it
    felt_by = [c for c in said.children if c.dep_ == "nsubjpass"] if felt else []
    subjects = (
        [a for s in felt_by for a in actors(s, ctx, speaker)]
        if felt
        else acting_subjects(holder, ctx, speaker)
    )
    options = dict(negated=is_negated(holder), speaker=speaker, confidence=0.75)
    objects = objects_of(adjective, prepositions)
    if felt and "by" in prepositions:  # "alarmed by X": the parser's agent
        objects += [o for a in adjective.children if a.dep_ == "agent" for o in a.children]
    targets = list(targets_in([o for o in objects if o.dep_ != "nsubjpass"], ctx))
    yield from _claims_for(ctx, subjects, predicate, targets, adjective, **options)
    for obj, negative in content_objects(adjective):  # "ready to provide aid"
        if _met_with(obj):
            continue  # "ready to meet Putin", "ready to discuss arms control": no stance
        targets = list(targets_in([obj], ctx, negative))
        _note_clause(ctx, targets, obj)
        yield from _claims_for(ctx, subjects, predicate, targets, adjective, **options)


def _met_with(obj: Token) -> bool:
    """Whether an object is whom or what a verb of meeting or talking takes."""
    verb = obj.head.head if obj.head.dep_ == "prep" else obj.head
    lemma = verb.lemma_.lower()
    meeting = _cue_of(lemma) is Predicate.MEETS or lemma in cues.JOINT_VERBS
    return verb.pos_ == "VERB" and meeting


def emphasis_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "X underscored the importance of Y" supports Y; "X stressed the need for Y" demands
    it: what the stressed noun of weight wraps."""
    if verb.lemma_.lower() not in cues.STRESSING:
        return
    weights = [o for o in objects_of(verb) if o.lemma_.lower() in cues.WEIGHT_NOUNS]
    subjects = acting_subjects(verb, ctx, speaker) if weights else []
    for weight in weights:
        inner = wrapped(weight)
        if inner is None:
            continue
        predicate = cues.WEIGHT_NOUNS[weight.lemma_.lower()]
        targets = list(targets_in([inner], ctx))
        options = dict(negated=is_negated(verb), speaker=speaker, confidence=0.7)
        yield from _claims_for(ctx, subjects, predicate, targets, verb, **options)


def modal_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """In reported speech, "Y must be given", "they should give Y" or "Y has to be given":
    the speaker demands Y."""
    have_to = _have_to(verb)
    if speaker is None or not (have_to or any(c.lower_ in cues.DEONTIC for c in verb.children)):
        return
    if verb.lemma_.lower() in cues.VERBS and not have_to:
        yield from _wished_done(verb, ctx, speaker)  # "the deal must be approved"
        return
    if verb.lemma_.lower() in cues.VERBS or verb.lemma_ == "be":
        return  # the verb's own cue, or a judgement, says more than the modal
    if any(c.dep_ == "prt" for c in verb.children) and not refusing(verb):
        return  # "had to give up power": a particle verb means what its particle makes it
    negative = negative_content(verb) or refusing(verb)
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if names_action(verb):  # "Uganda must withdraw its troops": their withdrawal
        objects = [verb]
    if have_to and _is_passive_form(verb):  # "the hostages have to be released"
        objects += [c for c in verb.head.children if c.dep_ == "nsubj"]
    targets = [t for t in targets_in(objects, ctx) if t.topic]
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is None and have_to and _is_passive_form(verb):
        passive = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    named = nominal(verb, passive) if passive is not None and _bare(targets) else None
    if named:
        targets, negative = [Target(named, True)], False
    predicate = Predicate.OPPOSES if negative else Predicate.DEMANDS
    if not negative:  # "must show sincerity", "have to turn the page": a manner, no issue
        targets = [t for t in targets if len(t.value.split()) > 1]
    yield from _speakers_claims(ctx, speaker, predicate, targets, verb)
    for gapped in _gapped_objects(verb):  # "must give X, but not Y": Y with its own negation
        targets = [t for t in targets_in([gapped], ctx, is_negated(gapped)) if t.topic]
        yield from _speakers_claims(ctx, speaker, predicate, targets, verb)


def _wished_done(verb: Token, ctx: Context, speaker: str) -> Iterator[Claim]:
    """ "The deal must be approved", "the attack should be condemned", X said: X takes the
    stance the passive verb names on its subject (no actor of the verb is said)."""
    cue = cues.VERBS.get(verb.lemma_.lower())
    if cue in {None, Predicate.MEETS} or not _is_passive_form(verb):
        return
    if any(c.dep_ == "agent" for c in verb.children):
        return  # "must be approved by parliament": parliament's act, asked of it
    targets = list(targets_in(_passive_subjects(verb), ctx))
    yield from _speakers_claims(ctx, speaker, cue, targets, verb)  # type: ignore[arg-type]


def _have_to(verb: Token) -> bool:
    """ "Has to be settled", "had to give": the infinitive of an obligation."""
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return verb.dep_ == "xcomp" and verb.head.lemma_ == "have" and to


def _is_passive_form(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _note_clause(ctx: Context, targets: list[Target], obj: Token) -> None:
    """ "urged Rabat to reopen the crossings": the clause as written is how a reader may
    name the topic ("reopen the crossings"), kept as its alias."""
    verb = obj.head.head if obj.head.dep_ == "prep" else obj.head
    text = clause_text(verb) if verb.pos_ in {"VERB", "AUX"} and verb.i != obj.i else None
    for target in targets:
        if text and target.topic and target.value != text:
            ctx.surfaces.setdefault(target.value, set()).add(text)


def _bare(targets: list[Target]) -> bool:
    """No target, or only topics of one word: "tension must be reduced" is about the
    reduction of tension, not about tension."""
    return all(t.topic and len(t.value.split()) == 1 for t in targets)


def _gapped_objects(verb: Token) -> list[Token]:
    """Nouns coordinated with the verb itself, its object with the verb left out."""
    return [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN"]


def means_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "peace could be maintained through the deployment of peacekeepers", said by X:
    X proposes the means to the end they speak of."""
    if speaker is None or verb.lemma_.lower() not in cues.ACHIEVING or is_negated(verb):
        return
    means = [
        o
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ in {"through", "via", "by"}
        for o in p.children
        if o.dep_ == "pobj"
    ]
    targets = [t for t in targets_in(means, ctx) if t.topic]
    yield from _speakers_claims(ctx, speaker, Predicate.PROPOSES, targets, verb)


def reported_accusation(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "the US and NATO ignored our demands, Putin said": Putin accuses them."""
    if speaker is None or verb.lemma_.lower() not in cues.ACCUSING_VERBS:
        return
    accused = acting_subjects(verb, ctx, None)  # not the speaker: they are accusing
    targets = [Target(a, False) for a in accused if a != speaker]
    yield from _speakers_claims(ctx, speaker, Predicate.ACCUSES, targets, verb)


def responsibility_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """In reported speech, holding someone responsible accuses them: "Britain will bear
    responsibility for whatever follows", "Moscow is to blame", "the responsibility lay
    with Moscow", "X was responsible for the attack"."""
    if speaker is None or is_negated(verb):
        return
    held = _held_responsible(verb)
    accused = [a for h in held for a in actors(h, ctx, None) if a != speaker]
    yield from _speakers_claims(
        ctx, speaker, Predicate.ACCUSES, [Target(a, False) for a in accused], verb
    )


def holding_responsible_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "Kenya holds Uganda responsible for the attack", "Washington must be held accountable
    for the strike, X said": whoever holds another to account accuses them (the speaker
    of a passive with no "by")."""
    judged = [
        c
        for c in verb.children
        if c.lower_ in cues.RESPONSIBLE and c.dep_ in {"oprd", "ccomp", "advcl", "acomp", "xcomp"}
    ]
    if verb.lemma_.lower() != "hold" or not judged or is_negated(verb):
        return
    held = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    held += [s for j in judged for s in j.children if s.dep_ == "nsubj"]  # "holds X responsible"
    if _is_passive_form(verb) or any(c.dep_ == "nsubjpass" for c in verb.children):
        by = [o for a in verb.children if a.dep_ == "agent" for o in a.children]
        accusers = [a for b in by for a in actors(b, ctx, speaker)] or (
            [speaker] if speaker else []
        )
    else:
        accusers = acting_subjects(verb, ctx, speaker)
    accused = [Target(a, False) for h in held for a in actors(h, ctx, None)]
    yield from _claims_for(
        ctx, accusers, Predicate.ACCUSES, accused, verb,
        negated=False, speaker=speaker, confidence=0.7,
    )  # fmt: skip


def _held_responsible(verb: Token) -> list[Token]:
    """Who a clause holds responsible: the subject of "bears responsibility", "is
    responsible", "is to blame"; the object of "the blame lies with"."""
    lemma, children = verb.lemma_.lower(), list(verb.children)
    bears = lemma in cues.BEARING and any(
        c.dep_ == "dobj" and c.lemma_.lower() in cues.BLAME_NOUNS for c in children
    )
    is_blamed = lemma == "be" and any(
        (c.dep_ == "acomp" and c.lower_ == "responsible")
        or (c.dep_ == "xcomp" and c.lemma_.lower() == "blame")
        for c in children
    )
    if bears or is_blamed:
        return [s for s in [subject_of(verb)] if s is not None]
    lies = lemma in {"lie", "rest"} and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in cues.BLAME_NOUNS for c in children
    )
    return objects_of(verb, ("with", "on")) if lies else []


def none_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """In reported speech, "there would be no ground troops in Ukraine" opposes them: a
    speaker ruling something out by saying there will be none of it, or no need for it.
    "There is no crisis", "there have been no contacts" state facts and rule out nothing."""
    if speaker is None or verb.lemma_ != "be" or is_negated(verb):
        return
    if not any(c.dep_ == "expl" and c.lower_ == "there" for c in verb.children):
        return
    ahead = has_modal(verb)
    ruled_out = [
        n for a in verb.children if a.dep_ == "attr" for n in (a, *a.conjuncts)
        if any(d.dep_ == "det" and d.lower_ == "no" for d in n.children)
        and n.lemma_.lower() not in cues.NOT_RULED_OUT
        and (ahead or wrapped(n) is not None)
    ]  # fmt: skip
    targets = [t for n in ruled_out for t in target_of(n, ctx) if t.topic]
    yield from _speakers_claims(ctx, speaker, Predicate.OPPOSES, targets, verb)


def threat_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "Russia warned of a war if Ukraine joins NATO", "threatened to respond if Finland
    joined": what a warning or threat is conditioned on is opposed; what it threatens to
    punish the absence of is demanded ("warned of strikes if Tehran does not make peace",
    "unless it names a representative")."""
    if verb.lemma_.lower() not in cues.THREATENING or is_negated(verb):
        return
    conditions = [
        t for t in verb.subtree
        if t.dep_ == "advcl" and t.pos_ == "VERB"
        and any(m.dep_ == "mark" and m.lower_ in cues.CONDITIONS for m in t.children)
    ]  # fmt: skip
    subjects = acting_subjects(verb, ctx, speaker) if conditions else []
    for condition in conditions:
        unless = any(m.dep_ == "mark" and m.lower_ == "unless" for m in condition.children)
        named = names_action(condition) or condition.lemma_.lower() in cues.JOINING
        targets = [t for t in targets_in([condition] if named else objects_of(condition), ctx)]
        wanted = unless != is_negated(condition)  # "if X does not make peace": peace wanted
        predicate = Predicate.DEMANDS if wanted else Predicate.OPPOSES
        yield from _claims_for(
            ctx, subjects, predicate, [t for t in targets if t.topic], verb,
            negated=False, speaker=speaker, confidence=0.6,
        )  # fmt: skip


def hope_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "he hopes that the dialogue will continue": support for what the clause is about."""
    if not base_forms(verb) & cues.HOPING:
        return
    subjects = acting_subjects(verb, ctx, speaker)
    about = clause_subjects(verb)
    removed = [s for s in about if _removal(s.head)]  # "hopes the sanctions will be lifted"
    targets = [t for t in targets_in([s for s in about if s not in removed], ctx) if t.topic]
    targets += [t for t in targets_in(removed, ctx, True) if t.topic]
    yield from _claims_for(
        ctx,
        subjects,
        Predicate.SUPPORTS,
        targets,
        verb,
        negated=is_negated(verb),
        speaker=speaker,
        confidence=0.6,
    )


def intention_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "Lithuania vowed to close its border": a commitment is a stance on the action it
    commits to (and "decided not to extend X" on X, against)."""
    intended = [cues.INTENTIONS[f] for f in base_forms(verb) if f in cues.INTENTIONS]
    if not intended:
        return
    subjects = acting_subjects(verb, ctx, speaker)
    for obj, negative in content_objects(verb, committed=True):
        if _met_with(obj):
            continue  # "plans to meet Li Qiang": a meeting intended, no stance on him
        targets = list(targets_in([obj], ctx, negative))
        yield from _claims_for(
            ctx, subjects, intended[0], targets, verb,
            negated=is_negated(verb), speaker=speaker, confidence=0.7,
        )  # fmt: skip


def intended_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "Israel has no intention of signing the proposal", "Kenya signalled its readiness to
    send police officers to Haiti": an intention stated is a stance on the action it
    intends ("no" or a negated verb turns it against)."""
    if verb.lemma_.lower() not in cues.STATING_INTENTION:
        return
    nouns = [
        c
        for c in verb.children
        if c.dep_ == "dobj" and c.lemma_.lower() in cues.INTENTION_NOUNS and _intends_action(c)
    ]
    if not nouns:
        return
    subjects = acting_subjects(verb, ctx, speaker)
    for noun in nouns:
        denied = is_negated(verb) != any(c.lower_ == "no" for c in noun.children)
        for obj, negative in content_objects(noun, committed=True):
            if _met_with(obj):
                continue
            yield from _claims_for(
                ctx, subjects, cues.INTENTION_NOUNS[noun.lemma_.lower()],
                list(targets_in([obj], ctx, negative)), verb,
                negated=denied, speaker=speaker, confidence=0.7,
            )  # fmt: skip


def _intends_action(noun: Token) -> bool:
    """Whether an intention noun says what it intends by an infinitive or "of" and a gerund
    ("determination to act"), not a finding by a "that" clause ("a determination that X")."""
    return any(
        (c.dep_ == "acl" and infinitive(c))
        or (c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pcomp" for g in c.children))
        for c in noun.children
    )


def stance_phrase_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "voted in favour of X", "is in support of X", "spoke in opposition to X", "threw its
    weight behind X", "kept X in place": a stance said by a prepositional phrase."""
    found = []
    objects = [c for c in verb.children if c.dep_ == "dobj"]  # "threw its weight behind"
    if verb.lemma_.lower() in cues.KEEPING and _in_place(verb):
        found.append((Predicate.SUPPORTS, objects))  # "would keep the ban in place"
    if verb.lemma_.lower() == "take" and any(o.lemma_.lower() in cues.AIMING for o in objects):
        aimed = _after(verb, ("at",)) + objects_of(objects[0], ("at",))
        found.append((Predicate.CRITICIZES, [a for a in aimed if a.dep_ == "pobj"]))
    for obj in objects:  # "took issue with X", "put an end to X"
        if idiom := cues.VERB_NOUN_IDIOMS.get((verb.lemma_.lower(), obj.lemma_.lower())):
            predicate, marks = idiom
            meant = _after(verb, marks) + objects_of(obj, marks)
            meant += [o for c in verb.children if c.dep_ == "dative" and c.lower_ in marks
                      for o in c.children]  # fmt: skip
            if predicate is Predicate.ACCUSES:  # "laid the blame for the delays on Peru"
                meant += [o for f in objects_of(obj, ("for",)) for o in objects_of(f, marks)]
            found.append((predicate, [m for m in meant if m.dep_ == "pobj"]))
    for prep in (c for t in (verb, *objects) for c in t.children if c.dep_ == "prep"):
        if prep.lower_ == "behind" and verb.lemma_.lower() in cues.BEHIND_VERBS:
            found.append((Predicate.SUPPORTS, [o for o in prep.children if o.dep_ == "pobj"]))
        for noun in (c for c in prep.children if prep.lower_ == "in" and c.dep_ == "pobj"):
            if stance := cues.STANCE_PHRASES.get(noun.lemma_.lower()):
                predicate, marks = stance  # "in solidarity with X": maybe hung on the verb
                found.append((predicate, objects_of(noun, marks) or objects_of(verb, marks)))
    if not found:
        return
    subjects = acting_subjects(verb, ctx, speaker)
    for predicate, targets in found:
        yield from _claims_for(
            ctx, subjects, predicate, list(targets_in(targets, ctx)), verb,
            negated=is_negated(verb), speaker=speaker, confidence=0.7,
        )  # fmt: skip


def elided_vote_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "Italy and Poland voted against", "twelve states voted in favour": a vote whose
    object is left out is on the issue at hand, the topic or agreement named last."""
    if verb.lemma_.lower() != "vote":
        return
    bare = [c for c in verb.children if c.dep_ == "prep" and not list(c.children)]
    favour = [
        c
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "in"
        for c in p.children
        if c.lemma_.lower() in cues.FAVOUR and not list(c.children)
    ]
    against = any(p.lower_ == "against" for p in bare)
    if not (against or favour or any(p.lower_ == "for" for p in bare)):
        return
    issue = ctx.issue_before(verb)
    subjects = acting_subjects(verb, ctx, speaker) if issue else []
    predicate = Predicate.OPPOSES if against else Predicate.SUPPORTS
    yield from _claims_for(
        ctx, subjects, predicate, [Target(*issue)] if issue else [], verb,
        negated=is_negated(verb), speaker=speaker, confidence=0.6,
    )  # fmt: skip


def warning_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "Germany warned that the tariffs would hurt carmakers": a warning about what
    something will do criticises it; so does saying it does or will do harm ("Italy said
    such a move would hurt its industry", "argued that the Online Safety Act undermines free
    speech"), and whose the harmful thing is ("said Petro's decision has jeopardised X")."""
    forms = base_forms(verb)
    if not forms & (cues.WARNING | cues.SAYING):
        return
    warned = bool(forms & cues.WARNING)
    subjects = acting_subjects(verb, ctx, speaker)
    named = [  # "argued that the Online Safety Act undermines X": an agreement by its name
        s
        for c in verb.children
        if c.dep_ == "ccomp"
        for s in c.children
        if s.dep_ == "nsubj" and ctx.entity(s, {Label.AGREEMENT})
    ]
    harming = [
        s
        for s in clause_subjects(verb) + named
        if (warned and _foretold(s.head) and _acts_on(s.head))
        or s.head.lemma_.lower() in harm_verbs()
    ]
    targets = [t for t in targets_in(harming, ctx) if t.topic or _agreement(t, ctx)]
    targets += [Target(o, False) for h in harming for o in _judged_owners(h, ctx)]
    yield from _claims_for(
        ctx, subjects, Predicate.CRITICIZES, targets, verb,
        negated=is_negated(verb), speaker=speaker, confidence=0.6,
    )  # fmt: skip


def _agreement(target: Target, ctx: Context) -> bool:
    """Whether a target is a named agreement (an entity, as against a topic phrase)."""
    return ctx.labels.get(target.value) is Label.AGREEMENT


def _in_place(verb: Token) -> bool:
    return any(
        p.dep_ == "prep" and p.lower_ == "in" and any(o.lower_ == "place" for o in p.children)
        for p in verb.children
    )


def _acts_on(verb: Token) -> bool:
    """Whether a warned-of clause has its subject do something to something ("the rules
    could disrupt imports"), not merely happen ("repairs could take months", "protests
    would grow", "the platform would be shut down")."""
    return not _is_passive_form(verb) and any(c.dep_ in {"dobj", "attr"} for c in verb.children)


def _foretold(verb: Token) -> bool:
    """A clause about what will or may happen: "would hurt", "could push", "risks"."""
    modal = any(c.dep_ == "aux" and c.lower_ in cues.FORETELLING for c in verb.children)
    return modal or verb.lemma_.lower() == "risk"


def phrasal_cue(verb: Token, lemma: str) -> tuple[str, Predicate | None] | None:
    """A particle verb's name and cue ("ruled out": rule out, OPPOSES; "backed down": back
    down, none), or None when the verb has no particle that makes or undoes a cue."""
    for child in verb.children:  # the parser takes some particles for adverbs ("pushed back")
        if child.dep_ in _PARTICLES and (lemma, child.lower_) in cues.PHRASAL_VERBS:
            return f"{lemma} {child.lower_}", cues.PHRASAL_VERBS[(lemma, child.lower_)]
    return None


_PARTICLES = {"prt", "advmod"}


def base_forms(verb: Token) -> set[str]:
    """The verb's lemma and its regular stems: the small model's lemmatiser reads "hopes"
    as "hop"."""
    word = verb.lower_
    stems = {word[: -len(end)] for end in ("s", "d", "ed", "ing") if word.endswith(end)}
    return {verb.lemma_.lower(), word, *stems, *(f"{stem}e" for stem in stems)}


def joint_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "Ruto and Hassan discussed the border dispute", "the two leaders met in Cairo",
    "Macron and Scholz held talks": the coordinated subjects of a verb of meeting meet
    each other."""
    held = verb.lemma_.lower() in cues.HOLDING and any(
        c.dep_ == "dobj" and _meeting_noun(c) for c in verb.children
    )  # "Macron and Scholz held talks", "held five rounds of talks"
    if verb.lemma_.lower() not in cues.JOINT_VERBS and not held and not _by_phone(verb):
        return
    if is_negated(verb) or hypothetical_verb(verb):
        return
    met = objects_of(verb, ("with",))
    met += [o for n in met if _meeting_noun(n) for o in objects_of(n, ("with",))]
    if any(ctx.entity(o) for o in met if o.dep_ in {"dobj", "pobj"}):
        return  # "X and Y met Orban", "held talks with Orban": they met him, not each other
    subjects = acting_subjects(verb, ctx, speaker)
    if len(subjects) < 2:
        return
    yield from _each_pair_meets(ctx, subjects, verb, speaker=speaker, confidence=0.7)


def _each_pair_meets(
    ctx: Context,
    partners: list[str],
    cue: Token,
    *,
    speaker: str | None,
    confidence: float,
    negated: bool = False,
) -> Iterator[Claim]:
    """Everyone in one meeting meets each of the others ("a call between A, B and C": A and
    B, A and C, B and C)."""
    for i, first in enumerate(partners[:-1]):
        targets = [Target(other, False) for other in partners[i + 1 :]]
        yield from _claims_for(
            ctx, [first], Predicate.MEETS, targets, cue,
            negated=negated, speaker=speaker, confidence=confidence,
        )  # fmt: skip


def _guest(target: Target, ctx: Context) -> bool:
    return not target.topic and ctx.labels.get(target.value) is Label.PERSON


def _by_phone(verb: Token) -> bool:
    """ "X and Y spoke by phone", "spoke on the telephone": a call between them."""
    if verb.lemma_.lower() not in cues.SPEAKING_TOGETHER:
        return False
    lines = [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return any(o.lemma_.lower() in cues.CALL_LINES for o in lines)


def _meeting_noun(noun: Token) -> bool:
    """A noun of meeting, or a measure of one ("five rounds of talks", "hours of talks")."""
    if noun.lower_ in cues.MEETING_NOUNS:
        return True
    held = [o for p in noun.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return any(o.lower_ in cues.MEETING_NOUNS for o in held)


def attendance_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "Macron, Scholz and Meloni attended the summit", "Widodo joined Biden and von der Leyen
    at the summit": everyone taking part in one gathering meets the others."""
    if not _attending(verb) or is_negated(verb) or hypothetical_verb(verb):
        return
    objects = [o for o in objects_of(verb, ("at", "in")) if o.lower_ != "part"]
    gathering = [o for o in _around(objects) if _gathering(o)]
    already = _already_there(verb, objects, gathering, ctx)
    if not gathering and not already:
        return
    people = acting_subjects(verb, ctx, speaker)
    if verb.lemma_.lower() == "join":  # "joined Biden and von der Leyen at the summit"
        joined = [o for o in objects if o.dep_ == "dobj"] + _passive_subjects(verb)
        people += [a for o in joined for a in actors(o, ctx, speaker)]  # "X was joined by Y"
    people = list(dict.fromkeys(people))
    for i, first in enumerate(people):
        others = [*people[i + 1 :], *(a for a in already if a not in people)]
        targets = [Target(other, False) for other in others]
        yield from _claims_for(
            ctx, [first], Predicate.MEETS, targets, verb, negated=False, speaker=speaker,
            confidence=0.6,
        )  # fmt: skip


def _attending(verb: Token) -> bool:
    """A verb of taking part: "attended", "joined", "took part"."""
    lemma = verb.lemma_.lower()
    return lemma in cues.ATTENDING or (
        lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)
    )


def _gathering(noun: Token) -> bool:
    return noun.lower_ in cues.GATHERINGS or noun.lemma_.lower() in cues.GATHERINGS


def _already_there(
    verb: Token, objects: list[Token], gathering: list[Token], ctx: Context
) -> list[str]:
    """Who was at the gathering joined: "X also took part" (no gathering named) or "Y joined
    the discussion later" (one named as known already) joins the one the text just told of
    (news names one gathering in several words: "the talks", "the discussion")."""
    known = any(
        c.dep_ == "det" and c.lower_ in cues.DEFINITE for g in gathering for c in g.children
    )
    return ctx.gathered_before(verb.sent) if known or not objects else []


def _around(objects: list[Token]) -> list[Token]:
    """The objects and the nouns of their prepositions ("joined X at the summit")."""
    found = list(objects)
    for obj in objects:
        for prep in obj.head.children:
            if prep.dep_ == "prep":
                found += [c for c in prep.children if c.dep_ == "pobj"]
    return found


def _names_body(child: Token) -> bool:
    """Whether a member noun's modifier names its body: "NATO members", "the alliance's
    members", and "OPEC+ members", which the parser may hang as an adjective (a body the
    knowledge base knows, not "the Nordic members")."""
    if child.dep_ == "amod":
        return child.ent_type_ == Label.ORGANIZATION.value
    return child.dep_ in {"compound", "poss", "nmod"}  # "a NATO and EU member": nmod


def membership_claims(noun: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "Hungary is a member of NATO", "Hungary, a member of NATO", "being a member of
    NATO and the EU, we ...", "the EU nation" (Hungary, the member the article is about):
    MEMBER_OF; a person speaking counts for the state they serve."""
    if noun.lower_ in cues.STATE_NOUNS and (state := ctx.member_meant(noun)):
        bodies = [b for c in noun.children if (b := ctx.entity(c, {Label.ORGANIZATION}))]
        yield from _claims_for(
            ctx,
            [state],
            Predicate.MEMBER_OF,
            [Target(b, False) for b in bodies if state in ctx.members.get(b, ())],
            noun,
            negated=False,
            speaker=speaker,
            confidence=0.6,
        )
    other = any(c.lower_ == "other" for c in noun.children)
    fellows = noun.lemma_.lower() in _FELLOWS
    listed = _roll(noun, ctx) if fellows else []  # "NATO countries such as France and Britain"
    among = noun.dep_ == "pobj" and noun.head.lower_ == "among" and _of_member_kind(noun)
    if noun.lemma_.lower() != "member" and not (other and fellows) and not listed and not among:
        return
    bodies = [
        e
        for t in (
            *(c for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.subtree),
            *(d for c in noun.children if _names_body(c) for d in c.subtree),
            *noun.conjuncts,
            *_of_which(noun),  # "Mercosur, of which A and B are members"
        )
        if (e := ctx.entity(t, {Label.ORGANIZATION}) or _body_named(t, ctx))
    ]
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() == "have":  # "BRICS has ten members"
        bodies += [b for b in acting_subjects(noun.head, ctx, speaker) if _is_body(b, ctx)]
    implied = not bodies and _of_member_kind(noun)  # "five member states, namely A and B"
    if implied and (body := ctx.body_of_states(noun)):
        bodies = [body]
    if among and implied:  # "Among the member states, A backed X, while B opposed it"
        listed = [
            a for v in _side_by_side(noun.head.head) for a in acting_subjects(v, ctx, speaker)
        ]
    if noun.dep_ == "appos":
        members = [m for m in map(ctx.entity, _appointed(noun)) if m]
    elif noun.dep_ == "attr" and _member_now(noun.head):
        members = acting_subjects(noun.head, ctx, speaker)
    elif noun.dep_ == "attr":
        return  # "is not yet a member", "looks forward to becoming a member"
    elif other and noun.dep_ == "conj":  # "Iraq and other OPEC members"
        members = [e for t in noun.conjuncts if t.i < noun.i and (e := ctx.entity(t))]
    elif other and noun.dep_ == "pobj" and noun.head.lower_ in {"like", "unlike", "as"}:
        likened = noun.head.head  # "X, like other members of Y": X, or the subject it says
        members = [e] if (e := ctx.entity(likened)) else acting_subjects(likened, ctx, speaker)
    elif noun.dep_ == "compound" and ctx.entity(noun.head) and not listed:
        named = (noun.head, *noun.head.conjuncts)  # "OPEC+ members Iraq, Kuwait and Oman"
        members = [e for t in named if (e := ctx.entity(t))]
    else:
        members = listed  # "NATO members including A and B", "ten members: A, B and C"
    states = [m if ctx.labels.get(m) is not Label.PERSON else ctx.holder_of(m) for m in members]
    targets = [Target(b, False) for b in dict.fromkeys(bodies)]
    subjects = [s for s in dict.fromkeys(states) if s and ctx.labels.get(s) in ACTORS]
    if implied:  # a body the text does not name: only the members the knowledge base knows
        subjects = [s for s in subjects if all(s in ctx.members[b] for b in bodies)]
    yield from _claims_for(
        ctx,
        subjects,
        Predicate.MEMBER_OF,
        targets,
        noun,
        negated=False,
        speaker=speaker,
        confidence=0.7,
    )


def _side_by_side(verb: Token) -> list[Token]:
    """A verb and those of the clauses joined to it or set against it ("A backed X, while B
    opposed it"): what is said of one set, member by member."""
    joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}]
    joined += [
        c
        for c in verb.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONTRAST for m in c.children)
    ]
    return [verb, *joined]


_CONTRAST = {"while", "whereas"}


def _appointed(noun: Token) -> list[Token]:
    """Whom an apposition describes: the noun right before it, or for a plural ("Iraq and
    Kazakhstan, both members of OPEC+") every noun of the list it follows."""
    head = noun.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    listed = [head, *head.conjuncts]
    if noun.tag_ in {"NNS", "NNPS"}:
        return listed
    before = [t for t in listed if t.i < noun.i]  # "France and Hungary, a NATO member":
    return [max(before, key=lambda t: t.i)] if before else [noun.head]  # Hungary


def _member_now(verb: Token) -> bool:
    """Whether "X is (became) a member" says X is one: not negated ("is not yet a member"),
    not to come ("will be", "becoming", "hopes to become a member")."""
    if is_negated(verb) or has_modal(verb):
        return False
    return verb.lemma_.lower() != "become" or verb.tag_ == "VBD"


def roster_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "The CSTO unites six states: Russia, Armenia, ...", "ASEAN brings together A, B and
    C", "the OAS, whose members include A and B": the states or bodies listed are members
    of the body."""
    lemma = verb.lemma_.lower()
    together = any(c.dep_ in {"prt", "advmod"} and c.lower_ == "together" for c in verb.children)
    if is_negated(verb):
        return
    if (described := _described_body(verb, ctx)) is not None:
        yield from _roster(verb, ctx, speaker, described)
        return
    if lemma not in cues.ROSTER_VERBS and not (lemma in cues.GATHERING_VERBS and together):
        return
    subject = subject_of(verb)
    if subject is None:
        return
    if subject.lemma_.lower() == "member":  # "whose members include", "its members include"
        bodies = [b for b in [_owner_body(subject, ctx)] if b]
    elif lemma in cues.ROSTER_VERBS - {"include"} or together:
        bodies = [b for b in acting_subjects(verb, ctx, speaker) if _is_body(b, ctx)]
    else:
        bodies = []  # "the package includes sanctions": only members include members
    listed = [o for o in objects_of(verb) if o.dep_ == "dobj"]
    listed += [t for o in listed for t in listed_after(o)]
    listed += [a for o in listed for a in o.children if a.dep_ == "appos"]
    found = [e for t in listed for c in (t, *t.conjuncts) if (e := ctx.entity(c, _MEMBERS))]
    members = [m for m in dict.fromkeys(found) if m not in bodies]
    yield from _claims_for(
        ctx, members, Predicate.MEMBER_OF, [Target(b, False) for b in bodies], verb,
        negated=False, speaker=speaker, confidence=0.7,
    )  # fmt: skip


_MEMBERS = {Label.COUNTRY, Label.ORGANIZATION}


def _described_body(verb: Token, ctx: Context) -> str | None:
    """The body a verb of what it holds describes: "the IPG, comprising A and B" (also
    "co-led by C and including A"), "the Quad, made up of A and B", "the Caucus, a grouping
    that includes A", "AUKUS is a partnership of A, B and C"."""
    lemma = verb.lemma_.lower()
    if lemma == "be":
        subject = subject_of(verb)
        named = any(c.dep_ == "attr" and c.lemma_.lower() in cues.GROUPINGS for c in verb.children)
        owner = ctx.entity(subject, {Label.ORGANIZATION}) if subject is not None else None
        return owner if named else None
    if lemma not in cues.ROSTER_VERBS | cues.ROSTER_OF_VERBS:
        return None
    if lemma in cues.ROSTER_OF_VERBS and not _members_of(verb):
        return None  # "made a proposal", "consists in"
    clause = verb
    while clause.dep_ == "conj" and clause.head.dep_ in {"acl", "conj"}:
        clause = clause.head  # "co-led by A and including B"
    if clause.dep_ == "acl":
        return ctx.entity(clause.head, {Label.ORGANIZATION})
    grouping = clause.head
    if clause.dep_ == "relcl" and grouping.lemma_.lower() in cues.GROUPINGS:
        return ctx.entity(grouping.head, {Label.ORGANIZATION}) if grouping.dep_ == "appos" else None
    return None


def _members_of(verb: Token) -> list[Token]:
    """What follows "of" after a verb of makeup ("made up of", "composed of")."""
    return objects_of(verb, ("of",)) + [
        o for c in verb.children if c.dep_ == "prt" for o in objects_of(c, ("of",))
    ]


def _roster(verb: Token, ctx: Context, speaker: str | None, body: str) -> Iterator[Claim]:
    """The states and bodies a described body is said to hold, as its members."""
    if verb.lemma_.lower() == "be":
        listed = [o for a in verb.children if a.dep_ == "attr" for o in objects_of(a, ("of",))]
    else:
        listed = _members_of(verb) + [  # "including A and B": maybe objects of a preposition
            o
            for o in verb.children
            if o.dep_ == "dobj" or (o.dep_ == "pobj" and verb.tag_ == "VBG")
        ]
    listed += [a for o in listed for a in o.children if a.dep_ == "appos"]
    found = [e for t in listed for c in (t, *t.conjuncts) if (e := ctx.entity(c, _MEMBERS))]
    members = [m for m in dict.fromkeys(found) if m != body]
    yield from _claims_for(
        ctx, members, Predicate.MEMBER_OF, [Target(body, False)], verb,
        negated=False, speaker=speaker, confidence=0.7,
    )  # fmt: skip


def joined_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "Finland, which joined NATO in April", "Sweden joined the alliance": having joined a
    body, a state is its member (not "will join", "applied to join", nor "joined the EU in
    condemning X", which sides with it)."""
    if verb.lemma_.lower() != "join" or verb.tag_ not in {"VBD", "VBN"} or is_negated(verb):
        return
    if verb.dep_ in {"xcomp", "ccomp"} and verb.head.lemma_.lower() not in cues.SAYING:
        return  # "applied to join", "hopes it joined"
    if any(c.dep_ == "aux" and c.lower_ in cues.MODAL_AUXILIARIES for c in verb.children):
        return
    if any(c.dep_ == "prep" and any(g.dep_ == "pcomp" for g in c.children) for c in verb.children):
        return  # "joined France in condemning the strike"
    joined = [o for o in objects_of(verb) if o.dep_ == "dobj"]
    found = [ctx.entity(o, {Label.ORGANIZATION}) or described_actor(o, ctx) for o in joined]
    bodies = [b for b in found if b and _is_body(b, ctx)]
    members = [m for m in acting_subjects(verb, ctx, speaker) if ctx.labels.get(m) in _MEMBERS]
    yield from _claims_for(
        ctx, members, Predicate.MEMBER_OF, [Target(b, False) for b in bodies], verb,
        negated=False, speaker=speaker, confidence=0.7,
    )  # fmt: skip


def leaving_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "The United States withdrew from the Paris Agreement", "ordered the country to
    leave the treaty", "pulled out of the accord": leaving an agreement opposes it."""
    exits = cues.LEAVING.get(verb.lemma_.lower())
    out = [c for c in verb.children if c.lower_ == "out" and c.dep_ in {"prt", "prep"}]
    if exits is None or bool(out) != ("out" in exits):
        return
    left = objects_of(verb) if "" in exits else []
    introducing = [c for t in (verb, *out) for c in t.children if c.lower_ in exits]
    left += [o for p in introducing for o in p.children if o.dep_ == "pobj"]
    agreements = [
        Target(found, False)
        for obj in left
        for token in (obj, *obj.conjuncts)
        if (found := ctx.entity(token, {Label.AGREEMENT}) or ctx.named_meant(token))
        and ctx.labels.get(found) is Label.AGREEMENT
    ]
    subjects = acting_subjects(verb, ctx, speaker) if agreements else []
    yield from _claims_for(
        ctx, subjects, Predicate.OPPOSES, agreements, verb,
        negated=is_negated(verb), speaker=speaker, confidence=0.7,
    )  # fmt: skip


def _owner_body(members: Token, ctx: Context) -> str | None:
    """The body "whose" or "its" members are: the noun a relative clause is about, or the
    body last the subject ("It said ... Its members include ...")."""
    for owner in (c for c in members.children if c.dep_ == "poss"):
        if owner.lower_ == "whose":
            clause = members.head
            while clause.dep_ != "relcl" and clause.head.i != clause.i:
                clause = clause.head
            antecedent = clause.head if clause.dep_ == "relcl" else None
            body = ctx.entity(antecedent) if antecedent is not None else None
        elif owner.lower_ == "its":
            body = ctx.it_meant(owner)
        else:
            body = ctx.entity(owner)
        if body and _is_body(body, ctx):
            return body
    return None


# Nouns for the members of a group, said of "other" ones: "Iraq and other OPEC producers".
_FELLOWS = {"member", "country", "state", "nation", "producer", "government", "economy"}


def _of_member_kind(noun: Token) -> bool:
    """ "member states", "member countries": states of a body the text does not name."""
    return noun.lemma_.lower() in {"state", "country", "nation"} and any(
        c.dep_ == "compound" and c.lower_ == "member" for c in noun.children
    )


def _roll(noun: Token, ctx: Context) -> list[str]:
    """The actors a noun of members lists: "including A and B", "such as A", "(A, B and
    C)", after a colon ("ten members: A, B and C"), or in brackets after the body they
    belong to ("members of OPEC+ (A, B and C)")."""
    after = [e for t in listed_after(noun) for c in (t, *t.conjuncts) if (e := ctx.entity(c))]
    of = [c for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children]
    bracketed = [a for b in of for a in b.children if a.dep_ == "appos" and _bracketed(a)]
    inside = [e for t in bracketed for c in (t, *t.conjuncts) if (e := ctx.entity(c))]
    return list(dict.fromkeys([*listed_actors(noun, ctx), *after, *inside]))


def _bracketed(token: Token) -> bool:
    doc = token.doc
    start = token.left_edge.i
    return start > 0 and doc[start - 1].text == "("


def _is_body(entity: str, ctx: Context) -> bool:
    return ctx.labels.get(entity) is Label.ORGANIZATION


def _body_named(token: Token, ctx: Context) -> str | None:
    """The organization a word inside another mention names ("NATO" in the group "NATO
    countries"): one of the article's organizations by its name or short name."""
    if token.pos_ != "PROPN" or ctx.entity(token) is None:
        return None
    word = token.text.casefold()
    return next(
        (
            e
            for e, label in ctx.labels.items()
            if label is Label.ORGANIZATION
            and word in {ctx.names.get(e, "").casefold(), ctx.short_names.get(e, "").casefold()}
        ),
        None,
    )


def _of_which(noun: Token) -> list[Token]:
    """ "Mercosur, of which Brazil and Argentina are members": the antecedent."""
    verb = noun.head
    relative = any(
        p.lower_ == "of" and any(c.lower_ in {"which", "whom"} for c in p.children)
        for p in verb.children
    )
    return [verb.head] if noun.dep_ == "attr" and verb.dep_ == "relcl" and relative else []


def refusal_claims(verb: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "Germany will not send Taurus missiles to Ukraine", "we would never accept X": a
    refusal to do something opposes it (what is sent or given, or the action itself)."""
    if not is_negated(verb) or not _willed(verb) or _read_otherwise(verb):
        return
    subjects = acting_subjects(verb, ctx, speaker)
    targets = [t for t in targets_in(_refused(verb, ctx), ctx) if t.topic]
    yield from _claims_for(
        ctx, subjects, Predicate.SUPPORTS, targets, verb,
        negated=True, speaker=speaker, confidence=0.6,
    )  # fmt: skip


def _willed(verb: Token) -> bool:
    """A verb of will or ability: "will not", "would never", "won't", "cannot"."""
    return any(c.dep_ == "aux" and c.lower_ in cues.WILLING_AUX for c in verb.children)


def _read_otherwise(verb: Token) -> bool:
    """A verb whose own cue, negative meaning, particle or light sense another rule reads."""
    lemma = verb.lemma_.lower()
    return (
        _cue_of(lemma) is not None
        or negative_content(verb)
        or lemma in cues.LIGHT_VERBS
        or lemma in cues.ACCUSING_VERBS  # "will not breach X" keeps X
        or any(c.dep_ == "prt" for c in verb.children)
    )


def _refused(verb: Token, ctx: Context) -> list[Token]:
    """What a refusal is about: the action ("will not close the border"), else what is
    given ("will not supply Kyiv with weapons": the weapons, not Kyiv)."""
    if names_action(verb):
        return [verb]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    given = [o for o in objects if ctx.entity(o, ACTORS) is None]
    return given or objects_of(verb, ("with",))


def agent_claims(noun: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "Germany is the biggest supporter of Ukraine", "Sanders, a critic of the deal": the
    one a noun of holding a stance is said of (by a copula or apposition) holds it."""
    predicate = cues.AGENTS.get(noun.lemma_.lower())
    if predicate is None:
        return
    said = _one_of(noun)  # "one of Kyiv's staunchest backers": what "one" is said of
    if noun.dep_ == "pobj" and noun.head.lower_ == "among":  # "was among Kyiv's supporters"
        holders = acting_subjects(noun.head.head, ctx, speaker)
        negated = is_negated(noun.head.head)
    elif said.dep_ == "attr" and said.head.lemma_ in {"be", "become", "remain"}:
        holders = acting_subjects(said.head, ctx, speaker)
        negated = is_negated(said.head)
    elif said.dep_ == "appos":
        holders = actors(said.head, ctx, speaker)
        negated = False
    else:
        return
    owners = [c for c in noun.children if c.dep_ == "poss" and ctx.entity(c)]  # "Kyiv's backers"
    targets = list(targets_in(objects_of(noun, ("of",)) + owners, ctx))
    yield from _claims_for(
        ctx, holders, predicate, targets, noun, negated=negated, speaker=speaker, confidence=0.7
    )


def _one_of(noun: Token) -> Token:
    """ "one of X's backers": the word "one" the noun is said through, else the noun."""
    said = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        said = noun.head.head
    while said.dep_ == "conj" and said.head.i != said.i:  # "a member of X and one of Y's"
        said = said.head
    return said


def received_claims(noun: Token, ctx: Context, speaker: str | None) -> Iterator[Claim]:
    """ "The plan drew criticism from Spain", "the proposal won the backing of Italy": the
    stance a noun names is held by whoever "from" (or, for an actor, "of") names, towards
    the subject of the verb of receiving."""
    predicate = cues.NOUNS.get(noun.lemma_.lower())
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "with" else noun.head
    if predicate is None or noun.dep_ not in {"dobj", "pobj"}:
        return
    failed = verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "fail"
    if verb.lemma_.lower() not in cues.RECEIVING or (is_negated(verb) and not failed):
        return
    holding = objects_of(noun, ("from", "of", "by")) + objects_of(verb, ("from",))
    holders = [a for o in holding if o.dep_ == "pobj" for a in actors(o, ctx, speaker)]
    received = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if failed and not received:  # "the proposal failed to garner support from the West"
        received = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    targets = list(targets_in(received, ctx))
    yield from _claims_for(
        ctx, holders, predicate, targets, noun, negated=failed, speaker=speaker, confidence=0.7
    )
