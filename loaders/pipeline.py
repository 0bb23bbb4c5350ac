"""Articles -> GraphFragments: the whole extraction, batched through spaCy."""

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from loaders import assemble
from loaders.arguments import Claim, Context, short_names
from loaders.article import Article
from loaders.candidates import Candidate, candidates
from loaders.collectives import noun_mentions
from loaders.decide import load_decider
from loaders.entities import Mention, add_kb_ruler, add_titled_names, mentions
from loaders.fragment import ArticleInfo, Entity, GraphFragment
from loaders.frames import names_resolver
from loaders.kb import KnowledgeBase, KnownEntity, load_kb
from loaders.nlp import load_pipeline
from loaders.paragraphs import add_paragraph_boundaries
from loaders.parties import with_parties
from loaders.relations import claims, speakers_of
from loaders.repairs import add_parse_repairs
from loaders.resolve import named_again, resolve
from loaders.roles import roles, state_spokespeople
from loaders.text import fold


@dataclass
class Reading:
    """What extraction reads from one article before the learned decision."""

    entities: list[Entity]
    context: Context
    claims: list[Claim]  # the reading rules' own claims
    candidates: list[Candidate]


class Extractor:
    """Turns cleaned articles into fragments; loads its pipeline on first use."""

    def __init__(
        self,
        *,
        model: str,
        batch_size: int = 32,
        kb: KnowledgeBase | None = None,
        decide: bool = True,
    ):
        self.model = model
        self.batch_size = batch_size
        self.kb = kb or load_kb()
        self.decider = load_decider() if decide else None
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, with the KB ruler added, loaded once."""
        if self._nlp is None:
            nlp = load_pipeline(self.model)
            add_kb_ruler(nlp, self.kb)
            add_titled_names(nlp)
            add_paragraph_boundaries(nlp)
            add_parse_repairs(nlp)
            self._nlp = nlp
        return self._nlp

    def __getstate__(self) -> dict[str, object]:
        """What a worker process receives: everything but the pipeline, which it loads."""
        return {**self.__dict__, "_nlp": None}

    def extract(
        self, articles: Iterable[Article], known: Mapping[str, KnownEntity] | None = None
    ) -> Iterator[GraphFragment]:
        """One fragment per article, in order."""
        pairs = ((a.text, a) for a in articles)
        docs = self.nlp.pipe(pairs, batch_size=self.batch_size, as_tuples=True)
        for doc, article in docs:
            yield self.fragment(doc, article, known)

    def fragment(
        self, doc: Doc, article: Article, known: Mapping[str, KnownEntity] | None = None
    ) -> GraphFragment:
        """The fragment of one parsed article."""
        pairs = self.decider.pairs if self.decider else frozenset()
        reading = self.read(doc, known, pairs, published=article.published)
        found_claims = self.decider.claims(reading.candidates) if self.decider else reading.claims
        context = reading.context
        names = {fold(n): e.id for e in reading.entities for n in (e.name, *e.aliases)}
        topic_entities, topic_ids = assemble.topics(
            found_claims, context.surfaces, self.kb.adjectives, names_resolver(names)
        )
        known_ids = {e.id for e in reading.entities}
        topic_entities += [
            e
            for e in assemble.events(context.meetings.values(), found_claims)
            if e.id not in known_ids
        ]
        entities = assemble.outlet_named(article, reading.entities, found_claims)
        credited = assemble.outlet(article, entities)
        credited += assemble.authors(article, entities)
        return GraphFragment(
            article=article_info(article),
            entities=entities + topic_entities + credited,
            relations=assemble.relations(found_claims, context.roles, topic_ids, article),
        )

    def read(
        self,
        doc: Doc,
        known: Mapping[str, KnownEntity] | None = None,
        pairs: frozenset[str] | None = None,
        *,
        published: str | None = None,
    ) -> Reading:
        """Entities, roles, the rules' claims and the candidates of one parsed article (pairs:
        only those of these label pairs; None: all, for training; published: its date,
        YYYY-MM-DD, which tells a person's post then)."""
        found = noun_mentions(doc, self.kb) + mentions(doc, self.kb)  # names win a shared token
        found = with_parties(doc, self.kb, found)
        entities, assigned = resolve(found, self.kb, known, doc.text)
        entity_at = token_entities(doc, found, assigned)
        named_again(doc, entities, entity_at, self.kb.party_forms)
        labels = {e.id: e.label for e in entities}
        year = int(published[:4]) if published and published[:4].isdigit() else None
        found_roles = roles(doc, entity_at, labels, self.kb.posts, year)
        names = {e.id: e.name for e in entities}
        context = Context(
            doc,
            entity_at,
            labels,
            found_roles,
            names,
            short_names=short_names(entities, doc.text, self.kb),
            members=self.kb.members,
        )
        found_roles += state_spokespeople(found_roles, context)
        sentences = list(doc.sents)
        speakers = speakers_of(sentences, context)
        found_claims = claims(context, sentences, speakers)
        by_sentence: dict[int, list[Claim]] = {}
        for claim in found_claims:
            by_sentence.setdefault(claim.sentence.start, []).append(claim)
        found_candidates = [
            candidate
            for sentence, speaker in zip(sentences, speakers, strict=True)
            for candidate in candidates(
                context, sentence, speaker, by_sentence.get(sentence.start, []), pairs
            )
        ]
        return Reading(entities, context, found_claims, found_candidates)


def token_entities(doc: Doc, found: list[Mention], assigned: Mapping[int, str]) -> dict[int, str]:
    """Token index -> id of the entity whose mention covers that token."""
    entity_at: dict[int, str] = {}
    for index, mention in enumerate(found):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        for token in span or ():
            entity_at[token.i] = assigned[index]
    return entity_at


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


__all__ = ["Entity", "Extractor", "article_info"]
