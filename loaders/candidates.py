"""Candidates for the learned decision: every (actor, target) pair a sentence's parse
allows, with the features the classifier reads.

The reading rules (`loaders.relations`) find claims with high precision and name
them; here every pair of an actor and a possible target in a sentence becomes a
candidate, the rules' claims among them as features, so that a classifier trained
on the annotated corpus (`loaders.decide`) names the predicate, or none. A person
speaking for a state or body makes a second candidate credited to that holder.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from loaders import cues
from loaders.arguments import ACTORS, Claim, Context, is_negated, negative_content, resolve_actor
from loaders.ontology import Label, Predicate
from loaders.roles import speaks_for
from loaders.targets import TARGETS, Target, target_of

# Where a pronoun or description can stand for an actor: "he said", "his demand".
ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "pobj"}
# Where a noun can be what a stance is about.
TARGET_DEPS = {"dobj", "pobj", "nsubjpass", "attr", "nsubj", "conj", "appos", "oprd", "dative"}
MAX_STEPS = 4  # longer halves of a dependency path are one feature value, "long"


@dataclass
class Candidate:
    """One (actor, target) pair of a sentence and what the parse says about it."""

    actor: str
    target: str
    topic: bool
    sentence: Span
    speaker: str | None
    features: set[str] = field(default_factory=set)
    rules: dict[Predicate, Claim] = field(default_factory=dict)
    anchors: tuple[int, int] | None = None  # the first (actor, target) tokens read: the
    # actor's is the sentence root when it is the speaker not named in the sentence

    @property
    def key(self) -> tuple[str, str, bool, int]:
        return self.actor, self.target, self.topic, self.sentence.start


def candidates(
    ctx: Context,
    sentence: Span,
    speaker: str | None,
    rule_claims: list[Claim],
    pairs: frozenset[str] | None = None,
) -> list[Candidate]:
    """Every candidate of one sentence; the rules' claims for it as features. pairs: the
    (actor label, target label) pairs a model can assert anything of ("Country>Topic");
    others are not read (None: all, as training needs)."""
    found: dict[tuple, Candidate] = {}
    wanted = pairs is None or bool(pairs)  # a model that asserts nothing reads no pair
    actors = list(_actor_anchors(sentence, ctx, speaker)) if wanted else []
    topics = pairs is None or any(p.endswith(">Topic") for p in pairs)
    targets = list(_target_anchors(sentence, ctx, topics)) if actors else []
    words: dict[int, frozenset[str]] = {}  # each token's word features, read once
    chains: dict[int, list[int]] = {}  # each token's ancestors, read once
    for anchor, actor in actors:
        for token, target in targets:
            if target.value == actor or (anchor is not None and anchor.i == token.i):
                continue
            target_label = _target_label(ctx, target.value, target.topic)
            if pairs is not None and not _wanted(ctx, actor, target_label, pairs):
                continue
            features = pair_features(anchor, token, ctx, actor, target, speaker, words, chains)
            candidate = Candidate(actor, target.value, target.topic, sentence, speaker)
            candidate.anchors = ((anchor or sentence.root).i, token.i)
            _add(found, candidate, features)
    for claim in rule_claims:
        candidate = Candidate(claim.subject, claim.target, claim.topic, sentence, claim.speaker)
        _add(
            found,
            candidate,
            {f"pair:{_label(ctx, claim.subject)}>{_target_label(ctx, claim.target, claim.topic)}"},
        )
        found[candidate.key].rules.setdefault(claim.predicate, claim)
    for candidate in list(found.values()):
        for rule in candidate.rules:
            candidate.features |= {f"rule:{rule}", "rule"}
        _credit_holder(found, candidate, ctx, pairs)
    return list(found.values())


def _add(found: dict[tuple, Candidate], candidate: Candidate, features: set[str]) -> None:
    home = found.setdefault(candidate.key, candidate)
    home.features |= features


def _credit_holder(
    found: dict[tuple, Candidate],
    candidate: Candidate,
    ctx: Context,
    pairs: frozenset[str] | None = None,
) -> None:
    """ "The foreign minister rejected X": the state they serve may hold the stance too
    (pairs: only where the model asserts anything of the holder's label pair)."""
    if ctx.labels.get(candidate.actor) is not Label.PERSON:
        return
    role = next((r for r in ctx.roles if r.person == candidate.actor), None)
    if role is None or role.holder == candidate.target:
        return
    target_label = _target_label(ctx, candidate.target, candidate.topic)
    if pairs is not None and f"{_label(ctx, role.holder)}>{target_label}" not in pairs:
        return
    credited = Candidate(
        role.holder, candidate.target, candidate.topic, candidate.sentence, candidate.speaker
    )
    credited.anchors = candidate.anchors
    title = {f"credit_title:{w}" for w in role.title.lower().split()[-2:]}
    features = {f"c:{f}" for f in candidate.features} | title | {"credit"}
    features.add(f"pair:{_label(ctx, role.holder)}>{target_label}")
    if speaks_for(role):  # a head of state or government, a foreign minister, a spokesperson
        features |= {"credit_speaks"} | {f"cs:{f}" for f in candidate.features if "rule" in f}
    _add(found, credited, features)


def _label(ctx: Context, entity: str) -> str:
    return str(ctx.labels.get(entity, "Topic"))


def _target_label(ctx: Context, target: str, topic: bool) -> str:
    """A target's label as the pair features name it: a topic phrase is a Topic."""
    return "Topic" if topic else _label(ctx, target)


def _actor_anchors(
    sentence: Span, ctx: Context, speaker: str | None
) -> Iterator[tuple[Token | None, str]]:
    """Tokens standing for actors (a mention's head, or a pronoun or description that
    resolves), and the sentence's speaker, who need not be named in it (None)."""
    named = set()
    for token in sentence:
        actor = ctx.entity(token)
        if actor and not _inside_same(token, ctx):
            named.add(actor)
            yield token, actor
        elif actor is None and token.dep_ in ACTOR_DEPS and token.pos_ in {"PRON", "NOUN"}:
            resolved = resolve_actor(token, ctx, speaker)
            if resolved:
                named.add(resolved)
                yield token, resolved
    if speaker and speaker not in named:
        yield None, speaker


def _inside_same(token: Token, ctx: Context) -> bool:
    """Whether a token's head belongs to the same mention (so it is not the mention's head)."""
    here = ctx.entity_at.get(token.i)
    return token.head.i != token.i and ctx.entity_at.get(token.head.i) == here


def _wanted(ctx: Context, actor: str, target_label: str, pairs: frozenset[str]) -> bool:
    """Whether a model can assert anything of the pair, or of the pair credited to the
    state or body the actor serves."""
    if f"{_label(ctx, actor)}>{target_label}" in pairs:
        return True
    holder = ctx.holder_of(actor) if ctx.labels.get(actor) is Label.PERSON else None
    return holder is not None and f"{_label(ctx, holder)}>{target_label}" in pairs


def _target_anchors(
    sentence: Span, ctx: Context, topics: bool = True
) -> Iterator[tuple[Token, Target]]:
    """Tokens standing for what a stance can be about: entity mentions, noun phrases in
    an argument position, gerunds with an object (topics: whether to read noun phrases)."""
    for token in sentence:
        entity = ctx.entity(token, TARGETS)
        if entity:
            if not _inside_same(token, ctx):
                yield token, Target(entity, False)
        elif topics and _may_name_target(token):
            yield from ((token, t) for t in target_of(token, ctx))


def _may_name_target(token: Token) -> bool:
    """A noun in an argument position, or a gerund with an object ("banning X")."""
    if token.pos_ in {"NOUN", "PROPN"}:
        return token.dep_ in TARGET_DEPS
    return token.tag_ == "VBG" and any(c.dep_ == "dobj" for c in token.children)


def pair_features(
    anchor: Token | None,
    token: Token,
    ctx: Context,
    actor: str,
    target: Target,
    speaker: str | None,
    words: dict[int, frozenset[str]] | None = None,
    chains: dict[int, list[int]] | None = None,
) -> set[str]:
    """What the parse says about an actor and a target: labels, the dependency path
    between them, the words and cues on it, negation, modality, speech (words: a cache of
    each token's word features; chains: of each token's ancestors)."""
    target_label = _target_label(ctx, target.value, target.topic)
    features = {f"pair:{_label(ctx, actor)}>{target_label}", f"t_lemma:{token.lemma_.lower()}"}
    features.add(f"t_dep:{token.dep_}")
    if target.negative:
        features.add("negcontent")
    if actor == speaker:
        features.add("speaker")
    if anchor is None:
        anchor = token.sent.root
        features.add("via_speaker")
    else:
        features.add(f"a_dep:{anchor.dep_}")
        features.add("order:" + ("a<t" if anchor.i < token.i else "t<a"))
        gap = abs(anchor.i - token.i)
        features.add("dist:" + ("1-3" if gap <= 3 else "4-8" if gap <= 8 else "9+"))
    features |= path_features(anchor, token, {} if words is None else words, chains)
    return features


def path_features(
    a: Token,
    b: Token,
    words: dict[int, frozenset[str]],
    chains: dict[int, list[int]] | None = None,
) -> set[str]:
    """The dependency path from a to b through their lowest common ancestor (words: each
    token's word features, chains: each token's ancestors, read once per sentence)."""
    doc = a.doc
    chains = {} if chains is None else chains
    for token in (a, b):
        if token.i not in chains:
            chains[token.i] = _chain(token)
    up, down = chains[a.i], chains[b.i]
    on_down = set(down)
    common_i = next((i for i in up if i in on_down), None)
    if common_i is None:
        return {"path:none"}
    left = [doc[i] for i in up[: up.index(common_i)]]
    right = [doc[i] for i in down[: down.index(common_i)]]
    common = doc[common_i]
    lemma, up_steps, down_steps = common.lemma_.lower(), _steps(left), _steps(right)
    features = {
        f"lca:{lemma}",
        f"lca_pos:{common.pos_}",
        f"lca_dep:{common.dep_}",
        f"up:{up_steps}",
        f"down:{down_steps}",
        f"path:{up_steps}|{down_steps}",
        f"lu:{lemma}|{up_steps}",
        f"ld:{lemma}|{down_steps}",
        f"lp:{lemma}|{up_steps}|{down_steps}",
    }
    cue = _cue(common)
    if cue:
        features |= {f"cue_lca:{cue}", f"cp:{cue}|{up_steps}|{down_steps}"}
    for token in [*left[1:], common, *right[1:]]:
        if token.i not in words:
            words[token.i] = frozenset(_word_features(token))
        features |= words[token.i]
    for token in right[1:]:  # the branch leading to the target: where its own cue sits
        features.add(f"d_on:{token.lemma_.lower()}")
        if cue := _cue(token):
            features |= {f"dcue:{cue}", f"dcue:{cue}|{token.dep_}"}
    return features


def _chain(token: Token) -> list[int]:
    """The indices of a token and its ancestors up to the root."""
    chain = [token.i]
    while token.head.i != token.i:
        token = token.head
        chain.append(token.i)
    return chain


def _steps(tokens: list[Token]) -> str:
    return ">".join(t.dep_ for t in tokens) if len(tokens) <= MAX_STEPS else "long"


def _word_features(token: Token) -> set[str]:
    """A word on the path: its lemma, its cue, whether it is negated or modal."""
    features = set()
    if token.pos_ in {"VERB", "NOUN", "ADJ", "ADP", "AUX"}:
        features.add(f"on:{token.lemma_.lower()}")
    cue = _cue(token)
    if cue:
        features.add(f"cue:{cue}")
    if is_negated(token):
        features.add("neg")
        if cue:
            features.add(f"neg_cue:{cue}")
    if negative_content(token):
        features.add("negcontent_on")
    for child in token.children:
        if child.dep_ == "aux" and child.lower_ in cues.MODALS:
            features.add(f"modal:{child.lower_}")
        if child.dep_ == "prt":
            features.add(f"prt:{token.lemma_.lower()}_{child.lower_}")
    if token.lemma_ in cues.SAYING and token.pos_ == "VERB":
        features.add("saying")
    return features


def _cue(token: Token) -> Predicate | None:
    lemma = token.lemma_.lower()
    if token.pos_ in {"VERB", "AUX"}:
        prepositional = cues.VERB_PREPOSITIONS.get(lemma)
        return cues.VERBS.get(lemma) or (prepositional[0] if prepositional else None)
    if token.pos_ == "NOUN":
        return cues.NOUNS.get(lemma)
    return None


__all__ = ["ACTORS", "Candidate", "candidates", "pair_features", "path_features"]
