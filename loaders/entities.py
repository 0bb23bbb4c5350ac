"""Doc -> entity mentions in the ontology's labels.

spaCy's statistical NER is mapped onto the ontology (a GPE is a Country when it
names a state, else a Place); a phrase ruler built from
the knowledge base (added ahead of NER) catches the actors the small model
misses or mislabels. Demonyms become country mentions only through the KB. A
component after NER names the people the model missed behind a title ("Jordanian
King Abdullah", "President Zoran Milanovic").
"""

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from loaders import cues
from loaders.dates import LEAD, dateline_end
from loaders.kb import KnowledgeBase, country_names, travel_words
from loaders.ontology import Label
from loaders.roles import HONORIFICS, NAME_HONORIFICS, ROLE_HEADS, ROLE_MODIFIERS
from loaders.text import fold

SPACY_TO_LABEL = {
    "PERSON": Label.PERSON,
    "GPE": Label.COUNTRY,
    "ORG": Label.ORGANIZATION,
    "LAW": Label.AGREEMENT,
    "EVENT": Label.EVENT,
    "LOC": Label.PLACE,
    "FAC": Label.PLACE,
}
_ONTOLOGY_LABELS = {label.value for label in Label}
EVENT_HEADS = {"conflict", "war", "crisis", "talks", "summit", "invasion", "offensive", "ceasefire"}
GROUP_HEADS = {"minority", "minorities", "diaspora", "opposition", "rebels", "separatists"}
REGIONS = {
    "Western", "Eastern", "European", "Baltic", "Nordic", "Gulf", "Arab", "African", "Asian",
    "Balkan", "Scandinavian", "Central", "Latin", "EU", "NATO", "G7", "G20", "BRICS", "ASEAN",
}  # fmt: skip
COLLECTIVES = {"states", "countries", "nations", "allies", "leaders", "governments",
               "partners", "capitals"}  # fmt: skip
_LIKENESS = {"like", "style", "type"}
_QUANTIFIERS = {"other", "some", "many", "several", "most", "few", "certain", "various"}
_TITLE_WORD_LENGTH = 5  # shorter words ("on", "for", "with") stay lowercase in titles
_HONORIFICS = tuple(f"{word} " for word in sorted(NAME_HONORIFICS))
_LEADING = ("the ",)
_POSSESSIVE = ("'s", "’s", "'", "’")


_TITLED_NAMES = "newsgraph_titled_names"
_MAX_NAME_TOKENS = 3
_NOT_NAMES = ROLE_HEADS | ROLE_MODIFIERS | HONORIFICS | {
    "office", "council", "cabinet", "party", "ministry", "department", "house", "palace",
    "government", "administration", "court", "parliament", "army", "police",
}  # fmt: skip


@Language.component(_TITLED_NAMES)
def titled_names(doc: Doc) -> Doc:
    """Mark as a person the proper nouns right after a capitalised title that NER left
    unlabelled: "King Abdullah", "Foreign Minister Gabrielius Landsbergis"."""
    found = []
    i = 0
    while i < len(doc) - 1:
        title = doc[i]
        end = i + 1
        while end < len(doc) and end - i - 1 < _MAX_NAME_TOKENS and _could_be_name(doc[end]):
            end += 1
        if title.is_title and title.lower_ in ROLE_HEADS and end > i + 1:
            found.append(Span(doc, i + 1, end, label=Label.PERSON.value))
        i = max(end, i + 1)
    found += _named_after_holder(doc)
    found += _platform_x(doc)
    found += _described_names(doc)
    ents = [_cut_at_dash(e) for e in doc.ents if not (_state_form(e) or _leaning(e) or _unnamed(e))]
    ents = _regions([e for e in _completed([e for e in ents if e is not None])])
    doc.ents = _joined(filter_spans([*ents, *found]))  # "[Prince X] [bin Y]"
    return doc


_DASHES = {"-", "–", "—"}
_COMPASS = {"west", "western", "east", "eastern", "north", "northern", "south", "southern",
            "central"}  # fmt: skip
_PLACES = {"LOC", Label.PLACE.value}


def _regions(ents: list[Span]) -> list[Span]:
    """ "the Western Balkans", "West Africa": a point of the compass read apart from the
    place right after it ("[West] [Africa]", as "the West" and a continent) is part of
    the region's name."""
    ents = sorted(ents, key=lambda e: e.start)
    out: list[Span] = []
    for ent in ents:
        last = out[-1] if out else None
        words = [t.lower_ for t in last if t.lower_ != "the"] if last is not None else []
        if (
            last is not None
            and last.end == ent.start
            and ent.label_ in _PLACES
            and (len(words) == 1 and words[0] in _COMPASS)
        ):
            start = last.start + (last[0].lower_ == "the")
            out[-1] = Span(ent.doc, start, ent.end, label=Label.PLACE.value)
        else:
            out.append(ent)
    return out


# Words of a state's formal name before its short one: "the Republic of", "the Hashemite
# Kingdom of", "the Federal Republic of".
_STATE_FORMS = {
    "the", "of", "republic", "kingdom", "federal", "islamic", "arab", "hashemite",
    "democratic", "people", "people's", "socialist", "state", "sultanate", "principality",
    "grand", "duchy", "commonwealth", "united", "plurinational", "bolivarian", "co-operative",
}  # fmt: skip


def _state_form(ent: Span) -> bool:
    """ "The Hashemite Kingdom" before "Jordan": what NER leaves of a state's formal name
    once the state's own name is known, no entity of its own."""
    end = ent.end + (ent.end < len(ent.doc) and ent.doc[ent.end].lower_ == "of")
    after = ent.doc[end] if end < len(ent.doc) else None
    if after is None or after.ent_type_ not in {Label.COUNTRY.value, "GPE"}:
        return False
    return all(t.lower_ in _STATE_FORMS for t in ent)


_LEANINGS = {"pro", "anti"}


def _leaning(ent: Span) -> bool:
    """ "pro-European", "anti-Western": a leaning, written as an adjective, names no one."""
    words = [t.lower_ for t in ent]
    return len(words) == 3 and words[0] in _LEANINGS and words[1] in _DASHES


def _described_names(doc: Doc) -> list[Span]:
    """Proper nouns NER left unlabelled that an apposition describes as a person: "Katalin
    Cseh, a liberal member of the European Parliament", "Jane Roe, an analyst at X"."""
    found = []
    for token in doc:
        if token.ent_type_ or token.pos_ != "PROPN" or not token.is_title:
            continue
        if not any(c.dep_ == "appos" and c.lemma_.lower() in _DESCRIBING for c in token.children):
            continue
        start = token.i
        while start > token.sent.start and token.i - start < 2 and _could_be_name(doc[start - 1]):
            start -= 1
        if start < token.i:  # a first name and a surname at least
            found.append(Span(doc, start, token.i + 1, label=Label.PERSON.value))
    return found


_POSTED_ON = {"on", "platform", "network", "site"}


def _platform_x(doc: Doc) -> list[Span]:
    """ "wrote on X", "the social media platform X": the network, which NER never reads."""
    return [
        Span(doc, t.i, t.i + 1, label=Label.ORGANIZATION.value)
        for t in doc[1:]
        if t.text == "X" and not t.ent_type_ and doc[t.i - 1].lower_ in _POSTED_ON
    ]


def _cut_at_dash(ent: Span) -> Span | None:
    """ "PUERTO PRINCESA CITY - President": a name never runs across a spaced dash (a
    dateline ends there); what comes before it is the name."""
    dashes = [
        t.i for t in ent[1:-1] if t.text in _DASHES and t.whitespace_ and t.nbor(-1).whitespace_
    ]
    if not dashes:
        return ent
    return Span(ent.doc, ent.start, dashes[0], label=ent.label_) if dashes[0] > ent.start else None


_HOLDERS = {"ORG", "GPE", Label.ORGANIZATION.value, Label.COUNTRY.value}
_ORGANIZATIONS = {"ORG", Label.ORGANIZATION.value}


def _named_after_holder(doc: Doc) -> list[Span]:
    """ "Executive Vice-President of the European Commission Valdis Dombrovskis": the proper
    nouns right after a title's holder are the person holding it."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in _HOLDERS or ent.start < 2:
            continue
        before = ent.start - 1
        if doc[before].lower_ == "the" and doc[before].ent_type_ == "":
            before -= 1
        if doc[before].lower_ not in {"of", "for"} or doc[before - 1].lower_ not in ROLE_HEADS:
            continue
        end = ent.end
        while end < len(doc) and end - ent.end < _MAX_NAME_TOKENS and _could_be_name(doc[end]):
            end += 1
        if end - ent.end >= 2:  # a first name and a surname at least
            found.append(Span(doc, ent.end, end, label=Label.PERSON.value))
    return found


_OPEN_ENDS = {"of", "in", "for", "on", "the", "and"}


def _completed(ents: list[Span]) -> list[Span]:
    """ "[Islamic Resistance in] [Iraq]", "[Ministry of Foreign Affairs] of [Mongolia]": an
    organization's name NER cut at a name the knowledge base marked first runs on through
    that name."""
    ents = sorted(ents, key=lambda e: e.start)
    out: list[Span] = []
    for ent in ents:
        last = out[-1] if out else None
        if last is not None and (_runs_on(last, ent) or _office_of(last, ent)):
            out[-1] = Span(ent.doc, last.start, ent.end, label=last.label_)
        else:
            out.append(ent)
    return out


def _runs_on(name: Span, after: Span) -> bool:
    """ "[Islamic Resistance in] [Iraq]": a name ending in a word that needs what follows."""
    open_end = name[-1].lower_ in _OPEN_ENDS and len(name) > 1
    return open_end and name.label_ in _ORGANIZATIONS and name.end == after.start


def _office_of(office: Span, state: Span) -> bool:
    """Whether an office NER read and a state after "of" are one name ("the Ministry of
    Foreign Affairs of Mongolia")."""
    between = office.doc[office.end : state.start]
    return (
        office.label_ in _ORGANIZATIONS
        and state.label_ in {"GPE", Label.COUNTRY.value}
        and [t.lower_ for t in between] == ["of"]
        and office.root.lemma_.lower() in STATE_BODIES
    )


_PEOPLE = {Label.PERSON.value, "PERSON"}


def _joined(ents: list[Span]) -> list[Span]:
    """ "Secretary [Gilberto] [Teodoro Jr.]": a titled name and the person NER found right
    after it are one name."""
    ents = sorted(ents, key=lambda e: e.start)
    out: list[Span] = []
    for ent in ents:
        last = out[-1] if out else None
        if last is not None and ent.label_ in _PEOPLE and _one_person(last, ent):
            out[-1] = Span(ent.doc, last.start, ent.end, label=Label.PERSON.value)
        else:
            out.append(ent)
    return out


def _one_person(before: Span, person: Span) -> bool:
    """Whether a span and the person's name after it are one person's name."""
    adjacent = before.end == person.start and before.label_ in _PEOPLE
    return adjacent or _first_names_between(before, person)


def _first_names_between(before: Span, person: Span) -> bool:
    """ "[Mahamat] [Deby Itno]", "[Mahamat] Idriss [Deby]": one capitalised word NER read
    as an organization, right before a person's name or unlabelled proper nouns up to it,
    is that person's first name."""
    between = before.doc[before.end : person.start]
    after_word = before.start > 0 and before.doc[before.start - 1].is_alpha
    return (
        not after_word  # "Secretary of [State] [Antony Blinken]"
        and before.label_ == "ORG"
        and len(before) == 1
        and before[0].pos_ == "PROPN"
        and all(_could_be_name(t) for t in between)
    )


def _could_be_name(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and not token.ent_type_
        and token.lower_ not in _NOT_NAMES
    )


_EMBEDDED_NAMES = "newsgraph_embedded_names"


@Language.component(_EMBEDDED_NAMES)
def embedded_names(doc: Doc) -> Doc:
    """A known name inside a longer one is the longer one: "the National Security Council"
    is not the UN's "Security Council" after a word "National". The knowledge base's match
    grows over the capitalised proper nouns written right before it."""
    grown = []
    for ent in doc.ents:
        if _ends_hyphenated(ent[0]) and len(ent) > 1:  # "pro-[Russian Slovak National Party]"
            ent = Span(doc, ent.start + 1, ent.end, label=ent.label_)
        start = ent.start
        words = ent.label_ == Label.ORGANIZATION.value and not ent.text.isupper()  # not "CSU"
        while words and start > ent.sent.start and _name_word(doc[start - 1]):
            start -= 1
        grown.append(ent if start == ent.start else Span(doc, start, ent.end, label=ent.label_))
    doc.ents = grown
    return doc


def _ends_hyphenated(token: Token) -> bool:
    """Whether a word ends a hyphenated one ("Russian" in "pro-Russian"): no name starts there."""
    return token.i > 0 and token.nbor(-1).text in _DASHES and not token.nbor(-1).whitespace_


def _name_word(token: Token) -> bool:
    """A word that can only belong to the name after it: capitalised, a proper noun, no
    entity of its own, no title ("President") or calendar word, and not the end of a
    hyphenated word ("the pro-Russian Slovak National Party")."""
    return (
        not _ends_hyphenated(token)
        and token.is_title
        and token.pos_ == "PROPN"
        and not token.ent_type_
        and token.lower_ not in ROLE_HEADS | _CALENDAR
    )


def add_titled_names(nlp: Language) -> None:
    """Put the titled-name component right after NER (once)."""
    if _TITLED_NAMES not in nlp.pipe_names:
        nlp.add_pipe(_TITLED_NAMES, after="ner")


@dataclass(frozen=True)
class Mention:
    """A span of the article that names an entity."""

    text: str
    label: Label
    start: int
    end: int
    sentence: int  # index of the sentence in doc.sents
    key: str | None = None  # mentions with one key are one entity (None: by their name)
    written: tuple[str, ...] = ()  # the whole phrase as the text has it, for aliases


def add_kb_ruler(nlp: Language, kb: KnowledgeBase) -> None:
    """Put a case-sensitive phrase ruler of KB names and aliases ahead of NER."""
    if "newsgraph_kb" in nlp.pipe_names:
        return
    ruler = nlp.add_pipe("entity_ruler", name="newsgraph_kb", before="ner")
    patterns: list[dict] = []
    for entity in kb.entities:
        for form in {entity.name, *entity.aliases}:
            if len(form) > 1:
                patterns.append({"label": entity.label.value, "pattern": form})
                if entity.label in (Label.COUNTRY, Label.PLACE):
                    patterns.append(_event_pattern(nlp, form))
            bloc = entity.label is Label.ORGANIZATION and form.startswith("the ")
            if bloc and form.islower():  # "The bloc said", opening a sentence
                patterns.append({"label": entity.label.value, "pattern": "T" + form[1:]})
    # demonyms the small model misses ("Lithuanian Foreign Minister ..."): like its NORP
    # mentions, they stand for their state
    patterns += [{"label": e.label.value, "pattern": f} for f, e in kb.demonym_forms.items()]
    patterns += _group_patterns(kb)
    patterns += _sized_descriptions(kb)
    patterns += _agreement_patterns()
    patterns += _long_name_patterns()
    patterns += _state_institution_patterns(kb)
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    nlp.add_pipe(_EMBEDDED_NAMES, after="newsgraph_kb")


SIZE_WORDS = ("nation", "member", "country", "state")


def _sized_descriptions(kb: KnowledgeBase) -> list[dict]:
    """ "the 27-nation bloc", "the 32-member alliance": a description the knowledge base
    knows ("the bloc"), with the group's size written in."""
    found = []
    for entity in kb.entities:
        for form in entity.aliases:
            words = form.split()
            if len(words) == 2 and words[0] == "the" and form.islower():
                size = [{"LIKE_NUM": True}, {"TEXT": "-", "OP": "?"}, {"LOWER": {"IN": SIZE_WORDS}}]
                pattern = [{"LOWER": "the"}, *size, {"LOWER": words[1]}]
                found.append({"label": entity.label.value, "pattern": pattern})
                if entity.label is not Label.ORGANIZATION:
                    continue
                # "the regional bloc", "the West African bloc": the description placed
                where = {"IS_TITLE": True, "POS": {"IN": ["ADJ", "PROPN"]}, "OP": "+"}
                for place in ([{"LOWER": "regional"}], [where]):
                    qualified = [{"LOWER": "the"}, *place, {"LOWER": words[1]}]
                    found.append({"label": entity.label.value, "pattern": qualified})
    return found


AGREEMENT_HEADS = (
    "Agreement", "Accord", "Accords", "Treaty", "Declaration", "Communiqué", "Communique",
    "Initiative", "Framework", "Protocol", "Pact", "Convention", "Charter", "Memorandum",
    "Act", "Law", "Bill", "Ordinance", "Statute", "Regulation", "Directive",
)  # fmt: skip


def _agreement_patterns() -> list[dict]:
    """ "the Paris Agreement", "the Black Sea Grain Initiative", "the Windsor Framework": a
    name in capitals ending in a word for an agreement names one (the longest match wins)."""
    the = [{"LOWER": "the", "OP": "?"}]  # so that "the UN Charter" outweighs "the UN"
    # "the Taft-Hartley Act": a hyphen may join the words of a name
    name = [
        *the,
        {"TEXT": {"REGEX": "^[A-Z]"}, "POS": "PROPN"},
        {"TEXT": {"REGEX": "^([A-Z]|-$)"}, "POS": {"IN": ["PROPN", "PUNCT"]}, "OP": "*"},
    ]
    head = [{"ORTH": {"IN": list(AGREEMENT_HEADS)}}]
    link = [  # not "in": "signed the Pandemic Agreement in Geneva" says where
        {"LOWER": {"IN": ["of", "on", "for"]}},
        {"LOWER": {"IN": ["the", "a"]}, "OP": "?"},
    ]
    # "the Agreement on the Path to Normalisation": a later link may be "to" or "in"
    then = [{"LOWER": {"IN": ["of", "on", "for", "in", "to"]}}, link[1]]
    words = [{"TEXT": {"REGEX": "^([A-Z]|-$)"}, "LOWER": {"NOT_IN": sorted(_CALENDAR)}, "OP": "+"}]
    before = [
        *the,
        {"TEXT": {"REGEX": "^[A-Z0-9]"}, "LOWER": {"NOT_IN": ["the", "a"]}, "OP": "*"},
    ]
    label = Label.AGREEMENT.value
    return [
        # "the UN Charter", "the Paris Agreement", "the Finance Bill 2024"
        {"label": label, "pattern": [*name, *head, {"SHAPE": "dddd", "OP": "?"}]},
        # "the Convention on the Law of the Sea", "the 2002 Declaration on the Conduct of
        # Parties in the South China Sea", "the Joint Communique on a Peace Framework"
        {"label": label, "pattern": before + head + link + words},
        {"label": label, "pattern": before + head + link + words + then + words},
        {"label": label, "pattern": before + head + link + words + then + words + then + words},
    ]


INSTITUTION_HEADS = (
    "Council", "Community", "Commission", "Committee", "Institute", "Ministry", "Department",
    "Forces", "Agency", "Organization", "Organisation", "Office", "Bank", "Fund", "Court",
    "Assembly", "Association", "Federation", "League", "Union", "Chamber", "Service",
    "Authority", "Board", "Academy", "University", "Centre", "Center", "Foundation",
    "Bureau", "Party", "Movement", "Front", "Coalition", "Parliament", "Secretariat",
    "Alliance", "Programme", "Program", "Tribunal",
)  # fmt: skip
PLACE_HEADS = (
    "Sea", "Ocean", "Strait", "Gulf", "Bay", "Shoal", "Peninsula", "Island", "Islands",
    "Canal", "River", "Basin", "Corridor", "Plateau", "Heights",
)  # fmt: skip


SITE_NOUNS = (
    "region", "bridge", "crossing", "site", "province", "district", "port", "airport",
    "plant", "base", "valley", "oblast", "enclave", "corridor",
)  # fmt: skip
_CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
}  # fmt: skip


def _long_name_patterns() -> list[dict]:
    """Names of several capitalised words that hold other names, read whole (the longest
    match wins): "the Economic Community of West African States", "the Council of the
    European Union" are organizations, "the South China Sea" a place; never across a
    title ("the Council of Europe Secretary General ...")."""
    before = {"IS_TITLE": True, "LOWER": {"NOT_IN": ["the", "a", "an"]}, "OP": "*"}
    words = {"IS_TITLE": True, "LOWER": {"NOT_IN": sorted(ROLE_HEADS | _CALENDAR)}}
    link = [{"LOWER": {"IN": ["of", "for", "on"]}}, {"LOWER": "the", "OP": "?"}]
    institution = [
        before,
        {"ORTH": {"IN": list(INSTITUTION_HEADS)}},
        *link,
        {**words, "OP": "+"},
    ]
    # "the National Council for the Safeguard of the Homeland", "the Ministry of Foreign
    # Affairs of the People's Republic of China": links with "the" chained (without it, a
    # name may follow: "the Ministry of Foreign Affairs of Russia Maria Zakharova"); a name
    # in one may own
    the = [link[0], {"LOWER": "the"}]
    tails = (
        [*the, {**words, "OP": "+"}],
        [*the, {**words, "OP": "+"}, {"ORTH": "'s"}, {**words, "OP": "+"}],
    )
    chained = [institution + a for a in tails] + [institution + a + b for a in tails for b in tails]
    place = [{"IS_TITLE": True, "OP": "+"}, {"ORTH": {"IN": list(PLACE_HEADS)}}]
    site = [{"IS_TITLE": True, "POS": "PROPN", "OP": "+"}, {"LOWER": {"IN": list(SITE_NOUNS)}}]
    return [
        {"label": Label.ORGANIZATION.value, "pattern": institution},
        *({"label": Label.ORGANIZATION.value, "pattern": pattern} for pattern in chained),
        {"label": Label.PLACE.value, "pattern": place},
        {"label": Label.PLACE.value, "pattern": site},  # "the Lublin region", "Narva crossing"
    ]


def _state_institution_patterns(kb: KnowledgeBase) -> list[dict]:
    """ "The Norwegian Competition Authority", "the Kenyan Human Rights Commission": a
    state's adjective opening an institution's name is part of the name (else the
    adjective alone would be read, as the state)."""
    demonym = {"LOWER": {"IN": sorted(kb.by_demonym)}, "IS_TITLE": True}
    words = {"IS_TITLE": True, "LOWER": {"NOT_IN": sorted(ROLE_HEADS | _CALENDAR)}, "OP": "*"}
    head = {"ORTH": {"IN": list(INSTITUTION_HEADS)}}
    # "Foreign Ministry spokesman X": a ministry named by its portfolio alone, which NER
    # reads in some sentences and not in others
    portfolio = {"LOWER": {"IN": sorted(ROLE_MODIFIERS)}, "IS_TITLE": True, "OP": "+"}
    return [
        {"label": Label.ORGANIZATION.value, "pattern": [demonym, words, head]},
        {"label": Label.ORGANIZATION.value, "pattern": [portfolio, {"ORTH": "Ministry"}]},
    ]


def _group_patterns(kb: KnowledgeBase) -> list[dict]:
    """ "the Magyar minority in Ukraine", "Kurdish rebels": a people's group, named as
    written (a demonym, a group noun, and where); "Baltic states", "Gulf countries",
    "EU leaders", "NATO allies": states or leaders of a region or body acting together."""
    people = [{"LOWER": {"IN": sorted(kb.by_demonym)}, "IS_TITLE": True}]
    head = [{"LOWER": {"IN": sorted(GROUP_HEADS)}}]
    where = [{"LOWER": "in"}, {"IS_TITLE": True}]
    label = Label.GROUP.value
    region = [{"ORTH": {"IN": sorted(REGIONS)}}]
    collective = [{"LOWER": {"IN": sorted(COLLECTIVES)}}]
    return [
        *({"label": label, "pattern": people + head + tail} for tail in ([], where)),
        {"label": label, "pattern": region + collective},
    ]


def _event_pattern(nlp: Language, place: str) -> dict:
    """ "the Ukraine conflict", "Istanbul peace talks": an event named by where it happens."""
    tokens = [{"ORTH": token.text} for token in nlp.make_doc(place)]
    tokens += [{"LOWER": "peace", "OP": "?"}, {"LOWER": {"IN": sorted(EVENT_HEADS)}}]
    return {"label": Label.EVENT.value, "pattern": tokens}


def mentions(doc: Doc, kb: KnowledgeBase) -> list[Mention]:
    """Entity mentions of a parsed doc, in document order."""
    sentence_of = {sent.start: i for i, sent in enumerate(doc.sents)}
    uses = _seat_uses(doc, kb)
    places = {seat for seat, where in uses.items() if where == {True}}
    surnames = _surnames(doc)
    found = []
    for ent in doc.ents:
        if (ent := _in_one_sentence(ent)) is None:
            continue
        label = _label(ent, kb)
        if (
            _surname_mislabelled(ent, surnames, kb)
            or _described_as_person(ent, kb)
            or _name_taken_for_work(ent, kb)
        ):
            label = Label.PERSON  # "Hoekstra called the collapse unnecessary" (NER: ORG)
        if label in {Label.ORGANIZATION, Label.EVENT} and _names_legislation(ent):
            label = Label.AGREEMENT  # "the Fiscal Responsibility Act" (NER: an organization)
        if label is not Label.COUNTRY and _place_named(ent):
            label = Label.PLACE  # "the island of Zanzibar" (NER: an organization, a people)
        if label is None or (ent.label_ not in _ONTOLOGY_LABELS and title_case(ent.sent)):
            continue
        if _likeness(ent) or (label is Label.GROUP and _quantified(ent)) or _title_word(ent, kb):
            continue
        if kb.is_seat(name := surface(ent.text)):  # "a conference in Paris": the city
            label = Label.PLACE if fold(name) in places else kb.lookup(name).label  # type: ignore[union-attr]
        if label is Label.ORGANIZATION and (state := _government_of(ent, kb)):
            label, text = Label.COUNTRY, state  # "the Government of the Republic of Zambia"
        else:
            ent = _with_owner_state(ent, kb) if label is Label.ORGANIZATION else ent
            text = surface(ent.text)
        if label is Label.PLACE and text.isupper() and kb.is_seat(text.title()):
            text = text.title()  # "MOSCOW, Dec 31 -": the city, written in capitals
        if label is Label.PLACE and fold(text) in kb.seats_with_article:
            text = f"The {text}"  # "The Hague": the article is part of its name
        if text:
            found.append(
                Mention(text, label, ent.start_char, ent.end_char, sentence_of[ent.sent.start])
            )
        if label is Label.EVENT:  # "Russia's invasion of Ukraine" names Ukraine too
            found += _states_within(ent, kb, sentence_of[ent.sent.start])
    found += _surnames_missed(doc, surnames, kb, sentence_of)
    acting = {seat for seat, where in uses.items() if False in where}
    filed = _dateline_places(doc, kb, sentence_of, acting=acting)
    found = [m for m in found if not any(m.start < d.end and d.start < m.end for d in filed)]
    return sorted(found + filed, key=lambda mention: mention.start)


def _in_one_sentence(ent: Span) -> Span | None:
    """A name NER ran across a sentence start ("[20:30 - Netanyahu] rejects the plan",
    a live blog's time before the story): the part in the sentence it ends in."""
    starts = [t.i for t in ent[1:] if t.is_sent_start]
    if not starts:
        return ent
    kept = Span(ent.doc, starts[-1], ent.end, label=ent.label_)
    return kept if any(t.is_alpha for t in kept) else None


def _dateline_places(
    doc: Doc, kb: KnowledgeBase, sentence_of: dict[int, int], acting: set[str]
) -> list[Mention]:
    """The places a dated or credited dateline names in capitals ("DETROIT, Sept 15 -",
    "OAKLAND/ELIZABETH (Reuters) -") that the knowledge base does not know: where the
    story was filed, a place whatever NER took it for (an organization, a person) or
    missed. A known seat or state in a dateline is read as NER and the knowledge base
    read it ("MOSCOW, Dec 31 -" is Moscow, or Russia where Moscow acts for it); a known
    seat NER missed is the city, unless the article makes it act (acting: folded seats)."""
    found = []
    for first in doc:
        if first.i > 0 and "\n" not in doc[first.i - 1].text_with_ws:
            continue  # only a paragraph's first word opens a dateline
        if not first.is_upper or len(first.text) < 2:
            continue  # a place in capitals
        text = doc.text[first.idx : first.idx + 120]
        match = LEAD.match(text)
        if match is None or dateline_end(text) is None or not match["place"].isupper():
            continue
        sentence = first.sent
        offset = first.idx + match.start("place")
        for part in re.finditer(r"[^/]+", match["place"]):
            name = part.group().strip()
            start = offset + part.start()
            unknown = (match["when"] or match["credit"]) and kb.lookup(name.title()) is None
            seat = kb.is_seat(name.title()) and fold(name) not in acting
            if unknown or (seat and not _read(doc, start, start + len(name))):
                place = Mention(name.title(), Label.PLACE, start, start + len(name), 0)
                found.append(replace(place, sentence=sentence_of[sentence.start]))
    return found


def _read(doc: Doc, start: int, end: int) -> bool:
    """Whether NER read a name between two character offsets."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ for t in span)


def _states_within(ent: Span, kb: KnowledgeBase, sentence: int) -> list[Mention]:
    """The states an event's name holds, by name or demonym: mentions of their own."""
    found = []
    for token in ent:
        known = kb.lookup(token.text) or kb.demonym(token.text)
        if token.is_title and known is not None and known.label is Label.COUNTRY:
            end = token.idx + len(token.text)
            found.append(Mention(token.text, Label.COUNTRY, token.idx, end, sentence))
    return found


def _surnames_missed(
    doc: Doc, surnames: frozenset[str], kb: KnowledgeBase, sentence_of: dict[int, int]
) -> list[Mention]:
    """The last name of a person the article names in full, where NER saw no name at all
    ("Shawn Fain" ... "Fain has dismissed the offers"): a mention of that person."""
    covered = {t.i for ent in doc.ents for t in ent}
    missed = [
        token
        for token in doc
        if token.i not in covered
        and token.pos_ == "PROPN"
        and token.text in surnames
        and fold(token.text) not in country_names()
        and kb.lookup(token.text) is None
        and not title_case(token.sent)
    ]
    return [
        Mention(t.text, Label.PERSON, t.idx, t.idx + len(t.text), sentence_of[t.sent.start])
        for t in missed
    ]


# Head nouns of a state's offices and institutions: "China's Commerce Ministry", "the
# Chinese Foreign Ministry", "India's Supreme Court", "the Kenyan parliament".
STATE_BODIES = {
    "ministry", "department", "office", "agency", "directorate", "secretariat", "court",
    "parliament", "senate", "assembly", "army", "navy", "police", "commission", "tribunal",
    "guard", "bank",
}  # fmt: skip


def _with_owner_state(ent: Span, kb: KnowledgeBase) -> Span:
    """A state office or institution with the state that owns it written before it
    ("China's Commerce Ministry", "the Iranian Foreign Ministry", "India's Supreme Court"):
    the owner is part of its name."""
    if ent.root.lemma_.lower() not in STATE_BODIES or ent.start == 0:
        return ent
    doc, before = ent.doc, ent.doc[ent.start - 1]
    if before.text in _POSSESSIVE and ent.start >= 2:
        owner = surface(doc[ent.start - 2].text)
        known = kb.lookup(owner)
        if fold(owner) in country_names() or (known and known.label is Label.COUNTRY):
            return doc[ent.start - 2 : ent.end]
    demonym = kb.demonym(before.text)
    if demonym is not None and demonym.label is Label.COUNTRY:
        return doc[ent.start - 1 : ent.end]
    return ent


_GOVERNMENT_FORMS = _STATE_FORMS | {"government", "national", "royal", "central"}


def _government_of(ent: Span, kb: KnowledgeBase) -> str | None:
    """ "The Government of the Republic of Zambia", "the Federal Government of Somalia",
    "the Japanese Government": a state's government by name stands for the state
    (ANNOTATION.md), the state's short name. Not "the Government of National Unity"."""
    if ent.root.lemma_.lower() != "government":
        return None
    rest = [t for t in ent if t.lower_ not in _GOVERNMENT_FORMS and not t.is_punct]
    if not rest:
        return None
    name = surface(ent.doc[rest[0].i : rest[-1].i + 1].text)
    known = kb.lookup(name) or (kb.demonym(name) if len(rest) == 1 else None)
    if known is not None and known.label is Label.COUNTRY:
        return known.name
    return name if fold(name) in country_names() else None


def _seat_uses(doc: Doc, kb: KnowledgeBase) -> dict[str, set[bool]]:
    """How the article uses each capital NER read (folded): as where things happen (True,
    "talks in Paris") or acting for its government (False, "Paris objected"). One used
    only as a place is the city; one that acts stands for its state throughout."""
    uses: dict[str, set[bool]] = {}
    for ent in doc.ents:
        if kb.is_seat(name := surface(ent.text)):
            uses.setdefault(fold(name), set()).add(_where(ent))
    return uses


LOCATIVE = {"in", "at", "near", "outside", "around", "across", "inside"}
_NAMES = {"ORG", "PERSON", "NORP", "GPE", "LOC", "FAC", *(label.value for label in Label)}


def _names_legislation(ent: Span) -> bool:
    """ "the Online Safety Act", "the European Climate Law": a name ending in a word for a
    piece of legislation names one, not a body ("the Ministry of Law" is one)."""
    words = [t for t in ent if not t.is_punct]
    return (
        len(words) >= 2
        and words[-1].text[:1].isupper()
        and words[-1].lower_ in cues.LEGISLATION
        and not any(t.lower_ in {"of", "for"} for t in words)
    )


def _place_named(ent: Span) -> bool:
    """ "The island of Zanzibar", "the city of Kherson": a name after a noun for a place."""
    root = ent.root
    return (
        ent.label_ in _NAMES
        and root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lemma_.lower() in cues.PLACE_NOUNS
    )


def _where(ent: Span) -> bool:
    """A name in place of where something happens: "talks in Paris", "flew to Niamey",
    "KYIV, May 2 -"."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE and not _aimed_at(root.head):
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "to" and _travel(root.head.head):
        return True
    first = next((t for t in ent.sent if not t.is_space), None)
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    dateline = ent.text.isupper() and first is not None and first.i == ent.start
    return dateline and after is not None and after.text in {",", "-", "–", "—", "/", "("}


def _travel(word: Token) -> bool:
    """Whether a word tells of travel ("flew", "a trip"), after which "to" names a place."""
    return word.lemma_.lower() in travel_words()


def _aimed_at(prep: Token) -> bool:
    """ "took aim at Paris", "lashed out at Paris": the "at" of a target, not of a place."""
    if prep.lower_ != "at":
        return False
    head = prep.head
    aimed = {verb for (verb, _), preps in cues.PHRASAL_PREPOSITIONS.items() if "at" in preps}
    return head.lemma_.lower() in cues.AIMING | aimed or head.head.lemma_.lower() in aimed


def _title_word(ent: Span, kb: KnowledgeBase) -> bool:
    """ "German Defence Minister": a word of a title that NER took for a name; "European
    Trade (Commissioner)": a state's or body's adjective with the title's words."""
    words = [t.lower_ for t in ent]
    if all(w in ROLE_MODIFIERS | ROLE_HEADS for w in words):
        return True
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    owner = ent[0].text
    placed = kb.demonym(owner) is not None or owner in _BODY_ADJECTIVES
    held = after is not None and after.lower_ in ROLE_HEADS and placed
    return held and len(words) > 1 and all(w in ROLE_MODIFIERS for w in words[1:])


# Adjectives of bodies that title their officials: "European Trade Commissioner".
_BODY_ADJECTIVES = {"European", "EU", "UN", "NATO", "African", "Arab"}


def _unnamed(ent: Span) -> bool:
    """ "the coast guard", "the health ministry": an organization NER read in words all in
    lower case, a description and no name (who it stands for is resolved where it acts,
    and "China's commerce ministry" is read as a state's body)."""
    words = [t for t in ent if t.is_alpha and t.lower_ not in {"the", "a", "an"}]
    return ent.label_ == "ORG" and len(words) >= 2 and all(t.is_lower for t in words)


def _quantified(ent: Span) -> bool:
    """ "other European countries", "some Gulf states": some of a kind, not a collective
    that acts."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in _QUANTIFIERS


def _likeness(ent: Span) -> bool:
    """ "Article 5-like protections", "a Marshall Plan-style fund": the name only
    describes something else."""
    doc = ent.doc
    last = doc[ent.end - 1]
    after = doc[ent.end : ent.end + 2]
    if last.lower_ in _LIKENESS and ent.end - ent.start > 1 and doc[ent.end - 2].text == "-":
        return True
    return len(after) == 2 and after[0].text == "-" and after[1].lower_ in _LIKENESS


def _name_taken_for_work(ent: Span, kb: KnowledgeBase) -> bool:
    """A person's full name NER took for a title or product ("Ibrahim Mohamed Solih" as a
    work of art): proper nouns only, whose last one the article uses alone elsewhere."""
    return _taken_for_work(ent) and kb.lookup(ent.text) is None


def _taken_for_work(ent: Span) -> bool:
    if ent.label_ not in {"WORK_OF_ART", "PRODUCT", "FAC"} or not 2 <= len(ent) <= 4:
        return False
    if not all(t.pos_ == "PROPN" and t.is_title for t in ent):
        return False
    last = ent[-1].text
    return any(t.text == last and not (ent.start <= t.i < ent.end) for t in ent.doc)


def _surnames(doc: Doc) -> frozenset[str]:
    """The last names of the people the article names in full."""
    people = [e for e in doc.ents if e.label_ in {"PERSON", Label.PERSON.value} and len(e) > 1]
    return frozenset(e[-1].text for e in people + [e for e in doc.ents if _taken_for_work(e)])


def _surname_mislabelled(ent: Span, surnames: frozenset[str], kb: KnowledgeBase) -> bool:
    """A lone word NER took for an organization or a place that is the last name of a
    person the article names in full ("Wopke Hoekstra" ... "Hoekstra said")."""
    if len(ent) != 1 or ent.label_ in _ONTOLOGY_LABELS or ent.label_ == "PERSON":
        return False
    text = ent.text
    return text in surnames and fold(text) not in country_names() and kb.lookup(text) is None


# Nouns an apposition describes a person with: "Katalin Cseh, a member of the European
# Parliament", besides the titles of roles.
_PERSON_NOUNS = {
    "member", "mp", "legislator", "analyst", "professor", "researcher", "activist",
    "candidate", "deputy", "economist", "expert", "politician",
}  # fmt: skip
_DESCRIBING = ROLE_HEADS | _PERSON_NOUNS


def _described_as_person(ent: Span, kb: KnowledgeBase) -> bool:
    """A name NER took for an organization or place that an apposition describes as a
    person ("Katalin Cseh, a liberal member of the European Parliament")."""
    if ent.label_ not in {"ORG", "GPE", "LOC", "NORP"} or not 2 <= len(ent) <= 3:
        return False
    if not all(t.is_title for t in ent) or kb.lookup(ent.text) is not None:
        return False
    return any(c.dep_ == "appos" and c.lemma_.lower() in _DESCRIBING for c in ent.root.children)


def _label(ent: Span, kb: KnowledgeBase) -> Label | None:
    if ent.label_ in _ONTOLOGY_LABELS:
        return Label(ent.label_)
    if ent.label_ == "NORP":
        known = kb.demonym(ent.text)
        return known.label if known else None
    if ent.label_ == "GPE":  # a state, or a city or region ("Gaza", "Riyadh")
        return Label.COUNTRY if fold(surface(ent.text)) in country_names() else Label.PLACE
    return SPACY_TO_LABEL.get(ent.label_)


@lru_cache(maxsize=1 << 16)
def surface(text: str) -> str:
    """A mention's name without a leading article, honorific or possessive ending (asked of
    every mention, and the same names recur: kept)."""
    text = " ".join(text.split())
    lowered = text.lower()
    for prefix in _LEADING + _HONORIFICS:
        if prefix == "royal " and not lowered.startswith("royal highness"):
            continue  # "the Royal Navy", "Royal Mail": a word of the name
        if lowered.startswith(prefix):
            text, lowered = text[len(prefix) :], lowered[len(prefix) :]
    for suffix in _POSSESSIVE:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text = text[: -len(suffix)]
            break
    return text.strip(' ,.;:-–—"“”‘’')


def title_case(sentence: Span) -> bool:
    """A Title Case headline (every longer word capitalised, no full stop), where NER takes
    capitals for names; not a sentence of names ("Polish President Andrzej Duda met
    Slovak President Zuzana Caputova in Warsaw.")."""
    ending = [t for t in sentence if not t.is_space][-1:]
    if ending and ending[0].text in {".", "!", "?"}:
        return False
    words = [t.text for t in sentence if t.is_alpha and len(t.text) >= _TITLE_WORD_LENGTH]
    return len(words) >= 3 and all(w[:1].isupper() for w in words)
