"""The arguments of a claim: who acts, and the words a claim's targets are read from.

Pronouns resolve to the last person mentioned; "his country" to that person's
role holder; "the Russian president" to the person holding that role. What the
claim is about is read in `loaders.targets`, who is speaking in `loaders.speakers`.
"""

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain

from spacy.tokens import Doc, Span, Token

from loaders import cues
from loaders.collectives import member_nouns
from loaders.fragment import Entity
from loaders.kb import KnowledgeBase, body_heads, object_verbs, spokespeople, state_named
from loaders.ontology import Label, Predicate
from loaders.roles import ROLE_HEADS, Role, speaking_title
from loaders.text import fold, is_acronym
from loaders.topics import event_phrase, noun_of

ACTORS = {Label.PERSON, Label.COUNTRY, Label.ORGANIZATION, Label.GROUP}
_ISSUERS = ACTORS - {Label.PERSON}  # who issues a statement in their own name
# What an accused pronoun may stand for: "accusing him", "accusing it".
ACCUSED_PRONOUNS = {"him": {Label.PERSON}, "her": {Label.PERSON}, "it": _ISSUERS}


SUBJECT_DEPS = {"nsubj", "csubj"}


OBJECT_DEPS = {"dobj", "attr", "oprd"}


# Whose noun it is: "Russia's demand", "Russian proposals"; the parser sometimes
# reads "Kiev's push" as a subject, so nsubj counts too.
OWNER_DEPS = {"poss", "amod", "compound", "nmod", "nsubj"}


SALIENT_MENTIONS = 2  # namings that make a topic what the article is about


@dataclass(frozen=True)
class Claim:
    """One assertion of a relation, before topics become entities."""

    subject: str
    predicate: Predicate
    target: str  # an entity id, or a topic phrase when topic is True
    topic: bool
    sentence: Span
    negated: bool = False
    speaker: str | None = None
    confidence: float = 0.7
    rule: str = ""  # the reading rule (or model) that found it, recorded with its evidence


@dataclass
class Gathering:
    """A gathering named by a noun: who took part, its name as first written, and whether
    it is an event of its own (a summit) rather than only its participants' meeting."""

    participants: set[str]
    text: str
    eventful: bool


@dataclass
class Context:
    """What the patterns need to know about one parsed article."""

    doc: Doc
    entity_at: Mapping[int, str]
    labels: Mapping[str, Label]
    roles: list[Role] = field(default_factory=list)
    names: Mapping[str, str] = field(default_factory=dict)
    short_names: Mapping[str, str] = field(default_factory=dict)  # entity -> acronym ("EU")
    members: Mapping[str, frozenset[str]] = field(default_factory=dict)  # organization -> states
    surfaces: dict[str, set[str]] = field(default_factory=dict)  # topic phrase -> as written
    meetings: dict[int, Gathering] = field(default_factory=dict)  # by its noun's index
    met: list[tuple[int, frozenset[str]]] = field(default_factory=list)  # token, who met
    referred: list[tuple[int, frozenset[str]]] = field(default_factory=list)  # "the ministers"
    topic_heads: list[tuple[int, str, str]] = field(default_factory=list)  # token, lemma, topic
    proposals: list[tuple[int, str, bool]] = field(default_factory=list)  # token, topic, against
    mentioned: list[tuple[int, str, str]] = field(default_factory=list)  # token, lemma, topic
    banned: list[tuple[int, str]] = field(default_factory=list)  # token, topic a stance is against
    unnamed_speech: set[int] = field(default_factory=set)  # sentence starts quoting no one
    # named: "'We want a ceasefire,' a government spokesman said"
    _listed: list[tuple[int, frozenset[str]]] | None = None
    _names_at: dict[int, str] | None = None
    _bodies: list[tuple[int, str, frozenset[str]]] | None = None  # token, organization, words
    _offices: dict[str, str | None] = field(default_factory=dict)  # organization -> its state

    def note_proposal(self, token: Token, topic: str, against: bool) -> None:
        """A topic demanded or proposed at a token (against: the proposal opposes it, as a
        ban does), for "the proposal" later."""
        self.proposals.append((token.i, topic, against))

    def note_against(self, token: Token, topic: str) -> None:
        """A stance read at a token against a topic by what it names ("approved a ban on X"),
        so that "welcomed the vote" after it is against X too."""
        self.banned.append((token.i, topic))

    def note_topic(self, head: Token, topic: str, noun: str | None = None) -> None:
        """A topic named at a head noun (or an action's noun), for "the tariffs" later."""
        self.topic_heads.append((head.i, noun or head.lemma_.lower(), topic))

    def note_mention(self, head: Token, topic: str) -> None:
        """A topic named in passing ("agreed an aid package for Moldova"), no stance taken
        on it: what "the package" may later stand for."""
        self.mentioned.append((head.i, head.lemma_.lower(), topic))

    def topic_meant(self, noun: Token) -> tuple[str, bool] | None:
        """ "The tariffs were welcomed by France": a bare definite noun stands for the
        latest topic named before with that head ("tariffs on electric vehicles"); "the
        proposal" (a proposing noun) for what was last demanded or proposed, in this or
        the two sentences before. With whether the noun opposes the topic."""
        if noun.lower_ in {"it", "them"} and noun.dep_ in {"dobj", "pobj"}:
            return self._topic_before(noun)  # "said Budapest would vote against them"
        such = [c for c in noun.children if c.lower_ in cues.BACK]  # "such a move"
        described = {"det", "punct", "acl", "relcl"}  # "the resolution adopted by X": the one named
        words = [c for c in noun.children if c.dep_ not in described and c not in such]
        if words or not (such or any(c.lower_ in cues.DEFINITE for c in noun.children)):
            return None
        lemma = noun.lemma_.lower()
        earlier = [t for i, head, t in self.topic_heads if i < noun.i and head == lemma]
        earlier = earlier or [t for i, head, t in self.mentioned if i < noun.i and head == lemma]
        if earlier:
            return earlier[-1], False
        start = self._sentences_back(noun, 2)
        if lemma in cues.REFERRING:  # "the measure", "the move": what was just named
            proposed = [(t, against) for i, t, against in self.proposals if start <= i < noun.i]
            against = {t for i, t in self.banned if start <= i < noun.i}
            named = [(t, t in against) for i, _, t in self.topic_heads if start <= i < noun.i]
            if proposed or named:
                return (proposed or named)[-1]
            return self._salient_before(noun)
        if cues.NOUNS.get(lemma) not in {Predicate.DEMANDS, Predicate.PROPOSES}:
            return None
        proposed = [(t, against) for i, t, against in self.proposals if start <= i < noun.i]
        return proposed[-1] if proposed else self._salient_before(noun)

    def _salient_before(self, noun: Token) -> tuple[str, bool] | None:
        """The issue the article is about so far: the topic named most often before noun
        (the latest of equals), which "the proposal" far from any naming stands for."""
        counts: dict[str, int] = {}
        for i, _, topic in self.topic_heads:
            if i < noun.i:
                counts[topic] = counts.get(topic, 0) + 1
        if not counts:
            return None
        best = max(counts.values())
        if best < SALIENT_MENTIONS:
            return None
        topic = [t for i, _, t in self.topic_heads if i < noun.i and counts[t] == best][-1]
        against = [a for i, t, a in self.proposals if i < noun.i and t == topic]
        return topic, bool(against and against[-1])  # a ban's reference opposes what it bans

    def issue_before(self, token: Token) -> tuple[str, bool] | None:
        """The issue at hand: the topic or agreement named last, in this sentence or the
        one before ("approved the Nature Restoration Law. Italy voted against"). With
        whether it is a topic (else an agreement's entity id)."""
        start = self._sentences_back(token, 1)
        named = [(i, t, True) for i, _, t in (*self.topic_heads, *self.mentioned)]
        named += [
            (i, e, False)
            for i, e in self.entity_at.items()
            if self.labels.get(e) is Label.AGREEMENT
        ]
        before = [(i, value, topic) for i, value, topic in named if start <= i < token.i]
        return max(before)[1:] if before else None

    def _topic_before(self, pronoun: Token) -> tuple[str, bool] | None:
        """The topic named last in this sentence or the one before, for "it" or "them"."""
        start = self._sentences_back(pronoun, 1)
        named = [t for i, _, t in self.topic_heads if start <= i < pronoun.i]
        return (named[-1], False) if named else None

    def _sentences_back(self, token: Token, count: int) -> int:
        """Where the sentence count sentences before token's begins (what a reference
        back to something just named may reach)."""
        start = token.sent.start
        for _ in range(count):
            start = self.doc[start - 1].sent.start if start > 0 else start
        return start

    def note_met(self, token: Token, participants: frozenset[str]) -> None:
        """Who met whom at a token, for "the two leaders" later (everyone met at one
        token is one gathering: "X held a call with Y and Z")."""
        if self.met and self.met[-1][0] == token.i:
            participants = self.met.pop()[1] | participants
        self.met.append((token.i, participants))

    def gathered_before(self, sentence: Span) -> list[str]:
        """Who met at the gathering the sentence before (or the one before it) told of, for
        "X joined the talks later" (everyone met at one token is one gathering)."""
        start = self._sentences_back(sentence[0], 2)
        earlier = [who for index, who in self.met if start <= index < sentence.start]
        return sorted(earlier[-1]) if earlier else []

    def pair_meant(self, noun: Token) -> list[str]:
        """ "The two leaders", "both presidents", "the three ministers", "all six": the
        actors who met, or were listed together, in this or the two sentences before (the
        latest such set of that size); "the diplomats of A, B and C": A, B and C."""
        owners = self._plural_owners(noun)
        if owners:
            return owners
        count = _count_of(noun)
        if count is None and not _definite_plural(noun):
            return []
        start = self._sentences_back(noun, 2)
        sets = sorted([*self.met, *self.listed(), *self.referred], key=lambda pair: pair[0])
        for index, participants in reversed(sets):
            if not start <= index < noun.i:
                continue
            fits = self._kind_fits(noun, participants) if count is None else None
            if len(participants) == count or fits:
                if (noun.i, participants) not in self.referred:
                    self.referred.append((noun.i, participants))
                return sorted(participants)
        return []

    def _kind_fits(self, noun: Token, participants: frozenset[str]) -> bool:
        """Whether a group is what an uncounted plural names: "the ministers" people only,
        "the governments" no people."""
        people = [self.labels.get(p) == Label.PERSON for p in participants]
        return all(people) if noun.lower_ in cues.PEOPLE_PAIR_NOUNS else not any(people)

    def _plural_owners(self, noun: Token) -> list[str]:
        """ "The top diplomats of South Korea, the United States and Japan": the states."""
        if noun.lower_ not in cues.PAIR_NOUNS:
            return []
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    owners = [self.entity(t) for t in (pobj, *pobj.conjuncts)]
                    if pobj.dep_ == "pobj" and len(owners) >= 2 and all(owners):
                        return list(dict.fromkeys(o for o in owners if o))
        for modifier in noun.children:  # "U.S. and Chinese officials", "Russian and Ukrainian"
            if modifier.dep_ in {"amod", "compound", "nmod"} and modifier.conjuncts:
                owners = [self.entity(t) for t in (modifier, *modifier.conjuncts)]
                if len(owners) >= 2 and all(owners):
                    return list(dict.fromkeys(o for o in owners if o))
        return []

    def listed(self) -> list[tuple[int, frozenset[str]]]:
        """Actors named together in one coordination ("France, Germany and Italy"), by
        the index of the first; read once per article."""
        if self._listed is None:
            self._listed = []
            for token in self.doc:
                if token.dep_ == "conj" or not token.conjuncts or not self.entity(token):
                    continue
                members = {self.entity(t) for t in (token, *token.conjuncts)} - {None}
                if len(members) >= 2:
                    self._listed.append((token.i, frozenset(m for m in members if m)))
        return self._listed

    def they_meant(self, pronoun: Token) -> list[str]:
        """ "Mali, Niger and Burkina Faso left the bloc. They also condemned ...": the
        actors last named together as a subject (or who met), in this sentence or the two
        before, unless a plural noun became the subject since ("the soldiers")."""
        start = self._sentences_back(pronoun, 2)
        subjects = [(i, m) for i, m in self.listed() if self.doc[i].dep_ in SUBJECT_DEPS]
        groups = [*subjects, *self.met, *self.referred]
        found = sorted((i, m) for i, m in groups if start <= i < pronoun.i)
        if not found:
            return []
        index, members = found[-1]
        later = self.doc[index + 1 : pronoun.i]
        if any(t.dep_ in SUBJECT_DEPS and t.tag_ in {"NNS", "NNPS"} for t in later):
            return []
        return sorted(members)

    def it_meant(self, pronoun: Token) -> str | None:
        """ "The ministry rejected the report. It also urged ...": the state or body last
        the subject of a clause, in this sentence or the one before, unless another
        singular noun became the subject since ("the report")."""
        start = self._sentences_back(pronoun, 1)
        for token in reversed(self.doc[start : pronoun.i]):
            if token.dep_ not in SUBJECT_DEPS or token.pos_ == "PRON":
                continue
            body = (
                self.entity(token, ACTORS - {Label.PERSON})
                or self.body_named(token)
                or self.body_meant(token)  # "The ministry said ... It accused X"
            )
            return body if body and not token.conjuncts else None
        return None

    def accused_meant(self, pronoun: Token, accusers: list[str]) -> str | None:
        """ "questioned Musk, accusing him of lying", "sued Apple, accusing it of running a
        monopoly": the person (him, her) or the state or body (it) last the subject of a
        clause, else named last, in this sentence or the one before, other than whoever
        accuses ("the group", a subject, is the body named before with that word)."""
        wanted = ACCUSED_PRONOUNS.get(pronoun.lower_)
        if wanted is None:
            return None
        before = list(reversed(self.doc[self._sentences_back(pronoun, 1) : pronoun.i]))
        subjects = [t for t in before if t.dep_ in SUBJECT_DEPS]
        found = [
            *(self.entity(t, wanted) or self.body_meant(t) for t in subjects),
            *(self.entity(t, wanted) for t in before),
        ]
        return next((e for e in found if self.labels.get(e) in wanted and e not in accusers), None)

    def note_meeting(self, noun: Token, prep: Token, participants: set[str]) -> None:
        """A gathering named by a noun ("talks with X", "consultations in Geneva"): its
        participants gathered over all its complements, its name from the first."""
        if noun.lower_ not in cues.GATHERINGS or not participants:
            return
        eventful = noun.lower_ in cues.EVENTFUL_GATHERINGS
        gathering = self.meetings.setdefault(
            noun.i, Gathering(set(), event_phrase(noun, prep), eventful)
        )
        gathering.participants.update(participants)

    def names_at(self) -> dict[int, str]:
        """Token index -> canonical name of the entity there (for topic phrases); a state
        named by its adjective keeps it ("Brazilian steel", never "Brazil steel"), and so
        does a mention that opens with one ("its Albanian minority"). Entities known by an
        acronym go by it, as news names issues ("EU tariffs", not "European Union
        tariffs"), and one written as an acronym stays as written ("U.S. curbs")."""
        if self._names_at is None:
            doc, as_written = self.doc, set()
            self._names_at = {}
            for i, e in sorted(self.entity_at.items()):
                if e not in self.names:
                    continue
                if (
                    _adjectival(doc[i])
                    or is_acronym(doc[i].text)
                    or (i - 1 in as_written and self.entity_at.get(i - 1) == e)
                ):
                    as_written.add(i)
                else:
                    self._names_at[i] = self.short_names.get(e) or self.names[e]
        return self._names_at

    def name_at(self, token: Token) -> str:
        """How a topic names the entity at a token (see names_at): "EU", "Turkish"."""
        entity = self.entity_at.get(token.i, token.text)
        if _adjectival(token) or is_acronym(token.text):
            return token.text
        return self.short_names.get(entity) or self.names.get(entity, entity)

    def entity(self, token: Token, allowed: set[Label] = ACTORS) -> str | None:
        """The entity a token is part of, if its label is allowed."""
        entity = self.entity_at.get(token.i)
        return entity if entity and self.labels.get(entity) in allowed else None

    def body_named(self, noun: Token) -> str | None:
        """ "The ruling Fidesz party", "the United Auto Workers union": the organization
        whose name is written before a noun for a body."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in body_heads():
            return None
        before = (c for c in noun.children if c.i < noun.i)
        return next((e for c in before if (e := self.entity(c, {Label.ORGANIZATION}))), None)

    def last_person(self, before: int) -> str | None:
        """The person a pronoun at a token index stands for: the last one who was the
        subject of a clause in this or the two sentences before, outside any quotation
        the pronoun is not in ("'This is Putin's war,' he said": not Putin); else the
        person mentioned last (a pronoun most often takes up a subject)."""
        start = self._sentences_back(self.doc[before], 2) if before < len(self.doc) else 0
        quoted = _quoted(self.doc, before)
        own = self.doc[before].sent.start if before < len(self.doc) else len(self.doc)
        for i in range(before - 1, start - 1, -1):
            entity = self.entity_at.get(i)
            if entity is None or self.labels.get(entity) is not Label.PERSON:
                continue
            if _subject(self.doc[i]) and _quoted(self.doc, i) <= quoted:
                if i < own:  # "X said that Y would go. He added ...": X, the main subject
                    return self._main_subject(self.doc[i].sent, quoted) or entity
                return entity
        for i in range(before - 1, -1, -1):
            entity = self.entity_at.get(i)
            if entity and self.labels.get(entity) is Label.PERSON:
                return entity
        return None

    def _main_subject(self, sentence: Span, quoted: int) -> str | None:
        """The person who is the subject of a sentence's main clause, if one is."""
        for token in sentence:
            entity = self.entity_at.get(token.i)
            if entity is None or self.labels.get(entity) is not Label.PERSON:
                continue
            if _subject(token) and _quoted(self.doc, token.i) <= quoted and _in_main(token):
                return entity
        return None

    def member_meant(self, noun: Token) -> str | None:
        """ "the EU nation": the one member state of that organization the article is about
        (mentioned most, and more than any other member)."""
        if noun.lower_ not in cues.STATE_NOUNS:
            return None
        bodies = [self.entity(c, {Label.ORGANIZATION}) for c in noun.children]
        states = set().union(*(self.members.get(b, frozenset()) for b in bodies if b))
        mentions = Counter(
            e for i, e in self.entity_at.items() if e in states and self.entity_at.get(i - 1) != e
        ).most_common(2)
        if not mentions or (len(mentions) == 2 and mentions[0][1] == mentions[1][1]):
            return None
        return mentions[0][0]

    def body_of_states(self, noun: Token) -> str | None:
        """ "the member states" with no body named: the body of states (one the knowledge
        base knows the members of) the article named last before, else first after."""
        bodies = [(i, e) for i, e in sorted(self.entity_at.items()) if e in self.members]
        before = [e for i, e in bodies if i < noun.i]
        after = [e for i, e in bodies if i > noun.i]
        return before[-1] if before else (after[0] if after else None)

    def body_meant(self, noun: Token) -> str | None:
        """ "The ministry said": the organization named last before it whose name has that
        word ("the Ministry of Foreign Affairs", "the Chinese Foreign Ministry"); "the
        company", the business named last (not a union, a party or a public body)."""
        if noun.pos_ != "NOUN" or not any(c.lower_ in cues.DEFINITE for c in noun.children):
            return None
        word = noun.lemma_.lower().removesuffix("s")
        before = [
            (e, words)
            for i, e, words in self._organizations()
            if i < noun.i and e not in self.members  # a union of states is no trade union
        ]
        named = next((e for e, words in reversed(before) if word in words), None)
        if named is None and noun.lemma_.lower() in cues.FIRMS:
            firms = [e for e, words in before if not words & cues.PUBLIC_BODIES]
            return firms[-1] if firms else None  # "Boeing made an offer. The company said"
        return named

    def _organizations(self) -> list[tuple[int, str, frozenset[str]]]:
        """Each organization mention's first token, with the words of its name and of the
        nouns it was written before ("the IG Metall union": a union), read once."""
        if self._bodies is None:
            words = {
                e: {w.removesuffix("s") for w in fold(n).split()}
                for e, n in self.names.items()
                if self.labels.get(e) is Label.ORGANIZATION
            }
            for i, e in self.entity_at.items():
                head = self.doc[i].head
                if e in words and self.doc[i].dep_ == "compound" and _body_head(head, self):
                    words[e].add(head.lemma_.lower().removesuffix("s"))
            self._bodies = [
                (i, e, frozenset(words[e]))
                for i, e in sorted(self.entity_at.items())
                if e in words and self.entity_at.get(i - 1) != e
            ]
        return self._bodies

    def named_meant(self, noun: Token) -> str | None:
        """ "The protocol" after "the Northern Ireland Protocol", "the new framework" after
        "the Windsor Framework", "the law" after "the Online Safety Act": a bare definite
        noun stands for the agreement or event last named with that head word, or with a
        head word of the same kind of document."""
        if noun.pos_ != "NOUN" or not any(c.lower_ in cues.DEFINITE for c in noun.children):
            return None
        if any(c.dep_ not in {"det", "punct", "amod"} for c in noun.children):
            return None
        lemma = noun.lemma_.lower()
        for i in range(noun.i - 1, -1, -1):
            entity = self.entity_at.get(i)
            if entity and self.labels.get(entity) in {Label.AGREEMENT, Label.EVENT}:
                words = fold(self.names.get(entity, "")).split()
                head = words[-1].removesuffix("s") if words else ""
                if head and (head == lemma.removesuffix("s") or cues.same_kind(lemma, head)):
                    return entity
        return None

    def state_owned(self, body: str) -> bool:
        """Whether an organization is named as a state's own ("Turkey's parliament")."""
        name = self.names.get(body, "")
        return bool(self.office_state(body)) or "'s " in name or "’s " in name

    def office_state(self, body: str) -> str | None:
        """The state an office's name says it serves ("China's Commerce Ministry", the
        "Iranian Foreign Ministry", "Ministry of Foreign Affairs of Chile"), if the
        article names that state."""
        if body not in self._offices:  # asked of every claim: read each name once
            self._offices[body] = self._office_state(body)
        return self._offices[body]

    def _office_state(self, body: str) -> str | None:
        name = self.names.get(body, "")
        if self.labels.get(body) is not Label.ORGANIZATION or not name:
            return None
        countries = {
            fold(n): e for e, n in self.names.items() if self.labels.get(e) is Label.COUNTRY
        }
        words = name.split()
        if {w.lower() for w in words} & cues.INDEPENDENT_BODIES:
            return None  # "Gabon's Constitutional Court" rules for itself, not its state
        if not {w.lower().removesuffix("'s") for w in words} & cues.STATE_OFFICES:
            return None  # "China Chamber of Commerce", "Pakistan Muslim League": no office
        states = (
            state_named(w.removesuffix("'s").removesuffix("’s")) for w in (words[0], words[-1])
        )
        return next((countries[s] for s in states if s in countries), None)

    def issuer(self, before: int) -> str | None:
        """Who a statement with no person in it speaks as ("We urge all parties ..." in a
        ministry's release): the state or body its first sentences have as subject, as "we"
        in apposition ("We, the Leaders of the G7"), or as author of the statement ("G7
        Leaders' statement", "Statement from the ministry")."""
        for sentence in list(self.doc.sents)[:3]:
            for token in sentence:
                if token.i >= before:
                    return None
                if token.dep_ in SUBJECT_DEPS and (body := self.entity(token, _ISSUERS)):
                    return body
                if token.lower_ in cues.FIRST_PERSON:
                    named = [b for c in token.children if (b := self._apposed(c))]
                    if named:
                        return named[0]
                if token.lemma_.lower() in cues.STATEMENTS and (author := self._author(token)):
                    return author
        return None

    def _apposed(self, token: Token) -> str | None:
        return self.entity(token, _ISSUERS) if token.dep_ == "appos" else None

    def _author(self, statement: Token) -> str | None:
        """Whose statement a noun names: its possessor, or who it is from or by."""
        owners = [c for c in statement.children if c.dep_ == "poss"]
        owners += [o for p in statement.children if p.lower_ in {"from", "by"} for o in p.children]
        return next((e for o in owners if (e := self.entity(o, _ISSUERS))), None)

    def holder_of(self, person: str | None) -> str | None:
        """The country or organization a person holds a role in."""
        return next((r.holder for r in self.roles if r.person == person), None)

    def person_titled(self, head: Token) -> str | None:
        """The one person whose role, named before, matches "the [Russian] president" (the
        agriculture minister is not the defence minister)."""
        offices = {Label.COUNTRY, Label.ORGANIZATION}
        holders = {self.entity(t, offices) for t in head.children}
        holders.discard(None)
        words = [
            c.lower_
            for c in head.children
            if c.dep_ in {"compound", "amod"}
            and not self.entity(c, offices)
            and c.lower_ not in cues.IN_OFFICE  # "the new prime minister": the prime minister
        ]
        leading = head.lower_ == "leader" and bool(holders)  # "the Russian leader": its head
        people = {
            r.person
            for r in self.roles
            if r.sentence.start <= head.i
            and (
                all(w in r.title.lower() for w in (head.lower_, *words))
                or (leading and not words and speaking_title(r.title))
            )
            and (not holders or r.holder in holders)
        }
        return people.pop() if len(people) == 1 else None


NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}


def _count_of(noun: Token) -> int | None:
    """How many a plural reference counts: "the three ministers" 3, "both leaders" 2,
    "all six" 6 (the number itself as the noun)."""
    if noun.lower_ in NUMBERS and any(c.lower_ in {"all", "the"} for c in noun.children):
        return NUMBERS[noun.lower_]
    if noun.lower_ not in cues.PAIR_NOUNS:
        return None
    for child in noun.children:
        if child.lower_ == "both":
            return 2
        if child.dep_ == "nummod" and child.lower_ in NUMBERS:
            return NUMBERS[child.lower_]
    return None


def _definite_plural(noun: Token) -> bool:
    """ "The ministers", "the two sides" without a number: a plural of a group named before,
    with nothing that says which others it could be ("the EU ministers", "ministers of X")."""
    if noun.lower_ not in cues.PAIR_NOUNS:
        return False
    children = [c.dep_ for c in noun.children]
    return (
        children.count("det") == 1
        and noun.doc[noun.i - 1].lower_ == "the"
        and all(dep in {"det", "relcl", "punct"} for dep in children)
    )


def _quoted(doc: Doc, index: int) -> bool:
    """Whether a token stands inside a quotation: an odd number of quotation marks
    before it in its paragraph (a sentence break can fall inside a quotation)."""
    marks = 0
    for token in reversed(doc[:index]):
        if "\n" in token.text:
            break
        marks += token.is_quote and token.text != "'"
    return marks % 2 == 1


def _body_head(noun: Token, ctx: "Context") -> bool:
    """Whether a noun a name is written before is the kind of body it is: "the IG Metall
    union", "the ruling Fidesz party" (data/body_heads.txt)."""
    return noun.i not in ctx.entity_at and noun.lemma_.lower() in body_heads()


def _in_main(token: Token) -> bool:
    """Whether a subject's clause is its sentence's main one (or joined to it by "and")."""
    while token.dep_ in {"compound", "appos", "flat"} and token.head.i != token.i:
        token = token.head
    verb = token.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _subject(token: Token) -> bool:
    """Whether a name is the subject of a clause, itself or through the title it
    follows ("President [William Ruto]" as the subject)."""
    for _ in range(3):
        if token.dep_ in SUBJECT_DEPS | {"nsubjpass"}:
            return True
        if token.dep_ not in {"compound", "appos", "flat"}:
            return False
        token = token.head
    return False


def resolve_actor(token: Token, ctx: Context, speaker: str | None) -> str | None:
    """The entity a subject-like token stands for, through pronouns and descriptions."""
    direct = ctx.entity(token)
    if direct:
        return direct
    lower = token.lower_
    if lower in cues.RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        antecedent = _singled_out(token.head.head)
        if antecedent.dep_ == "attr" and (said_of := subject_of(antecedent.head)) is not None:
            antecedent = said_of  # "Hungary is the only member that has not ratified it"
        return resolve_actor(antecedent, ctx, speaker)  # "Stoltenberg, who met ..."
    if lower in cues.FIRST_PERSON:
        named = [
            a for c in token.children if c.dep_ == "appos" and (a := resolve_actor(c, ctx, None))
        ]
        if named:
            return named[0]  # "We, the Leaders of the G7, ..."
        if speaker is None and token.sent.start in ctx.unnamed_speech:
            return None  # the words of someone the article does not name
        return speaker or ctx.last_person(token.i) or ctx.issuer(token.i)
    if lower in cues.PERSONAL_PRONOUNS:
        if (reporter := _reporting_title(token)) is not None:
            return described_actor(reporter, ctx, speaker)  # "the minister said he would"
        return ctx.last_person(token.i)
    if lower == "it" and speaker and ctx.labels.get(speaker) is not Label.PERSON:
        return speaker  # "Hungary said it would vote against ...": the state or body speaking
    if lower == "it" and token.dep_ in SUBJECT_DEPS:
        return ctx.it_meant(token)
    return described_actor(token, ctx, speaker)


def _singled_out(antecedent: Token) -> Token:
    """ "the only member of the alliance that has not signed": a relative clause the parser
    hung on the group names the one singled out of it."""
    of = antecedent.head
    one = of.head
    singled = any(c.lower_ in cues.SINGLING_OUT for c in one.children)
    grouped = antecedent.dep_ == "pobj" and of.lower_ == "of" and one.pos_ == "NOUN"
    return one if grouped and singled else antecedent


def _reporting_title(pronoun: Token) -> Token | None:
    """ "The agriculture minister said he would defend it": the subject of a reported clause
    is the one reporting when that one is a title ("the minister"), not the person named
    last before."""
    clause = pronoun.head
    if pronoun.dep_ not in {"nsubj", "nsubjpass"} or clause.dep_ != "ccomp":
        return None
    subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.tag_ != "NN":
        return None
    return subject if subject.lemma_.lower() in ROLE_HEADS else None


def described_actor(token: Token, ctx: Context, speaker: str | None = None) -> str | None:
    """The actor a description names: "the Greek government", "the ministry" (the one
    named before), "lawmakers in the Bundestag", "the Russian president"."""
    lower = token.lower_
    for child in token.children:
        if child.dep_ == "appos" and ctx.entity(child):
            return ctx.entity(child)
    member = ctx.body_named(token) or ctx.member_meant(token) or ctx.body_meant(token)
    if member:
        return member
    if lower in cues.GOVERNING_NOUNS:  # "Kenya's government", "Aliyev's office"
        owner = next(chain(  # the first of these, looked for only as far as needed
            (c for c in token.children if c.dep_ == "poss"),  # "Kenya's government"
            (o for p in token.children if p.lower_ == "of"  # "the Government of Kenya"
             for o in p.children if o.dep_ == "pobj"),
            (c for c in token.children  # "the Biden administration"
             if c.dep_ == "compound" and ctx.entity(c, {Label.PERSON})),
        ), None)  # fmt: skip
        if owner is not None:
            state = resolve_actor(owner, ctx, speaker)
            if ctx.labels.get(state) is Label.COUNTRY:  # type: ignore[arg-type]
                return state  # "Kenya's government", "the Government of Kenya"
            return ctx.holder_of(state)  # "his government": the state he serves
        return _state_described(token, ctx) or _speakers_state(token, ctx, speaker)
    if lower in cues.SIDES:
        return _state_described(token, ctx)  # "the Chinese side", not "the other side"
    if lower in member_nouns():
        return _body_sat_in(token, ctx)  # "lawmakers in the Bundestag"
    if lower in ROLE_HEADS and any(c.lower_ == "the" for c in token.children):
        return ctx.person_titled(token) or _state_titled(token, ctx)
    if token.lemma_.lower() in spokespeople():
        return _spoken_for(token, ctx, speaker)
    return None


def _state_titled(head: Token, ctx: Context) -> str | None:
    """ "The Turkish president" with no president of Turkey named: the state, which its
    head of state or government, or foreign minister, speaks for."""
    states = [e for c in head.children if (e := ctx.entity(c, {Label.COUNTRY}))]
    words = [c.lower_ for c in head.children if c.dep_ == "compound" and not ctx.entity(c)]
    title = " ".join([*words, head.lower_])
    if len(states) != 1 or head.lower_ == "leader" or not speaking_title(title):
        return None  # "the Hungarian leader" may lead a party
    return states[0]


def _spoken_for(noun: Token, ctx: Context, speaker: str | None) -> str | None:
    """ "A Kremlin spokesman", "Hamas's spokesmen", "a spokeswoman for the ministry": the
    state or body an unnamed spokesperson speaks for, which holds what they say."""
    for child in noun.children:
        if child.dep_ == "poss" and (owner := resolve_actor(child, ctx, speaker)):
            return owner
        if child.dep_ in {"compound", "amod", "nmod"} and (owner := ctx.entity(child)):
            return owner
        if child.dep_ == "prep" and child.lower_ == "for":
            owners = [e for p in child.children if p.dep_ == "pobj" and (e := ctx.entity(p))]
            if owners:
                return owners[0]
    return None


def _speakers_state(noun: Token, ctx: Context, speaker: str | None) -> str | None:
    """ "Saudi Energy Minister X said the kingdom would not agree": in what one says, "the
    country", "the kingdom" or "the government", with nothing to say whose, is the state
    the speaker serves, named in the same sentence."""
    if speaker is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    if any(c.dep_ in {"amod", "compound", "poss", "prep"} for c in noun.children):
        return None  # "the other country", "the country's", "the country of origin"
    state = ctx.holder_of(speaker)
    if ctx.labels.get(state) is not Label.COUNTRY:  # type: ignore[arg-type]
        return None
    sentence = noun.sent
    return state if any(ctx.entity_at.get(t.i) == state for t in sentence) else None


def _state_described(noun: Token, ctx: Context) -> str | None:
    """ "The Greek government", "the Kenyan state": the country its adjective names."""
    for child in noun.children:
        if child.dep_ in {"amod", "compound"} and (state := ctx.entity(child, {Label.COUNTRY})):
            return state
    return None


def _body_sat_in(noun: Token, ctx: Context) -> str | None:
    """ "Lawmakers in the Bundestag", "members of the European Parliament": the body."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "of"}:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and (body := ctx.entity(pobj, {Label.ORGANIZATION})):
                    return body
    return None


def listed_actors(noun: Token, ctx: Context) -> list[str]:
    """The actors a plural noun names as its own: "carmakers including Renault and
    Stellantis", "allies such as Poland", "the Nordic members (Denmark, Finland and
    Norway)"."""
    if noun.tag_ not in {"NNS", "NNPS"}:
        return []
    named = [c for c in noun.children if c.dep_ == "appos"]
    for prep in (c for c in noun.children if c.dep_ == "prep"):
        such_as = prep.lower_ == "as" and prep.i > 0 and prep.nbor(-1).lower_ == "such"
        if prep.lower_ in {"including", "like"} or such_as:
            named += [c for c in prep.children if c.dep_ == "pobj"]
    found = [e for t in named for c in (t, *t.conjuncts) if (e := ctx.entity(c))]
    return found or counted_after_colon(noun, ctx)


def counted_after_colon(noun: Token, ctx: Context) -> list[str]:
    """ "Three countries backed the plan: France, Spain and Italy", "endorsed by four
    institutions: A, B, C and D": the actors a colon ends the sentence with, when they
    are as many as the plural counts (wherever the parser hung them)."""
    count = next((_number(c) for c in noun.children if c.dep_ == "nummod"), None)
    if not count:
        return []  # asked of every subject: most have no number
    sentence = noun.sent
    colon = next((t for t in sentence if t.i > noun.i and t.text == ":"), None)
    if colon is None:
        return []
    listed = list(dict.fromkeys(e for t in sentence if t.i > colon.i and (e := ctx.entity(t))))
    return listed if len(listed) == count else []


def _number(token: Token) -> int | None:
    """A count written in figures or as a word ("80", "three")."""
    text = token.lower_.replace(",", "")
    return int(text) if text.isdigit() else NUMBERS.get(text)


def actors(token: Token, ctx: Context, speaker: str | None) -> list[str]:
    """The actors of a subject token and its conjuncts ("the US and NATO"), of a pair
    who met ("the two leaders"), or those a plural noun lists ("carmakers including X")."""
    if pair := ctx.pair_meant(token):
        return pair
    if token.lower_ == "they" and (group := ctx.they_meant(token)):
        return group
    if listed := listed_actors(token, ctx):
        return listed
    if (among := _among_those(token)) is not None:
        return actors(among, ctx, speaker)
    found = [
        _named_after(t, ctx) or resolve_actor(t, ctx, speaker) for t in (token, *token.conjuncts)
    ]
    named = [c for c in token.children if c.dep_ == "appos"]  # "Minister [A] and [B] met"
    found += [ctx.entity(c) for a in named for c in a.conjuncts]
    return list(dict.fromkeys(a for a in found if a))


def _named_after(title: Token, ctx: Context) -> str | None:
    """The person a title names when the parser hung the name apart: "Greek Prime Minister
    A and Turkish President B condemned X", with "President" the conjunct and B elsewhere."""
    if ctx.entity(title) or title.lemma_.lower() not in ROLE_HEADS:
        return None
    named = ctx.entity_at.get(title.i + 1)
    return named if named and ctx.labels.get(named) is Label.PERSON else None


def _among_those(pronoun: Token) -> Token | None:
    """ "A and B were among those who condemned X": the subject of the "among" clause is
    who the relative pronoun stands for."""
    if pronoun.lower_ not in cues.RELATIVE_PRONOUNS or pronoun.head.dep_ != "relcl":
        return None
    among = pronoun.head.head.head
    if pronoun.head.head.dep_ != "pobj" or among.lower_ != "among" or among.dep_ != "prep":
        return None
    if among.head.lemma_ != "be":
        return None
    return next((c for c in among.head.children if c.dep_ == "nsubj"), None)


def acting_subjects(verb: Token, ctx: Context, speaker: str | None) -> list[str]:
    """The actors that are the subject of a verb (or of the clause it depends on), with
    those said to act alongside them ("France, together with Germany, rejected X")."""
    subject = subject_of(verb)
    if subject is None:
        return []
    found = actors(subject, ctx, speaker) + companions(verb, subject, ctx)
    found += further_agents(verb, ctx, speaker)
    for second in _second_subjects(verb, subject):
        found += actors(second, ctx, speaker)
    return list(dict.fromkeys(found))


def _second_subjects(verb: Token, subject: Token) -> list[Token]:
    """ "Prime Minister A and President B condemned X", parsed as two subjects of the verb,
    the first with its "and" left hanging: B acts too."""
    if not any(c.dep_ == "cc" and c.i > subject.i for c in subject.children):
        return []
    if subject.conjuncts:
        return []
    return [c for c in verb.children if c.dep_ == subject.dep_ and c.i > subject.i]


def further_agents(verb: Token, ctx: Context, speaker: str | None) -> list[str]:
    """Every "by" of a passive acts: "was endorsed by Brazil and by the World Bank"."""
    found: list[str] = []
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for by in (c for c in agent.conjuncts if c.lower_ == "by"):
            found += [a for p in by.children if p.dep_ == "pobj" for a in actors(p, ctx, speaker)]
    return found


def companions(verb: Token, subject: Token, ctx: Context) -> list[str]:
    """Actors a clause says act with its subject: "together with X", "along with X",
    "alongside X", and "joined X in condemning ..." (X too)."""
    found: list[str] = []
    clause = _clause_verb(verb)
    places = [subject, clause, *(c for c in clause.children if c.dep_ == "dobj")]
    for prep in (c for t in places for c in t.children if c.dep_ == "prep"):
        for pobj in _company(prep):
            found += [e for t in (pobj, *pobj.conjuncts) if (e := ctx.entity(t))]
    if clause is not verb and clause.lemma_.lower() == "join":  # "joined X in condemning"
        found += [e for o in clause.children if o.dep_ == "dobj" and (e := ctx.entity(o))]
    for likewise in _as_did(clause):  # "X condemned the strike, as did Y"
        found += [e for t in (likewise, *likewise.conjuncts) if (e := ctx.entity(t))]
    return found


def _as_did(verb: Token) -> list[Token]:
    """The subjects of an "as" clause of "do" or "have" alone that repeats the verb:
    "Egypt condemned the strike, as did the EU", "as have Italy and Spain"."""
    return [
        s
        for c in verb.children
        if c.dep_ == "advcl"
        and c.lemma_.lower() in {"do", "have"}
        and any(m.dep_ in {"mark", "advmod"} and m.lower_ == "as" for m in c.children)
        and not any(o.dep_ in OBJECT_DEPS | {"xcomp", "ccomp", "acomp"} for o in c.children)
        for s in c.children
        if s.dep_ == "nsubj"
    ]


def _object_of_reason(verb: Token) -> Token | None:
    """Who did what a verb thanks, praises or criticises someone for ("praised Peru for
    rejecting X": Peru rejected X). Not what an accusation alleges ("accused Peru of
    blocking X"): no one's stance is read there (`_alleged`)."""
    judging = _reason_of(verb)
    if judging is None or judging.pos_ != "VERB" or _alleged(verb):
        return None
    return next((c for c in judging.children if c.dep_ == "dobj"), None)


def _reason_of(verb: Token) -> Token | None:
    """The verb whose "for" or "of" a verb's act is the reason of: "praised Peru for
    rejecting X", "accused Peru of blocking X"."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in {"for", "of"}:
        return None
    return prep.head


def _clause_verb(verb: Token) -> Token:
    """The verb a gerund after "in" completes ("joined X in condemning": joined)."""
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB":
        return verb.head.head
    return verb


def _company(prep: Token) -> list[Token]:
    """The nouns of "together with", "along with" or "alongside"."""
    lower = prep.lower_
    if lower == "along":
        prep = next((c for c in prep.children if c.dep_ == "prep" and c.lower_ == "with"), prep)
    elif lower == "with":
        before = prep.nbor(-1).lower_ if prep.i > 0 else ""
        together = any(c.lower_ in {"together", "along"} for c in prep.children)
        if not together and before not in {"together", "along"}:
            return []
    elif lower != "alongside":
        return []
    return [c for c in prep.children if c.dep_ == "pobj"]


def subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if (done_by := _object_of_reason(verb)) is not None:
        return done_by
    if (listed := _listed_among(verb)) is not None:
        return listed
    if _alleged(verb):
        return None  # "accused Hungary of blocking X": the accuser did not block X
    if (authors := _authors_of(verb)) is not None:
        return authors
    if (singled := _only_one_to(verb)) is not None:
        return singled  # "Hungary was the only member state to vote against X": Hungary
    if verb.dep_ == "xcomp" and _caused(verb.head):
        caused = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if caused is not None:
            return caused  # "the strikes prompted the railway to demand X": the railway
    if verb.dep_ in {"xcomp", "conj", "advcl", "pcomp"} and verb.head.i != verb.i:
        clause = _clause_verb(verb)  # "joined X in condemning": the subject of joined
        return subject_of(clause if clause is not verb else verb.head)
    return None


def _only_one_to(verb: Token) -> Token | None:
    """The subject of "X was the only (first, last) state to do Y": who did Y."""
    noun = verb.head
    if verb.dep_ not in {"relcl", "acl"} or not infinitive(verb) or noun.dep_ != "attr":
        return None
    if not any(c.lower_ in cues.SINGLING_OUT or c.ent_type_ == "ORDINAL" for c in noun.children):
        return None
    return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)


def _caused(verb: Token) -> bool:
    """Whether a verb of causing says someone was made to act ("prompted", "forcing"), not
    that it is sought or may be ("seek to force", "would force")."""
    return verb.lemma_.lower() in cues.CAUSING and verb.tag_ != "VB" and not is_negated(verb)


def _authors_of(verb: Token) -> Token | None:
    """Who issued the text a verb says something in: "published a statement calling for
    X", "adopted a resolution urging X", "in a letter demanding X, the ministers said"."""
    text = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or text.lemma_.lower() not in cues.DOCUMENTS:
        return None
    if text.dep_ == "dobj" and text.head.lemma_.lower() in cues.ISSUING:
        return subject_of(text.head)
    if text.dep_ == "pobj" and text.head.lower_ == "in" and text.head.head.pos_ == "VERB":
        return subject_of(text.head.head)
    return None


def _alleged(verb: Token) -> bool:
    """Whether a verb names the act an accusation alleges ("accused Kyiv of strengthening
    its forces"): whoever did it, the accuser did not."""
    accusing = _reason_of(verb)
    return accusing is not None and cues.VERBS.get(accusing.lemma_.lower()) is Predicate.ACCUSES


def _listed_among(verb: Token) -> Token | None:
    """ "Among the member states, France and Italy backed X": the parser hangs the actors
    on the fronted phrase, as more of what it is among; the first named after it acts."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
        if prep.lower_ != "among":
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            listed = [c for c in pobj.conjuncts if c.i > pobj.i and c.ent_type_]
            if listed and pobj.doc[listed[0].i - 1].text == ",":
                return listed[0]
    return None


def has_modal(verb: Token) -> bool:
    """Whether a verb has a modal auxiliary: "will be", "would be", "must go"."""
    return any(c.dep_ == "aux" and c.lower_ in cues.MODALS for c in verb.children)


def is_negated(token: Token) -> bool:
    """ "will not support", "never backed", "no longer supports", "failed to back",
    "neither A nor B backed"; not "whether or not to support"."""
    return any(
        (
            c.dep_ == "neg"
            or c.lower_ in {"never", "no"}
            or _no_longer(c)
            or _neither(c)
            or _negated_adverb(c)
        )
        and not _either_way(c)
        for c in token.children
    ) or (token.dep_ == "xcomp" and token.head.lemma_ == "fail")


def _negated_adverb(child: Token) -> bool:
    """ "would "absolutely not" agree", "will certainly not back": the "not" hangs from
    the adverb it follows (a "not" before it, as in "not only", negates nothing)."""
    return child.dep_ == "advmod" and any(
        g.lower_ in {"not", "n't"} and g.i > child.i for g in child.children
    )


def _no_longer(child: Token) -> bool:
    return child.lower_ == "longer" and any(c.lower_ == "no" for c in child.children)


def _neither(child: Token) -> bool:
    """A subject "neither A nor B": none of them does it."""
    return child.dep_ in SUBJECT_DEPS and any(
        c.lower_ == "neither" and c.dep_ in {"det", "preconj"} for c in child.children
    )


def _either_way(negation: Token) -> bool:
    """The "not" of "whether or not", which leaves both ways open."""
    before = negation.doc[max(negation.i - 2, 0) : negation.i].text.lower()
    return negation.lower_ == "not" and before == "whether or"


def objects_of(verb: Token, prepositions: tuple[str, ...] = ()) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in OBJECT_DEPS] or _what_called(verb)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            found.extend(c for c in child.children if c.dep_ in {"pobj", "pcomp"})
    return found


def _what_called(verb: Token) -> list[Token]:
    """ "condemned what he called an indefensible decision", "rejected what it described as
    false claims": what is so called is the object."""
    judged = []
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.lemma_.lower() not in cues.JUDGING:
            continue
        if any(c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children):
            judged += [c for c in clause.children if c.dep_ in {"oprd", "xcomp"}]
            judged += [o for c in clause.children if c.dep_ == "prep" and c.lower_ == "as"
                       for o in c.children if o.dep_ == "pobj"]  # fmt: skip
    return [j for j in judged if j.pos_ in {"NOUN", "PROPN"}]


LIST_MARKS = {":", "-", "–", "—"}


def listed_after(noun: Token) -> list[Token]:
    """The items a colon or dash right after a noun lists ("the following conditions: the
    reconnection of X, the resumption of Y"): the first, as the parser may have hung it
    anywhere after the mark, and those coordinated with it."""
    doc = noun.doc
    end = noun.right_edge.i
    if end + 2 >= len(doc) or doc[end + 1].text not in LIST_MARKS:
        return []
    item = doc[end + 2]
    while item.head.i > end + 1 and item.head.i != item.i and item.head.sent == item.sent:
        item = item.head
    return [item, *item.conjuncts] if item.pos_ in {"NOUN", "VERB"} else []


def negative_content(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in cues.NEGATIVE_ACTIONS:
        return True
    particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
    if any((lemma, p) in cues.NEGATIVE_PHRASAL for p in particles):
        return True  # "give up its NATO bid", "called off the strike"
    if lemma == "lift" and token.pos_ == "VERB":  # "lift the ban", not "lift wages"
        lifted = objects_of(token) + [c for c in token.children if c.dep_ == "nsubjpass"]
        return not lifted or any(o.lemma_.lower() in cues.RESTRICTIONS for o in lifted)
    if lemma in {"withdraw", "withdrawal"}:  # "withdraw the bill", not "withdraw troops"
        passive = [c for c in token.children if c.dep_ == "nsubjpass"]
        withdrawn = objects_of(token, ("of",)) + passive
        return any(o.lemma_.lower() in cues.LEGISLATION for o in withdrawn)
    return lemma in cues.NEGATIVE_CONTENT or token.lower_.startswith("non-")


def hypothetical_verb(verb: Token) -> bool:
    """ "will meet", "are due to discuss", "plan to meet", "will travel to X to meet Y": a
    meeting yet to happen."""
    if any(c.dep_ == "aux" and c.lower_ in {"will", "would", "could", "may", "might", "shall"}
           for c in verb.children):  # fmt: skip
        return True
    if verb.dep_ == "advcl" and infinitive(verb) and verb.head.i != verb.i:
        return hypothetical_verb(verb.head)  # "will travel to Berlin to meet Scholz"
    return verb.dep_ == "xcomp"


def left_open(verb: Token) -> bool:
    """ "decide whether to support the package": a question still open, no stance."""
    return any(c.dep_ == "mark" and c.lower_ == "whether" for c in verb.children)


def content_objects(token: Token, *, committed: bool = False) -> Iterator[tuple[Token, bool]]:
    """Objects of an infinitival complement: "to exclude X" (opposition), "to provide X";
    or the action itself: "to close the border" (the closure of the border). After a verb
    of commitment, an infinitive the parser set apart is its complement too ("vowed on
    Tuesday to close")."""
    for child in _complement_verbs(token, committed):
        if child.lemma_.lower() in cues.JOINING:
            yield child, False  # the membership itself is the content
            continue
        if left_open(child):
            continue  # "decide whether to back X"
        if child.lemma_.lower() in cues.REACTING | cues.ANSWERING | cues.CONTACTING:
            continue  # "vowed to respond to the tariffs", "ready to listen to concerns",
            # "intends to contact its colleagues"
        negative = (negative_content(child) or refusing(child)) != is_negated(child)
        against = [o for p in child.children if p.dep_ == "prep" and p.lower_ == "against"
                   for o in p.children if o.dep_ in {"pobj", "pcomp"}]  # fmt: skip
        if child.lemma_.lower() in cues.AGAINST_VERBS and against:
            yield from ((obj, not negative) for obj in against)  # "to vote against the offer"
            continue
        if names_action(child):
            yield child, is_negated(child)
            continue
        direct = objects_of(child) or _state_kept(child)
        for obj in direct or objects_of(child, ("for", "to", "on", *_supporting_marks(child))):
            yield obj, negative  # "send troops to X": X only receives them
        for deeper, deeper_negative in content_objects(child):
            yield deeper, negative != deeper_negative


def _state_kept(verb: Token) -> list[Token]:
    """ "that Moldova stay neutral": the adjective of the state asked for."""
    if verb.lemma_.lower() not in cues.COPULAR:
        return []
    return [c for c in verb.children if c.dep_ == "acomp" and c.lower_ in cues.STATE_NOUNS_OF]


def _supporting_marks(verb: Token) -> tuple[str, ...]:
    """The prepositions after which a verb of support takes what it supports: asked "to
    comply with the ruling", the ruling is the content."""
    cue = cues.VERB_PREPOSITIONS.get(verb.lemma_.lower())
    return cue[1] if cue and cue[0] is Predicate.SUPPORTS else ()


def infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def names_action(verb: Token) -> bool:
    """Whether a verb and its object name the issue as an action ("close the border"),
    not through the object alone ("hold talks", "send aid") or a stance ("back X"): a
    verb with a noun of its own (data/nominalisations.json) and a noun for object."""
    lemma = verb.lemma_.lower()
    if noun_of(verb) is None or lemma in object_verbs() or lemma in cues.GIVING:
        return False
    if lemma in cues.VERBS or lemma in cues.VERB_PREPOSITIONS or negative_content(verb):
        return False
    if (verb.tag_ == "VBG" and verb.dep_ != "xcomp") or any(c.dep_ == "prt" for c in verb.children):
        return False  # "proposed closing the border" names the closure; "saying X" nothing
    return any(c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"} for c in verb.children)


def refusing(verb: Token) -> bool:
    """A complement that itself opposes its object: "refused to rule out X" keeps X open,
    "vowed to reject X" and "urged the EU to condemn X" oppose it (the stance of the verb
    above is flipped by it)."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    lemma = verb.lemma_.lower()
    held = [c.lower_ for c in verb.children if c.dep_ == "prep" and c.lower_ == "out"]
    phrasal = [cues.PHRASAL_VERBS.get((lemma, p)) for p in particles + held]  # "keep X out of"
    if any(p is Predicate.OPPOSES for p in phrasal):
        return True
    return not particles and cues.VERBS.get(lemma) in {Predicate.OPPOSES, Predicate.CRITICIZES}


def _complement_verbs(token: Token, committed: bool = False) -> Iterator[Token]:
    """Verbs completing token: "to exclude", "that ... must", "(think) about how to give",
    "(go further) by banning"."""
    for child in token.children:
        completing = child.dep_ in {"xcomp", "acl", "ccomp"} and child.pos_ == "VERB"
        if completing or (committed and child.dep_ == "advcl" and infinitive(child)):
            yield child
        elif child.dep_ == "prep" and child.lower_ in {"about", "on", "of", "by"}:
            yield from (g for g in child.children if g.dep_ == "pcomp" and g.pos_ == "VERB")


def clause_subjects(verb: Token) -> list[Token]:
    """ "insisted that sanctions must remain": what the content clause is about."""
    return [
        subject
        for clause in verb.children
        if clause.dep_ == "ccomp"
        for subject in clause.children
        if subject.dep_ in {"nsubj", "nsubjpass"} and subject.pos_ == "NOUN"
    ]


def short_names(entities: Iterable[Entity], text: str, kb: KnowledgeBase) -> dict[str, str]:
    """The acronym each organization goes by ("EU"), as this text writes it if it does,
    and a state's if this text writes one ("U.S.", never an unwritten "PRC"), for the
    names of issues."""
    out = {}
    for entity in entities:
        if entity.label not in {Label.ORGANIZATION, Label.COUNTRY} or is_acronym(entity.name):
            continue
        known = kb.lookup(entity.name)
        aliases = [*entity.aliases, *(known.aliases if known and known.id == entity.id else ())]
        # a capital a dateline writes in capitals ("MOSCOW, Jan 5 -") is no acronym
        acronyms = [a for a in dict.fromkeys(aliases) if is_acronym(a) and not kb.is_seat(a)]
        written = [a for a in acronyms if re.search(rf"(?<![\w.]){re.escape(a)}(?!\w)", text)]
        if entity.label is Label.ORGANIZATION:  # a state by its acronym only as written here
            written = written or sorted(acronyms, key=lambda a: ("." in a, a))
        if written:
            out[entity.id] = written[0]
    return out


def _adjectival(token: Token) -> bool:
    """A mention written as an adjective ("Brazilian", "Russian")."""
    return token.pos_ == "ADJ" or token.ent_type_ == "NORP"
