"""A pipeline component that makes every paragraph start a sentence, and the words
after a dateline too.

A sentence start set ahead of the parser makes the small parser end that sentence
after its first word ("Russia | blamed Ukraine for the attack."), so the word after a
paragraph's first word is marked as no sentence start.

Headlines and standfirsts carry no final full stop, so the parser would run
them into the next paragraph; a blank line is always a sentence boundary. A
dateline ("ANKARA (AP) — Turkish President Erdogan called for ...") would
otherwise be parsed into the sentence, and the outlet taken for the speaker.
"""

from spacy.language import Language
from spacy.tokens import Doc, Token

from loaders.dates import dateline_end

NAME = "newsgraph_paragraphs"


@Language.component(NAME)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the first token of every paragraph, and the first after its dateline, as
    sentence starts, and the token after a paragraph's first as none."""
    for token in doc:
        if token.is_space:
            continue
        if token.i == 0 or "\n" in doc[token.i - 1].text_with_ws:
            token.is_sent_start = True
            second = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if second is not None and not second.is_space and "\n" not in token.text_with_ws:
                second.is_sent_start = False
            _after_dateline(doc, token)
    return doc


def _after_dateline(doc: Doc, first: Token) -> None:
    end = dateline_end(doc.text[first.idx : first.idx + 120])
    if end is None:
        return
    after = doc.char_span(first.idx + end, len(doc.text), alignment_mode="expand")
    following = [t for t in after or [] if not t.is_space][:1]
    if following and following[0].i > first.i:
        following[0].is_sent_start = True


def add_paragraph_boundaries(nlp: Language) -> None:
    """Put the component ahead of the parser (once)."""
    if NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, before="parser")
