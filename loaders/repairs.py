"""A pipeline component that mends habitual misreadings of the small parser, once
parts of speech and lemmas are known, so that every rule reads one noun phrase where the
text has one.

Each repair is a named function of the parse with the sentence it mends; each only
re-hangs tokens inside one sentence and never moves a sentence's root.
"""

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Token

from loaders import cues

NAME = "newsgraph_repairs"

# Where the parser splits an object noun phrase in two.
_ARGUMENTS = {"dobj", "pobj"}
# What a bare noun phrase holds: a noun with anything else may head a clause.
_MODIFIERS = {"det", "poss", "compound", "amod", "nummod", "prep", "punct"}


def join_split_compound(doc: Doc) -> None:
    """ "Italy signed the fisheries agreement", parsed as two objects "the fisheries" and
    "agreement": the first noun modifies the second, its determiner is the phrase's."""
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if not _split_pair(token, following):
            continue
        for child in list(token.children):
            child.head = following
        token.head = following
        token.dep_ = "compound"


def _split_pair(first: Token, second: Token) -> bool:
    return (
        first.pos_ == "NOUN"
        and second.pos_ == "NOUN"
        and first.dep_ == second.dep_
        and first.dep_ in _ARGUMENTS
        and first.head == second.head
        and first.head.i != first.i
        and not any(c.i > first.i for c in first.children)
        and not any(c.dep_ == "det" for c in second.children)
    )


def object_not_clause(doc: Doc) -> None:
    """ "Spain welcomed the fisheries agreement", with "agreement" hung as a clause the
    verb takes: a noun phrase of a determiner and modifiers only, right after a verb that
    has no object and takes no small clause ("let the matter rest"), is its object."""
    for token in doc:
        verb = token.head
        if (
            token.dep_ == "ccomp"
            and token.pos_ == "NOUN"
            and verb.pos_ == "VERB"
            and verb.lemma_.lower() not in cues.SMALL_CLAUSE | cues.JUDGING
            and token.left_edge.i == verb.i + 1
            and token.left_edge.dep_ in {"det", "poss"}
            and all(c.dep_ in _MODIFIERS for c in token.children)
            and not any(c.dep_ == "dobj" for c in verb.children)
        ):
            token.dep_ = "dobj"


def title_before_name(doc: Doc) -> None:
    """ "EU members France and Germany backed X", parsed as two subjects "members" and
    "France": a common noun right before a name that is the same verb's subject describes
    the name, as "OPEC+ members Iraq and Kuwait" is parsed."""
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if (
            token.pos_ == "NOUN"
            and following.pos_ == "PROPN"
            and token.dep_ == following.dep_ == "nsubj"
            and token.head == following.head
            and not any(c.i > token.i for c in token.children)
        ):
            token.head = following
            token.dep_ = "compound"


def judged_after_object(doc: Doc) -> None:
    """ "called the price cap harmful", parsed as a cap that is harmful: an adjective right
    after the object of a verb of judging or making is what the verb says the object is,
    as "called the deal unacceptable" is parsed (English puts an adjective of its own
    noun before it)."""
    for token in doc[1:]:
        noun, verb = token.head, token.head.head
        if (
            token.dep_ == "amod"
            and token.pos_ == "ADJ"
            and token.i == noun.i + 1
            and noun.dep_ == "dobj"
            and noun.pos_ in {"NOUN", "PROPN"}
            and verb.lemma_.lower() in cues.SMALL_CLAUSE | cues.JUDGING
        ):
            token.head = verb
            token.dep_ = "oprd"


def object_after_aside(doc: Doc) -> None:
    """ "pressed the authorities to publish, without delay, the full results", parsed as a
    second object of "pressed": an object after an aside belongs to the infinitive before
    it that has none, as "pressed the authorities to publish the full results" is parsed."""
    for token in doc:
        verb = token.head
        if token.dep_ != "dobj" or verb.i > token.i:
            continue
        asked = [c for c in verb.children if c.dep_ == "dobj" and c.i < token.i]
        wanted = [
            c
            for c in verb.children
            if c.dep_ == "xcomp"
            and asked
            and asked[0].i < c.i < token.i
            and not any(d.dep_ == "dobj" for d in c.children)
            and doc[token.left_edge.i - 1].pos_ == "PUNCT"
            and token.left_edge.dep_ in _MODIFIERS | {"dobj"}
        ]
        if wanted:
            token.head = wanted[-1]


def dative_before_amount(doc: Doc) -> None:
    """ "fined Apple 500 million euros", parsed as euros of Apple: a name right after the
    verb, hung on the counted object after it, is whom the verb is done to (the dative),
    as "fined Apple a record sum" is parsed."""
    for token in doc:
        amount, verb = token.head, token.head.head
        if (
            token.dep_ == "nmod"
            and token.pos_ == "PROPN"
            and amount.dep_ == "dobj"
            and verb.pos_ == "VERB"
            and token.left_edge.i == verb.i + 1
            and any(c.dep_ == "nummod" and c.i > token.i for c in amount.children)
        ):
            token.head = verb
            token.dep_ = "dative"


# Verbs in a tense (past, present), which carry a clause of their own.
_FINITE = {"VBD", "VBZ", "VBP"}


def finite_conjunct_of_infinitive(doc: Doc) -> None:
    """ "urged the agency to act and accused it of silence", parsed as "to act and
    accused": a verb in a tense, with no subject of its own, cannot share an infinitive's
    "to"; it is joined to the verb in that same tense above the infinitive."""
    for token in doc:
        infinitive, above = token.head, token.head.head
        if (
            token.dep_ == "conj"
            and token.tag_ in _FINITE
            and infinitive.tag_ == "VB"
            and infinitive.dep_ in {"xcomp", "advcl"}
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in infinitive.children)
            and above.tag_ == token.tag_
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
        ):
            for cc in [c for c in infinitive.children if c.dep_ == "cc" and c.i < token.i]:
                cc.head = above
            token.head = above


REPAIRS: tuple[Callable[[Doc], None], ...] = (
    join_split_compound,
    object_not_clause,
    title_before_name,
    judged_after_object,
    object_after_aside,
    finite_conjunct_of_infinitive,
    dative_before_amount,
)


@Language.component(NAME)
def repair_parse(doc: Doc) -> Doc:
    """Run every repair over a parsed doc."""
    for repair in REPAIRS:
        repair(doc)
    return doc


def add_parse_repairs(nlp: Language) -> None:
    """Put the component where the parse, parts of speech and lemmas are known (once)."""
    if NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, after="lemmatizer")
