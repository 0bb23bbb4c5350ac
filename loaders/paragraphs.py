"""A pipeline component that makes every paragraph start a sentence.

Headlines and standfirsts carry no final full stop, so the parser would run
them into the next paragraph; a blank line is always a sentence boundary.
"""

from spacy.language import Language
from spacy.tokens import Doc

NAME = "newsgraph_paragraphs"


@Language.component(NAME)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


def add_paragraph_boundaries(nlp: Language) -> None:
    """Put the component ahead of the parser (once)."""
    if NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, before="parser")
