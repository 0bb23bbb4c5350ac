"""Topics: the issues actors take stances on, as short normalised noun phrases.

A topic's id comes from its content words with demonyms folded to their
country and plurals to singular, so "security guarantees for Russia",
"‘security guarantees’ to Russia" and "Russian security guarantees" are one
node in every article, with no lookup.
"""

import re
from collections.abc import Mapping
from itertools import pairwise

from spacy.tokens import Span, Token

from loaders.cues import BACK, BENEFICIARY_NOUNS, INFINITIVE_NOUNS, NOMINALISATIONS, TRANSFERRING
from loaders.kb import adverbial_nouns
from loaders.roles import ROLE_HEADS, ROLE_MODIFIERS
from loaders.text import fold

STOP = {
    "the", "a", "an", "of", "for", "to", "in", "on", "and", "with", "by", "its", "s", "their",
    "his", "her", "our", "this", "that", "these", "those", "any", "all", "such", "some",
}  # fmt: skip
DEMONYMS = {
    "russian": "russia", "ukrainian": "ukraine", "hungarian": "hungary", "american": "america",
    "european": "europe", "chinese": "china", "french": "france", "british": "britain",
    "german": "germany", "polish": "poland", "western": "west", "turkish": "turkey",
}  # fmt: skip
_DROP_DEPS = {"det", "punct", "relcl", "acl", "appos", "advcl", "case", "predet"}
PREPOSITIONS = {"for", "to", "of", "on", "between", "in", "over", "with", "from", "near", "into",
               "against", "about", "toward", "towards", "within"}  # fmt: skip
_DROP_ADJ = {
    "successful", "further", "main", "key", "fundamental", "long", "term", "new", "current",
    "so", "called", "such", "possible", "potential", "certain", "adequate", "several",
    "various", "numerous", "many", "multiple", "own", *BACK,
    # how an issue is judged or how far along it is, not what it is or for whom
    "unexpected", "quick", "major", "broad", "sweeping", "unusual", "grave", "serious",
    "controversial", "contentious", "landmark", "flagship", "planned", "pending", "stalled",
    "long-awaited", "genuine", "meaningful",
}  # fmt: skip
MAX_WORDS = 9
_OBJECT_PREPOSITIONS = {"on", "against", "with", "between", "for"}
MIN_WORDS = 2  # a bare noun ("idea", "fact") names no issue


def content_words(text: str) -> frozenset[str]:
    """Normalised content words: folded, stop words out, demonyms to countries, singular."""
    words = set()
    for word in fold(text).split():
        if word in STOP:
            continue
        word = DEMONYMS.get(word, word)
        words.add(word[:-1] if len(word) > 3 and word.endswith("s") else word)
    return frozenset(words)


def topic_id(text: str) -> str:
    """The id of the topic a phrase names."""
    return "topic-" + "-".join(sorted(content_words(text)))


def similar(a: frozenset[str], b: frozenset[str], threshold: float = 0.6) -> bool:
    """Whether two topics' content words overlap enough to be one topic."""
    return bool(a and b) and len(a & b) / len(a | b) >= threshold


def phrase(
    head: Token,
    *,
    names: Mapping[int, str] | None = None,
    depth: int = 2,
    min_words: int = MIN_WORDS,
    verb_complements: bool = False,
) -> str | None:
    """A short topic phrase for the noun phrase headed by head; None if it is not one.

    names maps token index -> canonical entity name: entity mentions inside the
    phrase are written by their canonical names ("the alliance's" -> "NATO").
    verb_complements: for an object, its verb's complements that belong to it ("impose
    tariffs on Chinese cars": "tariffs on Chinese cars").
    """
    found = _collect(head, depth, top=True)
    if verb_complements and head.dep_ == "dobj":
        found += [t for p in _object_complements(head) for t in _collect(p, depth - 1)]
    tokens = sorted(found, key=lambda t: t.i)
    text = render(tokens, names or {})
    if not text or len(text.split()) > MAX_WORDS or len(content_words(text)) < min_words:
        return None
    return _as_topic(text, tokens, names or {})


def phrase_of_span(span: Span, names: Mapping[int, str]) -> str | None:
    """A span as a topic phrase (the effort before "without ..."), if short enough."""
    tokens = [t for t in span if not t.is_punct or _hyphen(t)]
    text = render(tokens, names) if tokens else ""
    if not text or len(text.split()) > MAX_WORDS:
        return None
    return _as_topic(text, tokens, names)


def _as_topic(text: str, tokens: list[Token], names: Mapping[int, str]) -> str:
    """The text without the capital its first word has only for opening a sentence."""
    first = text.split()[0]
    opening = next((t for t in tokens if not _is_quote(t)), tokens[0])
    if _capitalised_by_position(opening, names) and first[:1].isupper() and first[1:].islower():
        return first.lower() + text[len(first) :]
    return text


def _capitalised_by_position(token: Token, names: Mapping[int, str]) -> bool:
    """A capital that only marks a sentence's or headline's start ("Sanctions against X"),
    not a name or a proper adjective ("Palestinian state", "Israel plan")."""
    if token.i in names or token.pos_ == "PROPN" or token.ent_type_:
        return False
    previous = token.doc[token.i - 1] if token.i > 0 else None
    return token.is_sent_start or previous is None or _is_quote(previous) or previous.is_space


def render(tokens: list[Token], names: Mapping[int, str]) -> str:
    """The tokens as text: spaced as written, entity mentions by their canonical names,
    without leading function words or trailing stop words."""
    words: list[str] = []
    previous: Token | None = None
    present = {t.i for t in tokens}
    for token in tokens:
        if _is_quote(token) or (_hyphen(token) and not {token.i - 1, token.i + 1} <= present):
            continue  # quotes, and a hyphen whose word was not kept whole
        name = names.get(token.i)
        if name is not None and previous is not None and names.get(previous.i) == name:
            previous = token
            continue
        if name is None and _title_before_name(token, names):
            continue  # "President Bongo's victory": Ali Bongo's victory
        text = name or token.text
        attached = previous is not None and previous.i + 1 == token.i and not previous.whitespace_
        if attached and words:
            words[-1] += text
        else:
            words.append(text)
        previous = token
    while words and fold(words[0]) in STOP | _DROP_ADJ:
        words.pop(0)
    while words and fold(words[-1]) in STOP:
        words.pop()
    return re.sub(r"\s+([’'],?s\b|,)", r"\1", " ".join(words)).strip(" ,.;:-–—")


TITLE_WORDS = ROLE_HEADS | ROLE_MODIFIERS


def _title_before_name(token: Token, names: Mapping[int, str]) -> bool:
    """A capitalised title written before the name it goes with ("President", "Prime
    Minister"): the canonical name says who, the title is not the topic's."""
    following = token.i + 1
    while following < len(token.doc) and token.doc[following].lower_ in TITLE_WORDS:
        following += 1
    return (
        token.is_title
        and token.lower_ in TITLE_WORDS
        and following < len(token.doc)
        and following in names
    )


def _collect(token: Token, depth: int, *, top: bool = False) -> list[Token]:
    """token and the modifiers that belong to its noun phrase, down to depth prepositions;
    below the top, names and nouns coordinated under a preposition ("between Russia and
    NATO"), where the phrase's own head keeps its conjuncts apart (they are targets of
    their own: "called for tanks and fighter jets")."""
    out = [token]
    for child in _modifiers(token):
        if child.is_space or (child.is_punct and not _hyphen(child)):
            continue
        if child.dep_ in _DROP_DEPS and not (_hyphen(child) or _hyphened(child)):
            continue
        if child.lower_ in _DROP_ADJ and child.dep_ == "amod":
            continue
        if child.dep_ == "advmod" and _set_off(child, token):
            continue  # "allow, as soon as possible, more aid convoys": an aside
        if child.dep_ == "poss" and child.pos_ != "PROPN":
            continue  # "its", "their": keep only named owners ("NATO's expansion")
        if child.dep_ in {"prep", "dative"}:
            if depth > 0 and child.lower_ in PREPOSITIONS and not _circumstance(child):
                out.extend(_collect(child, depth - 1))
            continue
        listed = token.dep_ == "pobj" or token.dep_ == "conj"  # "on Iran, Syria and Cuba"
        if child.dep_ in {"conj", "cc"} and listed and not top and _named_list(token):
            out.extend(_collect(child, depth))
            continue
        if child.dep_ in {"conj", "cc", "neg"}:
            continue
        out.extend(_collect(child, depth))
    return out


def _set_off(modifier: Token, head: Token) -> bool:
    """Whether punctuation stands between a modifier before its head and the head."""
    between = modifier.doc[modifier.right_edge.i + 1 : head.i]
    return modifier.i < head.i and any(t.is_punct and not _hyphen(t) for t in between)


def _object_complements(obj: Token) -> list[Token]:
    """Prepositional phrases the parser hung on the verb that belong to its object: what
    something is imposed on, aimed against, held with ("talks with Iran"), and whom
    something sent goes to ("send troops to Ukraine": troops to Ukraine)."""
    if any(c.dep_ == "prep" for c in obj.children):
        return []
    sent = obj.head.lemma_.lower() in TRANSFERRING and obj.lemma_.lower() not in BENEFICIARY_NOUNS
    marks = _OBJECT_PREPOSITIONS | ({"to"} if sent else set())  # guarantees name "for" whom
    return [
        c
        for c in obj.head.children
        if c.dep_ == "prep" and c.i > obj.i and c.lower_ in marks and _of_object(c)
    ]


def _of_object(preposition: Token) -> bool:
    """A phrase about a thing (not "on its own", "on Monday", "on behalf of")."""
    if _when(preposition):
        return False
    things = (c for c in preposition.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"})
    return any(c.lemma_.lower() not in adverbial_nouns() for c in things)


def _circumstance(preposition: Token) -> bool:
    """A phrase that says when or in what setting, not what the issue is: "on Monday",
    "(backed duties) in a non-binding vote", "(talks) on the sidelines"."""
    things = [c for c in preposition.children if c.dep_ == "pobj"]
    setting = bool(things) and all(c.lemma_.lower() in adverbial_nouns() for c in things)
    return _when(preposition) or (setting and preposition.lower_ != "of")  # "of the records"


def _when(preposition: Token) -> bool:
    """A prepositional phrase that says when ("on Monday", "in January"): the time of a
    sentence's event, not part of the issue."""
    return any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in preposition.children)


def _modifiers(token: Token) -> list[Token]:
    """token's children, with a prepositional phrase after the last of its coordinated
    nouns moved to that noun: in "expansion, deployment of weapons near our borders" the
    parser hangs "near our borders" on "expansion", but it belongs to the nearer noun."""
    last = max((c.i for c in token.children if c.dep_ == "conj" and c.pos_ == "NOUN"), default=-1)
    own = [c for c in token.children if not (c.dep_ == "prep" and c.i > last > token.i)]
    if token.dep_ == "conj" and not any(c.dep_ == "conj" for c in token.children):
        first = token.head
        own += [c for c in first.children if c.dep_ == "prep" and c.i > token.i]
    return own


def _hyphen(token: Token) -> bool:
    """An intra-word hyphen ("NATO-like", "US-led"): part of the word, not punctuation."""
    doc = token.doc
    return (
        token.text == "-"
        and not token.whitespace_
        and token.i > 0
        and not doc[token.i - 1].whitespace_
    )


def _hyphened(token: Token) -> bool:
    """A word joined to the next by a hyphen ("a no-fly zone"): part of a word, not a
    determiner."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and not token.whitespace_ and _hyphen(following)


def _named_list(token: Token) -> bool:
    """ "between Russia and NATO", "of troops and weapons" are one phrase; "expansion of X
    and accession of Y" is two (a coordinated noun with its own complement heads its own)."""
    return not any(heads_own_phrase(c) for c in token.conjuncts)


def heads_own_phrase(conjunct: Token) -> bool:
    """A coordinated word that is an item of its own: a verb, an adjective, or a common
    noun with its own complement ("the accession of Ukraine")."""
    if conjunct.pos_ == "NOUN":
        return any(g.dep_ == "prep" for g in conjunct.children)
    return conjunct.pos_ in _ITEMS


def separate_items(head: Token) -> list[Token]:
    """Common nouns coordinated under head's prepositional object: separate topics."""
    return [
        conj
        for prep in head.children
        if prep.dep_ == "prep"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for conj in pobj.conjuncts
        if conj.pos_ == "NOUN"
    ]


def _is_quote(token: Token) -> bool:
    return token.is_quote or token.text in {"‘", "’", "“", "”", '"', "'"}


def span_text(span: Span) -> str:
    """A span's text without surrounding quotes."""
    return span.text.strip(" \"'‘’“”")


def surface_text(head: Token) -> str:
    """The topic phrase as written (for aliases), without leading function words or quotes."""
    return render(sorted(_collect(head, 2), key=lambda t: t.i), {})


MAX_WRITTEN = 20


def spans(head: Token) -> set[str]:
    """The ways a reader may cut the noun phrase head heads, word for word: whole, up to
    its head, or up to its first complement; with and without its determiner ("a worthy
    response to the incursion", "worthy response", "the prisoner swap")."""
    whole = list(head.subtree)
    cuts = [whole, [t for t in whole if t.i <= head.i]]
    complement = next((c for c in head.rights if c.dep_ == "prep"), None)
    if complement is not None:
        cuts.append([t for t in whole if t.i <= complement.right_edge.i])
    out = set()
    for cut in cuts:
        tokens = [t for t in cut if not _is_quote(t)]
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
            tokens.pop()
        while tokens and (tokens[0].is_punct or tokens[0].is_space):
            tokens.pop(0)
        if not tokens or len(tokens) > MAX_WRITTEN:
            continue
        out.add(_as_written(tokens))
        if len(tokens) > 1 and tokens[0].dep_ in {"det", "poss", "predet"}:
            out.add(_as_written(tokens[1:]))
    return out


def clause_text(verb: Token) -> str | None:
    """A complement clause as written, without its "to", "that" or subject: "urged Rabat to
    reopen the crossings at Ceuta" -> "reopen the crossings at Ceuta". None when too long."""
    subject = {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
    tokens = [
        t
        for t in verb.subtree
        if t.i not in subject and not (t.dep_ in {"aux", "mark"} and t.i < verb.i and
                                       t.lower_ in {"to", "that"})
    ]  # fmt: skip
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    return _as_written(tokens) if 1 < len(tokens) <= MAX_WRITTEN else None


def _as_written(tokens: list[Token]) -> str:
    """Tokens in order as the article spaces them (a gap where a token was left out)."""
    text = tokens[0].text
    for previous, token in pairwise(tokens):
        gap = previous.whitespace_ or previous.i + 1 != token.i
        text += (" " if gap else "") + token.text
    return text


def written(head: Token) -> str | None:
    """The whole phrase head heads, word for word as the article has it (an alias an
    analyst may search for): its modifiers and clauses, not the items coordinated with it
    or set off by commas; without leading determiners and quotes. None when too long."""
    tokens = sorted(_whole(head, top=True), key=lambda t: t.i)
    while tokens and (tokens[0].dep_ in {"det", "predet"} or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if len(tokens) < 2 or len(tokens) > MAX_WRITTEN:
        return None
    return _as_written(tokens)


def _whole(token: Token, *, top: bool = False) -> list[Token]:
    """token and everything under it but coordinated items (names and prepositional
    phrases excepted below the top), appositions, adverbial clauses ("when ...") and
    punctuation other than hyphens."""
    separate = top or not _named_list(token)
    out = [token]
    infinitive = _infinitive_complement(token)
    if infinitive is not None:
        out.extend(infinitive.subtree)
    for child in _modifiers(token):
        listing = (
            child.text == "," and not separate and any(c.dep_ == "conj" for c in token.children)
        )
        if (
            child.is_space
            or child.dep_ in {"appos", "advcl"}
            or (child.is_punct and not (_hyphen(child) or listing))
        ):
            continue
        if child.dep_ in {"conj", "cc"} and separate:
            continue
        out.extend(_whole(child))
    return out


def _infinitive_complement(noun: Token) -> Token | None:
    """ "the right of the states to choose ...": the small parser often hangs the
    infinitive on the clause's verb; after a noun that takes one, it is the noun's."""
    if noun.lemma_.lower() not in INFINITIVE_NOUNS:
        return None
    end = max(t.i for t in noun.subtree)
    doc = noun.doc
    if end + 2 >= len(doc) or doc[end + 1].lower_ != "to" or doc[end + 1].dep_ != "aux":
        return None
    verb = doc[end + 1].head
    return verb if verb.dep_ in {"advcl", "xcomp"} and verb.i > end else None


_ITEMS = {"NOUN", "VERB", "ADJ"}  # coordinated, they are separate items; names are one list


def gerund_phrase(verb: Token, obj: Token, *, names: Mapping[int, str] | None = None) -> str | None:
    """ "returning the infrastructure of NATO to the positions of 1997" -> "return of
    infrastructure of NATO to positions": the verb's noun, its object, then a "to"."""
    if noun_of(verb) is None:
        return None
    return action_phrase(verb, obj, names=names)


# The complements of an action that belong to its name: "removal of X from Y".
_ACTION_PREPOSITIONS = {"to", "from", "into", "out", "with", "on", "against"}


def action_phrase(
    verb: Token,
    obj: Token,
    *,
    names: Mapping[int, str] | None = None,
    owner: str | None = None,
) -> str | None:
    """ "vowed to close its border with Belarus" -> "closure of Lithuania's border with
    Belarus": the verb's noun, its object and owner, then where to or from."""
    what = phrase(obj, names=names, depth=1, min_words=1)
    if what is None:
        return None
    if owner and not what.startswith(owner):
        what = f"{owner}'s {what}"
    to = next(
        (
            c
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in _ACTION_PREPOSITIONS and _of_object(c)
        ),
        None,
    )
    where = (
        next((phrase(c, names=names, depth=0, min_words=1) for c in to.children), None)
        if to
        else None
    )
    text = f"{noun_of(verb)} of {what}" + (f" {to.lower_} {where}" if to and where else "")
    return text if len(text.split()) <= MAX_WORDS + 2 else None


def action_text(verb: Token, obj: Token) -> str:
    """The action as written, with its object and complements but not its time: "close
    its border with Belarus" (of "close its border with Belarus within a week")."""
    parts = [c for c in verb.children if c.dep_ in {"prt", "dobj", "prep", "dative"}]
    timeless = [c for c in parts if not any(t.ent_type_ in {"DATE", "TIME"} for t in c.subtree)]
    tokens = sorted(
        {verb, *obj.subtree, *(t for c in timeless for t in c.subtree)}, key=lambda t: t.i
    )
    return render(tokens, {})


def noun_of(verb: Token) -> str | None:
    """The noun of an action: "close" -> "closure", "recognise" -> "recognition"."""
    lemma = verb.lemma_.lower()
    return NOMINALISATIONS.get(lemma) or NOMINALISATIONS.get(re.sub(r"ise$", "ize", lemma))


def nominal(verb: Token, subject: Token) -> str | None:
    """ "tension must be reduced" -> "reduction of tension"."""
    noun = NOMINALISATIONS.get(verb.lemma_.lower())
    if noun is None or subject.pos_ != "NOUN":
        return None
    return f"{noun} of {subject.text.lower()}"


_FINITE = {"VBD", "VBZ", "VBP"}


def event_phrase(noun: Token, prep: Token) -> str:
    """A gathering as written, up to its first complement: "joint press conference in the
    Kremlin", "meeting of the NATO-Russia Council"."""
    left = []
    for t in reversed(list(noun.lefts)):  # nearest first, up to a verb the parser misread
        if t.tag_ in _FINITE or t.ent_type_ == "PERSON":  # "Sisi held talks with ..."
            break
        if t.dep_ in {"amod", "compound", "nmod"} and not _is_quote(t):
            left.insert(0, t)
    tokens = [
        *left,
        noun,
        prep,
        *next((c for c in prep.children if c.dep_ == "pobj"), prep).subtree,
    ]
    inside = set(prep.subtree)
    kept = [
        t
        for t in tokens
        if (t.dep_ != "punct" or _hyphen(t))
        and not any(a.dep_ in {"appos", "relcl", "acl"} for a in (t, *t.ancestors) if a in inside)
    ]
    return render(sorted(set(kept), key=lambda t: t.i), {})


def adjective_forms(topic: str, adjectives: Mapping[str, str]) -> list[str]:
    """The topic with a state named by its adjective, as analysts write it: "Ukraine
    neutrality" -> "Ukrainian neutrality", "participation of Russia in talks" ->
    "Russian participation in talks"."""
    forms = []
    words = topic.split()
    for n in range(1, min(_MAX_STATE_WORDS, len(words) - 1) + 1):
        if (state := " ".join(words[:n])) in adjectives:
            forms.append(" ".join([adjectives[state], *words[n:]]))
    head, of, tail = topic.partition(" of ")
    after = tail.split()
    if of and len(head.split()) <= 2:
        for n in range(1, min(_MAX_STATE_WORDS, len(after)) + 1):
            state, rest = " ".join(after[:n]), after[n:]
            if state in adjectives and (not rest or rest[0] in PREPOSITIONS):
                forms.append(" ".join([adjectives[state], head, *rest]))
    return forms


_MAX_STATE_WORDS = 4  # "Bosnia and Herzegovina"
