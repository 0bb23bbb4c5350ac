"""What the store's reads return: validated records, the same for both engines."""

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

# Where an answer's page of sentences goes on (graph/sentences.py makes the cursors).
EvidenceCursor = Annotated[
    str | None,
    Field(
        description="cursor of the next page of its sentences (GET /api/v1/evidence?cursor=); "
        "null when evidence holds them all"
    ),
]


class GraphCounts(BaseModel):
    """Sizes of the graph (the same numbers /health, `newsgraph ingest` and `newsgraph
    engine status` print)."""

    nodes: int = Field(description="every node: entities, articles, outlets and evidence")
    relationships: int = Field(description="every edge: claims, MENTIONS and PUBLISHED_BY")
    articles: int
    entities: int = Field(description="entity nodes (topics included)")
    relations: int = Field(
        description="distinct (subject, predicate, object) as /relations lists them; a "
        "symmetric predicate's two directions are one relation"
    )
    evidence: int = Field(
        description="evidence: one per relation and sentence asserting it, the sum of every "
        "relation's `sentences`"
    )


class EntitySummary(BaseModel):
    """An entity node."""

    id: str
    name: str
    label: str
    aliases: list[str] = Field(default_factory=list)
    wikidata: str | None = None
    articles: int = Field(0, description="how many articles mention it")


class ArticleSummary(BaseModel):
    """An article's provenance record."""

    id: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    path: str | None = None


class MentionedEntity(BaseModel):
    """An entity as mentioned by one article."""

    id: str
    name: str
    label: str
    mentions: int = 1


class ArticleDetail(ArticleSummary):
    """An article with its text and the entities found in it."""

    text: str = ""
    content_hash: str
    entities: list[MentionedEntity] = Field(default_factory=list)


class EntityArticle(ArticleSummary):
    """An article that mentions a given entity."""

    mentions: int = 1


class EntityDetail(EntitySummary):
    """An entity with the articles that mention it."""

    mentioned_in: list[EntityArticle] = Field(default_factory=list)


class WriteOutcome(BaseModel):
    """What writing one fragment did."""

    article_id: str
    status: Literal["new", "changed", "unchanged"]
    entities: int = Field(description="entities this article mentions (not the graph's)")
    relations: int = Field(description="relations this article asserts (not the graph's)")


class ArticleDeleted(BaseModel):
    """What deleting an article removed: the facts it alone supported."""

    article_id: str
    evidence: int = Field(description="its evidence: the sentences it asserted")
    relations: int = Field(description="relations no other article asserts, gone with it")
    entities: list[str] = Field(description="ids of the entities no other article supports")


# --- the analyst's reads -----------------------------------------------------------------


class EntityRef(BaseModel):
    """An entity as it appears at the end of a relation."""

    id: str
    name: str
    label: str
    aliases: list[str] = Field(default_factory=list)


class Candidate(BaseModel):
    """An entity a name may mean (an ambiguous name's candidates, a missing one's
    suggestions)."""

    id: str
    name: str
    label: str


class EvidencePublic(BaseModel):
    """A sentence that asserts a relation."""

    article_id: str
    sentence: str
    start: int | None = Field(
        None, description="its offset in the article's text: (article_id, start) is the sentence"
    )
    published: str | None = None
    source: str | None = None
    speaker: str | None = Field(
        None, description="entity id of who is reported saying it (the evidence's own record)"
    )
    speaker_name: str | None = Field(None, description="the speaker entity's name")
    rule: str | None = Field(
        None, description="why the edge exists: the reading rule or learned model that read it"
    )


class TopicRef(BaseModel):
    """A topic node; as an answer to a question, with why it matched and how well."""

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    match: Literal["exact", "same", "similar", "narrower", "backed", "words"] | None = Field(
        None,
        description="exact: a name of the topic; same: the same issue with the same "
        "arguments in other words; similar: the same arguments, and an issue no issue word "
        "reads whose wording means the same (static embeddings); narrower: the issue with "
        "more arguments or a further issue (a broader question gathers these); backed: the "
        'same issue without whom the question names before it ("EU duties on X"), who '
        "backs the topic; words: shares most of the words",
    )
    score: float | None = Field(None, ge=0.0, le=1.0, description="how closely it matches")
    reason: str | None = Field(
        None, description="why it matched, in words (with the similarity of a match by meaning)"
    )


class StanceActor(EntityRef):
    """An actor taking the asked stance on a topic, with the sentences that say so."""

    predicates: list[str]
    evidence: list[EvidencePublic] = Field(description="the newest asserting sentences")
    evidence_next: EvidenceCursor = None
    sentences: int = Field(
        description="how many distinct sentences assert this stance in all (one asserting "
        "two stances of it counts once; summed over the matched topics: a sentence naming "
        "two of them counts for each)"
    )
    outlets: int = Field(description="distinct outlets reporting it")


class RelationRecord(BaseModel):
    """A relation between two entities with every sentence asserting it."""

    subject: EntityRef
    predicate: str
    object: EntityRef
    title: str | None = None
    evidence: list[EvidencePublic] = Field(description="the newest asserting sentences")
    evidence_next: EvidenceCursor = None
    sentences: int = Field(
        description="how many sentences assert it in all (within the dates asked): the "
        "same number /neighbourhood and /paths give its edge and its timeline entries add "
        "up to; a symmetric relation's two directions count together"
    )


class GraphNode(BaseModel):
    """A node for drawing."""

    id: str
    name: str
    label: str


class GraphEdge(BaseModel):
    """A relation drawn as one edge (a symmetric one once, whichever way round)."""

    source: str
    target: str
    type: str
    count: int = Field(
        1, description="how many sentences assert the relation in all (/relations' `sentences`)"
    )


class PathRecord(BaseModel):
    """One shortest connection between two entities."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]


class TopicSummary(TopicRef):
    """A topic with how many actors support and oppose it."""

    supporters: int
    opponents: int


class TimelineEntry(BaseModel):
    """An entity's stance on one target on one date."""

    published: str | None
    predicate: str
    stance: Literal["support", "oppose", "other"]
    target: EntityRef
    evidence: list[EvidencePublic] = Field(description="its newest sentences on this date")
    evidence_next: EvidenceCursor = None

    sentences: int = Field(
        description="how many sentences assert it on this date; an entity's entries for "
        "one predicate and target add up to that relation's `sentences` in /relations"
    )
    changed: bool = Field(description="the stance class on this target differs from the last one")


# --- export --------------------------------------------------------------------------------


class NodeRecord(BaseModel):
    """A node as stored: its labels (structural first) and every property."""

    id: str
    labels: list[str]
    properties: dict[str, Any]


class EdgeRecord(BaseModel):
    """A relationship as stored: its ends' ids, its type and every property."""

    start: str
    type: str
    end: str
    properties: dict[str, Any] = Field(default_factory=dict)


class RelationSummary(BaseModel):
    """The sentences asserting one (subject, predicate, object), counted: an edge to draw."""

    subject: str
    predicate: str
    object: str
    sentences: int
    articles: int
    outlets: list[str]
    title: str | None = None
