"""Evidence records: the sentence that asserts a relation, with its offsets."""

from spacy.tokens import Span

from loaders.article import Article
from loaders.fragment import Evidence

EXTRACTOR_VERSION = "newsgraph-extract/0.2"


def evidence_for(
    sentence: Span,
    article: Article,
    *,
    confidence: float,
    negated: bool = False,
    speaker: str | None = None,
    rule: str | None = None,
    phrase: str | None = None,
) -> Evidence:
    """Evidence from one sentence of an article."""
    return Evidence(
        article_id=article.id,
        sentence=sentence.text.strip(),
        start=sentence.start_char,
        end=sentence.end_char,
        published=article.published,
        source=article.source,
        negated=negated,
        speaker=speaker,
        confidence=confidence,
        extractor=EXTRACTOR_VERSION,
        rule=rule or None,
        phrase=phrase,
    )
