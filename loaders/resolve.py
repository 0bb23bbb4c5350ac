"""Mentions -> entities: one node per real-world entity.

Resolution order for each mention: the knowledge base (names, aliases, seats
and demonyms), then entities already in the graph (their folded aliases), then
a person's surname (or a given name they go by) resolved to the full name used in
the same article, an acronym resolved to the name it stands for in the same article, then
the folded name itself, so Orbán, Orban and ORBAN fold to one id.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc

from loaders.entities import Mention, title_case
from loaders.fragment import Entity
from loaders.kb import KnowledgeBase, KnownEntity, legal_suffixes
from loaders.ontology import Label
from loaders.text import fold, initials, is_acronym, slugify


@dataclass
class _Cluster:
    """Mentions gathered under one entity while resolving an article."""

    known: KnownEntity | None
    forms: Counter[str] = field(default_factory=Counter)
    labels: Counter[Label] = field(default_factory=Counter)
    written: set[str] = field(default_factory=set)  # whole phrases, aliases only


def resolve(
    mentions: list[Mention],
    kb: KnowledgeBase,
    known: Mapping[str, KnownEntity] | None = None,
    text: str = "",
) -> tuple[list[Entity], dict[int, str]]:
    """Entities of one article and the entity id of each mention (by mention index); text:
    the article's, which the mentions' offsets index."""
    known = known or {}
    full_names = _full_person_names(mentions, kb, known)
    targets = [_lookup(m, kb, known) or full_names.get(fold(m.text)) for m in mentions]
    adjectival = [
        _adjectival(m, kb) if targets[i] is None else None for i, m in enumerate(mentions)
    ]
    spelled = (
        _named_in_part(mentions, targets)
        | _without_legal_form(mentions)
        | _spelled_out(mentions, targets, text)
        | _of_the_state_named(mentions, targets, adjectival, kb)
        | _ministry_reworded(mentions, kb)
    )
    clusters: dict[str, _Cluster] = {}
    assigned: dict[int, str] = {}
    groups: list[KnownEntity] = []  # groups of states named so far, latest last
    for index, mention in enumerate(mentions):
        target = targets[spelled.get(index, index)]
        named = mentions[spelled.get(index, index)]
        written = adjectival[spelled.get(index, index)] or named.text  # "Chinese Foreign ..."
        key = target.id if target else (named.key or slugify(written))
        if target is not None and target.id in kb.members:
            if _description(mention):
                target = _group_meant(target, groups)
                key = target.id
            else:
                groups.append(target)
        elif _bloc_named(named):  # "the Southern African Development Community", unknown
            groups.append(target or KnownEntity(id=key, name=named.text, label=named.label))
        cluster = clusters.setdefault(key, _Cluster(known=target))
        cluster.forms[mention.text] += 1
        cluster.written.update(mention.written)
        if adjectival[index]:  # named the way the state's own bodies are: "Chinese ..."
            cluster.forms[adjectival[index]] += 2
        cluster.labels[mention.label] += 1
        assigned[index] = key
    return [_entity(key, cluster) for key, cluster in clusters.items()], assigned


def _adjectival(mention: Mention, kb: KnowledgeBase) -> str | None:
    """ "China's Foreign Ministry" -> "Chinese Foreign Ministry": a body named after the
    state that owns it, written with the state's adjective."""
    owner, _, rest = mention.text.partition("'s ")
    if mention.label is not Label.ORGANIZATION or not rest or not rest[:1].isupper():
        return None
    state = kb.lookup(owner)
    adjective = kb.adjectives.get(state.name) if state and state.label is Label.COUNTRY else None
    return f"{adjective} {rest}" if adjective else None


def _of_the_state_named(
    mentions: list[Mention],
    targets: list[KnownEntity | None],
    adjectival: list[str | None],
    kb: KnowledgeBase,
) -> dict[int, int]:
    """Mention index of a body named without its state ("a Foreign Ministry spokesman")
    -> that of the one body of the article with the same name and a state's ("China's
    Foreign Ministry", "the Chinese Foreign Ministry"); with two states' bodies of that
    name, none."""
    qualified: dict[str, dict[str, int]] = defaultdict(dict)  # bare name -> full -> index
    for index, mention in enumerate(mentions):
        words = (adjectival[index] or mention.text).split()
        if mention.label is not Label.ORGANIZATION or targets[index] or len(words) < 2:
            continue
        state = kb.demonym(words[0])
        if state is not None and state.label is Label.COUNTRY:
            bare = " ".join(words[1:]).lower()
            qualified[bare].setdefault(fold(" ".join(words)), index)
    found = {}
    for index, mention in enumerate(mentions):
        named = qualified.get(mention.text.removeprefix("the ").lower(), {})
        if mention.label is Label.ORGANIZATION and not targets[index] and len(named) == 1:
            found[index] = next(iter(named.values()))
    return found


# What an acronym can stand for: a body, an agreement, an event or a place, not a person.
_SPELLABLE = {Label.ORGANIZATION, Label.AGREEMENT, Label.EVENT, Label.PLACE, Label.GROUP}


def _spelled_out(
    mentions: list[Mention], targets: list[KnownEntity | None], text: str
) -> dict[int, int]:
    """Mention index of an acronym the knowledge base does not know -> that of the name it
    stands for in this article: the name it follows in brackets ("the Nigeria Labour
    Congress (NLC)"), else the one name it is the initials of ("the ABPI" after "the
    Association of the British Pharmaceutical Industry")."""
    names = [
        i
        for i, m in enumerate(mentions)
        if m.label in _SPELLABLE and not is_acronym(m.text) and len(m.text.split()) > 1
    ]
    found, bracketed = {}, {}
    for index, mention in enumerate(mentions):
        if targets[index] is not None or not is_acronym(mention.text):
            continue
        letters = mention.text.replace(".", "")
        before = [j for j in names if text[mentions[j].end : mention.start].strip() == "("]
        spelling = {
            fold(mentions[j].text): j for j in names if letters in initials(mentions[j].text)
        }
        if before:
            found[index] = bracketed[letters] = before[-1]
        elif letters in bracketed:
            found[index] = bracketed[letters]
        elif len(spelling) == 1:
            found[index] = next(iter(spelling.values()))
    return found


def _named_in_part(mentions: list[Mention], targets: list[KnownEntity | None]) -> dict[int, int]:
    """Mention index of the head word of a body's name, written alone and unknown to the
    knowledge base, -> that of the one body of this article whose name ends with it ("the
    League" for the Arab League, "the Council" for the Council of Ministers). Not a first
    word: "Apple" is not Apple Music."""
    bodies = [
        (i, fold(m.text).split())
        for i, m in enumerate(mentions)
        if m.label is Label.ORGANIZATION and len(m.text.split()) > 1
    ]
    found = {}
    for index, mention in enumerate(mentions):
        word = fold(mention.text)
        if mention.label is not Label.ORGANIZATION or targets[index] is not None:
            continue
        if " " in word or is_acronym(mention.text):
            continue
        named = {
            " ".join(words): i
            for i, words in bodies
            if word.removesuffix("s") == _head(words).removesuffix("s")
        }
        if len(named) == 1:
            found[index] = next(iter(named.values()))
    return found


def _head(words: list[str]) -> str:
    """The head word of a name: "council" of "council of ministers", "league" of "arab
    league"."""
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def _without_legal_form(mentions: list[Mention]) -> dict[int, int]:
    """Mention index of a company's name -> that of the same name with its legal form
    written in this article ("Telkom" -> "Telkom SA", "Apple" -> "Apple Inc.")."""
    formal = {}
    for index, mention in enumerate(mentions):
        words = mention.text.replace(",", " ").split()
        if len(words) > 1 and words[-1].lower().rstrip(".") in legal_suffixes():
            formal.setdefault(fold(" ".join(words[:-1])), index)
    return {
        i: formal[fold(m.text)]
        for i, m in enumerate(mentions)
        if m.label is Label.ORGANIZATION and fold(m.text) in formal
    }


_MINISTRY_WORDS = frozenset({"ministry", "of", "the", "for", "affairs", "and"})


def _ministry_reworded(mentions: list[Mention], kb: KnowledgeBase) -> dict[int, int]:
    """Mention index of a ministry -> that of the same ministry named first the other way
    in this article ("the Ministry of Foreign Affairs", then "Foreign Ministry"; "Ministry
    of Defence of Russia" and "Russian Defence Ministry"): the same portfolio words and
    the same state, or no state named where one state's ministry was."""
    first: dict[frozenset[str], dict[str | None, int]] = {}
    found = {}
    for index, mention in enumerate(mentions):
        words = mention.text.replace("'s", "").split()
        if mention.label is not Label.ORGANIZATION or "ministry" not in map(str.lower, words):
            continue
        states = {w: s.id for w in words if (s := _state_word(w, kb))}
        portfolio = frozenset(fold(w) for w in words if w not in states) - _MINISTRY_WORDS
        if not portfolio or len(set(states.values())) > 1:
            continue
        state = next(iter(states.values()), None)
        seen = first.setdefault(portfolio, {})
        named = {s for s in seen if s is not None}
        earlier = seen.get(state)
        if earlier is None and state is None and len(named) == 1:
            earlier = seen[named.pop()]  # "Foreign Ministry" after Russia's
        elif earlier is None and state is not None:
            earlier = seen.get(None) if not named else None
        seen.setdefault(state, index if earlier is None else earlier)
        if earlier is not None and fold(mentions[earlier].text) != fold(mention.text):
            found[index] = earlier
    return found


def _state_word(word: str, kb: KnowledgeBase) -> KnownEntity | None:
    """The state a word of a ministry's name names ("Russia", "Russian"), if any."""
    if not word[:1].isupper():
        return None
    known = kb.lookup(word)
    return known if known is not None and known.label is Label.COUNTRY else kb.demonym(word)


# Words of the names of bodies of states: "the Southern African Development Community",
# "the Arab League", "the African Union", "the Gulf Cooperation Council".
_BLOC_WORDS = {"Union", "Community", "League", "Organization", "Organisation", "Cooperation",
               "Alliance", "Bloc"}  # fmt: skip


def _bloc_named(mention: Mention) -> bool:
    """Whether a mention names a body of states, which a later "the bloc" may stand for."""
    words = set(mention.text.split())
    return mention.label is Label.ORGANIZATION and bool(words & _BLOC_WORDS)


def _description(mention: Mention) -> bool:
    """A lower-case alias such as "the bloc" or "the alliance" (also qualified: "the West
    African bloc"): a description, not a name."""
    return mention.text.islower() or _qualified_head(mention) is not None


def _qualified_head(mention: Mention) -> str | None:
    """ "the bloc" for "the regional bloc" or "the West African bloc" (written without
    its article): a description of two words or more closed by a lower-case noun."""
    words = mention.text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) > 1 and words[-1].islower() and mention.label is Label.ORGANIZATION:
        return f"the {words[-1]}"
    return None


def _group_meant(default: KnownEntity, groups: list[KnownEntity]) -> KnownEntity:
    """ "The bloc" is the European Union by default, but in an article that has named
    another group of states (ECOWAS, ASEAN) and not the default, it is the latest of them."""
    if not groups or any(g.id == default.id for g in groups):
        return default
    return groups[-1]


_SIZE = re.compile(r"^(the )?\d+ ?-? ?(nation|member|country|state) ")


def _lookup(mention: Mention, kb: KnowledgeBase, known: Mapping[str, KnownEntity]):
    if mention.key and (keyed := kb.by_id.get(mention.key)):
        return keyed  # a short name read as the party it means here ("Labour")
    if mention.text.islower() and _SIZE.match(mention.text):  # "27-nation bloc": the bloc
        sized = kb.lookup(_SIZE.sub("the ", mention.text))
        if sized is not None:
            return sized
    if (head := _qualified_head(mention)) and (described := kb.lookup(head)):
        return described  # "the regional bloc", "the West African bloc": the bloc
    folded = fold(mention.text)
    if mention.label is Label.PLACE and kb.is_seat(mention.text):
        return None  # a capital named as a place is the city, not its state
    found = kb.lookup(mention.text) or kb.demonym(mention.text) or known.get(folded)
    if found is None and mention.label is Label.PERSON and _INITIAL.search(mention.text):
        return kb.lookup(_INITIAL.sub(" ", mention.text))  # "Antony J. Blinken"
    return found


_INITIAL = re.compile(r" [A-Z]\.? (?=\S)")  # a middle initial: "Antony J. Blinken"


def _full_person_names(
    mentions: list[Mention], kb: KnowledgeBase, known: Mapping[str, KnownEntity]
) -> dict[str, KnownEntity]:
    """Folded surname -> the person its full name in this article resolves to; then any
    other capitalised word of one person's name, for people known by a given name
    ("Prabowo" for Prabowo Subianto, "Lula" for Luiz Inácio Lula da Silva), unless it is
    some other person's surname or word."""
    by_surname: dict[str, set[KnownEntity]] = defaultdict(set)
    by_word: dict[str, set[KnownEntity]] = defaultdict(set)
    for mention in mentions:
        words = mention.text.split()
        if mention.label is not Label.PERSON or len(words) < 2:
            continue
        person = _lookup(mention, kb, known) or KnownEntity(
            id=slugify(mention.text), name=mention.text, label=Label.PERSON
        )
        for surname in _surnames(words):
            by_surname[fold(surname)].add(person)
        for word in words[:-1]:
            if len(word) > 2 and word[0].isupper() and word[1:].islower():
                by_word[fold(word)].add(person)
    found = {name: people for name, people in by_word.items() if name not in by_surname}
    found |= by_surname
    return {name: next(iter(people)) for name, people in found.items() if len(people) == 1}


# Arabic articles a surname may be written with or without: "al-Burhan", "Burhan".
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|ul)-(?=\w)", re.IGNORECASE)


def _surnames(words: list[str]) -> list[str]:
    """The forms a full name's surname may take alone: its last word, without an Arabic
    article ("Burhan" for Abdel Fattah al-Burhan), and a surname of several words
    ("Gonzalez Rogers" for Yvonne Gonzalez Rogers, "Oligui Nguema", "da Silva")."""
    last = words[-1]
    bare = _ARTICLE.sub("", last)
    several = [" ".join(words[-k:]) for k in range(2, len(words))]
    return [last, *([bare] if bare != last else []), *several]


def _entity(key: str, cluster: _Cluster) -> Entity:
    forms = [form for form, _ in cluster.forms.most_common()]
    if cluster.known:
        name, label = cluster.known.name, cluster.known.label
    else:
        # the longest form, written as in running text where a dateline capitalised it
        name = max(forms, key=lambda form: (len(form), not form.isupper()))
        label = cluster.labels.most_common(1)[0][0]
    aliases = sorted({form for form in (*forms, *cluster.written) if form != name})
    return Entity(
        id=key,
        name=name,
        label=label,
        aliases=aliases,
        wikidata=cluster.known.wikidata if cluster.known else None,
        mentions=sum(cluster.forms.values()),
    )


# Labels whose names, written again where the recogniser missed them, are the same actor.
_NAMED_AGAIN = {Label.ORGANIZATION, Label.PERSON, Label.COUNTRY}


def named_again(
    doc: Doc,
    entities: list[Entity],
    entity_at: dict[int, str],
    unsure: Collection[str] = (),
) -> None:
    """Link the other places an actor's name is written as the article first wrote it,
    where the recogniser missed them ("DUBLIN (Reuters) - Ryanair on Monday criticised
    Boeing", with "Ryanair" tagged only further down); never by names that read as the
    actor in some places only (unsure: a party's short name, "the Socialists and Democrats
    group")."""
    names: dict[tuple[str, ...], str] = {}
    for entity in (e for e in entities if e.label in _NAMED_AGAIN):
        for name in (entity.name, *entity.aliases):
            if name in unsure:
                continue
            words = tuple(name.split())
            if 0 < len(words) <= 4 and words[0][:1].isupper() and len(name) > 2:
                names.setdefault(words, entity.id)
    i = 0
    while i < len(doc):
        if i in entity_at or not doc[i].text[:1].isupper() or title_case(doc[i].sent):
            i += 1  # a Title Case headline capitalises every word
            continue
        size = next(
            (n for n in range(4, 0, -1) if tuple(t.text for t in doc[i : i + n]) in names), 0
        )
        span = doc[i : i + size]
        if size and not any(t.i in entity_at for t in span):
            for token in span:
                entity_at[token.i] = names[tuple(t.text for t in span)]
        i += max(size, 1)
