"""Articles -> GraphFragments: the whole extraction, batched through spaCy."""

from collections.abc import Iterable, Iterator, Mapping

from spacy.language import Language
from spacy.tokens import Doc

from loaders.article import Article
from loaders.entities import add_kb_ruler, mentions
from loaders.fragment import ArticleInfo, GraphFragment
from loaders.kb import KnowledgeBase, KnownEntity, load_kb
from loaders.nlp import load_pipeline
from loaders.resolve import resolve

EXTRACTOR_VERSION = "newsgraph-extract/0.1"


class Extractor:
    """Turns cleaned articles into fragments; loads its pipeline on first use."""

    def __init__(self, *, model: str, batch_size: int = 32, kb: KnowledgeBase | None = None):
        self.model = model
        self.batch_size = batch_size
        self.kb = kb or load_kb()
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, with the KB ruler added, loaded once."""
        if self._nlp is None:
            nlp = load_pipeline(self.model)
            add_kb_ruler(nlp, self.kb)
            self._nlp = nlp
        return self._nlp

    def extract(
        self, articles: Iterable[Article], known: Mapping[str, KnownEntity] | None = None
    ) -> Iterator[GraphFragment]:
        """One fragment per article, in order."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, batch_size=self.batch_size, as_tuples=True):
            yield self.fragment(doc, article, known)

    def fragment(
        self, doc: Doc, article: Article, known: Mapping[str, KnownEntity] | None = None
    ) -> GraphFragment:
        """The fragment of one parsed article."""
        entities, _ = resolve(mentions(doc, self.kb), self.kb, known)
        return GraphFragment(article=article_info(article), entities=entities)


def article_info(article: Article) -> ArticleInfo:
    """The provenance record of an article."""
    return ArticleInfo(
        id=article.id,
        path=article.path,
        title=article.title,
        url=article.url,
        published=article.published,
        source=article.source,
        content_hash=article.content_hash,
        text=article.text,
        dropped_lines=len(article.dropped),
    )
