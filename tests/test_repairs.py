"""The parse repairs, on parses given by hand (what the small parser was seen to produce)
and through the whole pipeline."""

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from loaders.article import Article
from loaders.pipeline import Extractor
from loaders.repairs import (
    dative_before_amount,
    finite_conjunct_of_infinitive,
    join_split_compound,
    judged_after_object,
    object_after_aside,
    object_not_clause,
    title_before_name,
)


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    lemmas = [w.lower() for w in words]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def _arcs(doc: Doc) -> list[tuple[str, str, str]]:
    return [(t.text, t.dep_, t.head.text) for t in doc]


def test_repairs_two_objects_in_a_row_are_one_noun_phrase() -> None:
    doc = _doc(
        ["Italy", "signed", "the", "fisheries", "agreement", "."],
        [1, 1, 3, 1, 1, 1],
        ["nsubj", "ROOT", "det", "dobj", "dobj", "punct"],
        ["PROPN", "VERB", "DET", "NOUN", "NOUN", "PUNCT"],
    )
    join_split_compound(doc)
    assert _arcs(doc)[2:5] == [
        ("the", "det", "agreement"),
        ("fisheries", "compound", "agreement"),
        ("agreement", "dobj", "signed"),
    ]


def test_repairs_two_objects_each_with_its_determiner_stay_two() -> None:
    doc = _doc(
        ["Italy", "gave", "the", "envoys", "a", "deal", "."],
        [1, 1, 3, 1, 5, 1, 1],
        ["nsubj", "ROOT", "det", "dobj", "det", "dobj", "punct"],
        ["PROPN", "VERB", "DET", "NOUN", "DET", "NOUN", "PUNCT"],
    )
    join_split_compound(doc)
    assert _arcs(doc)[3] == ("envoys", "dobj", "gave")


@pytest.mark.parametrize(
    ("verb", "dep"),
    [("welcomed", "dobj"), ("let", "ccomp")],  # "let the deal stand": a small clause
)
def test_repairs_a_bare_noun_phrase_hung_as_a_clause_is_the_object(verb: str, dep: str) -> None:
    doc = _doc(
        ["Spain", verb, "the", "fisheries", "agreement", "."],
        [1, 1, 4, 4, 1, 1],
        ["nsubj", "ROOT", "det", "compound", "ccomp", "punct"],
        ["PROPN", "VERB", "DET", "NOUN", "NOUN", "PUNCT"],
    )
    doc[1].lemma_ = {"welcomed": "welcome", "let": "let"}[verb]
    object_not_clause(doc)
    assert doc[4].dep_ == dep


def test_repairs_a_noun_before_a_name_both_subjects_describes_the_name() -> None:
    doc = _doc(
        ["EU", "members", "France", "and", "Germany", "backed", "it", "."],
        [1, 5, 5, 2, 2, 5, 5, 5],
        ["compound", "nsubj", "nsubj", "cc", "conj", "ROOT", "dobj", "punct"],
        ["PROPN", "NOUN", "PROPN", "CCONJ", "PROPN", "VERB", "PRON", "PUNCT"],
    )
    title_before_name(doc)
    assert _arcs(doc)[1:3] == [("members", "compound", "France"), ("France", "nsubj", "backed")]


@pytest.mark.slow
def test_repairs_an_agreement_named_by_two_nouns_is_one_topic(
    rules_extractor: Extractor,
) -> None:
    text = "Italy signed the fisheries agreement."
    article = Article(id="a", origin="test", text=text, content_hash="h")
    fragment = rules_extractor.fragment(rules_extractor.nlp(text), article)
    assert {e.name for e in fragment.entities if e.label == "Topic"} == {"fisheries agreement"}


@pytest.mark.parametrize(
    ("verb", "lemma", "dep"), [("called", "call", "oprd"), ("signed", "sign", "amod")]
)
def test_repairs_an_adjective_after_a_judged_object_is_the_judgement(
    verb: str, lemma: str, dep: str
) -> None:
    doc = _doc(
        ["Rome", verb, "the", "levy", "unfair", "."],
        [1, 1, 3, 1, 3, 1],
        ["nsubj", "ROOT", "det", "dobj", "amod", "punct"],
        ["PROPN", "VERB", "DET", "NOUN", "ADJ", "PUNCT"],
    )
    doc[1].lemma_ = lemma
    judged_after_object(doc)
    assert _arcs(doc)[4] == ("unfair", dep, verb if dep == "oprd" else "levy")


@pytest.mark.slow
def test_repairs_a_judged_object_is_a_topic_without_the_judgement(
    rules_extractor: Extractor,
) -> None:
    text = "Dutch Agriculture Minister Piet Adema called the fertiliser levy unfair and harmful."
    article = Article(id="a", origin="test", text=text, content_hash="h")
    fragment = rules_extractor.fragment(rules_extractor.nlp(text), article)
    assert {e.name for e in fragment.entities if e.label == "Topic"} == {"fertiliser levy"}


def test_repairs_an_object_after_an_aside_is_the_infinitives() -> None:
    doc = _doc(
        ["Chile", "pressed", "officials", "to", "publish", ",", "now", ",", "the", "results"],
        [1, 1, 1, 4, 1, 4, 4, 1, 9, 1],
        ["nsubj", "ROOT", "dobj", "aux", "xcomp", "punct", "advmod", "punct", "det", "dobj"],
        ["PROPN", "VERB", "NOUN", "PART", "VERB", "PUNCT", "ADV", "PUNCT", "DET", "NOUN"],
    )
    object_after_aside(doc)
    assert _arcs(doc)[9] == ("results", "dobj", "publish")


@pytest.mark.slow
def test_repairs_what_an_asked_act_is_done_to_after_an_aside(rules_extractor: Extractor) -> None:
    text = "Chile pressed the electoral authorities to publish, without delay, the full results."
    article = Article(id="a", origin="test", text=text, content_hash="h")
    fragment = rules_extractor.fragment(rules_extractor.nlp(text), article)
    assert {e.name for e in fragment.entities if e.label == "Topic"} == {"full results"}


@pytest.mark.parametrize(
    ("accused", "tag", "joined"), [("accused", "VBD", "urged"), ("accuse", "VB", "act")]
)
def test_repairs_a_verb_in_a_tense_is_not_joined_to_an_infinitive(
    accused: str, tag: str, joined: str
) -> None:
    words = ["Iran", "urged", "the", "agency", "to", "act", "and", accused, "it", "of", "bias"]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[1, 1, 3, 1, 5, 1, 5, 5, 7, 7, 9],
        deps=["nsubj", "ROOT", "det", "dobj", "aux", "xcomp", "cc", "conj", "dobj", "prep", "pobj"],
        pos=[
            "PROPN",
            "VERB",
            "DET",
            "NOUN",
            "PART",
            "VERB",
            "CCONJ",
            "VERB",
            "PRON",
            "ADP",
            "NOUN",
        ],
        tags=["NNP", "VBD", "DT", "NN", "TO", "VB", "CC", tag, "PRP", "IN", "NN"],
    )
    finite_conjunct_of_infinitive(doc)
    assert _arcs(doc)[7] == (accused, "conj", joined)  # "to act and accuse it" stays


@pytest.mark.slow
def test_repairs_a_verb_in_a_tense_after_an_infinitive_has_the_main_subject(
    rules_extractor: Extractor,
) -> None:
    text = (
        "Iranian Vice President Ali Salehi urged the International Atomic Energy Agency to act "
        "and accused the agency of silence."
    )
    article = Article(id="a", origin="test", text=text, content_hash="h")
    fragment = rules_extractor.fragment(rules_extractor.nlp(text), article)
    names = {e.id: e.name for e in fragment.entities}
    found = {(names[r.subject], r.predicate.value, names[r.object]) for r in fragment.relations}
    assert ("Ali Salehi", "ACCUSES", "International Atomic Energy Agency") in found, found


def test_repairs_a_name_before_an_amount_is_the_dative() -> None:
    doc = Doc(
        Vocab(),
        words=["Brussels", "fined", "Apple", "500", "million", "euros"],
        heads=[1, 1, 5, 4, 5, 1],
        deps=["nsubj", "ROOT", "nmod", "compound", "nummod", "dobj"],
        pos=["PROPN", "VERB", "PROPN", "NUM", "NUM", "NOUN"],
    )
    dative_before_amount(doc)
    assert _arcs(doc)[2] == ("Apple", "dative", "fined")
