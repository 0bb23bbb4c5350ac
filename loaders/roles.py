"""HOLDS_ROLE: positions people hold, read from titles and appositives.

  "Hungarian Prime Minister Viktor Orban"       title before the name, holder before the title
  "top EU diplomat Kaja Kallas"
  "Víktor Orbán, Prime Minister of Hungary"     appositive after the name
  "the Hungarian Foreign Minister, Péter Szijjártó"  the name as appositive of the title
A title with no holder in the text ("President Vladimir Putin") falls back on
the knowledge base's affiliation of that person. "former" titles are skipped.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from loaders.kb import speaking_titles
from loaders.ontology import Label
from loaders.text import fold

ROLE_HEADS = {
    "president", "minister", "secretary", "chancellor", "ambassador", "spokesman",
    "spokeswoman", "spokesperson", "diplomat", "envoy", "leader", "head", "chief", "premier",
    "king", "queen", "commander", "senator", "governor", "mayor", "chairman", "chairwoman",
    "chair", "director", "representative", "official", "lawmaker", "speaker", "negotiator",
    "emir", "sultan", "prince", "monarch",
}  # fmt: skip
ROLE_MODIFIERS = {
    "prime", "foreign", "deputy", "vice", "defence", "defense", "interior", "finance",
    "state", "general", "top", "chief", "acting", "first", "senior", "economy", "trade",
    "policy",
}  # fmt: skip
_PAST = {"former", "ex", "late", "then"}
_OUTSIDE_THE_STATE = {"opposition", "party", "rebel", "militia", "union", "church", "campaign",
                      "business", "industry", "protest"}  # fmt: skip
HONORIFICS = {"sheikh", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sir", "dame"}


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
    affiliation: Mapping[str, str],
) -> list[Role]:
    """Roles stated in a doc; entity_at maps token index -> entity id."""
    found = []
    for ent in doc.ents:
        person = entity_at.get(ent.start)
        if person is None or labels.get(person) is not Label.PERSON:
            continue
        role = _before_name(doc, ent, person, entity_at, labels, affiliation) or _appositive(
            ent, person, entity_at, labels
        )
        if role:
            found.append(role)
    return found


def _is_holder(
    token: Token, entity_at: Mapping[int, str], labels: Mapping[str, Label]
) -> str | None:
    entity = entity_at.get(token.i)
    if entity and labels.get(entity) in (Label.COUNTRY, Label.ORGANIZATION):
        return entity
    return None


def _before_name(doc, ent, person, entity_at, labels, affiliation) -> Role | None:  # type: ignore[no-untyped-def]
    i = ent.start - 1
    while i >= 0 and doc[i].lower_ in HONORIFICS and i not in entity_at:
        i -= 1  # "Emir Sheikh Tamim", "President Dr. Mohamed Muizzu"
    title: list[Token] = []
    while i >= 0 and doc[i].lower_ in ROLE_HEADS | ROLE_MODIFIERS and i not in entity_at:
        title.insert(0, doc[i])
        i -= 1
    if not any(t.lower_ in ROLE_HEADS for t in title):
        return None
    if i >= 0 and doc[i].lower_ in _OUTSIDE_THE_STATE:
        return None  # "opposition leader Friedrich Merz" holds no post of the state
    holder = _is_holder(doc[i], entity_at, labels) if i >= 0 else None
    if holder:
        while i > 0 and entity_at.get(i - 1) == holder:
            i -= 1
    if (i > 0 and doc[i - 1].lower_ in _PAST) or (i >= 0 and doc[i].lower_ in _PAST):
        return None
    holder = holder or affiliation.get(person)
    if holder is None:
        return None
    return Role(person, holder, _title(title), ent.sent, 0.9)


def _appositive(ent, person, entity_at, labels) -> Role | None:  # type: ignore[no-untyped-def]
    root = ent.root
    if root.dep_ == "appos" and root.head.lower_ in ROLE_HEADS:
        role_word = root.head
    else:
        role_word = next(
            (c for c in root.children if c.dep_ == "appos" and c.lower_ in ROLE_HEADS), None
        )
    if role_word is None or any(t.lower_ in _PAST for t in role_word.lefts):
        return None
    span = {t.i for t in ent}
    for token in role_word.subtree:
        holder = None if token.i in span else _is_holder(token, entity_at, labels)
        if holder and holder != person:
            modifiers = [t for t in role_word.lefts if t.lower_ in ROLE_MODIFIERS]
            return Role(person, holder, _title([*modifiers, role_word]), ent.sent, 0.8)
    return None


def _title(tokens: list[Token]) -> str:
    words = [t.text for t in tokens if t.lower_ not in {"top", "senior"}]
    return " ".join(w[:1].upper() + w[1:] for w in words)


NOT_SPEAKING = {"vice", "deputy", "former", "acting", "ex", "assistant", "opposition"}


def speaks_for(role: Role) -> bool:
    """Whether a role's holder speaks for the state or body (data/speaks_for.txt): a head of
    state or government, a foreign minister, a spokesperson, an organization's leader."""
    words = fold(role.title).split()
    if NOT_SPEAKING & set(words):
        return False
    return any(_has_words(words, fold(title).split()) for title in speaking_titles())


def _has_words(words: list[str], wanted: list[str]) -> bool:
    return any(words[i : i + len(wanted)] == wanted for i in range(len(words)))
