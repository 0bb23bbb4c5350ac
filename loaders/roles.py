"""HOLDS_ROLE: positions people hold, read from titles and appositives.

  "Hungarian Prime Minister Viktor Orban"       title before the name, holder before the title
  "top EU diplomat Kaja Kallas"
  "Federal Chancellor of Germany Olaf Scholz"   the title of its holder before the name
  "Nigeria's President Bola Tinubu"             the holder's possessive before the title
  "Víktor Orbán, Prime Minister of Hungary"     appositive after the name
  "the Hungarian Foreign Minister, Péter Szijjártó"  the name as appositive of the title
A title with no holder in the text ("President Vladimir Putin") falls back on
the knowledge base's posts of that person: the one whose title has the title's words,
in a body the article mentions, held in the article's year, the latest. "former" titles
are skipped.
"""

import json
from collections import Counter
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, partial
from importlib import resources
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from loaders.kb import Post, speaking_titles, spokespeople
from loaders.ontology import Label
from loaders.text import fold

_TITLES = json.loads(resources.files("loaders").joinpath("data/titles.json").read_text("utf-8"))
ROLE_HEADS = frozenset(_TITLES["heads"])
ROLE_MODIFIERS = frozenset(_TITLES["modifiers"]) - {"of", "and", "for"}
_JOINING = frozenset({"of", "and", "for"})  # only between title words ("Minister of Trade")
_PAST = frozenset(_TITLES["past"])
_OUTSIDE_THE_STATE = frozenset(_TITLES["outside_the_state"])
HONORIFICS = frozenset(_TITLES["honorifics"])
NAME_HONORIFICS = (HONORIFICS | frozenset(_TITLES["name_honorifics"])) - {"his", "her"}
_STATE_POSTS = frozenset(_TITLES["state_posts"])
_SAME_WORDS = _TITLES["same_words"]
_BODY_POSTS = frozenset(_TITLES["body_posts"])
_COURT_POSTS = frozenset(_TITLES["court_posts"])
_COURT_NAMES = frozenset(_TITLES["court_names"])


@dataclass(frozen=True)
class Role:
    """A person holding a titled position in a country or organization."""

    person: str
    holder: str
    title: str
    sentence: Span
    confidence: float


def roles(
    doc: Doc,
    entity_at: Mapping[int, str],
    labels: Mapping[str, Label],
    posts: Mapping[str, Sequence[Post]],
    year: int | None = None,
) -> list[Role]:
    """Roles stated in a doc; entity_at maps token index -> entity id; year: the article's.
    A post of state named with no holder ("Defence Minister X") is, unless the knowledge
    base has a post of the person in a body the article mentions, a post of the one
    country last made the subject of a clause (in this sentence or the three before:
    "Latvia will close its border, Interior Minister X said"), else of the state the
    article is about (the country it names most, more often than any other)."""
    found = []
    home = _home_state(entity_at, labels)
    court = _court(doc, entity_at, labels)
    for ent in doc.ents:
        person = entity_at.get(ent.start)
        if person is None or labels.get(person) is not Label.PERSON:
            continue
        known = posts.get(person, ())  # a person whose posts are known is never guessed
        held = known if any(p.holder in labels for p in known) else ()
        guess = None if known else _state_guessed(ent.sent, entity_at, labels) or home
        body = None if known else _state_guessed(ent.sent, entity_at, labels, Label.ORGANIZATION)
        fallback = partial(
            _post_named,
            held,
            mentioned=labels,
            year=year,
            otherwise=guess,
            body=body,
            court=None if known else court,
        )
        role = (
            _before_name(doc, ent, person, entity_at, labels, fallback)
            or _appositive(ent, person, entity_at, labels)
            or _listed_after_title(doc, ent, person, entity_at, labels, held, year, court)
        )
        if role and role.title.lower().startswith(COUNTERPART):
            role = _counterpart(role, found, held, year)
        if role:
            found.append(role)
        leading = _leading(ent, person, entity_at, labels) or _led_by(
            ent, person, entity_at, labels
        )
        if leading and leading != role:
            found.append(leading)  # "Nigeria's President X, who chairs ECOWAS": both
    return found


COUNTERPART = "counterpart"


def _state_guessed(
    sentence: Span,
    entity_at: Mapping[int, str],
    labels: Mapping[str, Label],
    label: Label = Label.COUNTRY,
) -> str | None:
    """The one country (or organization) last made the subject of a clause, in this
    sentence or the three before."""
    for _ in range(4):
        state = _state_speaking(sentence, entity_at, labels, label)
        if state or sentence.start == 0:
            return state
        sentence = sentence.doc[sentence.start - 1].sent
    return None


def _post_named(
    posts: Sequence[Post],
    title: str,
    *,
    mentioned: Container[str],
    year: int | None,
    otherwise: str | None,
    body: str | None = None,
    court: str | None = None,
) -> str | None:
    """The holder of the post a title names among a person's posts: of those whose title
    has the title's words ("Foreign Minister": "Minister of Foreign Affairs"), or of all
    when none has, one in a body the article mentions, held in the article's year, the
    latest (with no posts: otherwise, the guess; for a body's post, the body guessed; for a
    judge's, the court)."""
    if not posts:
        if _judicial(title):
            return court
        return body if fold(title).replace(" officer", "") in _BODY_POSTS else otherwise
    words = _title_words(title)
    named = [p for p in posts if _names_post(words, p.title)] or posts
    here = [p for p in named if p.holder in mentioned]
    if not here:
        return None  # "Secretary General" of a body the article does not name
    return max(here, key=lambda p: (year is not None and p.held_in(year), p.start or 0)).holder


def _judicial(title: str) -> bool:
    """Whether a title is a judge's ("Chief Justice", "District Judge", "Justices"), not a
    minister's of justice."""
    words = fold(title).split()
    return bool(words) and words[-1].removesuffix("s") in _COURT_POSTS


def _court(doc: Doc, entity_at: Mapping[int, str], labels: Mapping[str, Label]) -> str | None:
    """The court a judge named with no court sits on: of the courts the article names ("the
    Supreme Court", "a tribunal in The Hague"), the one it names most, the first on a tie
    (an article about a ruling names its court more than the courts below)."""
    courts = Counter(
        entity
        for i, entity in sorted(entity_at.items())
        if doc[i].lower_ in _COURT_NAMES and labels.get(entity) is Label.ORGANIZATION
    )
    return courts.most_common(1)[0][0] if courts else None


def _names_post(words: frozenset[str], title: str) -> bool:
    """Whether a title's words name a post: all in its title, and its rank ("Deputy") too."""
    named = _title_words(title)
    return words <= named and named & NOT_SPEAKING <= words


def _title_words(title: str) -> frozenset[str]:
    """A title's words, folded and spelled one way, without joining words."""
    words = fold(title).replace("-", " ").split()
    spelled = " ".join(_SAME_WORDS.get(w, w) for w in words).split()
    return frozenset(spelled) - _JOINING - {"the"}


def _counterpart(
    role: Role, before: list[Role], posts: Sequence[Post] = (), year: int | None = None
) -> Role | None:
    """ "Congolese Foreign Minister X and her Rwandan counterpart Y": Y holds the post X
    holds, in Rwanda (the title of the role named last before, in this or the previous
    sentence); under the title the knowledge base has for Y's post there where that title
    is another ("his U.S. counterpart Marco Rubio": Secretary of State)."""
    start = role.sentence.start
    previous = role.sentence.doc[start - 1].sent.start if start > 0 else start
    earlier = [r for r in before if r.sentence.start >= previous and r.person != role.person]
    if not earlier:
        return None
    title = earlier[-1].title
    own = [p for p in posts if p.holder == role.holder and (year is None or p.held_in(year))]
    if own and not any(_names_post(_title_words(title), p.title) for p in own):
        title = max(own, key=lambda p: p.start or 0).title  # the same post under its name
    return Role(role.person, role.holder, title, role.sentence, role.confidence)


def _is_holder(
    token: Token, entity_at: Mapping[int, str], labels: Mapping[str, Label]
) -> str | None:
    entity = entity_at.get(token.i)
    if entity and labels.get(entity) in (Label.COUNTRY, Label.ORGANIZATION):
        return entity
    return None


def _home_state(entity_at: Mapping[int, str], labels: Mapping[str, Label]) -> str | None:
    """The country an article names most often, if more often than any other (on the
    training corpus this reads more posts right than wrong: 669 of 1,385 gold roles at
    71% precision, against 616 at 77% when it had to be twice as often)."""
    counts = Counter(
        e
        for i, e in entity_at.items()
        if labels.get(e) is Label.COUNTRY and entity_at.get(i - 1) != e
    ).most_common(2)
    if not counts or (len(counts) == 2 and counts[0][1] <= counts[1][1]):
        return None
    return counts[0][0]


def _state_speaking(
    sentence: Span,
    entity_at: Mapping[int, str],
    labels: Mapping[str, Label],
    label: Label = Label.COUNTRY,
) -> str | None:
    """The one country a sentence makes the subject of a clause ("Estonia is ready to close
    its border, Foreign Minister X said"): whose post an unqualified title there is."""
    subjects = [t for t in sentence if t.dep_ in {"nsubj", "nsubjpass"}]
    states = {
        entity_at[t.i]
        for s in subjects
        for t in (s, *s.conjuncts)  # "Finland and Russia traded accusations": neither
        if t.i in entity_at and labels.get(entity_at[t.i]) is label
    }
    return states.pop() if len(states) == 1 else None


_Fallback = Callable[[str], str | None]  # title -> holder of a post named with no holder


def _before_name(doc, ent, person, entity_at, labels, fallback: _Fallback) -> Role | None:  # type: ignore[no-untyped-def]
    i = ent.start - 1
    while i >= 0 and doc[i].lower_ in HONORIFICS and i not in entity_at:
        i -= 1  # "Emir Sheikh Tamim", "President Dr. Mohamed Muizzu"
    title: list[Token] = []
    while i >= 0 and _title_word(doc, i, title) and i not in entity_at:
        title.insert(0, doc[i])
        i -= 1
    if title and title[0].text == "-":  # "MANILA - President X": the dateline ends there
        title, i = title[1:], -1
    if not title and (role := _title_of_holder(doc, i, ent, person, entity_at, labels)):
        return role  # "Vice President of the United States Kamala Harris"
    if not any(t.lower_ in ROLE_HEADS for t in title):
        return None
    owner = _whose(doc, i, entity_at, labels) or (
        _its_body(doc[i], entity_at, labels) if i >= 0 else None
    )
    if owner is not None:  # "the Council, whose president X", "its chief executive X"
        return Role(person, owner, _title(title), ent.sent, 0.8)
    if i > 0 and doc[i].text in _POSSESSIVE:
        i -= 1  # "Nigeria's President Bola Tinubu"
    i = _before_short_name(doc, i, entity_at)
    if i >= 0 and doc[i].lower_ in _OUTSIDE_THE_STATE:
        return None  # "opposition leader Friedrich Merz" holds no post of the state
    holder = _is_holder(doc[i], entity_at, labels) if i >= 0 else None
    if holder:
        while i > 0 and entity_at.get(i - 1) == holder:
            i -= 1
    if (i > 0 and doc[i - 1].lower_ in _PAST) or (i >= 0 and doc[i].lower_ in _PAST):
        return None
    guessable = _STATE_POSTS & {t.lower_ for t in title} or _judicial(_title(title))
    if holder is None and not guessable:
        return None  # "Chief Executive X" of no named company
    if holder is None and i >= 0 and i not in entity_at and _unknown_owner(doc[i]):
        return None  # "Palestinian President X", "SAG-AFTRA President X": not the home state
    holder = holder or fallback(_title(title))
    if holder is None:
        return None
    return Role(person, holder, _title(title), ent.sent, 0.9)


_POSSESSIVE = {"'s", "’s"}


def _whose(
    doc: Doc, i: int, entity_at: Mapping[int, str], labels: Mapping[str, Label]
) -> str | None:
    """ "The National Electoral Council, whose president X": the body "whose" refers to,
    named right before it (the parser does not always hang the clause on it)."""
    if i < 2 or doc[i].lower_ != "whose" or doc[i - 1].text != ",":
        return None
    return _is_holder(doc[i - 2], entity_at, labels)


def _its_body(
    token: Token, entity_at: Mapping[int, str], labels: Mapping[str, Label]
) -> str | None:
    """ "Meta rejected the fine. Joel Kaplan, its chief lobbyist, said ...": the body or
    state "its" takes up, the subject named last before it in this sentence or the one
    before ("The Business Council had urged Ottawa to act, and its chief executive"), else
    the body or state named last."""
    if token.lower_ != "its" or token.dep_ != "poss":
        return None
    sentence = token.sent
    start = token.doc[sentence.start - 1].sent.start if sentence.start > 0 else 0
    before = [t for t in reversed(token.doc[start : token.i]) if _is_holder(t, entity_at, labels)]
    subjects = [t for t in before if t.dep_ in {"nsubj", "nsubjpass"}]
    chosen = (subjects or before)[:1]
    return _is_holder(chosen[0], entity_at, labels) if chosen else None


def _before_short_name(doc: Doc, i: int, entity_at: Mapping[int, str]) -> int:
    """ "the International Atomic Energy Agency (IAEA) Director General X": the name before
    a short name in brackets that ends right before the title, else i itself."""
    if i < 3 or doc[i].text != ")" or doc[i - 2].text != "(":
        return i
    short, full = entity_at.get(i - 1), entity_at.get(i - 3)
    return i - 3 if full is not None and short in {None, full} else i


def _listed_after_title(doc, ent, person, entity_at, labels, held, year, court) -> Role | None:  # type: ignore[no-untyped-def]
    """ "a call between presidents Lula, Petro and Sheinbaum": each named in a list after a
    plural title holds that post, where the knowledge base has it for them; "Justices X and
    Y" sit on the article's court."""
    i = ent.start - 1
    while i >= 0 and (
        doc[i].text in {",", "and"} or labels.get(entity_at.get(i, "")) is Label.PERSON
    ):
        i -= 1
    plural = doc[i] if i >= 0 else None
    if plural is None or plural.tag_ not in {"NNS", "NNPS"} or _singular(plural) not in ROLE_HEADS:
        return None
    title = " ".join(w.capitalize() for w in [*_modifiers(plural), _singular(plural)])
    words = _title_words(title)
    posts = [p for p in held if _names_post(words, p.title)]
    holder = _post_named(posts, title, mentioned=labels, year=year, otherwise=None, court=court)
    return Role(person, holder, title, ent.sent, 0.8) if holder else None


def _singular(noun: Token) -> str:
    """A plural noun's singular, lower-case ("Justices", a proper plural the lemmatiser
    leaves as it is: justice)."""
    lemma = noun.lemma_.lower()
    return lemma if lemma != noun.lower_ else lemma.removesuffix("s")


def _modifiers(noun: Token) -> list[str]:
    """The title words before a plural title ("foreign ministers": foreign)."""
    return [c.lower_ for c in noun.lefts if c.lower_ in ROLE_MODIFIERS | ROLE_HEADS]


def _unknown_owner(token: Token) -> bool:
    """Whether a word before a title, not part of an entity, names whose post it is: a
    nationality or body the parser names, or a capitalised adjective or name inside the
    sentence ("Palestinian", "Bavarian")."""
    if not token.text[:1].isupper():
        return False
    named = token.ent_type_ in {"NORP", "ORG", "GPE"}
    return named or (not token.is_sent_start and token.pos_ in {"PROPN", "ADJ"})


def _title_of_holder(doc, i, ent, person, entity_at, labels) -> Role | None:  # type: ignore[no-untyped-def]
    """ "Federal Chancellor of Germany Olaf Scholz": a title, "of", the holder, the name."""
    holder = _is_holder(doc[i], entity_at, labels) if i >= 0 else None
    if holder is None:
        return None
    while i > 0 and entity_at.get(i - 1) == holder:
        i -= 1
    i -= 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ != "of":
        return None
    i -= 1
    title: list[Token] = []
    while i >= 0 and _title_word(doc, i, title) and i not in entity_at:
        title.insert(0, doc[i])
        i -= 1
    if not any(t.lower_ in ROLE_HEADS for t in title) or (i >= 0 and doc[i].lower_ in _PAST):
        return None
    return Role(person, holder, _title(title), ent.sent, 0.9)


def _title_word(doc: Doc, i: int, after: list[Token]) -> bool:
    """Whether doc[i] continues a title read leftwards: a title word, or "of", "and",
    "for" between two ("Minister of Foreign Affairs")."""
    word = doc[i].lower_
    if word in ROLE_HEADS | ROLE_MODIFIERS or doc[i].text == "-":
        return True
    return word in _JOINING and bool(after) and i > 0 and doc[i - 1].lower_ in ROLE_HEADS


def _appositive(ent, person, entity_at, labels) -> Role | None:  # type: ignore[no-untyped-def]
    root = ent.root
    if _in_apposition(root) and (above := _title_above(root.head)) is not None:
        role_word = above
    else:
        role_word = next(
            (c for c in root.children if c.dep_ == "appos" and c.lower_ in ROLE_HEADS), None
        )
    if role_word is None:
        return _titled_apposition(ent, person, entity_at, labels)
    if any(t.lower_ in _PAST for t in role_word.lefts):
        return None
    span = {t.i for t in ent}
    # "the head of Israel's Mossad": the body the title is of, before its owner
    of = [p for p in role_word.children if p.dep_ == "prep" and p.lower_ == "of"]
    heads = [o for p in of for o in p.children if o.dep_ == "pobj"]
    for token in [*heads, *role_word.subtree]:
        holder = None if token.i in span else _is_holder(token, entity_at, labels)
        holder = holder or _its_body(token, entity_at, labels)  # "X, its chief economist"
        if holder and holder != person:
            modifiers = [t for t in role_word.lefts if t.lower_ in ROLE_MODIFIERS]
            return Role(person, holder, _title([*modifiers, role_word]), ent.sent, 0.8)
    return None


def _title_above(noun: Token) -> Token | None:
    """The title a name in apposition follows: the noun itself, or the title it completes
    ("the special representative for the dialogue, X", where the parser hung X on
    "dialogue")."""
    while noun.lower_ not in ROLE_HEADS:
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in {"for", "of", "on"} or prep.head == prep:
            return None
        noun = prep.head
    return noun


def _in_apposition(name: Token) -> bool:
    """Whether a name stands in apposition to its head: as the parser reads it, or joined
    by a comma alone where it took the name for a conjunct ("the President of the Russian
    Federation, Vladimir Putin, said")."""
    if name.dep_ == "appos":
        return True
    head = name.head
    joined = [c for c in head.children if c.dep_ == "cc" and head.i < c.i < name.i]
    start = name.left_edge.i
    return name.dep_ == "conj" and not joined and start > 0 and name.doc[start - 1].text == ","


def _titled_apposition(ent, person, entity_at, labels) -> Role | None:  # type: ignore[no-untyped-def]
    """ "Ali Shamkhani, Secretary of Iran's Supreme National Security Council", which the
    parser reads as a body in apposition, its first words a title and "of": the post is in
    that body."""
    for body in (c for c in ent.root.children if c.dep_ == "appos"):
        holder = _is_holder(body, entity_at, labels)
        words = [t for t in body.subtree if t.i < body.i and not t.is_punct]
        if words and words[0].lower_ == "the":
            words = words[1:]
        if holder is None or holder == person or len(words) < 2:
            continue
        title: list[Token] = []
        for word in words:
            if word.lower_ not in ROLE_HEADS | ROLE_MODIFIERS:
                break
            title.append(word)
        after = words[len(title)] if len(title) < len(words) else None
        if title and title[-1].lower_ in ROLE_HEADS and after is not None and after.lower_ == "of":
            return Role(person, holder, _title(title), ent.sent, 0.8)
    return None


# Verbs of leading a body, said of a person in a relative clause, and the post they name.
_LEADING = {"lead": "Leader", "chair": "Chair", "head": "Head", "run": "Head"}


def _leading(ent, person, entity_at, labels) -> Role | None:  # type: ignore[no-untyped-def]
    """ "Robert Habeck, who leads the Greens", "X, who chairs the bloc", "X, the Free
    Democrat who chairs the defence committee": the head of the body the clause names (the
    clause says what the person is now, as a title would)."""
    described = [ent.root, *(c for c in ent.root.children if c.dep_ == "appos")]
    for clause in (c for d in described for c in d.children if c.dep_ == "relcl"):
        post = _LEADING.get(clause.lemma_.lower())
        if post is None or clause.tag_ not in {"VBZ", "VBP"}:
            continue  # "who led the party until 2019": no post now
        for obj in (c for c in clause.children if c.dep_ == "dobj"):
            holder = _is_holder(obj, entity_at, labels)  # the body itself, not a part of it
            if holder and holder != person:
                return Role(person, holder, post, ent.sent, 0.8)
    return None


def _led_by(ent, person, entity_at, labels) -> Role | None:  # type: ignore[no-untyped-def]
    """ "the Democratic Party, led by Lee Jae-myung", "the paramilitary headed by X": the
    head of the body the participle qualifies (or of the body that body is in apposition
    to: "the Rapid Support Forces, the paramilitary led by X")."""
    by = ent.root.head
    if ent.root.dep_ != "pobj" or by.lower_ != "by" or by.dep_ != "agent":
        return None
    verb = by.head
    post = _LEADING.get(verb.lemma_.lower())
    if post is None or verb.tag_ != "VBN" or verb.dep_ not in {"acl", "relcl"}:
        return None
    body = verb.head
    holder = _is_holder(body, entity_at, labels)
    if holder is None and body.dep_ == "appos":
        holder = _is_holder(body.head, entity_at, labels)
    return Role(person, holder, post, ent.sent, 0.8) if holder and holder != person else None


def _title(tokens: list[Token]) -> str:
    words = [t.text for t in tokens if t.lower_ not in {"top", "senior"}]
    title = " ".join(w.lower() if w.lower() in _JOINING else w[:1].upper() + w[1:] for w in words)
    return title.replace(" - ", "-")  # "Vice-President" as written


NOT_SPEAKING = {"vice", "deputy", "former", "acting", "ex", "assistant", "opposition"}


class OfficeStates(Protocol):
    """What knows the state an office serves (the article's Context)."""

    def office_state(self, body: str) -> str | None: ...


def state_spokespeople(found: list[Role], offices: OfficeStates) -> list[Role]:
    """ "China's Foreign Ministry spokesperson X": a spokesperson of a state's ministry
    speaks for the state too, a post of the state under the same title."""
    return [
        Role(r.person, state, r.title, r.sentence, r.confidence)
        for r in found
        if spokesperson(r.title) and (state := offices.office_state(r.holder)) is not None
    ]


def speaks_for(role: Role) -> bool:
    """Whether a role's holder speaks for the state or body (data/speaks_for.txt): a head of
    state or government, a foreign minister, a spokesperson, an organization's leader."""
    return speaking_title(role.title)


def spokesperson(title: str) -> bool:
    """Whether a title is a spokesperson's, who speaks for the holder by office (the one-word
    spokesperson titles of data/speaks_for.txt, "press secretary")."""
    words = fold(title).split()
    return bool(spokespeople() & set(words)) or _has_words(words, ["press", "secretary"])


@cache
def speaking_title(title: str) -> bool:
    """Whether a title's holder speaks for the state or body they serve."""
    words = fold(title).split()
    if NOT_SPEAKING & set(words):
        return False
    return any(_has_words(words, fold(title).split()) for title in speaking_titles())


def _has_words(words: list[str], wanted: list[str]) -> bool:
    return any(words[i : i + len(wanted)] == wanted for i in range(len(words)))
