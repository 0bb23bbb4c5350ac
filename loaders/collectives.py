"""Actors and events named by a common noun: "Polish farmers", "Western governments",
"the opposition" (groups that act), "the summit", "the 30 September election" (events).

NER reads names; these are noun phrases whose head says what they are (data/
collective_nouns.json). A group counts where it acts (the subject of a clause, or the
agent of a passive one); an event wherever it is named. Each mention is the phrase up to
its head, as written, without determiners or quantifiers, so the graph shows the text's
own words; an article's mentions of one event noun are one event ("the summit", "an EU
summit").
"""

import json
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from loaders.entities import Mention, surface
from loaders.kb import KnowledgeBase, country_names
from loaders.ontology import Label
from loaders.text import fold, slugify

ACTING = {"nsubj", "nsubjpass"}
MODIFIERS = {"amod", "compound", "nmod", "nummod", "npadvmod", "quantmod"}
_QUANTIFIERS = {"some", "many", "several", "most", "all", "both", "few", "certain", "various"}


@cache
def _nouns() -> dict[str, frozenset[str]]:
    raw = json.loads(
        resources.files("loaders").joinpath("data/collective_nouns.json").read_text("utf-8")
    )
    return {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}


def member_nouns() -> frozenset[str]:
    """Nouns for people who sit in a body and act for it ("lawmakers in the Bundestag")."""
    return _nouns()["members"]


def noun_mentions(doc: Doc, kb: KnowledgeBase) -> list[Mention]:
    """The group and event phrases of a parsed doc, in order."""
    nouns = _nouns()
    sentence_of = {sent.start: i for i, sent in enumerate(doc.sents)}
    named = _named_events(doc)
    found = []
    for token in doc:
        if token.pos_ not in {"NOUN", "PROPN"} or token.ent_type_:
            continue  # "Myanmar's foreign ministry": the parser may take a body for a name
        lower, key = token.lower_, None
        if token.pos_ == "PROPN" and lower not in nouns["bodies"]:
            continue
        if lower in nouns["bodies"] and (state := _owner_state(token, kb)):
            label, key = Label.ORGANIZATION, f"{state}-{token.lemma_.lower()}"
        elif lower in nouns["events"]:
            lemma = token.lemma_.lower()
            label, key = Label.EVENT, named.get(lemma, f"event-{lemma}")
        elif _group_head(token, nouns) and _acts(token):
            label = Label.GROUP
        else:
            continue
        span = _phrase(token)
        if label is Label.GROUP and (
            (len(span) == 1 and lower not in nouns["group_singulars"]) or _named(token, span)
        ):
            continue  # "officials said": too vague; "the opposition CHP": the party acts
        written = _written(token, span) if label is Label.GROUP else ()
        sentence = sentence_of[token.sent.start]
        found.append(
            Mention(span.text, label, span.start_char, span.end_char, sentence, key, written)
        )
    return found


MAX_WRITTEN = 12


def _written(head: Token, span: Span) -> tuple[str, ...]:
    """A group's phrase as the text writes it, for its aliases: with its quantifiers ("all
    opposition parties", "nearly 200 countries") and with what follows its head but a
    clause ("farmers across the Lublin region", "families of hostages held in Gaza")."""
    doc = head.doc
    start = min(span.start, head.left_edge.i)
    while start < span.start and doc[start].is_punct:
        start += 1
    after = [c for c in head.rights if c.dep_ in {"prep", "acl", "advmod"}]
    end = max((c.right_edge.i for c in after), default=head.i) + 1
    forms = {doc[start : head.i + 1].text, doc[start:end].text, doc[span.start : end].text}
    return tuple(sorted(f for f in forms if f != span.text and len(f.split()) <= MAX_WRITTEN))


def _owner_state(body: Token, kb: KnowledgeBase) -> str | None:
    """The state whose institution a noun names: "Turkey's parliament", "the Estonian
    foreign ministry", "Israel's top court" (its id, so both forms are one body)."""
    for child in body.children:
        if child.dep_ in {"poss", "amod", "compound", "nmod"}:
            known = kb.lookup(surface(child.text)) or kb.demonym(child.text)
            if known is not None and known.label is Label.COUNTRY:
                return known.id
            if child.dep_ == "poss" and fold(surface(child.text)) in country_names():
                return slugify(surface(child.text))  # a state the knowledge base lacks
            if child.dep_ != "poss":
                found = _owner_state(child, kb) if child.dep_ == "amod" else None
                if found:
                    return found
    return None


def _named_events(doc: Doc) -> dict[str, str]:
    """Head lemma -> the key of the first event the article names with it ("the Black Sea
    summit"), which a bare "the summit" then means."""
    found: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ in {"EVENT", Label.EVENT.value}:
            found.setdefault(ent.root.lemma_.lower(), slugify(surface(ent.text)))
    return found


NAMED = {"ORG", "PERSON", "Organization", "Person"}


def _named(head: Token, span: Span) -> bool:
    """A phrase that holds or is followed by the name of who acts ("the conservative
    CDU/CSU opposition", "the main opposition, the Republican People's Party"), or owned by
    it ("Germany's coalition" is Germany's government)."""
    named = [t for t in span if t.ent_type_ in NAMED or (t.dep_ == "poss" and t.ent_type_)]
    named += [t for c in head.children if c.dep_ == "appos" for t in c.subtree if t.ent_type_]
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    return bool(named) or (after is not None and after.ent_type_ in NAMED)


def _group_head(token: Token, nouns: dict[str, frozenset[str]]) -> bool:
    return token.lower_ in nouns["groups"] or token.lower_ in nouns["group_singulars"]


def _acts(token: Token) -> bool:
    """The subject of a clause ("Polish farmers blocked ..."), or its agent ("... was
    condemned by rights groups"), or coordinated with one."""
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ in ACTING:
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "by" and token.head.dep_ == "agent"


def _phrase(head: Token) -> Span:
    """The head and everything before it in its phrase, without leading determiners,
    quantifiers, possessive pronouns or punctuation ("all the Polish farmers" -> "Polish
    farmers", "Ukraine's partners" stays)."""
    doc = head.doc
    start = head.left_edge.i
    dash = [t.i for t in doc[start : head.i] if t.text in {"-", "–", "—", ",", ":"}]
    start = dash[-1] + 1 if dash and not doc[dash[-1]].is_alpha else start  # a dateline
    while start < head.i and _leading(doc[start]):
        start += 1
    return doc[start : head.i + 1]


def _leading(token: Token) -> bool:
    return (
        token.dep_ in {"det", "predet", "punct"}
        or token.lower_ in _QUANTIFIERS
        or (token.dep_ == "poss" and token.pos_ == "PRON")
    )
