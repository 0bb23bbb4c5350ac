"""Parties named the short way ("Labour", "the Greens", "Republicans", "Conservative
leader Kemi Badenoch"): which party a short name means depends on the country the article
is about, the one it names most (data/kb.json gives each party its country and short
names)."""

from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from loaders.entities import Mention
from loaders.kb import KnowledgeBase, KnownEntity
from loaders.ontology import Label

_Party = tuple[KnownEntity, str]  # a party and its country's id
_LONGEST = 3  # tokens in the longest short name ("Green Party", "Social Democrats")


def with_parties(doc: Doc, kb: KnowledgeBase, found: list[Mention]) -> list[Mention]:
    """The mentions, with each short party name whose country the article names most as a
    mention of that party (replacing what else read those words)."""
    countries = _countries(found, kb)
    sentence_of = {sent.start: i for i, sent in enumerate(doc.sents)}
    parties = [
        Mention(span.text, Label.ORGANIZATION, span.start_char, span.end_char,
                sentence_of[span.sent.start], key=party.id)
        for span, options in _short_names(doc, kb)
        if (party := _meant(options, countries))
    ]  # fmt: skip
    kept = [m for m in found if not any(_replaced(m, p) for p in parties)]
    parties = [p for p in parties if not any(_inside(p, m) for m in kept)]
    return sorted(kept + parties, key=lambda mention: mention.start)


def _countries(found: list[Mention], kb: KnowledgeBase) -> Counter[str]:
    """How often the article names each state (by name, seat or demonym)."""
    counts: Counter[str] = Counter()
    for mention in found:
        if mention.label is Label.COUNTRY:
            known = kb.lookup(mention.text) or kb.demonym(mention.text)
            if known is not None and known.label is Label.COUNTRY:
                counts[known.id] += 1
    return counts


def _short_names(doc: Doc, kb: KnowledgeBase) -> Iterator[tuple[Span, list[_Party]]]:
    """Spans written as a party's short name, with the parties so called."""
    firsts = kb.party_first_words
    i = 0
    while i < len(doc):
        if doc[i].text not in firsts:  # most words begin no party's name: passed at once
            i += 1
            continue
        for size in range(_LONGEST, 0, -1):
            span = doc[i : i + size]
            if span.end > span.sent.end:
                continue
            if (options := kb.party_names.get(span.text)) and _standalone(span):
                yield span, options
                i = span.end - 1
                break
            if (options := kb.party_adjectives.get(span.text)) and _describing(span):
                yield span, options
                i = span.end - 1
                break
        i += 1


def _standalone(span: Span) -> bool:
    """A short name not part of a longer name ("Sweden Democrats", "Young Conservatives",
    "the Socialists and Democrats group")."""
    doc, sentence = span.doc, span.sent
    before = doc[span.start - 1] if span.start > sentence.start else None
    joined = doc[span.end : span.end + 2] if span.end + 2 <= sentence.end else None
    joining = joined is not None and joined[0].lower_ in {"and", "&"} and _name_word(joined[1])
    return (before is None or not _name_word(before)) and not joining


def _describing(span: Span) -> bool:
    """An adjective of a party before a common noun inside a sentence ("Republican
    senators"; not "Democratic Republic of the Congo", not "Conservative estimates" opening
    a sentence)."""
    after = span.doc[span.end] if span.end < span.sent.end else None
    return (
        span.start > span.sent.start and after is not None and after.is_lower and _standalone(span)
    )


def _name_word(token: Token) -> bool:
    return token.is_title and token.pos_ == "PROPN"


def _meant(options: list[_Party], countries: Counter[str]) -> KnownEntity | None:
    """The party of the country the article names most, if one of them is named and no
    other as often."""
    scores = sorted(
        ((countries[country], party) for party, country in options), key=lambda s: -s[0]
    )
    best, party = scores[0]
    if best == 0 or (len(scores) > 1 and scores[1][0] == best):
        return None
    return party


def _replaced(mention: Mention, party: Mention) -> bool:
    """Whether a mention read the party's words alone (with "the"): the party's now."""
    return (
        party.start - len("the ") <= mention.start
        and mention.end <= party.end
        and (mention.start < party.end and party.start < mention.end)
    )


def _inside(party: Mention, mention: Mention) -> bool:
    """Whether a party's words are part of a longer name read elsewhere ("Labour Party
    conference" aside, "the Liberal Democratic Party")."""
    return (
        mention.start <= party.start
        and party.end <= mention.end
        and (mention.end - mention.start > party.end - party.start)
    )
