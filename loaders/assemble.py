"""Claims -> the fragment's topics and relations.

Topic phrases of one article about the same issue and arguments are one topic, and so
is the article's shorthand for it (named by the shortest phrase saying it all); phrases
naming no known issue are one topic when they share most content words, or name the
same arguments with an issue wording of the same meaning. Claims with the
same ends and predicate are one relation carrying every asserting sentence as evidence.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from functools import cache, partial

from loaders.arguments import Claim, Gathering
from loaders.article import Article
from loaders.clean import byline_authors
from loaders.embeddings import same_issue_threshold, similarities, vectors
from loaders.evidence import evidence_for
from loaders.fragment import Entity, Relation
from loaders.frames import (
    Frame,
    Resolver,
    directions,
    frame_id,
    instance_issues,
    read_frame,
    relate_by_meaning,
)
from loaders.ontology import Label, Predicate
from loaders.roles import Role
from loaders.text import fold, slugify
from loaders.topics import adjective_forms, content_words, similar, topic_id

About = tuple[str | None, frozenset[str], frozenset[str]]  # a frame's issues and arguments
Reader = Callable[[str], Frame]  # a phrase's frame, read once per article


def topics(
    claims: list[Claim],
    surfaces: dict[str, set[str]] | None = None,
    adjectives: Mapping[str, str] | None = None,
    resolve: Resolver | None = None,
) -> tuple[list[Entity], dict[str, str]]:
    """Topic entities of an article, and the topic id of each phrase (surfaces: as written;
    adjectives: a state's adjective by its name, for "Russian participation" aliases;
    resolve: argument names to ids, so that a topic's id is its frame's and phrases saying
    the same in other words are one node across articles)."""
    surfaces = surfaces or {}
    phrases = Counter(c.target for c in claims if c.topic)
    ordered = sorted(phrases, key=lambda p: (len(p.split()), p))
    frame_of = cache(partial(read_frame, resolve=resolve)) if resolve else None
    clusters = _by_frame(ordered, frame_of) if frame_of else []
    grouped = {p for c in clusters for p in c}
    if frame_of and len(grouped) < len(ordered):  # embed the article's wordings at once
        vectors([frame_of(p).wording for p in ordered])
    for text in (p for p in ordered if p not in grouped):
        words = content_words(text)
        home = next(
            (
                c
                for c in clusters
                if similar(words, content_words(c[0])) and _same_arguments(text, c[0], frame_of)
            ),
            None,
        )
        if home is None and frame_of:
            home = _same_meaning(text, clusters, frame_of)
        (home.append(text) if home is not None else clusters.append([text]))
    by_id: dict[str, list[str]] = {}
    for cluster in clusters:
        key = (frame_id(cluster[0], resolve) if resolve else None) or topic_id(cluster[0])
        by_id.setdefault(key, []).extend(cluster)
    entities, ids = [], {}
    for key, cluster in by_id.items():
        name = cluster[0]
        aliases = {
            *cluster,
            *(w for p in cluster for w in surfaces.get(p, ())),
            *(a for p in cluster for a in adjective_forms(p, adjectives or {})),
        } - {name}
        entity = Entity(
            id=key,
            name=name,
            label=Label.TOPIC,
            aliases=sorted(aliases),
            mentions=sum(phrases[p] for p in cluster),
        )
        entities.append(entity)
        ids.update(dict.fromkeys(cluster, entity.id))
    return entities, ids


def _by_frame(phrases: list[str], frame_of: Reader) -> list[list[str]]:
    """An article's phrases naming a known issue, grouped by what they are about, each
    group led by its most specific phrase. A phrase naming fewer arguments is the same
    topic as the one phrase here that names more ("NATO membership" after "NATO membership
    for Sweden": the article's shorthand); with two such ("... for Sweden", "... for
    Finland") it stays a topic of its own, broader than both. Phrases naming other
    arguments never join."""
    framed = {p: f for p in phrases if (f := frame_of(p)).head is not None}
    groups: dict[About, list[str]] = {}
    for phrase, frame in framed.items():  # shortest first
        wider = {_about(f) for f in framed.values() if _extends(f, frame)}
        widest = [a for a in wider if not any(_wider(b, a) for b in wider)]
        home = widest[0] if len(widest) == 1 else _about(frame)
        groups.setdefault(home, []).append(phrase)
    return [
        sorted(part, key=lambda p: (_about(framed[p]) != key, len(p.split()), p))
        for key, group in groups.items()
        for part in (_by_qualifiers(group, framed) if key[0] in instance_issues() else [group])
    ]


def _by_qualifiers(group: list[str], framed: Mapping[str, Frame]) -> list[list[str]]:
    """The phrases of an issue with instances split by what qualifies them: "the migration
    pact" and "the trade deal" are two agreements, as their ids across articles are. A
    phrase joins the part whose qualifiers it shares; one naming none ("the pact") joins
    the only part, and with several stays a topic of its own, broader than each."""
    parts: list[tuple[set[str], list[str]]] = []
    bare: list[str] = []
    marks = {p: framed[p].qualifiers | framed[p].nested for p in group}  # "arms deal": arms
    for phrase in sorted(group, key=lambda p: -len(marks[p])):
        qualifiers = marks[phrase]
        if not qualifiers:
            bare.append(phrase)
            continue
        home = next((part for part in parts if part[0] & qualifiers), None)
        if home is None:
            parts.append((set(qualifiers), [phrase]))
        else:
            home[0].update(qualifiers)
            home[1].append(phrase)
    if len(parts) == 1:
        parts[0][1].extend(bare)
    elif bare:
        parts.append((set(), bare))
    return [phrases for _, phrases in parts]


def _same_arguments(one: str, other: str, frame_of: Reader | None) -> bool:
    """Whether two phrases name the same entities and move their issue the same way ("...
    in Germany" is not "... in France", "lowering X" not "raising X", however many words
    they share); without a resolver, words alone decide."""
    if frame_of is None:
        return True
    a, b = frame_of(one), frame_of(other)
    return a.arguments == b.arguments and directions(a.wording) == directions(b.wording)


def _same_meaning(text: str, clusters: list[list[str]], frame_of: Reader) -> list[str] | None:
    """The topic a phrase naming no known issue says in other words: the one whose leading
    phrase names the same arguments with an issue wording of the same meaning."""
    frame = frame_of(text)
    leads = [(c, frame_of(c[0])) for c in clusters]
    leads = [(c, f) for c, f in leads if f.arguments == frame.arguments and f.wording]
    if not frame.wording or not leads:
        return None
    scores = similarities(frame.wording, [f.wording for _, f in leads])
    threshold = same_issue_threshold()
    matches = [
        (m.score, c)
        for (c, f), s in zip(leads, scores, strict=True)
        if (m := relate_by_meaning(frame, f, s, threshold))
    ]
    return max(matches, key=lambda m: m[0])[1] if matches else None


def _about(frame: Frame) -> About:
    """What a frame is about, whatever its other words: its issues and arguments."""
    return (frame.head, frame.nested, frame.arguments)


def _extends(more: Frame, less: Frame) -> bool:
    """Whether a frame says everything another says about the same issue, and maybe more;
    an instance qualified otherwise is another ("the peace agreement" is not "the Falepili
    Union treaty", whatever the arguments)."""
    if more.head in instance_issues() and not less.qualifiers <= more.qualifiers:
        return False
    return _wider(_about(more), _about(less)) or _about(more) == _about(less)


def _wider(more: About, less: About) -> bool:
    """Whether one (head, nested, arguments) strictly adds to another's."""
    return more != less and more[0] == less[0] and less[1] <= more[1] and less[2] <= more[2]


def relations(
    claims: list[Claim], roles: list[Role], topic_ids: dict[str, str], article: Article
) -> list[Relation]:
    """One relation per (subject, predicate, object), with one evidence per sentence."""
    grouped: dict[tuple[str, Predicate, str], Relation] = {}
    for role in roles:
        _add(grouped, (role.person, Predicate.HOLDS_ROLE, role.holder), role.title)
        _evidence(
            grouped[(role.person, Predicate.HOLDS_ROLE, role.holder)],
            role.sentence,
            article,
            role.confidence,
            rule="role",
        )
    for claim in claims:
        target = topic_ids[claim.target] if claim.topic else claim.target
        key = (claim.subject, claim.predicate, target)
        if (
            claim.predicate is Predicate.MEETS
            and (target, claim.predicate, claim.subject) in grouped
        ):
            key = (target, claim.predicate, claim.subject)  # symmetric: one edge
        _add(grouped, key, None)
        _evidence(
            grouped[key],
            claim.sentence,
            article,
            claim.confidence,
            claim.negated,
            claim.speaker,
            claim.rule,
            claim.target if claim.topic else None,
        )
    return list(grouped.values())


def _add(grouped: dict, key: tuple[str, Predicate, str], title: str | None) -> None:
    if key not in grouped:
        subject, predicate, obj = key
        grouped[key] = Relation(
            subject=subject, predicate=predicate, object=obj, title=title, evidence=[]
        )


def _evidence(
    relation: Relation,
    sentence,
    article,
    confidence,
    negated=False,
    speaker=None,
    rule=None,
    phrase=None,
) -> None:  # type: ignore[no-untyped-def]
    if all(e.start != sentence.start_char for e in relation.evidence):
        relation.evidence.append(
            evidence_for(
                sentence,
                article,
                confidence=confidence,
                negated=negated,
                speaker=speaker,
                rule=rule,
                phrase=phrase,
            )
        )


def outlet(article: Article, entities: list[Entity]) -> list[Entity]:
    """The outlet a dateline or byline credits ("BRUSSELS, May 4 (Reuters) -") is an
    organization the article names, even where NER did not read it as one."""
    name = article.source
    if not name or not any(name in text for text in (article.text, *article.dropped)):
        return []  # an outlet named by the page, not the article
    named = {fold(n) for e in entities for n in (e.name, *e.aliases)}
    if fold(name) in named:
        return []
    return [Entity(id=slugify(name), name=name, label=Label.ORGANIZATION)]


def outlet_named(article: Article, entities: list[Entity], claims: list[Claim]) -> list[Entity]:
    """The entities, the one NER took for a person or place relabelled where a dateline
    credits it as the outlet ("MOSCOW (Sputnik) -"), unless something is claimed of it."""
    name = fold(article.source or "")
    used = {c.subject for c in claims} | {c.target for c in claims}
    return [
        e.model_copy(update={"label": Label.ORGANIZATION})
        if name
        and fold(e.name) == name
        and e.label in {Label.PERSON, Label.PLACE}
        and e.id not in used
        else e
        for e in entities
    ]


def authors(article: Article, entities: list[Entity]) -> list[Entity]:
    """The writers a byline names are people the article names (the byline itself is
    dropped from the text as boilerplate)."""
    writers = byline_authors([*article.dropped, *article.text.splitlines()[:3]])
    if not writers:
        return []
    named = {fold(n) for e in entities for n in (e.name, *e.aliases)}
    return [
        Entity(id=slugify(name), name=name, label=Label.PERSON, mentions=1)
        for name in writers
        if fold(name) not in named
    ]


def events(gatherings: Iterable[Gathering], claims: Iterable[Claim]) -> list[Entity]:
    """Event entities of an article: one per set of participants, named by its first phrase.
    Talks whose participants are read as meeting are that meeting (MEETS), no event of
    their own: a summit is one, and so are talks yet to come ("consultations in Geneva
    will begin on Monday")."""
    met = {frozenset({c.subject, c.target}) for c in claims if c.predicate is Predicate.MEETS}
    groups: list[tuple[set[str], list[str]]] = []
    for gathering in gatherings:
        participants, text = gathering.participants, gathering.text
        pairs = {frozenset({a, b}) for a in participants for b in participants if a != b}
        if not text or (not gathering.eventful and pairs & met):
            continue
        home = next((g for g in groups if _same_gathering(g[0], participants)), None)
        if home is None:
            groups.append((set(participants), [text]))
        else:
            home[0].update(participants)
            home[1].append(text)
    entities = []
    for _, texts in groups:
        name, *others = list(dict.fromkeys(texts))
        entities.append(
            Entity(
                id=f"event-{slugify(name)}",
                name=name,
                label=Label.EVENT,
                aliases=sorted(set(others)),
                mentions=len(texts),
            )
        )
    return entities


def _same_gathering(a: set[str], b: set[str]) -> bool:
    """Two mentions of one gathering: the same participants, or two or more in common."""
    return a == b or len(a & b) >= 2
